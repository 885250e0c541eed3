"""De wijsheid van de menigte: when the crowd's median or mean beats one expert, and when it does not.

The model behind notebook 03 (issue 17, "Model 2"; chapter 36 of the book is titled *De ‘wisdom of
the crowd’ gebruiken*). Galton (1907, "Vox populi", *Nature* 75:450-451) collected the tickets of
a weight-judging competition at a fat-stock show in Plymouth: of about 800 tickets, 13 were
removed, leaving **787** usable guesses; their median was **1207 lb**
against a dressed weight of **1198 lb**, within 1 %. Three weeks later, in a letter to *Nature*
("The Ballot-Box", *Nature* 75:509, 1907), Galton also gave the **mean: 1197 lb**. Surowiecki (2004)
retells the story with that mean (and the year 1906), so two figures circulate; Wallis (2014)
documents errors in Galton's data. The two figures differ in kind, not only in size: a median is hardly moved by a few
wild guesses, a mean is, so "the crowd was off by 1 lb" (the mean) and "by 9 lb" (the median) are
claims about two different aggregates. The model shows both, so a student sees when they part.
Surowiecki names four conditions for a wise crowd (diversity of opinion, independence,
decentralisation, aggregation); this model makes two of them into sliders: independence
(``herding``) and diversity in the sense of errors that do not share a direction (``bias``).

The model, in words
-------------------
* There is a true value ``truth`` (default Galton's 1198 lb). Each of ``n`` people guesses
  ``truth + bias + spread * (sqrt(rho) * Z + sqrt(1 - rho) * e_i)``, with ``Z`` and every ``e_i``
  independent standard normals and ``rho`` = ``herding``.
* ``bias`` is an error everyone shares (the animal looks heavier than it is; a rumour everybody
  heard). ``Z`` is the part of the error that is the same for everyone in *this* crowd (they all
  heard the same loud first speaker at the neighbourhood evening); ``rho`` is the share of each
  person's error variance that comes from it, which is also the correlation between two guesses.
  ``e_i`` is each person's own error. Every guess has the same spread ``spread`` (sd, lb) around
  ``truth + bias``, whatever ``rho`` is: herding does not make people guess worse one by one, it
  makes their errors alike.
* The crowd's judgement is the **median** and the **mean** of the guesses. One **expert** guesses
  ``truth + expert_spread * x`` with ``x`` standard normal: unbiased, independent of the crowd (an
  assumption that favours the expert; a biased expert is left out).
* Errors are guess minus truth (positive = too heavy).

What follows (anchors, tested)
------------------------------
* Independent, unbiased errors (``rho = 0``, ``bias = 0``): the root-mean-square error of the mean
  is ``spread / sqrt(n)``; it keeps shrinking as the crowd grows.
* With herding ``rho``: the error of the mean is ``sqrt(bias^2 + spread^2 (rho + (1 - rho)/n))``
  (:func:`rms_error_of_mean`), so it levels off near ``spread * sqrt(rho)``: beyond some size, more
  people add almost nothing.
* A shared ``bias`` never averages away: the mean's error tends to ``bias`` however large the crowd.
* So whether the crowd beats one expert depends on ``n``, ``rho``, ``bias`` and ``expert_spread``:
  a large independent unbiased crowd beats a good expert; a herding or biased crowd need not.
* For a normal crowd the median's error is a little larger than the mean's (about ``sqrt(pi/2)``
  times for independent errors); it wins when a few guesses are wild, which this model does not
  draw (it draws no outliers).

What the model leaves out
-------------------------
That many questions in a neighbourhood have no true answer to guess (what should happen with the
square is not a weight); whose voice counts and who is not in the crowd; guesses that are not
normal (outliers, cranks, a skewed spread); people who influence each other in more complex ways
than one shared error; how the crowd is asked (Surowiecki's decentralisation and aggregation).

Determinism and speed
---------------------
All draws come from ``numpy.random.default_rng(seed)``: the shared error first, then the expert's,
then :data:`MAX_CROWD` personal errors, of which the first ``n`` are used, so a larger crowd adds
people to the same crowd (a slider on ``n`` does not redraw anyone). :func:`error_of_mean` uses
common draws for all crowd sizes (the crowd of size ``n`` is the first ``n`` of the largest) and
summarises its draws once per seed: the mean and the median of a crowd follow exactly from those
of its standardised personal errors, so moving a slider other than the seed costs well under a
millisecond.

Public API
----------
``CrowdParams``                  all assumptions, each with default, unit, range and doc.
``parameter_specs()``            the metadata per parameter (for building sliders).
``simulate(params)``             one crowd: a :class:`CrowdRun`.
``error_of_mean(params, n_values, reps)``  RMS errors per crowd size: an :class:`ErrorCurve`.
``rms_error_of_mean(...)``       the closed form of the anchor curve.
``GALTON_*``, ``SUROWIECKI_MEAN``  the figures of Galton's ox.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable

import numpy as np

from .moving_target import InvalidParameters, check_params
from .params import Param, param, specs

__all__ = [
    "GALTON_MEDIAN",
    "GALTON_REMOVED",
    "GALTON_TRUTH",
    "GALTON_USABLE",
    "GALTON_YEAR",
    "MAX_CROWD",
    "SUROWIECKI_MEAN",
    "CrowdParams",
    "CrowdRun",
    "ErrorCurve",
    "InvalidParameters",
    "error_of_mean",
    "parameter_specs",
    "rms_error_of_mean",
    "simulate",
]

#: Galton's ox (Galton 1907, "Vox populi"): usable guesses, after 13 of about 800 tickets were removed.
GALTON_USABLE = 787
GALTON_REMOVED = 13
#: The median ("middlemost") of the 787 guesses, in lb (Galton 1907).
GALTON_MEDIAN = 1207
#: The dressed weight of the ox, in lb (Galton 1907).
GALTON_TRUTH = 1198
#: The mean of the guesses, in lb: given by Galton himself in "The Ballot-Box" (Nature 75:509, 1907) and
#: retold by Surowiecki (2004); not the median that "Vox populi" reports.
SUROWIECKI_MEAN = 1197
GALTON_YEAR = 1907
#: The largest crowd; personal errors are drawn for this many people.
MAX_CROWD = 2000


@dataclass(frozen=True)
class CrowdParams:
    """All assumptions of the crowd model. Every field is a slider candidate."""

    n: int = param(GALTON_USABLE, "people", 1, MAX_CROWD, 1, "Number of people in the crowd who guess.")
    spread: float = param(60.0, "lb (sd)", 0.0, 300.0, 5.0,
                          "How far one guess is off, typically (sd of each guess around truth + bias).")
    bias: float = param(0.0, "lb", -200.0, 200.0, 5.0,
                        "Error that everyone shares (positive = everyone guesses too heavy).")
    herding: float = param(0.0, "correlation", 0.0, 0.95, 0.01,
                           "How much guesses copy each other: the correlation rho between two guesses (< 1).")
    expert_spread: float = param(30.0, "lb (sd)", 0.0, 300.0, 5.0,
                                 "How far the one expert's guess is off, typically (sd; the expert is unbiased).")
    truth: float = param(float(GALTON_TRUTH), "lb", 500.0, 5000.0, 1.0,
                         "The true value (Galton's ox: 1198 lb); at least 500, so that the median and the expert stay "
                         "positive weights for the shared errors the sliders allow.")
    seed: int = param(1, "seed", 0, 10_000, 1, "Seed of the random draws; the same seed gives the same crowd.")

    def __post_init__(self) -> None:
        check_params(self)

    def replace(self, **changes) -> "CrowdParams":
        """A copy with some parameters changed (convenience for slider callbacks)."""
        return replace(self, **changes)


def parameter_specs() -> dict[str, Param]:
    """Default, range, step, scale, unit and doc of every parameter, in field order."""
    return specs(CrowdParams)


@dataclass(frozen=True)
class CrowdRun:
    """One crowd. Errors are estimate minus truth (lb)."""

    params: CrowdParams
    guesses: np.ndarray
    median: float
    mean: float
    expert: float
    median_error: float
    mean_error: float
    expert_error: float
    errors: np.ndarray  # every guess minus truth

    @property
    def crowd_beats_expert(self) -> bool:
        """The crowd's median is closer to the truth than the expert."""
        return abs(self.median_error) < abs(self.expert_error)


