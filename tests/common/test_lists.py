"""Pagination, ordering and search conventions, on a test-only list of users."""

import pytest

from tests.accounts.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.common.urls")]


@pytest.fixture
def many_users(db):
    return UserFactory.create_batch(120)


def test_page_number_pagination_with_count(anon_client, many_users):
    body = anon_client.get("/api/test/users/?page=2").json()
    assert body["count"] == 120
    assert len(body["results"]) == 20
    assert "page=3" in body["next"] and "page=1" not in (body["previous"] or "page=1")


def test_page_size_is_1_to_100(anon_client, many_users):
    assert len(anon_client.get("/api/test/users/?page_size=100").json()["results"]) == 100
    assert len(anon_client.get("/api/test/users/?page_size=7").json()["results"]) == 7


@pytest.mark.parametrize("value", ["1000", "101", "0", "-1", "abc", "2.5", "", "١٢"])
def test_page_size_outside_1_to_100_is_a_400_naming_it(anon_client, many_users, value):
    # The spec says 1–100: a client's mistake is answered, not silently clamped or ignored.
    response = anon_client.get(f"/api/test/users/?page_size={value}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0] == {
        "field": "page_size",
        "code": "invalid_page_size",
        "message": response.json()["errors"][0]["message"],
    }


def test_ordering_whitelist(anon_client, many_users):
    emails = [r["email"] for r in anon_client.get("/api/test/users/?ordering=-email&page_size=100").json()["results"]]
    assert emails == sorted(emails, reverse=True)
    response = anon_client.get("/api/test/users/?ordering=password")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "ordering"
    assert error["code"] == "invalid_ordering"
    assert "password" in error["message"]


def test_search(anon_client, many_users):
    UserFactory(display_name="위캔쿠키 대표")
    results = anon_client.get("/api/test/users/?search=쿠키").json()["results"]
    assert [r["display_name"] for r in results] == ["위캔쿠키 대표"]
