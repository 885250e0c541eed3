"""Helpers to drive the workbook's notebooks in a real JupyterLab with Playwright.

Two halves:

* **Server** -- :func:`running_server` starts an isolated JupyterLab (temp config, data,
  runtime, IPython and workspace folders; a random token; nothing that calls the network;
  ``WAKKER_JOURNAL`` pointing at a temp file) and yields a :class:`JupyterServer`.
  ``conftest.py`` wraps it in the session fixture ``jupyter_server``.
  :func:`running_command` runs a start command built elsewhere (``tools/lab.py``, the real
  ``make lab`` start) in the folders of :func:`isolated_env`.
* **Page** -- functions that take a Playwright ``Page`` showing JupyterLab:
  :func:`open_notebook`, :func:`run_all`, :func:`restart_kernel`, :func:`reload`,
  :func:`wait_for_widgets`, :func:`wait_for_plotly`, :func:`type_into`,
  :func:`screenshot`, :func:`watch_console` / :func:`console_errors`,
  :func:`run_in_kernel`, :func:`cells`.

All waiting is done by polling JupyterLab's own state through ``window.jupyterapp``
(exposed by ``--LabApp.expose_app_in_browser=True``), not by sleeping. Every wait has a
timeout in **seconds** and raises ``AssertionError`` (or ``TimeoutError``) with the
state seen last, so a failing test says *why* it failed.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "screenshots"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 1000}

STDERR_MIME = "application/vnd.jupyter.stderr"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

# JupyterLab user settings written into the temp settings folder: no news / update checks
# (network), no extension manager (queries PyPI), and no autosave -- a test run must never
# write outputs into the notebooks of the repository.
LAB_SETTINGS: dict[str, dict[str, Any]] = {
    "@jupyterlab/apputils-extension/notification": {"checkForUpdates": False, "fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/extensionmanager-extension/plugin": {"enabled": False},
}
# The workbook's own JupyterLab settings (jupyter-config/labconfig, what `make lab` and Binder use), except
# the Dutch menus: the tests find JupyterLab's menus by their English names.
for _plugin, _values in json.loads((REPO_ROOT / "jupyter-config" / "labconfig" / "default_setting_overrides.json")
                                   .read_text(encoding="utf-8")).items():
    if _plugin != "@jupyterlab/translation-extension:plugin":
        _name = "/".join(_plugin.rsplit(":", 1))
        LAB_SETTINGS[_name] = {**_values, **LAB_SETTINGS.get(_name, {})}

# Console messages JupyterLab itself produces in this setup and that say nothing about a
# notebook (regular expressions, matched with re.search). Measured: none with JupyterLab 4.6.6,
# ipywidgets 8.1.9, plotly 7.1.0 and Chromium 156. Extend with care.
BENIGN_CONSOLE: list[str] = [
    # anywidget 0.11 rejects a model's "ready" promise when its module takes over 2 s to load (a busy
    # browser during Run All on 2 shared cores); the module still loads and runs afterwards. What the
    # workbook's anywidgets do is checked functionally instead: the accessible names and live
    # region (test_accessibility_browser.py), the downloads (test_export_browser.py), and the figures,
    # which let such a model's later messages through (test_figure_browser.py, a module that loads late).
    # The same rejection also surfaces as an uncaught page error.
    r"^(pageerror: )?\[anywidget\] Failed to initialize model\.",
]

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """``text`` without terminal colour codes (tracebacks are coloured)."""
    return _ANSI.sub("", text)


# --------------------------------------------------------------------------- server

@dataclass
class JupyterServer:
    """A running JupyterLab. ``base_url`` ends with ``/``; ``root_dir`` is the repo root."""

    base_url: str
    token: str
    root_dir: Path
    journal: Path  # value of WAKKER_JOURNAL in the server's (and so every kernel's) environment
    exports: Path  # value of WAKKER_EXPORTS (export folder), a temp folder too
    log_path: Path  # server stdout+stderr
    env: dict[str, str] = field(repr=False)
    process: subprocess.Popen | None = field(default=None, repr=False)

    def url(self, path: str = "", **query: str) -> str:
        """Absolute URL of ``path`` (relative to the server root) with the token added."""
        q = {"token": self.token, **query}
        return self.base_url + path.lstrip("/") + "?" + urllib.parse.urlencode(q)

    def lab_url(self, relpath: str) -> str:
        """``/lab/tree/<relpath>?token=T&reset`` -- opens one document in a fresh workspace."""
        quoted = urllib.parse.quote(relpath.strip("/"))
        return f"{self.base_url}lab/tree/{quoted}?token={self.token}&reset"

    def api(self, method: str, path: str, body: Any = None, timeout: float = 10) -> Any:
        """Call the REST API (``path`` like ``api/sessions``); returns the decoded JSON or None."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base_url + path.lstrip("/"), data=data, method=method)
        req.add_header("Authorization", f"token {self.token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw.strip() else None

    def shutdown_kernels(self) -> None:
        """Delete every session (and so stop its kernel): the next test starts clean."""
        for sess in self.api("GET", "api/sessions") or []:
            try:
                self.api("DELETE", f"api/sessions/{sess['id']}")
            except urllib.error.HTTPError:
                pass

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_kernelspec(data_dir: Path) -> None:
    """A ``python3`` kernelspec running *this* interpreter (the venv's python)."""
    kdir = data_dir / "kernels" / "python3"
    kdir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "metadata": {"debugger": True},
    }
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=1))


