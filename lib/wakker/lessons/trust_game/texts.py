"""Every fixed Dutch word the widgets of notebook 07 show: labels, buttons, titles, presets and
feedback templates (``str.format`` fields in braces; the widgets escape what they put in).

The characters' names and rules are data (``data/lessons/trust_game/characters.yaml``); the
model's structured problems are put into words by :func:`payoff_problem` and
:func:`design_problem`.
"""
from __future__ import annotations

from ...core import dutch
from ...models.prisoners_dilemma import Problem

# --------------------------------------------------------------------------- shared

ERROR_CHARACTERS = "De personages konden niet geladen worden: {error}"
NOT_BUILT = "Dit onderdeel kon niet worden opgebouwd: {error}"
NO_RESULT = "Geen uitkomst: pas eerst de instellingen aan (zie de melding hierboven)"
ROUNDS_LABEL = "Rondes per wedstrijd:"
REPETITIONS_LABEL = "Herhalingen per paar:"
NOISE_LABEL = "Kans op vergissing (%):"
#: Under the tournament's sliders: what "Herhalingen per paar" means (lesson guide M4).
REPETITIONS_NOTE = ("<div style='margin:.2em 0 .4em;line-height:1.4;font-size:.95em'><b>Herhalingen per paar</b>: "
                    "hoe vaak twee personages een hele wedstrijd tegen elkaar spelen; de punten worden gemiddeld. "
                    "Zonder vergissingen maakt dat weinig uit. Met vergissingen (en bij de Gokker) speelt toeval mee: "
                    "hoe meer herhalingen, hoe minder de uitslag afhangt van één keer geluk of pech.</div>")
ROUND = ("ronde", "rondes")
STRATEGY = ("strategie", "strategieën")
CHARACTER = ("personage", "personages")
PLAYER = ("speler", "spelers")

# --------------------------------------------------------------------------- characters table

#: After a character's name: its name in Nicky Case's explorable (English, as the students who played it know it).
CHARACTER_CASE = "bij Nicky Case: <i>{name}</i>"

# --------------------------------------------------------------------------- one-shot game and dominance

YEARS_NONE = "gaat vrijuit"
YEARS_ONE = "krijgt 1 jaar cel"
YEARS_MANY = "krijgt {n} jaar cel"
CHOICE = {"silent": "zwijgen", "betray": "verraden"}
A_DOES = {"silent": "A zwijgt", "betray": "A verraadt"}
B_DOES = {"silent": "B zwijgt", "betray": "B verraadt"}
B_VERB = {"silent": "zwijgt", "betray": "verraadt"}
YEARS_CELL = "A: {a} jaar{mark}<br><span style='opacity:.75'>B: {b} jaar</span>"

B_MODE_LABEL = "Verdachte B:"
B_MODES = (("B kiest zelf (toeval)", "random"), ("B zwijgt", "silent"), ("B verraadt", "betray"))
SILENT_BUTTON = "Zwijgen"
SILENT_TIP = "Je houdt je mond: je werkt samen met B"
BETRAY_BUTTON = "Verraden"
BETRAY_TIP = "Je wijst B aan bij de officier"
ONE_SHOT_START = "Jij bent verdachte A. Kies: <b>zwijgen</b> of <b>verraden</b>?"
YOUR_CHOICE = "<b>Jouw keuze als A:</b>&nbsp;"
BAD_CHOICE = "kies 'silent' of 'betray'"
A_DID = {"silent": "Jij zweeg", "betray": "Jij verraadde B"}
B_DID = {"silent": "B zweeg", "betray": "B verraadde jou"}
ONE_SHOT_TOTAL = "<br><span style='opacity:.8'>Na {n} keer spelen: jij in totaal {a} jaar, B {b} jaar.</span>"
ONE_SHOT_RESULT = "{a_did}. {b_did}. <b>Jij {a_years}, B {b_years}.</b>{total}"

