"""The widgets and HTML pieces of notebook 04, built on the shared kit (:mod:`wakker.ui`).

Content comes from :mod:`.data`, every fixed Dutch word from :mod:`.texts`, the model and its
winner ranges from :mod:`wakker.models.planning_machine`; this module only arranges and shows.
A problem never shows a traceback but a Dutch message in the widget.
"""
from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any, Sequence

from wakker.ui.lean import widgets as w
import numpy as np
import plotly.graph_objects as go

from ...core import dutch
from ...core.data import ContentError
from ...models import planning_machine as pl
from ...ui.controls import ParameterPanel, ParamWords, digits_for
from ...ui.figure import LiveFigure
from ...ui.saving import SavedWidget
from ...ui.sorting import MAX_SAME_NEIGHBOURS, Category, SortingWidget, name_seed, shuffled  # noqa: F401
from ...ui.sorting import shuffle_seed as _kit_shuffle_seed
from ...ui.style import STYLES, error_html, notice_html, status_html, styled
from ...ui.view import View, error_box, failed_box
from . import data, texts
from .data import ORDER_NUMBERS, SortingData

if TYPE_CHECKING:  # the lesson runs on the model's arrays: pandas is not imported (0.15 s of a kernel's start)
    import pandas as pd

NOTEBOOK = "04_boek_deel3_vierde_orde_leiders"
#: Plot colours: planned orders in blues/grey, the fourth order in the workbook's accent colour, 'beide' green.
COLOURS = {1: "#8d99ae", 2: "#5fa8d3", 3: "#1b4965", 4: "#e09f3e", pl.BOTH_ORDER: "#4f772d"}
BOTH = pl.BOTH_ORDER


# ---------------------------------------------------------------- names of the orders
def _orders() -> dict:
    """The four orders from the data, or {} when it cannot be read (names fall back to "orde 4")."""
    try:
        return data.sorting().orders
    except ContentError:
        return {}


def order_title(order: int, both_with: int = 2) -> str:
    """``"4e orde: kijken en eigenaarschap wekken"`` (legends); 'beide' names its planned order."""
    if order == BOTH:
        return texts.BOTH_TITLE.format(k=both_with)
    info = _orders().get(order)
    return info.title if info else texts.ORDER_FALLBACK.format(order=order)


def order_name(order: int) -> str:
    """``"4e orde"`` (``"beide"`` for the combination)."""
    if order == BOTH:
        return texts.BOTH_NAME
    info = _orders().get(order)
    return info.name if info else texts.ORDER_FALLBACK.format(order=order)


def order_ref(order: int) -> str:
    """``"de 4e orde"``, ``"‘beide’"``: an approach as it reads in a sentence, with its article."""
    return texts.BOTH_REF if order == BOTH else f"de {order_name(order)}"


def order_phrase(order: int, both_with: int = 2) -> str:
    """``"de 4e orde (kijken en eigenaarschap wekken)"``: an order as it reads inside a sentence."""
    if order == BOTH:
        return texts.BOTH_PHRASE.format(k=both_with)
    info = _orders().get(order)
    return texts.ORDER_PHRASE.format(name=info.name, short=info.short) if info else texts.ORDER_FALLBACK.format(order=order)


def order_names(orders: Sequence[int]) -> str:
    """``"de 1e orde"``, ``"de 1e en de 4e orde"``, ``"de 1e, 2e en 4e orde"``, ``"alle vier aanpakken"``."""
    orders = sorted(orders)
    if set(orders) == set(ORDER_NUMBERS):
        return texts.ALL_FOUR
    if set(orders) == {*ORDER_NUMBERS, BOTH}:
        return texts.ALL_FIVE
    if BOTH in orders:  # 'beide' has no "... orde" to share: name each with its own article
        refs = [order_ref(o) for o in orders]
        return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + f" en {refs[-1]}"
    names = [order_name(o) for o in orders]
    if len(names) == 1:
        return f"de {names[0]}"
    if all(n.endswith(" orde") for n in names):
        heads = [n[: -len(" orde")] for n in names]
        if len(heads) == 2:
            return f"de {heads[0]} en de {heads[1]} orde"
        return "de " + ", ".join(heads[:-1]) + f" en {heads[-1]} orde"
    return ", ".join(f"de {n}" for n in names[:-1]) + f" en de {names[-1]}"


# ---------------------------------------------------------------- static content
def orders_legend_html() -> str:
    """The four orders as a small table (name, what, explanation)."""
    try:
        orders = data.sorting().orders
    except ContentError as exc:
        return error_html(str(exc))
    cell = STYLES["kaart-cel"]
    rows = "".join(
        f'<tr><td style="{cell};white-space:nowrap">'
        f'<span style="display:inline-block;width:.8em;height:.8em;background:{COLOURS[o.order]};'
        f'border-radius:2px;margin-right:.4em"></span><b>{html.escape(o.name)}</b><br>'
        f'<i>{html.escape(o.short)}</i></td>'
        f'<td style="{cell};line-height:1.45">{html.escape(o.description)}</td></tr>'
        for o in orders.values())
    return f'<table class="wakker-ordes" style="border-collapse:collapse;max-width:60em">{rows}</table>'


