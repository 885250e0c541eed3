"""Notebook 04 ("Deel 3: Vierde-orde-leiders en de planningsmachine"): data and widgets.

Content lives in ``data/models/`` (sorting game, parameter labels, government-role cases,
co-operative timeline); the model lives in :mod:`wakker.planning`; this module only loads,
validates and shows. Everything a student reads is Dutch; a problem never shows a traceback
but a Dutch message in the widget.

In the notebook::

    from wakker import nb04
    nb04.sorting_game(nb)          # which order is this activity? score saved to the journal
    nb04.PlanningExplorer()        # the planning machine: sliders + a LiveFigure
    nb04.MyWeek(nb)                # my week over the four orders, now and wished
    nb04.role_cases(nb)            # which role of government fits? (page.choice per case)
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import ipywidgets as w
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ...core.data import ContentError, lesson_dir, read_yaml
from ...models import planning_machine as pl
from ...ui.figure import LiveFigure
from ...ui.style import STYLES

NOTEBOOK = "04_boek_deel3_vierde_orde_leiders"
ORDER_NUMBERS = (1, 2, 3, 4)
#: Plot colours: planned orders in blues/grey, the fourth order in the workbook's accent colour.
COLOURS = {1: "#8d99ae", 2: "#5fa8d3", 3: "#1b4965", 4: "#e09f3e"}

# ---------------------------------------------------------------- small HTML helpers
_STYLE = {
    "fout": "color:#a4161a;background:rgba(164,22,26,.08);padding:.4em .8em;border-radius:6px;line-height:1.4",
    "melding": "background:rgba(224,159,62,.15);padding:.4em .8em;border-radius:6px;line-height:1.4",
    "status": "font-size:.85em;opacity:.75",
    "goed": "margin:.2em 0 .1em 0;padding:.25em .7em;border-left:4px solid #2d6a4f;"
            "background:rgba(45,106,79,.08);line-height:1.4",
    "fout-antwoord": "margin:.2em 0 .1em 0;padding:.25em .7em;border-left:4px solid #a4161a;"
                     "background:rgba(164,22,26,.06);line-height:1.4",
    "zin": "padding:.5em .9em;border-left:5px solid #e09f3e;background:rgba(224,159,62,.09);"
           "border-radius:0 6px 6px 0;line-height:1.5;max-width:60em",
}


def _box(kind: str, inner: str, tag: str = "div") -> str:
    return f'<{tag} class="wakker-{kind}" style="{_STYLE[kind]}">{inner}</{tag}>'


def _error(message: str) -> str:
    return _box("fout", f"⚠ {html.escape(message)}")


def _status(text: str) -> str:
    return _box("status", html.escape(text), "span")


def nl_number(x: float, digits: int = 1) -> str:
    """A number the Dutch way: decimal comma (``1,5``), no thousands separator."""
    return f"{x:.{digits}f}".replace(".", ",")


def nl_speed(x: float) -> str:
    """A speed of change in two significant digits, Dutch style, no trailing zeros (``0,3``, ``4,1``, ``10``)."""
    if not math.isfinite(x) or x <= 0:
        return nl_number(x, 1)
    digits = max(0, 1 - int(math.floor(math.log10(x))))
    text = f"{round(x, digits):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


# ---------------------------------------------------------------- data
def _models_dir(root: Path | None) -> Path:
    return lesson_dir("planning_machine", root)


def _text(entry: dict, name: str, where: str, label: str) -> str:
    value = entry.get(name) if isinstance(entry, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}, id '{label}': veld '{name}' ontbreekt of is leeg.")
    return " ".join(value.split())


@dataclass(frozen=True)
class OrderInfo:
    order: int
    name: str
    short: str
    description: str

    @property
    def title(self) -> str:
        return f"{self.name}: {self.short}"


@dataclass(frozen=True)
class Activity:
    id: str
    text: str
    order: int
    feedback: str


@dataclass(frozen=True)
class SortingData:
    orders: dict[int, OrderInfo]
    activities: tuple[Activity, ...]


def load_sorting(root: Path | None = None) -> SortingData:
    """The sorting game from ``data/models/orders_sorting.yaml`` (validated; ContentError in Dutch)."""
    where = "models/orders_sorting.yaml"
    doc = read_yaml(_models_dir(root) / "orders_sorting.yaml")
    if not isinstance(doc, dict) or not isinstance(doc.get("orders"), dict) or not isinstance(doc.get("activities"), list):
        raise ContentError(f"{where}: verwacht de onderdelen 'orders' en 'activities'.")
    orders = {}
    for key, entry in doc["orders"].items():
        if key not in ORDER_NUMBERS:
            raise ContentError(f"{where}: orde '{key}' bestaat niet (kies 1, 2, 3 of 4).")
        orders[key] = OrderInfo(key, _text(entry, "name", where, str(key)), _text(entry, "short", where, str(key)),
                                _text(entry, "description", where, str(key)))
    if set(orders) != set(ORDER_NUMBERS):
        raise ContentError(f"{where}: 'orders' moet precies de ordes 1, 2, 3 en 4 beschrijven.")
    acts, seen = [], set()
    for entry in doc["activities"]:
        label = str(entry.get("id", "?")) if isinstance(entry, dict) else "?"
        aid = _text(entry, "id", where, label)
        if aid in seen:
            raise ContentError(f"{where}: id '{aid}' komt twee keer voor.")
        seen.add(aid)
        order = entry.get("order")
        if order not in ORDER_NUMBERS or isinstance(order, bool):
            raise ContentError(f"{where}, id '{aid}': 'order' moet 1, 2, 3 of 4 zijn.")
        acts.append(Activity(aid, _text(entry, "text", where, aid), order, _text(entry, "feedback", where, aid)))
    missing = set(ORDER_NUMBERS) - {a.order for a in acts}
    if missing:
        raise ContentError(f"{where}: geen enkele activiteit van orde {', '.join(map(str, sorted(missing)))}.")
    return SortingData(orders=orders, activities=tuple(acts))


@dataclass(frozen=True)
class ParamLabel:
    name: str
    label: str
    unit: str
    explanation: str


def load_param_labels(root: Path | None = None) -> dict[str, ParamLabel]:
    """Dutch label, unit and explanation per planning parameter (keys = ``parameter_specs()``)."""
    where = "models/planning_params.yaml"
    doc = read_yaml(_models_dir(root) / "planning_params.yaml")
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht per parameter een label, eenheid en uitleg.")
    specs = pl.parameter_specs()
    missing = [k for k in specs if k not in doc]
    extra = [k for k in doc if k not in specs]
    if missing:
        raise ContentError(f"{where}: uitleg ontbreekt voor {', '.join(missing)}.")
    if extra:
        raise ContentError(f"{where}: onbekende parameter(s) {', '.join(map(str, extra))}.")
    return {k: ParamLabel(k, _text(doc[k], "label", where, k), _text(doc[k], "unit", where, k),
                          _text(doc[k], "explanation", where, k)) for k in specs}


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    explanation: str


@dataclass(frozen=True)
class RoleCase:
    id: str
    text: str
    best: str
    feedback: dict[str, str]


def load_roles(root: Path | None = None) -> tuple[tuple[Role, ...], tuple[RoleCase, ...]]:
    """The five roles of government (Voorwoord) and the cases from ``government_roles.yaml``."""
    where = "models/government_roles.yaml"
    doc = read_yaml(_models_dir(root) / "government_roles.yaml")
    if not isinstance(doc, dict) or not isinstance(doc.get("roles"), list) or not isinstance(doc.get("cases"), list):
        raise ContentError(f"{where}: verwacht de onderdelen 'roles' en 'cases'.")
    roles = []
    for entry in doc["roles"]:
        label = str(entry.get("id", "?")) if isinstance(entry, dict) else "?"
        roles.append(Role(_text(entry, "id", where, label), _text(entry, "name", where, label),
                          _text(entry, "explanation", where, label)))
    ids = [r.id for r in roles]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{where}: een rol-id komt twee keer voor.")
    cases, seen = [], set()
    for entry in doc["cases"]:
        label = str(entry.get("id", "?")) if isinstance(entry, dict) else "?"
        cid = _text(entry, "id", where, label)
        if cid in seen:
            raise ContentError(f"{where}: id '{cid}' komt twee keer voor.")
        seen.add(cid)
        best = _text(entry, "best", where, cid)
        if best not in ids:
            raise ContentError(f"{where}, id '{cid}': 'best' is geen bekende rol.")
        fb = entry.get("feedback")
        if not isinstance(fb, dict) or set(fb) != set(ids):
            raise ContentError(f"{where}, id '{cid}': geef bij elke rol feedback ({', '.join(ids)}).")
        cases.append(RoleCase(cid, _text(entry, "text", where, cid), best,
                              {r: _text(fb, r, where, f"{cid}/{r}") for r in ids}))
    return tuple(roles), tuple(cases)


def load_timeline(root: Path | None = None) -> list[dict[str, str]]:
    """The co-operative timeline (chapter 39 and the Inleiding)."""
    where = "models/cooperative_timeline.yaml"
    doc = read_yaml(_models_dir(root) / "cooperative_timeline.yaml")
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list) or not doc["events"]:
        raise ContentError(f"{where}: verwacht een lijst 'events'.")
    out = []
    for i, entry in enumerate(doc["events"], 1):
        label = f"gebeurtenis {i}"
        item = {k: _text(entry, k, where, label) for k in ("when", "what", "where")}
        if isinstance(entry, dict) and entry.get("note"):
            item["note"] = _text(entry, "note", where, label)
        out.append(item)
    return out


@lru_cache(maxsize=1)
def _sorting() -> SortingData:
    return load_sorting()


@lru_cache(maxsize=1)
def _labels() -> dict[str, ParamLabel]:
    return load_param_labels()


def order_title(order: int) -> str:
    """``"4e orde: kijken en eigenaarschap wekken"`` (legends); falls back to ``"orde 4"`` if the data cannot be read."""
    try:
        return _sorting().orders[order].title
    except (ContentError, KeyError):
        return f"orde {order}"


def _safe_orders() -> dict[int, OrderInfo]:
    try:
        return _sorting().orders
    except ContentError:
        return {}


def order_name(order: int) -> str:
    try:
        return _sorting().orders[order].name
    except (ContentError, KeyError):
        return f"orde {order}"


# ---------------------------------------------------------------- static content
def orders_legend_html() -> str:
    """The four orders as a small table (name, what, explanation)."""
    try:
        data = _sorting()
    except ContentError as exc:
        return _error(str(exc))
    cell = STYLES["kaart-cel"]
    rows = "".join(
        f'<tr><td style="{cell};white-space:nowrap">'
        f'<span style="display:inline-block;width:.8em;height:.8em;background:{COLOURS[o.order]};'
        f'border-radius:2px;margin-right:.4em"></span><b>{html.escape(o.name)}</b><br>'
        f'<i>{html.escape(o.short)}</i></td>'
        f'<td style="{cell};line-height:1.45">{html.escape(o.description)}</td></tr>'
        for o in data.orders.values())
    return f'<table class="wakker-ordes" style="border-collapse:collapse;max-width:60em">{rows}</table>'


def assumptions_table_html() -> str:
    """Every assumption of the model: Dutch name, default, range and explanation."""
    try:
        labels = _labels()
    except ContentError as exc:
        return _error(str(exc))
    cell = STYLES["kaart-cel"]
    head = "".join(f'<th style="{cell}">{h}</th>' for h in ("aanname", "standaard", "bereik", "eenheid", "wat het betekent"))
    rows = []
    for name, spec in pl.parameter_specs().items():
        lab = labels[name]
        digits = 0 if float(spec.step).is_integer() and float(spec.default).is_integer() else 2
        fmt = (lambda v: nl_number(v, digits).rstrip("0").rstrip(",") if digits else nl_number(v, 0))
        rows.append(f"<tr><td style=\"{cell}\"><b>{html.escape(lab.label)}</b></td>"
                    f"<td style=\"{cell}\">{fmt(spec.default)}</td>"
                    f"<td style=\"{cell};white-space:nowrap\">{fmt(spec.low)} – {fmt(spec.high)}</td>"
                    f"<td style=\"{cell}\">{html.escape(lab.unit)}</td>"
                    f"<td style=\"{cell}\">{html.escape(lab.explanation)}</td></tr>")
    return (f'<table class="wakker-aannames" style="border-collapse:collapse;max-width:62em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def timeline_html() -> str:
    """The co-operative timeline as a vertical list."""
    try:
        events = load_timeline()
    except ContentError as exc:
        return _error(str(exc))
    items = []
    for e in events:
        note = (f'<div style="margin-top:.3em;font-size:.9em;padding:.3em .6em;'
                f'background:rgba(128,128,128,.1);border-radius:4px">{html.escape(e["note"])}</div>'
                if e.get("note") else "")
        items.append(
            f'<div style="display:flex;gap:1em;margin:0;padding:.4em 0;border-left:3px solid #e09f3e">'
            f'<div style="flex:0 0 10.5em;padding-left:.8em;font-weight:600">{html.escape(e["when"])}</div>'
            f'<div style="flex:1;line-height:1.45">{html.escape(e["what"])} '
            f'<span style="font-size:.85em;opacity:.7">({html.escape(e["where"])})</span>{note}</div></div>')
    return f'<div class="wakker-tijdlijn" style="max-width:60em">{"".join(items)}</div>'


def strength_figure(params: pl.PlanningParams | None = None) -> LiveFigure:
    """How strong each approach supports one movement, month by month after it arose (defaults).

    A LiveFigure, not a bare go.Figure: plotly's own display path took over a second in a kernel,
    our small mime bundle a few milliseconds.
    """
    p = params or pl.PlanningParams()
    df = pl.strength_curves(p)
    fig = go.Figure()
    for order, g in df.groupby("order", sort=True):
        fig.add_scatter(x=g["month"], y=g["strength"], mode="lines", name=order_title(int(order)),
                        line=dict(color=COLOURS[int(order)], width=3, shape="linear",
                                  dash="solid" if order == 4 else "dot" if order == 1 else None))
    fig.update_layout(
        height=360, margin=dict(l=60, r=20, t=50, b=50), template="plotly_white",
        title=dict(text="Hoe sterk elke aanpak één beweging steunt (standaardaannames)", font=dict(size=15)),
        xaxis_title="maanden nadat de beweging ontstond", yaxis_title="steun (effect-eenheden)",
        legend=dict(orientation="h", y=-0.25, x=0), separators=",.")
    return LiveFigure(fig)


# ---------------------------------------------------------------- the sorting game
class SortingGame:
    """Place activities in order 1-4; "Controleer" gives feedback per item and saves the score.

    Saved with ``page.save_value(qid, {...}, kind="sorting")``; a re-run shows the last checked
    answers and feedback again.
    """

    def __init__(self, page, qid: str = "sorteerspel", data: SortingData | None = None):
        self.page, self.qid = page, qid
        self.result = w.HTML()
        self.status = w.HTML()
        self.toggles: dict[str, w.ToggleButtons] = {}
        self.feedback: dict[str, w.HTML] = {}
        try:
            self.data = data or _sorting()
            page.check()
        except Exception as exc:  # noqa: BLE001 - content or page problem: a message, never a traceback
            self.data = None
            self.box = w.VBox([w.HTML(_error(str(exc)))])
            return
        rows = []
        for i, act in enumerate(self.data.activities, 1):
            tb = w.ToggleButtons(options=[(self.data.orders[o].name, o) for o in ORDER_NUMBERS], value=None,
                                 tooltips=[self.data.orders[o].short for o in ORDER_NUMBERS],
                                 style={"button_width": "5.5em"}, layout=w.Layout(width="auto"))
            tb.add_class(f"wakker-sorteer-{act.id}")
            fb = w.HTML()
            tb.observe(lambda change, aid=act.id: self._changed(aid), names="value")
            self.toggles[act.id], self.feedback[act.id] = tb, fb
            text = w.HTML(f'<div style="line-height:1.4"><b>{i}.</b> {html.escape(act.text)}</div>',
                          layout=w.Layout(width="100%"))
            rows.append(w.VBox([text, tb, fb], layout=w.Layout(margin="0 0 .7em 0", width="100%")))
        self.check_button = w.Button(description="Controleer", button_style="warning", icon="check",
                                     layout=w.Layout(width="auto"))
        self.reset_button = w.Button(description="Begin opnieuw", icon="undo", layout=w.Layout(width="auto"))
        self.check_button.on_click(lambda _b: self.check())
        self.reset_button.on_click(lambda _b: self.reset())
        intro = w.HTML(
            "<style>.wakker-sorteerspel .widget-toggle-button.mod-active{background:#e09f3e;color:#fff}</style>"
            "<div style=\"line-height:1.45\">Kies bij elke activiteit de orde die volgens jou het best past. "
            "Druk daarna op <b>Controleer</b>: je ziet je score en bij elke activiteit uitleg. Je mag het "
            "zo vaak proberen als je wilt; je laatste score wordt bewaard.</div>")
        self.box = w.VBox([intro, *rows, w.HBox([self.check_button, self.reset_button]), self.result, self.status],
                          layout=w.Layout(max_width="60em", width="100%"))
        self.box.add_class("wakker-sorteerspel")
        self._restore()

    # -- state
    def answers(self) -> dict[str, int]:
        """The orders chosen so far (activities without a choice are left out)."""
        return {aid: tb.value for aid, tb in self.toggles.items() if tb.value is not None}

    def set_answer(self, activity_id: str, order: int | None) -> None:
        self.toggles[activity_id].value = order

    def _changed(self, aid: str) -> None:
        self.feedback[aid].value = ""

    # -- actions
    def check(self) -> dict | None:
        """Score the answers, show feedback per activity, and save. Returns the saved value."""
        if self.data is None:
            return None
        value = self._evaluate()
        if value is None:
            return None
        try:
            entry = self.page.save_value(self.qid, value, kind="sorting",
                                         prompt="Sorteerspel: welke orde van verandering is deze activiteit?")
        except Exception as exc:  # noqa: BLE001 - a full disk, a broken journal: say so, keep the game
            self.status.value = _error(f"Opslaan is niet gelukt ({exc}).")
            return value
        self.status.value = _status(f"✓ score opgeslagen om {entry.local_time.strftime('%H:%M')}")
        return value

    def _evaluate(self) -> dict | None:
        """Show feedback per activity and the score; return the value to save (None: nothing chosen)."""
        answers = self.answers()
        if not answers:
            self.result.value = _box("melding", "Kies eerst bij minstens één activiteit een orde.")
            return None
        score = 0
        for act in self.data.activities:
            chosen = answers.get(act.id)
            if chosen is None:
                self.feedback[act.id].value = _box("status", "Nog niet ingedeeld.", "div")
                continue
            good = chosen == act.order
            score += good
            head = ("✓ Goed." if good else
                    f"✗ Jij koos de {html.escape(self.data.orders[chosen].name)}; volgens de indeling van het "
                    f"boek hoort dit bij de {html.escape(self.data.orders[act.order].name)}.")
            self.feedback[act.id].value = _box("goed" if good else "fout-antwoord",
                                               f"<b>{head}</b> {html.escape(act.feedback)}")
        total, answered = len(self.data.activities), len(answers)
        label = f"{score} van de {answered} goed" + (f" (nog {total - answered} niet ingedeeld)" if answered < total else "")
        per_order = {str(o): sum(1 for a in self.data.activities if a.order == o and answers.get(a.id) == o)
                     for o in ORDER_NUMBERS}
        self.result.value = _box("melding", f"<b>Je score: {html.escape(label)}.</b> "
                                            "Ben je het niet eens met de indeling? Lees de uitleg en bedenk of "
                                            "jouw keuze te verdedigen is: de grenzen zijn niet scherp.")
        return {"label": label, "score": score, "answered": answered, "total": total,
                "per_order_correct": per_order, "answers": answers, "checked": True}

    def reset(self) -> None:
        """Clear all choices and feedback (what was saved stays in the journal)."""
        for aid, tb in self.toggles.items():
            tb.value = None
            self.feedback[aid].value = ""
        self.result.value = ""

    def _restore(self) -> None:
        try:
            saved = self.page.load_value(self.qid)
        except Exception as exc:  # noqa: BLE001
            self.status.value = _error(f"Je eerdere antwoorden konden niet gelezen worden: {exc}")
            return
        if not isinstance(saved, dict) or not isinstance(saved.get("answers"), dict):
            self.status.value = _status("Nog niet gecontroleerd.")
            return
        for aid, order in saved["answers"].items():
            if aid in self.toggles and order in ORDER_NUMBERS:
                self.toggles[aid].value = order
        if saved.get("checked") and self.answers():
            self._evaluate()
        self.status.value = _status("✓ je eerdere antwoorden zijn teruggezet")

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)


def sorting_game(page, qid: str = "sorteerspel") -> SortingGame:
    return SortingGame(page, qid)


# ---------------------------------------------------------------- the planning machine
#: Totals closer than this (relative to the largest) count as an exact tie.
_TIE = 1e-9


@dataclass(frozen=True)
class Regime:
    """A range of speeds in which one approach has the largest total effect.

    ``order`` is the winner (0 = no approach has any effect); when two or more approaches tie
    exactly, ``tied`` holds all of them and ``order`` is the lowest.
    """

    order: int
    start: float
    end: float
    tied: tuple[int, ...] = ()


def _values(df: pd.DataFrame, metric: str = "total_effect") -> tuple[np.ndarray, np.ndarray]:
    speed = df["speed"].to_numpy(float)
    s, col = np.unique(speed, return_inverse=True)
    values = np.zeros((s.size, 4))
    values[col, df["order"].to_numpy(int) - 1] = df[metric].to_numpy(float)
    return s, values


def _best(row: np.ndarray) -> tuple[int, ...]:
    """The orders with the largest value in one row (more than one: an exact tie); () if all are 0."""
    top = float(row.max())
    if top <= 1e-12:
        return ()
    return tuple(int(i) + 1 for i in np.flatnonzero(top - row <= _TIE * top))


def regimes(df: pd.DataFrame, metric: str = "total_effect") -> list[Regime]:
    """Consecutive speed ranges with the same winner(s); borders interpolated in log(speed)."""
    s, values = _values(df, metric)
    win = [_best(row) for row in values]
    out: list[Regime] = []
    start = float(s[0])

    def regime(key: tuple[int, ...], a: float, b: float) -> Regime:
        return Regime(key[0] if key else 0, a, b, key if len(key) > 1 else ())

    for i in range(1, s.size):
        before, after = win[i - 1], win[i]
        if before == after:
            continue
        if before and after:
            a = next((o for o in before if o not in after), before[0])
            b = next((o for o in after if o not in before), after[0])
            d0 = values[i - 1, b - 1] - values[i - 1, a - 1]
            d1 = values[i, b - 1] - values[i, a - 1]
            frac = 0.5 if d1 == d0 else min(max(-d0 / (d1 - d0), 0.0), 1.0)
        else:
            frac = 0.5
        border = float(math.exp(math.log(s[i - 1]) + frac * (math.log(s[i]) - math.log(s[i - 1]))))
        out.append(regime(before, start, border))
        start = border
    out.append(regime(win[-1], start, float(s[-1])))
    return out


def order_phrase(order: int) -> str:
    """``"de 4e orde (kijken en eigenaarschap wekken)"``: an order as it reads inside a sentence."""
    orders = _safe_orders()
    if order in orders:
        return f"de {orders[order].name} ({orders[order].short})"
    return f"orde {order}"


def _names(orders: Sequence[int]) -> str:
    """``"de 1e orde"``, ``"de 1e en de 4e orde"``, ``"de 1e, 2e en 4e orde"``, ``"alle vier aanpakken"``."""
    orders = sorted(orders)
    if len(orders) == len(ORDER_NUMBERS):
        return "alle vier aanpakken"
    names = [order_name(o) for o in orders]
    if len(names) == 1:
        return f"de {names[0]}"
    if all(n.endswith(" orde") for n in names):
        heads = [n[: -len(" orde")] for n in names]
        if len(heads) == 2:
            return f"de {heads[0]} en de {heads[1]} orde"
        return "de " + ", ".join(heads[:-1]) + f" en {heads[-1]} orde"
    return ", ".join(f"de {n}" for n in names[:-1]) + f" en de {names[-1]}"


def summary_html(p: pl.PlanningParams, df: pd.DataFrame, here: pd.DataFrame | None = None) -> str:
    """A Dutch paragraph: who wins at the chosen speed, the regimes over the range, the crossover.

    "Reached" and "effect" are kept apart: an approach can reach movements in time and still add
    nothing (strength 0). Equal totals (exactly, or equal once rounded as shown) are reported as
    a tie, never as a win.
    """
    here = pl.simulate(p) if here is None else here
    by_order = here.set_index("order")
    tot = by_order["total_effect"]
    reached = by_order["share_reached"]
    ranked = sorted(ORDER_NUMBERS, key=lambda o: (-tot[o], o))
    first, second = ranked[0], ranked[1]
    life = nl_number(p.mean_lifetime, 0 if p.mean_lifetime >= 10 else 1)
    parts = [f"Bij een tempo van <b>{nl_speed(p.speed_of_change)}×</b> leeft een beweging gemiddeld "
             f"<b>{life} maanden</b>. "]
    if tot[first] <= 1e-12:
        in_time = [o for o in ORDER_NUMBERS if reached[o] > 0]
        if not in_time:
            parts.append("Dan bereikt <b>geen enkele aanpak</b> nog een beweging op tijd: ze komen allemaal te laat. ")
        else:
            verb = "bereikt" if len(in_time) == 1 else "bereiken"
            parts.append(f"Dan {verb} <b>{html.escape(_names(in_time))}</b> wel bewegingen op tijd, maar "
                         f"<b>geen enkele aanpak heeft effect</b>: "
                         + ("die aanpak heeft kracht 0. " if len(in_time) == 1 else "die aanpakken hebben kracht 0. "))
    else:
        shown = {o: nl_number(tot[o], 0) for o in ORDER_NUMBERS}
        tied = [o for o in ranked if tot[first] - tot[o] <= _TIE * tot[first] or shown[o] == shown[first]]
        if len(tied) > 1:
            exact = all(tot[first] - tot[o] <= _TIE * tot[first] for o in tied)
            how = "precies evenveel" if exact else "vrijwel evenveel"
            parts.append(f"Dan leveren <b>{html.escape(_names(sorted(tied)))}</b> {how} effect op "
                         f"({shown[first]}); {'geen van beide' if len(tied) == 2 else 'geen van hen'} wint hier. ")
        else:
            close = tot[second] >= 0.95 * tot[first]
            parts.append(f"Dan levert <b>{html.escape(order_phrase(first))}</b> {'nipt ' if close else ''}het "
                         f"meeste effect op ({shown[first]}), {'vlak ' if close else ''}voor de "
                         f"{html.escape(order_name(second))} ({shown[second]}). ")
    regs = regimes(df)
    lo, hi = nl_speed(regs[0].start), nl_speed(regs[-1].end)
    if len(regs) == 1:
        r = regs[0]
        if r.order == 0:
            parts.append(f"<br>Over het hele bereik ({lo}× tot {hi}×) heeft <b>geen enkele aanpak</b> effect. ")
        elif r.tied:
            parts.append(f"<br>Over het hele bereik ({lo}× tot {hi}×) leveren <b>{html.escape(_names(r.tied))}</b> "
                         f"precies evenveel op. ")
        else:
            parts.append(f"<br>Over het hele bereik ({lo}× tot {hi}×) wint steeds "
                         f"<b>de {html.escape(order_name(r.order))}</b>. ")
    else:
        pieces = []
        for k, r in enumerate(regs):
            if k == 0:
                where = f"tot {nl_speed(r.end)}×"
            elif k == len(regs) - 1:
                where = f"boven {nl_speed(r.start)}×"
            else:
                where = f"van {nl_speed(r.start)}× tot {nl_speed(r.end)}×"
            if r.order == 0:
                pieces.append(f"{where} heeft <b>geen enkele aanpak</b> effect")
            elif r.tied:
                pieces.append(f"{where} leveren <b>{html.escape(_names(r.tied))}</b> precies evenveel op")
            else:
                pieces.append(f"{where} wint <b>de {html.escape(order_name(r.order))}</b>")
        parts.append(f"<br>Over het hele bereik ({lo}× tot {hi}×): " + "; ".join(pieces) + ". ")
    cross = pl.crossover_speed(sweep_df=df)
    if cross is None:
        parts.append("<br>In dit bereik haalt de vierde orde de beste geplande aanpak <b>nergens</b> in: "
                     "er is geen omslagpunt.")
    elif cross <= regs[0].start * 1.0000001:
        parts.append(f"<br>De vierde orde wint al bij het laagste tempo: het omslagpunt ligt op of onder "
                     f"{nl_speed(cross)}×.")
    else:
        months = p.base_lifetime / cross
        parts.append(f"<br>Het <b>omslagpunt</b>, waar de vierde orde de beste geplande aanpak inhaalt, ligt bij "
                     f"<b>{nl_speed(cross)}×</b> (bewegingen van gemiddeld {nl_number(months, 0)} maanden).")
    return _box("zin", "".join(parts))


MAIN_PARAMS = ("speed_of_change", "base_lifetime", "delay_order2", "delay_order3",
               "strength_order3", "delay_fourth", "fourth_max_strength", "ownership_growth_rate")
MORE_PARAMS = ("delay_order1", "strength_order1", "strength_order2", "fourth_initial_strength",
               "lifetime_shape", "delay_noise", "n_movements", "seed")
_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10]


class PlanningExplorer:
    """Sliders for every assumption + one LiveFigure that is redrawn in place.

    Top: total effect of each approach against the speed of change (log scale), the chosen
    speed as a dashed line, the winner's range shaded. Bottom: at the chosen speed, how many
    movements each approach reaches, and the average effect per reached movement.
    Above the plot a Dutch paragraph says who wins and where the crossover lies.
    """

    def __init__(self, speeds: Sequence[float] | None = None, labels: dict[str, ParamLabel] | None = None):
        self.speeds = np.asarray(pl.default_speeds() if speeds is None else speeds, float)
        self.message = w.HTML()
        self.sentence = w.HTML()
        self._sweep_key = None
        self._sweep_df: pd.DataFrame | None = None
        try:
            self.labels = labels or _labels()
        except ContentError as exc:
            self.labels = None
            self.box = w.VBox([w.HTML(_error(str(exc)))])
            return
        self.specs = pl.parameter_specs()
        self._digits: dict[str, int] = {}
        self.sliders: dict[str, w.Widget] = {name: self._slider(name) for name in self.specs}
        # the sliders' own readout writes a decimal point; ours writes the Dutch comma
        self.readouts: dict[str, w.HTML] = {}
        for name, s in self.sliders.items():
            r = w.HTML(self.readout_text(name), layout=w.Layout(width="3.6em", min_width="3.6em"))
            r.add_class("wakker-readout")
            r.add_class(f"wakker-readout-{name}")
            self.readouts[name] = r
            s.observe(lambda ch, name=name: self._show_value(name), names="value")
            s.observe(self._on_change, names="value")
        self.fig = self._figure()
        self.reset_button = w.Button(description="Terug naar de standaardaannames", icon="undo",
                                     layout=w.Layout(width="auto"))
        self.reset_button.on_click(lambda _b: self.reset())
        main = [self._row(n) for n in MAIN_PARAMS]
        half = (len(main) + 1) // 2
        columns = w.HBox([w.VBox(main[:half], layout=w.Layout(width="50%")),
                          w.VBox(main[half:], layout=w.Layout(width="50%"))],
                         layout=w.Layout(width="100%"))
        more_rows = [self._row(n) for n in MORE_PARAMS]
        more_half = (len(more_rows) + 1) // 2
        more = w.Accordion(children=[w.HBox([w.VBox(more_rows[:more_half], layout=w.Layout(width="50%")),
                                             w.VBox(more_rows[more_half:], layout=w.Layout(width="50%"))])],
                           selected_index=None, layout=w.Layout(width="100%"))
        more.set_title(0, "Meer aannames (1e en 2e orde, startkracht, spreiding, toeval)")
        self.box = w.VBox([columns, more, self.reset_button, self.message, self.sentence, self.fig.widget],
                          layout=w.Layout(width="100%"))
        self.box.add_class("wakker-planningsmachine")
        self.update()

    # -- building
    def _slider(self, name: str) -> w.Widget:
        spec = self.specs[name]
        common = dict(value=spec.default, continuous_update=True, layout=w.Layout(width="auto", flex="1 1 auto"),
                      style={"description_width": "0px"}, readout=False)
        if spec.log_scale:
            self._digits[name] = 2
            s = w.FloatLogSlider(base=10, min=math.log10(spec.low), max=math.log10(spec.high), step=0.02, **common)
        elif name in ("n_movements", "seed"):
            self._digits[name] = 0
            s = w.IntSlider(min=int(spec.low), max=int(spec.high), step=int(spec.step), **common)
        else:
            self._digits[name] = max(0, -int(math.floor(math.log10(spec.step)))) if spec.step < 1 else 0
            s = w.FloatSlider(min=spec.low, max=spec.high, step=spec.step, **common)
        s.add_class(f"wakker-param-{name}")
        return s

    def readout_text(self, name: str) -> str:
        """The slider's value as shown next to it: Dutch decimal comma (``0,15``, ``5,01``, ``200``)."""
        return nl_number(float(self.sliders[name].value), self._digits[name])

    def _show_value(self, name: str) -> None:
        self.readouts[name].value = self.readout_text(name)

    def _row(self, name: str) -> w.HBox:
        lab = self.labels[name]
        label = w.HTML(f'<div title="{html.escape(lab.explanation)}" style="line-height:1.25;padding:.15em 0">'
                       f"{html.escape(lab.label)}<br><span style=\"font-size:.82em;opacity:.7\">"
                       f"{html.escape(lab.unit)}</span></div>",
                       layout=w.Layout(width="12.5em", min_width="12.5em"))
        return w.HBox([label, self.sliders[name], self.readouts[name]],
                      layout=w.Layout(width="100%", align_items="center", margin="0 1em .15em 0"))

    def _figure(self) -> LiveFigure:
        fig = make_subplots(rows=2, cols=2, specs=[[{"colspan": 2}, None], [{}, {}]],
                            row_heights=[0.58, 0.42], vertical_spacing=0.2, horizontal_spacing=0.12,
                            subplot_titles=("Totaal effect van elke aanpak bij elk tempo van verandering",
                                            "Bereikte bewegingen bij het gekozen tempo",
                                            "Gemiddeld effect per bereikte beweging"))
        names = [order_title(o) for o in ORDER_NUMBERS]
        for o in ORDER_NUMBERS:
            fig.add_scatter(x=self.speeds, y=np.zeros_like(self.speeds), mode="lines", name=names[o - 1],
                            line=dict(color=COLOURS[o], width=4 if o == 4 else 2.5,
                                      dash="dot" if o == 1 else None),
                            hovertemplate="tempo %{x:.2f}×: totaal effect %{y:.0f}<extra>" + names[o - 1] + "</extra>",
                            row=1, col=1)
        short = [order_name(o) for o in ORDER_NUMBERS]
        fig.add_bar(x=short, y=[0, 0, 0, 0], marker_color=[COLOURS[o] for o in ORDER_NUMBERS], showlegend=False,
                    hovertemplate="%{x}: %{y:.0f} bewegingen bereikt<extra></extra>", row=2, col=1)
        fig.add_bar(x=short, y=[0, 0, 0, 0], marker_color=[COLOURS[o] for o in ORDER_NUMBERS], showlegend=False,
                    hovertemplate="%{x}: %{y:.2f} per bereikte beweging<extra></extra>", row=2, col=2)
        fig.update_xaxes(type="log", range=[math.log10(self.speeds.min()), math.log10(self.speeds.max())],
                         tickvals=_TICKS, ticktext=[nl_speed(t) + "×" for t in _TICKS],
                         title_text="tempo van verandering (× het gewone tempo)", row=1, col=1)
        fig.update_yaxes(title_text="totaal effect", rangemode="tozero", row=1, col=1)
        fig.update_yaxes(title_text="aantal", rangemode="tozero", row=2, col=1)
        fig.update_yaxes(title_text="effect-eenheden", rangemode="tozero", row=2, col=2)
        fig.update_layout(height=720, margin=dict(l=70, r=20, t=95, b=40), template="plotly_white",
                          legend=dict(orientation="h", x=0, y=1.05, yanchor="bottom", font=dict(size=12)),
                          separators=",.", uirevision="keep", bargap=0.35)
        fig.update_annotations(font_size=13)
        widget = LiveFigure(fig)
        self._titles = tuple(widget.layout.annotations)  # the subplot titles; regime labels are added to these
        return widget

    # -- behaviour
    def params(self) -> pl.PlanningParams:
        values = {}
        for name, s in self.sliders.items():
            values[name] = int(s.value) if name in ("n_movements", "seed") else float(s.value)
        return pl.PlanningParams(**values)

    def _on_change(self, change=None) -> None:
        self.update()

    def update(self) -> None:
        """Recompute the model for the current sliders and update the figure in place."""
        try:
            p = self.params()
        except (ValueError, TypeError):
            self.message.value = _error("Deze combinatie van aannames kan het model niet doorrekenen. "
                                        "Kies een andere waarde of druk op 'Terug naar de standaardaannames'.")
            return
        try:
            key = p.replace(speed_of_change=1.0)
            if key != self._sweep_key:
                self._sweep_df = pl.sweep(p, self.speeds)
                self._sweep_key = key
            df = self._sweep_df
            here = pl.simulate(p)
            sentence = summary_html(p, df, here)
        except Exception as exc:  # noqa: BLE001 - never a traceback in the lesson
            self.message.value = _error(f"Het model kon niet worden doorgerekend ({exc}).")
            return
        self.message.value = ""
        self.sentence.value = sentence
        s, values = _values(df)
        regs = regimes(df)
        here = here.set_index("order")
        n = int(p.n_movements)
        shapes = [dict(type="rect", xref="x", yref="y domain", x0=r.start, x1=r.end, y0=0, y1=1, layer="below",
                       line_width=0, fillcolor="#999999" if r.tied else COLOURS.get(r.order, "#cccccc"),
                       opacity=0.10)
                  for r in regs if r.order]
        shapes.append(dict(type="line", xref="x", yref="y domain", x0=p.speed_of_change, x1=p.speed_of_change,
                           y0=0, y1=1, line=dict(color="#333333", width=2, dash="dash")))
        # a label in each winner's range that is wide enough to hold one (>= 0.2 decade)
        labels = [dict(xref="x", yref="y domain", x=math.log10(math.sqrt(r.start * r.end)), y=0.98,
                       yanchor="top", showarrow=False,
                       text=(" = ".join(order_name(o) for o in r.tied) if r.tied else f"{order_name(r.order)} wint"),
                       font=dict(size=12, color="#555555" if r.tied else COLOURS[r.order]),
                       bgcolor="rgba(255,255,255,.7)")
                  for r in regs if r.order and math.log10(r.end / r.start) >= 0.2]
        with self.fig.batch_update():
            for o in ORDER_NUMBERS:
                self.fig.data[o - 1].y = values[:, o - 1]
            self.fig.data[4].y = [here.loc[o, "share_reached"] * n for o in ORDER_NUMBERS]
            self.fig.data[5].y = [here.loc[o, "mean_effect_if_reached"] for o in ORDER_NUMBERS]
            self.fig.layout.shapes = shapes
            self.fig.layout.annotations = self._titles + tuple(labels)
            self.fig.layout.yaxis2.range = [0, n * 1.05]

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change updates the figure, as a student's would)."""
        for name, v in values.items():
            self.sliders[name].value = v

    def reset(self) -> None:
        for name, s in self.sliders.items():
            s.value = self.specs[name].default

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)