def _draws(seed: int) -> tuple[float, float, np.ndarray]:
    """The shared error, the expert's error and :data:`MAX_CROWD` personal errors (standard normals)."""
    rng = np.random.default_rng(int(seed))
    shared, expert = rng.standard_normal(2)
    return float(shared), float(expert), rng.standard_normal(MAX_CROWD)


def _errors(p: CrowdParams, shared, own: np.ndarray) -> np.ndarray:
    """Every guess minus the truth: ``bias + spread * (sqrt(rho) * shared + sqrt(1 - rho) * own)``.

    ``shared`` is one standard normal per crowd (a scalar, or one per row of ``own``).
    """
    rho = float(p.herding)
    shared = np.asarray(shared, dtype=float)
    if shared.ndim:
        shared = shared[:, None]
    return p.bias + p.spread * (math.sqrt(rho) * shared + math.sqrt(1.0 - rho) * own)


def simulate(p: CrowdParams | None = None) -> CrowdRun:
    """One crowd of ``p.n`` guesses and one expert, drawn with ``p.seed``."""
    p = CrowdParams() if p is None else p
    shared, expert_z, own = _draws(p.seed)
    g = p.truth + _errors(p, shared, own[: int(p.n)])
    med, mean = float(np.median(g)), float(g.mean())
    expert = float(p.truth + p.expert_spread * expert_z)
    return CrowdRun(params=p, guesses=g, median=med, mean=mean, expert=expert,
                    median_error=med - p.truth, mean_error=mean - p.truth, expert_error=expert - p.truth,
                    errors=g - p.truth)


