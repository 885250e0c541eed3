"""Notebooks in students' folders that predate ``wakker.lessons`` keep working.

nbgitpuller keeps a student's changed copy of a notebook, so a copy of 00, 04 or 07 from
before the reorganisation can meet the new library. Each old import cell, and the teacher's
snippet of the first README, must still find what it calls.
"""
import pytest

OLD_CELLS = {
    "from wakker.demo import trust_slider": ["trust_slider"],
    "from wakker import nb04": ["show_orders", "sorting_game", "strength_figure", "show_assumptions",
                                "PlanningExplorer", "my_week", "show_timeline", "show_roles", "role_cases"],
    "from wakker import nb07": ["one_shot", "dominance", "payoff_table", "character_table", "repeated_game",
                                "tournament_view", "evolution_view", "sandbox", "designer",
                                "class_tournament_view"],
}


@pytest.mark.parametrize("cell", sorted(OLD_CELLS))
def test_old_import_cells_find_every_name_the_old_notebooks_call(cell):
    ns: dict = {}
    exec(cell, ns)
    module_or_func = ns[cell.split()[-1]]
    for name in OLD_CELLS[cell]:
        target = module_or_func if name == cell.split()[-1] else getattr(module_or_func, name)
        assert callable(target), f"{cell}: {name}"


def test_old_paths_are_the_lessons_themselves():
    from wakker import nb04, nb07
    from wakker.lessons import class_tournament, planning_machine, trust_game

    assert nb04.PlanningExplorer is planning_machine.PlanningExplorer
    assert nb07.repeated_game is trust_game.repeated_game
    assert nb07.class_tournament_view is class_tournament.class_tournament_view
