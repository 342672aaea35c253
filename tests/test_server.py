"""The server `make run` starts: gunicorn with `backend/config/gunicorn.conf.py`, DEBUG off, the
default SQLite database (a throwaway one here) and the installation's own secret.

Proves that a burst of simultaneous registrations gets an answer for every request (Django's
development server reset some of 30), that idempotency keys hold across its worker processes,
and that what it serves is production-shaped: no traceback pages, media with safe headers, no
token signed with a key anyone could read in the source.
"""

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jwt
import pytest

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parents[1]
BACKEND = REPO / "backend"
GUNICORN = Path(sys.executable).parent / "gunicorn"
# This project's local port range; 8831 is the contract check's.
PORTS = range(8832, 8840)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass
class Server:
    port: int
    workdir: Path
    log: Path

    def request(
        self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            data = json.dumps(body).encode() if body is not None else None
            all_headers = {"Content-Type": "application/json"} if data is not None else {}
            all_headers.update(headers or {})
            conn.request(method, path, body=data, headers=all_headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {PORTS}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    workdir = tmp_path_factory.mktemp("server")
    drop = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "JWT_SIGNING_KEY", "DATABASE_URL", "CACHE_URL", "DEBUG"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    # What `make run` sets (Makefile RUN_ENV), on a throwaway installation.
    env.update(
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        SEHUB_VAR_DIR=str(workdir),
        DATABASE_URL=f"sqlite:///{workdir / 'sehub.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Registration is rate-limited per address (10/minute); this measures the server, not that.
        THROTTLE_ANON="100000/minute",
        THROTTLE_LOGIN="100000/minute",
        THROTTLE_REGISTER="100000/minute",
    )
    # The production settings with a cheap password hash: Argon2 (100 MiB, ~0.2-0.8 s a hash here)
    # would make this a measure of the CPU, not of whether every connection gets an answer.
    (workdir / "server_settings.py").write_text(
        "from config.settings import *  # noqa: F403\n"
        "PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']\n"
    )
    env.update(DJANGO_SETTINGS_MODULE="server_settings", PYTHONPATH=str(workdir))
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BACKEND, env=env, check=True, timeout=120
    )
    port = _free_port()
    log = workdir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", str(BACKEND / "config" / "gunicorn.conf.py"), "-b", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Server(port, workdir, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if running.request("GET", "/api/v1/health/")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield running
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _fire(server: Server, count: int, make: object) -> tuple[list[tuple[int, dict, bytes]], list[BaseException]]:
    barrier = threading.Barrier(count)
    answers: list[tuple[int, dict, bytes]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        barrier.wait(timeout=30)
        try:
            answer = make(n)  # type: ignore[operator]
        except BaseException as exc:  # a reset or a closed connection is what this test looks for
            with lock:
                errors.append(exc)
            return
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers, errors


def _register(server: Server, email: str, key: str | None = None) -> tuple[int, dict, bytes]:
    headers = {"Idempotency-Key": key} if key else {}
    body = {"email": email, "password": "a-long-enough-passphrase", "display_name": "동시 가입"}
    return server.request("POST", "/api/v1/auth/register/", body, headers)


def test_thirty_simultaneous_registrations_all_get_an_answer(server):
    started = time.monotonic()
    answers, errors = _fire(server, 30, lambda n: _register(server, f"burst-{n}@example.com"))
    elapsed = time.monotonic() - started
    assert errors == [], errors
    assert len(answers) == 30
    assert sorted(status for status, _, _ in answers) == [202] * 30, [a[2][:200] for a in answers]
    print(f"30 simultaneous registrations: 30 answers, 0 errors in {elapsed:.1f} s")


def test_one_idempotency_key_from_ten_connections_has_one_effect_across_workers(server):
    key = str(uuid.uuid4())
    answers, errors = _fire(server, 10, lambda n: _register(server, "once@example.com", key))
    assert errors == []
    statuses = [status for status, _, _ in answers]
    assert set(statuses) <= {202, 409}, statuses
    created = [json.loads(content) for status, _, content in answers if status == 202]
    assert created and all(item == created[0] for item in created)
    later = _register(server, "once@example.com", key)
    assert later[0] == 202 and later[1]["idempotent-replayed"] == "true"
    with sqlite3.connect(server.workdir / "sehub.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM accounts_user WHERE email = 'once@example.com'").fetchone() == (1,)


def test_errors_are_problem_documents_never_traceback_pages(server):
    status, headers, content = server.request("GET", "/api/v1/enterprises/?page=abc")
    assert status == 404 and headers["content-type"] == "application/problem+json"
    # Outside the API an unknown path is a client-side route of the web app: its index, or a
    # short 503 when the app is not built; never a traceback page.
    status, headers, content = server.request("GET", "/no-such-page/")
    assert status in (200, 503) and b"Traceback" not in content and len(content) < 20000
    status, headers, content = server.request("POST", "/api/v1/auth/register/", {"email": ["x"]})
    assert status == 400 and headers["content-type"] == "application/problem+json"


def test_the_secret_is_the_installations_own(server):
    secret = server.workdir / "secret_key"
    assert secret.stat().st_mode & 0o777 == 0o600
    assert len(secret.read_text().strip()) >= 50
    # A token signed with the key that used to be written in settings.py is refused.
    old_key = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"
    forged = jwt.encode(
        {"token_type": "access", "user_id": 1, "exp": int(time.time()) + 600, "jti": uuid.uuid4().hex}, old_key
    )
    status, _, _ = server.request("GET", "/api/v1/auth/me/", headers={"Authorization": f"Bearer {forged}"})
    assert status == 401


def test_media_files_are_served_safely(server):
    media = server.workdir / "media" / "logos"
    media.mkdir(parents=True)
    (media / "logo.png").write_bytes(PNG)
    status, headers, content = server.request("GET", "/media/logos/logo.png")
    assert status == 200 and content == PNG
    assert headers["content-type"] == "image/png"
    assert headers["x-content-type-options"] == "nosniff"
    for path in (
        "/media/logos/",
        "/media/",
        "/media/../secret_key",
        "/media/%2e%2e/secret_key",
        "/media/logos/nope.png",
    ):
        assert server.request("GET", path)[0] == 404, path
