"""The lesson's content in ``data/lessons/river_not_canal/`` and the pure logic of its exercises.

Nothing is read at import. ``load_*(root)`` reads and checks one file (``root`` = another data
folder, for tests); ``drawbacks()``, ``small_steps()`` are the cached versions the widgets use.
Every problem in a file is a :class:`ContentError` in Dutch that names the file.

:func:`parse_network` and :func:`river_fit` are the logic of two exercises, without widgets, so
that tests can check them directly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, check_data_id, lesson_dir, read_yaml, text_field
from . import texts

LESSON = "river_not_canal"
#: At most this many lines count in each box of the network exercise (a class network, not a census).
MAX_LINES = 40
#: A case name of the river exercise is short: a name, not the story.
MAX_NAME = 80


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


# ---------------------------------------------------------------- the authors' drawbacks
@dataclass(frozen=True)
class Drawback:
    id: str
    label: str
    named: bool  # named by the authors in the Inleiding
    feedback: str


def load_drawbacks(root: Path | None = None) -> tuple[Drawback, ...]:
    """The options of the drawbacks question (``drawbacks.yaml``)."""
    doc, where = _file("drawbacks.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("options"), list):
        raise ContentError(f"{where}: verwacht een lijst 'options'.")
    out, seen = [], set()
    for entry in doc["options"]:
        oid = text_field(entry, "id", where, "?")
        check_data_id(oid, where)
        if oid in seen:
            raise ContentError(f"{where}: id '{oid}' komt twee keer voor.")
        seen.add(oid)
        if not isinstance(entry.get("named"), bool):
            raise ContentError(f"{where}, id '{oid}': 'named' moet true of false zijn.")
        out.append(Drawback(oid, text_field(entry, "label", where, oid), entry["named"],
                            text_field(entry, "feedback", where, oid)))
    if not any(d.named for d in out) or all(d.named for d in out):
        raise ContentError(f"{where}: geef zowel nadelen die de auteurs noemen als nadelen die ze niet noemen.")
    return tuple(out)


def drawbacks_score(selected: list[str], options: tuple[Drawback, ...]) -> tuple[int, int, int]:
    """(named drawbacks chosen, named drawbacks in all, options chosen that the authors do not name)."""
    chosen = set(selected)
    named = {d.id for d in options if d.named}
    return len(chosen & named), len(named), len(chosen - named)


# ---------------------------------------------------------------- small-step cases
@dataclass(frozen=True)
class StepCase:
    id: str
    title: str
    context: str
    options: tuple[tuple[str, str], ...]  # (label, feedback)


def load_small_steps(root: Path | None = None) -> tuple[StepCase, ...]:
    doc, where = _file("small_steps.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list) or not doc["cases"]:
        raise ContentError(f"{where}: verwacht een lijst 'cases'.")
    out = []
    for entry in doc["cases"]:
        cid = text_field(entry, "id", where, "?")
        check_data_id(cid, where)
        opts = entry.get("options")
        if not isinstance(opts, list) or len(opts) < 2:
            raise ContentError(f"{where}, id '{cid}': geef minstens twee opties.")
        options = tuple((text_field(o, "label", where, cid), text_field(o, "feedback", where, cid)) for o in opts)
        out.append(StepCase(cid, text_field(entry, "title", where, cid), text_field(entry, "context", where, cid),
                            options))
    return tuple(out)


# ---------------------------------------------------------------- Rivier of kanaal?
def river_fit(place: int | None, approach: str | None) -> str | None:
    """The key of the feedback (``texts.RIVER_FIT``) for a placement 1-5 and an approach; None if incomplete."""
    if place is None or approach is None:
        return None
    if approach == "beide":
        return "beide"
    if place == 3:
        return "middle"
    side = "canal" if place < 3 else "river"
    return f"{side}-{approach}"


# ---------------------------------------------------------------- Bonding en bridging
@dataclass(frozen=True)
class Tie:
    a: str
    b: str
    kind: str  # "bond" or "bridge"
    shared: tuple[str, ...]  # the groups both are in (bond)
    groups_a: tuple[str, ...] = ()
    groups_b: tuple[str, ...] = ()


@dataclass
class Network:
    groups: dict[str, list[str]] = field(default_factory=dict)  # group name -> members, as typed
    ties: list[Tie] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Dutch, one per line that does not count

    @property
    def bonds(self) -> int:
        return sum(t.kind == "bond" for t in self.ties)

    @property
    def bridges(self) -> int:
        return sum(t.kind == "bridge" for t in self.ties)


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _lines(text: str) -> list[str]:
    return [" ".join(x.split()) for x in (text or "").splitlines() if x.strip()]


_SPACED_DASH = r"\s+(?:[-–—]+|<->|↔)\s+"


def _split_tie(line: str) -> list[str]:
    """'a - b' into ['a', 'b']: a dash with spaces around it first (so 'Anne-Marie - Tom' works), else any dash."""
    for pattern in (_SPACED_DASH, r"\s*(?:<->|↔|[-–—]+)\s*"):
        parts = re.split(pattern, line, maxsplit=1)
        if len(parts) == 2:
            return [p.strip(" .") for p in parts]
    return [line]


def parse_network(groups_text: str, ties_text: str) -> Network:
    """Groups ("groep: naam, naam") and ties ("naam - naam") typed by a student, classified.

    A tie is **bonding** when the two people share at least one group, **bridging** when they share
    none (both must be in some group). Names are compared ignoring case and spaces. Every line that
    cannot count gives a Dutch problem that names it; the rest still counts (never an exception).
    """
    net = Network()
    member_of: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    glines = _lines(groups_text)
    tlines = _lines(ties_text)
    if len(glines) > MAX_LINES or len(tlines) > MAX_LINES:
        net.problems.append(texts.TOO_MANY.format(max=MAX_LINES))
    for n, line in enumerate(glines[:MAX_LINES], 1):
        if ":" not in line:
            net.problems.append(texts.BAD_GROUP_LINE.format(n=n, line=line))
            continue
        name, _, rest = line.partition(":")
        name = name.strip() or f"groep {n}"
        members = [m.strip(" .") for m in re.split(r"[,;]", rest) if m.strip(" .")]
        if not members:
            net.problems.append(texts.EMPTY_GROUP.format(n=n, line=line))
            continue
        net.groups.setdefault(name, [])
        for m in members:
            k = _key(m)
            shown.setdefault(k, m)
            if name not in member_of.setdefault(k, []):
                member_of[k].append(name)
                net.groups[name].append(m)
    seen: set[frozenset] = set()
    unknown: dict[str, list[str]] = {}  # person not in any group -> the lines of their ties (one problem each)
    for n, line in enumerate(tlines[:MAX_LINES], 1):
        if len(re.findall(_SPACED_DASH, line)) > 1:
            net.problems.append(texts.MULTI_DASH.format(n=n, line=line))
            continue
        parts = _split_tie(line)
        if len(parts) != 2 or not all(parts):
            net.problems.append(texts.BAD_TIE_LINE.format(n=n, line=line))
            continue
        a, b = parts
        ka, kb = _key(a), _key(b)
        if ka == kb:
            net.problems.append(texts.SELF_TIE.format(n=n, line=line))
            continue
        missing = [x for x, k in ((a, ka), (b, kb)) if k not in member_of]
        if missing:
            for x in missing:
                shown.setdefault(_key(x), x)
                unknown.setdefault(_key(x), []).append(line)
            continue
        pair = frozenset((ka, kb))
        if pair in seen:
            continue
        seen.add(pair)
        shared = tuple(g for g in member_of[ka] if g in member_of[kb])
        net.ties.append(Tie(shown[ka], shown[kb], "bond" if shared else "bridge", shared,
                            tuple(member_of[ka]), tuple(member_of[kb])))
    for k, lines in unknown.items():
        ties = texts.UNKNOWN_TIES[len(lines) == 1].format(n=len(lines), line=lines[0])
        net.problems.append(texts.UNKNOWN_PERSON.format(name=shown[k], ties=ties))
    return net


# ---------------------------------------------------------------- cached, for the widgets
@lru_cache(maxsize=1)
def drawbacks() -> tuple[Drawback, ...]:
    return load_drawbacks()


@lru_cache(maxsize=1)
def small_steps() -> tuple[StepCase, ...]:
    return load_small_steps()
