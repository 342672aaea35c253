"""Reading the board: every query the views need, scoped to the caller, with its joins done here.

Visibility: a live post (not hidden by a moderator, not deleted) is public. A hidden post is seen
only by coordinators and its author (marked hidden); a deleted (archived) one only by coordinators.
Comments of a visible post are public; a deleted or hidden comment shows as a placeholder (its text
only to coordinators, see the serializers). Campaigns are public once published; proposed ones are
seen by anyone logged in (they are proposals on the board).

Organisations, products and users come from their own domains' selectors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from api.accounts import selectors as accounts
from api.board.models import (
    MATCHABLE_KINDS,
    Campaign,
    CampaignParticipant,
    CampaignStatus,
    Collaboration,
    CollaborationPartner,
    Comment,
    Interest,
    Post,
    PostImage,
    PostKind,
    PostStatus,
    Report,
    ReportStatus,
    Tag,
)
from api.common.json_rows import JSONRows, prefetch_from_rows
from api.common.linking import LinkTarget
from api.common.permissions import is_coordinator
from api.enterprises import selectors as directory

MAX_PINNED = 5  # pinned notices shown above the first page of the feed
SUGGESTION_LIMIT = 5
NETWORK_LIMIT = 2000  # collaborations drawn in the network (newest first)


def _enterprises() -> Prefetch[Any]:
    return Prefetch("partners", queryset=directory.enterprise_summaries())


def _live_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}hidden_at__isnull": True, f"{prefix}archived_at__isnull": True})


def _visible_posts(user: Any) -> QuerySet[Post]:
    if is_coordinator(user):
        return Post.objects.all()
    if user and user.is_authenticated:
        # Their own hidden posts stay visible to authors (marked), so they see what happened.
        return Post.objects.filter(Q(archived_at__isnull=True) & (Q(hidden_at__isnull=True) | Q(author_id=user.pk)))
    return Post.objects.filter(_live_q())


def _post_base(queryset: QuerySet[Post]) -> QuerySet[Post]:
    return queryset.select_related("author", "enterprise", "campaign").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name")),
        Prefetch("images", queryset=PostImage.objects.order_by("created_at", "id")),
    )


def post_feed(*, user: Any) -> QuerySet[Post]:
    """The feed: live posts (coordinators also hidden ones on request: see ``post_list``), not
    pinned, newest first. Pinned notices come from ``pinned_posts``."""
    return _post_base(Post.objects.filter(_live_q(), pinned=False)).order_by("-created_at", "-id")


def post_list(*, user: Any, include_hidden: bool = False) -> QuerySet[Post]:
    """Posts for lists: live ones; a coordinator's ``include_hidden`` adds hidden and deleted ones."""
    if include_hidden and is_coordinator(user):
        return _post_base(Post.objects.filter(pinned=False)).order_by("-created_at", "-id")
    return post_feed(user=user)


def pinned_posts(*, queryset: QuerySet[Post]) -> list[Post]:
    """Pinned notices among ``queryset``'s filters (at most ``MAX_PINNED``, newest first)."""
    return list(queryset.filter(pinned=True)[:MAX_PINNED])


def pinned_base(*, user: Any) -> QuerySet[Post]:
    return _post_base(Post.objects.filter(_live_q(), pinned=True)).order_by("-created_at", "-id")


def post_detail_queryset(*, user: Any) -> QuerySet[Post]:
    """Posts the user may open, with everything the post page shows: comments (authors joined;
    one query however many), interested organisations, the collaboration and its partners.
    Its tags and images come in its own row (JSON arrays): ``post_detail_load`` hands them to the
    relations before serializing."""
    comments = Comment.objects.select_related("author").order_by("created_at", "id")
    interests = Interest.objects.select_related("enterprise", "user").order_by("created_at", "id")
    return (
        _visible_posts(user)
        .select_related("author", "enterprise", "campaign", "collaboration")
        .annotate(
            tag_rows=JSONRows(Tag.objects.filter(posts=OuterRef("pk")).order_by("name"), "id", "name"),
            image_rows=JSONRows(
                PostImage.objects.filter(post=OuterRef("pk")).order_by("created_at", "id"), "id", "image", "alt"
            ),
        )
        .prefetch_related(
            Prefetch("comments", queryset=comments, to_attr="thread"),
            Prefetch("interests", queryset=interests, to_attr="interest_list"),
            Prefetch("collaboration__partners", queryset=directory.enterprise_summaries()),
        )
    )


def post_detail_load(post: Post) -> Post:
    """Fill ``tags`` and ``images`` of a post read from ``post_detail_queryset`` from its
    annotations (no query); others are left as they are. Idempotent."""
    prefetch_from_rows(post, tags=("tag_rows", Tag), images=("image_rows", PostImage))
    return post


def post_get(*, user: Any, pk: int) -> Post | None:
    return _visible_posts(user).filter(pk=pk).first()


def post_search(queryset: QuerySet[Post], *, raw_query: str) -> QuerySet[Post]:
    """Korean search in title, body and tags (substrings, 1–2 syllables, 초성 of the title)."""
    return directory.text_search(queryset, raw_query=raw_query, document="search_document", initials="title_initials")


