"""Invariants of the planning-machine model (wakker.planning)."""

from __future__ import annotations

import math
import os

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import planning_machine as pl
from wakker.models.planning_machine import PlanningParams

# PLANNING_EXAMPLES=1500 for a thorough (slow) run; the default keeps the file under ~5 s.
FAST = settings(max_examples=int(os.environ.get("PLANNING_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- strategies

delays = st.floats(0.0, 36.0, allow_nan=False)
strengths = st.floats(0.0, 2.0, allow_nan=False)


@st.composite
def params(draw, **fixed):
    """Random parameters within (roughly) the slider ranges; small n for speed."""
    values = dict(
        speed_of_change=draw(st.floats(0.1, 10.0)),
        base_lifetime=draw(st.floats(3.0, 120.0)),
        lifetime_shape=draw(st.floats(0.5, 10.0)),
        n_movements=draw(st.integers(1, 120)),
        delay_order1=draw(delays),
        delay_order2=draw(delays),
        delay_order3=draw(delays),
        strength_order1=draw(strengths),
        strength_order2=draw(strengths),
        strength_order3=draw(strengths),
        delay_fourth=draw(delays),
        fourth_initial_strength=draw(strengths),
        fourth_max_strength=draw(strengths),
        ownership_growth_rate=draw(st.floats(0.0, 1.0)),
        delay_noise=draw(st.floats(0.0, 1.0)),
        seed=draw(st.integers(0, 999)),
        fourth_wait_gain=draw(st.floats(0.0, 0.3)),
        both_planned_order=draw(st.integers(1, 3)),
    )
    values.update(fixed)
    return PlanningParams(**values)


def _by_order(df: pd.DataFrame, column: str) -> dict[int, np.ndarray]:
    return {o: g.sort_values("speed")[column].to_numpy() for o, g in df.groupby("order")}


SPEEDS = pl.default_speeds(12)

# ---------------------------------------------------------------- parameters


def test_every_parameter_has_a_unit_and_a_one_line_doc():
    for name, s in pl.parameter_specs().items():
        assert s.unit, name
        assert s.doc and "\n" not in s.doc and len(s.doc) < 110, name


@pytest.mark.parametrize("name", list(pl.parameter_specs()))
def test_every_slider_position_is_a_valid_model_input(name):
    """Both ends of every slider range (and the default inside it) give parameters the model runs with."""
    s = pl.parameter_specs()[name]
    assert s.low <= s.default <= s.high and s.step > 0
    if s.scale != "log":  # a linear slider reaches both ends in whole steps
        steps = (s.high - s.low) / s.step
        assert steps == pytest.approx(round(steps), abs=1e-9), name
    for value in (s.low, s.high):
        value = int(value) if s.is_int else float(value)
        df = pl.sweep(PlanningParams(**{"n_movements": 50, name: value}), SPEEDS)
        assert np.isfinite(df[["share_reached", "mean_effect", "total_effect"]].to_numpy()).all(), (name, value)


@pytest.mark.parametrize("bad", [
    dict(speed_of_change=0.0), dict(base_lifetime=-1.0), dict(lifetime_shape=0.0),
    dict(n_movements=0), dict(n_movements=2.5), dict(delay_order2=-1.0),
    dict(strength_order1=-0.1), dict(ownership_growth_rate=-0.1), dict(delay_noise=-0.1),
    dict(delay_fourth=float("nan")), dict(seed=-1), dict(n_movements=float("inf")),
    dict(seed=1.5), dict(strength_order3="strong"), dict(both_planned_order=0), dict(both_planned_order=4),
    dict(both_planned_order=2.5), dict(fourth_wait_gain=-0.1),
])
def test_invalid_parameters_raise(bad):
    with pytest.raises(ValueError):
        PlanningParams(**bad)


def test_bad_speeds_raise():
    for bad in ([], [0.0, 1.0], [-1.0], [np.inf]):
        with pytest.raises(ValueError):
            pl.sweep(PlanningParams(), bad)


# ---------------------------------------------------------------- shape of the output


def test_sweep_is_tidy_and_simulate_matches_sweep():
    p = PlanningParams(speed_of_change=2.0)
    df = pl.sweep(p, SPEEDS)
    assert len(df) == 4 * SPEEDS.size
    assert list(df["responder"].unique()) == list(pl.RESPONDERS)
    assert df["planned"].tolist() == [o < 4 for o in df["order"]]
    np.testing.assert_allclose(df["total_effect"], df["mean_effect"] * p.n_movements)
    np.testing.assert_allclose(df["mean_lifetime"], p.base_lifetime / df["speed"])
    one = pl.simulate(p)
    again = pl.sweep(p, [2.0])
    pd.testing.assert_frame_equal(one, again)
    assert one["speed"].eq(2.0).all() and len(one) == 4


@FAST
@given(params(), st.booleans())
def test_array_form_holds_the_same_numbers_as_the_dataframes(p, both):
    """sweep_arrays / simulate_arrays / strength_arrays (what notebook 04 uses, no pandas) agree exactly."""
    speeds = np.array([3.0, 0.2, 1.0, 0.2, 7.5])  # unsorted, with a repeat: the pivot sorts and merges
    arr, df = pl.sweep_arrays(p, speeds, both), pl.sweep(p, speeds, both)
    pd.testing.assert_frame_equal(arr.frame(), df, check_exact=True)
    pd.testing.assert_frame_equal(pl.simulate_arrays(p, both).frame(), pl.simulate(p, both), check_exact=True)
    for metric in ("share_reached", "mean_effect", "mean_effect_if_reached", "total_effect"):
        for got, want in zip(pl.metric_by_speed(arr, metric), pl.metric_by_speed(df, metric)):
            np.testing.assert_array_equal(got, want)
    a, b = pl.summarise_sweep(arr), pl.summarise_sweep(df)
    assert (a.ranges, a.crossover) == (b.ranges, b.crossover)
    np.testing.assert_array_equal(a.values, b.values)
    assert pl.winner_ranges(arr) == pl.winner_ranges(df)
    assert pl.crossover_speed(sweep_df=arr) == pl.crossover_speed(sweep_df=df)
    pd.testing.assert_frame_equal(pl.winners(arr), pl.winners(df), check_exact=True)
    pd.testing.assert_frame_equal(pl.strength_arrays(p, both=both).frame(), pl.strength_curves(p, both=both),
                                  check_exact=True)


def test_the_model_and_its_array_form_need_no_pandas():
    import subprocess
    import sys

    code = ("import sys\n"
            "from wakker.models import planning_machine as pl\n"
            "s = pl.summarise_sweep(pl.sweep_arrays(pl.PlanningParams(), both=True))\n"
            "pl.simulate_arrays(pl.PlanningParams()); pl.strength_arrays(both=True); pl.crossover_speed()\n"
            "pl.winner_ranges(pl.sweep_arrays()); pl.metric_by_speed(pl.sweep_arrays(), 'share_reached')\n"
            "assert 'pandas' not in sys.modules, 'the array form loaded pandas'\n"
            "pl.sweep(); assert 'pandas' in sys.modules  # the DataFrame form still works (and loads it)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_movements_table_agrees_with_simulate():
    p = PlanningParams(speed_of_change=0.7, delay_noise=0.4, seed=3)
    mv = pl.movements(p)
    sim = pl.simulate(p).set_index("order")
    agg = mv.groupby("order").agg(share=("reached", "mean"), eff=("effect", "mean"))
    np.testing.assert_allclose(agg["share"], sim["share_reached"])
    np.testing.assert_allclose(agg["eff"], sim["mean_effect"], rtol=1e-12)
    assert (mv.loc[~mv["reached"], "effect"] == 0).all()


# ---------------------------------------------------------------- invariants


@FAST
@given(params())
def test_shares_in_unit_interval_and_effects_bounded(p):
    df = pl.sweep(p, SPEEDS)
    assert df["share_reached"].between(0.0, 1.0).all()
    assert (df["mean_effect"] >= 0).all() and (df["total_effect"] >= 0).all()
    cap = {1: p.strength_order1, 2: p.strength_order2, 3: p.strength_order3,
           4: p.fourth_max_strength}
    for o, g in df.groupby("order"):
        assert (g["mean_effect"] <= cap[o] + 1e-12).all()
        assert (g["mean_effect_if_reached"] <= cap[o] + 1e-12).all()
        assert (g["mean_effect"] <= g["mean_effect_if_reached"] + 1e-12).all()


@FAST
@given(params(delay_order1=0.0, delay_order2=0.0, delay_order3=0.0, delay_fourth=0.0))
def test_zero_delay_reaches_every_movement(p):
    df = pl.sweep(p, [1e-3, 1.0, 1e3])
    assert (df["share_reached"] == 1.0).all()


@FAST
@given(params(), delays, delays)
def test_longer_delay_never_reaches_more(p, d_a, d_b):
    # Waiting only costs when it yields nothing (with a wait gain a later step starts stronger:
    # see test_with_a_wait_gain_waiting_can_pay_and_waiting_too_long_does_not).
    p = p.replace(fourth_wait_gain=0.0)
    short, long_ = sorted((d_a, d_b))
    fast = pl.sweep(p.replace(delay_order1=short, delay_order2=short, delay_order3=short,
                              delay_fourth=short), SPEEDS)
    slow = pl.sweep(p.replace(delay_order1=long_, delay_order2=long_, delay_order3=long_,
                              delay_fourth=long_), SPEEDS)
    assert (slow["share_reached"].to_numpy() <= fast["share_reached"].to_numpy()).all()
    assert (slow["mean_effect"].to_numpy() <= fast["mean_effect"].to_numpy() + 1e-12).all()


@FAST
@given(params())
def test_faster_change_never_reaches_more(p):
    share = _by_order(pl.sweep(p, SPEEDS), "share_reached")
    for values in share.values():
        assert (np.diff(values) <= 0).all()


@FAST
@given(params())
def test_deterministic_per_seed(p):
    pd.testing.assert_frame_equal(pl.sweep(p, SPEEDS), pl.sweep(p, SPEEDS))
    pd.testing.assert_frame_equal(pl.movements(p), pl.movements(p))


def test_different_seeds_give_different_movements():
    a = pl.movements(PlanningParams(seed=1))["lifetime"]
    b = pl.movements(PlanningParams(seed=2))["lifetime"]
    assert not np.allclose(a, b)


def test_noise_slider_does_not_redraw_lifetimes():
    a = pl.movements(PlanningParams(delay_noise=0.0))["lifetime"]
    b = pl.movements(PlanningParams(delay_noise=0.5))["lifetime"]
    np.testing.assert_array_equal(a, b)


@FAST
@given(params(), st.floats(0.05, 1.0), st.floats(0.05, 1.0))
def test_long_lifetimes_the_strongest_planned_intervention_wins(p, margin, growth):
    best = max(p.strength_order1, p.strength_order2, p.strength_order3)
    best = max(best, p.fourth_max_strength + margin)  # planning is the stronger approach
    p = p.replace(strength_order3=best, fourth_max_strength=min(p.fourth_max_strength, best - margin),
                  ownership_growth_rate=growth, lifetime_shape=max(p.lifetime_shape, 1.0),
                  n_movements=max(p.n_movements, 20))
    # Lifetimes far longer than every delay: mean lifetime ~ 10^5 x the longest delay.
    speed = p.base_lifetime / (1e5 * 60.0)
    w = pl.winners(pl.sweep(p, [speed])).iloc[0]
    assert w["order"] in (1, 2, 3)
    strength = {1: p.strength_order1, 2: p.strength_order2, 3: p.strength_order3}[w["order"]]
    # The winner is the strongest planned intervention (up to a strength difference too
    # small to outweigh a delay that is 1/100000 of the lifetime).
    assert strength >= best * (1 - 1e-3)


@FAST
@given(params(delay_noise=0.0), st.floats(1.0, 36.0), st.floats(0.0, 0.9),
       st.floats(0.01, 2.0))
def test_very_fast_change_light_fourth_order_beats_slow_planning(p, min_planned, frac, light):
    p = p.replace(delay_order1=max(p.delay_order1, min_planned),
                  delay_order2=max(p.delay_order2, min_planned),
                  delay_order3=max(p.delay_order3, min_planned),
                  delay_fourth=frac * min_planned,
                  fourth_initial_strength=light,
                  fourth_max_strength=max(p.fourth_max_strength, light))
    unit = pl.movements(p.replace(speed_of_change=1.0)).query("order == 1")["lifetime"].max()
    unit /= p.base_lifetime
    # Choose the speed so the longest-lived movement dies between the two delays.
    longest = 0.5 * (p.delay_fourth + min_planned)
    speed = p.base_lifetime * unit / longest
    sim = pl.simulate(p.replace(speed_of_change=speed)).set_index("order")
    assert (sim.loc[[1, 2, 3], "share_reached"] == 0).all()
    assert sim.loc[4, "share_reached"] > 0
    assert sim.loc[4, "total_effect"] > sim.loc[[1, 2, 3], "total_effect"].max()
    assert pl.crossover_speed(sweep_df=pl.sweep(p, [speed])) == speed


# ---------------------------------------------------------------- crossover


def test_defaults_planning_wins_slow_fourth_order_wins_later():
    """Honesty check on the defaults: slow, stable context -> planning wins."""
    df = pl.sweep(PlanningParams())
    w = pl.winners(df)
    assert w.iloc[0]["order"] == 3
    x = pl.crossover_speed(sweep_df=df)
    assert x is not None and df["speed"].min() < x < df["speed"].max()
    below = w[w["speed"] < x]
    assert below["order"].isin([1, 2, 3]).all()


def test_crossover_is_bracketed_by_the_grid():
    df = pl.sweep(PlanningParams(), pl.default_speeds(30))
    x = pl.crossover_speed(sweep_df=df)
    t = df.pivot_table(index="speed", columns="order", values="total_effect")
    diff = t[4] - t[[1, 2, 3]].max(axis=1)
    i = int(np.flatnonzero(diff.to_numpy() > 0)[0])
    assert t.index[i - 1] <= x <= t.index[i]


def test_crossover_none_when_fourth_order_cannot_act():
    assert pl.crossover_speed(PlanningParams(fourth_initial_strength=0.0)) is None
    assert pl.crossover_speed(PlanningParams(fourth_max_strength=0.0)) is None


def test_crossover_moves_with_the_assumptions():
    """The crossover is not a constant: it follows each assumption in the expected direction."""
    base = PlanningParams()
    x0 = pl.crossover_speed(base)
    moved = {
        "faster planning": pl.crossover_speed(base.replace(
            delay_order1=0.8 * base.delay_order1, delay_order2=0.8 * base.delay_order2,
            delay_order3=0.8 * base.delay_order3)),
        "weaker strategy": pl.crossover_speed(base.replace(strength_order3=0.9)),
        "higher ownership ceiling": pl.crossover_speed(base.replace(fourth_max_strength=0.85)),
        "slower ownership growth": pl.crossover_speed(base.replace(ownership_growth_rate=0.12)),
        "longer lives": pl.crossover_speed(base.replace(base_lifetime=48.0)),
    }
    assert all(v is not None for v in moved.values()), moved
    assert moved["faster planning"] > x0
    assert moved["weaker strategy"] < x0
    assert moved["higher ownership ceiling"] < x0
    assert moved["slower ownership growth"] > x0
    # Only the mean lifetime matters, not speed as such: doubling lifetimes doubles the speed.
    assert moved["longer lives"] == pytest.approx(2 * x0, rel=0.05)
    assert len({round(v, 6) for v in moved.values()} | {round(x0, 6)}) == 6


def _inf(x):
    return math.inf if x is None else x


@FAST
@given(params(n_movements=60), st.floats(0.05, 0.95))
def test_faster_planning_never_moves_the_crossover_to_slower_speeds(p, factor):
    quick = p.replace(delay_order1=p.delay_order1 * factor, delay_order2=p.delay_order2 * factor,
                      delay_order3=p.delay_order3 * factor)
    assert _inf(pl.crossover_speed(quick, SPEEDS)) >= _inf(pl.crossover_speed(p, SPEEDS)) - 1e-9


@FAST
@given(params(n_movements=60), st.floats(0.0, 1.0))
def test_stronger_planning_never_moves_the_crossover_to_slower_speeds(p, extra):
    strong = p.replace(strength_order3=p.strength_order3 + extra)
    assert _inf(pl.crossover_speed(strong, SPEEDS)) >= _inf(pl.crossover_speed(p, SPEEDS)) - 1e-9


# ---------------------------------------------------------------- analytic checks


def test_exponential_share_reached_matches_theory():
    p = PlanningParams(n_movements=20000, lifetime_shape=1.0, seed=7)
    df = pl.sweep(p, [0.5, 1.0, 3.0])
    delay = {1: p.delay_order1, 2: p.delay_order2, 3: p.delay_order3, 4: p.delay_fourth}
    expected = np.exp(-df["order"].map(delay) / df["mean_lifetime"])
    np.testing.assert_allclose(df["share_reached"], expected, atol=0.012)


def test_planned_effect_is_strength_times_covered_share_of_life():
    p = PlanningParams(speed_of_change=0.5)
    mv = pl.movements(p).query("order == 2")
    expected = np.where(mv["lifetime"] > p.delay_order2,
                        p.strength_order2 * (1 - p.delay_order2 / mv["lifetime"]), 0.0)
    np.testing.assert_allclose(mv["effect"], expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("growth", [0.0, 1e-9, 0.02, 0.15, 1.0])
@pytest.mark.parametrize("initial", [0.0, 0.05, 0.2, 0.8])
def test_fourth_order_effect_equals_integral_of_its_strength_curve(growth, initial):
    p = PlanningParams(speed_of_change=1.0, ownership_growth_rate=growth,
                       fourth_initial_strength=initial, fourth_max_strength=0.8, n_movements=30)
    mv = pl.movements(p).query("order == 4")
    for life, eff in zip(mv["lifetime"].to_numpy()[:10], mv["effect"].to_numpy()[:10]):
        t = np.linspace(0.0, life, 20001)
        curve = pl.strength_curves(p, t).query("order == 4")["strength"].to_numpy()
        integral = np.sum((curve[1:] + curve[:-1]) / 2 * np.diff(t))
        assert eff == pytest.approx(integral / life, rel=2e-3, abs=1e-6)


def test_ownership_integral_is_stable_for_long_activity():
    active = np.array([0.0, 1.0, 1e3, 1e6])
    out = pl._ownership_integral(active, 0.25, 0.15)
    assert np.all(np.isfinite(out)) and out[0] == 0.0
    assert out[-1] == pytest.approx(1e6, rel=1e-4)  # ownership saturates at 1


def _exact_ownership_integral(active: float, o0: float, g: float) -> float:
    """ln(1 + o0 (e^(g t) - 1)) / g in 800-digit decimal arithmetic (exact inputs, no underflow)."""
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = 800
        x = Decimal(g) * Decimal(active)
        return float((1 + Decimal(o0) * (x.exp() - 1)).ln() / Decimal(g))


@pytest.mark.parametrize("growth", [5e-324, 1e-310, 1e-300, 1e-12, 1e-6, 9.9e-6, 1.01e-5])
def test_ownership_integral_with_a_tiny_growth_rate_is_initial_ownership_times_time(growth):
    """A subnormal rate once divided an underflowed integral by g: the fourth order had no effect at all."""
    active = [0.0, 0.5, 1.0, 10.0, 100.0]
    out = pl._ownership_integral(np.array(active), 0.25, growth)
    np.testing.assert_allclose(out, [_exact_ownership_integral(a, 0.25, growth) for a in active], rtol=1e-12, atol=0)
    assert out[1] == pytest.approx(0.25 * 0.5, rel=1e-4)  # ownership hardly grows: o0 x time


def test_subnormal_growth_rate_still_gives_the_fourth_order_its_initial_strength():
    p = PlanningParams(ownership_growth_rate=5e-324, fourth_initial_strength=0.2, delay_fourth=0.0,
                       speed_of_change=1.0)
    mv = pl.movements(p).query("order == 4")
    np.testing.assert_allclose(mv["effect"], 0.2, rtol=1e-12)  # no delay: initial strength all life long
    slow = pl.movements(p.replace(ownership_growth_rate=0.0)).query("order == 4")
    np.testing.assert_allclose(mv["effect"], slow["effect"], rtol=1e-12)


@pytest.mark.parametrize("growth", [1e-9, 1e-6, 1e-5, 1e-3, 0.15])
def test_ownership_integral_is_continuous_across_its_three_forms(growth):
    """Series, log1p/expm1 and logaddexp agree where they meet (no step in the curves)."""
    o0 = 0.25
    for border in (pl._SERIES_BELOW, 30.0):
        t = np.array([border * (1 - 1e-9), border * (1 + 1e-9)]) / growth
        a, b = pl._ownership_integral(t, o0, growth)
        assert a == pytest.approx(b, rel=1e-7)


def test_initial_strength_above_ceiling_is_capped():
    curves = pl.strength_curves(PlanningParams(fourth_initial_strength=1.5,
                                               fourth_max_strength=0.8))
    assert curves.query("order == 4")["strength"].max() == pytest.approx(0.8)


def test_strength_curves_shape():
    p = PlanningParams()
    c = pl.strength_curves(p)
    assert set(c["order"]) == {1, 2, 3, 4}
    o3 = c.query("order == 3")
    assert (o3.loc[o3["month"] < p.delay_order3, "strength"] == 0).all()
    assert (o3.loc[o3["month"] >= p.delay_order3, "strength"] == p.strength_order3).all()
    o4 = c.query("order == 4")["strength"].to_numpy()
    assert (np.diff(o4) >= 0).all() and o4.max() <= p.fourth_max_strength


def test_winners_breaks_ties_by_lowest_order():
    p = PlanningParams(strength_order1=0.0, strength_order2=0.0, strength_order3=0.0,
                       fourth_initial_strength=0.0)
    w = pl.winners(pl.sweep(p, SPEEDS))
    assert (w["order"] == 1).all() and len(w) == SPEEDS.size


def test_plotly_express_consumes_the_sweep():
    px = pytest.importorskip("plotly.express")
    df = pl.sweep(PlanningParams())
    fig = px.line(df, x="speed", y="total_effect", color="responder", log_x=True)
    assert len(fig.data) == 4


# ---------------------------------------------------------------- winner ranges


def test_winner_ranges_agree_with_the_winner_at_every_grid_speed():
    df = pl.sweep(PlanningParams(), pl.default_speeds(30))
    ranges = pl.winner_ranges(df)
    assert ranges[0].start == df["speed"].min() and ranges[-1].end == df["speed"].max()
    assert all(a.end == b.start for a, b in zip(ranges, ranges[1:]))
    for _i, row in pl.winners(df).iterrows():
        inside = [r for r in ranges if r.start <= row["speed"] <= r.end]
        assert row["order"] in [r.order for r in inside], row["speed"]


def test_defaults_have_three_winner_ranges_and_the_first_border_is_the_crossover():
    df = pl.sweep(PlanningParams())
    summary = pl.summarise_sweep(df)
    assert [r.order for r in summary.ranges] == [3, 4, 1]
    assert summary.ranges == pl.winner_ranges(df)
    assert summary.crossover == pl.crossover_speed(sweep_df=df) == pytest.approx(summary.ranges[0].end)
    np.testing.assert_array_equal(summary.speeds, np.sort(df["speed"].unique()))
    assert summary.values.shape == (50, 4)
    np.testing.assert_allclose(summary.values[:, 3], df.query("order == 4").sort_values("speed")["total_effect"])


def test_winner_range_border_is_interpolated_where_the_two_lines_cross():
    speeds = [1.0, 10.0]
    rows = [(o, s, v) for s, vals in zip(speeds, ([4.0, 0, 0, 2.0], [1.0, 0, 0, 3.0])) for o, v in zip((1, 2, 3, 4), vals)]
    df = pd.DataFrame(rows, columns=["order", "speed", "total_effect"])
    first, second = pl.winner_ranges(df)
    assert (first.order, second.order) == (1, 4)
    # order 4 minus order 1 goes from -2 to +2: the lines cross halfway in log(speed)
    assert first.end == second.start == pytest.approx(math.sqrt(10.0))


def test_an_exact_tie_is_its_own_range_and_nobody_is_order_zero():
    p = PlanningParams(strength_order1=0.2, fourth_initial_strength=0.2, fourth_max_strength=0.2)
    last = pl.winner_ranges(pl.sweep(p))[-1]
    assert last.tied == (1, 4) and last.order == 1
    nobody = PlanningParams(delay_order1=36, delay_order2=36, delay_order3=60, delay_fourth=36, base_lifetime=3)
    assert pl.winner_ranges(pl.sweep(nobody, [5.0, 10.0])) == (pl.WinnerRange(0, 5.0, 10.0),)


def test_summary_of_an_incomplete_sweep_raises():
    df = pl.sweep(PlanningParams(), SPEEDS)
    with pytest.raises(ValueError):
        pl.summarise_sweep(df[df["order"] != 2])


# ---------------------------------------------------------------- what waiting yields


def test_without_a_wait_gain_the_start_strength_is_the_initial_strength():
    p = PlanningParams()
    assert p.fourth_wait_gain == 0.0
    assert pl.fourth_start_strength(p) == pytest.approx(p.fourth_initial_strength)
    curves = pl.strength_curves(p).query("order == 4")
    assert curves.loc[curves["month"] >= p.delay_fourth, "strength"].iloc[0] == pytest.approx(p.fourth_initial_strength)


@pytest.mark.parametrize("gain, delay", [(0.1, 3.0), (0.05, 1.0), (0.3, 6.0), (0.2, 0.0)])
def test_each_month_of_waiting_adds_the_gain_to_the_start_strength_up_to_the_ceiling(gain, delay):
    p = PlanningParams(fourth_wait_gain=gain, delay_fourth=delay)
    expected = min(p.fourth_initial_strength + gain * delay, p.fourth_max_strength)
    assert pl.fourth_start_strength(p) == pytest.approx(expected)
    at_landing = pl.strength_curves(p, [delay]).query("order == 4")["strength"].iloc[0]
    assert at_landing == pytest.approx(expected)


@FAST
@given(params(), st.floats(0.0, 0.3))
def test_a_larger_wait_gain_never_lowers_the_fourth_order(p, extra):
    more = p.replace(fourth_wait_gain=min(p.fourth_wait_gain + extra, 0.3))
    a = pl.movements(p).query("order == 4")["effect"].to_numpy()
    b = pl.movements(more).query("order == 4")["effect"].to_numpy()
    assert (b >= a - 1e-12).all()


def test_with_a_wait_gain_waiting_can_pay_and_waiting_too_long_does_not():
    """With a yield of 0.1 per month, two months beat one at tempo 1; half a year loses again."""
    for seed in range(8):
        total = {d: pl.simulate(PlanningParams(fourth_wait_gain=0.1, delay_fourth=d, seed=seed))
                 .set_index("order").loc[4, "total_effect"] for d in (1.0, 2.0, 6.0)}
        assert total[2.0] > total[1.0] > total[6.0], (seed, total)


# ---------------------------------------------------------------- both: fourth order + planning


def test_both_is_a_fifth_responder_only_when_asked():
    p = PlanningParams(speed_of_change=2.0)
    df = pl.sweep(p, SPEEDS, both=True)
    assert len(df) == 5 * SPEEDS.size
    assert list(df["responder"].unique()) == [*pl.RESPONDERS, pl.BOTH]
    assert df["planned"].tolist() == [o < 4 for o in df["order"]]
    pd.testing.assert_frame_equal(df[df["order"] < 5].reset_index(drop=True), pl.sweep(p, SPEEDS))
    pd.testing.assert_frame_equal(pl.simulate(p, both=True), pl.sweep(p, [2.0], both=True))
    assert set(pl.movements(p, both=True)["order"]) == {1, 2, 3, 4, 5}
    assert set(pl.strength_curves(p, both=True)["order"]) == {1, 2, 3, 4, 5}
    assert set(pl.sweep(p, SPEEDS)["order"]) == {1, 2, 3, 4}
    summary = pl.summarise_sweep(df)
    assert summary.values.shape == (SPEEDS.size, 5)
    # the crossover is the fourth order alone against planning: adding "both" does not move it
    assert summary.crossover == pl.crossover_speed(p, SPEEDS)


def _parts(p, mv):
    k = p.both_planned_order
    eff = {o: g.sort_values("movement")["effect"].to_numpy() for o, g in mv.groupby("order")}
    return eff[5], eff[4], eff[k]


@FAST
@given(params())
def test_both_is_never_below_either_part_and_never_above_their_sum(p):
    """By design the combination's strength is max(fourth, planned) at every moment, with the same
    lifetimes and delays as its parts: so per movement it is at least each part and at most their sum."""
    both, fourth, planned = _parts(p, pl.movements(p, both=True))
    tol = 1e-9 * max(1.0, p.fourth_max_strength, p.strength_order3, p.strength_order2, p.strength_order1)
    assert (both >= fourth - tol).all() and (both >= planned - tol).all()
    assert (both <= fourth + planned + tol).all()
    df = pl.sweep(p, SPEEDS, both=True)
    t = df.pivot(index="speed", columns="order", values="total_effect")
    assert (t[5] >= t[[4, p.both_planned_order]].max(axis=1) - tol * p.n_movements).all()


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.parametrize("growth, initial, cap", [(0.15, 0.2, 0.8), (0.0, 0.2, 0.8), (1.0, 0.05, 1.5),
                                                   (0.02, 0.8, 0.8), (0.15, 0.0, 0.8), (0.15, 0.2, 0.0)])
def test_both_effect_equals_the_integral_of_its_strength_curve(k, growth, initial, cap):
    p = PlanningParams(speed_of_change=1.0, ownership_growth_rate=growth, fourth_initial_strength=initial,
                       fourth_max_strength=cap, both_planned_order=k, n_movements=30, delay_fourth=2.0)
    mv = pl.movements(p, both=True).query("order == 5")
    for life, eff in zip(mv["lifetime"].to_numpy()[:8], mv["effect"].to_numpy()[:8]):
        t = np.linspace(0.0, life, 40001)
        curve = pl.strength_curves(p, t, both=True).query("order == 5")["strength"].to_numpy()
        integral = np.sum((curve[1:] + curve[:-1]) / 2 * np.diff(t))
        assert eff == pytest.approx(integral / life, rel=2e-3, abs=1e-4)


def test_both_reduces_to_one_part_when_the_other_adds_nothing():
    base = PlanningParams(delay_noise=0.3, seed=4, speed_of_change=0.8)
    # planning without strength: only the fourth order is left
    both, fourth, _ = _parts(base.replace(strength_order2=0.0), pl.movements(base.replace(strength_order2=0.0), both=True))
    np.testing.assert_allclose(both, fourth, rtol=1e-12, atol=1e-15)
    # a fourth order without strength: only the planned order is left
    p = base.replace(fourth_max_strength=0.0)
    both, _, planned = _parts(p, pl.movements(p, both=True))
    np.testing.assert_allclose(both, planned, rtol=1e-12, atol=1e-15)
    # planning stronger than the fourth order can ever get, and landing at the same moment: planning alone
    p = base.replace(strength_order2=0.9, delay_order2=base.delay_fourth, delay_noise=0.0)
    both, _, planned = _parts(p, pl.movements(p, both=True))
    np.testing.assert_allclose(both, planned, rtol=1e-12, atol=1e-15)


def test_catch_up_time_is_where_the_fourth_order_reaches_the_planned_strength():
    p = PlanningParams()
    cap, o0 = pl._fourth_start_ratio(p)
    tau = pl._catch_up_time(p.strength_order2, cap, o0, p.ownership_growth_rate)
    at = pl.strength_curves(p, [p.delay_fourth + tau]).query("order == 4")["strength"].iloc[0]
    assert at == pytest.approx(p.strength_order2, rel=1e-12)
    assert pl._catch_up_time(1.0, cap, o0, p.ownership_growth_rate) == math.inf  # above the ceiling
    assert pl._catch_up_time(0.1, cap, o0, p.ownership_growth_rate) == 0.0  # below the start
    assert pl._catch_up_time(0.5, cap, o0, 0.0) == math.inf  # no growth


def test_defaults_both_with_a_project_wins_the_middle_and_not_the_ends():
    """Honesty check: doing both costs nothing in the model, yet it does not win everywhere."""
    for seed in range(5):
        summary = pl.summarise_sweep(pl.sweep(PlanningParams(seed=seed), both=True))
        assert [r.order for r in summary.ranges] == [3, 5, 1], seed
