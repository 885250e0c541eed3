"""The lesson's content in ``data/lessons/inner_spark/``: spheres, chapters, dialogue, value map.

Nothing is read at import. ``load_*(root)`` reads and checks one file (``root`` = another data
folder, for tests); ``spheres()``, ``chapters()``, ``drama()``, ``parties()`` are the cached
versions the widgets use. Every problem is a :class:`ContentError` in Dutch that names the file.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, check_data_id, lesson_dir, read_yaml, text_field
from ...ui.sorting import Category, Item

LESSON = "inner_spark"


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


def _label(entry: object) -> str:
    return str(entry.get("id", "?")) if isinstance(entry, dict) else "?"


@dataclass(frozen=True)
class Sorting:
    """Categories and items of a sorting exercise (spheres, or roles and turns)."""

    categories: tuple[Category, ...]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Turn(Item):
    """One turn of the dialogue: an :class:`Item` with its speaker."""

    speaker: str = ""


def _categories(doc: dict, key: str, where: str) -> tuple[Category, ...]:
    if not isinstance(doc.get(key), list) or len(doc[key]) < 2:
        raise ContentError(f"{where}: verwacht onder '{key}' minstens twee categorieën.")
    cats, seen = [], set()
    for entry in doc[key]:
        cid = text_field(entry, "id", where, _label(entry))
        check_data_id(cid, where)
        if cid in seen:
            raise ContentError(f"{where}: id '{cid}' komt twee keer voor.")
        seen.add(cid)
        cats.append(Category(cid, *(text_field(entry, f, where, cid) for f in ("name", "short", "colour"))))
    return tuple(cats)


def _items(doc: dict, key: str, where: str, cats: tuple[Category, ...], with_speaker: bool = False) -> tuple:
    if not isinstance(doc.get(key), list) or not doc[key]:
        raise ContentError(f"{where}: verwacht een lijst '{key}'.")
    ids = {c.id for c in cats}
    out, seen = [], set()
    for entry in doc[key]:
        iid = text_field(entry, "id", where, _label(entry))
        check_data_id(iid, where)
        if iid in seen:
            raise ContentError(f"{where}: id '{iid}' komt twee keer voor.")
        seen.add(iid)
        acc = entry.get("accepted")
        if (not isinstance(acc, list) or not 1 <= len(acc) <= 2 or len(set(acc)) != len(acc)
                or any(a not in ids for a in acc)):
            raise ContentError(f"{where}, id '{iid}': 'accepted' moet één of twee van {', '.join(sorted(ids))} "
                               f"noemen.")
        fields = dict(id=iid, text=text_field(entry, "text", where, iid), accepted=tuple(acc),
                      feedback=text_field(entry, "feedback", where, iid))
        out.append(Turn(**fields, speaker=text_field(entry, "speaker", where, iid)) if with_speaker else Item(**fields))
    return tuple(out)


def load_spheres(root: Path | None = None) -> Sorting:
    """The red, blue and green spheres and the instruments to place (``spheres.yaml``)."""
    doc, where = _file("spheres.yaml", root)
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht de onderdelen 'categories' en 'items'.")
    cats = _categories(doc, "categories", where)
    items = _items(doc, "items", where, cats)
    missing = {c.id for c in cats} - {i.accepted[0] for i in items if len(i.accepted) == 1}
    if missing:
        raise ContentError(f"{where}: geen enkel onderdeel alleen in {', '.join(sorted(missing))}.")
    return Sorting(cats, items)


def load_drama(root: Path | None = None) -> Sorting:
    """The three roles of the drama triangle and the turns of the dialogue (``drama.yaml``)."""
    doc, where = _file("drama.yaml", root)
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht de onderdelen 'roles' en 'turns'.")
    cats = _categories(doc, "roles", where)
    if {c.id for c in cats} != {"aanklager", "redder", "slachtoffer"}:
        raise ContentError(f"{where}: 'roles' moet precies aanklager, redder en slachtoffer noemen.")
    return Sorting(cats, _items(doc, "turns", where, cats, with_speaker=True))


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    gloss: str
    seed: bool = False


def load_chapters(root: Path | None = None) -> tuple[Chapter, ...]:
    """The ten chapters of Deel 1 by title, with our gloss (``spark.yaml``)."""
    doc, where = _file("spark.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("chapters"), list):
        raise ContentError(f"{where}: verwacht een lijst 'chapters'.")
    out = []
    for entry in doc["chapters"]:
        cid = text_field(entry, "id", where, _label(entry))
        check_data_id(cid, where)
        number = entry.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 10:
            raise ContentError(f"{where}, id '{cid}': 'number' moet een hoofdstuk van 1 tot en met 10 zijn.")
        out.append(Chapter(cid, number, text_field(entry, "title", where, cid), text_field(entry, "gloss", where, cid),
                           bool(entry.get("seed", False))))
    if sorted(c.number for c in out) != list(range(1, 11)) or len({c.id for c in out}) != 10:
        raise ContentError(f"{where}: verwacht de hoofdstukken 1 tot en met 10, elk één keer, met een eigen id.")
    return tuple(out)


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    excerpt: str
    gives_hint: str


def load_parties(root: Path | None = None) -> tuple[Party, ...]:
    """The parties of De Buurtvrouw's website, each with its quotation key (``value_map.yaml``)."""
    doc, where = _file("value_map.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("parties"), list) or not doc["parties"]:
        raise ContentError(f"{where}: verwacht een lijst 'parties'.")
    out, seen = [], set()
    for entry in doc["parties"]:
        pid = text_field(entry, "id", where, _label(entry))
        check_data_id(pid, where)
        if pid in seen:
            raise ContentError(f"{where}: id '{pid}' komt twee keer voor.")
        seen.add(pid)
        out.append(Party(pid, *(text_field(entry, f, where, pid) for f in ("name", "excerpt", "gives_hint"))))
    return tuple(out)


@lru_cache(maxsize=1)
def spheres() -> Sorting:
    return load_spheres()


@lru_cache(maxsize=1)
def drama() -> Sorting:
    return load_drama()


@lru_cache(maxsize=1)
def chapters() -> tuple[Chapter, ...]:
    return load_chapters()


@lru_cache(maxsize=1)
def parties() -> tuple[Party, ...]:
    return load_parties()
