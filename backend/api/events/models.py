"""Events: fairs, workshops and member days; series of them; registrations with a waiting list;
exhibitor booths at the fair; private calendar-feed tokens."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from api.enterprises.selectors import ProductCategory

# Organisations ("enterprises.Enterprise") and products ("enterprises.Product") belong to the
# directory: referenced by name, never imported.


class EventKind(models.TextChoices):
    FAIR = "fair", _("Social economy fair")  # 사회적경제 한마당
    WORKSHOP = "workshop", _("Workshop")
    EDUCATION = "education", _("Education")
    MEMBERS_DAY = "members_day", _("Members' day")
    NETWORKING = "networking", _("Networking and retreat")
    MARKET = "market", _("Market")
    MEETING = "meeting", _("Meeting")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class EventSeries(models.Model):
    """A recurring event defined by an RFC 5545 recurrence rule (``FREQ=MONTHLY;BYDAY=2SA``).

    Its occurrences are real ``Event`` rows (materialised up to a horizon by the services), each
    registered for on its own. The fields below are the template copied to every occurrence;
    ``starts_at``/``ends_at`` are those of the first occurrence (DTSTART and its length).
    """

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    recurrence_rule = models.CharField(_("recurrence rule"), max_length=500)
    starts_at = models.DateTimeField(_("first start"))
    ends_at = models.DateTimeField(_("first end"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    # Occurrences up to here exist (or were deleted on purpose): extending never re-creates them.
    materialised_until = models.DateTimeField(_("occurrences created until"), null=True, blank=True)
    hosts = models.ManyToManyField(
        "enterprises.Enterprise", related_name="event_series", blank=True, verbose_name=_("hosts")
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organised_event_series", blank=True, verbose_name=_("organisers")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_series_ends_after_start"),
            models.CheckConstraint(condition=~Q(title=""), name="event_series_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def permission_enterprise_ids(self) -> list[int]:
        return [host.pk for host in self.hosts.all()]


class Event(models.Model):
    """One event, standalone or an occurrence of a series.

    ``capacity`` null means unlimited. Registration is open between ``registration_opens_at``
    (null: as soon as it is published) and ``registration_closes_at`` (null: until it starts).
    ``sequence`` is the iCalendar SEQUENCE, bumped on every change calendar apps should notice.
    An occurrence edited on its own is ``is_detached``: edits of the whole series leave it alone.
    """

    series = models.ForeignKey(
        EventSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="occurrences"
    )
    is_detached = models.BooleanField(_("edited apart from its series"), default=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    cover_image = models.ImageField(_("cover image"), upload_to="events/covers/", blank=True)
    hosts = models.ManyToManyField(
        "enterprises.Enterprise", related_name="hosted_events", blank=True, verbose_name=_("hosts")
    )
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organised_events", blank=True, verbose_name=_("organisers")
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    # Archived (soft-deleted) rows are hidden from everyone but coordinators; a coordinator restores them.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archive_reason = models.TextField(_("reason for archiving"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="event_registration_window_ordered",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="event_title_not_empty"),
            models.UniqueConstraint(
                fields=["series", "starts_at"],
                condition=Q(series__isnull=False),
                name="event_one_occurrence_per_series_start",
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["kind", "starts_at"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def permission_enterprise_ids(self) -> list[int]:
        return [host.pk for host in self.hosts.all()]


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """One person's place at one event (a database constraint allows one row per person and event).

    The waiting list is ordered by ``(queued_at, id)``; a cancelled row is reused, with a new
    ``queued_at``, when the person registers again.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(_("registered at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["event_id", "queued_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_one_per_user_and_event"),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="registration_event_queue")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.event_id}:{self.status}"


class BoothCategory(models.Model):
    """A kind of exhibitor booth at an event (food, crafts, …) and how many there are."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="booth_categories")
    category = models.CharField(_("category"), max_length=20, choices=ProductCategory.choices)
    name = models.CharField(_("name"), max_length=120, blank=True)
    booths = models.PositiveIntegerField(_("number of booths"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["event_id", "category", "id"]
        verbose_name = _("booth category")
        verbose_name_plural = _("booth categories")
        constraints = [
            models.UniqueConstraint(fields=["event", "category"], name="booth_category_one_per_event_and_category"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}:{self.category}"

    def permission_enterprise_ids(self) -> list[int]:
        return [host.pk for host in self.event.hosts.all()]


class BoothApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class BoothApplication(models.Model):
    """An organisation's application for a booth in one category of an event.

    One per organisation and event (database constraint). Accepting never exceeds the category's
    booths: beyond them the application is waitlisted, ordered by ``(queued_at, id)``.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="booth_applications")
    category = models.ForeignKey(BoothCategory, on_delete=models.CASCADE, related_name="applications")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="booth_applications"
    )
    products = models.ManyToManyField("enterprises.Product", related_name="booth_applications", blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BoothApplicationStatus.choices, default=BoothApplicationStatus.PENDING
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["event_id", "created_at", "id"]
        verbose_name = _("booth application")
        verbose_name_plural = _("booth applications")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "enterprise"], name="booth_application_one_per_enterprise_and_event"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}@{self.event_id}:{self.status}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a user's personal calendar-feed URL. Rotating replaces it (the old URL dies)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"calendar token of {self.user_id}"
