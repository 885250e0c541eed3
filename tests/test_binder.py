"""Binder: the environment repo2docker builds from this repository, simulated without Docker.

What repo2docker does with this repository (jupyterhub/repo2docker, ``buildpacks/conda``; conda's
``env/installers/pip.py``):

1. It reads ``binder/`` (or ``.binder/``) when that folder exists, else the repository root.
2. With an ``environment.yml`` it runs ``mamba env update -p <notebook env> -f environment.yml``
   on its base environment. The ``pip:`` lines go into a temporary requirements file next to
   ``environment.yml`` and pip runs as ``python -m pip install -U -r <that file> --exists-action=b``
   in that folder. Because the lines hold local ``-r``/``-c`` references, repo2docker runs this step
   after the repository has been copied into the image.
3. It runs ``postBuild`` (executable) from the repository folder with that environment first on PATH.

The slow test does 2 and 3 in a fresh virtual environment, reading the pip lines from
environment.yml and the commands from postBuild (nothing restated here), compares ``pip freeze``
with requirements.txt for this Python, and runs every ready notebook headless in that environment.
The base environment of repo2docker's image (its own JupyterLab and friends) is not simulated.
It needs Python 3.11 (environment.yml's version) and reuses pip's cache and configured indexes;
``WAKKER_SKIP_SLOW=1`` skips it (CI runs it).
"""
from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from test_install import copy_source_tree, kernel_env, run_in_kernel, venv_python

ROOT = Path(__file__).resolve().parents[1]


def binder_folder(repo: Path) -> Path:
    """Where repo2docker reads its configuration files."""
    for name in ("binder", ".binder"):
        if (repo / name).is_dir():
            return repo / name
    return repo


