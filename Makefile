# Social Economy Hub — every command a developer or CI needs. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) backend/manage.py
PORT ?= 8000
PYTEST_ARGS ?= -n 2
STAMP := $(VENV)/.installed

.PHONY: help install messages migrate demo run serve test test-backend test-pg bench lint format check openapi openapi-check contract lint-spec clients spec-tools lock clean

help:
	@echo "make run       – the whole product on http://127.0.0.1:$(PORT) with SQLite and demo data"
	@echo "make test      – the whole test suite"
	@echo "make check     – lint, spec drift, missing migrations, Django checks"
	@echo "make contract  – schemathesis (--checks all, every phase, every role) against docs/openapi.yaml"
	@echo "make lint-spec – Redocly and Spectral (OWASP) on docs/openapi.yaml"
	@echo "make clients   – generate the Python and TypeScript clients and run a scenario through them"
	@echo "make bench     – speed and memory budgets on PostgreSQL (drops and recreates sehub_bench)"
	@echo "make openapi   – regenerate docs/openapi.yaml"

# Re-installs only when the lock file changes.
$(STAMP): requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

install: $(STAMP) messages

messages: $(STAMP)
	@$(PY) scripts/compile_messages.py

migrate: install
	DEBUG=1 $(MANAGE) migrate --noinput -v 0

demo: migrate
	DEBUG=1 $(MANAGE) load_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)  (API docs: http://127.0.0.1:$(PORT)/api/docs/)"
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

test: test-backend

test-backend: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL and Redis (both must be running; see README).
test-pg: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sehub} \
	CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/1} \
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Speed and memory budgets (scripts/bench.py) on a PostgreSQL database it drops and recreates; its
# name must end in "bench". Prints a table, writes var/bench/report.json, fails over budget.
bench: install
	$(PY) scripts/bench.py

lint: install
	$(VENV)/bin/ruff check backend tests scripts
	$(VENV)/bin/ruff format --check backend tests scripts

format: install
	$(VENV)/bin/ruff check --fix backend tests scripts
	$(VENV)/bin/ruff format backend tests scripts

openapi: install
	DEBUG=1 $(MANAGE) spectacular --validate --fail-on-warn --file docs/openapi.yaml

openapi-check: install
	@DEBUG=1 $(MANAGE) spectacular --validate --fail-on-warn --file $(VENV)/openapi.generated.yaml
	@diff -u docs/openapi.yaml $(VENV)/openapi.generated.yaml > /dev/null || \
		(diff -u docs/openapi.yaml $(VENV)/openapi.generated.yaml | head -40; \
		 echo "docs/openapi.yaml is stale: run 'make openapi' and commit it."; exit 1)

check: lint openapi-check lint-spec
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	DEBUG=1 $(MANAGE) check

contract: install
	bash scripts/contract.sh

# Node tools for the spec (Redocly, Spectral + OWASP ruleset, openapi-typescript, TypeScript), pinned
# by tools/spec-lint/package-lock.json; reinstalled only when the lock changes.
SPEC_TOOLS := tools/spec-lint/node_modules
$(SPEC_TOOLS)/.installed: tools/spec-lint/package-lock.json
	cd tools/spec-lint && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

spec-tools: $(SPEC_TOOLS)/.installed

# 0 errors and 0 warnings from both (Redocly exits 0 on warnings: its summary is checked).
lint-spec: spec-tools
	@mkdir -p $(VENV)
	$(SPEC_TOOLS)/.bin/redocly lint docs/openapi.yaml --config redocly.yaml --max-problems 50 2>&1 \
		| grep -v '[║╔╚]' | tee $(VENV)/redocly.log
	@! grep -qE 'You have [0-9]+ warning|Validation failed' $(VENV)/redocly.log
	$(SPEC_TOOLS)/.bin/spectral lint docs/openapi.yaml --ruleset .spectral.yaml --fail-severity warn

# Clients generated from the committed spec must build without warnings, type-check, and work
# against a live server (scripts/clients.sh; CLIENTS_PORT, default 8767).
clients: install spec-tools
	bash scripts/clients.sh

lock:
	$(PYTHON) -m venv /tmp/sehub-lock-venv && /tmp/sehub-lock-venv/bin/pip install -q -r requirements.in
	/tmp/sehub-lock-venv/bin/pip freeze --exclude-editable | grep -v '^pip==' > requirements.lock
	rm -rf /tmp/sehub-lock-venv

clean:
	rm -rf $(VENV) var
