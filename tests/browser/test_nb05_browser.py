"""05_meetup_vertrouwen_2013 in a real browser: run all, open the teacher's box, answer Voortman's
self-check, split the Berkelland tasks and compare them with the report, predict, play the trust
game and the breach, open every "Wat zagen wij?", answer the rest; then restart the kernel, reload
and see the answers come back. Screenshots at 1280 px and 390 px for a visual check (U3)."""
from __future__ import annotations

import json
import re
import sqlite3

import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "notebooks/05_meetup_vertrouwen_2013.ipynb"
WIDE = {"width": 1280, "height": 1000}
PHONE = {"width": 390, "height": 844}
REFLECTION = "Mijn teamleider zegt wat ze doet, maar geeft zelden een fout toe."

pytestmark = pytest.mark.browser
T = 30_000  # ms: what the kernel draws can take a while on a shared, busy machine

_shot = jlab.screenshot_at


def _rows(journal) -> dict:
    con = sqlite3.connect(journal)
    try:
        rows = con.execute("SELECT question, value FROM entries ORDER BY rowid").fetchall()
    finally:
        con.close()
    return {q: json.loads(v) for q, v in rows}  # the newest version of each answer


def _press(locator, key: str, times: int) -> None:
    handle = locator.locator(".noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(times):
        handle.press(key)


def _scale(page, qid: str, point: int) -> None:
    page.locator(f".wakker-q-{qid} button", has_text=re.compile(rf"^{point}$")).click()


def test_nb05_every_widget_then_restart(page, jupyter_server, fresh_journal):
    page.set_viewport_size(WIDE)
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)  # a kernel starts slowly on a busy machine
    st = jlab.run_all(page, timeout=180)
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page, timeout=60)
    # each plot is laid out once: it asks for the margins it is drawn with (issue 11)
    grown = jlab.margins_grown(page)
    assert not grown, grown
    assert not jlab.console_errors(page)
    _shot(page, jlab.cells(page).first, "nb05-01-top")
    teacher = page.locator(".wakker-in-de-les")
    teacher.locator("summary").click()
    expect(teacher).to_contain_text("Les: vertrouwen geven", timeout=T)
    expect(teacher).to_contain_text("wie-valt-buiten", timeout=T)
    _shot(page, teacher, "nb05-01b-in-de-les")

    # Quotations name the speaker and the report's authors (S1); the reporters' own sentences about a talk
    # stay on the reporters' name.
    quotes = page.locator(".wakker-citaat")
    expect(quotes).to_have_count(6, timeout=T)
    voortman = quotes.filter(has_text="voorbeeldgedrag van de leiding")
    expect(voortman.locator("figcaption")).to_contain_text("verslag van de voordracht van Pauline Voortman", timeout=T)
    expect(voortman.locator("figcaption")).not_to_contain_text("zoals weergegeven in", timeout=T)
    expect(quotes.filter(has_text="superoplosser").locator("figcaption")).to_contain_text("Judith Harmsen", timeout=T)
    _shot(page, voortman, "nb05-02-voortman")

    # --- § 2: Voortman's self-check
    for qid, point in (("leider-voorspelbaar", 4), ("leider-welwillend", 3), ("leider-kwetsbaar", 2)):
        _scale(page, qid, point)
    jlab.type_into(page.locator(".wakker-q-leider-reflectie textarea"), REFLECTION)
    restore = page.locator(".wakker-q-herstel-begint")
    restore.locator("label", has_text="Met toegeven dat het misging").click()
    expect(restore.locator(".wakker-feedback")).to_contain_text("begint herstel bij kwetsbaarheid", timeout=T)
    expect(page.locator(".wakker-q-leider-reflectie")).to_contain_text("opgeslagen om", timeout=T)
    _shot(page, page.locator(".wakker-q-leider-kwetsbaar"), "nb05-03-self-check")
    _shot(page, restore, "nb05-03b-herstel")

    # --- § 3: Berkelland, the task split compared with the report
    jlab.type_into(page.locator(".wakker-q-bezuiniging-keuze textarea"), "Een noodzaak die een keuze werd.")
    split = page.locator(".wakker-taakverdeling")
    split.scroll_into_view_if_needed()
    split.locator("button", has_text="Vergelijk met het verslag").click()
    expect(split).to_contain_text("Kies eerst bij minstens één taak", timeout=T)
    page.locator(".wakker-taak-muziekschool-gebouw button", has_text="gemeente").click()
    page.locator(".wakker-taak-vervoer-regelen button", has_text="gemeente").click()
    page.locator(".wakker-taak-groen-groen-onderhoud button", has_text="bewoners").click()
    _shot(page, page.locator(".wakker-taak-crossbaan-ontwerp"), "nb05-04-split")
    # a task's text is its buttons' label (issue 11: one widget per task): shown whole, left of the buttons on a
    # wide screen, and the group's accessible name
    task = page.locator(".wakker-taak-crossbaan-ontwerp")
    expect(task).to_have_attribute("aria-label", "Bedenken hoe de baan eruit komt te zien", timeout=T)
    label, first = task.locator(".widget-label"), task.locator("button").first
    expect(label).to_have_text("Bedenken hoe de baan eruit komt te zien", timeout=T)
    fits = label.evaluate("el => el.scrollWidth <= el.clientWidth + 1 && getComputedStyle(el).textAlign")
    assert fits in ("left", "start"), fits
    assert label.bounding_box()["x"] + label.bounding_box()["width"] <= first.bounding_box()["x"] + 1
    split.locator("button", has_text="Vergelijk met het verslag").click()
    comparison = split.locator(".wakker-vergelijking")
    expect(comparison).to_contain_text("zelfde als in Berkelland", timeout=T)
    expect(comparison).to_contain_text("anders dan in Berkelland", timeout=T)
    expect(comparison).to_contain_text("Verslag: zegt het niet.", timeout=T)
    expect(comparison.locator(".wakker-citaat")).to_contain_text("Sluit aan bij hun droom", timeout=T)  # Harmsen's tips
    expect(split).to_contain_text("opgeslagen om", timeout=T)
    _shot(page, comparison, "nb05-05-comparison")
    _shot(page, comparison.locator(".wakker-citaat"), "nb05-05b-tips")
    saved = _rows(fresh_journal)["taakverdeling"]
    assert saved["compared"] is True and saved["choices"] == {
        "muziekschool/gebouw": "gemeente", "vervoer/regelen": "gemeente", "groen/groen-onderhoud": "bewoners"}

    reveals = page.locator(".wakker-reveal")
    expect(reveals).to_have_count(3, timeout=T)
    who = page.locator(".wakker-q-wie-valt-buiten")
    expect(reveals.nth(0).locator(".wakker-reveal-button")).to_be_hidden(timeout=T)
    jlab.type_into(who.locator("textarea"), "Bij het vervoer: wie de bijdrage niet kan betalen.")
    reveals.nth(0).locator(".wakker-reveal-button").click()
    expect(reveals.nth(0)).to_contain_text("Het werk verschuift naar vrijwilligers", timeout=T)
    _shot(page, reveals.nth(0), "nb05-06-who-falls-out")

    # --- § 4: predict, then play the trust game
    predict = page.locator(".wakker-q-voorspelling-spiraal")
    predict.locator("label", has_text="Het is gegroeid").click()
    expect(predict.locator(".wakker-feedback")).to_contain_text("Je voorspelling is bewaard", timeout=T)
    game = page.locator(".wakker-vertrouwensspel")
    sentence = game.locator(".wakker-tekst").last
    expect(sentence).to_contain_text("Het vertrouwen is ingestort", timeout=T)
    # what happened, not yet why: the explanation waits behind 'Wat zagen wij?' (review 05, finding 9)
    expect(game).not_to_contain_text("Kan geven hier lonen", timeout=T)
    expect(page.locator(".wakker-vertrouwensspel-uitleg")).to_have_count(0, timeout=T)
    for name in ("start_trust", "multiplier", "takers", "learning_rate"):
        expect(game.locator(f".wakker-param-{name}")).to_be_visible(timeout=T)
    expect(game.locator(".wakker-param-reciprocity")).to_be_hidden(timeout=T)
    plot = game.locator(".js-plotly-plot")
    expect(plot.locator(".main-svg").first).to_be_visible(timeout=T)
    lines = plot.locator(".scatterlayer .trace path.js-line")
    before = lines.first.get_attribute("d")
    _shot(page, game, "nb05-07-game-default")
    _press(game.locator(".wakker-param-start_trust"), "ArrowRight", 8)   # 50 % -> 90 %
    expect(game.locator(".wakker-readout-param-start_trust")).to_have_text("90", timeout=T)
    expect(sentence).to_contain_text("Een spiraal van vertrouwen", timeout=T)
    expect(sentence).to_contain_text("10 keer een spiraal", timeout=T)
    page.wait_for_function(
        "([sel, old]) => { const p = document.querySelector(sel); return p && p.getAttribute('d') !== old; }",
        arg=[".wakker-vertrouwensspel .scatterlayer .trace path.js-line", before], timeout=10_000)
    _shot(page, game, "nb05-08-game-spiral")
    _press(game.locator(".wakker-param-takers"), "ArrowRight", 6)        # 10 % -> 40 %
    expect(sentence).to_contain_text("Het vertrouwen is ingestort", timeout=T)
    game.locator("button", has_text="Nog eens, met ander toeval").click()
    expect(sentence).to_contain_text("ingestort", timeout=T)
    # what one press did, in words (a teacher's review: the tally stayed the same for several presses, and 'worp'
    # said nothing to a student): one time fell off, one came in, and so the tally stayed or changed
    expect(sentence).to_contain_text("Deze druk: de keer die afviel stortte in, de nieuwe keer stortte in. "
                                     "Daarom bleef de telling gelijk.", timeout=T)
    expect(sentence).to_contain_text("Tien keer gespeeld, elke keer met ander geluk en pech")
    expect(sentence).not_to_contain_text("worp")
    _shot(page, game, "nb05-08b-game-after-press")
    more = game.locator(".jupyter-widget-Collapse-header, .p-Collapse-header, .lm-Collapse-header").first
    more.click()
    expect(game.locator(".wakker-param-reciprocity")).to_be_visible(timeout=T)
    _shot(page, game.locator(".wakker-param-reciprocity"), "nb05-09-game-more")
    game.locator("button", has_text="Terug naar de standaardaannames").click()
    expect(game.locator(".wakker-readout-param-start_trust")).to_have_text("50", timeout=T)
    jlab.type_into(page.locator(".wakker-q-spel-gezien textarea"), "Bij 90 % begin groeide het, bij 40 % nemers niet.")
    reveals.nth(1).locator(".wakker-reveal-button").click()
    expect(reveals.nth(1)).to_contain_text("Met de standaardaannames stort het vertrouwen in", timeout=T)
    why = reveals.nth(1).locator(".wakker-vertrouwensspel-uitleg")
    expect(why).to_contain_text("Kan geven hier lonen?", timeout=T)
    expect(why).to_contain_text("0,9 × 3 × 0,5 = 1,35", timeout=T)
    _shot(page, reveals.nth(1), "nb05-10-game-reveal")
    _press(game.locator(".wakker-param-takers"), "ArrowRight", 6)        # 10 % -> 40 %: the explanation follows
    expect(why).to_contain_text("0,6 × 3 × 0,5 = 0,9", timeout=T)
    _shot(page, why, "nb05-10b-game-why-live")
    game.locator("button", has_text="Terug naar de standaardaannames").click()
    expect(why).to_contain_text("0,9 × 3 × 0,5 = 1,35", timeout=T)
    recip = page.locator(".wakker-q-wederkerigheid-nul")
    recip.locator("label", has_text="Het begin maakt niet meer uit").click()
    expect(recip.locator(".wakker-feedback")).to_contain_text("Klopt", timeout=T)
    _shot(page, page.locator("table.wakker-aannames"), "nb05-11-assumptions")
    jlab.type_into(page.locator(".wakker-q-model-aanname textarea"), "Dat nemers altijd nemers blijven.")

    # --- § 5: the breach
    page.locator(".wakker-q-voorspelling-breuk label", has_text="Alleen bij een breuk").click()
    breach = page.locator(".wakker-breuk")
    said = breach.locator(".wakker-tekst").last
    expect(said).to_contain_text("Hier maakt toegeven het verschil", timeout=T)
    _shot(page, breach, "nb05-12-breach")
    # another chance draw redraws the three lines (review 05, finding 10)
    paths = ".wakker-breuk .scatterlayer .trace path.js-line"
    drawn = page.evaluate("sel => [...document.querySelectorAll(sel)].map(p => p.getAttribute('d')).join('|')", paths)
    breach.locator("button", has_text="Nog eens, met ander toeval").click()
    page.wait_for_function(
        "([sel, old]) => [...document.querySelectorAll(sel)].map(p => p.getAttribute('d')).join('|') !== old",
        arg=[paths, drawn], timeout=T)
    expect(said).to_contain_text("Zonder breuk", timeout=T)
    _press(breach.locator(".wakker-breuk-admit_effect"), "ArrowLeft", 10)   # 50 % -> 0 %
    expect(breach.locator(".wakker-readout-breuk-admit_effect")).to_have_text("0", timeout=T)
    expect(said).to_contain_text("Wat toegeven oplevert staat op 0 %", timeout=T)
    _shot(page, breach, "nb05-13-breach-no-effect")
    jlab.type_into(page.locator(".wakker-q-breuk-gezien textarea"), "Toegeven helpt alleen bij een middelzware breuk.")
    reveals.nth(2).locator(".wakker-reveal-button").click()
    expect(reveals.nth(2)).to_contain_text("Teleurstelling op 1", timeout=T)

    # --- §§ 6-8 and the end
    jlab.type_into(page.locator(".wakker-q-model-weglaten textarea"), "Dat de gemeente ook zelf fouten maakt.")
    platform = page.locator(".wakker-q-platform-vertrouwen")
    platform.locator("label", has_text="Beoordelingen en reviews").click()
    expect(platform.locator(".wakker-feedback")).to_contain_text("Dat is reputatie", timeout=T)
    _shot(page, platform, "nb05-14-platform")
    jlab.type_into(page.locator(".wakker-q-platform-eigen textarea"), "Reviews met een concreet verhaal.")
    _scale(page, "claim-ervaring", 3)
    jlab.type_into(page.locator(".wakker-q-claim-voorbeeld textarea"), "Een cliënt die ik een sleutel gaf.")
    jlab.type_into(page.locator(".wakker-q-afsluiting-praktijk textarea"), "Ik geef de buurtgroep het budget.")
    further = jlab.cells(page).filter(has_text="Verder in het werkboek")
    expect(further.locator("a", has_text="prisoner's dilemma")).to_have_count(1, timeout=T)
    expect(further.locator("a", has_text="Vertrouwen moet je leren")).to_have_count(1, timeout=T)
    sources = jlab.cells(page).filter(has_text="Berg, J., Dickhaut")
    expect(sources).to_contain_text("https://www.kl.nl/nieuws/social-innovation-meetup-5-vertrouwen/", timeout=T)
    _shot(page, sources, "nb05-15-sources")
    last = jlab.cells(page).last
    last.scroll_into_view_if_needed()
    expect(last.locator("button").first).to_be_visible(timeout=T)
    expect(page.locator(".wakker-q-afsluiting-praktijk")).to_contain_text("opgeslagen om", timeout=T)
    _shot(page, last, "nb05-16-end")
    rows = _rows(fresh_journal)
    for qid in ("leider-voorspelbaar", "leider-reflectie", "herstel-begint", "taakverdeling", "wie-valt-buiten",
                "voorspelling-spiraal", "spel-gezien", "wederkerigheid-nul", "voorspelling-breuk", "breuk-gezien",
                "platform-vertrouwen", "claim-ervaring", "afsluiting-praktijk"):
        assert qid in rows, qid
    assert rows["leider-reflectie"] == REFLECTION

    # U3: the game, the breach and the task split on a phone-width screen
    page.set_viewport_size(PHONE)
    page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")  # the file browser shut
    for name, target in (("nb05-17-phone-game", game.locator(".wakker-tekst").last),
                         ("nb05-17a-phone-game-plot", game.locator(".js-plotly-plot")),
                         ("nb05-17b-phone-breach", breach.locator(".js-plotly-plot")),
                         ("nb05-17c-phone-split", page.locator(".wakker-taak-muziekschool-gebouw")),
                         ("nb05-17d-phone-comparison", comparison.locator("li").first)):
        for _ in range(2):  # JupyterLab lays the cells out again after the first scroll on a narrow screen
            target.scroll_into_view_if_needed()
            page.wait_for_timeout(800)
        jlab.screenshot(page, name, full_page=False)
    page.set_viewport_size(WIDE)
    assert not jlab.console_errors(page)

    # Restart the kernel and reload: after Run All every answer is back where it was.
    jlab.restart_kernel(page, timeout=180)
    jlab.reload(page, timeout=180)
    jlab.run_all(page, timeout=180)
    jlab.wait_for_widgets(page, timeout=60)
    reflection = page.locator(".wakker-q-leider-reflectie")
    reflection.scroll_into_view_if_needed()
    expect(reflection.locator("textarea")).to_have_value(REFLECTION, timeout=T)
    expect(reflection).to_contain_text("eerder antwoord", timeout=T)
    expect(page.locator(".wakker-q-leider-voorspelbaar button.mod-active")).to_have_text("4", timeout=T)
    split = page.locator(".wakker-taakverdeling")
    expect(page.locator(".wakker-taak-muziekschool-gebouw button.mod-active")).to_have_text("gemeente", timeout=T)
    expect(split.locator(".wakker-vergelijking")).to_contain_text("zelfde als in Berkelland", timeout=T)
    expect(split).to_contain_text("je eerdere verdeling is teruggezet", timeout=T)
    expect(page.locator(".wakker-reveal").nth(1).locator(".wakker-reveal-button")).to_be_visible(timeout=T)
    _shot(page, split, "nb05-18-after-restart")
    assert not jlab.console_errors(page)