def planning_explorer() -> PlanningExplorer:
    return PlanningExplorer()


# ---------------------------------------------------------------- my week
def rebalance(values: Sequence[int], index: int, new: int, total: int = 100) -> list[int]:
    """Set ``values[index] = new`` and scale the others so that everything sums to ``total``.

    The others keep their proportions (largest-remainder rounding to whole numbers); if they
    were all zero, the rest is shared equally. ``new`` is clipped to 0..total.
    """
    new = int(min(max(round(new), 0), total))
    others = [i for i in range(len(values)) if i != index]
    rest = total - new
    weights = np.array([max(float(values[i]), 0.0) for i in others])
    if weights.sum() <= 0:
        weights = np.ones(len(others))
    exact = weights / weights.sum() * rest
    floor = np.floor(exact).astype(int)
    short = rest - int(floor.sum())
    order = np.argsort(-(exact - floor), kind="stable")
    floor[order[:short]] += 1
    out = [0] * len(values)
    out[index] = new
    for k, i in enumerate(others):
        out[i] = int(floor[k])
    return out


def _valid_week(v: Any) -> bool:
    return (isinstance(v, list) and len(v) == 4 and all(isinstance(x, int) and not isinstance(x, bool)
                                                         and 0 <= x <= 100 for x in v) and sum(v) == 100)


