"""The teacher's widgets of notebook 09: collect the exports, the class overview, the class
tournament, the lesson plans and the links. No code for the teacher to write.

One :class:`Desk` holds what was collected; every view that shows student data listens to it, so
switching *anonymous* on changes every view and every download at once. Downloads are plain
``data:`` links (:func:`wakker.ui.export.download_links_html`): they go to the browser, nothing is
written into the workbook's folder. The class tournament gets a temporary folder outside the
repository (removed right after it was read).
"""
from __future__ import annotations

import html
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from wakker.ui.lean import widgets as w
import pandas as pd

from ...core import dutch
from ...ui.export import download_links_html
from ...ui.figure import LiveFigure
from ...ui.style import (STYLES, cell_html, error_html, note_html, notice_html, scroll_hint_html, summary_hint_html,
                         text_html)
from ...ui.view import View, report, safe
from . import exports as C
from . import tables as O
from . import texts as T

WIDE = w.Layout(width="100%", max_width="70em")


def _fmt(x) -> str:
    if isinstance(x, bool):
        return T.TRUE_FALSE[0] if x else T.TRUE_FALSE[1]
    if isinstance(x, float):
        if x != x:  # NaN
            return "—"
        return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",") if abs(x - round(x)) > 1e-9 else str(int(round(x)))
    return "" if x is None else str(x)


#: A long text cell (a question): at most a good third of a phone's width, so that more of the columns next to it
#: are on the screen (with the id beside it the numbers still need a scroll at 390 px: a line above says so), and
#: at least about twelve letters wide, so its words stay whole. It used to break anywhere, and at 390 px the table
#: squeezed such a cell to a few letters ("organi / satie"); now the table scrolls sideways (the kit's box "schuif").
_NARROW = ";min-width:min(12em,35vw);max-width:min(28em,45vw);overflow-wrap:break-word"
#: A heading in an HTML widget gets a heading's line height: the widget's own is its 28 px row, so a heading that
#: wrapped at 390 px had large gaps between its lines and read as more than one heading (an independent review).
HEADING = "line-height:1.3"
#: The box around a table: it scrolls sideways itself (the kit's STYLES["schuif"]).
SCROLL_BOX = STYLES["schuif"]
#: Leading columns whose repeated values (one question over several rows) are merged into one cell (rowspan).
MERGE = frozenset({T.CHOICE_COLUMNS[0], T.CHOICE_COLUMNS[1], T.NUMBERS_COLUMNS[2]})


def _spans(rows: list[tuple], k: int) -> list[list[int]]:
    """Per row, the rowspan of each of the first ``k`` cells: n for the first of n rows with the same values in
    that column and every column before it, 0 for the rows it covers."""
    spans = [[1] * k for _ in rows]
    for j in range(k):
        i = 0
        while i < len(rows):
            n = 1
            while i + n < len(rows) and rows[i + n][:j + 1] == rows[i][:j + 1]:
                spans[i + n][j] = 0
                n += 1
            spans[i][j] = n
            i += n
    return spans


def table_html(df: pd.DataFrame, cls: str = "", merge=frozenset()) -> str:
    """A Dutch table (decimal commas), scrollable sideways on a phone. Leading columns named in ``merge`` show
    a value repeated in the rows below it once, as one cell over those rows (a question over its options)."""
    if df is None or df.empty:
        return ""
    head = "".join(cell_html(html.escape(str(c)), head=True) for c in df.columns)
    k = 0
    while k < len(df.columns) and df.columns[k] in merge:
        k += 1
    rows = list(df.itertuples(index=False))
    spans = _spans([tuple(r) for r in rows], k)
    out = []
    for row, span in zip(rows, spans):
        cells = []
        for j, v in enumerate(row):
            n = span[j] if j < k else 1
            if n == 0:
                continue
            cell = cell_html(html.escape(_fmt(v)), "text-align:left;vertical-align:top"
                             + (_NARROW if isinstance(v, str) and len(v) > 30 else ""))
            cells.append(cell.replace("<td ", f'<td rowspan="{n}" ', 1) if n > 1 else cell)
        out.append("<tr>" + "".join(cells) + "</tr>")
    # on a phone the columns to the right need a scroll: a line right above the table says so (shown only where
    # the table is wider than the screen; an independent review at 390 px saw only 'vraag' and 'id')
    return (f'{scroll_hint_html(T.TABLE_SCROLL_HINT)}<div class="wakker-docent-tabel {cls}" style="{SCROLL_BOX}">'
            f'<table class="wakker-tabel" style="{STYLES["tabel"]}">'  # the kit's table: wrapped text 1.35, not 28 px
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(out)}</tbody></table></div>')


