"""A shared cache of anonymous public reads, invalidated by a generation counter.

Why: building a page of organisations costs tens of milliseconds of Python (DRF field access,
labels), while the same bytes are asked for again and again by anonymous visitors. A cached answer
costs what the stack's ceiling costs.

How it stays correct (a write is visible in the very next read, in every process):

- One **generation** number stands for "the state of all public data". Every successful write bumps
  it: the middleware bumps after each unsafe request answered 2xx/3xx, and ``post_save``/
  ``post_delete``/``m2m_changed`` of every model bump too (management commands, background tasks,
  the admin). A bump inside a transaction waits for the commit (``transaction.on_commit``), so no
  reader sees the new generation before the new data.
- A reader reads the generation **before** it reads any data and stores its body tagged with that
  generation. A body is served only while its tag equals the current generation. A reader racing a
  write can therefore only store stale data under the *old* generation, which nobody serves again.
- Where the generation lives: in the shared cache when the cache is shared between processes
  (Redis: one ``MGET`` fetches the generation and the body together), otherwise in the database (one
  one-row read per cached request; with the per-process local-memory cache each process keeps its
  own bodies, but all of them read the one generation row). ``RESPONSE_CACHE_GENERATION`` forces
  ``"database"`` or ``"cache"``.
- Bodies also expire after ``RESPONSE_CACHE_TTL`` seconds, because some answers depend on the clock
  ("upcoming" events) rather than on a write.

What is cached: GET requests to views that opt in (``response_cache_actions`` on a viewset, e.g.
``{"list", "retrieve"}``; ``response_cache = True`` on a plain API view), only from anonymous
callers (no ``Authorization`` header, no session cookie), only 200 answers without cookies or
``Cache-Control: private/no-store``. The key is scheme, host, path, the query sorted by name, the
negotiated language and the ``Accept`` header. Stored headers (``ETag``, ``Vary``, ``Content-Type``…)
are replayed; ``If-None-Match`` matching the stored ETag answers 304. Throttles still count cached
answers (a refused caller falls through to the view, which answers 429).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate
from django.http import HttpRequest, HttpResponse

from api.common.conditional import if_none_match_hits

GENERATION_KEY = "response-cache:generation"
# Kept a day in the cache (then started anew above every earlier number: a miss, never stale).
GENERATION_SECONDS = 24 * 60 * 60
BODY_PREFIX = "response-cache:body:"
TABLE = "common_responsecachegeneration"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Headers that belong to one answer, never to a replay.
_NOT_REPLAYED = frozenset({"set-cookie", "date", "content-length"})
# Apps whose writes never change a public read (saving their rows must not empty the cache).
_IGNORED_APPS = frozenset(
    {"common", "notifications", "sessions", "token_blacklist", "admin", "django_tasks_db", "contenttypes", "auth"}
)


def _cache() -> Any:
    return caches[getattr(settings, "RESPONSE_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return bool(getattr(settings, "RESPONSE_CACHE_ENABLED", True)) and not isinstance(_cache(), DummyCache)


def generation_store() -> str:
    """``"cache"`` when the cache is shared by every process, else ``"database"``."""
    chosen = getattr(settings, "RESPONSE_CACHE_GENERATION", "auto")
    if chosen in ("cache", "database"):
        return chosen
    return "database" if isinstance(_cache(), LocMemCache) else "cache"


# --- The generation ------------------------------------------------------------------------------


def _fresh_generation() -> int:
    # Distinct from every number handed out before, also after the counter was lost (a cache
    # flush or an eviction): bodies tagged with an older number are never served again.
    return time.time_ns()


def _read_database_generation() -> int | None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 - a constant
        row = cursor.fetchone()
    return int(row[0]) if row else None


def _bump_database_generation() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET value = value + 1 WHERE id = 1")  # noqa: S608 - a constant
        if cursor.rowcount == 0:
            cursor.execute(
                f"INSERT INTO {TABLE} (id, value) VALUES (1, %s) ON CONFLICT (id) DO NOTHING",  # noqa: S608
                [_fresh_generation()],
            )


def _bump_cache_generation() -> None:
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing: start anew above every earlier number
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=GENERATION_SECONDS)


def _bump_now() -> None:
    if generation_store() == "database":
        _bump_database_generation()
    else:
        _bump_cache_generation()


def _only_test_transactions(connection: Any) -> bool:
    """True when every open atomic block is a test case's wrapper (never committed): there the
    write is already visible to the one connection that will read it, so the bump happens now."""
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def bump_generation(using: str = DEFAULT_DB_ALIAS) -> None:
    """Make every cached body stale. Inside a transaction the bump waits for the commit (once per
    transaction); a rollback drops it with the data it stood for."""
    if not enabled():
        return
    connection = connections[using]
    if connection.in_atomic_block and not _only_test_transactions(connection):
        if not any(entry[1] is _bump_now for entry in connection.run_on_commit):
            transaction.on_commit(_bump_now, using=using)
        return
    _bump_now()


_migrating = False


def _on_pre_migrate(**kwargs: Any) -> None:
    # Migrations write before the generation's table may exist: one bump follows them instead.
    global _migrating
    _migrating = True


def _on_post_migrate(**kwargs: Any) -> None:
    global _migrating
    _migrating = False
    bump_generation(using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _on_model_write(sender: Any, **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    if _migrating or meta is None or meta.app_label in _IGNORED_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed fires before and after
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    bump_generation(using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def connect_signals() -> None:
    """Called from ``CommonConfig.ready``: any model write (outside HTTP too) bumps the generation."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_model_write, dispatch_uid=f"response-cache-{signal!r}")
    pre_migrate.connect(_on_pre_migrate, dispatch_uid="response-cache-pre-migrate")
    post_migrate.connect(_on_post_migrate, dispatch_uid="response-cache-post-migrate")


