"""The answer journal: every answer a student gives, kept as versions in SQLite.

Design rules (see the README, "Hoe je antwoorden bewaard blijven"):

* One SQLite file per user, by default outside any repository
  (``$XDG_DATA_HOME/wakker/journal.sqlite``, usually ``~/.local/share/wakker/``);
  the environment variable ``WAKKER_JOURNAL`` points elsewhere.
* Nothing is overwritten: each save is a new row with its time.
* Several kernels may write at once (WAL mode, a busy timeout, one short
  transaction per save, a fresh connection per operation).
* A committed save survives the process being killed (``synchronous=FULL``).

Time. Every moment is stored in one normalised form, UTC ISO 8601 with microseconds
(``2026-11-30T16:05:00.000000+00:00``), so that ordering as text is ordering in time.
Moments are normalised on every write (:meth:`Journal.save`, :meth:`Journal.add_entries`,
whatever notation an import uses: ``Z``, ``+01:00``, compact ``20261130T100000``; a
moment without a zone counts as UTC), and an older journal is normalised once when it
is opened (file version 1 -> 2). Which version is *current*:

* each row has a sort moment (``sort_at``); the current answer is the row with the
  greatest sort moment (then the greatest id);
* an imported version sorts at its own (normalised) moment: a version made later
  elsewhere becomes current, an older one only joins the history;
* a save made here and now sorts at *now*, or just after the newest sort moment of that
  question when that one claims to be later (a clock that ran ahead on another
  computer). So a new save is always current, and a version "from the future" can never
  hide it. The shown time (``saved_at``) stays the true moment of the save.

Faults. Only real damage (``file is not a database``, ``database disk image is
malformed``, a failed ``quick_check``) moves a file aside (renamed, never deleted), under
a lock file and after checking again under that lock, so that kernels opening the same
damaged journal at once never move a journal another kernel has just repaired; every
connection is opened under the same lock, shared, so no kernel still has the file open when
it is moved (see :meth:`Journal._file_lock`);
:attr:`Journal.notice` then holds a Dutch message. Every other problem (a full disk, a
read-only file or folder, no permission, a parent path that is a file, a journal of a
newer or unknown version, a busy journal) raises :class:`JournalUnavailable`, a
:class:`JournalError` with a Dutch message that says what to do, and leaves the file
where it is. :func:`get_journal` never raises: when the journal cannot be opened it
returns a :class:`MemoryJournal` that keeps answers for this session only (so they can
still be exported), says so in its notice, and refuses every save with a Dutch message.

Times on screen use :attr:`Entry.local_time`: Dutch time (Europe/Amsterdam), or the
zone in ``TZ`` when the user set one.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
import subprocess
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from .mode import restart_hint

SCHEMA_VERSION = 1  # version of the export format (see core/portfolio.py); unchanged by JOURNAL_VERSION
JOURNAL_VERSION = 2  # version of the SQLite file: 2 adds sort_at and normalised moments
MAX_ID_LENGTH = 120
MAX_VALUE_BYTES = 1_000_000
DISPLAY_ZONE = "Europe/Amsterdam"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")

_CREATE = [
    """CREATE TABLE IF NOT EXISTS entries (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        notebook  TEXT NOT NULL,
        question  TEXT NOT NULL,
        kind      TEXT NOT NULL,
        prompt    TEXT NOT NULL DEFAULT '',
        value     TEXT NOT NULL,
        saved_at  TEXT NOT NULL,
        sort_at   TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX IF NOT EXISTS entries_by_question ON entries (notebook, question, id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS entries_unique ON entries (notebook, question, saved_at, value)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]
_CREATE_ORDER = "CREATE INDEX IF NOT EXISTS entries_by_moment ON entries (notebook, question, sort_at, id)"


class JournalError(ValueError):
    """Invalid use of the journal; the message is Dutch and meant for the student."""


class JournalUnavailable(JournalError):
    """The journal file cannot be opened or written now; the Dutch message says what to do."""


class _Damaged(sqlite3.DatabaseError):
    """``quick_check`` found damage."""


# ---------------------------------------------------------------- moments
_MOMENT = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})[Tt ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?"
                     r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def parse_moment(text: Any) -> datetime:
    """An ISO 8601 moment (extended or compact, any zone; none = UTC) as an aware UTC datetime."""
    if not isinstance(text, str):
        raise JournalError("Een tijdstip ontbreekt of is geen tekst.")
    m = _MOMENT.fullmatch(text.strip())
    try:
        if m:
            y, mo, d, h, mi, sec, frac, _z, sign, oh, om = m.groups()
            zone = timezone.utc
            if sign:
                delta = timedelta(hours=int(oh), minutes=int(om or 0))
                zone = timezone(-delta if sign == "-" else delta)
            micro = int((frac or "0")[:6].ljust(6, "0"))
            moment = datetime(int(y), int(mo), int(d), int(h), int(mi), int(sec or 0), micro, tzinfo=zone)
        else:
            moment = datetime.fromisoformat(text.strip())
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise JournalError(f"'{text[:40]}' is geen geldig tijdstip.") from None


def normalise_moment(text: Any) -> str:
    """The one stored form of a moment: UTC ISO 8601 with microseconds."""
    return parse_moment(text).isoformat(timespec="microseconds")


def _just_after(stored: str) -> str:
    """One microsecond after ``stored``; at the calendar's last moment, ``stored`` itself (the newer row wins the tie)."""
    try:
        return (parse_moment(stored) + timedelta(microseconds=1)).isoformat(timespec="microseconds")
    except OverflowError:
        return stored


def display_zone():
    """The zone times are shown in: ``TZ`` when set, else Dutch time; None = the system's local zone."""
    try:
        from zoneinfo import ZoneInfo
    except ImportError:  # pragma: no cover - Python < 3.9
        return None
    wanted = os.environ.get("TZ", "").strip()
    if wanted:
        try:
            return ZoneInfo(wanted.lstrip(":"))
        except Exception:  # noqa: BLE001 - a POSIX rule or a path: let the C library interpret TZ
            if hasattr(time, "tzset"):
                time.tzset()
            return None
    try:
        return ZoneInfo(DISPLAY_ZONE)
    except Exception:  # noqa: BLE001 - no time zone database (Windows without tzdata)
        return None


@dataclass(frozen=True)
class Entry:
    notebook: str
    question: str
    kind: str
    prompt: str
    value: Any
    saved_at: str  # ISO 8601, UTC, normalised (see the module docstring)

    @property
    def local_time(self) -> datetime:
        """The moment of this version as shown to the student (Dutch time unless ``TZ`` is set)."""
        try:
            moment = parse_moment(self.saved_at)
        except JournalError:  # an unreadable moment in an old journal: show something, never crash
            moment = _EPOCH
        zone = display_zone()
        try:
            return moment.astimezone(zone) if zone is not None else moment.astimezone()
        except (OverflowError, ValueError):  # the very edge of the calendar (year 1 or 9999): show it in UTC
            return moment

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "question": self.question, "kind": self.kind,
                "prompt": self.prompt, "value": self.value, "saved_at": self.saved_at}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


