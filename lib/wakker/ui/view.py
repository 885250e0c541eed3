"""The base of every lesson widget: a box to show and a place for Dutch messages.

A :class:`View` has ``box`` (the widget that is displayed) and ``message`` (an HTML widget for
notices and errors). Decorate every callback with :func:`safe`: an exception then becomes a
Dutch message in ``message`` instead of a traceback.

When ``WAKKER_STRICT=1`` (the lesson contract test sets it), an exception that :func:`safe`
catches is *also* written to stderr with its traceback, so a headless run of a notebook shows
that a lesson broke even though the student would only see the Dutch box.
"""
from __future__ import annotations

import functools
import os
import sys
import traceback
from typing import Any, Callable

from ..core.mode import pick
from .style import error_html


def try_again() -> str:
    """What to try after an unexpected error, in words that fit the mode (no cells in the student mode)."""
    return "Probeer een andere instelling of " + pick("voer de cel opnieuw uit.", "laad de pagina opnieuw (F5).")


def strict() -> bool:
    return os.environ.get("WAKKER_STRICT", "").strip() == "1"


def report(exc: BaseException) -> None:
    """In strict mode, write the traceback of an exception the kit turned into a Dutch box to stderr."""
    if strict():
        print("wakker: fout achter een melding:", file=sys.stderr)
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)


def error_box(exc: BaseException, what: str = "Dit lukte niet") -> str:
    """The Dutch box for an unexpected exception (and a strict-mode report)."""
    report(exc)
    return error_html(f"{what} ({exc}). {try_again()}")


class View:
    """Base of a lesson widget: ``box`` is shown, ``message`` holds notices and errors.

    A view with :func:`safe` callbacks puts ``message`` in its box; a view without them makes none
    (every widget costs the page a model, also one that is never shown)."""

    box: Any
    message: Any

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)


def safe(method: Callable) -> Callable:
    """Run a widget callback; on any error show a Dutch message in ``self.message`` instead."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a student must never see a traceback
            self.message.value = error_box(exc)
            return None

    return wrapper


def failed_box(exc: BaseException):
    """A widget that shows only a Dutch error (a lesson part that could not be built)."""
    from wakker.ui.lean import widgets as w

    return w.VBox([w.HTML(error_html(str(exc)))])
