"""Every fixed Dutch word of the teacher's class tournament (``str.format`` fields in braces)."""
from __future__ import annotations

ANONYMOUS = "anoniem"
#: The label of a student's strategy in every table and chart.
LABEL = "{name} ({who})"
CHARACTER = "personage"

NO_FOLDER = "map {folder} bestaat niet"
SKIPPED_FILE = "bestand {file} overgeslagen: {reason}"
SKIPPED_TIME = "bestand {file}, antwoord {n}: strategie overgeslagen: ongeldig tijdstip"
SKIPPED_DESIGN = "bestand {file}, vraag {question}: strategie overgeslagen: {reasons}"
NO_DESIGNS = "geen ontworpen strategieën gevonden"

TABLE_COLUMNS = ("plaats", "strategie", "van", "punten in totaal", "gemiddeld per ronde")
TOO_FEW = "Geen toernooi: er zijn te weinig strategieën om te spelen."
NO_HEATMAP = "Geen uitkomst: geen strategieën gevonden"
WINS = "<b>{name}</b> wint."
SHARED_FIRST = "Gedeelde eerste plaats: {names}."
FIELD = "{students} van leerlingen"
FIELD_CHARACTERS = " en {characters} uit het notebook"
SUMMARY = ("{winner} {field}; elk paar speelt {repetitions} keer een wedstrijd van {rounds} (niemand speelt tegen "
           "zichzelf), punten T {T}, R {R}, P {P}, S {S}, {noise}% kans op een vergissing per zet.")
STRATEGY = ("strategie", "strategieën")
CHARACTERS = ("personage", "personages")
ROUND = ("ronde", "rondes")
ALL_READ = "Alle bestanden zijn ingelezen; er is niets overgeslagen."
NOT_TAKEN = "<b>Niet meegenomen ({n}):</b><ul style='margin:.3em 0'>{items}</ul>"
