"""Exports of a journal that is damaged in ways SQLite's quick_check does not see (issue 8, item 17).

Random 20-byte corruptions of a real journal file (fixed seed): whenever the damaged file
still opens as a journal, an export must still be written, hold every version that can be
read, and say in Dutch (never in English) what could not be read.
"""
import json
import random
import re
import shutil

import pytest

from wakker.core.journal import Journal
from wakker.core.portfolio import export_files, read_journal

NB = "00_start"
ENGLISH = re.compile(r"database|malformed|disk image|Expecting|Errno|error|Traceback|codec|decode", re.I)


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    folder = tmp_path_factory.mktemp("origineel")
    j = Journal(folder / "journal.sqlite", known_notebooks=None)
    rnd = random.Random(7)
    for n in range(60):
        j.save(NB, f"vraag-{n % 20}", f"Antwoord {n}: " + "".join(rnd.choice("abcdef ") for _ in range(300)),
               prompt=f"Vraag {n % 20}")
    j.save(NB, "schaal", {"value": 4, "low": 1, "high": 5, "low_label": "weinig", "high_label": "veel"},
           kind="scale", prompt="Schaal")
    j.set_student("Ans")
    con = j._connect()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, nothing in -wal
    j._release(con)
    return folder / "journal.sqlite"


def corrupt(src, dst, rnd: random.Random, width: int = 20) -> None:
    shutil.copy(src, dst)
    data = bytearray(dst.read_bytes())
    start = rnd.randrange(100, len(data) - width)  # past the 100-byte header: damage quick_check may miss
    data[start:start + width] = bytes(rnd.randrange(256) for _ in range(width))
    dst.write_bytes(bytes(data))


def test_damage_that_quick_check_misses_still_exports_what_can_be_read(original, tmp_path):
    rnd = random.Random(20261201)
    opened = damaged_reads = 0
    for trial in range(40):
        folder = tmp_path / f"proef-{trial}"
        folder.mkdir()
        path = folder / "journal.sqlite"
        corrupt(original, path, rnd)
        journal = Journal(path, known_notebooks=None)
        if journal.notice:  # real damage seen on opening: moved aside, a fresh journal (tested elsewhere)
            continue
        opened += 1
        try:
            journal.entries()
        except Exception:  # noqa: BLE001
            damaged_reads += 1
        paths = export_files(journal, folder / "export", student="Ans")
        contents = read_journal(journal)
        doc = json.loads(paths["json"].read_text(encoding="utf-8"))
        assert len(doc["entries"]) == len(contents.entries)
        md, page = paths["md"].read_text(encoding="utf-8"), paths["html"].read_text(encoding="utf-8")
        for problem in paths.problems:
            assert not ENGLISH.search(problem), problem
            assert problem in page
        # whatever could be read is in the portfolio
        for e in contents.current():
            assert e.prompt in md
        # a journal that cannot be read as a whole says so
        if not contents.entries or len(contents.entries) < 61:
            assert paths.problems, trial
    assert opened >= 10 and damaged_reads >= 5, (opened, damaged_reads)  # the test really met such damage


def test_a_journal_that_cannot_be_read_at_all_exports_an_empty_portfolio_that_says_why(tmp_path):
    path = tmp_path / "journal.sqlite"
    journal = Journal(path, known_notebooks=None)
    journal.save(NB, "q", "antwoord")
    con = journal._connect()
    con.execute("DROP TABLE entries")
    journal._release(con)
    paths = export_files(journal, tmp_path / "export")
    assert paths.problems and not ENGLISH.search(" ".join(paths.problems))
    assert "kon niet gelezen worden" in paths["md"].read_text(encoding="utf-8")


def test_a_moment_at_the_end_of_time_in_an_old_journal_never_breaks_a_question(tmp_path):
    """Imported before imports were checked: the question still shows it, the export still works."""
    journal = Journal(tmp_path / "journal.sqlite", known_notebooks=None)
    journal.add_entries([__import__("wakker.core.journal", fromlist=["Entry"]).Entry(
        NB, "q", "text", "Vraag", "uit de toekomst", "9999-12-31T23:59:59.999999+00:00")])
    entry = journal.latest(NB, "q")
    assert entry.local_time.year == 9999
    paths = export_files(journal, tmp_path / "export")
    assert "uit de toekomst" in paths["md"].read_text(encoding="utf-8")
