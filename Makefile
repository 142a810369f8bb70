# rasad — make demo (install if needed, run on the bundled sample) · make test · make bench · make lint
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench lint format clean

install: $(STAMP)

# Reinstall only when the project definition changes (idempotent).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
	$(BIN)/python -m pip install --quiet -e '.[all]'
	touch $(STAMP)

demo: install
	$(BIN)/rasad demo

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check rasad tests bench scripts
	$(BIN)/ruff format --check rasad tests bench scripts

format: install
	$(BIN)/ruff format rasad tests bench scripts
	$(BIN)/ruff check --fix rasad tests bench scripts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
