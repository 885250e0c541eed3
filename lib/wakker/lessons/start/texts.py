"""Every fixed Dutch word of the start lesson (notebook 00)."""

SLIDER_LABEL = "Vertrouwen (%):"  # the slider shows a bare number (50); the unit is in its label

#: (upper bound of the range, what that much trust looks like), checked in order.
MOODS = (
    (30, "Je controleert alles zelf en legt elke afspraak vast."),          # 0-25
    (60, "Je werkt samen, maar houdt een slag om de arm."),                 # 30-55
    (90, "Je laat de ander ruimte en spreekt elkaar aan als iets misgaat."),  # 60-85
    (101, "Je geeft de ander volledig ruimte — en bent daarmee ook kwetsbaar."),  # 90-100: the top end only
)

READOUT = "<b>{value}\u00a0%</b> vertrouwen: {mood}"  # a (non-breaking) space before %, as in the other notebooks
