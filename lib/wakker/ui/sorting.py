"""A sorting exercise: place each item in one of a few categories, then "Controleer".

Used by notebook 04 (orders of change) and 02 (red, blue and green spheres); any lesson can use it:

    cats = [Category("rood", "Rood", "gezag en wet", "#c0392b"), ...]
    items = [Item("vergunning", "Een vergunning aanvragen", ("rood",), "Uitleg ..."), ...]
    SortingWidget(page, "sfeer-sorteren", cats, items, prompt="...", intro_html="...")

* every item gets one row of toggle buttons (one per category, the category's short text as tooltip);
* an item with two accepted categories is *ambiguous*: both count as right and its feedback
  discusses both readings;
* the items are shown in a shuffled order that is stable per student (:func:`shuffle_seed`: kept in
  the journal as ``<qid>-volgorde``, or from the student's name), with at most
  :data:`MAX_SAME_NEIGHBOURS` neighbours sharing their (first) category, so the order gives nothing away;
* every choice is saved (kind ``sorting``, debounced like the kit's other questions:
  :data:`~wakker.ui.saving.SAVE_DELAY`) as
  ``{"label", "score", "answered", "total", <per_key>, "answers", "checked"}``; ``<per_key>``
  (default ``per_category_correct``) counts the right answers per chosen category (keys as strings).
  ``checked`` is True only when the student pressed "Controleer" for exactly these answers: a
  change after "Controleer" saves again with ``checked: False`` (and the score line asks for a new
  check);
* a re-run restores the last saved answers; their feedback and score come back only when that
  version was checked. A damaged saved value is skipped or shown as text, never a traceback;
* "Begin opnieuw" clears the screen and says so; the saved version stays until the next choice;
* ``legend=True`` shows each category's short text above the rows (tooltips need a mouse).

Every Dutch word is in :data:`TEXTS`; a lesson passes its own words in ``texts`` (same keys).
Items may be any objects with ``id``, ``text``, ``accepted`` and ``feedback`` attributes.
"""
from __future__ import annotations

import hashlib
import html
import random
import secrets
from dataclasses import dataclass
from typing import Any, Hashable, Sequence

from ..core.data import ContentError
from .saving import SAVE_DELAY, SavedWidget, pending
from .style import notice_html, status_html, styled
from .view import failed_box

#: At most this many neighbours in the shuffled list share the same (first) category: a plain
#: shuffle sometimes clusters them, which would give answers away.
MAX_SAME_NEIGHBOURS = 2

#: The default Dutch words (a lesson overrides any of them with ``texts=``).
TEXTS = {
    "intro": ("Kies bij elk onderdeel de categorie die volgens jou het best past. Druk daarna op "
              "<b>Controleer</b>: je ziet je score en bij elk onderdeel uitleg. Bij een "
              "<b>twijfelgeval</b> tellen twee categorieën als goed. Je mag het zo vaak proberen als je "
              "wilt; je laatste score wordt bewaard."),
    "check": "Controleer",
    "start_again": "Begin opnieuw",
    "choose_first": "Kies eerst bij minstens één onderdeel een categorie.",
    "not_sorted": "Nog niet ingedeeld.",
    "right": "✓ Goed.",
    "wrong": "✗ Jij koos {chosen}; volgens ons hoort dit bij {right}.",
    "right_ambiguous": "✓ Te verdedigen: hier zijn {a} en {b} allebei goed.",
    "wrong_ambiguous": "✗ Jij koos {chosen}; hier zijn {a} en {b} allebei te verdedigen.",
    "score": "{score} van de {answered} goed",
    "score_open": " (nog {left} niet ingedeeld)",
    "score_html": ("<b>Je score: {label}.</b> Ben je het niet eens met de indeling? Lees de uitleg en "
                   "bedenk of jouw keuze te verdedigen is: de grenzen zijn niet scherp."),
    "group": "Onderdeel {number}: {text} Welke categorie?",  # the accessible name of one row's buttons
    "shuffle_prompt": ("Volgorde van de sorteeroefening (geen antwoord: zo blijft de volgorde voor jou "
                       "steeds dezelfde)"),
    "changed_after_check": "Je hebt iets veranderd. Druk opnieuw op <b>Controleer</b> voor je nieuwe score.",
    "legend_line": "<b>{name}</b>: {short}",
}

