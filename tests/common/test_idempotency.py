"""Idempotency-Key: replay, reuse with another body (422), in progress (409), concurrency, records
kept in the database until their TTL (shared by every thread and process), and the check running
only after authentication and method routing."""

import json
import os
import subprocess
import sys
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework.test import APIClient

from api.accounts.models import User
from api.common import idempotency
from api.common.errors import ErrorCode
from api.common.idempotency import IdempotencyGate, record_key
from api.common.models import IdempotencyRecord

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/register/"
REPO = Path(__file__).resolve().parents[2]


def body(email: str = "idem@example.com") -> dict:
    return {"email": email, "password": "a-long-enough-passphrase", "display_name": "재시도"}


def anon_key(key: str) -> str:
    return record_key("anon:127.0.0.1", key)


def test_retry_with_the_same_key_replays_and_creates_nothing(anon_client):
    key = str(uuid.uuid4())
    first = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    second = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 202
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert second["Content-Type"] == first["Content-Type"]
    assert "Idempotent-Replayed" not in first
    assert User.objects.filter(email="idem@example.com").count() == 1
    record = IdempotencyRecord.objects.get()
    assert record.status_code == 202 and record.locked_until is None
    assert key not in record.key  # only a hash of scope and key is kept


def test_without_a_key_a_second_post_runs_again(anon_client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert anon_client.post(URL, body(), format="json").status_code == 202
        assert anon_client.post(URL, body(), format="json").status_code == 202
    # The second one ran: the address had an account by then, so its owner was mailed.
    assert len(mailoutbox) == 1
    assert not IdempotencyRecord.objects.exists()


def test_same_key_with_a_different_body_is_422(anon_client):
    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    response = anon_client.post(URL, body("other@example.com"), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "idempotency_key_reused"
    assert not User.objects.filter(email="other@example.com").exists()


def test_validation_errors_are_replayed_too(anon_client):
    key = str(uuid.uuid4())
    bad = {"email": "x"}
    first = anon_client.post(URL, bad, format="json", headers={"Idempotency-Key": key})
    second = anon_client.post(URL, bad, format="json", headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 400
    assert second["Idempotent-Replayed"] == "true"


def _running(key: str, fingerprint: str = "", locked_for: timedelta = timedelta(seconds=60)) -> IdempotencyRecord:
    now = timezone.now()
    return IdempotencyRecord.objects.create(
        key=anon_key(key),
        fingerprint=fingerprint,
        owner="someone-else",
        locked_until=now + locked_for,
        created_at=now,
        expires_at=now + timedelta(hours=24),
    )


def _fingerprint_of_register(anon_client, key: str) -> str:
    """The fingerprint a registration with ``body()`` has (taken from a first, discarded run)."""
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    record = IdempotencyRecord.objects.get(key=anon_key(key))
    User.objects.all().delete()
    record.delete()
    return record.fingerprint


def test_request_in_progress_is_409(anon_client):
    key = "in-progress-key"
    _running(key, _fingerprint_of_register(anon_client, key))
    response = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_in_use"
    assert not User.objects.exists()


def test_a_claim_left_by_a_dead_worker_is_taken_over_after_its_lock_expires(anon_client):
    key = "dead-worker-key"
    _running(key, _fingerprint_of_register(anon_client, key), locked_for=timedelta(seconds=-1))
    response = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 202
    assert IdempotencyRecord.objects.get(key=anon_key(key)).status_code == 202
    assert anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})["Idempotent-Replayed"]


def test_keys_are_scoped_to_the_caller(user_client, coordinator_client):
    key = str(uuid.uuid4())
    a = user_client.patch("/api/v1/auth/me/", {"display_name": "하나"}, format="json", headers={"Idempotency-Key": key})
    b = coordinator_client.patch(
        "/api/v1/auth/me/", {"display_name": "하나"}, format="json", headers={"Idempotency-Key": key}
    )
    assert a.status_code == b.status_code == 200
    assert a.json()["id"] != b.json()["id"]
    assert "Idempotent-Replayed" not in b


@pytest.mark.parametrize("key", ["", "short", "x" * 256, "한글키-한글키-한글키", "has space inside", "a/b/c/d/e/f"])
def test_invalid_keys_are_400(anon_client, key):
    response = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 400
    assert response.json()["code"] == "idempotency_key_invalid"
    assert not User.objects.exists()


@pytest.mark.parametrize("key", ["5f0c7c1e-8f0e-4b0a-9d7e-2c1a3b4c5d6e", "AbC_123-xyz", "x" * 255])
def test_valid_keys_match_the_documented_pattern(anon_client, key):
    import re

    assert re.fullmatch(idempotency.KEY_PATTERN.strip("^$"), key)
    assert anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key}).status_code == 202


