"""Filter backends shared by every list endpoint, and the base of every domain's filterset."""

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django_filters import fields as filter_fields
from rest_framework import filters

from api.common.errors import validation_error
from api.common.parsers import normalize_text

# The database's integer range (PostgreSQL bigint; SQLite refuses anything wider with OverflowError).
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
# Longest free-text query parameter (SQLite refuses LIKE patterns over 50,000 characters).
MAX_QUERY_TEXT = 200


def _model_field(model: type[models.Model] | None, path: str) -> models.Field | None:
    """The model field at the end of ``a__b__c`` (lookups such as ``__date__gte`` ignored)."""
    field: Any = None
    for part in path.split("__"):
        if model is None:
            return field
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return field
        model = field.related_model if field.is_relation else None
    return field


def _is_integer_field(field: models.Field | None) -> bool:
    if field is None:
        return False
    if field.is_relation:
        target = getattr(field, "target_field", None)
        return _is_integer_field(target) if target is not None else False
    return isinstance(field, models.IntegerField | models.AutoField)


def _integer_key(value: Any) -> int:
    """The integer a primary-key query value stands for, or a ValidationError (never an overflow)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(_("Enter a whole number."), code="invalid") from None
    if not INT64_MIN <= number <= INT64_MAX:
        raise ValidationError(_("The number is out of range."), code="out_of_range")
    return number


class _IntegerKeyMixin:
    def _key_is_integer(self) -> bool:
        queryset = self.queryset  # type: ignore[attr-defined]  # a mixin of ModelChoiceFilter
        key = self.to_field_name or "pk"  # type: ignore[attr-defined]  # a mixin of ModelChoiceFilter
        field = queryset.model._meta.pk if key == "pk" else _model_field(queryset.model, key)
        return _is_integer_field(field)


class BoundedModelChoiceField(_IntegerKeyMixin, filter_fields.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and self._key_is_integer():
            value = _integer_key(value)
        return super().to_python(value)


class BoundedModelMultipleChoiceField(_IntegerKeyMixin, filter_fields.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        if self._key_is_integer():
            value = [v if v == self.null_value else _integer_key(v) for v in value]
        return super()._check_values(value)


class FilterSet(django_filters.FilterSet):
    """Base of every domain's filterset: no query value can overflow the database or its LIKE.

    - a number filter on an integer column (ids, foreign keys, counts) takes whole numbers only
      (``1.5`` and ``1e20`` are a 400 naming the parameter, not a silent ``1`` or an overflow);
    - every number filter is bounded to the 64-bit range unless it sets narrower bounds;
    - model choice filters check that an integer key fits before they query;
    - free-text filters are at most ``MAX_QUERY_TEXT`` characters unless they set ``max_length``,
      and arrive in NFC;
    - boolean filters take ``true``/``false`` (``1``/``0``); another value is a 400, not ignored;
    - date, date-time and number filters given an empty value (``?date_to=``) are a 400: the spec
      types them, and an empty string is no date (leave the parameter out for "no filter").
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model = self._meta.model or getattr(self.queryset, "model", None)
        for flt in self.filters.values():
            _harden(flt, model)


def _harden(flt: django_filters.Filter, model: type[models.Model] | None) -> None:
    extra = flt.extra
    flt.__dict__.pop("_field", None)  # a form field built before these changes (schema generation)
    if isinstance(flt, django_filters.NumberFilter):
        if flt.field_class is forms.DecimalField and _is_integer_field(_model_field(model, flt.field_name)):
            flt.field_class = forms.IntegerField
        extra.setdefault("min_value", INT64_MIN)
        extra.setdefault("max_value", INT64_MAX)
        flt.field_class = _refusing_blank(flt.field_class)
    elif isinstance(flt, django_filters.DateFilter | django_filters.DateTimeFilter):
        flt.field_class = _refusing_blank(flt.field_class)
    elif isinstance(flt, django_filters.ModelMultipleChoiceFilter):
        flt.field_class = BoundedModelMultipleChoiceField
    elif isinstance(flt, django_filters.ModelChoiceFilter):
        flt.field_class = BoundedModelChoiceField
    elif isinstance(flt, django_filters.CharFilter) and flt.field_class is forms.CharField:
        extra.setdefault("max_length", MAX_QUERY_TEXT)
        flt.field_class = _NFCCharField
    elif isinstance(flt, django_filters.BooleanFilter) and flt.field_class is forms.NullBooleanField:
        flt.field_class = StrictBooleanField


