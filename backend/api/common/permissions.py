"""Role checks shared by every domain, and the tenancy contract they rest on.

Roles: anonymous, registered citizen, member of an organisation (owner or editor of that one
organisation), coordinator (platform staff). Public data is readable by anyone; every write needs a
login and passes an object-level check.

Tenancy contract (the only thing ``common`` knows about organisations):

- **Who belongs where** is owned by the directory (``api.enterprises``): it registers, from its
  ``AppConfig.ready()``, a provider mapping a user to ``{enterprise_id: "owner" | "editor"}``
  (``register_membership_provider``; the provider is ``enterprises.selectors.membership_roles_for_user``).
  ``membership_roles(user)`` asks it once per request user. Without the directory installed, nobody
  is a member of anything.
- **What belongs to which organisation** is declared by each object: ``permission_enterprise_ids()``
  (several hosts of an event) or an ``enterprise_id`` attribute; an organisation is its own
  (``enterprise_ids_of``).
- ``OWNER``/``EDITOR`` are the role codes of that contract (the directory's ``MembershipRole``
  values); ``EDIT_ROLES`` may change an organisation's content, ``OWNER`` also its members.

Domains build their permission classes (``<domain>/permissions.py``) from ``is_coordinator``,
``has_enterprise_role`` and the classes below; rows of other organisations are hidden by the
domains' selectors (404), actions a role may not take are refused here (403).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

OWNER = "owner"
EDITOR = "editor"
EDIT_ROLES = frozenset({OWNER, EDITOR})

MembershipProvider = Callable[[Any], dict[int, str]]
_membership_provider: MembershipProvider | None = None


def register_membership_provider(provider: MembershipProvider | None) -> None:
    """Install the function that maps a user to ``{enterprise_id: role}``."""
    global _membership_provider
    _membership_provider = provider


def is_coordinator(user: Any) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "is_coordinator", False))


def membership_roles(user: Any) -> dict[int, str]:
    """``{enterprise_id: "owner" | "editor"}`` for ``user``, computed once per user object."""
    if not (user and user.is_authenticated) or _membership_provider is None:
        return {}
    cached = getattr(user, "_sehub_membership_roles", None)
    if cached is None:
        cached = _membership_provider(user)
        user._sehub_membership_roles = cached
    return cached


def enterprise_ids_of(obj: Any) -> Iterable[int]:
    """The organisations an object belongs to.

    An object declares them with ``permission_enterprise_ids()`` (several hosts of an event) or
    with an ``enterprise_id`` attribute; an enterprise is its own organisation.
    """
    method = getattr(obj, "permission_enterprise_ids", None)
    if callable(method):
        return list(method())
    if hasattr(obj, "enterprise_id"):
        return [obj.enterprise_id] if obj.enterprise_id else []
    return []


def has_enterprise_role(user: Any, obj: Any, roles: frozenset[str] = EDIT_ROLES) -> bool:
    held = membership_roles(user)
    return any(held.get(eid) in roles for eid in enterprise_ids_of(obj))


class IsCoordinator(BasePermission):
    """Only coordinators (support-centre and city staff)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return is_coordinator(request.user)


class IsCoordinatorOrReadOnly(BasePermission):
    """Anyone reads; only coordinators write."""

    public_read = True

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS or is_coordinator(request.user)


class IsEnterpriseEditorOrReadOnly(BasePermission):
    """Anyone reads; writes need a login, and on an object, a coordinator or an owner/editor of
    the object's organisation."""

    public_read = True
    roles: frozenset[str] = EDIT_ROLES

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return is_coordinator(request.user) or has_enterprise_role(request.user, obj, self.roles)


class IsEnterpriseOwnerOrReadOnly(IsEnterpriseEditorOrReadOnly):
    """As above, but only an organisation's owners (and coordinators) may write."""

    roles = frozenset({OWNER})


class IsSelfOrCoordinator(BasePermission):
    """Objects that belong to one user (``obj.user_id``): only that user or a coordinator."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return is_coordinator(request.user) or getattr(obj, "user_id", None) == request.user.pk
