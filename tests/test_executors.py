"""Every ready notebook executes through nbclient (and so nbconvert, papermill, Jupyter Book) without a stall.

The stall (jupyter/nbclient#312): nbclient mimics the front end's Output widget. When a cell
captures output in an Output (``with out: display(...)``), nbclient writes each captured output
back to the kernel on the *shell* channel from its iopub task, while another task is awaiting the
execute_reply on that same zmq socket; now and then that await misses its wake-up. The reply
then sits in the socket until the cell's timeout ends the poll (with ``timeout=15`` the cell takes
15 s and nbclient carries on), or forever without a timeout (nbconvert's default).
``LiveFigure`` therefore sets ``Output.outputs`` instead of capturing.

So the checks are: no Output-mimic write to the shell channel at all (the cause, deterministic),
no cell that took as long as its timeout (the symptom), and one ``jupyter nbconvert --execute`` run
of notebook 07 under a subprocess timeout.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
CELL_TIMEOUT = 15  # seconds; a normal cell takes well under a second, a stalled one takes all of this
RUNS = {"07_blog_vertrouwen_prisoners_dilemma": 4}  # the notebook that stalled most; the others 2 runs
#: Heavy libraries a lesson's Run All should not load: pandas costs about 0.15 s of a kernel's start (issue 8,
#: item 10), and no student-facing model needs a DataFrame to draw (their DataFrame functions import it when
#: called). The teacher's notebook shows tables, so it may.
NOT_LOADED = ("pandas",)
MAY_LOAD = {"09_docent": ("pandas",)}
PROBE = "import sys as _s\nprint(','.join(m for m in {mods!r} if m in _s.modules) or '-')"


def ready() -> list[str]:
    entries = yaml.safe_load((REPO / "data" / "notebooks.yaml").read_text(encoding="utf-8")) or []
    return [e["id"] for e in entries if isinstance(e, dict) and e.get("status") == "klaar"]


@pytest.fixture(autouse=True)
def private_journal(tmp_path, monkeypatch):
    """The kernels inherit these: answers and exports go to a temporary folder."""
    monkeypatch.setenv("WAKKER_JOURNAL", str(tmp_path / "journal.sqlite"))
    monkeypatch.setenv("WAKKER_EXPORTS", str(tmp_path / "exports"))


@pytest.fixture
def mimic_writes(monkeypatch) -> list[str]:
    """Every comm message nbclient's Output-widget mimic sends to the kernel (on the shell channel)."""
    from nbclient.output_widget import OutputWidget

    writes: list[str] = []
    send = OutputWidget.send

    def counting_send(self, *args, **kwargs):
        writes.append(self.comm_id)
        return send(self, *args, **kwargs)

    monkeypatch.setattr(OutputWidget, "send", counting_send)
    return writes


def execute(nb) -> list[tuple[float, int, str]]:
    """Run ``nb`` with nbclient (per-cell timeout CELL_TIMEOUT); (seconds, index, first line) per code cell."""
    from nbclient import NotebookClient

    started: dict[int, float] = {}
    took: list[tuple[float, int, str]] = []

    def on_start(cell, cell_index):
        started[cell_index] = time.perf_counter()

    def on_executed(cell, cell_index, execute_reply):
        took.append((time.perf_counter() - started[cell_index], cell_index, cell.source.split("\n", 1)[0][:60]))

    NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}},
                   on_cell_start=on_start, on_cell_executed=on_executed).execute()
    return took


def errors(nb) -> list[str]:
    return [f"cell {i}: {o.get('ename')}: {o.get('evalue')}" for i, c in enumerate(nb.cells)
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.mark.parametrize("notebook", ready())
def test_nbclient_runs_without_stall(notebook, mimic_writes):
    runs = RUNS.get(notebook, 2)
    unwanted = tuple(m for m in NOT_LOADED if m not in MAY_LOAD.get(notebook, ()))
    for run in range(runs):
        nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
        if run == 0 and unwanted:  # after the lesson's own cells: which heavy modules did they load?
            nb.cells.append(nbformat.v4.new_code_cell(PROBE.format(mods=unwanted)))
        took = execute(nb)  # raises CellExecutionError on an error in a cell
        assert not errors(nb)
        if run == 0 and unwanted:
            loaded = "".join(o.get("text", "") for o in nb.cells[-1].outputs).strip()
            assert loaded == "-", f"Run All loaded {loaded}: import it only where a DataFrame is really needed"
        slowest = max(took)
        assert slowest[0] < 0.8 * CELL_TIMEOUT, (
            f"run {run + 1}/{runs}: cell {slowest[1]} ({slowest[2]!r}) took {slowest[0]:.1f} s of its "
            f"{CELL_TIMEOUT} s timeout: a missed execute_reply (jupyter/nbclient#312)")
        assert not mimic_writes, (
            f"run {run + 1}/{runs}: nbclient wrote {len(mimic_writes)} captured outputs back on the shell channel; "
            "a cell captured output in an Output widget (use Output.outputs, as LiveFigure does)")


def test_the_cause_is_seen(mimic_writes):
    """The mimic check can fail: one capture in an Output is enough to make nbclient write back."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import ipywidgets as w\nout = w.Output()\nwith out:\n    print('gevangen')\nout")])
    execute(nb)
    assert mimic_writes


def test_nbconvert_cli_runs_07():
    """``jupyter nbconvert --execute`` (no per-cell timeout: a stall would hang) finishes well within its limit."""
    path = NOTEBOOKS / "07_blog_vertrouwen_prisoners_dilemma.ipynb"
    jupyter = Path(sys.executable).with_name("jupyter")
    cmd = [str(jupyter), "nbconvert", "--to", "notebook", "--execute", "--stdout", str(path)]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=NOTEBOOKS, env=os.environ.copy())
    except subprocess.TimeoutExpired:
        pytest.fail("jupyter nbconvert --execute on notebook 07 did not finish in 120 s (a stall)")
    assert res.returncode == 0, res.stderr[-2000:]
    nb = nbformat.reads(res.stdout, as_version=4)
    assert not errors(nb)
    assert nb.metadata.get("widgets")  # the widget state was collected
