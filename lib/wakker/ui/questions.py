"""Reflection questions: open text, a scale, a choice (with feedback per option).

Every question is a :class:`~wakker.ui.saving.SavedWidget` with a stable id (notebook +
question id); its answer is written to the journal shortly after the student stops typing
and shown again when the cell is re-run, after a kernel restart, or when the notebook is
opened again. Invalid use never shows a traceback: the widget shows a Dutch message instead.
"""
from __future__ import annotations

import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Sequence

from ..core.journal import JournalError, check_id
from ..core.portfolio import scale_value
from .saving import RETIRED_OPEN, SAVE_DELAY, SavedWidget, pending
from .style import EMPTY_STATUS, error_html, front_end, note_html, styled
from .view import report

#: Numbers for the display ids of questions shown on their own (one kernel).
_DISPLAYS = itertools.count(1)


class _Line:
    """A line of a question's model (its save status, its feedback), used as the HTML widget it once was:
    ``q.status.value``, ``q.message.value``."""

    def __init__(self, question: "Question", key: str):
        self._q, self._key = question, key

    @property
    def value(self) -> str:
        return self._q._get(self._key)

    @value.setter
    def value(self, value: str) -> None:
        self._q._set(self._key, value)


class _Control:
    """A question's answer control as code sees it (``q.area``, ``q.radio``, ``q.buttons``, ``q.boxes[i]``):
    what the ipywidgets control it replaces offered (``value``, ``index``, ``options``, ``tooltip``,
    ``observe``), read from and written to the question's one model."""

    def __init__(self, question: "Question", get, put, options=(), description: str = ""):
        self._q, self._get_value, self._put = question, get, put
        self.options, self.description = tuple(options), description

    @property
    def tooltip(self) -> str:
        return self._q.prompt

    @property
    def value(self):
        return self._get_value()

    @value.setter
    def value(self, value) -> None:
        self._put(value)

    @property
    def index(self) -> int | None:
        chosen = self._q._get("chosen")
        return chosen[0] if chosen else None

    @index.setter
    def index(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self.options):
            raise IndexError(index)
        self._q._set("chosen", [] if index is None else [index])

    def observe(self, handler, names="value") -> None:
        """``handler(change)`` after every change of the answer (see :meth:`Question.observe_answer`)."""
        self._q.observe_answer(handler)


_QUESTION_CLASS = None


def question_widget_class():
    """The one model of a question (an anywidget; its view is drawn by ``question_esm.KIT``), defined on first use."""
    global _QUESTION_CLASS
    if _QUESTION_CLASS is None:
        import traitlets as t

        from .lean import anywidget_base
        from .style import question_stub_esm

        class QuestionWidget(anywidget_base()):
            _esm = question_stub_esm()
            kind = t.Unicode("text").tag(sync=True)  # text | scale | choice | multi | none
            head = t.Unicode("").tag(sync=True)  # the question (and its context and note) as HTML
            label = t.Unicode("").tag(sync=True)  # the accessible name of the answer control
            options = t.List(t.Unicode()).tag(sync=True)
            ends = t.List(t.Unicode()).tag(sync=True)
            placeholder = t.Unicode("").tag(sync=True)
            rows = t.Int(5).tag(sync=True)
            problem = t.Unicode("").tag(sync=True)  # HTML shown instead of the answer control
            text = t.Unicode("").tag(sync=True)
            chosen = t.List(t.Int()).tag(sync=True)
            message = t.Unicode("").tag(sync=True)
            status = t.Unicode("").tag(sync=True)
            # the kit's code reads these as empty (rows: 5) when absent: left out of the first message
            _absent_is_default = {"ends": [], "placeholder": "", "rows": 5, "problem": "", "text": "", "chosen": [],
                                  "message": "", "options": [], "status": EMPTY_STATUS}

        _QUESTION_CLASS = QuestionWidget
    return _QUESTION_CLASS


def _sentence(title: str) -> str:
    """A case's title as the first sentence of a saved prompt: "Casus 1" -> "Casus 1."."""
    return title if not title or title[-1] in ".?!:" else f"{title}."


