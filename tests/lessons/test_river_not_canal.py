"""Starter tests for the lesson ``river_not_canal`` (notebook 03_boek_deel2_de_straat_op).

Add a test for every claim the notebook makes about a model (lesson guide M3) and one that reads
every file in ``data/lessons/river_not_canal/``.
"""
from __future__ import annotations

import html

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import river_not_canal as lesson
from wakker.lessons.river_not_canal import texts

NOTEBOOK = "03_boek_deel2_de_straat_op"


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "river_not_canal"
    assert lesson_dir("river_not_canal", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="river_not_canal")
    assert not problems, C.report(problems)