def _row_medians(x: np.ndarray) -> np.ndarray:
    """The median of every row (as ``np.median(x, axis=1)``, about twice as fast: one partition)."""
    k = x.shape[1]
    lo, hi = (k - 1) // 2, k // 2
    part = np.partition(x, hi if lo == hi else [lo, hi], axis=1)
    return (part[:, lo] + part[:, hi]) / 2.0


def rms_error_of_mean(n, spread: float, herding: float = 0.0, bias: float = 0.0) -> np.ndarray:
    """``sqrt(bias^2 + spread^2 (rho + (1 - rho)/n))``: the root-mean-square error of the crowd's mean."""
    n = np.asarray(n, dtype=float)
    return np.sqrt(bias ** 2 + spread ** 2 * (herding + (1.0 - herding) / n))


@dataclass(frozen=True)
class ErrorCurve:
    """Root-mean-square errors over ``reps`` crowds per crowd size (lb)."""

    n: np.ndarray
    mean: np.ndarray  # RMS error of the crowd's mean, simulated
    median: np.ndarray  # RMS error of the crowd's median, simulated (NaN with median=False)
    theory: np.ndarray  # rms_error_of_mean(n, ...)
    expert: float  # RMS error of the expert: expert_spread
    floor: float  # what the mean's error levels off to: sqrt(bias^2 + spread^2 rho)
    reps: int


@lru_cache(maxsize=16)
def _standard_crowds(seed: int, reps: int, sizes: tuple[int, ...], medians: bool):
    """Draws of ``reps`` crowds with all parameters at their unit values, summarised per crowd size.

    Returns the shared error per crowd, and per crowd and size the mean (and the median) of the
    personal errors of its first ``n`` people. Every guess is an increasing affine function of the
    personal error within a crowd (``bias + spread * sqrt(rho) * shared`` plus a positive multiple),
    so the mean and the median of the guesses follow exactly from these; that is why a slider
    move only has to combine them (cached per seed, not per parameter).
    """
    rng = np.random.default_rng(int(seed))
    shared = rng.standard_normal(reps)
    own = rng.standard_normal((reps, max(sizes)))
    ns = np.asarray(sizes)
    means = np.cumsum(own, axis=1)[:, ns - 1] / ns
    med = np.stack([_row_medians(own[:, :k]) for k in sizes], axis=1) if medians else None
    for a in (shared, means, med):
        if a is not None:
            a.flags.writeable = False
    return shared, means, med


def error_of_mean(p: CrowdParams | None = None, n_values: Iterable[int] | None = None,
                  reps: int = 200, median: bool = True) -> ErrorCurve:
    """RMS error of the mean and the median for crowds of each size in ``n_values`` (``p.n`` ignored).

    ``reps`` crowds are drawn (seeded by ``p.seed``); the crowd of size ``n`` is the first ``n`` people
    of each, so the curves are smooth in ``n``. Default sizes: 1 to :data:`MAX_CROWD`, spaced on a log scale.
    The draws are summarised once per seed, crowd count and sizes (about 30 ms for the defaults, most
    of it the medians); after that a change of ``spread``, ``bias`` or ``herding`` costs well under a
    millisecond. ``median=False`` skips the medians (``median`` is then all NaN).
    """
    p = CrowdParams() if p is None else p
    if n_values is None:
        n_values = np.unique(np.round(np.logspace(0, math.log10(MAX_CROWD), 25)).astype(int))
    ns = np.asarray(list(n_values), dtype=int)
    if ns.size == 0 or ns.min() < 1 or ns.max() > MAX_CROWD or int(reps) < 1:
        raise InvalidParameters(f"Kies groepsgroottes van 1 tot en met {MAX_CROWD} en minstens één herhaling.",
                                ("n_values", "reps"))
    reps = int(reps)
    shared, own_means, own_medians = _standard_crowds(int(p.seed), reps, tuple(int(k) for k in ns), bool(median))
    mean_err = _errors(p, shared, own_means)
    if median:
        median_rms = np.sqrt((_errors(p, shared, own_medians) ** 2).mean(axis=0))
    else:
        median_rms = np.full(ns.shape, np.nan)
    return ErrorCurve(
        n=ns, mean=np.sqrt((mean_err ** 2).mean(axis=0)), median=median_rms,
        theory=rms_error_of_mean(ns, p.spread, p.herding, p.bias), expert=float(p.expert_spread),
        floor=float(math.sqrt(p.bias ** 2 + p.spread ** 2 * p.herding)), reps=reps)
