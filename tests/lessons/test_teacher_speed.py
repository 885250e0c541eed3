"""Notebook 09: what makes the class overview fast must not change what it reads, checks or shows.

Each test guards one shortcut of the speed work (issue: 300 exports, the whole overview < 2 s): a file
is read and checked once per upload, the checks of ``parse_export`` stay the same for the entries after
the first, moments keep being normalised, and the cycle collector is always switched back on.
"""
from __future__ import annotations

import gc
import json

import pytest

from wakker.core.journal import JournalError
from wakker.core.portfolio import SCHEMA_NAME, parse_export
from wakker.lessons.teacher import exports as X
from wakker.lessons.teacher import tables as O
from wakker.lessons.teacher import widgets as W
from wakker.lessons.teacher.example import example_sources


def _doc(entries, student="Eva de Vries") -> bytes:
    return json.dumps({"schema": SCHEMA_NAME, "schema_version": 1, "student": student,
                       "entries": entries}).encode("utf-8")


def _entry(**kw) -> dict:
    base = {"notebook": "04_x", "question": "q1", "kind": "text", "prompt": "Vraag?", "value": "ja",
            "saved_at": "2026-11-30T16:05:00.000000+00:00"}
    return {**base, **kw}


class CountingSource(X.Source):
    reads = 0

    def read(self) -> bytes:
        type(self).reads += 1
        return super().read()


def test_switching_anonymous_and_the_class_list_reads_no_file_again_and_shows_the_same():
    sources = [CountingSource(s.name, s.size, data=s.data) for s in example_sources(6, seed=2)]
    CountingSource.reads = 0
    desk = W.Desk()
    ov = W.Overview(desk)
    desk.read_sources(sources)
    assert CountingSource.reads == 6
    before = ov.tables.value
    names = [st.name for st in desk.collection.students]
    desk.anonymous.value = True
    assert not any(n in ov.tables.value for n in names if n)  # the view did change (labels hidden)
    desk.class_list.value = "Iemand Anders"
    desk.anonymous.value = False
    assert CountingSource.reads == 6  # nothing read again
    assert ov.tables.value == before
    assert desk.collection.missing == ["Iemand Anders"]
    # a new upload (new sources) is read afresh
    desk.read_sources([CountingSource(s.name, s.size, data=s.data) for s in example_sources(6, seed=2)])
    assert CountingSource.reads == 12


def test_a_merged_student_counts_the_answers_of_both_files():
    new = _entry(question="q2", value="nieuw", saved_at="2026-12-01T10:00:00.000000+00:00")
    old = [_entry(), _entry(question="q2", value="oud")]
    a = X.Source("a.json", 1, data=_doc(old))
    b = X.Source("b.json", 1, data=_doc(old + [new]))
    alone = X.collect([a])  # a read on its own first: what was derived from a alone must not stick
    assert alone.students[0].current()[("04_x", "q2")].value == "oud" and O.progress(alone).iloc[0].tolist()[-1] == 2
    for _ in range(2):  # the second time from what was read before
        col = X.collect([a, b])
        assert len(col.students) == 1 and col.merged == ["b.json"]
        assert col.students[0].current()[("04_x", "q2")].value == "nieuw"
        assert O.progress(col).iloc[0].tolist()[-1] == 2


def test_an_id_checked_once_does_not_let_a_bad_id_through_later():
    good = _entry()
    for key in ("notebook", "question", "kind"):
        bad = _entry(**{key: "geen geldige naam"})
        with pytest.raises(JournalError, match="Antwoord 3 in deze export"):
            parse_export(_doc([good, good, bad]))
        with pytest.raises(JournalError, match="Antwoord 2 in deze export"):
            parse_export(_doc([good, _entry(**{key: 7})]))


@pytest.mark.parametrize("moment, stored", [
    ("2026-11-30T16:05:00.000000+00:00", "2026-11-30T16:05:00.000000+00:00"),
    ("2026-11-30T17:05:00+01:00", "2026-11-30T16:05:00.000000+00:00"),
    ("2026-11-30T16:05:00Z", "2026-11-30T16:05:00.000000+00:00"),
    ("20261130T160500", "2026-11-30T16:05:00.000000+00:00"),
    ("٢٠٢٦-11-30T16:05:00.000000+00:00", "2026-11-30T16:05:00.000000+00:00"),  # Arabic-Indic digits
])
def test_moments_are_stored_normalised(moment, stored):
    entries, _ = parse_export(_doc([_entry(saved_at=moment)]))
    assert entries[0].saved_at == stored


@pytest.mark.parametrize("moment", ["2026-13-30T16:05:00.000000+00:00", "2026-02-30T16:05:00.000000+00:00",
                                    "1800-01-01T00:00:00.000000+00:00"])
def test_impossible_moments_in_normal_form_are_still_refused(moment):
    with pytest.raises(JournalError, match="tijdstip"):
        parse_export(_doc([_entry(saved_at=moment)]))


def test_nesting_is_counted_as_before_up_to_the_limit():
    def lists(n):
        value = "x"
        for _ in range(n):
            value = [value]
        return value

    def objects(n):
        value = 1
        for _ in range(n):
            value = {"k": value, "n": 2}
        return value

    for nest in (lists, objects):
        entries, _ = parse_export(_doc([_entry(kind="zelfscan", value=nest(40))]))  # 40 levels: the most allowed
        assert entries[0].value == nest(40)
        with pytest.raises(JournalError, match="te diep genest"):
            parse_export(_doc([_entry(kind="zelfscan", value=nest(41))]))


def test_the_cycle_collector_is_switched_on_again_also_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with X.cycle_collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("kapot")
    assert gc.isenabled()
    desk = W.Desk()
    W.Overview(desk)
    desk.read_sources(example_sources(3, seed=1))
    assert gc.isenabled()


def test_an_answer_the_student_emptied_again_is_not_counted_as_answered():
    """As in the portfolio: a text of only spaces is no answer (the question list and the progress table agree)."""
    entries = [_entry(), _entry(question="q2", value="  \n ")]
    col = X.collect([X.Source("a.json", 1, data=_doc(entries))])
    assert O.progress(col).iloc[0].tolist()[-1] == 1
    assert {q.id: len(q.answers) for q in O.questions(col, "04_x")} == {"q1": 1, "q2": 0}
