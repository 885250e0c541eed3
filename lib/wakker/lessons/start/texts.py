"""Every fixed Dutch word of the start lesson (notebook 00)."""

SLIDER_LABEL = "Vertrouwen:"

#: (upper bound of the range, what that much trust looks like), checked in order.
MOODS = (
    (25, "Je controleert alles zelf en legt elke afspraak vast."),
    (50, "Je werkt samen, maar houdt een slag om de arm."),
    (75, "Je laat de ander ruimte en spreekt elkaar aan als iets misgaat."),
    (101, "Je geeft de ander volledig ruimte — en bent daarmee ook kwetsbaar."),
)

READOUT = "<b>{value}%</b> vertrouwen: {mood}"
