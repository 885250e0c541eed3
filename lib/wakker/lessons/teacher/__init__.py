"""Lesson of notebook 09_docent: Voor de docent (for the teacher; no code to write).

``from wakker.lessons import teacher`` is what the notebook does, then::

    desk = teacher.collect()        # upload the exports (or a folder), a class list, anonymous
    teacher.overview(desk)          # per notebook: counts, distributions, 04's game and week, open answers
    teacher.tournament(desk)        # the class tournament of 07, with 07's settings
    teacher.plans()                 # goals, plans, prompts, what to look for, the rubric
    teacher.links()                 # nbgitpuller, Binder and student-mode links for a school's hub

* :mod:`.exports` -- reading and checking exports (pure); :mod:`.tables` -- the tables (pure pandas);
* :mod:`.widgets` -- the views; :mod:`.example` -- a made-up class exported with the workbook's own code;
* :mod:`.texts` -- every Dutch word. Nothing is read at import.
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "09_docent"


def intro_html() -> str:
    """The lesson's opening text as HTML (what :func:`intro` shows; tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the notebook's opening text."""
    show_html(intro_html())


def collect():
    """The collecting panel (:class:`.widgets.Desk`): show it, and pass it to the views below."""
    from .widgets import Desk

    return Desk()


def overview(desk):
    """The class overview per notebook, for what ``desk`` collected."""
    from .widgets import Overview

    return Overview(desk)


def tournament(desk):
    """The class tournament of notebook 07 on what ``desk`` collected."""
    from .widgets import Tournament

    return Tournament(desk)


def plans():
    """The lesson plan per notebook (goals, plans, prompts, what to look for, rubric)."""
    from .widgets import Plans

    return Plans()


def links():
    """The link generator for a school's JupyterHub (and a fork)."""
    from .widgets import Links

    return Links()


def example(desk):
    """A button that reads a made-up class into ``desk`` (to try the overview before students hand in)."""
    from .widgets import ExampleClass

    return ExampleClass(desk)


def progress(desk):
    """Per student: how many questions of each notebook have an answer."""
    from .widgets import Progress

    return Progress(desk)


def open_answers(desk):
    """The open answers per question, filterable, anonymised on request."""
    from .widgets import OpenAnswers

    return OpenAnswers(desk)
