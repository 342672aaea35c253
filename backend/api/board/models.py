"""The collaboration board: posts (news, requests for partners, offers, joint promotion, questions,
notices), comments with one level of replies, interest from organisations, the collaborations that
come out of matched requests, joint-promotion campaigns, and reports for moderation.

Markdown is stored as written (``body``) beside its sanitised HTML (``body_html``, rendered by
``api.common.richtext`` on every write). Organisations and products belong to the directory:
referenced by name ("enterprises.Enterprise"), never imported.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from api.enterprises.selectors import SECTOR_CHOICES


class PostKind(models.TextChoices):
    NEWS = "news", _("News")
    REQUEST = "request", _("Collaboration request")
    OFFER = "offer", _("Offer")
    PROMOTION = "promotion", _("Joint promotion")
    QUESTION = "question", _("Question")
    NOTICE = "notice", _("Notice")


# Requests and offers have a status; the other kinds none.
MATCHABLE_KINDS = (PostKind.REQUEST, PostKind.OFFER)


class PostStatus(models.TextChoices):
    OPEN = "open", _("Open")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", _("Closed")


class OfferResource(models.TextChoices):
    SKILLS = "skills", _("Skills")
    SPACE = "space", _("Space")
    EQUIPMENT = "equipment", _("Equipment")
    VOLUNTEERS = "volunteers", _("Volunteers")
    SURPLUS_STOCK = "surplus_stock", _("Surplus stock")
    OTHER = "other", _("Other")


class Tag(models.Model):
    """A free tag of posts ("판로", "공동홍보"), shared by all posts."""

    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="board_tag_not_empty")]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """One post of the board.

    ``status`` is set for requests and offers only (open → matched or closed). ``pinned`` only for
    notices (coordinators). ``edited_at`` marks a post changed after it was published. Moderation
    hides a post (``hidden_at``: gone for everyone but coordinators and, marked, its author);
    its author deleting it archives it (``archived_at``: gone for everyone but coordinators).
    ``comment_count``/``interest_count`` are kept by the services (``F()`` updates in the same
    transaction) so the feed needs no aggregate over comments.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=PostKind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body (Markdown)"))
    body_html = models.TextField(_("body (HTML)"), editable=False)
    tags = models.ManyToManyField(Tag, related_name="posts", blank=True, verbose_name=_("tags"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_posts")
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_posts",
        verbose_name=_("on behalf of"),
    )
    status = models.CharField(_("status"), max_length=10, choices=PostStatus.choices, blank=True, default="")
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    resource = models.CharField(
        _("what is offered or needed"), max_length=16, choices=OfferResource.choices, blank=True
    )
    sector = models.CharField(_("sector"), max_length=24, choices=SECTOR_CHOICES, blank=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    campaign = models.ForeignKey(
        "Campaign", on_delete=models.SET_NULL, null=True, blank=True, related_name="feed_posts"
    )
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    interest_count = models.PositiveIntegerField(_("interested organisations"), default=0)
    search_document = models.TextField(_("search text"), blank=True, default="", editable=False)
    title_initials = models.CharField(_("initial consonants of the title"), max_length=200, blank=True, editable=False)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archive_reason = models.TextField(_("reason for archiving"), blank=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="board_post_title_not_empty"),
            models.CheckConstraint(condition=~Q(body=""), name="board_post_body_not_empty"),
            # Requests and offers always have a status; the other kinds never.
            models.CheckConstraint(
                condition=(Q(kind__in=MATCHABLE_KINDS) & ~Q(status="")) | (~Q(kind__in=MATCHABLE_KINDS) & Q(status="")),
                name="board_post_status_only_for_requests_and_offers",
            ),
            models.CheckConstraint(
                condition=Q(pinned=False) | Q(kind=PostKind.NOTICE), name="board_post_only_notices_pinned"
            ),
        ]
        indexes = [
            # The public feed: live posts, newest first (cursor pagination walks this index).
            models.Index(
                F("created_at").desc(),
                F("id").desc(),
                condition=Q(hidden_at__isnull=True, archived_at__isnull=True, pinned=False),
                name="board_post_feed",
            ),
            models.Index(fields=["kind", "-created_at"], name="board_post_kind"),
            models.Index(fields=["enterprise", "-created_at"], name="board_post_enterprise"),
            models.Index(fields=["author", "-created_at"], name="board_post_author"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_matchable(self) -> bool:
        return self.kind in MATCHABLE_KINDS


class PostImage(models.Model):
    """An image of a post (checked and re-encoded by ``api.common.images``)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="board/")
    alt = models.CharField(_("text alternative"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"image {self.pk} of post {self.post_id}"


class Comment(models.Model):
    """A comment on a post, or a reply to a top-level comment (one level: ``parent`` is never a reply).

    Deleting keeps the row (``deleted_at``): the thread shows a placeholder, coordinators still see
    the text. Moderation hides it the same way (``hidden_at``)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="board_comments")
    body = models.TextField(_("body (Markdown)"))
    body_html = models.TextField(_("body (HTML)"), editable=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="board_comment_body_not_empty"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="board_comment_not_own_parent"),
        ]
        indexes = [models.Index(fields=["post", "created_at", "id"], name="board_comment_thread")]

    def __str__(self) -> str:
        return f"comment {self.pk} on post {self.post_id}"


class Interest(models.Model):
    """An organisation's "we're interested" in a request or offer, expressed by one of its members."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="interests")
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="board_interests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["post", "enterprise"], name="board_interest_once_per_post")]

    def __str__(self) -> str:
        return f"interest of {self.enterprise_id} in post {self.post_id}"


class Collaboration(models.Model):
    """Who worked with whom, on what, when: made when a request or offer is marked matched (or a
    campaign is published), with every partner organisation (the author's own among them)."""

    post = models.OneToOneField(Post, on_delete=models.PROTECT, null=True, blank=True, related_name="collaboration")
    campaign = models.OneToOneField(
        "Campaign", on_delete=models.PROTECT, null=True, blank=True, related_name="collaboration"
    )
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    partners: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "enterprises.Enterprise", through="CollaborationPartner", related_name="board_collaborations"
    )
    matched_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    matched_at = models.DateTimeField(_("matched at"), auto_now_add=True)

    class Meta:
        ordering = ["-matched_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False) | Q(campaign__isnull=False), name="board_collaboration_has_origin"
            )
        ]

    def __str__(self) -> str:
        return self.title


