"""The characters of notebook 07, from ``data/lessons/trust_game/characters.yaml``.

The one loader of that file: validated (a :class:`~wakker.core.data.ContentError` in Dutch names
the file and the id), cached per file version, and never read at import. Everything else in the
lesson, and the teacher's class tournament, asks these functions.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, lesson_dir, read_yaml
from ...models import prisoners_dilemma as P

LESSON = "trust_game"
FILE = "characters.yaml"
WHERE = f"lessons/{LESSON}/{FILE}"

#: The strategies the notebook needs a character for, whatever the file marks.
REQUIRED: tuple[str, ...] = (*P.CLASSICS, "generous_tit_for_tat")


@dataclass(frozen=True)
class Character:
    """One character: a strategy of the model with a Dutch name, rule and colour."""

    id: str
    name: str
    rule: str
    colour: str
    case: str | None = None
    tournament: bool = False


def characters_file() -> Path:
    return lesson_dir(LESSON) / FILE


def characters() -> dict[str, Character]:
    """Every character in the file, in file order (ContentError if the file is missing or malformed)."""
    path = characters_file()
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None  # read_yaml says in Dutch that the file is missing
    return _load(str(path), stamp)


@lru_cache(maxsize=4)
def _load(path: str, _stamp: tuple[int, int] | None) -> dict[str, Character]:
    """Read and check the file once per (path, modification time, size): an edited file is read again."""
    doc = read_yaml(path)
    if not isinstance(doc, dict) or not doc:
        raise ContentError(f"{WHERE}: verwacht per strategie-id een blok met name, rule en colour.")
    out: dict[str, Character] = {}
    for sid, entry in doc.items():
        if sid not in P.STRATEGIES:
            raise ContentError(f"{WHERE}, id '{sid}': geen strategie van het model "
                               f"(bekend: {', '.join(sorted(P.STRATEGIES))}).")
        if not isinstance(entry, dict):
            raise ContentError(f"{WHERE}, id '{sid}': verwacht velden name, rule en colour.")
        for name in ("name", "rule", "colour"):
            if not isinstance(entry.get(name), str) or not entry[name].strip():
                raise ContentError(f"{WHERE}, id '{sid}': veld '{name}' ontbreekt of is leeg.")
        case = entry.get("case")
        if case is not None and not isinstance(case, str):
            raise ContentError(f"{WHERE}, id '{sid}': veld 'case' moet tekst zijn of leeg (null).")
        tournament = entry.get("tournament", False)
        if not isinstance(tournament, bool):
            raise ContentError(f"{WHERE}, id '{sid}': veld 'tournament' moet true of false zijn.")
        out[sid] = Character(sid, entry["name"].strip(), " ".join(entry["rule"].split()),
                             entry["colour"].strip(), case, tournament)
    names = [c.name.casefold() for c in out.values()]
    double = sorted({c.name for c in out.values() if names.count(c.name.casefold()) > 1})
    if double:
        raise ContentError(f"{WHERE}: twee personages hebben dezelfde naam: {', '.join(double)}.")
    missing = [s for s in REQUIRED if s not in out or not out[s].tournament]
    if missing:
        raise ContentError(f"{WHERE}: deze personages ontbreken of staan niet op tournament: true: "
                           f"{', '.join(missing)}.")
    return out


def main_characters() -> tuple[str, ...]:
    """The ids of the characters the notebook uses everywhere (``tournament: true``), in file order:
    its menus, its tournament, its sandbox, the designer's test and the class tournament."""
    return tuple(sid for sid, c in characters().items() if c.tournament)


def character_names() -> dict[str, str]:
    """Dutch name per strategy id, for every character in the file."""
    return {sid: c.name for sid, c in characters().items()}


def name_of(sid: str) -> str:
    """Dutch name of a strategy id (the id itself for anything that is not a character)."""
    c = characters().get(sid)
    return c.name if c else sid


def colour_of(sid: str, default: str = "#e09f3e") -> str:
    """Chart colour of a character (``default`` for anything else, such as a student's design)."""
    c = characters().get(sid)
    return c.colour if c else default
