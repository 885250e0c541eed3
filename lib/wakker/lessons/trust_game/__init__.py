"""Lesson of notebook 07: trust and the (iterated) prisoner's dilemma.

``from wakker.lessons import trust_game as nb07`` reads nothing: the characters
(``data/lessons/trust_game/characters.yaml``) are read when a widget is first built.

* :mod:`.data` -- the characters: :func:`characters`, :func:`main_characters`, :func:`name_of`.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.charts` -- the heat map and the population chart (also used by the class tournament).
* :mod:`.widgets` -- one function per step of the notebook.
"""
from .data import Character, character_names, characters, colour_of, main_characters, name_of  # noqa: F401
from .widgets import (  # noqa: F401
    DESIGN_QID, EVOLUTION_TITLE, EXPERIMENTS, HIDDEN, MAX_NAME, MAX_POPULATION, METHODS, NO_RESULT, NOTEBOOK, PAYOFF_LABELS,
    PAYOFF_PRESETS, PAYOFFS, PRESETS, PROB_OPTIONS, ROUNDS, SANDBOX_TITLE, SITUATIONS, TOURNAMENT_TITLE, Designer,
    Dominance, EvolutionView, OneShot, RepeatedGame, Sandbox, TournamentView, Unavailable, character_table, designer, dominance,
    evolution_shares, evolution_view, memory_one_of, one_shot, payoff_problems_html, payoff_table, ranking_html, repeated_game,
    run_evolution, sandbox, tournament_view, years_table,
)
