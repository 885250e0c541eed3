"""The start lesson's demonstration slider: its text follows the slider over every range."""
from wakker.lessons import start
from wakker.lessons.start import texts as T


def test_the_text_follows_the_slider_through_every_range():
    box = start.trust_slider()
    slider, text = box.children
    seen = []
    for value in (0, 25, 30, 55, 60, 75, 85, 90, 100):  # both ends of every range the slider (step 5) reaches
        slider.value = value
        assert f"<b>{value}\u00a0%</b>" in text.value  # a space before % (as in the other notebooks), never broken
        seen.append(next(i for i, (_b, mood) in enumerate(T.MOODS) if mood in text.value))
        # Dutch: a small letter after the colon ('50 % vertrouwen: je werkt samen, ...'; a reviewer read 'Je')
        after = text.value.split("vertrouwen: ", 1)[1]
        assert after[:1].islower(), after[:20]
    assert seen == [0, 0, 1, 1, 2, 2, 2, 3, 3]
    assert slider.description.endswith("(%):")  # its own readout is a bare 50: the label gives the unit


def test_full_trust_is_only_the_top_end_of_the_slider():
    """Review finding 4: 'volledig ruimte' at 75 % overstated; it belongs to 90-100 only."""
    full = T.MOODS[-1][1]
    assert "volledig" in full
    assert [v for v in range(0, 101, 5) if start.mood(v) == full] == [90, 95, 100]
    assert all("volledig" not in start.mood(v) for v in range(0, 90))


# ---------------------------------------------------------------- the start notebook as a whole (issue 9)
import json
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "00_start.ipynb"
WORDS_PER_MINUTE = 200  # lesson guide L2: study text
TEACHER_ONLY = {"c26"}  # "Voor docenten": students skip it


def _cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def _source(cell) -> str:
    return "".join(cell["source"])


def _student_markdown() -> list[str]:
    """What a student reads, in JupyterLab (the longer of the two versions; see wakker.core.mode)."""
    from wakker.core.mode import markdown_for

    return [markdown_for(_source(c), "lab") for c in _cells()
            if c["cell_type"] == "markdown" and c["id"] not in TEACHER_ONLY]


def _question_ids(kind: str) -> list[str]:
    return [qid for c in _cells() if c["cell_type"] == "code"
            for qid in re.findall(rf'nb\.{kind}\(\s*"([^"]+)"', _source(c))]


def _words(text: str) -> int:
    return len(re.findall(r"[\wÀ-ÿ'’-]+", text))


def test_stated_time_is_what_the_notebook_asks():
    """L2: the time at the top is the count (200 words a minute, 2-4 minutes per open question)."""
    top = _source(_cells()[0])
    first, last = (int(n) for n in re.search(r"Reken op (\d+) tot (\d+) minuten", top).groups())
    from wakker.core.content import load

    content = load(REPO / "data")
    quoted = sum(_words(content.excerpt(k).text) + 20  # the caption
                 for c in _cells() for k in re.findall(r'nb\.quote\("([^"]+)"\)', _source(c)))
    asked = sum(_words(s) for c in _cells() if c["cell_type"] == "code"
                for s in re.findall(r'"([^"]{20,})"', _source(c)) + re.findall(r"'''(.*?)'''", _source(c), re.S))
    reading = (sum(map(_words, _student_markdown())) + quoted + asked) / WORDS_PER_MINUTE
    opens = len(_question_ids("open_question"))
    others = len(_question_ids("scale")) + len(_question_ids("choice"))
    fixed = 1 + 2 + 3  # Run All Cells; the sum cell and the slider; exporting and finding the files
    low, high = reading + 2 * opens + others + fixed, reading + 4 * opens + others + fixed
    # a start notebook is short: 20-35 minutes (35 since the check of goal 1, 'wie-schreef-wat'; the review
    # of issue 9 timed it at 30-35)
    assert 20 <= first < last <= 35, "a start notebook is 20-35 minutes"
    assert low - 1 <= first and last <= high + 1, f"stated {first}-{last} min; the count gives {low:.0f}-{high:.0f} min"


def test_section_references_point_to_existing_sections():
    text = "\n".join(_student_markdown() + [_source(c) for c in _cells() if c["id"] in TEACHER_ONLY])
    sections = {int(n) for n in re.findall(r"^## (\d+)\.", text, re.M)}
    refs = {int(n) for a, b in re.findall(r"§ (\d+)(?:–(\d+))?", text) for n in (a, b) if n}
    assert refs and refs <= sections, refs - sections


def test_notebooks_in_preparation_are_not_spoken_of_as_if_they_exist():
    """A paragraph that names a notebook still in preparation says so (issue 9.3: 09 is 'in voorbereiding')."""
    entries = yaml.safe_load((REPO / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
    coming = {e["id"][:2] for e in entries if e["status"] != "klaar"}
    lesson = yaml.safe_load((REPO / "data" / "lessons" / "start" / "in_de_les.yaml").read_text(encoding="utf-8"))
    paragraphs = [p for t in [_source(c) for c in _cells() if c["cell_type"] == "markdown"] for p in t.split("\n\n")]
    paragraphs += [x for k in ("pairs", "plenary", "watch", "compare") for x in lesson.get(k, [])]
    bad = [p for p in paragraphs for nr in re.findall(r"(?:notebook|docentnotebook) \(?(\d\d)\b", p)
           if nr in coming and not re.search(r"in voorbereiding|zodra|volgt", p)]
    assert not bad, bad


def test_teacher_plan_compares_only_questions_of_this_notebook():
    from wakker.core.teaching import lesson_plan

    plan = lesson_plan("start")
    assert [s.minutes for s in plan.sessions] == [90, 45]
    qids = set(_question_ids("open_question") + _question_ids("scale") + _question_ids("choice"))
    steps = [t for s in plan.sessions for _, t in s.plan] + list(plan.plenary)
    named = {m for t in steps for m in re.findall(r"'([a-z]+(?:-[a-z]+)*)'", t)}  # a question named as 'id'
    named |= {m for item in plan.compare for m in re.findall(r"\b[a-z]+(?:-[a-z]+)+\b", item)}
    named |= {m.group(1) for item in plan.compare if (m := re.match(r"([a-z-]+):", item))}
    assert named and named <= qids, named - qids
    assert len(plan.pairs) >= 2 and len(plan.plenary) >= 2 and plan.watch
