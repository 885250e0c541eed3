"""Invariants and anchors of the rule-or-room model (wakker.models.rule_or_room), notebook 08."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import rule_or_room as rr
from wakker.models.rule_or_room import RoomParams

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEEDS = range(1, 21)


@st.composite
def params(draw, **fixed):
    values = dict(
        room_share=draw(st.sampled_from(np.round(np.linspace(0, 1, 21), 2).tolist())),
        judgement_accuracy=draw(st.floats(0, 1)), time_pressure=draw(st.floats(0, 1)),
        bias_spread=draw(st.floats(0, 1)), indicator_quality=draw(st.floats(0, 1)),
        need_share=draw(st.floats(0.05, 0.95)), rule_share=draw(st.floats(0.05, 0.95)),
        n_households=draw(st.integers(2, 30)) * 10, n_professionals=draw(st.integers(2, 12)),
        seed=draw(st.integers(1, 50)))
    values.update(fixed)
    return RoomParams(**values)


def test_defaults_are_valid_and_out_of_range_is_refused():
    p = RoomParams()
    assert p.n_households == 100 and p.n_professionals == 5
    for bad in ({"room_share": 1.5}, {"judgement_accuracy": -0.1}, {"n_households": 10.5}, {"seed": float("nan")}):
        with pytest.raises(ValueError):
            RoomParams(**bad)


@FAST
@given(params(room_share=0.0))
def test_the_rule_treats_identical_cases_identically(p):
    out = rr.outcome(p)
    assert out["unequal"] == 0 and out["pair_disagreement"] == 0.0


@FAST
@given(params(judgement_accuracy=1.0, time_pressure=0.0, bias_spread=0.0, room_share=1.0))
def test_a_perfect_judge_with_time_misses_nothing_and_helps_no_one_needlessly(p):
    out = rr.outcome(p)
    assert out["missed"] == 0 and out["needless"] == 0 and out["unequal"] == 0


@FAST
@given(params(time_pressure=1.0, bias_spread=0.0))
def test_without_time_and_without_leaning_room_collapses_into_the_rule_when_both_aim_alike(p):
    p = p.replace(rule_share=p.need_share)
    d = rr.decisions(p, [0.0, p.room_share, 1.0])
    assert (d == d[0]).all()


@FAST
@given(params())
def test_counts_are_consistent(p):
    out = rr.sweep(p)
    assert np.all(out.missed >= 0) and np.all(out.missed <= out.in_need)
    assert np.all(out.needless >= 0) and np.all(out.needless <= p.n_households - out.in_need)
    assert np.allclose(out.helped, out.in_need - out.missed + out.needless)
    assert np.all((out.unequal >= 0) & (out.unequal <= p.n_households))
    assert np.all((out.pair_disagreement >= 0) & (out.pair_disagreement <= 1))
    assert out.unequal[0] == 0  # room share 0 is the rule


def test_deterministic_for_a_seed_and_different_for_another():
    a, b = rr.sweep(RoomParams()), rr.sweep(RoomParams())
    assert np.array_equal(a.missed, b.missed) and np.array_equal(a.unequal, b.unequal)
    c = rr.sweep(RoomParams(seed=2))
    assert not np.array_equal(a.missed, c.missed)


# ---------------------------------------------------------------- M5: Sheppard's formula (Sheppard 1899)
BIG = dict(n_households=1000, need_share=0.5, rule_share=0.5, n_professionals=12)


@pytest.mark.parametrize("rho", [0.3, 0.6, 0.9])
def test_rule_error_share_follows_sheppards_formula(rho):
    """Median split: P(need and score on different sides) = arccos(rho) / pi."""
    wrong = np.mean([rr.sweep(RoomParams(indicator_quality=rho, seed=s, **BIG), [0.0]).wrong[0] / 1000
                     for s in SEEDS])
    assert wrong == pytest.approx(rr.sheppard_disagreement(rho), abs=0.01)


@pytest.mark.parametrize("a", [0.5, 0.8])
def test_room_errors_and_disagreement_follow_sheppards_formula(a):
    """Pure room, no time pressure, no leaning: errors arccos(a)/pi, two professionals differ arccos(a^2)/pi."""
    outs = [rr.sweep(RoomParams(judgement_accuracy=a, time_pressure=0.0, bias_spread=0.0, seed=s, **BIG), [1.0])
            for s in SEEDS]
    assert np.mean([o.wrong[0] / 1000 for o in outs]) == pytest.approx(rr.sheppard_disagreement(a), abs=0.01)
    assert np.mean([o.pair_disagreement[0] for o in outs]) == pytest.approx(rr.sheppard_disagreement(a * a), abs=0.01)


def test_sheppard_formula_ends():
    assert rr.sheppard_disagreement(1.0) == 0.0
    assert rr.sheppard_disagreement(0.0) == pytest.approx(0.5)
    assert rr.sheppard_disagreement(-1.0) == pytest.approx(1.0)


# ---------------------------------------------------------------- neither side wins by construction (M1)
def _mean_wrong(**kw) -> np.ndarray:
    return np.mean([rr.sweep(RoomParams(seed=s, **kw), [0.0, 1.0]).wrong for s in SEEDS], axis=0)


def test_room_beats_the_rule_on_errors_only_when_judgement_is_good_enough_and_time_allows():
    rule, room = _mean_wrong(judgement_accuracy=0.9, time_pressure=0.0, bias_spread=0.0)
    assert room < rule - 5
    rule, room = _mean_wrong(judgement_accuracy=0.4, time_pressure=0.0, bias_spread=0.0)
    assert room > rule + 3
    # without time, even a very good judge does no better than the rule (within one household)
    rule, room = _mean_wrong(judgement_accuracy=0.9, time_pressure=1.0, bias_spread=0.3)
    assert room > rule - 1


def test_model_is_fast_enough_for_a_slider():
    import time

    p = RoomParams(n_households=1000, n_professionals=12)
    t = time.perf_counter()
    for _ in range(5):
        rr.sweep(p)
    assert (time.perf_counter() - t) / 5 < 0.1
