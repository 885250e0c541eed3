"""The widgets and HTML pieces of notebook 01, built on the shared kit (:mod:`wakker.ui`).

Content comes from :mod:`.data`, every fixed Dutch word from :mod:`.texts`, the model from
:mod:`wakker.models.commons`; this module only arranges and shows. A problem never shows a
traceback but a Dutch message in the widget.
"""
from __future__ import annotations

import html
from dataclasses import fields
from typing import Any

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.data import ContentError
from ...models import commons as cm
from ...ui.controls import DutchSlider, ParameterPanel
from ...ui.figure import LiveFigure, subplot_axes, subplot_layout
from ...ui.questions import Choice, OpenQuestion
from ...ui.reveal import AfterAnswer
from ...ui.saving import SavedWidget
from ...ui.style import STYLES, error_html, front_end, styled
from ...ui.view import View, error_box, failed_box, safe
from . import data, texts

COLOURS = {"rules": "#2a9d8f", "none": "#8d99ae", "half": "#a4161a", "tip": "#a4161a", "high": "#2a9d8f",
           "path": "#e09f3e", "sort_stappenplan": "#5c677d", "sort_perspectief": "#2a9d8f"}
#: Four sliders up front (lesson guide M4), the rest under "Meer aannames".
MAIN_PARAMS = ("households", "start_stock", "rules_after", "capacity")
MORE_PARAMS = ("quota", "say_margin", "outsiders", "dutiful", "detection", "fine", "dispute",
               "growth", "carrying_capacity", "seasons", "seed")
PRINCIPLES = tuple(f.name for f in fields(cm.Principles))
#: The textbook exercise of the tipping point (literature brief [20]): K = 50, r = 0.5.
TIP_K, TIP_R, TIP_SEASONS = 50.0, 0.5, 30


# ---------------------------------------------------------------- the commons explorer
def summary_html(p: cm.CommonsParams, pr: cm.Principles, run: cm.CommonsRun | None = None,
                 bare: cm.CommonsRun | None = None) -> str:
    """A Dutch paragraph: does the pasture last with the chosen principles, what did households earn,
    and how does that compare with no rules at all."""
    run = cm.simulate(p, pr) if run is None else run
    bare = cm.simulate(p, cm.Principles.none()) if bare is None else bare
    k = dutch.compact(p.carrying_capacity)
    seasons = int(p.seasons)
    if int(p.households) == 0:
        return styled("zin", texts.NO_HOUSEHOLDS_HTML.format(k=k))
    parts = []
    users = int(p.households) + int(round(p.outsiders / 100.0 * int(p.households)))
    h, msy = dutch.compact(p.capacity * users), dutch.number(p.msy, 2)
    none = pr == cm.Principles.none()
    if none:  # the demand first: that is what decides the pasture without rules
        parts.append(texts.HARVEST_HTML.format(cap=dutch.compact(p.capacity), h=h, msy=msy))
    income = dutch.number(float(run.mean_income.mean()), 2)
    who = texts.WITHOUT_RULES if none else texts.WITH_RULES
    if run.collapsed and run.collapse_season == 0:
        parts.append(texts.BARE_FROM_START_HTML.format(who=who))
    elif run.collapsed:
        parts.append(texts.COLLAPSES_HTML.format(who=who, season=run.collapse_season, seasons=seasons, income=income))
    else:
        parts.append(texts.LASTS_HTML.format(who=who, seasons=seasons, final=dutch.number(run.final_stock, 1), k=k,
                                             income=income))
    if none:
        parts.append(texts.SAME_AS_NONE_HTML)
    else:
        if int(p.rules_after) > 0:
            parts.append(texts.LATE_HTML.format(start=int(p.rules_after) + 1))
        b_income = dutch.number(float(bare.mean_income.mean()), 2)
        if bare.collapsed and bare.collapse_season == 0:
            parts.append(texts.NONE_BARE_HTML)
        elif bare.collapsed:
            parts.append(texts.NONE_COLLAPSES_HTML.format(h=h, msy=msy, season=bare.collapse_season, income=b_income))
        else:
            parts.append(texts.NONE_LASTS_HTML.format(h=h, msy=msy, seasons=seasons,
                                                      final=dutch.number(bare.final_stock, 1), income=b_income))
        if pr.has_quota:
            with_quota = ~np.isnan(run.quota)
            if with_quota.any():
                share = float(run.over_harvest[with_quota].mean())
                parts.append(texts.CHEATS_HTML.format(share=dutch.percent(share)))
    return styled("zin", "".join(parts))


