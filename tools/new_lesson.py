"""Scaffold a new lesson: ``make lesson NAME=<lesson> NOTEBOOK=<nn_id> [TITLE="..."] [SOURCE=<source-id>]``.

    python tools/new_lesson.py <lesson> <nn_id> [--title "..."] [--source <source-id>]

Creates, and refuses to overwrite anything that already exists:

* ``notebooks/<nn_id>.ipynb`` -- written with ``tools/nbbuild.py``: a title, the page cell
  (``from wakker import page`` / ``nb = page("<nn_id>")`` / ``nb``), a first part with a quotation
  of ``SOURCE`` (its first excerpt; without one, a TODO for the author), a call of the lesson, an
  open question and the export reminder. Stored without outputs.
* ``lib/wakker/lessons/<lesson>/__init__.py`` and ``texts.py`` -- the lesson package, with the
  conventions in its docstrings.
* ``data/lessons/<lesson>/README.md`` -- the lesson's data folder.
* ``tests/lessons/test_<lesson>.py`` -- starter tests, among them the lesson contract.
* the line in ``data/notebooks.yaml``: ``lesson: <lesson>`` on the entry with that id, or a new
  entry with ``status: in voorbereiding``.

Nothing is written until every check passed; if the workbook map does not validate afterwards,
everything this run created is removed again and ``data/notebooks.yaml`` is restored.
Messages are Dutch (authors of the workbook read them); the exit status is 0 on success, 1 on a
refusal, 2 on wrong arguments.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NOTEBOOK_ID = re.compile(r"^\d\d_[a-z0-9_]+$")


class Refused(Exception):
    """The scaffold will not run (Dutch message for the author)."""


# ---------------------------------------------------------------- checks
def check_names(lesson: str, notebook: str) -> None:
    import keyword

    if not lesson.isidentifier() or not lesson.islower() or lesson.startswith("_") or keyword.iskeyword(lesson):
        raise Refused(f"NAME='{lesson}' is geen geldige lesnaam: gebruik kleine letters, cijfers en '_' "
                      "(bijvoorbeeld NAME=lipsky_dilemma), en begin met een letter.")
    if not NOTEBOOK_ID.match(notebook):
        raise Refused(f"NOTEBOOK='{notebook}' is geen geldige notebooknaam: twee cijfers, '_' en dan kleine letters, "
                      "cijfers en '_' (bijvoorbeeld NOTEBOOK=08_vertrouwen_moet_je_leren_2021), zonder .ipynb.")


def load_content(root: Path):
    """The content of ``<root>/data``, validated by the package in ``<root>/lib``."""
    lib = str(root / "lib")
    if lib not in sys.path:
        sys.path.insert(0, lib)
    from wakker.core.content import load
    from wakker.core.data import ContentError

    try:
        return load(root / "data")
    except ContentError as exc:
        raise Refused(f"De gegevens in data/ zijn nu al niet in orde; herstel dat eerst: {exc}") from None


def plan(root: Path, lesson: str, notebook: str, title: str | None, source: str | None) -> dict:
    """Check everything and return what to write (nothing is written here)."""
    check_names(lesson, notebook)
    content = load_content(root)
    entry = content.notebooks.get(notebook)
    if entry is not None and entry.lesson:
        raise Refused(f"Notebook '{notebook}' heeft in data/notebooks.yaml al een les: '{entry.lesson}'. "
                      "Ik verander niets.")
    taken = sorted(nb.id for nb in content.notebooks.values() if nb.lesson == lesson)
    if taken:
        raise Refused(f"De les '{lesson}' hoort al bij notebook {', '.join(taken)}. Kies een andere naam.")
    if entry is not None and source and entry.source and source != entry.source:
        raise Refused(f"SOURCE='{source}' verschilt van de bron van '{notebook}' in data/notebooks.yaml "
                      f"('{entry.source}'). Laat SOURCE weg of pas eerst data/notebooks.yaml aan.")
    source = source or (entry.source if entry is not None else None)
    if source and source not in content.sources:
        raise Refused(f"Onbekende bron SOURCE='{source}'. Bekende bronnen: {', '.join(sorted(content.sources))}.")
    excerpt = next((e for e in content.excerpts.values() if e.source == source), None) if source else None
    title = (title or "").strip() or (entry.title if entry is not None else lesson.replace("_", " ").capitalize())
    if entry is not None and title != entry.title:
        print(f"Let op: de titel in data/notebooks.yaml blijft '{entry.title}'.")

    files = {
        root / "notebooks" / f"{notebook}.ipynb": None,  # written by nbbuild
        root / "lib" / "wakker" / "lessons" / lesson / "__init__.py": package_init(lesson, notebook, title),
        root / "lib" / "wakker" / "lessons" / lesson / "texts.py": package_texts(lesson),
        root / "data" / "lessons" / lesson / "README.md": data_readme(lesson, notebook),
        root / "tests" / "lessons" / f"test_{lesson}.py": starter_test(lesson, notebook),
    }
    folders = [root / "lib" / "wakker" / "lessons" / lesson, root / "data" / "lessons" / lesson]
    existing = [p for p in list(files) + folders if p.exists()]
    existing += [root / "lib" / "wakker" / "lessons" / f"{lesson}.py"] if (
        root / "lib" / "wakker" / "lessons" / f"{lesson}.py").exists() else []
    # pytest needs unique test module names across tests/ (no __init__.py files)
    existing += [p for p in (root / "tests").rglob(f"test_{lesson}.py") if p not in files]
    if existing:
        raise Refused("Ik overschrijf niets; dit bestaat al:\n" + "\n".join(
            f"  {p.relative_to(root)}" for p in sorted(set(existing))))
    return {"root": root, "lesson": lesson, "notebook": notebook, "title": title, "source": source,
            "excerpt": excerpt.key if excerpt else None, "entry": entry, "files": files, "folders": folders}


# ---------------------------------------------------------------- what is written
def notebook_cells(p: dict) -> list:
    sys.path.insert(0, str(HERE))
    from nbbuild import code, export_reminder, md

    lesson, notebook, title = p["lesson"], p["notebook"], p["title"]
    number = notebook.split("_", 1)[0]
    cells = [
        md(f"""
            # {number} · {title}

            *TODO (auteur): twee of drie zinnen over waar dit notebook over gaat, voor wie, en hoe lang het duurt
            (ongeveer … minuten; zie lesson guide L2). De leerdoelen staan in `data/notebooks.yaml` en verschijnen
            hieronder.*
        """),
        code(f'# Opzet: het werkboek laden (nodig voor alle cellen hieronder)\nfrom wakker import page\nnb = page("{notebook}")\nnb', hidden=True),
        md("""
            ## 1. De tekst

            *TODO (auteur): leid het citaat in, in eigen woorden (S3). Zeg wie er spreekt en waar in de tekst het
            staat.*
        """),
    ]
    if p["excerpt"]:
        cells.append(code(f'# Citaat uit de bron\nnb.quote("{p["excerpt"]}")', hidden=True))
    else:
        cells.append(md("""
            **TODO (auteur): kies een citaat.** Zet het woord voor woord in `data/excerpts/<bron-id>.yaml` (hoogstens
            120 woorden, met vindplaats) en toon het hier in een verborgen cel met `nb.quote("bron-id:citaat-id")`.
        """))
    cells += [
        code(f"# De les achter dit notebook\nfrom wakker.lessons import {lesson}\n{lesson}.intro()", hidden=True),
        md("""
            ## 2. Jouw praktijk

            *TODO (auteur): een korte overgang naar de praktijk van de student (L4).*
        """),
        code('# Open vraag\nnb.open_question(\n    "eigen-praktijk",\n'
             '    "Aan welke situatie uit je eigen werk of stage denk je bij deze tekst? Beschrijf haar kort: '
             'wie waren erbij, en wat gebeurde er?",\n)', hidden=True),
        export_reminder(before="*TODO (auteur): een korte samenvatting in eigen woorden en één vraag die het "
                               "notebook terugbrengt naar de praktijk van de student (L5).*"),
        code("# Exporteren: je antwoorden als bestand bewaren\nnb.export_panel()", hidden=True),
    ]
    return cells


def package_init(lesson: str, notebook: str, title: str) -> str:
    return f'''"""Lesson of notebook {notebook}: {title}.

