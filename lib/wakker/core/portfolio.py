"""Export the journal as a portfolio (Markdown, HTML) and as JSON; import JSON back.

The JSON file is the one format meant to be read back: by the student in a fresh
environment (Binder forgets everything after a session) and by the teacher (class
tournament, overview). It holds every version, so an import merges without
duplicates and loses nothing.

Reading (:func:`read_journal`). An export must work when the journal is damaged in a way
SQLite's ``quick_check`` does not see: when the journal cannot be read as a whole, every
version that can still be read is read one by one, and :attr:`Contents.problems` says in
Dutch what could not be read. The portfolio and the JSON then hold what could be read.

Order. Notebooks appear in the order of the workbook's map (``data/notebooks.yaml``);
the questions of one notebook in the order they appear in that notebook: the position of
the first string literal in the notebook's code cells that equals the question id
(``notebooks/<id>.ipynb``, parsed, never run). A question whose id does not appear there
(a lesson widget with a built-in id, such as the sorting game) follows the question that
was first answered just before it; without the notebook file, first-answer order is used.

Describing answers (:func:`describe`). Each kind of saved value has a describer that
writes it in plain Dutch: the kit's kinds (text, scale, choice) here; a lesson that
defines its own kind (week, sorting, strategy) gives ``describe_saved(kind, value)`` in its
``texts`` module, which is found through the lesson named for the entry's notebook in
``data/notebooks.yaml`` (looked up by name only when needed, so core imports no lesson);
:func:`register_describer` adds one directly. A lesson may also keep values that are not
answers (such as the order in which a game shows its items, kept so that it stays the same
after an import): it names their kinds in ``NOT_ANSWERS`` in the same ``texts`` module (the kit's own
such kinds, ``KIT_NOT_ANSWERS``, hold for every lesson); they stay
in the JSON file but are left out of the portfolio. Scale answers are saved with their scale
(``{"value", "low", "high", "low_label", "high_label"}``); an old answer saved as a bare
number is shown as that number.

Importing (:func:`parse_export`) validates the whole file before anything is written:
moments (any ISO 8601 notation, within the years 1900-2999), nesting depth, text that is
not valid Unicode, sizes. One bad part and nothing is imported.
"""
from __future__ import annotations

import ast
import html
import importlib
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from .journal import (MAX_VALUE_BYTES, SCHEMA_VERSION, Entry, Journal, JournalError, check_id, display_zone,
                      normalise_moment, parse_moment)

SCHEMA_NAME = "wakker-journal"
MAX_IMPORT_BYTES = 50_000_000
MAX_DEPTH = 40  # nesting of lists and objects in one answer (the workbook's own values use at most 3)
MAX_STUDENT = 200  # characters of a student's name (as Journal.set_student keeps it)
MOMENT_RANGE = (datetime(1900, 1, 1, tzinfo=timezone.utc), datetime(3000, 1, 1, tzinfo=timezone.utc))
KINDS_SHOWN_AS_TEXT = {"text"}


