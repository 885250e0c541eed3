"""Iterated prisoner's dilemma: strategies, matches, tournaments and evolution.

This is the model layer behind the trust notebooks; it contains no widget code.
Everything is plain numpy and is deterministic for a given ``seed``. The tables
(``to_frame``, ``matrix``, ``totals``, ``ranking``, :func:`evolve`, :func:`replicator`)
are pandas DataFrames, built on request: pandas is imported only there, so a
notebook that uses the arrays (``ids``, ``mean``, ``order``, ``ranks``, a
:class:`History`'s ``values``) never loads it.

Moves are ``"C"`` (cooperate) and ``"D"`` (defect).  Internally a move is a
0/1 integer with ``D == 1``, and the outcome of a round from one player's point
of view is the index ``k = 2 * own + opponent``: CC = 0, CD = 1, DC = 2, DD = 3.

Strategies are finite-state machines: a tuple of cooperation probabilities (one
per state) and, per state, the next state for each of the four outcomes.  That
covers every classic character (tit for tat, grudger, detective, ...) as well as
every memory-one strategy, and it lets a whole round robin run as a handful of
table lookups on arrays shaped ``(pairs * repetitions,)``.

Mistakes (``noise``): each move is flipped with probability ``noise`` after the
player chose it; both players see, remember and are scored on the flipped move.

Invalid input is reported as structured :class:`Problem` values (a code, what it is about and
the numbers involved); a lesson turns them into words for its students. The model reads no
files and writes no HTML.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace as _dc_replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence, Union

import numpy as np

if TYPE_CHECKING:  # pandas only where a table is asked for (about 0.15 s of a kernel's start)
    import pandas as pd

__all__ = [
    "OUTCOMES",
    "Problem",
    "Payoffs",
    "AXELROD",
    "CASE",
    "PRISON_YEARS",
    "years_to_payoffs",
    "dominance",
    "dominant_choice",
    "Strategy",
    "memory_one",
    "design_problems",
    "from_design",
    "STRATEGIES",
    "ALIASES",
    "CLASSICS",
    "get_strategy",
    "next_cooperation",
    "MatchResult",
    "match",
    "TournamentResult",
    "tournament",
    "History",
    "evolve",
    "evolve_history",
    "replicator",
    "replicator_history",
]

OUTCOMES = ("CC", "CD", "DC", "DD")  # own move first


def _fmt(x: float) -> str:
    return f"{x:g}"


# --------------------------------------------------------------------------
# Payoffs
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Payoffs:
    """Payoffs of one round for the row player.

    R: reward (both cooperate), S: sucker (I cooperate, you defect),
    T: temptation (I defect, you cooperate), P: punishment (both defect).
    """

    R: float
    S: float
    T: float
    P: float

    def problems(self) -> list[Problem]:
        """Why these payoffs are not a prisoner's dilemma; an empty list if they are one.

        A proper iterated prisoner's dilemma has T > R > P > S and 2R > T + S. Codes:
        ``"not_finite"`` (``subject`` names the payoff), ``"T>R"``, ``"R>P"``, ``"P>S"`` and
        ``"2R>T+S"`` (``values``: the two compared quantities, left then right).
        """
        bad = [k for k in ("R", "S", "T", "P") if not _is_number(getattr(self, k))]
        if bad:
            return [Problem("not_finite", k, ((k, getattr(self, k)),)) for k in bad]
        R, S, T, P = self.R, self.S, self.T, self.P
        checks = (
            ("T>R", ("T", T), ("R", R)),
            ("R>P", ("R", R), ("P", P)),
            ("P>S", ("P", P), ("S", S)),
            ("2R>T+S", ("2R", 2 * R), ("T + S", T + S)),
        )
        return [Problem(code, code, (left, right)) for code, left, right in checks if not left[1] > right[1]]

    @property
    def is_pd(self) -> bool:
        """True if :meth:`problems` is empty."""
        return not self.problems()

    def require_pd(self) -> "Payoffs":
        """Return self, or raise ValueError listing the problems if this is not a PD."""
        problems = self.problems()
        if problems:
            raise ValueError("not a prisoner's dilemma: " + "; ".join(map(str, problems)))
        return self

    def matrix(self) -> np.ndarray:
        """2x2 array of the row player's payoff, index 0 = C, 1 = D: [[R, S], [T, P]]."""
        return np.array([[self.R, self.S], [self.T, self.P]], dtype=float)

    def generosity(self) -> float:
        """Cooperation probability of generous tit for tat after an opponent's D.

        p = min(1 - (T - R) / (R - S), (R - P) / (T - P)), clipped to [0, 1].
        """
        if not (self.R > self.S and self.T > self.P):
            raise ValueError("generous tit for tat needs R > S and T > P")
        p = min(1 - (self.T - self.R) / (self.R - self.S), (self.R - self.P) / (self.T - self.P))
        return float(min(1.0, max(0.0, p)))

    def _row(self) -> np.ndarray:
        """Row player's payoff per outcome index (CC, CD, DC, DD)."""
        return np.array([self.R, self.S, self.T, self.P], dtype=float)

    def _col(self) -> np.ndarray:
        """Column player's payoff per outcome index (seen from the row player)."""
        return np.array([self.R, self.T, self.S, self.P], dtype=float)