class CommonsExplorer(View):
    """Sliders (a kit ParameterPanel), one checkbox per design principle, and one LiveFigure.

    Top: the grass on the pasture with the chosen principles and, grey, without any rules.
    Bottom: the mean income per household per season, the same two runs.
    """

    def __init__(self, words=None, principles=None):
        self.message = w.HTML()
        self.sentence = w.HTML(_dom_classes=("wakker-live",))
        self.panel = None
        try:
            words = words or data.param_words()
            principles = principles or data.principle_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(cm.parameter_specs(), words, MAIN_PARAMS, MORE_PARAMS,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, css_prefix="wakker-weide-")
        self.sliders = self.panel.sliders
        self.switches: dict[str, w.Checkbox] = {}
        for pw in principles:
            cb = w.Checkbox(value=False, description=pw.label, indent=False, tooltip=pw.effect,
                            layout=dict(width="auto", margin="0 1.2em 0 0"),
                            _dom_classes=(f"wakker-principe-{pw.name}",))
            cb.observe(lambda _ch: self.update(), names="value")
            self.switches[pw.name] = cb
        self.all_on = w.Button(description=texts.ALL_ON, layout=dict(width="auto"))
        self.all_off = w.Button(description=texts.ALL_OFF, layout=dict(width="auto"))
        self.all_on.on_click(lambda _b: self.set_principles(**{n: True for n in PRINCIPLES}))
        self.all_off.on_click(lambda _b: self.set_principles(**{n: False for n in PRINCIPLES}))
        switch_box = w.VBox([
            w.HTML(styled("vraag", html.escape(texts.PRINCIPLES_TITLE))),
            w.HBox(list(self.switches.values()), layout=dict(flex_flow="row wrap")),
            w.HBox([self.all_on, self.all_off], layout=dict(flex_flow="row wrap")),
        ], _dom_classes=("wakker-principes",))
        self._busy = False
        self.fig = self._figure()
        self.box = w.VBox([self.panel.box, switch_box, self.message, self.sentence, self.fig.widget],
                          layout=dict(width="100%"), _dom_classes=("wakker-dorpsweide",))
        self.update()

    def _figure(self) -> LiveFigure:
        layout = subplot_layout(texts.PANEL_TITLES, row_heights=(0.55, 0.45), vertical_spacing=0.13,
                                shared_xaxes=True, title_size=13)
        layout["xaxis2"]["title"] = {"text": texts.SEASON_AXIS}
        layout["yaxis"].update(title={"text": texts.STOCK_AXIS}, rangemode="tozero")
        layout["yaxis2"]["title"] = {"text": texts.INCOME_AXIS}
        layout.update(height=600, margin=dict(l=60, r=20, t=110, b=61),
                      legend=dict(orientation="h", x=0, y=1.06, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        empty = np.zeros(2)
        top, bottom = subplot_axes(1), subplot_axes(2)
        data = [
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.STOCK_RULES,
                 hovertemplate=texts.HOVER_STOCK.format(name=texts.STOCK_RULES),
                 line=dict(color=COLOURS["rules"], width=3), **top),
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.STOCK_NONE,
                 hovertemplate=texts.HOVER_STOCK.format(name=texts.STOCK_NONE),
                 line=dict(color=COLOURS["none"], width=2.5, dash="dot"), **top),
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.HALF,
                 hovertemplate=texts.HOVER_STOCK.format(name=texts.HALF),
                 line=dict(color=COLOURS["half"], width=1.2, dash="dash"), **top),
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.STOCK_RULES, showlegend=False,
                 hovertemplate=texts.HOVER_INCOME.format(name=texts.STOCK_RULES),
                 line=dict(color=COLOURS["rules"], width=3), **bottom),
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.STOCK_NONE, showlegend=False,
                 hovertemplate=texts.HOVER_INCOME.format(name=texts.STOCK_NONE),
                 line=dict(color=COLOURS["none"], width=2.5, dash="dot"), **bottom),
        ]
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> cm.CommonsParams:
        return cm.CommonsParams(**self.panel.values())

    def principles(self) -> cm.Principles:
        return cm.Principles(**{n: bool(cb.value) for n, cb in self.switches.items()})

    @safe
    def update(self) -> None:
        """Recompute both runs for the current controls; update the sentence and the figure in place."""
        if self._busy:
            return
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        pr = self.principles()
        try:
            run = cm.simulate(p, pr)
            bare = cm.simulate(p, cm.Principles.none())
            sentence = summary_html(p, pr, run, bare)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        xs = np.arange(len(run.stock))
        xi = np.arange(1, len(run.stock))
        ys = [(xs, run.stock), (xs, bare.stock), (xs, np.full(len(xs), p.carrying_capacity / 2.0)),
              (xi, run.mean_income), (xi, bare.mean_income)]
        with self.fig.batch_update():
            for trace, (x, y) in zip(self.fig.data, ys):
                trace.x = x
                trace.y = np.asarray(y, dtype=float)
            visible = pr != cm.Principles.none()
            if self.fig.data[0].visible != visible:
                self.fig.data[0].visible = visible
                self.fig.data[3].visible = visible

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change updates the figure, as a student's would)."""
        self.panel.set(**values)

    def set_principles(self, **on) -> None:
        """Switch principles by name; the figure is updated once."""
        self._busy = True
        try:
            for name, value in on.items():
                self.switches[name].value = bool(value)
        finally:
            self._busy = False
        self.update()

    def reset(self) -> None:
        self.set_principles(**{n: False for n in PRINCIPLES})
        self.panel.reset()