def assumptions_table_html() -> str:
    """Every assumption of the model: Dutch name, default, range, unit and explanation.

    The cells' look is one rule for this table (a class of its own, so no other table on the page changes),
    not the same inline style on each of its 95 cells: 10 of its 15.5 kB less to send (issue 11). The kit's stylesheet
    stacks the cells on a phone (``table.wakker-aannames``).
    """
    try:
        words = data.param_words()
    except ContentError as exc:
        return error_html(str(exc))
    cls = "wakker-aannames-planning"
    own = f"table.wakker-aannames.{cls}"  # two classes: more specific than JupyterLab's rule for an output's cells
    style = (f"<style>{own} td, {own} th {{{STYLES['kaart-cel']}}}"
             f"{own} td:nth-child(3) {{white-space:nowrap}}</style>")
    head = "".join(f"<th>{h}</th>" for h in texts.ASSUMPTION_HEADS)
    rows = []
    for name, spec in pl.parameter_specs().items():
        word = words[name]
        rows.append(f"<tr><td><b>{html.escape(word.label)}</b></td><td>{dutch.compact(spec.default)}</td>"
                    f"<td>{dutch.compact(spec.low)} – {dutch.compact(spec.high)}</td>"
                    f"<td>{html.escape(word.unit)}</td><td>{html.escape(word.explanation)}</td></tr>")
    return (f'{style}<table class="wakker-aannames {cls}" style="border-collapse:collapse;max-width:62em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


#: The timeline's look: one rule per part instead of the same inline style on every event (issue 11: 4.5 -> 2 kB).
#: The kit's stylesheet puts the date above the event on a phone (``.wakker-tijdlijn > div``).
TIMELINE_CSS = (f".wakker-tijdlijn>div{{display:flex;gap:1em;margin:0;padding:.4em 0;border-left:3px solid {COLOURS[4]}}}"
                ".wakker-tijdlijn>div>div:first-child{flex:0 0 10.5em;padding-left:.8em;font-weight:600}"
                ".wakker-tijdlijn>div>div+div{flex:1;line-height:1.45}"
                ".wakker-tijdlijn small{font-size:.85em;opacity:.7}"
                ".wakker-tijdlijn .wakker-noot{margin-top:.3em;font-size:.9em;padding:.3em .6em;"
                "background:rgba(128,128,128,.1);border-radius:4px}")


def timeline_html() -> str:
    """The co-operative timeline as a vertical list (its look: :data:`TIMELINE_CSS`, in its own ``<style>``)."""
    try:
        events = data.timeline()
    except ContentError as exc:
        return error_html(str(exc))
    items = []
    for e in events:
        note = f'<div class="wakker-noot">{html.escape(e["note"])}</div>' if e.get("note") else ""
        items.append(f'<div><div>{html.escape(e["when"])}</div>'
                     f'<div>{html.escape(e["what"])} <small>({html.escape(e["where"])})</small>{note}</div></div>')
    return f'<style>{TIMELINE_CSS}</style><div class="wakker-tijdlijn" style="max-width:60em">{"".join(items)}</div>'


def roles_legend_html() -> str:
    """The five roles of government the Voorwoord names, as a list."""
    try:
        roles, _cases = data.roles()
    except ContentError as exc:
        return error_html(str(exc))
    items = "".join(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.explanation)}</li>" for r in roles)
    return f'<ul style="max-width:52em;line-height:1.45">{items}</ul>'


def strength_figure(params: pl.PlanningParams | None = None) -> LiveFigure:
    """How strong each approach supports one movement, month by month after it arose (defaults).

    A LiveFigure, not a bare go.Figure: plotly's own display path took over a second in a kernel,
    our small mime bundle a few milliseconds.
    """
    curves = pl.strength_arrays(params or pl.PlanningParams())
    fig = go.Figure()
    for i in np.argsort(curves.orders, kind="stable"):
        order = curves.orders[i]
        fig.add_scatter(x=curves.months, y=curves.strength[i], mode="lines", name=order_title(int(order)),
                        line=dict(color=COLOURS[int(order)], width=3, shape="linear",
                                  dash="solid" if order == 4 else "dot" if order == 1 else None))
    fig.update_layout(
        # the title is one line here (at 1400 px it took three when it had its own line breaks); on a phone the
        # kit wraps it and adds a line's height to the top margin for each extra line (wakker.ui.figure_esm)
        height=360, margin=dict(l=60, r=20, t=50, b=111),
        title=dict(text=texts.STRENGTH_TITLE, font=dict(size=15)),
        xaxis=dict(title=dict(text=texts.STRENGTH_X, font=dict(size=13))),
        yaxis=dict(title=dict(text=texts.STRENGTH_Y, font=dict(size=13))),
        legend=dict(orientation="h", y=-0.25, x=0), separators=",.")
    return LiveFigure(fig)


# ---------------------------------------------------------------- the sorting game
# The game is the kit's sorting widget (wakker.ui.sorting) with the four orders as categories;
# shuffled, name_seed and MAX_SAME_NEIGHBOURS are the kit's (the same order per student as before).
def shuffle_seed(page, qid: str) -> int:
    """The seed of this student's order of the sorting game, kept in their journal (``<qid>-volgorde``)."""
    return _kit_shuffle_seed(page, qid, texts.SHUFFLE_PROMPT)


class SortingGame(SortingWidget):
    """Place activities in order 1-4; "Controleer" gives feedback per item and saves the score.

    The kit's :class:`~wakker.ui.sorting.SortingWidget` with this lesson's orders and words. Saved
    (kind ``sorting``) on every change and on "Controleer", as ``{"label", "score", "answered", "total",
    "per_order_correct", "answers", "checked"}`` (answers: activity id -> order 1-4; ``checked`` False
    until the student pressed "Controleer" after the last change); a re-run shows the last answers,
    with their feedback only when they were checked. The activities appear in a shuffled order,
    stable per student (:func:`shuffle_seed`; ``seed`` overrides it). An ambiguous activity counts as
    right for either of its two orders; ``per_order_correct`` counts it under the order the student chose.
    """

    def __init__(self, page, qid: str = "sorteerspel", data_: SortingData | None = None, seed: int | None = None):
        problem, cats, acts = None, [], []
        try:
            self.data = data_ or data.sorting()
            cats = [Category(o, self.data.orders[o].name, self.data.orders[o].short, COLOURS[4]) for o in ORDER_NUMBERS]
            acts = self.data.activities
        except ContentError as exc:  # content problem: a message, never a traceback
            problem, self.data = exc, None
        super().__init__(page, qid, cats, acts, prompt=texts.SORTING_PROMPT,
                         texts={**texts.SORTING_WORDS, "group": texts.SORT_GROUP}, seed=seed,
                         per_key="per_order_correct")
        if problem is not None and not self.error:
            self.box, self.ready = failed_box(problem), False


def sorting_game(page, qid: str = "sorteerspel") -> SortingGame:
    return SortingGame(page, qid)


# ---------------------------------------------------------------- the planning machine
def at_speed(here: pl.SweepArrays | pd.DataFrame, column: str) -> dict[int, float]:
    """``{order: value}`` of one column of the results at one speed, in the rows' order.

    ``here`` is ``pl.simulate_arrays(p)`` (what the explorer uses) or the DataFrame ``pl.simulate(p)``.
    """
    if isinstance(here, pl.SweepArrays):
        return {int(o): v for o, v in zip(here.orders, getattr(here, column)[:, 0])}
    return {int(o): v for o, v in zip(here["order"], here[column])}


