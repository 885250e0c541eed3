"""The branching case (wakker.ui.branching): parsing with Dutch errors, walking, saving and restoring."""
from __future__ import annotations

import copy

import pytest

from wakker import ui
from wakker.core.data import ContentError
from wakker.core.journal import Journal
from wakker.core.portfolio import describe
from wakker.ui.branching import BranchingCase, parse_case

NB = "00_start"

DOC = {
    "start": "begin",
    "steps": [
        {"id": "begin", "text": ["Eerste alinea.", "Tweede alinea."], "question": "Wat doe je?",
         "options": [
             {"id": "wachten", "label": "Afwachten", "consequence": "Misschien gaat het vanzelf.", "next": "later"},
             {"id": "praten", "label": "In gesprek gaan", "consequence": "Dat kan helpen of olie op het vuur zijn."},
         ]},
        {"id": "later", "text": "Een half jaar later.", "question": "En nu?",
         "options": [
             {"id": "toch-praten", "label": "Toch praten", "consequence": "Laat, maar niet te laat.", "next": "einde"},
             {"id": "blijven-wachten", "label": "Blijven wachten", "consequence": "Het kan nog steeds."},
         ]},
        {"id": "einde", "text": "Zo liep het af."},
    ],
}


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


def restart(journal):
    ui.flush()
    return ui.Page(NB, journal=Journal(journal.path))


def test_parse_keeps_paragraphs_and_lists_every_path():
    case = parse_case(DOC, "casus.yaml")
    assert case.step("begin").text == "Eerste alinea.\n\nTweede alinea."
    assert case.step("einde").is_end
    assert case.paths() == [["wachten", "toch-praten"], ["wachten", "blijven-wachten"], ["praten"]]


@pytest.mark.parametrize("change, words", [
    (lambda d: d["steps"][0]["options"][0].update(next="nergens"), "stap 'nergens' bestaat niet"),
    (lambda d: d["steps"][1]["options"][0].update(next="begin"), "loopt rond"),
    (lambda d: d["steps"].append({"id": "los", "text": "Niemand komt hier."}), "niet te bereiken"),
    (lambda d: d.update(start="geen"), "'start'"),
    (lambda d: d["steps"][0]["options"].append(dict(d["steps"][0]["options"][0])), "twee keer"),
    (lambda d: d["steps"][0].pop("question"), "'question'"),
    (lambda d: d["steps"][0]["options"][1].pop("consequence"), "'consequence'"),
])
def test_parse_refuses_a_broken_case_in_dutch(change, words):
    doc = copy.deepcopy(DOC)
    change(doc)
    with pytest.raises(ContentError) as err:
        parse_case(doc, "casus.yaml")
    assert "casus.yaml" in str(err.value) and words in str(err.value)


def test_walking_the_case_saves_the_path_and_restores_it(journal):
    case = parse_case(DOC, "casus.yaml")
    page = ui.Page(NB, journal=journal)
    widget = BranchingCase(page, "casus", case, "Het dorp")
    assert widget.current().id == "begin" and widget.radio is not None
    assert "Nog niet begonnen" in widget.status.value
    widget.radio.index = 0  # what a click does
    assert widget.path == ["wachten"] and widget.current().id == "later"
    shown = " ".join(c.value for c in widget.steps_box.children if hasattr(c, "value") and isinstance(c.value, str))
    assert "Jouw keuze: Afwachten" in shown and "Misschien gaat het vanzelf." in shown and "Een half jaar later." in shown
    widget.choose("toch-praten")
    assert widget.finished and widget.current() is None and widget.radio is None
    assert "Zo liep het af." in widget.steps_box.children[-1].value
    saved = journal.latest(NB, "casus")
    assert saved.kind == "case"
    assert saved.value["path"] == ["wachten", "toch-praten"] and saved.value["finished"] is True
    assert describe(saved.value, saved.kind, NB) == "Wat doe je? → Afwachten; En nu? → Toch praten (einde)"

    again = BranchingCase(restart(journal), "casus", case, "Het dorp")
    assert again.path == ["wachten", "toch-praten"] and again.finished
    assert "eerdere pad" in again.status.value
    again.restart()
    assert again.path == [] and again.current().id == "begin"
    again.choose("praten")
    assert again.finished  # an option without 'next' ends the case
    assert [e.value["path"] for e in journal.history(NB, "casus")] == [["wachten"], ["wachten", "toch-praten"], ["praten"]]


def test_a_saved_path_that_no_longer_fits_is_shown_not_lost(journal):
    page = ui.Page(NB, journal=journal)
    journal.save(NB, "casus", {"path": ["bestaat-niet"], "label": "Een oud pad"}, kind="case")
    widget = BranchingCase(page, "casus", parse_case(DOC, "casus.yaml"), "Het dorp")
    assert widget.path == [] and widget.current().id == "begin"
    assert "Een oud pad" in widget.message.value
    assert "past niet meer" in widget.status.value
    with pytest.raises(ValueError):
        widget.choose("toch-praten")  # not an option of the first step


def test_a_label_with_its_own_full_stop_reads_well_in_the_portfolio(journal):
    doc = copy.deepcopy(DOC)
    doc["steps"][0]["options"][0]["label"] = "Afwachten."
    widget = BranchingCase(ui.Page(NB, journal=journal), "casus", parse_case(doc, "casus.yaml"), "Het dorp")
    widget.choose("wachten")
    widget.choose("toch-praten")
    saved = journal.latest(NB, "casus")
    assert describe(saved.value, saved.kind, NB) == "Wat doe je? → Afwachten; En nu? → Toch praten (einde)"