def principles_html() -> str:
    """Every design principle of the model with what it does here (our assumption), as a table."""
    try:
        principles = data.principle_words()
    except ContentError as exc:
        return error_html(str(exc))
    cell = STYLES["kaart-cel"]
    head = "".join(f'<th style="{cell}">{h}</th>' for h in texts.PRINCIPLE_HEADS)
    rows = "".join(f'<tr><td style="{cell}"><b>{html.escape(p.label)}</b></td>'
                   f'<td style="{cell}">{html.escape(p.effect)}</td></tr>' for p in principles)
    return (f'<div style="overflow-x:auto"><table class="wakker-principes-tabel" style="border-collapse:collapse;'
            f'max-width:62em"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>')


#: On a phone the five columns do not fit and the explanation (the point of the table) was hidden behind a
#: sideways scroll: below 640 px every assumption becomes a block, its name on top, the other fields as lines.


def assumptions_table_html() -> str:
    """The kit's table of assumptions (on a narrow screen each assumption a block: the kit's CSS)."""
    from ...ui.controls import assumptions_html

    try:
        words = data.param_words()
    except ContentError as exc:
        return error_html(str(exc))
    return assumptions_html(cm.parameter_specs(), words, "wakker-aannames wakker-aannames-weide")


# ---------------------------------------------------------------- the tipping point
def tipping_html(start: float, harvest: float, path: np.ndarray | None = None) -> str:
    """A Dutch paragraph on the equilibria for this harvest and where this start goes (K = 50, r = 0.5)."""
    path = cm.season_path(TIP_R, TIP_K, start, harvest, TIP_SEASONS) if path is None else path
    msy = cm.max_sustainable_yield(TIP_R, TIP_K)
    eq = cm.equilibria(TIP_R, TIP_K, harvest)
    h, s = dutch.compact(harvest), dutch.compact(start)
    parts = []
    if harvest <= 0:
        parts.append(texts.TIP_ZERO_HTML)
    elif len(eq) == 2:
        parts.append(texts.TIP_TWO_HTML.format(h=h, msy=dutch.number(msy, 2), low=dutch.number(eq[0], 1),
                                               high=dutch.number(eq[1], 1)))
    elif len(eq) == 1:
        parts.append(texts.TIP_ONE_HTML.format(h=h, x=dutch.number(eq[0], 1)))
    else:
        parts.append(texts.TIP_NONE_HTML.format(h=h, msy=dutch.number(msy, 2)))
    gone = np.nonzero(path[1:] <= 0)[0]
    if start <= 0:
        parts.append(texts.TIP_BARE_HTML)
    elif gone.size:
        parts.append(texts.TIP_FALLS_HTML.format(start=s, season=int(gone[0]) + 1))
        if len(eq) == 2 and start < eq[0]:
            parts.append(texts.TIP_BELOW_HTML)
    else:
        parts.append(texts.TIP_LASTS_HTML.format(start=s, final=dutch.number(float(path[-1]), 1)))
    return styled("zin", "".join(parts))