class Question(SavedWidget):
    """Base class of a reflection widget. A new kind sets ``widget_kind`` and implements ``_build``
    (the model's state for its kind), ``value`` and ``apply``.

    A question is ONE widget model (``q.box``, see :mod:`wakker.ui.question_esm`): the question, the answer
    control, the feedback line (``q.message``) and the save status (``q.status``, a polite live region). Its
    state is put together first (a saved answer restored), and the model is made once with all of it: one
    message to the page per question (issue 11).

    ``context`` (optional): what the question is about when several questions ask the same thing,
    such as a case before "Welke rol past hier het best?". It is shown above the question in plain
    type, and it is part of the question everywhere else: the saved prompt (so a portfolio says which
    case an answer belongs to) and the accessible name of the answer controls.

    ``title`` (optional, with a context): the case's name, such as "Casus 1" or "Het buurtbudget". It stands
    bold on a line of its own above the context (class ``wakker-casus-titel``; the context is
    ``wakker-casus-tekst``): in one plain line with the context it ran into the case's first sentence. The saved
    prompt and the accessible name begin with it: "Het buurtbudget. Een wijkteam wil … Welke stap …?".

    ``note`` (optional): a line of explanation under the question, in plain type, in the same widget
    as the question (not part of the saved prompt).
    """

    kind = "text"
    widget_kind = "text"
    delay = 0.0

    def __init__(self, page, qid: str, prompt: str, delay: float | None = None, context: str = "", note: str = "",
                 title: str = ""):
        self.context = " ".join(str(context or "").split())
        title = " ".join(str(title or "").split())
        self.box = None
        self._display_id: str | None = None  # set when shown on its own (see _ipython_display_)
        self._state: dict[str, Any] = {"kind": self.widget_kind}
        self._observers: list = []
        self._message = _Line(self, "message")
        about = " ".join(part for part in (_sentence(title), self.context) if part)
        super().__init__(page, qid, f"{about} {prompt}" if about else prompt, delay)
        shown = html.escape(prompt)
        if self.context:
            shown = (f'<span class="wakker-casus-tekst" style="display:block;font-weight:normal;margin:0 0 .4em 0">'
                     f'{html.escape(self.context)}</span>{shown}')
        if title:
            shown = (f'<span class="wakker-casus-titel" style="display:block;margin:0 0 .25em 0">{html.escape(title)}'
                     f'</span>{shown}')
        note_html = f"<div style='line-height:1.4'>{html.escape(note)}</div>" if note else ""
        self._state.update(head=styled("vraag", shown) + note_html, label=self.prompt)
        front_end()  # the kit's code draws every question, also one that can only show what is wrong
        if self.error:
            self._state.update(kind="none", problem=error_html(self.error), status="")
        else:
            self._build()
            self.restore()
        try:  # a class of the question's id, when it is a valid one (an invalid id may hold a space)
            classes = ("wakker-question", f"wakker-q-{check_id(qid, 'vraag-naam')}")
        except JournalError:
            classes = ("wakker-question",)
        self.box = question_widget_class()(**self._state, layout=dict(margin="0.5em 0 1em 0", max_width="52em"),
                                           _dom_classes=classes)
        self._watch(self.changed)
        for handler in self._observers:
            self._watch(handler)

    # -- the model's state: kept here until the model is made, then read from and written to it
    def _status_widget(self, first: str):
        self._state["status"] = first
        return _Line(self, "status")

    def _get(self, key: str):
        if self.box is not None:
            return getattr(self.box, key)
        if key in self._state:
            return self._state[key]
        return question_widget_class().class_traits()[key].default()

    def _set(self, key: str, value) -> None:
        if self.box is not None:
            setattr(self.box, key, value)
        else:
            self._state[key] = value

    def _watch(self, handler) -> None:
        self.box.observe(handler, names=["text", "chosen"])

    #: What the cell of a replaced question shows when the newer one stands in another cell (a copy of the cell that
    #: was run): it went blank before. {prompt}: the question, shortened.
    MOVED = ("Deze vraag ({prompt}) staat nu in een andere cel: de cel met deze vraag die je het laatst uitvoerde. "
             "Je antwoord staat daar; typ daar verder.")

    def _ipython_display_(self) -> None:
        """Shown under a display id of its own, so that :meth:`retire` can tell this cell where the question went."""
        from IPython.display import display

        if self._display_id is None:
            self._display_id = f"wakker-vraag-{id(self):x}-{next(_DISPLAYS)}"
        display(self.box, display_id=self._display_id)

    def retire(self) -> None:
        """A newer question for the same answer replaced this one (its cell was run again, or a copy of it; its
        waiting save is written): its model is closed after :data:`~wakker.ui.saving.RETIRED_OPEN` seconds (letters
        still on their way from the browser go on to the newer question until then), so that ipywidgets' registry
        of open models no longer keeps it, and with it this question, alive. Where it was shown, the output becomes
        a Dutch line that says where the question went (a re-run cell's old output is gone already: nothing to see
        there)."""
        if self._display_id is not None:
            from IPython.display import update_display

            short = self.prompt if len(self.prompt) <= 80 else \
                self.prompt[:78].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"
            text = self.MOVED.format(prompt=f"‘{short}’")
            try:
                update_display({"text/html": note_html(f"↪ {html.escape(text)}", size="1em"),
                                "text/plain": text}, raw=True, display_id=self._display_id)
            except Exception as exc:  # noqa: BLE001 - closing the model below matters more
                report(exc)
        if self.box is not None:
            pending.schedule(id(self.box), self.box.close, RETIRED_OPEN)

    def is_empty(self, value) -> bool:
        """An open answer with no text left (spaces and blank lines count as none)."""
        return value is None or (isinstance(value, str) and not value.strip())

    def observe_answer(self, handler) -> None:
        """Call ``handler(change)`` after every change of the answer, by the student or by code (``change["new"]``:
        the model's new text or chosen positions)."""
        self._observers.append(handler)
        if self.box is not None:
            self._watch(handler)

    def _build(self) -> None:
        raise NotImplementedError


