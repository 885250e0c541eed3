"""The planning machine: planned (order 1-3) versus fourth-order responses to movements.

A small, transparent model behind notebook 04 ("Vierde-orde-leiders en de planningsmachine").

The story, after Verhaaren & Van Ginkel (deel 3): managers handle change of the first order
(keeping things running), the second order (planned renewal projects) and the third order
(strategy, reorganisations: multi-year), all under planning and control. Movements in society
(residents' initiatives, new needs) "are over before the planning machine gets a grip on them".
A fourth-order leader reacts soon but lightly: listening, inviting others, waking up the
movement's own ownership. The Voorwoord adds that it is not either/or: the system world gives
stability. This model lets a student see *under which assumptions* which approach does more.

The model, in words
-------------------
* ``n_movements`` movements arise. Each lives for a random time (months), drawn from a gamma
  distribution with mean ``base_lifetime / speed_of_change`` and shape ``lifetime_shape``
  (shape 1 = exponential: many short-lived movements, a few long-lived ones). Every delay is
  counted from the moment a movement arises and responders have no capacity limit, so *when*
  a movement arises does not matter and is not modelled.
* Four responders: orders 1, 2 and 3 (planned) and order 4 (fourth-order leadership). Each
  needs a delay (months) to notice, decide and act. A responder *reaches* a movement if its
  intervention lands while the movement is still alive: ``delay < lifetime``. Optional noise
  makes each delay vary per movement (log-normal, mean preserved).
* From the moment it lands until the movement ends, a responder gives support with a certain
  *strength* (effect units; a third-order planned intervention is the reference, 1.0):

  - planned responders (orders 1-3): a constant strength ``strength_order_k``;
  - fourth order: it starts light (``fourth_initial_strength``) and grows with the movement's
    ownership, logistically, at rate ``ownership_growth_rate`` per month towards a ceiling
    ``fourth_max_strength``.

* Waiting can be given a yield (``fourth_wait_gain``, default 0): every month of the fourth
  order's reaction time (``delay_fourth``, the intended wait, not the noisy one) adds that much
  to its starting strength, up to the ceiling. The book's leader "waits for the right moment";
  with a gain of 0 waiting only costs time, as in the first version of this model.
* A fifth responder, **both** (``sweep(..., both=True)``): the fourth-order leader steps in as
  above *and* the planned order ``both_planned_order`` (1-3) lands at its own delay. The two do
  not add up: at every moment the movement gets the stronger of the two supports,
  ``max(fourth(t), planned(t))``. Nothing is lost or paid for doing both (no capacity, no
  crowding out), so by construction *both* is never below either of its parts at the same
  settings, and never above their sum. The Voorwoord and the Nawoord of the book ask for
  both; this responder lets a student look at what that adds, and where it adds nothing.
* The *effect* on one movement is the support it received averaged over its whole life:
  ``(integral of strength over the months the responder was active) / lifetime``. So a planned
  intervention of strength 1.0 that lands halfway through a movement's life has effect 0.5;
  an unreached movement has effect 0. The effect per movement lies between 0 and the
  responder's (maximum) strength.

What follows from this (no constant is tuned to make any approach win): when change is slow,
lifetimes are long compared with every delay, so each responder's effect approaches its
(maximum) strength and the strongest approach wins. When change is fast, lifetimes shrink
below the planned delays; planned responders reach almost nothing and the quickest responders
win. Whether, and at which speed, the fourth order overtakes planning follows entirely from the
parameters below.

Determinism and speed
---------------------
Random draws come from ``numpy.random.Generator`` seeded by ``seed``; lifetimes and delay noise
use separate streams, so moving the noise slider does not redraw the lifetimes. In a sweep
the same draws are reused at every speed (lifetime = mean lifetime x a unit draw), so curves
are smooth in the speed and differences between responders are not sampling noise. Everything
is vectorised over speeds x movements; a sweep of 50 speeds x 4 responders x 200 movements
takes a few milliseconds.

Public API
----------
``PlanningParams``        all assumptions, each with default, unit, slider range and doc.
``parameter_specs()``     the metadata per parameter (for building sliders).
``parameter_table()``     the same as a DataFrame.
``default_speeds()``      the default vector of speeds for a sweep.
``simulate(params)``      one row per responder at ``params.speed_of_change``.
``sweep(params, speeds)`` tidy DataFrame, one row per responder x speed (for plotly lines).
``sweep_arrays(...)``     the same numbers as arrays (:class:`SweepArrays`, no pandas);
``simulate_arrays(...)``  likewise for ``simulate``. ``sweep``/``simulate`` are their ``.frame()``.
``crossover_speed(...)``  the speed where the fourth order first beats the best planned one.
``winners(sweep_df)``     per speed: which responder has the largest total effect.
``winner_ranges(...)``    consecutive speed ranges with the same winner (ties kept apart).
``summarise_sweep(...)``  values per speed, winner ranges and crossover from one pivot.
``movements(params)``     one row per movement x responder (lifetime, delay, reached, effect).
``strength_curves(...)``  support strength over time after landing, per responder.
``strength_arrays(...)``  the same as arrays (:class:`StrengthCurves`, no pandas).

pandas is imported only inside the functions that return a DataFrame: the array functions
(``sweep_arrays``, ``simulate_arrays``, ``strength_arrays``) and everything that summarises a
sweep (``metric_by_speed``, ``winner_ranges``, ``summarise_sweep``, ``crossover_speed``, which
accept either form) run on numpy alone, so a lesson that uses only those never loads pandas
(about 0.15 s of a kernel's start).

Every function that returns responders takes ``both=False``; with ``both=True`` the combination
is a fifth responder (``"both"``, order ``BOTH_ORDER`` = 5, ``planned`` False). The crossover
stays "the fourth order against the best planned order"; winner ranges and winners include
*both* when it is in the sweep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Iterable

import numpy as np

from .params import Param, param, specs

if TYPE_CHECKING:  # pandas only where a DataFrame is returned (imported inside those functions)
    import pandas as pd

__all__ = [
    "BOTH",
    "BOTH_ORDER",
    "ORDERS",
    "ParamSpec",
    "PlanningParams",
    "RESPONDERS",
    "StrengthCurves",
    "SweepArrays",
    "SweepSummary",
    "TIE_TOLERANCE",
    "WinnerRange",
    "crossover_speed",
    "default_speeds",
    "fourth_start_strength",
    "metric_by_speed",
    "movements",
    "parameter_specs",
    "parameter_table",
    "simulate",
    "simulate_arrays",
    "strength_arrays",
    "strength_curves",
    "summarise_sweep",
    "sweep",
    "sweep_arrays",
    "winner_ranges",
    "winners",
]

#: Responder labels, in order. The notebook may map them to Dutch labels.
RESPONDERS: tuple[str, ...] = ("order 1", "order 2", "order 3", "order 4")
#: The order (1-4) of each responder in ``RESPONDERS``.
ORDERS: tuple[int, ...] = (1, 2, 3, 4)
#: The combination "fourth order + planning" (a fifth responder, only with ``both=True``).
BOTH = "both"
#: The ``order`` column's value for :data:`BOTH` (it is not an order of the book).
BOTH_ORDER = 5
_PLANNED = np.array([True, True, True, False, False])


def _responders(both: bool) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return (RESPONDERS + (BOTH,), ORDERS + (BOTH_ORDER,)) if both else (RESPONDERS, ORDERS)

# Smallest unit lifetime; keeps lifetimes strictly positive so a zero delay reaches everything.
_MIN_UNIT_LIFETIME = 1e-12
# Below this g*t the ownership integral uses its Taylor series (error of order x^3 ~ 1e-15).
_SERIES_BELOW = 1e-5


@dataclass(frozen=True)
class PlanningParams:
    """All assumptions of the planning-machine model. Every field is a slider candidate."""

    speed_of_change: float = param(
        1.0, "x reference pace", 0.1, 10.0, 0.1,
        "How fast society changes, relative to a reference pace; movement lifetimes scale as 1/speed.",
        scale="log")
    base_lifetime: float = param(
        24.0, "months", 3.0, 120.0, 1.0,
        "Mean lifetime of a movement at speed of change 1.")
    lifetime_shape: float = param(
        1.0, "dimensionless", 0.5, 10.0, 0.1,
        "Gamma shape of lifetimes: 1 = exponential (many short, few long); higher = more alike.")
    n_movements: int = param(
        200, "movements", 50, 2000, 50,
        "Number of simulated movements (more = smoother results, slower).")
    delay_order1: float = param(
        1.0, "months", 0.0, 36.0, 0.5,
        "Time first-order management (keeping things running) needs to notice, decide and act.")
    delay_order2: float = param(
        6.0, "months", 0.0, 36.0, 0.5,
        "Time second-order management (planned renewal projects) needs to notice, decide and act.")
    delay_order3: float = param(
        18.0, "months", 0.0, 60.0, 1.0,
        "Time third-order management (strategy, reorganisation) needs to notice, decide and act.")
    strength_order1: float = param(
        0.3, "effect units", 0.0, 2.0, 0.05,
        "Support strength of a first-order intervention (routine handling within existing rules).")
    strength_order2: float = param(
        0.7, "effect units", 0.0, 2.0, 0.05,
        "Support strength of a second-order intervention (a targeted renewal project).")
    strength_order3: float = param(
        1.0, "effect units", 0.0, 2.0, 0.05,
        "Support strength of a third-order intervention (strategic, with mandate and budget).")
    delay_fourth: float = param(
        1.0, "months", 0.0, 36.0, 0.5,
        "Time the fourth-order leader needs to listen and find the right moment to intervene.")
    fourth_initial_strength: float = param(
        0.2, "effect units", 0.0, 2.0, 0.05,
        "Support strength of the fourth-order intervention when it lands (light: a cultural nudge).")
    fourth_max_strength: float = param(
        0.8, "effect units", 0.0, 2.0, 0.05,
        "Ceiling the fourth-order support grows towards once the movement's ownership is fully awake.")
    ownership_growth_rate: float = param(
        0.15, "per month", 0.0, 1.0, 0.01,
        "Logistic growth rate of ownership after the fourth-order intervention lands.")
    fourth_wait_gain: float = param(
        0.0, "effect units per month", 0.0, 0.3, 0.01,
        "Extra starting strength of the fourth-order step per month of its reaction time (0 = waiting only costs).")
    both_planned_order: int = param(
        2, "order (1-3)", 1, 3, 1,
        "Which planned order joins the fourth order in the combination 'both'.")
    delay_noise: float = param(
        0.0, "dimensionless (log-sd)", 0.0, 1.0, 0.05,
        "Spread of each delay per movement (log-normal sigma, mean kept); 0 = delays are exact.")
    seed: int = param(
        0, "integer", 0, 999, 1,
        "Seed of the random draws; the same seed gives the same movements.")

    def __post_init__(self) -> None:
        positive = ("speed_of_change", "base_lifetime", "lifetime_shape")
        whole = ("n_movements", "seed", "both_planned_order")
        bad = []
        for f in fields(self):
            v = getattr(self, f.name)
            try:
                ok = math.isfinite(v) and v >= 0
                if f.name in positive:
                    ok = ok and v > 0
                if f.name in whole:
                    ok = ok and float(v).is_integer() and (f.name == "seed" or v >= 1)
                if f.name == "both_planned_order":
                    ok = ok and v in (1, 2, 3)
            except TypeError:
                ok = False
            if not ok:
                bad.append(f.name)
        if bad:
            raise ValueError(f"invalid planning parameter(s): {', '.join(bad)}")

    def replace(self, **changes) -> "PlanningParams":
        """A copy with some parameters changed (convenience for slider callbacks)."""
        return replace(self, **changes)

    @property
    def mean_lifetime(self) -> float:
        """Mean movement lifetime in months at ``speed_of_change``."""
        return self.base_lifetime / self.speed_of_change


ParamSpec = Param  # the metadata type of every parameter (see wakker.models.params)


def parameter_specs() -> dict[str, Param]:
    """Metadata (default, unit, slider range, step, scale, one-line doc) for every parameter."""
    return specs(PlanningParams)


def parameter_table() -> pd.DataFrame:
    """All parameter metadata as a DataFrame, one row per parameter."""
    import pandas as pd

    return pd.DataFrame([vars(s) for s in parameter_specs().values()])


def default_speeds(n: int = 50, low: float = 0.1, high: float = 10.0) -> np.ndarray:
    """``n`` log-spaced speeds of change from ``low`` to ``high`` (default 0.1-10, 50 points)."""
    return np.geomspace(low, high, n)


# --------------------------------------------------------------------------- core


def _draws(p: PlanningParams) -> tuple[np.ndarray, np.ndarray]:
    """Unit lifetimes (mean 1, shape n) and delays per responder x movement (shape 4 x n)."""
    n = int(p.n_movements)
    life_rng = np.random.default_rng([int(p.seed), 0])
    noise_rng = np.random.default_rng([int(p.seed), 1])
    k = float(p.lifetime_shape)
    unit = np.maximum(life_rng.gamma(k, 1.0 / k, size=n), _MIN_UNIT_LIFETIME)
    base = np.array([p.delay_order1, p.delay_order2, p.delay_order3, p.delay_fourth], float)
    z = noise_rng.standard_normal((4, n))
    s = float(p.delay_noise)
    delays = base[:, None] * np.exp(s * z - 0.5 * s * s)
    return unit, delays


def _fourth_start_ratio(p: PlanningParams) -> tuple[float, float]:
    """(ceiling, initial/ceiling in [0, 1]) of the fourth-order support.

    The initial strength is ``fourth_initial_strength + fourth_wait_gain * delay_fourth``
    (what the intended wait yields), never above the ceiling.
    """
    cap = float(p.fourth_max_strength)
    if cap <= 0.0:
        return 0.0, 0.0
    start = float(p.fourth_initial_strength) + float(p.fourth_wait_gain) * float(p.delay_fourth)
    return cap, min(start, cap) / cap


def fourth_start_strength(params: PlanningParams | None = None) -> float:
    """The fourth order's support when it lands: initial strength plus what waiting yields, capped."""
    cap, o0 = _fourth_start_ratio(PlanningParams() if params is None else params)
    return cap * o0


