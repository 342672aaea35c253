#!/bin/sh
# The backend image's entrypoint (Dockerfile, target backend).
#   backend    migrations (once, under a lock, whatever the number of replicas), then gunicorn with
#              backend/config/gunicorn.conf.py (WEB_WORKERS, WEB_THREADS, …); MIGRATE_ON_START=0 skips
#              the migrations (run `docker-compose run --rm backend migrate_locked` yourself)
#   worker     the task worker (e-mail, notifications): manage.py db_worker
#   scheduler  the periodic commands of SCHEDULED_COMMANDS: manage.py run_scheduler
#   anything else is a manage.py command: `docker-compose run --rm backend createsuperuser`
set -eu
cd /app
case "${1:-backend}" in
  backend)
    if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
      python backend/manage.py migrate_locked
    fi
    exec gunicorn -c backend/config/gunicorn.conf.py
    ;;
  worker)
    exec python backend/manage.py db_worker
    ;;
  scheduler)
    exec python backend/manage.py run_scheduler
    ;;
  *)
    exec python backend/manage.py "$@"
    ;;
esac
