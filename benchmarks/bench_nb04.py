"""Benchmark: how long one slider move in notebook 04 takes in the kernel (target: p95 < 100 ms).

What is timed is what a student's slider move runs: setting ``slider.value`` calls the observe
handler synchronously, which recomputes the model (``wakker.models.planning_machine``: the sweep and its summary, unless
only the speed moved, and the chosen speed), rewrites the Dutch
sentence and updates the plotly ``FigureWidget`` in place (``batch_update``), and -- in a
kernel -- serialises the widget and figure messages. Values are drawn at random inside each
slider's range for every repetition, so no cache can flatter the numbers (the speed slider
does reuse the sweep, as it does in the notebook: the sweep does not depend on the chosen speed).

By default the measurement runs inside a real ipykernel (started with jupyter_client), so comm
messages are sent as in JupyterLab; the browser's drawing time is not included.
``--in-process`` measures in this process instead (no comm traffic).

Run: .venv/bin/python benchmarks/bench_nb04.py [--reps 200] [--in-process]
"""
from __future__ import annotations

import sys
from pathlib import Path

TARGET_MS = 100.0


def measure(reps: int = 200, seed: int = 0) -> list[dict]:
    """Time slider moves of the planning explorer and of the week sliders; one dict per case."""

    import numpy as np

    from wakker import ui
    from wakker.core.journal import Journal
    from wakker.lessons import planning_machine as nb04
    from wakker.models import planning_machine as pl
    from wakker.ui.saving import pending

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import timed

    rng = np.random.default_rng(seed)
    specs = pl.parameter_specs()

    def draw(name: str):
        s = specs[name]
        if name in ("n_movements", "seed"):
            return int(rng.integers(int(s.low) // int(s.step), int(s.high) // int(s.step) + 1) * int(s.step))
        if s.log_scale:
            return float(10 ** rng.uniform(np.log10(s.low), np.log10(s.high)))
        return float(round(rng.uniform(s.low, s.high) / s.step) * s.step)

    run = timed  # one row: a warm-up, then p50/p95/max in ms (benchmarks/_kernel.py)

    results = []
    ex = nb04.PlanningExplorer()
    results.append(run("explorer: tempo van verandering", lambda v: setattr(ex.sliders["speed_of_change"], "value", v),
                       [draw("speed_of_change") for _ in range(reps + 1)]))
    for name in ("delay_order3", "ownership_growth_rate", "base_lifetime"):
        results.append(run(f"explorer: {name}", lambda v, n=name: setattr(ex.sliders[n], "value", v),
                           [draw(name) for _ in range(reps + 1)]))
    names = [n for n in specs if n != "n_movements"]
    picks = [(n, draw(n)) for n in rng.choice(names, size=reps + 1)]
    results.append(run("explorer: willekeurig schuifje", lambda nv: setattr(ex.sliders[nv[0]], "value", nv[1]), picks))
    ex.reset()
    ex.sliders["n_movements"].value = 2000
    results.append(run("explorer: delay_order3, n=2000", lambda v: setattr(ex.sliders["delay_order3"], "value", v),
                       [draw("delay_order3") for _ in range(reps + 1)]))

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        page = ui.Page(nb04.NOTEBOOK, journal=Journal(Path(tmp) / "j.sqlite"))
        week = nb04.MyWeek(page, delay=3600)  # saving is debounced in the notebook; not timed here
        moves = [(str(rng.choice(["nu", "gewenst"])), int(rng.integers(4)), int(rng.integers(0, 101)))
                 for _ in range(reps + 1)]
        results.append(run("mijn week: schuifje (+3 mee)", lambda m: week.set(*m), moves))
        pending.timers.clear()
    return results


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, 'notebook 04 slider callbacks', reps=200, target_ms=TARGET_MS, timeout=600)


if __name__ == "__main__":
    main()