class MyWeek:
    """Divide a typical week over the four orders (now and wished), always summing to 100 %.

    Moving one slider scales the other three in proportion. The two divisions are shown in a
    grouped bar chart (a LiveFigure redrawn in place) and saved to the journal shortly after
    the last change; a re-run restores them. A column the student has not touched yet is shown
    as "nog niet ingevuld" (grey bars) and saved as such: the saved value is
    ``{"label", "nu", "gewenst", "ingevuld": {"nu": bool, "gewenst": bool}}``. Values saved
    before ``ingevuld`` existed are restored with both columns counted as filled in.
    """

    SETS = (("nu", "Zo ziet mijn week er nu uit"), ("gewenst", "Zo zou ik hem willen verdelen"))
    DEFAULT = [25, 25, 25, 25]
    COLOURS = {"nu": "#8d99ae", "gewenst": "#e09f3e"}
    UNTOUCHED = "#e3e3e3"

    def __init__(self, page, qid: str = "mijn-week", delay: float | None = None):
        from ...ui.saving import SAVE_DELAY

        self.page, self.qid = page, qid
        self.delay = SAVE_DELAY if delay is None else delay
        self.status = w.HTML()
        self.message = w.HTML()
        self._busy = False
        self.touched: dict[str, bool] = {key: False for key, _t in self.SETS}
        self.sliders: dict[str, list[w.IntSlider]] = {}
        self.totals: dict[str, w.HTML] = {}
        try:
            page.check()
        except Exception as exc:  # noqa: BLE001
            self.box = w.VBox([w.HTML(_error(str(exc)))])
            self.fig = None
            return
        columns = []
        for key, title in self.SETS:
            sl = []
            rows = [w.HTML(f"<b>{html.escape(title)}</b>")]
            for k, o in enumerate(ORDER_NUMBERS):
                s = w.IntSlider(value=self.DEFAULT[k], min=0, max=100, step=1, continuous_update=True,
                                readout_format="d", style={"description_width": "0px"},
                                layout=w.Layout(width="auto", flex="1 1 0%", min_width="10em"))
                s.add_class(f"wakker-week-{key}-{o}")
                s.observe(lambda ch, key=key, k=k: self._moved(key, k, ch), names="value")
                sl.append(s)
                info = _sorting().orders[o] if o in _safe_orders() else None
                text = (f"<b>{html.escape(info.name)}</b><br><span style=\"font-size:.85em;opacity:.75\">"
                        f"{html.escape(info.short)}</span>" if info else html.escape(order_title(o)))
                label = w.HTML(f'<div style="line-height:1.25;padding:.15em 0">{text}</div>',
                               layout=w.Layout(width="10.5em", min_width="10.5em"))
                rows.append(w.HBox([label, s, w.HTML("%", layout=w.Layout(width="1.5em"))],
                                   layout=w.Layout(align_items="center", width="100%")))
            self.sliders[key] = sl
            self.totals[key] = w.HTML()
            rows.append(self.totals[key])
            columns.append(w.VBox(rows, layout=w.Layout(width="50%", padding="0 1em 0 0")))
        self.fig = self._figure()
        explain = w.HTML('<div style="line-height:1.45">Versleep de schuifjes. Als je er één verschuift, '
                         'schuiven de andere drie naar verhouding mee, zodat het totaal altijd <b>100 %</b> is. '
                         'Je verdeling wordt vanzelf bewaard.</div>')
        self.box = w.VBox([explain, w.HBox(columns, layout=w.Layout(width="100%")), self.message, self.status,
                           self.fig.widget], layout=w.Layout(width="100%", max_width="68em"))
        self.box.add_class("wakker-mijn-week")
        self._restore()
        self._refresh()

    def _figure(self) -> LiveFigure:
        x = [order_title(o).replace(": ", "<br>") for o in ORDER_NUMBERS]
        fig = go.Figure()
        for key, _t in self.SETS:  # _refresh sets the final look (grey while a column is untouched)
            fig.add_bar(name=key, x=x, y=self.DEFAULT, marker_color=self.COLOURS[key],
                        text=[f"{v} %" for v in self.DEFAULT], textposition="outside",
                        hovertemplate=f"{key}: %{{y}} %<extra></extra>")
        fig.update_layout(barmode="group", height=380, template="plotly_white", margin=dict(l=60, r=20, t=50, b=70),
                          title=dict(text="Mijn week over de vier ordes: nu en gewenst", font=dict(size=15)),
                          yaxis=dict(title="deel van mijn week (%)", range=[0, 110]),
                          xaxis=dict(tickangle=0, automargin=True),
                          legend=dict(orientation="h", x=0, y=1.1), uirevision="keep")
        return LiveFigure(fig)

    # -- state
    def values(self, key: str) -> list[int]:
        return [int(s.value) for s in self.sliders[key]]

    def value(self) -> dict:
        parts = [f"{key} " + ("/".join(map(str, self.values(key))) + " %" if self.touched[key]
                              else "nog niet ingevuld") for key, _t in self.SETS]
        label = ", ".join(parts) + " (1e/2e/3e/4e orde)"
        return {"label": label, "nu": self.values("nu"), "gewenst": self.values("gewenst"),
                "ingevuld": dict(self.touched)}

    def set(self, key: str, index: int, value: int) -> None:
        """Move one slider as a student would (the others follow)."""
        self.sliders[key][index].value = value

    def _moved(self, key: str, index: int, change) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            new = rebalance([change["old"] if i == index else s.value for i, s in enumerate(self.sliders[key])],
                            index, change["new"])
            for i, s in enumerate(self.sliders[key]):
                if s.value != new[i]:
                    s.value = new[i]
        finally:
            self._busy = False
        self.touched[key] = True
        self._refresh()
        self._schedule_save()

    def _refresh(self) -> None:
        for key, _title in self.SETS:
            total = sum(self.values(key))
            self.totals[key].value = (_status(f"Samen: {total} %") if self.touched[key] else
                                      _status("Nog niet ingevuld: versleep een schuifje."))
        if self.fig is None:
            return
        with self.fig.batch_update():
            for k, (key, _t) in enumerate(self.SETS):
                v = self.values(key)
                bar = self.fig.data[k]
                bar.y = v
                if self.touched[key]:
                    bar.name, bar.marker.color = key, self.COLOURS[key]
                    bar.text = [f"{x} %" for x in v]
                    bar.hovertemplate = f"{key}: %{{y}} %<extra></extra>"
                else:
                    bar.name, bar.marker.color = f"{key} (nog niet ingevuld)", self.UNTOUCHED
                    bar.text = ["–"] * len(v)
                    bar.hovertemplate = f"{key}: nog niet ingevuld<extra></extra>"

    def _schedule_save(self) -> None:
        from ...ui.saving import pending

        self.status.value = _status("… wordt zo opgeslagen")
        if self.delay <= 0:
            self.save()
        else:
            pending.schedule(id(self), self.save, self.delay)

    def save(self):
        value = self.value()
        if not (_valid_week(value["nu"]) and _valid_week(value["gewenst"])):
            self.status.value = _error("De verdeling telt niet op tot 100 %; niet opgeslagen.")
            return None
        try:
            entry = self.page.save_value(self.qid, value, kind="week",
                                         prompt="Mijn week over de vier ordes: nu en gewenst (in %)")
        except Exception as exc:  # noqa: BLE001
            self.status.value = _error(f"Opslaan is niet gelukt ({exc}).")
            return None
        self.status.value = _status(f"✓ opgeslagen om {entry.local_time.strftime('%H:%M')}")
        return entry

    def _restore(self) -> None:
        try:
            saved = self.page.load_value(self.qid)
        except Exception as exc:  # noqa: BLE001
            self.status.value = _error(f"Je eerdere verdeling kon niet gelezen worden: {exc}")
            return
        if saved is None:
            self.status.value = _status("Nog niet ingevuld: de schuifjes staan op 25 % elk.")
            return
        if not isinstance(saved, dict) or not all(_valid_week(saved.get(k)) for k, _t in self.SETS):
            self.message.value = _box("melding", "Je eerdere verdeling kon niet worden teruggezet; "
                                                 "vul hem opnieuw in.")
            return
        filled = saved.get("ingevuld")
        self._busy = True
        try:
            for key, _t in self.SETS:
                for s, v in zip(self.sliders[key], saved[key]):
                    s.value = v
                # saved before "ingevuld" existed (or damaged): count the column as filled in
                flag = filled.get(key) if isinstance(filled, dict) else None
                self.touched[key] = flag if isinstance(flag, bool) else True
        finally:
            self._busy = False
        self.status.value = _status("✓ je eerdere verdeling is teruggezet")

    def _ipython_display_(self):
        from IPython.display import display

        display(self.box)


