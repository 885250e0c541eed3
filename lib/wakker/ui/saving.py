"""Saving what a student does: one debounced writer, and one base class for every saved widget.

A :class:`SavedWidget` is anything whose state belongs in the student's journal: an open
question, a scale, a choice, a sorting game, a division of a week, a designed strategy. It
gets, from this one class, the same behaviour everywhere:

* ``restore()`` when built: the newest saved version is put back (``apply``), with a status line;
  a value of an older form that no longer fits is shown as text instead of being lost;
* ``changed()`` after every change: the value is saved ``delay`` seconds after the last change
  (0 = at once), with "… wordt zo opgeslagen" meanwhile;
* ``save()``: write now, with a Dutch message (never a traceback) when that is impossible;
* :func:`flush` writes everything still waiting (export, kernel shutdown, tests).

A subclass implements ``value()`` and ``apply(value)``; optionally ``problems(value)`` (a Dutch
reason not to save), ``after_change(value)`` (feedback) and the status texts in ``TEXTS``.
"""
from __future__ import annotations

import atexit
import html
import threading
from typing import Any, Callable

from ..core.data import ContentError
from ..core.journal import Entry, JournalError, check_id
from .style import error_html, notice_html, status_html
from .view import View, report

SAVE_DELAY = 0.6  # seconds after the last change


class Pending:
    """Debounced saves: the last action per key runs ``delay`` seconds after the last change."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.timers: dict[int, tuple[threading.Timer, Callable[[], None]]] = {}

    def schedule(self, key: int, action: Callable[[], None], delay: float) -> None:
        with self.lock:
            old = self.timers.pop(key, None)
            if old:
                old[0].cancel()
            timer = threading.Timer(delay, self._run, args=(key,))
            timer.daemon = True
            self.timers[key] = (timer, action)
            timer.start()

    def _run(self, key: int) -> None:
        with self.lock:
            item = self.timers.pop(key, None)
        if item:
            item[1]()

    def flush(self) -> None:
        """Run everything still waiting now."""
        with self.lock:
            items = list(self.timers.values())
            self.timers.clear()
        for timer, action in items:
            timer.cancel()
            action()

    def waiting(self) -> int:
        with self.lock:
            return len(self.timers)


pending = Pending()
atexit.register(pending.flush)


def flush() -> None:
    """Save every answer that is still waiting for its save delay."""
    pending.flush()


def saved_time(entry: Entry) -> tuple[str, str]:
    """(day, time) of a saved version, as a Dutch student reads them."""
    t = entry.local_time
    return t.strftime("%d-%m-%Y"), t.strftime("%H:%M")


class SavedWidget(View):
    """Base of every widget whose value is kept in the journal (see the module docstring)."""

    kind = "value"
    delay = SAVE_DELAY
    TEXTS = {
        "empty": "Nog niet beantwoord.",
        "restored": "✓ eerder antwoord, opgeslagen op {day} om {time}",
        "saved": "✓ opgeslagen om {time}",
        "waiting": "… wordt zo opgeslagen",
        "old_form": "Je eerdere antwoord: {value}",
        "unreadable": "Eerdere antwoorden konden niet gelezen worden: {error}",
        "not_saved": "Opslaan is niet gelukt ({error}). Kopieer je antwoord voor de zekerheid.",
    }

    def __init__(self, page, qid: str, prompt: str = "", delay: float | None = None):
        import ipywidgets as w

        self.page, self.qid, self.prompt = page, qid, prompt
        if delay is not None:
            self.delay = delay
        self.status = w.HTML()
        self.message = w.HTML()
        self._loading = False
        self.error: str | None = None
        try:
            check_id(qid, "vraag-naam")
            page.check()
        except (JournalError, ContentError) as exc:
            self.error = str(exc)

    # -- to implement
    def value(self) -> Any:
        raise NotImplementedError

    def apply(self, value: Any) -> None:
        """Put a saved value back on screen; raise (any exception) when it does not fit."""
        raise NotImplementedError

    def problems(self, value: Any) -> str | None:
        """A Dutch reason why ``value`` should not be saved, or None."""
        return None

    def after_change(self, value: Any) -> None:
        """Hook for feedback; runs on every change and after a restore."""

    def text(self, key: str, **kwargs) -> str:
        return self.TEXTS[key].format(**kwargs)

    # -- shared behaviour
    def restore(self) -> Entry | None:
        """Put the newest saved version back; return it (None when there is none)."""
        if self.error:
            return None
        try:
            entry = self.page.journal.latest(self.page.notebook, self.qid)
        except Exception as exc:  # noqa: BLE001 - a broken journal must not break the lesson
            self.status.value = error_html(self.text("unreadable", error=exc))
            return None
        if entry is None:
            self.status.value = status_html(self.text("empty"))
            return None
        self._loading = True
        try:
            self.apply(entry.value)
            fits = True
        except Exception:  # noqa: BLE001 - an answer of an older form: show it, keep the widget as it is
            fits = False
        finally:
            self._loading = False
        if fits:
            self.after_change(self.value())
        else:
            self.message.value = notice_html(html.escape(self.text("old_form", value=self.describe(entry.value))))
        day, time = saved_time(entry)
        self.status.value = status_html(self.text("restored", day=day, time=time))
        return entry

    @staticmethod
    def describe(value: Any) -> str:
        from ..core.portfolio import describe

        return describe(value)

    def changed(self, _change=None) -> None:
        """Call after every change the student makes: feedback now, saving after the delay."""
        if self._loading or self.error:
            return
        try:
            self.after_change(self.value())
        except Exception as exc:  # noqa: BLE001
            report(exc)
        if self.delay > 0:
            self.status.value = status_html(self.text("waiting"))
            pending.schedule(id(self), self.save, self.delay)
        else:
            self.save()

    def save(self) -> Entry | None:
        """Write the current value to the journal now; return the saved version (None if not saved)."""
        if self.error:
            return None
        try:
            value = self.value()
            problem = self.problems(value)
        except Exception as exc:  # noqa: BLE001
            report(exc)
            problem = str(exc)
        if problem:
            self.status.value = error_html(problem)
            return None
        try:
            entry = self.page.journal.save(self.page.notebook, self.qid, value, kind=self.kind, prompt=self.prompt)
        except JournalError as exc:
            self.status.value = error_html(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - e.g. a disk that is full
            self.status.value = error_html(self.text("not_saved", error=exc))
            return None
        _day, time = saved_time(entry)
        self.status.value = status_html(self.text("saved", time=time))
        return entry
