"""Wakker werkboek: the library behind the notebooks.

In a notebook::

    from wakker import page
    nb = page("00_start")
    nb.quote("blog-vertrouwen:twee-niveaus")
    nb.open_question("mijn-vertrouwen", "Wie vertrouw jij in je werk, en waarom?")

The package is laid out by concept:

* ``wakker.core`` -- data and content, the answer journal, the portfolio, links, Dutch formatting
  (no widgets);
* ``wakker.models`` -- the models, pure numpy/pandas;
* ``wakker.ui`` -- the shared kit of widgets, saving, controls and figures;
* ``wakker.lessons`` -- one package per lesson (``start``, ``planning_machine``, ``trust_game``,
  ``class_tournament``), named by what it is about; ``data/notebooks.yaml`` says which notebook uses
  which.

Heavy modules (ipywidgets, pandas, plotly) load only when they are first used.
"""
from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "page": ("ui.page", "page"),
    "Page": ("ui.page", "Page"),
    "flush": ("ui.saving", "flush"),
    "content": ("core.content", "content"),
    "ContentError": ("core.data", "ContentError"),
    "Journal": ("core.journal", "Journal"),
    "JournalError": ("core.journal", "JournalError"),
    "get_journal": ("core.journal", "get_journal"),
}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)
    raise AttributeError(f"module 'wakker' has no attribute {name!r}")


def term(key: str) -> None:
    """Show one glossary term (one call, from any notebook)."""
    from IPython.display import HTML, display

    from .ui.page import term_html

    display(HTML(term_html(key)))


def quote(key: str) -> None:
    """Show one excerpt as an attributed quotation."""
    from IPython.display import HTML, display

    from .ui.page import quote_html

    display(HTML(quote_html(key)))
