"""Small demonstrations for the start notebook."""
from __future__ import annotations

import ipywidgets as w


def trust_slider() -> w.VBox:
    """A slider whose text follows it, to let a first-time user feel how widgets react."""
    slider = w.IntSlider(value=50, min=0, max=100, step=5, description="Vertrouwen:",
                         style={"description_width": "initial"}, continuous_update=True)
    text = w.HTML()

    def show(_=None):
        v = slider.value
        if v < 25:
            mood = "Je controleert alles zelf en legt elke afspraak vast."
        elif v < 50:
            mood = "Je werkt samen, maar houdt een slag om de arm."
        elif v < 75:
            mood = "Je laat de ander ruimte en spreekt elkaar aan als iets misgaat."
        else:
            mood = "Je geeft de ander volledig ruimte — en bent daarmee ook kwetsbaar."
        text.value = f"<b>{v}%</b> vertrouwen: {mood}"

    slider.observe(show, names="value")
    show()
    box = w.VBox([slider, text])
    box.add_class("wakker-demo-slider")
    return box
