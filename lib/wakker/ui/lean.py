"""Fewer widget models: one shared, frozen Layout or Style per set of properties (issues 8 and 11).

Every ipywidgets widget brings a ``Layout`` model and most a ``Style`` model of their own, each a
separate comm the kernel opens and the page builds. In notebook 04 that was 1,003 models, of which
369 Layouts and about 300 Styles, nearly all empty or with the same two or three properties; the
comm messages for them were most of the bytes and the time of Run All. ipywidgets allows one
Layout or Style to be shared by many widgets, so after :func:`install`:

* a widget created without a layout (or style), or with a ``dict`` for it, gets the ONE shared
  instance for exactly those properties, made once per page that talks to the kernel (see
  :func:`page_session`);
* a shared instance is frozen: setting one of its properties raises :class:`SharedLayoutError`
  (it would change every widget that shares it);
* a widget that changes its own layout or style later (``w.layout.display = "none"`` to hide and
  show it) is given its own instance: ``layout=w.Layout(...)``, ``style=w.HTMLStyle(...)`` -- an
  instance is never shared.

It also makes each model's first message smaller (no defaults the page shares), turns off the
echo of every change from the page, and lets the kernel skip a flush of an empty print stream
(see :func:`install`).

Every module of the workbook that makes widgets imports ipywidgets through this module
(``from wakker.ui.lean import widgets as w``), which installs the sharing first.
"""
from __future__ import annotations

import sys
import types

from ipywidgets import comm as widget_comm
import ipywidgets as widgets
from ipywidgets._version import __protocol_version__
from ipywidgets.widgets import widget as widget_module
from ipywidgets.widgets.trait_types import InstanceDict
from ipywidgets.widgets.widget import _remove_buffers
from ipywidgets.widgets.widget_style import Style

__all__ = ["widgets", "install", "installed", "page_session", "per_page", "shared", "is_shared", "model_count", "SharedLayoutError"]


class SharedLayoutError(AttributeError):
    """A property of a shared Layout or Style was set (it would change every widget sharing it)."""


class _Frozen:
    """Mixin for shared instances: once frozen, the synced properties cannot be set."""

    _wakker_frozen = False

    def __setattr__(self, name, value):
        if self._wakker_frozen and name in type(self)._wakker_keys:
            raise SharedLayoutError(
                f"{type(self).__name__}.{name}: this {type(self).__mro__[2].__name__} is shared by many widgets "
                f"(wakker.ui.lean); give the widget its own, e.g. layout=widgets.Layout(...), to change it later")
        super().__setattr__(name, value)


_FROZEN_CLASSES: dict[type, type] = {}
_SHARED: dict[tuple, object] = {}


def _frozen_class(klass: type) -> type:
    if klass not in _FROZEN_CLASSES:
        keys = frozenset(n for n in klass.class_trait_names(sync=True) if not n.startswith("_"))
        _FROZEN_CLASSES[klass] = types.new_class(f"Shared{klass.__name__}", (_Frozen, klass),
                                                 exec_body=lambda ns: ns.update(_wakker_keys=keys))
    return _FROZEN_CLASSES[klass]


def _shareable(klass) -> bool:
    return isinstance(klass, type) and issubclass(klass, (widgets.Layout, Style))


def page_session() -> str:
    """The session of the page whose request the kernel is handling now (the ``session`` of the request's
    header: JupyterLab gives every page, and every reload, its own), or ``""`` outside a request.

    Shared instances are made per page, not per kernel. A page only knows the models the kernel opened while
    it was connected; an older one it must first fetch from the kernel, and JupyterLab handles the kernel's
    messages one after another. Measured (JupyterLab 4.6.6, ipywidgets 8.1.9): after a student reloads a
    lesson twice and runs it again on the same kernel, the page waits for a Layout from the first visit
    while the answer that would bring it waits behind that message, and Run All stops for good (13 of 38
    cells in 04). With a Layout of its own page every reference is to a model the page has already seen."""
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
        parent = kernel.get_parent() if kernel is not None else None
        return str(((parent or {}).get("header") or {}).get("session") or "")
    except Exception:  # noqa: BLE001 - no IPython, an unusual kernel: one set for the whole process
        return ""


