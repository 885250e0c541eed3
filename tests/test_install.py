"""`pip install .` (not editable): the wheel carries the content, and the start notebook runs from it.

The wheel is built from a copy of the working tree (the files a clone would have, plus uncommitted
ones), installed with ``--no-deps`` into a fresh virtual environment outside the repository, and
``00_start`` runs there, in a kernel of that environment, from a folder that is not the repository.
The new environment borrows numpy, pandas, ipywidgets, plotly and ipykernel from this test's
environment through a ``.pth`` line; such a line only adds the folder to ``sys.path`` (Python reads
``.pth`` files only in site folders), so the editable ``wakker`` of this environment (its
``__editable__`` ``.pth`` points at the repository's ``lib/``) stays out: the probe checks that
``wakker`` comes from the new environment and that the repository's ``lib/`` is not on ``sys.path``.

The wheel is built with ``--no-build-isolation`` when this environment's setuptools can make wheels
by itself (setuptools >= 70.1, or the ``wheel`` package); otherwise pip builds it in an isolated
environment and fetches setuptools from the package index.
"""
from __future__ import annotations

import importlib.util
import json
import os
import queue
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE_MARK = "WAKKER-PROBE"


def _contract():
    """tests/lessons/lesson_contract.py: the kernel runner and the cell checks of the lesson contract."""
    spec = importlib.util.spec_from_file_location("wakker_lesson_contract", ROOT / "tests" / "lessons" / "lesson_contract.py")
    if spec.name not in sys.modules:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules[spec.name]


def copy_source_tree(target: Path) -> Path:
    """The repository's files as a clone has them (tracked, plus new files that are not ignored)."""
    target.mkdir(parents=True, exist_ok=True)
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available to list the repository's files")
    for name in filter(None, out.decode().split("\0")):
        src = ROOT / name
        if src.is_file():  # a file deleted in the work tree but still in the index is skipped
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / name)
    return target


def _setuptools_builds_wheels() -> bool:
    import setuptools

    major, minor = (int(x) for x in setuptools.__version__.split(".")[:2])
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