def _write_lab_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=1))


@contextmanager
def running_server(tmp: Path, root_dir: Path = REPO_ROOT, timeout: float = 60,
                   exports: Path | None = None) -> Iterator[JupyterServer]:
    """Start an isolated JupyterLab below temp folder ``tmp``; stop it (process group) on exit.

    The kernel is ``python3`` = ``sys.executable`` (a kernelspec is written into the temp data
    folder and preferred over the venv's own). ``WAKKER_JOURNAL`` and
    ``XDG_DATA_HOME`` point into ``tmp`` and ``WAKKER_EXPORTS`` into the git-ignored ``screenshots/exports/``, so no test can touch a user's real journal or exports. Must be outside any git work
    tree: the journal refuses a path inside one.
    """
    tmp = Path(tmp)
    dirs = {name: tmp / name for name in ("config", "data", "runtime", "ipython", "workspaces", "xdg_data")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    settings_dir = dirs["config"] / "lab" / "user-settings"
    _write_kernelspec(dirs["data"])
    _write_lab_settings(settings_dir)
    # the workbook's own plotly.js route, switched on as jupyter-config/ and a pip install do (wakker.serverstatic)
    (dirs["config"] / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": {"wakker.serverstatic": True}}}), encoding="utf-8")
    journal = tmp / "journal" / "journal.sqlite"
    journal.parent.mkdir(parents=True, exist_ok=True)
    # Exports must be inside the server's root to be downloadable, like `exports/` is for a student;
    # screenshots/ is git-ignored and already written by these tests.
    # ``exports`` (optional) puts them elsewhere, e.g. outside a server root of notebooks/.
    exports = Path(exports) if exports is not None else Path(root_dir) / "screenshots" / "exports" / tmp.name

    token = secrets.token_hex(24)
    port = free_port()
    env = dict(os.environ)
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN", "JUPYTERLAB_SETTINGS_DIR",
                "JUPYTERLAB_WORKSPACES_DIR", "PYTHONSTARTUP"):
        env.pop(var, None)
    env.update({
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTER_PREFER_ENV_PATH": "0",  # our temp data dir (kernelspec) before the venv's
        # the workbook's JupyterLab extension wakker-voorladen, as `make lab` has it (tools/lab.py)
        "JUPYTER_PATH": str(REPO_ROOT / "jupyter-data"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "IPYTHONDIR": str(dirs["ipython"]),
        "XDG_DATA_HOME": str(dirs["xdg_data"]),
        "WAKKER_JOURNAL": str(journal),
        "WAKKER_EXPORTS": str(exports),
        "PYTHONUNBUFFERED": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # silences a debugpy warning on kernel stderr
    })
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--ServerApp.root_dir={root_dir}",
        f"--IdentityProvider.token={token}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        f"--LabApp.user_settings_dir={settings_dir}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        "--ServerApp.terminals_enabled=False",
        # keep .ipynb_checkpoints out of the repository (an absolute path is used as is)
        f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}",
    ]
    with running_command(cmd, env, port, token, tmp, root_dir=root_dir, timeout=timeout) as server:
        yield server


#: Whether a page draws every figure at once (``window.__wakkerDrawAll``), as the tests expect: they look at plots
#: far down a notebook without scrolling to them. A student's page draws a figure when it comes within a screen of
#: the view (wakker/ui/figure_esm.py); benchmarks/bench_browser.py measures that page (``DRAW_ALL = False``), and
#: tests/browser/test_figure_browser.py tests it with ``new_page(..., draw_all=False)``.
DRAW_ALL = True


