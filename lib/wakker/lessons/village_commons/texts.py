"""Every fixed Dutch word the lesson ``village_commons`` (notebook 01) shows: labels, buttons,
titles, the sentence templates of the commons model, and saved values in words for the portfolio.

Templates use ``str.format`` fields in braces; the ``_HTML`` ones get already escaped text. The
content itself (parameter words, principles, instructions to sort, cases) lives in
``data/lessons/village_commons/``; quotations in ``data/excerpts/boek-werkvonken.yaml``.
"""
from __future__ import annotations

INTRO = ("Dit notebook gaat over het begin en het eind van het boek Werkvonken naar wakkere gemeenschappen: "
         "wat de auteurs met een 'algoritme' bedoelen, waarom gemeenschappen volgens hen weer belangrijk worden, "
         "en wat een gedeelde weide zegt over het meningsverschil tussen Hardin en Ostrom.")

# ---------------------------------------------------------------- the commons explorer
MAIN_TITLE = "De dorpsweide"
PRINCIPLES_TITLE = "De regel en de ontwerpprincipes (zet aan of uit):"
MORE_ASSUMPTIONS = "Meer aannames (hoe de principes werken, weide, toeval)"
RESET = "Terug naar de standaardaannames"
ALL_OFF = "Alle principes uit"
ALL_ON = "Alle principes aan"
CANNOT_COMPUTE = "Met deze instellingen kan het model niet rekenen. Zet een schuifje terug."
MODEL_FAILED = "Het model kon niet rekenen"
PANEL_TITLES = ("Gras op de weide", "Inkomen per huishouden per seizoen")
STOCK_RULES = "met de gekozen principes"
STOCK_NONE = "zonder regels (ter vergelijking)"
HALF = "halfvolle weide (snelste aangroei)"
SEASON_AXIS = "seizoen"
STOCK_AXIS = "eenheden gras"
INCOME_AXIS = "eenheden gras"
#: Hover labels (plotly d3 formats, printed with the figure's Dutch separators ",."): without them plotly
#: shows "(3, 21,91484)", where the decimal comma and the x/y comma collide.
HOVER_STOCK = "{name}<br>seizoen %{{x}}: %{{y:.1f}} eenheden gras<extra></extra>"
HOVER_INCOME = "{name}<br>seizoen %{{x}}: %{{y:.2f}} eenheden gras per huishouden<extra></extra>"

NO_HOUSEHOLDS_HTML = "Er zijn <b>geen huishoudens</b>: niemand graast, en de weide groeit naar vol ({k} eenheden). "
WITH_RULES = "Met de gekozen principes"
WITHOUT_RULES = "Zonder regels"
LASTS_HTML = ("<b>{who}</b> staat er na {seasons} seizoenen nog <b>{final} eenheden gras</b> "
              "(van de {k}). Een huishouden verdiende gemiddeld <b>{income}</b> per seizoen. ")
COLLAPSES_HTML = ("<b>{who}</b> is de weide na <b>seizoen {season}</b> kaal. Daarna is er niets "
                  "meer te halen. Een huishouden verdiende over {seasons} seizoenen gemiddeld <b>{income}</b> per "
                  "seizoen. ")
BARE_FROM_START_HTML = "<b>{who}</b> is de weide vanaf het begin kaal: er is niets te halen. "
NONE_LASTS_HTML = ("Ter vergelijking, zonder regels ({h} gevraagd, {msy} blijvend mogelijk): na {seasons} seizoenen "
                   "nog {final}, gemiddeld {income} per seizoen. ")
NONE_COLLAPSES_HTML = ("Ter vergelijking, zonder regels ({h} gevraagd, {msy} blijvend mogelijk): na seizoen {season} "
                       "kaal, gemiddeld {income} per seizoen. ")
NONE_BARE_HTML = "Ter vergelijking, zonder regels: vanaf het begin kaal. "
SAME_AS_NONE_HTML = "Er staat nog geen principe aan: zet er hierboven een of meer aan. "
HARVEST_HTML = ("Zonder regels neemt elk huishouden {cap}, met gebruikers van buiten samen <b>{h} per seizoen</b>; "
                "de weide kan blijvend hooguit <b>{msy}</b> per seizoen geven. ")
CHEATS_HTML = "Met de principes namen huishoudens in {share} van de seizoenen meer dan het quotum. "
LATE_HTML = "De principes gelden pas vanaf seizoen {start}. "

# ---------------------------------------------------------------- the tipping point
TIP_START = "Gras bij de start"
TIP_START_UNIT = "eenheden (van de 50)"
TIP_START_HELP = "Hoeveel gras er in het eerste seizoen op de weide staat. De weide kan hooguit 50 eenheden dragen."
TIP_HARVEST = "Oogst per seizoen"
TIP_HARVEST_UNIT = "eenheden, elk seizoen hetzelfde"
TIP_HARVEST_HELP = ("Hoeveel iedereen samen elk seizoen neemt, zoals bij een vast quotum dat iedereen keurig "
                    "naleeft.")
