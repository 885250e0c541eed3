"""A kernel that has loaded the workbook before the student runs the first cell (issue 11).

A lesson's first Run All used to spend half a second or more importing: the kit (``wakker.ui``,
ipywidgets, anywidget, YAML, the content) in the first cell and the lesson with numpy and plotly in the
next. A student opens a notebook and reads its introduction first; the kernel is idle meanwhile. So when
the Jupyter server starts (or restarts) a Python kernel, the workbook's server extension
(:mod:`wakker.serverstatic`, which calls :func:`install`) sends it one silent request that runs
:func:`run`: it imports the kit, loads the content, and imports the lesson packages the opened notebook
uses (the kernel's ``JPY_SESSION_NAME`` says which notebook that is). Nothing else happens: no output,
no widget, no name in the student's namespace, no line in the history, no execution count; a kernel
without the workbook, or any error, is ignored. A student who presses Run All at once simply waits for it
as before (the requests queue); one who reads for a second finds it done.

Only a kernel of a notebook session (JupyterLab's): not Voilà's kernels, which run the notebook at once, and not
headless runs (nbclient, nbconvert, papermill), which start their own kernels without the server.
Switched off with the environment variable ``WAKKER_PREWARM=0`` (the browser benchmark measures both).
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

#: What every notebook's first cells import: the kit without the figure module (which asks the page for
#: plotly.js: a notebook without figures must not load it), the content, numpy.
KIT_MODULES = ("wakker.ui.page", "wakker.ui.questions", "wakker.ui.saving", "wakker.ui.controls",
               "wakker.ui.reveal", "wakker.ui.export", "wakker.ui.view", "anywidget", "numpy",
               # what a Run All still imported after this list (07: 54 modules, with the figure's below): the lesson
               # plan's box, the questions' front-end code, the models' random numbers
               "wakker.ui.teaching", "wakker.ui.question_esm", "numpy.random")

#: The code the server sends (silently): imports this module without binding a name, runs :func:`run`.
KERNEL_CODE = ('try:\n    __import__("wakker.prewarm", fromlist=["run"]).run()\n'
               'except Exception:\n    pass\n')

_LESSON = re.compile(r"\bfrom\s+wakker\.lessons\s+import\s+([A-Za-z_][A-Za-z0-9_]*)"
                     r"|\bfrom\s+wakker\.lessons\.([A-Za-z_][A-Za-z0-9_]*)"
                     r"|\bimport\s+wakker\.lessons\.([A-Za-z_][A-Za-z0-9_]*)")
_done: set[str] = set()


def lessons_in(notebook: Path) -> list[str]:
    """The lesson packages a notebook imports (``from wakker.lessons import trust_game as nb07``,
    ``from wakker.lessons.start import trust_slider``)."""
    try:
        text = notebook.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    names = [next(g for g in groups if g) for groups in _LESSON.findall(text)]
    return list(dict.fromkeys(names))


def session_notebook() -> Path | None:
    """The notebook this kernel was started for (the server sets ``JPY_SESSION_NAME``), if it is a file."""
    name = os.environ.get("JPY_SESSION_NAME", "")
    if not name.endswith(".ipynb"):
        return None
    for path in (Path(name), Path.cwd() / Path(name).name):
        if path.is_file():
            return path
    return None


def run(notebook: Path | None = None) -> list[str]:
    """Import the kit, load the content and import the notebook's lessons; return what was imported.

    Never raises and never shows anything: what fails here fails again, with its Dutch message, in the
    cell that needs it."""
    import importlib

    notebook = notebook if notebook is not None else session_notebook()
    wanted = list(KIT_MODULES) + [f"wakker.lessons.{name}" for name in (lessons_in(notebook) if notebook else [])]
    done = []
    for module in wanted:
        if module in _done:
            continue
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - e.g. a lesson that is not there: its cell will say so
            continue
        _done.add(module)
        done.append(module)
    try:
        from wakker.core.content import content

        content()
    except Exception:  # noqa: BLE001 - broken content: page() shows the Dutch message, as without prewarm
        try:
            content.cache_clear()
        except Exception:  # noqa: BLE001
            pass
    if "wakker.ui.figure" in sys.modules:  # a lesson with figures: plotly's validators and figure classes
        try:
            import numpy as np
            import plotly.graph_objects as go

            from plotly.io.json import to_json_plotly  # how a LiveFigure writes its JSON

            from wakker.ui import figure_esm  # noqa: F401 - the figures' front-end code

            # numpy arrays, as the lessons draw: plotly hands each to narwhals, which looks for its plugins in every
            # installed package's metadata on the first one (~21 ms, once per process). The layout's parts and a
            # heatmap's colour scale as the lessons' figures have them (each imports its own plotly modules), and
            # the figure as JSON, as a LiveFigure sends it.
            zero = np.zeros(1)
            to_json_plotly(go.Figure(
                [go.Scatter(x=zero, y=zero, line=dict(color="red")),
                 go.Heatmap(z=[zero], colorscale=[[0, "red"], [1, "blue"]])],
                layout=dict(title=dict(text="x", font=dict(size=1), pad=dict(l=1)), xaxis=dict(title=dict(text="x")),
                            yaxis=dict(title=dict(text="y")), legend=dict(orientation="h"), margin=dict(l=1),
                            font=dict(size=1))))
        except Exception:  # noqa: BLE001
            pass
    return done


# ---------------------------------------------------------------- the server side
KERNEL_ACTIONS = "https://events.jupyter.org/jupyter_server/kernel_actions/v1"


def enabled() -> bool:
    return os.environ.get("WAKKER_PREWARM", "1").strip().lower() not in ("0", "no", "false", "off", "nee")


def install(serverapp: Any) -> bool:
    """Listen for kernel starts and restarts on ``serverapp`` and prewarm each Python kernel."""
    logger = getattr(serverapp, "event_logger", None)
    if not enabled() or logger is None or not hasattr(logger, "add_listener"):
        return False

    async def on_kernel_action(logger=None, schema_id=None, data=None, **_other) -> None:
        # jupyter_events calls listeners with keywords; whatever happens here must never touch the kernel's
        # start (an exception raised by a listener while it is called fails the start)
        try:
            data = data or {}
            if data.get("status") != "success" or data.get("action") not in ("start", "restart"):
                return
            kernel_id = data.get("kernel_id")
            if not kernel_id or not str(data.get("kernel_name") or "python").startswith("python"):
                return
            import asyncio

            task = asyncio.ensure_future(_prewarm(serverapp, kernel_id))
            _tasks.add(task)
            task.add_done_callback(_tasks.discard)
        except Exception as exc:  # noqa: BLE001
            serverapp.log.debug("wakker.prewarm: %s", exc)

    logger.add_listener(schema_id=KERNEL_ACTIONS, listener=on_kernel_action)
    return True


_tasks: set = set()


async def _in_a_session(serverapp: Any, kernel_id: str, wait: float = 5.0) -> bool:
    """Whether the kernel belongs to a notebook session (JupyterLab makes the session just after the kernel).

    Voilà (``make student``, a ``voila/render`` link on a hub) starts kernels without a session and runs the
    notebook in them at once: prewarming those gains nothing."""
    import asyncio

    sessions = getattr(serverapp, "session_manager", None)
    if sessions is None:
        return False
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        try:
            if any((s.get("kernel") or {}).get("id") == kernel_id for s in await sessions.list_sessions()):
                return True
        except Exception:  # noqa: BLE001 - an unusual session manager: do not prewarm
            return False
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.1)


def _own_session(km: Any) -> Any:
    """A session of the prewarm's own, signed with the kernel's key.

    ``km.client()`` shares the kernel manager's session, and with it the identity of its shell socket: the
    kernel answers only one of two clients with the same identity. Voilà's client was made the same way and,
    connecting as the prewarm did, got no answer ("Kernel didn't respond in 60 seconds": in 2 to 5 of every 8
    fresh kernels here). JupyterLab's own connection always has a session of its own."""
    from jupyter_client.session import Session

    return Session(key=km.session.key, signature_scheme=km.session.signature_scheme, username="wakker-prewarm")


async def _prewarm(serverapp: Any, kernel_id: str, timeout: float = 60.0) -> None:
    """Send :data:`KERNEL_CODE` to the kernel on a client of its own and wait for the reply (then close it)."""
    import asyncio

    client = None
    try:
        for _ in range(200):  # the server adds a kernel to its list just after the start event
            try:
                km = serverapp.kernel_manager.get_kernel(kernel_id)
                break
            except KeyError:
                await asyncio.sleep(0.05)
        else:
            return
        if not await _in_a_session(serverapp, kernel_id):
            return  # not a notebook in JupyterLab: e.g. Voilà's own kernel, which runs the notebook at once
        client = km.client(session=_own_session(km))
        client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        msg_id = client.execute(KERNEL_CODE, silent=True, store_history=False, allow_stdin=False)
        while loop.time() < deadline:
            reply = await client.get_shell_msg(timeout=max(0.1, deadline - loop.time()))
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                break
    except Exception as exc:  # noqa: BLE001 - a prewarm that fails changes nothing for the student
        serverapp.log.debug("wakker.prewarm: %s", exc)
    finally:
        if client is not None:
            try:
                client.stop_channels()
            except Exception:  # noqa: BLE001
                pass
