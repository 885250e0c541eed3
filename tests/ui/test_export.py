"""The export panel (issue 8, items 7, 8, 9, 16, 20): browser downloads, imports that refresh the
screen, the scale's saved form, and messages in plain Dutch only."""
import base64
import json
import re

import pytest

from wakker import ui
from wakker.core.journal import Journal, JournalError
from wakker.core.portfolio import to_json
from wakker.ui.export import Downloader, ExportPanel, Transfer, download_links_html

NB = "00_start"
ENGLISH = re.compile(r"Errno|Expecting|error|disk I/O|Traceback|denied|directory|database", re.I)


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


@pytest.fixture
def exports(tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    monkeypatch.setenv("WAKKER_EXPORTS", str(folder))
    return folder


def export_of(tmp_path, name="Ans") -> bytes:
    src = Journal(tmp_path / "bron.sqlite")
    src.save(NB, "demo-vertrouwen", "ingelezen antwoord", prompt="Open")
    src.save(NB, "demo-vertrouwen-organisatie", {"value": 2, "low": 1, "high": 5, "low_label": "weinig",
                                                 "high_label": "veel"}, kind="scale", prompt="Schaal")
    return json.dumps(to_json(src, name)).encode("utf-8")


# ---------------------------------------------------------------- item 7: a real browser download
def test_export_sends_the_files_to_the_browser_and_says_where_they_went(journal, exports):
    journal.save(NB, "q", "mijn antwoord")
    panel = ExportPanel(journal)
    panel.name.value = "Sam"
    panel.button.click()
    # a fresh downloader, created with the files in its state (no later message has to reach it)
    down = panel.downloader
    assert isinstance(down, Downloader) and down.download_id
    files = {f["format"]: f for f in down.files}
    assert set(files) == {"json", "html"}
    assert json.loads(files["json"]["text"])["student"] == "Sam"
    assert (exports / files["json"]["name"]).read_text(encoding="utf-8") == files["json"]["text"]
    # the status says what is known: the files are in the folder, the browser *tries*; what to do if nothing came
    assert str(exports) in panel.result.value and "probeert" in panel.result.value
    assert "Staat er niets in je map <i>Downloads</i>? Klik dan hieronder" in panel.result.value
    assert "/files/" not in panel.result.value
    # the browser reports what it saved: the message says so, and the downloader is closed (a reload
    # must not download it again)
    panel._on_msg(down, {"type": "downloaded", "id": down.download_id,
                         "names": [files["html"]["name"], files["json"]["name"]]}, [])
    assert "heeft een kopie gedownload" in panel.result.value and files["json"]["name"] in panel.result.value
    assert "Staat er niets" in panel.result.value
    assert panel.downloader is None and down.comm is None


def test_every_export_has_download_links_that_need_no_widget_module(journal, exports):
    """Plain <a download> links with data: URLs in an HTML widget, for all three files, after every export."""
    journal.save(NB, "q", "mijn antwoord met é en “aanhalingstekens”")
    panel = ExportPanel(journal)
    assert panel.links.value == ""  # nothing to download before an export
    panel.button.click()
    links = dict(re.findall(r'class="wakker-download-(\w+)"[^>]*href="data:[^;]+;charset=utf-8;base64,([^"]+)"',
                            panel.links.value))
    assert set(links) == {"html", "json", "md"}
    names = dict(re.findall(r'class="wakker-download-(\w+)"[^>]*download="([^"]+)"', panel.links.value))
    for fmt, data in links.items():
        assert base64.b64decode(data).decode("utf-8") == (exports / names[fmt]).read_text(encoding="utf-8")
    assert "mijn antwoord met é" in json.dumps(json.loads(base64.b64decode(links["json"])), ensure_ascii=False)
    # a second export replaces the downloader (the first one is not reused) and the links
    first = panel.downloader
    journal.save(NB, "q", "tweede antwoord")
    panel.button.click()
    assert panel.downloader is not first and first.comm is None
    assert "tweede antwoord" in base64.b64decode(
        re.search(r'wakker-download-json"[^>]*base64,([^"]+)"', panel.links.value).group(1)).decode("utf-8")
    # the first downloader's late report changes nothing
    before = panel.result.value
    panel._on_msg(first, {"type": "downloaded", "id": first.download_id, "names": ["oud.json"]}, [])
    assert panel.result.value == before


def test_a_file_too_big_for_a_link_is_named_instead():
    small = {"format": "json", "label": "herstelbestand (JSON)", "mime": "application/json", "name": "a.json",
             "text": "{}"}
    big = {"format": "html", "label": "portfolio (HTML)", "mime": "text/html", "name": "a.html",
           "text": "x" * 1_600_000}
    out = download_links_html([small, big])
    assert "wakker-download-json" in out and "wakker-download-html" not in out
    assert "Te groot voor een knop: portfolio (HTML)" in out


def test_transfer_and_downloader_are_front_end_independent():
    """No JupyterLab API, no /files/ URL: a Blob and an <a download> in the widget's own module."""
    down = Downloader()._esm
    assert "Blob" in down and ".download" in down and "createObjectURL" in down and "initialize" in down
    assert "msg:custom" not in down  # nothing it needs arrives later as a message
    for esm in (down, Transfer()._esm):
        assert "jupyterapp" not in esm and "/files/" not in esm and "@jupyterlab" not in esm


def test_import_button_reads_plainly_without_a_counter():
    assert Transfer().upload_label == "Lees export in (.json)"


# ---------------------------------------------------------------- item 9: imports refresh the screen
def test_import_refreshes_every_question_on_screen_and_the_name(journal, exports, tmp_path):
    page = ui.Page(NB, journal=journal)
    text = page.open_question("demo-vertrouwen", "Open")
    scale = page.scale("demo-vertrouwen-organisatie", "Schaal", low_label="weinig", high_label="veel")
    assert "Nog niet beantwoord" in text.status.value
    panel = ExportPanel(journal)
    shown = []
    panel.result.observe(lambda ch: ch["new"] and shown.append(ch["new"]), names="value")
    raw = export_of(tmp_path)
    panel._on_msg(panel.transfer, {"type": "upload", "name": "ans.json", "size": len(raw)}, [memoryview(raw)])
    assert text.area.value == "ingelezen antwoord" and "eerder antwoord" in text.status.value
    assert scale.buttons.value == 2 and "eerder antwoord" in scale.status.value
    assert panel.name.value == "Ans"
    assert "2 nieuwe versie(s)" in shown[-1] and "ans.json" in shown[-1]
    # the same file again: a fresh message (a new one, with its time), nothing added
    panel._on_msg(panel.transfer, {"type": "upload", "name": "ans.json", "size": len(raw)}, [memoryview(raw)])
    assert len(shown) == 2 and "0 nieuwe versie(s)" in shown[-1] and "2 had je al" in shown[-1]
    assert re.search(r"om \d\d:\d\d:\d\d", shown[-1])


def test_a_typed_name_is_not_overwritten_by_an_import(journal, exports, tmp_path):
    panel = ExportPanel(journal)
    panel.name.value = "Sam"
    panel.import_bytes(export_of(tmp_path))
    assert panel.name.value == "Sam"


def test_too_big_upload_is_refused_in_dutch(journal):
    panel = ExportPanel(journal)
    panel._on_msg(panel.transfer, {"type": "upload", "name": "groot.json", "size": 10**9, "too_big": True}, [])
    assert "te groot" in panel.result.value and journal.entries() == []


# ---------------------------------------------------------------- item 8: a scale keeps its labels
def test_scale_saves_its_scale_and_old_bare_numbers_still_restore(journal):
    page = ui.Page(NB, journal=journal)
    s = page.scale("schaal", "Hoeveel?", low_label="geen", high_label="veel")
    s.buttons.value = 4
    assert journal.latest(NB, "schaal").value == {"value": 4, "low": 1, "high": 5, "low_label": "geen",
                                                   "high_label": "veel"}
    journal.save(NB, "oud", 3, kind="scale")
    old = page.scale("oud", "Vroeger?")
    assert old.buttons.value == 3 and "eerder antwoord" in old.status.value and not old.message.value


# ---------------------------------------------------------------- items 16, 20: all or nothing, Dutch only
def test_lone_surrogate_in_the_name_imports_nothing_and_says_so_in_dutch(journal, tmp_path):
    doc = json.loads(export_of(tmp_path))
    doc["student"] = "Ans \ud800"
    msg = ExportPanel(journal).import_bytes(json.dumps(doc).encode("utf-8"))
    assert "⚠" in msg and "niets veranderd" in msg
    assert journal.entries() == [] and journal.student() == ""


def test_unexpected_import_failure_is_dutch(journal, tmp_path, monkeypatch):
    def broken(_entries):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(journal, "add_entries", broken)
    msg = ExportPanel(journal).import_bytes(export_of(tmp_path))
    assert "⚠" in msg and not ENGLISH.search(msg) and "surrogates" not in msg


def test_export_to_an_unwritable_place_is_dutch(journal, tmp_path, monkeypatch):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("WAKKER_EXPORTS", str(blocker / "exports"))
    panel = ExportPanel(journal)
    panel.button.click()
    assert "niet gelukt" in panel.result.value and not ENGLISH.search(panel.result.value), panel.result.value


def test_bom_export_is_accepted(journal, tmp_path):
    msg = ExportPanel(journal).import_bytes(b"\xef\xbb\xbf" + export_of(tmp_path))
    assert "2 nieuwe versie(s)" in msg


def test_journal_error_texts_reach_the_student_in_dutch(journal, tmp_path, monkeypatch):
    def unavailable(_entries):
        raise JournalError("Je dagboek kan nu niet bewaren: de schijf is vol.")

    monkeypatch.setattr(journal, "add_entries", unavailable)
    msg = ExportPanel(journal).import_bytes(export_of(tmp_path))
    assert "de schijf is vol" in msg and not ENGLISH.search(msg)


# ---------------------------------------------------------------- issue 11: few widget models
def _new_models(make):
    from ipywidgets.widgets.widget import _instances

    before = set(_instances)
    made = make()
    return made, [type(_instances[m]).__name__ for m in set(_instances) - before]


def test_the_message_line_and_the_links_are_made_when_first_needed(journal, exports):
    from wakker.ui import export
    """Issue 11: each widget model costs the page a message. The panel is its row (name, button), the import
    button and its box until the first export or import; then the message, then the links, below them."""
    ExportPanel(journal)  # shared layouts and styles exist from now on
    panel, made = _new_models(lambda: ExportPanel(journal))
    assert sorted(made) == ["Button", "HBox", "Text", "Transfer", "VBox"], made
    assert len(panel.box.children) == 2
    # their space is kept below the import button, so nothing moves when they come
    assert panel.box.layout.margin == export.BOX_ALONE["margin"] and "4 * var(--jp-widgets-margin" in panel.box.layout.margin
    journal.save(NB, "q", "mijn antwoord")
    _, made = _new_models(panel.button.click)
    assert sorted(made) == ["Downloader", "HTML", "HTML"], made
    assert list(panel.box.children[2:]) == [panel.result, panel.links] and panel.box.layout.margin == "0.5em 0"
    assert "Geëxporteerd" in panel.result.value and "wakker-download-json" in panel.links.value
    imported = ExportPanel(journal)
    imported._show("<b>eerst</b>")
    assert list(imported.box.children[2:]) == [imported.result, imported.links]
    assert imported.result.value == "<b>eerst</b>" and imported.links.value == ""
