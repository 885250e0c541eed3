"""Every fixed Dutch word the lesson ``social_innovation`` (notebook 06) shows: labels, buttons,
titles, the sentence templates of the learning gap, and saved values in words for the portfolio.

Templates use ``str.format`` fields in braces; the ``_HTML`` ones get already escaped text. The
content itself (parameter words, the village case, the listening themes) lives in
``data/lessons/social_innovation/``; quotations in ``data/excerpts/regio-zwolle-2016.yaml``.
"""
from __future__ import annotations

INTRO = ("Dit notebook gaat over een bijeenkomst van bestuurders uit de regio Zwolle in 2016: wat is sociale "
         "innovatie, waarom blijft leren achter bij verandering, en wat doe je als wethouder als twee groepen in "
         "een dorp tegenover elkaar komen te staan?")

# ---------------------------------------------------------------- associations and definition
ASSOCIATIONS_PROMPT = "Welke woorden horen voor jou bij sociale innovatie?"
ASSOCIATIONS_PLACEHOLDER = "Bijvoorbeeld: buurt, meedoen, durven, samen leren (scheid je woorden met komma's)"
ROOM_TITLE = "De zaal (Regio Zwolle, 2016)"
MINE_TITLE = "Jij"
BOTH_NOTE = "★ = ook genoemd in de zaal"
NONE_YET = "Nog geen woorden: typ ze hierboven, gescheiden door komma's."
COUNT_LINE = "{mine} van jou, {room} van de zaal, {both} gedeeld."
ASSOCIATIONS_STATUS = {
    "empty": "Nog geen woorden.",
    "restored": "✓ je eerdere woorden zijn teruggezet (opgeslagen op {day} om {time})",
}

# ---------------------------------------------------------------- the learning gap
MORE_ASSUMPTIONS = "Meer aannames (delen, begin, grens en jaren)"
RESET = "Terug naar de standaardaannames"
CANNOT_COMPUTE = "Met deze instellingen kan het model niet rekenen. Zet een schuifje terug."
MODEL_FAILED = "Het model kon niet rekenen"
PANEL_TITLES = ("Wat de wereld vraagt, wat je weet", "De kloof: vragen nog zonder antwoord")
ASKED = "wat de wereld vraagt (alles sinds de start)"
KNOWN_ALONE = "wat je weet: één gemeente alleen"
KNOWN_SHARED = "wat je weet: {n} gemeenten die delen"
GAP_ALONE = "kloof: één gemeente alleen"
GAP_SHARED = "kloof: {n} gemeenten die delen"
LIMIT = "kloof die je aankunt ({limit})"
YEAR_AXIS = "jaren na de start"
COUNT_AXIS = "aantal vragen"
GAP_AXIS = "open vragen"
#: Hover labels, in the words of the axes (plotly d3 formats, printed with the figure's Dutch separators;
#: ".2~f" drops trailing zeros: "na 2,25 jaar", "na 3 jaar"). Without them plotly shows "(2,5, 17,86505)".
HOVER = "{name}<br>na %{{x:.2~f}} jaar: %{{y:.0f}} vragen<extra></extra>"
HOVER_GAP = "{name}<br>na %{{x:.2~f}} jaar: %{{y:.0f}} open vragen<extra></extra>"

# The sentence says what the student sees, never the learning rate that is needed or why: finding that is
# task 1 and 2 of the notebook, and the reveal 'Wat zagen wij?' explains it after the student wrote (L3).
STEADY_HTML = ("Bij een <b>vast tempo</b> van {pace} nieuwe vragen per jaar en een leersnelheid van {rate} komt de "
               "kloof van één gemeente alleen op den duur uit op <b>{gap} open vragen</b>. ")
WITHIN_LIMIT_HTML = "Dat is binnen wat je organisatie aankan ({limit}). "
OVER_LIMIT_HTML = "Dat is meer dan je organisatie aankan ({limit}). "
STEADY_SHARED_HTML = ("Met <b>{n} gemeenten die delen</b> (kwaliteit {quality}, vertraging {delay} jaar) wordt de kloof "
                      "op den duur <b>{gap}</b>. ")
NO_CHANGE_HTML = ("Er komen <b>geen nieuwe vragen</b> bij. Met elke leersnelheid boven 0 verdwijnt de kloof dan op den "
                  "duur: na {years} jaar staan er nog {gap} vragen open. ")
NO_LEARNING_HTML = ("Met een leersnelheid van <b>0</b> leert je organisatie niets: de kloof groeit elk jaar met de "
                    "nieuwe vragen, ook als je deelt (de anderen leren dan ook niets). ")
SPEEDING_HTML = ("Het tempo <b>groeit {acc} % per jaar</b>: na {years} jaar komen er {pace_end} nieuwe vragen per jaar "
                 "bij in plaats van {pace}. De kloof van één gemeente alleen is dan <b>{gap} open vragen</b>{trend}. ")
SPEEDING_SHARED_HTML = "Met {n} gemeenten die delen is de kloof dan {gap}{trend}. "
TREND = {1: " en groeit nog", 0: " en blijft ongeveer gelijk", -1: " en krimpt"}
SHARE_OPEN_HTML = ("Gemeten als <b>deel</b> van alles wat de wereld sinds de start vroeg, staat na {years} jaar {share} "
                   "open (één gemeente alleen).")
RATE = "{rate} per jaar"

# ---------------------------------------------------------------- the assumptions table
ASSUMPTION_HEADS = ("aanname", "standaard", "bereik", "eenheid", "wat het betekent")

# ---------------------------------------------------------------- the village case
CASE_PROMPT = "Het dorp met twee bewegingen: jouw keuzes als wethouder"

# ---------------------------------------------------------------- the listening self-assessment
SCAN_PROMPT = "Zelfscan: de bestuurder (of professional) die luistert"
SCAN_ROUNDS = (("nu", "Nu"), ("later", "Later (over een paar weken)"))
SCAN_ROUND_LABEL = "Welke keer vul je in?"
SCAN_INTRO_HTML = ("Geef jezelf per thema een score van 1 tot 5. Denk aan je werk, je stage of een vereniging. Vul "
                   "eerst <b>Nu</b> in. Over een paar weken kies je <b>Later</b> en vul je het opnieuw in; de grafiek "
                   "legt beide naast elkaar. Alles wordt vanzelf bewaard.")
SCAN_ITEM = "{name}: {low} (1) tot {high} (5)"
SCAN_FROM = "{source}"
SCAN_TITLE = "Mijn zelfscan: nu en later"
SCAN_NOT_YET = "{round}: nog niet ingevuld"
SCAN_FILLED = "{round}: {count} van de {total} thema's ingevuld"
SCAN_STATUS = {
    "empty": "Nog niet ingevuld.",
    "restored": "✓ je eerdere scores zijn teruggezet (opgeslagen op {day} om {time})",
    "old_form": "Je eerdere scores konden niet worden teruggezet; vul ze opnieuw in.",
}


# ---------------------------------------------------------------- saved values in words (the portfolio)
def describe_saved(kind: str, value) -> str | None:
    """A saved ``associations`` or ``scan`` value in plain Dutch for the portfolio (None: not this lesson's kind).

    Found by ``wakker.core.portfolio.describe`` through this lesson's entry in data/notebooks.yaml.
    """
    if kind == "associations" and isinstance(value, dict) and isinstance(value.get("words"), list):
        words = [w for w in value["words"] if isinstance(w, str)]
        return "Mijn woorden: " + (", ".join(words) if words else "(geen)") + "."
    if kind == "scan" and isinstance(value, dict) and isinstance(value.get("label"), str):
        return value["label"]
    return None
