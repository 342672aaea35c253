"""Filter backends shared by every list endpoint."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import filters

from api.common.errors import validation_error


class SearchFilter(filters.SearchFilter):
    """``?search=`` over the view's ``search_fields`` (domains with special search override it)."""

    search_param = "search"


class StrictOrderingFilter(filters.OrderingFilter):
    """``?ordering=`` limited to the view's whitelist; an unknown field is a 400 naming it.

    DRF silently drops unknown fields, which hides typos from API clients.
    """

    ordering_param = "ordering"

    def get_ordering(self, request: Any, queryset: Any, view: Any) -> Any:
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            allowed = {item[0] for item in self.get_valid_fields(queryset, view, {"request": request})}
            unknown = [f for f in fields if f.lstrip("-") not in allowed]
            if unknown:
                raise validation_error(
                    self.ordering_param,
                    _("Cannot order by %(fields)s. Allowed: %(allowed)s.")
                    % {"fields": ", ".join(unknown), "allowed": ", ".join(sorted(allowed)) or "-"},
                    code="invalid_ordering",
                )
        return super().get_ordering(request, queryset, view)

    def get_default_valid_fields(self, queryset: Any, view: Any, context: Any = None) -> list[Any]:
        # No implicit "order by any serializer field": a view must whitelist its ordering fields.
        return []

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """The whitelist as an enum (``name`` ascending, ``-name`` descending)."""
        fields = [f if isinstance(f, str) else f[0] for f in getattr(view, "ordering_fields", None) or []]
        if not fields:
            return []
        values = [value for field in fields for value in (field, f"-{field}")]
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "정렬 기준, '-'는 내림차순 (sort key; a leading '-' sorts descending).",
                "schema": {"type": "string", "enum": values},
            }
        ]
