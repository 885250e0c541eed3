"""Every claim notebook 03 makes about its two models (lesson guide M3), checked against the models over
several sets of seeds: the 50 rivers the sentence uses, and other rivers and crowds the student never sees.

The settings are the ones the notebook's "Probeer dit" lists give; the claims are the notebook's "Wat zagen
wij?" texts. A claim that only holds for the seeds on screen would fail here.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pytest

from wakker.lessons.river_not_canal import models_view
from wakker.models import crowd as cr
from wakker.models import moving_target as mt

SEED_SETS = [models_view.COMPARE_SEEDS, tuple(range(101, 151)), tuple(range(1000, 1200))]


def planner_wins(seeds, **changes) -> float:
    return mt.compare(mt.MovingTargetParams(**changes), seeds).planner_wins


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_standard_river_the_muddler_almost_always_wins(seeds):
    assert planner_wins(seeds) <= 0.1


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_in_a_canal_the_planner_wins(seeds):
    """'In een kanaal wint de planner in alle 50 rivieren' (on screen); almost always elsewhere."""
    share = planner_wins(seeds, drift=0.0, drift_noise=0.0)
    assert share == 1.0 if seeds == models_view.COMPARE_SEEDS else share >= 0.95


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_a_quick_planner_wins_and_a_slow_one_loses(seeds):
    assert planner_wins(seeds, analysis_time=0) >= 0.9
    assert planner_wins(seeds, analysis_time=12) <= 0.1


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_with_poor_sight_the_planner_almost_always_wins(seeds):
    assert planner_wins(seeds, feedback_noise=8.0) >= 0.85


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_irreversible_steps_in_a_river_that_turns_let_the_planner_win_about_half_or_more(seeds):
    """'wint de aanmodderaar eerst in zo'n vier van de vijf rivieren ... wint de planner ineens in ongeveer de helft of meer'."""
    turning = dict(drift=0.0, drift_noise=1.0)
    before = planner_wins(seeds, **turning)
    after = planner_wins(seeds, **turning, irreversible=True)
    assert 0.1 <= before <= 0.3
    assert after >= 0.45 and after - before >= 0.25


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_in_the_standard_river_the_irreversible_switch_matters_little(seeds):
    assert abs(planner_wins(seeds, irreversible=True) - planner_wins(seeds)) <= 0.1


@pytest.mark.parametrize("seeds", SEED_SETS)
def test_more_feedback_noise_never_helps_the_muddler(seeds):
    costs = [mt.compare(mt.MovingTargetParams(feedback_noise=f), seeds).muddler_cost for f in (0, 1, 2, 4, 8)]
    assert costs == sorted(costs)


# ---------------------------------------------------------------- the crowd
CROWD_SEEDS = [range(1, 201), range(5000, 5200)]


def runs(seeds, **changes):
    return [cr.simulate(cr.CrowdParams(seed=s, **changes)) for s in seeds]


def rms(x) -> float:
    return float(np.sqrt(np.mean(np.square(x))))


@pytest.mark.parametrize("seeds", CROWD_SEEDS)
def test_galtons_crowd_almost_always_beats_the_expert_and_is_a_few_pounds_off(seeds):
    rs = runs(seeds)
    assert np.mean([r.crowd_beats_expert for r in rs]) >= 0.85
    assert rms([r.median_error for r in rs]) < 5 and rms([r.mean_error for r in rs]) < 5
    assert 25 <= rms([r.expert_error for r in rs]) <= 35  # 'meestal zo'n 30 pond ernaast'


@pytest.mark.parametrize("seeds", CROWD_SEEDS)
def test_smaller_crowds_are_further_off(seeds):
    """'Met 10 mensen zo'n 19 pond, met 1 mens 60.'"""
    assert 16 <= rms([r.mean_error for r in runs(seeds, n=10)]) <= 22
    assert 52 <= rms([r.mean_error for r in runs(seeds, n=1)]) <= 68


@pytest.mark.parametrize("seeds", CROWD_SEEDS)
def test_herding_levels_off_above_the_expert(seeds):
    """Meepraten (herding) 0,3: more people hardly help beyond a few dozen, the mean is typically 33 lb off, worse than the expert."""
    big = rms([r.mean_error for r in runs(seeds, herding=0.3, n=2000)])
    mid = rms([r.mean_error for r in runs(seeds, herding=0.3, n=300)])
    assert abs(big - mid) / mid < 0.05
    assert 28 <= big <= 38
    expert = rms([r.expert_error for r in runs(seeds, herding=0.3)])
    assert big > expert


@pytest.mark.parametrize("seeds", CROWD_SEEDS)
def test_a_shared_error_never_averages_away(seeds):
    errors = [r.mean_error for r in runs(seeds, bias=50.0, n=2000)]
    assert 47 <= np.mean(errors) <= 53 and min(errors) > 40


@pytest.mark.parametrize("herding,bias", [(0.0, 0.0), (0.3, 0.0), (0.0, 50.0)])
def test_the_curve_in_the_figure_is_what_the_models_crowds_give(herding, bias):
    """The lower panel draws the closed form; crowds drawn by the model follow it at every size shown, and it
    levels off at the floor the sentence names."""
    p = cr.CrowdParams(herding=herding, bias=bias)
    sizes, typical, floor = models_view.CrowdExplorer.curve(p)
    drawn = cr.error_of_mean(p, models_view.CURVE_SIZES, 400)
    shown = np.interp(drawn.n, sizes, typical)
    assert np.allclose(drawn.mean, shown, rtol=0.15)
    if floor:
        assert abs(typical[-1] - floor) / floor < 0.02  # levelled off at the floor
    else:
        assert floor == 0 and typical[-1] < 1.5 and np.all(np.diff(typical) < 0)  # keeps shrinking


NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "03_boek_deel2_de_straat_op.ipynb"
REVEAL_LEVELS_OFF = "al vanaf een paar tientallen mensen helpt een grotere groep bijna niet meer"


@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_with_herding_the_curve_is_flat_after_a_few_dozen_people(seed):
    """Review finding 4: 'Na-apen' (0,3) says the lower panel levels off from a few dozen people on (it said 'a few
    hundred'). The curve drawn, and crowds the model draws, are within 2 lb of the floor at 20 people."""
    p = cr.CrowdParams(herding=0.3, seed=seed)
    sizes, typical, floor = models_view.CrowdExplorer.curve(p)
    assert floor > 0 and np.interp(20, sizes, typical) - floor < 2.0
    assert typical[0] - floor > 20  # and it is not flat from the start: one person is far worse
    drawn = cr.error_of_mean(p, [20, 2000], 2000, median=False)
    assert drawn.mean[0] - drawn.mean[1] < 3.0
    nb = nbformat.read(NOTEBOOK, 4)
    reveal = next(c.source for c in nb.cells if "**Meepraten.** Als schattingen op elkaar lijken" in c.source)
    assert REVEAL_LEVELS_OFF in " ".join(reveal.split())
