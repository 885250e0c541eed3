"""Benchmark: one slider move or switch in the models of notebook 01, in the kernel (target: p95 < 100 ms).

Every slider of the dorpsweide explorer (also those under "Meer aannames"), every design-principle
switch, and the two sliders of the tipping point are moved to random values. What is timed is what a
student's move runs: the observe handler recomputes the model (twice in the explorer: with the chosen
principles and without rules), rewrites the Dutch sentence and updates the in-place figure; in a kernel
the widget and figure messages are sent too. The browser's drawing is not included.

Run: .venv/bin/python benchmarks/bench_nb01.py [--reps 40] [--in-process]
"""
from __future__ import annotations

import sys
from pathlib import Path

TARGET_MS = 100.0


def measure(reps: int = 40, seed: int = 0) -> list[dict]:
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import time_sliders, time_switches

    from wakker.lessons import village_commons as nb01

    rng = np.random.default_rng(seed)
    explorer = nb01.CommonsExplorer()
    explorer.set_principles(**{n: True for n in ("quota", "monitoring", "sanctions")})  # a run with rules
    results = time_sliders("01 dorpsweide", explorer.panel.sliders, reps, rng)
    results += time_switches("01 dorpsweide principe", explorer.switches, reps)
    results += time_sliders("01 kantelpunt", nb01.TippingView().sliders, reps, rng)
    return results


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, "notebook 01: one slider move or switch", reps=40, target_ms=TARGET_MS,
                  timeout=900)


if __name__ == "__main__":
    main()
