"""Reflection widgets: answers save themselves, come back, and invalid use shows Dutch text."""
import time

import pytest

from wakker import ui
from wakker.ui.export import ExportPanel
from wakker.core.journal import Journal

NB = "00_start"


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


def restart(journal):
    """What a kernel restart leaves: only the file."""
    ui.flush()
    return ui.Page(NB, journal=Journal(journal.path))


def test_open_question_saves_after_a_pause_and_comes_back(journal):
    page = ui.Page(NB, journal=journal)
    q = page.open_question("demo", "Wat betekent vertrouwen voor jou?")
    assert "Nog niet beantwoord" in q.status.value
    for text in ["V", "Ve", "Vertrouwen is"]:
        q.area.value = text
    assert "wordt zo opgeslagen" in q.status.value
    deadline = time.time() + 5
    while "opgeslagen om" not in q.status.value and time.time() < deadline:
        time.sleep(0.05)
    assert "opgeslagen om" in q.status.value
    assert [e.value for e in journal.history(NB, "demo")] == ["Vertrouwen is"]  # one version per pause
    again = restart(journal).open_question("demo", "Wat betekent vertrouwen voor jou?")
    assert again.area.value == "Vertrouwen is"
    assert "eerder antwoord" in again.status.value


def test_flush_saves_what_is_pending(journal):
    q = ui.Page(NB, journal=journal).open_question("demo", "?")
    q.area.value = "net getypt"
    ui.flush()
    assert journal.latest(NB, "demo").value == "net getypt"


def test_scale_and_choice_save_at_once_and_restore(journal):
    page = ui.Page(NB, journal=journal)
    s = page.scale("schaal", "Hoeveel vertrouwen?", low_label="geen", high_label="veel")
    s.buttons.value = 4
    c = page.choice("keuze", "Welke?", [("A", "Klopt, want..."), ("B", "Niet helemaal...")])
    c.radio.index = 1
    assert "Niet helemaal" in c.message.value
    m = page.choice("meer", "Welke?", ["x", ("y", "uitleg y"), {"label": "z", "feedback": "uitleg z"}], multiple=True)
    m.boxes[1].value = True
    m.boxes[2].value = True
    assert "uitleg y" in m.message.value and "uitleg z" in m.message.value
    page2 = restart(journal)
    assert page2.scale("schaal", "Hoeveel vertrouwen?").buttons.value == 4
    c2 = page2.choice("keuze", "Welke?", [("A", "Klopt, want..."), ("B", "Niet helemaal...")])
    assert c2.radio.index == 1 and "Niet helemaal" in c2.message.value
    m2 = page2.choice("meer", "Welke?", ["x", "y", "z"], multiple=True)
    assert [b.value for b in m2.boxes] == [False, True, True]
    assert journal.latest(NB, "meer").value == {"selected": ["y", "z"], "label": "y; z"}


def test_answer_of_another_kind_is_shown_not_crashed(journal):
    journal.save(NB, "vorm", "oude tekst", kind="text")
    s = ui.Page(NB, journal=journal).scale("vorm", "Nu een schaal")
    assert s.buttons.value is None and "oude tekst" in s.message.value
    assert s.box.children[-2:] == (s.message, s.status)  # on screen, above the save status


def test_the_message_line_is_made_when_first_needed_and_shown_above_the_save_status(journal):
    """A question makes no message widget until it has something to say (most never do)."""
    page = ui.Page(NB, journal=journal)
    c = page.choice("keuze", "Welke?", [("A", "Goed gezien."), ("B", "Kijk nog eens.")])
    q = page.open_question("open", "Wat denk jij?")
    assert c._message is None and q._message is None
    assert c.box.children == (c.box.children[0], c.radio, c.status) and len(q.box.children) == 3
    c.radio.index = 1
    assert c.box.children[1:] == (c.radio, c.message, c.status) and "Kijk nog eens." in c.message.value
    c.radio.index = 0  # the same line again, not a second one
    assert c.box.children[1:] == (c.radio, c.message, c.status) and "Goed gezien." in c.message.value
    again = restart(journal).choice("keuze", "Welke?", [("A", "Goed gezien."), ("B", "Kijk nog eens.")])
    assert again.box.children[1:] == (again.radio, again.message, again.status)  # restored with its feedback


@pytest.mark.parametrize("notebook, qid", [("99_onbekend", "q"), ("", "q"), (NB, ""), (NB, "spatie erin")])
def test_invalid_ids_show_dutch_message(journal, notebook, qid):
    q = ui.Page(notebook, journal=journal).open_question(qid, "Vraag")
    assert q.error and "⚠" in q.box.children[1].value
    assert q.save() is None
    assert journal.entries() == []


