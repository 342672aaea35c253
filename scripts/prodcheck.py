#!/usr/bin/env python3
# ruff: noqa: S603, S607 — runs this machine's tools (psql, nginx, openssl) with arguments it builds itself
"""`make prodcheck`: the production stack on this machine, checked through its front door.

What runs (the same settings docker-compose.yml gives the containers, from a virtualenv with only the
packages the backend image installs, built the Dockerfile's way): PostgreSQL and Redis on
127.0.0.1 (started when stopped, and stopped again at the end if this started them), gunicorn with
backend/config/gunicorn.conf.py (2 workers), the task worker (`manage.py db_worker`) and the repo's
own nginx template (deploy/nginx/sehub.conf.template, rendered for loopback: TLS with a throwaway
self-signed certificate) run as an unprivileged process with its own prefix and temp paths.

Checked through nginx: health; plain HTTP redirects to HTTPS; the app's index and a deep
client-side route with its Open Graph tags; an API list (gzip); an authenticated write with an
Idempotency-Key replayed by the other gunicorn worker (the request id nginx assigns finds each
request's worker in gunicorn's access log); throttling counted across both workers and keyed by the
real client address behind the proxy (the client connects from 127.0.0.2: nginx's X-Forwarded-For
is trusted with NUM_PROXIES=1, the client's own header is not); X-Forwarded-For and -Proto believed
only from nginx's address (TRUSTED_PROXIES): a peer that reaches gunicorn directly and forges them is
redirected to HTTPS, not served; an e-mail sent by the worker (the filebased backend, read here);
cache headers and gzip of a hashed asset; /metrics closed at nginx and served by the backend to the
token; the scheduler's jobs run once; a Redis outage (the stack reaches Redis through a relay this
script cuts) leaves the site serving with health "degraded", and it recovers; `manage.py check
--deploy` clean.

Everything it started is stopped on exit, on failure too; on failure the logs are printed and
kept. Settings: PRODCHECK_DATABASE_URL (its name must end in "prodcheck"; dropped and recreated),
PRODCHECK_CACHE_URL (redis://127.0.0.1:6379/7; only keys under its own prefix are touched),
PRODCHECK_PORT (nginx HTTPS, 8680; gunicorn on +1, plain HTTP on +2, the Redis relay on +3).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
# The stack runs from a virtualenv holding only what the backend image installs (runtime_venv()):
# a package the code imports but only the development tools bring in fails here, not in production.
RUNTIME_VENV = REPO / ".venv" / "prodcheck-runtime"
VENV_BIN = RUNTIME_VENV / "bin"
MANAGE = [str(VENV_BIN / "python"), str(REPO / "backend" / "manage.py")]
# The Dockerfile's python-build stage, word for word (tests/test_deploy.py keeps them the same).
RUNTIME_REQUIREMENTS = "sed '/^# development and test/,$d' requirements.in > runtime.in"
RUNTIME_INSTALL = "pip install --only-binary=:all: -r runtime.in -c requirements.lock"
TEMPLATE = REPO / "deploy" / "nginx" / "sehub.conf.template"
DIST = REPO / "frontend" / "dist"

DATABASE_URL = os.environ.get("PRODCHECK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sehub_prodcheck")
CACHE_URL = os.environ.get("PRODCHECK_CACHE_URL", "redis://127.0.0.1:6379/7")
CACHE_PREFIX = "sehub-prodcheck"
PORT = int(os.environ.get("PRODCHECK_PORT", "8680"))
BACKEND_PORT, HTTP_PORT, CACHE_LINK_PORT = PORT + 1, PORT + 2, PORT + 3
HOST = "localhost"
ORIGIN = f"https://{HOST}:{PORT}"
THROTTLE_ANON = 20
CLIENT_ADDRESS, OTHER_CLIENT_ADDRESS, DIRECT_ADDRESS = "127.0.0.2", "127.0.0.3", "127.0.0.4"

started_at = time.monotonic()
processes: list[tuple[str, subprocess.Popen[bytes]]] = []
cleanups: list[Callable[[], None]] = []
results: list[tuple[str, float]] = []


def log(message: str) -> None:
    print(f"[{time.monotonic() - started_at:6.1f}s] {message}", flush=True)


class CheckFailed(Exception):
    pass


def expect(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def run(cmd: list[str], env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, check=True, text=True, capture_output=True, **kwargs)


# --- Services --------------------------------------------------------------------------------------


def ensure_postgres() -> None:
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0:
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    log(f"PostgreSQL is stopped: starting cluster {version}/main")
    run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])
    cleanups.append(lambda: run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop"]))
    for _ in range(60):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False).returncode == 0:
            return
        time.sleep(0.5)
    raise CheckFailed("PostgreSQL did not start")


def ensure_redis() -> None:
    if subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], check=False, capture_output=True).returncode == 0:
        return
    log("Redis is stopped: starting it on 127.0.0.1:6379")
    run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
    )
    cleanups.append(lambda: subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], check=False))
    for _ in range(60):
        if subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], check=False, capture_output=True).returncode == 0:
            return
        time.sleep(0.5)
    raise CheckFailed("Redis did not start")


def recreate_database() -> None:
    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not name.endswith("prodcheck"):
        raise SystemExit(
            f"refusing to drop {name!r}: PRODCHECK_DATABASE_URL must name a database ending in 'prodcheck'"
        )
    admin = parts._replace(path="/postgres").geturl()
    run(["psql", admin, "-q", "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'])
    run(
        [
            "psql",
            admin,
            "-q",
            "-c",
            f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
        ]
    )


def runtime_venv() -> None:
    """(Re)build RUNTIME_VENV as the backend image does, when requirements.in or the lock changed."""
    digest = hashlib.sha256(
        (REPO / "requirements.in").read_bytes() + (REPO / "requirements.lock").read_bytes()
    ).hexdigest()
    stamp = RUNTIME_VENV / ".requirements-sha256"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    log("building the runtime-only virtualenv (the backend image's packages)")
    shutil.rmtree(RUNTIME_VENV, ignore_errors=True)
    run([sys.executable, "-m", "venv", str(RUNTIME_VENV)])
    with tempfile.TemporaryDirectory() as build:
        shutil.copy(REPO / "requirements.in", build)
        shutil.copy(REPO / "requirements.lock", build)
        pip_env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        run(["sh", "-c", f"{RUNTIME_REQUIREMENTS} && {RUNTIME_INSTALL} --quiet"], pip_env, cwd=build)
    stamp.write_text(digest + "\n")


class CacheLink:
    """A TCP relay between the backend and Redis (127.0.0.1:PORT+3 → Redis) that this script can
    cut and mend: a Redis outage for the stack alone, while Redis itself keeps serving everyone else."""

    def __init__(self, listen_port: int, upstream: tuple[str, int]) -> None:
        self.address = ("127.0.0.1", listen_port)
        self.upstream = upstream
        self.listener: socket.socket | None = None
        self.open: set[socket.socket] = set()
        self.lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(self.address)
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Refuse new connections and drop every open one."""
        with self.lock:
            if self.listener is not None:
                # shutdown() wakes the thread blocked in accept(); close() alone would not on Linux.
                with contextlib.suppress(OSError):
                    self.listener.shutdown(socket.SHUT_RDWR)
                self.listener.close()
                self.listener = None
            for sock in self.open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self.lock:
                self.open.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def redis_client() -> Any:
    import redis  # the venv's (django-redis depends on it)

    return redis.Redis.from_url(CACHE_URL)


