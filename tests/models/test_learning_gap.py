"""The learning-gap model (wakker.models.learning_gap): its invariants, its anchors and its claims.

Anchors (lesson guide M5):
* steady pace, one municipality: ``gap' = c - r gap`` has the solution ``c/r + (gap0 - c/r) e^{-rt}``
  (the linear first-order equation of any textbook on differential equations); checked against
  the model and against a plain Euler integration written here;
* steady pace with sharing and no delay: the long-run gap ``c/r * E[1/(1+K)]``, K ~ Bin(n-1, q),
  equals ``c/r * (1 - (1-q)^n) / (n q)`` (the binomial identity E[1/(1+K)] = (1-(1-q)^n)/(n q));
* a Monte Carlo run of single questions and municipalities (written here, independent of the
  model's formulas) agrees with the model, delay included.
"""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import learning_gap as lg
from wakker.models.learning_gap import LearningGapParams

FAST = settings(max_examples=int(os.environ.get("GAP_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
T = np.linspace(0.0, 30.0, 121)


@st.composite
def params(draw, **fixed):
    values = dict(
        change_pace=draw(st.floats(0.0, 40.0)),
        acceleration=draw(st.floats(0.0, 30.0)),
        learning_rate=draw(st.floats(0.0, 3.0)),
        municipalities=draw(st.integers(1, 20)),
        share_quality=draw(st.floats(0.0, 1.0)),
        share_delay=draw(st.floats(0.0, 5.0)),
        initial_gap=draw(st.floats(0.0, 100.0)),
    )
    values.update(fixed)
    return LearningGapParams(**values)


# ---------------------------------------------------------------- the metadata
def test_defaults_lie_in_their_ranges_and_validation_refuses_nonsense():
    for name, spec in lg.parameter_specs().items():
        assert spec.low <= spec.default <= spec.high, name
    LearningGapParams(**{n: s.default for n, s in lg.parameter_specs().items()})
    for bad in (dict(learning_rate=-0.1), dict(municipalities=0), dict(municipalities=2.5),
                dict(share_quality=1.5), dict(acceptable_gap=0), dict(change_pace=math.nan)):
        with pytest.raises(ValueError):
            LearningGapParams(**bad)


# ---------------------------------------------------------------- invariants (issue 14)
@FAST
@given(params(change_pace=0.0, acceleration=0.0), st.floats(0.05, 3.0))
def test_without_change_any_learning_closes_the_gap(p, rate):
    p = p.replace(learning_rate=rate, initial_gap=max(p.initial_gap, 1.0))
    g = lg.gap(p, T)
    assert np.all(np.diff(g) <= 1e-12)  # only ever shrinks
    late = lg.gap(p, [200.0 / rate])[0]
    assert late < 1e-6 * p.initial_gap


@FAST
@given(params())
def test_no_sharing_equals_one_municipality_alone(p):
    alone = lg.gap(p.alone(), T)
    assert np.allclose(lg.gap(p.replace(share_quality=0.0), T), alone, rtol=1e-12, atol=1e-12)
    assert np.allclose(lg.gap(p.replace(municipalities=1), T), alone, rtol=1e-12, atol=1e-12)
    frame = lg.simulate(p.replace(municipalities=1))
    assert np.array_equal(frame["gap_alone"], frame["gap_shared"])


@FAST
@given(params(), st.integers(1, 19), st.floats(0.0, 1.0), st.floats(0.0, 5.0))
def test_more_sharing_never_widens_the_gap(p, more, better, sooner):
    g = lg.gap(p, T)
    tol = 1e-9 * (1.0 + np.abs(g))
    bigger = p.replace(municipalities=min(20, p.municipalities + more))
    assert np.all(lg.gap(bigger, T) <= g + tol)
    assert np.all(lg.gap(p.replace(share_quality=max(p.share_quality, better)), T) <= g + tol)
    assert np.all(lg.gap(p.replace(share_delay=min(p.share_delay, sooner)), T) <= g + tol)
    assert np.all(g <= lg.gap(p.alone(), T) + tol)


@FAST
@given(params(), st.floats(0.0, 3.0))
def test_learning_faster_never_widens_the_gap(p, faster):
    g = lg.gap(p, T)
    quicker = p.replace(learning_rate=p.learning_rate + faster)
    assert np.all(lg.gap(quicker, T) <= g + 1e-9 * (1.0 + g))


@FAST
@given(params())
def test_gap_is_between_zero_and_everything_asked(p):
    frame = lg.simulate(p.replace(horizon=20), points_per_year=4)
    assert (frame["gap_shared"] >= -1e-9).all()
    assert (frame["gap_shared"] <= frame["asked"] * (1 + 1e-9) + 1e-9).all()
    assert (frame["known_shared"] >= frame["known_alone"] - 1e-9 * (1 + frame["asked"])).all()


@FAST
@given(params(), st.sampled_from([1, 4, 12]))
def test_curves_are_the_columns_of_simulate_and_summarise_takes_either(p, points):
    """The widgets draw :func:`lg.curves` (numpy), the DataFrame API gives the same numbers, bit for bit."""
    run = lg.curves(p, points_per_year=points)
    frame = lg.simulate(p, points_per_year=points)
    assert list(run) == list(frame.columns)
    for name, values in run.items():
        assert isinstance(values, np.ndarray) and np.array_equal(values, frame[name].to_numpy(), equal_nan=True)
    assert lg.summarise(p, run) == lg.summarise(p, frame)
    if points == 12:
        assert lg.summarise(p) == lg.summarise(p, frame)


def test_the_model_runs_without_pandas():
    """pandas costs ~0.15 s of a kernel's start: the model loads it only when a DataFrame is asked for
    (in a fresh process, so that this test process's own pandas does not count)."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from wakker.models import learning_gap as lg\n"
            "p = lg.LearningGapParams(acceleration=10, municipalities=14)\n"
            "lg.summarise(p, lg.curves(p, points_per_year=4)); lg.summarise(p)\n"
            "assert 'pandas' not in sys.modules, 'pandas loaded without a DataFrame'\n"
            "assert type(lg.simulate(p)).__name__ == 'DataFrame' and 'pandas' in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


# ---------------------------------------------------------------- anchors (M5)
@FAST
@given(st.floats(0.0, 40.0), st.floats(0.0, 3.0), st.floats(0.0, 100.0))
def test_steady_pace_alone_matches_the_closed_form(c, r, g0):
    p = LearningGapParams(change_pace=c, learning_rate=r, initial_gap=g0)
    expected = lg.steady_gap_alone(T, c, r, g0)
    assert np.allclose(lg.gap(p, T), expected, rtol=1e-9, atol=1e-9)
    if r > 0:
        assert lg.steady_gap(c, r) == pytest.approx(c / r)


def test_closed_form_agrees_with_a_plain_euler_integration():
    c, r, g0, dt = 12.0, 0.4, 30.0, 1e-4
    g, t = g0, 0.0
    while t < 10.0 - 1e-12:
        g += dt * (c - r * g)
        t += dt
    assert lg.steady_gap_alone(10.0, c, r, g0) == pytest.approx(g, rel=1e-4)
    assert lg.gap(LearningGapParams(change_pace=c, learning_rate=r, initial_gap=g0), [10.0])[0] == pytest.approx(g, rel=1e-4)


@pytest.mark.parametrize("n, q", [(2, 0.5), (14, 0.3), (20, 1.0), (5, 0.05)])
def test_long_run_gap_with_sharing_is_the_binomial_closed_form(n, q):
    c, r = 10.0, 0.5
    weights = lg.sharing_weights(n, q)
    assert weights.sum() == pytest.approx(1.0)
    mean_inverse = sum(w / (1 + k) for k, w in enumerate(weights))
    assert mean_inverse == pytest.approx((1 - (1 - q) ** n) / (n * q))
    assert lg.steady_gap(c, r, n, q, 0.0) == pytest.approx(c / r * mean_inverse)
    p = LearningGapParams(change_pace=c, learning_rate=r, municipalities=n, share_quality=q, share_delay=0.0)
    assert lg.gap(p, [80.0])[0] == pytest.approx(c / r * mean_inverse, rel=1e-9)
    if q == 1.0:
        assert lg.steady_gap(c, r, n, q) == pytest.approx(c / (n * r))  # as if n times as fast


@pytest.mark.parametrize("d", [0.0, 0.5, 2.0])
def test_long_run_gap_with_delay_is_reached_by_the_model(d):
    p = LearningGapParams(change_pace=10, learning_rate=0.5, municipalities=14, share_quality=0.3, share_delay=d)
    assert lg.gap(p, [90.0])[0] == pytest.approx(lg.steady_gap(10, 0.5, 14, 0.3, d), rel=1e-9)


def _monte_carlo_open(p: LearningGapParams, at: float, rng, questions: int = 40_000) -> float:
    """Open questions at time ``at`` for municipality 0, by simulating single questions."""
    total = p.initial_gap + p.change_pace * at  # steady pace only
    born = np.where(rng.random(questions) < p.initial_gap / total, 0.0, rng.random(questions) * at)
    age = at - born
    n, r = p.municipalities, p.learning_rate
    solve = rng.exponential(1.0 / r, size=(questions, n))  # every municipality's own answer time
    usable = rng.random((questions, n)) < p.share_quality
    arrives = np.where(usable, solve + p.share_delay, np.inf)
    arrives[:, 0] = solve[:, 0]  # one's own answer needs no sharing
    still_open = arrives.min(axis=1) > age
    return float(still_open.mean() * total)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_monte_carlo_of_single_questions_agrees_with_the_model(seed):
    rng = np.random.default_rng(seed)
    p = LearningGapParams(change_pace=10, learning_rate=0.5, municipalities=6, share_quality=0.4,
                          share_delay=1.0, initial_gap=20)
    for at in (2.0, 8.0):
        assert _monte_carlo_open(p, at, rng) == pytest.approx(lg.gap(p, [at])[0], rel=0.04)


# ---------------------------------------------------------------- claims the notebook makes (M3)
@pytest.mark.parametrize("rate", [0.1, 0.5, 1.0, 3.0, lg.MAX_RATE])
def test_change_that_speeds_up_outruns_every_fixed_learning_rate(rate):
    p = LearningGapParams(acceleration=10, learning_rate=rate, municipalities=14, share_quality=1.0, share_delay=0)
    g = lg.gap(p, [20, 40, 60, 80])
    assert np.all(np.diff(g) > 0) and g[-1] > 10 * g[0]  # grows without bound
    assert lg.needed_learning_rate(p, at=None) == math.inf
    # alone, the gap approaches c(t)/(a + r) and the share still open approaches a/(a + r)
    a = lg.acceleration_rate(p)
    alone = p.alone()
    t = 80.0
    assert lg.gap(alone, [t])[0] / (10 * math.exp(a * t)) == pytest.approx(1 / (a + rate), rel=1e-3)
    share = lg.gap(alone, [t])[0] / lg.asked(alone, [t])[0]
    assert share == pytest.approx(a / (a + rate), rel=1e-3)


def test_needed_learning_rate_steady_alone_is_pace_over_acceptable_gap():
    p = LearningGapParams(change_pace=10, acceptable_gap=10)
    assert lg.needed_learning_rate(p, shared=False) == pytest.approx(1.0, abs=1e-3)
    assert lg.needed_learning_rate(p.replace(change_pace=30, acceptable_gap=20), shared=False) == pytest.approx(1.5, abs=1e-3)
    assert lg.needed_learning_rate(p.replace(change_pace=0)) == 0.0
    shared = p.replace(municipalities=14, share_quality=0.3, share_delay=0.5)
    assert lg.needed_learning_rate(shared) < lg.needed_learning_rate(shared, shared=False)


def test_when_change_speeds_up_a_longer_view_needs_a_faster_learner():
    p = LearningGapParams(acceleration=10)
    needed = [lg.needed_learning_rate(p.replace(horizon=h), shared=False, at=h) for h in (5, 10, 20, 30)]
    assert all(x is not None for x in needed) and np.all(np.diff(needed) > 0), needed
    assert lg.needed_learning_rate(p.replace(horizon=40), shared=False, at=40) is None  # beyond MAX_RATE


def test_sharing_adds_little_when_answers_arrive_late():
    """Both sides (M1): sharing is no magic; with a long delay it barely narrows the gap."""
    quick = LearningGapParams(learning_rate=1.0, municipalities=14, share_quality=0.3, share_delay=5.0)
    assert lg.steady_gap(10, 1.0, 14, 0.3, 5.0) > 0.99 * lg.steady_gap(10, 1.0)
    assert lg.gap(quick, [20])[0] > 0.99 * lg.gap(quick.alone(), [20])[0]
    poor = LearningGapParams(municipalities=14, share_quality=0.0)
    assert lg.gap(poor, [20])[0] == lg.gap(poor.alone(), [20])[0]


def test_default_numbers_the_notebook_reports():
    """The default run: alone the gap settles at 20 (twice the acceptable 10), a learning rate of 1
    keeps it at 10; fourteen municipalities sharing (q 0.3, half a year) settle near 8 and need ~0.36."""
    p = LearningGapParams()
    s = lg.summarise(p)
    assert s.steady and s.long_run_alone == pytest.approx(20.0) and s.needed_alone == pytest.approx(1.0, abs=1e-3)
    assert s.trend_alone == 0
    s14 = lg.summarise(p.replace(municipalities=14))
    assert s14.long_run_shared == pytest.approx(8.1, abs=0.05)
    assert s14.needed_shared == pytest.approx(0.36, abs=0.01)
    fast = lg.summarise(p.replace(acceleration=10))
    assert not fast.steady and fast.trend_alone == 1 and fast.gap_end_alone == pytest.approx(113, abs=1)


@FAST
@given(params(), st.floats(0.0, 40.0))
def test_gap_for_many_rates_at_once_is_the_same_formula(p, at):
    rates = np.array([0.0, 0.05, 0.5, 1.7, 3.0, lg.MAX_RATE])
    one_by_one = np.array([lg.gap(p.replace(learning_rate=r), [at])[0] for r in rates])
    assert np.allclose(lg.gap_at_rates(p, at, rates), one_by_one, rtol=1e-12, atol=1e-9)


def test_a_tiny_learning_rate_and_sharing_quality_give_a_long_run_gap_not_nan():
    """hypothesis found it: with a subnormal learning rate and share quality, 1 - q rounded to 1 made the sharing
    factor 0 and the long-run gap inf * 0 = nan (a summary then differed from itself). Its limit is c / r."""
    import math

    assert lg.steady_gap(1.0, 5e-324, 2, 5e-324, 0.0) == math.inf
    assert math.isclose(lg.steady_gap(2.0, 0.5, 3, 1e-300, 0.0), 4.0)  # sharing nearly nothing: as alone
    p = lg.LearningGapParams(change_pace=1.0, acceleration=0.0, learning_rate=5e-324, municipalities=2,
                             share_quality=5e-324, share_delay=0.0, initial_gap=0.0, acceptable_gap=10.0, horizon=20)
    assert lg.summarise(p) == lg.summarise(p)
