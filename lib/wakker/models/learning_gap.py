"""The learning gap: what the world asks of an organisation versus what it has learned to answer.

A small, transparent model behind notebook 06 (Regio Zwolle 2016, "Sociale innovatie in de
praktijk"). In the report the presenter, Engbert Breuker, says that technological change grew
exponentially and that our speed of learning now lags behind the speed of change; in a video
message Jan van Ginkel calls sharing perhaps the fastest way of learning. This model lets a
student see *under which assumptions* a gap between change and learning closes or grows, and
what sharing between municipalities adds. Its shapes of "change" and "learning" are stated
choices, not measurements.

The model, in words
-------------------
* The world keeps putting **new questions** to an organisation (a new law, a new kind of citizens'
  initiative, a new technology): ``change_pace`` questions per year at the start. With
  ``acceleration`` (per cent per year) the pace grows exponentially,
  ``c(t) = change_pace * (1 + acceleration/100) ** t``; with 0 it is steady.
* At the start ``initial_gap`` questions are still open.
* **Learning.** For every open question the organisation finds an answer at a constant rate
  ``learning_rate`` per year (a hazard rate: with 0.5 an answer takes two years on average).
  So an organisation learns more when more is open: it learns from what it notices is missing.
* **Sharing.** ``municipalities`` municipalities face the same questions and learn independently
  of each other. A municipality that finds an answer shares it; another one can use it with
  probability ``share_quality`` (it fits, it is explained well), ``share_delay`` years later.
  Only the finder shares (no passing on of answers received). With one municipality, or with
  quality 0, there is no sharing.
* The **gap** at time t is the expected number of questions still open for one municipality.
  A question of age ``tau`` is still open with probability
  ``S(tau) = exp(-r tau) * (1 - q (1 - exp(-r (tau - d))))^(n - 1)`` (the second factor only for
  ``tau > d``), so ``gap(t) = initial_gap * S(t) + integral_0^t c(t - tau) S(tau) dtau``.
  What the world asked so far is ``asked(t) = initial_gap + integral_0^t c(s) ds``; what the
  organisation knows is ``asked - gap``.

Both integrals are sums of exponentials and are computed exactly (no time steps).

Anchors (tested in ``tests/models/test_learning_gap.py``)
---------------------------------------------------------
* Steady pace ``c``, alone: ``gap' = c - r gap``, so
  ``gap(t) = c/r + (initial_gap - c/r) exp(-r t)`` and the long-run gap is ``c / r``
  (:func:`steady_gap_alone`; the standard linear first-order equation).
* Steady pace, sharing without delay: the long-run gap is ``c/r * E[1/(1+K)]`` with
  ``K ~ Binomial(n-1, q)``, which equals ``c/r * (1 - (1-q)^n) / (n q)`` (:func:`steady_gap`).
  With ``q = 1`` that is ``c / (n r)``: as if one municipality learned n times as fast.
* Change that speeds up (``a = ln(1 + acceleration/100) > 0``): the gap grows without bound for
  every learning rate; alone it approaches ``c(t) / (a + r)``, while the *share* of everything
  asked that is still open approaches ``a / (a + r)``.

Public API
----------
``LearningGapParams``       all assumptions, each with default, unit, slider range and doc.
``parameter_specs()``       the metadata per parameter (for building sliders).
``years(params, points)``   the time grid used for a run.
``survival(params, ages)``  probability that a question of a given age is still open.
``gap(params, t)``          expected open questions at times ``t``; ``asked(params, t)`` likewise.
``curves(params)``          the same columns as ``simulate``, as plain numpy arrays (no pandas: the widget's path).
``simulate(params)``        tidy DataFrame over the years: asked, known and gap, alone and shared.
``steady_gap(...)``         the long-run gap at a steady pace (closed form, any sharing).
``steady_gap_alone(...)``   the closed form over time for one municipality at a steady pace.
``needed_learning_rate()``  the smallest learning rate that keeps the gap within what is acceptable.
``summarise(params)``       the numbers the notebook's sentence reports.

pandas is imported only inside :func:`simulate`: the lesson's widgets use :func:`curves`, so a
notebook that only moves sliders never loads it (about 0.15 s of a kernel's start).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

import numpy as np

from .params import Param, param, specs

if TYPE_CHECKING:  # pandas only when a DataFrame is really asked for (simulate imports it itself)
    import pandas as pd

__all__ = [
    "LearningGapParams",
    "GapSummary",
    "GROWTH_TOLERANCE",
    "MAX_RATE",
    "acceleration_rate",
    "asked",
    "curves",
    "gap",
    "gap_at_rates",
    "needed_learning_rate",
    "parameter_specs",
    "sharing_weights",
    "simulate",
    "steady_gap",
    "steady_gap_alone",
    "summarise",
    "survival",
    "years",
]

#: A gap that changed by at most this share of its size in the last year counts as level.
GROWTH_TOLERANCE = 0.01
#: The highest learning rate :func:`needed_learning_rate` searches (per year: an answer in ~3 weeks).
MAX_RATE = 20.0


@dataclass(frozen=True)
class LearningGapParams:
    """All assumptions of the learning-gap model. Every field is a slider candidate."""

    change_pace: float = param(
        10.0, "questions per year", 0.0, 40.0, 1.0,
        "New questions the world puts to the organisation per year, at the start.")
    acceleration: float = param(
        0.0, "% per year", 0.0, 30.0, 1.0,
        "How much faster change gets every year (exponential growth of the pace); 0 = steady.")
    learning_rate: float = param(
        0.5, "per year", 0.0, 3.0, 0.05,
        "Rate at which the organisation answers each open question itself (hazard; 1/rate = mean years).")
    municipalities: int = param(
        1, "municipalities", 1, 20, 1,
        "Municipalities that face the same questions and share what they learn (1 = alone).")
    share_quality: float = param(
        0.3, "probability", 0.0, 1.0, 0.05,
        "Probability that an answer shared by another municipality is usable here.")
    share_delay: float = param(
        0.5, "years", 0.0, 5.0, 0.5,
        "Time before an answer found elsewhere reaches this municipality.")
    initial_gap: float = param(
        10.0, "questions", 0.0, 100.0, 1.0,
        "Questions still open at the start.")
    acceptable_gap: float = param(
        10.0, "questions", 1.0, 100.0, 1.0,
        "The number of open questions the organisation can still live with.")
    horizon: int = param(
        20, "years", 5, 40, 1,
        "How many years the model looks ahead.")

    def __post_init__(self) -> None:
        bad = []
        for f in fields(self):
            v = getattr(self, f.name)
            try:
                ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
                if f.name in ("municipalities", "horizon"):
                    ok = ok and float(v).is_integer() and v >= 1
                if f.name == "share_quality":
                    ok = ok and v <= 1
                if f.name == "acceptable_gap":
                    ok = ok and v > 0
            except TypeError:
                ok = False
            if not ok:
                bad.append(f.name)
        if bad:
            raise ValueError(f"invalid learning-gap parameter(s): {', '.join(bad)}")

    def replace(self, **changes) -> "LearningGapParams":
        """A copy with some parameters changed (convenience for slider callbacks)."""
        return replace(self, **changes)

    def alone(self) -> "LearningGapParams":
        """The same assumptions for one municipality without sharing."""
        return replace(self, municipalities=1)

    @property
    def sharing(self) -> bool:
        return self.municipalities > 1 and self.share_quality > 0


def parameter_specs() -> dict[str, Param]:
    """Default, range, step, scale, unit and doc of every parameter, in field order."""
    return specs(LearningGapParams)


def acceleration_rate(p: LearningGapParams) -> float:
    """The continuous growth rate ``a`` of the pace: ``(1 + acceleration/100) ** t = exp(a t)``."""
    return math.log1p(p.acceleration / 100.0)


def sharing_weights(n: int, q: float) -> np.ndarray:
    """``P(K = k)`` for ``K ~ Binomial(n - 1, q)``: how many others' answers could reach you."""
    k = np.arange(int(n))
    comb = np.array([math.comb(int(n) - 1, int(i)) for i in k], dtype=float)
    return comb * q ** k * (1.0 - q) ** (int(n) - 1 - k)


