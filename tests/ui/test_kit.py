"""The shared kit: saving (restore, debounce, problems, old forms), controls, views in strict mode."""
from __future__ import annotations

import time

import pytest

from wakker import ui
from wakker.core.journal import Journal
from wakker.ui.controls import DutchSlider, ParameterPanel, ParamWords
from wakker.ui.saving import SavedWidget, pending
from wakker.ui.view import View, safe

NB = "00_start"


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


class Counter(SavedWidget):
    """A minimal saved widget: a number that must stay below 10."""

    kind = "count"

    def __init__(self, page, qid="teller", delay=0.0):
        import ipywidgets as w

        super().__init__(page, qid, "Hoeveel?", delay=delay)
        self.n = 0
        self.seen = []
        self.box = w.VBox([self.message, self.status])
        self.restore()

    def value(self):
        return {"n": self.n}

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("n"), int):
            raise ValueError("old form")
        self.n = value["n"]

    def problems(self, value):
        return "Te groot om te bewaren." if value["n"] >= 10 else None

    def after_change(self, value):
        self.seen.append(value["n"])

    def set(self, n):
        self.n = n
        self.changed()


def test_saved_widget_saves_restores_and_refuses_what_it_should(journal):
    page = ui.Page(NB, journal=journal)
    c = Counter(page)
    assert "Nog niet beantwoord" in c.status.value
    c.set(3)
    assert "opgeslagen om" in c.status.value
    assert journal.latest(NB, "teller").value == {"n": 3} and journal.latest(NB, "teller").kind == "count"
    c.set(12)
    assert "Te groot" in c.status.value and journal.latest(NB, "teller").value == {"n": 3}
    again = Counter(ui.Page(NB, journal=journal))
    assert again.n == 3 and again.seen == [3] and "eerder antwoord" in again.status.value


def test_saved_widget_shows_a_value_of_an_older_form_instead_of_losing_it(journal):
    journal.save(NB, "teller", "zeven", kind="count")
    c = Counter(ui.Page(NB, journal=journal))
    assert c.n == 0 and "Je eerdere antwoord: zeven" in c.message.value and c.seen == []


def test_saved_widget_debounces_and_flush_writes_at_once(journal):
    c = Counter(ui.Page(NB, journal=journal), delay=30)
    c.set(1)
    c.set(2)
    assert "wordt zo opgeslagen" in c.status.value and journal.latest(NB, "teller") is None
    assert pending.waiting() == 1
    ui.flush()
    assert journal.latest(NB, "teller").value == {"n": 2} and len(journal.history(NB, "teller")) == 1


def test_saved_widget_with_a_bad_id_shows_a_dutch_error_and_saves_nothing(journal):
    c = Counter(ui.Page(NB, journal=journal), qid="met spatie")
    assert c.error and "ongeldig" in c.error
    c.set(1)
    assert c.save() is None and journal.entries() == []


class Broken(View):
    def __init__(self):
        import ipywidgets as w

        self.message = w.HTML()
        self.box = w.VBox([self.message])

    @safe
    def update(self):
        raise RuntimeError("kapot")


def test_safe_turns_an_exception_into_a_dutch_box_and_strict_mode_reports_it(monkeypatch, capsys):
    v = Broken()
    monkeypatch.delenv("WAKKER_STRICT", raising=False)
    assert v.update() is None
    assert "wakker-fout" in v.message.value and "kapot" in v.message.value
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("WAKKER_STRICT", "1")
    v.update()
    err = capsys.readouterr().err
    assert "RuntimeError: kapot" in err and "Traceback" in err


def test_dutch_slider_reads_out_with_a_comma_and_keeps_the_type():
    s = DutchSlider("Beloning R", 2.0, 0.0, 5.0, 0.1)
    assert s.text() == "2,0" and "2,0" in s.readout.value
    s.value = 1.3
    assert s.readout.value.count("1,3") == 1 and "." not in s.readout.value.split(">")[1]
    n = DutchSlider("Rondes", 10, 1, 50, 1)
    assert n.scale == "int" and n.value == 10 and isinstance(n.value, int) and n.text() == "10"
    p = DutchSlider("Kans", 5, 0, 50, 1, suffix=" %")
    assert p.text() == "5 %"
    log = DutchSlider("Tempo", 1.0, 0.1, 10.0, 0.1, scale="log")
    log.value = 0.5
    assert log.text() == "0,50"


