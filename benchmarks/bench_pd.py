"""Benchmark for wakker.models.prisoners_dilemma: round robin and Case-style evolution against the targets.

Run: .venv/bin/python benchmarks/bench_pd.py [--check]

Prints, per case, the median and best wall time over several runs, the ratio
median / target (must be below 1) and, for the round robin, the speed-up over
the Axelrod library's reference time (0.65-0.9 s serial for the same round
robin; quoted here, measured when --axelrod-python is given, see below).
With --check the exit status is 1 when a median misses its target.

Side by side with the Axelrod library: it is not a dependency (it pulls in PyTorch), so it
lives in a separate environment. Point --axelrod-python (or AXELROD_PYTHON) at a Python that
has ``axelrod==4.14.0``; the same 8-strategy round robin (self-play, 200 rounds, 10
repetitions, no mistakes, deterministic strategies) then runs there serially, and the table
shows both times, the ratio and the largest difference between the two payoff matrices.
One way to make such an environment (outside the project; torch's CPU wheel first):
``python3 -m venv /tmp/axl && /tmp/axl/bin/pip install torch==2.13.0 && /tmp/axl/bin/pip install axelrod==4.14.0``

The model no longer imports pandas (only its tables do), so the first rows run before anything has
loaded it. In a bare process they then measure 15-25 % slower than when pandas was imported at the
top: glibc's malloc keeps its default 128 KiB mmap threshold until some large block is freed, and
pandas' import used to raise it. In a notebook kernel (widgets and plotly loaded, no pandas) the round
robin is as fast as with pandas, and so is this script with ``MALLOC_MMAP_THRESHOLD_=33554432``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from wakker.models import prisoners_dilemma as P

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


# The same eight deterministic strategies in both libraries, in the same order.
SIDE_BY_SIDE = ["always_cooperate", "always_defect", "tit_for_tat", "grudger", "tit_for_two_tats",
                "win_stay_lose_shift", "suspicious_tit_for_tat", "alternator"]
AXELROD_SCRIPT = """
import json, time
import axelrod as axl
players = [axl.Cooperator(), axl.Defector(), axl.TitForTat(), axl.Grudger(), axl.TitFor2Tats(),
           axl.WinStayLoseShift(), axl.SuspiciousTitForTat(), axl.Alternator()]
out = {"version": axl.__version__}
for noise in (0.0, 0.05):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        res = axl.Tournament(players, turns=200, repetitions=10, noise=noise, seed=1).play(
            progress_bar=False, processes=None)
        times.append(time.perf_counter() - t)
    out[str(noise)] = {"seconds": sorted(times)[1], "matrix": res.payoff_matrix}
print(json.dumps(out))
"""


def side_by_side(python: str) -> None:
    """Run the Axelrod library in its own environment and compare time and results with ours."""
    done = subprocess.run([python, "-c", AXELROD_SCRIPT], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        print(f"Axelrod side by side: could not run {python}: {done.stderr.strip()[-300:]}")
        return
    theirs = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"side by side, 8 deterministic strategies, self-play, 200 rounds x 10 reps (Axelrod {theirs['version']}, "
          f"serial):")
    for noise in (0.0, 0.05):
        ax = theirs[str(noise)]
        ours_med, _ = measure(lambda: P.tournament(SIDE_BY_SIDE, 200, 10, P.AXELROD, noise, seed=1), 50)
        line = (f"  {noise:4.0%} mistakes: Axelrod {fmt_time(ax['seconds']).strip()}, wakker "
                f"{fmt_time(ours_med).strip()}: wakker is {ax['seconds'] / ours_med:.0f}x faster")
        if noise == 0:
            ours = P.tournament(SIDE_BY_SIDE, 200, 10, P.AXELROD, 0.0, seed=1).matrix.to_numpy()
            diff = max(abs(ours[i][j] - ax["matrix"][i][j]) for i in range(8) for j in range(8))
            line += f"; largest difference in mean payoff per round {diff:.1e}{' (identical)' if diff < 1e-9 else ''}"
        else:
            line += " (random streams differ, so only the time is compared)"
        print(line)


def fmt_time(s: float) -> str:
    return f"{s * 1e3:8.2f} ms" if s < 1 else f"{s:8.3f} s "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a median misses its target")
    parser.add_argument("--repeat", type=int, default=50, help="runs per round-robin case")
    parser.add_argument("--axelrod-python", default=os.environ.get("AXELROD_PYTHON"),
                        help="a Python with axelrod==4.14.0 installed, for a side-by-side run")
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
    if args.axelrod_python:
        side_by_side(args.axelrod_python)
    else:
        print("(no side-by-side run: pass --axelrod-python or set AXELROD_PYTHON, see the docstring)")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