def _span(x, h):
    """``integral_0^h exp(-x s) ds = (1 - exp(-x h)) / x``, with the limit ``h`` at ``x = 0``."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h, dtype=float)
    small = np.abs(x * h) < 1e-12
    safe_x = np.where(small, 1.0, x)
    return np.where(small, h, -np.expm1(-safe_x * h) / safe_x)


def survival(p: LearningGapParams, ages) -> np.ndarray:
    """Probability that a question of age ``ages`` (years) is still open for one municipality."""
    tau = np.asarray(ages, dtype=float)
    r, q, d, n = p.learning_rate, p.share_quality, p.share_delay, int(p.municipalities)
    own = np.exp(-r * tau)
    if n <= 1 or q <= 0:
        return own
    others_done = -np.expm1(-r * np.clip(tau - d, 0.0, None))  # one other municipality has an answer
    return own * (1.0 - q * others_done) ** (n - 1)


def asked(p: LearningGapParams, t) -> np.ndarray:
    """Everything the world asked up to time ``t``: open questions at the start plus all new ones."""
    t = np.asarray(t, dtype=float)
    a = acceleration_rate(p)
    return p.initial_gap + p.change_pace * np.exp(a * t) * _span(a, t)


def gap(p: LearningGapParams, t) -> np.ndarray:
    """Expected number of open questions at times ``t`` (years), computed exactly."""
    t = np.asarray(t, dtype=float)
    r, a, d, c = p.learning_rate, acceleration_rate(p), p.share_delay, p.change_pace
    start = p.initial_gap * survival(p, t)
    if not p.sharing:
        return start + c * np.exp(a * t) * _span(a + r, t)
    first = np.exp(a * t) * _span(a + r, np.minimum(t, d))  # ages below the delay: nobody else helps yet
    k = np.arange(int(p.municipalities))
    w = sharing_weights(p.municipalities, p.share_quality)
    later_t = np.clip(t - d, 0.0, None)
    spans = _span(a + r * (1 + k)[:, None], later_t[None, :])  # (k, t)
    later = np.exp(a * later_t - r * d) * (w[:, None] * spans).sum(axis=0)
    later = np.where(t > d, later, 0.0)
    return start + c * (first + later)


def years(p: LearningGapParams, points_per_year: int = 12) -> np.ndarray:
    return np.linspace(0.0, float(p.horizon), int(p.horizon) * points_per_year + 1)


def curves(p: LearningGapParams, points_per_year: int = 12) -> dict[str, np.ndarray]:
    """One array per quantity, one value per time point (in this order): ``year``, ``asked``, ``gap_alone``,
    ``gap_shared``, ``known_alone``, ``known_shared``, ``share_open_alone``, ``share_open_shared``
    (open / asked). Plain numpy: what the widgets draw, and the columns of :func:`simulate`."""
    t = years(p, points_per_year)
    total = asked(p, t)
    alone = gap(p.alone(), t)
    shared = gap(p, t)
    with np.errstate(invalid="ignore", divide="ignore"):
        share_alone = np.where(total > 0, alone / np.where(total > 0, total, 1.0), 0.0)
        share_shared = np.where(total > 0, shared / np.where(total > 0, total, 1.0), 0.0)
    return {"year": t, "asked": total, "gap_alone": alone, "gap_shared": shared,
            "known_alone": total - alone, "known_shared": total - shared,
            "share_open_alone": share_alone, "share_open_shared": share_shared}


def simulate(p: LearningGapParams, points_per_year: int = 12) -> pd.DataFrame:
    """:func:`curves` as a tidy DataFrame, one row per time point (pandas is imported here, when asked for)."""
    import pandas as pd

    return pd.DataFrame(curves(p, points_per_year))


def steady_gap(change_pace: float, learning_rate: float, municipalities: int = 1, share_quality: float = 0.0,
               share_delay: float = 0.0) -> float:
    """The long-run gap at a steady pace (closed form); ``inf`` when nothing is learned and the world changes.

    ``c * integral_0^inf S``: ``c/r`` alone; with sharing
    ``c/r * (1 - exp(-r d) + exp(-r d) * (1 - (1-q)^n) / (n q))``.
    """
    c, r, n, q, d = change_pace, learning_rate, int(municipalities), share_quality, share_delay
    if c == 0:
        return 0.0
    if r <= 0:
        return math.inf
    if n <= 1 or q <= 0:
        return c / r
    # E[1/(1+K)], K ~ Bin(n-1, q): (1 - (1-q)^n) / (n q), written so that a tiny q keeps its limit 1 (with 1 - q
    # rounded to 1 it gave 0, and inf * 0 = nan for a subnormal learning rate; found by hypothesis)
    mean_inverse = -math.expm1(n * math.log1p(-q)) / (n * q) if q < 1.0 else 1.0 / n
    late = math.exp(-r * d)
    return c / r * ((1.0 - late) + late * mean_inverse)


def steady_gap_alone(t, change_pace: float, learning_rate: float, initial_gap: float):
    """The textbook solution of ``gap' = c - r gap``: ``c/r + (gap0 - c/r) exp(-r t)`` (``gap0 + c t`` when r = 0)."""
    t = np.asarray(t, dtype=float)
    c, r = change_pace, learning_rate
    if r == 0:
        return initial_gap + c * t
    # the same formula, written as c (1 - e^{-rt}) / r + gap0 e^{-rt} so that a tiny r loses no precision
    # (and for r t below 1e-8 its series c t (1 - r t / 2), which also holds for a subnormal r)
    x = r * t
    span = np.where(np.abs(x) < 1e-8, t * (1.0 - x / 2.0), -np.expm1(-x) / r)
    return c * span + initial_gap * np.exp(-x)


