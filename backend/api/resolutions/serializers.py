from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.common.richtext import MAX_MARKDOWN_LENGTH
from api.common.serializers import (
    IdField,
    IdListField,
    ModelSerializer,
    OrganisationSummarySerializer,
    PersonSerializer,
    Serializer,
)
from api.resolutions import selectors
from api.resolutions.models import Meeting, Resolution, ResolutionLink, ResolutionStatus, ResolutionUpdate
from api.resolutions.services import can_write_update

# Organisations are the directory's model: reached through the relation, never imported.


class DateInRangeField(serializers.DateField):
    """ISO date between 2000 and 2100 (no overflow, no typo in the year)."""

    def to_internal_value(self, value: Any) -> Any:
        result = super().to_internal_value(value)
        if not 2000 <= result.year <= 2100:
            raise serializers.ValidationError(_("Use a date between 2000 and 2100."), code="out_of_range")
        return result


class DateTimeInRangeField(serializers.DateTimeField):
    def to_internal_value(self, value: Any) -> Any:
        try:
            result = super().to_internal_value(value)
        except (OverflowError, OSError) as exc:
            raise serializers.ValidationError(_("Date and time out of range."), code="out_of_range") from exc
        if not 2000 <= result.year <= 2100:
            raise serializers.ValidationError(_("Use a date between 2000 and 2100."), code="out_of_range")
        return result


class MeetingSummarySerializer(ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "title", "held_at"]
        read_only_fields = fields


