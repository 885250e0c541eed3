"""Every fixed Dutch word the lesson ``giving_trust`` (notebook 05) shows: labels, buttons, titles, feedback.

Texts with ``{...}`` are ``str.format`` templates; those ending in ``_HTML`` are HTML whose
placeholders are filled with already escaped text. The words of the content itself (parameters,
the Berkelland examples, the teacher's box) live in ``data/lessons/giving_trust/``.
"""
from __future__ import annotations

INTRO = ("Deze les gaat over de vijfde Social Innovation Meetup (2013): waar vertrouwen begint, de gemeente als "
         "terreinknecht, en de vraag of vertrouwen geven vertrouwen oplevert.")

# ---------------------------------------------------------------- the explorer
MORE = "Meer aannames (bewoners, teleurstelling, toeval, aantallen)"
RESET = "Terug naar de standaardaannames"
RESEED = "Nog eens, met ander toeval"
CANNOT_COMPUTE = ("Deze combinatie van aannames kan het model niet doorrekenen. Kies een andere waarde of druk op "
                  "'Terug naar de standaardaannames'.")
MODEL_FAILED = "Het model kon niet worden doorgerekend"
ROUND_AXIS = "ronde"
SHARE_AXIS = "procent"
PER_EURO_AXIS = "terug per euro"
PANEL_TITLES = ("Vertrouwen en teruggave (%)", "Terug per euro (1 = quitte)")
TRUST_NAME = "vertrouwen gemeente (%)"
RETURN_NAME = "teruggave bewoners (%)"
TIPPING_NAME = "kantelpunt (hierboven loont geven)"
PER_EURO_NAME = "terug per euro"
BREAK_EVEN = "quitte"
HOVER_TRUST = "na ronde %{x}: %{y:.0f} %<extra>vertrouwen gemeente</extra>"
HOVER_RETURN = "na ronde %{x}: %{y:.0f} %<extra>teruggave bewoners</extra>"
HOVER_PER_EURO = "ronde %{x}: %{y:.2f} per euro<extra></extra>"

OUTCOME_HTML = {
    "spiral": "<b>Een spiraal van vertrouwen.</b> Na {rounds} rondes vertrouwt de gemeente elke groep "
              "<b>{trust}</b> van haar budget toe, en geven de bewoners die wel teruggeven {back} terug. ",
    "collapse": "<b>Het vertrouwen is ingestort.</b> Na {rounds} rondes vertrouwt de gemeente nog <b>{trust}</b> "
                "toe; wie niets meer geeft, leert ook niets meer bij. ",
    "undecided": "<b>Nog niet beslist.</b> Na {rounds} rondes vertrouwt de gemeente <b>{trust}</b> toe. ",
}
CONDITION_HTML = ("<i>Kan geven hier lonen?</i> Bij vol vertrouwen komt per euro terug: (deel dat teruggeeft) × "
                  "(groei) × (teruggave bij vol vertrouwen) = {share} × {growth} × {top} = <b>{product}</b>. ")
CONDITION_YES = ("Dat is meer dan 1: vol vertrouwen kan lonen, maar alleen als het vertrouwen aan beide kanten hoog "
                 "genoeg begint; hoe dichter bij 1, hoe hoger dat begin moet zijn. ")
CONDITION_YES_ANY_START = ("Dat is meer dan 1: vol vertrouwen kan lonen. En omdat bewoners hier ook zonder veel "
                           "vertrouwen genoeg teruggeven, kan geven ook lonen als het vertrouwen van de gemeente laag "
                           "begint. ")
CONDITION_NO = ("Dat is niet meer dan 1: zelfs vol vertrouwen levert de gemeente minder op dan ze geeft, dus wie "
                "vertrouwen geeft, verliest hier, hoe hoog het ook begint. ")
TIPPING_HTML = ("Het vertrouwen van de gemeente groeit alleen zolang bewoners meer dan <b>{tip}</b> teruggeven "
                "(de stippellijn). ")
