"""De dorpsweide: a shared pasture that regrows, used by a number of households, with or without rules.

The model behind notebook 01 (issue 15). Hardin (1968) pictured a pasture open to all: every
herdsman gains the whole value of one more animal but bears only a share of the damage, so each
adds animals and "Freedom in a commons brings ruin to all" (p. 1244). Ostrom (1990) drew design
principles from long-enduring institutions that communities made for their common-pool resources.
This model lets a student see *under which assumptions* a shared pasture lasts 30 seasons, and
under which it does not.
How each design principle acts on the model is **our assumption**, stated below; the model shows
that the tragedy is not inevitable, and neither is success.

The pasture, in words
---------------------
* The pasture holds a stock ``N`` (units of grass; ``K`` = ``carrying_capacity`` is the most it
  can hold). In every season the grass first **regrows** by ``g(N) = r N (1 - N/K)`` (logistic
  regrowth, ``r`` = ``growth``), then the users **harvest**: ``N_next = N + g(N) - H``. Nobody can
  take more than there is: when the users want more than ``N + g(N)``, everything is taken and each
  user gets the same share of what it wanted.
* This is the discrete-season version of the teaching model ``dN/dt = r N (1 - N/K) - h`` (one
  Euler step of one season). Its equilibria are exactly those of the continuous model,
  ``g(N) = h`` (:func:`equilibria`); for ``r <= 1`` (the slider's range) the season map is
  increasing in ``N``, so a constant harvest ``h`` behaves as in the continuous model: below the
  lower (unstable) equilibrium the stock shrinks every season until it is gone, above it the stock
  moves to the upper (stable) one; with ``h`` above the maximum sustainable yield ``r K / 4``
  (:func:`max_sustainable_yield`, at ``N = K/2``) it shrinks from every start.
* A stock below ``COLLAPSE_SHARE`` (1 %) of ``K`` counts as **collapsed** and is set to zero: too
  little is left to regrow within the run (a simplification: a real pasture may recover in years).

The households, in words
------------------------
* ``households`` households use the pasture. Each can take at most ``capacity`` units a season
  (its herd, its time). **Without rules each takes its capacity**: the gain of one more unit is its
  own, the damage is shared by all (Hardin's herdsman). So without rules the pasture carries a
  constant harvest ``h = capacity * (households + outsiders)``: with few households it can last,
  with many it collapses.
* **Income** of a household in a season: what it harvested (one unit of grass = one unit of
  income) minus the fines it paid. Nothing else counts (no costs of herding, of meetings, of
  monitoring). In a season with a large fine the income can be negative.
* Chance enters only through the rules (who is dutiful, who is seen, who disputes a fine); the
  random draws are made once per run from ``seed``, so a seed gives the same run, and two runs
  with the same seed but other switches differ only by the switches.

The design principles, each a switch (:class:`Principles`), and what each does here
-----------------------------------------------------------------------------------
All switches take effect from season ``rules_after + 1`` on (``rules_after`` = 0: from the start):
rules can come too late.

* ``quota`` -- *a rule at all*: each household may take at most ``quota`` units a season (a rule
  made elsewhere or out of habit, the same number whatever the state of the pasture). Who keeps
  to it: a share ``dutiful`` of the households (drawn at random per run) keeps every rule out of a
  sense of duty; every other household over-harvests (takes its capacity) when that pays for
  itself: when the gain ``capacity - quota`` exceeds the fine it expects (see monitoring and
  sanctions). So a quota alone is kept by the dutiful only.
* ``boundaries`` -- *clearly defined boundaries*: without them, users from outside the village
  also graze, ``outsiders`` per cent of the number of households, each taking its capacity; no rule
  of the village binds them and their harvest is no village income. With boundaries they are kept out.
* ``monitoring`` -- over-harvest is seen, for each over-harvesting household and season with
  probability ``detection``. Being seen alone costs nothing (shame and reputation are left out),
  so monitoring without sanctions changes nobody's harvest; it is what lets sanctions bite.
* ``sanctions`` -- *graduated sanctions*: a household seen over-harvesting pays ``fine`` times the
  number of times it has been seen (1st time one fine, 2nd time two, ...). A household expects
  ``detection * fine * (times seen + 1)`` (zero without monitoring) and over-harvests only while
  its gain is larger, so it stops after one or a few catches; one never seen may go on.
* ``say`` -- *a say in the rules* (collective-choice arrangements): the households set the quota
  themselves, and they know their pasture: the season's total quota is what it can bear, a margin
  ``say_margin`` below the maximum sustainable yield, and less when the pasture is thin:
  ``(1 - margin) * r K / 4 * min(1, N / (K/2))``, shared equally. Under this quota (if kept) the
  stock grows back from any level above the collapse level, as long as no outsiders graze: there
  is no tipping point. But the thinner the pasture, the lower the quota and the more breaking it
  pays. Switching on ``say`` also switches on the quota (the households make one).
* ``conflict_resolution`` -- without it, a household that is fined disputes the fine with
  probability ``dispute``; an unsettled quarrel makes it ignore the quota for ``GRUDGE_SEASONS``
  (3) seasons, taking its capacity whatever it expects to pay. With a place to settle conflicts,
  disputes are settled and nobody turns away from the rules.

Monitoring, sanctions and conflict resolution act only on a quota; without one they do nothing.
Ostrom's principles 7 (recognition of the right to organise) and 8 (nested enterprises) are not
modelled; her principle 2 (rules that fit local conditions) is folded into ``say``.

What follows (nothing here is tuned to make the rules win)
-----------------------------------------------------------
* No rules, few households: the pasture can last (``h < r K / 4`` and a start above the tipping
  point). No rules, many households: it collapses.
* Rules can fail: a fixed quota is a constant harvest, so with a start (or a late start of the
  rules) below the tipping point the pasture collapses even when everyone keeps to it; a quota that
  nobody checks is kept by the dutiful only; rules that start after the collapse save nothing.
* All principles on and a start above the tipping point: the pasture lasts (with the default
  fine; with a fine too light to deter, the over-harvest of the first seasons can still push a thin
  pasture over the edge, for some seeds and not for others).

What the model leaves out
-------------------------
Power and who makes the rules in practice, unequal households and unequal needs, the role of the
state (Ostrom's principle 7), the time and money that meetings and monitoring cost, weather and
other chance in the regrowth, learning across seasons other than through fines, trade and prices.
The book itself says that initiatives like these will not solve the world's problems (issue 15).

Anchors (tested in ``tests/models/test_commons.py``)
---------------------------------------------------
* ``dN/dt = r N (1 - N/K) - h`` persists only if ``h < r K / 4`` (maximum sustainable yield at
  ``N = K/2``); checked for the continuous model (an independent integration in the test) and for
  the season map.
* ``K = 50, r = 0.5, h = 5``: equilibria ``25 -/+ sqrt(125)`` = 13.82 (unstable) and 36.18, so a
  start at ``N0 = 10`` collapses although ``h < 6.25``, and a start above 13.82 persists, in both
  the continuous and the discrete version.
* No households: the pasture grows to ``K`` (stays at ``K`` from ``K``).
* More harvest never leaves more stock.

Public API
----------
``CommonsParams``            the numerical assumptions, each with default, unit, range and doc.
``Principles``               the six switches; ``Principles.none()``, ``Principles.all_on()``.
``parameter_specs()``        the metadata per parameter (for building sliders).
``simulate(params, principles)``  one run of ``seasons`` seasons: a :class:`CommonsRun`.
``regrowth(stock, r, K)``, ``season_path(r, K, start, harvest, seasons)``  the season map alone.
``max_sustainable_yield(r, K)``, ``equilibria(r, K, h)``  the anchors of the continuous model.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import numpy as np

from .params import Param, param, specs

__all__ = [
    "COLLAPSE_SHARE",
    "GRUDGE_SEASONS",
    "CommonsParams",
    "CommonsRun",
    "Principles",
    "equilibria",
    "max_sustainable_yield",
    "parameter_specs",
    "regrowth",
    "season_path",
    "simulate",
]

#: A stock below this share of the carrying capacity counts as collapsed (and is set to zero).
COLLAPSE_SHARE = 0.01
#: Seasons a household ignores the quota after an unsettled dispute about a fine.
GRUDGE_SEASONS = 3


@dataclass(frozen=True)
class CommonsParams:
    """All numerical assumptions of the commons model. Every field is a slider candidate."""

    households: int = param(10, "households", 0, 30, 1,
                            "Households of the village that use the pasture.")
    capacity: float = param(1.0, "units per season", 0.0, 3.0, 0.1,
                            "What one household takes in a season when nothing holds it back (its herd, its time).")
    growth: float = param(0.5, "per season", 0.05, 1.0, 0.05,
                          "Regrowth rate r of the grass: g(N) = r N (1 - N/K).")
    carrying_capacity: float = param(50.0, "units", 10.0, 200.0, 5.0,
                                     "The most grass the pasture can hold (K).")
    start_stock: int = param(100, "% of K", 0, 100, 5,
                             "Grass on the pasture at the start, as a share of K.")
    quota: float = param(0.5, "units per season", 0.0, 3.0, 0.05,
                         "The fixed quota per household (used when the households have no say in the rules).")
    say_margin: int = param(20, "% below MSY", 0, 100, 5,
                            "With a say: how far below the maximum sustainable yield the households set their quota.")
    outsiders: int = param(30, "% of households", 0, 100, 5,
                           "Users from outside the village (without boundaries), as a share of the households.")
    dutiful: int = param(30, "% of households", 0, 100, 5,
                         "Share of households that keep every rule out of duty, whether it pays or not.")
    detection: int = param(70, "%", 0, 100, 5,
                           "With monitoring: probability that an over-harvest is seen, per household and season.")
    fine: float = param(1.0, "units", 0.0, 5.0, 0.1,
                        "With sanctions: the first fine; each further time seen costs one fine more.")
    dispute: int = param(50, "%", 0, 100, 5,
                         "Probability that a fined household disputes the fine.")
    rules_after: int = param(0, "seasons", 0, 30, 1,
                             "Seasons without any rules before the switched-on principles take effect.")
    seasons: int = param(30, "seasons", 5, 60, 1, "Number of seasons simulated.")
    seed: int = param(1, "seed", 0, 10_000, 1, "Seed of the random draws.")

    def __post_init__(self) -> None:
        bad = []
        for f in fields(self):
            v = getattr(self, f.name)
            try:
                ok = (isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0)
                if f.name in ("households", "rules_after", "seasons", "seed"):
                    ok = ok and float(v).is_integer()
                if f.name in ("start_stock", "say_margin", "outsiders", "dutiful", "detection", "dispute"):
                    ok = ok and v <= 100
                if f.name == "growth":
                    ok = ok and 0 < v <= 1  # r <= 1 keeps the season map increasing in N (see the docstring)
                if f.name in ("carrying_capacity", "seasons"):
                    ok = ok and v > 0
            except TypeError:
                ok = False
            if not ok:
                bad.append(f.name)
        if bad:
            raise ValueError(f"invalid commons parameter(s): {', '.join(bad)}")

    def replace(self, **changes) -> "CommonsParams":
        """A copy with some parameters changed (convenience for slider callbacks)."""
        return replace(self, **changes)

    @property
    def msy(self) -> float:
        return max_sustainable_yield(self.growth, self.carrying_capacity)


@dataclass(frozen=True)
class Principles:
    """Ostrom-style design principles, each a switch (see the module docstring for what each does)."""

    quota: bool = False
    boundaries: bool = False
    monitoring: bool = False
    sanctions: bool = False
    say: bool = False
    conflict_resolution: bool = False

    @classmethod
    def none(cls) -> "Principles":
        """No rules at all: Hardin's unmanaged commons."""
        return cls()

    @classmethod
    def all_on(cls) -> "Principles":
        return cls(True, True, True, True, True, True)

    def replace(self, **changes) -> "Principles":
        return replace(self, **changes)

    @property
    def has_quota(self) -> bool:
        """A say in the rules means the households make a quota, so it implies one."""
        return self.quota or self.say


