"""Serializers shared by every domain: the problem document and small building blocks."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


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
    errors = ProblemFieldErrorSerializer(many=True, required=False, help_text=_("Per-field errors (validation)."))
    retry_after = serializers.IntegerField(required=False, help_text=_("Seconds to wait before retrying (429)."))


class HealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["ok"], help_text="ok: the API and its database answer.")