def safe_filename(name: str, fallback: str = "student") -> str:
    """A file-name-safe version of a student's name (ASCII letters, digits, '-' and '_')."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60]
    return text or fallback


def _content():
    try:
        from .content import content

        return content()
    except Exception:  # noqa: BLE001 - an export must work even when the content cannot be read
        return None


def _notebook_titles() -> dict[str, str]:
    c = _content()
    return {k: v.title for k, v in c.notebooks.items()} if c else {}


def now_local() -> datetime:
    """Now, in the zone times are shown in (Dutch time unless ``TZ`` is set; see journal.display_zone)."""
    now = datetime.now(timezone.utc)
    zone = display_zone()
    return now.astimezone(zone) if zone is not None else now.astimezone()


# ---------------------------------------------------------------- describing answers
Describer = Callable[[Any], str]
_DESCRIBERS: dict[str, Describer] = {}


def register_describer(kind: str, describer: Describer) -> None:
    """Let ``describer(value) -> str`` write saved values of ``kind`` in plain Dutch."""
    _DESCRIBERS[kind] = describer


def _plain(value: Any, depth: int = 0) -> str:
    """Any value in readable words (the fallback; text stays as it is)."""
    if depth > MAX_DEPTH:
        return "…"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, list):
        return ", ".join(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        if isinstance(value.get("label"), str):
            return value["label"]
        return "; ".join(f"{k}: {_plain(v, depth + 1)}" for k, v in value.items())
    return "" if value is None else str(value)


def scale_value(value: Any) -> int | None:
    """The chosen point of a saved scale answer (new form or an old bare number), or None."""
    if isinstance(value, dict):
        value = value.get("value")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _describe_scale(value: Any) -> str:
    point = scale_value(value)
    if point is None:
        return _plain(value)
    if not isinstance(value, dict):
        return str(point)  # an old answer: only the number was saved
    low, high = value.get("low"), value.get("high")
    if not (isinstance(low, int) and isinstance(high, int)):
        return str(point)

    def end(n: int, label: Any) -> str:
        return f"{n} ({label})" if isinstance(label, str) and label.strip() else str(n)

    return f"{point} op een schaal van {end(low, value.get('low_label'))} tot {end(high, value.get('high_label'))}"


def _describe_choice(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("label"), str):
        return value["label"] or "(niets gekozen)"
    return _plain(value)


register_describer("text", _plain)
register_describer("scale", _describe_scale)
register_describer("choice", _describe_choice)


def _lesson_texts(notebook: str | None):
    """The ``texts`` module of the lesson behind ``notebook`` (named in data/notebooks.yaml), or None."""
    c = _content()
    info = c.notebooks.get(notebook) if (c and notebook) else None
    lesson = getattr(info, "lesson", None)
    if not lesson or not lesson.isidentifier():
        return None
    try:
        return importlib.import_module(f"{__package__.rsplit('.', 1)[0]}.lessons.{lesson}.texts")
    except Exception:  # noqa: BLE001 - a lesson without texts, or one that cannot be imported
        return None


def _lesson_describer(notebook: str | None) -> Callable[[str, Any], str | None] | None:
    """``describe_saved`` of the lesson behind ``notebook`` (named in data/notebooks.yaml), if it has one."""
    found = getattr(_lesson_texts(notebook), "describe_saved", None)
    return found if callable(found) else None


# Kinds the kit itself keeps that are never answers, in every lesson: the order in which the
# sorting exercise (wakker.ui.sorting) shows its items.
KIT_NOT_ANSWERS = frozenset({"volgorde"})


def is_answer(entry: Entry) -> bool:
    """False for a value that is not an answer: a kit kind in ``KIT_NOT_ANSWERS``, or a kind in the lesson's ``NOT_ANSWERS``."""
    if entry.kind in KIT_NOT_ANSWERS:
        return False
    try:
        return entry.kind not in set(getattr(_lesson_texts(entry.notebook), "NOT_ANSWERS", ()) or ())
    except Exception:  # noqa: BLE001 - when in doubt, show it
        return True


def has_answer(entry: Entry) -> bool:
    """An answer with something in it: a text the student emptied again (only spaces) is left out of the
    portfolio, as an unanswered question is, and is not counted in the teacher's overview (notebook 09); the JSON file
    keeps it, so the emptied box stays empty after an import."""
    return is_answer(entry) and not (isinstance(entry.value, str) and not entry.value.strip())


def describe(value: Any, kind: str | None = None, notebook: str | None = None) -> str:
    """A readable Dutch rendering of a saved value (text stays as it is); never raises."""
    if kind is None and isinstance(value, dict) and {"value", "low", "high"} <= value.keys():
        kind = "scale"  # e.g. a scale answer shown as the old form of another widget
    try:
        if kind in _DESCRIBERS:
            return _DESCRIBERS[kind](value)
        if kind is not None:
            lesson = _lesson_describer(notebook)
            text = lesson(kind, value) if lesson else None
            if isinstance(text, str):
                return text
    except Exception:  # noqa: BLE001 - a value of an unexpected form: show it plainly
        pass
    try:
        return _plain(value)
    except Exception:  # noqa: BLE001
        return "(dit antwoord kan niet getoond worden)"


def describe_entry(entry: Entry) -> str:
    return describe(entry.value, entry.kind, entry.notebook)


