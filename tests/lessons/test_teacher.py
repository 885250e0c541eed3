"""Notebook 09 (for the teacher): collecting exports, the class overview, tournament, plans, links.

The class is made with the workbook's own export code (:func:`wakker.lessons.teacher.example.make_class`:
a journal per student, ``Journal.save`` and ``portfolio.export_files``); the overview's numbers are
checked against a direct count of the exported JSON, not against the overview's own code.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import teacher as lesson
from wakker.lessons.teacher import exports as X
from wakker.lessons.teacher import tables as O
from wakker.lessons.teacher import texts
from wakker.lessons.teacher import widgets as W
from wakker.lessons.teacher.example import make_class

NOTEBOOK = "09_docent"
NB04 = "04_boek_deel3_vierde_orde_leiders"
NB07 = "07_blog_vertrouwen_prisoners_dilemma"
ODD = ["Zoë d'Hondt-Ãlvarez", "  Jan   <b>Vet</b> ", "Ōmura 大 Ken", "Émile; \"de\" Baas", "Ann-Sophie van 't Hof"]


# ---------------------------------------------------------------- a class of 30, made once
@pytest.fixture(scope="module")
def klas(tmp_path_factory):
    """30 exports (5 odd names), one damaged, one duplicate name from another workbook, one future schema,
    one older export of the same student (same workbook), and a Markdown file."""
    folder = tmp_path_factory.mktemp("klas")
    names = ODD + [f"Student{i:02d} Achternaam{i:02d}" for i in range(25)]
    files = make_class(folder, n=30, seed=3, names=names)
    (folder / "zz-kapot.json").write_text(files[1].read_text(encoding="utf-8")[:500], encoding="utf-8")
    twin = make_class(folder / "tweede", n=1, seed=99, names=["Student03 Achternaam03"])[0]
    shutil.move(str(twin), folder / "zz-tweeling.json")
    shutil.rmtree(folder / "tweede")
    doc = json.loads(files[2].read_text(encoding="utf-8"))
    (folder / "zz-toekomst.json").write_text(json.dumps({**doc, "schema_version": 99, "student": "Toekomst Student"}),
                                             encoding="utf-8")
    older = json.loads(files[5].read_text(encoding="utf-8"))
    older["entries"] = older["entries"][: len(older["entries"]) // 2]
    (folder / "zz-ouder.json").write_text(json.dumps(older), encoding="utf-8")
    (folder / "portfolio.md").write_text("# geen export", encoding="utf-8")
    return folder, files, names


def _collect(folder, class_list="", anonymous=False):
    sources, error = X.folder_sources(folder)
    return X.collect(sources, class_list, anonymous, error)


def _current(path: Path) -> dict:
    """Direct count: the newest value per (notebook, question) of one export file, read as plain JSON."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for e in sorted(doc["entries"], key=lambda e: e["saved_at"]):
        out[(e["notebook"], e["question"])] = e
    return out


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "teacher"
    assert lesson_dir("teacher", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_collect_reads_skips_and_reports_conflicts(klas):
    folder, files, names = klas
    col = _collect(folder, class_list="\n".join(names[:10] + ["Niet Ingeleverd", "  zoe d'hondt-alvarez "]))
    skipped = dict(col.skipped)
    assert "portfolio.md" in skipped and "json" in skipped["portfolio.md"]
    assert "geen geldig JSON" in skipped["zz-kapot.json"]
    assert "nieuwere versie" in skipped["zz-toekomst.json"]
    assert len(col.students) == 31  # 30 + the twin from another workbook; the older export was merged
    assert "zz-ouder.json" in col.merged
    assert len(col.conflicts) == 1 and "Student03 Achternaam03" in col.conflicts[0]
    twins = [s for s in col.students if s.name == "Student03 Achternaam03"]
    assert len(twins) == 2 and len({s.label for s in twins}) == 2  # both kept, told apart
    # by a short label, not the file name (that is in the report only, next to the label)
    assert all(len(s.label) <= len("Student03 Achternaam03 (2)") for s in twins)
    assert all(f in col.conflicts[0] for s in twins for f in (s.label, s.files[0]))
    anon = _collect(folder, anonymous=True)
    assert len(anon.conflicts) == 1 and "dezelfde naam 'student" not in anon.conflicts[0]
    assert all(s.label in anon.conflicts[0] for s in anon.students if s.name == "Student03 Achternaam03")
    assert col.missing == ["Niet Ingeleverd"]  # case, accents and spaces do not count
    assert any(s.name == "Jan <b>Vet</b>" for s in col.students)
    shown = W.report_html(col)
    assert "<b>Vet</b>" not in shown and "Jan &lt;b&gt;Vet&lt;/b&gt;" in shown


def test_overview_numbers_match_a_direct_count(klas):
    folder, files, _ = klas
    col = _collect(folder)
    students = [s for s in col.students if s.files[0] != "zz-tweeling.json"]
    assert len(students) == 30
    only = X.Collection(students=students)
    current = [_current(f) for f in files]
    for nb in (NB04, NB07, "05_meetup_vertrouwen_2013"):
        ov = O.overview(only, nb)
        answered = dict(zip(ov.answered["id"], ov.answered["beantwoord"]))
        direct = Counter(q for cur in current for (n, q), e in cur.items() if n == nb and e["kind"] != "volgorde")
        assert answered == dict(direct), nb
        for qid in set(ov.choices["id"]):
            rows = ov.choices[ov.choices["id"] == qid]
            got = dict(zip(rows["antwoord"], rows["aantal"]))
            want = Counter()
            for cur in current:
                e = cur.get((nb, qid))
                if e is None:
                    continue
                if e["kind"] == "choice":
                    sel = e["value"]["selected"]
                    labels = [e["value"]["label"]] if len(sel) == 1 else e["value"]["label"].split("; ")
                    want.update(labels)
                else:
                    want[str(e["value"]["value"])] += 1
            got = {re.sub(r" \(.*\)$", "", k) if k[:1].isdigit() else k: v for k, v in got.items() if v}
            assert got == dict(want), (nb, qid)
            # the percentage says what it is a share of: of those who answered this question (counted from the files)
            share = texts.CHOICE_COLUMNS[4]
            assert "antwoordde" in share and set(rows["beantwoord"]) == {direct[qid]} and set(rows["van"]) == {30}
            assert list(rows[share]) == pytest.approx([round(100 * a / direct[qid], 1) for a in rows["aantal"]])
    # the sorting game: counts per activity, and the disagreement is the share outside the most chosen order
    ov = O.overview(only, NB04)
    from wakker.lessons.planning_machine.data import sorting

    text = {a.id: a.text for a in sorting().activities}
    for aid, name in text.items():
        orders = [cur[(NB04, "sorteerspel")]["value"]["answers"][aid] for cur in current if (NB04, "sorteerspel") in cur]
        row = ov.sorting[ov.sorting["activiteit"] == name].iloc[0]
        c = Counter(orders)
        assert [row[f"{o}e orde"] for o in (1, 2, 3, 4)] == [c[o] for o in (1, 2, 3, 4)]
        assert row["oneens"] == pytest.approx(round(100 * (1 - max(c.values()) / len(orders)), 1))
    # the week: the mean of the columns that were filled in
    weeks = [cur[(NB04, "mijn-week")]["value"] for cur in current if (NB04, "mijn-week") in cur]
    wished = [w["gewenst"] for w in weeks if w["ingevuld"]["gewenst"]]
    assert len(wished) < len(weeks)  # some did not fill in the wished week: they must not count
    assert list(ov.week["gewenst (%)"]) == pytest.approx([round(sum(x[i] for x in wished) / len(wished), 1)
                                                          for i in range(4)])
    assert list(ov.week["aantal gewenst"]) == [len(wished)] * 4


def test_choice_counted_by_option_id_not_position():
    """Two students chose the same option; in the second export the options were reordered and one label
    reworded: the count follows the stable id."""
    from wakker.core.journal import Entry

    def st(label, value):
        return X.Student(label, label, [label], [Entry("99_x", "q", "choice", "Vraag?", value, "2026-01-01T00:00:00+00:00")])

    col = X.Collection(students=[st("a", {"selected": ["ja"], "label": "Ja"}),
                                 st("b", {"selected": ["ja"], "label": "Ja, zeker"}),
                                 st("c", {"selected": ["nee", "ja"], "label": "Nee; Ja"})])
    rows = O.overview(col, "99_x").choices
    got = dict(zip(rows["antwoord"], rows["aantal"]))
    assert got == {"Ja": 3, "Nee": 1}


def test_anonymous_leaves_no_name_in_any_view_or_download(klas):
    folder, _files, names = klas
    desk = W.Desk()
    views = [W.Overview(desk), W.OpenAnswers(desk), W.Progress(desk)]
    tour = W.Tournament(desk)
    desk.class_list.value = "\n".join(names + ["Wubbo Ockelstra"])
    desk.anonymous.value = True
    desk.read(folder)
    assert tour.play() is not None
    shown = [desk.report_html.value, tour.view.summary.value, tour.view.table_html.value, tour.view.problems_html.value,
             *(w.value for w in tour.result.children if hasattr(w, "value"))]
    for v in views:
        v.update()
    ov, op = views[0], views[1]
    for nb, _ in [(o[1], o) for o in ov.notebook.options]:
        ov.notebook.value = nb
        shown += [ov.tables.value, json.dumps(list(ov.chart_question.options))]
        op.notebook.value = nb
        for _label, q in op.open_question.options:
            op.open_question.value = q
            shown.append(op.open_html.value)
    shown.append(views[2].out.value)
    import base64

    page = "\n".join(shown)
    downloads = [base64.b64decode(m).decode("utf-8") for m in re.findall(r"base64,([A-Za-z0-9+/=]+)", page)]
    assert len(downloads) > 5
    everything = html.unescape(page) + "\n".join(downloads)
    for name in names + ["Wubbo Ockelstra"]:
        for part in [name.strip()] + [w for w in name.split() if len(w) >= 4 and w.isalpha()]:
            assert part.lower() not in everything.lower(), part
    assert "student 1" in everything


def test_scrub_replaces_a_name_inside_an_open_answer():
    col = X.Collection(anonymous=True, names=["Fatima El Amrani"])
    assert col.scrub("Ik sprak met Fatima over de wijk.") == f"Ik sprak met {texts.NAME_HIDDEN} over de wijk."
    assert X.Collection(names=["Fatima"]).scrub("Fatima") == "Fatima"


def test_csv_is_dutch():
    import pandas as pd

    text = O.to_csv(pd.DataFrame({"vraag": ["a;b"], "gemiddelde": [2.5]}))
    assert text.startswith("\ufeff") and '"a;b";2,5' in text


# ---------------------------------------------------------------- bad input
def test_bad_folders_give_a_dutch_message(tmp_path):
    for folder, word in ((tmp_path / "bestaat-niet", "niet gevonden"), ("", "Geef eerst")):
        col = _collect(folder)
        assert col.error and word in col.error and not col.students
    (tmp_path / "leeg").mkdir()
    assert "leeg" in _collect(tmp_path / "leeg").error
    (tmp_path / "bestand.json").write_text("{}")
    assert "geen map" in _collect(tmp_path / "bestand.json").error


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "groot.json"
    with open(big, "wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 2 ** 20)
    read = []
    monkeypatch.setattr(X.Source, "read", lambda self: read.append(self.name) or b"")
    col = _collect(tmp_path)
    assert read == [] and col.skipped == [("groot.json", texts.TOO_BIG.format(size="200 MB"))]


def test_300_files_are_read_and_too_many_is_a_message(tmp_path):
    from wakker.lessons.teacher.example import example_sources

    sources = example_sources(300, notebooks=(NB04, NB07))
    col = X.collect(sources + [X.Source("notities.txt", 3, data=b"abc")])
    assert len(col.students) == 300 and col.skipped == [("notities.txt", texts.NOT_JSON)]
    col = X.collect(sources * 4)
    assert col.error and "1200 bestanden" in col.error and not col.students


def test_upload_value_is_read_like_a_folder(klas):
    folder, files, _ = klas
    value = tuple({"name": f.name, "type": "application/json", "size": f.stat().st_size, "last_modified": datetime.now(timezone.utc),
                   "content": memoryview(f.read_bytes())}
                  for f in files[:3])
    desk = W.Desk()
    desk.upload.set_trait("value", value)
    assert len(desk.collection.students) == 3 and "3</b> ingelezen" in desk.report_html.value


# ---------------------------------------------------------------- plans, rubrics, links
def test_every_plan_shows_goals_and_a_rubric_or_a_note():
    from wakker.core.content import content

    for nb, info in content().notebooks.items():
        if nb == NOTEBOOK:
            continue
        shown = W.plan_html(nb)
        assert "wakker-fout" not in shown, nb
        assert html.escape(info.goals[0]) in shown, nb
        if info.status == "klaar":
            assert 'class="wakker-rubric"' in shown, nb


def test_rubric_parsing_and_its_dutch_errors():
    from wakker.core.data import ContentError
    from wakker.core.teaching import parse_plan

    base = {"sessions": [{"name": "Les", "plan": [[45, "Alles"]]}]}
    assert parse_plan("x", base).rubric is None
    ok = parse_plan("x", {**base, "rubric": {"question": "afsluiting-praktijk", "criteria": [
        {"name": "Concreet", "levels": ["onvoldoende: a", "voldoende: b", "goed: c"]}]}})
    assert ok.rubric.question == "afsluiting-praktijk" and ok.rubric.criteria[0].levels[2] == "goed: c"
    for bad in ({"criteria": []}, {"question": "q", "criteria": []}, {"question": "q", "criteria": [{"name": "x"}]},
                {"question": "Q Q", "criteria": [{"name": "x", "levels": ["a", "b"]}]}):
        with pytest.raises(ContentError, match="rubric"):
            parse_plan("x", {**base, "rubric": bad})
    from wakker.ui.teaching import rubric_html

    assert texts.PLAN_RUBRIC and "nog geen rubric" in rubric_html(None)


def test_the_rubrics_grade_a_real_reflection_question():
    from wakker.core.teaching import lesson_plan
    from wakker.lessons.teacher.example import notebook_questions

    for nb, info in load(C.REPO / "data").notebooks.items():
        if info.status != "klaar" or nb == NOTEBOOK:
            continue
        rubric = lesson_plan(info.lesson).rubric
        assert rubric is not None, nb
        opens = {s.qid for s in notebook_questions(nb) if s.kind == "text"}
        assert rubric.question in opens, (nb, rubric.question)
        assert all(len(c.levels) == 3 for c in rubric.criteria)


def test_links_are_made_and_a_bad_address_is_a_dutch_message():
    from urllib.parse import unquote

    from wakker.core.links import AddressError

    table, cfg = W.links_table("hub.school.nl/hub/login", "https://github.com/mijnschool/werkboek")
    assert cfg["hub"] == "https://hub.school.nl"
    hub = table.iloc[0]["JupyterHub (nbgitpuller)"]
    assert hub.startswith("https://hub.school.nl/hub/user-redirect/git-pull?repo=")
    assert "github.com/mijnschool/werkboek" in unquote(hub) and "lab/tree/werkboek/notebooks/00_start" in unquote(hub)
    assert table.iloc[0]["Binder"].startswith("https://mybinder.org/v2/gh/mijnschool/werkboek/main")
    assert "voila/render" in unquote(table.iloc[0]["zonder code (Binder)"])
    for bad in ("", "jupyter", "https://hub school.nl", "ftp://hub.school.nl", "https://hub.nl?x=1"):
        with pytest.raises(AddressError):
            W.links_table(bad)
    with pytest.raises(AddressError, match="GitHub"):
        W.links_table("hub.school.nl", "https://gitlab.com/a/b")
    view = W.Links()
    view.hub.value = "geen adres"
    assert view.make() is None and "wakker-fout" in view.message.value and "spaties" in view.message.value


def test_the_tournament_folder_is_temporary_and_outside_the_repository(klas, monkeypatch):
    import tempfile

    folder, _f, _n = klas
    made = []
    real = tempfile.mkdtemp
    monkeypatch.setattr(W.tempfile, "mkdtemp", lambda **kw: made.append(Path(real(**kw))) or str(made[-1]))
    desk = W.Desk()
    tour = W.Tournament(desk)
    desk.read(folder)
    view = tour.play()
    assert view is not None and len(view.result.designs) == 31
    ticks = view.fig.layout.yaxis.tickvals  # the heat map labels every row and column
    assert len(ticks) == len(view.result.ranking) == len(view.fig.layout.xaxis.ticktext) > 20
    assert len(made) == 1 and C.REPO.resolve() not in made[0].resolve().parents and not made[0].exists()


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="teacher")
    assert not problems, C.report(problems)


# ---------------------------------------------------------------- choosing files a second time
def _upload(desk, files, rename=None):
    value = tuple({"name": (rename or {}).get(f.name, f.name), "type": "application/json", "size": f.stat().st_size,
                   "last_modified": datetime.now(timezone.utc), "content": memoryview(f.read_bytes())} for f in files)
    desk.upload.set_trait("value", value)


def test_a_second_choice_of_files_adds_to_the_first_and_the_same_file_counts_once(klas, tmp_path):
    folder, files, names = klas
    desk = W.Desk()
    progress = W.Progress(desk)
    _upload(desk, files[:8])
    _upload(desk, files[8:12])  # the late ones
    assert len(desk.collection.students) == 12 and len(progress.table) == 12
    assert "4 bestanden" in desk.report_html.value and "12 bestanden" in desk.report_html.value
    _upload(desk, files[:3])  # the same three files chosen again: nothing counts twice
    assert len(desk.collection.students) == 12 and len(desk.collection.read) == 12
    assert "3 bestanden had je al eerder gekozen" in desk.report_html.value
    # the same export under another name (a browser's "(1)"): one workbook, merged, not a 13th student
    _upload(desk, files[:1], rename={files[0].name: "kopie.json"})
    assert len(desk.collection.students) == 12 and desk.collection.merged == ["kopie.json"]
    # a folder read after the uploads adds as well
    (tmp_path / "laat").mkdir()
    for f in files[12:14]:
        shutil.copy(f, tmp_path / "laat" / f.name)
    desk.read(tmp_path / "laat")
    assert len(desk.collection.students) == 14
    desk.read(tmp_path / "bestaat-niet")  # a wrong folder is a message; what was read stays
    assert "niet gevonden" in desk.message.value and len(desk.collection.students) == 14
    desk.clear()
    assert desk.collection.students == [] and progress.table is None and texts.NOTHING_YET in desk.report_html.value


def test_the_example_class_is_replaced_by_real_files_and_says_so(klas):
    folder, files, _ = klas
    desk = W.Desk()
    ex = W.ExampleClass(desk)
    ex.make(n=5)
    assert texts.SUMMARY_EXAMPLE in desk.report_html.value and "verzonnen klas" in ex.message.value
    _upload(desk, files[:2])
    assert len(desk.collection.students) == 2 and ex.message.value == ""
    assert texts.EXAMPLE_REPLACED in desk.report_html.value and texts.SUMMARY_EXAMPLE not in desk.report_html.value


def test_the_tournament_does_not_say_nothing_was_skipped_when_step_1_skipped_files(klas):
    folder, files, _ = klas
    desk = W.Desk()
    tour = W.Tournament(desk)
    desk.read(folder)
    skipped = len(desk.collection.skipped)
    assert skipped == 3
    shown = tour.play().problems_html.value
    assert "niets overgeslagen" not in shown and f"{skipped} bestanden zijn overgeslagen" in shown
    desk.clear()
    _upload(desk, files[:4])  # nothing skipped: then it may say so
    shown = tour.play().problems_html.value
    assert "4 ingelezen exports" in shown and "geen bestand overgeslagen" in shown


def test_a_folder_name_without_the_whole_path_is_found_above_the_notebook_and_the_message_shows_where(
        klas, tmp_path, monkeypatch):
    _folder, files, _ = klas
    home = tmp_path / "home"
    notebooks = home / "wakker" / "notebooks"  # the kernel runs in the notebook's folder
    notebooks.mkdir(parents=True)
    (home / "inleveren").mkdir()  # what "Copy Path" gives on a hub: from the home folder
    shutil.copy(files[0], home / "inleveren" / files[0].name)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(notebooks)
    desk = W.Desk()
    desk.read("inleveren")
    assert len(desk.collection.students) == 1 and str(home / "inleveren") in desk.message.value
    desk.read("klas-3b")  # nowhere: the message names the full paths that were tried
    assert str(notebooks / "klas-3b") in desk.message.value and str(home / "klas-3b") in desk.message.value


def test_a_whole_name_in_an_answer_becomes_one_word_and_one_missing_student_is_singular():
    col = X.Collection(anonymous=True, names=["Daan de Vries", "Fatima El Amrani"])
    out = col.scrub("Met Daan de Vries en fatima  el amrani; Daan zei het.")
    assert out == f"Met {texts.NAME_HIDDEN} en {texts.NAME_HIDDEN}; {texts.NAME_HIDDEN} zei het."
    shown = W.report_html(X.collect([], "Wubbo Ockelstra", anonymous=True))
    assert "1 student van de klassenlijst heeft niets" in shown


def test_switching_anonymous_clears_the_tournament_and_says_so(klas):
    folder, files, _ = klas
    desk = W.Desk()
    tour = W.Tournament(desk)
    _upload(desk, files[:4])
    desk.anonymous.value = True  # nothing played yet: nothing to say
    assert tour.message.value == ""
    assert tour.play() is not None
    desk.anonymous.value = False
    assert tour.result.children == () and texts.TOURNAMENT_CLEARED in tour.message.value


def test_the_tournament_csv_has_the_decimals_of_the_screen(klas):
    """The class tournament's CSV download wrote 1,2 where the ranking on the screen shows 1,20 (an independent
    review): every number has as many decimals as on the screen, with a decimal comma, unquoted, so that a Dutch
    spreadsheet still reads a number (fields between ';')."""
    import base64
    import csv
    import io

    folder, files, _ = klas
    desk = W.Desk()
    tour = W.Tournament(desk)
    _upload(desk, files[:4])
    view = tour.play()
    href = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', tour.result.children[1].value).group(1)
    text = base64.b64decode(href).decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text[1:].splitlines()
    assert lines[0] == ";".join(("plaats", "van", "strategie", "punten in totaal", "gemiddeld per ronde"))
    assert all('"' not in line.split(";", 3)[3] for line in lines[1:])  # the numbers unquoted
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1:]
    screen = [[c for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)][3:]
              for tr in re.findall(r"<tr>(.*?)</tr>", view.table_html.value)[1:]]
    assert len(rows) == len(screen) >= 4
    assert [r[3:] for r in rows] == [[c.replace("\u2212", "-") for c in s] for s in screen]
    assert all(re.fullmatch(r"-?\d+,\d", r[3]) and re.fullmatch(r"-?\d+,\d\d", r[4]) for r in rows), rows


