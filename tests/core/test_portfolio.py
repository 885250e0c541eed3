"""Export to Markdown/HTML/JSON and import back: escaping, round trip, merging, hostile files."""
import json
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wakker.core.journal import Entry, Journal, JournalError
from wakker.core.portfolio import (Contents, describe, export_files, import_json, parse_export, read_export_file,
                                   safe_filename, to_html, to_json, to_markdown)

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


def render_markdown(md: str) -> str:
    import mistune

    return mistune.create_markdown(plugins=["strikethrough", "table"])(md)


def _answer_text(md: str) -> tuple[list[str], str]:
    """(tags, text) of the rendered blockquotes of a portfolio in Markdown."""
    parser = _Text()
    parser.feed(render_markdown(md))
    return parser.tags, "".join(parser.text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=answers)
def test_markdown_export_escapes_markup(tmp_path, answer):
    j = fresh(tmp_path)
    j.save(NB, "q", answer + "\n# kop <b>vet</b> [link](http://x)")
    md = to_markdown(j)
    tags, _text = _answer_text(md)
    assert "b" not in tags and "a" not in tags and "h1" in tags
    assert tags.count("h1") == 1  # the answer's "# kop" is no heading
    assert "\n# kop" not in md


MARKUP = st.text(alphabet=st.sampled_from(list("abc XY1.9)#>-+*_`[]()<>&;!|~\\=")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(MARKUP, min_size=1, max_size=3))
def test_markdown_answer_renders_exactly_as_typed(lines):
    answer = "\n".join(lines)
    md = to_markdown(Contents([Entry(NB, "q", "text", "Vraag", answer, "2026-11-30T10:00:00.000000+00:00")]))
    if not answer.strip():  # an answer emptied again is left out, like an unanswered question
        assert "### Vraag" not in md
        return
    body = md.split("### Vraag", 1)[1].split("*Opgeslagen op", 1)[0]
    tags, text = _answer_text(body)
    assert set(tags) <= {"blockquote", "p"}, (answer, body, tags)
    words = lambda t: " ".join(t.replace("\u00a0", " ").split())  # noqa: E731
    assert words(text) == words(answer), (answer, body)


def test_markdown_escapes_only_what_markdown_would_misread(tmp_path):
    j = fresh(tmp_path)
    typed = "Ik weet niet of hij mij vertrouwt. Misschien (soms) wel! 3.5 - 2 = 1,5; snake_case & zo #1"
    j.save(NB, "q", typed)
    assert f"> {typed}" in to_markdown(j)


def test_html_has_main_and_a_print_layout(tmp_path):
    j = fresh(tmp_path)
    j.save(NB, "q", "antwoord", prompt="Vraag")
    page = to_html(j)
    parser = _Text()
    parser.feed(page)
    assert parser.tags.count("main") == 1 and "article" in parser.tags
    css = page.split("@media print", 1)[1]
    assert "break-inside:avoid" in css and ".antwoord" in css


def test_scale_answers_show_their_labels_and_old_bare_numbers_still_show(tmp_path):
    j = fresh(tmp_path)
    j.save(NB, "nieuw", {"value": 4, "low": 1, "high": 5, "low_label": "heel weinig", "high_label": "heel veel"},
           kind="scale", prompt="Hoeveel?")
    j.save(NB, "oud", 3, kind="scale", prompt="Hoeveel vroeger?")
    md = to_markdown(j)
    assert "> 4 op een schaal van 1 (heel weinig) tot 5 (heel veel)" in md
    assert "> 3\n" in md
    assert describe({"value": 2, "low": 1, "high": 5}, "scale") == "2 op een schaal van 1 tot 5"
    assert describe({"value": 2, "low": 1, "high": 5}) == "2 op een schaal van 1 tot 5"  # kind not known


def test_lesson_kinds_are_described_in_dutch_words(tmp_path):
    j = fresh(tmp_path)
    nb07, nb04 = "07_blog_vertrouwen_prisoners_dilemma", "04_boek_deel3_vierde_orde_leiders"
    j.save(nb07, "eigen-strategie", {"name": "Voorzichtig", "first": 1.0,
                                     "after": {"CC": 1.0, "CD": 0.25, "DC": 0.5, "DD": 0.0}},
           kind="strategy", prompt="Mijn strategie")
    j.save(nb04, "mijn-week", {"label": "nu 40/30/20/10 %, gewenst nog niet ingevuld (1e/2e/3e/4e orde)",
                               "nu": [40, 30, 20, 10], "gewenst": [25, 25, 25, 25],
                               "ingevuld": {"nu": True, "gewenst": False}}, kind="week", prompt="Mijn week")
    j.save(nb04, "sorteerspel", {"label": "5 van de 7 goed (nog 1 niet ingedeeld)", "score": 5, "answered": 7,
                                 "total": 8, "per_order_correct": {"1": 1, "2": 2, "3": 1, "4": 1},
                                 "answers": {"a": 1}, "checked": True}, kind="sorting", prompt="Sorteerspel")
    md = to_markdown(j)
    strategy = md.split("### Mijn strategie", 1)[1].split("*Opgeslagen", 1)[0]
    assert "begint met samenwerken" in strategy and "25 % kans op samenwerken" in strategy
    assert "after" not in strategy and "CC" not in strategy and "{" not in strategy
    week = md.split("### Mijn week", 1)[1].split("*Opgeslagen", 1)[0]
    assert "40 %" in week and "nog niet ingevuld" in week and "[" not in week
    sorting = md.split("### Sorteerspel", 1)[1].split("*Opgeslagen", 1)[0]
    assert "5 van de 7 goed" in sorting and "per_order" not in sorting and "{" not in sorting


def test_portfolio_lists_the_sorting_choices_and_leaves_out_what_is_not_an_answer(tmp_path):
    """Issue 9, finding 19: a teacher reads what the student chose per activity, not only a score; the
    order in which the game showed the activities (kept so it stays the same) is no answer."""
    j = fresh(tmp_path)
    nb04 = "04_boek_deel3_vierde_orde_leiders"
    j.save(nb04, "sorteerspel-volgorde", 12345, kind="volgorde", prompt="Volgorde van het sorteerspel")
    j.save(nb04, "sorteerspel", {"label": "1 van de 2 goed", "score": 1, "answered": 2, "total": 18,
                                 "per_order_correct": {"1": 1}, "answers": {"vacature": 1, "interne-rem": 2},
                                 "checked": True}, kind="sorting", prompt="Sorteerspel")
    for text in (to_markdown(j), to_html(j)):
        assert "Volgorde van het sorteerspel" not in text and "12345" not in text
        assert "Een vacature voor een wijkconsulent" in text and "→ 1e orde (goed)" in text
        assert "→ 2e orde (volgens ons: 4e of 1e orde)" in text
    # the JSON file (read back by the workbook) keeps it, so the order stays the same after an import
    assert [e["question"] for e in to_json(j)["entries"]] == ["sorteerspel-volgorde", "sorteerspel"]


def test_the_kit_sorting_order_is_no_answer_in_any_lesson(tmp_path):
    """The kit's sorting exercise keeps its order (kind 'volgorde') in every lesson that uses it; a
    lesson need not list it in its own NOT_ANSWERS for the portfolio to leave it out."""
    j = fresh(tmp_path)
    nb01 = "01_boek_inleiding"
    j.save(nb01, "algoritme-sorteer-volgorde", 424242, kind="volgorde", prompt="Volgorde van de sorteeroefening")
    j.save(nb01, "eigen", "mijn antwoord", kind="text", prompt="Eigen vraag")
    for text in (to_markdown(j), to_html(j)):
        assert "Volgorde van de sorteeroefening" not in text and "424242" not in text
        assert "mijn antwoord" in text
    assert [e["question"] for e in to_json(j)["entries"]] == ["algoritme-sorteer-volgorde", "eigen"]


def test_an_emptied_answer_is_not_shown_as_an_answer(tmp_path):
    """Review of 01, finding 21: a box the student emptied (only spaces left) is no answer in the portfolio;
    the JSON file keeps it, so after an import the box stays empty instead of showing an older answer."""
    j = fresh(tmp_path)
    j.save(NB, "leeg", "eerst iets", kind="text", prompt="Een vraag die leeg werd")
    j.save(NB, "leeg", "   \n ", kind="text", prompt="Een vraag die leeg werd")
    j.save(NB, "vol", "wel een antwoord", kind="text", prompt="Een beantwoorde vraag")
    for text in (to_markdown(j), to_html(j)):
        assert "Een vraag die leeg werd" not in text and "eerst iets" not in text
        assert "Een beantwoorde vraag" in text and "wel een antwoord" in text
    assert [e["question"] for e in to_json(j)["entries"] if e["question"] == "leeg"]


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


# ---------------------------------------------------------------- issue 8, item 16: validate before writing
def _export_with(tmp_path, **changes) -> dict:
    src = fresh(tmp_path, "src")
    src.save(NB, "q", "goed", prompt="Vraag")
    doc = to_json(src, "Ans")
    doc["entries"][0].update(changes.pop("entry", {}))
    doc.update(changes)
    return doc


def _nested(depth: int):
    value: object = "diep"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("changes, message", [
    ({"entry": {"saved_at": "9999-12-31T23:59:59.999999+00:00"}}, "onmogelijk tijdstip"),
    ({"entry": {"saved_at": "0001-01-01T00:00:00+00:00"}}, "onmogelijk tijdstip"),
    ({"entry": {"value": _nested(450)}}, "te diep"),
    ({"entry": {"prompt": "vraag \ud800"}}, "ongeldige tekens"),
    ({"entry": {"value": "antwoord \udfff"}}, "ongeldige tekens"),
    ({"student": "Ans \ud800"}, "naam"),
])
def test_import_validates_everything_before_writing(tmp_path, changes, message):
    doc = _export_with(tmp_path, **changes)
    raw = json.dumps(doc)  # ensure_ascii: lone surrogates travel as \ud800, as in a hostile file
    dst = fresh(tmp_path, "dst")
    dst.save(NB, "al", "al bewaard")
    with pytest.raises(JournalError, match=message):
        import_json(dst, raw)
    assert [e.value for e in dst.entries()] == ["al bewaard"] and dst.student() == ""
    export_files(dst, tmp_path / "out")  # the journal still exports


def test_latest_possible_moment_never_breaks_a_question_or_an_export(tmp_path):
    doc = _export_with(tmp_path, entry={"saved_at": "2999-12-31T23:59:59.999999+00:00"})
    dst = fresh(tmp_path, "dst")
    assert import_json(dst, json.dumps(doc)) == (1, 0)
    assert dst.latest(NB, "q").local_time.year == 3000  # shown in Dutch time without overflowing
    dst.save(NB, "q", "nieuw")
    assert dst.latest(NB, "q").value == "nieuw"
    assert "nieuw" in to_markdown(dst)


# ---------------------------------------------------------------- issue 8, item 20
def test_byte_order_mark_and_compact_moments_are_accepted(tmp_path):
    doc = _export_with(tmp_path, entry={"saved_at": "20261130T100000Z"})
    dst = fresh(tmp_path, "dst")
    assert import_json(dst, b"\xef\xbb\xbf" + json.dumps(doc).encode("utf-8")) == (1, 0)
    assert dst.latest(NB, "q").saved_at == "2026-11-30T10:00:00.000000+00:00"


def test_long_prompts_are_kept_whole(tmp_path):
    prompt = "Een lange vraag. " * 1000  # 17,000 characters
    doc = _export_with(tmp_path, entry={"prompt": prompt})
    dst = fresh(tmp_path, "dst")
    import_json(dst, json.dumps(doc))
    assert dst.latest(NB, "q").prompt == prompt


def test_questions_follow_the_notebook_not_the_answer_order(tmp_path):
    j = fresh(tmp_path)
    # in 00_start the open question comes first, then the scale, then the choice
    j.save(NB, "demo-bewaren", {"selected": ["x"], "label": "keuze"}, kind="choice", prompt="C")
    j.save(NB, "niet-in-notebook", "los", prompt="D")  # not in the notebook: after the one answered before it
    j.save(NB, "demo-vertrouwen-organisatie", 3, kind="scale", prompt="B")
    j.save(NB, "demo-vertrouwen", "tekst", prompt="A")
    md = to_markdown(j)
    heads = [line for line in md.splitlines() if line.startswith("### ")]
    assert heads == ["### A", "### B", "### C", "### D"], heads


def test_export_times_use_the_display_zone_not_the_servers_clock_zone(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    j = fresh(tmp_path)
    j.save(NB, "q", "a")
    assert to_json(j)["exported_at"].endswith("+09:00")
    monkeypatch.delenv("TZ")
    assert to_json(j)["exported_at"][-6:] in ("+01:00", "+02:00")  # Dutch time, whatever the server's zone


def test_unreadable_export_file_is_explained_in_dutch(tmp_path):
    with pytest.raises(JournalError) as info:
        read_export_file(tmp_path)  # a folder
    assert "Errno" not in str(info.value) and "directory" not in str(info.value).lower()
