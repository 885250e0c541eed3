"""LiveFigure: a plotly figure that the browser updates in place after every change.

A LiveFigure is an ordinary ``go.Figure`` (so ``fig.data[0].y = ...``, ``fig.layout...``,
``fig.batch_update()``, ``fig.update_layout(...)`` all work as usual). Put ``fig.widget`` where a
widget goes in a layout, or show the figure itself.

How it reaches the browser (issue 11: a slider move should repaint within a frame or three):

* ``fig.widget`` is a small anywidget (:class:`FigureWidget`, created on first use, so a lesson that
  fills its figure before building its box sends the figure once). Its front end
  (``figure_esm.py``) draws with the ONE copy of plotly.js the page already has (the
  ``jupyterlab-plotly`` extension that comes with plotly; JupyterLab and Voilà load it) and
  ``Plotly.react``. Not ``go.FigureWidget``: since plotly 6 every FigureWidget sends the whole
  plotly.js bundle (~5 MB) to the browser. Not an ``Output`` with a new plotly mime bundle per
  change (what this class did before): that rebuilt the plot from scratch, reflowed the notebook,
  and JupyterLab's plotly renderer then wrote a PNG of it into the Output, which went to the kernel
  and back.
* The whole figure goes once, as synced bytes. After that, plotly's own change hooks (``_send_*``,
  called once per change or once per ``batch_update``) say which traces and layout keys changed;
  only those are serialised and sent as a patch (a custom message with a revision number). Until
  a page has said it is ready (its front end loaded), and whenever it asks (it missed a patch),
  the whole figure is synced instead, so a page never shows a stale or half-patched figure.
* The page redraws one draw at a time, always the newest figure: at once when a change finds it idle,
  else in the next animation frame, so dragging a slider never queues stale repaints. A change of only
  shapes, annotations or images (a line that follows a slider) is drawn with ``Plotly.relayout``, which
  redraws just those, instead of a whole ``Plotly.react``.
* Under a dark JupyterLab theme the figure is drawn with ``plotly_dark`` on a transparent
  background (the browser tells the kernel the theme; see ``style.front_end``).
* Every figure of the workbook looks like ``plotly_white``: the page gets the workbook's template
  (:func:`template_json`: ``plotly_white`` without the parts for 3-D scenes, maps, polar and
  ternary plots and trace types no lesson draws, :data:`TRACE_TYPES`) with the whole figure. In
  the kernel plotly's default template is a marker, ``"wakker"``, with nothing in it: a lesson does not name a
  template, and no figure carries or copies plotly's template objects (``template="plotly_white"``
  cost about 60 ms of kernel time per figure and sent 7 kB with every figure; the slim one is 2 kB).
* A lesson asks for the margins its figure is drawn with (room for a legend below, axis titles, the last tick
  label): when plotly has to widen a margin it lays the whole figure out a second time, up to half of a first
  draw. The browser tests check it after Run All (``tests/browser/jlab.py``, ``margins_grown``); on a phone a
  margin may still grow.
"""
from __future__ import annotations

import re
import weakref

import plotly.graph_objects as go
from IPython.display import display

from .style import STYLES, dark_theme, esm_module, front_end, want_plotly

MIME = "application/vnd.plotly.v1+json"
DARK_PAPER = "rgba(0,0,0,0)"
#: Dutch numbers in every plot (tick labels, hover): a decimal comma and a thousands point, unless a figure
#: sets its own ``separators``. Plotly's default is English ("0.5"), which a Dutch reader misreads.
SEPARATORS = ",."

#: The trace types the workbook's template styles (add one here when a lesson starts drawing it).
TRACE_TYPES = ("scatter", "bar", "heatmap", "histogram", "pie")
#: Parts of a plotly template for kinds of plots the workbook does not draw.
_UNUSED_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map", "smith")
#: Pixels between every x axis and its tick labels (plotly's default is 0): see :func:`slim_template`.
X_TICK_STANDOFF = 8


