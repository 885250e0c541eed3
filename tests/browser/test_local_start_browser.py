"""The local start (`make lab` = `tools/lab.py`) as a student and a teacher meet it, in a real browser.

The server is started with the very command `make lab` runs (``tools/lab.py``), in isolated Jupyter
folders; the only extra flags expose ``window.jupyterapp`` for the helpers and keep checkpoints out
of the repository. Checked:

* the link printed in the terminal opens ``notebooks/00_start.ipynb`` (not the Launcher), with
  Dutch menus and without a news question;
* the server's root is the repository: exported files can be downloaded from the file browser;
* saving a workbook notebook (Ctrl+S after Run All) writes no outputs, execution counts or widget
  state: the file stays byte-identical to git's version; after a kernel restart and a reload there
  are no "model not found" boxes; a freshly opened notebook is not marked modified.

Notebook 07 is used from a copy below the git-ignored ``screenshots/`` folder (inside the server
root, and still ``.../notebooks/NN_*.ipynb`` for the hook), so a test never writes a notebook that
someone may be editing.
"""
from __future__ import annotations

import json
import re
import secrets
import shutil
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

import jlab

pytestmark = pytest.mark.browser

REPO = jlab.REPO_ROOT
NB07 = "notebooks/07_blog_vertrouwen_prisoners_dilemma.ipynb"
START = "notebooks/00_start.ipynb"


def _git_version(relpath: str) -> bytes:
    return subprocess.run(["git", "show", f"HEAD:{relpath}"], cwd=REPO, check=True, capture_output=True).stdout


@pytest.fixture(scope="module")
def local_lab(chromium_path, tmp_path_factory):
    """JupyterLab started as `make lab` starts it (tools/lab.py), with the lines it printed."""
    tmp = tmp_path_factory.mktemp("local-lab")
    env = jlab.isolated_env(tmp)
    env["WAKKER_EXPORTS"] = str(REPO / "screenshots" / "exports" / tmp.name)  # inside the root, git-ignored
    token = secrets.token_hex(24)
    env["JUPYTER_TOKEN"] = token
    port = jlab.free_port()
    cmd = [sys.executable, str(REPO / "tools" / "lab.py"), "--no-browser", "--port", str(port),
           "--LabApp.expose_app_in_browser=True", f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}"]
    with jlab.running_command(cmd, env, port, token, tmp) as server:
        yield server


@pytest.fixture
def lab_page(request, browser, local_lab):
    with jlab.new_page(request, browser, local_lab) as pg:
        yield pg


@pytest.fixture
def copy_of_07(local_lab):
    """Git's notebook 07 copied to screenshots/local-start/<n>/notebooks/ (inside the server root)."""
    folder = REPO / "screenshots" / "local-start" / f"run-{secrets.token_hex(4)}"
    target = folder / NB07
    target.parent.mkdir(parents=True)
    original = _git_version(NB07)
    target.write_bytes(original)
    yield target.relative_to(REPO).as_posix(), target, original
    shutil.rmtree(folder, ignore_errors=True)


