from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_health_ok(anon_client):
    response = anon_client.get("/api/v1/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_health_503_when_the_database_does_not_answer(anon_client):
    with mock.patch("api.common.views.connection.cursor", side_effect=DatabaseError("down")):
        response = anon_client.get("/api/v1/health/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "service_unavailable"
    assert response["Retry-After"] == "5"  # every 503 says when to come back


def test_health_degraded_when_the_cache_does_not_answer(anon_client):
    with mock.patch("api.common.views.cache.get", return_value=None):
        response = anon_client.get("/api/v1/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


@pytest.fixture
def redis_away(settings):
    """A Redis cache nobody listens on (port 1), as the production settings configure it."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 1},
        }
    }
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "sehub.cache"
    settings.RESPONSE_CACHE_GENERATION = "cache"
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "anon": "2/minute"}
    # (changing CACHES makes Django drop its cache connections: the next call opens the new one)
    yield caches["default"]


def test_the_site_keeps_serving_while_redis_is_away(redis_away, world, caplog):
    """Nothing in the cache must survive, so a Redis outage costs throttling and cached responses,
    not the site: reads and writes answer, throttles let requests through, health says degraded."""
    from rest_framework.test import APIClient

    anon = APIClient()
    statuses = [anon.get("/api/v1/enterprises/", {"page_size": 1}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 200]  # over the 2/minute rate: counting needs the cache
    assert anon.get("/api/v1/health/").json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    coordinator = world.client("coordinator")
    created = coordinator.post(
        "/api/v1/enterprises/",
        {"name": "캐시없는협동조합", "kind": "cooperative", "district": "deogyang"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert anon.get("/api/v1/enterprises/", {"search": "캐시없는"}).json()["count"] == 1
    assert any(record.name == "sehub.cache" for record in caplog.records), "the outage is logged"


def test_credential_endpoints_refuse_while_their_limits_cannot_be_counted(redis_away, world):
    """Password guesses must never go uncounted: log-in, registration and reset answer 503 with
    Retry-After while Redis is away (reads and other writes are served, as above)."""
    from rest_framework.test import APIClient

    anon = APIClient()
    for path, body in (
        ("/api/v1/auth/token/", {"email": "citizen@example.com", "password": "a-guess-of-the-password"}),
        ("/api/v1/auth/register/", {"email": "new@example.com", "password": "a-long-enough-passphrase"}),
        ("/api/v1/auth/password/reset/", {"email": "citizen@example.com"}),
    ):
        response = anon.post(path, body, format="json")
        assert response.status_code == 503, (path, response.content)
        assert response.json()["code"] == "service_unavailable" and response["Retry-After"] == "5"
