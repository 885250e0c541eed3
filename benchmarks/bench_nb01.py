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
    import time

    import numpy as np

    from wakker.lessons import village_commons as nb01

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

    def timed(label: str, setter, values) -> dict:
        setter(values[0])  # warm-up
        times = np.empty(len(values) - 1)
        for i, v in enumerate(values[1:]):
            t0 = time.perf_counter()
            setter(v)
            times[i] = (time.perf_counter() - t0) * 1000.0
        p50, p95, worst = np.percentile(times, [50, 95, 100])
        return {"case": label, "reps": len(times), "p50": float(p50), "p95": float(p95), "max": float(worst)}

    results = []
    explorer = nb01.CommonsExplorer()
    explorer.set_principles(**{n: True for n in ("quota", "monitoring", "sanctions")})  # a run with rules
    for name, control in explorer.panel.sliders.items():
        slider = control.slider
        start = slider.value
        results.append(timed(f"01 dorpsweide: {name}", lambda v, s=slider: setattr(s, "value", v), moves(slider, reps + 1)))
        slider.value = start
    for name, box in explorer.switches.items():
        flips = [bool(i % 2) for i in range(reps + 1)]
        results.append(timed(f"01 dorpsweide: principe {name}", lambda v, b=box: setattr(b, "value", v), flips))
    tip = nb01.TippingView()
    for name, control in tip.sliders.items():
        slider = control.slider
        results.append(timed(f"01 kantelpunt: {name}", lambda v, s=slider: setattr(s, "value", v), moves(slider, reps + 1)))
    return results


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, "notebook 01: one slider move or switch", reps=40, target_ms=TARGET_MS,
                  timeout=900)


if __name__ == "__main__":
    main()
