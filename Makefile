# One place for every way to build, run and check the project.
# `make run` and `make test` are the README's quick start and work on a fresh machine.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check lint typecheck format docs clean browser screenshots wget fuzz

# Browser tests drive Debian's Chromium through Playwright; never a downloaded browser.
CHROMIUM := /usr/bin/chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Stamp files re-install only when the project's declared dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

HOST ?= 127.0.0.1
PORT ?= 8000

# The site on the embedded default database (created and loaded on first run).
run: $(VENV)/.installed
	$(BIN)/thirdcountry init
	@echo "thirdcountry: open http://$(HOST):$(PORT)/ (Ctrl-C stops the server)"
	$(BIN)/thirdcountry serve --host $(HOST) --port $(PORT)

# PNG screenshots of the home page, /es/country/XK, the claims browser and a 390 px home page.
screenshots: $(VENV)/.installed-test browser
	$(BIN)/python scripts/screenshots.py --out screenshots

browser:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
	  || echo "warning: could not install chromium (not root?): browser tests will be skipped"

# The WARC compatibility test crawls a local site with wget, an independent WARC producer.
wget:
	@command -v wget >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wget; } \
	  || echo "warning: could not install wget (not root?): the wget WARC test will be skipped"

test: $(VENV)/.installed-test browser wget
	$(BIN)/pytest -q

# The fuzz suite with a large budget (thousands of inputs per reader; minutes). `make test`
# runs the same suite with a small one. What a run found is written up in docs/fuzzing.md.
fuzz: $(VENV)/.installed-test
	THIRDCOUNTRY_FUZZ_PROFILE=fuzz-large $(BIN)/pytest -q -p no:cacheprovider \
	  --hypothesis-show-statistics tests/test_fuzz_readers.py tests/test_fuzz_stores.py \
	  tests/test_fuzz_api.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy thirdcountry

check: lint typecheck test

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

docs: $(VENV)/.installed
	$(BIN)/python -m thirdcountry.docs

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
