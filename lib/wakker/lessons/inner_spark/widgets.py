"""The widgets of notebook 02, built on the shared kit (:mod:`wakker.ui`).

Content comes from :mod:`.data`, every fixed Dutch word from :mod:`.texts`. The two sorting
exercises (spheres, roles in the dialogue) are the kit's :class:`~wakker.ui.sorting.SortingWidget`;
the self-assessment is ten kit choice questions (kind ``choice``, so exports show them in the
standard form). A problem never shows a traceback but a Dutch message in the widget.
"""
from __future__ import annotations

import html
import math
from typing import Any, Callable

from wakker.ui.lean import widgets as w

from ...core.data import ContentError
from ...ui.page import quote_html
from ...ui.saving import SavedWidget
from ...ui.sorting import Item, SortingWidget
from ...ui.style import notice_html, styled
from ...ui.view import View, failed_box, safe
from . import data, texts

NOTEBOOK = "02_boek_deel1_de_vonk_in_jezelf"
SPHERES = ("rood", "blauw", "groen")
ROWS = 4  # own instruments
MAX_TEXT = 2000  # characters kept per text field of a saved value


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    """A saved text field as a string ('' for anything that is not text)."""
    return value[:limit] if isinstance(value, str) else ""


def _content_sorting(page, qid: str, load: Callable, make_items: Callable | None = None, **kw) -> SortingWidget:
    """The kit's sorting widget with content from ``load()``; a content problem becomes a Dutch message."""
    problem, cats, items = None, (), ()
    try:
        content = load()
        cats, items = content.categories, content.items
        if make_items:
            items = make_items(items)
    except ContentError as exc:
        problem = exc
    widget = SortingWidget(page, qid, cats, items, **kw)
    if problem is not None and not widget.error:
        widget.box, widget.ready = failed_box(problem), False
    return widget


# ---------------------------------------------------------------- rood, blauw, groen
def spheres_game(page, qid: str = "sfeer-sorteren") -> SortingWidget:
    """Place a dozen instruments in the red, blue and green spheres (shuffled per student)."""
    return _content_sorting(page, qid, data.spheres, prompt=texts.SPHERES_PROMPT, texts=texts.SPHERES_WORDS,
                            css_class="wakker-sferen", row_class="wakker-sfeer-", button_width="5.5em", legend=True)


def instrument_flags(value: Any) -> list[tuple[str, str]]:
    """The meeting points of a :class:`MyInstruments` value: ``(kind, html)`` with kind 'flag'
    (a red or blue instrument that touches the green initiative), 'green', 'missing' (no sphere yet)."""
    if not isinstance(value, dict):
        return []
    initiative = _text(value.get("initiatief")).strip() or texts.NO_INITIATIVE
    rows = value.get("instrumenten") if isinstance(value.get("instrumenten"), list) else []
    out = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        name = _text(row.get("tekst")).strip()
        sphere = row.get("sfeer")
        if not name:
            continue
        words = dict(instrument=html.escape(name), initiative=html.escape(initiative))
        if sphere not in SPHERES:
            out.append(("missing", html.escape(texts.NO_SPHERE.format(instrument=name))))
        elif row.get("raakt") is True and sphere == "groen":
            out.append(("green", texts.FLAG_GREEN.format(**words)))
        elif row.get("raakt") is True:
            out.append(("flag", texts.FLAG_RED_BLUE.format(sphere=texts.SPHERE_NAMES[sphere], **words)))
    return out