def _when(entry: Entry) -> str:
    try:
        return entry.local_time.strftime("%d-%m-%Y %H:%M")
    except (ValueError, OverflowError):
        return "onbekend tijdstip"


# ---------------------------------------------------------------- reading the journal
@dataclass
class Contents:
    """What could be read from a journal: every version (oldest first), the name, and what failed (Dutch)."""

    entries: list[Entry]
    student: str = ""
    problems: list[str] = field(default_factory=list)

    def current(self) -> list[Entry]:
        """The newest version of each question, in notebook order and question order (see the module docstring)."""
        latest: dict[tuple[str, str], Entry] = {}
        first: dict[tuple[str, str], int] = {}
        for n, e in enumerate(self.entries):
            key = (e.notebook, e.question)
            latest[key] = e
            first.setdefault(key, n)
        c = _content()
        map_order = {nb: i for i, nb in enumerate(c.notebooks)} if c else {}
        out: list[Entry] = []
        notebooks = sorted({nb for nb, _q in latest}, key=lambda nb: (map_order.get(nb, len(map_order)), nb))
        for nb in notebooks:
            keys = sorted((k for k in latest if k[0] == nb), key=first.__getitem__)
            positions = question_positions(nb)
            last: tuple = (-1, -1)
            order: dict[tuple[str, str], tuple] = {}
            for seq, key in enumerate(keys):
                if key[1] in positions:
                    last = order[key] = positions[key[1]]
                else:
                    order[key] = (*last, 1, seq)
            out += [latest[k] for k in sorted(keys, key=lambda k: (order[k], first[k]))]
        return out


DAMAGED = ("Een deel van je dagboek kon niet gelezen worden: het bestand is beschadigd. Deze export bevat alles "
           "wat nog wel te lezen was; {lost} ontbreken. Heb je een eerdere export (JSON)? Bewaar die goed.")
UNREADABLE = ("Je dagboek kon niet gelezen worden, dus deze export is leeg. {reason}")


def read_journal(journal: Journal) -> Contents:
    """Everything that can be read from ``journal``; never raises (see the module docstring)."""
    try:
        student = journal.student() or ""
    except Exception:  # noqa: BLE001
        student = ""
    try:
        return Contents(journal.entries(), student)
    except Exception as exc:  # noqa: BLE001 - damage quick_check missed, or a value that is not JSON
        reason = str(exc) if isinstance(exc, JournalError) else ""
    entries, lost = salvage(getattr(journal, "path", None))
    if entries is None:
        return Contents([], student, [UNREADABLE.format(reason=reason).strip()])
    problems = []
    if lost or not entries:
        word = "sommige versies van antwoorden" if not lost else ("1 versie van een antwoord" if lost == 1 else
                                                                  f"{lost} versies van antwoorden")
        problems.append(DAMAGED.format(lost=word))
    return Contents(entries, student, problems)


def salvage(path: Path | str | None, limit: int = 1_000_000) -> tuple[list[Entry] | None, int]:
    """Read a damaged journal version by version: (the readable versions oldest first, how many failed).

    (None, 0) when the file cannot be opened at all.
    """
    if path is None or not Path(path).is_file():
        return None, 0
    try:
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None, 0
    con.text_factory = bytes
    ids: set[int] = set()
    for sql in ("SELECT id FROM entries ORDER BY id", "SELECT id FROM entries ORDER BY notebook, question, id",
                "SELECT seq FROM sqlite_sequence WHERE name = 'entries'"):
        try:
            for (rid,) in con.execute(sql):
                if isinstance(rid, int):
                    ids.add(rid)
                if len(ids) > limit:
                    break
        except sqlite3.Error:
            continue  # read as far as it goes; the other b-tree may still be whole
    top = min(max(ids, default=0), limit)
    rows, lost = [], 0
    try:
        columns = {r[1] for r in con.execute("PRAGMA table_info(entries)")}
    except sqlite3.Error:
        columns = set()
    sort_col = "sort_at" if b"sort_at" in columns or "sort_at" in columns else "saved_at"
    for rid in range(1, top + 1):
        try:
            row = con.execute(f"SELECT notebook, question, kind, prompt, value, saved_at, {sort_col} "
                              "FROM entries WHERE id = ?", (rid,)).fetchone()
        except sqlite3.Error:
            lost += 1
            continue
        if row is None:
            continue
        try:
            nb, q, kind, prompt, value, saved_at, sort_at = (
                x.decode("utf-8") if isinstance(x, bytes) else x for x in row)
            entry = Entry(check_id(nb, "notebook-naam"), check_id(q, "vraag-naam"), check_id(kind, "soort antwoord"),
                          prompt if isinstance(prompt, str) else "", json.loads(value), normalise_moment(saved_at))
            rows.append((str(sort_at or ""), rid, entry))
        except Exception:  # noqa: BLE001 - damaged text, JSON or moment in this one version
            lost += 1
    con.close()
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in rows], lost


