"""Reading notifications: always scoped to the one user they belong to."""

from typing import Any

from django.db.models import QuerySet

from api.notifications.kinds import registered_kinds
from api.notifications.models import Notification, NotificationPreference


def notification_list(*, user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def notification_unread_count(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_preferences(*, user: Any) -> list[dict[str, Any]]:
    """Every kind with the user's e-mail choice (or the default when they never chose)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return [
        {
            "kind": kind.code,
            "kind_label": str(kind.label),
            "email": chosen.get(kind.code, kind.email_by_default),
            "in_app": True,
        }
        for kind in registered_kinds()
    ]
