"""The widgets and HTML pieces of notebook 06, built on the shared kit (:mod:`wakker.ui`).

Content comes from :mod:`.data`, every fixed Dutch word from :mod:`.texts`, the model from
:mod:`wakker.models.learning_gap`; this module only arranges and shows. A problem never shows a
traceback but a Dutch message in the widget.
"""
from __future__ import annotations

import html
import math
from typing import Any

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.data import ContentError
from ...models import learning_gap as lg
from ...ui.branching import BranchingCase
from ...ui.controls import ParameterPanel, ParamWords
from ...ui.figure import LiveFigure, subplot_axes, subplot_layout
from ...ui.saving import SavedWidget
from ...ui.style import STYLES, error_html, front_end, styled
from ...ui.view import View, error_box, failed_box
from . import data, texts

NOTEBOOK = "06_regio_zwolle_sociale_innovatie_2016"
COLOURS = {"asked": "#555555", "alone": "#8d99ae", "shared": "#e09f3e", "limit": "#a4161a",
           "nu": "#5fa8d3", "later": "#e09f3e"}

#: Points per year in the figure (the curves are smooth; fewer points keep a slider move quick).
POINTS_PER_YEAR = 4
#: Four sliders up front (lesson guide M4), the rest under "Meer aannames".
MAIN_PARAMS = ("change_pace", "acceleration", "learning_rate", "municipalities")
MORE_PARAMS = ("share_quality", "share_delay", "initial_gap", "acceptable_gap", "horizon")


# ---------------------------------------------------------------- the room's words and the student's
class Associations(SavedWidget):
    """The student's own words for social innovation beside the room's (read from the excerpt).

    Saved as ``{"words": [...], "label": "..."}`` shortly after typing stops. Words that the room
    named too (same words, case ignored) get a star in both columns.
    """

    kind = "associations"
    TEXTS = {**SavedWidget.TEXTS, **texts.ASSOCIATIONS_STATUS}

    def __init__(self, page, qid: str = "mijn-associaties"):
        super().__init__(page, qid, texts.ASSOCIATIONS_PROMPT)
        self.view = w.HTML()
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        try:
            self.room = data.room_associations()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.area = w.Textarea(placeholder=texts.ASSOCIATIONS_PLACEHOLDER, rows=2, continuous_update=True,
                               tooltip=texts.ASSOCIATIONS_PROMPT, layout=dict(width="100%"))
        self.area.observe(self.changed, names="value")
        self.input = self.area
        front_end()
        label = w.HTML(styled("vraag", html.escape(texts.ASSOCIATIONS_PROMPT)))
        self.box = w.VBox([label, self.area, self.status, self.message, self.view],
                          layout=dict(width="100%", max_width="52em", margin=".5em 0 1em 0"),
                          _dom_classes=("wakker-associaties",))
        self.restore()
        self._draw()

    def words(self) -> list[str]:
        return data.split_words(self.area.value)

    def value(self):
        words = self.words()
        return {"words": words, "text": self.area.value, "label": texts.describe_saved("associations", {"words": words})}

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("words"), list):
            raise ValueError("not saved words")
        text = value.get("text") if isinstance(value.get("text"), str) else ", ".join(map(str, value["words"]))
        self.area.value = text

    def after_change(self, value):
        self._draw()

    def shared(self) -> set[str]:
        return {data.normalise(x) for x in self.words()} & {data.normalise(x) for x in self.room}

    def _draw(self) -> None:
        both = self.shared()
        mine = self.words()

        def column(title: str, words, empty: str) -> str:
            items = "".join(f"<li>{html.escape(x)}{' ★' if data.normalise(x) in both else ''}</li>" for x in words)
            body = f'<ul style="margin:.2em 0 .2em 1.2em;padding:0;line-height:1.45">{items}</ul>' if items else \
                styled("status", html.escape(empty), "div")
            return (f'<div style="flex:1 1 14em;min-width:12em;padding:.3em .8em;border:1px solid rgba(128,128,128,.3);'
                    f'border-radius:6px"><b>{html.escape(title)}</b>{body}</div>')

        count = texts.COUNT_LINE.format(mine=len(mine), room=len(self.room), both=len(both))
        self.view.value = (f'<div class="wakker-woorden" style="display:flex;flex-wrap:wrap;gap:.8em;margin:.4em 0">'
                           f"{column(texts.ROOM_TITLE, self.room, '')}{column(texts.MINE_TITLE, mine, texts.NONE_YET)}"
                           f"</div>{styled('status', html.escape(count + ' ' + texts.BOTH_NOTE), 'div')}")