# ---------------------------------------------------------------- question order
_POSITIONS: dict[tuple[str, float], dict[str, tuple[int, int]]] = {}


def notebook_file(notebook: str) -> Path | None:
    c = _content()
    info = c.notebooks.get(notebook) if c else None
    return None if info is None else Path(c.root).parent / "notebooks" / info.file


def question_positions(notebook: str) -> dict[str, tuple[int, int]]:
    """Where each string literal first appears in the notebook's code cells: (cell, order in the cell)."""
    path = notebook_file(notebook)
    try:
        stamp = path.stat().st_mtime if path else None
    except OSError:
        stamp = None
    if stamp is None:
        return {}
    key = (str(path), stamp)
    if key not in _POSITIONS:
        out: dict[str, tuple[int, int]] = {}
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except Exception:  # noqa: BLE001 - an unreadable notebook: first-answer order
            cells = []
        for n, cell in enumerate(cells if isinstance(cells, list) else []):
            if not isinstance(cell, dict) or cell.get("cell_type") != "code":
                continue
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            for i, text in enumerate(_literals(source)):
                out.setdefault(text, (n, i))
        _POSITIONS[key] = out
    return _POSITIONS[key]


def _literals(source: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # e.g. IPython magics: fall back to quoted words
        return [m.group(2) for m in re.finditer(r"(['\"])([A-Za-z0-9][A-Za-z0-9_.:-]*)\1", source)]
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    nodes.sort(key=lambda n: (n.lineno, n.col_offset))
    return [n.value for n in nodes]


# ---------------------------------------------------------------- writing
def to_json(journal: Journal | Contents, student: str | None = None) -> dict:
    data = journal if isinstance(journal, Contents) else read_journal(journal)
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "student": (student if student is not None else data.student) or None,
        "exported_at": now_local().isoformat(timespec="seconds"),
        "entries": [e.as_dict() for e in data.entries],
    }


_MD_INLINE = re.compile(r"[\\`*\[\]<~|]")


def md_escape(text: str) -> str:
    """Escape only what Markdown would misread, so that what a student typed shows as typed.

    Inline: backslash, backtick, ``*``, ``[``, ``]``, ``<``, ``~``, ``|``; ``_`` except inside a
    word; ``&`` before an entity. At the start of a line: headings, quotes, list markers,
    numbered items, rules; leading spaces become no-break spaces (no code block).
    """
    lines = []
    for line in text.split("\n"):
        body = line.lstrip(" \t").rstrip(" \t")  # trailing spaces would be a hard line break
        indent = "\u00a0" * (len(line) - len(body))
        body = _MD_INLINE.sub(lambda m: "\\" + m.group(0), body)
        body = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", body)
        body = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", body)
        if (body.startswith(">") or re.match(r"(#{1,6}|[-+=]|\d{1,9}[.)])(\s|$)", body)
                or re.fullmatch(r"[-=]+\s*", body)):
            m = re.match(r"\d{1,9}", body)
            body = body[:m.end()] + "\\" + body[m.end():] if m else "\\" + body
        lines.append(indent + body)
    return "\n".join(lines)


def _md_heading(text: str) -> str:
    text = md_escape(" ".join(text.split()))
    return re.sub(r"(\s)(#+)(\s*)$", r"\1\\\2\3", text)  # a closing '#' would be dropped