def per_page(instances: dict, make):
    """The widget in ``instances`` for the current page (:func:`page_session`), made with ``make()`` when the
    page has none yet or its one was closed: for the models every page needs once (the front-end hook, the
    figure kit)."""
    session = page_session()
    inst = instances.get(session)
    if inst is None or getattr(inst, "comm", None) is None:
        inst = instances[session] = make()
    return inst


def shared(klass: type, properties: dict | None = None):
    """The one frozen instance of ``klass`` with these properties for the current page (a new one if a
    value is not hashable, or if the shared one was closed)."""
    properties = dict(properties or {})
    try:
        key = (page_session(), klass, tuple(sorted(properties.items())))
        hash(key)
    except TypeError:
        return klass(**properties)
    inst = _SHARED.get(key)
    if inst is None or getattr(inst, "comm", None) is None:
        inst = _frozen_class(klass)(**properties)
        inst._wakker_frozen = True
        _SHARED[key] = inst
    return inst


def is_shared(obj) -> bool:
    """Whether ``obj`` is one of the frozen shared instances."""
    return isinstance(obj, _Frozen)


def model_count(widget) -> int:
    """How many widget models the page builds to show ``widget``: every model it reaches (children, layout,
    style, ...), each once, without the frozen Layouts and Styles shared over the notebook (issue 11: each
    model is a comm message and a view; the lessons' tests keep a budget per view)."""
    seen, todo = set(), [widget]
    while todo:
        x = todo.pop()
        if id(x) in seen or is_shared(x):
            continue
        seen.add(id(x))
        for key in x.keys:
            value = getattr(x, key, None)
            todo += [y for y in (value if isinstance(value, (list, tuple)) else [value])
                     if isinstance(y, widgets.Widget)]
    return len(seen)


_ORIGINAL = {"validate": InstanceDict.validate, "default": InstanceDict.make_dynamic_default}


def _validate(self, obj, value):
    if isinstance(value, dict) and _shareable(self.klass):
        value = shared(self.klass, value)
    return _ORIGINAL["validate"](self, obj, value)


def _default(self):
    if _shareable(self.klass) and not self.default_args:
        return shared(self.klass, self.default_kwargs)
    return _ORIGINAL["default"](self)


# A model's first message (comm_open) without the properties that still have their default value, for the
# properties whose default the page's model has too. Not every default agrees: a FloatSlider's ``step`` is
# 0.1 in Python and 1 in the page (so ipywidgets' own embedding with ``drop_defaults`` would be wrong there),
# and a selection's ``index`` None in Python and "" in the page. So only these, read in the page's
# @jupyter-widgets bundle (WidgetModel, DOMWidgetModel, DescriptionModel, StringModel), are left out:
_DROPPABLE = {"_view_count": None, "_dom_classes": [], "tabbable": None, "tooltip": None, "description": "",
              "description_allow_html": False, "placeholder": "\u200b"}
_OWN_MODULES = ("@jupyter-widgets/controls", "@jupyter-widgets/base")


def _first_state(widget) -> dict:
    state = widget.get_state()
    if widget._model_module == "anywidget":
        # AnyModel extends the page's DOMWidgetModel, so its defaults hold too; and an anywidget of the workbook
        # may name properties its own code reads as their default when absent (``_absent_is_default``: a
        # question's empty answer, feedback, ...)
        quiet = {**_DROPPABLE, **getattr(type(widget), "_absent_is_default", {})}
        return {k: v for k, v in state.items() if k not in quiet or _plain(v) != _plain(quiet[k])}
    if widget._model_module not in _OWN_MODULES:
        return state
    if state.get("_model_name") == "LayoutModel":
        # every CSS property of the page's LayoutModel defaults to null: a Layout sends only what it sets
        # (about 40 nulls, 1 kB, per Layout model before)
        state = {k: v for k, v in state.items() if v is not None or k.startswith("_")}
    view = _stock_view(type(widget))
    return {k: v for k, v in state.items()
            if (k not in _DROPPABLE or _plain(v) != _DROPPABLE[k]) and (k not in view or v != view[k])}


#: Which view a model's page half opens by default: every model class of @jupyter-widgets/controls and
#: /base names its view, the view's module and version in its defaults, as ipywidgets' Python class of the
#: same model does (HTMLModel -> HTMLView, LayoutModel -> LayoutView, ...). So a model of such a class, or of
#: a workbook subclass that keeps its model, need not send them: 110 bytes of every comm_open, 26 kB of
#: notebook 07's Run All.
_VIEW_KEYS = ("_view_name", "_view_module", "_view_module_version")
_STOCK_VIEWS: dict[type, dict] = {}


