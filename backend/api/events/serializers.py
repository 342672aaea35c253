from __future__ import annotations

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.common.serializers import IdField, IdListField, ModelSerializer, Serializer
from api.enterprises.selectors import ProductCategory
from api.events.models import (
    BoothApplication,
    BoothCategory,
    CalendarToken,
    Event,
    EventKind,
    EventSeries,
    Registration,
)
from api.events.selectors import waitlist_position
from api.events.services import MAX_HOSTS, MAX_ORGANISERS

TIME_ZONE = "Asia/Seoul"


class EventDateTimeField(serializers.DateTimeField):
    """ISO 8601; without an offset it means Asia/Seoul. Years 2000–2100 only (no overflow)."""

    def to_internal_value(self, value: Any) -> datetime:
        try:
            result = super().to_internal_value(value)
        except (OverflowError, OSError) as exc:
            raise serializers.ValidationError(_("Date and time out of range."), code="out_of_range") from exc
        if not 2000 <= result.year <= 2100:
            raise serializers.ValidationError(_("Use a date between 2000 and 2100."), code="out_of_range")
        return result


# --- Small nested shapes ---------------------------------------------------------------------------------


# Organisations and products are the directory's models: reached through the relation, never imported.
_ENTERPRISE_MODEL: Any = Event._meta.get_field("hosts").related_model
_PRODUCT_MODEL: Any = BoothApplication._meta.get_field("products").related_model


class HostSerializer(ModelSerializer):
    class Meta:
        model = _ENTERPRISE_MODEL
        fields = ["id", "slug", "name", "name_en"]
        read_only_fields = fields


class OrganiserSerializer(Serializer):
    id = serializers.IntegerField(read_only=True)
    display_name = serializers.CharField(read_only=True)


