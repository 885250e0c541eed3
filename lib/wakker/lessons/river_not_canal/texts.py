"""Every fixed Dutch word the lesson ``river_not_canal`` (notebook 03) shows: labels, buttons, titles,
feedback and saved values in words for the portfolio.

Templates use ``str.format`` fields in braces; the ``_HTML`` ones get already escaped text. Longer
or structured content (the drawbacks, the small-step cases, the parameter words of the two models)
lives in ``data/lessons/river_not_canal/``; quotations in ``data/excerpts/boek-werkvonken.yaml``.
"""
from __future__ import annotations

INTRO = ("Van deel 2 van het boek staat in onze bron alleen de inhoudsopgave, plus wat de inleiding erover "
         "zegt. Dit notebook werkt vanuit die stukken en vanuit de titels van de hoofdstukken, met vragen die "
         "wij erbij stellen: plannen of intelligent aanmodderen, wanneer een groep slimmer is dan één "
         "deskundige, en wie jij kent binnen en buiten je eigen kring.")

# ---------------------------------------------------------------- Rivier of kanaal?
RIVER_PROMPT = "Rivier of kanaal? Drie situaties uit je eigen werk of stage"
RIVER_INTRO_HTML = ("Kies tot drie situaties uit je stage, werk of buurt. Geef elke situatie een korte naam, zet "
                    "haar op de schaal van <b>kanaal</b> (rustig, voorspelbaar) naar <b>rivier</b> (snel, "
                    "onvoorspelbaar), kies de aanpak die jij daar zou kiezen en zeg in één zin waarom. Alles "
                    "wordt vanzelf bewaard.")
RIVER_CASE = "Situatie {n}"
RIVER_NAME = "Situatie {n}: korte naam"
RIVER_NAME_PLACEHOLDER = "Bijvoorbeeld: huiswerkklas in de wijk"
RIVER_PLACE = "Situatie {n}: waar op de schaal van kanaal (1) tot rivier (5)?"
RIVER_PLACES = {1: "1 kanaal", 2: "2", 3: "3", 4: "4", 5: "5 rivier"}
RIVER_APPROACH = "Situatie {n}: welke aanpak kies je?"
APPROACHES = {"plannen": "vooraf plannen", "aanmodderen": "intelligent aanmodderen", "beide": "allebei"}
RIVER_WHY = "Situatie {n}: waarom deze aanpak?"
RIVER_WHY_PLACEHOLDER = "In één of twee zinnen"
RIVER_NEEDS_NAME = "Situatie {n}: geef de situatie nog een korte naam (de rest is al bewaard)."
RIVER_TOO_LONG = "Situatie {n}: de naam is lang; een paar woorden is genoeg (onder de {max} tekens). Je uitleg past bij 'waarom'."
RIVER_NONE = "Nog geen situatie ingevuld."
RIVER_COUNT = "{count} van de 3 situaties helemaal ingevuld (naam, plek en aanpak)."
# Feedback on a placement and an approach: a question, never a verdict.
RIVER_FIT = {
    "canal-plannen": "Een rustig kanaal en vooraf plannen: dat past bij elkaar.",
    "river-aanmodderen": "Een snelle rivier en kleine stappen met bijsturen: dat past bij elkaar.",
    "canal-aanmodderen": ("Je kiest kleine stappen in een rustig kanaal. Dat kan (je leert onderweg), maar waarom "
                          "niet gewoon plannen? Schrijf het op bij 'waarom'."),
    "river-plannen": ("Je kiest een plan vooraf in een snelle rivier. Dat kan (bijvoorbeeld als fouten niet "
                      "terug te draaien zijn), maar het plan loopt het risico achter te lopen. Wat is jouw reden?"),
    "middle": "Ergens in het midden: wat zou de situatie meer kanaal of meer rivier maken?",
    "beide": "Allebei: wat plan je vooraf, en waar laat je ruimte om bij te sturen?",
}
RIVER_STATUS = {
    "empty": "Nog niet ingevuld.",
    "restored": "✓ je eerdere situaties zijn teruggezet (opgeslagen op {day} om {time})",
}

# ---------------------------------------------------------------- Bonding en bridging
NETWORK_PROMPT = "Mijn netwerk: groepen en banden"
NETWORK_INTRO_HTML = (
    "Schrijf eerst je <b>groepen</b> op, één per regel: de naam van de groep, een dubbele punt en wie erin "
    "zitten (jezelf heet <b>ik</b>). Schrijf daarna je <b>banden</b> op, één per regel: twee namen met een "
    "streepje ertussen. Een band tussen twee mensen die samen in een groep zitten, heet hier "
    "<b>bindend</b> (bonding); een band tussen mensen die geen groep delen, heet <b>overbruggend</b> "
    "(bridging). Verzin gerust andere namen als je mensen niet herkenbaar wilt maken.")
