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


# ---------------------------------------------------------------- reciprocity: the citizen's behaviour follows its trust
def _reference_run(p, prior_good, prior_bad, u, v):
    """The two-party loop exactly as it was before ``reciprocity`` existed (commit ba203de): the citizen keeps an
    agreement with the fixed chance ``citizen_reliability``. Frozen here so that reciprocity 0 can be compared with it."""
    n, lam, w = int(p.n_encounters), float(p.memory), float(p.negative_weight)
    gr, gs = float(prior_good), float(prior_bad)
    cr, cs = 0.0, float(p.citizen_prior_bad)
    g_path, c_path = np.empty(n + 1), np.empty(n + 1)
    trusted, good = np.zeros(n, bool), np.zeros(n, bool)
    g_path[0], c_path[0] = tl.beta_expectation(gr, gs), tl.beta_expectation(cr, cs)
    misuse = 0
    for t in range(n):
        trusted[t] = g_path[t] >= float(p.threshold) - 1e-12
        good[t] = u[t] < (float(p.good_when_trusted) if trusted[t] else float(p.good_when_controlled))
        keeps = bool(v[t] < float(p.citizen_reliability))
        misuse += int(trusted[t] and not keeps)
        cr, cs = lam * cr + good[t], lam * cs + (0.0 if good[t] else w)
        gr, gs = lam * gr + keeps, lam * gs + (0.0 if keeps else w)
        g_path[t + 1], c_path[t + 1] = tl.beta_expectation(gr, gs), tl.beta_expectation(cr, cs)
    return c_path, g_path, trusted, good, misuse


def _on_grid(spec, x):
    return float(min(max(round(x / spec.step) * spec.step, spec.low), spec.high))


@st.composite
def governments(draw, **fixed):
    values = {}
    for name, spec in tl.government_specs().items():
        if spec.is_int:
            values[name] = draw(st.integers(int(spec.low), int(spec.high)))
        else:
            values[name] = _on_grid(spec, draw(st.floats(spec.low, spec.high)))
    values.update(fixed)
    return GovernmentParams(**values)


def test_reciprocity_is_off_by_default_and_at_most_a_half():
    spec = tl.government_specs()["reciprocity"]
    assert GovernmentParams().reciprocity == 0.0 == spec.default and (spec.low, spec.high) == (0.0, 0.5)
    assert list(tl.government_specs()).index("reciprocity") == list(tl.government_specs()).index("citizen_reliability") + 1


@FAST
@given(governments(reciprocity=0.0))
def test_reciprocity_0_gives_exactly_the_paths_from_before_it_existed(p):
    g = tl.compare_governments(p)
    rng = np.random.default_rng(int(p.seed))
    u, v = rng.random(p.n_encounters), rng.random(p.n_encounters)
    for key, (good, bad) in (("control", (0, p.start_weight)), ("trust", (p.start_weight, 0))):
        c_path, g_path, trusted, good_, misuse = _reference_run(p, good, bad, u, v)
        assert np.array_equal(g.citizen_trust[key], c_path) and np.array_equal(g.government_trust[key], g_path)
        assert np.array_equal(g.trusted[key], trusted) and np.array_equal(g.citizen_good[key], good_)
        assert g.misuse[key] == misuse
        assert np.array_equal(g.kept[key], v < p.citizen_reliability)  # the same for both governments


#: Recorded with the code of commit ba203de (before reciprocity existed): the last value of each path, and the misuse.
RECORDED = {
    ((), 1): ([0.6857142857142857, 0.7142857142857143], [0.7428571428571429, 0.8285714285714286], {"control": 5, "trust": 5}),
    ((), 2): ([0.7428571428571429, 0.7714285714285715], [0.7428571428571429, 0.8285714285714286], {"control": 4, "trust": 5}),
    ((), 3): ([0.7714285714285715, 0.7714285714285715], [0.8, 0.8857142857142857], {"control": 3, "trust": 3}),
    ((("citizen_reliability", 0.5),), 1): ([0.34285714285714286, 0.4857142857142857], [0.3142857142857143, 0.4],
                                           {"control": 0, "trust": 8}),
    ((("citizen_reliability", 0.5),), 3): ([0.37142857142857144, 0.6857142857142857], [0.42857142857142855,
                                           0.5142857142857142], {"control": 0, "trust": 14}),
    ((("memory", 0.9), ("negative_weight", 2.0)), 1): ([0.582579727365176, 0.5878924474289173],
                                                       [0.5501781020892448, 0.5590267234854818], {"control": 5, "trust": 5}),
    ((("memory", 0.9), ("negative_weight", 2.0)), 2): ([0.6850486118048513, 0.6942478015937668],
                                                       [0.6962468448043392, 0.7059292458807097], {"control": 4, "trust": 5}),
}


