"""Fewer widget models: widgets share one frozen Layout/Style per set of properties (wakker.ui.lean)."""
import ast
from pathlib import Path

import pytest
from ipywidgets.widgets.widget import _instances

from wakker import ui
from wakker.core.journal import Journal
from wakker.ui import lean
from wakker.ui.lean import SharedLayoutError, is_shared, widgets as w

LIB = Path(__file__).resolve().parents[2] / "lib" / "wakker"


def test_widgets_without_their_own_layout_share_one_frozen_layout_and_style():
    a, b = w.HTML("a"), w.HTML("b")
    assert a.layout is b.layout and a.style is b.style
    assert is_shared(a.layout) and is_shared(a.style)
    assert a.get_state()["layout"] == b.get_state()["layout"]  # the page sees one model id
    assert w.VBox([a]).layout is a.layout  # an empty layout is one model for every kind of widget


def test_a_dict_layout_is_shared_per_set_of_properties_and_an_instance_is_never_shared():
    a = w.HTML("a", layout=dict(width="auto", margin="0 1em"))
    b = w.Button(layout={"margin": "0 1em", "width": "auto"})
    c = w.HTML("c", layout=dict(width="100%"))
    own = w.HTML("d", layout=w.Layout(width="auto", margin="0 1em"))
    assert a.layout is b.layout and a.layout.width == "auto"
    assert c.layout is not a.layout
    assert own.layout is not a.layout and not is_shared(own.layout)
    own.layout.display = "none"  # one's own layout can change
    assert own.layout.display == "none"


def test_changing_a_shared_layout_or_style_is_refused_and_changes_nothing():
    a, b = w.HTML("a", layout=dict(width="3em")), w.HTML("b", layout=dict(width="3em"))
    with pytest.raises(SharedLayoutError, match="shared"):
        a.layout.display = "none"
    assert b.layout.display is None
    with pytest.raises(SharedLayoutError):
        w.IntSlider().style.description_width = "10em"


def test_a_closed_shared_layout_is_replaced():
    a = w.HTML("a", layout=dict(width="7.7em"))
    a.layout.close()
    b = w.HTML("b", layout=dict(width="7.7em"))
    assert b.layout is not a.layout and b.layout.comm is not None


def test_an_open_question_costs_few_models(tmp_path):
    """Was 14 comm models per open question (each widget its own Layout and Style)."""
    page = ui.Page("00_start", journal=Journal(tmp_path / "j.sqlite"))
    page.open_question("warm", "Eerst een, zodat het gedeelde er al is.")
    before = set(_instances)
    page.open_question("demo", "Wat betekent vertrouwen voor jou?")
    new = [_instances[k] for k in set(_instances) - before]
    # ONE model: the question, the answer box, the feedback line and the save status are drawn by the kit's
    # code in the page (was four: the box, the label, the answer box and the status, and a fifth for feedback)
    assert [x._model_name for x in new] == ["AnyModel"] and type(new[0]).__name__ == "QuestionWidget"
    assert not any(x._model_name.endswith(("LayoutModel", "StyleModel")) for x in new), \
        sorted(x._model_name for x in new)


def test_every_module_that_makes_widgets_imports_ipywidgets_through_lean():
    """Otherwise the sharing would depend on which module a kernel happened to import first."""
    wrong = []
    for path in LIB.rglob("*.py"):
        if path.name == "lean.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "ipywidgets" or n.startswith("ipywidgets.") for n in names):
                wrong.append(f"{path.relative_to(LIB)}:{node.lineno}")
    assert not wrong, f"import ipywidgets via 'from wakker.ui.lean import widgets as w': {wrong}"


def test_install_is_idempotent_and_can_be_undone():
    lean.install()
    assert lean.installed()
    lean.uninstall()
    try:
        assert w.HTML("x").layout is not w.HTML("y").layout
    finally:
        lean.install()
    assert w.HTML("x").layout is w.HTML("y").layout