def parameter_specs() -> dict[str, Param]:
    """Default, range, step, scale, unit and doc of every parameter, in field order."""
    return specs(CommonsParams)


# ---------------------------------------------------------------- the anchors
def max_sustainable_yield(growth: float, carrying_capacity: float) -> float:
    """``r K / 4``: the largest constant harvest the logistic pasture can bear (regrowth at ``N = K/2``)."""
    return growth * carrying_capacity / 4.0


def equilibria(growth: float, carrying_capacity: float, harvest: float) -> tuple[float, ...]:
    """Equilibria of ``dN/dt = r N (1 - N/K) - h`` with ``N > 0``, lowest first.

    ``K/2 -/+ sqrt(K^2/4 - h K / r)``: two for ``0 < h < r K / 4`` (the lower one unstable, the
    upper one stable), one (``K/2``) at ``h = r K / 4``, none above. With ``h = 0``: only ``K``
    (``N = 0`` is excluded). The season map of this module has the same equilibria.
    """
    r, k, h = float(growth), float(carrying_capacity), float(harvest)
    if r <= 0 or k <= 0:
        raise ValueError("growth and carrying_capacity must be positive")
    disc = k * k / 4.0 - h * k / r
    if h <= 0:
        return (k,)
    if disc < 0:
        return ()
    if disc == 0:
        return (k / 2.0,)
    root = math.sqrt(disc)
    return (k / 2.0 - root, k / 2.0 + root)


