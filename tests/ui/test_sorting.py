"""The kit's sorting exercise: scores, feedback per item, ambiguous items, saving, restoring, shuffling."""
import pytest

from wakker import ui
from wakker.core.journal import Journal
from wakker.ui.saving import flush
from wakker.ui.sorting import Category, Item, SortingWidget, shuffled, shuffle_seed

NB = "00_start"
CATS = [Category("rood", "Rood", "gezag", "#c0392b"), Category("blauw", "Blauw", "regels", "#2e86c1"),
        Category("groen", "Groen", "leefwereld", "#27ae60")]
ITEMS = [Item("a", "Een boete", ("rood",), "Uitleg a."),
         Item("b", "Een protocol", ("blauw",), "Uitleg b."),
         Item("c", "Koffie in de buurtwinkel", ("groen",), "Uitleg c."),
         Item("d", "Een buurtbudget", ("blauw", "groen"), "Uitleg d."),
         Item("e", "Een vergunning", ("rood",), "Uitleg e."),
         Item("f", "Een appgroep", ("groen",), "Uitleg f.")]


@pytest.fixture(autouse=True)
def _no_save_left_waiting():
    yield
    flush()  # a choice still waiting for its save delay is written before the next test


@pytest.fixture
def page(tmp_path):
    return ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))


def make(page, **kw):
    return SortingWidget(page, "sorteer-demo", CATS, ITEMS, prompt="Demo", **kw)


def test_check_scores_gives_feedback_per_item_and_saves(page):
    game = make(page)
    assert game.check() is None and "minstens één" in game.result.value
    assert page.journal.latest(NB, "sorteer-demo") is None
    game.set_answer("a", "rood")
    game.set_answer("b", "groen")
    value = game.check()
    assert value["score"] == 1 and value["answered"] == 2 and value["total"] == 6
    assert value["per_category_correct"] == {"rood": 1, "blauw": 0, "groen": 0}
    assert "✓ Goed." in game.feedback["a"].value and "Uitleg a." in game.feedback["a"].value
    assert "Jij koos Groen; volgens ons hoort dit bij Blauw" in game.feedback["b"].value
    assert "Nog niet ingedeeld" in game.feedback["c"].value
    assert "1 van de 2 goed (nog 4 niet ingedeeld)" in game.result.value
    saved = page.journal.latest(NB, "sorteer-demo")
    assert saved.kind == "sorting" and saved.value["answers"] == {"a": "rood", "b": "groen"}
    # a change clears that item's feedback until the next check
    game.set_answer("b", "blauw")
    assert game.feedback["b"].value == ""


def test_a_choice_without_controleer_is_saved_and_restored_without_feedback(tmp_path):
    page = ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))
    game = make(page)
    game.set_answer("a", "groen")
    game.set_answer("c", "groen")
    assert "wordt zo opgeslagen" in game.status.value  # debounced like the kit's other questions
    flush()
    saved = page.journal.latest(NB, "sorteer-demo")
    assert saved.kind == "sorting" and saved.value["answers"] == {"a": "groen", "c": "groen"}
    assert saved.value["checked"] is False and "keuzes opgeslagen" in game.status.value
    assert {"label", "score", "answered", "total", "per_category_correct"} <= set(saved.value)
    # a new page (a kernel restart and Run All): the choices are back, the feedback waits for Controleer
    again = make(ui.Page(NB, journal=Journal(tmp_path / "j.sqlite")))
    assert again.answers() == {"a": "groen", "c": "groen"}
    assert all(fb.value == "" for fb in again.feedback.values()) and again.result.value == ""
    assert "nog niet gecontroleerd" in again.status.value
    assert again.check()["checked"] is True and "✗" in again.feedback["a"].value


def test_a_change_after_controleer_is_saved_unchecked(tmp_path):
    page = ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))
    game = make(page)
    game.set_answer("a", "rood")
    game.set_answer("b", "blauw")
    game.check()
    assert len(page.journal.history(NB, "sorteer-demo")) == 1  # the waiting save became the checked one
    game.set_answer("a", "groen")
    assert "opnieuw op <b>Controleer</b>" in game.result.value  # the old score no longer holds
    flush()
    saved = page.journal.latest(NB, "sorteer-demo").value
    assert saved["answers"] == {"a": "groen", "b": "blauw"} and saved["checked"] is False
    again = make(ui.Page(NB, journal=Journal(tmp_path / "j.sqlite")))
    assert again.answers() == {"a": "groen", "b": "blauw"} and again.feedback["b"].value == ""


