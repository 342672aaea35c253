"""Who may do what on the board.

Anyone reads live posts, comments, collaborations and published campaigns. Anyone logged in posts,
comments, reports. A post is changed or deleted by its author, a member (owner or editor) of the
organisation it speaks for, or a coordinator; the same people mark it matched or closed. A comment
is changed or deleted by its author (or a coordinator). Moderation (hide, restore, the report queue)
is for coordinators.
"""

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from api.common.permissions import EDIT_ROLES, is_coordinator, membership_roles


def can_manage_post(user: Any, post: Any) -> bool:
    if not (user and user.is_authenticated):
        return False
    if is_coordinator(user) or post.author_id == user.pk:
        return True
    return post.enterprise_id is not None and membership_roles(user).get(post.enterprise_id) in EDIT_ROLES


def can_manage_comment(user: Any, comment: Any) -> bool:
    return bool(user and user.is_authenticated and (is_coordinator(user) or comment.author_id == user.pk))


def can_manage_campaign(user: Any, campaign: Any) -> bool:
    if not (user and user.is_authenticated):
        return False
    if is_coordinator(user) or campaign.proposed_by_id == user.pk:
        return True
    return membership_roles(user).get(campaign.enterprise_id) in EDIT_ROLES


class IsPostManagerOrReadOnly(BasePermission):
    """Anyone reads; writing needs a login; changing a post needs its author, its organisation's
    member or a coordinator."""

    public_read = True

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return request.method in SAFE_METHODS or can_manage_post(request.user, obj)


class IsCommentAuthor(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return can_manage_comment(request.user, obj)


class IsCampaignManagerOrReadOnly(BasePermission):
    public_read = True

    def has_permission(self, request: Any, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        return request.method in SAFE_METHODS or can_manage_campaign(request.user, obj)