TIP_TITLE = "Het kantelpunt"
WAIT_FOR_PREDICTION = "Kies eerst hierboven je voorspelling; daarna verschijnt hier het model."
TIP_PATH = "gras op de weide"
TIP_LOW = "kantelpunt ({x})"
TIP_HIGH = "evenwicht ({x})"
TIP_LOW_HOVER = "kantelpunt: %{y:.1f} eenheden gras<extra></extra>"
TIP_HIGH_HOVER = "evenwicht: %{y:.1f} eenheden gras<extra></extra>"
TIP_TWO_HTML = ("Bij een oogst van <b>{h}</b> (de weide kan blijvend hooguit {msy} geven) zijn er twee evenwichten: "
                "een <b>kantelpunt bij {low}</b> en een evenwicht bij {high} waar de weide naartoe groeit. ")
TIP_ONE_HTML = "Bij een oogst van <b>{h}</b> is er precies één evenwicht, bij {x}: de rand van wat de weide kan geven. "
TIP_NONE_HTML = ("Een oogst van <b>{h}</b> is meer dan de weide blijvend kan geven ({msy}): vanuit elke start "
                 "raakt het gras op. ")
TIP_ZERO_HTML = "Zonder oogst groeit de weide naar vol (50), als er bij de start nog gras staat. "
TIP_FALLS_HTML = "Met <b>{start}</b> eenheden bij de start is de weide na <b>seizoen {season}</b> kaal. "
TIP_LASTS_HTML = "Met {start} eenheden bij de start staat er na 30 seizoenen {final} eenheden. "
TIP_BARE_HTML = "Bij de start staat er geen gras: de weide is kaal en blijft kaal. "
TIP_BELOW_HTML = "De start ligt <b>onder het kantelpunt</b>: de oogst is kleiner dan de grootste blijvende oogst, en toch gaat het mis. "

# ---------------------------------------------------------------- the assumptions and principles tables
PRINCIPLE_HEADS = ("principe", "wat het in dit model doet (onze aanname)")

# ---------------------------------------------------------------- my roles
ROLES_PROMPT = "Mijn rollen op één dag: welke rollen heb jij, van 's ochtends tot 's avonds?"
ROLES_PLACEHOLDER = "Eén rol per regel, in de volgorde van je dag. Bijvoorbeeld:\nouder\nstagiair in het wijkteam\nvrijwilliger bij de voedselbank"
ROLES_EMPTY_VIEW = "Nog geen rollen: typ ze hierboven, één per regel."
ROLES_COUNT = "{n} rollen op één dag."
ROLES_TOO_MANY = "Je typte {n} rollen; alleen de eerste {max} worden getoond en bewaard."
ROLES_SHORTENED = {1: "Een rol is ingekort tot {max} tekens.", "more": "{k} rollen zijn ingekort tot {max} tekens."}
ROLES_STATUS = {
    "empty": "Nog geen rollen.",
    "restored": "✓ je eerdere rollen zijn teruggezet (opgeslagen op {day} om {time})",
}
MAX_ROLES = 15
MAX_ROLE_CHARS = 80

# ---------------------------------------------------------------- sorting and cases
SORT_PROMPT = "Stappenplan of handelingsperspectief? Sorteer zes aanwijzingen uit het sociaal werk."
SORT_NAMES = {"stappenplan": "Stappenplan", "perspectief": "Handelingsperspectief"}
SORT_SHORT = {"stappenplan": "Je voert het uit; iedereen die het goed doet, komt op hetzelfde uit.",
              "perspectief": "Een richting om mee te zoeken, met een waarde erachter."}
SORT_INTRO_HTML = ("Kies bij elke aanwijzing en druk dan op <b>Controleer</b>: je ziet hoe wij het lezen, en waarom. "
                   "Bij een <b>twijfelgeval</b> tellen beide als goed. Het gaat om de reden, niet om de score.")
CASE_PROMPT = "{title}: wat doe jij?"
CASE_REASON = ("Wat is je reden? Schrijf hem zo op dat een collega in een vergelijkbaar geval hetzelfde kan "
               "besluiten.")
CASE_REASON_PLACEHOLDER = "Mijn reden: …"


# ---------------------------------------------------------------- saved values in words (the portfolio)
def describe_saved(kind: str, value) -> str | None:
    """A saved ``roles`` value in plain Dutch for the portfolio (None: not this lesson's kind)."""
    if kind == "roles" and isinstance(value, dict) and isinstance(value.get("roles"), list):
        roles = [r for r in value["roles"] if isinstance(r, str)]
        return "Mijn rollen op één dag: " + (" → ".join(roles) if roles else "(geen)") + "."
    return None