SUPPOSE = (("Stel: B zwijgt", "silent"), ("Stel: B verraadt", "betray"))
DOMINANCE_START = "Kies hierboven wat B doet. Vergelijk dan de twee keuzes van A."
DOMINANCE_STEP = ("Als B {b}: zwijgt A, dan krijgt A <b>{silent} jaar</b>; verraadt A, dan <b>{betray} jaar</b>. "
                  "Voor A is <b>{better}</b> dus beter ({difference} jaar minder).")
DOMINANCE_END = ("<b>Wat B ook doet: voor A is {choice} steeds beter.</b> Zo'n keuze heet <i>dominant</i>. "
                 "Voor B geldt precies hetzelfde. Maar als ze allebei zo redeneren, krijgen ze elk 5 jaar, "
                 "terwijl samen zwijgen maar 1 jaar elk had gekost. Dat is het dilemma.")

# --------------------------------------------------------------------------- order of rewards

PAYOFF_HEAD = ("letter", "naam", "wanneer?", "in de blog (jaren cel)", "in dit notebook (punten)")
#: letter, Dutch name (with the English word the letter comes from), when
PAYOFF_ROWS = (
    ("T", "verleiding (<i>temptation</i>)", "jij verraadt, de ander werkt samen"),
    ("R", "beloning (<i>reward</i>)", "jullie werken allebei samen"),
    ("P", "straf (<i>punishment</i>)", "jullie verraden allebei"),
    ("S", "sukkel (<i>sucker's payoff</i>)", "jij werkt samen, de ander verraadt"),
)
PAYOFF_YEARS = "{years} jaar ({points})"
#: Above that table, shown only on a narrow screen (the kit's class wakker-schuif-hint), where it scrolls sideways.
PAYOFF_SCROLL_HINT = "↔ Schuif de tabel opzij: rechts staan de jaren uit de blog en de punten."
PAYOFF_FREE = "vrijuit (0)"

# --------------------------------------------------------------------------- repeated game

OPPONENT_LABEL = "Tegenstander:"
HIDDEN_OPPONENT = "Onbekend personage (raad wie het is)"
COOPERATE_BUTTON = "Samenwerken"
DEFECT_BUTTON = "Verraden"
AGAIN_BUTTON = "Opnieuw beginnen"
YOU = "Jij"
OPPONENT = "Tegenstander"
SCORE_TITLE = "Punten tot nu toe"
ROUND_AXIS = "ronde"
POINTS_AXIS = "punten"
POINTS_LEGEND = ("Punten per ronde — allebei samenwerken: <b>{R}</b> elk · jij verraadt, de ander niet: "
                 "jij <b>{T}</b>, de ander <b>{S}</b> · allebei verraden: <b>{P}</b> elk.")
HIDDEN_RULE = "<i>Je weet niet wie je tegenover je hebt. Speel de rondes en raad het; aan het eind hoor je het.</i>"
FIRST_ROUND = "Ronde 1 van {rounds}: wat doe jij?"
NEXT_ROUND = "Ronde {round} van {rounds}: wat doe jij? (stand: jij {me}, {opponent} {them})"
MOVE = {"C": "samen", "D": "verraad"}
MOVES_HEAD = ("ronde", "jij", "punten jij / ander")
#: Above the round-by-round table once it is wider than a phone's column; shown only on a narrow screen (the kit's
#: class wakker-schuif-hint). Worded as a question: between a phone and 640 px the table may still fit.
MOVES_SCROLL_HINT = "↔ Zie je niet alle rondes? Schuif de tabel opzij."
BAD_MOVE = "kies 'C' (samenwerken) of 'D' (verraden)"
MATCH_OVER = "Deze wedstrijd is klaar. Klik op <b>Opnieuw beginnen</b> of kies een andere tegenstander."
REVEAL = "<br>Je speelde tegen de <b>{name}</b>: {rule}"
#: "punten" before the numbers: a score can be 1 or −1 ("−1 punten" reads wrong).
MATCH_RESULT = ("<b>Klaar!</b> Punten: jij <b>{me}</b>, {opponent} <b>{them}</b>, "
                "samen {together}.{reveal}")

