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
    assert s.box.message == s.message.value  # on screen: the question's one model has it


def test_the_feedback_line_is_empty_until_needed_replaced_on_each_choice_and_restored(journal):
    """The feedback line is part of the question's one model (the page shows it above the save status only when
    it has something to say; tests/browser checks that): one line, not a new one per choice."""
    page = ui.Page(NB, journal=journal)
    c = page.choice("keuze", "Welke?", [("A", "Goed gezien."), ("B", "Kijk nog eens.")])
    q = page.open_question("open", "Wat denk jij?")
    assert c.box.message == "" and q.box.message == ""
    c.radio.index = 1
    assert "Kijk nog eens." in c.box.message and c.box.message == c.message.value
    c.radio.index = 0  # the same line again, not a second one
    assert "Goed gezien." in c.box.message and "Kijk nog eens." not in c.box.message
    again = restart(journal).choice("keuze", "Welke?", [("A", "Goed gezien."), ("B", "Kijk nog eens.")])
    assert "Goed gezien." in again.box.message and again.box.chosen == [0]  # restored with its feedback


@pytest.mark.parametrize("notebook, qid", [("99_onbekend", "q"), ("", "q"), (NB, ""), (NB, "spatie erin")])
def test_invalid_ids_show_dutch_message(journal, notebook, qid):
    q = ui.Page(notebook, journal=journal).open_question(qid, "Vraag")
    assert q.error and "⚠" in q.box.problem and q.box.kind == "none"
    assert q.save() is None
    assert journal.entries() == []


def test_bad_scale_shows_message(journal):
    s = ui.Page(NB, journal=journal).scale("s", "Schaal", low=1, high=40)
    assert "tussen 2 en 11" in s.box.problem and s.buttons is None


def test_quote_and_term_html():
    html = ui.quote_html("boek-werkvonken:wakkere-mensen")
    assert "Frans Verhaaren &amp; Jan van Ginkel" in html and "(2018)" in html and "Opbouw van dit boek" in html
    blog = ui.quote_html("blog-vertrouwen:wat-is-vertrouwen")
    assert "z.j." in blog
    # a text without a title of its own: its description is not set as a title (a teacher's reading of 07: students
    # would cite it as one); a real title is
    assert "Blog over vertrouwen in het sociaal domein" in blog and "<i>Blog over" not in blog
    assert "<i>Werkvonken naar wakkere gemeenschappen" in html
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


def test_a_question_is_one_model_and_its_drawing_code_comes_once_per_page(journal):
    """Issue 11: each question's own module is a small stub; the code that draws it is in the kit's front-end
    hook, which the page gets once (27 questions in notebook 07 would otherwise each bring ~6 kB of code)."""
    from wakker.ui.lean import model_count
    from wakker.ui.style import front_end, front_end_esm

    page = ui.Page(NB, journal=journal)
    kinds = [page.open_question("o", "Open?"), page.scale("s", "Hoeveel?"), page.choice("c", "Welke?", ["a", "b"]),
             page.choice("m", "Welke?", ["a", "b"], multiple=True)]
    assert [q.box.kind for q in kinds] == ["text", "scale", "choice", "multi"]
    assert all(model_count(q.box) == 1 for q in kinds)
    assert len({q.box._esm for q in kinds}) == 1 and len(kinds[0].box._esm) < 1000
    assert "window.__wakkerQuestionKit = QUESTION" in front_end_esm() == front_end()._esm
    assert "'__wakkerQuestionKit'" in kinds[0].box._esm and "QUESTION = " not in kinds[0].box._esm


