"""The commons model of notebook 01 (wakker.models.commons): its anchors, its invariants and its claims.

Anchors (issue 15, lesson guide M5; literature brief section 4):
* ``dN/dt = r N (1 - N/K) - h`` persists only if ``h < r K / 4`` (maximum sustainable yield at
  ``N = K/2``); checked with an integration of the continuous model written here (RK4,
  independent of the model) and with the model's season map;
* ``K = 50, r = 0.5, h = 5``: equilibria about 13.8 (unstable) and 36.2, so ``N0 = 10`` collapses
  although ``h < 6.25`` and a start above 13.8 persists, continuous and discrete;
* no households leave the pasture at (or bring it to) ``K``; more harvest never leaves more stock.
Claims (over several seeds): all principles on and a start above the tipping point persists; no
rules with many households collapses, with few households it need not; rules too late fail.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import commons as cm
from wakker.models.commons import CommonsParams, Principles

SEEDS = range(1, 13)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALL = Principles.all_on()
#: the anchor case: with 10 households and a quota of 0.5 the village takes the textbook's h = 5
ANCHOR = CommonsParams(households=10, growth=0.5, carrying_capacity=50.0, quota=0.5)


def continuous(r: float, k: float, n0: float, h: float, t_end: float, dt: float = 0.01) -> tuple[float, float]:
    """RK4 for dN/dt = rN(1 - N/K) - h up to t_end or until N hits 0. Returns (N at the end, time it hit 0 or inf)."""
    def f(n):
        return r * n * (1.0 - n / k) - h
    n, t = float(n0), 0.0
    while t < t_end:
        k1 = f(n)
        k2 = f(n + dt / 2 * k1)
        k3 = f(n + dt / 2 * k2)
        k4 = f(n + dt * k3)
        n += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        t += dt
        if n <= 0:
            return 0.0, t
    return n, math.inf


def runs(principles=Principles.none(), **kw):
    return [cm.simulate(ANCHOR.replace(seed=s, **kw), principles) for s in SEEDS]


# ---------------------------------------------------------------- the metadata
def test_defaults_lie_in_their_ranges_and_validation_refuses_nonsense():
    for name, spec in cm.parameter_specs().items():
        assert spec.low <= spec.default <= spec.high, name
    CommonsParams(**{n: s.default for n, s in cm.parameter_specs().items()})
    for bad in (dict(households=-1), dict(households=2.5), dict(growth=0.0), dict(growth=1.5),
                dict(start_stock=120), dict(detection=101), dict(capacity=math.nan), dict(carrying_capacity=0)):
        with pytest.raises(ValueError):
            CommonsParams(**bad)


# ---------------------------------------------------------------- anchors (M5)
def test_max_sustainable_yield_is_rk_over_4_at_half_k():
    assert cm.max_sustainable_yield(0.5, 50.0) == 6.25
    g = cm.regrowth(np.linspace(0, 50, 10_001), 0.5, 50.0)
    assert g.max() == pytest.approx(6.25) and np.linspace(0, 50, 10_001)[g.argmax()] == pytest.approx(25.0)


def test_equilibria_of_the_textbook_case_are_13_8_and_36_2():
    low, high = cm.equilibria(0.5, 50.0, 5.0)
    assert low == pytest.approx(13.8, abs=0.1) and high == pytest.approx(36.2, abs=0.1)
    assert low == pytest.approx(25 - math.sqrt(125)) and high == pytest.approx(25 + math.sqrt(125))
    for n in (low, high):  # they are where regrowth equals the harvest
        assert float(cm.regrowth(n, 0.5, 50.0)) == pytest.approx(5.0)
    assert cm.equilibria(0.5, 50.0, 6.25) == (25.0,)
    assert cm.equilibria(0.5, 50.0, 6.3) == ()
    assert cm.equilibria(0.5, 50.0, 0.0) == (50.0,)


@pytest.mark.parametrize("n0, lasts", [(10.0, False), (13.7, False), (13.9, True), (20.0, True), (50.0, True)])
def test_tipping_point_continuous(n0, lasts):
    """N0 = 10 collapses although h = 5 < MSY = 6.25; just above 13.8 the stock goes to 36.2."""
    end, hit = continuous(0.5, 50.0, n0, 5.0, 200.0)
    low, high = cm.equilibria(0.5, 50.0, 5.0)  # the model's helper agrees with the integration
    assert lasts == (n0 > low)
    if lasts:
        assert hit == math.inf and end == pytest.approx(36.18, abs=0.05) and end == pytest.approx(high, abs=0.05)
    else:
        assert hit < 200.0


@pytest.mark.parametrize("n0, lasts", [(10.0, False), (13.7, False), (13.9, True), (20.0, True), (50.0, True)])
def test_tipping_point_discrete(n0, lasts):
    """The same in the season map; N0 = 10 is gone within the notebook's 30 seasons."""
    path = cm.season_path(0.5, 50.0, n0, 5.0, 400)
    if lasts:
        assert path.min() > 13.8 and path[-1] == pytest.approx(36.18, abs=0.01)
    else:
        assert path[-1] == 0.0
    if n0 == 10.0:
        assert cm.season_path(0.5, 50.0, n0, 5.0, 30)[-1] == 0.0