class MyInstruments(SavedWidget):
    """The student's own instruments, each placed in a sphere, and one green initiative from their
    practice; the view flags every red or blue instrument that touches that initiative.

    Saved (kind ``instrumenten``) as ``{"initiatief": str, "instrumenten": [{"tekst", "sfeer",
    "raakt"}, ...]}``; a row without a sphere is saved too (nothing is lost) and named in the flags.
    """

    kind = "instrumenten"
    TEXTS = {**SavedWidget.TEXTS, **texts.INSTRUMENTS_STATUS}

    def __init__(self, page, qid: str = "eigen-instrumenten"):
        super().__init__(page, qid, texts.INSTRUMENTS_PROMPT)
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        self.initiative = w.Text(placeholder=texts.INITIATIVE_PLACEHOLDER, layout=dict(width="100%"),
                                 tooltip=texts.INITIATIVE_LABEL.rstrip(":"))
        self.names, self.spheres, self.touches, rows = [], [], [], []
        for i in range(1, ROWS + 1):
            name = w.Text(placeholder=texts.INSTRUMENT_PLACEHOLDER.format(number=i), layout=dict(width="100%"),
                          tooltip=texts.INSTRUMENT_NAME.format(number=i))
            sphere = w.ToggleButtons(options=[(texts.SPHERE_NAMES[s], s) for s in SPHERES], value=None,
                                     tooltip=texts.SPHERE_NAME.format(number=i), style={"button_width": "5em"},
                                     layout=dict(width="auto"))
            touch = w.Checkbox(value=False, description=texts.TOUCHES, indent=False, layout=dict(width="auto"),
                               tooltip=texts.TOUCHES_NAME.format(number=i))
            for control in (name, sphere, touch):
                control.observe(self.changed, names="value")
            self.names.append(name), self.spheres.append(sphere), self.touches.append(touch)
            row = w.VBox([name, w.HBox([sphere, touch], layout=dict(flex_flow="row wrap", align_items="center"))],
                         layout=dict(margin="0 0 .6em 0", width="100%"), _dom_classes=(f"wakker-instrument-{i}",))
            rows.append(row)
        self.initiative.observe(self.changed, names="value")
        self.flags = w.HTML()
        self.box = w.VBox([w.HTML(styled("vraag", html.escape(texts.INITIATIVE_LABEL))), self.initiative, *rows,
                           self.flags, self.message, self.status], layout=dict(max_width="52em", width="100%"),
                           _dom_classes=("wakker-instrumenten",))
        self.restore()
        self._draw()

    def value(self) -> dict:
        return {"initiatief": self.initiative.value,
                "instrumenten": [{"tekst": n.value, "sfeer": s.value, "raakt": bool(t.value)}
                                 for n, s, t in zip(self.names, self.spheres, self.touches)]}

    def apply(self, value: Any) -> None:
        if not isinstance(value, dict) or not isinstance(value.get("instrumenten"), list):
            raise ValueError("not an instruments value")
        self.initiative.value = _text(value.get("initiatief"))
        for i, row in enumerate(value["instrumenten"][:ROWS]):
            if not isinstance(row, dict):
                continue
            self.names[i].value = _text(row.get("tekst"))
            self.spheres[i].value = row.get("sfeer") if row.get("sfeer") in SPHERES else None
            self.touches[i].value = row.get("raakt") is True

    def after_change(self, value: Any) -> None:
        self._draw()

    def set(self, number: int, text: str, sphere: str | None = None, touches: bool = False) -> None:
        """Fill row ``number`` (1-4), as a student would (for tests)."""
        self.names[number - 1].value = text
        self.spheres[number - 1].value = sphere
        self.touches[number - 1].value = touches

    def _draw(self) -> None:
        flags = instrument_flags(self.value())
        if not flags:
            self.flags.value = notice_html(html.escape(texts.NO_FLAGS))
            return
        kind_style = {"flag": "fout-antwoord", "green": "goed", "missing": "status"}
        items = "".join(styled(kind_style[k], h) for k, h in flags)
        self.flags.value = f"<div><b>{html.escape(texts.FLAGS_HEAD)}</b>{items}</div>"


def my_instruments(page, qid: str = "eigen-instrumenten") -> MyInstruments:
    return MyInstruments(page, qid)


# ---------------------------------------------------------------- value map of De Buurtvrouw
def _excerpt_text(key: str) -> str:
    try:
        from ...core.content import content

        return content().excerpt(key).text
    except Exception:  # noqa: BLE001 - the map still works without the quotation
        return ""


