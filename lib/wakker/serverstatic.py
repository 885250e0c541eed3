"""Jupyter server extension: serve the workbook's own copy of plotly.js at ``<base_url>wakker/static/``.

The copy (``wakker/ui/static/plotly-werkboek.min.js``, see the README there) holds only the trace types the
workbook draws, a third of the full plotly.js that the ``jupyterlab-plotly`` extension loads: the first
figure of a lesson is drawn about half a second sooner (issue 11). ``wakker.ui.figure_esm`` falls back to
that full copy where this route is missing.

It also starts each Python kernel's imports before the first cell (:mod:`wakker.prewarm`; off with
``WAKKER_PREWARM=0``).

Switched on by ``jupyter-config/jupyter_server_config.json`` (``make lab``, ``make student``) and, for a
``pip install`` on a JupyterHub or Binder, by ``<prefix>/etc/jupyter/jupyter_server_config.d/wakker.json``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

#: The folder served, and the URL path below the server's base URL.
STATIC_DIR = Path(__file__).resolve().parent / "ui" / "static"
ROUTE = "wakker/static"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "wakker.serverstatic"}]


def handlers(base_url: str) -> list[tuple]:
    """The tornado route: only the files in :data:`STATIC_DIR` (read-only, no login needed: public code)."""
    from jupyter_server.utils import url_path_join
    from tornado.web import StaticFileHandler

    return [(url_path_join(base_url, ROUTE, "(.*)"), StaticFileHandler, {"path": str(STATIC_DIR)})]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    web_app = serverapp.web_app
    web_app.add_handlers(".*$", handlers(web_app.settings.get("base_url", "/")))
    serverapp.log.info("wakker.serverstatic: the workbook's plotly.js at %s", ROUTE)
    from . import prewarm

    if prewarm.install(serverapp):
        serverapp.log.info("wakker.serverstatic: each new kernel loads the workbook before its first cell")