def slim_template(name: str) -> dict:
    """Plotly's template ``name`` as a plain dict, with only what the workbook's figures use.

    Tick labels may overflow (``ticklabeloverflow="allow"``, on every x and y axis): plotly's default
    for a number axis ("hide past div") measures every tick label after every draw to hide the ones
    outside the plot, a fifth of a redraw (issue 11); the workbook's margins keep the labels inside.
    The x axis's labels stand a little lower (``ticklabelstandoff``, :data:`X_TICK_STANDOFF` px), so that
    its first number does not touch the y axis's first number in the corner ('0' on '0': reviewers saw
    it at 390 and at 1400 px in 07 and 08).

    Read from plotly's own template file; never turned into plotly objects (see :func:`template_json`).
    """
    import json
    import pkgutil

    full = json.loads(pkgutil.get_data("plotly", f"package_data/templates/{name}.json").decode("utf-8"))
    layout = {k: v for k, v in full["layout"].items() if k not in _UNUSED_LAYOUT}
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {**layout.get(axis, {}), "ticklabeloverflow": "allow"}
    layout["xaxis"]["ticklabelstandoff"] = X_TICK_STANDOFF
    return {"data": {k: v for k, v in full["data"].items() if k in TRACE_TYPES}, "layout": layout}


_TEMPLATE_JSON: dict[bool, str] = {}


def template_json(dark: bool = False) -> str:
    """The workbook's template (light: ``plotly_white``, dark: ``plotly_dark``, both slim) as JSON, made once.

    A LiveFigure puts it into the figure only as it is serialised for the page. Plotly's own way -- a
    ``Template`` object that every new figure copies -- cost about 4 ms of kernel time for every figure a
    lesson built first and then handed to ``LiveFigure(fig)`` (5 subplot figures: 25 against 4 ms), as
    plotly validated the copied template again (issue 8 item 10: headless execution within 1.5 x floor)."""
    if dark not in _TEMPLATE_JSON:
        _TEMPLATE_JSON[dark] = _json(slim_template("plotly_dark" if dark else "plotly_white"))
    return _TEMPLATE_JSON[dark]


#: The name of plotly's default template while the workbook is loaded: a marker template with nothing in it
#: but its own name (``layout.meta``), which a new figure copies for free (an empty one plotly would turn
#: into its "none" template). A LiveFigure that has it (or none) is sent with :func:`template_json`.
TEMPLATE_NAME = "wakker"
_MARKER = {"layout": {"meta": "wakker-template"}}


def use_workbook_template() -> None:
    """Register the marker template ``"wakker"`` and make it plotly's default (done when this module
    is imported), so that a figure a lesson builds (``go.Figure``, ``make_subplots``) carries no template
    of plotly's own, and a LiveFigure draws it in the workbook's look."""
    import plotly.io as pio
    from plotly.graph_objs.layout import Template

    store = getattr(pio.templates, "_templates", None)
    if TEMPLATE_NAME not in pio.templates:
        if isinstance(store, dict):
            store[TEMPLATE_NAME] = Template(_MARKER)  # as plotly stores its own: not validated again
        else:
            pio.templates[TEMPLATE_NAME] = Template(_MARKER)
    if pio.templates.default != TEMPLATE_NAME:
        if hasattr(pio.templates, "_default"):
            pio.templates._default = TEMPLATE_NAME  # plotly's setter validates the template once more
        else:
            pio.templates.default = TEMPLATE_NAME


use_workbook_template()


