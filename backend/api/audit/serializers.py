"""Output of the audit log (read-only: nothing writes an entry through the API)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.audit.models import AuditEntry
from api.common.serializers import ModelSerializer

_CHANGES_SCHEMA = {
    "type": "object",
    "description": "{필드: [이전 값, 새 값]} ({field: [old, new]}; null on the side where there was none)",
    "additionalProperties": {"type": "array", "minItems": 2, "maxItems": 2, "items": {}},
}


class AuditEntryPublicSerializer(ModelSerializer):
    """What anyone may read of a public entry (budget, resolutions): no user id, no request id."""

    changes = serializers.SerializerMethodField()

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "created_at",
            "actor_label",
            "action",
            "object_type",
            "object_id",
            "object_label",
            "changes",
            "reason",
        ]
        read_only_fields = fields

    @extend_schema_field(_CHANGES_SCHEMA)
    def get_changes(self, entry: AuditEntry) -> dict[str, Any]:
        return entry.changes


class AuditEntrySerializer(AuditEntryPublicSerializer):
    """A coordinator's view of an entry."""

    actor = serializers.IntegerField(source="actor_id", allow_null=True, read_only=True)

    class Meta(AuditEntryPublicSerializer.Meta):
        fields = [*AuditEntryPublicSerializer.Meta.fields, "actor", "request_id", "public"]
        read_only_fields = fields
