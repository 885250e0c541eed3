"""What a notebook starts with: its page (learning goals, quotations, glossary, questions).

A notebook starts with ``nb = page("07_blog_vertrouwen_prisoners_dilemma")`` and then calls
``nb.quote(...)``, ``nb.term(...)``, ``nb.open_question(...)``, ``nb.scale(...)``,
``nb.choice(...)`` and ``nb.export_panel()``. A wrong key or id never shows a traceback but a
Dutch message where the content would have been.
"""
from __future__ import annotations

import html
import re
from typing import Any, Sequence

from IPython.display import HTML, display

from ..core.content import ContentError, content
from ..core.journal import Entry, Journal, JournalError, MemoryJournal, check_id, get_journal
from ..core.mode import STUDENT_CSS, is_student, restart_hint
from .questions import Choice, OpenQuestion, Scale
from .style import error_html, notice_html, styled, summary_hint_html


def journal_trouble() -> str:
    """The header's notice when even opening the journal raised (in words that fit the mode)."""
    return (f"Je dagboek kon niet geopend worden. {restart_hint(sentence=True)}. Tot dan worden je antwoorden "
            f"alleen in deze sessie bewaard: exporteer ze voordat je stopt.")


#: A learning goal's opening words (lesson guide L1: "Je kunt ... uitleggen"), after an optional label such as
#: "Verdieping (§ 8, optioneel): je kunt ...". Right above the goals, every lesson's first cell lists what the student
#: does ("In dit notebook / 1. speel je ..."); five goals that each began with "Je kunt" read as a second version of
#: that list (a teacher's reading of 00 and 07). Said once, in front of the list ("Na dit notebook kun je:"), the
#: goals read as what those activities lead to.
GOAL = re.compile(r"(?:(?P<label>[^:]{1,60}): )?[Jj]e kunt (?P<rest>\S.*)", re.S)
GOALS_HEAD = "Leerdoelen."
GOALS_LEAD = "Na dit notebook kun je:"


def goals_html(goals: Sequence[str]) -> str:
    """The header's learning goals: "Leerdoelen. Na dit notebook kun je:" and each goal without its "Je kunt" (a
    label before it stays: "Verdieping (§ 8, optioneel): bij een casus ..."); as they are written, under
    "Leerdoelen", when not every goal says "je kunt". Empty without goals."""
    if not goals:
        return ""
    found = [GOAL.fullmatch(g) for g in goals]
    if all(found):
        items = "".join(f"<li>{html.escape(m['label'] + ': ' if m['label'] else '')}{html.escape(m['rest'])}</li>"
                        for m in found)
        return f'<p class="wakker-leerdoelen"><b>{GOALS_HEAD}</b> {GOALS_LEAD}</p><ul>{items}</ul>'
    items = "".join(f"<li>{html.escape(g)}</li>" for g in goals)
    return f'<p class="wakker-leerdoelen"><b>{GOALS_HEAD[:-1]}</b></p><ul>{items}</ul>'


