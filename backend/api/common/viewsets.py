"""The one shape of a domain's viewset.

A viewset declares its selector, its output serializer and, per write action, its input
serializer; the base class does the rest the same way everywhere:

- the HTTP methods of the API (no PUT: partial updates are PATCH);
- ``get_queryset()`` calls the viewset's ``select()`` (a selector that scopes rows to the caller),
  except while drf-spectacular builds the schema (``swagger_fake_view``), when it returns an empty
  queryset of ``schema_model``: the one place of that guard;
- conditional requests (``api.common.conditional``): ETag on reads, If-None-Match → 304, a stale
  If-Match → 412 under a row lock;
- ``create`` validates the action's input serializer, calls ``perform_create(data)`` (which calls
  one service and returns the new object), re-reads it through the selector and answers 201 with
  the output representation and ``Location``;
- ``perform_update(serializer)`` / ``perform_destroy(instance)`` call one service each.

Pick the combination of operations with one of the classes at the bottom.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, reverse
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from api.common.conditional import ConditionalMixin

API_METHODS = ["get", "post", "patch", "delete", "head", "options"]


def schema_generation(view: Any) -> bool:
    """True while drf-spectacular introspects ``view`` (no real request, no URL arguments)."""
    return bool(getattr(view, "swagger_fake_view", False))


def created_response(data: Any, *, location: str) -> Response:
    """201 Created with ``Location``, the address of the new resource (every 201 of the API sends it)."""
    return Response(data, status=status.HTTP_201_CREATED, headers={"Location": location})


class SelectorMixin:
    """``get_queryset()`` = the view's ``select()``, except during schema generation (the one
    ``swagger_fake_view`` guard: ``select()`` may need URL arguments and a real user)."""

    # Model of the empty queryset handed to the schema generator.
    schema_model: type[Model] | None = None

    def select(self) -> QuerySet[Any]:
        """The rows this view works on, from the domain's selectors (scoped to the caller)."""
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if schema_generation(self) and self.schema_model is not None:
            return self.schema_model._default_manager.none()
        return self.select()


class DomainViewSet(SelectorMixin, ConditionalMixin, viewsets.GenericViewSet):
    http_method_names = API_METHODS
    # Input serializer of each write action ("create", "partial_update", or a custom action).
    input_serializers: Mapping[str, type[BaseSerializer[Any]]] = {}

    def get_input_serializer(self, *args: Any, **kwargs: Any) -> Any:
        serializer_class = self.input_serializers.get(self.action) or self.get_serializer_class()
        kwargs.setdefault("context", self.get_serializer_context())
        return serializer_class(*args, **kwargs)

    def output(
        self, instance: Any, *, code: int = status.HTTP_200_OK, headers: dict[str, str] | None = None
    ) -> Response:
        """The output representation of ``instance`` re-read through the selector."""
        fresh = self.select().get(pk=instance.pk)
        return Response(self.get_serializer(fresh).data, status=code, headers=headers)

    def location_of(self, instance: Any) -> str | None:
        basename = getattr(self, "basename", None)
        try:
            return reverse(f"{basename}-detail", kwargs={self.lookup_field: getattr(instance, self.lookup_field)})
        except NoReverseMatch:
            return None

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_input_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.perform_create(serializer.validated_data)
        location = self.location_of(instance)
        return self.output(instance, code=status.HTTP_201_CREATED, headers={"Location": location} if location else None)

    def perform_create(self, data: Any) -> Any:
        """Call the service that creates the object from the validated input; return the object."""
        raise NotImplementedError


class CrudDomainViewSet(
    DomainViewSet,
    mixins.ListModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
):
    """list, create, retrieve, partial update and destroy: the usual resource."""


class CreateUpdateDomainViewSet(DomainViewSet, mixins.ListModelMixin, mixins.UpdateModelMixin):
    """list, create, retrieve and partial update; no delete."""

    http_method_names = ["get", "post", "patch", "head", "options"]


class ActionViewSet(SelectorMixin, viewsets.GenericViewSet):
    """State changes and sub-resources of one object (``@action`` only: no ETag/If-Match)."""

    http_method_names = API_METHODS
