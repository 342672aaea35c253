from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from api.events import notifications as NotificationKind
from api.events.models import Event, EventStatus, Registration, RegistrationStatus
from api.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.world import client_for

pytestmark = pytest.mark.django_db


def _register(user, event):
    return client_for(user).post(f"/api/v1/events/{event.pk}/registration/")


def test_two_accounts_for_the_last_seat_one_confirmed_one_waitlisted():
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event)
    first, second = UserFactory(), UserFactory()

    a = _register(first, event)
    b = _register(second, event)

    assert a.status_code == 201 and a.data["status"] == "confirmed"
    assert a.data["waitlist_position"] is None
    assert b.status_code == 201 and b.data["status"] == "waitlisted"
    assert b.data["waitlist_position"] == 1
    detail = client_for(None).get(f"/api/v1/events/{event.pk}/").data
    assert (detail["confirmed_count"], detail["waitlisted_count"], detail["seats_left"]) == (2, 1, 0)


def test_registering_twice_changes_nothing():
    event = EventFactory(capacity=5)
    user = UserFactory()
    assert _register(user, event).status_code == 201
    again = _register(user, event)
    assert again.status_code == 200 and again.data["status"] == "confirmed"
    assert Registration.objects.filter(event=event).count() == 1


def test_one_registration_per_person_and_event_is_a_database_constraint():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=registration.event, user=registration.user, status="waitlisted", queued_at=timezone.now()
        )


def test_cancellation_promotes_the_first_waitlisted_and_notifies_them(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    holder, first, second = UserFactory(), UserFactory(), UserFactory()
    _register(holder, event)
    _register(first, event)
    _register(second, event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(holder).delete(f"/api/v1/events/{event.pk}/registration/")

    assert response.status_code == 204
    statuses = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert statuses == {
        holder.pk: RegistrationStatus.CANCELLED,
        first.pk: RegistrationStatus.CONFIRMED,
        second.pk: RegistrationStatus.WAITLISTED,
    }
    promoted = Notification.objects.get(user=first, kind=NotificationKind.REGISTRATION_PROMOTED)
    assert event.title in promoted.title
    assert [m.to for m in mail.outbox] == [[first.email]]
    assert _register(second, event).data["waitlist_position"] == 1


def test_re_registering_after_cancelling_goes_to_the_end_of_the_queue():
    event = EventFactory(capacity=1)
    a, b, c = UserFactory(), UserFactory(), UserFactory()
    for user in (a, b, c):
        _register(user, event)
    client_for(b).delete(f"/api/v1/events/{event.pk}/registration/")
    again = _register(b, event)
    assert again.status_code == 201
    assert again.data["status"] == "waitlisted" and again.data["waitlist_position"] == 2


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"status": EventStatus.CANCELLED, "status_reason": "태풍"}, "event_cancelled"),
        ({"status": EventStatus.POSTPONED, "status_reason": "공사"}, "event_postponed"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "registration_not_open"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "registration_closed"),
    ],
)
def test_registration_refused_with_a_409_that_says_why(changes, code):
    event = EventFactory(capacity=5)
    Event.objects.filter(pk=event.pk).update(**changes)
    response = _register(UserFactory(), event)
    assert response.status_code == 409
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.data["code"] == code
    assert not Registration.objects.filter(event=event).exists()


def test_registration_for_a_past_event_is_refused():
    start = timezone.now() - timedelta(days=2)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    response = _register(UserFactory(), event)
    assert response.status_code == 409 and response.data["code"] == "event_past"


def test_unregistering_when_not_registered_is_404():
    event = EventFactory()
    assert client_for(UserFactory()).delete(f"/api/v1/events/{event.pk}/registration/").status_code == 404


def test_capacity_below_confirmed_is_a_400_naming_capacity(world):
    event = world.event_a
    for _ in range(3):
        RegistrationFactory(event=event)
    response = world.client("member_a").patch(f"/api/v1/events/{event.pk}/", {"capacity": 2}, format="json")
    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "capacity"
    assert response.data["errors"][0]["code"] == "capacity_below_confirmed"
    event.refresh_from_db()
    assert event.capacity == 10


def test_raising_capacity_confirms_people_from_the_waiting_list(world):
    event = EventFactory(capacity=1, hosts=[world.enterprise_a])
    users = [UserFactory() for _ in range(3)]
    for user in users:
        _register(user, event)
    response = world.client("coordinator").patch(f"/api/v1/events/{event.pk}/", {"capacity": 2}, format="json")
    assert response.status_code == 200
    assert response.data["confirmed_count"] == 2 and response.data["waitlisted_count"] == 1
    assert Notification.objects.filter(user=users[1], kind=NotificationKind.REGISTRATION_PROMOTED).exists()


