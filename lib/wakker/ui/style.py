"""The workbook's one style table and the small HTML pieces every lesson uses.

Inline styles (not a stylesheet): every output looks right even when only one cell was run,
and JupyterLab's own table and blockquote rules cannot override them. Each element also
carries the class ``wakker-<kind>`` so that tests (and the lesson contract test) can find it.
"""
from __future__ import annotations

import html

ACCENT = "#e09f3e"
GOOD = "#2d6a4f"
BAD = "#a4161a"

#: The class of the box that shows an error instead of a traceback.
ERROR_CLASS = "wakker-fout"

STYLES = {
    # quotations and glossary
    "citaat": (f"margin:.6em 0 1em 0;padding:.6em 1em;border-left:5px solid {ACCENT};"
               "background:rgba(224,159,62,.09);border-radius:0 6px 6px 0;max-width:52em"),
    "citaat-tekst": "margin:0;padding:0;border:none;font-style:italic;font-size:1.02em;line-height:1.5",
    "citaat-bron": "margin-top:.5em;font-size:.85em;opacity:.8",
    "begrip": "margin:.4em 0;padding:.4em .8em;border:1px solid rgba(128,128,128,.35);border-radius:6px;max-width:52em",
    # messages
    "fout": f"color:{BAD};background:rgba(164,22,26,.08);padding:.4em .8em;border-radius:6px;line-height:1.45",
    "melding": "background:rgba(224,159,62,.15);padding:.4em .8em;border-radius:6px;line-height:1.45",
    "status": "font-size:.85em;opacity:.75",
    # questions and feedback
    "vraag": "font-weight:600;line-height:1.4;margin:.3em 0",
    "feedback": "margin:.3em 0;padding:.3em .7em;border-left:3px solid rgba(128,128,128,.5);line-height:1.4",
    "goed": (f"margin:.2em 0 .1em 0;padding:.25em .7em;border-left:4px solid {GOOD};"
             "background:rgba(45,106,79,.08);line-height:1.4"),
    "fout-antwoord": (f"margin:.2em 0 .1em 0;padding:.25em .7em;border-left:4px solid {BAD};"
                      "background:rgba(164,22,26,.06);line-height:1.4"),
    # model read-outs
    "zin": (f"padding:.5em .9em;border-left:5px solid {ACCENT};background:rgba(224,159,62,.09);"
            "border-radius:0 6px 6px 0;line-height:1.5;max-width:60em"),
    "uitkomst": f"padding:.45em .8em;border-left:4px solid {ACCENT};line-height:1.5;margin:.3em 0",
    "tekst": "line-height:1.45;margin:.3em 0",
    # tables
    "kaart": "border-collapse:collapse;margin:.5em 0",
    "kaart-cel": "padding:.25em .7em;text-align:left;vertical-align:top;border-bottom:1px solid rgba(128,128,128,.25)",
    "tabel": "border-collapse:collapse;margin:.4em 0;line-height:1.35;font-size:.95em",
    "cel": "padding:.2em .6em;border:1px solid rgba(128,128,128,.35);text-align:center;vertical-align:middle",
    "kop": ("padding:.2em .6em;border:1px solid rgba(128,128,128,.35);text-align:left;font-weight:600;"
            "background:rgba(128,128,128,.08)"),
}

# ipywidgets gives radio and checkbox labels one fixed-height line; long options would overlap.
WRAP_OPTIONS_CSS = (
    "<style>.wakker-options label, .wakker-options .widget-label-basic {white-space: normal !important;"
    " height: auto !important; line-height: 1.35 !important; overflow: visible !important;}"
    " .wakker-options .widget-radio-box label {display: flex !important; flex-wrap: nowrap !important;"
    " flex-direction: row !important; align-items: flex-start !important; margin: .2em 0 !important;}"
    " .wakker-options .widget-radio-box input, .wakker-options .widget-checkbox input"
    " {flex: none !important; order: -1 !important; margin: .2em .5em 0 0 !important;}"
    " .wakker-options .widget-checkbox {height: auto !important; min-height: var(--jp-widgets-inline-height);}"
    "</style>"
)


def styled(kind: str, inner: str, tag: str = "div", extra: str = "") -> str:
    """An HTML element with the workbook's class ``wakker-<kind>`` and its inline style."""
    return f'<{tag} class="wakker-{kind}" style="{STYLES[kind]}"{extra}>{inner}</{tag}>'


def error_html(message: str) -> str:
    """A Dutch error message as shown in a widget or output (never a traceback)."""
    return styled("fout", f"⚠ {html.escape(message)}")


def notice_html(inner_html: str) -> str:
    """A highlighted notice; ``inner_html`` is already HTML."""
    return styled("melding", inner_html)


def status_html(text: str) -> str:
    """A small grey status line (e.g. "✓ opgeslagen om 14:05")."""
    return styled("status", html.escape(text), "span")


def text_html(inner_html: str) -> str:
    """A paragraph with a readable line height (an HTML widget's default is the 28 px widget row)."""
    return styled("tekst", inner_html)


def note_html(inner_html: str, size: str = ".9em", opacity: str = ".8") -> str:
    """A line of small, lighter text."""
    return f'<div style="line-height:1.45;margin:.2em 0;font-size:{size};opacity:{opacity}">{inner_html}</div>'


def cell_html(inner_html: str, extra: str = "", head: bool = False) -> str:
    """One cell of a bordered table (``head=True``: a header cell)."""
    tag = "th" if head else "td"
    return f'<{tag} style="{STYLES["kop" if head else "cel"]};{extra}">{inner_html}</{tag}>'


def show_html(markup: str) -> None:
    """Display a piece of HTML as a cell output."""
    from IPython.display import HTML, display

    display(HTML(markup))
