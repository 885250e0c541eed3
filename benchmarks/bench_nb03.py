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
    import time

    import numpy as np

    from wakker.lessons import river_not_canal

    rng = np.random.default_rng(seed)

    def moves(slider, n: int) -> list:
        lo, hi, step = slider.min, slider.max, slider.step
        k = int(round((hi - lo) / step))
        out, last = [], slider.value
        while len(out) < n and k > 0:
            v = lo + int(rng.integers(0, k + 1)) * step
            v = round(v, 6) if isinstance(step, float) else int(v)
            if v != last:
                out.append(v)
                last = v
        return out

    def stats(label: str, times) -> dict:
        p50, p95, worst = np.percentile(times, [50, 95, 100])
        return {"case": label, "reps": len(times), "p50": float(p50), "p95": float(p95), "max": float(worst)}

    results = []
    for label, make in (("03 rivier", river_not_canal.RiverExplorer), ("03 menigte", river_not_canal.CrowdExplorer)):
        view = make()
        for name, control in view.panel.sliders.items():
            slider = control.slider
            values = moves(slider, reps + 1)
            if not values:
                continue
            start = slider.value
            slider.value = values[0]  # warm-up
            times = np.empty(len(values) - 1)
            for i, v in enumerate(values[1:]):
                t0 = time.perf_counter()
                slider.value = v
                times[i] = (time.perf_counter() - t0) * 1000.0
            slider.value = start
            results.append(stats(f"{label}: {name}", times))
        for name, box in getattr(view, "switches", {}).items():
            times = np.empty(reps)
            for i in range(reps):
                t0 = time.perf_counter()
                box.value = not box.value
                times[i] = (time.perf_counter() - t0) * 1000.0
            box.value = False
            results.append(stats(f"{label}: {name}", times))
    return results


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, "notebook 03: one slider move", reps=40, target_ms=TARGET_MS, timeout=900)


if __name__ == "__main__":
    main()
