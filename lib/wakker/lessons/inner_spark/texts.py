"""Every fixed Dutch word the lesson ``inner_spark`` shows: labels, buttons, titles and feedback.

Keep student-facing words here, not in the widget code, so that they can be read and corrected in
one place. Templates use ``str.format`` fields in braces; the widgets escape what they put in.
Longer or structured content belongs in ``data/lessons/inner_spark/`` (read inside a function, never
at import).
"""
from __future__ import annotations

# ---------------------------------------------------------------- rood, blauw, groen (the kit's sorting widget)
SPHERES_PROMPT = "Rood, blauw, groen: in welke sfeer hoort dit instrument?"
SPHERES_WORDS = {
    "intro": ("Kies bij elk instrument de sfeer die volgens jou het best past. Ga met je muis op een knop "
              "staan voor een korte uitleg van de sfeer. Druk daarna op <b>Controleer</b>: je ziet je score en "
              "bij elk instrument uitleg. Bij een <b>twijfelgeval</b> tellen twee sferen als goed. Je laatste "
              "score wordt bewaard."),
    "choose_first": "Kies eerst bij minstens één instrument een sfeer.",
    "wrong": "✗ Jij koos {chosen}; volgens de indeling van de auteurs hoort dit bij {right}.",
    "group": "Instrument {number}: {text} Welke sfeer?",
    "shuffle_prompt": "Volgorde van de sorteeroefening rood, blauw, groen (geen antwoord)",
}

# ---------------------------------------------------------------- my own instruments
INSTRUMENTS_PROMPT = "Mijn eigen instrumenten en een groen initiatief uit mijn praktijk"
INITIATIVE_LABEL = "Een groen initiatief uit jouw praktijk (iets dat bewoners zelf doen):"
INITIATIVE_PLACEHOLDER = "bijvoorbeeld: de buurtmoestuin aan de Kerkstraat"
INSTRUMENT_PLACEHOLDER = "Instrument {number}: wat gebruik jij in je werk of stage?"
INSTRUMENT_NAME = "Instrument {number} uit je eigen werk of stage"
SPHERE_NAME = "Sfeer van instrument {number}"
TOUCHES = "raakt het initiatief"
TOUCHES_NAME = "Raakt instrument {number} het groene initiatief?"
SPHERE_NAMES = {"rood": "Rood", "blauw": "Blauw", "groen": "Groen"}
FLAGS_HEAD = "Waar raakt jouw systeemwereld het groene initiatief?"
FLAG_RED_BLUE = ("⚑ <b>{instrument}</b> ({sphere}) raakt <b>{initiative}</b>. Hier ontmoet de systeemwereld de "
                 "leefwereld. Vraag jezelf af: stuurt dit instrument het initiatief in de richting van jouw regels?")
FLAG_GREEN = "✓ <b>{instrument}</b> (groen) raakt <b>{initiative}</b>: dit past bij de leefwereld."
NO_FLAGS = "Nog geen ontmoetingspunt: vink aan welk instrument het initiatief raakt."
NO_INITIATIVE = "het initiatief"
NO_SPHERE = "Kies bij '{instrument}' nog een sfeer."
INSTRUMENTS_STATUS = {"empty": "Nog niets ingevuld."}

# ---------------------------------------------------------------- value map of De Buurtvrouw
VALUE_MAP_PROMPT = "Wat geeft De Buurtvrouw, aan wie, en wat moet elke partij zelf geven?"
GETS = "Krijgt (volgens de website):"
GIVES = "Moet zelf geven of doen (jouw inschatting):"
MISSING_HEAD = "Welke partij ontbreekt op de website?"
MISSING_NAME = "Naam van de partij die ontbreekt"
MISSING_NAME_PLACEHOLDER = "bijvoorbeeld: de woningcorporatie"
MISSING_GETS = "Wat krijgt deze partij?"
MISSING_GIVES = "Wat moet deze partij geven?"
MAP_HEAD = "Jouw waardenkaart"
MAP_OPEN = "nog open"
MAP_COUNT = "{filled} van de {total} partijen ingevuld"

# ---------------------------------------------------------------- my spark (self-assessment)
SPARK_PROMPT = "Mijn vonk: doe ik dit al, of wil ik het proberen?"
SPARK_OPTIONS = (
    {"id": "al", "label": "Dit doe ik al"},
    {"id": "proberen", "label": "Dit wil ik proberen"},
    {"id": "niet-nu", "label": "Nu (nog) niet voor mij"},
)
SPARK_CONTEXT = "Hoofdstuk {number}: {title}. {gloss}"
SPARK_CHART_HEAD = "Mijn vonk in één oogopslag"
SPARK_NONE = "nog geen"
SPARK_OPEN = "Nog niet gekozen: {count} van de 10."
SPARK_COLOURS = {"al": "#4f772d", "proberen": "#e09f3e", "niet-nu": "#8d99ae"}