def test_begin_opnieuw_says_what_happens_and_the_next_choice_is_saved(tmp_path):
    page = ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))
    game = make(page)
    game.set_answer("a", "rood")
    game.check()
    game.reset()
    flush()
    assert game.answers() == {} and game.result.value == "" and "Leeg gemaakt" in game.status.value
    assert page.journal.latest(NB, "sorteer-demo").value["answers"] == {"a": "rood"}  # nothing lost yet
    game.set_answer("b", "blauw")
    flush()
    assert page.journal.latest(NB, "sorteer-demo").value["answers"] == {"b": "blauw"}


def test_a_legend_shows_the_short_texts_without_a_mouse(page):
    assert "leefwereld" not in make(page).intro.value
    assert "<b>Groen</b>: leefwereld" in make(page, legend=True).intro.value


def test_an_ambiguous_item_counts_for_both_categories_only(page):
    game = make(page)
    for chosen in ("blauw", "groen"):
        game.set_answer("d", chosen)
        value = game.check()
        assert value["score"] == 1 and value["per_category_correct"][chosen] == 1
        assert "Te verdedigen" in game.feedback["d"].value
    game.set_answer("d", "rood")
    assert game.check()["score"] == 0
    assert "Jij koos Rood; hier zijn Blauw en Groen allebei te verdedigen" in game.feedback["d"].value


def test_restore_after_a_rerun_and_damaged_values(tmp_path):
    page = ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))
    game = make(page)
    game.set_answer("a", "blauw")
    game.set_answer("c", "groen")
    game.check()
    again = make(ui.Page(NB, journal=Journal(tmp_path / "j.sqlite")))
    assert again.answers() == {"a": "blauw", "c": "groen"}
    assert "✗" in again.feedback["a"].value and "eerdere antwoorden" in again.status.value
    assert len(page.journal.history(NB, "sorteer-demo")) == 1  # restoring writes nothing
    # unknown items and categories (and a bool) are skipped; a value of another form is shown as text
    page.save_value("sorteer-demo", {"answers": {"a": "paars", "zz": "rood", "c": True, "b": "blauw"}}, kind="sorting")
    assert make(page).answers() == {"b": "blauw"}
    page.save_value("sorteer-demo", ["a", "rood"], kind="sorting")
    odd = make(page)
    assert odd.answers() == {} and "rood" in odd.message.value


def test_order_is_shuffled_stable_per_student_and_mixed():
    many = [Item(f"i{n}", f"tekst {n}", (CATS[n % 3].id if n < 12 else "rood",)) for n in range(18)]
    for seed in range(200):
        out = shuffled(many, seed)
        assert sorted(i.id for i in out) == sorted(i.id for i in many)
        assert sum(1 for x, y in zip(out, out[1:]) if x.accepted[0] == y.accepted[0]) <= 2, seed
    assert shuffled(many, 3) == shuffled(many, 3) and shuffled(many, 3) != shuffled(many, 4)


def test_seed_is_kept_in_the_journal_and_follows_the_name(tmp_path):
    p = ui.Page(NB, journal=Journal(tmp_path / "a.sqlite"))
    p.journal.set_student("Anna de Vries")
    first = [i.id for i in make(p).shown]
    assert [i.id for i in make(p).shown] == first
    assert p.journal.latest(NB, "sorteer-demo-volgorde").kind == "volgorde"
    q = ui.Page(NB, journal=Journal(tmp_path / "b.sqlite"))
    q.journal.set_student("anna  de vries")
    assert shuffle_seed(q, "sorteer-demo") == shuffle_seed(p, "sorteer-demo")
    assert [i.id for i in make(ui.Page(NB, journal=Journal(tmp_path / "c.sqlite")), shuffle=False).shown] == \
        [i.id for i in ITEMS]


def test_texts_can_be_passed_in(page):
    game = make(page, texts={"check": "Nakijken", "wrong": "Nee: {chosen} i.p.v. {right}."})
    assert game.check_button.description == "Nakijken"
    game.set_answer("a", "groen")
    game.check()
    assert "Nee: Groen i.p.v. Rood." in game.feedback["a"].value


@pytest.mark.parametrize("cats, items", [
    ([CATS[0]], ITEMS),  # one category
    (CATS, []),  # nothing to sort
    (CATS, [Item("a", "x", ("paars",))]),  # unknown category
    (CATS, [Item("a", "x", ("rood",)), Item("a", "y", ("rood",))]),  # double id
    (CATS, [Item("a", "x", ("rood", "blauw", "groen"))]),  # three accepted
])
def test_bad_content_gives_a_dutch_message(page, cats, items):
    game = SortingWidget(page, "sorteer-demo", cats, items)
    assert "⚠" in game.box.children[0].value and "Sorteeroefening" in game.box.children[0].value
    assert game.check() is None


