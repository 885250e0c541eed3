"""Notebook 07: the characters data, and every widget callback working headless (no browser).

(The teacher's class tournament: tests/lessons/test_class_tournament.py.)"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import numpy as np
import pytest

from wakker import ui
from wakker.lessons import trust_game as nb07
from wakker.models import prisoners_dilemma as P
from wakker.core.content import ContentError, data_dir
from wakker.core.journal import Journal
from html import escape as html_escape

NB = nb07.NOTEBOOK
NOTEBOOK_FILE = Path(__file__).resolve().parents[2] / "notebooks" / f"{NB}.ipynb"
CHARACTERS = Path("lessons") / "trust_game" / "characters.yaml"


def main_ids() -> tuple[str, ...]:
    return nb07.main_characters()


def _write(path: Path, text: str) -> None:
    """Write a data file as an author would, seconds after the last version (the loader caches per version)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that a test may break; WAKKER_DATA points at it."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    monkeypatch.setenv("WAKKER_DATA", str(copy))
    return copy


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


@pytest.fixture
def page(journal):
    return ui.Page(NB, journal=journal)


# --------------------------------------------------------------------------- data

def test_every_character_is_an_engine_strategy_with_a_dutch_name():
    chars = nb07.characters()
    assert set(chars) <= set(P.STRATEGIES)
    for sid in main_ids():
        c = chars[sid]
        assert c.name and c.rule and re.fullmatch(r"#[0-9a-f]{6}", c.colour), sid
    names = [c.name for c in chars.values()]
    assert len(set(names)) == len(names), "two characters share a Dutch name"
    # the minimum set of characters
    for sid in ("always_cooperate", "always_defect", "tit_for_tat", "grudger", "detective", "tit_for_two_tats",
                "win_stay_lose_shift", "random", "generous_tit_for_tat"):
        assert sid in main_ids()


def test_every_character_the_notebook_uses_has_a_dutch_name():
    chars = nb07.characters()
    used = set(main_ids())
    for _, pop in nb07.PRESETS.values():
        used |= set(pop)
    assert used <= set(chars)
    # names in the notebook's prose are names of characters
    text = "".join("".join(c["source"]) for c in json.loads(NOTEBOOK_FILE.read_text(encoding="utf-8"))["cells"])
    for name in re.findall(r"\*\*(?:de |De )?(Spiegel|Valsspeler|Goedzak|Wrokkoester|Rechercheur|Bijsteller|Gokker)",
                           text):
        assert name in {c.name for c in chars.values()}


def test_bad_characters_file_gives_dutch_error(data_copy):
    path = data_copy / CHARACTERS
    _write(path, path.read_text(encoding="utf-8") + "\nbestaat_niet:\n  name: x\n  rule: y\n  colour: '#000000'\n")
    with pytest.raises(ContentError, match=r"lessons/trust_game/characters.yaml, id 'bestaat_niet'"):
        nb07.characters()


def test_characters_file_problems_name_the_file_and_the_id(data_copy):
    path = data_copy / CHARACTERS
    good = path.read_text(encoding="utf-8")
    _write(path, good.replace('name: "Valsspeler"', 'name: ""'))
    with pytest.raises(ContentError, match=r"characters.yaml, id 'always_defect': veld 'name'"):
        nb07.characters()
    _write(path, good.replace('name: "Valsspeler"', 'name: "Spiegel"'))
    with pytest.raises(ContentError, match="dezelfde naam: Spiegel"):
        nb07.characters()
    _write(path, good.replace("  tournament: true", "  tournament: ja", 1))
    with pytest.raises(ContentError, match=r"id 'tit_for_tat': veld 'tournament' moet true of false"):
        nb07.characters()
    path.unlink()
    with pytest.raises(ContentError, match="ontbreekt: characters.yaml"):
        nb07.characters()


def test_the_file_decides_which_characters_play_everywhere(data_copy, tmp_path):
    """A spare character marked ``tournament: true`` joins every menu, the tournament, the sandbox,
    the designer's test and the class tournament; no other list needs changing."""
    path = data_copy / CHARACTERS
    text = path.read_text(encoding="utf-8")
    start = text.index("suspicious_tit_for_tat:")
    spare = text[start:].replace("tournament: false", "tournament: true", 1)
    _write(path, text[:start] + spare)
    name = nb07.name_of("suspicious_tit_for_tat")
    assert nb07.main_characters()[-1] == "suspicious_tit_for_tat" and len(nb07.main_characters()) == 10
    t = nb07.tournament_view()
    assert name in t.boxes["suspicious_tit_for_tat"].description and len(t.fig.data[0].z) == 10
    g = nb07.repeated_game()
    assert ("suspicious_tit_for_tat" in [v for _, v in g.opponent.options])
    assert "suspicious_tit_for_tat" in nb07.sandbox().counts
    from wakker.lessons.class_tournament import class_tournament

    assert "suspicious_tit_for_tat" in class_tournament(tmp_path, rounds=3, repetitions=1).tournament.ids


def test_a_bad_characters_file_gives_a_dutch_box_in_the_widget_not_an_error(data_copy):
    path = data_copy / CHARACTERS
    _write(path, "tit_for_tat: [kapot")
    for build in (nb07.repeated_game, nb07.tournament_view, nb07.evolution_view, nb07.sandbox):
        view = build()
        assert isinstance(view, nb07.Unavailable), build
        box = view.box.children[0].value
        assert "wakker-fout" in box and "Dit onderdeel kon niet worden opgebouwd" in box, build
        assert "characters.yaml" in box and "geen geldige YAML" in box and "Traceback" not in box, build


def _python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_importing_the_lessons_reads_nothing(tmp_path):
    """With an empty data folder the lessons still import; the missing file shows up only when a
    widget is built, and then as a Dutch box."""
    empty = tmp_path / "leeg"
    empty.mkdir()
    out = _python("import wakker.lessons.trust_game as nb07, wakker.lessons.class_tournament\n"
                  "v = nb07.tournament_view()\n"
                  "print(type(v).__name__, 'ontbreekt: characters.yaml' in v.box.children[0].value)",
                  WAKKER_DATA=str(empty))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["Unavailable", "True"]


