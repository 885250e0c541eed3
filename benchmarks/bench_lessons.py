"""Benchmark: one slider move in the models of notebooks 05, 06 and 08, in the kernel (target: p95 < 100 ms).

For every model view of those lessons (05: the trust game explorer and the breach view; 06: the learning gap;
08: the rule-or-room model, the trust playground and the two governments), every slider of its parameter panel
(also those under "Meer instellingen") is moved to random values inside its range. What is timed is what a
student's move runs: the observe handler recomputes the model, rewrites the Dutch sentence and updates the
in-place figure (``wakker.ui.figure.LiveFigure``); in a kernel the widget and figure messages are serialised
and sent too. The browser's drawing is not included (that is ``bench_browser.py``).

By default the measurement runs inside a real ipykernel (started with jupyter_client), as bench_nb07.py does.
``--in-process`` measures in this process instead (no comm traffic).

Run: .venv/bin/python benchmarks/bench_lessons.py [--reps 40] [--in-process]
"""
from __future__ import annotations

import sys
from pathlib import Path

TARGET_MS = 100.0


def measure(reps: int = 40, seed: int = 0) -> list[dict]:
    """Time every slider of every model view of 05, 06 and 08 (``reps`` moves each)."""
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import time_sliders

    from wakker.lessons import giving_trust, rules_and_trust, social_innovation

    rng = np.random.default_rng(seed)
    views = [
        ("05 vertrouwensspel", giving_trust.TrustExplorer),
        ("05 breuk", giving_trust.BreachView),
        ("06 leerkloof", social_innovation.GapExplorer),
        ("08 regel of ruimte", rules_and_trust.RoomExplorer),
        ("08 vertrouwen leren", rules_and_trust.TrustPlayground),
        ("08 twee overheden", rules_and_trust.GovernmentComparison),
    ]
    return [row for label, make in views for row in time_sliders(label, make().panel.sliders, reps, rng)]


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    callback_main(Path(__file__), measure, 'notebooks 05, 06, 08: one slider move', reps=40, target_ms=TARGET_MS, timeout=900)


if __name__ == "__main__":
    main()