def test_kit_widgets_get_their_classes_when_made_not_in_an_extra_message(tmp_path, monkeypatch):
    """add_class right after making a widget sends one update message per class; _dom_classes=... does not."""
    sent = []
    original = w.Widget.send_state
    monkeypatch.setattr(w.Widget, "send_state", lambda self, key=None: (sent.append((self._model_name, key)),
                                                                        original(self, key))[1])
    page = ui.Page("00_start", journal=Journal(tmp_path / "j.sqlite"))
    q = page.open_question("o", "Open?")
    page.scale("s", "Hoe?", low_label="laag", high_label="hoog")
    page.choice("c", "Welke?", ["a", "b"])
    page.reveal(q, "Uitleg.")
    assert "wakker-question" in q.box._dom_classes
    assert not [s for s in sent if s[1] == "_dom_classes"], sent


def _not_shown(make):
    """The widget models that ``make()`` creates and that its view's box does not show (each costs the
    page a comm message and a model, for nothing)."""
    before = set(_instances)
    view = make()
    new = set(_instances) - before
    seen, todo = set(), [view.box]
    while todo:
        x = todo.pop()
        if not isinstance(x, w.Widget) or x.model_id in seen:
            continue
        seen.add(x.model_id)
        for name in x.keys:
            v = getattr(x, name, None)
            todo.extend(v if isinstance(v, (list, tuple)) else [v])
    return sorted(f"{_instances[m]._model_name} {getattr(_instances[m], 'value', '')!r}" for m in new - seen)


def test_kit_views_make_no_widget_they_do_not_show(tmp_path):
    from dataclasses import dataclass

    from wakker.models.params import param, specs
    from wakker.ui.controls import DutchSlider, ParameterPanel, ParamWords

    @dataclass(frozen=True)
    class Params:
        speed: float = param(1.0, "x", 0.1, 10.0, 0.1, "speed")
        share: float = param(0.25, "share", 0.0, 1.0, 0.05, "share")

    page = ui.Page("00_start", journal=Journal(tmp_path / "j.sqlite"))
    words = {"speed": ParamWords("Tempo", "× gewoon"), "share": ParamWords("Deel", "", "Welk deel")}
    assert _not_shown(lambda: DutchSlider("Tempo", 1, 0, 5, 1)) == []
    assert _not_shown(lambda: DutchSlider("Tempo", 1, 0, 5, 1, layout="block", unit="x")) == []
    assert _not_shown(lambda: ParameterPanel(specs(Params), words, main=["speed"], more=["share"])) == []
    assert _not_shown(lambda: page.open_question("o", "Open?")) == []
    assert _not_shown(lambda: page.choice("c", "Welke?", ["a", "b"])) == []
    q = page.open_question("o2", "Open?")
    assert _not_shown(lambda: page.reveal(q, "Uitleg.")) == []