# ---------------------------------------------------------------- the page
class Page:
    """One notebook's view of the workbook: its content and its questions."""

    def __init__(self, notebook: str, journal: Journal | None = None):
        self.notebook = notebook
        self.error: str | None = None
        self._journal = journal
        #: every saved widget made on this page, by its question id (the newest for an id): what the lesson contract
        #: counts as the notebook's questions (data/lessons/teacher/questions.yaml, the teacher's 'van N')
        self.saved: dict[str, object] = {}
        try:
            check_id(notebook, "notebook-naam")
            self.info = content().notebook(notebook)
        except (JournalError, ContentError) as exc:
            self.error = str(exc)
            self.info = None

    @property
    def journal(self) -> Journal:
        """The student's journal; never raises (see ``core.journal.open_journal``).

        When the journal file cannot be used this is an in-memory journal: answers can still be
        typed, restored in this session and exported, every save says plainly that it was not
        saved in the journal, and the header shows why and what to do.
        """
        if self._journal is None:
            try:
                self._journal = get_journal()
            except Exception:  # noqa: BLE001 - get_journal does not raise; this is the last safety net
                self._journal = MemoryJournal(journal_trouble())
        return self._journal

    def check(self) -> None:
        if self.error:
            raise JournalError(self.error)

    def _ipython_display_(self) -> None:
        """Shows the notebook's header: title, goals, and any journal notice."""
        # the notebook's texts for the student mode (see wakker.core.mode), even when the page failed
        mode_css = f"<style>{STUDENT_CSS}</style>" if is_student() else ""
        if self.error:
            display(HTML(mode_css + error_html(self.error)))
            return
        goals = goals_html(self.info.goals)
        try:
            notice = self.journal.notice
        except Exception:  # noqa: BLE001 - the first cell never shows a traceback
            notice = journal_trouble()
        parts = [mode_css, goals]
        if notice:
            parts.append(notice_html(html.escape(notice)))
        display(HTML("".join(parts)))
        try:  # the browser hook (accessible names, theme) starts now, while the browser is still idle
            from .style import front_end

            front_end()
        except Exception as exc:  # noqa: BLE001 - without it the lesson still works
            from .view import report

            report(exc)

    # -- content
    def quote(self, key: str) -> None:
        """Show an excerpt as a quotation with author, title, year and location."""
        display(HTML(quote_html(key)))

    def term(self, key: str) -> None:
        """Show one glossary term as a small card."""
        display(HTML(term_html(key)))

    def glossary(self) -> None:
        display(HTML(glossary_html()))

    def notebook_map(self) -> None:
        display(HTML(map_html()))

    # -- questions
    # ``context`` (optional): what a question is about when several ask the same thing (a case); see Question.
    def open_question(self, qid: str, prompt: str, placeholder: str = "Typ hier je antwoord…", rows: int = 5,
                      context: str = "", title: str = ""):
        return OpenQuestion(self, qid, prompt, placeholder=placeholder, rows=rows, context=context, title=title)

    def scale(self, qid: str, prompt: str, low: int = 1, high: int = 5, low_label: str = "", high_label: str = "",
              context: str = "", title: str = ""):
        return Scale(self, qid, prompt, low=low, high=high, low_label=low_label, high_label=high_label,
                     context=context, title=title)

    def choice(self, qid: str, prompt: str, options: Sequence, multiple: bool = False, context: str = "",
               note: str = "", title: str = ""):
        return Choice(self, qid, prompt, options, multiple=multiple, context=context, note=note, title=title)

    # -- values of models and games (strategies, scores, divisions of a week)
    def save_value(self, qid: str, value: Any, kind: str = "value", prompt: str = "") -> Entry:
        """Store a structured value (raises JournalError with a Dutch message on invalid use)."""
        self.check()
        return self.journal.save(self.notebook, qid, value, kind=kind, prompt=prompt)

    def load_value(self, qid: str, default: Any = None) -> Any:
        if self.error:
            return default
        try:
            entry = self.journal.latest(self.notebook, qid)
        except JournalError:  # the journal cannot be read now; the header already says why
            return default
        return default if entry is None else entry.value

    def reveal(self, question, markdown: str, then=None):
        """An explanation behind "Wat zagen wij?", shown once ``question`` is answered (lesson guide L3);
        ``then`` (a function that displays something, e.g. a table) is shown under it, also only after the click."""
        from .reveal import Reveal

        return Reveal(question, markdown, then=then)

    def in_de_les(self):
        """The teacher's box "In de les" of this notebook's lesson (lesson guide L6), collapsed."""
        from .teaching import in_de_les_html

        display(HTML(in_de_les_html(self.info.lesson if self.info else None)))

    def export_panel(self):
        from .export import ExportPanel

        return ExportPanel(self.journal)


def page(notebook: str) -> Page:
    """Start a notebook: ``nb = page("00_start")``; show ``nb`` for its learning goals."""
    return Page(notebook)


