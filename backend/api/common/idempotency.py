"""Idempotency-Key for POST and PATCH (IETF httpapi "The Idempotency-Key HTTP Header Field").

A client sends ``Idempotency-Key: <unique string>`` with a request it may retry. The first request
runs; its response is kept in the shared cache for IDEMPOTENCY_TTL_SECONDS (24 h) under the key,
scoped to the caller (user id from the bearer token, else the client address). Then:

- the same key and the same request again → the stored response, replayed (``Idempotent-Replayed:
  true``), and nothing runs a second time;
- the same key with a different body or target → 422 ``idempotency_key_reused``;
- the same key while the first is still running → 409 ``idempotency_key_in_use``.

Responses that say "try again later" (401, 403, 429, 5xx) are not kept, so a retry runs anew.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from api.common.errors import ErrorCode, json_problem

logger = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
METHODS = frozenset({"POST", "PATCH"})
_KEY_RE = re.compile(r"^[\x21-\x7e]{1,255}$")
_NOT_STORED = frozenset({401, 403, 408, 429})


def _scope(request: HttpRequest) -> str:
    auth = request.META.get("HTTP_AUTHORIZATION", "")
    if auth.startswith("Bearer "):
        from rest_framework_simplejwt.authentication import JWTAuthentication
        from rest_framework_simplejwt.exceptions import InvalidToken, TokenError

        try:
            token = JWTAuthentication().get_validated_token(auth.split(" ", 1)[1].encode())
            return f"user:{token[settings.SIMPLE_JWT['USER_ID_CLAIM']]}"
        except (InvalidToken, TokenError, KeyError):
            return ""
    return f"anon:{request.META.get('REMOTE_ADDR', '')}"


def _fingerprint(request: HttpRequest) -> str:
    digest = hashlib.sha256()
    for part in (request.method or "", request.get_full_path(), request.META.get("CONTENT_TYPE", "")):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(request.body)
    return digest.hexdigest()


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if key is None or request.method not in METHODS or not request.path.startswith("/api/"):
            return self.get_response(request)
        if not _KEY_RE.match(key):
            return json_problem(
                request,
                400,
                ErrorCode.IDEMPOTENCY_KEY_INVALID,
                _("Idempotency-Key must be 1 to 255 visible ASCII characters."),
            )
        scope = _scope(request)
        if not scope:  # an invalid token: let authentication answer 401
            return self.get_response(request)

        base = "idem:" + hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()
        record_key, lock_key = base + ":rec", base + ":lock"
        fingerprint = _fingerprint(request)

        replay = self._replay(request, record_key, fingerprint)
        if replay is not None:
            return replay
        owner = uuid.uuid4().hex
        if not cache.add(lock_key, owner, timeout=settings.IDEMPOTENCY_LOCK_SECONDS):
            replay = self._replay(request, record_key, fingerprint)
            if replay is not None:
                return replay
            return json_problem(
                request,
                409,
                ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                _("A request with this Idempotency-Key is still being processed; retry shortly."),
            )
        try:
            # Checked again under the lock: the first request may have stored its response and
            # released the lock between our first look and our taking the lock.
            replay = self._replay(request, record_key, fingerprint)
            if replay is not None:
                return replay
            response = self.get_response(request)
            if response.status_code < 500 and response.status_code not in _NOT_STORED:
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
                headers = {
                    name: response[name]
                    for name in ("Location", "ETag", "Content-Language")
                    if response.has_header(name)
                }
                cache.set(
                    record_key,
                    {
                        "fingerprint": fingerprint,
                        "status": response.status_code,
                        "content": bytes(response.content),
                        "content_type": response["Content-Type"],
                        "headers": headers,
                    },
                    timeout=settings.IDEMPOTENCY_TTL_SECONDS,
                )
            return response
        finally:
            cache.delete(lock_key)

    @staticmethod
    def _replay(request: HttpRequest, record_key: str, fingerprint: str) -> HttpResponse | None:
        record: dict[str, Any] | None = cache.get(record_key)
        if record is None:
            return None
        if record["fingerprint"] != fingerprint:
            return json_problem(
                request,
                422,
                ErrorCode.IDEMPOTENCY_KEY_REUSED,
                _("This Idempotency-Key was already used for a different request; use a new key."),
            )
        response = HttpResponse(record["content"], status=record["status"], content_type=record["content_type"])
        for name, value in record["headers"].items():
            response[name] = value
        response["Idempotent-Replayed"] = "true"
        return response
