"""The journal under faults (issue 8): full or read-only disks, odd timestamps, unopenable journals,
kernels racing over a damaged file, saves waiting in the delay when the kernel is stopped, time zones.

Fault injection: the full disk and the read-only folder run for real on a tiny tmpfs when mounting is
allowed (root), and are *also* injected by wrapping ``sqlite3.connect`` so that every run (CI without
root) covers them. Root ignores file permissions, so a real read-only case uses ``mount -o remount,ro``.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import wakker.core.journal as jm
from wakker.core.journal import Entry, Journal, JournalError

NB = "00_start"
NORMAL = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$"


def aside_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if ".beschadigd-" in p.name]


def english(text: str, *paths: Path) -> bool:
    """Whether English exception text leaked into a message (the paths it names are left out)."""
    for path in sorted(paths, key=lambda p: -len(str(p))):
        text = text.replace(str(path), "").replace(str(path.parent), "")
    return any(w in text for w in ("database", "disk", "error", "Error", "Traceback", "readonly", "unable"))


# ---------------------------------------------------------------- fault injection
class _Faulty(sqlite3.Connection):
    """A connection whose writes (and optionally everything) fail with a given SQLite error."""

    message = "database or disk is full"
    everything = False

    def _fail(self, sql: str) -> None:
        words = sql.lstrip().split(None, 1)
        first = words[0].upper() if words else ""
        if self.everything or first in {"INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "BEGIN", "REPLACE"} \
                or "journal_mode" in sql:
            raise sqlite3.OperationalError(self.message)

    def execute(self, sql, *args):
        self._fail(sql)
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        self._fail(sql)
        return super().executemany(sql, *args)

    def executescript(self, sql):
        self._fail(sql)
        return super().executescript(sql)


def inject(monkeypatch, message: str, everything: bool = False) -> None:
    real = sqlite3.connect
    faulty = type("Faulty", (_Faulty,), {"message": message, "everything": everything})

    def connect(*args, **kwargs):
        kwargs["factory"] = faulty
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.fixture
def tiny_fs(tmp_path):
    """A 256 KiB tmpfs (root only), unmounted afterwards."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the injected versions of these tests still run")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True)
    if res.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here ({res.stderr.decode(errors='replace').strip()})")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def fill(folder: Path) -> Path:
    filler = folder / "vuller"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"x" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


# ---------------------------------------------------------------- 12: only corruption moves a file aside
def test_full_disk_on_tmpfs_keeps_the_journal_where_it_is(tiny_fs):
    path = tiny_fs / "j.sqlite"
    j = Journal(path)
    for i in range(5):
        j.save(NB, "q", f"versie {i}")
    filler = fill(tiny_fs)
    try:
        opened = Journal(path)  # may open (reading needs no space) or refuse with a Dutch message
        with pytest.raises(JournalError, match="vol") as info:
            for i in range(50):
                opened.save(NB, "q", "x" * 2000 + str(i))
        assert not english(str(info.value), path)
    except JournalError as exc:
        assert "vol" in str(exc) and not english(str(exc), path)
    assert aside_files(tiny_fs) == []
    filler.unlink()
    again = Journal(path)
    assert again.notice is None
    assert [e.value for e in again.history(NB, "q")][:5] == [f"versie {i}" for i in range(5)]


def test_read_only_tmpfs_keeps_the_journal_and_says_what_to_do(tiny_fs):
    path = tiny_fs / "j.sqlite"
    Journal(path).save(NB, "q", "bewaard")
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True)
    try:
        Journal(path).save(NB, "q", "nieuw")
    except JournalError as exc:
        assert "alleen-lezen" in str(exc) or "rechten" in str(exc)
        assert "WAKKER_JOURNAL" in str(exc) and not english(str(exc), path)
    else:
        pytest.fail("saving on a read-only file system must raise a Dutch JournalError")
    subprocess.run(["mount", "-o", "remount,rw", str(tiny_fs)], check=True)
    assert aside_files(tiny_fs) == [] and path.read_bytes() == before
    assert Journal(path).latest(NB, "q").value == "bewaard"


