"""What OPTIONS answers on every view of the API."""

from __future__ import annotations

from typing import Any

from rest_framework.metadata import SimpleMetadata
from rest_framework.request import Request


def has_serializer(view: Any) -> bool:
    """Whether ``view`` can build a serializer (DRF's generic views assert ``serializer_class``)."""
    # Imported here: rest_framework.views reads this module's Metadata while it is being imported.
    from rest_framework.generics import GenericAPIView

    if getattr(view, "serializer_class", None) is not None:
        return True
    get_serializer_class = getattr(type(view), "get_serializer_class", None)
    return get_serializer_class is not None and get_serializer_class is not GenericAPIView.get_serializer_class


class Metadata(SimpleMetadata):
    """DRF's description of a view (name, description, renderers, parsers) and, where the view has a
    serializer, the fields its POST/PUT takes. A view without one (actions that take no body, such as
    follow and unfollow) is described without ``actions``: a 200, never a 500."""

    def determine_actions(self, request: Request, view: Any) -> dict[str, Any]:
        if not has_serializer(view):
            return {}
        return super().determine_actions(request, view)