def _ownership_integral(active: np.ndarray, o0: float, g: float) -> np.ndarray:
    """Integral over [0, active] of the logistic ownership o(t), o(0)=o0, rate g, ceiling 1.

    o(t) = 1 / (1 + (1/o0 - 1) exp(-g t)); the integral is ln(o0 exp(g t) + 1 - o0) / g.
    ``active`` must be >= 0.

    Three forms, each where it is accurate: for tiny ``x = g t`` the Taylor series
    ``o0 t (1 + (1 - o0) x / 2 + (1 - o0)(1 - 2 o0) x^2 / 6)`` (no division by ``g``, which
    would lose everything for a subnormal rate such as 5e-324); for moderate ``x``
    ``log1p(o0 expm1(x)) / g``; for large ``x`` ``logaddexp`` (no overflow).
    """
    if o0 <= 0.0:
        return np.zeros_like(active)
    if g <= 0.0 or o0 >= 1.0:
        return o0 * active
    active = np.asarray(active, float)
    x = g * active
    out = np.empty_like(x)
    tiny = x < _SERIES_BELOW
    large = x >= 30.0
    mid = ~(tiny | large)
    xt = x[tiny]
    out[tiny] = o0 * active[tiny] * (1.0 + (1.0 - o0) * xt / 2.0 + (1.0 - o0) * (1.0 - 2.0 * o0) * xt * xt / 6.0)
    out[mid] = np.log1p(o0 * np.expm1(x[mid])) / g
    out[large] = np.logaddexp(x[large] + math.log(o0), math.log1p(-o0)) / g
    return out