def _params():
    """A small model's parameters (a log, an int and a float slider) and their Dutch words."""
    from dataclasses import dataclass

    from wakker.models.params import param

    @dataclass(frozen=True)
    class Params:
        speed: float = param(1.0, "x", 0.1, 10.0, 0.1, "speed", scale="log")
        count: int = param(20, "people", 2, 50, 1, "how many")
        share: float = param(0.25, "share", 0.0, 1.0, 0.05, "share")

    words = {"speed": ParamWords("Tempo", "× gewoon"), "count": ParamWords("Aantal", "mensen"),
             "share": ParamWords("Deel", "", "Welk deel")}
    return Params, words


def test_parameter_panel_is_built_from_model_metadata_and_reports_changes():
    from wakker.models.params import specs

    Params, words = _params()
    calls = []
    panel = ParameterPanel(specs(Params), words, main=["speed", "count"], more=["share"],
                           on_change=lambda: calls.append(panel.values()))
    assert panel.values() == {"speed": 1.0, "count": 20, "share": 0.25}
    assert isinstance(panel.values()["count"], int)
    panel.set(count=30, share=0.5)
    assert calls[-1] == {"speed": 1.0, "count": 30, "share": 0.5} and len(calls) == 2
    assert panel.readout_text("share") == "0,50"
    assert panel.more is not None and panel.more.get_title(0) == "Meer"
    panel.reset()
    assert panel.values() == {"speed": 1.0, "count": 20, "share": 0.25}
    assert Params(**panel.values()) == Params()


def test_the_sliders_under_more_are_made_when_the_section_opens():
    """Most students never open "Meer": its sliders (four widget models each) are made on first opening."""
    from ipywidgets.widgets.widget import _instances

    from wakker.models.params import specs
    from wakker.ui.lean import widgets as w

    Params, words = _params()
    calls = []
    panel = ParameterPanel(specs(Params), words, main=["speed"], more=["count", "share"],
                           on_change=lambda: calls.append(panel.values()))
    tick = w.Checkbox(description="ook dit")
    panel.add_to_more(tick, first=True)
    assert set(panel.sliders) == {"speed"} and not panel.more_built
    values = panel.values()  # the defaults, typed as the sliders would give them
    assert values == {"speed": 1.0, "count": 20, "share": 0.25} and type(values["count"]) is int
    before = set(_instances)
    panel.more.selected_index = 0  # the student opens "Meer"
    made = [_instances[k]._model_name for k in set(_instances) - before]
    assert panel.more_built and set(panel.sliders) == {"speed", "count", "share"}
    assert made.count("IntSliderModel") == 1 and made.count("FloatSliderModel") == 1, made
    section = panel.more.children[0].children
    assert section[0] is tick and panel.sliders["count"].box in section[1].children[0].children[0].children
    after = set(_instances)
    panel.more.selected_index = None
    panel.more.selected_index = 0  # made once
    assert set(_instances) == after
    panel.sliders["share"].value = 0.5
    assert calls[-1] == {"speed": 1.0, "count": 20, "share": 0.5}
    # code that asks for a slider under "Meer" gets it, made then
    other = ParameterPanel(specs(Params), words, main=["speed"], more=["count", "share"])
    other.set(count=30)
    assert other.more_built and other.values()["count"] == 30


def test_kit_stylesheet_goes_into_the_page_with_the_front_end_hook():
    """Issue 9, findings 15-17: the kit's CSS (no 4 px overflow, scales on one line, narrow screens)."""
    from wakker.ui import style

    esm = style.front_end_esm()
    assert esm.startswith("const KIT_CSS = ") and "installStyle();" in esm
    css = style.KIT_CSS
    assert 'widget-box > .jupyter-widgets[style*="width: 100%"]' in css and "--jp-widgets-margin" in css
    assert ".wakker-scale .widget-toggle-buttons > div { white-space: nowrap; }" in css
    assert "@media (max-width: 640px)" in css and ".wakker-columns" in css and ".wakker-slider-row" in css
    assert "aria-valuetext" in esm and "aria-pressed" in esm and "'null'" in esm


