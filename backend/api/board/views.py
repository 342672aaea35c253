"""Board endpoints. Each validates input, calls one service or selector and serializes the result."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, throttling
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.board import examples as ex
from api.board import selectors, services
from api.board.filters import CollaborationFilter, PostFilter, ReportFilter
from api.board.models import Campaign, Collaboration, Comment, Post, PostKind, Report
from api.board.permissions import IsCampaignManagerOrReadOnly, IsCommentAuthor, IsPostManagerOrReadOnly
from api.board.serializers import (
    CampaignCreateInputSerializer,
    CampaignJoinInputSerializer,
    CampaignSerializer,
    CampaignUpdateInputSerializer,
    CollaborationNetworkSerializer,
    CollaborationSerializer,
    CommentCreateInputSerializer,
    CommentSerializer,
    CommentUpdateInputSerializer,
    InterestCreateInputSerializer,
    InterestSerializer,
    MarkdownPreviewInputSerializer,
    MarkdownPreviewSerializer,
    ModerationReasonInputSerializer,
    PostCreateInputSerializer,
    PostDetailSerializer,
    PostImageInputSerializer,
    PostImageSerializer,
    PostMatchInputSerializer,
    PostSerializer,
    PostUpdateInputSerializer,
    ReportCreateInputSerializer,
    ReportSerializer,
    SuggestionsSerializer,
)
from api.common.archiving import ARCHIVE_REASON_PARAMETER, archive_reason_of, archive_responses
from api.common.images import image_check
from api.common.pagination import CursorPagination
from api.common.parsers import MultiPartParser
from api.common.permissions import IsCoordinator
from api.common.renderers import FirstRendererNegotiation
from api.common.richtext import render_markdown
from api.common.schema import answers
from api.common.throttles import client_address
from api.common.viewsets import (
    ActionViewSet,
    CreateUpdateDomainViewSet,
    CrudDomainViewSet,
    DomainViewSet,
    created_response,
)

T = TypeVar("T")

TAG = ["board"]
COLLABORATION_TAG = ["collaborations"]
CAMPAIGN_TAG = ["campaigns"]
MODERATION_TAG = ["moderation"]
FEED_ITEMS = 50


# --- Throttles: posting and commenting per account -------------------------------------------------------


class _AccountWriteThrottle(throttling.SimpleRateThrottle):
    """Counts one kind of write per account (``THROTTLE_RATES[scope]``), whatever the address."""

    scope: str = ""

    def get_rate(self) -> str | None:
        return settings.THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if request.method != "POST":
            return None
        user = request.user
        ident = user.pk if user and user.is_authenticated else client_address(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PostingThrottle(_AccountWriteThrottle):
    scope = "board_post"


class CommentingThrottle(_AccountWriteThrottle):
    scope = "board_comment"


# --- Posts -------------------------------------------------------------------------------------------------


class FeedPagination(CursorPagination):
    """Newest first by an opaque cursor; the first page (no ``cursor``) starts with the pinned
    notices that match the filters (at most 5), which never appear further down."""

    ordering = ("-created_at", "-id")  # type: ignore[assignment]  # DRF takes a tuple: the id breaks ties


_POST_LIST_DESCRIPTION = (
    "게시판 피드: 최신순, 고정 공지가 첫 페이지 맨 위 (the feed: newest first by cursor; the first page starts "
    "with up to 5 pinned notices matching the filters). Filters: `kind`, `status`, `organisation` (slug), `tag`, "
    "`author` (id), `search` (Korean search as in the directory: substrings inside words, 1–2 syllables, 초성). "
    "Hidden and deleted posts are gone from the feed."
)


@extend_schema_view(
    list=extend_schema(
        operation_id="posts_list",
        summary="게시판 피드 (Board feed)",
        description=_POST_LIST_DESCRIPTION,
        tags=TAG,
        responses=answers(200, PostSerializer(many=True), ex.POST_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="posts_retrieve",
        summary="게시글 (Post)",
        description=(
            "본문(마크다운과 안전한 HTML), 댓글과 답글, 관심 조직, 성사된 협업 (the post with its Markdown and sanitised "
            "HTML, threaded comments, interested organisations and, once matched, the collaboration). A hidden post "
            "is 404 except for coordinators and its author."
        ),
        tags=TAG,
        responses=answers(200, PostDetailSerializer, ex.POST_DETAIL),
    ),
    create=extend_schema(
        operation_id="posts_create",
        summary="글쓰기 (Write a post)",
        description=(
            "로그인한 누구나; 조직 명의(`enterprise_id`)는 그 조직 회원만 (anyone logged in; on behalf of an organisation "
            "only its members: 403 `not_your_organisation`). Notices (`kind=notice`, `pinned`) are for coordinators. "
            "Requests and offers start open and may have a `deadline` and `resource`. Body: Markdown, at most 20,000 "
            "characters, rendered to sanitised HTML. Throttled per account (`board_post`)."
        ),
        tags=TAG,
        request=PostCreateInputSerializer,
        responses=answers(201, PostDetailSerializer, ex.POST_DETAIL),
        examples=[ex.POST_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="posts_update",
        summary="글 수정 (Edit a post)",
        description=(
            "작성자, 그 조직의 회원, 코디네이터 (its author, members of its organisation, coordinators); the post is "
            "marked edited. Honours If-Match."
        ),
        tags=TAG,
        request=PostUpdateInputSerializer,
        responses=answers(200, PostDetailSerializer, ex.POST_DETAIL),
        examples=[ex.POST_PATCH],
    ),
    destroy=extend_schema(
        operation_id="posts_delete",
        summary="글 삭제 (Delete a post)",
        description=(
            "지운 글은 보관되어 코디네이터만 봅니다 (a deleted post is archived: gone for everyone but coordinators; "
            "the audit log keeps the change). Optional `reason`. 409 `post_archived`. Honours If-Match."
        ),
        tags=TAG,
        parameters=[ARCHIVE_REASON_PARAMETER],
        responses=archive_responses(),
    ),
)
class PostViewSet(CrudDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})  # anonymous reads served from the response cache
    permission_classes = [IsPostManagerOrReadOnly]
    filter_backends = [DjangoFilterBackend]
    filterset_class = PostFilter
    pagination_class = FeedPagination
    lookup_value_regex = r"\d+"
    schema_model = Post
    input_serializers = {"create": PostCreateInputSerializer, "partial_update": PostUpdateInputSerializer}

    def select(self) -> QuerySet[Post]:
        if self.action == "list":
            return selectors.post_feed(user=self.request.user)
        return selectors.post_detail_queryset(user=self.request.user)

    def get_serializer_class(self) -> Any:
        return PostSerializer if self.action == "list" else PostDetailSerializer

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], Post):  # one post: its tags and images from its annotations
            selectors.post_detail_load(args[0])
        return super().get_serializer(*args, **kwargs)

    def get_throttles(self) -> list[Any]:
        throttles = super().get_throttles()
        return [*throttles, PostingThrottle()] if getattr(self, "action", None) == "create" else throttles

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = list(self.paginate_queryset(queryset) or [])
        if not request.query_params.get(FeedPagination.cursor_query_param):
            pinned = selectors.pinned_posts(queryset=self.filter_queryset(selectors.pinned_base(user=request.user)))
            page = [*pinned, *page]
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def perform_create(self, data: Any) -> Post:
        return services.post_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.post_update(post=serializer.instance, actor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance: Post) -> None:
        services.post_delete(
            post=instance, actor=self.request.user, reason=archive_reason_of(self.request, from_query=True)
        )


# --- Reports of a post or a comment (the rules are in services.report_create) ----------------------------

_REPORT_SCHEMA: dict[str, Any] = {
    "tags": MODERATION_TAG,
    "request": ReportCreateInputSerializer,
    "responses": answers(201, ReportSerializer, ex.REPORT_OUT),
    "examples": [ex.REPORT_IN],
}


def _report_created(
    request: Request, *, location: str, post: Post | None = None, comment: Comment | None = None
) -> Response:
    """Report the post or the comment with the reason in the body; 201 with the report and, as
    ``Location``, the reported object (the queue of reports is for coordinators)."""
    data = ReportCreateInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    report = services.report_create(actor=request.user, post=post, comment=comment, **data.validated_data)
    return created_response(ReportSerializer(selectors.report_list().get(pk=report.pk)).data, location=location)


def _moderate(request: Request, service: Callable[..., T], **target: Callable[[], Any]) -> T:
    """Hide or unhide a post or a comment: the reason validated first (400), then the object read
    (``post=`` or ``comment=`` its getter: 404/403) and handed to the one service that moves it."""
    data = ModerationReasonInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    found = {name: get_object() for name, get_object in target.items()}
    return service(**found, actor=request.user, **data.validated_data)


class PostActionViewSet(ActionViewSet):
    """Transitions and sub-resources of one post (not conditional: no ETag/If-Match)."""

    permission_classes = [IsPostManagerOrReadOnly]
    filter_backends: list[Any] = []
    pagination_class = None
    lookup_value_regex = r"\d+"
    serializer_class = PostDetailSerializer
    schema_model = Post

    def select(self) -> QuerySet[Post]:
        return selectors.post_detail_queryset(user=self.request.user)

    def _detail(self, post: Post) -> Response:
        fresh = selectors.post_detail_load(selectors.post_detail_queryset(user=self.request.user).get(pk=post.pk))
        return Response(PostDetailSerializer(fresh, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="posts_interest_create",
        summary="관심 있어요 (Express interest)",
        description=(
            "조직 회원이 자기 조직 명의로 요청·제공 글에 관심을 표시하고, 글쓴이에게 알림이 갑니다 (a member expresses "
            "interest on behalf of their organisation; the author is notified). 403 `not_your_organisation`; 409 "
            "`own_post` (your own post or your organisation's), `post_not_open` (matched or closed), "
            "`post_not_matchable` (not a request or offer), `already_interested`."
        ),
        tags=TAG,
        request=InterestCreateInputSerializer,
        responses=answers(201, InterestSerializer, ex.INTEREST_OUT, errors=(403,)),
        examples=[ex.INTEREST_CREATE],
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def interest(self, request: Request, pk: str | None = None) -> Response:
        post = self.get_object()
        data = InterestCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        interest = services.interest_create(post=post, actor=request.user, **data.validated_data)
        return created_response(InterestSerializer(interest).data, location=f"/api/v1/posts/{post.pk}/")

    @extend_schema(
        operation_id="posts_match",
        summary="성사 표시 (Mark matched)",
        description=(
            "관심을 표시한 조직 가운데 협업 상대를 골라 성사로 표시하면 협업 기록이 남습니다 (the author, its organisation's "
            "members or a coordinator mark an open request or offer matched with organisations that expressed "
            "interest: 400 `not_interested` names the others; the collaboration is recorded with the post's own "
            "organisation among the partners and shows in `/api/v1/collaborations/`). 409 `post_not_open`."
        ),
        tags=TAG,
        request=PostMatchInputSerializer,
        responses=answers(200, CollaborationSerializer, ex.COLLABORATION_OUT),
        examples=[ex.MATCH_IN],
    )
    @action(detail=True, methods=["post"])
    def match(self, request: Request, pk: str | None = None) -> Response:
        post = self.get_object()
        data = PostMatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        collaboration = services.post_match(post=post, actor=request.user, **data.validated_data)
        fresh = selectors.collaboration_list().get(pk=collaboration.pk)
        return Response(CollaborationSerializer(fresh).data)

    @extend_schema(
        operation_id="posts_close",
        summary="마감 (Close without a match)",
        description="성사 없이 마감합니다 (closes an open request or offer). 409 `post_not_open`, `post_not_matchable`.",
        tags=TAG,
        request=None,
        responses=answers(200, PostDetailSerializer, ex.POST_DETAIL),
    )
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(services.post_close(post=self.get_object(), actor=request.user))

    @extend_schema(
        operation_id="posts_suggestions",
        summary="추천 매칭 (Suggested matches)",
        description=(
            "요청에는 맞는 제공 글과 조직을, 제공에는 맞는 요청 글과 조직을 점수순으로 (for a request, open offers and "
            "organisations whose tags, sector or products fit, ranked; the reverse for an offer). Empty lists for "
            "other kinds."
        ),
        tags=TAG,
        responses=answers(200, SuggestionsSerializer, ex.SUGGESTIONS_OUT),
    )
    @action(detail=True, methods=["get"])
    def suggestions(self, request: Request, pk: str | None = None) -> Response:
        post = self.get_object()
        body = {
            "posts": selectors.suggested_posts(post=post),
            "organisations": selectors.suggested_enterprises(post=post),
        }
        return Response(SuggestionsSerializer(body, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="posts_report",
        summary="글 신고 (Report a post)",
        description="로그인한 누구나, 사유와 함께; 코디네이터의 검토 대기열로 갑니다 (anyone logged in, with a reason).",
        **_REPORT_SCHEMA,
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def report(self, request: Request, pk: str | None = None) -> Response:
        post = self.get_object()
        return _report_created(request, post=post, location=f"/api/v1/posts/{post.pk}/")

    @extend_schema(
        operation_id="posts_hide",
        summary="글 가리기 (Hide a post)",
        description=(
            "코디네이터만, 사유와 함께: 목록과 피드에서 사라지고 열린 신고가 처리됩니다 (coordinators only, with a reason: "
            "gone from lists, feeds and its page for everyone but coordinators and its author; open reports of it "
            "are resolved; audit-logged). 409 `already_hidden`."
        ),
        tags=MODERATION_TAG,
        request=ModerationReasonInputSerializer,
        responses=answers(200, PostDetailSerializer, ex.POST_DETAIL),
        examples=[ex.REASON_IN],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsCoordinator])
    def hide(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(_moderate(request, services.post_hide, post=self.get_object))

    @extend_schema(
        operation_id="posts_unhide",
        summary="가린 글 되살리기 (Restore a hidden post)",
        description="코디네이터만, 사유와 함께 (coordinators only, with a reason; audit-logged). 409 `not_hidden`.",
        tags=MODERATION_TAG,
        request=ModerationReasonInputSerializer,
        responses=answers(200, PostDetailSerializer, ex.POST_DETAIL),
        examples=[ex.REASON_IN],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsCoordinator])
    def unhide(self, request: Request, pk: str | None = None) -> Response:
        return self._detail(_moderate(request, services.post_unhide, post=self.get_object))

    @extend_schema(
        operation_id="posts_images_create",
        summary="이미지 올리기 (Add an image)",
        description="multipart/form-data의 `image`: PNG, JPEG, WebP, 5 MB 이하 (checked by content, metadata removed).",
        tags=TAG,
        request={"multipart/form-data": PostImageInputSerializer},
        responses=answers(201, PostImageSerializer, ex.IMAGE_OUT),
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def images(self, request: Request, pk: str | None = None) -> Response:
        post = self.get_object()
        data = PostImageInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        image = data.validated_data["image"]
        image_format = image_check(image, field="image")
        added = services.post_image_add(
            post=post, actor=request.user, image=image, image_format=image_format, alt=data.validated_data["alt"]
        )
        return created_response(
            PostImageSerializer(added, context=self.get_serializer_context()).data,
            location=f"{request.path}{added.pk}/",
        )

    @extend_schema(
        operation_id="posts_images_delete",
        summary="이미지 삭제 (Remove an image)",
        description="글을 고칠 수 있는 사람만 (whoever may edit the post).",
        tags=TAG,
        responses=answers(204, description="삭제됨 (Removed)"),
    )
    @action(detail=True, methods=["delete"], url_path=r"images/(?P<image_id>\d+)")
    def image_delete(self, request: Request, pk: str | None = None, image_id: str | None = None) -> Response:
        services.post_image_delete(post=self.get_object(), actor=request.user, image_id=int(image_id or 0))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MarkdownPreviewView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="posts_preview",
        summary="마크다운 미리보기 (Markdown preview)",
        description=(
            "저장하지 않고 글이 보일 모습을 돌려줍니다 (renders Markdown to the same sanitised HTML a post or comment "
            "gets, without saving anything). Logged-in users."
        ),
        tags=TAG,
        request=MarkdownPreviewInputSerializer,
        responses=answers(200, MarkdownPreviewSerializer, ex.PREVIEW_OUT),
        examples=[ex.PREVIEW_IN],
    )
    def post(self, request: Request) -> Response:
        data = MarkdownPreviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"body_html": render_markdown(data.validated_data["body"])})


# --- RSS and Atom -----------------------------------------------------------------------------------------


class RSSRenderer(BaseRenderer):
    media_type = "application/rss+xml"
    format = "rss"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        # A feed is written by the view; anything else reaching here is a problem document (JSON).
        return data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False, default=str).encode()


class AtomRenderer(RSSRenderer):
    media_type = "application/atom+xml"
    format = "atom"


class _SyndicationView(APIView):
    response_cache = True  # anonymous reads served from the response cache
    permission_classes = [permissions.AllowAny]
    content_negotiation_class = FirstRendererNegotiation
    feed_class: type[SyndicationFeed] = Rss201rev2Feed

    def feed(self, request: Request) -> HttpResponse:
        queryset = selectors.post_feed(user=None)
        filterset = PostFilter(data=request.query_params, queryset=queryset, request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        base = settings.FRONTEND_URL.rstrip("/")
        feed = self.feed_class(
            title="사회적경제 허브 게시판 (Social Economy Hub board)",
            link=f"{base}/board",
            description="고양시 사회적경제 조직의 소식, 협업 요청과 제공, 공동 홍보",
            language="ko",
            feed_url=request.build_absolute_uri(),
        )
        for post in filterset.qs[:FEED_ITEMS]:
            feed.add_item(
                title=f"[{post.get_kind_display()}] {post.title}",
                link=f"{base}/board/{post.pk}",
                description=post.body_html,
                unique_id=f"{base}/board/{post.pk}",
                pubdate=post.created_at,
                updateddate=post.updated_at,
                author_name=post.enterprise.name if post.enterprise else post.author.display_name,
                categories=[tag.name for tag in post.tags.all()],
            )
        response = HttpResponse(
            feed.writeString("utf-8").encode("utf-8"),
            content_type=f"{self.renderer_classes[0].media_type}; charset=utf-8",
        )
        response["Cache-Control"] = "max-age=300"
        return response


_FEED_PARAMETERS = [
    OpenApiParameter(
        "kind",
        {"type": "array", "items": {"type": "string", "enum": PostKind.values}},
        explode=True,
        description="글 종류, 여러 번 가능 (kind, repeat for several).",
    ),
    OpenApiParameter("organisation", OpenApiTypes.STR, description="조직 slug (slug of the organisation posted for)."),
    OpenApiParameter("tag", OpenApiTypes.STR, description="태그 (posts with this tag)."),
]


class PostRSSView(_SyndicationView):
    renderer_classes = [RSSRenderer]
    feed_class = Rss201rev2Feed

    @extend_schema(
        operation_id="posts_feed_rss",
        summary="게시판 RSS (Board as RSS 2.0)",
        description="최신 50개, 공개 글만; `kind`로 거를 수 있습니다 (the newest 50 public posts; filter by `kind`).",
        tags=TAG,
        parameters=_FEED_PARAMETERS,
        responses=answers((200, "application/rss+xml"), OpenApiTypes.STR, ex.RSS_EXAMPLE),
    )
    def get(self, request: Request) -> HttpResponse:
        return self.feed(request)


class PostAtomView(_SyndicationView):
    renderer_classes = [AtomRenderer]
    feed_class = Atom1Feed

    @extend_schema(
        operation_id="posts_feed_atom",
        summary="게시판 Atom (Board as Atom)",
        description="최신 50개, 공개 글만; `kind`로 거를 수 있습니다 (the newest 50 public posts; filter by `kind`).",
        tags=TAG,
        parameters=_FEED_PARAMETERS,
        responses=answers((200, "application/atom+xml"), OpenApiTypes.STR, ex.ATOM_EXAMPLE),
    )
    def get(self, request: Request) -> HttpResponse:
        return self.feed(request)


# --- Comments ----------------------------------------------------------------------------------------------


@extend_schema_view(
    create=extend_schema(
        operation_id="comments_create",
        summary="댓글 쓰기 (Comment)",
        description=(
            "로그인한 누구나; `parent_id`로 첫 댓글에 답글 (anyone logged in; `parent_id` replies to a top-level "
            "comment: one level, 400 `reply_to_reply`). The post's author hears of a comment, a comment's author of a "
            "reply. Markdown, at most 20,000 characters. Throttled per account (`board_comment`)."
        ),
        tags=TAG,
        request=CommentCreateInputSerializer,
        responses=answers(201, CommentSerializer, ex.COMMENT_OUT),
        examples=[ex.COMMENT_CREATE],
    ),
    retrieve=extend_schema(
        operation_id="comments_retrieve",
        summary="댓글 (Comment)",
        description="지운 댓글은 자리만 남습니다 (a removed comment keeps its place without its text).",
        tags=TAG,
        responses=answers(200, CommentSerializer, ex.COMMENT_OUT),
    ),
    partial_update=extend_schema(
        operation_id="comments_update",
        summary="댓글 수정 (Edit a comment)",
        description="작성자만 (its author; coordinators too). 409 `comment_deleted`. Honours If-Match.",
        tags=TAG,
        request=CommentUpdateInputSerializer,
        responses=answers(200, CommentSerializer, ex.COMMENT_OUT),
        examples=[ex.COMMENT_PATCH],
    ),
    destroy=extend_schema(
        operation_id="comments_delete",
        summary="댓글 삭제 (Delete a comment)",
        description=(
            "자리표시만 남기고 지웁니다; 코디네이터는 원문을 봅니다 (leaves a placeholder so the thread stays readable; "
            "coordinators still see the text). 409 `comment_deleted`. Honours If-Match."
        ),
        tags=TAG,
        responses=answers(204, description="삭제됨 (Deleted)", errors=(409,)),
    ),
)
class CommentViewSet(DomainViewSet, mixins.UpdateModelMixin, mixins.DestroyModelMixin):
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    permission_classes = [IsCommentAuthor]
    filter_backends: list[Any] = []
    lookup_value_regex = r"\d+"
    serializer_class = CommentSerializer
    schema_model = Comment
    input_serializers = {"create": CommentCreateInputSerializer, "partial_update": CommentUpdateInputSerializer}

    def get_permissions(self) -> list[Any]:
        if getattr(self, "action", None) == "retrieve":
            return [permissions.AllowAny()]
        return list(super().get_permissions())

    def get_throttles(self) -> list[Any]:
        throttles = super().get_throttles()
        return [*throttles, CommentingThrottle()] if getattr(self, "action", None) == "create" else throttles

    def select(self) -> QuerySet[Comment]:
        return selectors.comment_list(user=self.request.user)

    def perform_create(self, data: Any) -> Comment:
        return services.comment_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.comment_update(comment=serializer.instance, actor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance: Comment) -> None:
        services.comment_delete(comment=instance, actor=self.request.user)


class CommentActionViewSet(ActionViewSet):
    permission_classes = [IsCoordinator]
    filter_backends: list[Any] = []
    pagination_class = None
    lookup_value_regex = r"\d+"
    serializer_class = CommentSerializer
    schema_model = Comment

    def select(self) -> QuerySet[Comment]:
        return selectors.comment_list(user=self.request.user)

    @extend_schema(
        operation_id="comments_report",
        summary="댓글 신고 (Report a comment)",
        description="로그인한 누구나, 사유와 함께 (anyone logged in, with a reason).",
        **_REPORT_SCHEMA,
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def report(self, request: Request, pk: str | None = None) -> Response:
        comment = self.get_object()
        return _report_created(request, comment=comment, location=f"/api/v1/comments/{comment.pk}/")

    @extend_schema(
        operation_id="comments_hide",
        summary="댓글 가리기 (Hide a comment)",
        description=(
            "코디네이터만, 사유와 함께; 자리표시만 남습니다 (coordinators only, with a reason; the thread shows a "
            "placeholder; open reports are resolved; audit-logged). 409 `already_hidden`."
        ),
        tags=MODERATION_TAG,
        request=ModerationReasonInputSerializer,
        responses=answers(200, CommentSerializer, ex.COMMENT_OUT),
        examples=[ex.REASON_IN],
    )
    @action(detail=True, methods=["post"])
    def hide(self, request: Request, pk: str | None = None) -> Response:
        comment = _moderate(request, services.comment_hide, comment=self.get_object)
        return Response(CommentSerializer(comment, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="comments_unhide",
        summary="가린 댓글 되살리기 (Restore a hidden comment)",
        description="코디네이터만, 사유와 함께 (coordinators only, with a reason). 409 `not_hidden`.",
        tags=MODERATION_TAG,
        request=ModerationReasonInputSerializer,
        responses=answers(200, CommentSerializer, ex.COMMENT_OUT),
        examples=[ex.REASON_IN],
    )
    @action(detail=True, methods=["post"])
    def unhide(self, request: Request, pk: str | None = None) -> Response:
        comment = _moderate(request, services.comment_unhide, comment=self.get_object)
        return Response(CommentSerializer(comment, context=self.get_serializer_context()).data)


# --- Moderation queue ----------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        operation_id="reports_list",
        summary="신고 대기열 (Moderation queue)",
        description="코디네이터만; 오래된 순; `status`로 거름 (coordinators only; oldest first; filter by `status`).",
        tags=MODERATION_TAG,
        responses=answers(200, ReportSerializer(many=True), ex.REPORT_PAGE),
    )
)
class ReportViewSet(ActionViewSet, mixins.ListModelMixin):
    permission_classes = [IsCoordinator]
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReportFilter
    lookup_value_regex = r"\d+"
    serializer_class = ReportSerializer
    schema_model = Report

    def select(self) -> QuerySet[Report]:
        return selectors.report_list()

    @extend_schema(
        operation_id="reports_dismiss",
        summary="신고 기각 (Dismiss a report)",
        description="코디네이터만, 사유와 함께; 아무것도 가리지 않습니다 (coordinators only; hides nothing). 409 `report_not_open`.",
        tags=MODERATION_TAG,
        request=ModerationReasonInputSerializer,
        responses=answers(200, ReportSerializer, ex.REPORT_OUT),
        examples=[ex.REASON_IN],
    )
    @action(detail=True, methods=["post"], filterset_class=None)
    def dismiss(self, request: Request, pk: str | None = None) -> Response:
        data = ModerationReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_dismiss(report=self.get_object(), actor=request.user, **data.validated_data)
        return Response(ReportSerializer(selectors.report_list().get(pk=report.pk)).data)


# --- Collaborations -------------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        operation_id="collaborations_list",
        summary="협업 기록 (Collaborations)",
        description=(
            "누가 누구와 무엇을 언제 함께했는지, 최신순 (who worked with whom, on what, when: matched requests and offers "
            "and published campaigns, newest first). Public."
        ),
        tags=COLLABORATION_TAG,
        responses=answers(200, CollaborationSerializer(many=True), ex.COLLABORATION_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="collaborations_retrieve",
        summary="협업 (Collaboration)",
        description="협업 하나 (one collaboration with its partners). Public.",
        tags=COLLABORATION_TAG,
        responses=answers(200, CollaborationSerializer, ex.COLLABORATION_OUT),
    ),
)
class CollaborationViewSet(ActionViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    response_cache_actions = frozenset(
        {"list", "retrieve", "network"}
    )  # anonymous reads served from the response cache
    permission_classes = [permissions.AllowAny]
    filter_backends = [DjangoFilterBackend]
    filterset_class = CollaborationFilter
    lookup_value_regex = r"\d+"
    serializer_class = CollaborationSerializer
    schema_model = Collaboration

    def select(self) -> QuerySet[Collaboration]:
        return selectors.collaboration_list()

    @extend_schema(
        operation_id="collaborations_network",
        summary="협업 네트워크 (Collaboration network)",
        description=(
            "협업한 조직(노드)과 함께한 쌍(엣지, 횟수)을 데이터베이스에서 셉니다 (nodes: verified organisations that "
            "collaborated, with their count; edges: pairs that worked together, with how often; the newest 2,000 "
            "collaborations)."
        ),
        tags=COLLABORATION_TAG,
        responses=answers(200, CollaborationNetworkSerializer, ex.NETWORK_OUT),
    )
    @action(detail=False, methods=["get"], pagination_class=None, filterset_class=None)
    def network(self, request: Request) -> Response:
        return Response(CollaborationNetworkSerializer(selectors.collaboration_network()).data)


# --- Campaigns ---------------------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        operation_id="campaigns_list",
        summary="공동 홍보 캠페인 (Joint-promotion campaigns)",
        description=(
            "공개된 캠페인은 누구나, 제안 중인 캠페인은 로그인한 사람이 봅니다 (published campaigns are public; proposed "
            "ones are shown to anyone logged in)."
        ),
        tags=CAMPAIGN_TAG,
        responses=answers(200, CampaignSerializer(many=True), ex.CAMPAIGN_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="campaigns_retrieve",
        summary="캠페인 (Campaign)",
        description="참여 조직과 상품 (the story, participating organisations and their products).",
        tags=CAMPAIGN_TAG,
        responses=answers(200, CampaignSerializer, ex.CAMPAIGN_OUT),
    ),
    create=extend_schema(
        operation_id="campaigns_create",
        summary="캠페인 제안 (Propose a campaign)",
        description=(
            "조직 회원이 자기 조직 명의로 제안하고 그 조직이 첫 참여자가 됩니다 (a member proposes a campaign for their "
            "organisation, which takes part with the products chosen: 403 `not_your_organisation`, 400 "
            "`product_not_yours`, `ends_before_start`)."
        ),
        tags=CAMPAIGN_TAG,
        request=CampaignCreateInputSerializer,
        responses=answers(201, CampaignSerializer, ex.CAMPAIGN_OUT),
        examples=[ex.CAMPAIGN_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="campaigns_update",
        summary="캠페인 수정 (Edit a campaign)",
        description="제안자, 그 조직 회원, 코디네이터 (its proposer, members of its organisation, coordinators). Honours If-Match.",
        tags=CAMPAIGN_TAG,
        request=CampaignUpdateInputSerializer,
        responses=answers(200, CampaignSerializer, ex.CAMPAIGN_OUT),
        examples=[ex.CAMPAIGN_PATCH],
    ),
)
class CampaignViewSet(CreateUpdateDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})  # anonymous reads served from the response cache
    permission_classes = [IsCampaignManagerOrReadOnly]
    filter_backends: list[Any] = []
    lookup_value_regex = r"\d+"
    serializer_class = CampaignSerializer
    schema_model = Campaign
    input_serializers = {"create": CampaignCreateInputSerializer, "partial_update": CampaignUpdateInputSerializer}

    def select(self) -> QuerySet[Campaign]:
        return selectors.campaign_list(user=self.request.user)

    def perform_create(self, data: Any) -> Campaign:
        return services.campaign_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.campaign_update(campaign=serializer.instance, actor=self.request.user, **serializer.validated_data)

    @extend_schema(
        operation_id="campaigns_join",
        summary="캠페인 참여 (Join a campaign)",
        description=(
            "조직 회원이 자기 조직과 상품을 더합니다 (a member adds their organisation and a selection of its products). "
            "403 `not_your_organisation`; 409 `campaign_published`, `campaign_already_joined`."
        ),
        tags=CAMPAIGN_TAG,
        request=CampaignJoinInputSerializer,
        responses=answers(200, CampaignSerializer, ex.CAMPAIGN_OUT, errors=(403,)),
        examples=[ex.CAMPAIGN_JOIN],
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def join(self, request: Request, pk: str | None = None) -> Response:
        campaign = self.get_object()
        data = CampaignJoinInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self.output(services.campaign_join(campaign=campaign, actor=request.user, **data.validated_data))

    @extend_schema(
        operation_id="campaigns_publish",
        summary="캠페인 공개 (Publish a campaign)",
        description=(
            "공개 페이지가 열리고 피드에 공동 홍보 글이 올라가며 참여 조직에 알림이 갑니다 (its public page opens, a "
            "joint-promotion post goes to the feed, the participants are recorded as a collaboration and notified). "
            "409 `campaign_published`."
        ),
        tags=CAMPAIGN_TAG,
        request=None,
        responses=answers(200, CampaignSerializer, ex.CAMPAIGN_OUT),
    )
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        return self.output(services.campaign_publish(campaign=self.get_object(), actor=request.user))
