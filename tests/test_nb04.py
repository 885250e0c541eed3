"""Notebook 04: its data files, its widgets (headless) and the model claims its text makes."""
from __future__ import annotations

import shutil
from pathlib import Path

import ipywidgets as w
import numpy as np
import pytest
import yaml

from wakker import nb04, ui
from wakker import planning as pl
from wakker.content import ContentError, data_dir
from wakker.journal import Journal

NB = nb04.NOTEBOOK


@pytest.fixture
def page(tmp_path):
    return ui.Page(NB, journal=Journal(tmp_path / "j.sqlite"))


# ---------------------------------------------------------------- data
def test_sorting_data_is_valid_and_covers_every_order():
    data = nb04.load_sorting()
    assert set(data.orders) == {1, 2, 3, 4}
    assert 14 <= len(data.activities) <= 20
    for act in data.activities:
        assert act.order in (1, 2, 3, 4), act.id
        assert act.text and len(act.feedback) > 20, act.id
    counts = {o: sum(a.order == o for a in data.activities) for o in (1, 2, 3, 4)}
    assert all(c >= 3 for c in counts.values()), counts
    assert len({a.id for a in data.activities}) == len(data.activities)


def test_every_planning_parameter_has_a_dutch_label_and_explanation_and_no_extra_keys():
    raw = yaml.safe_load((data_dir() / "models" / "planning_params.yaml").read_text(encoding="utf-8"))
    assert set(raw) == set(pl.parameter_specs())
    labels = nb04.load_param_labels()
    for name, lab in labels.items():
        assert lab.label and lab.unit and len(lab.explanation) > 20, name
        assert len(lab.label) <= 30, name  # fits next to a slider


def test_government_roles_have_feedback_for_every_role():
    roles, cases = nb04.load_roles()
    assert [r.name for r in roles] == ["hoeder van de publieke waarden", "initiator", "verbindende partij",
                                       "geldschieter", "kadersteller"]
    assert len(cases) >= 4
    assert {c.best for c in cases} == {r.id for r in roles}  # every role is the best fit somewhere
    for c in cases:
        assert set(c.feedback) == {r.id for r in roles}, c.id


def test_timeline_loads_in_order_of_the_story():
    events = nb04.load_timeline()
    assert events[0]["when"].startswith("ca. 982") and any(e["when"] == "1018" for e in events)
    assert all(e["what"] and e["where"] for e in events)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _edit(path: Path, fn) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def test_bad_sorting_data_gives_dutch_message_naming_the_id(data_copy):
    path = data_copy / "models" / "orders_sorting.yaml"
    _edit(path, lambda d: d["activities"][0].update(order=5))
    with pytest.raises(ContentError, match="vacature.*1, 2, 3 of 4"):
        nb04.load_sorting(data_copy)


def test_missing_order_is_reported(data_copy):
    path = data_copy / "models" / "orders_sorting.yaml"
    _edit(path, lambda d: d.update(activities=[a for a in d["activities"] if a["order"] != 4]))
    with pytest.raises(ContentError, match="orde 4"):
        nb04.load_sorting(data_copy)


def test_extra_or_missing_parameter_label_is_reported(data_copy):
    path = data_copy / "models" / "planning_params.yaml"
    _edit(path, lambda d: d.update(bestaat_niet={"label": "x", "unit": "y", "explanation": "z"}))
    with pytest.raises(ContentError, match="bestaat_niet"):
        nb04.load_param_labels(data_copy)
    _edit(path, lambda d: (d.pop("bestaat_niet"), d.pop("seed")))
    with pytest.raises(ContentError, match="seed"):
        nb04.load_param_labels(data_copy)


def test_role_case_without_all_feedback_is_reported(data_copy):
    path = data_copy / "models" / "government_roles.yaml"
    _edit(path, lambda d: d["cases"][0]["feedback"].pop("initiator"))
    with pytest.raises(ContentError, match="huiskamer-regel"):
        nb04.load_roles(data_copy)


# ---------------------------------------------------------------- the claims the notebook makes
def _regimes(**changes):
    p = pl.PlanningParams(**changes)
    df = pl.sweep(p)
    return [(r.order, r.start, r.end) for r in nb04.regimes(df)], pl.crossover_speed(sweep_df=df)


def test_defaults_have_three_regimes_planning_fourth_order_routine():
    regs, cross = _regimes()
    assert [r[0] for r in regs] == [3, 4, 1]
    assert 0.2 < regs[0][2] < 0.4 and 3.0 < regs[1][2] < 5.0
    assert cross == pytest.approx(regs[0][2])
    for seed in range(5):  # the regimes do not hinge on one draw
        assert [r[0] for r in _regimes(seed=seed)[0]] == [3, 4, 1]