def test_the_village_reproduces_the_tipping_point():
    """Ten households keeping a quota of 0.5 (h = 5): from 10 the pasture is lost, from 15 it lasts."""
    kept = Principles(quota=True, boundaries=True)
    assert all(r.collapsed for r in runs(kept, dutiful=100, start_stock=20))        # N0 = 10
    assert not any(r.collapsed for r in runs(kept, dutiful=100, start_stock=30))    # N0 = 15


@FAST
@given(r=st.floats(0.05, 1.0), k=st.floats(10.0, 200.0), excess=st.floats(0.01, 1.0), start=st.floats(0.02, 1.0))
def test_a_harvest_above_msy_collapses_from_every_start(r, k, excess, start):
    """Above r K / 4 regrowth never makes up for the harvest: the stock falls by at least h - MSY a season."""
    msy = cm.max_sustainable_yield(r, k)
    h = msy * (1 + excess)
    bound = math.ceil(k / (h - msy)) + 1
    path = cm.season_path(r, k, start * k, h, bound)
    assert path[-1] == 0.0
    assert np.all(np.diff(path)[path[:-1] > 0] < 0)  # it falls in every season until it is gone


@FAST
@given(r=st.floats(0.05, 1.0), k=st.floats(10.0, 200.0), share=st.floats(0.0, 0.97), above=st.floats(0.01, 1.0))
def test_a_harvest_below_msy_persists_from_above_the_unstable_point(r, k, share, above):
    h = cm.max_sustainable_yield(r, k) * share
    eq = cm.equilibria(r, k, h)
    low, high = (0.0, eq[0]) if len(eq) == 1 else eq
    start = max(low, cm.COLLAPSE_SHARE * k) + above * (k - max(low, cm.COLLAPSE_SHARE * k))
    path = cm.season_path(r, k, start, h, 3000)
    assert path.min() > low and path.min() > 0
    assert path[-1] == pytest.approx(high, rel=1e-3)


@pytest.mark.parametrize("h", [6.0, 6.2, 6.3, 7.0])
def test_persistence_only_below_msy_continuous(h):
    end, hit = continuous(0.5, 50.0, 50.0, h, 400.0, dt=0.02)
    assert (hit == math.inf) == (h < 6.25) == (h < cm.max_sustainable_yield(0.5, 50.0))
    assert (hit == math.inf) == (len(cm.equilibria(0.5, 50.0, h)) == 2)


# ---------------------------------------------------------------- invariants
@FAST
@given(r=st.floats(0.05, 1.0), start=st.integers(5, 100), seed=st.integers(0, 99), outsiders=st.integers(0, 100),
       rules=st.booleans())
