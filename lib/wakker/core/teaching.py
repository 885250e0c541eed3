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

Every problem is a ContentError in Dutch that names the file.
"""
from __future__ import annotations

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
class LessonPlan:
    lesson: str
    sessions: tuple[Session, ...]
    pairs: tuple[str, ...] = ()
    plenary: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    compare: tuple[str, ...] = ()


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
    return LessonPlan(lesson, tuple(sessions), *(_texts(doc, k, where) for k in LISTS))


@lru_cache(maxsize=None)
def lesson_plan(lesson: str) -> LessonPlan:
    """The plan of one lesson (cached; ContentError when missing or malformed)."""
    return parse_plan(lesson, read_yaml(lesson_dir(lesson) / FILE))
