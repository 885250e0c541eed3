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


# ---------------------------------------------------------------- the front-end hook
# ipywidgets 8 gives a slider's keyboard handle (noUiSlider's ``<div role="slider">``) no
# accessible name, even when the slider has a description, and an HTML widget cannot carry ARIA
# attributes on its persistent element. A tiny anywidget (no view; ``initialize`` runs once per
# kernel in the browser) fills that gap by convention, and tells the kernel whether JupyterLab's
# theme is dark so figures can follow it:
#
# * a slider handle is named after the slider's description, else its ``tooltip``;
# * a text box or answer box without ``aria-label`` is named after its ``tooltip`` (the question);
# * ToggleButtons / RadioButtons with a ``tooltip`` become a named group;
# * an HTML widget with the class ``wakker-live`` is a polite live region (``role="status"``).
FRONT_END_ESM = r"""
const isDark = () => document.body.dataset.jpThemeLight === 'false';
const text = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
function nameOf(widget) {
  if (!widget) return '';
  const label = widget.querySelector(':scope > .widget-label');
  const shown = label && label.style.display !== 'none' ? text(label) : '';
  // ipywidgets puts a described widget's tooltip on its (hidden) label, others' on the widget.
  return shown || ((label && label.title) || widget.getAttribute('title') || '').trim();
}
function setAttr(el, name, value) {
  if (el && value && el.getAttribute(name) !== value) el.setAttribute(name, value);
}
function nameControls(root) {
  for (const handle of root.querySelectorAll('.widget-slider .noUi-handle')) {
    setAttr(handle, 'aria-label', nameOf(handle.closest('.widget-slider')));
  }
  for (const box of root.querySelectorAll('.widget-textarea textarea, .widget-text input')) {
    if (!box.hasAttribute('aria-label')) setAttr(box, 'aria-label', (box.getAttribute('title') || '').trim());
  }
  for (const group of root.querySelectorAll('.widget-toggle-buttons, .widget-radio')) {
    const name = nameOf(group);
    if (!name) continue;
    const target = group.querySelector(':scope > .widget-radio-box') || group;
    setAttr(target, 'role', target === group ? 'group' : 'radiogroup');
    setAttr(target, 'aria-label', name);
  }
  for (const live of root.querySelectorAll('.wakker-live > .widget-html-content')) {
    setAttr(live, 'role', 'status');
    setAttr(live, 'aria-live', 'polite');
  }
}
function installNamer() {
  if (window.__wakkerNamer) return;
  let queued = false;
  const run = () => { queued = false; nameControls(document.body); };
  window.__wakkerNamer = new MutationObserver(() => {
    if (!queued) { queued = true; requestAnimationFrame(run); }
  });
  window.__wakkerNamer.observe(document.body, {childList: true, subtree: true});
  run();
}
export default {
  initialize({ model }) {
    installNamer();
    const sync = () => {
      if (model.get('dark') !== isDark()) { model.set('dark', isDark()); model.save_changes(); }
    };
    sync();
    const watch = new MutationObserver(sync);
    watch.observe(document.body, {attributes: true, attributeFilter: ['data-jp-theme-light']});
    return () => watch.disconnect();
  },
};
"""

_front_end = None


def front_end():
    """The kernel's one front-end hook (see above), created on first use. ``front_end().dark``
    is True while JupyterLab shows a dark theme; observe it to follow theme changes."""
    global _front_end
    if _front_end is None:
        import anywidget
        import traitlets

        class FrontEnd(anywidget.AnyWidget):
            _esm = FRONT_END_ESM
            dark = traitlets.Bool(False).tag(sync=True)

        _front_end = FrontEnd()
    return _front_end


def dark_theme() -> bool:
    """Whether the browser showed a dark JupyterLab theme the last time it said so."""
    return bool(_front_end is not None and _front_end.dark)
