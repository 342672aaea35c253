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
    assert len(cache.get("throttle_anon_127.0.0.1")) == 1
