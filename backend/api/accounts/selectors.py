"""Reading accounts. Other domains find users only through these functions."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from api.accounts.models import User


def user_me(*, user: Any) -> QuerySet[User]:
    """The logged-in user's own account row (``/auth/me/``)."""
    return User.objects.filter(pk=user.pk)


def user_summaries() -> QuerySet[User]:
    """Users with only what another domain shows of them (id, display name), by id."""
    return User.objects.only("id", "display_name").order_by("id")


def users_active_by_ids(*, ids: list[int]) -> dict[int, User]:
    """``{id: user}`` of the active users among ``ids`` (unknown or deactivated ones are absent)."""
    return {user.pk: user for user in User.objects.filter(pk__in=ids, is_active=True)}


def user_active_by_email(*, email: str) -> User | None:
    """The active user with this e-mail address (case-insensitive), if any."""
    return User.objects.filter(email__iexact=email.strip(), is_active=True).first()
