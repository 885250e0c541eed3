"""Lesson of notebook 04 (Deel 3 of the book): orders of change, the planning machine, my week, roles.

* :mod:`.data` -- the lesson's YAML files (orders and sorting game, parameter words, roles,
  timeline), validated and cached; nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the sorting game, the planning explorer, my week, the role cases and the
  HTML pieces, built on :mod:`wakker.ui`; the model is :mod:`wakker.models.planning_machine`.

In the notebook::

    from wakker.lessons import planning_machine as nb04
    nb04.show_orders()             # the four orders as a table
    nb04.sorting_game(nb)          # which order is this activity? score saved to the journal
    nb04.strength_figure()         # how strong each approach supports one movement
    nb04.show_assumptions()        # every assumption of the model, in Dutch
    nb04.PlanningExplorer()        # the planning machine: sliders, a LiveFigure (lines), HTML bars
    nb04.my_week(nb)               # my week over the four orders, now and wished
    nb04.show_timeline()           # the co-operative, old and new (chapter 39)
    nb04.show_roles()              # the five roles of government
    nb04.role_cases(nb)            # which role of government fits? (page.choice per case)
"""
from __future__ import annotations

from ...ui.style import show_html
from .data import (Activity, OrderInfo, Role, RoleCase, SortingData, load_param_words, load_roles,  # noqa: F401
                   load_sorting, load_timeline)
from .widgets import (COLOURS, MAIN_PARAMS, MORE_PARAMS, NOTEBOOK, MyWeek, PlanningExplorer,  # noqa: F401
                      SortingGame, assumptions_table_html, bar_values, bars_html, my_week, order_name, order_names, order_phrase,
                      order_title, orders_legend_html, planning_explorer, rebalance, role_cases,
                      label_place, roles_legend_html, shuffle_seed, shuffled, sorting_game, strength_figure,
                      summary_html,
                      timeline_html, valid_week)


def show_orders() -> None:
    """The four orders as a small table."""
    show_html(orders_legend_html())


def show_assumptions() -> None:
    """Every assumption of the planning-machine model, in Dutch."""
    show_html(assumptions_table_html())


def show_timeline() -> None:
    """The co-operative, old and new (chapter 39)."""
    show_html(timeline_html())


def show_roles() -> None:
    """The five roles of government the Voorwoord names."""
    show_html(roles_legend_html())
