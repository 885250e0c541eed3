"""Controls: a slider with a Dutch readout, and a parameter panel built from a model's metadata.

ipywidgets' own slider readout always writes a decimal point (``1.5``); a Dutch student reads
``1,5``. :class:`DutchSlider` hides that readout and shows its own next to the track.

:class:`ParameterPanel` turns a model's parameter metadata (:class:`wakker.models.params.Param`:
range, step, int/float/log) plus the lesson's Dutch words (label, unit, explanation) into
sliders: the main ones first (lesson guide M4: at most four up front is the aim), the rest
under "Meer", and a button back to the defaults.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Callable, Mapping, Protocol, Sequence

from wakker.ui.lean import widgets as w

from ..core import dutch
from .style import front_end
from .view import View


class ParamSpec(Protocol):
    """What a control needs of a parameter (``wakker.models.params.Param`` has it)."""

    default: float
    low: float
    high: float
    step: float
    scale: str


def digits_for(step: float, scale: str = "float") -> int:
    """How many decimals a readout needs for a slider with this step (log sliders: 2)."""
    if scale == "int":
        return 0
    if scale == "log":
        return 2
    return max(0, -int(math.floor(math.log10(step)))) if 0 < step < 1 else 0


#: What a number box says when its text is not a number (Dutch; ``{text}`` is what was typed, escaped).
NOT_A_NUMBER = "‘{text}’ is geen getal. Typ bijvoorbeeld 2,5 of −1; de vorige waarde blijft staan."


def parse_dutch_number(text: str) -> float | None:
    """A number as a Dutch student types it: ``2,5``, ``2.5``, ``−1`` (typographic minus), ``-1``, `` 3 ``,
    ``1.000,5``; None when it is not a (finite) number."""
    t = str(text or "").strip().replace(" ", "").replace("\u00a0", "")
    t = t.replace("\u2212", "-").replace("\u2013", "-")
    if "," in t and "." in t:
        t = t.replace(".", "")
    t = t.replace(",", ".")
    try:
        x = float(t)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


class DutchNumber:
    """A number box that reads and writes Dutch: the student types ``2,5``, ``2.5`` or ``−1`` and sees ``2,5``
    and ``−1``. ipywidgets' FloatText is a browser number field, which in a browser set to English turned
    ``2,5`` silently into 25 (a new user's read of 07); this is a text box with the workbook's own reading.

    ``value`` is a float, as a FloatText's; ``observe(callback, names="value")`` calls ``callback`` after
    every entry, also one that is not a number: then ``value`` stays and ``problem`` says so in Dutch (the
    view shows it). ``widget`` is the box to put in a layout (its description is the accessible name).
    """

    def __init__(self, label: str, value: float, *, digits: int = 2, description_width: str = "initial",
                 width: str = "auto"):
        self.digits = digits
        self._value = float(value)
        self.problem: str | None = None
        self._callbacks: list[Callable] = []
        self._writing = False
        self.widget = w.Text(value=self._text(self._value), description=label, continuous_update=False,
                             style={"description_width": description_width}, layout=dict(width=width))
        self.widget.observe(self._typed, names="value")

    def _text(self, x: float) -> str:
        return dutch.compact(x, self.digits)

    @property
    def value(self) -> float:
        return self._value

    @value.setter
    def value(self, x: float) -> None:
        old, self._value, self.problem = self._value, float(x), None
        self._show(self._text(self._value))
        if self._value != old:
            self._notify(old)

    def observe(self, callback: Callable, names: str = "value") -> None:
        self._callbacks.append(callback)

    def _show(self, text: str) -> None:
        if self.widget.value != text:
            self._writing = True
            try:
                self.widget.value = text
            finally:
                self._writing = False

    def _notify(self, old: float) -> None:
        change = {"name": "value", "old": old, "new": self._value, "owner": self}
        for callback in list(self._callbacks):
            callback(change)

    def _typed(self, change) -> None:
        if self._writing:
            return
        x = parse_dutch_number(change["new"])
        old = self._value
        if x is None:
            self.problem = NOT_A_NUMBER.format(text=html.escape(str(change["new"])[:40]))
        else:
            self.problem = None
            self._value = x
            self._show(self._text(x))  # as the workbook writes it: "2.5" becomes "2,5"
        self._notify(old)


class DutchSlider(View):
    """A slider with a Dutch readout (``0,15``) and a label, as one row (``self.box``).

    ``layout="inline"``: the label is the slider's own description, right-aligned in
    ``label_width`` (as ipywidgets draws it). ``layout="block"``: a label block on the left
    with the unit in small print under it and ``help`` as its tooltip.
    ``suffix`` is appended to the readout (``%``, ``×``). Either way the label is the
    accessible name of the slider's handle (see :func:`wakker.ui.style.front_end`).
    """

    def __init__(self, label: str, value: float, low: float, high: float, step: float = 1, *,
                 scale: str | None = None, unit: str = "", help: str = "", digits: int | None = None,
                 suffix: str = "", continuous_update: bool = True, layout: str = "inline",
                 label_width: str = "14em", width: str = "40em", readout_width: str = "5.8em",
                 css: str = "", format: Callable[[float], str] | None = None):
        self.scale = scale = self.scale_for(value, low, high, step, scale)
        self.digits = digits_for(step, scale) if digits is None else digits
        self._format, self.suffix = format, suffix
        common = dict(value=value, continuous_update=continuous_update, readout=False)
        if layout == "inline":
            common.update(description=label, style={"description_width": label_width},
                          layout=dict(width=f"calc({width} - {readout_width})"))
        else:
            # The label is a separate HTML block; the tooltip gives the slider the same accessible name.
            common.update(style={"description_width": "0px"}, layout=dict(width="auto", flex="1 1 auto"),
                          tooltip=f"{label} ({unit})" if unit else label)
        # CSS classes go with the widgets' first message (add_class afterwards would send one more each)
        common["_dom_classes"] = (css,) if css else ()
        readout_css = ("wakker-readout",) + (
            (css.replace("wakker-", "wakker-readout-", 1) if css.startswith("wakker-") else f"{css}-readout",)
            if css else ())
        if scale == "log":
            self.slider = w.FloatLogSlider(base=10, min=math.log10(low), max=math.log10(high), step=0.02, **common)
        elif scale == "int":
            self.slider = w.IntSlider(min=int(low), max=int(high), step=int(step), **common)
        else:
            self.slider = w.FloatSlider(min=low, max=high, step=step, **common)
        self.readout = w.HTML(self._readout_html(), layout=dict(width=readout_width, min_width=readout_width),
                              _dom_classes=readout_css)
        self.slider.observe(lambda _change: setattr(self.readout, "value", self._readout_html()), names="value")
        front_end()  # names the slider's handle after its label in the browser (lesson guide U2)
        if layout == "inline":
            self.box = w.HBox([self.slider, self.readout], layout=dict(align_items="center"))
        else:
            tip = f' title="{html.escape(help)}"' if help else ""
            small = f'<br><span style="font-size:.82em;opacity:.7">{html.escape(unit)}</span>' if unit else ""
            self.label = w.HTML(f'<div{tip} style="line-height:1.25;padding:.15em 0">{html.escape(label)}{small}</div>',
                                layout=dict(width=label_width, min_width=label_width),
                                _dom_classes=("wakker-slider-label",))
            # the gap to the next column is padding, inside the 100 % (a margin would make the row wider than its box);
            # on a narrow screen the label goes above the track (style.KIT_CSS)
            self.box = w.HBox([self.label, self.slider, self.readout],
                              layout=dict(width="100%", align_items="center", padding="0 1em 0 0",
                                          margin="0 0 .15em 0"), _dom_classes=("wakker-slider-row",))

    @staticmethod
    def scale_for(value: float, low: float, high: float, step: float, scale: str | None) -> str:
        """``scale``, or "int" when every number is whole, else "float"."""
        if scale is None:
            scale = "int" if all(float(x).is_integer() for x in (value, low, high, step)) else "float"
        return scale

    def text(self, value: float | None = None) -> str:
        """The readout text for ``value`` (default: the current value)."""
        x = self.slider.value if value is None else value
        body = self._format(x) if self._format else dutch.number(float(x), self.digits)
        return body + self.suffix

    def _readout_html(self) -> str:
        return f'<div style="text-align:center">{html.escape(self.text())}</div>'

    @property
    def value(self):
        return int(self.slider.value) if self.scale == "int" else float(self.slider.value)

    @value.setter
    def value(self, v) -> None:
        self.slider.value = v

    def observe(self, handler, names="value") -> None:
        self.slider.observe(handler, names=names)


@dataclass(frozen=True)
class ParamWords:
    """What a student reads about one parameter (Dutch, from the lesson's data)."""

    label: str
    unit: str = ""
    explanation: str = ""


class _Sliders(dict):
    """The panel's sliders by name; a "more" slider that is not made yet is made when asked for."""

    def __init__(self, panel: "ParameterPanel"):
        super().__init__()
        self._panel = panel

    def __missing__(self, name: str):
        if name in self._panel.more_names:
            self._panel.build_more()
            return dict.__getitem__(self, name)
        raise KeyError(name)


class ParameterPanel(View):
    """Sliders for a model's parameters: ``main`` in columns, ``more`` under a "Meer" heading.

    ``on_change()`` is called after every change (once per slider move). ``values()`` gives the
    current values by name (ints for int parameters), ready for the model's dataclass.
    ``formats`` (optional, by parameter name) writes a readout differently, e.g. a share as
    ``dutch.percent`` (``0.3`` -> ``30 %``).

    The sliders under "Meer" are made the first time a student opens that section (or the code asks
    for one, ``panel.sliders[name]``): most students never open it, and each slider is four widget
    models the page would build during Run All. Until then they stand at their defaults, which is what
    ``values()`` gives. ``add_to_more(...)`` puts other controls in that section (a tick box).
    """

    def __init__(self, specs: Mapping[str, ParamSpec], words: Mapping[str, ParamWords], main: Sequence[str],
                 more: Sequence[str] = (), *, more_title: str = "Meer", columns: int = 2,
                 on_change: Callable[[], None] | None = None, reset_label: str = "Terug naar de standaardaannames",
                 label_width: str = "12.5em", readout_width: str = "3.6em", css_prefix: str = "wakker-param-",
                 formats: Mapping[str, Callable[[float], str]] | None = None):
        self.specs = dict(specs)
        self._words, self._formats, self._columns_n = words, dict(formats or {}), columns
        self._slider_options = dict(label_width=label_width, readout_width=readout_width, css_prefix=css_prefix)
        self._on_change = on_change
        self.more_names = tuple(more)
        self.sliders: dict[str, DutchSlider] = _Sliders(self)
        for name in main:
            self._make(name)
        self.reset_button = w.Button(description=reset_label, icon="undo", layout=dict(width="auto"))
        self.reset_button.on_click(lambda _b: self.reset())
        parts = [self._columns([self.sliders[n].box for n in main], columns)]
        self.more = None
        self._more_before: list = []
        self._more_after: list = []
        self._more_slot = None
        if more:
            # the slot gets the sliders when the section opens (build_more); until then it is empty
            self._more_slot = w.VBox([], layout=dict(width="100%"), _dom_classes=("wakker-meer-schuifjes",))
            self.more = w.Accordion(children=[w.VBox([self._more_slot])], titles=(more_title,), selected_index=None,
                                    layout=dict(width="100%"))
            self.more.observe(self._opened, names="selected_index")
            parts.append(self.more)
        parts.append(self.reset_button)
        self.box = w.VBox(parts, layout=dict(width="100%"))

    def _make(self, name: str) -> DutchSlider:
        spec, word, o = self.specs[name], self._words[name], self._slider_options
        s = DutchSlider(word.label, spec.default, spec.low, spec.high, spec.step, scale=spec.scale,
                        unit=word.unit, help=word.explanation, layout="block", label_width=o["label_width"],
                        readout_width=o["readout_width"], css=f"{o['css_prefix']}{name}",
                        format=self._formats.get(name))
        s.observe(self._changed)
        dict.__setitem__(self.sliders, name, s)
        return s

    @property
    def more_built(self) -> bool:
        """Whether the sliders under "Meer" have been made."""
        return all(dict.__contains__(self.sliders, n) for n in self.more_names)

    def build_more(self) -> None:
        """Make the sliders under "Meer" (once) and show them in their section."""
        if self._more_slot is None or self.more_built:
            return
        made = [self._make(n) for n in self.more_names]
        self._more_slot.children = [self._columns([s.box for s in made], self._columns_n)]

    def _opened(self, change) -> None:
        if change["new"] is not None:
            self.build_more()

    def add_to_more(self, *controls, first: bool = False) -> None:
        """Put ``controls`` in the "Meer" section, before the sliders (``first``) or after them."""
        if self.more is None:
            return
        (self._more_before if first else self._more_after).extend(controls)
        self.more.children = [w.VBox([*self._more_before, self._more_slot, *self._more_after])]

    @staticmethod
    def _columns(rows: list, columns: int):
        per = max(1, math.ceil(len(rows) / max(1, columns)))
        cols = [rows[i:i + per] for i in range(0, len(rows), per)]
        width = f"{100 / max(1, len(cols)):.0f}%"
        # on a narrow screen: one column (style.KIT_CSS)
        box = w.HBox([w.VBox(c, layout=dict(width=width)) for c in cols], layout=dict(width="100%"),
                     _dom_classes=("wakker-columns",))
        return box

    def _changed(self, _change=None) -> None:
        if self._on_change is not None:
            self._on_change()

    def values(self) -> dict[str, float]:
        return {name: self._value(name) for name in self.specs if name in self.sliders or name in self.more_names}

    def _value(self, name: str):
        """The slider's value, or the default of one that is not made yet (an int for a whole-number slider)."""
        if dict.__contains__(self.sliders, name):
            return dict.__getitem__(self.sliders, name).value
        spec = self.specs[name]
        scale = DutchSlider.scale_for(spec.default, spec.low, spec.high, spec.step, spec.scale)
        return int(spec.default) if scale == "int" else float(spec.default)

    def set(self, **values) -> None:
        """Set sliders by parameter name (each change calls ``on_change``, as a student's would)."""
        for name, v in values.items():
            self.sliders[name].value = v

    def reset(self) -> None:
        for name, s in list(self.sliders.items()):  # a slider not made yet is at its default
            s.value = self.specs[name].default

    def readout_text(self, name: str) -> str:
        return self.sliders[name].text()


# ---------------------------------------------------------------- a model's words and assumptions
def read_param_words(path, specs: Mapping[str, ParamSpec]) -> dict[str, ParamWords]:
    """The Dutch label, unit and explanation of every parameter in ``specs`` from one YAML file.

    The file maps each parameter name to ``label``, ``unit`` and ``explanation``; a missing or an
    unknown name, or an empty field, is a Dutch ContentError that names the file.
    """
    from pathlib import Path

    from ..core.data import ContentError, read_yaml, text_field

    path = Path(path)
    doc = read_yaml(path)
    where = f"{path.parent.name}/{path.name}"
    if not isinstance(doc, dict):
        raise ContentError(f"{where}: verwacht per parameter een label, eenheid en uitleg.")
    missing = [k for k in specs if k not in doc]
    extra = [str(k) for k in doc if k not in specs]
    if missing:
        raise ContentError(f"{where}: uitleg ontbreekt voor {', '.join(missing)}.")
    if extra:
        raise ContentError(f"{where}: onbekende parameter(s) {', '.join(extra)}.")
    return {k: ParamWords(*(text_field(doc[k], f, where, k) for f in ("label", "unit", "explanation")))
            for k in specs}


ASSUMPTION_HEADS = ("aanname", "standaard", "bereik", "eenheid", "uitleg")


def assumptions_html(specs: Mapping[str, ParamSpec], words: Mapping[str, ParamWords], css_class: str = "wakker-aannames",
                     formats: Mapping[str, Callable[[float], str]] | None = None) -> str:
    """Every assumption of a model as a table: Dutch name, default, range, unit and explanation."""
    from .style import STYLES

    formats = dict(formats or {})
    cell = STYLES["kaart-cel"]
    head = "".join(f'<th style="{cell}">{h}</th>' for h in ASSUMPTION_HEADS)
    rows = []
    for name, spec in specs.items():
        word, fmt = words[name], formats.get(name, dutch.compact)
        rows.append(f'<tr><td style="{cell}"><b>{html.escape(word.label)}</b></td>'
                    f'<td style="{cell}">{html.escape(fmt(spec.default))}</td>'
                    f'<td style="{cell};white-space:nowrap">{html.escape(fmt(spec.low))} – {html.escape(fmt(spec.high))}</td>'
                    f'<td style="{cell}">{html.escape(word.unit)}</td>'
                    f'<td style="{cell}">{html.escape(word.explanation)}</td></tr>')
    return (f'<table class="{html.escape(css_class)}" style="border-collapse:collapse;max-width:62em">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
