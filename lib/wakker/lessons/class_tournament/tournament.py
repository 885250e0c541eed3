"""The class tournament: the students' designed strategies, read from their journal exports,
against the characters of notebook 07, with that notebook's settings.

Exports are read only through :func:`wakker.core.portfolio.read_export_file` (the same checks
as importing them), each file once and only when it is at most :data:`MAX_FILE_BYTES`; moments
are compared with the journal's own parser (:func:`wakker.core.journal.parse_moment`), so the
tournament and the journal agree on which version is the newest. The tournament itself is
:func:`wakker.models.prisoners_dilemma.tournament`.

What the teacher is told (all Dutch, never an exception's English text):

* a folder that does not exist (or is a file) is an ``error``: no tournament at all, not even
  one of the characters alone;
* every entry of the folder that is not used is in ``skipped`` with its reason: not a ``.json``
  file, a subfolder, too large, not a valid export, no designed strategy, or an older export of
  a student whose newer export counts (names starting with ``.`` -- ``.DS_Store``,
  ``.ipynb_checkpoints`` -- are the system's, not hand-ins, and are passed over);
* a student's name in files from more than one workbook is a ``conflict``: see
  :func:`class_tournament`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Sequence

import pandas as pd

from ...core import dutch
from ...core.journal import Entry, JournalError, normalise_moment, parse_moment
from ...core.portfolio import read_export_file
from ...models import prisoners_dilemma as P
from ..trust_game import texts as trust_texts
from ..trust_game.data import character_names, main_characters
from ..trust_game.widgets import PAYOFFS, ROUNDS
from . import texts as T

#: Larger files are not read at all (an export is at most a few hundred kB).
MAX_FILE_BYTES = 5_000_000
#: A number in a strategy beyond this is "much too large" (and never printed in full).
_HUGE = 10 ** 9

DESIGN_COLUMNS = ["id", "name", "student", "file", "notebook", "question", "first", *P.OUTCOMES]


@dataclass(frozen=True)
class ClassTournament:
    """Result of :func:`class_tournament`.

    tournament: the round robin with strategy ids (None if there were no strategies at all);
    designs: one row per student strategy (id, name, student, file, notebook, question, first, CC,
    CD, DC, DD), where id is also its label, "<name> (<student>)" or "<name> (anoniem)";
    labels: the label to show per id (Dutch names for the characters);
    owners: per student strategy id, (its name as the ranking table shows it, whose it is): the label
    without the student, since the table has a column for that ("Spiegel", "Bram"; a label that got a
    number keeps it: "Spiegel 2"; a student in a conflict keeps the file: "Anna, anna-2.json");
    problems: every Dutch message about the input, in order: the error, skipped files,
    conflicts, refused strategies, "no strategies";
    error: a Dutch message that stopped the tournament (no folder), else None;
    skipped: (file name, Dutch reason) for every entry of the folder that was not used;
    conflicts: Dutch messages about one student's name in files from different workbooks.
    """

    tournament: P.TournamentResult | None
    designs: pd.DataFrame
    problems: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)

    def label(self, sid: str) -> str:
        return self.labels.get(sid, sid)

    def owner(self, sid: str) -> tuple[str, str]:
        """(name, whose) of a strategy for the ranking table: a student's strategy by its own name and the
        student (or 'anoniem'), a character by its Dutch name and 'personage'."""
        return self.owners.get(sid) or (self.label(sid), T.CHARACTER)

    @cached_property
    def ranking(self) -> pd.DataFrame:
        """Ranking with labels: rank, label, student (None for characters and anonymous students),
        character (True for the characters), total, mean (per round), strategy (the id), and for the
        ranking table name and whose (:meth:`owner`: the student's name once, not in both columns)."""
        if self.tournament is None:
            return pd.DataFrame(columns=["rank", "label", "student", "character", "total", "mean", "strategy",
                                         "name", "whose"])
        df = self.tournament.ranking
        student = dict(zip(self.designs["id"], self.designs["student"]))
        return pd.DataFrame({
            "rank": df["rank"],
            "label": [self.label(s) for s in df["strategy"]],
            "student": [student.get(s) for s in df["strategy"]],
            "character": [s not in student for s in df["strategy"]],
            "total": df["total"],
            "mean": df["mean"],
            "strategy": df["strategy"],
            "name": [self.owner(s)[0] for s in df["strategy"]],
            "whose": [self.owner(s)[1] for s in df["strategy"]],
        })

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """Mean payoff per round, row against column, in ranking order, indexed by label."""
        if self.tournament is None:
            return pd.DataFrame()
        order = list(self.tournament.ranking["strategy"])
        labels = [self.label(s) for s in order]
        m = self.tournament.matrix.loc[order, order]
        return pd.DataFrame(m.to_numpy(), index=labels, columns=labels)


def _size(n: int) -> str:
    return f"{dutch.number(n / 2 ** 20, 0)} MB" if n >= 2 ** 20 else f"{dutch.number(n / 2 ** 10, 0)} kB"


def _folder_error(folder: Path) -> str | None:
    """A Dutch error if ``folder`` is not a folder that can be read, else None."""
    try:
        if folder.is_dir():
            next(iter(folder.iterdir()), None)
            return None
        if folder.exists():
            return T.NOT_A_FOLDER.format(folder=folder)
    except OSError:
        return T.FOLDER_UNREADABLE.format(folder=folder)
    parent = folder.parent if str(folder.parent) else Path(".")
    message = T.NO_FOLDER.format(folder=folder, parent=parent.resolve())
    try:
        import difflib

        near = difflib.get_close_matches(folder.name, [p.name for p in parent.iterdir() if p.is_dir()], n=1)
    except OSError:
        near = []
    return message + (T.DID_YOU_MEAN.format(name=near[0]) if near else "")


def _list_folder(folder: Path, skipped: dict[str, str]) -> list[Path]:
    """The ``.json`` files directly in ``folder`` (any case of the extension), in name order;
    every other entry goes into ``skipped`` with its reason (hidden ones are passed over)."""
    entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)
    stems = {p.stem: p.name for p in entries if p.suffix.lower() == ".json"}
    files = []
    for p in entries:
        try:
            is_dir, is_file = p.is_dir(), p.is_file()
        except OSError:
            skipped[p.name] = T.UNREADABLE
            continue
        if is_dir:
            skipped[p.name] = T.SUBFOLDER.format(folder=folder.name or folder)
        elif not is_file:
            skipped[p.name] = T.NOT_A_FILE
        elif p.suffix.lower() != ".json":
            skipped[p.name] = T.NOT_JSON_BESIDE.format(json=stems[p.stem]) if p.stem in stems else T.NOT_JSON
        else:
            files.append(p)
    return files


