"""The lesson contract: what every ready notebook and its lesson package must keep true.

Used by ``tests/lessons/test_contract.py`` (every notebook with ``status: klaar``), by the starter
test that ``tools/new_lesson.py`` writes for a new lesson, and by ``tests/test_new_lesson.py``.
Every check takes the repository root, so it also runs on a temporary copy of the repository,
and returns a list of problems (empty: the check passed), each naming the cell and what is wrong.

1. :func:`check_page` -- the first code cell creates ``page("<its id>")`` (parsed with ``ast``).
2. :func:`check_keys` -- every literal ``quote``/``term`` key exists in the content.
3. :func:`check_lesson_import` -- ``wakker.lessons.<lesson>`` is a package and importing it reads
   no data (a subprocess with ``WAKKER_DATA`` pointing at an empty folder, ``read_yaml`` patched to
   raise, and an audit hook that records every file opened under a data folder).
4. :func:`run_notebook` + :func:`check_run` -- the notebook runs headless in a real kernel with
   ``WAKKER_STRICT=1`` and leaves no error box (``wakker-fout``, also in widget state sent over
   comms), no stderr output and no error output in any cell.

The workbook turns every error into a Dutch box instead of a traceback, so ``nbval`` sees a
broken lesson as a passing cell; check 4 is what sees it.
"""
from __future__ import annotations

import ast
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]

#: The class of the workbook's error box (``wakker.ui.style.ERROR_CLASS``), as a whole token:
#: ``wakker-fout-antwoord`` (the feedback on a wrong answer) is not an error box.
ERROR_CLASS = "wakker-fout"
#: Widget state keys that hold an anywidget's front-end code, not what it shows.
ANYWIDGET_CODE = ("_esm", "_css")
ERROR_TOKEN = re.compile(r"(?<![\w-])" + re.escape(ERROR_CLASS) + r"(?![\w-])")

CELL_TIMEOUT = 60.0  # seconds for one cell; a stalled kernel fails the check instead of hanging


# ---------------------------------------------------------------- the workbook map
def ready_notebooks(root: Path = REPO) -> list[dict]:
    """The entries of ``data/notebooks.yaml`` with ``status: klaar`` (read as plain YAML)."""
    import yaml

    entries = yaml.safe_load((Path(root) / "data" / "notebooks.yaml").read_text(encoding="utf-8")) or []
    return [e for e in entries if isinstance(e, dict) and e.get("status") == "klaar"]


def notebook_entry(notebook_id: str, root: Path = REPO) -> dict:
    import yaml

    entries = yaml.safe_load((Path(root) / "data" / "notebooks.yaml").read_text(encoding="utf-8")) or []
    for e in entries:
        if isinstance(e, dict) and e.get("id") == notebook_id:
            return e
    raise KeyError(f"{notebook_id} is not in data/notebooks.yaml")


def notebook_path(notebook_id: str, root: Path = REPO) -> Path:
    return Path(root) / "notebooks" / f"{notebook_id}.ipynb"


