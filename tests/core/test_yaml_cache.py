"""The YAML parse cache (wakker.core.data.read_yaml): the same data as parsing, never stale, never in the way.

A new kernel reads eight YAML files in its first cell; the cache lets a later kernel skip importing and
running the parser. It is only ever a shortcut: each test here checks that what comes back is exactly what
parsing gives, whatever state the cache folder is in."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from wakker.core import data
from wakker.core.data import ContentError, read_yaml

LIB = Path(data.__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("WAKKER_CACHE", str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def test_every_data_file_comes_back_from_the_cache_as_parsed(cache, monkeypatch):
    files = sorted(data.data_dir().rglob("*.yaml"))
    assert len(files) >= 8
    monkeypatch.setenv("WAKKER_CACHE", "0")
    parsed = {f: read_yaml(f) for f in files}
    assert not entries(cache)
    monkeypatch.setenv("WAKKER_CACHE", str(cache))
    for f in files:
        read_yaml(f)  # parse and store
    assert len(entries(cache)) == len({f.read_text(encoding="utf-8") for f in files})

    def no_parser(*args, **kwargs):
        raise AssertionError("parsed again although the cache has this text")

    import yaml

    monkeypatch.setattr(yaml, "load", no_parser)
    for f in files:
        again = read_yaml(f)
        assert again == parsed[f], f.name
        assert again is not read_yaml(f)  # a fresh copy each time: a caller may change what it gets


def test_dates_and_other_yaml_types_survive(cache, tmp_path):
    f = tmp_path / "types.yaml"
    f.write_text("d: 2013-06-20\nt: 2021-10-01T10:00:00+01:00\nn: null\nx: 1.5\nb: true\ns: !!set {a, b}\n",
                 encoding="utf-8")
    first = read_yaml(f)
    assert entries(cache)
    assert read_yaml(f) == first
    assert str(read_yaml(f)["d"]) == "2013-06-20"


def test_an_edited_file_is_parsed_again_even_with_the_same_time(cache, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("value: 1\n", encoding="utf-8")
    stat = f.stat()
    assert read_yaml(f) == {"value": 1}
    f.write_text("value: 2\n", encoding="utf-8")
    os.utime(f, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # an editor or a checkout that keeps the time
    assert read_yaml(f) == {"value": 2}


def test_a_damaged_entry_is_parsed_again_and_replaced(cache, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("- een\n- twee\n", encoding="utf-8")
    read_yaml(f)
    [entry] = entries(cache)
    entry.write_bytes(entry.read_bytes()[:7])  # cut off, as by a full disk
    assert read_yaml(f) == ["een", "twee"]
    assert pickle.loads(entry.read_bytes()) == ["een", "twee"]


def test_an_entry_that_would_run_code_is_refused(cache, tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("veilig: ja\n", encoding="utf-8")
    read_yaml(f)
    [entry] = entries(cache)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    entry.write_bytes(pickle.dumps({"veilig": Evil()}))
    assert read_yaml(f) == {"veilig": "ja"}
    assert not marker.exists()


@pytest.mark.parametrize("how", ["a file", "under a file"])
def test_an_unusable_cache_folder_changes_nothing(tmp_path, monkeypatch, how):
    blocker = tmp_path / "blocker"
    blocker.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("WAKKER_CACHE", str(blocker if how == "a file" else blocker / "cache"))
    f = tmp_path / "a.yaml"
    f.write_text("x: [1, 2]\n", encoding="utf-8")
    assert read_yaml(f) == {"x": [1, 2]}
    assert read_yaml(f) == {"x": [1, 2]}
    assert blocker.read_text(encoding="utf-8") == "geen map"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_switched_off_and_errors_are_never_stored(cache, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError, match="geen geldige YAML"):
            read_yaml(bad)
    assert not entries(cache)
    monkeypatch.setenv("WAKKER_CACHE", "0")
    assert data.cache_dir() is None
    good = tmp_path / "good.yaml"
    good.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(good) == {"a": 1}
    assert not entries(cache)


def test_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("WAKKER_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert data.cache_dir() == tmp_path / "wakker" / "yaml"


def test_a_new_kernel_with_a_warm_cache_does_not_load_the_yaml_parser(cache):
    """What the cache is for: a second process loads the content without importing PyYAML."""
    code = ("import sys\nfrom wakker.core.content import content\nc = content()\n"
            "print('yaml' in sys.modules, len(c.excerpts), len(c.terms), sorted(c.sources)[0])")
    env = {**os.environ, "PYTHONPATH": str(LIB), "WAKKER_CACHE": str(cache)}
    env.pop("WAKKER_DATA", None)
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split()[0] == "True"
    assert second.stdout.split()[0] == "False"
    assert first.stdout.split()[1:] == second.stdout.split()[1:]


def test_the_cache_keeps_only_the_newest_entries(cache, tmp_path):
    """Every edit of a data file adds an entry; only the most recently written ones stay."""
    for i in range(6):
        f = tmp_path / f"v{i}.yaml"
        f.write_text(f"versie: {i}\n", encoding="utf-8")
        read_yaml(f)
        newest = max(entries(cache), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, ns=(i * 10**9, i * 10**9))  # written in this order, one second apart
    data._cache_prune(cache, keep=3)
    kept = sorted(pickle.loads(p.read_bytes())["versie"] for p in entries(cache))
    assert kept == [3, 4, 5]
    assert read_yaml(tmp_path / "v0.yaml") == {"versie": 0}  # a pruned one is parsed again
