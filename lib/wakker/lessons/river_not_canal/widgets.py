"""The exercise widgets of notebook 03, built on the shared kit (:mod:`wakker.ui`).

Content comes from :mod:`.data`, every fixed Dutch word from :mod:`.texts`; this module only
arranges and shows. A problem never shows a traceback but a Dutch message in the widget, and a
student's answer is kept even when part of it cannot count.
"""
from __future__ import annotations

import html
from typing import Any

from wakker.ui.lean import widgets as w

from ...core.data import ContentError
from ...ui.questions import Choice
from ...ui.saving import SavedWidget
from ...ui.style import STYLES, error_html, front_end, notice_html, styled
from ...ui.view import failed_box
from . import data, texts

NOTEBOOK = "03_boek_deel2_de_straat_op"
CASES = 3


# ---------------------------------------------------------------- Rivier of kanaal?
def _case_valid(c: Any) -> bool:
    return (isinstance(c, dict) and isinstance(c.get("name"), str)
            and (c.get("place") is None or c.get("place") in texts.RIVER_PLACES)
            and (c.get("approach") is None or c.get("approach") in texts.APPROACHES)
            and isinstance(c.get("why", ""), str))


class RiverOrCanal(SavedWidget):
    """Up to three cases from the student's work: a name, a place from canal (1) to river (5), an approach
    and why. Saved as ``{"cases": [{"name", "place", "approach", "why"}], "label"}`` shortly after typing
    stops (notebook 09 compares the places and approaches of a class). Every touched case is saved, also
    one without a name yet; a missing or too long name gives a Dutch hint, never a lost answer."""

    kind = "rivier"
    TEXTS = {**SavedWidget.TEXTS, **texts.RIVER_STATUS}

    def __init__(self, page, qid: str = "rivier-of-kanaal"):
        super().__init__(page, qid, texts.RIVER_PROMPT)
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        self.names, self.places, self.approaches, self.whys, self.feedback = [], [], [], [], []
        rows = [w.HTML(styled("vraag", html.escape(texts.RIVER_PROMPT))),
                w.HTML(f'<div style="line-height:1.45">{texts.RIVER_INTRO_HTML}</div>')]
        for n in range(1, CASES + 1):
            name = w.Text(placeholder=texts.RIVER_NAME_PLACEHOLDER, tooltip=texts.RIVER_NAME.format(n=n),
                          continuous_update=True, layout=dict(width="100%", max_width="30em"))
            place = w.ToggleButtons(options=[(v, k) for k, v in texts.RIVER_PLACES.items()], value=None,
                                    tooltip=texts.RIVER_PLACE.format(n=n), style={"button_width": "auto"},
                                    _dom_classes=(f"wakker-rivier-plek-{n}",))
            approach = w.ToggleButtons(options=[(v, k) for k, v in texts.APPROACHES.items()], value=None,
                                       tooltip=texts.RIVER_APPROACH.format(n=n), style={"button_width": "auto"},
                                       _dom_classes=(f"wakker-rivier-aanpak-{n}",))
            why = w.Textarea(placeholder=texts.RIVER_WHY_PLACEHOLDER, rows=2, tooltip=texts.RIVER_WHY.format(n=n),
                             continuous_update=True, layout=dict(width="100%"))
            for x in (name, place, approach, why):
                x.observe(self.changed, names="value")
            fb = w.HTML()
            self.names.append(name)
            self.places.append(place)
            self.approaches.append(approach)
            self.whys.append(why)
            self.feedback.append(fb)
            case = w.VBox([w.HTML(f"<b>{html.escape(texts.RIVER_CASE.format(n=n))}</b>"), name,
                           w.HTML(styled("status", html.escape("kanaal (1) … rivier (5)"), "div")), place,
                           approach, why, fb],
                          layout=dict(border="1px solid rgba(128,128,128,.3)", padding=".3em .7em",
                                          margin=".4em 0", width="100%"), _dom_classes=(f"wakker-rivier-{n}",))
            rows.append(case)
        self.summary = w.HTML()
        self.hints = w.HTML()  # a missing or too long name (self.message keeps an old answer that did not fit)
        self.input = w.VBox(rows[2:])
        front_end()
        self.box = w.VBox([*rows, self.summary, self.hints, self.message, self.status],
                          layout=dict(width="100%", max_width="52em", margin=".5em 0 1em 0"),
                          _dom_classes=("wakker-rivier-of-kanaal",))
        self.restore()
        self._draw()

    def set_case(self, n: int, name: str | None = None, place: int | None = None, approach: str | None = None,
                 why: str | None = None) -> None:
        """Fill case ``n`` (1-3) as a student would (each change saves)."""
        i = n - 1
        if name is not None:
            self.names[i].value = name
        if place is not None:
            self.places[i].value = place
        if approach is not None:
            self.approaches[i].value = approach
        if why is not None:
            self.whys[i].value = why

    def _touched(self, i: int) -> bool:
        return bool(self.names[i].value.strip() or self.places[i].value is not None
                    or self.approaches[i].value is not None or self.whys[i].value.strip())

    def cases(self) -> list[dict]:
        """Every case the student touched (also one without a name yet: nothing typed is lost)."""
        return [{"n": i + 1, "name": " ".join(self.names[i].value.split()), "place": self.places[i].value,
                 "approach": self.approaches[i].value, "why": self.whys[i].value.strip()}
                for i in range(CASES) if self._touched(i)]

    def label(self) -> str:
        parts = []
        for c in self.cases():
            place = texts.RIVER_PLACES[c["place"]] if c["place"] else "nog geen plek"
            approach = texts.APPROACHES.get(c["approach"], "nog geen aanpak")
            name = c["name"] or texts.RIVER_CASE.format(n=c["n"])
            parts.append(f"{name} ({place}; {approach})" + (f": {c['why']}" if c["why"] else ""))
        return "; ".join(parts) + "." if parts else texts.RIVER_NONE

    def value(self):
        return {"cases": self.cases(), "label": self.label()}

    def notices(self) -> list[str]:
        """Dutch hints about a case that is not complete or too long; the answer is saved anyway."""
        out = []
        for c in self.cases():
            if not c["name"]:
                out.append(texts.RIVER_NEEDS_NAME.format(n=c["n"]))
            elif len(c["name"]) > data.MAX_NAME:
                out.append(texts.RIVER_TOO_LONG.format(n=c["n"], max=data.MAX_NAME))
        return out

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("cases"), list) \
                or not all(_case_valid(c) for c in value["cases"]) or len(value["cases"]) > CASES:
            raise ValueError("not saved cases")
        for i in range(CASES):
            self.names[i].value, self.places[i].value, self.approaches[i].value, self.whys[i].value = "", None, None, ""
        for k, c in enumerate(value["cases"]):
            n = c.get("n", k + 1)
            i = n - 1 if isinstance(n, int) and 1 <= n <= CASES else k
            self.names[i].value = c["name"]
            self.places[i].value = c.get("place")
            self.approaches[i].value = c.get("approach")
            self.whys[i].value = c.get("why", "")

    def after_change(self, value):
        self._draw()

    def _draw(self) -> None:
        for i in range(CASES):
            key = data.river_fit(self.places[i].value, self.approaches[i].value)
            self.feedback[i].value = styled("feedback", html.escape(texts.RIVER_FIT[key])) if key else ""
        count = sum(1 for c in self.cases() if c["name"] and c["place"] and c["approach"])
        self.hints.value = "".join(notice_html(html.escape(x)) for x in self.notices())
        self.summary.value = styled("status", html.escape(texts.RIVER_COUNT.format(count=count) if count
                                                          else texts.RIVER_NONE), "div")


