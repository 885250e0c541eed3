"""The lesson's content files in ``data/lessons/giving_trust/``: loaded, validated, cached.

Nothing is read at import. ``load_*(root)`` reads and checks one file (``root`` = another data
folder, for tests); ``param_words()`` and ``berkelland()`` are the cached versions the widgets use.
Every problem is a :class:`ContentError` with a Dutch message that names the file and the id.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, lesson_dir, read_yaml, text_field
from ...models import investment_game as ig
from ...ui.controls import ParamWords

LESSON = "giving_trust"
CHOICES = ("gemeente", "samen", "bewoners")
#: parameters that are never a slider (the seed is moved by the "Nog eens" button)
NO_SLIDER = ("seed",)


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


# ---------------------------------------------------------------- the words of the parameters
def _words(section: object, names: list[str], where: str) -> dict[str, ParamWords]:
    if not isinstance(section, dict):
        raise ContentError(f"{where}: verwacht per parameter een label, eenheid en uitleg.")
    missing = [k for k in names if k not in section]
    extra = [k for k in section if k not in names]
    if missing:
        raise ContentError(f"{where}: uitleg ontbreekt voor {', '.join(missing)}.")
    if extra:
        raise ContentError(f"{where}: onbekende parameter(s) {', '.join(map(str, extra))}.")
    return {k: ParamWords(*(text_field(section[k], f, where, k) for f in ("label", "unit", "explanation")))
            for k in names}


def load_param_words(root: Path | None = None) -> dict[str, ParamWords]:
    """Dutch label, unit and explanation per parameter of both views (``params.yaml``)."""
    doc, where = _file("params.yaml", root)
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht de onderdelen 'game' en 'breach'.")
    game = [k for k in ig.parameter_specs() if k not in NO_SLIDER]
    words = _words(doc.get("game"), game, f"{where} (game)")
    words.update(_words(doc.get("breach"), list(ig.breach_specs()), f"{where} (breach)"))
    return words


# ---------------------------------------------------------------- terreinknecht of regisseur
@dataclass(frozen=True)
class Task:
    id: str
    text: str
    report: str | None  # gemeente | samen | bewoners, or None when the report is silent
    note: str


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    text: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Berkelland:
    choices: dict[str, str]  # id -> the Dutch word on the button
    examples: tuple[Example, ...]

    @property
    def tasks(self) -> dict[str, Task]:
        """Every task by its full id ``<example>/<task>``."""
        return {f"{e.id}/{t.id}": t for e in self.examples for t in e.tasks}


def load_berkelland(root: Path | None = None) -> Berkelland:
    """The Berkelland examples split into tasks (``berkelland.yaml``)."""
    doc, where = _file("berkelland.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("choices"), dict) or not isinstance(doc.get("examples"), list):
        raise ContentError(f"{where}: verwacht de onderdelen 'choices' en 'examples'.")
    if list(doc["choices"]) != list(CHOICES):
        raise ContentError(f"{where}: 'choices' moet precies {', '.join(CHOICES)} zijn, in die volgorde.")
    choices = {k: text_field(doc["choices"], k, where, "choices") for k in CHOICES}
    examples, seen = [], set()
    for entry in doc["examples"]:
        eid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(eid, str) or eid in seen:
            raise ContentError(f"{where}: elk voorbeeld heeft een eigen id (fout bij '{eid}').")
        seen.add(eid)
        tasks, task_ids = [], set()
        for t in entry.get("tasks") or []:
            tid = t.get("id") if isinstance(t, dict) else None
            if not isinstance(tid, str) or tid in task_ids:
                raise ContentError(f"{where}, voorbeeld '{eid}': elke taak heeft een eigen id (fout bij '{tid}').")
            task_ids.add(tid)
            report = t.get("report")
            if report is not None and report not in CHOICES:
                raise ContentError(f"{where}, taak '{eid}/{tid}': 'report' moet {', '.join(CHOICES)} of null zijn.")
            tasks.append(Task(tid, text_field(t, "text", where, tid), report, text_field(t, "note", where, tid)))
        if not tasks:
            raise ContentError(f"{where}, voorbeeld '{eid}': er staan geen taken in.")
        examples.append(Example(eid, text_field(entry, "title", where, eid), text_field(entry, "text", where, eid),
                                tuple(tasks)))
    if not examples:
        raise ContentError(f"{where}: er staan geen voorbeelden in.")
    return Berkelland(choices, tuple(examples))


@lru_cache(maxsize=1)
def param_words() -> dict[str, ParamWords]:
    return load_param_words()


@lru_cache(maxsize=1)
def berkelland() -> Berkelland:
    return load_berkelland()
