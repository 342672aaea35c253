"""Event rules: creating and changing events and series, registration with a waiting list,
check-in, exhibitor booths and calendar tokens.

No overbooking: every service that hands out a seat locks the event row (a booth, its category
row) with ``select_for_update()`` inside the transaction, then counts in the database; two
requests for the last seat queue on that lock and the second one sees it taken. On SQLite the
IMMEDIATE transactions serialise writers the same way. Notifications are posted through
``api.notifications.services.notify`` (their e-mail leaves after commit).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, TypedDict, Unpack, cast
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, HOURLY, MINUTELY, SECONDLY, rrulestr
from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError

from api.accounts import selectors as accounts
from api.audit.services import AuditAction, audit_archive, audit_record, audit_restore, audit_snapshot
from api.common.errors import ConflictError, validation_error
from api.common.images import stored_name
from api.common.permissions import EDIT_ROLES, is_coordinator, membership_roles
from api.enterprises import selectors as directory
from api.events import errors
from api.events import notifications as kinds
from api.events.models import (
    BoothApplication,
    BoothApplicationStatus,
    BoothCategory,
    CalendarToken,
    Event,
    EventSeries,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from api.events.selectors import waitlist_position
from api.notifications.services import notify

# Occurrences of a series exist as rows up to this far ahead, and at most this many at once.
SERIES_HORIZON = timedelta(days=400)
SERIES_MAX_OCCURRENCES = 60
SERIES_TEMPLATE_FIELDS = ("title", "description", "kind", "venue_name", "venue_address", "online_url", "capacity")
_NOTIFY_ON_CHANGE = ("starts_at", "ends_at", "venue_name", "venue_address", "online_url")
# What the audit log records of each change (``{field: [old, new]}``).
AUDIT_EVENT_FIELDS = (
    *SERIES_TEMPLATE_FIELDS,
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "status",
    "status_reason",
    "hosts",
    "organisers",
)
AUDIT_SERIES_FIELDS = (*SERIES_TEMPLATE_FIELDS, "recurrence_rule", "starts_at", "ends_at", "hosts", "organisers")
MAX_HOSTS = 20
MAX_ORGANISERS = 20


class SeriesChanges(TypedDict, total=False):
    """Fields of a series (and of its occurrences) a whole-series edit may change."""

    title: str
    description: str
    kind: str
    venue_name: str
    venue_address: str
    online_url: str
    capacity: int | None


class EventChanges(SeriesChanges, total=False):
    """Fields of one event an edit may change (hosts and organisers are separate arguments)."""

    starts_at: datetime
    ends_at: datetime
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None


def _event_url(event: Event) -> str:
    return f"/events/{event.pk}"


# --- Checks shared by events and series ------------------------------------------------------------


def _check_times(
    *,
    starts_at: datetime,
    ends_at: datetime,
    registration_opens_at: datetime | None = None,
    registration_closes_at: datetime | None = None,
) -> None:
    if ends_at <= starts_at:
        raise validation_error("ends_at", _("The end must be after the start."), code=errors.ENDS_BEFORE_START)
    if registration_opens_at and registration_closes_at and registration_closes_at <= registration_opens_at:
        raise validation_error(
            "registration_closes_at",
            _("Registration must close after it opens."),
            code=errors.REGISTRATION_WINDOW_INVALID,
        )
    if registration_closes_at and registration_closes_at > ends_at:
        raise validation_error(
            "registration_closes_at",
            _("Registration cannot close after the event ends."),
            code=errors.REGISTRATION_WINDOW_INVALID,
        )


def _resolve_hosts(*, actor: Any, host_ids: Sequence[int], previous: Iterable[int] = ()) -> list[Any]:
    """The host organisations named by ``host_ids``, checked against the hosting rules.

    - every id must be a live organisation the actor may see (400 ``does_not_exist``; an archived
      one named by a coordinator, who sees it, is 400 ``host_archived``);
    - only public (verified) organisations host events: a pending or rejected one added as a host is
      400 ``host_not_verified`` (issue: unverified organisations must not act publicly);
    - members may only add organisations they are an owner or editor of, and must keep one of theirs
      as a host (coordinators host anything).
    Hosts already on the event (``previous``) are kept as they are.
    """
    wanted = list(dict.fromkeys(host_ids))
    if len(wanted) > MAX_HOSTS:
        raise validation_error("host_ids", _("At most 20 hosts."), code="max_length")
    found = directory.enterprises_visible_by_ids(user=actor, ids=wanted)
    missing = [pk for pk in wanted if pk not in found]
    archived = directory.enterprise_ids_archived(ids=missing) if missing and is_coordinator(actor) else []
    if archived:
        # Coordinators see archived organisations, so they are told why (others: no such organisation).
        raise validation_error(
            "host_ids",
            _("Archived organisations cannot host events (%(ids)s): restore them first.")
            % {"ids": ", ".join(map(str, archived))},
            code=errors.HOST_ARCHIVED,
        )
    if missing:
        raise validation_error(
            "host_ids",
            _("No such organisation: %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            code="does_not_exist",
        )
    added = sorted(set(wanted) - set(previous))
    require_public(field="host_ids", enterprise_ids=added)
    if not is_coordinator(actor):
        mine = {eid for eid, role in membership_roles(actor).items() if role in EDIT_ROLES}
        foreign = sorted(set(added) - mine)
        if foreign:
            raise validation_error(
                "host_ids",
                _("You can only add organisations you are a member of as hosts (not %(ids)s).")
                % {"ids": ", ".join(map(str, foreign))},
                code=errors.HOST_NOT_YOURS,
            )
        if not mine & set(wanted):
            raise validation_error(
                "host_ids",
                _("At least one host must be an organisation you are a member of."),
                code=errors.HOST_REQUIRED,
            )
    return [found[pk] for pk in wanted]


def require_public(*, field: str, enterprise_ids: Sequence[int], conflict: bool = False) -> None:
    """THE rule "only verified organisations act publicly" (host events, exhibit at booths).

    A pending or rejected organisation is refused: 400 naming ``field`` on input, or 409 when the
    organisation's state changed since it applied (``conflict``). Code ``enterprise_not_verified``
    (``host_not_verified`` for hosts).
    """
    unverified = directory.enterprise_ids_not_public(ids=list(enterprise_ids))
    if not unverified:
        return
    message = _("Only organisations verified by a coordinator can do this (not %(ids)s).") % {
        "ids": ", ".join(map(str, unverified))
    }
    if conflict:
        raise ConflictError(message, code=errors.ENTERPRISE_NOT_VERIFIED)
    code = errors.HOST_NOT_VERIFIED if field == "host_ids" else errors.ENTERPRISE_NOT_VERIFIED
    raise validation_error(field, message, code=code)


def _resolve_organisers(*, organiser_ids: Sequence[int], hosts: Sequence[Any]) -> list[Any]:
    """The users named as organisers, besides the creator.

    Rule: a named organiser is a coordinator or an owner/editor of one of the event's host
    organisations (400 ``organiser_not_member``), so nobody is made to manage an event of an
    organisation they do not belong to. Unknown or deactivated users are 400 ``does_not_exist``.
    """
    wanted = list(dict.fromkeys(organiser_ids))
    if len(wanted) > MAX_ORGANISERS:
        raise validation_error("organiser_ids", _("At most 20 organisers."), code="max_length")
    found = accounts.users_active_by_ids(ids=wanted)
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        raise validation_error(
            "organiser_ids",
            _("No such user: %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            code="does_not_exist",
        )
    members = directory.member_user_ids(enterprise_ids=[host.pk for host in hosts])
    outsiders = sorted(pk for pk, user in found.items() if pk not in members and not is_coordinator(user))
    if outsiders:
        raise validation_error(
            "organiser_ids",
            _("Organisers must be members of a host organisation (not users %(ids)s).")
            % {"ids": ", ".join(map(str, outsiders))},
            code=errors.ORGANISER_NOT_MEMBER,
        )
    return [found[pk] for pk in wanted]


def _resolve_new_people(
    *, actor: Any, target: Event | EventSeries, host_ids: Sequence[int] | None, organiser_ids: Sequence[int] | None
) -> tuple[list[Any] | None, list[Any] | None]:
    """The new hosts and organisers of an edited event or series (``None``: unchanged). New
    organisers are checked against the new hosts, or the current ones when they stay."""
    hosts = organisers = None
    if host_ids is not None:
        hosts = _resolve_hosts(actor=actor, host_ids=host_ids, previous=target.hosts.values_list("pk", flat=True))
    if organiser_ids is not None:
        current_hosts = hosts if hosts is not None else list(target.hosts.all())
        organisers = _resolve_organisers(organiser_ids=organiser_ids, hosts=current_hosts)
    return hosts, organisers


def _confirmed_count(event_id: int) -> int:
    return Registration.objects.filter(event_id=event_id, status=RegistrationStatus.CONFIRMED).count()


def _check_capacity(*, event: Event, capacity: int | None) -> None:
    if capacity is None:
        return
    confirmed = _confirmed_count(event.pk)
    if capacity < confirmed:
        raise validation_error(
            "capacity",
            _("Capacity cannot be below the %(count)d people already confirmed.") % {"count": confirmed},
            code=errors.CAPACITY_BELOW_CONFIRMED,
        )


# --- Events ---------------------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    actor: Any,
    title: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    description: str = "",
    venue_name: str = "",
    venue_address: str = "",
    online_url: str = "",
    capacity: int | None = None,
    registration_opens_at: datetime | None = None,
    registration_closes_at: datetime | None = None,
    host_ids: Sequence[int] = (),
    organiser_ids: Sequence[int] = (),
) -> Event:
    """Create a standalone event. Members must host it with one of their (verified) organisations;
    the creator is always one of its organisers (see ``_resolve_hosts``, ``_resolve_organisers``)."""
    _check_times(
        starts_at=starts_at,
        ends_at=ends_at,
        registration_opens_at=registration_opens_at,
        registration_closes_at=registration_closes_at,
    )
    hosts = _resolve_hosts(actor=actor, host_ids=host_ids)
    organisers = _resolve_organisers(organiser_ids=organiser_ids, hosts=hosts)
    event = Event.objects.create(
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        description=description,
        venue_name=venue_name,
        venue_address=venue_address,
        online_url=online_url,
        capacity=capacity,
        registration_opens_at=registration_opens_at,
        registration_closes_at=registration_closes_at,
        created_by=actor,
    )
    event.hosts.set(hosts)
    event.organisers.set({actor, *organisers})
    audit_record(actor=actor, action=AuditAction.CREATE, target=event, before=dict.fromkeys(AUDIT_EVENT_FIELDS))
    return event


def _promote_waitlisted(event: Event) -> list[Registration]:
    """Confirm people from the head of the waiting list while seats are free. Caller holds the
    event row lock."""
    promoted: list[Registration] = []
    confirmed = _confirmed_count(event.pk)
    queue = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by("queued_at", "id")
    for registration in queue.select_related("user"):
        if event.capacity is not None and confirmed >= event.capacity:
            break
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        confirmed += 1
        promoted.append(registration)
        notify(
            user=registration.user,
            kind=kinds.REGISTRATION_PROMOTED,
            title=gettext_lazy("Your place is confirmed: %(title)s"),
            body=gettext_lazy(
                "A seat became free and your registration moved from the waiting list to confirmed. "
                "The event starts %(start)s."
            ),
            params={"title": event.title, "start": _local(event.starts_at)},
            url=_event_url(event),
            data={"event_id": event.pk, "registration_id": registration.pk},
        )
    return promoted


def _local(moment: datetime) -> str:
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE)).strftime("%Y-%m-%d %H:%M")


def _notify_registrants(event: Event, *, kind: str, title: Any, body: Any, params: dict[str, Any]) -> None:
    active = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    for registration in Registration.objects.filter(event=event, status__in=active).select_related("user"):
        notify(
            user=registration.user,
            kind=kind,
            title=title,
            body=body,
            params=params,
            url=_event_url(event),
            data={"event_id": event.pk},
        )


def _lock_event(event_id: int) -> Event:
    try:
        return Event.objects.select_for_update().get(pk=event_id)
    except Event.DoesNotExist as exc:
        raise NotFound() from exc


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor: Any,
    host_ids: Sequence[int] | None = None,
    organiser_ids: Sequence[int] | None = None,
    **changes: Unpack[EventChanges],
) -> Event:
    """Change one event: the fields given, and the hosts/organisers when given (they replace the
    lists). An occurrence of a series edited this way is detached from whole-series edits."""
    locked = _lock_event(event.pk)
    hosts, organisers = _resolve_new_people(actor=actor, target=locked, host_ids=host_ids, organiser_ids=organiser_ids)
    return _event_change(locked, actor=actor, hosts=hosts, organisers=organisers, detach=True, changes=changes)


def _event_change(
    event: Event,
    *,
    actor: Any,
    hosts: list[Any] | None,
    organisers: list[Any] | None,
    detach: bool,
    changes: EventChanges,
) -> Event:
    """Apply checked changes to a locked event (caller holds the row lock) and record them in the
    audit log.

    Capacity may not drop below the confirmed count; raising it confirms people from the waiting
    list. Registrants hear about a new time or place.
    """
    before = audit_snapshot(event, AUDIT_EVENT_FIELDS)
    _check_times(
        starts_at=changes.get("starts_at", event.starts_at),
        ends_at=changes.get("ends_at", event.ends_at),
        registration_opens_at=changes.get("registration_opens_at", event.registration_opens_at),
        registration_closes_at=changes.get("registration_closes_at", event.registration_closes_at),
    )
    if "capacity" in changes:
        _check_capacity(event=event, capacity=changes["capacity"])
    given: dict[str, Any] = dict(changes)
    moved = any(field in given and given[field] != getattr(event, field) for field in _NOTIFY_ON_CHANGE)
    new_capacity = changes.get("capacity", event.capacity)
    capacity_grew = "capacity" in changes and (
        new_capacity is None or (event.capacity is not None and new_capacity > event.capacity)
    )
    for field, value in changes.items():
        setattr(event, field, value)
    event.sequence += 1
    if detach and event.series_id:
        event.is_detached = True
    event.save()
    if hosts is not None:
        event.hosts.set(hosts)
    if organisers is not None:
        event.organisers.set(organisers)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=event, before=before)
    if capacity_grew:
        _promote_waitlisted(event)
    if moved:
        _notify_registrants(
            event,
            kind=kinds.EVENT_CHANGED,
            title=gettext_lazy("Event changed: %(title)s"),
            body=gettext_lazy(
                "The time or place of an event you registered for changed. It now starts %(start)s at %(venue)s."
            ),
            params={"title": event.title, "start": _local(event.starts_at), "venue": event.venue_name or "-"},
        )
    return event


def _event_set_status(
    *,
    event: Event,
    actor: Any,
    action: str,
    status: str,
    reason: str,
    allowed_from: frozenset[str],
    conflict: tuple[Any, str],
    kind: str,
    title: Any,
    body: Any,
) -> Event:
    """The one status transition of an event (cancel, postpone): lock, check the current status,
    set the new one with its reason, bump the iCalendar SEQUENCE, tell everyone registered or
    waiting, record it in the audit log. Registrations are kept."""
    event = _lock_event(event.pk)
    if event.status not in allowed_from:
        message, code = conflict
        raise ConflictError(message, code=code)
    before = audit_snapshot(event, ("status", "status_reason"))
    event.status = status
    event.status_reason = reason
    event.sequence += 1
    event.save(update_fields=["status", "status_reason", "sequence", "updated_at"])
    audit_record(actor=actor, action=action, target=event, before=before, reason=reason)
    _notify_registrants(event, kind=kind, title=title, body=body, params={"title": event.title, "reason": reason})
    return event


@transaction.atomic
def event_cancel(*, event: Event, actor: Any, reason: str) -> Event:
    """Cancel an event with a reason (from scheduled or postponed); everyone registered or waiting
    is told; feeds keep it as STATUS:CANCELLED."""
    return _event_set_status(
        event=event,
        actor=actor,
        action=AuditAction.CANCEL,
        status=EventStatus.CANCELLED,
        reason=reason,
        allowed_from=frozenset({EventStatus.SCHEDULED, EventStatus.POSTPONED}),
        conflict=(_("The event is already cancelled."), errors.EVENT_ALREADY_CANCELLED),
        kind=kinds.EVENT_CANCELLED,
        title=gettext_lazy("Event cancelled: %(title)s"),
        body=gettext_lazy("An event you registered for was cancelled. Reason: %(reason)s"),
    )


@transaction.atomic
def event_postpone(*, event: Event, actor: Any, reason: str) -> Event:
    """Mark a scheduled event postponed (new date to follow); registration pauses, registrants are told."""
    return _event_set_status(
        event=event,
        actor=actor,
        action=AuditAction.POSTPONE,
        status=EventStatus.POSTPONED,
        reason=reason,
        allowed_from=frozenset({EventStatus.SCHEDULED}),
        conflict=(_("Only a scheduled event can be postponed."), errors.EVENT_NOT_SCHEDULED),
        kind=kinds.EVENT_CHANGED,
        title=gettext_lazy("Event postponed: %(title)s"),
        body=gettext_lazy("An event you registered for was postponed; a new date will follow. Reason: %(reason)s"),
    )


@transaction.atomic
def event_reschedule(*, event: Event, actor: Any, starts_at: datetime, ends_at: datetime) -> Event:
    """Give a postponed (or scheduled) event its new time and put it back on schedule."""
    event = _lock_event(event.pk)
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(_("A cancelled event cannot be rescheduled."), code=errors.EVENT_CANCELLED)
    _check_times(
        starts_at=starts_at,
        ends_at=ends_at,
        registration_opens_at=event.registration_opens_at,
        registration_closes_at=event.registration_closes_at,
    )
    if ends_at <= timezone.now():
        raise validation_error("ends_at", _("The new time is in the past."), code=errors.IN_PAST)
    before = audit_snapshot(event, ("starts_at", "ends_at", "status", "status_reason"))
    event.starts_at, event.ends_at = starts_at, ends_at
    event.status = EventStatus.SCHEDULED
    event.status_reason = ""
    event.sequence += 1
    if event.series_id:
        event.is_detached = True
    event.save()
    audit_record(actor=actor, action=AuditAction.RESCHEDULE, target=event, before=before)
    _notify_registrants(
        event,
        kind=kinds.EVENT_CHANGED,
        title=gettext_lazy("New date: %(title)s"),
        body=gettext_lazy("An event you registered for has a new time: it starts %(start)s."),
        params={"title": event.title, "start": _local(event.starts_at)},
    )
    return event


@transaction.atomic
def event_cover_set(*, event: Event, image: Any, image_format: str, actor: Any = None) -> Event:
    """Store a checked cover image (the old file is deleted after commit); recorded in the audit log."""
    event = _lock_event(event.pk)
    before = audit_snapshot(event, ("cover_image",))
    old = event.cover_image.name if event.cover_image else ""
    # A random name: the client never chooses a path in storage.
    event.cover_image.save(stored_name(image_format), image, save=False)
    event.sequence += 1
    event.save(update_fields=["cover_image", "sequence", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=event, before=before)
    if old:
        storage, name = event.cover_image.storage, old
        transaction.on_commit(lambda: storage.delete(name))
    return event


@transaction.atomic
def event_cover_delete(*, event: Event, actor: Any = None) -> Event:
    """Remove the cover image (the file is deleted after commit); recorded in the audit log."""
    event = _lock_event(event.pk)
    if event.cover_image:
        before = audit_snapshot(event, ("cover_image",))
        storage, name = event.cover_image.storage, event.cover_image.name
        event.cover_image = ""
        event.save(update_fields=["cover_image", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, target=event, before=before)
        transaction.on_commit(lambda: storage.delete(name))
    return event


# --- Registration ------------------------------------------------------------------------------------------


def _check_registration_open(event: Event, now: datetime) -> None:
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(_("The event is cancelled."), code=errors.EVENT_CANCELLED)
    if event.status == EventStatus.POSTPONED:
        raise ConflictError(
            _("The event is postponed; registration reopens with its new date."), code=errors.EVENT_POSTPONED
        )
    if event.starts_at <= now:
        raise ConflictError(_("The event has already started or is over."), code=errors.EVENT_PAST)
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ConflictError(
            _("Registration opens %(when)s.") % {"when": _local(event.registration_opens_at)},
            code=errors.REGISTRATION_NOT_OPEN,
        )
    if event.registration_closes_at and now >= event.registration_closes_at:
        raise ConflictError(
            _("Registration closed %(when)s.") % {"when": _local(event.registration_closes_at)},
            code=errors.REGISTRATION_CLOSED,
        )


@transaction.atomic
def registration_create(*, event_id: int, user: Any) -> tuple[Registration, bool]:
    """Register ``user``: confirmed while seats are left, else waitlisted at the end of the queue.

    Returns ``(registration, created)``; registering again while registered changes nothing.
    The event row lock makes the count-and-insert atomic across concurrent requests.
    """
    event = _lock_event(event_id)
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing and existing.status != RegistrationStatus.CANCELLED:
        return existing, False
    now = timezone.now()
    _check_registration_open(event, now)
    full = event.capacity is not None and _confirmed_count(event.pk) >= event.capacity
    status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED
    registration = existing or Registration(event=event, user=user)
    registration.status = status
    registration.queued_at = now
    registration.confirmed_at = None if full else now
    registration.cancelled_at = None
    registration.checked_in_at = None
    registration.save()
    if full:
        notify(
            user=user,
            kind=kinds.REGISTRATION_WAITLISTED,
            title=gettext_lazy("On the waiting list: %(title)s"),
            body=gettext_lazy(
                "The event is full; you are number %(position)d on the waiting list. "
                "We will tell you as soon as a seat is free."
            ),
            params={"title": event.title, "position": waitlist_position(registration)},
            url=_event_url(event),
            data={"event_id": event.pk, "registration_id": registration.pk},
        )
    else:
        notify(
            user=user,
            kind=kinds.REGISTRATION_CONFIRMED,
            title=gettext_lazy("Registration confirmed: %(title)s"),
            body=gettext_lazy("Your place is confirmed. The event starts %(start)s at %(venue)s."),
            params={"title": event.title, "start": _local(event.starts_at), "venue": event.venue_name or "-"},
            url=_event_url(event),
            data={"event_id": event.pk, "registration_id": registration.pk},
        )
    return registration, True


@transaction.atomic
def registration_cancel(*, event_id: int, user: Any) -> None:
    """Cancel ``user``'s registration; a freed seat goes to the head of the waiting list."""
    event = _lock_event(event_id)
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, user=user, status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED))
        .first()
    )
    if registration is None:
        raise NotFound(_("You are not registered for this event."))
    if event.ends_at <= timezone.now():
        raise ConflictError(_("The event is over; its attendance can no longer change."), code=errors.EVENT_PAST)
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    if was_confirmed and event.status == EventStatus.SCHEDULED:
        _promote_waitlisted(event)


