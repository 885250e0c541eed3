"""Lesson of notebook 03 (Deel 2 of the book: De straat op, de ontmoeting aangaan).

Of Deel 2 the source holds only the table of contents and what the Inleiding says about it; the
notebook works from those passages, the chapter titles and the literature (Lindblom 1959, Galton 1907,
Surowiecki 2004, Putnam 2000).

* :mod:`.data` -- the lesson's YAML files (the drawbacks, the small-step cases) and the pure logic of the
  exercises (the canal-river feedback, the network parser); nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the exercises: Rivier of kanaal?, Bonding en bridging, the authors' drawbacks and the
  small-step cases.
* :mod:`.models_view` -- the two model views: a river, not a canal (:mod:`wakker.models.moving_target`)
  and the wisdom of the crowd (:mod:`wakker.models.crowd`).

In the notebook::

    from wakker.lessons import river_not_canal as nb03
    nb03.river_or_canal(nb)          # three cases on a canal-river scale, approach and why (saved)
    nb03.RiverExplorer()             # model 1: planner and muddler chase a moving need
    nb03.show_river_assumptions()    # every assumption of model 1, in Dutch
    nb03.drawbacks_choice(nb)        # the drawbacks the authors name (scored choice, saved)
    nb03.small_step_case(nb, "buurtbudget")   # is a small step irresponsible here? (saved)
    nb03.network_map(nb)             # my network: groups and ties, bonding or bridging (saved)
    nb03.CrowdExplorer()             # model 2: the crowd's median and mean, the truth and one expert
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts
from .models_view import (CrowdExplorer, RiverExplorer, crowd_assumptions_html,  # noqa: F401
                          river_assumptions_html)
from .widgets import (DrawbacksChoice, NetworkMap, RiverOrCanal, drawbacks_choice, network_html,  # noqa: F401
                      network_map, river_or_canal, small_step_case)

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "03_boek_deel2_de_straat_op"


def intro_html() -> str:
    """The lesson's opening text as HTML (tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the lesson's opening text."""
    show_html(intro_html())


def show_river_assumptions() -> None:
    """Every assumption of model 1 (a river, not a canal), in Dutch."""
    show_html(river_assumptions_html())


def show_crowd_assumptions() -> None:
    """Every assumption of model 2 (the wisdom of the crowd), in Dutch."""
    show_html(crowd_assumptions_html())