_EVERY_CONTROL = """
import sys, tempfile
from pathlib import Path
import ipywidgets as w
from ipywidgets.widgets.widget import _instances
from wakker import ui
from wakker.core.journal import Journal
from wakker.lessons import trust_game as nb07
page = ui.Page(nb07.NOTEBOOK, journal=Journal(Path(tempfile.mkdtemp()) / "j.sqlite"))
views = [nb07.one_shot(), nb07.dominance(), nb07.payoff_table(), nb07.repeated_game(hidden=True),
         nb07.repeated_game(), nb07.character_table(), nb07.tournament_view(),
         nb07.evolution_view(experiment="begin"), nb07.sandbox(), nb07.designer(page)]
for c in list(_instances.values()):
    if isinstance(c, (w.IntSlider, w.FloatSlider)):
        for v in (c.min, c.max, c.min + (c.max - c.min) // 2):
            c.value = v
    elif isinstance(c, (w.Dropdown, w.ToggleButtons)):
        for o in c.options:
            c.value = o[1] if isinstance(o, tuple) else o
    elif isinstance(c, w.Checkbox):
        c.value = not c.value
        c.value = not c.value
    elif isinstance(c, w.Text):
        c.value = "Test"
    elif isinstance(c, w.Button):
        c.click()
        c.click()
t, e, s, d = views[6:]
s.preset.value, s.population_preset.value = "case", "goedgelovig"  # the last options: no valid sandbox
shown = [bool(t.table.value), bool(e.summary.value), bool(s.summary.value), "Test" in d.results.value]
print("pandas" in sys.modules, *shown)
"""


def test_the_lesson_never_loads_pandas(tmp_path):
    """Notebook 07 shows tables and charts from numpy arrays: building every widget and moving every
    control, button included, does not import pandas (about 0.15 s of a kernel's start). Runs in a fresh
    process: this test process has pandas loaded already."""
    out = _python(_EVERY_CONTROL, WAKKER_JOURNAL=str(tmp_path / "journal.sqlite"),
                  WAKKER_EXPORTS=str(tmp_path / "exports"))
    assert out.returncode == 0, out.stderr
    loaded, *shown = out.stdout.splitlines()[-1].split()  # the last line: a widget may display something
    assert shown == ["True"] * 4, "a widget showed no result: " + out.stdout
    assert loaded == "False", "moving the controls of notebook 07 imported pandas"


# --------------------------------------------------------------------------- one-shot game

def test_one_shot_buttons_and_fixed_b():
    game = nb07.one_shot(seed=1)
    game.b_mode.value = "betray"
    game.silent.click()
    assert game.history[-1] == ("silent", "betray")
    assert "10 jaar" in game.result.value and "B gaat vrijuit" in game.result.value
    game.b_mode.value = "silent"
    game.betray.click()
    assert game.history[-1] == ("betray", "silent")
    assert "Jij gaat vrijuit" in game.result.value and "B krijgt 10 jaar" in game.result.value
    assert "Na 2 keer spelen: jij in totaal 10 jaar, B 10 jaar" in game.result.value
    game.b_mode.value = "random"
    seen = {game.play("silent")[1] for _ in range(40)}
    assert seen == {"silent", "betray"}
    assert game.message.value == ""


def test_one_shot_bad_input_shows_dutch_message():
    game = nb07.one_shot(seed=1)
    assert game.play("praten") is None
    assert "Dit lukte niet" in game.message.value and "Traceback" not in game.message.value


def test_dominance_reasoning():
    d = nb07.dominance()
    d.buttons.value = "silent"
    assert "0 jaar" in d.text.value and "verraden</b> dus beter" in d.text.value
    assert d.conclusion.value == ""
    d.buttons.value = "betray"
    assert "5 jaar" in d.text.value and "10 jaar" in d.text.value
    assert "steeds beter" in d.conclusion.value and "dominant" in d.conclusion.value
    assert d.table.value.count("✔") == 2


# --------------------------------------------------------------------------- repeated game

def test_repeated_game_against_tit_for_tat():
    g = nb07.repeated_game(seed=3)
    assert g.opponent.value == "tit_for_tat"
    assert list(g.fig.data[0].y) == [0]
    for move in "CCD":
        g.coop.click() if move == "C" else g.defect.click()
    g.coop.click()  # round 4: the Spiegel answers round 3's betrayal
    assert g.theirs == ["C", "C", "C", "D"]
    assert list(g.fig.data[0].y) == [0, 2, 4, 7, 6]  # CASE payoffs: R=2, T=3, S=-1
    assert list(g.fig.data[1].y) == [0, 2, 4, 3, 6]
    assert "Ronde 5 van 10" in g.status.value
    for _ in range(6):
        g.coop.click()
    assert g.round == 10 and g.coop.disabled and "Klaar!" in g.status.value
    g.coop.click()  # a click after the end only gives a hint
    assert g.round == 10
    g.again.click()
    assert g.round == 0 and not g.coop.disabled and list(g.fig.data[0].y) == [0]


def test_repeated_game_hidden_opponent_revealed_at_the_end():
    g = nb07.repeated_game(seed=5)
    g.opponent.value = nb07.HIDDEN
    assert g.hidden and g.current in main_ids()
    g.defect.click()
    assert g.fig.data[1].name == "Tegenstander"
    for _ in range(9):
        g.defect.click()
    assert nb07.name_of(g.current) in g.status.value
    assert g.fig.data[1].name == nb07.name_of(g.current)


def test_repeated_game_says_on_a_phone_that_its_table_of_rounds_scrolls_sideways():
    """§ 3 at 390 px: from round 5 the table of rounds is wider than the column (measured in JupyterLab) and scrolls
    sideways in its own box; a line right above it says so. The kit's class wakker-schuif-hint: hidden by its own
    style, shown by the kit's stylesheet only on a narrow screen. Its box takes the column's width (width:0 and
    min-width:100%), so the sentences above the table wrap instead of running off the screen with it."""
    hint = nb07.widgets.MOVES_SCROLL_HINT_HTML
    assert 'class="wakker-schuif-hint"' in hint and "display:none" in hint
    assert html_escape(nb07.texts.MOVES_SCROLL_HINT) in hint
    assert nb07.texts.MOVES_SCROLL_HINT == "↔ Zie je niet alle rondes? Schuif de tabel opzij."
    for hidden in (True, False):  # both games of § 3
        g = nb07.repeated_game(seed=3, hidden=hidden)
        for r in range(1, 11):
            g.coop.click()
            moves = g.moves.value
            assert moves.count("wakker-schuif-hint") == (r >= nb07.widgets.MOVES_HINT_FROM), r
            assert '<div style="overflow-x:auto;width:0;min-width:100%"><table' in moves
            if r >= nb07.widgets.MOVES_HINT_FROM:
                assert moves.startswith(hint)  # right above the table
        g.again.click()  # a new game: no table, no hint
        assert "wakker-schuif-hint" not in g.moves.value
    assert nb07.widgets.MOVES_HINT_FROM == 5
    phone = re.search(r"@media \(max-width: 640px\) \{(.*)\}", ui.style.KIT_CSS, re.S).group(1)
    assert ".wakker-schuif-hint { display: block !important; }" in phone


