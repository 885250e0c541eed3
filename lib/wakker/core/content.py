"""Content as data: sources, excerpts, glossary and the workbook map.

Everything under ``data/`` is loaded and validated once per process. A problem
raises :class:`ContentError` with a Dutch message that names the file and the id,
so an author who adds or corrects an excerpt sees at once what to fix.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .data import ContentError, as_list, check_data_id, data_dir, need, read_yaml

__all__ = ["ContentError", "Content", "Source", "Excerpt", "Term", "NotebookInfo", "content", "load", "data_dir"]

MAX_EXCERPT_WORDS = 120
SOURCE_KINDS = {"book", "meetup report", "blog", "essay"}
NOTEBOOK_STATUSES = {"klaar", "in voorbereiding"}


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
    #: the text has no title of its own: ``title`` describes it, and is shown as a description (not in italics,
    #: which would make it look like a title to cite)
    untitled: bool = False

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
    speaker: str | None = None  # when a report quotes someone: who said it (e.g. "Judith Harmsen")
    attribution: str | None = None  # a short Dutch note shown with the source, e.g. "uitgelicht citaat zonder spreker"

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
    lesson: str | None = None  # the package in wakker.lessons behind this notebook

    @property
    def ready(self) -> bool:
        return self.status == "klaar"

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


def load_sources(root: Path) -> dict[str, Source]:
    where = "sources.yaml"
    out: dict[str, Source] = {}
    for entry in as_list(read_yaml(root / where), where):
        need(entry, {"id": str, "title": str, "authors": list, "publisher": str, "kind": str, "licence": str}, where)
        check_data_id(entry["id"], where)
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
            untitled=bool(entry.get("untitled", False)),
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
        for entry in as_list(read_yaml(path), where, "excerpts"):
            need(entry, {"id": str, "location": str, "text": str}, where)
            check_data_id(entry["id"], where)
            extra = {}
            for name in ("author", "speaker", "attribution"):
                value = entry.get(name)
                if value is not None and (not isinstance(value, str) or not value.strip()):
                    raise ContentError(f"{where}, id '{entry['id']}': veld '{name}' moet een tekst zijn.")
                extra[name] = " ".join(value.split()) if value else None
            if extra["author"] and extra["speaker"]:
                raise ContentError(f"{where}, id '{entry['id']}': geef 'author' (schreef het) of 'speaker' "
                                   f"(zei het, volgens het verslag), niet allebei.")
            ex = Excerpt(id=entry["id"], source=source, location=entry["location"].strip(),
                         text=" ".join(entry["text"].split()), note=entry.get("note"), **extra)
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
    for entry in as_list(read_yaml(root / where), where):
        need(entry, {"id": str, "term": str, "definition": str}, where)
        check_data_id(entry["id"], where)
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
    for entry in as_list(read_yaml(root / where), where):
        need(entry, {"id": str, "title": str, "status": str}, where)
        if entry["id"] in out:
            raise ContentError(f"{where}: id '{entry['id']}' komt twee keer voor.")
        if entry["status"] not in NOTEBOOK_STATUSES:
            raise ContentError(f"{where}, id '{entry['id']}': status '{entry['status']}' is onbekend "
                               f"(kies uit: {', '.join(sorted(NOTEBOOK_STATUSES))}).")
        if entry.get("source") is not None and entry["source"] not in sources:
            raise ContentError(f"{where}, id '{entry['id']}': onbekende bron '{entry['source']}'.")
        lesson = entry.get("lesson")
        if lesson is not None:
            if not isinstance(lesson, str) or not lesson.isidentifier() or not lesson.islower():
                raise ContentError(f"{where}, id '{entry['id']}': les '{lesson}' moet een naam in kleine letters "
                                   f"met '_' zijn (de map in lib/wakker/lessons/).")
        elif entry["status"] == "klaar":
            raise ContentError(f"{where}, id '{entry['id']}': een notebook dat klaar is, noemt zijn les (veld 'lesson').")
        out[entry["id"]] = NotebookInfo(id=entry["id"], title=entry["title"], source=entry.get("source"),
                                        status=entry["status"], goals=tuple(entry.get("goals") or ()), lesson=lesson)
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