@transaction.atomic
def registration_check_in(*, event: Event, registration_id: int, checked_in: bool) -> Registration:
    """Mark (or unmark) a confirmed attendee as present."""
    try:
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=registration_id, event=event)
        )
    except Registration.DoesNotExist as exc:
        raise NotFound() from exc
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ConflictError(_("Only confirmed attendees can be checked in."), code=errors.REGISTRATION_NOT_CONFIRMED)
    if checked_in and registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
    elif not checked_in:
        registration.checked_in_at = None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


# --- Series -------------------------------------------------------------------------------------------------------


def parse_recurrence_rule(*, rule: str, starts_at: datetime) -> Any:
    """Validate an RFC 5545 RRULE value and return the dateutil rule anchored at ``starts_at``
    (in the city's time zone, so "every second Saturday 10:00" stays 10:00 local)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or any(ch in text for ch in "\r\n") or "DTSTART" in text.upper():
        raise validation_error(
            "recurrence_rule",
            _("Give one RRULE value, e.g. FREQ=MONTHLY;BYDAY=2SA."),
            code=errors.RECURRENCE_RULE_INVALID,
        )
    local = timezone.localtime(starts_at, ZoneInfo(settings.TIME_ZONE))
    try:
        parsed = rrulestr(text, dtstart=local)
    except Exception as exc:  # dateutil raises ValueError, TypeError, KeyError… for bad input
        raise validation_error(
            "recurrence_rule",
            _("Not a valid RFC 5545 recurrence rule: %(error)s") % {"error": str(exc)[:200] or type(exc).__name__},
            code=errors.RECURRENCE_RULE_INVALID,
        ) from exc
    if not hasattr(parsed, "_freq") or parsed._freq in (DAILY, HOURLY, MINUTELY, SECONDLY):
        raise validation_error(
            "recurrence_rule",
            _("An event series repeats weekly, monthly or yearly (FREQ=WEEKLY, MONTHLY or YEARLY)."),
            code=errors.RECURRENCE_RULE_INVALID,
        )
    return parsed


def _occurrence_starts(series: EventSeries) -> tuple[list[datetime], datetime]:
    """Starts of the occurrences due after ``materialised_until``, and the new horizon.

    A rule without COUNT or UNTIL repeats for ever: only the occurrences of the next
    ``SERIES_HORIZON`` exist, and never more than ``SERIES_MAX_OCCURRENCES`` upcoming ones at once
    (a weekly rule on every day stops at 60; the daily extension only refills what has passed).
    """
    rule = parse_recurrence_rule(rule=series.recurrence_rule, starts_at=series.starts_at)
    now = timezone.now()
    until = max(now, series.starts_at) + SERIES_HORIZON
    done = series.materialised_until
    room = SERIES_MAX_OCCURRENCES - series.occurrences.filter(starts_at__gte=now).count()
    starts: list[datetime] = []
    for moment in rule:
        if moment > until:
            break
        if moment < now or (done is not None and moment <= done):
            continue  # no occurrences in the past, none created before
        if len(starts) >= room:
            return starts, starts[-1] if starts else (done or now)
        starts.append(moment)
    return starts, until


def _series_materialise(series: EventSeries, *, actor: Any) -> int:
    """Create the occurrences due up to the horizon. Occurrences before ``materialised_until`` are
    never created again, so one deleted on purpose stays deleted."""
    length = series.ends_at - series.starts_at
    existing = set(series.occurrences.values_list("starts_at", flat=True))
    hosts = list(series.hosts.all())
    organisers = list(series.organisers.all())
    starts, horizon = _occurrence_starts(series)
    created = 0
    for start in starts:
        if start in existing:
            continue
        event = Event.objects.create(
            series=series,
            starts_at=start,
            ends_at=start + length,
            created_by=actor,
            **{field: getattr(series, field) for field in SERIES_TEMPLATE_FIELDS},
        )
        event.hosts.set(hosts)
        event.organisers.set(organisers)
        created += 1
    series.materialised_until = horizon
    series.save(update_fields=["materialised_until"])
    return created


@transaction.atomic
def event_series_create(
    *,
    actor: Any,
    title: str,
    kind: str,
    recurrence_rule: str,
    starts_at: datetime,
    ends_at: datetime,
    description: str = "",
    venue_name: str = "",
    venue_address: str = "",
    online_url: str = "",
    capacity: int | None = None,
    host_ids: Sequence[int] = (),
    organiser_ids: Sequence[int] = (),
) -> EventSeries:
    """Create a series and its occurrences up to ``SERIES_HORIZON`` (at most
    ``SERIES_MAX_OCCURRENCES``). A rule that yields no occurrence is a 400."""
    _check_times(starts_at=starts_at, ends_at=ends_at)
    hosts = _resolve_hosts(actor=actor, host_ids=host_ids)
    organisers = _resolve_organisers(organiser_ids=organiser_ids, hosts=hosts)
    parse_recurrence_rule(rule=recurrence_rule, starts_at=starts_at)
    series = EventSeries(
        title=title,
        kind=kind,
        recurrence_rule=recurrence_rule.strip().removeprefix("RRULE:"),
        starts_at=starts_at,
        ends_at=ends_at,
        description=description,
        venue_name=venue_name,
        venue_address=venue_address,
        online_url=online_url,
        capacity=capacity,
        created_by=actor,
    )
    series.save()
    series.hosts.set(hosts)
    series.organisers.set({actor, *organisers})
    audit_record(actor=actor, action=AuditAction.CREATE, target=series, before=dict.fromkeys(AUDIT_SERIES_FIELDS))
    if not _series_materialise(series, actor=actor):
        raise validation_error(
            "recurrence_rule", _("The rule yields no occurrence in the coming year."), code=errors.RECURRENCE_RULE_EMPTY
        )
    return series


def event_series_extend() -> int:
    """Create, for every series, the occurrences that have come within the horizon since it was
    last materialised (one transaction per series). Returns how many were created."""
    created = 0
    for series_id in EventSeries.objects.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            series = EventSeries.objects.select_for_update().get(pk=series_id)
            created += _series_materialise(series, actor=series.created_by)
    return created


@transaction.atomic
def event_series_update(
    *,
    series: EventSeries,
    actor: Any,
    host_ids: Sequence[int] | None = None,
    organiser_ids: Sequence[int] | None = None,
    **changes: Unpack[SeriesChanges],
) -> EventSeries:
    """Edit the whole series: the template and every future occurrence not edited on its own.

    Past and detached occurrences keep their values. Capacity may not drop below the confirmed
    count of any occurrence it applies to. Lock order: the series, then each occurrence by pk.
    """
    series = EventSeries.objects.select_for_update().get(pk=series.pk)
    before = audit_snapshot(series, AUDIT_SERIES_FIELDS)
    hosts, organisers = _resolve_new_people(actor=actor, target=series, host_ids=host_ids, organiser_ids=organiser_ids)
    for field, value in changes.items():
        setattr(series, field, value)
    series.save()
    if hosts is not None:
        series.hosts.set(hosts)
    if organisers is not None:
        series.organisers.set(organisers)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=series, before=before)
    upcoming = (
        series.occurrences.filter(is_detached=False, starts_at__gt=timezone.now(), archived_at__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for event_id in list(upcoming):
        occurrence = _lock_event(event_id)
        try:
            _event_change(
                occurrence,
                actor=actor,
                hosts=hosts,
                organisers=organisers,
                detach=False,
                changes=cast(EventChanges, changes),
            )
        except ValidationError as exc:
            if isinstance(exc.detail, dict) and "capacity" in exc.detail:
                raise validation_error(
                    "capacity",
                    _("Capacity is below the confirmed count of the occurrence on %(date)s.")
                    % {"date": _local(occurrence.starts_at)},
                    code=errors.CAPACITY_BELOW_CONFIRMED,
                ) from exc
            raise
    return series


# --- Booths -----------------------------------------------------------------------------------------------------


def _accepted_count(category_id: int) -> int:
    return BoothApplication.objects.filter(category_id=category_id, status=BoothApplicationStatus.ACCEPTED).count()


@transaction.atomic
def booth_category_create(*, event: Event, category: str, booths: int, name: str = "") -> BoothCategory:
    event = _lock_event(event.pk)
    if BoothCategory.objects.filter(event=event, category=category).exists():
        raise validation_error(
            "category", _("This event already has booths of this category."), code=errors.DUPLICATE_BOOTH_CATEGORY
        )
    return BoothCategory.objects.create(event=event, category=category, booths=booths, name=name)


@transaction.atomic
def booth_category_update(
    *, booth_category: BoothCategory, booths: int | None = None, name: str | None = None
) -> BoothCategory:
    """Change the number of booths: never below the accepted count; more booths accept waitlisted
    applications in order."""
    booth_category = BoothCategory.objects.select_for_update().get(pk=booth_category.pk)
    if booths is not None:
        accepted = _accepted_count(booth_category.pk)
        if booths < accepted:
            raise validation_error(
                "booths",
                _("There are already %(count)d accepted exhibitors in this category.") % {"count": accepted},
                code=errors.BOOTHS_BELOW_ACCEPTED,
            )
        booth_category.booths = booths
    if name is not None:
        booth_category.name = name
    booth_category.save()
    _promote_booth_waitlist(booth_category)
    return booth_category


def _booth_decided(application: BoothApplication) -> None:
    if application.applied_by is None:
        return
    params = {
        "enterprise": application.enterprise.name,
        "title": application.event.title,
        "status": application.get_status_display(),
        "reason": application.decision_reason or "-",
    }
    notify(
        user=application.applied_by,
        kind=kinds.BOOTH_APPLICATION_DECIDED,
        title=gettext_lazy("Booth application of %(enterprise)s: %(status)s"),
        body=gettext_lazy("Your booth application for %(title)s is now: %(status)s. Reason: %(reason)s"),
        params=params,
        url=_event_url(application.event),
        data={"event_id": application.event_id, "booth_application_id": application.pk},
    )


def _promote_booth_waitlist(booth_category: BoothCategory) -> None:
    """Accept waitlisted applications in order while booths are free (category row locked)."""
    accepted = _accepted_count(booth_category.pk)
    queue = BoothApplication.objects.filter(category=booth_category, status=BoothApplicationStatus.WAITLISTED).order_by(
        "queued_at", "id"
    )
    # Only verified organisations exhibit: one rejected since it applied keeps waiting.
    queue = queue.exclude(
        enterprise_id__in=directory.enterprise_ids_not_public(ids=list(queue.values_list("enterprise_id", flat=True)))
    )
    for application in queue.select_related("enterprise", "event", "applied_by"):
        if accepted >= booth_category.booths:
            break
        application.status = BoothApplicationStatus.ACCEPTED
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "decided_at", "updated_at"])
        accepted += 1
        _booth_decided(application)


@transaction.atomic
def booth_application_create(
    *, actor: Any, event: Event, category_id: int, enterprise_id: int, product_ids: Sequence[int], note: str = ""
) -> BoothApplication:
    """An organisation's member applies for a booth of ``event``, showing some of the organisation's
    products. The organisation and products are looked up through the directory's selectors, so
    only what the actor may see exists (400 ``does_not_exist``); only verified organisations
    exhibit (``require_public``)."""
    booth_category = BoothCategory.objects.filter(event=event, pk=category_id).first()
    if booth_category is None:
        raise validation_error("category_id", _("No such booth category at this event."), code="does_not_exist")
    enterprise = directory.enterprises_visible_by_ids(user=actor, ids=[enterprise_id]).get(enterprise_id)
    if enterprise is None:
        raise validation_error("enterprise_id", _("No such organisation."), code="does_not_exist")
    wanted = list(dict.fromkeys(product_ids))
    products = directory.products_visible_by_ids(user=actor, ids=wanted)
    missing = [pk for pk in wanted if pk not in products]
    if missing:
        raise validation_error(
            "product_ids",
            _("Unknown products: %(ids)s.") % {"ids": ", ".join(map(str, sorted(missing)))},
            code="does_not_exist",
        )
    if not is_coordinator(actor) and membership_roles(actor).get(enterprise.pk) not in EDIT_ROLES:
        raise PermissionDenied(_("You can only apply on behalf of an organisation you are a member of."))
    require_public(field="enterprise_id", enterprise_ids=[enterprise.pk])
    foreign = sorted(pk for pk, product in products.items() if product.enterprise_id != enterprise.pk)
    if foreign:
        raise validation_error(
            "product_ids",
            _("Products %(ids)s are not this organisation's.") % {"ids": ", ".join(map(str, foreign))},
            code=errors.PRODUCT_NOT_YOURS,
        )
    booth_category = (
        BoothCategory.objects.select_for_update(of=("self",)).select_related("event").get(pk=booth_category.pk)
    )
    event = booth_category.event
    if event.status == EventStatus.CANCELLED:
        raise ConflictError(_("The event is cancelled."), code=errors.EVENT_CANCELLED)
    if event.starts_at <= timezone.now():
        raise ConflictError(_("The event has already started or is over."), code=errors.EVENT_PAST)
    application = BoothApplication.objects.filter(event=event, enterprise=enterprise).first()
    if application and application.status not in (BoothApplicationStatus.WITHDRAWN, BoothApplicationStatus.DECLINED):
        raise ConflictError(
            _("This organisation has already applied for a booth at this event."), code=errors.BOOTH_ALREADY_APPLIED
        )
    application = application or BoothApplication(event=event, enterprise=enterprise)
    application.category = booth_category
    application.note = note
    application.status = BoothApplicationStatus.PENDING
    application.decision_reason = ""
    application.decided_at = None
    application.decided_by = None
    application.queued_at = None
    application.applied_by = actor
    application.save()
    application.products.set([products[pk] for pk in wanted])
    return application


def _lock_application(application_id: int) -> tuple[BoothApplication, BoothCategory]:
    """Lock order: category row, then the application (the same everywhere, no deadlocks)."""
    category_id = BoothApplication.objects.filter(pk=application_id).values_list("category_id", flat=True).first()
    if category_id is None:
        raise NotFound()
    category = BoothCategory.objects.select_for_update().get(pk=category_id)
    application = (
        BoothApplication.objects.select_for_update(of=("self",))
        .select_related("enterprise", "event", "applied_by")
        .get(pk=application_id)
    )
    return application, category


@transaction.atomic
def booth_application_accept(*, application_id: int, actor: Any) -> BoothApplication:
    """Accept a pending application: a booth if one is free, else the category's waiting list."""
    application, category = _lock_application(application_id)
    if application.status != BoothApplicationStatus.PENDING:
        raise ConflictError(
            _("Only a pending application can be accepted (this one is %(status)s).")
            % {"status": application.get_status_display()},
            code=errors.BOOTH_APPLICATION_NOT_PENDING,
        )
    require_public(field="enterprise_id", enterprise_ids=[application.enterprise_id], conflict=True)
    now = timezone.now()
    full = _accepted_count(category.pk) >= category.booths
    application.status = BoothApplicationStatus.WAITLISTED if full else BoothApplicationStatus.ACCEPTED
    application.queued_at = now
    application.decided_at = now
    application.decided_by = actor
    application.save()
    _booth_decided(application)
    return application


