"""Does giving trust generate trust? A repeated investment game with learning on both sides.

The model behind notebook 05 (Social Innovation Meetup 2013). The report of the meetup gives
"vertrouwen geven genereert vertrouwen" as the reason for one action some in the room planned; the
notebook reads it as the evening's conclusion. This model lets a student see *when* that holds and
when giving trust is exploited.

The one-shot game (Berg, Dickhaut & McCabe 1995)
------------------------------------------------
An investor has an endowment ``E`` and sends an amount ``s`` (0 <= s <= E) to a trustee; the amount
is multiplied by ``m`` (3 in the original experiment); the trustee returns ``y`` (0 <= y <= m*s).
Payoffs: investor ``E - s + y``, trustee ``m*s - y``. A purely selfish trustee returns nothing
whatever it received, so a purely selfish investor who foresees this sends nothing: the
subgame-perfect equilibrium is (send 0, return 0), although both could be better off with trust.
:func:`selfish_equilibrium` computes this by backward induction on a grid (no constant is
hard-wired), and a test checks it.

The repeated game, in words
---------------------------
One *giver* (a municipality, a leader, an organisation) plays with ``groups`` groups of residents
for ``rounds`` rounds. The giver cannot tell the groups apart beforehand and entrusts the same
share ``x_t`` of its budget to each (one policy for everyone).

* A fixed number ``round(takers% * groups)`` of groups are *takers*: they return nothing, ever.
* The other groups *reciprocate*: they return a share ``r_t`` (plus a little noise per group and
  round, ``noise``) of the grown amount ``m * x_t * E``.
* **The giver learns from what came back.** With ``rho_t`` = returned / sent (what came back per
  euro sent), the giver's trust moves by ``learning_rate * (rho_t - 1)``: up when giving paid off
  (rho > 1), down when it did not. A disappointment weighs ``loss_weight`` times as heavily.
  A giver who sends nothing learns nothing: trust 0 stays 0 (someone has to begin).
* **The residents learn from the trust they receive.** Their share ``r_t`` moves, at rate
  ``resident_learning``, towards ``max_return * ((1 - reciprocity) + reciprocity * x_t)``: with
  ``reciprocity`` = 1 they return more the more they are trusted (trust answered with trust), with
  0 their return does not depend on the trust they get. A move down again weighs ``loss_weight``
  times as heavily.

All shares are given in percent to the parameters (as the sliders show them) and are fractions
inside the model.

What follows (nothing here is tuned to make trust win)
------------------------------------------------------
Without noise, a state of full trust can last only if giving pays at full trust:
``(1 - takers) * m * max_return > 1`` (:func:`spiral_possible`). Below that, giving is exploited
and trust collapses from any start. Above it there are two stable outcomes, full trust and no
trust, separated by a tipping point: the giver's trust grows only while the residents return more
than ``1 / ((1 - takers) * m)`` of what they receive (:func:`tipping_return`). With
reciprocity, that return depends on how much trust they got, so a giver who *starts* with enough
trust can pull the residents over the tipping point, and a cautious giver can push them under it.
With no learning at all (both rates 0) nothing moves; with no growth (m = 1) giving can never pay.

A second view (:func:`breach_pair`) lets the giver break trust in one round: the residents'
share drops by ``breach_size`` percent. When the giver admits it, the drop is
``admit_effect`` percent smaller. The size of that effect is an assumption, not a finding.

Public API
----------
``TrustParams``, ``BreachParams``  the assumptions, each with default, unit, range and doc.
``parameter_specs()``, ``breach_specs()``  metadata per parameter (for sliders).
``simulate(params)``         one run: a :class:`TrustRun` with arrays per round.
``simulate_seeds(params, seeds)``  the same for several seeds at once (vectorised).
``breach_pair(params, b)``   the same run with a breach, without and with admitting it.
``learn(current, target, rate, loss_weight)``  one learning step (reusable by other lessons).
``spiral_possible(params)``, ``tipping_return(params)``, ``tipping_trust(params)``.
``selfish_equilibrium(multiplier, endowment, steps)``  backward induction of the one-shot game.
``outcome(run)``             "spiral" | "collapse" | "undecided".
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .params import Param, param, specs

__all__ = [
    "ENDOWMENT",
    "BreachParams",
    "TrustParams",
    "TrustRun",
    "BreachPair",
    "breach_pair",
    "breach_specs",
    "learn",
    "outcome",
    "parameter_specs",
    "selfish_equilibrium",
    "simulate",
    "simulate_seeds",
    "spiral_possible",
    "tipping_return",
    "tipping_trust",
    "HIGH",
    "LOW",
]

#: The budget per group and round (as in the original experiment: 10 dollars).
ENDOWMENT = 10.0
#: Final trust at or above HIGH counts as a spiral of trust; at or below LOW as a collapse.
HIGH, LOW = 0.8, 0.05


@dataclass(frozen=True)
class TrustParams:
    """All assumptions of the repeated investment game. Every field is a slider candidate."""

    start_trust: int = param(50, "% of budget", 0, 100, 5,
                             "Share of its budget the giver entrusts to each group in the first round.")
    multiplier: float = param(3.0, "x", 1.0, 5.0, 0.1,
                              "What an entrusted euro becomes in the residents' hands (3 in Berg et al. 1995).")
    takers: int = param(10, "% of groups", 0, 100, 5,
                        "Share of groups that return nothing, whatever they receive.")
    learning_rate: float = param(0.3, "per round", 0.0, 1.0, 0.05,
                                 "How strongly the giver adjusts its trust to what came back per euro.")
    resident_start: int = param(40, "% returned", 0, 100, 5,
                                "Share of the grown amount the reciprocating groups return in the first round.")
    max_return: int = param(50, "% returned", 0, 100, 5,
                            "Share the reciprocating groups return when they are fully trusted.")
    reciprocity: float = param(0.8, "0-1", 0.0, 1.0, 0.05,
                               "How much the residents' return depends on the trust they receive (0: not at all).")
    resident_learning: float = param(0.3, "per round", 0.0, 1.0, 0.05,
                                     "How quickly the residents' return follows the trust they receive.")
    loss_weight: float = param(2.0, "x", 1.0, 5.0, 0.5,
                               "How many times more a disappointment weighs than a good experience.")
    noise: float = param(0.1, "sd of return share", 0.0, 0.5, 0.05,
                         "Chance: per group and round the returned share varies by this much.")
    groups: int = param(20, "groups", 2, 100, 1, "Number of groups of residents.")
    rounds: int = param(30, "rounds", 5, 60, 1, "Number of rounds played.")
    seed: int = param(1, "seed", 0, 10_000, 1, "Seed of the random draws.")

    def replace(self, **changes) -> "TrustParams":
        return replace(self, **changes)


@dataclass(frozen=True)
class BreachParams:
    """The breach of trust in the second view."""

    breach_round: int = param(10, "round", 1, 60, 1, "Round (counted from 1) in which the giver breaks trust.")
    breach_size: int = param(60, "% of the residents' return share", 0, 100, 5,
                             "How much the residents' return share drops after the breach.")
    admit_effect: int = param(50, "% of the drop", 0, 100, 5,
                              "How much smaller the drop is when the giver admits the breach (an assumption).")

    def replace(self, **changes) -> "BreachParams":
        return replace(self, **changes)


def parameter_specs() -> dict[str, Param]:
    """Metadata (default, unit, slider range, step, scale, doc) of every :class:`TrustParams` field."""
    return specs(TrustParams)


def breach_specs() -> dict[str, Param]:
    return specs(BreachParams)


# ---------------------------------------------------------------- learning
def learn(current, target, rate: float, loss_weight: float = 1.0):
    """One learning step from ``current`` towards ``target`` (scalars or arrays), clipped to [0, 1].

    ``current + rate * (target - current)``; a step down (a disappointment) is ``loss_weight``
    times as large, so that trust is lost faster than it is gained (Slovic's asymmetry principle,
    as a direction; the factor is an assumption). ``rate`` 0 keeps ``current``.
    """
    current = np.asarray(current, float)
    step = np.asarray(target, float) - current
    weight = np.where(step < 0, loss_weight, 1.0)
    return np.clip(current + rate * weight * step, 0.0, 1.0)


# ---------------------------------------------------------------- the one-shot game
@dataclass(frozen=True)
class Equilibrium:
    sent: float
    returned: float
    investor: float
    trustee: float


def selfish_equilibrium(multiplier: float = 3.0, endowment: float = ENDOWMENT, steps: int = 101) -> Equilibrium:
    """The subgame-perfect equilibrium for purely selfish players, by backward induction on a grid.

    For every amount the investor might send, the trustee picks the return (on a grid of ``steps``
    shares of what it holds) that maximises its own payoff; the investor then picks the amount that
    maximises its payoff given those replies. Ties go to the smallest amount.
    """
    sends = np.linspace(0.0, endowment, steps)
    shares = np.linspace(0.0, 1.0, steps)
    held = multiplier * sends[:, None]                       # (send, share)
    returned = shares[None, :] * held
    trustee = held - returned
    best_share = np.argmax(trustee, axis=1)                  # first maximum: the smallest return
    reply = returned[np.arange(steps), best_share]
    investor = endowment - sends + reply
    i = int(np.argmax(investor))
    return Equilibrium(sent=float(sends[i]), returned=float(reply[i]), investor=float(investor[i]),
                       trustee=float(multiplier * sends[i] - reply[i]))


# ---------------------------------------------------------------- thresholds
def _fraction(percent: float) -> float:
    return float(percent) / 100.0


def _reciprocators(p: TrustParams) -> float:
    """The share of groups that reciprocate, as the model counts them (a whole number of groups)."""
    n = int(p.groups)
    return (n - int(round(_fraction(p.takers) * n))) / n


def spiral_possible(p: TrustParams) -> bool:
    """Whether full trust can pay for the giver: (1 - takers) * multiplier * max_return > 1 (no noise)."""
    return _reciprocators(p) * p.multiplier * _fraction(p.max_return) > 1.0


def tipping_return(p: TrustParams) -> float:
    """The return share above which the giver's trust grows: 1 / ((1 - takers) * multiplier) (inf: never)."""
    gain = _reciprocators(p) * p.multiplier
    return float("inf") if gain <= 0 else 1.0 / gain