def regrowth(stock, growth: float, carrying_capacity: float):
    """``g(N) = r N (1 - N/K)``: what the grass regrows in one season (scalars or arrays)."""
    n = np.asarray(stock, dtype=float)
    return growth * n * (1.0 - n / carrying_capacity)


def _season(stock: float, wanted: float, r: float, k: float) -> tuple[float, float]:
    """One season: regrowth, then a harvest of at most what is there. Returns (new stock, share granted)."""
    available = stock + r * stock * (1.0 - stock / k)
    if wanted <= available:
        taken, share = wanted, 1.0
    else:
        taken, share = available, (available / wanted if wanted > 0 else 1.0)
    left = available - taken
    if left < COLLAPSE_SHARE * k:
        left = 0.0
    return left, share


def season_path(growth: float, carrying_capacity: float, start: float, harvest: float, seasons: int) -> np.ndarray:
    """The stock before each season and after the last under a constant total harvest (``seasons + 1`` values).

    The same season map as :func:`simulate` uses (without rules the village is exactly this with
    ``harvest = capacity * users``).
    """
    out = np.empty(int(seasons) + 1)
    n = float(start)
    out[0] = n
    for t in range(int(seasons)):
        n, _ = _season(n, float(harvest), float(growth), float(carrying_capacity))
        out[t + 1] = n
    return out