def to_markdown(journal: Journal | Contents, student: str | None = None) -> str:
    data = journal if isinstance(journal, Contents) else read_journal(journal)
    student = (student if student is not None else data.student) or ""
    titles = _notebook_titles()
    lines = ["# Portfolio Wakker werkboek", ""]
    if student:
        lines += [f"Student: {_md_heading(student)}", ""]
    lines += [f"Geëxporteerd op {now_local().strftime('%d-%m-%Y %H:%M')}.", ""]
    for problem in data.problems:
        lines += [f"**Let op:** {md_escape(problem)}", ""]
    current = None
    entries = [e for e in data.current() if has_answer(e)]
    for e in entries:
        if e.notebook != current:
            current = e.notebook
            lines += [f"## {_md_heading(titles.get(e.notebook, e.notebook))} ({md_escape(e.notebook)})", ""]
        lines += [f"### {_md_heading(e.prompt or e.question)}", ""]
        answer = describe_entry(e)
        lines += [("> " + md_escape(line)) if line.strip() else ">" for line in answer.splitlines() or [""]]
        lines += ["", f"*Opgeslagen op {_when(e)}*", ""]
    if not entries:
        lines += ["Er zijn nog geen antwoorden opgeslagen.", ""]
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #e09f3e;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
blockquote{white-space:pre-wrap;overflow-wrap:anywhere;border-left:4px solid #e09f3e;margin:0;padding:.3rem 1rem;
background:#fdf6ec}
.tijd{color:#666;font-size:.85rem;margin:.3rem 0 0}.let-op{border:2px solid #b00020;padding:.5rem 1rem}
@page{margin:2cm}
@media print{
 body{max-width:none;margin:0;padding:0;font:11pt/1.45 Georgia,serif;color:#000}
 h2{break-after:avoid;page-break-after:avoid}
 h3{break-after:avoid;page-break-after:avoid}
 .antwoord{break-inside:avoid;page-break-inside:avoid}
 blockquote{background:none;border-left:2pt solid #888}
 .tijd{color:#444}
}
""".strip()


def to_html(journal: Journal | Contents, student: str | None = None) -> str:
    data = journal if isinstance(journal, Contents) else read_journal(journal)
    student = (student if student is not None else data.student) or ""
    titles = _notebook_titles()
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>Portfolio Wakker werkboek</title>", f"<style>{_CSS}</style></head><body><main>",
             "<header><h1>Portfolio Wakker werkboek</h1>"]
    if student:
        parts.append(f"<p>Student: {esc(student)}</p>")
    parts.append(f"<p>Geëxporteerd op {now_local().strftime('%d-%m-%Y %H:%M')}.</p></header>")
    for problem in data.problems:
        parts.append(f'<p class="let-op"><b>Let op:</b> {esc(problem)}</p>')
    current = None
    entries = [e for e in data.current() if has_answer(e)]
    for e in entries:
        if e.notebook != current:
            if current is not None:
                parts.append("</section>")
            current = e.notebook
            parts.append(f"<section><h2>{esc(titles.get(e.notebook, e.notebook))} ({esc(e.notebook)})</h2>")
        parts.append(f'<article class="antwoord"><h3>{esc(e.prompt or e.question)}</h3>'
                     f"<blockquote>{esc(describe_entry(e))}</blockquote>"
                     f'<p class="tijd">Opgeslagen op {_when(e)}</p></article>')
    if current is not None:
        parts.append("</section>")
    if not entries:
        parts.append("<p>Er zijn nog geen antwoorden opgeslagen.</p>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


class Exported(dict):
    """The written files by format (``"md"``, ``"html"``, ``"json"``) and, in ``problems``, what could not be read."""

    problems: list[str]


def export_files(journal: Journal, folder: Path | str, student: str | None = None) -> Exported:
    """Write the portfolio as .md, .html and .json into ``folder``; return the paths by format.

    Exports what can be read (see :func:`read_journal`); the result's ``problems`` say in Dutch
    what could not be read. Raises OSError when the folder cannot be written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if student is not None:
        try:
            journal.set_student(student)
        except Exception:  # noqa: BLE001 - the name goes into this export anyway
            pass
    data = read_journal(journal)
    name = safe_filename(student if student is not None else data.student)
    stamp = now_local().strftime("%Y%m%d-%H%M")
    paths = Exported({fmt: folder / f"wakker-portfolio-{name}-{stamp}.{fmt}" for fmt in ("md", "html", "json")})
    paths.problems = list(data.problems)
    paths["md"].write_text(to_markdown(data, student), encoding="utf-8")
    paths["html"].write_text(to_html(data, student), encoding="utf-8")
    paths["json"].write_text(json.dumps(to_json(data, student), ensure_ascii=False, indent=1), encoding="utf-8")
    return paths


# ---------------------------------------------------------------- importing
def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deep lists and objects nest in ``value`` (stops counting past ``limit``: then some number > ``limit``)."""
    if not isinstance(value, (dict, list)):  # most answers: a text or a number
        return 0
    deepest, todo = 0, [(value, 0)]
    while todo:
        item, d = todo.pop()
        if d > limit:
            return d
        for v in (item.values() if isinstance(item, dict) else item):
            if isinstance(v, (dict, list)):
                todo.append((v, d + 1))
        deepest = max(deepest, d + 1 if item else d)  # the items of a non-empty list or object lie one deeper
    return deepest


def _valid_text(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:  # a lone surrogate ("\\ud800") from JSON
        return False


def _utf8_size(text: str) -> int | None:
    """The UTF-8 size of ``text`` in bytes, or None when it cannot be encoded (a lone surrogate)."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeEncodeError:
        return None


#: The same encoder as ``json.dumps(value, ensure_ascii=False, allow_nan=False)``, made once.
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
#: The normalised form of a moment (``2026-11-30T16:05:00.000000+00:00``, ASCII digits only): for such a text
#: ``datetime.fromisoformat`` gives the same moment as ``parse_moment`` and the text is already normalised.
_NORMAL_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}\+00:00")


def _moment(saved_at: str) -> tuple[datetime, str]:
    """(moment, normalised text) of ``saved_at``; raises JournalError like :func:`parse_moment`."""
    if _NORMAL_MOMENT.fullmatch(saved_at):
        try:
            return datetime.fromisoformat(saved_at), saved_at
        except ValueError:
            pass  # e.g. month 13: parse_moment gives the message
    moment = parse_moment(saved_at)
    return moment, moment.isoformat(timespec="microseconds")


def parse_export(raw: bytes | str) -> tuple[list[Entry], str | None]:
    """Validate an exported JSON document; return its entries and student name.

    Everything is checked before anything is returned, so :func:`import_json` writes all or
    nothing. Raises :class:`JournalError` (Dutch) for anything that is not a valid export.
    """
    too_big = JournalError("Dit bestand is te groot voor een export van het werkboek.")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raw = bytes(raw)
        if len(raw) > MAX_IMPORT_BYTES:
            raise too_big
        try:
            raw = raw.decode("utf-8-sig")  # a byte order mark (Windows Notepad) is not part of the JSON
        except UnicodeDecodeError:
            raise JournalError("Dit bestand is geen tekst (UTF-8); kies het .json-bestand van je export.") from None
    raw = raw.lstrip("\ufeff")
    if len(raw) > MAX_IMPORT_BYTES:
        raise too_big
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        raise JournalError("Dit bestand is geen geldig JSON-bestand; kies het .json-bestand van je export.") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA_NAME:
        raise JournalError("Dit JSON-bestand is geen export van het Wakker werkboek.")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalError("Deze export heeft geen geldig versienummer.")
    if version > SCHEMA_VERSION:
        raise JournalError("Deze export is gemaakt met een nieuwere versie van het werkboek; werk het werkboek eerst bij.")
    items = doc.get("entries")
    if not isinstance(items, list):
        raise JournalError("Deze export bevat geen lijst met antwoorden.")
    student = doc.get("student")
    if student is not None and not isinstance(student, str):
        student = None
    if student is not None:
        if not _valid_text(student):
            raise JournalError("De naam in deze export bevat ongeldige tekens; er is niets ingelezen.")
        student = student.strip()[:MAX_STUDENT]
    ok_ids: set[str] = set()  # ids already checked in this file (notebook and kind repeat in every entry)
    entries = [_entry(n, item, ok_ids) for n, item in enumerate(items, 1)]
    return entries, student or None


def _entry(n: int, item: Any, ok_ids: set[str] | None = None) -> Entry:
    """One validated entry of an export (``n`` counts from 1, for the message).

    ``ok_ids`` (ids that passed :func:`check_id` before, in this file) only saves checking the same id twice."""
    where = f"Antwoord {n} in deze export"
    if not isinstance(item, dict):
        raise JournalError(f"{where} is onleesbaar.")
    ok = ok_ids if ok_ids is not None else set()
    try:
        for key, what in (("notebook", "notebook-naam"), ("question", "vraag-naam"), ("kind", "soort antwoord")):
            value = item.get(key)
            if not (type(value) is str and value in ok):
                check_id(value, what)
                if type(value) is str:
                    ok.add(value)
    except JournalError as exc:
        raise JournalError(f"{where}: {exc}") from None
    prompt, saved_at = item.get("prompt", ""), item.get("saved_at")
    if not isinstance(prompt, str) or not isinstance(saved_at, str):
        raise JournalError(f"{where} mist een vraagtekst of tijdstip.")
    size = _utf8_size(prompt)
    if size is None:
        raise JournalError(f"De vraagtekst van antwoord {n} in deze export bevat ongeldige tekens.")
    if size > MAX_VALUE_BYTES:
        raise JournalError(f"De vraagtekst van antwoord {n} in deze export is te lang.")
    try:
        moment, normalised = _moment(saved_at)
    except JournalError:
        raise JournalError(f"{where} heeft een ongeldig tijdstip.") from None
    if not MOMENT_RANGE[0] <= moment < MOMENT_RANGE[1]:
        raise JournalError(f"{where} heeft een onmogelijk tijdstip ({saved_at[:40]}).")
    if "value" not in item:
        raise JournalError(f"{where} heeft geen antwoord.")
    value = item["value"]
    if _depth(value) > MAX_DEPTH:
        raise JournalError(f"{where} is te diep genest om te lezen.")
    try:
        encoded = _ENCODER.encode(value)
    except (ValueError, TypeError, RecursionError):
        raise JournalError(f"{where} is onleesbaar.") from None
    size = _utf8_size(encoded)
    if size is None:
        raise JournalError(f"{where} bevat ongeldige tekens.")
    if size > MAX_VALUE_BYTES:
        raise JournalError(f"{where} is te lang.")
    return Entry(item["notebook"], item["question"], item["kind"], prompt, value, normalised)


def import_json(journal: Journal, raw: bytes | str) -> tuple[int, int]:
    """Merge an export into the journal; return (new versions added, versions already present).

    All or nothing: the whole file is validated (:func:`parse_export`) before anything is written.
    """
    entries, student = parse_export(raw)
    added = journal.add_entries(entries)
    if student and not journal.student():
        journal.set_student(student)
    return added, len(entries) - added


def read_export_file(path: Path | str) -> tuple[list[Entry], str | None]:
    """Read one exported JSON file from disk: its entries and the student's name (None if none).

    The one reader of export files besides :func:`import_json` (a teacher's class tournament uses
    it). Raises only :class:`JournalError`, with a Dutch reason, for a file that cannot be read
    or is not a valid export; never any other exception for bad input.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise JournalError("Dit bestand is te groot voor een export van het werkboek.")
        raw = path.read_bytes()
    except OSError as exc:
        raise JournalError(f"Het bestand {path.name} kon niet gelezen worden ({os_reason(exc)}).") from None
    return parse_export(raw)


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in plain Dutch (never the system's English text)."""
    import errno

    no = getattr(exc, "errno", None)
    if no in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "de schijf is vol"
    if no in (errno.EACCES, errno.EPERM):
        return "je hebt er geen toegang toe"
    if no == errno.EROFS:
        return "de schijf of map is alleen-lezen"
    if no == errno.ENOENT:
        return "het bestand of de map bestaat niet"
    if no == errno.EISDIR:
        return "dat is een map, geen bestand"
    if no == errno.ENOTDIR:
        return "een deel van het pad is geen map"
    if no == errno.ENAMETOOLONG:
        return "de naam is te lang"
    return "de schijf gaf een fout"
