"""The widgets of notebook 08: rule or room, trust learned from experience, control-first or trust-first.

Each explorer is a :class:`wakker.ui.View`: a kit ``ParameterPanel`` built from the model's
parameter metadata and the lesson's Dutch words, a sentence that says what the model shows, and
one ``LiveFigure`` updated in place. Models: :mod:`wakker.models.rule_or_room` and
:mod:`wakker.models.trust_learning`.

Few widget models (issue 11): the read-only lines of a view (notices, the sentence, the legend) are one HTML
widget (:class:`Lines`); a view computes before it builds its box, so its figures are sent once, drawn; the
figures are built as plain data, which plotly validates once.
"""
from __future__ import annotations

import html
from dataclasses import replace
from typing import Callable

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.data import ContentError
from ...models import rule_or_room as rr
from ...models import trust_learning as tl
from ...ui.controls import ParameterPanel, assumptions_html
from ...ui.figure import LiveFigure, subplot_layout
from ...ui.lines import Lines
from ...ui.strips import NAMES_PX, strips_html
from ...ui.style import BAD, GOOD, ACCENT, error_html, styled
from ...ui.view import View, error_box, failed_box, safe
from . import data, texts

NOTEBOOK = "08_vertrouwen_moet_je_leren_2021"

CONTROL_COLOUR = BAD
TRUST_COLOUR = GOOD
MISSED_COLOUR = "#d00000"
NEEDLESS_COLOUR = "#4895ef"
UNEQUAL_COLOUR = "#7b2cbf"
CELL_COLOURS = ("#e5e5e5", GOOD, MISSED_COLOUR, NEEDLESS_COLOUR, "#3a3a3a", "#f7f7f7")

ROOM_MAIN = ("room_share", "judgement_accuracy", "time_pressure", "bias_spread")
ROOM_MORE = ("indicator_quality", "need_share", "rule_share", "n_households", "n_professionals", "seed")
LEARN_MAIN = ("negative_weight", "memory", "prior_bad", "reliability")
LEARN_MORE = ("prior_good",)
GOV_MAIN = ("good_when_controlled", "good_when_trusted", "citizen_reliability", "negative_weight")
GOV_MORE = ("reciprocity", "memory", "citizen_prior_bad", "start_weight", "threshold", "n_encounters", "seed")

PERCENT = ("room_share", "time_pressure", "need_share", "rule_share", "reliability", "good_when_controlled",
           "good_when_trusted", "citizen_reliability")


def _formats(names) -> dict[str, Callable[[float], str]]:
    return {n: dutch.percent for n in names if n in PERCENT}


def _n(x: float) -> str:
    """A mean count with at most one decimal (``12,6``, ``13``)."""
    return dutch.compact(round(float(x), 1), 1)


def _trust(x: float) -> str:
    return dutch.number(float(x), 2)


def _legend_html(items) -> str:
    dots = "".join(f'<span style="display:inline-block;margin:0 1em .2em 0;white-space:nowrap">'
                   f'<span style="display:inline-block;width:.9em;height:.9em;background:{c};'
                   f'border:1px solid rgba(128,128,128,.5);vertical-align:-.1em;margin-right:.35em"></span>'
                   f"{html.escape(t)}</span>" for c, t in items)
    return f'<div class="wakker-legenda" style="font-size:.9em;line-height:1.5">{dots}</div>'


# ---------------------------------------------------------------- fewer widget models (issue 11)
def _share_layout(title: str, x_title: str, y_title: str, height: int, bottom: int) -> dict:
    """The layout of 08's two line charts of a share over time (0 to 1 on the y axis, the legend below)."""
    layout = subplot_layout((title,))
    layout["xaxis"].update(title=dict(text=x_title), rangemode="tozero")
    layout["yaxis"].update(title=dict(text=y_title), range=[0, 1.02])
    layout.update(height=height, margin=dict(l=70, r=20, t=50, b=bottom),
                  legend=dict(orientation="h", x=0, y=-0.18, yanchor="top", font=dict(size=12)),
                  separators=",.", uirevision="keep")
    return layout


