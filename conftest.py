"""Test-wide setup: no test ever touches a user's real journal or export folder.

This file sits at the repository root so that it also applies to the notebooks that
nbval collects (their kernels inherit these environment variables).
"""
import os
import tempfile

_tmp = tempfile.mkdtemp(prefix="wakker-tests-")
os.environ["WAKKER_JOURNAL"] = os.path.join(_tmp, "journal.sqlite")
os.environ["WAKKER_EXPORTS"] = os.path.join(_tmp, "exports")
