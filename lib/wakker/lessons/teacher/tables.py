"""The class overview per notebook, computed from the collected exports only (pure pandas, no widgets).

Everything is derived from what the journal stores with each answer: notebook, question id,
kind, prompt and value. Nothing reads a lesson's notebook or widgets, so a new lesson's
questions appear without new code:

* ``choice`` values (``{"selected": [option ids], "label": …}``) are counted by **stable option
  id**; the option's text comes from the saved label (for several options the label is the texts
  joined by ``"; "``, matched one to one with the ids), so a reordered question still counts right;
* ``scale`` values (``{"value", "low", "high", "low_label", "high_label"}``) are counted per point;
* ``text`` answers are listed per question;
* the sorting game of 04 (``sorting``: ``answers`` = activity id → order) gives the disagreement
  per activity, the week of 04 (``week``: ``nu`` and ``gewenst``, four percentages) the averages;
* ``strategy`` (07) gives the table of designed strategies (the tournament is in :mod:`.widgets`);
* any other kind whose value is an object (a self-scan, a division of tasks): every number in it
  (one or two levels deep) is averaged per part, and every short text in it is counted per part.
  A part is named by the value's own ``labels`` (part id -> its words, as 05's division of tasks saves
  them) where it has one, else by its keys. Values a lesson keeps that are not answers (``NOT_ANSWERS``)
  are left out.

Numbers are computed on the current answer of each student (the newest version).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from ...core.portfolio import describe, has_answer, is_answer, question_positions
from .exports import Collection, cycle_collector_paused
from . import texts as T

SKIP_KEYS = {"label", "labels", "text", "name", "ingevuld", "checked"}
MAX_CATEGORY_CHARS = 80


@dataclass
class Question:
    notebook: str
    id: str
    kind: str
    prompt: str
    answers: list[tuple[str, Any]] = field(default_factory=list)  # (student label, value)


@dataclass
class NotebookOverview:
    """All tables of one notebook (Dutch column names; empty DataFrames when there is nothing)."""

    notebook: str
    students: int
    questions: list[Question]
    answered: pd.DataFrame
    choices: pd.DataFrame
    numbers: pd.DataFrame
    categories: pd.DataFrame
    sorting: pd.DataFrame
    week: pd.DataFrame
    strategies: pd.DataFrame
    open: dict[str, pd.DataFrame]  # question id -> (student, answer)
    distributions: dict[str, pd.DataFrame]  # question id -> (antwoord, aantal) for a chart

    def tables(self) -> list[tuple[str, str, pd.DataFrame]]:
        """(title, file stem, table) for every table that has rows, in the order shown."""
        out = [(T.ANSWERED_HEAD, "beantwoord", self.answered), (T.CHOICE_HEAD, "keuzes", self.choices),
               (T.SORTING_HEAD, "sorteerspel", self.sorting), (T.WEEK_HEAD, "mijn-week", self.week),
               (T.NUMBERS_HEAD, "gemiddelden", self.numbers), (T.CATEGORIES_HEAD, "keuzes-in-opdrachten",
                                                               self.categories),
               (T.STRATEGY_HEAD, "strategieen", self.strategies)]
        return [(t, f, df) for t, f, df in out if len(df)]


# ---------------------------------------------------------------- gathering
def notebooks_in(col: Collection) -> list[str]:
    """The notebooks that have answers in the collection, in the order of the workbook's map."""
    from ...core.content import content

    seen = set(col.by_notebook())
    try:
        order = list(content().notebooks)
    except Exception:  # noqa: BLE001
        order = []
    return [nb for nb in order if nb in seen] + sorted(seen - set(order))


@lru_cache(maxsize=256)
def _is_answer_kind(notebook: str, kind: str) -> bool:
    from ...core.journal import Entry

    return is_answer(Entry(notebook, "x", kind, "", None, "2000-01-01T00:00:00+00:00"))


