"""wakker.prewarm without a server: what a kernel loads before the first cell, and that nothing shows.

The server side with real kernels and a stand-in server at the end (another client connecting as the
prewarm starts still gets its answer; a kernel without a notebook session is left alone); in a real
JupyterLab in tests/browser/test_prewarm_browser.py.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wakker import prewarm

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

PROBE = r"""
import json, sys
from pathlib import Path
import ipywidgets
from wakker import prewarm
done = prewarm.run(Path(sys.argv[1]))
widgets = len(ipywidgets.Widget.widgets)
# after the prewarm: does a lesson's first figure from numpy arrays still read every installed package's metadata?
import importlib.metadata as _md
reads = []
_eps = _md.entry_points
_md.entry_points = lambda *a, **k: reads.append(k.get("group")) or _eps(*a, **k)
new_modules = []
if "wakker.ui.figure" in sys.modules:
    import numpy as np
    import plotly.graph_objects as go
    go.Figure(go.Scatter(x=np.arange(3.0), y=np.arange(3.0)))
    # and a figure as the lessons build theirs, sent as JSON: no module is imported for it any more
    from wakker.ui.figure import LiveFigure
    before = set(sys.modules)
    fig = LiveFigure(dict(data=[dict(type="scatter", x=np.arange(3.0), y=np.ones(3), line=dict(color="red", dash="dot")),
                                dict(type="heatmap", z=np.eye(2), colorscale=[[0, "white"], [1, "black"]])],
                          layout=dict(title=dict(text="t", x=0, font=dict(size=14), pad=dict(l=8)),
                                      xaxis=dict(title=dict(text="x")), yaxis=dict(title=dict(text="y")),
                                      legend=dict(orientation="h"), margin=dict(l=60), height=300)))
    fig._full_json()
    new_modules = sorted(set(sys.modules) - before)
print(json.dumps({"done": done, "figure": "wakker.ui.figure" in sys.modules, "metadata_reads": reads,
                  "new_modules": new_modules,
                  "widgets": widgets,
                  "content": __import__("wakker.core.content", fromlist=["x"]).content.cache_info().currsize}))
"""


def test_lessons_are_found_in_the_notebook_source(tmp_path):
    nb = tmp_path / "x.ipynb"
    nb.write_text(json.dumps({"cells": [{"source": ["from wakker.lessons import trust_game as nb07\n",
                                                    "import wakker.lessons.village_commons\n",
                                                    "from wakker.lessons.start import trust_slider\n"]}]}))
    assert prewarm.lessons_in(nb) == ["trust_game", "village_commons", "start"]
    assert prewarm.lessons_in(tmp_path / "missing.ipynb") == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem[:2] for p in NOTEBOOKS])
def test_each_notebook_is_prewarmed_without_a_widget_and_without_figures_it_does_not_draw(path):
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120,
                         cwd=ROOT / "notebooks", check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    lessons = prewarm.lessons_in(path)
    assert lessons, path.name  # every notebook imports its lesson
    assert {f"wakker.lessons.{name}" for name in lessons} <= set(seen["done"]), seen
    assert seen["widgets"] == 0 and seen["content"] == 1, seen  # no widget model before the first cell
    # the figure module asks the page for plotly.js: the prewarm imports it only where the notebook's own
    # lesson imports do (00, the start notebook, draws no figure: its page must not load plotly.js)
    own = subprocess.run([sys.executable, "-c", OWN_IMPORTS] + lessons, capture_output=True, text=True,
                         timeout=120, cwd=ROOT / "notebooks", check=True)
    assert seen["figure"] == json.loads(own.stdout.strip().splitlines()[-1]), (path.name, seen)
    if path.name.startswith("00"):
        assert seen["figure"] is False
    # plotly hands every numpy array to narwhals, which looks for its plugins in every installed package's metadata
    # once per process (~21 ms): in the prewarm, not in the first Run All
    assert seen["metadata_reads"] == [], seen["metadata_reads"]
    # nor import what a lesson's first figure needs (plotly's layout, line and colour-scale modules, its JSON writer:
    # ~50 modules of 07's Run All were imported in its cells)
    assert seen["new_modules"] == [], seen["new_modules"]


OWN_IMPORTS = r"""
import importlib, json, sys
import wakker.ui.page
for name in sys.argv[1:]:
    importlib.import_module(f"wakker.lessons.{name}")
