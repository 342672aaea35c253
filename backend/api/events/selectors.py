"""Reading events: every query the views need, with its joins and counts done in the database.

Organisations, products and users come from their own domains' selectors (``api.enterprises.
selectors``, ``api.accounts.selectors``): this module never touches their models."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from api.accounts import selectors as accounts
from api.common.linking import LinkTarget
from api.common.permissions import is_coordinator, membership_roles
from api.common.renderers import csv_text
from api.enterprises import selectors as directory
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
from api.events.permissions import can_manage_event

_ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def _hosts() -> Prefetch[Any]:
    return Prefetch("hosts", queryset=directory.enterprise_summaries())


def _organisers() -> Prefetch[Any]:
    return Prefetch("organisers", queryset=accounts.user_summaries())


def event_list(*, include_archived: bool = False) -> QuerySet[Event]:
    """All events with hosts, organisers and registration counts (``confirmed_count``,
    ``waitlisted_count``). Archived events only with ``include_archived`` (coordinators' views)."""
    return (
        (Event.objects.all() if include_archived else Event.objects.filter(archived_at__isnull=True))
        .annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            waitlisted_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)),
        )
        .prefetch_related(_hosts(), _organisers())
        .order_by("starts_at", "id")
    )


def event_detail_queryset(*, include_archived: bool = False) -> QuerySet[Event]:
    """As ``event_list``, with ``has_booths``: read one with it, then ``event_booths_load`` adds
    the booth categories and exhibitors (3 queries for an event without booths, most of them)."""
    return event_list(include_archived=include_archived).annotate(
        has_booths=Exists(BoothCategory.objects.filter(event=OuterRef("pk")))
    )


def event_booths_load(event: Event) -> Event:
    """Set ``event.booth_category_list`` (with accepted and waitlisted counts) and
    ``event.exhibitors`` (accepted applications; archived organisations and products left out) on
    an event read from ``event_detail_queryset``: two or three queries when it has booth
    categories, none otherwise. Idempotent."""
    if hasattr(event, "booth_category_list"):
        return event
    if not getattr(event, "has_booths", True):
        event.booth_category_list = []  # type: ignore[attr-defined]  # set like a Prefetch to_attr
        event.exhibitors = []  # type: ignore[attr-defined]  # set like a Prefetch to_attr
        return event
    exhibitors = (
        BoothApplication.objects.filter(status=BoothApplicationStatus.ACCEPTED, enterprise__archived_at__isnull=True)
        .select_related("enterprise", "category")
        .prefetch_related(Prefetch("products", queryset=directory.product_summaries()))
        .order_by("category__category", "enterprise__name", "id")
    )
    categories = BoothCategory.objects.annotate(
        accepted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.ACCEPTED)),
        waitlisted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.WAITLISTED)),
    ).order_by("category", "id")
    prefetch_related_objects(
        [event],
        Prefetch("booth_categories", queryset=categories, to_attr="booth_category_list"),
        Prefetch("booth_applications", queryset=exhibitors, to_attr="exhibitors"),
    )
    return event


def my_registration(*, event: Event, user: Any) -> Registration | None:
    if not (user and user.is_authenticated):
        return None
    return Registration.objects.filter(event=event, user=user, status__in=_ACTIVE).first()


FEED_LIMIT = 500
# Without one of these filters, the public feed shows only events not over yet.
_TIME_FILTERS = frozenset({"upcoming", "date_from", "date_to"})


def event_feed(*, queryset: QuerySet[Event], params: Mapping[str, Any] | None = None) -> list[Event]:
    """The events of a calendar feed (at most ``FEED_LIMIT``). ``params`` are the request's query
    parameters, already applied to ``queryset`` by the list's filters: when none of them is about
    time, the feed defaults to upcoming events only."""
    if params is not None and not _TIME_FILTERS & set(params):
        queryset = queryset.filter(ends_at__gte=timezone.now())
    return list(queryset[:FEED_LIMIT])


def enterprise_feed(*, slug: str) -> tuple[Any, QuerySet[Event]] | None:
    """A public organisation and the events it hosts; ``None`` when the organisation is not public
    (only verified organisations have a public calendar)."""
    enterprise = directory.enterprise_public_get(slug=slug)
    if enterprise is None:
        return None
    return enterprise, event_list().filter(hosts=enterprise)


def events_of_calendar_token(*, token: str) -> tuple[Any, QuerySet[Event]] | None:
    """The owner of a personal feed token and the events they are registered or waiting for."""
    found = CalendarToken.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if found is None:
        return None
    events = event_list().filter(registrations__user=found.user, registrations__status__in=_ACTIVE).distinct()
    return found.user, events


def calendar_token_of(*, user: Any) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def attendee_list(*, event: Event) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event=event, status__in=_ACTIVE)
        .select_related("user")
        .order_by("status", "queued_at", "id")
    )


