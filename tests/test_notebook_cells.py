"""Hidden code cells (lesson guide U1): JupyterLab still shows a hidden cell's first line, so
that line must be a short Dutch comment (``# Citaat: de planningsmachine``), never code; and the
start notebook must describe a hidden cell the way JupyterLab shows it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _hidden_code_cells(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code" and cell.get("metadata", {}).get("jupyter", {}).get("source_hidden"):
            yield i, _source(cell)


def test_there_are_notebooks_with_hidden_cells():
    assert NOTEBOOKS and any(list(_hidden_code_cells(p)) for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_hidden_code_cells_start_with_a_dutch_comment(path):
    bad = []
    for i, source in _hidden_code_cells(path):
        first = source.splitlines()[0] if source.strip() else ""
        words = first[2:].strip()
        # JupyterLab puts its own dots after the line: a cut-off sentence ('... uit je …') reads as two ellipses
        if not first.startswith("# ") or len(words) < 3 or len(first) > 100 or "…" in first:
            bad.append(f"cell {i}: {first!r}")
    assert not bad, (f"{path.name}: a hidden code cell's first line is what JupyterLab shows; make it a "
                     f"short Dutch comment such as '# Citaat: de planningsmachine':\n" + "\n".join(bad))


def test_start_notebook_describes_hidden_cells_as_jupyterlab_shows_them():
    nb = json.loads((ROOT / "notebooks" / "00_start.ipynb").read_text(encoding="utf-8"))
    text = " ".join(_source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    text = " ".join(text.split())
    assert "verborgen" in text
    assert "alleen een smalle balk" not in text  # JupyterLab 4 shows the first line, not an empty bar
    assert "de eerste regel" in text and "`#`" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_two_hidden_code_cells_side_by_side(path):
    """Issue 11: every cell costs a round trip to the kernel and its own work in the page (Run All of 07 went
    from 55 to 28 cells, about a fifth faster in the browser), so hidden code with no text between is one
    cell. Each part keeps its own comment line; the cell's first line says what follows ('…; daarna een vraag')."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    hidden = [c["cell_type"] == "code" and bool(c.get("metadata", {}).get("jupyter", {}).get("source_hidden"))
              for c in nb["cells"]]
    pairs = [i for i in range(1, len(hidden)) if hidden[i] and hidden[i - 1]]
    assert not pairs, (f"{path.name}: hidden code cells {pairs} follow another hidden code cell; make each pair "
                       "one cell (a blank line and the part's own '# ' comment between them)")


LESSONS = [p for p in NOTEBOOKS if p.stem[:2] not in ("00", "09")]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_first_cell_opens_the_list_of_activities_with_a_bold_run_in_head(path):
    """Every lesson's first cell lists what the student does, after the run-in head '**Wat je doet.**' (as '**Tijd.**'
    after it). A bare line 'In dit notebook' above the list read as an unfinished sentence (a teacher's reading);
    03 had the head, the other lessons did not."""
    first = _source(json.loads(path.read_text(encoding="utf-8"))["cells"][0])
    lines = first.splitlines()
    at = [i for i, line in enumerate(lines) if "In dit notebook" in line]
    assert at, f"{path.name}: no 'In dit notebook' in the first cell"
    assert lines[at[0]].strip() == "**Wat je doet.** In dit notebook", lines[at[0]]
    following = [line for line in lines[at[0] + 1:] if line.strip()]
    assert following and following[0].lstrip().startswith("1. "), following[:1]