def test_save_failure_keeps_the_feedback_and_says_so(page, monkeypatch):
    game = make(page)
    game.set_answer("a", "rood")

    def full(*_a, **_k):
        raise OSError("schijf vol")

    monkeypatch.setattr(page.journal, "save", full)
    assert game.check()["score"] == 1
    assert "Opslaan is niet gelukt (schijf vol)" in game.status.value and "Goed" in game.feedback["a"].value


# A value saved by notebook 04's own SortingGame before it was built on this widget (captured from
# that code on 2 Dec 2026): existing journals must still restore, and a new check saves the same shape.
OLD_04_VALUE = {
    "label": "6 van de 7 goed (nog 11 niet ingedeeld)", "score": 6, "answered": 7, "total": 18,
    "per_order_correct": {"1": 4, "2": 1, "3": 0, "4": 1},
    "answers": {"vacature": 1, "digitaal-loket": 2, "interne-rem": 3, "teamleiders-in-de-wijk": 4,
                "subsidies-uitbetalen": 1, "rooster-thuiszorg": 1, "klacht-uitkering": 1},
    "checked": True,
}


def test_notebook_04_restores_a_value_saved_by_its_old_game_and_keeps_the_shape(tmp_path):
    from wakker.lessons import planning_machine as nb04

    page = ui.Page(nb04.NOTEBOOK, journal=Journal(tmp_path / "old.sqlite"))
    page.save_value("sorteerspel", OLD_04_VALUE, kind="sorting")
    game = nb04.SortingGame(page)
    assert game.answers() == OLD_04_VALUE["answers"]
    assert game.value() == OLD_04_VALUE  # the same score, label and per-order counts as the old code gave
    assert "✗ Jij koos de 3e orde; hier zijn de" in game.feedback["interne-rem"].value
    assert "6 van de 7 goed" in game.result.value and "eerdere antwoorden" in game.status.value
    game.check()
    assert page.journal.latest(nb04.NOTEBOOK, "sorteerspel").value == OLD_04_VALUE


def _new_models(make):
    """The widget models ``make()`` creates (each costs the page a comm message and a view; issue 11)."""
    from ipywidgets.widgets.widget import _instances

    before = set(_instances)
    made = make()
    return made, [type(_instances[m]).__name__ for m in set(_instances) - before]


def test_the_game_is_one_column_of_few_widget_models(tmp_path):
    """Issue 11: 04's game was 84 models (a box, a text and a feedback line per item). Now one row of buttons
    per item and one HTML widget between two rows: the feedback on the item above and the next item's text."""
    make(ui.Page(NB, journal=Journal(tmp_path / "warm.sqlite")))  # shared layouts and styles exist from now on
    page = ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))
    game, made = _new_models(lambda: make(page))
    n = len(ITEMS)
    assert made.count("ToggleButtons") == n and made.count("HTML") == (n + 1) + 3  # + intro, result, status
    assert len(made) <= 2 * n + 9, sorted(made)  # + the column, the row of two buttons, the box
    column = game.box.children[1].children
    assert [type(x).__name__ for x in column] == ["HTML", *["ToggleButtons", "HTML"] * n]
    # the rows in the shown order: each item's text right above its buttons, its feedback right below
    for i, item in enumerate(game.shown):
        assert column[2 * i + 1] is game.toggles[item.id]
        assert f"<b>{i + 1}.</b> {item.text}" in column[2 * i].value
    game.set_answer(game.shown[0].id, "rood")
    game.check()
    first = game.feedback[game.shown[0].id].value
    assert first and column[2].value.index(first) < column[2].value.index("<b>2.</b>")
    assert "Nog niet ingedeeld" in column[-1].value and game.feedback[game.shown[-1].id].value in column[-1].value
    # a change clears only that item's feedback; the next item's text stays
    game.set_answer(game.shown[0].id, "blauw")
    assert game.feedback[game.shown[0].id].value == "" and "<b>2.</b>" in column[2].value and first not in column[2].value


def test_the_message_line_is_made_when_needed_above_the_status(page):
    game = make(page)
    from wakker.ui.sorting import RESULT_ALONE

    assert game._message is None and game.status is game.box.children[-1]
    assert game.result.layout.margin == RESULT_ALONE["margin"]  # the empty line's space is kept: nothing moves
    game.message.value = "let op"
    assert list(game.box.children[-2:]) == [game.message, game.status] and game.result.layout.margin is None
    page.save_value("sorteer-demo", ["a", "rood"], kind="sorting")  # an old form: shown as text, at once
    odd = make(page)
    assert list(odd.box.children[-2:]) == [odd.message, odd.status] and "rood" in odd.message.value
