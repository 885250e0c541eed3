"""Every fixed Dutch word the lesson ``rules_and_trust`` shows: labels, buttons, titles and feedback.

Keep student-facing words here, not in the widget code, so that they can be read and corrected in
one place. Templates use ``str.format`` fields in braces; the widgets escape what they put in.
The Dutch words for the models' parameters are data: ``data/lessons/rules_and_trust/*_params.yaml``.
"""
from __future__ import annotations

INTRO = ("Deze les gaat over regels, ruimte en vertrouwen in het sociaal domein, naar het essay "
         "'Vertrouwen moet je leren' (2021).")

MORE_ASSUMPTIONS = "Meer aannames"
RESET = "Terug naar de standaardaannames"
CANNOT_COMPUTE = "Deze combinatie van instellingen kan het model niet doorrekenen. Kies een andere waarde."
MODEL_FAILED = "Het model kon niet rekenen"

# ---------------------------------------------------------------- regel of ruimte
ROOM_TITLES = ("Wie krijgt hulp?", "Meer ruimte: wat gebeurt er?")
REALITY_ROW = "echt in nood?"
PROFESSIONAL_ROW = "professional {letter}"
HOUSEHOLD_AXIS = "huishoudens, van meeste naar minste nood"
ROOM_AXIS = "ruimte voor eigen afweging"
COUNT_AXIS = "huishoudens"
LINE_MISSED = "gemist (nood, geen hulp)"
LINE_NEEDLESS = "onnodig geholpen"
LINE_UNEQUAL = "ongelijk behandeld (professionals oneens)"
HOVER_LINE = "{name}<br>ruimte %{{x:.0f}} %<br>%{{y:.1f}} huishoudens<extra></extra>"
#: the tooltip of a run of households in a row of the strips (one household, or first to last); a professional's row
#: puts its name before it
TIP_CELL = "huishouden {first}: {word}"
TIP_CELLS = "huishoudens {first}–{last}: {word}"
CELL_WORDS = {0: "geen hulp, niet nodig", 1: "geholpen, terecht", 2: "gemist (nood, geen hulp)",
              3: "onnodig geholpen", 4: "echt in nood", 5: "niet in nood"}
ROOM_LEGEND = [("#2d6a4f", "geholpen, terecht"), ("#d00000", "gemist"), ("#4895ef", "onnodig geholpen"),
               ("#e5e5e5", "geen hulp, niet nodig"), ("#3a3a3a", "bovenste rij: echt in nood")]
ROOM_SENTENCE = (
    "Bij <b>{share} ruimte</b> missen de professionals gemiddeld <b>{missed}</b> van de {in_need} huishoudens "
    "die echt hulp nodig hebben, en helpen ze er <b>{needless}</b> die het niet nodig hadden. Over "
    "<b>{unequal} van de {n}</b> huishoudens zijn de {k} professionals het onderling niet eens: hetzelfde "
    "huishouden krijgt bij de een wel en bij de ander geen hulp.<br>"
    "Ter vergelijking: <b>alleen de regel</b> geeft {rule_missed} gemist, {rule_needless} onnodig en 0 ongelijk; "
    "<b>overal eigen afweging</b> geeft {room_missed} gemist, {room_needless} onnodig en {room_unequal} ongelijk. "
    "{verdict}"
)
VERDICT_BETTER = ("Op verkeerde beslissingen (gemist plus onnodig) doet jouw mix het hier beter dan de regel: "
                  "{mine} tegen {rule}.")
VERDICT_WORSE = ("Op verkeerde beslissingen (gemist plus onnodig) doet jouw mix het hier slechter dan de regel: "
                 "{mine} tegen {rule}.")
VERDICT_EQUAL = "Op verkeerde beslissingen (gemist plus onnodig) doen jouw mix en de regel het hier even goed: {mine}."

# ---------------------------------------------------------------- vertrouwen leer je
GOOD = "Goede ervaring"
BAD = "Slechte ervaring"
RANDOM = "Tien ontmoetingen (toeval)"
RESTART = "Opnieuw beginnen"
LEARN_TITLE = "Vertrouwen na elke ervaring"
LEARN_X = "aantal ervaringen"
LEARN_Y = "vertrouwen (0 = geen, 1 = volledig)"
LINE_MINE = "vertrouwen met jouw instellingen"
LINE_BETA = "bètamodel: even zwaar, niets vergeten"
LINE_TRUE = "hoe betrouwbaar de ander echt is"
MARK_GOOD = "goede ervaring"
MARK_BAD = "slechte ervaring"
HOVER_TRUST = "{name}<br>na %{{x}} ervaringen: %{{y:.2f}}<extra></extra>"
MARK_START = "beginpunt"
LEARN_START = ("Nog geen ervaringen. Het vertrouwen begint op <b>{trust}</b>: dat volgt uit de ervaringen vooraf. "
               "Druk op een knop hierboven.")
LEARN_START_BLANK = ("Nog geen ervaringen. Het vertrouwen begint op <b>{trust}</b>: zonder ervaringen vooraf is dat het "
                     "midden, want er is nog niets om op af te gaan. Druk op een knop hierboven.")
LEARN_SENTENCE = (
    "Na <b>{n}</b> ({good} goed, {bad} slecht) is het vertrouwen <b>{trust}</b>. "
    "Het bètamodel, waarin een slechte ervaring even zwaar telt als een goede en niets wordt vergeten, "
    "zou met dezelfde ervaringen <b>{beta}</b> zeggen."
)
LEARN_RANDOM = " De ander is in werkelijkheid in {reliability} van de ontmoetingen betrouwbaar."
LEARN_LIMIT = "Je kunt hoogstens {n} ervaringen spelen; begin opnieuw om verder te gaan."

# ---------------------------------------------------------------- eerst controleren of eerst vertrouwen
GOV_TITLE = "Vertrouwen over en weer"  # short: a longer title was cut off on a phone (390 px)
GOV_X = "ontmoeting"
GOV_Y = "vertrouwen (0 tot 1)"
GOV_CONTROL = "eerst controleren"
GOV_TRUST = "eerst vertrouwen"
GOV_CITIZEN_LINE = "inwoner → overheid ({name})"
GOV_GOVERNMENT_LINE = "overheid → inwoner ({name})"
GOV_THRESHOLD = "grens om vertrouwen te geven"
HOVER_GOV = "{name}<br>na ontmoeting %{{x}}: %{{y:.2f}}<extra></extra>"
GOV_SENTENCE = (
    "Na {n} ontmoetingen heeft de inwoner een vertrouwen van <b>{c_end}</b> in de overheid die "
    "<b>eerst controleert</b>, en van <b>{t_end}</b> in de overheid die <b>eerst vertrouwt</b>. De eerste gaf "
    "{c_trusted} keer vertrouwen en had {c_misuse} keer misbruik dat pas achteraf bleek; de tweede gaf "
    "{t_trusted} keer vertrouwen, met {t_misuse} keer zulk misbruik."
)
GOV_KEPT_FIXED = (" Bij beide hield de inwoner zich <b>{kept}</b> van de {n} keer aan de afspraak: met "
                  "wederkerigheid 0 hangt dat niet af van het vertrouwen van de inwoner.")
GOV_KEPT = (" De inwoner hield zich <b>{c_kept}</b> van de {n} keer aan de afspraak bij de eerste, en <b>{t_kept}</b> "
            "keer bij de tweede.")
GOV_SAME = (" Let op: de inwoner ervaart controle en vertrouwen hier als even goed. Dan maakt het voor het "
            "vertrouwen van de inwoner niet uit hoe de overheid begint.")
