"""Domain rules of events that protect the public: only verified organisations host and exhibit,
ids in bodies are integers, organisers belong to a host organisation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.enterprises.models import MembershipRole, VerificationStatus
from api.events.models import BoothApplication, BoothApplicationStatus, Event
from tests.enterprises.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _event_body(**extra):
    start = timezone.now() + timedelta(days=5)
    return {
        "title": "규칙 확인 행사",
        "kind": "workshop",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=2)).isoformat(),
        **extra,
    }


def _codes(response):
    return [(e["field"], e["code"]) for e in response.json().get("errors", [])]


def _pending_owner(world):
    MembershipFactory(enterprise=world.enterprise_pending, user=world.user("citizen"), role=MembershipRole.OWNER)
    return world.client("citizen")


def test_pending_organisation_cannot_host(world):
    client = _pending_owner(world)
    response = client.post("/api/v1/events/", _event_body(host_ids=[world.enterprise_pending.pk]), format="json")
    assert response.status_code == 400
    assert _codes(response) == [("host_ids", "host_not_verified")]
    series = client.post(
        "/api/v1/event-series/",
        {**_event_body(host_ids=[world.enterprise_pending.pk]), "recurrence_rule": "FREQ=MONTHLY"},
        format="json",
    )
    assert series.status_code == 400 and _codes(series) == [("host_ids", "host_not_verified")]
    assert not Event.objects.filter(title="규칙 확인 행사").exists()


def test_rejected_organisation_cannot_be_added_as_host_even_by_a_coordinator(world):
    world.enterprise_b.verification_status = VerificationStatus.REJECTED
    world.enterprise_b.save()
    response = world.client("coordinator").post(
        "/api/v1/events/", _event_body(host_ids=[world.enterprise_b.pk]), format="json"
    )
    assert response.status_code == 400 and _codes(response) == [("host_ids", "host_not_verified")]


def test_verified_host_still_works_and_an_unverified_existing_host_may_stay(world):
    coordinator = world.client("coordinator")
    created = coordinator.post("/api/v1/events/", _event_body(host_ids=[world.enterprise_a.pk]), format="json")
    assert created.status_code == 201, created.content
    world.enterprise_a.verification_status = VerificationStatus.REJECTED
    world.enterprise_a.save()
    # Keeping a host is no new public act; adding one is.
    kept = coordinator.patch(
        f"/api/v1/events/{created.data['id']}/", {"host_ids": [world.enterprise_a.pk]}, format="json"
    )
    assert kept.status_code == 200, kept.content


def test_pending_organisation_cannot_apply_for_a_booth(world):
    client = _pending_owner(world)
    response = client.post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": world.fair_food_id, "enterprise_id": world.enterprise_pending.pk},
        format="json",
    )
    assert response.status_code == 400
    assert _codes(response) == [("enterprise_id", "enterprise_not_verified")]


def test_booth_of_an_organisation_rejected_after_applying_is_not_accepted(world):
    application = world.booth_application_b
    world.enterprise_b.verification_status = VerificationStatus.REJECTED
    world.enterprise_b.save()
    response = world.client("coordinator").post(f"/api/v1/booth-applications/{application.pk}/accept/")
    assert response.status_code == 409 and response.json()["code"] == "enterprise_not_verified"
    application.refresh_from_db()
    assert application.status == BoothApplicationStatus.PENDING


def test_waitlist_skips_an_organisation_rejected_meanwhile(world):
    coordinator = world.client("coordinator")
    category = world.booth_category_a
    category.booths = 0
    category.save()
    application = world.booth_application_b
    assert coordinator.post(f"/api/v1/booth-applications/{application.pk}/accept/").data["status"] == "waitlisted"
    world.enterprise_b.verification_status = VerificationStatus.REJECTED
    world.enterprise_b.save()
    response = coordinator.patch(
        f"/api/v1/events/{world.event_a_id}/booth-categories/{category.pk}/", {"booths": 3}, format="json"
    )
    assert response.status_code == 200
    assert BoothApplication.objects.get(pk=application.pk).status == BoothApplicationStatus.WAITLISTED


@pytest.mark.parametrize("bad", [1.5, "1", True, 2**70, 0, -3, None])
def test_ids_in_bodies_are_integers(world, bad):
    coordinator = world.client("coordinator")
    response = coordinator.post("/api/v1/events/", _event_body(host_ids=[bad]), format="json")
    assert response.status_code == 400, response.content
    assert _codes(response)[0][0].startswith("host_ids")
    booth = coordinator.post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": world.fair_food_id, "enterprise_id": world.enterprise_a.pk, "product_ids": [bad]},
        format="json",
    )
    assert booth.status_code == 400, booth.content
    assert _codes(booth)[0][0].startswith("product_ids")
    assert not Event.objects.filter(title="규칙 확인 행사").exists()


def test_float_id_never_picks_a_row(world):
    # 1.5 used to be read as 1: organisation 1 became a host.
    response = world.client("coordinator").post(
        "/api/v1/events/", _event_body(host_ids=[float(world.enterprise_a.pk) + 0.5]), format="json"
    )
    assert response.status_code == 400


def test_huge_id_filter_and_path_are_not_server_errors(world):
    coordinator = world.client("coordinator")
    response = coordinator.post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": 2**70, "enterprise_id": 2**70},
        format="json",
    )
    assert response.status_code == 400


def test_organisers_must_belong_to_a_host(world):
    member_a = world.client("member_a")
    outsider = world.user("member_b")
    response = member_a.post(
        "/api/v1/events/",
        _event_body(host_ids=[world.enterprise_a.pk], organiser_ids=[outsider.pk]),
        format="json",
    )
    assert response.status_code == 400 and _codes(response) == [("organiser_ids", "organiser_not_member")]
    colleague = world.editor_a  # an editor of A
    ok = member_a.post(
        "/api/v1/events/",
        _event_body(host_ids=[world.enterprise_a.pk], organiser_ids=[colleague.pk]),
        format="json",
    )
    assert ok.status_code == 201, ok.content
    assert {o["id"] for o in ok.data["organisers"]} == {world.user("member_a").pk, colleague.pk}


def test_coordinators_may_be_named_organisers_and_unknown_users_are_refused(world):
    coordinator = world.client("coordinator")
    other = world.user("coordinator")
    ok = coordinator.post("/api/v1/events/", _event_body(organiser_ids=[other.pk]), format="json")
    assert ok.status_code == 201, ok.content
    unknown = coordinator.post("/api/v1/events/", _event_body(organiser_ids=[987654321]), format="json")
    assert unknown.status_code == 400 and _codes(unknown) == [("organiser_ids", "does_not_exist")]


def test_hosts_are_looked_up_through_what_the_caller_may_see(world):
    # The pending organisation does not exist for member_a: same answer as an unknown id.
    response = world.client("member_a").post(
        "/api/v1/events/", _event_body(host_ids=[world.enterprise_a.pk, world.enterprise_pending.pk]), format="json"
    )
    assert response.status_code == 400 and _codes(response) == [("host_ids", "does_not_exist")]


def test_booth_products_of_a_hidden_organisation_do_not_exist(world):
    from tests.enterprises.factories import ProductFactory

    hidden = ProductFactory(enterprise=world.enterprise_pending, name="숨은 상품")
    response = world.client("member_a").post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": world.fair_food_id, "enterprise_id": world.enterprise_a.pk, "product_ids": [hidden.pk]},
        format="json",
    )
    assert response.status_code == 400 and _codes(response) == [("product_ids", "does_not_exist")]


def test_a_weekly_rule_on_every_day_is_capped_and_stays_capped(world):
    from api.events.services import SERIES_MAX_OCCURRENCES, event_series_extend

    response = world.client("coordinator").post(
        "/api/v1/event-series/",
        {**_event_body(), "recurrence_rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.data["occurrence_count"] == SERIES_MAX_OCCURRENCES
    event_series_extend()
    event_series_extend()
    upcoming = Event.objects.filter(series_id=response.data["id"], starts_at__gte=timezone.now()).count()
    assert upcoming == SERIES_MAX_OCCURRENCES


@pytest.mark.parametrize("value", [str(2**70), "293237216961388118016", "1e20", "1.5", "0"])
def test_id_filters_are_bounded_integers(world, value):
    coordinator = world.client("coordinator")
    for url in ("/api/v1/events/", "/api/v1/events/calendar.ics"):
        response = coordinator.get(url, {"series": value})
        assert response.status_code == 400, (url, response.status_code)
        assert response.json()["errors"][0]["field"] == "series"
    response = coordinator.get("/api/v1/booth-applications/", {"event": value})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "event"


def test_id_filter_still_filters(world):
    response = world.client("anonymous").get("/api/v1/events/", {"series": world.series_a_id})
    assert response.status_code == 200
