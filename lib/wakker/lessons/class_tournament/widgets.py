"""The teacher's view of a class tournament: summary, Dutch ranking, heat map, skipped files."""
from __future__ import annotations

import html
from typing import Sequence

from wakker.ui.lean import widgets as w

from ...core import dutch
from ...models import prisoners_dilemma as P
from ...ui.style import STYLES, cell_html, error_html, note_html, scroll_hint_html, styled, text_html
from ...ui.view import View, report
from ..trust_game.charts import clear_heatmap, heatmap_figure, show_heatmap
from ..trust_game.data import colour_of
from ..trust_game.widgets import ACCENT, PAYOFFS, ROUNDS
from . import texts as T
from .tournament import ClassTournament, class_tournament


#: A name cell of the ranking: left, on one line. On a phone the table is squeezed before it scrolls, and "●
#: Voorzichtig" or "student 29" broke over two lines (each row two lines high); now the table scrolls sideways
#: (the line above it says so) and every row stays one line.
ONE_LINE = "text-align:left;white-space:nowrap;"
#: ... but a name wider than about a third of a phone's width (some 20 letters at 390 px) wraps inside its cell, at
#: spaces and hyphens (a word longer than the cell anywhere): at 390 px 'Alexandra Wilhelmina van den
#: Hoogenband-Vermeulen' on one line pushed the column 'strategie' off the screen (an independent review). A name
#: that fits stays on one line, as before: width:max-content keeps it whole when the table is squeezed (the table
#: scrolls instead). Narrower would fit every strategy whole at 390 px, but wrap ordinary names too.
WRAP_NAME = ("display:inline-block;width:max-content;max-width:min(16em,35vw);white-space:normal;"
             "overflow-wrap:break-word;vertical-align:top")


def _name_html(inner_html: str) -> str:
    """A name in the ranking: on one line while it fits in :data:`WRAP_NAME`'s width, else on more lines."""
    return f'<span class="wakker-naam" style="{WRAP_NAME}">{inner_html}</span>'


def class_ranking_html(result: ClassTournament) -> str:
    """Dutch ranking table of a class tournament: place, whose, strategy, total, mean per round.

    'van' says whose a strategy is and the strategy column has the strategy's own name, so a student's name is
    in the row once (on a phone "Spiegel (Chloë Hendriks)" next to "Chloë Hendriks" made every row two lines
    high); the heat map and the summary, which have no 'van', keep the full label. 'van' comes before the
    strategy: on a phone the table scrolls sideways, and the name is then on the screen, not past its edge."""
    head = "<tr>" + "".join(cell_html(h, head=True) for h in T.TABLE_COLUMNS) + "</tr>"
    rows = []
    for _, r in result.ranking.iterrows():
        character = bool(r["character"])
        extra = "" if character else "background:rgba(224,159,62,.12)"
        dot = f'<span style="color:{colour_of(r["strategy"]) if character else ACCENT}">●</span> '
        rows.append("<tr>" + cell_html(str(int(r["rank"])), extra)
                    + cell_html(_name_html(html.escape(r["whose"])), ONE_LINE + extra)
                    + cell_html(_name_html(dot + html.escape(r["name"])), ONE_LINE + extra)
                    + cell_html(dutch.number(r["total"], 1), extra) + cell_html(dutch.number(r["mean"], 2), extra)
                    + "</tr>")
    return f'<table class="wakker-klassentoernooi" style="{STYLES["tabel"]}">{head}{"".join(rows)}</table>'


def class_table(result: ClassTournament):
    """The ranking as a DataFrame with Dutch column names (for a spreadsheet)."""
    import pandas as pd

    r = result.ranking
    place, whose, strategy, total, mean = T.TABLE_COLUMNS
    return pd.DataFrame({
        place: r["rank"].astype(int),
        whose: r["whose"],
        strategy: r["name"],
        total: [_rounded(x, 1) for x in r["total"]],
        mean: [_rounded(x, 2) for x in r["mean"]],
    })


def _rounded(x: float, digits: int) -> float:
    """``x`` rounded as the screen shows it (``dutch.number``: Python's formatting; pandas' ``round`` gave 1,48
    where the screen showed 1,49)."""
    return float(f"{x:.{digits}f}")


#: The ranking's numbers and their decimals, as :func:`class_ranking_html` shows them.
DECIMALS = {T.TABLE_COLUMNS[3]: 1, T.TABLE_COLUMNS[4]: 2}


def csv_table(table):
    """The ranking (:func:`class_table`) as a CSV writes it: every number with as many decimals as on the screen
    and a decimal comma (``1,20``; pandas wrote ``1,2``), a plain minus; as text, so that ``to_csv`` writes it as it
    is, unquoted (there is no ``;`` in it), and a Dutch spreadsheet still reads a number."""
    out = table.copy()
    for column, digits in DECIMALS.items():
        out[column] = [_csv_number(x, digits) for x in out[column]]
    return out


