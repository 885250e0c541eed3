"""Dutch formatting of numbers, counts and times: the one place for it.

* :func:`number` -- a fixed number of decimals, a decimal comma and a real minus sign (``−1,5``).
* :func:`significant` -- two significant digits, no trailing zeros (``0,3``, ``4,1``, ``10``).
* :func:`compact` -- no needless decimals (``3``, ``2,5``, ``−1``, ``0,25``).
* :func:`count` -- a count with the right singular or plural (``1 ronde``, ``10 rondes``).
* :func:`decimals_in_text` -- turn ``1.5`` into ``1,5`` inside a sentence.
"""
from __future__ import annotations

import math
import re
from typing import Any

MINUS = "\u2212"  # the typographic minus sign
DASH = "\u2013"   # shown for a missing number

_DECIMAL = re.compile(r"(\d)\.(\d)")


def _is_missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _signed(text: str) -> str:
    if text.startswith("-"):
        text = MINUS + text[1:]
    if text.startswith(MINUS) and not any(ch in "123456789" for ch in text):
        text = text[1:]  # no "−0,0"
    return text


def number(x: float | None, digits: int = 1) -> str:
    """``x`` with ``digits`` decimals, a decimal comma and a typographic minus; a dash when missing."""
    if _is_missing(x):
        return DASH
    x = float(x)
    if math.isinf(x):
        return ("" if x > 0 else MINUS) + "oneindig"
    return _signed(f"{x:.{digits}f}".replace(".", ","))


def significant(x: float | None, figures: int = 2) -> str:
    """``x`` in ``figures`` significant digits, without trailing zeros (``0,3``, ``4,1``, ``10``)."""
    if _is_missing(x):
        return DASH
    x = float(x)
    if not math.isfinite(x) or x == 0:
        return number(x, 0) if math.isfinite(x) else number(x)
    digits = max(0, figures - 1 - int(math.floor(math.log10(abs(x)))))
    text = f"{round(x, digits):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _signed(text.replace(".", ","))


def compact(x: float | None, max_digits: int = 2) -> str:
    """``x`` without needless decimals: ``3``, ``2,5``, ``−1``, at most ``max_digits`` decimals."""
    if _is_missing(x):
        return DASH
    x = float(x)
    if x.is_integer():
        return number(x, 0)
    text = number(x, max_digits)
    return text.rstrip("0").rstrip(",") if "," in text else text


def count(n: int, one: str, many: str) -> str:
    """``1 ronde``, ``10 rondes``: the number and the right form of the noun."""
    return f"{n} {one if n == 1 else many}"


def decimals_in_text(text: str) -> str:
    """Write decimal points between digits as commas (``T = 1.5`` -> ``T = 1,5``)."""
    return _DECIMAL.sub(r"\1,\2", text)


def percent(share: float | None, digits: int = 0) -> str:
    """A share (0..1) as a Dutch percentage: ``0.25`` -> ``25 %``."""
    if _is_missing(share):
        return DASH
    return f"{number(float(share) * 100, digits)} %"