def test_a_model_opens_with_only_what_differs_from_its_defaults(monkeypatch):
    """The first message of ipywidgets' own models leaves out the default values the page's models share
    (description, tooltip, ...); every other property goes, as does the whole state of an Output widget
    (nbclient reads it) and of a custom (anywidget) model (its page half may not know its defaults)."""
    from ipywidgets import comm as widget_comm

    opened = {}
    real = widget_comm.create_comm
    monkeypatch.setattr(widget_comm, "create_comm",
                        lambda **args: (opened.setdefault(args["data"]["state"]["_model_name"], args["data"]["state"]),
                                        real(**args))[1])
    w.HTML("<p>hallo</p>")
    w.ToggleButtons(options=["a", "b"], value=None)
    w.IntSlider(3, min=1, max=9)
    w.FloatSlider(0.5, min=0, max=10)
    w.Output()
    html = opened["HTMLModel"]
    assert html["value"] == "<p>hallo</p>" and html["_model_name"] == "HTMLModel", html
    assert html["_model_module"] == "@jupyter-widgets/controls" and "_model_module_version" in html, html
    # the page's HTMLModel opens an HTMLView of @jupyter-widgets/controls 2.0.0 by default
    for default in ("description", "description_allow_html", "placeholder", "tooltip", "tabbable",
                    "_view_count", "_dom_classes", "_view_name", "_view_module", "_view_module_version"):
        assert default not in html, (default, html)
    assert opened["ToggleButtonsModel"]["index"] is None  # the page's default would be ""
    assert opened["OutputModel"]["outputs"] == ()  # nbclient (and so Voilà) reads it from the first message
    slider = opened["IntSliderModel"]
    assert (slider["value"], slider["min"], slider["max"]) == (3, 1, 9), slider
    # a default the page does not share goes: a FloatSlider's step is 0.1 here and 1 in the page
    assert opened["FloatSliderModel"]["step"] == 0.1, opened["FloatSliderModel"]
    # a Layout sends what it sets (every CSS property of the page's LayoutModel defaults to null)
    opened.pop("LayoutModel", None)
    w.Layout(width="12.5em", display="none")
    layout = opened["LayoutModel"]
    assert {k: v for k, v in layout.items() if not k.startswith("_")} == {"width": "12.5em", "display": "none"}
    assert layout["_model_name"] == "LayoutModel" and "_model_module_version" in layout, layout
    assert "_view_name" not in layout and "_view_count" not in layout, layout

    # a subclass that opens another view than its model's default must say so
    import traitlets

    class Other(w.HTML):
        _view_name = traitlets.Unicode("HTMLMathView").tag(sync=True)

    opened.pop("HTMLModel")
    Other("x")
    assert opened["HTMLModel"]["_view_name"] == "HTMLMathView", opened["HTMLModel"]
    assert "_view_module" not in opened["HTMLModel"]  # that part still is the default

    from wakker.ui.style import front_end
    import wakker.ui.style as style

    monkeypatch.setattr(style, "_front_end", None)
    monkeypatch.setattr(style, "_front_ends", {})
    hook = front_end()
    assert opened["AnyModel"]["dark"] is False and "_esm" in opened["AnyModel"]  # everything
    hook.close()


def test_a_change_from_the_page_is_not_echoed_back(monkeypatch):
    """ipywidgets 8 sends every value the page sent straight back (echo_update): for each slider move,
    and a whole answer for every key typed. The workbook's page is the only one of its kernel."""
    sent = []
    box = w.Textarea()
    monkeypatch.setattr(box, "_send", lambda msg, buffers=None: sent.append(msg))
    box.set_state({"value": "Een lang antwoord"})
    assert box.value == "Een lang antwoord"
    assert [m for m in sent if m.get("method") == "echo_update"] == [], sent


KERNEL_FLUSH = """
import sys
import wakker.ui.lean as lean
{undo}
from IPython.display import display, HTML
calls = [0]
_schedule = sys.stdout.pub_thread.schedule
def counting(f):
    calls[0] += getattr(f, "__name__", "") in ("_flush", "set")  # what a flush hands the thread and waits for
    return _schedule(f)
sys.stdout.pub_thread.schedule = counting
print("eerst")
for i in range(20):
    display(HTML(f"<b>{{i}}</b>"))
print("daarna")
sys.stdout.flush()
sys.stdout.pub_thread.schedule = _schedule
calls[0]
"""


