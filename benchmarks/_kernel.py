"""Run a benchmark script's ``measure(reps)`` inside a real ipykernel, so widget comm traffic is included."""
from __future__ import annotations

import json
from pathlib import Path


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
