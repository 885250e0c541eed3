"""Foundation benchmarks: notebook execution vs the floor, `import wakker`, journal save latency.

Every notebook in notebooks/ is executed three ways -- nbclient (as nbconvert, papermill and Jupyter
Book do), the ``jupyter nbconvert --execute`` command and jupyter_client's blocking client -- three
times each, next to the floor measured the same way (a one-cell notebook that only imports the
workbook's libraries); the ratio column gives the fastest and the slowest run against that floor.
That floor imports pandas, which only the teacher's notebook still loads: a second floor without it
is printed too, with each notebook's ratio against it, so the saving of a lesson that skips pandas is
not hidden by a floor that pays for it. And the fixed price of a code cell (the floor without pandas
plus 50 empty cells): each notebook's row splits what it costs beyond that floor into its cells' fixed
price and its own work.
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
#: The same without pandas: what a lesson (all but the teacher's notebook) imports at least.
FLOOR_LEAN_SRC = "import wakker, wakker.ui, ipywidgets, plotly.graph_objects, numpy"


def run_jupyter_client(nb) -> float:
    """Start a kernel in notebooks/, run every code cell with jupyter_client's blocking client, stop it."""
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


def run_nbclient(nb) -> float:
    """Execute with nbclient (what nbconvert, papermill and Jupyter Book use); 60 s per cell, so a
    stall (jupyter/nbclient#312) shows as a run of a minute or more instead of hanging."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    return time.perf_counter() - start


def run_nbconvert(nb) -> float:
    """``jupyter nbconvert --to notebook --execute --stdout`` in a new process (its own start-up included)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nb.ipynb"
        nbformat.write(nb, str(path))
        cmd = [str(Path(sys.executable).with_name("jupyter")), "nbconvert", "--to", "notebook", "--execute",
               "--stdout", str(path)]
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT / "notebooks", capture_output=True, check=True, timeout=300)
        return time.perf_counter() - start


def _collect_errors(msg) -> None:
    if msg["msg_type"] == "error":
        print("error in notebook:", msg["content"].get("ename"), msg["content"].get("evalue"))


EXECUTORS = {"nbclient": run_nbclient, "nbconvert": run_nbconvert, "jupyter_client": run_jupyter_client}


def floor_notebook(src: str = FLOOR_SRC):
    """Start a kernel and import the workbook's libraries: the least any notebook can cost."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src)])


#: Empty code cells after the floor's import: what executing a cell costs before it does anything.
EMPTY_CELLS = 50


def empty_cells_notebook():
    nb = floor_notebook(FLOOR_LEAN_SRC)
    nb.cells += [nbformat.v4.new_code_cell("pass") for _ in range(EMPTY_CELLS)]
    return nb


def code_cells(nb) -> int:
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def executions(repeats: int = 3) -> dict[str, dict[str, list[float]]]:
    """{executor: {"floor" or notebook: [seconds per run]}}, runs interleaved so load drift hits all alike."""
    nbs = {"floor": floor_notebook(), "floor without pandas": floor_notebook(FLOOR_LEAN_SRC),
           "empty cells": empty_cells_notebook()}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nbs[path.stem] = nbformat.read(path, as_version=4)
    out: dict[str, dict[str, list[float]]] = {ex: {name: [] for name in nbs} for ex in EXECUTORS}
    for _ in range(repeats):
        for ex, run in EXECUTORS.items():
            for name, nb in nbs.items():
                out[ex][name].append(run(nbformat.from_dict(nb)))
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


def compile_lib() -> str:
    """Write lib/'s bytecode, as Python does on first import on a student's machine. A machine that sets
    PYTHONDONTWRITEBYTECODE (this sandbox does) never writes it, and every kernel timed here would compile
    the workbook's modules from source: about 0.1 s of notebook 07, less of the floor."""
    import compileall

    compileall.compile_dir(str(ROOT / "lib"), quiet=1)
    return "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"


def main() -> None:
    os.environ.setdefault("WAKKER_JOURNAL", str(Path(tempfile.mkdtemp()) / "journal.sqlite"))
    os.environ.setdefault("WAKKER_EXPORTS", tempfile.mkdtemp())
    load = lambda: " ".join(f"{x:.2f}" for x in os.getloadavg())  # noqa: E731 - ratios shift with the load
    rows = [("lib/ bytecode written first", f"PYTHONDONTWRITEBYTECODE {compile_lib()}", "", ""),
            ("load average before", load(), "", "")]
    imp = import_time()
    rows.append(("import wakker", f"{imp * 1000:.1f} ms", "< 500 ms", f"{imp / 0.5:.3f}"))
    p50, p95, per_s = journal_latency()
    rows.append(("journal save p50", f"{p50:.2f} ms", "", ""))
    rows.append(("journal save p95", f"{p95:.2f} ms", "< 20 ms", f"{p95 / 20:.3f}"))
    rows.append(("journal throughput", f"{per_s:.0f} saves/s", "", ""))
    cells = {p.stem: code_cells(nbformat.read(p, as_version=4)) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    for ex, times in executions().items():
        base = min(times.pop("floor"))
        lean = min(times.pop("floor without pandas"))
        per_cell = max(0.0, (min(times.pop("empty cells")) - lean) / EMPTY_CELLS)
        rows.append((f"{ex}: floor (kernel + imports)", f"{base:.2f} s", "", ""))
        rows.append((f"{ex}: floor without pandas", f"{lean:.2f} s", "", ""))
        rows.append((f"{ex}: one empty code cell", f"{per_cell * 1000:.1f} ms", "", ""))
        for name, t in times.items():
            # what the notebook costs beyond the floor without pandas and its cells' fixed price: its own work
            own = min(t) - lean - per_cell * cells[name]
            rows.append((f"{ex}: {name}", f"{min(t):.2f}-{max(t):.2f} s", f"<= 1.5 x floor = {1.5 * base:.2f} s",
                         f"{min(t) / base:.2f}-{max(t) / base:.2f} x floor "
                         f"({min(t) / lean:.2f}-{max(t) / lean:.2f} x without pandas; {cells[name]} cells "
                         f"{per_cell * cells[name]:.2f} s, own work {own:.2f} s)"))
    rows.append(("load average after", load(), "", ""))
    width = [max(len(r[i]) for r in rows + [("what", "measured", "target", "ratio")]) for i in range(4)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, width))  # noqa: E731
    print(line(("what", "measured", "target", "ratio")))
    print(line(tuple("-" * w for w in width)))
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    main()