# ---------------------------------------------------------------- HTML renderers
def quote_html(key: str) -> str:
    try:
        c = content()
        ex = c.excerpt(key)
    except ContentError as exc:
        return error_html(str(exc))
    src = c.sources[ex.source]
    # the quotation is shown between “ ”; quotation marks inside it become ‘ ’ (typography only, the words stay)
    text = html.escape(ex.text.replace("“", "‘").replace("”", "’"))
    title = html.escape(src.title) if src.untitled else f"<i>{html.escape(src.title)}</i>"
    work = f"{title} ({html.escape(src.year)})"
    if ex.author:  # e.g. a foreword by someone else: name the writer, then the book it appears in
        caption = f"— {html.escape(ex.author)}, {html.escape(ex.location)}, in: {html.escape(src.author_line)}, {work}."
    elif ex.speaker:  # a report quoting someone: the speaker's words, as the report gives them
        caption = (f"— {html.escape(ex.speaker)}, zoals weergegeven in: {html.escape(src.author_line)}, {work}, "
                   f"{html.escape(ex.location)}.")
    else:
        caption = f"— {html.escape(src.author_line)}, {work}, {html.escape(ex.location)}."
    # a location that ends in its own mark ('... in nieuwe zakken?') takes no full stop after it ('?.')
    caption = re.sub(r"([?!.])\.$", r"\1", caption)
    if ex.attribution:
        caption += f" <span style=\"opacity:.85\">({html.escape(ex.attribution)})</span>"
    caption += styled("citaat-rechten", rights_html(src))
    inner = styled("citaat-tekst", f"“{text}”", "blockquote") + styled("citaat-bron", caption, "figcaption")
    return styled("citaat", inner, "figure", f' data-excerpt="{html.escape(ex.key)}"')


def rights_html(src) -> str:
    """Under a quotation: the source's licence, where it can be found, and, for a text that is not openly
    licensed, that it is quoted under the Dutch citaatrecht and not covered by the workbook's own licence
    (CC BY 4.0 for texts, README and LICENSE); literature brief § 7."""
    parts = [html.escape(src.licence)]
    if src.url:
        url = html.escape(src.url)
        parts.append(f'bron: <a href="{url}" target="_blank" rel="noopener" style="color:inherit">{url}</a>')
    if not src.licence.startswith("CC "):
        parts.append("valt niet onder de licentie van dit werkboek")
    return "; ".join(parts) + "."


def term_html(key: str) -> str:
    try:
        c = content()
        t = c.term(key)
    except ContentError as exc:
        return error_html(str(exc))
    see = ", ".join(html.escape(c.terms[s].term) for s in t.see)
    extra = f"<br><small>Zie ook: {see}</small>" if see else ""
    return styled("begrip", f"<b>{html.escape(t.term)}</b> — {html.escape(t.definition)}{extra}", "div",
                  f' id="begrip-{t.id}"')


#: The glossary's summary line; the list itself is closed. Notebook 00 tells the student not to read it now but to
#: come back for a word; open, its 24 terms were some ten screens of a phone (390 px) between the questions of § 3
#: and the export at the end (a teacher's reading of 00).
GLOSSARY_SUMMARY = "Begrippenlijst: {n} begrippen"  # + the kit's "(klik om te openen)" while it is closed


def glossary_html() -> str:
    """Every term of the glossary, in alphabetical order, in a closed box that opens with a click."""
    c = content()
    terms = sorted(c.terms.values(), key=lambda t: t.term.lower())
    return (f'<details class="wakker-begrippenlijst"><summary style="cursor:pointer;font-weight:600;margin:.3em 0">'
            f"{GLOSSARY_SUMMARY.format(n=len(terms))}{summary_hint_html()}</summary>"
            f"{''.join(term_html(t.id) for t in terms)}</details>")


def map_html() -> str:
    c = content()
    cell = lambda inner, tag="td": styled("kaart-cel", inner, tag)  # noqa: E731
    rows = [cell("nr", "th") + cell("notebook", "th") + cell("bron", "th") + cell("status", "th")]
    for nb in c.notebooks.values():
        src = c.sources[nb.source].title.split(" — ")[0] if nb.source else "—"
        ready = nb.status == "klaar"
        title = (f'<a href="{html.escape(nb.file)}" style="color:inherit;text-decoration:underline">'
                 f"<b>{html.escape(nb.title)}</b></a>" if ready else html.escape(nb.title))
        # on one line: at 1400 px the column of sources took the width and '✓' stood above 'klaar'
        status = ('<span style="color:#2d6a4f;font-weight:600;white-space:nowrap">✓ klaar</span>' if ready
                  else '<span style="opacity:.7;white-space:nowrap">in voorbereiding</span>')
        rows.append(cell(f"<code>{html.escape(nb.id[:2])}</code>") + cell(title) + cell(html.escape(src)) + cell(status))
    return styled("kaart", "".join(f"<tr>{r}</tr>" for r in rows), "table")
