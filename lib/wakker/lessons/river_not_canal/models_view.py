"""The two model views of notebook 03, built on the kit: a :class:`~wakker.ui.controls.ParameterPanel`
of sliders and one :class:`~wakker.ui.figure.LiveFigure` each, redrawn in place.

* :class:`RiverExplorer` -- :mod:`wakker.models.moving_target`: a planner and a muddler chase a need
  that drifts; positions and the distance to the need over time, and the same settings over many
  rivers (seeds).
* :class:`CrowdExplorer` -- :mod:`wakker.models.crowd`: a crowd's median and mean against the truth and
  one expert (Galton's ox).

Every fixed Dutch word is in :mod:`.texts`; the parameter words in ``data/lessons/river_not_canal/``.
A problem shows a Dutch message, never a traceback.
"""
from __future__ import annotations

import html

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.data import ContentError, lesson_dir
from ...models import moving_target as mt
from ...ui.controls import ParameterPanel, ParamWords, assumptions_html, read_param_words
from ...ui.figure import LiveFigure, subplot_axes, subplot_layout
from ...ui.style import error_html, styled
from ...ui.view import View, error_box, failed_box
from . import texts

LESSON = "river_not_canal"
COLOURS = {"need": "#555555", "planner": "#5fa8d3", "muddler": "#e09f3e", "truth": "#a4161a", "expert": "#6a4c93"}

#: Rivers (seeds) over which the sentence compares planner and muddler at every slider move.
COMPARE_SEEDS = tuple(range(1, 51))
#: Four sliders up front (lesson guide M4); the rest and both switches under "Meer aannames".
RIVER_MAIN = ("drift", "drift_noise", "analysis_time", "feedback_noise")
RIVER_MORE = ("plan_length", "step_size", "fail_cost", "start_gap", "steps", "seed")
RIVER_SWITCHES = ("irreversible", "forecast")


def river_words() -> dict[str, ParamWords]:
    return read_param_words(lesson_dir(LESSON) / "moving_target_params.yaml", mt.parameter_specs())


def river_assumptions_html() -> str:
    """Every assumption of the moving-target model (sliders and switches), in Dutch."""
    try:
        words = river_words()
    except ContentError as exc:
        return error_html(str(exc))
    switches = "".join(f"<li><b>{html.escape(texts.RIVER_SWITCH_LABELS[k])}</b> (standaard uit): "
                       f"{html.escape(texts.RIVER_SWITCH_HELP[k])}</li>" for k in RIVER_SWITCHES)
    return (f'<div style="overflow-x:auto">{assumptions_html(mt.parameter_specs(), words)}</div>'
            f'<p style="margin:.5em 0 .2em 0"><b>{html.escape(texts.SWITCHES_HEAD)}</b></p><ul>{switches}</ul>')


def river_summary_html(p: mt.MovingTargetParams, run: mt.MovingTargetRun, summary: mt.MovingTargetSummary) -> str:
    """A Dutch paragraph: this river's mean distances and costs, and the planner's share of wins over rivers."""
    n = len(summary.seeds)
    wins = int(round(summary.planner_wins * n))
    ties = int(round(summary.ties * n))
    here = texts.RIVER_HERE_HTML.format(
        seed=p.seed, planner=dutch.number(run.planner_mean_distance, 1), muddler=dutch.number(run.muddler_mean_distance, 1),
        fails=run.failed_tries, p_cost=dutch.number(run.planner_cost, 0), m_cost=dutch.number(run.muddler_cost, 0))
    over = texts.RIVER_OVER_HTML.format(n=n, wins=wins, muddler=n - wins - ties,
                                        ties=texts.RIVER_TIES.format(ties=ties) if ties else "")
    return styled("zin", here + over + texts.RIVER_VERDICT[river_verdict(summary.planner_wins, summary.ties)])


