"""Widgets of notebook 07: trust and the prisoner's dilemma.

The notebook calls one small function per step::

    from wakker import nb07
    nb07.one_shot()            # the blog's one-shot game in years of prison
    nb07.dominance()           # the dominance reasoning, made visible
    nb07.repeated_game()       # play ten rounds against a character, running score plot
    nb07.tournament_view()     # round robin: ranking table + heat map
    nb07.evolution_view()      # Case-style or replicator evolution, stacked chart
    nb07.sandbox()             # free payoffs and population
    nb07.designer(nb)          # design, test and save a strategy without code

For the teacher::

    nb07.class_tournament_view("inleveren")  # the students' exported strategies against the characters

Behaviour lives here, the model in :mod:`wakker.pd`, the Dutch names and rules of the
characters in ``data/models/pd_characters.yaml``.  Every callback catches its own
errors and shows a Dutch message in the widget instead of a traceback.  Plots are
plotly figures (:class:`wakker.figure.LiveFigure`) created once and redrawn in place (``batch_update``).
Everything a student reads is Dutch; code and docstrings are English.
"""
from __future__ import annotations

import functools
import html
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from ...core.data import ContentError, lesson_dir, read_yaml
from ...core.journal import JournalError
from ...models import prisoners_dilemma as P

NOTEBOOK = "07_blog_vertrouwen_prisoners_dilemma"
ROUNDS = 10  # rounds per match, as in Nicky Case's explorable
PAYOFFS = P.CASE  # R=2, S=-1, T=3, P=0
DESIGN_QID = "eigen-strategie"

#: The nine characters the notebook uses everywhere (Case's eight plus generous tit for tat): the
#: entries with ``tournament: true`` in ``data/models/pd_characters.yaml``, the one source that
#: :func:`wakker.pd.class_tournament` uses as well.
MAIN: tuple[str, ...] = tuple(P.tournament_characters())

COOP_COLOUR = "#2a9d8f"
DEFECT_COLOUR = "#c1121f"
ACCENT = "#e09f3e"

# --------------------------------------------------------------------------- characters


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    rule: str
    colour: str
    case: str | None = None


@lru_cache(maxsize=1)
def characters() -> dict[str, Character]:
    """The characters from ``data/models/pd_characters.yaml``, in file order (ContentError if malformed)."""
    where = "models/pd_characters.yaml"
    doc = read_yaml(lesson_dir("trust_game") / "characters.yaml")
    if not isinstance(doc, dict) or not doc:
        raise ContentError(f"{where}: verwacht per strategie-id een blok met name, rule en colour.")
    out: dict[str, Character] = {}
    for sid, entry in doc.items():
        if sid not in P.STRATEGIES:
            raise ContentError(f"{where}: '{sid}' is geen strategie van wakker.pd "
                               f"(bekend: {', '.join(sorted(P.STRATEGIES))}).")
        if not isinstance(entry, dict):
            raise ContentError(f"{where}, id '{sid}': verwacht velden name, rule en colour.")
        for name in ("name", "rule", "colour"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                raise ContentError(f"{where}, id '{sid}': veld '{name}' ontbreekt of is leeg.")
        if not isinstance(entry.get("tournament", False), bool):
            raise ContentError(f"{where}, id '{sid}': veld 'tournament' moet true of false zijn.")
        out[sid] = Character(sid, entry["name"].strip(), " ".join(entry["rule"].split()),
                             entry["colour"].strip(), entry.get("case"))
    missing = [s for s in MAIN if s not in out]
    if missing:
        raise ContentError(f"{where}: personages ontbreken: {', '.join(missing)}.")
    return out


def name_of(sid: str) -> str:
    """Dutch name of a strategy id (the id itself for a student's own design)."""
    c = characters().get(sid)
    return c.name if c else sid


def _colour(sid: str) -> str:
    c = characters().get(sid)
    return c.colour if c else ACCENT


# --------------------------------------------------------------------------- small HTML helpers

_STYLE = {
    "fout": "color:#a4161a;background:rgba(164,22,26,.08);padding:.45em .8em;border-radius:6px;line-height:1.45",
    "melding": "background:rgba(224,159,62,.15);padding:.45em .8em;border-radius:6px;line-height:1.45",
    "uitkomst": "padding:.45em .8em;border-left:4px solid #e09f3e;line-height:1.5;margin:.3em 0",
    "tabel": "border-collapse:collapse;margin:.4em 0;line-height:1.35;font-size:.95em",
    "cel": "padding:.2em .6em;border:1px solid rgba(128,128,128,.35);text-align:center;vertical-align:middle",
    "kop": "padding:.2em .6em;border:1px solid rgba(128,128,128,.35);text-align:left;font-weight:600;"
           "background:rgba(128,128,128,.08)",
}


def _div(kind: str, inner: str) -> str:
    return f'<div class="wakker-{kind}" style="{_STYLE[kind]}">{inner}</div>'


def _note(inner: str, size: str = ".9em", opacity: str = ".8") -> str:
    """A line of small text; its own line-height (an HTML widget's default is the 28 px widget row)."""
    return f'<div style="line-height:1.45;margin:.2em 0;font-size:{size};opacity:{opacity}">{inner}</div>'


def _text(inner: str) -> str:
    return f'<div style="line-height:1.45;margin:.3em 0">{inner}</div>'


def error_html(message: str) -> str:
    return _div("fout", "⚠ " + html.escape(message))


def _nl(x: float, digits: int = 1) -> str:
    """A number the Dutch way: decimal comma, a real minus sign."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    text = f"{x:.{digits}f}".replace(".", ",")
    if text.startswith("-"):
        text = "−" + text[1:]
    if text in ("−0", "−0,0", "−0,00"):
        text = text[1:]
    return text


def _pts(x: float) -> str:
    """Points without needless decimals: 3, 2,5, −1."""
    if float(x).is_integer():
        return _nl(x, 0)
    return _nl(x, 2).rstrip("0").rstrip(",")


def _count(n: int, one: str, many: str) -> str:
    """A count with the right Dutch form: "1 ronde", "10 rondes"."""
    return f"{n} {one if n == 1 else many}"


def _td(inner: str, extra: str = "", head: bool = False) -> str:
    tag = "th" if head else "td"
    style = _STYLE["kop"] if head else _STYLE["cel"]
    return f'<{tag} style="{style};{extra}">{inner}</{tag}>'


def _w():
    import ipywidgets

    return ipywidgets


def _go():
    import plotly.graph_objects as go

    return go


def _safe(method: Callable) -> Callable:
    """Run a widget callback; on any error show a Dutch message in ``self.message`` instead."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
            self.message.value = error_html(
                f"Dit lukte niet ({exc}). Probeer een andere instelling of voer de cel opnieuw uit.")
            return None

    return wrapper


class _View:
    """Base of the widgets here: ``box`` is shown, ``message`` holds notices and errors."""

    box: Any
    message: Any

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)


def _slider(description: str, value, lo, hi, step=1, width="40em", readout_format=None, cls: str = ""):
    """A slider that reports when it is released (continuous_update=False); ``cls`` = CSS class for tests."""
    w = _w()
    kwargs = dict(value=value, min=lo, max=hi, step=step, description=description, continuous_update=False,
                  style={"description_width": "14em"}, layout=w.Layout(width=width))
    slider = w.FloatSlider(readout_format=readout_format or ".1f", **kwargs) if isinstance(step, float) \
        else w.IntSlider(**kwargs)
    if cls:
        slider.add_class(f"wakker-{cls}")
    return slider


