"""The shared kit every lesson uses (imports ``wakker.core`` only, never a lesson).

* :mod:`.style` -- the one style table; error, notice and status boxes.
* :mod:`.view` -- :class:`View` (a box and a message) and :func:`safe` for callbacks.
* :mod:`.saving` -- :class:`SavedWidget`: restore, debounce, status, :func:`flush`.
* :mod:`.questions` -- open question, scale, choice (saved by stable option id).
* :mod:`.page` -- ``page(notebook)``: goals, quotations, glossary, questions, the map.
* :mod:`.controls` -- :class:`DutchSlider`, :class:`ParameterPanel`.
* :mod:`.figure` -- :class:`LiveFigure`, a plotly figure redrawn in place.
* :mod:`.export` -- the export and import panel.

Heavy modules load only when a name is first used.
"""
from __future__ import annotations

_LAZY = {
    "page": "page", "Page": "page", "quote_html": "page", "term_html": "page", "map_html": "page",
    "glossary_html": "page",
    "flush": "saving", "SavedWidget": "saving", "SAVE_DELAY": "saving",
    "View": "view", "safe": "view",
    "DutchSlider": "controls", "DutchNumber": "controls", "ParameterPanel": "controls", "ParamWords": "controls",
    "read_param_words": "controls", "assumptions_html": "controls",
    "LiveFigure": "figure",
    "ExportPanel": "export",
    "SortingWidget": "sorting", "Category": "sorting", "Item": "sorting",
    "STYLES": "style", "styled": "style", "error_html": "style", "notice_html": "style", "status_html": "style",
}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'wakker.ui' has no attribute {name!r}")
