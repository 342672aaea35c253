"""Renderers for the non-JSON answers (iCalendar, CSV). Errors on those endpoints are still
problem documents, so a dict is rendered as JSON whatever renderer was negotiated."""

from __future__ import annotations

import json
from typing import Any

from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder


class _BytesRenderer(BaseRenderer):
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, bytes):
            return data
        if isinstance(data, str):
            return data.encode("utf-8")
        return json.dumps(data, cls=JSONEncoder, ensure_ascii=False).encode("utf-8")


class ICalendarRenderer(_BytesRenderer):
    media_type = "text/calendar"
    format = "ics"


class CSVRenderer(_BytesRenderer):
    media_type = "text/csv"
    format = "csv"


class FirstRendererNegotiation(DefaultContentNegotiation):
    """Calendar apps send all kinds of Accept headers (and ``?format=``): answer with the
    endpoint's own format rather than 406 or 404."""

    def select_renderer(self, request: Any, renderers: Any, format_suffix: str | None = None) -> Any:
        return renderers[0], renderers[0].media_type
