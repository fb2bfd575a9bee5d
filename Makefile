# Two commands matter: `make serve` (build and serve the site) and `make test` (the whole test suite).
# Both create .venv and install the pinned dependencies first. Only Python 3.11+, make and bash are needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONPATH := scripts
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install serve build validate test new schema catalogs bench clean

help:
	@echo "make serve     build the site and serve it on http://127.0.0.1:8000/ (rebuilds on edits)"
	@echo "make test      run the whole test suite (browser tests need Chromium: apt-get install chromium)"
	@echo "make build     strict build of both languages into site/"
	@echo "make validate  check every entry in glossary/ (warnings fail too)"
	@echo "make new ID=open-weight-model DOMAIN=openness EN='open-weight model' ZH='开放权重模型'"
	@echo "              scaffold a new entry (every field in place and commented) and register its id;"
	@echo "              one variable per language declared in glossary/glossary.yaml, its code in capitals"
	@echo "make schema    regenerate glossary/entry.schema.json after a change to languages, domains or jurisdictions"
	@echo "make catalogs  extract UI strings into locales/ and update the catalogs for translators"
	@echo "make bench     measure validation and build at scale (several minutes; writes scripts/bench/results.json)"

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Built into a temporary folder that replaces site/ only when the build succeeds: a failed build leaves the
# previous site as it was, never half of one.
build: $(STAMP)
	@tmp=$$(mktemp -d .site-build.XXXXXX) && chmod 755 "$$tmp" && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/mkdocs build --strict --clean --site-dir "$$tmp" && \
	rm -rf .site-old && { [ ! -e site ] || mv site .site-old; } && mv "$$tmp" site && rm -rf .site-old && \
	echo "site/ replaced by the new build"

# FORMAT=github prints pull-request annotations; FORMAT=json is for tools.
FORMAT ?= text
# Ids published before must all still be in the registry: those at the fork point from main and at the last
# release tag, where git history is available (PUBLISHED= to skip; CI passes the pull request's base).
PUBLISHED ?= $(shell git merge-base HEAD origin/main 2>/dev/null || git merge-base HEAD main 2>/dev/null) \
             $(shell git describe --tags --abbrev=0 2>/dev/null)
validate: $(STAMP)
	$(BIN)/python -m termbase validate --strict --format $(FORMAT) $(foreach ref,$(PUBLISHED),--published-at $(ref))

test: $(STAMP)
	$(BIN)/python -m pytest

# One --<code> "$(<CODE>)" per declared language (EN, ZH, ...), read from glossary/glossary.yaml when the recipe runs.
upper = $(shell echo '$(1)' | tr a-z A-Z)
new: $(STAMP)
	$(BIN)/python -m termbase new "$(ID)" --domain "$(DOMAIN)" \
	  $(foreach code,$(shell PYTHONPATH=scripts $(BIN)/python -m termbase languages --codes),--$(code) "$($(call upper,$(code)))")

# The JSON Schema that editors use to check entries as they are typed (referenced from each entry's first line).
schema: $(STAMP)
	$(BIN)/python -m termbase schema -o glossary/entry.schema.json

# Extract the UI strings from the code and templates, then merge them into every language's catalog.
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --project glossary -o locales/messages.pot .
	$(BIN)/pybabel update -i locales/messages.pot -d locales -D messages -N --ignore-obsolete -w 120

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf site .site-build.* .site-old .pytest_cache