#: Status lines of the widget (merged over :attr:`SavedWidget.TEXTS`; ``texts=`` may override them too).
STATUS = {
    "empty": "Nog niet gecontroleerd.",
    "restored": "✓ je eerdere antwoorden zijn teruggezet",
    "restored_unchecked": "✓ je eerdere keuzes zijn teruggezet (nog niet gecontroleerd)",
    "saved": "✓ score opgeslagen om {time}",
    "saved_unchecked": "✓ keuzes opgeslagen om {time}",
    "cleared": ("Leeg gemaakt. Je vorige keuzes blijven bewaard tot je een nieuwe keuze maakt; daarna "
                "wordt je nieuwe indeling bewaard."),
    "unreadable": "Je eerdere antwoorden konden niet gelezen worden: {error}",
    "not_saved": "Opslaan is niet gelukt ({error}).",
    "old_form": "Je eerdere antwoorden konden niet worden teruggezet: {value}",
}


@dataclass(frozen=True)
class Category:
    """One category: ``id`` (saved), ``name`` (on the button), ``short`` (tooltip), ``colour`` (chosen button)."""

    id: Hashable
    name: str
    short: str = ""
    colour: str = "#e09f3e"


@dataclass(frozen=True)
class Item:
    """One item to sort; ``accepted`` holds every category id that counts as right (two: ambiguous)."""

    id: str
    text: str
    accepted: tuple
    feedback: str = ""

    @property
    def ambiguous(self) -> bool:
        return len(self.accepted) > 1


def _first(item) -> Any:
    return item.accepted[0] if item.accepted else None


def same_neighbours(items: Sequence) -> int:
    """How many neighbours in ``items`` share their first accepted category."""
    return sum(1 for a, b in zip(items, items[1:]) if _first(a) == _first(b))


def shuffled(items: Sequence, seed: int) -> list:
    """``items`` in a shuffled order that depends only on ``seed`` (the same seed, the same order).

    Reshuffled (with the same generator, so still deterministic) until at most
    :data:`MAX_SAME_NEIGHBOURS` neighbours share their first category.
    """
    out, rng = list(items), random.Random(seed)
    for _ in range(10_000):
        rng.shuffle(out)
        if same_neighbours(out) <= MAX_SAME_NEIGHBOURS:
            break
    return out


def name_seed(name: str) -> int:
    """A shuffle seed from a student's name (stable across runs and machines, unlike ``hash``)."""
    return int.from_bytes(hashlib.sha256(" ".join(name.lower().split()).encode("utf-8")).digest()[:4], "big")


def shuffle_seed(page, qid: str, prompt: str = TEXTS["shuffle_prompt"]) -> int:
    """The seed of this student's order of the sorting exercise, kept in their journal (``<qid>-volgorde``).

    The first time: from the student's name when the journal has one, else a random number; then
    saved (kind ``volgorde``), so the order stays the same for this student on every run (and after
    an import of their journal), while two students see different orders. When the journal cannot
    be read or written, the name (or a fresh random number) is used for this run only.
    """
    key = f"{qid}-volgorde"
    try:
        saved = page.load_value(key)
    except Exception:  # noqa: BLE001 - an unreadable journal: a seed for this run only
        saved = None
    if isinstance(saved, int) and not isinstance(saved, bool) and saved >= 0:
        return saved
    try:
        name = page.journal.student() or ""
    except Exception:  # noqa: BLE001 - a journal that cannot be read: no name
        name = ""
    seed = name_seed(name) if name.strip() else secrets.randbits(32)
    try:
        page.save_value(key, seed, kind="volgorde", prompt=prompt)
    except Exception:  # noqa: BLE001 - not saved: this run still gets an order
        pass
    return seed


def score(items: Sequence, answers: dict) -> int:
    """How many items have an accepted category in ``answers`` (item id -> category id)."""
    return sum(1 for it in items if it.id in answers and answers[it.id] in it.accepted)


#: The space between two items, as the box around each item gave it before (issue 11): ``.7em`` under an
#: item plus the 2 px margins of the two widgets it no longer has (the item's own text and its feedback).
ROW_GAP = "calc(.7em + 4px)"
#: The score line keeps, below it, the space of the (empty) message line that the box no longer holds until
#: a message is needed (4 px: the two margins of an empty HTML widget), so nothing under it moves.
_M = "var(--jp-widgets-margin, 2px)"
RESULT_ALONE = {"margin": f"{_M} {_M} calc(3 * {_M}) {_M}"}


