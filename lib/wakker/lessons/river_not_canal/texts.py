"""Every fixed Dutch word the lesson ``river_not_canal`` shows: labels, buttons, titles and feedback.

Keep student-facing words here, not in the widget code, so that they can be read and corrected in
one place. Templates use ``str.format`` fields in braces; the widgets escape what they put in.
Longer or structured content belongs in ``data/lessons/river_not_canal/`` (read inside a function, never
at import).
"""
from __future__ import annotations

INTRO = "Deze les is nog in voorbereiding. Hier komt straks een korte inleiding in eigen woorden."
