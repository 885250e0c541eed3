"""The glossary of notebook 00 (wakker.ui.page.glossary_html): every term, in a box that is closed until clicked.

00 tells the student not to read the list now but to come back for a word; open, its terms were some ten screens of a
phone between the questions and the export (a teacher's reading of 00 at 390 px)."""
from __future__ import annotations

import re

from wakker.core.content import content
from wakker.ui import style as ui_style
from wakker.ui.page import glossary_html


def test_the_glossary_is_closed_and_holds_every_term_in_order():
    shown = glossary_html()
    terms = sorted(content().terms.values(), key=lambda t: t.term.lower())
    opening = re.match(r"<details ([^>]*)><summary[^>]*>(.*?)</summary>", shown)
    assert opening and "open" not in opening.group(1).split("class=")[0] and " open" not in opening.group(1)
    assert opening.group(2) == f'Begrippenlijst: {len(terms)} begrippen <span class="wakker-klik">(klik om te openen)</span>'
    # the stylesheet hides '(klik om te openen)' once the box is open
    assert "details[open] > summary .wakker-klik {display: none" in ui_style.KIT_CSS
    assert shown.endswith("</details>")
    assert re.findall(r'id="begrip-([^"]+)"', shown) == [t.id for t in terms]  # each once, alphabetical
