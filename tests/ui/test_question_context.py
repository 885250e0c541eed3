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