def environment(repo: Path) -> tuple[list[str], list[str]]:
    """(conda dependencies, pip lines) of the environment.yml repo2docker reads."""
    env = yaml.safe_load((binder_folder(repo) / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return conda, [str(line) for line in pip]


def lock_for_this_python(repo: Path) -> dict[str, str]:
    pins = {}
    for line in (repo / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate():
            (spec,) = req.specifier
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def student_pins(repo: Path) -> dict[str, str]:
    pins = {}
    for line in (repo / "requirements.in").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate():
                pins[canonicalize_name(req.name)] = next(iter(req.specifier)).version
    return pins


# ---------------------------------------------------------------- fast checks of the configuration
def test_binder_reads_the_root_files_and_installs_the_student_set_like_make_lab():
    assert binder_folder(ROOT) == ROOT, "a binder/ folder would make repo2docker ignore environment.yml and postBuild"
    _, pip = environment(ROOT)
    assert pip == ["-r requirements.in", "-c requirements.txt"], pip
    assert "$(PIP) -r requirements.in -c requirements.txt" in (ROOT / "Makefile").read_text()  # as `make lab`
    assert (ROOT / "postBuild").read_text().startswith("#!")  # repo2docker runs it as a program


# ---------------------------------------------------------------- the export reminder
def _nbbuild():
    spec = importlib.util.spec_from_file_location("wakker_nbbuild", ROOT / "tools" / "nbbuild.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def has_export_reminder(markdown: str) -> bool:
    """The closing reminder (tools/nbbuild.py EXPORT_REMINDER, or words to that effect): on Binder,
    export now in the start notebook."""
    text = " ".join(markdown.replace("*", "").replace("`", "").lower().split())
    return "werk je op binder" in text and "exporteer" in text and ("00_start" in text or "notebook 00" in text)


def calls_export_panel(source: str) -> bool:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "export_panel"
               for n in ast.walk(tree))


def closing_problem(path: Path) -> str | None:
    """None when the notebook's closing cell holds the export reminder, or its last section (from its
    last ``## `` heading on) shows the export panel; else what is missing."""
    cells = nbformat.read(str(path), as_version=4).cells
    starts = [i for i, c in enumerate(cells)
              if c.cell_type == "markdown" and any(ln.startswith("## ") for ln in c.source.splitlines())]
    last_section = cells[starts[-1] if starts else 0:]
    if cells and cells[-1].cell_type == "markdown" and has_export_reminder(cells[-1].source):
        return None
    if any(c.cell_type == "code" and calls_export_panel(c.source) for c in last_section):
        return None
    first = next((ln for ln in last_section[0].source.splitlines() if ln.strip()), "") if last_section else ""
    return (f"{path.name}: the last section ({first.strip()!r}, {len(last_section)} cells) has neither the export "
            "reminder (tools/nbbuild.py export_reminder()) nor nb.export_panel()")


def test_the_canonical_reminder_is_recognised():
    nbbuild = _nbbuild()
    assert has_export_reminder(nbbuild.EXPORT_REMINDER)
    assert has_export_reminder(nbbuild.export_reminder().source)
    assert not has_export_reminder("## Tot slot\n\nJe bent klaar. Kies een volgend notebook.")


def _ready_ids() -> list[str]:
    entries = yaml.safe_load((ROOT / "data" / "notebooks.yaml").read_text(encoding="utf-8")) or []
    return [e["id"] for e in entries if isinstance(e, dict) and e.get("status") == "klaar"]


#: Ready notebooks known to end without the reminder, reported to the notebooks' authors (whoever writes
#: this test does not edit notebooks). Not strict, so that a fix can land on its own: when an entry
#: XPASSes, remove it. (00_start gained its closing export panel while this test was written.)
KNOWN_WITHOUT_REMINDER: dict[str, str] = {}


@pytest.mark.parametrize("notebook_id", [
    pytest.param(i, marks=pytest.mark.xfail(reason=KNOWN_WITHOUT_REMINDER[i], strict=False))
    if i in KNOWN_WITHOUT_REMINDER else i for i in _ready_ids()])
def test_ready_notebook_ends_with_the_export_reminder(notebook_id):
    problem = closing_problem(ROOT / "notebooks" / f"{notebook_id}.ipynb")
    assert problem is None, problem


# ---------------------------------------------------------------- the simulated build (slow)
@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("WAKKER_SKIP_SLOW") == "1", reason="WAKKER_SKIP_SLOW=1")
def test_simulated_binder_build_has_the_locked_versions_and_runs_every_ready_notebook(tmp_path):
    conda, pip_lines = environment(ROOT)
    version = next((m.group(1) for d in conda if (m := re.fullmatch(r"python\s*=+\s*(\d+\.\d+)\S*", d))), None)
    if version is None or f"{sys.version_info.major}.{sys.version_info.minor}" != version:
        pytest.skip(f"environment.yml asks for Python {version}; this is {sys.version.split()[0]}")
    started = time.perf_counter()
    repo = copy_source_tree(tmp_path / "repo")  # repo2docker copies the repository into the image
    config = binder_folder(repo)
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, timeout=300)
    python = venv_python(env_dir)
    path_env = dict(os.environ, PATH=f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}", VIRTUAL_ENV=str(env_dir))
    for name in ("PYTHONPATH", "WAKKER_DATA", "PYTHONHOME"):
        path_env.pop(name, None)

    # 2. the pip section of environment.yml, as conda/mamba runs it
    requirements = config / "condaenv.simulated.requirements.txt"
    requirements.write_text("\n".join(pip_lines))
    proc = subprocess.run([str(python), "-m", "pip", "install", "-U", "-r", str(requirements), "--exists-action=b",
                           "--progress-bar", "off"], cwd=config, env=path_env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    requirements.unlink()

    # 3. postBuild, from the repository folder
    post = config / "postBuild"
    post.chmod(0o755)
    proc = subprocess.run([str(post)], cwd=repo, env=path_env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    installed_at = time.perf_counter()

    # the installed versions are the lock's
    freeze = subprocess.run([str(python), "-m", "pip", "freeze"], env=path_env, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    installed = {}
    for line in freeze:
        if line.startswith(("-e ", "#")) or "==" not in line:
            continue
        name, ver = line.split("==", 1)
        installed[canonicalize_name(name)] = ver.strip()
    lock = lock_for_this_python(repo)
    differ = {n: (v, lock.get(n)) for n, v in installed.items() if lock.get(n) != v}
    assert not differ, f"installed (version, requirements.txt) where they differ: {differ}"
    missing = {n: v for n, v in student_pins(repo).items() if installed.get(n) != v}
    assert not missing, f"requirements.in pins not installed: {missing}"
    wakker = subprocess.run([str(python), "-c", "import wakker; print(wakker.__file__)"], env=path_env, cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout.strip()
    assert Path(wakker).resolve().is_relative_to(repo.resolve()), wakker
    assert (env_dir / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json").is_file()
    assert (env_dir / "share" / "jupyter" / "labextensions" / "wakker-voorladen" / "static" / "remoteEntry.js").is_file()

    # every ready notebook runs headless in that environment
    entries = yaml.safe_load((repo / "data" / "notebooks.yaml").read_text(encoding="utf-8")) or []
    ready = [e["id"] for e in entries if isinstance(e, dict) and e.get("status") == "klaar"]
    assert ready
    problems = []
    for notebook_id in ready:
        found, _ = run_in_kernel(python, repo / "notebooks" / f"{notebook_id}.ipynb", kernel_env(tmp_path))
        problems += found
    assert not problems, "\n".join(problems)
    print(f"simulated Binder build: install {installed_at - started:.0f} s, "
          f"{len(ready)} notebooks {time.perf_counter() - installed_at:.0f} s, {len(installed)} packages as locked")
