"""Reading meetings and resolutions: every query the views need, with joins, counts and the
accountability aggregates done in the database. Everything here is public (decisions are public);
only "am I following" depends on the caller.

Organisations and users come from their own domains' selectors; link targets from the link-kind
registry (``api.common.linking``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear, Round
from django.utils import timezone

from api.accounts import selectors as accounts
from api.common.json_rows import JSONRows, prefetch_from_rows
from api.common.linking import LinkTarget, link_kind, link_kinds
from api.enterprises import selectors as directory
from api.resolutions.models import (
    OPEN_STATUSES,
    AgendaItem,
    Meeting,
    MeetingFollow,
    Resolution,
    ResolutionFollow,
    ResolutionLink,
    ResolutionStatus,
    ResolutionTag,
    ResolutionUpdate,
)

# The directory's organisations, reached through the relation (never imported): JSON rows become
# unsaved instances for the serializers.
_ENTERPRISE: Any = Resolution._meta.get_field("responsible_enterprises").related_model

MAX_CHAIN = 50  # carried-over chains longer than this are cut in the API (a loop is refused anyway)


def today() -> date:
    return timezone.localdate()


def _enterprises() -> Prefetch[Any]:
    return Prefetch("responsible_enterprises", queryset=directory.enterprise_summaries())


def _following(user: Any) -> Any:
    """An ``Exists`` that is true when ``user`` follows the resolution or its meeting."""
    if not (user and user.is_authenticated):
        return Value(False)
    return Exists(ResolutionFollow.objects.filter(resolution=OuterRef("pk"), user_id=user.pk)) | Exists(
        MeetingFollow.objects.filter(meeting=OuterRef("meeting_id"), user_id=user.pk)
    )


def _count(queryset: QuerySet[Any]) -> Any:
    """``COUNT(*)`` of ``queryset`` (correlated with ``OuterRef``) as a subquery, 0 when empty."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def overdue_q(prefix: str = "", *, on: date | None = None) -> Q:
    """Open and past its due date (the one definition of overdue)."""
    return Q(**{f"{prefix}status__in": OPEN_STATUSES, f"{prefix}due_date__lt": on or today()})


def resolution_list(*, user: Any = None) -> QuerySet[Resolution]:
    """Every resolution with its meeting, owners, person, sub-resolution counts (``children_count``,
    ``children_done``), update count, link count and ``is_following`` for ``user``."""
    return (
        Resolution.objects.select_related("meeting", "responsible_person")
        .prefetch_related(_enterprises(), "tags")
        .annotate(
            # Subqueries, not joins: the counts of children and updates do not multiply each other.
            children_count=_count(
                Resolution.objects.filter(parent=OuterRef("pk")).exclude(status=ResolutionStatus.DROPPED)
            ),
            children_done=_count(Resolution.objects.filter(parent=OuterRef("pk"), status=ResolutionStatus.DONE)),
            update_count=_count(ResolutionUpdate.objects.filter(resolution=OuterRef("pk"))),
            is_following=_following(user),
            is_overdue=Case(When(overdue_q(), then=Value(True)), default=Value(False)),
        )
        .order_by("-meeting__held_at", "id")
    )


def resolution_detail_queryset(*, user: Any = None) -> QuerySet[Resolution]:
    """As ``resolution_list`` plus the sub-resolutions and links. The responsible organisations and
    the tags come in the resolution's own row (JSON arrays): ``resolution_detail_load`` hands them
    to the relations before serializing."""
    children = Resolution.objects.only("id", "title", "status", "due_date", "parent_id").order_by("id")
    owned = Resolution.responsible_enterprises.through.objects.filter(resolution=OuterRef(OuterRef("pk")))
    owners = directory.enterprise_summaries().filter(pk__in=owned.values("enterprise_id"))
    return (
        resolution_list(user=user)
        .prefetch_related(None)
        .annotate(
            owner_rows=JSONRows(owners, "id", "slug", "name", "name_en"),
            tag_rows=JSONRows(
                ResolutionTag.objects.filter(resolution=OuterRef("pk")).order_by("name", "id"), "id", "name"
            ),
        )
        .prefetch_related(
            Prefetch("children", queryset=children),
            Prefetch("links", queryset=ResolutionLink.objects.order_by("kind", "target_id", "id")),
        )
    )


def resolution_detail_load(resolution: Resolution) -> Resolution:
    """Fill ``responsible_enterprises`` and ``tags`` of a resolution read from
    ``resolution_detail_queryset`` from its annotations (no query); others are left as they are."""
    prefetch_from_rows(
        resolution, responsible_enterprises=("owner_rows", _ENTERPRISE), tags=("tag_rows", ResolutionTag)
    )
    return resolution


def resolution_get(*, pk: int) -> Resolution | None:
    return Resolution.objects.filter(pk=pk).first()


