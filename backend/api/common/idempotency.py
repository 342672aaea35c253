"""Idempotency-Key for POST and PATCH (IETF httpapi "The Idempotency-Key HTTP Header Field").

A client sends ``Idempotency-Key: <a new UUID for each operation>`` with a request it may retry.
The first request runs; its response is kept in the database (``IdempotencyRecord``) for
IDEMPOTENCY_TTL_SECONDS (24 h) under the key, scoped to the caller (the authenticated user, else
the client address), so every process and thread of the installation sees it. Then:

- the same key and the same request again → the stored response, replayed (``Idempotent-Replayed:
  true``), and nothing runs a second time;
- the same key with a different body or target → 422 ``idempotency_key_reused``;
- the same key while the first is still running → 409 ``idempotency_key_in_use``.

Responses that say "try again later" (401, 403, 408, 429, 5xx) are not kept, so a retry runs anew.

The check runs after authentication, permissions and method routing: an anonymous write answers
401 and a method the path does not take 405 whatever the key says. It is in two parts because
Django middleware runs before DRF authenticates:

- ``IdempotencyGate`` sits in ``DEFAULT_THROTTLE_CLASSES`` (DRF runs throttles after
  authentication and permissions, inside every APIView's ``initial()``). It validates the key,
  claims it (inserting the row is the lock: the unique key lets one request in) or answers 409/422,
  or, for a stored response, makes the view's handler return that response instead of running.
  A view that sets its own ``throttle_classes`` must list it too (a test walks every route).
- ``IdempotencyMiddleware`` reads the body before any parser does (the fingerprint hashes the raw
  bytes; nothing is parsed, so no JSON nesting can hurt it) and, once the response is rendered,
  stores it in the claimed row or releases the claim.
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.throttling import BaseThrottle

# Nothing from api.common.errors or any model at import time: DRF imports this module (a default
# throttle class) while rest_framework.views loads, which errors.py itself imports.

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from api.common.models import IdempotencyRecord

logger = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
METHODS = frozenset({"POST", "PATCH"})
KEY_MIN_LENGTH, KEY_MAX_LENGTH = 8, 255
KEY_PATTERN = rf"^[A-Za-z0-9_-]{{{KEY_MIN_LENGTH},{KEY_MAX_LENGTH}}}$"
_KEY_RE = re.compile(KEY_PATTERN.removeprefix("^").removesuffix("$"))
_NOT_STORED = frozenset({401, 403, 408, 429})
_STORED_HEADERS = ("Location", "ETag", "Content-Language")
# Set on the Django request by the middleware (``_PENDING``), replaced by a ``Claim`` by the gate.
_REQUEST_ATTR = "_sehub_idempotency"
_PENDING = object()
# One new key in this many also deletes every expired record.
PURGE_ONE_IN = 100


# Codes as in api.common.errors.ErrorCode (a test checks they match).
class IdempotencyKeyInvalid(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("Idempotency-Key must be 8 to 255 letters, digits, '-' or '_' (a new UUID for each operation).")
    default_code = "idempotency_key_invalid"


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("This Idempotency-Key was already used for a different request; use a new key.")
    default_code = "idempotency_key_reused"


class IdempotencyKeyInUse(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("A request with this Idempotency-Key is still being processed; retry shortly.")
    default_code = "idempotency_key_in_use"


def _records() -> QuerySet[IdempotencyRecord]:
    from api.common.models import IdempotencyRecord  # not at import time: see the imports

    return IdempotencyRecord.objects.all()


def record_key(scope: str, key: str) -> str:
    """The stored key: the caller's scope and the client's key, hashed (no raw key is kept)."""
    return hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()


def fingerprint(request: HttpRequest) -> str:
    """What makes two requests "the same": method, path with query, content type and raw body."""
    digest = hashlib.sha256()
    for part in (request.method or "", request.get_full_path(), request.META.get("CONTENT_TYPE", "")):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(request.body)
    return digest.hexdigest()


@dataclass(frozen=True)
class Claim:
    """This request holds ``key`` (as ``owner``) until its response is stored or it lets go."""

    key: str
    owner: str

    def finish(self, response: HttpResponse) -> None:
        mine = _records().filter(key=self.key, owner=self.owner, status_code__isnull=True)
        code = response.status_code
        if getattr(response, "streaming", False) or code >= 500 or code in _NOT_STORED:
            mine.delete()
            return
        now = timezone.now()
        mine.update(
            status_code=code,
            content=bytes(response.content),
            content_type=response.get("Content-Type", ""),
            headers={name: response[name] for name in _STORED_HEADERS if response.has_header(name)},
            locked_until=None,
            expires_at=now + timedelta(seconds=settings.IDEMPOTENCY_TTL_SECONDS),
        )


def lookup(key: str, now: datetime) -> IdempotencyRecord | None:
    """The live record for ``key``; an expired one is deleted on the way and counts as absent."""
    record = _records().filter(key=key).first()
    if record is not None and record.expires_at <= now:
        _records().filter(pk=record.pk, expires_at__lte=now).delete()
        return None
    return record


def purge_expired(now: datetime | None = None) -> int:
    """Delete every record past its TTL; returns how many."""
    deleted, _ = _records().filter(expires_at__lte=now or timezone.now()).delete()
    return deleted


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(bytes(record.content), status=record.status_code, content_type=record.content_type)
    for name, value in record.headers.items():
        response[name] = value
    response["Idempotent-Replayed"] = "true"
    return response


def _settle(record: IdempotencyRecord, request_fingerprint: str, now: datetime) -> Claim | HttpResponse:
    """What a request meets when ``record`` already exists for its key."""
    if record.fingerprint != request_fingerprint:
        raise IdempotencyKeyReused()
    if record.status_code is not None:
        return _replay(record)
    if record.locked_until is not None and record.locked_until > now:
        raise IdempotencyKeyInUse()
    # The holder died without finishing (a killed worker): take its claim over, once.
    owner = uuid.uuid4().hex
    taken = (
        _records()
        .filter(pk=record.pk, owner=record.owner, status_code__isnull=True)
        .update(owner=owner, locked_until=now + timedelta(seconds=settings.IDEMPOTENCY_LOCK_SECONDS))
    )
    if not taken:
        raise IdempotencyKeyInUse()
    return Claim(record.key, owner)


def claim_or_replay(*, key: str, request_fingerprint: str) -> Claim | HttpResponse:
    """Claim ``key`` for this request, or return the stored response to replay.

    Raises 422 for a key used with another request and 409 while another request holds it.
    """
    now = timezone.now()
    record = lookup(key, now)
    if record is not None:
        return _settle(record, request_fingerprint, now)
    owner = uuid.uuid4().hex
    try:
        with transaction.atomic():
            _records().create(
                key=key,
                fingerprint=request_fingerprint,
                owner=owner,
                locked_until=now + timedelta(seconds=settings.IDEMPOTENCY_LOCK_SECONDS),
                created_at=now,
                expires_at=now + timedelta(seconds=settings.IDEMPOTENCY_TTL_SECONDS),
            )
    except IntegrityError:
        # Another request inserted the row between our look and our insert: look again, now that
        # the row exists. It may have finished already (replay) or still be running (409).
        record = lookup(key, now)
        if record is None:  # it gave up its claim in between: the client retries
            raise IdempotencyKeyInUse() from None
        return _settle(record, request_fingerprint, now)
    if random.randrange(PURGE_ONE_IN) == 0:  # noqa: S311 - sampling, not security
        purge_expired(now)
    return Claim(key, owner)


class IdempotencyGate(BaseThrottle):
    """The Idempotency-Key check, run by DRF with the throttles (after authentication and
    permissions). It never limits a rate: it lets the request through, raises 400/409/422, or
    makes the view's handler return the stored response."""

    def allow_request(self, request: Any, view: Any) -> bool:
        key = request.headers.get(HEADER)
        method = request.method or ""
        if key is None or method not in METHODS:
            return True
        handler_name = method.lower()
        if handler_name not in view.http_method_names or not hasattr(view, handler_name):
            return True  # DRF answers 405 next; nothing to remember
        django_request: HttpRequest = request._request
        state = getattr(django_request, _REQUEST_ATTR, None)
        if state is None:
            raise ImproperlyConfigured("api.common.idempotency.IdempotencyMiddleware must be in MIDDLEWARE.")
        if state is not _PENDING:
            return True  # already decided for this request
        if not _KEY_RE.fullmatch(key):
            raise IdempotencyKeyInvalid()
        user = request.user
        scope = f"user:{user.pk}" if user.is_authenticated else f"anon:{django_request.META.get('REMOTE_ADDR', '')}"
        outcome = claim_or_replay(key=record_key(scope, key), request_fingerprint=fingerprint(django_request))
        if isinstance(outcome, Claim):
            setattr(django_request, _REQUEST_ATTR, outcome)
        else:
            setattr(django_request, _REQUEST_ATTR, None)
            setattr(view, handler_name, lambda *args, **kwargs: outcome)
        return True


class IdempotencyMiddleware:
    """Reads the body early for the gate's fingerprint and stores (or releases) its claim."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in METHODS and HEADER in request.headers and request.path.startswith("/api/"):
            # Read now (RequestBodyLimitMiddleware has bounded it): parsers consume the stream,
            # after which Django can no longer give the raw bytes to hash.
            request.body  # noqa: B018
            setattr(request, _REQUEST_ATTR, _PENDING)
        response = self.get_response(request)
        claim = getattr(request, _REQUEST_ATTR, None)
        if isinstance(claim, Claim):
            try:
                claim.finish(response)
            except Exception:  # the response stands; the claim expires after IDEMPOTENCY_LOCK_SECONDS
                logger.exception("Could not store the response of an idempotent request")
        return response
