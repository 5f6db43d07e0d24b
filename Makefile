# detente — two commands: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   ?= demo

.PHONY: demo test test-all lint format eval eval-blind browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

## demo: set everything up and analyse the bundled sample corpus
demo: $(STAMP)
	@mkdir -p $(DEMO)
	$(BIN)/detente run examples/corpus --db $(DEMO)/detente.duckdb
	$(BIN)/detente report --db $(DEMO)/detente.duckdb --out $(DEMO)/report.html --side USA,NATO --other RUS \
	  --period 2009..2011 --period 2014..2026
	@echo ""
	@echo "Store:  $(abspath $(DEMO))/detente.duckdb"
	@echo "Report: $(abspath $(DEMO))/report.html"

## test: the default (quick) test suite, as CI runs it
test: $(STAMP)
	$(BIN)/pytest -q -m "not slow"

## test-all: every test, slow ones and browser ones included
test-all: $(STAMP) browser
	$(BIN)/pytest -q

## eval: coder accuracy on the gold sentences, and its cost next to the bare spaCy parse
eval: $(STAMP)
	$(BIN)/python -m detente evaluate tests/gold
	$(BIN)/python -m detente evaluate-relations tests/relations_gold --folds 5
	$(BIN)/python benchmarks/bench_pipeline.py --repeat 2

## eval-blind: relations accuracy on cases written apart from the rules (see docs/relations.md)
eval-blind: $(STAMP)
	$(BIN)/python -m detente evaluate-relations tests/relations_blind

## browser: Debian's chromium for the browser tests (needs root or sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .ruff_cache .hypothesis