def table_heading_html(title: str) -> str:
    """The heading right above a table of the class (the overview's tables, 'Wie heeft wat gedaan')."""
    return f"<h4 style='margin:.8em 0 .2em 0;{HEADING}'>{html.escape(title)}</h4>"


def csv_links(items: list[tuple[str, str, pd.DataFrame]]) -> str:
    """Download links (to the browser) for tables as Dutch CSV."""
    files = [{"format": "csv", "label": T.CSV_LABEL.format(title=title), "mime": "text/csv",
              "name": f"{stem}.csv", "text": O.to_csv(df)} for title, stem, df in items if df is not None and len(df)]
    return f'<div class="wakker-docent-csv">{download_links_html(files)}</div>' if files else ""


# ---------------------------------------------------------------- collecting
#: The label of the checkbox 'Anoniem (...)' on more lines when the column is narrow: ipywidgets keeps it on one
#: line and cut it off at 390 px ('Anoniem (namen vervangen door n…'). In the desk's first HTML widget.
DESK_CSS = (
    "<style>"
    ".wakker-docent-anoniem, .wakker-docent-anoniem .widget-label-basic { height: auto !important; }"
    ".wakker-docent-anoniem .widget-label-basic { line-height: 1.3 !important; padding: .25em 0 !important; }"
    ".wakker-docent-anoniem .widget-label-basic span { white-space: normal !important; overflow: visible !important;"
    " text-overflow: clip !important; line-height: 1.3 !important; }"
    "</style>"
)


