"""Reflection questions: open text, a scale, a choice (with feedback per option).

Every question is a :class:`~wakker.ui.saving.SavedWidget` with a stable id (notebook +
question id); its answer is written to the journal shortly after the student stops typing
and shown again when the cell is re-run, after a kernel restart, or when the notebook is
opened again. Invalid use never shows a traceback: the widget shows a Dutch message instead.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Sequence

from wakker.ui.lean import widgets as w

from ..core.portfolio import scale_value
from .saving import SAVE_DELAY, SavedWidget
from .style import error_html, front_end, styled


class Question(SavedWidget):
    """Base class of a reflection widget. A new kind implements ``_build``, ``value`` and ``apply``.

    ``context`` (optional): what the question is about when several questions ask the same thing,
    such as a case before "Welke rol past hier het best?". It is shown above the question in plain
    type, and it is part of the question everywhere else: the saved prompt (so a portfolio says which
    case an answer belongs to) and the accessible name of the answer controls.

    ``note`` (optional): a line of explanation under the question, in plain type, in the same widget
    as the question (not part of the saved prompt).
    """

    kind = "text"
    delay = 0.0

    def __init__(self, page, qid: str, prompt: str, delay: float | None = None, context: str = "", note: str = ""):
        self.context = " ".join(str(context or "").split())
        super().__init__(page, qid, f"{self.context} {prompt}" if self.context else prompt, delay)
        shown = html.escape(prompt)
        if self.context:
            shown = f'<span style="font-weight:normal">{html.escape(self.context)}</span><br>{shown}'
        note_html = f"<div style='line-height:1.4'>{html.escape(note)}</div>" if note else ""
        label = w.HTML(styled("vraag", shown) + note_html)
        if self.error:
            self.box = w.VBox([label, w.HTML(error_html(self.error))])
            return
        self.input = self._build()
        front_end()  # the answer controls get the question as their accessible name (lesson guide U2)
        message = [self._message] if self._message is not None else []  # usually none yet: see show_message
        self.box = w.VBox([label, self.input, *message, self.status],
                          layout=dict(margin="0.5em 0 1em 0", max_width="52em"),
                          _dom_classes=("wakker-question", f"wakker-q-{qid}"))
        self.restore()

    def _build(self) -> w.Widget:
        raise NotImplementedError

    def show_message(self, message) -> None:
        """The message line appears between the answer and the save status when first used."""
        box = getattr(self, "box", None)
        if box is not None and message not in box.children:
            children = list(box.children)
            children.insert(len(children) - 1 if self.status in children else len(children), message)
            box.children = tuple(children)


class OpenQuestion(Question):
    kind = "text"

    def __init__(self, page, qid, prompt, placeholder="Typ hier je antwoord…", rows=5, context=""):
        self._placeholder, self._rows = placeholder, rows
        super().__init__(page, qid, prompt, delay=SAVE_DELAY, context=context)

    def _build(self):
        self.area = w.Textarea(placeholder=self._placeholder, rows=self._rows, continuous_update=True,
                               tooltip=self.prompt, layout=dict(width="100%"))
        self.area.observe(self.changed, names="value")
        return self.area

    def value(self):
        return self.area.value

    def apply(self, value):
        if not isinstance(value, str):
            raise TypeError("not a text")
        self.area.value = value


class Scale(Question):
    kind = "scale"

    def __init__(self, page, qid, prompt, low=1, high=5, low_label="", high_label="", context=""):
        if not (isinstance(low, int) and isinstance(high, int) and 2 <= high - low + 1 <= 11):
            self._bad = "Een schaal heeft tussen 2 en 11 punten, met hele getallen."
        else:
            self._bad = None
        self._low, self._high, self._labels = low, high, (low_label, high_label)
        super().__init__(page, qid, prompt, context=context)

    def _build(self):
        if self._bad:
            self.buttons = None
            return w.HTML(error_html(self._bad))
        self.buttons = w.ToggleButtons(options=list(range(self._low, self._high + 1)), value=None,
                                       tooltip=self.prompt, style={"button_width": "3em"})
        self.buttons.observe(self.changed, names="value")
        left = w.HTML(styled("status", html.escape(self._labels[0]), "span"),
                      layout=dict(margin="0 0.6em 0 0"))
        right = w.HTML(styled("status", html.escape(self._labels[1]), "span"),
                       layout=dict(margin="0 0 0 0.6em"))
        box = w.HBox([left, self.buttons, right], layout=dict(align_items="center"), _dom_classes=("wakker-scale",))
        return box

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

    def __init__(self, page, qid, prompt, options: Sequence, multiple=False, context="", note=""):
        self.options = make_options(options)
        self._multiple = multiple
        super().__init__(page, qid, prompt, context=context, note=note)

    def _build(self):
        labels = [o.label for o in self.options]
        if self._multiple:
            self.boxes = [w.Checkbox(value=False, description=lab, indent=False, layout=dict(width="auto"))
                          for lab in labels]
            for box in self.boxes:
                box.observe(self.changed, names="value")
            return w.VBox(self.boxes, _dom_classes=("wakker-options",))
        self.radio = w.RadioButtons(options=labels, value=None, tooltip=self.prompt,
                                    layout=dict(width="auto"), _dom_classes=("wakker-options",))
        self.radio.observe(self.changed, names="value")
        return self.radio

    def positions(self) -> list[int]:
        if self._multiple:
            return [i for i, b in enumerate(self.boxes) if b.value]
        return [] if self.radio.index is None else [self.radio.index]

    def value(self):
        chosen = self.positions()
        return {"selected": [self.options[i].id for i in chosen],
                "label": "; ".join(self.options[i].label for i in chosen)}

    def apply(self, value):
        chosen = chosen_positions(value, self.options)
        if self._multiple:
            for i, b in enumerate(self.boxes):
                b.value = i in chosen
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
        if not self._multiple and self.radio.index is None:
            return
        super().changed(change)
