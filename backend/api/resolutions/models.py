"""Resolutions: the meetings that take decisions, the decisions (who owns them, until when, in what
state), the written updates that follow them, the links to the work that carries them out, the
people who follow them and the reminders already sent.

Decisions are public and never deleted: a resolution ends ``done`` or ``dropped`` (with a reason);
written updates are append-only (a database trigger refuses UPDATE, see ``triggers.py``)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# Organisations ("enterprises.Enterprise") and events ("events.Event") belong to other domains:
# referenced by name, never imported.


class Meeting(models.Model):
    """A meeting that takes decisions (the 2015 workshop's breakout session, a quarterly council)."""

    title = models.CharField(_("title"), max_length=200)
    held_at = models.DateTimeField(_("held at"))
    event = models.ForeignKey(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("event")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes (Markdown)"), blank=True)
    minutes_html = models.TextField(_("minutes (HTML)"), blank=True)
    attendance_count = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    participants = models.ManyToManyField(
        "enterprises.Enterprise", related_name="+", blank=True, verbose_name=_("participating organisations")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-held_at", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [models.CheckConstraint(condition=~Q(title=""), name="meeting_title_not_empty")]
        indexes = [models.Index(fields=["held_at"])]

    def __str__(self) -> str:
        return self.title


class ResolutionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (ResolutionStatus.PROPOSED, ResolutionStatus.ACCEPTED, ResolutionStatus.IN_PROGRESS)
# The one workflow: forward one step, or dropped from any open state. Done and dropped are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    ResolutionStatus.PROPOSED: frozenset({ResolutionStatus.ACCEPTED, ResolutionStatus.DROPPED}),
    ResolutionStatus.ACCEPTED: frozenset({ResolutionStatus.IN_PROGRESS, ResolutionStatus.DROPPED}),
    ResolutionStatus.IN_PROGRESS: frozenset({ResolutionStatus.DONE, ResolutionStatus.DROPPED}),
    ResolutionStatus.DONE: frozenset(),
    ResolutionStatus.DROPPED: frozenset(),
}


class Resolution(models.Model):
    """One decision of a meeting.

    Owned by a responsible party: organisations (``responsible_enterprises``) and/or a named body
    (``responsible_body``, e.g. a city department), with an optional responsible person.
    ``carried_over_from`` is the same matter decided at an earlier meeting (a chain, never a loop);
    ``parent`` makes it a sub-resolution, whose parent's progress is rolled up from its children.
    ``last_update_at`` is the time of the latest written update (the "no update for N days" list).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="resolutions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    proposer = models.CharField(_("proposer"), max_length=200, blank=True)
    responsible_enterprises = models.ManyToManyField(
        "enterprises.Enterprise", related_name="+", blank=True, verbose_name=_("responsible organisations")
    )
    responsible_body = models.CharField(_("responsible body"), max_length=200, blank=True)
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ResolutionStatus.choices, default=ResolutionStatus.PROPOSED
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    carried_over_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="carried_over_to"
    )
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    last_update_at = models.DateTimeField(_("last written update"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="resolution_title_not_empty"),
            models.CheckConstraint(
                condition=~Q(status=ResolutionStatus.DROPPED) | ~Q(status_reason=""),
                name="resolution_dropped_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=ResolutionStatus.DONE) | Q(done_on__isnull=False),
                name="resolution_done_has_date",
            ),
            models.CheckConstraint(
                condition=Q(carried_over_from__isnull=True) | ~Q(carried_over_from=F("id")),
                name="resolution_not_carried_over_from_itself",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=F("id")), name="resolution_not_its_own_parent"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["status", "last_update_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def permission_enterprise_ids(self) -> list[int]:
        return [enterprise.pk for enterprise in self.responsible_enterprises.all()]


class ResolutionTag(models.Model):
    """A free tag of a resolution (``홍보``, ``예산``); the list filters on it."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("tag"), max_length=40)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "name"], name="resolution_tag_once"),
            models.CheckConstraint(condition=~Q(name=""), name="resolution_tag_not_empty"),
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class ResolutionUpdate(models.Model):
    """A dated, signed written update on a resolution, optionally changing its status.

    Append-only: corrections are new updates (the database refuses UPDATE on this table).
    ``signature`` is the author's name and the party they write for, frozen when written."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signature = models.CharField(_("signature"), max_length=300)
    written_on = models.DateField(_("dated"))
    body = models.TextField(_("text (Markdown)"))
    body_html = models.TextField(_("text (HTML)"))
    status_from = models.CharField(_("status before"), max_length=12, choices=ResolutionStatus.choices, blank=True)
    status_to = models.CharField(_("status after"), max_length=12, choices=ResolutionStatus.choices, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("written update")
        verbose_name_plural = _("written updates")
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="resolution_update_body_not_empty")]
        indexes = [models.Index(fields=["resolution", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.resolution_id}@{self.written_on}"


class ResolutionLink(models.Model):
    """A link from a resolution to the work that carries it out: ``(kind, target_id)`` where the kind
    is registered by the domain owning the target (``api.common.linking``)."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=40)
    target_id = models.BigIntegerField(_("target id"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "target_id", "id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "kind", "target_id"], name="resolution_link_once"),
            models.CheckConstraint(condition=Q(target_id__gte=1), name="resolution_link_target_positive"),
        ]
        indexes = [models.Index(fields=["kind", "target_id"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.target_id}"


class ResolutionFollow(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resolution", "user"], name="resolution_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id}→{self.resolution_id}"


class MeetingFollow(models.Model):
    """Following a meeting follows every resolution it took (now and later)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="meeting_follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id}→meeting {self.meeting_id}"


class AgendaItem(models.Model):
    """An item on a meeting's agenda. Overdue resolutions are put there automatically (``automatic``),
    once per meeting (database constraint)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="agenda_items")
    automatic = models.BooleanField(_("added automatically"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["meeting_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "resolution"], name="agenda_item_once_per_meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}:{self.resolution_id}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


class ResolutionReminder(models.Model):
    """A reminder already sent: one per resolution, kind and due date (database constraint), so the
    reminder command sends nothing twice; a new due date earns new reminders."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resolution", "kind", "due_date"], name="resolution_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution_id}:{self.kind}:{self.due_date}"
