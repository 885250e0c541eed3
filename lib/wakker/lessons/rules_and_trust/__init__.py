"""Lesson of notebook 08 (*Vertrouwen moet je leren*, 2021): rules and room, and trust learned.

* :mod:`.data` -- the Dutch words of the models' parameters (``data/lessons/rules_and_trust/``),
  read on first use and cached; nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the three explorers, built on :mod:`wakker.ui`; the models are
  :mod:`wakker.models.rule_or_room` (Lipsky's paradox) and :mod:`wakker.models.trust_learning`
  (the beta reputation model with asymmetry and forgetting; two governments).

In the notebook::

    from wakker.lessons import rules_and_trust as nb08
    nb08.RoomExplorer()             # rule or room: who gets help, and how equal is it?
    nb08.show_room_assumptions()    # every assumption of that model, in Dutch
    nb08.TrustPlayground()          # play good and bad experiences; trust after each
    nb08.GovernmentComparison()     # control-first or trust-first, over the same encounters
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts
from .data import load_government_words, load_learning_words, load_room_words  # noqa: F401
from .widgets import (GOV_MAIN, GOV_MORE, LEARN_MAIN, LEARN_MORE, NOTEBOOK, ROOM_MAIN, ROOM_MORE,  # noqa: F401
                      GovernmentComparison, RoomExplorer, TrustPlayground, cell_codes, government_assumptions_html,
                      government_sentence_html, learning_assumptions_html, room_assumptions_html, room_sentence_html)


def intro_html() -> str:
    """The lesson's one-line description as HTML."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    show_html(intro_html())


def show_room_assumptions() -> None:
    """Every assumption of the rule-or-room model, in Dutch."""
    show_html(room_assumptions_html())


def show_learning_assumptions() -> None:
    """Every assumption of the trust-learning model, in Dutch."""
    show_html(learning_assumptions_html())


def show_government_assumptions() -> None:
    """Every assumption of the comparison of two governments, in Dutch."""
    show_html(government_assumptions_html())
