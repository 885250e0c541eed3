"""02_boek_deel1_de_vonk_in_jezelf in a real browser: run all, open the teacher's box, sort the
instruments into red, blue and green and check, fill in my own instruments and see a meeting point
flagged, answer the prediction, fill the value map of De Buurtvrouw, choose in Mijn vonk and see the
chart follow, label the dialogue of the drama triangle and see the switches drawn, write an
observation and open "Wat zagen wij?", rewrite a turn; every answer is in the journal. Screenshots
at 1400 and 390 px for a visual check (lesson guide U3)."""
from __future__ import annotations


import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "notebooks/02_boek_deel1_de_vonk_in_jezelf.ipynb"

pytestmark = pytest.mark.browser

_shot = jlab.screenshot_at


def test_nb02_every_exercise_played_and_saved(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)
    st = jlab.run_all(page, timeout=240)
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page, timeout=90)
    assert not jlab.console_errors(page)
    _shot(page, jlab.cells(page).first, "nb02-01-top")
    teacher = page.locator(".wakker-in-de-les")
    teacher.locator("summary").click()
    expect(teacher).to_contain_text("de vonk in jezelf")
    expect(teacher).to_contain_text("werkdruk-kritisch")
    _shot(page, teacher, "nb02-01b-in-de-les")

    # --- § 1 rood, blauw, groen: one right, one wrong, one doubt case, then Controleer
    spheres = page.locator(".wakker-sferen")
    expect(spheres.locator("[class*=wakker-sfeer-]")).to_have_count(12)
    page.locator(".wakker-sfeer-vergunning button", has_text="Rood").click()
    page.locator(".wakker-sfeer-subsidie button", has_text="Groen").click()
    page.locator(".wakker-sfeer-buurtbudget button", has_text="Blauw").click()
    spheres.locator("button", has_text="Controleer").click()
    expect(spheres).to_contain_text("2 van de 3 goed", timeout=10_000)
    expect(spheres).to_contain_text("wij delen dit, met de sferen van de auteurs, in bij Blauw")
    expect(spheres).to_contain_text("leefwereld: bewoners sturen zelf")  # the legend: no mouse needed
    _shot(page, page.locator(".wakker-sfeer-subsidie"), "nb02-02-spheres")
    _shot(page, spheres.locator(".wakker-sorteer-legenda"), "nb02-02a-spheres-legend")
    saved = jlab.saved_value(fresh_journal, "sfeer-sorteren")
    assert saved["score"] == 2 and saved["answers"]["buurtbudget"] == "blauw" and saved["checked"] is True
    # a change after Controleer is saved too (unchecked), and the score asks for a new check
    page.locator(".wakker-sfeer-koffie button", has_text="Groen").click()
    expect(spheres).to_contain_text("Druk opnieuw op Controleer", timeout=10_000)
    expect(spheres).to_contain_text("keuzes opgeslagen om", timeout=10_000)
    saved = jlab.saved_value(fresh_journal, "sfeer-sorteren")
    assert saved["answers"]["koffie"] == "groen" and saved["checked"] is False

    obs = page.locator(".wakker-q-sferen-gezien textarea")
    obs.fill("Het buurtbudget: het geld is blauw, maar wat bewoners ermee doen is groen.")
    reveal = page.locator(".wakker-reveal").first
    reveal.locator(".wakker-reveal-button").click()
    expect(reveal).to_contain_text("communicatieve zelfsturing", timeout=10_000)
    _shot(page, reveal, "nb02-03-reveal-spheres")

    # --- my own instruments: a blue one that touches the initiative is flagged
    mine = page.locator(".wakker-instrumenten")
    jlab.type_into(mine.locator("input[type=text]").first, "de buurtmoestuin")
    row = page.locator(".wakker-instrument-1")
    jlab.type_into(row.locator("input[type=text]"), "subsidieformulier")
    row.locator("button", has_text="Blauw").click()
    row.locator("input[type=checkbox]").check()
    expect(mine).to_contain_text("⚑", timeout=10_000)
    expect(mine).to_contain_text("subsidieformulier (Blauw) raakt de buurtmoestuin")
    expect(mine).to_contain_text("opgeslagen om", timeout=10_000)
    _shot(page, mine, "nb02-04-instruments")
    saved = jlab.saved_value(fresh_journal, "eigen-instrumenten")
    assert saved["initiatief"] == "de buurtmoestuin" and saved["instrumenten"][0]["raakt"] is True

    # --- § 2: the prediction
    page.locator(".wakker-q-misverstand-voorspelling label", has_text="Die verdwijnt").click()
    expect(page.locator(".wakker-q-misverstand-voorspelling")).to_contain_text("eerste misverstand")

    # --- § 3: the value map
    vm = page.locator(".wakker-waardenkaart")
    vm.locator(".wakker-partij-gemeente textarea").fill("ruimte, en niet meteen regels")
    jlab.type_into(vm.locator(".wakker-partij-ontbreekt input[type=text]"), "de woningcorporatie")
    expect(vm).to_contain_text("1 van de 5 partijen ingevuld", timeout=10_000)
    expect(vm).to_contain_text("de woningcorporatie *")
    expect(vm).to_contain_text("opgeslagen om", timeout=10_000)
    _shot(page, vm.locator(".wakker-kaart"), "nb02-05-value-map")
    assert jlab.saved_value(fresh_journal, "buurtvrouw-kaart")["geeft"]["gemeente"] == "ruimte, en niet meteen regels"
    page.locator(".wakker-q-buurtvrouw-claim label", has_text="Een ervaring of een hoop").click()

    # --- § 5: Mijn vonk
    page.locator(".wakker-q-vonk-04 label", has_text="Dit doe ik al").click()
    page.locator(".wakker-q-vonk-08 label", has_text="Dit wil ik proberen").click()
    chart = page.locator(".wakker-vonk-grafiek")
    expect(chart).to_contain_text("Dit wil ik proberen: 1", timeout=10_000)
    expect(chart).to_contain_text("4. Je verlangen volgen")
    _shot(page, chart, "nb02-06-spark")
    assert jlab.saved_value(fresh_journal, "vonk-08")["selected"] == ["proberen"]

    # --- § 6: the drama triangle
    drama = page.locator(".wakker-drama")
    page.locator(".wakker-beurt-beurt-3 button", has_text="Aanklager").click()
    page.locator(".wakker-beurt-beurt-6 button", has_text="Slachtoffer").click()
    switches = page.locator(".wakker-wissels")
    expect(switches).to_contain_text("3→6", timeout=10_000)
    expect(switches.locator("svg line")).to_have_count(1)
    drama.locator("button", has_text="Controleer").click()
    expect(drama).to_contain_text("2 van de 2 goed", timeout=10_000)
    _shot(page, switches, "nb02-07-switches")
    assert jlab.saved_value(fresh_journal, "drama-rollen")["answers"] == {"beurt-3": "aanklager", "beurt-6": "slachtoffer"}
    # "Begin opnieuw" says what happens to the saved labels
    drama.locator("button", has_text="Begin opnieuw").click()
    expect(drama).to_contain_text("Leeg gemaakt", timeout=10_000)
    page.locator(".wakker-beurt-beurt-3 button", has_text="Aanklager").click()
    page.locator(".wakker-beurt-beurt-6 button", has_text="Slachtoffer").click()
    expect(drama).to_contain_text("keuzes opgeslagen om", timeout=10_000)
    page.locator(".wakker-q-drama-gezien textarea").fill("Karim viel eerst aan en voelde zich daarna aangevallen.")
    drama_reveal = page.locator(".wakker-reveal").nth(1)
    drama_reveal.locator(".wakker-reveal-button").click()
    expect(drama_reveal).to_contain_text("Emerald", timeout=10_000)
    page.locator(".wakker-q-drama-herschreven textarea").fill("Beurt 2: 'Wat zou jij willen, Ria?'")
    expect(page.locator(".wakker-q-drama-herschreven")).to_contain_text("opgeslagen om", timeout=10_000)
    # L3: the term 'dramadriehoek' (the drama is in the switches) comes after § 6, in the closing
    term = page.locator("#begrip-dramadriehoek")
    term.scroll_into_view_if_needed()
    rewrite = page.locator(".wakker-q-drama-herschreven")
    assert term.bounding_box()["y"] > rewrite.bounding_box()["y"] + rewrite.bounding_box()["height"]
    _shot(page, term, "nb02-07b-closing-term")

    # --- U3: a phone-wide screen (390 px)
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")  # the file browser shut
    page.wait_for_timeout(800)
    for locator, name in ((page.locator(".wakker-sfeer-subsidie"), "nb02-08-phone-spheres"),
                          (row, "nb02-09-phone-instrument"),
                          (vm.locator(".wakker-kaart"), "nb02-10-phone-value-map"),
                          (vm.locator(".wakker-partij-ontbreekt"), "nb02-10b-phone-extra-party"),
                          (page.locator(".wakker-q-vonk-05"), "nb02-10c-phone-spark"),
                          (drama.locator(".wakker-sorteer-legenda"), "nb02-10d-phone-roles-legend"),
                          (page.locator(".wakker-beurt-beurt-5"), "nb02-11-phone-turn"),
                          (switches, "nb02-12-phone-switches")):
        _shot(page, locator, name)
    width = switches.locator("svg").bounding_box()["width"]
    assert 200 <= width <= 390, width  # the triangle fits a phone
    page.set_viewport_size(jlab.VIEWPORT)
    assert not jlab.console_errors(page)