@dataclass(frozen=True)
class Problem:
    """One structured reason why an input is not valid; a lesson puts it into words.

    code: the rule that fails (see :meth:`Payoffs.problems` and :func:`design_problems`);
    subject: what it is about (a payoff letter, a rule, a field of a design);
    values: the quantities involved as (name, value) pairs, in the order of the rule.
    """

    code: str
    subject: str = ""
    values: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        if self.code in ("T>R", "R>P", "P>S", "2R>T+S"):
            (a, x), (b, y) = self.values
            return f"{a} must be greater than {b} ({a} = {_fmt(x)}, {b} = {_fmt(y)})"
        shown = ", ".join(f"{k} = {v!r}" for k, v in self.values)
        return f"{self.code}: {self.subject}" + (f" ({shown})" if shown else "")


def _is_number(x) -> bool:
    """A finite real number (a Python int too large for a float is not: it cannot be played with)."""
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        return False
    try:
        return math.isfinite(x)
    except OverflowError:
        return False


#: Axelrod's tournament payoffs.
AXELROD = Payoffs(R=3, S=0, T=5, P=1)
#: Nicky Case's "The Evolution of Trust" payoffs.
CASE = Payoffs(R=2, S=-1, T=3, P=0)

PayoffsLike = Union[Payoffs, Mapping[str, float]]


def _payoffs(payoffs: PayoffsLike, require_pd: bool) -> Payoffs:
    if not isinstance(payoffs, Payoffs):
        try:
            payoffs = Payoffs(**{k: payoffs[k] for k in ("R", "S", "T", "P")})
        except (KeyError, TypeError) as exc:
            raise ValueError("payoffs must be a Payoffs or a mapping with keys R, S, T, P") from exc
    if require_pd:
        payoffs.require_pd()
    else:
        bad = [k for k in ("R", "S", "T", "P") if not _is_number(getattr(payoffs, k))]
        if bad:
            raise ValueError("payoffs must be finite numbers: " + ", ".join(bad))
    return payoffs


# --------------------------------------------------------------------------
# The one-shot "years in prison" game
# --------------------------------------------------------------------------

#: (choice of A, choice of B) -> (years for A, years for B).  "silent" is
#: cooperating with the other prisoner, "betray" is defecting.
PRISON_YEARS: dict[tuple[str, str], tuple[float, float]] = {
    ("silent", "silent"): (1, 1),
    ("silent", "betray"): (10, 0),
    ("betray", "silent"): (0, 10),
    ("betray", "betray"): (5, 5),
}
_CHOICES = ("silent", "betray")


def _check_years(years: Mapping[tuple[str, str], tuple[float, float]]) -> None:
    missing = [key for key in ((a, b) for a in _CHOICES for b in _CHOICES) if key not in years]
    if missing:
        raise ValueError(f"years table misses {missing}")


def years_to_payoffs(years: Mapping[tuple[str, str], tuple[float, float]] = PRISON_YEARS) -> Payoffs:
    """Payoffs for A when payoff = -years (silent = cooperate, betray = defect)."""
    _check_years(years)
    return Payoffs(
        R=-years[("silent", "silent")][0],
        S=-years[("silent", "betray")][0],
        T=-years[("betray", "silent")][0],
        P=-years[("betray", "betray")][0],
    )


def dominance(years: Mapping[tuple[str, str], tuple[float, float]] = PRISON_YEARS) -> dict[str, str | None]:
    """For each choice of B, the choice that gives A fewer years (None on a tie)."""
    _check_years(years)
    out: dict[str, str | None] = {}
    for b in _CHOICES:
        silent, betray = years[("silent", b)][0], years[("betray", b)][0]
        out[b] = None if silent == betray else ("silent" if silent < betray else "betray")
    return out


def dominant_choice(years: Mapping[tuple[str, str], tuple[float, float]] = PRISON_YEARS) -> str | None:
    """A's choice that is best whatever B does, or None if there is none."""
    best = set(dominance(years).values())
    return best.pop() if len(best) == 1 and None not in best else None


