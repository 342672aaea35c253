"""Reading notifications: always scoped to the one user they belong to."""

from typing import Any

from django.db.models import QuerySet

from api.notifications.models import EMAIL_OFF_BY_DEFAULT, Notification, NotificationKind, NotificationPreference


def notification_list(*, user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def notification_unread_count(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_preferences(*, user: Any) -> list[dict[str, Any]]:
    """Every kind with the user's e-mail choice (or the default when they never chose)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return [
        {
            "kind": kind.value,
            "kind_label": kind.label,
            "email": chosen.get(kind.value, kind not in EMAIL_OFF_BY_DEFAULT),
            "in_app": True,
        }
        for kind in NotificationKind
    ]