# ---------------------------------------------------------------- regel of ruimte
#: The draw ("Toeval") the explorer opens with. The model's own default (seed 1) is an untypical draw: there 50 %
#: room makes exactly as many wrong decisions as the rule (27.0) and 100 % room more (27.8). Measured over the
#: slider's 50 draws with the default assumptions (2026-12-03): 50 % room beats the rule in 41 of 50 (median 3.5
#: fewer wrong decisions), 100 % room in 31 of 50 (median 1.7). Draw 43 is the one closest to both medians (4.2 and
#: 2.0 fewer, unequal treatment 35 and 62, near their medians 37 and 59); a test checks that it stays in the middle
#: half. The text still says, and the slider shows, that it can go either way.
ROOM_SEED = 43


def room_specs():
    """The model's parameter metadata with the lesson's first draw as the default (and so the reset value)."""
    specs = rr.parameter_specs()
    specs["seed"] = replace(specs["seed"], default=ROOM_SEED)
    return specs


def cell_codes(p: rr.RoomParams) -> tuple[np.ndarray, int]:
    """The grid of the figure: row 0 the reality (4 in need, 5 not), then one row per professional
    (0 no help and not needed, 1 rightly helped, 2 missed, 3 needless); columns sorted from the most
    to the least need. Also returns how many households are in need (the first columns)."""
    d = rr.draws(p)
    help_ = rr.decisions(p, [p.room_share], d)[0]
    z, _ = rr.thresholds(p)
    order = np.argsort(-d.need, kind="stable")
    need = (d.need > z)[order]
    help_ = help_[:, order]
    codes = np.where(help_, np.where(need, 1, 3), np.where(need, 2, 0))
    reality = np.where(need, 4, 5)[None, :]
    return np.vstack([reality, codes]), int(need.sum())


def room_sentence_html(p: rr.RoomParams, out: rr.Outcome) -> str:
    """The sentence above the figure, for the outcome of a sweep that includes 0, p.room_share and 1."""
    i_mine = int(np.argmin(np.abs(out.shares - p.room_share)))
    i_rule, i_room = int(np.argmin(out.shares)), int(np.argmax(out.shares))
    mine, rule = out.wrong[i_mine], out.wrong[i_rule]
    if round(mine, 1) < round(rule, 1):
        verdict = texts.VERDICT_BETTER.format(mine=_n(mine), rule=_n(rule))
    elif round(mine, 1) > round(rule, 1):
        verdict = texts.VERDICT_WORSE.format(mine=_n(mine), rule=_n(rule))
    else:
        verdict = texts.VERDICT_EQUAL.format(mine=_n(mine))
    return styled("zin", texts.ROOM_SENTENCE.format(
        share=dutch.percent(p.room_share), missed=_n(out.missed[i_mine]), in_need=out.in_need,
        needless=_n(out.needless[i_mine]), unequal=int(out.unequal[i_mine]), n=out.n_households,
        k=int(p.n_professionals), rule_missed=_n(out.missed[i_rule]), rule_needless=_n(out.needless[i_rule]),
        room_missed=_n(out.missed[i_room]), room_needless=_n(out.needless[i_room]),
        room_unequal=int(out.unequal[i_room]), verdict=verdict))


#: The strips' HTML widget: no margin at the sides (an HTML widget has 2 px there, a figure none), so that the strips
#: start where the lines' plot under them starts
STRIPS_LAYOUT = dict(width="100%", margin="2px 0px")
STRIPS_LEFT = NAMES_PX  # px left of the lines' plot: it lines up with the strips above it (their row names' column)
#: The lines' x axis (room in %): 2 points of room beyond 0 and 100 for the dashed line at the student's setting
ROOM_X_RANGE = [-2, 102]
#: The lines' figure on a phone (LiveFigure.on_phone): room for the y axis's ticks and title only
ROOM_LINES_PHONE = {"margin": {"l": 56}}


def _left_title(text: str) -> dict:
    """A figure's title at its left edge (plotly's layout title, which is also the figure's accessible name)."""
    return dict(text=text, x=0, xref="container", xanchor="left", pad=dict(l=8), font=dict(size=14))


#: the codes of the reality's row (cell_codes): in need, not in need
REALITY_CODES = (4, 5)


def _cell_tip(row: str, first: int, last: int, code: int) -> str:
    tip = (texts.TIP_CELL if first == last else texts.TIP_CELLS).format(first=first, last=last,
                                                                         word=texts.CELL_WORDS[code])
    # the reality's row without its name: 'echt in nood?' and 'echt in nood' said the same twice (a reviewer)
    return tip if code in REALITY_CODES else f"{row}, {tip}"