@contextmanager
def new_page(request, browser, server: JupyterServer, draw_all: bool | None = None, **context_options):
    """A page in its own browser context (``VIEWPORT``, console recorded), for a page fixture: a
    ``FAILED-<test>`` screenshot when the test failed; afterwards the context is closed and the
    server's kernels are shut down. ``draw_all``: see :data:`DRAW_ALL` (its value when None).
    ``context_options`` go to ``browser.new_context``."""
    context = browser.new_context(viewport=VIEWPORT, **context_options)
    if DRAW_ALL if draw_all is None else draw_all:
        context.add_init_script("window.__wakkerDrawAll = true;")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    watch_console(pg)
    try:
        yield pg
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            try:
                screenshot(pg, f"FAILED-{request.node.name}")
            except Exception:  # noqa: BLE001 - a screenshot must not hide the test's own failure
                pass
    finally:
        context.close()
        try:
            server.shutdown_kernels()
        except Exception:  # noqa: BLE001
            pass


def isolated_env(tmp: Path) -> dict[str, str]:
    """This process's environment with Jupyter's and IPython's config, data and runtime folders in
    temp folder ``tmp`` (user settings and workspaces follow the config folder), so a server started
    with it sees no user's settings and leaves nothing behind. ``WAKKER_JOURNAL``/``WAKKER_EXPORTS``
    are left as they are (the root conftest points them at temp folders)."""
    tmp = Path(tmp)
    env = dict(os.environ)
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN", "JUPYTERLAB_SETTINGS_DIR",
                "JUPYTERLAB_WORKSPACES_DIR", "PYTHONSTARTUP"):
        env.pop(var, None)
    for name, var in (("config", "JUPYTER_CONFIG_DIR"), ("data", "JUPYTER_DATA_DIR"),
                      ("runtime", "JUPYTER_RUNTIME_DIR"), ("ipython", "IPYTHONDIR")):
        (tmp / name).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / name)
    env.update({"PYTHONUNBUFFERED": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"})
    return env


@contextmanager
def running_command(cmd: list[str], env: dict[str, str], port: int, token: str, tmp: Path,
                    root_dir: Path = REPO_ROOT, timeout: float = 60) -> Iterator[JupyterServer]:
    """Run a JupyterLab start command built elsewhere (e.g. ``tools/lab.py``, the real ``make lab``
    start) that serves on ``127.0.0.1:port`` with ``token``; yield it as a :class:`JupyterServer`
    (its output in ``tmp/jupyterlab.log``) and stop it (process group) on exit."""
    log_path = Path(tmp) / "jupyterlab.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(cmd, cwd=root_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    server = JupyterServer(base_url=f"http://127.0.0.1:{port}/", token=token, root_dir=Path(root_dir),
                           journal=Path(env.get("WAKKER_JOURNAL", "")), exports=Path(env.get("WAKKER_EXPORTS", "")),
                           log_path=log_path, env=env, process=proc)
    try:
        _wait_for_server(server, timeout)
        yield server
    finally:
        _stop_server(server)
        log.close()


def _wait_for_server(server: JupyterServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {server.process.returncode}:\n{server.log_tail()}")
        try:
            server.api("GET", f"api/status?token={server.token}", timeout=2)
            return
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"JupyterLab not up after {timeout:.0f} s ({last}):\n{server.log_tail()}")


def _stop_server(server: JupyterServer) -> None:
    proc = server.process
    if proc is None or proc.poll() is not None:
        return
    try:  # graceful: stops the kernels too (they run in their own process groups)
        server.api("POST", "api/shutdown", timeout=5)
        proc.wait(timeout=15)
    except Exception:
        pass
    if proc.poll() is None:
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


# --------------------------------------------------------------------------- page helpers

# Installed into every page (and re-run after each navigation) by add_init_script.
_INIT_JS = r"""
(() => {
  if (window.__wakker) return;
  const W = window.__wakker = {};
  const isNotebook = w => !!(w && w.context && w.sessionContext && w.content
                            && w.content.model && w.content.model.cells);
  W.panel = (path) => {
    const app = window.jupyterapp;
    if (!app || !app.shell) return null;
    const ok = w => isNotebook(w) && (!path || w.context.path === path);
    if (ok(app.shell.currentWidget)) return app.shell.currentWidget;
    for (const w of app.shell.widgets('main')) if (ok(w)) return w;
    return null;
  };
  const text = t => Array.isArray(t) ? t.join('') : String(t ?? '');
  W.status = (path) => {
    const p = W.panel(path);
    if (!p) return {found: false, appReady: !!(window.jupyterapp && window.jupyterapp.shell)};
    const sc = p.sessionContext;
    const kernel = sc.session ? sc.session.kernel : null;
    const model = p.content.model;
    let total = 0, executed = 0, running = 0;
    const errors = [];
    for (let i = 0; i < model.cells.length; i++) {
      const c = model.cells.get(i);
      if (c.type !== 'code') continue;
      if (!c.sharedModel.getSource().trim()) continue;  // empty cells are never executed
      total++;
      if (c.executionCount !== null && c.executionCount !== undefined) executed++;
      for (let j = 0; j < c.outputs.length; j++) {
        const o = c.outputs.get(j).toJSON();
        if (o.output_type === 'error') {
          errors.push({cell: i, kind: 'error',
                       text: (o.traceback && o.traceback.length ? o.traceback.join('\n')
                              : o.ename + ': ' + o.evalue)});
        } else if (o.output_type === 'stream' && o.name === 'stderr') {
          errors.push({cell: i, kind: 'stderr', text: text(o.text)});
        }
      }
    }
    return {
      found: true, path: p.context.path, id: p.id,
      ready: !!(p.context.isReady && sc.isReady && kernel),
      kernelStatus: kernel ? kernel.status : null,
      connection: kernel ? kernel.connectionStatus : null,
      kernelName: kernel ? kernel.name : null,
      total, executed, errors,
      run: window.__wakkerRun || null,
      restart: window.__wakkerRestart || null,
    };
  };
  W.command = (cmd, args, path) => {
    const app = window.jupyterapp;
    const p = W.panel(path);
    if (p) app.shell.activateById(p.id);
    const r = {command: cmd, done: false, value: null, error: null};
    app.commands.execute(cmd, args || {}).then(
      v => { r.done = true; r.value = (v === undefined ? null : v); },
      e => { r.done = true; r.error = String((e && e.message) || e); });
    return r;
  };
  W.widgetStatus = () => {
    // Widget views are not tagged with a mime type in the DOM: map each widget-view output of
    // the model to the output node at the same position in its cell's output area.
    const errors = [];
    let expected = 0, rendered = 0;
    const p = W.panel();
    if (p) {
      for (const cell of p.content.widgets) {
        if (cell.model.type !== 'code' || !cell.outputArea) continue;
        const outs = cell.model.outputs;
        const children = Array.from(cell.outputArea.node.children)
          .filter(c => c.classList.contains('jp-OutputArea-child'));
        for (let j = 0; j < outs.length; j++) {
          const d = outs.get(j).data || {};
          if (!d['application/vnd.jupyter.widget-view+json']) continue;
          expected++;
          const node = children[j] && children[j].querySelector('.jp-OutputArea-output');
          if (!node) continue;
          const t = node.textContent || '';
          if (/Error displaying widget|Error rendering|model not found|Failed to load model/i.test(t)) {
            errors.push(t.slice(0, 500));
          } else if (node.querySelector('.jupyter-widgets, .js-plotly-plot, canvas, svg, .wakker-later-tekenen')
                     && node.getBoundingClientRect().height >= 2) {
            rendered++;
          }
        }
      }
    }
    const plots = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const plotsDrawn = plots.filter(pl => pl.querySelector('.main-svg')).length;
    return {expected, rendered, errors, plots: plots.length, plotsDrawn};
  };
  // `measure` of the plot `gd` as plotly draws the same figure from scratch (Plotly.newPlot, with the workbook's own
  // plotly.js, in a div of the same width): the picture a draw of only the changes must equal
  W.fresh = async (gd, measure) => {
    const copy = document.createElement('div');
    copy.style.width = gd.clientWidth + 'px';
    document.body.append(copy);
    const layout = JSON.parse(JSON.stringify(gd.layout));
    delete layout.transition;
    try {
      await window.__wakkerOwnPlotly.newPlot(copy, JSON.parse(JSON.stringify(gd.data)), layout);
      return measure(copy);
    } finally {
      window.__wakkerOwnPlotly.purge(copy);
      copy.remove();
    }
  };
})();
"""

_pages_with_helpers: "weakref.WeakSet[Any]" = weakref.WeakSet()
_console: "weakref.WeakKeyDictionary[Any, list[str]]" = weakref.WeakKeyDictionary()


def _ensure_helpers(page) -> None:
    """Install ``window.__wakker`` now and after every future navigation of ``page``."""
    if page not in _pages_with_helpers:
        page.add_init_script(_INIT_JS)
        _pages_with_helpers.add(page)
    if page.url.startswith("http"):
        page.evaluate(_INIT_JS)


def status(page, path: str | None = None) -> dict:
    """JupyterLab's view of the notebook ``path`` (or the current one): readiness, kernel
    status, number of non-empty code cells / executed ones, error and stderr outputs."""
    _ensure_helpers(page)
    return page.evaluate("(path) => window.__wakker.status(path)", path)


def _dialog_text(page) -> str | None:
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        return dialog.first.inner_text()
    return None


def _wait(page, cond, what: str, timeout: float, path: str | None = None, interval: float = 0.15,
          accept_dialogs: tuple[str, ...] = ()) -> dict:
    """Poll :func:`status` until ``cond(st)`` is true; accept dialogs whose text matches
    one of ``accept_dialogs``; fail on any other dialog or on timeout."""
    deadline = time.monotonic() + timeout
    st: dict = {}
    while True:
        st = status(page, path)
        if cond(st):
            return st
        dialog = _dialog_text(page)
        if dialog is not None:
            if any(re.search(pat, dialog, re.I) for pat in accept_dialogs):
                page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").first.click()
            else:
                raise AssertionError(f"Unexpected JupyterLab dialog while waiting for {what}:\n{dialog}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out after {timeout:.0f} s waiting for {what}; last state: "
                               f"{json.dumps(st, default=str)[:2000]}")
        page.wait_for_timeout(interval * 1000)


def _idle(st: dict) -> bool:
    return bool(st.get("found") and st.get("ready") and st.get("kernelStatus") == "idle"
                and st.get("connection") == "connected")


def wait_for_kernel_idle(page, path: str | None = None, timeout: float = 60) -> dict:
    """Wait until the notebook is loaded and its kernel is connected and idle."""
    return _wait(page, _idle, "an idle kernel", timeout, path, accept_dialogs=(r"select kernel",))


def open_notebook(page, server: JupyterServer, relpath: str, timeout: float = 60) -> dict:
    """Open ``<repo>/<relpath>`` in JupyterLab (fresh workspace via ``&reset``) and wait until
    the notebook panel is shown and its kernel is idle. Returns :func:`status`.

    ``relpath`` is relative to the repository root, e.g. ``"notebooks/01_intro.ipynb"``.
    A "Select Kernel" dialog (notebook without kernelspec) is accepted with the default.
    """
    relpath = relpath.strip("/")
    _ensure_helpers(page)
    page.goto(server.lab_url(relpath), wait_until="domcontentloaded")
    st = wait_for_kernel_idle(page, relpath, timeout)
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(state="visible", timeout=timeout * 1000)
    return st


def _format_errors(errors: list[dict], dom_texts: list[str]) -> str:
    parts = [f"--- cell {e['cell']} ({e['kind']}) ---\n{strip_ansi(e['text']).strip()}" for e in errors]
    seen = "\n".join(parts)
    for t in dom_texts:
        t = strip_ansi(t).strip()
        if t and t[:200] not in seen:
            parts.append(f"--- output area (stderr) ---\n{t}")
    return "\n".join(parts)


def stderr_outputs(page) -> list[str]:
    """Texts of all visible stderr/error outputs in the DOM (error tracebacks render as stderr)."""
    loc = page.locator(f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]')
    return [loc.nth(i).inner_text() for i in range(loc.count())]


def run_all(page, timeout: float = 120, allow_stderr: bool = False, path: str | None = None) -> dict:
    """Clear all outputs, run ``notebook:run-all-cells`` on the open notebook and wait until
    the command has finished, every non-empty code cell has an execution count and the kernel is idle.

    Fails (AssertionError) as soon as an error output appears -- or any stderr output unless
    ``allow_stderr`` -- with the texts of those outputs. Works with hidden sources
    (``metadata.jupyter.source_hidden``): it uses the notebook model, not the DOM prompts.
    Returns the final :func:`status`.
    """
    wait_for_kernel_idle(page, path, timeout=60)
    # Clear old outputs and execution counts first, so stale errors or counts from an
    # earlier run can never be mistaken for this run's.
    page.evaluate("async ([path]) => { const p = window.__wakker.panel(path);"
                  " window.jupyterapp.shell.activateById(p.id);"
                  " await window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs');"
                  " window.__wakkerRun = window.__wakker.command('notebook:run-all-cells', {}, path); }",
                  [path])

    def check(st: dict) -> bool:
        errs = [e for e in st.get("errors", []) if allow_stderr is False or e["kind"] == "error"]
        if errs:
            dom = [] if allow_stderr else stderr_outputs(page)
            raise AssertionError(f"Notebook {st.get('path')} produced error output:\n"
                                 + _format_errors(errs, dom))
        run = st.get("run") or {}
        if run.get("error"):
            raise AssertionError(f"notebook:run-all-cells failed: {run['error']}")
        if st.get("kernelStatus") == "dead":
            raise AssertionError(f"Kernel died while running {st.get('path')}:\n{json.dumps(st)[:1000]}")
        return bool(run.get("done") and _idle(st) and st["executed"] == st["total"])

    _wait(page, check, "all cells to run", timeout, path)
    # A widget's first comm messages can make the kernel busy right after the last reply.
    page.wait_for_timeout(200)
    return _wait(page, check, "all cells to run", timeout, path)


def restart_kernel(page, timeout: float = 60, path: str | None = None) -> dict:
    """Restart the kernel through the menu command ``kernelmenu:restart``, accepting the
    "Restart Kernel?" confirmation dialog, and wait until the new kernel is idle.
    Outputs stay on the page; widget views there are dead until the cells run again."""
    wait_for_kernel_idle(page, path, timeout)
    page.evaluate(
        "([path]) => {"
        "  const p = window.__wakker.panel(path);"
        "  const seen = window.__wakkerRestart = {statuses: []};"
        "  p.sessionContext.statusChanged.connect((_, s) => { seen.statuses.push(s); });"
        "  seen.cmd = window.__wakker.command('kernelmenu:restart', {}, path);"
        "}", [path])

    def restarted(st: dict) -> bool:
        r = st.get("restart") or {}
        if (r.get("cmd") or {}).get("error"):
            raise AssertionError(f"kernelmenu:restart failed: {r['cmd']['error']}")
        went = any(s in ("restarting", "autorestarting", "starting") for s in r.get("statuses", []))
        return went and _idle(st)

    return _wait(page, restarted, "the kernel to restart", timeout, path,
                 accept_dialogs=(r"restart", r"select kernel"))


def reload(page, timeout: float = 60) -> dict:
    """Reload the browser page (the kernel keeps running; unsaved cell outputs are gone --
    the notebook is re-read from disk) and wait until the notebook is back and idle.
    A "leave page?" (beforeunload) prompt for a modified notebook is accepted."""
    path = status(page).get("path")

    def on_dialog(dialog):
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        page.reload(wait_until="domcontentloaded")
    finally:
        page.remove_listener("dialog", on_dialog)
    st = wait_for_kernel_idle(page, path, timeout)
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(state="visible", timeout=timeout * 1000)
    return st


def wait_for_widgets(page, timeout: float = 30) -> dict:
    """Wait until every widget output in the notebook model is rendered as a non-empty view
    (and every plotly plot has its ``.main-svg``); fail on "Error displaying widget"."""
    deadline = time.monotonic() + timeout
    _ensure_helpers(page)
    st: dict = {}
    while time.monotonic() < deadline:
        st = page.evaluate("() => window.__wakker.widgetStatus()")
        if st["errors"]:
            raise AssertionError("Widget failed to render:\n" + "\n".join(st["errors"]))
        if st["rendered"] == st["expected"] and st["plotsDrawn"] == st["plots"]:
            return st
        page.wait_for_timeout(150)
    raise TimeoutError(f"Widgets not rendered after {timeout:.0f} s: {st}")


def wait_for_plotly(page, count: int = 1, timeout: float = 30):
    """Wait until at least ``count`` plotly plots are drawn; returns their ``.js-plotly-plot`` locator."""
    plots = page.locator(".js-plotly-plot:has(.main-svg)")
    deadline = time.monotonic() + timeout
    while plots.count() < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"Only {plots.count()} of {count} plotly plots drawn after {timeout:.0f} s")
        page.wait_for_timeout(150)
    return plots


