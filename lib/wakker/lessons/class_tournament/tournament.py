"""The class tournament: the students' designed strategies, read from their journal exports,
against the characters of notebook 07, with that notebook's settings.

Exports are read only through :func:`wakker.core.portfolio.read_export_file` (the same checks
as importing them); the tournament itself is :func:`wakker.models.prisoners_dilemma.tournament`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Sequence

import pandas as pd

from ...core.journal import JournalError
from ...core.portfolio import read_export_file
from ...models import prisoners_dilemma as P
from ..trust_game import texts as trust_texts
from ..trust_game.data import character_names, main_characters
from ..trust_game.widgets import PAYOFFS, ROUNDS
from . import texts as T

DESIGN_COLUMNS = ["id", "name", "student", "file", "notebook", "question", "first", *P.OUTCOMES]


@dataclass(frozen=True)
class ClassTournament:
    """Result of :func:`class_tournament`.

    tournament: the round robin with strategy ids (None if there were no strategies at all);
    designs: one row per student strategy (id, name, student, file, notebook, question, first, CC,
    CD, DC, DD), where id is also its label, "<name> (<student>)" or "<name> (anoniem)";
    labels: the label to show per id (Dutch names for the characters);
    problems: Dutch messages about skipped input.
    """

    tournament: P.TournamentResult | None
    designs: pd.DataFrame
    problems: list[str]
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, sid: str) -> str:
        return self.labels.get(sid, sid)

    @cached_property
    def ranking(self) -> pd.DataFrame:
        """Ranking with labels: rank, label, student (None for characters and anonymous students),
        character (True for the characters), total, mean (per round), strategy (the id)."""
        if self.tournament is None:
            return pd.DataFrame(columns=["rank", "label", "student", "character", "total", "mean", "strategy"])
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


def _time(value: str) -> datetime | None:
    """An export's saved_at as an aware time (a time without zone counts as UTC)."""
    try:
        t = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def _newest_designs(files: Sequence[Path], problems: list[str]) -> dict[tuple, tuple]:
    """The newest strategy entry per (student or file, notebook, question): key -> (time, file, student, entry)."""
    newest: dict[tuple, tuple] = {}
    for path in files:
        try:
            entries, student = read_export_file(path)
        except JournalError as exc:
            problems.append(T.SKIPPED_FILE.format(file=path.name, reason=exc))
            continue
        student = student.strip() if student and student.strip() else None
        owner = ("student", student) if student else ("file", path.name)
        for n, entry in enumerate(entries, 1):
            if entry.kind != "strategy":
                continue
            t = _time(entry.saved_at)
            if t is None:
                problems.append(T.SKIPPED_TIME.format(file=path.name, n=n))
                continue
            key = (owner, entry.notebook, entry.question)
            if key not in newest or t >= newest[key][0]:
                newest[key] = (t, path.name, student, entry)
    return newest


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

    Reads every journal export, keeps the newest version (by saved_at) of each strategy
    question per student, skips anything malformed with a Dutch message in ``problems`` and
    never raises on bad input files.  A student strategy is labelled "<name> (<student>)", or
    "<name> (anoniem)" without a student name; a label already in use gets a number appended.
    """
    problems: list[str] = []
    folder = Path(folder)
    if not folder.is_dir():
        problems.append(T.NO_FOLDER.format(folder=folder))
        files: list[Path] = []
    else:
        files = sorted(p for p in folder.glob("*.json") if p.is_file())
    newest = _newest_designs(files, problems)
    chars, labels = _field(include_classics, classics)
    taken = set(labels) | set(labels.values())
    designs, rows = [], []
    for (_, notebook, question), (_, fname, student, entry) in sorted(
        newest.items(), key=lambda kv: (kv[1][1], kv[0][1], kv[0][2])
    ):
        bad = P.design_problems(entry.value)
        if bad:
            problems.append(T.SKIPPED_DESIGN.format(file=fname, question=question,
                                                    reasons="; ".join(map(trust_texts.design_problem, bad))))
            continue
        value = entry.value
        name = value["name"].strip()
        base = T.LABEL.format(name=name, who=student or T.ANONYMOUS)
        sid, n = base, 2
        while sid in taken:
            sid = f"{base} {n}"
            n += 1
        taken.add(sid)
        labels[sid] = sid
        designs.append(P.from_design(value, id=sid))
        after = value["after"]
        rows.append([sid, name, student, fname, notebook, question, float(value["first"])]
                    + [float(after[k]) for k in P.OUTCOMES])
    if not designs:
        problems.append(T.NO_DESIGNS)
    players = chars + designs
    result = P.tournament(players, rounds, repetitions, payoffs, noise, seed, self_play) if players else None
    return ClassTournament(result, pd.DataFrame(rows, columns=DESIGN_COLUMNS), problems, labels)
