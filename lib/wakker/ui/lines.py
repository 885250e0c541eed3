"""Read-only lines of a view that change together, as ONE HTML widget (issue 11: fewer widget models).

A view that shows a message, a sentence and a legend one under the other used to make an HTML widget for
each: one widget model more for the page to open and build per line. :class:`Lines` holds the lines'
texts and shows them in one HTML widget (made when first asked for, with the texts as they are then, so
a view that computes before it builds its box sends them with the widget's first message). Each line
looks as its own HTML widget did: a block with ipywidgets' widget margin above and below it, also an
empty line, and the margins of what is inside a line do not merge with the next line's.

``lines.part(i)`` (or the attributes :meth:`Lines.on` sets on a view) is line ``i`` with a ``value``, as an
HTML widget has one: code reads and writes ``view.message.value`` as before, and the kit's
:func:`~wakker.ui.view.safe` can put its error there.
"""
from __future__ import annotations

from typing import Mapping

from wakker.ui.lean import widgets as w

#: The block of all lines takes the first line's top and the last line's bottom margin back (the widget
#: has that margin itself); each line has the widget margin above and below it as padding.
LINES_OPEN = '<div style="margin:calc(-1 * var(--jp-widgets-margin, 2px)) 0">'
LINE_OPEN = '<div class="wakker-regel" style="display:flow-root;padding:var(--jp-widgets-margin, 2px) 0">'


class Lines:
    """Lines shown in one HTML widget (``widget``); ``kwargs`` go to that widget (e.g. ``_dom_classes``)."""

    def __init__(self, *values: str, **kwargs):
        self.values = list(values)
        self._kwargs = kwargs
        self._widget = None

    @classmethod
    def on(cls, view, *names: str, fixed: Mapping[str, str] | None = None, **kwargs) -> "Lines":
        """Lines named ``names``, each (but those in ``fixed``, which never change) put on ``view`` as an
        attribute of that name: ``Lines.on(self, "result", "message")`` gives ``self.result.value``."""
        fixed = dict(fixed or {})
        lines = cls(*(fixed.get(name, "") for name in names), **kwargs)
        for i, name in enumerate(names):
            if name not in fixed:
                setattr(view, name, lines.part(i))
        return lines

    @property
    def widget(self):
        if self._widget is None:
            self._widget = w.HTML(self.html(), **self._kwargs)
        return self._widget

    @property
    def made(self) -> bool:
        return self._widget is not None

    def html(self) -> str:
        return LINES_OPEN + "".join(f"{LINE_OPEN}{v}</div>" for v in self.values) + "</div>"

    def part(self, i: int) -> "Line":
        return Line(self, i)

    def _set(self, i: int, value: str) -> None:
        if self.values[i] != value:
            self.values[i] = value
            if self._widget is not None:
                self._widget.value = self.html()


class Line:
    """One line of :class:`Lines` (``value`` as of an HTML widget)."""

    def __init__(self, lines: Lines, i: int):
        self.lines, self.i = lines, i

    @property
    def value(self) -> str:
        return self.lines.values[self.i]

    @value.setter
    def value(self, value: str) -> None:
        self.lines._set(self.i, value)