@pytest.mark.parametrize("message, everything, words", [
    ("database or disk is full", False, "vol"),
    ("attempt to write a readonly database", False, "alleen-lezen"),
    ("unable to open database file", True, "WAKKER_JOURNAL"),
    ("disk I/O error", True, "herstart"),
    ("database is locked", False, "bezet"),
])
def test_injected_open_errors_are_dutch_and_move_nothing(tmp_path, monkeypatch, message, everything, words):
    path = tmp_path / "j.sqlite"
    # a journal in the old format, so that opening it has to write (migration)
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    con.execute("INSERT INTO entries (notebook, question, kind, prompt, value, saved_at) "
                "VALUES ('00_start', 'q', 'text', '', '\"oud\"', '2026-11-30T10:00:00.000000+00:00')")
    con.commit()
    con.close()
    before = path.read_bytes()
    inject(monkeypatch, message, everything)
    with pytest.raises(JournalError) as info:
        Journal(path)
    text = str(info.value)
    assert words in text and not english(text, path), text
    assert aside_files(tmp_path) == [] and path.read_bytes() == before


def test_injected_full_disk_while_saving_is_dutch(tmp_path, monkeypatch):
    j = Journal(tmp_path / "j.sqlite")
    j.save(NB, "q", "bewaard")
    inject(monkeypatch, "database or disk is full")
    with pytest.raises(JournalError, match="vol") as info:
        j.save(NB, "q", "nieuw")
    assert not english(str(info.value), j.path)
    monkeypatch.undo()
    assert j.latest(NB, "q").value == "bewaard" and aside_files(tmp_path) == []


