"""Idempotency-Key: replay, reuse with another body (422), in progress (409), 20 concurrent."""

import hashlib
import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from rest_framework.test import APIClient

from api.accounts.models import User

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/register/"
REPO = Path(__file__).resolve().parents[2]


def body(email: str = "idem@example.com") -> dict:
    return {"email": email, "password": "a-long-enough-passphrase", "display_name": "재시도"}


def test_retry_with_the_same_key_replays_and_creates_nothing(anon_client):
    key = str(uuid.uuid4())
    first = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    second = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 202
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert User.objects.filter(email="idem@example.com").count() == 1


def test_without_a_key_a_second_post_runs_again(anon_client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert anon_client.post(URL, body(), format="json").status_code == 202
        assert anon_client.post(URL, body(), format="json").status_code == 202
    # The second one ran: the address had an account by then, so its owner was mailed.
    assert len(mailoutbox) == 1


def test_same_key_with_a_different_body_is_422(anon_client):
    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    response = anon_client.post(URL, body("other@example.com"), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert not User.objects.filter(email="other@example.com").exists()


def test_validation_errors_are_replayed_too(anon_client):
    key = str(uuid.uuid4())
    bad = {"email": "x"}
    first = anon_client.post(URL, bad, format="json", headers={"Idempotency-Key": key})
    second = anon_client.post(URL, bad, format="json", headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 400
    assert second["Idempotent-Replayed"] == "true"


def test_request_in_progress_is_409(anon_client):
    key = "in-progress-key"
    scope = "anon:127.0.0.1"
    base = "idem:" + hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()
    cache.set(base + ":lock", "someone-else", 60)
    response = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key}, REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_in_use"
    assert not User.objects.exists()


def test_keys_are_scoped_to_the_caller(user_client, coordinator_client):
    key = str(uuid.uuid4())
    a = user_client.patch("/api/v1/auth/me/", {"display_name": "하나"}, format="json", headers={"Idempotency-Key": key})
    b = coordinator_client.patch(
        "/api/v1/auth/me/", {"display_name": "하나"}, format="json", headers={"Idempotency-Key": key}
    )
    assert a.status_code == b.status_code == 200
    assert a.json()["id"] != b.json()["id"]
    assert "Idempotent-Replayed" not in b


@pytest.mark.parametrize("key", ["", "x" * 256, "한글키"])
def test_invalid_keys_are_400(anon_client, key):
    response = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 400
    assert response.json()["code"] == "idempotency_key_invalid"
    assert not User.objects.exists()


def test_keys_expire(anon_client, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.IDEMPOTENCY_TTL_SECONDS = 1
    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    base = "idem:" + hashlib.sha256(f"anon:127.0.0.1\0{key}".encode()).hexdigest()
    cache.delete(base + ":rec")  # what the TTL does after 24 hours
    with django_capture_on_commit_callbacks(execute=True):
        again = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert "Idempotent-Replayed" not in again
    assert len(mailoutbox) == 1  # ran anew: the address is now taken, so its owner was mailed


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_requests_with_one_key_have_one_effect():
    key = str(uuid.uuid4())
    barrier = threading.Barrier(20)
    results: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def fire() -> None:
        try:
            client = APIClient()
            barrier.wait(timeout=10)
            response = client.post(URL, body("race@example.com"), format="json", headers={"Idempotency-Key": key})
            with lock:
                results.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=fire) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 20
    assert User.objects.filter(email="race@example.com").count() == 1
    statuses = {status for status, _ in results}
    assert statuses <= {202, 409}, statuses
    created = [data for status, data in results if status == 202]
    assert created and all(data == created[0] for data in created)
    assert all(data["code"] == "idempotency_key_in_use" for status, data in results if status == 409)


@pytest.mark.skipif("redis" not in settings.CACHES["default"]["BACKEND"].lower(), reason="needs the shared Redis cache")
def test_a_key_holds_across_processes(anon_client):
    """Another process (another gunicorn worker) sees the stored response and replays it."""
    key = str(uuid.uuid4())
    first = anon_client.post(URL, body("cross@example.com"), format="json", headers={"Idempotency-Key": key})
    assert first.status_code == 202
    scope_key = "idem:" + hashlib.sha256(f"anon:127.0.0.1\0{key}".encode()).hexdigest() + ":rec"
    env = {**os.environ, "SEHUB_TEST_CACHE_PREFIX": settings.CACHES["default"]["KEY_PREFIX"]}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    script = (
        "import django, json; django.setup()\n"
        "from django.core.cache import cache\n"
        f"record = cache.get({scope_key!r})\n"
        "print(json.dumps({'status': record['status'], 'content': record['content'].decode()}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO / "backend", env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 202
    assert json.loads(seen["content"]) == first.json()


def test_a_response_stored_just_before_the_lock_is_taken_is_replayed(anon_client, monkeypatch):
    """The first look finds nothing, the first request then finishes and frees the lock: the
    retry takes the lock, must look again and replay instead of running a second time."""
    from api.common.idempotency import IdempotencyMiddleware

    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    real = IdempotencyMiddleware._replay
    looks: list[int] = []

    def first_look_misses(request, record_key, fingerprint):
        looks.append(1)
        return None if len(looks) == 1 else real(request, record_key, fingerprint)

    monkeypatch.setattr(IdempotencyMiddleware, "_replay", staticmethod(first_look_misses))
    retry = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert retry.status_code == 202
    assert retry["Idempotent-Replayed"] == "true"
    assert User.objects.filter(email="idem@example.com").count() == 1