def gap_at_rates(p: LearningGapParams, at: float, rates) -> np.ndarray:
    """The gap at one time ``at`` for many learning rates at once (the same formula as :func:`gap`)."""
    r = np.asarray(rates, dtype=float)
    t, a, d, c = float(at), acceleration_rate(p), p.share_delay, p.change_pace
    own = np.exp(-r * t)
    if not p.sharing:
        return p.initial_gap * own + c * np.exp(a * t) * _span(a + r, t)
    start = own * (1.0 - p.share_quality * -np.expm1(-r * max(t - d, 0.0))) ** (int(p.municipalities) - 1)
    first = np.exp(a * t) * _span(a + r, min(t, d))
    later = np.zeros_like(r)
    if t > d:
        k = np.arange(int(p.municipalities))
        w = sharing_weights(p.municipalities, p.share_quality)
        spans = _span(a + r[:, None] * (1 + k)[None, :], t - d)  # (rates, k)
        later = np.exp(a * (t - d) - r * d) * (spans * w[None, :]).sum(axis=1)
    return p.initial_gap * start + c * (first + later)


def _reach(p: LearningGapParams, rates: np.ndarray, at: float | None) -> np.ndarray:
    if at is None:
        return np.array([steady_gap(p.change_pace, x, p.municipalities, p.share_quality, p.share_delay)
                         <= p.acceptable_gap for x in rates])
    return gap_at_rates(p, at, rates) <= p.acceptable_gap


