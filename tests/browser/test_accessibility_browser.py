"""Accessibility of the workbook's own output in a real browser, checked with axe-core.

axe-core (``vendor/axe.min.js``, MPL-2.0) is injected into JupyterLab after Run All and run on the
notebook's output areas only (JupyterLab's own chrome is not ours to fix). No serious or critical
violation may be left. Besides axe, Playwright's accessibility queries check that a slider and an
answer box are found by their question (lesson guide U2), that the save status is a live region,
that a hidden cell shows its Dutch comment (U1), and that plots follow the dark theme.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import jlab

pytestmark = pytest.mark.browser

NOTEBOOKS = {
    "00": "notebooks/00_start.ipynb",
    "04": "notebooks/04_boek_deel3_vierde_orde_leiders.ipynb",
    "07": "notebooks/07_blog_vertrouwen_prisoners_dilemma.ipynb",
}
BLOCKING = ("serious", "critical")


@pytest.mark.parametrize("nr", sorted(NOTEBOOKS))
def test_no_serious_axe_violations_after_run_all(page, jupyter_server, fresh_journal, nr):
    jlab.open_notebook(page, jupyter_server, NOTEBOOKS[nr])
    jlab.run_all(page, timeout=240)
    jlab.wait_for_widgets(page, timeout=90)
    violations = jlab.run_axe(page)
    report = jlab.axe_report(violations)
    print(f"\naxe nb{nr}: {jlab.axe_counts(violations)}\n{report}")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"nb{nr}: serious/critical axe violations in the output areas:\n{report}"
    # no tooltip that says "null" (ipywidgets writes it on a widget without one; a reviewer hovered it in 07)
    nulls = page.evaluate("() => Array.from(document.querySelectorAll('.jp-OutputArea [title=\"null\"]'))"
                          ".map((e) => e.className)")
    assert not nulls, nulls


def _code_cells(page):
    return jlab.cells(page).and_(page.locator(".jp-CodeCell"))


def test_nb00_names_live_status_and_hidden_cells(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOKS["00"])

    # U1: a hidden code cell shows one line, a short Dutch comment, and three dots.
    hidden = page.locator(".jp-NotebookPanel:visible .jp-CodeCell .jp-InputPlaceholder")
    assert hidden.count() >= 5  # (cells far below may not be drawn yet)
    first = hidden.first
    text = first.text_content().strip()
    assert text.startswith("# "), f"a hidden cell shows {text!r}, not a Dutch comment"
    jlab.screenshot(page, "a11y-nb00-hidden-cell", locator=jlab.cells(page).nth(1))
    for i in range(hidden.count()):
        assert hidden.nth(i).text_content().strip().startswith("# "), hidden.nth(i).text_content()

    jlab.run_all(page)
    jlab.wait_for_widgets(page)

    # U2: the slider and every answer control carry their label or question as accessible name.
    expect(page.get_by_role("slider", name="Vertrouwen (%):")).to_have_count(1)
    prompt = ("Denk aan iemand met wie je samenwerkt en die je vertrouwt. "
              "Waaraan merk je dat je die persoon vertrouwt?")
    box = page.get_by_role("textbox", name=prompt)
    expect(box).to_have_count(1)
    expect(page.get_by_role("group", name="Hoeveel vertrouwen krijg jij van je eigen organisatie",
                            exact=False)).to_have_count(1)
    expect(page.get_by_role("radiogroup", name="Je beantwoordt een vraag, sluit je laptop",
                            exact=False)).to_have_count(1)
    unnamed = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.jp-OutputArea [role=slider], .jp-OutputArea textarea, .jp-OutputArea input[type=text]'))
        .filter(e => !(e.getAttribute('aria-label') || Array.from(e.labels || []).map(l => l.textContent).join('')).trim())
        .map(e => e.outerHTML.slice(0, 120))""")
    assert not unnamed, unnamed

    # The save status is a polite live region: a screen reader hears "opgeslagen om ...".
    question = page.locator(".wakker-q-demo-vertrouwen")
    box.fill("Ze doen wat ze zeggen.")
    status = question.get_by_role("status")
    expect(status).to_have_count(1)
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("opgeslagen om", timeout=10_000)
    jlab.screenshot_at(page, question, "a11y-nb00-question")


def test_nb04_plots_follow_the_dark_theme(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOKS["04"])
    jlab.run_all(page, timeout=180)
    jlab.wait_for_widgets(page, timeout=90)
    expect(page.get_by_role("slider", name="Zo ziet mijn week er nu uit:", exact=False)).to_have_count(4)

    def plot_colours():
        return page.evaluate("""() => Array.from(document.querySelectorAll('.wakker-figure .js-plotly-plot'))
          .map(p => ({bg: p.querySelector('.main-svg').style.background,
                      text: getComputedStyle(p.querySelector('.xtick text')).fill}))""")

    white = ("white", "rgb(255, 255, 255)")
    light = plot_colours()
    assert light and all(c["bg"] in white for c in light), light
    plot = page.locator(".wakker-figure .js-plotly-plot").first
    plot.scroll_into_view_if_needed()
    jlab.screenshot(page, "a11y-nb04-plot-light", locator=plot)

    jlab.set_theme(page, "JupyterLab Dark")
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.wakker-figure .js-plotly-plot .main-svg'))
        .every(s => !['white', 'rgb(255, 255, 255)'].includes(s.style.background))""", timeout=20_000)
    dark = plot_colours()
    # plotly_dark on a transparent background: JupyterLab's dark page shows through, text is light.
    assert all(c["bg"] == "rgba(0, 0, 0, 0)" and c["text"] == "rgb(242, 245, 250)" for c in dark), dark
    jlab.wait_for_widgets(page)
    plot = page.locator(".wakker-figure .js-plotly-plot").first
    plot.scroll_into_view_if_needed()
    jlab.screenshot(page, "a11y-nb04-plot-dark", locator=plot)
    jlab.screenshot_at(page, page.locator(".wakker-mijn-week"), "a11y-nb04-my-week-dark")
    violations = jlab.run_axe(page)
    print(f"\naxe nb04 dark: {jlab.axe_counts(violations)}\n{jlab.axe_report(violations)}")
    assert not [v for v in violations if v["impact"] in BLOCKING], jlab.axe_report(violations)
    jlab.set_theme(page, "JupyterLab Light")