def value_map_html(value: Any, parties) -> str:
    """The value map as an HTML table: each party, what it gets (quoted) and what it must give."""
    value = value if isinstance(value, dict) else {}
    gives = value.get("geeft") if isinstance(value.get("geeft"), dict) else {}
    rows, filled = [], 0
    open_ = f"<i style='opacity:.7'>{html.escape(texts.MAP_OPEN)}</i>"
    for p in parties:
        give = _text(gives.get(p.id)).strip()
        filled += bool(give)
        rows.append((html.escape(p.name), "‘" + html.escape(_excerpt_text(p.excerpt)) + "’",
                     html.escape(give) if give else open_))
    extra = value.get("ontbreekt") if isinstance(value.get("ontbreekt"), dict) else {}
    name = _text(extra.get("naam")).strip()
    total = len(parties) + 1
    if name:
        gets, give = _text(extra.get("krijgt")).strip(), _text(extra.get("geeft")).strip()
        filled += bool(give)
        rows.append((html.escape(name) + " *", html.escape(gets) if gets else open_, html.escape(give) if give else open_))
    # one block per party; its three parts sit side by side on a wide screen and stack on a phone
    part = "flex:1 1 11em;padding:.15em .4em"
    small = "display:block;font-size:.8em;opacity:.75"
    body = "".join(
        f"<div style='display:flex;flex-wrap:wrap;border-top:1px solid rgba(128,128,128,.35);padding:.3em 0'>"
        f"<div style='{part};font-weight:bold'>{a}</div>"
        f"<div style='{part}'><span style='{small}'>{html.escape(texts.GETS)}</span>{b}</div>"
        f"<div style='{part}'><span style='{small}'>{html.escape(texts.GIVES)}</span>{c}</div></div>"
        for a, b, c in rows)
    count = html.escape(texts.MAP_COUNT.format(filled=filled, total=total))
    return (f"<div class='wakker-kaart' style='line-height:1.4'><b>{html.escape(texts.MAP_HEAD)}</b> ({count})"
            f"{body}</div>")


class ValueMap(SavedWidget):
    """What De Buurtvrouw gives each party (the website's words) and what each must give (the student's).

    Saved (kind ``waardenkaart``) as ``{"geeft": {party id: text}, "ontbreekt": {"naam", "krijgt",
    "geeft"}}``, a short moment after the last change.
    """

    kind = "waardenkaart"

    def __init__(self, page, qid: str = "buurtvrouw-kaart"):
        super().__init__(page, qid, texts.VALUE_MAP_PROMPT)
        self.parties: tuple = ()
        self.gives: dict[str, w.Textarea] = {}
        try:
            if self.error:
                raise ContentError(self.error)
            self.parties = data.parties()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        parts = []
        for p in self.parties:
            area = w.Textarea(placeholder=p.gives_hint, rows=2, layout=dict(width="100%"),
                              tooltip=f"{p.name}: {texts.GIVES}")
            area.observe(self.changed, names="value")
            self.gives[p.id] = area
            block = w.VBox([w.HTML(f"<h4 style='margin:.6em 0 .2em;line-height:1.3'>{html.escape(p.name)}</h4>"
                                   + quote_html(p.excerpt)),
                            w.HTML(f"<div style='line-height:1.4;margin-top:.3em'><b>{html.escape(texts.GIVES)}</b></div>"),
                            area], layout=dict(width="100%"), _dom_classes=(f"wakker-partij-{p.id}",))
            parts.append(block)
        self.missing_name = w.Text(placeholder=texts.MISSING_NAME_PLACEHOLDER, tooltip=texts.MISSING_NAME,
                                   layout=dict(width="100%"))
        self.missing_gets = w.Textarea(placeholder=texts.MISSING_GETS, tooltip=texts.MISSING_GETS, rows=2,
                                       layout=dict(width="100%"))
        self.missing_gives = w.Textarea(placeholder=texts.MISSING_GIVES, tooltip=texts.MISSING_GIVES, rows=2,
                                        layout=dict(width="100%"))
        for control in (self.missing_name, self.missing_gets, self.missing_gives):
            control.observe(self.changed, names="value")
        def label(text: str) -> w.HTML:  # visible on a phone too (a placeholder disappears once filled in)
            return w.HTML(f"<div style='line-height:1.4;margin-top:.3em'><b>{html.escape(text)}</b></div>")

        missing = w.VBox([w.HTML(f"<h4 style='margin:.6em 0 .2em;line-height:1.3'>{html.escape(texts.MISSING_HEAD)}</h4>"),
                          label(texts.MISSING_NAME), self.missing_name, label(texts.MISSING_GETS), self.missing_gets,
                          label(texts.MISSING_GIVES), self.missing_gives], layout=dict(width="100%"),
                          _dom_classes=("wakker-partij-ontbreekt",))
        self.map = w.HTML()
        self.box = w.VBox([*parts, missing, self.map, self.message, self.status],
                          layout=dict(max_width="52em", width="100%"), _dom_classes=("wakker-waardenkaart",))
        self.restore()
        self._draw()

    def value(self) -> dict:
        return {"geeft": {pid: area.value for pid, area in self.gives.items()},
                "ontbreekt": {"naam": self.missing_name.value, "krijgt": self.missing_gets.value,
                              "geeft": self.missing_gives.value}}

    def apply(self, value: Any) -> None:
        if not isinstance(value, dict) or not isinstance(value.get("geeft"), dict):
            raise ValueError("not a value map")
        for pid, area in self.gives.items():
            area.value = _text(value["geeft"].get(pid))
        extra = value.get("ontbreekt") if isinstance(value.get("ontbreekt"), dict) else {}
        self.missing_name.value = _text(extra.get("naam"), 200)
        self.missing_gets.value = _text(extra.get("krijgt"))
        self.missing_gives.value = _text(extra.get("geeft"))

    def after_change(self, value: Any) -> None:
        self._draw()

    def _draw(self) -> None:
        self.map.value = value_map_html(self.value(), self.parties)