# --------------------------------------------------------------------------- tournament

RANKING_HEAD = ("plaats", "personage", "punten in totaal", "gemiddeld per ronde")
TOURNAMENT_TITLE = "Wie wint van wie? Gemiddelde punten per ronde (rij tegen kolom)"
HEATMAP_HOVER = "%{y} tegen %{x}: %{customdata} punten per ronde<extra></extra>"
HEATMAP_SCALE = "punten per ronde"
HEATMAP_X = "tegenstander (kolom)"
#: On a phone the columns are numbered as the rows are ("1 Spiegel"); the hover names the row and that number.
HEATMAP_X_PHONE = "tegenstander (nummer)"
HEATMAP_HOVER_PHONE = "%{y} tegen nummer %{x}: %{customdata} punten per ronde<extra></extra>"
WHO_PLAYS = "<b>Wie doen er mee?</b>"
TOURNAMENT_MORE_LABEL = "Meer instellingen (wie doen er mee, herhalingen per paar)"
TOO_FEW_CHARACTERS = "Kies minstens twee personages: anders valt er niets te spelen."
WINS = "<b>{name}</b> wint"
SHARED_FIRST = "gedeelde eerste plaats: {names}"
#: Above the ranking; shown only on a narrow screen (the kit's class wakker-schuif-hint), where it scrolls sideways
#: (the heat map fits there).
SCROLL_HINT = "↔ Schuif de ranglijst opzij om alles te zien."
TOURNAMENT_SUMMARY = ("{winner} — {n} personages, elk paar speelt {repetitions} keer een wedstrijd van "
                      "{rounds}, {noise} % kans op een vergissing per zet.")
#: Above the ranking after a press on "Nog eens, met ander toeval": the winners of every draw at these settings
#: (a new tally starts when a setting moves).
TALLY = "Met deze instellingen {draws} keer gespeeld, elke keer met ander toeval. Wie won: {winners}."
TALLY_PART = "{name} {times}×"
SHARED = "{names} (gedeeld)"
AND = " en "

# --------------------------------------------------------------------------- evolution

#: Start populations of 25 players: key -> Dutch label (the counts are in the widgets module).
PRESET_LABELS = {
    "goedgelovig": "15 Goedzakken, 5 Valsspelers, 5 Spiegels",
    "weinig-spiegels": "20 Valsspelers, 5 Spiegels",
    "alle-acht": "De acht personages van Nicky Case (3 van elk, 4 Spiegels)",
    "vergevers": "Spiegels, vergevers en Valsspelers (elk 5)",
}
EVOLUTION_TITLE = "Hoe verandert de bevolking?"
SANDBOX_TITLE = "Zandbak: hoe verandert de bevolking?"
METHODS = {"case": "Stap voor stap (zoals Nicky Case)", "replicator": "Vloeiend (naar gemiddelde score)"}
PRESET_LABEL = "Beginbevolking:"
EXPERIMENT_LABEL = "Kies een proef:"
MORE_LABEL = "Meer instellingen (bevolking, manier, generaties)"
#: The experiments of the evolution part: key -> Dutch label (the settings are in the widgets module).
EXPERIMENT_LABELS = {
    "begin": "Begin: 15 Goedzakken, 5 Valsspelers, 5 Spiegels; 10 rondes",
    "kort": "Proef 1: korte contacten (3 rondes)",
    "winst": "Proef 2: samenwerken levert weinig op (6 rondes, R = 1,2)",
    "vergissingen": "Proef 3: vergissingen (de acht personages, 5 %)",
    "eigen": "Eigen instellingen",
}
METHOD_LABEL = "Manier:"
REWARD_LABEL = "Beloning samenwerken (R):"
REPLACE_LABEL = "Vervangen per generatie:"
GENERATIONS_LABEL = "Aantal generaties:"
RESEED_BUTTON = "Nog eens, met ander toeval"
#: Under "Nog eens, met ander toeval" when it is switched off, per way of evolving: nothing is left to chance
#: ({names}: the characters that draw their moves, "Gokker of Gulle spiegel").
NO_CHANCE = {
    "replicator": ("Hier speelt geen toeval mee: bij <i>Vloeiend</i>, zonder vergissingen en zonder {names} in de "
                   "bevolking, komt er elke keer precies hetzelfde uit. Met vergissingen doet deze knop weer mee."),
    "case": ("Hier speelt geen toeval mee: zonder vergissingen en zonder {names} beslist het toeval alleen bij "
             "gelijke punten, en die kwamen hier niet voor. Er komt dus elke keer hetzelfde uit. Met vergissingen "
             "doet deze knop weer mee."),
    "tournament": ("Hier speelt geen toeval mee: zonder vergissingen en zonder {names} speelt elk paar elke keer "
                   "precies dezelfde wedstrijd, dus komt er elke keer hetzelfde uit. Met vergissingen doet deze knop "
                   "weer mee."),
}
OR = " of "
GENERATION_AXIS = "generatie"
SHARE_AXIS = "aandeel in de bevolking (%)"
SHARE_HOVER = "{name}: %{{y:.0f}}%<extra></extra>"
#: The note above the evolution chart: the four payoffs, each letter with what it stands for (English) in Dutch.
POINTS_LINE = ("Punten: T = {T} (<i>temptation</i>, verleiding: jij verraadt, de ander werkt samen), "
               "R = {R} (<i>reward</i>, beloning: allebei samenwerken), "
               "P = {P} (<i>punishment</i>, straf: allebei verraden), "
               "S = {S} (<i>sucker's payoff</i>, de sukkel: jij werkt samen, de ander verraadt). ")