# ---------------------------------------------------------------- faults in Dutch
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_CORRUPT_WORDS = ("file is not a database", "malformed", "file is encrypted")
_UNTOUCHED = "Je eerdere antwoorden zijn niet aangeraakt."


def is_damage(exc: BaseException) -> bool:
    """Whether an error means the file itself is damaged (the only reason to move it aside)."""
    if isinstance(exc, _Damaged):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return any(word in text for word in _CORRUPT_WORDS)


def _read_only(folder: Path) -> bool:
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1):
            return True
        return not os.access(folder, os.W_OK)
    except OSError:
        return False


def _disk_full(folder: Path, margin: int = 64 * 1024) -> bool:
    try:
        return shutil.disk_usage(folder).free < margin
    except (OSError, ValueError):
        return False


def explain(exc: BaseException, path: Path) -> str:
    """A Dutch message for why the journal at ``path`` cannot be used, saying what to do."""
    where = f"Je dagboek ({path})"
    restart = restart_hint()  # JupyterLab: restart the kernel; the student mode: reload the page
    full = (f"{where} kan nu niet bewaren: de schijf is vol. Maak ruimte vrij (gooi bijvoorbeeld oude exports "
            f"of grote bestanden weg) en {restart}. {_UNTOUCHED}")
    read_only = (f"{where} kan niet beschreven worden: het bestand of de map is alleen-lezen, of je hebt er geen "
                 f"rechten op. Kies met de omgevingsvariabele WAKKER_JOURNAL een map waarin je mag schrijven, of "
                 f"vraag je docent of beheerder om hulp, en {restart}. {_UNTOUCHED}")
    not_folder = (f"{where} kan niet gemaakt worden: {path.parent} is geen map (er staat een bestand met die naam, "
                  f"of een deel van het pad bestaat niet). Kies met de omgevingsvariabele WAKKER_JOURNAL een andere "
                  f"plek, of hernoem dat bestand, en {restart}.")
    busy = (f"{where} is bezet: een ander programma houdt het te lang vast. Wacht even, sluit andere notebooks "
            f"die vastgelopen zijn, en {restart}. {_UNTOUCHED}")
    io = (f"{where} kan nu niet gelezen of geschreven worden: de schijf of netwerkmap gaf een fout. Controleer of "
          f"die bereikbaar is en {restart}. {_UNTOUCHED}")
    cant_open = (f"{where} kan niet geopend worden. Controleer of de map bestaat en of je er mag schrijven; kies "
                 f"anders met de omgevingsvariabele WAKKER_JOURNAL een andere plek, en {restart}. {_UNTOUCHED}")
    damaged = (f"{where} lijkt beschadigd. {restart_hint(sentence=True)}: dan wordt het "
               f"beschadigde bestand opzij gezet (niet weggegooid) en begint een nieuw dagboek.")
    if not is_damage(exc) and _disk_full(path.parent):
        return full  # SQLite often reports a full disk as an I/O error (e.g. it cannot grow the -shm file)
    if isinstance(exc, OSError):
        no = exc.errno
        if no in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return full
        if no in (errno.EROFS, errno.EACCES, errno.EPERM):
            return read_only
        if no in (errno.ENOTDIR, errno.EEXIST) or (no == errno.ENOENT and not path.parent.is_dir()):
            return not_folder
        return io
    if is_damage(exc):
        return damaged
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if code == 13 or "full" in text:
        return full
    if code in (3, 8, 23) or "readonly" in text or "read-only" in text or "permission" in text:
        return read_only
    if code in (5, 6) or "locked" in text or "busy" in text:
        return busy
    if code == 14 or "unable to open" in text:
        parent = path.parent
        if parent.exists() and not parent.is_dir():
            return not_folder
        if parent.is_dir() and _read_only(parent):
            return read_only
        return cant_open
    return io


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

    durable = True  # False for the in-memory fallback

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
        try:
            con.execute("PRAGMA busy_timeout = 30000")
            con.execute("PRAGMA synchronous = FULL")  # reads the file: fails here when it is damaged
        except BaseException:
            con.close()  # never leave a connection open (it would stay bound to a file that is moved aside)
            raise
        return con

    def _release(self, con: sqlite3.Connection) -> None:
        con.close()

    @contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One connection for one operation; any SQLite or OS error becomes a Dutch JournalUnavailable.

        The connection lives under the shared file lock (see :meth:`_file_lock`), so a repair never moves the
        file aside while this operation has it open.
        """
        with self._file_lock(exclusive=False) if self.durable else nullcontext():
            try:
                con = self._connect()
            except (sqlite3.Error, OSError) as exc:
                raise JournalUnavailable(explain(exc, self.path)) from None
            try:
                if write:
                    con.execute("BEGIN IMMEDIATE")
                yield con
                if write:
                    con.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                self._rollback(con)
                raise JournalUnavailable(explain(exc, self.path)) from None
            except BaseException:
                self._rollback(con)
                raise
            finally:
                self._release(con)

    @staticmethod
    def _rollback(con: sqlite3.Connection) -> None:
        try:
            if con.in_transaction:
                con.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    #: Tries before an error that is not damage counts: a passing I/O error (a network folder) may go away;
    #: a real problem (a full disk) stays.
    OPEN_TRIES = 4

    def _open(self) -> None:
        for attempt in range(self.OPEN_TRIES):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self._file_lock(exclusive=False):  # no repair moves the file while we read it
                    self._init_schema()
                return
            except JournalUnavailable:
                raise
            except (sqlite3.Error, OSError) as exc:
                if is_damage(exc):
                    break
                if attempt == self.OPEN_TRIES - 1:
                    raise JournalUnavailable(explain(exc, self.path)) from None
                time.sleep(0.05 * (attempt + 1))
        self._repair()

    def _repair(self) -> None:
        """Move a damaged file aside and start afresh: under a lock, and only if it is still damaged."""
        try:
            with self._file_lock(exclusive=True):
                try:
                    self._init_schema()
                    return  # another kernel repaired it meanwhile: never move its fresh journal
                except JournalUnavailable:
                    raise
                except (sqlite3.Error, OSError) as exc:
                    if not is_damage(exc):
                        raise JournalUnavailable(explain(exc, self.path)) from None
                aside = self._move_aside()
                self._init_schema()
        except JournalUnavailable:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise JournalUnavailable(explain(exc, self.path)) from None
        self.notice = (f"Je dagboekbestand was beschadigd en kon niet gelezen worden. Het is niet weggegooid "
                       f"maar hernoemd naar {aside.name} (in {aside.parent}). Er is een nieuw, leeg dagboek "
                       f"gestart. Heb je een export (JSON)? Lees die dan in om je antwoorden terug te zetten.")

    @contextmanager
    def _file_lock(self, exclusive: bool = True, timeout: float = 20.0, stale: float = 30.0) -> Iterator[None]:
        """The lock file next to the journal: exclusive to repair the file, shared to have it open.

        Every connection this class opens to the file is made under the shared lock (:meth:`_open`,
        :meth:`_db`); a repair moves the file aside only under the exclusive one. That matters because a
        connection stays bound to the file it opened, while SQLite finds that file's companions
        (``-journal``, ``-wal``, ``-shm``) by name. A kernel that had just opened the damaged file when
        another kernel renamed it would take the *new* journal's companions for its own: its first read
        rolls the new journal's hot rollback journal back into the moved file (truncating the damaged bytes
        to nothing), and it could take the new journal's WAL for its own in the same way. Under the lock no
        kernel has the file open when it is renamed.

        flock where there is one; the last holder removes the lock file. Without flock (Windows) there is
        only the exclusive lock (O_EXCL). A shared lock that cannot be taken (a read-only folder, where
        nothing can be moved aside either; a file system without flock) is skipped.
        """
        lock = Path(str(self.path) + ".lock")
        deadline = time.monotonic() + timeout

        def busy() -> JournalUnavailable:  # made only when needed: explain() looks at the disk
            return JournalUnavailable(explain(sqlite3.OperationalError("database is locked"), self.path))

        try:
            import fcntl
        except ImportError:
            fcntl = None
        if fcntl is not None:
            fd = None
            while fd is None:
                try:
                    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
                except OSError:
                    if exclusive:
                        raise
                    break  # e.g. a read-only folder: use the file without the lock
                try:
                    while True:
                        try:
                            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
                            break
                        except BlockingIOError:
                            if time.monotonic() > deadline:
                                raise busy() from None
                            time.sleep(0.02)
                    try:
                        same = os.fstat(fd).st_ino == os.stat(lock).st_ino
                    except FileNotFoundError:
                        same = False
                except OSError:
                    os.close(fd)
                    if exclusive:
                        raise
                    fd = None
                    break  # no flock on this file system: use the file without the lock
                except BaseException:
                    os.close(fd)
                    raise
                if not same:
                    os.close(fd)  # the lock file was removed by its previous holder: lock the new one
                    fd = None
            if fd is None:
                yield
                return
            try:
                yield
            finally:
                try:
                    last = exclusive
                    if not exclusive:
                        try:  # nobody else holds it: tidy up (a failed attempt only drops our own lock)
                            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                            last = True
                        except OSError:
                            pass
                    if last:
                        try:
                            lock.unlink()
                        except FileNotFoundError:
                            pass
                finally:
                    os.close(fd)
            return
        if not exclusive:  # pragma: no cover - systems without fcntl (Windows): only the repair is locked
            yield
            return
        while True:  # pragma: no cover - systems without fcntl (Windows)
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                os.close(fd)
                break
            except FileExistsError:
                try:
                    if time.time() - lock.stat().st_mtime > stale:
                        lock.unlink()  # left behind by a kernel that crashed while repairing
                        continue
                except FileNotFoundError:
                    continue
                if time.monotonic() > deadline:
                    raise busy() from None
                time.sleep(0.02)
        try:
            yield
        finally:
            try:
                lock.unlink()
            except FileNotFoundError:
                pass

    def _check_damage(self, con: sqlite3.Connection) -> None:
        if self.path.exists() and self.path.stat().st_size:
            row = con.execute("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                raise _Damaged(f"quick_check: {row[0] if row else '?'}")

    def _init_schema(self) -> None:
        con = self._connect()
        try:
            self._check_damage(con)
            try:
                con.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # e.g. a file system without shared memory: the default mode still works
            if self._version(con) == JOURNAL_VERSION:
                return  # nothing to write: a journal on a full disk can still be read
            con.execute("BEGIN IMMEDIATE")
            try:
                self._upgrade(con, self._version(con))  # read again under the write lock
                con.execute("COMMIT")
            except BaseException:
                self._rollback(con)
                raise
        finally:
            self._release(con)

    def _version(self, con: sqlite3.Connection) -> int | None:
        """The file's version (None: a new file); raises for a newer or an unreadable version."""
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        row = None
        if "meta" in tables:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            return 1 if "entries" in tables else None
        try:
            version = int(str(row[0]).strip())
        except ValueError:
            version = 0
        if version < 1:
            raise JournalUnavailable(
                f"Je dagboek ({self.path}) heeft een onbekend versienummer ('{str(row[0])[:20]}') en is daarom "
                f"niet geopend; het bestand is niet aangeraakt. Werk het werkboek bij (git pull) of kies met de "
                f"omgevingsvariabele WAKKER_JOURNAL een nieuwe plek, en {restart_hint()}.")
        if version > JOURNAL_VERSION:
            raise JournalUnavailable(
                f"Je dagboek ({self.path}) is gemaakt door een nieuwere versie van het werkboek. Werk het "
                f"werkboek bij (git pull) en {restart_hint()}. {_UNTOUCHED}")
        return version

    @staticmethod
    def _upgrade(con: sqlite3.Connection, version: int | None) -> None:
        """Create a new journal, or bring an older one to JOURNAL_VERSION (inside a write transaction)."""
        for sql in _CREATE:
            con.execute(sql)
        if version is not None and version < 2:
            columns = {r[1] for r in con.execute("PRAGMA table_info(entries)")}
            if "sort_at" not in columns:
                con.execute("ALTER TABLE entries ADD COLUMN sort_at TEXT NOT NULL DEFAULT ''")
            rows = con.execute("SELECT id, notebook, question, value, saved_at FROM entries ORDER BY id").fetchall()
            for rid, notebook, question, value, saved_at in rows:
                try:
                    moment = normalise_moment(saved_at)
                except JournalError:
                    con.execute("UPDATE entries SET sort_at = '' WHERE id = ?", (rid,))  # kept, sorts first
                    continue
                if moment != saved_at and con.execute(
                        "SELECT 1 FROM entries WHERE notebook = ? AND question = ? AND saved_at = ? AND value = ? "
                        "AND id != ?", (notebook, question, moment, value, rid)).fetchone():
                    con.execute("DELETE FROM entries WHERE id = ?", (rid,))  # the same version, written twice
                    continue
                con.execute("UPDATE entries SET saved_at = ?, sort_at = ? WHERE id = ?", (moment, moment, rid))
        con.execute(_CREATE_ORDER)
        con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(JOURNAL_VERSION),))

    def _move_aside(self) -> Path:
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
                pass
        return aside

    # -- writing -------------------------------------------------------
    def check_notebook(self, notebook: Any) -> str:
        check_id(notebook, "notebook-naam")
        if self.known_notebooks is not None and notebook not in self.known_notebooks:
            raise JournalError(f"Onbekend notebook '{notebook}'. Bekende notebooks: "
                               f"{', '.join(sorted(self.known_notebooks))}.")
        return notebook

    def save(self, notebook: str, question: str, value: Any, kind: str = "text", prompt: str = "") -> Entry:
        """Store a new version of an answer and return it; it is the current answer from now on."""
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
            top = con.execute("SELECT MAX(sort_at) FROM entries WHERE notebook = ? AND question = ?",
                              (notebook, question)).fetchone()[0]
            sort_at = entry.saved_at if not top or top < entry.saved_at else _just_after(top)
            con.execute("INSERT OR IGNORE INTO entries (notebook, question, kind, prompt, value, saved_at, sort_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (entry.notebook, entry.question, entry.kind, entry.prompt, encoded, entry.saved_at, sort_at))
        return entry

    def add_entries(self, entries: Iterable[Entry]) -> int:
        """Insert versions (e.g. from an import) in one transaction; return how many were new.

        Each moment is normalised first; a version sorts at its own moment (see the module docstring).
        All or nothing: one invalid moment adds nothing.
        """
        rows = []
        for n, e in enumerate(entries, 1):
            try:
                moment = normalise_moment(e.saved_at)
            except JournalError:
                raise JournalError(f"Antwoord {n} heeft een ongeldig tijdstip ('{str(e.saved_at)[:40]}'); "
                                   f"er is niets ingelezen.") from None
            try:
                value = json.dumps(e.value, ensure_ascii=False, allow_nan=False)
            except (TypeError, ValueError):
                raise JournalError(f"Antwoord {n} kan niet bewaard worden; er is niets ingelezen.") from None
            rows.append((e.notebook, e.question, e.kind, e.prompt, value, moment, moment))
        with self._db(write=True) as con:
            before = con.total_changes
            con.executemany("INSERT OR IGNORE INTO entries (notebook, question, kind, prompt, value, saved_at, sort_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
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
                              "ORDER BY sort_at DESC, id DESC LIMIT 1", (notebook, question)).fetchone()
        return self._entry(row) if row else None

    def history(self, notebook: str, question: str) -> list[Entry]:
        """All versions of an answer, oldest first (the last one is current)."""
        with self._db() as con:
            rows = con.execute(f"SELECT {self._COLS} FROM entries WHERE notebook = ? AND question = ? "
                               "ORDER BY sort_at, id", (notebook, question)).fetchall()
        return [self._entry(r) for r in rows]

    def entries(self) -> list[Entry]:
        """Every version of every answer, oldest first."""
        with self._db() as con:
            rows = con.execute(f"SELECT {self._COLS} FROM entries ORDER BY sort_at, id").fetchall()
        return [self._entry(r) for r in rows]

    def current(self, notebook: str | None = None) -> list[Entry]:
        """The newest version of each question (of one notebook, or of all), in notebook and first-answer order."""
        cond, args = ("WHERE e.notebook = ? AND", (notebook,)) if notebook else ("WHERE", ())
        sql = (f"SELECT {self._COLS} FROM entries e {cond} e.id = (SELECT x.id FROM entries x "
               "WHERE x.notebook = e.notebook AND x.question = e.question ORDER BY x.sort_at DESC, x.id DESC LIMIT 1) "
               "ORDER BY e.notebook, (SELECT MIN(y.id) FROM entries y "
               "WHERE y.notebook = e.notebook AND y.question = e.question)")
        with self._db() as con:
            rows = con.execute(sql, args).fetchall()
        return [self._entry(r) for r in rows]


class MemoryJournal(Journal):
    """The fallback when the journal file cannot be used: answers live only as long as this kernel.

    Reading, exporting and importing work as usual. :meth:`save` keeps the version (so the
    answer comes back when a cell is run again, and goes into an export) but then raises
    :class:`JournalUnavailable`, so every widget tells the student plainly that it was not
    saved in the journal.
    """

    durable = False
    NOT_SAVED = ("Niet opgeslagen in je dagboek: dat kan nu niet geopend worden (zie de melding bovenaan het "
                 "notebook). Je antwoord blijft alleen bewaard zolang deze sessie loopt: exporteer je antwoorden "
                 "(onderaan het startnotebook) of kopieer dit antwoord.")
    SESSION_ONLY = ("Tot dat is opgelost bewaart het werkboek je antwoorden alleen in deze sessie, niet in je "
                    "dagboek: exporteer ze voordat je stopt (knop 'Exporteer mijn antwoorden' onderaan het "
                    "startnotebook) of kopieer ze.")

    def __init__(self, reason: str, path: Path | str | None = None, known_notebooks: Iterable[str] | None = None):
        self.reason = reason
        self.notice = f"{reason} {self.SESSION_ONLY}"
        self.path = Path(path) if path is not None else default_path()
        self.known_notebooks = None if known_notebooks is None else frozenset(known_notebooks)
        self._lock = threading.RLock()
        self._con = sqlite3.Connection(":memory:", check_same_thread=False, isolation_level=None)
        with self._db(write=True) as con:
            self._upgrade(con, None)

    def _connect(self) -> sqlite3.Connection:
        self._lock.acquire()
        return self._con

    def _release(self, con: sqlite3.Connection) -> None:
        self._lock.release()

    def save(self, notebook: str, question: str, value: Any, kind: str = "text", prompt: str = "") -> Entry:
        super().save(notebook, question, value, kind=kind, prompt=prompt)
        raise JournalUnavailable(self.NOT_SAVED)


def open_journal(path: Path | str | None = None, known_notebooks: Iterable[str] | None | str = "content") -> Journal:
    """The journal at ``path`` (default: :func:`resolve_path`), or a :class:`MemoryJournal`; never raises."""
    notice = None
    try:
        if path is None:
            path, notice = resolve_path()
        journal = Journal(path, known_notebooks)
        journal.notice = " ".join(t for t in (notice, journal.notice) if t) or None
        return journal
    except JournalUnavailable as exc:
        reason = str(exc)
    except Exception:  # noqa: BLE001 - whatever it is, the first cell of a notebook must not break
        reason = (f"Je dagboek{f' ({path})' if path is not None else ''} kon niet geopend worden. "
                  f"{restart_hint(sentence=True)}; lukt het dan nog niet, kies dan met de omgevingsvariabele "
                  f"WAKKER_JOURNAL een andere plek.")
    try:
        if known_notebooks == "content":
            from .content import content

            known_notebooks = content().notebooks.keys()
    except Exception:  # noqa: BLE001
        known_notebooks = None
    return MemoryJournal(" ".join(t for t in (notice, reason) if t), path, known_notebooks)


_default: Journal | None = None


def get_journal() -> Journal:
    """The process-wide journal (opened on first use; never raises, see :func:`open_journal`)."""
    global _default
    if _default is None:
        _default = open_journal()
    return _default


def reset_default() -> None:
    """Forget the process-wide journal (tests, or after WAKKER_JOURNAL changed)."""
    global _default
    _default = None