def test_the_answer_controls_act_as_the_widgets_they_replace(journal):
    """Lesson code and tests use ``q.area``, ``q.radio``, ``q.buttons``, ``q.boxes`` as ipywidgets controls."""
    page = ui.Page(NB, journal=journal)
    c = page.choice("c", "Welke?", ["Eerste", "Tweede", "Derde"])
    seen = []
    c.radio.observe(lambda change: seen.append(change["new"]), names="value")
    c.radio.value = "Derde"
    assert c.radio.index == 2 and c.box.chosen == [2] and seen == [[2]]
    c.radio.index = 0
    assert c.radio.value == "Eerste" and c.radio.options == ("Eerste", "Tweede", "Derde")
    with pytest.raises(IndexError):
        c.radio.index = 3
    s = page.scale("s", "Hoeveel?", low=0, high=10)
    s.buttons.value = 7
    assert s.box.chosen == [7] and s.box.options[7] == "7" and s.value()["value"] == 7
    s.box.chosen = [3]  # as the page sends a click on the fourth button
    assert s.buttons.value == 3
    m = page.choice("m", "Welke?", ["a", "b", "c"], multiple=True)
    m.boxes[2].value = True
    m.boxes[0].value = True
    m.boxes[2].value = False
    assert m.box.chosen == [0] and [b.value for b in m.boxes] == [True, False, False]
    assert [b.description for b in m.boxes] == ["a", "b", "c"]
    ui.flush()
    assert journal.latest(NB, "m").value == {"selected": ["a"], "label": "a"}
    assert journal.latest(NB, "s").value["value"] == 3 and journal.latest(NB, "c").value["selected"] == ["eerste"]


def test_a_question_opens_without_the_empty_values_its_page_code_reads_as_empty(journal):
    """Its first message leaves out what the kit's code reads as empty when absent (an unanswered question's
    text, choice, feedback; the page's own defaults), and keeps what it shows (issue 11, bytes)."""
    from wakker.ui.lean import _first_state
    from wakker.ui.style import front_end_esm

    page = ui.Page(NB, journal=journal)
    q = _first_state(page.open_question("o", "Open?").box)
    assert {"text", "chosen", "message", "problem", "options", "_view_count", "tabbable", "tooltip", "status"}.isdisjoint(q)
    # the page's code shows 'Nog niet beantwoord.' for a question without a status
    assert q["kind"] == "text" and "Open?" in q["head"] and "Nog niet beantwoord" in front_end_esm()
    assert q["placeholder"] == "Typ hier je antwoord…" and "rows" not in q  # 5 is the page's default too
    journal.save(NB, "c", {"selected": ["b"], "label": "b"}, kind="choice")
    c = _first_state(page.choice("c", "Welke?", [("a", "Ja."), ("b", "Nee.")]).box)
    assert c["chosen"] == [1] and "Nee." in c["message"] and c["options"] == ["a", "b"] and "eerder antwoord" in c["status"]
    assert _first_state(page.open_question("o2", "Kort?", rows=2).box)["rows"] == 2


def test_a_question_that_can_only_show_what_is_wrong_still_brings_the_kits_code(journal, monkeypatch):
    """Found in review: on a page that failed (an unknown notebook) nothing had made the kit's front-end hook, so
    the page never got the code that draws questions and each showed, after 20 s, that it could not be shown
    instead of its question and the Dutch reason. And an invalid id (with a space) gives no CSS class of it: the
    browser refuses a class with a space, and the question then lost its margins."""
    from wakker.ui import style

    monkeypatch.setattr(style, "_front_end", None)
    monkeypatch.setattr(style, "_front_ends", {})
    q = ui.Page("99_onbekend", journal=journal).open_question("q", "Werkt dit?")
    assert q.error and q.box.kind == "none" and "Onbekend notebook" in q.box.problem
    assert style._front_end is not None
    bad = ui.Page(NB, journal=journal).open_question("Slechte id!", "Vraag")
    assert bad.error and bad.box._dom_classes == ("wakker-question",)
    good = ui.Page(NB, journal=journal).open_question("goed.id:1", "Vraag")
    assert good.box._dom_classes == ("wakker-question", "wakker-q-goed.id:1")


