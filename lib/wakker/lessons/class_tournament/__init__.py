"""For the teacher: the students' own strategies (from their exports) in one tournament.

In a notebook next to a folder ``inleveren/`` with the students' ``.json`` exports::

    from wakker.lessons.class_tournament import class_tournament_view
    result = class_tournament_view("inleveren")

* :mod:`.tournament` -- :func:`class_tournament` (reads exports only through ``wakker.core.portfolio``).
* :mod:`.widgets` -- the teacher's view; :mod:`.texts` -- its Dutch words.
"""
from .tournament import ClassTournament, class_tournament  # noqa: F401
from .widgets import ClassTournamentView, class_ranking_html, class_table, class_tournament_view  # noqa: F401