def test_error_codes_are_the_shared_ones():
    assert idempotency.IdempotencyKeyInvalid.default_code == ErrorCode.IDEMPOTENCY_KEY_INVALID
    assert idempotency.IdempotencyKeyReused.default_code == ErrorCode.IDEMPOTENCY_KEY_REUSED
    assert idempotency.IdempotencyKeyInUse.default_code == ErrorCode.IDEMPOTENCY_KEY_IN_USE


def test_keys_expire_after_their_ttl(anon_client, mailoutbox, django_capture_on_commit_callbacks):
    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    # What 24 hours do: the record is past its expiry.
    IdempotencyRecord.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        again = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert again.status_code == 202
    assert "Idempotent-Replayed" not in again
    assert len(mailoutbox) == 1  # ran anew: the address is now taken, so its owner was mailed


def test_the_ttl_setting_sets_the_expiry(anon_client, settings):
    settings.IDEMPOTENCY_TTL_SECONDS = 3600
    before = timezone.now()
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": str(uuid.uuid4())})
    expires = IdempotencyRecord.objects.get().expires_at
    assert before + timedelta(seconds=3600) <= expires <= timezone.now() + timedelta(seconds=3600)


def test_a_thousand_later_keys_do_not_evict_the_first(anon_client):
    """The local-memory cache used before dropped keys after ~300 entries."""
    first_key = str(uuid.uuid4())
    first = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": first_key})
    assert first.status_code == 202
    now = timezone.now()
    IdempotencyRecord.objects.bulk_create(
        IdempotencyRecord(
            key=anon_key(f"later-key-{n:04d}"),
            fingerprint="f",
            owner="o",
            status_code=202,
            content=b"{}",
            content_type="application/json",
            created_at=now,
            expires_at=now + timedelta(hours=24),
        )
        for n in range(1000)
    )
    assert IdempotencyRecord.objects.count() == 1001
    again = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": first_key})
    assert again.status_code == 202
    assert again["Idempotent-Replayed"] == "true"
    assert User.objects.filter(email="idem@example.com").count() == 1


def test_purge_command_deletes_only_expired_records(anon_client):
    for n in range(3):
        anon_client.post(URL, body(f"p{n}@example.com"), format="json", headers={"Idempotency-Key": f"purge-key-{n}"})
    IdempotencyRecord.objects.filter(key=anon_key("purge-key-0")).update(expires_at=timezone.now())
    call_command("purge_idempotency_records")
    assert IdempotencyRecord.objects.count() == 2
    assert not IdempotencyRecord.objects.filter(key=anon_key("purge-key-0")).exists()


def test_answers_that_say_try_again_are_not_kept(anon_client):
    key = str(uuid.uuid4())
    credentials = {"email": "nobody@example.com", "password": "wrong-password-here"}
    first = anon_client.post("/api/v1/auth/token/", credentials, format="json", headers={"Idempotency-Key": key})
    assert first.status_code == 401
    assert not IdempotencyRecord.objects.exists()


# --- after authentication and method routing --------------------------------------------------