def _stock_view(klass: type) -> dict:
    """``{key: value}`` of :data:`_VIEW_KEYS` that ``klass`` shares with the ipywidgets class of its model
    (the nearest base class defined in ipywidgets with the same ``_model_name``); empty when a subclass
    names another view (the page's default for that model would be wrong) or there is no such class."""
    if klass not in _STOCK_VIEWS:
        traits = klass.class_traits()
        same, model = {}, traits.get("_model_name")
        stock = next((c for c in klass.__mro__ if c.__module__.startswith("ipywidgets.")
                      and "_model_name" in getattr(c, "class_traits", lambda: {})()
                      and model is not None
                      and c.class_traits()["_model_name"].default_value == model.default_value), None)
        if stock is not None:
            theirs = stock.class_traits()
            for key in _VIEW_KEYS:
                if key in traits and key in theirs and traits[key].default_value == theirs[key].default_value:
                    same[key] = theirs[key].default_value
        _STOCK_VIEWS[klass] = same
    return _STOCK_VIEWS[klass]


def _plain(x):
    """() and [] are the same list in JSON."""
    return list(x) if isinstance(x, tuple) else x


#: How many modules were loaded at the last :func:`freeze_loaded`.
_FROZEN_AT = [0]


def freeze_loaded() -> bool:
    """Exempt what is alive now from Python's full garbage collections, when code was imported since the
    last time (``gc.freeze``; done before each widget is sent, so right after a cell that imported).

    What a kernel loads -- modules, classes, plotly's validators, the content -- stays as long as the
    kernel does, and a full collection walks all of it: about 100,000 objects in a lesson with figures,
    50 ms each time, once during the Run All of 03, 04 and 09 and at random moments after (a
    slider's answer that waits for it). A frozen object is never collected as part of a cycle; freed by
    its reference count it still is. Only in a running kernel (not in a test run or a script, where it
    would only keep garbage). Returns whether it froze."""
    if len(sys.modules) == _FROZEN_AT[0] or not _in_kernel():
        return False
    import gc

    gc.freeze()
    _FROZEN_AT[0] = len(sys.modules)
    return True


def _in_kernel() -> bool:
    """True in a kernel that ipykernel runs (JupyterLab, Voilà, nbclient, ...)."""
    app = getattr(sys.modules.get("ipykernel.kernelapp"), "IPKernelApp", None)
    return bool(app is not None and app.initialized())


def _open(self):
    """ipywidgets' ``Widget.open`` (8.1), with :func:`_first_state` for the state it sends."""
    if self.comm is None:
        freeze_loaded()
        state, buffer_paths, buffers = _remove_buffers(_first_state(self))
        args = dict(target_name="jupyter.widget", data={"state": state, "buffer_paths": buffer_paths},
                    buffers=buffers, metadata={"version": __protocol_version__})
        if self._model_id is not None:
            args["comm_id"] = self._model_id
        self.comm = widget_comm.create_comm(**args)


_ORIGINAL["open"] = widgets.Widget.open
_ORIGINAL["echo"] = widget_module.JUPYTER_WIDGETS_ECHO
_ORIGINAL["bundle"] = widgets.Widget._repr_mimebundle_

#: What a widget's output says where no widget can be drawn (an exported or unexecuted notebook).
PLAIN_TEXT = "<interactief onderdeel: voer de cel uit in JupyterLab of Voilà>"


def _repr_mimebundle_(self, **kwargs):
    """ipywidgets' bundle, with a short Dutch text instead of the widget's repr as its plain text.

    ipywidgets builds ``repr(widget)`` -- every trait of the widget and of all its children, compared
    with the defaults -- and then keeps 110 characters of it: 17 ms per Run All of 04 and 07, for a
    text no student reads in English."""
    if self._view_name is None:
        return None
    return {"text/plain": PLAIN_TEXT,
            "application/vnd.jupyter.widget-view+json": {"version_major": 2, "version_minor": 0,
                                                          "model_id": self._model_id}}


def _out_stream():
    """ipykernel's print stream class when this runs in a kernel that has one (never imported here)."""
    OutStream = getattr(sys.modules.get("ipykernel.iostream"), "OutStream", None)
    return OutStream if callable(getattr(OutStream, "flush", None)) else None


