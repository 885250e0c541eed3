"""LiveFigure: an ordinary go.Figure whose widget sends the whole figure once, then only what changed.

The kernel half is tested here by catching what the widget sends (``_send``) and applying it the
way the browser half (``figure_esm.py``) does; the browser half itself is tested in
``tests/browser/test_figure_browser.py`` (changes arrive, the newest wins, errors in Dutch).
"""
import json

import ipywidgets as w
import plotly.graph_objects as go
import pytest

from wakker.ui import figure as figure_module
from wakker.ui.figure import MIME, LiveFigure


class Page:
    """What a browser does with the widget's messages (a port of figure_esm.py's ``initialize``)."""

    def __init__(self, fig: LiveFigure, ready: bool = True):
        self.widget = fig.widget
        self.sent: list[tuple[dict, list]] = []
        self.widget._send = lambda msg, buffers=None: self.sent.append((msg, buffers or []))
        state = self.widget.get_state()
        self.figure = json.loads(bytes(state["_figure"]))
        self.rev = state["_rev"]
        self.patches = self.fulls = self.asked = 0
        if ready:
            self.widget._on_front_end(self.widget, {"wakker": "ready", "rev": self.rev}, [])
        self.receive()

    def receive(self) -> None:
        for msg, buffers in self.sent:
            if msg["method"] == "update":  # a full sync of the synced state
                state = msg["state"]  # bytes travel as a binary buffer, not in the JSON
                assert set(state) == {"_rev"} and msg["buffer_paths"] == [["_figure"]]
                self.figure = json.loads(bytes(buffers[0]))
                self.rev = state["_rev"]
                self.fulls += 1
            elif msg["method"] == "custom" and msg["content"]["wakker"] == "patch":
                content = msg["content"]
                if content["base"] != self.rev:
                    self.asked += 1
                    continue
                patch = json.loads(bytes(buffers[0]))
                data = patch.get("data") or self.figure["data"][:patch.get("ntraces", len(self.figure["data"]))]
                for i, trace in patch.get("traces", {}).items():
                    data[int(i)] = trace
                layout = dict(self.figure["layout"])
                for k, v in patch.get("layout", {}).items():
                    if v is None:
                        layout.pop(k, None)
                    else:
                        layout[k] = v
                self.figure = {"data": data, "layout": layout}
                self.rev = content["rev"]
                self.patches += 1
        self.sent.clear()

    def last_patch(self, fig: LiveFigure) -> dict:
        msg, buffers = self.sent[-1]
        assert msg["method"] == "custom"
        return json.loads(bytes(buffers[0]))


def full(fig: LiveFigure) -> dict:
    return json.loads(fig._full_json())


def bar_figure(**layout) -> LiveFigure:
    return LiveFigure(go.Figure([go.Bar(x=[1, 2], y=[3, 4]), go.Scatter(x=[1, 2], y=[0, 1])],
                                layout=dict(title="Titel", **layout)))


def test_counts_one_change_per_change_and_one_per_batch():
    fig = LiveFigure(go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout=dict(title="Titel")))
    assert fig.renders == 1 and isinstance(fig.widget, w.DOMWidget)
    assert "wakker-figure" in fig.widget._dom_classes
    fig.data[0].y = [5, 6]
    assert fig.renders == 2
    with fig.batch_update():
        fig.data[0].y = [1, 1]
        fig.layout.title.text = "Nieuw"
        fig.layout.yaxis.range = [0, 3]
    assert fig.renders == 3
    fig.add_scatter(x=[1], y=[2])
    assert fig.renders == 4 and len(fig.data) == 2


def test_the_widget_state_is_the_whole_figure_as_it_is_now():
    fig = bar_figure()
    fig.data[0].y = [7, 8]  # before the widget exists: it starts from this
    state = fig.widget.get_state()
    assert json.loads(bytes(state["_figure"])) == as_drawn(fig)
    assert state["_rev"] == fig._rev == 1
    fig.layout.title.text = "Later"
    assert json.loads(bytes(fig.widget.get_state()["_figure"]))["layout"]["title"] == {"text": "Later"}


