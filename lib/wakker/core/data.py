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
    """Parse one YAML file; a missing, non-UTF-8 or malformed file raises ContentError.

    A file read before, with exactly the same text, comes from the parse cache (:func:`cache_dir`)
    without importing or running the YAML parser: the first cell of every notebook reads eight YAML
    files, and importing PyYAML and parsing them cost a new process about 30 ms of the 40 it took to load
    the content (measured 3 December; issue 8 item 10)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"Bestand ontbreekt: {path.name}") from None
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: geen geldige UTF-8-tekst ({exc.reason}).") from None
    key = _cache_key(text)
    found = _cache_get(key)
    if found is not _MISSING:
        return found
    import yaml

    try:
        # libyaml's safe loader when PyYAML has it: the same documents, about eight times faster
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise ContentError(f"{path.name}: geen geldige YAML{where}.") from None
    _cache_put(key, doc)
    return doc


# ---------------------------------------------------------------- the parse cache
#: Bump when what is stored changes; part of every key, so old entries are simply not found.
_CACHE_FORMAT = b"wakker-yaml-1\0"
_MISSING = object()
_OFF = ("", "0", "no", "off", "false", "nee")


def cache_dir() -> Path | None:
    """Where parsed YAML is kept between kernels, or None when it is not kept.

    ``WAKKER_CACHE`` when set (``0`` or empty: no cache), else ``$XDG_CACHE_HOME/wakker/yaml`` or
    ``~/.cache/wakker/yaml``. An entry is named by a hash of the file's text (not its name or time): an
    edited file is parsed again, the same text never is. The cache is only ever a shortcut: a folder that
    cannot be made or written, a full disk or a damaged entry means the file is parsed as without it."""
    override = os.environ.get("WAKKER_CACHE")
    if override is not None:
        return None if override.strip().lower() in _OFF else Path(override)
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (RuntimeError, KeyError, OSError):  # no home folder to be found
        return None
    return base / "wakker" / "yaml"


def _cache_key(text: str) -> str:
    import hashlib

    return hashlib.blake2b(_CACHE_FORMAT + text.encode("utf-8"), digest_size=20).hexdigest()


class _PlainUnpickler:
    """Unpickles what a YAML safe loader makes (dicts, lists, text, numbers, dates, sets) and nothing
    else: an entry someone put in the cache folder cannot run code."""

    ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
               ("datetime", "timedelta"), ("datetime", "timezone")}

    @classmethod
    def loads(cls, data: bytes) -> Any:
        import io
        import pickle

        class Restricted(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                if (module, name) not in cls.ALLOWED:
                    raise pickle.UnpicklingError(f"{module}.{name} is not plain YAML data")
                return super().find_class(module, name)

        return Restricted(io.BytesIO(data)).load()


def _cache_get(key: str) -> Any:
    folder = cache_dir()
    if folder is None:
        return _MISSING
    try:
        return _PlainUnpickler.loads((folder / f"{key}.pickle").read_bytes())
    except Exception:  # noqa: BLE001 - not there, unreadable or damaged: parse the file instead
        return _MISSING


def _cache_put(key: str, doc: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    import pickle

    tmp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickle.dumps(doc, protocol=4))
        os.replace(tmp, folder / f"{key}.pickle")  # whole or not at all, also with two kernels at once
    except Exception:  # noqa: BLE001 - read-only, full disk, no such folder: no cache, same result
        try:
            tmp.unlink()
        except OSError:
            pass
        return
    _cache_prune(folder)


#: At most this many parsed files are kept (the workbook has about 25; every edit of one adds an entry).
CACHE_KEEP = 200


def _cache_prune(folder: Path, keep: int = CACHE_KEEP) -> None:
    """Remove all but the ``keep`` most recently written entries (only after a write: a miss is rare)."""
    try:
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
    except OSError:  # another kernel pruned at the same moment, or the folder went away: fine
        pass


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
