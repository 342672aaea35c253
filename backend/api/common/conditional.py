"""Conditional requests: ETag on detail reads, If-None-Match → 304, stale If-Match → 412.

The ETag is a hash of the representation the client sees, so any change a client could notice
changes it. Writes re-read the row under a lock before comparing, so two clients holding the same
ETag cannot both win (no lost updates).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from api.common.errors import PreconditionFailedError


def compute_etag(data: Any) -> str:
    payload = json.dumps(data, cls=JSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return '"' + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32] + '"'


def _parse_etags(header: str) -> list[str]:
    tags = []
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag:
            tags.append(tag)
    return tags


def if_none_match_hits(request: Request, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = _parse_etags(header)
    return "*" in tags or etag in tags


def check_if_match(request: Request, etag: str) -> None:
    """Raise 412 when the request carries an If-Match that does not match ``etag``."""
    header = request.headers.get("If-Match")
    if not header:
        return
    tags = _parse_etags(header)
    if "*" in tags or etag in tags:
        return
    raise PreconditionFailedError(
        _("The resource has changed since you read it: fetch it again, re-apply your change and send the new ETag.")
    )


if TYPE_CHECKING:  # what the mixin relies on, for the type checker only
    from rest_framework.generics import GenericAPIView
    from rest_framework.mixins import DestroyModelMixin, UpdateModelMixin

    class _ViewBase(UpdateModelMixin, DestroyModelMixin, GenericAPIView):
        pass

else:
    _ViewBase = object


class ConditionalMixin(_ViewBase):
    """For generic views and viewsets with retrieve/update/destroy.

    Views keep their ``perform_update``/``perform_destroy`` hooks (which call services); this
    mixin wraps them in a transaction, locks the row, checks If-Match and sets ETag.
    """

    def get_input_serializer(self, *args: Any, **kwargs: Any) -> Any:
        """The serializer that validates a write; views with separate input serializers override it."""
        return self.get_serializer(*args, **kwargs)

    def etag_of(self, instance: Any) -> str:
        return compute_etag(self.get_serializer(instance).data)

    def get_locked_object(self) -> Any:
        """The view's object, re-read after taking a row lock (call inside a transaction)."""
        instance = self.get_object()
        model = type(instance)
        model._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk", flat=True).first()
        return self.get_object()

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        data = self.get_serializer(instance).data
        etag = compute_etag(data)
        if if_none_match_hits(request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(data, headers={"ETag": etag})

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_locked_object()
            check_if_match(request, self.etag_of(instance))
            serializer = self.get_input_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
            instance = self.get_object()
            data = self.get_serializer(instance).data
        return Response(data, headers={"ETag": compute_etag(data)})

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            instance = self.get_locked_object()
            check_if_match(request, self.etag_of(instance))
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)
