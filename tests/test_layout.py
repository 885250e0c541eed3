"""The package's house rules, checked on the source: layers, no private imports, no cycles, no reads at import.

* ``wakker.core`` imports no ipywidgets, plotly or IPython display code, and nothing from ui/models/lessons;
* ``wakker.models`` imports only numpy/pandas and other models (no files, no HTML, no widgets);
* ``wakker.ui`` imports ``wakker.core`` only (never a model or a lesson);
* a lesson never imports another lesson's private (``_``) names, and no module imports another
  module's private names;
* no import cycles between wakker's modules (counting imports inside functions too);
* importing any module reads no data (``WAKKER_DATA`` points at an empty folder).
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
PKG = LIB / "wakker"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PKG.rglob("*.py")):
        parts = list(path.relative_to(LIB).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """(imported module, imported names, line) for every import in a module, relative ones resolved."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    base = name.split(".") if _is_package(name) else name.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                mod = ".".join(anchor + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            names = [a.name for a in node.names]
            # "from . import x" / "from ..models import planning_machine": the names may be modules
            subs = [f"{mod}.{n}" for n in names if f"{mod}.{n}" in MODULES]
            if subs:
                out += [(s, [], node.lineno) for s in subs]
                names = [n for n in names if f"{mod}.{n}" not in MODULES]
            if names or not subs:
                out.append((mod, names, node.lineno))
    return out


def _internal(mod: str) -> str | None:
    """The wakker module an import refers to (the longest known prefix), or None for outside packages."""
    parts = mod.split(".")
    while parts:
        cand = ".".join(parts)
        if cand in MODULES:
            return cand
        parts.pop()
    return None


LAYERS = ("core", "models", "ui", "lessons")


def _layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "top"


def test_layers_depend_only_downwards():
    allowed = {"core": {"core"}, "models": {"models"}, "ui": {"ui", "core"},
               "lessons": {"lessons", "ui", "core", "models"},
               # top level: the package itself and the old import paths (wakker.nb04, nb07, demo)
               "top": {"top", "ui", "core", "lessons"}}
    forbidden_outside = {"core": ("ipywidgets", "plotly", "IPython"), "models": ("ipywidgets", "plotly", "IPython", "yaml")}
    problems = []
    for name in MODULES:
        layer = _layer(name)
        for mod, _names, line in _imports(name):
            target = _internal(mod)
            if target is not None and target != "wakker" and _layer(target) not in allowed[layer]:
                problems.append(f"{name}:{line} imports {target} ({layer} may use {sorted(allowed[layer])})")
            if mod.split(".")[0] in forbidden_outside.get(layer, ()):
                problems.append(f"{name}:{line} imports {mod}")
    assert not problems, "\n".join(problems)


def test_no_module_imports_private_names_of_another():
    problems = []
    for name in MODULES:
        for mod, names, line in _imports(name):
            target = _internal(mod)
            if target is None:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != name:
                problems.append(f"{name}:{line} imports {private} from {target}")
            if mod.rsplit(".", 1)[-1].startswith("_") and target == mod:
                problems.append(f"{name}:{line} imports the private module {mod}")
    # attribute access to a private name of an imported wakker module (e.g. ``ui._pending``)
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for a in node.names:
                    aliases[a.asname or a.name.split(".")[0]] = a.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.value.id not in ("self", "cls")):
                problems.append(f"{name}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not problems, "\n".join(problems)


def test_no_import_cycles():
    graph = {name: set() for name in MODULES}
    for name in MODULES:
        for mod, _names, _line in _imports(name):
            target = _internal(mod)
            if target and target != name and target != "wakker" and not name.startswith(target + "."):
                graph[name].add(target)
    # a package __init__ that re-exports its own submodules is not a cycle with them
    for name in list(graph):
        graph[name] = {t for t in graph[name] if not (_is_package(t) and name.startswith(t + "."))}
    seen, stack, cycles = set(), [], []

    def visit(node):
        if node in stack:
            cycles.append(stack[stack.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_importing_any_module_reads_no_data(tmp_path):
    empty = tmp_path / "geen-data"
    empty.mkdir()
    code = ("import importlib, sys\n"
            "import wakker.core.data as d\n"
            "def refuse(*a, **k):\n    raise AssertionError('data read at import: %r' % (a,))\n"
            "d.read_yaml = refuse\n"
            f"for name in {sorted(MODULES)!r}:\n    importlib.import_module(name)\n"
            "print('ok')\n")
    env = {**os.environ, "WAKKER_DATA": str(empty)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0 and res.stdout.strip().endswith("ok"), res.stderr[-3000:]


@pytest.mark.parametrize("module, bad, check, expected", [
    ("wakker.core.planted", "from ..lessons.trust_game import widgets\n", test_layers_depend_only_downwards,
     "imports wakker.lessons.trust_game"),
    ("wakker.lessons.planted", "from ..core.journal import _ID\n", test_no_module_imports_private_names_of_another,
     "imports ['_ID']"),
    ("wakker.lessons.planted", "from ..ui import saving\nsaving._later = 1\n",
     test_no_module_imports_private_names_of_another, "uses saving._later"),
])
def test_the_layout_checks_can_fail(tmp_path, monkeypatch, module, bad, check, expected):
    """Plant a violation in a fake module and watch the check report it."""
    fake = tmp_path / "planted.py"
    fake.write_text(bad, encoding="utf-8")
    monkeypatch.setitem(MODULES, module, fake)
    with pytest.raises(AssertionError) as err:
        check()
    assert expected in str(err.value)


def test_the_cycle_check_can_fail(tmp_path, monkeypatch):
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from . import planted_b\n", encoding="utf-8")
    b.write_text("from .planted_a import x\n", encoding="utf-8")
    monkeypatch.setitem(MODULES, "wakker.ui.planted_a", a)
    monkeypatch.setitem(MODULES, "wakker.ui.planted_b", b)
    with pytest.raises(AssertionError) as err:
        test_no_import_cycles()
    assert "wakker.ui.planted_a -> wakker.ui.planted_b -> wakker.ui.planted_a" in str(err.value)
