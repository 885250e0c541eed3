"""The widgets and HTML pieces of notebook 05, built on the shared kit (:mod:`wakker.ui`).

* :class:`TrustExplorer` -- the repeated investment game: sliders (a kit ParameterPanel) and one
  LiveFigure; a sentence above the figure says what happened and how often chance turns it the
  other way. Why (whether giving can pay here, the tipping point) is a second, live sentence that
  is not in the explorer: :meth:`TrustExplorer.explain` shows it behind the "Wat zagen wij?" of
  the observation question, so the student observes first (lesson guide L3, review 05 finding 9).
* :class:`BreachView` -- the same game with a breach of trust, not admitted and admitted, with a
  button for another chance draw.
* :class:`TaskSplit` -- "terreinknecht of regisseur": who does which task in the Berkelland
  examples, saved in the journal, compared with the report on request.

The model is :mod:`wakker.models.investment_game`; content comes from :mod:`.data`, every fixed
Dutch word from :mod:`.texts`. A problem never shows a traceback but a Dutch message.

Few widget models (issue 11: each is a message to the page and a view it builds): read-only lines that
change together are one HTML widget (:class:`Lines`), a task is one ToggleButtons with its text as the
description, a view computes before it builds its box (its figure is sent once, drawn), and a figure is
built as plain data (the kit's :func:`~wakker.ui.figure.subplot_layout`) so that plotly validates it once.
"""
from __future__ import annotations

import dataclasses
import html
from typing import Any, Mapping

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.data import ContentError
from ...models import investment_game as ig
from ...ui.controls import ParameterPanel, ParamWords
from ...ui.figure import LiveFigure, subplot_axes, subplot_layout
from ...ui.lines import Lines
from ...ui.page import quote_html
from ...ui.saving import SavedWidget
from ...ui.style import ACCENT, BAD, GOOD, STYLES, error_html, note_html, styled
from ...ui.view import View, error_box, failed_box, safe
from . import data, texts

NOTEBOOK = "05_meetup_vertrouwen_2013"
#: At most four controls up front (lesson guide M4); the rest under "Meer".
MAIN_PARAMS = ("start_trust", "multiplier", "takers", "learning_rate")
MORE_PARAMS = ("resident_start", "max_return", "reciprocity", "resident_learning", "loss_weight", "noise",
               "groups", "rounds")
BREACH_MAIN = ("breach_size", "admit_effect", "breach_round")
BREACH_MORE = ("start_trust", "takers", "loss_weight")
#: The breach view starts from a spiral of trust that is under way.
BREACH_START_TRUST = 90
TIPS_KEY = "meetup-vertrouwen-2013:harmsen-tips"
SEEDS = 10
BLUE, GREY = "#1b4965", "#8d99ae"


def pct(share: float) -> str:
    return dutch.percent(share)


