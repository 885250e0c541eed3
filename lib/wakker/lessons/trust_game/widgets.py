"""Widgets of notebook 07: trust and the prisoner's dilemma.

The notebook calls one small function per step::

    from wakker.lessons import trust_game as nb07
    nb07.one_shot()            # the blog's one-shot game in years of prison
    nb07.dominance()           # the dominance reasoning, made visible
    nb07.repeated_game()       # play ten rounds against a character, running score plot
    nb07.tournament_view()     # round robin: ranking table + heat map
    nb07.evolution_view()      # Case-style or replicator evolution, stacked chart
    nb07.sandbox()             # free payoffs and population
    nb07.designer(nb)          # design, test and save a strategy without code

The model is :mod:`wakker.models.prisoners_dilemma`, the characters come from :mod:`.data`, every
fixed Dutch word from :mod:`.texts`, the charts from :mod:`.charts`; boxes, styles, sliders, saving
and Dutch numbers are the shared kit (:mod:`wakker.ui`, :mod:`wakker.core.dutch`). Every callback
is wrapped in :func:`wakker.ui.view.safe`: an error becomes a Dutch message, never a traceback.
Nothing is read at import; the characters are read (and cached) when a widget is first built.
"""
from __future__ import annotations

import html
from typing import Callable, Mapping, Sequence

from wakker.ui.lean import widgets as w
import numpy as np

from ...core import dutch
from ...core.journal import JournalError
from ...models import prisoners_dilemma as P
from ...ui.controls import DutchNumber, DutchSlider
from ...ui.figure import LiveFigure
from ...ui.lines import Lines
from ...ui.saving import SavedWidget, saved_time
from ...ui.style import (ERROR_CLASS, STYLES, cell_html, error_html, note_html, scroll_hint_html, show_html, styled,
                         text_html)
from ...ui.view import View, error_box, report, safe
from . import texts as T
from .charts import (clear_evolution, clear_heatmap, evolution_figure, fig_layout, heatmap_figure,
                     show_evolution, show_heatmap)
from .data import characters, colour_of, main_characters, name_of

NOTEBOOK = "07_blog_vertrouwen_prisoners_dilemma"
ROUNDS = 10  # rounds per match, as in Nicky Case's explorable
PAYOFFS = P.CASE  # R=2, S=-1, T=3, P=0
DESIGN_QID = "eigen-strategie"

COOP_COLOUR = "#2a9d8f"
DEFECT_COLOUR = "#c1121f"
ACCENT = "#e09f3e"
HIGHLIGHT = "font-weight:700;background:rgba(224,159,62,.25)"

EVOLUTION_TITLE = T.EVOLUTION_TITLE
SANDBOX_TITLE = T.SANDBOX_TITLE
TOURNAMENT_TITLE = T.TOURNAMENT_TITLE
NO_RESULT = T.NO_RESULT


def _slider(label: str, value, low, high, step=1, css: str = "") -> DutchSlider:
    """The lesson's slider: a 40em row with the label in 14em, updated when released."""
    return DutchSlider(label, value, low, high, step, continuous_update=False, css=f"wakker-{css}" if css else "")


def _pick(ids: Sequence[str] | None) -> list[str]:
    return list(main_characters() if ids is None else ids)


class Unavailable(View):
    """What a step shows when it cannot be built (say, a broken characters file): a Dutch box."""

    def __init__(self, exc: Exception):
        report(exc)
        self.error = exc
        self.message = w.HTML(error_html(T.NOT_BUILT.format(error=exc)))
        self.box = w.VBox([self.message], _dom_classes=("wakker-onbeschikbaar",))