@pytest.mark.parametrize("damage", [b"dit is geen database" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_real_corruption_is_still_moved_aside(tmp_path, damage):
    path = tmp_path / "j.sqlite"
    path.write_bytes(damage)
    j = Journal(path)
    assert "beschadigd" in j.notice
    assert [p.read_bytes() for p in aside_files(tmp_path)] == [damage]
    assert not Path(str(path) + ".lock").exists()


# ---------------------------------------------------------------- 13: one normalised form of time
V1_SCHEMA = """
CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT, notebook TEXT NOT NULL, question TEXT NOT NULL,
    kind TEXT NOT NULL, prompt TEXT NOT NULL DEFAULT '', value TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE INDEX entries_by_question ON entries (notebook, question, id);
CREATE UNIQUE INDEX entries_unique ON entries (notebook, question, saved_at, value);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def e(value, saved_at, question="q"):
    return Entry(NB, question, "text", "", value, saved_at)


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "j.sqlite")


def test_every_written_moment_is_normalised(journal):
    journal.save(NB, "q", "nu")
    added = journal.add_entries([e("a", "2026-11-30T10:00:00Z"), e("b", "2026-11-30T12:00:00+01:00"),
                                 e("c", "20261130T130000"), e("d", "2026-11-30 14:00:00"),
                                 e("f", "20261130T150000.5+0100")])
    assert added == 5
    stored = {x.value: x.saved_at for x in journal.entries()}
    assert all(__import__("re").match(NORMAL, t) for t in stored.values()), stored
    assert stored["a"] == "2026-11-30T10:00:00.000000+00:00"
    assert stored["b"] == "2026-11-30T11:00:00.000000+00:00"
    assert stored["c"] == "2026-11-30T13:00:00.000000+00:00"  # a moment without zone counts as UTC
    assert stored["f"] == "2026-11-30T14:00:00.500000+00:00"
    # the same moments in another notation are the same versions: nothing doubles
    assert journal.add_entries([e("a", "2026-11-30T11:00:00+01:00"), e("b", "20261130T110000Z")]) == 0


def test_offset_is_compared_as_a_moment_not_as_text(journal):
    journal.add_entries([e("om 09:30 UTC", "2026-11-30T10:30:00+01:00"), e("om 09:45 UTC", "2026-11-30T09:45:00+00:00")])
    assert journal.latest(NB, "q").value == "om 09:45 UTC"
    assert [x.value for x in journal.history(NB, "q")] == ["om 09:30 UTC", "om 09:45 UTC"]


def test_compact_old_timestamp_does_not_pin_an_old_answer(journal):
    year = datetime.now(timezone.utc).year  # same year: as text, '2026' + '0101' sorted after '2026-...'
    journal.add_entries([e("oud, compact", f"{year}0101T100000")])
    journal.save(NB, "q", "nieuw")
    assert journal.latest(NB, "q").value == "nieuw"
    assert [x.value for x in journal.current(NB)] == ["nieuw"]


def test_import_from_a_clock_that_ran_ahead_never_hides_a_new_save(journal):
    ahead = (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat()
    journal.add_entries([e("van de laptop (klok een uur voor)", ahead)])
    assert journal.latest(NB, "q").value == "van de laptop (klok een uur voor)"
    journal.save(NB, "q", "nu getypt")
    assert journal.latest(NB, "q").value == "nu getypt"
    assert [x.value for x in journal.current(NB)] == ["nu getypt"]
    journal.save(NB, "q", "daarna getypt")
    assert [x.value for x in journal.history(NB, "q")][-2:] == ["nu getypt", "daarna getypt"]


def test_import_of_a_later_version_becomes_current_and_an_older_one_does_not(journal):
    saved = journal.save(NB, "q", "hier")
    t = datetime.fromisoformat(saved.saved_at)
    journal.add_entries([e("eerder, elders", (t - timedelta(minutes=5)).isoformat())])
    assert journal.latest(NB, "q").value == "hier"
    journal.add_entries([e("later, elders", (t + timedelta(seconds=1)).isoformat())])
    assert journal.latest(NB, "q").value == "later, elders"


def test_invalid_moment_in_add_entries_is_refused_in_dutch(journal):
    with pytest.raises(JournalError, match="tijdstip"):
        journal.add_entries([e("goed", "2026-11-30T10:00:00Z"), e("fout", "gisteren")])
    assert journal.entries() == []  # all or nothing


def test_old_journal_is_migrated_and_its_moments_normalised(tmp_path):
    path = tmp_path / "j.sqlite"
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    rows = [("compact (pinde vroeger)", "20201130T100000"), ("offset", "2026-11-30T10:30:00+01:00"),
            ("nieuwste", "2026-11-30T09:45:00.000000+00:00"), ("dubbel", "2026-11-30T08:00:00Z"),
            ("dubbel", "2026-11-30T08:00:00.000000+00:00")]
    con.executemany("INSERT INTO entries (notebook, question, kind, prompt, value, saved_at) "
                    "VALUES ('00_start', 'q', 'text', '', ?, ?)", [(f'"{v}"', t) for v, t in rows])
    con.commit()
    con.close()
    j = Journal(path)
    assert j.latest(NB, "q").value == "nieuwste"
    history = j.history(NB, "q")
    assert [x.value for x in history] == ["compact (pinde vroeger)", "dubbel", "offset", "nieuwste"]
    assert all(__import__("re").match(NORMAL, x.saved_at) for x in history)
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(jm.JOURNAL_VERSION)
    con.close()
    assert Journal(path).latest(NB, "q").value == "nieuwste"  # opening again changes nothing


# ---------------------------------------------------------------- 14: the first cell never shows a traceback
def _future_version(path: Path) -> None:
    Journal(path).save(NB, "q", "bewaard")
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(getattr(jm, "JOURNAL_VERSION", 1) + 1),))
    con.commit()
    con.close()


def _odd_version(path: Path) -> None:
    Journal(path).save(NB, "q", "bewaard")
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = 'twee' WHERE key = 'schema_version'")
    con.commit()
    con.close()


def _parent_is_a_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / "bestand").write_text("ik ben een bestand")
    return path.parent / "bestand" / "j.sqlite"


@pytest.mark.parametrize("case, words", [
    ("future", "nieuwere versie"), ("odd", "versienummer"), ("parent_file", "WAKKER_JOURNAL"),
    ("full", "vol"), ("readonly", "alleen-lezen"),
])
def test_first_cell_shows_a_dutch_notice_and_the_notebook_still_works(tmp_path, monkeypatch, case, words):
    from wakker import ui
    import wakker.ui.page as page_mod
    from wakker.ui.page import page

    path = tmp_path / "data" / "j.sqlite"
    path.parent.mkdir()
    if case == "future":
        _future_version(path)
    elif case == "odd":
        _odd_version(path)
    elif case == "parent_file":
        path = _parent_is_a_file(path)
    before = path.read_bytes() if path.exists() else None
    monkeypatch.setenv("WAKKER_JOURNAL", str(path))
    jm.reset_default()
    if case == "full":
        inject(monkeypatch, "database or disk is full")
    elif case == "readonly":
        inject(monkeypatch, "attempt to write a readonly database")
    shown = []
    monkeypatch.setattr(page_mod, "display", lambda obj: shown.append(obj.data))
    try:
        nb = page(NB)
        nb._ipython_display_()
        html = "".join(shown)
        assert words in html and "Leerdoelen" in html and not english(html, path), html
        q = nb.open_question("demo", "Wat denk jij?")
        q.area.value = "mijn antwoord"
        ui.flush()
        assert "niet" in q.status.value.lower() and not english(q.status.value), q.status.value
        # the answer is kept for this session and can still be exported
        assert [x.value for x in nb.journal.entries()] == ["mijn antwoord"]
        from wakker.core.portfolio import to_json

        assert [x["value"] for x in to_json(nb.journal)["entries"]] == ["mijn antwoord"]
        assert nb.load_value("demo") == "mijn antwoord"
    finally:
        jm.reset_default()
    monkeypatch.undo()
    assert aside_files(path.parent) == [] if path.parent.is_dir() else True
    if before is not None:
        assert path.read_bytes() == before


# ---------------------------------------------------------------- 15: kernels racing over a damaged journal
def _racer(path: str, name: str, n: int, barrier) -> None:
    barrier.wait(10)
    j = Journal(path, known_notebooks=None)
    for i in range(n):
        j.save(NB, name, f"{name} {i}")


def test_kernels_opening_a_damaged_journal_at_once_lose_nothing(tmp_path):
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    damage = b"dit is geen database" * 200
    deadline = time.time() + 6  # several trials, bounded in time (the old code lost saves in most of them)
    trials = 0
    while trials < 10 and (trials < 3 or time.time() < deadline):
        folder = tmp_path / f"proef{trials}"
        folder.mkdir()
        path = folder / "j.sqlite"
        path.write_bytes(damage)
        barrier = ctx.Barrier(4)
        procs = [ctx.Process(target=_racer, args=(str(path), f"k{k}", 15, barrier)) for k in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        saved = Journal(path, known_notebooks=None).entries()
        assert len(saved) == 60, f"proef {trials}: {60 - len(saved)} opgeslagen antwoorden kwijt"
        main_aside = [p for p in aside_files(folder) if not p.name.endswith(("-wal", "-shm"))]
        assert [p.read_bytes() for p in main_aside] == [damage]
        trials += 1
    assert trials >= 3


def _opens_then_stalls(path: str, later: bool, damaged, opened, go) -> None:
    """A kernel that is descheduled right after opening the journal file, before its first read of it:
    while it opens the journal, or (``later``) in an operation on a journal it opened while it was healthy."""
    real = sqlite3.connect

    def connect(*args, **kwargs):
        con = real(*args, **kwargs)
        sqlite3.connect = real  # only this connection stalls
        opened.set()
        go.wait(5)
        return con

    if later:
        j = Journal(path, known_notebooks=None)
        damaged.wait(20)  # meanwhile the file is damaged
        sqlite3.connect = connect
        try:
            j.latest(NB, "traag")
        except JournalError:
            pass  # "lijkt beschadigd": this kernel stays as it is, the other one repairs
        return
    sqlite3.connect = connect
    Journal(path, known_notebooks=None).save(NB, "traag", "van de trage kernel")


def _opens(path: str) -> None:
    Journal(path, known_notebooks=None).save(NB, "snel", "van de snelle kernel")


@pytest.mark.parametrize("later", [False, True], ids=["bij-het-openen", "bij-een-latere-bewerking"])
def test_a_damaged_journal_is_not_moved_aside_while_another_kernel_has_it_open(tmp_path, later):
    """The race above, made certain: one kernel stalls between opening the damaged file and reading it.

    A connection stays bound to the file it opened but finds ``-journal``/``-wal``/``-shm`` by name; had the
    file been renamed under it, its first read would treat the new journal's rollback journal as its own and
    roll it back into the moved file (that is how the racing test above ended with an empty file set aside).
    So the second kernel must wait with its repair until the first one has closed the file.
    """
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    damage = b"dit is geen database" * 200
    path = tmp_path / "j.sqlite"
    if not later:
        path.write_bytes(damage)
    damaged, opened, go = ctx.Event(), ctx.Event(), ctx.Event()
    slow = ctx.Process(target=_opens_then_stalls, args=(str(path), later, damaged, opened, go))
    fast = ctx.Process(target=_opens, args=(str(path),))
    slow.start()
    try:
        if later:
            deadline = time.time() + 20
            while not path.exists() and time.time() < deadline:
                time.sleep(0.01)
            time.sleep(0.3)  # the slow kernel has opened (and closed) the healthy journal
            path.write_bytes(damage)
            damaged.set()
        assert opened.wait(20)
        fast.start()
        fast.join(1.0)  # time enough to repair (a few milliseconds) if nothing holds it back
        moved_while_open = [p.name for p in aside_files(tmp_path)]
    finally:
        damaged.set()
        go.set()
        for p in (slow, fast):
            p.join(30)
    assert slow.exitcode == 0 and fast.exitcode == 0
    assert moved_while_open == [], "opzij gezet terwijl een andere kernel het bestand nog open had"
    assert [p.read_bytes() for p in aside_files(tmp_path) if not p.name.endswith(("-wal", "-shm"))] == [damage]
    values = {x.value for x in Journal(path, known_notebooks=None).entries()}
    assert values == ({"van de snelle kernel"} if later else {"van de trage kernel", "van de snelle kernel"})
    assert not Path(str(path) + ".lock").exists()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="looks at open files through /proc")
def test_opening_a_damaged_journal_leaves_no_handle_on_the_file_set_aside(tmp_path):
    """A connection whose first read fails is closed at once, not whenever the garbage collector runs:
    an open handle stays bound to the file after it is renamed (see the test above)."""
    import gc

    path = tmp_path / "j.sqlite"
    path.write_bytes(b"kapot" * 1000)
    gc.disable()  # a forgotten connection lives in a reference cycle: only the collector would close it
    try:
        j = Journal(path, known_notebooks=None)
        open_files = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                open_files.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                pass
    finally:
        gc.enable()
    assert "beschadigd" in j.notice
    assert [f for f in open_files if ".beschadigd-" in f] == []


def test_stale_repair_lock_does_not_block_forever(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite"
    path.write_bytes(b"kapot" * 100)
    lock = Path(str(path) + ".lock")
    lock.write_text("99999999")
    old = time.time() - 3600
    os.utime(lock, (old, old))
    start = time.time()
    j = Journal(path)
    assert "beschadigd" in j.notice and time.time() - start < 5
    assert not lock.exists()


# ---------------------------------------------------------------- 18: nothing waits forever in the delay
SIGTERM_SCRIPT = """
import sys, signal, time
from pathlib import Path
from wakker.core.journal import Journal
from wakker.ui.saving import pending
j = Journal(sys.argv[1])
if sys.argv[2] == "chain":
    signal.signal(signal.SIGTERM, lambda *a: (Path(sys.argv[1] + ".vorige").write_text("ja"), sys.exit(3)))
pending.schedule(1, lambda: j.save("00_start", "q", "wachtte nog"), 30)
print("klaar", flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is POSIX")
@pytest.mark.parametrize("previous", ["default", "chain"])
def test_sigterm_saves_what_is_waiting_then_chains(tmp_path, previous):
    path = tmp_path / "j.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", SIGTERM_SCRIPT, str(path), previous],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "klaar"
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(15)
    assert Journal(path).latest(NB, "q").value == "wachtte nog"
    if previous == "chain":
        assert code == 3 and Path(str(path) + ".vorige").read_text() == "ja"
    else:
        assert code == -signal.SIGTERM


def test_continuous_typing_saves_within_the_max_wait(journal):
    from wakker.ui.saving import SAVE_DELAY, pending

    max_wait = getattr(__import__("wakker.ui.saving", fromlist=["x"]), "SAVE_MAX_WAIT", 3.0)
    saves = []

    def save(text):
        saves.append(time.monotonic())
        journal.save(NB, "q", text)

    start = time.monotonic()
    text = ""
    while time.monotonic() - start < 3.0:
        text += "a"
        pending.schedule(12345, lambda t=text: save(t), SAVE_DELAY)
        time.sleep(0.1)
    first = saves[0] - start if saves else None
    pending.flush()
    assert first is not None and first <= max_wait + 0.3, f"eerste opslag na {first} s"
    assert max_wait <= 3.0
    assert journal.latest(NB, "q").value == text


# ---------------------------------------------------------------- 19: Dutch time on screen
@pytest.mark.parametrize("saved_at, tz, shown", [
    ("2026-11-30T16:05:00.000000+00:00", None, "17:05"),            # winter: UTC+1
    ("2026-07-01T15:05:00.000000+00:00", None, "17:05"),            # summer: UTC+2
    ("2026-11-30T16:05:00.000000+00:00", "UTC", "16:05"),
    ("2026-11-30T16:05:00.000000+00:00", "America/New_York", "11:05"),
])
def test_times_are_shown_in_dutch_time_unless_tz_is_set(monkeypatch, saved_at, tz, shown):
    if tz is None:
        monkeypatch.delenv("TZ", raising=False)
    else:
        monkeypatch.setenv("TZ", tz)
    assert e("x", saved_at).local_time.strftime("%H:%M") == shown


KERNEL_CELL = """
from wakker.core.journal import Journal
from wakker.ui.saving import pending
j = Journal({path!r}, known_notebooks=None)
pending.schedule(1, lambda: j.save("00_start", "q", "wachtte in de kernel"), 60)
"""


@pytest.mark.skipif(os.name != "posix", reason="uses a local ipykernel")
@pytest.mark.parametrize("how", ["shutdown_request", "sigterm"])
def test_a_kernel_that_is_shut_down_saves_what_is_waiting(tmp_path, how):
    manager = pytest.importorskip("jupyter_client.manager")
    path = tmp_path / "j.sqlite"
    km, kc = manager.start_new_kernel(kernel_name="python3")
    try:
        reply = kc.execute_interactive(KERNEL_CELL.format(path=str(path)), timeout=30)
        assert reply["content"]["status"] == "ok"
        if how == "shutdown_request":
            km.shutdown_kernel(now=False)  # what JupyterLab's "Shut Down Kernel" and "Restart Kernel" send
        else:
            km.signal_kernel(signal.SIGTERM)  # what a server sends a kernel that does not stop in time
            deadline = time.time() + 10
            while km.is_alive() and time.time() < deadline:
                time.sleep(0.05)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
    assert Journal(path).latest(NB, "q").value == "wachtte in de kernel"


def test_a_new_save_after_a_moment_at_the_end_of_the_calendar_is_current(tmp_path):
    """A 9999-12-31 moment imported before imports were checked must not block a new save."""
    from wakker.core.journal import Entry, Journal

    j = Journal(tmp_path / "j.sqlite", known_notebooks=None)
    j.add_entries([Entry("00_start", "q", "text", "", "uit de toekomst", "9999-12-31T23:59:59.999999+00:00")])
    j.save("00_start", "q", "nu getypt")
    assert j.latest("00_start", "q").value == "nu getypt"
