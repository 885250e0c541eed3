"""Run a benchmark script's ``measure(reps)`` inside a real ipykernel, so widget comm traffic is included, and print
its table (:func:`callback_main`)."""
from __future__ import annotations

import json
import time
from pathlib import Path


def slider_moves(slider, n: int, rng) -> list:
    """``n`` values on the slider's steps (random, ``rng`` a numpy Generator), each different from the one before."""
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
    """One table row: ``setter(v)`` timed for every value after the first (a warm-up), in ms."""
    import numpy as np

    setter(values[0])
    times = np.empty(len(values) - 1)
    for i, v in enumerate(values[1:]):
        t0 = time.perf_counter()
        setter(v)
        times[i] = (time.perf_counter() - t0) * 1000.0
    p50, p95, worst = np.percentile(times, [50, 95, 100])
    return {"case": label, "reps": len(times), "p50": float(p50), "p95": float(p95), "max": float(worst)}


def time_sliders(label: str, sliders, reps: int, rng) -> list[dict]:
    """A row per slider of ``sliders`` (name -> control with ``.slider``, as a ParameterPanel's), each moved
    ``reps`` times to random values and put back to where it was, so the next one starts from the defaults."""
    rows = []
    for name, control in sliders.items():
        slider = control.slider
        values = slider_moves(slider, reps + 1, rng)
        if not values:
            continue
        start = slider.value
        rows.append(timed(f"{label}: {name}", lambda v, s=slider: setattr(s, "value", v), values))
        slider.value = start
    return rows


def time_switches(label: str, switches, reps: int) -> list[dict]:
    """A row per tick box of ``switches`` (name -> widget with a bool ``.value``), flipped ``reps`` times;
    each is put back to where it was."""
    rows = []
    for name, box in switches.items():
        start = box.value
        flips = [not start if i % 2 else start for i in range(reps + 1)]
        rows.append(timed(f"{label}: {name}", lambda v, b=box: setattr(b, "value", v), flips))
        box.value = start
    return rows


def measure_in_kernel(script: Path, reps: int, timeout: float = 900) -> list[dict]:
    """Start a kernel in the repository root, run ``measure(reps)`` from ``script`` there, return its rows."""
    from jupyter_client.manager import start_new_kernel

    script = Path(script).resolve()
    km, kc = start_new_kernel(kernel_name="python3", extra_arguments=[], cwd=str(script.parents[1]))
    try:
        code = (f"import runpy, json\nns = runpy.run_path({str(script)!r}, run_name='{script.stem}_inner')\n"
                f"print('RESULT' + json.dumps(ns['measure']({reps})))")
        out: list[str] = []
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda m: out.append(
            m["content"].get("text", "") if m["msg_type"] == "stream" else
            "\n".join(m["content"].get("traceback", [])) if m["msg_type"] == "error" else ""))
        text = "".join(out)
        if reply["content"]["status"] != "ok" or "RESULT" not in text:
            raise RuntimeError("benchmark failed in the kernel:\n" + text)
        return json.loads(text.split("RESULT", 1)[1].strip().splitlines()[0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def callback_main(script: Path, measure, title: str, reps: int, target_ms: float, timeout: float = 900) -> None:
    """The command line of a callback benchmark: ``measure(reps)`` in a kernel (or ``--in-process``), then a
    table of p50/p95/max per case against ``target_ms`` (a row may carry its own ``target``)."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(description=title)
    ap.add_argument("--reps", type=int, default=reps)
    ap.add_argument("--in-process", action="store_true", help="measure in this process, not in a kernel")
    args = ap.parse_args()
    results = measure(args.reps) if args.in_process else measure_in_kernel(Path(script), args.reps, timeout)
    where = "this process (no comm traffic)" if args.in_process else "an ipykernel (comm messages sent)"
    print(f"{title}, measured in {where}; Python {sys.version.split()[0]}")
    width = max(len(r["case"]) for r in results) + 2
    header = f"{'case':<{width}}{'reps':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'target ms':>11}{'p95/target':>12}"
    print(header)
    print("-" * len(header))
    for r in results:
        target = r.get("target", target_ms)
        worst = f"{r['max']:>9.2f}" if "max" in r else f"{'–':>9}"
        print(f"{r['case']:<{width}}{r['reps']:>6}{r['p50']:>9.2f}{r['p95']:>9.2f}{worst}"
              f"{target:>11.0f}{r['p95'] / target:>12.3f}")
    worst = max(results, key=lambda r: r["p95"] / r.get("target", target_ms))
    target = worst.get("target", target_ms)
    print()
    print(f"closest to its target: {worst['case']} p95 = {worst['p95']:.1f} ms "
          f"({target / worst['p95']:.1f}x under the {target:.0f} ms target)"
          if worst["p95"] < target else f"TARGET MISSED: {worst['case']} p95 = {worst['p95']:.1f} ms")
