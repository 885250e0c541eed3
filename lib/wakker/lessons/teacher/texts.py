"""Every fixed Dutch word of notebook 09 (for the teacher): labels, buttons, titles and messages.

Templates use ``str.format`` fields in braces; the widgets escape what they put in. Longer or
structured content (the lesson plans, rubrics, goals) is data: ``data/lessons/<les>/in_de_les.yaml``
and ``data/notebooks.yaml``.
"""
from __future__ import annotations

INTRO = ("Over de gegevens van je studenten: wat je hier inleest, blijft waar dit notebook draait (je eigen "
         "computer, of je eigen map op de JupyterHub). Het notebook bewaart niets in de map van het werkboek; "
         "tabellen downloaden gaat via je browser naar je map Downloads. Zet 'Anoniem' aan voordat je iets op het "
         "scherm van de klas laat zien of deelt: dan staan er in elke tabel, lijst en download nummers in plaats "
         "van namen.")

# ---------------------------------------------------------------- collecting
UPLOAD = "Kies exports (.json)"
UPLOAD_HELP = ("Kies de .json-bestanden die je studenten inleverden (je kunt er veel tegelijk kiezen), of geef "
               "hieronder de map waar ze staan. Kies je later nog eens bestanden (ingeleverd werk dat te laat "
               "binnenkwam) of lees je daarna een map, dan komen die erbij: wat al was ingelezen, blijft staan. Een "
               "bestand dat je twee keer kiest, telt één keer. Wil je met een lege lijst beginnen, gebruik dan "
               "'Begin opnieuw (alles wissen)'.")
FOLDER = "Map:"
FOLDER_PLACEHOLDER = "bijvoorbeeld /home/jij/inleveren"
READ_FOLDER = "Lees de map"
CLEAR = "Begin opnieuw (alles wissen)"
CLEARED = "Alles wat was ingelezen is gewist. Kies opnieuw bestanden of een map."
FILES = ("bestand", "bestanden")
ADDED = "Er kwamen {added} bij; in totaal zijn nu {total} bestanden gekozen (hieronder wat ermee gebeurde)."
ALREADY_READ = "{n} had je al eerder gekozen; die tellen niet dubbel."
EXAMPLE_REPLACED = "De voorbeeldklas is vervangen door je eigen bestanden."
CLASS_LIST = "Klassenlijst:"
CLASS_LIST_PLACEHOLDER = "Plak hier de namen van je klas, één per regel (mag leeg blijven)"
ANONYMOUS = "Anoniem (namen vervangen door nummers)"
NOTHING_YET = "Nog niets ingelezen. Kies bestanden of geef een map."

NO_FOLDER_GIVEN = "Geef eerst de map met de ingeleverde bestanden."
NO_FOLDER = ("De map '{folder}' is niet gevonden. Ik zocht in {tried}. Controleer de naam, of plak het pad dat "
             "'Copy Path' geeft (zie de tip hierboven); er is niets ingelezen.")
FOLDER_TIP = ("Tip: klik in de bestandenlijst links met de rechtermuisknop op de map, kies 'Copy Path' en plak dat "
              "hier. Een naam zonder de hele weg ervoor zoekt het notebook in zijn eigen map, dan in de mappen "
              "daarboven tot en met je persoonlijke map; in het verslag staat welke map is gelezen.")
FOLDER_READ = "Gelezen: de map '{path}'."
NOT_A_FOLDER = "'{folder}' is een bestand, geen map. Geef de map met de ingeleverde bestanden."
FOLDER_UNREADABLE = "De map '{folder}' kon niet gelezen worden (geen toegang?); er is niets ingelezen."
EMPTY_FOLDER = "De map '{folder}' is leeg: er staan geen bestanden in. Zet de .json-bestanden van je klas erin."
TOO_MANY = ("Dat zijn {n} bestanden; meer dan {max} tegelijk leest dit notebook niet in. Kies alleen de "
            ".json-bestanden van één klas; er is niets ingelezen.")

SUBFOLDER = "Dit is een map; alleen de bestanden direct in de gekozen map worden gelezen."
UNREADABLE = "Het bestand kon niet gelezen worden; vraag de student het opnieuw te exporteren."
NOT_JSON = ("Dit is geen .json-bestand; vraag de student het .json-bestand van de export in te leveren, niet de "
            "HTML of Markdown.")
