from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.budget import errors
from api.budget.ledger import timestamp
from api.budget.models import (
    BudgetAmendment,
    BudgetCategory,
    BudgetEvidence,
    BudgetExecution,
    BudgetItem,
    BudgetItemStatus,
    BudgetLedgerEntry,
    BudgetProgramme,
    EvidenceKind,
    FundingSource,
)
from api.common.serializers import MAX_ID, IdField, IdListField, ModelSerializer, Serializer

# A trillion won (1조) per amount: far above any line of a city budget, far below 2^63.
MAX_AMOUNT = 10**15


# The statuses an item may start in (entered before or after its approval).
NEW_ITEM_STATUS_CHOICES = [
    (BudgetItemStatus.PLANNED.value, BudgetItemStatus.PLANNED.label),
    (BudgetItemStatus.APPROVED.value, BudgetItemStatus.APPROVED.label),
    (BudgetItemStatus.IN_PROGRESS.value, BudgetItemStatus.IN_PROGRESS.label),
]


class AmountField(serializers.IntegerField):
    """An amount in won: a JSON integer (``1.5``, ``"100"``, ``true`` and ``1e3`` are a 400 naming the field)."""

    default_error_messages = {"invalid": _("An amount is a whole number of won (a JSON integer).")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_AMOUNT)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class ProgrammeSerializer(ModelSerializer):
    class Meta:
        model = BudgetProgramme
        fields = ["id", "code", "name", "name_en", "position", "is_active"]
        read_only_fields = fields


class ProgrammeCreateInputSerializer(Serializer):
    code = serializers.SlugField(max_length=40)
    name = serializers.CharField(max_length=100)
    name_en = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    position = serializers.IntegerField(min_value=0, max_value=32767, required=False, default=0)


class ProgrammeUpdateInputSerializer(Serializer):
    name = serializers.CharField(max_length=100, required=False)
    name_en = serializers.CharField(max_length=100, required=False, allow_blank=True)
    position = serializers.IntegerField(min_value=0, max_value=32767, required=False)
    is_active = serializers.BooleanField(required=False)


