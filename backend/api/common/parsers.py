"""Request bodies the API accepts, made safe before any view sees them.

``safe_json_loads`` is the one place a request body is turned from JSON into Python: the DRF
parser below uses it, and so must anything else that reads a JSON body (a middleware, an import).
It refuses, as ``MalformedJSONError`` (400 ``malformed_request``):

- nesting deeper than ``MAX_JSON_DEPTH`` (Python's decoder raises ``RecursionError`` at about 1,000
  levels, which escaped as a 500; the depth is measured before decoding, so 100,000 levels cost no
  recursion at all);
- lone UTF-16 surrogates (``"\\ud800"``) anywhere, keys included: such a string cannot be encoded
  as UTF-8, so it could be neither stored nor echoed in an error message;
- ``NaN``/``Infinity`` and integers longer than Python's digit limit.

Every string (keys and values) comes out in Unicode NFC, so Korean typed on a system that
decomposes Hangul into jamo (macOS, some IMEs) is stored and searched like everyone else's.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class MalformedJSONError(ValueError):
    """The body is not JSON the API accepts; the message says why (safe to show the client)."""


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def normalize_text(text: str) -> str:
    """NFC, the form every stored and searched string is in (Korean: one code point per syllable)."""
    return unicodedata.normalize("NFC", text)


def _check_depth(text: str, limit: int) -> None:
    depth = 0
    for match in _BRACKETS.finditer(_STRINGS.sub("", text)):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                raise MalformedJSONError(_("JSON nested deeper than %(limit)d levels.") % {"limit": limit})
        else:
            depth -= 1


def _reject_constant(name: str) -> Any:
    raise MalformedJSONError(_("%(value)s is not a JSON number.") % {"value": name})


def _clean(value: Any) -> Any:
    """NFC every string; refuse lone surrogates. Depth is already bounded, so recursion is safe."""
    if isinstance(value, str):
        if has_surrogate(value):
            raise MalformedJSONError(_("The JSON contains a lone surrogate (an invalid Unicode character)."))
        return normalize_text(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    return value


def safe_json_loads(raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Decode a JSON request body (UTF-8) or raise ``MalformedJSONError``."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes | bytearray) else raw
    except UnicodeDecodeError as exc:
        raise MalformedJSONError(_("The body is not valid UTF-8.")) from exc
    _check_depth(text, max_depth)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except MalformedJSONError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, too many digits
        raise MalformedJSONError(_("The body is not valid JSON: %(error)s") % {"error": exc}) from None
    return _clean(data)


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser on ``safe_json_loads`` (the default for every view)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        raw = stream.read() if stream is not None else b""
        try:
            if codecs.lookup(encoding).name != "utf-8":
                raw = raw.decode(encoding).encode("utf-8")
            return safe_json_loads(raw)
        except (MalformedJSONError, UnicodeError, LookupError) as exc:
            raise ParseError(str(exc)) from None


def _clean_querydict(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(normalize_text(key), [normalize_text(v) if isinstance(v, str) else v for v in values])
    cleaned._mutable = False
    return cleaned


class MultiPartParser(parsers.MultiPartParser):
    """Multipart form fields in NFC, like JSON strings (Django already replaces invalid UTF-8)."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        result = super().parse(stream, media_type, parser_context)
        return parsers.DataAndFiles(_clean_querydict(result.data), result.files)


class FormParser(parsers.FormParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        return _clean_querydict(super().parse(stream, media_type, parser_context))