GROUPS_LABEL = "Mijn groepen (één per regel: groep: namen)"
GROUPS_PLACEHOLDER = "team: ik, Sanne, Karim\nvoetbal: ik, Tom\nmoskee: Karim, Fatima"
TIES_LABEL = "Mijn banden (één per regel: naam - naam)"
TIES_PLACEHOLDER = "ik - Sanne\nik - Tom\nKarim - Fatima\nik - Fatima"
BAD_GROUP_LINE = "Regel {n} bij de groepen ('{line}') mist een dubbele punt: schrijf 'groep: naam, naam'."
EMPTY_GROUP = "Regel {n} bij de groepen ('{line}'): na de dubbele punt staat geen naam."
BAD_TIE_LINE = "Regel {n} bij de banden ('{line}') is geen band: schrijf twee namen met een streepje, 'naam - naam'."
SELF_TIE = "Regel {n} bij de banden ('{line}'): een band is tussen twee verschillende mensen."
UNKNOWN_PERSON = "{name} staat in geen groep; zet {name} in een groep, anders {ties} niet mee."
UNKNOWN_TIES = {True: "telt de band '{line}'", False: "tellen {n} banden (zoals '{line}')"}
MULTI_DASH = ("Regel {n} bij de banden ('{line}') heeft meer dan één streepje: schrijf één band per regel, "
              "'naam - naam'.")
MAX_PROBLEMS = 5
MORE_PROBLEMS = "… en nog {k} meldingen over regels die niet meetellen."
TOO_MANY = "Dat zijn meer dan {max} regels; alleen de eerste {max} tellen mee."
BOND = "bindend"
BRIDGE = "overbruggend"
BOND_WHY = "samen in {groups}"
BRIDGE_WHY = "verbindt {a} met {b}"
TIE_HEADS = ("band", "soort (en waarom)")
NETWORK_COUNT = "{bond} bindende en {bridge} overbruggende banden."
NETWORK_NONE = "Nog geen banden die meetellen."
NETWORK_TITLE = "Mijn netwerk"
NETWORK_STATUS = {
    "empty": "Nog niet ingevuld.",
    "restored": "✓ je eerdere netwerk is teruggezet (opgeslagen op {day} om {time})",
}

# ---------------------------------------------------------------- the authors' own drawbacks
DRAWBACKS_PROMPT = ("Welke nadelen van intelligent aanmodderen noemen de auteurs zelf in de inleiding? Kies alle "
                    "antwoorden die volgens jou in de tekst staan.")
DRAWBACKS_SCORE = "Je koos {right} van de {named} nadelen die de auteurs noemen{wrong}."
DRAWBACKS_WRONG = ", en {n} die ze niet noemen"
DRAWBACKS_ALL = " Alle drie gevonden."
SMALL_STEP_PROMPT = "Is een kleine stap hier onverantwoord?"

# ---------------------------------------------------------------- the models
MORE_ASSUMPTIONS = "Meer aannames"
RESET = "Terug naar de standaardaannames"
CANNOT_COMPUTE = "Met deze instellingen kan het model niet rekenen. Zet een schuifje terug."
MODEL_FAILED = "Het model kon niet rekenen"
ASSUMPTION_HEADS = ("aanname", "standaard", "bereik", "eenheid", "wat het betekent")


# ---------------------------------------------------------------- saved values in words (the portfolio)
def describe_saved(kind: str, value) -> str | None:
    """A saved ``rivier`` or ``netwerk`` value in plain Dutch for the portfolio (None: not this lesson's kind)."""
    if kind in ("rivier", "netwerk") and isinstance(value, dict) and isinstance(value.get("label"), str):
        return value["label"]
    return None

# ---------------------------------------------------------------- model 1: een bewegend doel
RIVER_SWITCH_LABELS = {"irreversible": "Stappen zijn niet terug te draaien",
                       "forecast": "De planner rekent de trend mee"}
