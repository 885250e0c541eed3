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
    "citaat-rechten": "margin-top:.25em;font-size:.78em;opacity:.7;overflow-wrap:anywhere",
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
    # a box around a table (or anything wider than a phone) that scrolls sideways itself: width:0 with min-width:100%
    # keeps its content's width out of the widget around it (without it, at 390 px, the widget took the table's width
    # and the text above and under the table ran past the screen's edge)
    "schuif": "overflow-x:auto;width:0;min-width:100%",
    # a line above a table or figure that scrolls sideways: hidden here, shown by KIT_CSS on a narrow screen only
    "schuif-hint": "display:none;margin:.3em 0 0;font-size:.9em;line-height:1.4;opacity:.85",
}



def styled(kind: str, inner: str, tag: str = "div", extra: str = "") -> str:
    """An HTML element with the workbook's class ``wakker-<kind>`` and its inline style."""
    return f'<{tag} class="wakker-{kind}" style="{STYLES[kind]}"{extra}>{inner}</{tag}>'


def summary_hint_html() -> str:
    """' (klik om te openen)' for the line of a closed box (``<summary>``); the kit's stylesheet hides it once the
    box is open (it said so above an open glossary: an independent reviewer of 00)."""
    return ' <span class="wakker-klik">(klik om te openen)</span>'


def scroll_hint_html(text: str) -> str:
    """A line that says the table or figure below it scrolls sideways (``↔ Schuif ... opzij``). Its inline style
    hides it; :data:`KIT_CSS` shows it only on a narrow screen, where such a box scrolls."""
    return styled("schuif-hint", html.escape(text))


def error_html(message: str) -> str:
    """A Dutch error message as shown in a widget or output (never a traceback)."""
    return styled("fout", f"⚠ {html.escape(message)}")


def notice_html(inner_html: str) -> str:
    """A highlighted notice; ``inner_html`` is already HTML."""
    return styled("melding", inner_html)


def status_html(text: str) -> str:
    """A small grey status line (e.g. "✓ opgeslagen om 14:05"). An inline block with its own line height:
    in an HTML widget (28 px lines) a status that wraps on a phone would otherwise get a line's gap."""
    return (f'<span class="wakker-status" style="display:inline-block;line-height:1.4;{STYLES["status"]}">'
            f'{html.escape(text)}</span>')


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


