#!/usr/bin/env bash
# The backend for end-to-end tests and Lighthouse: a throwaway SQLite database with the demo data
# and the built app, on 127.0.0.1:${E2E_PORT:-8871}. Stopped by the caller (Playwright's webServer).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${E2E_PORT:-8871}"
VAR="$(mktemp -d "${TMPDIR:-/tmp}/sehub-e2e.XXXXXX")"
trap 'rm -rf "$VAR"' EXIT
export DEBUG=1 SEHUB_VAR_DIR="$VAR" DATABASE_URL="sqlite:///$VAR/e2e.sqlite3" CACHE_URL="locmem://e2e" \
  THROTTLE_ANON=100000/minute THROTTLE_USER=100000/minute THROTTLE_LOGIN=100000/minute \
  FRONTEND_URL="http://127.0.0.1:$PORT" EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
.venv/bin/python scripts/compile_messages.py > /dev/null  # Korean labels from the API even without `make install`
.venv/bin/python backend/manage.py migrate --noinput -v 0
.venv/bin/python backend/manage.py load_demo > /dev/null
exec .venv/bin/python backend/manage.py runserver "127.0.0.1:$PORT" --noreload --skip-checks