def _comma_slider(description: str, value: float, lo: float, hi: float, step: float, cls: str = ""):
    """A FloatSlider whose readout is Dutch ("1,2", not "1.2"): ipywidgets' own readout always uses a
    decimal point, so it is hidden and a label next to the slider shows the value.
    Returns (slider, row to put in the layout)."""
    w = _w()
    slider = _slider(description, value, lo, hi, step=step, width="34.2em", cls=cls)
    slider.readout = False  # the track then takes the readout's room: 34.2em ends where a 40em slider's does

    def readout(x: float) -> str:  # centred, where the other sliders show their value
        return f'<div style="text-align:center">{_nl(x, 1)}</div>'

    label = w.HTML(readout(slider.value), layout=w.Layout(width="5.8em"))
    label.add_class("wakker-readout")
    slider.observe(lambda change: setattr(label, "value", readout(change["new"])), names="value")
    return slider, w.HBox([slider, label], layout=w.Layout(align_items="center"))


def _fig_layout(**extra) -> dict:
    base = dict(height=380, margin=dict(l=10, r=10, t=50, b=40), separators=",.",
                font=dict(size=13), template="plotly_white")
    base.update(extra)
    return base


# --------------------------------------------------------------------------- 1. characters table

def character_table(ids: Sequence[str] = MAIN) -> None:
    """Show the characters: Dutch name, what they do, and their name in Nicky Case's explorable."""
    from IPython.display import HTML, display

    try:
        chars = characters()
        rows = "".join(
            "<tr>" + _td(f'<span style="color:{chars[s].colour}">●</span> <b>{html.escape(chars[s].name)}</b>',
                         "text-align:left;white-space:nowrap")
            + _td(html.escape(chars[s].rule), "text-align:left")
            + _td(html.escape(chars[s].case or "–"), "text-align:left;opacity:.75") + "</tr>"
            for s in ids)
        head = "<tr>" + _td("personage", head=True) + _td("wat doet het?", head=True) + \
            _td("bij Nicky Case", head=True) + "</tr>"
        display(HTML(f'<table class="wakker-personages" style="{_STYLE["tabel"]};max-width:60em">'
                     f"{head}{rows}</table>"))
    except Exception as exc:  # noqa: BLE001
        display(HTML(error_html(f"De personages konden niet geladen worden: {exc}")))


# --------------------------------------------------------------------------- 2. one-shot game

YEARS_TEXT = {0: "gaat vrijuit", 1: "krijgt 1 jaar cel"}
CHOICE_NL = {"silent": "zwijgen", "betray": "verraden"}


def _years(n: float) -> str:
    return YEARS_TEXT.get(int(n), f"krijgt {int(n)} jaar cel")


def years_table(highlight: tuple[str, str] | None = None, best: Mapping[str, str | None] | None = None) -> str:
    """HTML: the officer's offer as a 2x2 table, years for A and B; optionally one cell highlighted
    (``highlight`` = (choice of A, choice of B)) or, per column of B, A's better choice marked."""
    rows = []
    head = "<tr>" + _td("", head=True) + _td("B zwijgt", head=True) + _td("B verraadt", head=True) + "</tr>"
    for a in ("silent", "betray"):
        cells = [_td(f"A {'zwijgt' if a == 'silent' else 'verraadt'}", head=True)]
        for b in ("silent", "betray"):
            ya, yb = P.PRISON_YEARS[(a, b)]
            extra = ""
            mark = ""
            if highlight == (a, b):
                extra = "background:rgba(224,159,62,.35);font-weight:600"
            if best is not None and best.get(b) == a:
                extra = "background:rgba(42,157,143,.22);font-weight:600"
                mark = " ✔"
            cells.append(_td(f"A: {int(ya)} jaar{mark}<br><span style='opacity:.75'>B: {int(yb)} jaar</span>", extra))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="wakker-jaren" style="{_STYLE["tabel"]}">{head}{"".join(rows)}</table>'


class OneShot(_View):
    """The one-shot game: the student is A and presses "Zwijgen" or "Verraden"; B's choice is shown.

    B chooses at random (50/50) unless the student fixes B's choice.
    """

    def __init__(self, seed=None):
        w = _w()
        self.rng = np.random.default_rng(seed)
        self.history: list[tuple[str, str]] = []
        self.b_mode = w.ToggleButtons(
            options=[("B kiest zelf (toeval)", "random"), ("B zwijgt", "silent"), ("B verraadt", "betray")],
            value="random", description="Verdachte B:", style={"description_width": "initial", "button_width": "12em"})
        self.silent = w.Button(description="Zwijgen", button_style="success", icon="handshake-o",
                               layout=w.Layout(width="12em"), tooltip="Je houdt je mond: je werkt samen met B")
        self.betray = w.Button(description="Verraden", button_style="danger", icon="bullhorn",
                               layout=w.Layout(width="12em"), tooltip="Je wijst B aan bij de officier")
        self.silent.on_click(lambda _b: self.play("silent"))
        self.betray.on_click(lambda _b: self.play("betray"))
        self.result = w.HTML(_div("melding", "Jij bent verdachte A. Kies: <b>zwijgen</b> of <b>verraden</b>?"))
        self.table = w.HTML(years_table())
        self.message = w.HTML()
        self.box = w.VBox([self.b_mode, w.HBox([w.HTML("<b>Jouw keuze als A:</b>&nbsp;"), self.silent, self.betray],
                                               layout=w.Layout(align_items="center")),
                           self.result, self.table, self.message],
                          layout=w.Layout(max_width="52em"))
        self.box.add_class("wakker-eenmalig")

    @_safe
    def play(self, a: str) -> tuple[str, str, float, float]:
        """A (the student) chooses ``a`` ("silent" or "betray"); returns (a, b, years A, years B)."""
        if a not in CHOICE_NL:
            raise ValueError("kies 'silent' of 'betray'")
        mode = self.b_mode.value
        b = mode if mode in CHOICE_NL else ("silent" if self.rng.random() < 0.5 else "betray")
        ya, yb = P.PRISON_YEARS[(a, b)]
        self.history.append((a, b))
        total_a = sum(P.PRISON_YEARS[h][0] for h in self.history)
        total_b = sum(P.PRISON_YEARS[h][1] for h in self.history)
        b_text = "B zweeg" if b == "silent" else "B verraadde jou"
        a_text = "Jij zweeg" if a == "silent" else "Jij verraadde B"
        extra = ""
        if len(self.history) > 1:
            extra = (f"<br><span style='opacity:.8'>Na {len(self.history)} keer spelen: jij in totaal "
                     f"{int(total_a)} jaar, B {int(total_b)} jaar.</span>")
        self.result.value = _div(
            "uitkomst", f"{a_text}. {b_text}. <b>Jij {_years(ya)}, B {_years(yb)}.</b>{extra}")
        self.table.value = years_table(highlight=(a, b))
        self.message.value = ""
        return a, b, ya, yb


def one_shot(seed=None) -> OneShot:
    return OneShot(seed)


class Dominance(_View):
    """The dominance reasoning: "Stel: B zwijgt" / "Stel: B verraadt"; after both, the conclusion."""

    def __init__(self):
        w = _w()
        self.seen: set[str] = set()
        self.best = P.dominance()
        self.buttons = w.ToggleButtons(options=[("Stel: B zwijgt", "silent"), ("Stel: B verraadt", "betray")],
                                       value=None, style={"button_width": "12em"})
        self.buttons.observe(self._on_choice, names="value")
        self.text = w.HTML(_div("melding", "Kies hierboven wat B doet. Vergelijk dan de twee keuzes van A."))
        self.table = w.HTML(years_table())
        self.conclusion = w.HTML()
        self.message = w.HTML()
        self.box = w.VBox([self.buttons, self.text, self.table, self.conclusion, self.message],
                          layout=w.Layout(max_width="52em"))
        self.box.add_class("wakker-dominantie")

    def _on_choice(self, change) -> None:
        if change["new"] is not None:
            self.suppose(change["new"])

    @_safe
    def suppose(self, b: str) -> str | None:
        """Show A's two options when B chooses ``b``; returns A's better choice."""
        silent, betray = P.PRISON_YEARS[("silent", b)][0], P.PRISON_YEARS[("betray", b)][0]
        better = self.best[b]
        self.seen.add(b)
        b_text = "zwijgt" if b == "silent" else "verraadt"
        self.text.value = _div(
            "uitkomst",
            f"Als B {b_text}: zwijgt A, dan krijgt A <b>{int(silent)} jaar</b>; verraadt A, dan "
            f"<b>{int(betray)} jaar</b>. Voor A is <b>{CHOICE_NL[better]}</b> dus beter "
            f"({int(abs(silent - betray))} jaar minder).")
        self.table.value = years_table(best={k: v for k, v in self.best.items() if k in self.seen})
        if self.seen == {"silent", "betray"}:
            dom = P.dominant_choice()
            self.conclusion.value = _div(
                "melding",
                f"<b>Wat B ook doet: voor A is {CHOICE_NL[dom]} steeds beter.</b> Zo'n keuze heet "
                "<i>dominant</i>. Voor B geldt precies hetzelfde. Maar als ze allebei zo redeneren, krijgen ze "
                "elk 5 jaar, terwijl samen zwijgen maar 1 jaar elk had gekost. Dat is het dilemma.")
        return better


