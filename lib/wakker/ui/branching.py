"""A branching case: the student reads a situation, chooses, sees a consequence, and goes on.

A case is data (a lesson's YAML file), parsed by :func:`parse_case`::

    start: begin
    steps:
      - id: begin
        text: "De situatie, in eigen woorden."      # what the student reads at this step
        question: "Wat doe jij als eerste?"         # the accessible name of the choice
        options:
          - id: afstand
            label: "Afstand houden"
            consequence: "Wat er daarna kan gebeuren (mogelijkheden, geen oordeel)."
            next: later-afstand                     # another step; leave out to end the case here
      - id: later-afstand
        text: "..."
        question: "..."
        options: [...]
      - id: einde                                    # a step without options closes the case
        text: "..."

Every ``next`` must exist, every step must be reachable from ``start``, and the case may not loop,
so every path ends. :class:`BranchingCase` shows it as a :class:`~wakker.ui.saving.SavedWidget`:
the steps taken stay on screen (the choice and its consequence), the current step offers its
options, and the path is saved as option ids (``{"path": [...], "steps": [...], "finished": bool,
"label": "..."}``); after a restart the same path is put back. *Opnieuw beginnen* starts over (the
earlier path stays in the journal as an older version).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from wakker.ui.lean import widgets as w

from ..core.data import ContentError, check_data_id, text_field
from .saving import SavedWidget
from .style import error_html, front_end, styled

TEXTS = {
    "choice": "Jouw keuze: {label}",
    "step": "Stap {number}",
    "end": "Einde van de casus. Je pad is bewaard; met ‘Opnieuw beginnen’ probeer je een andere weg.",
    "restart": "Opnieuw beginnen",
    "label_step": "{question} → {label}",
    "label_end": " (einde)",
    "empty": "Nog niet begonnen.",
    "restored": "✓ je eerdere pad is teruggezet (opgeslagen op {day} om {time})",
    "not_restored": "Je eerdere pad past niet meer bij deze casus; begin opnieuw.",
}


#: The class of every part of a case's steps (given when the part is made, not in a second message).
STEP = ("wakker-casus-stap",)


@dataclass(frozen=True)
class CaseOption:
    id: str
    label: str
    consequence: str
    next: str | None = None


@dataclass(frozen=True)
class CaseStep:
    id: str
    text: str
    question: str = ""
    options: tuple[CaseOption, ...] = ()

    @property
    def is_end(self) -> bool:
        return not self.options

    def option(self, option_id: str) -> CaseOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


@dataclass(frozen=True)
class Case:
    start: str
    steps: dict[str, CaseStep]

    def step(self, step_id: str) -> CaseStep:
        return self.steps[step_id]

    def walk(self, path: list[str]) -> list[tuple[CaseStep, CaseOption]]:
        """The (step, chosen option) pairs of ``path`` (option ids); ValueError when it does not fit."""
        out, here = [], self.start
        for option_id in path:
            if here is None:
                raise ValueError("the path goes on after the case ended")
            step = self.steps[here]
            try:
                option = step.option(option_id)
            except KeyError:
                raise ValueError(f"step {step.id!r} has no option {option_id!r}") from None
            out.append((step, option))
            here = option.next
        return out

    def paths(self) -> list[list[str]]:
        """Every complete path from the start, as option ids (for tests and teachers)."""
        done: list[list[str]] = []

        def go(step_id: str | None, path: list[str]) -> None:
            if step_id is None or self.steps[step_id].is_end:
                done.append(path)
                return
            for o in self.steps[step_id].options:
                go(o.next, path + [o.id])

        go(self.start, [])
        return done


def _text(entry: Any, where: str, label: str) -> str:
    """A step's ``text``: one text, or a list of paragraphs (kept apart by a blank line)."""
    value = entry.get("text") if isinstance(entry, dict) else None
    if isinstance(value, list) and value and all(isinstance(p, str) and p.strip() for p in value):
        return "\n\n".join(" ".join(p.split()) for p in value)
    return text_field(entry, "text", where, label)


def parse_case(doc: Any, where: str) -> Case:
    """A case from its YAML document; every problem is a Dutch ContentError naming ``where``."""
    if not isinstance(doc, dict) or not isinstance(doc.get("steps"), list) or not doc["steps"]:
        raise ContentError(f"{where}: verwacht 'start' en een lijst 'steps'.")
    steps: dict[str, CaseStep] = {}
    for entry in doc["steps"]:
        sid = text_field(entry, "id", where, "?")
        check_data_id(sid, where)
        if sid in steps:
            raise ContentError(f"{where}: stap '{sid}' komt twee keer voor.")
        options, seen = [], set()
        for o in entry.get("options") or []:
            oid = text_field(o, "id", where, sid)
            check_data_id(oid, where)
            if oid in seen:
                raise ContentError(f"{where}, stap '{sid}': optie '{oid}' komt twee keer voor.")
            seen.add(oid)
            nxt = o.get("next")
            if nxt is not None and not isinstance(nxt, str):
                raise ContentError(f"{where}, stap '{sid}', optie '{oid}': 'next' moet een stap-id zijn.")
            options.append(CaseOption(oid, text_field(o, "label", where, f"{sid}/{oid}"),
                                      text_field(o, "consequence", where, f"{sid}/{oid}"), nxt))
        question = text_field(entry, "question", where, sid) if options else ""
        steps[sid] = CaseStep(sid, _text(entry, where, sid), question, tuple(options))
    start = doc.get("start")
    if start not in steps:
        raise ContentError(f"{where}: 'start' moet een bestaande stap zijn.")
    for step in steps.values():
        for o in step.options:
            if o.next is not None and o.next not in steps:
                raise ContentError(f"{where}, stap '{step.id}', optie '{o.id}': stap '{o.next}' bestaat niet.")
    # reachable and without loops (depth-first search with the path on a stack)
    reached: set[str] = set()

    def visit(sid: str, stack: tuple[str, ...]) -> None:
        if sid in stack:
            raise ContentError(f"{where}: de casus loopt rond ({' → '.join(stack + (sid,))}).")
        reached.add(sid)
        for o in steps[sid].options:
            if o.next is not None:
                visit(o.next, stack + (sid,))

    visit(start, ())
    unreachable = sorted(set(steps) - reached)
    if unreachable:
        raise ContentError(f"{where}: stap(pen) {', '.join(unreachable)} zijn vanaf de start niet te bereiken.")
    return Case(start, steps)


