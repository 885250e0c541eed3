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
    "intro": ("Kies bij elk instrument de sfeer die volgens jou het best past; de drie sferen staan hieronder "
              "kort uitgelegd. Druk daarna op <b>Controleer</b>: je ziet je score en bij elk instrument uitleg. "
              "Bij een <b>twijfelgeval</b> tellen twee sferen als goed. Je keuzes worden vanzelf bewaard; je "
              "score zie je pas na <b>Controleer</b>."),
    "choose_first": "Kies eerst bij minstens één instrument een sfeer.",
    "wrong": "✗ Jij koos {chosen}; wij delen dit, met de sferen van de auteurs, in bij {right}.",
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
                 "leefwereld. Vraag jezelf af: helpt dit instrument het initiatief, of stuurt het dat in de "
                 "richting van jouw regels?")
FLAG_GREEN = ("◐ <b>{instrument}</b> noem je groen en het raakt <b>{initiative}</b>. Is het echt van bewoners "
              "zelf, of is het een instrument van jouw organisatie dat op de leefwereld lijkt? De auteurs rekenen "
              "ook zorg- en welzijnsorganisaties tot de systeemwereld.")
NO_FLAGS = "Nog geen ontmoetingspunt: vink aan welk instrument het initiatief raakt."
NO_INITIATIVE = "het initiatief"
NO_SPHERE = "Kies bij '{instrument}' nog een sfeer."
INSTRUMENTS_STATUS = {"empty": "Nog niets ingevuld."}

# ---------------------------------------------------------------- value map of De Buurtvrouw
VALUE_MAP_PROMPT = "Wat geeft De Buurtvrouw, aan wie, en wat moet elke partij zelf geven?"
GETS = "Krijgt (volgens de website):"
GIVES = "Moet zelf geven of doen (jouw inschatting):"
MISSING_HEAD = "Welke partij wordt in deze zinnen niet genoemd?"
MISSING_NAME = "Naam van de partij:"
MISSING_NAME_PLACEHOLDER = "bijvoorbeeld: de woningcorporatie"
MISSING_GETS = "Wat krijgt deze partij?"
MISSING_GIVES = "Wat moet deze partij zelf geven of doen?"
MAP_HEAD = "Jouw waardenkaart"
MAP_OPEN = "nog open"
MAP_COUNT = "{filled} van de {total} partijen ingevuld"

# ---------------------------------------------------------------- my spark (self-assessment)
SPARK_PROMPT = "Mijn vonk: doe ik dit al, of wil ik het proberen?"  # asked once, above the ten titles
SPARK_ITEM = "Hoofdstuk {number} · {title}"  # the question of one title (bold), its gloss below it
SPARK_OPTIONS = (
    {"id": "al", "label": "Dit doe ik al"},
    {"id": "proberen", "label": "Dit wil ik proberen"},
    {"id": "niet-nu", "label": "Nu (nog) niet voor mij"},
)
SPARK_CHART_HEAD = "Mijn vonk in één oogopslag"
SPARK_NONE = "nog geen"
SPARK_OPEN = "Nog niet gekozen: {count} van de 10."
SPARK_COLOURS = {"al": "#4f772d", "proberen": "#e09f3e", "niet-nu": "#8d99ae"}

# ---------------------------------------------------------------- the drama triangle
DRAMA_PROMPT = "Dramadriehoek: welke rol neemt de spreker bij deze beurt?"
DRAMA_WORDS = {
    "intro": ("Lees het gesprek van boven naar beneden en kies bij elke beurt de rol die de spreker volgens jou "
              "neemt; de drie rollen staan hieronder kort uitgelegd. Druk daarna op <b>Controleer</b>. "
              "Bij een <b>twijfelgeval</b> tellen twee rollen als goed. Je keuzes worden vanzelf bewaard; je "
              "score en de uitleg per beurt zie je pas na <b>Controleer</b>."),
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
DESCRIBE_SORTED = "{label}{unchecked}. Gekozen:\n{choices}"
DESCRIBE_UNCHECKED = " (nog niet gecontroleerd)"
DESCRIBE_CHOICE = "• {text} → {category}"
DESCRIBE_TURN = "Beurt {number} ({speaker}: ‘{text}’)"
DESCRIBE_SHORT = 60  # characters of an item's text in the portfolio
DESCRIBE_INITIATIVE = "Groen initiatief: {initiative}."
DESCRIBE_INSTRUMENT = "• {text}: {sphere}{touch}"
DESCRIBE_TOUCHES = ", raakt het initiatief"
DESCRIBE_NO_SPHERE = "nog geen sfeer"
DESCRIBE_PARTY = "• {name}, moet zelf geven of doen: {gives}"
DESCRIBE_GETS = " (krijgt: {gets})"
DESCRIBE_OPEN = "(nog open)"


def describe_saved(kind: str, value) -> str | None:
    """A saved ``sorting``, ``instrumenten``, ``waardenkaart`` or ``volgorde`` value in plain Dutch for the
    portfolio (None: not this lesson's kind). Found by ``wakker.core.portfolio.describe``."""
    if kind == "volgorde":
        return SHUFFLED_ORDER
    if kind == "sorting" and isinstance(value, dict) and isinstance(value.get("label"), str):
        answers = value.get("answers") if isinstance(value.get("answers"), dict) else {}
        return DESCRIBE_SORTED.format(label=value["label"],
                                      unchecked=DESCRIBE_UNCHECKED if value.get("checked") is False else "",
                                      choices="\n".join(_sorted_lines(answers)))
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
        names = _party_names()
        lines = [DESCRIBE_PARTY.format(name=names.get(k, k), gives=str(v).strip() or DESCRIBE_OPEN)
                 for k, v in gives.items()]
        extra = value.get("ontbreekt") if isinstance(value.get("ontbreekt"), dict) else {}
        if str(extra.get("naam") or "").strip():
            lines.append(DESCRIBE_PARTY.format(name=extra["naam"], gives=str(extra.get("geeft") or "").strip()
                                               or DESCRIBE_OPEN)
                         + DESCRIBE_GETS.format(gets=str(extra.get("krijgt") or "").strip() or DESCRIBE_OPEN))
        return "\n".join(lines)
    return None


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= DESCRIBE_SHORT else text[:DESCRIBE_SHORT - 1].rstrip() + "…"


def _sorted_lines(answers: dict) -> list[str]:
    """One line per choice of a sorting exercise of this lesson (spheres or roles): the item's text
    (a turn: its number and speaker) and the category's name; ids stand in when the data cannot be read."""
    items, names = {}, {}
    try:
        from .data import drama, spheres  # read only when a portfolio is written

        for number, turn in enumerate(drama().items, 1):
            items[turn.id] = DESCRIBE_TURN.format(number=number, speaker=turn.speaker, text=_short(turn.text))
        for item in spheres().items:
            items[item.id] = _short(item.text)
        for content in (drama(), spheres()):
            names.update({c.id: c.name for c in content.categories})
    except Exception:  # noqa: BLE001 - no texts: the ids stand in for them
        pass
    return [DESCRIBE_CHOICE.format(text=items.get(k, k), category=names.get(v, v)) for k, v in answers.items()]


def _party_names() -> dict:
    try:
        from .data import parties  # read only when a portfolio is written

        return {p.id: p.name for p in parties()}
    except Exception:  # noqa: BLE001 - no names: the ids stand in for them
        return {}