def tipping_trust(p: TrustParams) -> float:
    """The giver's trust at the tipping point when the residents fully follow the trust they get.

    Where the residents' target return equals :func:`tipping_return`:
    ``max_return * (1 - reciprocity + reciprocity * x) = tipping_return``. ``nan`` when no such x in
    [0, 1] exists (then the start of the giver alone does not decide).
    """
    h, s, r = _fraction(p.max_return), float(p.reciprocity), tipping_return(p)
    if not np.isfinite(r) or h <= 0 or s <= 0:
        return float("nan")
    x = (r / h - (1.0 - s)) / s
    return float(x) if 0.0 <= x <= 1.0 else float("nan")


# ---------------------------------------------------------------- a run
@dataclass(frozen=True)
class TrustRun:
    """One run: arrays of length ``rounds + 1`` (the state before each round and after the last)."""

    params: TrustParams
    trust: np.ndarray            # giver's trust x_t (fraction of budget entrusted)
    return_share: np.ndarray     # reciprocating residents' return share r_t
    back_per_euro: np.ndarray    # rho_t: returned / sent in round t (nan when nothing was sent); length rounds
    giver_gain: np.ndarray       # giver's payoff per group minus the endowment, per round
    residents_gain: np.ndarray   # residents' payoff per group, per round
    breach_round: int | None = None

    @property
    def final_trust(self) -> float:
        return float(self.trust[-1])

    @property
    def total_value(self) -> float:
        """What all rounds together created per group beyond the endowment: (m - 1) * sent, summed."""
        return float(np.sum(self.giver_gain + self.residents_gain))


