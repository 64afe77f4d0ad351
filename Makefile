# Two commands for a new user: `make run` (build the graph from examples/ and serve it)
# and `make test` (the whole test suite). Both set up a project-local virtual environment.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kg-data
PORT ?= 5000

.PHONY: install run test lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: install
	$(BIN)/kg ingest examples --store $(STORE)
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check kg server.py tests bench

clean:
	rm -rf $(VENV) $(STORE) artifacts .pytest_cache
