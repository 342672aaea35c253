"""Prometheus metrics: requests answered and their latency, by route, method and status.

Small on purpose (no client library): one middleware records every request, ``metrics_view``
writes the text exposition format at ``/metrics``. Not part of the public API nor of its spec: the
view answers 404 unless ``METRICS_TOKEN`` is set and the scraper sends ``Authorization: Bearer
<token>``, and the nginx in front closes ``/metrics`` to the outside (Prometheus scrapes the
backend on the internal network).

Where the numbers live: with Redis as the cache (production) in one Redis hash shared by every
process and machine, so any backend replica answers a scrape with the whole site's counts (one
pipelined round trip per request). With another cache (``make run``'s local memory) each process
counts its own, and a scrape sees the process that answers it. Recording never fails a request: a
Redis error is logged and the request goes on.

Labels: ``route`` is the URL pattern the request matched (``api/v1/events/(?P<pk>\\d+)/``, never
the concrete path, so the label set stays bounded), ``(static)`` for files WhiteNoise serves and
``(unmatched)`` otherwise; ``method`` is one of the HTTP methods (``other`` for anything else).
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Upper bounds (seconds) of the latency buckets; +Inf is implicit.
BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
HASH_KEY = "metrics:http"
_SEP = "\x1f"  # between the parts of a hash field (never in a route, method or status)


def _bucket_index(seconds: float) -> int:
    for index, bound in enumerate(BUCKETS):
        if seconds <= bound:
            return index
    return len(BUCKETS)


class MemoryStore:
    """Counts in this process (local-memory cache: one process sees its own requests only)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fields: dict[str, float] = defaultdict(float)

    def record(self, labels: tuple[str, str, str], seconds: float) -> None:
        base = _SEP.join(labels)
        with self._lock:
            self._fields[f"c{_SEP}{base}"] += 1
            self._fields[f"b{_SEP}{base}{_SEP}{_bucket_index(seconds)}"] += 1
            self._fields[f"s{_SEP}{base}"] += seconds

    def fields(self) -> dict[str, float]:
        with self._lock:
            return dict(self._fields)

    def clear(self) -> None:
        with self._lock:
            self._fields.clear()


class RedisStore:
    """Counts in one Redis hash shared by every process (the default cache's Redis)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def _client(self) -> Any:
        from django_redis import get_redis_connection

        return get_redis_connection("default")

    def record(self, labels: tuple[str, str, str], seconds: float) -> None:
        base = _SEP.join(labels)
        pipe = self._client().pipeline(transaction=False)
        pipe.hincrby(self.key, f"c{_SEP}{base}", 1)
        pipe.hincrby(self.key, f"b{_SEP}{base}{_SEP}{_bucket_index(seconds)}", 1)
        pipe.hincrbyfloat(self.key, f"s{_SEP}{base}", seconds)
        pipe.execute()

    def fields(self) -> dict[str, float]:
        raw = self._client().hgetall(self.key)
        return {k.decode(): float(v) for k, v in raw.items()}

    def clear(self) -> None:
        self._client().delete(self.key)


_store: MemoryStore | RedisStore | None = None
_store_lock = threading.Lock()


def store() -> MemoryStore | RedisStore:
    global _store
    with _store_lock:
        if _store is None:
            cache = settings.CACHES["default"]
            if cache["BACKEND"] == "django_redis.cache.RedisCache":
                _store = RedisStore(f"{cache.get('KEY_PREFIX', '')}:{HASH_KEY}")
            else:
                _store = MemoryStore()
        return _store


def reset_store() -> None:
    """Forget the chosen store (tests that change the cache settings)."""
    global _store
    with _store_lock:
        _store = None


def route_of(request: HttpRequest, response: HttpResponse) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return str(match.route).removeprefix("^").removesuffix("$")
    if type(response).__name__ == "WhiteNoiseFileResponse":
        return "(static)"
    return "(unmatched)"


_last_error_log = 0.0


class MetricsMiddleware:
    """First in MIDDLEWARE: times the whole stack below it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        method = request.method if request.method in METHODS else "other"
        labels = (route_of(request, response), str(method), str(response.status_code))
        try:
            store().record(labels, elapsed)
        except Exception:  # metrics never fail a request
            global _last_error_log
            now = time.monotonic()
            if now - _last_error_log > 60:
                _last_error_log = now
                logger.exception("could not record request metrics")
        return response


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(route: str, method: str, status: str, extra: str = "") -> str:
    text = f'method="{_escape(method)}",route="{_escape(route)}",status="{_escape(status)}"'
    return "{" + text + (f",{extra}" if extra else "") + "}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def exposition(fields: dict[str, float]) -> str:
    """The Prometheus text format (version 0.0.4) of the stored fields."""
    counts: dict[tuple[str, ...], float] = {}
    sums: dict[tuple[str, ...], float] = {}
    buckets: dict[tuple[str, ...], list[float]] = defaultdict(lambda: [0.0] * (len(BUCKETS) + 1))
    for field, value in fields.items():
        kind, *parts = field.split(_SEP)
        if kind == "c" and len(parts) == 3:
            counts[tuple(parts)] = value
        elif kind == "s" and len(parts) == 3:
            sums[tuple(parts)] = value
        elif kind == "b" and len(parts) == 4 and parts[3].isdigit() and int(parts[3]) <= len(BUCKETS):
            buckets[tuple(parts[:3])][int(parts[3])] += value
    lines = [
        "# HELP sehub_http_requests_total HTTP requests answered, by route pattern, method and status.",
        "# TYPE sehub_http_requests_total counter",
    ]
    for (route, method, status), value in sorted(counts.items()):
        lines.append(f"sehub_http_requests_total{_labels(route, method, status)} {_number(value)}")
    lines += [
        "# HELP sehub_http_request_duration_seconds Time to answer, by route pattern, method and status.",
        "# TYPE sehub_http_request_duration_seconds histogram",
    ]
    for key in sorted(buckets):
        route, method, status = key
        running = 0.0
        bounds: Iterable[str] = [*(repr(b) for b in BUCKETS), "+Inf"]
        for bound, value in zip(bounds, buckets[key], strict=True):
            running += value
            le = f'le="{bound}"'
            lines.append(
                f"sehub_http_request_duration_seconds_bucket{_labels(route, method, status, le)} {_number(running)}"
            )
        lines.append(
            f"sehub_http_request_duration_seconds_sum{_labels(route, method, status)} {_number(sums.get(key, 0.0))}"
        )
        lines.append(f"sehub_http_request_duration_seconds_count{_labels(route, method, status)} {_number(running)}")
    return "\n".join(lines) + "\n"


@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    """``/metrics`` for Prometheus, only with ``Authorization: Bearer <METRICS_TOKEN>``; 404 otherwise."""
    token = settings.METRICS_TOKEN
    sent = request.headers.get("Authorization", "")
    if not token or not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
        raise Http404
    response = HttpResponse(exposition(store().fields()), content_type="text/plain; version=0.0.4; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
