"""iCalendar (RFC 5545) output of events, built with the icalendar package.

UIDs are stable (``event-<id>@sehub``), times carry TZID=Asia/Seoul with its VTIMEZONE, SEQUENCE
follows the event's revision and a cancelled event is STATUS:CANCELLED, so calendar apps update or
strike through what they imported before.
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import override

from api.events.models import Event, EventStatus

UID_DOMAIN = "sehub"
_STATUS: dict[str, str] = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{UID_DOMAIN}"


def _component(event: Event, zone: ZoneInfo) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("dtstart", timezone.localtime(event.starts_at, zone))
    component.add("dtend", timezone.localtime(event.ends_at, zone))
    component.add("summary", event.title)
    description = event.description
    if event.status != EventStatus.SCHEDULED and event.status_reason:
        description = f"[{event.get_status_display()}] {event.status_reason}\n\n{description}".strip()
    if description:
        component.add("description", description)
    location = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
    if location:
        component.add("location", location)
    component.add("url", event.online_url or f"{settings.FRONTEND_URL}/events/{event.pk}")
    component.add("status", _STATUS.get(event.status, "CONFIRMED"))
    component.add("categories", [event.get_kind_display()])
    if event.status == EventStatus.CANCELLED:
        component.add("transp", "TRANSPARENT")
    return component


def build_calendar(events: Iterable[Event], *, name: str) -> bytes:
    """A VCALENDAR with one VEVENT per event and the Asia/Seoul VTIMEZONE. Labels in Korean."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Social Economy Hub//Events//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    with override(settings.LANGUAGE_CODE):
        for event in events:
            calendar.add_component(_component(event, zone))
    calendar.add_missing_timezones()
    return calendar.to_ical()
