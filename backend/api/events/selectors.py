"""Reading events: every query the views need, with its joins and counts done in the database."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from api.enterprises.models import Enterprise, Product, VerificationStatus
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


def _hosts() -> Prefetch:
    return Prefetch(
        "hosts",
        queryset=Enterprise.objects.filter(archived_at__isnull=True)
        .only("id", "slug", "name", "name_en")
        .order_by("name", "id"),
    )


def _organisers() -> Prefetch:
    from django.contrib.auth import get_user_model

    return Prefetch("organisers", queryset=get_user_model().objects.only("id", "display_name").order_by("id"))


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
    """As ``event_list`` plus booth categories (with accepted counts) and accepted exhibitors
    (archived organisations and products left out)."""
    exhibitors = (
        BoothApplication.objects.filter(status=BoothApplicationStatus.ACCEPTED, enterprise__archived_at__isnull=True)
        .select_related("enterprise", "category")
        .prefetch_related(
            Prefetch("products", queryset=Product.objects.filter(archived_at__isnull=True).order_by("name", "id"))
        )
        .order_by("category__category", "enterprise__name", "id")
    )
    categories = BoothCategory.objects.annotate(
        accepted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.ACCEPTED)),
        waitlisted_count=Count("applications", filter=Q(applications__status=BoothApplicationStatus.WAITLISTED)),
    ).order_by("category", "id")
    return event_list(include_archived=include_archived).prefetch_related(
        Prefetch("booth_categories", queryset=categories),
        Prefetch("booth_applications", queryset=exhibitors, to_attr="exhibitors"),
    )


def my_registration(*, event: Event, user: Any) -> Registration | None:
    if not (user and user.is_authenticated):
        return None
    return Registration.objects.filter(event=event, user=user, status__in=_ACTIVE).first()


def event_feed(*, queryset: QuerySet[Event], limit: int = 500) -> list[Event]:
    return list(queryset[:limit])


def upcoming(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.filter(ends_at__gte=timezone.now())


def enterprise_public_by_slug(*, slug: str) -> Enterprise | None:
    """Only verified organisations have a public calendar."""
    return Enterprise.objects.filter(
        slug=slug, verification_status=VerificationStatus.VERIFIED, archived_at__isnull=True
    ).first()


def events_hosted_by(*, enterprise: Enterprise) -> QuerySet[Event]:
    return event_list().filter(hosts=enterprise)


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


def waitlist_positions(*, event: Event) -> dict[int, int]:
    """``{registration_id: position}`` of the event's waiting list, in one query."""
    ids = Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED).order_by("queued_at", "id")
    return {pk: index for index, pk in enumerate(ids.values_list("pk", flat=True), start=1)}


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
    from api.common.permissions import is_coordinator, membership_roles

    queryset = (
        BoothApplication.objects.select_related("enterprise", "category", "event", "applied_by")
        .prefetch_related(Prefetch("products", queryset=Product.objects.order_by("name", "id")))
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


def is_cancelled(event: Event) -> bool:
    return event.status == EventStatus.CANCELLED
