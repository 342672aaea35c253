"""Who may do what with meetings and resolutions.

Anyone reads everything (decisions are public). Coordinators record meetings and resolutions and
edit them. The responsible party (the responsible person, owners and editors of a responsible
organisation) and coordinators write updates and manage links; that object-level rule lives in the
services (``services.can_write_update``), which answer 403 ``not_responsible``. Following needs a
login."""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from api.common.permissions import IsCoordinator, IsCoordinatorOrReadOnly

__all__ = ["IsCoordinator", "IsCoordinatorOrReadOnly", "PublicReadLoginWrite"]


class PublicReadLoginWrite(BasePermission):
    """Anyone reads; writing needs a login (who exactly is decided by the service: 403)."""

    public_read = True

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)