def test_a_ready_page_gets_only_the_changed_trace_or_layout_key():
    fig = bar_figure()
    page = Page(fig)
    fig.data[1].y = [5, 6]
    patch = page.last_patch(fig)
    assert set(patch) == {"traces", "ntraces"} and list(patch["traces"]) == ["1"]
    assert patch["traces"]["1"]["y"] == [5, 6]
    page.receive()
    fig.layout.yaxis.range = [0, 9]
    patch = page.last_patch(fig)
    assert set(patch) == {"layout"} and set(patch["layout"]) == {"yaxis"}
    assert "template" not in json.dumps(patch)  # the template went once, with the whole figure
    page.receive()
    assert page.patches == 2 and page.fulls == 0 and page.figure == full(fig)


def test_an_unchanged_value_sends_nothing():
    fig = bar_figure()
    page = Page(fig)
    with fig.batch_update():
        fig.data[0].y = [3, 4]  # what the page has
        fig.layout.title.text = "Titel"
    fig.update_layout(height=None)
    assert page.sent == []


def test_patches_rebuild_the_figure_through_many_kinds_of_change():
    fig = bar_figure()
    page = Page(fig)
    steps = [
        lambda: setattr(fig.data[0], "y", [1, 2]),
        lambda: fig.update_layout(shapes=[dict(type="line", x0=0, x1=1, y0=0, y1=1)]),
        lambda: fig.update_layout(annotations=[dict(text="a", x=0, y=0)], yaxis2=dict(range=[0, 1])),
        lambda: fig.add_scatter(x=[3], y=[3], name="nieuw"),
        lambda: setattr(fig.layout, "shapes", ()),
        lambda: fig.update_traces(marker_color="red", selector=dict(type="bar")),
        lambda: setattr(fig, "data", [fig.data[2], fig.data[0]]),  # delete and move traces
        lambda: setattr(fig, "layout", go.Layout(title="Helemaal nieuw", height=300)),  # keys vanish
    ]
    for step in steps:
        step()
        page.receive()
        assert page.figure == full(fig), step
        assert page.figure == as_drawn(fig)
    assert page.patches >= len(steps) and page.fulls == 0 and page.asked == 0


def as_drawn(fig) -> dict:
    """The figure as plotly has it, with the workbook's template where it has the empty marker."""
    plain = json.loads(json.dumps(fig.to_plotly_json(), default=list))
    assert plain["layout"].get("template") == figure_module._MARKER  # plotly's default in the kernel
    plain["layout"]["template"] = json.loads(figure_module.template_json())
    plain["layout"].setdefault("separators", ",.")  # Dutch numbers unless the figure sets its own
    return plain


def test_before_a_page_is_ready_the_whole_figure_is_synced_and_ready_catches_up():
    fig = bar_figure()
    page = Page(fig, ready=False)
    fig.data[0].y = [1, 1]
    page.receive()
    assert page.patches == 0 and page.fulls == 1 and page.figure == full(fig)
    # the page becomes ready with an old revision (it loaded before the last change): it gets everything
    old = page.rev - 1
    fig.widget._on_front_end(fig.widget, {"wakker": "ready", "rev": old}, [])
    page.rev = old
    page.receive()
    assert page.fulls == 2 and page.rev == fig._rev
    fig.data[0].y = [2, 2]
    page.receive()
    assert page.patches == 1 and page.figure == full(fig)


def test_a_page_that_missed_a_patch_asks_for_the_whole_figure():
    fig = bar_figure()
    page = Page(fig)
    fig.data[0].y = [1, 1]
    page.sent.clear()  # this patch is lost
    fig.data[0].y = [2, 2]
    page.receive()
    assert page.asked == 1 and page.figure != full(fig)
    fig.widget._on_front_end(fig.widget, {"wakker": "full", "rev": page.rev}, [])
    page.receive()
    assert page.fulls == 1 and page.figure == full(fig) and page.rev == fig._rev


