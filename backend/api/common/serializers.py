"""Serializers shared by every domain: the problem document and small building blocks."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# The largest id a 64-bit signed primary key holds (PostgreSQL bigint, SQLite INTEGER).
MAX_ID = 2**63 - 1


class IdField(serializers.IntegerField):
    """A row id in a request body: a JSON integer from 1 to 2^63-1.

    Every id and id-list field of every domain uses it (``IdField()``, ``IdListField()``), so
    ``1.5``, ``"1"``, ``true`` and ``2**70`` are a 400 naming the field, never a wrong row or a
    database overflow (500).
    """

    default_error_messages = {
        "invalid": _("An id is a whole number (a JSON integer)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return int(super().to_internal_value(data))


class IdListField(serializers.ListField):
    """A list of distinct-or-not row ids (``IdField`` each), at most ``max_length`` of them."""

    child = IdField()

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)


class OrganisationSummarySerializer(serializers.Serializer):
    """An organisation as the other domains show it (a post's author organisation, a decision's
    owners): its id, its slug for the directory's page and its names."""

    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class PersonSerializer(serializers.Serializer):
    """A person as the public sees them: never an e-mail address."""

    id = serializers.IntegerField(read_only=True)
    display_name = serializers.CharField(read_only=True)


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True, help_text=_("Field path (a.b, items[0].name); null when the error concerns no single field.")
    )
    code = serializers.CharField(help_text=_("Stable snake_case code of this error."))
    message = serializers.CharField(help_text=_("Human-readable message in the request's language."))


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, the body of every error response."""

    type = serializers.CharField(help_text=_("URI identifying the problem type (urn:sehub:problem:<code>)."))
    title = serializers.CharField(help_text=_("Short summary of the problem type."))
    status = serializers.IntegerField(help_text=_("HTTP status code."))
    detail = serializers.CharField(help_text=_("Explanation specific to this occurrence."))
    code = serializers.CharField(help_text=_("Stable snake_case error code clients can switch on."))
    instance = serializers.CharField(required=False, help_text=_("Path of the request that failed."))
    errors = ProblemFieldErrorSerializer(many=True, required=False, help_text=_("Per-field errors (validation)."))  # type: ignore[assignment]  # the problem member "errors" shadows Serializer.errors on purpose
    retry_after = serializers.IntegerField(required=False, help_text=_("Seconds to wait before retrying (429)."))


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok"], help_text="ok: the API and its database answer.")
