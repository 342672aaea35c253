"""Read-side queries of the directory. Every query scopes rows to what the caller may see.

Visibility: verified organisations are public; a pending or rejected one is visible only to
coordinators, its submitter and its members (to anyone else it does not exist: 404). Products are
visible when their organisation is. Archived organisations and products exist only for
coordinators (``include_archived``), and an archived organisation's memberships grant nothing.

This module is also the directory's read contract for the other domains: they never import
``api.enterprises.models``; they use the functions of the last section ("For other domains") and
the ``ProductCategory`` choices re-exported here. "Which organisations are public" is defined once,
by ``public_q`` (verified and not archived).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from api.common.json_rows import JSONRows, prefetch_from_rows
from api.common.permissions import EDIT_ROLES, is_coordinator, membership_roles
from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    Membership,
    MembershipRole,
    Product,
    ProductCategory,
    ProgressTarget,
    Sector,
    SocialLink,
    Tag,
    VerificationStatus,
)
from api.enterprises.search import build_document, hangul_initials, normalise_query, search_text

__all__ = ["ProductCategory"]  # re-exported: the booth categories of events are product categories


# The roles a member can hold, for other domains' serializers (they never import enterprises.models).
MEMBERSHIP_ROLE_CHOICES = MembershipRole.choices
# The kinds of organisation, for the budget's summaries by recipient kind.
ENTERPRISE_KIND_CHOICES = EnterpriseKind.choices
# Sectors of the directory, for other domains that classify by sector (the board's requests).
SECTOR_CHOICES = Sector.choices


def membership_roles_for_user(user: Any) -> dict[int, str]:
    """``{enterprise_id: role}`` of a logged-in user (the permission layer's membership provider)."""
    return dict(
        Membership.objects.filter(user_id=user.pk, enterprise__archived_at__isnull=True).values_list(
            "enterprise_id", "role"
        )
    )


def public_q(prefix: str = "") -> Q:
    """The one definition of a public organisation: verified by a coordinator and not archived."""
    return Q(**{f"{prefix}verification_status": VerificationStatus.VERIFIED, f"{prefix}archived_at__isnull": True})


def memberships_of_user(*, user: Any) -> QuerySet[Membership]:
    """The organisations a user belongs to, with the role, by name (``/auth/me/``)."""
    return Membership.objects.filter(user_id=user.pk).select_related("enterprise").order_by("enterprise__name", "id")


def _visible_q(user: Any, prefix: str = "") -> Q:
    if is_coordinator(user):
        return Q()
    visible = public_q(prefix)
    if user is not None and user.is_authenticated:
        visible |= Q(**{f"{prefix}submitted_by_id": user.pk})
        member_of = list(membership_roles(user))
        if member_of:
            visible |= Q(**{f"{prefix}id__in": member_of})
    return visible


def _live(user: Any, include_archived: bool, prefix: str = "") -> Q:
    """Archived rows: hidden unless a coordinator asks for them."""
    if include_archived and is_coordinator(user):
        return Q()
    return Q(**{f"{prefix}archived_at__isnull": True})


def enterprise_list(*, user: Any, include_archived: bool = False) -> QuerySet[Enterprise]:
    """Organisations ``user`` may see, with everything the list and detail representations read.
    ``include_archived`` adds archived ones for coordinators (ignored for anyone else)."""
    return (
        Enterprise.objects.filter(_visible_q(user), _live(user, include_archived))
        .prefetch_related(
            "tags",
            Prefetch("social_links", queryset=SocialLink.objects.order_by("position", "id")),
        )
        .annotate(
            # A correlated subquery, not a JOIN + GROUP BY: the list stays one flat query.
            product_count=Coalesce(
                Subquery(
                    Product.objects.filter(enterprise_id=OuterRef("pk"), archived_at__isnull=True)
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
            has_products=Exists(Product.objects.filter(enterprise_id=OuterRef("pk"), archived_at__isnull=True)),
        )
        .order_by("name", "id")
    )


def enterprise_get(*, user: Any, slug: str) -> Enterprise | None:
    return enterprise_list(user=user).filter(slug=slug).first()


def product_list(
    *, user: Any, enterprise: Enterprise | None = None, include_archived: bool = False
) -> QuerySet[Product]:
    """Products of the organisations ``user`` may see (of one organisation when given); archived
    products, or products of an archived organisation, only for coordinators with ``include_archived``."""
    qs = Product.objects.filter(
        _visible_q(user, "enterprise__"), _live(user, include_archived), _live(user, include_archived, "enterprise__")
    ).select_related("enterprise")
    if enterprise is not None:
        qs = qs.filter(enterprise=enterprise)
    return qs.order_by("name", "id")


def membership_list(*, enterprise: Enterprise) -> QuerySet[Membership]:
    return Membership.objects.filter(enterprise=enterprise).select_related("user").order_by("id")


def progress_target_list() -> QuerySet[ProgressTarget]:
    return ProgressTarget.objects.order_by("year")


# --- For other domains ------------------------------------------------------------------------------
# Events host and exhibit organisations and show their products; they read them only through these.


def enterprise_detail_queryset(*, user: Any, include_archived: bool = False) -> QuerySet[Enterprise]:
    """As ``enterprise_list``, for reading one: its tags and social links come in its own row
    (JSON arrays); ``enterprise_detail_load`` hands them to the relations. One query."""
    return (
        enterprise_list(user=user, include_archived=include_archived)
        .prefetch_related(None)
        .annotate(
            tag_rows=JSONRows(Tag.objects.filter(enterprises=OuterRef("pk")).order_by("name"), "id", "name"),
            social_link_rows=JSONRows(
                SocialLink.objects.filter(enterprise=OuterRef("pk")).order_by("position", "id"),
                "id",
                "kind",
                "url",
                "label",
                "followers",
                "position",
            ),
        )
    )


def enterprise_detail_load(enterprise: Enterprise) -> Enterprise:
    """Fill ``tags`` and ``social_links`` of an organisation read from ``enterprise_detail_queryset``
    from its annotations (no query); others are left as they are. Idempotent."""
    prefetch_from_rows(enterprise, tags=("tag_rows", Tag), social_links=("social_link_rows", SocialLink))
    return enterprise


def enterprise_summaries() -> QuerySet[Enterprise]:
    """Live (not archived) organisations with only what another domain shows of them (id, slug,
    names), by name."""
    return (
        Enterprise.objects.filter(archived_at__isnull=True).only("id", "slug", "name", "name_en").order_by("name", "id")
    )


def product_summaries(*, include_archived: bool = False) -> QuerySet[Product]:
    """Live (not archived, unless ``include_archived``) products with what another domain shows of
    them, by name."""
    products = Product.objects.all() if include_archived else Product.objects.filter(archived_at__isnull=True)
    return products.only("id", "enterprise_id", "name", "price", "category").order_by("name", "id")


def enterprise_public_get(*, slug: str) -> Enterprise | None:
    """A public (verified) organisation by slug, whoever asks (e.g. for its public calendar)."""
    return Enterprise.objects.filter(public_q(), slug=slug).first()


def enterprises_visible_by_ids(*, user: Any, ids: list[int]) -> dict[int, Enterprise]:
    """``{id: organisation}`` of the live ``ids`` that ``user`` may see (the others are simply absent)."""
    return {e.pk: e for e in Enterprise.objects.filter(_visible_q(user), _live(user, False), pk__in=ids)}


def products_visible_by_ids(*, user: Any, ids: list[int]) -> dict[int, Product]:
    """``{id: product}`` of the live ``ids`` that ``user`` may see (of live organisations)."""
    return {
        p.pk: p
        for p in Product.objects.filter(
            _visible_q(user, "enterprise__"), _live(user, False), _live(user, False, "enterprise__"), pk__in=ids
        )
    }


def enterprise_ids_not_public(*, ids: list[int]) -> list[int]:
    """Which of ``ids`` are not public (pending or rejected), sorted: such organisations may not act
    publicly (host events, exhibit at booths)."""
    public = set(Enterprise.objects.filter(public_q(), pk__in=ids).values_list("pk", flat=True))
    return sorted(set(ids) - public)


def enterprise_ids_archived(*, ids: list[int]) -> list[int]:
    """Which of ``ids`` are archived, sorted (coordinators are told why such an id is refused)."""
    return sorted(Enterprise.objects.filter(pk__in=ids, archived_at__isnull=False).values_list("pk", flat=True))


def member_user_ids(*, enterprise_ids: list[int], roles: frozenset[str] = EDIT_ROLES) -> set[int]:
    """Ids of the users holding one of ``roles`` in any of the organisations."""
    return set(
        Membership.objects.filter(enterprise_id__in=enterprise_ids, role__in=roles).values_list("user_id", flat=True)
    )


# Korean search, shared: another domain keeps its own ``search_document`` and initials columns
# (filled with ``search_document_of`` and ``initials_of``) and filters with ``text_search``
# (substrings inside compound words, 1–2 syllables, 초성; the directory's indexes and functions).


def text_search(queryset: QuerySet[Any], *, raw_query: str, document: str, initials: str) -> QuerySet[Any]:
    """Rows of ``queryset`` whose ``document`` column contains the query (or whose ``initials``
    column contains a 초성 query); the order is left as it was."""
    return search_text(queryset, raw_query, document=document, initials=initials)


def initials_of(text: str) -> str:
    """The 초성 of ``text`` (for an initials column)."""
    return hangul_initials(text)


def search_query_of(raw: str) -> str:
    """A search box's text as the search sees it (NFC, spaces folded, at most 100 characters)."""
    return normalise_query(raw)


def search_document_of(parts: list[str]) -> str:
    """One searchable text made of ``parts`` (for a ``document`` column)."""
    return build_document(parts)