def test_no_households_bring_the_pasture_to_k(r, start, seed, outsiders, rules):
    p = CommonsParams(households=0, growth=r, start_stock=start, seed=seed, outsiders=outsiders, seasons=60)
    run = cm.simulate(p, ALL if rules else Principles.none())
    k = p.carrying_capacity
    assert np.all(np.diff(run.stock) >= 0) and np.all(run.stock <= k)
    assert run.outsider_harvest.sum() == 0 and not run.collapsed
    if start == 100:
        assert np.all(run.stock == k)
    path = cm.season_path(r, k, start / 100 * k, 0.0, 3000)
    assert np.array_equal(run.stock, path[:61])  # the same season map, so in the long run:
    assert path[-1] == pytest.approx(k, rel=1e-6)


def test_no_households_reach_k_within_the_run_at_the_default_growth():
    run = cm.simulate(CommonsParams(households=0, start_stock=10))
    assert run.final_stock == pytest.approx(50.0, abs=0.01)


@FAST
@given(r=st.floats(0.05, 1.0), k=st.floats(10.0, 200.0), start=st.floats(0.0, 1.0), h1=st.floats(0.0, 60.0),
       h2=st.floats(0.0, 60.0))
def test_more_harvest_never_leaves_more_stock(r, k, start, h1, h2):
    lo, hi = sorted((h1, h2))
    less = cm.season_path(r, k, start * k, lo, 40)
    more = cm.season_path(r, k, start * k, hi, 40)
    assert np.all(more <= less + 1e-9)


@FAST
@given(n=st.integers(0, 30), extra=st.integers(0, 10), cap=st.floats(0.0, 3.0), more=st.floats(0.0, 1.0),
       start=st.integers(0, 100), outsiders=st.integers(0, 100))
def test_without_rules_more_households_or_bigger_herds_never_leave_more_stock(n, extra, cap, more, start, outsiders):
    p = CommonsParams(households=n, capacity=cap, start_stock=start, outsiders=outsiders)
    base = cm.simulate(p).stock
    assert np.all(cm.simulate(p.replace(capacity=min(3.0, cap + more))).stock <= base + 1e-9)
    assert np.all(cm.simulate(p.replace(households=min(30, n + extra))).stock <= base + 1e-9)


@FAST
@given(q=st.floats(0.0, 3.0), more=st.floats(0.0, 1.0), start=st.integers(0, 100), seed=st.integers(0, 50))
def test_a_higher_quota_kept_by_all_never_leaves_more_stock(q, more, start, seed):
    p = CommonsParams(quota=q, start_stock=start, dutiful=100, seed=seed)
    kept = Principles(quota=True, boundaries=True)
    assert np.all(cm.simulate(p.replace(quota=q + more), kept).stock <= cm.simulate(p, kept).stock + 1e-9)


def test_without_rules_the_village_is_the_constant_harvest_model():
    p = CommonsParams()
    run = cm.simulate(p)
    users = p.households + round(p.outsiders / 100 * p.households)
    path = cm.season_path(p.growth, p.carrying_capacity, p.carrying_capacity, p.capacity * users, p.seasons)
    assert np.allclose(run.stock, path)
    assert np.all(run.fines == 0) and np.all(np.isnan(run.quota)) and not run.seen.any()


@FAST
@given(p=st.builds(CommonsParams, households=st.integers(0, 30), capacity=st.floats(0, 3), growth=st.floats(0.05, 1),
                   start_stock=st.integers(0, 100), quota=st.floats(0, 3), say_margin=st.integers(0, 100),
                   outsiders=st.integers(0, 100), dutiful=st.integers(0, 100), detection=st.integers(0, 100),
                   fine=st.floats(0, 5), dispute=st.integers(0, 100), rules_after=st.integers(0, 30),
                   seed=st.integers(0, 999)),
       switches=st.tuples(*[st.booleans()] * 6))