def dominance() -> Dominance:
    return Dominance()


def payoff_table(payoffs: P.Payoffs = PAYOFFS) -> None:
    """The order of rewards: T, R, P, S with the blog's years and the points this notebook uses."""
    from IPython.display import HTML, display

    years = P.years_to_payoffs()
    rows = [
        ("T", "verleiding", "jij verraadt, de ander werkt samen", years.T, payoffs.T),
        ("R", "beloning", "jullie werken allebei samen", years.R, payoffs.R),
        ("P", "straf", "jullie verraden allebei", years.P, payoffs.P),
        ("S", "sukkel", "jij werkt samen, de ander verraadt", years.S, payoffs.S),
    ]
    head = "<tr>" + "".join(_td(h, head=True) for h in (
        "letter", "naam", "wanneer?", "in de blog (jaren cel)", "in dit notebook (punten)")) + "</tr>"
    body = "".join(
        "<tr>" + _td(f"<b>{k}</b>") + _td(n, "text-align:left") + _td(when, "text-align:left")
        + _td(f"{int(-y)} jaar ({_pts(y)})" if y else "vrijuit (0)") + _td(_pts(p)) + "</tr>"
        for k, n, when, y, p in rows)
    display(HTML(f'<table class="wakker-beloningen" style="{_STYLE["tabel"]}">{head}{body}</table>'))


# --------------------------------------------------------------------------- 3. repeated game

HIDDEN = "?"


class RepeatedGame(_View):
    """Play ``rounds`` rounds against a character with buttons; running totals in a LiveFigure."""

    def __init__(self, rounds: int = ROUNDS, payoffs: P.Payoffs = PAYOFFS, opponents: Sequence[str] = MAIN,
                 seed=None):
        w, go = _w(), _go()
        self.rounds, self.payoffs = int(rounds), payoffs
        self.rng = np.random.default_rng(seed)
        self.opponents = list(opponents)
        options = [(name_of(s), s) for s in self.opponents] + [("Onbekend personage (raad wie het is)", HIDDEN)]
        self.opponent = w.Dropdown(options=options, value=self.opponents[0], description="Tegenstander:",
                                   style={"description_width": "initial"}, layout=w.Layout(width="26em"))
        self.opponent.observe(lambda _c: self.reset(), names="value")
        self.rule = w.HTML()
        self.coop = w.Button(description="Samenwerken", button_style="success", layout=w.Layout(width="12em"))
        self.defect = w.Button(description="Verraden", button_style="danger", layout=w.Layout(width="12em"))
        self.again = w.Button(description="Opnieuw beginnen", layout=w.Layout(width="12em"))
        self.coop.on_click(lambda _b: self.play("C"))
        self.defect.on_click(lambda _b: self.play("D"))
        self.again.on_click(lambda _b: self.reset())
        self.moves = w.HTML()
        self.status = w.HTML()
        self.message = w.HTML()
        from ...ui.figure import LiveFigure

        self.fig = LiveFigure(
            data=[go.Scatter(x=[0], y=[0], mode="lines+markers", name="Jij", line=dict(color=ACCENT, width=3)),
                  go.Scatter(x=[0], y=[0], mode="lines+markers", name="Tegenstander",
                             line=dict(color="#264653", width=3, dash="dot"))],
            layout=_fig_layout(
                height=320, title=dict(text="Punten tot nu toe", x=0.02),
                xaxis=dict(title="ronde", range=[-0.3, self.rounds + 0.3], dtick=1),
                yaxis=dict(title="punten", zeroline=True),
                legend=dict(orientation="h", y=1.02, x=1, xanchor="right", yanchor="bottom")))
        legend = (f"Punten per ronde — allebei samenwerken: <b>{_pts(payoffs.R)}</b> elk · jij verraadt, de ander "
                  f"niet: jij <b>{_pts(payoffs.T)}</b>, de ander <b>{_pts(payoffs.S)}</b> · "
                  f"allebei verraden: <b>{_pts(payoffs.P)}</b> elk.")
        self.box = w.VBox([self.opponent, self.rule,
                           w.HBox([self.coop, self.defect, self.again]),
                           w.HTML(_note(legend)),
                           self.status, self.moves, self.fig.widget, self.message],
                          layout=w.Layout(max_width="56em"))
        self.box.add_class("wakker-herhaald")
        self.reset()

    @property
    def round(self) -> int:
        return len(self.mine)

    @_safe
    def reset(self) -> None:
        """Start a new match against the chosen opponent (a random one when hidden)."""
        self.mine: list[str] = []
        self.theirs: list[str] = []
        self.scores: list[tuple[float, float]] = []
        choice = self.opponent.value
        self.hidden = choice == HIDDEN
        self.current = str(self.rng.choice(self.opponents)) if self.hidden else choice
        if self.hidden:
            self.rule.value = _text("<i>Je weet niet wie je tegenover je hebt. Speel de rondes en raad het; "
                                    "aan het eind hoor je het.</i>")
        else:
            self.rule.value = _text(f"<i>{html.escape(characters()[self.current].rule)}</i>")
        self.coop.disabled = self.defect.disabled = False
        self.status.value = _div("melding", f"Ronde 1 van {self.rounds}: wat doe jij?")
        self.moves.value = self._moves_html()
        self._plot()
        self.message.value = ""

    def _opponent_label(self) -> str:
        return "Tegenstander" if self.hidden and self.round < self.rounds else name_of(self.current)

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
            colour, text = (COOP_COLOUR, "samen") if m == "C" else (DEFECT_COLOUR, "verraad")
            return (f'<td style="{_STYLE["cel"]};background:{colour};color:white;font-size:.8em;'
                    f'padding:.2em .4em">{text}</td>')

        head = _td("ronde", "text-align:left", head=True) + "".join(
            _td(str(i + 1), head=True) for i in range(self.round))
        me = _td("jij", "text-align:left", head=True) + "".join(cell(m) for m in self.mine)
        them = _td(html.escape(self._opponent_label()), "text-align:left", head=True) + \
            "".join(cell(m) for m in self.theirs)
        pts = _td("punten jij / ander", "text-align:left", head=True) + "".join(
            _td(f"{_pts(a)} / {_pts(b)}", "font-size:.8em") for a, b in self.scores)
        return (f'<div style="overflow-x:auto"><table style="{_STYLE["tabel"]}"><tr>{head}</tr><tr>{me}</tr>'
                f"<tr>{them}</tr><tr>{pts}</tr></table></div>")

    @_safe
    def play(self, move: str) -> tuple[str, str] | None:
        """Play one round: the student's ``move`` ("C" or "D"); returns (own move, opponent's move)."""
        if move not in ("C", "D"):
            raise ValueError("kies 'C' (samenwerken) of 'D' (verraden)")
        if self.round >= self.rounds:
            self.message.value = _div("melding", "Deze wedstrijd is klaar. Klik op <b>Opnieuw beginnen</b> "
                                                 "of kies een andere tegenstander.")
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
            self.status.value = _div("melding", f"Ronde {self.round + 1} van {self.rounds}: wat doe jij? "
                                                f"(stand: jij {_pts(total_me)}, {html.escape(self._opponent_label())} "
                                                f"{_pts(total_them)})")
        else:
            self.coop.disabled = self.defect.disabled = True
            who = ""
            if self.hidden:
                c = characters()[self.current]
                who = (f"<br>Je speelde tegen de <b>{html.escape(c.name)}</b>: "
                       f"{html.escape(c.rule)}")
            self.status.value = _div(
                "uitkomst", f"<b>Klaar!</b> Jij: <b>{_pts(total_me)}</b> punten, "
                            f"{html.escape(name_of(self.current))}: <b>{_pts(total_them)}</b> punten. "
                            f"Samen: {_pts(total_me + total_them)}.{who}")
        self.moves.value = self._moves_html()
        self._plot()
        self.message.value = ""
        return move, theirs


