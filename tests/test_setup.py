"""The repository's promises: one set of pins, clean notebooks, nothing read from outside the clone."""
import json
import re
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _pins_in(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate({"python_version": "3.11"}):
            continue
        (spec,) = req.specifier
        assert spec.operator == "==", f"{line}: pin an exact version"
        pins[req.name.lower()] = spec.version
    return pins


def test_environment_yml_installs_the_student_set_like_make_lab():
    """Binder and conda install requirements.in with the lock as constraints, as `make lab` does
    (tests/test_binder.py simulates the build and compares the versions)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda and "pip" in conda
    assert pip == ["-r requirements.in", "-c requirements.txt"]


def test_lock_agrees_with_direct_pins():
    lock = _pins_in((ROOT / "requirements.txt").read_text().splitlines())
    for source in ("requirements.in", "requirements-dev.in"):
        for name, version in _pins_in((ROOT / source).read_text().splitlines()).items():
            assert lock.get(name) == version, f"{source}: {name}"


TEST_TOOLS = {"pytest", "playwright", "hypothesis", "nbval", "nbclient"}


def test_students_get_no_test_tools():
    student = _pins_in((ROOT / "requirements.in").read_text().splitlines())
    dev = _pins_in((ROOT / "requirements-dev.in").read_text().splitlines())
    assert not TEST_TOOLS & set(student), "test tools belong in requirements-dev.in"
    assert TEST_TOOLS <= set(dev)
    assert not set(student) & set(dev), "a package is pinned twice"
    assert {"jupyterlab", "ipywidgets", "ipykernel", "jupyterlab-language-pack-nl-nl"} <= set(student)


def _plain_env() -> dict:
    """The environment without make's own variables: under `make test` a nested make would otherwise
    print "Entering/Leaving directory" lines (MAKELEVEL) and inherit flags (MAKEFLAGS)."""
    import os

    return {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")}


def _make_dry_run(tmp_path, *goals) -> str:
    """`make -n -B <goals>` on a copy of the Makefile and the files its rules name (nothing runs)."""
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "requirements.in", "requirements-dev.in", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    out = subprocess.run(["make", "-n", "-B", *goals], cwd=tmp_path, capture_output=True, text=True, env=_plain_env())
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_make_lab_installs_the_student_set_and_starts_tools_lab(tmp_path):
    lab = _make_dry_run(tmp_path, "lab")
    assert "-r requirements.in -c requirements.txt" in lab and "requirements-dev.in" not in lab
    assert lab.rstrip().splitlines()[-1].endswith("tools/lab.py")
    assert "tools/lab.py --port 8890" in _make_dry_run(tmp_path, "lab", "PORT=8890")


def test_make_test_adds_the_test_tools_with_its_own_stamp(tmp_path):
    test = _make_dry_run(tmp_path, "test")
    assert "-r requirements.in -c requirements.txt" in test
    assert "-r requirements-dev.in -c requirements.txt" in test
    assert "touch .venv/.installed\n" in test and "touch .venv/.installed-dev\n" in test
    assert test.rstrip().splitlines()[-1].endswith("-m pytest")
    # After `make test`, `make lab` installs nothing again: both stamps are newer than their sources.
    import subprocess

    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").touch()
    (tmp_path / ".venv" / ".installed").touch()
    (tmp_path / ".venv" / ".installed-dev").touch()
    lab = subprocess.run(["make", "-n", "lab"], cwd=tmp_path, capture_output=True, text=True, env=_plain_env()).stdout
    assert lab.strip() == ".venv/bin/python tools/lab.py", lab


def _lab_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("wakker_lab_tool", ROOT / "tools" / "lab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_server_root_holds_the_export_folder_and_the_start_notebook(monkeypatch):
    from wakker.ui.export import export_folder

    lab = _lab_tool()
    cmd = lab.server_command(8888)
    root = Path(next(a.split("=", 1)[1] for a in cmd if a.startswith("--ServerApp.root_dir=")))
    monkeypatch.delenv("WAKKER_EXPORTS", raising=False)
    assert root == ROOT
    export_folder().relative_to(root)  # the download link and right-click -> Download work
    url = next(a.split("=", 1)[1] for a in cmd if a.startswith("--ServerApp.default_url="))
    assert url == "/lab/tree/notebooks/00_start.ipynb" and (root / "notebooks" / "00_start.ipynb").is_file()
    assert "--ServerApp.log_level=WARN" in cmd


def test_workbook_lab_settings_exist_in_the_installed_jupyterlab():
    """Every override in jupyter-config/labconfig names a real setting of the installed JupyterLab with a
    valid value (a typo would be ignored silently), and the Dutch language pack is installed."""
    import sys
    from importlib.metadata import entry_points

    overrides = json.loads((ROOT / "jupyter-config" / "labconfig" / "default_setting_overrides.json").read_text())
    schemas = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        schema = json.loads((schemas / package / f"{name}.json").read_text())
        for key, value in values.items():
            prop = schema["properties"][key]
            allowed = [c["const"] for c in prop.get("oneOf", [])]
            assert not allowed or value in allowed, (plugin, key, value)
            assert isinstance(value, {"string": str, "boolean": bool}[prop["type"]]), (plugin, key, value)
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    # JupyterLab's table of contents parsed every HTML output for headings after every output change
    # (04: 0.29 s of a first Run All in the browser); the workbook's headings are all in Markdown cells
    assert overrides["@jupyterlab/toc-extension:registry"]["includeOutput"] is False
    assert "nl_NL" in {e.name for e in entry_points(group="jupyterlab.languagepack")}


def test_binder_installs_the_package():
    post = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post and post.startswith("#!")


def test_notebooks_are_stored_without_outputs():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, path.name
        assert "widgets" not in nb.get("metadata", {}), f"{path.name}: saved widget state"


def test_tests_never_read_shared_folder():
    for path in list((ROOT / "tests").rglob("*.py")) + list((ROOT / "benchmarks").rglob("*.py")) + [ROOT / "conftest.py"]:
        if path.resolve() == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.\./shared|/work/shared|shared/(seeds|docs|tools)", text), path


def test_readme_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme


def test_readme_links_are_generated_from_the_one_repository_address():
    from wakker.core.links import END, START, readme_block

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(START): readme.index(END) + len(END)]
    assert block == readme_block(), "run `make links` after changing data/workbook.yaml or data/notebooks.yaml"


def test_links_follow_the_configured_repository():
    from wakker.core.links import binder_url, nbgitpuller_url

    cfg = {"repository": "https://github.com/school/werkboek.git", "branch": "dev"}
    assert binder_url("07_x", cfg) == "https://mybinder.org/v2/gh/school/werkboek/dev?urlpath=lab%2Ftree%2Fnotebooks%2F07_x.ipynb"
    url = nbgitpuller_url("https://hub.example.nl/", "00_start", cfg)
    assert url.startswith("https://hub.example.nl/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fschool%2Fwerkboek.git")
    assert "urlpath=lab%2Ftree%2Fwerkboek%2Fnotebooks%2F00_start.ipynb" in url and "branch=dev" in url
