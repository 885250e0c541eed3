"""Benchmark: one slider move (or switch) in the two models of notebook 03, in the kernel (target: p95 < 100 ms).

For both model views of the lesson ``river_not_canal`` (the river: ``RiverExplorer``; the crowd:
``CrowdExplorer``), every slider of the parameter panel (also those under "Meer aannames") is moved to random
values inside its range, and the river's two switches are flipped. What is timed is what a student's move runs:
the observe handler recomputes the model (the river also over 50 rivers for its sentence; the crowd's error
curve when something other than the crowd size changed), rewrites the Dutch sentence and updates the in-place
figure; in a kernel the widget and figure messages are serialised and sent too. The browser's drawing is not
included.

Run: .venv/bin/python benchmarks/bench_nb03.py [--reps 40] [--in-process]
"""
from __future__ import annotations

import sys
from pathlib import Path

TARGET_MS = 100.0


def measure(reps: int = 40, seed: int = 0) -> list[dict]:
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import time_sliders, time_switches

    from wakker.lessons import river_not_canal

    rng = np.random.default_rng(seed)
    results = []
    for label, make in (("03 rivier", river_not_canal.RiverExplorer), ("03 menigte", river_not_canal.CrowdExplorer)):
        view = make()
        results += time_sliders(label, view.panel.sliders, reps, rng)
        results += time_switches(label, getattr(view, "switches", {}), reps)
    return results


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, "notebook 03: one slider move", reps=40, target_ms=TARGET_MS, timeout=900)


if __name__ == "__main__":
    main()