# ---------------------------------------------------------------- a teacher's review of 09 at 1400 and 390 px
def test_a_folder_that_is_not_there_is_said_once(tmp_path):
    """Both the message under the buttons and the report said 'De map ... is niet gevonden', twice in a row."""
    desk = W.Desk()
    desk.read(tmp_path / "bestaat-niet")
    shown = desk.message.value + desk.report_html.value
    assert shown.count("is niet gevonden") == 1, shown
    # with files read before, the report keeps them and the message says what went wrong
    make_class(tmp_path / "klas", n=2, seed=1)
    desk.read(tmp_path / "klas")
    desk.read(tmp_path / "bestaat-ook-niet")
    assert "is niet gevonden" in desk.message.value and "2</b> ingelezen" in desk.report_html.value


def test_a_question_over_several_rows_is_one_cell_and_a_table_scrolls_in_its_own_box():
    import pandas as pd

    prompt = "Hoe goed weet jij meestal of iemand van een andere organisatie jou vertrouwt?"
    df = pd.DataFrame({"vraag": [prompt] * 3 + ["Korte vraag"], "id": ["a", "a", "a", "b"],
                       "antwoord": ["1", "2", "3", "ja"], "aantal": [1, 2, 3, 4]})
    shown = W.table_html(df, "keuzes", W.MERGE)
    assert shown.count(html.escape(prompt)) == 1 and shown.count('rowspan="3"') == 2  # vraag and id
    assert shown.count("<tr>") == 5 and "Korte vraag" in shown
    # a long cell keeps whole words (at 390 px 'anywhere' squeezed it to 'organi / satie') and the table's box
    # does not make the widget around it wider than the screen (the heading above it was cut off)
    assert "anywhere" not in shown and "min-width:min(12em,35vw)" in shown
    assert "width:0;min-width:100%" in shown
    # the CSV keeps every row whole
    assert O.to_csv(df).count(prompt) == 3


