"""The lesson's content in ``data/lessons/village_commons/``, validated and cached; nothing is read at import.

``load_*(root)`` reads and checks one file (``root`` = another data folder, for tests); the cached
``param_words()``, ``principle_words()``, ``sorting()``, ``cases()`` are what the widgets use. Every
problem is a :class:`ContentError` in Dutch that names the file.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, check_data_id, lesson_dir, read_yaml, text_field
from ...models import commons as cm
from ...ui.controls import ParamWords, read_param_words

LESSON = "village_commons"
#: The three ways to sort an instruction (exercise "Algoritme of stappenplan?").
KINDS = ("stappenplan", "perspectief", "allebei")


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


def load_param_words(root: Path | None = None) -> dict[str, ParamWords]:
    """Dutch label, unit and explanation per commons parameter (keys = ``commons.parameter_specs()``)."""
    return read_param_words(lesson_dir(LESSON, root) / "commons_params.yaml", cm.parameter_specs())


@dataclass(frozen=True)
class PrincipleWords:
    name: str    # field of commons.Principles
    label: str
    effect: str  # what the switch does in the model, in Dutch (our assumption)


def load_principles(root: Path | None = None) -> tuple[PrincipleWords, ...]:
    doc, where = _file("principles.yaml", root)
    names = [f.name for f in fields(cm.Principles)]
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht per principe een label en een effect.")
    missing = [k for k in names if k not in doc]
    extra = [str(k) for k in doc if k not in names]
    if missing or extra:
        raise ContentError(f"{where}: ontbreekt: {', '.join(missing) or '-'}; onbekend: {', '.join(extra) or '-'}.")
    return tuple(PrincipleWords(k, text_field(doc[k], "label", where, k), text_field(doc[k], "effect", where, k))
                 for k in names)


@dataclass(frozen=True)
class SortItem:
    id: str
    text: str
    kind: str
    why: str


def load_sorting(root: Path | None = None) -> tuple[str, tuple[SortItem, ...]]:
    """The intro and the instructions of "Algoritme of stappenplan?"."""
    doc, where = _file("sorting_items.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list) or not doc["items"]:
        raise ContentError(f"{where}: verwacht 'intro' en een lijst 'items'.")
    intro = text_field(doc, "intro", where, "intro")
    items, seen = [], set()
    for n, it in enumerate(doc["items"], 1):
        if not isinstance(it, dict):
            raise ContentError(f"{where}: item {n} is geen veld-lijst.")
        iid = it.get("id")
        check_data_id(iid, where)
        if iid in seen:
            raise ContentError(f"{where}: id '{iid}' komt twee keer voor.")
        seen.add(iid)
        kind = it.get("kind")
        if kind not in KINDS:
            raise ContentError(f"{where}, {iid}: 'kind' moet een van {', '.join(KINDS)} zijn.")
        items.append(SortItem(iid, text_field(it, "text", where, iid), kind, text_field(it, "why", where, iid)))
    return intro, tuple(items)


@dataclass(frozen=True)
class CaseOption:
    label: str
    feedback: str


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    text: str
    options: tuple[CaseOption, ...]


def load_cases(root: Path | None = None) -> tuple[Case, ...]:
    doc, where = _file("cases.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list) or not doc["cases"]:
        raise ContentError(f"{where}: verwacht een lijst 'cases'.")
    out = []
    for n, c in enumerate(doc["cases"], 1):
        if not isinstance(c, dict):
            raise ContentError(f"{where}: casus {n} is geen veld-lijst.")
        cid = c.get("id")
        check_data_id(cid, where)
        opts = c.get("options")
        if not isinstance(opts, list) or len(opts) < 2:
            raise ContentError(f"{where}, {cid}: minstens twee 'options' nodig.")
        options = tuple(CaseOption(text_field(o, "label", where, cid), text_field(o, "feedback", where, cid))
                        for o in opts)
        out.append(Case(cid, text_field(c, "title", where, cid), text_field(c, "text", where, cid), options))
    return tuple(out)


@lru_cache(maxsize=None)
def param_words() -> dict[str, ParamWords]:
    return load_param_words()


@lru_cache(maxsize=None)
def principle_words() -> tuple[PrincipleWords, ...]:
    return load_principles()


@lru_cache(maxsize=None)
def sorting() -> tuple[str, tuple[SortItem, ...]]:
    return load_sorting()


@lru_cache(maxsize=None)
def cases() -> tuple[Case, ...]:
    return load_cases()
