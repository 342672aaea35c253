"""Throttles counted in the default cache (Redis in production), so all processes share them.

Rates come from ``settings.THROTTLE_RATES`` and are read on every request (DRF's classes read
them once at import time, which makes them impossible to configure in tests or per deployment).
A scope without a rate is not limited.

The client address is the socket's (``REMOTE_ADDR``). ``X-Forwarded-For`` is believed only for
the ``NUM_PROXIES`` proxies the deployment says are in front of the server (default 0: none), and
then only the address the outermost trusted proxy saw: a client that sends its own header cannot
choose the address it is counted under. Credential endpoints are also limited per account (log in,
password reset by e-mail), whatever the address, so rotating addresses does not help either.

Counting is one atomic increment per request (``cache.add`` then ``cache.incr``: Redis ``INCR`` in
production) in a window opened by the client's first request, never DRF's read-append-write of a
history list, which lets simultaneous requests of one client overwrite each other's count and pass
the limit.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import throttling

from api.common.parsers import normalize_text


def client_address(request: Any) -> str:
    """The address to count a request under (see the module docstring)."""
    meta = getattr(request, "META", {})
    remote = meta.get("REMOTE_ADDR", "") or ""
    proxies = int(getattr(settings, "NUM_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    # Each trusted proxy appends the address it received the request from; the client controls
    # everything to the left of what the outermost trusted proxy appended.
    return forwarded[-min(proxies, len(forwarded))]


class _SettingsRateMixin:
    # Where the counter cannot be read (the cache is away), a limit lets the request through, except
    # one that guards credentials: those refuse with a 503 rather than let guesses go uncounted.
    fail_closed = False
    scope: str | None
    rate: str | None
    num_requests: int
    duration: int
    cache: Any

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope or "")

    def get_ident(self, request: Any) -> str:
        return client_address(request)

    def allow_request(self, request: Any, view: Any) -> bool:
        """One atomic increment of the client's counter; refused above ``num_requests``.

        The window opens with the client's first request and lasts ``duration`` seconds (the
        counter's expiry; ``incr`` keeps it), so it never splits a burst at a clock boundary."""
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)  # type: ignore[attr-defined]  # DRF's, after this mixin
        if key is None:
            return True
        self.key = key
        if self.cache.add(key, 0, timeout=self.duration):
            self.cache.set(f"{key}:opened", time.time(), timeout=self.duration)
        try:
            count = self.cache.incr(key)
        except ValueError:  # expired between add and incr: this request opens the next window
            self.cache.add(key, 1, timeout=self.duration)
            count = 1
        if count is None:  # the cache is unreachable (logged by its client)
            if self.fail_closed:
                # Imported here: api.common.errors imports DRF's views, which import these classes.
                from api.common.errors import ServiceUnavailableError

                raise ServiceUnavailableError(
                    _("The limits of this action cannot be counted right now. Please try again in a few seconds.")
                )
            return True
        return bool(count <= self.num_requests)

    def wait(self) -> float | None:
        """Seconds until the client's window closes (the ``Retry-After`` of a 429)."""
        opened = self.cache.get(f"{getattr(self, 'key', '')}:opened")
        remaining = self.duration - (time.time() - opened) if isinstance(opened, float) else self.duration
        return max(1.0, float(remaining))


class AnonThrottle(_SettingsRateMixin, throttling.AnonRateThrottle):
    scope = "anon"


class UserThrottle(_SettingsRateMixin, throttling.UserRateThrottle):
    scope = "user"


class LoginThrottle(_SettingsRateMixin, throttling.SimpleRateThrottle):
    """Guards credential endpoints (log in, register, password reset) per client address."""

    scope = "login"
    fail_closed = True

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class RegisterThrottle(LoginThrottle):
    """New accounts per client address (``THROTTLE_REGISTER``), on top of the credential rate."""

    scope = "register"


class _AccountThrottle(_SettingsRateMixin, throttling.SimpleRateThrottle):
    """Counts per account named in the body (``field``), whatever the client address."""

    field = "email"
    fail_closed = True

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        try:
            value = request.data.get(self.field)
        except AttributeError:  # a list or a scalar body: the serializer will refuse it
            return None
        if not isinstance(value, str) or not value.strip():
            return None
        account = normalize_text(value.strip()).lower()
        digest = hashlib.sha256(account.encode("utf-8", "backslashreplace")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


class LoginAccountThrottle(_AccountThrottle):
    """Password guesses against one account (``THROTTLE_LOGIN_ACCOUNT``)."""

    scope = "login_account"


class PasswordResetThrottle(_AccountThrottle):
    """Reset mails to one address (``THROTTLE_PASSWORD_RESET``)."""

    scope = "password_reset"