def value_map(page, qid: str = "buurtvrouw-kaart") -> ValueMap:
    return ValueMap(page, qid)


# ---------------------------------------------------------------- my spark
def spark_chart_html(choices: dict[str, str | None], chapters) -> str:
    """A plain bar chart: how many chapters the student already practises, wants to try, or not now."""
    by_id = {o["id"]: o["label"] for o in texts.SPARK_OPTIONS}
    rows = []
    for oid, label in by_id.items():
        titles = [f"{c.number}. {c.title}" for c in chapters if choices.get(c.id) == oid]
        width = 100 * len(titles) / max(1, len(chapters))
        bar = (f"<div style='background:{texts.SPARK_COLOURS[oid]};height:1.1em;width:{width:.0f}%;"
               f"min-width:{'.3em' if titles else '0'};border-radius:3px'></div>")
        listed = html.escape("; ".join(titles)) if titles else f"<i style='opacity:.7'>{texts.SPARK_NONE}</i>"
        rows.append(f"<div style='margin:.4em 0'><b>{html.escape(label)}: {len(titles)}</b>{bar}"
                    f"<div style='font-size:.9em'>{listed}</div></div>")
    left = sum(1 for c in chapters if not choices.get(c.id))
    tail = f"<div style='opacity:.8'>{html.escape(texts.SPARK_OPEN.format(count=left))}</div>" if left else ""
    return (f"<div class='wakker-vonk-grafiek'>"
            f"<b>{html.escape(texts.SPARK_CHART_HEAD)}</b>{''.join(rows)}{tail}</div>")


class MySpark(View):
    """Ten kit choice questions (one per chapter title of Deel 1) and a plain chart that follows them.

    Each answer is saved by its own question (kind ``choice``, question ids ``vonk-01`` ... ``vonk-10``),
    so exports and notebook 09 read them as ordinary choices.
    """

    def __init__(self, page):
        super().__init__()
        self.chapters: tuple = ()
        self.questions: dict[str, Any] = {}
        self.chart = w.HTML()
        self.message = w.HTML()
        try:
            self.chapters = data.chapters()
        except ContentError as exc:
            self.box = failed_box(exc)
            return
        for ch in self.chapters:
            # the gloss between the title and the options, in plain type
            q = page.choice(ch.id, texts.SPARK_ITEM.format(number=ch.number, title=ch.title), list(texts.SPARK_OPTIONS),
                            note=ch.gloss)
            radio = getattr(q, "radio", None)
            if radio is not None:
                radio.observe(self._changed, names="value")
            self.questions[ch.id] = q
        head = w.HTML(f"<h4 style='margin:.4em 0 .2em'>{html.escape(texts.SPARK_PROMPT)}</h4>")
        self.box = w.VBox([head, *(q.box for q in self.questions.values()), self.chart,
                           self.message],
                          layout=dict(max_width="52em", width="100%"), _dom_classes=("wakker-vonk",))
        self.refresh()

    def choices(self) -> dict[str, str | None]:
        """The option id chosen per chapter (None: not chosen)."""
        out = {}
        for cid, q in self.questions.items():
            try:
                pos = q.positions()
            except Exception:  # noqa: BLE001 - a question that could not be built
                pos = []
            out[cid] = q.options[pos[0]].id if pos else None
        return out

    def choose(self, chapter_id: str, option_id: str) -> None:
        """Choose an option, as a student would (for tests)."""
        q = self.questions[chapter_id]
        q.radio.index = [o.id for o in q.options].index(option_id)

    @safe
    def _changed(self, _change=None) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.chart.value = spark_chart_html(self.choices(), self.chapters)