_BLANK_REFUSING: dict[type[forms.Field], type[forms.Field]] = {}


def _refusing_blank(field_class: type[forms.Field]) -> type[forms.Field]:
    """``field_class`` that answers a present but empty value with a 400 instead of "no filter"."""
    if getattr(field_class, "refuses_blank", False):
        return field_class
    if field_class not in _BLANK_REFUSING:

        def to_python(self: forms.Field, value: Any) -> Any:
            if isinstance(value, str) and not value.strip():
                raise ValidationError(_("Give a value, or leave the parameter out."), code="blank")
            return field_class.to_python(self, value)

        _BLANK_REFUSING[field_class] = type(
            f"NonBlank{field_class.__name__}", (field_class,), {"to_python": to_python, "refuses_blank": True}
        )
    return _BLANK_REFUSING[field_class]


class StrictBooleanField(forms.NullBooleanField):
    """A boolean query parameter: ``true``/``false`` (or ``1``/``0``); anything else is a 400 naming
    it, where Django's field would quietly read it as "no filter"."""

    # Django's NullBooleanSelect would turn an unknown value into None before to_python sees it.
    widget = forms.TextInput
    _VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value: Any) -> bool | None:  # type: ignore[override]  # None means "no filter", as in NullBooleanField
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        try:
            return self._VALUES[str(value).strip().lower()]
        except KeyError:
            raise ValidationError(_("Give true or false."), code="invalid") from None

    def validate(self, value: Any) -> None:
        return None


class _NFCCharField(forms.CharField):
    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return normalize_text(value) if isinstance(value, str) else value


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number in the query string (``1.5`` and ``1e20`` are a 400 naming the parameter)."""

    field_class = forms.IntegerField


class IdFilter(WholeNumberFilter):
    """A row id in the query string: a whole number from 1 to 2^63-1 (else a 400 naming the
    parameter, never a database overflow)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", INT64_MAX)
        super().__init__(*args, **kwargs)


class SearchFilter(filters.SearchFilter):
    """``?search=`` over the view's ``search_fields`` (domains with special search override it).

    The text is NFC (a decomposed "쿠키" finds the composed one) and at most ``MAX_QUERY_TEXT``
    characters; longer or with a NUL character it is a 400 naming ``search``.
    """

    search_param = "search"

    def get_search_terms(self, request: Any) -> list[str]:
        raw = request.query_params.get(self.search_param, "")
        if len(raw) > MAX_QUERY_TEXT:
            raise validation_error(
                self.search_param,
                _("The search text is longer than %(limit)d characters.") % {"limit": MAX_QUERY_TEXT},
                code="max_length",
            )
        if "\x00" in raw:
            raise validation_error(self.search_param, _("The search text contains a NUL character."), code="invalid")
        return [normalize_text(term) for term in super().get_search_terms(request)]

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = {**parameter.get("schema", {}), "maxLength": MAX_QUERY_TEXT}
        return parameters


class StrictOrderingFilter(filters.OrderingFilter):
    """``?ordering=`` limited to the view's whitelist; an unknown field is a 400 naming it.

    DRF silently drops unknown fields, which hides typos from API clients.
    """

    ordering_param = "ordering"

    def get_ordering(self, request: Any, queryset: Any, view: Any) -> Any:
        params = request.query_params.get(self.ordering_param)
        if params:
            fields = [param.strip() for param in params.split(",") if param.strip()]
            allowed = {item[0] for item in self.get_valid_fields(queryset, view, {"request": request})}
            unknown = [f for f in fields if f.lstrip("-") not in allowed]
            if unknown:
                raise validation_error(
                    self.ordering_param,
                    _("Cannot order by %(fields)s. Allowed: %(allowed)s.")
                    % {"fields": ", ".join(unknown), "allowed": ", ".join(sorted(allowed)) or "-"},
                    code="invalid_ordering",
                )
        return super().get_ordering(request, queryset, view)

    def get_default_valid_fields(self, queryset: Any, view: Any, context: Any = None) -> list[Any]:
        # No implicit "order by any serializer field": a view must whitelist its ordering fields.
        return []

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """The whitelist as an enum (``name`` ascending, ``-name`` descending)."""
        fields = [f if isinstance(f, str) else f[0] for f in getattr(view, "ordering_fields", None) or []]
        if not fields:
            return []
        values = [value for field in fields for value in (field, f"-{field}")]
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "정렬 기준, '-'는 내림차순 (sort key; a leading '-' sorts descending).",
                "schema": {"type": "string", "enum": values},
            }
        ]