def questions(col: Collection, notebook: str) -> list[Question]:
    """The questions of ``notebook`` with every student's current answer, in the notebook's order."""
    found: dict[str, Question] = {}
    first: dict[str, int] = {}
    for st, e in col.by_notebook().get(notebook, ()):
        nb, qid = e.notebook, e.question
        if not _is_answer_kind(nb, e.kind):
            continue
        q = found.get(qid)
        if q is None:
            q = found[qid] = Question(nb, qid, e.kind, e.prompt or qid)
            first[qid] = len(first)
        value = e.value
        if e.kind == "text" and isinstance(value, str):
            if not value.strip():
                continue
            value = col.scrub(value)
        q.answers.append((st.label, value))
    positions = question_positions(notebook)
    big = (10 ** 6, 0)
    return sorted(found.values(), key=lambda q: (positions.get(q.id, big), first[q.id]))


# ---------------------------------------------------------------- per kind
def _percent(n: int, total: int) -> float:
    return round(100 * n / total, 1) if total else 0.0


def _choice_rows(q: Question) -> list[dict]:
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    order: list[str] = []
    for _who, v in q.answers:
        if not isinstance(v, dict) or not isinstance(v.get("selected"), list):
            continue
        ids = [s for s in v["selected"] if isinstance(s, (str, int)) and not isinstance(s, bool)]
        label = v.get("label") if isinstance(v.get("label"), str) else ""
        parts = [label] if len(ids) == 1 else label.split("; ")
        for i, oid in enumerate(ids):
            key = str(oid)
            if key not in counts:
                order.append(key)
                counts[key] = 0
            counts[key] += 1
            if len(parts) == len(ids) and parts[i] and not isinstance(oid, int):
                texts.setdefault(key, parts[i])
    n = len(q.answers)
    return [{"id": k, "antwoord": texts.get(k, k), "aantal": counts[k], "procent": _percent(counts[k], n)}
            for k in sorted(order, key=lambda k: -counts[k])]


def _scale_rows(q: Question) -> tuple[list[dict], float | None]:
    from ...core.portfolio import scale_value

    points, lows, highs, labels = [], [], [], {}
    for _who, v in q.answers:
        p = scale_value(v)
        if p is None:
            continue
        points.append(p)
        if isinstance(v, dict):
            if isinstance(v.get("low"), int) and isinstance(v.get("high"), int):
                lows.append(v["low"])
                highs.append(v["high"])
            for end in ("low", "high"):
                if isinstance(v.get(f"{end}_label"), str) and v[f"{end}_label"].strip() and isinstance(v.get(end), int):
                    labels.setdefault(v[end], v[f"{end}_label"].strip())
    if not points:
        return [], None
    lo = min(lows + points) if lows else min(points)
    hi = max(highs + points) if highs else max(points)
    n = len(q.answers)
    rows = []
    for p in range(lo, hi + 1):
        c = points.count(p)
        text = T.SCALE_END.format(point=p, label=labels[p]) if p in labels else T.SCALE_ANSWER.format(point=p)
        rows.append({"id": str(p), "antwoord": text, "aantal": c, "procent": _percent(c, n)})
    return rows, sum(points) / len(points)


def _leaves(value: Any, path: tuple = (), depth: int = 0):
    """(path, leaf) for the numbers and short texts in an object, at most two levels deep."""
    if depth > 2:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(k, str) and k not in SKIP_KEYS:
                yield from _leaves(v, path + (k,), depth + 1)
    elif isinstance(value, list) and depth > 0 and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                      for x in value) and len(value) <= 12:
        for i, x in enumerate(value, 1):
            yield path + (str(i),), x
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and depth > 0:
        yield path, value
    elif isinstance(value, str) and depth > 0 and 0 < len(value) <= MAX_CATEGORY_CHARS:
        yield path, value


