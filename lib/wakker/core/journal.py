"""The answer journal: every answer a student gives, kept as versions in SQLite.

Design rules (see the README, "Hoe je antwoorden bewaard blijven"):

* One SQLite file per user, by default outside any repository
  (``$XDG_DATA_HOME/wakker/journal.sqlite``, usually ``~/.local/share/wakker/``);
  the environment variable ``WAKKER_JOURNAL`` points elsewhere.
* Nothing is overwritten: each save is a new row with its time. The newest row of
  a question is its current answer.
* Several kernels may write at once (WAL mode, a busy timeout, one short
  transaction per save, a fresh connection per operation).
* A committed save survives the process being killed (``synchronous=FULL``).
* A damaged file is moved aside (never deleted) and a fresh journal is started;
  :attr:`Journal.notice` then holds a Dutch message for the student.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

SCHEMA_VERSION = 1
MAX_ID_LENGTH = 120
MAX_VALUE_BYTES = 1_000_000
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    notebook  TEXT NOT NULL,
    question  TEXT NOT NULL,
    kind      TEXT NOT NULL,
    prompt    TEXT NOT NULL DEFAULT '',
    value     TEXT NOT NULL,
    saved_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_question ON entries (notebook, question, id);
CREATE UNIQUE INDEX IF NOT EXISTS entries_unique ON entries (notebook, question, saved_at, value);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class JournalError(ValueError):
    """Invalid use of the journal; the message is Dutch and meant for the student."""


@dataclass(frozen=True)
class Entry:
    notebook: str
    question: str
    kind: str
    prompt: str
    value: Any
    saved_at: str  # ISO 8601, UTC

    @property
    def local_time(self) -> datetime:
        return datetime.fromisoformat(self.saved_at.replace("Z", "+00:00")).astimezone()

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "question": self.question, "kind": self.kind,
                "prompt": self.prompt, "value": self.value, "saved_at": self.saved_at}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def default_path() -> Path:
    """Where the journal lives when ``WAKKER_JOURNAL`` is not set."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wakker" / "journal.sqlite"


def _git_tracked_dir(path: Path) -> Path | None:
    """The work tree that would track ``path`` (not ignored by git), or None."""
    folder = path.parent
    for parent in [folder, *folder.parents]:
        if (parent / ".git").exists():
            try:
                res = subprocess.run(["git", "-C", str(parent), "check-ignore", "-q", str(path)],
                                     capture_output=True, timeout=5)
            except (OSError, subprocess.SubprocessError):
                return parent  # cannot ask git: assume it would be tracked
            return None if res.returncode == 0 else parent
    return None


def resolve_path() -> tuple[Path, str | None]:
    """The journal path to use, and a Dutch notice when ``WAKKER_JOURNAL`` was refused."""
    wanted = os.environ.get("WAKKER_JOURNAL", "").strip()
    if not wanted:
        return default_path(), None
    path = Path(wanted).expanduser().resolve()
    repo = _git_tracked_dir(path)
    if repo is not None:
        return default_path(), (f"WAKKER_JOURNAL wijst naar een plek binnen een git-map ({repo}); daar zou "
                                f"je dagboek per ongeluk gedeeld kunnen worden. Je antwoorden worden daarom "
                                f"bewaard in {default_path()}.")
    return path, None


def check_id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise JournalError(f"De {what} ontbreekt: geef een korte naam op, zoals 'mijn-antwoord'.")
    if len(value) > MAX_ID_LENGTH or not _ID.match(value):
        raise JournalError(f"De {what} '{value[:40]}' is ongeldig: gebruik letters, cijfers, '-', '_', '.' of ':'.")
    return value