def code_cells(path: Path) -> list[tuple[int, str]]:
    """(index in the notebook, source) of every code cell."""
    nb = nbformat.read(str(path), as_version=4)
    return [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def code_parts(path: Path) -> list[tuple[int, str]]:
    """(cell index, source) of every *part* of every code cell, in notebook order.

    Hidden code cells that stood side by side are one cell (issue 11: each cell costs a round trip
    to the kernel and its own work in the page); each part keeps its own first line, a ``# `` comment
    at the start of a line, after an empty line, outside any statement (so never a line of a string).
    The cell's own first line is the first part's comment, widened to say what follows ("…; daarna
    een vraag")."""
    out = []
    for index, source in code_cells(path):
        lines = source.split("\n")
        inside = set()
        for node in _parse(source).body:
            inside.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        starts = [0] + [n for n in range(1, len(lines)) if lines[n].startswith("# ") and not lines[n - 1].strip()
                        and n + 1 not in inside]
        for a, b in zip(starts, starts[1:] + [len(lines)]):
            out.append((index, "\n".join(lines[a:b]).strip("\n")))
    return out


def part_with(path: Path, marker: str) -> str:
    """The one part of a code cell (:func:`code_parts`) that contains ``marker``."""
    found = [src for _i, src in code_parts(path) if marker in src]
    assert len(found) == 1, f"{len(found)} parts of {Path(path).name} contain {marker!r}"
    return found[0]


def units(path: Path) -> list[str]:
    """The notebook as a lesson reads: every Markdown cell's text and every code part (:func:`code_parts`), in order."""
    nb = nbformat.read(str(path), as_version=4)
    parts = code_parts(path)
    out = []
    for i, c in enumerate(nb.cells):
        out += [src for j, src in parts if j == i] if c.cell_type == "code" else [c.source]
    return out


def part_of(path: Path, cid: str, moved: dict[str, str] | None = None) -> str:
    """What a lesson test names by cell id: a Markdown cell's text, the first part of code cell ``cid``, or, for
    a part that was a cell of its own before hidden cells side by side became one, the part that contains
    ``moved[cid]`` (something only it contains)."""
    if moved and cid in moved:
        return part_with(path, moved[cid])
    nb = nbformat.read(str(path), as_version=4)
    (index,) = [i for i, c in enumerate(nb.cells) if c.get("id") == cid]
    if nb.cells[index].cell_type != "code":
        return nb.cells[index].source
    return next(src for i, src in code_parts(path) if i == index)


def hover_problems(fig) -> list[str]:
    """Traces of a plotly figure that would show plotly's default hover label, e.g. '(3, 21,91484)': with Dutch
    separators the decimal comma and plotly's x/y comma collide. Each trace needs a Dutch hovertemplate (with a
    number format for y) unless it skips hover on purpose."""
    problems = []
    for trace in fig.data:
        if trace.hoverinfo in ("skip", "none"):
            continue
        template = trace.hovertemplate or ""
        if not template:
            problems.append(f"{trace.name}: geen hovertemplate")
        elif re.search(r"%\{y\}", template):
            problems.append(f"{trace.name}: y zonder getalnotatie")
    return problems


def _parse(source: str) -> ast.Module:
    """Parse a cell; IPython magics and shell lines (``%``, ``!``) are blanked first."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    return ast.parse("\n".join(lines))


def _where(index: int, source: str) -> str:
    first = next((line for line in source.splitlines() if line.strip()), "")
    return f"cell {index} ({first.strip()[:60]!r})"


# ---------------------------------------------------------------- 1. page
def _is_page_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    return (isinstance(f, ast.Name) and f.id == "page") or (
        isinstance(f, ast.Attribute) and f.attr == "page" and isinstance(f.value, ast.Name) and f.value.id == "wakker")


def check_page(path: Path, notebook_id: str) -> list[str]:
    """The first code cell assigns ``page("<notebook_id>")`` (imported from wakker) to a name."""
    cells = code_cells(path)
    if not cells:
        return [f"{path.name}: no code cells"]
    index, source = cells[0]
    try:
        tree = _parse(source)
    except SyntaxError as exc:
        return [f"{path.name} {_where(index, source)}: syntax error: {exc}"]
    imported = any(isinstance(n, ast.ImportFrom) and n.module == "wakker" and any(a.name == "page" for a in n.names)
                   for n in ast.walk(tree))
    calls = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_page_call(node.value):
            calls.append(node.value)
    problems = []
    if not calls:
        problems.append(f"{path.name} {_where(index, source)}: the first code cell does not assign "
                        f'nb = page("{notebook_id}")')
    for call in calls:
        args = [a.value for a in call.args if isinstance(a, ast.Constant)]
        if args != [notebook_id] or call.keywords:
            problems.append(f"{path.name} {_where(index, source)}: page({', '.join(map(repr, args))}) "
                            f'should be page("{notebook_id}")')
        if isinstance(call.func, ast.Name) and not imported:
            problems.append(f"{path.name} {_where(index, source)}: page is not imported with 'from wakker import page'")
    for i, src in cells[1:]:  # no second page, and none with another id
        try:
            later = _parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(later):
            if _is_page_call(node):
                problems.append(f"{path.name} {_where(i, src)}: a second page(...) call")
    return problems


# ---------------------------------------------------------------- 2. quote and term keys
def used_keys(path: Path) -> list[tuple[str, str, int, str]]:
    """Every ``quote``/``term`` call: (kind, key or '' if not a literal, cell index, cell source).

    Counted: ``<page>.quote(...)`` on a name assigned from ``page(...)``, ``wakker.quote(...)``,
    and bare ``quote(...)``/``term(...)`` imported from ``wakker``.
    """
    cells = code_cells(path)
    trees = []
    for index, source in cells:
        try:
            trees.append((index, source, _parse(source)))
        except SyntaxError:
            continue
    pages, bare = {"wakker"}, set()
    for _, _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and _is_page_call(node.value):
                pages.update(t.id for t in node.targets if isinstance(t, ast.Name))
            if isinstance(node, ast.ImportFrom) and node.module == "wakker":
                bare.update((a.asname or a.name) for a in node.names if a.name in ("quote", "term"))
    found = []
    for index, source, tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr in ("quote", "term") and isinstance(f.value, ast.Name) \
                    and f.value.id in pages:
                kind = f.attr
            elif isinstance(f, ast.Name) and f.id in bare:
                kind = "quote" if f.id == "quote" else "term"
            else:
                continue
            arg = node.args[0] if node.args else None
            key = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""
            found.append((kind, key, index, source))
    return found


def check_keys(path: Path, root: Path = REPO) -> list[str]:
    """Every quote and term the notebook shows exists in ``<root>/data`` (same lookup as the page)."""
    from wakker.core.content import load
    from wakker.core.data import ContentError

    content = load(Path(root) / "data")
    problems = []
    for kind, key, index, source in used_keys(path):
        if not key:
            problems.append(f"{path.name} {_where(index, source)}: {kind}(...) without a literal key "
                            "(the contract can only check literal keys)")
            continue
        try:
            content.excerpt(key) if kind == "quote" else content.term(key)
        except ContentError as exc:
            problems.append(f"{path.name} {_where(index, source)}: {kind}({key!r}): {exc}")
    return problems


# ---------------------------------------------------------------- 3. the lesson package
_IMPORT_PROBE = textwrap.dedent(r'''
    import importlib, json, os, sys
    data_roots = [os.path.realpath(p) for p in sys.argv[2:]]
    opened = []
    def hook(event, args):
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            p = os.path.realpath(os.fsdecode(args[0]))
            if any(p == r or p.startswith(r + os.sep) for r in data_roots):
                opened.append(p)
    import wakker.core.data as data
    def no_reading(path, *a, **k):
        raise RuntimeError(f"read_yaml({path!s}) called while importing the lesson")
    data.read_yaml = no_reading
    sys.addaudithook(hook)
    result = {"error": None, "package": False, "file": None}
    try:
        module = importlib.import_module("wakker.lessons." + sys.argv[1])
        result["package"] = hasattr(module, "__path__")
        result["file"] = getattr(module, "__file__", None)
    except BaseException as exc:
        import traceback
        result["error"] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    result["opened"] = sorted(set(opened))
    print("CONTRACT" + json.dumps(result))
''')


def lesson_env(root: Path = REPO, **extra: str) -> dict:
    """The environment for a subprocess or kernel that must use ``<root>/lib`` and ``<root>/data``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(root) / "lib")] + (
        [env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["WAKKER_DATA"] = str(Path(root) / "data")
    env.pop("WAKKER_STRICT", None)
    env.update(extra)
    return env


def check_lesson_import(lesson: str | None, root: Path = REPO) -> list[str]:
    """``wakker.lessons.<lesson>`` (from ``<root>/lib``) is a package and importing it reads no data."""
    if not lesson:
        return ["no 'lesson:' in data/notebooks.yaml"]
    if not lesson.isidentifier():
        return [f"lesson {lesson!r} is not a Python package name"]
    with tempfile.TemporaryDirectory(prefix="wakker-empty-data-") as empty:
        env = lesson_env(root, WAKKER_DATA=empty)
        proc = subprocess.run([sys.executable, "-c", _IMPORT_PROBE, lesson, empty, str(Path(root) / "data")],
                              env=env, cwd=empty, capture_output=True, text=True, timeout=120)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("CONTRACT")), None)
    if line is None:
        return [f"wakker.lessons.{lesson}: the import probe crashed:\n{proc.stderr[-2000:]}"]
    result = json.loads(line[len("CONTRACT"):])
    problems = []
    if result["error"]:
        problems.append(f"import wakker.lessons.{lesson} with no data failed: {result['error']}")
    elif not result["package"]:
        problems.append(f"wakker.lessons.{lesson} is a module ({result['file']}), not a package")
    else:
        expected = (Path(root) / "lib" / "wakker" / "lessons" / lesson / "__init__.py").resolve()
        if Path(result["file"]).resolve() != expected:
            problems.append(f"wakker.lessons.{lesson} was imported from {result['file']}, not from {expected}")
    if result["opened"]:
        problems.append(f"importing wakker.lessons.{lesson} opened data files: {', '.join(result['opened'])}")
    return problems