#: What each deterministic character answers to the student's moves CCDCDDCCCD, worked out by hand
#: from the rules in characters.yaml (not from the model).
ANSWERS_TO_CCDCDDCCCD = {
    "tit_for_tat": "CCCDCDDCCC",          # starts with C, then copies my previous move
    "always_defect": "DDDDDDDDDD",
    "always_cooperate": "CCCCCCCCCC",
    "grudger": "CCCDDDDDDD",              # after my first D (round 3): D for ever
    "detective": "CDCCCDDCCC",            # C D C C; I defected early, so then tit for tat
    "tit_for_two_tats": "CCCCCCDCCC",     # D only after my two D's in a row (rounds 5 and 6)
    "win_stay_lose_shift": "CCCDDCDDDD",  # keeps its move after my C, switches after my D
}


def test_repeated_game_every_opponent_answers_as_its_rule_says():
    mine = "CCDCDDCCCD"
    for sid, expected in ANSWERS_TO_CCDCDDCCCD.items():
        g = nb07.RepeatedGame(seed=0)
        g.opponent.value = sid
        for m in mine:
            g.play(m)
        assert "".join(g.theirs) == expected, sid
        # the plotted totals are Case's points for those moves: R=2, T=3, S=-1, P=0
        points = {("C", "C"): (2, 2), ("C", "D"): (-1, 3), ("D", "C"): (3, -1), ("D", "D"): (0, 0)}
        me = np.cumsum([points[(a, b)][0] for a, b in zip(mine, expected)])
        assert list(g.fig.data[0].y) == [0, *me], sid
    # the chance characters really use chance: not the same answers for every seed
    seen = set()
    for seed in range(6):
        g = nb07.RepeatedGame(seed=seed)
        g.opponent.value = "random"
        for m in mine:
            g.play(m)
        seen.add("".join(g.theirs))
    assert len(seen) > 1


# --------------------------------------------------------------------------- tournament

def test_tournament_slider_changes_heat_map_in_place():
    t = nb07.tournament_view()
    fig, trace = t.fig, t.fig.data[0]
    z0 = [list(r) for r in trace.z]
    assert len(z0) == len(main_ids()) and "Spiegel</b> wint" in t.summary.value
    t.rounds.value = 3
    assert t.fig is fig and t.fig.data[0] is trace  # updated, not re-created
    assert [list(r) for r in trace.z] != z0
    assert "Valsspeler</b> wint" in t.summary.value
    z1 = [list(r) for r in trace.z]
    t.noise.value = 10
    assert [list(r) for r in trace.z] != z1
    assert "<table" in t.table.value and "plaats" in t.table.value


def test_tournament_checkboxes_and_too_few_characters():
    t = nb07.tournament_view()
    t.boxes["always_defect"].value = False
    assert len(t.fig.data[0].z) == len(main_ids()) - 1
    assert "Valsspeler" not in t.fig.data[0].y
    for sid in main_ids()[1:]:
        t.boxes[sid].value = False
    assert "minstens twee" in t.message.value
    # no stale result next to the warning
    assert t.result is None and t.table.value == "" and t.summary.value == ""
    assert t.fig.data[0].visible is False and "Geen uitkomst" in t.fig.layout.title.text
    t.boxes["grudger"].value = True
    assert t.message.value == "" and len(t.fig.data[0].z) == 2
    assert t.fig.data[0].visible and t.fig.layout.title.text == nb07.TOURNAMENT_TITLE
    assert "Wrokkoester" in t.table.value and "eerste plaats" in t.summary.value


def test_tournament_summary_in_correct_dutch_for_one_round():
    t = nb07.tournament_view()
    assert "10 keer een wedstrijd van 10 rondes," in t.summary.value
    t.rounds.value = 1
    assert "een wedstrijd van 1 ronde," in t.summary.value


def _z(view) -> list:
    return [list(r) for r in view.fig.data[0].z]


def test_tournament_nog_eens_draws_other_chance_and_the_same_state_gives_the_same_picture():
    """A teacher's reading: the tournament has chance (mistakes, the Gokker, the Gulle spiegel) but no way to play it
    again with other chance. 'Nog eens, met ander toeval' plays the same settings with the next seed: another picture,
    and the winners of the presses are counted until a setting moves. The same settings and seed give the same
    picture, whether reached by pressing or made afresh."""
    t = nb07.tournament_view()
    children = list(t.box.children)
    assert children[children.index(t.reseed) + 1] is t.reseed_note.lines.widget  # right above the lines it changes
    assert t.reseed.description == "Nog eens, met ander toeval" and not t.reseed.disabled  # the Gokker plays
    assert t.tally.value == ""  # one draw: nothing to count yet
    t.noise.value = 10
    before, seed = _z(t), t.seed
    t.update()
    assert _z(t) == before  # the same state: the same picture
    t.reseed.click()
    assert t.seed == seed + 1 and _z(t) != before  # a new seed: a new result
    again = nb07.tournament_view(noise=0.10, seed=seed + 1)
    assert _z(again) == _z(t) and again.table.value == t.table.value  # the press gives what that seed gives
    for _ in range(8):
        t.reseed.click()
    assert "10 keer gespeeld" in t.tally.value and len(t.winners) == 10
    for name in set(t.winners):
        assert f"{name} {t.winners.count(name)}×" in t.tally.value
    t.repetitions.value = 1  # a setting moves: a new tally, and with one repetition the winner changes often
    assert t.tally.value == "" and t.winners == [t.winners[0]]
    for _ in range(9):
        t.reseed.click()
    assert len(set(t.winners)) >= 3, t.winners


def test_tournament_nog_eens_is_off_where_nothing_is_left_to_chance():
    """Without mistakes and without a character that draws its moves every seed plays the same matches: the button is
    off, with a line that says why; mistakes switch it on again."""
    t = nb07.tournament_view()
    for sid, box in t.boxes.items():
        box.value = sid in ("tit_for_tat", "grudger", "always_defect", "detective")
    assert t.reseed.disabled and "geen toeval" in t.reseed_note.value and "Gokker of Gulle spiegel" in t.reseed_note.value
    first = _z(t)
    for seed in range(8, 12):
        t.seed = seed
        t.update()
        assert _z(t) == first, seed  # "elke keer hetzelfde"
    t.noise.value = 5
    assert not t.reseed.disabled and t.reseed_note.value == ""
    t.reseed.click()
    assert _z(t) != first
    t.boxes["random"].value = True
    t.noise.value = 0
    assert not t.reseed.disabled  # the Gokker draws


def test_payoff_table_has_its_own_header_and_the_english_word_behind_each_letter(monkeypatch):
    """§ 2's table of T, R, P and S: its header is the five column names (the sandbox's "Eigen punten" once took
    the same name in texts.py, and the table showed that string letter by letter as its header)."""
    shown = []
    monkeypatch.setattr(nb07.widgets, "show_html", shown.append)
    nb07.payoff_table()
    (table,) = shown
    heads = re.findall(r"<th[^>]*>(.*?)</th>", table)
    assert heads == ["letter", "naam", "wanneer?", "in de blog (jaren cel)", "in dit notebook (punten)"], heads
    for word in ("verleiding (<i>temptation</i>)", "beloning (<i>reward</i>)", "straf (<i>punishment</i>)",
                 "sukkel (<i>sucker's payoff</i>)"):
        assert word in table


