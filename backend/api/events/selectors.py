"""Reading events: every query the views need, with its joins and counts done in the database.

Organisations, products and users come from their own domains' selectors (``api.enterprises.
selectors``, ``api.accounts.selectors``): this module never touches their models."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from api.accounts import selectors as accounts
from api.common.json_rows import JSONRows, prefetch_from_rows
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
# Other domains' models, reached through the relations (never imported): rows read as JSON become
# unsaved instances of them, for the serializers.
_ENTERPRISE: Any = Event._meta.get_field("hosts").related_model
_USER: Any = Event._meta.get_field("organisers").related_model
_PRODUCT: Any = BoothApplication._meta.get_field("products").related_model


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


def event_list_rows(*, include_archived: bool = False) -> QuerySet[Event]:
    """The events of the public list, each row carrying its counts, hosts and organisers (JSON
    arrays): a page takes one query (plus its count). ``event_list_load`` gives each event of the
    page its ``hosts`` and ``organisers`` from them, as ``event_list`` prefetches them."""
    return (
        (Event.objects.all() if include_archived else Event.objects.filter(archived_at__isnull=True))
        .annotate(
            confirmed_count=_count(
                Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
            ),
            waitlisted_count=_count(
                Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.WAITLISTED)
            ),
            host_rows=JSONRows(
                directory.enterprise_summaries().filter(hosted_events=OuterRef("pk")), "id", "slug", "name", "name_en"
            ),
            organiser_rows=JSONRows(
                accounts.user_summaries().filter(organised_events=OuterRef("pk")), "id", "display_name"
            ),
        )
        .order_by("starts_at", "id")
    )


def event_list_load(events: Iterable[Event]) -> None:
    """``hosts`` and ``organisers`` of events read with ``event_list_rows``, without a query."""
    for event in events:
        prefetch_from_rows(event, hosts=("host_rows", _ENTERPRISE), organisers=("organiser_rows", _USER))


def _count(queryset: QuerySet[Any]) -> Coalesce:
    """The number of rows of a correlated ``queryset``, as a subquery (no GROUP BY on the parent)."""
    counted = queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _mine(user: Any, field: str) -> Subquery:
    """One field of ``user``'s active registration for the outer event."""
    found = Registration.objects.filter(event=OuterRef("pk"), user=user, status__in=_ACTIVE)
    return Subquery(found.values(field)[:1])


def event_detail_queryset(*, include_archived: bool = False, user: Any = None) -> QuerySet[Event]:
    """Events read one at a time, everything of the detail in the event's own row: the counts, its
    hosts, organisers and booth categories (JSON arrays) and, for a logged-in ``user``, their
    registration with its place in the queue. ``event_detail_load`` turns them into the serializer's
    attributes and reads the exhibitors (one more query, only when there are booth categories).

    So a detail takes one query (two with exhibitors), plus the one authenticating the caller."""
    waitlisted = Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.WAITLISTED)
    categories = BoothCategory.objects.filter(event=OuterRef("pk")).annotate(
        accepted_count=_count(
            BoothApplication.objects.filter(category=OuterRef("pk"), status=BoothApplicationStatus.ACCEPTED)
        ),
        waitlisted_count=_count(
            BoothApplication.objects.filter(category=OuterRef("pk"), status=BoothApplicationStatus.WAITLISTED)
        ),
    )
    queryset = (Event.objects.all() if include_archived else Event.objects.filter(archived_at__isnull=True)).annotate(
        confirmed_count=_count(Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)),
        waitlisted_count=_count(waitlisted),
        host_rows=JSONRows(
            directory.enterprise_summaries().filter(hosted_events=OuterRef("pk")), "id", "slug", "name", "name_en"
        ),
        organiser_rows=JSONRows(
            accounts.user_summaries().filter(organised_events=OuterRef("pk")), "id", "display_name"
        ),
        category_rows=JSONRows(
            categories.order_by("category", "id"),
            "id",
            "category",
            "name",
            "booths",
            "accepted_count",
            "waitlisted_count",
        ),
    )
    if user is not None and user.is_authenticated:
        mine = Registration.objects.filter(event=OuterRef(OuterRef("pk")), user=user, status__in=_ACTIVE)
        ahead = waitlisted.filter(
            Q(queued_at__lt=Subquery(mine.values("queued_at")[:1]))
            | Q(queued_at=Subquery(mine.values("queued_at")[:1]), id__lt=Subquery(mine.values("id")[:1]))
        )
        queryset = queryset.annotate(
            my_registration_id=_mine(user, "id"),
            my_registration_status=_mine(user, "status"),
            my_registration_queued_at=_mine(user, "queued_at"),
            my_registration_confirmed_at=_mine(user, "confirmed_at"),
            my_registration_ahead=_count(ahead),
        )
    return queryset.order_by("starts_at", "id")


