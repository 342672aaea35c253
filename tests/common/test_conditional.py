"""ETag, If-None-Match → 304 and If-Match → 412 (no lost updates), on /auth/me/."""

import threading

import pytest
from django.db import connection

from api.accounts.models import User
from tests.world import client_for

pytestmark = pytest.mark.django_db


def test_detail_sends_an_etag_and_answers_304(user_client):
    first = user_client.get("/api/v1/auth/me/")
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = user_client.get("/api/v1/auth/me/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    weak = user_client.get("/api/v1/auth/me/", headers={"If-None-Match": f'"other", W/{etag}'})
    assert weak.status_code == 304


def test_etag_changes_with_the_representation(user_client):
    etag = user_client.get("/api/v1/auth/me/")["ETag"]
    user_client.patch("/api/v1/auth/me/", {"display_name": "새 이름"}, format="json")
    assert user_client.get("/api/v1/auth/me/", headers={"If-None-Match": etag}).status_code == 200


def test_stale_if_match_is_412_and_writes_nothing(user, user_client):
    etag = user_client.get("/api/v1/auth/me/")["ETag"]
    ok = user_client.patch("/api/v1/auth/me/", {"display_name": "첫 번째"}, format="json", headers={"If-Match": etag})
    assert ok.status_code == 200
    assert ok["ETag"] != etag
    stale = user_client.patch(
        "/api/v1/auth/me/", {"display_name": "두 번째"}, format="json", headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"
    user.refresh_from_db()
    assert user.display_name == "첫 번째"


def test_matching_and_wildcard_if_match(user_client):
    etag = user_client.get("/api/v1/auth/me/")["ETag"]
    assert (
        user_client.patch(
            "/api/v1/auth/me/", {"preferred_language": "en"}, format="json", headers={"If-Match": etag}
        ).status_code
        == 200
    )
    assert (
        user_client.patch(
            "/api/v1/auth/me/", {"preferred_language": "ko"}, format="json", headers={"If-Match": "*"}
        ).status_code
        == 200
    )


@pytest.mark.django_db(transaction=True)
def test_two_writers_with_the_same_etag_one_wins(user):
    """Both read the same ETag and write at once: exactly one succeeds, the other gets 412."""
    etag = client_for(user).get("/api/v1/auth/me/")["ETag"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def write(name: str) -> None:
        try:
            client = client_for(user)
            barrier.wait(timeout=10)
            response = client.patch(
                "/api/v1/auth/me/", {"display_name": name}, format="json", headers={"If-Match": etag}
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("가", "나")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 412]
    assert User.objects.get(pk=user.pk).display_name in {"가", "나"}