# ---------------------------------------------------------------- the kit's stylesheet
#: CSS the front-end hook (below) puts in the page once, for every widget of the kit and every lesson.
#: Inline styles cannot do these: they fix ipywidgets' own layout and react to the screen width.
KIT_CSS = r"""
/* '(klik om te openen)' after a closed box's line (summary_hint_html) goes once the box is open. */
details[open] > summary .wakker-klik {display: none !important;}
/* A sorting game under another output of the same cell (04: under the table of the four orders) gets the room
   a cell boundary gave it before hidden cells side by side became one cell. */
.wakker-sorteerspel {margin-top: .9em !important;}
/* ipywidgets gives radio and checkbox labels one fixed-height line; long options would overlap
   (choices and branching cases carry the class wakker-options). */
.wakker-options label, .wakker-options .widget-label-basic {white-space: normal !important;
  height: auto !important; line-height: 1.35 !important; overflow: visible !important;}
.wakker-options .widget-radio-box label {display: flex !important; flex-wrap: nowrap !important;
  flex-direction: row !important; align-items: flex-start !important; margin: .2em 0 !important;}
.wakker-options .widget-radio-box input, .wakker-options .widget-checkbox input
  {flex: none !important; order: -1 !important; margin: .2em .5em 0 0 !important;}
.wakker-options .widget-checkbox {height: auto !important; min-height: var(--jp-widgets-inline-height);}
/* ... and a tick box's long option wraps under its own first word, not under the box (a hanging indent, as the
   round buttons of a single choice have). */
.wakker-options .widget-checkbox > label {display: flex !important; align-items: flex-start !important;
  margin: .2em 0 !important;}
.wakker-options .widget-checkbox > label > input {align-self: flex-start !important;}
/* A widget with Layout(width="100%") keeps ipywidgets' 2 px side margins, so it is 4 px wider than its
   box; the box (overflow: auto) then shows a horizontal scrollbar under every answer box and row. */
.jupyter-widgets.widget-box > .jupyter-widgets[style*="width: 100%"] {
  max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px));
}
/* A tick box with a long label (notebook 04's 'Toon ook beide') wraps its label instead of cutting it off. */
.wakker-toon-beide, .wakker-toon-beide .widget-label-basic, .wakker-toon-beide .widget-label-basic span {
  white-space: normal !important; height: auto !important; overflow: visible !important; text-overflow: clip !important;
  line-height: 1.35 !important;
}
.wakker-toon-beide .widget-label-basic { display: flex !important; align-items: flex-start !important; padding: .3em 0; }
.wakker-toon-beide .widget-label-basic input { flex: none; margin: .15em .5em 0 0 !important; }
/* Notebook 04's planning machine: a range's label ('4e orde wint') keeps a halo of the page's background, so a
   line that runs through it does not make it unreadable. */
.wakker-planning-lijnen .shape-label-text { paint-order: stroke; stroke: var(--jp-layout-color0, #fff);
  stroke-width: 4px; stroke-opacity: .8; stroke-linejoin: round; }
/* Strips of cells (strips.strips_html): their words in the colour of the plotly figures around them (plotly_white's
   and plotly_dark's font colour), in a light theme and a dark one. */
body[data-jp-theme-light="true"] .wakker-strepen { color: #2a3f5f; }
body[data-jp-theme-light="false"] .wakker-strepen { color: #f2f5fa; }
/* Notebook 09's 'Wie heeft wat gedaan': a student's name on one line on a wide screen ('student' above '1' with ten
   notebook columns at 1400 px); on a phone it may wrap, so that more than one notebook column fits beside it. */
@media (min-width: 641px) { .wakker-docent-tabel.voortgang td:first-child { white-space: nowrap; } }
/* A scale (1-5) keeps its points on one line. On a narrow screen both end labels stand above the points,
   the low one at the left end and the high one at the right end, and the points fill the width (a teacher's
   reading at 390 px: 'heel veel' wrapped to the next line's left, under the 1). */
.wakker-scale .widget-toggle-buttons > div { white-space: nowrap; }
@media (max-width: 640px) {
  .wakker-scale { flex-wrap: wrap !important; row-gap: .2em; align-items: flex-end !important; }
  .wakker-scale > :first-child { order: 0; margin: 0 !important; max-width: 48%; }
  .wakker-scale > :last-child { order: 1; margin: 0 0 0 auto !important; max-width: 48%; text-align: right; }
  .wakker-scale > .widget-toggle-buttons { order: 2; flex: 1 1 100% !important; }
  .wakker-scale > .widget-toggle-buttons > div { display: flex; }
  .wakker-scale .widget-toggle-button { flex: 1 1 0 !important; width: auto !important; min-width: 2.5em; }
  /* Slider panels: the columns under each other, each slider row as label above track and value. */
  .wakker-columns { flex-direction: column !important; }
  .wakker-columns > .widget-box { width: 100% !important; }
  .wakker-slider-row { flex-wrap: wrap !important; }
  .wakker-slider-row > .wakker-slider-label { width: 100% !important; min-width: 0 !important; }
  .wakker-slider-row > .widget-slider { flex: 1 1 8em !important; min-width: 8em !important; }
  /* Notebook 04's planning machine: no room beside the speed line for a label per winner's range ('1e orde
     wint' was cut at the edge; the labels are shapes' labels); the shaded ranges stay, and the sentence above
     the plot names them. */
  .wakker-planning-lijnen .shape-label { display: none; }
  /* Strips of cells (strips.strips_html, 08's 'Wie krijgt hulp?'): the row names in less room and a smaller font,
     so that the strips fit the screen (at 390 px about 2 px a household at the default 100) and nothing scrolls. */
  .wakker-strepen-namen { width: 80px !important; font-size: 11px; }
  .wakker-strepen-rechts { width: 8px !important; }
  /* Notebook 04's week: its two columns under each other, the label of each slider above it. */
  .wakker-mijn-week > .widget-hbox { flex-direction: column !important; }
  .wakker-mijn-week > .widget-hbox > .widget-vbox { width: 100% !important; padding: 0 !important; }
  .wakker-mijn-week > .widget-hbox > .widget-vbox > .widget-hbox { flex-wrap: wrap !important; }
  .wakker-mijn-week > .widget-hbox > .widget-vbox > .widget-hbox > .widget-html:first-child {
    width: 100% !important; }
  /* A control with a label of its own (ipywidgets' description: a slider, a menu, a number or text box,
     toggle buttons): the label on its own line, the control under it with the full width. A label
     of 14em or 27em next to the control would leave a slider no track and push a menu off the screen. */
  .widget-hslider, .widget-inline-hbox:not(.widget-checkbox) {
    flex-wrap: wrap !important; height: auto !important;
    max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px)) !important; }
  .widget-hslider { width: auto !important; flex: 1 1 auto !important; min-width: 0 !important; }
  .widget-hbox > .widget-hslider { flex: 1 1 0 !important; }  /* next to its readout, sharing the line */
  .widget-hslider > .widget-label, .widget-inline-hbox:not(.widget-checkbox) > .widget-label {
    width: 100% !important; max-width: 100% !important; text-align: left !important; height: auto !important;
    white-space: normal !important; line-height: 1.35 !important; margin: .15em 0 .1em 0 !important; }
  .widget-hslider > .slider-container {  /* a row's height, the track in its middle (level with the readout) */
    flex: 1 1 8em !important; min-width: 8em !important; height: auto !important;
    padding: calc((var(--jp-widgets-inline-height, 28px) - var(--jp-widgets-slider-track-thickness, 4px)) / 2) 0; }
  .widget-inline-hbox:not(.widget-checkbox) > select, .widget-inline-hbox:not(.widget-checkbox) > input {
    flex: 1 1 auto !important; min-width: 0 !important; max-width: 100% !important;
    height: var(--jp-widgets-inline-height, 28px) !important; }
  /* The first line of a hidden code cell (JupyterLab's "# Vraag: … •••") ends in an ellipsis at the screen's
     edge instead of running past it. */
  .jp-InputPlaceholder > .jp-Placeholder-content { min-width: 0; flex: 1 1 auto; overflow: hidden; }
  .jp-InputPlaceholder .jp-Placeholder-contentContainer { display: flex; min-width: 0; }
  .jp-InputPlaceholder .jp-PlaceholderText { min-width: 0; overflow: hidden; text-overflow: ellipsis;
    white-space: nowrap; }
  /* Rows of buttons and controls go onto more lines instead of squeezing a button's word ("Verrad…"). */
  .widget-hbox { flex-wrap: wrap !important; }
  .widget-hbox > .widget-button { flex-shrink: 0 !important; max-width: 100% !important; }
  /* A toggle button wider than the screen allows (07's "Stap voor stap (zoals Nicky Case)" at 16em): at most
     the column's width, its words on more lines inside it instead of cut off. */
  /* So does any other button ("Terug naar de standaardaannames" was cut to "...standaardaanna…" at 390 px). */
  .widget-toggle-buttons .widget-toggle-button, .widget-button { max-width: 100% !important;
    white-space: normal !important; height: auto !important; min-height: var(--jp-widgets-inline-height, 28px);
    line-height: 1.3 !important; }
  /* A grid of checkboxes (who plays) gets as many columns as fit, instead of a fixed three. */
  .widget-gridbox:has(> .widget-checkbox) {
    grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)) !important; }
  /* A line that says a table or figure below scrolls sideways (class wakker-schuif-hint, hidden by its inline
     style): shown only here, on a narrow screen, where that box scrolls. */
  .wakker-schuif-hint { display: block !important; }
  /* ... unless the kit's code measured that nothing below it is wider than its column (scrollHints). */
  .wakker-schuif-hint.wakker-schuif-past { display: none !important; }
  /* Tables: long text cells wrap; a table that is still too wide scrolls, with a shadow at the edge
     that has more (the cue that there is more to see). */
  .wakker-ordes td { white-space: normal !important; }
  /* A file name in the text (`03_boek_deel2_de_straat_op.ipynb`) may break, instead of running off the screen. */
  .jp-RenderedHTMLCommon :not(pre) > code { overflow-wrap: anywhere; }
  /* ... also in a widget's text: the export's message names a folder and two file names, which pushed the message
     past the screen's edge (cut off at '...kijk in je map Downloads (o'). */
  .widget-html-content code, .widget-html-content .wakker-melding { overflow-wrap: anywhere; }
  .wakker-tijdlijn > div { flex-direction: column !important; gap: .1em !important; }
  .wakker-tijdlijn > div > div:first-child { flex: none !important; }
  .jp-RenderedHTMLCommon table td, .jp-RenderedHTMLCommon table th { min-width: 6.5em; }
  /* A model's assumptions (controls.assumptions_html): each assumption a block of its own, the name first,
     then default, range and unit on their own lines, the explanation last; nothing to scroll sideways. */
  table.wakker-aannames { display: block !important; background: none !important; }
  table.wakker-aannames thead { display: none !important; }
  table.wakker-aannames tbody, table.wakker-aannames tr, table.wakker-aannames td {
    display: block !important; min-width: 0 !important; width: auto !important; white-space: normal !important; }
  table.wakker-aannames tr { padding: .45em 0; border-bottom: 1px solid rgba(128,128,128,.35); }
  table.wakker-aannames td { border: none !important; padding: .05em .3em !important; }
  table.wakker-aannames td:nth-child(2)::before { content: "standaard: "; opacity: .7; }
  table.wakker-aannames td:nth-child(3)::before { content: "bereik: "; opacity: .7; }
  table.wakker-aannames td:nth-child(4)::before { content: "eenheid: "; opacity: .7; }
  /* The teacher's box: a lesson plan stays a table (minutes | what happens) as wide as the screen, its
     text wrapping; a rubric becomes one block per criterion, its levels under each other. */
  table.wakker-lesplan { display: table !important; width: 100%; background: none !important; }
  table.wakker-lesplan td { min-width: 0 !important; }
  table.wakker-lesplan td:first-child { width: 1%; padding-right: .5em !important; }
  table.wakker-lesplan td:last-child { overflow-wrap: anywhere; }
  table.wakker-rubric, table.wakker-rubric tbody, table.wakker-rubric tr,
  table.wakker-rubric th, table.wakker-rubric td { display: block !important; min-width: 0 !important;
    width: auto !important; background: none !important; }
  table.wakker-rubric tr { margin-bottom: .4em; }
  /* The workbook's map (00): one block per notebook, its number beside the title, source and status under the
     title (four columns did not fit: 'bron' and 'status' were off the screen, with nothing to say so). */
  table.wakker-kaart, table.wakker-kaart tbody { display: block !important; background: none !important; }
  table.wakker-kaart tr:first-child { display: none !important; }
  table.wakker-kaart tr { display: grid !important; grid-template-columns: 2.4em minmax(0, 1fr);
    background: none !important; border-bottom: 1px solid rgba(128,128,128,.25); padding: .3em 0; }
  table.wakker-kaart td { display: block !important; min-width: 0 !important; border: none !important;
    background: none !important; padding: .05em .3em !important; }
  table.wakker-kaart td:nth-child(n+3) { grid-column: 2; }
  table.wakker-kaart code { overflow-wrap: normal !important; white-space: nowrap; }
  table.wakker-kaart td:nth-child(3)::before { content: "bron: "; opacity: .7; }
  /* JupyterLab paints every row of a table (white and grey stripes): that covered the shadow below, the only
     sign that a table scrolls. The rows let it through; the grey stripes stay, half see-through. */
  .jp-RenderedHTMLCommon tbody tr:nth-child(odd) { background: transparent !important; }
  .jp-RenderedHTMLCommon tbody tr:nth-child(even) { background: rgba(128,128,128,.1) !important; }
  .jp-RenderedHTMLCommon table, table.wakker-tabel {
    display: block; max-width: 100%; overflow-x: auto;
    background:
      linear-gradient(to right, var(--jp-layout-color0, #fff) 30%, transparent) left / 2em 100% no-repeat local,
      linear-gradient(to left, var(--jp-layout-color0, #fff) 30%, transparent) right / 2em 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), transparent) left / .8em 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), transparent) right / .8em 100% no-repeat scroll;
  }
}
"""


