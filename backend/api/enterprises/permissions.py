"""Role checks of the directory, built on ``api.common.permissions``.

- Anyone reads verified organisations and their products; a registered user submits new ones.
- Owners and editors edit their organisation and its products; owners manage its members.
- Coordinators do everything, and alone verify, delete and import.
"""

from typing import Any

from rest_framework.permissions import BasePermission

from api.common.permissions import (
    EDIT_ROLES,
    OWNER,
    IsCoordinator,
    IsEnterpriseEditorOrReadOnly,
    IsEnterpriseOwnerOrReadOnly,
    has_enterprise_role,
    is_coordinator,
)

__all__ = [
    "IsCoordinator",
    "IsEnterpriseEditor",
    "IsEnterpriseEditorOrReadOnly",
    "IsEnterpriseOwner",
    "IsEnterpriseOwnerOrReadOnly",
]


class IsEnterpriseEditor(BasePermission):
    """Even for reads (e.g. the member list): a coordinator or an owner/editor of the organisation."""

    roles = EDIT_ROLES

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return is_coordinator(request.user) or has_enterprise_role(request.user, obj, self.roles)


class IsEnterpriseOwner(IsEnterpriseEditor):
    roles = frozenset({OWNER})
