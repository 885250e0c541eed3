"""The repository's promises: one set of pins, clean notebooks, nothing read from outside the clone."""
import json
import re
from pathlib import Path

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


def test_environment_yml_lists_the_same_packages_as_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda and "pip" in conda
    assert _pins_in(pip) == _pins_in((ROOT / "requirements.in").read_text().splitlines())


def test_lock_agrees_with_direct_pins():
    direct = _pins_in((ROOT / "requirements.in").read_text().splitlines())
    lock = _pins_in((ROOT / "requirements.txt").read_text().splitlines())
    for name, version in direct.items():
        assert lock.get(name) == version, name


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
