"""Dutch formatting: the one place where numbers become Dutch text."""
import math

import pytest

from wakker.core import dutch


@pytest.mark.parametrize("x, digits, text", [
    (1.5, 1, "1,5"), (0.15, 2, "0,15"), (200, 0, "200"), (-1, 1, "−1,0"), (-0.04, 1, "0,0"),
    (1234.5, 1, "1234,5"), (None, 1, "–"), (math.nan, 2, "–"), (math.inf, 1, "oneindig"),
])
def test_number(x, digits, text):
    assert dutch.number(x, digits) == text


@pytest.mark.parametrize("x, text", [
    (0.3, "0,3"), (0.2954, "0,3"), (4.127, "4,1"), (10.0, "10"), (12.6, "13"), (0.01234, "0,012"),
    (-2.5, "−2,5"), (0, "0"),
])
def test_significant(x, text):
    assert dutch.significant(x) == text


@pytest.mark.parametrize("x, text", [(3, "3"), (2.5, "2,5"), (-1, "−1"), (0.25, "0,25"), (1.2, "1,2"),
                                     (1 / 3, "0,33"), (-0.0, "0")])
def test_compact(x, text):
    assert dutch.compact(x) == text


def test_count_and_percent_and_decimals_in_text():
    assert dutch.count(1, "ronde", "rondes") == "1 ronde"
    assert dutch.count(0, "ronde", "rondes") == "0 rondes"
    assert dutch.count(10, "ronde", "rondes") == "10 rondes"
    assert dutch.percent(0.255) == "26 %"
    assert dutch.percent(0.1, 1) == "10,0 %"
    assert dutch.decimals_in_text("T = 1.5 en R = 2.25, versie 3.") == "T = 1,5 en R = 2,25, versie 3."
