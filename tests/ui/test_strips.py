"""The kit's strips (wakker.ui.strips): a grid of categories as HTML, one run of equal cells per rectangle."""
from __future__ import annotations

import re

import numpy as np
import pytest

from wakker.ui import strips
from wakker.ui.style import KIT_CSS

COLOURS = ("#000001", "#000002", "#000003")


def _tip(row: str, first: int, last: int, code: int) -> str:
    return f"{row}:{first}-{last}:{code}"


def _rects(markup: str) -> list[tuple[float, float, str, str]]:
    """Each rectangle as (x, width, fill, tooltip), in the order drawn."""
    return [(float(x), float(wd), fill, tip) for x, wd, fill, tip in re.findall(
        r'<rect x="([\d.]+)" width="([\d.]+)" height="[\d.]+" fill="([^"]+)"><title>([^<]*)</title></rect>', markup)]


def test_runs_of_equal_values():
    assert strips.runs([2, 2, 0, 1, 1, 1]) == [(0, 2, 2), (2, 3, 0), (3, 6, 1)]
    assert strips.runs([1]) == [(0, 1, 1)]
    assert strips.runs([]) == []


def test_every_cell_is_covered_once_in_its_own_colour_and_rows_keep_their_names():
    rng = np.random.default_rng(3)
    codes = rng.integers(0, 3, size=(4, 37))
    markup = strips.strips_html(codes, COLOURS, ["a", "b", "c", "d"], title="T", axis="A", tip=_tip)
    groups = re.findall(r'<g role="group" aria-label="([^"]+)" transform="translate\(0 ([\d.]+)\)">(.*?)</g>', markup)
    assert [g[0] for g in groups] == ["a", "b", "c", "d"]
    ys = [float(g[1]) for g in groups]
    assert np.allclose(np.diff(ys), strips.ROW_PX)  # one row under the other, a gap between them
    for r, (name, _, inner) in enumerate(groups):
        drawn = np.full(codes.shape[1], -1)
        for x, width, fill, tip in _rects(inner):
            first, end = int(x), int(x + width)
            assert (drawn[first:end] == -1).all()  # no overlap
            drawn[first:end] = COLOURS.index(fill)
            assert tip == f"{name}:{first + 1}-{end}:{COLOURS.index(fill)}"  # counted from 1, the last one included
        assert (drawn == codes[r]).all(), r
    assert f'viewBox="0 0 37 {4 * strips.ROW_PX}"' in markup and 'preserveAspectRatio="none"' in markup


def test_title_names_the_figure_axis_words_under_it_and_words_are_escaped():
    markup = strips.strips_html([[0, 1]], COLOURS, ["<rij>"], title='Wie "krijgt" hulp?', axis="a & b", tip=_tip,
                                css="mijn-klasse")
    assert 'role="figure" aria-label="Wie &quot;krijgt&quot; hulp?"' in markup
    assert "<rij>" not in markup and "&lt;rij&gt;" in markup and "a &amp; b" in markup
    assert 'class="wakker-strepen mijn-klasse"' in markup
    # as wide as its box, however many columns (the SVG's own width is one pixel a column)
    assert re.search(r'class="wakker-strepen mijn-klasse" [^>]*style="[^"]*width:0;min-width:100%', markup)
    assert markup.index("wakker-strepen-titel") < markup.index("<svg") < markup.index("wakker-strepen-as")


def test_the_border_line_stands_between_two_columns_or_is_left_out():
    markup = strips.strips_html(np.zeros((2, 10), int), COLOURS, ["a", "b"], title="T", axis="A", tip=_tip, border=3)
    assert re.search(r'<line x1="3" x2="3" y1="0" y2="56"', markup)
    for border in (None, -1, 11):
        assert "<line" not in strips.strips_html(np.zeros((2, 10), int), COLOURS, ["a", "b"], title="T", axis="A",
                                                 tip=_tip, border=border)


def test_codes_that_do_not_match_the_row_names_are_refused():
    with pytest.raises(ValueError):
        strips.strips_html(np.zeros((2, 3), int), COLOURS, ["a"], title="T", axis="A", tip=_tip)


def test_on_a_phone_the_row_names_get_less_room():
    wide, phone = KIT_CSS.split("@media (max-width: 640px)")[0], KIT_CSS.split("@media (max-width: 640px)")[1]
    assert ".wakker-strepen-namen" not in wide
    names = re.search(r"\.wakker-strepen-namen \{ width: (\d+)px !important; font-size: (\d+)px; \}", phone)
    assert names and int(names.group(1)) < strips.NAMES_PX and int(names.group(2)) < 12
    # the words in the plotly figures' colour, light and dark
    assert 'body[data-jp-theme-light="true"] .wakker-strepen { color: #2a3f5f; }' in wide
    assert 'body[data-jp-theme-light="false"] .wakker-strepen { color: #f2f5fa; }' in wide
