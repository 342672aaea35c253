"""The audit log's one table. Rows are only ever inserted (see the package docstring)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """The verbs the directory and events write. ``action`` is a plain text column (not bound to
    these choices) so that other domains add their own verbs without a migration."""

    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    ARCHIVE = "archive", _("Archived")
    RESTORE = "restore", _("Restored")
    VERIFY = "verify", _("Verified")
    REJECT = "reject", _("Rejected")
    DELETE = "delete", _("Deleted")
    CANCEL = "cancel", _("Cancelled")
    POSTPONE = "postpone", _("Postponed")
    RESCHEDULE = "reschedule", _("Rescheduled")
    WITHDRAW = "withdraw", _("Withdrawn")


class AuditEntry(models.Model):
    """One change to one object: who, when, what (``{field: [old, new]}``) and why.

    Append-only: the database refuses UPDATE and DELETE on this table (migration 0001). The actor
    is kept without a foreign-key constraint (and ``actor_label`` keeps their name), so removing a
    user account never has to touch the log.
    """

    created_at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (name at the time)"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object type"), max_length=80)
    object_id = models.CharField(_("object id"), max_length=64)
    object_label = models.CharField(_("object (name at the time)"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["object_type", "object_id", "-id"], name="audit_object_history"),
            models.Index(fields=["actor", "-id"], name="audit_actor"),
            models.Index(fields=["created_at"], name="audit_created_at"),
            models.Index(fields=["public", "object_type", "-id"], name="audit_public"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"
