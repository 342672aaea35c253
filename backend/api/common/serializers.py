"""Serializers shared by every domain: the strict base classes, the problem document and small
building blocks.

Every serializer of every domain derives from ``Serializer`` or ``ModelSerializer`` below (a test in
``tests/test_architecture.py`` checks it), so a JSON value of the wrong type is refused before any
field converts it: DRF on its own reads ``"display_name": 0`` as ``"0"``, ``"capacity": "5"`` as 5
and ``"latitude": "37.6"`` as a number, which the spec does not allow (schemathesis'
``negative_data_rejection``).
"""

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, PrimaryKeyRelatedField, SlugRelatedField
from rest_framework.utils import html

# The largest id a 64-bit signed primary key holds (PostgreSQL bigint, SQLite INTEGER).
MAX_ID = 2**63 - 1


def _json_type(value: Any) -> str:
    """The JSON type name of a parsed JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _choice_type(field: serializers.ChoiceField) -> str | None:
    keys = list(field.choices)
    if keys and all(isinstance(key, str) for key in keys):
        return "string"
    if keys and all(isinstance(key, int) and not isinstance(key, bool) for key in keys):
        return "integer"
    return None


def expected_json_type(field: serializers.Field) -> str | None:
    """The JSON type the spec gives ``field`` in a request body, or None when any type may do.

    Order matters: the checks go from the most specific DRF class to the most general one.
    """
    if isinstance(field, serializers.MultipleChoiceField | serializers.ListField | ManyRelatedField):
        return "array"
    if isinstance(field, serializers.ListSerializer):
        return "array"
    if isinstance(field, serializers.BooleanField):
        return "boolean"
    if isinstance(field, serializers.ChoiceField):
        return _choice_type(field)
    if isinstance(
        field,
        serializers.CharField
        | serializers.DateField
        | serializers.DateTimeField
        | serializers.TimeField
        | serializers.DurationField
        | serializers.UUIDField
        | SlugRelatedField,
    ):
        return "string"
    if isinstance(field, serializers.IntegerField | PrimaryKeyRelatedField):
        return "integer"
    if isinstance(field, serializers.FloatField | serializers.DecimalField):
        return "number"
    if isinstance(field, serializers.DictField | serializers.BaseSerializer):
        return "object"
    return None  # JSONField, files, method fields: no single JSON type


def _type_matches(expected: str, value: Any) -> bool:
    actual = _json_type(value)
    if expected == "number":
        return actual in ("integer", "number")
    return actual == expected


_WRONG_TYPE = _("Expected a JSON %(expected)s, got a JSON %(actual)s.")
_TYPE_LABELS = {
    "string": _("string"),
    "integer": _("integer"),
    "number": _("number"),
    "boolean": _("boolean (true/false)"),
    "array": _("array"),
    "object": _("object"),
    "null": _("null"),
}


def _type_label(name: str) -> str:
    return str(_TYPE_LABELS.get(name, name))


def json_type_errors(field: serializers.Field, value: Any) -> list[str] | dict[int, list[str]] | None:
    """Why ``value`` cannot be read by ``field`` as the spec declares it, or None when it can.

    ``null`` is left to the field (``allow_null``). Items of a list field are checked one by one
    (the error names the index, ``tags[2]``); nested serializers check their own fields.
    """
    if value is None:
        return None
    expected = expected_json_type(field)
    if expected is None:
        return None
    if not _type_matches(expected, value):
        return [str(_WRONG_TYPE % {"expected": _type_label(expected), "actual": _type_label(_json_type(value))})]
    child = getattr(field, "child", None) if isinstance(field, serializers.ListField) else None
    if child is not None and isinstance(value, list):
        errors = {}
        for index, item in enumerate(value):
            item_errors = json_type_errors(child, item)
            if item_errors:
                errors[index] = item_errors if isinstance(item_errors, list) else [str(item_errors)]
        return errors or None
    return None


def json_type_problems(serializer: serializers.Serializer, data: Any) -> dict[str, Any]:
    """The fields of a JSON body whose value is not of the field's type, with their errors.

    Only JSON bodies are checked: a multipart form or a query string carries nothing but strings,
    which the fields convert as usual.
    """
    if not isinstance(data, Mapping) or html.is_html_input(data):
        return {}
    errors: dict[str, Any] = {}
    for field in serializer._writable_fields:
        name = str(field.field_name)
        if name in data:
            problem = json_type_errors(field, data[name])
            if problem:
                errors[name] = _as_detail(problem)
    return errors


def strict_to_internal_value(serializer: serializers.Serializer, data: Any, convert: Callable[[Any], Any]) -> Any:
    """``convert(data)`` (the serializer's own ``to_internal_value``) with JSON types enforced.

    A value of the wrong type is a 400 ``invalid_type`` naming the field; the other fields are
    still validated, so one answer lists every problem of the body.
    """
    wrong = json_type_problems(serializer, data)
    if not wrong:
        return convert(data)
    rest = {key: value for key, value in data.items() if key not in wrong}
    try:
        convert(rest)
    except serializers.ValidationError as exc:
        if isinstance(exc.detail, dict):
            wrong = {**{k: v for k, v in exc.detail.items() if k not in wrong}, **wrong}
    raise serializers.ValidationError(wrong)


def _as_detail(problem: list[str] | dict[int, list[str]]) -> Any:
    if isinstance(problem, list):
        return [serializers.ErrorDetail(message, code="invalid_type") for message in problem]
    return {index: _as_detail(messages) for index, messages in problem.items()}


# The bases of every serializer of the API: JSON types checked before conversion. (Comments, not
# docstrings: a docstring would be inherited as the description of every schema without its own.)
class Serializer(serializers.Serializer):
    strict_json_types = True

    def to_internal_value(self, data: Any) -> Any:
        return strict_to_internal_value(self, data, super().to_internal_value)


class ModelSerializer(serializers.ModelSerializer):
    strict_json_types = True

    def to_internal_value(self, data: Any) -> Any:
        return strict_to_internal_value(self, data, super().to_internal_value)

    # A read-only choice of a model field that may be blank ("" when a post has no status) keeps
    # allow_blank, which DRF drops for read-only fields, so the spec's enum admits the "" it sends.
    def include_extra_kwargs(
        self, kwargs: MutableMapping[str, Any], extra_kwargs: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        allow_blank = kwargs.get("allow_blank", False)
        result = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank and result.get("read_only") and "choices" in result:
            result["allow_blank"] = True
        return result


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


class OrganisationSummarySerializer(Serializer):
    """An organisation as the other domains show it (a post's author organisation, a decision's
    owners): its id, its slug for the directory's page and its names."""

    id = serializers.IntegerField(read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class PersonSerializer(Serializer):
    """A person as the public sees them: never an e-mail address."""

    id = serializers.IntegerField(read_only=True)
    display_name = serializers.CharField(read_only=True)


class ProblemFieldErrorSerializer(Serializer):
    field = serializers.CharField(
        allow_null=True, help_text=_("Field path (a.b, items[0].name); null when the error concerns no single field.")
    )
    code = serializers.CharField(help_text=_("Stable snake_case code of this error."))
    message = serializers.CharField(help_text=_("Human-readable message in the request's language."))


class ProblemSerializer(Serializer):
    """RFC 9457 problem details, the body of every error response."""

    type = serializers.CharField(help_text=_("URI identifying the problem type (urn:sehub:problem:<code>)."))
    title = serializers.CharField(help_text=_("Short summary of the problem type."))
    status = serializers.IntegerField(help_text=_("HTTP status code."))
    detail = serializers.CharField(help_text=_("Explanation specific to this occurrence."))
    code = serializers.CharField(help_text=_("Stable snake_case error code clients can switch on."))
    instance = serializers.CharField(required=False, help_text=_("Path of the request that failed."))
    errors = ProblemFieldErrorSerializer(many=True, required=False, help_text=_("Per-field errors (validation)."))  # type: ignore[assignment]  # the problem member "errors" shadows Serializer.errors on purpose
    retry_after = serializers.IntegerField(required=False, help_text=_("Seconds to wait before retrying (429, 503)."))


class HealthSerializer(Serializer):
    status = serializers.ChoiceField(
        choices=["ok", "degraded"],
        help_text=_("ok: the API, its database and its cache answer; degraded: the cache does not (still serving)."),
    )
    database = serializers.ChoiceField(choices=["ok"], help_text=_("ok: the database answers (otherwise 503)."))
    cache = serializers.ChoiceField(
        choices=["ok", "unavailable"],
        help_text=_("unavailable: throttles let requests through and no response is cached until it answers again."),
    )
