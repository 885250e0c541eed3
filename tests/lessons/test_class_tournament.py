"""The teacher's class tournament: students' exported strategies against notebook 07's characters.

Exports are read only through ``wakker.core.portfolio`` (the same checks as importing them)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from wakker import ui
from wakker.core import portfolio
from wakker.core.journal import Journal, JournalError
from wakker.core.portfolio import export_files, read_export_file
from wakker.lessons import trust_game as nb07
from wakker.lessons.class_tournament import class_tournament, class_tournament_view
from wakker.models import prisoners_dilemma as P

NB = nb07.NOTEBOOK
CHARACTERS_FILE = Path(__file__).resolve().parents[2] / "data" / "lessons" / "trust_game" / "characters.yaml"


def _design(name, first=1.0, cc=1.0, cd=0.0, dc=1.0, dd=0.0):
    return {"name": name, "first": first, "after": {"CC": cc, "CD": cd, "DC": dc, "DD": dd}}


def _entry(value, saved_at, question="eigen-strategie", kind="strategy", notebook="05-vertrouwen"):
    return {"notebook": notebook, "question": question, "kind": kind, "prompt": "Ontwerp je strategie",
            "value": value, "saved_at": saved_at}


def _export(path, student, entries, **extra):
    data = {"schema": "wakker-journal", "schema_version": 1, "student": student,
            "exported_at": "2025-01-01T12:00:00Z", "entries": entries, **extra}
    path.write_text(json.dumps(data), encoding="utf-8")


# --------------------------------------------------------------------------- reading exports


def test_read_export_file_is_the_portfolio_reader(tmp_path):
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    entries, student = read_export_file(tmp_path / "anna.json")
    assert student == "Anna" and [e.value["name"] for e in entries] == ["Slim"]
    with pytest.raises(JournalError, match="kon niet gelezen worden"):
        read_export_file(tmp_path / "bestaat-niet.json")
    (tmp_path / "binair.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(JournalError, match="geen tekst"):
        read_export_file(tmp_path / "binair.json")


def test_the_class_tournament_reads_exports_only_through_the_portfolio(tmp_path, monkeypatch):
    """Whatever the portfolio refuses, the tournament skips, with the portfolio's Dutch reason."""
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])

    def refuse(raw):
        raise JournalError("door de portfolio geweigerd")

    monkeypatch.setattr(portfolio, "parse_export", refuse)
    out = class_tournament(tmp_path, include_classics=False)
    assert out.problems == ["bestand anna.json overgeslagen: door de portfolio geweigerd",
                            "geen ontworpen strategieën gevonden"]


# --------------------------------------------------------------------------- the tournament


def test_class_tournament(tmp_path):
    _export(tmp_path / "anna.json", "Anna", [
        _entry(_design("Slim", 0, 0, 0, 0, 0), "2025-01-01T10:00:00Z"),
        _entry(_design("Slim", 1, 1, 0, 1, 0), "2025-01-01T11:00:00+00:00"),  # newest
        _entry("een tekstantwoord", "2025-01-01T11:00:00Z", question="reflectie", kind="text"),
    ])
    _export(tmp_path / "bram.json", "Bram", [_entry(_design("Slim", 1, 1, 1, 1, 1), "2025-01-02T09:00:00")])
    _export(tmp_path / "anoniem.json", None, [
        _entry(_design("Slim", 0.5, 0.5, 0.5, 0.5, 0.5), "2025-01-02T09:00:00Z"),
        _entry(_design("Wraak", 1, 1, 0, 0, 0), "2025-01-02T09:00:00Z", question="tweede"),
    ])
    _export(tmp_path / "half.json", "Kees", [_entry({"name": "Half", "first": 1}, "2025-01-02T09:00:00Z")])
    _export(tmp_path / "kapot.json", "Karel", [
        _entry(_design("Goed"), "2025-01-02T09:00:00Z"),
        _entry(_design("Oud"), "gisteren", question="q2"),
    ])
    (tmp_path / "stuk.json").write_text("{niet: json", encoding="utf-8")
    (tmp_path / "ander.json").write_text(json.dumps({"schema": "iets-anders"}), encoding="utf-8")
    (tmp_path / "lijst.json").write_text("[1, 2]", encoding="utf-8")
    _export(tmp_path / "toekomst.json", "X", [], schema_version=2)
    _export(tmp_path / "leeg.json", "Y", None)
    (tmp_path / "notities.txt").write_text("geen export", encoding="utf-8")

    out = class_tournament(tmp_path, rounds=20, repetitions=2, seed=1, classics=P.CLASSICS)
    ids = list(out.tournament.ids)
    assert ids[: len(P.CLASSICS)] == list(P.CLASSICS)
    students = ids[len(P.CLASSICS):]
    # files are handled in name order: anna, anoniem, bram; every student strategy says whose it is
    assert students == ["Slim (Anna)", "Slim (anoniem)", "Wraak (anoniem)", "Slim (Bram)"]
    designs = out.designs.set_index("id")
    assert designs.loc["Slim (Anna)", "student"] == "Anna" and designs.loc["Slim (Anna)", "first"] == 1.0
    assert designs.loc["Slim (Anna)", "name"] == "Slim"
    assert pd.isna(designs.loc["Slim (anoniem)", "student"]) and designs.loc["Slim (anoniem)", "file"] == "anoniem.json"
    assert designs.loc["Slim (Bram)", "student"] == "Bram"
    # explicit classics still get their Dutch names as labels
    assert out.label("tit_for_tat") == "Spiegel" and out.label("Slim (Bram)") == "Slim (Bram)"
    problems = "\n".join(out.problems)
    assert "bestand stuk.json overgeslagen: Dit bestand is geen geldig JSON-bestand" in problems
    assert "bestand ander.json overgeslagen: Dit JSON-bestand is geen export van het Wakker werkboek." in problems
    assert "bestand lijst.json overgeslagen: Dit JSON-bestand is geen export" in problems
    assert "bestand toekomst.json overgeslagen: Deze export is gemaakt met een nieuwere versie" in problems
    assert "bestand leeg.json overgeslagen: Deze export bevat geen lijst met antwoorden." in problems
    # a file with one broken answer is refused as a whole, as importing it would be
    assert "bestand kapot.json overgeslagen: Antwoord 2 in deze export heeft een ongeldig tijdstip." in problems
    assert "bestand half.json, vraag eigen-strategie: strategie overgeslagen: 'after' ontbreekt" in problems
    # a file that is not an export is listed too, never passed over in silence
    assert ("bestand notities.txt overgeslagen: geen .json-bestand: lever het .json-bestand van je export in"
            in problems)
    assert len(out.problems) == 8
    # Anna's newest version (tit for tat) behaves like tit for tat
    m = out.tournament.matrix
    assert m.loc["Slim (Anna)", "always_defect"] == m.loc["tit_for_tat", "always_defect"]
    assert out.matrix.loc["Slim (Anna)", "Valsspeler"] == out.matrix.loc["Spiegel", "Valsspeler"]


