#!/usr/bin/env bash
# Generated-clients check: from the committed docs/openapi.yaml,
#   1. openapi-python-client generates the Python client without a warning,
#   2. openapi-typescript generates the TypeScript types without a warning, and `tsc --noEmit
#      --strict` passes on tools/clients/check.ts written against them,
#   3. scripts/client_scenario.py (log in, search, read an organisation, register for an event, read
#      notifications, edit my organisation with If-Match, read stats) passes through the generated
#      Python client against a live server on 127.0.0.1:$CLIENTS_PORT, stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
TOOLS=tools/spec-lint/node_modules/.bin
PORT=${CLIENTS_PORT:-8767}
BASE="http://127.0.0.1:$PORT"
WORKDIR=$(mktemp -d)
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORKDIR"
}
trap cleanup EXIT

no_warnings() {  # $1: label, $2: log file
  if grep -qiE "warn|error" "$2"; then
    echo "FAIL: $1 printed warnings:"; cat "$2"; exit 1
  fi
  echo "ok  $1: no warnings"
}

echo "== Python client (openapi-python-client)"
.venv/bin/openapi-python-client generate --path docs/openapi.yaml --config tools/clients/python-client.yaml \
  --output-path "$WORKDIR/python" --overwrite > "$WORKDIR/python.log" 2>&1 || { cat "$WORKDIR/python.log"; exit 1; }
no_warnings "openapi-python-client" "$WORKDIR/python.log"

echo "== TypeScript types (openapi-typescript) and tsc"
$TOOLS/openapi-typescript docs/openapi.yaml -o "$WORKDIR/ts/schema.d.ts" > "$WORKDIR/ts.log" 2>&1 \
  || { cat "$WORKDIR/ts.log"; exit 1; }
no_warnings "openapi-typescript" "$WORKDIR/ts.log"
cp tools/clients/check.ts "$WORKDIR/ts/check.ts"
$TOOLS/tsc --noEmit --strict --target es2022 --module esnext --moduleResolution bundler \
  "$WORKDIR/ts/check.ts" "$WORKDIR/ts/schema.d.ts"
echo "ok  tsc --noEmit --strict"

echo "== Scenario through the Python client on $BASE"
export DEBUG=0 SECRET_KEY=clients-secret-key-0123456789abcdefghijklmnopqrstuvwxyz
export SECURE_SSL_REDIRECT=0 SEHUB_VAR_DIR="$WORKDIR" CACHE_URL="locmem://clients"
export DATABASE_URL="sqlite:///$WORKDIR/clients.sqlite3" ALLOWED_HOSTS=127.0.0.1,localhost
$PY backend/manage.py migrate --noinput -v 0
$PY backend/manage.py load_demo --not-production > /dev/null
$PY backend/manage.py runserver "127.0.0.1:$PORT" --noreload --insecure > "$WORKDIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
  curl -fsS "$BASE/api/v1/health/" > /dev/null 2>&1 && break
  sleep 0.2
done
PYTHONPATH="$WORKDIR/python" $PY scripts/client_scenario.py "$BASE" || {
  echo "--- server log (tail) ---"; tail -30 "$WORKDIR/server.log"; exit 1;
}
