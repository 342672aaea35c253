"""Pagination: page numbers with a total count for directories, cursors for feeds."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound

from api.common.errors import ErrorCode, validation_error

MAX_PAGE_SIZE = 100


class InvalidPage(NotFound):
    default_code = ErrorCode.INVALID_PAGE


def strict_page_size(paginator: Any, request: Any) -> int:
    """``page_size`` must be an integer from 1 to 100 when given: a 400 names it (DRF would fall
    back to the default or clamp silently, hiding a client's mistake)."""
    raw = request.query_params.get(paginator.page_size_query_param)
    if raw is None:
        return paginator.page_size
    if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= paginator.max_page_size):
        raise validation_error(
            paginator.page_size_query_param,
            _("Give a whole number from 1 to %(max)d.") % {"max": paginator.max_page_size},
            code="invalid_page_size",
        )
    return int(raw)


def _bound_parameters(parameters: list[dict[str, Any]], names: dict[str, tuple[int, int]]) -> list[dict[str, Any]]:
    for parameter in parameters:
        if parameter["name"] in names:
            low, high = names[parameter["name"]]
            parameter["schema"] = {"type": "integer", "format": "int64", "minimum": low, "maximum": high}
    return parameters


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&page_size=M`` (M at most 100); the body carries ``count``, ``next``, ``previous``."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = _("Number of results per page (1–100, default 20).")

    def get_page_size(self, request: Any) -> int:
        return strict_page_size(self, request)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _bound_parameters(
            super().get_schema_operation_parameters(view),
            {self.page_query_param: (1, 2**63 - 1), self.page_size_query_param: (1, self.max_page_size)},
        )

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> list[Any] | None:
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise InvalidPage(str(exc.detail), code=ErrorCode.INVALID_PAGE) from exc

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        base = super().get_paginated_response_schema(schema)
        base["required"] = ["count", "next", "previous", "results"]
        return base


class CursorPagination(pagination.CursorPagination):
    """Opaque ``?cursor=`` for feeds that grow at the top (news, notifications)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = "-created_at"
    invalid_cursor_message = _("Invalid cursor.")

    def get_page_size(self, request: Any) -> int:
        return strict_page_size(self, request)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return _bound_parameters(
            super().get_schema_operation_parameters(view), {self.page_size_query_param: (1, self.max_page_size)}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        base = super().get_paginated_response_schema(schema)
        base["required"] = ["next", "previous", "results"]
        return base
