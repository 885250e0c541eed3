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


def is_answered(question) -> bool:
    """Whether ``question`` (a kit question, or a widget with ``value()``) holds the student's own answer."""
    try:
        return not getattr(question, "error", None) and answered(question.value())
    except Exception:  # noqa: BLE001 - a question that cannot say its value: keep what waits for it closed
        return False


def watch_answer(question, callback: Callable[[], Any]) -> None:
    """Call ``callback()`` after every change of ``question``'s answer."""
    watch = getattr(question, "observe_answer", None)  # a kit question: one model
    if callable(watch):
        watch(lambda _change: callback())
    else:
        for control in _inputs(getattr(question, "input", None) or w.VBox()):
            control.observe(lambda _change: callback(), names="value")


def _inputs(widget) -> list:
    """Every widget with a value below ``widget`` (the question's input controls)."""
    out = []
    if isinstance(widget, w.Box):
        for child in widget.children:
            out += _inputs(child)
    elif widget.has_trait("value") and not isinstance(widget, (w.HTML, w.Label, w.HTMLMath)):
        out.append(widget)
    return out


#: The shared, frozen layouts (wakker.ui.lean) the parts of every Reveal switch between: showing or hiding a
#: part swaps its layout for the other shared one (one message, as setting ``display`` on its own layout
#: was), so a Reveal needs no Layout model of its own.
BUTTON_SHOWN = {"width": "auto"}
BUTTON_HIDDEN = {"width": "auto", "display": "none"}
NOTE_SHOWN: dict = {}
NOTE_HIDDEN = {"display": "none"}
TEXT_SHOWN = {"max_width": "52em"}
TEXT_HIDDEN = {"max_width": "52em", "display": "none"}


class Reveal(View):
    """A "Wat zagen wij?" button under a question; it shows ``markdown`` once the question is answered.

    Two widget models until the question is answered (the box and the waiting note) or, when it was
    answered already, until the first click (the box and the button); issue 11: it was seven. Each
    part is made when it is first shown (``waiting``, ``button``, the explanation's Output on the first
    click), and once made it is hidden and shown by swapping shared layouts."""

    def __init__(self, question, markdown: str, button: str = BUTTON, then: Callable[[], Any] | None = None):
        self.question = question
        self.then = then
        self.label = button
        self._markdown = textwrap.dedent(markdown).strip()
        self._button = self._waiting = self.text = None  # made when first shown
        self.box = None
        # the part shown from the start is in the box's first message: no change to send right after
        first = self.button if self.ready else self.waiting
        self.box = w.VBox([first], layout=dict(margin=".2em 0 1em 0"), _dom_classes=("wakker-reveal",))
        watch_answer(question, self.update)

    @property
    def button(self):
        """The "Wat zagen wij?" button (made when first needed)."""
        if self._button is None:
            self._button = w.Button(description=self.label, icon="eye", button_style="info",
                                    layout=BUTTON_SHOWN if self.ready else BUTTON_HIDDEN, tooltip=self.label,
                                    _dom_classes=("wakker-reveal-button",))
            self._button.on_click(self._toggle)
            self._place()
        return self._button

    @property
    def waiting(self):
        """The note that asks for the student's own observation first (made when first needed)."""
        if self._waiting is None:
            self._waiting = w.HTML(note_html(WAITING), layout=NOTE_HIDDEN if self.ready else NOTE_SHOWN)
            self._place()
        return self._waiting

    def _place(self) -> None:
        """The parts made so far, in their order: note, button, explanation."""
        if self.box is not None:
            self.box.children = tuple(x for x in (self._waiting, self._button, self.text) if x is not None)

    @property
    def ready(self) -> bool:
        return is_answered(self.question)

    def update(self) -> None:
        """Show the button once the question is answered, the note while it is not (a part that is not
        there yet is made only when it is to be shown; the same shared layout again sends nothing)."""
        if self.ready:
            self.button.layout = BUTTON_SHOWN
            if self._waiting is not None:
                self._waiting.layout = NOTE_HIDDEN
        else:
            self.waiting.layout = NOTE_SHOWN
            if self._button is not None:
                self._button.layout = BUTTON_HIDDEN

    @property
    def shown(self) -> bool:
        return self.text is not None and self.text.layout.display != "none"

    def _draw(self) -> None:
        """Make the explanation's Output (shown) below the button and draw the explanation into it."""
        from IPython.display import HTML, Markdown, display

        self.text = w.Output(layout=TEXT_SHOWN, _dom_classes=("wakker-reveal-text",))
        self._place()
        with self.text:
            display(Markdown(self._markdown))
            if self.then is not None:
                try:
                    self.then()
                except Exception as exc:  # noqa: BLE001 - a Dutch box, never a traceback
                    from .view import error_box

                    display(HTML(error_box(exc)))

    def _toggle(self, _button=None) -> None:
        if not self.ready:
            return
        if self.text is None:
            self._draw()
            show = True
        else:
            show = not self.shown
            self.text.layout = TEXT_SHOWN if show else TEXT_HIDDEN
        self.button.description = HIDE if show else self.label


class AfterAnswer(View):
    """A lesson view shown only once the question above it is answered (lesson guide L3: predict, then play).
    Until then ``waiting`` (a short Dutch note) stands in its place; the view is made on the first answer, or
    at once when the answer was saved earlier, so its sentence and plot cannot give the answer away."""

    def __init__(self, question, make: Callable[[], Any], waiting: str = WAITING, css: str = "wakker-wacht"):
        self.question, self._make, self.view = question, make, None
        self.note = w.HTML(note_html(waiting), _dom_classes=(css,))
        self.box = w.VBox([self.note], layout=dict(width="100%"))
        watch_answer(question, self.update)
        self.update()

    @property
    def ready(self) -> bool:
        return is_answered(self.question)

    def update(self) -> None:
        if self.view is None and self.ready:
            try:
                self.view = self._make()
            except Exception as exc:  # noqa: BLE001 - a Dutch box in the model's place, never a traceback
                from .view import error_box

                self.note.value = error_box(exc)
                return
            self.box.children = (self.view.box,)
