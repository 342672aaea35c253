#!/usr/bin/env bash
# Contract check: serve the API on 127.0.0.1 with gunicorn (as `make run` does), a throwaway SQLite
# database and demo data, then run schemathesis against the committed docs/openapi.yaml,
# anonymously and with a bearer token.
# Passes only with 0 server errors, 0 schema violations and 0 undocumented status codes.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${CONTRACT_PORT:-8765}
MAX_EXAMPLES=${CONTRACT_MAX_EXAMPLES:-25}
# One worker: with several, schemathesis 4.32 sometimes fails inside its own data generation.
WORKERS=${CONTRACT_WORKERS:-1}
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

# No SECRET_KEY: the throwaway installation generates its own in $WORKDIR/secret_key.
export DEBUG=0 SECURE_SSL_REDIRECT=0 SEHUB_VAR_DIR="$WORKDIR" CACHE_URL="locmem://contract"
export DATABASE_URL="sqlite:///$WORKDIR/contract.sqlite3" ALLOWED_HOSTS=127.0.0.1,localhost
export THROTTLE_ANON=1000000/minute THROTTLE_USER=1000000/minute THROTTLE_LOGIN=1000000/minute

$PY backend/manage.py migrate --noinput -v 0
$PY backend/manage.py load_demo --not-production > /dev/null
# A dedicated account: the run may change its password or revoke its tokens.
$PY backend/manage.py shell -c "
from api.accounts.models import User
User.objects.create_user(email='contract@example.com', password='contract-passphrase-2015', display_name='계약 검사')
"
# The server `make run` uses (gunicorn, DEBUG off); one worker is plenty for one schemathesis client.
.venv/bin/gunicorn -c backend/config/gunicorn.conf.py -b "127.0.0.1:$PORT" -w 1 > "$WORKDIR/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$PORT/api/v1/health/" > /dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/api/v1/health/" > /dev/null

TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"email":"contract@example.com","password":"contract-passphrase-2015"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/token/" | $PY -c 'import json,sys; print(json.load(sys.stdin)["access"])')

CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance
run() {
  .venv/bin/schemathesis run docs/openapi.yaml --url "http://127.0.0.1:$PORT" \
    --checks "$CHECKS" --max-examples "$MAX_EXAMPLES" --workers "$WORKERS" --seed 2015 --no-color "$@"
}
status=0
echo "== contract: anonymous"
run || status=1
echo "== contract: with a bearer token"
run -H "Authorization: Bearer $TOKEN" || status=1
if [ $status -ne 0 ]; then
  echo "--- server log (tail) ---"; tail -40 "$WORKDIR/server.log"
fi
exit $status
