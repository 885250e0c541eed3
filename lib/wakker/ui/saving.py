"""Saving what a student does: one debounced writer, and one base class for every saved widget.

A :class:`SavedWidget` is anything whose state belongs in the student's journal: an open
question, a scale, a choice, a sorting game, a division of a week, a designed strategy. It
gets, from this one class, the same behaviour everywhere:

* ``restore()`` when built: the newest saved version is put back (``apply``), with a status line;
  a value of an older form that no longer fits is shown as text instead of being lost;
* ``changed()`` after every change: the value is saved ``delay`` seconds after the last change
  (0 = at once), with "… wordt zo opgeslagen" meanwhile;
* ``save()``: write now, with a Dutch message (never a traceback) when that is impossible;
* :func:`flush` writes everything still waiting (export, kernel shutdown, SIGTERM, tests);
  while a student keeps typing, a save still happens every ``SAVE_MAX_WAIT`` seconds;
* a widget made again for the same answer (its cell re-run) takes the place of the one before, after
  writing that one's waiting save (``replace_older``); an answer that is empty now says so in its status;
  a change that reaches the replaced widget afterwards (the browser still had it on its way) goes on to
  the newer one (``changed``), instead of being lost;

A subclass implements ``value()`` and ``apply(value)``; optionally ``problems(value)`` (a Dutch
reason not to save), ``after_change(value)`` (feedback) and the status texts in ``TEXTS`` (an optional
``"not_restored"`` replaces ``"restored"`` when a saved value did not fit and was shown as text).
"""
from __future__ import annotations

import atexit
import html
import os
import signal
import threading
import time
import weakref
from typing import Any, Callable

from ..core.data import ContentError
from ..core.journal import Entry, JournalError, check_id
from .style import NOT_ANSWERED, error_html, notice_html, status_html
from .view import View, report

SAVE_DELAY = 0.6  # seconds after the last change
SAVE_MAX_WAIT = 2.0  # while a student keeps typing, a save happens at least this often (seconds)
#: How long (seconds) the model of a replaced question stays open before it is closed: JupyterLab's widgets send a
#: model at most one change at a time and keep the newest back until the kernel has handled the one before, so the
#: last letters typed just before the cell is run again reach the kernel *after* that run. Until then they go on
#: to the newer question (SavedWidget.changed); a closed model would drop them. flush() closes them at once.
RETIRED_OPEN = 30.0
FLUSH_WAIT = 5.0  # how long flush() waits for a save that a timer is writing right now