def repeated_game(rounds: int = ROUNDS, seed=None) -> RepeatedGame:
    return RepeatedGame(rounds=rounds, seed=seed)


# --------------------------------------------------------------------------- 4. tournament


def ranking_html(result: P.TournamentResult, names: Callable[[str], str] = name_of,
                 highlight: str | None = None) -> str:
    """Ranking table of a tournament in Dutch (place, character, total, mean per round)."""
    df = result.ranking
    head = "<tr>" + "".join(_td(h, head=True) for h in (
        "plaats", "personage", "punten in totaal", "gemiddeld per ronde")) + "</tr>"
    rows = []
    for _, r in df.iterrows():
        sid = r["strategy"]
        extra = "font-weight:700;background:rgba(224,159,62,.25)" if sid == highlight else ""
        dot = f'<span style="color:{_colour(sid)}">●</span> '
        rows.append("<tr>" + _td(str(int(r["rank"])), extra)
                    + _td(dot + html.escape(names(sid)), "text-align:left;white-space:nowrap;" + extra)
                    + _td(_nl(r["total"], 1), extra) + _td(_nl(r["mean"], 2), extra) + "</tr>")
    return f'<table class="wakker-ranglijst" style="{_STYLE["tabel"]}">{head}{"".join(rows)}</table>'


TOURNAMENT_TITLE = "Wie wint van wie? Gemiddelde punten per ronde (rij tegen kolom)"


def _heatmap(payoffs: P.Payoffs, height: int = 460):
    """An empty heat map 'row against column, mean points per round' (LiveFigure)."""
    go = _go()
    from ...ui.figure import LiveFigure

    return LiveFigure(
        data=[go.Heatmap(z=[[0]], x=["–"], y=["–"], zmin=payoffs.S, zmax=payoffs.T, colorscale="RdYlGn",
                         texttemplate="%{z:.1f}", textfont=dict(size=12),
                         hovertemplate="%{y} tegen %{x}: %{z:.2f} punten per ronde<extra></extra>",
                         colorbar=dict(title=dict(text="punten per ronde", side="right"), thickness=14))],
        layout=_fig_layout(
            height=height, title=dict(text=TOURNAMENT_TITLE, x=0.02, font=dict(size=14)),
            xaxis=dict(title="tegen …", side="bottom", tickangle=-30),
            yaxis=dict(title="", autorange="reversed"),
            margin=dict(l=10, r=10, t=50, b=90)))


def _show_heatmap(fig, matrix) -> None:
    """Put a labelled matrix (DataFrame, rows against columns) into the heat map."""
    labels = [str(x) for x in matrix.index]
    z = [[None if math.isnan(v) else float(v) for v in row] for row in matrix.to_numpy()]
    with fig.batch_update():
        hm = fig.data[0]
        hm.z, hm.x, hm.y = z, labels, labels
        hm.visible = True
        fig.layout.xaxis.visible = fig.layout.yaxis.visible = True
        fig.layout.title.text = TOURNAMENT_TITLE


def _clear_heatmap(fig, title: str) -> None:
    """Empty the heat map and say why in its title (no stale result next to a warning)."""
    with fig.batch_update():
        fig.data[0].visible = False
        fig.layout.xaxis.visible = fig.layout.yaxis.visible = False
        fig.layout.title.text = title


class TournamentView(_View):
    """Round robin between chosen characters: ranking table and a heat map, updated in place."""

    def __init__(self, ids: Sequence[str] = MAIN, rounds: int = ROUNDS, repetitions: int = 10, noise: float = 0.0,
                 payoffs: P.Payoffs = PAYOFFS, seed: int = 7, chosen: Sequence[str] | None = None):
        w = _w()
        self.ids = list(ids)
        self.payoffs, self.seed = payoffs, seed
        chosen = set(self.ids if chosen is None else chosen)
        self.boxes = {s: w.Checkbox(value=s in chosen, description=name_of(s), indent=False,
                                    layout=w.Layout(width="13em")) for s in self.ids}
        for b in self.boxes.values():
            b.observe(self.update, names="value")
        self.rounds = _slider("Rondes per wedstrijd:", rounds, 1, 50, cls="rondes")
        self.repetitions = _slider("Herhalingen per paar:", repetitions, 1, 50, cls="herhalingen")
        self.noise = _slider("Kans op vergissing (%):", int(round(noise * 100)), 0, 50, cls="vergissing")
        for s in (self.rounds, self.repetitions, self.noise):
            s.observe(self.update, names="value")
        self.table = w.HTML()
        self.summary = w.HTML()
        self.message = w.HTML()
        self.fig = _heatmap(payoffs)
        grid = w.GridBox(list(self.boxes.values()),
                         layout=w.Layout(grid_template_columns="repeat(3, 13em)", grid_gap="0 1em"))
        controls = w.VBox([w.HTML("<b>Wie doen er mee?</b>"), grid, self.rounds, self.repetitions, self.noise])
        self.box = w.VBox([controls, self.message, self.summary,
                           w.HBox([self.table], layout=w.Layout(overflow="auto")), self.fig.widget],
                          layout=w.Layout(max_width="60em"))
        self.box.add_class("wakker-toernooi")
        self.result: P.TournamentResult | None = None
        self.update()

    def chosen(self) -> list[str]:
        return [s for s in self.ids if self.boxes[s].value]

    @_safe
    def update(self, _change=None) -> P.TournamentResult | None:
        ids = self.chosen()
        if len(ids) < 2:
            self.message.value = error_html("Kies minstens twee personages: anders valt er niets te spelen.")
            self.result = None
            self.summary.value = self.table.value = ""
            _clear_heatmap(self.fig, NO_RESULT)
            return None
        res = P.tournament(ids, rounds=int(self.rounds.value), repetitions=int(self.repetitions.value),
                           payoffs=self.payoffs, noise=self.noise.value / 100, seed=self.seed, self_play=False)
        self.result = res
        order = list(res.ranking["strategy"])
        m = res.matrix.loc[order, order]
        m.index = m.columns = [name_of(s) for s in order]
        _show_heatmap(self.fig, m)
        winner = name_of(order[0])
        tied = [name_of(s) for s in order if res.ranking.set_index("strategy").loc[s, "rank"] == 1]
        win_text = (f"<b>{html.escape(winner)}</b> wint" if len(tied) == 1
                    else "gedeelde eerste plaats: " + ", ".join(f"<b>{html.escape(t)}</b>" for t in tied))
        self.summary.value = _text(f"{win_text} — {len(ids)} personages, elk paar speelt "
                                   f"{int(self.repetitions.value)} keer een wedstrijd van "
                                   f"{_count(int(self.rounds.value), 'ronde', 'rondes')}, "
                                   f"{int(self.noise.value)}% kans op een vergissing per zet.")
        self.table.value = ranking_html(res)
        self.message.value = ""
        return res


