from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from api.budget.ledger import LedgerKind
from api.budget.models import BudgetCategory, BudgetItem, BudgetItemStatus, BudgetLedgerEntry, FundingSource
from api.common.filters import FilterSet, IdFilter, WholeNumberFilter


class YearFilter(WholeNumberFilter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class BudgetItemFilter(FilterSet):
    fiscal_year = YearFilter(field_name="fiscal_year", label=_("Fiscal year (e.g. 2015)."))
    programme = IdFilter(field_name="programme_id", label=_("Programme id."))
    category = django_filters.MultipleChoiceFilter(choices=BudgetCategory.choices, label=_("Category (repeatable)."))
    funding_source = django_filters.MultipleChoiceFilter(
        choices=FundingSource.choices, label=_("Funding source (repeatable).")
    )
    status = django_filters.MultipleChoiceFilter(choices=BudgetItemStatus.choices, label=_("Status (repeatable)."))
    recipient = django_filters.CharFilter(
        method="filter_recipient", max_length=80, label=_("Recipient organisation: its id or its slug.")
    )
    event = IdFilter(field_name="events", label=_("Items funding this event (id)."))

    class Meta:
        model = BudgetItem
        fields = ["fiscal_year", "programme", "category", "funding_source", "status", "recipient", "event"]

    def filter_recipient(self, queryset: QuerySet[BudgetItem], name: str, value: str) -> QuerySet[BudgetItem]:
        if value.isascii() and value.isdigit() and len(value) <= 18:
            return queryset.filter(Q(recipient_id=int(value)) | Q(recipient__slug=value))
        return queryset.filter(recipient__slug=value)


class LedgerFilter(FilterSet):
    item = IdFilter(field_name="item_id", label=_("Entries of this item."))
    kind = django_filters.MultipleChoiceFilter(
        choices=[(kind, kind) for kind in LedgerKind.ALL], label=_("Kind of change (repeatable).")
    )
    fiscal_year = YearFilter(field_name="item__fiscal_year", label=_("Entries of items of this fiscal year."))

    class Meta:
        model = BudgetLedgerEntry
        fields = ["item", "kind", "fiscal_year"]
