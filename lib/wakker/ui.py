"""What a notebook shows: quotations, glossary cards, the workbook map and reflection widgets.

A notebook starts with ``nb = page("07_blog_vertrouwen_prisoners_dilemma")`` and then
calls ``nb.quote(...)``, ``nb.open_question(...)``, ``nb.scale(...)``, ``nb.choice(...)``.
Every question has a stable id (notebook + question id); its answer is written to the
journal shortly after the student stops typing, and shown again when the cell is re-run,
after a kernel restart, or when the notebook is opened again.

Invalid use never shows a traceback: the widget shows a Dutch message instead.
"""
from __future__ import annotations

import atexit
import html
import threading
from typing import Any, Callable, Sequence

import ipywidgets as w
from IPython.display import HTML, display

from .content import ContentError, content
from .journal import Entry, Journal, JournalError, check_id, get_journal

SAVE_DELAY = 0.6  # seconds after the last keystroke
ACCENT = "#e09f3e"

# Inline styles (not a stylesheet): every output looks right even when only one cell was run,
# and JupyterLab's own table and blockquote rules cannot override them.
STYLES = {
    "citaat": (f"margin:.6em 0 1em 0;padding:.6em 1em;border-left:5px solid {ACCENT};"
               "background:rgba(224,159,62,.09);border-radius:0 6px 6px 0;max-width:52em"),
    "citaat-tekst": "margin:0;padding:0;border:none;font-style:italic;font-size:1.02em;line-height:1.5",
    "citaat-bron": "margin-top:.5em;font-size:.85em;opacity:.8",
    "begrip": "margin:.4em 0;padding:.4em .8em;border:1px solid rgba(128,128,128,.35);border-radius:6px;max-width:52em",
    "fout": "color:#a4161a;background:rgba(164,22,26,.08);padding:.4em .8em;border-radius:6px;line-height:1.4",
    "melding": "background:rgba(224,159,62,.15);padding:.4em .8em;border-radius:6px;line-height:1.4",
    "vraag": "font-weight:600;line-height:1.4;margin:.3em 0",
    "status": "font-size:.85em;opacity:.75",
    "feedback": "margin:.3em 0;padding:.3em .7em;border-left:3px solid rgba(128,128,128,.5);line-height:1.4",
    "kaart": "border-collapse:collapse;margin:.5em 0",
    "kaart-cel": "padding:.25em .7em;text-align:left;vertical-align:top;border-bottom:1px solid rgba(128,128,128,.25)",
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
    """A Dutch error message as shown in a widget (never a traceback)."""
    return styled("fout", f"⚠ {html.escape(message)}")


def notice_html(inner_html: str) -> str:
    return styled("melding", inner_html)


_error_html = error_html


# ---------------------------------------------------------------- saving
class _Pending:
    """Debounced saves: the last value of each question is written SAVE_DELAY after the last change."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timers: dict[int, tuple[threading.Timer, Callable[[], None]]] = {}

    def schedule(self, key: int, action: Callable[[], None], delay: float) -> None:
        with self.lock:
            old = self.timers.pop(key, None)
            if old:
                old[0].cancel()
            timer = threading.Timer(delay, self._run, args=(key,))
            timer.daemon = True
            self.timers[key] = (timer, action)
            timer.start()

    def _run(self, key: int) -> None:
        with self.lock:
            item = self.timers.pop(key, None)
        if item:
            item[1]()

    def flush(self) -> None:
        """Write everything still waiting (kernel shutdown, tests)."""
        with self.lock:
            items = list(self.timers.values())
            self.timers.clear()
        for timer, action in items:
            timer.cancel()
            action()


_pending = _Pending()
atexit.register(_pending.flush)


def flush() -> None:
    """Save every answer that is still waiting for its save delay."""
    _pending.flush()


# ---------------------------------------------------------------- questions
class Question:
    """Base class of a reflection widget. A new kind implements ``_build``, ``_get`` and ``_set``."""

    kind = "text"

    def __init__(self, page: "Page", qid: str, prompt: str, delay: float = 0.0):
        self.page, self.qid, self.prompt, self.delay = page, qid, prompt, delay
        self.status = w.HTML()
        self.message = w.HTML()
        self._loading = False
        self.error: str | None = None
        try:
            check_id(qid, "vraag-naam")
            page.check()
        except (JournalError, ContentError) as exc:
            self.error = str(exc)
        label = w.HTML(styled("vraag", html.escape(prompt)))
        if self.error:
            self.box = w.VBox([label, w.HTML(_error_html(self.error))])
            return
        self.input = self._build()
        self.box = w.VBox([label, self.input, self.message, self.status],
                          layout=w.Layout(margin="0.5em 0 1em 0", max_width="52em"))
        self.box.add_class("wakker-question")
        self.box.add_class(f"wakker-q-{qid}")
        self._restore()

    # -- to implement per kind
    def _build(self) -> w.Widget:
        raise NotImplementedError

    def _get(self) -> Any:
        raise NotImplementedError

    def _set(self, value: Any) -> None:
        raise NotImplementedError

    def _after_change(self, value: Any) -> None:
        """Hook for feedback; runs on every change and on restore."""

    # -- shared behaviour
    @property
    def value(self) -> Any:
        return None if self.error else self._get()

    def _restore(self) -> None:
        try:
            entry = self.page.journal.latest(self.page.notebook, self.qid)
        except Exception as exc:  # noqa: BLE001 - a broken journal must not break the lesson
            self.status.value = _error_html(f"Eerdere antwoorden konden niet gelezen worden: {exc}")
            return
        if entry is None:
            self.status.value = styled("status", "Nog niet beantwoord.", "span")
            return
        self._loading = True
        try:
            self._set(entry.value)
        except Exception:  # noqa: BLE001 - an answer of an older form: show it, keep the widget empty
            self.message.value = notice_html(f"Je eerdere antwoord: {html.escape(str(entry.value))}")
        finally:
            self._loading = False
        self._after_change(self._get())
        self._show_saved(entry, restored=True)

    def _show_saved(self, entry: Entry, restored: bool = False) -> None:
        when = entry.local_time.strftime("%H:%M")
        day = entry.local_time.strftime("%d-%m-%Y")
        text = f"eerder antwoord, opgeslagen op {day} om {when}" if restored else f"opgeslagen om {when}"
        self.status.value = styled("status", f"✓ {text}", "span")

    def _changed(self, _change=None) -> None:
        if self._loading or self.error:
            return
        value = self._get()
        self._after_change(value)
        if self.delay > 0:
            self.status.value = styled("status", "… wordt zo opgeslagen", "span")
            _pending.schedule(id(self), self.save, self.delay)
        else:
            self.save()

    def save(self) -> Entry | None:
        """Write the current value to the journal now."""
        if self.error:
            return None
        try:
            entry = self.page.journal.save(self.page.notebook, self.qid, self._get(), kind=self.kind, prompt=self.prompt)
        except JournalError as exc:
            self.status.value = _error_html(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - e.g. a disk that is full
            self.status.value = _error_html(f"Opslaan is niet gelukt ({exc}). Kopieer je antwoord voor de zekerheid.")
            return None
        self._show_saved(entry)
        return entry

    def _ipython_display_(self) -> None:
        display(self.box)


class OpenQuestion(Question):
    kind = "text"

    def __init__(self, page, qid, prompt, placeholder="Typ hier je antwoord…", rows=5):
        self._placeholder, self._rows = placeholder, rows
        super().__init__(page, qid, prompt, delay=SAVE_DELAY)

    def _build(self):
        area = w.Textarea(placeholder=self._placeholder, rows=self._rows, continuous_update=True,
                          layout=w.Layout(width="100%"))
        area.observe(self._changed, names="value")
        self.area = area
        return area

    def _get(self):
        return self.area.value

    def _set(self, value):
        if not isinstance(value, str):
            raise TypeError
        self.area.value = value


class Scale(Question):
    kind = "scale"

    def __init__(self, page, qid, prompt, low=1, high=5, low_label="", high_label=""):
        if not (isinstance(low, int) and isinstance(high, int) and 2 <= high - low + 1 <= 11):
            self._bad = "Een schaal heeft tussen 2 en 11 punten, met hele getallen."
        else:
            self._bad = None
        self._low, self._high, self._labels = low, high, (low_label, high_label)
        super().__init__(page, qid, prompt)

    def _build(self):
        if self._bad:
            self.buttons = None
            return w.HTML(_error_html(self._bad))
        self.buttons = w.ToggleButtons(options=list(range(self._low, self._high + 1)), value=None,
                                       style={"button_width": "3em"})
        self.buttons.observe(self._changed, names="value")
        left = w.HTML(styled("status", html.escape(self._labels[0]), "span"),
                      layout=w.Layout(margin="0 0.6em 0 0"))
        right = w.HTML(styled("status", html.escape(self._labels[1]), "span"),
                       layout=w.Layout(margin="0 0 0 0.6em"))
        return w.HBox([left, self.buttons, right], layout=w.Layout(align_items="center"))

    def _get(self):
        return None if self.buttons is None else self.buttons.value

    def _set(self, value):
        if self.buttons is None or value not in self.buttons.options:
            raise ValueError
        self.buttons.value = value

    def _changed(self, change=None):
        if self._get() is not None:
            super()._changed(change)


class Choice(Question):
    """A choice with feedback per option; ``multiple=True`` allows several options."""

    kind = "choice"

    def __init__(self, page, qid, prompt, options: Sequence, multiple=False):
        self._options = [self._option(o) for o in options]
        self._multiple = multiple
        super().__init__(page, qid, prompt)

    @staticmethod
    def _option(o) -> tuple[str, str]:
        if isinstance(o, str):
            return o, ""
        if isinstance(o, dict):
            return str(o.get("label", "")), str(o.get("feedback", ""))
        label, feedback = (list(o) + [""])[:2]
        return str(label), str(feedback)

    def _build(self):
        labels = [o[0] for o in self._options]
        if self._multiple:
            self.boxes = [w.Checkbox(value=False, description=lab, indent=False, layout=w.Layout(width="auto"))
                          for lab in labels]
            for box in self.boxes:
                box.observe(self._changed, names="value")
            inner = w.VBox(self.boxes)
        else:
            self.radio = w.RadioButtons(options=labels, value=None, layout=w.Layout(width="auto"))
            self.radio.observe(self._changed, names="value")
            inner = self.radio
        inner.add_class("wakker-options")
        return w.VBox([w.HTML(WRAP_OPTIONS_CSS), inner])

    def _get(self):
        if self._multiple:
            chosen = [i for i, b in enumerate(self.boxes) if b.value]
        else:
            chosen = [] if self.radio.index is None else [self.radio.index]
        return {"selected": chosen, "label": "; ".join(self._options[i][0] for i in chosen)}

    def _set(self, value):
        chosen = value["selected"]
        if self._multiple:
            for i, b in enumerate(self.boxes):
                b.value = i in chosen
        elif chosen:
            self.radio.index = chosen[0]

    def _after_change(self, value):
        parts = [styled("feedback", f"<b>{html.escape(self._options[i][0])}</b>: {html.escape(self._options[i][1])}")
                 for i in value["selected"] if self._options[i][1]]
        self.message.value = "".join(parts)

    def _changed(self, change=None):
        if not self._multiple and self.radio.index is None:
            return
        super()._changed(change)


# ---------------------------------------------------------------- the page
class Page:
    """One notebook's view of the workbook: its content and its questions."""

    def __init__(self, notebook: str, journal: Journal | None = None):
        self.notebook = notebook
        self.error: str | None = None
        self._journal = journal
        try:
            check_id(notebook, "notebook-naam")
            self.info = content().notebook(notebook)
        except (JournalError, ContentError) as exc:
            self.error = str(exc)
            self.info = None

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = get_journal()
        return self._journal

    def check(self) -> None:
        if self.error:
            raise JournalError(self.error)

    def _ipython_display_(self) -> None:
        """Shows the notebook's header: title, goals, and any journal notice."""
        if self.error:
            display(HTML(_error_html(self.error)))
            return
        goals = "".join(f"<li>{html.escape(g)}</li>" for g in self.info.goals)
        notice = self.journal.notice
        parts = [f"<p><b>Leerdoelen</b></p><ul>{goals}</ul>" if goals else ""]
        if notice:
            parts.append(notice_html(html.escape(notice)))
        display(HTML("".join(parts)))

    # -- content
    def quote(self, key: str) -> None:
        """Show an excerpt as a quotation with author, title, year and location."""
        display(HTML(quote_html(key)))

    def term(self, key: str) -> None:
        """Show one glossary term as a small card."""
        display(HTML(term_html(key)))

    def glossary(self) -> None:
        display(HTML(glossary_html()))

    def notebook_map(self) -> None:
        display(HTML(map_html()))

    # -- questions
    def open_question(self, qid: str, prompt: str, placeholder: str = "Typ hier je antwoord…", rows: int = 5):
        return OpenQuestion(self, qid, prompt, placeholder=placeholder, rows=rows)

    def scale(self, qid: str, prompt: str, low: int = 1, high: int = 5, low_label: str = "", high_label: str = ""):
        return Scale(self, qid, prompt, low=low, high=high, low_label=low_label, high_label=high_label)

    def choice(self, qid: str, prompt: str, options: Sequence, multiple: bool = False):
        return Choice(self, qid, prompt, options, multiple=multiple)

    # -- values of models and games (strategies, scores, divisions of a week)
    def save_value(self, qid: str, value: Any, kind: str = "value", prompt: str = "") -> Entry:
        """Store a structured value (raises JournalError with a Dutch message on invalid use)."""
        self.check()
        return self.journal.save(self.notebook, qid, value, kind=kind, prompt=prompt)

    def load_value(self, qid: str, default: Any = None) -> Any:
        if self.error:
            return default
        entry = self.journal.latest(self.notebook, qid)
        return default if entry is None else entry.value

    def export_panel(self):
        from .exportui import ExportPanel

        return ExportPanel(self.journal)


def page(notebook: str) -> Page:
    """Start a notebook: ``nb = page("00_start")``; show ``nb`` for its learning goals."""
    return Page(notebook)


# ---------------------------------------------------------------- HTML renderers
def quote_html(key: str) -> str:
    try:
        c = content()
        ex = c.excerpt(key)
    except ContentError as exc:
        return _error_html(str(exc))
    src = c.sources[ex.source]
    text = html.escape(ex.text)
    work = f"<i>{html.escape(src.title)}</i> ({html.escape(src.year)})"
    if ex.author:  # e.g. a foreword by someone else: name the writer, then the book it appears in
        caption = f"— {html.escape(ex.author)}, {html.escape(ex.location)}, in: {html.escape(src.author_line)}, {work}."
    else:
        caption = f"— {html.escape(src.author_line)}, {work}, {html.escape(ex.location)}."
    inner = styled("citaat-tekst", f"“{text}”", "blockquote") + styled("citaat-bron", caption, "figcaption")
    return styled("citaat", inner, "figure", f' data-excerpt="{html.escape(ex.key)}"')


def term_html(key: str) -> str:
    try:
        c = content()
        t = c.term(key)
    except ContentError as exc:
        return _error_html(str(exc))
    see = ", ".join(html.escape(c.terms[s].term) for s in t.see)
    extra = f"<br><small>Zie ook: {see}</small>" if see else ""
    return styled("begrip", f"<b>{html.escape(t.term)}</b> — {html.escape(t.definition)}{extra}", "div",
                  f' id="begrip-{t.id}"')


def glossary_html() -> str:
    c = content()
    return "".join(term_html(t.id) for t in sorted(c.terms.values(), key=lambda t: t.term.lower()))


def map_html() -> str:
    c = content()
    cell = lambda inner, tag="td": styled("kaart-cel", inner, tag)  # noqa: E731
    rows = [cell("nr", "th") + cell("notebook", "th") + cell("bron", "th") + cell("status", "th")]
    for nb in c.notebooks.values():
        src = c.sources[nb.source].title.split(" — ")[0] if nb.source else "—"
        ready = nb.status == "klaar"
        title = (f'<a href="{html.escape(nb.file)}" style="color:inherit;text-decoration:underline">'
                 f"<b>{html.escape(nb.title)}</b></a>" if ready else html.escape(nb.title))
        status = ('<span style="color:#2d6a4f;font-weight:600">✓ klaar</span>' if ready
                  else '<span style="opacity:.7">in voorbereiding</span>')
        rows.append(cell(f"<code>{html.escape(nb.id[:2])}</code>") + cell(title) + cell(html.escape(src)) + cell(status))
    return styled("kaart", "".join(f"<tr>{r}</tr>" for r in rows), "table")