def test_an_emptied_answer_says_so_when_it_is_saved_and_when_it_comes_back(journal):
    """A teacher's review: deleting all of an answer saved the empty answer under "✓ opgeslagen om 14:05", the
    same line as any answer, so a student could not see that what was kept now is an EMPTY answer."""
    page = ui.Page(NB, journal=journal)
    q = page.open_question("demo", "Wat betekent vertrouwen voor jou?")
    q.area.value = "Iets"
    ui.flush()
    assert "✓ opgeslagen om" in q.status.value and "leeg" not in q.status.value
    q.area.value = ""  # the student deleted everything
    assert "wordt zo opgeslagen" in q.status.value
    ui.flush()
    assert journal.latest(NB, "demo").value == ""
    assert "✓ leeg antwoord opgeslagen om" in q.status.value
    q.area.value = "  \n "  # only spaces and a blank line: the box looks empty too
    ui.flush()
    assert "leeg antwoord opgeslagen om" in q.status.value
    q.area.value = "Weer iets"
    ui.flush()
    assert "leeg" not in q.status.value
    q.area.value = ""
    ui.flush()
    again = restart(journal).open_question("demo", "Wat betekent vertrouwen voor jou?")
    assert again.area.value == "" and "✓ leeg antwoord, opgeslagen op" in again.status.value
    # several options: unticking all of them is an empty answer as well; a scale or one choice is never empty
    m = page.choice("m", "Welke?", ["a", "b"], multiple=True)
    m.boxes[0].value = True
    assert "leeg" not in m.status.value and "opgeslagen om" in m.status.value
    m.boxes[0].value = False
    assert journal.latest(NB, "m").value["selected"] == [] and "✓ leeg antwoord opgeslagen om" in m.status.value
    s = page.scale("s", "Hoeveel?")
    s.buttons.value = 1
    c = page.choice("c", "Welke?", ["a", "b"])
    c.radio.index = 0
    assert "leeg" not in s.status.value + c.status.value


def test_a_question_made_again_takes_the_place_of_the_older_one_after_writing_its_waiting_save(journal):
    """A teacher's review: each re-run of a question's cell kept the question made before alive (saving._live held
    6 after 5 re-runs; ipywidgets' registry of open models kept it). Now the newer one takes its place: the older
    one's waiting save is written first (nothing typed is lost, and the newer one shows it), then the older one
    leaves the registry and its model is closed."""
    import gc
    import weakref

    from wakker.ui import saving

    page = ui.Page(NB, journal=journal)
    other = page.open_question("ander", "Iets anders?")
    other.area.value = "wacht nog"  # another question's waiting save is not this re-run's business
    old = page.open_question("demo", "?")
    old.area.value = "net getypt"  # waiting for its save delay
    assert saving.pending.waiting(id(old)) == 1
    # this page's questions only: _live is the whole process's registry, and the gc.collect() below may also let go
    # of another test's widget (CI saw 185 == 186); counting, not keeping, so that nothing here holds them alive
    mine = lambda: sum(1 for q in saving._live if q.page is page)  # noqa: E731
    before = mine()
    new = page.open_question("demo", "?")
    assert journal.latest(NB, "demo").value == "net getypt"  # written before the new one restored
    assert new.area.value == "net getypt" and "eerder antwoord" in new.status.value
    assert saving.pending.waiting(id(other)) == 1
    gone = weakref.ref(old)
    del old
    for _ in range(5):  # five more re-runs of the cell
        new = page.open_question("demo", "?")
    gc.collect()
    assert gone() is not None  # its model stays open a while, for letters still on their way (see below)
    ui.flush()  # closes the replaced models now, as their timers do after saving.RETIRED_OPEN seconds
    gc.collect()
    assert gone() is None  # the replaced question is let go
    assert mine() == before == 2
    assert [q for q in saving._live if q.qid == "demo" and q.page is page] == [new]
    # the same id in another notebook, or in another journal, is another answer: both stay
    elsewhere = ui.Page("01_boek_inleiding", journal=journal).open_question("demo", "?")
    assert new in saving._live and elsewhere in saving._live
    ui.flush()
    assert journal.latest(NB, "ander").value == "wacht nog"