@pytest.mark.parametrize("key", sorted(RECORDED))
def test_reciprocity_0_reproduces_values_recorded_before_it_existed(key):
    kw, seed = dict(key[0]), key[1]
    c_end, g_end, misuse = RECORDED[key]
    g = tl.compare_governments(GovernmentParams(seed=seed, **kw))
    assert [float(g.citizen_trust[k][-1]) for k in ("control", "trust")] == c_end
    assert [float(g.government_trust[k][-1]) for k in ("control", "trust")] == g_end
    assert g.misuse == misuse


def test_keep_chance_follows_the_citizens_trust_and_stays_a_chance():
    p = GovernmentParams(citizen_reliability=0.6, reciprocity=0.4)
    assert tl.keep_chance(p, 0.5) == pytest.approx(0.6)
    assert tl.keep_chance(p, 1.0) == pytest.approx(0.8) and tl.keep_chance(p, 0.0) == pytest.approx(0.4)
    assert tl.keep_chance(p.replace(citizen_reliability=1.0, reciprocity=0.5), 1.0) == 1.0  # clipped
    assert tl.keep_chance(p.replace(citizen_reliability=0.0, reciprocity=0.5), 0.0) == 0.0
    assert tl.keep_chance(p.replace(reciprocity=0.0), 0.05) == 0.6 == tl.keep_chance(p.replace(reciprocity=0.0), 0.95)


@FAST
@given(governments(), st.sampled_from([0.1, 0.25, 0.5]))
def test_with_reciprocity_the_citizen_keeps_an_agreement_at_least_as_often_with_the_government_it_trusts_more(p, k):
    """The same chance draw decides "kept" for both governments: in every encounter, the citizen who trusts one
    government more than the other keeps the agreement with it whenever it keeps it with the other."""
    p = p.replace(reciprocity=k)
    g = tl.compare_governments(p)
    c, t = g.citizen_trust["control"][:-1], g.citizen_trust["trust"][:-1]
    assert np.all(g.kept["trust"][t > c] >= g.kept["control"][t > c])
    assert np.all(g.kept["control"][c > t] >= g.kept["trust"][c > t])
    assert np.array_equal(g.kept["trust"][c == t], g.kept["control"][c == t])


def test_with_reciprocity_a_trusting_citizen_keeps_more_agreements_than_a_distrustful_one():
    """Over 30 seeds: the same citizen, once starting with no bad experiences and once with ten, under the same
    government; with reciprocity the trusting one keeps more agreements, without it both keep as many."""
    def kept(prior_bad, k):
        return np.mean([tl.compare_governments(GovernmentParams(seed=s, citizen_prior_bad=prior_bad, reciprocity=k,
                                                                citizen_reliability=0.7)).kept["trust"].sum()
                        for s in range(1, 31)])
    assert kept(0, 0.5) > kept(10, 0.5) + 1
    assert kept(0, 0.0) == kept(10, 0.0)


@pytest.mark.parametrize("k", [0.0, 0.25, 0.5])
@pytest.mark.parametrize("seed", range(1, 11))
def test_anchor_equal_experience_leaves_no_advantage_beyond_the_start_whatever_the_reciprocity(seed, k):
    """With good_when_controlled == good_when_trusted the citizen's experience does not depend on the government, so
    its trust and (with any reciprocity) its behaviour are the same under both. Each government then learns from the
    same kept agreements: its trust is exactly the beta model (Jøsang & Ismail 2002) with its own start as the
    earlier experiences; nothing else differs."""
    p = GovernmentParams(good_when_controlled=0.6, good_when_trusted=0.6, citizen_reliability=0.6, reciprocity=k,
                         seed=seed)
    g = tl.compare_governments(p)
    assert np.array_equal(g.citizen_trust["control"], g.citizen_trust["trust"])
    assert np.array_equal(g.kept["control"], g.kept["trust"])
    kept = g.kept["trust"]
    assert np.allclose(g.government_trust["control"], tl.trust_path(kept, LearningParams(prior_bad=p.start_weight)))
    assert np.allclose(g.government_trust["trust"], tl.trust_path(kept, LearningParams(prior_good=p.start_weight)))


@FAST
@given(governments())
def test_with_any_reciprocity_trust_stays_between_0_and_1_and_misuse_is_a_trusted_broken_agreement(p):
    g = tl.compare_governments(p)
    for key in ("control", "trust"):
        for path in (g.citizen_trust[key], g.government_trust[key]):
            assert path.shape == (p.n_encounters + 1,) and np.all((path > 0) & (path < 1))
        assert g.kept[key].dtype == bool and g.kept[key].shape == (p.n_encounters,)
        assert g.misuse[key] == int((g.trusted[key] & ~g.kept[key]).sum())