def tournament_view(**kwargs) -> TournamentView:
    return TournamentView(**kwargs)


# --------------------------------------------------------------------------- 5. evolution

#: Start populations of 25 players: (Dutch label, counts).
PRESETS: dict[str, tuple[str, dict[str, int]]] = {
    "goedgelovig": ("15 Goedzakken, 5 Valsspelers, 5 Spiegels",
                    {"always_cooperate": 15, "always_defect": 5, "tit_for_tat": 5}),
    "weinig-spiegels": ("20 Valsspelers, 5 Spiegels", {"always_defect": 20, "tit_for_tat": 5}),
    "alle-acht": ("De acht personages van Nicky Case (3 van elk, 4 Spiegels)",
                  {**{s: 3 for s in P.CLASSICS}, "tit_for_tat": 4}),
    "vergevers": ("Spiegels, vergevers en Valsspelers (elk 5)",
                  {"tit_for_tat": 5, "tit_for_two_tats": 5, "generous_tit_for_tat": 5, "win_stay_lose_shift": 5,
                   "always_defect": 5}),
}

EVOLUTION_TITLE = "Hoe verandert de bevolking?"
SANDBOX_TITLE = "Zandbak: hoe verandert de bevolking?"
NO_RESULT = "Geen uitkomst: pas eerst de instellingen aan (zie de melding hierboven)"

METHODS = {"case": "Stap voor stap (Case)", "replicator": "Vloeiend (replicator)"}


def _evolution_figure(title: str):
    go = _go()
    chars = characters()
    traces = [go.Scatter(x=[0], y=[0], name=c.name, mode="lines", stackgroup="een",
                         line=dict(width=0.5, color=c.colour), fillcolor=c.colour, visible=False,
                         hovertemplate=f"{html.escape(c.name)}: %{{y:.0f}}%<extra></extra>")
              for c in chars.values()]
    from ...ui.figure import LiveFigure

    return LiveFigure(
        data=traces,
        layout=_fig_layout(height=400, title=dict(text=title, x=0.02, font=dict(size=14)),
                           xaxis=dict(title="generatie"), yaxis=dict(title="aandeel in de bevolking (%)",
                                                                     range=[0, 100]),
                           legend=dict(orientation="v", x=1.02, y=1), hovermode="x unified"))


def _show_evolution(fig, shares, title: str) -> None:
    """Put a DataFrame of shares (0-1, one column per strategy id) into the stacked chart."""
    chars = list(characters())
    x = list(range(len(shares)))
    with fig.batch_update():
        fig.layout.title.text = title
        for trace, sid in zip(fig.data, chars):
            if sid in shares.columns and shares[sid].to_numpy().max() > 0:
                trace.x = x
                trace.y = (shares[sid].to_numpy() * 100).round(3).tolist()
                trace.visible = True
            else:
                trace.visible = False
        fig.layout.xaxis.range = [0, len(shares) - 1]


def _clear_evolution(fig, title: str) -> None:
    """Empty the stacked chart and say why in its title (no stale result next to a warning)."""
    with fig.batch_update():
        for trace in fig.data:
            trace.visible = False
        fig.layout.title.text = title


def _summary_html(shares, counts: bool, n: int, generations: int) -> str:
    last = shares.iloc[-1].sort_values(ascending=False)
    parts = []
    for sid, v in last.items():
        if v <= 0.005:
            continue
        amount = f"{int(round(v * n))} van de {n}" if counts else f"{_nl(v * 100, 0)}%"
        parts.append(f"{html.escape(name_of(sid))} {amount}")
    gone = [name_of(s) for s, v in last.items() if v <= 0.005 and shares[s].iloc[0] > 0]
    text = f"<b>Na {generations} generaties:</b> " + ", ".join(parts) + "."
    if gone:
        text += " Verdwenen: " + ", ".join(html.escape(g) for g in gone) + "."
    return _text(text)