def _catch_up_time(strength: float, cap: float, o0: float, g: float) -> float:
    """Months after landing until the fourth-order support reaches ``strength`` (inf: never).

    The support is ``cap * o(t)`` with the logistic ownership ``o(t)`` (``o(0) = o0``, rate ``g``,
    ceiling 1), so it reaches ``strength`` where ``o(t) = strength / cap``.
    """
    if strength <= 0.0:
        return 0.0
    if cap <= 0.0 or o0 <= 0.0:
        return math.inf
    r = strength / cap
    if r <= o0:
        return 0.0
    if r >= 1.0 or g <= 0.0:
        return math.inf
    t = math.log((1.0 / o0 - 1.0) / (1.0 / r - 1.0)) / g
    return t if math.isfinite(t) else math.inf


def _both_support(life: np.ndarray, d4: np.ndarray, dk: np.ndarray, strength: float,
                  cap: float, o0: float, g: float) -> np.ndarray:
    """Integral over a movement's life of ``max(fourth(t), planned(t))`` (exact, vectorised).

    ``fourth(t) = cap * o(t - d4)`` from ``d4`` on (non-decreasing), ``planned(t) = strength`` from
    ``dk`` on. The integral is the fourth order's own, plus what the planned support adds where it
    is the stronger one: from ``dk`` until the fourth order catches up (``d4 + tau``) or the
    movement ends, ``strength - fourth(t)``.
    """
    def fourth_integral(until):  # integral of fourth(t) over [0, until]
        return cap * _ownership_integral(np.maximum(until - d4, 0.0), o0, g)

    own = fourth_integral(life)
    tau = _catch_up_time(strength, cap, o0, g)
    end = np.minimum(d4 + tau, life) if math.isfinite(tau) else np.broadcast_to(life, own.shape)
    start = np.broadcast_to(dk, own.shape)
    gap = end > start
    extra = np.where(gap, strength * (end - start) - (fourth_integral(end) - fourth_integral(start)), 0.0)
    return own + np.maximum(extra, 0.0)