EXPLAIN = {
    "case": ("Elke generatie speelt iedereen één wedstrijd tegen ieder ander; de slechtst scorenden verdwijnen "
             "en de best scorenden krijgen een kopie."),
    "replicator": ("Elke generatie groeit een personage naar verhouding van zijn gemiddelde score tegen de hele "
                   "bevolking, ook tegen zichzelf: wie beter scoort dan gemiddeld, wordt groter. Er wordt hier "
                   "niemand vervangen."),
}
#: Under the slider "Vervangen per generatie" (greyed out when the method is "Vloeiend"): why.
REPLACE_NOTE = ("<div style='margin:.1em 0 .4em;line-height:1.4;font-size:.9em;opacity:.85'>"
                "<b>Vervangen per generatie</b> hoort bij <i>Stap voor stap</i>. Bij <i>Vloeiend</i> staat het "
                "schuifje uit: daar worden geen spelers vervangen, maar groeit of krimpt elk personage geleidelijk."
                "</div>")
AFTER_GENERATIONS = "<b>Na {generations} generaties:</b> "
OUT_OF = "{count} van de {n}"
GONE = " Verdwenen: {names}."

NOT_A_PD = ("⚠ <b>Met deze punten is het geen prisoner's dilemma meer</b>, dus dit model rekent er niet mee. "
            "Wat er niet klopt:<ul style='margin:.3em 0'>{items}</ul>"
            "In een prisoner's dilemma geldt T &gt; R &gt; P &gt; S (verleiding, beloning, straf, sukkel) "
            "én 2R &gt; T + S. Pas de getallen aan.")

# --------------------------------------------------------------------------- sandbox

