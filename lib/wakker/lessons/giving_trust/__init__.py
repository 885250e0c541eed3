"""Lesson of notebook 05 (Social Innovation Meetup 2013): where trust begins, the terreinknecht, and
whether giving trust generates trust.

* :mod:`.data` -- the lesson's YAML files (parameter words, the Berkelland examples), validated and
  cached; nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the trust game explorer, the breach view, the task split and the assumptions
  table, built on :mod:`wakker.ui`; the model is :mod:`wakker.models.investment_game`.

In the notebook::

    from wakker.lessons import giving_trust as nb05
    nb05.task_split(nb)            # terreinknecht of regisseur: who does which task? (saved)
    nb05.TrustExplorer()           # does giving trust generate trust? sliders + a LiveFigure
    nb05.show_assumptions()        # every assumption of the model, in Dutch
    nb05.BreachView()              # a breach of trust, admitted or not
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts
from .data import Berkelland, Example, Task, load_berkelland, load_param_words  # noqa: F401
from .widgets import (BREACH_MAIN, BREACH_MORE, MAIN_PARAMS, MORE_PARAMS, NOTEBOOK, BreachView,  # noqa: F401
                      TaskSplit, TrustExplorer, assumptions_table_html, breach_html, breach_specs, breach_view,
                      comparison_html, condition_html, explorer_html, outcome_tally, task_split,
                      trust_explorer)


def intro_html() -> str:
    """The lesson's one-line description as HTML (tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    show_html(intro_html())


def show_assumptions() -> None:
    """Every assumption of the trust game and the breach, in Dutch."""
    show_html(assumptions_table_html())