# --------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Strategy:
    """A strategy as a finite-state machine, starting in state 0.

    coop[s]: probability of cooperating in state s.
    transitions[s][k]: next state after outcome k (CC, CD, DC, DD; own move first).
    coop_for: optional function payoffs -> coop, for strategies whose
    probabilities depend on the payoffs in use (generous tit for tat).
    """

    id: str
    name: str
    coop: tuple[float, ...]
    transitions: tuple[tuple[int, int, int, int], ...]
    coop_for: Callable[[Payoffs], tuple[float, ...]] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id:
            raise ValueError("strategy id must be a non-empty string")
        n = len(self.coop)
        if n == 0 or len(self.transitions) != n:
            raise ValueError(f"{self.id}: need one transition row per state")
        for p in self.coop:
            if not (0.0 <= p <= 1.0):
                raise ValueError(f"{self.id}: cooperation probabilities must be in [0, 1]")
        for row in self.transitions:
            if len(row) != 4 or any(not (0 <= int(s) < n) for s in row):
                raise ValueError(f"{self.id}: transitions must be 4 valid state indices per state")

    @property
    def n_states(self) -> int:
        return len(self.coop)

    def cooperation(self, payoffs: Payoffs = AXELROD) -> np.ndarray:
        """Cooperation probability per state for the given payoffs."""
        coop = self.coop_for(payoffs) if self.coop_for is not None else self.coop
        return np.asarray(coop, dtype=float)

    def is_deterministic(self, payoffs: Payoffs = AXELROD) -> bool:
        c = self.cooperation(payoffs)
        return bool(np.all((c == 0.0) | (c == 1.0)))


def memory_one(
    first: float, cc: float, cd: float, dc: float, dd: float, *, id: str | None = None, name: str | None = None
) -> Strategy:
    """Memory-one strategy: P(C) in round 1, then P(C) after CC, CD, DC, DD (own move first)."""
    probs = tuple(float(p) for p in (first, cc, cd, dc, dd))
    if id is None:
        id = "memory_one(" + ", ".join(_fmt(p) for p in probs) + ")"
    return Strategy(id=id, name=name or id, coop=probs, transitions=((1, 2, 3, 4),) * 5)


def _tft_like(id: str, name: str, first: float, after_d: float = 0.0, coop_for=None) -> Strategy:
    # states: 0 start, 1 after opponent's C, 2 after opponent's D
    return Strategy(id, name, (first, 1.0, after_d), ((1, 2, 1, 2),) * 3, coop_for)


_ALWAYS = ((0, 0, 0, 0),)

STRATEGIES: dict[str, Strategy] = {
    s.id: s
    for s in (
        Strategy("always_cooperate", "Always cooperate", (1.0,), _ALWAYS),
        Strategy("always_defect", "Always defect", (0.0,), _ALWAYS),
        Strategy("tit_for_tat", "Tit for tat", (1.0, 0.0), ((0, 1, 0, 1),) * 2),
        # 0: nobody defected yet, 1: the opponent has defected at least once
        Strategy("grudger", "Grudger", (1.0, 0.0), ((0, 1, 0, 1), (1, 1, 1, 1))),
        # C, D, C, C; if the opponent defected in any of these 4 rounds: tit for
        # tat, else always defect.  States: 0 round 1; 1/2 round 2 (clean/seen a
        # D); 3/4 round 3; 5/6 round 4; 7/8 tit for tat (C/D); 9 always defect.
        # (Nicky Case's own code only looks at the opponent's moves in rounds
        # 1-3; this follows the stated rule.)
        Strategy(
            "detective",
            "Detective",
            (1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0),
            (
                (1, 2, 1, 2),
                (3, 4, 3, 4),
                (4, 4, 4, 4),
                (5, 6, 5, 6),
                (6, 6, 6, 6),
                (9, 8, 9, 8),
                (7, 8, 7, 8),
                (7, 8, 7, 8),
                (7, 8, 7, 8),
                (9, 9, 9, 9),
            ),
        ),
        # state = number of consecutive opponent defections, capped at 2
        Strategy(
            "tit_for_two_tats", "Tit for two tats", (1.0, 1.0, 0.0), ((0, 1, 0, 1), (0, 2, 0, 2), (0, 2, 0, 2))
        ),
        # state 0: play C (after CC or DD), state 1: play D (after CD or DC)
        Strategy("win_stay_lose_shift", "Win-stay lose-shift", (1.0, 0.0), ((0, 1, 1, 0),) * 2),
        Strategy("random", "Random", (0.5,), _ALWAYS),
        _tft_like(
            "generous_tit_for_tat",
            "Generous tit for tat",
            1.0,
            1 / 3,
            coop_for=lambda pay: (1.0, 1.0, pay.generosity()),
        ),
        _tft_like("suspicious_tit_for_tat", "Suspicious tit for tat", 0.0),
        # follows its own last (recorded) move: C -> D, D -> C
        Strategy("alternator", "Alternator", (1.0, 0.0), ((1, 1, 0, 0),) * 2),
    )
}

#: Alternative ids (Nicky Case's character names and common synonyms).
ALIASES: dict[str, str] = {
    "copycat": "tit_for_tat",
    "always_cheat": "always_defect",
    "copykitten": "tit_for_two_tats",
    "simpleton": "win_stay_lose_shift",
    "pavlov": "win_stay_lose_shift",
}