class _Gap:
    """The text between two rows of buttons, in ONE HTML widget (issue 11: each widget model costs the
    page a message; 04's game was 84 models): the feedback under the item above, then the text of the
    next item (``head``). The first holds only the first item's text, the last only the last feedback.
    ``feedback`` is that item's line; set its ``value`` as if it were a widget of its own."""

    def __init__(self, w, head: str, first: bool, last: bool):
        self.head, self.first, self.last, self.text = head, first, last, ""
        self.widget = w.HTML(self.html(), layout=dict(width="100%"))
        self.feedback = _Feedback(self)

    def html(self) -> str:
        # flow-root: the feedback's own margins stay inside it, as in a widget of its own (no collapsing)
        out = f'<div style="display:flow-root">{self.text}</div>' if self.text else ""
        if self.head:
            gap = "" if self.first else f"margin-top:{ROW_GAP};"
            out += f'<div style="{gap}line-height:1.4">{self.head}</div>'
        if self.last:
            out += '<div style="height:.7em"></div>'
        return out


class _Feedback:
    """The feedback line under one item (part of a :class:`_Gap`), read and set through ``value``."""

    __slots__ = ("_gap",)

    def __init__(self, gap: _Gap):
        self._gap = gap

    @property
    def value(self) -> str:
        return self._gap.text

    @value.setter
    def value(self, text: str) -> None:
        self._gap.text = text
        self._gap.widget.value = self._gap.html()  # the same text again: traitlets sends nothing


