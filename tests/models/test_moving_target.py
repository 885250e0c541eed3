"""The moving-target model of notebook 03 (wakker.models.moving_target): anchors, invariants and claims.

Anchors (issue 17, lesson guide M5):
* zero drift and zero noise: the plan hits the need from ``t = analysis_time`` on, the muddler
  after ``ceil(start_gap / step_size)`` steps;
* without noise and forecast, a plan made at ``t0`` is off by ``drift * (t - t0)`` (the lag of a
  plan aimed at where the need was), with analyses at ``0, A+L, 2(A+L), ...`` computed here;
* more feedback noise never helps the muddler (mean over seeds).
Claims the notebook makes (over many seeds): in a slow, predictable river planning wins; in a fast,
unpredictable one the muddler wins; with very noisy feedback, or irreversible steps in a river
that turns, muddling does worse.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import moving_target as mt
from wakker.models.moving_target import MovingTargetParams as P

SEEDS = range(200)
STILL = dict(drift=0.0, drift_noise=0.0, feedback_noise=0.0)


# ---------------------------------------------------------------- metadata and validation
def test_defaults_lie_in_their_ranges():
    for name, spec in mt.parameter_specs().items():
        assert spec.low <= spec.default <= spec.high, name
    assert "irreversible" not in mt.parameter_specs() and "forecast" not in mt.parameter_specs()


@pytest.mark.parametrize("bad", [dict(drift=-0.1), dict(drift=math.nan), dict(steps=2.5), dict(steps=1000),
                                 dict(analysis_time=-1), dict(step_size=0.0), dict(feedback_noise="veel"),
                                 dict(irreversible="ja"), dict(plan_length=True)])
def test_invalid_parameters_give_a_dutch_message_that_names_them(bad):
    with pytest.raises(ValueError) as info:
        P(**bad)
    name = next(iter(bad))
    assert info.value.names == (name,)
    text = str(info.value)
    assert f"'{name}' moet" in text and "model" in text


def test_a_seed_gives_the_same_run_and_seeds_differ():
    a, b, c = mt.simulate(P(seed=5)), mt.simulate(P(seed=5)), mt.simulate(P(seed=6))
    for f in ("need", "planner", "muddler"):
        assert np.array_equal(getattr(a, f), getattr(b, f))
    assert not np.array_equal(a.need, c.need)


def test_compare_runs_the_same_rivers_as_simulate():
    s = mt.compare(P(), seeds=[3, 8, 11])
    for i, seed in enumerate((3, 8, 11)):
        run = mt.simulate(P(seed=seed))
        assert s.planner_costs[i] == pytest.approx(run.planner_cost)
        assert s.muddler_costs[i] == pytest.approx(run.muddler_cost)


def test_a_longer_horizon_does_not_redraw_the_start():
    short, long = mt.simulate(P(steps=20)), mt.simulate(P(steps=40))
    assert np.array_equal(short.need, long.need[:21]) and np.array_equal(short.muddler, long.muddler[:21])


def test_each_actor_only_depends_on_its_own_assumptions():
    base = mt.simulate(P(seed=2))
    other_muddler = mt.simulate(P(seed=2, step_size=3.0, feedback_noise=7.0, fail_cost=5.0))
    other_planner = mt.simulate(P(seed=2, analysis_time=9, plan_length=3, forecast=True))
    assert np.array_equal(base.planner, other_muddler.planner)
    assert np.array_equal(base.muddler, other_planner.muddler)


# ---------------------------------------------------------------- anchors
@pytest.mark.parametrize("a,gap,step", [(4, 10.0, 1.0), (0, 7.5, 2.0), (11, 3.0, 0.7)])
def test_without_drift_and_noise_the_plan_and_the_muddler_hit_the_need(a, gap, step):
    run = mt.simulate(P(analysis_time=a, start_gap=gap, step_size=step, **STILL))
    assert np.all(run.need == gap)
    assert np.all(run.planner_distance[a:] == 0) and np.all(run.planner_distance[:a] == gap)
    arrive = math.ceil(gap / step)
    assert np.allclose(run.muddler_distance[arrive:], 0) and np.all(run.muddler_distance[:arrive] > 0)
    assert run.failed_tries == 0


@pytest.mark.parametrize("a,length", [(4, 10), (0, 5), (3, 1), (6, mt.NEVER_REPLAN)])
def test_a_plan_lags_by_the_drift_since_its_analysis_started(a, length):
    d, steps = 0.4, 40
    run = mt.simulate(P(drift=d, drift_noise=0.0, analysis_time=a, plan_length=length, steps=steps))
    starts = [0] if length == 0 else list(range(0, steps + 1, a + length))
    expected = np.full(steps + 1, np.nan)
    expected[:a] = run.params.start_gap + d * np.arange(a)  # nothing done yet: the whole need
    for s in starts:
        if s + a <= steps:
            expected[s + a:] = d * (np.arange(s + a, steps + 1) - s)
    assert np.allclose(run.planner_distance, expected)


def test_a_forecast_plan_is_on_target_halfway_through_its_run():
    run = mt.simulate(P(drift=0.5, drift_noise=0.0, analysis_time=4, plan_length=10, forecast=True))
    for effect in run.plan_times[:-1]:
        assert run.planner_distance[effect + 5] == pytest.approx(0.0, abs=1e-12)


def test_irreversible_steps_never_go_back():
    for seed in range(20):
        run = mt.simulate(P(seed=seed, drift=0.0, drift_noise=1.0, feedback_noise=3.0, irreversible=True))
        for path in (run.muddler, run.planner[run.plan_times[0]:]):
            steps = np.diff(path)
            assert np.all(steps >= 0) or np.all(steps <= 0)


def test_more_feedback_noise_never_helps_the_muddler():
    noises = [0.0, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 10.0]
    for river in (dict(), dict(drift=0.0, drift_noise=0.5), dict(drift=1.0, drift_noise=1.0),
                  dict(drift=0.1, drift_noise=0.0)):
        for irreversible in (False, True):
            dist = [mt.compare(P(feedback_noise=f, irreversible=irreversible, **river), SEEDS) for f in noises]
            mean = np.array([s.muddler_mean_distance for s in dist])
            cost = np.array([s.muddler_cost for s in dist])
            assert np.all(np.diff(mean) >= -1e-9), (river, irreversible, mean)
            assert np.all(np.diff(cost) >= -1e-9), (river, irreversible, cost)


# ---------------------------------------------------------------- claims (over seeds)
def test_in_a_slow_predictable_river_planning_wins():
    s = mt.compare(P(drift=0.05, drift_noise=0.05, feedback_noise=1.0), SEEDS)
    assert s.planner_wins >= 0.9 and s.planner_cost < s.muddler_cost


def test_in_a_fast_unpredictable_river_muddling_wins():
    s = mt.compare(P(drift=0.3, drift_noise=1.0, feedback_noise=1.0), SEEDS)
    assert s.planner_wins <= 0.2 and s.muddler_cost < s.planner_cost


def test_with_very_noisy_feedback_muddling_does_worse():
    s = mt.compare(P(feedback_noise=8.0), SEEDS)
    assert s.planner_wins >= 0.8 and s.muddler_cost > s.planner_cost
    quiet = mt.compare(P(feedback_noise=1.0), SEEDS)
    assert quiet.planner_wins <= 0.2  # the same river with clear feedback: the muddler wins


def test_irreversible_steps_hurt_the_muddler_in_a_river_that_turns():
    river = dict(drift=0.0, drift_noise=0.5, feedback_noise=1.0)
    free, bound = mt.compare(P(**river), SEEDS), mt.compare(P(irreversible=True, **river), SEEDS)
    assert bound.muddler_cost > free.muddler_cost
    assert bound.planner_wins > free.planner_wins and bound.planner_wins >= 0.7


def test_the_planner_makes_no_tries_and_failed_tries_cost_the_muddler():
    cheap = mt.simulate(P(seed=4, fail_cost=0.0))
    dear = mt.simulate(P(seed=4, fail_cost=3.0))
    assert cheap.failed_tries > 0 and np.array_equal(cheap.muddler, dear.muddler)
    assert dear.muddler_cost - cheap.muddler_cost == pytest.approx(3.0 * cheap.failed_tries)
    assert cheap.planner_cost == pytest.approx(cheap.planner_distance[1:].sum())


@pytest.mark.parametrize("d,step", [(0.4, 1.0), (0.9, 1.0), (0.2, 3.0)])
def test_in_a_steady_flow_the_muddler_trails_by_one_step_of_drift(d, step):
    run = mt.simulate(P(drift=d, drift_noise=0.0, feedback_noise=0.0, step_size=step, steps=200))
    caught = math.ceil(run.params.start_gap / (step - d)) + 1
    assert np.allclose(run.muddler_distance[caught:], d)


@pytest.mark.parametrize("d,step", [(1.0, 1.0), (1.5, 1.0), (3.0, 0.5)])
def test_a_muddler_slower_than_the_river_never_closes_the_gap(d, step):
    run = mt.simulate(P(drift=d, drift_noise=0.0, feedback_noise=0.0, step_size=step))
    assert np.all(np.diff(run.muddler_distance) >= -1e-12)
    assert run.muddler_distance[-1] == pytest.approx(run.params.start_gap + (d - step) * run.params.steps)


def test_the_crossover_follows_from_the_settings():
    """Where planning stops winning moves with the analysis time: a longer analysis loses sooner."""
    drifts = np.arange(0.0, 0.61, 0.05)

    def first_loss(a):
        wins = [mt.compare(P(drift=d, drift_noise=0.1, analysis_time=a), range(100)).planner_wins for d in drifts]
        return drifts[np.argmax(np.array(wins) < 0.5)]

    quick, slow = first_loss(2), first_loss(6)
    assert mt.compare(P(drift=0.0, drift_noise=0.1, analysis_time=2), range(100)).planner_wins > 0.9
    assert 0.0 < slow < quick < 0.6


def test_a_river_faster_than_the_muddlers_steps_lets_planning_win_again():
    river = dict(drift_noise=0.1, analysis_time=2, step_size=1.0)
    assert mt.compare(P(drift=0.5, **river), SEEDS).planner_wins < 0.1
    assert mt.compare(P(drift=1.0, **river), SEEDS).planner_wins > 0.9


def test_compare_and_the_empty_seed_list():
    s = mt.compare(P(), range(30))
    assert len(s.seeds) == 30 and s.planner_costs.shape == (30,)
    assert s.planner_wins == pytest.approx(np.mean(s.planner_costs < s.muddler_costs))
    for bad in ([], [-1], ["x"], None):
        with pytest.raises(ValueError, match="minstens één seed"):
            mt.compare(P(), bad)


@st.composite
def any_params(draw):
    """Any values a slider (or a switch) of the model can take."""
    values = {}
    for name, spec in mt.parameter_specs().items():
        if spec.is_int:
            values[name] = draw(st.integers(int(spec.low), int(spec.high)))
        else:
            values[name] = draw(st.floats(spec.low, spec.high))
    return P(irreversible=draw(st.booleans()), forecast=draw(st.booleans()), **values)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_params())
def test_every_slider_setting_gives_a_finite_run_with_consistent_totals(p):
    run = mt.simulate(p)
    n = int(p.steps) + 1
    for f in ("t", "need", "planner", "muddler", "planner_distance", "muddler_distance", "failed"):
        assert getattr(run, f).shape == (n,), f
    assert np.all(np.isfinite(run.need)) and np.all(np.isfinite(run.muddler)) and np.all(np.isfinite(run.planner))
    assert run.muddler[0] == 0 and run.need[0] == p.start_gap
    assert p.analysis_time == 0 or run.planner[0] == 0  # (no analysis: the plan is there at once)
    assert np.all(np.abs(np.diff(run.muddler)) <= p.step_size + 1e-9)  # never more than one step at a time
    assert run.muddler_cost == pytest.approx(run.muddler_distance[1:].sum() + p.fail_cost * run.failed_tries)
    assert run.muddler_mean_distance == pytest.approx(run.muddler_distance[1:].mean())
    assert set(run.plan_times) <= set(range(n)) and run.plan_times[:1] in ((), (int(p.analysis_time),))