``from wakker.lessons import {lesson}`` is what the notebook does; the conventions every lesson keeps:

* **Notebook-facing functions.** Each step of the notebook calls one function of this package
  (``{lesson}.intro()``, later for example ``{lesson}.explorer(nb)``); put larger widgets in modules
  of this package (``widgets.py``) and import here only what the notebook calls.
* **Widgets from the kit.** Build on ``wakker.ui``: :class:`wakker.ui.View` with :func:`wakker.ui.safe`
  on every callback (an error becomes a Dutch box, and a line on stderr under ``WAKKER_STRICT=1``),
  the questions of the page, ``DutchSlider``/``ParameterPanel``, ``LiveFigure``. A model belongs
  in ``wakker.models``, without widgets.
* **Dutch words in one place.** Every fixed Dutch text the student sees is in :mod:`.texts`;
  longer or structured content (cases, tables, options) is data in ``data/lessons/{lesson}/``.
* **Nothing read at import.** Read data inside a function, when a widget is first built, e.g.
  ``read_yaml(lesson_dir("{lesson}") / "cases.yaml")`` from ``wakker.core.data``. The lesson
  contract (``tests/lessons/test_contract.py``) checks this once the notebook is ``klaar``.
"""
from __future__ import annotations

import html

from ...ui.style import show_html, text_html
from . import texts

#: The notebook this lesson belongs to (``data/notebooks.yaml``).
NOTEBOOK = "{notebook}"


def intro_html() -> str:
    """The lesson's opening text as HTML (what :func:`intro` shows; tested without a kernel)."""
    return text_html(html.escape(texts.INTRO))