# ---------------------------------------------------------------- 4. running headless
@dataclass
class CellRun:
    index: int  # index in the notebook (all cells counted)
    source: str
    status: str = "ok"  # ok | error | timeout
    messages: list = field(default_factory=list)  # iopub messages (msg_type, content) while it ran


@dataclass
class NotebookRun:
    path: Path
    cells: list[CellRun]
    seconds: float
    #: the question ids of the answers a student can give in the notebook (every saved widget its page made whose kind
    #: is an answer), read from the kernel after the last cell (:data:`QUESTIONS_PROBE`); None: not read
    questions: list[str] | None = None


#: Run after the notebook's cells: the ids of the questions its page(s) made (``Page.saved``) whose kind is an answer,
#: as the teacher's overview counts answers (``wakker.core.portfolio.is_answer``), on one line after a marker.
QUESTIONS_MARKER = "WAKKER-VRAGEN "
QUESTIONS_PROBE = textwrap.dedent(f"""
    import json as _j
    from wakker.core.journal import Entry as _E
    from wakker.core.portfolio import is_answer as _answer
    from wakker.ui.page import Page as _P
    _q = sorted({{q for _p in list(globals().values()) if isinstance(_p, _P) for q, _w in _p.saved.items()
                 if _answer(_E(_p.notebook, q, _w.kind, "", None, "2000-01-01T00:00:00+00:00"))}})
    print({QUESTIONS_MARKER!r} + _j.dumps(_q))
""")


