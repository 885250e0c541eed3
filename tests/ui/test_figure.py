"""LiveFigure redraws once per change (once per batch_update) and stays a light, ordinary figure."""
import ipywidgets as w
import plotly.graph_objects as go

from wakker.ui.figure import MIME, LiveFigure


def test_redraws_once_per_change_and_once_per_batch():
    fig = LiveFigure(go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout=dict(title="Titel")))
    assert fig.renders == 1 and isinstance(fig.widget, w.Output)
    fig.data[0].y = [5, 6]
    assert fig.renders == 2
    with fig.batch_update():
        fig.data[0].y = [1, 1]
        fig.layout.title.text = "Nieuw"
        fig.layout.yaxis.range = [0, 3]
    assert fig.renders == 3
    fig.add_scatter(x=[1], y=[2])
    assert fig.renders == 4 and len(fig.data) == 2


def test_bundle_is_the_small_plotly_mimetype_not_a_javascript_bundle():
    fig = LiveFigure(go.Figure(go.Heatmap(z=[[1, 2], [3, 4]])))
    bundle = fig.bundle()
    assert set(bundle) == {MIME, "text/plain"}
    assert bundle[MIME]["data"][0]["z"] == [[1, 2], [3, 4]]
    assert len(str(bundle)) < 50_000  # a FigureWidget sends ~5 MB of plotly.js per instance