def _waitlist(event_id: int) -> QuerySet[Registration]:
    """The event's waiting list in its one order: first queued, first served (ties by id)."""
    return Registration.objects.filter(event_id=event_id, status=RegistrationStatus.WAITLISTED).order_by(
        "queued_at", "id"
    )


def waitlist_positions(*, event: Event) -> dict[int, int]:
    """``{registration_id: position}`` (1-based) of the event's waiting list, in one query."""
    return {pk: index for index, pk in enumerate(_waitlist(event.pk).values_list("pk", flat=True), start=1)}


def waitlist_position(registration: Registration) -> int | None:
    """1-based place of a waitlisted registration in its queue (None unless waitlisted), counted
    in the database with the order of ``_waitlist``."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = _waitlist(registration.event_id).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, id__lt=registration.pk)
    )
    return ahead.count() + 1


ATTENDEE_CSV_HEADER = ("번호", "이름", "이메일", "상태", "대기 순번", "신청 시각", "입장 확인")


def attendee_csv(*, event: Event) -> str:
    """The attendee list as a spreadsheet-safe CSV file (UTF-8 with BOM, Korean headers)."""
    positions = waitlist_positions(event=event)

    def local(moment: Any) -> str:
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""

    rows = (
        [
            index,
            registration.user.display_name,
            registration.user.email,
            registration.get_status_display(),
            positions.get(registration.pk, ""),
            local(registration.queued_at),
            local(registration.checked_in_at),
        ]
        for index, registration in enumerate(attendee_list(event=event), start=1)
    )
    return csv_text(ATTENDEE_CSV_HEADER, rows)


def series_list() -> QuerySet[EventSeries]:
    return (
        EventSeries.objects.all()
        .annotate(occurrence_count=Count("occurrences", distinct=True))
        .prefetch_related(_hosts(), _organisers())
        .order_by("starts_at", "id")
    )


def booth_category_list(*, event: Event) -> QuerySet[BoothCategory]:
    return (
        BoothCategory.objects.filter(event=event)
        .annotate(
            accepted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.ACCEPTED)),
            waitlisted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.WAITLISTED)),
        )
        .order_by("category", "id")
    )


def booth_application_list(*, user: Any, event: Event | None = None) -> QuerySet[BoothApplication]:
    """Coordinators and the event's managers see every application; members see their
    organisations' own; others none."""
    queryset = (
        BoothApplication.objects.select_related("enterprise", "category", "event", "applied_by")
        # An application keeps the products it was made with, archived ones included.
        .prefetch_related(Prefetch("products", queryset=directory.product_summaries(include_archived=True)))
        .order_by("created_at", "id")
    )
    if event is not None:
        queryset = queryset.filter(event=event)
        if can_manage_event(user, event):
            # An archived organisation's applications are hidden with it (coordinators still see them).
            return queryset if is_coordinator(user) else queryset.filter(enterprise__archived_at__isnull=True)
    elif is_coordinator(user):
        return queryset
    return queryset.filter(enterprise_id__in=list(membership_roles(user)))


def booth_application_get(*, user: Any, application_id: int) -> BoothApplication | None:
    """One application, to whoever sees it in a list: coordinators, members of the applying
    organisation (``/booth-applications/``) and the event's managers (the event's list)."""
    found = booth_application_list(user=user).filter(pk=application_id).first()
    if found is not None:
        return found
    event_id = BoothApplication.objects.filter(pk=application_id).values_list("event_id", flat=True).first()
    if event_id is None:
        return None
    event = Event.objects.get(pk=event_id)
    return booth_application_list(user=user, event=event).filter(pk=application_id).first()


def is_cancelled(event: Event) -> bool:
    return event.status == EventStatus.CANCELLED


# --- For other domains ------------------------------------------------------------------------------
# The "event" link kind (``api.common.linking``): resolutions link to the events carrying them out.


def event_link_targets(ids: Iterable[int]) -> dict[int, LinkTarget]:
    """``{id: LinkTarget}`` of the live (not archived) events among ``ids``, with their hosts."""
    events = Event.objects.filter(pk__in=list(ids), archived_at__isnull=True).prefetch_related(
        Prefetch("hosts", queryset=directory.enterprise_summaries())
    )
    return {
        event.pk: LinkTarget(
            id=event.pk,
            title=event.title,
            path=f"/events/{event.pk}",
            organisation_ids=tuple(host.pk for host in event.hosts.all()),
        )
        for event in events
    }


def event_link_find(title: str) -> int | None:
    """The id of the earliest live event with exactly this title (demo data, forms), or None."""
    return (
        Event.objects.filter(title=title, archived_at__isnull=True)
        .order_by("starts_at", "id")
        .values_list("pk", flat=True)
        .first()
    )
