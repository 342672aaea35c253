# Sourced by scripts/contract.sh and scripts/clients.sh: a throwaway API server on 127.0.0.1 with
# its own SQLite database and the demo data (load_demo), served by gunicorn as `make run` does,
# stopped and deleted on exit.
#   throwaway_server_start NAME PORT   → serves $BASE; the log is $WORKDIR/server.log
# Needs $PY. Sets WORKDIR, BASE and SERVER_PID.
WORKDIR=$(mktemp -d)
SERVER_PID=""

throwaway_server_cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORKDIR"
}
trap throwaway_server_cleanup EXIT

throwaway_server_start() {
  local name=$1 port=$2
  BASE="http://127.0.0.1:$port"
  # No SECRET_KEY: the throwaway installation generates its own in $WORKDIR/secret_key.
  export DEBUG=0 SECURE_SSL_REDIRECT=0 SEHUB_VAR_DIR="$WORKDIR" CACHE_URL="locmem://$name"
  export DATABASE_URL="sqlite:///$WORKDIR/$name.sqlite3" ALLOWED_HOSTS=127.0.0.1,localhost
  $PY backend/manage.py migrate --noinput -v 0
  $PY backend/manage.py load_demo --not-production > /dev/null
  # The server `make run` uses (gunicorn, DEBUG off); one worker is plenty for one client.
  .venv/bin/gunicorn -c backend/config/gunicorn.conf.py -b "127.0.0.1:$port" -w 1 > "$WORKDIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do
    curl -fsS "$BASE/api/v1/health/" > /dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fsS "$BASE/api/v1/health/" > /dev/null
}
