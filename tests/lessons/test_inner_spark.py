"""The lesson ``inner_spark`` (notebook 02): its data, each exercise (saves, restores, scores as the
notebook says, survives bad input), what the notebook text claims, and the lesson contract."""
from __future__ import annotations

import html
import json
import re
import shutil

import pytest
import yaml

import lesson_contract as C
from wakker import ui
from wakker.core.content import load
from wakker.core.data import ContentError, lesson_dir
from wakker.core.journal import Journal
from wakker.lessons import inner_spark as lesson
from wakker.lessons.inner_spark import data, texts

NOTEBOOK = "02_boek_deel1_de_vonk_in_jezelf"
PATH = C.notebook_path(NOTEBOOK)


@pytest.fixture
def page(tmp_path):
    return ui.Page(NOTEBOOK, journal=Journal(tmp_path / "j.sqlite"))


def restart(page):
    ui.flush()
    return ui.Page(NOTEBOOK, journal=Journal(page.journal.path))


def notebook_text() -> str:
    nb = json.loads(PATH.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    return re.sub(r'"\s*\n\s*"', "", text)


@pytest.fixture
def data_copy(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(C.REPO / "data", root)
    return root


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "inner_spark"
    assert lesson_dir("inner_spark", C.REPO / "data").is_dir()


# ---------------------------------------------------------------- data
def test_every_data_file_reads_and_fits():
    root = C.REPO / "data"
    spheres = data.load_spheres(root)
    assert [c.id for c in spheres.categories] == ["rood", "blauw", "groen"]
    assert 10 <= len(spheres.items) <= 14  # "about a dozen"
    assert any(i.ambiguous for i in spheres.items)
    drama = data.load_drama(root)
    assert all(t.speaker for t in drama.items)
    chapters = data.load_chapters(root)
    assert [c.number for c in chapters] == list(range(1, 11))
    parties = data.load_parties(root)
    assert [p.id for p in parties] == ["bewoners", "winkeliers", "beperking", "gemeente"]
    excerpts = load(root).excerpts
    assert all(p.excerpt in excerpts for p in parties)


def test_chapter_titles_are_the_books_table_of_contents():
    """The ten titles are the book's own (as in the table of contents of the source)."""
    toc = ["Inwoners ontwikkelen zelf hun buurt in Schiedam", "Oversteken naar de leefwereld",
           "Vermenigvuldigen in meervoudigheid", "Je verlangen volgen", "Realiseren van je context: who else?",
           "Rekenschap vragen over eigenaarschap", "Aanleren van zelfleren", "Creatief uit de dramadriehoek stappen",
           "Bewegen in generatief bewustzijn", "Klokkijken in een meervoudige tijd"]
    assert [c.title for c in data.load_chapters(C.REPO / "data")] == toc
    # a gloss of a chapter whose text is not in the source says it is our reading; so does chapter 1,
    # a case that the workbook turns into a spark (the book's sparks are chapters 2-10)
    for c in data.load_chapters(C.REPO / "data"):
        assert (c.seed and c.number != 1) or c.gloss.startswith("Wij lezen"), c.id
    assert "casus" in data.load_chapters(C.REPO / "data")[0].gloss


@pytest.mark.parametrize("name, edit, words", [
    ("spheres.yaml", lambda d: d["items"][0].update(accepted=["paars"]), "accepted"),
    ("spheres.yaml", lambda d: d["items"].append(dict(d["items"][0])), "twee keer"),
    ("drama.yaml", lambda d: d["roles"].pop(), "aanklager, redder en slachtoffer"),
    ("spark.yaml", lambda d: d["chapters"].pop(), "1 tot en met 10"),
    ("value_map.yaml", lambda d: d["parties"][0].pop("name"), "'name'"),
])
def test_a_broken_data_file_is_a_dutch_error_naming_the_file(data_copy, name, edit, words):
    path = data_copy / "lessons" / "inner_spark" / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    loader = {"spheres.yaml": data.load_spheres, "drama.yaml": data.load_drama, "spark.yaml": data.load_chapters,
              "value_map.yaml": data.load_parties}[name]
    with pytest.raises(ContentError, match=re.escape(words)) as err:
        loader(data_copy)
    assert name in str(err.value)


# ---------------------------------------------------------------- rood, blauw, groen
def test_spheres_game_scores_as_the_text_says_and_restores(page):
    game = lesson.spheres_game(page)
    items = {i.id: i for i in data.spheres().items}
    game.set_answer("vergunning", "blauw")  # a doubt case: permits are red, the APV (a verordening) is blue
    game.set_answer("subsidie", "groen")  # subsidy is a system-world pattern, not green
    game.set_answer("buurtbudget", "blauw")  # a doubt case: blue and green both count
    value = game.check()
    assert value["score"] == 2 and value["answered"] == 3 and value["total"] == len(items)
    # the key is the workbook's reading with the authors' spheres, not a sorting the authors made
    assert "wij delen dit, met de sferen van de auteurs, in bij Blauw" in game.feedback["subsidie"].value
    assert "volgens de indeling van de auteurs" not in game.feedback["subsidie"].value
    assert "rode en blauwe wereld" in game.feedback["subsidie"].value  # what the book says about subsidy
    assert "Te verdedigen" in game.feedback["vergunning"].value and "APV" in game.feedback["vergunning"].value
    assert "Te verdedigen" in game.feedback["buurtbudget"].value
    assert page.journal.latest(NOTEBOOK, "sfeer-sorteren").kind == "sorting"
    again = lesson.spheres_game(restart(page))
    assert again.answers() == value["answers"] and "✗" in again.feedback["subsidie"].value


def test_sorting_feedback_does_not_repeat_the_colour_the_widget_names():
    for item in data.spheres().items:
        assert not item.feedback.split()[0].strip(".:,") in ("Rood", "Blauw", "Groen"), item.id


def test_doubt_case_feedback_does_not_repeat_the_kit_line():
    """The kit says '✓ Te verdedigen: hier zijn … allebei te lezen'; the case's feedback explains why, once."""
    for content in (data.spheres(), data.drama()):
        doubts = [item for item in content.items if len(item.accepted) > 1]
        assert doubts
        for item in doubts:
            assert not item.feedback.lower().startswith("twijfelgeval"), item.id


def test_choices_without_controleer_survive_a_restart_in_both_sorting_exercises(page):
    """Finding 1 of the review: a choice (or a change after Controleer) is saved without a new check."""
    game = lesson.spheres_game(page)
    game.set_answer("koffie", "blauw")
    game.check()
    game.set_answer("koffie", "groen")  # changed after Controleer, not checked again
    dt = lesson.drama_triangle(page)
    dt.game.set_answer("beurt-1", "aanklager")  # never checked
    again = restart(page)
    assert lesson.spheres_game(again).answers() == {"koffie": "groen"}
    dt2 = lesson.drama_triangle(again)
    assert dt2.game.answers() == {"beurt-1": "aanklager"} and dt2.game.feedback["beurt-1"].value == ""
    assert "Ria" in dt2.switches.value and "nog niet gecontroleerd" in dt2.game.status.value


def test_both_sorting_exercises_show_their_categories_without_a_mouse(page):
    """Tooltips need a mouse: the short text of every sphere and role is on the page (U3)."""
    spheres, roles = lesson.spheres_game(page), lesson.drama_triangle(page).game
    for game, content in ((spheres, data.spheres()), (roles, data.drama())):
        for cat in content.categories:
            assert cat.short in game.intro.value, cat.id
        assert "muis" not in game.intro.value


def test_spheres_game_survives_a_damaged_saved_value(page):
    page.save_value("sfeer-sorteren", {"answers": {"vergunning": "paars", "nergens": "rood"}}, kind="sorting")
    assert lesson.spheres_game(page).answers() == {}


# ---------------------------------------------------------------- own instruments
def test_instruments_flag_red_and_blue_where_they_touch_the_initiative(page):
    mine = lesson.my_instruments(page)
    assert "Nog geen ontmoetingspunt" in mine.flags.value
    mine.initiative.value = "de moestuin"
    mine.set(1, "Subsidieaanvraag", "blauw", True)
    mine.set(2, "Huisbezoek", "groen", True)
    mine.set(3, "Handhaving", "rood", False)  # does not touch: no flag
    mine.set(4, "Keukentafelgesprek", None, True)  # no sphere yet: named, not flagged
    kinds = [k for k, _ in lesson.instrument_flags(mine.value())]
    assert kinds == ["flag", "green", "missing"]
    # a green instrument of the student's own organisation gets a question, not an approval
    green = dict(lesson.instrument_flags(mine.value()))["green"]
    assert not green.startswith("✓") and "?" in green and "systeemwereld" in green
    assert "⚑" in mine.flags.value and "Subsidieaanvraag" in mine.flags.value and "de moestuin" in mine.flags.value
    assert "Handhaving" not in mine.flags.value and "Keukentafelgesprek" in mine.flags.value
    again = lesson.my_instruments(restart(page))
    assert again.value() == mine.value() and "⚑" in again.flags.value


def test_instruments_survive_bad_saved_values(page):
    page.save_value("eigen-instrumenten", {"initiatief": 5, "instrumenten": [None, {"tekst": "<b>x</b>",
                                           "sfeer": "paars", "raakt": "ja"}, 3]}, kind="instrumenten")
    mine = lesson.my_instruments(page)
    assert mine.initiative.value == "" and mine.names[1].value == "<b>x</b>" and mine.spheres[1].value is None
    assert mine.touches[1].value is False and "<b>x</b>" not in mine.flags.value  # escaped
    page.save_value("eigen-instrumenten", "iets anders", kind="instrumenten")
    odd = lesson.my_instruments(page)
    assert "iets anders" in odd.message.value and odd.names[0].value == ""


# ---------------------------------------------------------------- value map
def test_value_map_quotes_each_party_and_saves_what_it_gives(page):
    vm = lesson.value_map(page)
    assert "0 van de 5 partijen ingevuld" in vm.map.value
    assert "Het veiligheidsgevoel neemt toe." in vm.map.value  # the website's own words, quoted
    vm.gives["gemeente"].value = "ruimte en geduld"
    vm.missing_name.value = "de woningcorporatie"
    vm.missing_gives.value = "een lage huur"
    assert "2 van de 5 partijen ingevuld" in vm.map.value and "de woningcorporatie *" in vm.map.value
    again = lesson.value_map(restart(page))
    assert again.gives["gemeente"].value == "ruimte en geduld" and again.missing_name.value == "de woningcorporatie"


def test_the_extra_party_fields_have_visible_labels(page):
    """Placeholders disappear once filled in: each field has a label on the page (U2)."""
    vm = lesson.value_map(page)
    box = next(b for b in vm.box.children if "wakker-partij-ontbreekt" in b._dom_classes)
    shown = " ".join(getattr(c, "value", "") for c in box.children if c.__class__.__name__ == "HTML")
    for label in (texts.MISSING_NAME, texts.MISSING_GETS, texts.MISSING_GIVES):
        assert label in shown


def test_value_map_survives_bad_saved_values(page):
    page.save_value("buurtvrouw-kaart", {"geeft": {"gemeente": ["x"], "bewoners": "<script>"},
                                         "ontbreekt": "kapot"}, kind="waardenkaart")
    vm = lesson.value_map(page)
    assert vm.gives["gemeente"].value == "" and vm.gives["bewoners"].value == "<script>"
    assert "<script>" not in vm.map.value and vm.missing_name.value == ""


# ---------------------------------------------------------------- my spark
def test_my_spark_saves_ten_kit_choices_and_draws_them(page):
    spark = lesson.my_spark(page)
    assert len(spark.questions) == 10 and "Nog niet gekozen: 10 van de 10." in spark.chart.value
    spark.choose("vonk-04", "al")
    spark.choose("vonk-08", "proberen")
    spark.choose("vonk-02", "proberen")
    assert "Dit doe ik al: 1" in spark.chart.value and "Dit wil ik proberen: 2" in spark.chart.value
    assert "8. Creatief uit de dramadriehoek stappen" in spark.chart.value
    # the question is asked once above the ten titles; each title is the (bold) question of its row
    shown = " ".join(getattr(c, "value", "") for c in spark.box.children if hasattr(c, "value"))
    assert shown.count(texts.SPARK_PROMPT) == 1
    q5 = spark.questions["vonk-05"].box.head
    assert "Hoofdstuk 5 · Realiseren van je context: who else?" in q5 and "?." not in q5
    # the gloss is in plain type under the title, in the same widget (no widget of its own, no change after)
    gloss = next(c.gloss for c in spark.chapters if c.id == "vonk-05")
    assert html.escape(gloss) in q5 and spark.questions["vonk-05"].box.kind == "choice"
    entry = page.journal.latest(NOTEBOOK, "vonk-08")
    assert entry.kind == "choice" and entry.value["selected"] == ["proberen"]
    assert "Creatief uit de dramadriehoek stappen" in entry.prompt  # the chapter is part of the saved question
    again = lesson.my_spark(restart(page))
    assert again.choices()["vonk-08"] == "proberen" and "Dit wil ik proberen: 2" in again.chart.value


def test_my_spark_survives_a_damaged_saved_value(page):
    page.save_value("vonk-03", {"selected": ["bestaat-niet"]}, kind="choice")
    spark = lesson.my_spark(page)
    assert spark.choices()["vonk-03"] is None and "Nog niet gekozen: 10 van de 10." in spark.chart.value


# ---------------------------------------------------------------- the drama triangle
def test_drama_switches_follow_the_labels():
    turns = data.drama().items
    ours = {t.id: t.accepted[0] for t in turns}
    paths = lesson.role_paths(turns, ours)
    # with our reading every speaker switches at least once (the notebook's reveal says everyone switches)
    assert all(lesson.switch_count(p) >= 1 for p in paths.values()), paths
    assert [r for _n, r in paths["Karim"]] == ["aanklager", "slachtoffer"]
    same = {t.id: "redder" for t in turns}
    assert all(lesson.switch_count(p) == 0 for p in lesson.role_paths(turns, same).values())
    assert lesson.switch_count([(1, "redder"), (3, "slachtoffer"), (5, "redder")]) == 2


def test_drama_triangle_scores_saves_and_draws(page):
    dt = lesson.drama_triangle(page)
    shown = [i.id for i in dt.game.shown]
    assert shown == [t.id for t in data.drama().items]  # the dialogue stays in order
    assert "Ria: ‘Niemand helpt" in dt.game.box.children[1].children[0].value
    assert "Kies bij de beurten een rol" in dt.switches.value
    dt.game.set_answer("beurt-3", "aanklager")
    dt.game.set_answer("beurt-6", "slachtoffer")
    assert "<svg" in dt.switches.value and "3→6" in dt.switches.value and "<b>1</b> wissel" in dt.switches.value
    dt.game.set_answer("beurt-5", "aanklager")  # a doubt case: redder and aanklager both count
    dt.game.set_answer("beurt-2", "slachtoffer")
    value = dt.game.check()
    assert value["score"] == 3 and value["answered"] == 4
    assert "wij lezen hier Redder" in dt.game.feedback["beurt-2"].value
    again = lesson.drama_triangle(restart(page))
    assert again.game.answers() == value["answers"] and "3→6" in again.switches.value


def test_drama_triangle_survives_a_damaged_saved_value(page):
    page.save_value("drama-rollen", {"answers": {"beurt-1": 7, "beurt-2": "redder"}, "checked": True}, kind="sorting")
    dt = lesson.drama_triangle(page)
    assert dt.game.answers() == {"beurt-2": "redder"} and "Sanne" in dt.switches.value


def test_exercises_on_a_broken_page_show_a_message(tmp_path):
    bad = ui.Page("bestaat_niet", journal=Journal(tmp_path / "j.sqlite"))
    for widget in (lesson.spheres_game(bad), lesson.my_instruments(bad), lesson.value_map(bad),
                   lesson.drama_triangle(bad).game):
        assert "⚠" in widget.box.children[0].value


# ---------------------------------------------------------------- the notebook's text
def test_notebook_says_what_the_source_holds_and_attributes_with_care():
    text = notebook_text()
    assert "De hoofdstukken 3 tot en met 10 kennen wij alleen van hun titel" in text  # S5
    assert "Karpman" in text and "1968" in text
    assert "TED&#42;" in text and "beschermde merken" in text
    for name in ("Creator", "Challenger", "Coach"):  # Emerald's trademarked role names are not used
        assert name not in text
    assert "verzonnen en komt niet uit het boek" in text
    # review of 2 Dec 2026: attributions as the source has them
    assert "De drie sferen nemen ze over van\nSchmitz" in text  # green is Schmitz's too (after Cornelis)
    assert "vertrouwen én wantrouwen, betrokkenheid én uitsluiting" in text  # both sides of the life world
    assert "op zijn minst één reden" in text.lower() and "Ze noemen één reden" not in text  # 'al was het maar'
    assert "'ook en vooral'" in text  # structure is not dropped
    assert "aan de hand van sprookjes" in text and "Hij zag in gesprekken" not in text  # Karpman, as the brief has it
    assert "publiek domein" in text and "openbaar domein" in text and "hier juist\nniet" in text
    assert "of zij Emerald noemen, weten wij niet" in text
    assert "De auteurs delen deze\ninstrumenten zelf niet in" in text
    # review of 4 Dec 2026, against Deel 1's opening and chapters 1-2
    assert "eerst aan zichzelf" not in text  # the book: no one-off preparation, inner work goes on every day
    assert "nooit mee klaar" in text
    assert "patronen werken" not in text  # not working *from* one's patterns, but aware of them
    assert "helder besef van je eigen verlangens, je motivatie en je patronen" in text
    assert "gesprek met de\ninitiatiefneemster" not in text  # the source breaks off at the contact
    assert "daar breekt onze bron af" in text
    assert "Groen is dus niet vanzelf" not in text and "Wij lezen daarin: groen is niet vanzelf" in text  # our gloss
    assert "die grens is volgens ons niet scherp" in text  # the closing: the green border is our reading
    assert "verstoren dan helpen" not in text and "vooral verstorend" in text  # not softer than the book
    assert "die indruk leidt tot ten minste twee misverstanden" in text  # the image the names create, as the book says
    # every reflection the teacher box compares or grades exists in the notebook
    plan = yaml.safe_load((lesson_dir("inner_spark", C.REPO / "data") / "in_de_les.yaml").read_text("utf-8"))
    assert f'"{plan["rubric"]["question"]}"' in text
    for qid in ("sfeer-sorteren", "eigen-instrumenten", "sferen-ontmoeting", "misverstand-voorspelling",
                "werkdruk-kritisch", "vonk-plan", "drama-herschreven", "afsluiting-praktijk"):
        assert qid in " ".join(plan["compare"] + [s for sess in plan["sessions"] for _m, s in sess["plan"]]) or \
            qid in text, qid


def test_the_glossary_does_not_give_away_the_drama_exercise():
    """Lesson guide L3: the term 'dramadriehoek' says the drama is in the switches; shown next to the
    exercise it would answer the observation question before the student writes it. It comes after § 6."""
    text = notebook_text()
    assert text.index('nb.term("dramadriehoek")') > text.index('"drama-herschreven"')


def test_the_claim_question_is_not_answered_above_it():
    """L3: 'geen onderzoeksrapport' answers the question 'buurtvrouw-claim'; it belongs in its feedback,
    not in the text the student reads before choosing."""
    text = notebook_text()
    assert text.index("geen onderzoeksrapport") > text.index('"buurtvrouw-claim"')


def test_quotations_of_this_notebook_stay_within_its_budget():
    excerpts = load(C.REPO / "data").excerpts
    used = {k for _kind, k, *_ in C.used_keys(PATH) if _kind == "quote"} | {p.excerpt for p in data.parties()}
    assert sum(excerpts[k].words for k in used) <= 450


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="inner_spark")
    assert not problems, C.report(problems)


def test_saved_values_read_as_plain_dutch_in_the_portfolio(page):
    from wakker.core.portfolio import describe, is_answer

    mine = lesson.my_instruments(page)
    mine.initiative.value = "de moestuin"
    mine.set(1, "Subsidieaanvraag", "blauw", True)
    text = describe(mine.value(), "instrumenten", NOTEBOOK)
    assert "Groen initiatief: de moestuin." in text and "• Subsidieaanvraag: Blauw, raakt het initiatief" in text
    vm = lesson.value_map(page)
    vm.gives["gemeente"].value = "ruimte"
    assert "• De gemeente, moet zelf geven of doen: ruimte" in describe(vm.value(), "waardenkaart", NOTEBOOK)
    game = lesson.spheres_game(page)
    game.set_answer("vergunning", "rood")
    game.check()
    text = describe(game.value(), "sorting", NOTEBOOK)
    assert text.startswith("1 van de 1 goed (nog 11 niet ingedeeld). Gekozen:")
    assert "• Een vergunning voor een straatfeest" in text and "→ Rood" in text and "vergunning →" not in text
    game.set_answer("koffie", "groen")  # not checked again: the portfolio says so
    assert "(nog niet gecontroleerd)" in describe(game.value(), "sorting", NOTEBOOK)
    dt = lesson.drama_triangle(page)
    dt.game.set_answer("beurt-5", "redder")
    dt.game.check()
    text = describe(dt.game.value(), "sorting", NOTEBOOK)
    assert "• Beurt 5 (Sanne: ‘" in text and "→ Redder" in text and "beurt-5" not in text
    seed = page.journal.latest(NOTEBOOK, "sfeer-sorteren-volgorde")
    assert seed.kind == "volgorde" and not is_answer(seed)  # the shuffle seed is not shown as an answer