def comment_list(*, user: Any) -> QuerySet[Comment]:
    """Comments of posts the user may open."""
    return Comment.objects.filter(post__in=_visible_posts(user)).select_related("author", "post")


def interested_enterprise_ids(*, post: Post) -> list[int]:
    return list(Interest.objects.filter(post=post).values_list("enterprise_id", flat=True))


def tags_by_names(*, names: Iterable[str]) -> QuerySet[Tag]:
    return Tag.objects.filter(name__in=list(names))


# --- Matching suggestions ------------------------------------------------------------------------------


def _counterpart_kind(post: Post) -> str:
    return PostKind.OFFER if post.kind == PostKind.REQUEST else PostKind.REQUEST


def suggested_posts(*, post: Post, limit: int = SUGGESTION_LIMIT) -> list[Post]:
    """Open offers for a request (open requests for an offer), ranked in the database by shared
    tags (2 points each), same resource (2) and same sector (1), then newest. Posts of the same
    organisation or author are left out; only posts with at least one point are suggested."""
    if post.kind not in MATCHABLE_KINDS:
        return []
    tag_ids = [tag.pk for tag in post.tags.all()]
    score = Count("tags", filter=Q(tags__in=tag_ids), distinct=True) * 2
    if post.resource:
        score = score + Count("id", filter=Q(resource=post.resource), distinct=True) * 2
    if post.sector:
        score = score + Count("id", filter=Q(sector=post.sector), distinct=True)
    candidates = Post.objects.filter(_live_q(), kind=_counterpart_kind(post), status=PostStatus.OPEN).exclude(
        author_id=post.author_id
    )
    if post.enterprise_id:
        candidates = candidates.exclude(enterprise_id=post.enterprise_id)
    ranked = (
        candidates.annotate(score=score)
        .filter(score__gt=0)
        .order_by("-score", "-created_at", "-id")
        .values_list("pk", "score")[:limit]
    )
    scores = dict(ranked)
    posts = {p.pk: p for p in _post_base(Post.objects.filter(pk__in=list(scores)))}
    out = []
    for pk, value in scores.items():
        found = posts[pk]
        found.score = value  # type: ignore[attr-defined]  # annotated for the serializer
        out.append(found)
    return out


def suggested_enterprises(*, post: Post, limit: int = SUGGESTION_LIMIT) -> list[Any]:
    """Public organisations that fit a request (or could use an offer): tags shared with the post
    (2 points each), products whose text contains one of the post's tags (1 each, at most 3), same
    sector (1). The author's organisation and those already interested are left out."""
    if post.kind not in MATCHABLE_KINDS:
        return []
    tag_names = [tag.name for tag in post.tags.all()]
    queryset = directory.enterprise_summaries().filter(directory.public_q())
    excluded = [*interested_enterprise_ids(post=post), *([post.enterprise_id] if post.enterprise_id else [])]
    queryset = queryset.exclude(pk__in=excluded)
    product_match = Q()
    for name in tag_names[:5]:
        product_match |= Q(products__search_document__icontains=name, products__archived_at__isnull=True)
    score = Count("tags", filter=Q(tags__name__in=tag_names), distinct=True) * 2
    if tag_names:
        score = score + Count("products", filter=product_match, distinct=True)
    if post.sector:
        score = score + Count("id", filter=Q(sector=post.sector), distinct=True)
    return list(queryset.annotate(score=score).filter(score__gt=0).order_by("-score", "name", "id")[:limit])


# --- Collaborations ------------------------------------------------------------------------------------


def collaboration_list() -> QuerySet[Collaboration]:
    """Every collaboration with its partners (live organisations only), newest first."""
    return (
        Collaboration.objects.select_related("post", "campaign")
        .prefetch_related(_enterprises())
        .order_by("-matched_at", "-id")
    )


def collaboration_search(queryset: QuerySet[Collaboration], *, text: str) -> QuerySet[Collaboration]:
    """Collaborations whose title, or one of whose partner organisations' names, holds ``text``."""
    text = text.strip()
    if not text:
        return queryset
    named = CollaborationPartner.objects.filter(
        directory.public_q("enterprise__"), enterprise__name__icontains=text
    ).values("collaboration_id")
    return queryset.filter(Q(title__icontains=text) | Q(pk__in=named))


def collaboration_of(queryset: QuerySet[Collaboration], *, slug: str) -> QuerySet[Collaboration]:
    """Collaborations of the public organisation ``slug`` (none for an organisation not public)."""
    partner = CollaborationPartner.objects.filter(directory.public_q("enterprise__"), enterprise__slug=slug)
    return queryset.filter(pk__in=partner.values("collaboration_id"))