def test_end_before_start_is_a_400_and_nothing_is_written(world):
    start = timezone.now() + timedelta(days=3)
    body = {
        "title": "거꾸로 행사",
        "kind": "workshop",
        "starts_at": start.isoformat(),
        "ends_at": (start - timedelta(hours=1)).isoformat(),
    }
    response = world.client("coordinator").post("/api/v1/events/", body, format="json")
    assert response.status_code == 400
    assert response.data["errors"][0] == {
        "field": "ends_at",
        "code": "ends_before_start",
        "message": response.data["errors"][0]["message"],
    }
    assert not Event.objects.filter(title="거꾸로 행사").exists()


def test_registration_window_must_be_ordered(world):
    start = timezone.now() + timedelta(days=3)
    body = {
        "title": "창구",
        "kind": "workshop",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=1)).isoformat(),
        "registration_opens_at": (start - timedelta(days=1)).isoformat(),
        "registration_closes_at": (start - timedelta(days=2)).isoformat(),
    }
    response = world.client("coordinator").post("/api/v1/events/", body, format="json")
    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "registration_closes_at"


def test_member_creates_an_event_hosted_by_their_organisation(world):
    start = timezone.now() + timedelta(days=3)
    body = {
        "title": "쿠키 만들기 체험",
        "kind": "education",
        "starts_at": start.replace(tzinfo=None).isoformat(timespec="minutes"),
        "ends_at": (start + timedelta(hours=2)).replace(tzinfo=None).isoformat(timespec="minutes"),
        "host_ids": [world.enterprise_a.pk],
    }
    response = world.client("member_a").post("/api/v1/events/", body, format="json")
    assert response.status_code == 201, response.data
    assert response["Location"] == f"/api/v1/events/{response.data['id']}/"
    assert response.data["starts_at"].endswith("+09:00")
    assert [h["slug"] for h in response.data["hosts"]] == ["wecan-cookie"]
    assert [o["id"] for o in response.data["organisers"]] == [world.user("member_a").pk]
    assert response.data["seats_left"] is None


def test_member_without_a_host_is_refused(world):
    body = {"title": "무주최", "kind": "workshop", "starts_at": "2030-01-01T10:00", "ends_at": "2030-01-01T12:00"}
    response = world.client("member_a").post("/api/v1/events/", body, format="json")
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "host_ids"


def test_others_see_counts_but_not_attendees(world):
    response = world.client("citizen").get(f"/api/v1/events/{world.event_a_id}/")
    assert response.data["confirmed_count"] == 1
    assert response.data["my_registration"]["status"] == "confirmed"
    assert "attendees" not in response.data
    assert world.client("member_b").get(f"/api/v1/events/{world.event_a_id}/attendees/").status_code == 403
    assert world.client("anonymous").get(f"/api/v1/events/{world.event_a_id}/").data["my_registration"] is None


def test_attendee_list_shows_positions_and_check_ins(world):
    event = world.event_a
    Event.objects.filter(pk=event.pk).update(capacity=1)
    waiting = UserFactory(display_name="대기자")
    _register(waiting, event)
    manager = world.client("member_a")
    assert manager.post(f"/api/v1/events/{event.pk}/attendees/{world.registration_a_id}/check-in/").status_code == 200
    listing = manager.get(f"/api/v1/events/{event.pk}/attendees/").data["results"]
    assert [(r["user"]["display_name"], r["status"], r["waitlist_position"]) for r in listing] == [
        ("김시민", "confirmed", None),
        ("대기자", "waitlisted", 1),
    ]
    assert listing[0]["checked_in_at"] is not None
    waiting_id = listing[1]["id"]
    refused = manager.post(f"/api/v1/events/{event.pk}/attendees/{waiting_id}/check-in/")
    assert refused.status_code == 409 and refused.data["code"] == "registration_not_confirmed"
    only_waiting = manager.get(f"/api/v1/events/{event.pk}/attendees/?status=waitlisted").data
    assert only_waiting["count"] == 1


