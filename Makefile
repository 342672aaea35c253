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

.PHONY: help install messages migrate demo static run serve dev test test-backend test-pg bench lint format check typecheck openapi openapi-check contract lint-spec clients spec-tools lock clean \
	node chromium frontend frontend-test e2e lighthouse compose-check prodcheck backup restore

help:
	@echo "make run       – the whole product on http://127.0.0.1:$(PORT) with SQLite and demo data (gunicorn, DEBUG off)"
	@echo "make dev       – the same with Django's development server, DEBUG on and code reloading"
	@echo "make test      – the whole test suite (backend, front-end unit tests, end-to-end in Chromium)"
	@echo "make frontend  – build the web app (frontend/dist), served by make run"
	@echo "make lighthouse – Lighthouse scores of the home, directory, organisation and event pages"
	@echo "make check     – lint, types, spec drift, spec linters, missing migrations, Django checks"
	@echo "make contract  – schemathesis (--checks all, every phase, every role) against docs/openapi.yaml"
	@echo "make lint-spec – Redocly and Spectral (OWASP) on docs/openapi.yaml"
	@echo "make clients   – generate the Python and TypeScript clients and run a scenario through them"
	@echo "make bench     – public reads over HTTP (gunicorn + wrk) vs the stack's ceiling, and budgets (drops and recreates sehub_bench)"
	@echo "make openapi   – regenerate docs/openapi.yaml"
	@echo "make compose-check – validate docker-compose.yml (docker-compose config) and lint the Dockerfile (hadolint)"
	@echo "make prodcheck – the production stack on this machine (PostgreSQL, Redis, gunicorn, worker, nginx), checked through nginx"
	@echo "make backup / make restore BACKUP=dir – database (pg_dump or SQLite's online backup) and media; see docs/deploy.md"

# Re-installs only when the lock file changes.
$(STAMP): requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

install: $(STAMP) messages

messages: $(STAMP)
	@$(PY) scripts/compile_messages.py

# `make run` serves like production (DEBUG off, gunicorn, hashed static files, the installation's
# own secret in var/secret_key) but over plain HTTP on 127.0.0.1, so HTTPS redirects and
# secure-only cookies are turned off here, explicitly, and nowhere else.
RUN_ENV := DEBUG=0 SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0
GUNICORN := $(VENV)/bin/gunicorn -c backend/config/gunicorn.conf.py

migrate: install
	$(RUN_ENV) $(MANAGE) migrate --noinput -v 0

# The demo accounts have a published password: load_demo refuses to run with DEBUG off unless
# told, as here, that this database is not production.
demo: migrate
	$(RUN_ENV) $(MANAGE) load_demo --not-production

static: install
	$(RUN_ENV) $(MANAGE) collectstatic --noinput -v 0

run: demo serve

# The server alone (no demo data): gunicorn, 2 workers x 4 threads, access log on stdout. It serves
# the built web app (frontend/dist) on the same origin.
serve: migrate frontend static
	@echo "Serving on http://127.0.0.1:$(PORT)  (API docs: http://127.0.0.1:$(PORT)/api/docs/)"
	$(RUN_ENV) $(GUNICORN) -b 127.0.0.1:$(PORT)

dev: demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

test: test-backend frontend-test e2e

test-backend: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL and Redis (both must be running; see README).
test-pg: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sehub} \
	CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/1} \
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# What users feel (scripts/bench.py): gunicorn (2 workers, production settings) on PostgreSQL driven
# by wrk, every public read beside the stack's ceiling in the same run (fails below 0.5x), then the
# correctness and cold-path budgets. The database it drops and recreates must be named "...bench".
bench: install
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk || (apt-get update && apt-get install -y wrk)
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

# mypy with django-stubs and djangorestframework-stubs; strict on services.py and selectors.py (pyproject.toml).
typecheck: install
	DEBUG=1 $(VENV)/bin/mypy

check: lint typecheck openapi-check lint-spec compose-check
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

# --- Web app (frontend/) ------------------------------------------------------------------------
# Node 20 and npm from Debian when missing; Chromium from Debian for Playwright and Lighthouse
# (never `npx playwright install`).
NPM_STAMP := frontend/node_modules/.installed

node:
	@command -v npm > /dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm)

# (fonts-nanum: Korean glyphs in screenshots.)
chromium:
	@command -v chromium > /dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium)
	@fc-list 2> /dev/null | grep -qi nanum || apt-get install -y -qq --no-install-recommends fonts-nanum

$(NPM_STAMP): frontend/package-lock.json | node
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend: $(NPM_STAMP)
	cd frontend && npm run build --silent

# Lint, types, generated API types up to date with docs/openapi.yaml, component and unit tests.
frontend-test: $(NPM_STAMP)
	cd frontend && npm run --silent lint && npm run --silent typecheck && npm run --silent check:api && npm test --silent

# Playwright in Chromium against a throwaway backend with the demo data (frontend/scripts/e2e-server.sh,
# port E2E_PORT, default 8871); screenshots of every page in frontend/test-results/.
e2e: install frontend chromium
	cd frontend && npx playwright test

lighthouse: install frontend chromium
	cd frontend && node scripts/lighthouse.mjs

# --- Deployment (docs/deploy.md) ------------------------------------------------------------------
# docker-compose.yml validated without a Docker engine: Debian's docker-compose (v1, which refuses a
# top-level `name:`) interpolates .env.example and checks the file; hadolint (from PyPI: the wheel
# ships the binary; its own venv under tools/hadolint) lints the Dockerfile.
HADOLINT := tools/hadolint/.venv/bin/hadolint
$(HADOLINT): tools/hadolint/requirements.txt
	$(PYTHON) -m venv tools/hadolint/.venv
	tools/hadolint/.venv/bin/pip install --quiet --disable-pip-version-check -r tools/hadolint/requirements.txt
	@touch $@

compose-check: $(HADOLINT)
	@command -v docker-compose > /dev/null || apt-get install -y -qq --no-install-recommends docker-compose \
		|| (apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose)
	docker-compose --env-file .env.example -f docker-compose.yml config -q
	$(HADOLINT) --no-color Dockerfile

# The production stack on this machine, checked through nginx (scripts/prodcheck.py): recreates the
# database sehub_prodcheck; PRODCHECK_PORT (8680, gunicorn +1, plain HTTP +2, Redis relay +3). Installs nginx from
# Debian when missing (RUNLEVEL=1: the package does not start a system-wide nginx on port 80).
prodcheck: install
	@command -v nginx > /dev/null || RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx \
		|| (apt-get update -qq && RUNLEVEL=1 apt-get install -y -qq --no-install-recommends nginx)
	@test -f frontend/dist/index.html || $(MAKE) frontend
	$(PY) scripts/prodcheck.py

# Backups of the configured database (DATABASE_URL: pg_dump -Fc, or SQLite's online backup API) and
# of MEDIA_ROOT (a tarball beside the dump), into BACKUP_DIR (var/backups/<timestamp>/).
# `make restore BACKUP=var/backups/<timestamp>` restores both into an EMPTY database and MEDIA_ROOT.
backup: install
	$(PY) scripts/backup.py backup $(if $(BACKUP_DIR),--into $(BACKUP_DIR),)

restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/<timestamp>"; exit 1)
	$(PY) scripts/backup.py restore $(BACKUP)
