"""Query parameters of the audit log."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import django_filters
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from api.audit.models import AuditEntry
from api.common.filters import FilterSet


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


class AuditEntryFilter(FilterSet):
    object_type = django_filters.CharFilter(
        max_length=80, help_text=gettext_lazy("Object type, e.g. enterprises.enterprise.")
    )
    object_id = django_filters.CharFilter(max_length=64, help_text=gettext_lazy("Id of the object."))
    actor = django_filters.NumberFilter(
        field_name="actor_id", min_value=1, max_value=2**63 - 1, help_text=gettext_lazy("User id of who acted.")
    )
    action = django_filters.CharFilter(max_length=40, help_text=gettext_lazy("Action, e.g. archive."))
    date_from = django_filters.DateFilter(
        method="filter_date_from", help_text=gettext_lazy("On or after this date (YYYY-MM-DD, Seoul).")
    )
    date_to = django_filters.DateFilter(
        method="filter_date_to", help_text=gettext_lazy("On or before this date (YYYY-MM-DD, Seoul).")
    )

    class Meta:
        model = AuditEntry
        fields: list[str] = []

    def filter_date_from(self, queryset: QuerySet[AuditEntry], name: str, value: Any) -> QuerySet[AuditEntry]:
        return queryset.filter(created_at__gte=_start_of(value)) if value else queryset

    def filter_date_to(self, queryset: QuerySet[AuditEntry], name: str, value: Any) -> QuerySet[AuditEntry]:
        return queryset.filter(created_at__lt=_start_of(value + timedelta(days=1))) if value else queryset
