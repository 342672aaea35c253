"""Who may manage an event: coordinators, owners/editors of a host organisation, and the event's
named organisers. Everyone reads events; registering needs a login."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from api.common.permissions import has_enterprise_role, is_coordinator, membership_roles


def can_manage_event(user: Any, event: Any) -> bool:
    """``event`` is an Event or EventSeries with ``hosts`` and ``organisers`` (ideally prefetched)."""
    if not (user and user.is_authenticated):
        return False
    if is_coordinator(user) or has_enterprise_role(user, event):
        return True
    return any(organiser.pk == user.pk for organiser in event.organisers.all())


def can_host_events(user: Any) -> bool:
    """Coordinators, and members (owner or editor) of at least one organisation."""
    return is_coordinator(user) or bool(membership_roles(user))


class IsEventManagerOrReadOnly(BasePermission):
    """Anyone reads. Creating needs a coordinator or an organisation member; changing an event needs
    a manager of that event."""

    public_read = True

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not (request.user and request.user.is_authenticated):
            return False
        if getattr(view, "action", None) == "create":
            return can_host_events(request.user)
        return True

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return can_manage_event(request.user, obj)


class IsEventManager(BasePermission):
    """Only managers of the event named in the path (attendee list, check-in, booth setup)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return can_manage_event(request.user, obj)