RIVER_SWITCH_HELP = {
    "irreversible": "Aan: niemand kan terug. Wie één kant op is gegaan, kan alleen nog verder die kant op, of wachten. "
                    "Dat geldt voor de aanmodderaar én voor de planner (een nieuw plan gaat niet terug).",
    "forecast": "Aan: de planner weet het tempo van de rivier en mikt op waar de behoefte halverwege het plan zal "
                "zijn. De toevallige schokken kan niemand voorspellen.",
}
SWITCHES_HEAD = "Twee schakelaars (onder Meer aannames)"
RIVER_PANELS = ("Waar is de behoefte?<br>Waar zijn planner en aanmodderaar?", "Afstand tot de behoefte")
RIVER_TRACES = {"need": "de behoefte", "planner": "planner (plan vooraf)", "muddler": "aanmodderaar (kleine stappen)"}
RIVER_HOVER = "{name}<br>stap %{{x}}: %{{y:.1f}}<extra></extra>"
RIVER_X = "stappen (bijvoorbeeld weken)"
RIVER_Y_PLACE = "plek"
RIVER_Y_DISTANCE = "afstand"
RIVER_HERE_HTML = ("In <b>deze rivier</b> (nummer {seed}) zit de planner gemiddeld <b>{planner}</b> van de behoefte af, "
                   "de aanmodderaar <b>{muddler}</b>; de aanmodderaar deed {fails} mislukte pogingen. Kosten "
                   "(afstand opgeteld, plus de mislukte pogingen): planner {p_cost}, aanmodderaar {m_cost}. ")
RIVER_OVER_HTML = ("Met dezelfde instellingen in <b>{n} rivieren</b> (ander toeval) is de planner in <b>{wins}</b> "
                   "goedkoper uit en de aanmodderaar in <b>{muddler}</b>{ties}. ")
RIVER_TIES = " (gelijk: {ties})"
RIVER_VERDICT = {
    "planner": "Bij deze aannames wint plannen meestal.",
    "muddler": "Bij deze aannames wint aanmodderen meestal.",
    "planner_always": "Bij deze aannames wint plannen (bijna) altijd.",
    "muddler_always": "Bij deze aannames wint aanmodderen (bijna) altijd.",
    "even": "Bij deze aannames is het ongeveer gelijk op.",
}

# ---------------------------------------------------------------- model 2: de wijsheid van de menigte
CROWD_PANELS = ("De schattingen, de waarheid<br>en de deskundige",
                "Hoe ver zit het gemiddelde meestal<br>ernaast, per groepsgrootte?")
CROWD_TRACES = {"guesses": "schattingen", "truth": "echte gewicht", "median": "mediaan van de menigte",
                "mean": "gemiddelde van de menigte", "expert": "de deskundige",
                "theory": "het gemiddelde van de menigte", "expert_line": "de deskundige",
                "here": "jouw menigte"}
CROWD_BAR_HOVER = "rond %{x:.0f} pond: %{y} schattingen<extra></extra>"
CROWD_LINE_HOVER = "{name}: %{{x:.0f}} pond<extra></extra>"
CROWD_CURVE_HOVER = "{name}<br>%{{x}} mensen: %{{y:.1f}} pond<extra></extra>"
CROWD_X_WEIGHT = "gewicht (pond)"
CROWD_Y_COUNT = "aantal schattingen"
CROWD_X_SIZE = "aantal mensen (1, 10, 100, 1000)"
CROWD_Y_ERROR = "pond ernaast"
CROWD_WAY = {1: "te zwaar", -1: "te licht", 0: "precies goed"}
CROWD_OFF = "{lb} pond {way}"
CROWD_PEOPLE = {True: "<b>1 mens</b> schat", False: "<b>{n} mensen</b> schatten"}
CROWD_HERE_HTML = ("{people} een os van <b>{truth} pond</b>. De <b>mediaan</b> (de middelste "
                   "schatting) is {median} ({median_off}), het <b>gemiddelde</b> {mean} ({mean_off}). De "
                   "<b>deskundige</b> zegt {expert} ({expert_off}). ")
CROWD_BEATS = {True: "Deze keer zit de mediaan van de menigte dichter bij de waarheid dan de deskundige. ",
               False: "Deze keer zit de deskundige dichter bij de waarheid dan de mediaan van de menigte. "}
CROWD_FLOOR_HTML = ("Over veel menigtes gerekend zit het gemiddelde van zo'n groep meestal zo'n <b>{typical} pond</b> "
                    "ernaast; hoe groot de groep ook wordt, het komt niet onder de <b>{floor} pond</b> ({cause}). De "
                    "deskundige zit meestal zo'n {expert} pond ernaast.")
#: Why the mean's error levels off, by (herding > 0, shared error != 0).
CROWD_FLOOR_CAUSE = {(True, False): "door het meepraten", (False, True): "door de gedeelde fout",
                     (True, True): "door het meepraten en de gedeelde fout", (False, False): "door het toeval"}
CROWD_NO_FLOOR_HTML = ("Over veel menigtes gerekend zit het gemiddelde van zo'n groep meestal zo'n <b>{typical} pond</b> "
                       "ernaast; zonder meepraten en zonder gedeelde fout wordt dat steeds kleiner naarmate de groep "
                       "groeit. De deskundige zit meestal zo'n {expert} pond ernaast.")
