"""Starter tests for the lesson ``social_innovation`` (notebook 06_regio_zwolle_sociale_innovatie_2016).

Add a test for every claim the notebook makes about a model (lesson guide M3) and one that reads
every file in ``data/lessons/social_innovation/``.
"""
from __future__ import annotations

import html

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import social_innovation as lesson
from wakker.lessons.social_innovation import texts

NOTEBOOK = "06_regio_zwolle_sociale_innovatie_2016"


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "social_innovation"
    assert lesson_dir("social_innovation", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="social_innovation")
    assert not problems, C.report(problems)
