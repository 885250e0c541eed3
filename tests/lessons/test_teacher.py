"""Starter tests for the lesson ``teacher`` (notebook 09_docent).

Add a test for every claim the notebook makes about a model (lesson guide M3) and one that reads
every file in ``data/lessons/teacher/``.
"""
from __future__ import annotations

import html

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import teacher as lesson
from wakker.lessons.teacher import texts

NOTEBOOK = "09_docent"


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "teacher"
    assert lesson_dir("teacher", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="teacher")
    assert not problems, C.report(problems)