#: Nicky Case's eight characters (canonical ids).  Notebook 07 and its class tournament use the
#: characters its lesson data marks (these eight plus generous tit for tat).
CLASSICS: tuple[str, ...] = (
    "tit_for_tat",
    "always_defect",
    "always_cooperate",
    "grudger",
    "detective",
    "tit_for_two_tats",
    "win_stay_lose_shift",
    "random",
)

StrategyLike = Union[str, Strategy]


def get_strategy(key: StrategyLike) -> Strategy:
    """Strategy by id or alias (an alias keeps its own id); Strategy objects pass through."""
    if isinstance(key, Strategy):
        return key
    if key in STRATEGIES:
        return STRATEGIES[key]
    if key in ALIASES:
        return _dc_replace(STRATEGIES[ALIASES[key]], id=key)
    raise KeyError(f"unknown strategy {key!r}; known: {sorted(STRATEGIES) + sorted(ALIASES)}")


def _resolve_all(strategies: Iterable[StrategyLike]) -> list[Strategy]:
    out = [get_strategy(s) for s in strategies]
    ids = [s.id for s in out]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ValueError(f"duplicate strategy ids: {dup}")
    return out


def design_problems(value) -> list[Problem]:
    """Problems with a student's designed memory-one strategy (empty if it is fine).

    Expected: {"name": str, "first": p, "after": {"CC": p, "CD": p, "DC": p, "DD": p}}
    with every p a probability of cooperating in [0, 1]. Codes: ``"not_a_mapping"``,
    ``"no_name"``, ``"no_after"``, ``"missing"`` and ``"not_a_probability"`` (``subject``: the
    field, ``"first"`` or ``"after.CC"`` and so on; ``values``: the value found).
    """
    if not isinstance(value, Mapping):
        return [Problem("not_a_mapping")]
    out: list[Problem] = []
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        out.append(Problem("no_name", "name"))

    def prob(x, subject):
        if x is None:
            out.append(Problem("missing", subject))
        elif not _is_number(x) or not 0 <= x <= 1:
            out.append(Problem("not_a_probability", subject, (("value", x),)))

    prob(value.get("first"), "first")
    after = value.get("after")
    if not isinstance(after, Mapping):
        out.append(Problem("no_after", "after"))
    else:
        for k in OUTCOMES:
            prob(after.get(k), f"after.{k}")
    return out


def from_design(value, *, id: str | None = None) -> Strategy:
    """Memory-one Strategy from a designed-strategy value (raises ValueError if invalid)."""
    problems = design_problems(value)
    if problems:
        raise ValueError("not a designed strategy: " + "; ".join(map(str, problems)))
    name = value["name"].strip()
    after = value["after"]
    return memory_one(value["first"], *(after[k] for k in OUTCOMES), id=id or name, name=name)


def _moves01(moves) -> list[int]:
    out = []
    for m in moves:
        if m in ("C", "c", 0, False):
            out.append(0)
        elif m in ("D", "d", 1, True):
            out.append(1)
        else:
            raise ValueError(f"unknown move {m!r}; use 'C' or 'D'")
    return out


def next_cooperation(strategy: StrategyLike, own: Iterable, opponent: Iterable, payoffs: PayoffsLike = AXELROD) -> float:
    """Probability that ``strategy`` cooperates next, after the given (recorded) histories.

    Histories are strings like "CCD" or sequences of "C"/"D".
    """
    s = get_strategy(strategy)
    pay = _payoffs(payoffs, require_pd=False)
    a, b = _moves01(own), _moves01(opponent)
    if len(a) != len(b):
        raise ValueError("both histories must have the same length")
    state = 0
    for x, y in zip(a, b):
        state = s.transitions[state][2 * x + y]
    return float(s.cooperation(pay)[state])


# --------------------------------------------------------------------------
# The vectorised engine
# --------------------------------------------------------------------------


def _rng(seed) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def _check_args(rounds: int, noise: float, repetitions: int = 1) -> None:
    if not isinstance(rounds, (int, np.integer)) or rounds < 1:
        raise ValueError("rounds must be a positive integer")
    if not isinstance(repetitions, (int, np.integer)) or repetitions < 1:
        raise ValueError("repetitions must be a positive integer")
    if not _is_number(noise) or not 0.0 <= noise <= 1.0:
        raise ValueError("noise must be a probability in [0, 1]")