def test_class_tournament_name_clash_with_student_names(tmp_path):
    for i, who in enumerate(["Anna", "Bram"]):
        _export(tmp_path / f"{i}.json", who, [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    # Anna's newer export holds her older version too (an export holds every version): the same workbook
    _export(tmp_path / "2.json", "Anna", [_entry(_design("Vriend"), "2025-01-01T10:00:00Z"),
                                          _entry(_design("Vriend", 0, 0, 0, 0, 0), "2025-01-03T10:00:00Z")])
    _export(tmp_path / "3.json", None, [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    _export(tmp_path / "4.json", "  ", [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    out = class_tournament(tmp_path, include_classics=False, rounds=5, repetitions=1)
    # the same student exporting twice counts once (newest wins); two anonymous files count twice
    # (in the order of the files that hold the newest versions: 1, 2, 3, 4)
    assert list(out.tournament.ids) == ["Vriend (Bram)", "Vriend (Anna)", "Vriend (anoniem)", "Vriend (anoniem) 2"]
    # the ranking table names the strategy and, in its own column, whose it is; a number a label got stays
    assert [out.owner(s) for s in out.tournament.ids] == [("Vriend", "Bram"), ("Vriend", "Anna"),
                                                          ("Vriend", "anoniem"), ("Vriend 2", "anoniem")]
    anna = out.designs.set_index("student").loc["Anna"]
    assert anna["first"] == 0.0 and anna["file"] == "2.json"
    assert out.skipped == [("0.json", "een oudere export van Anna; de nieuwste strategie telt (uit 2.json)")]
    assert out.problems == ["bestand 0.json overgeslagen: een oudere export van Anna; de nieuwste strategie telt "
                            "(uit 2.json)"] and out.conflicts == []


def test_class_tournament_empty_and_missing(tmp_path):
    out = class_tournament(tmp_path / "bestaat-niet", include_classics=False)
    assert out.tournament is None and out.designs.empty
    assert out.problems == [out.error] and "bestaat niet" in out.error
    assert out.ranking.empty and out.matrix.empty
    out = class_tournament(tmp_path, rounds=5, repetitions=1)
    assert list(out.tournament.ids) == list(nb07.main_characters())
    assert out.problems == ["geen ontworpen strategieën gevonden"]


def test_class_tournament_defaults_are_those_of_notebook_07(tmp_path):
    """Case's payoffs, 10 rounds, no self-play and the notebook's characters (from the YAML),
    shown with their Dutch names next to "<strategy> (<student>)"."""
    import yaml

    doc = yaml.safe_load(CHARACTERS_FILE.read_text(encoding="utf-8"))
    field = [sid for sid, entry in doc.items() if entry.get("tournament")]
    assert len(field) == 9 and set(P.CLASSICS) < set(field)
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Spiegel"), "2025-01-01T10:00:00Z")])
    out = class_tournament(tmp_path, seed=1)
    t = out.tournament
    assert t.payoffs == P.CASE and t.rounds == 10 and t.self_play is False and t.noise == 0.0
    assert list(t.ids) == field + ["Spiegel (Anna)"]
    ranking = out.ranking
    assert list(ranking.columns) == ["rank", "label", "student", "character", "total", "mean", "strategy", "name",
                                     "whose"]
    assert set(ranking["label"]) == {doc[s]["name"] for s in field} | {"Spiegel (Anna)"}
    mine = ranking.set_index("label").loc["Spiegel (Anna)"]
    assert mine["student"] == "Anna" and not mine["character"]
    spiegel = ranking.set_index("label").loc["Spiegel"]
    assert spiegel["character"] and pd.isna(spiegel["student"])
    # a tit for tat by another name: the same points against every character without chance in it
    m = out.matrix
    for rival in ("Valsspeler", "Goedzak", "Wrokkoester", "Rechercheur", "Geduldige spiegel", "Bijsteller"):
        assert m.loc["Spiegel (Anna)", rival] == m.loc["Spiegel", rival], rival
    assert list(out.matrix.index) == list(ranking["label"]) == list(out.matrix.columns)
    assert out.matrix.loc["Spiegel (Anna)", "Valsspeler"] == pytest.approx(-0.1)  # S once, then P: -1/10


# --------------------------------------------------------------------------- from the designer to the teacher


def _design_in_widget(d, name, first, cc, cd, dc, dd):
    for key, p in zip(("first", "CC", "CD", "DC", "DD"), (first, cc, cd, dc, dd)):
        d.dropdowns[key].value = p
    d.name.value = name


def test_designer_saves_a_strategy_the_class_tournament_finds(tmp_path):
    journal = Journal(tmp_path / "j.sqlite")
    d = nb07.designer(ui.Page(NB, journal=journal))
    _design_in_widget(d, "Voorzichtige Buurvrouw", 1, 1, 0, 0.9, 0.25)
    d.save_button.click()
    folder = tmp_path / "inleveren"
    export_files(journal, folder, student="Anna")
    result = class_tournament(folder, repetitions=2, seed=1)  # the defaults are the notebook's settings
    assert list(result.designs["name"]) == ["Voorzichtige Buurvrouw"]
    assert list(result.designs["student"]) == ["Anna"]
    assert list(result.tournament.ids) == [*nb07.main_characters(), "Voorzichtige Buurvrouw (Anna)"]
    # the .md and .html of the same export are listed as not read, pointing at the .json next to them
    assert sorted(Path(f).suffix for f, _ in result.skipped) == [".html", ".md"]
    assert all("het .json-bestand van dezelfde export is wakker-portfolio-anna-" in r for _, r in result.skipped)
    assert result.problems == [f"bestand {f} overgeslagen: {r}" for f, r in result.skipped]


def test_class_tournament_view_from_real_exports(tmp_path):
    folder = tmp_path / "inleveren"
    anna = Journal(tmp_path / "anna.sqlite")
    d = nb07.designer(ui.Page(NB, journal=anna))
    _design_in_widget(d, "Voorzichtige Buurvrouw", 1, 1, 0, 0.9, 0.25)
    d.save()
    export_files(anna, folder, student="Anna")
    bram = Journal(tmp_path / "bram.sqlite")
    bram.save(NB, nb07.DESIGN_QID, {"name": "Spiegel", "first": 1, "after": {"CC": 1, "CD": 0, "DC": 1, "DD": 0}},
              kind="strategy")
    export_files(bram, folder, student="Bram")
    (folder / "kapot.json").write_text('{"schema": "wakker-journal", "entries": [', encoding="utf-8")
    ui.flush()

    v = class_tournament_view(folder)
    assert v.message.value == ""
    # the notebook's settings: Case's points, 10 rounds, no self-play, the nine characters
    t = v.result.tournament
    assert t.payoffs == P.CASE and t.rounds == 10 and not t.self_play
    labels = list(v.result.ranking["label"])
    assert sorted(labels) == sorted([nb07.name_of(s) for s in nb07.main_characters()]
                                    + ["Voorzichtige Buurvrouw (Anna)", "Spiegel (Bram)"])
    assert not any("_" in x for x in labels)  # no English ids like tit_for_tat
    # the Dutch table, the HTML ranking and the heat map all use those labels
    # 'van' before 'strategie' (a teacher's review at 390 px: the name was past the right edge of the scrolling table)
    assert list(v.table.columns) == ["plaats", "van", "strategie", "punten in totaal", "gemiddeld per ronde"]
    head = v.table_html.value.split("</tr>")[0]
    assert head.index(">van<") < head.index(">strategie<")
    bram = next(row for row in v.table_html.value.split("<tr>") if ">Bram<" in row)
    assert bram.index(">Bram<") < bram.index("Spiegel")
    # the table (and the HTML ranking) names a student once, in 'van': on a phone "Spiegel (Bram)" next to "Bram"
    # made every row two lines high (a teacher's review); the characters' names are their labels
    assert [(s, v_) for s, v_ in zip(v.table["strategie"], v.table["van"]) if v_ != "personage"] == [
        (label.split(" (")[0], label.split(" (")[1][:-1]) for label in labels if "(" in label]
    assert sorted(v.table.loc[v.table["van"] == "personage", "strategie"]) == sorted(
        nb07.name_of(s) for s in nb07.main_characters())
    assert "Spiegel (Bram)" not in v.table_html.value and "Bram" in v.table_html.value
    assert "Voorzichtige Buurvrouw (Anna)" not in v.table_html.value and "plaats" in v.table_html.value
    for row in v.table_html.value.split("<tr>")[2:]:  # every student's name once in its row
        assert sum(row.count(who) for who in ("Anna", "Bram")) <= 1, row
    assert list(v.fig.data[0].y) == labels == list(v.fig.data[0].x)
    assert v.fig.data[0].visible is not False and len(v.fig.data[0].z) == 11
    assert "2 strategieën van studenten en 9 personages" in v.summary.value
    assert "10 rondes" in v.summary.value and "wint" in v.summary.value
    assert "punten T\u00a03, R\u00a02, P\u00a00, S\u00a0−1" in v.summary.value  # no line break inside 'S −1'
    assert "0\u00a0% kans" in v.summary.value
    # the broken file is reported in Dutch; the .md and .html exports are listed as not read
    assert v.problems[0] == ("bestand kapot.json overgeslagen: Dit bestand is geen geldig JSON-bestand; "
                             "kies het .json-bestand van je export.")
    assert len(v.problems) == 5 and all("geen .json-bestand; het .json-bestand van dezelfde export is" in p
                                        for p in v.problems[1:])
    assert "kapot.json" in v.problems_html.value and "Niet meegenomen (5)" in v.problems_html.value
    # Bram's Spiegel plays exactly like the character against everyone without chance
    m = v.result.matrix
    for rival in ("Valsspeler", "Goedzak", "Wrokkoester", "Rechercheur"):
        assert m.loc["Spiegel (Bram)", rival] == m.loc["Spiegel", rival]


def test_class_tournament_view_without_exports(tmp_path):
    v = class_tournament_view(tmp_path / "leeg", include_characters=False)
    assert "bestaat niet" in v.message.value and "er is geen toernooi gespeeld" in v.message.value
    assert v.summary.value == "" and v.problems_html.value == "" and v.fig.data[0].visible is False
    (tmp_path / "leeg").mkdir()
    v = class_tournament_view(tmp_path / "leeg", include_characters=False)
    assert "Geen toernooi" in v.summary.value and v.fig.data[0].visible is False
    assert "geen ontworpen strategieën" in v.problems_html.value
    v = class_tournament_view(tmp_path / "leeg")
    assert "0 strategieën van studenten en 9 personages" in v.summary.value
    assert v.problems == ["geen ontworpen strategieën gevonden"]


def test_the_class_tournament_uses_only_public_names_of_the_trust_game():
    import ast

    folder = Path(__file__).resolve().parents[2] / "lib" / "wakker" / "lessons" / "class_tournament"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and "trust_game" in node.module:
                assert not any(a.name.startswith("_") for a in node.names), (path.name, node.module)
                assert not any(part.startswith("_") for part in node.module.split(".")), (path.name, node.module)


# --------------------------------------------------------------------------- issue 8, item 11: the teacher's tournament
# Each test below failed on the code before the fix.

REPO = Path(__file__).resolve().parents[2]


def _view_text(v) -> str:
    """Everything the teacher sees in the view, as one HTML string."""
    return "\n".join([v.message.value, v.summary.value, v.table_html.value, v.problems_html.value])


def _no_english(text: str) -> None:
    for word in ("Error", "Traceback", "int too large", "convert", "Exceeds", "limit", "not a "):
        assert word not in text, word


def test_a_wrong_folder_is_a_dutch_error_and_no_tournament(tmp_path):
    (tmp_path / "inleveren").mkdir()
    out = class_tournament(tmp_path / "inleverne")  # a typo: the characters must not play on their own
    assert out.tournament is None and out.ranking.empty and out.matrix.empty and out.designs.empty
    assert out.error and "inleverne" in out.error and "bestaat niet" in out.error
    assert "inleveren" in out.error.replace("inleverne", "")  # the folder that does exist is suggested
    assert out.problems == [out.error]
    (tmp_path / "bestand.json").write_text("{}", encoding="utf-8")
    out = class_tournament(tmp_path / "bestand.json")
    assert out.tournament is None and "geen map" in out.error

    v = class_tournament_view(tmp_path / "inleverne")
    assert "bestaat niet" in v.message.value and "wakker-fout" in v.message.value
    assert "wint" not in _view_text(v) and "Spiegel" not in _view_text(v)
    assert v.table is None and v.table_html.value == "" and v.summary.value == ""
    assert v.fig.data[0].visible is False and v.fig.widget.layout.display == "none"
    _no_english(_view_text(v))


def test_every_file_that_is_not_used_is_listed_with_its_reason(tmp_path):
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    (tmp_path / "anna.md").write_text("# Portfolio", encoding="utf-8")  # the same export as Markdown
    (tmp_path / "bram.md").write_text("# Portfolio van Bram", encoding="utf-8")  # only the Markdown
    (tmp_path / "Cas.JSON").write_text("{", encoding="utf-8")  # upper-case extension: still read
    _export(tmp_path / "dirk.json", "Dirk", [_entry("tekst", "2025-01-01T10:00:00Z", kind="text", question="r")])
    (tmp_path / "oud").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\0\1")  # hidden system files are not hand-ins
    out = class_tournament(tmp_path, include_classics=False, rounds=3, repetitions=1)
    assert list(out.designs["student"]) == ["Anna"]
    skipped = dict(out.skipped)
    assert set(skipped) == {"anna.md", "bram.md", "Cas.JSON", "dirk.json", "oud"}
    assert skipped["bram.md"] == "geen .json-bestand: lever het .json-bestand van je export in"
    assert "geen .json-bestand" in skipped["anna.md"] and "anna.json" in skipped["anna.md"]
    assert "geen geldig JSON-bestand" in skipped["Cas.JSON"]
    assert "geen ontworpen strategie" in skipped["dirk.json"]
    assert "map" in skipped["oud"]
    for name, reason in out.skipped:
        assert f"bestand {name} overgeslagen: {reason}" in out.problems or name == "oud"
    assert "Alle bestanden" not in class_tournament_view(tmp_path).problems_html.value

    v = class_tournament_view(tmp_path, include_characters=False, repetitions=1)
    shown = v.problems_html.value
    for name in ("anna.md", "bram.md", "Cas.JSON", "dirk.json", "oud"):
        assert name in shown, name
    assert "lever het .json-bestand van je export in" in shown and "Niet meegenomen (5)" in shown
    assert ".DS_Store" not in shown


@pytest.mark.parametrize("digits, where", [(400, "first"), (4000, "CC"), (5000, "first")])
def test_one_huge_integer_skips_only_that_file(tmp_path, digits, where):
    big = "9" * digits
    first, cc = (big, "1") if where == "first" else ("1", big)
    entry = ('{"notebook": "05-vertrouwen", "question": "eigen-strategie", "kind": "strategy", "prompt": "",'
             ' "saved_at": "2025-01-01T10:00:00Z", "value": {"name": "Groot", "first": %s,'
             ' "after": {"CC": %s, "CD": 0, "DC": 1, "DD": 0}}}' % (first, cc))
    (tmp_path / "groot.json").write_text('{"schema": "wakker-journal", "schema_version": 1, "student": "Kees",'
                                         ' "entries": [%s]}' % entry, encoding="utf-8")
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    out = class_tournament(tmp_path, rounds=3, repetitions=1)
    assert list(out.designs["student"]) == ["Anna"] and "Slim (Anna)" in out.tournament.ids
    text = "\n".join(out.problems)
    assert "groot.json" in text and big not in text and len(text) < 600
    _no_english(text)
    v = class_tournament_view(tmp_path, repetitions=1)
    assert v.message.value == "" and "groot.json" in v.problems_html.value
    assert "Slim" in v.table_html.value and "Anna" in v.table_html.value and "Slim (Anna)" in v.fig.data[0].y
    _no_english(_view_text(v))


def test_a_5000_digit_integer_without_pythons_digit_limit(tmp_path, monkeypatch):
    """Some environments lift Python's int-to-str limit: then the number reaches the strategy check."""
    import sys

    if not hasattr(sys, "set_int_max_str_digits"):
        pytest.skip("Python without an int-to-str limit")
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        _export(tmp_path / "groot.json", "Kees", [_entry(_design("Groot", first=10 ** 5000), "2025-01-01T10:00:00Z")])
        _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
        out = class_tournament(tmp_path, rounds=3, repetitions=1)
    finally:
        sys.set_int_max_str_digits(old)
    assert list(out.designs["student"]) == ["Anna"]
    text = "\n".join(out.problems)
    assert "groot.json" in text and len(text) < 600
    _no_english(text)


def _spy_reads(monkeypatch):
    """Count how often each export file is read (through the portfolio's one reader)."""
    reads: dict[str, int] = {}
    real = portfolio.parse_export

    def counting(raw):
        reads["*"] = reads.get("*", 0) + 1
        return real(raw)

    real_read = Path.read_bytes

    def read_bytes(self):
        reads[self.name] = reads.get(self.name, 0) + 1
        return real_read(self)

    monkeypatch.setattr(portfolio, "parse_export", counting)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


def test_a_too_large_file_is_skipped_before_it_is_read(tmp_path, monkeypatch):
    from wakker.lessons.class_tournament import tournament

    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    # a valid export just over the cap, and a 200 MB sparse file (no disk space, no time)
    _export(tmp_path / "groot.json", "Kees", [_entry(_design("Groot"), "2025-01-01T10:00:00Z")], pad="x" * 6000)
    with open(tmp_path / "enorm.json", "wb") as f:
        f.truncate(200 * 1024 * 1024)
    monkeypatch.setattr(tournament, "MAX_FILE_BYTES", 5000, raising=False)  # old code: no cap
    reads = _spy_reads(monkeypatch)
    out = class_tournament(tmp_path, include_classics=False, rounds=3, repetitions=1)
    assert list(out.designs["student"]) == ["Anna"]
    skipped = dict(out.skipped)
    assert "te groot" in skipped["groot.json"] and "te groot" in skipped["enorm.json"]
    assert "200 MB" in skipped["enorm.json"]
    assert reads == {"anna.json": 1, "*": 1}  # each file is read once; the large ones never


def test_the_default_cap_is_5_mb(tmp_path, monkeypatch):
    from wakker.lessons.class_tournament import tournament

    assert tournament.MAX_FILE_BYTES == 5_000_000
    with open(tmp_path / "net-te-groot.json", "wb") as f:
        f.truncate(5_000_001)
    reads = _spy_reads(monkeypatch)
    out = class_tournament(tmp_path, include_classics=False)
    assert "te groot" in dict(out.skipped)["net-te-groot.json"] and reads == {}


def test_another_file_claiming_a_students_name_is_a_conflict(tmp_path):
    """Two files with the same name that share no answer come from two workbooks: maybe two students.
    Both play, each with its file name; nothing is replaced and the teacher is told."""
    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    _export(tmp_path / "zzz.json", "Anna", [_entry(_design("Verrader", 0, 0, 0, 0, 0), "2025-01-05T10:00:00Z")])
    _export(tmp_path / "bram.json", "Bram", [_entry(_design("Spiegel"), "2025-01-01T10:00:00Z")])
    out = class_tournament(tmp_path, include_classics=False, rounds=3, repetitions=1)
    ids = list(out.tournament.ids)
    assert "Slim (Anna, anna.json)" in ids and "Verrader (Anna, zzz.json)" in ids and "Spiegel (Bram)" in ids
    assert len(out.conflicts) == 1
    conflict = out.conflicts[0]
    assert "anna.json" in conflict and "zzz.json" in conflict and "Anna" in conflict
    assert "allebei" in conflict and conflict in out.problems
    assert out.skipped == []
    v = class_tournament_view(tmp_path, include_characters=False, repetitions=1)
    assert "anna.json" in v.problems_html.value and "zzz.json" in v.problems_html.value
    # the table: the strategy's name, and whose with the file (two Anna's); the heat map keeps the whole label
    assert "Slim (Anna, anna.json)" not in v.table_html.value and "Slim (Anna, anna.json)" in v.fig.data[0].y
    whose = dict(zip(v.table["strategie"], v.table["van"]))
    assert whose == {"Slim": "Anna, anna.json", "Verrader": "Anna, zzz.json", "Spiegel": "Bram"}


def test_the_same_student_handing_in_twice_counts_once_with_the_newest(tmp_path):
    """A newer export from the same workbook holds the older versions too: the same student."""
    folder = tmp_path / "inleveren"
    journal = Journal(tmp_path / "anna.sqlite")
    journal.save(NB, nb07.DESIGN_QID, _design("Eerste"), kind="strategy")
    first = export_files(journal, tmp_path / "een", student="Anna")["json"]
    journal.save(NB, nb07.DESIGN_QID, _design("Tweede", 0, 0, 0, 0, 0), kind="strategy")
    second = export_files(journal, tmp_path / "twee", student="Anna")["json"]
    folder.mkdir()
    (folder / "b-oud.json").write_bytes(first.read_bytes())  # the older one sorts last by name
    (folder / "a-nieuw.json").write_bytes(second.read_bytes())
    out = class_tournament(folder, include_classics=False, rounds=3, repetitions=1)
    assert list(out.designs["name"]) == ["Tweede"] and list(out.designs["student"]) == ["Anna"]
    assert list(out.tournament.ids) == ["Tweede (Anna)"]
    assert out.conflicts == []
    assert "a-nieuw.json" in dict(out.skipped)["b-oud.json"]  # listed: older than the other file


def test_the_tournament_and_the_journal_agree_on_the_newest_version(tmp_path, monkeypatch):
    """Whatever moment the journal accepts (another zone, compact, a lower-case z, a space before the
    zone), the tournament orders it as the journal does (the portfolio may accept more forms later)."""
    import dataclasses

    moments = {"a.json": "2025-01-01T11:30:00+01:00",     # 10:30 UTC
               "b.json": "20250101T1045z",                # 10:45 UTC, compact: the newest
               "c.json": "2025-01-01T10:40:00.5 +00:00",  # 10:40:00.5 UTC
               "d.json": "2025-01-01T12:44:00+02:00"}     # 10:44 UTC
    for name in moments:
        _export(tmp_path / name, "Anna", [_entry(_design("Oud", first=0.5), "2025-01-01T09:00:00Z", question="oud"),
                                          _entry(_design(name[0]), "2025-01-01T09:00:00Z")])
    real = portfolio.parse_export

    def with_moment(raw):  # as if the portfolio had accepted these moments
        entries, student = real(raw)
        moment = moments[entries[1].value["name"] + ".json"]
        return [entries[0], dataclasses.replace(entries[1], saved_at=moment)], student

    monkeypatch.setattr(portfolio, "parse_export", with_moment)
    out = class_tournament(tmp_path, include_classics=False, rounds=3, repetitions=1)
    journal = Journal(tmp_path / "j.sqlite", known_notebooks=None)
    for name in sorted(moments):
        journal.add_entries(read_export_file(tmp_path / name)[0])
    assert journal.latest("05-vertrouwen", "eigen-strategie").value["name"] == "b"
    assert not [p for p in out.problems if "tijdstip" in p]
    assert out.designs.set_index("question").loc["eigen-strategie", "file"] == "b.json"
    assert out.conflicts == []  # the four files share the version of "oud": one workbook


def test_teacher_data_is_git_ignored():
    import shutil
    import subprocess

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("no git checkout")
    for path in ("inleveren/anna.json", "inleveren/", "notebooks/inleveren/anna.json", "inleveren-4a/anna.json",
                 "inleveren_2025/anna.md", "klassentoernooi.csv", "notebooks/klassentoernooi-4a.csv",
                 "klassentoernooi_ranglijst.xlsx"):
        done = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "--no-index", path])
        assert done.returncode == 0, f"{path} is not git-ignored"
    for path in ("lib/wakker/lessons/class_tournament/tournament.py", "tests/lessons/test_class_tournament.py"):
        done = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "--no-index", path])
        assert done.returncode == 1, f"{path} must not be ignored"


def test_the_teacher_saves_the_ranking_for_excel_or_reads_why_not(tmp_path):
    """The README's second line must never raise: no tournament is a Dutch message, not a traceback."""
    from wakker.lessons.class_tournament import class_tournament_view

    missing = class_tournament_view(tmp_path / "bestaat-niet")
    assert missing.save_csv(tmp_path / "k.csv") is None and not (tmp_path / "k.csv").exists()
    assert "geen ranglijst om te bewaren" in missing.message.value
    empty = tmp_path / "inleveren"
    empty.mkdir()
    played = class_tournament_view(empty)  # only the characters play
    out = played.save_csv(tmp_path / "k.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a byte order mark, as the download has: Excel reads UTF-8
    text = out.read_text(encoding="utf-8-sig")
    assert out == tmp_path / "k.csv" and text.splitlines()[0].split(";")[0] == "plaats"
    assert "," in text.splitlines()[1] and "De ranglijst staat in" in played.message.value
    blocked = played.save_csv(tmp_path / "k.csv" / "geen-map.csv")
    assert blocked is None and "kon niet bewaard worden" in played.message.value


def test_the_csv_writes_the_decimals_of_the_screen(tmp_path):
    """The ranking on the screen shows 1,20 (two decimals per round, one in total); the CSV wrote 1,2 and 12 (an
    independent review). Now the same decimals, a decimal comma, a plain minus, no '-0,00', fields unquoted."""
    from wakker.lessons.class_tournament import texts, widgets

    place, whose, strategy, total, mean = texts.TABLE_COLUMNS
    table = pd.DataFrame({place: [1, 2, 3], whose: ["Anna", "Bo; Co", "personage"],
                          strategy: ["Spiegel", "Vriendelijk", "Wrok"], total: [12.0, 1234.5, -3.0],
                          mean: [1.2, 0.001, -1.5]})
    text = widgets.csv_table(table).to_csv(sep=";", decimal=",", index=False)
    assert text.splitlines()[1:] == ["1;Anna;Spiegel;12,0;1,20", '2;"Bo; Co";Vriendelijk;1234,5;0,00',
                                     "3;personage;Wrok;-3,0;-1,50"]
    assert table[mean].tolist() == [1.2, 0.001, -1.5]  # the table itself keeps its numbers
    # the view's own file, as on its screen
    empty = tmp_path / "inleveren"
    empty.mkdir()
    played = class_tournament_view(empty)
    rows = [line.split(";") for line in played.save_csv(tmp_path / "k.csv").read_text(encoding="utf-8-sig").splitlines()]
    shown = [[c.replace("\u2212", "-") for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)[3:]]
             for tr in re.findall(r"<tr>(.*?)</tr>", played.table_html.value)[1:]]
    assert [r[3:] for r in rows[1:]] == shown and len(shown) >= 2


def test_on_a_phone_the_teacher_reads_that_the_ranking_scrolls_sideways(tmp_path):
    """At 390 px the class tournament's ranking scrolls sideways (as in notebook 07): a line right above it says so,
    worded for the teacher; the heat map fits there (its own phone drawing, next test). It reuses the kit's class wakker-schuif-hint (hidden by its own style,
    shown by the kit's stylesheet only on a narrow screen) and is there only when there is something to scroll."""
    import re
    from html import escape

    from wakker.lessons.class_tournament import texts, widgets
    from wakker.ui.lean import widgets as w

    _export(tmp_path / "anna.json", "Anna", [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    v = class_tournament_view(tmp_path)
    hint = widgets.SCROLL_HINT_HTML
    assert 'class="wakker-schuif-hint"' in hint and "display:none" in hint
    assert escape(texts.SCROLL_HINT) in hint
    assert texts.SCROLL_HINT.startswith("↔ Schuif de ranglijst opzij")
    assert "de klas" in texts.SCROLL_HINT and "beamer" in texts.SCROLL_HINT  # for the teacher, not a student
    assert v.summary.value.endswith(hint) and v.summary.value.count("wakker-schuif-hint") == 1
    children = list(v.box.children)
    ranking = next(c for c in children if isinstance(c, w.HBox) and v.table_html in c.children)
    assert children[children.index(ranking) - 1] is v.summary and children[children.index(ranking) + 1] is v.fig.widget
    phone = re.search(r"@media \(max-width: 640px\) \{(.*)\}", ui.style.KIT_CSS, re.S).group(1)
    assert ".wakker-schuif-hint { display: block !important; }" in phone
    assert ".wakker-schuif-hint" not in ui.style.KIT_CSS.split("@media (max-width: 640px)")[0]  # wide: hidden
    # nothing to scroll, no hint: no folder, or too few strategies to play
    missing = class_tournament_view(tmp_path / "bestaat-niet")
    assert "wakker-schuif-hint" not in _view_text(missing)
    (tmp_path / "leeg").mkdir()
    few = class_tournament_view(tmp_path / "leeg", include_characters=False)
    assert few.table_html.value == "" and "wakker-schuif-hint" not in _view_text(few)


def test_on_a_phone_the_heat_map_is_numbered_and_fits(tmp_path):
    """At 390 px the heat map of a class of thirty had 34em and a box that scrolled sideways, its names taking most
    of the width (a teacher's review of 09). On a phone (LiveFigure.on_phone) its rows and columns are the rows of
    the ranking, numbered from its top; every fifth number is written when there are many, the colour bar lies under
    the plot, numbers stand in the cells only while they fit, and the box is outside the kit's rule that gave a heat
    map 34em (.wakker-klassentoernooi .wakker-figure). The browser test measures that it fits at 390 px."""
    from wakker.lessons.class_tournament import texts, widgets

    for i, name in enumerate(["Anna", "Bram", "Chloë"]):
        _export(tmp_path / f"s{i}.json", name, [_entry(_design("Slim"), "2025-01-01T10:00:00Z")])
    v = class_tournament_view(tmp_path)
    assert "wakker-klassentoernooi" not in v.box._dom_classes  # the kit's 34em and sideways scrolling
    n = len(v.result.ranking)
    assert n == 12  # three students and the nine characters
    narrow = v.fig.layout.meta["narrow"]
    trace, layout = narrow["data"][0], narrow["layout"]
    numbers = [str(i) for i in range(1, n + 1)]
    # the numbers follow the ranking: row 1 of the heat map is the ranking's top row; the categories stay the names
    # (a tap names who played whom: with equal places a row's number is printed nowhere), only the ticks are numbers
    assert list(v.result.matrix.index)[0] == v.result.ranking["label"].iloc[0]
    assert "x" not in trace and "y" not in trace
    assert layout["yaxis"]["tickvals"] == list(v.result.matrix.index) and layout["yaxis"]["ticktext"] == numbers
    assert layout["xaxis"]["tickvals"] == list(v.result.matrix.columns) and layout["xaxis"]["ticktext"] == numbers
    assert layout["xaxis"]["title"]["text"] == texts.PHONE_X and "ranglijst" in texts.PHONE_Y
    assert trace["colorbar"]["orientation"] == "h" and trace["showscale"] is True
    assert trace["texttemplate"] == ""  # 12 columns: a cell is too narrow for '−0,5'
    assert "%{y}<br>tegen %{x}" in trace["hovertemplate"] and "rij" not in trace["hovertemplate"]
    # the wide figure keeps its names
    assert list(v.fig.data[0].x) == list(v.result.matrix.columns)
    assert widgets.phone_ticks(31) == ["1", "5", "10", "15", "20", "25", "30"]
    assert widgets.phone_ticks(12) == [str(i) for i in range(1, 13)]
    # played again (with fewer): the phone drawing follows
    few = class_tournament_view(tmp_path, include_characters=False)
    trace = few.fig.layout.meta["narrow"]["data"][0]
    ticks = few.fig.layout.meta["narrow"]["layout"]["xaxis"]
    assert ticks["ticktext"] == ["1", "2", "3"] and ticks["tickvals"] == list(few.result.matrix.columns)
    assert trace["texttemplate"] == "%{text}"