@transaction.atomic
def booth_application_decline(*, application_id: int, actor: Any, reason: str) -> BoothApplication:
    application, category = _lock_application(application_id)
    if application.status in (BoothApplicationStatus.DECLINED, BoothApplicationStatus.WITHDRAWN):
        raise ConflictError(_("This application is already closed."), code=errors.BOOTH_APPLICATION_CLOSED)
    was_accepted = application.status == BoothApplicationStatus.ACCEPTED
    application.status = BoothApplicationStatus.DECLINED
    application.decision_reason = reason
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.save()
    _booth_decided(application)
    if was_accepted:
        _promote_booth_waitlist(category)
    return application


@transaction.atomic
def booth_application_withdraw(*, application_id: int, actor: Any) -> BoothApplication:
    application, category = _lock_application(application_id)
    if application.status in (BoothApplicationStatus.DECLINED, BoothApplicationStatus.WITHDRAWN):
        raise ConflictError(_("This application is already closed."), code=errors.BOOTH_APPLICATION_CLOSED)
    was_accepted = application.status == BoothApplicationStatus.ACCEPTED
    application.status = BoothApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    if was_accepted:
        _promote_booth_waitlist(category)
    return application


# --- Calendar tokens -----------------------------------------------------------------------------------------------


@transaction.atomic
def calendar_token_rotate(*, user: Any) -> CalendarToken:
    """Issue a new personal feed token; the previous URL stops working at once."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)


@transaction.atomic
def calendar_token_revoke(*, user: Any) -> None:
    deleted, _rows = CalendarToken.objects.filter(user=user).delete()
    if not deleted:
        raise NotFound(_("You have no calendar feed."))


# --- Archive (soft delete) and restore ---------------------------------------------------------------------------

_OPEN_BOOTH_STATUSES = (
    BoothApplicationStatus.PENDING,
    BoothApplicationStatus.WAITLISTED,
    BoothApplicationStatus.ACCEPTED,
)


@transaction.atomic
def event_archive(*, event: Event, actor: Any, reason: str = "") -> Event:
    """Archive (soft-delete) an event: gone from lists, details, feeds and calendars for everyone
    but coordinators; kept whole with its registrations and booths, restorable by a coordinator.

    An event that has started is history, and one with registrations or booth applications is
    somebody's plan: members may not archive those (409 ``event_past`` / ``event_has_registrations``;
    cancel it instead), a coordinator may, with a reason (400 ``reason`` without one). When a
    coordinator archives an event that has not started and is not cancelled, the people registered
    or waiting are told it was withdrawn. The open booth applications of an event that has not
    started are withdrawn, their applicants told.
    """
    event = _lock_event(event.pk)
    active = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    registered = Registration.objects.filter(event=event, status__in=active).exists()
    past = event.starts_at <= timezone.now()
    if not is_coordinator(actor):
        if past:
            raise ConflictError(
                _("The event has already started or is over: it is part of the history and stays."),
                code=errors.EVENT_PAST,
            )
        if registered or event.booth_applications.exists():
            raise ConflictError(
                _("People or organisations signed up for this event: cancel it instead of deleting it."),
                code=errors.EVENT_HAS_REGISTRATIONS,
            )
    elif (past or registered or event.booth_applications.exists()) and not reason.strip():
        raise validation_error(
            "reason",
            _("Give a reason to archive an event that took place or that people signed up for."),
            code="required",
        )
    event = audit_archive(row=event, actor=actor, reason=reason)
    if not past:
        # Its booths will not take place: open applications are withdrawn and the applicants told
        # (nobody is promoted into a booth of an archived event).
        _booth_applications_withdraw(
            BoothApplication.objects.filter(event=event, status__in=_OPEN_BOOTH_STATUSES),
            actor=actor,
            reason=reason or _("The event was withdrawn."),
            promote=False,
        )
    if registered and not past and event.status != EventStatus.CANCELLED:
        _notify_registrants(
            event,
            kind=kinds.EVENT_CANCELLED,
            title=gettext_lazy("Event withdrawn: %(title)s"),
            body=gettext_lazy("An event you registered for was withdrawn. Reason: %(reason)s"),
            params={"title": event.title, "reason": reason or "-"},
        )
    return event


@transaction.atomic
def event_restore(*, event: Event, actor: Any, reason: str = "") -> Event:
    """A coordinator brings an archived event back as it was. 409 ``not_archived``."""
    return audit_restore(row=event, actor=actor, reason=reason)


def _booth_label(application: BoothApplication) -> str:
    return f"{application.enterprise.name} @ {application.event.title}"


@transaction.atomic
def booth_applications_withdraw_for_enterprise(
    *, enterprise: Any, actor: Any, reason: str = ""
) -> list[BoothApplication]:
    """Withdraw an archived organisation's open booth applications (pending, waitlisted, accepted)
    for events that have not started. Each accepted one frees its booth, which goes to the next on
    the category's waiting list (``_promote_booth_waitlist``, who is notified); the applicant is told.
    Locks category then application, in category order (as every booth service does)."""
    return _booth_applications_withdraw(
        BoothApplication.objects.filter(
            enterprise=enterprise, status__in=_OPEN_BOOTH_STATUSES, event__starts_at__gt=timezone.now()
        ),
        actor=actor,
        reason=reason or _("The organisation was archived."),
        promote=True,
    )


def _booth_applications_withdraw(
    applications: QuerySet[BoothApplication], *, actor: Any, reason: str, promote: bool
) -> list[BoothApplication]:
    """Withdraw ``applications`` one by one, each locked category-then-application (in category
    order, as every booth service does), recording and notifying each; with ``promote``, a booth an
    accepted one frees goes to the next on the category's waiting list."""
    candidates = applications.order_by("category_id", "pk").values_list("pk", flat=True)
    withdrawn: list[BoothApplication] = []
    for application_id in list(candidates):
        application, category = _lock_application(application_id)
        if application.status not in _OPEN_BOOTH_STATUSES:
            continue
        was_accepted = application.status == BoothApplicationStatus.ACCEPTED
        before = audit_snapshot(application, ("status", "decision_reason"))
        application.status = BoothApplicationStatus.WITHDRAWN
        application.decision_reason = reason
        application.save(update_fields=["status", "decision_reason", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.WITHDRAW,
            target=application,
            before=before,
            reason=reason,
            label=_booth_label(application),
        )
        _booth_decided(application)
        if was_accepted and promote:
            _promote_booth_waitlist(category)
        withdrawn.append(application)
    return withdrawn


@transaction.atomic
def booth_showcases_remove_product(*, product: Any, actor: Any) -> list[BoothApplication]:
    """Take an archived product out of the open booth applications of events that have not started.

    The organisers of each event where an accepted exhibitor's showcase so changes are told. Past
    events keep the product in their history (hidden from the public while it is archived)."""
    applications = (
        BoothApplication.objects.select_for_update(of=("self",))
        .filter(products=product, status__in=_OPEN_BOOTH_STATUSES, event__starts_at__gt=timezone.now())
        .select_related("enterprise", "event")
        .order_by("pk")
    )
    changed: list[BoothApplication] = []
    for application in applications:
        before = audit_snapshot(application, ("products",))
        application.products.remove(product)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=application,
            before=before,
            reason=_("The product was archived."),
            label=_booth_label(application),
        )
        changed.append(application)
        if application.status != BoothApplicationStatus.ACCEPTED:
            continue
        for organiser in application.event.organisers.all():
            notify(
                user=organiser,
                kind=kinds.EVENT_CHANGED,
                title=gettext_lazy("Exhibitor's showcase changed: %(title)s"),
                body=gettext_lazy("%(enterprise)s no longer shows %(product)s at %(title)s: the product was archived."),
                params={
                    "title": application.event.title,
                    "enterprise": application.enterprise.name,
                    "product": product.name,
                },
                url=_event_url(application.event),
                data={
                    "event_id": application.event_id,
                    "booth_application_id": application.pk,
                    "product_id": product.pk,
                },
            )
    return changed
