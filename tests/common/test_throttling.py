import time

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

RATES = {"anon": "3/minute", "user": "4/minute", "login": "2/minute"}


@pytest.mark.urls("tests.common.urls")
@override_settings(THROTTLE_RATES=RATES)
def test_anonymous_rate(anon_client):
    statuses = [anon_client.get("/api/test/users/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


@override_settings(THROTTLE_RATES=RATES)
def test_user_rate_and_problem_body(user_client):
    statuses = [user_client.get("/api/v1/auth/me/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = user_client.get("/api/v1/auth/me/")
    body = response.json()
    assert response["Content-Type"].startswith("application/problem+json")
    assert body["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
    assert body["retry_after"] == int(response["Retry-After"])


@override_settings(THROTTLE_RATES={**RATES, "anon": "100/minute"})
def test_login_rate_is_stricter(anon_client, user):
    credentials = {"email": user.email, "password": "wrong-password"}
    statuses = [anon_client.post("/api/v1/auth/token/", credentials, format="json").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]


@override_settings(THROTTLE_RATES=RATES)
def test_health_is_never_throttled(anon_client):
    assert {anon_client.get("/api/v1/health/").status_code for _ in range(6)} == {200}


@pytest.mark.urls("tests.common.urls")
def test_counts_live_in_the_shared_cache(anon_client, settings):
    from django.core.cache import cache

    settings.THROTTLE_RATES = RATES
    anon_client.get("/api/test/users/")
    anon_client.get("/api/test/users/")
    assert cache.get("throttle_anon_127.0.0.1") == 2
    assert 0 <= time.time() - cache.get("throttle_anon_127.0.0.1:opened") < 60


def test_simultaneous_requests_of_one_client_never_pass_the_limit(settings):
    """Every request is one atomic increment: 40 threads at once against a limit of 10 get
    exactly 10 through (DRF's read-append-write history let several overwrite each other)."""
    import threading

    from django.core.cache import cache

    from api.common.throttles import AnonThrottle

    cache.clear()
    settings.THROTTLE_RATES = {**RATES, "anon": "10/hour"}
    request = type("Request", (), {"META": {"REMOTE_ADDR": "203.0.113.7"}, "user": None})()
    barrier = threading.Barrier(40)
    allowed: list[bool] = []

    def one() -> None:
        throttle = AnonThrottle()
        barrier.wait()
        allowed.append(throttle.allow_request(request, None))

    threads = [threading.Thread(target=one) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 10
    assert AnonThrottle().wait() is not None