class TippingView(View):
    """Two sliders (start, constant harvest) on the textbook pasture K = 50, r = 0.5, with the equilibria drawn."""

    def __init__(self, start: float = 10, harvest: float = 5):
        self.sentence = w.HTML(_dom_classes=("wakker-live",))
        self.message = w.HTML()
        self.start = DutchSlider(texts.TIP_START, start, 0, TIP_K, 1, unit=texts.TIP_START_UNIT,
                                 help=texts.TIP_START_HELP, layout="block", css="wakker-kantel-start")
        self.harvest = DutchSlider(texts.TIP_HARVEST, harvest, 0, 8, 0.25, scale="float", unit=texts.TIP_HARVEST_UNIT,
                                   help=texts.TIP_HARVEST_HELP, layout="block", css="wakker-kantel-oogst")
        self.sliders = {"start": self.start, "harvest": self.harvest}
        for s in self.sliders.values():
            s.observe(lambda _ch: self.update())
        import plotly.graph_objects as go

        fig = go.Figure()
        empty = np.zeros(2)
        fig.add_scatter(x=empty, y=empty, mode="lines+markers", name=texts.TIP_PATH,
                        hovertemplate=texts.HOVER_STOCK.format(name=texts.TIP_PATH),
                        line=dict(color=COLOURS["path"], width=3), marker=dict(size=4))
        fig.add_scatter(x=empty, y=empty, mode="lines", name=texts.TIP_LOW.format(x=""),
                        hovertemplate=texts.TIP_LOW_HOVER,
                        line=dict(color=COLOURS["tip"], width=1.5, dash="dash"))
        fig.add_scatter(x=empty, y=empty, mode="lines", name=texts.TIP_HIGH.format(x=""),
                        hovertemplate=texts.TIP_HIGH_HOVER,
                        line=dict(color=COLOURS["high"], width=1.5, dash="dash"))
        fig.update_layout(height=420, margin=dict(l=60, r=15, t=50, b=110), separators=",.", uirevision="keep",
                          title=dict(text=texts.TIP_TITLE, font=dict(size=15)),
                          legend=dict(orientation="h", x=0, y=-0.22, yanchor="top"),
                          xaxis=dict(title=texts.SEASON_AXIS), yaxis=dict(title=texts.STOCK_AXIS, range=[0, TIP_K]))
        self.fig = LiveFigure(fig)
        self.box = w.VBox([w.HBox([self.start.box, self.harvest.box], layout=dict(flex_flow="row wrap")),
                           self.message, self.sentence, self.fig.widget], layout=dict(width="100%"),
                           _dom_classes=("wakker-kantelpunt",))
        self.update()

    @safe
    def update(self) -> None:
        try:
            start, harvest = float(self.start.value), float(self.harvest.value)
            path = cm.season_path(TIP_R, TIP_K, start, harvest, TIP_SEASONS)
            sentence = tipping_html(start, harvest, path)
        except Exception as exc:  # noqa: BLE001
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        eq = cm.equilibria(TIP_R, TIP_K, harvest) if harvest > 0 else ()
        xs = np.arange(TIP_SEASONS + 1)
        low = eq[0] if len(eq) == 2 else None
        high = eq[-1] if eq else None
        with self.fig.batch_update():
            self.fig.data[0].x, self.fig.data[0].y = xs, path
            for trace, level, name in ((self.fig.data[1], low, texts.TIP_LOW), (self.fig.data[2], high, texts.TIP_HIGH)):
                trace.visible = level is not None
                if level is not None:
                    trace.x, trace.y = [0, TIP_SEASONS], [level, level]
                    trace.name = name.format(x=dutch.number(level, 1))

    def set(self, start: float | None = None, harvest: float | None = None) -> None:
        if start is not None:
            self.start.value = start
        if harvest is not None:
            self.harvest.value = harvest