# ---------------------------------------------------------------- the front-end hook
# ipywidgets 8 gives a slider's keyboard handle (noUiSlider's ``<div role="slider">``) no
# accessible name, even when the slider has a description, and an HTML widget cannot carry ARIA
# attributes on its persistent element. A tiny anywidget (no view; ``initialize`` runs once per
# kernel in the browser) fills that gap by convention, and tells the kernel whether JupyterLab's
# theme is dark so figures can follow it:
#
# * a slider handle is named after the slider's description, else its ``tooltip``, and says its value
#   as shown next to it (``aria-valuetext``: our Dutch readout ``0,15``, ``1,00``, not noUiSlider's
#   ``0`` for 1x on a log slider or ``5.999999999999999``);
# * a text box or answer box without ``aria-label`` is named after its ``tooltip`` (the question);
# * ToggleButtons / RadioButtons with a ``tooltip`` become a named group; a toggle button says whether
#   it is chosen (``aria-pressed``), not only by its colour;
# * an HTML widget with the class ``wakker-live`` is a polite live region (``role="status"``);
# * the kit's stylesheet (:data:`KIT_CSS`) is put in the page once.
FRONT_END_ESM = r"""
const isDark = () => document.body.dataset.jpThemeLight === 'false';
const text = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
const real = (s) => (s && s !== 'null' && s !== 'undefined' ? s.trim() : '');
function nameOf(widget) {
  if (!widget) return '';
  const label = widget.querySelector(':scope > .widget-label');
  const shown = label && label.style.display !== 'none' ? text(label) : '';
  // ipywidgets puts a described widget's tooltip on its (hidden) label, others' on the widget
  // (and writes "null" there when a widget has no tooltip).
  return shown || real(label && label.title) || real(widget.getAttribute('title'));
}
function valueText(slider) {
  // our Dutch readout next to the slider (DutchSlider), else the widget's own readout with a comma
  const row = slider.parentElement;
  const ours = row && row.querySelector(':scope > .wakker-readout');
  if (ours) return text(ours);
  const own = slider.querySelector('.widget-readout');
  return own ? text(own).replace(/(\d)\.(\d)/g, '$1,$2') : '';
}
function setAttr(el, name, value) {
  if (el && value && el.getAttribute(name) !== value) el.setAttribute(name, value);
}
function nameControls(root) {
  for (const handle of root.querySelectorAll('.widget-slider .noUi-handle')) {
    const slider = handle.closest('.widget-slider');
    setAttr(handle, 'aria-label', nameOf(slider));
    setAttr(handle, 'aria-valuetext', valueText(slider));
    // a slider that is switched off (greyed) is not a stop for Tab and says so to a screen reader
    const target = handle.closest('.noUi-target');
    const off = !!(target && target.hasAttribute('disabled'));
    if ((handle.getAttribute('aria-disabled') === 'true') !== off) {
      if (off) { handle.setAttribute('aria-disabled', 'true'); handle.setAttribute('tabindex', '-1'); }
      else { handle.removeAttribute('aria-disabled'); handle.setAttribute('tabindex', '0'); }
    }
  }
  for (const button of root.querySelectorAll('.widget-toggle-buttons button')) {
    const pressed = button.classList.contains('mod-active') ? 'true' : 'false';
    if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
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
  // ipywidgets writes title="null" on a widget (or its label) without a tooltip: hovering showed "null"
  for (const el of root.querySelectorAll('.jupyter-widgets[title="null"], .widget-label[title="null"]')) {
    el.removeAttribute('title');
  }
}
function installStyle() {
  if (document.getElementById('wakker-kit-css')) return;
  const style = document.createElement('style');
  style.id = 'wakker-kit-css';
  style.textContent = KIT_CSS;
  document.head.appendChild(style);
}
// A box that scrolls sideways (a wide table or heat map on a phone) but holds nothing to focus cannot be
// scrolled with the keyboard (axe: scrollable-region-focusable): it gets tabindex=0.
const SCROLLERS = 'table, [style*="overflow"], .wakker-figure';
function focusableScrollers(root) {
  for (const el of root.querySelectorAll(SCROLLERS)) {
    if (el.hasAttribute('tabindex') || el.scrollWidth <= el.clientWidth + 1) continue;
    if (!/(auto|scroll)/.test(getComputedStyle(el).overflowX)) continue;
    if (el.querySelector('a[href], button, input, select, textarea, [tabindex]')) continue;
    el.setAttribute('tabindex', '0');
  }
}
// A line that says the box below it scrolls sideways (wakker-schuif-hint, shown by the stylesheet on a narrow screen
// only) is hidden again (class wakker-schuif-past) while nothing below it is wider than its column: the boxes after
// it in its own HTML, else in the widget box around it. Boxes not drawn (a closed section) leave it as it is. A
// page has a few such lines at most: all of them are measured, on a narrow screen only (elsewhere they are hidden).
const NARROW = '(max-width: 640px)';
function scrollHints() {
  if (!window.matchMedia(NARROW).matches) return;
  for (const hint of document.querySelectorAll('.wakker-schuif-hint')) {
    const after = (scope) => (scope ? [...scope.querySelectorAll(SCROLLERS)] : [])
      .filter((el) => hint.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    let boxes = after(hint.closest('.widget-html-content'));
    if (!boxes.length) boxes = after(hint.closest('.widget-box'));
    boxes = boxes.filter((el) => el.getClientRects().length);
    if (!boxes.length) continue;
    const wide = boxes.some((el) => el.scrollWidth > el.clientWidth + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowX));
    hint.classList.toggle('wakker-schuif-past', !wide);
  }
}
// Both run on the parts of the page that changed, not on the whole notebook: during Run All every new
// output would otherwise scan every earlier one, and reading scrollWidth lays the whole page out (that
// cost a forced layout per animation frame; a slider move rescanned the page). The names go on in the next
// frame; the scroll check waits until the page has been still for a moment (it only adds a tabindex
// and shows or hides a scroll hint).
// the output that changed; else the cell's output area or a widget box (Voilà and JupyterLab alike)
const OUTER = '.jp-Cell-outputArea, .widget-box';
function rootOf(node) {
  const el = node && node.nodeType === 1 ? node : node && node.parentElement;
  if (!el || !el.isConnected) return null;
  return el.closest('.jp-OutputArea-output') || el.closest(OUTER);
}
// What a change inside `root` needs named again: a slider or its readout, just its row (its handle's name and value);
// a plot, nothing (plotly redraws its SVG on every move and a plot holds no controls: the whole output was named again
// after every draw, twice per key in 08); anything else, the whole root.
function namingRootOf(node, root) {
  const el = node.nodeType === 1 ? node : node.parentElement;
  if (el.closest('.wakker-plot, .js-plotly-plot')) return null;
  const part = el.closest('.widget-slider, .wakker-readout');
  return part && part.parentElement && root.contains(part.parentElement) ? part.parentElement : root;
}
function installNamer() {
  if (window.__wakkerNamer) return;
  let frame = 0, timer = 0, all = false;
  const named = new Set(), scrolled = new Set();
  const inside = (set) => {  // the outermost roots only: an inner one is scanned with its ancestor
    const out = [];
    for (const r of set) if (r.isConnected && ![...set].some((o) => o !== r && o.contains(r))) out.push(r);
    set.clear();
    return out;
  };
  const name = () => {
    frame = 0;
    for (const r of inside(named)) nameControls(r);
  };
  const scroll = () => {
    timer = 0;
    scrollHints();
    if (all) { all = false; scrolled.clear(); focusableScrollers(document.body); return; }
    for (const r of inside(scrolled)) focusableScrollers(r);
  };
  const queue = (root, naming = root) => {
    if (naming) {
      named.add(naming);
      if (!frame) frame = requestAnimationFrame(name);
    }
    scrolled.add(root);  // a plot drawn for the first time may make its box scroll sideways
    clearTimeout(timer); timer = setTimeout(scroll, 300);
  };
  window.addEventListener('resize', () => { all = true; clearTimeout(timer); timer = setTimeout(scroll, 300); });
  // New or changed output (childList), and a toggle button that was chosen or unchosen (its class):
  // noUiSlider rewrites aria-valuetext on every move, our readout changes just after, so we run again; and a
  // slider switched on or off (the 'disabled' attribute ipywidgets puts on the noUi-target).
  const relevant = (m) => m.type === 'childList' || (m.target.classList && m.target.classList.contains('widget-toggle-button'))
    || (m.target.classList && (m.target.classList.contains('noUi-handle') || m.target.classList.contains('noUi-target')));
  window.__wakkerNamer = new MutationObserver((records) => {
    for (const m of records) {
      if (!relevant(m)) continue;
      const root = rootOf(m.target);
      if (root) queue(root, namingRootOf(m.target, root));
      else for (const n of m.addedNodes || []) if (n.nodeType === 1) queue(n);  // e.g. a cell with its outputs
    }
  });
  window.__wakkerNamer.observe(document.body, {childList: true, subtree: true, attributes: true,
                                               attributeFilter: ['class', 'aria-valuetext', 'disabled']});
  nameControls(document.body);
  all = true; timer = setTimeout(scroll, 300);
}
export default {
  initialize({ model }) {
    installStyle();
    installNamer();
    // A lesson with figures asks for plotly.js when it imports them (model 'plotly'): the page loads it
    // while the kernel runs the next cells, instead of when the first figure is drawn.
    const prefetch = () => {
      const which = model.get('plotly');
      if (which === 'full') window.__wakkerPlotlyFull = true;  // every figure of this lesson draws with it
      if (which) setTimeout(() => { loadPlotly().catch(() => {}); }, 0);
    };
    prefetch();
    model.on('change:plotly', prefetch);
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

_front_end = None  # the hook of the page that asked last
_front_ends: dict = {}  # page session -> its hook (see front_end)


def esm_module(src: str, values: dict[str, str] | None = None) -> str:
    """A front-end module as the page gets it: each ``@@KEY@@`` replaced by ``values[KEY]`` (a JavaScript string's
    content, quotes and backslashes escaped), comment lines and indentation left out (fewer bytes)."""
    for key, value in (values or {}).items():
        src = src.replace(f"@@{key}@@", value.replace("\\", "\\\\").replace("'", "\\'"))
    lines = (line.strip() for line in src.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


#: The save status of a widget with nothing saved yet (``SavedWidget.TEXTS["empty"]``). A question's code in the page
#: shows it when the question's model has no status (most questions start so; their first message leaves it out).
NOT_ANSWERED = "Nog niet beantwoord."
EMPTY_STATUS = status_html(NOT_ANSWERED)

#: What a student reads when a question's own module waited in vain for the kit's code (Dutch).
QUESTION_LATE = "Deze vraag kon niet getoond worden. Voer de cel opnieuw uit of herlaad de pagina."


def front_end_esm() -> str:
    """The hook's JavaScript module, with the kit's stylesheet and the code every question draws with
    (``question_esm.KIT``, once per page) in it."""
    import json

    from .figure_esm import LOADER, UNGATE
    from .question_esm import KIT

    code = esm_module("\n".join([LOADER, UNGATE, KIT, FRONT_END_ESM]),
                      {"END_STYLE": STYLES["status"], "EMPTY_STATUS": EMPTY_STATUS})
    return f"const KIT_CSS = {json.dumps(css_min(KIT_CSS))};\n" + code


def css_min(css: str) -> str:
    """``css`` without its comments and with every run of white space one space (fewer bytes; the same rules)."""
    import re

    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};])\s*", r"\1", css).strip()


def question_stub_esm() -> str:
    """Each question's own module: it waits for the kit's code (see :mod:`wakker.ui.question_esm`)."""
    from .question_esm import STUB

    return esm_module(STUB, {"ERROR_STYLE": STYLES["fout"], "LATE": QUESTION_LATE})


def front_end():
    """The front-end hook (see above) of the page whose request the kernel handles now, created on first
    use. ``front_end().dark`` is True while JupyterLab shows a dark theme; observe it to follow theme changes.

    One per page, like the shared Layouts (:func:`wakker.ui.lean.page_session`): a page builds a model the
    kernel opened before it connected only after fetching it, and a reloaded lesson would wait for the hook
    of the page before it (measured: after two reloads every question said it could not be shown)."""
    global _front_end
    from .lean import per_page

    _front_end = per_page(_front_ends, _new_front_end)
    return _front_end


_front_end_class = None


def _new_front_end():
    """A new front-end hook widget (sent to the page at once)."""
    global _front_end_class
    if _front_end_class is None:
        import traitlets

        from .lean import anywidget_base

        class FrontEnd(anywidget_base()):
            _esm = front_end_esm()
            dark = traitlets.Bool(False).tag(sync=True)
            # which plotly.js the page may load now: "" (none yet), "own" (the workbook's own copy)
            # or "full" (jupyterlab-plotly's, for a lesson that draws a trace type the own copy lacks)
            plotly = traitlets.Unicode("").tag(sync=True)

        _front_end_class = FrontEnd
    return _front_end_class(plotly=_want_plotly)


_want_plotly = ""


def want_plotly(full: bool = False) -> None:
    """Let the page load plotly.js now, in the background: a lesson with figures imports
    :mod:`wakker.ui.figure` cells before its first figure is drawn (on the first Run All the load
    otherwise waits for that figure).

    ``full=True``: the lesson draws a trace type that the workbook's own plotly.js lacks
    (:data:`wakker.ui.figure_esm.OWN_TRACES`, e.g. a 3D or map trace), so the page loads the full plotly.js of
    jupyterlab-plotly instead, and draws every figure with it: loading both costs a third of a second. Call it
    before importing :mod:`wakker.ui.figure` (it asks for the own copy), at the top of
    the lesson package; ``tests/ui/test_figure.py`` checks that such a lesson does."""
    global _want_plotly
    wanted = "full" if full or _want_plotly == "full" else "own"
    _want_plotly = wanted
    for hook in list(_front_ends.values()):
        if getattr(hook, "comm", None) is not None and hook.plotly != wanted:
            hook.plotly = wanted


def dark_theme() -> bool:
    """Whether the browser showed a dark JupyterLab theme the last time it said so."""
    return bool(_front_end is not None and _front_end.dark)