def collaboration_network() -> dict[str, Any]:
    """Nodes (public organisations that collaborated, with how many collaborations) and edges
    (pairs of them, with how many collaborations together), counted in the database."""
    public = directory.public_q("enterprise__")
    recent = list(Collaboration.objects.order_by("-matched_at", "-id").values_list("pk", flat=True)[:NETWORK_LIMIT])
    links = CollaborationPartner.objects.filter(public, collaboration_id__in=recent)
    edges = (
        links.filter(
            collaboration__links__enterprise_id__gt=F("enterprise_id"),
            collaboration__links__enterprise__in=directory.enterprise_summaries().filter(directory.public_q()),
        )
        .values("enterprise_id", other=F("collaboration__links__enterprise_id"))
        .annotate(weight=Count("collaboration_id", distinct=True))
        .order_by("enterprise_id", "other")
    )
    counts = dict(
        links.values("enterprise_id")
        .annotate(n=Count("collaboration_id", distinct=True))
        .values_list("enterprise_id", "n")
    )
    names = {e.pk: e for e in directory.enterprise_summaries().filter(pk__in=list(counts))}
    nodes = [
        {"id": pk, "slug": names[pk].slug, "name": names[pk].name, "name_en": names[pk].name_en, "collaborations": n}
        for pk, n in sorted(
            counts.items(), key=lambda item: (-item[1], names[item[0]].name if item[0] in names else "")
        )
        if pk in names
    ]
    return {
        "nodes": nodes,
        "edges": [{"source": e["enterprise_id"], "target": e["other"], "weight": e["weight"]} for e in edges],
    }


# --- Campaigns -----------------------------------------------------------------------------------------


def campaign_list(*, user: Any) -> QuerySet[Campaign]:
    queryset = Campaign.objects.select_related("enterprise", "proposed_by").prefetch_related(
        Prefetch(
            "participations",
            queryset=CampaignParticipant.objects.select_related("enterprise").order_by("joined_at", "id"),
        ),
        Prefetch("products", queryset=directory.product_summaries()),
    )
    if not (user and user.is_authenticated):
        queryset = queryset.filter(status=CampaignStatus.PUBLISHED)
    return queryset.order_by("-starts_on", "-id")


# --- Moderation ----------------------------------------------------------------------------------------


def report_list() -> QuerySet[Report]:
    return Report.objects.select_related("reporter", "post", "comment", "comment__post", "resolved_by").order_by(
        "created_at", "id"
    )


def open_report_count() -> int:
    return Report.objects.filter(status=ReportStatus.OPEN).count()


# --- For other domains ---------------------------------------------------------------------------------
# The resolutions domain links decisions to posts and collaborations through ``api.common.linking``.


def post_link_targets(ids: Iterable[int]) -> dict[int, LinkTarget]:
    """Live posts among ``ids`` (the organisation they speak for as their organisation)."""
    wanted = [i for i in ids if isinstance(i, int)]
    return {
        post.pk: LinkTarget(
            id=post.pk,
            title=post.title,
            path=f"/board/{post.pk}",
            organisation_ids=(post.enterprise_id,) if post.enterprise_id else (),
        )
        for post in Post.objects.filter(_live_q(), pk__in=wanted).only("id", "title", "enterprise_id")
    }


def post_link_find(title: str) -> int | None:
    return (
        Post.objects.filter(_live_q(), title=title).order_by("-created_at", "-id").values_list("pk", flat=True).first()
    )


def collaboration_link_targets(ids: Iterable[int]) -> dict[int, LinkTarget]:
    """Collaborations among ``ids`` with their partners as their organisations."""
    wanted = [i for i in ids if isinstance(i, int)]
    found = Collaboration.objects.filter(pk__in=wanted).prefetch_related("links")
    return {
        c.pk: LinkTarget(
            id=c.pk,
            title=c.title,
            path=f"/board/{c.post_id}" if c.post_id else f"/campaigns/{c.campaign_id}",
            organisation_ids=tuple(sorted(link.enterprise_id for link in c.links.all())),
        )
        for c in found
    }


def collaboration_link_find(title: str) -> int | None:
    return Collaboration.objects.filter(title=title).order_by("-matched_at", "-id").values_list("pk", flat=True).first()


def board_stats() -> dict[str, Any]:
    """The board's section of ``/api/v1/stats/`` in three aggregate queries: collaborations, public
    organisations that took part in one and their share of all public ones (percent, one decimal),
    open requests and offers."""
    partnered = CollaborationPartner.objects.filter(enterprise_id=OuterRef("pk"))
    organisations = (
        directory.enterprise_summaries()
        .filter(directory.public_q())
        .order_by()
        .aggregate(total=Count("id"), collaborated=Count("id", filter=Q(Exists(partnered))))
    )
    posts = (
        Post.objects.filter(_live_q(), status=PostStatus.OPEN)
        .order_by()
        .aggregate(
            open_requests=Count("id", filter=Q(kind=PostKind.REQUEST)),
            open_offers=Count("id", filter=Q(kind=PostKind.OFFER)),
        )
    )
    total, collaborated = organisations["total"], organisations["collaborated"]
    return {
        "collaborations": Collaboration.objects.count(),
        "organisations_collaborated": collaborated,
        "organisations_collaborated_percent": round(100.0 * collaborated / total, 1) if total else 0.0,
        "open_requests": posts["open_requests"],
        "open_offers": posts["open_offers"],
    }


def user_summaries() -> Any:
    return accounts.user_summaries()