def planned_ahead_again(summary: pl.SweepSummary) -> tuple[float, int, tuple[float, float] | None] | None:
    """Above the crossover: where a planned order (1-3) first yields more than the fourth order again, that order,
    and the next stretch where the fourth order wins once more (None: it does not); None when nothing is ahead
    again (or there is no crossover).

    Read from the winner ranges of the four orders alone (``pl.ranges_of``, with their borders interpolated as the
    ranges sentence says them): 'beide' plays no part in the crossover, and with 'beide' shown the same speeds
    come out as without it (a teacher's review found 4,3× with 'beide' against 4,1× without)."""
    if summary.crossover is None:
        return None
    four = pl.ranges_of(summary.speeds, summary.values[:, :4])
    cross = summary.crossover * 1.0000001
    start = next((i for i, r in enumerate(four) if r.order in (1, 2, 3) and not r.tied and r.start > cross), None)
    if start is None:
        return None
    again = next(((r.start, r.end) for r in four[start + 1:] if r.order == 4 and not r.tied), None)
    return four[start].start, four[start].order, again


def speed_text(p: pl.PlanningParams) -> str:
    """The chosen speed as the slider's readout shows it (a log slider: two decimals; 1,26, not 1,3; 0,10, not 0,105)."""
    return dutch.number(p.speed_of_change, digits_for(0, "log"))


def readout_html(p: pl.PlanningParams) -> str:
    """The line above the plot: the chosen speed and how long a movement then lives, and a question to look with.

    No verdict (who wins, where the crossover lies): that is :func:`summary_html`, under the plots, so that the
    student looks at the plot before reading what it shows (lesson guide L3)."""
    life = dutch.number(p.mean_lifetime, 0 if p.mean_lifetime >= 10 else 1)
    return styled("tekst", texts.AT_SPEED_HTML.format(speed=speed_text(p), life=life) + texts.LOOK_HTML)


def summary_html(p: pl.PlanningParams, summary: pl.SweepSummary | None = None,
                 here: pl.SweepArrays | pd.DataFrame | None = None) -> str:
    """A Dutch paragraph, shown under the plots: who wins at the chosen speed, the winner ranges, the crossover.

    ``summary`` is ``pl.summarise_sweep`` of the sweep (computed from ``p`` when not given);
    ``here`` is ``pl.simulate_arrays(p)`` (or the DataFrame ``pl.simulate(p)``). "Reached" and "effect"
    are kept apart: an approach can reach movements in time and still add nothing (strength 0). Equal
    totals (exactly, or equal once rounded as shown) are reported as a tie, never as a win.
    """
    summary = pl.summarise_sweep(pl.sweep_arrays(p)) if summary is None else summary
    here = pl.simulate_arrays(p) if here is None else here
    tot, reached = at_speed(here, "total_effect"), at_speed(here, "share_reached")
    present = list(tot)  # the four orders, and 'beide' when it is shown
    k = int(p.both_planned_order)
    ranked = sorted(present, key=lambda o: (-tot[o], o))
    first, second = ranked[0], ranked[1]
    speed = dutch.significant
    at = texts.AT_HTML.format(speed=speed_text(p))
    parts = [texts.VERDICT_HEAD_HTML]
    if tot[first] <= 1e-12:
        in_time = [o for o in present if reached[o] > 0]
        if not in_time:
            parts.append(texts.NOBODY_IN_TIME_HTML.format(at=at))
        else:
            one = len(in_time) == 1
            parts.append(texts.IN_TIME_NO_EFFECT_HTML.format(at=at, verb=texts.REACHED_ONE if one else texts.REACHED_MANY,
                                                             names=html.escape(order_names(in_time)))
                         + (texts.NO_STRENGTH_ONE if one else texts.NO_STRENGTH_MANY))
    else:
        shown = {o: dutch.number(tot[o], 0) for o in present}
        exact_tie = [o for o in ranked if tot[first] - tot[o] <= pl.TIE_TOLERANCE * tot[first]]
        tied = [o for o in ranked if o in exact_tie or shown[o] == shown[first]]
        if len(tied) > 1:
            parts.append(texts.TIE_HERE_HTML.format(
                at=at, names=html.escape(order_names(tied)), total=shown[first],
                how=texts.EXACTLY if tied == exact_tie else texts.NEARLY,
                nobody=texts.NEITHER if len(tied) == 2 else texts.NONE_OF_THEM))
        else:
            close = tot[second] >= 0.95 * tot[first]
            parts.append(texts.WINS_HERE_HTML.format(
                at=at, phrase=html.escape(order_phrase(first, k)), total=shown[first], second=html.escape(order_ref(second)),
                second_total=shown[second], barely=texts.BARELY if close else "", just=texts.JUST if close else ""))
        parts.append(texts.MEANING_HTML.format(total=shown[first], n=int(p.n_movements)))
    ranges = summary.ranges
    lo, hi = speed(ranges[0].start), speed(ranges[-1].end)
    if len(ranges) == 1:
        r = ranges[0]
        if r.order == 0:
            parts.append(texts.WHOLE_RANGE_NOBODY_HTML.format(lo=lo, hi=hi))
        elif r.tied:
            parts.append(texts.WHOLE_RANGE_TIE_HTML.format(lo=lo, hi=hi, names=html.escape(order_names(r.tied))))
        else:
            parts.append(texts.WHOLE_RANGE_WINS_HTML.format(lo=lo, hi=hi, name=html.escape(order_ref(r.order))))
    else:
        pieces = []
        for i, r in enumerate(ranges):
            if i == 0:
                where = texts.UP_TO.format(end=speed(r.end))
            elif i == len(ranges) - 1:
                where = texts.ABOVE.format(start=speed(r.start))
            else:
                where = texts.FROM_TO.format(start=speed(r.start), end=speed(r.end))
            if r.order == 0:
                pieces.append(texts.PIECE_NOBODY_HTML.format(where=where))
            elif r.tied:
                pieces.append(texts.PIECE_TIE_HTML.format(where=where, names=html.escape(order_names(r.tied))))
            else:
                pieces.append(texts.PIECE_WINS_HTML.format(where=where, name=html.escape(order_ref(r.order))))
        parts.append(texts.RANGES_HTML.format(lo=lo, hi=hi, pieces="; ".join(pieces)))
    cross = summary.crossover
    if cross is None:
        parts.append(texts.NO_CROSSOVER_HTML)
    else:
        if cross <= ranges[0].start * 1.0000001:
            parts.append(texts.CROSSOVER_AT_START_HTML.format(speed=speed(cross)))
        else:
            parts.append(texts.CROSSOVER_HTML.format(speed=speed(cross),
                                                     months=dutch.number(p.base_lifetime / cross, 0)))
        # the crossover is only where the fourth order first comes out ahead: say what happens above it
        again = planned_ahead_again(summary)
        if again:
            parts.append(texts.AFTER_CROSSOVER_LOSES_HTML.format(speed=speed(again[0]),
                                                                 name=html.escape(order_ref(again[1]))))
            if again[2]:
                parts.append(texts.FOURTH_WINS_AGAIN_HTML.format(start=speed(again[2][0]), end=speed(again[2][1])))
        else:
            parts.append(texts.AFTER_CROSSOVER_STAYS_HTML)
        if BOTH in present:
            parts.append(texts.CROSSOVER_WITHOUT_BOTH_HTML)
    if BOTH in present:
        parts.append(texts.BOTH_NOTE_HTML.format(k=k))
    return styled("zin", "".join(parts))