def needed_learning_rate(p: LearningGapParams, shared: bool = True, at: float | None = None) -> float | None:
    """The smallest learning rate that keeps the gap at or below ``acceptable_gap``.

    ``at=None``: in the long run, for a steady pace (``inf`` when the pace speeds up: no fixed rate
    keeps up forever). ``at=T``: at year T. ``None`` when even ``MAX_RATE`` is not enough. The gap
    falls as the learning rate rises (every factor of ``S`` does), so the edge is found on a fine
    grid of rates, refined up to three times (to about 1e-4 per year).
    """
    q = p if shared else p.alone()
    if at is None and acceleration_rate(q) > 0 and q.change_pace > 0:
        return math.inf
    if at is None and not q.sharing:  # closed form: c / r <= acceptable
        return q.change_pace / q.acceptable_gap
    if _reach(q, np.array([0.0]), at)[0]:
        return 0.0
    if not _reach(q, np.array([MAX_RATE]), at)[0]:
        return None
    lo, hi = 0.0, MAX_RATE
    for _ in range(4):
        grid = np.linspace(lo, hi, 41 if at is None else 64)
        ok = _reach(q, grid, at)
        first = int(np.argmax(ok))
        lo, hi = grid[max(first - 1, 0)], grid[first]
        if hi - lo < 1e-4:
            break
    return float(hi)


