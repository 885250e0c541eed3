"""Tiny helpers to write a notebook from Python (used by authors; the .ipynb is what is committed).

    from tools.nbbuild import md, code, write
    write("notebooks/00_start.ipynb", [md("# Titel"), code("from wakker import page", hidden=True)])

Notebooks are stored without outputs; hidden code cells carry ``jupyter.source_hidden``.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat


def md(text: str):
    return nbformat.v4.new_markdown_cell(textwrap.dedent(text).strip())


def code(src: str, hidden: bool = False, tags: list[str] | None = None):
    cell = nbformat.v4.new_code_cell(textwrap.dedent(src).strip())
    if hidden:
        cell.metadata["jupyter"] = {"source_hidden": True}
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


#: The closing reminder every notebook ends with (lesson guide L5): export before a Binder session ends.
EXPORT_REMINDER = (
    "**Werk je op Binder?** Exporteer dan nu je antwoorden in het startnotebook "
    "([`00_start.ipynb`](00_start.ipynb), onderaan bij *Exporteer mijn antwoorden*) en download het JSON-bestand; "
    "anders zijn ze straks weg."
)


def export_reminder(heading: str = "## Tot slot", before: str = ""):
    """The closing markdown cell: an optional synthesis text, then :data:`EXPORT_REMINDER`."""
    parts = [heading, textwrap.dedent(before).strip(), EXPORT_REMINDER]
    return nbformat.v4.new_markdown_cell("\n\n".join(p for p in parts if p))


def write(path: str | Path, cells: list, overwrite: bool = True) -> None:
    """Write ``cells`` as a notebook; with ``overwrite=False`` an existing file raises FileExistsError."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:02d}"
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    if overwrite:
        Path(path).write_text(text, encoding="utf-8")
    else:
        with open(path, "x", encoding="utf-8") as f:  # "x": never replaces an existing notebook
            f.write(text)