def test_letters_that_reach_a_replaced_question_after_the_re_run_go_on_to_the_newer_one(journal):
    """CI, in 00's browser test: text typed just before the question's cell was run again came back cut off ('Net
    voor het opnieuw uitvo'). JupyterLab sends a model one change at a time and holds the newest back until the
    kernel has handled the one before, so the last letters reached the kernel after the re-run, for a model that
    was closed by then. Now the replaced model stays open a while, and what reaches it goes on to the newer
    question (on screen and saved), as long as nothing was changed there yet; the replaced one writes nothing."""
    from wakker.ui import saving

    page = ui.Page(NB, journal=journal)
    old = page.open_question("demo", "?")
    old.area.value = "Net voor het opnieuw uitvo"
    new = page.open_question("demo", "?")  # the cell run again: the older one's waiting save is written first
    assert new.area.value == "Net voor het opnieuw uitvo"
    assert old.box.comm is not None  # still open for what is on its way
    old.box.set_state({"text": "Net voor het opnieuw uitvoeren."})  # the browser's held-back change arrives
    assert new.area.value == "Net voor het opnieuw uitvoeren."
    ui.flush()
    assert journal.latest(NB, "demo").value == "Net voor het opnieuw uitvoeren."
    assert old.box.comm is None  # closed by now
    # re-run twice before the letters arrive: they go on along the chain, to the question on screen
    first = page.open_question("keten", "?")
    first.area.value = "abc"
    second = page.open_question("keten", "?")
    third = page.open_question("keten", "?")
    first.box.set_state({"text": "abcdef"})
    assert third.area.value == "abcdef"
    ui.flush()
    assert journal.latest(NB, "keten").value == "abcdef"
    # once the student typed in the newer question, a late change to the older one changes nothing, and is not saved
    third.area.value = "nieuw getypt"
    ui.flush()
    fourth = page.open_question("keten", "?")
    fourth.area.value = "verder getypt in de nieuwe"
    third.box.set_state({"text": "nieuw getypt, laat"})
    ui.flush()
    assert fourth.area.value == "verder getypt in de nieuwe"
    assert journal.latest(NB, "keten").value == "verder getypt in de nieuwe"
    assert saving.RETIRED_OPEN >= 10  # long enough for the cells of a Run All that were sent before the letters


def test_letters_that_reach_the_older_question_while_the_newer_one_is_being_made_are_not_lost(journal, monkeypatch):
    """JupyterLab 4.6 with ipykernel 7 may handle widget messages in a subshell, in another thread than the cell
    that runs the question again: the last letters can reach the older question while the newer one is being built,
    before it restored the saved answer. They go on to it once it has (end of restore())."""
    page = ui.Page(NB, journal=journal)
    old = page.open_question("bouw", "?")
    old.area.value = "abc"
    build = type(old)._build

    def build_while_letters_arrive(self):
        old.box.set_state({"text": "abcdef"})  # arrives after the older one was replaced, before the restore
        build(self)

    monkeypatch.setattr(type(old), "_build", build_while_letters_arrive)
    new = page.open_question("bouw", "?")
    monkeypatch.undo()
    assert new.area.value == "abcdef"
    ui.flush()
    assert journal.latest(NB, "bouw").value == "abcdef"


def test_letters_whose_handler_runs_after_the_re_run_are_not_lost(journal):
    """CI again (00's browser test, now and then 'N'): with widget messages in a subshell the model's text can change
    before the re-run replaces the question while its handler runs only after. What the newer question is handed is
    what was saved, not the text at that moment; so the late letters still go on to it."""
    page = ui.Page(NB, journal=journal)
    old = page.open_question("draad", "?")
    old.area.value = "N"
    ui.flush()
    old._loading = True  # the text arrives; its handler has not run yet
    old.box.set_state({"text": "Net voor het opnieuw uitvoeren."})
    old._loading = False
    new = page.open_question("draad", "?")
    assert new.area.value == "N"  # what the journal had
    old.changed()  # the handler runs now
    assert new.area.value == "Net voor het opnieuw uitvoeren."
    ui.flush()
    assert journal.latest(NB, "draad").value == "Net voor het opnieuw uitvoeren."


def test_a_replaced_question_closes_its_model_after_a_while_by_itself(journal, monkeypatch):
    """Not only on flush(): the replaced question's model closes RETIRED_OPEN seconds after it was replaced."""
    import time

    from wakker.ui import saving

    monkeypatch.setattr("wakker.ui.questions.RETIRED_OPEN", 0.2)
    page = ui.Page(NB, journal=journal)
    old = page.open_question("demo", "?")
    page.open_question("demo", "?")
    assert old.box.comm is not None
    deadline = time.monotonic() + 5
    while old.box.comm is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert old.box.comm is None
    assert saving.pending.waiting(id(old.box)) == 0


