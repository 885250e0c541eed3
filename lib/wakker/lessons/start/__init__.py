"""Lesson of notebook 00 (start): how the workbook works.

The start notebook uses the kit (``page``: quotations, questions, the map, the export panel)
and one small demonstration of its own: :func:`trust_slider`. Its words are in :mod:`.texts`.
"""
from __future__ import annotations

from . import texts as T


def mood(value: int) -> str:
    """What ``value`` % trust looks like in daily work (the texts' first range that holds it)."""
    return next(text for bound, text in T.MOODS if value < bound)


def trust_slider():
    """A slider whose text follows it, to let a first-time user feel how widgets react."""
    from wakker.ui.lean import widgets as w
    from wakker.ui.style import text_html

    slider = w.IntSlider(value=50, min=0, max=100, step=5, description=T.SLIDER_LABEL,
                         style={"description_width": "initial"}, continuous_update=True)
    text = w.HTML()

    def show(_=None):
        # a paragraph with a reading line height: on a phone the sentence wraps, and the HTML widget's own 28 px
        # row put a gap between its two lines as if they were two texts (a teacher's reading of 00 at 390 px)
        text.value = text_html(T.READOUT.format(value=slider.value, mood=mood(slider.value)))

    slider.observe(show, names="value")
    show()
    box = w.VBox([slider, text], _dom_classes=("wakker-demo-slider",))
    return box