#: Four sliders up front (lesson guide M4), the rest under "Meer aannames".
MAIN_PARAMS = ("speed_of_change", "delay_order3", "delay_fourth", "ownership_growth_rate")
MORE_PARAMS = ("both_planned_order", "fourth_wait_gain", "base_lifetime", "delay_order1", "delay_order2",
               "strength_order1", "strength_order2", "strength_order3", "fourth_initial_strength",
               "fourth_max_strength", "lifetime_shape", "delay_noise", "n_movements", "seed")
#: How a slider shows its value when a plain number would not say it (the planned order of 'beide': "2e").
FORMATS = {"both_planned_order": lambda v: f"{int(round(v))}e"}
#: Height of the line chart (px), its margins, its plot area and the gap between that and the legend above it.
LINES_HEIGHT = 420
LINES_MARGIN = dict(l=70, r=23, t=95, b=62)
LINES_PLOT, LEGEND_GAP = LINES_HEIGHT - LINES_MARGIN["t"] - LINES_MARGIN["b"], 29
#: Room kept free around the dashed speed line for a range's label (in decades of the log axis).
LABEL_GAP = 0.04
_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10]
#: The speed axis on a phone (plot under 560 px): five ticks, evenly spread on the log axis. All seven ran
#: together there ("0,1×0,2×", 3 px apart, and "5×" against "10×" at the edge).
_PHONE_TICKS = [0.1, 0.3, 1, 3, 10]
#: The line chart on a phone: those ticks, and the legend under the plot. Above it (as at full width) its four
#: names took two lines each and stood above the chart's title (a teacher's reading at 390 px); under the axis
#: title the page reads title, chart, legend. The figure grows by the legend's room, so the plot keeps its height.
LINES_PHONE = {"xaxis": {"tickvals": _PHONE_TICKS,
                         "ticktext": [texts.TIMES.format(speed=dutch.significant(t)) for t in _PHONE_TICKS]},
               "legend": {"y": -0.2, "yanchor": "top"},
               "margin": {"t": 45, "b": 200}, "height": LINES_HEIGHT - 50 + 138}


def label_place(start: float, end: float, speed: float) -> dict:
    """Where a winner range's label goes (``x`` in log10 units of the axis, ``xanchor``).

    In the middle of the range, unless the dashed line of the chosen speed runs through the
    range: then the label starts just beside the line, on the side with the most room, and
    grows away from it, so the two never overlap (whatever the width of the screen).
    """
    lo, hi, at = math.log10(start), math.log10(end), math.log10(speed)
    if not lo < at < hi:
        return dict(x=(lo + hi) / 2, xanchor="center")
    if hi - at >= at - lo:
        return dict(x=at + LABEL_GAP, xanchor="left")
    return dict(x=at - LABEL_GAP, xanchor="right")


def range_label(r: pl.WinnerRange, y: float, speed: float) -> dict:
    """The label of a winner's range (``"4e orde wint"``) at height ``y`` of the plot: the label of a shape.

    A shape, not an annotation: the page redraws changed shapes alone (``Plotly.relayout``, about 1 ms),
    but a changed list of annotations makes plotly redraw the whole chart (about 10 ms), and the label
    follows the speed line (:func:`label_place`). The shape itself is an invisible rectangle from the
    label's place to the range's far end (or the whole range), its label in the top corner at that
    place. The page draws a halo around the text and hides it on a phone (style.KIT_CSS,
    ``.wakker-planning-lijnen``; there is no room beside the speed line, and the sentence names the ranges).
    """
    place = label_place(r.start, r.end, speed)
    x, anchor = 10 ** place["x"], place["xanchor"]
    x0, x1 = {"center": (r.start, r.end), "left": (x, r.end), "right": (r.start, x)}[anchor]
    text = texts.RANGE_TIE.join(order_name(o) for o in r.tied) if r.tied else texts.RANGE_WINS.format(
        name=order_name(r.order))
    return dict(type="rect", xref="x", yref="y domain", x0=x0, x1=x1, y0=0, y1=y, layer="above",
                line=dict(width=0), fillcolor="rgba(0,0,0,0)",
                label=dict(text=text, textposition=f"top {anchor}", padding=2,
                           font=dict(size=12, color="#555555" if r.tied else COLOURS[r.order])))


#: The two bar charts under the line chart: (values' column, title, scale caption, decimals of the numbers).
BAR_CHARTS = (("share_reached", texts.PANEL_TITLES[1], texts.COUNT_AXIS, 0),
              ("mean_effect_if_reached", texts.PANEL_TITLES[2], texts.EFFECT_AXIS, 2))
_BAR_TRACK = "background:rgba(128,128,128,.14);border-radius:2px;height:.95em"


def bar_values(here: pl.SweepArrays | pd.DataFrame, n: int) -> tuple[dict[int, float], dict[int, float]]:
    """At the chosen speed: ``({order: movements reached}, {order: mean effect per reached movement})``."""
    reached = {o: v * n for o, v in at_speed(here, "share_reached").items()}
    return reached, at_speed(here, "mean_effect_if_reached")


