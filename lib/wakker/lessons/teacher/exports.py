"""Collecting the students' exports (JSON) for the teacher: read, check, merge, anonymise.

Pure Python, no widgets. Exports are validated only by :func:`wakker.core.portfolio.parse_export`
(the same checks as importing them), each file once, and only when it is at most
:data:`MAX_FILE_BYTES` (the size is checked *before* reading, so a 200 MB file costs nothing).

* A file that is not used is in ``skipped`` with a Dutch reason: not a ``.json`` file, too big,
  not an export, damaged, from a newer version of the workbook, empty. Names starting with ``.``
  (``.DS_Store``, ``.ipynb_checkpoints``) are the system's and are passed over.
* Two files with the same student name: when they share a saved version they come from the same
  workbook (an export holds every version), so they are merged (nothing lost, the newest version
  of each answer counts). Otherwise they may be two students: both are kept, labelled "Anna (1)",
  "Anna (2)", and a ``conflict`` says which file is which. Nothing is silently replaced.
* A pasted class list gives ``missing``: the names that no export carries (compared without
  case, accents and extra spaces).
* ``anonymous=True`` replaces every student's name by a label ("student 1", …) in labels, file
  references and messages, and in the students' own texts where their name appears.
"""
from __future__ import annotations

import gc
import json
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ...core.journal import SCHEMA_VERSION, Entry, JournalError, normalise_moment
from ...core.portfolio import SCHEMA_NAME, parse_export
from . import texts as T

#: Larger files are not read (an export is at most a few hundred kB).
MAX_FILE_BYTES = 5_000_000
#: More files than this in one go: a Dutch message, nothing read (a class is at most a few hundred).
MAX_FILES = 1000


@dataclass
class Student:
    """One student (or one workbook, when two share a name): its label, name and current answers."""

    label: str  # what every view shows: the name, or "student 3" when anonymous
    name: str | None
    files: list[str]
    entries: list[Entry]
    versions: set = field(default_factory=set, repr=False)
    #: what is derived from ``entries`` only (the current answers, counts): shared with the source of a student
    #: read from one file, so switching *anonymous* or the class list does not compute it again
    memo: dict = field(default_factory=dict, repr=False)

    def current(self) -> dict[tuple[str, str], Entry]:
        """The newest version of each (notebook, question) (computed once; entries do not change after collecting)."""
        latest = self.memo.get("current")
        if latest is None:
            latest = {}
            # parse_export gives every moment normalised (UTC, microseconds): as text they sort in time order
            for e in sorted(self.entries, key=lambda e: e.saved_at):
                latest[(e.notebook, e.question)] = e
            self.memo["current"] = latest
        return latest


@dataclass
class Collection:
    """What was read: students, the files used, the files skipped (with reasons), conflicts, missing names."""

    students: list[Student] = field(default_factory=list)
    read: list[tuple[str, str]] = field(default_factory=list)  # (file as shown, student label)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file as shown, Dutch reason)
    conflicts: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    error: str | None = None
    anonymous: bool = False
    names: list[str] = field(default_factory=list, repr=False)  # every real name seen (for scrubbing texts)

    def by_notebook(self) -> dict[str, list[tuple[Student, Entry]]]:
        """Every student's current answers grouped by notebook (computed once per collection)."""
        cached = getattr(self, "_by_notebook", None)
        if cached is None:
            cached = {}
            for st in self.students:
                for (nb, _q), e in st.current().items():
                    cached.setdefault(nb, []).append((st, e))
            self._by_notebook = cached
        return cached

    def scrub(self, text: str) -> str:
        """``text`` with every known student name replaced by a neutral word (only when anonymous)."""
        if not self.anonymous or not text:
            return text
        words = getattr(self, "_words", None)
        if words is None:
            names = tuple(sorted(set(self.names)))
            words = self._words = (_full_names(names), _name_words(names))
        full, parts = words
        if full is not None:  # the whole name first: "Daan de Vries" becomes one [naam], not "[naam] de [naam]"
            text = full.sub(T.NAME_HIDDEN, text)
        return _scrub_words(text, parts)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a class is read and drawn: 300 exports make some 100,000 small
    objects at once, and collecting cycles in between (there are none to find) took a good part of the time.
    Memory is freed as always (reference counting); the collector runs again right after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _moment(e: Entry) -> str:
    try:
        return normalise_moment(e.saved_at)
    except JournalError:
        return e.saved_at