class Pending:
    """Debounced saves: the last action per key runs ``delay`` seconds after the last change,
    but never later than ``max_wait`` seconds after the first change that is still waiting.

    Nothing waits forever: :meth:`flush` runs everything now and waits for saves in progress;
    it runs at exit (``atexit``: a normal kernel shutdown or restart) and on SIGTERM (a kernel
    that is stopped, or a shutdown that took too long): a handler, installed on the first
    :meth:`schedule` from the main thread, flushes and then hands the signal on to the handler
    that was there before (the default handler ends the process as before). A SIGKILL cannot
    be caught; at most ``max_wait`` seconds of typing are lost then.
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()  # re-entrant: the SIGTERM handler may interrupt the main thread holding it
        self.idle = threading.Condition(self.lock)
        self.running = 0
        self.timers: dict[int, tuple[threading.Timer, Callable[[], None], float]] = {}

    def schedule(self, key: int, action: Callable[[], None], delay: float, max_wait: float | None = None) -> None:
        install_sigterm_flush()
        limit = max(delay, SAVE_MAX_WAIT if max_wait is None else max_wait)
        with self.lock:
            now = time.monotonic()
            old = self.timers.pop(key, None)
            first = now
            if old:
                old[0].cancel()
                first = old[2]
            due = min(now + delay, first + limit)
            timer = threading.Timer(max(0.0, due - now), self._run, args=(key,))
            timer.daemon = True
            self.timers[key] = (timer, action, first)
            timer.start()

    def _run(self, key: int) -> None:
        with self.lock:
            item = self.timers.pop(key, None)
            if item:
                self.running += 1
        if item:
            try:
                item[1]()
            finally:
                with self.lock:
                    self.running -= 1
                    self.idle.notify_all()

    def flush(self, wait: float = FLUSH_WAIT, key: int | None = None) -> None:
        """Run everything still waiting now (``key``: only that one's action), and wait (at most ``wait`` s)
        for saves in progress."""
        with self.lock:
            if key is None:
                items = list(self.timers.values())
                self.timers.clear()
            else:
                item = self.timers.pop(key, None)
                items = [item] if item else []
        problem: BaseException | None = None
        for timer, action, _first in items:
            timer.cancel()
            try:
                action()
            except Exception as exc:  # noqa: BLE001 - one failing save must not stop the others
                problem = problem or exc
        if threading.current_thread() is not threading.main_thread() or wait <= 0:
            pass
        else:
            with self.lock:
                self.idle.wait_for(lambda: self.running == 0, timeout=wait)
        if problem is not None:
            raise problem

    def waiting(self, key: int | None = None) -> int:
        """How many saves are waiting (``key``: 1 when that one's is, else 0)."""
        with self.lock:
            return len(self.timers) if key is None else int(key in self.timers)


pending = Pending()


def _flush_quietly() -> None:
    try:
        pending.flush()
    except Exception:  # noqa: BLE001 - at exit or on a signal there is no one left to tell
        pass


atexit.register(_flush_quietly)

_sigterm_installed = False
_previous_sigterm: Any = None


def _on_sigterm(signum, frame) -> None:
    """Save what is waiting, then do what the previous SIGTERM handler would have done."""
    _flush_quietly()
    previous = _previous_sigterm
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_IGN:
        return
    else:  # the default action (or a handler set outside Python): end the process as before
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


def install_sigterm_flush() -> bool:
    """Install the SIGTERM flush once (only possible from the main thread); return whether it is installed."""
    global _sigterm_installed, _previous_sigterm
    if _sigterm_installed:
        return True
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        return False
    try:
        previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError):  # e.g. not the main interpreter
        return False
    _previous_sigterm, _sigterm_installed = previous, True
    return True


def flush() -> None:
    """Save every answer that is still waiting for its save delay."""
    pending.flush()


def saved_time(entry: Entry) -> tuple[str, str]:
    """(day, time) of a saved version, as a Dutch student reads them."""
    t = entry.local_time
    return t.strftime("%d-%m-%Y"), t.strftime("%H:%M")


#: The saved widgets that are (or may be) on screen, for :func:`refresh_saved` after an import. Weak, and one
#: widget per answer: a widget made again for the same answer (its cell re-run) replaces the one made before
#: (:meth:`SavedWidget.replace_older`). Saving at exit or on SIGTERM does not need it: every save that is still
#: waiting is in ``pending``, which holds on to its widget until it is written.
_live: "weakref.WeakSet[SavedWidget]" = weakref.WeakSet()
_NOTHING = object()
#: Held while a late change goes on to a newer widget, and while a newer widget takes over its older one's late
#: changes at the end of its restore(): JupyterLab 4.6 with ipykernel 7 may handle widget messages in a subshell,
#: in another thread than the cell that makes the newer widget.
_handover = threading.RLock()


def _same_journal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    pa, pb = getattr(a, "path", None), getattr(b, "path", None)
    return bool(getattr(a, "durable", False) and getattr(b, "durable", False) and pa is not None and pa == pb)


def _same_answer(a: Any, b: Any) -> bool:
    """Whether two saved widgets keep the same answer: same kind of widget, same question id, notebook and journal."""
    if type(a) is not type(b) or a.qid != b.qid:
        return False
    pa, pb = getattr(a, "page", None), getattr(b, "page", None)
    return (getattr(pa, "notebook", None) == getattr(pb, "notebook", None)
            and _same_journal(getattr(pa, "journal", None), getattr(pb, "journal", None)))


def refresh_saved(journal: Any = None) -> int:
    """Show the current saved version again in every live saved widget of ``journal`` (None: all).

    Called after an import, so that every question on screen shows the imported answers at
    once (no Run All needed). Widgets are kept in a weak registry: a widget nothing else
    refers to any more is not kept alive for this. Returns how many widgets were refreshed.
    """
    count = 0
    for widget in list(_live):
        try:
            if widget.error or (journal is not None and not _same_journal(widget.page.journal, journal)):
                continue
            widget.restore()
            count += 1
        except Exception as exc:  # noqa: BLE001 - one widget that cannot restore must not stop the others
            report(exc)
    return count


class SavedWidget(View):
    """Base of every widget whose value is kept in the journal (see the module docstring)."""

    kind = "value"
    delay = SAVE_DELAY
    TEXTS = {
        "empty": NOT_ANSWERED,
        "restored": "✓ eerder antwoord, opgeslagen op {day} om {time}",
        "saved": "✓ opgeslagen om {time}",
        # an answer that is empty now (``is_empty``: the student deleted all of it): the status says so
        "saved_empty": "✓ leeg antwoord opgeslagen om {time}",
        "restored_empty": "✓ leeg antwoord, opgeslagen op {day} om {time}",
        "waiting": "… wordt zo opgeslagen",
        "old_form": "Je eerdere antwoord: {value}",
        "unreadable": "Eerdere antwoorden konden niet gelezen worden: {error}",
        "not_saved": "Opslaan is niet gelukt ({error}). Kopieer je antwoord voor de zekerheid.",
    }

    def __init__(self, page, qid: str, prompt: str = "", delay: float | None = None):
        self.page, self.qid, self.prompt = page, qid, prompt
        if delay is not None:
            self.delay = delay
        self._message = self.__dict__.get("_message")  # made when first used (see `message`), unless set already
        self._loading = False
        self.error: str | None = None
        try:
            check_id(qid, "vraag-naam")
            page.check()
        except (JournalError, ContentError) as exc:
            self.error = str(exc)
        made = getattr(page, "saved", None)
        if isinstance(made, dict):
            made[qid] = self
        # A polite live region (role="status", set in the browser by wakker.ui.style.front_end):
        # a screen reader announces "opgeslagen om ..." without moving the focus. Made with the text a
        # question without a saved answer shows, so that restore() changes it only when there is one
        # (each change after the widget exists is one more message to the page: 20-25 per notebook).
        # (SavedWidget.text: a subclass's own text() may need what its __init__ sets after this)
        first = "" if self.error else status_html(SavedWidget.text(self, "empty"))
        self.status = self._status_widget(first)
        #: whether the value on screen is not in the journal because writing it failed (full disk, read-only)
        self._unsaved = False
        #: an older widget's value that could not be saved (see replace_older); put back after restore()
        self._carry: Any = _NOTHING
        #: once a newer widget took this one's place (replace_older): a weak reference to it, and the value it was
        #: handed; a change that reaches this widget after that goes on to the newer one (changed)
        self._successor: Callable[[], SavedWidget | None] | None = None
        self._handed: Any = _NOTHING
        #: the widget this one replaced (weak), and whether this one has restored its answer: a late change to the
        #: older one only goes on once this one shows what it was handed (end of restore())
        self._older: Callable[[], SavedWidget | None] | None = None
        self._ready = False
        #: the value last written to or read from the journal (what a newer widget for this answer restores)
        self._last_saved: Any = _NOTHING
        #: whether a change reached this widget after a newer one replaced it (it goes on to that one)
        self._late = False
        self.replace_older()
        _live.add(self)  # refreshed by refresh_saved() after an import

    def _status_widget(self, first: str):
        """The save status line: an HTML widget (a question keeps it in its one model instead)."""
        from wakker.ui.lean import widgets as w

        return w.HTML(first, _dom_classes=("wakker-live",))

    @property
    def message(self):
        """The line for notices and feedback (an HTML widget), made when first used: most answers never
        need one (20-27 widget models per notebook). A widget whose box is built before it has a message
        puts it on screen in :meth:`show_message`."""
        if self._message is None:
            from wakker.ui.lean import widgets as w

            self._message = w.HTML()
            self.show_message(self._message)
        return self._message

    @message.setter
    def message(self, widget) -> None:
        self._message = widget

    def show_message(self, message) -> None:
        """Put ``message``, just made, on screen; nothing by default (a box that lists ``self.message``
        made it while being built)."""

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

    def is_empty(self, value: Any) -> bool:
        """Whether ``value`` is an empty answer (all text deleted, nothing ticked): its status then says
        "leeg antwoord" (``TEXTS["saved_empty"]``, ``["restored_empty"]``, when the widget has those texts).
        False by default."""
        return False

    def retire(self) -> None:
        """Let go of what keeps this widget alive, once a newer widget for the same answer replaced it (its
        waiting save is written already; see :meth:`replace_older`). Nothing by default."""

    def text(self, key: str, **kwargs) -> str:
        return self.TEXTS[key].format(**kwargs)

    def _text_key(self, key: str, value: Any) -> str:
        """``key``, or its ``_empty`` form when ``value`` is an empty answer and this widget has that text."""
        empty = f"{key}_empty"
        if empty not in self.TEXTS:
            return key
        try:
            return empty if self.is_empty(value) else key
        except Exception:  # noqa: BLE001 - a value of another form is not "empty"
            return key

    # -- shared behaviour
    def replace_older(self) -> None:
        """Take the place of a widget made before for the same answer (its cell re-run, or the same question made
        again): that one's waiting save is written first, so that nothing typed is lost and this one restores
        it; then it leaves the registry (:data:`_live`) and lets go of itself (:meth:`retire`). Without this
        every re-run kept one more widget alive for good."""
        for old in list(_live):
            if old is self or not _same_answer(old, self):
                continue
            # under the lock: a change handled meanwhile in another thread (a subshell) is either written by this
            # flush, or finds the older widget replaced and goes on to this one (changed)
            with _handover:
                try:
                    pending.flush(key=id(old))
                    failed = bool(getattr(old, "_unsaved", False))
                except Exception as exc:  # noqa: BLE001 - its save showed its own message; it must not stop this one
                    report(exc)
                    failed = True
                try:
                    if failed:  # what the student typed there is in no journal: this one takes it over (restore())
                        self._carry = old._handed = old.value()
                    else:  # what this one restores
                        old._handed = old._last_saved if old._last_saved is not _NOTHING else old.value()
                except Exception as exc:  # noqa: BLE001
                    report(exc)
                old._successor = weakref.ref(self)
                self._older = weakref.ref(old)
            _live.discard(old)
            try:
                old.retire()
            except Exception as exc:  # noqa: BLE001
                report(exc)

    def restore(self) -> Entry | None:
        """Put the newest saved version back; return it (None when there is none).

        When the widget this one replaced had a value that could not be saved (a full disk, a read-only
        journal), that value goes on screen instead, and this widget tries to save it again (with its Dutch
        message when that fails again): the newest thing the student typed is never swapped for an older one."""
        entry = self._restore_saved()
        carry, self._carry = getattr(self, "_carry", _NOTHING), _NOTHING
        if carry is not _NOTHING and not self.error:
            self._loading = True
            try:
                self.apply(carry)
                fits = True
            except Exception:  # noqa: BLE001 - it does not fit this widget: keep what was saved
                fits = False
            finally:
                self._loading = False
            if fits:
                self.changed()
        with _handover:  # what reached the older widget while this one was being made goes on now (once)
            if not self._ready:
                self._ready = True
                older = self._older() if self._older is not None else None
                if older is not None and older._late:
                    older._hand_on()
        return entry

    def _restore_saved(self) -> Entry | None:
        if self.error:
            return None
        try:
            entry = self.page.journal.latest(self.page.notebook, self.qid)
        except Exception as exc:  # noqa: BLE001 - a broken journal must not break the lesson
            self.status.value = error_html(self.text("unreadable", error=exc))
            return None
        if entry is None:
            self.status.value = status_html(self.text("empty"))
            self._remember_saved()
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
            self._remember_saved()
            self.after_change(self.value())
        else:
            self.message.value = notice_html(html.escape(self.text("old_form", value=self.describe(entry.value))))
        day, time = saved_time(entry)
        # "not_restored" (optional): the status when the saved value could not be put back
        key = self._text_key("restored", entry.value) if fits or "not_restored" not in self.TEXTS else "not_restored"
        self.status.value = status_html(self.text(key, day=day, time=time))
        return entry

    def _remember_saved(self) -> None:
        try:
            self._last_saved = self.value()
        except Exception:  # noqa: BLE001 - then replace_older reads the value itself
            self._last_saved = _NOTHING

    @staticmethod
    def describe(value: Any) -> str:
        from ..core.portfolio import describe

        return describe(value)

    def changed(self, _change=None) -> None:
        """Call after every change the student makes: feedback now, saving after the delay. In a widget that a newer
        one replaced, the change goes on to that one instead (:meth:`_hand_on`)."""
        if self._loading or self.error:
            return
        with _handover:  # replaced or not, decided at once with the waiting save (see replace_older)
            retired = self._successor is not None
            if retired:
                self._late = True
            elif self.delay > 0:
                pending.schedule(id(self), self.save, self.delay)
        if retired:
            self._hand_on()
            return
        try:
            self.after_change(self.value())
        except Exception as exc:  # noqa: BLE001
            report(exc)
        if self.delay > 0:
            self.status.value = status_html(self.text("waiting"))
        else:
            self.save()

    def _hand_on(self) -> None:
        """A change reached this widget after a newer one took its place (:meth:`replace_older`): the browser sent the
        last letters typed here after the cell was run again. The newer widget gets them, and saves them, as long as
        it still shows what it was handed (nothing changed there since); this widget writes nothing itself, so that
        it never overwrites the newer one's answer."""
        with _handover:
            new = self._successor() if self._successor is not None else None
            if new is None or new.error or not new._ready:  # not ready: its restore() calls this again at its end
                return
            try:
                value = self.value()
                if value == self._handed or new.value() != self._handed:
                    return
                new._loading = True
                try:
                    new.apply(value)
                finally:
                    new._loading = False
                self._handed = value
            except Exception as exc:  # noqa: BLE001 - a late change must not break the lesson
                report(exc)
                return
            new.changed()

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
        if problem:  # refused, and said so: a re-run shows what was saved (not _unsaved: no journal failed)
            self.status.value = error_html(problem)
            return None
        try:
            entry = self.page.journal.save(self.page.notebook, self.qid, value, kind=self.kind, prompt=self.prompt)
        except JournalError as exc:
            self._unsaved = True
            self.status.value = error_html(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - e.g. a disk that is full
            self._unsaved = True
            self.status.value = error_html(self.text("not_saved", error=exc))
            return None
        self._unsaved = False
        self._last_saved = value
        _day, time = saved_time(entry)
        self.status.value = status_html(self.text(self._text_key("saved", value), time=time))
        return entry
