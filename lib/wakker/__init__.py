"""Wakker werkboek: the library behind the notebooks.

In a notebook::

    from wakker import page
    nb = page("00_start")
    nb.quote("blog-vertrouwen:twee-niveaus")
    nb.open_question("mijn-vertrouwen", "Wie vertrouw jij in je werk, en waarom?")

Heavy modules (ipywidgets, pandas, plotly) load only when they are first used.
"""
from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "page": ("ui", "page"),
    "Page": ("ui", "Page"),
    "flush": ("ui", "flush"),
    "content": ("content", "content"),
    "ContentError": ("content", "ContentError"),
    "Journal": ("journal", "Journal"),
    "JournalError": ("journal", "JournalError"),
    "get_journal": ("journal", "get_journal"),
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

    from .ui import term_html

    display(HTML(term_html(key)))


def quote(key: str) -> None:
    """Show one excerpt as an attributed quotation."""
    from IPython.display import HTML, display

    from .ui import quote_html

    display(HTML(quote_html(key)))