def test_tournament_says_on_a_phone_that_the_ranking_scrolls_sideways():
    """At 390 px the ranking scrolls sideways: a line right above it says so. It is hidden by its own style and shown
    by the kit's stylesheet only on a narrow screen (the heat map fits there: see the next test)."""
    t = nb07.tournament_view()
    hint = nb07.widgets.SCROLL_HINT_HTML
    assert 'class="wakker-schuif-hint"' in hint and "display:none" in hint
    assert html_escape(nb07.texts.SCROLL_HINT) in hint and "opzij" in nb07.texts.SCROLL_HINT
    assert t.summary.value.endswith(hint)  # the last line above the ranking
    children = list(t.box.children)
    ranking = next(c for c in children if isinstance(c, w.HBox) and t.table in c.children)
    assert hint in children[children.index(ranking) - 1].value and children[children.index(ranking) + 1] is t.fig.widget
    phone = re.search(r"@media \(max-width: 640px\) \{(.*)\}", ui.style.KIT_CSS, re.S).group(1)
    assert ".wakker-schuif-hint { display: block !important; }" in phone
    assert ".wakker-toernooi" not in phone
    assert ".wakker-schuif-hint" not in ui.style.KIT_CSS.split("@media (max-width: 640px)")[0]  # wide: hidden
    for sid in main_ids()[1:]:  # nothing to scroll: no hint
        t.boxes[sid].value = False
    assert t.table.value == "" and hint not in t.summary.value


def test_tournament_heat_map_fits_a_phone_and_is_drawn_as_before_when_wide():
    """A review at 390 px: the heat map was 442 px wide in a cell of 274 (the kit's min-width of 34em) and scrolled,
    its slanted names on top of each other. On a phone its rows are now numbered names (long ones on two lines), its
    columns those numbers, without the colour bar, with a left margin for those names; the lesson's rule lifts the
    kit's min-width for this figure. The wide figure is what it was."""
    t = nb07.tournament_view()
    fig = t.fig
    names = list(fig.data[0].y)
    assert len(names) == 9 and list(fig.data[0].x) == names
    m = fig.layout.margin
    assert (m.l, m.r, m.t, m.b) == (143, 97, 50, 114) and fig.layout.xaxis.tickangle == -30
    assert fig.data[0].showscale is not False and fig.layout.height == 460
    narrow = fig.layout.meta["narrow"]
    (trace,) = narrow["data"]
    assert trace["x"] == [str(i) for i in range(1, 10)] and trace["showscale"] is False
    assert [y.split(" ")[0] for y in trace["y"]] == trace["x"]  # row n is column n
    assert [re.sub(r"^\d+ ", "", y.replace("<br>", " ")) for y in trace["y"]] == names
    assert "4 Geduldige<br>spiegel" in trace["y"] or "Geduldige spiegel" not in names[3]
    assert max(len(line) for y in trace["y"] for line in y.split("<br>")) <= 13
    layout = narrow["layout"]
    assert layout["xaxis"]["tickangle"] == 0 and layout["yaxis"]["automargin"] is False
    assert 60 <= layout["margin"]["l"] <= 90 and "t" not in layout["margin"]  # the page grows t for a wrapped title
    assert "nummer" in layout["xaxis"]["title"]["text"] and "nummer" in trace["hovertemplate"]
    # no heat map is kept wider than the phone by the kit: 07's (and 09's) draw their own phone version
    assert "min-width: 34em" not in ui.style.KIT_CSS
    assert ".wakker-toernooi" not in ui.style.KIT_CSS and "wakker-kleurentabel" in fig.widget._dom_classes
    for sid in main_ids()[2:]:  # fewer players: the numbers follow
        t.boxes[sid].value = False
    assert fig.layout.meta["narrow"]["data"][0]["x"] == ["1", "2"]
    # the teacher's class tournament (same function, its own ticks and height) is drawn as before on a phone
    other = nb07.charts.heatmap_figure(nb07.widgets.PAYOFFS)
    nb07.charts.show_heatmap(other, np.zeros((2, 2)), ["a", "b"])
    assert other.layout.meta is None and "wakker-kleurentabel" not in other.widget._dom_classes


def test_evolution_note_says_what_the_letters_mean_and_why_replace_is_off():
    """The note above the evolution chart names what T, R, P and S stand for; in "Vloeiend" the greyed-out slider
    "Vervangen per generatie" has a line under it that says why, and the note says nobody is replaced."""
    e = nb07.evolution_view()
    note = e.explain.value
    for letter, english, dutch_word in (("T", "temptation", "verleiding"), ("R", "reward", "beloning"),
                                        ("P", "punishment", "straf"), ("S", "sucker's payoff", "sukkel")):
        assert re.search(rf"{letter} = [^(]+\(<i>{re.escape(english)}</i>, (de )?{dutch_word}", note), letter
    assert "T = 3 " in note and "S = −1 " in note  # Dutch minus, the numbers still there
    e.method.value = "replicator"
    assert e.replace.slider.disabled and "niemand vervangen" in e.explain.value
    section = list(e._more_slot.children)
    below = section[section.index(e.replace.box) + 1]
    assert below.value == nb07.texts.REPLACE_NOTE and "Vloeiend" in below.value and "uit" in below.value
    e.method.value = "case"
    assert not e.replace.slider.disabled and "niemand vervangen" not in e.explain.value
    # the table of § 2 says the English word behind each letter as well
    assert [name.split(" (")[1] for _, name, _ in nb07.texts.PAYOFF_ROWS] == [
        "<i>temptation</i>)", "<i>reward</i>)", "<i>punishment</i>)", "<i>sucker's payoff</i>)"]


# --------------------------------------------------------------------------- evolution and sandbox

def test_evolution_rounds_decide_who_survives():
    e = nb07.evolution_view()
    assert "Spiegel 25 van de 25" in e.summary.value
    fig = e.fig
    e.rounds.value = 3
    assert e.fig is fig
    assert "Valsspeler 25 van de 25" in e.summary.value
    visible = [t.name for t in fig.data if t.visible]
    assert set(visible) == {"Goedzak", "Valsspeler", "Spiegel"}
    totals = np.sum([np.asarray(t.y) for t in fig.data if t.visible], axis=0)
    assert np.allclose(totals, 100)


def test_evolution_replicator_and_non_pd_reward():
    e = nb07.evolution_view()
    e.method.value = "replicator"
    assert "%" in e.summary.value and e.replace.slider.disabled
    e.reward.value = 0.8
    assert "geen prisoner's dilemma" in e.message.value and "2R moet groter zijn" in e.message.value
    assert "2R = 1,6" in e.message.value  # Dutch decimal comma
    e.reward.value = 2.0
    assert e.message.value == "" and e.summary.value
    e.noise.value = 5  # with mistakes chance plays a part, also here
    seed = e.seed
    assert not e.reseed.disabled
    e.reseed.click()
    assert e.seed == seed + 1


