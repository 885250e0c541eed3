"""JupyterLab shows its own texts and hides the student mode's, in every ready notebook.

The texts that differ between JupyterLab and the student mode are in the Markdown twice
(``wakker.core.mode``): ``<span class="wakker-lab">…</span><span class="wakker-student" hidden="hidden">…</span>``.
JupyterLab's sanitizer drops a *bare* ``hidden`` attribute, and then Lab showed both versions side
by side. Here, in a real JupyterLab (the session's server of conftest.py), for every notebook with
status ``klaar``: as soon as it is opened (Markdown renders without the kernel) every
``.wakker-student`` element keeps its ``hidden`` attribute and is not displayed, and every
``.wakker-lab`` element is; in 00 the same after Run All (the notebook's header must not swap them
in JupyterLab). The student mode itself is tested in test_student_mode_browser.py.
"""
from __future__ import annotations

import time

import nbformat
import pytest
import yaml

import jlab

pytestmark = pytest.mark.browser

REPO = jlab.REPO_ROOT
READY = [e["id"] for e in yaml.safe_load((REPO / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
         if e.get("status") == "klaar"]
RUN_ALL = "00_start"  # the notebook also checked after Run All


def texts_in(notebook: str) -> dict[str, int]:
    """How many lab and student texts the notebook's Markdown holds."""
    nb = nbformat.read(REPO / "notebooks" / f"{notebook}.ipynb", as_version=4)
    md = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return {"lab": md.count('class="wakker-lab"'), "student": md.count('class="wakker-student"')}


def mode_texts(page) -> dict:
    """Every lab and student text in the open notebook's rendered Markdown, and which are displayed."""
    return page.evaluate(
        "() => { const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');"
        "  const shown = e => getComputedStyle(e).display !== 'none';"
        "  const t = e => e.textContent.trim().slice(0, 70);"
        "  const s = Array.from(nb.querySelectorAll('.jp-RenderedMarkdown .wakker-student'));"
        "  const l = Array.from(nb.querySelectorAll('.jp-RenderedMarkdown .wakker-lab'));"
        "  return {student: s.length, lab: l.length,"
        "          studentShown: s.filter(shown).map(t), studentWithoutHidden: s.filter(e => !e.hasAttribute('hidden')).map(t),"
        "          labHidden: l.filter(e => !shown(e)).map(t)}; }")


def wait_for_markdown(page, expected: dict[str, int], timeout: float = 30) -> dict:
    """Wait until every lab and student text of the notebook is rendered, then return :func:`mode_texts`."""
    deadline = time.monotonic() + timeout
    seen = mode_texts(page)
    while (seen["student"] < expected["student"] or seen["lab"] < expected["lab"]) and time.monotonic() < deadline:
        page.wait_for_timeout(250)
        seen = mode_texts(page)
    assert seen["student"] >= expected["student"] >= 1 and seen["lab"] >= expected["lab"] >= 1, (expected, seen)
    return seen


def assert_lab_texts(notebook: str, seen: dict, when: str) -> None:
    assert seen["studentWithoutHidden"] == [], \
        f"{notebook} {when}: student texts lost their 'hidden' (sanitizer?): {seen['studentWithoutHidden']}"
    assert seen["studentShown"] == [], f"{notebook} {when}: JupyterLab shows student-mode texts: {seen['studentShown']}"
    assert seen["labHidden"] == [], f"{notebook} {when}: JupyterLab hides its own texts: {seen['labHidden']}"


@pytest.mark.parametrize("notebook", READY, ids=[nb[:2] for nb in READY])
def test_lab_shows_its_texts_and_hides_the_student_ones(page, jupyter_server, notebook):
    jlab.open_notebook(page, jupyter_server, f"notebooks/{notebook}.ipynb", timeout=90)
    expected = texts_in(notebook)
    assert_lab_texts(notebook, wait_for_markdown(page, expected), "after opening")
    if notebook == RUN_ALL:
        jlab.run_all(page, timeout=180)
        assert_lab_texts(notebook, wait_for_markdown(page, expected), "after Run All")
        jlab.screenshot(page, "lab-mode-texts-00-after-run-all", full_page=False)
    assert not jlab.console_errors(page), jlab.console_errors(page)
