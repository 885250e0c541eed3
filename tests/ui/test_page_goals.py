"""The header's learning goals (wakker.ui.page): said once as "Na dit notebook kun je:", not "Je kunt" five times.

Every lesson's first cell lists what the student does in it ("In dit notebook / 1. speel je ..."), and the kit's goals
stand right under it. Five goals that each began with "Je kunt" read as a second copy of that list (a teacher's reading
of 00 and 07); with the opening words once, before the list, the goals read as where the activities lead."""
from __future__ import annotations

import html
import re

import pytest

from wakker.core.content import content
from wakker.core.journal import Journal


def _header(notebook: str, tmp_path) -> str:
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from wakker.ui.page import Page

    InteractiveShell.instance()
    with capture_output() as out:
        Page(notebook, journal=Journal(tmp_path / "j.sqlite"))._ipython_display_()
    return "".join(o.data.get("text/html", "") for o in out.outputs)


@pytest.mark.parametrize("notebook", [nb for nb, info in content().notebooks.items() if info.goals])
def test_every_header_says_the_goals_opening_once(notebook, tmp_path):
    shown = _header(notebook, tmp_path)
    goals = content().notebook(notebook).goals
    assert shown.count("Na dit notebook kun je:") == 1 and "<b>Leerdoelen.</b>" in shown
    items = re.findall(r"<li>(.*?)</li>", shown)
    assert len(items) == len(goals)
    for item, goal in zip(map(html.unescape, items), goals):
        assert "je kunt" not in item.lower(), item
        assert item[0].islower() or item[0] in "'‘" or item.startswith("Verdieping"), item
        # the goal itself, word for word, without its opening (a label before it stays)
        label, _, rest = item.rpartition(": ") if item.startswith("Verdieping") else ("", "", item)
        assert goal == (f"{label}: je kunt {rest}" if label else f"Je kunt {rest}"), (item, goal)
    # the goals come right after the heading, before anything else of the header
    assert shown.index("Na dit notebook kun je:") < shown.index("<li>")


def test_goals_that_do_not_all_start_with_je_kunt_are_shown_as_written():
    from wakker.ui.page import goals_html

    shown = goals_html(["Je kunt uitleggen wat een model weglaat.", "Weet wat een dagboek is."])
    assert "Na dit notebook" not in shown and "<li>Je kunt uitleggen wat een model weglaat.</li>" in shown
    assert "<b>Leerdoelen</b>" in shown
    assert goals_html([]) == ""
    assert "&lt;b&gt;" in goals_html(["Je kunt <b>vet</b> lezen."])  # escaped, as before
    assert "<li>Verdieping: een casus lezen.</li>" in goals_html(["Verdieping: je kunt een casus lezen."])