def test_on_a_phone_labels_go_above_their_controls_rows_wrap_and_wide_boxes_can_be_scrolled_by_keyboard():
    """Review of 07, finding 3 (390 px): a 14em or 27em label beside a slider or menu left no track and pushed
    menus off screen; a row of buttons cut a word; a fixed three-column grid of checkboxes stuck out; a heat map
    was squashed; and a box that scrolls sideways without anything focusable in it cannot be scrolled by keyboard."""
    from wakker.ui import style

    css = style.KIT_CSS
    narrow = css[css.index("@media (max-width: 640px)"):]
    for rule in (".widget-hslider > .widget-label, .widget-inline-hbox:not(.widget-checkbox) > .widget-label",
                 ".widget-hslider > .slider-container", ".widget-hbox { flex-wrap: wrap !important; }",
                 ".widget-gridbox:has(> .widget-checkbox)", "minmax(11em, 1fr)"):
        assert rule in narrow, rule
    esm = style.front_end_esm()
    assert "function focusableScrollers" in esm and "setAttribute('tabindex', '0')" in esm
    assert "focusableScrollers(document.body)" in esm and "addEventListener('resize'" in esm


def test_slider_rows_and_panel_columns_carry_the_classes_the_stylesheet_uses():
    from wakker.models.params import param, specs
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Params:
        speed: float = param(1.0, "x", 0.1, 10.0, 0.1, "speed", scale="log")
        count: int = param(20, "people", 2, 50, 1, "how many")

    panel = ParameterPanel(specs(Params), {"speed": ParamWords("Tempo"), "count": ParamWords("Aantal")},
                           main=["speed", "count"])
    columns = panel.box.children[0]
    assert "wakker-columns" in columns._dom_classes
    row = panel.sliders["speed"].box
    assert "wakker-slider-row" in row._dom_classes and "wakker-slider-label" in row.children[0]._dom_classes
    assert row.children[2]._dom_classes == ("wakker-readout", "wakker-readout-param-speed")  # what the hook reads


def test_lines_join_read_only_parts_in_one_widget():
    """wakker.ui.lines: several read-only lines as one HTML widget, each spaced as its own widget was."""
    from wakker.ui.lines import Lines

    lines = Lines("a", "b")
    first, second = lines.part(0), lines.part(1)
    first.value = "x"
    assert not lines.made and second.value == "b"
    shown = lines.widget.value
    assert shown == lines.html() and shown.index(">x</div>") < shown.index(">b</div>")
    second.value = "y"
    assert lines.widget.value == lines.html() and ">y</div>" in lines.widget.value and first.value == "x"
    # each line spaced as its own widget was: ipywidgets' margin as padding, also for an empty line
    assert lines.html().count("display:flow-root;padding:var(--jp-widgets-margin, 2px) 0") == 2

    class View:
        pass

    view = View()
    named = Lines.on(view, "legend", "message", fixed={"legend": "<i>legenda</i>"}, _dom_classes=("wakker-x",))
    assert not hasattr(view, "legend") and view.message.value == ""
    view.message.value = "fout"
    assert named.values == ["<i>legenda</i>", "fout"] and "wakker-x" in named.widget._dom_classes


def test_a_dutch_number_box_reads_what_a_dutch_student_types():
    """A browser number field (ipywidgets' FloatText) in a browser set to English read '2,5' as 25 (a new user's
    read of 07): the kit's DutchNumber reads commas, points and the typographic minus, writes Dutch, and keeps
    its value with a Dutch message for text that is not a number."""
    from wakker.ui.controls import DutchNumber, parse_dutch_number

    assert [parse_dutch_number(t) for t in ("2,5", "2.5", "−1", "-1", " 3 ", "1.000,5")] == [2.5, 2.5, -1, -1, 3, 1000.5]
    assert [parse_dutch_number(t) for t in ("", "abc", "nan", "2,5,1")] == [None] * 4
    box = DutchNumber("T, verleiding:", 3)
    seen = []
    box.observe(lambda change: seen.append((change["new"], box.problem)))
    box.widget.value = "2,5"  # what the student types
    assert box.value == 2.5 and box.widget.value == "2,5" and box.problem is None
    box.widget.value = "-1.5"
    assert box.value == -1.5 and box.widget.value == "−1,5"
    box.widget.value = "twee"
    assert box.value == -1.5 and "geen getal" in box.problem and "twee" in box.problem
    box.value = 4  # code sets a number: shown in Dutch, the problem gone
    assert box.widget.value == "4" and box.problem is None
    assert [v for v, _ in seen] == [2.5, -1.5, -1.5, 4.0]