print(json.dumps("wakker.ui.figure" in sys.modules))
"""


def test_errors_are_swallowed_and_switching_off_works(monkeypatch, tmp_path):
    nb = tmp_path / "x.ipynb"
    nb.write_text("from wakker.lessons import does_not_exist")
    assert "wakker.lessons.does_not_exist" not in prewarm.run(nb)
    monkeypatch.setenv("WAKKER_PREWARM", "0")
    assert prewarm.enabled() is False and prewarm.install(object()) is False
    monkeypatch.setenv("WAKKER_PREWARM", "1")
    assert prewarm.enabled() is True


# ------------------------------------------------------------ the server side, with real kernels
class _Sessions:
    def __init__(self, kernel_ids):
        self.kernel_ids = kernel_ids

    async def list_sessions(self):
        return [{"kernel": {"id": k}} for k in self.kernel_ids]


class _Kernels:
    def __init__(self, kernels):
        self.kernels = kernels

    def get_kernel(self, kernel_id):
        return self.kernels[kernel_id]


class _Log:
    def debug(self, *args):
        pass


class _Server:
    """What _prewarm uses of a jupyter_server ServerApp: its kernel and session managers and its log."""

    def __init__(self, kernels, sessions):
        self.kernel_manager, self.session_manager, self.log = _Kernels(kernels), _Sessions(sessions), _Log()


def _in_a_thread(make_coro):
    """asyncio.run on a thread of its own: earlier tests in the same process may leave a loop running here."""
    from concurrent.futures import ThreadPoolExecutor
    import asyncio

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make_coro())).result()


PROBE_PREWARMED = "import sys; print('wakker.ui.page' in sys.modules)"


async def _another_client(km, timeout: float) -> bool:
    """What Voilà, nbclient and jupyter console do with a kernel: connect and wait until it answers."""
    client = km.client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=timeout)
        return True
    except RuntimeError:  # "Kernel didn't respond in … seconds"
        return False
    finally:
        client.stop_channels()


def test_a_prewarmed_kernel_still_answers_every_other_client():
    """The prewarm starts on the kernel's start event, as another client connects: that client must still
    get its answer (an execute sent before the kernel answered once left it deaf for others: Voilà's pages
    hung in 2 to 4 of 8 kernels), and the kernel must have loaded the workbook."""
    import asyncio

    from jupyter_client.manager import AsyncKernelManager

    async def one() -> tuple[bool, bool]:
        km = AsyncKernelManager(kernel_name="python3")
        await km.start_kernel()
        try:
            server = _Server({"k": km}, ["k"])
            warm = asyncio.ensure_future(prewarm._prewarm(server, "k", timeout=60))
            await asyncio.sleep(0)  # the prewarm's first request goes out before the other client connects
            answered = await _another_client(km, timeout=8)
            await warm
            client = km.client()
            client.start_channels()
            await client.wait_for_ready(timeout=30)
            reply = await client.execute_interactive(PROBE_PREWARMED, timeout=30, output_hook=lambda m: seen.append(m))
            client.stop_channels()
            loaded = reply["content"]["status"] == "ok" and any(
                m["msg_type"] == "stream" and m["content"]["text"].strip() == "True" for m in seen)
            return answered, loaded
        finally:
            await km.shutdown_kernel(now=True)

    results = []
    for _ in range(6):
        seen: list = []
        results.append(_in_a_thread(one))
    assert all(answered for answered, _ in results), results
    assert all(loaded for _, loaded in results), results


def test_a_kernel_without_a_notebook_session_is_left_alone():
    """Voilà's kernels (make student, a voila/render link) have no session: no client, no request."""
    import asyncio

    made = []

    class _Km:
        def client(self):
            made.append(1)
            raise AssertionError("a client was made for a kernel without a session")

    server = _Server({"k": _Km()}, ["another kernel"])
    _in_a_thread(lambda: prewarm._prewarm(server, "k", timeout=5))
    assert made == []