TIPPING_NEVER_HTML = "Er is geen groep die teruggeeft: geven kan hier nooit lonen. "
EXPLAIN_INTRO_HTML = ("<b>Waarom het zo loopt, bij de instellingen die nu in het vertrouwensspel staan.</b> Deze "
                      "uitleg rekent mee: verschuif hierboven een schuifje en kijk wat er verandert.")
#: After what happened in the figure: how the same game went ten times, each time with other luck and bad luck
#: (the setting "Toeval in wat terugkomt"). One such time is one "keer" throughout, never an abstract "worp".
SEEDS_HTML = ("<br>Tien keer gespeeld, elke keer met ander geluk en pech: <b>{spiral}</b> keer een spiraal, "
              "<b>{collapse}</b> keer ingestort{rest}.")
#: Under the tally: why it is always the same ten times, what one press on "Nog eens, met ander toeval" does, and
#: why the tally then often stays the same.
#: (Cut from 76 to 59 words: on a phone the longer note pushed the figure a screen below the sliders.)
SEEDS_NOTE_HTML = ("<br><span style='font-size:.9em;opacity:.85'>Het zijn steeds dezelfde tien keer (de grafiek "
                   "toont de eerste): een verschil na een schuifje komt dus door dat schuifje, niet door toeval. "
                   "Eén druk op <i>Nog eens, met ander toeval</i> ruilt de eerste keer in voor een nieuwe, en de "
                   "grafiek toont de volgende. De telling verandert alleen als de nieuwe anders afloopt dan de "
                   "afgevallen keer.</span>")
#: Instead of the tally when "Toeval in wat terugkomt" is 0: no chance, so the button is off.
NO_CHANCE_HTML = ("<br>Bij <i>Toeval in wat terugkomt</i> op 0 speelt geen toeval mee: elke keer loopt precies zo "
                  "af als in de grafiek. <i>Nog eens, met ander toeval</i> staat daarom uit; zet het toeval hoger om "
                  "te zien hoe het met ander geluk en pech had kunnen lopen.")
#: After a press on "Nog eens, met ander toeval" (until a slider moves): what that press did to the tally.
PRESS_HTML = ("<br><span style='font-size:.9em'><b>Deze druk:</b> de keer die afviel {dropped}, de nieuwe keer "
              "{new}. {effect}</span>")
PRESS_OUTCOME = {"spiral": "werd een spiraal", "collapse": "stortte in", "undecided": "bleef onbeslist"}
PRESS_SAME = "Daarom bleef de telling gelijk."
PRESS_CHANGED = "Daarom veranderde de telling."
SEEDS_REST = ", {n} keer nog onbeslist"
VALUE_HTML = " Samen gemaakt over alle rondes: <b>{value}</b> per groep bovenop het budget."
TIMES = "{x}×"

# ---------------------------------------------------------------- the breach
BREACH_TITLE = "Vertrouwen van de gemeente"
BREACH_RETURN_TITLE = "Wat bewoners teruggeven"
BREACH_MORE = "Meer aannames (begin, nemers, teleurstelling)"
NO_BREACH = "zonder breuk"
NOT_ADMITTED = "breuk, niet toegegeven"
ADMITTED = "breuk, toegegeven"
BREACH_LINE = "breuk"
HOVER_BREACH = "na ronde %{{x}}: %{{y:.0f}} %<extra>{name}</extra>"
# after "Zonder toegeven" (verb first), after "met toegeven" (the subject already named), and "Zonder breuk: ..."
BREACH_OUTCOME = {"spiral": "groeit het vertrouwen weer tot een spiraal", "collapse": "stort het vertrouwen in",
                  "undecided": "is de afloop nog niet beslist"}
BREACH_OUTCOME_AGAIN = {"spiral": "groeit het weer tot een spiraal", "collapse": "stort het in",
                        "undecided": "is het nog niet beslist"}
