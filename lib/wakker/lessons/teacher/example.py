"""A made-up class, exported with the workbook's own code: for trying notebook 09, its tests and benchmark.

Every student gets a journal of their own (a temporary SQLite file, never in the repository),
answers are saved with :meth:`wakker.core.journal.Journal.save` in the forms the kit and the
lessons save them (choice by stable option id, scale with its ends, the sorting game, the week,
the self-scan, a designed strategy), and the export is written by
:func:`wakker.core.portfolio.export_files`: exactly what a student hands in.

The choice and scale questions are the real ones of the ready notebooks, read (never run) from
their code cells where they are written out in full; open questions likewise.
"""
from __future__ import annotations

import ast
import json
import random
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FIRST = ["Anna", "Bram", "Chloë", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ibrahim", "Joost", "Kim", "Lotte",
         "Mohammed", "Noor", "Olaf", "Priya", "Quinten", "Rosa", "Sem", "Tess", "Umar", "Vera", "Wout", "Xandra",
         "Yusuf", "Zoë", "Aïsha", "Bas", "Céline", "Dirk"]
LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "El Amrani", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
        "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
        "van den Heuvel", "van der Veen"]
WORDS = ["vertrouwen", "luisteren", "samenwerken", "regels", "ruimte", "de wijk", "mijn team", "de gemeente",
         "een cliënt", "de stage", "een buurthuis", "de wethouder", "tijd", "geld", "afspraken"]


@dataclass
class Spec:
    notebook: str
    qid: str
    kind: str
    prompt: str
    options: list = field(default_factory=list)  # choice: [(id, label)]
    multiple: bool = False
    low: int = 1
    high: int = 5
    low_label: str = ""
    high_label: str = ""


def notebook_questions(notebook: str) -> list[Spec]:
    """The open, choice and scale questions written out in full in the notebook's code cells."""
    from ...core.portfolio import notebook_file
    from ...ui.questions import make_options

    path = notebook_file(notebook)
    if path is None or not path.is_file():
        return []
    out = []
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            name = getattr(getattr(node, "func", None), "attr", "")
            if not isinstance(node, ast.Call) or name not in ("open_question", "choice", "scale"):
                continue
            try:
                args = [ast.literal_eval(a) for a in node.args]
                kw = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except (ValueError, SyntaxError, TypeError):
                continue
            if len(args) < 2 or not all(isinstance(a, str) for a in args[:2]):
                continue
            kind = {"open_question": "text"}.get(name, name)
            spec = Spec(notebook, args[0], kind, args[1])
            if kind == "choice":
                options = args[2] if len(args) > 2 else kw.get("options")
                if not options:
                    continue
                spec.options = [(o.id, o.label) for o in make_options(options)]
                spec.multiple = bool(kw.get("multiple"))
            if kind == "scale":
                for k in ("low", "high", "low_label", "high_label"):
                    if k in kw:
                        setattr(spec, k, kw[k])
            out.append(spec)
    return out


def _value(spec: Spec, rng: random.Random):
    if spec.kind == "text":
        return (f"Ik denk aan {rng.choice(WORDS)} en {rng.choice(WORDS)}. " * rng.randint(1, 3)).strip()
    if spec.kind == "scale":
        return {"value": rng.randint(spec.low, spec.high), "low": spec.low, "high": spec.high,
                "low_label": spec.low_label, "high_label": spec.high_label}
    k = rng.randint(1, min(3, len(spec.options))) if spec.multiple else 1
    chosen = sorted(rng.sample(range(len(spec.options)), k))
    return {"selected": [spec.options[i][0] for i in chosen], "label": "; ".join(spec.options[i][1] for i in chosen)}