def subplot_layout(titles, *, row_heights=None, vertical_spacing=None, shared_xaxes: bool = False,
                   title_size: int = 16) -> dict:
    """The layout of plots stacked in one column, one row per title (the top row first), as a plain dict: the
    axes and subplot titles that ``make_subplots(rows=len(titles), cols=1, subplot_titles=titles, ...)`` makes
    with the same arguments (``title_size``: as ``update_annotations(font_size=...)`` after it).

    Build the figure from it (``LiveFigure(dict(data=..., layout=...))``, a trace of row ``r`` with
    ``xaxis="x<r>", yaxis="y<r>"``, row 1 ``"x"``/``"y"``): plotly then validates every axis and title once, in
    LiveFigure, not first in make_subplots and again (make_subplots cost ~38 ms of kernel time on first use).
    ``shared_xaxes``: every row's x axis follows the bottom row's (``matches``) and only the bottom row shows
    its numbers. An empty title gets no annotation. The tests compare this with make_subplots."""
    rows = len(titles)
    spacing = 0.5 / rows if vertical_spacing is None else vertical_spacing
    free = 1.0 - spacing * (rows - 1)
    if row_heights is None:
        heights = [free / rows] * rows
    else:
        total = float(sum(row_heights))
        heights = [free * (h / total) for h in reversed(row_heights)]  # from the bottom, as make_subplots adds
    layout: dict = {}
    annotations = []
    for r, title in enumerate(titles):  # r = 0 is the top row: axes x, y; the next x2, y2; ...
        below = rows - 1 - r  # rows below this one
        y0 = sum(heights[:below]) + below * spacing
        y1 = min(y0 + heights[below], 1.0)  # make_subplots rounds a float error above 1 to 1
        n = str(r + 1) if r else ""
        x = {"anchor": f"y{n}", "domain": [0.0, 1.0]}
        if shared_xaxes and r < rows - 1:
            x.update(matches=f"x{rows}", showticklabels=False)
        layout[f"xaxis{n}"], layout[f"yaxis{n}"] = x, {"anchor": f"x{n}", "domain": [y0, y1]}
        if title:
            annotations.append({"font": {"size": title_size}, "showarrow": False, "text": title, "x": 0.5,
                                "xanchor": "center", "xref": "paper", "y": y1, "yanchor": "bottom",
                                "yref": "paper"})
    if annotations:
        layout["annotations"] = annotations
    return layout


def subplot_axes(row: int) -> dict:
    """The axes of a trace in row ``row`` (1 = the top) of a :func:`subplot_layout`: ``{"xaxis": "x2", "yaxis":
    "y2"}`` for row 2, what make_subplots' ``add_trace(..., row=2, col=1)`` sets."""
    n = "" if row == 1 else str(row)
    return {"xaxis": f"x{n}", "yaxis": f"y{n}"}


#: What a student reads when a figure cannot be drawn (Dutch), and a figure's name without a title.
TEXTS = {
    "NO_PLOTLY": ("De grafiek kan hier niet getekend worden: plotly ontbreekt in deze omgeving. "
                  "Open het werkboek in JupyterLab of Voilà (zie de README)."),
    "FAILED": "De grafiek kon niet getekend worden",
    "AGAIN": "Voer de cel opnieuw uit of herlaad de pagina.",
    "TITLE": "grafiek",
}


def _esm(src: str | None = None) -> str:
    """A front-end module (default: the figures' drawing code, ``figure_esm.ESM``), with the Dutch texts filled
    in and comments and indentation left out."""
    if src is None:
        from .figure_esm import ESM as src

    return esm_module(src, {**TEXTS, "ERROR_STYLE": STYLES["fout"]})


_WIDGET_CLASS = None
_KIT_CLASS = None
_KITS: dict = {}  # page session -> its FigureKit
want_plotly()  # a lesson that imports this module will draw: the page may start loading plotly.js now


def _kit():
    """The ``FigureKit`` model of the page whose request the kernel handles now: it brings the figures'
    drawing code to that page, once (each figure's own module is a stub that waits for it). Made before the
    page's first figure widget; one per page for the reason :func:`wakker.ui.style.front_end` gives."""
    from .lean import anywidget_base, per_page

    def make():
        global _KIT_CLASS
        if _KIT_CLASS is None:
            class FigureKit(anywidget_base()):
                _esm = _esm()

            _KIT_CLASS = FigureKit
        return _KIT_CLASS()

    return per_page(_KITS, make)