class _Compiled:
    """All states of a list of strategies in one global table."""

    def __init__(self, strategies: Sequence[Strategy], payoffs: Payoffs, noise: float):
        sizes = np.array([s.n_states for s in strategies], dtype=np.intp)
        self.sizes = sizes
        self.offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
        coop = np.concatenate([s.cooperation(payoffs) for s in strategies])
        # A flip after the choice gives the same distribution of recorded moves
        # as choosing with this effective probability.
        self.coop = coop * (1.0 - noise) + (1.0 - coop) * noise if noise else coop
        self.trans = np.concatenate(
            [np.asarray(s.transitions, dtype=np.intp) + off for s, off in zip(strategies, self.offsets)]
        )
        det = (self.coop == 0.0) | (self.coop == 1.0)
        self.deterministic = np.array([det[o : o + n].all() for o, n in zip(self.offsets, sizes)])

    def joint(self, A: np.ndarray, B: np.ndarray):
        """Joint state machine for the ordered pairs (A[p], B[p]).

        Returns (start4, coop, next4).  Joint states are stored premultiplied
        by 4 so that ``next4[j4 + k]`` is the next joint state after outcome k
        (seen from player 1); ``coop[j4]`` is complex: real part player 1's,
        imaginary part player 2's cooperation probability (one lookup for both).
        """
        sa, sb = self.sizes[A], self.sizes[B]
        size = sa * sb
        start = np.concatenate(([0], np.cumsum(size)[:-1])).astype(np.intp)
        p = np.repeat(np.arange(len(A)), size)
        local = np.arange(int(size.sum()), dtype=np.intp) - start[p]
        sbp = sb[p]
        oa, ob = self.offsets[A][p], self.offsets[B][p]
        g1 = oa + local // sbp
        g2 = ob + local % sbp
        n1 = self.trans[g1]  # outcome index seen from player 1
        n2 = self.trans[g2][:, (0, 2, 1, 3)]  # player 2 sees the swapped outcome
        nxt = (start[p][:, None] + (n1 - oa[:, None]) * sbp[:, None] + (n2 - ob[:, None])) * 4
        coop = np.repeat(self.coop[g1] + 1j * self.coop[g2], 4)
        return start * 4, coop, nxt.ravel()


# A pair of booleans (player 1 defects, player 2 defects) viewed as one uint16
# -> outcome index k = 2 * d1 + d2 (independent of the machine's byte order).
_PAIR_CODES = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=bool).view(np.uint16).ravel()
_PAIR_TO_OUTCOME = np.zeros(int(_PAIR_CODES.max()) + 1, dtype=np.intp)
_PAIR_TO_OUTCOME[_PAIR_CODES] = np.arange(4)