def _lesson_values(rng: random.Random) -> list[tuple[str, str, str, str, object]]:
    """(notebook, question, kind, prompt, value) for the lessons' own widgets, in their saved forms."""
    out = []
    try:
        from ..planning_machine.data import sorting

        acts = sorting().activities
        answers = {a.id: rng.choice([*a.accepted, rng.randint(1, 4)]) for a in acts}
        score = sum(answers[a.id] in a.accepted for a in acts)
        out.append(("04_boek_deel3_vierde_orde_leiders", "sorteerspel", "sorting", "Sorteerspel",
                    {"label": f"{score} van {len(acts)} goed", "score": score, "answered": len(acts),
                     "total": len(acts), "answers": answers, "checked": True}))
    except Exception:  # noqa: BLE001 - without the game's data the class has no sorting answers
        pass

    def week():
        cuts = sorted(rng.sample(range(1, 20), 3))
        parts = [a - b for a, b in zip(cuts + [20], [0] + cuts)]
        return [5 * p for p in parts]

    out.append(("04_boek_deel3_vierde_orde_leiders", "mijn-week", "week", "Mijn week",
                {"label": "", "nu": week(), "gewenst": week(), "ingevuld": {"nu": True, "gewenst": rng.random() > .1}}))
    try:
        from ..social_innovation.data import themes

        ids = [t.id for t in themes()]
        out.append(("06_regio_zwolle_sociale_innovatie_2016", "luisteren-zelfscan", "scan", "Zelfscan",
                    {"nu": {t: rng.randint(1, 5) for t in ids},
                     "later": {t: (rng.randint(1, 5) if rng.random() > .5 else None) for t in ids}, "label": ""}))
    except Exception:  # noqa: BLE001
        pass
    try:  # 05's division of the Berkelland tasks, as TaskSplit.value() saves it (most tasks chosen)
        from ..giving_trust import texts as split_texts
        from ..giving_trust.data import berkelland

        split = berkelland()
        choices, labels = {}, {}
        for example in split.examples:
            for task in example.tasks:
                if rng.random() < .9:
                    key = f"{example.id}/{task.id}"
                    choices[key] = rng.choice(list(split.choices))
                    labels[key] = f"{example.title} – {task.text}"
        out.append(("05_meetup_vertrouwen_2013", "taakverdeling", "verdeling", split_texts.SPLIT_PROMPT,
                    {"choices": choices, "labels": labels, "compared": rng.random() > .3}))
    except Exception:  # noqa: BLE001
        pass
    out.append(("07_blog_vertrouwen_prisoners_dilemma", "eigen-strategie", "strategy", "Mijn strategie",
                {"name": rng.choice(["Voorzichtig", "Vriendelijk", "Slim", "Wraak"]), "first": rng.choice([0, 1, 0.5]),
                 "after": {k: rng.choice([0, 1, 0.8]) for k in ("CC", "CD", "DC", "DD")}}))
    return out


def _answers(rng: random.Random, specs: list[Spec], ready: tuple[str, ...]) -> list[tuple]:
    out = [(s.notebook, s.qid, s.kind, s.prompt, _value(s, rng)) for s in specs if rng.random() < .85]
    return out + [v for v in _lesson_values(rng) if v[0] in ready]


def _ready(notebooks) -> tuple[str, ...]:
    from ...core.content import content

    return notebooks or tuple(nb for nb, info in content().notebooks.items()
                              if info.status == "klaar" and nb != "09_docent")


def _names(n: int) -> list[str]:
    return [f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}" + (f" {i // len(FIRST) + 1}" if i >= len(FIRST) else "")
            for i in range(n)]


def example_sources(n: int = 30, seed: int = 1, notebooks: tuple[str, ...] | None = None):
    """A made-up class as in-memory files (no journal, nothing written): each the JSON of
    :func:`wakker.core.portfolio.to_json`, as the export button writes it. Quick; for the notebook's
    "try with an example class" button and the benchmark."""
    from datetime import datetime, timedelta, timezone

    from ...core.journal import Entry
    from ...core.portfolio import Contents, safe_filename, to_json
    from .exports import Source

    rng = random.Random(seed)
    ready = _ready(notebooks)
    specs = [s for nb in ready for s in notebook_questions(nb)]
    start = datetime(2026, 9, 1, 9, 0, tzinfo=timezone.utc)
    out = []
    for i, name in enumerate(_names(n)):
        begin = start + timedelta(hours=i, seconds=rng.random())  # every student works at another moment
        entries = [Entry(nb, q, kind, prompt, value, (begin + timedelta(minutes=k)).isoformat(timespec="microseconds"))
                   for k, (nb, q, kind, prompt, value) in enumerate(_answers(rng, specs, ready))]
        data = json.dumps(to_json(Contents(entries, name), name), ensure_ascii=False).encode("utf-8")
        out.append(Source(f"wakker-portfolio-{safe_filename(name)}.json", len(data), data=data))
    return out


def make_class(folder: Path | str, n: int = 30, seed: int = 1, notebooks: tuple[str, ...] | None = None,
               names: list[str] | None = None) -> list[Path]:
    """Export a class of ``n`` made-up students into ``folder``; returns the JSON files (one per student).

    Each student has a journal of their own in a temporary folder; only the exports stay."""
    from ...core.journal import Journal
    from ...core.portfolio import export_files

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ready = _ready(notebooks)
    specs = [s for nb in ready for s in notebook_questions(nb)]
    names = names or _names(n)
    work = Path(tempfile.mkdtemp(prefix="wakker-klas-"))
    files = []
    try:
        for i, name in enumerate(names[:n]):
            journal = Journal(work / f"j{i}.sqlite", known_notebooks=None)
            for nb, q, kind, prompt, value in _answers(rng, specs, ready):
                journal.save(nb, q, value, kind=kind, prompt=prompt)
            out = folder / f"s{i:03d}"
            paths = export_files(journal, out, student=name)
            target = folder / f"{i:03d}-{paths['json'].name}"
            paths["json"].replace(target)
            shutil.rmtree(out, ignore_errors=True)
            journal.close() if hasattr(journal, "close") else None
            files.append(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return files
