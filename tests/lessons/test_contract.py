"""The lesson contract for every notebook marked ``status: klaar`` in ``data/notebooks.yaml``.

The checks live in ``lesson_contract.py``. Each notebook is executed once (module-scoped cache)
and that run serves the three run checks. The mutation tests at the end keep the proof that the
contract bites: a mistyped quote key, an error box that only a widget shows, and a model function
that raises while the notebook runs must all make it fail, although ``nbval`` passes all three.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

import lesson_contract as C

READY = C.ready_notebooks()
IDS = [e["id"] for e in READY]
MUTATION_MARKER = "CONTRACT-MUTATIE"


@pytest.fixture(scope="module")
def executed():
    """``executed(id)``: the one headless run of a ready notebook in this session."""
    cache: dict[str, C.NotebookRun] = {}

    def get(notebook_id: str) -> C.NotebookRun:
        if notebook_id not in cache:
            cache[notebook_id] = C.run_notebook(C.notebook_path(notebook_id))
        return cache[notebook_id]

    return get


def _cells_with(run: C.NotebookRun, words: tuple[str, ...]) -> list[str]:
    return [p for cell in run.cells for p in C.cell_problems(cell) if any(w in p for w in words)]


def test_error_class_is_the_kits_and_matches_whole_tokens_only():
    from wakker.ui.style import ERROR_CLASS, error_html, styled

    assert C.ERROR_CLASS == ERROR_CLASS
    assert C.ERROR_TOKEN.search(error_html("kapot"))
    assert C.ERROR_TOKEN.search(json.dumps({"value": error_html("kapot")}))  # widget state, as sent
    assert not C.ERROR_TOKEN.search(styled("fout-antwoord", "Nee, kijk nog eens."))


def test_there_are_ready_notebooks():
    assert IDS, "no notebook in data/notebooks.yaml has status: klaar"
    assert "00_start" in IDS


# ---------------------------------------------------------------- checks 1-3 (no kernel)
@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_first_code_cell_creates_its_page(entry):
    path = C.notebook_path(entry["id"])
    assert path.is_file(), f"{path} is missing"
    problems = C.check_page(path, entry["id"])
    assert not problems, C.report(problems)


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_every_quote_and_term_key_exists(entry):
    problems = C.check_keys(C.notebook_path(entry["id"]))
    assert not problems, C.report(problems)


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_lesson_is_a_package_that_reads_no_data_on_import(entry):
    problems = C.check_lesson_import(entry.get("lesson"))
    assert not problems, C.report(problems)


# ---------------------------------------------------------------- check 4 (one kernel per notebook)
@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_runs_headless_without_error_output(entry, executed):
    run = executed(entry["id"])
    problems = _cells_with(run, (": error output", ": did not finish", "replied with an error"))
    assert not problems, C.report(problems)


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_runs_headless_without_stderr(entry, executed):
    problems = _cells_with(executed(entry["id"]), (": stderr:",))
    assert not problems, C.report(problems)


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_runs_headless_without_error_boxes(entry, executed):
    """No ``wakker-fout`` box in any output, and none in the state of any widget."""
    problems = _cells_with(executed(entry["id"]), ("error box",))
    assert not problems, C.report(problems)


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_run_executed_every_code_cell(entry, executed):
    run = executed(entry["id"])
    expected = [i for i, src in C.code_cells(C.notebook_path(entry["id"])) if src.strip()]
    assert [c.index for c in run.cells] == expected
    assert all(c.messages for c in run.cells), "a cell produced no kernel messages at all"


@pytest.mark.parametrize("entry", READY, ids=IDS)
def test_the_teachers_list_of_questions_is_what_the_notebook_asks(entry, executed):
    """data/lessons/teacher/questions.yaml lists each notebook's questions (the teacher's overview counts answers to
    them, 'van' how many): the answers a student can give in it, every saved widget its page makes whose kind is an
    answer."""
    import yaml

    run = executed(entry["id"])
    assert run.questions is not None, "the questions could not be read from the kernel after the last cell"
    listed = (yaml.safe_load((C.REPO / "data" / "lessons" / "teacher" / "questions.yaml").read_text(encoding="utf-8"))
              or {}).get(entry["id"])
    wanted = "\n".join([f"{entry['id']}:" + ("" if run.questions else " []")] + [f"  - {q}" for q in run.questions])
    assert listed is not None and sorted(map(str, listed)) == run.questions, (
        f"data/lessons/teacher/questions.yaml does not list what {entry['id']} asks; write:\n{wanted}")
    # every question written out in the notebook's cells is among them (a saved widget made only after a click would
    # be missing from the run's list: this catches it for those)
    from wakker.lessons.teacher.example import notebook_questions

    written = {s.qid for s in notebook_questions(entry["id"])}
    assert written <= set(run.questions), sorted(written - set(run.questions))


# ---------------------------------------------------------------- the contract bites
def _write(path: Path, nb) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def _mistype(key: str) -> str:
    """'boek-werkvonken:planningsmachine' -> 'boek-werkvonken:planningsmachien'."""
    return key[:-2] + key[-1] + key[-2] if key[-1] != key[-2] else key + "x"


def _a_quote_key() -> tuple[str, str]:
    for nid in IDS:
        for kind, key, _, _ in C.used_keys(C.notebook_path(nid)):
            if kind == "quote" and key:
                return nid, key
    pytest.skip("no ready notebook shows a quote")


def test_mutation_mistyped_quote_key_fails_the_key_check(tmp_path):
    nid, key = _a_quote_key()
    wrong = _mistype(key)
    nb = nbformat.read(str(C.notebook_path(nid)), as_version=4)
    hits = 0
    for cell in nb.cells:
        if cell.cell_type == "code" and f'"{key}"' in cell.source:
            cell.source = cell.source.replace(f'"{key}"', f'"{wrong}"')
            hits += 1
    assert hits
    path = _write(tmp_path / "notebooks" / f"{nid}.ipynb", nb)
    assert C.check_page(path, nid) == []
    problems = C.check_keys(path)
    assert problems and all(wrong in p for p in problems), C.report(problems)
    assert "Onbekend citaat" in problems[0]


def test_mutation_term_key_and_non_literal_key_fail_the_key_check(tmp_path):
    nid = IDS[0]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f'from wakker import page, term\nnb = page("{nid}")\nnb'),
                nbformat.v4.new_code_cell('nb.term("vertrouwen")\nterm("geen-bestaand-begrip")'),
                nbformat.v4.new_code_cell('key = "x"\nnb.quote(key)')]
    path = _write(tmp_path / f"{nid}.ipynb", nb)
    problems = C.check_keys(path)
    assert len(problems) == 2, C.report(problems)
    assert "geen-bestaand-begrip" in problems[0] and "cell 1" in problems[0]
    assert "without a literal key" in problems[1] and "cell 2" in problems[1]


def test_mutation_wrong_or_late_page_fails_the_page_check(tmp_path):
    nid = IDS[0]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f'nb = page("{nid}")'),
                nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_code_cell(f'from wakker import page\nnb = page("{nid}")')]
    path = _write(tmp_path / f"{nid}.ipynb", nb)
    assert C.check_page(path, nid), "a page() in the second code cell must not count"
    nb.cells = [nbformat.v4.new_code_cell('from wakker import page\nnb = page("00_iets_anders")\nnb')]
    _write(path, nb)
    problems = C.check_page(path, nid)
    assert problems and f'page("{nid}")' in problems[0], C.report(problems)


def test_mutation_lesson_that_reads_data_on_import_fails_the_import_check(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(C.REPO / "lib", root / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(C.REPO / "data", root / "data")
    eager = root / "lib" / "wakker" / "lessons" / "eager"
    eager.mkdir()
    (eager / "__init__.py").write_text(
        "from wakker.core.data import lesson_dir, read_yaml\n"
        "CHARACTERS = read_yaml(lesson_dir('trust_game') / 'characters.yaml')\n", encoding="utf-8")
    problems = C.check_lesson_import("eager", root)
    assert problems and "read_yaml" in problems[0], C.report(problems)
    (eager / "__init__.py").write_text(
        "from pathlib import Path\n"
        "TEXT = (Path(__file__).resolve().parents[4] / 'data' / 'notebooks.yaml').read_text()\n", encoding="utf-8")
    problems = C.check_lesson_import("eager", root)
    assert problems and "opened data files" in problems[0] and "notebooks.yaml" in problems[0], C.report(problems)
    (root / "lib" / "wakker" / "lessons" / "module_only.py").write_text("X = 1\n", encoding="utf-8")
    problems = C.check_lesson_import("module_only", root)
    assert problems and "not a package" in problems[0], C.report(problems)
    assert C.check_lesson_import("bestaat_niet", root)


BROKEN_VIEW = '''
# a lesson widget whose callback raises: the student sees a Dutch box, nbval sees a passing cell
import ipywidgets as w
from wakker.ui.view import View, safe

class Broken(View):
    def __init__(self):
        self.message = w.HTML()
        self.box = w.VBox([self.message])
        self.update()

    @safe
    def update(self):
        raise RuntimeError("CONTRACT-MUTATIE in een callback")

Broken()
'''


def test_mutation_error_boxes_fail_the_run_check_although_no_cell_errors(tmp_path):
    """A mistyped quote key and a widget callback that raises: no error output, but the run fails."""
    nid, key = _a_quote_key()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f'from wakker import page\nnb = page("{nid}")\nnb'),
                nbformat.v4.new_code_cell(f'nb.quote("{_mistype(key)}")'),
                nbformat.v4.new_code_cell(BROKEN_VIEW.strip())]
    path = _write(tmp_path / f"{nid}.ipynb", nb)
    run = C.run_notebook(path)
    assert [c.status for c in run.cells] == ["ok", "ok", "ok"], "nbval would pass every cell"
    first, quote, broken = (C.cell_problems(c) for c in run.cells)
    assert first == []
    assert any("error box in the output (text/html)" in p and "Onbekend citaat" in p for p in quote), quote
    assert any("error box in a widget" in p and MUTATION_MARKER in p for p in broken), broken
    assert any(": stderr:" in p and "RuntimeError" in p and MUTATION_MARKER in p for p in broken), broken
    assert not any("error output" in p for p in quote + broken)


SABOTAGE = f'''
# contract test: public model functions raise from now on (every reference, also imported names)
import importlib

def _broken(*args, **kwargs):
    raise RuntimeError("{MUTATION_MARKER}: model uitgezet")

import inspect, pkgutil, wakker.models as _models

_done = []
for _info in pkgutil.iter_modules(_models.__path__):
    if _info.name == "params":  # the parameter machinery, not a model
        continue
    _mod = importlib.import_module(f"wakker.models.{{_info.name}}")
    for _name, _f in vars(_mod).items():
        _f = getattr(_f, "__wrapped__", _f)
        if (not _name.startswith("_") and inspect.isfunction(_f) and _f.__module__ == _mod.__name__
                and not _f.__code__.co_freevars):
            _f.__code__ = _broken.__code__
            _done.append(f"{{_info.name}}.{{_name}}")
assert _done, "no model function to sabotage"
'''


def _lessons_using_models() -> list[dict]:
    out = []
    for entry in READY:
        folder = C.REPO / "lib" / "wakker" / "lessons" / str(entry.get("lesson"))
        text = " ".join(p.read_text(encoding="utf-8") for p in folder.rglob("*.py")) if folder.is_dir() else ""
        if "models" in text:
            out.append(entry)
    return out


MODEL_LESSONS = _lessons_using_models()


@pytest.mark.parametrize("entry", MODEL_LESSONS, ids=[e["id"] for e in MODEL_LESSONS])
def test_mutation_model_that_raises_during_run_all_fails_the_run_check(entry, tmp_path, executed):
    nid = entry["id"]
    nb = nbformat.read(str(C.notebook_path(nid)), as_version=4)
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first_code + 1, nbformat.v4.new_code_cell(SABOTAGE.strip()))
    path = _write(tmp_path / f"{nid}.ipynb", nb)
    assert C.check_page(path, nid) == [] and C.check_keys(path) == []
    problems = C.check_run(C.run_notebook(path))
    caught = [p for p in problems if MUTATION_MARKER in p]
    if not caught and C.check_run(executed(nid)):
        pytest.skip(f"{nid} fails the contract without the mutation, so the mutation proves nothing now")
    assert caught, "the contract did not see a model that raises:\n" + C.report(problems)
