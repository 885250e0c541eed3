"""The charts of notebook 07 (also used by the teacher's class tournament): a heat map "row
against column" and a stacked population chart, each a :class:`~wakker.ui.figure.LiveFigure`
created once and redrawn in place. Notebook 07 feeds them numpy arrays (no pandas in a lesson's kernel);
the teacher's class tournament may still pass a DataFrame to :func:`show_heatmap`."""
from __future__ import annotations

import html
import math
from typing import Sequence

import numpy as np
import plotly.graph_objects as go

from ...core import dutch
from ...models.prisoners_dilemma import History, Payoffs
from ...ui.figure import LiveFigure
from . import texts as T
from .data import characters


def fig_layout(**extra) -> dict:
    """The plotly layout every chart of the lesson starts from (Dutch decimal separators)."""
    base = dict(height=380, margin=dict(l=65, r=10, t=50, b=62), separators=",.",
                font=dict(size=13))
    base.update(extra)
    return base


#: The heat map on a phone (the plot under 560 px; at 390 px its cell is 274 px wide): the full names with their
#: slant and the colour bar need 240 px beside 9 columns, so it was 442 px wide and scrolled, its names on top of
#: each other. There the rows keep their names, numbered and on two lines where long ("4 Geduldige<br>spiegel"),
#: the columns get those numbers, the colour bar goes (every cell shows its number) and the fonts are smaller (a
#: cell is 21 px wide: "−0,5" at 9 px leaves a gap to the next number, at 10 px it touched it).
#: The left margin is measured from the names (:func:`phone_left`), without plotly's automargin: coming from a wide
#: screen, that kept the room the wide names had asked for. The top margin is not set: the page grows it for a
#: wrapped title.
#: The axes are categories: the columns' "1", "2" ... are names, not a number line.
PHONE_LAYOUT = {"height": 400, "margin": {"r": 6, "b": 52},
                "xaxis": {"tickangle": 0, "title": {"text": T.HEATMAP_X_PHONE, "font": {"size": 12}},
                          "tickfont": {"size": 11}, "type": "category"},
                "yaxis": {"tickfont": {"size": 10}, "automargin": False, "type": "category"}}
PHONE_TRACE = {"showscale": False, "textfont": {"size": 9}, "hovertemplate": T.HEATMAP_HOVER_PHONE}
PHONE_LINE = 11  # characters: a longer row name goes onto two lines at its spaces


