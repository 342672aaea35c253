#!/usr/bin/env bash
# Contract check: serve the API on 127.0.0.1 with a throwaway SQLite database and demo data, then
# run schemathesis against the committed docs/openapi.yaml with every check (`--checks all`) and
# every phase (examples, coverage, fuzzing, and stateful create → read → update → delete through the
# spec's OpenAPI links), once anonymously and once with a bearer token per role (citizen, member of
# an organisation, coordinator). Passes only with 0 failures of any check.
#
#   CONTRACT_MAX_EXAMPLES  examples per operation in the fuzzing phase (default 50; CI uses 15)
#   CONTRACT_ROLES         identities to run as (default "anonymous citizen member coordinator")
#   CONTRACT_PHASES        schemathesis phases (default all four)
#   CONTRACT_PORT          port of the throwaway server (default 8765)
#   CONTRACT_EXCLUDE_CHECKS checks to leave out (default none; CI leaves out none either)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
SPEC=${CONTRACT_SPEC:-docs/openapi.yaml}
PORT=${CONTRACT_PORT:-8765}
MAX_EXAMPLES=${CONTRACT_MAX_EXAMPLES:-50}
ROLES=${CONTRACT_ROLES:-anonymous citizen member coordinator}
PHASES=${CONTRACT_PHASES:-examples,coverage,fuzzing,stateful}
# One worker: with several, schemathesis 4.32 sometimes fails inside its own data generation.
WORKERS=${CONTRACT_WORKERS:-1}
EXCLUDE=${CONTRACT_EXCLUDE_CHECKS:-}
source scripts/throwaway_server.sh
# Throttles off (the run sends thousands of requests); tokens outlive the run.
export THROTTLE_ANON=1000000/minute THROTTLE_USER=1000000/minute THROTTLE_LOGIN=1000000/minute
export JWT_ACCESS_MINUTES=120
throwaway_server_start contract "$PORT"

# The demo accounts (load_demo): one per role. A token is taken just before each run.
token_for() {
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@example.com\",\"password\":\"sehub-demo-2015\"}" \
    "$BASE/api/v1/auth/token/" | $PY -c 'import json,sys; print(json.load(sys.stdin)["access"])'
}

# Every check. The hostile-input suite covers what schemathesis cannot see (e.g. 64-bit overflow).
# The token goes through schemathesis's OpenAPI-aware auth (not a blanket -H), so operations that
# declare jwtAuth get it and the missing-header checks can really leave it out.
run() {
  local config="$WORKDIR/schemathesis.toml"
  cp tools/contract/schemathesis.toml "$config"
  if [ -n "${TOKEN:-}" ]; then
    printf '\n[auth.openapi.jwtAuth]\nbearer = "%s"\n' "$TOKEN" >> "$config"
  fi
  SCHEMATHESIS_HOOKS=hooks PYTHONPATH=tools/contract \
    .venv/bin/schemathesis --config-file "$config" run "$SPEC" --url "$BASE" --checks all --phases "$PHASES" \
    --max-examples "$MAX_EXAMPLES" --workers "$WORKERS" --seed 2015 --no-color \
    --suppress-health-check all --request-timeout 30 ${EXCLUDE:+--exclude-checks "$EXCLUDE"} "$@"
}

status=0
failed=()
for role in $ROLES; do
  echo "== contract: $role"
  TOKEN=""
  [ "$role" = anonymous ] || TOKEN=$(token_for "$role")
  run || { status=1; failed+=("$role"); }
done
if [ $status -ne 0 ]; then
  echo "--- contract failed for: ${failed[*]}"
  echo "--- server tracebacks (first 120 lines) ---"; grep -A40 "^Traceback" "$WORKDIR/server.log" | head -120 || true
  echo "--- server log (tail) ---"; tail -40 "$WORKDIR/server.log"
fi
exit $status