def _merged_order(sequences: list[list[str]]) -> dict[str, int]:
    """A rank per key, from the answers' own key orders (05's "labels" follow its tasks; a student who skipped a
    task leaves it out). The longest sequence goes first; a key seen later goes right after the key before it in its
    own sequence, else right before the one after it. Without this the overview listed a task in the order students
    first met it: one skipped task moved it down the table (an independent review of 09)."""
    order: list[str] = []
    for seq in sorted(sequences, key=len, reverse=True):
        for i, key in enumerate(seq):
            if key in order:
                continue
            before = next((seq[j] for j in range(i - 1, -1, -1) if seq[j] in order), None)
            if before is not None:
                order.insert(order.index(before) + 1, key)
            else:
                after = next((k for k in seq[i + 1:] if k in order), None)
                order.insert(order.index(after) if after is not None else len(order), key)
    return {k: i for i, k in enumerate(order)}


def _generic_rows(q: Question) -> tuple[list[dict], list[dict]]:
    sums: dict[tuple, list[float]] = {}
    cats: dict[tuple, dict[str, int]] = {}
    names: dict[tuple, str] = {}  # a part's words from the answers' own "labels" (05: "De muziekschool – Het gebouw")
    for _who, v in q.answers:
        labels = v.get("labels") if isinstance(v, dict) and isinstance(v.get("labels"), dict) else {}
        for path, leaf in _leaves(v):
            word = labels.get(path[-1]) if path else None
            if isinstance(word, str) and word.strip():
                names.setdefault(path, " ".join(word.split()))
            if isinstance(leaf, str):
                cats.setdefault(path, {}).setdefault(leaf, 0)
                cats[path][leaf] += 1
            else:
                sums.setdefault(path, []).append(float(leaf))

    def name(p: tuple) -> str:
        return names.get(p) or " · ".join(p)

    # parts in the order of the answers' own labels (a part without a label keeps its place after them) ...
    rank = _merged_order([list(v["labels"]) for _who, v in q.answers
                          if isinstance(v, dict) and isinstance(v.get("labels"), dict)])
    in_order = lambda parts: sorted(parts, key=lambda p: rank.get(p[-1], len(rank)) if p else len(rank))  # noqa: E731
    # ... and the choices in one order in every row (most chosen overall first), so that parts can be compared
    totals: dict[str, int] = {}
    for d in cats.values():
        for k, c in d.items():
            totals[k] = totals.get(k, 0) + c
    choice_rank = {k: i for i, k in enumerate(sorted(totals, key=lambda k: (-totals[k], k)))}
    numbers = [{"onderdeel": name(p), "gemiddelde": round(sum(sums[p]) / len(sums[p]), 2), "aantal": len(sums[p])}
               for p in in_order(sums)]
    categories = [{"onderdeel": name(p), "keuze": k, "aantal": cats[p][k]}
                  for p in in_order(cats) for k in sorted(cats[p], key=choice_rank.__getitem__)]
    return numbers, categories


def _activity_texts() -> dict[str, str]:
    """The sorting game's activity texts (04), by id; ids stand in when they cannot be read."""
    try:
        from ..planning_machine.data import sorting

        return {a.id: a.text for a in sorting().activities}
    except Exception:  # noqa: BLE001
        return {}


def _sorting_table(qs: list[Question]) -> pd.DataFrame:
    per: dict[str, list[int]] = {}
    for q in qs:
        for _who, v in q.answers:
            answers = v.get("answers") if isinstance(v, dict) else None
            if not isinstance(answers, dict):
                continue
            for aid, order in answers.items():
                if isinstance(order, int) and not isinstance(order, bool) and 1 <= order <= 4:
                    per.setdefault(str(aid), []).append(order)
    if not per:
        return pd.DataFrame()
    names = _activity_texts()
    cols = T.SORTING_COLUMNS
    rows = []
    for aid, orders in per.items():
        n = len(orders)
        counts = [orders.count(o) for o in (1, 2, 3, 4)]
        top = max(range(4), key=lambda i: counts[i])
        rows.append({cols[0]: names.get(aid, aid), **{cols[1 + i]: counts[i] for i in range(4)},
                     cols[5]: T.ORDER.format(n=top + 1), cols[6]: round(100 * (1 - counts[top] / n), 1),
                     cols[7]: n})
    return pd.DataFrame(rows).sort_values(cols[6], ascending=False, kind="stable").reset_index(drop=True)


