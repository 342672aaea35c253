"""iCalendar output, parsed back with the icalendar package."""

from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from api.events.models import EventStatus
from tests.events.factories import EventFactory, RegistrationFactory
from tests.world import client_for

pytestmark = pytest.mark.django_db


def _parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar) -> dict[str, icalendar.Event]:
    return {str(c["UID"]): c for c in calendar.walk("VEVENT")}


def test_public_feed_is_valid_rfc5545_with_seoul_time_zone(world):
    calendar = _parse(client_for(None).get("/api/v1/events/calendar.ics", headers={"Accept": "*/*"}))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Social Economy Hub")
    timezones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert timezones == ["Asia/Seoul"]
    events = _events(calendar)
    uid = f"event-{world.event_a_id}@sehub"
    assert uid in events
    vevent = events[uid]
    assert str(vevent["SUMMARY"]) == "사회적경제 기업 워크숍"
    start = vevent.decoded("DTSTART")
    assert str(start.tzinfo) == "Asia/Seoul"
    assert start == world.event_a.starts_at.replace(microsecond=0)
    assert vevent.decoded("DTEND") == world.event_a.ends_at.replace(microsecond=0)
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert int(vevent["SEQUENCE"]) == 0
    assert "TZID=Asia/Seoul" in response_text(world)


def response_text(world) -> str:
    return client_for(None).get(f"/api/v1/events/{world.event_a_id}/calendar.ics").content.decode()


def test_cancelled_events_are_marked_cancelled_and_uids_are_stable(world):
    first = _events(_parse(client_for(None).get(f"/api/v1/events/{world.event_a_id}/calendar.ics")))
    world.client("member_a").post(f"/api/v1/events/{world.event_a_id}/cancel/", {"reason": "태풍"}, format="json")
    second = _events(_parse(client_for(None).get("/api/v1/events/calendar.ics")))
    uid = f"event-{world.event_a_id}@sehub"
    assert set(first) == {uid}
    assert str(second[uid]["STATUS"]) == "CANCELLED"
    assert int(second[uid]["SEQUENCE"]) == 1
    assert "태풍" in str(second[uid]["DESCRIPTION"])


def test_feed_takes_the_list_filters_and_skips_past_events(world):
    start = timezone.now() - timedelta(days=3)
    past = EventFactory(title="지난 행사", starts_at=start, ends_at=start + timedelta(hours=1))
    only_fairs = _events(_parse(client_for(None).get("/api/v1/events/calendar.ics?kind=fair")))
    assert set(only_fairs) == {f"event-{world.fair_id}@sehub"}
    upcoming = _events(_parse(client_for(None).get("/api/v1/events/calendar.ics")))
    assert f"event-{past.pk}@sehub" not in upcoming
    history = _events(_parse(client_for(None).get("/api/v1/events/calendar.ics?upcoming=false")))
    assert set(history) == {f"event-{past.pk}@sehub", f"event-{world.workshop_2015_id}@sehub"}
    bad = client_for(None).get("/api/v1/events/calendar.ics?kind=party")
    assert bad.status_code == 400 and bad["Content-Type"].startswith("application/problem+json")


def test_any_accept_header_gets_the_calendar(world):
    for accept in ("text/calendar", "*/*", "text/html", "application/json"):
        response = client_for(None).get("/api/v1/events/calendar.ics", headers={"Accept": accept})
        assert response.status_code == 200, accept
        assert response["Content-Type"].startswith("text/calendar")


def test_organisation_feed_lists_the_events_it_hosts(world):
    events = _events(_parse(client_for(None).get("/api/v1/enterprises/wecan-cookie/calendar.ics")))
    assert f"event-{world.event_a_id}@sehub" in events
    assert f"event-{world.event_b_id}@sehub" not in events
    assert client_for(None).get("/api/v1/enterprises/pending-coop/calendar.ics").status_code == 404


def test_personal_feed_behind_a_revocable_token(world):
    citizen = world.client("citizen")
    other = EventFactory(title="다른 행사", status=EventStatus.SCHEDULED)
    RegistrationFactory(event=other, user=world.user("member_b"))
    old_url = f"/api/v1/calendar/{world.citizen_calendar_token}.ics"
    mine = _events(_parse(client_for(None).get(old_url)))
    assert set(mine) == {f"event-{world.event_a_id}@sehub"}

    rotated = citizen.post("/api/v1/calendar/token/")
    assert rotated.status_code == 201
    assert client_for(None).get(old_url).status_code == 404
    new_path = rotated.data["url"].split("testserver", 1)[1]
    assert client_for(None).get(new_path).status_code == 200
    assert citizen.get("/api/v1/calendar/token/").data["url"] == rotated.data["url"]

    assert citizen.delete("/api/v1/calendar/token/").status_code == 204
    assert client_for(None).get(new_path).status_code == 404
    assert citizen.get("/api/v1/calendar/token/").status_code == 404
