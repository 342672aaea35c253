"""Archive instead of delete: events are history, booths freed by an archived organisation go to
the waiting list, an archived product leaves the showcases, and notifications survive."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.audit.models import AuditEntry
from api.enterprises import services as directory
from api.events import notifications as NotificationKind
from api.events import services
from api.events.models import BoothApplication, BoothApplicationStatus, Event
from api.notifications.models import Notification
from tests.enterprises.factories import EnterpriseFactory, MembershipFactory, ProductFactory
from tests.events.factories import BoothCategoryFactory, EventFactory

pytestmark = pytest.mark.django_db


def _application(event, category, enterprise, user, status, products=(), minutes=0):
    application = BoothApplication.objects.create(
        event=event,
        category=category,
        enterprise=enterprise,
        applied_by=user,
        status=status,
        queued_at=timezone.now() + timedelta(minutes=minutes),
    )
    application.products.set(products)
    return application


def test_archiving_an_organisation_gives_its_booth_to_the_next_in_line(world, django_capture_on_commit_callbacks):
    fair, food = world.fair, world.fair_food
    food.booths = 1
    food.save()
    third = EnterpriseFactory(slug="third-coop", name="세번째협동조합")
    MembershipFactory(enterprise=third, user=world.user("citizen"))
    a = _application(fair, food, world.enterprise_a, world.user("member_a"), "accepted", [world.product_a])
    b = _application(fair, food, world.enterprise_b, world.user("member_b"), "waitlisted", minutes=1)
    c = _application(fair, food, third, world.user("citizen"), "waitlisted", minutes=2)
    past = EventFactory(starts_at=timezone.now() - timedelta(days=30), ends_at=timezone.now() - timedelta(days=29))
    past_booth = _application(
        past, BoothCategoryFactory(event=past), world.enterprise_a, world.user("member_a"), "accepted"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("coordinator").delete(f"/api/v1/enterprises/{world.enterprise_a_slug}/?reason=해산")
    assert response.status_code == 204

    statuses = {x.pk: x.status for x in BoothApplication.objects.all()}
    assert statuses[a.pk] == BoothApplicationStatus.WITHDRAWN
    assert statuses[b.pk] == BoothApplicationStatus.ACCEPTED  # the next on the waiting list
    assert statuses[c.pk] == BoothApplicationStatus.WAITLISTED
    assert statuses[past_booth.pk] == BoothApplicationStatus.ACCEPTED  # history is left alone
    promoted = Notification.objects.filter(user=world.user("member_b"), kind=NotificationKind.BOOTH_APPLICATION_DECIDED)
    assert promoted.count() == 1 and promoted.get().data["booth_application_id"] == b.pk
    assert Notification.objects.filter(
        user=world.user("member_a"), kind=NotificationKind.BOOTH_APPLICATION_DECIDED
    ).exists()
    withdrawal = AuditEntry.objects.get(object_type="events.boothapplication", object_id=str(a.pk))
    assert withdrawal.action == "withdraw" and withdrawal.reason == "해산"
    assert withdrawal.changes["status"] == ["accepted", "withdrawn"]

    detail = world.client("anonymous").get(f"/api/v1/events/{fair.pk}/").data
    assert [x["enterprise"]["slug"] for x in detail["exhibitors"]] == ["haengbok-coop"]
    assert [h["slug"] for h in detail["hosts"]] == []  # the archived host is not shown
    # The event's managers no longer see the archived organisation's application; coordinators do.
    assert a.pk not in [x["id"] for x in world.client("member_b").get("/api/v1/booth-applications/").data["results"]]
    assert a.pk in [x["id"] for x in world.client("coordinator").get("/api/v1/booth-applications/").data["results"]]


def test_archiving_a_product_takes_it_out_of_future_showcases_and_tells_the_organisers(
    world, django_capture_on_commit_callbacks
):
    fair, food = world.fair, world.fair_food
    organiser = world.user("coordinator")
    fair.organisers.set([organiser])
    other = ProductFactory(enterprise=world.enterprise_a, name="머핀")
    accepted = _application(
        fair, food, world.enterprise_a, world.user("member_a"), "accepted", [world.product_a, other]
    )
    past = EventFactory(starts_at=timezone.now() - timedelta(days=30), ends_at=timezone.now() - timedelta(days=29))
    old = _application(
        past,
        BoothCategoryFactory(event=past),
        world.enterprise_a,
        world.user("member_a"),
        "accepted",
        [world.product_a],
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert world.client("member_a").delete(f"/api/v1/products/{world.product_a_id}/").status_code == 204

    assert list(accepted.products.values_list("name", flat=True)) == ["머핀"]
    assert list(old.products.all()) == [world.product_a]  # the past showcase keeps its history
    told = Notification.objects.get(user=organiser, kind=NotificationKind.EVENT_CHANGED)
    assert "수제 쿠키 세트" in told.body and told.url == f"/events/{fair.pk}"
    shown = world.client("anonymous").get(f"/api/v1/events/{past.pk}/").data["exhibitors"][0]["products"]
    assert shown == []  # hidden from the public while archived
    entry = AuditEntry.objects.get(object_type="events.boothapplication", object_id=str(accepted.pk))
    assert entry.changes == {"products": [["머핀", "수제 쿠키 세트"], ["머핀"]]}


def test_past_events_are_history(world):
    url = f"/api/v1/events/{world.workshop_2015_id}/"
    member = world.client("member_a").delete(url)
    assert member.status_code == 409 and member.data["code"] == "event_past"
    coordinator = world.client("coordinator")
    no_reason = coordinator.delete(url)
    assert no_reason.status_code == 400 and no_reason.data["errors"][0]["field"] == "reason"
    assert Event.objects.get(pk=world.workshop_2015_id).archived_at is None
    assert coordinator.delete(url + "?reason=중복 입력").status_code == 204
    entry = AuditEntry.objects.get(object_type="events.event", object_id=str(world.workshop_2015_id))
    assert entry.action == "archive" and entry.reason == "중복 입력"


def test_an_archived_event_disappears_everywhere_and_comes_back(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("coordinator").delete(f"/api/v1/events/{world.event_a_id}/?reason=장소 취소")
    assert response.status_code == 204
    citizen = world.client("citizen")
    # The registered citizen is told; the notification they had keeps its link (now a 404 page).
    withdrawn = Notification.objects.get(user=world.user("citizen"), kind=NotificationKind.EVENT_CANCELLED)
    assert "장소 취소" in withdrawn.body
    assert citizen.get("/api/v1/notifications/").status_code == 200
    assert citizen.get(f"/api/v1/events/{world.event_a_id}/").status_code == 404
    assert world.event_a_id not in [e["id"] for e in citizen.get("/api/v1/events/?page_size=100").data["results"]]
    assert citizen.get(f"/api/v1/events/{world.event_a_id}/calendar.ics").status_code == 404
    assert f"event-{world.event_a_id}@" not in citizen.get("/api/v1/events/calendar.ics").content.decode()
    assert (
        f"event-{world.event_a_id}@"
        not in citizen.get(f"/api/v1/calendar/{world.citizen_calendar_token}.ics").content.decode()
    )
    assert citizen.post(f"/api/v1/events/{world.event_a_id}/registration/").status_code == 404

    coordinator = world.client("coordinator")
    listed = coordinator.get("/api/v1/events/?archived=true").data["results"]
    assert sorted(e["id"] for e in listed) == sorted([world.event_a_id, world.event_archived_id])
    assert citizen.get("/api/v1/events/?archived=true").data["results"] == []
    restored = coordinator.post(f"/api/v1/events/{world.event_a_id}/restore/", {"reason": "재개"}, format="json")
    assert restored.status_code == 200 and restored.data["archived_at"] is None
    assert citizen.get(f"/api/v1/events/{world.event_a_id}/").status_code == 200
    assert [
        e.action for e in AuditEntry.objects.filter(object_id=str(world.event_a_id), object_type="events.event")
    ] == [
        "restore",
        "archive",
    ]


def test_members_archive_their_own_empty_future_event(world):
    assert world.client("member_b").delete(f"/api/v1/events/{world.event_b_id}/").status_code == 204
    event = Event.objects.get(pk=world.event_b_id)
    assert event.archived_by == world.user("member_b")
    assert world.client("member_b").post(f"/api/v1/events/{world.event_b_id}/restore/").status_code == 403


def test_event_changes_are_recorded_with_reasons(world):
    actor = world.user("member_a")
    event = services.event_create(
        actor=actor,
        title="조합원의 날",
        kind="members_day",
        starts_at=timezone.now() + timedelta(days=5),
        ends_at=timezone.now() + timedelta(days=5, hours=2),
        host_ids=[world.enterprise_a.pk],
    )
    services.event_update(event=event, actor=actor, capacity=30, venue_name="마을회관")
    services.event_postpone(event=event, actor=actor, reason="공사")
    services.event_cancel(event=event, actor=actor, reason="태풍")
    create, update, postpone, cancel = AuditEntry.objects.filter(
        object_type="events.event", object_id=str(event.pk)
    ).order_by("id")
    assert create.changes["hosts"] == [None, ["위캔쿠키"]] and create.changes["organisers"] == [None, ["가나다 회원"]]
    assert update.changes == {"capacity": [None, 30], "venue_name": ["", "마을회관"]}
    assert postpone.changes == {"status": ["scheduled", "postponed"], "status_reason": ["", "공사"]}
    assert (cancel.action, cancel.reason) == ("cancel", "태풍")
    assert cancel.changes["status"] == ["postponed", "cancelled"]


def test_an_archived_organisation_cannot_exhibit(world):
    directory.enterprise_archive(enterprise=world.enterprise_b, actor=None)
    response = world.client("coordinator").post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": world.fair_food_id, "enterprise_id": world.enterprise_b.pk, "product_ids": []},
        format="json",
    )
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "enterprise_id"


def test_a_coordinator_cannot_name_an_archived_organisation_as_host(world):
    directory.enterprise_archive(enterprise=world.enterprise_b, actor=None)
    start = timezone.now() + timedelta(days=10)
    response = world.client("coordinator").post(
        "/api/v1/events/",
        {
            "title": "보관된 조직의 행사",
            "kind": "meeting",
            "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(hours=2)).isoformat(),
            "host_ids": [world.enterprise_b.pk],
        },
        format="json",
    )
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.data["errors"]] == [("host_ids", "host_archived")]
    patch = world.client("coordinator").patch(
        f"/api/v1/events/{world.event_a_id}/",
        {"host_ids": [world.enterprise_a.pk, world.enterprise_b.pk]},
        format="json",
    )
    assert patch.status_code == 400 and patch.data["errors"][0]["code"] == "host_archived"


def test_archiving_an_event_withdraws_its_booth_applications(world, django_capture_on_commit_callbacks):
    fair, food = world.fair, world.fair_food
    accepted = _application(fair, food, world.enterprise_a, world.user("member_a"), "accepted", [world.product_a])
    waiting = _application(fair, food, world.enterprise_b, world.user("member_b"), "waitlisted", minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("coordinator").delete(f"/api/v1/events/{fair.pk}/?reason=행사 취소")
    assert response.status_code == 204
    statuses = {x.pk: x.status for x in BoothApplication.objects.filter(event=fair)}
    assert set(statuses.values()) == {BoothApplicationStatus.WITHDRAWN}
    for application, user in ((accepted, "member_a"), (waiting, "member_b")):
        assert Notification.objects.filter(
            user=world.user(user),
            kind=NotificationKind.BOOTH_APPLICATION_DECIDED,
            data__booth_application_id=application.pk,
        ).exists()
        entry = AuditEntry.objects.get(object_type="events.boothapplication", object_id=str(application.pk))
        assert entry.action == "withdraw" and entry.reason == "행사 취소"
    # Nobody was promoted into a booth of an archived event.
    assert BoothApplication.objects.get(pk=waiting.pk).status == BoothApplicationStatus.WITHDRAWN


def test_cover_image_changes_are_audited(world):
    from tests.events.permission_rows import _png

    client = world.client("member_a")
    url = f"/api/v1/events/{world.event_a_id}/cover-image/"
    assert client.post(url, _png(world, "member_a"), format="multipart").status_code == 200
    assert client.delete(url).status_code == 204
    upload, removal = AuditEntry.objects.filter(object_type="events.event", object_id=str(world.event_a_id)).order_by(
        "id"
    )
    assert upload.action == removal.action == "update"
    assert upload.changes["cover_image"][0] in ("", None) and upload.changes["cover_image"][1]
    assert removal.changes["cover_image"][0] and removal.changes["cover_image"][1] in ("", None)
