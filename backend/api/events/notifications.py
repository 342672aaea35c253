"""The notification kinds the events domain sends, registered with ``api.notifications`` from
``EventsConfig.ready()`` (no migration in notifications when a kind is added here)."""

from django.utils.translation import gettext_lazy as _

from api.notifications.kinds import register_kind

REGISTRATION_CONFIRMED = "registration_confirmed"
REGISTRATION_WAITLISTED = "registration_waitlisted"
REGISTRATION_PROMOTED = "registration_promoted"
EVENT_CHANGED = "event_changed"
EVENT_CANCELLED = "event_cancelled"
BOOTH_APPLICATION_DECIDED = "booth_application_decided"


def register() -> None:
    # A confirmation is only worth an in-app entry unless the user asks for e-mail too.
    register_kind(REGISTRATION_CONFIRMED, _("Registration confirmed"), email_by_default=False)
    register_kind(REGISTRATION_WAITLISTED, _("Put on the waiting list"))
    register_kind(REGISTRATION_PROMOTED, _("Promoted from the waiting list"))
    register_kind(EVENT_CHANGED, _("Event changed"))
    register_kind(EVENT_CANCELLED, _("Event cancelled"))
    register_kind(BOOTH_APPLICATION_DECIDED, _("Booth application decided"))
