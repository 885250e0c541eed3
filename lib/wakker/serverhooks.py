"""Jupyter server hooks for the workbook: keep the workbook's own notebooks clean on disk.

JupyterLab saves a notebook with everything it shows: cell outputs, execution counts, the
state of every widget and the kernel's full ``language_info`` (with the Python version of the
computer it runs on). For the workbook's notebooks
that is harmful: after a restart every saved widget output reads "model not found", the file
differs from git (so nbgitpuller keeps the student's copy instead of updating it) and a
notebook grows by hundreds of lines. Answers live in the journal, not in the notebook, so
nothing a student wrote is lost by not saving outputs; the source of every cell (also a
cell the student added) is saved as usual.

* :func:`strip_workbook_notebook` is a ``ContentsManager.pre_save_hook``: what is written is
  the notebook as git has it, plus the sources of cells a student added or changed;
* :class:`WorkbookContentsManager` also serves a workbook notebook with the ``language_info``
  this server's Python kernel reports. Without it a notebook is marked "modified" the moment its
  kernel connects (JupyterLab stores the kernel's ``language_info`` into the model, which differs
  from the file's ``{"name": "python"}``), and closing it asks whether to save.

``tools/lab.py`` switches both on through ``jupyter-config/jupyter_server_config.json``.

On a JupyterHub the module is a **Jupyter server extension** (tested by
``tests/browser/test_hub_browser.py``). It *adds* a pre-save hook
(:func:`strip_workbook_clone_notebook`) next to whatever hook the hub already has, and strips only
notebooks in a copy of the workbook (a folder with ``notebooks/`` and ``data/notebooks.yaml``, as
nbgitpuller's clone has), so another course's ``notebooks/01_intro.ipynb`` on the same hub keeps its
outputs. The contents manager class is left alone there: only the ``get`` of the running instance serves
those notebooks with the kernel's ``language_info`` (:func:`serve_kernel_language_info`). ``pip install``
of the package (not an editable install) switches the extension on by itself, through
``<prefix>/etc/jupyter/jupyter_server_config.d/wakker.json`` (``pyproject.toml``, data files).
"""
from __future__ import annotations

import functools
import inspect
import os
import re
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

# The workbook's notebooks: notebooks/NN_name.ipynb, also below a folder (nbgitpuller clones
# the repository into a folder of the student's home). A notebook the student creates
# (Untitled.ipynb, ...) keeps its outputs.
WORKBOOK_NOTEBOOK = re.compile(r"(^|/)notebooks/\d\d_[^/]*\.ipynb$")

# Notebook metadata a kernel or an extension adds and that the workbook never stores.
VOLATILE_METADATA = ("widgets",)


def is_workbook_notebook(path: str) -> bool:
    """Whether ``path`` (an API path relative to the server root) is one of the workbook's notebooks."""
    return bool(WORKBOOK_NOTEBOOK.search(path.replace("\\", "/").lstrip("/")))


def strip_notebook(nb: dict[str, Any]) -> dict[str, Any]:
    """Remove outputs, execution counts and saved widget state from notebook JSON ``nb`` (in place).

    ``language_info`` is cut back to its ``name``: the kernel fills in its Python version,
    which differs per computer. Cell sources, cell metadata and cell ids stay as they are.
    """
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            meta = cell.get("metadata")
            if isinstance(meta, dict):
                meta.pop("execution", None)  # timing, when "record timing" is switched on
    meta = nb.get("metadata")
    if isinstance(meta, dict):
        for key in VOLATILE_METADATA:
            meta.pop(key, None)
        info = meta.get("language_info")
        if isinstance(info, dict) and "name" in info:
            meta["language_info"] = {"name": info["name"]}
    return nb


