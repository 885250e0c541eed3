"""Every fixed Dutch word of the teacher's class tournament (``str.format`` fields in braces)."""
from __future__ import annotations

ANONYMOUS = "anoniem"
#: The label of a student's strategy in every table and chart.
LABEL = "{name} ({who})"
CHARACTER = "personage"

LABEL_FILE = "{name} ({who}, {file})"  # a student's name that more than one workbook claims
#: The column 'van' of the ranking for such a student (the strategy column then shows the name alone).
WHOSE_FILE = "{who}, {file}"

NO_FOLDER = ("De map '{folder}' bestaat niet (gezocht in {parent}). Controleer de naam van de map; "
             "er is geen toernooi gespeeld.")
DID_YOU_MEAN = " Bedoel je '{name}'?"
NOT_A_FOLDER = ("'{folder}' is een bestand, geen map. Geef de map met de ingeleverde bestanden; "
                "er is geen toernooi gespeeld.")
FOLDER_UNREADABLE = "De map '{folder}' kon niet gelezen worden; er is geen toernooi gespeeld."
NOT_JSON = "geen .json-bestand: lever het .json-bestand van je export in"
NOT_JSON_BESIDE = "geen .json-bestand; het .json-bestand van dezelfde export is {json}"
SUBFOLDER = "een map: alleen de bestanden direct in {folder} worden gelezen"
NOT_A_FILE = "geen gewoon bestand"
UNREADABLE = "het bestand kon niet gelezen worden"
TOO_LARGE = ("te groot ({size}; een export is hooguit een paar honderd kB): lever het .json-bestand van je export "
             "in, niet een ander bestand")
NO_STRATEGY = "geen ontworpen strategie in deze export (nog niets bewaard bij het ontwerpen in notebook 07?)"
OLDER = "een oudere export van {student}; de nieuwste strategie telt (uit {newer})"
HUGE_NUMBER = "de strategie bevat een getal dat veel te groot is (elke kans ligt tussen 0 en 1)"
BAD_DESIGN = "de strategie is onleesbaar"
CONFLICT = ("{n} bestanden noemen dezelfde student '{student}': {files}. Ze komen uit {workbooks} verschillende "
            "werkboeken (zonder één gemeenschappelijk antwoord; bestanden met + ertussen komen uit hetzelfde), dus "
            "het kunnen verschillende studenten zijn. Ze spelen {all} mee, met de bestandsnaam erbij; er is niets "
            "vervangen. Is het één student, haal dan het oudste bestand uit de map; zijn het verschillende "
            "studenten, laat ze met hun volledige naam opnieuw exporteren.")
CONFLICT_ALL = ("allebei", "alle {n}")
AND = " en "
CONFLICTS = "<b>Let op: dezelfde naam in meer dan één werkboek ({n}):</b><ul style='margin:.3em 0'>{items}</ul>"
SKIPPED_FILE = "bestand {file} overgeslagen: {reason}"
SKIPPED_TIME = "bestand {file}, antwoord {n}: strategie overgeslagen: ongeldig tijdstip"
SKIPPED_DESIGN = "bestand {file}, vraag {question}: strategie overgeslagen: {reasons}"
NO_DESIGNS = "geen ontworpen strategieën gevonden"

#: 'van' before 'strategie': on a phone the table scrolls sideways and a long strategy name pushed the student's
#: name past the right edge (a teacher's review); the name is what a teacher looks for first.
TABLE_COLUMNS = ("plaats", "van", "strategie", "punten in totaal", "gemiddeld per ronde")
TOO_FEW = "Geen toernooi: er zijn te weinig strategieën om te spelen."
NO_HEATMAP = "Geen uitkomst: geen strategieën gevonden"
WINS = "<b>{name}</b> wint."
SHARED_FIRST = "Gedeelde eerste plaats: {names}."
FIELD = "{students} van studenten"
FIELD_CHARACTERS = " en {characters} uit het notebook"
#: Under the summary, right above the ranking and the heat map; shown only on a narrow screen (the kit's class
#: wakker-schuif-hint), where both scroll sideways. For the teacher: where the whole result fits at once.
SCROLL_HINT = ("↔ Schuif de ranglijst opzij om alle kolommen te zien. Bespreek je de uitslag met de klas, laat hem "
               "dan zien op een breder scherm (laptop of beamer): daar past hij in de breedte en staan de namen in de "
               "kleurentabel.")
#: The heat map on a phone (class_tournament.widgets.on_phone): rows and columns numbered as the ranking's rows.
PHONE_X = "tegenstander (rij in de ranglijst)"
PHONE_Y = "rij in de ranglijst"
PHONE_SCALE = "punten per ronde"
PHONE_HOVER = "%{y}<br>tegen %{x}:<br>%{customdata} punten per ronde<extra></extra>"
#: A letter and its number, and a number and its '%', stay on one line (no-break spaces): at 390 px 'S' ended a line
#: and '−1' began the next.
SUMMARY = ("{winner} {field}; elk paar speelt {repetitions} keer een wedstrijd van {rounds} (niemand speelt tegen "
           "zichzelf), punten T\u00a0{T}, R\u00a0{R}, P\u00a0{P}, S\u00a0{S}, {noise}\u00a0% kans op een vergissing per zet.")
STRATEGY = ("strategie", "strategieën")
CHARACTERS = ("personage", "personages")
ROUND = ("ronde", "rondes")
ALL_READ = "Alle bestanden zijn ingelezen; er is niets overgeslagen."
NOT_TAKEN = "<b>Niet meegenomen ({n}):</b><ul style='margin:.3em 0'>{items}</ul>"
UNEXPECTED = ("Het toernooi kon niet gespeeld worden door een onverwachte fout. Voer de cel opnieuw uit; gaat het "
              "weer mis, haal dan de bestanden een voor een uit de map om te vinden welk bestand het veroorzaakt.")

CSV_SAVED = "✓ De ranglijst staat in {path} (voor Excel: puntkomma's en decimale komma's)."
CSV_NOTHING = "Er is geen ranglijst om te bewaren: er is geen toernooi gespeeld (zie de melding hierboven)."
CSV_FAILED = "De ranglijst kon niet bewaard worden in {path}: {reason}"