@dataclass
class _Export:
    """One export file that was read: its student and its strategy versions."""

    file: str
    order: int
    student: str | None
    strategies: list[tuple[datetime, Entry]]
    versions: set


def _version(e: Entry) -> tuple:
    """What identifies one saved version across exports (a re-export normalises the moment)."""
    try:
        moment = normalise_moment(e.saved_at)
    except JournalError:
        moment = e.saved_at
    try:
        value = json.dumps(e.value, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        value = None
    return e.notebook, e.question, e.kind, moment, value


def _read(path: Path, order: int, skipped: dict[str, str], problems: list[str]) -> _Export | None:
    """Read one export (once, and only if it is not too large); None if it is not used."""
    try:
        size = path.stat().st_size
    except OSError:
        skipped[path.name] = T.UNREADABLE
        return None
    if size > MAX_FILE_BYTES:
        skipped[path.name] = T.TOO_LARGE.format(size=_size(size))
        return None
    try:
        entries, student = read_export_file(path)
    except JournalError as exc:
        skipped[path.name] = str(exc)
        return None
    except Exception:  # noqa: BLE001 - whatever a file holds, the tournament goes on without it
        skipped[path.name] = T.UNREADABLE
        return None
    student = " ".join(student.split()) if isinstance(student, str) and student.strip() else None
    strategies = []
    for n, entry in enumerate(entries, 1):
        if entry.kind != "strategy":
            continue
        try:
            strategies.append((parse_moment(entry.saved_at), entry))
        except JournalError:
            problems.append(T.SKIPPED_TIME.format(file=path.name, n=n))
    if not strategies:
        skipped[path.name] = T.NO_STRATEGY
        return None
    return _Export(path.name, order, student, strategies, {_version(e) for e in entries})


def _workbooks(exports: list[_Export]) -> list[list[_Export]]:
    """Group exports with the same student name by workbook: two exports share a workbook when
    they have a saved version in common (an export holds every version of the journal)."""
    groups: list[list[_Export]] = []
    for ex in exports:
        joined = [g for g in groups if any(ex.versions & other.versions for other in g)]
        merged = [ex] + [x for g in joined for x in g]
        groups = [g for g in groups if g not in joined] + [sorted(merged, key=lambda x: x.order)]
    return sorted(groups, key=lambda g: g[0].order)


def _design_reasons(value) -> list[str]:
    """Dutch reasons why a designed strategy cannot play (empty if it can); never raises."""
    try:
        bad = P.design_problems(value)
    except OverflowError:
        return [T.HUGE_NUMBER]
    except Exception:  # noqa: BLE001 - a strange value is refused, not a crash
        return [T.BAD_DESIGN]
    reasons = []
    for problem in bad:
        x = dict(problem.values).get("value")
        if isinstance(x, int) and not isinstance(x, bool) and abs(x) > _HUGE:
            reasons.append(T.HUGE_NUMBER)
            continue
        try:
            text = trust_texts.design_problem(problem)
        except Exception:  # noqa: BLE001
            text = T.BAD_DESIGN
        reasons.append(text if len(text) <= 160 else text[:157] + "…")
    return list(dict.fromkeys(reasons))


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + T.AND + names[-1]


def _field(include_classics: bool, classics: Sequence[P.StrategyLike] | None) -> tuple[list, dict[str, str]]:
    if not include_classics:
        return [], {}
    if classics is None:
        names = character_names()
        ids = main_characters()
        return [P.get_strategy(c) for c in ids], {s: names[s] for s in ids}
    chars = [P.get_strategy(c) for c in classics]
    try:
        names = character_names()
    except Exception:  # noqa: BLE001 - explicit classics work without the characters file
        names = {}
    return chars, {s.id: names.get(s.id, s.name) for s in chars}


def class_tournament(
    folder: str | Path,
    include_classics: bool = True,
    rounds: int = ROUNDS,
    repetitions: int = 10,
    payoffs: P.PayoffsLike = PAYOFFS,
    noise: float = 0.0,
    seed=None,
    self_play: bool = False,
    classics: Sequence[P.StrategyLike] | None = None,
) -> ClassTournament:
    """Tournament of the students' designed strategies found in ``folder/*.json``.

    The defaults are those of notebook 07, where the students tested their designs: Nicky Case's
    payoffs, 10 rounds a match, nobody plays itself, and the notebook's characters
    (``classics=None``: :func:`wakker.lessons.trust_game.main_characters`).

    A folder that does not exist gives ``error`` and no tournament. Every export is read once;
    per student the newest version (by the journal's moments) of each strategy question counts,
    and every file that is not used is in ``skipped`` with a Dutch reason. Never raises on bad
    input files.

    One student, two files: exports of the same workbook (they share a saved version, as every
    newer export holds the older versions) are one student, and the newest strategy counts.
    Files with the same student name (case and spaces aside) from *different* workbooks may be
    two students (two Anna's) or one student on two computers: both play, labelled
    "<name> (<student>, <file>)", and ``conflicts`` names the files so that the teacher can
    resolve it -- nobody's strategy is silently replaced or dropped.

    A student strategy is labelled "<name> (<student>)", or "<name> (anoniem)" without a student
    name (each anonymous file counts on its own); a label already in use gets a number appended.
    """
    folder = Path(folder)
    empty = pd.DataFrame(columns=DESIGN_COLUMNS)
    error = _folder_error(folder)
    if error:
        return ClassTournament(None, empty, [error], {}, error=error)
    skipped: dict[str, str] = {}
    time_problems: list[str] = []
    try:
        files = _list_folder(folder, skipped)
    except OSError:
        error = T.FOLDER_UNREADABLE.format(folder=folder)
        return ClassTournament(None, empty, [error], {}, error=error)
    exports = [ex for order, path in enumerate(files) if (ex := _read(path, order, skipped, time_problems))]

    by_student: dict[str, list[_Export]] = {}
    owners: list[tuple[list[_Export], bool]] = []  # (the exports of one student, in conflict?)
    for ex in exports:
        if ex.student:
            by_student.setdefault(ex.student.casefold(), []).append(ex)
        else:
            owners.append(([ex], False))
    conflicts = []
    for group in by_student.values():
        workbooks = _workbooks(group)
        if len(workbooks) > 1:
            files_named = [" + ".join(x.file for x in wb) for wb in workbooks]
            both, many = T.CONFLICT_ALL
            conflicts.append(T.CONFLICT.format(
                n=len(group), student=workbooks[0][0].student, files=_join(files_named), workbooks=len(workbooks),
                all=both if len(workbooks) == 2 else many.format(n=len(workbooks))))
        owners += [(wb, len(workbooks) > 1) for wb in workbooks]

    chosen = []  # (file, order, notebook, question, student, entry, in conflict)
    for owned, conflict in owners:
        newest: dict[tuple, tuple] = {}
        for ex in owned:
            for moment, entry in ex.strategies:
                key = (entry.notebook, entry.question)
                if key not in newest or (moment, ex.order) >= newest[key][:2]:
                    newest[key] = (moment, ex.order, ex, entry)
        used = sorted({v[2].file for v in newest.values()})
        for ex in owned:
            if ex.file not in used:
                skipped[ex.file] = T.OLDER.format(student=ex.student or T.ANONYMOUS, newer=_join(used))
        for (notebook, question), (_, order, ex, entry) in newest.items():
            chosen.append((ex.file, order, notebook, question, ex.student, entry, conflict))

    chars, labels = _field(include_classics, classics)
    taken = set(labels) | set(labels.values())
    designs, rows, design_problems = [], [], []
    owners: dict[str, tuple[str, str]] = {}
    for fname, _, notebook, question, student, entry, conflict in sorted(chosen, key=lambda c: c[1:4]):
        value = entry.value
        bad = _design_reasons(value)
        if not bad:
            name = value["name"].strip()
            base = (T.LABEL_FILE.format(name=name, who=student, file=fname) if conflict
                    else T.LABEL.format(name=name, who=student or T.ANONYMOUS))
            sid, n = base, 2
            while sid in taken:
                sid = f"{base} {n}"
                n += 1
            try:
                strategy = P.from_design(value, id=sid)
            except Exception:  # noqa: BLE001 - refused, not a crash
                bad = [T.BAD_DESIGN]
        if bad:
            design_problems.append(T.SKIPPED_DESIGN.format(file=fname, question=question, reasons="; ".join(bad)))
            continue
        taken.add(sid)
        labels[sid] = sid
        owners[sid] = (name + sid[len(base):],  # the number a taken label got stays with the name
                       T.WHOSE_FILE.format(who=student, file=fname) if conflict else student or T.ANONYMOUS)
        designs.append(strategy)
        after = value["after"]
        rows.append([sid, name, student, fname, notebook, question, float(value["first"])]
                    + [float(after[k]) for k in P.OUTCOMES])
    skipped_list = sorted(skipped.items())
    problems = [T.SKIPPED_FILE.format(file=f, reason=r) for f, r in skipped_list]
    problems += conflicts + time_problems + design_problems
    if not designs:
        problems.append(T.NO_DESIGNS)
    players = chars + designs
    result = P.tournament(players, rounds, repetitions, payoffs, noise, seed, self_play) if players else None
    return ClassTournament(result, pd.DataFrame(rows, columns=DESIGN_COLUMNS), problems, labels,
                           skipped=skipped_list, conflicts=conflicts, owners=owners)
