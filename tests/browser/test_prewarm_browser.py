"""A kernel the server starts for a lesson has loaded the workbook before the first cell (wakker.prewarm).

In a real JupyterLab with the workbook's server extension: notebook 07, opened and not run, has the kit,
the content and its lesson (with plotly's figure classes) in its kernel, and nothing of it shows: no name
in the student's namespace, no history, no execution count, no output. After a kernel restart the same.
"""
from __future__ import annotations

import json

import pytest

import jlab

NOTEBOOK = "notebooks/07_blog_vertrouwen_prisoners_dilemma.ipynb"
pytestmark = pytest.mark.browser

PROBE = """
import json as _json, sys as _sys
from IPython import get_ipython as _g
_sh = _g()
print(_json.dumps({
    "modules": sorted(m for m in ("wakker.ui.page", "wakker.ui.questions", "wakker.lessons.trust_game",
                                  "wakker.ui.figure", "plotly.graph_objs._figure") if m in _sys.modules),
    "content": __import__("wakker.core.content", fromlist=["content"]).content.cache_info().currsize,
    "names": sorted(n for n in _sh.user_ns if not n.startswith("_") and n not in ("In", "Out", "get_ipython", "exit", "quit", "open")),
    "count": _sh.execution_count,
    "history": [s for s in _sh.history_manager.input_hist_raw if "prewarm" in s],
}))
"""


def _probe(page) -> dict:
    # the prewarm request went to the kernel before the page's first request: it has been answered by now
    return json.loads(jlab.run_in_kernel(page, PROBE, timeout=60).strip().splitlines()[-1])


def test_an_opened_lesson_has_loaded_the_workbook_before_its_first_cell(page, jupyter_server):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK)
    seen = _probe(page)
    assert seen["modules"] == ["plotly.graph_objs._figure", "wakker.lessons.trust_game", "wakker.ui.figure",
                               "wakker.ui.page", "wakker.ui.questions"], seen
    assert seen["content"] == 1, seen  # the content is loaded
    assert seen["names"] == [] and seen["history"] == [] and seen["count"] == 1, seen  # nothing shows
    assert not page.locator(".jp-NotebookPanel:visible .jp-OutputArea-output").count()

    jlab.restart_kernel(page, path=NOTEBOOK)
    seen = _probe(page)
    assert "wakker.lessons.trust_game" in seen["modules"] and seen["names"] == [], seen
    st = jlab.run_all(page, path=NOTEBOOK)  # and the lesson runs as ever
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page)
    assert _probe(page)["count"] == st["executed"] + 1  # the cells are 1..n: the prewarm took no number
