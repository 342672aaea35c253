from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api.common.archiving import ARCHIVED_FILTER_HELP, filter_archived
from api.common.filters import FilterSet, IdFilter
from api.events.models import BoothApplicationStatus, Event, EventKind, EventStatus, RegistrationStatus


class EventFilter(FilterSet):
    """Filters of the event list and of the public calendar feed."""

    date_from = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__gte", label=_("Starts on or after this date (YYYY-MM-DD, Seoul).")
    )
    date_to = django_filters.DateFilter(
        field_name="starts_at", lookup_expr="date__lte", label=_("Starts on or before this date (YYYY-MM-DD, Seoul).")
    )
    upcoming = django_filters.BooleanFilter(
        method="filter_upcoming", label=_("true: not over yet; false: already over.")
    )
    kind = django_filters.MultipleChoiceFilter(choices=EventKind.choices, label=_("Kind (repeat for several)."))
    status = django_filters.MultipleChoiceFilter(choices=EventStatus.choices, label=_("Status (repeat for several)."))
    host = django_filters.CharFilter(method="filter_host", max_length=80, label=_("Slug of a host organisation."))
    has_seats = django_filters.BooleanFilter(
        method="filter_has_seats", label=_("true: seats left (or unlimited) and not cancelled; false: full.")
    )
    series = IdFilter(field_name="series_id", label=_("Occurrences of this series."))
    archived = django_filters.BooleanFilter(method=filter_archived, label=ARCHIVED_FILTER_HELP)

    class Meta:
        model = Event
        fields = ["date_from", "date_to", "upcoming", "kind", "status", "host", "has_seats", "series", "archived"]

    def filter_upcoming(self, queryset: QuerySet[Event], name: str, value: Any) -> QuerySet[Event]:
        now = timezone.now()
        return queryset.filter(ends_at__gte=now) if value else queryset.filter(ends_at__lt=now)

    def filter_host(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        hosted = Event.hosts.through.objects.filter(enterprise__slug=value).values("event_id")
        return queryset.filter(pk__in=hosted)

    def filter_has_seats(self, queryset: QuerySet[Event], name: str, value: Any) -> QuerySet[Event]:
        seats = Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity"))
        if value:
            return queryset.filter(seats).exclude(status=EventStatus.CANCELLED)
        return queryset.exclude(seats)


class AttendeeFilter(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=[
            (RegistrationStatus.CONFIRMED.value, RegistrationStatus.CONFIRMED.label),
            (RegistrationStatus.WAITLISTED.value, RegistrationStatus.WAITLISTED.label),
        ],
    )
    checked_in = django_filters.BooleanFilter(field_name="checked_in_at", lookup_expr="isnull", exclude=True)


class BoothApplicationFilter(FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=BoothApplicationStatus.choices)
    event = IdFilter(field_name="event_id")