def associations(page, qid: str = "mijn-associaties") -> Associations:
    return Associations(page, qid)


# ---------------------------------------------------------------- the learning gap
def summary_html(p: lg.LearningGapParams, s: lg.GapSummary | None = None) -> str:
    """A Dutch paragraph: where the gap settles (steady) or how it grows (speeding up), whether that is
    within the acceptable gap, and what sharing changes. It never names the learning rate that is needed
    (the notebook's tasks ask the student to find it; lesson guide L3)."""
    s = lg.summarise(p) if s is None else s
    n = int(p.municipalities)
    limit = dutch.compact(p.acceptable_gap)
    parts = []
    if p.change_pace == 0:
        parts.append(texts.NO_CHANGE_HTML.format(years=s.end_year, gap=dutch.number(s.gap_end_shared, 1)))
    elif p.learning_rate == 0:
        parts.append(texts.NO_LEARNING_HTML)
    elif s.steady:
        parts.append(texts.STEADY_HTML.format(pace=dutch.compact(p.change_pace), rate=dutch.compact(p.learning_rate),
                                              gap=dutch.number(s.long_run_alone, 0)))
        parts.append(texts.WITHIN_LIMIT_HTML.format(limit=limit) if s.long_run_alone <= p.acceptable_gap + 1e-9
                     else texts.OVER_LIMIT_HTML.format(limit=limit))
        if s.sharing:
            parts.append(texts.STEADY_SHARED_HTML.format(
                n=n, quality=dutch.compact(p.share_quality), delay=dutch.compact(p.share_delay),
                gap=dutch.number(s.long_run_shared, 0)))
    else:
        a = lg.acceleration_rate(p)
        parts.append(texts.SPEEDING_HTML.format(
            acc=dutch.compact(p.acceleration), years=s.end_year, pace=dutch.compact(p.change_pace),
            pace_end=dutch.number(p.change_pace * math.exp(a * s.end_year), 0),
            gap=dutch.number(s.gap_end_alone, 0), trend=texts.TREND[s.trend_alone]))
        parts.append(texts.WITHIN_LIMIT_HTML.format(limit=limit) if s.gap_end_alone <= p.acceptable_gap + 1e-9
                     else texts.OVER_LIMIT_HTML.format(limit=limit))
        if s.sharing:
            parts.append(texts.SPEEDING_SHARED_HTML.format(n=n, gap=dutch.number(s.gap_end_shared, 0),
                                                           trend=texts.TREND[s.trend_shared]))
        parts.append(texts.SHARE_OPEN_HTML.format(years=s.end_year, share=dutch.percent(s.share_open_end_alone)))
    return styled("zin", "".join(parts))


def hover_template(index: int, name: str) -> str:
    """The Dutch hover label of trace ``index`` of the gap figure: the first three (top panel) count
    questions, the rest (bottom panel, the gap and the acceptable gap) open questions."""
    return (texts.HOVER if index < 3 else texts.HOVER_GAP).format(name=html.escape(name))


