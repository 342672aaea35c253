"""Read-side queries of the directory."""

from typing import Any

from api.enterprises.models import Membership


def membership_roles_for_user(user: Any) -> dict[int, str]:
    """``{enterprise_id: role}`` of a logged-in user (the permission layer's membership provider)."""
    return dict(Membership.objects.filter(user_id=user.pk).values_list("enterprise_id", "role"))
