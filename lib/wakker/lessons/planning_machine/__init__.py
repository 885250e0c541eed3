"""Lesson of notebook 04 (Deel 3 of the book): orders of change, the planning machine, my week, roles."""
from .widgets import *  # noqa: F401,F403
from .widgets import NOTEBOOK, PlanningExplorer, MyWeek, SortingGame, my_week, planning_explorer, role_cases  # noqa: F401