def _printed_link(server, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    pattern = re.compile(r"(http://\S+)")
    while time.monotonic() < deadline:
        log = server.log_path.read_text(errors="replace")
        if "Open deze link" in log:
            return pattern.search(log[log.index("Open deze link"):]).group(1)
        time.sleep(0.2)
    raise AssertionError(f"No link printed:\n{server.log_tail()}")


def _dirty(page, path: str) -> bool:
    return page.evaluate("(path) => window.__wakker.panel(path).context.model.dirty", path)


def test_printed_link_opens_the_start_notebook_in_dutch_without_news(lab_page, local_lab):
    page = lab_page
    link = _printed_link(local_lab)
    assert re.fullmatch(rf"http://localhost:\d+/lab/tree/{START}\?token={local_lab.token}", link), link
    # What the terminal shows: Dutch lines, no English server log. Read after the link: the lines after it
    # ("Stoppen: druk hier op Ctrl+C.") may reach the log a moment later (CI once read the log just before).
    deadline = time.monotonic() + 10
    log = local_lab.log_tail()
    while "Ctrl+C" not in log and time.monotonic() < deadline:
        time.sleep(0.2)
        log = local_lab.log_tail()
    assert "JupyterLab start" in log and "Ctrl+C" in log
    assert "To access the server" not in log and "[I " not in log, log

    page.goto(link.replace("localhost", "127.0.0.1"), wait_until="domcontentloaded")
    st = jlab.wait_for_kernel_idle(page, START)
    assert st["path"] == START
    expect(page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")).to_contain_text("00_start")
    expect(page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Bestand$"))).to_be_visible()
    expect(page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^File$"))).to_have_count(0)
    page.wait_for_timeout(3000)  # the news question comes a moment after loading
    expect(page.locator(".Toastify__toast")).to_have_count(0)
    assert not re.search(r"Jupyter news|Jupyter nieuws", page.locator("body").inner_text(), re.I)
    assert not _dirty(page, START), "00_start is marked modified right after opening"
    jlab.screenshot(page, "local-start-01-printed-link")
    assert not jlab.console_errors(page)


def test_exports_are_inside_the_server_root(lab_page, local_lab):
    """The export folder can be opened and downloaded from JupyterLab's file browser
    (right-click -> Download fetches /files/<path>): the server's root is the repository."""
    page = lab_page
    jlab.open_notebook(page, local_lab, START)
    jlab.run_all(page)
    jlab.wait_for_widgets(page)
    panel = page.locator(".wakker-export")
    panel.scroll_into_view_if_needed()
    panel.locator("button", has_text="Exporteer mijn antwoorden").click()
    expect(panel).to_contain_text("Geëxporteerd", timeout=10_000)
    exported = sorted(local_lab.exports.glob("*.json"))
    assert exported, f"nothing exported to {local_lab.exports}"
    relpath = exported[-1].relative_to(REPO).as_posix()
    response = page.request.get(local_lab.url("files/" + relpath))
    assert response.ok, f"/files/{relpath}: {response.status}"
    assert isinstance(json.loads(response.text()), dict)
    listing = local_lab.api("GET", "api/contents/" + local_lab.exports.relative_to(REPO).as_posix())
    assert exported[-1].name in {item["name"] for item in listing["content"]}
    jlab.screenshot_at(page, panel, "local-start-02-exported")


def test_saved_notebook_has_no_outputs_and_is_not_modified_on_open(lab_page, local_lab, copy_of_07):
    page = lab_page
    relpath, path, original = copy_of_07
    jlab.open_notebook(page, local_lab, relpath)
    page.wait_for_timeout(2000)
    assert not _dirty(page, relpath), "notebook 07 is marked modified right after opening"
    expect(page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.jp-mod-dirty")).to_have_count(0)

    jlab.run_all(page, path=relpath, timeout=180)
    jlab.wait_for_widgets(page, timeout=60)
    assert _dirty(page, relpath)
    before = path.stat().st_mtime_ns
    page.locator(".jp-NotebookPanel:visible .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("ControlOrMeta+s")
    deadline = time.monotonic() + 30
    while _dirty(page, relpath) or path.stat().st_mtime_ns == before:
        assert time.monotonic() < deadline, "Ctrl+S did not save the notebook"
        page.wait_for_timeout(200)
    saved = path.read_bytes()
    nb = json.loads(saved)
    assert all(c.get("outputs", []) == [] and c.get("execution_count") is None for c in nb["cells"])
    assert "widgets" not in nb["metadata"]
    assert json.loads(original)["cells"] == nb["cells"]
    assert saved == original, "the saved notebook differs from git's version"

    # Restart the kernel and reload: what is on disk has no widget outputs, so no "model not found".
    kernel = page.evaluate("(p) => window.__wakker.panel(p).sessionContext.session.kernel.id", relpath)
    local_lab.api("POST", f"api/kernels/{kernel}/restart", timeout=60)
    jlab.reload(page)
    page.wait_for_timeout(1500)
    text = page.locator(".jp-NotebookPanel:visible").inner_text()
    assert "model not found" not in text and "Error displaying widget" not in text
    assert jlab.status(page, relpath)["executed"] == 0
    assert not _dirty(page, relpath), "notebook 07 is marked modified after the reload"
    jlab.screenshot(page, "local-start-03-07-after-save-restart-reload")
