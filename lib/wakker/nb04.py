"""Old import path (``from wakker import nb04``), kept for copies of notebook 04 in students'
folders that predate ``wakker.lessons`` (nbgitpuller keeps a student's changed copy). New code:
``wakker.lessons.planning_machine``."""
from .lessons.planning_machine import *  # noqa: F401,F403
from .lessons.planning_machine import (PlanningExplorer, my_week, role_cases, show_assumptions,  # noqa: F401
                                       show_orders, show_roles, show_timeline, sorting_game, strength_figure)