def _csv_number(x: float, digits: int) -> str:
    """The screen's number (``dutch.number``: no "−0,00") with a plain minus; an empty field when missing."""
    if x != x:  # NaN
        return ""
    return dutch.number(x, digits).replace(dutch.MINUS, "-")


#: The last thing above the ranking: on a phone the ranking and the heat map scroll sideways, and this line says
#: so. Hidden here; the kit's stylesheet shows a ``wakker-schuif-hint`` only on a narrow screen (as in notebook 07).
SCROLL_HINT_HTML = scroll_hint_html(T.SCROLL_HINT)


#: The heat map on a phone (the plot under 560 px; at 390 px about 270 px wide). The names beside and under it
#: need some 240 px and left the colours a strip that scrolled sideways; here the rows and columns are numbered as
#: the rows of the ranking above it (1 = its top row; not 'plaats', which two strategies can share), the colour
#: bar lies under the plot, numbers stand in the cells only while a cell is wide enough (at most
#: :data:`PHONE_NUMBERS` strategies) and a tap on a cell says who played whom by name: with equal places in the
#: ranking a row's number is not printed anywhere, so a number alone could not be found (a reviewer's finding).
#: Only the axes' tick texts are numbers; the categories stay the names. With many strategies every fifth number
#: is written on the axes. Fits at 390 px; a wider screen draws the names.
PHONE_NUMBERS = 8
PHONE_EVERY = 5  # above 12 strategies: 1, 5, 10, ... on the axes
PHONE_AXIS = {"tickangle": 0, "tickfont": {"size": 10}, "type": "category", "automargin": False, "tickmode": "array"}


def phone_ticks(n: int) -> list[str]:
    """The numbers written on a phone's axes for ``n`` strategies: all of them up to 12, else 1 and every fifth."""
    return [str(i) for i in range(1, n + 1) if n <= 12 or i == 1 or i % PHONE_EVERY == 0]


def on_phone(fig, n: int) -> None:
    """Draw the heat map of ``n`` strategies on a phone as :data:`PHONE_NUMBERS` and :func:`phone_ticks` say."""
    ticks = phone_ticks(n)
    size = {"size": 11}

    def axis(labels, title: str) -> dict:  # the names stay the categories; the ticks write their row numbers
        return dict(PHONE_AXIS, tickvals=[labels[int(t) - 1] for t in ticks], ticktext=ticks,
                    title={"text": title, "font": size})

    trace = fig.data[0]
    layout = {"height": 400, "margin": {"l": 40, "r": 8, "t": 50, "b": 104},
              "xaxis": axis(list(trace.x), T.PHONE_X), "yaxis": axis(list(trace.y), T.PHONE_Y)}
    colorbar = {"orientation": "h", "thickness": 10, "len": 1, "x": 0.5, "xanchor": "center",
                "yref": "container", "y": 0, "yanchor": "bottom", "tickfont": {"size": 10},
                "title": {"text": T.PHONE_SCALE, "side": "bottom", "font": size}}
    fig.on_phone(layout, [{"showscale": True, "colorbar": colorbar,
                           "texttemplate": "%{text}" if n <= PHONE_NUMBERS else "", "textfont": {"size": 9},
                           "hovertemplate": T.PHONE_HOVER}])