def run_notebook(path: Path, root: Path = REPO, cell_timeout: float = CELL_TIMEOUT,
                 env: dict | None = None) -> NotebookRun:
    """Execute every code cell in a fresh kernel (cwd: the notebook's folder) and keep all iopub traffic.

    The kernel gets ``WAKKER_STRICT=1`` and a fresh journal and export folder in a temporary folder.
    Messages are read straight from the iopub channel, whatever their parent, so that comm traffic
    (widget state) and output written later by a callback are kept with the cell that was running.
    """
    from jupyter_client.manager import start_new_kernel

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="wakker-contract-") as tmp:
        kernel_env = lesson_env(root, WAKKER_STRICT="1", WAKKER_JOURNAL=str(Path(tmp) / "journal.sqlite"),
                                WAKKER_EXPORTS=str(Path(tmp) / "exports"), PYDEVD_DISABLE_FILE_VALIDATION="1")
        kernel_env.update(env or {})
        # the kernel process's own stderr only carries jupyter's start-up log; what a cell writes to
        # stderr arrives on iopub
        km, kc = start_new_kernel(kernel_name="python3", startup_timeout=60, cwd=str(Path(path).parent),
                                  env=kernel_env, stderr=subprocess.DEVNULL)
        runs: list[CellRun] = []
        try:
            _drain(kc, 0.05)
            nb = nbformat.read(str(path), as_version=4)
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or not cell.source.strip():
                    continue
                run = CellRun(index, cell.source)
                runs.append(run)
                _execute(kc, run, cell_timeout)
                if run.status == "timeout":
                    break  # the kernel is stuck; later cells would only time out too
            if runs and runs[-1].status != "timeout":  # output that arrives just after the last cell
                runs[-1].messages.extend(_drain(kc, 0.2))
            questions = None
            if not runs or runs[-1].status != "timeout":
                probe = CellRun(-1, QUESTIONS_PROBE)
                _execute(kc, probe, cell_timeout)
                for kind, msg in probe.messages:
                    text = msg.get("text", "") if kind == "stream" else ""
                    if text.startswith(QUESTIONS_MARKER):
                        questions = json.loads(text[len(QUESTIONS_MARKER):].strip())
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return NotebookRun(Path(path), runs, time.perf_counter() - started, questions)


def _drain(kc, wait: float) -> list:
    out = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=wait)
        except queue.Empty:
            return out
        out.append((msg["msg_type"], msg["content"]))