# ---------------------------------------------------------------- fewer widget models (issue 11)
# ---------------------------------------------------------------- the explorer
class TrustExplorer(View):
    """Sliders for every assumption + one LiveFigure (trust and returns per round, returns per euro)."""

    def __init__(self, words: Mapping[str, ParamWords] | None = None, seed: int = 1):
        self.seed = int(seed)
        # the message (errors) and the sentence: one HTML widget
        self.lines = Lines("", "")
        self.message, self.sentence = self.lines.part(0), self.lines.part(1)
        #: why it went so (can giving pay, the tipping point): live, but shown only by :meth:`explain`, after the
        #: intro, in one HTML widget made then (``explanation.lines.widget``)
        self.explanation = Lines(styled("tekst", texts.EXPLAIN_INTRO_HTML), "",
                                 _dom_classes=("wakker-vertrouwensspel-uitleg",)).part(1)
        self.panel = None
        self.run: ig.TrustRun | None = None
        #: during a press on "Nog eens": how the time that falls off the tally went (for :func:`press_html`)
        self._dropped: str | None = None
        try:
            words = words or data.param_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(ig.parameter_specs(), words, MAIN_PARAMS, MORE_PARAMS, more_title=texts.MORE,
                                    reset_label=texts.RESET, on_change=self.update)
        self.sliders = self.panel.sliders
        self.reseed_button = w.Button(description=texts.RESEED, icon="refresh",
                                      layout=dict(width="auto", align_self="flex-start"),
                                      tooltip=texts.RESEED)
        self.reseed_button.on_click(lambda _b: self.reseed())
        self.fig = self._figure()
        self.update()  # before the box: the figure widget then opens with the figure drawn (sent once)
        self.box = w.VBox([self.panel.box, self.reseed_button, self.lines.widget, self.fig.widget],
                          layout=dict(width="100%"), _dom_classes=("wakker-vertrouwensspel",))

    def _figure(self) -> LiveFigure:
        layout = subplot_layout(texts.PANEL_TITLES, row_heights=(0.62, 0.38), vertical_spacing=0.12,
                                shared_xaxes=True, title_size=13)
        layout["yaxis"].update(title={"text": texts.SHARE_AXIS}, range=[-3, 103])
        layout["yaxis2"].update(title={"text": texts.PER_EURO_AXIS}, rangemode="tozero")
        layout["xaxis2"]["title"] = {"text": texts.ROUND_AXIS}
        layout.update(height=600, margin=dict(l=60, r=15, t=90, b=61),
                      legend=dict(orientation="h", x=0, y=1.08, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep", bargap=0.3)
        data = [
            dict(type="scatter", x=[0], y=[0], mode="lines", name=texts.TRUST_NAME, line=dict(color=ACCENT, width=4),
                 hovertemplate=texts.HOVER_TRUST, **subplot_axes(1)),
            dict(type="scatter", x=[0], y=[0], mode="lines", name=texts.RETURN_NAME, line=dict(color=BLUE, width=2.5),
                 hovertemplate=texts.HOVER_RETURN, **subplot_axes(1)),
            dict(type="scatter", x=[0], y=[0], mode="lines", name=texts.TIPPING_NAME, hoverinfo="skip",
                 line=dict(color=BLUE, width=1.5, dash="dot"), **subplot_axes(1)),
            dict(type="bar", x=[1], y=[0], name=texts.PER_EURO_NAME, marker=dict(color=GREY), showlegend=False,
                 hovertemplate=texts.HOVER_PER_EURO, **subplot_axes(2)),
            dict(type="scatter", x=[0], y=[1], mode="lines", name=texts.BREAK_EVEN, showlegend=False,
                 hoverinfo="skip", line=dict(color="#333333", width=1.5, dash="dash"), **subplot_axes(2)),
        ]
        return LiveFigure(dict(data=data, layout=layout))

    # -- behaviour
    def params(self) -> ig.TrustParams:
        return ig.TrustParams(**self.panel.values(), seed=self.seed)

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change updates the figure, as a student's would)."""
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()

    def reseed(self) -> None:
        """The next chance draw: the figure shows a new one, the tally drops its first draw and takes one new one.

        One step, not ten: task 5 asks a student at 70 % to press a few times and see both a collapse and a
        spiral in the figure; with steps of ten the figure showed only spirals for the first 14 presses.
        The sentence then says how the time that fell off and the new one went (:func:`press_html`): the tally
        can stay the same for several presses, and the student sees why."""
        self._dropped = None if self.run is None else ig.outcome(self.run)  # the shown run is the first of ten
        self.seed += 1
        try:
            self.update()
        finally:
            self._dropped = None

    def explain(self) -> None:
        """Display the live explanation (for ``nb.reveal(..., then=explorer.explain)``): whether giving can
        pay at the explorer's current settings and where the tipping point lies; it follows every slider."""
        from IPython.display import display

        display(self.explanation.lines.widget)  # made when first shown: a Run All does not show it

    @safe
    def update(self) -> None:
        """Recompute the model for the current sliders and redraw the figure in place."""
        try:
            p = self.params()
            runs = ig.simulate_seeds(p, range(int(p.seed), int(p.seed) + SEEDS))  # the shown run is the first
            run, tally = runs[0], tally_of(runs)
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.run = run
        self.message.value = ""
        self.reseed_button.disabled = not chance_plays(p)  # nothing left to chance: a press would change nothing
        pressed = press_html(self._dropped, ig.outcome(runs[-1])) if self._dropped and chance_plays(p) else ""
        self.sentence.value = styled("tekst", explorer_html(run, tally) + pressed)
        self.explanation.value = styled("tekst", condition_html(p))
        rounds = np.arange(int(p.rounds) + 1)
        tip = ig.tipping_return(p)
        tip_y = [tip * 100] * 2 if tip <= 1 else [None, None]
        per_euro = np.nan_to_num(run.back_per_euro, nan=0.0)
        with self.fig.batch_update():
            self.fig.data[0].x, self.fig.data[0].y = rounds, run.trust * 100
            self.fig.data[1].x, self.fig.data[1].y = rounds, run.return_share * 100
            self.fig.data[2].x, self.fig.data[2].y = [0, int(p.rounds)], tip_y
            self.fig.data[3].x, self.fig.data[3].y = rounds[1:], per_euro
            self.fig.data[4].x, self.fig.data[4].y = [0.5, int(p.rounds) + 0.5], [1, 1]
            self.fig.layout.yaxis2.range = [0, max(2.0, float(np.max(per_euro)) * 1.1)]


def tally_of(runs) -> dict[str, int]:
    tally = {"spiral": 0, "collapse": 0, "undecided": 0}
    for run in runs:
        tally[ig.outcome(run)] += 1
    return tally


def outcome_tally(p: ig.TrustParams, seeds: int = SEEDS) -> dict[str, int]:
    """How often each outcome happens over ``seeds`` runs with other chance draws (seed, seed+1, ...)."""
    return tally_of(ig.simulate_seeds(p, range(int(p.seed), int(p.seed) + seeds)))


def explorer_html(run: ig.TrustRun, tally: Mapping[str, int]) -> str:
    """The sentence above the explorer's figure (HTML): what happened, and how often over ten chance draws.
    It does not say why; that is :func:`condition_html`, shown after the student's own observation."""
    p = run.params
    kind = ig.outcome(run)
    text = texts.OUTCOME_HTML[kind].format(rounds=int(p.rounds), trust=pct(run.final_trust),
                                           back=pct(run.return_share[-1]))
    if not chance_plays(p):  # every time is the same time: a tally of ten would pretend otherwise
        return text + texts.NO_CHANCE_HTML
    rest = texts.SEEDS_REST.format(n=tally["undecided"]) if tally["undecided"] else ""
    text += texts.SEEDS_HTML.format(spiral=tally["spiral"], collapse=tally["collapse"], rest=rest)
    return text + texts.SEEDS_NOTE_HTML


def chance_plays(p: ig.TrustParams) -> bool:
    """Whether the chance draws change anything: the model's only chance is the noise in what groups return
    ("Toeval in wat terugkomt"); at 0 every seed plays the same game."""
    return float(p.noise) > 0


def press_html(dropped: str, new: str) -> str:
    """After a press on "Nog eens, met ander toeval" (HTML): how the time that fell off the tally went, how the
    new one went, and so whether the tally changed (it changes exactly when the two went differently)."""
    return texts.PRESS_HTML.format(dropped=texts.PRESS_OUTCOME[dropped], new=texts.PRESS_OUTCOME[new],
                                   effect=texts.PRESS_SAME if dropped == new else texts.PRESS_CHANGED)


def condition_html(p: ig.TrustParams) -> str:
    """Why it goes as it goes (HTML): what full trust brings back per euro, whether giving can pay, and the
    tipping point of the residents' return."""
    share = 1.0 - round(p.takers / 100 * p.groups) / p.groups
    product = share * p.multiplier * p.max_return / 100
    text = texts.CONDITION_HTML.format(share=dutch.compact(share), growth=dutch.compact(p.multiplier),
                                       top=dutch.compact(p.max_return / 100), product=dutch.compact(product))
    if not ig.spiral_possible(p):
        text += texts.CONDITION_NO
    else:  # no tipping trust: the residents return enough even untrusted, so the giver's start does not decide
        text += texts.CONDITION_YES if np.isfinite(ig.tipping_trust(p)) else texts.CONDITION_YES_ANY_START
    tip = ig.tipping_return(p)
    text += texts.TIPPING_HTML.format(tip=pct(tip)) if tip <= 1 else (
        texts.TIPPING_NEVER_HTML if not np.isfinite(tip) else "")
    return text


# ---------------------------------------------------------------- the breach
def breach_specs() -> dict:
    """The sliders of the breach view: the breach, and three assumptions of the game (start at 90 %)."""
    game = ig.parameter_specs()
    out = dict(ig.breach_specs())
    out["start_trust"] = dataclasses.replace(game["start_trust"], default=BREACH_START_TRUST)
    out["takers"], out["loss_weight"] = game["takers"], game["loss_weight"]
    return out


class BreachView(View):
    """The game with a breach in one round: without a breach, not admitted, and admitted."""

    def __init__(self, words: Mapping[str, ParamWords] | None = None, seed: int = 1):
        self.seed = int(seed)
        self.lines = Lines("", "")  # the message (errors) and the sentence: one HTML widget
        self.message, self.sentence = self.lines.part(0), self.lines.part(1)
        self.panel = None
        self.pair: ig.BreachPair | None = None
        try:
            words = words or data.param_words()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        self.panel = ParameterPanel(breach_specs(), words, BREACH_MAIN, BREACH_MORE, more_title=texts.BREACH_MORE,
                                    reset_label=texts.RESET, on_change=self.update, css_prefix="wakker-breuk-")
        self.sliders = self.panel.sliders
        self.reseed_button = w.Button(description=texts.RESEED, icon="refresh",
                                      layout=dict(width="auto", align_self="flex-start"),
                                      tooltip=texts.RESEED)
        self.reseed_button.on_click(lambda _b: self.reseed())
        self.fig = self._figure()
        self.update()  # before the box: the figure widget then opens with the figure drawn (sent once)
        self.box = w.VBox([self.panel.box, self.reseed_button, self.lines.widget, self.fig.widget],
                          layout=dict(width="100%"), _dom_classes=("wakker-breuk",))

    def _figure(self) -> LiveFigure:
        layout = subplot_layout((texts.BREACH_TITLE, texts.BREACH_RETURN_TITLE), row_heights=(0.55, 0.45),
                                vertical_spacing=0.12, shared_xaxes=True, title_size=13)
        layout["yaxis"].update(title={"text": texts.SHARE_AXIS}, range=[-3, 103])
        layout["yaxis2"].update(title={"text": texts.SHARE_AXIS}, range=[-3, 103])
        layout["xaxis2"]["title"] = {"text": texts.ROUND_AXIS}
        layout.update(height=560, margin=dict(l=60, r=20, t=80, b=61),
                      legend=dict(orientation="h", x=0, y=1.08, yanchor="bottom", font=dict(size=12)),
                      separators=",.", uirevision="keep")
        styles = ((texts.NO_BREACH, dict(color=GREY, width=2, dash="dot")),
                  (texts.NOT_ADMITTED, dict(color=BAD, width=3)),
                  (texts.ADMITTED, dict(color=GOOD, width=3, dash="dash")))
        data = [dict(type="scatter", x=[0], y=[0], mode="lines", name=name, line=line, showlegend=row == 1,
                     legendgroup=name, hovertemplate=texts.HOVER_BREACH.format(name=name), **subplot_axes(row))
                for row in (1, 2) for name, line in styles]
        return LiveFigure(dict(data=data, layout=layout))

    def params(self) -> tuple[ig.TrustParams, ig.BreachParams]:
        v = self.panel.values()
        game = ig.TrustParams(start_trust=v["start_trust"], takers=v["takers"], loss_weight=v["loss_weight"],
                              seed=self.seed)
        return game, ig.BreachParams(**{k: v[k] for k in ig.breach_specs()})

    def set(self, **values) -> None:
        self.panel.set(**values)

    def reset(self) -> None:
        self.panel.reset()

    def reseed(self) -> None:
        """Another chance draw for all three runs (they share it, so they stay comparable)."""
        self.seed += 1
        self.update()

    @safe
    def update(self) -> None:
        try:
            game, breach = self.params()
            pair = ig.breach_pair(game, breach)
        except (ValueError, TypeError):
            self.message.value = error_html(texts.CANNOT_COMPUTE)
            return
        except Exception as exc:  # noqa: BLE001
            self.message.value = error_box(exc, texts.MODEL_FAILED)
            return
        self.pair = pair
        self.message.value = ""
        self.sentence.value = styled("tekst", breach_html(pair, breach))
        rounds = np.arange(int(game.rounds) + 1)
        runs = (pair.baseline, pair.without, pair.admitted)
        at = pair.without.breach_round
        with self.fig.batch_update():
            for i, run in enumerate(runs):
                self.fig.data[i].x, self.fig.data[i].y = rounds, run.trust * 100
                self.fig.data[3 + i].x, self.fig.data[3 + i].y = rounds, run.return_share * 100
            self.fig.layout.shapes = [dict(type="line", xref=xref, yref=f"{yref} domain", x0=at - 0.5, x1=at - 0.5,
                                           y0=0, y1=1, line=dict(color="#333333", width=1.5, dash="dash"))
                                      for xref, yref in (("x", "y"), ("x2", "y2"))]


def breach_html(pair: ig.BreachPair, breach: ig.BreachParams) -> str:
    rounds = int(pair.without.params.rounds)
    without, admitted = ig.outcome(pair.without), ig.outcome(pair.admitted)
    text = texts.BREACH_HTML.format(without=texts.BREACH_OUTCOME[without], admitted=texts.BREACH_OUTCOME_AGAIN[admitted],
                                    w_trust=pct(pair.without.final_trust), a_trust=pct(pair.admitted.final_trust),
                                    rounds=rounds)
    if int(breach.admit_effect) == 0:
        text += texts.BREACH_ZERO_HTML
    else:
        text += texts.BREACH_SAME_HTML if without == admitted else texts.BREACH_DIFF_HTML
    text += texts.BREACH_BASE_HTML.format(base=texts.BREACH_BASE[ig.outcome(pair.baseline)])
    return text


# ---------------------------------------------------------------- the assumptions
def assumptions_table_html() -> str:
    """Every assumption of both views: Dutch name, default, range, unit and explanation."""
    try:
        words = data.param_words()
    except ContentError as exc:
        return error_html(str(exc))
    cell = STYLES["kaart-cel"]
    head = "".join(f'<th style="{cell}">{h}</th>' for h in texts.ASSUMPTION_HEADS)
    specs = {k: s for k, s in ig.parameter_specs().items() if k not in data.NO_SLIDER}
    specs.update(ig.breach_specs())
    rows = []
    for name, spec in specs.items():
        word = words[name]
        rows.append(f"<tr><td style=\"{cell}\"><b>{html.escape(word.label)}</b></td>"
                    f"<td style=\"{cell}\">{dutch.compact(spec.default)}</td>"
                    f"<td style=\"{cell};white-space:nowrap\">{dutch.compact(spec.low)} – {dutch.compact(spec.high)}</td>"
                    f"<td style=\"{cell}\">{html.escape(word.unit)}</td>"
                    f"<td style=\"{cell}\">{html.escape(word.explanation)}</td></tr>")
    return (f'<div style="overflow-x:auto"><table class="wakker-aannames" style="border-collapse:collapse;'
            f'max-width:62em"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


# ---------------------------------------------------------------- terreinknecht of regisseur
#: The width of a task's text before its three buttons.
TASK_WIDTH = "15em"
#: A task's text is its ToggleButtons' description (one widget per task instead of a row of three): drawn as a
#: block of wrapping text, left-aligned, as the separate HTML widget before it was (ipywidgets draws a
#: description as one right-aligned line cut off with an ellipsis; on a phone the kit puts it above the
#: buttons at the full width). In the split's first HTML widget.
SPLIT_CSS = (
    "<style>"
    ".wakker-taakverdeling .widget-toggle-buttons.wakker-taak > .widget-label {"
    f" width: {TASK_WIDTH} !important; min-width: 12em !important; max-width: {TASK_WIDTH} !important;"
    " flex: 0 1 auto !important; text-align: left !important; white-space: normal !important;"
    " height: auto !important; line-height: 1.3 !important; padding: .3em 0 !important;"
    " overflow: visible !important; text-overflow: clip !important;"
    " margin: var(--jp-widgets-margin, 2px) !important; }"
    "</style>"
)


class TaskSplit(SavedWidget):
    """Who does which task in the Berkelland examples? Saved as ``{"choices", "labels", "compared"}``."""

    kind = "verdeling"
    TEXTS = {**SavedWidget.TEXTS, **texts.SPLIT_STATUS}

    def __init__(self, page, qid: str = "taakverdeling", data_: data.Berkelland | None = None):
        # notices ("Kies eerst ...") and the comparison: one HTML widget, the notices first (the kit's
        # SavedWidget keeps a message that is there before its __init__)
        self.lines = Lines("", "", _dom_classes=("wakker-vergelijking",))
        self._message, self.comparison = self.lines.part(0), self.lines.part(1)
        super().__init__(page, qid, texts.SPLIT_PROMPT)
        label = styled("vraag", html.escape(texts.SPLIT_PROMPT))
        self.compared = False
        self.toggles: dict[str, w.ToggleButtons] = {}
        if self.error:
            self.box = w.VBox([w.HTML(label), w.HTML(error_html(self.error))])
            return
        try:
            self.data = data_ or data.berkelland()
        except ContentError as exc:
            self.error = str(exc)
            self.box = w.VBox([w.HTML(label), w.HTML(error_html(self.error))])
            return
        # One HTML widget for the question, the intro and the first example (and the CSS of the task rows);
        # each further example's text one HTML widget; each task one ToggleButtons, its text the description
        # (the group's accessible name), drawn as the row's label (SPLIT_CSS).
        rows: list[w.Widget] = []
        head = [SPLIT_CSS + label, styled("tekst", texts.SPLIT_INTRO_HTML)]
        options = [(word, key) for key, word in self.data.choices.items()]
        for example in self.data.examples:
            text = (f'<div style="line-height:1.45;margin:.8em 0 .2em 0;max-width:52em">'
                    f"<b>{html.escape(example.title)}.</b> {html.escape(example.text)}</div>")
            rows.append(w.HTML(Lines(*head, text).html() if head else text))
            head = []
            for task in example.tasks:
                key = f"{example.id}/{task.id}"
                toggle = w.ToggleButtons(options=options, value=None, description=task.text,
                                         style={"button_width": "auto", "description_width": TASK_WIDTH},
                                         tooltips=[f"{task.text}: {word}" for word, _ in options],
                                         layout=dict(display="flex", flex_flow="row wrap", align_items="center",
                                                     margin="0 0 .1em 1em"),
                                         _dom_classes=("wakker-taak", f"wakker-taak-{example.id}-{task.id}"))
                toggle.observe(self.changed, names="value")
                self.toggles[key] = toggle
                rows.append(toggle)
        self.compare_button = w.Button(description=texts.COMPARE, icon="balance-scale", button_style="info",
                                       layout=dict(width="auto", align_self="flex-start", margin=".8em 0 .3em 0"),
                                       tooltip=texts.COMPARE)
        self.compare_button.on_click(lambda _b: self.toggle_compare())
        self.box = w.VBox(rows + [self.compare_button, self.lines.widget, self.status],
                          layout=dict(margin="0.5em 0 1em 0", max_width="56em"), _dom_classes=("wakker-taakverdeling",))
        self.restore()

    # -- the value
    def choices(self) -> dict[str, str]:
        return {k: t.value for k, t in self.toggles.items() if t.value is not None}

    def value(self) -> dict:
        tasks = self.data.tasks
        labels = {}
        for example in self.data.examples:
            for task in example.tasks:
                labels[f"{example.id}/{task.id}"] = f"{example.title} – {task.text}"
        chosen = self.choices()
        return {"choices": chosen, "labels": {k: labels[k] for k in chosen if k in tasks}, "compared": self.compared}

    def apply(self, value: Any) -> None:
        if not isinstance(value, dict) or not isinstance(value.get("choices"), dict):
            raise ValueError("not a saved split")
        chosen = value["choices"]
        if any(k not in self.toggles or v not in data.CHOICES for k, v in chosen.items()):
            raise ValueError("a task or choice of this answer no longer exists")
        for key, toggle in self.toggles.items():
            toggle.value = chosen.get(key)
        self.compared = bool(value.get("compared")) and bool(chosen)

    def after_change(self, value: dict) -> None:
        self.message.value = ""
        self._show()

    def choose(self, task: str, choice: str | None) -> None:
        """Set one task (``"<example>/<task>"``) as a student would."""
        self.toggles[task].value = choice

    @safe
    def toggle_compare(self) -> None:
        if not self.choices():
            self.message.value = note_html(html.escape(texts.CHOOSE_FIRST))
            return
        self.message.value = ""
        self.compared = not self.compared
        self._show()
        self.save()

    def _show(self) -> None:
        shown = self.compared and bool(self.choices())
        self.comparison.value = comparison_html(self.data, self.choices()) if shown else ""
        self.compare_button.description = texts.HIDE_COMPARE if shown else texts.COMPARE


def _count(n: int) -> str:
    return dutch.count(n, *texts.TASKS)


def comparison_html(d: data.Berkelland, chosen: Mapping[str, str]) -> str:
    """The student's split next to the report's, task by task, with a summary and Harmsen's tips."""
    parts = []
    for example in d.examples:
        items = []
        for task in example.tasks:
            mine = chosen.get(f"{example.id}/{task.id}")
            you = texts.YOU.format(choice=d.choices[mine]) if mine else texts.YOU.format(choice=texts.NOT_CHOSEN)
            if task.report is None:  # "Verslag: zegt het niet." says it; no mark after it
                verdict, colour, report = "", "inherit", texts.REPORT_SILENT
            else:
                report = texts.REPORT.format(choice=d.choices[task.report])
                same = mine == task.report
                verdict, colour = (texts.SAME, GOOD) if same else (texts.DIFFERENT, BAD)
                if not mine:
                    verdict, colour = "", "inherit"
            items.append(f'<li style="margin:.2em 0"><b>{html.escape(task.text)}</b> — {html.escape(you)} '
                         f"{html.escape(report)} <span style=\"color:{colour}\">{html.escape(verdict)}</span><br>"
                         f'<span style="opacity:.85">{html.escape(task.note)}</span></li>')
        parts.append(f"<p style=\"margin:.6em 0 .1em 0\"><b>{html.escape(example.title)}</b></p>"
                     f"<ul style=\"margin:.1em 0\">{''.join(items)}</ul>")
    mine = {c: sum(1 for v in chosen.values() if v == c) for c in data.CHOICES}
    tasks = list(d.tasks.values())
    report = {c: sum(1 for t in tasks if t.report == c) for c in data.CHOICES}
    silent = sum(1 for t in tasks if t.report is None)
    summary = texts.SPLIT_SUMMARY_HTML.format(**{c: _count(mine[c]) for c in data.CHOICES},
                                              **{f"r_{c}": _count(report[c]) for c in data.CHOICES},
                                              silent=_count(silent))
    tips = f'<p style="margin:.8em 0 .2em 0">{texts.TIPS_INTRO_HTML}</p>{quote_html(TIPS_KEY)}'
    return (f'<div style="line-height:1.45;max-width:52em">{"".join(parts)}'
            f'<p style="margin:.8em 0">{summary}</p>{tips}</div>')


# ---------------------------------------------------------------- notebook-facing constructors
def trust_explorer() -> TrustExplorer:
    return TrustExplorer()


def breach_view() -> BreachView:
    return BreachView()


def task_split(page, qid: str = "taakverdeling") -> TaskSplit:
    return TaskSplit(page, qid)
