"""One package per lesson, named by what it is about (``data/notebooks.yaml`` maps notebooks to lessons).

Each lesson package holds the notebook-facing functions, its widgets and its fixed Dutch texts
(``texts.py`` or ``data/lessons/<lesson>/``); it builds on ``wakker.ui`` and ``wakker.models``
and never imports another lesson's private names. Importing a lesson reads no data.

* ``start`` -- notebook 00: how the workbook works.
* ``village_commons`` -- notebook 01: the book's Voorwoord, Inleiding and Nawoord; algorithms as
  perspectives for action, the commons (de dorpsweide), gemotiveerd maatwerk, my roles.
* ``inner_spark`` -- notebook 02: Deel 1, inner work, De Buurtvrouw, the red, blue and green spheres,
  the drama triangle.
* ``river_not_canal`` -- notebook 03: Deel 2, planning versus intelligent muddling through (a moving
  target), the wisdom of the crowd, bonding and bridging.
* ``planning_machine`` -- notebook 04: orders of change, the planning machine, my week, roles.
* ``giving_trust`` -- notebook 05: the 2013 meetup on trust, the investment game, Berkelland.
* ``social_innovation`` -- notebook 06: Regio Zwolle 2016, the learning gap, the Balkbrug case.
* ``trust_game`` -- notebook 07: trust and the (iterated) prisoner's dilemma.
* ``rules_and_trust`` -- notebook 08: Vertrouwen moet je leren (2021), rule or room, learning trust.
* ``teacher`` -- notebook 09: for the teacher (class overview from exports, plans, links).
* ``class_tournament`` -- for the teacher: the students' own strategies in one tournament.

New lesson: ``make lesson NAME=<lesson> NOTEBOOK=<nn_id>`` (see ``tools/new_lesson.py``).
"""
