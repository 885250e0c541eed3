"""The JupyterLab extension wakker-voorladen (``jupyter-data/labextensions/wakker-voorladen``): a prebuilt
("federated") extension written by hand, that loads the workbook's plotly.js while a lesson is open.
What it does in a page is tested in tests/browser/test_figure_browser.py; here, that JupyterLab finds it
where `make lab` (tools/lab.py), the browser tests and an installed wheel put it, and that it loads the
same file as the figures."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXT = ROOT / "jupyter-data" / "labextensions" / "wakker-voorladen"


def test_jupyterlab_finds_it_as_a_prebuilt_extension_with_a_loadable_entry():
    from jupyterlab_server.config import get_federated_extensions

    found = get_federated_extensions([str(EXT.parent)])
    assert set(found) == {"wakker-voorladen"}
    build = found["wakker-voorladen"]["jupyterlab"]["_build"]
    assert build["extension"] == "./extension"
    entry = EXT / build["load"]
    assert entry.is_file()
    text = entry.read_text(encoding="utf-8")
    # the container JupyterLab's bootstrap expects: window._JUPYTERLAB[name] with init and get
    assert "window._JUPYTERLAB[NAME]" in text and "var NAME = 'wakker-voorladen';" in text
    assert "init:" in text and "get:" in text and "'./extension'" in text


def test_it_loads_the_same_plotly_file_as_the_figures():
    from wakker.ui.figure_esm import PLOTLY_FILE

    text = (EXT / "static" / "remoteEntry.js").read_text(encoding="utf-8")
    (own,) = re.findall(r"var PLOTLY_FILE = '([^']+)';", text)
    assert own == PLOTLY_FILE


def test_make_lab_puts_it_on_the_jupyter_path(monkeypatch):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import lab
    finally:
        sys.path.remove(str(ROOT / "tools"))
    env = lab.server_env("T", base={"JUPYTER_PATH": "/elders", "PATH": "/bin"})
    assert env["JUPYTER_PATH"].split(":")[:2] == [str(ROOT / "jupyter-data"), "/elders"]
    # and JupyterLab's own search finds the extension through it
    from jupyter_core.paths import jupyter_path

    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    assert any((Path(p) / "wakker-voorladen" / "package.json").is_file() for p in jupyter_path("labextensions"))


def test_package_json_is_what_jupyterlab_reads():
    data = json.loads((EXT / "package.json").read_text(encoding="utf-8"))
    assert data["name"] == "wakker-voorladen" and data["version"]
    assert data["jupyterlab"]["extension"] is True


def test_a_lesson_that_draws_with_the_full_plotly_says_so_in_its_notebook():
    """A lesson that asks for jupyterlab-plotly's full plotly.js (``want_plotly(full=True)``) has
    {"wakker": {"plotly": "full"}} in its notebook's metadata, so the extension does not load the workbook's own copy
    for nothing; every other lesson has not. None does now: 06's radar (scatterpolar) is in the own copy
    (tests/browser/test_nb06_browser.py: 06 draws with it)."""
    import yaml

    entries = yaml.safe_load((ROOT / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
    full = []
    for e in entries:
        if e.get("status") != "klaar" or not e.get("lesson"):
            continue
        package = ROOT / "lib" / "wakker" / "lessons" / e["lesson"]
        source = "".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py")) if package.is_dir() else \
            (package.with_suffix(".py")).read_text(encoding="utf-8")
        nb = json.loads((ROOT / "notebooks" / f"{e['id']}.ipynb").read_text(encoding="utf-8"))
        says_full = nb["metadata"].get("wakker", {}).get("plotly") == "full"
        assert says_full == ("want_plotly(full=True)" in source), e["id"]
        full += [e["id"]] if says_full else []
    assert full == []
    assert "getMetadata('wakker')" in (EXT / "static" / "remoteEntry.js").read_text(encoding="utf-8")