def test_dark_theme_sends_only_the_template_and_a_transparent_background(monkeypatch):
    fig = bar_figure()
    page = Page(fig)
    monkeypatch.setattr(figure_module, "dark_theme", lambda: True)
    fig._theme_changed()
    patch = page.last_patch(fig)
    assert set(patch) == {"layout"} and set(patch["layout"]) == {"template", "paper_bgcolor"}
    assert patch["layout"]["paper_bgcolor"] == "rgba(0,0,0,0)"
    assert patch["layout"]["template"]["layout"]["font"]["color"] == "#f2f5fa"  # plotly_dark
    page.receive()
    fig.data[0].y = [0, 0]  # a change under the dark theme keeps it dark
    page.receive()
    assert page.figure["layout"]["paper_bgcolor"] == "rgba(0,0,0,0)" and page.figure == full(fig)
    monkeypatch.setattr(figure_module, "dark_theme", lambda: False)
    fig._theme_changed()
    page.receive()
    assert "paper_bgcolor" not in page.figure["layout"]
    assert page.figure["layout"]["template"]["layout"]["paper_bgcolor"] == "white"  # plotly_white again


def test_numpy_and_nan_are_sent_as_json():
    np = pytest.importorskip("numpy")
    fig = LiveFigure(go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])))
    page = Page(fig)
    fig.data[0].z = np.array([[1.5, np.nan], [np.float64(3), 4]])
    page.receive()
    assert page.figure["data"][0]["z"] == [[1.5, None], [3.0, 4.0]]


def test_bundle_is_the_small_plotly_mimetype_and_the_front_end_is_small():
    fig = LiveFigure(go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])))
    bundle = fig.bundle()
    assert set(bundle) == {MIME, "text/plain"}
    assert bundle[MIME]["data"][0]["z"] == [[1, 2], [3, 4]]
    assert len(str(bundle)) < 50_000  # a FigureWidget sends ~5 MB of plotly.js per instance
    # the drawing code goes to the page once per kernel, with the one FigureKit model (about 1 kB of it loads
    # the workbook's own plotly.js, half a second sooner on a first Run All than the full one) ...
    kit = figure_module._kit()
    other = LiveFigure(go.Figure(go.Bar(x=[1], y=[2])))
    assert other.widget._esm == fig.widget._esm and figure_module._kit() is kit
    assert len(kit._esm) < 24_000 and "Plotly.react" in kit._esm  # once per page (legends and titles wrapped on phones: +1.3 kB; a figure's own phone values: +0.3 kB; a first draw when near the view: +0.5 kB; steady axes and data-only draws: +5.7 kB; with their shapes: +0.4 kB; a zoom kept whole and reset to the ranges as they are: +1.5 kB) and "__wakkerFigureKit = FIGURE" in kit._esm
    # ... and each figure's own module is a stub that waits for it (8.5 kB less per figure, issue 11)
    stub = fig.widget._esm
    assert len(stub) < 1_000 and "Plotly" not in stub and "__wakkerFigureKit" in stub
    for esm in (kit._esm, stub):
        assert "@@" not in esm and "De grafiek kon niet getekend worden" in esm


def test_changes_while_a_cell_runs_go_whole_once_when_it_has_run(monkeypatch):
    """Before a page is ready (Run All), a figure that changes many times in one cell is synced once."""
    import IPython

    hooks = []

    class Events:
        def register(self, event, callback):
            hooks.append((event, callback))

    shell = type("Shell", (), {"events": Events()})()
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(figure_module, "_flush_hooked", False)
    monkeypatch.setattr(figure_module, "_in_cell", lambda: True)
    fig = bar_figure()
    page = Page(fig, ready=False)
    for i in range(5):
        fig.data[0].y = [i, i]
    assert page.sent == [] and [ev for ev, _f in hooks] == ["post_execute"]
    hooks[0][1]()  # the cell has run
    page.receive()
    assert page.fulls == 1 and page.figure == full(fig)
    hooks[0][1]()  # nothing pending: nothing sent
    assert page.sent == []


