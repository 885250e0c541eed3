"""Lesson of notebook 02 (Deel 1 of the book): inner work, De Buurtvrouw, red, blue and green, the drama triangle.

* :mod:`.data` -- the lesson's YAML files (spheres, chapters, dialogue, value map), validated and
  cached; nothing is read at import.
* :mod:`.texts` -- every fixed Dutch word the widgets show.
* :mod:`.widgets` -- the exercises, built on :mod:`wakker.ui` (the two sorting exercises are the
  kit's :class:`~wakker.ui.sorting.SortingWidget`).

In the notebook::

    from wakker.lessons import inner_spark as nb02
    nb02.spheres_game(nb)      # rood, blauw, groen: place a dozen instruments (score saved)
    nb02.my_instruments(nb)    # my own instruments, and where they meet a green initiative
    nb02.value_map(nb)         # what De Buurtvrouw gives to whom, and what each must give
    nb02.my_spark(nb)          # mijn vonk: the ten chapter titles, with a plain chart
    nb02.drama_triangle(nb)    # label the roles in a dialogue and see the switches drawn
"""
from __future__ import annotations

from .data import (Chapter, Party, Sorting, Turn, load_chapters, load_drama, load_parties,  # noqa: F401
                   load_spheres)
from .widgets import (NOTEBOOK, DramaTriangle, MyInstruments, MySpark, ValueMap, drama_triangle,  # noqa: F401
                      instrument_flags, my_instruments, my_spark, role_paths, spark_chart_html, spheres_game,
                      switch_count, switches_html, value_map, value_map_html)