def my_spark(page) -> MySpark:
    return MySpark(page)


# ---------------------------------------------------------------- the drama triangle
#: Corners of the triangle in the drawing (Karpman draws persecutor and rescuer at the top, victim below).
CORNERS = {"aanklager": (70, 55), "redder": (290, 55), "slachtoffer": (180, 245)}
SPEAKER_COLOURS = ("#6a4c93", "#d1495b", "#2a9d8f", "#e09f3e")


def role_paths(turns, answers: dict) -> dict[str, list[tuple[int, str]]]:
    """Per speaker, in order of appearance: (turn number, chosen role) for every labelled turn."""
    out: dict[str, list[tuple[int, str]]] = {}
    for n, t in enumerate(turns, 1):
        out.setdefault(t.speaker, [])
        role = answers.get(t.id)
        if role in CORNERS:
            out[t.speaker].append((n, role))
    return out


def switch_count(path: list[tuple[int, str]]) -> int:
    """How often a speaker changes role between two of their labelled turns."""
    return sum(1 for (_a, r1), (_b, r2) in zip(path, path[1:]) if r1 != r2)


def switches_svg(paths: dict, names: dict[str, str]) -> str:
    """The triangle with, per speaker, an arrow for every switch of role (SVG, scales with the page)."""
    parts = [f"<svg viewBox='0 0 360 300' role='img' style='width:100%;max-width:420px;height:auto'>"
             f"<title>{html.escape(texts.SWITCH_SVG_TITLE)}</title>",
             "<defs>" + "".join(
                 f"<marker id='wakker-pijl-{i}' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
                 f"markerHeight='7' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='{c}'/></marker>"
                 for i, c in enumerate(SPEAKER_COLOURS)) + "</defs>"]
    a, r, s = CORNERS["aanklager"], CORNERS["redder"], CORNERS["slachtoffer"]
    parts.append(f"<polygon points='{a[0]},{a[1]} {r[0]},{r[1]} {s[0]},{s[1]}' fill='none' "
                 f"stroke='rgba(128,128,128,.5)' stroke-width='2'/>")
    label_at = {"aanklager": (a[0], a[1] - 30), "redder": (r[0], r[1] - 30), "slachtoffer": (s[0], s[1] + 42)}
    for role, (x, y) in label_at.items():
        parts.append(f"<text x='{x}' y='{y}' text-anchor='middle' font-size='15' font-weight='bold' "
                     f"fill='currentColor'>{html.escape(names.get(role, role))}</text>")
    for i, (speaker, path) in enumerate(paths.items()):
        colour = SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)]
        shift = (i - (len(paths) - 1) / 2) * 14
        for (n1, r1), (n2, r2) in zip(path, path[1:]):
            if r1 == r2:
                continue
            (x1, y1), (x2, y2) = CORNERS[r1], CORNERS[r2]
            dx, dy = x2 - x1, y2 - y1
            length = math.hypot(dx, dy) or 1
            ux, uy = dx / length, dy / length
            px, py = -uy * shift, ux * shift  # a parallel lane per speaker
            sx, sy, ex, ey = x1 + ux * 22 + px, y1 + uy * 22 + py, x2 - ux * 22 + px, y2 - uy * 22 + py
            parts.append(f"<line x1='{sx:.1f}' y1='{sy:.1f}' x2='{ex:.1f}' y2='{ey:.1f}' stroke='{colour}' "
                         f"stroke-width='2.5' marker-end='url(#wakker-pijl-{i % len(SPEAKER_COLOURS)})'/>")
            mx, my = (sx + ex) / 2 + px * .6, (sy + ey) / 2 + py * .6
            # a halo of the page's background under the turn numbers, so the arrow they sit on does not cross
            # them out ('3→6' was hard to read on its line; the 02 teacher-helper)
            parts.append(f"<text x='{mx:.1f}' y='{my:.1f}' font-size='11' fill='{colour}' text-anchor='middle' "
                         f"style='paint-order:stroke;stroke:var(--jp-layout-color0,#fff);stroke-width:3px;"
                         f"stroke-linejoin:round'>{n1}→{n2}</text>")
        for k, (n, role) in enumerate(path):  # a dot per labelled turn, around its corner
            x, y = CORNERS[role]
            angle = (i * 4 + k) * 0.55
            parts.append(f"<circle cx='{x + 13 * math.cos(angle):.1f}' cy='{y + 13 * math.sin(angle):.1f}' r='4' "
                         f"fill='{colour}'/>")
    for i, speaker in enumerate(paths):
        colour = SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)]
        parts.append(f"<text x='8' y='{284 - 16 * (len(paths) - 1 - i)}' font-size='12' fill='{colour}' "
                     f"font-weight='bold'>● {html.escape(speaker)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def switches_html(turns, answers: dict, names: dict[str, str]) -> str:
    """The switches as a drawing and in words, one line per speaker."""
    paths = role_paths(turns, answers)
    if not any(paths.values()):
        return notice_html(html.escape(texts.SWITCH_NONE))
    lines = []
    for i, (speaker, path) in enumerate(paths.items()):
        colour = SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)]
        if not path:
            lines.append(texts.SWITCH_EMPTY.format(colour=colour, speaker=html.escape(speaker)))
            continue
        count = switch_count(path)
        steps = " → ".join(f"{html.escape(names.get(r, r).lower())} ({n})" for n, r in path)
        lines.append(texts.SWITCH_LINE.format(colour=colour,
                                              speaker=html.escape(speaker), path=steps, count=count,
                                              word=texts.SWITCH_ONE if count == 1 else texts.SWITCH_MANY))
    total = sum(switch_count(p) for p in paths.values())
    labelled = sum(len(p) for p in paths.values())
    lines.append(html.escape(texts.SWITCH_TOTAL.format(count=total, turns=labelled,
                                                       word=texts.SWITCH_ONE if total == 1 else texts.SWITCH_MANY)))
    return (f"<div class='wakker-wissels'><b>{html.escape(texts.SWITCH_HEAD)}</b>"
            f"<div style='display:flex;flex-wrap:wrap;gap:1em;align-items:center'>"
            f"<div style='flex:1 1 260px;max-width:420px'>{switches_svg(paths, names)}</div>"
            f"<div style='flex:1 1 220px;line-height:1.6'>{'<br>'.join(lines)}</div></div></div>")


