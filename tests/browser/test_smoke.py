"""Smoke test of the real-browser harness on tests/browser/fixtures/smoke.ipynb."""
from __future__ import annotations

import sys

import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "tests/browser/fixtures/smoke.ipynb"

pytestmark = pytest.mark.browser


def test_smoke_widgets_and_plotly(page, jupyter_server, journal_path):
    st = jlab.open_notebook(page, jupyter_server, NOTEBOOK)
    assert st["kernelName"] == "python3"
    jlab.screenshot(page, "smoke-01-opened")

    st = jlab.run_all(page)
    assert st["total"] == 3 and st["executed"] == 3  # the empty code cell is not counted
    jlab.wait_for_widgets(page)

    # The hidden-source cell ran in the venv's interpreter with the temp journal.
    cells = jlab.cells(page)
    env_out = cells.nth(1).locator(".jp-OutputArea-output").inner_text()
    assert f"prefix: {sys.prefix}" in env_out
    assert f"journal: {journal_path}" in env_out

    slider_cell = cells.nth(2)
    slider = slider_cell.locator(".widget-slider")
    label = slider_cell.locator("div.widget-label")
    plot = slider_cell.locator(".js-plotly-plot")
    assert slider.is_visible()
    assert plot.locator(".main-svg").first.is_visible()
    assert label.inner_text() == "Dubbel: 6"
    assert plot.locator(".gtitle").text_content() == "Waarde 3"  # SVG: no inner_text
    bar = plot.locator(".point path").nth(0)
    bar_before = bar.get_attribute("d")
    slider_cell.scroll_into_view_if_needed()
    jlab.screenshot(page, "smoke-02-ran")

    # Move the slider with the keyboard: one step right.
    handle = slider.locator(".noUi-handle")
    handle.focus()
    handle.press("ArrowRight")
    expect(label).to_have_text("Dubbel: 8", timeout=10_000)
    expect(plot.locator(".gtitle")).to_have_text("Waarde 4", timeout=10_000)
    assert slider.locator(".widget-readout").inner_text() == "4"
    assert bar.get_attribute("d") != bar_before
    jlab.screenshot(page, "smoke-03-slider-moved")

    # Typing into a Text widget (continuous_update=False: syncs on blur).
    text_cell = cells.nth(3)
    jlab.type_into(text_cell.locator(".widget-text"), "Sanne")
    # div.widget-label is a Label widget; label.widget-label is a widget's description.
    expect(text_cell.locator("div.widget-label")).to_have_text("Hallo, Sanne!", timeout=10_000)
    assert jlab.run_in_kernel(page, "print(slider.value, name.value)").strip() == "4 Sanne"
    text_cell.scroll_into_view_if_needed()
    jlab.screenshot(page, "smoke-04-typed")

    # Restart: the kernel state is gone; run again, then a page reload keeps the kernel.
    jlab.restart_kernel(page)
    assert jlab.run_in_kernel(page, "print('slider' in globals())").strip() == "False"
    jlab.run_all(page)
    jlab.wait_for_widgets(page)
    expect(label).to_have_text("Dubbel: 6")
    jlab.reload(page)
    assert jlab.run_in_kernel(page, "print(slider.value)").strip() == "3"
    jlab.screenshot(page, "smoke-05-reloaded")

    assert jlab.console_errors(page) == []


def test_run_all_reports_errors(page, jupyter_server, fresh_journal):
    """run_all must fail with the traceback text when a cell raises."""
    jlab.open_notebook(page, jupyter_server, NOTEBOOK)
    jlab.run_in_kernel(page, "x = 1")
    # Break the first code cell in the browser only (the file on disk is untouched).
    page.evaluate(
        "() => { const p = window.__wakker.panel();"
        " p.content.model.cells.get(1).sharedModel.setSource('1/0'); }")
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        jlab.run_all(page, timeout=60)
    assert not fresh_journal.exists()