def intro() -> None:
    """Show the lesson's opening text (an example of a notebook-facing function)."""
    show_html(intro_html())
'''


def package_texts(lesson: str) -> str:
    return f'''"""Every fixed Dutch word the lesson ``{lesson}`` shows: labels, buttons, titles and feedback.

Keep student-facing words here, not in the widget code, so that they can be read and corrected in
one place. Templates use ``str.format`` fields in braces; the widgets escape what they put in.
Longer or structured content belongs in ``data/lessons/{lesson}/`` (read inside a function, never
at import).
"""
from __future__ import annotations

INTRO = "Deze les is nog in voorbereiding. Hier komt straks een korte inleiding in eigen woorden."
'''


def data_readme(lesson: str, notebook: str) -> str:
    return f"""# Gegevens van de les `{lesson}` (notebook `{notebook}`)

Hier staan de gegevens van deze les als YAML-bestanden: casussen, opties, tabellen, alles wat meer is dan een
losse zin. Korte vaste teksten (knoppen, labels, feedback) staan in `lib/wakker/lessons/{lesson}/texts.py`,
citaten in `data/excerpts/`, begrippen in `data/glossary.yaml`.

* Lees een bestand in een functie, niet bij het importeren:
  `read_yaml(lesson_dir("{lesson}") / "casussen.yaml")` (uit `wakker.core.data`); een fout geeft dan een
  Nederlandse melding met de bestandsnaam.
* Elk item heeft een `id` (kleine letters, cijfers, `-` en `_`), zodat antwoorden en tests ernaar kunnen verwijzen.
* Schrijf een test die elk bestand inleest en controleert (zie `tests/lessons/test_{lesson}.py`).
"""


def starter_test(lesson: str, notebook: str) -> str:
    return f'''"""Starter tests for the lesson ``{lesson}`` (notebook {notebook}).

Add a test for every claim the notebook makes about a model (lesson guide M3) and one that reads
every file in ``data/lessons/{lesson}/``.
"""
from __future__ import annotations

import html

import lesson_contract as C
from wakker.core.content import load
from wakker.core.data import lesson_dir
from wakker.lessons import {lesson} as lesson
from wakker.lessons.{lesson} import texts

NOTEBOOK = "{notebook}"


def test_lesson_belongs_to_its_notebook():
    assert lesson.NOTEBOOK == NOTEBOOK
    assert load(C.REPO / "data").notebook(NOTEBOOK).lesson == "{lesson}"
    assert lesson_dir("{lesson}", C.REPO / "data").is_dir()


def test_intro_shows_the_text_from_texts():
    shown = lesson.intro_html()
    assert html.escape(texts.INTRO) in shown and 'class="wakker-tekst"' in shown


def test_notebook_passes_the_lesson_contract():
    """Page, quotes and terms, an import that reads no data, and a headless run without errors."""
    problems = C.check_notebook(NOTEBOOK, C.REPO, lesson="{lesson}")
    assert not problems, C.report(problems)
