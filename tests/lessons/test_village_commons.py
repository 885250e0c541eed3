"""The lesson ``village_commons`` (notebook 01): its data, its widgets (each exercise saves, restores,
scores as the text says and survives bad input), the claims the notebook makes about the commons
model over several seeds (lesson guide M3), and the lesson contract."""
from __future__ import annotations

import html
import json
import re

import numpy as np
import pytest

import lesson_contract as C
from wakker import ui
from wakker.core.content import load
from wakker.core.data import ContentError, lesson_dir
from wakker.core.journal import Journal
from wakker.core.portfolio import describe
from wakker.lessons import village_commons as lesson
from wakker.lessons.village_commons import data, texts, widgets
from wakker.models import commons as cm

NOTEBOOK = "01_boek_inleiding"
PATH = C.notebook_path(NOTEBOOK)
SEEDS = range(20)
P, Pr = cm.CommonsParams, cm.Principles


@pytest.fixture
def page(tmp_path):
    return ui.Page(NOTEBOOK, journal=Journal(tmp_path / "j.sqlite"))


def restart(page):
    ui.flush()
    return ui.Page(NOTEBOOK, journal=Journal(page.journal.path))


def notebook_text() -> str:
    nb = json.loads(PATH.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    return re.sub(r'"\s*\n\s*"', "", text)


def runs(p: cm.CommonsParams, pr: cm.Principles, seeds=SEEDS) -> list[cm.CommonsRun]:
    return [cm.simulate(p.replace(seed=s), pr) for s in seeds]


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "village_commons"
    assert lesson_dir("village_commons", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


# ---------------------------------------------------------------- data
def test_every_data_file_reads_and_fits():
    root = C.REPO / "data"
    assert set(data.load_param_words(root)) == set(cm.parameter_specs())
    assert set(lesson.MAIN_PARAMS) | set(lesson.MORE_PARAMS) == set(cm.parameter_specs())
    assert len(lesson.MAIN_PARAMS) <= 4  # M4
    assert [p.name for p in data.load_principles(root)] == list(widgets.PRINCIPLES)
    intro, items = data.load_sorting(root)
    assert intro and len(items) >= 4 and {i.kind for i in items} >= {"stappenplan", "perspectief"}
    cases = data.load_cases(root)
    assert len(cases) == 2 and all(len(c.options) >= 2 for c in cases)


@pytest.mark.parametrize("name, bad", [
    ("sorting_items.yaml", "intro: x\nitems:\n  - id: a\n    text: t\n    kind: recept\n    why: w\n"),
    ("cases.yaml", "cases:\n  - id: a\n    title: t\n    text: x\n    options:\n      - label: alleen\n        feedback: f\n"),
    ("principles.yaml", "quota:\n  label: x\n  effect: y\n"),
])
def test_a_broken_data_file_is_a_dutch_error(tmp_path, name, bad):
    folder = tmp_path / "lessons" / "village_commons"
    folder.mkdir(parents=True)
    (folder / name).write_text(bad, encoding="utf-8")
    load_fn = {"sorting_items.yaml": data.load_sorting, "cases.yaml": data.load_cases,
               "principles.yaml": data.load_principles}[name]
    with pytest.raises(ContentError, match=name):
        load_fn(tmp_path)


# ---------------------------------------------------------------- the explorer
def test_explorer_starts_at_the_defaults_and_switches_act():
    ex = lesson.CommonsExplorer()
    assert ex.params() == P() and ex.principles() == Pr.none()
    assert "kaal" in ex.sentence.value and "geen principe" in ex.sentence.value
    assert texts.WITHOUT_RULES in ex.sentence.value and texts.WITH_RULES not in ex.sentence.value
    ex.set_principles(**{n: True for n in widgets.PRINCIPLES})
    assert ex.principles() == Pr.all_on()
    assert "staat er na 30 seizoenen nog" in ex.sentence.value
    np.testing.assert_allclose(ex.fig.data[0].y, cm.simulate(P(), Pr.all_on()).stock)
    np.testing.assert_allclose(ex.fig.data[1].y, cm.simulate(P(), Pr.none()).stock)
    ex.set(households=0)
    assert "geen huishoudens" in ex.sentence.value
    ex.reset()
    assert ex.params() == P() and ex.principles() == Pr.none()


def test_explorer_shows_a_dutch_message_when_the_model_fails(monkeypatch):
    ex = lesson.CommonsExplorer()
    monkeypatch.setattr(cm, "simulate", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("kapot")))
    ex.set(households=12)
    assert "wakker-fout" in ex.message.value or "Het model kon niet rekenen" in ex.message.value
    assert "Traceback" not in ex.message.value


def test_tipping_view_shows_the_anchor():
    tv = lesson.TippingView(start=10, harvest=5)
    s = tv.sentence.value
    low, high = cm.equilibria(0.5, 50, 5)
    assert f"kantelpunt bij {low:.1f}".replace(".", ",") in s and f"{high:.1f}".replace(".", ",") in s
    assert "onder het kantelpunt" in s and "kaal" in s
    tv.set(start=15)
    assert "kaal" not in tv.sentence.value
    tv.set(harvest=7)
    assert "meer dan de weide blijvend kan geven" in tv.sentence.value and "kaal" in tv.sentence.value


def test_tipping_view_waits_for_the_prediction_and_is_there_at_once_after_a_restart(page):
    """Play first (lesson guide L3): the tipping point's curve and sentence answer the prediction above it,
    so the model appears only once the student has chosen; after a restart with a saved choice, at once."""
    options = [("groeit", "bewaard"), ("gelijk", "bewaard"), ("op", "bewaard")]
    q = page.choice("voorspelling-kantelpunt", "Wat gebeurt er?", options)
    held = lesson.after_prediction(q, lambda: lesson.TippingView(start=10, harvest=5))
    assert held.view is None and held.note in held.box.children
    assert texts.WAIT_FOR_PREDICTION in held.note.value
    q.radio.index = 2
    assert isinstance(held.view, lesson.TippingView) and held.view.box in held.box.children
    assert held.note not in held.box.children and "onder het kantelpunt" in held.view.sentence.value
    again = restart(page)
    q2 = again.choice("voorspelling-kantelpunt", "Wat gebeurt er?", options)
    held2 = lesson.after_prediction(q2, lambda: lesson.TippingView(start=10, harvest=5))
    assert held2.view is not None and held2.view.box in held2.box.children


def test_tipping_sentence_names_the_start_and_a_bare_start_is_not_full():
    """'Vanaf 10 ... na seizoen 5' read as 'from season 10'; a start of 0 with no harvest stays bare (review 10)."""
    plain = re.sub(r"<[^>]+>", "", widgets.tipping_html(10, 5))
    assert "Met 10 eenheden bij de start" in plain and "Vanaf" not in plain
    bare = re.sub(r"<[^>]+>", "", widgets.tipping_html(0, 0))
    assert "kaal" in bare and "0,0 eenheden" not in bare and cm.season_path(0.5, 50, 0, 0, 30)[-1] == 0
    assert "kaal" in re.sub(r"<[^>]+>", "", widgets.tipping_html(0, 5))


# ---------------------------------------------------------------- claims of "Wat zagen wij?" and § 3c, over seeds
def test_claim_no_rules_ten_households_bare_after_six_seasons_four_households_last():
    p = P()
    assert p.capacity * (p.households + round(p.outsiders / 100 * p.households)) == 13
    assert p.msy == pytest.approx(6.25)
    assert {r.collapse_season for r in runs(p, Pr.none())} == {6}
    four = runs(p.replace(households=4), Pr.none())
    assert not any(r.collapsed for r in four)
    assert all(np.allclose(r.mean_income, p.capacity) for r in four)  # each takes its full share every season
    assert any(r.collapsed for r in runs(p.replace(households=5), Pr.none()))


def test_claim_a_quota_alone_with_boundaries_or_monitoring_does_not_save_the_pasture():
    for pr in (Pr(quota=True), Pr(quota=True, boundaries=True), Pr(quota=True, boundaries=True, monitoring=True)):
        assert all(r.collapsed for r in runs(P(), pr)), pr


def test_claim_monitoring_and_sanctions_together_save_it_and_pay_more():
    pr = Pr(quota=True, boundaries=True, monitoring=True, sanctions=True)
    with_rules = runs(P(), pr)
    assert not any(r.collapsed for r in with_rules)
    bare = cm.simulate(P(), Pr.none()).mean_income.mean()
    incomes = [r.mean_income.mean() for r in with_rules]
    assert min(incomes) > bare
    assert np.mean(incomes) == pytest.approx(0.5, abs=0.05) and bare == pytest.approx(0.2, abs=0.05)


def test_claim_which_principle_the_pasture_misses():
    assert all(r.collapsed for r in runs(P(), Pr.all_on().replace(boundaries=False)))
    for name in ("monitoring", "sanctions"):
        assert sum(r.collapsed for r in runs(P(), Pr.all_on().replace(**{name: False}))) >= 0.8 * len(SEEDS)
    # without conflict resolution: nothing visible with the default numbers
    for a, b in zip(runs(P(), Pr.all_on().replace(conflict_resolution=False)), runs(P(), Pr.all_on())):
        assert not a.collapsed and a.final_stock == pytest.approx(b.final_stock, rel=0.02)


def test_claim_rules_can_come_too_late():
    assert not any(r.collapsed for r in runs(P(rules_after=4), Pr.all_on()))
    late5 = sum(r.collapsed for r in runs(P(rules_after=5), Pr.all_on()))
    assert 0 < late5 < len(SEEDS)
    assert all(r.collapsed and r.collapse_season <= 6 for r in runs(P(rules_after=6), Pr.all_on()))


def test_claim_a_bare_start_fixed_quota_fails_even_when_all_are_dutiful_say_mostly_recovers():
    fixed = Pr.all_on().replace(say=False)
    assert all(r.collapsed for r in runs(P(start_stock=20, dutiful=100), fixed))
    assert all(r.collapsed for r in runs(P(start_stock=20), fixed))
    with_say = runs(P(start_stock=20), Pr.all_on())
    assert sum(not r.collapsed for r in with_say) >= 0.9 * len(SEEDS)


def test_claim_the_tipping_point_of_3c():
    low, high = cm.equilibria(0.5, 50, 5)
    assert round(low, 1) == 13.8 and round(high, 1) == 36.2 and 5 < cm.max_sustainable_yield(0.5, 50) == 6.25
    assert cm.season_path(0.5, 50, 10, 5, 30)[-1] == 0
    assert cm.season_path(0.5, 50, 15, 5, 60)[-1] == pytest.approx(high, abs=0.5)
    assert all(cm.season_path(0.5, 50, s, 6.5, 200)[-1] == 0 for s in (10, 25, 50))


def test_the_notebook_text_carries_those_numbers():
    text = notebook_text()
    for s in ("13,8", "36,2", "6,25", "Na zes seizoenen", "vier huishoudens", "zijn volle deel", "0,5 tegen 0,2", "Na vijf hangt",
              "ook als iedereen zich eraan", "niets zichtbaars"):
        assert s in text, s


# ---------------------------------------------------------------- my roles
def test_roles_save_restore_and_are_laid_out(page):
    r = lesson.roles(page)
    r.area.value = "ouder\n  stagiair   in het wijkteam \n\nvrijwilliger, buurtapp"
    assert r.roles() == ["ouder", "stagiair in het wijkteam", "vrijwilliger", "buurtapp"]
    assert r.view.value.count("wakker-rollen-dag") == 1 and "stagiair in het wijkteam" in r.view.value
    page2 = restart(page)
    r2 = lesson.roles(page2)
    assert r2.roles() == r.roles() and "teruggezet" in r2.status.value
    assert describe(page2.journal.latest(NOTEBOOK, "mijn-rollen").value).startswith("Mijn rollen op één dag: ouder →")


def test_roles_survive_bad_input(page):
    r = lesson.roles(page)
    r.area.value = "<script>x</script>\n" + "\n".join(f"rol {i}" for i in range(40)) + "\n" + "x" * 500
    assert "<script>" not in r.view.value and len(r.roles()) == texts.MAX_ROLES
    assert all(len(x) <= texts.MAX_ROLE_CHARS for x in r.roles())
    assert texts.ROLES_TOO_MANY.format(n=42, max=texts.MAX_ROLES) in r.view.value
    ui.flush()
    page.journal.save(NOTEBOOK, "mijn-rollen", {"roles": "geen lijst"}, kind="roles")
    r2 = lesson.roles(restart(page))
    assert r2.error is None and "Traceback" not in r2.message.value
    assert widgets.split_roles(None) == [] and widgets.split_roles(12) == []


def test_roles_say_honestly_what_was_cut(page):
    """27 typed roles: the count names what was typed and the cap; a long role: a message that it was shortened."""
    r = lesson.roles(page)
    r.area.value = "\n".join(f"rol {i}" for i in range(27))
    view = html.unescape(r.view.value)
    assert "27" in view and f"eerste {texts.MAX_ROLES}" in view and f"{texts.MAX_ROLES} rollen op één dag" not in view
    assert "ingekort" not in view
    r.area.value = "ouder\n" + "lang " * 30
    view = html.unescape(r.view.value)
    assert "2 rollen op één dag" in view and f"ingekort tot {texts.MAX_ROLE_CHARS} tekens" in view
    r.area.value = "ouder\nbuur"
    assert "ingekort" not in html.unescape(r.view.value) and "Je typte" not in html.unescape(r.view.value)


def test_role_chips_and_status_wrap_on_a_narrow_screen(page):
    """ipywidgets' HTML widget keeps text on one line (white-space: nowrap); the chips and the status line must
    undo that, or on a phone a role and the note about the cap run off the screen (review finding 1)."""
    r = lesson.roles(page)
    r.area.value = "stagiair in het wijkteam\n" + "x" * 80
    chips = re.findall(r'<div style="([^"]*)"><span style="opacity:.6">', r.view.value)
    assert len(chips) == 2
    for style in chips:
        assert "white-space:normal" in style and "overflow-wrap:anywhere" in style and "max-width:100%" in style
    status = re.search(r'class="wakker-status" style="([^"]*)"', r.view.value).group(1)
    assert "white-space:normal" in status


# ---------------------------------------------------------------- algorithm or step-by-step plan
def test_sorting_is_the_kits_widget_and_scores_as_the_text_says(page):
    from wakker.ui.sorting import SortingWidget

    w = lesson.sorting_exercise(page)
    assert isinstance(w, SortingWidget) and w.ready
    _intro, items = data.sorting()
    assert [i.id for i in w.items] == [i.id for i in items]
    twijfel = [i for i in items if i.kind == "allebei"]
    assert twijfel and all(len(x.accepted) == 2 for x in w.items if x.id in {t.id for t in twijfel})
    # everything as our reading, except the first clear-cut item
    wrong = next(i for i in items if i.kind != "allebei")
    for i in items:
        cat = i.kind if i.kind != "allebei" else "perspectief"
        if i is wrong:
            cat = "perspectief" if i.kind == "stappenplan" else "stappenplan"
        w.set_answer(i.id, cat)
    saved = w.check()
    assert saved["score"] == len(items) - 1 and saved["answered"] == len(items)
    assert "✗" in w.feedback[wrong.id].value and wrong.why[:30] in html.unescape(w.feedback[wrong.id].value)
    assert "Te verdedigen" in w.feedback[twijfel[0].id].value
    w2 = lesson.sorting_exercise(restart(page))
    assert w2.answers() == w.answers() and "✗" in w2.feedback[wrong.id].value


def test_sorting_survives_a_bad_saved_value(page):
    page.journal.save(NOTEBOOK, "algoritme-of-stappenplan", {"answers": {"bestaat-niet": "x", "eerst-luisteren": True}},
                      kind="sorting")
    w = lesson.sorting_exercise(restart(page))
    assert w.ready and w.answers() == {}
    page.journal.save(NOTEBOOK, "algoritme-of-stappenplan", "rommel", kind="sorting")
    w = lesson.sorting_exercise(restart(page))
    assert w.ready and "Traceback" not in w.message.value
    assert w.check() is None  # nothing chosen: a Dutch notice, nothing saved
    assert "Kies eerst" in w.result.value


# ---------------------------------------------------------------- equal and unequal cases
def test_cases_save_restore_with_feedback(page):
    box = lesson.cases_exercise(page)
    q = box.questions[0]
    q.radio.index = 0
    assert "gemotiveerd maatwerk" in html.unescape(q.message.value)
    reason = "De aanvrager lag in het ziekenhuis; bij elke opname zou ik hetzelfde doen."
    assert [r.qid for r in box.reasons] == [f"geval-{c.id}-reden" for c in data.cases()]
    box.reasons[0].area.value = reason
    box2 = lesson.cases_exercise(restart(page))
    assert box2.questions[0].positions() == [0] and box2.questions[1].positions() == []
    assert box2.reasons[0].area.value == reason and box2.reasons[1].area.value == ""
    # the reason box sits under its own case, and the teacher's box compares those reasons
    kids = list(box2.children)
    assert kids.index(box2.reasons[0].box) == kids.index(box2.questions[0].box) + 1
    plan = (lesson_dir("village_commons") / "in_de_les.yaml").read_text(encoding="utf-8")
    assert all(r.qid in plan for r in box2.reasons)


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="village_commons")
    assert not problems, C.report(problems)


# ---------------------------------------------------------------- hover labels
def test_every_trace_has_a_dutch_hover_label():
    ex = lesson.CommonsExplorer()
    assert C.hover_problems(ex.fig) == []
    ex.set_principles(**{n: True for n in widgets.PRINCIPLES})
    assert C.hover_problems(ex.fig) == []
    assert all("eenheden gras" in t.hovertemplate and "seizoen" in t.hovertemplate for t in ex.fig.data)
    tv = lesson.TippingView(start=10, harvest=5)
    assert C.hover_problems(tv.fig) == []
    tv.set(harvest=2)
    assert C.hover_problems(tv.fig) == []
    assert all("eenheden gras" in t.hovertemplate for t in tv.fig.data)