def _last(e) -> list:
    return e.history.values[-1].tolist()


def test_no_chance_no_button_in_vloeiend_without_mistakes():
    """A teacher's review: in 'Vloeiend (naar gemiddelde score)' at 0 % 'Nog eens, met ander toeval' did nothing visible.
    There the button is off, with a line that says why ('komt er elke keer precies hetzelfde uit'); it is on again
    with mistakes, with a Gokker or Gulle spiegel, and in 'Stap voor stap'. The line's claims checked: without
    chance every seed gives the same, with it another seed can give another result."""
    e = nb07.evolution_view()
    assert not e.reseed.disabled and e.reseed_note.value == ""  # Stap voor stap: who goes is drawn
    e.method.value = "replicator"
    note = e.reseed_note.value
    assert e.reseed.disabled and "wakker-geen-toeval" in note
    # the line right under the button, the first of the lines above the chart
    children = list(e.box.children)
    assert children[children.index(e.reseed) + 1] is e.reseed_note.lines.widget and e.reseed_note.i == 0
    assert "geen toeval" in note and "elke keer precies hetzelfde" in note and "Gokker of Gulle spiegel" in note
    drawing = {nb07.name_of(s) for s in nb07.main_characters() if not P.get_strategy(s).is_deterministic(P.CASE)}
    assert drawing == {"Gokker", "Gulle spiegel"}  # the characters the line names are those that draw
    for preset in ("goedgelovig", "weinig-spiegels"):  # every character keeps a fixed rule
        e.preset.value = preset
        assert e.reseed.disabled
        first = _last(e)
        for seed in range(2, 6):
            e.seed = seed
            e.update()
            assert _last(e) == first, (preset, seed)  # "elke keer precies hetzelfde"
    e.seed = 1
    e.noise.value = 5
    assert not e.reseed.disabled and e.reseed_note.value == ""
    first = _last(e)
    e.reseed.click()
    assert _last(e) != first  # mistakes: another draw, another result
    e.noise.value = 0
    assert e.reseed.disabled
    for preset in ("alle-acht", "vergevers"):  # the Gokker, the Gulle spiegel
        e.preset.value = preset
        assert not e.reseed.disabled
        first = _last(e)
        e.reseed.click()
        assert _last(e) != first, preset
    e.method.value = "case"
    e.preset.value = "goedgelovig"
    assert not e.reseed.disabled and e.reseed_note.value == ""
    # the experiment menu changes the same settings: Proef 3 (5 % mistakes) switches the button on
    e.method.value = "replicator"
    assert e.reseed.disabled
    e.experiment.value = "vergissingen"
    assert not e.reseed.disabled


def test_stap_voor_stap_has_chance_only_where_equal_points_of_different_characters_meet_the_cut():
    """'Stap voor stap' draws only who goes (or is copied) among equal scorers: at 10 rounds the Goedzakken and the
    Spiegels tie once the Valsspelers are gone, and another seed gives another history; at 3 or 6 rounds, or with
    20 Valsspelers and 5 Spiegels, no such tie comes up and every seed gives the same (the button is off, and its
    line says so). Checked over seven seeds each, through the widget."""
    e = nb07.evolution_view()
    for preset, rounds, chance in (("goedgelovig", 10, True), ("goedgelovig", 3, False), ("goedgelovig", 6, False),
                                   ("weinig-spiegels", 10, False), ("weinig-spiegels", 3, False)):
        e.preset.value, e.rounds.value = preset, rounds
        histories = set()
        for seed in range(1, 8):
            e.seed = seed
            e.update()
            assert e.reseed.disabled is not chance, (preset, rounds, seed)
            histories.add(str(e.history.values.tolist()))
        assert (len(histories) > 1) is chance, (preset, rounds, len(histories))
        if not chance:
            note = e.reseed_note.value
            assert "gelijke punten" in note and "elke keer hetzelfde" in note and "Vloeiend" not in note


def test_the_two_evolution_modes_tip_at_different_round_counts():
    """The notebook (experiment 1) says the smooth mode tips a little earlier, mostly because there
    every character also plays itself; check the claim against the model."""
    pop = nb07.PRESETS["goedgelovig"][1]

    def winner(method, rounds, seed=1):
        return nb07.run_evolution(method, pop, 40, rounds, P.CASE, 0.0, 5, seed).iloc[-1].idxmax()

    for seed in range(1, 6):
        assert winner("case", 4, seed) == "always_defect" and winner("case", 5, seed) == "tit_for_tat"
    assert winner("replicator", 3) == "always_defect" and winner("replicator", 4) == "tit_for_tat"


def test_evolution_reward_slider_reads_with_a_decimal_comma():
    e = nb07.evolution_view()
    assert e.reward.box in e.box.children and e.reward.box.children[0] is e.reward.slider
    assert e.reward.slider.readout is False and ">2,0<" in e.reward.readout.value
    e.reward.value = 1.2
    assert ">1,2<" in e.reward.readout.value
    assert nb07.PRESETS["alle-acht"][0].startswith("De acht personages van Nicky Case")


def test_every_slider_reads_the_dutch_way_and_waits_for_release():
    views = (nb07.tournament_view(), nb07.evolution_view(), nb07.sandbox())
    sliders = [x for v in views for x in vars(v).values() if isinstance(x, ui.DutchSlider)]
    # the sliders under "Meer instellingen" are made when it opens (or code asks for them)
    t, e, s = views
    sliders += [t.repetitions, e.replace, e.generations, *s.counts.values()]
    assert all(isinstance(x, ui.DutchSlider) for x in sliders)
    assert len(sliders) == 9 + 10
    for s in sliders:
        assert s.slider.continuous_update is False and s.slider.readout is False
    t = views[0]
    t.noise.value = 5
    assert ">5<" in t.noise.readout.value


def test_evolution_every_preset_runs():
    e = nb07.evolution_view()
    for key in nb07.PRESETS:
        e.preset.value = key
        e.noise.value = 5
        assert e.message.value == "" and "Na 40 generaties" in e.summary.value, key


def test_sandbox_non_pd_gives_dutch_message_not_exception():
    s = nb07.sandbox()
    assert "Spiegel" in s.summary.value and s.message.value == ""
    s.inputs["T"].value = 6.0
    assert s.preset.value == "eigen"
    assert "geen prisoner's dilemma" in s.message.value
    assert "2R moet groter zijn dan T + S" in s.message.value
    assert s.summary.value == ""
    s.inputs["T"].value = 2.0
    assert "T moet groter zijn dan R (nu T = 2, R = 2)" in s.message.value
    s.inputs["P"].value = -1.5
    assert "P moet groter zijn dan S (nu P = −1,5, S = −1)" in s.message.value  # Dutch comma, real minus
    s.preset.value = "axelrod"
    assert [s.inputs[k].value for k in "TRPS"] == [5, 3, 1, 0]
    assert s.message.value == "" and s.summary.value


