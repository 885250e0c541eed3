"""Every fixed Dutch word the lesson's widgets show, in one place (Nicky Case style).

Labels, button texts, status lines, figure titles and the sentence templates of the planning
machine. Texts with ``{...}`` are ``str.format`` templates; the HTML ones are marked ``_HTML``
(their placeholders are filled with already escaped text). The words of the content itself
(orders, activities, parameters, roles, timeline) live in ``data/lessons/planning_machine/``.
"""
from __future__ import annotations

# ---------------------------------------------------------------- the four orders
ORDER_FALLBACK = "orde {order}"          # when the data cannot be read
ALL_FOUR = "alle vier aanpakken"
ORDER_PHRASE = "de {name} ({short})"     # "de 4e orde (kijken en eigenaarschap wekken)"
ALL_FIVE = "alle vijf aanpakken"
#: The combination "both" (the fourth order and one planned order): its name in a label, with an
#: article in a sentence, and in the legend ("beide: 4e orde + 2e orde").
BOTH_NAME = "beide"
BOTH_REF = "‘beide’"
BOTH_PHRASE = "‘beide’ (de 4e orde samen met de {k}e orde)"
BOTH_TITLE = "beide: 4e orde + {k}e orde"
BOTH_TOGGLE = "Toon ook ‘beide’: de vierde orde en daarna een geplande orde samen"

# ---------------------------------------------------------------- the assumptions table
ASSUMPTION_HEADS = ("aanname", "standaard", "bereik", "eenheid", "wat het betekent")

# ---------------------------------------------------------------- the strength figure
# one line on a wide screen; on a phone (the plot about 270 px wide) the kit wraps it and grows the top margin
STRENGTH_TITLE = "Hoe sterk elke aanpak één beweging steunt (standaardaannames)"
STRENGTH_X = "maanden na het ontstaan"
STRENGTH_Y = "steun (1 = zoveel als 3e orde)"

# ---------------------------------------------------------------- the sorting game
SORTING_PROMPT = "Sorteerspel: welke orde van verandering is deze activiteit?"
SORTING_INTRO_HTML = (
    "Kies bij elke activiteit de orde die volgens jou het best past. Druk daarna op <b>Controleer</b>: "
    "je ziet je score en bij elke activiteit uitleg. Een paar activiteiten zijn <b>twijfelgevallen</b>: "
    "daar tellen twee ordes als goed, en de uitleg bespreekt beide. Je mag het zo vaak proberen als je "
    "wilt; je laatste score wordt bewaard.")
CHECK = "Controleer"
START_AGAIN = "Begin opnieuw"
CHOOSE_FIRST = "Kies eerst bij minstens één activiteit een orde."
NOT_SORTED = "Nog niet ingedeeld."
RIGHT = "✓ Goed."
WRONG = "✗ Jij koos de {chosen}; volgens ons, met de indeling van het boek, hoort dit bij de {right}."
RIGHT_AMBIGUOUS = "✓ Te verdedigen: hier zijn de {a} en de {b} allebei goed."
WRONG_AMBIGUOUS = "✗ Jij koos de {chosen}; hier zijn de {a} en de {b} allebei te verdedigen."
SHUFFLE_PROMPT = "Volgorde van het sorteerspel (geen antwoord: zo blijft de volgorde voor jou steeds dezelfde)"
#: Kinds of saved values that are not answers: kept in the JSON export, left out of the portfolio.
NOT_ANSWERS = ("volgorde",)
SHUFFLED_ORDER = "de volgorde waarin jij de activiteiten van het sorteerspel ziet (geen antwoord)"
SCORE = "{score} van de {answered} goed"
SCORE_OPEN = " (nog {left} niet ingedeeld)"
SCORE_HTML = ("<b>Je score: {label}.</b> Ben je het niet eens met de indeling? Lees de uitleg en bedenk of "
              "jouw keuze te verdedigen is: de grenzen zijn niet scherp.")
SORTING_STATUS = {
    "empty": "Nog niet gecontroleerd.",
    "restored": "✓ je eerdere antwoorden zijn teruggezet",
    "saved": "✓ score opgeslagen om {time}",
    "unreadable": "Je eerdere antwoorden konden niet gelezen worden: {error}",
    "not_saved": "Opslaan is niet gelukt ({error}).",
    "old_form": "Je eerdere antwoorden konden niet worden teruggezet: {value}",
}

#: The words of the kit's sorting widget (wakker.ui.sorting) for this game.
SORTING_WORDS = {
    "intro": SORTING_INTRO_HTML, "check": CHECK, "start_again": START_AGAIN, "choose_first": CHOOSE_FIRST,
    "not_sorted": NOT_SORTED, "right": RIGHT, "wrong": WRONG, "right_ambiguous": RIGHT_AMBIGUOUS,
    "wrong_ambiguous": WRONG_AMBIGUOUS, "score": SCORE, "score_open": SCORE_OPEN, "score_html": SCORE_HTML,
    "shuffle_prompt": SHUFFLE_PROMPT, **SORTING_STATUS,
}

