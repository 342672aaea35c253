"""Throttles counted in the default cache (Redis in production), so all processes share them.

Rates come from ``settings.THROTTLE_RATES`` and are read on every request (DRF's classes read
them once at import time, which makes them impossible to configure in tests or per deployment).
"""

from typing import Any

from django.conf import settings
from rest_framework import throttling


class _SettingsRateMixin:
    scope: str

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope)


class AnonThrottle(_SettingsRateMixin, throttling.AnonRateThrottle):
    scope = "anon"


class UserThrottle(_SettingsRateMixin, throttling.UserRateThrottle):
    scope = "user"


class LoginThrottle(_SettingsRateMixin, throttling.SimpleRateThrottle):
    """Guards credential endpoints (log in, register, password reset) per client address."""

    scope = "login"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
