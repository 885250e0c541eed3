"""Lesson of notebook 06 (Regio Zwolle 2016): definitions, the learning gap, the village case, listening.

* :mod:`.data` -- the lesson's YAML files (parameter words, the village case, the listening
  themes) and the room's associations (read from the excerpt), validated and cached; nothing is
  read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the associations beside the room's, the learning-gap explorer, the village
  case (the kit's :class:`wakker.ui.branching.BranchingCase`) and the listening self-assessment;
  the model is :mod:`wakker.models.learning_gap`.

In the notebook::

    from wakker.lessons import social_innovation as nb06
    nb06.associations(nb)        # my words for social innovation beside the room's (saved)
    nb06.GapExplorer()           # the learning gap: sliders + a LiveFigure
    nb06.show_assumptions()      # every assumption of the model, in Dutch
    nb06.village_case(nb)        # the village with two movements, a branching case (saved path)
    nb06.listening_scan(nb)      # the listening self-assessment, now and later, as a radar (saved)
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html

from . import texts
from .widgets import (MAIN_PARAMS, MORE_PARAMS, Associations, GapExplorer, ListeningScan,  # noqa: F401
                      assumptions_table_html, associations, listening_scan, summary_html, village_case)

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "06_regio_zwolle_sociale_innovatie_2016"


def intro_html() -> str:
    """The lesson's opening text as HTML (tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the lesson's opening text."""
    show_html(intro_html())


def show_assumptions() -> None:
    """Every assumption of the learning-gap model, in Dutch."""
    show_html(assumptions_table_html())
