"""Content as data: sources, excerpts, glossary and the workbook map.

Everything under ``data/`` is loaded and validated once per process. A problem
raises :class:`ContentError` with a Dutch message that names the file and the id,
so an author who adds or corrects an excerpt sees at once what to fix.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MAX_EXCERPT_WORDS = 120
SOURCE_KINDS = {"book", "meetup report", "blog", "essay"}
NOTEBOOK_STATUSES = {"klaar", "in voorbereiding"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ContentError(ValueError):
    """A data file is missing, malformed or inconsistent (message in Dutch)."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    authors: tuple[str, ...]
    date: str | None
    publisher: str
    kind: str
    licence: str
    url: str | None = None
    year_note: str | None = None

    @property
    def year(self) -> str:
        """The year as shown under a quotation ('z.j.' when the text is undated)."""
        return self.date[:4] if self.date else "z.j."

    @property
    def author_line(self) -> str:
        names = list(self.authors)
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + " & " + names[-1]


@dataclass(frozen=True)
class Excerpt:
    id: str
    source: str
    location: str
    text: str
    note: str | None = None
    author: str | None = None  # when not the source's own authors (e.g. a foreword)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.id}"

    @property
    def words(self) -> int:
        return len(self.text.replace("[…]", " ").split())


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    see: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class NotebookInfo:
    id: str
    title: str
    source: str | None
    status: str
    goals: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        return f"{self.id}.ipynb"


@dataclass(frozen=True)
class Content:
    sources: dict[str, Source]
    excerpts: dict[str, Excerpt]  # key "source:id"
    terms: dict[str, Term]
    notebooks: dict[str, NotebookInfo]
    root: Path = field(compare=False)

    def excerpt(self, key: str) -> Excerpt:
        """Look up an excerpt by ``"source:id"`` (or by a bare id when it is unique)."""
        if key in self.excerpts:
            return self.excerpts[key]
        matches = [e for e in self.excerpts.values() if e.id == key]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ContentError(f"Citaat-id '{key}' komt in meer bronnen voor; schrijf 'bron:id'.")
        raise ContentError(f"Onbekend citaat '{key}'. Kijk in data/excerpts/ welke id's er zijn.")

    def term(self, key: str) -> Term:
        wanted = key.strip().lower().replace(" ", "-")
        if wanted in self.terms:
            return self.terms[wanted]
        for t in self.terms.values():
            if t.term.lower() == key.strip().lower():
                return t
        raise ContentError(f"Onbekend begrip '{key}'. Kijk in data/glossary.yaml welke begrippen er zijn.")

    def notebook(self, key: str) -> NotebookInfo:
        if key in self.notebooks:
            return self.notebooks[key]
        raise ContentError(f"Onbekend notebook '{key}'. Kijk in data/notebooks.yaml welke er zijn.")


