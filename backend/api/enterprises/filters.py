"""Query parameters of the directory and the product catalogue."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import django_filters
from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.filters import BaseFilterBackend

from api.common.archiving import ARCHIVED_FILTER_HELP, filter_archived
from api.common.errors import validation_error
from api.common.filters import FilterSet
from api.common.permissions import is_coordinator
from api.enterprises.models import Enterprise, EnterpriseKind, EnterpriseStatus, Product, ProductCategory, Sector
from api.enterprises.search import MAX_QUERY_LENGTH, search_enterprises, search_products


class EnterpriseFilter(FilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=EnterpriseKind.choices, help_text=gettext_lazy("Kind (repeatable).")
    )
    district = django_filters.MultipleChoiceFilter(
        choices=[(code, ko) for code, ko, _en in settings.SEHUB_DISTRICTS],
        help_text=gettext_lazy("District (repeatable)."),
    )
    sector = django_filters.MultipleChoiceFilter(choices=Sector.choices, help_text=gettext_lazy("Sector (repeatable)."))
    status = django_filters.ChoiceFilter(choices=EnterpriseStatus.choices)
    verified = django_filters.BooleanFilter(
        method="filter_verified", help_text=gettext_lazy("Verified by a coordinator.")
    )
    employs_vulnerable = django_filters.BooleanFilter(
        method="filter_employs_vulnerable", help_text=gettext_lazy("Employs people from vulnerable groups.")
    )
    has_products = django_filters.BooleanFilter(method="filter_has_products", help_text=gettext_lazy("Lists products."))
    tag = django_filters.CharFilter(method="filter_tag", max_length=50, help_text=gettext_lazy("Tag name (exact)."))
    certification_expiring_within = django_filters.NumberFilter(
        method="filter_expiring",
        min_value=0,
        max_value=3650,
        help_text=gettext_lazy(
            "Coordinators only: certification or designation ends within this many days (or has ended), soonest first."
        ),
    )
    archived = django_filters.BooleanFilter(method=filter_archived, help_text=ARCHIVED_FILTER_HELP)

    class Meta:
        model = Enterprise
        fields: list[str] = []

    def filter_verified(self, queryset: QuerySet[Enterprise], name: str, value: bool | None) -> QuerySet[Enterprise]:
        if value is None:
            return queryset
        return (
            queryset.filter(verification_status="verified")
            if value
            else queryset.exclude(verification_status="verified")
        )

    def filter_employs_vulnerable(
        self, queryset: QuerySet[Enterprise], name: str, value: bool | None
    ) -> QuerySet[Enterprise]:
        if value is None:
            return queryset
        return queryset.filter(employees_vulnerable__gt=0) if value else queryset.filter(employees_vulnerable=0)

    def filter_has_products(
        self, queryset: QuerySet[Enterprise], name: str, value: bool | None
    ) -> QuerySet[Enterprise]:
        if value is None:
            return queryset
        return queryset.filter(has_products=value)  # type: ignore[misc]  # an alias of selectors.enterprise_list

    def filter_tag(self, queryset: QuerySet[Enterprise], name: str, value: str) -> QuerySet[Enterprise]:
        return queryset.filter(tags__name=value.strip()) if value.strip() else queryset

    def filter_expiring(self, queryset: QuerySet[Enterprise], name: str, value: Any) -> QuerySet[Enterprise]:
        if value is None:
            return queryset
        if not is_coordinator(getattr(self.request, "user", None)):
            raise validation_error(
                name, _("Only coordinators can filter by certification expiry."), code="coordinators_only"
            )
        cutoff = timezone.localdate() + timedelta(days=int(value))
        return queryset.filter(certification_expires_on__isnull=False, certification_expires_on__lte=cutoff).order_by(
            F("certification_expires_on").asc(), "name"
        )


class ProductFilter(FilterSet):
    enterprise = django_filters.CharFilter(
        field_name="enterprise__slug", max_length=80, help_text=gettext_lazy("Slug of the organisation.")
    )
    category = django_filters.MultipleChoiceFilter(
        choices=ProductCategory.choices, help_text=gettext_lazy("Category (repeatable).")
    )
    is_available = django_filters.BooleanFilter()
    price_max = django_filters.NumberFilter(
        field_name="price", lookup_expr="lte", min_value=0, help_text=gettext_lazy("At most this price in won.")
    )
    archived = django_filters.BooleanFilter(method=filter_archived, help_text=ARCHIVED_FILTER_HELP)

    class Meta:
        model = Product
        fields: list[str] = []


class KoreanSearchFilter(BaseFilterBackend):
    """``?search=``: substrings inside compound words, 초성 queries, exact and prefix name matches first
    (see ``api.enterprises.search``). The view names its search with ``korean_search = "enterprises"``
    or ``"products"``."""

    param = "search"

    def filter_queryset(self, request: Any, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        raw = request.query_params.get(self.param, "")
        if not raw.strip():
            return queryset
        if "\x00" in raw:
            raise validation_error(self.param, _("The search text contains a NUL character."), code="invalid")
        if getattr(view, "korean_search", "enterprises") == "products":
            return search_products(queryset, raw)
        return search_enterprises(queryset, raw)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": (
                    "검색어: 복합어 안의 부분 문자열, 초성 검색(ㅇㅋ), 정확한 이름 → 접두어 → 나머지 순 "
                    "(substring search inside compound words, initial-consonant queries; exact name matches "
                    f"first, then prefixes, then the rest; at most {MAX_QUERY_LENGTH} characters are used)."
                ),
                "schema": {"type": "string"},
            }
        ]