def _strips_widget(markup: str) -> w.HTML:
    """The strips' HTML widget (classes: wakker-huishoudens for the tests, wakker-chart for bench_browser)."""
    return w.HTML(markup, layout=STRIPS_LAYOUT, _dom_classes=("wakker-chart", "wakker-huishoudens"))


def strips_markup(codes: np.ndarray, in_need: int) -> str:
    """'Wie krijgt hulp?': the reality on top, then one row per professional, a line where the households in need
    end (the kit's :func:`~wakker.ui.strips.strips_html`; HTML, not a plotly heat map: issue 11)."""
    rows = [texts.REALITY_ROW] + [texts.PROFESSIONAL_ROW.format(letter=chr(65 + i)) for i in range(codes.shape[0] - 1)]
    return strips_html(codes, CELL_COLOURS, rows, title=texts.ROOM_TITLES[0], axis=texts.HOUSEHOLD_AXIS,
                       tip=_cell_tip, border=in_need)


class RoomExplorer(View):
    """Rule or room: sliders, a sentence, the strips of decisions (``strips``, an HTML widget; ``codes`` the grid
    it shows) and the lines over the room share (``fig``)."""

    def __init__(self, shares=None):
        self.shares = rr.default_shares() if shares is None else np.asarray(shares, float)
        # the message (errors), the sentence and the legend: one HTML widget, right above the strips
        self.lines = Lines("", "", _legend_html(texts.ROOM_LEGEND))
        self.message, self.sentence = self.lines.part(0), self.lines.part(1)
        self.panel = None
        try:
            words = data.room_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(room_specs(), words, ROOM_MAIN, ROOM_MORE,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, formats=_formats(ROOM_MAIN + ROOM_MORE),
                                    label_width="13em", readout_width="4.2em")
        self.sliders = self.panel.sliders
        # the strips: one HTML widget, made by the first update() with its first content, so that it is sent once, drawn
        self.strips, self.codes = None, None
        self.fig = self._lines_figure()
        self.update()  # before the box: the widgets then open with the figures drawn (each sent once)
        if self.strips is None:  # the first update failed (its message says why)
            self.strips = _strips_widget("")
        self.box = w.VBox([self.panel.box, self.lines.widget, self.strips, self.fig.widget],
                          layout=dict(width="100%"), _dom_classes=("wakker-regel-of-ruimte",))

    def _lines_figure(self) -> LiveFigure:
        """Missed, needless and unequal as the room share goes from 0 to 100 %."""
        data = [dict(type="scatter", x=self.shares * 100, y=np.zeros_like(self.shares), mode="lines", name=name,
                     line=dict(color=colour, width=3, dash=dash), hovertemplate=texts.HOVER_LINE.format(name=name))
                for name, colour, dash in ((texts.LINE_MISSED, MISSED_COLOUR, None),
                                           (texts.LINE_NEEDLESS, NEEDLESS_COLOUR, None),
                                           (texts.LINE_UNEQUAL, UNEQUAL_COLOUR, "dash"))]
        # the axis a little wider than 0 to 100 %, so that the dashed line at the student's setting is not cut in
        # half at the plot's edge at 0 or 100 % (a reviewer saw it lie on the frame); no zero line, so 0 % has a
        # grid line as the others
        layout = dict(xaxis=dict(title=dict(text=texts.ROOM_AXIS), ticksuffix=" %", range=ROOM_X_RANGE,
                                 zeroline=False),
                      yaxis=dict(title=dict(text=texts.COUNT_AXIS), rangemode="tozero"),
                      title=_left_title(texts.ROOM_TITLES[1]), height=420, margin=dict(l=STRIPS_LEFT, r=30, t=40, b=99),
                      legend=dict(orientation="h", x=0, y=-0.2, yanchor="top", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        # On a phone the left margin that lines the plot up with the strips above it (narrower there) left the
        # plot 144 of 274 px: there the margin fits the y axis's own words. A plain value, independent of the sliders.
        return LiveFigure(dict(data=data, layout=layout)).on_phone(layout=ROOM_LINES_PHONE)

    def params(self) -> rr.RoomParams:
        return rr.RoomParams(**self.panel.values())

    def outcome(self, p: rr.RoomParams) -> rr.Outcome:
        shares = np.unique(np.concatenate([self.shares, [p.room_share]]))
        return rr.sweep(p, shares)

    def update(self) -> None:
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        try:
            out = self.outcome(p)
            sentence = room_sentence_html(p, out)
            codes, in_need = cell_codes(p)
            markup = strips_markup(codes, in_need)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        grid = np.isin(out.shares, self.shares)
        x = out.shares[grid] * 100
        mine = dict(type="line", xref="x", yref="y domain", x0=p.room_share * 100, x1=p.room_share * 100,
                    y0=0, y1=1, line=dict(color="#333333", width=2, dash="dash"))
        self.codes = codes
        if self.strips is None:
            self.strips = _strips_widget(markup)
        else:
            self.strips.value = markup
        with self.fig.batch_update():
            for trace, values in zip(self.fig.data, (out.missed, out.needless, out.unequal)):
                trace.x, trace.y = x, np.asarray(values, float)[grid]
            self.fig.layout.shapes = [mine]

    def set(self, **values) -> None:
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()


def room_assumptions_html() -> str:
    try:
        return assumptions_html(room_specs(), data.room_words(), "wakker-aannames wakker-aannames-ruimte",
                                _formats(PERCENT))
    except ContentError as exc:
        return error_html(str(exc))


# ---------------------------------------------------------------- vertrouwen leer je
MAX_EXPERIENCES = 200


#: 'Vertrouwen na elke ervaring' on a phone: the legend (its names wrapped there) gets a row with the first good or bad
#: experience and one with 'Tien ontmoetingen'. Placed under the plot at a fraction of the plot's height, it crept up
#: onto the x axis's title as plotly shrank the plot to make room for it (a reviewer at 390 px). At the figure's
#: bottom edge instead, the plot gives up what the legend takes, and the gap to the title stays.
LEARN_PHONE = {"legend": {"yref": "container", "y": 0, "yanchor": "bottom"}}


class TrustPlayground(View):
    """Play encounters one by one (good or bad) or ten at random, and see trust learned after each."""

    def __init__(self):
        self.lines = Lines("", "")  # the message (errors, the limit) and the sentence: one HTML widget
        self.message, self.sentence = self.lines.part(0), self.lines.part(1)
        self.experiences: list[bool] = []
        self.random_batches = 0
        self.panel = None
        try:
            words = data.learning_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(tl.parameter_specs(), words, LEARN_MAIN, LEARN_MORE,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, formats=_formats(LEARN_MAIN + LEARN_MORE),
                                    label_width="13em", readout_width="4.2em")
        self.sliders = self.panel.sliders
        self.buttons = {}
        for key, label, icon, style, action in (("good", texts.GOOD, "thumbs-up", "success", self.good),
                                                ("bad", texts.BAD, "thumbs-down", "danger", self.bad),
                                                ("random", texts.RANDOM, "random", "", self.random_batch),
                                                ("restart", texts.RESTART, "undo", "", self.restart)):
            b = w.Button(description=label, icon=icon, button_style=style, tooltip=label,
                         layout=dict(width="auto", margin="0 .5em .4em 0"), _dom_classes=(f"wakker-knop-{key}",))
            b.on_click(lambda _b, act=action: act())
            self.buttons[key] = b
        self.fig = self._figure()
        self.update()  # before the box: the figure widget then opens with the figure drawn (sent once)
        self.box = w.VBox([self.panel.box, w.HBox(list(self.buttons.values()), layout=dict(flex_flow="row wrap")),
                           self.lines.widget, self.fig.widget], layout=dict(width="100%"),
                          _dom_classes=("wakker-vertrouwen-leren",))

    def _figure(self) -> LiveFigure:
        # the experiences' markers are not cut off at the plot's edge (the last one sits on it: a reviewer saw half)
        data = [
            dict(type="scatter", x=[0], y=[0.5], mode="lines", name=texts.LINE_MINE, line=dict(color=ACCENT, width=4),
                 hovertemplate=texts.HOVER_TRUST.format(name=texts.LINE_MINE)),
            dict(type="scatter", x=[0], y=[0.5], mode="lines", name=texts.LINE_BETA,
                 line=dict(color="#777777", width=2, dash="dash"), hovertemplate=texts.HOVER_TRUST.format(name=texts.LINE_BETA)),
            dict(type="scatter", x=[], y=[], mode="markers", name=texts.MARK_GOOD,
                 marker=dict(color=GOOD, size=9, symbol="circle"), hoverinfo="skip", cliponaxis=False),
            dict(type="scatter", x=[], y=[], mode="markers", name=texts.MARK_BAD,
                 marker=dict(color=MISSED_COLOUR, size=10, symbol="x"), hoverinfo="skip", cliponaxis=False),
            dict(type="scatter", x=[0, 10], y=[0.8, 0.8], mode="lines", name=texts.LINE_TRUE, visible=False,
                 line=dict(color=GOOD, width=1.5, dash="dot"), hoverinfo="skip"),
            # where trust starts, as a point: before the first experience the lines are a single point each, which a
            # line does not draw (a reviewer saw an empty plot there). No tooltip of its own: the lines' own ('na 0
            # ervaringen') won at its centre and its own around it, two texts for one point (a reviewer)
            dict(type="scatter", x=[0], y=[0.5], mode="markers", name=texts.MARK_START, showlegend=False,
                 marker=dict(color=ACCENT, size=11, symbol="diamond"), cliponaxis=False, hoverinfo="skip"),
        ]
        layout = _share_layout(texts.LEARN_TITLE, texts.LEARN_X, texts.LEARN_Y, height=430, bottom=94)
        return LiveFigure(dict(data=data, layout=layout)).on_phone(layout=LEARN_PHONE)

    def params(self) -> tl.LearningParams:
        return tl.LearningParams(**self.panel.values())

    # -- what a student does
    def _add(self, values) -> None:
        room = MAX_EXPERIENCES - len(self.experiences)
        if room <= 0:
            self.message.value = error_html(texts.LEARN_LIMIT.format(n=MAX_EXPERIENCES))
            return
        self.experiences += [bool(v) for v in values][:room]
        self.update()

    @safe
    def good(self) -> None:
        self._add([True])

    @safe
    def bad(self) -> None:
        self._add([False])

    @safe
    def random_batch(self) -> None:
        self.random_batches += 1
        p = self.params()
        self._add(tl.random_experiences(10, p.reliability, seed=self.random_batches))

    @safe
    def restart(self) -> None:
        self.experiences = []
        self.random_batches = 0
        self.message.value = ""
        self.update()

    def update(self) -> None:
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        try:
            mine = tl.trust_path(self.experiences, p)
            beta = tl.trust_path(self.experiences, p.replace(negative_weight=1.0, memory=1.0))
        except Exception as exc:  # noqa: BLE001
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        if len(self.experiences) < MAX_EXPERIENCES:
            self.message.value = ""
        n = len(self.experiences)
        good = sum(self.experiences)
        if n == 0:
            start = texts.LEARN_START if p.prior_good or p.prior_bad else texts.LEARN_START_BLANK
            sentence = start.format(trust=_trust(mine[0]))
        else:
            sentence = texts.LEARN_SENTENCE.format(n=dutch.count(n, "ervaring", "ervaringen"), good=good,
                                                   bad=n - good, trust=_trust(mine[-1]), beta=_trust(beta[-1]))
            if self.random_batches:
                sentence += texts.LEARN_RANDOM.format(reliability=dutch.percent(p.reliability))
        self.sentence.value = styled("zin", sentence)
        x = np.arange(n + 1)
        exp = np.asarray(self.experiences, bool)
        with self.fig.batch_update():
            self.fig.data[0].x, self.fig.data[0].y = x, mine
            self.fig.data[1].x, self.fig.data[1].y = x, beta
            self.fig.data[2].x, self.fig.data[2].y = x[1:][exp], mine[1:][exp]
            self.fig.data[3].x, self.fig.data[3].y = x[1:][~exp], mine[1:][~exp]
            self.fig.data[4].x, self.fig.data[4].y = [0, max(10, n)], [p.reliability] * 2
            self.fig.data[4].visible = bool(self.random_batches)
            self.fig.data[5].y = [float(mine[0])]
            self.fig.layout.xaxis.range = [0, max(10, n)]

    def set(self, **values) -> None:
        self.panel.set(**values)


def learning_assumptions_html() -> str:
    try:
        return assumptions_html(tl.parameter_specs(), data.learning_words(), "wakker-aannames wakker-aannames-leren",
                                _formats(PERCENT))
    except ContentError as exc:
        return error_html(str(exc))


# ---------------------------------------------------------------- eerst controleren of eerst vertrouwen
def government_sentence_html(p: tl.GovernmentParams, g: tl.Governments) -> str:
    text = texts.GOV_SENTENCE.format(
        n=g.n_encounters, c_end=_trust(g.citizen_trust["control"][-1]), t_end=_trust(g.citizen_trust["trust"][-1]),
        c_trusted=int(g.trusted["control"].sum()), t_trusted=int(g.trusted["trust"].sum()),
        c_misuse=g.misuse["control"], t_misuse=g.misuse["trust"])
    c_kept, t_kept = int(g.kept["control"].sum()), int(g.kept["trust"].sum())
    if p.reciprocity == 0:
        text += texts.GOV_KEPT_FIXED.format(kept=c_kept, n=g.n_encounters)  # the same draws: equal by construction
    else:
        text += texts.GOV_KEPT.format(c_kept=c_kept, t_kept=t_kept, n=g.n_encounters)
    if abs(p.good_when_controlled - p.good_when_trusted) < 1e-9:
        text += texts.GOV_SAME
    return styled("zin", text)


def gov_annotations() -> list[dict]:
    """The governments' figure's title and the key to the dashed threshold line (a dashed mark and the words), at
    every width. The words stood on the line, at its right end: at 390 px they took most of the plot, and at
    1400 px the governments' lines crossed them too (a teacher, with tasks 2 and 5). Now they stand as a key right
    above the plot, where no line of the model can reach (its values stay within the plot's 0 to 1), and the title
    one line higher. Paper coordinates only: nothing here depends on a slider, so these values never go stale when
    the threshold moves (the dashed line itself is a shape, redrawn with every update)."""
    title = dict(subplot_layout((texts.GOV_TITLE,))["annotations"][0], yshift=18)
    key = dict(xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom", yshift=1, showarrow=False,
               text=f'<span style="color:#777777">– – –</span> {html.escape(texts.GOV_THRESHOLD)}',
               font=dict(size=11, color="#666666"))
    return [title, key]


class GovernmentComparison(View):
    """A control-first and a trust-first government meet the same citizen: trust both ways over time."""

    def __init__(self):
        self.lines = Lines("", "")  # the message (errors) and the sentence: one HTML widget
        self.message, self.sentence = self.lines.part(0), self.lines.part(1)
        self.panel = None
        try:
            words = data.government_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(tl.government_specs(), words, GOV_MAIN, GOV_MORE,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, formats=_formats(GOV_MAIN + GOV_MORE),
                                    label_width="13em", readout_width="4.2em")
        self.sliders = self.panel.sliders
        self.fig = self._figure()
        self.update()  # before the box: the figure widget then opens with the figure drawn (sent once)
        self.box = w.VBox([self.panel.box, self.lines.widget, self.fig.widget], layout=dict(width="100%"),
                          _dom_classes=("wakker-overheden",))

    def _figure(self) -> LiveFigure:
        data = []
        for line, width, dash in ((texts.GOV_CITIZEN_LINE, 3.5, None), (texts.GOV_GOVERNMENT_LINE, 2, "dot")):
            for who, colour in ((texts.GOV_CONTROL, CONTROL_COLOUR), (texts.GOV_TRUST, TRUST_COLOUR)):
                name = line.format(name=who)
                style = dict(color=colour, width=width, **({"dash": dash} if dash else {}))
                data.append(dict(type="scatter", x=[0], y=[0.5], mode="lines", name=name, line=style,
                                 hovertemplate=texts.HOVER_GOV.format(name=name)))
        layout = _share_layout(texts.GOV_TITLE, texts.GOV_X, texts.GOV_Y, height=460, bottom=114)
        layout["annotations"] = gov_annotations()
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> tl.GovernmentParams:
        return tl.GovernmentParams(**self.panel.values())

    def update(self) -> None:
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        try:
            g = tl.compare_governments(p)
            sentence = government_sentence_html(p, g)
        except Exception as exc:  # noqa: BLE001
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        x = np.arange(g.n_encounters + 1)
        threshold = dict(type="line", xref="x domain", yref="y", x0=0, x1=1, y0=p.threshold, y1=p.threshold,
                         line=dict(color="#777777", width=1.5, dash="dash"))
        with self.fig.batch_update():
            for i, key in enumerate(("control", "trust")):
                self.fig.data[i].x, self.fig.data[i].y = x, g.citizen_trust[key]
                self.fig.data[2 + i].x, self.fig.data[2 + i].y = x, g.government_trust[key]
            self.fig.layout.shapes = [threshold]
            self.fig.layout.xaxis.range = [0, g.n_encounters]

    def set(self, **values) -> None:
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()


def government_assumptions_html() -> str:
    try:
        return assumptions_html(tl.government_specs(), data.government_words(),
                                "wakker-aannames wakker-aannames-overheden", _formats(PERCENT))
    except ContentError as exc:
        return error_html(str(exc))