PAYOFF_PRESET_LABELS = {
    "case": "Nicky Case: T 3, R 2, P 0, S −1",
    "axelrod": "Axelrod: T 5, R 3, P 1, S 0",
    "jaren": "De blog: minus het aantal jaren cel",
    "eigen": "Eigen getallen",
}
PAYOFF_LABELS = {
    "T": "T, verleiding (jij verraadt, de ander werkt samen):",
    "R": "R, beloning (allebei samenwerken):",
    "P": "P, straf (allebei verraden):",
    "S": "S, sukkel (jij werkt samen, de ander verraadt):",
}
PAYOFF_PRESET_LABEL = "Puntentabel:"
OWN_PAYOFFS_HEAD = "<b>Eigen punten</b>"
POPULATION_PRESET_LABEL = "Bevolking:"
#: Start populations of the sandbox: key -> Dutch label (the counts are in the widgets module).
POPULATION_LABELS = {
    "alle-acht": "De acht personages van Nicky Case (3 van elk, 4 Spiegels)",
    "weinig-spiegels": "20 Valsspelers, 5 Spiegels",
    "een-valsspeler": "24 Goedzakken, 1 Valsspeler",
    "goedgelovig": "15 Goedzakken, 5 Valsspelers, 5 Spiegels",
    "eigen": "Eigen bevolking (onder Meer instellingen)",
}
SANDBOX_MORE_LABEL = "Meer instellingen (eigen punten, eigen bevolking)"
POPULATION_HEAD = "<b>Bevolking (aantal spelers per personage)</b>"
POPULATION = "Samen {players} (hoogstens {max})."
TOO_FEW_PLAYERS = "Zet minstens twee spelers in de bevolking."
TOO_MANY_PLAYERS = "Hoogstens {max} spelers samen (nu {n}): zet een paar schuifjes lager."
REPLACE_ONE = "Elke generatie wordt de slechtste speler vervangen door een kopie van de beste."
REPLACE_MANY = "Elke generatie worden de {n} slechtste spelers vervangen door kopieën van de {n} beste."

# --------------------------------------------------------------------------- strategy designer

PROB_OPTIONS: tuple[tuple[str, float], ...] = (
    ("samenwerken", 1.0),
    ("meestal samenwerken (9 op 10)", 0.9),
    ("vaak samenwerken (3 op 4)", 0.75),
    ("munt opgooien (1 op 2)", 0.5),
    ("soms samenwerken (1 op 4)", 0.25),
    ("zelden samenwerken (1 op 10)", 0.1),
    ("verraden", 0.0),
)
OTHER_PROBABILITY = "{percent} % kans op samenwerken"
SITUATIONS: dict[str, str] = {
    "first": "in de eerste ronde",
    "CC": "als jullie vorige ronde allebei samenwerkten",
    "CD": "als jij samenwerkte en de ander je verraadde",
    "DC": "als jij verraadde en de ander samenwerkte",
    "DD": "als jullie vorige ronde allebei verraadden",
}
DESIGN_HEAD = "<b>Wat doet jouw strategie …</b>"
NAME_LABEL = "Naam van je strategie:"
NAME_PLACEHOLDER = "bijvoorbeeld: De Voorzichtige Buurvrouw"
TEST_BUTTON = "Test tegen de personages"
SAVE_BUTTON = "Bewaar mijn strategie"
DESIGN_PROMPT = "Mijn eigen strategie voor het herhaalde prisoner's dilemma"
NAME_TOO_LONG = ("Deze naam is {length} tekens lang; er passen er {max}. Zo wordt hij bewaard: <b>{kept}</b>. "
                 "Maak hem korter als je dat niet wilt.")
SAME_AS = ("Jouw strategie doet precies hetzelfde als de <b>{name}</b>. Verander iets om een eigen strategie te "
           "maken — of kies hem bewust.")
OWN_STRATEGY = "Dit is een eigen strategie: geen van de personages doet precies dit."
NEEDS_NAME = "Geef je strategie eerst een naam (het vak 'Naam van je strategie')."
YOUR_STRATEGY = "Jouw strategie"
YOUR_STRATEGY_SUFFIX = "{name} (jouw strategie)"
VERSUS_HEAD = ("tegen", "jij per ronde", "de ander per ronde")
#: The test's result, once, next to the test button (on a narrow screen under it); the tables follow below the
#: status line. (There was a second sentence with the same places above the tables: at 390 px the two stood one under
#: the other, a reviewer.)
TEST_SHORT = ("<b>{name}</b> in een toernooi met de negen personages ({rounds} rondes per wedstrijd): "
              "<b>plaats {place} van {of}</b> zonder vergissingen, <b>plaats {place_noise} van {of_noise}</b> met "
              "5 % kans op een vergissing. De tabellen staan hieronder.")