class DramaTriangle(View):
    """Label who takes which role at each turn of the dialogue (the kit's sorting widget, in the
    order of the dialogue), and see the switches drawn from those labels as they are chosen.

    The labels are saved by the sorting widget (kind ``sorting``) on every change; ``checked`` says
    whether "Controleer" was pressed for them.
    """

    def __init__(self, page, qid: str = "drama-rollen"):
        super().__init__()
        self.turns: tuple = ()
        self.names: dict[str, str] = {}
        self.message = w.HTML()

        def items(turns):
            self.turns = turns
            return tuple(Item(t.id, texts.TURN_TEXT.format(speaker=t.speaker, text=t.text), t.accepted, t.feedback)
                         for t in turns)

        self.game = _content_sorting(page, qid, data.drama, make_items=items, prompt=texts.DRAMA_PROMPT,
                                     texts=texts.DRAMA_WORDS, shuffle=False, css_class="wakker-drama",
                                     row_class="wakker-beurt-", button_width="7.5em", legend=True)
        self.names = {cid: c.name for cid, c in self.game.categories.items()}
        self.switches = w.HTML()
        for tb in self.game.toggles.values():
            tb.observe(self._changed, names="value")
        self.box = w.VBox([self.game.box, self.switches, self.message], layout=dict(max_width="60em", width="100%"))
        self.refresh()

    @safe
    def _changed(self, _change=None) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.game.ready:
            self.switches.value = ""
            return
        self.switches.value = switches_html(self.turns, self.game.answers(), self.names)


def drama_triangle(page, qid: str = "drama-rollen") -> DramaTriangle:
    return DramaTriangle(page, qid)
