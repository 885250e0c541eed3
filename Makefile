# Wakker werkboek — two commands:
#   make lab    installs everything on first use (in .venv) and opens the workbook
#   make test   runs every test in the same environment
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: lab test bench lock links clean-venv

$(STAMP): requirements.in requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "Het werkboek heeft Python 3.10 of nieuwer nodig (gevonden: $$($(PYTHON) --version 2>&1))."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { rm -rf $(VENV); echo "Kon geen virtuele omgeving maken. Op Debian/Ubuntu: sudo apt install python3-venv"; exit 1; }
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.in -c requirements.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps -e .
	@touch $(STAMP)

# Jupyter refuses to run as root unless told; containers often run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab $(ROOT_FLAG) notebooks/00_start.ipynb

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
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