def margins_grown(page) -> list[str]:
    """The plots of the visible notebook whose drawn margins are larger than the margins they asked for:
    plotly found that a legend, an axis title or a tick label needs more room and laid the whole plot out a
    second time (issue 11: that second pass was up to half of a first draw). Each as 'title: side asked ->
    drawn'; empty when every plot was laid out once. Plotly's defaults count for a side that is not asked."""
    page.wait_for_timeout(600)  # plotly's second pass, if any, comes after the plot is first drawn
    return page.evaluate("""() => {
      const out = [], dflt = {l: 80, r: 80, t: 100, b: 80};
      for (const g of document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .js-plotly-plot')) {
        if (!g._fullLayout || !g._fullLayout._size) continue;
        const asked = Object.assign({}, dflt, (g.layout && g.layout.margin) || {}), drawn = g._fullLayout._size;
        const t = g.layout && g.layout.title, title = (typeof t === 'string' ? t : (t && t.text)) || '(zonder titel)';
        for (const side of ['l', 'r', 't', 'b']) {
          if (drawn[side] > asked[side] + 0.5) out.push(`${title.slice(0, 50)}: ${side} ${asked[side]} -> ${Math.round(drawn[side])}`);
        }
      }
      return out;
    }""")


def type_into(locator, text: str, clear: bool = True, submit: bool = False):
    """Type ``text`` with real key events into ``locator`` (an input/textarea, or an element
    containing one, e.g. ``.widget-text``). ``clear`` empties it first; then Enter is pressed
    if ``submit`` else the field is blurred (so ``continuous_update=False`` widgets sync).
    Returns the input's locator."""
    tag = locator.evaluate("e => e.tagName.toLowerCase() + (e.isContentEditable ? '+ce' : '')")
    target = locator if tag in ("input", "textarea") or tag.endswith("+ce") else \
        locator.locator("input, textarea, [contenteditable='true']").first
    target.click()
    if clear:
        target.press("ControlOrMeta+a")
        target.press("Delete")
    target.press_sequentially(text)
    if submit:
        target.press("Enter")
    else:
        target.blur()
    return target


