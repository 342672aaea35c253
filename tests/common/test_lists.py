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


def test_page_size_is_capped_at_100(anon_client, many_users):
    assert len(anon_client.get("/api/test/users/?page_size=1000").json()["results"]) == 100
    assert len(anon_client.get("/api/test/users/?page_size=7").json()["results"]) == 7


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