def carried_over_chain(*, resolution: Resolution) -> list[Resolution]:
    """The earlier resolutions of the same matter, newest first (``carried_over_from`` followed back)."""
    chain: list[Resolution] = []
    seen = {resolution.pk}
    current_id = resolution.carried_over_from_id
    while current_id is not None and current_id not in seen and len(chain) < MAX_CHAIN:
        earlier = Resolution.objects.select_related("meeting").filter(pk=current_id).first()
        if earlier is None:
            break
        chain.append(earlier)
        seen.add(earlier.pk)
        current_id = earlier.carried_over_from_id
    return chain


def carried_over_to(*, resolution: Resolution) -> list[Resolution]:
    """Later resolutions that carry this one over."""
    return list(Resolution.objects.select_related("meeting").filter(carried_over_from=resolution).order_by("id"))


def link_targets(*, links: Iterable[ResolutionLink]) -> dict[tuple[str, int], LinkTarget | None]:
    """``{(kind, id): LinkTarget}`` for ``links``, one ``resolve`` call per kind (None: gone)."""
    by_kind: dict[str, set[int]] = {}
    for link in links:
        by_kind.setdefault(link.kind, set()).add(link.target_id)
    out: dict[tuple[str, int], LinkTarget | None] = {}
    for kind, ids in by_kind.items():
        registered = link_kind(kind)
        resolved = registered.resolve(sorted(ids)) if registered is not None else {}
        for target_id in ids:
            out[(kind, target_id)] = resolved.get(target_id)
    return out


def update_list(*, resolution: Resolution) -> QuerySet[ResolutionUpdate]:
    return (
        ResolutionUpdate.objects.filter(resolution=resolution).select_related("author").order_by("-created_at", "-id")
    )


def follower_ids(*, resolution: Resolution) -> set[int]:
    """Users following the resolution or its meeting."""
    direct = ResolutionFollow.objects.filter(resolution=resolution).values_list("user_id", flat=True)
    through_meeting = MeetingFollow.objects.filter(meeting_id=resolution.meeting_id).values_list("user_id", flat=True)
    return set(direct) | set(through_meeting)


def responsible_user_ids(*, resolution: Resolution) -> set[int]:
    """Who is reminded: the responsible person, else the members of the responsible organisations."""
    if resolution.responsible_person_id is not None:
        return {resolution.responsible_person_id}
    enterprise_ids = list(resolution.responsible_enterprises.values_list("pk", flat=True))
    return directory.member_user_ids(enterprise_ids=enterprise_ids) if enterprise_ids else set()


# --- Meetings ---------------------------------------------------------------------------------------------


def meeting_list(*, user: Any = None) -> QuerySet[Meeting]:
    following: Any = Value(False)
    if user and user.is_authenticated:
        following = Exists(MeetingFollow.objects.filter(meeting=OuterRef("pk"), user_id=user.pk))
    return (
        Meeting.objects.select_related("event")
        .prefetch_related(Prefetch("participants", queryset=directory.enterprise_summaries()))
        .annotate(
            resolution_count=Count("resolutions", distinct=True),
            done_count=Count("resolutions", filter=Q(resolutions__status=ResolutionStatus.DONE), distinct=True),
            is_following=following,
        )
        .order_by("-held_at", "-id")
    )


def meeting_detail_queryset(*, user: Any = None) -> QuerySet[Meeting]:
    """As ``meeting_list`` plus its resolutions and the agenda items (resolutions carried onto it)."""
    resolutions = (
        Resolution.objects.select_related("meeting", "responsible_person")
        .prefetch_related(_enterprises(), "tags")
        .annotate(is_overdue=Case(When(overdue_q(), then=Value(True)), default=Value(False)))
        .order_by("id")
    )
    agenda = AgendaItem.objects.select_related("resolution", "resolution__meeting").order_by("id")
    return meeting_list(user=user).prefetch_related(
        Prefetch("resolutions", queryset=resolutions), Prefetch("agenda_items", queryset=agenda)
    )


def next_meeting(*, after: Any = None) -> Meeting | None:
    """The first meeting held after ``after`` (now by default)."""
    return Meeting.objects.filter(held_at__gt=after or timezone.now()).order_by("held_at", "id").first()


def users_by_ids(*, ids: list[int]) -> dict[int, Any]:
    return accounts.users_active_by_ids(ids=ids)


# --- Accountability ----------------------------------------------------------------------------------------


