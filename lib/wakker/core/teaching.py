"""The teacher's box "In de les" of a lesson (lesson guide L6), read from the lesson's data.

``data/lessons/<lesson>/in_de_les.yaml``::

    sessions:                      # one or two lesson plans of 45-90 minutes
      - name: "Les 1 (90 minuten)"
        plan:                      # minutes and what happens, in order
          - [10, "Start: ..."]
          - [20, "In tweetallen: ..."]
    pairs: ["...", "..."]          # prompts for pairs and groups
    plenary: ["...", "..."]        # questions for the whole class
    watch: ["...", "..."]          # what to watch for
    compare: ["...", "..."]        # which answers to compare in notebook 09 (question ids and why)
    rubric:                        # optional: a simple rubric for grading one reflection (shown in 09)
      question: "<question id>"
      criteria:
        - name: "<criterion>"
          levels: ["onvoldoende: ...", "voldoende: ...", "goed: ..."]

Every problem is a ContentError in Dutch that names the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import ContentError, lesson_dir, read_yaml

FILE = "in_de_les.yaml"
LISTS = ("pairs", "plenary", "watch", "compare")


@dataclass(frozen=True)
class Session:
    name: str
    plan: tuple[tuple[int, str], ...]

    @property
    def minutes(self) -> int:
        return sum(m for m, _ in self.plan)


@dataclass(frozen=True)
class Criterion:
    name: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class Rubric:
    """A simple rubric for grading one reflection question (``question`` is its id)."""

    question: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class LessonPlan:
    lesson: str
    sessions: tuple[Session, ...]
    pairs: tuple[str, ...] = ()
    plenary: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    compare: tuple[str, ...] = ()
    rubric: Rubric | None = None


def _texts(doc: dict, key: str, where: str) -> tuple[str, ...]:
    items = doc.get(key) or []
    if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
        raise ContentError(f"{where}: '{key}' moet een lijst met teksten zijn.")
    return tuple(" ".join(x.split()) for x in items)


def parse_plan(lesson: str, doc) -> LessonPlan:
    where = f"lessons/{lesson}/{FILE}"
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht de velden sessions, pairs, plenary, watch en compare.")
    sessions = []
    for n, s in enumerate(doc.get("sessions") or [], 1):
        if not isinstance(s, dict) or not isinstance(s.get("name"), str) or not s["name"].strip():
            raise ContentError(f"{where}: les {n} heeft geen naam.")
        plan = []
        for step in s.get("plan") or []:
            if (not isinstance(step, list) or len(step) != 2 or not isinstance(step[0], int)
                    or isinstance(step[0], bool) or step[0] <= 0 or not isinstance(step[1], str) or not step[1].strip()):
                raise ContentError(f"{where}, {s['name']}: elke stap is [minuten, wat er gebeurt], "
                                   f"met een heel aantal minuten.")
            plan.append((step[0], " ".join(step[1].split())))
        if not plan:
            raise ContentError(f"{where}, {s['name']}: het lesplan is leeg.")
        session = Session(" ".join(s["name"].split()), tuple(plan))
        if not 30 <= session.minutes <= 120:
            raise ContentError(f"{where}, {session.name}: het plan duurt {session.minutes} minuten; "
                               f"een les duurt 45 tot 90 minuten.")
        sessions.append(session)
    if not sessions:
        raise ContentError(f"{where}: er staat geen lesplan in (sessions).")
    return LessonPlan(lesson, tuple(sessions), *(_texts(doc, k, where) for k in LISTS),
                      rubric=parse_rubric(doc.get("rubric"), where))


def _clean(text) -> str:
    return " ".join(text.split()) if isinstance(text, str) else ""


def parse_rubric(doc, where: str) -> Rubric | None:
    """The optional ``rubric`` of a plan (None when absent); a ContentError in Dutch when malformed."""
    if doc is None:
        return None
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: 'rubric' moet de velden question en criteria hebben.")
    question = _clean(doc.get("question"))
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", question):
        raise ContentError(f"{where}: de rubric noemt geen geldige vraag (question: de id van een reflectievraag).")
    criteria = []
    for n, c in enumerate(doc.get("criteria") or [], 1):
        name = _clean(c.get("name")) if isinstance(c, dict) else ""
        levels = c.get("levels") if isinstance(c, dict) else None
        if not name:
            raise ContentError(f"{where}: criterium {n} van de rubric heeft geen naam.")
        if (not isinstance(levels, list) or len(levels) < 2
                or not all(isinstance(x, str) and x.strip() for x in levels)):
            raise ContentError(f"{where}: criterium '{name}' van de rubric heeft geen lijst met niveaus "
                               f"(bijvoorbeeld onvoldoende, voldoende, goed).")
        criteria.append(Criterion(name, tuple(_clean(x) for x in levels)))
    if not criteria:
        raise ContentError(f"{where}: de rubric heeft geen criteria.")
    return Rubric(question, tuple(criteria))


@lru_cache(maxsize=None)
def lesson_plan(lesson: str) -> LessonPlan:
    """The plan of one lesson (cached; ContentError when missing or malformed)."""
    return parse_plan(lesson, read_yaml(lesson_dir(lesson) / FILE))
