"""Benchmark: one 30-season run of the commons model (wakker.models.commons) against the 100 ms kernel target.

One "run" = ``commons.simulate`` for 30 seasons: what a slider move or a switch in notebook 01 recomputes
before its plot is updated (rendering is not included). Parameters are drawn at random inside the
slider ranges, and the six principles at random, for every repetition, so caching cannot flatter the
numbers; the largest village (30 households) is measured separately.

Run: .venv/bin/python benchmarks/bench_commons.py [--reps 500]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from wakker.models import commons as cm

TARGET_MS = 100.0


def random_params(rng: np.random.Generator, households: int | None) -> cm.CommonsParams:
    """Parameters drawn uniformly within each slider range (30 seasons; households fixed when given)."""
    values = {}
    for name, spec in cm.parameter_specs().items():
        if spec.is_int:
            values[name] = int(rng.integers(int(spec.low), int(spec.high) + 1))
        else:
            values[name] = float(rng.uniform(spec.low, spec.high))
    values["seasons"] = 30
    values["growth"] = max(values["growth"], 0.05)
    if households is not None:
        values["households"] = households
    return cm.CommonsParams(**values)


def run(reps: int, households: int | None, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    cm.simulate(cm.CommonsParams(), cm.Principles.all_on())  # warm-up
    times = np.empty(reps)
    for i in range(reps):
        p = random_params(rng, households)
        pr = cm.Principles(*(bool(b) for b in rng.integers(0, 2, 6)))
        t0 = time.perf_counter()
        cm.simulate(p, pr)
        times[i] = (time.perf_counter() - t0) * 1000.0
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=500)
    args = ap.parse_args()
    cases = [("one run, 30 seasons, random village", None), ("one run, 30 seasons, 30 households", 30)]
    header = f"{'case':<40}{'reps':>6}{'p50 ms':>9}{'p95 ms':>9}{'target ms':>11}{'p95/target':>12}"
    print(header)
    print("-" * len(header))
    for label, households in cases:
        t = run(args.reps, households)
        p50, p95 = np.percentile(t, [50, 95])
        print(f"{label:<40}{args.reps:>6}{p50:>9.2f}{p95:>9.2f}{TARGET_MS:>11.0f}{p95 / TARGET_MS:>12.3f}")


if __name__ == "__main__":
    main()
