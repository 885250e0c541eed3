"""Play first, explain after (lesson guide L3): an explanation behind a "Wat zagen wij?" button.

The button appears only once the student has written or chosen their own observation in the
question it follows; a click shows the explanation (Markdown, drawn by the front end, so it
looks like the notebook's own text). After a restart the button is there at once when the
observation was saved earlier.

In a notebook::

    obs = nb.open_question("toernooi-gezien", "Wat zie je gebeuren in het toernooi?")
    obs
    nb.reveal(obs, '''
    De Spiegel wint zonder één wedstrijd te winnen: ...
    ''')

``then`` shows more under the explanation, also only after the click: a function that displays
something, e.g. a lesson's table that would give the answer away (``then=nb07.character_table``).
"""
from __future__ import annotations

import textwrap
from typing import Any, Callable

from wakker.ui.lean import widgets as w

from .style import note_html
from .view import View

BUTTON = "Wat zagen wij?"
HIDE = "Verberg onze uitleg"
WAITING = "Schrijf of kies eerst wat jij zelf zag; daarna kun je hier onze uitleg lezen."
MIN_CHARACTERS = 10  # an open observation counts once it is a few words long


def answered(value: Any) -> bool:
    """Whether a question's value counts as the student's own observation."""
    if value is None:
        return False
    if isinstance(value, str):
        return len(value.strip()) >= MIN_CHARACTERS
    if isinstance(value, dict) and "selected" in value:
        return bool(value["selected"])
    if isinstance(value, dict) and "value" in value:
        return value["value"] is not None
    return True


def _inputs(widget) -> list:
    """Every widget with a value below ``widget`` (the question's input controls)."""
    out = []
    if isinstance(widget, w.Box):
        for child in widget.children:
            out += _inputs(child)
    elif widget.has_trait("value") and not isinstance(widget, (w.HTML, w.Label, w.HTMLMath)):
        out.append(widget)
    return out


class Reveal(View):
    """A "Wat zagen wij?" button under a question; it shows ``markdown`` once the question is answered."""

    def __init__(self, question, markdown: str, button: str = BUTTON, then: Callable[[], Any] | None = None):
        self.question = question
        self.then = then
        ready = self.ready  # shown or hidden from the start: no change to send right after
        self.button = w.Button(description=button, icon="eye", button_style="info",
                               layout=w.Layout(width="auto", display=None if ready else "none"), tooltip=button,
                               _dom_classes=("wakker-reveal-button",))
        # shown and hidden: its own layout
        self.waiting = w.HTML(note_html(WAITING), layout=w.Layout(display="none" if ready else None))
        self.text = w.Output(layout=w.Layout(display="none", max_width="52em"), _dom_classes=("wakker-reveal-text",))
        self._markdown = textwrap.dedent(markdown).strip()
        self._drawn = False
        self.button.on_click(self._toggle)
        self.box = w.VBox([self.waiting, self.button, self.text], layout=dict(margin=".2em 0 1em 0"),
                          _dom_classes=("wakker-reveal",))
        for control in _inputs(getattr(question, "input", None) or w.VBox()):
            control.observe(lambda _change: self.update(), names="value")
        self.update()

    @property
    def ready(self) -> bool:
        try:
            return not getattr(self.question, "error", None) and answered(self.question.value())
        except Exception:  # noqa: BLE001 - a question that cannot say its value: keep the explanation closed
            return False

    def update(self) -> None:
        ready = self.ready
        self.button.layout.display = None if ready else "none"
        self.waiting.layout.display = "none" if ready else None

    @property
    def shown(self) -> bool:
        return self.text.layout.display != "none"

    def _toggle(self, _button=None) -> None:
        if not self.ready:
            return
        if not self._drawn:
            from IPython.display import HTML, Markdown, display

            with self.text:
                display(Markdown(self._markdown))
                if self.then is not None:
                    try:
                        self.then()
                    except Exception as exc:  # noqa: BLE001 - a Dutch box, never a traceback
                        from .view import error_box

                        display(HTML(error_box(exc)))
            self._drawn = True
        show = not self.shown
        self.text.layout.display = None if show else "none"
        self.button.description = HIDE if show else BUTTON
