"""Benchmark: speed as the student feels it in the browser (issue 11).

For each ready notebook (data/notebooks.yaml, status klaar) in a real JupyterLab in headless Debian Chromium
(Playwright, ``/usr/bin/chromium``; the server and pages come from ``tests/browser/jlab.py``):

* **Run All → rendered**: from the moment ``notebook:run-all-cells`` starts until the notebook's
  DOM has stopped changing (every cell ran, every widget view and every plotly plot within a screen of
  the view is drawn, then 0.5 s without a DOM mutation; a figure further down is drawn when the student
  scrolls near it, ``--draw-all`` draws them all at once, as the browser tests have it); the time is that
  of the last mutation, taken in the page (``performance.now()``). "cold" is the first Run All after
  opening the notebook in a fresh browser context (a new kernel), pressed as soon as JupyterLab shows the kernel idle; "warm" a second
  Run All in the same kernel. The server prewarms each new kernel (``wakker.prewarm``: the kit and the
  notebook's lesson are imported while the notebook opens, as for a student who reads before pressing
  Run All); ``--no-prewarm`` measures a kernel that imports everything in the Run All, and ``--read 3``
  waits three seconds after opening, as a student who reads the introduction first.
* **websocket bytes** the page receives from the kernel's websocket during a cold Run All (and
  the number of kernel messages by type, counted in the page on ``kernel.anyMessage``).
* **keypress → repaint**, per slider: the slider's handle is focused and an arrow key pressed
  (real key events); the page records the ``keydown`` time and every DOM mutation of the plots
  in the same cell -- its figures and its charts drawn as HTML (class ``wakker-chart``: 04's bars) --
  (a slider without a plot: of the cell's other output), and the latency is the
  last mutation after the key, in any of the cell's plots, minus the keydown, once the plots have
  been quiet for 0.4 s (a cell with several plots, like 04's lines and bars, also shows how many of
  them changed after a key). Also a
  breakdown: key → first message to the kernel, → last kernel message before the repaint,
  → repaint, and of that the time in ``Plotly.react`` (a LiveFigure counts its draws in
  ``window.__wakkerFigureStats``), and how many of those draws redrew only the data (the axes held
  steady, see ``steady()`` in ``wakker/ui/figure_esm.py``).
* **drag**: ``--drag`` key presses 25 ms apart on the first model slider of each notebook (a
  held key or a drag): how long after the last key the plot settles, and how many separate
  repaints it makes after the last key (a backlog of stale values shows as many).

Ratios are against the targets of issue 11 (p50 ≤ 50 ms, p95 ≤ 100 ms; Run All ≤ 1.0 s;
≤ 0.5 MB); it prints a table, no pass/fail. Timings are noisy on a shared machine: the load
average is printed before and after.

Run: .venv/bin/python benchmarks/bench_browser.py [--notebooks 00 04 07] [--repeats 3]
     [--presses 6] [--drag 15] [--json out.json] [--no-sliders]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import jlab  # noqa: E402  (tests/browser/jlab.py: server + page helpers)

def _ready_notebooks() -> dict[str, str]:
    """Every notebook marked klaar in data/notebooks.yaml, by its number ("00" -> "notebooks/00_start.ipynb")."""
    import yaml

    entries = yaml.safe_load((ROOT / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
    return {e["id"][:2]: f"notebooks/{e['id']}.ipynb" for e in entries if e.get("status") == "klaar"}


NOTEBOOKS = _ready_notebooks()
TARGET_P50_MS = 50.0
TARGET_P95_MS = 100.0
TARGET_RUN_ALL_S = 1.0
TARGET_MB = 0.5
QUIET_MS = 400  # a plot is done once it has not changed for this long
SETTLE_MS = 500  # the notebook is done once its DOM has not changed for this long

# Installed in every page: records kernel messages, DOM mutations and key presses.
BENCH_JS = r"""
(() => {
  if (window.__bench) return;
  const B = window.__bench = {msgs: [], recording: false, keys: [], muts: [], lastMut: 0, runStart: null};
  const now = () => performance.now();
  B.hookKernel = () => {
    const p = window.__wakker.panel();
    const k = p && p.sessionContext.session && p.sessionContext.session.kernel;
    if (!k || B._kernel === k) return !!k;
    B._kernel = k;
    k.anyMessage.connect((_, args) => {
      if (!B.recording) return;
      const m = args.msg, c = m.content || {}, d = c.data || {};
      B.msgs.push({t: now(), dir: args.direction, type: m.header.msg_type, channel: m.channel || '',
                   method: d.method || '', state: d.state ? Object.keys(d.state).join(',') : ''});
    });
    return true;
  };
  B.startRecording = () => { B.msgs = []; B.recording = true; };
  B.stopRecording = () => { B.recording = false; return B.msgs; };
  // --- Run All: the time the run command starts, the time of the notebook's last DOM mutation
  B.armRunAll = () => {
    const app = window.jupyterapp, p = window.__wakker.panel();
    B.runStart = null; B.lastMut = 0;
    if (!B._cmdHook) {
      B._cmdHook = true;
      app.commands.commandExecuted.connect((_, a) => { if (a.id === 'notebook:run-all-cells') B.runStart = now(); });
    }
    if (B._nbObs) B._nbObs.disconnect();
    B._nbObs = new MutationObserver(() => { B.lastMut = now(); });
    B._nbObs.observe(p.content.node, {subtree: true, childList: true, attributes: true, characterData: true});
  };
  B.runAllResult = () => ({start: B.runStart, lastMut: B.lastMut, sinceLast: now() - B.lastMut});
  // --- a slider: its keydowns, and the mutations of the plots in its cell
  B.armSlider = (handle) => {
    B.disarm();
    const cell = handle.closest('.jp-Cell');
    // the cell's plots: its figures and its charts drawn as HTML (04's bars: class wakker-chart)
    const figs = Array.from(cell.querySelectorAll('.wakker-figure, .wakker-chart'));
    const slider = handle.closest('.widget-slider');
    const targets = figs.length ? figs : [cell.querySelector('.jp-OutputArea')];
    B.keys = []; B.muts = []; B.mutFigs = [];
    B._keyHandler = (e) => { B.keys.push(e.timeStamp); };
    handle.addEventListener('keydown', B._keyHandler, true);
    B._keyTarget = handle;
    // one observer per plot (a cell may hold several, e.g. 04's lines and bars): each mutation notes which
    B._slObs = targets.map((target, i) => {
      const obs = new MutationObserver((records) => {
        if (!figs.length) {  // a slider without a plot: only what changes outside the slider and its readout
          records = records.filter(r => { const n = r.target.nodeType === 1 ? r.target : r.target.parentElement;
            return !(n && (slider.contains(n) || n.closest('.wakker-readout') || n.closest('.widget-readout'))); });
          if (!records.length) return;
        }
        B.muts.push(now()); B.mutFigs.push(i);
      });
      obs.observe(target, {subtree: true, childList: true, attributes: true, characterData: true});
      return obs;
    });
    return {figures: figs.length, label: handle.getAttribute('aria-label') || '',
            cls: Array.from(slider.classList).find(c => c.startsWith('wakker-')) || '',
            now: Number(handle.getAttribute('aria-valuenow')), min: Number(handle.getAttribute('aria-valuemin')),
            max: Number(handle.getAttribute('aria-valuemax'))};
  };
  B.disarm = () => {
    if (B._slObs) for (const obs of B._slObs) obs.disconnect();
    if (B._keyTarget) B._keyTarget.removeEventListener('keydown', B._keyHandler, true);
    B._slObs = null; B._keyTarget = null;
  };
  const stats = () => Object.assign({draws: 0, ms: 0}, window.__wakkerFigureStats || {});  // kept by the figures
  B.mark = () => ({keys: B.keys.length, muts: B.muts.length, msgs: B.msgs.length, stats: stats()});
  // Wait until the plots were quiet for `quiet` ms after the last key (or `timeout` ms without any change).
  B.waitQuiet = (quiet, timeout) => new Promise(resolve => {
    const tick = () => {
      const lastKey = B.keys.length ? B.keys[B.keys.length - 1] : 0;
      const after = B.muts.filter(t => t >= lastKey);
      const t = now();
      if ((after.length && t - after[after.length - 1] >= quiet) || t - lastKey >= timeout) resolve(t);
      else setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });
  B.since = (mark) => { const now = stats();
    return {keys: B.keys.slice(mark.keys), muts: B.muts.slice(mark.muts), mutFigs: B.mutFigs.slice(mark.muts),
            msgs: B.msgs.slice(mark.msgs),
            draws: now.draws - mark.stats.draws, drawMs: now.ms - mark.stats.ms,
            fast: (now.fast || 0) - (mark.stats.fast || 0)}; };
})();
"""


def _pct(values: list[float], q: float) -> float:
    """Percentile ``q`` (0-100) with linear interpolation (numpy's default)."""
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


class Wire:
    """Bytes and frames the page receives (and sends) on the kernel websocket(s)."""

    def __init__(self, page):
        self.recv = self.sent = self.frames_in = self.frames_out = 0
        # What those frames cost on the network with the compression that `make lab` / `make student`
        # switch on (jupyter-config/: permessage-deflate, as tornado does it: raw deflate, default level,
        # one stream per connection, each message flushed and its 4-byte tail dropped, RFC 7692).
        self.deflated = 0
        page.on("websocket", self._attach)

    def _attach(self, ws):
        if "/api/kernels/" not in ws.url:
            return
        stream = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        ws.on("framereceived", lambda payload: self._in(payload, stream))
        ws.on("framesent", self._out)

    def _in(self, payload, stream=None):
        data = payload.encode() if isinstance(payload, str) else payload
        self.recv += len(data)
        self.frames_in += 1
        if stream is not None:
            self.deflated += len(stream.compress(data) + stream.flush(zlib.Z_SYNC_FLUSH)) - 4

    def _out(self, payload):
        self.sent += len(payload.encode() if isinstance(payload, str) else payload)
        self.frames_out += 1

    def snapshot(self) -> tuple[int, int, int, int, int]:
        return self.recv, self.sent, self.frames_in, self.frames_out, self.deflated


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _count_msgs(msgs: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in msgs:
        key = f"{m['dir']}:{m['type']}" + (f"/{m['method']}" if m["method"] else "")
        out[key] = out.get(key, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def run_all_timed(page, wire: Wire, timeout: float = 240) -> dict:
    """One Run All (outputs cleared first, as jlab.run_all does); returns seconds, bytes and messages."""
    page.evaluate(BENCH_JS)
    page.evaluate("() => window.__bench.hookKernel()")
    page.evaluate("() => window.__bench.armRunAll()")
    page.evaluate("() => window.__bench.startRecording()")
    before = wire.snapshot()
    jlab.run_all(page, timeout=timeout)
    jlab.wait_for_widgets(page, timeout=timeout)
    deadline = time.monotonic() + 30
    while True:
        res = page.evaluate("() => window.__bench.runAllResult()")
        if res["sinceLast"] >= SETTLE_MS or time.monotonic() > deadline:
            break
        page.wait_for_timeout(100)
    msgs = page.evaluate("() => window.__bench.stopRecording()")
    after = wire.snapshot()
    return {"seconds": (res["lastMut"] - res["start"]) / 1000.0,
            "bytes_in": after[0] - before[0], "bytes_out": after[1] - before[1],
            "frames_in": after[2] - before[2], "frames_out": after[3] - before[3],
            "deflated_in": after[4] - before[4],
            "messages": _count_msgs(msgs)}


def _open_collapsed(page) -> None:
    """Open every collapsed section in the outputs (e.g. 'Meer aannames'), so its sliders can be reached."""
    headers = page.locator(".jp-NotebookPanel:visible .jp-OutputArea "
                           ".jupyter-widget-Collapse:not(.jupyter-widget-mod-expanded) > .jupyter-widget-Collapse-header")
    for i in range(headers.count()):
        h = headers.nth(i)
        if h.is_visible():
            h.scroll_into_view_if_needed()
            h.click()
    page.wait_for_timeout(300)
    # a ParameterPanel makes its "Meer" sliders when the section opens: wait until every open one has them
    page.wait_for_function("() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
                           ".wakker-meer-schuifjes')).every(s => s.offsetParent === null || s.children.length > 0)",
                           timeout=30_000)


def _press_series(page, handle, keys: list[str], gap_ms: int = 0, quiet: int = QUIET_MS,
                  timeout: int = 4000) -> list[dict]:
    """Press ``keys`` on a focused slider handle; one result per key (``gap_ms`` = 0: wait until quiet
    after each key), or one result for the whole series (``gap_ms`` > 0: a drag)."""
    out = []
    if gap_ms:
        mark = page.evaluate("() => window.__bench.mark()")
        for k in keys:
            handle.press(k)
            page.wait_for_timeout(gap_ms)
        page.evaluate(f"() => window.__bench.waitQuiet({quiet}, {timeout})")
        out.append(page.evaluate("(m) => window.__bench.since(m)", mark))
        return out
    for k in keys:
        mark = page.evaluate("() => window.__bench.mark()")
        handle.press(k)
        page.evaluate(f"() => window.__bench.waitQuiet({quiet}, {timeout})")
        out.append(page.evaluate("(m) => window.__bench.since(m)", mark))
    return out


def _press_result(r: dict) -> dict | None:
    """Latency and its parts for one key press (None: the key changed nothing)."""
    if not r["keys"]:
        return None
    key = r["keys"][0]
    muts = [t for t in r["muts"] if t >= key]
    if not muts:
        return None
    # which plots of the cell changed after the key (the latency is the last change in any of them)
    plots = {f for t, f in zip(r["muts"], r.get("mutFigs", [])) if t >= key}
    last = muts[-1]
    sends = [m["t"] for m in r["msgs"] if m["dir"] == "send" and m["t"] >= key]
    recvs = [m["t"] for m in r["msgs"] if m["dir"] == "recv" and key <= m["t"] <= last]
    first_send = sends[0] if sends else None
    last_recv = recvs[-1] if recvs else None
    return {"ms": last - key,
            "to_kernel": (first_send - key) if first_send is not None else None,
            "kernel": (last_recv - first_send) if (first_send is not None and last_recv is not None) else None,
            "draw": (last - last_recv) if last_recv is not None else None,
            "recv": len(recvs), "plots": len(plots),
            "react": (r["drawMs"] / r["draws"]) if r.get("draws") else None,
            "draws": r.get("draws") or 0, "fast": r.get("fast") or 0}


def _bursts(times: list[float], gap: float = 12.0) -> int:
    """Number of separate repaints in a list of mutation times (mutations closer than ``gap`` ms are one)."""
    n, prev = 0, None
    for t in sorted(times):
        if prev is None or t - prev > gap:
            n += 1
        prev = t
    return n


def measure_sliders(page, wire: Wire, presses: int, drag: int) -> dict:
    """Every visible slider in the notebook's outputs: ``presses`` arrow keys, waiting for the repaint after each."""
    page.evaluate(BENCH_JS)
    page.evaluate("() => window.__bench.hookKernel()")
    page.evaluate("() => window.__bench.startRecording()")
    _open_collapsed(page)
    handles = page.locator(".jp-NotebookPanel:visible .jp-OutputArea .widget-slider .noUi-handle")
    rows, drag_rows = [], []
    for i in range(handles.count()):
        h = handles.nth(i)
        if not h.is_visible():
            continue
        h.scroll_into_view_if_needed()
        h.focus()
        info = h.evaluate("e => window.__bench.armSlider(e)")
        up = info["now"] - info["min"] <= info["max"] - info["now"]
        a, b = ("ArrowRight", "ArrowLeft") if up else ("ArrowLeft", "ArrowRight")
        half = presses // 2
        before = wire.snapshot()
        res = _press_series(page, h, [a] * (presses - half) + [b] * half)
        after = wire.snapshot()
        parts = [p for p in (_press_result(r) for r in res) if p]
        name = info["cls"].replace("wakker-param-", "").replace("wakker-", "") or info["label"][:30]
        row = {"slider": name, "label": info["label"], "figures": info["figures"], "presses": len(res),
               "repainted": len(parts), "ms": [p["ms"] for p in parts], "plots": [p["plots"] for p in parts],
               "to_kernel": [p["to_kernel"] for p in parts if p["to_kernel"] is not None],
               "kernel": [p["kernel"] for p in parts if p["kernel"] is not None],
               "draw": [p["draw"] for p in parts if p["draw"] is not None],
               "react": [p["react"] for p in parts if p["react"] is not None],
               "draws": sum(p["draws"] for p in parts), "fast": sum(p["fast"] for p in parts),
               "bytes_per_press": (after[0] - before[0]) / max(len(res), 1)}
        rows.append(row)
        if drag and info["figures"] and len(drag_rows) < 1:
            r = _press_series(page, h, [a] * drag, gap_ms=25, timeout=8000)[0]
            last_key = r["keys"][-1] if r["keys"] else 0
            after_last = [t for t in r["muts"] if t >= last_key]
            drag_rows.append({"slider": name, "keys": len(r["keys"]),
                              "settle_ms": (after_last[-1] - last_key) if after_last else 0.0,
                              "repaints_after_last_key": _bursts(after_last),
                              "repaints_total": _bursts(r["muts"])})
            # and back, so the next measurement starts where the notebook began
            _press_series(page, h, [b] * drag, gap_ms=25, timeout=8000)
        page.evaluate("() => window.__bench.disarm()")
    page.evaluate("() => window.__bench.stopRecording()")
    return {"sliders": rows, "drag": drag_rows}


def bench_notebook(browser, server, nr: str, repeats: int, presses: int, drag: int, sliders: bool, read: float = 0.0) -> dict:
    out = {"notebook": nr, "cold": [], "warm": [], "sliders": None, "failures": []}
    for rep in range(repeats):
        request = SimpleNamespace(node=SimpleNamespace(name=f"bench-{nr}-{rep}", rep_call=None))
        try:
            with jlab.new_page(request, browser, server) as page:
                wire = Wire(page)
                jlab.open_notebook(page, server, NOTEBOOKS[nr], timeout=240)  # a busy machine starts kernels slowly
                if read:  # a student who reads the introduction before pressing Run All
                    page.wait_for_timeout(int(read * 1000))
                cold = run_all_timed(page, wire)
                warm = run_all_timed(page, wire)
                if sliders and out["sliders"] is None:
                    # every figure drawn first (as printing does), so that no key press waits for a first draw
                    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
                    page.wait_for_timeout(1500)
                    out["sliders"] = measure_sliders(page, wire, presses, drag)
                errors = jlab.console_errors(page)
                if errors:
                    out.setdefault("console_errors", []).extend(errors)
        except Exception as exc:  # noqa: BLE001 - one failed run (a timeout under load) must not lose the others
            out["failures"].append(f"run {rep + 1}: {type(exc).__name__}: {str(exc)[:300]}")
            print(f"  {nr} run {rep + 1}/{repeats} failed: {out['failures'][-1]} (load {_load()})", flush=True)
            continue
        out["cold"].append(cold)
        out["warm"].append(warm)
        print(f"  {nr} run {rep + 1}/{repeats}: cold {cold['seconds']:.2f} s, warm {warm['seconds']:.2f} s, "
              f"{cold['bytes_in'] / 1e6:.2f} MB (load {_load()})", flush=True)
    return out


def _spread(values: list[float], fmt: str = "{:.2f}") -> str:
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def report(results: list[dict]) -> None:
    rows = []
    for res in results:
        nr = res["notebook"]
        for failure in res.get("failures", []):
            rows.append((f"{nr}: failed", failure[:100], "", ""))
        if not res["cold"]:
            continue
        cold = [r["seconds"] for r in res["cold"]]
        warm = [r["seconds"] for r in res["warm"]]
        mb = [r["bytes_in"] / 1e6 for r in res["cold"]]
        rows.append((f"{nr}: Run All → rendered, cold", f"{_spread(cold)} s", f"≤ {TARGET_RUN_ALL_S:.1f} s",
                     _spread([c / TARGET_RUN_ALL_S for c in cold])))
        rows.append((f"{nr}: Run All → rendered, warm", f"{_spread(warm)} s", f"≤ {TARGET_RUN_ALL_S:.1f} s",
                     _spread([c / TARGET_RUN_ALL_S for c in warm])))
        rows.append((f"{nr}: websocket bytes in, Run All", f"{_spread(mb)} MB", f"≤ {TARGET_MB} MB",
                     _spread([m / TARGET_MB for m in mb])))
        wire = [r.get("deflated_in", 0) / 1e6 for r in res["cold"]]
        rows.append((f"{nr}:   the same compressed (network)", f"{_spread(wire)} MB", "",
                     "permessage-deflate of make lab"))
        first = res["cold"][0]
        kinds = first["messages"]
        recv = sum(v for k, v in kinds.items() if k.startswith("recv:"))
        sent = sum(v for k, v in kinds.items() if k.startswith("send:"))
        top = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in list(kinds.items())[:4])
        rows.append((f"{nr}: kernel messages, Run All", f"{recv} in / {sent} out", "", top))
        sl = res.get("sliders")
        if not sl:
            continue
        every = [ms for r in sl["sliders"] for ms in r["ms"]]
        if every:
            rows.append((f"{nr}: keypress → repaint, all {len(sl['sliders'])} sliders",
                         f"p50 {_pct(every, 50):.0f} / p95 {_pct(every, 95):.0f} ms",
                         f"p50 ≤ {TARGET_P50_MS:.0f} / p95 ≤ {TARGET_P95_MS:.0f}",
                         f"{_pct(every, 50) / TARGET_P50_MS:.2f} / {_pct(every, 95) / TARGET_P95_MS:.2f}"))
            parts = {k: [x for r in sl["sliders"] for x in r.get(k, [])] for k in ("to_kernel", "kernel", "draw", "react")}
            react = f" (Plotly.react {_pct(parts['react'], 50):.0f})" if parts["react"] else ""
            draws = sum(r.get("draws", 0) for r in sl["sliders"])
            # draws of new data alone, without redrawing the axes (figure_esm.py, steady())
            only = f"; {sum(r.get('fast', 0) for r in sl['sliders'])} of {draws} draws only the data" if draws else ""
            rows.append((f"{nr}:   of which (median)",
                         f"key→kernel {_pct(parts['to_kernel'], 50):.0f}, kernel {_pct(parts['kernel'], 50):.0f}, "
                         f"draw {_pct(parts['draw'], 50):.0f}{react} ms{only}", "", ""))
        for r in sl["sliders"]:
            if not r["ms"]:
                rows.append((f"{nr}:   {r['slider']}", f"no repaint in {r['presses']} presses", "", ""))
                continue
            p50, p95 = _pct(r["ms"], 50), _pct(r["ms"], 95)
            # a cell with several plots: how many of them changed after a key (the most of any key)
            plots = f", {max(r.get('plots') or [0])}/{r['figures']} plots" if r["figures"] > 1 else ""
            rows.append((f"{nr}:   {r['slider']}" + ("" if r["figures"] else " (no plot)"),
                         f"p50 {p50:.0f} / p95 {p95:.0f} ms, {r['bytes_per_press'] / 1e3:.1f} kB/key{plots}"
                         + (f", {r['repainted']}/{r['presses']} keys" if r["repainted"] != r["presses"] else ""),
                         "", f"{p50 / TARGET_P50_MS:.2f} / {p95 / TARGET_P95_MS:.2f}"))
        for d in sl["drag"]:
            rows.append((f"{nr}: drag {d['keys']} keys / 25 ms ({d['slider']})",
                         f"settles {d['settle_ms']:.0f} ms after the last key, "
                         f"{d['repaints_after_last_key']} repaints after it ({d['repaints_total']} in all)",
                         "latest value, no backlog", ""))
        if res.get("console_errors"):
            rows.append((f"{nr}: console errors", str(len(res["console_errors"])), "0", res["console_errors"][0][:80]))
    head = ("what", "measured", "target", "ratio")
    width = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, width)).rstrip()  # noqa: E731
    print(line(head))
    print(line(tuple("-" * w for w in width)))
    for r in rows:
        print(line(r))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notebooks", nargs="*", default=sorted(NOTEBOOKS), choices=sorted(NOTEBOOKS))
    ap.add_argument("--repeats", type=int, default=3, help="fresh browser contexts per notebook (Run All timings)")
    ap.add_argument("--presses", type=int, default=6, help="arrow keys per slider")
    ap.add_argument("--drag", type=int, default=15, help="keys 25 ms apart on the first model slider (0: none)")
    ap.add_argument("--no-sliders", action="store_true", help="only Run All and bytes")
    ap.add_argument("--json", type=Path, help="also write the raw results here")
    ap.add_argument("--read", type=float, default=0.0,
                    help="seconds between opening a notebook and its first Run All (default 0: at once)")
    ap.add_argument("--no-prewarm", action="store_true",
                    help="start kernels without the workbook's prewarm (wakker.prewarm), to compare")
    ap.add_argument("--draw-all", action="store_true",
                    help="draw every figure at once, also those far below the view (as the browser tests do), to "
                         "compare; by default a figure is drawn when it comes within a screen of the view")
    args = ap.parse_args(argv)
    jlab.DRAW_ALL = args.draw_all
    if args.no_prewarm:
        os.environ["WAKKER_PREWARM"] = "0"
    if not os.path.exists(jlab.CHROMIUM):
        print(f"bench_browser: no Chromium at {jlab.CHROMIUM}; skipped")
        return
    from playwright.sync_api import sync_playwright

    print(f"load average before: {_load()} ({os.cpu_count()} cores)", flush=True)
    from wakker import prewarm

    print(f"kernel prewarm (wakker.prewarm, WAKKER_PREWARM): {'on' if prewarm.enabled() else 'off'}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="wakker-bench-") as tmp, jlab.running_server(Path(tmp)) as server, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=jlab.CHROMIUM, args=jlab.CHROMIUM_ARGS, headless=True)
        try:
            for nr in args.notebooks:
                results.append(bench_notebook(browser, server, nr, args.repeats, args.presses, args.drag,
                                              not args.no_sliders, read=args.read))
                if args.json:  # after every notebook, so a long run that fails later keeps what it measured
                    args.json.write_text(json.dumps({"load": _load(), "results": results}, indent=1))
        finally:
            browser.close()
    print(f"load average after: {_load()}")
    report(results)
    if args.json:
        args.json.write_text(json.dumps({"load": _load(), "results": results}, indent=1))


if __name__ == "__main__":
    main()
