"""Board serializers: ``<Entity>Serializer`` for output, ``<Entity><Verb>InputSerializer`` for input."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.board.models import (
    Campaign,
    CampaignParticipant,
    Collaboration,
    Comment,
    Interest,
    OfferResource,
    Post,
    PostImage,
    PostKind,
    Report,
)
from api.board.permissions import can_manage_campaign, can_manage_comment, can_manage_post
from api.board.services import MAX_CAMPAIGN_PRODUCTS, MAX_PARTNERS, MAX_TAG_LENGTH, MAX_TAGS
from api.common.permissions import is_coordinator
from api.common.richtext import MAX_MARKDOWN_LENGTH
from api.common.serializers import (
    IdField,
    IdListField,
    ModelSerializer,
    OrganisationSummarySerializer,
    PersonSerializer,
    Serializer,
)
from api.enterprises.selectors import SECTOR_CHOICES

MAX_REASON_LENGTH = 1000
MAX_MESSAGE_LENGTH = 2000
EXCERPT_LENGTH = 200

# Organisations, products and users belong to other domains: reached through relations, never imported.
_PRODUCT_MODEL: Any = Campaign._meta.get_field("products").related_model


def _user(context: dict[str, Any]) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


class PostImageSerializer(ModelSerializer):
    class Meta:
        model = PostImage
        fields = ["id", "image", "alt"]
        read_only_fields = fields


class PostSerializer(ModelSerializer):
    """A post as the feed shows it (a plain-text excerpt instead of the whole body)."""

    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    tags = serializers.SerializerMethodField()
    author = PersonSerializer(read_only=True)
    enterprise = OrganisationSummarySerializer(read_only=True, allow_null=True)
    images = PostImageSerializer(many=True, read_only=True)
    excerpt = serializers.SerializerMethodField(help_text=_("The start of the text, without formatting."))
    edited = serializers.SerializerMethodField(help_text=_("Changed after it was posted."))
    hidden = serializers.SerializerMethodField(
        help_text=_("Hidden by a moderator (only coordinators and the author see it).")
    )
    url = serializers.SerializerMethodField(help_text=_("The post's page in the web app."))

    class Meta:
        model = Post
        fields = [
            "id",
            "kind",
            "kind_label",
            "title",
            "excerpt",
            "tags",
            "author",
            "enterprise",
            "status",
            "status_label",
            "deadline",
            "resource",
            "sector",
            "pinned",
            "campaign",
            "images",
            "comment_count",
            "interest_count",
            "edited",
            "hidden",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, post: Post) -> list[str]:
        return [tag.name for tag in post.tags.all()]

    def get_excerpt(self, post: Post) -> str:
        return " ".join(post.body[: EXCERPT_LENGTH * 4].split())[:EXCERPT_LENGTH]

    def get_edited(self, post: Post) -> bool:
        return post.edited_at is not None

    def get_hidden(self, post: Post) -> bool:
        return post.hidden_at is not None

    def get_url(self, post: Post) -> str:
        return f"/board/{post.pk}"


class CommentSerializer(ModelSerializer):
    """A comment. A removed one (deleted by its author or hidden by a moderator) keeps its place
    with ``removed`` set and no text, except for coordinators, who still see it."""

    author = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    body_html = serializers.SerializerMethodField()
    removed = serializers.SerializerMethodField(help_text=_("Removed: empty for everyone but coordinators."))
    removed_reason = serializers.SerializerMethodField(
        help_text=_("deleted (by its author) or hidden (by a moderator).")
    )
    edited = serializers.SerializerMethodField(help_text=_("Changed after it was posted."))
    can_edit = serializers.SerializerMethodField(help_text=_("Whether you may edit or delete it."))

    class Meta:
        model = Comment
        fields = [
            "id",
            "post",
            "parent",
            "author",
            "body",
            "body_html",
            "removed",
            "removed_reason",
            "edited",
            "can_edit",
            "created_at",
        ]
        read_only_fields = fields

    def _shown(self, comment: Comment) -> bool:
        return not self.get_removed(comment) or is_coordinator(_user(self.context))

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_author(self, comment: Comment) -> dict[str, Any] | None:
        if not self._shown(comment):
            return None
        return {"id": comment.author.pk, "display_name": comment.author.display_name}

    def get_body(self, comment: Comment) -> str:
        return comment.body if self._shown(comment) else ""

    def get_body_html(self, comment: Comment) -> str:
        return comment.body_html if self._shown(comment) else ""

    def get_removed(self, comment: Comment) -> bool:
        return comment.deleted_at is not None or comment.hidden_at is not None

    def get_removed_reason(self, comment: Comment) -> str:
        if comment.hidden_at is not None:
            return "hidden"
        return "deleted" if comment.deleted_at is not None else ""

    def get_edited(self, comment: Comment) -> bool:
        return comment.edited_at is not None

    def get_can_edit(self, comment: Comment) -> bool:
        return comment.deleted_at is None and can_manage_comment(_user(self.context), comment)


class CommentThreadSerializer(CommentSerializer):
    """A top-level comment with its replies (one level)."""

    replies = serializers.SerializerMethodField()

    class Meta(CommentSerializer.Meta):
        fields = [*CommentSerializer.Meta.fields, "replies"]
        read_only_fields = fields

    @extend_schema_field(CommentSerializer(many=True))
    def get_replies(self, comment: Comment) -> Any:
        replies = self.context.get("replies", {}).get(comment.pk, [])
        return CommentSerializer(replies, many=True, context=self.context).data


class InterestSerializer(ModelSerializer):
    enterprise = OrganisationSummarySerializer(read_only=True)
    user = PersonSerializer(read_only=True)

    class Meta:
        model = Interest
        fields = ["id", "enterprise", "user", "message", "created_at"]
        read_only_fields = fields


class CollaborationPostSerializer(ModelSerializer):
    class Meta:
        model = Post
        fields = ["id", "kind", "title"]
        read_only_fields = fields


class CollaborationSerializer(ModelSerializer):
    """Who worked with whom, on what, when."""

    post = CollaborationPostSerializer(read_only=True, allow_null=True)
    partners = OrganisationSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Collaboration
        fields = ["id", "title", "note", "post", "campaign", "partners", "matched_at"]
        read_only_fields = fields


class PostDetailSerializer(PostSerializer):
    """A post with its whole text, its threaded comments, the organisations interested and, once
    matched, the collaboration."""

    comments = serializers.SerializerMethodField()
    interests = serializers.SerializerMethodField()
    collaboration = serializers.SerializerMethodField()
    hidden_reason = serializers.SerializerMethodField(
        help_text=_("Why a moderator hid it (coordinators and the author).")
    )
    can_edit = serializers.SerializerMethodField(
        help_text=_("Whether you may edit it, mark it matched or closed, or delete it.")
    )

    class Meta(PostSerializer.Meta):
        fields = [
            *PostSerializer.Meta.fields,
            "body",
            "body_html",
            "hidden_reason",
            "can_edit",
            "interests",
            "collaboration",
            "comments",
        ]
        read_only_fields = fields

    @extend_schema_field(CommentThreadSerializer(many=True))
    def get_comments(self, post: Post) -> Any:
        thread = getattr(post, "thread", None)
        if thread is None:
            thread = list(post.comments.select_related("author").order_by("created_at", "id"))
        replies: dict[int, list[Comment]] = {}
        top = []
        for comment in thread:
            if comment.parent_id is None:
                top.append(comment)
            else:
                replies.setdefault(comment.parent_id, []).append(comment)
        context = {**self.context, "replies": replies}
        return CommentThreadSerializer(top, many=True, context=context).data

    @extend_schema_field(InterestSerializer(many=True))
    def get_interests(self, post: Post) -> Any:
        interests = getattr(post, "interest_list", None)
        if interests is None:
            interests = list(post.interests.select_related("enterprise", "user"))
        return InterestSerializer(interests, many=True).data

    @extend_schema_field(CollaborationSerializer(allow_null=True))
    def get_collaboration(self, post: Post) -> Any:
        try:
            collaboration = post.collaboration
        except Collaboration.DoesNotExist:
            return None
        return CollaborationSerializer(collaboration).data

    def get_hidden_reason(self, post: Post) -> str:
        user = _user(self.context)
        if is_coordinator(user) or (user and user.is_authenticated and post.author_id == user.pk):
            return post.hidden_reason
        return ""

    def get_can_edit(self, post: Post) -> bool:
        return can_manage_post(_user(self.context), post)


class SuggestedPostSerializer(PostSerializer):
    score = serializers.IntegerField(read_only=True, help_text=_("How well it fits (higher is better)."))

    class Meta(PostSerializer.Meta):
        fields = [*PostSerializer.Meta.fields, "score"]
        read_only_fields = fields


class SuggestedOrganisationSerializer(OrganisationSummarySerializer):
    score = serializers.IntegerField(read_only=True, help_text=_("How well it fits (higher is better)."))


class SuggestionsSerializer(Serializer):
    posts = SuggestedPostSerializer(many=True, read_only=True)
    organisations = SuggestedOrganisationSerializer(many=True, read_only=True)


class NetworkNodeSerializer(Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    collaborations = serializers.IntegerField(help_text=_("Collaborations it took part in."))


class NetworkEdgeSerializer(Serializer):
    source = serializers.IntegerField(help_text=_("Organisation id."))  # type: ignore[assignment]  # a field named like Field.source
    target = serializers.IntegerField(help_text=_("Organisation id."))
    weight = serializers.IntegerField(help_text=_("Collaborations of the pair."))


class CollaborationNetworkSerializer(Serializer):
    nodes = NetworkNodeSerializer(many=True)
    edges = NetworkEdgeSerializer(many=True)


class ReportSerializer(ModelSerializer):
    reporter = PersonSerializer(read_only=True)
    resolved_by = PersonSerializer(read_only=True, allow_null=True)
    target = serializers.SerializerMethodField(help_text=_("post or comment"))
    target_post = serializers.SerializerMethodField(help_text=_("The post reported, or the post of the comment."))
    excerpt = serializers.SerializerMethodField(help_text=_("The start of the reported text."))
    target_hidden = serializers.SerializerMethodField(help_text=_("Whether the reported text is hidden now."))
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "target",
            "target_post",
            "comment",
            "excerpt",
            "target_hidden",
            "reason",
            "reporter",
            "status",
            "status_label",
            "resolution",
            "resolved_by",
            "created_at",
            "resolved_at",
        ]
        read_only_fields = fields

    def get_target(self, report: Report) -> str:
        return "comment" if report.comment_id else "post"

    @extend_schema_field(CollaborationPostSerializer)
    def get_target_post(self, report: Report) -> dict[str, Any]:
        post = report.comment.post if report.comment_id and report.comment else report.post
        return {"id": post.pk, "kind": post.kind, "title": post.title} if post else {}

    def get_excerpt(self, report: Report) -> str:
        text = (
            report.comment.body if report.comment_id and report.comment else (report.post.body if report.post else "")
        )
        return " ".join(text.split())[:EXCERPT_LENGTH]

    def get_target_hidden(self, report: Report) -> bool:
        target = report.comment if report.comment_id else report.post
        return bool(target and target.hidden_at is not None)


class CampaignParticipantSerializer(ModelSerializer):
    enterprise = OrganisationSummarySerializer(read_only=True)

    class Meta:
        model = CampaignParticipant
        fields = ["enterprise", "joined_at"]
        read_only_fields = fields


class CampaignProductSerializer(ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = _PRODUCT_MODEL
        fields = ["id", "enterprise", "name", "price", "category", "category_label"]
        read_only_fields = fields


class CampaignSerializer(ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    enterprise = OrganisationSummarySerializer(read_only=True)
    proposed_by = PersonSerializer(read_only=True)
    participants = CampaignParticipantSerializer(source="participations", many=True, read_only=True)
    products = CampaignProductSerializer(many=True, read_only=True)
    can_edit = serializers.SerializerMethodField(help_text=_("Whether you may edit or publish it."))

    class Meta:
        model = Campaign
        fields = [
            "id",
            "title",
            "story",
            "story_html",
            "starts_on",
            "ends_on",
            "status",
            "status_label",
            "enterprise",
            "proposed_by",
            "participants",
            "products",
            "can_edit",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_can_edit(self, campaign: Campaign) -> bool:
        return can_manage_campaign(_user(self.context), campaign)


class BoardStatsSerializer(Serializer):
    collaborations = serializers.IntegerField(help_text=_("Collaborations recorded on the board."))
    organisations_collaborated = serializers.IntegerField(
        help_text=_("Verified organisations that took part in at least one collaboration.")
    )
    organisations_collaborated_percent = serializers.FloatField(
        help_text=_("Their share of all verified organisations, in percent.")
    )
    open_requests = serializers.IntegerField(help_text=_("Open collaboration requests."))
    open_offers = serializers.IntegerField(help_text=_("Open offers."))


# --- Input ----------------------------------------------------------------------------------------------


class _MarkdownField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_MARKDOWN_LENGTH)
        kwargs.setdefault("help_text", _("Markdown (at most 20,000 characters); raw HTML is shown as text."))
        super().__init__(**kwargs)


class _TagsField(serializers.ListField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("child", serializers.CharField(max_length=MAX_TAG_LENGTH))
        kwargs.setdefault("max_length", MAX_TAGS)
        kwargs.setdefault("help_text", _("Up to 10 tags of at most 40 characters."))
        super().__init__(**kwargs)


class PostCreateInputSerializer(Serializer):
    kind = serializers.ChoiceField(choices=PostKind.choices)
    title = serializers.CharField(max_length=200)
    body = _MarkdownField()
    tags = _TagsField(required=False, default=list)
    enterprise_id = IdField(
        required=False, allow_null=True, help_text=_("Post on behalf of this organisation (you must be its member).")
    )
    deadline = serializers.DateField(required=False, allow_null=True, help_text=_("Requests and offers only."))
    resource = serializers.ChoiceField(
        choices=OfferResource.choices, required=False, allow_blank=True, help_text=_("Requests and offers only.")
    )
    sector = serializers.ChoiceField(choices=SECTOR_CHOICES, required=False, allow_blank=True)
    pinned = serializers.BooleanField(required=False, help_text=_("Notices only; coordinators."))


class PostUpdateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200, required=False)
    body = _MarkdownField(required=False)
    tags = _TagsField(required=False)
    deadline = serializers.DateField(required=False, allow_null=True, help_text=_("Requests and offers only."))
    resource = serializers.ChoiceField(
        choices=OfferResource.choices, required=False, allow_blank=True, help_text=_("Requests and offers only.")
    )
    sector = serializers.ChoiceField(choices=SECTOR_CHOICES, required=False, allow_blank=True)
    pinned = serializers.BooleanField(required=False, help_text=_("Notices only; coordinators."))


class MarkdownPreviewInputSerializer(Serializer):
    body = _MarkdownField(allow_blank=True)


class MarkdownPreviewSerializer(Serializer):
    body_html = serializers.CharField(help_text=_("The sanitised HTML the post would show."))


class PostImageInputSerializer(Serializer):
    image = serializers.ImageField(help_text=_("PNG, JPEG or WebP, at most 5 MB."))
    alt = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class CommentCreateInputSerializer(Serializer):
    post_id = IdField(help_text=_("The post commented on."))
    body = _MarkdownField()
    parent_id = IdField(required=False, allow_null=True, help_text=_("Reply to this top-level comment."))


class CommentUpdateInputSerializer(Serializer):
    body = _MarkdownField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "body" not in attrs:  # an empty PATCH: the text is the one field to change
            raise serializers.ValidationError({"body": [_("Give the new text of the comment.")]})
        return attrs


class InterestCreateInputSerializer(Serializer):
    enterprise_id = IdField(help_text=_("Your organisation that is interested."))
    message = serializers.CharField(max_length=MAX_MESSAGE_LENGTH, required=False, allow_blank=True, default="")


class PostMatchInputSerializer(Serializer):
    enterprise_ids = IdListField(
        max_length=MAX_PARTNERS, help_text=_("Partner organisations (each must have expressed interest).")
    )
    note = serializers.CharField(max_length=MAX_MESSAGE_LENGTH, required=False, allow_blank=True, default="")


class ModerationReasonInputSerializer(Serializer):
    reason = serializers.CharField(max_length=MAX_REASON_LENGTH, help_text=_("Why (kept in the audit log)."))


class ReportCreateInputSerializer(Serializer):
    reason = serializers.CharField(max_length=MAX_REASON_LENGTH, help_text=_("What is wrong with it."))


class CampaignCreateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200)
    story = _MarkdownField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    enterprise_id = IdField(help_text=_("Your organisation proposing the campaign."))
    product_ids = IdListField(
        max_length=MAX_CAMPAIGN_PRODUCTS, required=False, default=list, help_text=_("Its products in the campaign.")
    )


class CampaignUpdateInputSerializer(Serializer):
    title = serializers.CharField(max_length=200, required=False)
    story = _MarkdownField(required=False)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)


class CampaignJoinInputSerializer(Serializer):
    enterprise_id = IdField(help_text=_("Your organisation joining the campaign."))
    product_ids = IdListField(
        max_length=MAX_CAMPAIGN_PRODUCTS, required=False, default=list, help_text=_("Its products in the campaign.")
    )