def my_week(page, qid: str = "mijn-week") -> MyWeek:
    return MyWeek(page, qid)


# ---------------------------------------------------------------- roles of government
def role_cases(page) -> w.VBox:
    """One ``page.choice`` per case (it saves itself), each under a short case description."""
    try:
        roles, cases = load_roles()
    except ContentError as exc:
        return w.VBox([w.HTML(_error(str(exc)))])
    boxes = []
    for i, case in enumerate(cases, 1):
        options = [(r.name, case.feedback[r.id]) for r in roles]
        q = page.choice(f"rol-{case.id}", "Welke rol van de overheid past hier het best?", options)
        head = w.HTML(f'<div style="line-height:1.45;max-width:52em"><b>Casus {i}.</b> {html.escape(case.text)}</div>')
        boxes.append(w.VBox([head, q.box], layout=w.Layout(margin="0 0 1em 0")))
    return w.VBox(boxes)


def roles_legend_html() -> str:
    try:
        roles, _cases = load_roles()
    except ContentError as exc:
        return _error(str(exc))
    items = "".join(f"<li><b>{html.escape(r.name)}</b>: {html.escape(r.explanation)}</li>" for r in roles)
    return f'<ul style="max-width:52em;line-height:1.45">{items}</ul>'


# ---------------------------------------------------------------- one-line cells for the notebook
def _show(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def show_orders() -> None:
    """The four orders as a small table."""
    _show(orders_legend_html())


def show_assumptions() -> None:
    """Every assumption of the planning-machine model, in Dutch."""
    _show(assumptions_table_html())


def show_timeline() -> None:
    """The co-operative, old and new (chapter 39)."""
    _show(timeline_html())


def show_roles() -> None:
    """The five roles of government the Voorwoord names."""
    _show(roles_legend_html())