def _version(e: Entry) -> tuple:
    try:
        value = json.dumps(e.value, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        value = None
    return e.notebook, e.question, e.kind, _moment(e), value


def name_key(name: str) -> str:
    """A name compared without case, accents and extra spaces ("  Ëva  de Vries" == "eva de vries")."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _scrub(text: str, names: Iterable[str]) -> str:
    return _scrub_words(text, _name_words(tuple(sorted(set(names)))))


def _scrub_words(text: str, words: frozenset[str]) -> str:
    return _WORD.sub(lambda m: T.NAME_HIDDEN if m.group().casefold() in words else m.group(), text)


_WORD = re.compile(r"[^\W\d_]+")  # a run of letters: "d'Hondt-Alvarez" has the parts Hondt and Alvarez


@lru_cache(maxsize=8)
def _full_names(names: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for every whole name of two or more words (any case, any spaces between), longest first."""
    whole = sorted({tuple(_WORD.findall(n)) for n in names if len(_WORD.findall(n)) > 1}, key=len, reverse=True)
    if not whole:
        return None
    alts = [r"[\W_]+".join(re.escape(w) for w in parts) for parts in whole]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=8)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    """Every part of 3 or more letters of every name, without case: each is hidden on its own, so a first
    name alone ("Fatima") goes as well as the whole name (over-hiding a word that is also a name is the
    safe side)."""
    return frozenset(w.casefold() for name in names for w in _WORD.findall(name)
                     if len(w) >= 3 and w.casefold() not in _PARTICLES)


#: Parts of Dutch surnames that are ordinary words ("van den Berg"): not hidden on their own.
_PARTICLES = {"van", "der", "den", "ter", "ten", "het", "des", "von", "uit", "bij", "aan", "onder", "op"}


def parse_class_list(text: str) -> list[str]:
    """Names from a pasted class list: one per line (tabs, as from a spreadsheet, become spaces); empty lines
    and repeated names dropped."""
    names = []
    for line in (text or "").splitlines():
        name = " ".join(line.split()).strip(" ,")
        if name and name_key(name) not in {name_key(n) for n in names}:
            names.append(name[:200])
    return names


# ---------------------------------------------------------------- sources
@dataclass
class Source:
    """One file to read: its name and either its bytes or a path (read only when small enough)."""

    name: str
    size: int
    data: bytes | None = None
    path: Path | None = None
    #: (entries, student, reason) once read and checked: switching *anonymous* or the class list reads nothing again
    parsed: tuple | None = field(default=None, repr=False, compare=False)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # see Student.memo

    def read(self) -> bytes:
        if self.data is not None:
            return bytes(self.data)
        return self.path.read_bytes()


def folder_candidates(text: str) -> list[Path]:
    """Where a folder name is looked for: a full path (or ``~/…``) as it is; a name without the whole path in
    the notebook's folder (the kernel's working folder), then in each folder above it up to and including the
    home folder, then in the home folder. JupyterLab's "Copy Path" gives a path from the folder JupyterLab was
    started in, which is the home folder on a JupyterHub and a folder above the notebooks with ``make lab``: one
    of these. The first that exists is read, and the report says which one."""
    path = Path(text).expanduser()
    if path.is_absolute():
        return [path]
    here, home = Path.cwd(), Path.home()
    out = [here]
    for parent in here.parents:
        if parent == Path(parent.anchor):
            break
        out.append(parent)
        if parent == home:
            break
    if home not in out:
        out.append(home)
    return [base / path for base in out]


def resolve_folder(folder: str | Path) -> tuple[Path, list[Path]]:
    """(the folder to read, every place tried): the first candidate that exists, else the first candidate."""
    tried = folder_candidates(str(folder).strip())
    for path in tried:
        try:
            if path.exists():
                return path, tried
        except OSError:
            continue
    return tried[0], tried


