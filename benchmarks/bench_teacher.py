"""Benchmark: notebook 09 (for the teacher) with a class of 300 exports (target: the whole overview < 2 s).

What is timed is what the teacher's actions run, through the widgets, in a real ipykernel (comm
messages included, the browser's drawing not):

* **inlezen**: the upload widget receives 300 exports (each the JSON the export button writes,
  made in memory by ``wakker.lessons.teacher.example.example_sources``); the desk reads and checks
  them all, and every listening view (progress, overview, open answers) is redrawn;
* **hele overzicht**: after that, every notebook chosen in turn in the overview and the open
  answers (every table, chart and list of the class), then *anonymous* switched on and off;
* **klassentoernooi 30**: the class tournament of 30 students (07's settings), for comparison with
  the class tournament's own 2 s target.

Each case is repeated ``reps`` times (default 5); the table gives p50/p95/max against the 2 s target.
The views are not lazy: opening a notebook in a view computes and draws all of it (tables, CSV links,
chart, open answers), and "hele overzicht" opens every notebook in both views. The machine's load
average is printed before and after (the numbers are wall-clock times).

Run: .venv/bin/python benchmarks/bench_teacher.py [--reps 5] [--in-process]
"""
from __future__ import annotations

import sys
from pathlib import Path

TARGET_MS = 2000.0


def measure(reps: int = 5) -> list[dict]:
    import time
    from datetime import datetime, timezone

    import numpy as np

    from wakker.lessons.teacher import widgets as W
    from wakker.lessons.teacher.example import example_sources

    sources = example_sources(300, seed=5)
    value = tuple({"name": s.name, "type": "application/json", "size": s.size,
                   "last_modified": datetime.now(timezone.utc), "content": memoryview(s.data)} for s in sources)
    small = tuple(value[:30])

    def build():
        desk = W.Desk()
        views = (W.Progress(desk), W.Overview(desk), W.OpenAnswers(desk))
        return desk, views

    def whole(desk, views):
        _progress, ov, op = views
        for label, nb in ov.notebook.options:
            ov.notebook.value = nb
            op.notebook.value = nb
        desk.anonymous.value = True
        desk.anonymous.value = False

    rows = []
    times: dict[str, list[float]] = {"inlezen (300 exports, upload)": [], "hele overzicht (300 exports)": [],
                                     "inlezen + hele overzicht (300)": [], "klassentoernooi (30 studenten)": []}
    for _ in range(reps):
        desk, views = build()
        t0 = time.perf_counter()
        desk.upload.value = value
        t1 = time.perf_counter()
        whole(desk, views)
        t2 = time.perf_counter()
        assert len(desk.collection.students) == 300, len(desk.collection.students)
        times["inlezen (300 exports, upload)"].append((t1 - t0) * 1000)
        times["hele overzicht (300 exports)"].append((t2 - t1) * 1000)
        times["inlezen + hele overzicht (300)"].append((t2 - t0) * 1000)
        desk30 = W.Desk()
        tour = W.Tournament(desk30)
        desk30.upload.value = small
        t3 = time.perf_counter()
        assert tour.play() is not None
        times["klassentoernooi (30 studenten)"].append((time.perf_counter() - t3) * 1000)
    for case, xs in times.items():
        a = np.array(xs)
        rows.append({"case": case, "reps": len(xs), "p50": float(np.percentile(a, 50)),
                     "p95": float(np.percentile(a, 95)), "max": float(a.max())})
    return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _kernel import callback_main

    import os

    print("load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    callback_main(Path(__file__), measure, "Notebook 09: de klas van 300 exports", reps=5, target_ms=TARGET_MS)
    print("load average after: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
