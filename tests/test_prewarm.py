"""wakker.prewarm without a server: what a kernel loads before the first cell, and that nothing shows.

The server side (a real JupyterLab sends the request when it starts a kernel) is tested in
tests/browser/test_prewarm_browser.py.
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
print(json.dumps({"done": done, "figure": "wakker.ui.figure" in sys.modules,
                  "widgets": len(ipywidgets.Widget.widgets),
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