PER_OPPONENT = "<b>Per tegenstander</b> (zonder vergissingen)"
RANKING = "<b>Ranglijst</b> (zonder vergissingen)"
SAVE_FAILED = "Bewaren lukte niet: {error}"
DESIGN_SCROLL_HINT = "↔ Zie je niet alles? Schuif de tabellen opzij."
#: Status lines of the designer (``ui.saving.SavedWidget.TEXTS``); {name} is the strategy's name.
DESIGN_STATUS = {
    "empty": "Nog niet bewaard.",
    "restored": "✓ eerder bewaard op {day} om {time}: <b>{name}</b>",
    "saved": ("✓ opgeslagen om {time}: <b>{name}</b>. Hij komt mee in je export, zodat je docent hem in een "
              "klassentoernooi kan zetten."),
    "changed": "Gewijzigd: klik op <b>Bewaar mijn strategie</b> om deze versie te bewaren.",
    "waiting": "Gewijzigd: klik op <b>Bewaar mijn strategie</b> om deze versie te bewaren.",
    "old_form": ("Er is een eerder bewaarde strategie, maar die kon niet worden teruggezet. Ontwerp hem opnieuw "
                 "en bewaar hem."),
    "unreadable": "Je eerder bewaarde strategie kon niet gelezen worden: {error}",
    "not_saved": "Bewaren lukte niet: {error}",
}

# --------------------------------------------------------------------------- the model's problems in words

_PAYOFF_RULE = "{a} moet groter zijn dan {b} (nu {a} = {x}, {b} = {y})"
_PAYOFF_WHY = {"2R>T+S": ": anders levert om beurten verraden evenveel of meer op dan samenwerken"}
_NOT_FINITE = "{name} is geen (eindig) getal"

_DESIGN = {
    "not_a_mapping": "de strategie is geen object met name, first en after",
    "no_name": "de strategie heeft geen naam",
    "no_after": "'after' ontbreekt of is geen object met CC, CD, DC en DD",
    "missing": "kans '{subject}' ontbreekt",
    "not_a_probability": "kans '{subject}' moet een getal tussen 0 en 1 zijn (nu {value})",
}


def payoff_problem(problem: Problem) -> str:
    """One problem of :meth:`Payoffs.problems` in Dutch, with Dutch numbers (``1,6``, ``−1``)."""
    if problem.code == "not_finite":
        return _NOT_FINITE.format(name=problem.subject)
    (a, x), (b, y) = problem.values
    return (_PAYOFF_RULE.format(a=a, b=b, x=dutch.compact(x, 3), y=dutch.compact(y, 3))
            + _PAYOFF_WHY.get(problem.code, ""))


def design_problem(problem: Problem) -> str:
    """One problem of :func:`design_problems` in Dutch."""
    value = dict(problem.values).get("value")
    return _DESIGN[problem.code].format(subject=problem.subject, value=repr(value))


# --------------------------------------------------------------------------- saved values in words (the portfolio)
def describe_saved(kind: str, value) -> str | None:
    """A saved ``strategy`` in plain Dutch for the portfolio (None: not this lesson's kind).

    Found by ``wakker.core.portfolio.describe`` through this lesson's entry in data/notebooks.yaml.
    """
    if kind != "strategy" or not isinstance(value, dict) or not isinstance(value.get("after"), dict):
        return None

    def does(p) -> str:
        if p == 1:
            return "samenwerken"
        if p == 0:
            return "verraden"
        return f"{dutch.compact(float(p) * 100, 1)} % kans op samenwerken"

    parts = [f"begint met {does(value['first'])}"]
    parts += [f"{SITUATIONS[k].replace(':', '')}: {does(value['after'][k])}" for k in ("CC", "CD", "DC", "DD")]
    name = str(value.get("name") or "").strip()
    return (f"“{name}”: " if name else "") + "; ".join(parts) + "."