class CollaborationPartner(models.Model):
    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="links")
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collaboration", "enterprise"], name="board_collaboration_partner_once")
        ]
        indexes = [models.Index(fields=["enterprise", "collaboration"], name="board_partner_enterprise")]

    def __str__(self) -> str:
        return f"partner {self.enterprise_id} of collaboration {self.collaboration_id}"


class CampaignStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PUBLISHED = "published", _("Published")


class Campaign(models.Model):
    """A joint-promotion campaign: proposed by an organisation, joined by others with a selection
    of their products, published as a public page and a feed item."""

    title = models.CharField(_("title"), max_length=200)
    story = models.TextField(_("story (Markdown)"))
    story_html = models.TextField(_("story (HTML)"), editable=False)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.PROPOSED
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    participants: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "enterprises.Enterprise", through="CampaignParticipant", related_name="board_campaigns"
    )
    products = models.ManyToManyField("enterprises.Product", blank=True, related_name="board_campaigns")
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="board_campaign_title_not_empty"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="board_campaign_ends_after_start"),
        ]

    def __str__(self) -> str:
        return self.title

    def permission_enterprise_ids(self) -> list[int]:
        return [self.enterprise_id]


class CampaignParticipant(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participations")
    enterprise = models.ForeignKey("enterprises.Enterprise", on_delete=models.PROTECT, related_name="+")
    joined_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "enterprise"], name="board_campaign_join_once")]

    def __str__(self) -> str:
        return f"participant {self.enterprise_id} of campaign {self.campaign_id}"


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    """Someone's report of a post or a comment, waiting in the coordinators' moderation queue."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(post__isnull=False) & Q(comment__isnull=True))
                | (Q(post__isnull=True) & Q(comment__isnull=False)),
                name="board_report_one_target",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="board_report_reason_not_empty"),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="board_report_queue")]

    def __str__(self) -> str:
        return f"report {self.pk}"