# ---------------------------------------------------------------- the planning machine
#: 'Probeer dit': the tasks, right above the sliders (a teacher's reading: on a phone the list in the text stood a
#: screen or more above the sliders it refers to). One task at a time; the buttons 1-5 choose it.
#: Each: (short name, the button's tooltip and the task's title; the task, HTML).
TASKS = (
    ("Tempo",
     "Schuif het <b>tempo van verandering</b> langzaam van links naar rechts. Welke lijn ligt waar het hoogst?"),
    ("Snellere planning",
     "Zet de <i>reactietijd 3e orde</i> op 6 maanden. Waar ligt het omslagpunt nu?"),
    ("Langer op je handen zitten",
     "Zet de <i>reactietijd 4e orde</i> op 3 maanden. Wat gebeurt er? Open daarna <i>Meer aannames</i> en zet "
     "<i>Wat wachten oplevert</i> op 0,1: elke maand wachten maakt de eerste stap dan wat sterker. Loont het wachten "
     "nu?"),
    ("Eigenaarschap dat niet groeit",
     "Zet de <i>groei van eigenaarschap</i> op 0,05. Wat blijft er over van het middengebied?"),
    ("Beide",
     "Zet onder <i>Meer aannames</i> het vinkje bij <i>Toon ook ‘beide’</i> aan: de vierde-orde-leider doet zijn "
     "lichte eerste stap, en daarna komt ook een gepland project (de 2e orde). Waar wint ‘beide’? Kies daarna bij "
     "<i>Beide: welke geplande orde</i> de 3e orde."),
)
TASKS_HEAD_HTML = ("<b>Probeer dit</b>: vijf opdrachten. Kies er een met de knopjes; druk tussendoor op "
                   "<i>Terug naar de standaardaannames</i>.")
TASK_PICK = "Probeer dit: kies een opdracht"  # the buttons' accessible name
TASK_HTML = "<b>Opdracht {number} van {total}. {name}.</b> {task}"
MORE_ASSUMPTIONS = "Meer aannames (beide, wachten, levensduur, 1e en 2e orde, kracht, plafond, spreiding, toeval)"
RESET = "Terug naar de standaardaannames"
CANNOT_COMPUTE = ("Deze combinatie van aannames kan het model niet doorrekenen. "
                  "Kies een andere waarde of druk op 'Terug naar de standaardaannames'.")
MODEL_FAILED = "Het model kon niet worden doorgerekend"
# the line chart's title (<br>: each line fits a phone, 390 px), then the two bar charts' titles (HTML, they wrap)
PANEL_TITLES = ("Totaal effect van elke aanpak<br>bij elk tempo van verandering",
                "Bereikte bewegingen (gekozen tempo)",
                "Effect per bereikte beweging (gekozen tempo)")
SPEED_AXIS = "tempo van verandering"       # the ticks say the multiple: "0,5×", "1×", "2×"
TOTAL_AXIS = "totaal effect (alle bewegingen samen)"
COUNT_AXIS = "aantal (een volle balk: alle {n})"  # the bars' scale: all movements
EFFECT_AXIS = "steun (1 = zoveel als 3e orde; een volle balk: {top})"  # top: 1, or more when a value is
# under the two bar charts: how they make the line chart's total
BARS_TOTAL = "Samen maken ze het totaal in de grafiek hierboven: bereikte bewegingen × effect per bereikte beweging."
TIMES = "{speed}×"                        # a speed on the axis: "0,5×"
HOVER_TOTAL = "tempo %{{x:.2f}}×: totaal effect %{{y:.0f}}<extra>{name}</extra>"
RANGE_WINS = "{name} wint"                # the label in a winner's range
RANGE_TIE = " = "                         # joins the names of a tie: "1e orde = 4e orde"

# -- above the figure: only what the student set, in numbers; no verdict, so the student looks first (lesson guide
# L3: a teacher's reading found the sentence above the plot naming the winner before anyone had looked)
AT_SPEED_HTML = "Bij een tempo van <b>{speed}×</b> leeft een beweging gemiddeld <b>{life} maanden</b>. "
LOOK_HTML = ("Kijk eerst zelf: welke lijn ligt bij de stippellijn het hoogst? "
             "Onder de grafieken staat wat het model hier laat zien.")