def test_the_division_of_tasks_of_05_is_shown_in_the_tasks_own_words():
    """05's TaskSplit saves choices by task id and the words of each task in 'labels'; the overview named the
    parts 'choices · crossbaan/ontwerp' and listed every label as if it were a choice."""
    from wakker.lessons.giving_trust import texts as t05
    from wakker.lessons.teacher.example import example_sources

    col = X.collect(example_sources(8, seed=2), "", False, None)
    ov = O.overview(col, "05_meetup_vertrouwen_2013")
    parts = set(ov.categories[texts.CATEGORIES_COLUMNS[2]])
    assert "De muziekschool – Het gebouw" in parts
    assert not any("choices" in p or "labels" in p or "/" in p for p in parts), parts
    assert set(ov.categories[texts.CATEGORIES_COLUMNS[3]]) <= {"gemeente", "samen", "bewoners"}
    assert set(ov.categories[texts.CATEGORIES_COLUMNS[0]]) == {t05.SPLIT_PROMPT}


def test_the_plan_menu_shows_its_whole_label():
    plans = W.Plans()
    assert plans.notebook.style.description_width == "initial"  # 'Lesplan v…' in the default width


def test_the_anonymous_checkbox_label_may_wrap():
    desk = W.Desk()
    css = desk.box.children[0].value
    assert ".wakker-docent-anoniem .widget-label-basic span { white-space: normal" in css
    assert "wakker-docent-anoniem" in desk.anonymous._dom_classes