def _play(p: TrustParams, seeds, drops=None, at: int | None = None):
    """The game for several rows at once: one row per (seed, drop); arrays with one row each.

    ``drops[i]``: the share by which row ``i``'s return share drops in round ``at`` (0-based; 0: no breach).
    """
    rounds, n = int(p.rounds), int(p.groups)
    if rounds < 1 or n < 1:
        raise ValueError("rounds and groups must be at least 1")
    m, a, b, k = float(p.multiplier), float(p.learning_rate), float(p.resident_learning), float(p.loss_weight)
    h, s = _fraction(p.max_return), float(p.reciprocity)
    n_takers = int(round(_fraction(p.takers) * n))
    seeds = [int(x) for x in seeds]
    size = len(seeds)
    # noise per seed, round and group (the first n_takers groups are the takers and return nothing);
    # the same draws with or without a breach
    draws = {x: np.random.default_rng(x).standard_normal((rounds, n))[:, n_takers:] for x in set(seeds)}
    eps = np.stack([draws[x] for x in seeds]) * float(p.noise)
    keep = np.ones(size) if drops is None else 1.0 - np.asarray(drops, float)
    x = np.empty((size, rounds + 1))
    r = np.empty((size, rounds + 1))
    rho = np.full((size, rounds), np.nan)
    giver = np.zeros((size, rounds))
    x[:, 0] = min(max(_fraction(p.start_trust), 0.0), 1.0)
    r[:, 0] = min(max(_fraction(p.resident_start), 0.0), 1.0)
    for t in range(rounds):
        xt, rt = x[:, t], r[:, t]
        if t == at:
            rt = rt * keep
        sent = xt * ENDOWMENT
        shares = np.minimum(np.maximum(rt[:, None] + eps[:, t, :], 0.0), 1.0).sum(axis=1) / n  # mean over all groups
        back = shares * m * sent                              # mean returned per group
        giver[:, t] = back - sent
        gave = sent > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = back / sent
        rho[:, t] = np.where(gave, ratio, np.nan)
        step = np.where(gave, ratio - 1.0, 0.0)               # nothing given, nothing learned
        x[:, t + 1] = np.minimum(np.maximum(xt + a * np.where(step < 0, k, 1.0) * step, 0.0), 1.0)
        r[:, t + 1] = learn(rt, h * ((1.0 - s) + s * xt), b, k)
    residents = (m - 1.0) * x[:, :-1] * ENDOWMENT - giver
    return x, r, rho, giver, residents