def clear_cache_prefix() -> None:
    client = redis_client()
    keys = list(client.scan_iter(f"{CACHE_PREFIX}:*", count=1000))
    if keys:
        client.delete(*keys)


# --- Processes ---------------------------------------------------------------------------------------


def start(name: str, cmd: list[str], env: dict[str, str], logfile: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    handle = logfile.open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True, **kwargs)
    handle.close()
    processes.append((name, proc))
    log(f"started {name} (pid {proc.pid})")
    return proc


def stop_all() -> None:
    for _name, proc in reversed(processes):
        if proc.poll() is None:
            # Each was started in its own session: its process group holds it and its children only.
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
    deadline = time.monotonic() + 15
    for name, proc in reversed(processes):
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log(f"{name} did not stop on SIGTERM: SIGKILL")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    processes.clear()


# --- HTTP ----------------------------------------------------------------------------------------------


class Response:
    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.raw = body

    @property
    def text(self) -> str:
        body = self.raw
        if self.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        return body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.text)


TLS_CONTEXT: ssl.SSLContext | None = None


def request(
    method: str,
    path: str,
    *,
    body: object = None,
    headers: dict[str, str] | None = None,
    source: str = CLIENT_ADDRESS,
    tls: bool = True,
    port: int | None = None,
) -> Response:
    """One request on a new connection from ``source`` (a loopback address of the client's choosing)."""
    if tls:
        assert TLS_CONTEXT is not None
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            HOST, port or PORT, timeout=30, context=TLS_CONTEXT, source_address=(source, 0)
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port or HTTP_PORT, timeout=30, source_address=(source, 0))
    try:
        data = json.dumps(body).encode() if body is not None else None
        all_headers = {"Host": f"{HOST}:{port or PORT}" if tls else HOST, "Accept-Language": "ko"}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        return Response(response.status, response.getheaders(), response.read())
    finally:
        conn.close()


