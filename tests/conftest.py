"""Shared by every test: widgets made in a test talk to a dummy comm, whatever was imported before.

Importing ``ipykernel.ipkernel`` (tests/hub does, through ``wakker.serverhooks.kernel_language_info``) makes
``comm.create_comm`` return ipykernel's comm, whose kernel is None outside a kernel: ipywidgets then sends no
change at all, and a test that counts the changes a widget sends would pass or fail by test order. Here every
test starts with the ``comm`` package's own dummy comm (a widget behaves as in a kernel, without one)."""
from __future__ import annotations

import os
import tempfile

import comm
import pytest

# Parsed YAML (wakker.core.data.cache_dir) goes to a folder of this test run, not the user's ~/.cache; the
# JupyterLab servers and kernels the browser tests start inherit it.
os.environ.setdefault("WAKKER_CACHE", tempfile.mkdtemp(prefix="wakker-test-cache-"))


@pytest.fixture(autouse=True)
def _dummy_comms(monkeypatch):
    monkeypatch.setattr(comm, "create_comm", comm._create_comm)
    monkeypatch.setattr(comm, "get_comm_manager", comm._get_comm_manager)