def test_bad_scale_shows_message(journal):
    s = ui.Page(NB, journal=journal).scale("s", "Schaal", low=1, high=40)
    assert "tussen 2 en 11" in s.input.value


def test_quote_and_term_html():
    html = ui.quote_html("boek-werkvonken:wakkere-mensen")
    assert "Frans Verhaaren &amp; Jan van Ginkel" in html and "(2018)" in html and "Opbouw van dit boek" in html
    assert "z.j." in ui.quote_html("blog-vertrouwen:wat-is-vertrouwen")
    foreword = ui.quote_html("boek-werkvonken:niet-of-of")  # written by Maarten Schurink, not the authors
    assert "— Maarten Schurink, Voorwoord, in: Frans Verhaaren &amp; Jan van Ginkel" in foreword
    assert "⚠" in ui.quote_html("bestaat:niet")
    # a quotation inside the quotation gets single marks, so that the marks around it stay unambiguous
    nested = ui.quote_html("blog-vertrouwen:riphagen-vraag")
    assert "vragen: ‘Kan ik jou vertrouwen?’”" in nested and nested.count("“") == 1
    assert 'id="begrip-leefwereld"' in ui.term_html("leefwereld")
    assert "⚠" in ui.term_html("onbekend-begrip")
    from wakker.core.content import content
    shown, entries = ui.map_html(), list(content().notebooks.values())
    assert "00_start.ipynb" in shown and shown.count("<tr>") == len(entries) + 1
    assert shown.count("✓ klaar") == sum(nb.status == "klaar" for nb in entries)
    assert shown.count("in voorbereiding") == sum(nb.status != "klaar" for nb in entries)


def test_export_panel_exports_and_imports(journal, tmp_path, monkeypatch):
    monkeypatch.setenv("WAKKER_EXPORTS", str(tmp_path / "exports"))
    journal.save(NB, "q", "mijn antwoord")
    panel = ExportPanel(journal)
    panel.name.value = "Sam"
    panel._export()
    files = sorted(p.suffix for p in (tmp_path / "exports").iterdir())
    assert files == [".html", ".json", ".md"] and "Geëxporteerd" in panel.result.value
    raw = next((tmp_path / "exports").glob("*.json")).read_bytes()
    other = Journal(tmp_path / "ander.sqlite")
    msg = ExportPanel(other).import_bytes(raw)
    assert "1 nieuwe versie" in msg and other.latest(NB, "q").value == "mijn antwoord"
    bad = ExportPanel(other).import_bytes(b"<html>geen json</html>")
    assert "⚠" in bad and "niets veranderd" in bad
    assert len(other.entries()) == 1


def test_choice_answer_follows_its_option_when_options_are_reordered(journal):
    page = ui.Page(NB, journal=journal)
    c = page.choice("volgorde", "Welke?", ["Zwijgen", "Verraden", "Weet ik niet"])
    c.radio.index = 1
    page2 = restart(journal)
    c2 = page2.choice("volgorde", "Welke?", ["Weet ik niet", "Verraden", "Zwijgen", "Nieuw"])
    assert c2.radio.value == "Verraden"
    c3 = restart(journal).choice("volgorde", "Welke?", ["Verraden", "Zwijgen"])
    assert c3.radio.value == "Verraden"


def test_choice_restores_answers_saved_as_positions(journal):
    """Answers saved before option ids existed held positions; they come back on the option with that text."""
    journal.save(NB, "oud", {"selected": [0], "label": "A"}, kind="choice", prompt="Welke?")
    journal.save(NB, "oud-meer", {"selected": [0, 2], "label": "x; z"}, kind="choice", prompt="Welke?")
    page = ui.Page(NB, journal=journal)
    assert page.choice("oud", "Welke?", ["A", "B"]).radio.value == "A"
    reordered = page.choice("oud", "Welke?", ["B", "A"])
    assert reordered.radio.value == "A"
    m = page.choice("oud-meer", "Welke?", ["z", "y", "x"], multiple=True)
    assert [b.value for b in m.boxes] == [True, False, True]
    gone = page.choice("oud", "Welke?", ["C", "D"])
    assert gone.radio.index is None and "Je eerdere antwoord: A" in gone.message.value


def test_option_ids_are_stable_and_unique():
    from wakker.ui.questions import make_options

    opts = make_options(["Zwijgen: ik vertrouw B.", "Zwijgen: ik vertrouw B.", {"id": "eigen", "label": "X"}])
    assert [o.id for o in opts] == ["zwijgen-ik-vertrouw-b", "zwijgen-ik-vertrouw-b-2", "eigen"]
