"""The student mode (issue 10.3) without a browser: `make student`, tools/student.py, the Voilà template and
config in student-mode/, the Binder links, and the texts a student reads there.

The real pages are checked in tests/browser/test_student_mode_browser.py.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

from wakker.core.mode import LAB_ONLY, markdown_for

ROOT = Path(__file__).resolve().parents[1]
STUDENT_DIR = ROOT / "student-mode"
TEMPLATE = STUDENT_DIR / "data" / "voila" / "templates" / "wakker"

READY = [e["id"] for e in yaml.safe_load((ROOT / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
         if e["status"] == "klaar"]


def _tool():
    spec = importlib.util.spec_from_file_location("wakker_student_tool", ROOT / "tools" / "student.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _markdown(notebook: str) -> list[tuple[str, str]]:
    nb = json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))
    return [(c["id"], "".join(c["source"])) for c in nb["cells"] if c["cell_type"] == "markdown"]


# ---------------------------------------------------------------- the start command
def test_make_student_installs_the_student_set_and_starts_tools_student(tmp_path):
    from test_setup import _make_dry_run

    out = _make_dry_run(tmp_path, "student")
    assert "-r requirements.in -c requirements.txt" in out and "requirements-dev.in" not in out
    assert out.rstrip().splitlines()[-1].endswith("tools/student.py")
    assert "tools/student.py --port 8890" in _make_dry_run(tmp_path, "student", "PORT=8890")


def test_student_server_is_the_lab_server_opening_the_start_page():
    tool = _tool()
    cmd = tool.server_command(8888, open_browser=False, extra=["--Extra.flag=1"])
    urls = [a for a in cmd if a.startswith("--ServerApp.default_url=")]
    assert urls == ["--ServerApp.default_url=/voila/render/notebooks/00_start.ipynb"]  # one value: a second is an error
    lab = tool.lab.server_command(8888, open_browser=False, extra=["--Extra.flag=1"])
    assert [a for a in cmd if a not in urls] == [a for a in lab if not a.startswith("--ServerApp.default_url=")]
    assert (ROOT / "notebooks" / "00_start.ipynb").is_file()
    assert tool.start_url(8890, "T") == "http://localhost:8890/voila/render/notebooks/00_start.ipynb?token=T"


def test_student_server_finds_the_template_and_its_config():
    tool = _tool()
    env = tool.server_env("T", base={"JUPYTER_CONFIG_PATH": "/etc/elders", "PATH": "/bin"})
    config = env["JUPYTER_CONFIG_PATH"].split(":")
    assert config[0] == str(STUDENT_DIR / "config") and str(ROOT / "jupyter-config") in config and "/etc/elders" in config
    assert env["JUPYTER_PATH"].split(":")[0] == str(STUDENT_DIR / "data")
    assert env["JUPYTER_TOKEN"] == "T"
    voila = json.loads((STUDENT_DIR / "config" / "voila.json").read_text())["VoilaConfiguration"]
    assert voila["template"] == TEMPLATE.name and voila["strip_sources"] is True
    # the texts are there at once, the widgets follow cell by cell (hence the template's STUDENT_CSS)
    assert voila["progressive_rendering"] is True and voila["show_tracebacks"] is False
    assert json.loads((TEMPLATE / "conf.json").read_text())["base_template"] == "lab"
    server = json.loads((STUDENT_DIR / "config" / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["tornado_settings"] == {"mathjax_url": "null", "mathjax_config": "null"}
    assert server["VoilaExporter"]["language_code"] == "nl"
    culling = server["MappingKernelManager"]  # kernels of pages closed without a word; never an open page's
    assert culling["cull_connected"] is False and 600 <= culling["cull_idle_timeout"] <= 3600


def test_template_links_nothing_on_the_internet():
    text = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    code = re.sub(r"\{#.*?#\}", "", text, flags=re.S)  # comments may name a URL
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", code)
    assert "super.super()" in code  # skips the lab template's block with the CDN links, keeps nbconvert's


def test_template_swaps_the_texts_as_the_notebook_header_does():
    from wakker.core.mode import STUDENT_CSS

    assert STUDENT_CSS in (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the Binder links
def test_binder_student_links_open_voila_render():
    from wakker.core.links import readme_block, student_url

    cfg = {"repository": "https://github.com/school/werkboek.git", "branch": "dev"}
    assert student_url("07_x", cfg) == ("https://mybinder.org/v2/gh/school/werkboek/dev"
                                       "?urlpath=voila%2Frender%2Fnotebooks%2F07_x.ipynb")
    block = readme_block()
    assert "| openen | zonder code |" in block
    for nb in READY:
        assert f"urlpath=voila%2Frender%2Fnotebooks%2F{nb}.ipynb" in block


# ---------------------------------------------------------------- the texts
def test_mode_versions_are_well_formed():
    for nb in READY:
        for cid, md in _markdown(nb):
            opened = re.findall(r'<(div|span) class="wakker-(lab|student)"( hidden="hidden")?>', md)
            for tag, which, hidden in opened:
                assert bool(hidden) == (which == "student"), f"{nb} {cid}: the student version is hidden, the Lab one not"
            assert len(opened) == md.count('class="wakker-'), f"{nb} {cid}: write the wrapper exactly as documented"
            rest = markdown_for(markdown_for(md, "lab"), "student")  # both removed: no wrapper may be left over
            assert "wakker-lab" not in rest and "wakker-student" not in rest, f"{nb} {cid}: unbalanced wrapper"


@pytest.mark.parametrize("notebook", READY)
def test_student_mode_texts_name_nothing_of_jupyterlab(notebook):
    """What a student reads in the student mode: no Run All, Shift+Enter, kernel menu or file browser."""
    bad = [f"{cid}: …{m.group(0)}…" for cid, md in _markdown(notebook)
           for m in re.finditer(rf".{{0,40}}({LAB_ONLY.pattern}).{{0,40}}", markdown_for(md, "student"), re.I | re.S)]
    assert not bad, (f"{notebook}: in the student mode (Voilà) these texts tell a student to do something that "
                     f"does not exist there. Put the JupyterLab wording in <span class=\"wakker-lab\">…</span> and "
                     f"follow it with <span class=\"wakker-student\" hidden=\"hidden\">…</span> (see wakker.core.mode):\n"
                     + "\n".join(bad))


def test_lab_texts_still_say_how_to_start():
    starts = {nb: any("Run All Cells" in markdown_for(md, "lab") for _, md in _markdown(nb)) for nb in READY}
    assert all(starts.values()), starts


def test_texts_shown_in_both_modes_name_nothing_of_jupyterlab():
    """Goals (the page header) are shown in both modes."""
    entries = yaml.safe_load((ROOT / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
    bad = [g for e in entries if e["status"] == "klaar" for g in e.get("goals", []) if LAB_ONLY.search(g)]
    assert not bad, bad
