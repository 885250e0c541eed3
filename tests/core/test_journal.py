"""The journal never loses an answer: versions, concurrent kernels, killed processes, damaged files."""
import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wakker.core.journal import Journal, JournalError, default_path, resolve_path

NB = "00_start"


@pytest.fixture
def journal(tmp_path) -> Journal:
    return Journal(tmp_path / "j.sqlite")


def test_versions_are_kept(journal):
    journal.save(NB, "q", "eerste")
    journal.save(NB, "q", "tweede")
    assert journal.latest(NB, "q").value == "tweede"
    assert [e.value for e in journal.history(NB, "q")] == ["eerste", "tweede"]


def test_values_of_every_kind_round_trip(journal):
    value = {"first": 1.0, "after": {"CC": 1, "CD": 0}, "name": "Zoet & <zuur>"}
    journal.save(NB, "strategie", value, kind="strategy")
    assert journal.latest(NB, "strategie").value == value
    assert journal.latest(NB, "onbekend") is None


def test_reopen_sees_answers(tmp_path):
    Journal(tmp_path / "j.sqlite").save(NB, "q", "blijft")
    assert Journal(tmp_path / "j.sqlite").latest(NB, "q").value == "blijft"


@pytest.mark.parametrize("notebook, question, message", [
    ("", "q", "notebook-naam ontbreekt"),
    ("99_bestaat_niet", "q", "Onbekend notebook '99_bestaat_niet'"),
    (NB, "", "vraag-naam ontbreekt"),
    (NB, "met spatie", "is ongeldig"),
    (None, "q", "notebook-naam ontbreekt"),
])
def test_invalid_use_gets_dutch_message_and_keeps_journal(journal, notebook, question, message):
    journal.save(NB, "q", "bewaard")
    with pytest.raises(JournalError, match=message):
        journal.save(notebook, question, "x")
    assert journal.latest(NB, "q").value == "bewaard"


def test_unstorable_value(journal):
    with pytest.raises(JournalError, match="kan niet bewaard worden"):
        journal.save(NB, "q", object())
    with pytest.raises(JournalError, match="te lang"):
        journal.save(NB, "q", "x" * 1_000_001)


def _writer(path: str, name: str, n: int) -> None:
    j = Journal(path)
    for i in range(n):
        j.save(NB, f"{name}-{i % 5}", f"{name} {i}")


def test_two_processes_write_at_once(tmp_path):
    path = str(tmp_path / "j.sqlite")
    Journal(path)
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, name, 150)) for name in ("a", "b", "c")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    entries = Journal(path).entries()
    assert len(entries) == 450
    for name in ("a", "b", "c"):
        assert {e.value for e in entries if e.question.startswith(name)} == {f"{name} {i}" for i in range(150)}


KILL_SCRIPT = """
import sys
from wakker.core.journal import Journal
j = Journal(sys.argv[1])
i = 0
while True:
    j.save("00_start", "q", f"versie {i}")
    print(i, flush=True)
    i += 1
"""


def test_killed_writer_loses_nothing_it_committed(tmp_path):
    path = tmp_path / "j.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path)], stdout=subprocess.PIPE, text=True)
    confirmed = -1
    deadline = time.time() + 30
    while confirmed < 200 and time.time() < deadline:
        confirmed = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of writing the next version
    proc.wait()
    values = {e.value for e in Journal(path).history(NB, "q")}
    assert {f"versie {i}" for i in range(confirmed + 1)} <= values
    assert confirmed >= 200


def test_damaged_file_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "j.sqlite"
    Journal(path).save(NB, "q", "oud")
    damaged = b"dit is geen database" * 100
    path.write_bytes(damaged)
    j = Journal(path)
    assert "beschadigd" in j.notice and "nieuw" in j.notice
    aside = [p for p in tmp_path.iterdir() if ".beschadigd-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    j.save(NB, "q", "nieuw")
    assert j.latest(NB, "q").value == "nieuw"


def test_truncated_database_is_detected(tmp_path):
    path = tmp_path / "j.sqlite"
    j = Journal(path)
    for i in range(300):
        j.save(NB, f"q{i}", "x" * 200)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + b"\x00" * 4096)  # a torn file
    j2 = Journal(path)
    assert j2.notice and "beschadigd" in j2.notice
    assert j2.entries() == []


def test_default_location_outside_repository(monkeypatch):
    monkeypatch.delenv("WAKKER_JOURNAL", raising=False)
    repo = Path(__file__).resolve().parents[2]
    path, notice = resolve_path()
    assert notice is None and path == default_path()
    assert repo not in path.parents


def test_env_override_inside_git_tree_is_refused(monkeypatch, tmp_path):
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("genegeerd/\n")
    monkeypatch.setenv("WAKKER_JOURNAL", str(repo / "notebooks" / "antwoorden.db"))
    path, notice = resolve_path()
    assert path == default_path()
    assert "git-map" in notice
    monkeypatch.setenv("WAKKER_JOURNAL", str(repo / "genegeerd" / "antwoorden.db"))
    assert resolve_path() == ((repo / "genegeerd" / "antwoorden.db").resolve(), None)


def test_env_override_elsewhere_is_used(monkeypatch, tmp_path):
    monkeypatch.setenv("WAKKER_JOURNAL", str(tmp_path / "mijn.sqlite"))
    assert resolve_path() == ((tmp_path / "mijn.sqlite").resolve(), None)


def test_current_lists_newest_per_question(journal):
    journal.save(NB, "b", "1")
    journal.save(NB, "a", "1")
    journal.save(NB, "b", "2")
    journal.save("07_blog_vertrouwen_prisoners_dilemma", "x", "y")
    assert [(e.question, e.value) for e in journal.current(NB)] == [("b", "2"), ("a", "1")]
    assert len(journal.current()) == 3