TOO_BIG = "Het bestand is te groot ({size}); een export is hooguit een paar honderd kB, dus dit is vast een ander bestand."
EMPTY_FILE = "Het bestand is leeg; vraag de student het opnieuw te exporteren."
FILE_N = "bestand {n}"
STUDENT_N = "student {n}"
NO_NAME = "zonder naam ({file})"
LABEL_DUP = "{name} ({n})"  # one name in several workbooks; the file names are in the report of step 1
NAME_HIDDEN = "[naam]"
CONFLICT = ("{n} bestanden ({files}) noemen dezelfde naam '{student}', maar komen uit verschillende werkboeken. "
            "In de tabellen zijn dat {students}. Het kunnen verschillende studenten zijn; er is niets vervangen. Is "
            "het één student, haal dan het verkeerde bestand weg en begin opnieuw.")
CONFLICT_ANON = ("{n} bestanden ({files}) noemen dezelfde naam, maar komen uit verschillende werkboeken. In de "
                 "tabellen zijn dat {students}. Het kunnen verschillende studenten zijn; er is niets vervangen.")
AND = " en "

SUMMARY = "<b>{read}</b> ingelezen{example}, <b>{students}</b> in het overzicht, <b>{skipped}</b> overgeslagen."
SUMMARY_EXAMPLE = " (voorbeeldklas, verzonnen)"
READ_HEAD = "Ingelezen ({n})"
SKIPPED_HEAD = "Overgeslagen ({n})"
CONFLICT_HEAD = "Let op: dezelfde naam in meer dan één werkboek ({n})"
MERGED = ("Samengevoegd ({n}): meerdere exports uit hetzelfde werkboek; van elk antwoord telt de nieuwste versie, "
          "er gaat niets verloren: {files}.")
MISSING_HEAD = "Niets ingeleverd ({n} van de klassenlijst)"
MISSING_ANON = "{n} van de klassenlijst {verb} niets ingeleverd (namen verborgen, want Anoniem staat aan)."
STUDENTS = ("student", "studenten")
HAVE = ("heeft", "hebben")
ALL_HANDED_IN = "Iedereen van de klassenlijst heeft iets ingeleverd."
FILE_READ = "{file} → {student}"
FILE_SKIPPED = "{file}: {reason}"
UPLOAD_FAILED = "De bestanden konden niet ontvangen worden. Kies ze opnieuw, of gebruik de map."

# ---------------------------------------------------------------- overview
OVERVIEW_NOTEBOOK = "Notebook:"
OVERVIEW_EMPTY = "Lees eerst exports in (hierboven); dan verschijnt hier het overzicht."
NO_ANSWERS = "Voor dit notebook staan nog geen antwoorden in de ingelezen exports."
ANSWERED_HEAD = "Hoeveel studenten antwoordden per vraag"
ANSWERED_COLUMNS = ("vraag", "id", "soort", "beantwoord", "van")
CHOICE_HEAD = "Keuzes en schalen: de verdeling"
CHOICE_COLUMNS = ("vraag", "id", "antwoord", "aantal", "procent van wie antwoordde", "beantwoord", "van")
CHOICE_NOTE = ("Het <i>procent</i> is het deel van de studenten die de vraag beantwoordden (kolom <i>beantwoord</i>), "
               "niet van iedereen die een export inleverde (kolom <i>van</i>).")
SCALE_ANSWER = "{point}"
SCALE_END = "{point} ({label})"
MEAN = "gemiddeld {mean}"
NUMBERS_HEAD = "Zelfscans en andere getallen: gemiddelden"
NUMBERS_COLUMNS = ("vraag", "id", "onderdeel", "gemiddelde", "aantal")
CATEGORIES_HEAD = "Keuzes binnen een opdracht"
CATEGORIES_COLUMNS = ("vraag", "id", "onderdeel", "keuze", "aantal")
SORTING_HEAD = "Sorteerspel: waarover is de klas het oneens?"
SORTING_COLUMNS = ("activiteit", "1e orde", "2e orde", "3e orde", "4e orde", "meest gekozen", "oneens", "aantal")
SORTING_NOTE = ("<i>oneens</i> is het deel van de klas dat níet de meest gekozen orde koos: 0 % is eensgezind, "
                "hoe hoger hoe meer verdeeld. Bespreek de bovenste regels.")
WEEK_HEAD = "Mijn week: nu en gewenst (gemiddeld)"
WEEK_COLUMNS = ("orde", "nu (%)", "gewenst (%)", "verschil", "aantal nu", "aantal gewenst")
ORDER = "{n}e orde"
STRATEGY_HEAD = "Ontworpen strategieën (notebook 07)"
STRATEGY_COLUMNS = ("student", "naam van de strategie", "begint met", "na CC", "na CD", "na DC", "na DD")
FIGURE_QUESTION = "Grafiek van:"
FIGURE_TITLE = "{prompt}"
FIGURE_X = "aantal studenten"
OPEN_HEAD = "Open antwoorden"
OPEN_QUESTION = "Vraag:"
OPEN_FILTER = "Zoek:"
OPEN_FILTER_PLACEHOLDER = "woord in het antwoord (mag leeg blijven)"
OPEN_COUNT = "{shown} van {total} antwoorden"
OPEN_NONE = "Geen open antwoorden bij deze vraag (of geen die het zoekwoord bevatten)."
OPEN_COLUMNS = ("student", "antwoord")
CSV_LABEL = "{title} (CSV)"
#: Above a table of the overview, on a phone only (the kit shows it where the table is wider than the screen).
TABLE_SCROLL_HINT = "↔ Schuif de tabel opzij: rechts staan de aantallen."
CSV_NOTE = "De CSV-bestanden openen in Excel (puntkomma's en decimale komma's) en gaan naar je map Downloads."
KIND_WORDS = {"text": "open", "scale": "schaal", "choice": "keuze", "sorting": "sorteerspel", "week": "mijn week",
              "strategy": "strategie", "scan": "zelfscan"}