def test_anonymous_write_with_a_used_key_is_401_not_422(anon_client):
    key = str(uuid.uuid4())
    assert anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key}).status_code == 202
    response = anon_client.post("/api/v1/events/", {"title": "x"}, format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_anonymous_write_with_an_invalid_key_is_401_not_400(anon_client):
    response = anon_client.post("/api/v1/events/", {"title": "x"}, format="json", headers={"Idempotency-Key": "bad"})
    assert response.status_code == 401


def test_invalid_token_with_a_key_is_401(anon_client):
    anon_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    response = anon_client.post("/api/v1/events/", {}, format="json", headers={"Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == 401
    assert not IdempotencyRecord.objects.exists()


def test_a_method_the_path_does_not_take_is_405_not_422(anon_client, user_client):
    key = str(uuid.uuid4())
    assert anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key}).status_code == 202
    response = anon_client.patch(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    # Authenticated, on a POST-only action:
    other = str(uuid.uuid4())
    assert user_client.post("/api/v1/notifications/read-all/", headers={"Idempotency-Key": other}).status_code == 200
    response = user_client.patch(
        "/api/v1/notifications/read-all/", {}, format="json", headers={"Idempotency-Key": other}
    )
    assert response.status_code == 405
    response = user_client.patch("/api/v1/notifications/read-all/", {}, format="json", headers={"Idempotency-Key": "x"})
    assert response.status_code == 405


def test_unknown_paths_are_404_whatever_the_key(user_client):
    response = user_client.post("/api/v1/nowhere/", {}, format="json", headers={"Idempotency-Key": "bad"})
    assert response.status_code == 404


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_is_hashed_without_being_parsed(depth):
    """The fingerprint hashes the raw bytes: no nesting can raise RecursionError in the check
    (answering such a body with a 400 is the JSON parser's job)."""
    payload = "[" * depth + "]" * depth
    request = RequestFactory().post(URL, payload, content_type="application/json")
    assert len(idempotency.fingerprint(request)) == 64


def test_a_server_error_releases_the_claim_so_a_retry_runs_again(anon_client, monkeypatch):
    from api.accounts.views import RegisterView

    real_post = RegisterView.post

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(RegisterView, "post", broken)
    anon_client.raise_request_exception = False
    key = str(uuid.uuid4())
    failed = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert failed.status_code == 500
    assert failed["Content-Type"] == "application/problem+json"
    assert not IdempotencyRecord.objects.exists()
    monkeypatch.setattr(RegisterView, "post", real_post)
    retry = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert retry.status_code == 202
    assert "Idempotent-Replayed" not in retry


def _routes(resolver: URLResolver, prefix: str = "") -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            out.extend(_routes(pattern, prefix + str(pattern.pattern)))
        elif isinstance(pattern, URLPattern):
            out.append((prefix + str(pattern.pattern), pattern.callback))
    return out


def test_every_write_route_runs_the_idempotency_check():
    """A view that sets its own throttle_classes must keep IdempotencyGate among them."""
    checked = 0
    for route, callback in _routes(get_resolver()):
        cls = getattr(callback, "cls", None)
        if cls is None:
            continue
        actions = getattr(callback, "actions", None)
        methods = set(actions) if actions else {m for m in ("post", "patch") if hasattr(cls, m)}
        if not methods & {"post", "patch"}:
            continue
        view = cls(**getattr(callback, "initkwargs", {}))
        assert any(isinstance(t, IdempotencyGate) for t in view.get_throttles()), route
        checked += 1
    assert checked > 20


# --- shared by threads and processes --------------------------------------------------------------


@pytest.mark.concurrency
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


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_another_process_replays_the_stored_response():
    """Another process (another gunicorn worker) finds the record and replays it."""
    key = str(uuid.uuid4())
    first = APIClient().post(URL, body("cross@example.com"), format="json", headers={"Idempotency-Key": key})
    assert first.status_code == 202
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test", "DATABASE_URL": _database_url()}
    script = (
        "import django, json; django.setup()\n"
        "from rest_framework.test import APIClient\n"
        f"r = APIClient().post({URL!r}, {body('cross@example.com')!r}, format='json', "
        f"headers={{'Idempotency-Key': {key!r}}})\n"
        "print(json.dumps({'status': r.status_code, 'replayed': r.get('Idempotent-Replayed'), 'body': r.json()}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO / "backend", env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"status": 202, "replayed": "true", "body": first.json()}
    assert User.objects.filter(email="cross@example.com").count() == 1


def test_a_response_stored_just_before_the_claim_is_replayed(anon_client, monkeypatch):
    """The first look finds nothing, the first request then finishes: inserting the claim fails on
    the unique key, and the check must look again and replay instead of running a second time."""
    key = str(uuid.uuid4())
    anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    real = idempotency.lookup
    looks: list[int] = []

    def first_look_misses(key, now):
        looks.append(1)
        return None if len(looks) == 1 else real(key, now)

    monkeypatch.setattr(idempotency, "lookup", first_look_misses)
    retry = anon_client.post(URL, body(), format="json", headers={"Idempotency-Key": key})
    assert len(looks) == 2
    assert retry.status_code == 202
    assert retry["Idempotent-Replayed"] == "true"
    assert User.objects.filter(email="idem@example.com").count() == 1
