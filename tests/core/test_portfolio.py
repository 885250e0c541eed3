"""Export to Markdown/HTML/JSON and import back: escaping, round trip, merging, hostile files."""
import json
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.core.journal import Journal, JournalError
from wakker.core.portfolio import (export_files, import_json, parse_export, safe_filename, to_html, to_json,
                              to_markdown)

NB = "00_start"
answers = st.text(min_size=0, max_size=3000)
ids = st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)


def fresh(tmp_path, name="j") -> Journal:
    path = tmp_path / f"{name}.sqlite"
    for p in tmp_path.glob(f"{name}.sqlite*"):
        p.unlink()
    return Journal(path)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.dictionaries(ids, answers, min_size=1, max_size=5), student=st.text(max_size=40))
def test_json_round_trip_restores_every_answer(tmp_path, answers, student):
    src = fresh(tmp_path, "src")
    for q, a in answers.items():
        src.save(NB, q, a, prompt=f"Vraag {q} <b>")
    doc = json.dumps(to_json(src, student))
    dst = fresh(tmp_path, "dst")
    added, known = import_json(dst, doc)
    assert (added, known) == (len(answers), 0)
    assert {e.question: e.value for e in dst.current()} == answers
    assert import_json(dst, doc) == (0, len(answers))  # merging twice adds nothing
    assert len(dst.entries()) == len(answers)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=answers)
def test_html_export_escapes_everything_typed(tmp_path, answer):
    j = fresh(tmp_path)
    j.save(NB, "q", answer + "<script>alert(1)</script><img src=x onerror=alert(1)>")
    page = to_html(j, student="<b>naam</b>")
    parser = _Text()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert "<script>alert(1)</script>" in "".join(parser.text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=answers)
def test_markdown_export_escapes_markup(tmp_path, answer):
    j = fresh(tmp_path)
    j.save(NB, "q", answer + "\n# kop <b>vet</b> [link](http://x)")
    md = to_markdown(j)
    assert "<b>" not in md and "](http" not in md
    assert "\n# kop" not in md


def test_export_files_with_unsafe_name(tmp_path):
    j = fresh(tmp_path)
    j.save(NB, "q", "antwoord")
    paths = export_files(j, tmp_path / "out", student="../../Éva d'Ämsterdam/<x>")
    for p in paths.values():
        assert p.parent == tmp_path / "out" and p.exists()
        assert p.name.startswith("wakker-portfolio-eva-d-amsterdam-x-")
    doc = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert doc["schema"] == "wakker-journal" and doc["schema_version"] == 1
    assert doc["student"] == "../../Éva d'Ämsterdam/<x>"


@pytest.mark.parametrize("name, expected", [("", "student"), ("  ", "student"), ("Jan Jansen", "jan-jansen"),
                                            ("../../etc/passwd", "etc-passwd"), ("ÿ" * 200, "y" * 60)])
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


HOSTILE = [
    (b"\xff\xfe\x00garbage", "geen tekst"),
    (b"niet json", "geen geldig JSON"),
    (b"[]", "geen export"),
    (b'{"schema": "iets anders"}', "geen export"),
    (b'{"schema": "wakker-journal", "schema_version": 99, "entries": []}', "nieuwere versie"),
    (b'{"schema": "wakker-journal", "schema_version": "1", "entries": []}', "versienummer"),
    (b'{"schema": "wakker-journal", "schema_version": 1, "entries": {}}', "geen lijst"),
    (b'{"schema": "wakker-journal", "schema_version": 1, "entries": [1]}', "onleesbaar"),
    (b'{"schema": "wakker-journal", "schema_version": 1, "entries": [{"notebook": "../x", "question": "q",'
     b' "kind": "text", "prompt": "", "value": 1, "saved_at": "2026-01-01T00:00:00+00:00"}]}', "ongeldig"),
    (b'{"schema": "wakker-journal", "schema_version": 1, "entries": [{"notebook": "00_start", "question": "q",'
     b' "kind": "text", "prompt": "", "value": 1, "saved_at": "gisteren"}]}', "tijdstip"),
    (b"[" * 100000 + b"]" * 100000, "geen geldig JSON"),
]


@pytest.mark.parametrize("raw, message", HOSTILE)
def test_hostile_import_is_refused_and_changes_nothing(tmp_path, raw, message):
    j = fresh(tmp_path)
    j.save(NB, "q", "al bewaard")
    with pytest.raises(JournalError, match=message):
        import_json(j, raw)
    assert [e.value for e in j.entries()] == ["al bewaard"]


def test_partly_bad_import_adds_nothing(tmp_path):
    src = fresh(tmp_path, "src")
    src.save(NB, "q", "goed")
    doc = to_json(src)
    doc["entries"].append({"notebook": NB, "question": "", "kind": "text", "prompt": "", "value": 1,
                           "saved_at": "2026-01-01T00:00:00+00:00"})
    dst = fresh(tmp_path, "dst")
    with pytest.raises(JournalError):
        import_json(dst, json.dumps(doc))
    assert dst.entries() == []


def test_parse_export_returns_student(tmp_path):
    j = fresh(tmp_path)
    j.save(NB, "q", "a")
    entries, student = parse_export(json.dumps(to_json(j, "Ans")))
    assert student == "Ans" and entries[0].value == "a"


def test_very_long_answer_round_trips(tmp_path):
    long = ("Een heel lang antwoord met ünïcode 🙂 en <tags> & \"quotes\".\n" * 4000)[:900_000]
    src = fresh(tmp_path, "src")
    src.save(NB, "lang", long)
    dst = fresh(tmp_path, "dst")
    assert import_json(dst, json.dumps(to_json(src))) == (1, 0)
    assert dst.latest(NB, "lang").value == long
    assert "&lt;tags&gt;" in to_html(dst)
