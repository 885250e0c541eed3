"""Reading the workbook's data files: one YAML reader and one error type for every part.

Every problem raises :class:`ContentError` with a Dutch message that names the file and the
id, so an author who edits ``data/`` sees at once what to fix. Nothing here reads at import.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ContentError(ValueError):
    """A data file is missing, malformed or inconsistent (message in Dutch)."""


@lru_cache(maxsize=1)
def checkout_root() -> Path | None:
    """The repository this package runs from, or None for an installed copy.

    True for an editable install or ``PYTHONPATH=lib`` (`make lab`, Binder, the tests): this file is
    ``<root>/lib/wakker/core/data.py`` and ``<root>/data/`` exists. A wheel installed into
    ``site-packages`` never has a ``lib`` folder two levels above the package. Asked once per process
    (the package does not move while it runs; notebook 07 asked 89 times, 14 ms).
    """
    root = Path(__file__).resolve().parents[3]
    if Path(__file__).resolve().parents[2].name == "lib" and (root / "data").is_dir():
        return root
    return None


def data_dir() -> Path:
    """The folder with the workbook's content (sources, excerpts, glossary, map, lesson data).

    The rule, first match wins:

    1. ``WAKKER_DATA``, when set (tests, a teacher's own copy of the content);
    2. the repository's ``data/`` when the package runs from a checkout (:func:`checkout_root`:
       editable install, ``PYTHONPATH=lib``), so that an author always sees the data they edit;
    3. ``wakker/_data`` inside the installed package (``importlib.resources``): ``pip install .``,
       a wheel and ``pip install git+<url>`` ship a copy of ``data/`` there (``setup.py``'s build step).

    With none of them the checkout's ``data/`` path is returned, and loading it raises the Dutch
    ContentError "De map met gegevens is niet gevonden".
    """
    override = os.environ.get("WAKKER_DATA")
    if override:
        return Path(override)
    root = checkout_root()
    if root is not None:
        return root / "data"
    from importlib.resources import files

    packaged = files("wakker") / "_data"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"


def lesson_dir(lesson: str, root: Path | str | None = None) -> Path:
    """The data folder of one lesson: ``data/lessons/<lesson>/``."""
    return (Path(root) if root is not None else data_dir()) / "lessons" / lesson


def read_yaml(path: Path | str) -> Any:
    """Parse one YAML file; a missing, non-UTF-8 or malformed file raises ContentError."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"Bestand ontbreekt: {path.name}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: geen geldige UTF-8-tekst ({exc.reason}).") from None
    try:
        # libyaml's safe loader when PyYAML has it: the same documents, about eight times faster (the
        # first cell of every notebook reads eight YAML files)
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise ContentError(f"{path.name}: geen geldige YAML{where}.") from None


def need(entry: Any, fields: dict, where: str) -> None:
    """Check that ``entry`` is a mapping with a non-empty value of the right type for each field."""
    if not isinstance(entry, dict):
        raise ContentError(f"{where}: elk item moet een lijst van velden zijn (sleutel: waarde).")
    for name, kind in fields.items():
        value = entry.get(name)
        if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            label = entry.get("id", "?")
            raise ContentError(f"{where}, id '{label}': veld '{name}' ontbreekt of is leeg of van het verkeerde type.")


def text_field(entry: Any, name: str, where: str, label: str) -> str:
    """One required text field, whitespace folded to single spaces."""
    value = entry.get(name) if isinstance(entry, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}, id '{label}': veld '{name}' ontbreekt of is leeg.")
    return " ".join(value.split())


def check_data_id(value: str, where: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ContentError(f"{where}: id '{value}' mag alleen kleine letters, cijfers, '-' en '_' bevatten.")


def as_list(doc: Any, where: str, key: str | None = None) -> list:
    """A YAML document that must be a list (or a mapping holding that list under ``key``)."""
    if doc is None:
        return []
    if key and isinstance(doc, dict) and isinstance(doc.get(key), list):
        doc = doc[key]
    if not isinstance(doc, list):
        raise ContentError(f"{where}: verwacht een lijst van items.")
    return doc
