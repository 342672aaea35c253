"""The one strict id field of every request body."""

import pytest
from rest_framework import serializers

from api.common.serializers import MAX_ID, IdField, IdListField


class _Body(serializers.Serializer):
    one = IdField(required=False)
    many = IdListField(required=False, max_length=3)


@pytest.mark.parametrize("value", [1, 42, MAX_ID])
def test_integers_pass(value):
    body = _Body(data={"one": value, "many": [value]})
    assert body.is_valid(), body.errors
    assert body.validated_data == {"one": value, "many": [value]}


@pytest.mark.parametrize("value", [1.5, 1.0, "1", True, None, 0, -1, MAX_ID + 1, 2**70, [1], {"id": 1}])
def test_anything_else_is_a_field_error(value):
    body = _Body(data={"one": value, "many": [value]})
    assert not body.is_valid()
    assert set(body.errors) == {"one", "many"}


def test_lists_are_bounded():
    body = _Body(data={"many": [1, 2, 3, 4]})
    assert not body.is_valid() and "many" in body.errors