class OpenQuestion(Question):
    kind = "text"
    widget_kind = "text"

    def __init__(self, page, qid, prompt, placeholder="Typ hier je antwoord…", rows=5, context="", title=""):
        self._placeholder, self._rows = placeholder, rows
        super().__init__(page, qid, prompt, delay=SAVE_DELAY, context=context, title=title)

    def _build(self):
        self._state.update(placeholder=self._placeholder, rows=self._rows)
        self.area = _Control(self, lambda: self._get("text"), self._put_text)

    def _put_text(self, value) -> None:
        if not isinstance(value, str):
            raise TypeError("not a text")
        self._set("text", value)

    def value(self):
        return self._get("text")

    def apply(self, value):
        self._put_text(value)


class Scale(Question):
    kind = "scale"
    widget_kind = "scale"

    def __init__(self, page, qid, prompt, low=1, high=5, low_label="", high_label="", context="", title=""):
        if not (isinstance(low, int) and isinstance(high, int) and 2 <= high - low + 1 <= 11):
            self._bad = "Een schaal heeft tussen 2 en 11 punten, met hele getallen."
        else:
            self._bad = None
        self._low, self._high, self._labels = low, high, (low_label, high_label)
        super().__init__(page, qid, prompt, context=context, title=title)

    def _build(self):
        if self._bad:
            self.buttons = None
            self._state.update(kind="none", problem=error_html(self._bad))
            return
        points = list(range(self._low, self._high + 1))
        self._state.update(options=[str(p) for p in points], ends=list(self._labels))
        self.buttons = _Control(self, self._point, self._choose, options=points)

    def _point(self) -> int | None:
        chosen = self._get("chosen")
        return self._low + chosen[0] if chosen else None

    def _choose(self, point) -> None:
        if point is None:
            self._set("chosen", [])
        elif point not in self.buttons.options:
            raise ValueError("not on this scale")
        else:
            self._set("chosen", [point - self._low])

    def value(self):
        """The chosen point with its scale, so that a portfolio can say what the number means.

        Saved as ``{"value", "low", "high", "low_label", "high_label"}``; an answer saved by an older
        version of the workbook is the bare number, and is restored just the same.
        """
        if self.buttons is None or self.buttons.value is None:
            return None
        return {"value": self.buttons.value, "low": self._low, "high": self._high,
                "low_label": self._labels[0], "high_label": self._labels[1]}

    def apply(self, value):
        point = scale_value(value)  # the new form or an old bare number
        if self.buttons is None or point is None or point not in self.buttons.options:
            raise ValueError("not on this scale")
        self.buttons.value = point

    def changed(self, change=None):
        if self.value() is not None:
            super().changed(change)


# ---------------------------------------------------------------- choice
@dataclass(frozen=True)
class Option:
    id: str
    label: str
    feedback: str = ""


def option_id(label: str) -> str:
    """A stable id for an option, made from its text (``"Zwijgen: ik vertrouw…"`` -> ``"zwijgen-ik-vertrouw"``)."""
    text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "optie"


def make_options(options: Sequence) -> list[Option]:
    """Options from strings, ``(label, feedback)`` pairs or ``{"id", "label", "feedback"}`` mappings.

    An option without an explicit ``id`` gets one from its text; two options with the same id get
    ``-2``, ``-3`` appended (in order), so ids are unique.
    """
    out: list[Option] = []
    seen: set[str] = set()
    for o in options:
        if isinstance(o, Option):
            oid, label, feedback = o.id, o.label, o.feedback
        elif isinstance(o, str):
            oid, label, feedback = None, o, ""
        elif isinstance(o, dict):
            oid, label, feedback = o.get("id"), str(o.get("label", "")), str(o.get("feedback", ""))
        else:
            label, feedback = (list(o) + [""])[:2]
            oid, label, feedback = None, str(label), str(feedback)
        base = str(oid) if oid else option_id(label)
        oid, n = base, 2
        while oid in seen:
            oid, n = f"{base}-{n}", n + 1
        seen.add(oid)
        out.append(Option(oid, label, feedback))
    return out