def test_the_answer_box_has_the_question_as_its_tooltip_and_accessible_name():
    """A teacher's review: the answer box lost its tooltip (the title ipywidgets' Textarea had) when a question
    became one model; the kit's code gives the textarea both, the same text (checked in the browser in 00)."""
    from wakker.ui.question_esm import KIT

    textarea = next(line for line in KIT.splitlines() if "el('textarea'" in line)
    assert "'aria-label': label" in textarea and "title: label" in textarea


def test_a_re_run_while_the_journal_cannot_be_written_keeps_what_was_typed(journal, monkeypatch):
    """A reviewer: with a full disk, a re-run of the question's cell showed the older saved answer with a green
    '✓ eerder antwoord' and the text just typed was nowhere (its failed save only showed on the old, hidden box).
    Now the new box takes that text over and tries to save it again, with the Dutch message when that fails."""
    from wakker.core.journal import JournalError

    page = ui.Page(NB, journal=journal)
    old = page.open_question("demo", "?")
    old.area.value = "opgeslagen versie"
    ui.flush()

    def full(*args, **kwargs):
        raise JournalError("De schijf is vol.")

    monkeypatch.setattr(journal, "save", full)
    old.area.value = "nieuwe tekst, nog niet opgeslagen"  # waiting: its save will fail
    new = page.open_question("demo", "?")
    assert new.area.value == "nieuwe tekst, nog niet opgeslagen"
    ui.flush()
    assert "De schijf is vol" in new.status.value and "✓" not in new.status.value
    again = page.open_question("demo", "?")  # a second re-run, the disk still full
    assert again.area.value == "nieuwe tekst, nog niet opgeslagen"
    monkeypatch.undo()  # room on the disk again
    ui.flush()
    assert journal.latest(NB, "demo").value == "nieuwe tekst, nog niet opgeslagen"
    assert "opgeslagen om" in again.status.value
    fine = page.open_question("demo", "?")  # with nothing unsaved, a re-run just shows the saved answer
    assert fine.area.value == "nieuwe tekst, nog niet opgeslagen" and "eerder antwoord" in fine.status.value


def test_a_question_replaced_by_a_copy_of_its_cell_says_in_its_own_cell_where_it_went(journal):
    """A reviewer: a question cell copied and run made the original cell go blank (the older question's model is
    closed when a newer one takes its place). Now the original cell's output becomes a Dutch line that says where
    the question is; a question shown inside a lesson's own box (no display of its own) is only closed."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    page = ui.Page(NB, journal=journal)
    with capture_output() as out:
        old = page.open_question("demo", "Wat zag je in het spel?")
        old._ipython_display_()
        shown = out.outputs[-1]
        assert not shown.update and "application/vnd.jupyter.widget-view+json" in shown.data
        new = page.open_question("demo", "Wat zag je in het spel?")
        new._ipython_display_()
    moved = [o for o in out.outputs if o.update]
    assert len(moved) == 1 and moved[0].transient["display_id"] == shown.transient["display_id"]
    assert "andere cel" in moved[0].data["text/plain"] and "Wat zag je in het spel?" in moved[0].data["text/html"]
    long = page.open_question("lang", "Denk aan iemand met wie je samenwerkt en die je vertrouwt. Waaraan merk je dat "
                                      "je die persoon vertrouwt?")
    with capture_output() as out2:
        long._ipython_display_()
        page.open_question("lang", long.prompt)
    text = [o for o in out2.outputs if o.update][0].data["text/plain"]
    assert "Waaraan merk je …’" in text  # shortened at a space, not inside a word ("da…")
    assert out.outputs[-1].transient["display_id"] != shown.transient["display_id"]  # the new one is shown anew
    ui.flush()  # the replaced model is closed (at once here; saving.RETIRED_OPEN seconds after being replaced)
    assert old.box.comm is None and new.box.comm is not None
    inside = page.open_question("demo", "Wat zag je in het spel?")  # put in a lesson's box, never shown on its own
    with capture_output() as out:
        page.open_question("demo", "Wat zag je in het spel?")
    ui.flush()
    assert not [o for o in out.outputs if o.update] and inside.box.comm is None