def _week_table(qs: list[Question]) -> pd.DataFrame:
    cols = {"nu": [], "gewenst": []}
    for q in qs:
        for _who, v in q.answers:
            if not isinstance(v, dict):
                continue
            filled = v.get("ingevuld") if isinstance(v.get("ingevuld"), dict) else {}
            for key in cols:
                shares = v.get(key)
                if filled.get(key) is False or not isinstance(shares, list) or len(shares) != 4:
                    continue
                if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in shares):
                    cols[key].append([float(x) for x in shares])
    if not cols["nu"] and not cols["gewenst"]:
        return pd.DataFrame()

    def mean(rows, i):
        return round(sum(r[i] for r in rows) / len(rows), 1) if rows else float("nan")

    c = T.WEEK_COLUMNS
    rows = []
    for i in range(4):
        now, wish = mean(cols["nu"], i), mean(cols["gewenst"], i)
        rows.append({c[0]: T.ORDER.format(n=i + 1), c[1]: now, c[2]: wish, c[3]: round(wish - now, 1),
                     c[4]: len(cols["nu"]), c[5]: len(cols["gewenst"])})
    return pd.DataFrame(rows)


def _strategy_table(qs: list[Question]) -> pd.DataFrame:
    rows = []
    c = T.STRATEGY_COLUMNS

    def p(x):
        return round(float(x), 2) if isinstance(x, (int, float)) and not isinstance(x, bool) else None

    for q in qs:
        for who, v in q.answers:
            if not isinstance(v, dict) or not isinstance(v.get("after"), dict):
                continue
            after = v["after"]
            rows.append({c[0]: who, c[1]: str(v.get("name") or "")[:60], c[2]: p(v.get("first")),
                         c[3]: p(after.get("CC")), c[4]: p(after.get("CD")), c[5]: p(after.get("DC")),
                         c[6]: p(after.get("DD"))})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- the overview
def overview(col: Collection, notebook: str) -> NotebookOverview:
    """Every table of ``notebook`` for the collected class (see the module docstring).

    Computed once per collection and notebook (the views share it; a new collection starts afresh)."""
    cache = col.__dict__.setdefault("_overviews", {})
    if notebook not in cache:
        with cycle_collector_paused():
            cache[notebook] = _overview(col, notebook)
    return cache[notebook]


def _overview(col: Collection, notebook: str) -> NotebookOverview:
    qs = questions(col, notebook)
    n = len(col.students)
    answered, choices, numbers, categories = [], [], [], []
    open_answers: dict[str, pd.DataFrame] = {}
    distributions: dict[str, pd.DataFrame] = {}
    for q in qs:
        answered.append({T.ANSWERED_COLUMNS[0]: q.prompt, T.ANSWERED_COLUMNS[1]: q.id,
                         T.ANSWERED_COLUMNS[2]: T.KIND_WORDS.get(q.kind, q.kind),
                         T.ANSWERED_COLUMNS[3]: len(q.answers), T.ANSWERED_COLUMNS[4]: n})
        rows: list[dict] = []
        if q.kind == "choice":
            rows = _choice_rows(q)
        elif q.kind == "scale":
            rows, _mean = _scale_rows(q)
        elif q.kind == "text":
            open_answers[q.id] = pd.DataFrame(
                [{T.OPEN_COLUMNS[0]: who, T.OPEN_COLUMNS[1]: v if isinstance(v, str) else describe(v)}
                 for who, v in q.answers], columns=list(T.OPEN_COLUMNS))
        elif q.kind not in ("sorting", "week", "strategy"):
            num, cat = _generic_rows(q)
            numbers += [{T.NUMBERS_COLUMNS[0]: q.prompt, T.NUMBERS_COLUMNS[1]: q.id,
                         T.NUMBERS_COLUMNS[2]: r["onderdeel"], T.NUMBERS_COLUMNS[3]: r["gemiddelde"],
                         T.NUMBERS_COLUMNS[4]: r["aantal"]} for r in num]
            categories += [{T.CATEGORIES_COLUMNS[0]: q.prompt, T.CATEGORIES_COLUMNS[1]: q.id,
                            T.CATEGORIES_COLUMNS[2]: r["onderdeel"], T.CATEGORIES_COLUMNS[3]: r["keuze"],
                            T.CATEGORIES_COLUMNS[4]: r["aantal"]} for r in cat]
        if rows:
            c = T.CHOICE_COLUMNS
            choices += [{c[0]: q.prompt, c[1]: q.id, c[2]: r["antwoord"], c[3]: r["aantal"], c[4]: r["procent"],
                         c[5]: len(q.answers), c[6]: n} for r in rows]
            distributions[q.id] = pd.DataFrame([{"antwoord": r["antwoord"], "aantal": r["aantal"]} for r in rows])
    by_kind = {k: [q for q in qs if q.kind == k] for k in ("sorting", "week", "strategy")}
    return NotebookOverview(
        notebook, n, qs, pd.DataFrame(answered), pd.DataFrame(choices), pd.DataFrame(numbers),
        pd.DataFrame(categories), _sorting_table(by_kind["sorting"]), _week_table(by_kind["week"]),
        _strategy_table(by_kind["strategy"]), open_answers, distributions)


