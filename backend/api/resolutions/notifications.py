"""The notification kinds the resolutions domain sends, registered from ``ResolutionsConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from api.notifications.kinds import register_kind

RESOLUTION_UPDATED = "resolution_updated"
RESOLUTION_DUE_SOON = "resolution_due_soon"
RESOLUTION_OVERDUE = "resolution_overdue"


def register() -> None:
    # A written update is a written notice: it goes by e-mail too unless the follower opts out.
    register_kind(RESOLUTION_UPDATED, _("Written update on a resolution"))
    register_kind(RESOLUTION_DUE_SOON, _("Resolution due soon"))
    register_kind(RESOLUTION_OVERDUE, _("Resolution overdue"))