def worker_of(request_id: str, access_log: Path, wait: float = 5.0) -> str:
    """The gunicorn worker pid that logged ``request_id`` (gunicorn logs after it answers)."""
    pattern = re.compile(rf"pid=<?(\d+)>? rid={re.escape(request_id)}\b")
    deadline = time.monotonic() + wait
    while True:
        match = pattern.search(access_log.read_text(encoding="utf-8", errors="replace"))
        if match:
            return match.group(1)
        if time.monotonic() > deadline:
            raise CheckFailed(f"request {request_id} is not in gunicorn's access log")
        time.sleep(0.05)


# --- The run ------------------------------------------------------------------------------------------


def check(name: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    def decorate(fn: Callable[[], None]) -> Callable[[], None]:
        def wrapper() -> None:
            t0 = time.monotonic()
            fn()
            results.append((name, time.monotonic() - t0))
            log(f"ok  {name}")

        return wrapper

    return decorate


def main() -> int:
    global TLS_CONTEXT
    work = Path(tempfile.mkdtemp(prefix="sehub-prodcheck-"))
    failed = False
    try:
        ensure_postgres()
        ensure_redis()
        runtime_venv()
        if not (DIST / "index.html").exists():
            log("the web app is not built: make frontend")
            subprocess.run(["make", "-C", str(REPO), "frontend"], check=True)
        recreate_database()
        clear_cache_prefix()
        # The stack reaches Redis through a relay this script can cut (the outage check).
        redis_url = urlsplit(CACHE_URL)
        link = CacheLink(CACHE_LINK_PORT, (redis_url.hostname or "127.0.0.1", redis_url.port or 6379))
        link.start()
        stack_cache_url = redis_url._replace(netloc=f"127.0.0.1:{CACHE_LINK_PORT}").geturl()
        for sub in ("var", "mail", "nginx", "static", "media"):
            (work / sub).mkdir()
        metrics_token = secrets.token_urlsafe(32)
        # The production settings, as docker-compose.yml sets them for its containers.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_"))}
        for name in (
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "SECRET_KEY",
            "JWT_SIGNING_KEY",
            "THROTTLE_USER",
            "THROTTLE_LOGIN",
        ):
            env.pop(name, None)
        env.update(
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            CSRF_TRUSTED_ORIGINS=ORIGIN,
            FRONTEND_URL=ORIGIN,
            DATABASE_URL=DATABASE_URL,
            CACHE_URL=stack_cache_url,
            CACHE_KEY_PREFIX=CACHE_PREFIX,
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(work / "mail"),
            NUM_PROXIES="1",
            TRUSTED_PROXIES="127.0.0.1/32",  # nginx connects to gunicorn from 127.0.0.1 only
            BEHIND_TLS_PROXY="1",
            SEHUB_VAR_DIR=str(work / "var"),
            STATIC_ROOT=str(work / "static"),
            MEDIA_ROOT=str(work / "media"),
            FRONTEND_DIST=str(DIST),
            THROTTLE_ANON=f"{THROTTLE_ANON}/minute",
            WEB_BIND=f"127.0.0.1:{BACKEND_PORT}",
            WEB_WORKERS="2",
            METRICS_TOKEN=metrics_token,
            PYTHONUNBUFFERED="1",
        )

        # collectstatic and `check --deploy` need no database: they run beside migrate and load_demo.
        t0 = time.monotonic()
        side = {
            "collectstatic": subprocess.Popen(
                [*MANAGE, "collectstatic", "--noinput", "-v", "0"],
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            ),
            "check --deploy": subprocess.Popen(
                [*MANAGE, "check", "--deploy", "--fail-level", "WARNING"],
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            ),
        }
        for step in (["migrate", "--noinput", "-v", "0"], ["load_demo", "--not-production"]):
            run([*MANAGE, *step], env)
            log(f"manage.py {step[0]} ({time.monotonic() - t0:.1f}s)")
        outputs = {name: proc.communicate()[0] for name, proc in side.items()}
        expect(side["collectstatic"].returncode == 0, f"collectstatic:\n{outputs['collectstatic']}")
        expect(
            side["check --deploy"].returncode == 0 and "no issues" in outputs["check --deploy"],
            f"manage.py check --deploy:\n{outputs['check --deploy']}",
        )
        results.append(("migrated, demo data, static files; manage.py check --deploy clean", time.monotonic() - t0))
        log("ok  manage.py check --deploy clean; static files collected")

        # TLS: a throwaway self-signed certificate for localhost, trusted by this script only.
        cert, key = work / "nginx" / "cert.pem", work / "nginx" / "key.pem"
        run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
                "-keyout", str(key), "-out", str(cert),
            ]
        )  # fmt: skip
        TLS_CONTEXT = ssl.create_default_context(cafile=str(cert))

        gunicorn_log = work / "gunicorn.log"
        start(
            "gunicorn",
            [str(VENV_BIN / "gunicorn"), "-c", str(REPO / "backend/config/gunicorn.conf.py")],
            env,
            gunicorn_log,
        )
        start("worker", [*MANAGE, "db_worker", "--interval", "0.2", "--no-startup-delay"], env, work / "worker.log")

        # nginx: the repo's template rendered for loopback, in a config of its own (prefix, pid, logs,
        # temp paths under the work directory), as an unprivileged user.
        conf = Template(TEMPLATE.read_text(encoding="utf-8")).safe_substitute(
            SEHUB_SERVER_NAME=HOST,
            SEHUB_HTTP_LISTEN=f"127.0.0.1:{HTTP_PORT}",
            SEHUB_HTTPS_LISTEN=f"127.0.0.1:{PORT}",
            SEHUB_TLS_CERT=str(cert),
            SEHUB_TLS_KEY=str(key),
            SEHUB_BACKEND=f"127.0.0.1:{BACKEND_PORT}",
            SEHUB_APP_ROOT=str(work / "nginx" / "app"),
        )
        leftover = re.findall(r"\$\{SEHUB_\w+\}", conf)
        expect(not leftover, f"template variables left unrendered: {leftover}")
        nginx_dir = work / "nginx"
        # nginx reads a copy of the built app: the checkout may sit where its user cannot read.
        shutil.copytree(DIST, nginx_dir / "app")
        (nginx_dir / "sehub.conf").write_text(conf, encoding="utf-8")
        temp_paths = "\n".join(
            f"    {name}_temp_path {nginx_dir / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (nginx_dir / "nginx.conf").write_text(
            f"""worker_processes 1;
daemon off;
pid {nginx_dir / "nginx.pid"};
error_log {nginx_dir / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {nginx_dir / "access.log"};
    sendfile on;
{temp_paths}
    include {nginx_dir / "sehub.conf"};
}}
""",
            encoding="utf-8",
        )
        nginx_cmd = [
            "nginx",
            "-p",
            str(nginx_dir),
            "-c",
            str(nginx_dir / "nginx.conf"),
            "-e",
            str(nginx_dir / "error.log"),
        ]
        if os.geteuid() == 0:
            # Root here (CI): run nginx as nobody, which then owns only its own directory.
            shutil.chown(work, "nobody", "nogroup")
            for path in nginx_dir.rglob("*"):
                shutil.chown(path, "nobody", "nogroup")
            shutil.chown(nginx_dir, "nobody", "nogroup")
            nginx_cmd = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *nginx_cmd]
        run([*nginx_cmd, "-t"])
        nginx = start("nginx", nginx_cmd, env, work / "nginx.out")

        deadline = time.monotonic() + 60
        while True:
            for name, proc in processes:
                expect(proc.poll() is None, f"{name} exited with {proc.returncode}")
            try:
                if request("GET", "/api/v1/health/").status == 200:
                    break
            except OSError:
                pass
            expect(time.monotonic() < deadline, "the stack did not answer /api/v1/health/ through nginx in 60 s")
            time.sleep(0.2)
        log("the stack answers through nginx")
        uid = next(
            line.split()[1]
            for line in Path(f"/proc/{nginx.pid}/status").read_text().splitlines()
            if line.startswith("Uid:")
        )
        expect(uid != "0", "nginx runs as root")

        @check("health through nginx (TLS, HSTS, request id)")
        def _health() -> None:
            r = request("GET", "/api/v1/health/")
            expect(
                r.status == 200 and r.json() == {"status": "ok", "database": "ok", "cache": "ok"},
                f"health: {r.status} {r.raw[:200]!r}",
            )
            expect("max-age=31536000" in r.headers.get("strict-transport-security", ""), "no HSTS header")
            expect(re.fullmatch(r"[0-9a-f]{32}", r.headers.get("x-request-id", "")), "no X-Request-Id")
            plain = request("GET", "/events", tls=False)
            expect(
                plain.status == 301 and plain.headers.get("location") == f"https://{HOST}/events",
                f"plain HTTP: {plain.status} {plain.headers.get('location')}",
            )

        @check("the app's index and a deep client-side route with its Open Graph tags")
        def _index() -> None:
            r = request("GET", "/")
            expect(r.status == 200 and 'id="root"' in r.text, f"index: {r.status}")
            expect(r.headers.get("cache-control") == "no-cache", "the index must be revalidated")
            expect(re.search(r'src="/assets/[^"]+\.js"', r.text), "the index names no hashed script")
            events = request(
                "GET", "/api/v1/events/?ordering=starts_at&page_size=1", source=OTHER_CLIENT_ADDRESS
            ).json()
            event = events["results"][0]
            r = request("GET", f"/events/{event['id']}")
            expect(r.status == 200, f"/events/{event['id']}: {r.status}")
            title = re.search(r'<meta property="og:title" content="([^"]*)"', r.text)
            url = re.search(r'<meta property="og:url" content="([^"]*)"', r.text)
            from html import unescape

            expect(title and unescape(title.group(1)) == event["title"], f"og:title {title and title.group(1)!r}")
            expect(url and url.group(1) == f"{ORIGIN}/events/{event['id']}", f"og:url {url and url.group(1)!r}")

        @check("an API list through the proxy, gzipped")
        def _api_list() -> None:
            r = request(
                "GET",
                "/api/v1/enterprises/?page_size=50",
                headers={"Accept-Encoding": "gzip"},
                source=OTHER_CLIENT_ADDRESS,
            )
            expect(r.status == 200, f"enterprises: {r.status}")
            expect(r.headers.get("content-encoding") == "gzip", "the JSON list is not gzipped")
            data = r.json()
            expect(data["count"] >= 155 and len(data["results"]) == 50, f"count {data['count']}")

        @check("a hashed asset: a year's immutable cache, precompressed gzip")
        def _asset() -> None:
            index = request("GET", "/").text
            asset = re.search(r'src="(/assets/[^"]+\.js)"', index)
            assert asset is not None
            r = request("GET", asset.group(1), headers={"Accept-Encoding": "gzip"})
            expect(r.status == 200, f"{asset.group(1)}: {r.status}")
            cache = r.headers.get("cache-control", "")
            expect("max-age=31536000" in cache and "immutable" in cache, f"Cache-Control: {cache!r}")
            expect(r.headers.get("content-encoding") == "gzip", "the asset is not served gzipped")
            expect((DIST / asset.group(1).lstrip("/")).read_bytes() == gzip.decompress(r.raw), "asset bytes differ")

        @check("uploaded media through the proxy, with the backend's safe headers")
        def _media() -> None:
            png = (
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
                b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
            )
            (work / "media" / "prodcheck").mkdir(exist_ok=True)
            (work / "media" / "prodcheck" / "logo.png").write_bytes(png)
            r = request("GET", "/media/prodcheck/logo.png")
            expect(r.status == 200 and r.raw == png, f"/media/: {r.status}")
            expect(r.headers.get("content-type") == "image/png", f"Content-Type {r.headers.get('content-type')}")
            expect(r.headers.get("x-content-type-options") == "nosniff", "media without nosniff")
            expect(request("GET", "/media/prodcheck/../../secret_key").status == 404, "a path outside MEDIA_ROOT")

        @check("an authenticated write with an Idempotency-Key, replayed by the other worker")
        def _idempotent_write() -> None:
            token = request(
                "POST",
                "/api/v1/auth/token/",
                body={"email": "citizen@example.com", "password": "sehub-demo-2015"},
            ).json()["access"]
            auth = {"Authorization": f"Bearer {token}"}
            events = request("GET", "/api/v1/events/?upcoming=true&has_seats=true&page_size=50", headers=auth).json()
            candidates = [e for e in events["results"] if e.get("my_registration") is None]
            expect(candidates, "no upcoming event with seats the citizen is not registered for")
            event_id = candidates[0]["id"]
            before = request("GET", f"/api/v1/events/{event_id}/", headers=auth).json()
            key = {"Idempotency-Key": str(uuid.uuid4()), **auth}
            first = request("POST", f"/api/v1/events/{event_id}/registration/", body={}, headers=key)
            expect(first.status == 201, f"registration: {first.status} {first.raw[:300]!r}")
            first_worker = worker_of(first.headers["x-request-id"], gunicorn_log)
            other = None
            for _ in range(8):
                with ThreadPoolExecutor(4) as pool:
                    replies = list(
                        pool.map(
                            lambda _: request("POST", f"/api/v1/events/{event_id}/registration/", body={}, headers=key),
                            range(4),
                        )
                    )
                for reply in replies:
                    expect(reply.status == 201, f"replay: {reply.status} {reply.raw[:300]!r}")
                    expect(reply.headers.get("idempotent-replayed") == "true", "the retry was not a replay")
                    expect(reply.json() == first.json(), "the replay differs from the first answer")
                    worker = worker_of(reply.headers["x-request-id"], gunicorn_log)
                    if worker != first_worker:
                        other = worker
                if other:
                    break
            expect(other, f"every replay was answered by worker {first_worker}")
            after = request("GET", f"/api/v1/events/{event_id}/", headers=auth).json()
            moved = (after["confirmed_count"] + after["waitlisted_count"]) - (
                before["confirmed_count"] + before["waitlisted_count"]
            )
            expect(moved == 1, f"registrations changed by {moved}, not 1")
            log(f"    written by worker {first_worker}, replayed by worker {other}")

        @check("throttling counted across both workers, keyed by the real client address")
        def _throttle() -> None:
            client = redis_client()
            for key in client.scan_iter(f"{CACHE_PREFIX}:*throttle_anon_*"):
                client.delete(key)
            # Each request claims another address in X-Forwarded-For; nginx appends the real one.
            path = "/api/v1/enterprises/?page_size=1"
            replies = [
                request("GET", path, headers={"X-Forwarded-For": f"203.0.113.{i}"}) for i in range(THROTTLE_ANON)
            ]
            expect(all(r.status == 200 for r in replies), f"statuses {[r.status for r in replies]}")
            workers = {worker_of(r.headers["x-request-id"], gunicorn_log) for r in replies}
            # Over the limit, on whichever worker: next to health checks (never throttled) so
            # that nginx opens more connections and the other worker gets some.
            for _ in range(40):
                with ThreadPoolExecutor(8) as pool:
                    futures = [pool.submit(request, "GET", "/api/v1/health/") for _ in range(7)]
                    over = request("GET", path, headers={"X-Forwarded-For": "198.51.100.7"})
                    [f.result() for f in futures]
                expect(over.status == 429 and over.headers.get("retry-after"), f"over the limit: {over.status}")
                workers.add(worker_of(over.headers["x-request-id"], gunicorn_log))
                if len(workers) == 2:
                    break
            expect(len(workers) == 2, f"every throttled request was answered by worker {workers}")
            expect(over.json().get("code") == "throttled", "429 is not a throttled problem")
            keys = sorted(
                k.decode() for k in client.scan_iter(f"{CACHE_PREFIX}:*throttle_anon_*") if not k.endswith(b":opened")
            )
            expect(
                keys == [f"{CACHE_PREFIX}:1:throttle_anon_{CLIENT_ADDRESS}"],
                f"throttle counters {keys} (expected one, for {CLIENT_ADDRESS})",
            )
            elsewhere = request("GET", path, source=OTHER_CLIENT_ADDRESS)
            expect(elsewhere.status == 200, f"another client was throttled too: {elsewhere.status}")
            log(f"    {THROTTLE_ANON} requests, then 429 from workers {sorted(workers)}; another client 200")

        @check("forwarded headers believed from nginx only, not from a peer that reaches gunicorn directly")
        def _forwarded() -> None:
            client = redis_client()
            forged = {"X-Forwarded-For": "203.0.113.99", "X-Forwarded-Proto": "https"}
            path = "/api/v1/enterprises/?page_size=1"

            def direct(source: str) -> Response:
                conn = http.client.HTTPConnection("127.0.0.1", BACKEND_PORT, timeout=10, source_address=(source, 0))
                try:
                    conn.request("GET", path, headers={"Host": HOST, **forged})
                    reply = conn.getresponse()
                    return Response(reply.status, reply.getheaders(), reply.read())
                finally:
                    conn.close()

            # From 127.0.0.4 (not in TRUSTED_PROXIES): neither header is believed, so the plain-HTTP
            # request is redirected to HTTPS and is counted under nobody's address.
            stranger = direct(DIRECT_ADDRESS)
            expect(
                stranger.status == 301 and stranger.headers.get("location", "").startswith("https://"),
                f"a direct request claiming https from {DIRECT_ADDRESS}: {stranger.status}",
            )
            # From 127.0.0.1, where nginx connects from: both are believed (as nginx writes them).
            proxy = direct("127.0.0.1")
            expect(proxy.status == 200, f"the same request from the proxy's address: {proxy.status}")
            keys = {k.decode() for k in client.scan_iter(f"{CACHE_PREFIX}:*throttle_anon_203.0.113.99")}
            expect(keys, "the proxy's X-Forwarded-For was not the address counted")
            log(
                f"    {DIRECT_ADDRESS} forging the headers: 301 to https; 127.0.0.1 (the proxy): 200, counted as 203.0.113.99"
            )

        @check("an e-mail sent by the task worker")
        def _mail() -> None:
            # Other mails may already be there (notifications the demo data sent through the worker):
            # only a file written after the request counts.
            earlier = set((work / "mail").iterdir())
            r = request(
                "POST",
                "/api/v1/auth/password/reset/",
                body={"email": "citizen@example.com"},
                source=OTHER_CLIENT_ADDRESS,
            )
            expect(r.status == 202, f"password reset: {r.status} {r.raw[:200]!r}")
            deadline = time.monotonic() + 30
            while not set((work / "mail").iterdir()) - earlier:
                expect(time.monotonic() < deadline, "no e-mail written within 30 s")
                time.sleep(0.2)
            time.sleep(0.5)  # the file backend writes a file per connection: let it finish
            messages = [
                path.read_text(encoding="utf-8", errors="replace")
                for path in sorted(set((work / "mail").iterdir()) - earlier)
            ]
            expect(
                any("To: citizen@example.com" in message for message in messages),
                "the e-mail is not addressed to the citizen",
            )
            rows = run(
                [
                    "psql",
                    DATABASE_URL,
                    "-tA",
                    "-c",
                    "SELECT status, worker_ids::text FROM django_tasks_database_dbtaskresult",
                ]
            ).stdout.split()
            expect(rows and all(row.startswith('SUCCESSFUL|["') for row in rows), f"task results: {rows}")
            expect("[Social Economy Hub]" not in (work / "gunicorn.log").read_text(), "gunicorn sent the mail itself")

        @check("metrics: closed at nginx, served by the backend to its token")
        def _metrics() -> None:
            expect(request("GET", "/metrics").status == 404, "/metrics is open through nginx")
            direct = http.client.HTTPConnection("127.0.0.1", BACKEND_PORT, timeout=10)
            try:
                direct.request("GET", "/metrics", headers={"Host": "127.0.0.1"})
                denied = direct.getresponse()
                denied.read()
                direct.request(
                    "GET", "/metrics", headers={"Host": "127.0.0.1", "Authorization": f"Bearer {metrics_token}"}
                )
                served = direct.getresponse()
                text = served.read().decode()
            finally:
                direct.close()
            expect(denied.status in (401, 404), f"/metrics without the token: {denied.status}")
            expect(served.status == 200, f"/metrics with the token: {served.status}")
            expect(
                re.search(
                    r'sehub_http_requests_total\{method="GET",route="api/v1/enterprises/",status="429"\} [1-9]', text
                ),
                "the 429 is not counted in sehub_http_requests_total",
            )
            expect("sehub_http_request_duration_seconds_bucket{" in text, "no latency histogram")

        @check("the scheduler's periodic commands, once, with these settings")
        def _scheduler() -> None:
            done = subprocess.run(
                [*MANAGE, "run_scheduler", "--once"], env=env, text=True, capture_output=True, check=False, timeout=120
            )
            output = done.stdout + done.stderr
            expect(done.returncode == 0, f"run_scheduler --once exited {done.returncode}:\n{output}")
            listed = run(
                [
                    *MANAGE,
                    "shell",
                    "-c",
                    "from django.conf import settings; [print(e) for e in settings.SCHEDULED_COMMANDS]",
                ],
                env,
            ).stdout.splitlines()
            labels = [" ".join(entry.rpartition("@")[0].split()) for entry in listed if "@" in entry]
            expect(labels, "SCHEDULED_COMMANDS is empty")
            for label in labels:
                expect(f"scheduler: {label} done in" in output, f"the scheduler did not run {label}:\n{output}")
            log(f"    {', '.join(labels)}: done")

        @check("a Redis outage: the site keeps serving (degraded) and recovers when Redis is back")
        def _cache_outage() -> None:
            link.cut()
            try:
                health = request("GET", "/api/v1/health/")
                expect(
                    health.status == 200 and health.json()["status"] == "degraded",
                    f"health without Redis: {health.status} {health.raw[:200]!r}",
                )
                served = [
                    request("GET", "/api/v1/enterprises/?page_size=5", source=OTHER_CLIENT_ADDRESS) for _ in range(3)
                ]
                expect(all(r.status == 200 for r in served), f"reads without Redis: {[r.status for r in served]}")
                event = request("GET", "/api/v1/events/?page_size=1", source=OTHER_CLIENT_ADDRESS)
                expect(event.status == 200, f"events without Redis: {event.status}")
                # Password guesses are never uncounted: log-in pauses instead.
                login = request(
                    "POST",
                    "/api/v1/auth/token/",
                    body={"email": "citizen@example.com", "password": "sehub-demo-2015"},
                    source=OTHER_CLIENT_ADDRESS,
                )
                expect(
                    login.status == 503 and login.headers.get("retry-after"),
                    f"log-in without Redis: {login.status} {login.raw[:200]!r}",
                )
            finally:
                link.start()
            deadline = time.monotonic() + 15
            while (health := request("GET", "/api/v1/health/")).json().get("status") != "ok":
                expect(time.monotonic() < deadline, f"still {health.json()} 15 s after Redis came back")
                time.sleep(0.2)
            log("    without Redis: health degraded, reads 200, log-in 503; back to ok once the link is mended")

        for step in (
            _health,
            _index,
            _api_list,
            _asset,
            _media,
            _idempotent_write,
            _throttle,
            _forwarded,
            _mail,
            _metrics,
            _scheduler,
            _cache_outage,
        ):
            step()
    except (CheckFailed, subprocess.CalledProcessError) as exc:
        failed = True
        if isinstance(exc, subprocess.CalledProcessError):
            log(f"FAILED: {' '.join(map(str, exc.cmd))} exited {exc.returncode}\n{exc.stdout}{exc.stderr}")
        else:
            log(f"FAILED: {exc}")
    except BaseException:
        failed = True
        raise
    finally:
        stop_all()
        try:
            clear_cache_prefix()
        except Exception as exc:  # cleanup goes on
            log(f"could not clear the cache prefix: {exc}")
        for cleanup in reversed(cleanups):
            cleanup()
        if failed:
            for logfile in [*sorted(work.rglob("*.log")), work / "nginx.out"]:
                if logfile.exists():
                    print(f"--- {logfile} (last 40 lines)")
                    print("\n".join(logfile.read_text(errors="replace").splitlines()[-40:]))
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    total = time.monotonic() - started_at
    print()
    for name, seconds in results:
        print(f"  ok  {name} ({seconds:.1f}s)")
    print(f"prodcheck: {'FAILED' if failed else 'passed'} in {total:.0f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