@dataclass(frozen=True)
class GapSummary:
    """A run in numbers (all in questions or per year): what the notebook's sentence reports, and what its reveal and
    the tests check (``needed_*``: the learning rate that keeps the gap within the limit; the sentence no longer
    says it, so that the student finds it by playing)."""

    steady: bool
    end_year: int
    gap_end_alone: float
    gap_end_shared: float
    trend_alone: int  # +1 still growing in the last year, -1 shrinking, 0 about level (GROWTH_TOLERANCE)
    trend_shared: int
    long_run_alone: float | None  # steady pace only
    long_run_shared: float | None
    needed_alone: float | None  # long run (steady) or at the end year (speeding up); None = out of reach
    needed_shared: float | None
    share_open_end_alone: float
    sharing: bool


def summarise(p: LearningGapParams, frame: Mapping[str, np.ndarray] | pd.DataFrame | None = None) -> GapSummary:
    """The sentence's numbers for ``p``. ``frame``: a run already computed, as :func:`curves` gives it
    (or the DataFrame of :func:`simulate`: anything with those columns); computed when ``None``."""
    frame = curves(p) if frame is None else frame
    steady = acceleration_rate(p) == 0 or p.change_pace == 0
    year = np.asarray(frame["year"], dtype=float)
    before = int(np.flatnonzero(year <= year[-1] - 1.0)[-1])  # the last time point at least a year before the end

    def column(name: str) -> np.ndarray:
        return np.asarray(frame[name], dtype=float)

    def end(name: str) -> float:
        return float(column(name)[-1])

    def trend(name: str) -> int:
        values = column(name)
        change = float(values[-1] - values[before])
        if abs(change) <= GROWTH_TOLERANCE * max(1.0, float(values[-1])):
            return 0
        return 1 if change > 0 else -1

    at = None if steady else float(p.horizon)
    lr_alone = lr_shared = None
    if steady:
        lr_alone = steady_gap(p.change_pace, p.learning_rate)
        lr_shared = steady_gap(p.change_pace, p.learning_rate, p.municipalities, p.share_quality, p.share_delay)
    return GapSummary(
        steady=steady, end_year=int(p.horizon),
        gap_end_alone=end("gap_alone"), gap_end_shared=end("gap_shared"),
        trend_alone=trend("gap_alone"), trend_shared=trend("gap_shared"),
        long_run_alone=lr_alone, long_run_shared=lr_shared,
        needed_alone=needed_learning_rate(p, shared=False, at=at),
        needed_shared=needed_learning_rate(p, shared=True, at=at),
        share_open_end_alone=end("share_open_alone"), sharing=p.sharing)
