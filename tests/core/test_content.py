"""The content files load, validate, and fail with a Dutch message naming file and id."""
from pathlib import Path
import shutil

import pytest

from wakker.core.content import MAX_EXCERPT_WORDS, ContentError, content, data_dir, load

REQUIRED_TERMS = ["leefwereld", "systeemwereld", "meervoudigheid", "wakkere-gemeenschap", "werkvonk",
                  "intelligent-aanmodderen", "vierde-orde-leider", "terreinknecht", "commons",
                  "sociaal-domein", "discretionaire-ruimte"]
NOTEBOOKS = ["00_start", "01_boek_inleiding", "02_boek_deel1_de_vonk_in_jezelf", "03_boek_deel2_de_straat_op",
             "04_boek_deel3_vierde_orde_leiders", "05_meetup_vertrouwen_2013",
             "06_regio_zwolle_sociale_innovatie_2016", "07_blog_vertrouwen_prisoners_dilemma",
             "08_vertrouwen_moet_je_leren_2021", "09_docent"]


def test_real_content_loads():
    c = content()
    assert set(c.sources) == {"boek-werkvonken", "meetup-vertrouwen-2013", "regio-zwolle-2016",
                              "blog-vertrouwen", "vertrouwen-leren-2021"}
    assert {s.kind for s in c.sources.values()} == {"book", "meetup report", "blog", "essay"}
    for term in REQUIRED_TERMS:
        assert c.term(term).definition
    assert list(c.notebooks) == NOTEBOOKS


def test_every_notebook_marked_ready_exists():
    root = data_dir().parent / "notebooks"
    for nb in content().notebooks.values():
        assert (root / nb.file).exists() == (nb.status == "klaar"), nb.id


def test_excerpts_short_and_book_within_budget():
    c = content()
    assert all(e.words <= MAX_EXCERPT_WORDS for e in c.excerpts.values())
    book = sum(e.words for e in c.excerpts.values() if e.source == "boek-werkvonken")
    assert book <= 2000


def test_excerpt_lookup():
    c = content()
    e = c.excerpt("boek-werkvonken:wakkere-mensen")
    assert c.excerpt("wakkere-mensen") is e
    with pytest.raises(ContentError, match="Onbekend citaat"):
        c.excerpt("bestaat-niet")


@pytest.fixture
def copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unknown_source_file_named(copy):
    (copy / "excerpts" / "onbekend.yaml").write_text("- id: x\n  location: y\n  text: z\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"excerpts/onbekend\.yaml.*onbekende bron 'onbekend'"):
        load(copy)


def test_duplicate_excerpt_id_named(copy):
    _append(copy / "excerpts" / "blog-vertrouwen.yaml", "- id: wat-is-vertrouwen\n  location: a\n  text: b\n")
    with pytest.raises(ContentError, match=r"blog-vertrouwen\.yaml: id 'wat-is-vertrouwen' komt twee keer voor"):
        load(copy)


def test_empty_text_named(copy):
    _append(copy / "excerpts" / "blog-vertrouwen.yaml", "- id: leeg\n  location: a\n  text: '  '\n")
    with pytest.raises(ContentError, match=r"id 'leeg': veld 'text'"):
        load(copy)


def test_long_text_named(copy):
    words = " ".join(["woord"] * (MAX_EXCERPT_WORDS + 1))
    _append(copy / "excerpts" / "blog-vertrouwen.yaml", f"- id: lang\n  location: a\n  text: {words}\n")
    with pytest.raises(ContentError, match=r"id 'lang': citaat is 121 woorden"):
        load(copy)


def test_malformed_yaml_named(copy):
    (copy / "glossary.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"glossary\.yaml: geen geldige YAML"):
        load(copy)


def test_unknown_glossary_reference(copy):
    _append(copy / "glossary.yaml", "- id: nieuw\n  term: nieuw\n  definition: iets\n  see: [bestaat-niet]\n")
    with pytest.raises(ContentError, match=r"'nieuw': verwijst naar onbekend begrip 'bestaat-niet'"):
        load(copy)


def test_bad_notebook_status(copy):
    text = (copy / "notebooks.yaml").read_text(encoding="utf-8").replace("  status: klaar", "  status: af", 1)
    (copy / "notebooks.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"notebooks\.yaml, id '00_start': status 'af'"):
        load(copy)


def test_every_ready_notebook_names_its_lesson_package():
    from importlib.util import find_spec

    ready = [nb for nb in content().notebooks.values() if nb.ready]
    assert ready and all(nb.lesson for nb in ready)
    for nb in ready:
        assert find_spec(f"wakker.lessons.{nb.lesson}") is not None, nb.id


def test_ready_notebook_without_lesson_is_refused(copy):
    text = (copy / "notebooks.yaml").read_text(encoding="utf-8").replace("  lesson: start\n", "", 1)
    (copy / "notebooks.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"id '00_start': een notebook dat klaar is, noemt zijn les"):
        load(copy)


def test_lesson_name_must_be_a_package_name(copy):
    text = (copy / "notebooks.yaml").read_text(encoding="utf-8").replace("  lesson: start\n", "  lesson: Start-les\n", 1)
    (copy / "notebooks.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"les 'Start-les' moet een naam in kleine letters"):
        load(copy)


def test_an_excerpt_can_name_its_speaker_and_an_attribution_note(copy):
    from wakker.ui.page import quote_html

    c = content()
    harmsen = c.excerpt("meetup-vertrouwen-2013:terreinknecht")
    assert harmsen.speaker and harmsen.speaker.startswith("Judith Harmsen")
    shown = quote_html("meetup-vertrouwen-2013:terreinknecht")
    assert "— Judith Harmsen (directeur gemeente Berkelland), zoals weergegeven in: Petra Kroon &amp; Christine Kuiper" in shown
    pull = quote_html("regio-zwolle-2016:sneller-dan-bestuurders")
    assert "zonder naam van een spreker" in pull and "Engbert Breuker" in pull


def test_author_and_speaker_together_are_refused(copy):
    _append(copy / "excerpts" / "blog-vertrouwen.yaml",
            "- id: beide\n  location: a\n  text: b\n  author: X\n  speaker: Y\n")
    with pytest.raises(ContentError, match=r"id 'beide': geef 'author' \(schreef het\) of 'speaker'"):
        load(copy)
