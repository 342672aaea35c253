from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.common.filters import FilterSet, IdFilter, WholeNumberFilter
from api.resolutions.models import Meeting, Resolution, ResolutionLink, ResolutionStatus
from api.resolutions.selectors import overdue_q, stale_q


class LinkedFilter(IdFilter):
    """Reverse lookup: resolutions linked to the target of one link kind with this id."""

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("method", "filter_linked")
        # The method receives the field name: ``<kind>_id`` carries the kind (and marks an id).
        kwargs.setdefault("field_name", f"{kind}_id")
        super().__init__(*args, **kwargs)


class ResolutionFilter(FilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=ResolutionStatus.choices, label=_("Status (repeat for several).")
    )
    meeting = IdFilter(field_name="meeting_id", label=_("Taken at this meeting."))
    responsible = IdFilter(method="filter_responsible", label=_("Owned by this organisation (id)."))
    responsible_body = django_filters.CharFilter(max_length=200, label=_("Owned by this named body (exact)."))
    tag = django_filters.CharFilter(method="filter_tag", max_length=40, label=_("Has this tag."))
    parent = IdFilter(field_name="parent_id", label=_("Sub-resolutions of this resolution."))
    top_level = django_filters.BooleanFilter(
        field_name="parent", lookup_expr="isnull", label=_("true: only resolutions that are no sub-resolution.")
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("true: open and past the due date."))
    stale_days = WholeNumberFilter(
        method="filter_stale",
        min_value=1,
        max_value=3650,
        label=_("Open and without a written update for this many days."),
    )
    year = WholeNumberFilter(
        field_name="meeting__held_at",
        lookup_expr="year",
        min_value=2000,
        max_value=2100,
        label=_("Year of the meeting."),
    )
    event = LinkedFilter("event", label=_("Linked to this event (reverse lookup)."))
    budget_item = LinkedFilter("budget_item", label=_("Linked to this budget item (reverse lookup)."))
    post = LinkedFilter("post", label=_("Linked to this board post (reverse lookup)."))
    collaboration = LinkedFilter("collaboration", label=_("Linked to this collaboration (reverse lookup)."))

    class Meta:
        model = Resolution
        fields = [
            "status",
            "meeting",
            "responsible",
            "responsible_body",
            "tag",
            "parent",
            "top_level",
            "overdue",
            "stale_days",
            "year",
            "event",
            "budget_item",
            "post",
            "collaboration",
        ]

    def filter_responsible(self, queryset: QuerySet[Resolution], name: str, value: Any) -> QuerySet[Resolution]:
        owned = Resolution.responsible_enterprises.through.objects.filter(enterprise_id=value).values("resolution_id")
        return queryset.filter(pk__in=owned)

    def filter_tag(self, queryset: QuerySet[Resolution], name: str, value: str) -> QuerySet[Resolution]:
        return queryset.filter(tags__name=value)

    def filter_overdue(self, queryset: QuerySet[Resolution], name: str, value: Any) -> QuerySet[Resolution]:
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())

    def filter_stale(self, queryset: QuerySet[Resolution], name: str, value: Any) -> QuerySet[Resolution]:
        return queryset.filter(stale_q(int(value)))

    def filter_linked(self, queryset: QuerySet[Resolution], name: str, value: Any) -> QuerySet[Resolution]:
        kind = name.removesuffix("_id")
        linked = ResolutionLink.objects.filter(kind=kind, target_id=value).values("resolution_id")
        return queryset.filter(pk__in=linked)


class MeetingFilter(FilterSet):
    year = WholeNumberFilter(
        field_name="held_at", lookup_expr="year", min_value=2000, max_value=2100, label=_("Year it was held.")
    )
    upcoming = django_filters.BooleanFilter(method="filter_upcoming", label=_("true: still to come; false: held."))

    class Meta:
        model = Meeting
        fields = ["year", "upcoming"]

    def filter_upcoming(self, queryset: QuerySet[Meeting], name: str, value: Any) -> QuerySet[Meeting]:
        now = timezone.now()
        return queryset.filter(held_at__gt=now) if value else queryset.filter(held_at__lte=now)
