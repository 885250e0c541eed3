"""LiveFigure: a plotly figure that redraws itself in an ipywidgets Output after every change.

Why not ``go.FigureWidget``? Since plotly 6 a FigureWidget is an anywidget that sends the
whole plotly.js bundle (~5 MB) to the browser with *every* instance. A notebook with seven
figures then moves ~35 MB through the kernel's websocket — slow on a school network or
Binder, and it made headless execution several times slower than the floor.

A LiveFigure is an ordinary ``go.Figure`` (so ``fig.data[0].y = ...``, ``fig.layout...``,
``fig.batch_update()``, ``fig.update_layout(...)`` all work as usual). Plotly calls its
``_send_*`` hooks on every change, exactly as it does for a FigureWidget; here each call
sets the Output's ``outputs`` to the small ``application/vnd.plotly.v1+json`` bundle, which the
``jupyterlab-plotly`` extension (shipped with plotly, loaded once and cached) draws. Put
``fig.widget`` where a FigureWidget would go in a layout.
"""
from __future__ import annotations

import weakref

import ipywidgets as w
import plotly.graph_objects as go
from IPython.display import display

from .style import dark_theme, front_end

MIME = "application/vnd.plotly.v1+json"


def _dark_template() -> dict:
    import plotly.io as pio

    return pio.templates["plotly_dark"].to_plotly_json()


_themed: "weakref.WeakValueDictionary[int, LiveFigure]" = weakref.WeakValueDictionary()


def _follow_theme(fig: "LiveFigure") -> None:
    """Redraw ``fig`` whenever JupyterLab switches between a light and a dark theme."""
    hook = front_end()
    if not getattr(hook, "_redraws_figures", False):
        hook.observe(lambda _change: [f.redraw() for f in list(_themed.values())], names="dark")
        hook._redraws_figures = True
    _themed[id(fig)] = fig


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


class LiveFigure(go.Figure):
    """A ``go.Figure`` shown in ``self.widget`` (an Output) and redrawn after each change."""

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, "_live_ready", False)
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "widget", w.Output(layout=w.Layout(width="100%")))
        object.__setattr__(self, "renders", 0)
        self.widget.add_class("wakker-figure")
        object.__setattr__(self, "_live_ready", True)
        _follow_theme(self)
        self.redraw()

    def bundle(self) -> dict:
        """The display bundle: the plotly mime type plus a short text for non-browser front ends.
        Under a dark JupyterLab theme the figure is drawn with ``plotly_dark`` on a transparent
        background (the browser tells the kernel the theme; see ``style.front_end``)."""
        title = self.layout.title.text or "grafiek"
        data = self.to_plotly_json()
        if dark_theme():
            data["layout"] = {**data.get("layout", {}), "template": _dark_template(),
                              "paper_bgcolor": "rgba(0,0,0,0)"}
        return {MIME: data, "text/plain": f"<grafiek: {title}>"}

    def redraw(self) -> None:
        if not self._live_ready:
            return
        object.__setattr__(self, "renders", self.renders + 1)
        if not _in_kernel():
            return  # plain Python (tests, scripts): nothing to draw into
        # Replace the Output's content through its synced ``outputs`` state, in one comm message.
        # Not ``clear_output(wait=True)`` + ``with self.widget: display(...)``: that captures
        # output by parent message id, and nbclient (nbconvert, papermill, Jupyter Book) then
        # mimics the front end's Output widget and writes every captured output back to the
        # kernel on the shell channel while it is awaiting the execute_reply on that same socket;
        # now and then that await misses its wake-up and waits out the whole cell timeout (forever
        # without one): jupyter/nbclient#312. JupyterLab draws ``outputs`` the same way.
        self.widget.outputs = ({"output_type": "display_data", "data": self.bundle(), "metadata": {}},)

    # Plotly calls these after every change (once per batch_update); a FigureWidget sends a
    # message to its view, a LiveFigure redraws.
    def _send_addTraces_msg(self, *args, **kwargs):
        self.redraw()

    def _send_moveTraces_msg(self, *args, **kwargs):
        self.redraw()

    def _send_deleteTraces_msg(self, *args, **kwargs):
        self.redraw()

    def _send_restyle_msg(self, *args, **kwargs):
        self.redraw()

    def _send_relayout_msg(self, *args, **kwargs):
        self.redraw()

    def _send_update_msg(self, *args, **kwargs):
        self.redraw()

    def _send_animate_msg(self, *args, **kwargs):
        self.redraw()

    def _ipython_display_(self):
        display(self.widget)
