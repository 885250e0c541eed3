"""A question's context: questions that ask the same thing (one per case) stay distinct (issue 9, findings 18-19)."""
import pytest

from wakker import ui
from wakker.core.journal import Journal
from wakker.ui.questions import Choice, Scale

NB = "00_start"


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


def test_context_makes_questions_that_ask_the_same_thing_distinct(journal):
    """Issue 9, findings 18-19: five cases each ask 'Welke rol past hier het best?'. The case is part of the
    question's accessible name and of the saved prompt (the portfolio), and is shown above it in plain type."""
    page = ui.Page(NB, journal=journal)
    a = page_choice = Choice(page, "rol-a", "Welke rol past hier het best?", ["x", "y"],
                                          context="Casus 1. Bewoners runnen een huiskamer.")
    b = Choice(page, "rol-b", "Welke rol past hier het best?", ["x", "y"], context="Casus 2. Een dorpsbus.")
    assert a.radio.tooltip == "Casus 1. Bewoners runnen een huiskamer. Welke rol past hier het best?"
    assert a.radio.tooltip != b.radio.tooltip
    label = a.box.head
    assert "font-weight:normal" in label and label.index("Casus 1.") < label.index("Welke rol")
    page_choice.radio.index = 0
    assert journal.latest(NB, "rol-a").prompt == "Casus 1. Bewoners runnen een huiskamer. Welke rol past hier het best?"
    # without a context nothing changes
    q = page.open_question("gewoon", "Wat zie je?")
    assert q.area.tooltip == "Wat zie je?" and "font-weight:normal" not in q.box.head
    s = Scale(page, "s", "Hoeveel?", context="Bij casus 3:")
    assert s.buttons.tooltip == "Bij casus 3: Hoeveel?" and s.box.label == s.buttons.tooltip


def test_the_page_passes_a_context_on(journal):
    page = ui.Page(NB, journal=journal)
    c = page.choice("rol-c", "Welke rol?", ["x"], context="Casus 3.")
    o = page.open_question("o", "Waarom?", context="Bij casus 3:")
    s = page.scale("s2", "Hoe zeker?", context="Bij casus 3:")
    assert c.prompt == "Casus 3. Welke rol?" and o.prompt == "Bij casus 3: Waarom?" and s.prompt == "Bij casus 3: Hoe zeker?"
    # and a case's title (the kit's questions take one; the page passes it on)
    t = [page.choice("rol-t", "Welke rol?", ["x"], title="Casus 4", context="Een bus."),
         page.open_question("o-t", "Waarom?", title="Casus 4", context="Een bus."),
         page.scale("s-t", "Hoe zeker?", title="Casus 4", context="Een bus.")]
    assert [q.prompt.split(" Een bus. ")[0] for q in t] == ["Casus 4."] * 3
    assert all(">Casus 4</span>" in q.box.head for q in t)


def test_a_case_title_stands_on_its_own_line_above_the_case(journal):
    """A case's title (``title=``) is not run into the case's first sentence ('Het buurtbudget. Een wijkteam wil …'
    was one plain line): it is its own block above the context, in the question's bold, and the context is plain
    type. The saved prompt and the accessible name still begin with it, as one sentence (no '..')."""
    import re

    page = ui.Page(NB, journal=journal)
    q = Choice(page, "kleine-stap-x", "Welke stap zet je?", ["a", "b"], title="Het buurtbudget",
               context="Een wijkteam wil   iets.")
    head = q.box.head
    titel = re.search(r'<span class="wakker-casus-titel" style="([^"]*)">Het buurtbudget</span>', head)
    tekst = re.search(r'<span class="wakker-casus-tekst" style="([^"]*)">Een wijkteam wil iets\.</span>', head)
    assert titel and tekst, head
    assert "display:block" in titel.group(1) and "font-weight:normal" not in titel.group(1)
    assert "display:block" in tekst.group(1) and "font-weight:normal" in tekst.group(1)
    assert head.index("Het buurtbudget") < head.index("Een wijkteam") < head.index("Welke stap")
    assert q.prompt == q.radio.tooltip == "Het buurtbudget. Een wijkteam wil iets. Welke stap zet je?"
    q.radio.index = 1
    assert journal.latest(NB, "kleine-stap-x").prompt == q.prompt
    numbered = Scale(page, "casus", "Hoe zeker?", title="Casus 2.", context="Een dorpsbus.")
    assert numbered.prompt == "Casus 2. Een dorpsbus. Hoe zeker?"
    plain = page.open_question("zonder", "Wat zie je?")
    assert "wakker-casus" not in plain.box.head
