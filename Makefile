# Wakker werkboek -- two commands:
#   make lab    installs what a student needs on first use (in .venv) and opens the workbook
#               (make lab PORT=8890 for another port)
#   make student the same, as pages without code (Voilà): what a student sees (make student PORT=8890)
#   make test   also installs the test tools and runs every test in the same environment
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install --disable-pip-version-check --progress-bar on
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: lab student test bench lock links clean-venv

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "Het werkboek heeft Python 3.10 of nieuwer nodig (gevonden: $$($(PYTHON) --version 2>&1))."; exit 1; }
	@echo "== Eerste keer: ik maak een eigen Python-omgeving in $(VENV)/ en installeer de pakketten."
	@echo "   Dat duurt een paar minuten; je ziet hieronder wat er gebeurt."
	@$(PYTHON) -m venv $(VENV) || \
	  { rm -rf $(VENV); echo "Kon geen virtuele omgeving maken. Op Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }

# What a student needs (requirements.in); the test tools come on top in $(DEV_STAMP).
$(STAMP): requirements.in requirements.txt pyproject.toml | $(PY)
	@echo "== Pakketten voor het werkboek installeren (requirements.in) ..."
	$(PIP) -r requirements.in -c requirements.txt
	$(PIP) -q --no-deps -e .
	@touch $(STAMP)
	@echo "== Klaar met installeren."

$(DEV_STAMP): $(STAMP) requirements-dev.in
	@echo "== Testgereedschap installeren (requirements-dev.in) ..."
	$(PIP) -r requirements-dev.in -c requirements.txt
	@touch $(DEV_STAMP)

lab: $(STAMP)
	@$(PY) tools/lab.py $(if $(PORT),--port $(PORT))

student: $(STAMP)
	@$(PY) tools/student.py $(if $(PORT),--port $(PORT))

test: $(DEV_STAMP)
	$(PY) -m pytest

# lib/'s bytecode first, as Python writes it on a student's machine (a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile every lesson module in every kernel it times)
bench: $(DEV_STAMP)
	@$(PY) -m compileall -q lib >/dev/null
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lock:
	$(PY) tools/lock.py

clean-venv:
	rm -rf $(VENV)

links: $(STAMP)
	$(PY) -c "from pathlib import Path; from wakker.core.links import update_readme; print('README.md bijgewerkt' if update_readme(Path('README.md')) else 'README.md was al actueel')"

# A new lesson: notebook, lesson package, data folder, starter test and its line in data/notebooks.yaml.
#   make lesson NAME=<lesson> NOTEBOOK=<nn_id> [TITLE="..."] [SOURCE=<source-id>]   (overwrites nothing)
.PHONY: lesson
lesson: $(STAMP)
	@test -n "$(NAME)" && test -n "$(NOTEBOOK)" || \
	  { echo 'Gebruik: make lesson NAME=<les> NOTEBOOK=<nr_naam> [TITLE="..."] [SOURCE=<bron-id>]'; exit 2; }
	$(PY) tools/new_lesson.py "$(NAME)" "$(NOTEBOOK)" $(if $(TITLE),--title "$(TITLE)") $(if $(SOURCE),--source "$(SOURCE)")
