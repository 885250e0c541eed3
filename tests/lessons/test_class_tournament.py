"""The teacher's class tournament: students' exported strategies against notebook 07's characters.

Exports are read only through ``wakker.core.portfolio`` (the same checks as importing them)."""
from __future__ import annotations

import json
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
    assert len(out.problems) == 7
    # Anna's newest version (tit for tat) behaves like tit for tat
    m = out.tournament.matrix
    assert m.loc["Slim (Anna)", "always_defect"] == m.loc["tit_for_tat", "always_defect"]
    assert out.matrix.loc["Slim (Anna)", "Valsspeler"] == out.matrix.loc["Spiegel", "Valsspeler"]


def test_class_tournament_name_clash_with_student_names(tmp_path):
    for i, who in enumerate(["Anna", "Bram"]):
        _export(tmp_path / f"{i}.json", who, [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    _export(tmp_path / "2.json", "Anna", [_entry(_design("Vriend", 0, 0, 0, 0, 0), "2025-01-03T10:00:00Z")])
    _export(tmp_path / "3.json", None, [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    _export(tmp_path / "4.json", "  ", [_entry(_design("Vriend"), "2025-01-01T10:00:00Z")])
    out = class_tournament(tmp_path, include_classics=False, rounds=5, repetitions=1)
    # the same student exporting twice counts once (newest wins); two anonymous files count twice
    # (in the order of the files that hold the newest versions: 1, 2, 3, 4)
    assert list(out.tournament.ids) == ["Vriend (Bram)", "Vriend (Anna)", "Vriend (anoniem)", "Vriend (anoniem) 2"]
    anna = out.designs.set_index("student").loc["Anna"]
    assert anna["first"] == 0.0 and anna["file"] == "2.json"
    assert out.problems == []


def test_class_tournament_empty_and_missing(tmp_path):
    out = class_tournament(tmp_path / "bestaat-niet", include_classics=False)
    assert out.tournament is None and out.designs.empty
    assert any("bestaat niet" in p for p in out.problems)
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
    assert list(ranking.columns) == ["rank", "label", "student", "character", "total", "mean", "strategy"]
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
    assert result.problems == []


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
    assert list(v.table.columns) == ["plaats", "strategie", "van", "punten in totaal", "gemiddeld per ronde"]
    assert list(v.table["strategie"]) == labels
    whose = dict(zip(v.table["strategie"], v.table["van"]))
    assert whose["Spiegel"] == "personage" and whose["Spiegel (Bram)"] == "Bram"
    assert "Spiegel (Bram)" in v.table_html.value and "plaats" in v.table_html.value
    assert list(v.fig.data[0].y) == labels == list(v.fig.data[0].x)
    assert v.fig.data[0].visible is not False and len(v.fig.data[0].z) == 11
    assert "2 strategieën van leerlingen en 9 personages" in v.summary.value
    assert "10 rondes" in v.summary.value and "wint" in v.summary.value
    assert "punten T 3, R 2, P 0, S −1" in v.summary.value
    # the broken file is reported in Dutch, the .md and .html exports are not files to read
    assert v.problems == ["bestand kapot.json overgeslagen: Dit bestand is geen geldig JSON-bestand; "
                          "kies het .json-bestand van je export."]
    assert "kapot.json" in v.problems_html.value and "Niet meegenomen (1)" in v.problems_html.value
    # Bram's Spiegel plays exactly like the character against everyone without chance
    m = v.result.matrix
    for rival in ("Valsspeler", "Goedzak", "Wrokkoester", "Rechercheur"):
        assert m.loc["Spiegel (Bram)", rival] == m.loc["Spiegel", rival]


def test_class_tournament_view_without_exports(tmp_path):
    v = class_tournament_view(tmp_path / "leeg", include_characters=False)
    assert "Geen toernooi" in v.summary.value and v.fig.data[0].visible is False
    assert "bestaat niet" in v.problems_html.value and "geen ontworpen strategieën" in v.problems_html.value
    v = class_tournament_view(tmp_path)
    assert "0 strategieën van leerlingen en 9 personages" in v.summary.value
    assert v.problems == ["geen ontworpen strategieën gevonden"]


def test_the_class_tournament_uses_only_public_names_of_the_trust_game():
    import ast

    folder = Path(__file__).resolve().parents[2] / "lib" / "wakker" / "lessons" / "class_tournament"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and "trust_game" in node.module:
                assert not any(a.name.startswith("_") for a in node.names), (path.name, node.module)
                assert not any(part.startswith("_") for part in node.module.split(".")), (path.name, node.module)
