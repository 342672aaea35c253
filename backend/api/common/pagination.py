"""Pagination: page numbers with a total count for directories, cursors for feeds."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound

from api.common.errors import ErrorCode

MAX_PAGE_SIZE = 100


class InvalidPage(NotFound):
    default_code = ErrorCode.INVALID_PAGE


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=N&page_size=M`` (M at most 100); the body carries ``count``, ``next``, ``previous``."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = _("Number of results per page (1–100, default 20).")

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

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        base = super().get_paginated_response_schema(schema)
        base["required"] = ["next", "previous", "results"]
        return base