# --- Keys and entries ------------------------------------------------------------------------------


def view_is_cached(view_func: Any) -> bool:
    """Whether the view answering a GET opted in: ``response_cache_actions`` names the viewset
    actions (``list``, ``retrieve``, custom GET actions), ``response_cache = True`` a plain view."""
    view_class = getattr(view_func, "cls", None)
    if view_class is None:
        return False
    actions = getattr(view_func, "actions", None)
    if actions:
        return actions.get("get") in getattr(view_class, "response_cache_actions", ())
    return bool(getattr(view_class, "response_cache", False))


def is_anonymous(request: HttpRequest) -> bool:
    return "HTTP_AUTHORIZATION" not in request.META and settings.SESSION_COOKIE_NAME not in request.COOKIES


def body_key(request: HttpRequest) -> str:
    query = "&".join(f"{name}={value}" for name, values in sorted(request.GET.lists()) for value in values)
    parts = (
        request.scheme or "",
        request.get_host(),
        request.path,
        query,
        getattr(request, "LANGUAGE_CODE", "") or "",
        request.META.get("HTTP_ACCEPT", ""),
    )
    digest = hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=20).hexdigest()
    return BODY_PREFIX + digest


def _lookup(key: str) -> tuple[int | None, Any]:
    """The current generation (creating it when missing) and the entry stored under ``key``."""
    cache = _cache()
    if generation_store() == "database":
        generation = _read_database_generation()
        if generation is None:
            _bump_database_generation()
            generation = _read_database_generation()
        return generation, cache.get(key)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=GENERATION_SECONDS)
        generation = cache.get(GENERATION_KEY)
    return generation, found.get(key)


def _replay(entry: tuple[Any, ...], request: HttpRequest) -> HttpResponse:
    _generation, content, headers = entry
    etag = next((value for name, value in headers if name.lower() == "etag"), None)
    if etag and if_none_match_hits(request, etag):  # type: ignore[arg-type]  # reads .headers only
        response = HttpResponse(status=304)
        for name, value in headers:
            if name.lower() in ("etag", "vary", "cache-control", "content-language"):
                response[name] = value
        return response
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _throttled(request: HttpRequest, view_func: Callable[..., Any]) -> bool:
    """Count the cached answer against the view's throttles; True when one refuses."""
    view_class = getattr(view_func, "cls", None)
    if view_class is None:
        return False
    view = view_class()
    return any(not throttle.allow_request(request, view) for throttle in view.get_throttles())


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or getattr(response, "streaming", False) or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control


class ResponseCacheMiddleware:
    """Serves and stores cached anonymous reads; bumps the generation after successful writes.

    Sits last in ``MIDDLEWARE`` so it stores what the view answered, before the outer middleware
    (CORS, CSP, security headers, Content-Language) adds what each answer gets anew.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            if 200 <= response.status_code < 400:
                bump_generation()
            return response
        pending = getattr(request, "_response_cache", None)
        if pending is not None and _storable(response):
            key, generation = pending
            headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_REPLAYED]
            _cache().set(key, (generation, response.content, headers), timeout=settings.RESPONSE_CACHE_TTL)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if request.method != "GET" or not enabled():
            return None
        if not view_is_cached(view_func) or not is_anonymous(request):
            return None
        key = body_key(request)
        generation, entry = _lookup(key)
        if entry is not None and entry[0] == generation and not _throttled(request, view_func):
            return _replay(entry, request)
        request._response_cache = (key, generation)  # type: ignore[attr-defined]  # read in __call__
        return None