def after_prediction(question, make) -> AfterAnswer:
    """Show ``make()`` (a lesson view) under ``question`` once the student has made a prediction there."""
    return AfterAnswer(question, make, texts.WAIT_FOR_PREDICTION, css="wakker-wacht-op-voorspelling")


# ---------------------------------------------------------------- my roles
def roles_report(text: Any) -> tuple[list[str], int, int]:
    """The roles kept (one per line, commas and semicolons also split; empty lines dropped, each cut to
    MAX_ROLE_CHARS, at most MAX_ROLES), how many roles were typed, and how many of the kept ones were shortened."""
    if not isinstance(text, str):
        return [], 0, 0
    typed = [" ".join(line.split()) for line in text.replace(",", "\n").replace(";", "\n").splitlines()]
    typed = [t for t in typed if t]
    kept = typed[: texts.MAX_ROLES]
    shortened = sum(len(t) > texts.MAX_ROLE_CHARS for t in kept)
    return [t[: texts.MAX_ROLE_CHARS] for t in kept], len(typed), shortened


def split_roles(text: Any) -> list[str]:
    """One role per line (commas also split); empty lines dropped, long roles cut, at most MAX_ROLES."""
    return roles_report(text)[0]


class Roles(SavedWidget):
    """The roles of one day, typed one per line, laid out as a row of cards (a day from left to right).

    Saved as ``{"roles": [...], "text": "...", "label": "..."}`` shortly after typing stops.
    """

    kind = "roles"
    TEXTS = {**SavedWidget.TEXTS, **texts.ROLES_STATUS}

    def __init__(self, page, qid: str = "mijn-rollen"):
        super().__init__(page, qid, texts.ROLES_PROMPT)
        self.view = w.HTML()
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        self.area = w.Textarea(placeholder=texts.ROLES_PLACEHOLDER, rows=5, continuous_update=True,
                               tooltip=texts.ROLES_PROMPT, layout=dict(width="100%"))
        self.area.observe(self.changed, names="value")
        self.input = self.area
        front_end()
        label = w.HTML(styled("vraag", html.escape(texts.ROLES_PROMPT)))
        self.box = w.VBox([label, self.area, self.status, self.message, self.view],
                          layout=dict(width="100%", max_width="52em", margin=".5em 0 1em 0"),
                          _dom_classes=("wakker-rollen",))
        self.restore()
        self._draw()

    def roles(self) -> list[str]:
        return split_roles(self.area.value)

    def value(self):
        roles = self.roles()
        return {"roles": roles, "text": self.area.value,
                "label": texts.describe_saved("roles", {"roles": roles})}

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("roles"), list):
            raise ValueError("not saved roles")
        text = value.get("text")
        self.area.value = text if isinstance(text, str) else "\n".join(map(str, value["roles"]))

    def after_change(self, value):
        self._draw()

    def _draw(self) -> None:
        roles, typed, shortened = roles_report(self.area.value)
        if not roles:
            self.view.value = styled("status", html.escape(texts.ROLES_EMPTY_VIEW), "div")
            return
        # ipywidgets' HTML widget keeps its text on one line: chips and status wrap explicitly (a phone).
        wrap = "white-space:normal;overflow-wrap:anywhere;max-width:100%;box-sizing:border-box;line-height:1.4"
        cards = "".join(
            f'<div style="flex:0 1 auto;padding:.35em .7em;border:1px solid rgba(128,128,128,.45);border-radius:1em;'
            f'background:rgba(42,157,143,.12);{wrap}"><span style="opacity:.6">{i}.</span> {html.escape(r)}</div>'
            + ('<div aria-hidden="true" style="align-self:center;opacity:.5">→</div>' if i < len(roles) else "")
            for i, r in enumerate(roles, 1))
        notes = [texts.ROLES_COUNT.format(n=len(roles))]
        if typed > texts.MAX_ROLES:
            notes = [texts.ROLES_TOO_MANY.format(n=typed, max=texts.MAX_ROLES)]
        if shortened:
            notes.append(texts.ROLES_SHORTENED[1 if shortened == 1 else "more"].format(k=shortened,
                                                                                     max=texts.MAX_ROLE_CHARS))
        self.view.value = (f'<div class="wakker-rollen-dag" style="display:flex;flex-wrap:wrap;gap:.4em;margin:.4em 0;'
                           f'max-width:100%">{cards}</div>'
                           f'<div class="wakker-status" style="{STYLES["status"]};{wrap}">'
                           f'{html.escape(" ".join(notes))}</div>')


