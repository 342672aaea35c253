import pytest
from django.core import mail

from api.events import notifications as NotificationKind
from api.notifications.models import Notification, NotificationPreference
from api.notifications.services import notify
from tests.accounts.factories import UserFactory
from tests.world import client_for

pytestmark = pytest.mark.django_db


def test_notify_writes_the_row_and_mails_after_commit(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify(
            user=user,
            kind=NotificationKind.REGISTRATION_PROMOTED,
            title="참가가 확정되었습니다: %(title)s",
            body="본문",
            params={"title": "한마당"},
            url="/events/1",
        )
    assert notification.title == "참가가 확정되었습니다: 한마당"
    assert notification.emailed is True
    assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "한마당" in mail.outbox[0].subject
    assert "/events/1" in mail.outbox[0].body


def test_a_rolled_back_request_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                notify(user=user, kind=NotificationKind.EVENT_CANCELLED, title="취소")
                raise RuntimeError("boom")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not Notification.objects.filter(user=user).exists()


def test_email_preference_per_kind(django_capture_on_commit_callbacks):
    user = UserFactory()
    client = client_for(user)
    prefs = {p["kind"]: p["email"] for p in client.get("/api/v1/notifications/preferences/").data}
    assert prefs["registration_confirmed"] is False  # in-app only by default
    assert prefs["event_cancelled"] is True
    response = client.put(
        "/api/v1/notifications/preferences/",
        {
            "preferences": [
                {"kind": "event_cancelled", "email": False},
                {"kind": "registration_confirmed", "email": True},
            ]
        },
        format="json",
    )
    assert response.status_code == 200
    assert {p["kind"]: p["email"] for p in response.data}["event_cancelled"] is False
    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, kind=NotificationKind.EVENT_CANCELLED, title="취소")
        notify(user=user, kind=NotificationKind.REGISTRATION_CONFIRMED, title="확정")
    assert [m.subject for m in mail.outbox] == ["[사회적경제 허브] 확정"]
    assert Notification.objects.filter(user=user).count() == 2
    assert NotificationPreference.objects.filter(user=user).count() == 2


def test_unknown_kind_in_preferences_is_a_400():
    response = client_for(UserFactory()).put(
        "/api/v1/notifications/preferences/", {"preferences": [{"kind": "party", "email": True}]}, format="json"
    )
    assert response.status_code == 400
    assert response.data["errors"][0]["field"].startswith("preferences")


def test_list_unread_count_mark_read_and_mark_all():
    user, other = UserFactory(), UserFactory()
    for index in range(3):
        notify(user=user, kind=NotificationKind.EVENT_CHANGED, title=f"변경 {index}")
    notify(user=other, kind=NotificationKind.EVENT_CHANGED, title="남의 알림")
    client = client_for(user)
    listing = client.get("/api/v1/notifications/")
    assert [n["title"] for n in listing.data["results"]] == ["변경 2", "변경 1", "변경 0"]
    assert client.get("/api/v1/notifications/unread-count/").data == {"unread": 3}
    first_id = listing.data["results"][0]["id"]
    read = client.post(f"/api/v1/notifications/{first_id}/read/")
    assert read.status_code == 200 and read.data["is_read"] is True
    assert client.get("/api/v1/notifications/unread-count/").data == {"unread": 2}
    assert client.get("/api/v1/notifications/?unread=true").data["results"][0]["title"] == "변경 1"
    assert client.post("/api/v1/notifications/read-all/").data == {"marked": 2}
    assert client.get("/api/v1/notifications/unread-count/").data == {"unread": 0}
    assert client_for(other).get("/api/v1/notifications/unread-count/").data == {"unread": 1}


def test_cursor_pagination():
    user = UserFactory()
    for index in range(5):
        notify(user=user, kind=NotificationKind.EVENT_CHANGED, title=f"알림 {index}")
    client = client_for(user)
    first = client.get("/api/v1/notifications/?page_size=2").data
    assert "count" not in first and first["next"]
    second = client.get(first["next"]).data
    assert [n["title"] for n in first["results"] + second["results"]] == ["알림 4", "알림 3", "알림 2", "알림 1"]


def test_texts_follow_the_recipients_language():
    from django.utils.translation import gettext_lazy as _

    korean = UserFactory(preferred_language="ko")
    english = UserFactory(preferred_language="en")
    title = _("Registration confirmed: %(title)s")
    a = notify(user=korean, kind=NotificationKind.REGISTRATION_CONFIRMED, title=title, params={"title": "한마당"})
    b = notify(user=english, kind=NotificationKind.REGISTRATION_CONFIRMED, title=title, params={"title": "한마당"})
    assert b.title == "Registration confirmed: 한마당"
    assert a.title != b.title and "한마당" in a.title


@pytest.mark.parametrize("page_size", [5, 50])
def test_list_query_count_is_bounded(page_size, django_assert_max_num_queries):
    user = UserFactory()
    for index in range(60):
        notify(user=user, kind=NotificationKind.EVENT_CHANGED, title=f"알림 {index}")
    client = client_for(user)
    with django_assert_max_num_queries(3):
        response = client.get(f"/api/v1/notifications/?page_size={page_size}")
    assert len(response.data["results"]) == page_size
