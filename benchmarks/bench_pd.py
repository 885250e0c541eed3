"""Benchmark for wakker.pd: round robin and Case-style evolution against the targets.

Run: .venv/bin/python benchmarks/bench_pd.py [--check]

Prints, per case, the median and best wall time over several runs, the ratio
median / target (must be below 1) and, for the round robin, the speed-up over
the Axelrod library's reference time (0.65-0.9 s serial for the same round
robin; quoted, not measured here: the Axelrod library is not a dependency).
With --check the exit status is 1 when a median misses its target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from wakker import pd as P

EIGHT = list(P.CLASSICS)  # Case's eight characters, including random
AXELROD_REFERENCE = (0.65, 0.90)  # seconds, Axelrod library, serial


def measure(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), min(times)


def fmt_time(s: float) -> str:
    return f"{s * 1e3:8.2f} ms" if s < 1 else f"{s:8.3f} s "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a median misses its target")
    parser.add_argument("--repeat", type=int, default=50, help="runs per round-robin case")
    args = parser.parse_args()

    population = {s: 3 for s in EIGHT} | {"tit_for_tat": 4}  # 25 individuals, stochastic (random)
    deterministic = {s: 5 for s in ["tit_for_tat", "always_defect", "always_cooperate", "grudger", "detective"]}
    cases = [
        ("round robin 8x8 self-play, 200 rounds x 10 reps, no noise",
         lambda: P.tournament(EIGHT, 200, 10, P.AXELROD, 0.0, seed=1), 5e-3, True, args.repeat),
        ("round robin 8x8 self-play, 200 rounds x 10 reps, 5% noise",
         lambda: P.tournament(EIGHT, 200, 10, P.AXELROD, 0.05, seed=1), 5e-3, True, args.repeat),
        ("  same, 5% noise, including the ranking DataFrame",
         lambda: P.tournament(EIGHT, 200, 10, P.AXELROD, 0.05, seed=1).ranking, 5e-3, True, args.repeat),
        ("evolution 25 members, 1000 gen, 10 rounds, deterministic, no noise",
         lambda: P.evolve(deterministic, 1000, 10, P.CASE, 0.0, seed=1), 1.0, False, 5),
        ("evolution 25 members (8 incl. random), 1000 gen, 10 rounds, no noise",
         lambda: P.evolve(population, 1000, 10, P.CASE, 0.0, seed=1), 1.0, False, 5),
        ("evolution 25 members (8 incl. random), 1000 gen, 10 rounds, 5% noise",
         lambda: P.evolve(population, 1000, 10, P.CASE, 0.05, seed=1), 1.0, False, 5),
    ]
    header = f"{'case':70s} {'median':>11s} {'best':>11s} {'target':>11s} {'med/target':>10s} {'vs Axelrod (0.65-0.9 s)':>24s}"
    print(header)
    print("-" * len(header))
    ok = True
    for name, fn, target, vs_axelrod, repeat in cases:
        med, best = measure(fn, repeat)
        ratio = med / target
        ok &= ratio < 1
        axl = f"{AXELROD_REFERENCE[0] / med:6.0f}x - {AXELROD_REFERENCE[1] / med:.0f}x faster" if vs_axelrod else ""
        print(f"{name:70s} {fmt_time(med):>11s} {fmt_time(best):>11s} {fmt_time(target):>11s} {ratio:10.2f} {axl:>24s}")
    print()
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
