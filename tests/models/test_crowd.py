"""The crowd model of notebook 03 (wakker.models.crowd): Galton's figures, the anchor curves, the claims.

Anchors (issue 17, lesson guide M5; literature brief section 6):
* independent, unbiased errors: the RMS error of the mean is ``sigma / sqrt(n)`` (the standard
  error of a mean), checked over many simulated crowds;
* with correlation ``rho`` between guesses it levels off near ``sigma * sqrt(rho)``;
* a shared bias never averages away;
* Galton (1907): 787 usable guesses, median 1207 lb, truth 1198 lb (within 1 %); the 1197 mean
  (Galton, "The Ballot-Box", 1907; retold by Surowiecki) is a different aggregate.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.models import crowd as cr
from wakker.models.crowd import CrowdParams as C

NS = [1, 4, 16, 64, 256, 1024]


# ---------------------------------------------------------------- Galton's figures
def test_galtons_figures_and_the_circulating_mean_differ():
    assert cr.GALTON_USABLE == 787 and cr.GALTON_MEDIAN == 1207 and cr.GALTON_TRUTH == 1198
    assert cr.SUROWIECKI_MEAN == 1197 and cr.SUROWIECKI_MEAN != cr.GALTON_MEDIAN
    assert abs(cr.GALTON_MEDIAN - cr.GALTON_TRUTH) / cr.GALTON_TRUTH < 0.01
    assert C().n == cr.GALTON_USABLE and C().truth == cr.GALTON_TRUTH
    assert "1197" in cr.__doc__ and "Surowiecki" in cr.__doc__ and "median" in cr.__doc__


# ---------------------------------------------------------------- metadata and validation
def test_defaults_lie_in_their_ranges():
    for name, spec in cr.parameter_specs().items():
        assert spec.low <= spec.default <= spec.high, name


@pytest.mark.parametrize("bad", [dict(n=0), dict(n=10.5), dict(herding=1.0), dict(herding=-0.1),
                                 dict(spread=math.inf), dict(bias="veel"), dict(expert_spread=-1.0)])
def test_invalid_parameters_give_a_dutch_message_that_names_them(bad):
    with pytest.raises(ValueError) as info:
        C(**bad)
    name = next(iter(bad))
    assert info.value.names == (name,) and f"'{name}' moet" in str(info.value)


def test_a_seed_gives_the_same_crowd_and_a_larger_crowd_adds_people():
    a, b = cr.simulate(C(seed=3)), cr.simulate(C(seed=3))
    assert np.array_equal(a.guesses, b.guesses) and a.expert == b.expert
    assert not np.array_equal(a.guesses, cr.simulate(C(seed=4)).guesses)
    small = cr.simulate(C(seed=3, n=100))
    assert np.array_equal(small.guesses, a.guesses[:100])


def test_a_run_reports_median_mean_and_errors_of_its_own_guesses():
    run = cr.simulate(C(seed=2, n=301, bias=20.0))
    assert run.median == pytest.approx(np.sort(run.guesses)[150])
    assert run.mean == pytest.approx(run.guesses.sum() / 301)
    assert run.median_error == pytest.approx(run.median - 1198) and run.mean_error == pytest.approx(run.mean - 1198)
    assert np.allclose(run.errors, run.guesses - 1198)


def test_each_guess_has_the_set_spread_and_pairs_the_set_correlation():
    # over many crowds (seeds): sd of one person's guess and correlation of two people's guesses
    for rho in (0.0, 0.3, 0.7):
        first = np.array([cr.simulate(C(seed=s, n=2, herding=rho, spread=50.0)).guesses for s in range(3000)])
        assert first[:, 0].std() == pytest.approx(50.0, rel=0.05)
        assert np.corrcoef(first[:, 0], first[:, 1])[0, 1] == pytest.approx(rho, abs=0.05)


# ---------------------------------------------------------------- anchor curves
def test_independent_unbiased_errors_shrink_like_sigma_over_root_n():
    curve = cr.error_of_mean(C(spread=60.0), NS, reps=3000)
    assert np.allclose(curve.mean, 60.0 / np.sqrt(NS), rtol=0.05)
    assert curve.floor == 0.0


@pytest.mark.parametrize("rho", [0.05, 0.2, 0.5])
def test_with_herding_the_error_levels_off_near_sigma_root_rho(rho):
    curve = cr.error_of_mean(C(spread=60.0, herding=rho, seed=7), NS, reps=3000)
    assert curve.mean[-1] == pytest.approx(60.0 * math.sqrt(rho), rel=0.1)
    assert curve.floor == pytest.approx(60.0 * math.sqrt(rho))
    # beyond a few hundred people, quadrupling the crowd changes almost nothing
    assert curve.mean[-1] / curve.mean[-2] > 0.95


@pytest.mark.parametrize("bias", [-40.0, 15.0])
def test_a_shared_bias_never_averages_away(bias):
    curve = cr.error_of_mean(C(spread=60.0, bias=bias, seed=3), NS, reps=2000)
    assert np.all(curve.mean >= abs(bias) * 0.99)
    assert curve.mean[-1] == pytest.approx(abs(bias), rel=0.05)
    runs = [cr.simulate(C(seed=s, n=2000, bias=bias)) for s in range(50)]
    assert np.mean([r.mean_error for r in runs]) == pytest.approx(bias, abs=3.0)


def test_the_closed_form_agrees_with_the_simulation():
    for kw in (dict(herding=0.1, bias=10.0), dict(herding=0.0, bias=-5.0), dict(herding=0.4)):
        curve = cr.error_of_mean(C(spread=80.0, seed=11, **kw), NS, reps=3000)
        assert np.allclose(curve.mean, curve.theory, rtol=0.08), kw


def test_the_median_of_a_normal_crowd_is_a_little_worse_than_the_mean():
    curve = cr.error_of_mean(C(spread=60.0), [101, 1001], reps=3000)
    assert np.allclose(curve.median / curve.mean, math.sqrt(math.pi / 2), rtol=0.08)


# ---------------------------------------------------------------- claims (over seeds)
def test_a_large_independent_crowd_beats_a_good_expert_and_a_herding_one_need_not():
    wise = [cr.simulate(C(seed=s, expert_spread=20.0)).crowd_beats_expert for s in range(200)]
    herd = [cr.simulate(C(seed=s, expert_spread=20.0, herding=0.5)).crowd_beats_expert for s in range(200)]
    biased = [cr.simulate(C(seed=s, expert_spread=20.0, bias=50.0)).crowd_beats_expert for s in range(200)]
    assert np.mean(wise) > 0.8
    assert np.mean(herd) < 0.6 and np.mean(biased) < 0.2


def test_the_mean_curve_does_not_depend_on_whether_medians_are_computed():
    with_median = cr.error_of_mean(C(herding=0.2), [1, 2, 10, 100], reps=300)
    without = cr.error_of_mean(C(herding=0.2), [1, 2, 10, 100], reps=300, median=False)
    assert np.array_equal(with_median.mean, without.mean) and np.all(np.isnan(without.median))
    # a crowd of one or two: the median is the mean
    assert with_median.median[:2] == pytest.approx(with_median.mean[:2])


@pytest.mark.parametrize("sizes,reps", [([0, 10], 100), ([10, cr.MAX_CROWD + 1], 100), ([], 100), ([5], 0)])
def test_impossible_curves_give_a_dutch_message(sizes, reps):
    with pytest.raises(ValueError, match="groepsgroottes"):
        cr.error_of_mean(C(), sizes, reps=reps)



@st.composite
def any_params(draw):
    """Any values the sliders of the model can take."""
    values = {}
    for name, spec in cr.parameter_specs().items():
        if spec.is_int:
            values[name] = draw(st.integers(int(spec.low), int(spec.high)))
        else:
            values[name] = draw(st.floats(spec.low, spec.high))
    return C(**values)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_params())
def test_every_slider_setting_gives_a_finite_crowd_and_curve(p):
    run = cr.simulate(p)
    assert run.guesses.shape == (p.n,) and np.all(np.isfinite(run.guesses))
    assert run.guesses.min() <= run.median <= run.guesses.max()
    assert np.isfinite(run.expert) and run.expert_error == pytest.approx(run.expert - p.truth)
    curve = cr.error_of_mean(p, [1, 10, 100], reps=20)
    assert np.all(np.isfinite(curve.mean)) and np.all(np.isfinite(curve.median))
    assert np.all(curve.theory >= curve.floor - 1e-9)


def test_the_error_curve_is_exactly_that_of_the_guesses_it_draws():
    """The curve combines per-seed summaries of standard draws; check it against the guesses themselves."""
    p = C(spread=70.0, bias=-12.0, herding=0.6, seed=9)
    sizes, reps = [1, 2, 7, 50, 400], 40
    rng = np.random.default_rng(9)  # the order the docstring documents: shared errors, then personal ones
    shared = rng.standard_normal(reps)
    own = rng.standard_normal((reps, max(sizes)))
    guesses = p.truth + p.bias + p.spread * (math.sqrt(0.6) * shared[:, None] + math.sqrt(0.4) * own)
    mean_rms = [np.sqrt(np.mean((guesses[:, :k].mean(axis=1) - p.truth) ** 2)) for k in sizes]
    median_rms = [np.sqrt(np.mean((np.median(guesses[:, :k], axis=1) - p.truth) ** 2)) for k in sizes]
    curve = cr.error_of_mean(p, sizes, reps=reps)
    assert np.allclose(curve.mean, mean_rms) and np.allclose(curve.median, median_rms)
    again = cr.error_of_mean(p.replace(spread=20.0, bias=30.0), sizes, reps=reps)  # from the cache: still right
    guesses2 = p.truth + 30.0 + 20.0 * (math.sqrt(0.6) * shared[:, None] + math.sqrt(0.4) * own)
    assert np.allclose(again.median, [np.sqrt(np.mean((np.median(guesses2[:, :k], axis=1) - p.truth) ** 2))
                                      for k in sizes])