def stale_q(days: int, *, now: Any = None) -> Q:
    """Open and without a written update for ``days`` days (none at all: counted from its creation)."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Q(status__in=OPEN_STATUSES) & (
        Q(last_update_at__lt=cutoff) | Q(last_update_at__isnull=True, created_at__lt=cutoff)
    )


def _on_time() -> Q:
    return Q(status=ResolutionStatus.DONE) & (Q(due_date__isnull=True) | Q(done_on__lte=F("due_date")))


def _share(numerator: str, denominator: str) -> Any:
    """``numerator / denominator`` in the database, rounded to 3 places (null when nothing is due)."""
    return Case(
        When(**{f"{denominator}__gt": 0}, then=Round(Cast(F(numerator), FloatField()) / F(denominator), 3)),
        default=Value(None),
        output_field=FloatField(),
    )


def status_counts() -> dict[str, int]:
    """``{status: count}`` for every status (zeros included) and ``overdue``."""
    counts = dict.fromkeys(ResolutionStatus.values, 0)
    for row in Resolution.objects.values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    counts["overdue"] = Resolution.objects.filter(overdue_q()).count()
    return counts


def _party_rows(queryset: QuerySet[Any], key: str) -> QuerySet[Any]:
    rows: QuerySet[Any] = (
        queryset.values(key)
        .annotate(
            total=Count("id", distinct=True),
            done=Count("id", filter=Q(status=ResolutionStatus.DONE), distinct=True),
            done_on_time=Count("id", filter=_on_time(), distinct=True),
            open=Count("id", filter=Q(status__in=OPEN_STATUSES), distinct=True),
            overdue=Count("id", filter=overdue_q(), distinct=True),
            dropped=Count("id", filter=Q(status=ResolutionStatus.DROPPED), distinct=True),
        )
        .annotate(on_time_share=_share("done_on_time", "total"))
        .order_by(key)
    )
    return rows


def party_counts() -> list[dict[str, Any]]:
    """Per responsible party (each organisation; each named body): totals by state and the share of
    its resolutions done on time (done no later than due), all counted in the database."""
    rows: list[dict[str, Any]] = []
    by_enterprise = list(
        _party_rows(Resolution.objects.filter(responsible_enterprises__isnull=False), "responsible_enterprises")
    )
    names = {
        e.pk: e
        for e in directory.enterprise_summaries().filter(pk__in=[r["responsible_enterprises"] for r in by_enterprise])
    }
    for row in by_enterprise:
        enterprise = names.get(row.pop("responsible_enterprises"))
        if enterprise is None:
            continue
        rows.append(
            {"party": enterprise.name, "enterprise_id": enterprise.pk, "enterprise_slug": enterprise.slug, **row}
        )
    for row in _party_rows(Resolution.objects.exclude(responsible_body=""), "responsible_body"):
        rows.append({"party": row.pop("responsible_body"), "enterprise_id": None, "enterprise_slug": None, **row})
    rows.sort(key=lambda r: (-r["total"], r["party"]))
    return rows


def promises_kept_by_meeting() -> QuerySet[Any]:
    """Per meeting: resolutions taken, done, done on time, dropped, overdue and the share kept."""
    return (
        Meeting.objects.annotate(
            total=Count("resolutions", distinct=True),
            done=Count("resolutions", filter=Q(resolutions__status=ResolutionStatus.DONE), distinct=True),
            done_on_time=Count(
                "resolutions",
                filter=Q(resolutions__status=ResolutionStatus.DONE)
                & (Q(resolutions__due_date__isnull=True) | Q(resolutions__done_on__lte=F("resolutions__due_date"))),
                distinct=True,
            ),
            dropped=Count("resolutions", filter=Q(resolutions__status=ResolutionStatus.DROPPED), distinct=True),
            overdue=Count("resolutions", filter=overdue_q("resolutions__"), distinct=True),
        )
        .annotate(kept_share=_share("done", "total"))
        .values("id", "title", "held_at", "total", "done", "done_on_time", "dropped", "overdue", "kept_share")
        .order_by("-held_at", "-id")
    )


def promises_kept_by_year() -> QuerySet[Any]:
    """The same per year the meetings were held (Asia/Seoul)."""
    return (
        Resolution.objects.annotate(year=ExtractYear("meeting__held_at"))
        .values("year")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=ResolutionStatus.DONE)),
            done_on_time=Count("id", filter=_on_time()),
            dropped=Count("id", filter=Q(status=ResolutionStatus.DROPPED)),
            overdue=Count("id", filter=overdue_q()),
        )
        .annotate(kept_share=_share("done", "total"))
        .order_by("-year")
    )


def link_kind_list() -> list[dict[str, str]]:
    return [{"key": kind.key, "label": str(kind.label)} for kind in link_kinds().values()]


def progress_of(resolution: Resolution) -> int:
    """Percent done: rolled up from the sub-resolutions (dropped ones left out) when it has any,
    else 100 when done and 0 otherwise. Uses the counts annotated by ``resolution_list``."""
    children = getattr(resolution, "children_count", 0) or 0
    if children:
        return round(100 * (getattr(resolution, "children_done", 0) or 0) / children)
    return 100 if resolution.status == ResolutionStatus.DONE else 0