class ClassTournamentView(View):
    """For the teacher: the students' saved strategies (journal exports in a folder) against the
    notebook's characters, with the notebook's settings. Shows a summary, the Dutch ranking, the
    heat map, the conflicts (one name in several workbooks) and every file that was not used, with
    its reason; a folder that does not exist is a Dutch error and nothing else. ``result``,
    ``table`` (Dutch DataFrame), ``fig`` and ``problems`` are there for further use.

    ``note`` (Dutch HTML-free text) is for a caller that read the files itself and wrote the folder (the
    teacher's notebook): it is shown below the problems instead of "Alle bestanden zijn ingelezen", which
    would only speak of the folder the caller wrote, not of the files the teacher chose."""

    def __init__(self, folder, rounds: int = ROUNDS, repetitions: int = 10, noise: float = 0.0,
                 payoffs: P.Payoffs = PAYOFFS, seed: int | None = 7, include_characters: bool = True,
                 note: str | None = None):
        self.folder = folder
        self.note = note
        self.summary, self.table_html, self.problems_html, self.message = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.fig = heatmap_figure(payoffs)
        self.result: ClassTournament | None = None
        self.table = None
        self.problems: list[str] = []
        # the heat map draws its own phone version (PHONE_*) and fits the screen there (it used to keep 34em in a box
        # that scrolled sideways)
        self.box = w.VBox([self.message, self.summary, w.HBox([self.table_html], layout=dict(overflow="auto")),
                           self.fig.widget, self.problems_html], layout=dict(max_width="70em"),
                           _dom_classes=("wakker-klassentoernooi-uitslag",))
        self._run(rounds, repetitions, noise, payoffs, seed, include_characters)

    def save_csv(self, path="klassentoernooi.csv"):
        """Save the ranking for Excel (``;`` and decimal commas); a Dutch message says where, or why not."""
        from pathlib import Path

        from ...core.portfolio import os_reason

        path = Path(path)
        if self.table is None:
            self.message.value = error_html(T.CSV_NOTHING)
            return None
        try:
            # with a byte order mark, like the download: Excel then reads 'Zoë' as UTF-8, not as 'ZoÃ«'
            csv_table(self.table).to_csv(path, sep=";", decimal=",", index=False, encoding="utf-8-sig")
        except OSError as exc:
            self.message.value = error_html(T.CSV_FAILED.format(path=path, reason=os_reason(exc)))
            return None
        self.message.value = styled("melding", html.escape(T.CSV_SAVED.format(path=path.resolve())))
        return path

    def _run(self, *args) -> None:
        """Play the tournament; an unexpected failure is a plain Dutch message (no exception text)."""
        try:
            self._play(*args)
        except Exception as exc:  # noqa: BLE001 - the teacher never sees a traceback or English
            report(exc)
            self.message.value = error_html(T.UNEXPECTED)

    def _play(self, rounds, repetitions, noise, payoffs, seed, include_characters) -> None:
        res = class_tournament(self.folder, include_classics=include_characters, rounds=rounds,
                               repetitions=repetitions, payoffs=payoffs, noise=noise, seed=seed)
        self.result, self.problems = res, list(res.problems)
        if res.error:  # no folder: a Dutch error and nothing else, not even the characters' ranking
            self.message.value = error_html(res.error)
            clear_heatmap(self.fig, T.NO_HEATMAP)
            self.fig.widget.layout.display = "none"
            return
        problems = [p for p in res.problems if p not in res.conflicts]
        self.problems_html.value = self._conflicts_html(res.conflicts) + (
            (self._problems_html(problems) if problems else "") + note_html(html.escape(self.note))
            if self.note else self._problems_html(problems))
        if res.tournament is None or len(res.tournament.ids) < 2:
            self.summary.value = styled("melding", T.TOO_FEW)
            clear_heatmap(self.fig, T.NO_HEATMAP)
            return
        self.table = class_table(res)
        self.table_html.value = class_ranking_html(res)
        n = len(res.ranking)
        with self.fig.batch_update():
            self.fig.layout.height = max(460, 140 + 24 * n)
            self.fig.data[0].texttemplate = "%{z:.1f}" if n <= 16 else None
        show_heatmap(self.fig, res.matrix)
        # every row and column labelled (plotly leaves every other label out when they are many)
        with self.fig.batch_update():
            for axis, labels in ((self.fig.layout.xaxis, res.matrix.columns), (self.fig.layout.yaxis, res.matrix.index)):
                axis.tickmode, axis.tickvals, axis.ticktext = "array", list(labels), list(labels)
                axis.tickfont.size = 10 if n > 16 else None
            self.fig.layout.xaxis.tickangle = -90 if n > 16 else -30  # upright: one column's width per label
        on_phone(self.fig, n)
        students = len(res.designs)
        characters_in = n - students
        top = res.ranking[res.ranking["rank"] == 1]["label"].tolist()
        winner = (T.WINS.format(name=html.escape(top[0])) if len(top) == 1 else
                  T.SHARED_FIRST.format(names=", ".join(f"<b>{html.escape(t)}</b>" for t in top)))
        field = T.FIELD.format(students=dutch.count(students, *T.STRATEGY))
        if characters_in:
            field += T.FIELD_CHARACTERS.format(characters=dutch.count(characters_in, *T.CHARACTERS))
        self.summary.value = text_html(T.SUMMARY.format(
            winner=winner, field=field, repetitions=repetitions, rounds=dutch.count(int(rounds), *T.ROUND),
            noise=dutch.number(noise * 100, 0), **{k: dutch.compact(getattr(payoffs, k)) for k in "TRPS"})
        ) + SCROLL_HINT_HTML  # only here: a ranking and a heat map to scroll
        self.message.value = ""

    @staticmethod
    def _conflicts_html(conflicts: Sequence[str]) -> str:
        if not conflicts:
            return ""
        items = "".join(f"<li>{html.escape(c)}</li>" for c in conflicts)
        return styled("melding", T.CONFLICTS.format(n=len(conflicts), items=items))

    @staticmethod
    def _problems_html(problems: Sequence[str]) -> str:
        if not problems:
            return note_html(T.ALL_READ)
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
        return styled("melding", T.NOT_TAKEN.format(n=len(problems), items=items))


def class_tournament_view(folder, **kwargs) -> ClassTournamentView:
    """For the teacher: put the students' exported ``.json`` files in ``folder`` and show the class
    tournament with the settings of notebook 07 (10 rounds, Nicky Case's points, the nine characters).

    Keyword arguments (rounds, repetitions, noise, payoffs, seed, include_characters) change them."""
    return ClassTournamentView(folder, **kwargs)