@pytest.mark.parametrize("installed", [True, False])
def test_a_kernel_does_not_wait_on_empty_print_streams_and_keeps_the_order_of_output(installed):
    """20 displays flush stdout and stderr 40 times; with nothing printed in between, those flushes
    never reach the kernel's output thread. Text printed before, between and after keeps its place."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    out = []
    try:
        reply = kc.execute_interactive(KERNEL_FLUSH.format(undo="" if installed else "lean.uninstall()"),
                                       timeout=60, output_hook=out.append)
        assert reply["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    shown = [m["content"].get("text") or m["content"]["data"].get("text/html") or m["content"]["data"]["text/plain"]
             for m in out if m["msg_type"] in ("stream", "display_data", "execute_result")]
    assert shown[:22] == ["eerst\n"] + [f"<b>{i}</b>" for i in range(20)] + ["daarna\n"]
    waits = int(shown[-1])
    if installed:  # only where text was waiting: "eerst" at the first display, "daarna" at the end
        assert waits <= 4, waits
    else:
        assert waits >= 80, waits


def test_a_widget_shows_a_short_dutch_text_where_it_cannot_be_drawn_without_building_its_repr(monkeypatch):
    """ipywidgets built repr() of the whole widget tree for every display and kept 110 characters of it."""
    box = w.VBox([w.HTML("x" * 2000), w.VBox([w.Textarea(value="antwoord")])])
    monkeypatch.setattr(type(box), "__repr__", lambda self: pytest.fail("repr built for a display"))
    bundle = box._repr_mimebundle_()
    assert bundle["text/plain"] == lean.PLAIN_TEXT and "interactief onderdeel" in bundle["text/plain"]
    assert bundle["application/vnd.jupyter.widget-view+json"] == {"version_major": 2, "version_minor": 0,
                                                                   "model_id": box.model_id}


def test_kit_widgets_open_as_they_are_shown_with_no_change_sent_right_after(tmp_path, monkeypatch):
    """Each change after a widget exists is one more message to the page (with its ~0.8 kB envelope):
    a question's 'Nog niet beantwoord.', a 'Wat zagen wij?' button that starts hidden or shown, a note under
    a question. They are part of the widgets' first message instead."""
    from wakker.ui.reveal import Reveal

    journal = Journal(tmp_path / "j.sqlite")
    journal.save("00_start", "gezien", "Een antwoord dat lang genoeg is.", kind="text")
    page = ui.Page("00_start", journal=journal)
    page.open_question("warm", "Eerst een, zodat het gedeelde er al is.")
    import comm as comm_package
    from ipywidgets import comm as widget_comm
    from ipywidgets.widgets.widget import _instances

    sent = []

    class Recording(comm_package.base_comm.BaseComm):
        """A comm as in a kernel (whatever comm factory an earlier test left installed): records updates."""

        kernel = True

        def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
            if msg_type == "comm_msg" and (data or {}).get("method") == "update":
                sent.append((self.comm_id, sorted(data.get("state", {}))))

    monkeypatch.setattr(widget_comm, "create_comm", lambda **args: Recording(**args))
    open_q = page.open_question("nieuw", "Wat zag je?")
    choice = page.choice("keuze", "Welke?", [("A", "goed"), ("B", "fout")], note="Een toelichting onder de vraag.")
    Reveal(open_q, "Onze uitleg.")
    done = page.open_question("gezien", "Wat zag je?")  # answered earlier: its answer and its status come back
    shown = Reveal(done, "Onze uitleg.")
    import plotly.graph_objects as go

    from wakker.ui.figure import LiveFigure

    figure = LiveFigure(go.Figure(go.Bar(y=[1, 2])), css="wakker-eigen-figuur").widget  # its class in the first message
    updates = [(type(_instances[cid]).__name__, keys) for cid, keys in sent]
    # a restored answer and its status are in the question's first message too (were two updates right after)
    assert updates == [], updates
    assert "Nog niet beantwoord" in open_q.status.value and "eerder antwoord" in done.status.value
    assert "Een toelichting onder de vraag." in choice.box.head
    assert shown.button.layout.display is None and shown.waiting.layout.display == "none"
    assert figure._dom_classes == ("wakker-figure", "wakker-eigen-figuur")


def test_kernel_messages_are_packed_as_compact_json():
    """requirements.in installs orjson, which jupyter_client (the kernel's and the server's Session) then
    packs every message with: no spaces after , and : (4 % of the bytes the page receives for Run All)."""
    from jupyter_client.session import Session

    session = Session()
    assert session.pack({"a": [1, "b"], "c": None}) == b'{"a":[1,"b"],"c":null}'


