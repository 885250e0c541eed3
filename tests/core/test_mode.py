"""The student mode (Voilà) and JupyterLab: which one a kernel serves, and the texts that follow it."""
from __future__ import annotations

import pytest

from wakker.core import mode as M

VOILA_KERNEL = {"SERVER_SOFTWARE": "voila/0.5.13", "VOILA_PREHEAT": "False", "SCRIPT_NAME": "/voila/render/x.ipynb"}


@pytest.fixture
def lab(monkeypatch):
    for var in ("WAKKER_MODE", "SERVER_SOFTWARE", "VOILA_PREHEAT"):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


@pytest.fixture
def student(lab):
    for var, value in VOILA_KERNEL.items():
        lab.setenv(var, value)
    return lab


@pytest.mark.parametrize("env, expected", [
    ({}, "lab"),
    (VOILA_KERNEL, "student"),  # what Voilà's render handler gives every kernel it starts
    ({"VOILA_PREHEAT": "True"}, "student"),  # a preheated kernel, before its request arrives
    ({"SERVER_SOFTWARE": "Apache/2.4"}, "lab"),  # some other server that sets the CGI variable
    ({"WAKKER_MODE": "student"}, "student"),
    ({**VOILA_KERNEL, "WAKKER_MODE": "lab"}, "lab"),  # forced wins
    ({**VOILA_KERNEL, "WAKKER_MODE": " Student "}, "student"),
    ({**VOILA_KERNEL, "WAKKER_MODE": "iets anders"}, "student"),  # an unknown value is ignored
])
def test_mode_from_the_environment(env, expected):
    assert M.mode(env) == expected
    assert M.is_student(env) == (expected == "student")


def test_texts_follow_the_mode(lab):
    assert M.pick("in Lab", "in Voilà") == "in Lab"
    assert "Restart Kernel" in M.restart_hint() and M.restart_hint(sentence=True).startswith("Herstart de kernel")
    lab.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    assert M.pick("in Lab", "in Voilà") == "in Voilà"
    assert "kernel" not in M.restart_hint().lower() and M.restart_hint(sentence=True).startswith("Laad de pagina")


def test_student_css_swaps_block_and_inline_texts():
    css = M.STUDENT_CSS
    assert ".wakker-lab{display:none !important}" in css
    assert "div.wakker-student[hidden]{display:block !important}" in css
    assert "span.wakker-student[hidden]{display:inline !important}" in css


def test_page_header_carries_the_swap_only_in_student_mode(student, tmp_path):
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from wakker.core.journal import Journal
    from wakker.ui.page import Page

    InteractiveShell.instance()
    shown = {}
    for name in ("student", "lab"):
        if name == "lab":
            student.delenv("SERVER_SOFTWARE")
            student.delenv("VOILA_PREHEAT")
        with capture_output() as out:
            Page("00_start", journal=Journal(tmp_path / f"{name}.sqlite"))._ipython_display_()
        shown[name] = "".join(o.data.get("text/html", "") for o in out.outputs)
    assert M.STUDENT_CSS in shown["student"] and "Leerdoelen" in shown["student"]
    assert M.STUDENT_CSS not in shown["lab"] and "Leerdoelen" in shown["lab"]
    with capture_output() as out:  # a page that failed still swaps the texts (and says why it failed)
        student.setenv("WAKKER_MODE", "student")
        Page("bestaat-niet")._ipython_display_()
    html = "".join(o.data.get("text/html", "") for o in out.outputs)
    assert M.STUDENT_CSS in html and "bestaat-niet" in html


def test_messages_name_what_to_do_in_each_mode(lab, tmp_path):
    from wakker.core.journal import explain
    from wakker.ui.page import journal_trouble
    from wakker.ui.view import error_box

    damaged = OSError(5, "disk I/O error")
    in_lab = [journal_trouble(), error_box(ValueError("x")), explain(damaged, tmp_path / "j.sqlite")]
    lab.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    in_student = [journal_trouble(), error_box(ValueError("x")), explain(damaged, tmp_path / "j.sqlite")]
    assert all(("kernel" in t.lower() or "cel" in t) for t in in_lab), in_lab
    assert all("kernel" not in t.lower() and " cel " not in t and "pagina opnieuw" in t for t in in_student), in_student
