"""The lesson's content files in ``data/lessons/rules_and_trust/``: the Dutch words of the models'
parameters, read and checked on first use (nothing is read at import), then cached.

``load_*(root)`` reads one file (``root`` = another data folder, for tests); ``room_words()``,
``learning_words()`` and ``government_words()`` are the cached versions the widgets use. Every
problem is a :class:`ContentError` with a Dutch message that names the file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...core.data import lesson_dir
from ...models import rule_or_room as rr
from ...models import trust_learning as tl
from ...ui.controls import ParamWords, read_param_words

LESSON = "rules_and_trust"


def load_room_words(root: Path | None = None) -> dict[str, ParamWords]:
    return read_param_words(lesson_dir(LESSON, root) / "room_params.yaml", rr.parameter_specs())


def load_learning_words(root: Path | None = None) -> dict[str, ParamWords]:
    return read_param_words(lesson_dir(LESSON, root) / "learning_params.yaml", tl.parameter_specs())


def load_government_words(root: Path | None = None) -> dict[str, ParamWords]:
    return read_param_words(lesson_dir(LESSON, root) / "government_params.yaml", tl.government_specs())


@lru_cache(maxsize=None)
def room_words() -> dict[str, ParamWords]:
    return load_room_words()


@lru_cache(maxsize=None)
def learning_words() -> dict[str, ParamWords]:
    return load_learning_words()


@lru_cache(maxsize=None)
def government_words() -> dict[str, ParamWords]:
    return load_government_words()
