"""Lesson of notebook 01 (the book's Voorwoord, Inleiding and Nawoord): algorithms, the commons, meervoudigheid.

* :mod:`.data` -- the lesson's YAML files (parameter words, the design principles, the instructions
  to sort, the two cases), validated and cached; nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the village pasture (sliders, a switch per design principle, a LiveFigure),
  the tipping point, "Mijn rollen", the sorting (the kit's SortingWidget) and the cases (the kit's
  choice questions); the
  model is :mod:`wakker.models.commons`.

In the notebook::

    from wakker.lessons import village_commons as nb01
    nb01.sorting_exercise(nb)    # "Algoritme of stappenplan?": the kit's SortingWidget (saved)
    nb01.CommonsExplorer()       # de dorpsweide: stock and income over 30 seasons, principles as switches
    nb01.show_principles()       # what each principle does in the model (our assumption)
    nb01.TippingView()           # the tipping point K = 50, r = 0.5, h = 5, N0 = 10
    nb01.after_prediction(q, nb01.TippingView)  # a model shown only once prediction q is answered
    nb01.show_assumptions()      # every assumption of the model, in Dutch
    nb01.roles(nb)               # my roles in one day (saved)
    nb01.cases_exercise(nb)      # equal and unequal cases (saved)
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts
from .widgets import (MAIN_PARAMS, MORE_PARAMS, CommonsExplorer, Roles, TippingView,  # noqa: F401
                      after_prediction,
                      assumptions_table_html, cases_exercise, principles_html, roles, sort_items,
                      sorting_exercise, summary_html, tipping_html)

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "01_boek_inleiding"


def intro_html() -> str:
    """The lesson's opening text as HTML (tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the lesson's opening text."""
    show_html(intro_html())


def show_principles() -> None:
    """What each design principle does in the model (our assumption), as a table."""
    show_html(principles_html())


def show_assumptions() -> None:
    """Every assumption of the commons model, in Dutch."""
    show_html(assumptions_table_html())