# ---------------------------------------------------------------- a run
@dataclass(frozen=True)
class CommonsRun:
    """One run. Arrays per season have length ``seasons``; ``stock`` has ``seasons + 1`` values."""

    params: CommonsParams
    principles: Principles
    stock: np.ndarray             # grass before each season and after the last
    harvest: np.ndarray           # (seasons, households): what each household took
    fines: np.ndarray             # (seasons, households): fines paid
    income: np.ndarray            # (seasons, households): harvest - fines
    over_harvest: np.ndarray      # (seasons, households) bool: took more than the quota
    seen: np.ndarray              # (seasons, households) bool: an over-harvest that was seen
    outsider_harvest: np.ndarray  # (seasons,): what users from outside took together
    quota: np.ndarray             # (seasons,): quota per household in force (nan: no quota)
    collapse_season: int | None   # first season (1-based) after which the stock was gone (0: bare at the start)

    @property
    def collapsed(self) -> bool:
        return self.collapse_season is not None

    @property
    def final_stock(self) -> float:
        return float(self.stock[-1])

    @property
    def total_income(self) -> np.ndarray:
        """Income of all households together, per season."""
        return self.income.sum(axis=1)

    @property
    def mean_income(self) -> np.ndarray:
        """Mean income per household, per season (zeros without households)."""
        n = self.income.shape[1]
        return self.income.mean(axis=1) if n else np.zeros(self.income.shape[0])