def event_detail_load(event: Event, *, user: Any = None) -> Event:
    """Set what a detail shows on an event: ``host_list``, ``organiser_list``,
    ``booth_category_list`` (with accepted and waitlisted counts), ``exhibitors`` (accepted
    applications; archived organisations and products left out) and ``my_registration`` (with
    ``waitlist_place``). From the annotations of ``event_detail_queryset`` when the event was read
    there (one query for the exhibitors, none without booth categories); read otherwise. Idempotent."""
    if hasattr(event, "booth_category_list"):
        return event
    if not hasattr(event, "host_rows"):  # read elsewhere (e.g. just written): read it again, as a detail
        fresh = event_detail_queryset(include_archived=True, user=user).get(pk=event.pk)
        return event_detail_load(fresh, user=user)
    loaded: Any = event  # the attributes below are set like a Prefetch's to_attr
    loaded.host_list = [_ENTERPRISE(**row) for row in loaded.host_rows]
    loaded.organiser_list = [_USER(**row) for row in loaded.organiser_rows]
    categories = []
    for row in loaded.category_rows:
        counts = {"accepted_count": row.pop("accepted_count"), "waitlisted_count": row.pop("waitlisted_count")}
        category = BoothCategory(event_id=event.pk, **row)
        category.__dict__.update(counts)
        categories.append(category)
    loaded.booth_category_list = categories
    loaded.exhibitors = _exhibitors(event) if categories else []
    loaded.my_registration = None
    registration_id = getattr(event, "my_registration_id", None)
    if registration_id is not None:
        registration = Registration(
            id=registration_id,
            event_id=event.pk,
            status=loaded.my_registration_status,
            queued_at=loaded.my_registration_queued_at,
            confirmed_at=loaded.my_registration_confirmed_at,
        )
        waitlisted = registration.status == RegistrationStatus.WAITLISTED
        place = loaded.my_registration_ahead + 1 if waitlisted else None
        registration.waitlist_place = place  # type: ignore[attr-defined]  # read by the serializer
        loaded.my_registration = registration
    return event


def _exhibitors(event: Event) -> list[BoothApplication]:
    """The event's accepted applications of live organisations, each with ``product_list``: one query."""
    products = directory.product_summaries().filter(booth_applications=OuterRef("pk"))
    exhibitors: list[BoothApplication] = list(
        BoothApplication.objects.filter(
            event=event, status=BoothApplicationStatus.ACCEPTED, enterprise__archived_at__isnull=True
        )
        .select_related("enterprise", "category")
        .annotate(product_rows=JSONRows(products, "id", "name", "price", "category"))
        .order_by("category__category", "enterprise__name", "id")
    )
    for exhibitor in exhibitors:
        found: Any = exhibitor  # ``product_list`` is set like a Prefetch's to_attr
        found.product_list = [_PRODUCT(**row) for row in found.product_rows]
    return exhibitors


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
    hosts = directory.enterprise_summaries().filter(hosted_events=OuterRef("pk"))
    events = (
        Event.objects.filter(pk__in=list(ids), archived_at__isnull=True)
        .annotate(host_rows=JSONRows(hosts, "id"))
        .values("pk", "title", "host_rows")
    )
    return {
        event["pk"]: LinkTarget(
            id=event["pk"],
            title=event["title"],
            path=f"/events/{event['pk']}",
            organisation_ids=tuple(host["id"] for host in event["host_rows"]),
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
