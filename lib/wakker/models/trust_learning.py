"""Trust learned from experience: the beta reputation model with two additions (notebook 08).

De Brabander & Hooghiemstra (2021) call trust in each other a learning process. Here one party's
trust in another is learned from a sequence of experiences, good or bad.

The base is the beta reputation system (Jøsang & Ismail 2002): after ``r`` good and ``s`` bad
experiences the expected trustworthiness of the other is ``(r + 1) / (r + s + 2)`` (Bayesian updating
of a Beta(1, 1) prior). Two additions, each a choice the student sets, not a measured fact:

* **Asymmetry** (after Slovic 1993: negative events weigh more than positive ones): a bad
  experience adds ``negative_weight`` to ``s`` instead of 1.
* **Forgetting**: before each new experience the old counts are multiplied by ``memory``
  (1 = nothing is forgotten; 0.9 = an experience counts 10 % less after every later one).

``prior_good`` and ``prior_bad`` are earlier experiences the party brings along (e.g. a citizen
who starts from distrust). With ``negative_weight = 1`` and ``memory = 1`` the model *is* the beta
expectation: :func:`trust_path` equals ``(r + prior_good + 1) / (r + s + prior_good + prior_bad + 2)``
after every step (a test checks it exactly).

Two parties (:func:`compare_governments`): a government meets a citizen ``n_encounters`` times. In each
encounter the government shows trust when its learned trust in the citizen is at least
``threshold``, and controls otherwise. The citizen experiences an encounter as good with chance
``good_when_trusted`` or ``good_when_controlled``; the citizen does as agreed with chance
``citizen_reliability`` (the government learns from that, whether it trusted or controlled); a
citizen who does not, while trusted, is *misuse found out only afterwards* ("misbruik dat pas achteraf
bleek"): the government always learns afterwards whether the agreement was kept, trusted or not, and
learns from it just as much; control only sees it in time. A control-first government
starts with ``start_weight`` bad earlier experiences of citizens, a trust-first one with as many good
ones; both meet the same citizen with the same chance draws. Whether trust-first does better follows
from the two chances the student sets: with ``good_when_controlled == good_when_trusted`` the
citizen's trust does not depend on how the government starts.

**Reciprocity** (our assumption, off by default): with ``reciprocity = k > 0`` the chance that the citizen
keeps the agreement in encounter ``t`` is ``clip(citizen_reliability + k * (c_t - 0.5), 0, 1)``, where
``c_t`` is the citizen's learned trust in *this* government before the encounter. A citizen at the neutral
0.5 keeps agreements with ``citizen_reliability``; one who trusts more keeps them more often, one who
trusts less, less often; the largest shift is ``k / 2`` either way. This closes the loop of two parties
learning from each other: how the government acts -> how the citizen experiences it -> the citizen's trust
-> whether the citizen keeps agreements -> the government's trust -> how the government acts. It is one
road only (through learned trust; no deterrence by control, no defiance, no direct reaction to being
trusted). The same uniform draw decides "kept" for both governments, so in every encounter the citizen
who trusts a government more keeps the agreement with it at least as often (a coupling the tests use).
With ``k = 0`` the chance is ``citizen_reliability`` exactly and every path is what it was before this
parameter existed. With ``good_when_controlled == good_when_trusted`` the citizen's trust is the same
under both governments, so its behaviour is too, whatever ``k``: the governments then differ only by
their start.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from .params import Param, param, specs

__all__ = ["GovernmentParams", "LearningParams", "beta_expectation", "compare_governments", "long_run_trust",
           "parameter_specs", "government_specs", "keep_chance", "random_experiences", "trust_path",
           "Governments"]


def beta_expectation(r: float, s: float) -> float:
    """Expected trustworthiness after ``r`` good and ``s`` bad experiences (Jøsang & Ismail 2002)."""
    return (r + 1.0) / (r + s + 2.0)


def _check(obj, spec_map: dict[str, Param]) -> None:
    for name, spec in spec_map.items():
        value = getattr(obj, name)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number")
        if not spec.low <= value <= spec.high:
            raise ValueError(f"{name}={value} is outside [{spec.low}, {spec.high}]")
        if spec.is_int and int(value) != value:
            raise ValueError(f"{name} must be a whole number")


@dataclass(frozen=True)
class LearningParams:
    """How one party learns trust from its experiences."""

    negative_weight: float = param(1.0, "x a good experience", 1.0, 5.0, 0.5,
                                   "How much one bad experience weighs against one good one (Slovic's asymmetry).")
    memory: float = param(1.0, "weight kept per encounter", 0.7, 1.0, 0.01,
                          "Factor applied to the old counts before each new experience; 1 = nothing forgotten.")
    prior_bad: int = param(0, "experiences", 0, 10, 1, "Bad earlier experiences the party starts with.")
    prior_good: int = param(0, "experiences", 0, 10, 1, "Good earlier experiences the party starts with.")
    reliability: float = param(0.8, "share of encounters", 0.0, 1.0, 0.05,
                               "For random encounters: the chance that the other behaves well.")

    def __post_init__(self) -> None:
        _check(self, parameter_specs())

    def replace(self, **changes) -> "LearningParams":
        return replace(self, **changes)


def parameter_specs() -> dict[str, Param]:
    return specs(LearningParams)


def trust_path(experiences: Sequence[bool] | np.ndarray, p: LearningParams | None = None) -> np.ndarray:
    """Expected trust before the first and after every experience (length ``len(experiences) + 1``).

    ``experiences``: True = good, False = bad, in order.
    """
    p = LearningParams() if p is None else p
    x = np.asarray(experiences, dtype=bool).ravel()
    lam, w = float(p.memory), float(p.negative_weight)
    good = x.astype(float)
    bad = (~x).astype(float) * w
    r = np.empty(x.size + 1)
    s = np.empty(x.size + 1)
    r[0], s[0] = float(p.prior_good), float(p.prior_bad)
    if lam == 1.0:
        r[1:] = r[0] + np.cumsum(good)
        s[1:] = s[0] + np.cumsum(bad)
    else:
        # r_t = lam^t r_0 + sum_i lam^(t-i) g_i: a discounted cumulative sum, computed in one pass
        for t in range(x.size):
            r[t + 1] = lam * r[t] + good[t]
            s[t + 1] = lam * s[t] + bad[t]
    return (r + 1.0) / (r + s + 2.0)


def random_experiences(n: int, reliability: float, seed: int = 1) -> np.ndarray:
    """``n`` experiences with another party that behaves well with chance ``reliability``."""
    return np.random.default_rng(int(seed)).random(int(n)) < float(reliability)


def long_run_trust(reliability: float, negative_weight: float) -> float:
    """Where trust settles after very many experiences without forgetting: p / (p + w (1 - p))."""
    p, w = float(reliability), float(negative_weight)
    return p / (p + w * (1 - p)) if p + w * (1 - p) > 0 else 0.5


# ---------------------------------------------------------------- two parties: a government and a citizen
@dataclass(frozen=True)
class GovernmentParams:
    """A control-first and a trust-first government, each meeting the same citizen."""

    good_when_controlled: float = param(0.4, "chance", 0.0, 1.0, 0.05,
                                        "Chance that the citizen experiences an encounter as good when controlled.")
    good_when_trusted: float = param(0.8, "chance", 0.0, 1.0, 0.05,
                                     "Chance that the citizen experiences an encounter as good when trusted.")
    citizen_reliability: float = param(0.85, "chance", 0.0, 1.0, 0.05,
                                       "Chance that the citizen does as agreed in an encounter (at neutral trust "
                                       "0.5 when reciprocity > 0).")
    reciprocity: float = param(0.0, "chance per unit of trust", 0.0, 0.5, 0.05,
                               "How much the chance of doing as agreed rises with the citizen's own trust in the "
                               "government: + reciprocity x (trust - 0.5), clipped to [0, 1]. 0 = behaviour does not "
                               "depend on trust.")
    negative_weight: float = param(1.0, "x a good experience", 1.0, 5.0, 0.5,
                                   "How much a bad experience weighs, for both parties.")
    memory: float = param(1.0, "weight kept per encounter", 0.7, 1.0, 0.01,
                          "Factor applied to old experiences before each new one, for both parties.")
    citizen_prior_bad: int = param(3, "experiences", 0, 10, 1,
                                   "Bad earlier experiences with government the citizen starts with.")
    start_weight: int = param(3, "experiences", 0, 10, 1,
                              "Earlier experiences behind each government's starting view (bad: control-first; "
                              "good: trust-first).")
    threshold: float = param(0.5, "trust", 0.05, 0.95, 0.05, "Trust from which a government shows trust.")
    n_encounters: int = param(30, "encounters", 5, 100, 1, "Number of encounters.")
    seed: int = param(1, "seed", 1, 50, 1, "Seed of the chance draws (shared by both governments).")

    def __post_init__(self) -> None:
        _check(self, government_specs())

    def replace(self, **changes) -> "GovernmentParams":
        return replace(self, **changes)


def government_specs() -> dict[str, Param]:
    return specs(GovernmentParams)


@dataclass(frozen=True)
class Governments:
    """Paths (length n + 1: before the first and after every encounter) and counts, per government.

    Keys of every mapping: ``"control"`` (control-first) and ``"trust"`` (trust-first).
    """

    citizen_trust: dict      # the citizen's trust in the government
    government_trust: dict   # the government's trust in the citizen
    trusted: dict            # bool per encounter: did the government show trust?
    citizen_good: dict       # bool per encounter: did the citizen experience it as good?
    misuse: dict             # number of encounters in which a trusted citizen did not do as agreed
    kept: dict               # bool per encounter: did the citizen do as agreed?
    n_encounters: int


def keep_chance(p: GovernmentParams, citizen_trust: float) -> float:
    """Chance that the citizen does as agreed, given the citizen's current trust in the government.

    ``citizen_reliability + reciprocity * (citizen_trust - 0.5)``, clipped to [0, 1]; with ``reciprocity == 0``
    exactly ``citizen_reliability`` (the model as it was before reciprocity existed).
    """
    base, k = float(p.citizen_reliability), float(p.reciprocity)
    if k == 0.0:
        return base
    return min(1.0, max(0.0, base + k * (float(citizen_trust) - 0.5)))


def _run(p: GovernmentParams, prior_good: float, prior_bad: float, u: np.ndarray, v: np.ndarray):
    n, lam, w = int(p.n_encounters), float(p.memory), float(p.negative_weight)
    gr, gs = float(prior_good), float(prior_bad)      # government's counts about the citizen
    cr, cs = 0.0, float(p.citizen_prior_bad)          # citizen's counts about the government
    g_path, c_path = np.empty(n + 1), np.empty(n + 1)
    trusted, good, kept = np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, bool)
    g_path[0], c_path[0] = beta_expectation(gr, gs), beta_expectation(cr, cs)
    misuse = 0
    for t in range(n):
        trusted[t] = g_path[t] >= float(p.threshold) - 1e-12
        good[t] = u[t] < (float(p.good_when_trusted) if trusted[t] else float(p.good_when_controlled))
        # the citizen's behaviour: fixed (reciprocity 0) or following the citizen's trust before this encounter
        keeps = kept[t] = bool(v[t] < keep_chance(p, c_path[t]))
        misuse += int(trusted[t] and not keeps)
        cr, cs = lam * cr + good[t], lam * cs + (0.0 if good[t] else w)
        gr, gs = lam * gr + keeps, lam * gs + (0.0 if keeps else w)
        g_path[t + 1], c_path[t + 1] = beta_expectation(gr, gs), beta_expectation(cr, cs)
    return c_path, g_path, trusted, good, misuse, kept


def compare_governments(p: GovernmentParams | None = None) -> Governments:
    """A control-first and a trust-first government over the same chance draws."""
    p = GovernmentParams() if p is None else p
    rng = np.random.default_rng(int(p.seed))
    u = rng.random(int(p.n_encounters))  # the citizen's experience of each encounter
    v = rng.random(int(p.n_encounters))  # whether the citizen does as agreed
    out = {"control": _run(p, 0, p.start_weight, u, v), "trust": _run(p, p.start_weight, 0, u, v)}
    return Governments(
        citizen_trust={k: o[0] for k, o in out.items()},
        government_trust={k: o[1] for k, o in out.items()},
        trusted={k: o[2] for k, o in out.items()},
        citizen_good={k: o[3] for k, o in out.items()},
        misuse={k: o[4] for k, o in out.items()},
        kept={k: o[5] for k, o in out.items()},
        n_encounters=int(p.n_encounters),
    )