def test_the_workbooks_anywidgets_get_their_class_once_and_say_a_dutch_sentence_as_plain_text(tmp_path):
    """anywidget builds a new class for every instance (``add_traits``: 1.3 ms each, 36 widgets in 07);
    ``lean.anywidget_base`` builds it once per widget class. Their plain text was ``<... object at 0x...>``."""
    import plotly.graph_objects as go

    from wakker.ui.figure import LiveFigure
    from wakker.ui.style import front_end, question_stub_esm

    page = ui.Page("00_start", journal=Journal(tmp_path / "j.sqlite"))
    a, b = page.open_question("a", "Een?"), page.choice("b", "Twee?", ["x", "y"])
    assert type(a.box) is type(b.box) and type(a.box).__name__ == "QuestionWidget"
    assert a.box._anywidget_id == "wakker.ui.questions.QuestionWidget" and a.box._esm == question_stub_esm()
    f, g = LiveFigure(go.Figure()).widget, LiveFigure(go.Figure()).widget
    assert type(f) is type(g) and f._anywidget_id == "wakker.ui.figure.FigureWidget" and "export default" in f._esm
    for widget in (a.box, f, front_end()):
        assert widget._repr_mimebundle_()["text/plain"] == lean.PLAIN_TEXT
    assert "_esm" in lean._first_state(a.box) and "_anywidget_id" in lean._first_state(f)


def test_what_a_kernel_loaded_is_frozen_once_after_each_import_before_the_next_widget(monkeypatch, tmp_path):
    """A full garbage collection walks every object a kernel loaded (50 ms in a lesson with figures):
    after an import, the next widget freezes what is alive; without a new import nothing happens."""
    import gc
    import sys

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(len(sys.modules)))
    monkeypatch.setattr(lean, "_FROZEN_AT", [0])
    monkeypatch.setattr(lean, "_in_kernel", lambda: True)
    w.HTML("a")
    assert frozen == [len(sys.modules)]
    w.HTML("b")
    assert len(frozen) == 1
    (tmp_path / "wakker_freeze_probe.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import wakker_freeze_probe  # noqa: F401 - a lesson's import

    w.HTML("c")
    assert len(frozen) == 2
    monkeypatch.delitem(sys.modules, "wakker_freeze_probe")


def test_nothing_is_frozen_outside_a_kernel(monkeypatch):
    import gc

    monkeypatch.setattr(gc, "freeze", lambda: pytest.fail("froze outside a kernel"))
    monkeypatch.setattr(lean, "_FROZEN_AT", [0])
    assert not lean._in_kernel()
    w.HTML("a")
    assert lean.freeze_loaded() is False


def test_shared_layouts_the_hook_and_the_figure_kit_are_per_page(monkeypatch):
    """A reloaded page knows only the models opened while it was connected: each page (the ``session`` of the
    request the kernel handles) gets its own shared Layouts, front-end hook and figure kit, and within one page
    they stay shared (tests/browser/test_reload_browser.py: Run All stopped on the third visit before)."""
    from wakker.ui import figure, lean, style
    from wakker.ui.lean import widgets as w

    page = ["pagina-1"]
    monkeypatch.setattr(lean, "page_session", lambda: page[0])
    monkeypatch.setattr(style, "_front_ends", {})
    monkeypatch.setattr(figure, "_KITS", {})
    first = w.HTML("a", layout={"width": "31%"})
    again = w.HTML("b", layout={"width": "31%"})
    hook, kit = style.front_end(), figure._kit()
    assert again.layout is first.layout and style.front_end() is hook and figure._kit() is kit
    page[0] = "pagina-2"  # the student reloaded: the same kernel, a new page
    later = w.HTML("c", layout={"width": "31%"})
    assert later.layout is not first.layout and lean.is_shared(later.layout)
    assert style.front_end() is not hook and figure._kit() is not kit
    for x in (first, again, later, hook, kit, style.front_end(), figure._kit()):
        x.close()


def test_the_page_session_is_the_session_of_the_request_being_handled(monkeypatch):
    import IPython

    from wakker.ui import lean

    class Kernel:
        def get_parent(self):
            return {"header": {"msg_type": "execute_request", "session": "abc-123"}}

    monkeypatch.setattr(IPython, "get_ipython", lambda: type("Shell", (), {"kernel": Kernel()})())
    assert lean.page_session() == "abc-123"
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    assert lean.page_session() == ""