class BranchingCase(SavedWidget):
    """A branching case on screen, saved as the path of option ids (see the module docstring)."""

    kind = "case"
    delay = 0.0
    TEXTS = {**SavedWidget.TEXTS, **{k: v for k, v in TEXTS.items() if k in ("empty", "restored", "not_restored")}}

    def __init__(self, page, qid: str, case: Case, prompt: str, css: str = ""):
        super().__init__(page, qid, prompt)
        self.case = case
        self.path: list[str] = []
        self.radio: w.RadioButtons | None = None
        if self.error:
            self.box = w.VBox([w.HTML(error_html(self.error))])
            return
        self.steps_box = w.VBox(layout=dict(width="100%"))
        self.restart_button = w.Button(description=TEXTS["restart"], icon="undo", layout=w.Layout(width="auto"),
                                       tooltip=TEXTS["restart"])
        self.restart_button.on_click(lambda _b: self.restart())
        front_end()  # the choice of every step gets its question as accessible name (lesson guide U2)
        self.box = w.VBox([self.steps_box, self.message, self.status, self.restart_button],
                          layout=dict(width="100%", max_width="52em", margin=".3em 0 1em 0"),
                          _dom_classes=("wakker-casus",) + ((css,) if css else ()))
        self._render()
        self.restore()

    # -- state
    @property
    def finished(self) -> bool:
        walked = self.case.walk(self.path)
        if not walked:
            return self.case.step(self.case.start).is_end
        last = walked[-1][1]
        return last.next is None or self.case.step(last.next).is_end

    def current(self) -> CaseStep | None:
        """The step waiting for a choice (None when the case has ended)."""
        if self.finished:
            return None
        walked = self.case.walk(self.path)
        return self.case.step(walked[-1][1].next if walked else self.case.start)

    def value(self):
        if not self.path:
            return None
        walked = self.case.walk(self.path)
        # a label's own full stop would read "….; " before the next step in the portfolio
        label = "; ".join(TEXTS["label_step"].format(question=s.question, label=o.label.rstrip(".")) for s, o in walked)
        return {"path": list(self.path), "steps": [s.id for s, _o in walked], "finished": self.finished,
                "label": label + (TEXTS["label_end"] if self.finished else "")}

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("path"), list) \
                or not all(isinstance(x, str) for x in value["path"]):
            raise ValueError("not a saved path")
        self.case.walk(value["path"])  # raises when the case changed since
        self.path = list(value["path"])
        self._render()

    # -- actions
    def choose(self, option_id: str) -> None:
        """Take an option of the current step (what a click on it does)."""
        step = self.current()
        if step is None:
            raise ValueError("the case has ended")
        try:
            step.option(option_id)
        except KeyError:
            raise ValueError(f"step {step.id!r} has no option {option_id!r}") from None
        self.path.append(option_id)
        self._render()
        self.changed()

    def restart(self) -> None:
        """Start again from the first step (the old path stays in the journal)."""
        self.path = []
        self.message.value = ""
        self._render()
        self.status.value = ""

    def _picked(self, change) -> None:
        if self._loading or change["new"] is None or self.radio is None:
            return
        step = self.current()
        if step is None:
            return
        try:
            self.choose(step.options[self.radio.index].id)
        except Exception as exc:  # noqa: BLE001 - a student never sees a traceback
            from .view import error_box

            self.message.value = error_box(exc)

    # -- drawing (every part of a step carries the class wakker-casus-stap from the start)
    def _render(self) -> None:
        parts: list[w.Widget] = []
        walked = self.case.walk(self.path)
        for number, (step, option) in enumerate(walked, 1):
            head = styled("status", html.escape(TEXTS["step"].format(number=number)), "div")
            chosen = styled("vraag", html.escape(TEXTS["choice"].format(label=option.label)))
            parts.append(w.HTML(head + _paragraphs(step.text) + styled("status", html.escape(step.question), "div")
                                + chosen + styled("feedback", html.escape(option.consequence)), _dom_classes=STEP))
        self.radio = None
        step = self.current()
        if step is not None:
            head = styled("status", html.escape(TEXTS["step"].format(number=len(walked) + 1)), "div")
            self.radio = w.RadioButtons(options=[o.label for o in step.options], value=None, tooltip=step.question,
                                        layout=dict(width="auto"), _dom_classes=("wakker-options", *STEP))
            self.radio.observe(self._picked, names="value")
            parts.append(w.HTML(head + _paragraphs(step.text) + styled("vraag", html.escape(step.question)),
                                _dom_classes=STEP))
            parts.append(self.radio)
        else:
            closing = walked[-1][1].next if walked else self.case.start
            end_text = _paragraphs(self.case.step(closing).text) if closing is not None else ""
            parts.append(w.HTML(end_text + styled("melding", html.escape(TEXTS["end"])), _dom_classes=STEP))
        self.steps_box.children = tuple(parts)
        self.restart_button.layout.display = None if self.path else "none"


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs (a blank line in the data starts a new one)."""
    return "".join(styled("tekst", html.escape(p.strip())) for p in text.split("\n\n") if p.strip())