TRUE_FALSE = ("ja", "nee")

PROGRESS_HEAD = "Wie heeft wat gedaan"
PROGRESS_STUDENT = "student"
PROGRESS_TOTAL = "totaal"
#: A column of the progress table: the notebook's number (or "totaal") and how many questions there are to answer
PROGRESS_OF = "{head} (van {n})"
EXAMPLE_BUTTON = "Probeer met een voorbeeldklas"
EXAMPLE_BUSY = "Een voorbeeldklas wordt gemaakt…"
EXAMPLE_DONE = ("✓ Een verzonnen klas van {n} studenten is ingelezen (met willekeurige antwoorden). Kies daarna je "
                "eigen bestanden: die vervangen de voorbeeldklas.")

# ---------------------------------------------------------------- tournament
TOURNAMENT_BUTTON = "Speel het klassentoernooi"
TOURNAMENT_INTRO = ("Het toernooi speelt de strategieën die je studenten in notebook 07 ontwierpen tegen elkaar en "
                    "tegen de personages van dat notebook, met de instellingen van het notebook (10 rondes, de punten "
                    "van Nicky Case, geen vergissingen).")
TOURNAMENT_EMPTY = "Lees eerst exports in (hierboven); dan kun je het toernooi spelen."
TOURNAMENT_NONE = "In de ingelezen exports staat geen ontworpen strategie (notebook 07)."
EXPORTS = ("ingelezen export", "ingelezen exports")
TOURNAMENT_SKIPPED = "Het toernooi gebruikt de {n}; {k} {were} overgeslagen (zie het verslag bij stap 1)."
WERE = ("zijn", "is")
TOURNAMENT_ALL = "Het toernooi gebruikt de {n}; bij stap 1 is geen bestand overgeslagen."
TOURNAMENT_CLEARED = ("Het toernooi is gewist, omdat er bij stap 1 iets veranderde (bestanden, klassenlijst of "
                      "Anoniem). Speel het opnieuw.")
TOURNAMENT_FAILED = "Het toernooi kon niet gespeeld worden door een onverwachte fout. Probeer het nog eens."

# ---------------------------------------------------------------- plans
PLAN_NOTEBOOK = "Lesplan voor:"
PLAN_OPEN = "Lesplan, opdrachten en rubric"  # + the kit's "(klik om te openen)" while it is closed
PLAN_GOALS = "Leerdoelen"
PLAN_SESSIONS = "Lesplan"
PLAN_RUBRIC = "Rubric voor een reflectie"
PLAN_NO_LESSON = "Dit notebook heeft (nog) geen lesplan."
PLAN_NOT_READY = "Dit notebook is nog in voorbereiding; het lesplan kan nog veranderen."
PLAN_HEADINGS = {
    "pairs": "In tweetallen en groepjes",
    "plenary": "Plenaire vragen",
    "watch": "Let op",
    "compare": "Kijk daarna in het overzicht naar",
}
MINUTES = "{m} min"
SESSION_TIME = "{name} — {minutes} minuten"

# ---------------------------------------------------------------- links
HUB = "JupyterHub:"
HUB_PLACEHOLDER = "https://jupyterhub.jouwschool.nl"
FORK = "Eigen kopie (fork):"
FORK_PLACEHOLDER = "mag leeg blijven, bijvoorbeeld https://github.com/jouwschool/wakker-werkboek"
MAKE_LINKS = "Maak de links"
LINKS_COLUMNS = ("notebook", "JupyterHub (nbgitpuller)", "Binder", "zonder code (Binder)")
LINKS_NOTE = ("Kopieer een link en plak hem in je leeromgeving. De JupyterHub-link haalt het werkboek op in de map van "
              "de student en opent het notebook; eerdere antwoorden blijven staan.")
LINKS_MADE = "✓ Links gemaakt voor {hub}{fork}."
LINKS_FORK = " met de kopie {fork}"
LINKS_CSV = "alle links"
