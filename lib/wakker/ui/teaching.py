"""The teacher's box "In de les": a closed <details> block, so a student can skip it."""
from __future__ import annotations

import html

from ..core.data import ContentError
from ..core.teaching import lesson_plan
from .style import error_html

HEADINGS = {
    "pairs": "In tweetallen en groepjes",
    "plenary": "Plenair",
    "watch": "Let op",
    "compare": "Antwoorden om te vergelijken (in notebook 09, uit de ingeleverde exports)",
}
STYLE = ("margin:.6em 0 1em 0;padding:.5em .9em;border:1px dashed rgba(128,128,128,.6);border-radius:6px;"
         "max-width:52em;line-height:1.45")


RUBRIC_HEADING = "Rubric voor een reflectie"
RUBRIC_QUESTION = "Voor de vraag <code>{question}</code>."
NO_RUBRIC = "Voor deze les is nog geen rubric gemaakt."


def rubric_html(rubric) -> str:
    """A rubric (:class:`wakker.core.teaching.Rubric`) as a table: one row per criterion, one column per level;
    ``None`` gives a short Dutch note instead."""
    if rubric is None:
        return f"<p><i>{NO_RUBRIC}</i></p>"
    esc = html.escape
    cell = "padding:.25em .6em;border:1px solid rgba(128,128,128,.4);vertical-align:top;text-align:left"
    rows = "".join(f'<tr><th scope="row" style="{cell}">{esc(c.name)}</th>'
                   + "".join(f'<td style="{cell}">{esc(level)}</td>' for level in c.levels) + "</tr>"
                   for c in rubric.criteria)
    return (f'<p style="margin:.2em 0">{RUBRIC_QUESTION.format(question=esc(rubric.question))}</p>'
            f'<div style="overflow-x:auto"><table class="wakker-rubric" style="border-collapse:collapse">'
            f"<caption style=\"position:absolute;left:-9999px\">Rubric</caption>{rows}</table></div>")


def in_de_les_html(lesson: str | None) -> str:
    """The box for ``lesson``; a Dutch error box when its plan is missing or malformed."""
    if not lesson:
        return error_html("Dit notebook hoort (nog) niet bij een les met een lesplan.")
    try:
        plan = lesson_plan(lesson)
    except ContentError as exc:
        return error_html(str(exc))
    esc = html.escape
    parts = []
    for s in plan.sessions:
        # text-align: JupyterLab right-aligns the cells of a table in an output; a plan is text
        rows = "".join(f'<tr><td style="padding:.1em .8em .1em 0;white-space:nowrap;vertical-align:top;'
                       f'text-align:left">{m} min</td><td style="padding:.1em 0;vertical-align:top;'
                       f'text-align:left">{esc(t)}</td></tr>' for m, t in s.plan)
        # a name that already gives the time ("Les 1 (90 minuten)") does not get it twice
        time = "" if "minuten" in s.name else f" — {s.minutes} minuten"
        parts.append(f"<h4 style=\"margin:.6em 0 .2em 0\">{esc(s.name)}{time}</h4>"
                     f'<table class="wakker-lesplan" style="border-collapse:collapse"><caption style="position:absolute;left:-9999px">'
                     f"Lesplan {esc(s.name)}</caption>{rows}</table>")
    for key, heading in HEADINGS.items():
        items = getattr(plan, key)
        if items:
            lis = "".join(f"<li>{esc(x)}</li>" for x in items)
            parts.append(f'<h4 style="margin:.6em 0 .2em 0">{heading}</h4><ul style="margin:.2em 0">{lis}</ul>')
    if plan.rubric is not None:
        parts.append(f'<h4 style="margin:.6em 0 .2em 0">{RUBRIC_HEADING}</h4>{rubric_html(plan.rubric)}')
    return (f'<details class="wakker-in-de-les" style="{STYLE}"><summary style="cursor:pointer;font-weight:600">'
            f"In de les (voor de docent)</summary>{''.join(parts)}</details>")