class Desk(View):
    """Collect the exports: an upload (many files at once) or a folder, a class list, *anonymous*.

    ``collection`` is what was read; views registered with :meth:`listen` are redrawn after every change."""

    def __init__(self):
        self.collection: C.Collection | None = None
        self.sources: list[C.Source] = []
        self.source_error: str | None = None
        #: what the last choice of files (or folder) did: (added, already read); shown above the report
        self.last_added: tuple[int, int] | None = None
        self.example = False  # the sources are the made-up example class
        self.example_replaced = False
        self._listeners: list[Callable[[], None]] = []
        self.upload = w.FileUpload(accept=".json,application/json", multiple=True, description=T.UPLOAD,
                                   layout=dict(width="auto"), _dom_classes=("wakker-docent-upload",))
        self.folder = w.Text(placeholder=T.FOLDER_PLACEHOLDER, description=T.FOLDER,
                             layout=dict(width="30em", max_width="100%"))
        self.read_button = w.Button(description=T.READ_FOLDER, icon="folder-open", layout=dict(width="auto"))
        self.clear_button = w.Button(description=T.CLEAR, icon="trash", layout=dict(width="auto"),
                                     _dom_classes=("wakker-docent-wissen",))
        self.class_list = w.Textarea(placeholder=T.CLASS_LIST_PLACEHOLDER, description=T.CLASS_LIST, rows=4,
                                     layout=dict(width="36em", max_width="100%"))
        self.anonymous = w.Checkbox(value=False, description=T.ANONYMOUS, indent=False,
                                    layout=dict(width="auto"), _dom_classes=("wakker-docent-anoniem",))
        self.report_html = w.HTML(note_html(T.NOTHING_YET), _dom_classes=("wakker-docent-verslag",))
        self.message = w.HTML(_dom_classes=("wakker-docent-melding",))
        self.upload.observe(self._uploaded, "value")
        self.read_button.on_click(self._read_folder)
        self.clear_button.on_click(self._clear)
        self.class_list.observe(self._redo, "value")
        self.anonymous.observe(self._redo, "value")
        self.box = w.VBox([w.HTML(DESK_CSS + text_html(html.escape(T.UPLOAD_HELP))), self.upload,
                           w.HBox([self.folder, self.read_button], layout=dict(flex_flow="row wrap")),
                           w.HTML(note_html(html.escape(T.FOLDER_TIP))), self.class_list, self.anonymous,
                           self.clear_button,
                           self.message, self.report_html], layout=WIDE, _dom_classes=("wakker-docent-inleveren",))

    def listen(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    # -- input
    @safe
    def _uploaded(self, change=None) -> None:
        value = self.upload.value
        if not value:  # the widget was emptied below (or by "Begin opnieuw"): nothing new
            return
        try:
            new = C.upload_sources(value)
        except Exception as exc:  # noqa: BLE001
            report(exc)
            self.message.value = error_html(T.UPLOAD_FAILED)
            return
        self.add_sources(new)
        # emptied, so that choosing the same files again is a change as well (and the bytes are not kept twice)
        self.upload.value = ()

    @safe
    def _read_folder(self, _button=None) -> None:
        self.read(self.folder.value)

    def read(self, folder) -> C.Collection:
        """Add the files of ``folder`` (also what the button does) to what was read; returns the collection.

        A folder that cannot be read is a Dutch message; what was read before stays."""
        self.folder.value = str(folder)
        sources, error = C.folder_sources(folder)
        if error:
            if not self.sources:  # the report says it (once: it was here and in the report, twice in a row)
                self.message.value = ""
                self.source_error = error
                return self.refresh()
            self.message.value = error_html(error)  # the report keeps what was read
            return self.collection
        col = self.add_sources(sources)
        self.message.value = note_html(html.escape(T.FOLDER_READ.format(path=C.resolve_folder(folder)[0])))
        return col

    def add_sources(self, sources: list[C.Source]) -> C.Collection:
        """Add ``sources`` to what was read before (a second choice of files never replaces the first).

        A file with the same name and the same content as one already read counts once; the same export under
        another name, or a newer export of the same workbook, is merged by :func:`.exports.collect`. The made-up
        example class is replaced by the first real files."""
        self.example_replaced = self.example
        if self.example:
            self.sources, self.example = [], False
        self.sources, added, again = C.add_sources(self.sources, sources)
        self.source_error = None
        self.last_added = (added, again)
        self.message.value = ""
        return self.refresh()

    def read_sources(self, sources: list[C.Source], example: bool = False) -> C.Collection:
        """Replace everything read by ``sources`` (the example class); see :meth:`add_sources` for adding."""
        self.sources, self.source_error = list(sources), None
        self.example, self.example_replaced, self.last_added = example, False, None
        self.message.value = ""
        return self.refresh()

    @safe
    def _clear(self, _button=None) -> None:
        self.clear()

    def clear(self) -> C.Collection:
        """Forget everything that was read ("Begin opnieuw"); the class list and *anonymous* stay."""
        self.sources, self.source_error, self.last_added = [], None, None
        self.example = self.example_replaced = False
        self.upload.value = ()
        self.message.value = note_html(T.CLEARED)
        return self.refresh()

    @safe
    def _redo(self, change=None) -> None:
        if self.sources or self.source_error:
            self.refresh()

    def refresh(self) -> C.Collection:
        with C.cycle_collector_paused():
            self.collection = C.collect(self.sources, self.class_list.value, self.anonymous.value, self.source_error)
            if not self.sources and not self.source_error:
                self.report_html.value = note_html(T.NOTHING_YET)
            else:
                self.report_html.value = self._added_html() + report_html(self.collection, example=self.example)
            for callback in self._listeners:
                try:
                    callback()
                except Exception as exc:  # noqa: BLE001 - one view failing never stops the others
                    report(exc)
        return self.collection

    def _added_html(self) -> str:
        if self.collection is None or self.collection.error:
            return ""
        parts = []
        if self.example_replaced:
            parts.append(T.EXAMPLE_REPLACED)
        if self.last_added is not None:
            added, again = self.last_added
            parts.append(T.ADDED.format(added=dutch.count(added, *T.FILES), total=len(self.sources)))
            if again:
                parts.append(T.ALREADY_READ.format(n=dutch.count(again, *T.FILES)))
        return notice_html(html.escape(" ".join(parts))) if parts else ""


def _list(items: list[str], open_: bool = False, cls: str = "") -> str:
    lis = "".join(f"<li>{x}</li>" for x in items)
    return f'<ul class="{cls}" style="margin:.2em 0 .4em 1.2em;padding:0;line-height:1.45">{lis}</ul>'


def report_html(col: C.Collection, example: bool = False) -> str:
    """What was read and skipped, the conflicts and who handed nothing in (Dutch, names hidden when anonymous)."""
    if col.error:
        return error_html(col.error)
    esc = html.escape
    parts = [text_html(T.SUMMARY.format(read=len(col.read), students=len(col.students), skipped=len(col.skipped),
                                        example=T.SUMMARY_EXAMPLE if example else ""))]
    if col.conflicts:
        parts.append(notice_html(f"<b>{T.CONFLICT_HEAD.format(n=len(col.conflicts))}</b>"
                                 + _list([esc(c) for c in col.conflicts], cls="wakker-docent-conflicten")))
    if col.skipped:
        parts.append(notice_html(f"<b>{T.SKIPPED_HEAD.format(n=len(col.skipped))}</b>"
                                 + _list([esc(T.FILE_SKIPPED.format(file=f, reason=r)) for f, r in col.skipped],
                                         cls="wakker-docent-overgeslagen")))
    if col.merged:
        parts.append(note_html(esc(T.MERGED.format(n=len(col.merged), files=", ".join(col.merged)))))
    if col.missing:
        if col.anonymous:
            k = len(col.missing)
            parts.append(notice_html(esc(T.MISSING_ANON.format(n=dutch.count(k, *T.STUDENTS),
                                                               verb=T.HAVE[k != 1]))))
        else:
            parts.append(notice_html(f"<b>{T.MISSING_HEAD.format(n=len(col.missing))}</b>"
                                     + _list([esc(n) for n in col.missing], cls="wakker-docent-ontbreekt")))
    if col.read:
        parts.append(f"<details><summary style='cursor:pointer'>{T.READ_HEAD.format(n=len(col.read))}</summary>"
                     + _list([esc(T.FILE_READ.format(file=f, student=s)) for f, s in col.read],
                             cls="wakker-docent-ingelezen") + "</details>")
    return "".join(parts)


# ---------------------------------------------------------------- the overview
def _wrap(text: str, width: int = 38) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    out = "<br>".join(html.escape(x) for x in lines[:4])
    return out + ("…" if len(lines) > 4 else "")


class Overview(View):
    """The class overview per notebook: tables with CSV downloads, a chart per question, open answers."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.current: O.NotebookOverview | None = None
        self.notebook = w.Dropdown(description=T.OVERVIEW_NOTEBOOK, options=[], layout=dict(width="36em",
                                                                                              max_width="100%"))
        self.tables = w.HTML(note_html(T.OVERVIEW_EMPTY), _dom_classes=("wakker-docent-overzicht",))
        self.chart_question = w.Dropdown(description=T.FIGURE_QUESTION, options=[],
                                         layout=dict(width="36em", max_width="100%"))
        self.fig = self._figure()
        self.message = w.HTML()
        # the figure joins the page only once it has data: plotly cannot draw an empty figure in a hidden box
        self.chart_box = w.VBox([self.chart_question], layout=w.Layout())  # shown and hidden: its own layout
        self.chart_box.layout.display = "none"
        self.notebook.observe(self._show, "value")
        self.chart_question.observe(self._chart, "value")
        self.box = w.VBox([self.notebook, self.message, self.tables, self.chart_box], layout=WIDE,
                          _dom_classes=(self.CLASS,))
        desk.listen(self.update)

    CLASS = "wakker-docent-klas"

    @staticmethod
    def _figure() -> LiveFigure:
        import plotly.graph_objects as go

        fig = go.Figure()
        fig.add_bar(x=[], y=[], orientation="h", marker_color="#e09f3e", hovertemplate="%{x}<extra></extra>")
        fig.update_layout(height=320, margin=dict(l=10, r=20, t=50, b=40), xaxis=dict(title=T.FIGURE_X, dtick=1),
                          yaxis=dict(autorange="reversed", automargin=True), title=dict(text="", font=dict(size=14)))
        return LiveFigure(fig)

    def update(self) -> None:
        col = self.desk.collection
        nbs = O.notebooks_in(col) if col and not col.error else []
        titles = _titles()
        keep = self.notebook.value
        self.notebook.options = [(f"{nb[:2]} · {titles.get(nb, nb)}", nb) for nb in nbs]
        if nbs:
            self.notebook.value = keep if keep in nbs else nbs[0]
        self._show()

    @safe
    def _show(self, change=None) -> None:
        col = self.desk.collection
        nb = self.notebook.value
        if not col or col.error or not col.students or not nb:
            self.current = None
            self.tables.value = note_html(T.OVERVIEW_EMPTY)
            self.chart_box.layout.display = "none"
            return
        ov = self.current = O.overview(col, nb)
        parts = []
        for title, stem, df in ov.tables():
            note = {"sorteerspel": note_html(T.SORTING_NOTE), "keuzes": note_html(T.CHOICE_NOTE)}.get(stem, "")
            parts.append(f"{table_heading_html(title)}{note}{table_html(df, stem, MERGE)}")
        if not parts:
            parts.append(note_html(T.NO_ANSWERS))
        links = csv_links([(t, f"{nb[:2]}-{s}", df) for t, s, df in ov.tables()])
        self.tables.value = "".join(parts) + (note_html(T.CSV_NOTE) + links if links else "")
        prompts = {q.id: q.prompt for q in ov.questions}
        charts = [(f"{_short(prompts.get(q, q))} ({q})", q) for q in ov.distributions]
        self.chart_question.options = charts
        if charts:
            self.chart_question.value = charts[0][1]
        self._chart()
        self.chart_box.layout.display = "" if charts else "none"

    @safe
    def _chart(self, change=None) -> None:
        ov, qid = self.current, self.chart_question.value
        if ov is None or qid not in ov.distributions:
            return
        df = ov.distributions[qid]
        prompt = next((q.prompt for q in ov.questions if q.id == qid), qid)
        with self.fig.batch_update():
            self.fig.data[0].x = list(df["aantal"])
            self.fig.data[0].y = [_wrap(str(a)) for a in df["antwoord"]]
            self.fig.layout.title.text = _wrap(prompt, 90)
            self.fig.layout.height = max(260, 120 + 46 * len(df))
        if len(self.chart_box.children) == 1:
            self.chart_box.children = (self.chart_question, self.fig.widget)



class OpenAnswers(View):
    """The open answers of one question, readable on a projector, filterable, anonymised on request."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.current: O.NotebookOverview | None = None
        self.notebook = w.Dropdown(description=T.OVERVIEW_NOTEBOOK, options=[],
                                   layout=dict(width="36em", max_width="100%"))
        self.open_question = w.Dropdown(description=T.OPEN_QUESTION, options=[],
                                        layout=dict(width="36em", max_width="100%"))
        self.open_filter = w.Text(description=T.OPEN_FILTER, placeholder=T.OPEN_FILTER_PLACEHOLDER,
                                  layout=dict(width="30em", max_width="100%"))
        self.open_html = w.HTML(note_html(T.OVERVIEW_EMPTY), _dom_classes=("wakker-docent-open",))
        self.message = w.HTML()
        self.notebook.observe(self._show, "value")
        self.open_question.observe(self._open, "value")
        self.open_filter.observe(self._open, "value")
        self.box = w.VBox([self.notebook, self.open_question, self.open_filter, self.message, self.open_html],
                          layout=WIDE, _dom_classes=("wakker-docent-open-antwoorden",))
        desk.listen(self.update)

    def update(self) -> None:
        col = self.desk.collection
        nbs = O.notebooks_in(col) if col and not col.error else []
        titles = _titles()
        keep = self.notebook.value
        self.notebook.options = [(f"{nb[:2]} · {titles.get(nb, nb)}", nb) for nb in nbs]
        if nbs:
            self.notebook.value = keep if keep in nbs else nbs[0]
        self._show()

    @safe
    def _show(self, change=None) -> None:
        col, nb = self.desk.collection, self.notebook.value
        if not col or col.error or not col.students or not nb:
            self.current = None
            self.open_question.options = []
            self.open_html.value = note_html(T.OVERVIEW_EMPTY)
            return
        ov = self.current = O.overview(col, nb)
        prompts = {q.id: q.prompt for q in ov.questions}
        keep = self.open_question.value
        opens = [(f"{_short(prompts.get(q, q))} ({q})", q) for q in ov.open]
        self.open_question.options = opens
        if opens:
            self.open_question.value = keep if keep in ov.open else opens[0][1]
        self._open()

    @safe
    def _open(self, change=None) -> None:
        ov, qid = self.current, self.open_question.value
        if ov is None or qid not in ov.open:
            self.open_html.value = ""
            return
        table = ov.open[qid]
        shown = O.filter_open(table, self.open_filter.value)
        if shown.empty:
            self.open_html.value = note_html(T.OPEN_NONE)
            return
        items = "".join(f'<li style="margin:.3em 0"><b>{html.escape(str(who))}</b>: '
                        f'<span style="white-space:pre-wrap">{html.escape(str(text))}</span></li>'
                        for who, text in shown.itertuples(index=False))
        count = note_html(T.OPEN_COUNT.format(shown=len(shown), total=len(table)))
        nb = self.notebook.value or ""
        self.open_html.value = (count + f'<ul style="margin:.2em 0 .4em 1.2em;padding:0;line-height:1.45">{items}</ul>'
                                + csv_links([(qid, f"{nb[:2]}-open-{qid}", shown)]))


def _short(text: str, n: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 1] + "…"


def _titles() -> dict[str, str]:
    try:
        from ...core.content import content

        return {k: v.title for k, v in content().notebooks.items()}
    except Exception:  # noqa: BLE001
        return {}


class Progress(View):
    """Per student: how many questions of each notebook have an answer (who is where)."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.table: pd.DataFrame | None = None
        self.out = w.HTML(note_html(T.OVERVIEW_EMPTY), _dom_classes=("wakker-docent-voortgang",))
        self.message = w.HTML()
        self.box = w.VBox([self.message, self.out], layout=WIDE)
        desk.listen(self.update)

    @safe
    def update(self) -> None:
        col = self.desk.collection
        if not col or col.error or not col.students:
            self.table = None
            self.out.value = note_html(T.OVERVIEW_EMPTY)
            return
        self.table = O.progress(col)
        # on screen '(van 22)' stays on one line ('00 (van' above '7)' read badly at 1400 px); the CSV keeps plain
        # spaces, as a spreadsheet matches its headers. A name stays on one line on a wide screen (the kit's CSS).
        shown = self.table.rename(columns=lambda c: str(c).replace(" (van ", " (van\u00a0"))
        # its own heading, as the overview's tables have (an independent reviewer saw only the CSV button's label)
        self.out.value = (table_heading_html(T.PROGRESS_HEAD) + table_html(shown, "voortgang")
                          + csv_links([(T.PROGRESS_HEAD, "voortgang", self.table)]))


class ExampleClass(View):
    """A button that reads a made-up class (exported with the workbook's own code) into ``desk``."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.button = w.Button(description=T.EXAMPLE_BUTTON, icon="users", layout=dict(width="auto"))
        self.message = w.HTML()
        self.button.on_click(self._make)
        self.box = w.VBox([self.button, self.message], layout=WIDE)
        desk.listen(self._update)

    def _update(self) -> None:
        # the note "a made-up class was read" goes as soon as other files (or nothing) are read
        if not self.desk.example:
            self.message.value = ""

    @safe
    def _make(self, _button=None) -> None:
        self.make()

    def make(self, n: int = 30) -> C.Collection:
        from .example import example_sources

        self.message.value = note_html(T.EXAMPLE_BUSY)
        col = self.desk.read_sources(example_sources(n), example=True)
        self.message.value = notice_html(html.escape(T.EXAMPLE_DONE.format(n=n)))
        return col


# ---------------------------------------------------------------- the class tournament
def tournament_note(col: C.Collection) -> str:
    """What the tournament says about the files: how many exports it used and how many step 1 skipped."""
    if col.skipped:
        return T.TOURNAMENT_SKIPPED.format(n=dutch.count(len(col.read), *T.EXPORTS),
                                           k=dutch.count(len(col.skipped), *T.FILES),
                                           were=T.WERE[len(col.skipped) == 1])
    return T.TOURNAMENT_ALL.format(n=dutch.count(len(col.read), *T.EXPORTS))


class Tournament(View):
    """The class tournament of notebook 07 on the collected exports, with that notebook's settings."""

    def __init__(self, desk: Desk):
        self.desk = desk
        self.view = None
        self.button = w.Button(description=T.TOURNAMENT_BUTTON, icon="trophy", button_style="warning",
                               layout=dict(width="auto"))
        self.message = w.HTML()
        self.result = w.VBox()
        self.button.on_click(self._play)
        self.box = w.VBox([w.HTML(text_html(html.escape(T.TOURNAMENT_INTRO))), self.button, self.message,
                           self.result], layout=WIDE, _dom_classes=("wakker-docent-toernooi",))
        desk.listen(self._changed)

    def _clear(self) -> None:
        self.result.children = ()
        self.view = None
        self.message.value = ""

    def _changed(self) -> None:
        # what was read changed: an old result would be about other data (or show names): gone, and said so
        played = self.view is not None
        self._clear()
        if played:
            self.message.value = note_html(html.escape(T.TOURNAMENT_CLEARED))

    @safe
    def _play(self, _button=None) -> None:
        self.play()

    def play(self):
        """Play the tournament (also what the button does); returns the class tournament's view, or None."""
        from ..class_tournament import class_tournament_view
        from ..class_tournament.widgets import csv_table

        col = self.desk.collection
        self._clear()
        if col is None or col.error or not col.students:
            self.message.value = note_html(T.TOURNAMENT_EMPTY)
            return None
        folder = Path(tempfile.mkdtemp(prefix="wakker-toernooi-"))  # outside the repository, removed below
        try:
            C.strategy_folder(col, folder)
            if not any(folder.iterdir()):
                self.message.value = notice_html(html.escape(T.TOURNAMENT_NONE))
                return None
            self.view = class_tournament_view(folder, note=tournament_note(col))
        except Exception as exc:  # noqa: BLE001
            report(exc)
            self.message.value = error_html(T.TOURNAMENT_FAILED)
            return None
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        table = getattr(self.view, "table", None)
        links = csv_links([("klassentoernooi", "klassentoernooi", csv_table(table))]) if table is not None else ""
        self.result.children = (self.view.box, w.HTML(links))
        return self.view


# ---------------------------------------------------------------- lesson plans
def plan_html(notebook: str) -> str:
    """Goals, plan(s), prompts, plenary questions, what to look for and the rubric of one notebook (Dutch)."""
    from ...core.content import content
    from ...core.data import ContentError
    from ...core.teaching import lesson_plan
    from ...ui.teaching import rubric_html

    esc = html.escape
    info = content().notebooks.get(notebook)
    if info is None:
        return error_html(T.PLAN_NO_LESSON)
    parts = [f"<h3 style='margin:.4em 0;{HEADING}'>{esc(info.title)}</h3>"]
    if info.status != "klaar":
        parts.append(note_html(esc(T.PLAN_NOT_READY)))
    if info.goals:
        parts.append(f"<h4 style='{HEADING}'>{T.PLAN_GOALS}</h4>" + _list([esc(g) for g in info.goals]))
    try:
        plan = lesson_plan(info.lesson) if info.lesson else None
    except ContentError as exc:
        plan = None
        parts.append(note_html(esc(str(exc)) if info.status == "klaar" else esc(T.PLAN_NO_LESSON)))
    if plan is None:
        if not info.lesson:
            parts.append(note_html(esc(T.PLAN_NO_LESSON)))
        return "".join(parts)
    for s in plan.sessions:
        name = s.name if "minuten" in s.name else T.SESSION_TIME.format(name=s.name, minutes=s.minutes)
        rows = "".join(f"<tr>{cell_html(T.MINUTES.format(m=m), 'white-space:nowrap;text-align:left')}"
                       f"{cell_html(esc(t), 'text-align:left')}</tr>" for m, t in s.plan)
        parts.append(f"<h4 style='{HEADING}'>{esc(name)}</h4><div style='{SCROLL_BOX}'>"
                     f"<table style='border-collapse:collapse'>{rows}</table></div>")
    for key, heading in T.PLAN_HEADINGS.items():
        items = getattr(plan, key)
        if items:
            parts.append(f"<h4 style='{HEADING}'>{heading}</h4>" + _list([esc(x) for x in items]))
    parts.append(f"<h4 style='{HEADING}'>{T.PLAN_RUBRIC}</h4>{rubric_html(plan.rubric)}")
    return "".join(parts)


class Plans(View):
    def __init__(self):
        from ...core.content import content

        nbs = [(f"{nb[:2]} · {info.title}", nb) for nb, info in content().notebooks.items() if nb != "09_docent"]
        # the label as wide as its words: in the default width 'Lesplan voor:' read 'Lesplan v…'
        self.notebook = w.Dropdown(description=T.PLAN_NOTEBOOK, options=nbs, style={"description_width": "initial"},
                                   layout=dict(width="36em", max_width="100%"))
        self.plan = w.HTML(_dom_classes=("wakker-docent-lesplan",))
        self.message = w.HTML()
        self.notebook.observe(self._show, "value")
        self.box = w.VBox([self.notebook, self.message, self.plan], layout=WIDE)
        self._show()

    @safe
    def _show(self, change=None) -> None:
        # closed, like the "In de les" box of each notebook: the plan opens with one click
        # the plan in a paragraph's line height: its table's cells, lists and rubric wrap on a phone, and the HTML
        # widget's 28 px row put wide gaps between their lines (a teacher's reading of 09 at 390 px)
        self.plan.value = (f'<details class="wakker-docent-lesplan-blok">'
                           f'<summary style="cursor:pointer;font-weight:600;line-height:1.4">{T.PLAN_OPEN}'
                           f'{summary_hint_html()}</summary>'
                           f'<div style="line-height:1.4">{plan_html(self.notebook.value)}</div></details>'
                           if self.notebook.value else "")


# ---------------------------------------------------------------- links
def links_table(hub: str, fork: str = "") -> tuple[pd.DataFrame, dict]:
    """(Dutch table of links per ready notebook, settings used); raises AddressError with a Dutch message."""
    from ...core.content import content
    from ...core.links import check_fork, check_hub, links_for

    address = check_hub(hub)
    cfg = check_fork(fork)
    rows = []
    for nb, info in content().notebooks.items():
        if info.status != "klaar":
            continue
        links = links_for(address, nb, cfg)
        rows.append({T.LINKS_COLUMNS[0]: f"{nb[:2]} · {info.title}", T.LINKS_COLUMNS[1]: links["hub"],
                     T.LINKS_COLUMNS[2]: links["binder"], T.LINKS_COLUMNS[3]: links["student"]})
    return pd.DataFrame(rows), {**cfg, "hub": address}


class Links(View):
    def __init__(self):
        self.hub = w.Text(description=T.HUB, placeholder=T.HUB_PLACEHOLDER, layout=dict(width="30em",
                                                                                             max_width="100%"))
        self.fork = w.Text(description=T.FORK, placeholder=T.FORK_PLACEHOLDER,
                           layout=dict(width="36em", max_width="100%"), style={"description_width": "initial"})
        self.button = w.Button(description=T.MAKE_LINKS, icon="link", layout=dict(width="auto"))
        self.message = w.HTML()
        self.out = w.HTML(_dom_classes=("wakker-docent-links",))
        self.table = None
        self.button.on_click(self._make)
        self.box = w.VBox([self.hub, self.fork, self.button, self.message, self.out], layout=WIDE)

    @safe
    def _make(self, _button=None) -> None:
        self.make()

    def make(self):
        from ...core.links import AddressError

        try:
            table, cfg = links_table(self.hub.value, self.fork.value)
        except AddressError as exc:
            self.table = None
            self.out.value = ""
            self.message.value = error_html(str(exc))
            return None
        self.table = table
        fork = T.LINKS_FORK.format(fork=html.escape(cfg["repository"])) if self.fork.value.strip() else ""
        self.message.value = notice_html(T.LINKS_MADE.format(hub=html.escape(cfg["hub"]), fork=fork))
        esc = html.escape
        rows = []
        for row in table.itertuples(index=False):
            cells = [f"<b>{esc(row[0])}</b>"] + [
                f'<input type="text" readonly value="{esc(u)}" aria-label="{esc(T.LINKS_COLUMNS[i + 1])} {esc(row[0])}" '
                f'style="width:100%;min-width:14em;font-size:.8em" onclick="this.select()"> '
                f'<a href="{esc(u)}" target="_blank" rel="noopener">openen</a>' for i, u in enumerate(row[1:])]
            rows.append("<tr>" + "".join(cell_html(c, "text-align:left;vertical-align:top") for c in cells) + "</tr>")
        head = "".join(cell_html(esc(c), head=True) for c in T.LINKS_COLUMNS)
        # the kit's table style (line height 1.35): at 390 px a notebook's title wraps in its cell, and the HTML
        # widget's 28 px row put wide gaps between its lines (a teacher's reading of 09)
        self.out.value = (note_html(esc(T.LINKS_NOTE)) + f'<div style="{SCROLL_BOX}"><table class="wakker-tabel" '
                          f'style="{STYLES["tabel"]}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
                          '</tbody></table></div>'
                          + csv_links([(T.LINKS_CSV, "links-werkboek", table)]))
        return table
