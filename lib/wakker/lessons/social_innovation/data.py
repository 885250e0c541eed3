"""The lesson's content in ``data/lessons/social_innovation/`` and the room's associations.

Nothing is read at import. ``load_*(root)`` reads and checks one file (``root`` = another data
folder, for tests); ``param_words()``, ``village_case()``, ``themes()`` are the cached versions
the widgets use. Every problem is a :class:`ContentError` in Dutch that names the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.content import content
from ...core.data import ContentError, check_data_id, lesson_dir, read_yaml, text_field
from ...models import learning_gap as lg
from ...ui.branching import Case, parse_case
from ...ui.controls import ParamWords

LESSON = "social_innovation"
#: The excerpt that lists the room's associations (one source for the quote and the word list).
ASSOCIATIONS_EXCERPT = "regio-zwolle-2016:associaties"


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


def load_param_words(root: Path | None = None) -> dict[str, ParamWords]:
    """Dutch label, unit and explanation per learning-gap parameter (keys = ``parameter_specs()``)."""
    doc, where = _file("gap_params.yaml", root)
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht per parameter een label, eenheid en uitleg.")
    specs = lg.parameter_specs()
    missing = [k for k in specs if k not in doc]
    extra = [k for k in doc if k not in specs]
    if missing:
        raise ContentError(f"{where}: uitleg ontbreekt voor {', '.join(missing)}.")
    if extra:
        raise ContentError(f"{where}: onbekende parameter(s) {', '.join(map(str, extra))}.")
    return {k: ParamWords(*(text_field(doc[k], f, where, k) for f in ("label", "unit", "explanation")))
            for k in specs}


def load_case(root: Path | None = None) -> Case:
    """The village with two movements (``village_case.yaml``), as a branching case of the kit."""
    doc, where = _file("village_case.yaml", root)
    return parse_case(doc, where)


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    source: str  # where in the report the theme comes from, in words
    low: str
    high: str


def load_themes(root: Path | None = None) -> tuple[Theme, ...]:
    """The themes of the listening self-assessment (``listening_themes.yaml``)."""
    doc, where = _file("listening_themes.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("themes"), list) or not isinstance(doc.get("sources"), dict):
        raise ContentError(f"{where}: verwacht de onderdelen 'themes' en 'sources'.")
    out, seen = [], set()
    for entry in doc["themes"]:
        tid = text_field(entry, "id", where, "?")
        check_data_id(tid, where)
        if tid in seen:
            raise ContentError(f"{where}: id '{tid}' komt twee keer voor.")
        seen.add(tid)
        src = text_field(entry, "from", where, tid)
        if src not in doc["sources"]:
            raise ContentError(f"{where}, id '{tid}': bron '{src}' staat niet onder 'sources'.")
        out.append(Theme(tid, text_field(entry, "name", where, tid), text_field(doc["sources"], src, where, src),
                         text_field(entry, "low", where, tid), text_field(entry, "high", where, tid)))
    if not 3 <= len(out) <= 8:
        raise ContentError(f"{where}: geef 3 tot 8 thema's.")
    return tuple(out)


def split_words(text: str) -> list[str]:
    """Words or short phrases separated by commas, semicolons or new lines; trailing dots dropped;
    duplicates (ignoring case) kept once, in order."""
    out, seen = [], set()
    for part in re.split(r"[,;\n]+", text or ""):
        word = " ".join(part.split()).strip(" .…").strip()
        key = normalise(word)
        if word and key not in seen:
            seen.add(key)
            out.append(word)
    return out


def normalise(word: str) -> str:
    """A word as compared between the student and the room: lower case, spaces folded."""
    return " ".join(word.lower().split())


def room_associations() -> tuple[str, ...]:
    """The associations of the room, as the report lists them (read from the excerpt, not copied)."""
    return tuple(split_words(content().excerpt(ASSOCIATIONS_EXCERPT).text))


# ---------------------------------------------------------------- cached, for the widgets
@lru_cache(maxsize=1)
def param_words() -> dict[str, ParamWords]:
    return load_param_words()


@lru_cache(maxsize=1)
def village_case() -> Case:
    return load_case()


@lru_cache(maxsize=1)
def themes() -> tuple[Theme, ...]:
    return load_themes()