def data_dir() -> Path:
    """The folder with the workbook's data (``WAKKER_DATA`` overrides the repository's ``data/``)."""
    override = os.environ.get("WAKKER_DATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "data"


def _read_yaml(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"Bestand ontbreekt: {path.name}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: geen geldige UTF-8-tekst ({exc.reason}).") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise ContentError(f"{path.name}: geen geldige YAML{where}.") from None


def _need(entry, fields: dict, where: str) -> None:
    if not isinstance(entry, dict):
        raise ContentError(f"{where}: elk item moet een lijst van velden zijn (sleutel: waarde).")
    for name, kind in fields.items():
        value = entry.get(name)
        if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            label = entry.get("id", "?")
            raise ContentError(f"{where}, id '{label}': veld '{name}' ontbreekt of is leeg of van het verkeerde type.")


def _check_id(value: str, where: str) -> None:
    if not ID_PATTERN.match(value):
        raise ContentError(f"{where}: id '{value}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")


def _as_list(doc, where: str) -> list:
    if doc is None:
        return []
    if isinstance(doc, dict) and isinstance(doc.get("excerpts"), list):
        doc = doc["excerpts"]
    if not isinstance(doc, list):
        raise ContentError(f"{where}: verwacht een lijst van items.")
    return doc


def load_sources(root: Path) -> dict[str, Source]:
    where = "sources.yaml"
    out: dict[str, Source] = {}
    for entry in _as_list(_read_yaml(root / where), where):
        _need(entry, {"id": str, "title": str, "authors": list, "publisher": str, "kind": str, "licence": str}, where)
        _check_id(entry["id"], where)
        if entry["id"] in out:
            raise ContentError(f"{where}: id '{entry['id']}' komt twee keer voor.")
        if entry["kind"] not in SOURCE_KINDS:
            raise ContentError(f"{where}, id '{entry['id']}': soort '{entry['kind']}' is onbekend "
                               f"(kies uit: {', '.join(sorted(SOURCE_KINDS))}).")
        date = entry.get("date")
        out[entry["id"]] = Source(
            id=entry["id"], title=entry["title"].strip(), authors=tuple(entry["authors"]),
            date=None if date is None else str(date), publisher=entry["publisher"], kind=entry["kind"],
            licence=entry["licence"], url=entry.get("url"), year_note=entry.get("year_note"),
        )
    if not out:
        raise ContentError(f"{where}: er staat geen enkele bron in.")
    return out


def load_excerpts(root: Path, sources: dict[str, Source]) -> dict[str, Excerpt]:
    folder = root / "excerpts"
    out: dict[str, Excerpt] = {}
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in files:
        source = path.stem
        where = f"excerpts/{path.name}"
        if source not in sources:
            raise ContentError(f"{where}: onbekende bron '{source}' (de bestandsnaam moet een id uit sources.yaml zijn).")
        for entry in _as_list(_read_yaml(path), where):
            _need(entry, {"id": str, "location": str, "text": str}, where)
            _check_id(entry["id"], where)
            author = entry.get("author")
            if author is not None and (not isinstance(author, str) or not author.strip()):
                raise ContentError(f"{where}, id '{entry['id']}': veld 'author' moet een naam zijn.")
            ex = Excerpt(id=entry["id"], source=source, location=entry["location"].strip(),
                         text=" ".join(entry["text"].split()), note=entry.get("note"),
                         author=author.strip() if author else None)
            if ex.key in out:
                raise ContentError(f"{where}: id '{ex.id}' komt twee keer voor.")
            if ex.words > MAX_EXCERPT_WORDS:
                raise ContentError(f"{where}, id '{ex.id}': citaat is {ex.words} woorden; "
                                   f"houd het kort (hoogstens {MAX_EXCERPT_WORDS}).")
            out[ex.key] = ex
    return out


def load_terms(root: Path, sources: dict[str, Source]) -> dict[str, Term]:
    where = "glossary.yaml"
    out: dict[str, Term] = {}
    for entry in _as_list(_read_yaml(root / where), where):
        _need(entry, {"id": str, "term": str, "definition": str}, where)
        _check_id(entry["id"], where)
        if entry["id"] in out:
            raise ContentError(f"{where}: id '{entry['id']}' komt twee keer voor.")
        for src in entry.get("sources") or []:
            if src not in sources:
                raise ContentError(f"{where}, id '{entry['id']}': onbekende bron '{src}'.")
        out[entry["id"]] = Term(id=entry["id"], term=entry["term"], definition=" ".join(entry["definition"].split()),
                                see=tuple(entry.get("see") or ()), sources=tuple(entry.get("sources") or ()))
    for t in out.values():
        for other in t.see:
            if other not in out:
                raise ContentError(f"{where}, id '{t.id}': verwijst naar onbekend begrip '{other}'.")
    return out


def load_notebooks(root: Path, sources: dict[str, Source]) -> dict[str, NotebookInfo]:
    where = "notebooks.yaml"
    out: dict[str, NotebookInfo] = {}
    for entry in _as_list(_read_yaml(root / where), where):
        _need(entry, {"id": str, "title": str, "status": str}, where)
        if entry["id"] in out:
            raise ContentError(f"{where}: id '{entry['id']}' komt twee keer voor.")
        if entry["status"] not in NOTEBOOK_STATUSES:
            raise ContentError(f"{where}, id '{entry['id']}': status '{entry['status']}' is onbekend "
                               f"(kies uit: {', '.join(sorted(NOTEBOOK_STATUSES))}).")
        if entry.get("source") is not None and entry["source"] not in sources:
            raise ContentError(f"{where}, id '{entry['id']}': onbekende bron '{entry['source']}'.")
        out[entry["id"]] = NotebookInfo(id=entry["id"], title=entry["title"], source=entry.get("source"),
                                        status=entry["status"], goals=tuple(entry.get("goals") or ()))
    return out


def load(root: Path | str | None = None) -> Content:
    """Load and validate all content from ``root`` (default: :func:`data_dir`)."""
    root = Path(root) if root is not None else data_dir()
    if not root.is_dir():
        raise ContentError(f"De map met gegevens is niet gevonden: {root}")
    sources = load_sources(root)
    return Content(sources=sources, excerpts=load_excerpts(root, sources), terms=load_terms(root, sources),
                   notebooks=load_notebooks(root, sources), root=root)


@lru_cache(maxsize=1)
def content() -> Content:
    """The workbook's content, loaded once per process."""
    return load()