def export_downloads(page, panel, student: str = "Sam de Student", timeout: float = 30) -> dict:
    """Type ``student`` into the export panel, press "Exporteer mijn antwoorden" and wait for the browser's
    two downloads; returns them by suffix (``{".json": Download, ".html": Download}``), asserting there are
    exactly those two."""
    panel.locator("input[type=text]").fill(student)
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    with page.expect_download(timeout=timeout * 1000):
        panel.locator("button", has_text="Exporteer mijn antwoorden").click()
    deadline = time.monotonic() + 20
    while len(downloads) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    by_suffix = {Path(d.suggested_filename).suffix: d for d in downloads}
    assert set(by_suffix) == {".json", ".html"} and len(downloads) == 2, [d.suggested_filename for d in downloads]
    return by_suffix


def screenshot_at(page, locator, name: str, settle_ms: int = 600) -> Path:
    """Scroll ``locator`` into view, let JupyterLab and plotly finish drawing, then :func:`screenshot`."""
    locator.scroll_into_view_if_needed()
    page.wait_for_timeout(settle_ms)
    return screenshot(page, name)


def screenshot(page, name: str, full_page: bool = True, locator=None) -> Path:
    """Save a PNG to ``<repo>/screenshots/<name>.png`` (git-ignored) and return its path.
    ``locator`` screenshots just that element. Note: JupyterLab never scrolls the page
    itself, so a full-page shot equals the viewport; scroll the cell into view first."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    path = SCREENSHOT_DIR / (safe if safe.endswith(".png") else safe + ".png")
    if locator is not None:
        locator.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=full_page)
    return path


def watch_console(page) -> list[str]:
    """Start recording ``console.error`` messages and uncaught page errors of ``page``;
    returns the live list (call before navigating). Idempotent."""
    if page in _console:
        return _console[page]
    seen: list[str] = []
    _console[page] = seen

    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc.get("url") else ""
            seen.append(msg.text + where)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: seen.append(f"pageerror: {exc}"))
    return seen


def console_errors(page, ignore: list[str] | None = None) -> list[str]:
    """Console errors recorded by :func:`watch_console`, minus :data:`BENIGN_CONSOLE` and
    the extra ``ignore`` patterns (regular expressions)."""
    pats = BENIGN_CONSOLE + list(ignore or [])
    return [m for m in _console.get(page, []) if not any(re.search(p, m) for p in pats)]


def run_in_kernel(page, code: str, timeout: float = 30, path: str | None = None) -> str:
    """Execute ``code`` silently in the notebook's kernel (no cell, no execution count) and
    return its stdout; raises AssertionError with the traceback on an exception."""
    _ensure_helpers(page)
    page.evaluate(
        "([code, path]) => {"
        "  const k = window.__wakker.panel(path).sessionContext.session.kernel;"
        "  const r = window.__wakkerExec = {done: false, out: '', err: null};"
        "  const f = k.requestExecute({code, silent: false, store_history: false});"
        "  f.onIOPub = m => {"
        "    if (m.header.msg_type === 'stream' && m.content.name === 'stdout') r.out += m.content.text;"
        "    if (m.header.msg_type === 'error') r.err = m.content.traceback.join('\\n');"
        "  };"
        "  f.done.then(() => { r.done = true; }, e => { r.done = true; r.err = r.err || String(e); });"
        "}", [code, path])
    page.wait_for_function("() => window.__wakkerExec && window.__wakkerExec.done", timeout=timeout * 1000)
    res = page.evaluate("() => window.__wakkerExec")
    if res["err"]:
        raise AssertionError("Kernel code failed:\n" + strip_ansi(res["err"]))
    return res["out"]


def cells(page):
    """Locator of the cells of the visible notebook (``.nth(i)`` = cell i; all cells are in
    the DOM with JupyterLab's default windowing mode ``contentVisibility``)."""
    return page.locator(".jp-NotebookPanel:visible .jp-Notebook .jp-Cell")


# --------------------------------------------------------------------------- accessibility (axe-core)

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"  # axe-core 4.14.1, MPL-2.0, vendored
OUTPUT_SCOPE = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea"


def run_axe(page, include: str = OUTPUT_SCOPE, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core (vendored ``vendor/axe.min.js``, no network) on the elements matching the CSS
    selector ``include`` -- by default the output areas of the visible notebook, so JupyterLab's
    own chrome is not judged. Returns the violations, each ``{id, impact, help, nodes: [{target,
    html, summary}]}``; :func:`axe_counts` counts them by impact."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async ([include, tags]) => {
          const options = {resultTypes: ['violations']};
          if (tags) options.runOnly = {type: 'tag', values: tags};
          const res = await window.axe.run({include: [[include]]}, options);
          return res.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                      summary: (n.failureSummary || '').slice(0, 400)})),
          }));
        }""", [include, tags])


def axe_counts(violations: list[dict]) -> dict[str, int]:
    """Number of failing elements per impact (``critical``, ``serious``, ``moderate``, ``minor``)."""
    counts: dict[str, int] = {}
    for v in violations:
        counts[v["impact"] or "unknown"] = counts.get(v["impact"] or "unknown", 0) + len(v["nodes"])
    return counts


def axe_report(violations: list[dict], max_nodes: int = 4) -> str:
    """A readable summary of axe violations (rule, impact, count, the first few elements)."""
    lines = []
    for v in sorted(violations, key=lambda v: ("critical", "serious", "moderate", "minor").index(v["impact"])
                    if v["impact"] in ("critical", "serious", "moderate", "minor") else 9):
        lines.append(f"[{v['impact']}] {v['id']} x{len(v['nodes'])}: {v['help']}")
        for n in v["nodes"][:max_nodes]:
            lines.append(f"    {n['target']}  {n['html'][:160]}")
    return "\n".join(lines)


def set_theme(page, theme: str = "JupyterLab Dark") -> None:
    """Switch JupyterLab's theme (``"JupyterLab Light"`` / ``"JupyterLab Dark"``) and wait for it."""
    page.evaluate("async (t) => { await window.jupyterapp.commands.execute('apputils:change-theme', {theme: t}); }",
                  theme)
    light = "true" if "Light" in theme else "false"
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{light}'", timeout=15_000)


def saved_value(journal, question: str):
    """The latest value saved for ``question`` in the journal file ``journal`` (None: nothing saved)."""
    import json
    import sqlite3

    con = sqlite3.connect(journal)
    try:
        row = con.execute("SELECT value FROM entries WHERE question=? ORDER BY rowid DESC", (question,)).fetchone()
    finally:
        con.close()
    return None if row is None else json.loads(row[0])


def press(locator, key: str, times: int) -> None:
    """Focus ``locator`` (a slider handle, a button group) and press ``key`` ``times`` times, as a keyboard user."""
    locator.scroll_into_view_if_needed()
    locator.focus()
    for _ in range(times):
        locator.press(key)