def _widget_class():
    """:class:`FigureWidget`, defined on first use (anywidget is imported only when a figure is shown)."""
    global _WIDGET_CLASS
    if _WIDGET_CLASS is None:
        import traitlets

        from .figure_esm import STUB
        from .lean import anywidget_base

        class FigureWidget(anywidget_base()):
            """The browser side of one LiveFigure: ``_figure`` is the whole figure as JSON bytes; its module
            is a stub that draws with the code of the page's FigureKit (:func:`_kit`)."""

            _esm = _esm(STUB)
            _figure = traitlets.Bytes(b"{}").tag(sync=True)
            _rev = traitlets.Int(0).tag(sync=True)

            def __init__(self, owner: "LiveFigure", **kwargs):
                self._owner = weakref.ref(owner)
                super().__init__(**kwargs)
                self.on_msg(self._on_front_end)

            def get_state(self, key=None, drop_defaults=False):
                # Whoever asks for the state (a new page, a reload) gets the figure as it is now.
                owner = self._owner()
                if owner is not None:
                    self._trait_values["_figure"] = owner._full_json()
                    self._trait_values["_rev"] = owner._rev
                return super().get_state(key=key, drop_defaults=drop_defaults)

            def _on_front_end(self, _widget, content, _buffers):
                owner = self._owner()
                if owner is None or not isinstance(content, dict):
                    return
                if content.get("wakker") == "ready":
                    owner._front_end_ready(content.get("rev"))
                elif content.get("wakker") == "full":
                    owner._send_full()

        _WIDGET_CLASS = FigureWidget
    return _WIDGET_CLASS


def _json(obj) -> str:
    from plotly.io.json import to_json_plotly

    return to_json_plotly(obj)


_themed: "weakref.WeakValueDictionary[int, LiveFigure]" = weakref.WeakValueDictionary()


def _follow_theme(fig: "LiveFigure") -> None:
    """Redraw ``fig`` whenever JupyterLab switches between a light and a dark theme."""
    hook = front_end()
    if not getattr(hook, "_redraws_figures", False):
        hook.observe(lambda _change: [f._theme_changed() for f in list(_themed.values())], names="dark")
        hook._redraws_figures = True
    _themed[id(fig)] = fig


_pending: "weakref.WeakValueDictionary[int, LiveFigure]" = weakref.WeakValueDictionary()
_flush_hooked = False


