"""Under every quotation: its licence (issue 9, finding 21; literature brief § 7)."""
from wakker import ui


def test_the_cc_by_report_shows_its_licence_and_link():
    html = ui.quote_html("meetup-vertrouwen-2013:terreinknecht")
    rights = html.split('class="wakker-citaat-rechten"', 1)[1]
    assert "CC BY (Creative Commons Naamsvermelding)" in rights
    assert 'href="https://www.kl.nl/nieuws/social-innovation-meetup-5-vertrouwen/"' in rights
    assert "niet onder de licentie" not in rights


def test_other_quotes_say_they_are_quoted_under_the_citaatrecht_and_not_under_the_workbooks_licence():
    for key in ("boek-werkvonken:wakkere-mensen", "regio-zwolle-2016:sneller-dan-bestuurders",
                "blog-vertrouwen:wat-is-vertrouwen", "vertrouwen-leren-2021:basis-van-vernieuwing"):
        rights = ui.quote_html(key).split('class="wakker-citaat-rechten"', 1)[1]
        assert "art. 15a Auteurswet" in rights and "valt niet onder de licentie van dit werkboek" in rights, key


def test_a_location_that_ends_in_a_question_mark_takes_no_full_stop_after_it():
    """01's reader saw '... oude wijn in nieuwe zakken?.' under a quotation; other captions keep their full stop."""
    def caption(key: str) -> str:
        return ui.quote_html(key).split("<figcaption", 1)[1].split('<div class="wakker-citaat-rechten"', 1)[0]

    assert caption("boek-werkvonken:mooi-praatje").endswith("oude wijn in nieuwe zakken?")
    assert caption("boek-werkvonken:wakkere-mensen").endswith(".")
