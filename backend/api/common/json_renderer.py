"""DRF's JSON renderer with orjson doing the encoding (several times faster on large pages).

The bytes mean the same as DRF's: compact, UTF-8 (not ``\\u`` escapes), and every value orjson does
not encode itself (dates and times, decimals, lazy translations, sets) goes through DRF's own
encoder, so dates keep DRF's format. A requested indent (``Accept: application/json; indent=2``)
falls back to DRF's renderer.
"""

from __future__ import annotations

from typing import Any

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_default = JSONEncoder().default
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS


class JSONRenderer(renderers.JSONRenderer):
    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        return orjson.dumps(data, default=_default, option=_OPTIONS)