def simulate(p: CommonsParams | None = None, principles: Principles | None = None) -> CommonsRun:
    """Run ``p.seasons`` seasons (see the module docstring); deterministic for a given ``p.seed``."""
    p = p or CommonsParams()
    pr = principles or Principles.none()
    seasons, n = int(p.seasons), int(p.households)
    r, k, cap = float(p.growth), float(p.carrying_capacity), float(p.capacity)
    n_out = int(round(p.outsiders / 100.0 * n))
    detect, fine, dispute = p.detection / 100.0, float(p.fine), p.dispute / 100.0
    msy = max_sustainable_yield(r, k)

    # all random draws at once, the same whatever the switches (common random numbers)
    rng = np.random.default_rng(int(p.seed))
    dutiful = rng.random(n) < p.dutiful / 100.0
    seen_draw = rng.random((seasons, n))
    dispute_draw = rng.random((seasons, n))

    stock = np.empty(seasons + 1)
    stock[0] = p.start_stock / 100.0 * k
    harvest = np.zeros((seasons, n))
    fines = np.zeros((seasons, n))
    over = np.zeros((seasons, n), bool)
    seen = np.zeros((seasons, n), bool)
    outsider = np.zeros(seasons)
    quota = np.full(seasons, np.nan)
    times_seen = np.zeros(n)
    grudge_until = np.zeros(n, int)  # a household ignores the quota in seasons t < grudge_until
    collapse = None

    for t in range(seasons):
        now = stock[t]
        rules = t >= int(p.rules_after)
        want = np.full(n, cap)
        q = math.nan
        if rules and pr.has_quota and n > 0:
            if pr.say:
                q = (1.0 - p.say_margin / 100.0) * msy * min(1.0, now / (k / 2.0)) / n
            else:
                q = float(p.quota)
            keep = min(q, cap)
            gain = cap - keep
            expect = np.zeros(n)
            if pr.monitoring and pr.sanctions:
                expect = detect * fine * (times_seen + 1.0)
            cheat = (~dutiful & (gain > expect)) | (grudge_until > t)  # quarrels arise only without conflict resolution
            want = np.where(cheat, cap, keep)
        outsiders_in = 0 if (rules and pr.boundaries) else n_out
        wanted = float(want.sum()) + outsiders_in * cap
        stock[t + 1], share = _season(now, wanted, r, k)
        harvest[t] = want * share
        outsider[t] = outsiders_in * cap * share
        if not math.isnan(q):
            quota[t] = q
            over[t] = harvest[t] > q * (1.0 + 1e-12) + 1e-12
            if pr.monitoring:
                seen[t] = over[t] & (seen_draw[t] < detect)
                times_seen += seen[t]
                if pr.sanctions:
                    fines[t] = np.where(seen[t], fine * times_seen, 0.0)  # graduated: 1, 2, 3 ... fines
                    if not pr.conflict_resolution:
                        quarrel = (fines[t] > 0) & (dispute_draw[t] < dispute)
                        grudge_until = np.where(quarrel, t + 1 + GRUDGE_SEASONS, grudge_until)
        if collapse is None and stock[t + 1] <= 0.0 and stock[0] > 0.0:
            collapse = t + 1
    if collapse is None and stock[0] <= 0.0:
        collapse = 0
    return CommonsRun(params=p, principles=pr, stock=stock, harvest=harvest, fines=fines, income=harvest - fines,
                      over_harvest=over, seen=seen, outsider_harvest=outsider, quota=quota,
                      collapse_season=collapse)