def folder_sources(folder: str | Path) -> tuple[list[Source], str | None]:
    """The files directly in ``folder`` (name order), or a Dutch error for a missing or unreadable folder.

    A name without the whole path is looked for as :func:`folder_candidates` says."""
    text = str(folder).strip()
    if not text:
        return [], T.NO_FOLDER_GIVEN
    path, tried = resolve_folder(text)
    try:
        if not path.exists():
            return [], T.NO_FOLDER.format(folder=text, tried=", ".join(f"'{p}'" for p in tried[:4])
                                          + (" …" if len(tried) > 4 else ""))
        if not path.is_dir():
            return [], T.NOT_A_FOLDER.format(folder=text)
        entries = sorted((p for p in path.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)
    except OSError:
        return [], T.FOLDER_UNREADABLE.format(folder=text)
    out = []
    for p in entries[:MAX_FILES + 1]:
        try:
            if p.is_dir():
                out.append(Source(p.name + "/", -1))
                continue
            out.append(Source(p.name, p.stat().st_size, path=p))
        except OSError:
            out.append(Source(p.name, -2))
    if not entries:
        return [], T.EMPTY_FOLDER.format(folder=text)
    return out, None


def _same_file(a: Source, b: Source) -> bool:
    """Whether ``a`` and ``b`` hold the same bytes (a file too big or unreadable: only when it is the same path)."""
    if a.size != b.size:
        return False
    if a.size < 0 or a.size > MAX_FILE_BYTES:
        return a.path is not None and a.path == b.path
    try:
        return a.read() == b.read()
    except OSError:
        return False


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or "name (2).json", "name (3).json", … when another file of that name was read already."""
    if name not in taken:
        return name
    stem, dot, ext = name.rpartition(".") if "." in name.strip(".") else (name, "", "")
    n = 2
    while True:
        candidate = f"{stem} ({n}){dot}{ext}"
        if candidate not in taken:
            return candidate
        n += 1


def add_sources(old: list[Source], new: Iterable[Source]) -> tuple[list[Source], int, int]:
    """``old`` with ``new`` added: (all sources, how many were added, how many were already read).

    A new file with the name and the bytes of a file read before counts once (it is the same file, chosen
    again). A new file with a name already in use but other bytes is added under a free name ("x (2).json");
    whether it is the same student is decided by :func:`collect` (same workbook: merged; else a conflict)."""
    out = list(old)
    by_name = {s.name: s for s in out}
    added = again = 0
    for s in new:
        known = by_name.get(s.name)
        if known is not None and _same_file(known, s):
            again += 1
            continue
        if known is not None:
            s = Source(_free_name(s.name, set(by_name)), s.size, data=s.data, path=s.path)
        out.append(s)
        by_name[s.name] = s
        added += 1
    return out, added, again


def upload_sources(value) -> list[Source]:
    """Files from an ipywidgets ``FileUpload`` value (a tuple of dicts with name, size and content)."""
    out = []
    for item in value or ():
        get = item.get if isinstance(item, dict) else (lambda k, d=None, _i=item: getattr(_i, k, d))
        content = get("content")
        data = bytes(content) if content is not None else b""
        out.append(Source(str(get("name") or "?"), int(get("size") or len(data)), data=data))
    return out


# ---------------------------------------------------------------- collecting
def _size(n: int) -> str:
    return f"{n / 2 ** 20:.0f} MB" if n >= 2 ** 20 else f"{max(1, round(n / 2 ** 10))} kB"


def _parse(s: Source) -> tuple[list[Entry], str | None, str | None]:
    """(entries, student, None) of a file, or ([], None, Dutch reason); each source is read and checked once."""
    if s.parsed is None:
        entries, student, reason = [], None, None
        try:
            raw = s.read()
            if len(raw) > MAX_FILE_BYTES:
                raise JournalError(T.TOO_BIG.format(size=_size(len(raw))))
            entries, student = parse_export(raw)
        except JournalError as exc:
            reason = str(exc)
        except OSError:
            reason = T.UNREADABLE
        except Exception:  # noqa: BLE001 - whatever a file holds, the others are still read
            reason = T.UNREADABLE
        s.parsed = (entries, student, reason)
    return s.parsed


def collect(sources: list[Source], class_list: str = "", anonymous: bool = False,
            error: str | None = None) -> Collection:
    """Read ``sources`` into a :class:`Collection` (see the module docstring); never raises for bad input."""
    col = Collection(anonymous=anonymous, error=error)
    if error:
        return col
    if len(sources) > MAX_FILES:
        col.error = T.TOO_MANY.format(n=len(sources), max=MAX_FILES)
        return col
    shown = {s.name: (T.FILE_N.format(n=i) if anonymous else s.name) for i, s in enumerate(sources, 1)}
    found: list[tuple[str, str | None, list[Entry]]] = []
    memo_of = {s.name: s.memo for s in sources}
    for s in sources:
        if s.name.startswith("."):
            continue
        reason = None
        if s.size == -1:
            reason = T.SUBFOLDER
        elif s.size == -2:
            reason = T.UNREADABLE
        elif not s.name.lower().endswith(".json"):
            reason = T.NOT_JSON
        elif s.size > MAX_FILE_BYTES:
            reason = T.TOO_BIG.format(size=_size(s.size))
        elif s.size == 0:
            reason = T.EMPTY_FILE
        if reason is None:
            entries, student, reason = _parse(s)
        if reason is not None:
            col.skipped.append((shown[s.name], reason))
            continue
        name = " ".join(student.split()) if student else None
        found.append((s.name, name, entries))

    # group by name; within a name, by workbook (shared versions)
    by_name: dict[str, list] = {}
    order: list[str] = []
    for i, (fname, name, entries) in enumerate(found):
        key = name_key(name) if name else f"\0{i}"
        if key not in by_name:
            order.append(key)
        by_name.setdefault(key, []).append((fname, name, entries))
    students: list[Student] = []
    pending_conflicts: list[tuple[str, list[Student]]] = []
    for key in order:
        groups: list[Student] = []
        several = len(by_name[key]) > 1  # versions are only compared between files with one name
        for fname, name, entries in by_name[key]:
            versions = {_version(e) for e in entries} if several else set()
            same = [g for g in groups if g.versions & versions]
            if same:
                g = same[0]
                known = g.versions
                g.entries += [e for e in entries if _version(e) not in known]
                g.versions |= versions
                g.files.append(fname)
                g.memo = {}  # entries changed: derive afresh (never in the source's memo)
                col.merged.append(fname)
                continue
            groups.append(Student("", name, [fname], list(entries), versions, memo=memo_of[fname]))
        if len(groups) > 1:
            pending_conflicts.append((by_name[key][0][1] or "", groups))
        students += groups

    # labels
    per_key: dict[str, int] = {}
    for st in students:
        if st.name:
            per_key[name_key(st.name)] = per_key.get(name_key(st.name), 0) + 1
    seen: dict[str, int] = {}
    for n, st in enumerate(students, 1):
        if anonymous:
            st.label = T.STUDENT_N.format(n=n)
        elif st.name:
            key = name_key(st.name)
            seen[key] = seen.get(key, 0) + 1
            # a short number, not the file name: labels stay readable in tables and the heat map
            st.label = T.LABEL_DUP.format(name=st.name, n=seen[key]) if per_key[key] > 1 else st.name
        else:
            st.label = T.NO_NAME.format(file=st.files[0])
    col.students = students
    col.names = sorted({st.name for st in students if st.name} | set(parse_class_list(class_list)))
    for st in students:
        for f in st.files:
            col.read.append((shown[f], st.label))
    for name, groups in pending_conflicts:
        files = ", ".join(shown[g.files[0]] for g in groups)
        labels = [g.label for g in groups]
        who = ", ".join(labels[:-1]) + T.AND + labels[-1]
        text = T.CONFLICT_ANON if anonymous else T.CONFLICT
        col.conflicts.append(text.format(n=len(groups), student=name, files=files, students=who))
    if col.merged:
        col.merged = [shown[f] for f in col.merged]
    # who handed nothing in
    listed = parse_class_list(class_list)
    have = {name_key(st.name) for st in students if st.name}
    col.missing = [n for n in listed if name_key(n) not in have]
    return col


def strategy_folder(col: Collection, folder: Path) -> Path:
    """Write each student's answers as an export into ``folder`` (a temporary folder outside the
    repository), named by label, for the class tournament; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, st in enumerate(col.students, 1):
        strategies = [e.as_dict() for e in st.entries if e.kind == "strategy"]
        if not strategies:
            continue
        # the student's label as the name: anonymous stays anonymous, two workbooks with one name stay apart
        doc = {"schema": SCHEMA_NAME, "schema_version": SCHEMA_VERSION, "student": st.label, "entries": strategies}
        (folder / f"{n:03d}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder
