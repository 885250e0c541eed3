"""09_docent in a real browser: run all, upload the exports of a class of 30 (made with the workbook's own
export code; odd names, one damaged, one name from a second workbook, one from a future schema) through the
upload widget, paste a class list, check the overview's numbers against a direct count of the files, switch
anonymous on and check that no name is left on the page or in a CSV download, play the class tournament,
open a lesson plan with its rubric, make links; screenshots at 1400 and 390 px (lesson guide U3)."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "notebooks/09_docent.ipynb"
NB04 = "04_boek_deel3_vierde_orde_leiders"
ODD = ["Zoë d'Hondt-Ãlvarez", "Jan <b>Vet</b>", "Ōmura Kenji", "Émile \"de\" Baas", "Ann-Sophie van 't Hof"]
#: A very long name: at 390 px it pushed the ranking's 'strategie' column off the screen (an independent review).
LONG = "Alexandra Wilhelmina van den Hoogenband-Vermeulen"

pytestmark = pytest.mark.browser

#: For each element: its text, the tops of its lines of text (px) and its font size, to check that
#: wrapped text has a line height of about 1.35, not the HTML widget's row of 28 px.
LINE_TOPS = """ds => ds.map(d => { const r = document.createRange();
  r.selectNodeContents(d);
  const tops = [...new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)))].sort((a, b) => a - b);
  return {text: d.textContent, tops, size: parseFloat(getComputedStyle(d).fontSize)}; })"""


def _shot(page, locator, name):
    """What the teacher sees of the element: its top at the top of the notebook's panel, the window as a screenshot,
    after drawing settled. (A screenshot of the element itself, taller than the window, came out mostly grey: only
    the part inside the panel is drawn.)"""
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(600)
    return jlab.screenshot(page, name)


def _scrolls(tournament) -> dict:
    """Whether the class tournament's ranking box and heat map box scroll sideways."""
    return tournament.evaluate("""t => {
      const wide = e => e.scrollWidth > e.clientWidth + 1;
      return {ranking: wide(t.querySelector('table.wakker-klassentoernooi').closest('.widget-hbox')),
              heatmap: wide(t.querySelector('.wakker-klassentoernooi-uitslag .wakker-figure'))}; }""")


def _heatmap_on_screen(tournament) -> dict:
    """The heat map's plot against its box and the cell: widths, and the numbers or names on its axes."""
    return tournament.evaluate("""t => {
      const f = t.querySelector('.wakker-klassentoernooi-uitslag .wakker-figure');
      const svg = f.querySelector('.main-svg'), cell = t.closest('.jp-Cell').getBoundingClientRect();
      const ticks = a => Array.from(f.querySelectorAll(`.${a}tick text`)).map(x => x.textContent);
      return {svg: svg.getBoundingClientRect().right, box: f.getBoundingClientRect().right, cell: cell.right,
              x: ticks('x'), y: ticks('y'), scale: f.querySelectorAll('.colorbar').length}; }""")


@pytest.fixture(scope="module")
def klas(tmp_path_factory):
    from wakker.lessons.teacher.example import make_class

    folder = tmp_path_factory.mktemp("klas09")
    names = ODD + [LONG] + [f"Leerling{i:02d} Familie{i:02d}" for i in range(24)]
    files = make_class(folder, n=30, seed=7, names=names)
    (folder / "zz-kapot.json").write_text(files[1].read_text(encoding="utf-8")[:400], encoding="utf-8")
    twin = make_class(folder / "tweede", n=1, seed=98, names=["Leerling03 Familie03"])[0]
    shutil.move(str(twin), folder / "zz-tweeling.json")
    shutil.rmtree(folder / "tweede")
    doc = json.loads(files[2].read_text(encoding="utf-8"))
    (folder / "zz-toekomst.json").write_text(json.dumps({**doc, "schema_version": 99}), encoding="utf-8")
    return folder, files + [folder / "zz-tweeling.json"], names


def _direct_answered(files, notebook: str) -> Counter:
    """How many of these exports have a current answer to each question of ``notebook``."""
    count = Counter()
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        count.update({e["question"] for e in doc["entries"] if e["notebook"] == notebook and e["kind"] != "volgorde"})
    return count


def test_nb09_upload_overview_anonymous_tournament_plans_links(page, jupyter_server, klas):
    folder, good, names = klas
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)
    st = jlab.run_all(page, timeout=240)
    assert st["executed"] == st["total"]
    jlab.wait_for_widgets(page, timeout=90)
    page.set_viewport_size({"width": 1400, "height": 900})
    _shot(page, jlab.cells(page).first, "nb09-1400-01-top")

    # --- collect: a class list, then every file at once through the upload widget
    desk = page.locator(".wakker-docent-inleveren")
    area = desk.locator("textarea")
    area.fill("\n".join(names + ["Wubbo Ockelstra"]))  # pasted, as a teacher does
    area.blur()
    # ipywidgets keeps the FileUpload's <input type=file> out of the page (it clicks it from the button), so
    # the input is reached through the file chooser it opens: set_files is set_input_files on that input
    # in two batches, as late work comes in: the second choice adds to the first (review 09, finding 1)
    chosen = sorted(str(p) for p in folder.glob("*.json"))
    report = desk.locator(".wakker-docent-verslag")
    for batch, expected in ((chosen[:10], "10 bestanden gekozen"), (chosen[10:], f"{len(chosen)} bestanden gekozen")):
        with page.expect_file_chooser() as chooser:
            desk.locator(".wakker-docent-upload").click()
        assert chooser.value.is_multiple()
        chooser.value.set_files(batch)
        expect(report).to_contain_text(expected, timeout=60_000)
    expect(desk.locator(".wakker-docent-wissen")).to_contain_text("Begin opnieuw")
    expect(report).to_contain_text("31 in het overzicht", timeout=60_000)
    expect(report).to_contain_text("2 overgeslagen")
    expect(report.locator(".wakker-docent-overgeslagen")).to_contain_text("geen geldig JSON-bestand")
    expect(report.locator(".wakker-docent-overgeslagen")).to_contain_text("nieuwere versie van het werkboek")
    expect(report.locator(".wakker-docent-conflicten")).to_contain_text("Leerling03 Familie03")
    expect(report.locator(".wakker-docent-ontbreekt")).to_have_text("Wubbo Ockelstra")
    assert "Jan <b>Vet</b>" in report.text_content()  # shown as typed, never as markup (in the closed list)
    _shot(page, report, "nb09-1400-02-inleveren")

    # --- the overview of 04: answered per question against a direct count of the files
    overview = page.locator(".wakker-docent-klas")
    overview.locator("select").first.select_option(label="04 · Deel 3: Vierde-orde-leiders en de planningsmachine")
    answered = overview.locator(".wakker-docent-tabel.beantwoord")
    expect(answered).to_contain_text("sorteerspel", timeout=30_000)
    direct = _direct_answered(good, NB04)
    rows = answered.locator("tbody tr")
    assert rows.count() == len(direct)
    for i in range(rows.count()):
        cells = [c.strip() for c in rows.nth(i).locator("td").all_text_contents()]
        assert int(cells[3]) == direct[cells[1]] and cells[4] == "31", cells
    expect(overview.locator(".wakker-docent-tabel.sorteerspel")).to_contain_text("oneens")
    expect(overview.locator(".wakker-figure .main-svg").first).to_be_visible(timeout=30_000)
    _shot(page, overview, "nb09-1400-03-overzicht")
    _shot(page, overview.locator(".wakker-figure").first, "nb09-1400-04-grafiek")

    # --- anonymous: no name on the page, nor in a download
    desk.locator(".wakker-docent-anoniem input").check()
    expect(report).to_contain_text("namen verborgen", timeout=30_000)
    tournament = page.locator(".wakker-docent-toernooi")
    tournament.locator("button", has_text="Speel het klassentoernooi").click()
    expect(tournament).to_contain_text("wint", timeout=60_000)
    expect(tournament).to_contain_text("student 1")
    expect(tournament).to_contain_text("2 bestanden zijn overgeslagen (zie het verslag bij stap 1)")
    opens = page.locator(".wakker-docent-open-antwoorden")
    expect(opens.locator(".wakker-docent-open")).to_contain_text("student", timeout=30_000)
    text = page.locator(".jp-Notebook").inner_text()
    with page.expect_download() as info:
        overview.locator("a.wakker-download-csv").first.click()
    csv = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert ";" in csv and "student" in csv or "vraag" in csv
    with page.expect_download() as info:
        tournament.locator("a.wakker-download-csv").first.click()
    csv += Path(info.value.path()).read_text(encoding="utf-8-sig")
    for name in names + ["Wubbo Ockelstra"]:
        for part in [name] + [w for w in name.replace('"', " ").split() if len(w) >= 4]:
            assert part.lower() not in text.lower(), part
            assert part.lower() not in csv.lower(), part
    _shot(page, tournament, "nb09-1400-05-toernooi")
    _shot(page, opens, "nb09-1400-06-open")

    # --- a lesson plan with its rubric; links for a hub
    plans = page.locator(".wakker-docent-lesplan")
    plans.locator("summary").click()
    expect(plans.locator(".wakker-rubric")).to_be_visible()
    _shot(page, plans, "nb09-1400-07-lesplan")
    links = page.locator(".wakker-docent-links").locator("xpath=..")
    jlab.type_into(links.locator("input[type=text]").first, "jupyter")
    links.locator("button", has_text="Maak de links").click()
    expect(links).to_contain_text("is geen webadres", timeout=20_000)
    jlab.type_into(links.locator("input[type=text]").first, "hub.hogeschool.nl/hub/login")
    links.locator("button", has_text="Maak de links").click()
    expect(links).to_contain_text("Links gemaakt voor https://hub.hogeschool.nl", timeout=20_000)
    first = links.locator(".wakker-docent-links input[readonly]").first.input_value()
    assert first.startswith("https://hub.hogeschool.nl/hub/user-redirect/git-pull?repo=")
    _shot(page, links, "nb09-1400-08-links")
    # who did what: each notebook's column says out of how many questions it asks
    progress = page.locator(".wakker-docent-voortgang")
    expect(progress.locator("th", has_text="(van ")).not_to_have_count(0)
    expect(progress.locator("th", has_text="totaal (van ")).to_have_count(1)
    _shot(page, progress, "nb09-1400-09-voortgang")

    # --- a phone: the same parts at 390 px
    page.set_viewport_size({"width": 390, "height": 844})
    page.keyboard.press("ControlOrMeta+b")  # the file browser closed, as on a phone
    page.wait_for_timeout(800)
    for locator, name in ((report, "02-inleveren"), (overview, "03-overzicht"), (tournament, "05-toernooi"),
                          (plans, "07-lesplan"), (links, "08-links"), (progress, "09-voortgang"),
                          (overview.locator(".wakker-docent-tabel.beantwoord"), "03b-tabel"),
                          (tournament.locator(".wakker-figure").first, "05b-kaart")):
        _shot(page, locator, f"nb09-390-{name}")
    # the overview's headings (and the lesson plan's): one that wraps at 390 px has the line height of a heading, not
    # the HTML widget's row of 28 px (an independent review: large gaps between its lines, as if it were two headings)
    heads = page.locator(".wakker-docent-klas h4, .wakker-docent-lesplan h3, .wakker-docent-lesplan h4") \
        .evaluate_all(LINE_TOPS)
    wrapped = [h for h in heads if len(h["tops"]) > 1]
    assert any(h["text"] == "Hoeveel studenten antwoordden per vraag" for h in wrapped), heads
    head = overview.locator("h4", has_text=wrapped[0]["text"]).first
    head.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = head.bounding_box()
    page.screenshot(path=str(jlab.SCREENSHOT_DIR / "nb09-390-03c-kop.png"),
                    clip={"x": 0, "y": max(0, box["y"] - 60), "width": 390, "height": box["height"] + 200})
    assert all((h["tops"][1] - h["tops"][0]) / h["size"] <= 1.4 for h in wrapped), wrapped
    # the same for text that wraps in an overview table's cell (a question: 'Kies een / verandering uit je' had 28 px
    # between its lines; the tables now have the kit's table style)
    cells = overview.locator(".wakker-docent-tabel td").evaluate_all(LINE_TOPS)
    wrapped_cells = [c for c in cells if len(c["tops"]) > 1]
    assert wrapped_cells, cells[:5]
    assert all((c["tops"][1] - c["tops"][0]) / c["size"] <= 1.5 for c in wrapped_cells), wrapped_cells[:5]
    # ... and in the links table: a notebook's title wraps in its cell with the kit's table line height (a teacher's
    # reading: '00 · Start: zo / werkt dit / werkboek' had 28 px between its lines)
    titles = page.locator(".wakker-docent-links td:first-child").evaluate_all(LINE_TOPS)
    # ... and in the lesson plan: its table, lists and rubric (a step of the plan had 28 px between its lines)
    titles += plans.locator("td, li, summary").evaluate_all(LINE_TOPS)
    wrapped_titles = [c for c in titles if len(c["tops"]) > 1]
    assert wrapped_titles, titles[:5]
    assert all((c["tops"][1] - c["tops"][0]) / c["size"] <= 1.5 for c in wrapped_titles), wrapped_titles[:5]
    # a teacher's review at 390 px: a table scrolls in its own box, so no widget of the overview is wider than its
    # column (the heading above a table and the notes under it ran past the screen's edge); the Anoniem label wraps
    # instead of ending in '…'; the lesson plan menu's label is whole ('Lesplan v…' before)
    wide = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.wakker-docent-overzicht, .wakker-docent-voortgang, .wakker-docent-links, .wakker-docent-lesplan'))
      .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className)""")
    assert not wide, wide
    # the overview's tables scroll too: a line right above the first says so (an independent review at 390 px saw
    # only 'vraag' and 'id', and nothing said that the numbers were to the right)
    answered = overview.locator(".wakker-docent-tabel.beantwoord")
    table_hint = overview.locator(".wakker-schuif-hint").first
    expect(table_hint).to_be_visible()
    expect(table_hint).to_have_text("↔ Schuif de tabel opzij: rechts staan de aantallen.")
    assert table_hint.bounding_box()["y"] < answered.bounding_box()["y"]
    label = desk.locator(".wakker-docent-anoniem .widget-label-basic span")
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), label.inner_text()
    plan_label = page.locator(".widget-dropdown", has_text="Lesplan voor:").locator("label")
    assert plan_label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    # the ranking scrolls sideways here (as in 07): a line right above it says so, for the teacher
    hint = tournament.locator(".wakker-schuif-hint")
    expect(hint).to_be_visible()
    expect(hint).to_have_text("↔ Schuif de ranglijst opzij om alle kolommen te zien. Bespreek je de uitslag met de "
                              "klas, laat hem dan zien op een breder scherm (laptop of beamer): daar past hij in de "
                              "breedte en staan de namen in de kleurentabel.")
    ranking = tournament.locator("table.wakker-klassentoernooi")
    assert hint.bounding_box()["y"] < ranking.bounding_box()["y"]
    assert _scrolls(tournament) == {"ranking": True, "heatmap": False}, _scrolls(tournament)
    # the heat map fits (a teacher's review: it scrolled sideways, its names took most of the width): numbered as the
    # ranking's rows, every fifth number for 39 strategies, the colour bar under it
    on_phone = _heatmap_on_screen(tournament)
    assert on_phone["svg"] <= on_phone["box"] + 1 and on_phone["box"] <= on_phone["cell"] + 1, on_phone
    from wakker.lessons.class_tournament.widgets import phone_ticks

    strategies = ranking.locator("tr").count() - 1
    assert strategies > 30 and on_phone["x"] == on_phone["y"] == phone_ticks(strategies), (strategies, on_phone)
    assert on_phone["x"][:3] == ["1", "5", "10"], on_phone
    assert on_phone["scale"] == 1, on_phone
    # a tap on a cell names who played whom: with equal places in the ranking a row's number is printed nowhere, so
    # "rij 2 tegen rij 4" could not be found (a reviewer's finding)
    drag = tournament.locator(".wakker-klassentoernooi-uitslag .wakker-figure .nsewdrag").first
    drag.scroll_into_view_if_needed()
    box = drag.bounding_box()
    for step in (0.1, 0.15):  # plotly shows a hover label on a mouse move over a cell (not the diagonal: no match)
        page.mouse.move(box["x"] + box["width"] * 0.04, box["y"] + box["height"] * step, steps=3)
    tip = tournament.locator(".wakker-klassentoernooi-uitslag .hoverlayer .hovertext")
    expect(tip).to_have_count(1, timeout=5_000)
    said = tip.text_content()
    top_row = ranking.locator("tr").nth(1).locator("td").nth(1).inner_text().strip()  # 'van' of the top row
    assert "tegen" in said and "punten per ronde" in said and "rij" not in said and re.search(r"\d,\d\d", said), said
    assert re.search(r"[A-Za-zë]{3}.*tegen.*[A-Za-zë]{3}", said), said  # names on both sides, not numbers
    print("tap on the phone heat map:", said, "| top row of the ranking:", top_row)
    _shot(page, hint.locator("xpath=ancestor::div[contains(@class, 'widget-html')][1]"), "nb09-390-05c-schuif-hint")
    _shot(page, ranking.locator("xpath=ancestor::div[contains(@class, 'widget-hbox')][1]"), "nb09-390-05d-ranglijst")
    # a student's name once per row, in 'van' (a teacher's review: "Naam (Chloë Hendriks)" next to "Chloë Hendriks"
    # made the rows two lines high on a phone); the heat map keeps the whole label
    # 'van' comes before 'strategie' (a teacher's review: at 390 px 'van' was past the right edge, the table scrolled):
    # every name is whole on the screen without scrolling
    rows = ranking.evaluate("""t => { const box = t.closest('.widget-hbox').getBoundingClientRect();
      const head = Array.from(t.querySelectorAll('th')).map(h => h.textContent.trim());
      const w = head.indexOf('van'), s = head.indexOf('strategie');
      return Array.from(t.querySelectorAll('tr')).slice(1).map(r => {
        const d = Array.from(r.querySelectorAll('td')), c = d.map(x => x.textContent.trim());
        return {whose: c[w], strategy: c[s], height: r.getBoundingClientRect().height,
                whose_right: d[w].getBoundingClientRect().right, box_right: box.right}; }); }""")
    students = [r for r in rows if r["whose"] != "personage"]
    assert students and all(r["whose"] not in r["strategy"] for r in students), students
    assert all(r["whose_right"] <= r["box_right"] + 1 for r in rows), [r for r in rows if r["whose_right"] > r["box_right"] + 1]
    one_line = min(r["height"] for r in rows)
    assert max(r["height"] for r in students) < 1.5 * one_line, rows
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_timeout(800)
    expect(hint).to_be_hidden()  # nothing scrolls at 1280 px: the whole result fits in the width, as the hint says
    assert _scrolls(tournament) == {"ranking": False, "heatmap": False}, _scrolls(tournament)
    wide = _heatmap_on_screen(tournament)  # the names again on a wide screen
    assert "Spiegel" in wide["y"] and len(wide["x"]) == len(wide["y"]) > 30, wide

    # --- names shown again, at 390 px: a very long name wraps in its cell, so 'plaats', 'van' and 'strategie' stay
    # on the screen (an independent review: it pushed 'strategie' off the screen); short names stay on one line
    page.set_viewport_size({"width": 390, "height": 844})
    if not page.evaluate("window.jupyterapp.shell.leftCollapsed"):
        page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")
    desk.locator(".wakker-docent-anoniem input").uncheck()
    expect(report).not_to_contain_text("namen verborgen", timeout=30_000)
    tournament.locator("button", has_text="Speel het klassentoernooi").click()
    ranking = tournament.locator("table.wakker-klassentoernooi")
    expect(ranking).to_contain_text(LONG, timeout=60_000)
    jlab.screenshot_at(page, ranking.locator("tr", has_text=LONG), "nb09-390-05e-lange-naam", settle_ms=800)
    rows = ranking.evaluate("""t => { const box = t.closest('.widget-hbox').getBoundingClientRect();
      return Array.from(t.querySelectorAll('tr')).slice(1).map(r => {
        const d = Array.from(r.querySelectorAll('td'));
        return {whose: d[1].textContent.trim(), height: r.getBoundingClientRect().height, box_right: box.right,
                rights: d.slice(0, 2).map(x => x.getBoundingClientRect().right),
                strategy_left: d[2].getBoundingClientRect().left}; }); }""")
    assert rows[0]["box_right"] <= 391, rows[0]
    # 'plaats' and 'van' whole on the screen, 'strategie' begins well inside it (a strategy name may end past the
    # edge: the table scrolls sideways, as the line above it says; a narrower 'van' would wrap ordinary names)
    off = [r for r in rows if max(r["rights"]) > r["box_right"] + 1 or r["strategy_left"] > r["box_right"] - 60]
    assert not off, off
    long_rows = [r for r in rows if r["whose"] == LONG]
    assert len(long_rows) == 1, [r["whose"] for r in rows]
    one_line = min(r["height"] for r in rows)
    assert long_rows[0]["height"] > 1.5 * one_line, long_rows  # it wraps, whole
    short = [r for r in rows if len(r["whose"]) <= 22]
    assert short and max(r["height"] for r in short) < 1.5 * one_line, short
    page.set_viewport_size({"width": 1400, "height": 900})
    assert not jlab.console_errors(page), jlab.console_errors(page)