def test_a_download_button_label_may_wrap():
    """At 390 px '⬇ Hoeveel studenten antwoordden per vraag (CSV)' on one line made the overview wider than the
    screen: the kit's download buttons may wrap and are never wider than their column (browser test of 09)."""
    import re

    import pandas as pd

    shown = W.csv_links([("Hoeveel studenten antwoordden per vraag", "beantwoord", pd.DataFrame({"a": [1]}))])
    style = re.search(r'<a class="wakker-download-csv" style="([^"]*)"', shown).group(1)
    assert "nowrap" not in style and "max-width:100%" in style and "box-sizing:border-box" in style


def test_the_example_class_saves_05s_division_of_tasks_as_05s_own_widget_does(tmp_path):
    """The example class writes 05's 'taakverdeling' by hand (an independent review: the test above would stay green
    if TaskSplit.value() changed its form). Here 05's own widget takes that value back and saves the same labels."""
    import random

    from wakker import ui
    from wakker.core.journal import Journal
    from wakker.lessons.giving_trust.widgets import TaskSplit
    from wakker.lessons.teacher.example import _lesson_values

    value = next(v for nb, qid, *_rest, v in _lesson_values(random.Random(3)) if qid == "taakverdeling")
    split = TaskSplit(ui.Page("05_meetup_vertrouwen_2013", journal=Journal(tmp_path / "j.sqlite")))
    split.apply(value)  # raises on a task or choice 05 does not know
    assert split.value() == value