def _at(breach: BreachParams | None) -> int | None:
    """The 0-based round of the breach (the parameter counts rounds from 1)."""
    return None if breach is None else int(breach.breach_round) - 1


def _drop(breach: BreachParams | None, admit: bool) -> float:
    if breach is None:
        return 0.0
    return _fraction(breach.breach_size) * (1.0 - (_fraction(breach.admit_effect) if admit else 0.0))


def simulate(p: TrustParams | None = None, breach: BreachParams | None = None, admit: bool = False) -> TrustRun:
    """Play ``p.rounds`` rounds (see the module docstring); optionally with a breach of trust.

    Deterministic for a given ``p.seed``; the noise draws do not depend on the breach or on
    admitting it, so a breach pair differs only by the breach.
    """
    p = p or TrustParams()
    x, r, rho, giver, residents = _play(p, [p.seed], [_drop(breach, admit)], _at(breach))
    return TrustRun(p, x[0], r[0], rho[0], giver[0], residents[0], None if breach is None else int(breach.breach_round))


def simulate_seeds(p: TrustParams, seeds, breach: BreachParams | None = None, admit: bool = False) -> list[TrustRun]:
    """The same game for several seeds in one vectorised pass (each run equals ``simulate`` with that seed)."""
    seeds = list(seeds)
    x, r, rho, giver, residents = _play(p, seeds, [_drop(breach, admit)] * len(seeds), _at(breach))
    at = None if breach is None else int(breach.breach_round)
    return [TrustRun(p.replace(seed=int(sd)), x[i], r[i], rho[i], giver[i], residents[i], at)
            for i, sd in enumerate(seeds)]


@dataclass(frozen=True)
class BreachPair:
    without: TrustRun    # the breach, not admitted
    admitted: TrustRun   # the same breach, admitted
    baseline: TrustRun   # no breach at all


def breach_pair(p: TrustParams | None = None, b: BreachParams | None = None) -> BreachPair:
    """The same run three times: without a breach, with a breach, and with a breach that is admitted."""
    p, b = p or TrustParams(), b or BreachParams()
    if int(b.breach_round) > int(p.rounds):
        b = b.replace(breach_round=int(p.rounds))
    x, r, rho, giver, residents = _play(p, [p.seed] * 3, [_drop(b, False), _drop(b, True), 0.0], _at(b))
    at = int(b.breach_round)
    runs = [TrustRun(p, x[i], r[i], rho[i], giver[i], residents[i], at if i < 2 else None) for i in range(3)]
    return BreachPair(without=runs[0], admitted=runs[1], baseline=runs[2])


def outcome(run: TrustRun) -> str:
    """``"spiral"`` (final trust >= HIGH), ``"collapse"`` (<= LOW) or ``"undecided"``."""
    x = run.final_trust
    return "spiral" if x >= HIGH else "collapse" if x <= LOW else "undecided"