def _up_front(view) -> list:
    """The controls a student sees without opening "Meer" (lesson guide M4)."""
    out = []

    def walk(widget):
        if isinstance(widget, w.Accordion):
            return
        if isinstance(widget, w.Box):
            for child in widget.children:
                walk(child)
        elif isinstance(widget, (w.ValueWidget,)) and not isinstance(widget, (w.HTML, w.Label)):
            out.append(widget)

    walk(view.box)
    return out


def test_few_controls_up_front_the_rest_under_meer():
    """Review of 07, finding 13: the tournament showed 9 tick boxes and 3 sliders, the sandbox 2 menus, 4 number
    boxes and 11 sliders; now at most four up front, the rest under "Meer instellingen"."""
    t = nb07.tournament_view()
    assert [c.description for c in _up_front(t)] == ["Rondes per wedstrijd:", "Kans op vergissing (%):"]
    assert t.more.get_title(0).startswith("Meer instellingen") and t.more.selected_index is None
    s = nb07.sandbox()
    assert [c.description for c in _up_front(s)] == ["Puntentabel:", "Bevolking:", "Rondes per wedstrijd:",
                                                      "Kans op vergissing (%):"]
    assert s.more.selected_index is None
    e = nb07.evolution_view()
    assert len(_up_front(e)) <= 4


def _models(widget) -> int:
    from wakker.ui.lean import model_count

    return model_count(widget)


#: Models a lesson widget of 07 may bring to Run All (issue 11: every model is a comm message of ~1.4 kB and a
#: view the page builds). Measured 2026-12-02: the tournament 31, the evolution 29, the sandbox 50 when the controls
#: under "Meer instellingen" were made up front (now when that section first opens), and 9, 6, 13, 13, 17 for the
#: games and the designer while each HTML line was its own widget (now adjacent lines are one, widgets._Lines).
#: the tournament: 15 since its button "Nog eens, met ander toeval" (one model, as in the evolution)
MODEL_BUDGET = {"one_shot": 7, "dominance": 3, "blind game": 11, "repeated game": 11, "tournament": 15,
                "evolution": 17, "sandbox": 15, "designer": 16}


def test_lesson_widgets_stay_within_their_model_budget(page, monkeypatch):
    sent = []  # a change sent to the page after a model's first message
    send_state = w.Widget.send_state
    monkeypatch.setattr(w.Widget, "send_state", lambda self, key=None: (
        sent.append((type(self).__name__, key)) if self.comm is not None else None, send_state(self, key))[1])
    builders = {"one_shot": lambda: nb07.one_shot(seed=0), "dominance": nb07.dominance,
                "blind game": lambda: nb07.repeated_game(hidden=True, seed=0),
                "repeated game": lambda: nb07.repeated_game(seed=0), "tournament": nb07.tournament_view,
                "evolution": lambda: nb07.evolution_view(experiment="begin"), "sandbox": nb07.sandbox,
                "designer": lambda: nb07.designer(page)}
    views, second = {}, {}
    for name, build in builders.items():
        sent.clear()
        views[name] = build()
        if sent:
            second[name] = list(sent)
    # each widget's first text goes with its first message; only the kit's status line of a saved widget
    # (wakker.ui.saving) is written again, in the designer's own look
    assert second == {"designer": [("HTML", "value")]}, second
    counts = {name: _models(v.box) for name, v in views.items()}
    assert {k: v for k, v in counts.items() if v > MODEL_BUDGET[k]} == {}, counts
    # the section "Meer instellingen" gets its controls when a student opens it, and they work
    t, e, s = views["tournament"], views["evolution"], views["sandbox"]
    for view, made in ((t, 15), (e, 9), (s, 34)):  # evolution: the method's label is the buttons' own (no HBox)
        view.more.selected_index = 0
        assert _models(view.box) >= counts[[k for k, v in views.items() if v is view][0]] + made
    t.boxes["always_defect"].value = False
    assert "8 personages" in t.summary.value
    s.counts["always_defect"].value = 4
    assert s.population_preset.value == "eigen" and "Samen 26 spelers" in s.population.value
    e.method.value = "replicator"
    assert e.replace.slider.disabled and "%" in e.summary.value


def test_adjacent_lines_are_one_widget_and_read_as_before():
    """The one-shot's result, table and message are one HTML widget (wakker.ui.lines); code still reads and
    writes each line, and the widget shows them in that order, each in its own block."""
    o = nb07.one_shot(seed=0)
    o.b_mode.value = "betray"
    o.play("silent")
    shown = [c for c in o.box.children if isinstance(c, w.HTML)]
    assert len(shown) == 1 and "Jij zweeg. B verraadde jou." in o.result.value
    value = shown[0].value
    assert value.count('class="wakker-regel"') == 3 and value.endswith('0"></div></div>')  # the message: empty
    assert value.index(o.result.value) < value.index(o.table.value)
    o.message.value = "<b>let op</b>"
    assert shown[0].value.endswith('0"><b>let op</b></div></div>') and o.message.value == "<b>let op</b>"


def test_settings_under_meer_work_before_the_section_is_made():
    """Until "Meer instellingen" opens its controls do not exist; the menus and experiments set plain values,
    and the controls, once made, show those values."""
    s = nb07.sandbox()
    s.population_preset.value = "een-valsspeler"
    s.preset.value = "axelrod"
    assert "Samen 25 spelers" in s.population.value and s.payoffs() == P.AXELROD
    assert s._counts == {} and s._inputs == {}  # still not made
    summary = s.summary.value
    s.more.selected_index = 0  # a student opens the section
    assert {k: c.value for k, c in s.counts.items() if c.value} == {"always_defect": 1, "always_cooperate": 24}
    assert [s.inputs[k].value for k in "TRPS"] == [5, 3, 1, 0] and s.summary.value == summary
    e = nb07.evolution_view(experiment="begin")
    e.experiment.value = "vergissingen"
    assert e._controls == {}
    summary = e.summary.value
    assert e.preset.value == "alle-acht" and e.summary.value == summary
    t = nb07.tournament_view(chosen=["tit_for_tat", "always_defect"], repetitions=3)
    assert t._boxes == {} and list(t.result.ids) == ["tit_for_tat", "always_defect"]
    assert [sid for sid, b in t.boxes.items() if b.value] == ["tit_for_tat", "always_defect"]
    assert t.repetitions.value == 3