def strip_workbook_notebook(model: dict[str, Any], path: str, **_: Any) -> None:
    """``ContentsManager.pre_save_hook``: strip a workbook notebook before it is written."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    if not is_workbook_notebook(path):
        return
    strip_notebook(model["content"])


@functools.lru_cache(maxsize=1)
def kernel_language_info() -> dict[str, Any] | None:
    """The ``language_info`` an ipykernel of this Python reports (None if ipykernel is missing)."""
    try:
        from ipykernel.ipkernel import IPythonKernel
    except Exception:  # noqa: BLE001 - no ipykernel here: serve the notebook as it is
        return None
    return dict(IPythonKernel.language_info)


def with_kernel_language_info(nb: dict[str, Any]) -> dict[str, Any]:
    """Fill a Python notebook's bare ``language_info`` (``{"name": "python"}``) with what the kernel
    will report, so opening the notebook changes nothing (in place)."""
    meta = nb.get("metadata")
    info = kernel_language_info()
    if not isinstance(meta, dict) or info is None:
        return nb
    if (meta.get("kernelspec") or {}).get("name") == "python3" and meta.get("language_info") == {"name": "python"}:
        meta["language_info"] = dict(info)
    return nb


class WorkbookContentsManager(AsyncLargeFileManager):
    """Jupyter server's default contents manager; a workbook notebook comes with the kernel's
    ``language_info`` (see :func:`with_kernel_language_info`) -- only what is sent, not the file."""

    async def get(self, path, content=True, type=None, format=None, **kwargs):  # noqa: A002 - jupyter's names
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") == "notebook" and isinstance(model.get("content"), dict) and is_workbook_notebook(path):
            with_kernel_language_info(model["content"])
        return model

    def mark_trusted_cells(self, nb, path=""):
        """As Jupyter's, without the warning "Notebook ... is not trusted" for a workbook notebook: it
        is stored without outputs, so there is nothing to trust, and the student's terminal stays quiet."""
        if not is_workbook_notebook(path):
            return super().mark_trusted_cells(nb, path)
        self.notary.mark_cells(nb, self.notary.check_signature(nb))


# --------------------------------------------------------------------------- JupyterHub: server extension

WORKBOOK_MARKER = "data/notebooks.yaml"  # the workbook's map: a folder holding it and notebooks/ is a copy of the workbook


def in_workbook_copy(path: str, root_dir: str | None) -> bool:
    """Whether ``path`` (API path) is a workbook notebook inside a copy of the workbook below ``root_dir``."""
    if not is_workbook_notebook(path) or not root_dir:
        return False
    parts = path.replace("\\", "/").strip("/").split("/")
    top = parts[:-2]  # the folder that holds notebooks/
    return os.path.isfile(os.path.join(os.path.expanduser(root_dir), *top, *WORKBOOK_MARKER.split("/")))


def strip_workbook_clone_notebook(model: dict[str, Any], path: str, contents_manager: Any = None, **_: Any) -> None:
    """The hub's pre-save hook: :func:`strip_workbook_notebook`, only inside a copy of the workbook."""
    if in_workbook_copy(path, getattr(contents_manager, "root_dir", None)):
        strip_workbook_notebook(model, path)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "wakker.serverhooks"}]


def serve_kernel_language_info(cm: Any) -> None:
    """Let this contents manager (only this instance, whatever its class) serve a notebook in a copy of the
    workbook as :class:`WorkbookContentsManager` does, so that opening it marks nothing modified."""
    original = cm.get

    def fill(model: dict[str, Any], path: str) -> dict[str, Any]:
        if model.get("type") == "notebook" and isinstance(model.get("content"), dict) \
                and in_workbook_copy(path, getattr(cm, "root_dir", None)):
            with_kernel_language_info(model["content"])
        return model

    if inspect.iscoroutinefunction(original):
        async def get(path, *args, **kwargs):
            return fill(await original(path, *args, **kwargs), path)
    else:
        def get(path, *args, **kwargs):
            return fill(original(path, *args, **kwargs), path)
    cm.get = get


def _load_jupyter_server_extension(serverapp: Any) -> None:
    cm = serverapp.contents_manager
    cm.register_pre_save_hook(strip_workbook_clone_notebook)
    if not isinstance(cm, WorkbookContentsManager):
        serve_kernel_language_info(cm)
    serverapp.log.info("wakker.serverhooks: workbook notebooks are saved without outputs")