class ResolutionSummarySerializer(ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Resolution
        fields = ["id", "title", "status", "status_label", "due_date"]
        read_only_fields = fields


class ChainItemSerializer(ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    meeting = MeetingSummarySerializer(read_only=True)

    class Meta:
        model = Resolution
        fields = ["id", "title", "status", "status_label", "due_date", "meeting"]
        read_only_fields = fields


class LinkSerializer(ModelSerializer):
    """A link and what it points at now (``title``/``path`` null when the target is gone or its kind
    is not installed)."""

    kind_label = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    path = serializers.SerializerMethodField()

    class Meta:
        model = ResolutionLink
        fields = ["id", "kind", "kind_label", "target_id", "title", "path"]
        read_only_fields = fields

    def _target(self, obj: ResolutionLink) -> Any:
        targets = self.context.get("link_targets") or {}
        return targets.get((obj.kind, obj.target_id))

    def get_kind_label(self, obj: ResolutionLink) -> str:
        kinds = {k["key"]: k["label"] for k in selectors.link_kind_list()}
        return kinds.get(obj.kind, obj.kind)

    @extend_schema_field({"type": "string", "nullable": True, "maxLength": 200})
    def get_title(self, obj: ResolutionLink) -> str | None:
        target = self._target(obj)
        return target.title if target else None

    @extend_schema_field({"type": "string", "nullable": True, "maxLength": 300})
    def get_path(self, obj: ResolutionLink) -> str | None:
        target = self._target(obj)
        return target.path if target else None


class ResolutionSerializer(ModelSerializer):
    meeting = MeetingSummarySerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    responsible_enterprises = OrganisationSummarySerializer(many=True, read_only=True)
    responsible_person = PersonSerializer(read_only=True, allow_null=True)
    tags = serializers.SerializerMethodField()
    is_overdue = serializers.BooleanField(read_only=True, default=False)
    is_following = serializers.BooleanField(read_only=True, default=False)
    children_count = serializers.IntegerField(read_only=True, default=0)
    children_done = serializers.IntegerField(read_only=True, default=0)
    update_count = serializers.IntegerField(read_only=True, default=0)
    progress = serializers.SerializerMethodField(help_text=_("Percent done, rolled up from sub-resolutions."))

    class Meta:
        model = Resolution
        fields = [
            "id",
            "meeting",
            "title",
            "description",
            "proposer",
            "responsible_enterprises",
            "responsible_body",
            "responsible_person",
            "due_date",
            "tags",
            "status",
            "status_label",
            "status_reason",
            "status_changed_at",
            "done_on",
            "is_overdue",
            "carried_over_from",
            "parent",
            "children_count",
            "children_done",
            "progress",
            "update_count",
            "last_update_at",
            "is_following",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "array", "items": {"type": "string", "maxLength": 40}})
    def get_tags(self, obj: Resolution) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    def get_progress(self, obj: Resolution) -> int:
        return selectors.progress_of(obj)


class ResolutionDetailSerializer(ResolutionSerializer):
    children = ResolutionSummarySerializer(many=True, read_only=True)
    links = LinkSerializer(many=True, read_only=True)
    carried_over_chain = serializers.SerializerMethodField(
        help_text=_("Earlier resolutions of the same matter, newest first.")
    )
    chain_length = serializers.SerializerMethodField(
        help_text=_("How many meetings took up this matter (1 when it was never carried over).")
    )
    carried_over_to = serializers.SerializerMethodField(help_text=_("Later resolutions carrying this one over."))
    can_write = serializers.SerializerMethodField(
        help_text=_("Whether you may post written updates and change links (the responsible party, coordinators).")
    )

    class Meta(ResolutionSerializer.Meta):
        fields = [
            *ResolutionSerializer.Meta.fields,
            "children",
            "links",
            "carried_over_chain",
            "chain_length",
            "carried_over_to",
            "can_write",
        ]
        read_only_fields = fields

    def _chain(self, obj: Resolution) -> list[Resolution]:
        cached = getattr(obj, "_chain", None)
        if cached is None:
            cached = selectors.carried_over_chain(resolution=obj)
            obj._chain = cached  # type: ignore[attr-defined]  # memo for the two fields below
        return cached

    @extend_schema_field(ChainItemSerializer(many=True))
    def get_carried_over_chain(self, obj: Resolution) -> Any:
        return ChainItemSerializer(self._chain(obj), many=True).data

    def get_chain_length(self, obj: Resolution) -> int:
        return len(self._chain(obj)) + 1

    @extend_schema_field(ChainItemSerializer(many=True))
    def get_carried_over_to(self, obj: Resolution) -> Any:
        return ChainItemSerializer(selectors.carried_over_to(resolution=obj), many=True).data

    def get_can_write(self, obj: Resolution) -> bool:
        request = self.context.get("request")
        return can_write_update(getattr(request, "user", None), obj)

    def to_representation(self, instance: Resolution) -> Any:
        if "link_targets" not in self.context:
            self.context["link_targets"] = selectors.link_targets(links=instance.links.all())
        return super().to_representation(instance)


class ResolutionUpdateSerializer(ModelSerializer):
    author = PersonSerializer(read_only=True)
    status_from_label = serializers.SerializerMethodField()
    status_to_label = serializers.SerializerMethodField()

    class Meta:
        model = ResolutionUpdate
        fields = [
            "id",
            "resolution",
            "author",
            "signature",
            "written_on",
            "body",
            "body_html",
            "status_from",
            "status_from_label",
            "status_to",
            "status_to_label",
            "created_at",
        ]
        read_only_fields = fields

    def get_status_from_label(self, obj: ResolutionUpdate) -> str:
        return str(ResolutionStatus(obj.status_from).label) if obj.status_from else ""

    def get_status_to_label(self, obj: ResolutionUpdate) -> str:
        return str(ResolutionStatus(obj.status_to).label) if obj.status_to else ""


class AgendaItemSerializer(Serializer):
    id = serializers.IntegerField(read_only=True)
    automatic = serializers.BooleanField(read_only=True)
    resolution = ChainItemSerializer(read_only=True)


class MeetingSerializer(ModelSerializer):
    participants = OrganisationSummarySerializer(many=True, read_only=True)
    event = serializers.SerializerMethodField()
    resolution_count = serializers.IntegerField(read_only=True, default=0)
    done_count = serializers.IntegerField(read_only=True, default=0)
    is_following = serializers.BooleanField(read_only=True, default=False)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "held_at",
            "event",
            "agenda",
            "attendance_count",
            "participants",
            "resolution_count",
            "done_count",
            "is_following",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"id": {"type": "integer"}, "title": {"type": "string"}},
            "required": ["id", "title"],
        }
    )
    def get_event(self, obj: Meeting) -> dict[str, Any] | None:
        if obj.event is None:
            return None
        return {"id": obj.event.pk, "title": obj.event.title}


class MeetingDetailSerializer(MeetingSerializer):
    resolutions = ResolutionSerializer(many=True, read_only=True)
    agenda_items = AgendaItemSerializer(many=True, read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "minutes", "minutes_html", "resolutions", "agenda_items"]
        read_only_fields = fields


# --- Input -----------------------------------------------------------------------------------------------


class MeetingCreateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200)
    held_at = DateTimeInRangeField()
    event_id = IdField(required=False, allow_null=True, default=None, help_text=_("The event it was held at."))
    agenda = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    minutes = serializers.CharField(max_length=MAX_MARKDOWN_LENGTH, required=False, allow_blank=True, default="")
    attendance_count = serializers.IntegerField(min_value=0, max_value=100000, required=False, allow_null=True)
    participant_ids = IdListField(required=False, default=list, max_length=200)


class MeetingUpdateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200, required=False)
    held_at = DateTimeInRangeField(required=False)
    event_id = IdField(required=False, allow_null=True)
    agenda = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    minutes = serializers.CharField(max_length=MAX_MARKDOWN_LENGTH, required=False, allow_blank=True)
    attendance_count = serializers.IntegerField(min_value=0, max_value=100000, required=False, allow_null=True)
    participant_ids = IdListField(required=False, max_length=200)


class TagListField(serializers.ListField):
    child = serializers.CharField(max_length=40)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)


class ResolutionCreateInputSerializer(Serializer):
    meeting_id = IdField()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    proposer = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    responsible_enterprise_ids = IdListField(required=False, default=list, max_length=20)
    responsible_body = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text=_("A named body: a city department.")
    )
    responsible_person_id = IdField(required=False, allow_null=True, default=None)
    due_date = DateInRangeField(required=False, allow_null=True, default=None)
    tags = TagListField(required=False, default=list)
    carried_over_from_id = IdField(required=False, allow_null=True, default=None)
    parent_id = IdField(required=False, allow_null=True, default=None)


class ResolutionUpdateInputSerializer(Serializer):
    """PATCH of a resolution (what it says; its status moves through written updates)."""

    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    proposer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    responsible_enterprise_ids = IdListField(required=False, max_length=20)
    responsible_body = serializers.CharField(max_length=200, required=False, allow_blank=True)
    responsible_person_id = IdField(required=False, allow_null=True)
    due_date = DateInRangeField(required=False, allow_null=True)
    tags = TagListField(required=False)
    carried_over_from_id = IdField(required=False, allow_null=True)
    parent_id = IdField(required=False, allow_null=True)


class WrittenUpdateCreateInputSerializer(Serializer):
    body = serializers.CharField(max_length=MAX_MARKDOWN_LENGTH, help_text=_("Markdown; the reason when dropping."))
    written_on = DateInRangeField(required=False, allow_null=True, default=None, help_text=_("Default: today."))
    status = serializers.ChoiceField(
        choices=ResolutionStatus.choices,
        required=False,
        help_text=_("Move the resolution to this status (one step along its workflow, or dropped)."),
    )


class LinkCreateInputSerializer(Serializer):
    kind = serializers.CharField(max_length=40, help_text=_("A registered link kind (see link-kinds)."))
    target_id = IdField()


class FromCollaborationInputSerializer(Serializer):
    collaboration_id = IdField()
    meeting_id = IdField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    due_date = DateInRangeField(required=False, allow_null=True, default=None)


# --- Accountability --------------------------------------------------------------------------------------


class StatusCountsSerializer(Serializer):
    proposed = serializers.IntegerField()
    accepted = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    done = serializers.IntegerField()
    dropped = serializers.IntegerField()
    overdue = serializers.IntegerField()


class PartyCountsSerializer(Serializer):
    party = serializers.CharField(help_text=_("Organisation name or named body."))
    enterprise_id = serializers.IntegerField(allow_null=True, help_text=_("The organisation, when the party is one."))
    enterprise_slug = serializers.CharField(allow_null=True)
    total = serializers.IntegerField()
    open = serializers.IntegerField()
    done = serializers.IntegerField()
    done_on_time = serializers.IntegerField()
    overdue = serializers.IntegerField()
    dropped = serializers.IntegerField()
    on_time_share = serializers.FloatField(allow_null=True, help_text=_("Share of its resolutions done on time (0–1)."))


class ResolutionStatsSerializer(Serializer):
    by_status = StatusCountsSerializer()
    by_party = PartyCountsSerializer(many=True)


class PromisesMeetingSerializer(Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    held_at = serializers.DateTimeField()
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    done_on_time = serializers.IntegerField()
    dropped = serializers.IntegerField()
    overdue = serializers.IntegerField()
    kept_share = serializers.FloatField(allow_null=True)


class PromisesYearSerializer(Serializer):
    year = serializers.IntegerField()
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    done_on_time = serializers.IntegerField()
    dropped = serializers.IntegerField()
    overdue = serializers.IntegerField()
    kept_share = serializers.FloatField(allow_null=True)


class PromisesKeptSerializer(Serializer):
    by_meeting = PromisesMeetingSerializer(many=True)
    by_year = PromisesYearSerializer(many=True)


class LinkKindSerializer(Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label" shadows Field.label