def test_attendee_csv_is_utf8_with_bom(world):
    RegistrationFactory(event=world.event_a, user=UserFactory(display_name="=수식시도"))
    response = world.client("coordinator").get(f"/api/v1/events/{world.event_a_id}/attendees.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("번호,이름,이메일,상태")
    assert "김시민,citizen@example.com,확정" in text or "김시민,citizen@example.com,Confirmed" in text
    assert "'=수식시도" in text
    assert len(lines) == 3


def test_cancel_notifies_registrants_and_delete_is_refused(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("member_a").post(
            f"/api/v1/events/{world.event_a_id}/cancel/", {"reason": "태풍 예보"}, format="json"
        )
    assert response.status_code == 200
    assert response.data["status"] == "cancelled" and response.data["status_reason"] == "태풍 예보"
    assert response.data["sequence"] == 1
    assert Notification.objects.filter(user=world.user("citizen"), kind=NotificationKind.EVENT_CANCELLED).exists()
    again = world.client("member_a").post(f"/api/v1/events/{world.event_a_id}/cancel/", {"reason": "x"}, format="json")
    assert again.status_code == 409
    deleted = world.client("member_a").delete(f"/api/v1/events/{world.event_a_id}/")
    assert deleted.status_code == 409 and deleted.data["code"] == "event_has_registrations"


def test_cancel_needs_a_reason(world):
    response = world.client("member_a").post(f"/api/v1/events/{world.event_a_id}/cancel/", {}, format="json")
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "reason"


def test_postpone_then_reschedule(world):
    client = world.client("member_a")
    assert (
        client.post(f"/api/v1/events/{world.event_a_id}/postpone/", {"reason": "공사"}, format="json").data["status"]
        == "postponed"
    )
    start = timezone.now() + timedelta(days=40)
    response = client.post(
        f"/api/v1/events/{world.event_a_id}/reschedule/",
        {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=2)).isoformat()},
        format="json",
    )
    assert response.status_code == 200
    assert response.data["status"] == "scheduled" and response.data["status_reason"] == ""


def test_etag_and_if_match(world):
    client = world.client("member_a")
    first = client.get(f"/api/v1/events/{world.event_a_id}/")
    assert (
        client.get(f"/api/v1/events/{world.event_a_id}/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    )
    assert client.patch(f"/api/v1/events/{world.event_a_id}/", {"title": "새 제목"}, format="json").status_code == 200
    stale = client.patch(
        f"/api/v1/events/{world.event_a_id}/", {"title": "또"}, format="json", headers={"If-Match": first["ETag"]}
    )
    assert stale.status_code == 412


def test_changing_the_time_notifies_registrants(world):
    start = world.event_a.starts_at + timedelta(days=1)
    response = world.client("member_a").patch(
        f"/api/v1/events/{world.event_a_id}/",
        {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=2)).isoformat()},
        format="json",
    )
    assert response.status_code == 200
    assert Notification.objects.filter(user=world.user("citizen"), kind=NotificationKind.EVENT_CHANGED).exists()


def test_cover_image_checked_by_content(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cover.png", b"not really a png", content_type="image/png")
    response = world.client("member_a").post(
        f"/api/v1/events/{world.event_a_id}/cover-image/", {"image": fake}, format="multipart"
    )
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "image"
    json_body = world.client("member_a").post(
        f"/api/v1/events/{world.event_a_id}/cover-image/", {"image": "x"}, format="json"
    )
    assert json_body.status_code == 415


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("kind=fair", ["사회적경제 한마당"]),
        ("host=haengbok-coop", ["행복협동조합 조합원의 날"]),
        ("upcoming=false", ["2015 고양시 사회적경제 워크숍"]),  # the world's past event; the archived one never shows
        ("has_seats=false", ["가득 찬 행사"]),
    ],
)
def test_filters(world, query, titles):
    full = EventFactory(title="가득 찬 행사", capacity=1)
    RegistrationFactory(event=full)
    response = world.client("anonymous").get(f"/api/v1/events/?{query}&page_size=50")
    assert response.status_code == 200
    assert [e["title"] for e in response.data["results"]] == titles


def test_date_range_and_ordering(world):
    far = EventFactory(title="먼 행사", starts_at=timezone.now() + timedelta(days=100))
    day = timezone.localtime(far.starts_at).date().isoformat()
    response = world.client("anonymous").get(f"/api/v1/events/?date_from={day}&date_to={day}")
    assert [e["title"] for e in response.data["results"]] == ["먼 행사"]
    ordered = world.client("anonymous").get("/api/v1/events/?ordering=-starts_at").data["results"]
    assert ordered[0]["title"] == "먼 행사"
    bad = world.client("anonymous").get("/api/v1/events/?ordering=title")
    assert bad.status_code == 400 and bad.data["errors"][0]["field"] == "ordering"