def run_evolution(method: str, population: Mapping[str, int], generations: int, rounds: int,
                  payoffs: P.Payoffs, noise: float, replace: int, seed: int):
    """Shares (0-1) per generation for either method; DataFrame with one column per strategy."""
    pop = {s: int(c) for s, c in population.items() if int(c) > 0}
    n = sum(pop.values())
    if method == "case":
        df = P.evolve(pop, generations=generations, rounds=rounds, payoffs=payoffs, noise=noise,
                      replace=min(replace, n // 2), seed=seed)
        return df / n
    return P.replicator(list(pop), generations=generations, initial=pop, rounds=rounds, payoffs=payoffs,
                        noise=noise, repetitions=20, seed=seed, self_play=True)


_DECIMAL = re.compile(r"(\d)\.(\d)")


def _dutch_decimals(text: str) -> str:
    return _DECIMAL.sub(r"\1,\2", text)


def payoff_problems_html(pay: P.Payoffs) -> str:
    """Dutch explanation when payoffs are not a prisoner's dilemma (empty string if they are)."""
    problems = pay.problems()
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(_dutch_decimals(p))}</li>" for p in problems)
    return _div("fout", "⚠ <b>Met deze punten is het geen prisoner's dilemma meer</b>, dus dit model rekent er "
                        f"niet mee. Wat er niet klopt:<ul style='margin:.3em 0'>{items}</ul>"
                        "In een prisoner's dilemma geldt T &gt; R &gt; P &gt; S (verleiding, beloning, straf, "
                        "sukkel) én 2R &gt; T + S. Pas de getallen aan.")


class EvolutionView(_View):
    """A population of 25 that changes each generation; Case-style or replicator; stacked area chart."""

    def __init__(self, preset: str = "goedgelovig", method: str = "case", rounds: int = ROUNDS, noise: float = 0.0,
                 reward: float = PAYOFFS.R, replace: int = 5, generations: int = 40, seed: int = 1):
        w = _w()
        self.seed = seed
        self.preset = w.Dropdown(options=[(label, key) for key, (label, _) in PRESETS.items()], value=preset,
                                 description="Beginbevolking:", style={"description_width": "14em"},
                                 layout=w.Layout(width="42em"))
        self.method = w.ToggleButtons(options=[(v, k) for k, v in METHODS.items()], value=method,
                                      style={"button_width": "16em"})
        self.rounds = _slider("Rondes per wedstrijd:", rounds, 1, 20, cls="rondes")
        self.noise = _slider("Kans op vergissing (%):", int(round(noise * 100)), 0, 50, cls="vergissing")
        self.reward, self.reward_row = _comma_slider("Beloning samenwerken (R):", float(reward), 0.5, 3.0, 0.1,
                                                     cls="beloning")
        self.replace = _slider("Vervangen per generatie:", replace, 1, 12, cls="vervangen")
        self.generations = _slider("Aantal generaties:", generations, 10, 100, step=10, cls="generaties")
        for c in (self.preset, self.method, self.rounds, self.noise, self.reward, self.replace, self.generations):
            c.observe(self.update, names="value")
        self.reseed = w.Button(description="Nog eens, met ander toeval", icon="refresh",
                               layout=w.Layout(width="17em"))
        self.reseed.on_click(self._reseed)
        self.explain = w.HTML()
        self.summary = w.HTML()
        self.message = w.HTML()
        self.fig = _evolution_figure(EVOLUTION_TITLE)
        method_row = w.HBox([w.HTML('<div style="text-align:right;padding-right:8px">Manier:</div>',
                                    layout=w.Layout(width="14em")), self.method],
                            layout=w.Layout(align_items="center"))
        self.box = w.VBox([self.preset, method_row, self.rounds, self.noise, self.reward_row, self.replace,
                           self.generations, self.reseed, self.explain, self.message, self.summary, self.fig.widget],
                          layout=w.Layout(max_width="60em"))
        self.box.add_class("wakker-evolutie")
        self.shares = None
        self.update()

    def payoffs(self) -> P.Payoffs:
        return P.Payoffs(R=round(float(self.reward.value), 2), S=PAYOFFS.S, T=PAYOFFS.T, P=PAYOFFS.P)

    def _reseed(self, _b=None) -> None:
        self.seed += 1
        self.update()

    @_safe
    def update(self, _change=None):
        pay = self.payoffs()
        method = self.method.value
        self.replace.disabled = method != "case"
        self.explain.value = _note(
            f"Punten: T = {_pts(pay.T)}, R = {_pts(pay.R)}, "
            f"P = {_pts(pay.P)}, S = {_pts(pay.S)}. "
            + ("Elke generatie speelt iedereen één wedstrijd tegen ieder ander; de slechtst scorenden verdwijnen "
               "en de best scorenden krijgen een kopie." if method == "case" else
               "Elke generatie groeit een personage naar verhouding van zijn gemiddelde score tegen de hele "
               "bevolking, ook tegen zichzelf: wie beter scoort dan gemiddeld, wordt groter."))
        bad = payoff_problems_html(pay)
        if bad:
            self.message.value = bad
            self.summary.value = ""
            _clear_evolution(self.fig, NO_RESULT)
            return None
        population = PRESETS[self.preset.value][1]
        shares = run_evolution(method, population, int(self.generations.value), int(self.rounds.value), pay,
                               self.noise.value / 100, int(self.replace.value), self.seed)
        self.shares = shares
        _show_evolution(self.fig, shares, EVOLUTION_TITLE)
        self.summary.value = _summary_html(shares, method == "case", sum(population.values()),
                                           int(self.generations.value))
        self.message.value = ""
        return shares


def evolution_view(**kwargs) -> EvolutionView:
    return EvolutionView(**kwargs)


# --------------------------------------------------------------------------- 6. sandbox

PAYOFF_PRESETS: dict[str, tuple[str, P.Payoffs | None]] = {
    "case": ("Nicky Case: T 3, R 2, P 0, S −1", P.CASE),
    "axelrod": ("Axelrod: T 5, R 3, P 1, S 0", P.AXELROD),
    "jaren": ("De blog: minus het aantal jaren cel", P.years_to_payoffs()),
    "eigen": ("Eigen getallen", None),
}

PAYOFF_LABELS = {
    "T": "T, verleiding (jij verraadt, de ander werkt samen):",
    "R": "R, beloning (allebei samenwerken):",
    "P": "P, straf (allebei verraden):",
    "S": "S, sukkel (jij werkt samen, de ander verraadt):",
}


MAX_POPULATION = 50  # keeps every sandbox move well under 100 ms (50 players: ~1200 matches a generation)


class Sandbox(_View):
    """Case's sandbox: your own payoffs, population, rounds and mistakes; Case-style evolution.

    Payoffs that do not form a prisoner's dilemma give a Dutch explanation instead of results.
    """

    def __init__(self, generations: int = 50, seed: int = 3):
        w = _w()
        self.seed, self.generations = seed, generations
        self.preset = w.Dropdown(options=[(label, key) for key, (label, _) in PAYOFF_PRESETS.items()], value="case",
                                 description="Puntentabel:", style={"description_width": "initial"},
                                 layout=w.Layout(width="30em"))
        self.preset.observe(self._on_preset, names="value")
        self.inputs = {k: w.FloatText(value=float(getattr(P.CASE, k)), description=PAYOFF_LABELS[k], step=0.5,
                                      style={"description_width": "27em"}, layout=w.Layout(width="35em"))
                       for k in ("T", "R", "P", "S")}
        for box in self.inputs.values():
            box.observe(self._on_number, names="value")
        start = PRESETS["alle-acht"][1]
        self.counts = {s: w.IntSlider(value=start.get(s, 0), min=0, max=25, description=name_of(s),
                                      continuous_update=False, style={"description_width": "9.7em"},
                                      layout=w.Layout(width="21em")) for s in MAIN}
        for s in self.counts.values():
            s.observe(self.update, names="value")
        self.rounds = _slider("Rondes per wedstrijd:", ROUNDS, 1, 20, cls="rondes")
        self.noise = _slider("Kans op vergissing (%):", 0, 0, 50, cls="vergissing")
        for s in (self.rounds, self.noise):
            s.observe(self.update, names="value")
        self.population = w.HTML()
        self.summary = w.HTML()
        self.message = w.HTML()
        self.fig = _evolution_figure(SANDBOX_TITLE)
        grid = w.GridBox(list(self.counts.values()),
                         layout=w.Layout(grid_template_columns="repeat(3, 21em)", grid_gap="0 .4em"))
        self._filling = False
        self.box = w.VBox([self.preset, *self.inputs.values(), w.HTML("<b>Bevolking (aantal spelers per personage)</b>"),
                           grid, self.population, self.rounds, self.noise, self.message, self.summary, self.fig.widget],
                          layout=w.Layout(max_width="62em"))
        self.box.add_class("wakker-zandbak")
        self.shares = None
        self.update()

    def _on_preset(self, change) -> None:
        pay = PAYOFF_PRESETS[change["new"]][1]
        if pay is None:
            return
        self._filling = True
        try:
            for k, box in self.inputs.items():
                box.value = float(getattr(pay, k))
        finally:
            self._filling = False
        self.update()

    def _on_number(self, _change) -> None:
        if self._filling:
            return
        values = {k: b.value for k, b in self.inputs.items()}
        match = [key for key, (_, pay) in PAYOFF_PRESETS.items()
                 if pay is not None and all(float(getattr(pay, k)) == v for k, v in values.items())]
        self._filling = True
        try:
            self.preset.value = match[0] if match else "eigen"
        finally:
            self._filling = False
        self.update()

    def payoffs(self) -> P.Payoffs:
        return P.Payoffs(**{k: float(b.value) for k, b in self.inputs.items()})

    @_safe
    def update(self, _change=None):
        if self._filling:
            return None
        pay = self.payoffs()
        pop = {s: int(c.value) for s, c in self.counts.items() if c.value > 0}
        n = sum(pop.values())
        self.population.value = _note(f"Samen {_count(n, 'speler', 'spelers')} (hoogstens {MAX_POPULATION}).")
        bad = payoff_problems_html(pay)
        if not bad and n < 2:
            bad = error_html("Zet minstens twee spelers in de bevolking.")
        if not bad and n > MAX_POPULATION:
            bad = error_html(f"Hoogstens {MAX_POPULATION} spelers samen (nu {n}): zet een paar schuifjes lager.")
        if bad:
            self.message.value = bad
            self.summary.value = ""
            _clear_evolution(self.fig, NO_RESULT)
            return None
        replace = max(1, min(5, n // 5)) if n >= 2 else 0
        shares = run_evolution("case", pop, self.generations, int(self.rounds.value), pay,
                               self.noise.value / 100, replace, self.seed)
        self.shares = shares
        _show_evolution(self.fig, shares, SANDBOX_TITLE)
        self.summary.value = _summary_html(shares, True, n, self.generations) + _note(_replace_text(replace))
        self.message.value = ""
        return shares


def _replace_text(replace: int) -> str:
    if replace == 1:
        return "Elke generatie wordt de slechtste speler vervangen door een kopie van de beste."
    return f"Elke generatie worden de {replace} slechtste spelers vervangen door kopieën van de {replace} beste."


def sandbox(**kwargs) -> Sandbox:
    return Sandbox(**kwargs)


# --------------------------------------------------------------------------- 7. strategy designer

PROB_OPTIONS: list[tuple[str, float]] = [
    ("samenwerken", 1.0),
    ("meestal samenwerken (9 op 10)", 0.9),
    ("vaak samenwerken (3 op 4)", 0.75),
    ("munt opgooien (1 op 2)", 0.5),
    ("soms samenwerken (1 op 4)", 0.25),
    ("zelden samenwerken (1 op 10)", 0.1),
    ("verraden", 0.0),
]

SITUATIONS: dict[str, str] = {
    "first": "in de eerste ronde",
    "CC": "na: wij allebei samengewerkt",
    "CD": "na: ik samengewerkt, de ander verraden",
    "DC": "na: ik verraden, de ander samengewerkt",
    "DD": "na: wij allebei verraden",
}

MAX_NAME = 40


def _memory_one_of(sid: str, payoffs: P.Payoffs = PAYOFFS) -> tuple[float, ...] | None:
    """(first, CC, CD, DC, DD) of a character that is memory-one, else None."""
    s = P.STRATEGIES[sid]
    if sid in ("grudger", "detective", "tit_for_two_tats"):
        return None
    try:
        first = P.next_cooperation(s, "", "", payoffs)
        after = tuple(P.next_cooperation(s, own, opp, payoffs) for own, opp in (("C", "C"), ("C", "D"),
                                                                                ("D", "C"), ("D", "D")))
        # memory-one only if the answer does not depend on older rounds
        for own, opp in (("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")):
            for k, (o2, p2) in enumerate((("C", "C"), ("C", "D"), ("D", "C"), ("D", "D"))):
                if P.next_cooperation(s, own + o2, opp + p2, payoffs) != after[k]:
                    return None
    except Exception:  # noqa: BLE001
        return None
    return (first, *after)


class Designer(_View):
    """Design a memory-one strategy without code, test it against the characters and save it.

    The saved value (kind "strategy") is ``{"name", "first", "after": {"CC", "CD", "DC", "DD"}}``,
    the format of :func:`wakker.pd.design_problems`, so :func:`wakker.pd.class_tournament` finds it
    in an exported journal.
    """

    def __init__(self, page, qid: str = DESIGN_QID, payoffs: P.Payoffs = PAYOFFS, seed: int = 11):
        w = _w()
        self.page, self.qid, self.payoffs, self.seed = page, qid, payoffs, seed
        self.dropdowns = {k: w.Dropdown(options=list(PROB_OPTIONS), value=1.0, description=label,
                                        style={"description_width": "22em"}, layout=w.Layout(width="44em"))
                          for k, label in SITUATIONS.items()}
        self.name = w.Text(placeholder="bijvoorbeeld: De Voorzichtige Buurvrouw", description="Naam van je strategie:",
                           style={"description_width": "22em"}, layout=w.Layout(width="44em"))
        for c in (*self.dropdowns.values(), self.name):
            c.observe(self._on_change, names="value")
        self.name_note = w.HTML()
        self.like = w.HTML()
        self.test_button = w.Button(description="Test tegen de personages", icon="play",
                                    button_style="info", layout=w.Layout(width="17em"))
        self.save_button = w.Button(description="Bewaar mijn strategie", icon="save",
                                    button_style="success", layout=w.Layout(width="17em"))
        self.test_button.on_click(lambda _b: self.test())
        self.save_button.on_click(lambda _b: self.save())
        self.results = w.HTML()
        self.status = w.HTML()
        self.message = w.HTML()
        self.box = w.VBox([w.HTML("<b>Wat doet jouw strategie …</b>"), *self.dropdowns.values(), self.name,
                           self.name_note, self.like, w.HBox([self.test_button, self.save_button]), self.message,
                           self.status, self.results], layout=w.Layout(max_width="56em"))
        self.box.add_class("wakker-ontwerper")
        self._loading = False
        self._saved = False  # True while the widgets show exactly what was saved last
        self._restore()
        self._describe()

    # -- value
    def value(self) -> dict:
        d = {k: float(dd.value) for k, dd in self.dropdowns.items()}
        return {"name": self.name.value.strip()[:MAX_NAME].strip(), "first": d["first"],
                "after": {k: d[k] for k in P.OUTCOMES}}

    def _set(self, value: Mapping) -> None:
        probs = {"first": value["first"], **value["after"]}
        self._loading = True
        try:
            for k, dd in self.dropdowns.items():
                p = float(probs[k])
                if p not in [v for _, v in dd.options]:
                    dd.options = list(dd.options) + [(f"{_nl(p * 100, 0)}% kans op samenwerken", p)]
                dd.value = p
            self.name.value = str(value.get("name", ""))
        finally:
            self._loading = False

    def _restore(self) -> None:
        try:
            saved = self.page.load_value(self.qid)
        except Exception as exc:  # noqa: BLE001
            self.status.value = error_html(f"Je eerder bewaarde strategie kon niet gelezen worden: {exc}")
            return
        if saved is None:
            self.status.value = _note("Nog niet bewaard.")
            return
        if P.design_problems(saved):
            self.status.value = _div("melding", "Er is een eerder bewaarde strategie, maar die kon niet worden "
                                                "teruggezet. Ontwerp hem opnieuw en bewaar hem.")
            return
        self._set(saved)
        when = ""
        try:
            entry = self.page.journal.latest(self.page.notebook, self.qid)
            if entry is not None:
                t = entry.local_time
                when = f" op {t.strftime('%d-%m-%Y')} om {t.strftime('%H:%M')}"
        except Exception:  # noqa: BLE001
            pass
        self.status.value = _note(f"✓ eerder bewaard{when}: <b>{html.escape(saved['name'])}</b>")
        self._saved = True

    # -- feedback
    def _on_change(self, _change=None) -> None:
        if self._loading:
            return
        self._describe()
        if self._saved:
            self._saved = False
            self.status.value = _note("Gewijzigd: klik op <b>Bewaar mijn strategie</b> om deze versie te bewaren.")

    def _describe(self) -> None:
        typed = self.name.value.strip()
        if len(typed) > MAX_NAME:
            self.name_note.value = _div(
                "melding", f"Deze naam is {len(typed)} tekens lang; er passen er {MAX_NAME}. Zo wordt hij bewaard: "
                           f"<b>{html.escape(typed[:MAX_NAME].strip())}</b>. Maak hem korter als je dat niet wilt.")
        else:
            self.name_note.value = ""
        v = self.value()
        probs = (v["first"], *(v["after"][k] for k in P.OUTCOMES))
        same = [name_of(sid) for sid in MAIN if _memory_one_of(sid, self.payoffs) == probs]
        if same:
            self.like.value = _div("melding", f"Jouw strategie doet precies hetzelfde als de <b>{html.escape(same[0])}</b>."
                                              " Verander iets om een eigen strategie te maken — of kies hem bewust.")
        else:
            self.like.value = _note("Dit is een eigen strategie: geen van de personages doet precies dit.", "1em")

    def _problems(self, value: Mapping) -> list[str]:
        out = []
        if not value["name"]:
            out.append("Geef je strategie eerst een naam (het vak 'Naam van je strategie').")
        out += [p for p in P.design_problems(value) if "naam" not in p]
        return out

    @_safe
    def test(self) -> dict | None:
        """Play a tournament of the design against the nine characters (10 rounds; 0% and 5% mistakes)."""
        value = self.value()
        label = value["name"] or "Jouw strategie"
        if label.casefold() in {c.name.casefold() for c in characters().values()}:
            label = f"{label} (jouw strategie)"  # not two rows called "Spiegel" in the ranking
        me = P.from_design({**value, "name": label}, id="__mine__")
        rows = {}
        places = {}
        for noise in (0.0, 0.05):
            res = P.tournament([me, *MAIN], rounds=ROUNDS, repetitions=20, payoffs=self.payoffs, noise=noise,
                               seed=self.seed, self_play=False)
            rk = res.ranking.set_index("strategy")
            places[noise] = (int(rk.loc["__mine__", "rank"]), len(rk), res)
            if noise == 0.0:
                rows = {s: (res.matrix.loc["__mine__", s], res.matrix.loc[s, "__mine__"]) for s in MAIN}

        def names(sid: str) -> str:
            return label if sid == "__mine__" else name_of(sid)

        head = "<tr>" + "".join(_td(h, head=True) for h in (
            "tegen", "jij per ronde", "de ander per ronde")) + "</tr>"
        body = "".join("<tr>" + _td(html.escape(name_of(s)), "text-align:left") + _td(_nl(a, 2), "font-weight:600")
                       + _td(_nl(b, 2)) + "</tr>" for s, (a, b) in rows.items())
        p0, n0, res0 = places[0.0]
        p5, n5, _ = places[0.05]
        self.results.value = (
            f"<div style='margin:.4em 0;line-height:1.45'><b>{html.escape(label)}</b> in een toernooi met de negen personages "
            f"({ROUNDS} rondes per wedstrijd): <b>plaats {p0} van {n0}</b> zonder vergissingen, "
            f"<b>plaats {p5} van {n5}</b> met 5% kans op een vergissing.</div>"
            f"<div style='display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start'>"
            f'<div><b>Per tegenstander</b> (zonder vergissingen)<table style="{_STYLE["tabel"]}">{head}{body}</table></div>'
            f"<div><b>Ranglijst</b> (zonder vergissingen){ranking_html(res0, names, highlight='__mine__')}</div></div>")
        self.message.value = ""
        return {"place": p0, "of": n0, "place_noise": p5}

    @_safe
    def save(self):
        """Save the design to the journal (kind "strategy"); show a Dutch message on problems."""
        value = self.value()
        problems = self._problems(value)
        if problems:
            self.message.value = error_html(" ".join(problems))
            return None
        try:
            entry = self.page.save_value(self.qid, value, kind="strategy",
                                         prompt="Mijn eigen strategie voor het herhaalde prisoner's dilemma")
        except JournalError as exc:
            self.message.value = error_html(f"Bewaren lukte niet: {exc}")
            return None
        self._saved = True
        t = entry.local_time.strftime("%H:%M")
        self.status.value = _note(f"✓ opgeslagen om {t}: <b>{html.escape(value['name'])}</b>. Hij komt mee in je "
                                  "export, zodat je docent hem in een klassentoernooi kan zetten.")
        self.message.value = ""
        return entry


def designer(page, qid: str = DESIGN_QID) -> Designer:
    return Designer(page, qid)


# --------------------------------------------------------------------------- 8. class tournament (teacher)


def class_ranking_html(result: P.ClassTournament) -> str:
    """Dutch ranking table of a class tournament: place, strategy, whose, total, mean per round."""
    head = "<tr>" + "".join(_td(h, head=True) for h in (
        "plaats", "strategie", "van", "punten in totaal", "gemiddeld per ronde")) + "</tr>"
    rows = []
    for _, r in result.ranking.iterrows():
        character = bool(r["character"])
        extra = "" if character else "background:rgba(224,159,62,.12)"
        dot = f'<span style="color:{_colour(r["strategy"]) if character else ACCENT}">●</span> '
        whose = "personage" if character else (r["student"] if isinstance(r["student"], str) else "anoniem")
        rows.append("<tr>" + _td(str(int(r["rank"])), extra)
                    + _td(dot + html.escape(r["label"]), "text-align:left;" + extra)
                    + _td(html.escape(whose), "text-align:left;" + extra)
                    + _td(_nl(r["total"], 1), extra) + _td(_nl(r["mean"], 2), extra) + "</tr>")
    return (f'<table class="wakker-klassentoernooi" style="{_STYLE["tabel"]}">'
            f'{head}{"".join(rows)}</table>')


def class_table(result: P.ClassTournament):
    """The ranking as a DataFrame with Dutch column names (for a spreadsheet)."""
    import pandas as pd

    r = result.ranking
    return pd.DataFrame({
        "plaats": r["rank"].astype(int),
        "strategie": r["label"],
        "van": ["personage" if c else (s if isinstance(s, str) else "anoniem")
                for c, s in zip(r["character"], r["student"])],
        "punten in totaal": r["total"].round(1),
        "gemiddeld per ronde": r["mean"].round(2),
    })


class ClassTournamentView(_View):
    """For the teacher: the students' saved strategies (journal exports in a folder) against the
    notebook's characters, with the notebook's settings. Shows a summary, the Dutch ranking, the
    heat map and the skipped files; ``result``, ``table`` (Dutch DataFrame), ``fig`` and
    ``problems`` are there for further use."""

    def __init__(self, folder, rounds: int = ROUNDS, repetitions: int = 10, noise: float = 0.0,
                 payoffs: P.Payoffs = PAYOFFS, seed: int | None = 7, include_characters: bool = True):
        w = _w()
        self.folder = folder
        self.summary, self.table_html, self.problems_html, self.message = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.fig = _heatmap(payoffs)
        self.result: P.ClassTournament | None = None
        self.table = None
        self.problems: list[str] = []
        self.box = w.VBox([self.message, self.summary, w.HBox([self.table_html], layout=w.Layout(overflow="auto")),
                           self.fig.widget, self.problems_html], layout=w.Layout(max_width="70em"))
        self.box.add_class("wakker-klassentoernooi-uitslag")
        self._run(rounds, repetitions, noise, payoffs, seed, include_characters)

    @_safe
    def _run(self, rounds, repetitions, noise, payoffs, seed, include_characters) -> None:
        res = P.class_tournament(self.folder, include_classics=include_characters, rounds=rounds,
                                 repetitions=repetitions, payoffs=payoffs, noise=noise, seed=seed)
        self.result, self.problems = res, list(res.problems)
        self.problems_html.value = self._problems_html(res.problems)
        if res.tournament is None or len(res.tournament.ids) < 2:
            self.summary.value = _div("melding", "Geen toernooi: er zijn te weinig strategieën om te spelen.")
            _clear_heatmap(self.fig, "Geen uitkomst: geen strategieën gevonden")
            return
        self.table = class_table(res)
        self.table_html.value = class_ranking_html(res)
        n = len(res.ranking)
        matrix = res.matrix
        with self.fig.batch_update():
            self.fig.layout.height = max(460, 140 + 24 * n)
            self.fig.data[0].texttemplate = "%{z:.1f}" if n <= 16 else None
        _show_heatmap(self.fig, matrix)
        students = len(res.designs)
        characters_in = n - students
        top = res.ranking[res.ranking["rank"] == 1]["label"].tolist()
        win = (f"<b>{html.escape(top[0])}</b> wint." if len(top) == 1
               else "Gedeelde eerste plaats: " + ", ".join(f"<b>{html.escape(t)}</b>" for t in top) + ".")
        field = f"{_count(students, 'strategie', 'strategieën')} van leerlingen"
        if characters_in:
            field += f" en {_count(characters_in, 'personage', 'personages')} uit het notebook"
        self.summary.value = _text(
            f"{win} {field}; elk paar speelt {repetitions} keer een wedstrijd van "
            f"{_count(int(rounds), 'ronde', 'rondes')} (niemand speelt tegen zichzelf), "
            f"punten T {_pts(payoffs.T)}, R {_pts(payoffs.R)}, P {_pts(payoffs.P)}, S {_pts(payoffs.S)}, "
            f"{_nl(noise * 100, 0)}% kans op een vergissing per zet.")
        self.message.value = ""

    @staticmethod
    def _problems_html(problems: Sequence[str]) -> str:
        if not problems:
            return _note("Alle bestanden zijn ingelezen; er is niets overgeslagen.")
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        return _div("melding", f"<b>Niet meegenomen ({len(problems)}):</b><ul style='margin:.3em 0'>{items}</ul>")


def class_tournament_view(folder, **kwargs) -> ClassTournamentView:
    """For the teacher: put the students' exported ``.json`` files in ``folder`` and show the class
    tournament with the settings of notebook 07 (10 rounds, Nicky Case's points, the nine characters).

    Keyword arguments (rounds, repetitions, noise, payoffs, seed, include_characters) change them."""
    return ClassTournamentView(folder, **kwargs)