def _support(p: PlanningParams, life: np.ndarray, delays: np.ndarray, both: bool):
    """(reached, support) per responder: arrays of shape (R,) + life.shape, R = 4 or 5.

    ``life`` is (..., n) lifetimes, ``delays`` (4, n) delays; support is the integral of the
    responder's strength over the movement's life (effect = support / life).
    """
    strengths = (p.strength_order1, p.strength_order2, p.strength_order3)
    cap, o0 = _fourth_start_ratio(p)
    g = float(p.ownership_growth_rate)
    rows = 5 if both else 4
    reached = np.empty((rows,) + life.shape, bool)
    support = np.empty((rows,) + life.shape)
    for r in range(4):
        active = life - delays[r]  # months the responder is active
        reached[r] = active > 0.0
        active = np.where(reached[r], active, 0.0)
        support[r] = strengths[r] * active if r < 3 else cap * _ownership_integral(active, o0, g)
    if both:
        k = int(p.both_planned_order) - 1
        reached[4] = reached[3] | reached[k]
        support[4] = _both_support(life, delays[3], delays[k], float(strengths[k]), cap, o0, g)
    return reached, support


def _effects(p: PlanningParams, speeds: np.ndarray, both: bool = False):
    """Per responder x speed: share reached, mean effect (arrays of shape R x S, R = 4 or 5)."""
    unit, delays = _draws(p)
    mean_life = p.base_lifetime / speeds  # (S,)
    life = mean_life[:, None] * unit[None, :]  # (S, n)
    reached, support = _support(p, life, delays[:, None, :], both)
    return reached.mean(axis=2), (support / life[None]).mean(axis=2)


