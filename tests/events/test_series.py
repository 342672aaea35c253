from datetime import timedelta

import pytest
from django.utils import timezone

from api.events.models import Event, EventSeries
from api.events.services import SERIES_MAX_OCCURRENCES
from tests.events.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _body(world, **extra):
    start = timezone.localtime(timezone.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    return {
        "title": "사회적경제 한마당",
        "kind": "fair",
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA",
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=7)).isoformat(),
        "venue_name": "고양시청 광장",
        "capacity": 100,
        "host_ids": [world.enterprise_a.pk],
        **extra,
    }


def test_quarterly_fair_series_materialises_occurrences(world):
    response = world.client("member_a").post("/api/v1/event-series/", _body(world), format="json")
    assert response.status_code == 201, response.data
    series = EventSeries.objects.get(pk=response.data["id"])
    occurrences = list(series.occurrences.order_by("starts_at"))
    assert len(occurrences) in (4, 5)  # quarterly, about 13 months ahead
    assert response.data["occurrence_count"] == len(occurrences)
    for event in occurrences:
        local = timezone.localtime(event.starts_at)
        assert local.weekday() == 5 and 8 <= local.day <= 14  # the second Saturday
        assert (local.hour, local.minute) == (10, 0)
        assert event.ends_at - event.starts_at == timedelta(hours=7)
        assert list(event.hosts.all()) == [world.enterprise_a]
    listed = world.client("anonymous").get(f"/api/v1/events/?series={series.pk}&page_size=50")
    assert listed.data["count"] == len(occurrences)


def test_weekly_series_is_bounded(world):
    response = world.client("coordinator").post(
        "/api/v1/event-series/", _body(world, recurrence_rule="FREQ=WEEKLY"), format="json"
    )
    assert response.status_code == 201
    assert 52 <= response.data["occurrence_count"] <= SERIES_MAX_OCCURRENCES


@pytest.mark.parametrize(
    "rule",
    ["FREQ=SOMETIMES", "BYDAY=2SA", "FREQ=DAILY", "FREQ=MONTHLY\nDTSTART:20260101T000000", "FREQ=MONTHLY;UNTIL=2000"],
)
def test_malformed_rule_is_a_400_naming_it_and_nothing_is_written(world, rule):
    before = Event.objects.count()
    response = world.client("coordinator").post(
        "/api/v1/event-series/", _body(world, recurrence_rule=rule), format="json"
    )
    assert response.status_code == 400, response.data
    assert response.data["errors"][0]["field"] == "recurrence_rule"
    assert not EventSeries.objects.filter(title="사회적경제 한마당").exists()
    assert Event.objects.count() == before


def test_a_series_gets_no_past_occurrences(world):
    response = world.client("coordinator").post(
        "/api/v1/event-series/", _body(world, recurrence_rule="FREQ=MONTHLY;COUNT=1", capacity=None), format="json"
    )
    assert response.status_code == 201
    assert response.data["occurrence_count"] == 1
    old = {"starts_at": "2020-01-04T10:00:00+09:00", "ends_at": "2020-01-04T12:00:00+09:00"}
    started_long_ago = world.client("coordinator").post(
        "/api/v1/event-series/", _body(world, recurrence_rule="FREQ=MONTHLY;BYDAY=1SA", **old), format="json"
    )
    assert started_long_ago.status_code == 201
    series = EventSeries.objects.get(pk=started_long_ago.data["id"])
    assert not series.occurrences.filter(starts_at__lt=timezone.now()).exists()
    assert 12 <= series.occurrences.count() <= 14
    ended = world.client("coordinator").post(
        "/api/v1/event-series/", _body(world, recurrence_rule="FREQ=MONTHLY;COUNT=3", **old), format="json"
    )
    assert ended.status_code == 400 and ended.data["errors"][0]["code"] == "recurrence_rule_empty"


def test_edit_this_occurrence_or_the_whole_series(world):
    client = world.client("member_a")
    series_id = client.post("/api/v1/event-series/", _body(world), format="json").data["id"]
    first, second, *rest = Event.objects.filter(series_id=series_id).order_by("starts_at")

    one = client.patch(f"/api/v1/events/{first.pk}/", {"venue_name": "고양시정연수원"}, format="json")
    assert one.status_code == 200 and one.data["is_detached"] is True

    whole = client.patch(
        f"/api/v1/event-series/{series_id}/", {"title": "고양 사회적경제 한마당", "capacity": 150}, format="json"
    )
    assert whole.status_code == 200, whole.data
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.title, first.venue_name, first.capacity) == ("사회적경제 한마당", "고양시정연수원", 100)
    assert (second.title, second.venue_name, second.capacity) == ("고양 사회적경제 한마당", "고양시청 광장", 150)
    assert all(e.title == "고양 사회적경제 한마당" for e in Event.objects.filter(pk__in=[e.pk for e in rest]))


def test_whole_series_capacity_cannot_drop_below_an_occurrence(world):
    client = world.client("member_a")
    series_id = client.post("/api/v1/event-series/", _body(world, capacity=3), format="json").data["id"]
    occurrence = Event.objects.filter(series_id=series_id).order_by("starts_at").last()
    for _ in range(3):
        RegistrationFactory(event=occurrence)
    response = client.patch(f"/api/v1/event-series/{series_id}/", {"capacity": 2, "title": "새 이름"}, format="json")
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "capacity"
    assert not Event.objects.filter(series_id=series_id, title="새 이름").exists()
    assert EventSeries.objects.get(pk=series_id).title == "사회적경제 한마당"


def test_other_members_cannot_edit_the_series(world):
    series_id = world.client("member_a").post("/api/v1/event-series/", _body(world), format="json").data["id"]
    response = world.client("member_b").patch(f"/api/v1/event-series/{series_id}/", {"title": "x"}, format="json")
    assert response.status_code == 403


def test_extend_creates_only_missing_occurrences(world):
    from django.core.management import call_command

    series_id = world.client("member_a").post("/api/v1/event-series/", _body(world), format="json").data["id"]
    last = Event.objects.filter(series_id=series_id).order_by("starts_at").last()
    before = Event.objects.filter(series_id=series_id).count()
    call_command("extend_event_series", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Event.objects.filter(series_id=series_id).count() == before
    last.delete()  # an occurrence deleted on purpose is not created again
    call_command("extend_event_series", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Event.objects.filter(series_id=series_id).count() == before - 1
    EventSeries.objects.filter(pk=series_id).update(materialised_until=last.starts_at - timedelta(days=1))
    call_command("extend_event_series", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Event.objects.filter(series_id=series_id).count() == before
