"""Benchmark: the models of notebook 03 (wakker.models.moving_target and wakker.models.crowd).

Times what a slider move in notebook 03 could recompute, per call, in milliseconds, against the
100 ms target for a slider callback (lesson guide): one ``simulate()`` of each model, one
``compare()`` over the seeds a notebook would use (50 and 200), and one ``error_of_mean()`` over
the default crowd sizes (25 sizes up to 2000 people, 200 crowds each). Parameters are drawn at
random inside the slider ranges for every repetition. ``error_of_mean`` summarises its draws once
per seed (an exact shortcut, see wakker.models.crowd), so it is timed twice: with a new seed every
time (nothing cached: the worst case) and with the seed fixed (what a slider other than the seed costs).
Rendering is not included: see benchmarks/bench_lessons.py for the kernel p95 per slider.

Run: .venv/bin/python benchmarks/bench_nb03_models.py [--reps 100]
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from wakker.models import crowd as cr
from wakker.models import moving_target as mt

TARGET_MS = 100.0


def random_values(rng: np.random.Generator, specs) -> dict:
    values = {}
    for name, spec in specs.items():
        if spec.is_int:
            values[name] = int(rng.integers(spec.low, spec.high + 1))
        elif spec.log_scale:
            values[name] = float(np.exp(rng.uniform(np.log(spec.low), np.log(spec.high))))
        else:
            values[name] = float(rng.uniform(spec.low, spec.high))
    return values


def moving_params(rng: np.random.Generator, steps: int | None = None) -> mt.MovingTargetParams:
    values = random_values(rng, mt.parameter_specs())
    if steps is not None:
        values["steps"] = steps
    return mt.MovingTargetParams(irreversible=bool(rng.integers(2)), forecast=bool(rng.integers(2)), **values)


def crowd_params(rng: np.random.Generator) -> cr.CrowdParams:
    return cr.CrowdParams(**random_values(rng, cr.parameter_specs()))


def timed(make, call, reps: int, rng: np.random.Generator) -> np.ndarray:
    call(make(rng))  # warm-up
    times = np.empty(reps)
    for i in range(reps):
        p = make(rng)
        t0 = time.perf_counter()
        call(p)
        times[i] = (time.perf_counter() - t0) * 1000.0
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=100)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    cases = [
        ("moving_target.simulate (steps 40)", lambda r: moving_params(r, 40), mt.simulate),
        ("moving_target.simulate (steps random, max 200)", moving_params, mt.simulate),
        ("moving_target.compare, 50 seeds (steps 40)", lambda r: moving_params(r, 40),
         lambda p: mt.compare(p, range(50))),
        ("moving_target.compare, 200 seeds (steps 40)", lambda r: moving_params(r, 40),
         lambda p: mt.compare(p, range(200))),
        ("moving_target.compare, 50 seeds (steps max 200)", lambda r: moving_params(r, mt.MAX_STEPS),
         lambda p: mt.compare(p, range(50))),
        ("crowd.simulate", crowd_params, cr.simulate),
        ("crowd.error_of_mean, new seed (25 sizes, 200 crowds)", crowd_params,
         lambda p: cr.error_of_mean(p, reps=200)),
        ("crowd.error_of_mean, same seed (a slider move)", lambda r: crowd_params(r).replace(seed=1),
         lambda p: cr.error_of_mean(p, reps=200)),
    ]
    print(f"{'call':52s} {'median ms':>10s} {'p95 ms':>8s} {'p95 / target':>13s}")
    for name, make, call in cases:
        t = timed(make, call, args.reps, rng)
        p95 = float(np.percentile(t, 95))
        print(f"{name:52s} {np.median(t):10.2f} {p95:8.2f} {p95 / TARGET_MS:13.3f}")
    print(f"target: {TARGET_MS:.0f} ms per slider callback (ratio < 1 = within target)")


if __name__ == "__main__":
    main()