def filter_open(table: pd.DataFrame, word: str) -> pd.DataFrame:
    """The open answers that contain ``word`` (without case); all of them for an empty word."""
    word = (word or "").strip().casefold()
    if not word or table.empty:
        return table
    return table[table[T.OPEN_COLUMNS[1]].str.casefold().str.contains(word, regex=False)]


def to_csv(table: pd.DataFrame) -> str:
    """A table as CSV for a Dutch spreadsheet: ``;`` between fields, decimal commas, a byte order mark for Excel."""
    return "\ufeff" + table.to_csv(sep=";", decimal=",", index=False)


@lru_cache(maxsize=1)
def asked() -> dict[str, frozenset[str]]:
    """Per notebook, the ids of the questions it asks (``data/lessons/teacher/questions.yaml``; the lesson contract
    checks them by running each notebook). Empty when the file cannot be read: the overview then counts every answer."""
    try:
        from ...core.data import lesson_dir, read_yaml

        data = read_yaml(lesson_dir("teacher") / "questions.yaml") or {}
        return {str(nb): frozenset(str(q) for q in (ids or ())) for nb, ids in data.items()}
    except Exception:  # noqa: BLE001 - the overview still works, without 'van N'
        return {}


def progress(col: Collection) -> pd.DataFrame:
    """Per student (label): the number of answered questions per notebook and in total. Where the workbook knows a
    notebook's questions (:func:`asked`), a column reads "04 (van 22)" and counts only answers to those: an answer to a
    question the notebook no longer asks (an older workbook) is not one of the 22. The total likewise, when every
    notebook's questions are known."""
    nbs = notebooks_in(col)
    known = asked()
    asks = {nb: known.get(nb) for nb in nbs}
    heads = {nb: nb[:2] if asks[nb] is None else T.PROGRESS_OF.format(head=nb[:2], n=len(asks[nb])) for nb in nbs}
    total = T.PROGRESS_OF.format(head=T.PROGRESS_TOTAL, n=sum(len(a) for a in asks.values())) \
        if nbs and all(a is not None for a in asks.values()) else T.PROGRESS_TOTAL
    rows = []
    for st in col.students:
        answered = st.memo.get("answered")
        if answered is None:
            answered = st.memo["answered"] = Counter(
                nb for (nb, q), e in st.current().items()
                if _is_answer_kind(nb, e.kind) and has_answer(e) and (known.get(nb) is None or q in known[nb]))
        counts = {nb: answered.get(nb, 0) for nb in nbs}
        rows.append({T.PROGRESS_STUDENT: st.label, **{heads[nb]: counts[nb] for nb in nbs}, total: sum(counts.values())})
    return pd.DataFrame(rows)