class SortingWidget(SavedWidget):
    """Sort items into categories; "Controleer" gives feedback per item and saves the score.

    ``categories`` and ``items`` as in the module docstring (ContentError when they do not fit:
    shown as a Dutch message). ``seed`` overrides the per-student shuffle; ``shuffle=False`` keeps
    the given order. ``css_class`` names the whole box, ``row_class`` + item id each row of buttons
    (for tests and screenshots). ``per_key`` names the per-category count in the saved value.
    """

    kind = "sorting"
    delay = SAVE_DELAY

    def __init__(self, page, qid: str, categories: Sequence[Category], items: Sequence, *,
                 prompt: str = "", texts: dict | None = None, seed: int | None = None, shuffle: bool = True,
                 css_class: str = "wakker-sorteerspel", row_class: str = "wakker-sorteer-",
                 per_key: str = "per_category_correct", button_width: str = "5.5em", max_width: str = "60em",
                 legend: bool = False):
        from wakker.ui.lean import widgets as w

        words = {**TEXTS, **STATUS, **(texts or {})}
        self.TEXTS = {**SavedWidget.TEXTS, **{k: words[k] for k in STATUS}}
        self.words = words
        super().__init__(page, qid, prompt)
        self.per_key = per_key
        self.categories: dict = {}
        self.items: tuple = ()
        self.shown: list = []  # the items in the order they are shown
        self.result = w.HTML(layout=RESULT_ALONE)
        self.toggles: dict[str, Any] = {}
        self.feedback: dict[str, Any] = {}
        self.ready = False  # True once the content fitted and the rows are built
        self.checked = False  # True while the answers on screen are the ones last checked
        try:
            if self.error:
                raise ContentError(self.error)
            self.categories, self.items = self._checked(categories, items)
        except ContentError as exc:  # content or page problem: a message, never a traceback
            self.box = failed_box(exc)
            return
        self.ready = True
        cats = list(self.categories.values())
        order = self.items
        if shuffle:
            order = shuffled(self.items, shuffle_seed(page, qid, words["shuffle_prompt"]) if seed is None else seed)
        self.shown = list(order)
        # one column: the first item's text, its buttons, its feedback with the next item's text, ... (issue 11)
        heads = [f"<b>{i}.</b> {html.escape(item.text)}" for i, item in enumerate(self.shown, 1)]
        gaps = [_Gap(w, head, i == 0, i == len(heads)) for i, head in enumerate([*heads, ""])]
        rows = [gaps[0].widget]
        for i, item in enumerate(self.shown, 1):
            tb = w.ToggleButtons(options=[(c.name, c.id) for c in cats], value=None,
                                 tooltips=[c.short for c in cats],
                                 tooltip=words["group"].format(number=i, text=item.text),
                                 style={"button_width": button_width}, layout=dict(width="auto"),
                                 _dom_classes=(f"{row_class}{item.id}",))
            tb.observe(lambda _change, iid=item.id: self._chosen(iid), names="value")
            self.toggles[item.id], self.feedback[item.id] = tb, gaps[i].feedback
            rows += [tb, gaps[i].widget]
        self.check_button = w.Button(description=words["check"], button_style="warning", icon="check",
                                     layout=dict(width="auto"))
        self.reset_button = w.Button(description=words["start_again"], icon="undo", layout=dict(width="auto"))
        self.check_button.on_click(lambda _b: self.check())
        self.reset_button.on_click(lambda _b: self.reset())
        key = ""
        if legend:
            key = " · ".join(words["legend_line"].format(name=html.escape(c.name), short=html.escape(c.short))
                             for c in cats if str(c.short).strip())
            key = f'<div class="wakker-sorteer-legenda" style="line-height:1.45;margin-top:.3em">{key}</div>'
        self.intro = w.HTML(f"<style>{self._css(css_class, cats)}</style>"
                            f'<div style="line-height:1.45">{words["intro"]}</div>{key}')
        # the message line (a notice, an error) is made when first needed: see show_message
        if self._message is not None:
            self.result.layout = {}
        self.box = w.VBox([self.intro, w.VBox(rows, layout=dict(margin="0", width="100%")),
                           w.HBox([self.check_button, self.reset_button]), self.result,
                           *([self._message] if self._message is not None else []), self.status],
                          layout=dict(max_width=max_width, width="100%"), _dom_classes=(css_class,))
        self.restore()

    def show_message(self, message) -> None:
        """The message line, made when first needed, goes above the status line (where it always was)."""
        box = getattr(self, "box", None)
        if self.ready and box is not None and message not in box.children:
            children = list(box.children)
            children.insert(children.index(self.status) if self.status in children else len(children), message)
            box.children = tuple(children)
            self.result.layout = {}  # the message line's own margins take the space now

    # -- content
    @staticmethod
    def _checked(categories: Sequence, items: Sequence) -> tuple[dict, tuple]:
        cats = {}
        for c in categories or ():
            if not isinstance(c, Category) or not str(c.name).strip():
                raise ContentError(f"Sorteeroefening: categorie {c!r} heeft geen naam.")
            if c.id in cats:
                raise ContentError(f"Sorteeroefening: categorie '{c.id}' komt twee keer voor.")
            cats[c.id] = c
        if len(cats) < 2:
            raise ContentError("Sorteeroefening: er zijn minstens twee categorieën nodig.")
        seen, out = set(), []
        for it in items or ():
            iid = getattr(it, "id", None)
            accepted = tuple(getattr(it, "accepted", ()) or ())
            if not isinstance(iid, str) or not iid or not str(getattr(it, "text", "")).strip():
                raise ContentError(f"Sorteeroefening: onderdeel {iid!r} heeft geen id of tekst.")
            if iid in seen:
                raise ContentError(f"Sorteeroefening: id '{iid}' komt twee keer voor.")
            if not 1 <= len(accepted) <= 2 or len(set(accepted)) != len(accepted) or any(a not in cats for a in accepted):
                raise ContentError(f"Sorteeroefening, id '{iid}': noem één categorie, of twee verschillende "
                                   f"bij een twijfelgeval (kies uit {', '.join(map(str, cats))}).")
            seen.add(iid)
            out.append(it)
        if not out:
            raise ContentError("Sorteeroefening: er zijn geen onderdelen om in te delen.")
        return cats, tuple(out)

    @staticmethod
    def _css(css_class: str, cats: Sequence[Category]) -> str:
        """The chosen button in its category's colour (by position: the buttons follow the categories)."""
        rules = []
        for n, c in enumerate(cats, 1):
            colour = html.escape(str(c.colour), quote=True).replace(";", "").replace("}", "")
            rules.append(f".{css_class} .widget-toggle-button.mod-active:nth-of-type({n})"
                         f"{{background:{colour};color:#fff}}")
        if len({c.colour for c in cats}) == 1:  # one colour for all: one simple rule
            rules = [f".{css_class} .widget-toggle-button.mod-active{{background:{cats[0].colour};color:#fff}}"]
        return "".join(rules)

    # -- state
    def answers(self) -> dict:
        """The categories chosen so far (items without a choice are left out)."""
        return {iid: tb.value for iid, tb in self.toggles.items() if tb.value is not None}

    def set_answer(self, item_id: str, category: Any) -> None:
        self.toggles[item_id].value = category

    def value(self) -> dict | None:
        """The score of the current answers, as it is saved (None: nothing chosen yet)."""
        answers = self.answers()
        if not answers:
            return None
        total, answered, right = len(self.items), len(answers), score(self.items, answers)
        label = self.words["score"].format(score=right, answered=answered)
        if answered < total:
            label += self.words["score_open"].format(left=total - answered)
        per = {str(c): sum(1 for it in self.items if c in it.accepted and answers.get(it.id) == c)
               for c in self.categories}
        return {"label": label, "score": right, "answered": answered, "total": total,
                self.per_key: per, "answers": answers, "checked": self.checked}

    def problems(self, value: Any) -> str | None:
        return self.words["choose_first"] if value is None else None

    def _valid(self, category: Any) -> bool:
        return not isinstance(category, bool) and isinstance(category, Hashable) and category in self.categories

    def apply(self, value: Any) -> None:
        """Put saved answers back (unknown items and categories are skipped); a checked version
        also gets its feedback and score back, an unchecked one waits for "Controleer"."""
        if not isinstance(value, dict) or not isinstance(value.get("answers"), dict):
            raise ValueError("not a sorting value")
        for iid, tb in self.toggles.items():
            cat = value["answers"].get(iid)
            tb.value = cat if self._valid(cat) else None
            self.feedback[iid].value = ""
        self.result.value = ""
        # an old saved value without the key was saved by "Controleer" (the only save there was)
        self.checked = bool(value.get("checked", True)) and bool(self.answers())
        if self.checked:
            self._show_feedback(self.value())

    def text(self, key: str, **kwargs) -> str:
        """Status texts: a version that was not checked is "keuzes opgeslagen", not "score opgeslagen"."""
        if not self.checked and key in ("saved", "restored") and f"{key}_unchecked" in self.words:
            key = f"{key}_unchecked"
        return self.words[key].format(**kwargs) if key in self.words else super().text(key, **kwargs)

    def _chosen(self, item_id: str) -> None:
        """A choice changed: its feedback goes, the score asks for a new check, the answers are saved."""
        self.feedback[item_id].value = ""
        if self._loading:
            return
        if self.checked:
            self.checked = False
            self.result.value = notice_html(self.words["changed_after_check"])
        if self.answers():
            self.changed()

    def save(self):
        """Save now (nothing when no choice is left, e.g. right after "Begin opnieuw")."""
        if self.ready and not self.answers():
            return None
        return super().save()

    # -- actions
    def check(self) -> dict | None:
        """Score the answers, show feedback per item, and save. Returns the saved value."""
        if not self.ready:
            return None
        value = self.value()
        if value is None:
            self.result.value = notice_html(html.escape(self.words["choose_first"]))
            return None
        self.checked = True
        value = self.value()
        self._show_feedback(value)
        with pending.lock:  # a choice still waiting to be saved is saved now, checked (one version, not two)
            waiting = pending.timers.pop(id(self), None)
        if waiting:
            waiting[0].cancel()
        self.save()
        return value

    def _show_feedback(self, value: dict) -> None:
        cats, answers, words = self.categories, value["answers"], self.words
        for item in self.items:
            chosen = answers.get(item.id)
            if chosen is None:
                self.feedback[item.id].value = styled("status", html.escape(words["not_sorted"]))
                continue
            good = chosen in item.accepted
            if len(item.accepted) > 1:
                both = dict(a=cats[item.accepted[0]].name, b=cats[item.accepted[1]].name)
                head = (words["right_ambiguous"].format(**both) if good
                        else words["wrong_ambiguous"].format(chosen=cats[chosen].name, **both))
            else:
                head = words["right"] if good else words["wrong"].format(chosen=cats[chosen].name,
                                                                       right=cats[item.accepted[0]].name)
            self.feedback[item.id].value = styled("goed" if good else "fout-antwoord",
                                                  f"<b>{html.escape(head)}</b> {html.escape(item.feedback)}")
        self.result.value = notice_html(words["score_html"].format(label=html.escape(value["label"])))

    def reset(self) -> None:
        """Clear all choices and feedback, and say so (the saved version stays until the next choice)."""
        self._loading = True
        try:
            for iid, tb in self.toggles.items():
                tb.value = None
                self.feedback[iid].value = ""
        finally:
            self._loading = False
        self.checked = False
        self.result.value = ""
        self.status.value = status_html(self.words["cleared"])
