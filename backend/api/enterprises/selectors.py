"""Read-side queries of the directory. Every query scopes rows to what the caller may see.

Visibility: verified organisations are public; a pending or rejected one is visible only to
coordinators, its submitter and its members (to anyone else it does not exist: 404). Products are
visible when their organisation is.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from api.common.permissions import is_coordinator, membership_roles
from api.enterprises.models import Enterprise, Membership, Product, ProgressTarget, SocialLink, VerificationStatus


def membership_roles_for_user(user: Any) -> dict[int, str]:
    """``{enterprise_id: role}`` of a logged-in user (the permission layer's membership provider)."""
    return dict(Membership.objects.filter(user_id=user.pk).values_list("enterprise_id", "role"))


def memberships_of_user(*, user: Any) -> QuerySet[Membership]:
    """The organisations a user belongs to, with the role, by name (``/auth/me/``)."""
    return Membership.objects.filter(user_id=user.pk).select_related("enterprise").order_by("enterprise__name", "id")


def _visible_q(user: Any, prefix: str = "") -> Q:
    if is_coordinator(user):
        return Q()
    visible = Q(**{f"{prefix}verification_status": VerificationStatus.VERIFIED})
    if user is not None and user.is_authenticated:
        visible |= Q(**{f"{prefix}submitted_by_id": user.pk})
        member_of = list(membership_roles(user))
        if member_of:
            visible |= Q(**{f"{prefix}id__in": member_of})
    return visible


def enterprise_list(*, user: Any) -> QuerySet[Enterprise]:
    """Organisations ``user`` may see, with everything the list and detail representations read."""
    return (
        Enterprise.objects.filter(_visible_q(user))
        .prefetch_related(
            "tags",
            Prefetch("social_links", queryset=SocialLink.objects.order_by("position", "id")),
        )
        .annotate(
            # A correlated subquery, not a JOIN + GROUP BY: the list stays one flat query.
            product_count=Coalesce(
                Subquery(
                    Product.objects.filter(enterprise_id=OuterRef("pk"))
                    .order_by()
                    .values("enterprise_id")
                    .annotate(n=Count("id"))
                    .values("n")[:1],
                    output_field=IntegerField(),
                ),
                0,
            ),
        )
        .alias(
            has_products=Exists(Product.objects.filter(enterprise_id=OuterRef("pk"))),
        )
        .order_by("name", "id")
    )


def enterprise_get(*, user: Any, slug: str) -> Enterprise | None:
    return enterprise_list(user=user).filter(slug=slug).first()


def product_list(*, user: Any, enterprise: Enterprise | None = None) -> QuerySet[Product]:
    """Products of the organisations ``user`` may see (of one organisation when given)."""
    qs = Product.objects.filter(_visible_q(user, "enterprise__")).select_related("enterprise")
    if enterprise is not None:
        qs = qs.filter(enterprise=enterprise)
    return qs.order_by("name", "id")


def membership_list(*, enterprise: Enterprise) -> QuerySet[Membership]:
    return Membership.objects.filter(enterprise=enterprise).select_related("user").order_by("id")


def progress_target_list() -> QuerySet[ProgressTarget]:
    return ProgressTarget.objects.order_by("year")