def test_a_figure_looks_like_plotly_white_without_naming_a_template_and_stays_small():
    """The workbook's slim template is plotly's default: the white look, about 2 kB instead of 7 kB."""
    fig = LiveFigure(go.Figure([go.Bar(x=[1, 2], y=[3, 4]), go.Scatter(x=[1, 2], y=[0, 1])],
                               layout=dict(title="Titel")))
    page = Page(fig)
    template = page.figure["layout"]["template"]
    assert template["layout"]["plot_bgcolor"] == "white" and template["layout"]["xaxis"]["gridcolor"] == "#EBF0F8"
    assert {"bar", "scatter"} <= set(template["data"])
    assert "scene" not in template["layout"] and "surface" not in template["data"]
    assert len(fig._full_json()) < 3500, len(fig._full_json())


def test_tick_labels_are_not_measured_after_every_draw_light_or_dark():
    """plotly's default for a number axis measures every tick label after every draw to hide those past the
    plot (about a fifth of a redraw, issue 11): the workbook's light and dark templates let them overflow,
    on every x and y axis (a template's axis styles every axis of a figure with subplots)."""
    for dark in (False, True):
        layout = json.loads(figure_module.template_json(dark))["layout"]
        assert (layout["xaxis"]["ticklabeloverflow"], layout["yaxis"]["ticklabeloverflow"]) == ("allow", "allow")
    page = Page(bar_figure())  # what a page gets with the whole figure
    assert page.figure["layout"]["template"]["layout"]["yaxis"]["ticklabeloverflow"] == "allow"


def test_x_numbers_stand_below_the_corner_in_every_figure_light_or_dark():
    """Reviewers saw the x axis's '0' touch the y axis's '0' in the corner (07 and 08, at 390 and 1400 px):
    the workbook's templates put every x axis's labels a few pixels lower, so no lesson has to remember it."""
    for dark in (False, True):
        layout = json.loads(figure_module.template_json(dark))["layout"]
        assert layout["xaxis"]["ticklabelstandoff"] >= 6
        assert layout["yaxis"].get("ticklabelstandoff", 0) == 0  # the y numbers stay beside their grid lines
    page = Page(bar_figure())
    assert page.figure["layout"]["template"]["layout"]["xaxis"]["ticklabelstandoff"] >= 6