class RecipientSerializer(Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()


class FundedEventSerializer(Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class EvidenceSerializer(ModelSerializer):
    """A link, or a file (``is_file``): then ``url`` is its download address under /media/ and
    ``sha256``, ``size`` and ``content_type`` describe it (null for a link)."""

    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    url = serializers.SerializerMethodField(help_text=_("The link, or the download address of the file."))
    is_file = serializers.BooleanField(read_only=True)
    filename = serializers.SerializerMethodField(help_text=_("The file's name as uploaded (sanitised)."))
    sha256 = serializers.SerializerMethodField(help_text=_("SHA-256 of the file, hex (as in the ledger)."))
    size = serializers.SerializerMethodField(help_text=_("Bytes."))
    content_type = serializers.SerializerMethodField()

    class Meta:
        model = BudgetEvidence
        fields = [
            "id",
            "kind",
            "kind_label",
            "title",
            "url",
            "is_file",
            "filename",
            "sha256",
            "size",
            "content_type",
            "execution",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, obj: BudgetEvidence) -> str:
        if not obj.file:
            return obj.url
        request = self.context.get("request")
        return request.build_absolute_uri(obj.file.url) if request is not None else obj.file.url

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_filename(self, obj: BudgetEvidence) -> str | None:
        return obj.filename if obj.file else None

    @extend_schema_field(serializers.CharField(allow_null=True, min_length=64, max_length=64))
    def get_sha256(self, obj: BudgetEvidence) -> str | None:
        return obj.sha256 if obj.file else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_size(self, obj: BudgetEvidence) -> int | None:
        return obj.size if obj.file else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_content_type(self, obj: BudgetEvidence) -> str | None:
        return obj.content_type if obj.file else None


class EvidenceInputSerializer(Serializer):
    kind = serializers.ChoiceField(choices=EvidenceKind.choices)
    title = serializers.CharField(max_length=200)
    url = serializers.URLField(max_length=500)


class EvidenceAddInputSerializer(EvidenceInputSerializer):
    execution_id = IdField(required=False, allow_null=True, default=None, help_text=_("An execution of this item."))


class FormIdField(serializers.IntegerField):
    """A row id in a multipart form, where every value is text: digits only (``1.5``, ``1e3``, ``-1``
    and ``2**70`` are a 400 naming the field); empty means none."""

    default_error_messages = {"invalid": _("An id is a whole number.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def validate_empty_values(self, data: Any) -> tuple[bool, Any]:
        if data == "" and self.allow_null:
            return (True, None)
        return super().validate_empty_values(data)

    def to_internal_value(self, data: Any) -> int:
        if not isinstance(data, str) or not re.fullmatch(r"[0-9]{1,19}", data):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class EvidenceUploadInputSerializer(Serializer):
    """multipart/form-data: the document itself instead of a link (a `url` is refused here)."""

    kind = serializers.ChoiceField(choices=EvidenceKind.choices)
    title = serializers.CharField(max_length=200)
    file = serializers.FileField(
        allow_empty_file=True,  # an empty file is refused by the document check, naming `file`
        help_text=_(
            "PDF, HWP, HWPX, XLSX, DOCX, PNG or JPEG, judged by its content; at most BUDGET_EVIDENCE_MAX_BYTES."
        ),
    )
    execution_id = FormIdField(required=False, allow_null=True, default=None, help_text=_("An execution of this item."))

    def to_internal_value(self, data: Any) -> Any:
        if hasattr(data, "get") and data.get("url") not in (None, ""):
            raise serializers.ValidationError(
                {"url": [_("Send either a link (…/evidence/) or a file (…/evidence/file/), not both.")]},
                code=errors.URL_AND_FILE,
            )
        return super().to_internal_value(data)


class ExecutionSerializer(ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    reversed_by = serializers.SerializerMethodField()
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = BudgetExecution
        fields = [
            "id",
            "item",
            "kind",
            "kind_label",
            "executed_on",
            "amount",
            "payee",
            "description",
            "reason",
            "reverses",
            "reversed_by",
            "evidence",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_reversed_by(self, obj: BudgetExecution) -> int | None:
        reversal = getattr(obj, "reversal", None)
        return reversal.pk if reversal is not None else None


class ExecutionCreateInputSerializer(Serializer):
    executed_on = serializers.DateField()
    amount = AmountField(min_value=1, help_text=_("Won, a whole number above 0."))
    payee = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    evidence = EvidenceInputSerializer(many=True, required=False, default=list, max_length=20)  # type: ignore[call-arg]  # DRF hands max_length to the ListSerializer of many=True

    def validate_evidence(self, value: list[Any]) -> list[Any]:
        if len(value) > 20:
            raise serializers.ValidationError(_("At most 20 documents."), code="max_length")
        return value


class ReasonInputSerializer(Serializer):
    reason = serializers.CharField(max_length=2000, help_text=_("Why (required; public)."))


class AmendmentSerializer(ModelSerializer):
    created_by_name = serializers.SerializerMethodField()

    class Meta:
        model = BudgetAmendment
        fields = ["id", "item", "old_amount", "new_amount", "reason", "created_by_name", "created_at"]
        read_only_fields = fields

    def get_created_by_name(self, obj: BudgetAmendment) -> str:
        return obj.created_by.display_name if obj.created_by is not None else ""


class AmendmentCreateInputSerializer(Serializer):
    new_amount = AmountField(help_text=_("The new allocation in won (not below what is executed)."))
    reason = serializers.CharField(max_length=2000)


class StatusInputSerializer(Serializer):
    status = serializers.ChoiceField(choices=BudgetItemStatus.choices)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class BudgetItemSerializer(ModelSerializer):
    programme = ProgrammeSerializer(read_only=True)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    funding_source_label = serializers.CharField(source="get_funding_source_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    remaining_amount = serializers.IntegerField(read_only=True)
    execution_rate = serializers.SerializerMethodField()
    recipient = RecipientSerializer(read_only=True, allow_null=True)
    events = FundedEventSerializer(many=True, read_only=True)

    class Meta:
        model = BudgetItem
        fields = [
            "id",
            "fiscal_year",
            "programme",
            "category",
            "category_label",
            "funding_source",
            "funding_source_label",
            "title",
            "description",
            "allocated_amount",
            "executed_amount",
            "remaining_amount",
            "execution_rate",
            "recipient",
            "recipient_kind",
            "district",
            "status",
            "status_label",
            "status_reason",
            "events",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_execution_rate(self, obj: BudgetItem) -> float | None:
        return round(obj.executed_amount / obj.allocated_amount, 4) if obj.allocated_amount else None


class BudgetItemDetailSerializer(BudgetItemSerializer):
    executions = ExecutionSerializer(many=True, read_only=True)
    amendments = AmendmentSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta(BudgetItemSerializer.Meta):
        fields = [*BudgetItemSerializer.Meta.fields, "executions", "amendments", "evidence"]
        read_only_fields = fields


class BudgetItemCreateInputSerializer(Serializer):
    fiscal_year = serializers.IntegerField(min_value=2000, max_value=2100)
    programme_id = IdField()
    category = serializers.ChoiceField(choices=BudgetCategory.choices)
    funding_source = serializers.ChoiceField(choices=FundingSource.choices)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    allocated_amount = AmountField(help_text=_("Won, a whole number (0 or more)."))
    recipient_id = IdField(required=False, allow_null=True, default=None, help_text=_("The recipient organisation."))
    event_ids = IdListField(required=False, default=list, help_text=_("Events this item funds."))
    status = serializers.ChoiceField(
        choices=NEW_ITEM_STATUS_CHOICES,
        required=False,
        default=BudgetItemStatus.PLANNED.value,
    )
    evidence = EvidenceInputSerializer(many=True, required=False, default=list, max_length=20)  # type: ignore[call-arg]  # DRF hands max_length to the ListSerializer of many=True

    def validate_evidence(self, value: list[Any]) -> list[Any]:
        if len(value) > 20:
            raise serializers.ValidationError(_("At most 20 documents."), code="max_length")
        return value


class BudgetItemUpdateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    programme_id = IdField(required=False)
    category = serializers.ChoiceField(choices=BudgetCategory.choices, required=False)
    funding_source = serializers.ChoiceField(choices=FundingSource.choices, required=False)
    recipient_id = IdField(required=False, allow_null=True)
    event_ids = IdListField(required=False)


class LedgerEntrySerializer(ModelSerializer):
    created_at = serializers.SerializerMethodField(
        help_text=_("UTC, with microseconds, exactly as hashed (e.g. 2015-03-02T01:00:00.000000+00:00).")
    )

    class Meta:
        model = BudgetLedgerEntry
        fields = ["id", "created_at", "item", "kind", "data", "prev_hash", "hash"]
        read_only_fields = fields
        extra_kwargs = {"data": {"help_text": _("What changed (its members depend on the kind).")}}

    def get_created_at(self, obj: BudgetLedgerEntry) -> str:
        return timestamp(obj.created_at)


class LedgerVerifySerializer(Serializer):
    intact = serializers.BooleanField()
    entries = serializers.IntegerField()
    head = serializers.CharField(allow_null=True)
    first_break = serializers.IntegerField(allow_null=True)


class SummaryLineSerializer(Serializer):
    key = serializers.JSONField(help_text=_("The group's code (programme id, category, year…)."))
    label = serializers.CharField()  # type: ignore[assignment]  # the member "label" shadows Field.label on purpose
    allocated = serializers.IntegerField()
    executed = serializers.IntegerField()
    remaining = serializers.IntegerField()
    execution_rate = serializers.FloatField(allow_null=True, help_text=_("executed / allocated, 0–1."))
    item_count = serializers.IntegerField()


class ProgrammeSummaryLineSerializer(SummaryLineSerializer):
    code = serializers.CharField()


class BudgetSummarySerializer(Serializer):
    year = serializers.IntegerField(allow_null=True)
    years = serializers.ListField(child=serializers.IntegerField())
    total = SummaryLineSerializer()
    by_programme = ProgrammeSummaryLineSerializer(many=True)
    by_category = SummaryLineSerializer(many=True)
    by_funding_source = SummaryLineSerializer(many=True)
    by_recipient_kind = SummaryLineSerializer(many=True)
    by_district = SummaryLineSerializer(many=True)
    by_year = SummaryLineSerializer(many=True)