# -- under the figures: what the model shows (HTML templates; placeholders are escaped text). {at} is AT_HTML.
VERDICT_HEAD_HTML = "<b>Wat het model laat zien</b><br>"
AT_HTML = "Bij een tempo van <b>{speed}×</b>"
NOBODY_IN_TIME_HTML = "{at} bereikt <b>geen enkele aanpak</b> nog een beweging op tijd: ze komen allemaal te laat. "
REACHED_ONE, REACHED_MANY = "bereikt", "bereiken"
IN_TIME_NO_EFFECT_HTML = "{at} {verb} <b>{names}</b> wel bewegingen op tijd, maar <b>geen enkele aanpak heeft effect</b>: "
NO_STRENGTH_ONE, NO_STRENGTH_MANY = "die aanpak heeft kracht 0. ", "die aanpakken hebben kracht 0. "
EXACTLY, NEARLY = "precies evenveel", "vrijwel evenveel"
NEITHER, NONE_OF_THEM = "geen van beide", "geen van hen"
TIE_HERE_HTML = "{at} leveren <b>{names}</b> {how} effect op ({total}); {nobody} wint hier. "
WINS_HERE_HTML = "{at} levert <b>{phrase}</b> {barely}het meeste effect op ({total}), {just}voor {second} ({second_total}). "
BARELY, JUST = "nipt ", "vlak "
#: what a total effect means, in the text under the plots (once someone has effect)
MEANING_HTML = ("<br><i>Wat betekent een totaal effect van {total}?</i> Evenveel steun als wanneer {total} van de {n} "
                "bewegingen hun hele leven de volle steun van een strategische aanpak kregen (kracht 1). Een beweging "
                "die pas halverwege steun krijgt, telt maar voor de helft mee; een gemiste beweging telt niet. ")
WHOLE_RANGE_NOBODY_HTML = "<br>Over het hele bereik ({lo}× tot {hi}×) heeft <b>geen enkele aanpak</b> effect. "
WHOLE_RANGE_TIE_HTML = "<br>Over het hele bereik ({lo}× tot {hi}×) leveren <b>{names}</b> precies evenveel op. "
WHOLE_RANGE_WINS_HTML = "<br>Over het hele bereik ({lo}× tot {hi}×) wint steeds <b>{name}</b>. "
RANGES_HTML = "<br>Over het hele bereik ({lo}× tot {hi}×): {pieces}. "
UP_TO, ABOVE, FROM_TO = "tot {end}×", "boven {start}×", "van {start}× tot {end}×"
PIECE_NOBODY_HTML = "{where} heeft <b>geen enkele aanpak</b> effect"
PIECE_TIE_HTML = "{where} leveren <b>{names}</b> precies evenveel op"
PIECE_WINS_HTML = "{where} wint <b>{name}</b>"
NO_CROSSOVER_HTML = ("<br>In dit bereik haalt de vierde orde de beste geplande aanpak <b>nergens</b> in: "
                     "er is geen omslagpunt.")
#: the crossover (pl.crossover_speed): the LOWEST speed at which the fourth order yields more than the best planned
#: order; it says nothing about higher speeds, so a second sentence says what the sweep shows there
CROSSOVER_AT_START_HTML = ("<br>Al bij het laagste tempo ({speed}×) levert de vierde orde meer op dan de beste geplande "
                           "aanpak: het <b>omslagpunt</b> ligt op of onder dat tempo. ")
CROSSOVER_HTML = ("<br>Het <b>omslagpunt</b> ligt bij <b>{speed}×</b> (bewegingen van gemiddeld {months} maanden): "
                  "het laagste tempo waarbij de vierde orde meer oplevert dan de beste geplande aanpak. ")
#: {name}: the order itself ("de 1e orde"), not "een geplande aanpak": at high speed that is firefighting (a teacher's
#: review: a student read "plannen wint weer")
AFTER_CROSSOVER_LOSES_HTML = "Vanaf {speed}× levert {name} weer meer op dan de vierde orde. "
#: ... and when the fourth order wins once more above that speed (the ranges of the four orders without 'beide')
FOURTH_WINS_AGAIN_HTML = "Van {start}× tot {end}× wint de vierde orde nog een keer. "
AFTER_CROSSOVER_STAYS_HTML = "Bij elk hoger tempo in dit bereik blijft ze boven de geplande aanpakken. "
CROSSOVER_WITHOUT_BOTH_HTML = "‘Beide’ telt voor het omslagpunt niet mee. "
#: with 'beide' shown: where it wins, and that it cannot lose to its own parts in this model
BOTH_NOTE_HTML = ("<br><i>Over ‘beide’:</i> in dit model kost het doen van beide niets extra (geen uren, geen geld) "
                  "en neemt de planning niemand het eigenaarschap af. Daarom ligt ‘beide’ nooit onder de 4e orde of "
                  "de {k}e orde alleen.")

# ---------------------------------------------------------------- my week
WEEK_PROMPT = "Mijn week over de vier ordes: nu en gewenst (in %)"
WEEK_COLUMNS = (("nu", "Zo ziet mijn week er nu uit"), ("gewenst", "Zo zou ik hem willen verdelen"))
WEEK_INTRO_HTML = ("Versleep de schuifjes. Als je er één verschuift, schuiven de andere drie naar verhouding mee, "
                   "zodat het totaal altijd <b>100 %</b> is. Je verdeling wordt vanzelf bewaard.")