def _as_speeds(speeds: Iterable[float] | float | None) -> np.ndarray:
    arr = default_speeds() if speeds is None else np.atleast_1d(np.asarray(speeds, float)).ravel()
    if arr.size == 0 or not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError("speeds must be a non-empty sequence of positive numbers")
    return arr


@dataclass(frozen=True, eq=False)
class SweepArrays:
    """The results of a sweep as arrays (what :func:`sweep` puts in its DataFrame), without pandas.

    ``speeds`` in the given order (shape S); ``orders`` (1-4, and 5 for *both*) and ``responders``
    name the rows (R = 4 or 5). ``share_reached`` and ``mean_effect`` have shape R x S; the other
    columns of :func:`sweep` are properties computed from them exactly as there.
    ``frame()`` gives the tidy DataFrame of :func:`sweep`.
    """

    speeds: np.ndarray
    orders: tuple[int, ...]
    responders: tuple[str, ...]
    share_reached: np.ndarray
    mean_effect: np.ndarray
    n_movements: int
    base_lifetime: float

    @property
    def planned(self) -> np.ndarray:
        """Per row: is the responder a planned order (1-3)?"""
        return _PLANNED[:len(self.orders)].copy()

    @property
    def mean_lifetime(self) -> np.ndarray:
        """Mean movement lifetime (months) per speed (shape S)."""
        return self.base_lifetime / self.speeds

    @property
    def mean_effect_if_reached(self) -> np.ndarray:
        """Mean effect per reached movement (0 where none is reached), R x S."""
        share, mean_eff = self.share_reached, self.mean_effect
        return np.divide(mean_eff, share, out=np.zeros_like(mean_eff), where=share > 0)

    @property
    def total_effect(self) -> np.ndarray:
        """Sum of the effect over all movements, R x S."""
        return self.mean_effect * self.n_movements

    def frame(self) -> "pd.DataFrame":
        """The tidy DataFrame of :func:`sweep` (one row per responder x speed, grouped by responder)."""
        import pandas as pd

        n_speeds = self.speeds.size
        rows = len(self.orders)
        return pd.DataFrame({
            "speed": np.tile(self.speeds, rows),
            "mean_lifetime": np.tile(self.mean_lifetime, rows),
            "responder": np.repeat(np.array(self.responders, dtype=object), n_speeds),
            "order": np.repeat(np.array(self.orders), n_speeds),
            "planned": np.repeat(self.planned, n_speeds),
            "share_reached": self.share_reached.ravel(),
            "mean_effect": self.mean_effect.ravel(),
            "mean_effect_if_reached": self.mean_effect_if_reached.ravel(),
            "total_effect": self.total_effect.ravel(),
        })


# --------------------------------------------------------------------------- public


