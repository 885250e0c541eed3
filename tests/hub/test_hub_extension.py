"""wakker.serverhooks as a Jupyter server extension: what `pip install` switches on for a JupyterHub.

Fast checks without a hub (the hub walk itself is tests/browser/test_hub_browser.py):

* the package's data files (pyproject.toml) put ``jupyter-config/server-config/wakker.json`` into
  ``<prefix>/etc/jupyter/jupyter_server_config.d``, and that file switches on an extension that
  jupyter_server can load;
* the extension, loaded into jupyter_server's own contents manager, saves a notebook in a copy of
  the workbook without outputs and serves it with the kernel's ``language_info``; another course's
  ``notebooks/01_intro.ipynb`` on the same hub is left as it is.
"""
from __future__ import annotations

import asyncio
import copy
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from jupyter_server.extension.manager import ExtensionPackage
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

from wakker import serverhooks
from wakker.serverhooks import in_workbook_copy, kernel_language_info

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
NB07 = ROOT / "notebooks" / "07_blog_vertrouwen_prisoners_dilemma.ipynb"


def test_pip_install_switches_the_extension_on():
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    sources = data_files["etc/jupyter/jupyter_server_config.d"]
    assert sources == ["jupyter-config/server-config/wakker.json"]
    config = json.loads((ROOT / sources[0]).read_text())
    assert config == {"ServerApp": {"jpserver_extensions": {"wakker.serverhooks": True, "wakker.serverstatic": True}}}
    assert ExtensionPackage(name="wakker.serverhooks", enabled=True).validate()
    assert ExtensionPackage(name="wakker.serverstatic", enabled=True).validate()


@pytest.mark.parametrize("path, marker, ours", [
    ("wakker-werkboek/notebooks/07_x.ipynb", "wakker-werkboek", True),   # nbgitpuller's clone
    ("notebooks/07_x.ipynb", "", True),                                  # server root = the clone
    ("cursus-data/notebooks/01_intro.ipynb", None, False),               # another course on the hub
    ("wakker-werkboek/notebooks/Untitled.ipynb", "wakker-werkboek", False),
])
def test_only_notebooks_in_a_copy_of_the_workbook(tmp_path, path, marker, ours):
    if marker is not None:
        (tmp_path / marker / "data").mkdir(parents=True, exist_ok=True)
        (tmp_path / marker / "data" / "notebooks.yaml").write_text("{}\n")
    assert in_workbook_copy(path, str(tmp_path)) is ours


def _with_outputs(nb: dict) -> dict:
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = 3
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "uitvoer\n"}]
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.99.0"}
    return nb


def test_the_extension_in_jupyter_servers_contents_manager(tmp_path):
    original = NB07.read_text(encoding="utf-8")
    (tmp_path / "wakker-werkboek" / "notebooks").mkdir(parents=True)
    (tmp_path / "wakker-werkboek" / "data").mkdir()
    (tmp_path / "wakker-werkboek" / "data" / "notebooks.yaml").write_text("{}\n")
    (tmp_path / "cursus" / "notebooks").mkdir(parents=True)
    ours, theirs = "wakker-werkboek/notebooks/" + NB07.name, "cursus/notebooks/01_intro.ipynb"
    cm = AsyncLargeFileManager(root_dir=str(tmp_path))
    serverhooks._load_jupyter_server_extension(SimpleNamespace(contents_manager=cm, log=logging.getLogger("test")))

    async def scenario():
        nb = _with_outputs(json.loads(original))
        for path in (ours, theirs):
            await cm.save({"type": "notebook", "format": "json", "content": copy.deepcopy(nb)}, path)
        return await cm.get(ours), await cm.get(theirs)

    # In its own thread: in the full suite Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        served_ours, served_theirs = pool.submit(asyncio.run, scenario()).result(timeout=60)
    assert (tmp_path / ours).read_text(encoding="utf-8") == original
    assert served_ours["content"]["metadata"]["language_info"] == kernel_language_info()
    kept = nbformat.reads((tmp_path / theirs).read_text(encoding="utf-8"), as_version=4)
    assert any(c.get("outputs") for c in kept.cells if c.cell_type == "code")
    assert served_theirs["content"]["metadata"]["language_info"] == {"name": "python", "version": "3.99.0"}