def test_the_parts_of_a_division_of_tasks_follow_the_notebook_and_the_choices_one_order():
    """An independent review of 09: 05's tasks were listed in the order students first met them (a student who
    skipped a task moved it down), and the choices were sorted per task (gemeente, samen and bewoners changed places
    from row to row). Now the tasks follow the order of 05's own labels, and the choices one order in every row."""
    from wakker.lessons.teacher.tables import Question, _generic_rows

    labels = {"a/1": "A – een", "a/2": "A – twee", "b/1": "B – een"}
    def answer(chosen):
        return {"choices": chosen, "labels": {k: labels[k] for k in chosen}, "compared": False}
    q = Question("05_meetup_vertrouwen_2013", "taakverdeling", "verdeling", "Wie doet wat?", [
        ("Ans", answer({"a/1": "samen", "b/1": "gemeente"})),  # skipped a/2: it came last before
        ("Bas", answer({"a/1": "gemeente", "a/2": "bewoners", "b/1": "gemeente"})),
        ("Cor", answer({"a/1": "gemeente", "a/2": "samen", "b/1": "samen"})),
    ])
    _numbers, categories = _generic_rows(q)
    parts = list(dict.fromkeys(r["onderdeel"] for r in categories))
    assert parts == ["A – een", "A – twee", "B – een"]
    order = ["gemeente", "samen", "bewoners"]  # most chosen overall first (4, 3, 1)
    for part in parts:
        shown = [r["keuze"] for r in categories if r["onderdeel"] == part]
        assert shown == [c for c in order if c in shown], (part, shown)


