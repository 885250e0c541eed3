"""Play first, explain after (Reveal) and the teacher's box (In de les)."""
from __future__ import annotations

import pytest

from wakker import ui
from wakker.core.data import ContentError
from wakker.core.journal import Journal
from wakker.core.teaching import parse_plan
from wakker.ui.reveal import Reveal, answered
from wakker.ui.teaching import in_de_les_html

NB = "00_start"


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


def test_the_explanation_waits_for_the_students_own_observation(journal):
    page = ui.Page(NB, journal=journal)
    q = page.open_question("gezien", "Wat zag je?")
    r = Reveal(q, "**De Spiegel** wint.")
    assert r.button.layout.display == "none" and r.waiting.layout.display is None
    q.area.value = "kort"
    assert r.button.layout.display == "none", "a word or two is not yet an observation"
    q.area.value = "De Spiegel won zonder een wedstrijd te winnen."
    assert r.button.layout.display is None and r.waiting.layout.display == "none"
    r._toggle()
    assert r.shown and r.button.description == "Verberg onze uitleg"
    r._toggle()
    assert not r.shown


def test_a_choice_counts_once_chosen_and_a_restored_answer_shows_the_button_at_once(journal):
    page = ui.Page(NB, journal=journal)
    c = page.choice("voorspel", "Wie wint?", ["Spiegel", "Valsspeler"])
    r = Reveal(c, "uitleg")
    assert r.button.layout.display == "none"
    c.radio.index = 0
    assert r.button.layout.display is None
    again = Reveal(ui.Page(NB, journal=journal).choice("voorspel", "Wie wint?", ["Spiegel", "Valsspeler"]), "uitleg")
    assert again.button.layout.display is None


def test_more_under_the_explanation_is_drawn_only_after_the_click(journal):
    """``then`` (e.g. the table of characters in 07 § 3) would give the answer away before the game."""
    q = ui.Page(NB, journal=journal).open_question("gezien", "Wat zag je?")
    calls = []
    r = Reveal(q, "uitleg", then=lambda: calls.append("tabel"))
    r._toggle()
    assert calls == [], "not before the student's own observation"
    q.area.value = "De Spiegel won zonder een wedstrijd te winnen."
    assert calls == []
    r._toggle()
    assert calls == ["tabel"] and r.shown
    r._toggle()
    r._toggle()
    assert calls == ["tabel"], "drawn once"


def test_a_failing_then_is_a_dutch_box_not_a_traceback(journal):
    q = ui.Page(NB, journal=journal).open_question("gezien", "Wat zag je?")
    q.area.value = "De Spiegel won zonder een wedstrijd te winnen."

    def broken():
        raise ValueError("kapot")

    r = Reveal(q, "uitleg", then=broken)
    r._toggle()
    assert r.shown


def test_a_click_before_an_answer_shows_nothing(journal):
    q = ui.Page(NB, journal=journal).open_question("leeg", "Wat zag je?")
    r = Reveal(q, "uitleg")
    r._toggle()
    assert not r.shown


def _new_models(make):
    """The widget models ``make()`` creates (each costs the page a comm message and a view; issue 11)."""
    from ipywidgets.widgets.widget import _instances

    before = set(_instances)
    made = make()
    return made, [type(_instances[m]).__name__ for m in set(_instances) - before]


def test_a_reveal_is_two_widget_models_until_it_is_needed(journal):
    """Issue 11: a Reveal was seven models (its Output and three Layouts of its own). Now the box and the part
    that is shown, with shared layouts: the note until the question is answered, then the button; the
    explanation's Output is made on the first click."""
    page = ui.Page(NB, journal=journal)
    q = page.open_question("warm", "Wat zag je?")
    warm = Reveal(q, "uitleg")  # the shared layouts exist from the first Reveals of a kernel on
    q.area.value = "De Spiegel won zonder een wedstrijd te winnen."
    warm._toggle()
    warm._toggle()
    q.area.value = ""
    open_q = page.open_question("gezien", "Wat zag je?")
    closed, made = _new_models(lambda: Reveal(open_q, "**De Spiegel** wint."))
    assert sorted(made) == ["HTML", "VBox"], made
    assert closed._button is None and closed.text is None and list(closed.box.children) == [closed.waiting]
    _, made = _new_models(lambda: setattr(open_q.area, "value", "De Spiegel won zonder een wedstrijd te winnen."))
    assert made == ["Button"] and list(closed.box.children) == [closed.waiting, closed.button]
    assert closed.waiting.layout.display == "none" and closed.button.layout.display is None
    ready, made = _new_models(lambda: Reveal(open_q, "uitleg"))  # answered already: the button, no note
    assert sorted(made) == ["Button", "VBox"], made
    assert ready._waiting is None and list(ready.box.children) == [ready.button]
    _, made = _new_models(closed._toggle)
    assert made == ["Output"] and closed.shown and closed.box.children[-1] is closed.text
    _, made = _new_models(lambda: (closed._toggle(), closed._toggle(), ready.update()))
    assert made == [] and closed.shown
    # no longer answered: the note comes (made now for the one that had none), the button goes
    _, made = _new_models(lambda: setattr(open_q.area, "value", ""))
    assert made == ["HTML"] and list(ready.box.children) == [ready.waiting, ready.button]
    assert ready.waiting.layout.display is None and ready.button.layout.display == "none"
    assert closed.waiting.layout.display is None and closed.button.layout.display == "none"


