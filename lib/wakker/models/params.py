"""Parameter metadata for models: what a control needs to know, kept with the model itself.

A model declares its assumptions as a frozen dataclass whose fields are made with
:func:`param`. :func:`specs` then gives, per parameter, its default, range, step, scale and
unit, so that the kit (``wakker.ui.controls.ParameterPanel``) can build its sliders from it.
The words a student reads (label, unit, explanation) are Dutch and live in the lesson's data,
keyed by the parameter name; the metadata here is English, for developers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

Scale = Literal["int", "float", "log"]


@dataclass(frozen=True)
class Param:
    """Metadata of one parameter."""

    name: str
    default: float
    low: float
    high: float
    step: float
    scale: Scale
    unit: str
    doc: str

    @property
    def is_int(self) -> bool:
        return self.scale == "int"

    @property
    def log_scale(self) -> bool:
        return self.scale == "log"

    def clip(self, value: float) -> float:
        return min(max(value, self.low), self.high)


def param(default, unit: str, low, high, step, doc: str, scale: Scale | None = None):
    """A dataclass field carrying control metadata (``scale`` defaults to int for int defaults)."""
    if scale is None:
        scale = "int" if isinstance(default, int) and not isinstance(default, bool) else "float"
    if scale not in ("int", "float", "log"):
        raise ValueError(f"unknown scale {scale!r}")
    return field(default=default, metadata={"unit": unit, "low": low, "high": high, "step": step, "doc": doc,
                                            "scale": scale})


def specs(params_class) -> dict[str, Param]:
    """The :class:`Param` of every field of a parameter dataclass, in field order."""
    return {f.name: Param(name=f.name, default=f.default, **f.metadata)
            for f in fields(params_class) if "scale" in f.metadata}