def test_progress_says_out_of_how_many_questions_each_notebook_asks(klas):
    """'Wie heeft wat gedaan': a column per notebook, 'NN (van N)' with N the questions the notebook asks
    (data/lessons/teacher/questions.yaml, which the lesson contract checks), and the total out of their sum; no student
    answered more than a notebook asks. A teacher read '4' without knowing whether that was nearly all or a third."""
    folder, _files, _names = klas
    col = _collect(folder)
    table, nbs, asks = O.progress(col), O.notebooks_in(col), O.asked()
    assert len(nbs) >= 5 and all(asks.get(nb) for nb in nbs), sorted(asks)
    heads = list(table.columns[1:-1])
    assert len(heads) == len(nbs) and table.columns[0] == texts.PROGRESS_STUDENT
    for head, nb in zip(heads, nbs):
        assert head == f"{nb[:2]} (van {len(asks[nb])})", head  # plain spaces: the CSV's headers
        assert table[head].max() <= len(asks[nb]), (head, table[head].max())
    assert table.columns[-1] == f"{texts.PROGRESS_TOTAL} (van {sum(len(asks[nb]) for nb in nbs)})"
    assert table[heads].sum(axis=1).tolist() == table.iloc[:, -1].tolist()


def test_progress_table_has_its_own_heading_above_it(klas):
    """'Wie heeft wat gedaan' is a heading right above the table, as the overview's tables have one (an independent
    reviewer saw only the CSV button's label); nothing read yet: no heading, only the note."""
    _folder, files, _names = klas
    desk = W.Desk()
    progress = W.Progress(desk)
    assert "<h4" not in progress.out.value and texts.PROGRESS_HEAD not in progress.out.value
    _upload(desk, files[:3])
    shown = progress.out.value
    assert re.search(r"<h4[^>]*>Wie heeft wat gedaan</h4>", shown), shown[:200]
    assert shown.index("<h4") < shown.index("<table")