def test_claims_of_the_guided_tasks():
    # faster strategic planning (6 months): planning wins up to about 3x
    regs, cross = _regimes(delay_order3=6)
    assert [r[0] for r in regs] == [3, 4, 1] and 2.5 < cross < 4.0
    # a fourth-order leader who waits three months never overtakes planning; order 2 wins the middle
    regs, cross = _regimes(delay_fourth=3)
    assert cross is None and [r[0] for r in regs] == [3, 2, 1]
    # ownership that hardly grows: no crossover either
    assert _regimes(ownership_growth_rate=0.05)[1] is None
    # longer-lived movements push the crossover up, and routine no longer wins at 10x
    regs, cross = _regimes(base_lifetime=60)
    assert 0.5 < cross < 1.0 and [r[0] for r in regs] == [3, 4]


def test_summary_sentence_names_winner_and_crossover():
    p = pl.PlanningParams(speed_of_change=0.15)
    text = nb04.summary_html(p, pl.sweep(p))
    assert "3e orde: strategie en structuur" in text and "omslagpunt" in text and "0,3×" in text
    p = pl.PlanningParams(delay_fourth=3)
    assert "nergens" in nb04.summary_html(p, pl.sweep(p))


def test_regimes_with_nobody_reaching_anything():
    p = pl.PlanningParams(delay_order1=36, delay_order2=36, delay_order3=60, delay_fourth=36, base_lifetime=3)
    regs = nb04.regimes(pl.sweep(p, [5.0, 10.0]))
    assert regs[-1].order in (0, 1, 2, 3, 4)
    assert "geen enkele aanpak" in nb04.summary_html(p.replace(speed_of_change=10.0), pl.sweep(p, [5.0, 10.0]))


def test_nl_number_formats():
    assert nb04.nl_speed(0.303) == "0,3" and nb04.nl_speed(4.06) == "4,1" and nb04.nl_speed(10) == "10"
    assert nb04.nl_number(2.5, 1) == "2,5"


# ---------------------------------------------------------------- the planning explorer (headless)
def test_slider_updates_figure_in_place_and_sentence():
    ex = nb04.PlanningExplorer()
    fig = ex.fig
    assert len(fig.data) == 6
    before_bars = list(fig.data[4].y)
    before_line = np.array(fig.data[3].y)
    before_text = ex.sentence.value
    ex.sliders["speed_of_change"].value = 5.0
    assert ex.fig is fig  # updated, never re-created
    assert list(fig.data[4].y) != before_bars
    assert np.allclose(fig.data[3].y, before_line)  # the sweep does not depend on the chosen speed
    assert fig.layout.shapes[-1].x0 == pytest.approx(5.0)
    assert "1e orde: de zaak draaiende houden" in ex.sentence.value and ex.sentence.value != before_text
    ex.sliders["delay_fourth"].value = 6.0
    assert not np.allclose(fig.data[3].y, before_line)
    assert "nergens" in ex.sentence.value
    ex.reset()
    assert ex.params() == pl.PlanningParams()
    assert np.allclose(fig.data[3].y, before_line)


def test_every_parameter_has_a_slider_with_the_spec_range():
    ex = nb04.PlanningExplorer()
    specs = pl.parameter_specs()
    assert set(ex.sliders) == set(specs) == set(nb04.MAIN_PARAMS) | set(nb04.MORE_PARAMS)
    for name, s in ex.sliders.items():
        assert s.value == pytest.approx(specs[name].default, rel=1e-9), name


def test_model_error_shows_dutch_message_not_traceback(monkeypatch):
    ex = nb04.PlanningExplorer()

    def broken(*_a, **_k):
        raise RuntimeError("kapot")

    monkeypatch.setattr(nb04.pl, "simulate", broken)
    ex.sliders["speed_of_change"].value = 2.0
    assert "niet worden doorgerekend" in ex.message.value


# ---------------------------------------------------------------- the sorting game (headless)
def test_sorting_game_scores_gives_feedback_and_saves(page):
    game = nb04.SortingGame(page)
    assert game.check() is None and "minstens één" in game.result.value
    data = nb04.load_sorting()
    good, bad = data.activities[0], data.activities[-1]
    game.set_answer(good.id, good.order)
    game.set_answer(bad.id, 1 if bad.order != 1 else 2)
    value = game.check()
    assert value["score"] == 1 and value["answered"] == 2 and value["total"] == len(data.activities)
    assert "Goed" in game.feedback[good.id].value and "✗" in game.feedback[bad.id].value
    assert "1 van de 2 goed" in game.result.value
    saved = page.journal.latest(NB, "sorteerspel")
    assert saved.kind == "sorting" and saved.value["answers"] == {good.id: good.order, bad.id: value["answers"][bad.id]}
    # a re-run restores choices and feedback without writing a new version
    again = nb04.SortingGame(page)
    assert again.answers() == value["answers"] and "Goed" in again.feedback[good.id].value
    assert len(page.journal.history(NB, "sorteerspel")) == 1
    # all correct
    for act in data.activities:
        again.set_answer(act.id, act.order)
    assert again.check()["score"] == len(data.activities)
    again.reset()
    assert again.answers() == {}


