"""Every fixed Dutch word of the start lesson (notebook 00)."""

SLIDER_LABEL = "Vertrouwen (%):"  # the slider shows a bare number (50); the unit is in its label

#: (upper bound of the range, what that much trust looks like), checked in order. Each follows '<value> % vertrouwen:'
#: in the readout, so it starts with a small letter (a reviewer read 'vertrouwen: Je ...').
MOODS = (
    (30, "je controleert alles zelf en legt elke afspraak vast."),          # 0-25
    (60, "je werkt samen, maar houdt een slag om de arm."),                 # 30-55
    (90, "je laat de ander ruimte en spreekt elkaar aan als iets misgaat."),  # 60-85
    (101, "je geeft de ander volledig ruimte — en bent daarmee ook kwetsbaar."),  # 90-100: the top end only
)

READOUT = "<b>{value}\u00a0%</b> vertrouwen: {mood}"  # a (non-breaking) space before %, as in the other notebooks
