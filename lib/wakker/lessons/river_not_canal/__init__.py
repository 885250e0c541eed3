"""Lesson of notebook 03_boek_deel2_de_straat_op: Deel 2: De straat op, de ontmoeting aangaan.

``from wakker.lessons import river_not_canal`` is what the notebook does; the conventions every lesson keeps:

* **Notebook-facing functions.** Each step of the notebook calls one function of this package
  (``river_not_canal.intro()``, later for example ``river_not_canal.explorer(nb)``); put larger widgets in modules
  of this package (``widgets.py``) and import here only what the notebook calls.
* **Widgets from the kit.** Build on ``wakker.ui``: :class:`wakker.ui.View` with :func:`wakker.ui.safe`
  on every callback (an error becomes a Dutch box, and a line on stderr under ``WAKKER_STRICT=1``),
  the questions of the page, ``DutchSlider``/``ParameterPanel``, ``LiveFigure``. A model belongs
  in ``wakker.models``, without widgets.
* **Dutch words in one place.** Every fixed Dutch text the student sees is in :mod:`.texts`;
  longer or structured content (cases, tables, options) is data in ``data/lessons/river_not_canal/``.
* **Nothing read at import.** Read data inside a function, when a widget is first built, e.g.
  ``read_yaml(lesson_dir("river_not_canal") / "cases.yaml")`` from ``wakker.core.data``. The lesson
  contract (``tests/lessons/test_contract.py``) checks this once the notebook is ``klaar``.
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "03_boek_deel2_de_straat_op"


def intro_html() -> str:
    """The lesson's opening text as HTML (what :func:`intro` shows; tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the lesson's opening text (an example of a notebook-facing function)."""
    show_html(intro_html())