BREACH_BASE = {"spiral": "een spiraal van vertrouwen", "collapse": "het vertrouwen stort ook dan in",
               "undecided": "nog niet beslist"}
BREACH_HTML = ("Zonder toegeven <b>{without}</b> ({w_trust} na {rounds} rondes); met toegeven "
               "<b>{admitted}</b> ({a_trust}). ")
BREACH_SAME_HTML = "Toegeven maakt hier geen verschil voor de afloop. "
BREACH_DIFF_HTML = "Hier maakt toegeven het verschil. "
BREACH_ZERO_HTML = "Wat toegeven oplevert staat op 0 %: dan kan het ook geen verschil maken. "
BREACH_BASE_HTML = "Zonder breuk: {base}."

# ---------------------------------------------------------------- the assumptions table
ASSUMPTION_HEADS = ("aanname", "standaard", "bereik", "eenheid", "wat het betekent")

# ---------------------------------------------------------------- terreinknecht of regisseur
SPLIT_PROMPT = "Terreinknecht of regisseur: wie doet wat in de voorbeelden uit Berkelland?"
SPLIT_INTRO_HTML = ("Kies bij elke taak wie hem volgens jou zou moeten doen: de <b>gemeente</b>, de gemeente en "
                    "bewoners <b>samen</b>, of de <b>bewoners</b>. Druk daarna op <b>Vergelijk met het verslag</b>. "
                    "Er is geen score: het gaat om het verschil tussen jouw verdeling en die van Berkelland.")
COMPARE = "Vergelijk met het verslag"
HIDE_COMPARE = "Verberg de vergelijking"
CHOOSE_FIRST = "Kies eerst bij minstens één taak wie hem doet."
NOT_CHOSEN = "nog niet gekozen"
YOU = "Jij: {choice}."
REPORT = "Verslag: {choice}."
REPORT_SILENT = "Verslag: zegt het niet."
SAME = "✓ zelfde als in Berkelland"
DIFFERENT = "≠ anders dan in Berkelland"
SPLIT_SUMMARY_HTML = ("<b>Jouw verdeling:</b> {gemeente} bij de gemeente, {samen} samen, {bewoners} bij de bewoners. "
                      "<b>In het verslag</b> (van de taken waarover het iets zegt): {r_gemeente} bij de gemeente, "
                      "{r_samen} samen, {r_bewoners} bij de bewoners; over {silent} zegt het niets.")
TASKS = ("taak", "taken")
TIPS_INTRO_HTML = "<b>Harmsens tips</b>, zoals het verslag ze geeft:"
SPLIT_STATUS = {
    "empty": "Nog niet ingevuld.",
    "restored": "✓ je eerdere verdeling is teruggezet ({day} om {time})",
    "saved": "✓ opgeslagen om {time}",
    "waiting": "… wordt zo opgeslagen",
    "old_form": "Je eerdere verdeling kon niet worden teruggezet: {value}",
    "unreadable": "Je eerdere verdeling kon niet gelezen worden: {error}",
    "not_saved": "Opslaan is niet gelukt ({error}).",
}


# ---------------------------------------------------------------- saved values in words (the portfolio)
def describe_saved(kind: str, value) -> str | None:
    """A saved ``verdeling`` value in plain Dutch for the portfolio (None: not this lesson's kind)."""
    if kind != "verdeling" or not isinstance(value, dict) or not isinstance(value.get("choices"), dict):
        return None
    labels = value.get("labels") if isinstance(value.get("labels"), dict) else {}
    parts = [f"{labels.get(task, task)}: {choice}" for task, choice in value["choices"].items()
             if isinstance(choice, str)]
    return ("Verdeling van de taken tussen gemeente en bewoners: " + "; ".join(parts) + ".") if parts else \
        "Verdeling van de taken: nog niets gekozen."