# ---------------------------------------------------------------- the drama triangle
DRAMA_PROMPT = "Dramadriehoek: welke rol neemt de spreker bij deze beurt?"
DRAMA_WORDS = {
    "intro": ("Lees het gesprek van boven naar beneden en kies bij elke beurt de rol die de spreker volgens jou "
              "neemt. Ga met je muis op een knop staan voor een korte uitleg. Druk daarna op <b>Controleer</b>. "
              "Bij een <b>twijfelgeval</b> tellen twee rollen als goed."),
    "choose_first": "Kies eerst bij minstens één beurt een rol.",
    "wrong": "✗ Jij koos {chosen}; wij lezen hier {right}.",
    "right_ambiguous": "✓ Te verdedigen: hier zijn {a} en {b} allebei te lezen.",
    "group": "Beurt {number}: {text} Welke rol?",
}
TURN_TEXT = "{speaker}: ‘{text}’"
SWITCH_HEAD = "De wissels, getekend met jouw rollen"
SWITCH_NONE = "Kies bij de beurten een rol; dan verschijnen hier de wissels."
SWITCH_LINE = "<b style='color:{colour}'>{speaker}</b>: {path} · <b>{count}</b> {word}"
SWITCH_ONE, SWITCH_MANY = "wissel", "wissels"
SWITCH_EMPTY = "<b style='color:{colour}'>{speaker}</b>: nog geen beurt ingedeeld"
SWITCH_TOTAL = "Samen {count} {word} in {turns} beurten."
SWITCH_SVG_TITLE = "De dramadriehoek met de rolwissels per spreker"

# ---------------------------------------------------------------- saved values in words (the portfolio)
#: Kinds of saved values that are not answers: kept in the JSON export, left out of the portfolio.
NOT_ANSWERS = ("volgorde",)
SHUFFLED_ORDER = "De volgorde waarin jij de instrumenten van de sorteeroefening ziet (geen antwoord)."
DESCRIBE_SORTED = "{label}. Gekozen: {choices}."
DESCRIBE_INITIATIVE = "Groen initiatief: {initiative}."
DESCRIBE_INSTRUMENT = "• {text}: {sphere}{touch}"
DESCRIBE_TOUCHES = ", raakt het initiatief"
DESCRIBE_NO_SPHERE = "nog geen sfeer"
DESCRIBE_PARTY = "• {name} geeft: {gives}"
DESCRIBE_OPEN = "(nog open)"


def describe_saved(kind: str, value) -> str | None:
    """A saved ``sorting``, ``instrumenten``, ``waardenkaart`` or ``volgorde`` value in plain Dutch for the
    portfolio (None: not this lesson's kind). Found by ``wakker.core.portfolio.describe``."""
    if kind == "volgorde":
        return SHUFFLED_ORDER
    if kind == "sorting" and isinstance(value, dict) and isinstance(value.get("label"), str):
        answers = value.get("answers") if isinstance(value.get("answers"), dict) else {}
        return DESCRIBE_SORTED.format(label=value["label"], choices=", ".join(f"{k} → {v}" for k, v in answers.items()))
    if kind == "instrumenten" and isinstance(value, dict):
        lines = [DESCRIBE_INITIATIVE.format(initiative=str(value.get("initiatief") or DESCRIBE_OPEN))]
        for row in value.get("instrumenten") or []:
            if isinstance(row, dict) and str(row.get("tekst") or "").strip():
                sphere = SPHERE_NAMES.get(row.get("sfeer"), DESCRIBE_NO_SPHERE)
                lines.append(DESCRIBE_INSTRUMENT.format(text=row["tekst"], sphere=sphere,
                                                        touch=DESCRIBE_TOUCHES if row.get("raakt") is True else ""))
        return "\n".join(lines)
    if kind == "waardenkaart" and isinstance(value, dict):
        gives = value.get("geeft") if isinstance(value.get("geeft"), dict) else {}
        lines = [DESCRIBE_PARTY.format(name=k, gives=str(v).strip() or DESCRIBE_OPEN) for k, v in gives.items()]
        extra = value.get("ontbreekt") if isinstance(value.get("ontbreekt"), dict) else {}
        if str(extra.get("naam") or "").strip():
            lines.append(DESCRIBE_PARTY.format(name=extra["naam"], gives=str(extra.get("geeft") or "").strip()
                                               or DESCRIBE_OPEN) + f" (krijgt: {extra.get('krijgt') or DESCRIBE_OPEN})")
        return "\n".join(lines)
    return None
