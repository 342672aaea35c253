"""Posting notifications and managing their read state and e-mail preferences.

``notify`` is the one entry point for every domain: it writes the in-app row and, when the
recipient wants e-mail for that kind, enqueues the mail after the surrounding transaction commits
(a rolled-back request sends nothing; sending never runs inside the request).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from api.common.errors import validation_error
from api.common.mail import mail_enqueue_on_commit
from api.notifications import errors
from api.notifications.kinds import kind_info, registered_kinds
from api.notifications.models import Notification, NotificationPreference


def email_wanted(*, user: Any, kind: str) -> bool:
    preference = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", flat=True).first()
    if preference is None:
        info = kind_info(kind)
        return info is None or info.email_by_default
    return bool(preference)


def _render(text: Any, params: Mapping[str, Any] | None) -> str:
    rendered = force_str(text)
    return str(rendered % params) if params else rendered


@transaction.atomic
def notify(
    *,
    user: Any,
    kind: str,
    title: Any,
    body: Any = "",
    url: str | None = None,
    data: dict[str, Any] | None = None,
    params: Mapping[str, Any] | None = None,
) -> Notification:
    """Post a notification to ``user`` and e-mail it if they want e-mail for ``kind``.

    ``title`` and ``body`` may be lazy translations: they are rendered in the recipient's
    preferred language, then ``%``-formatted with ``params``.
    """
    if kind_info(kind) is None:
        raise ValueError(f"unknown notification kind {kind!r}: register it with api.notifications.kinds.register_kind")
    with translation.override(getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE):
        title_text = _render(title, params)[:200]
        body_text = _render(body, params)
        footer = _("You can choose which notifications also come by e-mail in your notification settings.")
    wants_email = bool(user.email) and user.is_active and email_wanted(user=user, kind=kind)
    notification = Notification.objects.create(
        user=user,
        kind=kind,
        title=title_text,
        body=body_text,
        url=url or "",
        data=data or {},
        emailed=wants_email,
    )
    if wants_email:
        link = f"\n\n{settings.FRONTEND_URL}{url}" if url else ""
        mail_enqueue_on_commit(
            subject=f"[사회적경제 허브] {title_text}",
            body=f"{body_text}{link}\n\n--\n{footer}",
            to=[user.email],
        )
    return notification


@transaction.atomic
def notification_mark_read(*, user: Any, notification_id: int) -> Notification:
    notification = Notification.objects.select_for_update().get(pk=notification_id, user=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notification_mark_all_read(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def notification_preferences_update(*, user: Any, preferences: Mapping[str, bool]) -> None:
    """Set the e-mail choice for each kind given; kinds not given keep their current choice."""
    known = {kind.code for kind in registered_kinds()}
    for kind in preferences:
        if kind not in known:
            raise validation_error(
                "preferences", _("Unknown notification kind: %(kind)s.") % {"kind": kind}, code=errors.UNKNOWN_KIND
            )
    for kind, email in sorted(preferences.items()):
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": bool(email)})
