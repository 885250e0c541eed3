"""One build step on top of pyproject.toml: the wheel carries the workbook's content.

``pip install .``, a wheel and ``pip install git+<url>`` get a copy of ``data/`` (sources,
excerpts, glossary, the map, ``data/lessons/**``) as ``wakker/_data``, where
``wakker.core.data.data_dir()`` finds it. An editable install (`make lab`, Binder) copies
nothing: it reads ``data/`` from the checkout, so an author always sees the data they edit.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class build_py_with_content(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        if not (DATA / "notebooks.yaml").is_file():
            raise SystemExit(f"setup.py: the workbook's content is missing ({DATA}); build from a full checkout")
        target = Path(self.build_lib) / "wakker" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        target = Path(self.build_lib) / "wakker" / "_data"
        return outputs + [str(p) for p in sorted(target.rglob("*")) if p.is_file()]


setup(cmdclass={"build_py": build_py_with_content})
