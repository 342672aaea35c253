"""gunicorn settings shared by `make run`/`make serve`, the contract check and the server test.

Threads, not just processes: a request that waits on SQLite's write lock or on a slow client does
not hold a whole process, and gunicorn's backlog (2048) queues bursts instead of resetting them.
Override any value on the command line (`-b`, `-w`) or with WEB_WORKERS / WEB_THREADS.
"""

import os

# The backend directory, wherever gunicorn is started from.
chdir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
wsgi_app = "config.wsgi:application"
bind = [os.environ.get("WEB_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "10"))
keepalive = 5
backlog = 2048
# One access-log line per request on stdout, with the worker's pid and the request id nginx
# assigns (X-Request-Id, also in nginx's log and the response), so one request can be followed
# through both.
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s rid=%({x-request-id}i)s'
errorlog = "-"
# gunicorn 27's control socket lives at one path per user: several servers on one machine (tests,
# contract check, a developer's run) would fight over it. Nothing here uses it.
control_socket_disable = True