def bars_html(here: pl.SweepArrays | pd.DataFrame, n: int) -> str:
    """The two bar charts under the line chart, as HTML: each approach a row with its name, a bar and its number.

    HTML, not a second plotly figure: a key press on a slider then costs the page one plotly draw (the
    line chart) and a cheap swap of this HTML, instead of two plotly draws one after the other (issue 11).
    The numbers are text (a screen reader reads a table: name, number); the bars are decoration.
    Left: how many of the ``n`` movements each approach reaches in time (a full bar is all ``n``); right:
    the average support per reached movement on the scale its caption names (a full bar is 1, the 3e orde's
    support, or the largest value when one is larger: a teacher's read found a bar scaled to its own maximum
    misleading, 0,28 looked like the best). A line under both says how they make the total above.
    """
    reached, per = bar_values(here, n)
    charts = []
    for (_column, title, caption, digits), values in zip(BAR_CHARTS, (reached, per)):
        top = float(n) if digits == 0 else max([float(v) for v in values.values()] + [1.0])
        rows = []
        for o, v in values.items():
            share = 0.0 if top <= 0 else min(max(float(v) / top, 0.0), 1.0)
            rows.append(
                f'<tr><th scope="row" style="font-weight:400;text-align:left;white-space:nowrap;padding:.12em .4em .12em 0">'
                f"{html.escape(order_name(o))}</th>"
                f'<td aria-hidden="true" style="width:100%;padding:.12em 0"><div style="{_BAR_TRACK}">'
                f'<div style="height:100%;width:{100 * share:.1f}%;background:{COLOURS[o]};border-radius:2px"></div>'
                f"</div></td>"
                f'<td style="text-align:right;white-space:nowrap;padding:.12em 0 .12em .4em;'
                f'font-variant-numeric:tabular-nums">{dutch.number(float(v), digits)}</td></tr>')
        charts.append(
            f'<table style="flex:1 1 13em;min-width:0;border-collapse:collapse;line-height:1.3;font-size:.92em">'
            f'<caption style="text-align:left;caption-side:top;padding:0 0 .3em 0">'
            f'<b>{html.escape(title)}</b><br><span style="font-size:.85em;opacity:.75">'
            f"{html.escape(caption.format(n=n, top=dutch.number(top, 2 if top != 1 else 0)))}</span></caption>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    return (f'<div style="display:flex;gap:1.2em;max-width:54em;margin:.3em 0 0 0">{"".join(charts)}</div>'
            f'<div style="font-size:.85em;opacity:.8;margin:.3em 0 .6em 0">{html.escape(texts.BARS_TOTAL)}</div>')


def task_html(number: int) -> str:
    """Task ``number`` (1-5) of 'Probeer dit', as shown right above the sliders."""
    name, task = texts.TASKS[number - 1]
    return (f'<div style="line-height:1.45;max-width:52em">'
            f"{texts.TASK_HTML.format(number=number, total=len(texts.TASKS), name=html.escape(name), task=task)}</div>")


def tasks_box() -> tuple[w.VBox, w.ToggleButtons, w.HTML]:
    """'Probeer dit' right above the sliders: a line, the buttons 1-5 and the chosen task (the first at the start).

    One task at a time, next to the controls it names: on a phone the five tasks as a list in the text stood a
    screen or more above the sliders (a teacher's reading)."""
    pick = w.ToggleButtons(options=[(str(i), i) for i in range(1, len(texts.TASKS) + 1)], value=1,
                           tooltips=[name for name, _t in texts.TASKS], tooltip=texts.TASK_PICK,
                           style={"button_width": "2.6em"}, layout=dict(width="auto"),
                           _dom_classes=("wakker-opdracht-kies",))
    task = w.HTML(task_html(1), _dom_classes=("wakker-opdracht",))
    pick.observe(lambda change: setattr(task, "value", task_html(int(change["new"]))), names="value")
    box = w.VBox([w.HTML(f'<div style="line-height:1.45">{texts.TASKS_HEAD_HTML}</div>'), pick, task],
                 layout=dict(width="100%", margin="0 0 .6em 0", padding=".4em .8em",
                             border="1px solid rgba(128,128,128,.35)"),
                 _dom_classes=("wakker-probeer-dit",))
    return box, pick, task