def _in_cell() -> bool:
    """Whether the kernel is running a cell now (not a widget callback between cells)."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else None
    except Exception:  # noqa: BLE001 - an older or unusual kernel: send at once
        return False
    return bool(parent) and parent.get("header", {}).get("msg_type") == "execute_request"


def _defer_full(fig: "LiveFigure") -> None:
    """Send ``fig`` whole when the running cell has finished (IPython's ``post_execute``)."""
    global _flush_hooked
    if not _flush_hooked:
        from IPython import get_ipython

        get_ipython().events.register("post_execute", _flush_pending)
        _flush_hooked = True
    _pending[id(fig)] = fig


def _flush_pending() -> None:
    figures = list(_pending.values())
    _pending.clear()
    for fig in figures:
        fig._send_full()


def _top_key(path: str) -> str:
    """The top-level layout key of a plotly property path (``xaxis.range`` -> ``xaxis``)."""
    return re.split(r"[.\[]", str(path), maxsplit=1)[0]


class LiveFigure(go.Figure):
    """A ``go.Figure`` shown by ``self.widget`` and updated in the browser after each change."""

    def __init__(self, *args, css: str | tuple[str, ...] = (), **kwargs):
        """As ``go.Figure``; ``css``: class name(s) the widget gets besides ``wakker-figure`` (for the page's
        CSS and tests), with its first message."""
        object.__setattr__(self, "_live_ready", False)
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_css", ("wakker-figure",) + ((css,) if isinstance(css, str) else tuple(css)))
        object.__setattr__(self, "_widget", None)
        object.__setattr__(self, "renders", 0)  # changes sent (or, without a widget yet, noted)
        object.__setattr__(self, "_rev", 0)
        object.__setattr__(self, "_dark", dark_theme())
        object.__setattr__(self, "_trace_parts", [])  # JSON of each trace as the page has it
        object.__setattr__(self, "_layout_parts", {})  # JSON of each top-level layout key
        object.__setattr__(self, "_page_ready", False)  # a page has loaded the front end: patches from now on
        object.__setattr__(self, "_live_ready", True)
        _follow_theme(self)
        self._serialise_all()
        object.__setattr__(self, "renders", 1)

    # ------------------------------------------------------------------ the widget
    @property
    def widget(self):
        """The widget to put in a layout (created on first use, with the figure as it is then)."""
        if self._widget is None:
            from wakker.ui.lean import widgets as w

            _kit()  # the drawing code, once per page, before the first figure
            # the class goes with the widget's first message (add_class would send a second one)
            widget = _widget_class()(self, layout=w.Layout(width="100%"), _dom_classes=self._css)
            object.__setattr__(self, "_widget", widget)
        return self._widget

    def _ipython_display_(self):
        display(self.widget)

    # ------------------------------------------------------------------ serialising
    def _layout_items(self) -> dict[str, str]:
        parts = {k: _json(v) for k, v in self._layout.items() if k != "template"}
        parts["template"] = self._layout_part("template")
        parts.setdefault("separators", _json(SEPARATORS))
        if self._dark:
            parts["paper_bgcolor"] = _json(DARK_PAPER)
        return parts

    def _layout_part(self, key: str) -> str | None:
        if key == "template":
            # the workbook's look, unless the figure names a template of its own (light theme only)
            own = self._layout.get("template")
            if self._dark or not own or own == _MARKER:
                return template_json(self._dark)
            return _json(own)
        if self._dark and key == "paper_bgcolor":
            return _json(DARK_PAPER)
        if key == "separators" and key not in self._layout:
            return _json(SEPARATORS)
        return _json(self._layout[key]) if key in self._layout else None

    def _serialise_all(self) -> None:
        object.__setattr__(self, "_trace_parts", [_json(t) for t in self._data])
        object.__setattr__(self, "_layout_parts", self._layout_items())

    def _full_json(self) -> bytes:
        layout = ",".join(f"{_json(k)}:{v}" for k, v in self._layout_parts.items())
        return f'{{"data":[{",".join(self._trace_parts)}],"layout":{{{layout}}}}}'.encode()

    def bundle(self) -> dict:
        """The figure as a display bundle (plotly's mime type and a short text), e.g. for a static export."""
        import json

        title = self.layout.title.text or TEXTS["TITLE"]
        return {MIME: json.loads(self._full_json()), "text/plain": f"<grafiek: {title}>"}

    # ------------------------------------------------------------------ changes
    def _changed(self, traces=None, layout_keys=None, everything: bool = False) -> None:
        """Re-serialise what changed (``traces``: indexes or None = all; ``layout_keys``: top-level
        keys or None = all) and send it: a patch to a ready page, else the whole figure."""
        if not self._live_ready:
            return
        object.__setattr__(self, "renders", self.renders + 1)
        patch: dict = {}
        if everything or traces is None or len(self._trace_parts) != len(self._data):
            new = [_json(t) for t in self._data]
            if new != self._trace_parts:
                patch["data"] = new
                object.__setattr__(self, "_trace_parts", new)
        else:
            changed = {}
            for i in traces:
                part = _json(self._data[i])
                if part != self._trace_parts[i]:
                    self._trace_parts[i] = part
                    changed[i] = part
            if changed:
                patch["traces"] = changed
        if everything or layout_keys is None:
            keys = set(self._layout_parts) | set(self._layout)
        else:
            # also keys that vanished (a new layout replaces the old one)
            keys = set(layout_keys) | (set(self._layout_parts) - set(self._layout))
        layout = {}
        for key in keys:
            part = self._layout_part(key)
            if part != self._layout_parts.get(key):
                layout[key] = part
                if part is None:
                    self._layout_parts.pop(key, None)
                else:
                    self._layout_parts[key] = part
        if layout:
            patch["layout"] = layout
        if not patch:
            return
        object.__setattr__(self, "_rev", self._rev + 1)
        if self._widget is None:
            return  # nothing shown yet: the widget starts from the figure as it is then
        if self._page_ready:
            self._send_patch(patch)
        elif _in_cell():
            _defer_full(self)  # once, when the cell has run, however often it changed
        else:
            self._send_full()

    def _send_patch(self, patch: dict) -> None:
        parts = []
        if "data" in patch:
            parts.append(f'"data":[{",".join(patch["data"])}]')
        if "traces" in patch:
            parts.append('"traces":{' + ",".join(f'"{i}":{p}' for i, p in patch["traces"].items()) + "}")
            parts.append(f'"ntraces":{len(self._trace_parts)}')
        if "layout" in patch:
            parts.append('"layout":{' + ",".join(f"{_json(k)}:{'null' if v is None else v}"
                                                for k, v in patch["layout"].items()) + "}")
        body = ("{" + ",".join(parts) + "}").encode()
        self._widget.send({"wakker": "patch", "base": self._rev - 1, "rev": self._rev}, buffers=[body])

    def _send_full(self) -> None:
        """Sync the whole figure (a page that is not ready yet, or that missed a patch)."""
        widget = self._widget
        if widget is None:
            return
        widget._trait_values["_figure"] = self._full_json()
        widget._trait_values["_rev"] = self._rev
        widget.send_state(["_figure", "_rev"])

    def _front_end_ready(self, rev) -> None:
        object.__setattr__(self, "_page_ready", True)
        if rev != self._rev:
            self._send_full()

    def _theme_changed(self) -> None:
        dark = dark_theme()
        if dark != self._dark:
            object.__setattr__(self, "_dark", dark)
            self._changed(traces=[], layout_keys=["template", "paper_bgcolor"])

    def on_phone(self, layout: dict | None = None, data: list | None = None) -> "LiveFigure":
        """How the figure is drawn on a narrow screen (a phone: the plot under 560 px wide). The page then does what
        it does there for every figure (legend in rows under the plot, long names and title wrapped), starting from
        these values (a wrapped title makes the figure taller than the ``height`` asked for here).

        ``layout``: keys that replace the drawn ones (a dict is merged into it one level deep, e.g.
        ``{"margin": {"l": 90}}``); ``data``: one dict (or ``None``) per trace, merged into that trace (e.g.
        ``[{"textposition": "inside"}]``). Kept as plain values in ``layout.meta["narrow"]``, so they reach the
        page with the figure; a wide screen draws the figure as it is. Returns the figure."""
        meta = dict(self.layout.meta) if isinstance(self.layout.meta, dict) else {}
        meta["narrow"] = {"layout": dict(layout or {}), "data": [None if d is None else dict(d) for d in (data or [])]}
        self.layout.meta = meta
        return self

    def redraw(self) -> None:
        """Serialise the whole figure again and send all of it (to every page, ready or not)."""
        if not self._live_ready:
            return
        self._serialise_all()
        object.__setattr__(self, "renders", self.renders + 1)
        object.__setattr__(self, "_rev", self._rev + 1)
        self._send_full()

    # Plotly calls these after every change (once per batch_update), as it does for a FigureWidget.
    def _send_addTraces_msg(self, *args, **kwargs):
        self._changed(traces=None, layout_keys=[])

    def _send_moveTraces_msg(self, *args, **kwargs):
        self._changed(traces=None, layout_keys=[])

    def _send_deleteTraces_msg(self, *args, **kwargs):
        self._changed(traces=None, layout_keys=[])

    def _send_restyle_msg(self, style, trace_indexes=None, source_view_id=None):
        self._changed(traces=_indexes(trace_indexes, len(self._data)), layout_keys=[])

    def _send_relayout_msg(self, layout, source_view_id=None):
        self._changed(traces=[], layout_keys=[_top_key(k) for k in (layout or {})])

    def _send_update_msg(self, restyle_data, relayout_data, trace_indexes=None, source_view_id=None):
        traces = _indexes(trace_indexes, len(self._data)) if restyle_data else []
        self._changed(traces=traces, layout_keys=[_top_key(k) for k in (relayout_data or {})])

    def _send_animate_msg(self, *args, **kwargs):
        self._changed(everything=True)


def _indexes(trace_indexes, n: int) -> list[int] | None:
    if trace_indexes is None:
        return None
    if isinstance(trace_indexes, int):
        trace_indexes = [trace_indexes]
    return [i for i in trace_indexes if 0 <= i < n]
