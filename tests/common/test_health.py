from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_health_ok(anon_client):
    response = anon_client.get("/api/v1/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_503_when_the_database_does_not_answer(anon_client):
    with mock.patch("api.common.views.connection.cursor", side_effect=DatabaseError("down")):
        response = anon_client.get("/api/v1/health/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == "service_unavailable"