def sweep(params: PlanningParams | None = None,
          speeds: Iterable[float] | None = None, both: bool = False) -> pd.DataFrame:
    """Tidy results, one row per responder x speed (``params.speed_of_change`` is ignored).

    Columns: ``speed`` (x reference pace), ``mean_lifetime`` (months), ``responder``,
    ``order`` (1-4), ``planned`` (bool), ``share_reached`` (0-1), ``mean_effect`` (effect units
    per movement, unreached movements count as 0), ``mean_effect_if_reached`` (per reached
    movement, 0 if none reached) and ``total_effect`` (sum over all movements).
    Rows are grouped by responder, speeds in the given order within each group, so
    ``px.line(df, x="speed", y="total_effect", color="responder", log_x=True)`` works as is.
    ``both=True`` adds the combination :data:`BOTH` (order 5) after the four orders.
    """
    return sweep_arrays(params, speeds, both).frame()


def sweep_arrays(params: PlanningParams | None = None,
                 speeds: Iterable[float] | None = None, both: bool = False) -> SweepArrays:
    """The numbers of :func:`sweep` as arrays (no pandas): responders x speeds."""
    p = PlanningParams() if params is None else params
    s = _as_speeds(speeds)
    share, mean_eff = _effects(p, s, both)
    names, orders = _responders(share.shape[0] == 5)
    return SweepArrays(speeds=s, orders=orders, responders=names, share_reached=share, mean_effect=mean_eff,
                       n_movements=int(p.n_movements), base_lifetime=p.base_lifetime)


def simulate(params: PlanningParams | None = None, both: bool = False) -> pd.DataFrame:
    """Results at ``params.speed_of_change``: one row per responder (same columns as ``sweep``)."""
    return simulate_arrays(params, both).frame()


def simulate_arrays(params: PlanningParams | None = None, both: bool = False) -> SweepArrays:
    """The numbers of :func:`simulate` as arrays (no pandas): one speed, ``params.speed_of_change``."""
    p = PlanningParams() if params is None else params
    return sweep_arrays(p, [p.speed_of_change], both)


def winners(sweep_df: pd.DataFrame | SweepArrays, metric: str = "total_effect") -> pd.DataFrame:
    """Per speed, the responder with the largest ``metric`` (ties: the lowest order).

    Returns columns ``speed``, ``winner``, ``order`` and ``metric`` value, sorted by speed.
    ``sweep_df`` may also be a :class:`SweepArrays`.
    """
    if isinstance(sweep_df, SweepArrays):
        sweep_df = sweep_df.frame()
    df = sweep_df.sort_values(["speed", metric, "order"], ascending=[True, False, True],
                              kind="stable")
    best = df.drop_duplicates("speed", keep="first")
    return best[["speed", "responder", "order", metric]].rename(
        columns={"responder": "winner"}).reset_index(drop=True)


#: The metrics a sweep has per responder x speed (columns of :func:`sweep`, properties of :class:`SweepArrays`).
_METRICS = ("share_reached", "mean_effect", "mean_effect_if_reached", "total_effect")

#: Values closer than this (relative to the largest) count as an exact tie.
TIE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class WinnerRange:
    """A range of speeds in which one approach has the largest value (e.g. total effect).

    ``order`` is the winner (0 = no approach has any effect); when two or more approaches tie
    exactly, ``tied`` holds all of them and ``order`` is the lowest.
    """

    order: int
    start: float
    end: float
    tied: tuple[int, ...] = ()


@dataclass(frozen=True)
class SweepSummary:
    """What a sweep says, computed once: the values per speed, the winner ranges, the crossover.

    ``speeds`` ascending and unique; ``values[i, k]`` is the metric of order ``k + 1`` at
    ``speeds[i]`` (column 4, order 5, is the combination *both* when the sweep has it).
    """

    speeds: np.ndarray
    values: np.ndarray
    ranges: tuple[WinnerRange, ...]
    crossover: float | None


def metric_by_speed(sweep_df: pd.DataFrame | SweepArrays,
                    metric: str = "total_effect") -> tuple[np.ndarray, np.ndarray]:
    """(ascending unique speeds, array speeds x R of ``metric`` per order) from a tidy sweep.

    R is 4 (the orders), or 5 when the sweep has the combination *both* (order 5).
    ``sweep_df`` is the DataFrame of :func:`sweep` or the :class:`SweepArrays` of :func:`sweep_arrays`.
    """
    if isinstance(sweep_df, SweepArrays):
        if metric not in _METRICS:
            raise KeyError(metric)
        s, col = np.unique(sweep_df.speeds, return_inverse=True)
        table = getattr(sweep_df, metric)  # R x S, rows in order 1-4(, 5)
        values = np.full((s.size, len(sweep_df.orders)), np.nan)
        values[col[:, None], np.asarray(sweep_df.orders) - 1] = table.T
        return s, values
    speed = sweep_df["speed"].to_numpy(float)
    order = sweep_df["order"].to_numpy(int)
    s, col = np.unique(speed, return_inverse=True)
    rows = 5 if (order == BOTH_ORDER).any() else 4
    values = np.full((s.size, rows), np.nan)
    values[col, order - 1] = sweep_df[metric].to_numpy(float)
    if np.isnan(values).any():
        raise ValueError("sweep_df must hold every responder at every speed")
    return s, values