def _execute(kc, run: CellRun, timeout: float) -> None:
    msg_id = kc.execute(run.source, store_history=True, allow_stdin=False, stop_on_error=False)
    deadline = time.monotonic() + timeout
    idle = False
    while not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            run.status = "timeout"
            return
        try:
            msg = kc.get_iopub_msg(timeout=min(left, 1.0))
        except queue.Empty:
            continue
        run.messages.append((msg["msg_type"], msg["content"]))
        if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle" \
                and msg["parent_header"].get("msg_id") == msg_id:
            idle = True
    try:
        reply = kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
    except queue.Empty:
        run.status = "timeout"
        return
    if reply["content"].get("status") != "ok":
        run.status = "error"


def _short(text: str, limit: int = 600) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text).strip()
    return text if len(text) <= limit else text[:limit] + " …"


def _box_text(blob: str) -> str:
    """The text around the first error box in a piece of HTML or JSON, tags stripped."""
    m = ERROR_TOKEN.search(blob)
    start = blob.rfind("<", 0, m.start()) if m else 0
    piece = blob[max(start, 0): (m.end() if m else 0) + 400]
    piece = piece.replace('\\"', '"').replace("\\n", " ")
    return _short(re.sub(r"<[^>]+>", " ", piece.split("</div>")[0]), 300)


def cell_problems(run: CellRun) -> list[str]:
    """What is wrong in one executed cell: error, timeout, stderr, or an error box (output or widget)."""
    where = _where(run.index, run.source)
    problems = []
    if run.status == "timeout":
        problems.append(f"{where}: did not finish (kernel stalled or a cell ran too long)")
    for kind, content in run.messages:
        if kind == "error":
            problems.append(f"{where}: error output: {content.get('ename')}: {_short(content.get('evalue', ''))}\n"
                            + _short("\n".join(content.get("traceback", [])), 1500))
        elif kind == "stream" and content.get("name") == "stderr":
            problems.append(f"{where}: stderr: {_short(content.get('text', ''), 1500)}")
        elif kind in ("display_data", "execute_result", "update_display_data"):
            for mime, value in (content.get("data") or {}).items():
                blob = value if isinstance(value, str) else json.dumps(value)
                if ERROR_TOKEN.search(blob):
                    problems.append(f"{where}: error box in the output ({mime}): {_box_text(blob)}")
        elif kind in ("comm_open", "comm_msg"):
            state = (content.get("data") or {}).get("state")
            if state:
                # An anywidget's front-end code (_esm, _css) names the error class to draw a box when it
                # must; that code is not a box on the page, so only the rest of the state is searched.
                shown = {k: v for k, v in state.items() if k not in ANYWIDGET_CODE}
                blob = json.dumps(shown, ensure_ascii=False)
                if ERROR_TOKEN.search(blob):
                    problems.append(f"{where}: error box in a widget ({kind}): {_box_text(blob)}")
        elif kind == "stream" and ERROR_TOKEN.search(content.get("text", "")):
            problems.append(f"{where}: error box printed: {_short(content.get('text', ''))}")
    if run.status == "error" and not any(k == "error" for k, _ in run.messages):
        problems.append(f"{where}: the kernel replied with an error")
    return problems


def check_run(run: NotebookRun) -> list[str]:
    problems = []
    for cell in run.cells:
        problems.extend(f"{run.path.name} {p}" for p in cell_problems(cell))
    return problems


# ---------------------------------------------------------------- all at once
def check_static(notebook_id: str, root: Path = REPO, lesson: str | None = None) -> list[str]:
    """Checks 1-3 (no kernel): page, keys, lesson import."""
    path = notebook_path(notebook_id, root)
    if not path.is_file():
        return [f"{path} does not exist"]
    if lesson is None:
        lesson = notebook_entry(notebook_id, root).get("lesson")
    return check_page(path, notebook_id) + check_keys(path, root) + check_lesson_import(lesson, root)


def check_notebook(notebook_id: str, root: Path = REPO, lesson: str | None = None) -> list[str]:
    """The whole contract for one notebook (checks 1-4)."""
    problems = check_static(notebook_id, root, lesson)
    path = notebook_path(notebook_id, root)
    if path.is_file():
        problems += check_run(run_notebook(path, root))
    return problems


def report(problems: list[str]) -> str:
    return "\n".join(f"- {p}" for p in problems)