def roles(page, qid: str = "mijn-rollen") -> Roles:
    return Roles(page, qid)


# ---------------------------------------------------------------- algorithm or step-by-step plan (the kit's sorting)
def sort_categories():
    from ...ui.sorting import Category

    return [Category(k, texts.SORT_NAMES[k], texts.SORT_SHORT[k], COLOURS[f"sort_{k}"]) for k in ("stappenplan", "perspectief")]


def sort_items(items=None):
    """The instructions as the kit's sorting items; 'allebei' accepts both categories (a twijfelgeval)."""
    from ...ui.sorting import Item

    items = data.sorting()[1] if items is None else items
    both = ("stappenplan", "perspectief")
    return [Item(it.id, it.text, both if it.kind == "allebei" else (it.kind,), it.why) for it in items]


def sorting_exercise(page, qid: str = "algoritme-of-stappenplan"):
    """"Algoritme of stappenplan?" as the kit's SortingWidget (saved kind 'sorting', score per category)."""
    from ...ui.sorting import SortingWidget

    try:
        intro, _items = data.sorting()
        items = sort_items()
    except ContentError as exc:
        return failed_box(exc)
    return SortingWidget(page, qid, sort_categories(), items, prompt=texts.SORT_PROMPT,
                         texts={"intro": html.escape(intro) + " " + texts.SORT_INTRO_HTML},
                         css_class="wakker-sorteren", row_class="wakker-sorteer-", per_key="per_kind_correct",
                         button_width="14em")


# ---------------------------------------------------------------- equal and unequal cases
def cases_exercise(page):
    """Per case a choice question (id ``geval-<case>``), the case text as context, and under it an open
    question for the reason (id ``geval-<case>-reden``): the reason is what the text, the feedback and the
    teacher's box ask for."""
    try:
        cases = data.cases()
    except ContentError as exc:
        return failed_box(exc)
    questions, reasons, boxes = [], [], []
    for c in cases:
        q = Choice(page, f"geval-{c.id}", texts.CASE_PROMPT.format(title=c.title),
                   [(o.label, o.feedback) for o in c.options], context=c.text)
        r = OpenQuestion(page, f"geval-{c.id}-reden", texts.CASE_REASON,
                         placeholder=texts.CASE_REASON_PLACEHOLDER, rows=3)
        questions.append(q)
        reasons.append(r)
        boxes += [q.box, r.box]
    box = w.VBox(boxes, layout=dict(width="100%"), _dom_classes=("wakker-gevallen",))
    box.questions = questions
    box.reasons = reasons
    return box