def test_showing_and_hiding_swaps_shared_layouts(journal):
    """The parts of a Reveal share their layouts with every other Reveal: hiding one never hides another."""
    from wakker.ui.lean import is_shared

    q = ui.Page(NB, journal=journal).open_question("gezien", "Wat zag je?")
    a, b = Reveal(q, "uitleg"), Reveal(q, "uitleg")
    assert all(is_shared(x.layout) for x in (a.button, a.waiting, a.box))
    q.area.value = "De Spiegel won zonder een wedstrijd te winnen."
    a._toggle()
    assert a.shown and is_shared(a.text.layout) and a.text.layout.max_width == "52em"
    a._toggle()
    assert not a.shown and a.text.layout.display == "none" and a.button.description == "Wat zagen wij?"
    assert b.button.layout.display is None and b.text is None
    q.area.value = ""
    assert a.button.layout.display == "none" and b.button.layout.display == "none"
    assert a.waiting.layout.display is None and b.waiting.layout.display is None


@pytest.mark.parametrize("value, expected", [
    (None, False), ("", False), ("   nee  ", False), ("Ik zag dat het omsloeg.", True),
    ({"selected": [], "label": ""}, False), ({"selected": ["a"], "label": "A"}, True), (3, True),
])
def test_answered(value, expected):
    assert answered(value) is expected


PLAN = {"sessions": [{"name": "Les 1", "plan": [[10, "Start"], [50, "Spelen en schrijven"], [30, "Plenair"]]}],
        "pairs": ["Vergelijk je voorspelling."], "plenary": ["Wie won, en waarom?"],
        "watch": ["Studenten die alleen klikken."], "compare": ["toernooi-voorspelling: wie koos wat?"]}


def test_a_lesson_plan_is_read_and_shown_closed():
    plan = parse_plan("proef", PLAN)
    assert plan.sessions[0].minutes == 90 and plan.pairs == ("Vergelijk je voorspelling.",)


@pytest.mark.parametrize("change, message", [
    ({"sessions": []}, "geen lesplan"),
    ({"sessions": [{"name": "Les 1", "plan": [[10, "kort"]]}]}, "duurt 10 minuten"),
    ({"sessions": [{"name": "Les 1", "plan": [["tien", "x"]]}]}, "heel aantal minuten"),
    ({"plenary": "één vraag"}, "'plenary' moet een lijst"),
])
def test_a_malformed_lesson_plan_is_a_dutch_error(change, message):
    with pytest.raises(ContentError, match=message):
        parse_plan("proef", {**PLAN, **change})


def test_the_plan_reads_left_aligned_and_names_its_time_once(monkeypatch):
    """JupyterLab right-aligns table cells in outputs; a plan is text. A session whose name already
    gives its time does not get it twice ("… 90 minuten) — 90 minuten")."""
    import wakker.ui.teaching as teaching

    plan = parse_plan("proef", {**PLAN, "sessions": [PLAN["sessions"][0],
                                                     {"name": "Les 2 (90 minuten)", "plan": [[90, "Alles"]]}]})
    monkeypatch.setattr(teaching, "lesson_plan", lambda _lesson: plan)
    out = in_de_les_html("proef")
    assert out.count("<td") == 2 * 4 and out.count("text-align:left") >= 2 * 4
    assert "Les 1 — 90 minuten" in out
    assert "Les 2 (90 minuten)</h4>" in out and "(90 minuten) — 90 minuten" not in out


def test_the_box_of_a_lesson_without_a_plan_is_a_dutch_error_box():
    assert "wakker-fout" in in_de_les_html(None)
    assert "wakker-fout" in in_de_les_html("bestaat_niet")


def test_a_view_after_an_answer_waits_for_a_real_answer_and_a_failing_view_is_a_dutch_box(journal):
    """AfterAnswer (01's tipping point under its prediction): the same 'answered' as the reveal's button; a view
    that cannot be made shows the kit's Dutch error box in its place, never a traceback."""
    from types import SimpleNamespace

    from wakker.ui.lean import widgets as w
    from wakker.ui.reveal import AfterAnswer

    q = ui.Page(NB, journal=journal).open_question("voorspeld", "Wat denk je?")
    made, model = [], w.HTML("het model")
    held = AfterAnswer(q, lambda: made.append(1) or SimpleNamespace(box=model), waiting="Eerst voorspellen.")
    assert held.box.children == (held.note,) and "Eerst voorspellen." in held.note.value
    q.area.value = "kort"
    assert held.view is None, "a word or two is not yet an answer"
    q.area.value = "Het gras raakt op, denk ik."
    q.area.value = "Het gras raakt op, denk ik echt."
    assert made == [1] and held.box.children == (model,)  # made once
    q2 = ui.Page(NB, journal=journal).open_question("voorspeld-2", "Wat denk je?")
    broken = AfterAnswer(q2, lambda: 1 / 0)
    q2.area.value = "Het gras raakt op, denk ik."
    assert broken.view is None and "Dit lukte niet" in broken.note.value and "Traceback" not in broken.note.value