class GapExplorer(View):
    """Sliders for every assumption (a kit ParameterPanel) + one LiveFigure redrawn in place.

    Top: what the world asked so far and what the organisation knows (alone, and with sharing).
    Bottom: the gap itself, alone and with sharing, and the acceptable gap as a dashed line.
    Above the plot a Dutch paragraph says where the gap goes and whether that is within the acceptable gap.
    """

    def __init__(self, words: dict[str, ParamWords] | None = None):
        self.message = w.HTML()
        self.sentence = w.HTML()
        self.panel = None
        self._x = None
        try:
            words = words or data.param_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(lg.parameter_specs(), words, MAIN_PARAMS, MORE_PARAMS,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, css_prefix="wakker-gap-")
        self.sliders = self.panel.sliders
        self.reset_button = self.panel.reset_button
        self.fig = self._figure()
        self.box = w.VBox([self.panel.box, self.message, self.sentence, self.fig.widget],
                          layout=dict(width="100%"), _dom_classes=("wakker-leerkloof",))
        self.update()

    def _figure(self) -> LiveFigure:
        layout = subplot_layout(texts.PANEL_TITLES, row_heights=(0.5, 0.5), vertical_spacing=0.12, shared_xaxes=True,
                                title_size=13)
        layout["xaxis2"]["title"] = {"text": texts.YEAR_AXIS}
        layout["yaxis"].update(title={"text": texts.COUNT_AXIS}, rangemode="tozero")
        layout["yaxis2"].update(title={"text": texts.GAP_AXIS}, rangemode="tozero")
        layout.update(height=640, margin=dict(l=60, r=20, t=110, b=61),
                      legend=dict(orientation="h", x=0, y=1.06, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        empty = np.zeros(2)
        top, bottom = subplot_axes(1), subplot_axes(2)
        data = [
            dict(name=texts.ASKED, line=dict(color=COLOURS["asked"], width=2.5), **top),
            dict(name=texts.KNOWN_ALONE, line=dict(color=COLOURS["alone"], width=2.5, dash="dot"), **top),
            dict(name=texts.KNOWN_SHARED.format(n=1), line=dict(color=COLOURS["shared"], width=3), **top),
            dict(name=texts.GAP_ALONE, showlegend=False, line=dict(color=COLOURS["alone"], width=2.5, dash="dot"),
                 **bottom),
            dict(name=texts.GAP_SHARED.format(n=1), showlegend=False, line=dict(color=COLOURS["shared"], width=3),
                 **bottom),
            dict(name=texts.LIMIT.format(limit=10), line=dict(color=COLOURS["limit"], width=1.5, dash="dash"),
                 **bottom),
        ]
        for i, trace in enumerate(data):
            trace.update(type="scatter", x=empty, y=empty, mode="lines", hovertemplate=hover_template(i, trace["name"]))
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> lg.LearningGapParams:
        return lg.LearningGapParams(**self.panel.values())

    def readout_text(self, name: str) -> str:
        return self.panel.readout_text(name)

    def update(self) -> None:
        """Recompute the model for the current sliders and update the sentence and the figure in place."""
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        try:
            frame = lg.curves(p, points_per_year=POINTS_PER_YEAR)  # numpy only: moving a slider never loads pandas
            summary = lg.summarise(p, frame)
            sentence = summary_html(p, summary)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        x = frame["year"]
        n = int(p.municipalities)
        names = [texts.ASKED, texts.KNOWN_ALONE, texts.KNOWN_SHARED.format(n=n),
                 texts.GAP_ALONE, texts.GAP_SHARED.format(n=n), texts.LIMIT.format(limit=dutch.compact(p.acceptable_gap))]
        ys = [frame["asked"], frame["known_alone"], frame["known_shared"], frame["gap_alone"], frame["gap_shared"],
              np.full_like(x, p.acceptable_gap)]
        new_x = self._x is None or len(self._x) != len(x)
        with self.fig.batch_update():
            for i, (trace, name, y) in enumerate(zip(self.fig.data, names, ys)):
                if new_x:
                    trace.x = x
                trace.y = np.asarray(y, dtype=float)
                if trace.name != name:  # plotly validates every assignment: only what changed
                    trace.name = name
                    trace.hovertemplate = hover_template(i, name)
            if self.fig.data[2].visible != p.sharing:
                self.fig.data[2].visible = p.sharing
                self.fig.data[4].visible = p.sharing
        self._x = x

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change updates the figure, as a student's would)."""
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()


def assumptions_table_html() -> str:
    """Every assumption of the model: Dutch name, default, range, unit and explanation."""
    try:
        words = data.param_words()
    except ContentError as exc:
        return error_html(str(exc))
    cell = STYLES["kaart-cel"]
    head = "".join(f'<th style="{cell}">{h}</th>' for h in texts.ASSUMPTION_HEADS)
    rows = []
    for name, spec in lg.parameter_specs().items():
        word = words[name]
        rows.append(f"<tr><td style=\"{cell}\"><b>{html.escape(word.label)}</b></td>"
                    f"<td style=\"{cell}\">{dutch.compact(spec.default)}</td>"
                    f"<td style=\"{cell};white-space:nowrap\">{dutch.compact(spec.low)} – {dutch.compact(spec.high)}</td>"
                    f"<td style=\"{cell}\">{html.escape(word.unit)}</td>"
                    f"<td style=\"{cell}\">{html.escape(word.explanation)}</td></tr>")
    return (f'<div style="overflow-x:auto"><table class="wakker-aannames" style="border-collapse:collapse;max-width:62em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


# ---------------------------------------------------------------- the village case
def village_case(page, qid: str = "casus-balkbrug"):
    try:
        case = data.village_case()
    except ContentError as exc:
        return failed_box(exc)
    return BranchingCase(page, qid, case, texts.CASE_PROMPT, css="wakker-casus-balkbrug")


# ---------------------------------------------------------------- the listening self-assessment
def valid_scores(value: Any, ids) -> bool:
    return isinstance(value, dict) and all(
        k in ids and (v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5))
        for k, v in value.items())


class ListeningScan(SavedWidget):
    """Score yourself 1-5 on each theme, now and again later; both rounds in one radar chart.

    Saved as ``{"nu": {theme: score|None}, "later": {...}, "label": "..."}`` right after each click.
    """

    kind = "scan"
    delay = 0.0
    TEXTS = {**SavedWidget.TEXTS, **texts.SCAN_STATUS}
    ROUNDS = texts.SCAN_ROUNDS

    def __init__(self, page, qid: str = "luisteren-zelfscan"):
        super().__init__(page, qid, texts.SCAN_PROMPT)
        self._busy = False
        self.fig = None
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        try:
            self.themes = data.themes()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.ids = [t.id for t in self.themes]
        self.scores: dict[str, dict[str, int | None]] = {key: {t: None for t in self.ids} for key, _ in self.ROUNDS}
        self.round = w.ToggleButtons(options=[(title, key) for key, title in self.ROUNDS], value="nu",
                                     tooltip=texts.SCAN_ROUND_LABEL, style={"button_width": "auto"},
                                     _dom_classes=("wakker-scan-ronde",))
        self.round.observe(self._switched, names="value")
        self.buttons: dict[str, w.ToggleButtons] = {}
        rows = [w.HTML(f'<div style="line-height:1.45">{texts.SCAN_INTRO_HTML}</div>'),
                w.HBox([w.HTML(styled("vraag", html.escape(texts.SCAN_ROUND_LABEL)), layout=dict(margin="0 .6em 0 0")),
                        self.round], layout=dict(flex_flow="row wrap", align_items="center"))]
        for t in self.themes:
            tb = w.ToggleButtons(options=[1, 2, 3, 4, 5], value=None, style={"button_width": "2.6em"},
                                 tooltip=texts.SCAN_ITEM.format(name=t.name, low=t.low, high=t.high),
                                 _dom_classes=(f"wakker-scan-{t.id}",))
            tb.observe(lambda ch, tid=t.id: self._scored(tid, ch), names="value")
            self.buttons[t.id] = tb
            head = (f'<b>{html.escape(t.name)}</b> <span style="font-size:.8em;opacity:.7">'
                    f"({html.escape(t.source)})</span><br><span style=\"font-size:.85em;opacity:.8\">1 = "
                    f"{html.escape(t.low)}; 5 = {html.escape(t.high)}</span>")
            rows.append(w.VBox([w.HTML(f'<div style="line-height:1.3;margin-top:.4em">{head}</div>'), tb]))
        self.fig = self._figure()
        self.summary = w.HTML()
        self.input = w.VBox(rows)
        self.box = w.VBox([self.input, self.summary, self.message, self.status, self.fig.widget],
                          layout=dict(width="100%", max_width="52em"), _dom_classes=("wakker-zelfscan",))
        self.restore()
        self._refresh()

    def _figure(self) -> LiveFigure:
        import plotly.graph_objects as go

        names = [radar_label(t.name) for t in self.themes]
        fig = go.Figure()
        for key, title in self.ROUNDS:
            fig.add_scatterpolar(r=[None] * (len(names) + 1), theta=names + names[:1], name=title, mode="lines+markers",
                                 fill="toself", line=dict(color=COLOURS[key], width=2.5), opacity=0.75,
                                 hovertemplate="%{theta}: %{r}<extra>" + html.escape(title) + "</extra>")
        fig.update_layout(height=420, margin=dict(l=70, r=70, t=60, b=57),
                          title=dict(text=texts.SCAN_TITLE, font=dict(size=15)),
                          polar=dict(radialaxis=dict(range=[0, 5], tickvals=[1, 2, 3, 4, 5])),
                          legend=dict(orientation="h", x=0, y=-0.05, yanchor="top"), uirevision="keep")
        return LiveFigure(fig)

    # -- state (SavedWidget)
    def value(self):
        return {key: dict(self.scores[key]) for key, _ in self.ROUNDS} | {"label": self.label()}

    def label(self) -> str:
        parts = []
        for key, title in self.ROUNDS:
            filled = {k: v for k, v in self.scores[key].items() if v is not None}
            if not filled:
                parts.append(texts.SCAN_NOT_YET.format(round=title))
            else:
                names = {t.id: t.name for t in self.themes}
                parts.append(f"{title}: " + ", ".join(f"{names[k]} {v}" for k, v in filled.items()))
        return "; ".join(parts) + "."

    def apply(self, value):
        if not isinstance(value, dict) or not all(valid_scores(value.get(key, {}), self.ids) for key, _ in self.ROUNDS):
            raise ValueError("not saved scores")
        for key, _ in self.ROUNDS:
            self.scores[key] = {t: value.get(key, {}).get(t) for t in self.ids}
        self._show_round()

    def after_change(self, value):
        self._refresh()

    # -- behaviour
    def set(self, round_key: str, theme: str, score: int | None) -> None:
        """Score one theme in one round (what a click does)."""
        self.round.value = round_key
        self.buttons[theme].value = score

    def _switched(self, _change) -> None:
        self._show_round()

    def _show_round(self) -> None:
        self._busy = True
        try:
            for t in self.ids:
                self.buttons[t].value = self.scores[self.round.value][t]
        finally:
            self._busy = False

    def _scored(self, theme: str, change) -> None:
        if self._busy or self._loading:
            return
        self.scores[self.round.value][theme] = change["new"]
        self.changed()

    def _refresh(self) -> None:
        if self.fig is None:
            return
        total = len(self.ids)
        lines = []
        with self.fig.batch_update():
            for trace, (key, title) in zip(self.fig.data, self.ROUNDS):
                values = [self.scores[key][t] for t in self.ids]
                count = sum(v is not None for v in values)
                lines.append(texts.SCAN_FILLED.format(round=title, count=count, total=total) if count
                             else texts.SCAN_NOT_YET.format(round=title))
                trace.r = values + values[:1]
                trace.visible = True if count else "legendonly"
        self.summary.value = styled("status", html.escape(" · ".join(lines)), "div")


def radar_label(name: str, width: int = 12) -> str:
    """A theme's name at the edge of the radar: a long one on two lines, split at the space that balances them
    best, so that on a phone (390 px, where the radar is narrow) 'Risico durven nemen' is not cut off."""
    words = name.split()
    if len(name) <= width or len(words) < 2:
        return name
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, rest = min(splits, key=lambda ab: max(len(ab[0]), len(ab[1])))
    return f"{first}<br>{rest}"


def listening_scan(page, qid: str = "luisteren-zelfscan") -> ListeningScan:
    return ListeningScan(page, qid)
