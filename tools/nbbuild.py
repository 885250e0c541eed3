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


def write(path: str | Path, cells: list) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:02d}"
    nbformat.validate(nb)
    Path(path).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