class ExhibitedProductSerializer(ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = _PRODUCT_MODEL
        fields = ["id", "name", "price", "category", "category_label"]
        read_only_fields = fields


class BoothCategorySerializer(ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    accepted_count = serializers.IntegerField(read_only=True, default=0)
    waitlisted_count = serializers.IntegerField(read_only=True, default=0)
    booths_left = serializers.SerializerMethodField()

    class Meta:
        model = BoothCategory
        fields = [
            "id",
            "category",
            "category_label",
            "name",
            "booths",
            "accepted_count",
            "waitlisted_count",
            "booths_left",
        ]
        read_only_fields = fields

    def get_booths_left(self, obj: BoothCategory) -> int:
        return max(obj.booths - getattr(obj, "accepted_count", 0), 0)


class ExhibitorSerializer(ModelSerializer):
    enterprise = HostSerializer(read_only=True)
    category = serializers.CharField(source="category.category", read_only=True)
    category_label = serializers.CharField(source="category.get_category_display", read_only=True)
    products = ExhibitedProductSerializer(source="product_list", many=True, read_only=True)

    class Meta:
        model = BoothApplication
        fields = ["enterprise", "category", "category_label", "products"]
        read_only_fields = fields


# --- Events ---------------------------------------------------------------------------------------------------


class EventSerializer(ModelSerializer):
    online_url = serializers.CharField(read_only=True, help_text=_("Link to join online; empty when there is none."))
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    time_zone = serializers.SerializerMethodField()
    hosts = HostSerializer(many=True, read_only=True)
    organisers = OrganiserSerializer(many=True, read_only=True)
    confirmed_count = serializers.IntegerField(read_only=True, default=0)
    waitlisted_count = serializers.IntegerField(read_only=True, default=0)
    seats_left = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "description",
            "kind",
            "kind_label",
            "starts_at",
            "ends_at",
            "time_zone",
            "venue_name",
            "venue_address",
            "online_url",
            "hosts",
            "organisers",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "status",
            "status_label",
            "status_reason",
            "cover_image",
            "series",
            "is_detached",
            "confirmed_count",
            "waitlisted_count",
            "seats_left",
            "sequence",
            "calendar_url",
            "created_at",
            "updated_at",
            "archived_at",
            "archive_reason",
        ]
        read_only_fields = fields

    def get_time_zone(self, obj: Event) -> str:
        return TIME_ZONE

    def get_seats_left(self, obj: Event) -> int | None:
        """Null when the event has no capacity limit."""
        if obj.capacity is None:
            return None
        return max(obj.capacity - getattr(obj, "confirmed_count", 0), 0)

    def get_calendar_url(self, obj: Event) -> str:
        return reverse("event-calendar", kwargs={"pk": obj.pk})


class MyRegistrationSerializer(ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    waitlist_position = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = ["id", "event", "status", "status_label", "waitlist_position", "queued_at", "confirmed_at"]
        read_only_fields = fields

    def get_waitlist_position(self, obj: Registration) -> int | None:
        """1-based place on the waiting list; null unless waitlisted."""
        if hasattr(obj, "waitlist_place"):  # read with the event's detail
            place: int | None = obj.waitlist_place
            return place
        return waitlist_position(obj)


class EventDetailSerializer(EventSerializer):
    # Loaded by ``selectors.event_detail_load`` (the views call it before serializing).
    hosts = HostSerializer(source="host_list", many=True, read_only=True)
    organisers = OrganiserSerializer(source="organiser_list", many=True, read_only=True)
    booth_categories = BoothCategorySerializer(source="booth_category_list", many=True, read_only=True)
    exhibitors = ExhibitorSerializer(many=True, read_only=True)
    my_registration = serializers.SerializerMethodField()

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "booth_categories", "exhibitors", "my_registration"]
        read_only_fields = fields

    @extend_schema_field(MyRegistrationSerializer(allow_null=True))
    def get_my_registration(self, obj: Event) -> dict[str, Any] | None:
        registration = getattr(obj, "my_registration", None)
        return MyRegistrationSerializer(registration).data if registration else None


class EventCreateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=EventKind.choices)
    starts_at = EventDateTimeField()
    ends_at = EventDateTimeField()
    venue_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    venue_address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    online_url = serializers.URLField(max_length=200, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(
        min_value=1, max_value=100000, required=False, allow_null=True, default=None, help_text=_("Empty: unlimited.")
    )
    registration_opens_at = EventDateTimeField(required=False, allow_null=True, default=None)
    registration_closes_at = EventDateTimeField(required=False, allow_null=True, default=None)
    host_ids = IdListField(
        max_length=MAX_HOSTS,
        required=False,
        default=list,
        help_text=_("Host organisations (verified ones). Members must include one of their own."),
    )
    organiser_ids = IdListField(
        max_length=MAX_ORGANISERS,
        required=False,
        default=list,
        help_text=_(
            "Users who manage the event besides its creator: each must be a member of a host organisation "
            "(or a coordinator)."
        ),
    )


class EventUpdateInputSerializer(EventCreateInputSerializer):
    """Every field optional (PATCH); fields sent replace the current values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.default = serializers.empty


class EventCancelInputSerializer(Serializer):
    reason = serializers.CharField(max_length=2000, help_text=_("Why; shown on the event and sent to registrants."))


class EventRescheduleInputSerializer(Serializer):
    starts_at = EventDateTimeField()
    ends_at = EventDateTimeField()


class CoverImageInputSerializer(Serializer):
    image = serializers.ImageField(help_text=_("PNG, JPEG or WebP, at most 5 MB."))


# --- Registrations ------------------------------------------------------------------------------------------


class RegistrationSerializer(MyRegistrationSerializer):
    pass


class AttendeeUserSerializer(Serializer):
    id = serializers.IntegerField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)


class AttendeeSerializer(ModelSerializer):
    user = AttendeeUserSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    waitlist_position = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = [
            "id",
            "user",
            "status",
            "status_label",
            "waitlist_position",
            "queued_at",
            "confirmed_at",
            "checked_in_at",
        ]
        read_only_fields = fields

    def get_waitlist_position(self, obj: Registration) -> int | None:
        """1-based place on the waiting list; null unless waitlisted."""
        return self.context.get("positions", {}).get(obj.pk)


# --- Series --------------------------------------------------------------------------------------------------------


class EventSeriesSerializer(ModelSerializer):
    online_url = serializers.CharField(read_only=True, help_text=_("Link to join online; empty when there is none."))
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    hosts = HostSerializer(many=True, read_only=True)
    organisers = OrganiserSerializer(many=True, read_only=True)
    occurrence_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = EventSeries
        fields = [
            "id",
            "title",
            "description",
            "kind",
            "kind_label",
            "recurrence_rule",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "online_url",
            "capacity",
            "hosts",
            "organisers",
            "occurrence_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class EventSeriesCreateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    kind = serializers.ChoiceField(choices=EventKind.choices)
    recurrence_rule = serializers.CharField(
        max_length=500,
        help_text=_("RFC 5545 RRULE value, e.g. FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA (weekly or less often)."),
    )
    starts_at = EventDateTimeField(help_text=_("Start of the first occurrence (DTSTART)."))
    ends_at = EventDateTimeField(help_text=_("End of the first occurrence (its length applies to all)."))
    venue_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    venue_address = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    online_url = serializers.URLField(max_length=200, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(min_value=1, max_value=100000, required=False, allow_null=True, default=None)
    host_ids = IdListField(max_length=MAX_HOSTS, required=False, default=list)
    organiser_ids = IdListField(max_length=MAX_ORGANISERS, required=False, default=list)


class EventSeriesUpdateInputSerializer(Serializer):
    """Edit the whole series (applies to future occurrences not edited on their own)."""

    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=EventKind.choices, required=False)
    venue_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    venue_address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    online_url = serializers.URLField(max_length=200, required=False, allow_blank=True)
    capacity = serializers.IntegerField(min_value=1, max_value=100000, required=False, allow_null=True)
    host_ids = IdListField(max_length=MAX_HOSTS, required=False)
    organiser_ids = IdListField(max_length=MAX_ORGANISERS, required=False)


# --- Booths ----------------------------------------------------------------------------------------------------------


class BoothCategoryCreateInputSerializer(Serializer):
    category = serializers.ChoiceField(choices=ProductCategory.choices)
    name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    booths = serializers.IntegerField(min_value=1, max_value=1000)


class BoothCategoryUpdateInputSerializer(Serializer):
    name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    booths = serializers.IntegerField(min_value=0, max_value=1000, required=False)


class BoothApplicationSerializer(ModelSerializer):
    enterprise = HostSerializer(read_only=True)
    category = serializers.CharField(source="category.category", read_only=True)
    category_id = serializers.IntegerField(read_only=True)
    products = ExhibitedProductSerializer(many=True, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = BoothApplication
        fields = [
            "id",
            "event",
            "category_id",
            "category",
            "enterprise",
            "products",
            "note",
            "status",
            "status_label",
            "decision_reason",
            "decided_at",
            "created_at",
        ]
        read_only_fields = fields


class BoothApplicationCreateInputSerializer(Serializer):
    category_id = IdField(help_text=_("A booth category of this event."))
    enterprise_id = IdField(help_text=_("The organisation you apply for (a verified one)."))
    product_ids = IdListField(required=False, default=list, max_length=30)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class BoothDecisionInputSerializer(Serializer):
    reason = serializers.CharField(max_length=2000, help_text=_("Why; sent to the applicant."))


# --- Calendar feeds ---------------------------------------------------------------------------------------------------


class CalendarTokenSerializer(ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = CalendarToken
        fields = ["url", "created_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_url(self, obj: CalendarToken) -> str:
        path = reverse("calendar-personal", kwargs={"token": obj.token})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
