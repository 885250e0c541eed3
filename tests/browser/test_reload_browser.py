"""A student who reloads a lesson: the same kernel, a new page, Run All again (JupyterLab keeps the kernel when a
tab closes or reloads).

Measured before the fix (JupyterLab 4.6.6, ipywidgets 8.1.9): the third page's Run All stopped for good at the
sorting game of 04 (13 of 38 cells), with the kernel idle. The kit shared Layouts and Styles, the questions' and
the figures' code per *kernel*; a new page knows only the models the kernel opened while it was connected, so a
new widget pointed at a Layout from an earlier visit, and JupyterLab, which handles the kernel's messages one
after another, waited for it while the message that would bring it waited behind. Since then each page gets its
own (``wakker.ui.lean.page_session``)."""
from __future__ import annotations

import jlab

NOTEBOOK = "notebooks/04_boek_deel3_vierde_orde_leiders.ipynb"


def test_a_lesson_runs_completely_after_two_reloads_on_the_same_kernel(page, browser, jupyter_server, fresh_journal):
    kernels = set()
    for visit in range(3):
        context = browser.new_context(viewport=jlab.VIEWPORT)
        if jlab.DRAW_ALL:
            context.add_init_script("window.__wakkerDrawAll = true;")
        try:
            pg = context.new_page()
            pg.set_default_timeout(30_000)
            jlab.watch_console(pg)
            jlab.open_notebook(pg, jupyter_server, NOTEBOOK, timeout=180)
            kernels |= {s["kernel"]["id"] for s in jupyter_server.api("GET", "api/sessions")}
            jlab.run_all(pg, timeout=90)  # before the fix: a timeout on the third visit, kernel idle
            st = jlab.wait_for_widgets(pg, timeout=60)
            assert st["rendered"] == st["expected"] and not st["errors"], (visit, st)
            assert st["plotsDrawn"] >= 1, (visit, st)
            # no question or figure says it could not be shown (their code comes with the page's own hook)
            assert not pg.locator(".wakker-fout:visible").count(), (visit, pg.locator(".wakker-fout").all_inner_texts())
            if visit == 2:
                jlab.screenshot(pg, "herladen-derde-keer-04", full_page=False)
        finally:
            context.close()  # like closing the tab: the kernel stays
    assert len(kernels) == 1, kernels  # really the same kernel each time
