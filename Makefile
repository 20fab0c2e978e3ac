# Two commands on a bare machine: `make serve` and `make test`. Everything else is set-up they share.
SHELL := /bin/bash
# Material 9.8 prints an end-of-life notice on every start; this is its documented switch.
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
WHEELS_STAMP := $(VENV)/browser-wheels/.installed
TEST_WHEELS_STAMP := $(VENV)/pyodide-test-wheels/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install build serve dev test test-fast lint bench clean deploy-config guideline-review guideline-adopt

help:
	@echo "make serve   install, build and serve the site on http://$(HOST):$(PORT)"
	@echo "make test    install and run every test"
	@echo "make test-fast  the tests that need no browser, Node or nginx (about a minute), and the linters"
	@echo "make lint    ruff and ESLint"
	@echo "make build   install and write the site to site/"
	@echo "make bench   start-up benchmark of the decision guide"
	@echo "make install set-up only (.venv and node_modules)"
	@echo "make deploy-config  rebuild and regenerate deploy/nginx.conf and deploy/web.config"
	@echo "make guideline-review NEW=file  the owners' report on a new edition of the guideline (Danish)"
	@echo "make guideline-adopt NEW=file   put a new edition in place; the build waits for its review"
	@echo "PRODUCTION=true make build      the production build: refuses while a contact or an address is missing"

install: $(PY_STAMP) $(NODE_STAMP) $(WHEELS_STAMP) $(TEST_WHEELS_STAMP)
	@$(PY) -m tools.content.texts >/dev/null

$(PY_STAMP): requirements.txt
	@command -v npm >/dev/null || { echo "Fejl: Node.js >= 18 med npm kræves (npm ikke fundet)." >&2; exit 1; }
	@python=$$(tools/find-python.sh) || exit 1; \
	  if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	    echo "Opretter $(VENV) med $$python"; rm -rf $(VENV); $$python -m venv $(VENV) || exit 1; \
	  fi
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@touch $@

$(WHEELS_STAMP): browser-requirements.txt $(PY_STAMP)
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
	  --require-hashes -r browser-requirements.txt -d $(VENV)/browser-wheels
	@touch $@

# pytest and Hypothesis for the engine's test suite inside Pyodide (tests/pyodide/test_engine_suite.py).
$(TEST_WHEELS_STAMP): pyodide-test-requirements.txt $(PY_STAMP)
	$(PY) -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
	  --platform any --python-version 3.14 --implementation py \
	  --require-hashes -r pyodide-test-requirements.txt -d $(VENV)/pyodide-test-wheels
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Fejl: Node.js >= 18 med npm kræves (npm ikke fundet)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: install
	$(PY) -m mkdocs build --strict

serve: install
	SITE_URL=http://$(HOST):$(PORT)/ $(PY) -m mkdocs build --strict
	$(PY) -m tools.site.serve --host $(HOST) --port $(PORT) site

# Live-reloading preview for editors of the text (not the production-like server).
dev: install
	$(PY) -m mkdocs serve --dev-addr $(HOST):$(PORT)

test: install lint
	$(PY) -m pytest

# Everything that needs no browser, Node.js or nginx: the engine, the content and its checks, the generated
# pages' Python, the CLI. No site build (that runs Pyodide in Node.js).
test-fast: install lint
	$(PY) -m pytest -m "not browser and not node and not nginx and not site"

# ruff for the Python, ESLint for the JavaScript (eslint.config.mjs), both pinned.
lint: install
	$(PY) -m ruff check .
	node_modules/.bin/eslint .

# The CSP in the server files allows the pages' inline scripts by hash: regenerate after page changes.
deploy-config: build
	$(PY) -m tools.deploy.server_config site deploy

# A new edition of the guideline (content/README.md, "A new edition"): the owners' report, then adopting it.
guideline-review: install
	@test -n "$(NEW)" || { echo "Fejl: angiv den nye udgave med NEW=sti/til/udgaven.txt" >&2; exit 2; }
	$(PY) -m tools.content.guideline_review "$(NEW)"

guideline-adopt: install
	@test -n "$(NEW)" || { echo "Fejl: angiv den nye udgave med NEW=sti/til/udgaven.txt" >&2; exit 2; }
	$(PY) -m tools.content.guideline_review --adopt "$(NEW)"

bench: build
	$(PY) -m tests.bench

clean:
	rm -rf site build dist .bench
