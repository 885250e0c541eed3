"""Rule or room: Lipsky's paradox as a small model of frontline decisions (notebook 08).

De Brabander & Hooghiemstra (2021) cite Lipsky's paradox: how can rules be applied equally and,
at the same time, justice be done to the single case? Lipsky (1980; expanded edition 2010)
describes frontline workers who need discretion but, short of time, fall back on routines.
This model makes that tension visible. It says nothing about trust itself.

The model, in words
-------------------
* ``n_households`` households each have a true need ``need ~ N(0, 1)`` that nobody sees directly.
  A household *is in need* when ``need > z``, where ``z`` is chosen so that a share ``need_share``
  of all households is in need (``z = Phi^-1(1 - need_share)``).
* An observable *score* (an indicator on a form: income, a checklist) tracks the need imperfectly:
  ``score = rho * need + sqrt(1 - rho^2) * e`` with ``rho = indicator_quality``.
* **The rule** helps every household whose score is above ``Phi^-1(1 - rule_share)``: the same
  threshold for everybody, so it helps about a share ``rule_share``.
* **Room**: a professional judges the case. With time for a proper look the judgement is
  ``a * need + sqrt(1 - a^2) * noise`` (``a = judgement_accuracy``, fresh noise per professional and
  household). Under time pressure a share ``time_pressure`` of the cases only gets a quick look,
  and then the professional falls back on the routine: the score on the form (Lipsky's routines).
  Each professional also has a personal leaning ``b ~ N(0, bias_spread)`` (milder or stricter),
  added to every judgement. The professional helps when the judgement is above ``z``: they aim at
  the real criterion of need.
* **The mix**: room is given for the ``room_share`` of households whose score lies closest to the
  rule's threshold (the grey zone, the same households for every professional); elsewhere the
  rule decides. ``room_share = 0`` is the pure rule, ``1`` pure room.
* ``n_professionals`` professionals each decide about *every* household, so identical cases meet
  different professionals. Reported, averaged over professionals: households in need that got no
  help (*missed*), households helped that were not in need (*needless*), and *unequal treatment*:
  households about which the professionals do not all decide the same (and the chance that two
  professionals decide differently about the same household).

Every quantity is on the same standard-normal scale, so all thresholds are comparable; nothing is
tuned to make the rule or room win. Known results the model reproduces (tests):

* Sheppard's formula (Sheppard 1899): for two standard-normal variables with correlation ``r``,
  ``P(sign X != sign Y) = arccos(r) / pi``. With ``need_share = rule_share = 0.5`` the rule's share
  of wrong decisions is therefore ``arccos(rho) / pi``; with pure room, no time pressure and no
  personal leaning, a professional's is ``arccos(a) / pi`` and two professionals disagree with
  chance ``arccos(a^2) / pi``.
* A perfect judge (``a = 1``) with time for every case and no leaning misses nothing and helps no
  one needlessly; the rule treats identical cases identically (unequal treatment exactly 0); with
  no time at all and no leaning, room collapses into the rule (Lipsky's routine).

Determinism: all draws come from ``numpy.random.default_rng(seed)`` in a fixed order, and the
same draws serve every ``room_share`` of a sweep, so curves are smooth and comparable.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import Iterable

import numpy as np

from .params import Param, param, specs

__all__ = ["Outcome", "RoomParams", "decisions", "default_shares", "outcome", "parameter_specs", "sweep",
           "sheppard_disagreement"]

_N01 = NormalDist()


@dataclass(frozen=True)
class RoomParams:
    """Every assumption of the rule-or-room model; each field is a slider candidate."""

    room_share: float = param(0.5, "share of households", 0.0, 1.0, 0.05,
                              "Share of households (closest to the rule's threshold) that a professional judges "
                              "instead of the rule; 0 = pure rule, 1 = pure room.")
    judgement_accuracy: float = param(0.7, "correlation", 0.0, 1.0, 0.05,
                                      "Correlation between a professional's judgement (with time) and the true need.")
    time_pressure: float = param(0.3, "share of cases", 0.0, 1.0, 0.05,
                                 "Share of cases that only get a quick look; then the score on the form decides.")
    bias_spread: float = param(0.3, "sd of need", 0.0, 1.0, 0.05,
                               "Spread of the professionals' personal leaning (milder or stricter), in sd of need.")
    indicator_quality: float = param(0.6, "correlation", 0.0, 1.0, 0.05,
                                     "Correlation between the observable score and the true need.")
    need_share: float = param(0.3, "share of households", 0.05, 0.95, 0.05,
                              "Share of households truly in need of help.")
    rule_share: float = param(0.3, "share of households", 0.05, 0.95, 0.05,
                              "Share of households the rule helps (those with the highest scores).")
    n_households: int = param(100, "households", 20, 1000, 10, "Number of households.")
    n_professionals: int = param(5, "professionals", 2, 12, 1, "Professionals who each decide about every household.")
    seed: int = param(1, "seed", 1, 50, 1, "Seed of the random draws (another seed: other households).")

    def __post_init__(self) -> None:
        for name, spec in parameter_specs().items():
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                raise ValueError(f"{name} must be a finite number")
            if not spec.low <= value <= spec.high:
                raise ValueError(f"{name}={value} is outside [{spec.low}, {spec.high}]")
            if spec.is_int and int(value) != value:
                raise ValueError(f"{name} must be a whole number")

    def replace(self, **changes) -> "RoomParams":
        return replace(self, **changes)


def parameter_specs() -> dict[str, Param]:
    return specs(RoomParams)


def default_shares(n: int = 21) -> np.ndarray:
    """Room shares from 0 to 1 for a sweep (inclusive)."""
    return np.linspace(0.0, 1.0, n)


@dataclass(frozen=True)
class Draws:
    need: np.ndarray          # (n,)
    score: np.ndarray         # (n,)
    judgement: np.ndarray     # (k, n) judgement with time, before the personal leaning
    quick: np.ndarray         # (k, n) True where only a quick look was possible
    leaning: np.ndarray       # (k,)


def draws(p: RoomParams) -> Draws:
    """The random world of ``p``: needs, scores, judgements, quick looks and leanings."""
    n, k = int(p.n_households), int(p.n_professionals)
    rng = np.random.default_rng(int(p.seed))
    need = rng.standard_normal(n)
    e = rng.standard_normal(n)
    noise = rng.standard_normal((k, n))
    u = rng.random((k, n))
    lean = rng.standard_normal(k)
    rho, a = float(p.indicator_quality), float(p.judgement_accuracy)
    score = rho * need + math.sqrt(max(0.0, 1 - rho * rho)) * e
    judgement = a * need[None, :] + math.sqrt(max(0.0, 1 - a * a)) * noise
    return Draws(need, score, judgement, u < float(p.time_pressure), float(p.bias_spread) * lean)


def thresholds(p: RoomParams) -> tuple[float, float]:
    """(need threshold z, rule threshold on the score)."""
    return _N01.inv_cdf(1 - float(p.need_share)), _N01.inv_cdf(1 - float(p.rule_share))


def decisions(p: RoomParams, shares: Iterable[float] | float | None = None, d: Draws | None = None) -> np.ndarray:
    """Help (True) or not, shape (len(shares), k, n); ``shares`` defaults to ``p.room_share``."""
    d = draws(p) if d is None else d
    s = np.atleast_1d(np.asarray(p.room_share if shares is None else shares, float))
    z, t_rule = thresholds(p)
    rule_help = d.score > t_rule                                          # (n,)
    judged = np.where(d.quick, d.score[None, :], d.judgement) + d.leaning[:, None]
    room_help = judged > z                                                # (k, n)
    n = d.score.size
    rank = np.argsort(np.argsort(np.abs(d.score - t_rule), kind="stable"), kind="stable")
    grey = rank[None, :] < np.rint(s[:, None] * n)                        # (S, n)
    return np.where(grey[:, None, :], room_help[None, :, :], rule_help[None, None, :])


@dataclass(frozen=True)
class Outcome:
    """Per room share: averages over professionals (counts of households) and unequal treatment."""

    shares: np.ndarray        # room shares
    in_need: int              # households truly in need
    helped: np.ndarray        # households helped (mean over professionals)
    missed: np.ndarray        # in need, not helped (mean over professionals)
    needless: np.ndarray      # helped, not in need (mean over professionals)
    unequal: np.ndarray       # households about which the professionals do not all decide the same
    pair_disagreement: np.ndarray  # chance that two professionals decide differently about one household
    n_households: int

    @property
    def wrong(self) -> np.ndarray:
        return self.missed + self.needless

    def at(self, i: int) -> dict:
        return {"share": float(self.shares[i]), "helped": float(self.helped[i]), "missed": float(self.missed[i]),
                "needless": float(self.needless[i]), "unequal": int(self.unequal[i]),
                "pair_disagreement": float(self.pair_disagreement[i]), "in_need": self.in_need,
                "n_households": self.n_households}


def sweep(p: RoomParams, shares: Iterable[float] | float | None = None) -> Outcome:
    """The outcome at every room share (default: 0, 0.05, ..., 1) with the same draws."""
    s = default_shares() if shares is None else np.atleast_1d(np.asarray(shares, float))
    d = draws(p)
    help_ = decisions(p, s, d)                                            # (S, k, n)
    z, _ = thresholds(p)
    need = d.need > z
    k = help_.shape[1]
    helped_by = help_.sum(axis=1)                                         # (S, n) professionals helping
    pairs = k * (k - 1) / 2
    return Outcome(
        shares=s,
        in_need=int(need.sum()),
        helped=help_.sum(axis=2).mean(axis=1),
        missed=(~help_ & need).sum(axis=2).mean(axis=1),
        needless=(help_ & ~need).sum(axis=2).mean(axis=1),
        unequal=((helped_by > 0) & (helped_by < k)).sum(axis=1),
        pair_disagreement=(helped_by * (k - helped_by) / pairs).mean(axis=1),
        n_households=int(d.need.size),
    )


def outcome(p: RoomParams) -> dict:
    """The outcome at ``p.room_share`` as a dict of plain numbers."""
    return sweep(p, [p.room_share]).at(0)


def sheppard_disagreement(r: float) -> float:
    """Sheppard (1899): chance that two standard-normal variables with correlation ``r`` differ in sign."""
    return math.acos(max(-1.0, min(1.0, r))) / math.pi
