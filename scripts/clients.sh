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
source scripts/throwaway_server.sh

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

throwaway_server_start clients "$PORT"
echo "== Scenario through the Python client on $BASE"
PYTHONPATH="$WORKDIR/python" $PY scripts/client_scenario.py "$BASE" || {
  echo "--- server log (tail) ---"; tail -30 "$WORKDIR/server.log"; exit 1;
}