class Journal:
    """A student's answers in one SQLite file (see the module docstring)."""

    def __init__(self, path: Path | str | None = None, known_notebooks: Iterable[str] | None | str = "content"):
        self.notice: str | None = None
        if path is None:
            path, self.notice = resolve_path()
        self.path = Path(path)
        if known_notebooks == "content":
            from .content import content

            known_notebooks = content().notebooks.keys()
        self.known_notebooks = None if known_notebooks is None else frozenset(known_notebooks)
        self._open()

    # -- storage -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.execute("PRAGMA busy_timeout = 30000")
        con.execute("PRAGMA synchronous = FULL")
        return con

    @contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            if write:
                con.execute("BEGIN IMMEDIATE")
            yield con
            if write:
                con.execute("COMMIT")
        except BaseException:
            if write and con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            self._move_aside(exc)
            self._init_schema()

    def _init_schema(self) -> None:
        con = self._connect()
        try:
            if self.path.exists() and self.path.stat().st_size:
                row = con.execute("PRAGMA quick_check").fetchone()
                if not row or row[0] != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {row[0] if row else '?'}")
            try:
                con.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # e.g. a file system without shared memory: the default mode still works
            con.executescript(_SCHEMA)
            con.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found and int(found[0]) > SCHEMA_VERSION:
                raise JournalError("Dit dagboek is gemaakt door een nieuwere versie van het werkboek. "
                                   "Werk het werkboek bij (git pull) en probeer het opnieuw.")
        finally:
            con.close()

    def _move_aside(self, exc: Exception) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.beschadigd-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.beschadigd-{stamp}-{n}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            try:
                src.rename(Path(str(aside) + suffix))
            except FileNotFoundError:
                pass  # another kernel already moved it
        self.notice = (f"Je dagboekbestand was beschadigd en kon niet gelezen worden. Het is niet weggegooid "
                       f"maar hernoemd naar {aside.name} (in {aside.parent}). Er is een nieuw, leeg dagboek "
                       f"gestart. Heb je een export (JSON)? Lees die dan in om je antwoorden terug te zetten.")

    # -- writing -------------------------------------------------------
    def check_notebook(self, notebook: Any) -> str:
        check_id(notebook, "notebook-naam")
        if self.known_notebooks is not None and notebook not in self.known_notebooks:
            raise JournalError(f"Onbekend notebook '{notebook}'. Bekende notebooks: "
                               f"{', '.join(sorted(self.known_notebooks))}.")
        return notebook

    def save(self, notebook: str, question: str, value: Any, kind: str = "text", prompt: str = "") -> Entry:
        """Store a new version of an answer and return it."""
        self.check_notebook(notebook)
        check_id(question, "vraag-naam")
        check_id(kind, "soort antwoord")
        try:
            encoded = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            raise JournalError("Dit antwoord kan niet bewaard worden (het is geen tekst, getal, lijst of tabel).") from None
        if len(encoded.encode("utf-8")) > MAX_VALUE_BYTES:
            raise JournalError("Dit antwoord is te lang om te bewaren (meer dan een miljoen tekens).")
        entry = Entry(notebook, question, kind, str(prompt or ""), json.loads(encoded), now_iso())
        with self._db(write=True) as con:
            con.execute("INSERT OR IGNORE INTO entries (notebook, question, kind, prompt, value, saved_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (entry.notebook, entry.question, entry.kind, entry.prompt, encoded, entry.saved_at))
        return entry

    def add_entries(self, entries: Iterable[Entry]) -> int:
        """Insert versions (e.g. from an import) in one transaction; return how many were new."""
        rows = [(e.notebook, e.question, e.kind, e.prompt, json.dumps(e.value, ensure_ascii=False), e.saved_at)
                for e in entries]
        with self._db(write=True) as con:
            before = con.total_changes
            con.executemany("INSERT OR IGNORE INTO entries (notebook, question, kind, prompt, value, saved_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)", rows)
            return con.total_changes - before

    def set_student(self, name: str | None) -> None:
        name = (name or "").strip()[:200]
        with self._db(write=True) as con:
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('student', ?)", (name,))

    # -- reading -------------------------------------------------------
    @staticmethod
    def _entry(row) -> Entry:
        return Entry(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])

    _COLS = "notebook, question, kind, prompt, value, saved_at"

    def student(self) -> str:
        with self._db() as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'student'").fetchone()
        return row[0] if row else ""

    def latest(self, notebook: str, question: str) -> Entry | None:
        """The current answer to a question, or None."""
        with self._db() as con:
            row = con.execute(f"SELECT {self._COLS} FROM entries WHERE notebook = ? AND question = ? "
                              "ORDER BY saved_at DESC, id DESC LIMIT 1", (notebook, question)).fetchone()
        return self._entry(row) if row else None

    def history(self, notebook: str, question: str) -> list[Entry]:
        """All versions of an answer, oldest first."""
        with self._db() as con:
            rows = con.execute(f"SELECT {self._COLS} FROM entries WHERE notebook = ? AND question = ? "
                               "ORDER BY saved_at, id", (notebook, question)).fetchall()
        return [self._entry(r) for r in rows]

    def entries(self) -> list[Entry]:
        """Every version of every answer, oldest first."""
        with self._db() as con:
            rows = con.execute(f"SELECT {self._COLS} FROM entries ORDER BY saved_at, id").fetchall()
        return [self._entry(r) for r in rows]

    def current(self, notebook: str | None = None) -> list[Entry]:
        """The newest version of each question (of one notebook, or of all), in notebook and first-answer order."""
        cond, args = ("WHERE e.notebook = ? AND", (notebook,)) if notebook else ("WHERE", ())
        sql = (f"SELECT {self._COLS} FROM entries e {cond} e.id = (SELECT x.id FROM entries x "
               "WHERE x.notebook = e.notebook AND x.question = e.question ORDER BY x.saved_at DESC, x.id DESC LIMIT 1) "
               "ORDER BY e.notebook, (SELECT MIN(y.id) FROM entries y "
               "WHERE y.notebook = e.notebook AND y.question = e.question)")
        with self._db() as con:
            rows = con.execute(sql, args).fetchall()
        return [self._entry(r) for r in rows]


_default: Journal | None = None


def get_journal() -> Journal:
    """The process-wide journal (opened on first use)."""
    global _default
    if _default is None:
        _default = Journal()
    return _default


def reset_default() -> None:
    """Forget the process-wide journal (tests, or after WAKKER_JOURNAL changed)."""
    global _default
    _default = None
