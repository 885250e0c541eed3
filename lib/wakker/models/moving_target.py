"""Een bewegend doel: a planner and a muddler chase a need that drifts (a river, not a canal).

The model behind notebook 03 (issue 17, "Model 1"). Lindblom (1959) contrasted two methods of
policy making: the *root* (rational-comprehensive) method, which clarifies the values first,
analyses means and ends comprehensively and then picks the best means; and the *branch* method of
"successive limited comparisons" (muddling through), which proceeds in small, incremental steps
and learns from each. The book's Inleiding prefers to speak of "intelligent aanmodderen" (taking
a small step to try something and adjusting at once) and also names its drawbacks. In "Opbouw van
dit boek" it calls task-oriented working classically planned in its steering and adds that for
urgent needs this is a very sensible and effective approach (our reading: the planned approach
has its place). So the model must let either side win. It lets a student see *under which
assumptions* which of the two ends up closer to a need that keeps moving. Nothing here is tuned
to make either approach win.

The model in three sentences (for the student)
----------------------------------------------
The need walks along a line: every step it moves ``drift`` on average, plus a random jolt. The
planner first studies where the need is (``analysis_time`` steps, during which nothing changes),
then moves there in one go and keeps that plan for ``plan_length`` steps before it studies again.
The muddler looks every step where the need is (with noise, ``feedback_noise``) and takes a small
step towards it; a step that in truth moved it away is a failed try, which costs ``fail_cost``.

The model, precisely
--------------------
* Time runs ``t = 0, 1, ..., steps``. Positions are numbers on one line (one dimension: "what the
  provision offers" against "what is needed"). The need starts at ``start_gap``; the planner and
  the muddler both start at 0 (what is offered now).
* **The need**: ``need[t+1] = need[t] + drift + drift_noise * e[t]`` with ``e`` standard normal.
  ``drift`` is the predictable part (a trend), ``drift_noise`` the unpredictable part (a random walk).
  ``drift = drift_noise = 0`` is a canal: the need stands still.
* **The planner** (root): an analysis starts at ``t = 0``. It looks at the need at the start of
  the analysis, *exactly* (a thorough analysis: the best case for planning). During
  ``analysis_time`` steps its position does not change. Then the plan is carried out *at once*:
  the planner jumps to its target (a plan may make a big move; the muddler may not). The plan runs
  ``plan_length`` steps; then a new analysis starts (the old plan stays in force meanwhile), and so
  on. ``plan_length = 0`` means: never re-plan (:data:`NEVER_REPLAN`). The target is where the need
  was when the analysis started; with ``forecast`` on, the planner adds the trend it knows:
  ``drift`` times the steps until the middle of the plan's run (``analysis_time + plan_length/2``;
  without re-planning: until the middle of what is left of the horizon). It never forecasts the
  random jolts (nobody can).
* **The muddler** (branch): at every step it looks where the need is, with noise
  (``need + feedback_noise * normal``, a new look every step), and takes a step towards what it
  sees of ``step_size`` (or less, if the need looks closer than that). Its next look shows it the
  result, and it adjusts; nothing else is remembered. A **failed try** is a step that truly moved
  it away from the need (judged against the true need at that moment); each one costs
  ``fail_cost`` (time, money, trust spent), on top of the distance it causes.
* **Irreversible steps** (``irreversible``): nobody can go back. On a line that means: once an
  actor has moved one way, it can only move further that way. A muddler that sees the need behind
  it waits; a new plan that would go back stays where the old one was. This binds the planner too
  (its plan is a step as well). It hurts most in a river that turns (``drift_noise`` large
  compared with ``drift``); in a river that flows steadily one way it costs little, and can even
  help a muddler with noisy feedback, because it cannot be fooled into stepping back.
* Then the need moves, and the next step begins.

What is counted
---------------
* ``planner_distance[t] = |need[t] - planner[t]|``, likewise for the muddler.
* ``mean_distance``: the mean distance over ``t = 1..steps``.
* ``cost``: the sum of the distance over ``t = 1..steps`` (unmet need, in "distance x steps")
  plus ``fail_cost`` per failed try. The planner makes no tries, so its cost is its distance
  only: a plan that misses is counted in the distance. Analysis itself costs nothing here.
* :func:`compare` runs the same parameters over many seeds and reports the mean of both and the
  share of seeds in which the planner's cost is lower (strictly; ties are reported apart).

What follows (all of it depends on the parameters)
--------------------------------------------------
* No drift, no jolts and clear feedback: the need stands still and the plan hits it exactly after
  ``analysis_time`` steps; the muddler gets there too, after ``start_gap / step_size`` steps.
* A slow, predictable river with a large start gap: the plan's one big move beats the muddler's
  many small steps, so planning can win.
* A fast or unpredictable river: every plan is out of date before it starts; the muddler keeps
  following. Very noisy feedback makes the muddler wander and pay for failed tries, and
  irreversible steps in a river that turns leave it stuck on the wrong side, so muddling can lose.
* A muddler whose steps are not larger than the drift never catches up (it loses ``drift -
  step_size`` per step at best): in a river that flows faster than its steps, the planner's big
  jumps win again. So the crossover is not one point on the drift axis: planning can win at low
  drift, lose in between, and win again at high drift; where those points lie follows from the
  analysis time, the plan length, the step size and the noise.
* More feedback noise never helps the muddler in expectation (tested over seeds).

How this differs from notebook 04's planning machine
----------------------------------------------------
:mod:`wakker.models.planning_machine` asks *whether a response arrives in time*: movements live for
a while, a responder reaches one if its delay is shorter than the movement's life, and its effect
is a strength averaged over that life; there is no direction and no error of aim. Here nothing
ends: one need keeps moving, and the question is *how far off* each approach is over time. The
planner's delay appears here as ``analysis_time`` (a plan aimed at where the need *was*), and the
fourth-order leader's light, early touch has a counterpart in the muddler's small steps, but the
muddler can also step wrongly: feedback noise, failed tries and irreversibility have no
counterpart in notebook 04's model.

Assumptions that favour one side (and can be changed)
-----------------------------------------------------
* For planning: its analysis is exact; its plan is carried out at once and in full; analysis costs
  nothing; with ``forecast`` it even knows the trend.
* For muddling: going back is as easy as going forward (unless ``irreversible``); it may take a
  step every time step; it does not need to know the trend; its looks are unbiased.

What the model leaves out
-------------------------
Legal certainty and accountability (the drawbacks the authors name themselves in the
Inleiding: flexibility can be at odds with lawfulness, effectiveness, efficiency and legal
certainty; the primacy of politics; a government that becomes less reliable and predictable for
citizens), who defines the need and whether there is one need at all, lock-in and path
dependence beyond the irreversibility switch, mandate and budget, more than one dimension,
combinations of planning and muddling (a plan that adjusts), and learning the drift.

Anchors (tested in ``tests/models/test_moving_target.py``)
----------------------------------------------------------
* Zero drift and zero noise: the plan hits the need from ``t = analysis_time`` on; the muddler
  reaches it after ``ceil(start_gap / step_size)`` steps and stays.
* A steady flow without noise: a muddler with ``step_size > drift`` ends up trailing by exactly
  ``drift`` (it closes the gap every step, then the need moves on); with ``step_size <= drift``
  its distance never shrinks.
* Without noise and without forecasting, a plan made at ``t0`` is off by ``drift * (t - t0)`` at
  time ``t`` (the lag of a plan aimed at where the need was).
* In a slow, predictable river planning wins on most seeds; in a fast, noisy river the muddler
  wins; with very noisy feedback, or with irreversible steps in a river that turns, the muddler
  loses on most seeds.
* With irreversible steps nobody's path ever turns back.
* More feedback noise never lowers the muddler's mean distance or cost (mean over seeds).
* Invalid parameters give a Dutch message that names them; a seed gives the same run.

Public API
----------
``MovingTargetParams``        all assumptions; the numeric ones with default, unit, range and doc.
``parameter_specs()``         the metadata per numeric parameter (for building sliders).
``simulate(params)``          one run: a :class:`MovingTargetRun`.
``compare(params, seeds)``    the same parameters over many seeds: a :class:`MovingTargetSummary`.
``InvalidParameters``         the ``ValueError`` (with a Dutch message) for invalid parameters.
``check_params(obj)``         the check behind it, from the parameters' own metadata (crowd uses it too).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Iterable

import numpy as np

from .params import Param, param, specs

__all__ = [
    "MAX_STEPS",
    "NEVER_REPLAN",
    "InvalidParameters",
    "MovingTargetParams",
    "MovingTargetRun",
    "MovingTargetSummary",
    "check_params",
    "compare",
    "parameter_specs",
    "simulate",
]

#: ``plan_length`` value meaning: the planner never makes a new plan.
NEVER_REPLAN = 0
#: The longest horizon; the random draws are made for this many steps, so changing ``steps``
#: does not redraw the start of a run.
MAX_STEPS = 200


class InvalidParameters(ValueError):
    """Parameters outside what the model accepts; the message is Dutch, ``names`` lists them."""

    def __init__(self, message: str, names: tuple[str, ...]):
        super().__init__(message)
        self.names = names


def _describe(spec: Param) -> str:
    def num(x) -> str:
        return f"{x:g}".replace(".", ",")
    kind = "een geheel getal" if spec.is_int else "een getal"
    return f"{kind} van {num(spec.low)} tot en met {num(spec.high)}"


def check_params(obj, switches: tuple[str, ...] = (), strict_high: tuple[str, ...] = ()) -> None:
    """Check every field of a parameter dataclass against its metadata; raise :class:`InvalidParameters`.

    Numeric fields (made with :func:`param`) must be finite numbers inside ``[low, high]`` (whole
    for int parameters; below ``high`` for names in ``strict_high``); ``switches`` must be bools.
    The message names each field and says what it must be, in Dutch.
    """
    meta = specs(type(obj))
    bad: list[str] = []
    parts: list[str] = []
    for f in fields(obj):
        v = getattr(obj, f.name)
        if f.name in switches:
            if not isinstance(v, (bool, np.bool_)):
                bad.append(f.name)
                parts.append(f"'{f.name}' moet aan of uit zijn (True of False)")
            continue
        spec = meta.get(f.name)
        if spec is None:
            continue
        try:
            ok = (isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
                  and math.isfinite(v) and spec.low <= v <= spec.high)
            if spec.is_int:
                ok = ok and float(v).is_integer()
            if f.name in strict_high:
                ok = ok and v < spec.high
        except TypeError:
            ok = False
        if not ok:
            bad.append(f.name)
            shown = repr(v) if not isinstance(v, (int, float)) else f"{v:g}".replace(".", ",")
            rule = _describe(spec) if f.name not in strict_high else _describe(spec).replace(
                "tot en met", "tot (niet gelijk aan)")
            parts.append(f"'{f.name}' moet {rule} zijn (nu: {shown})")
    if bad:
        raise InvalidParameters("Deze aanname kan het model niet doorrekenen: " + "; ".join(parts) + ".",
                                tuple(bad))


@dataclass(frozen=True)
class MovingTargetParams:
    """All assumptions of the moving-target model. Every numeric field is a slider candidate."""

    drift: float = param(0.3, "units per step", 0.0, 3.0, 0.05,
                         "How far the need moves per step on average (the predictable trend).")
    drift_noise: float = param(0.3, "units per step (sd)", 0.0, 3.0, 0.05,
                               "Random jolt of the need per step (sd of a normal): the unpredictable part.")
    start_gap: float = param(10.0, "units", 0.0, 30.0, 0.5,
                             "Distance between what is offered now (0) and the need at the start.")
    analysis_time: int = param(4, "steps", 0, 20, 1,
                               "Steps the planner studies before its plan starts (its position does not change).")
    plan_length: int = param(10, "steps (0 = never)", 0, 60, 1,
                             "Steps a plan runs before the planner studies again; 0 = never re-plan.")
    step_size: float = param(1.0, "units per step", 0.1, 5.0, 0.1,
                             "Largest step the muddler tries per time step.")
    feedback_noise: float = param(1.0, "units (sd)", 0.0, 10.0, 0.1,
                                  "How unclear the muddler sees where the need is (sd of a normal, per look).")
    fail_cost: float = param(1.0, "distance x steps", 0.0, 10.0, 0.5,
                             "Cost of one failed try of the muddler (a step that truly moved away from the need).")
    steps: int = param(40, "steps", 5, MAX_STEPS, 1, "Number of time steps simulated (the horizon).")
    seed: int = param(1, "seed", 0, 10_000, 1, "Seed of the random draws; the same seed gives the same river.")
    irreversible: bool = False  # a step of the muddler cannot be taken back
    forecast: bool = False  # the planner adds the known trend (drift) to its target

    def __post_init__(self) -> None:
        check_params(self, switches=("irreversible", "forecast"))

    def replace(self, **changes) -> "MovingTargetParams":
        """A copy with some parameters changed (convenience for slider callbacks)."""
        return replace(self, **changes)

    @property
    def replans(self) -> bool:
        return int(self.plan_length) != NEVER_REPLAN


def parameter_specs() -> dict[str, Param]:
    """Default, range, step, scale, unit and doc of every numeric parameter, in field order."""
    return specs(MovingTargetParams)


@dataclass(frozen=True)
class MovingTargetRun:
    """One run. Arrays run over ``t = 0..steps`` (length ``steps + 1``)."""

    params: MovingTargetParams
    t: np.ndarray
    need: np.ndarray
    planner: np.ndarray
    muddler: np.ndarray
    planner_distance: np.ndarray
    muddler_distance: np.ndarray
    failed: np.ndarray  # bool: the muddler's try in the step that ended at t failed (False at t = 0)
    plan_times: tuple[int, ...]  # the times at which a plan takes effect (the planner jumps)
    planner_mean_distance: float
    muddler_mean_distance: float
    planner_cost: float
    muddler_cost: float
    failed_tries: int

    @property
    def planner_wins(self) -> bool:
        return self.planner_cost < self.muddler_cost


@dataclass(frozen=True)
class MovingTargetSummary:
    """The same parameters over many seeds: means over seeds, and per-seed costs."""

    seeds: tuple[int, ...]
    planner_mean_distance: float
    muddler_mean_distance: float
    planner_cost: float
    muddler_cost: float
    failed_tries: float  # mean number of failed tries of the muddler per run
    planner_wins: float  # share of seeds in which the planner's cost is strictly lower
    ties: float  # share of seeds with equal cost
    planner_costs: np.ndarray  # per seed
    muddler_costs: np.ndarray


def _draws(seeds: np.ndarray) -> np.ndarray:
    """Standard normals per seed: (seeds, 2, MAX_STEPS): the need's jolts and the muddler's looks."""
    return np.stack([np.random.default_rng(int(s)).standard_normal((2, MAX_STEPS)) for s in seeds])


def _plan_schedule(p: MovingTargetParams) -> list[tuple[int, int, float]]:
    """(analysis start, time the plan takes effect, forecast horizon) for every plan within the horizon."""
    a, length, steps = int(p.analysis_time), int(p.plan_length), int(p.steps)
    out = []
    start = 0
    while start <= steps:
        effect = start + a
        if effect > steps:
            break
        ahead = a + length / 2.0 if p.replans else a + (steps - effect) / 2.0
        out.append((start, effect, ahead))
        if not p.replans:
            break
        start = effect + length
    return out


def _run(p: MovingTargetParams, z: np.ndarray):
    """Vectorised over seeds. ``z``: (seeds, 2, MAX_STEPS). Returns need, planner, muddler, failed, plan_times."""
    n, steps = z.shape[0], int(p.steps)
    jolts = z[:, 0, :steps]
    need = np.empty((n, steps + 1))
    need[:, 0] = p.start_gap
    need[:, 1:] = p.start_gap + np.cumsum(p.drift + p.drift_noise * jolts, axis=1)

    planner = np.zeros((n, steps + 1))
    schedule = _plan_schedule(p)
    here = np.zeros(n)
    way = np.zeros(n)
    for start, effect, ahead in schedule:
        target = need[:, start] + (p.drift * ahead if p.forecast else 0.0)
        if p.irreversible:  # a plan cannot undo the previous one either: no way back past it
            target = np.where(way * (target - here) < 0, here, target)
            way = np.where(way == 0, np.sign(target - here), way)
        planner[:, effect:] = target[:, None]
        here = target

    muddler = np.zeros((n, steps + 1))
    failed = np.zeros((n, steps + 1), dtype=bool)
    look = p.feedback_noise * z[:, 1, :steps]
    m = np.zeros(n)
    way = np.zeros(n)  # with irreversible steps: the direction of the first move (0 = none yet)
    step = float(p.step_size)
    for t in range(steps):
        now = need[:, t]
        seen = now + look[:, t] - m
        move = np.sign(seen) * np.minimum(step, np.abs(seen))
        if p.irreversible:
            move = np.where(way * move < 0, 0.0, move)  # no way back: the muddler waits instead
            way = np.where(way == 0, np.sign(move), way)
        tried = m + move
        failed[:, t + 1] = np.abs(now - tried) > np.abs(now - m)
        m = tried
        muddler[:, t + 1] = m
    return need, planner, muddler, failed, tuple(e for _, e, _ in schedule)


def _totals(p: MovingTargetParams, need, planner, muddler, failed):
    pd_ = np.abs(need - planner)
    md = np.abs(need - muddler)
    fails = failed.sum(axis=1)
    p_cost = pd_[:, 1:].sum(axis=1)
    m_cost = md[:, 1:].sum(axis=1) + p.fail_cost * fails
    return pd_, md, fails, p_cost, m_cost


def simulate(p: MovingTargetParams | None = None) -> MovingTargetRun:
    """One run of ``p.steps`` steps with ``p.seed``."""
    p = MovingTargetParams() if p is None else p
    need, planner, muddler, failed, plan_times = _run(p, _draws(np.array([p.seed])))
    pd_, md, fails, p_cost, m_cost = _totals(p, need, planner, muddler, failed)
    return MovingTargetRun(
        params=p, t=np.arange(int(p.steps) + 1), need=need[0], planner=planner[0], muddler=muddler[0],
        planner_distance=pd_[0], muddler_distance=md[0], failed=failed[0], plan_times=plan_times,
        planner_mean_distance=float(pd_[0, 1:].mean()), muddler_mean_distance=float(md[0, 1:].mean()),
        planner_cost=float(p_cost[0]), muddler_cost=float(m_cost[0]), failed_tries=int(fails[0]))


def compare(p: MovingTargetParams | None = None, seeds: Iterable[int] = range(50)) -> MovingTargetSummary:
    """The same parameters (``p.seed`` ignored) over ``seeds``: means over seeds and the planner's share of wins."""
    p = MovingTargetParams() if p is None else p
    try:
        seeds = tuple(int(s) for s in seeds)
    except (TypeError, ValueError, OverflowError):
        seeds = ()
    if not seeds or min(seeds) < 0:
        raise InvalidParameters("Kies om te vergelijken minstens één seed, elk een geheel getal van 0 of meer.",
                                ("seeds",))
    need, planner, muddler, failed, _ = _run(p, _draws(np.array(seeds)))
    pd_, md, fails, p_cost, m_cost = _totals(p, need, planner, muddler, failed)
    return MovingTargetSummary(
        seeds=seeds, planner_mean_distance=float(pd_[:, 1:].mean()), muddler_mean_distance=float(md[:, 1:].mean()),
        planner_cost=float(p_cost.mean()), muddler_cost=float(m_cost.mean()), failed_tries=float(fails.mean()),
        planner_wins=float(np.mean(p_cost < m_cost)), ties=float(np.mean(p_cost == m_cost)),
        planner_costs=p_cost, muddler_costs=m_cost)
