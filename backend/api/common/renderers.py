"""Renderers for the answers that are not JSON (CSV, iCalendar) and their content negotiation.

An endpoint that answers a file has ONE renderer and uses ``FirstRendererNegotiation``: spreadsheet
and calendar apps send all kinds of ``Accept`` headers (and ``?format=``), and the answer is the
endpoint's own format rather than a 406 or a 404. Errors on those endpoints are still RFC 9457
problem documents: a ``dict`` is written as JSON whatever renderer was negotiated (the problem's own
``Content-Type`` says so).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.utils.encoders import JSONEncoder

from api.common.spreadsheets import UTF8_BOM, spreadsheet_safe

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


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


class CSVRenderer(_BytesRenderer):
    media_type = "text/csv"
    format = "csv"


class ICalendarRenderer(_BytesRenderer):
    media_type = "text/calendar"
    format = "ics"


class FirstRendererNegotiation(DefaultContentNegotiation):
    """Always the endpoint's first renderer, whatever ``Accept`` or ``?format=`` say."""

    def select_renderer(self, request: Request, renderers: Any, format_suffix: str | None = None) -> Any:
        return renderers[0], renderers[0].media_type


# Use as ``@action(..., **CSV_ENDPOINT)`` or as class attributes of an APIView.
CSV_ENDPOINT: dict[str, Any] = {
    "renderer_classes": [CSVRenderer],
    "content_negotiation_class": FirstRendererNegotiation,
}
ICS_ENDPOINT: dict[str, Any] = {
    "renderer_classes": [ICalendarRenderer],
    "content_negotiation_class": FirstRendererNegotiation,
}


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file for a spreadsheet: UTF-8 BOM, header, every text cell made formula-safe."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])
    return buffer.getvalue()


def csv_response(content: str, *, filename: str) -> HttpResponse:
    """A CSV download (``attachment``) of a whole file built with ``csv_text``."""
    response = HttpResponse(content.encode("utf-8"), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_stream_response(chunks: Iterable[str], *, filename: str) -> StreamingHttpResponse:
    """A CSV download streamed chunk by chunk (large exports never sit whole in memory)."""
    response = StreamingHttpResponse((chunk.encode("utf-8") for chunk in chunks), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def ics_response(content: bytes, *, filename: str) -> HttpResponse:
    """An iCalendar answer shown inline (calendar apps subscribe to it); cacheable for 5 minutes."""
    response = HttpResponse(content, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "max-age=300"
    return response