class PlanningExplorer(View):
    """Sliders for every assumption (a kit ParameterPanel) + a LiveFigure redrawn in place + two HTML bar charts.

    ``fig``: total effect of each approach against the speed of change (log scale), the chosen
    speed as a dashed line, each winner's range shaded and labelled. ``bars`` (an HTML widget, see
    :func:`bars_html`), under it: at the chosen speed, how many movements each approach reaches, and
    the average effect per reached movement. Moving the speed slider changes the bars and only moves
    the line chart's speed line and labels; any key costs the page at most one plotly draw.
    Above the plot a line says only what the student set (the speed, how long a movement then lives); under the
    plots a Dutch paragraph says who wins and where the crossover lies (look first, then read: lesson guide L3).
    The sweep and its summary (winner ranges, crossover) depend on every assumption but the
    speed, so moving the speed slider only recomputes the single speed.
    Under "Meer aannames" a tick box (``self.both``) adds 'beide' (the fourth order and a planned
    order together, :data:`wakker.models.planning_machine.BOTH`) as a fifth line and bar; it then
    takes part in the winner ranges and the sentence. Off by default, so the default picture is
    that of the four approaches.
    """

    def __init__(self, speeds: Sequence[float] | None = None, words: dict[str, ParamWords] | None = None):
        self.speeds = np.asarray(pl.default_speeds() if speeds is None else speeds, float)
        self.message = w.HTML()
        # the sentence and the bar charts (bars_html) are made with their first content by update(): an empty
        # widget filled in right after would cost its model a second message (5 kB for the bars)
        self.readout: w.HTML | None = None
        self.sentence: w.HTML | None = None
        self.bars: w.HTML | None = None
        self._sweep_key: pl.PlanningParams | None = None
        self._summary: pl.SweepSummary | None = None
        self.panel = None
        try:
            words = words or data.param_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(pl.parameter_specs(), words, MAIN_PARAMS, MORE_PARAMS,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, formats=FORMATS)
        self.both = w.Checkbox(value=False, description=texts.BOTH_TOGGLE, indent=False,
                               layout=dict(width="auto"), _dom_classes=("wakker-toon-beide",))
        self.both.observe(lambda _change: self.update(), names="value")
        self.panel.add_to_more(self.both, first=True)  # the tick box first under "Meer aannames" (four up front)
        self.sliders = self.panel.sliders
        self.reset_button = self.panel.reset_button
        # the button resets the panel's sliders; 'beide' goes back to its default too (untick), as reset() does
        self.reset_button.on_click(lambda _b: setattr(self.both, "value", False))
        self._drawn_summary: pl.SweepSummary | None = None  # the sweep the lines show now
        self.fig = self._figure()
        self.tasks, self.task_pick, self.task = tasks_box()  # 'Probeer dit', right above the sliders
        self.update()  # before the widgets exist: the browser gets the figure once, filled in
        self._html("readout", "")  # (when the model could not be computed: empty, the message says why)
        self._html("sentence", "")
        self._html("bars", "")
        # above the plot only what the student set (readout); what the model shows (sentence) comes under the
        # plots, so the student looks first (lesson guide L3)
        self.box = w.VBox([self.tasks, self.panel.box, self.message, self.readout, self.fig.widget, self.bars,
                           self.sentence],
                          layout=dict(width="100%"), _dom_classes=("wakker-planningsmachine",))

    def _figure(self) -> LiveFigure:
        """The line chart: totals against the speed, the speed line, the winners' ranges and the legend.

        Moving the speed slider changes only its shapes (speed line, range labels): the page then redraws
        just those (``Plotly.relayout``); another assumption changes the lines (``Plotly.react``). The two
        bar charts under it are HTML (:func:`bars_html`), so one key costs one plotly draw (issue 11).
        """
        lines = go.Figure()
        names = [order_title(o) for o in ORDER_NUMBERS]
        for o in ORDER_NUMBERS:  # data[0-3]
            lines.add_scatter(x=self.speeds, y=np.zeros_like(self.speeds), mode="lines", name=names[o - 1],
                              line=dict(color=COLOURS[o], width=4 if o == 4 else 2.5, dash="dot" if o == 1 else None),
                              hovertemplate=texts.HOVER_TOTAL.format(name=names[o - 1]))
        both = order_title(BOTH)  # data[4]: 'beide', hidden until its tick box is ticked
        lines.add_scatter(x=self.speeds, y=np.zeros_like(self.speeds), mode="lines", name=both, visible=False,
                          line=dict(color=COLOURS[BOTH], width=3.5, dash="dashdot"),
                          hovertemplate=texts.HOVER_TOTAL.format(name=both))
        lines.update_layout(
            height=LINES_HEIGHT, margin=LINES_MARGIN, separators=",.", uirevision="keep",
            xaxis=dict(type="log", range=[math.log10(self.speeds.min()), math.log10(self.speeds.max())],
                       tickvals=_TICKS, ticktext=[texts.TIMES.format(speed=dutch.significant(t)) for t in _TICKS],
                       title_text=texts.SPEED_AXIS),
            yaxis=dict(title_text=texts.TOTAL_AXIS, rangemode="tozero"),
            legend=dict(orientation="h", x=0, y=1 + LEGEND_GAP / LINES_PLOT, yanchor="bottom", font=dict(size=12)),
            # the chart's title, where the subplot title was (an annotation: a layout title would sit elsewhere)
            annotations=[dict(text=texts.PANEL_TITLES[0], xref="paper", yref="paper", x=0.5, y=1.0,
                              xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=13))])
        # a name for the page: its CSS finds the range labels by it (style.KIT_CSS), the browser tests too
        return LiveFigure(lines, css="wakker-planning-lijnen").on_phone(LINES_PHONE)

    # -- behaviour
    def params(self) -> pl.PlanningParams:
        return pl.PlanningParams(**self.panel.values())

    def readout_text(self, name: str) -> str:
        """The slider's value as shown next to it: Dutch decimal comma (``0,15``, ``5,01``, ``200``)."""
        return self.panel.readout_text(name)

    def summary(self, p: pl.PlanningParams) -> pl.SweepSummary:
        """The sweep's summary for ``p``: recomputed only when an assumption other than the speed changed."""
        key = (p.replace(speed_of_change=1.0), bool(self.both.value))
        if key != self._sweep_key or self._summary is None:
            self._summary = pl.summarise_sweep(pl.sweep_arrays(p, self.speeds, both=bool(self.both.value)))
            self._sweep_key = key
        return self._summary

    def update(self) -> None:
        """Recompute the model for the current sliders and update the figure in place."""
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        try:
            summary = self.summary(p)
            here = pl.simulate_arrays(p, both=bool(self.both.value))
            sentence = summary_html(p, summary, here)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self._html("readout", readout_html(p))
        self._html("sentence", sentence)
        shown = [int(o) for o in here.orders]  # the four orders, and 'beide' when ticked
        self._html("bars", bars_html(here, int(p.n_movements)))  # before the figure: its draw is the page's last step
        ranges = summary.ranges
        shapes = [dict(type="rect", xref="x", yref="y domain", x0=r.start, x1=r.end, y0=0, y1=1, layer="below",
                       line_width=0, fillcolor="#999999" if r.tied else COLOURS.get(r.order, "#cccccc"),
                       opacity=0.10)
                  for r in ranges if r.order]
        shapes.append(dict(type="line", xref="x", yref="y domain", x0=p.speed_of_change, x1=p.speed_of_change,
                           y0=0, y1=1, line=dict(color="#333333", width=2, dash="dash")))
        # a label in each winner's range that is wide enough to hold one (>= 0.2 decade), never on the speed line;
        # neighbouring labels at two heights, so they do not run into each other on a narrow screen
        wide = [r for r in ranges if r.order and math.log10(r.end / r.start) >= 0.2]
        labels = [range_label(r, 0.98 if i % 2 == 0 else 0.88, p.speed_of_change) for i, r in enumerate(wide)]
        shapes[-1:-1] = labels  # the speed line stays the last shape
        with self.fig.batch_update():  # the line chart: a new sweep redraws it, else a relayout (speed line, labels)
            if summary is not self._drawn_summary:
                for o in ORDER_NUMBERS:
                    self.fig.data[o - 1].y = summary.values[:, o - 1]
                line = self.fig.data[4]  # 'beide'
                line.visible = BOTH in shown
                if BOTH in shown:
                    line.y = summary.values[:, BOTH - 1]
                    line.name = order_title(BOTH, int(p.both_planned_order))
                self._drawn_summary = summary
            self.fig.layout.shapes = shapes

    def _html(self, name: str, markup: str) -> None:
        """Show ``markup`` in the HTML widget ``self.<name>``, made with it the first time (``""`` only makes it)."""
        widget = getattr(self, name)
        if widget is None:
            # wakker-chart: a chart drawn as HTML (bench_browser times its repaint as it does a figure's)
            css = {"bars": ("wakker-chart", "wakker-planning-staven"), "readout": ("wakker-planning-stand",),
                   "sentence": ("wakker-planning-uitkomst",)}.get(name, ())
            setattr(self, name, w.HTML(markup, _dom_classes=css))
        elif markup:
            widget.value = markup

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change updates the figure, as a student's would)."""
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()
        self.both.value = False


