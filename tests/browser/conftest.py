"""Fixtures for real-browser tests: JupyterLab + headless Chromium (Playwright).

Fixtures (see ``jlab.py`` for the helpers that drive a page):

* ``jupyter_server`` (session) -- an isolated JupyterLab on 127.0.0.1, root = repository,
  kernel = this interpreter; a :class:`jlab.JupyterServer`.
* ``journal_path`` (session) -- the temp file ``WAKKER_JOURNAL`` points to in every kernel.
* ``fresh_journal`` (function) -- the same path, with the journal file deleted before the test.
* ``browser`` (session) -- Playwright Chromium (``/usr/bin/chromium``).
* ``page`` (function) -- a fresh browser context + page (1400x1000) with console errors
  recorded; afterwards every kernel is shut down, and a screenshot
  ``screenshots/FAILED-<test>.png`` is saved when the test failed.

Every test below ``tests/browser`` gets the ``browser`` marker. Without ``/usr/bin/chromium``
the tests are skipped with a clear reason, unless ``WAKKER_REQUIRE_BROWSER=1`` (as CI sets it)
makes that a failure; ``WAKKER_SKIP_BROWSER=1`` skips them on purpose. ``fixtures/`` holds notebooks for these tests
only: nbval does not collect them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import jlab

BROWSER_DIR = Path(__file__).resolve().parent

# The fixture notebooks are driven by the browser tests only: no other collector may run them.
collect_ignore_glob = ["fixtures/*"]


def _required() -> bool:
    return os.environ.get("WAKKER_REQUIRE_BROWSER", "").strip() == "1"


def _skip_requested() -> bool:
    return os.environ.get("WAKKER_SKIP_BROWSER", "").strip() == "1" and not _required()


def _find_chromium() -> str | None:
    """Debian's /usr/bin/chromium, or WAKKER_CHROMIUM, or a Chromium/Chrome on the PATH."""
    import shutil

    for candidate in (os.environ.get("WAKKER_CHROMIUM"), jlab.CHROMIUM):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="WAKKER_SKIP_BROWSER=1: real-browser tests skipped")
    for item in items:
        if BROWSER_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if _skip_requested():
                item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The Chromium to drive. Missing: skipped with a clear reason on a user's machine, a failure in CI.

    CI (``.ci/run``) sets ``WAKKER_REQUIRE_BROWSER=1`` and installs Debian's chromium, so there a
    missing browser fails the run; on a student's or teacher's own machine ``make test`` stays
    usable without a browser and says which tests it skipped and why.
    """
    found = _find_chromium()
    if found is None:
        message = ("Chromium not found: the real-browser tests need it (Debian/Ubuntu: sudo apt install chromium; "
                   "or point WAKKER_CHROMIUM at a Chromium/Chrome binary). `playwright install` is not used.")
        if _required():
            pytest.fail(message + " WAKKER_REQUIRE_BROWSER=1 is set, so this is a failure.", pytrace=False)
        pytest.skip(message)
    if _skip_requested():
        pytest.skip("WAKKER_SKIP_BROWSER=1: real-browser tests skipped")
    return found


@pytest.fixture(scope="session")
def jupyter_server(chromium_path, tmp_path_factory):
    """A running, isolated JupyterLab for the whole test session (see ``jlab.running_server``)."""
    with jlab.running_server(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def journal_path(jupyter_server) -> Path:
    """The answer journal the kernels write to (``WAKKER_JOURNAL``); shared by the session."""
    return jupyter_server.journal


@pytest.fixture
def fresh_journal(jupyter_server) -> Path:
    """``journal_path`` with no journal yet: the file (and its -wal/-shm) is removed first.
    Safe because the ``page`` fixture stops every kernel after each test."""
    for p in jupyter_server.journal.parent.glob(jupyter_server.journal.name + "*"):
        p.unlink()
    return jupyter_server.journal


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=chromium_path, args=jlab.CHROMIUM_ARGS)
        yield b
        b.close()
    finally:
        pw.stop()


@pytest.fixture
def page(request, browser, jupyter_server):
    """A new page in its own browser context; kernels are shut down after the test."""
    with jlab.new_page(request, browser, jupyter_server) as pg:
        yield pg
