"""Anonymous public reads from a PostgreSQL read replica; everything else on the primary.

Installed only when ``DATABASE_REPLICA_URL`` is set (config/settings.py adds the ``replica``
database, this router and ``PublicReadMiddleware``). A request is a *public read* when it is a GET
or HEAD without an ``Authorization`` header or a session cookie: what anybody may see, where
a replica a moment behind the primary is acceptable (the response cache already serves such reads
up to RESPONSE_CACHE_TTL old). Everything else reads the primary, so a signed-in user always reads
their own writes, services that lock rows (``select_for_update``) read the row they lock, and
nothing inside a transaction ever mixes two databases. Writes always go to the primary; migrations
run there only (the replica follows by streaming replication).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD"})

_public_read: ContextVar[bool] = ContextVar("sehub_public_read", default=False)


def is_public_read(request: HttpRequest) -> bool:
    return (
        request.method in SAFE_METHODS
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PublicReadMiddleware:
    """Marks the request as a public read for ``ReplicaRouter`` (a context variable, per thread)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    """``db_for_read``: the replica for public reads outside a transaction; otherwise the primary."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str:
        if _public_read.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Any], **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == DEFAULT_DB_ALIAS