def test_no_lesson_names_a_template():
    """A lesson that writes template="plotly_white" gets the slow, large template back (see figure.py)."""
    from pathlib import Path

    lessons = Path(figure_module.__file__).resolve().parents[1] / "lessons"
    named = [f"{p.relative_to(lessons)}:{i}" for p in sorted(lessons.rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "template=" in line and "plotly" in line]
    assert not named, named


def test_the_workbooks_own_plotly_js_is_the_version_plotly_was_built_for_and_is_served():
    """The page draws with the workbook's own plotly.js (plotly.js's cartesian bundle plus scatterpolar, a third
    of the full one); it must be the plotly.js version the Python package writes figures for, with every trace
    type the loader counts as its own (OWN_TRACES) really registered in it."""
    import re
    from pathlib import Path

    import plotly

    from wakker import serverstatic
    from wakker.ui.figure_esm import PLOTLY_FILE

    def version(text: str) -> str:
        return re.search(r"plotly\.js (?:\(.*?\) )?v(\d+\.\d+\.\d+)", text[:400]).group(1)

    full = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")[:400]
    name, _, tag = PLOTLY_FILE.partition("?v=")
    own = (serverstatic.STATIC_DIR / name).read_text(encoding="utf-8")
    assert version(own) == version(full) == tag
    from wakker.ui.figure_esm import OWN_TRACES

    registered = set(re.findall(r'moduleType:"trace",name:"([a-z0-9]+)"', own))
    assert set(OWN_TRACES) == registered and set(figure_module.TRACE_TYPES) <= registered, registered
    assert own.rstrip().endswith("}));") and "window.Plotly = Plotly" in own[-400:]
    assert serverstatic._jupyter_server_extension_points() == [{"module": "wakker.serverstatic"}]
    (pattern, _handler, options), = serverstatic.handlers("/user/sam/")
    assert pattern == "/user/sam/wakker/static/(.*)" and Path(options["path"]) == serverstatic.STATIC_DIR


def test_a_lesson_that_draws_a_trace_the_own_plotly_js_lacks_asks_for_the_full_one_first():
    """A figure with such a trace is drawn with jupyterlab-plotly's full plotly.js; the lesson says so
    (``want_plotly(full=True)``) before wakker.ui.figure asks for the own copy, so that the page loads one
    plotly.js, not both (both cost a third of a second on a first Run All). No lesson needs it now: 06's radar
    (scatterpolar) is in the own copy since it is built by tools/plotly."""
    import re
    from pathlib import Path

    from wakker.ui.figure_esm import OWN_TRACES

    lessons = Path(figure_module.__file__).resolve().parents[1] / "lessons"
    drawn = re.compile(r"\badd_([a-z0-9]+)\(|\bgo\.([A-Z][a-z0-9]+)\(|type=[\"']([a-z0-9]+)[\"']")
    not_traces = {"trace", "traces", "shape", "annotation", "layout_image", "hline", "vline", "hrect", "vrect",
                  "selection"}
    is_trace = lambda kind: kind not in not_traces and hasattr(go.Figure, f"add_{kind}")  # noqa: E731
    needs_full, seen = {}, set()
    for path in lessons.rglob("*.py"):
        for m in drawn.finditer(path.read_text(encoding="utf-8")):
            kind = next(g for g in m.groups() if g).lower()
            seen.add(kind)
            if is_trace(kind) and kind not in OWN_TRACES:
                needs_full.setdefault(path.relative_to(lessons).parts[0], set()).add(kind)
    assert {"scatterpolar", "bar", "heatmap"} <= seen  # the scan sees 06's radar and the other lessons' traces
    for package, kinds in needs_full.items():
        init = (lessons / package / "__init__.py").read_text(encoding="utf-8")
        declared = re.search(r"^want_plotly\(full=True\)", init, re.M)
        # the first import of the lesson's own modules (which import wakker.ui.figure)
        first_import = re.search(r"^from \.(\w+)? import|^from \.\.\.ui(\.figure| import figure)", init, re.M)
        assert declared and first_import and declared.start() < first_import.start(), (package, kinds)


#: The argument sets the lessons pass to subplot_layout (and two more: three rows, a row without a title).
SUBPLOTS = {
    "01 dorpsweide": dict(row_heights=(0.55, 0.45), vertical_spacing=0.13, shared_xaxes=True, title_size=13),
    "03 rivier": dict(row_heights=(0.5, 0.5), vertical_spacing=0.13, shared_xaxes=True, title_size=13),
    "03 menigte": dict(row_heights=(0.5, 0.5), vertical_spacing=0.22, title_size=13),
    "05 vertrouwensspel": dict(row_heights=(0.62, 0.38), vertical_spacing=0.12, shared_xaxes=True, title_size=13),
    "05 breuk": dict(row_heights=(0.55, 0.45), vertical_spacing=0.12, shared_xaxes=True, title_size=13),
    "06 leerkloof": dict(row_heights=(0.5, 0.5), vertical_spacing=0.12, shared_xaxes=True, title_size=13),
    "08 een titel": dict(rows=1),
    "drie rijen": dict(row_heights=(0.5, 0.3, 0.2), vertical_spacing=0.12, shared_xaxes=True),
    "rij zonder titel": dict(rows=2, titles=("boven", "")),
}


@pytest.mark.parametrize("case", SUBPLOTS)
def test_subplot_layout_is_what_make_subplots_makes(case):
    """A lesson builds its stacked plots as a plain dict (plotly validates it once, in LiveFigure): the axes (domain,
    anchor, matches, tick labels) and titles are exactly make_subplots' for the same arguments, rows from the top."""
    from plotly.subplots import make_subplots

    from wakker.ui.figure import subplot_layout

    args = dict(SUBPLOTS[case])
    rows = args.pop("rows", len(args.get("row_heights", ())))
    titles = args.pop("titles", tuple(f"titel {i + 1}" for i in range(rows)))
    size = args.pop("title_size", None)
    fig = make_subplots(rows=rows, cols=1, subplot_titles=titles,
                        **{k: list(v) if k == "row_heights" else v for k, v in args.items()})
    if size is not None:
        fig.update_annotations(font_size=size)
    want = fig.layout.to_plotly_json()
    want.pop("template", None)
    got = subplot_layout(titles, **args, **({} if size is None else {"title_size": size}))
    assert got == want
    # and a figure built from it draws its traces where make_subplots' row= puts them
    fig.add_scatter(y=[1], row=rows, col=1)
    assert LiveFigure(dict(data=[dict(type="scatter", y=[1], xaxis=f"x{rows}", yaxis=f"y{rows}")],
                           layout=got)).to_plotly_json() == LiveFigure(fig).to_plotly_json()
    # subplot_axes(row) names the axes make_subplots' row= gives a trace, in every row
    from wakker.ui.figure import subplot_axes

    for row in range(1, rows + 1):
        fig.add_scatter(y=[row], row=row, col=1)
        trace = fig.data[-1]
        assert subplot_axes(row) == {"xaxis": trace.xaxis, "yaxis": trace.yaxis}, row


def test_in_the_kernel_a_figure_carries_only_a_marker_and_the_page_gets_the_workbook_look():
    """plotly validates a copied template again: about 4 ms for each figure a lesson builds first and hands to
    LiveFigure (issue 8 item 10). The kernel keeps a marker; the page gets the workbook's look."""
    import plotly.io as pio
    from plotly.subplots import make_subplots

    built = make_subplots(rows=2, cols=1, subplot_titles=("a", "b"))
    fig = LiveFigure(built)
    for fig_or_template in (pio.templates[pio.templates.default], built.layout.template, fig.layout.template):
        assert fig_or_template.to_plotly_json() == figure_module._MARKER
    page = Page(fig)
    assert page.figure["layout"]["template"] == json.loads(figure_module.template_json())
    assert page.figure["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_numbers_in_a_plot_are_dutch_unless_the_figure_sets_its_own_separators():
    """Plotly writes 0.5 by default; a Dutch reader reads 0,5. Every figure gets a decimal comma (tick labels,
    hover), in the page and in a static export; a figure that sets its own separators keeps them."""
    fig = bar_figure()
    page = Page(fig)
    assert page.figure["layout"]["separators"] == ",."
    assert fig.bundle()[MIME]["layout"]["separators"] == ",."
    fig.update_layout(separators=". ")  # a lesson's own choice wins
    page.receive()
    assert page.figure["layout"]["separators"] == ". "
    fig.update_layout(separators=None)  # and without it, Dutch again (not plotly's English)
    page.receive()
    assert page.figure["layout"]["separators"] == ",." and page.figure == full(fig)
    assert LiveFigure(go.Figure()).layout.separators is None  # the lesson's own figure is left as it was


def test_what_a_figure_asks_for_on_a_phone_goes_with_it_and_a_change_of_it_is_a_patch():
    fig = bar_figure()
    assert fig.on_phone({"margin": {"l": 90}}, [None, {"mode": "lines"}]) is fig
    assert full(fig)["layout"]["meta"] == {"narrow": {"layout": {"margin": {"l": 90}},
                                                      "data": [None, {"mode": "lines"}]}}
    page = Page(fig)
    fig.on_phone({"xaxis": {"tickangle": -30}})  # a second call replaces the first
    patch = page.last_patch(fig)
    assert set(patch) == {"layout"} and patch["layout"]["meta"] == {
        "narrow": {"layout": {"xaxis": {"tickangle": -30}}, "data": []}}