def test_sandbox_population_menu_sets_the_sliders_and_moving_one_says_eigen():
    s = nb07.sandbox()
    assert s.population_preset.value == "alle-acht" and "Samen 25 spelers" in s.population.value
    s.population_preset.value = "weinig-spiegels"
    assert {k: c.value for k, c in s.counts.items() if c.value} == {"always_defect": 20, "tit_for_tat": 5}
    assert "Spiegel 25 van de 25" in s.summary.value
    s.counts["tit_for_tat"].value = 6
    assert s.population_preset.value == "eigen" and "Samen 26 spelers" in s.population.value
    s.counts["tit_for_tat"].value = 5
    assert s.population_preset.value == "weinig-spiegels"  # the menu recognises a start population again
    s.population_preset.value = "een-valsspeler"
    assert "Valsspeler 25 van de 25" in s.summary.value
    s.population_preset.value = "eigen"  # choosing "eigen" keeps what is there
    assert {k: c.value for k, c in s.counts.items() if c.value} == {"always_defect": 1, "always_cooperate": 24}


def test_sandbox_population_sliders():
    s = nb07.sandbox()
    for sid, slider in s.counts.items():
        slider.value = 20 if sid == "always_defect" else (5 if sid == "tit_for_tat" else 0)
    assert "Samen 25 spelers" in s.population.value
    assert "Spiegel 25 van de 25" in s.summary.value
    s.rounds.value = 3
    assert "Valsspeler 25 van de 25" in s.summary.value
    for slider in s.counts.values():
        slider.value = 0
    assert "minstens twee spelers" in s.message.value
    for slider in s.counts.values():
        slider.value = 6
    assert "Hoogstens 50 spelers" in s.message.value and "nu 54" in s.message.value


def test_sandbox_texts_for_one_player_and_one_replacement():
    s = nb07.sandbox()
    for sid, slider in s.counts.items():
        slider.value = 1 if sid == "tit_for_tat" else 0
    assert "Samen 1 speler " in s.population.value
    s.counts["always_defect"].value = 3
    assert "Samen 4 spelers" in s.population.value
    assert "wordt de slechtste speler vervangen door een kopie van de beste" in s.summary.value
    s.counts["always_defect"].value = 9
    assert "worden de 2 slechtste spelers vervangen door kopieën van de 2 beste" in s.summary.value


# --------------------------------------------------------------------------- designer

def _design(d: nb07.Designer, name: str, first: float, cc: float, cd: float, dc: float, dd: float) -> None:
    for key, p in zip(("first", "CC", "CD", "DC", "DD"), (first, cc, cd, dc, dd)):
        d.dropdowns[key].value = p
    d.name.value = name


def test_designer_recognises_characters_and_tests(page):
    d = nb07.designer(page)
    assert "Goedzak" in d.like.value
    _design(d, "Kopie", 1, 1, 0, 1, 0)
    assert "Spiegel" in d.like.value
    _design(d, "Eigen", 1, 1, 0.25, 1, 0.5)
    assert "eigen strategie" in d.like.value
    out = d.test()
    assert 1 <= out["place"] <= out["of"] == 10
    assert "Eigen" in d.results.value and "plaats" in d.results.value  # its row in the ranking, under 'plaats'
    # the places are said once, next to the button: without and with mistakes (a second sentence above the tables
    # said them again, right under the first on a phone; a reviewer at 390 px)
    shown = re.sub(r"<[^>]+>", "", d.short.value + d.results.value)
    assert re.findall(r"[Pp]laats \d+ van 10 (?:zonder|met)", shown) == [
        f"plaats {out['place']} van 10 zonder", f"plaats {out['place_noise']} van 10 met"], shown
    assert "Eigen" in d.short.value


def test_designer_name_like_a_character_gets_its_own_row(page):
    d = nb07.designer(page)
    _design(d, "Spiegel", 1, 1, 0, 1, 0)
    d.test()
    ranking = d.results.value.split("Ranglijst", 1)[1]
    assert ranking.count("</span> Spiegel</td>") == 1
    assert ranking.count("</span> Spiegel (jouw strategie)</td>") == 1
    assert d.value()["name"] == "Spiegel"  # only the label in the test changes, not what is saved


def test_designer_says_when_a_long_name_is_cut(page, journal):
    d = nb07.designer(page)
    assert d.name_note.value == ""
    long = "De Heel Voorzichtige Buurvrouw Van Driehoog Achter"  # 50 characters
    d.name.value = long
    assert f"{len(long)} tekens" in d.name_note.value and str(nb07.MAX_NAME) in d.name_note.value
    assert d.value()["name"] == long[:nb07.MAX_NAME].strip()
    assert html_escape(long[:nb07.MAX_NAME].strip()) in d.name_note.value
    d.save()
    assert journal.latest(NB, nb07.DESIGN_QID).value["name"] == long[:nb07.MAX_NAME].strip()
    d.name.value = "Kort"
    assert d.name_note.value == ""


def test_designer_needs_a_name(page, journal):
    d = nb07.designer(page)
    d.save_button.click()
    assert "Geef je strategie eerst een naam" in d.message.value and "wakker-fout" in d.message.value
    assert journal.latest(NB, nb07.DESIGN_QID) is None


def test_designer_saves_a_strategy_in_the_format_of_the_model(page, journal):
    d = nb07.designer(page)
    _design(d, "Voorzichtige Buurvrouw", 1, 1, 0, 0.9, 0.25)
    d.save_button.click()
    assert "opgeslagen om" in d.status.value and "Voorzichtige Buurvrouw" in d.status.value
    entry = journal.latest(NB, nb07.DESIGN_QID)
    assert entry.kind == "strategy"
    assert entry.value == {"name": "Voorzichtige Buurvrouw", "first": 1.0,
                           "after": {"CC": 1.0, "CD": 0.0, "DC": 0.9, "DD": 0.25}}
    assert P.design_problems(entry.value) == []


def test_designer_is_a_saved_widget_that_saves_only_on_the_button(page, journal):
    d = nb07.designer(page)
    assert isinstance(d, ui.SavedWidget)
    _design(d, "Wacht", 1, 1, 0, 1, 0)
    ui.flush()
    assert journal.latest(NB, nb07.DESIGN_QID) is None  # changing is not saving
    d.save()
    assert journal.latest(NB, nb07.DESIGN_QID).value["name"] == "Wacht"


def test_designer_restores_a_design_saved_by_the_old_widget(journal):
    """A design saved before the designer became a SavedWidget (same journal entry) comes back."""
    journal.save(NB, nb07.DESIGN_QID, {"name": "Oud ontwerp", "first": 1.0,
                                       "after": {"CC": 1.0, "CD": 0.0, "DC": 0.75, "DD": 0.1}},
                 kind="strategy", prompt="Mijn eigen strategie voor het herhaalde prisoner's dilemma")
    d = nb07.designer(ui.Page(NB, journal=journal))
    assert d.value() == {"name": "Oud ontwerp", "first": 1.0, "after": {"CC": 1.0, "CD": 0.0, "DC": 0.75, "DD": 0.1}}
    assert "eerder bewaard op" in d.status.value and "<b>Oud ontwerp</b>" in d.status.value
    assert "eigen strategie" in d.like.value


