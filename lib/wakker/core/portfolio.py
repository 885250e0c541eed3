"""Export the journal as a portfolio (Markdown, HTML) and as JSON; import JSON back.

The JSON file is the one format meant to be read back: by the student in a fresh
environment (Binder forgets everything after a session) and by the teacher (class
tournament, overview). It holds every version, so an import merges without
duplicates and loses nothing.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from .journal import MAX_VALUE_BYTES, SCHEMA_VERSION, Entry, Journal, JournalError, check_id

SCHEMA_NAME = "wakker-journal"
MAX_IMPORT_BYTES = 50_000_000
KINDS_SHOWN_AS_TEXT = {"text"}


def safe_filename(name: str, fallback: str = "student") -> str:
    """A file-name-safe version of a student's name (ASCII letters, digits, '-' and '_')."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60]
    return text or fallback


def _notebook_titles() -> dict[str, str]:
    try:
        from .content import content

        return {k: v.title for k, v in content().notebooks.items()}
    except Exception:  # an export must work even when the content cannot be read
        return {}


def describe(value: Any) -> str:
    """A readable rendering of any answer value (text stays as it is)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, list):
        return ", ".join(describe(v) for v in value)
    if isinstance(value, dict):
        if "label" in value:
            return describe(value["label"])
        return "; ".join(f"{k}: {describe(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _when(entry: Entry) -> str:
    return entry.local_time.strftime("%d-%m-%Y %H:%M")


def to_json(journal: Journal, student: str | None = None) -> dict:
    return {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "student": (student if student is not None else journal.student()) or None,
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "entries": [e.as_dict() for e in journal.entries()],
    }


def to_markdown(journal: Journal, student: str | None = None) -> str:
    student = (student if student is not None else journal.student()) or ""
    titles = _notebook_titles()
    lines = ["# Portfolio Wakker werkboek", ""]
    if student:
        lines += [f"Student: {_md_escape(student)}", ""]
    lines += [f"Geëxporteerd op {datetime.now().strftime('%d-%m-%Y %H:%M')}.", ""]
    current = None
    for e in journal.current():
        if e.notebook != current:
            current = e.notebook
            lines += [f"## {_md_escape(titles.get(e.notebook, e.notebook))} ({e.notebook})", ""]
        lines += [f"### {_md_escape(e.prompt or e.question)}", ""]
        answer = describe(e.value)
        lines += [("> " + _md_escape(line)) if line else ">" for line in answer.splitlines() or [""]]
        lines += ["", f"*Opgeslagen op {_when(e)}*", ""]
    if current is None:
        lines += ["Er zijn nog geen antwoorden opgeslagen.", ""]
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    """Escape Markdown and raw HTML so that what a student typed shows as typed."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", text)


def to_html(journal: Journal, student: str | None = None) -> str:
    student = (student if student is not None else journal.student()) or ""
    titles = _notebook_titles()
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             "<title>Portfolio Wakker werkboek</title>",
             "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.5}"
             "blockquote{white-space:pre-wrap;border-left:4px solid #e09f3e;margin:0;padding:.3rem 1rem;"
             "background:#fdf6ec}.tijd{color:#666;font-size:.85rem}</style></head><body>",
             "<h1>Portfolio Wakker werkboek</h1>"]
    if student:
        parts.append(f"<p>Student: {esc(student)}</p>")
    parts.append(f"<p>Geëxporteerd op {datetime.now().strftime('%d-%m-%Y %H:%M')}.</p>")
    current = None
    entries = journal.current()
    for e in entries:
        if e.notebook != current:
            current = e.notebook
            parts.append(f"<h2>{esc(titles.get(e.notebook, e.notebook))} ({esc(e.notebook)})</h2>")
        parts.append(f"<h3>{esc(e.prompt or e.question)}</h3>")
        parts.append(f"<blockquote>{esc(describe(e.value))}</blockquote>")
        parts.append(f'<p class="tijd">Opgeslagen op {_when(e)}</p>')
    if not entries:
        parts.append("<p>Er zijn nog geen antwoorden opgeslagen.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def export_files(journal: Journal, folder: Path | str, student: str | None = None) -> dict[str, Path]:
    """Write the portfolio as .md, .html and .json into ``folder``; return the paths by format."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if student is not None:
        journal.set_student(student)
    name = safe_filename(student if student is not None else journal.student())
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    paths = {fmt: folder / f"wakker-portfolio-{name}-{stamp}.{fmt}" for fmt in ("md", "html", "json")}
    paths["md"].write_text(to_markdown(journal, student), encoding="utf-8")
    paths["html"].write_text(to_html(journal, student), encoding="utf-8")
    paths["json"].write_text(json.dumps(to_json(journal, student), ensure_ascii=False, indent=1), encoding="utf-8")
    return paths


def parse_export(raw: bytes | str) -> tuple[list[Entry], str | None]:
    """Validate an exported JSON document; return its entries and student name.

    Raises :class:`JournalError` (Dutch) for anything that is not a valid export.
    """
    if isinstance(raw, bytes):
        if len(raw) > MAX_IMPORT_BYTES:
            raise JournalError("Dit bestand is te groot voor een export van het werkboek.")
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise JournalError("Dit bestand is geen tekst (UTF-8); kies het .json-bestand van je export.") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise JournalError("Dit bestand is te groot voor een export van het werkboek.")
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
    entries = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise JournalError(f"Antwoord {n} in deze export is onleesbaar.")
        try:
            check_id(item.get("notebook"), "notebook-naam")
            check_id(item.get("question"), "vraag-naam")
            check_id(item.get("kind"), "soort antwoord")
        except JournalError as exc:
            raise JournalError(f"Antwoord {n} in deze export: {exc}") from None
        prompt, saved_at = item.get("prompt", ""), item.get("saved_at")
        if not isinstance(prompt, str) or not isinstance(saved_at, str):
            raise JournalError(f"Antwoord {n} in deze export mist een vraagtekst of tijdstip.")
        try:
            datetime.fromisoformat(saved_at.replace("Z", "+00:00"))
        except ValueError:
            raise JournalError(f"Antwoord {n} in deze export heeft een ongeldig tijdstip.") from None
        if "value" not in item:
            raise JournalError(f"Antwoord {n} in deze export heeft geen antwoord.")
        try:
            size = len(json.dumps(item["value"], ensure_ascii=False, allow_nan=False).encode("utf-8"))
        except (ValueError, RecursionError):
            raise JournalError(f"Antwoord {n} in deze export is onleesbaar.") from None
        if size > MAX_VALUE_BYTES:
            raise JournalError(f"Antwoord {n} in deze export is te lang.")
        entries.append(Entry(item["notebook"], item["question"], item["kind"], prompt[:5000], item["value"], saved_at))
    student = doc.get("student")
    return entries, student if isinstance(student, str) else None


def import_json(journal: Journal, raw: bytes | str) -> tuple[int, int]:
    """Merge an export into the journal; return (new versions added, versions already present).

    All or nothing: a file with any invalid part adds nothing.
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
        raise JournalError(f"Het bestand {path.name} kon niet gelezen worden ({exc.strerror or exc}).") from None
    return parse_export(raw)
