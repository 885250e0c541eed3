"""Start the workbook in student mode: what `make student` runs.

Usage: python tools/student.py [--port N] [--no-browser] [--Jupyter.option=value ...]

In student mode every notebook is a page without code (Voilà 0.5, as a Jupyter server
extension): it runs by itself when it opens, questions, sliders, games and plots work as in
JupyterLab, answers go to the same journal (an answer given here is there in JupyterLab, and the
other way round), and the export button downloads the files in the browser. The texts say what to
do in this mode (no "Run All Cells", no file browser; see ``wakker.core.mode``).

It is the server of ``tools/lab.py`` (same port choice, token, Dutch JupyterLab settings and save
hook; JupyterLab stays reachable under /lab), with:

* the default URL ``/voila/render/notebooks/00_start.ipynb`` (the start notebook as a page);
* ``student-mode/config`` on JUPYTER_CONFIG_PATH: ``voila.json`` chooses the workbook's Voilà
  template; ``jupyter_server_config.d/wakker-student.json`` makes Voilà use its own bundled
  MathJax instead of a CDN, writes ``lang="nl"`` into the page, says in Dutch what to do when a
  cell fails (no traceback) and stops kernels of pages that were closed without saying so
  (30 minutes without a connection);
* ``student-mode/data`` on JUPYTER_PATH: the template ``wakker`` (Voilà's ``lab`` template
  without its CDN links, a reading column, Dutch waiting text; see its index.html.j2).

Nothing is loaded from the internet (tests/browser/test_student_mode_browser.py blocks every
request that does not go to this server). On Binder the same pages open with
``?urlpath=voila/render/notebooks/<notebook>.ipynb`` (``wakker.core.links.student_url``).
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lab  # noqa: E402 - tools/lab.py, next to this file

ROOT = lab.ROOT
STUDENT_DIR = ROOT / "student-mode"
CONFIG_DIR = STUDENT_DIR / "config"
DATA_DIR = STUDENT_DIR / "data"
START_NOTEBOOK = lab.START_NOTEBOOK
DEFAULT_URL = "/voila/render/" + START_NOTEBOOK


def server_command(port: int, open_browser: bool = True, extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """``tools/lab.py``'s command line with the student page as the default URL."""
    cmd = lab.server_command(port, open_browser=open_browser, extra=extra)
    flag = "--ServerApp.default_url="
    return [f"{flag}{DEFAULT_URL}" if arg.startswith(flag) else arg for arg in cmd]


def _prepend(env: dict[str, str], var: str, path: Path) -> None:
    paths = [str(path)] + [p for p in env.get(var, "").split(os.pathsep) if p and p != str(path)]
    env[var] = os.pathsep.join(paths)


def server_env(token: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """``tools/lab.py``'s environment plus the student mode's config and template folders."""
    env = lab.server_env(token, base)
    _prepend(env, "JUPYTER_CONFIG_PATH", CONFIG_DIR)
    _prepend(env, "JUPYTER_PATH", DATA_DIR)
    # Voilà runs each notebook as soon as its page opens: nothing to load ahead (wakker.prewarm; it also skips
    # kernels without a notebook session, as Voilà's are)
    env.setdefault("WAKKER_PREWARM", "0")
    return env


def start_url(port: int, token: str) -> str:
    """The link a student opens: the start notebook as a page, with the token."""
    return f"http://{lab.HOST}:{port}{DEFAULT_URL}?token={token}"


def main(argv: list[str] | None = None) -> int:
    say = lab.say
    parser = argparse.ArgumentParser(description="Start het werkboek in de studentweergave (zonder code).")
    parser.add_argument("--port", type=int, default=None, help="poort (standaard 8888 of de eerstvolgende vrije)")
    parser.add_argument("--no-browser", action="store_true", help="geen browser openen, alleen de link tonen")
    args, extra = parser.parse_known_args(argv)
    if any(not a.startswith("--") for a in extra):
        parser.error(f"onbekende argumenten: {' '.join(extra)}")

    try:
        port = lab.choose_port(args.port)
    except SystemExit as exc:  # its advice names `make lab`
        raise SystemExit(str(exc).replace("make lab", "make student")) from None
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_hex(24)
    say(f"== Het werkboek start in de studentweergave op poort {port} (dat duurt een paar seconden) ...")
    proc = subprocess.Popen(server_command(port, open_browser=not args.no_browser, extra=extra), cwd=ROOT,
                            env=server_env(token), stdin=subprocess.DEVNULL)
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        if lab.wait_until_up(proc, port, token):
            say()
            say("== Het werkboek draait. Open deze link in je browser (als die niet vanzelf opent):")
            say()
            say(f"    {start_url(port, token)}")
            say()
            say("   De link opent het startnotebook als gewone pagina, zonder code. Een notebook zet zichzelf klaar")
            say("   als je het opent; dat duurt even. Stoppen: druk hier op Ctrl+C.")
            say("   Je antwoorden staan al in je dagboek, hetzelfde als bij make lab; je hoeft niets op te slaan.")
            say()
        elif proc.poll() is None:
            say(f"== Het werkboek reageert nog niet. Probeer over een minuut: {start_url(port, token)}")
        code = proc.wait()
        if code:
            say(f"== Het werkboek is gestopt met een fout (code {code}); de meldingen staan hierboven.")
        return code
    except KeyboardInterrupt:  # Ctrl+C reaches the server too (same terminal): it stops its kernels
        say()
        say("== Het werkboek stopt ...")
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.terminate()
            proc.wait()
        say("== Gestopt. Opnieuw beginnen: make student")
        return 0


if __name__ == "__main__":
    sys.exit(main())
