# plangraph — the two commands a new user needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PLANGRAPH := $(VENV)/bin/plangraph
EXAMPLES ?= examples

.PHONY: setup run test lint system-deps cypher-lint bench bench-full loadtest clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "setting up $(VENV) (log: $(VENV)/install.log)"
	@$(PY) -m pip install -q --upgrade pip > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@$(PY) -m pip install -q -e '.[dev]' >> $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

## Load the sample plan into the embedded store and serve the API and pages.
run: setup
	@$(PLANGRAPH) load $(EXAMPLES)
	@$(PLANGRAPH) serve

## Install what the tests need (Debian packages when root), run ruff and the whole suite.
test: setup system-deps cypher-lint
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check . >/dev/null || { echo "ruff format would reformat files: run .venv/bin/ruff format ."; exit 1; }
	@$(VENV)/bin/pytest

lint: setup
	@$(VENV)/bin/ruff check .

system-deps:
	@./.ci/system-deps.sh

## Neo4j's Cypher grammar for the tests (npm ci of a pinned package into .ci/cypher-lint/node_modules).
cypher-lint:
	@./.ci/cypher-lint.sh

bench: setup
	@$(PY) -m bench.run --quick

bench-full: setup
	@$(PY) -m bench.run --full

loadtest: setup
	@$(PY) -m bench.loadtest

clean:
	rm -rf $(VENV) .plangraph .pytest_cache .ruff_cache