def river_or_canal(page, qid: str = "rivier-of-kanaal") -> RiverOrCanal:
    return RiverOrCanal(page, qid)


# ---------------------------------------------------------------- Bonding en bridging
def network_html(net: data.Network) -> str:
    """The ties as a table (bonding / bridging and why), the counts, and the lines that do not count."""
    cell = STYLES["kaart-cel"]
    parts = []
    if net.ties:
        head = "".join(f'<th style="{cell}">{h}</th>' for h in texts.TIE_HEADS)
        rows = []
        for t in net.ties:
            if t.kind == "bond":
                kind, why = texts.BOND, texts.BOND_WHY.format(groups=", ".join(t.shared))
                colour = "#5fa8d3"
            else:
                kind = texts.BRIDGE
                why = texts.BRIDGE_WHY.format(a=", ".join(t.groups_a), b=", ".join(t.groups_b))
                colour = "#e09f3e"
            rows.append(f'<tr><td style="{cell}">{html.escape(t.a)} – {html.escape(t.b)}</td>'
                        f'<td style="{cell};border-left:4px solid {colour}"><b>{kind}</b><br>'
                        f'<span style="font-size:.88em;opacity:.8">{html.escape(why)}</span></td></tr>')
        parts.append(f'<div style="overflow-x:auto"><table class="wakker-banden" style="{STYLES["kaart"]};line-height:1.3">'
                     f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
        parts.append(styled("uitkomst", html.escape(texts.NETWORK_COUNT.format(bond=net.bonds, bridge=net.bridges))))
    else:
        parts.append(styled("status", html.escape(texts.NETWORK_NONE), "div"))
    parts.extend(error_html(p) for p in net.problems[:texts.MAX_PROBLEMS])
    if len(net.problems) > texts.MAX_PROBLEMS:
        parts.append(error_html(texts.MORE_PROBLEMS.format(k=len(net.problems) - texts.MAX_PROBLEMS)))
    return "".join(parts)


class NetworkMap(SavedWidget):
    """The student's own network as groups and ties; every tie shown as bonding or bridging.

    Saved as ``{"groups": "...", "ties": "...", "bonds": n, "bridges": n, "label": "..."}`` shortly after
    typing stops. Lines that cannot count are named in Dutch under the table; the text is saved as typed,
    so nothing the student wrote is lost.
    """

    kind = "netwerk"
    TEXTS = {**SavedWidget.TEXTS, **texts.NETWORK_STATUS}

    def __init__(self, page, qid: str = "mijn-netwerk"):
        super().__init__(page, qid, texts.NETWORK_PROMPT)
        self.view = w.HTML()
        if self.error:
            self.box = failed_box(ContentError(self.error))
            return
        self.groups = w.Textarea(placeholder=texts.GROUPS_PLACEHOLDER, rows=4, continuous_update=True,
                                 tooltip=texts.GROUPS_LABEL, layout=dict(width="100%"))
        self.ties = w.Textarea(placeholder=texts.TIES_PLACEHOLDER, rows=4, continuous_update=True,
                               tooltip=texts.TIES_LABEL, layout=dict(width="100%"))
        for x in (self.groups, self.ties):
            x.observe(self.changed, names="value")
        self.input = w.VBox([self.groups, self.ties])
        front_end()
        self.box = w.VBox([w.HTML(styled("vraag", html.escape(texts.NETWORK_PROMPT))),
                           w.HTML(f'<div style="line-height:1.45">{texts.NETWORK_INTRO_HTML}</div>'),
                           w.HTML(f'<div style="line-height:1.3;margin-top:.4em"><b>{html.escape(texts.GROUPS_LABEL)}</b></div>'),
                           self.groups,
                           w.HTML(f'<div style="line-height:1.3;margin-top:.4em"><b>{html.escape(texts.TIES_LABEL)}</b></div>'),
                           self.ties,
                           self.view, self.message, self.status],
                          layout=dict(width="100%", max_width="52em", margin=".5em 0 1em 0"),
                          _dom_classes=("wakker-netwerk",))
        self.restore()
        self._draw()

    def network(self) -> data.Network:
        return data.parse_network(self.groups.value, self.ties.value)

    def value(self):
        net = self.network()
        label = (texts.NETWORK_COUNT.format(bond=net.bonds, bridge=net.bridges) if net.ties else texts.NETWORK_NONE)
        return {"groups": self.groups.value, "ties": self.ties.value, "bonds": net.bonds, "bridges": net.bridges,
                "label": label}

    def apply(self, value):
        if not isinstance(value, dict) or not isinstance(value.get("groups"), str) \
                or not isinstance(value.get("ties"), str):
            raise ValueError("not a saved network")
        self.groups.value = value["groups"]
        self.ties.value = value["ties"]

    def after_change(self, value):
        self._draw()

    def _draw(self) -> None:
        self.view.value = network_html(self.network())


def network_map(page, qid: str = "mijn-netwerk") -> NetworkMap:
    return NetworkMap(page, qid)


# ---------------------------------------------------------------- the authors' drawbacks
class DrawbacksChoice(Choice):
    """The kit's choice (several answers) with a score line: how many of the drawbacks the authors name
    were chosen, and how many that they do not name (``data.drawbacks_score``)."""

    def __init__(self, page, qid: str, options: tuple[data.Drawback, ...]):
        self.drawbacks = options
        super().__init__(page, qid, texts.DRAWBACKS_PROMPT,
                         [{"id": d.id, "label": d.label, "feedback": d.feedback} for d in options], multiple=True)

    def score(self) -> tuple[int, int, int]:
        return data.drawbacks_score(self.value()["selected"], self.drawbacks)

    def after_change(self, value):
        super().after_change(value)
        if not self.positions():
            return
        right, named, wrong = self.score()
        line = texts.DRAWBACKS_SCORE.format(right=right, named=named,
                                            wrong=texts.DRAWBACKS_WRONG.format(n=wrong) if wrong else "")
        if right == named and not wrong:
            line += texts.DRAWBACKS_ALL
        self.message.value = styled("uitkomst", html.escape(line)) + self.message.value


def drawbacks_choice(page, qid: str = "nadelen-auteurs"):
    try:
        options = data.drawbacks()
    except ContentError as exc:
        return failed_box(exc)
    return DrawbacksChoice(page, qid, options)


def small_step_case(page, case_id: str):
    """One small-step case as the kit's choice (qid ``kleine-stap-<id>``): the case's title on a line of its own,
    the case as the question's context."""
    try:
        case = {c.id: c for c in data.small_steps()}[case_id]
    except ContentError as exc:
        return failed_box(exc)
    except KeyError:
        return failed_box(ContentError(f"Onbekende casus '{case_id}'."))
    return Choice(page, f"kleine-stap-{case.id}", texts.SMALL_STEP_PROMPT, list(case.options), title=case.title,
                  context=case.context)