_STREAM = _out_stream()
if _STREAM is not None:
    _ORIGINAL["flush"] = _STREAM.flush


def _flush(self):
    """ipykernel's ``OutStream.flush``, but nothing at all when nothing was printed since the last flush.

    The kernel flushes stdout and stderr before every display and four times per cell, and each
    flush waits for the kernel's output thread: about 280 waits in notebook 04's Run All, 4 % of
    its time in nbclient, for streams that were empty. Text that is waiting (``_flush_pending``,
    set by every write) is flushed exactly as before, so print output keeps its place.
    """
    if getattr(self, "_flush_pending", True) or getattr(self, "_subprocess_flush_pending", True):
        return _ORIGINAL["flush"](self)
    return None


_ANYWIDGET_BASE = None


def anywidget_base() -> type:
    """``anywidget.AnyWidget`` for the workbook's own front-end models (the kit's hook, figures, questions, export),
    made once on first use.

    anywidget gives every new instance the traits ``_esm`` and ``_anywidget_id`` with ``add_traits``, which builds
    a new class for each instance: 1.3 ms per widget, about 45 ms of notebook 07's Run All (36 such widgets; issue 8
    item 10). Here that class is built once per widget class and every instance gets it. Its plain-text form is the
    kit's short Dutch sentence (:func:`_repr_mimebundle_`), not ``<... object at 0x...>``."""
    global _ANYWIDGET_BASE
    if _ANYWIDGET_BASE is None:
        import anywidget
        import traitlets

        ready: dict[type, type] = {}

        class AnyWidget(anywidget.AnyWidget):
            def __init__(self, *args, **kwargs):
                cls = type(self)
                made = ready.get(cls)
                if made is None:  # what anywidget adds to each instance, added once to a subclass
                    traits = {key: traitlets.Unicode(str(getattr(cls, key))).tag(sync=True)
                              for key in ("_esm", "_css") if hasattr(cls, key) and not self.has_trait(key)}
                    traits["_anywidget_id"] = traitlets.Unicode(f"{cls.__module__}.{cls.__name__}").tag(sync=True)
                    made = ready[cls] = type(cls.__name__, (cls,), {"__module__": cls.__module__,
                                                                    "__qualname__": cls.__qualname__, **traits})
                    ready[made] = made
                if made is not cls:
                    self.__class__ = made
                    for trait in made.__dict__.values():
                        if isinstance(trait, traitlets.TraitType):
                            trait.instance_init(self)
                widgets.DOMWidget.__init__(self, *args, **kwargs)

            _repr_mimebundle_ = _repr_mimebundle_

        _ANYWIDGET_BASE = AnyWidget
    return _ANYWIDGET_BASE


def install() -> None:
    """Make ipywidgets share frozen Layouts and Styles, open models without the defaults the page shares
    (:data:`_DROPPABLE`), and not echo every change from the page back to it (idempotent).

    The echo (ipywidgets 8: every value the page sends comes straight back as ``echo_update``, for other
    pages on the same kernel) doubled the messages of a slider move and sent a whole answer back on every
    key typed; a workbook page is the only page of its kernel.

    In a kernel, ``sys.stdout.flush()`` with nothing printed returns at once (:func:`_flush`). A widget's
    plain-text form is a short Dutch sentence (:func:`_repr_mimebundle_`), not its whole repr."""
    InstanceDict.validate = _validate
    InstanceDict.make_dynamic_default = _default
    widgets.Widget.open = _open
    widgets.Widget._repr_mimebundle_ = _repr_mimebundle_
    widget_module.JUPYTER_WIDGETS_ECHO = False
    if _STREAM is not None:
        _STREAM.flush = _flush


def uninstall() -> None:
    """Undo :func:`install` (for tests and benchmarks that compare)."""
    InstanceDict.validate = _ORIGINAL["validate"]
    InstanceDict.make_dynamic_default = _ORIGINAL["default"]
    widgets.Widget.open = _ORIGINAL["open"]
    widgets.Widget._repr_mimebundle_ = _ORIGINAL["bundle"]
    widget_module.JUPYTER_WIDGETS_ECHO = _ORIGINAL["echo"]
    if _STREAM is not None:
        _STREAM.flush = _ORIGINAL["flush"]


def installed() -> bool:
    return InstanceDict.validate is _validate


install()
