"""Start JupyterLab for the workbook: what `make lab` runs (and what the local-start browser test runs).

Usage: python tools/lab.py [--port N] [--no-browser] [--Jupyter.option=value ...]

* the server's root is the repository, so `exports/` and the teacher's snippets are reachable;
* the default URL is the start notebook, so the link printed here (and the browser JupyterLab
  opens itself) lands on `notebooks/00_start.ipynb`, not on the Launcher;
* `jupyter-config/` is added to JUPYTER_CONFIG_PATH: Dutch menus and no news pop-up
  (`labconfig/default_setting_overrides.json`) and a pre-save hook that keeps outputs and widget
  state out of the workbook's notebooks (`jupyter_server_config.json`,
  see `wakker.serverhooks`);
* `jupyter-data/` is added to JUPYTER_PATH: the workbook's JupyterLab extension `wakker-voorladen`, which loads
  plotly.js while a lesson is open, so the first Run All does not wait for it;
* the server logs only warnings; this script prints in Dutch what happens and the link to open.

The port is 8888 or the next free one; with --port (`make lab PORT=8890`) exactly that port.
Further `--Class.option=value` arguments go to JupyterLab unchanged (the browser test
tests/browser/test_local_start_browser.py adds only what its helpers need). Everything a student reads is Dutch.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "jupyter-config"
DATA_DIR = ROOT / "jupyter-data"  # labextensions/wakker-voorladen
START_NOTEBOOK = "notebooks/00_start.ipynb"
DEFAULT_URL = "/lab/tree/" + START_NOTEBOOK
FIRST_PORT = 8888
HOST = "localhost"


def server_command(port: int, root: Path = ROOT, open_browser: bool = True,
                   extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The JupyterLab command line (``sys.executable -m jupyterlab ...``) for ``port``."""
    cmd = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.default_url={DEFAULT_URL}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the link printed below names this port
        "--ServerApp.log_level=WARN",
        "--LabApp.log_level=WARN",
        "--LabApp.extension_manager=readonly",  # a student installs no extensions (and nothing asks PyPI)
    ]
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers often run as root; Jupyter refuses unless told
    return cmd + list(extra)


def server_env(token: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the server: ``jupyter-config/`` first on JUPYTER_CONFIG_PATH, ``jupyter-data/`` first
    on JUPYTER_PATH, and the token in JUPYTER_TOKEN (so it is not visible in the process list and Jupyter
    prints no English link)."""
    env = dict(os.environ if base is None else base)
    for var, first in (("JUPYTER_CONFIG_PATH", CONFIG_DIR), ("JUPYTER_PATH", DATA_DIR)):
        paths = [str(first)] + [p for p in env.get(var, "").split(os.pathsep) if p and p != str(first)]
        env[var] = os.pathsep.join(paths)
    env["JUPYTER_TOKEN"] = token
    return env


def start_url(port: int, token: str) -> str:
    """The link a student opens: the start notebook, with the token."""
    return f"http://{HOST}:{port}{DEFAULT_URL}?token={token}"


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def choose_port(requested: int | None) -> int:
    """``requested`` if free (else SystemExit with a Dutch message), or the first free port from 8888."""
    if requested is not None:
        if not port_is_free(requested):
            raise SystemExit(f"Poort {requested} is al in gebruik (draait het werkboek misschien al in een ander "
                             f"venster?). Kies een andere poort, bijvoorbeeld: make lab PORT={requested + 1}")
        return requested
    for port in range(FIRST_PORT, FIRST_PORT + 100):
        if port_is_free(port):
            return port
    raise SystemExit(f"Geen vrije poort gevonden tussen {FIRST_PORT} en {FIRST_PORT + 99}. "
                     "Kies er zelf een: make lab PORT=9000")


def wait_until_up(proc: subprocess.Popen, port: int, token: str, timeout: float = 120) -> bool:
    """True once the server answers; False if it stopped first or did not answer within ``timeout``."""
    deadline = time.monotonic() + timeout
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/status")
    req.add_header("Authorization", f"token {token}")
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(req, timeout=2):
                return True
        except (OSError, urllib.error.URLError):
            time.sleep(0.25)
    return False


def say(text: str = "") -> None:
    print(text, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start JupyterLab met het werkboek.")
    parser.add_argument("--port", type=int, default=None, help="poort (standaard 8888 of de eerstvolgende vrije)")
    parser.add_argument("--no-browser", action="store_true", help="geen browser openen, alleen de link tonen")
    args, extra = parser.parse_known_args(argv)
    if any(not a.startswith("--") for a in extra):
        parser.error(f"onbekende argumenten: {' '.join(extra)}")

    port = choose_port(args.port)
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    say(f"== JupyterLab start op poort {port} (dat duurt een paar seconden) ...")
    proc = subprocess.Popen(server_command(port, open_browser=not args.no_browser, extra=extra), cwd=ROOT,
                            env=server_env(token), stdin=subprocess.DEVNULL)
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        if wait_until_up(proc, port, token):
            say()
            say("== JupyterLab draait. Open deze link in je browser (als die niet vanzelf opent):")
            say()
            say(f"    {start_url(port, token)}")
            say()
            say("   De link opent het startnotebook. Stoppen: druk hier op Ctrl+C.")
            say("   Je antwoorden staan al in je dagboek; je hoeft niets op te slaan.")
            say()
        elif proc.poll() is None:
            say(f"== JupyterLab reageert nog niet. Probeer over een minuut: {start_url(port, token)}")
        code = proc.wait()
        if code:
            say(f"== JupyterLab is gestopt met een fout (code {code}); de meldingen staan hierboven.")
        return code
    except KeyboardInterrupt:  # Ctrl+C reaches JupyterLab too (same terminal): it stops its kernels
        say()
        say("== JupyterLab stopt ...")
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
        say("== Gestopt. Opnieuw beginnen: make lab")
        return 0


if __name__ == "__main__":
    sys.exit(main())