def test_designer_restores_after_restart(page, journal):
    d = nb07.designer(page)
    _design(d, "Terugkeer", 0.5, 1, 0.1, 0.75, 0)
    d.save()
    ui.flush()
    again = nb07.designer(ui.Page(NB, journal=Journal(journal.path)))  # a kernel restart leaves only the file
    assert again.value() == d.value()
    assert "eerder bewaard" in again.status.value and "Terugkeer" in again.status.value
    again.dropdowns["DD"].value = 1.0
    assert "Gewijzigd" in again.status.value


def test_designer_restores_an_unusual_probability(page, journal):
    journal.save(NB, nb07.DESIGN_QID, {"name": "Raar", "first": 1, "after": {"CC": 1, "CD": 0.33, "DC": 1, "DD": 0}},
                 kind="strategy")
    d = nb07.designer(page)
    assert d.value()["after"]["CD"] == 0.33
    assert "33 % kans" in d.dropdowns["CD"].label


def test_designer_with_broken_saved_value_keeps_working(page, journal):
    journal.save(NB, nb07.DESIGN_QID, {"name": "", "first": 7}, kind="strategy")
    d = nb07.designer(page)
    assert "kon niet worden teruggezet" in d.status.value
    assert d.value()["first"] == 1.0 and "Goedzak" in d.like.value
    d.name.value = "Nieuw"
    assert d.save() is not None


def test_designer_on_unknown_notebook_shows_message(journal):
    d = nb07.Designer(ui.Page("99_bestaat_niet", journal=journal))
    d.name.value = "Iets"
    d.save_button.click()
    assert "Bewaren lukte niet" in d.message.value


# --------------------------------------------------------------------------- the notebook

def test_notebook_uses_the_page_and_the_module():
    cells = json.loads(NOTEBOOK_FILE.read_text(encoding="utf-8"))["cells"]
    first_code = next(c for c in cells if c["cell_type"] == "code")
    lines = "".join(first_code["source"]).splitlines()
    assert lines[0].startswith("# ")  # a hidden cell's first line is a Dutch comment (lesson guide U1)
    assert lines[1:4] == ["from wakker import page", f'nb = page("{NB}")', "display(nb)"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(c["metadata"].get("jupyter", {}).get("source_hidden") for c in code)
    src = "\n".join("".join(c["source"]) for c in code)
    for call in ("one_shot()", "dominance()", "repeated_game()", "tournament_view()", "evolution_view(",
                 "sandbox()", "designer(nb)"):
        assert f"nb07.{call}" in src
    for key in re.findall(r'nb\.quote\("([^"]+)"\)', src):
        from wakker.core.content import content

        assert content().excerpt(key)


def test_invalid_settings_empty_the_chart_and_valid_ones_bring_it_back():
    s = nb07.sandbox()
    s.inputs["T"].value = 6.0
    assert not any(t.visible for t in s.fig.data) and "Geen uitkomst" in s.fig.layout.title.text
    s.inputs["T"].value = 3.0
    assert any(t.visible for t in s.fig.data) and s.fig.layout.title.text == nb07.SANDBOX_TITLE
    e = nb07.evolution_view()
    e.reward.value = 1.0
    assert not any(t.visible for t in e.fig.data)
    e.reward.value = 1.5
    assert any(t.visible for t in e.fig.data) and e.fig.layout.title.text == nb07.EVOLUTION_TITLE


def test_the_sandbox_reads_dutch_numbers_and_says_when_text_is_not_one():
    """A student types '2,5' for T (a browser number field made that 25) or a word: the sandbox reads the
    first, and keeps its numbers and figure with a Dutch message for the second."""
    s = nb07.sandbox()
    s.inputs["T"].widget.value = "3,5"
    assert s.payoffs().T == 3.5 and s.inputs["T"].widget.value == "3,5" and "geen getal" not in s.message.value
    figure = s.fig.to_plotly_json()
    s.inputs["S"].widget.value = "min een"
    assert "geen getal" in s.message.value and s.payoffs().S == s.inputs["S"].value
    assert s.fig.to_plotly_json() == figure  # nothing recomputed from a bad entry
    s.inputs["S"].widget.value = "−2"
    assert s.payoffs().S == -2 and "geen getal" not in s.message.value


#: The longest menu text that a 390 px phone shows whole in JupyterLab (measured in Chromium 2026-12-03: the menus
#: there are 268 px wide; 'Onbekend personage (raad wie het is)', 36 characters, fits; '15 Goedzakken, 5 Valsspelers,
#: 5 Spiegels', 40 characters, was cut off). The browser test of 07 measures the real widths at 390 px.
PHONE_MENU_CHARS = 36


def _all_widgets(widget) -> list:
    out = [widget]
    for child in getattr(widget, "children", ()) or ():
        out += _all_widgets(child)
    return out


def test_every_menu_fits_a_phone_and_long_choices_are_lists(page):
    """A teacher's review at 390 px: the menus 'Kies een proef' and the sandbox's 'Bevolking' cut their choices off
    ('Begin: 15 Goedzakken, 5 Valsspelers, 5 S…'); a menu shows one line and cannot wrap it. They are lists of
    choices now, each choice whole on more lines if needed (the kit's class wakker-options), as 'Beginbevolking'
    already was; every menu left has choices short enough for a phone."""
    views = [nb07.one_shot(seed=0), nb07.repeated_game(hidden=True, seed=0), nb07.repeated_game(seed=0),
             nb07.tournament_view(), nb07.evolution_view(experiment="begin"), nb07.sandbox(), nb07.designer(page)]
    e, s = views[4], views[5]
    e.more.selected_index = s.more.selected_index = 0  # "Meer instellingen" open: its controls too
    for chooser, label in ((e.experiment, "Kies een proef:"), (s.population_preset, "Bevolking:"),
                           (e.preset, "Beginbevolking:")):
        assert isinstance(chooser, w.RadioButtons) and chooser.description == label
        assert "wakker-options" in chooser._dom_classes, label
    menus = [x for v in views for x in _all_widgets(v.box) if isinstance(x, w.Dropdown)]
    assert len(menus) == 2 + 1 + 5  # two opponents, the payoff table, the designer's five situations
    long = {label for m in menus for label, _ in m.options if len(label) > PHONE_MENU_CHARS}
    assert not long, long


def test_the_time_at_the_top_reads_on_a_phone():
    """A teacher's look at 390 px: the time per part stood in the third column of a table, which ran off the screen
    ('onge… minu…'); it is a list now, with the time right after the part (lesson guide L2)."""
    top = "".join(json.loads(NOTEBOOK_FILE.read_text(encoding="utf-8"))["cells"][0]["source"])
    assert "|---" not in top  # no Markdown table
    assert "* **Deel 1** (§ 1–4), **ongeveer 75 minuten**" in top
    assert "* **Deel 2** (§ 5–9), **ongeveer 85 minuten**" in top and "ongeveer 15 minuten extra" in top