def planning_explorer() -> PlanningExplorer:
    return PlanningExplorer()


# ---------------------------------------------------------------- my week
def rebalance(values: Sequence[int], index: int, new: int, total: int = 100) -> list[int]:
    """Set ``values[index] = new`` and scale the others so that everything sums to ``total``.

    The others keep their proportions (largest-remainder rounding to whole numbers); if they
    were all zero, the rest is shared equally. ``new`` is clipped to 0..total.
    """
    new = int(min(max(round(new), 0), total))
    others = [i for i in range(len(values)) if i != index]
    rest = total - new
    weights = np.array([max(float(values[i]), 0.0) for i in others])
    if weights.sum() <= 0:
        weights = np.ones(len(others))
    exact = weights / weights.sum() * rest
    floor = np.floor(exact).astype(int)
    short = rest - int(floor.sum())
    order = np.argsort(-(exact - floor), kind="stable")
    floor[order[:short]] += 1
    out = [0] * len(values)
    out[index] = new
    for k, i in enumerate(others):
        out[i] = int(floor[k])
    return out


def valid_week(v: Any) -> bool:
    """Four whole percentages 0-100 that sum to 100."""
    return (isinstance(v, list) and len(v) == 4 and all(isinstance(x, int) and not isinstance(x, bool)
                                                         and 0 <= x <= 100 for x in v) and sum(v) == 100)


def _hidden(text: str) -> str:
    """Text a screen reader reads but the screen does not show (part of a control's accessible name)."""
    return ('<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);'
            f'white-space:nowrap">{html.escape(text)}</span>')


#: The week's sliders: the label (the slider's description, two lines) wraps and sets the row's height, and
#: "%" follows the readout. The kit's stylesheet puts the label above the track on a narrow screen.
WEEK_CSS = (".wakker-mijn-week .widget-hslider{height:auto;align-items:center;margin-bottom:.15em}"
            ".wakker-mijn-week .widget-hslider>.widget-label{height:auto;white-space:normal;overflow:visible;"
            "line-height:1.25;padding:.15em 0;text-align:left;position:relative}"
            '.wakker-mijn-week .widget-hslider::after{content:"%";flex:0 0 1.5em}')


