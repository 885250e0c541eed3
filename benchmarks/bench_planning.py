"""Benchmark: what one slider move in notebook 04 recomputes (wakker.models.planning_machine).

One "recompute" = sweep over 50 speeds x 4 responders + its summary (one pivot: values per
speed, winner ranges, crossover speed) + the single-speed results: everything the planning
explorer's slider callback computes before updating its plot (rendering is not included). Parameters are drawn at
random inside the slider ranges for every repetition, so caching cannot flatter the numbers.
The explorer uses the array form (``sweep_arrays``/``simulate_arrays``, no pandas); the rows marked
"DataFrame" time the same numbers through ``sweep``/``simulate`` (the public DataFrame API), for comparison.

Run: .venv/bin/python benchmarks/bench_planning.py [--reps 200]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from wakker.models import planning_machine as pl

TARGET_MS = 100.0


def random_params(rng: np.random.Generator, n_movements: int) -> pl.PlanningParams:
    """Parameters drawn uniformly within each slider range (n_movements fixed)."""
    values = {}
    for name, spec in pl.parameter_specs().items():
        if name == "n_movements":
            values[name] = n_movements
        elif spec.is_int:  # seed, both_planned_order: whole numbers
            values[name] = int(rng.integers(spec.low, spec.high + 1))
        elif spec.log_scale:
            values[name] = float(np.exp(rng.uniform(np.log(spec.low), np.log(spec.high))))
        else:
            values[name] = float(rng.uniform(spec.low, spec.high))
    return pl.PlanningParams(**values)


def recompute(p: pl.PlanningParams, speeds: np.ndarray) -> None:
    """What the explorer computes for one slider move (arrays, as in notebook 04)."""
    pl.summarise_sweep(pl.sweep_arrays(p, speeds))
    pl.simulate_arrays(p)


def recompute_frames(p: pl.PlanningParams, speeds: np.ndarray) -> None:
    """The same numbers through the DataFrame API."""
    pl.summarise_sweep(pl.sweep(p, speeds))
    pl.simulate(p)


def run(reps: int, n_movements: int, n_speeds: int, seed: int = 0, recompute=recompute) -> np.ndarray:
    rng = np.random.default_rng(seed)
    speeds = pl.default_speeds(n_speeds)
    recompute(pl.PlanningParams(n_movements=n_movements), speeds)  # warm-up
    times = np.empty(reps)
    for i in range(reps):
        p = random_params(rng, n_movements)
        t0 = time.perf_counter()
        recompute(p, speeds)
        times[i] = (time.perf_counter() - t0) * 1000.0
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=200)
    args = ap.parse_args()
    cases = [(200, 50), (500, 50), (2000, 50), (2000, 100)]
    header = f"{'case':<36}{'reps':>6}{'p50 ms':>9}{'p95 ms':>9}{'target ms':>11}{'p95/target':>12}"
    print(header)
    print("-" * len(header))
    for how, func in (("", recompute), (" DataFrame", recompute_frames)):
        for n_movements, n_speeds in cases:
            t = run(args.reps, n_movements, n_speeds, recompute=func)
            p50, p95 = np.percentile(t, [50, 95])
            label = f"recompute{how} n={n_movements}, {n_speeds} sp."
            print(f"{label:<36}{args.reps:>6}{p50:>9.2f}{p95:>9.2f}{TARGET_MS:>11.0f}"
                  f"{p95 / TARGET_MS:>12.3f}")


if __name__ == "__main__":
    main()