def build_wheel(source: Path, out: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)]
    if _setuptools_builds_wheels():
        cmd.insert(4, "--no-build-isolation")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (wheel,) = out.glob("wakker-*.whl")
    return wheel


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run_in_kernel(python: Path, notebook: Path, env: dict, extra_cells: tuple[str, ...] = (), timeout: float = 60.0):
    """Run every code cell of ``notebook`` (then ``extra_cells``) in a kernel of ``python``, with the
    notebook's folder as working folder and exactly ``env`` as environment.

    Returns ``(problems, outputs)``: the lesson contract's problems per cell (error output, stderr,
    an error box ``wakker-fout`` in an output or in widget state) and the stdout of each extra cell.
    """
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    C = _contract()
    with tempfile.TemporaryDirectory(prefix="wakker-kernelspec-") as specs:
        kdir = Path(specs) / "wakker-under-test"
        kdir.mkdir()
        (kdir / "kernel.json").write_text(json.dumps({
            "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "wakker under test", "language": "python"}))
        km = KernelManager(kernel_name="wakker-under-test",
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=[specs], ensure_native_kernel=False))
        km.start_kernel(cwd=str(notebook.parent), env=env, stderr=subprocess.DEVNULL)
        kc = km.client()
        kc.start_channels()
        problems, outputs = [], []
        try:
            kc.wait_for_ready(timeout=60)
            C._drain(kc, 0.05)
            nb = nbformat.read(str(notebook), as_version=4)
            cells = [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()]
            cells += [(len(nb.cells) + k, src) for k, src in enumerate(extra_cells)]
            runs = []
            for index, source in cells:
                run = C.CellRun(index, source)
                runs.append(run)
                C._execute(kc, run, timeout)
                if run.status == "timeout":
                    break
            if runs and runs[-1].status != "timeout":
                runs[-1].messages.extend(C._drain(kc, 0.2))
            for run in runs:
                problems += [f"{notebook.name} {p}" for p in C.cell_problems(run)]
            for run in runs[len(runs) - len(extra_cells):] if extra_cells else []:
                outputs.append("".join(c.get("text", "") for kind, c in run.messages
                                       if kind == "stream" and c.get("name") == "stdout"))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return problems, outputs


def kernel_env(tmp: Path, **extra: str) -> dict:
    """This process's environment without anything that points at the repository, plus a journal and
    an export folder in ``tmp`` and ``WAKKER_STRICT=1``."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "WAKKER_DATA", "VIRTUAL_ENV", "PYTHONHOME") and not k.startswith("COVERAGE_")}
    env.update(WAKKER_STRICT="1", WAKKER_JOURNAL=str(tmp / "journal.sqlite"), WAKKER_EXPORTS=str(tmp / "exports"),
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.update(extra)
    return env


PROBE = f"""
import json, os, sys
import wakker
from wakker.core.data import data_dir
from wakker.ui.export import export_folder
os.environ.pop("WAKKER_EXPORTS", None)
print({PROBE_MARK!r} + json.dumps({{"wakker": wakker.__file__, "data": str(data_dir()), "exports": str(export_folder()),
      "cwd": os.getcwd(), "path": sys.path}}))
"""


def probe_result(output: str) -> dict:
    line = next((ln for ln in output.splitlines() if ln.startswith(PROBE_MARK)), None)
    assert line is not None, output
    return json.loads(line[len(PROBE_MARK):])


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(wheel, python of a fresh venv with that wheel installed, the venv)."""
    tmp = tmp_path_factory.mktemp("install")
    wheel = build_wheel(copy_source_tree(tmp / "src"), tmp / "wheels")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv_python(venv)
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           "--quiet", str(wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # Only now (pip must not see this environment's editable wakker): borrow the dependencies.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return wheel, python, venv


def test_wheel_carries_all_content(installed):
    wheel, _, _ = installed
    with zipfile.ZipFile(wheel) as z:
        shipped = {n[len("wakker/_data/"):] for n in z.namelist() if n.startswith("wakker/_data/")}
        names = set(z.namelist())
    content = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert content <= shipped, f"missing from the wheel: {sorted(content - shipped)}"
    assert any(n.startswith("lessons/") for n in shipped) and any(n.startswith("excerpts/") for n in shipped)
    modules = {p.relative_to(ROOT / "lib").as_posix() for p in (ROOT / "lib" / "wakker").rglob("*.py")}
    assert modules <= names, f"missing from the wheel: {sorted(modules - names)}"


def test_wheel_installs_the_jupyterlab_extension(installed):
    """`pip install .` (a JupyterHub, a teacher's server) gets the extension wakker-voorladen where JupyterLab
    looks for prebuilt extensions: <prefix>/share/jupyter/labextensions."""
    _, _, venv = installed
    ext = venv / "share" / "jupyter" / "labextensions" / "wakker-voorladen"
    for name in ("package.json", "static/remoteEntry.js"):
        assert (ext / name).read_bytes() == (ROOT / "jupyter-data" / "labextensions" / "wakker-voorladen" / name).read_bytes()


def test_start_notebook_runs_from_the_installed_package(installed, tmp_path):
    _, python, venv = installed
    work = tmp_path / "mijn map"
    work.mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start.ipynb", work / "00_start.ipynb")
    problems, (probe,) = run_in_kernel(python, work / "00_start.ipynb", kernel_env(tmp_path), extra_cells=(PROBE,))
    assert not problems, "\n".join(problems)
    found = probe_result(probe)
    venv = venv.resolve()
    assert Path(found["wakker"]).resolve().is_relative_to(venv), found["wakker"]
    assert Path(found["data"]).resolve().is_relative_to(venv) and Path(found["data"]).name == "_data", found["data"]
    repo_lib = (ROOT / "lib").resolve()
    assert not any(p and Path(p).resolve() == repo_lib for p in found["path"]), found["path"]
    # Without WAKKER_EXPORTS an installed package exports next to the notebook that runs.
    assert Path(found["exports"]) == Path(found["cwd"]) / "exports" and Path(found["cwd"]).resolve() == work.resolve()
