"""04_boek_deel3_vierde_orde_leiders in a real browser: run all, play the sorting game, move a
model slider, move a week slider; screenshots of every part for a visual check."""
from __future__ import annotations

import json
import sqlite3

import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "notebooks/04_boek_deel3_vierde_orde_leiders.ipynb"

pytestmark = pytest.mark.browser


_shot = jlab.screenshot_at


def test_nb04_sorting_game_model_slider_and_week(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK)
    st = jlab.run_all(page, timeout=180)
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page, timeout=60)
    _shot(page, jlab.cells(page).first, "nb04-01-top")

    # Quotations carry their attribution; the literature table says the fourth order is the authors' own.
    quotes = page.locator(".wakker-citaat")
    expect(quotes).to_have_count(9)
    expect(quotes.first).to_contain_text("Verhaaren")
    meaning = page.locator(".wakker-q-planningsmachine-betekenis")
    meaning.locator("label", has_text="De vaste route").click()
    expect(meaning.locator(".wakker-feedback")).to_contain_text("Elke stap kost tijd")
    _shot(page, meaning, "nb04-02-choice")
    ladder = page.locator("table", has_text="Bartunek & Moch (1987)")
    _shot(page, ladder, "nb04-02b-ladders")

    # --- the sorting game: one right, one wrong, then "Controleer"
    game = page.locator(".wakker-sorteerspel")
    game.scroll_into_view_if_needed()
    page.locator(".wakker-sorteer-vacature button", has_text="1e orde").click()
    page.locator(".wakker-sorteer-interne-rem button", has_text="2e orde").click()
    game.locator("button", has_text="Controleer").click()
    expect(game).to_contain_text("Je score: 1 van de 2 goed", timeout=10_000)
    expect(game).to_contain_text("✓ Goed.")
    expect(game).to_contain_text("Jij koos de 2e orde; volgens de indeling van het boek hoort dit bij de 4e orde.")
    expect(game).to_contain_text("score opgeslagen om", timeout=10_000)
    _shot(page, page.locator("table.wakker-ordes"), "nb04-03a-orders")
    _shot(page, page.locator(".wakker-sorteer-vacature"), "nb04-03-sorting-top")
    _shot(page, game.locator("button", has_text="Controleer"), "nb04-04-sorting-checked")
    con = sqlite3.connect(fresh_journal)
    (value,) = con.execute("SELECT value FROM entries WHERE question='sorteerspel'").fetchone()
    con.close()
    saved = json.loads(value)
    assert saved["score"] == 1 and saved["answers"] == {"vacature": 1, "interne-rem": 2}

    # --- the planning machine: the speed slider, moved with the keyboard
    strength = page.locator(".js-plotly-plot").first
    _shot(page, strength, "nb04-05a-strength")
    _shot(page, jlab.cells(page).filter(has_text="is onze lezing, niet wat het boek zegt"), "nb04-05b-model-in-words")
    _shot(page, page.locator("table.wakker-aannames"), "nb04-05-assumptions")
    machine = page.locator(".wakker-planningsmachine")
    sentence = machine.locator(".wakker-zin")
    expect(sentence).to_contain_text("1× leeft een beweging gemiddeld 24 maanden")
    expect(sentence).to_contain_text("omslagpunt")
    plot = machine.locator(".js-plotly-plot")
    expect(plot.locator(".main-svg").first).to_be_visible()
    bars = plot.locator(".barlayer .point path")
    expect(bars).to_have_count(8)
    before = [bars.nth(i).get_attribute("d") for i in range(4)]
    _shot(page, machine, "nb04-06-machine-default")
    jlab.screenshot(page, "nb04-06b-machine-plot", locator=plot)
    handle = machine.locator(".wakker-param-speed_of_change .noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(35):  # 35 steps of 0.02 in log10: from 1x to 5x
        handle.press("ArrowRight")
    # our own readout next to each slider writes a decimal comma (the widget's own would write 5.01)
    expect(machine.locator(".wakker-readout-param-speed_of_change")).to_have_text("5,01", timeout=10_000)
    expect(machine.locator(".wakker-readout-param-ownership_growth_rate")).to_have_text("0,15")
    expect(machine.locator(".wakker-param-speed_of_change .widget-readout")).to_be_hidden()
    expect(sentence).to_contain_text("Bij een tempo van 5×", timeout=10_000)
    expect(sentence).to_contain_text("Dan levert de 1e orde (de zaak draaiende houden)")
    page.wait_for_function(
        "([sel, old]) => { const p = document.querySelectorAll(sel);"
        " return p.length >= 4 && Array.from(p).slice(0, 4).some((e, i) => e.getAttribute('d') !== old[i]); }",
        arg=[".wakker-planningsmachine .barlayer .point path", before], timeout=10_000)
    _shot(page, machine, "nb04-07-machine-fast")
    jlab.screenshot(page, "nb04-07b-machine-plot-fast", locator=plot)
    more = machine.locator(".jupyter-widget-Collapse-header, .p-Collapse-header, .lm-Collapse-header").first
    more.click()
    expect(machine.locator(".wakker-param-seed")).to_be_visible(timeout=10_000)
    _shot(page, machine.locator(".wakker-param-seed"), "nb04-08-machine-more")

    # --- my week: one slider moves, the others follow, the total stays 100 %
    week = page.locator(".wakker-mijn-week")
    week.scroll_into_view_if_needed()
    expect(week).to_contain_text("Versleep de schuifjes")
    h = week.locator(".wakker-week-nu-4 .noUi-handle")
    h.focus()
    for _ in range(5):
        h.press("ArrowRight")
    expect(week.locator(".wakker-week-nu-4 .widget-readout")).to_have_text("30", timeout=10_000)
    expect(week).to_contain_text("Samen: 100 %")
    expect(week).to_contain_text("opgeslagen om", timeout=10_000)
    readouts = [int(week.locator(f".wakker-week-nu-{o} .widget-readout").inner_text()) for o in (1, 2, 3, 4)]
    assert sum(readouts) == 100 and readouts[3] == 30
    # "gewenst" was not touched: shown and saved as not filled in
    expect(week).to_contain_text("Nog niet ingevuld: versleep een schuifje.")
    expect(week.locator(".js-plotly-plot .legend")).to_contain_text("gewenst (nog niet ingevuld)", timeout=10_000)
    con = sqlite3.connect(fresh_journal)
    (value,) = con.execute("SELECT value FROM entries WHERE question='mijn-week' ORDER BY rowid DESC").fetchone()
    con.close()
    saved = json.loads(value)
    assert saved["ingevuld"] == {"nu": True, "gewenst": False} and "gewenst nog niet ingevuld" in saved["label"]
    _shot(page, week, "nb04-09-week")

    # --- chapters 39 and 40
    _shot(page, page.locator(".wakker-tijdlijn"), "nb04-10-timeline")
    _shot(page, jlab.cells(page).filter(has_text="De gemeente doet het deels zichzelf aan"), "nb04-10b-chapter40")
    case = page.locator(".wakker-q-rol-huiskamer-regel")
    case.locator("label", has_text="kadersteller").click()
    expect(case.locator(".wakker-feedback")).to_contain_text("Past het best")
    _shot(page, case, "nb04-11-roles")
    _shot(page, jlab.cells(page).filter(has_text="Plannen kan eigenaarschap wegnemen"), "nb04-11b-limits")
    further = jlab.cells(page).filter(has_text="Verder in het werkboek")
    expect(further.locator("a", has_text="Deel 2")).to_have_count(0)  # notebooks 03 and 06 do not exist yet
    expect(further).to_contain_text("(volgt)")
    _shot(page, further, "nb04-11c-further")
    last = jlab.cells(page).last
    last.scroll_into_view_if_needed()
    expect(last).to_contain_text("Bronnen")
    _shot(page, last, "nb04-12-end")

    assert not jlab.console_errors(page)
