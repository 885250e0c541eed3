"""The kit's front end after a teacher's review: the scroll hint on a phone only where a box really scrolls."""
from wakker.ui import style


def test_a_scroll_hint_is_hidden_on_a_phone_where_nothing_below_it_is_too_wide():
    """A teacher's review: the line "↔ Schuif ... opzij" (class wakker-schuif-hint) showed at every width up to
    640 px, also where the ranking, heat map or table under it fit. The stylesheet still shows it on a narrow
    screen, but the kit's code hides it again (class wakker-schuif-past) once it has measured that no box after it
    is wider than its column, each time the page has been still for a moment and after a resize. (In the browser:
    tests/browser/test_nb00_browser.py, a box too wide and one that fits.)"""
    css = style.KIT_CSS
    narrow = css[css.index("@media (max-width: 640px)"):]
    assert ".wakker-schuif-hint { display: block !important; }" in narrow
    assert ".wakker-schuif-hint.wakker-schuif-past { display: none !important; }" in narrow
    assert "wakker-schuif-past" not in css[:css.index("@media (max-width: 640px)")]  # wide: hidden by its own style
    esm = style.front_end_esm()
    assert "function scrollHints()" in esm and "classList.toggle('wakker-schuif-past', !wide)" in esm
    scroll_pass = esm[esm.index("const scroll = () => {"):]
    assert "scrollHints();" in scroll_pass[:scroll_pass.index("};")]  # measured in the pass after changes and resizes