def test_every_run_is_in_range_deterministic_and_adds_up(p, switches):
    pr = Principles(*switches)
    a, b = cm.simulate(p, pr), cm.simulate(p, pr)
    n, s = p.households, p.seasons
    assert a.stock.shape == (s + 1,) and a.harvest.shape == a.income.shape == (s, n)
    assert np.array_equal(a.stock, b.stock) and np.array_equal(a.income, b.income)
    k = p.carrying_capacity
    assert np.all((a.stock >= 0) & (a.stock <= k + 1e-9))
    assert np.all(a.harvest >= 0) and np.all(a.harvest <= p.capacity + 1e-12)
    assert np.allclose(a.income, a.harvest - a.fines)
    # the stock balance: what was there plus regrowth minus what everybody took
    taken = a.harvest.sum(axis=1) + a.outsider_harvest
    before = a.stock[:-1]
    after = before + cm.regrowth(before, p.growth, k) - taken
    gone = a.stock[1:] == 0
    assert np.allclose(np.where(gone, 0.0, after), a.stock[1:], atol=1e-9)
    assert np.all(after[gone] < cm.COLLAPSE_SHARE * k + 1e-9)
    if a.collapsed:
        assert a.stock[a.collapse_season] == 0 and np.all(a.stock[a.collapse_season:] == 0)
    else:
        assert np.all(a.stock > 0) or p.start_stock == 0


def test_a_seed_gives_the_same_run_and_other_seeds_other_runs():
    p = ANCHOR.replace(start_stock=30, fine=0.5)
    pr = ALL.replace(conflict_resolution=False)
    assert np.array_equal(cm.simulate(p, pr).harvest, cm.simulate(p, pr).harvest)
    assert len({cm.simulate(p.replace(seed=s), pr).harvest.tobytes() for s in SEEDS}) > 1


# ---------------------------------------------------------------- the principles, one by one
def test_boundaries_keep_the_outsiders_out_from_the_start_of_the_rules():
    p = ANCHOR.replace(outsiders=30, rules_after=3)
    open_ = cm.simulate(p, Principles(quota=True))
    closed = cm.simulate(p, Principles(quota=True, boundaries=True))
    assert np.all(open_.outsider_harvest[:4] > 0)
    assert np.all(closed.outsider_harvest[:3] > 0) and np.all(closed.outsider_harvest[3:] == 0)


def test_monitoring_alone_and_sanctions_alone_change_nobodys_harvest():
    for run_p in (ANCHOR, ANCHOR.replace(start_stock=40)):
        for s in SEEDS:
            p = run_p.replace(seed=s)
            plain = cm.simulate(p, Principles(quota=True, boundaries=True))
            for extra in (dict(monitoring=True), dict(sanctions=True)):
                other = cm.simulate(p, Principles(quota=True, boundaries=True, **extra))
                assert np.array_equal(plain.stock, other.stock) and np.all(other.fines == 0)


def test_without_monitoring_a_quota_is_kept_by_the_dutiful_only():
    run = cm.simulate(ANCHOR.replace(dutiful=30, start_stock=100), Principles(quota=True, boundaries=True))
    first = run.harvest[0]
    assert set(np.round(first, 9)) <= {0.5, 1.0}
    assert 0 < np.sum(first == 0.5) < ANCHOR.households


def test_sanctions_are_graduated():
    """The k-th time a household is seen it pays k fines (dispute 0: no quarrels)."""
    pr = ALL.replace(say=False, conflict_resolution=False)
    for run in runs(pr, fine=0.3, detection=60, dutiful=0, dispute=0):
        count = np.cumsum(run.seen, axis=0)
        assert np.allclose(run.fines, np.where(run.seen, 0.3 * count, 0.0))


def test_light_fines_are_worth_the_risk_until_a_household_is_seen():
    """Fine 0.3, detection 70 %, gain 0.5: every undutiful household over-harvests until it has been seen twice."""
    pr = ALL.replace(say=False)
    for run in runs(pr, fine=0.3, detection=70, dutiful=0):
        seen_before = np.vstack([np.zeros(run.seen.shape[1]), np.cumsum(run.seen, axis=0)[:-1]])
        expected = 0.7 * 0.3 * (seen_before + 1)
        assert np.array_equal(run.over_harvest, expected < 0.5)