def test_progress_counts_only_the_questions_a_notebook_asks(tmp_path):
    """An export from an older workbook may hold answers to questions a notebook no longer asks: they are not among
    its N (an independent reviewer saw '15' under '00 (van 7)')."""
    from wakker.core.journal import Journal
    from wakker.lessons.teacher.exports import folder_sources

    from wakker.core.portfolio import to_json

    asked = sorted(O.asked()["00_start"])
    j = Journal(tmp_path / "j.sqlite", known_notebooks=None)
    for q in asked[:3] + ["oude-vraag-1", "oude-vraag-2"]:
        j.save("00_start", q, "mijn antwoord", kind="text", prompt="Vraag?")
    out = tmp_path / "export"
    out.mkdir()
    (out / "sam.json").write_text(json.dumps(to_json(j, student="Sam de Student")), encoding="utf-8")
    sources, error = folder_sources(out)
    table = O.progress(X.collect(sources, "", False, error))
    assert table.iloc[0].tolist()[1:] == [3, 3], table.to_dict()


def test_progress_without_the_questions_file_names_the_notebook_only(klas, monkeypatch):
    folder, _files, _names = klas
    monkeypatch.setattr(O, "asked", lambda: {})
    table = O.progress(_collect(folder))
    assert all(len(c) == 2 and c.isdigit() for c in table.columns[1:-1]) and table.columns[-1] == texts.PROGRESS_TOTAL