def phone_labels(labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """The columns' and the rows' names on a phone: ``["1", "2"]`` and ``["1 Spiegel", "2 Geduldige<br>spiegel"]``."""
    rows = []
    for i, name in enumerate(labels, start=1):
        words = html.escape(str(name), quote=False).split()
        lines = [f"{i} {words[0]}" if words else str(i)]
        for word in words[1:]:
            if len(lines[-1]) + 1 + len(word) <= PHONE_LINE:
                lines[-1] += " " + word
            else:
                lines.append(word)
        rows.append("<br>".join(lines))
    return [str(i) for i in range(1, len(labels) + 1)], rows


def phone_left(rows: Sequence[str]) -> int:
    """The left margin (px) for these row names at 10 px: about 5.1 px a character ("7 Rechercheur": 66 px, 5.4
    allowed) and the gap to the plot, at most 140 px."""
    longest = max((len(html.unescape(line)) for row in rows for line in row.split("<br>")), default=1)
    return min(140, 6 + math.ceil(5.4 * longest))


def _on_phone(fig: LiveFigure, labels: Sequence[str]) -> None:
    columns, rows = phone_labels(labels)
    layout = dict(PHONE_LAYOUT, margin=dict(PHONE_LAYOUT["margin"], l=phone_left(rows)))
    fig.on_phone(layout, [dict(PHONE_TRACE, x=columns, y=rows)])


def heatmap_figure(payoffs: Payoffs, height: int = 460, phone: bool = False) -> LiveFigure:
    """An empty heat map 'row against column, mean points per round'. ``phone``: drawn on a phone as
    :data:`PHONE_LAYOUT` says (07's tournament; the teacher's class tournament sets its own ticks and height, which
    these would undo, and keeps the kit's 34em and its scrolling box there, style.KIT_CSS)."""
    fig = LiveFigure(
        data=[go.Heatmap(z=[[0]], x=["–"], y=["–"], zmin=payoffs.S, zmax=payoffs.T, colorscale="RdYlGn",
                         texttemplate="%{text}", textfont=dict(size=12), hovertemplate=T.HEATMAP_HOVER,
                         colorbar=dict(title=dict(text=T.HEATMAP_SCALE, side="right"), thickness=14))],
        layout=fig_layout(
            height=height, title=dict(text=T.TOURNAMENT_TITLE, x=0.02, font=dict(size=14)),
            xaxis=dict(title=T.HEATMAP_X, side="bottom", tickangle=-30),
            yaxis=dict(title="", autorange="reversed", automargin=True),
            margin=dict(l=143, r=97, t=50, b=114)),
        css=("wakker-kleurentabel",) if phone else ())
    if phone:
        _on_phone(fig, ["–"])
    return fig


def show_heatmap(fig: LiveFigure, matrix, labels: Sequence[str] | None = None) -> None:
    """Put a square matrix (rows against columns) into the heat map: a 2-D array with its ``labels``
    (the same for rows and columns), or a labelled DataFrame without ``labels``."""
    if labels is None:  # a DataFrame (the class tournament): its index names the rows and columns
        labels, values = matrix.index, matrix.to_numpy()
    else:
        values = np.asarray(matrix, dtype=float)
    labels = [str(x) for x in labels]
    z = [[None if math.isnan(v) else float(v) for v in row] for row in values]
    # Dutch numbers in the cells and the hover (typographic minus, decimal comma), as in the tables
    text = [["" if v is None else dutch.number(v, 1) for v in row] for row in z]
    hover = [["" if v is None else dutch.number(v, 2) for v in row] for row in z]
    with fig.batch_update():
        hm = fig.data[0]
        hm.z, hm.x, hm.y, hm.text, hm.customdata = z, labels, labels, text, hover
        hm.visible = True
        if isinstance(fig.layout.meta, dict) and "narrow" in fig.layout.meta:  # made with phone=True
            _on_phone(fig, labels)
        fig.layout.xaxis.visible = fig.layout.yaxis.visible = True
        fig.layout.title.text = T.TOURNAMENT_TITLE


def clear_heatmap(fig: LiveFigure, title: str) -> None:
    """Empty the heat map and say why in its title (no stale result next to a warning)."""
    with fig.batch_update():
        fig.data[0].visible = False
        fig.layout.xaxis.visible = fig.layout.yaxis.visible = False
        fig.layout.title.text = title


#: The population plots on a phone (the kit puts their legend in rows under the plot and makes the figure a row
#: taller per entry): 340 px instead of 400 leaves a plot of about 193 by 208 px at 390 px, not 193 by 255, so the
#: figure is 60 px shorter (8 characters: 526 px, not 586). The y axis's title still fits beside the plot, and the
#: legend (at 0.3 of the plot's height below it) keeps about 9 px from the x axis's title.
EVOLUTION_PHONE = {"height": 340}


def evolution_figure(title: str, legend_room: int) -> LiveFigure:
    """An empty stacked area chart with one (hidden) trace per character, in file order. ``legend_room``: the
    right margin (px) for the legend of the population it starts with, so that plotly lays the chart out once
    (a longer legend later widens it)."""
    traces = [go.Scatter(x=[0], y=[0], name=c.name, mode="lines", stackgroup="een",
                         line=dict(width=0.5, color=c.colour), fillcolor=c.colour, visible=False,
                         hovertemplate=T.SHARE_HOVER.format(name=html.escape(c.name)))
              for c in characters().values()]
    return LiveFigure(
        data=traces,
        layout=fig_layout(height=400, title=dict(text=title, x=0.02, font=dict(size=14)),
                          xaxis=dict(title=T.GENERATION_AXIS),
                          yaxis=dict(title=T.SHARE_AXIS, range=[0, 100]),
                          legend=dict(orientation="v", x=1.02, y=1), hovermode="x unified",
                          margin=dict(l=61, r=legend_room, t=50, b=63)),  # b: 8 more for the x numbers' standoff (kit template)
    ).on_phone(EVOLUTION_PHONE)


def show_evolution(fig: LiveFigure, shares: History, title: str) -> None:
    """Put shares (0-1 per generation, a :class:`~wakker.models.prisoners_dilemma.History`) into the stacked chart."""
    ids = list(characters())
    column = {sid: j for j, sid in enumerate(shares.ids)}
    values = shares.values
    x = list(range(len(values)))
    with fig.batch_update():
        fig.layout.title.text = title
        for trace, sid in zip(fig.data, ids):
            j = column.get(sid)
            if j is not None and values[:, j].max() > 0:
                trace.x = x
                trace.y = (values[:, j] * 100).round(3).tolist()
                trace.visible = True
            else:
                trace.visible = False
        fig.layout.xaxis.range = [0, len(values) - 1]


def clear_evolution(fig: LiveFigure, title: str) -> None:
    """Empty the stacked chart and say why in its title (no stale result next to a warning)."""
    with fig.batch_update():
        for trace in fig.data:
            trace.visible = False
        fig.layout.title.text = title