def test_without_conflict_resolution_a_disputed_fine_turns_a_household_away_for_a_while():
    pr = ALL.replace(say=False)
    kw = dict(fine=0.3, detection=100, dutiful=0, dispute=100)
    quarrel = cm.simulate(ANCHOR.replace(**kw), pr.replace(conflict_resolution=False))
    settled = cm.simulate(ANCHOR.replace(**kw), pr)
    # all are seen and fined in season 1; then two fines are expected (0.6 > gain 0.5): the settled ones stop,
    # the quarrelling ones go on for GRUDGE_SEASONS seasons (and are fined again, and quarrel again)
    assert settled.over_harvest[0].all() and not settled.over_harvest[1:].any()
    assert quarrel.over_harvest[: 1 + cm.GRUDGE_SEASONS].all()
    assert quarrel.fines.sum() > settled.fines.sum()


def test_a_say_removes_the_tipping_point_a_fixed_quota_does_not():
    """Everyone keeps the rules; start at 10 (below 13.8): the fixed quota (h = 5) loses the pasture, a say saves it."""
    fixed = Principles(quota=True, boundaries=True)
    say = fixed.replace(say=True)
    for start in (5, 10, 20, 26):  # % of K: N0 = 2.5 ... 13
        p = ANCHOR.replace(start_stock=start, dutiful=100)
        assert cm.simulate(p, fixed).collapsed
        run = cm.simulate(p, say)
        assert not run.collapsed and np.all(np.diff(run.stock) > 0)
        assert np.nansum(run.quota * p.households) <= np.sum(cm.regrowth(run.stock[:-1], p.growth, 50.0)) + 1e-9


# ---------------------------------------------------------------- claims (over seeds)
@pytest.mark.parametrize("start", [30, 40, 60, 100])  # N0 = 15 ... 50, above the unstable 13.8
def test_all_principles_on_and_a_start_above_the_unstable_point_persists(start):
    for run in runs(ALL, start_stock=start):
        assert not run.collapsed and run.final_stock > 30.0
        assert run.mean_income[-5:].min() > 0.3


def test_no_rules_with_many_households_collapses():
    for households in (10, 15, 30):
        assert all(r.collapsed and r.collapse_season <= 30 for r in runs(households=households))


def test_no_rules_need_not_collapse_with_few_households():
    """Four households with capacity 1 take 4 + 1 outsider = 5 < 6.25: from K the pasture lasts, without any rule."""
    for run in runs(households=4):
        assert not run.collapsed and run.final_stock == pytest.approx(36.18, abs=0.05)
        assert np.allclose(run.income, 1.0)


def test_rules_that_come_too_late_do_not_save_the_pasture():
    """Without rules the default village (13 users) has its pasture below 13.8 after 5 seasons and bare after 6."""
    bare = cm.simulate(ANCHOR).collapse_season
    assert bare is not None and bare <= 10
    for after in (bare, bare + 2, 20):
        assert all(r.collapsed for r in runs(ALL, rules_after=after))
    # the fixed quota (h = 5), kept by everyone, starting when the stock is just below the tipping point
    no_say = ALL.replace(say=False)
    path = cm.simulate(ANCHOR).stock
    below = int(np.argmax(path < 13.8))
    assert path[below - 1] > 13.8
    assert all(r.collapsed for r in runs(no_say, rules_after=below, dutiful=100))
    assert not any(r.collapsed for r in runs(no_say, rules_after=below - 1, dutiful=100))


def test_rules_can_also_fail_with_fines_too_light_to_deter():
    """Not tuned to make the rules win: with a light fine a start above the tipping point is lost for some seeds."""
    outcomes = [r.collapsed for r in runs(ALL, start_stock=30, fine=0.5)]
    assert any(outcomes) and not all(outcomes)
