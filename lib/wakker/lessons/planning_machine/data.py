"""The lesson's content files in ``data/lessons/planning_machine/``: loaded, validated, cached.

Nothing is read at import. ``load_*(root)`` reads and checks one file (``root`` = another data
folder, for tests); ``sorting()``, ``param_words()``, ``roles()`` and ``timeline()`` are the
cached versions the widgets use. Every problem is a :class:`ContentError` with a Dutch message
that names the file and the id.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...core.data import ContentError, lesson_dir, read_yaml, text_field
from ...models import planning_machine as pl
from ...ui.controls import ParamWords

LESSON = "planning_machine"
ORDER_NUMBERS = (1, 2, 3, 4)


def _file(name: str, root: Path | None) -> tuple[object, str]:
    return read_yaml(lesson_dir(LESSON, root) / name), f"lessons/{LESSON}/{name}"


def _label(entry: object) -> str:
    return str(entry.get("id", "?")) if isinstance(entry, dict) else "?"


# ---------------------------------------------------------------- the orders and the sorting game
@dataclass(frozen=True)
class OrderInfo:
    order: int
    name: str
    short: str
    description: str

    @property
    def title(self) -> str:
        return f"{self.name}: {self.short}"


@dataclass(frozen=True)
class Activity:
    """One activity of the sorting game. ``accepted`` holds every order that counts as right: one
    for most activities, two for an ambiguous one (``ambiguous: [4, 1]`` in the data; ``order`` is
    then the first of the two)."""

    id: str
    text: str
    order: int
    feedback: str
    accepted: tuple[int, ...] = ()

    def __post_init__(self):
        if not self.accepted:
            object.__setattr__(self, "accepted", (self.order,))

    @property
    def ambiguous(self) -> bool:
        return len(self.accepted) > 1


@dataclass(frozen=True)
class SortingData:
    orders: dict[int, OrderInfo]
    activities: tuple[Activity, ...]


def load_sorting(root: Path | None = None) -> SortingData:
    """The four orders and the activities of the sorting game (``orders_sorting.yaml``)."""
    doc, where = _file("orders_sorting.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("orders"), dict) or not isinstance(doc.get("activities"), list):
        raise ContentError(f"{where}: verwacht de onderdelen 'orders' en 'activities'.")
    orders = {}
    for key, entry in doc["orders"].items():
        if key not in ORDER_NUMBERS:
            raise ContentError(f"{where}: orde '{key}' bestaat niet (kies 1, 2, 3 of 4).")
        orders[key] = OrderInfo(key, *(text_field(entry, f, where, str(key)) for f in ("name", "short", "description")))
    if set(orders) != set(ORDER_NUMBERS):
        raise ContentError(f"{where}: 'orders' moet precies de ordes 1, 2, 3 en 4 beschrijven.")
    acts, seen = [], set()
    for entry in doc["activities"]:
        aid = text_field(entry, "id", where, _label(entry))
        if aid in seen:
            raise ContentError(f"{where}: id '{aid}' komt twee keer voor.")
        seen.add(aid)
        if "ambiguous" in entry:
            two = entry["ambiguous"]
            if ("order" in entry or not isinstance(two, list) or len(two) != 2 or len(set(two)) != 2
                    or any(o not in ORDER_NUMBERS or isinstance(o, bool) for o in two)):
                raise ContentError(f"{where}, id '{aid}': 'ambiguous' moet twee verschillende ordes noemen "
                                   f"(bijvoorbeeld [4, 1]), zonder 'order' ernaast.")
            accepted = tuple(two)
        else:
            order = entry.get("order")
            if order not in ORDER_NUMBERS or isinstance(order, bool):
                raise ContentError(f"{where}, id '{aid}': 'order' moet 1, 2, 3 of 4 zijn.")
            accepted = (order,)
        acts.append(Activity(aid, text_field(entry, "text", where, aid), accepted[0],
                             text_field(entry, "feedback", where, aid), accepted))
    missing = set(ORDER_NUMBERS) - {a.order for a in acts if not a.ambiguous}
    if missing:
        raise ContentError(f"{where}: geen enkele activiteit van orde {', '.join(map(str, sorted(missing)))}.")
    return SortingData(orders=orders, activities=tuple(acts))


# ---------------------------------------------------------------- the words of every model parameter
def load_param_words(root: Path | None = None) -> dict[str, ParamWords]:
    """Dutch label, unit and explanation per planning parameter (keys = ``parameter_specs()``)."""
    doc, where = _file("planning_params.yaml", root)
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht per parameter een label, eenheid en uitleg.")
    specs = pl.parameter_specs()
    missing = [k for k in specs if k not in doc]
    extra = [k for k in doc if k not in specs]
    if missing:
        raise ContentError(f"{where}: uitleg ontbreekt voor {', '.join(missing)}.")
    if extra:
        raise ContentError(f"{where}: onbekende parameter(s) {', '.join(map(str, extra))}.")
    return {k: ParamWords(*(text_field(doc[k], f, where, k) for f in ("label", "unit", "explanation")))
            for k in specs}


# ---------------------------------------------------------------- roles of government
@dataclass(frozen=True)
class Role:
    id: str
    name: str
    explanation: str


@dataclass(frozen=True)
class RoleCase:
    id: str
    text: str
    best: str
    feedback: dict[str, str]


def load_roles(root: Path | None = None) -> tuple[tuple[Role, ...], tuple[RoleCase, ...]]:
    """The five roles of government (Voorwoord) and the cases (``government_roles.yaml``)."""
    doc, where = _file("government_roles.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("roles"), list) or not isinstance(doc.get("cases"), list):
        raise ContentError(f"{where}: verwacht de onderdelen 'roles' en 'cases'.")
    roles = tuple(Role(*(text_field(entry, f, where, _label(entry)) for f in ("id", "name", "explanation")))
                  for entry in doc["roles"])
    ids = [r.id for r in roles]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{where}: een rol-id komt twee keer voor.")
    cases, seen = [], set()
    for entry in doc["cases"]:
        cid = text_field(entry, "id", where, _label(entry))
        if cid in seen:
            raise ContentError(f"{where}: id '{cid}' komt twee keer voor.")
        seen.add(cid)
        best = text_field(entry, "best", where, cid)
        if best not in ids:
            raise ContentError(f"{where}, id '{cid}': 'best' is geen bekende rol.")
        fb = entry.get("feedback")
        if not isinstance(fb, dict) or set(fb) != set(ids):
            raise ContentError(f"{where}, id '{cid}': geef bij elke rol feedback ({', '.join(ids)}).")
        cases.append(RoleCase(cid, text_field(entry, "text", where, cid), best,
                              {r: text_field(fb, r, where, f"{cid}/{r}") for r in ids}))
    return roles, tuple(cases)


# ---------------------------------------------------------------- the co-operative timeline
def load_timeline(root: Path | None = None) -> tuple[dict[str, str], ...]:
    """The co-operative, old and new (chapter 39 and the Inleiding): ``when``, ``what``, ``where``, ``note``."""
    doc, where = _file("cooperative_timeline.yaml", root)
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list) or not doc["events"]:
        raise ContentError(f"{where}: verwacht een lijst 'events'.")
    out = []
    for i, entry in enumerate(doc["events"], 1):
        label = f"gebeurtenis {i}"
        item = {k: text_field(entry, k, where, label) for k in ("when", "what", "where")}
        if isinstance(entry, dict) and entry.get("note"):
            item["note"] = text_field(entry, "note", where, label)
        out.append(item)
    return tuple(out)


# ---------------------------------------------------------------- cached, for the widgets
@lru_cache(maxsize=1)
def sorting() -> SortingData:
    return load_sorting()


@lru_cache(maxsize=1)
def param_words() -> dict[str, ParamWords]:
    return load_param_words()


@lru_cache(maxsize=1)
def roles() -> tuple[tuple[Role, ...], tuple[RoleCase, ...]]:
    return load_roles()


@lru_cache(maxsize=1)
def timeline() -> tuple[dict[str, str], ...]:
    return load_timeline()
