"""Invariants and anchors of the trust-learning model (wakker.models.trust_learning), notebook 08."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wakker.models import trust_learning as tl
from wakker.models.trust_learning import GovernmentParams, LearningParams

FAST = settings(max_examples=60, deadline=None)
experiences = st.lists(st.booleans(), max_size=60)


@st.composite
def learning(draw, **fixed):
    values = dict(negative_weight=draw(st.sampled_from([1.0, 1.5, 2.0, 3.0, 5.0])),
                  memory=draw(st.floats(0.7, 1.0)), prior_bad=draw(st.integers(0, 10)),
                  prior_good=draw(st.integers(0, 10)), reliability=draw(st.floats(0, 1)))
    values.update(fixed)
    return LearningParams(**values)


# ---------------------------------------------------------------- M5: the beta reputation model (Jøsang & Ismail 2002)
@FAST
@given(experiences, st.integers(0, 10), st.integers(0, 10))
def test_without_asymmetry_and_forgetting_it_is_exactly_the_beta_expectation(x, r0, s0):
    p = LearningParams(negative_weight=1.0, memory=1.0, prior_good=r0, prior_bad=s0)
    path = tl.trust_path(x, p)
    for t in range(len(x) + 1):
        r, s = sum(x[:t]), t - sum(x[:t])
        assert path[t] == (r + r0 + 1) / (r + s + r0 + s0 + 2)  # exact, not approximately
        assert path[t] == tl.beta_expectation(r + r0, s + s0)


def test_beta_expectation_values():
    assert tl.beta_expectation(0, 0) == 0.5
    assert tl.beta_expectation(8, 2) == 0.75


# ---------------------------------------------------------------- invariants
@FAST
@given(experiences, learning())
def test_a_bad_experience_never_raises_trust_and_a_good_one_never_lowers_it(x, p):
    path = tl.trust_path(x, p)
    for t, good in enumerate(x):
        if good:
            assert path[t + 1] >= path[t] - 1e-12 or p.memory < 1  # forgetting can pull towards 0.5
        else:
            assert path[t + 1] <= path[t] + 1e-12 or p.memory < 1


@FAST
@given(experiences, learning(memory=1.0))
def test_more_bad_experiences_never_raise_trust(x, p):
    """Turning any good experience into a bad one never raises the trust at the end (or anywhere)."""
    base = tl.trust_path(x, p)
    for i, good in enumerate(x):
        if good:
            worse = list(x)
            worse[i] = False
            assert np.all(tl.trust_path(worse, p) <= base + 1e-12)


@FAST
@given(experiences, learning(memory=1.0), st.sampled_from([1.5, 2.0, 3.0]))
def test_a_heavier_bad_experience_never_raises_trust(x, p, w):
    assert np.all(tl.trust_path(x, p.replace(negative_weight=w)) <= tl.trust_path(x, p.replace(negative_weight=1.0)) + 1e-12)


@FAST
@given(experiences, learning())
def test_trust_stays_between_0_and_1(x, p):
    path = tl.trust_path(x, p)
    assert path.shape == (len(x) + 1,) and np.all((path > 0) & (path < 1))


def test_asymmetry_makes_trust_quicker_to_lose_than_to_win():
    """Slovic's asymmetry as a chosen weight: with weight 3 one bad experience undoes three good ones."""
    p = LearningParams(negative_weight=3.0)
    path = tl.trust_path([True, True, True, False], p)
    assert path[-1] == pytest.approx(0.5)
    assert tl.trust_path([True, True, True, False], LearningParams())[-1] > 0.6


def test_long_run_without_forgetting_settles_at_p_over_p_plus_w_times_1_minus_p():
    for p_good, w in ((0.8, 1.0), (0.8, 3.0), (0.6, 2.0)):
        x = tl.random_experiences(20000, p_good, seed=3)
        end = tl.trust_path(x, LearningParams(negative_weight=w))[-1]
        assert end == pytest.approx(tl.long_run_trust(p_good, w), abs=0.01)


def test_forgetting_lets_an_old_start_fade():
    start_bad = LearningParams(prior_bad=10)
    x = [True] * 15
    assert tl.trust_path(x, start_bad.replace(memory=0.8))[-1] > tl.trust_path(x, start_bad)[-1] + 0.2


# ---------------------------------------------------------------- two governments
def test_governments_share_the_chance_draws_and_are_deterministic():
    a, b = tl.compare_governments(), tl.compare_governments()
    assert np.array_equal(a.citizen_trust["trust"], b.citizen_trust["trust"])
    assert a.citizen_trust["control"][0] == a.citizen_trust["trust"][0] == pytest.approx(0.2)  # 3 bad earlier


@pytest.mark.parametrize("seed", range(1, 11))
def test_equal_experience_of_control_and_trust_makes_the_start_irrelevant_for_the_citizen(seed):
    g = tl.compare_governments(GovernmentParams(good_when_controlled=0.6, good_when_trusted=0.6, seed=seed))
    assert np.array_equal(g.citizen_trust["control"], g.citizen_trust["trust"])


def _means(**kw):
    rs = [tl.compare_governments(GovernmentParams(seed=s, **kw)) for s in range(1, 31)]
    return ({k: np.mean([r.citizen_trust[k][-1] for r in rs]) for k in ("control", "trust")},
            {k: np.mean([r.misuse[k] for r in rs]) for k in ("control", "trust")})


def test_both_sides_trust_first_wins_citizen_trust_but_bears_more_unnoticed_misuse():
    citizen, misuse = _means()
    assert citizen["trust"] > citizen["control"] and misuse["trust"] >= misuse["control"]
    citizen, misuse = _means(citizen_reliability=0.5)
    assert citizen["trust"] > citizen["control"] + 0.1
    assert misuse["trust"] > misuse["control"] + 5


def test_a_trust_first_government_that_is_let_down_learns_to_control():
    g = tl.compare_governments(GovernmentParams(citizen_reliability=0.1, negative_weight=2.0))
    assert g.trusted["trust"][0] and not g.trusted["trust"][-5:].any()
