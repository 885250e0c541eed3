"""Starter tests for the lesson ``inner_spark`` (notebook 02_boek_deel1_de_vonk_in_jezelf).

Add a test for every claim the notebook makes about a model (lesson guide M3) and one that reads
every file in ``data/lessons/inner_spark/``.
"""
from __future__ import annotations

import html

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import inner_spark as lesson
from wakker.lessons.inner_spark import texts

NOTEBOOK = "02_boek_deel1_de_vonk_in_jezelf"


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "inner_spark"
    assert lesson_dir("inner_spark", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="inner_spark")
    assert not problems, C.report(problems)