WEEK_TITLE = "Mijn week: nu en gewenst"  # fits a phone
WEEK_AXIS = "deel van mijn week (%)"
WEEK_TOTAL = "Samen: {total} %"
WEEK_UNTOUCHED = "Nog niet ingevuld: versleep een schuifje."
NOT_FILLED_IN = "nog niet ingevuld"
WEEK_BAR_UNTOUCHED = "{key} (nog niet ingevuld)"
WEEK_LABEL_ORDERS = " (1e/2e/3e/4e orde)"
WEEK_NOT_100 = "De verdeling telt niet op tot 100 %; niet opgeslagen."
WEEK_STATUS = {
    "empty": "Nog niet ingevuld: de schuifjes staan op 25 % elk.",
    "restored": "✓ je eerdere verdeling is teruggezet",
    "not_restored": "",
    "saved": "✓ opgeslagen om {time}",
    "waiting": "… wordt zo opgeslagen",
    "old_form": "Je eerdere verdeling kon niet worden teruggezet; vul hem opnieuw in.",
    "unreadable": "Je eerdere verdeling kon niet gelezen worden: {error}",
    "not_saved": "Opslaan is niet gelukt ({error}).",
}

# ---------------------------------------------------------------- roles of government
ROLE_QUESTION = "Welke rol van de overheid past hier het best?"
CASE = "Casus {number}"  # a title of its own line (the kit adds the full stop in the saved prompt)
SORT_GROUP = "Activiteit {number}: {text} Welke orde?"  # the accessible name of one row's buttons


# ---------------------------------------------------------------- saved values in words (the portfolio)
SORTED_HEAD = "Zo deelde de student in:"
SORTED_LINE = "• {text} → {order}e orde{mark}"
SORTED_RIGHT = " (goed)"
SORTED_WRONG = " (volgens ons: {right} orde)"
SORTED_UNKNOWN = "• activiteit '{id}' → {order}e orde"
SORTED_UNCHECKED = " (nog niet gecontroleerd)"

def describe_saved(kind: str, value) -> str | None:
    """A saved ``week``, ``sorting`` or ``volgorde`` value in plain Dutch for the portfolio (None: not this lesson's kind).

    Found by ``wakker.core.portfolio.describe`` through this lesson's entry in data/notebooks.yaml.
    """
    def orders(numbers) -> str:
        return ", ".join(f"{n}e orde {v}" for n, v in numbers)

    if kind == "week" and isinstance(value, dict):
        filled = value.get("ingevuld") if isinstance(value.get("ingevuld"), dict) else {}
        parts = []
        for key, title in WEEK_COLUMNS:
            shares = value.get(key)
            if filled.get(key) is False or not isinstance(shares, list) or len(shares) != 4:
                parts.append(f"{title}: {NOT_FILLED_IN}")
            else:
                parts.append(f"{title}: " + orders((n, f"{v} %") for n, v in enumerate(shares, 1)))
        return "; ".join(parts) + "."
    if kind == "volgorde":
        return SHUFFLED_ORDER[0].upper() + SHUFFLED_ORDER[1:] + "."
    if kind == "sorting" and isinstance(value, dict) and isinstance(value.get("label"), str):
        text = value["label"]
        if value.get("checked") is False:
            text += SORTED_UNCHECKED
        per = value.get("per_order_correct")
        if isinstance(per, dict) and per:
            text += "; goed per orde: " + orders((k, v) for k, v in sorted(per.items()))
        return text + "." + _sorting_choices(value.get("answers"))
    return None


def _sorting_choices(answers) -> str:
    """The student's order per activity, one line each (for the teacher), or "" when unknown."""
    if not isinstance(answers, dict) or not answers:
        return ""
    try:
        from .data import sorting  # the activity texts; read only when a portfolio is written

        activities = {a.id: a for a in sorting().activities}
    except Exception:  # noqa: BLE001 - no activity texts: the ids stand in for them
        activities = {}
    lines = []
    for aid, chosen in answers.items():
        act = activities.get(aid)
        if not isinstance(chosen, int) or isinstance(chosen, bool):
            continue
        if act is None:
            lines.append(SORTED_UNKNOWN.format(id=aid, order=chosen))
            continue
        mark = SORTED_RIGHT if chosen in act.accepted else SORTED_WRONG.format(
            right=" of ".join(f"{o}e" for o in act.accepted))
        lines.append(SORTED_LINE.format(text=act.text, order=chosen, mark=mark))
    return ("\n" + SORTED_HEAD + "\n" + "\n".join(lines)) if lines else ""