'''


# ---------------------------------------------------------------- the workbook map
def _yaml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def map_text(text: str, p: dict) -> str:
    """``data/notebooks.yaml`` with the lesson set on the entry, or with a new entry at the end."""
    lesson, notebook = p["lesson"], p["notebook"]
    lines = text.splitlines(keepends=True)
    if p["entry"] is not None:
        start = next(i for i, line in enumerate(lines)
                     if re.match(rf"""^- id:\s*["']?{re.escape(notebook)}["']?\s*(#.*)?$""", line.rstrip("\n")))
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("- ")), len(lines))
        status = next((i for i in range(start, end) if re.match(r"^\s+status:", lines[i])), start)
        if p["source"] and not p["entry"].source:
            source_line = next((i for i in range(start, end) if re.match(r"^\s+source:", lines[i])), None)
            if source_line is not None:
                lines[source_line] = f"  source: {p['source']}\n"
            else:
                lines.insert(status + 1, f"  source: {p['source']}\n")
                status += 1
        lines.insert(status + 1, f"  lesson: {lesson}\n")
        return "".join(lines)
    if text and not text.endswith("\n"):
        text += "\n"
    return text + (
        f"- id: {_yaml_str(notebook)}\n"
        f"  title: {_yaml_str(p['title'])}\n"
        f"  source: {p['source'] or 'null'}\n"
        f"  status: in voorbereiding\n"
        f"  lesson: {lesson}\n"
        f"  goals: []  # TODO: 3-5 leerdoelen die je bij een student kunt nagaan (lesson guide L1)\n"
    )


# ---------------------------------------------------------------- doing it
def create(p: dict) -> list[Path]:
    root = p["root"]
    sys.path.insert(0, str(HERE))
    from nbbuild import write

    made: list[Path] = []
    map_file = root / "data" / "notebooks.yaml"
    old_map = map_file.read_text(encoding="utf-8")
    try:
        for folder in p["folders"]:
            folder.mkdir(parents=True, exist_ok=False)
            made.append(folder)
        for path, text in p["files"].items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if text is None:
                write(path, notebook_cells(p), overwrite=False)
            else:
                with open(path, "x", encoding="utf-8") as f:
                    f.write(text)
            made.append(path)
        map_file.write_text(map_text(old_map, p), encoding="utf-8")
        from wakker.core.content import load

        info = load(root / "data").notebook(p["notebook"])
        assert info.lesson == p["lesson"], "the lesson did not land in data/notebooks.yaml"
    except BaseException:
        map_file.write_text(old_map, encoding="utf-8")
        for path in reversed(made):
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        raise
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuwe les: notebook, lespakket, datamap, test en de "
                                                 "regel in data/notebooks.yaml (overschrijft niets).")
    parser.add_argument("lesson", help="naam van het lespakket, bv. lipsky_dilemma")
    parser.add_argument("notebook", help="id van het notebook, bv. 08_vertrouwen_moet_je_leren_2021")
    parser.add_argument("--title", default=None, help="titel (standaard: die uit data/notebooks.yaml)")
    parser.add_argument("--source", default=None, help="bron-id uit data/sources.yaml; het eerste citaat komt "
                                                      "in het notebook")
    args = parser.parse_args(argv)
    try:
        p = plan(ROOT, args.lesson.strip(), args.notebook.strip().removesuffix(".ipynb"), args.title,
                 (args.source or "").strip() or None)
        create(p)
    except Refused as exc:
        print(f"Niets gemaakt. {exc}", file=sys.stderr)
        return 1
    print(f"Les '{p['lesson']}' gemaakt voor notebook {p['notebook']}:")
    for path in p["files"]:
        print(f"  {path.relative_to(ROOT)}")
    print("  data/notebooks.yaml (" + ("lesson: " + p["lesson"] + " toegevoegd" if p["entry"] is not None
                                       else "nieuw item, status: in voorbereiding") + ")")
    if not p["excerpt"]:
        print("Nog geen citaat: het notebook heeft een TODO op die plek.")
    print("Volgende stap: schrijf het notebook en de les; zet de status op 'klaar' als het lescontract slaagt "
          f"(.venv/bin/python -m pytest tests/lessons/test_{p['lesson']}.py), en zet de vragen van het notebook in "
          "data/lessons/teacher/questions.yaml (tests/lessons/test_contract.py zegt wat er moet staan).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
