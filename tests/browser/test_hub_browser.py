"""The workbook on a real JupyterHub, end to end: two students and a teacher in headless Chromium.

The hub is ``tools/hub/jupyterhub_config.py``: JupyterHub with its proxy ``configurable-http-proxy``
(pinned in ``tools/hub/package.json``, installed by ``npm ci`` in ``.ci/run``), ``DummyAuthenticator``
and ``SimpleLocalProcessSpawner``, every user's home a temp folder, all on 127.0.0.1. The
single-user environment is this test's own (``.venv``, with nbgitpuller). What ``pip install`` of the
package puts into ``<prefix>/etc/jupyter`` (the data files of ``pyproject.toml``: the server extension
``wakker.serverhooks`` switched on) is copied into a temp prefix that the single-user servers read, as is
the optional Dutch-menu setting of the administrator's README section.

The walk (screenshots in the git-ignored ``screenshots/hub/``):

1. two students follow the same nbgitpuller link to a local bare clone of this repository, log in,
   land in notebook 07, run it, answer a question and save a strategy, and export their answers;
   each journal is in the student's own home, and the second student sees nothing of the first;
2. saving notebook 07 writes git's version of it (the pre-save hook of the server extension);
3. the repository gets a new commit; a second click of the link pulls it as a fast-forward, without a
   merge commit, and the student sees the new text;
4. a teacher follows the same link, opens the teacher's notebook 09, uploads both JSON exports through
   its upload button and plays the class tournament without code; nothing lands in the workbook's folder.

Without ``tools/hub/node_modules`` (no ``npm ci``) the test is skipped with a reason, unless
``WAKKER_REQUIRE_BROWSER=1`` (CI) makes that a failure; a hub that does not start is always a failure.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest
from playwright.sync_api import expect

import jlab
from wakker.core.links import nbgitpuller_url

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

pytestmark = pytest.mark.browser

REPO = jlab.REPO_ROOT
HUB_TOOLS = REPO / "tools" / "hub"
HUB_CONFIG = HUB_TOOLS / "jupyterhub_config.py"
PROXY = HUB_TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
SHOTS = jlab.SCREENSHOT_DIR / "hub"
VENV_BIN = Path(sys.executable).parent

CLONE = "wakker-werkboek"  # nbgitpuller's folder: the last part of the repository address
NB07_ID = "07_blog_vertrouwen_prisoners_dilemma"
NB07 = f"notebooks/{NB07_ID}.ipynb"
NB07_IN_HOME = f"{CLONE}/{NB07}"
NB09_IN_HOME = f"{CLONE}/notebooks/09_docent.ipynb"
JOURNAL = Path(".local/share/wakker/journal.sqlite")  # below a student's home: the workbook's default
UPDATE_TEXT = "Nieuw in deze versie: een extra vraag voor de werkgroep."
# jlab.BENIGN_CONSOLE's anywidget message, also when it arrives as an uncaught page error (a busy machine)
ANYWIDGET_SLOW = [r"^pageerror: \[anywidget\] Failed to initialize model\."]


# --------------------------------------------------------------------------- the hub

@dataclass
class Hub:
    base_url: str  # the proxy's public address, ending with /
    state: Path
    bare: Path  # the "remote" repository students pull from
    branch: str
    log_path: Path
    process: subprocess.Popen = field(repr=False)

    def home(self, user: str) -> Path:
        return self.state / "homes" / user

    def link(self, notebook: str = NB07_ID) -> str:
        """The workbook's own nbgitpuller link (wakker.core.links), pointing at the local bare clone."""
        placeholder = f"https://example.invalid/wakker-werkboek/{CLONE}"
        url = nbgitpuller_url(self.base_url, notebook, cfg={"repository": placeholder, "branch": self.branch})
        return url.replace(quote(placeholder, safe=""), quote(str(self.bare), safe=""))

    def log_tail(self, chars: int = 5000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


class _NoKernels:
    """What jlab.new_page calls after a test; the hub stops every server (and kernel) itself."""

    def shutdown_kernels(self) -> None:
        pass


def _required() -> bool:
    return os.environ.get("WAKKER_REQUIRE_BROWSER", "").strip() == "1"


def _git(*args: str, cwd: Path | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Docent", "GIT_AUTHOR_EMAIL": "docent@example.invalid",
           "GIT_COMMITTER_NAME": "Docent", "GIT_COMMITTER_EMAIL": "docent@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def _installed_prefix(prefix: Path) -> Path:
    """Put into ``prefix`` what `pip install` of the package installs there (pyproject's data files), plus the
    administrator's optional Dutch menus; return ``prefix/etc/jupyter`` for JUPYTER_CONFIG_PATH."""
    data_files = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    for target, sources in data_files.items():
        (prefix / target).mkdir(parents=True, exist_ok=True)
        for src in sources:
            shutil.copy(REPO / src, prefix / target / Path(src).name)
    labconfig = prefix / "etc" / "jupyter" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "jupyter-config" / "labconfig" / "default_setting_overrides.json", labconfig)
    return prefix / "etc" / "jupyter"


def _wait_healthy(hub: Hub, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            pytest.fail(f"JupyterHub stopped at start (code {hub.process.returncode}):\n{hub.log_tail()}", pytrace=False)
        try:
            with urllib.request.urlopen(hub.base_url + "hub/health", timeout=3) as resp:
                if resp.status == 200:
                    return
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.3)
    pytest.fail(f"JupyterHub not reachable through its proxy after {timeout:.0f} s ({last}):\n{hub.log_tail()}",
                pytrace=False)


def _our_leftovers(state: Path) -> list[int]:
    """Processes this hub started that still run: single-user servers and kernels work in a home below
    ``state``; the proxy wrote its pid file there."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cwd = os.readlink(proc / "cwd")
        except OSError:
            continue
        if cwd == str(state) or cwd.startswith(str(state) + os.sep):
            pids.append(int(proc.name))
    pid_file = state / "proxy.pid"
    if pid_file.exists():
        try:
            pid = int(pid_file.read_text().strip())
            if "configurable-http-proxy" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                pids.append(pid)
        except (OSError, ValueError):
            pass
    return [p for p in pids if p != os.getpid()]


def _stop(hub: Hub) -> None:
    proc = hub.process
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # the hub stops every user's server and its proxy (cleanup_*)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        left = _our_leftovers(hub.state)
        for pid in left:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        if left:
            time.sleep(2)


@pytest.fixture(scope="module")
def hub(chromium_path, tmp_path_factory):
    if not os.access(PROXY, os.X_OK):
        message = (f"configurable-http-proxy is not installed ({PROXY}); install it with: "
                   "(cd tools/hub && npm ci)")
        if _required():
            pytest.fail(message + ". WAKKER_REQUIRE_BROWSER=1 is set, so this is a failure.", pytrace=False)
        pytest.skip(message)
    _T0[0] = time.monotonic()
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    tmp = tmp_path_factory.mktemp("hub")
    state = tmp / "state"
    state.mkdir()
    # the "remote": a bare clone of this repository's HEAD, in a folder named as the public one
    bare = tmp / "remote" / CLONE
    _git("clone", "--quiet", "--bare", "--no-hardlinks", str(REPO), str(bare))
    branch = _git("symbolic-ref", "--short", "HEAD", cwd=bare)

    port, api_port, hub_port = jlab.free_port(), jlab.free_port(), jlab.free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "WAKKER_", "XDG_")) and k not in ("PYTHONSTARTUP",)}
    env.update({
        "PATH": str(VENV_BIN) + os.pathsep + os.environ.get("PATH", ""),
        "WAKKER_HUB_DIR": str(state),
        "WAKKER_HUB_PORT": str(port),
        "WAKKER_HUB_API_PORT": str(api_port),
        "WAKKER_HUB_HUB_PORT": str(hub_port),
        "WAKKER_HUB_CONFIG_PATH": str(_installed_prefix(tmp / "prefix")),
        "WAKKER_HUB_DATA_PATH": str(tmp / "prefix" / "share" / "jupyter"),  # the JupyterLab extension
        "WAKKER_HUB_SINGLEUSER_ARGS": json.dumps(["--LabApp.expose_app_in_browser=True"]),  # for jlab's helpers
        "WAKKER_HUB_EXPORTS": "1",
        "PYTHONUNBUFFERED": "1",
    })
    log_path = tmp / "jupyterhub.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([str(VENV_BIN / "jupyterhub"), "-f", str(HUB_CONFIG)], cwd=state, env=env,
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    server = Hub(base_url=f"http://127.0.0.1:{port}/", state=state, bare=bare, branch=branch,
                 log_path=log_path, process=proc)
    try:
        _wait_healthy(server, timeout=120)
        yield server
    finally:
        _stop(server)


# --------------------------------------------------------------------------- page steps

_T0 = [time.monotonic()]  # reset when the hub starts


def shot(page, name: str, locator=None, settle_ms: int = 500) -> Path:
    """``screenshots/hub/<name>.png`` of the viewport, with ``locator`` scrolled into view first."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if locator is not None:
        locator.scroll_into_view_if_needed()
    page.wait_for_timeout(settle_ms)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    with open(SHOTS / "timings.txt", "a", encoding="utf-8") as f:  # when each step was reached
        f.write(f"{time.monotonic() - _T0[0]:7.1f} s  {name}\n")
    return path


@contextmanager
def hub_page(request, browser, name: str, **context_options):
    """A page in its own browser context (jlab.new_page); ``screenshots/hub/FAILED-<name>.png`` when a step fails."""
    with jlab.new_page(request, browser, _NoKernels(), **context_options) as page:
        page.on("dialog", _accept_leaving)
        try:
            yield page
        except BaseException:
            try:
                shot(page, f"FAILED-{name}", settle_ms=0)
            except Exception:  # noqa: BLE001 - the screenshot must not hide the failure
                pass
            raise


def _accept_leaving(dialog) -> None:
    if dialog.type == "beforeunload":
        dialog.accept()
    else:
        dialog.dismiss()


def follow_link(page, hub: Hub, user: str, prefix: str) -> None:
    """Click the teacher's link; log in when the hub asks; wait until notebook 07 is open with an idle kernel."""
    page.goto(hub.link(), wait_until="domcontentloaded")
    if "/hub/login" in page.url:
        expect(page.locator("#username_input")).to_be_visible(timeout=60_000)
        page.fill("#username_input", user)
        page.fill("#password_input", "wachtwoord")
        shot(page, f"{prefix}-login", settle_ms=200)
        page.click("#login_submit")
    try:
        page.wait_for_url(re.compile(rf"/user/{user}/git-pull\?"), timeout=120_000)
        shot(page, f"{prefix}-nbgitpuller", settle_ms=300)
    except Exception:  # noqa: BLE001 - the status page can be gone before we look; the end state is checked below
        pass
    try:
        page.wait_for_url(re.compile(rf"/user/{user}/lab/tree/"), timeout=180_000)
    except Exception as exc:  # noqa: BLE001 - say what the student sees instead (a spawn or nbgitpuller error)
        shot(page, f"FAILED-{prefix}-link", settle_ms=0)
        raise AssertionError(f"{user} did not reach notebook 07 ({page.url}):\n"
                             f"{page.locator('body').inner_text()[:3000]}") from exc
    jlab.wait_for_kernel_idle(page, NB07_IN_HOME, timeout=180)
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(state="visible", timeout=60_000)
    expect(page.locator(".lm-MenuBar")).to_contain_text("Bestand")  # the administrator's Dutch menus
    page.wait_for_timeout(1000)
    # served with the kernel's language_info: opening (and the kernel connecting) changes nothing
    assert not page.evaluate("(p) => window.__wakker.panel(p).context.model.dirty", NB07_IN_HOME), \
        "notebook 07 is marked modified right after opening"


def save_notebook(page, path: str) -> None:
    """Ctrl+S through JupyterLab's own save command; wait until the document is no longer modified."""
    page.evaluate("(path) => { window.__wakkerSave = window.__wakker.command('docmanager:save', {}, path); }", path)
    page.wait_for_function(
        "(path) => window.__wakkerSave && window.__wakkerSave.done && !window.__wakker.panel(path).context.model.dirty",
        arg=path, timeout=30_000)
    assert page.evaluate("() => window.__wakkerSave.error") is None


def answer_and_design(page, prefix: str, answer: str, strategy: str, after_betrayal: str) -> None:
    q = page.locator(".wakker-q-onbekende-tegenstander")
    jlab.type_into(q.locator("textarea"), answer)
    expect(q).to_contain_text("opgeslagen om", timeout=20_000)
    shot(page, f"{prefix}-answered", q)

    des = page.locator(".wakker-ontwerper")
    des.scroll_into_view_if_needed()
    des.locator(".widget-dropdown", has_text="als jij samenwerkte en de ander je verraadde").locator("select") \
        .select_option(label=after_betrayal)
    jlab.type_into(des.locator(".widget-text"), strategy)
    des.locator("button", has_text="Bewaar mijn strategie").click()
    expect(des).to_contain_text("opgeslagen om", timeout=20_000)
    expect(des).to_contain_text(strategy)
    shot(page, f"{prefix}-strategy-saved", des.locator("button", has_text="Bewaar mijn strategie"))


def export_json(page, prefix: str, name: str, folder: Path) -> Path:
    """The export button at the end of 07: the browser downloads the HTML portfolio and the JSON file."""
    panel = page.locator(".wakker-export").last
    panel.scroll_into_view_if_needed()
    panel.locator("input[type=text]").fill(name)
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    with page.expect_download(timeout=90_000):
        panel.locator("button", has_text="Exporteer mijn antwoorden").click()
    deadline = time.monotonic() + 60
    while len(downloads) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    expect(panel).to_contain_text("heeft een kopie gedownload", timeout=60_000)
    shot(page, f"{prefix}-exported", panel)
    (json_download,) = [d for d in downloads if d.suggested_filename.endswith(".json")]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / json_download.suggested_filename
    json_download.save_as(str(target))
    return target


def journal_entries(home: Path) -> dict[str, object]:
    """Question -> latest value (decoded) in the journal below ``home`` (read only)."""
    path = home / JOURNAL
    assert path.is_file(), f"no journal at {path}"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT question, value FROM entries ORDER BY id").fetchall()
    finally:
        con.close()
    return {q: json.loads(v) for q, v in rows}


def student_walk(page, hub: Hub, user: str, prefix: str, answer: str, strategy: str, after_betrayal: str,
                 downloads: Path) -> Path:
    follow_link(page, hub, user, prefix)
    shot(page, f"{prefix}-07-opened")
    # the single-user server's extension (wakker.serverstatic) prewarmed the kernel: 07's lesson is imported
    # before any cell ran (the probe's request waits behind the prewarm's in the kernel)
    probe = "import sys; print('wakker.lessons.trust_game' in sys.modules)"
    assert jlab.run_in_kernel(page, probe, timeout=120, path=NB07_IN_HOME).strip() == "True"
    # the JupyterLab extension that `pip install` puts in <prefix>/share/jupyter loaded plotly.js while 07 was open
    page.wait_for_function("() => !!window.__wakkerPlotlyPreload", timeout=30_000)
    assert page.evaluate("async () => typeof ((await window.__wakkerPlotlyPreload) || {}).react") == "function"
    jlab.run_all(page, timeout=300, path=NB07_IN_HOME)
    jlab.wait_for_widgets(page, timeout=120)
    q = page.locator(".wakker-q-onbekende-tegenstander")
    # nothing of anyone else: the question is empty for a student who has not answered it yet
    expect(q).to_contain_text("Nog niet beantwoord")
    expect(q.locator("textarea")).to_have_value("")
    shot(page, f"{prefix}-question-empty", q)
    answer_and_design(page, prefix, answer, strategy, after_betrayal)
    exported = export_json(page, prefix, user.capitalize(), downloads)
    save_notebook(page, NB07_IN_HOME)
    return exported


# --------------------------------------------------------------------------- the test

def test_two_students_and_a_teacher_on_a_real_hub(request, browser, hub, tmp_path):
    downloads = tmp_path / "downloads"
    git_07 = _git("show", f"{hub.branch}:{NB07}", cwd=hub.bare) + "\n"
    students = {
        "ans": dict(answer="Hij sloeg terug toen ik hem verraadde.", strategy="Voorzichtige Buurvrouw",
                    after_betrayal="verraden"),
        "bram": dict(answer="Hij bleef gewoon samenwerken, wat ik ook deed.", strategy="Brams Vergeving",
                     after_betrayal="samenwerken"),
    }
    exports: dict[str, Path] = {}
    for n, (user, s) in enumerate(students.items(), start=1):
        with hub_page(request, browser, user, accept_downloads=True) as page:
            exports[user] = student_walk(page, hub, user, f"{n}-{user}", downloads=downloads, **s)
            # saved notebook == git's version: the server extension's pre-save hook stripped the outputs
            saved = (hub.home(user) / NB07_IN_HOME).read_text(encoding="utf-8")
            assert saved == git_07, f"{user}'s saved notebook 07 differs from git's (outputs kept?)"
            assert _git("status", "--porcelain", cwd=hub.home(user) / CLONE) == ""
            assert not jlab.console_errors(page, ANYWIDGET_SLOW), jlab.console_errors(page, ANYWIDGET_SLOW)

    # --- separate journals, each in the student's own home
    own = {user: journal_entries(hub.home(user)) for user in students}
    for user, s in students.items():
        other = next(u for u in students if u != user)
        assert own[user]["onbekende-tegenstander"] == s["answer"]
        assert own[user]["eigen-strategie"]["name"] == s["strategy"]
        everything = json.dumps(own[user], ensure_ascii=False)
        assert students[other]["answer"] not in everything and students[other]["strategy"] not in everything

    # --- the repository is updated; a second click pulls it without a conflict
    work = tmp_path / "docent-werkkopie"
    _git("clone", "--quiet", str(hub.bare), str(work))
    nb = nbformat.read(work / NB07, as_version=4)
    nb.cells[0].source += f"\n\n*{UPDATE_TEXT}*"
    (work / NB07).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    _git("commit", "--quiet", "-am", "07: a line for the study group", cwd=work)
    _git("push", "--quiet", "origin", hub.branch, cwd=work)
    upstream = _git("rev-parse", hub.branch, cwd=hub.bare)
    with hub_page(request, browser, "ans-again") as page:
        follow_link(page, hub, "ans", "3-ans-again")  # a new browser session: she logs in again
        first = jlab.cells(page).first
        expect(first).to_contain_text(UPDATE_TEXT, timeout=30_000)
        shot(page, "3-ans-again-07-updated", first)
    clone = hub.home("ans") / CLONE
    assert _git("rev-parse", "HEAD", cwd=clone) == upstream, "the pull was not a fast-forward (local changes?)"
    assert _git("status", "--porcelain", cwd=clone) == ""
    assert (clone / NB07).read_text(encoding="utf-8") == (work / NB07).read_text(encoding="utf-8")

    # --- the teacher follows the same link, opens the teacher's notebook 09, uploads both exports
    #     through its upload button and plays the class tournament without writing code
    with hub_page(request, browser, "docent", accept_downloads=True) as page:
        follow_link(page, hub, "docent", "4-docent")
        page.evaluate("async (p) => { await window.jupyterapp.commands.execute('docmanager:open', {path: p}); }",
                      NB09_IN_HOME)
        jlab.wait_for_kernel_idle(page, NB09_IN_HOME, timeout=180)
        st = jlab.run_all(page, timeout=300, path=NB09_IN_HOME)
        assert st["executed"] == st["total"], st
        jlab.wait_for_widgets(page, timeout=120)
        desk = page.locator(".wakker-docent-inleveren")
        with page.expect_file_chooser() as chooser:
            desk.locator(".wakker-docent-upload").click()
        chooser.value.set_files([str(p) for p in exports.values()])
        report = desk.locator(".wakker-docent-verslag")
        expect(report).to_contain_text("2 in het overzicht", timeout=60_000)
        shot(page, "4-docent-09-ingelezen", report)
        tournament = page.locator(".wakker-docent-toernooi")
        tournament.locator("button", has_text="Speel het klassentoernooi").click()
        table = tournament.locator("table.wakker-klassentoernooi")
        expect(table).to_be_visible(timeout=60_000)
        for s in students.values():
            expect(table).to_contain_text(s["strategy"])
        shot(page, "4-docent-tournament", tournament)
        expect(tournament.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=30_000)
        expect(tournament).not_to_contain_text("Niet meegenomen")
        assert not jlab.console_errors(page, ANYWIDGET_SLOW), jlab.console_errors(page, ANYWIDGET_SLOW)
    # nothing of the students was written into the teacher's copy of the workbook
    assert _git("status", "--porcelain", "--untracked-files=all", cwd=hub.home("docent") / CLONE) == ""