def chosen_positions(value: Any, options: Sequence[Option]) -> list[int]:
    """Which options a saved choice selected, as positions in ``options``.

    Current form: ``{"selected": [option ids], "label": ...}``. The older form saved positions
    (``{"selected": [0, 2], "label": "A; C"}``); those are matched by their text first, so an
    answer still comes back on the right option after the options were reordered, and by
    position only when the text matches too. Raises ValueError when nothing can be matched.
    """
    if not isinstance(value, dict) or not isinstance(value.get("selected"), list):
        raise ValueError("not a saved choice")
    selected = value["selected"]
    ids = [o.id for o in options]
    if all(isinstance(s, str) for s in selected):
        if not all(s in ids for s in selected):
            raise ValueError("an option of this answer no longer exists")
        return [ids.index(s) for s in selected]
    if not all(isinstance(s, int) and not isinstance(s, bool) for s in selected):
        raise ValueError("not a saved choice")
    label = value.get("label") if isinstance(value.get("label"), str) else ""
    labels = [o.label for o in options]
    if all(0 <= i < len(options) for i in selected) and "; ".join(labels[i] for i in selected) == label:
        return list(selected)
    wanted = [label] if len(selected) == 1 else label.split("; ")
    by_text = [labels.index(text) for text in wanted if text in labels]
    if len(by_text) == len(selected) == len(wanted):
        return sorted(by_text)
    raise ValueError("the options changed since this answer was saved")


class Choice(Question):
    """A choice with feedback per option; ``multiple=True`` allows several options.

    The answer is saved as the chosen options' stable ids (see :func:`make_options`), so
    reordering or adding options never moves an old answer to another option.
    """

    kind = "choice"

    def __init__(self, page, qid, prompt, options: Sequence, multiple=False, context="", note="", title=""):
        self.options = make_options(options)
        self._multiple = multiple
        super().__init__(page, qid, prompt, context=context, note=note, title=title)

    @property
    def widget_kind(self) -> str:  # type: ignore[override]
        return "multi" if self._multiple else "choice"

    def _build(self):
        labels = [o.label for o in self.options]
        self._state.update(options=labels)
        if self._multiple:
            self.boxes = [_Control(self, lambda i=i: i in self._get("chosen"), lambda on, i=i: self._tick(i, on),
                                   description=label) for i, label in enumerate(labels)]
        else:
            self.radio = _Control(self, self._label, self._pick, options=labels)

    def _label(self) -> str | None:
        chosen = self._get("chosen")
        return self.options[chosen[0]].label if chosen else None

    def _pick(self, label) -> None:
        self._set("chosen", [] if label is None else [[o.label for o in self.options].index(label)])

    def _tick(self, i: int, on: bool) -> None:
        chosen = set(self._get("chosen"))
        chosen = chosen | {i} if on else chosen - {i}
        self._set("chosen", sorted(chosen))

    def positions(self) -> list[int]:
        return list(self._get("chosen"))

    def is_empty(self, value) -> bool:
        """Nothing ticked (only possible with ``multiple=True``: the student unticked every option)."""
        return isinstance(value, dict) and not value.get("selected")

    def value(self):
        chosen = self.positions()
        return {"selected": [self.options[i].id for i in chosen],
                "label": "; ".join(self.options[i].label for i in chosen)}

    def apply(self, value):
        chosen = chosen_positions(value, self.options)
        if self._multiple:
            self._set("chosen", sorted(chosen))
        elif chosen:
            self.radio.index = chosen[0]

    def after_change(self, value):
        # One choice: its feedback alone (the chosen option is checked right above it). Several: each
        # feedback under the option it belongs to, so the student sees which is which.
        chosen = [o for o in (self.options[i] for i in self.positions()) if o.feedback]
        if self._multiple:
            parts = [styled("feedback", f"<i>{html.escape(o.label)}</i><br>{html.escape(o.feedback)}") for o in chosen]
        else:
            parts = [styled("feedback", html.escape(o.feedback)) for o in chosen]
        self.message.value = "".join(parts)

    def changed(self, change=None):
        if not self._multiple and not self._get("chosen"):
            return
        super().changed(change)
