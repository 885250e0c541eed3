"""Rows of coloured strips as HTML: a grid of categories (one row per decider, one column per case), drawn
as an inline SVG with the row names beside it, the title above and the axis words under it.

Why HTML and not a plotly heat map (issue 11): plotly draws a heat map afresh with every change (its axes,
its image, its layout), which cost 08's room explorer a second whole plotly draw on every key press, one
after the other. An HTML widget's new value is swapped in one go: the page parses a few kilobytes of SVG
and paints. It looks as the heat map did: the same colours, the same 28 px rows with a 2 px gap, the row
names on the left in plotly's font, a line between two columns where the lesson asks for one. The gaps take
the page's background; the words the plotly figures' colour (set by the kit's stylesheet for a light theme and
a dark one).

Each run of equal cells in a row is one rectangle with its own tooltip (the SVG ``<title>``, which the
browser shows on hover and a screen reader reads), worded by the lesson; each row is a group named by the
row's name. The whole keeps the figure's accessible name (``role="figure"`` with the title as its label), as
a plotly figure of the kit has.

The whole is as wide as its box, however many columns (``width:0`` with ``min-width:100%``: without it the SVG
took one pixel a column, 1000 px at 1000 households, and the lesson scrolled sideways: a reviewer). On a phone
the kit's stylesheet (:data:`wakker.ui.style.KIT_CSS`, class ``wakker-strepen``) gives the row names less room
and a smaller font, so that the strips fit the screen without scrolling sideways.
"""
from __future__ import annotations

import html
from typing import Callable, Sequence

import numpy as np

#: plotly's own font, so that strips and the plotly figures around them read alike
FONT = '"Open Sans", verdana, arial, sans-serif'
ROW_PX = 28  # a row's height, its gap included (as the heat map's rows were)
GAP_PX = 2  # the gap between two rows
NAMES_PX = 100  # the row names' column on a wide screen (a plotly figure's left margin of 100 px)
RIGHT_PX = 20  # room right of the strips (a plotly figure's right margin of 20 px)


def runs(row: Sequence[int]) -> list[tuple[int, int, int]]:
    """The runs of equal values in ``row``: ``(first, end, value)`` with ``end`` exclusive, left to right."""
    row = np.asarray(row)
    if row.size == 0:
        return []
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    ends = np.r_[starts[1:], row.size]
    return [(int(a), int(b), int(row[a])) for a, b in zip(starts, ends)]


def strips_html(codes, colours: Sequence[str], rows: Sequence[str], *, title: str, axis: str,
                tip: Callable[[str, int, int, int], str], border: int | None = None, css: str = "") -> str:
    """``codes`` (rows × columns of small whole numbers, an index into ``colours``) as strips, one per row.

    ``rows`` names the rows (left of them); ``title`` stands above and is the figure's accessible name, ``axis``
    under the strips says what the columns are. ``tip(row_name, first, last, code)`` words the tooltip of a run of
    equal cells (``first`` and ``last`` count from 1, both included); the row's name is also its group's label.
    ``border``: a dark line after that many columns (0 to the number of columns), e.g. where the cases in need
    end. ``css``: extra classes.
    """
    grid = np.asarray(codes, dtype=int)
    if grid.ndim != 2 or grid.shape[0] != len(rows):
        raise ValueError(f"strips_html: {grid.shape} codes for {len(rows)} row names")
    n_rows, n_cols = grid.shape
    height = n_rows * ROW_PX
    shapes = []
    for r, name in enumerate(rows):
        cells = "".join(f'<rect x="{first}" width="{end - first}" height="{ROW_PX - GAP_PX}" fill="{colours[code]}">'
                        f'<title>{html.escape(tip(name, first + 1, end, code))}</title></rect>'
                        for first, end, code in runs(grid[r]))
        shapes.append(f'<g role="group" aria-label="{html.escape(name, quote=True)}" '
                      f'transform="translate(0 {r * ROW_PX + GAP_PX / 2:g})">{cells}</g>')
    if border is not None and 0 <= border <= n_cols:
        shapes.append(f'<line x1="{border}" x2="{border}" y1="0" y2="{height}" stroke="#333333" stroke-width="1.5" '
                      f'vector-effect="non-scaling-stroke"/>')
    names = "".join(f'<div style="height:{ROW_PX}px;line-height:{ROW_PX}px;white-space:nowrap">{html.escape(n)}</div>'
                    for n in rows)
    label = html.escape(title, quote=True)
    return (
        f'<div class="wakker-strepen {css}" role="figure" aria-label="{label}" '
        f'style="font-family:{html.escape(FONT, quote=True)};font-size:12px;line-height:1.25;'
        f'padding:0 0 6px 0;width:0;min-width:100%;box-sizing:border-box">'
        f'<div class="wakker-strepen-titel" style="font-size:14px;padding:10px 0 8px 8px">{html.escape(title)}</div>'
        f'<div style="display:flex;align-items:flex-start">'
        f'<div class="wakker-strepen-namen" aria-hidden="true" style="flex:none;width:{NAMES_PX}px;'
        f'box-sizing:border-box;padding-right:6px;text-align:right;overflow:hidden">{names}</div>'
        f'<svg class="wakker-strepen-vlak" viewBox="0 0 {n_cols} {height}" preserveAspectRatio="none" '
        f'shape-rendering="crispEdges" style="flex:1 1 0;min-width:0;height:{height}px;display:block">'
        f'{"".join(shapes)}</svg>'
        f'<div class="wakker-strepen-rechts" style="flex:none;width:{RIGHT_PX}px"></div></div>'
        f'<div class="wakker-strepen-as" style="font-size:13px;padding:6px 0 0 8px">{html.escape(axis)}</div></div>')