def river_verdict(planner_wins: float, ties: float) -> str:
    """The key of the verdict sentence, from both sides' shares of wins (ties count for neither side).

    "even" when at least half the rivers tie or the two sides' shares differ by less than 20 points;
    "…_always" when one side wins in at least 95 % of the rivers; otherwise the side with more wins, "mostly".
    """
    muddler_wins = 1.0 - planner_wins - ties
    if ties >= 0.5 or abs(planner_wins - muddler_wins) < 0.2:
        return "even"
    side = "planner" if planner_wins > muddler_wins else "muddler"
    return f"{side}_always" if max(planner_wins, muddler_wins) >= 0.95 else side


class RiverExplorer(View):
    """Sliders (kit ParameterPanel), two switches and one LiveFigure: where the need, the planner and the
    muddler are (top), and each one's distance to the need (bottom); a sentence over 50 rivers above it."""

    def __init__(self, words: dict[str, ParamWords] | None = None):
        self.message = w.HTML()
        self.sentence = w.HTML()
        self.panel = None
        self._steps = None
        try:
            words = words or river_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(mt.parameter_specs(), words, RIVER_MAIN, RIVER_MORE,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, css_prefix="wakker-rivier-")
        self.sliders = self.panel.sliders
        self.switches = {}
        for name in RIVER_SWITCHES:
            box = w.Checkbox(value=False, description=texts.RIVER_SWITCH_LABELS[name], indent=False,
                             tooltip=texts.RIVER_SWITCH_HELP[name], layout=dict(width="auto"),
                             _dom_classes=(f"wakker-rivier-{name}", "wakker-toon-beide"))
            box.observe(lambda _c: self.update(), names="value")
            self.switches[name] = box
        self.panel.add_to_more(*self.switches.values())
        self.panel.reset_button.on_click(lambda _b: self._reset_switches())
        self.fig = self._figure()
        self.box = w.VBox([self.panel.box, self.message, self.sentence, self.fig.widget], layout=dict(width="100%"),
                          _dom_classes=("wakker-rivier-model",))
        self.update()

    def _figure(self) -> LiveFigure:
        layout = subplot_layout(texts.RIVER_PANELS, row_heights=(0.5, 0.5), vertical_spacing=0.13, shared_xaxes=True,
                                title_size=13)
        layout["xaxis2"]["title"] = {"text": texts.RIVER_X}
        layout["yaxis"]["title"] = {"text": texts.RIVER_Y_PLACE}
        layout["yaxis2"].update(title={"text": texts.RIVER_Y_DISTANCE}, rangemode="tozero")
        layout.update(height=600, margin=dict(l=60, r=20, t=100, b=61),
                      legend=dict(orientation="h", x=0, y=1.08, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        empty = np.zeros(2)
        data = []
        for key, width, dash, row, legend in (("need", 2.5, "solid", 1, True), ("planner", 2.5, "solid", 1, True),
                                              ("muddler", 2.5, "dot", 1, True), ("planner", 2.5, "solid", 2, False),
                                              ("muddler", 2.5, "dot", 2, False)):
            name = texts.RIVER_TRACES[key]
            data.append(dict(type="scatter", x=empty, y=empty, mode="lines", name=name, showlegend=legend,
                             line=dict(color=COLOURS[key], width=width, dash=dash,
                                       shape="hv" if key == "planner" else "linear"),
                             hovertemplate=texts.RIVER_HOVER.format(name=name), **subplot_axes(row)))
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> mt.MovingTargetParams:
        return mt.MovingTargetParams(**self.panel.values(), **{k: bool(b.value) for k, b in self.switches.items()})

    def readout_text(self, name: str) -> str:
        return self.panel.readout_text(name)

    def update(self) -> None:
        """Recompute for the current controls; update the sentence and the figure in place."""
        if self.panel is None:
            return
        try:
            p = self.params()
        except (ValueError, TypeError) as exc:
            self.message.value = error_html(str(exc) or texts.CANNOT_COMPUTE)
            return
        try:
            run = mt.simulate(p)
            summary = mt.compare(p, COMPARE_SEEDS)
            sentence = river_summary_html(p, run, summary)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        ys = [run.need, run.planner, run.muddler, run.planner_distance, run.muddler_distance]
        new_x = self._steps != len(run.t)
        with self.fig.batch_update():
            for trace, y in zip(self.fig.data, ys):
                if new_x:
                    trace.x = run.t
                trace.y = np.asarray(y, dtype=float)
        self._steps = len(run.t)

    def set(self, **values) -> None:
        """Set sliders or switches by parameter name (each change updates, as a student's would)."""
        for name in [k for k in values if k in self.switches]:
            self.switches[name].value = bool(values.pop(name))
        self.panel.set(**values)

    def _reset_switches(self) -> None:
        for box in self.switches.values():
            box.value = False

    def reset(self) -> None:
        self.panel.reset()
        self._reset_switches()


# ---------------------------------------------------------------- model 2: de wijsheid van de menigte
from ...models import crowd as cr  # noqa: E402

#: Four sliders up front (lesson guide M4), the rest under "Meer aannames".
CROWD_MAIN = ("n", "spread", "bias", "herding")
CROWD_MORE = ("expert_spread", "truth", "seed")
#: Crowd sizes at which the tests compare the model's draws with the curve the figure shows.
CURVE_SIZES = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 787, 1000, 2000)
BINS = 30
#: The histogram's x axis runs at least this many pounds (at spread 0 every guess is the same: one bar, with room
#: around it for the truth and the expert)
MIN_SPAN = 20.0


def nice_step(span: float, parts: int = 6) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``span / parts``."""
    raw = max(float(span), 1e-9) / parts
    power = 10.0 ** np.floor(np.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-12)))


def histogram_x(values: np.ndarray, centre: float, half: float) -> tuple[list[float], tuple[float, float]]:
    """The histogram's x range and the span its bins cover: ``centre ± half`` (where the settings put the guesses)
    and every one of ``values`` (the guesses, the truth and the expert), to round ends.

    The lesson gives its ranges itself, from the settings more than from this draw: the same settings give the same
    picture, also after *Terug naar de standaardaannames* (with the kit's held axes they did not: a reviewer), and
    another *Toeval* moves the bars, not the axes. The bins cover the same span as long as the ends stay, so a key
    then only moves the bars, which the page draws without laying the figure out again (issue 11). The ends lie a
    little beyond the round numbers, so that no line sits on the plot's frame and no tick label on its edge."""
    low = min(float(np.min(values)), centre - half)
    high = max(float(np.max(values)), centre + half)
    if high - low < MIN_SPAN:
        middle = (low + high) / 2
        low, high = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    span = high - low
    step = nice_step(span, 10)
    start = float(np.floor((low - 0.02 * span) / step) * step)
    end = float(np.ceil((high + 0.02 * span) / step) * step)
    room = 0.03 * (end - start)
    return [start - room, end + room], (start, end)


def count_range(most: float) -> list[float]:
    """The y range for a highest count ``most``: from 0 to a round number above it, at least 5 (whole guesses: with
    one guess plotly's own axis showed 0,2, 0,4 ...)."""
    top = max(5.0, float(most) * 1.08)
    step = nice_step(top, 10)
    return [0.0, float(np.ceil(top / step - 1e-9) * step)]


def crowd_words() -> dict[str, ParamWords]:
    return read_param_words(lesson_dir(LESSON) / "crowd_params.yaml", cr.parameter_specs())


def crowd_assumptions_html() -> str:
    """Every assumption of the crowd model, in Dutch."""
    try:
        words = crowd_words()
    except ContentError as exc:
        return error_html(str(exc))
    return f'<div style="overflow-x:auto">{assumptions_html(cr.parameter_specs(), words)}</div>'


def crowd_summary_html(p: cr.CrowdParams, run: cr.CrowdRun, floor: float) -> str:
    """A Dutch paragraph: median, mean and expert against the truth, and where the mean's error levels off."""
    def off(x: float) -> str:
        if round(x) == 0:
            return texts.CROWD_WAY[0]
        return texts.CROWD_OFF.format(lb=dutch.number(abs(x), 0), way=texts.CROWD_WAY[int(np.sign(round(x)))])

    parts = [texts.CROWD_HERE_HTML.format(
        people=texts.CROWD_PEOPLE[int(p.n) == 1].format(n=p.n), truth=dutch.number(p.truth, 0), median=dutch.number(run.median, 0), median_off=off(run.median_error),
        mean=dutch.number(run.mean, 0), mean_off=off(run.mean_error), expert=dutch.number(run.expert, 0),
        expert_off=off(run.expert_error))]
    parts.append(texts.CROWD_BEATS[run.crowd_beats_expert])
    template = texts.CROWD_FLOOR_HTML if floor >= 0.5 else texts.CROWD_NO_FLOOR_HTML
    cause = texts.CROWD_FLOOR_CAUSE[(p.herding > 0, p.bias != 0)] if floor >= 0.5 else ""
    parts.append(template.format(floor=dutch.number(floor, 0), cause=cause,
                                               typical=dutch.number(float(cr.rms_error_of_mean(p.n, p.spread, p.herding, p.bias)), 0),
                                               expert=dutch.number(p.expert_spread, 0)))
    return styled("zin", "".join(parts))


class CrowdExplorer(View):
    """Sliders (kit ParameterPanel) and one LiveFigure: the guesses with the truth, the median, the mean and
    the expert (top), and how far the crowd's mean is off, typically (root mean square), for every crowd size, with
    the expert's typical error and this crowd as a diamond (bottom)."""

    def __init__(self, words: dict[str, ParamWords] | None = None):
        self.message = w.HTML()
        self.sentence = w.HTML()
        self.panel = None
        try:
            words = words or crowd_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(cr.parameter_specs(), words, CROWD_MAIN, CROWD_MORE,
                                    more_title=texts.MORE_ASSUMPTIONS, reset_label=texts.RESET,
                                    on_change=self.update, css_prefix="wakker-menigte-")
        self.sliders = self.panel.sliders
        self.fig = self._figure()
        self.box = w.VBox([self.panel.box, self.message, self.sentence, self.fig.widget], layout=dict(width="100%"),
                          _dom_classes=("wakker-menigte-model",))
        self.update()

    def _figure(self) -> LiveFigure:
        layout = subplot_layout(texts.CROWD_PANELS, row_heights=(0.5, 0.5), vertical_spacing=0.22, title_size=13)
        layout["xaxis"]["title"] = {"text": texts.CROWD_X_WEIGHT}
        layout["yaxis"].update(title={"text": texts.CROWD_Y_COUNT}, rangemode="tozero")
        layout["xaxis2"].update(title={"text": texts.CROWD_X_SIZE}, type="log", tickvals=[1, 10, 100, 1000],
                                ticktext=["1", "10", "100", "1000"])
        layout["yaxis2"].update(title={"text": texts.CROWD_Y_ERROR}, rangemode="tozero")
        layout.update(height=700, margin=dict(l=60, r=15, t=100, b=61), bargap=0.05,
                      legend=dict(orientation="h", x=0, y=1.08, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        empty = np.zeros(2)
        data = [dict(type="bar", x=empty, y=empty, name=texts.CROWD_TRACES["guesses"],
                     marker=dict(color="rgba(128,128,128,.45)"), hovertemplate=texts.CROWD_BAR_HOVER, **subplot_axes(1))]
        for key, dash in (("truth", "solid"), ("median", "dash"), ("mean", "dot"), ("expert", "dashdot")):
            colour = {"median": COLOURS["planner"], "mean": COLOURS["muddler"]}.get(key, COLOURS.get(key))
            data.append(dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.CROWD_TRACES[key],
                             line=dict(color=colour, width=2.5, dash=dash),
                             hovertemplate=texts.CROWD_LINE_HOVER.format(name=texts.CROWD_TRACES[key]), **subplot_axes(1)))
        data += [
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.CROWD_TRACES["theory"], showlegend=False,
                 line=dict(color=COLOURS["muddler"], width=2.5),
                 hovertemplate=texts.CROWD_CURVE_HOVER.format(name=texts.CROWD_TRACES["theory"]), **subplot_axes(2)),
            dict(type="scatter", x=empty, y=empty, mode="lines", name=texts.CROWD_TRACES["expert_line"],
                 showlegend=False, line=dict(color=COLOURS["expert"], width=1.5, dash="dashdot"),
                 hovertemplate=texts.CROWD_CURVE_HOVER.format(name=texts.CROWD_TRACES["expert_line"]), **subplot_axes(2)),
            # cliponaxis off: at spread 0 the crowd is on the x axis (0 pond off), and half the diamond was cut off there
            dict(type="scatter", x=empty, y=empty, mode="markers", name=texts.CROWD_TRACES["here"], showlegend=False,
                 marker=dict(color=COLOURS["truth"], size=11, symbol="diamond"), cliponaxis=False,
                 hovertemplate=texts.CROWD_CURVE_HOVER.format(name=texts.CROWD_TRACES["here"]), **subplot_axes(2)),
        ]
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> cr.CrowdParams:
        return cr.CrowdParams(**self.panel.values())

    def readout_text(self, name: str) -> str:
        return self.panel.readout_text(name)

    @staticmethod
    def curve(p: cr.CrowdParams) -> tuple[np.ndarray, np.ndarray, float]:
        """Crowd sizes, the typical (root-mean-square) error of the mean for each, and its floor: the model's
        closed form :func:`wakker.models.crowd.rms_error_of_mean` (the tests check the model's draws follow it)."""
        sizes = np.unique(np.round(np.logspace(0, np.log10(cr.MAX_CROWD), 60)).astype(int)).astype(float)
        return sizes, cr.rms_error_of_mean(sizes, p.spread, p.herding, p.bias), float(np.sqrt(p.bias ** 2 + p.spread ** 2 * p.herding))

    def update(self) -> None:
        """Recompute for the current sliders; update the sentence and the figure in place."""
        if self.panel is None:
            return
        try:
            p = self.params()
        except (ValueError, TypeError) as exc:
            self.message.value = error_html(str(exc) or texts.CANNOT_COMPUTE)
            return
        try:
            run = cr.simulate(p)
            sizes, typical, floor = self.curve(p)
            sentence = crowd_summary_html(p, run, floor)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.message.value = ""
        self.sentence.value = sentence
        values = np.concatenate([run.guesses, [p.truth, run.expert]])
        # where the settings put the guesses: around their median, each guess's own part of the spread (the shared
        # part, herding, moves them together) 3,5 times to either side; the tallest bar a normal curve of that width
        # gives, with a fifth to spare (so that another draw seldom changes the y axis)
        own = float(p.spread) * float(np.sqrt(1.0 - p.herding))
        x_range, covered = histogram_x(values, run.median, 3.5 * own)
        width = (covered[1] - covered[0]) / BINS
        # the bins moved (less than half a bin, inside the axis's room) so that the truth is a bin's middle: at spread 0
        # every guess is the truth, and their bar stood beside the truth's line, as if the crowd guessed too high
        shift = ((p.truth - covered[0]) / width) % 1.0 - 0.5
        counts, edges = np.histogram(run.guesses, bins=BINS, range=(covered[0] + shift * width,
                                                                   covered[1] + shift * width))
        expected = p.n * min(1.0, width / (own * np.sqrt(2 * np.pi))) if own > 0 else p.n
        y_range = count_range(max(float(counts.max()), 1.2 * expected))
        top = y_range[1]
        centres = (edges[:-1] + edges[1:]) / 2
        here = float(cr.rms_error_of_mean(p.n, p.spread, p.herding, p.bias))
        with self.fig.batch_update():
            bar, truth, median, mean, expert, theory, exp_line, marker = self.fig.data
            # no width of their own: plotly takes it from the centres' spacing (with the layout's bargap), so a key
            # that keeps the axes changes only data, which the page draws without laying out the figure again
            bar.x, bar.y = centres, counts
            self.fig.layout.xaxis.range, self.fig.layout.yaxis.range = x_range, y_range
            for trace, x in ((truth, p.truth), (median, run.median), (mean, run.mean), (expert, run.expert)):
                trace.x, trace.y = [x, x], [0.0, top]
            theory.x, theory.y = sizes, typical
            exp_line.x, exp_line.y = [sizes[0], sizes[-1]], [p.expert_spread, p.expert_spread]
            marker.x, marker.y = [float(p.n)], [here]

    def set(self, **values) -> None:
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()