def _play(coop, next4, j4, rounds: int, rng=None, nsto: int = 0) -> np.ndarray:
    """Run all columns for ``rounds`` rounds; return outcome indices shaped (rounds, n).

    The last ``nsto`` columns are stochastic and draw uniforms from ``rng``;
    the others are deterministic (every P(C) is 0 or 1) and need no random
    numbers.  A player defects when its uniform >= its P(C).  This loop is the
    hot spot: five array operations per round, all into preallocated outputs;
    uniforms are drawn in small chunks so the buffers stay in cache.
    """
    n = j4.size
    ndet = n - nsto
    K = np.empty((rounds, n), dtype=np.intp)
    j4 = j4.copy()
    p = np.empty(n, dtype=complex)
    pv = p.view(np.float64).reshape(n, 2)  # (P(C) player 1, P(C) player 2)
    d = np.empty((n, 2), dtype=bool)
    d16 = d.view(np.uint16).reshape(n)
    idx = np.empty(n, dtype=np.intp)
    take_coop, take_next, take_outcome = coop.take, next4.take, _PAIR_TO_OUTCOME.take
    ge, add = np.greater_equal, np.add
    half = np.full((ndet, 2), 0.5)
    pv_det, pv_sto, d_det, d_sto = pv[:ndet], pv[ndet:], d[:ndet], d[ndet:]
    chunk = max(1, min(rounds, 4096 // max(nsto, 1)))
    buf = np.empty((chunk, nsto, 2))
    for r in range(rounds):
        take_coop(j4, out=p, mode="clip")
        if nsto:
            c = r % chunk
            if c == 0:
                rng.random(out=buf)
            if ndet:
                ge(half, pv_det, out=d_det)
            ge(buf[c], pv_sto, out=d_sto)
        else:
            ge(half, pv, out=d)
        kr = K[r]
        take_outcome(d16, out=kr, mode="clip")
        add(j4, kr, out=idx)
        take_next(idx, out=j4, mode="clip")
    return K


def _outcome_counts(K: np.ndarray) -> np.ndarray:
    """Number of CC, CD, DC, DD rounds per column: (n, 4)."""
    n = K.shape[1]
    codes = K + np.arange(0, 4 * n, 4, dtype=np.intp)
    return np.bincount(codes.ravel(), minlength=4 * n).reshape(n, 4)


# --------------------------------------------------------------------------
# A single match
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchResult:
    """One match between two strategies.

    moves: (rounds, 2) array of "C"/"D" as recorded (after mistakes);
    mistakes: (rounds, 2) bool, True where the move was flipped;
    scores: (rounds, 2) payoff per round.
    """

    players: tuple[str, str]
    moves: np.ndarray
    mistakes: np.ndarray
    scores: np.ndarray

    @property
    def rounds(self) -> int:
        return len(self.scores)

    @property
    def totals(self) -> np.ndarray:
        return self.scores.sum(axis=0)

    @property
    def means(self) -> np.ndarray:
        """Mean payoff per round for each player."""
        return self.scores.mean(axis=0)

    def to_frame(self) -> pd.DataFrame:
        """One row per round: moves, mistakes, scores and running totals."""
        import pandas as pd

        a, b = self.players
        cum = self.scores.cumsum(axis=0)
        return pd.DataFrame(
            {
                "round": np.arange(1, self.rounds + 1),
                "move_a": self.moves[:, 0],
                "move_b": self.moves[:, 1],
                "mistake_a": self.mistakes[:, 0],
                "mistake_b": self.mistakes[:, 1],
                "score_a": self.scores[:, 0],
                "score_b": self.scores[:, 1],
                "total_a": cum[:, 0],
                "total_b": cum[:, 1],
            }
        ).set_index("round")


def match(
    s1: StrategyLike,
    s2: StrategyLike,
    rounds: int = 200,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    seed=None,
    *,
    require_pd: bool = True,
) -> MatchResult:
    """Play one match and record every round (including which moves were mistakes)."""
    _check_args(rounds, noise)
    pay = _payoffs(payoffs, require_pd)
    a, b = get_strategy(s1), get_strategy(s2)
    ca, cb = a.cooperation(pay).tolist(), b.cooperation(pay).tolist()
    ta, tb = a.transitions, b.transitions
    rng = _rng(seed)
    u = rng.random((rounds, 2)).tolist()  # choice uniforms
    flips = (rng.random((rounds, 2)) < noise) if noise else np.zeros((rounds, 2), dtype=bool)
    fl = flips.tolist()
    sa = sb = 0
    moves = np.empty((rounds, 2), dtype=np.uint8)
    for r in range(rounds):
        ua, ub = u[r]
        ma = (ua >= ca[sa]) ^ fl[r][0]
        mb = (ub >= cb[sb]) ^ fl[r][1]
        moves[r, 0], moves[r, 1] = ma, mb
        sa = ta[sa][2 * ma + mb]
        sb = tb[sb][2 * mb + ma]
    k = 2 * moves[:, 0].astype(np.intp) + moves[:, 1]
    scores = np.stack([pay._row()[k], pay._col()[k]], axis=1)
    return MatchResult((a.id, b.id), np.array(["C", "D"])[moves], flips, scores)


# --------------------------------------------------------------------------
# Tournament
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TournamentResult:
    """Round robin result.

    mean[i, j]: mean payoff per round of strategy i against strategy j
    (diagonal: against its own copy; NaN without self-play).
    cooperation[i, j]: fraction of rounds in which i cooperated against j.
    total[i, j]: mean total score of i in one match against j.
    """

    ids: tuple[str, ...]
    total: np.ndarray
    cooperation: np.ndarray
    rounds: int
    repetitions: int
    noise: float
    self_play: bool
    payoffs: Payoffs

    @property
    def mean(self) -> np.ndarray:
        return self.total / self.rounds

    # -- arrays (no pandas), in ``ids`` order unless said otherwise

    @cached_property
    def strategy_totals(self) -> np.ndarray:
        """Total score per strategy: sum over its matches (mean over repetitions); 0 without matches."""
        return np.nansum(self.total, axis=1)

    @cached_property
    def strategy_means(self) -> np.ndarray:
        """Mean payoff per round per strategy, over the matches it played (NaN without matches)."""
        played = (~np.isnan(self.total)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(played > 0, np.nansum(self.mean, axis=1) / played, np.nan)

    @cached_property
    def order(self) -> np.ndarray:
        """Indices into ``ids`` from the highest total to the lowest; equal totals keep the order of ``ids``."""
        return np.argsort(-self.strategy_totals, kind="stable")

    @cached_property
    def ranks(self) -> np.ndarray:
        """Place per strategy (1 = highest total); equal totals share the best place ("min" ranks)."""
        t = self.strategy_totals
        return 1 + (t[None, :] > t[:, None]).sum(axis=1)

    def rank_of(self, strategy_id: str) -> int:
        """The place of one strategy (see :attr:`ranks`)."""
        return int(self.ranks[self.ids.index(strategy_id)])

    # -- tables (pandas, imported here)

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """Mean payoff per round, row against column."""
        import pandas as pd

        return pd.DataFrame(self.mean, index=list(self.ids), columns=list(self.ids))

    @cached_property
    def totals(self) -> pd.Series:
        """Total score per strategy: sum over its matches (mean over repetitions)."""
        import pandas as pd

        return pd.Series(self.strategy_totals, index=list(self.ids), name="total")

    @cached_property
    def ranking(self) -> pd.DataFrame:
        """Strategies sorted by total score; columns strategy, total, mean (per round), rank."""
        import pandas as pd

        o = self.order
        return pd.DataFrame({"strategy": [self.ids[i] for i in o], "total": self.strategy_totals[o],
                             "mean": self.strategy_means[o], "rank": self.ranks[o].astype(int)})


def _round_robin(comp: _Compiled, A, B, rounds: int, repetitions: int, noise: float, rng) -> tuple:
    """Mean outcome counts per match for the ordered pairs (A, B): (pairs, 4)."""
    det = comp.deterministic[A] & comp.deterministic[B] if not noise else np.zeros(len(A), dtype=bool)
    order = np.concatenate((np.flatnonzero(det), np.flatnonzero(~det)))
    A, B = A[order], B[order]
    ndet = int(det.sum())
    nsto = len(A) - ndet
    start4, coop, next4 = comp.joint(A, B)
    j4 = np.concatenate((start4[:ndet], np.repeat(start4[ndet:], repetitions)))
    counts = _outcome_counts(_play(coop, next4, j4, rounds, rng, nsto * repetitions))
    mc = np.empty((len(A), 4))
    mc[:ndet] = counts[:ndet]
    mc[ndet:] = counts[ndet:].reshape(nsto, repetitions, 4).sum(axis=1) / repetitions
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return mc[back]


def tournament(
    strategies: Sequence[StrategyLike],
    rounds: int = 200,
    repetitions: int = 10,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    seed=None,
    self_play: bool = True,
    *,
    require_pd: bool = True,
) -> TournamentResult:
    """Round robin: every pair plays ``repetitions`` matches of ``rounds`` rounds.

    Deterministic pairs without noise are computed once (all repetitions are equal).
    """
    _check_args(rounds, noise, repetitions)
    pay = _payoffs(payoffs, require_pd)
    strats = _resolve_all(strategies)
    k = len(strats)
    ids = tuple(s.id for s in strats)
    total = np.full((k, k), np.nan)
    coop = np.full((k, k), np.nan)
    if k == 0 or (k == 1 and not self_play):
        return TournamentResult(ids, total, coop, rounds, repetitions, float(noise), self_play, pay)
    A, B = np.triu_indices(k, 0 if self_play else 1)
    mc = _round_robin(_Compiled(strats, pay, noise), A, B, rounds, repetitions, noise, _rng(seed))
    t1, t2 = mc @ pay._row(), mc @ pay._col()
    c1, c2 = (mc[:, 0] + mc[:, 1]) / rounds, (mc[:, 0] + mc[:, 2]) / rounds
    total[B, A], coop[B, A] = t2, c2
    total[A, B], coop[A, B] = t1, c1
    diag = A == B
    total[A[diag], A[diag]] = (t1[diag] + t2[diag]) / 2
    coop[A[diag], A[diag]] = (c1[diag] + c2[diag]) / 2
    return TournamentResult(ids, total, coop, rounds, repetitions, float(noise), self_play, pay)


# --------------------------------------------------------------------------
# Evolution
# --------------------------------------------------------------------------


def _population(population) -> tuple[list[Strategy], np.ndarray]:
    items = list(population.items()) if isinstance(population, Mapping) else list(population)
    strats = _resolve_all(s for s, _ in items)
    counts = np.array([int(c) for _, c in items], dtype=np.intp)
    if (counts < 0).any():
        raise ValueError("population counts must be non-negative")
    return strats, counts


@dataclass(frozen=True, eq=False)
class History:
    """An evolution without pandas: ``values[g, i]`` is the count or share of strategy ``ids[i]``
    in generation ``g`` (row 0 is the start)."""

    ids: tuple[str, ...]
    values: np.ndarray

    def __len__(self) -> int:
        """Number of rows: generations + 1."""
        return len(self.values)

    def column(self, strategy_id: str) -> np.ndarray:
        return self.values[:, self.ids.index(strategy_id)]

    def to_frame(self) -> pd.DataFrame:
        """One row per generation (index ``generation``), one column per strategy id."""
        import pandas as pd

        return pd.DataFrame(self.values, columns=list(self.ids)).rename_axis("generation")


def evolve(
    population: Mapping[StrategyLike, int] | Sequence[tuple[StrategyLike, int]],
    generations: int = 50,
    rounds: int = 10,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    replace: int = 5,
    seed=None,
    *,
    require_pd: bool = True,
) -> pd.DataFrame:
    """Nicky Case-style evolution of a finite population.

    Each generation every individual plays one match against every other
    individual (no self-play), then the ``replace`` lowest scorers are removed
    and the ``replace`` highest scorers are cloned.  Ties are broken at random
    (from ``seed``).  Returns the counts per strategy, one row per generation
    (row 0 is the start), ready for a stacked area chart.
    The same numbers without pandas: :func:`evolve_history`.
    """
    return evolve_history(population, generations, rounds, payoffs, noise, replace, seed,
                          require_pd=require_pd).to_frame()


def evolve_history(
    population: Mapping[StrategyLike, int] | Sequence[tuple[StrategyLike, int]],
    generations: int = 50,
    rounds: int = 10,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    replace: int = 5,
    seed=None,
    *,
    require_pd: bool = True,
) -> History:
    """:func:`evolve` as a :class:`History` of counts (integers), without pandas."""
    _check_args(rounds, noise)
    pay = _payoffs(payoffs, require_pd)
    strats, counts = _population(population)
    n = int(counts.sum())
    if not isinstance(generations, (int, np.integer)) or generations < 0:
        raise ValueError("generations must be a non-negative integer")
    if n < 2:
        raise ValueError("the population needs at least 2 individuals")
    if not 0 <= replace <= n // 2:
        raise ValueError("replace must be between 0 and half the population")
    rng = _rng(seed)
    k = len(strats)
    comp = _Compiled(strats, pay, noise)
    history = np.empty((generations + 1, k), dtype=np.intp)
    history[0] = counts
    if noise or not comp.deterministic.all():
        # every match is a random experiment: play them all, vectorised
        A, B = np.divmod(np.arange(k * k), k)
        start4, coop, next4 = comp.joint(A, B)
        iu, ju = np.triu_indices(n, 1)
        row, col = pay._row(), pay._col()
        for g in range(1, generations + 1):
            labels = np.repeat(np.arange(k), counts)
            j4 = start4[labels[iu] * k + labels[ju]]
            c = _outcome_counts(_play(coop, next4, j4, rounds, rng, j4.size))
            score = np.bincount(iu, c @ row, n) + np.bincount(ju, c @ col, n)
            counts = _select(labels, score, counts, replace, rng, k)
            history[g] = counts
    else:
        A, B = np.triu_indices(k, 0)
        mc = _round_robin(comp, A, B, rounds, 1, 0.0, rng)
        total = np.empty((k, k))
        total[B, A] = mc @ pay._col()
        total[A, B] = mc @ pay._row()
        own = np.diag(total).copy()
        for g in range(1, generations + 1):
            labels = np.repeat(np.arange(k), counts)
            per_strategy = total @ counts - own  # an individual does not play itself
            counts = _select(labels, per_strategy[labels], counts, replace, rng, k)
            history[g] = counts
    return History(tuple(s.id for s in strats), history)


def _select(labels, score, counts, replace: int, rng, k: int) -> np.ndarray:
    if replace == 0:
        return counts
    order = np.lexsort((rng.random(labels.size), score))  # ascending, random among ties
    return (
        counts
        - np.bincount(labels[order[:replace]], minlength=k)
        + np.bincount(labels[order[-replace:]], minlength=k)
    )


def replicator(
    source: Sequence[StrategyLike] | TournamentResult,
    generations: int = 100,
    initial: Mapping[str, float] | Sequence[float] | None = None,
    rounds: int = 200,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    repetitions: int = 10,
    seed=None,
    self_play: bool = True,
    background: float | None = None,
) -> pd.DataFrame:
    """Discrete replicator dynamics on the mean-payoff-per-round matrix.

    x'_i = x_i * f_i / sum_j x_j f_j with fitness f = M x + background.
    ``background`` defaults to 1 - S, so every fitness is at least 1.
    ``source`` is a list of strategies (a tournament is run first) or a
    finished TournamentResult.  Returns shares per generation (row 0 = start).
    The same numbers without pandas: :func:`replicator_history`.
    """
    return replicator_history(source, generations, initial, rounds, payoffs, noise, repetitions, seed,
                              self_play, background).to_frame()


def replicator_history(
    source: Sequence[StrategyLike] | TournamentResult,
    generations: int = 100,
    initial: Mapping[str, float] | Sequence[float] | None = None,
    rounds: int = 200,
    payoffs: PayoffsLike = AXELROD,
    noise: float = 0.0,
    repetitions: int = 10,
    seed=None,
    self_play: bool = True,
    background: float | None = None,
) -> History:
    """:func:`replicator` as a :class:`History` of shares, without pandas."""
    res = source if isinstance(source, TournamentResult) else tournament(
        source, rounds, repetitions, payoffs, noise, seed, self_play
    )
    ids = list(res.ids)
    M = np.nan_to_num(res.mean, nan=0.0)
    if initial is None:
        x = np.ones(len(ids))
    elif isinstance(initial, Mapping):
        unknown = set(initial) - set(ids)
        if unknown:
            raise ValueError(f"initial shares for unknown strategies: {sorted(unknown)}")
        x = np.array([float(initial.get(i, 0.0)) for i in ids])
    else:
        x = np.asarray(initial, dtype=float)
    if x.shape != (len(ids),) or (x < 0).any() or not x.sum() > 0:
        raise ValueError("initial must give a non-negative share per strategy, not all zero")
    x = x / x.sum()
    bg = 1.0 - res.payoffs.S if background is None else float(background)
    out = np.empty((generations + 1, len(ids)))
    out[0] = x
    for g in range(1, generations + 1):
        f = M @ x + bg
        x = x * f
        x /= x.sum()
        out[g] = x
    return History(tuple(ids), out)
