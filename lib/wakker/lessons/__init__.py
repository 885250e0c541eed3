"""One package per lesson, named by what it is about (``data/notebooks.yaml`` maps notebooks to lessons).

Each lesson package holds the notebook-facing functions, its widgets and its fixed Dutch texts
(``texts.py`` or ``data/lessons/<lesson>/``); it builds on ``wakker.ui`` and ``wakker.models``
and never imports another lesson's private names. Importing a lesson reads no data.

* ``start`` -- notebook 00: how the workbook works.
* ``planning_machine`` -- notebook 04: orders of change, the planning machine, my week, roles.
* ``trust_game`` -- notebook 07: trust and the (iterated) prisoner's dilemma.
* ``class_tournament`` -- for the teacher: the students' own strategies in one tournament.

New lesson: ``make lesson NAME=<lesson> NOTEBOOK=<nn_id>`` (see ``tools/new_lesson.py``).
"""
