"""The repeated investment game of notebook 05 (wakker.models.investment_game).

Invariants (issue 13): no learning keeps trust where it starts; all takers drive trust to zero;
no growth never lets trust grow; the selfish equilibrium of the one-shot game (Berg, Dickhaut &
McCabe 1995, as summarised by Econport: a purely selfish trustee returns nothing, so a purely
selfish investor sends nothing) is reproduced by backward induction (lesson guide M5).
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wakker.models import investment_game as ig
from wakker.models.params import Param

SEEDS = range(1, 11)


def runs(**kw):
    return [ig.simulate(ig.TrustParams(seed=s, **kw)) for s in SEEDS]


# ---------------------------------------------------------------- the one-shot game (M5)
@pytest.mark.parametrize("multiplier", [1.0, 1.5, 3.0, 5.0])
def test_selfish_equilibrium_sends_and_returns_nothing(multiplier):
    eq = ig.selfish_equilibrium(multiplier, 10.0)
    assert eq.sent == 0.0 and eq.returned == 0.0
    assert eq.investor == 10.0 and eq.trustee == 0.0


def test_selfish_equilibrium_is_worse_for_both_than_trust_with_a_fair_split():
    """Pareto-inferior: sending all 10 and splitting the 30 leaves both better off than (10, 0)."""
    eq = ig.selfish_equilibrium(3.0, 10.0)
    investor, trustee = 0 + 15.0, 30.0 - 15.0
    assert investor > eq.investor and trustee > eq.trustee


def test_selfish_equilibrium_is_computed_not_hard_wired():
    """A trustee who keeps at most what it holds still returns nothing: the argmax picks share 0 on any grid."""
    for steps in (2, 11, 57):
        assert ig.selfish_equilibrium(3.0, 10.0, steps).sent == 0.0


@pytest.mark.parametrize("kw", [dict(takers=100), dict(max_return=0)])
@pytest.mark.parametrize("start", [10, 50, 100])
def test_selfish_residents_drive_the_givers_trust_to_zero(kw, start):
    """The dynamic version of the equilibrium: nobody returns anything, so a learning giver stops giving."""
    for run in runs(start_trust=start, **kw):
        assert run.final_trust == 0.0
        assert ig.outcome(run) == "collapse"


# ---------------------------------------------------------------- invariants
@given(start=st.integers(0, 100), back=st.integers(0, 100), takers=st.integers(0, 100),
       m=st.floats(1.0, 5.0), seed=st.integers(0, 50))
@settings(max_examples=60, deadline=None)
def test_no_learning_keeps_both_sides_where_they_start(start, back, takers, m, seed):
    run = ig.simulate(ig.TrustParams(start_trust=start, resident_start=back, takers=takers, multiplier=m,
                                     learning_rate=0.0, resident_learning=0.0, seed=seed))
    assert np.all(run.trust == start / 100)
    assert np.all(run.return_share == back / 100)


@given(start=st.integers(0, 100), seed=st.integers(0, 50), noise=st.floats(0, 0.5))
@settings(max_examples=40, deadline=None)
def test_no_growth_never_lets_the_givers_trust_grow(start, seed, noise):
    run = ig.simulate(ig.TrustParams(start_trust=start, multiplier=1.0, takers=0, max_return=100,
                                     resident_start=100, seed=seed, noise=noise))
    assert np.all(np.diff(run.trust) <= 1e-12)


@given(p=st.builds(ig.TrustParams, start_trust=st.integers(0, 100), multiplier=st.floats(1, 5),
                   takers=st.integers(0, 100), learning_rate=st.floats(0, 1), resident_start=st.integers(0, 100),
                   max_return=st.integers(0, 100), reciprocity=st.floats(0, 1), resident_learning=st.floats(0, 1),
                   loss_weight=st.floats(1, 5), noise=st.floats(0, 0.5), groups=st.integers(2, 40),
                   rounds=st.integers(5, 40), seed=st.integers(0, 99)))
@settings(max_examples=80, deadline=None)
def test_every_run_stays_in_range_and_is_deterministic(p):
    a, b = ig.simulate(p), ig.simulate(p)
    assert len(a.trust) == len(a.return_share) == p.rounds + 1 and len(a.back_per_euro) == p.rounds
    assert np.all((a.trust >= 0) & (a.trust <= 1)) and np.all((a.return_share >= 0) & (a.return_share <= 1))
    assert np.array_equal(a.trust, b.trust) and np.array_equal(a.return_share, b.return_share)
    # what the giver gains and the residents gain together is exactly what the growth created
    created = (p.multiplier - 1) * a.trust[:-1] * ig.ENDOWMENT
    assert np.allclose(a.giver_gain + a.residents_gain, created)


def test_zero_trust_stays_zero_nothing_given_nothing_learned():
    for run in runs(start_trust=0, takers=0, resident_start=100, max_return=100, reciprocity=0.0):
        assert np.all(run.trust == 0.0) and np.all(np.isnan(run.back_per_euro))


def test_learn_is_a_delta_rule_with_heavier_losses():
    assert float(ig.learn(0.5, 1.0, 0.2)) == pytest.approx(0.6)
    assert float(ig.learn(0.5, 0.0, 0.2)) == pytest.approx(0.4)
    assert float(ig.learn(0.5, 0.0, 0.2, loss_weight=2)) == pytest.approx(0.3)
    assert float(ig.learn(0.5, 1.0, 0.2, loss_weight=2)) == pytest.approx(0.6)  # gains are not weighted
    assert float(ig.learn(0.3, 0.9, 0.0, loss_weight=3)) == pytest.approx(0.3)  # rate 0 keeps it
    assert float(ig.learn(0.9, 0.0, 1.0, loss_weight=5)) == 0.0  # clipped


def test_trust_is_lost_faster_than_it_is_gained_slovic():
    """Same distance up and down: with loss_weight > 1 the way down takes fewer steps (asymmetry principle)."""
    def steps(start, target, k):
        x, n = start, 0
        while abs(x - target) > 0.05:
            x, n = float(ig.learn(x, target, 0.1, k)), n + 1
        return n
    assert steps(0.8, 0.2, 2) < steps(0.2, 0.8, 2)
    assert steps(0.8, 0.2, 1) == steps(0.2, 0.8, 1)


# ---------------------------------------------------------------- thresholds
def test_spiral_condition_and_tipping_points():
    p = ig.TrustParams()
    assert ig.spiral_possible(p)                                    # 0.9 * 3 * 0.5 = 1.35
    assert ig.tipping_return(p) == pytest.approx(1 / 2.7)
    assert ig.tipping_trust(p) == pytest.approx((1 / 2.7 / 0.5 - 0.2) / 0.8)
    assert not ig.spiral_possible(p.replace(takers=40))             # 0.6 * 3 * 0.5 = 0.9
    assert not ig.spiral_possible(p.replace(multiplier=1.0))
    assert ig.tipping_return(p.replace(takers=100)) == float("inf")
    assert np.isnan(ig.tipping_trust(p.replace(reciprocity=0.0)))


def test_takers_are_a_whole_number_of_groups():
    p = ig.TrustParams(groups=3, takers=50)  # 1.5 groups -> round() -> 2 takers of 3
    assert ig.spiral_possible(p) == ((1 / 3) * 3 * 0.5 > 1)


@pytest.mark.parametrize("kw", [dict(takers=40), dict(takers=60), dict(multiplier=1.0), dict(max_return=30)])
@pytest.mark.parametrize("start", [50, 90, 100])
def test_without_the_spiral_condition_trust_collapses_from_every_start(kw, start):
    p = ig.TrustParams(start_trust=start, **kw)
    assert not ig.spiral_possible(p)
    assert all(ig.outcome(r) == "collapse" for r in runs(start_trust=start, **kw))


def test_same_world_both_outcomes_depending_on_who_starts_with_how_much():
    """Giving trust first generates trust (start 90) where cautious giving does not (start 50)."""
    assert all(ig.outcome(r) == "spiral" for r in runs(start_trust=90))
    assert all(ig.outcome(r) == "collapse" for r in runs(start_trust=50))


# ---------------------------------------------------------------- the breach
def test_breach_pair_differs_only_by_the_breach():
    p, b = ig.TrustParams(start_trust=90), ig.BreachParams(breach_round=10)
    pair = ig.breach_pair(p, b)
    for run in (pair.without, pair.admitted):
        assert np.array_equal(run.trust[:10], pair.baseline.trust[:10])   # identical before round 10
        assert np.array_equal(run.return_share[:10], pair.baseline.return_share[:10])
    assert pair.without.return_share[10] < pair.admitted.return_share[10] < pair.baseline.return_share[10]


def test_no_admit_effect_means_no_difference():
    pair = ig.breach_pair(ig.TrustParams(start_trust=90), ig.BreachParams(admit_effect=0))
    assert np.array_equal(pair.without.trust, pair.admitted.trust)


def test_full_admit_effect_means_no_breach():
    pair = ig.breach_pair(ig.TrustParams(start_trust=90), ig.BreachParams(admit_effect=100))
    assert np.array_equal(pair.admitted.trust, pair.baseline.trust)


def test_breach_round_after_the_last_round_is_clipped():
    pair = ig.breach_pair(ig.TrustParams(rounds=12, start_trust=90), ig.BreachParams(breach_round=40))
    assert pair.without.breach_round == 12


def test_parameter_metadata_is_complete():
    for specs in (ig.parameter_specs(), ig.breach_specs()):
        for name, spec in specs.items():
            assert isinstance(spec, Param) and spec.low <= spec.default <= spec.high and spec.step > 0, name