class MyWeek(SavedWidget):
    """Divide a typical week over the four orders (now and wished), always summing to 100 %.

    Moving one slider scales the other three in proportion. The two divisions are shown in a
    grouped bar chart (a LiveFigure redrawn in place) and saved to the journal shortly after
    the last change; a re-run restores them. A column the student has not touched yet is shown
    as "nog niet ingevuld" (grey bars) and saved as such: the saved value is
    ``{"label", "nu", "gewenst", "ingevuld": {"nu": bool, "gewenst": bool}}``. Values saved
    before ``ingevuld`` existed are restored with both columns counted as filled in.
    """

    kind = "week"
    TEXTS = {**SavedWidget.TEXTS, **texts.WEEK_STATUS}
    SETS = texts.WEEK_COLUMNS
    DEFAULT = [25, 25, 25, 25]
    COLOURS = {"nu": COLOURS[1], "gewenst": COLOURS[4]}
    UNTOUCHED = "#e3e3e3"

    def __init__(self, page, qid: str = "mijn-week", delay: float | None = None):
        super().__init__(page, qid, texts.WEEK_PROMPT, delay)
        self._busy = False
        self.touched: dict[str, bool] = {key: False for key, _t in self.SETS}
        self.sliders: dict[str, list[w.IntSlider]] = {}
        self.totals: dict[str, w.HTML] = {}
        self.fig = None
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        columns = [self._column(key, title) for key, title in self.SETS]
        self.fig = self._figure()
        self.restore()
        self._refresh()  # before fig.widget exists: the browser gets the figure once, filled in
        explain = w.HTML(f'<style>{WEEK_CSS}</style><div style="line-height:1.45">{texts.WEEK_INTRO_HTML}</div>')
        self.box = w.VBox([explain, w.HBox(columns, layout=dict(width="100%")), self.message, self.status,
                           self.fig.widget], layout=dict(width="100%", max_width="68em"),
                           _dom_classes=("wakker-mijn-week",))

    def _column(self, key: str, title: str) -> w.VBox:
        """A column: its title, four sliders (each labelled by its own description) and the total.

        Seven widget models: a slider's label is its description (HTML) and the "%" after its readout is
        CSS (:data:`WEEK_CSS`), where a row was an HBox of a label, the slider and a "%" (four models).
        """
        orders = _orders()
        self.sliders[key] = []
        for k, o in enumerate(ORDER_NUMBERS):
            info = orders.get(o)
            name = info.name if info else order_title(o)
            text = (f"<b>{html.escape(info.name)}</b> <span style=\"display:block;font-size:.85em;opacity:.75\">"
                    f"{html.escape(info.short)}</span>" if info else html.escape(order_title(o)))
            # its accessible name (the label's text, style.front_end): the column, the order, "in procent"
            label = f"{_hidden(title + ': ')}{text}{_hidden(', in procent')}"
            s = w.IntSlider(value=self.DEFAULT[k], min=0, max=100, step=1, continuous_update=True,
                            readout_format="d", description=label, description_allow_html=True,
                            style={"description_width": "10.5em"}, tooltip=f"{title}: {name}, in procent",
                            layout=dict(width="100%"), _dom_classes=(f"wakker-week-{key}-{o}",))
            s.observe(lambda ch, key=key, k=k: self._moved(key, k, ch), names="value")
            self.sliders[key].append(s)
        self.totals[key] = w.HTML()
        return w.VBox([w.HTML(f"<b>{html.escape(title)}</b>"), *self.sliders[key], self.totals[key]],
                      layout=dict(width="50%", padding="0 1em 0 0"))

    def _figure(self) -> LiveFigure:
        # only "1e orde" ... "4e orde": the sliders right above say what each order is, and on a phone four
        # bars share about 190 px, where the short descriptions ran into each other
        x = [order_name(o) for o in ORDER_NUMBERS]
        fig = go.Figure()
        for key, _t in self.SETS:  # _refresh sets the final look (grey while a column is untouched)
            fig.add_bar(name=key, x=x, y=self.DEFAULT, marker_color=self.COLOURS[key],
                        text=[f"{v} %" for v in self.DEFAULT], customdata=[str(v) for v in self.DEFAULT],
                        textposition="outside", hovertemplate=f"{key}: %{{y}} %<extra></extra>")
        # the legend under the plot: above it, on a phone its two long names ('gewenst (nog niet ingevuld)')
        # wrapped and ran down over the top of the bars (a reviewer saw the 100 line hidden)
        fig.update_layout(barmode="group", height=400, margin=dict(l=60, r=20, t=50, b=80),
                          title=dict(text=texts.WEEK_TITLE, font=dict(size=15)),
                          yaxis=dict(title=texts.WEEK_AXIS, range=[0, 110]),
                          xaxis=dict(tickangle=0, automargin=True),
                          legend=dict(orientation="h", x=0, y=-0.14, yanchor="top"), uirevision="keep")
        # on a phone a bar is about 20 px wide and "31 %" 27 px: neighbouring numbers ran into each other
        # ("31 %31 %"). There each bar shows its number alone (customdata: the number, or "–" while its column
        # is untouched; the axis title says "(%)"), the bars a little wider, and the plot a little wider for
        # the order names under them
        return LiveFigure(fig).on_phone({"bargap": 0.1, "margin": {"l": 54, "r": 10}},
                                        [{"texttemplate": "%{customdata}"}] * len(self.SETS))

    # -- state (SavedWidget)
    def values(self, key: str) -> list[int]:
        return [int(s.value) for s in self.sliders[key]]

    def value(self) -> dict:
        parts = [f"{key} " + ("/".join(map(str, self.values(key))) + " %" if self.touched[key] else texts.NOT_FILLED_IN)
                 for key, _t in self.SETS]
        return {"label": ", ".join(parts) + texts.WEEK_LABEL_ORDERS, "nu": self.values("nu"),
                "gewenst": self.values("gewenst"), "ingevuld": dict(self.touched)}

    def problems(self, value: dict) -> str | None:
        return None if all(valid_week(value[key]) for key, _t in self.SETS) else texts.WEEK_NOT_100

    def apply(self, value: Any) -> None:
        if not isinstance(value, dict) or not all(valid_week(value.get(key)) for key, _t in self.SETS):
            raise ValueError("not a division of a week")
        filled = value.get("ingevuld")
        self._busy = True
        try:
            for key, _t in self.SETS:
                for s, v in zip(self.sliders[key], value[key]):
                    s.value = v
                # saved before "ingevuld" existed (or damaged): count the column as filled in
                flag = filled.get(key) if isinstance(filled, dict) else None
                self.touched[key] = flag if isinstance(flag, bool) else True
        finally:
            self._busy = False

    def after_change(self, value: dict) -> None:
        self._refresh()

    # -- behaviour
    def set(self, key: str, index: int, value: int) -> None:
        """Move one slider as a student would (the others follow)."""
        self.sliders[key][index].value = value

    def _moved(self, key: str, index: int, change) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            new = rebalance([change["old"] if i == index else s.value for i, s in enumerate(self.sliders[key])],
                            index, change["new"])
            for i, s in enumerate(self.sliders[key]):
                if s.value != new[i]:
                    s.value = new[i]
        finally:
            self._busy = False
        self.touched[key] = True
        self.changed()

    def _refresh(self) -> None:
        for key, _title in self.SETS:
            self.totals[key].value = status_html(texts.WEEK_TOTAL.format(total=sum(self.values(key)))
                                                 if self.touched[key] else texts.WEEK_UNTOUCHED)
        with self.fig.batch_update():
            for k, (key, _t) in enumerate(self.SETS):
                v = self.values(key)
                bar = self.fig.data[k]
                bar.y = v
                if self.touched[key]:
                    bar.name, bar.marker.color = key, self.COLOURS[key]
                    bar.text = [f"{x} %" for x in v]
                    bar.customdata = [str(x) for x in v]  # a phone's bar text (on_phone in _figure)
                    bar.hovertemplate = f"{key}: %{{y}} %<extra></extra>"
                else:
                    bar.name, bar.marker.color = texts.WEEK_BAR_UNTOUCHED.format(key=key), self.UNTOUCHED
                    bar.text = bar.customdata = [dutch.DASH] * len(v)
                    bar.hovertemplate = f"{key}: {texts.NOT_FILLED_IN}<extra></extra>"


def my_week(page, qid: str = "mijn-week") -> MyWeek:
    return MyWeek(page, qid)


# ---------------------------------------------------------------- roles of government
def role_cases(page) -> w.VBox:
    """One ``page.choice`` per case (it saves itself), each under a short case description, in one column."""
    try:
        roles, cases = data.roles()
    except ContentError as exc:
        return failed_box(exc)
    boxes = []
    for i, case in enumerate(cases, 1):
        options = [(r.name, case.feedback[r.id]) for r in roles]
        boxes.append(page.choice(f"rol-{case.id}", texts.ROLE_QUESTION, options, title=texts.CASE.format(number=i),
                                 context=case.text).box)
    # the space between the cases is the column's gap (grid_gap is CSS gap, also in a flex box), not a box per case
    return w.VBox(boxes, layout=dict(grid_gap="1em", padding="0 0 1em 0"))