def _crossover(s: np.ndarray, values: np.ndarray) -> float | None:
    diff = values[:, 3] - values[:, :3].max(axis=1)
    wins = np.flatnonzero(diff > 0)
    if wins.size == 0:
        return None
    i = int(wins[0])
    if i == 0:
        return float(s[0])
    x0, x1 = math.log(s[i - 1]), math.log(s[i])
    d0, d1 = diff[i - 1], diff[i]  # d0 <= 0 < d1
    frac = (-d0) / (d1 - d0)
    return float(math.exp(x0 + frac * (x1 - x0)))


def _best(row: np.ndarray) -> tuple[int, ...]:
    """The orders with the largest value in one row (more than one: an exact tie); () if all are 0."""
    top = float(row.max())
    if top <= 1e-12:
        return ()
    return tuple(int(i) + 1 for i in np.flatnonzero(top - row <= TIE_TOLERANCE * top))


def _ranges(s: np.ndarray, values: np.ndarray) -> tuple[WinnerRange, ...]:
    win = [_best(row) for row in values]

    def make(key: tuple[int, ...], a: float, b: float) -> WinnerRange:
        return WinnerRange(key[0] if key else 0, a, b, key if len(key) > 1 else ())

    out: list[WinnerRange] = []
    start = float(s[0])
    for i in range(1, s.size):
        before, after = win[i - 1], win[i]
        if before == after:
            continue
        if before and after:
            a = next((o for o in before if o not in after), before[0])
            b = next((o for o in after if o not in before), after[0])
            d0 = values[i - 1, b - 1] - values[i - 1, a - 1]
            d1 = values[i, b - 1] - values[i, a - 1]
            frac = 0.5 if d1 == d0 else min(max(-d0 / (d1 - d0), 0.0), 1.0)
        else:
            frac = 0.5
        border = float(math.exp(math.log(s[i - 1]) + frac * (math.log(s[i]) - math.log(s[i - 1]))))
        out.append(make(before, start, border))
        start = border
    out.append(make(win[-1], start, float(s[-1])))
    return tuple(out)


def ranges_of(speeds: np.ndarray, values: np.ndarray) -> tuple[WinnerRange, ...]:
    """:func:`winner_ranges` for values already per speed (rows) and order (columns 1, 2, ...): e.g. the four
    orders of a sweep with 'beide' left out (its fifth column)."""
    return _ranges(np.asarray(speeds, dtype=float), np.asarray(values, dtype=float))


def winner_ranges(sweep_df: pd.DataFrame | SweepArrays, metric: str = "total_effect") -> tuple[WinnerRange, ...]:
    """Consecutive speed ranges with the same winner(s), from the lowest to the highest speed.

    A border between two ranges is interpolated in log(speed) where the two approaches' values
    cross (halfway between grid speeds when one side has no winner). Exact ties (within
    ``TIE_TOLERANCE``) form their own range with ``tied`` set.
    """
    return _ranges(*metric_by_speed(sweep_df, metric))


def summarise_sweep(sweep_df: pd.DataFrame | SweepArrays, metric: str = "total_effect") -> SweepSummary:
    """Values per speed, winner ranges and crossover of one sweep (DataFrame or arrays), from a single pivot."""
    s, values = metric_by_speed(sweep_df, metric)
    return SweepSummary(speeds=s, values=values, ranges=_ranges(s, values), crossover=_crossover(s, values))


def crossover_speed(params: PlanningParams | None = None,
                    speeds: Iterable[float] | None = None,
                    sweep_df: pd.DataFrame | SweepArrays | None = None,
                    metric: str = "total_effect") -> float | None:
    """Lowest speed at which the fourth order's ``metric`` first exceeds the best planned one.

    The combination *both* (if the sweep has it) plays no part: this is where the fourth order
    alone overtakes planning. Scans the speeds in ascending order. Between the last grid speed where planning still
    wins (or ties) and the first where the fourth order wins, the crossing is interpolated
    linearly in log(speed). If the fourth order already wins at the lowest speed, that speed
    is returned (the crossover lies at or below it); if it never wins, ``None``.
    Pass ``sweep_df`` (from ``sweep``) to avoid recomputing; otherwise ``params``/``speeds``
    are used. ``summarise_sweep`` gives the same value together with the winner ranges.
    """
    if sweep_df is None:
        sweep_df = sweep_arrays(params, speeds)
    return _crossover(*metric_by_speed(sweep_df, metric))