def _build(cls, *args, **kwargs):
    """Build one step of the notebook; an error becomes a Dutch box in its place, never a traceback."""
    try:
        return cls(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a student sees a Dutch box, never a traceback
        return Unavailable(exc)


class _Later:
    """An HTML widget's text until the widget is made.

    A view fills in its first texts (``update()``) before its widgets exist; each text then goes to the page
    in its widget's first message instead of one more message after it (issue 11: 13 of them in 07's Run
    All). :func:`_made` turns these into the widgets, same attribute names, after that first update."""

    def __init__(self, value: str = ""):
        self.value = value


def _made(view, *names: str) -> None:
    """Replace ``view``'s :class:`_Later` texts ``names`` by HTML widgets with those texts."""
    for name in names:
        setattr(view, name, w.HTML(getattr(view, name).value))


class _LazyMore:
    """A "Meer instellingen" section (an Accordion, closed) whose controls are made when it first opens.

    Most students never open it, and every control there is two to four widget models the page would
    build during Run All (issue 11). Until then the view keeps those settings as plain values; the
    properties that name the controls (``view.boxes``, ``view.preset``, ...) make them when code asks.
    A subclass gives :meth:`_make_more`, the section's children, made from those values.
    """

    _more_built = False

    def _more_section(self, title: str):
        """The closed Accordion with an empty slot; the slot gets its children when it opens."""
        self._more_slot = w.VBox([])
        self.more = w.Accordion(children=[self._more_slot], titles=(title,), selected_index=None,
                                _dom_classes=("wakker-meer",))
        self.more.observe(self._more_opened, names="selected_index")
        return self.more

    @safe
    def _more_opened(self, change) -> None:
        if change["new"] is not None:
            self.build_more()

    def build_more(self) -> None:
        """Make the section's controls (once) and put them in the Accordion."""
        if self._more_built:
            return
        children = tuple(self._make_more())  # made from the plain values, which stay the truth until then
        self._more_built = True
        self._more_slot.children = children

    def _make_more(self) -> list:
        raise NotImplementedError


# --------------------------------------------------------------------------- 1. characters table

def character_table(ids: Sequence[str] | None = None) -> None:
    """Show the characters: Dutch name, what they do, and their name in Nicky Case's explorable."""
    try:
        chars = characters()
        # one block per character (name, then its rule), not a table: on a phone a table's rule column was a strip of
        # a few words wide, cut off at the screen's edge (a teacher's look at 390 px); a block wraps at every width
        items = "".join(
            f'<li style="margin:.45em 0;padding-left:.1em"><span style="color:{chars[s].colour}">●</span> '
            f"<b>{html.escape(chars[s].name)}</b>"
            + (f' <span style="opacity:.75">({T.CHARACTER_CASE.format(name=html.escape(chars[s].case))})</span>'
               if chars[s].case else "")
            + f"<br>{html.escape(chars[s].rule)}</li>"
            for s in _pick(ids))
        show_html(f'<ul class="wakker-personages" style="list-style:none;padding:0;margin:.4em 0;max-width:48em;'
                  f'line-height:1.45">{items}</ul>')
    except Exception as exc:  # noqa: BLE001 - a student sees a Dutch box, never a traceback
        report(exc)
        show_html(error_html(T.ERROR_CHARACTERS.format(error=exc)))


# --------------------------------------------------------------------------- 2. one-shot game

def _years(n: float) -> str:
    n = int(n)
    return T.YEARS_NONE if n == 0 else T.YEARS_ONE if n == 1 else T.YEARS_MANY.format(n=n)


def years_table(highlight: tuple[str, str] | None = None, best: Mapping[str, str | None] | None = None) -> str:
    """HTML: the officer's offer as a 2x2 table, years for A and B; optionally one cell highlighted
    (``highlight`` = (choice of A, choice of B)) or, per column of B, A's better choice marked."""
    rows = []
    corner = f'<td style="{STYLES["kop"]}"></td>'  # an empty corner is no column header
    head = "<tr>" + corner + "".join(cell_html(T.B_DOES[b], head=True) for b in ("silent", "betray")) + "</tr>"
    for a in ("silent", "betray"):
        cells = [cell_html(T.A_DOES[a], head=True)]
        for b in ("silent", "betray"):
            ya, yb = P.PRISON_YEARS[(a, b)]
            extra = mark = ""
            if highlight == (a, b):
                extra = "background:rgba(224,159,62,.35);font-weight:600"
            if best is not None and best.get(b) == a:
                extra = "background:rgba(42,157,143,.22);font-weight:600"
                mark = " ✔"
            cells.append(cell_html(T.YEARS_CELL.format(a=int(ya), b=int(yb), mark=mark), extra))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="wakker-jaren" style="{STYLES["tabel"]}">{head}{"".join(rows)}</table>'


class OneShot(View):
    """The one-shot game: the student is A and presses "Zwijgen" or "Verraden"; B's choice is shown.

    B chooses at random (50/50) unless the student fixes B's choice.
    """

    def __init__(self, seed=None):
        self.rng = np.random.default_rng(seed)
        self.history: list[tuple[str, str]] = []
        self.b_mode = w.ToggleButtons(options=list(T.B_MODES), value="random", description=T.B_MODE_LABEL,
                                      style={"description_width": "initial", "button_width": "12em"})
        self.silent = w.Button(description=T.SILENT_BUTTON, button_style="success", icon="handshake-o",
                               layout=dict(width="12em"), tooltip=T.SILENT_TIP)
        self.betray = w.Button(description=T.BETRAY_BUTTON, button_style="danger", icon="bullhorn",
                               layout=dict(width="12em"), tooltip=T.BETRAY_TIP)
        self.silent.on_click(lambda _b: self.play("silent"))
        self.betray.on_click(lambda _b: self.play("betray"))
        lines = Lines.on(self, "result", "table", "message")  # one widget model for the three lines
        self.result.value = styled("melding", T.ONE_SHOT_START)
        self.table.value = years_table()
        self.box = w.VBox([self.b_mode, w.HBox([w.HTML(T.YOUR_CHOICE), self.silent, self.betray],
                                               layout=dict(align_items="center")),
                           lines.widget],
                          layout=dict(max_width="52em"), _dom_classes=("wakker-eenmalig",))

    @safe
    def play(self, a: str) -> tuple[str, str, float, float]:
        """A (the student) chooses ``a`` ("silent" or "betray"); returns (a, b, years A, years B)."""
        if a not in T.CHOICE:
            raise ValueError(T.BAD_CHOICE)
        mode = self.b_mode.value
        b = mode if mode in T.CHOICE else ("silent" if self.rng.random() < 0.5 else "betray")
        ya, yb = P.PRISON_YEARS[(a, b)]
        self.history.append((a, b))
        total = ""
        if len(self.history) > 1:
            total = T.ONE_SHOT_TOTAL.format(n=len(self.history),
                                            a=int(sum(P.PRISON_YEARS[h][0] for h in self.history)),
                                            b=int(sum(P.PRISON_YEARS[h][1] for h in self.history)))
        self.result.value = styled("uitkomst", T.ONE_SHOT_RESULT.format(
            a_did=T.A_DID[a], b_did=T.B_DID[b], a_years=_years(ya), b_years=_years(yb), total=total))
        self.table.value = years_table(highlight=(a, b))
        self.message.value = ""
        return a, b, ya, yb


def one_shot(seed=None) -> OneShot | Unavailable:
    return _build(OneShot, seed)


class Dominance(View):
    """The dominance reasoning: "Stel: B zwijgt" / "Stel: B verraadt"; after both, the conclusion."""

    def __init__(self):
        self.seen: set[str] = set()
        self.best = P.dominance()
        self.buttons = w.ToggleButtons(options=list(T.SUPPOSE), value=None, style={"button_width": "12em"})
        self.buttons.observe(self._on_choice, names="value")
        lines = Lines.on(self, "text", "table", "conclusion", "message")  # one widget model for the four lines
        self.text.value = styled("melding", T.DOMINANCE_START)
        self.table.value = years_table()
        self.box = w.VBox([self.buttons, lines.widget],
                          layout=dict(max_width="52em"), _dom_classes=("wakker-dominantie",))

    def _on_choice(self, change) -> None:
        if change["new"] is not None:
            self.suppose(change["new"])

    @safe
    def suppose(self, b: str) -> str | None:
        """Show A's two options when B chooses ``b``; returns A's better choice."""
        silent, betray = P.PRISON_YEARS[("silent", b)][0], P.PRISON_YEARS[("betray", b)][0]
        better = self.best[b]
        self.seen.add(b)
        self.text.value = styled("uitkomst", T.DOMINANCE_STEP.format(
            b=T.B_VERB[b], silent=int(silent), betray=int(betray), better=T.CHOICE[better],
            difference=int(abs(silent - betray))))
        self.table.value = years_table(best={k: v for k, v in self.best.items() if k in self.seen})
        if self.seen == {"silent", "betray"}:
            self.conclusion.value = styled("melding", T.DOMINANCE_END.format(choice=T.CHOICE[P.dominant_choice()]))
        return better


def dominance() -> Dominance | Unavailable:
    return _build(Dominance)


def payoff_table(payoffs: P.Payoffs = PAYOFFS) -> None:
    """The order of rewards: T, R, P, S with the blog's years and the points this notebook uses."""
    years = P.years_to_payoffs()
    head = "<tr>" + "".join(cell_html(h, head=True) for h in T.PAYOFF_HEAD) + "</tr>"
    body = "".join(
        "<tr>" + cell_html(f"<b>{k}</b>") + cell_html(name, "text-align:left") + cell_html(when, "text-align:left")
        + cell_html(T.PAYOFF_YEARS.format(years=int(-getattr(years, k)), points=dutch.compact(getattr(years, k)))
                    if getattr(years, k) else T.PAYOFF_FREE)
        + cell_html(dutch.compact(getattr(payoffs, k))) + "</tr>"
        for k, name, when in T.PAYOFF_ROWS)
    # on a phone the table scrolls sideways and its last two columns, the numbers, are off the screen: a line says so
    show_html(scroll_hint_html(T.PAYOFF_SCROLL_HINT)
              + f'<table class="wakker-beloningen" style="{STYLES["tabel"]}">{head}{body}</table>')


# --------------------------------------------------------------------------- 3. repeated game

HIDDEN = "?"
#: From this many rounds the table of moves is wider than the output column of a 390 px screen, whoever the
#: opponent is, so it scrolls sideways there (measured in JupyterLab, a box of 270 px: at round 4 the table is 290 px
#: against "Tegenstander" but fits against the Spiegel, its first column wrapping; at round 5 330 px, round 10 500).
MOVES_HINT_FROM = 5
#: The line above that table from then on: hidden here; the kit's stylesheet shows a ``wakker-schuif-hint`` only on
#: a narrow screen.
MOVES_SCROLL_HINT_HTML = scroll_hint_html(T.MOVES_SCROLL_HINT)


class RepeatedGame(View):
    """Play ``rounds`` rounds against a character with buttons; running totals in a LiveFigure."""

    def __init__(self, rounds: int = ROUNDS, payoffs: P.Payoffs = PAYOFFS, opponents: Sequence[str] | None = None,
                 seed=None, hidden: bool = False):
        self.rounds, self.payoffs = int(rounds), payoffs
        self.rng = np.random.default_rng(seed)
        self.opponents = _pick(opponents)
        options = [(name_of(s), s) for s in self.opponents] + [(T.HIDDEN_OPPONENT, HIDDEN)]
        self.opponent = w.Dropdown(options=options, value=HIDDEN if hidden else self.opponents[0],
                                   description=T.OPPONENT_LABEL, style={"description_width": "initial"},
                                   layout=dict(width="34em", max_width="100%"))
        self.opponent.observe(lambda _c: self.reset(), names="value")
        self.rule = _Later()
        self.coop = w.Button(description=T.COOPERATE_BUTTON, button_style="success", layout=dict(width="12em"))
        self.defect = w.Button(description=T.DEFECT_BUTTON, button_style="danger", layout=dict(width="12em"))
        self.again = w.Button(description=T.AGAIN_BUTTON, layout=dict(width="12em"))
        self.coop.on_click(lambda _b: self.play("C"))
        self.defect.on_click(lambda _b: self.play("D"))
        self.again.on_click(lambda _b: self.reset())
        self.message = _Later()
        import plotly.graph_objects as go

        self.fig = LiveFigure(
            data=[go.Scatter(x=[0], y=[0], mode="lines+markers", name=T.YOU, line=dict(color=ACCENT, width=3)),
                  go.Scatter(x=[0], y=[0], mode="lines+markers", name=T.OPPONENT,
                             line=dict(color="#264653", width=3, dash="dot"))],
            layout=fig_layout(
                # the title at the top, the legend in a band of its own below it: on a phone the two met
                height=330, title=dict(text=T.SCORE_TITLE, x=0.02, y=1, yref="container", yanchor="top",
                                       pad=dict(t=8)),
                margin=dict(l=65, r=10, t=60, b=62),
                xaxis=dict(title=T.ROUND_AXIS, range=[-0.3, self.rounds + 0.3], dtick=1),
                yaxis=dict(title=T.POINTS_AXIS, zeroline=True),
                legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom")))
        legend = T.POINTS_LEGEND.format(**{k: dutch.compact(getattr(payoffs, k)) for k in "RSTP"})
        # the legend, the status and the moves: one widget model
        lines = Lines.on(self, "legend", "status", "moves", fixed={"legend": note_html(legend)})
        self.reset()  # before fig.widget exists: the browser gets the figure once, filled in
        _made(self, "rule", "message")  # and the texts in their first message
        self.box = w.VBox([self.opponent, self.rule,
                           w.HBox([self.coop, self.defect, self.again]),
                           lines.widget, self.fig.widget, self.message],
                          layout=dict(max_width="56em"), _dom_classes=("wakker-herhaald",))

    @property
    def round(self) -> int:
        return len(self.mine)

    @safe
    def reset(self) -> None:
        """Start a new match against the chosen opponent (a random one when hidden)."""
        self.mine: list[str] = []
        self.theirs: list[str] = []
        self.scores: list[tuple[float, float]] = []
        choice = self.opponent.value
        self.hidden = choice == HIDDEN
        self.current = str(self.rng.choice(self.opponents)) if self.hidden else choice
        if self.hidden:
            self.rule.value = text_html(T.HIDDEN_RULE)
        else:
            self.rule.value = text_html(f"<i>{html.escape(characters()[self.current].rule)}</i>")
        self.coop.disabled = self.defect.disabled = False
        self.status.value = styled("melding", T.FIRST_ROUND.format(rounds=self.rounds))
        self.moves.value = self._moves_html()
        self._plot()
        self.message.value = ""

    def _opponent_label(self) -> str:
        return T.OPPONENT if self.hidden and self.round < self.rounds else name_of(self.current)

    def _plot(self) -> None:
        x = list(range(self.round + 1))
        mine = np.concatenate(([0.0], np.cumsum([s[0] for s in self.scores]))) if self.scores else [0.0]
        theirs = np.concatenate(([0.0], np.cumsum([s[1] for s in self.scores]))) if self.scores else [0.0]
        with self.fig.batch_update():
            self.fig.data[0].x, self.fig.data[0].y = x, list(mine)
            self.fig.data[1].x, self.fig.data[1].y = x, list(theirs)
            self.fig.data[1].name = self._opponent_label()

    def _moves_html(self) -> str:
        if not self.mine:
            return ""

        def cell(m: str) -> str:
            colour = COOP_COLOUR if m == "C" else DEFECT_COLOUR
            return cell_html(T.MOVE[m], f"background:{colour};color:white;font-size:.8em;padding:.2em .4em")

        rounds_head, me_head, points_head = T.MOVES_HEAD
        head = cell_html(rounds_head, "text-align:left", head=True) + "".join(
            cell_html(str(i + 1), head=True) for i in range(self.round))
        me = cell_html(me_head, "text-align:left", head=True) + "".join(cell(m) for m in self.mine)
        them = cell_html(html.escape(self._opponent_label()), "text-align:left", head=True) + \
            "".join(cell(m) for m in self.theirs)
        pts = cell_html(points_head, "text-align:left", head=True) + "".join(
            cell_html(f"{dutch.compact(a)} / {dutch.compact(b)}", "font-size:.8em") for a, b in self.scores)
        hint = MOVES_SCROLL_HINT_HTML if self.round >= MOVES_HINT_FROM else ""
        # width:0 and min-width:100%: the box takes the column's width, not the table's, so only the table scrolls
        # (without them the table widened the whole line block, and the sentences above it ran off the screen)
        return (f'{hint}<div style="{STYLES["schuif"]}"><table style="{STYLES["tabel"]}">'
                f"<tr>{head}</tr><tr>{me}</tr><tr>{them}</tr><tr>{pts}</tr></table></div>")

    @safe
    def play(self, move: str) -> tuple[str, str] | None:
        """Play one round: the student's ``move`` ("C" or "D"); returns (own move, opponent's move)."""
        if move not in ("C", "D"):
            raise ValueError(T.BAD_MOVE)
        if self.round >= self.rounds:
            self.message.value = styled("melding", T.MATCH_OVER)
            return None
        p = P.next_cooperation(self.current, self.theirs, self.mine, self.payoffs)
        theirs = "C" if self.rng.random() < p else "D"
        k = 2 * (move == "D") + (theirs == "D")
        self.mine.append(move)
        self.theirs.append(theirs)
        self.scores.append((float(self.payoffs._row()[k]), float(self.payoffs._col()[k])))
        total_me = sum(s[0] for s in self.scores)
        total_them = sum(s[1] for s in self.scores)
        if self.round < self.rounds:
            self.status.value = styled("melding", T.NEXT_ROUND.format(
                round=self.round + 1, rounds=self.rounds, me=dutch.compact(total_me),
                opponent=html.escape(self._opponent_label()), them=dutch.compact(total_them)))
        else:
            self.coop.disabled = self.defect.disabled = True
            reveal = ""
            if self.hidden:
                c = characters()[self.current]
                reveal = T.REVEAL.format(name=html.escape(c.name), rule=html.escape(c.rule))
            self.status.value = styled("uitkomst", T.MATCH_RESULT.format(
                me=dutch.compact(total_me), opponent=html.escape(name_of(self.current)),
                them=dutch.compact(total_them), together=dutch.compact(total_me + total_them), reveal=reveal))
        self.moves.value = self._moves_html()
        self._plot()
        self.message.value = ""
        return move, theirs


def repeated_game(rounds: int = ROUNDS, seed=None, hidden: bool = False) -> RepeatedGame | Unavailable:
    """The repeated game; ``hidden=True`` starts against an unknown character (play before the table)."""
    return _build(RepeatedGame, rounds=rounds, seed=seed, hidden=hidden)


# --------------------------------------------------------------------------- 4. tournament


def ranking_html(result: P.TournamentResult, names: Callable[[str], str] = name_of,
                 highlight: str | None = None) -> str:
    """Ranking table of a tournament in Dutch (place, character, total, mean per round)."""
    head = "<tr>" + "".join(cell_html(h, head=True) for h in T.RANKING_HEAD) + "</tr>"
    rows = []
    for i in result.order:  # the order of result.ranking, from the arrays (no pandas)
        sid = result.ids[i]
        extra = HIGHLIGHT if sid == highlight else ""
        dot = f'<span style="color:{colour_of(sid, ACCENT)}">●</span> '
        rows.append("<tr>" + cell_html(str(int(result.ranks[i])), extra)
                    + cell_html(dot + html.escape(names(sid)), "text-align:left;white-space:nowrap;" + extra)
                    + cell_html(dutch.number(result.strategy_totals[i], 1), extra)
                    + cell_html(dutch.number(result.strategy_means[i], 2), extra)
                    + "</tr>")
    return f'<table class="wakker-ranglijst" style="{STYLES["tabel"]}">{head}{"".join(rows)}</table>'


#: The last thing above the ranking: on a phone the ranking scrolls sideways, and this line says so. Hidden here;
#: the kit's stylesheet shows a ``wakker-schuif-hint`` only on a narrow screen.
SCROLL_HINT_HTML = scroll_hint_html(T.SCROLL_HINT)


class TournamentView(_LazyMore, View):
    """Round robin between chosen characters: ranking table and a heat map, updated in place.

    Who plays (nine tick boxes) and how often sit under "Meer instellingen", made when that opens
    (:class:`_LazyMore`); until then ``chosen()`` and the repetitions are plain values."""

    def __init__(self, ids: Sequence[str] | None = None, rounds: int = ROUNDS, repetitions: int = 10,
                 noise: float = 0.0, payoffs: P.Payoffs = PAYOFFS, seed: int = 7,
                 chosen: Sequence[str] | None = None):
        self.ids = _pick(ids)
        self.payoffs, self.seed = payoffs, seed
        self._chosen = set(self.ids if chosen is None else chosen)
        self._repetitions_value = repetitions
        self._boxes: dict[str, object] = {}
        self._repetitions: DutchSlider | None = None
        self.rounds = _slider(T.ROUNDS_LABEL, rounds, 1, 50, css="rondes")
        self.noise = _slider(T.NOISE_LABEL, int(round(noise * 100)), 0, 50, css="vergissing")
        for s in (self.rounds, self.noise):
            s.observe(self.update)
        self.table = _Later()
        # one widget model for the lines; the first says why 'Nog eens' is off, when it is; the second counts the
        # winners of the draws since the settings last changed (a teacher's reading: the tournament has chance, but
        # no way to play it again with other chance, so a student could not see how much the outcome varies)
        lines = Lines.on(self, "reseed_note", "tally", "message", "summary")
        self.fig = heatmap_figure(payoffs, phone=True)  # on a phone: numbered names (charts.PHONE_LAYOUT)
        self.result: P.TournamentResult | None = None
        self.chance = True  # whether another seed can change the result (update() sets it)
        self.winners: list[str] = []  # the winner of each draw at the present settings, the first draw first
        self._pressed = False
        self.update()  # before fig.widget exists: the browser gets the figure once, filled in
        _made(self, "table")  # and the texts in their first message
        self.reseed = w.Button(description=T.RESEED_BUTTON, icon="refresh", layout=dict(width="17em"),
                               disabled=not self.chance)
        self.reseed.on_click(self._reseed)
        # at most four controls up front (lesson guide M4): rounds and mistakes; who plays and how often under "Meer";
        # the button right above the lines and the ranking it changes, as in the evolution
        self._more_section(T.TOURNAMENT_MORE_LABEL)
        self.box = w.VBox([self.rounds.box, self.noise.box, self.more, self.reseed, lines.widget,
                           w.HBox([self.table], layout=dict(overflow="auto")), self.fig.widget],
                          layout=dict(max_width="60em"), _dom_classes=("wakker-toernooi",))

    def _make_more(self) -> list:
        self._boxes = {s: w.Checkbox(value=s in self._chosen, description=name_of(s), indent=False,
                                     layout=dict(width="auto")) for s in self.ids}
        for b in self._boxes.values():
            b.observe(self.update, names="value")
        self._repetitions = _slider(T.REPETITIONS_LABEL, self._repetitions_value, 1, 50, css="herhalingen")
        self._repetitions.observe(self.update)
        grid = w.GridBox(list(self._boxes.values()),
                         layout=dict(grid_template_columns="repeat(auto-fill, minmax(11em, 1fr))",
                                     grid_gap="0 1em"))
        return [w.HTML(T.WHO_PLAYS), grid, self._repetitions.box, w.HTML(T.REPETITIONS_NOTE)]

    @property
    def boxes(self) -> dict:
        """The tick boxes "who plays", by character id (made now if the section was never opened)."""
        self.build_more()
        return self._boxes

    @property
    def repetitions(self) -> DutchSlider:
        self.build_more()
        return self._repetitions

    def _repetitions_now(self) -> int:
        return self._repetitions.value if self._more_built else min(max(int(self._repetitions_value), 1), 50)

    def chosen(self) -> list[str]:
        if not self._more_built:
            return [s for s in self.ids if s in self._chosen]
        return [s for s in self.ids if self._boxes[s].value]

    def _reseed(self, _b=None) -> None:
        """'Nog eens, met ander toeval': the same settings with the next seed; its winner joins the tally."""
        self.seed += 1
        self._pressed = True
        try:
            self.update()
        finally:
            self._pressed = False

    def _show_chance(self, chance: bool) -> None:
        """The button on when another seed can change the result, else off with a line that says why."""
        self.chance = chance
        self.reseed_note.value = "" if chance else no_chance_html("tournament", self.payoffs)
        if "reseed" in self.__dict__:  # made after the first update()
            self.reseed.disabled = not chance

    def _tally_html(self) -> str:
        """After a press on 'Nog eens': who won how often over the draws at these settings (empty before)."""
        if len(self.winners) < 2:
            return ""
        counts: dict[str, int] = {}
        for name in self.winners:
            counts[name] = counts.get(name, 0) + 1
        parts = [T.TALLY_PART.format(name=html.escape(name), times=times)
                 for name, times in sorted(counts.items(), key=lambda kv: -kv[1])]
        return text_html(T.TALLY.format(draws=len(self.winners), winners=", ".join(parts)))

    @safe
    def update(self, _change=None) -> P.TournamentResult | None:
        if not self._pressed:  # a setting moved (or the first draw): a new tally
            self.winners = []
        ids = self.chosen()
        self._show_chance(draws_in_matches({s: 1 for s in ids}, self.payoffs, self.noise.value / 100))
        if len(ids) < 2:
            self.message.value = error_html(T.TOO_FEW_CHARACTERS)
            self.result = None
            self.summary.value = self.table.value = self.tally.value = ""
            clear_heatmap(self.fig, T.NO_RESULT)
            return None
        repetitions = self._repetitions_now()
        res = P.tournament(ids, rounds=self.rounds.value, repetitions=repetitions,
                           payoffs=self.payoffs, noise=self.noise.value / 100, seed=self.seed, self_play=False)
        self.result = res
        order = res.order  # rows and columns in the order of the ranking
        show_heatmap(self.fig, res.mean[np.ix_(order, order)], [name_of(res.ids[i]) for i in order])
        tied = [name_of(res.ids[i]) for i in order if res.ranks[i] == 1]
        winner = (T.WINS.format(name=html.escape(tied[0])) if len(tied) == 1 else
                  T.SHARED_FIRST.format(names=", ".join(f"<b>{html.escape(t)}</b>" for t in tied)))
        self.summary.value = text_html(T.TOURNAMENT_SUMMARY.format(
            winner=winner, n=len(ids), repetitions=repetitions,
            rounds=dutch.count(self.rounds.value, *T.ROUND), noise=self.noise.value)) + SCROLL_HINT_HTML
        self.winners.append(tied[0] if len(tied) == 1 else T.SHARED.format(names=T.AND.join(tied)))
        self.tally.value = self._tally_html()
        self.table.value = ranking_html(res)
        self.message.value = ""
        return res


def tournament_view(**kwargs) -> TournamentView | Unavailable:
    return _build(TournamentView, **kwargs)


# --------------------------------------------------------------------------- 5. evolution

#: Start populations of 25 players: key -> (Dutch label, counts).
PRESETS: dict[str, tuple[str, dict[str, int]]] = {
    "goedgelovig": (T.PRESET_LABELS["goedgelovig"],
                    {"always_cooperate": 15, "always_defect": 5, "tit_for_tat": 5}),
    "weinig-spiegels": (T.PRESET_LABELS["weinig-spiegels"], {"always_defect": 20, "tit_for_tat": 5}),
    "alle-acht": (T.PRESET_LABELS["alle-acht"], {**{s: 3 for s in P.CLASSICS}, "tit_for_tat": 4}),
    "vergevers": (T.PRESET_LABELS["vergevers"],
                  {"tit_for_tat": 5, "tit_for_two_tats": 5, "generous_tit_for_tat": 5, "win_stay_lose_shift": 5,
                   "always_defect": 5}),
}
METHODS = T.METHODS

#: The experiments of the evolution part: key -> (Dutch label, settings); "eigen" = the student's own settings.
EXPERIMENTS: dict[str, tuple[str, dict | None]] = {
    "begin": (T.EXPERIMENT_LABELS["begin"], dict(preset="goedgelovig", rounds=10, reward=2.0, noise=0)),
    "kort": (T.EXPERIMENT_LABELS["kort"], dict(preset="goedgelovig", rounds=3, reward=2.0, noise=0)),
    "winst": (T.EXPERIMENT_LABELS["winst"], dict(preset="goedgelovig", rounds=6, reward=1.2, noise=0)),
    "vergissingen": (T.EXPERIMENT_LABELS["vergissingen"], dict(preset="alle-acht", rounds=10, reward=2.0, noise=5)),
    "eigen": (T.EXPERIMENT_LABELS["eigen"], None),
}


def _descending(values: np.ndarray) -> np.ndarray:
    """Indices from the largest value to the smallest, NaN last: the order pandas'
    ``Series.sort_values(ascending=False)`` gives (its default sort, equal values included)."""
    nan = np.isnan(values)
    idx = np.flatnonzero(~nan)[::-1]
    order = idx[values[idx].argsort(kind="quicksort")][::-1]
    return np.concatenate([order, np.flatnonzero(nan)])


def _summary_html(shares: P.History, counts: bool, n: int, generations: int) -> str:
    values = shares.values
    last = values[-1].astype(float)
    order = _descending(last)
    parts = []
    for j in order:
        sid, v = shares.ids[j], last[j].item()
        if v <= 0.005:
            continue
        amount = T.OUT_OF.format(count=int(round(v * n)), n=n) if counts else f"{dutch.number(v * 100, 0)} %"
        parts.append(f"{html.escape(name_of(sid))} {amount}")
    gone = [name_of(shares.ids[j]) for j in order if last[j] <= 0.005 and values[0, j] > 0]
    text = T.AFTER_GENERATIONS.format(generations=generations) + ", ".join(parts) + "."
    if gone:
        text += T.GONE.format(names=", ".join(html.escape(g) for g in gone))
    return text_html(text)


def evolution_shares(method: str, population: Mapping[str, int], generations: int, rounds: int,
                     payoffs: P.Payoffs, noise: float, replace: int, seed: int) -> P.History:
    """Shares (0-1) per generation for either method, as arrays (what the widgets show; no pandas)."""
    pop = {s: int(c) for s, c in population.items() if int(c) > 0}
    n = sum(pop.values())
    if method == "case":
        counts = P.evolve_history(pop, generations=generations, rounds=rounds, payoffs=payoffs, noise=noise,
                                  replace=min(replace, n // 2), seed=seed)
        return P.History(counts.ids, counts.values / n)
    return P.replicator_history(list(pop), generations=generations, initial=pop, rounds=rounds, payoffs=payoffs,
                                noise=noise, repetitions=20, seed=seed, self_play=True)


def draws_in_matches(population: Mapping[str, int], payoffs: P.Payoffs, noise: float) -> bool:
    """Whether the matches are drawn: with mistakes, or with a character that draws its moves (the Gokker, the
    Gulle spiegel). Then another seed gives other scores, in both ways of evolving."""
    return noise > 0 or any(not P.get_strategy(s).is_deterministic(payoffs)
                            for s, c in population.items() if int(c) > 0)


def ties_decide(counts: P.History, rounds: int, payoffs: P.Payoffs, replace: int) -> bool:
    """"Stap voor stap" with matches that are not drawn: whether, in the generations of ``counts`` (players per
    character, one row per generation), equal scores of different characters at the cut left it to chance who
    goes or who is copied. The model draws only there, so without such a tie every seed gives these same
    generations (until the first tie the path is the same for every seed; there was none)."""
    ids = list(counts.ids)
    res = P.tournament(ids, rounds=rounds, repetitions=1, payoffs=payoffs, noise=0.0, seed=0, self_play=True)
    at = [list(res.ids).index(sid) for sid in ids]
    total = res.total[np.ix_(at, at)]  # points of one match, row against column
    own = np.diag(total)
    for c in counts.values[:-1].astype(int):
        labels = np.repeat(np.arange(len(ids)), c)
        r = min(int(replace), labels.size // 2)
        if r == 0:
            continue
        score = (total @ c - own)[labels]  # everyone plays everyone else once
        ordered = np.sort(score).tolist()
        for edge, beyond in ((ordered[r - 1], ordered[r]), (ordered[-r], ordered[-r - 1])):
            # np.isclose's test on two plain floats: a scalar np.isclose per generation cost 8 of an update's
            # 14 ms (a slider move, issue 11)
            if abs(edge - beyond) <= 1e-8 + 1e-5 * abs(beyond) and np.unique(labels[np.isclose(score, edge)]).size > 1:
                return True
    return False


def no_chance_html(method: str, payoffs: P.Payoffs) -> str:
    """The line under the switched-off button: why there is no chance now, naming the characters that draw."""
    drawing = [sid for sid in main_characters() if not P.get_strategy(sid).is_deterministic(payoffs)]
    names = [html.escape(name_of(sid)) for sid in drawing]
    joined = T.OR.join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return f'<div class="wakker-geen-toeval">{note_html(T.NO_CHANCE[method].format(names=joined))}</div>'


def run_evolution(method: str, population: Mapping[str, int], generations: int, rounds: int,
                  payoffs: P.Payoffs, noise: float, replace: int, seed: int):
    """Shares (0-1) per generation for either method; DataFrame with one column per strategy
    (:func:`evolution_shares` as a table; imports pandas)."""
    return evolution_shares(method, population, generations, rounds, payoffs, noise, replace, seed).to_frame()


class _SharesTable:
    """``view.shares``: the last result as a DataFrame, built (and pandas imported) only when asked for;
    the widget itself keeps the arrays in ``view.history``."""

    history: P.History | None = None

    @property
    def shares(self):
        return None if self.history is None else self.history.to_frame()


def payoff_problems_html(pay: P.Payoffs) -> str:
    """Dutch explanation when payoffs are not a prisoner's dilemma (empty string if they are)."""
    problems = pay.problems()
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(T.payoff_problem(p))}</li>" for p in problems)
    return styled("fout", T.NOT_A_PD.format(items=items))


class EvolutionView(_LazyMore, _SharesTable, View):
    """A population of 25 that changes each generation; Case-style or replicator; stacked area chart.

    The start population, the method, how many are replaced and the generations sit under "Meer
    instellingen", made when that opens (:class:`_LazyMore`); until then they are plain values."""

    def __init__(self, preset: str = "goedgelovig", method: str = "case", rounds: int = ROUNDS, noise: float = 0.0,
                 reward: float = PAYOFFS.R, replace: int = 5, generations: int = 40, seed: int = 1,
                 experiment: str | None = None):
        self.seed = seed
        self._applying = False
        # an experiment sets four controls: made with its values at once (no second message to the page for each)
        settings = None if experiment is None else EXPERIMENTS[experiment][1]
        if settings is not None:
            preset, rounds, reward, noise = (settings["preset"], settings["rounds"], settings["reward"],
                                             settings["noise"] / 100)
        if preset not in PRESETS or method not in METHODS:
            raise ValueError(f"unknown preset {preset!r} or method {method!r}")
        # the settings under "Meer" until its controls exist (then the controls hold them)
        self._settings = dict(preset=preset, method=method, replace=min(max(int(replace), 1), 12),
                              generations=min(max(int(generations), 10), 100))  # as the sliders clamp
        self._controls: dict[str, object] = {}
        # the experiments as a list of choices, not a menu: a menu shows one line and cannot wrap it, and on a phone
        # it showed "Begin: 15 Goedzakken, 5 Valsspelers, 5 S" (a teacher's review); here every proef is whole, on
        # more lines if needed (the kit's class wakker-options), and on a wide screen all four are seen at once, in
        # the order the text asks for them
        self.experiment = w.RadioButtons(options=[(label, key) for key, (label, _) in EXPERIMENTS.items()],
                                         value="eigen" if experiment is None else experiment,
                                         description=T.EXPERIMENT_LABEL, style={"description_width": "14em"},
                                         layout=dict(width="48em", max_width="100%"), _dom_classes=("wakker-options",))
        self.experiment.observe(self._on_experiment, names="value")
        self.rounds = _slider(T.ROUNDS_LABEL, rounds, 1, 20, css="rondes")
        self.noise = _slider(T.NOISE_LABEL, int(round(noise * 100)), 0, 50, css="vergissing")
        self.reward = _slider(T.REWARD_LABEL, float(reward), 0.5, 3.0, 0.1, css="beloning")
        for c in (self.rounds, self.noise, self.reward):
            c.observe(self._on_control, names="value")
        # one widget model for the four lines; the first says why 'Nog eens' is off, when it is
        lines = Lines.on(self, "reseed_note", "explain", "message", "summary")
        self.fig = evolution_figure(T.EVOLUTION_TITLE, legend_room=130)
        self.history = None
        self.chance = True  # whether another seed can change the result (update() sets it)
        self.update()  # before fig.widget exists: the browser gets the figure once, filled in
        # switched off, with the line under it that says why, when nothing is left to chance (a teacher's review:
        # in 'Vloeiend' at 0 % it did nothing visible); made after update(), so sent once with its state
        self.reseed = w.Button(description=T.RESEED_BUTTON, icon="refresh", layout=dict(width="17em"),
                               disabled=not self.chance)
        self.reseed.on_click(self._reseed)
        # at most four controls up front (lesson guide M4); the rest under "Meer"; the button right above the
        # lines and the chart it changes (and its line), also when "Meer" is open
        self._more_section(T.MORE_LABEL)
        self.box = w.VBox([self.experiment, self.rounds.box, self.reward.box, self.noise.box, self.more,
                           self.reseed, lines.widget, self.fig.widget],
                          layout=dict(max_width="60em"), _dom_classes=("wakker-evolutie",))

    def _make_more(self) -> list:
        v = self._settings
        # the start populations as a list of choices, not a menu: a menu cannot wrap its text, and on a phone it
        # showed "15 Goedzakken, 5 Valsspelers, 5 Sp" (a teacher's review); here every choice is whole, on more
        # lines if needed (the kit's class wakker-options), and on a wide screen all four are seen at once
        preset = w.RadioButtons(options=[(label, key) for key, (label, _) in PRESETS.items()], value=v["preset"],
                                description=T.PRESET_LABEL, style={"description_width": "14em"},
                                layout=dict(width="48em", max_width="100%"), _dom_classes=("wakker-options",))
        # the label as the buttons' own description: on a phone the kit puts it on its own line, left, above the
        # buttons (an HTML label of 14em beside them floated, right-aligned, in the middle above them)
        method = w.ToggleButtons(options=[(t, k) for k, t in METHODS.items()], value=v["method"],
                                 description=T.METHOD_LABEL, tooltip=T.METHOD_LABEL,
                                 style={"description_width": "14em", "button_width": "19em"})  # "Stap voor stap
        # (zoals Nicky Case)" whole
        replace = _slider(T.REPLACE_LABEL, v["replace"], 1, 12, css="vervangen")
        generations = _slider(T.GENERATIONS_LABEL, v["generations"], 10, 100, step=10, css="generaties")
        replace.slider.disabled = v["method"] != "case"
        for c in (preset, method, replace, generations):
            c.observe(self._on_control, names="value")
        self._controls = dict(preset=preset, method=method, replace=replace, generations=generations)
        return [preset, method, replace.box, w.HTML(T.REPLACE_NOTE), generations.box]

    def _control(self, name: str):
        self.build_more()
        return self._controls[name]

    preset = property(lambda self: self._control("preset"), doc="The start population (a list of choices under Meer).")
    method = property(lambda self: self._control("method"), doc="Case-style or replicator (ToggleButtons).")
    replace = property(lambda self: self._control("replace"), doc="How many are replaced (a DutchSlider).")
    generations = property(lambda self: self._control("generations"), doc="Generations (a DutchSlider).")

    def _setting(self, name: str):
        """The value of a setting under "Meer": its control's once made, else the plain value."""
        return self._controls[name].value if self._more_built else self._settings[name]

    def _on_experiment(self, change) -> None:
        settings = EXPERIMENTS[change["new"]][1]
        if settings is None:
            return
        self._applying = True
        try:
            if self._more_built:
                self._controls["preset"].value = settings["preset"]
            else:
                self._settings["preset"] = settings["preset"]
            self.rounds.value = settings["rounds"]
            self.reward.value = settings["reward"]
            self.noise.value = settings["noise"]
        finally:
            self._applying = False
        self.update()

    def _on_control(self, change) -> None:
        """A control moved by the student: their own settings from now on, then redraw."""
        if self._applying:
            return
        if self.experiment.value != "eigen":
            self._applying = True
            try:
                self.experiment.value = "eigen"
            finally:
                self._applying = False
        self.update()

    def payoffs(self) -> P.Payoffs:
        return P.Payoffs(R=round(float(self.reward.value), 2), S=PAYOFFS.S, T=PAYOFFS.T, P=PAYOFFS.P)

    def _reseed(self, _b=None) -> None:
        self.seed += 1
        self.update()

    def _show_chance(self, chance: bool, method: str, pay: P.Payoffs) -> None:
        """The button on when another seed can change the result, else off with a line that says why."""
        self.chance = chance
        self.reseed_note.value = "" if chance else no_chance_html(method, pay)
        if "reseed" in self.__dict__:  # made after the first update()
            self.reseed.disabled = not chance

    @safe
    def update(self, _change=None):
        pay = self.payoffs()
        method = self._setting("method")
        if self._more_built:
            self._controls["replace"].slider.disabled = method != "case"
        self.explain.value = note_html(T.POINTS_LINE.format(**{k: dutch.compact(getattr(pay, k)) for k in "TRPS"})
                                       + T.EXPLAIN[method])
        bad = payoff_problems_html(pay)
        if bad:
            self._show_chance(True, method, pay)
            self.message.value = bad
            self.summary.value = ""
            self.history = None  # no stale result next to the warning
            clear_evolution(self.fig, T.NO_RESULT)
            return None
        population = PRESETS[self._setting("preset")][1]
        generations = self._setting("generations")
        shares = evolution_shares(method, population, generations, self.rounds.value, pay,
                                  self.noise.value / 100, self._setting("replace"), self.seed)
        self.history = shares
        n = sum(population.values())
        chance = draws_in_matches(population, pay, self.noise.value / 100) or method == "case" and ties_decide(
            P.History(shares.ids, np.rint(shares.values * n)), self.rounds.value, pay, self._setting("replace"))
        self._show_chance(chance, method, pay)
        show_evolution(self.fig, shares, T.EVOLUTION_TITLE)
        self.summary.value = _summary_html(shares, method == "case", sum(population.values()), generations)
        self.message.value = ""
        return shares


def evolution_view(**kwargs) -> EvolutionView | Unavailable:
    return _build(EvolutionView, **kwargs)


# --------------------------------------------------------------------------- 6. sandbox

PAYOFF_PRESETS: dict[str, tuple[str, P.Payoffs | None]] = {
    "case": (T.PAYOFF_PRESET_LABELS["case"], P.CASE),
    "axelrod": (T.PAYOFF_PRESET_LABELS["axelrod"], P.AXELROD),
    "jaren": (T.PAYOFF_PRESET_LABELS["jaren"], P.years_to_payoffs()),
    "eigen": (T.PAYOFF_PRESET_LABELS["eigen"], None),
}
PAYOFF_LABELS = T.PAYOFF_LABELS

MAX_POPULATION = 50  # keeps every sandbox move well under 100 ms (50 players: ~1200 matches a generation)

#: Start populations of the sandbox: key -> (Dutch label, counts); "eigen" = the student's own counts.
POPULATIONS: dict[str, tuple[str, dict[str, int] | None]] = {
    "alle-acht": (T.POPULATION_LABELS["alle-acht"], PRESETS["alle-acht"][1]),
    "weinig-spiegels": (T.POPULATION_LABELS["weinig-spiegels"], PRESETS["weinig-spiegels"][1]),
    "een-valsspeler": (T.POPULATION_LABELS["een-valsspeler"], {"always_defect": 1, "always_cooperate": 24}),
    "goedgelovig": (T.POPULATION_LABELS["goedgelovig"], PRESETS["goedgelovig"][1]),
    "eigen": (T.POPULATION_LABELS["eigen"], None),
}


class Sandbox(_LazyMore, _SharesTable, View):
    """Case's sandbox: your own payoffs, population, rounds and mistakes; Case-style evolution.

    Payoffs that do not form a prisoner's dilemma give a Dutch explanation instead of results.
    The four payoff numbers and the nine population sliders sit under "Meer instellingen", made when
    that opens (:class:`_LazyMore`); until then the two menus set plain values.
    """

    def __init__(self, generations: int = 50, seed: int = 3):
        self.seed, self.generations = seed, generations
        start = POPULATIONS["alle-acht"][1]
        # the payoffs and counts until their controls exist under "Meer" (then the controls hold them)
        self._payoff_values = {k: float(getattr(P.CASE, k)) for k in ("T", "R", "P", "S")}
        self._count_values = {s: start.get(s, 0) for s in main_characters()}
        self._inputs: dict[str, object] = {}
        self._counts: dict[str, DutchSlider] = {}
        self.preset = w.Dropdown(options=[(label, key) for key, (label, _) in PAYOFF_PRESETS.items()], value="case",
                                 description=T.PAYOFF_PRESET_LABEL, style={"description_width": "initial"},
                                 layout=dict(width="30em"))
        self.preset.observe(self._on_preset, names="value")
        # a list of choices, as the evolution's start populations: a menu cut "De acht personages van Nicky Case (3
        # van elk, 4 Spiegels)" on a phone (a teacher's review); here each is whole, on more lines if needed
        self.population_preset = w.RadioButtons(options=[(label, key) for key, (label, _) in POPULATIONS.items()],
                                                value="alle-acht", description=T.POPULATION_PRESET_LABEL,
                                                style={"description_width": "14em"},
                                                layout=dict(width="48em", max_width="100%"),
                                                _dom_classes=("wakker-options",))
        self.population_preset.observe(self._on_population, names="value")
        self.rounds = _slider(T.ROUNDS_LABEL, ROUNDS, 1, 20, css="rondes")
        self.noise = _slider(T.NOISE_LABEL, 0, 0, 50, css="vergissing")
        for s in (self.rounds, self.noise):
            s.observe(self.update)
        self.population = _Later()
        lines = Lines.on(self, "message", "summary")  # one widget model for the two lines
        self.fig = evolution_figure(T.SANDBOX_TITLE, legend_room=174)
        self._filling = False
        self.history = None
        self.update()  # before fig.widget exists: the browser gets the figure once, filled in
        _made(self, "population")  # and the texts in their first message
        # at most four controls up front (lesson guide M4): the two tables to start from, rounds and mistakes;
        # the four numbers and the nine population sliders under "Meer"
        self._more_section(T.SANDBOX_MORE_LABEL)
        self.box = w.VBox([self.preset, self.population_preset, self.population, self.rounds.box, self.noise.box,
                           self.more, lines.widget, self.fig.widget],
                          layout=dict(max_width="62em"), _dom_classes=("wakker-zandbak",))

    def _make_more(self) -> list:
        # Dutch number boxes: "2,5" and "−1" as a student types them (a browser number field read "2,5" as 25)
        self._inputs = {k: DutchNumber(T.PAYOFF_LABELS[k], v, description_width="27em", width="35em")
                        for k, v in self._payoff_values.items()}
        for box in self._inputs.values():
            box.observe(self._on_number, names="value")
        self._counts = {s: DutchSlider(name_of(s), c, 0, 25, continuous_update=False,
                                       label_width="9.7em", width="27em", readout_width="3em")
                        for s, c in self._count_values.items()}
        for c in self._counts.values():
            c.observe(self._on_count)
        grid = w.GridBox([c.box for c in self._counts.values()],
                         layout=dict(grid_template_columns="repeat(auto-fill, minmax(min(28em, 100%), 1fr))",
                                     grid_gap="0 .8em"))
        return [w.HTML(T.OWN_PAYOFFS_HEAD), *(b.widget for b in self._inputs.values()), w.HTML(T.POPULATION_HEAD),
                grid]

    @property
    def inputs(self) -> dict:
        """The four payoff numbers T, R, P, S (kit DutchNumber boxes; made now if the section was never opened)."""
        self.build_more()
        return self._inputs

    @property
    def counts(self) -> dict[str, DutchSlider]:
        """The population sliders by character id (made now if the section was never opened)."""
        self.build_more()
        return self._counts

    def _payoffs_now(self) -> dict[str, float]:
        if self._more_built:
            return {k: b.value for k, b in self._inputs.items()}
        return dict(self._payoff_values)

    def _counts_now(self) -> dict[str, int]:
        if self._more_built:
            return {s: c.value for s, c in self._counts.items()}
        return dict(self._count_values)

    def _on_preset(self, change) -> None:
        pay = PAYOFF_PRESETS[change["new"]][1]
        if pay is None:
            return
        self._filling = True
        try:
            for k in self._payoff_values:
                if self._more_built:
                    self._inputs[k].value = float(getattr(pay, k))
                else:
                    self._payoff_values[k] = float(getattr(pay, k))
        finally:
            self._filling = False
        self.update()

    def _on_population(self, change) -> None:
        counts = POPULATIONS[change["new"]][1]
        if counts is None or self._filling:
            return
        self._filling = True
        try:
            for sid in self._count_values:
                if self._more_built:
                    self._counts[sid].value = counts.get(sid, 0)
                else:
                    self._count_values[sid] = counts.get(sid, 0)
        finally:
            self._filling = False
        self.update()

    def _on_count(self, _change=None) -> None:
        """A population slider moved by the student: the menu says which start population this is, then redraw."""
        if self._filling:
            return
        now = {s: c for s, c in self._counts_now().items() if c > 0}
        match = [key for key, (_, counts) in POPULATIONS.items() if counts == now]
        self._filling = True
        try:
            self.population_preset.value = match[0] if match else "eigen"
        finally:
            self._filling = False
        self.update()

    def _on_number(self, _change) -> None:
        if self._filling:
            return
        problems = [b.problem for b in self._inputs.values() if b.problem]
        if problems:  # text that is not a number: say so, keep the last numbers and the figure
            self.message.value = error_html(problems[0])
            return
        values = self._payoffs_now()
        match = [key for key, (_, pay) in PAYOFF_PRESETS.items()
                 if pay is not None and all(float(getattr(pay, k)) == v for k, v in values.items())]
        self._filling = True
        try:
            self.preset.value = match[0] if match else "eigen"
        finally:
            self._filling = False
        self.update()

    def payoffs(self) -> P.Payoffs:
        return P.Payoffs(**{k: float(v) for k, v in self._payoffs_now().items()})

    @safe
    def update(self, _change=None):
        if self._filling:
            return None
        pay = self.payoffs()
        pop = {s: c for s, c in self._counts_now().items() if c > 0}
        n = sum(pop.values())
        self.population.value = note_html(T.POPULATION.format(players=dutch.count(n, *T.PLAYER), max=MAX_POPULATION))
        bad = payoff_problems_html(pay)
        if not bad and n < 2:
            bad = error_html(T.TOO_FEW_PLAYERS)
        if not bad and n > MAX_POPULATION:
            bad = error_html(T.TOO_MANY_PLAYERS.format(max=MAX_POPULATION, n=n))
        if bad:
            self.message.value = bad
            self.summary.value = ""
            clear_evolution(self.fig, T.NO_RESULT)
            return None
        replace = max(1, min(5, n // 5))
        shares = evolution_shares("case", pop, self.generations, self.rounds.value, pay,
                                  self.noise.value / 100, replace, self.seed)
        self.history = shares
        show_evolution(self.fig, shares, T.SANDBOX_TITLE)
        self.summary.value = _summary_html(shares, True, n, self.generations) + note_html(_replace_text(replace))
        self.message.value = ""
        return shares


def _replace_text(replace: int) -> str:
    return T.REPLACE_ONE if replace == 1 else T.REPLACE_MANY.format(n=replace)


def sandbox(**kwargs) -> Sandbox | Unavailable:
    return _build(Sandbox, **kwargs)


# --------------------------------------------------------------------------- 7. strategy designer

PROB_OPTIONS = list(T.PROB_OPTIONS)
SITUATIONS = T.SITUATIONS
MAX_NAME = 40
_NOT_MEMORY_ONE = ("grudger", "detective", "tit_for_two_tats")
_HISTORIES = (("C", "C"), ("C", "D"), ("D", "C"), ("D", "D"))


def memory_one_of(sid: str, payoffs: P.Payoffs = PAYOFFS) -> tuple[float, ...] | None:
    """(first, CC, CD, DC, DD) of a character that is memory-one, else None."""
    if sid in _NOT_MEMORY_ONE:
        return None
    s = P.STRATEGIES[sid]
    try:
        first = P.next_cooperation(s, "", "", payoffs)
        after = tuple(P.next_cooperation(s, own, opp, payoffs) for own, opp in _HISTORIES)
        # memory-one only if the answer does not depend on older rounds
        for own, opp in _HISTORIES:
            for k, (o2, p2) in enumerate(_HISTORIES):
                if P.next_cooperation(s, own + o2, opp + p2, payoffs) != after[k]:
                    return None
    except Exception:  # noqa: BLE001
        return None
    return (first, *after)


#: Above the designer's two result tables; shown only on a narrow screen (the kit's class wakker-schuif-hint), where
#: they scroll sideways.
DESIGN_SCROLL_HINT_HTML = scroll_hint_html(T.DESIGN_SCROLL_HINT)


class Designer(SavedWidget):
    """Design a memory-one strategy without code, test it against the characters and save it.

    A :class:`~wakker.ui.saving.SavedWidget` that saves only when the student clicks "Bewaar mijn
    strategie". The saved value (kind "strategy") is ``{"name", "first", "after": {"CC", "CD",
    "DC", "DD"}}``, the format of :func:`wakker.models.prisoners_dilemma.design_problems`, so the
    teacher's class tournament finds it in an exported journal.
    """

    kind = "strategy"
    delay = 0.0
    TEXTS = T.DESIGN_STATUS

    def __init__(self, page, qid: str = DESIGN_QID, payoffs: P.Payoffs = PAYOFFS, seed: int = 11):
        super().__init__(page, qid, prompt=T.DESIGN_PROMPT)
        self.payoffs, self.seed = payoffs, seed
        self.dropdowns = {k: w.Dropdown(options=list(PROB_OPTIONS), value=1.0, description=label,
                                        style={"description_width": "27em"}, layout=dict(width="49em", max_width="100%"))
                          for k, label in SITUATIONS.items()}
        self.name = w.Text(placeholder=T.NAME_PLACEHOLDER, description=T.NAME_LABEL,
                           style={"description_width": "27em"}, layout=dict(width="49em", max_width="100%"))
        for c in (*self.dropdowns.values(), self.name):
            c.observe(self.changed, names="value")
        lines = Lines.on(self, "name_note", "like")  # one widget model for the two lines
        self.test_button = w.Button(description=T.TEST_BUTTON, icon="play", button_style="info",
                                    layout=dict(width="17em"))
        self.save_button = w.Button(description=T.SAVE_BUTTON, icon="save", button_style="success",
                                    layout=dict(width="17em"))
        self.test_button.on_click(lambda _b: self.test())
        self.save_button.on_click(lambda _b: self.save())
        self.results = w.HTML()
        self.short = w.HTML(_dom_classes=("wakker-testuitslag",))
        # the gap only beside the buttons: where the result goes onto a line of its own, it starts at the left edge
        buttons = w.HBox([self.test_button, self.save_button, self.short],
                         layout=dict(align_items="center", flex_flow="row wrap", grid_gap="0 .8em"))
        self._saved = False  # True while the widgets show exactly what was saved last
        self.restore()
        self.after_change(self.value())
        self.box = w.VBox([w.HTML(T.DESIGN_HEAD), *self.dropdowns.values(), self.name,
                           lines.widget, buttons, self.message,
                           self.status, self.results], layout=dict(max_width="56em"),
                           _dom_classes=("wakker-ontwerper",))

    # -- the SavedWidget contract
    def value(self) -> dict:
        d = {k: float(dd.value) for k, dd in self.dropdowns.items()}
        return {"name": self.name.value.strip()[:MAX_NAME].strip(), "first": d["first"],
                "after": {k: d[k] for k in P.OUTCOMES}}

    def apply(self, value) -> None:
        """Put a saved design back; raises ValueError for a value that is not a design."""
        if P.design_problems(value):
            raise ValueError("not a designed strategy")
        probs = {"first": value["first"], **value["after"]}
        for k, dd in self.dropdowns.items():
            p = float(probs[k])
            if p not in [v for _, v in dd.options]:
                dd.options = list(dd.options) + [(T.OTHER_PROBABILITY.format(percent=dutch.number(p * 100, 0)), p)]
            dd.value = p
        self.name.value = str(value.get("name", ""))

    def problems(self, value) -> str | None:
        out = [] if value["name"] else [T.NEEDS_NAME]
        out += [T.design_problem(p) for p in P.design_problems(value) if p.code != "no_name"]
        return " ".join(out) or None

    def after_change(self, value) -> None:
        typed = self.name.value.strip()
        if len(typed) > MAX_NAME:
            self.name_note.value = styled("melding", T.NAME_TOO_LONG.format(
                length=len(typed), max=MAX_NAME, kept=html.escape(typed[:MAX_NAME].strip())))
        else:
            self.name_note.value = ""
        probs = (value["first"], *(value["after"][k] for k in P.OUTCOMES))
        same = [name_of(sid) for sid in main_characters() if memory_one_of(sid, self.payoffs) == probs]
        if same:
            self.like.value = styled("melding", T.SAME_AS.format(name=html.escape(same[0])))
        else:
            self.like.value = note_html(T.OWN_STRATEGY, "1em")

    def text(self, key: str, **kwargs) -> str:
        """A status text; ``{name}`` is the (escaped) name of the design on screen unless given."""
        kwargs.setdefault("name", html.escape(self.name.value.strip()[:MAX_NAME].strip()))
        return super().text(key, **kwargs)

    def _status(self, key: str, **kwargs) -> None:
        """A status line in the designer's own look: small text, the design's name in bold."""
        self.status.value = note_html(self.text(key, **kwargs))

    # -- behaviour on top of the base class
    def restore(self):
        """Put the newest saved design back, with the design's name in the status line."""
        try:
            entry = super().restore()
        except Exception as exc:  # noqa: BLE001
            self.status.value = error_html(self.text("unreadable", error=exc))
            return None
        if entry is None:
            if self.error:
                self.status.value = error_html(self.error)
            elif ERROR_CLASS not in self.status.value:
                self._status("empty")
            return None
        if self.message.value:  # the base class could not apply it: an older or broken form
            self.message.value = ""
            self.status.value = styled("melding", self.text("old_form"))
            return None
        day, time = saved_time(entry)
        self._status("restored", day=day, time=time, name=html.escape(entry.value["name"]))
        self._saved = True
        return entry

    def changed(self, _change=None) -> None:
        """A change on screen: feedback at once; saving waits for the button."""
        if self._loading:
            return
        try:
            self.after_change(self.value())
        except Exception as exc:  # noqa: BLE001 - a student sees a Dutch box, never a traceback
            self.message.value = error_box(exc)
        if self._saved:
            self._saved = False
            self._status("changed")

    @safe
    def save(self):
        """Save the design to the journal (kind "strategy"); a Dutch message on problems."""
        value = self.value()
        problem = self.problems(value)
        if problem:
            self.message.value = error_html(problem)
            return None
        if self.error:
            self.message.value = error_html(T.SAVE_FAILED.format(error=self.error))
            return None
        try:
            entry = self.page.journal.save(self.page.notebook, self.qid, value, kind=self.kind, prompt=self.prompt)
        except JournalError as exc:
            self.message.value = error_html(T.SAVE_FAILED.format(error=exc))
            return None
        self._saved = True
        _day, time = saved_time(entry)
        self._status("saved", time=time, name=html.escape(value["name"]))
        self.message.value = ""
        return entry

    @safe
    def test(self) -> dict | None:
        """Play a tournament of the design against the nine characters (10 rounds; 0% and 5% mistakes)."""
        value = self.value()
        label = value["name"] or T.YOUR_STRATEGY
        if label.casefold() in {c.name.casefold() for c in characters().values()}:
            label = T.YOUR_STRATEGY_SUFFIX.format(name=label)  # not two rows called "Spiegel" in the ranking
        me = P.from_design({**value, "name": label}, id="__mine__")
        main = main_characters()
        rows, places = {}, {}
        for noise in (0.0, 0.05):
            res = P.tournament([me, *main], rounds=ROUNDS, repetitions=20, payoffs=self.payoffs, noise=noise,
                               seed=self.seed, self_play=False)
            places[noise] = (res.rank_of("__mine__"), len(res.ids), res)
            if noise == 0.0:
                m, i = res.mean, res.ids.index("__mine__")
                rows = {s: (m[i, j], m[j, i]) for s in main for j in (res.ids.index(s),)}

        def names(sid: str) -> str:
            return label if sid == "__mine__" else name_of(sid)

        head = "<tr>" + "".join(cell_html(h, head=True) for h in T.VERSUS_HEAD) + "</tr>"
        body = "".join("<tr>" + cell_html(html.escape(name_of(s)), "text-align:left")
                       + cell_html(dutch.number(a, 2), "font-weight:600") + cell_html(dutch.number(b, 2)) + "</tr>"
                       for s, (a, b) in rows.items())
        p0, n0, res0 = places[0.0]
        p5, n5, _ = places[0.05]
        self.results.value = (
            # width:0 and min-width:100%: the box of the two tables takes the column's width and scrolls sideways
            # itself; without them, on a phone, the tables widened the whole block and the sentence with the places
            # ran off the screen ('plaa…', a teacher's look at 390 px)
            DESIGN_SCROLL_HINT_HTML
            + "<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start;"
            f"{STYLES['schuif']}'>"
            # the tables' headings as paragraphs: on a phone 'Per tegenstander (zonder vergissingen)' goes onto two
            # lines, which the HTML widget's 28 px line height set far apart
            f'<div>{text_html(T.PER_OPPONENT)}<table style="{STYLES["tabel"]}">{head}{body}</table></div>'
            f"<div>{text_html(T.RANKING)}{ranking_html(res0, names, highlight='__mine__')}</div></div>")
        self.short.value = text_html(T.TEST_SHORT.format(name=html.escape(label), rounds=ROUNDS, place=p0, of=n0,
                                                         place_noise=p5, of_noise=n5))
        self.message.value = ""
        return {"place": p0, "of": n0, "place_noise": p5}


def designer(page, qid: str = DESIGN_QID) -> Designer | Unavailable:
    return _build(Designer, page, qid)
