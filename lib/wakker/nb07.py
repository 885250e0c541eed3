"""Old import path (``from wakker import nb07``), kept for copies of notebook 07 in students'
folders and for the teacher's snippet of the first README (``nb07.class_tournament_view(...)``).
New code: ``wakker.lessons.trust_game`` and ``wakker.lessons.class_tournament``."""
from .lessons.class_tournament import class_tournament_view  # noqa: F401
from .lessons.trust_game import *  # noqa: F401,F403
from .lessons.trust_game import (character_table, designer, dominance, evolution_view, one_shot,  # noqa: F401
                                 payoff_table, repeated_game, sandbox, tournament_view)