def movements(params: PlanningParams | None = None, both: bool = False) -> pd.DataFrame:
    """Per movement x responder at ``params.speed_of_change`` (for histograms / strip plots).

    Columns: ``movement`` (index), ``lifetime`` (months), ``responder``, ``order``,
    ``planned``, ``delay`` (months, with noise), ``reached`` (bool), ``effect`` (effect units).
    For *both* (``both=True``) ``delay`` is the earlier of its two parts' delays.
    """
    p = PlanningParams() if params is None else params
    unit, delays = _draws(p)
    n = unit.size
    life = p.mean_lifetime * unit
    reached, support = _support(p, life, delays, both)
    rows = reached.shape[0]
    names, orders = _responders(both)
    if both:
        delays = np.vstack([delays, np.minimum(delays[3], delays[int(p.both_planned_order) - 1])])
    import pandas as pd

    return pd.DataFrame({
        "movement": np.tile(np.arange(n), rows),
        "lifetime": np.tile(life, rows),
        "responder": np.repeat(np.array(names, dtype=object), n),
        "order": np.repeat(np.array(orders), n),
        "planned": np.repeat(_PLANNED[:rows], n),
        "delay": delays.ravel(),
        "reached": reached.ravel(),
        "effect": (support / life[None, :]).ravel(),
    })


@dataclass(frozen=True, eq=False)
class StrengthCurves:
    """Support strength per responder against months since a movement arose, as arrays (no pandas).

    ``months`` (shape T); ``orders`` and ``responders`` name the rows of ``strength`` (R x T).
    ``frame()`` gives the DataFrame of :func:`strength_curves`.
    """

    months: np.ndarray
    orders: tuple[int, ...]
    responders: tuple[str, ...]
    strength: np.ndarray

    def frame(self) -> "pd.DataFrame":
        import pandas as pd

        t, n_rows = self.months, len(self.orders)
        return pd.DataFrame({
            "month": np.tile(t, n_rows),
            "responder": np.repeat(np.array(self.responders, dtype=object), t.size),
            "order": np.repeat(np.array(self.orders), t.size),
            "planned": np.repeat(_PLANNED[:n_rows], t.size),
            "strength": self.strength.ravel(),
        })


def strength_curves(params: PlanningParams | None = None,
                    months: Iterable[float] | None = None, both: bool = False) -> pd.DataFrame:
    """Support strength of each responder against months since a movement arose.

    Assumes the movement is still alive (no end) and uses the exact delays (no noise): zero
    before a responder lands, then its strength (planned: constant; fourth order: logistic
    growth from the initial strength towards the ceiling; *both*: the larger of the fourth order
    and the planned order ``both_planned_order``). Default months: 0-48 in 193 steps.
    Columns: ``month``, ``responder``, ``order``, ``planned``, ``strength``.
    """
    return strength_arrays(params, months, both).frame()


def strength_arrays(params: PlanningParams | None = None,
                    months: Iterable[float] | None = None, both: bool = False) -> StrengthCurves:
    """The numbers of :func:`strength_curves` as arrays (no pandas)."""
    p = PlanningParams() if params is None else params
    t = np.linspace(0.0, 48.0, 193) if months is None else np.atleast_1d(np.asarray(months, float))
    delays = (p.delay_order1, p.delay_order2, p.delay_order3, p.delay_fourth)
    strengths = (p.strength_order1, p.strength_order2, p.strength_order3)
    cap, o0 = _fourth_start_ratio(p)
    g = float(p.ownership_growth_rate)
    rows = np.empty((4, t.size))
    for r in range(4):
        on = t >= delays[r]
        if r < 3:
            rows[r] = np.where(on, strengths[r], 0.0)
        else:
            tau = np.maximum(t - delays[r], 0.0)
            if o0 <= 0.0:
                own = np.zeros_like(tau)
            elif o0 >= 1.0 or g <= 0.0:
                own = np.full_like(tau, o0)
            else:
                own = 1.0 / (1.0 + (1.0 / o0 - 1.0) * np.exp(-g * tau))
            rows[r] = np.where(on, cap * own, 0.0)
    if both:
        rows = np.vstack([rows, np.maximum(rows[3], rows[int(p.both_planned_order) - 1])])
    names, orders = _responders(both)
    return StrengthCurves(months=t, orders=orders, responders=names, strength=rows)
