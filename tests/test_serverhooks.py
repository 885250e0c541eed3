"""wakker.serverhooks: the workbook's notebooks are saved as git has them and open unmodified."""
from __future__ import annotations

import asyncio
import copy
import json
from pathlib import Path

import nbformat
import pytest

from wakker import serverhooks
from wakker.serverhooks import (WorkbookContentsManager, is_workbook_notebook, kernel_language_info,
                                strip_notebook, strip_workbook_notebook)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET = {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0}}


def _as_jupyterlab_saves_it(nb: dict) -> dict:
    """What JupyterLab sends after Run All: outputs, counts, widget state, the kernel's language_info."""
    nb = copy.deepcopy(nb)
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            cell["execution_count"] = i + 1
            cell["outputs"] = [{"output_type": "display_data", "data": WIDGET, "metadata": {}}]
            cell["metadata"]["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2}}
    nb["metadata"]["language_info"] = {"name": "python", "version": "3.12.1", "mimetype": "text/x-python"}
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_saved_workbook_notebook_is_byte_identical_to_the_file(path):
    original = path.read_text(encoding="utf-8")
    saved = strip_notebook(_as_jupyterlab_saves_it(json.loads(original)))
    assert nbformat.writes(nbformat.from_dict(saved)) + "\n" == original


def test_a_cell_the_student_added_keeps_its_source():
    nb = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    nb["cells"].append(nbformat.v4.new_code_cell("print('mijn eigen cel')"))
    stripped = strip_notebook(_as_jupyterlab_saves_it(nb))
    assert stripped["cells"][-1]["source"] == "print('mijn eigen cel')"
    assert stripped["cells"][-1]["outputs"] == [] and stripped["cells"][-1]["execution_count"] is None


@pytest.mark.parametrize("path, ours", [
    ("notebooks/07_blog.ipynb", True),
    ("wakker-werkboek/notebooks/00_start.ipynb", True),  # nbgitpuller's folder on a JupyterHub
    ("notebooks/Untitled.ipynb", False),                   # the student's own notebook keeps its outputs
    ("07_blog.ipynb", False),
    ("exports/notebooks2/07_x.ipynb", False),
    ("notebooks/07_blog.ipynb.bak", False),
])
def test_which_notebooks_are_the_workbooks(path, ours):
    assert is_workbook_notebook(path) is ours


def test_the_hook_leaves_other_notebooks_and_files_alone():
    nb = _as_jupyterlab_saves_it(json.loads(NOTEBOOKS[0].read_text(encoding="utf-8")))
    model = {"type": "notebook", "content": copy.deepcopy(nb)}
    strip_workbook_notebook(model=model, path="notebooks/Untitled.ipynb", contents_manager=None)
    assert model["content"] == nb
    text = {"type": "file", "content": "x"}
    strip_workbook_notebook(model=text, path="notebooks/07_x.ipynb", contents_manager=None)
    assert text == {"type": "file", "content": "x"}


def test_contents_manager_saves_stripped_and_serves_the_kernels_language_info(tmp_path):
    """The real jupyter_server contents manager with the workbook's settings (jupyter-config/)."""
    config = json.loads((ROOT / "jupyter-config" / "jupyter_server_config.json").read_text())
    assert config["ServerApp"]["contents_manager_class"] == "wakker.serverhooks.WorkbookContentsManager"
    (tmp_path / "notebooks").mkdir()
    original = NOTEBOOKS[0].read_text(encoding="utf-8")
    name = "notebooks/" + NOTEBOOKS[0].name
    cm = WorkbookContentsManager(root_dir=str(tmp_path), pre_save_hook=config["ContentsManager"]["pre_save_hook"])

    async def scenario():
        nb = _as_jupyterlab_saves_it(json.loads(original))
        await cm.save({"type": "notebook", "format": "json", "content": nb}, name)
        return await cm.get(name)

    # In its own thread: in the full suite Playwright's sync API keeps an event loop running in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        served = pool.submit(asyncio.run, scenario()).result(timeout=60)
    assert (tmp_path / name).read_text(encoding="utf-8") == original
    assert served["content"]["metadata"]["language_info"] == kernel_language_info()
    assert kernel_language_info()["version"]  # what JupyterLab would otherwise add, marking it modified


def test_language_info_is_only_filled_for_a_bare_python_notebook(monkeypatch):
    monkeypatch.setattr(serverhooks, "kernel_language_info", lambda: {"name": "python", "version": "3.x"})
    bare = {"metadata": {"kernelspec": {"name": "python3"}, "language_info": {"name": "python"}}}
    assert serverhooks.with_kernel_language_info(bare)["metadata"]["language_info"]["version"] == "3.x"
    other = {"metadata": {"kernelspec": {"name": "ir"}, "language_info": {"name": "R"}}}
    assert serverhooks.with_kernel_language_info(copy.deepcopy(other)) == other