def test_sorting_game_ignores_a_damaged_saved_value(page):
    page.save_value("sorteerspel", {"answers": {"vacature": 9, "onbekend": 1}}, kind="sorting")
    game = nb04.SortingGame(page)
    assert game.answers() == {}


def test_sorting_game_on_a_broken_page_shows_message(tmp_path):
    bad = ui.Page("bestaat_niet", journal=Journal(tmp_path / "j.sqlite"))
    game = nb04.SortingGame(bad)
    assert "⚠" in game.box.children[0].value


# ---------------------------------------------------------------- my week (headless)
def test_rebalance_always_sums_to_100():
    rng = np.random.default_rng(1)
    for _ in range(2000):
        values = list(rng.multinomial(100, rng.dirichlet(np.ones(4))))
        i = int(rng.integers(4))
        new = int(rng.integers(-10, 111))
        out = nb04.rebalance(values, i, new)
        assert sum(out) == 100 and all(0 <= v <= 100 for v in out)
        assert out[i] == min(max(new, 0), 100)
    assert nb04.rebalance([100, 0, 0, 0], 0, 40) == [40, 20, 20, 20]
    assert nb04.rebalance([40, 30, 20, 10], 3, 40) == [27, 20, 13, 40]


def test_week_sliders_keep_100_update_chart_save_and_restore(page):
    week = nb04.MyWeek(page, delay=0)
    fig = week.fig
    assert week.values("nu") == [25, 25, 25, 25]
    week.set("nu", 0, 70)
    assert sum(week.values("nu")) == 100 and week.values("nu")[0] == 70
    week.set("nu", 3, 5)
    week.set("gewenst", 3, 55)
    for key in ("nu", "gewenst"):
        assert sum(week.values(key)) == 100
    assert week.fig is fig and list(fig.data[1].y) == week.values("gewenst")
    assert "Samen: 100 %" in week.totals["nu"].value
    saved = page.journal.latest(NB, "mijn-week").value
    assert saved["nu"] == week.values("nu") and saved["gewenst"] == week.values("gewenst")
    again = nb04.MyWeek(page, delay=0)
    assert again.values("nu") == week.values("nu") and again.values("gewenst") == week.values("gewenst")
    assert list(again.fig.data[0].y) == week.values("nu")
    assert "teruggezet" in again.status.value


def test_week_saves_after_the_delay_via_flush(page):
    week = nb04.MyWeek(page)  # default delay
    week.set("gewenst", 1, 10)
    assert page.journal.latest(NB, "mijn-week") is None
    ui.flush()
    assert page.journal.latest(NB, "mijn-week").value["gewenst"][1] == 10


def test_week_with_a_damaged_saved_value_shows_message(page):
    page.save_value("mijn-week", {"nu": [50, 50, 50, 50], "gewenst": "veel"}, kind="week")
    week = nb04.MyWeek(page, delay=0)
    assert week.values("nu") == [25, 25, 25, 25] and "opnieuw" in week.message.value


# ---------------------------------------------------------------- roles and static content
def _descendants(widget, kind):
    """Every widget of ``kind`` inside ``widget`` (depth first), whatever the layout nesting."""
    if isinstance(widget, kind):
        yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child, kind)


def test_role_cases_save_themselves(page):
    box = nb04.role_cases(page)
    _roles, cases = nb04.load_roles()
    assert len(box.children) == len(cases)
    radio = next(_descendants(box.children[0], w.RadioButtons))
    radio.index = 4
    entry = page.journal.latest(NB, f"rol-{cases[0].id}")
    assert entry.value["label"] == "kadersteller"


def test_static_html_pieces():
    assert "vierde-orde-leiderschap" in nb04.orders_legend_html()
    table = nb04.assumptions_table_html()
    for lab in nb04.load_param_labels().values():
        assert lab.label in table
    assert "Slag bij Vlaardingen" in nb04.timeline_html() or "1018" in nb04.timeline_html()
    fig = nb04.strength_figure()
    assert len(fig.data) == 4
