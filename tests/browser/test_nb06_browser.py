"""06_regio_zwolle_sociale_innovatie_2016 in a real browser: run all, open the teacher's box, add my own
words beside the room's, answer the choices, move the learning-gap sliders (steady, speeding up, sharing),
write an observation and open "Wat zagen wij?", walk the village case, fill in the listening self-scan in
both rounds, answer the closing question; restart the kernel, reload, run all, and see every answer come
back; screenshots of every part at 1400, 1280 and 390 px for a visual check (lesson guide U3)."""
from __future__ import annotations


import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "notebooks/06_regio_zwolle_sociale_innovatie_2016.ipynb"
CLOSING = "Een vraag over nieuwe bewonersinitiatieven: ik ga eerst drie vragen stellen voordat ik iets zeg."
WORDS = "samen, buurt, durven"

pytestmark = pytest.mark.browser

_shot = jlab.screenshot_at




def test_nb06_every_widget_and_answers_back_after_restart(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)  # a busy shared machine starts kernels slowly
    st = jlab.run_all(page, timeout=240)
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page, timeout=90)
    # each plot is laid out once: it asks for the margins it is drawn with (issue 11)
    grown = jlab.margins_grown(page)
    assert not grown, grown
    assert not jlab.console_errors(page)
    _shot(page, jlab.cells(page).first, "nb06-01-top")
    teacher = page.locator(".wakker-in-de-les")
    teacher.locator("summary").click()
    expect(teacher).to_contain_text("sociale innovatie in de praktijk (§ 1–5 in de les")
    expect(teacher).to_contain_text("hoe geef je collega's de veiligheid")
    expect(teacher).to_contain_text("luisteren-zelfscan")
    _shot(page, teacher, "nb06-01b-in-de-les")

    # Quotations: every named speaker is named; the two pull quotes name nobody.
    quotes = page.locator(".wakker-citaat")
    expect(quotes).to_have_count(12)
    expect(page.locator(".wakker-citaat", has_text="leersnelheid achter")).to_contain_text("Engbert Breuker")
    expect(page.locator(".wakker-citaat", has_text="Zenden, zenden")).to_contain_text("Martijn Dadema")
    for pull in ("sneller dan wij als bestuurders", "begin van luisteren"):
        shown = page.locator(".wakker-citaat", has_text=pull)
        expect(shown).to_contain_text("zonder naam van een spreker")
        for name in ("Breuker", "Dadema", "De Vent"):
            assert f"— {name}" not in shown.inner_text()

    # --- § 2: my words beside the room's, a choice, the working definition
    words = page.locator(".wakker-associaties")
    words.locator("textarea").fill(WORDS)
    expect(words).to_contain_text("opgeslagen om", timeout=10_000)
    expect(words.locator(".wakker-woorden")).to_contain_text("samen ★")
    expect(words.locator(".wakker-woorden")).to_contain_text("mens- en vraaggericht")
    expect(words).to_contain_text("3 van jou, 12 van de zaal, 1 gedeeld.")
    _shot(page, words, "nb06-02-words")
    why = page.locator(".wakker-q-geen-definitie-waarom")
    why.locator("label", has_text="De woorden gaan over verschillende dingen").click()
    expect(why.locator(".wakker-feedback")).to_contain_text("Dit is ook onze lezing")
    definition = page.locator(".wakker-q-werkdefinitie")
    definition.locator("textarea").fill("Sociale innovatie is samen met bewoners iets nieuws proberen, bijvoorbeeld een buurtkamer.")
    expect(definition).to_contain_text("opgeslagen om", timeout=10_000)

    # --- § 3: predict, then play with the learning gap
    predict = page.locator(".wakker-q-voorspelling-versnelling")
    predict.locator("label", has_text="Een tijdje wel").click()
    expect(predict.locator(".wakker-feedback")).to_contain_text("Je voorspelling is bewaard")
    gap = page.locator(".wakker-leerkloof")
    sentence = gap.locator(".wakker-zin")
    expect(sentence).to_contain_text("20 open vragen")
    expect(sentence).to_contain_text("meer dan je organisatie aankan (10)")
    expect(sentence).not_to_contain_text("nodig")  # task 1 asks the student to find that rate (L3)
    for name in ("change_pace", "acceleration", "learning_rate", "municipalities"):
        expect(gap.locator(f".wakker-gap-{name}")).to_be_visible()
    expect(gap.locator(".wakker-gap-share_delay")).to_be_hidden()
    plot = gap.locator(".js-plotly-plot")
    expect(plot.locator(".main-svg").first).to_be_visible()
    _shot(page, gap, "nb06-03-gap-default")
    lines = plot.locator(".scatterlayer .trace path.js-line")
    before = [lines.nth(i).get_attribute("d") for i in range(lines.count())]
    # 1. a steady pace: learning rate 0.5 -> 1.0 in ten steps of 0.05
    jlab.press(gap.locator(".wakker-gap-learning_rate .noUi-handle"), "ArrowRight", 10)
    expect(gap.locator(".wakker-readout-gap-learning_rate")).to_have_text("1,00", timeout=10_000)
    expect(sentence).to_contain_text("Dat is binnen wat je organisatie aankan (10)", timeout=10_000)
    # 2. change that speeds up: 10 % per year
    jlab.press(gap.locator(".wakker-gap-acceleration .noUi-handle"), "ArrowRight", 10)
    expect(gap.locator(".wakker-readout-gap-acceleration")).to_have_text("10", timeout=10_000)
    expect(sentence).to_contain_text("groeit 10 % per jaar", timeout=10_000)
    expect(sentence).to_contain_text("en groeit nog")
    expect(sentence).not_to_contain_text("geen enkele vaste leersnelheid")  # the reveal says that, after writing
    page.wait_for_function(
        "([sel, old]) => { const p = document.querySelectorAll(sel);"
        " return Array.from(p).some((e, i) => e.getAttribute('d') !== old[i]); }",
        arg=[".wakker-leerkloof .scatterlayer .trace path.js-line", before], timeout=10_000)
    _shot(page, gap, "nb06-04-gap-speeding-up")
    # 3. sharing with the fourteen municipalities of the meeting
    gap.locator("button", has_text="Terug naar de standaardaannames").click()
    expect(sentence).to_contain_text("20 open vragen", timeout=10_000)
    jlab.press(gap.locator(".wakker-gap-municipalities .noUi-handle"), "ArrowRight", 13)
    expect(gap.locator(".wakker-readout-gap-municipalities")).to_have_text("14", timeout=10_000)
    expect(sentence).to_contain_text("14 gemeenten die delen", timeout=10_000)
    expect(sentence).to_contain_text("op den duur 8")
    expect(plot.locator(".legend")).to_contain_text("14 gemeenten die delen", timeout=10_000)
    _shot(page, gap, "nb06-05-gap-sharing")
    jlab.screenshot(page, "nb06-05b-gap-plot", locator=plot)
    # 4. late sharing, under "Meer aannames"
    gap.locator(".jupyter-widget-Collapse-header, .p-Collapse-header, .lm-Collapse-header").first.click()
    expect(gap.locator(".wakker-gap-share_delay")).to_be_visible(timeout=10_000)
    jlab.press(gap.locator(".wakker-gap-share_delay .noUi-handle"), "ArrowRight", 5)  # 0.5 -> 3 years
    expect(gap.locator(".wakker-readout-gap-share_delay")).to_have_text("3,0", timeout=10_000)
    expect(sentence).to_contain_text("op den duur 17", timeout=10_000)
    _shot(page, gap.locator(".wakker-gap-share_delay"), "nb06-06-gap-more")
    observed = page.locator(".wakker-q-leerkloof-gezien")
    reveal = page.locator(".wakker-reveal").first
    expect(reveal.locator(".wakker-reveal-button")).to_be_hidden()
    observed.locator("textarea").fill("Bij een vast tempo is leersnelheid 1 genoeg, bij versnelling lukt het nooit.")
    reveal.locator(".wakker-reveal-button").click()
    expect(reveal).to_contain_text("Vast tempo.", timeout=10_000)
    expect(reveal).to_contain_text("113 open vragen")
    _shot(page, reveal, "nb06-07-reveal")
    late = page.locator(".wakker-q-delen-vertraging")
    late.locator("label", has_text="Er blijft weinig van over").click()
    expect(late.locator(".wakker-feedback")).to_contain_text("ongeveer 17 tegen 20")
    _shot(page, page.locator("table.wakker-aannames"), "nb06-08-assumptions")

    # --- § 4: the village case, two steps to its end
    case = page.locator(".wakker-casus-balkbrug")
    case.scroll_into_view_if_needed()
    expect(case).to_contain_text("Wat doe jij als wethouder als eerste?")
    expect(case).to_contain_text("Nog niet begonnen")
    _shot(page, case, "nb06-09-case-start")
    case.locator("label", has_text="Een onafhankelijke bemiddelaar").click()
    expect(case).to_contain_text("Jouw keuze: Een onafhankelijke bemiddelaar", timeout=10_000)
    expect(case).to_contain_text("Wat geef je de bemiddelaar mee?")
    case.locator("label", has_text="De vraag wat beide groepen samen").click()
    expect(case).to_contain_text("Einde van de casus", timeout=10_000)
    expect(case).to_contain_text("opgeslagen om", timeout=10_000)
    _shot(page, case, "nb06-10-case-end")
    saved = jlab.saved_value(fresh_journal, "casus-balkbrug")
    assert saved["path"] == ["mediation", "gezamenlijk-doel"] and saved["finished"] is True
    page.locator(".wakker-q-casus-waarom textarea").fill("Ik koos een bemiddelaar omdat ik geen partij wilde kiezen.")
    _shot(page, jlab.cells(page).filter(has_text="Eén casus, van één kant verteld"), "nb06-11-hardenberg")

    # --- § 5: the listening self-scan, now and later
    scan = page.locator(".wakker-zelfscan")
    scan.scroll_into_view_if_needed()
    scan.locator(".wakker-scan-luisteren button", has_text="2").click()
    scan.locator(".wakker-scan-verbinden button", has_text="4").click()
    expect(scan).to_contain_text("Nu: 2 van de 6 thema's ingevuld", timeout=10_000)
    scan.locator(".wakker-scan-ronde button", has_text="Later").click()
    expect(scan.locator(".wakker-scan-luisteren button.mod-active")).to_have_count(0, timeout=10_000)
    scan.locator(".wakker-scan-luisteren button", has_text="4").click()
    expect(scan).to_contain_text("Later (over een paar weken): 1 van de 6", timeout=10_000)
    expect(scan.locator(".js-plotly-plot .legend")).to_contain_text("Later", timeout=10_000)
    expect(scan.locator(".js-plotly-plot .polarlayer path.js-line").first).to_be_attached()  # a real radar
    # the radar is drawn with the workbook's own plotly.js (cartesian + scatterpolar, tools/plotly), and the
    # page never loads jupyterlab-plotly's full one (4.8 MB: 0.9 s of a first Run All)
    assert page.evaluate("() => window.__wakkerPlotlyFrom") == "werkboek"
    assert page.evaluate("() => window.__wakkerLabPlotly === undefined")  # the full copy was never asked for
    expect(scan).to_contain_text("opgeslagen om", timeout=10_000)
    _shot(page, scan, "nb06-12-scan")
    jlab.screenshot(page, "nb06-12b-scan-radar", locator=scan.locator(".js-plotly-plot"))
    saved = jlab.saved_value(fresh_journal, "luisteren-zelfscan")
    assert saved["nu"]["luisteren"] == 2 and saved["nu"]["verbinden"] == 4 and saved["later"]["luisteren"] == 4

    # --- § 6 and the closing question
    _shot(page, jlab.cells(page).filter(has_text="Een lijn naar het boek"), "nb06-13-book")
    closing = page.locator(".wakker-q-afsluiting-praktijk")
    closing.locator("textarea").fill(CLOSING)
    expect(closing).to_contain_text("opgeslagen om", timeout=10_000)
    assert jlab.saved_value(fresh_journal, "afsluiting-praktijk") == CLOSING
    last = jlab.cells(page).last
    last.scroll_into_view_if_needed()
    expect(last.locator("button", has_text="Exporteer mijn antwoorden")).to_be_visible()
    _shot(page, last, "nb06-14-end")
    assert not jlab.console_errors(page)

    # U3: 1280 px here, 390 px after the restart below
    page.set_viewport_size({"width": 1280, "height": 900})
    _shot(page, gap, "nb06-15-1280-gap")
    _shot(page, case, "nb06-15b-1280-case")
    # --- restart the kernel, reload the page on a phone-wide screen (390 px), run all: every answer comes
    # back, and the page is drawn at that width from the start, as on a phone
    page.set_viewport_size({"width": 390, "height": 844})
    jlab.restart_kernel(page, timeout=180)
    jlab.reload(page, timeout=180)
    page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")  # the file browser shut
    jlab.run_all(page, timeout=240)
    jlab.wait_for_widgets(page, timeout=90)
    gap = page.locator(".wakker-leerkloof")
    plot = gap.locator(".js-plotly-plot")
    for name, target in (("gap", gap.locator(".wakker-zin")), ("gap-plot", plot),
                         ("words", page.locator(".wakker-associaties")), ("case", page.locator(".wakker-casus-balkbrug")),
                         ("scan", page.locator(".wakker-zelfscan")),
                         ("assumptions", page.locator("table.wakker-aannames")),
                         ("reveal", page.locator(".wakker-q-leerkloof-gezien"))):
        for _ in range(2):  # JupyterLab lays the cells out again after the first scroll on a narrow screen
            target.scroll_into_view_if_needed()
            page.wait_for_timeout(900)
        jlab.screenshot(page, f"nb06-16-phone-{name}", full_page=False)
    width = plot.locator(".main-svg").first.bounding_box()["width"]
    assert 250 <= width <= 390, width  # the learning gap fits a phone's width
    # § 1's list of who speaks reflows on a phone: nothing in it reaches past the right edge of its cell
    # (review 06, finding 12: the three-column table's last column was cut off without a scroll cue)
    people = jlab.cells(page).filter(has_text="Wie er in dit notebook aan het woord komen").locator(".jp-RenderedMarkdown")
    for _ in range(2):  # JupyterLab lays the cells out again after the first scroll on a narrow screen
        people.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
    jlab.screenshot(page, "nb06-16-phone-people", full_page=False)
    sticking_out = people.evaluate(
        "e => { const edge = e.getBoundingClientRect().right + 1;"
        " return [...e.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right > edge)"
        ".map(c => c.tagName + ': ' + c.textContent.trim().slice(0, 40)); }")
    assert not sticking_out, sticking_out
    # no button's label is cut off on a small phone (320 px; a teacher's review saw "Terug naar de
    # standaardaanna…" in a column this narrow): its words go onto a second line
    page.set_viewport_size({"width": 320, "height": 844})
    reset = gap.locator(".widget-button", has_text="Terug naar de standaardaannames")
    for _ in range(2):
        reset.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
    jlab.screenshot(page, "nb06-16-phone-320-reset", full_page=False)
    size = reset.evaluate("b => [b.scrollWidth, b.clientWidth, b.getBoundingClientRect().right]")
    assert size[1] > 0 and size[0] <= size[1] + 1 and size[2] <= 321, size
    page.set_viewport_size({"width": 390, "height": 844})
    closing = page.locator(".wakker-q-afsluiting-praktijk")
    closing.scroll_into_view_if_needed()
    expect(closing.locator("textarea")).to_have_value(CLOSING)
    expect(closing).to_contain_text("eerder antwoord")
    expect(page.locator(".wakker-associaties textarea")).to_have_value(WORDS)
    expect(page.locator(".wakker-q-geen-definitie-waarom input:checked")).to_have_count(1)
    case = page.locator(".wakker-casus-balkbrug")
    expect(case).to_contain_text("Jouw keuze: Een onafhankelijke bemiddelaar")
    expect(case).to_contain_text("Einde van de casus")
    expect(case).to_contain_text("eerdere pad")
    scan = page.locator(".wakker-zelfscan")
    expect(scan.locator(".wakker-scan-luisteren button.mod-active")).to_have_text("2")
    expect(scan).to_contain_text("Later (over een paar weken): 1 van de 6")
    _shot(page, case, "nb06-17-after-restart-case-phone")
    page.set_viewport_size(jlab.VIEWPORT)
    assert not jlab.console_errors(page)
