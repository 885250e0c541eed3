"""Foundation benchmarks: notebook execution vs the floor, `import wakker`, journal save latency.

Prints a table of measured figures and their ratio to the target; never fails on speed.
Run: .venv/bin/python benchmarks/bench_foundation.py  (or `make bench`)
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FLOOR_SRC = "import wakker, wakker.ui, ipywidgets, plotly.graph_objects, pandas, numpy"


def run_notebook(nb) -> float:
    """Start a kernel in notebooks/, run every code cell, stop it; seconds from start to finish.

    Uses jupyter_client's blocking client (as nbval does), not nbclient: nbclient's asyncio poll
    for the execute reply sometimes misses the wake-up after a cell that opens many widgets and
    then waits out its whole timeout (jupyter/nbclient#312), which would measure a client bug.
    """
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(ROOT / "notebooks"))
    try:
        for cell in nb.cells:
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            reply = kc.execute_interactive(cell.source, timeout=120, output_hook=_collect_errors)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"cell failed: {cell.source[:60]!r}: {reply['content'].get('ename')}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return time.perf_counter() - start


def _collect_errors(msg) -> None:
    if msg["msg_type"] == "error":
        print("error in notebook:", msg["content"].get("ename"), msg["content"].get("evalue"))


def floor(repeats: int = 3) -> float:
    """Start a kernel and import the workbook's libraries: the least any notebook can cost."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SRC)])
    return min(run_notebook(nb) for _ in range(repeats))


def notebooks(repeats: int = 3) -> dict[str, float]:
    out = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        out[path.stem] = min(run_notebook(nbformat.read(path, as_version=4)) for _ in range(repeats))
    return out


def import_time(repeats: int = 7) -> float:
    times = []
    for _ in range(repeats):
        res = subprocess.run([sys.executable, "-X", "importtime", "-c", "import wakker"],
                             capture_output=True, text=True, check=True)
        last = [line for line in res.stderr.splitlines() if line.rstrip().endswith("| wakker")][-1]
        times.append(int(last.split("|")[1]) / 1e6)  # cumulative microseconds
    return statistics.median(times)


def journal_latency(n: int = 400) -> tuple[float, float, float]:
    from wakker.core.journal import Journal

    with tempfile.TemporaryDirectory() as tmp:
        j = Journal(Path(tmp) / "j.sqlite", known_notebooks=None)
        lat = []
        start = time.perf_counter()
        for i in range(n):
            t = time.perf_counter()
            j.save("00_start", f"q{i % 20}", "Een antwoord van gemiddelde lengte. " * 8)
            lat.append(time.perf_counter() - t)
        total = time.perf_counter() - start
    lat.sort()
    return lat[len(lat) // 2] * 1000, lat[int(len(lat) * 0.95)] * 1000, n / total


def main() -> None:
    os.environ.setdefault("WAKKER_JOURNAL", str(Path(tempfile.mkdtemp()) / "journal.sqlite"))
    os.environ.setdefault("WAKKER_EXPORTS", tempfile.mkdtemp())
    rows = []
    imp = import_time()
    rows.append(("import wakker", f"{imp * 1000:.1f} ms", "< 500 ms", f"{imp / 0.5:.3f}"))
    p50, p95, per_s = journal_latency()
    rows.append(("journal save p50", f"{p50:.2f} ms", "", ""))
    rows.append(("journal save p95", f"{p95:.2f} ms", "< 20 ms", f"{p95 / 20:.3f}"))
    rows.append(("journal throughput", f"{per_s:.0f} saves/s", "", ""))
    base = floor()
    rows.append(("floor: kernel + imports", f"{base:.2f} s", "", ""))
    for name, t in notebooks().items():
        rows.append((f"notebook {name}", f"{t:.2f} s", f"<= 1.5 x floor = {1.5 * base:.2f} s", f"{t / base:.2f} x floor"))
    width = [max(len(r[i]) for r in rows + [("what", "measured", "target", "ratio")]) for i in range(4)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, width))  # noqa: E731
    print(line(("what", "measured", "target", "ratio")))
    print(line(tuple("-" * w for w in width)))
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    main()
