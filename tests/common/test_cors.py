import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.sehub.example"])
def test_allowed_origin_gets_cors_headers(anon_client):
    response = anon_client.options(
        "/api/v1/auth/me/",
        headers={
            "Origin": "https://app.sehub.example",
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "authorization, if-match, idempotency-key",
        },
    )
    assert response["Access-Control-Allow-Origin"] == "https://app.sehub.example"
    allowed = response["Access-Control-Allow-Headers"].lower()
    assert "if-match" in allowed and "idempotency-key" in allowed
    get = anon_client.get("/api/v1/health/", headers={"Origin": "https://app.sehub.example"})
    assert "etag" in get["Access-Control-Expose-Headers"].lower()


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.sehub.example"])
def test_other_origins_get_none(anon_client):
    response = anon_client.get("/api/v1/health/", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response
