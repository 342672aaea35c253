"""Meeting and resolution endpoints. Each validates input, calls one service or selector and
serializes the result."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.common.schema import answers
from api.common.viewsets import ActionViewSet, CreateUpdateDomainViewSet, SelectorMixin, created_response
from api.resolutions import examples as ex
from api.resolutions import selectors, services
from api.resolutions.filters import MeetingFilter, ResolutionFilter
from api.resolutions.models import Meeting, Resolution, ResolutionUpdate
from api.resolutions.permissions import IsCoordinator, IsCoordinatorOrReadOnly, PublicReadLoginWrite
from api.resolutions.serializers import (
    FromCollaborationInputSerializer,
    LinkCreateInputSerializer,
    LinkKindSerializer,
    LinkSerializer,
    MeetingCreateInputSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    MeetingUpdateInputSerializer,
    PromisesKeptSerializer,
    ResolutionCreateInputSerializer,
    ResolutionDetailSerializer,
    ResolutionSerializer,
    ResolutionStatsSerializer,
    ResolutionUpdateInputSerializer,
    ResolutionUpdateSerializer,
    WrittenUpdateCreateInputSerializer,
)

MEETING_TAG = "meetings"
TAG = "resolutions"
_FOLLOW_RESPONSES = answers(204, description="팔로우함 (Following)")
_UNFOLLOW_RESPONSES = answers(204, description="팔로우 해제 (Not following)")


@extend_schema_view(
    list=extend_schema(
        operation_id="meetings_list",
        summary="회의 목록 (Meetings)",
        description=(
            "결의를 한 회의, 최근 순, 결의 수와 완료 수 포함 (meetings that took decisions, newest first, with how many "
            "resolutions each took and how many are done). Filters: `year`, `upcoming`. Public."
        ),
        tags=[MEETING_TAG],
        responses=answers(200, MeetingSerializer(many=True), ex.MEETING_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="meetings_retrieve",
        summary="회의 상세 (Meeting)",
        description=(
            "회의록(Markdown 원문과 안전한 HTML), 결의 사항, 자동으로 안건에 오른 기한 지난 결의 (minutes as Markdown "
            "source and sanitised HTML, the resolutions it took, and the overdue resolutions put on its agenda)."
        ),
        tags=[MEETING_TAG],
        responses=answers(200, MeetingDetailSerializer, ex.MEETING_DETAIL_OUT),
    ),
    create=extend_schema(
        operation_id="meetings_create",
        summary="회의 기록 (Record a meeting)",
        description=(
            "코디네이터만. 앞으로 열릴 회의에는 기한이 지난 결의가 자동으로 안건에 오릅니다 (coordinators only; a meeting "
            "still to come gets every overdue resolution on its agenda). `event_id`: the event it was held at "
            "(400 `no_such_event`)."
        ),
        tags=[MEETING_TAG],
        request=MeetingCreateInputSerializer,
        responses=answers(201, MeetingDetailSerializer, ex.MEETING_DETAIL_OUT),
        examples=[ex.MEETING_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="meetings_update",
        summary="회의 수정 (Edit a meeting)",
        description=(
            "코디네이터만: 보낸 필드만 바꾸고 감사 기록에 남깁니다 (coordinators only; changes the fields sent, recorded "
            "in the public audit log). Moving `held_at` after a resolution's due date is 400 `due_before_meeting`. "
            "Honours If-Match."
        ),
        tags=[MEETING_TAG],
        request=MeetingUpdateInputSerializer,
        responses=answers(200, MeetingDetailSerializer, ex.MEETING_DETAIL_OUT),
        examples=[ex.MEETING_PATCH],
    ),
)
class MeetingViewSet(CreateUpdateDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})
    permission_classes = [IsCoordinatorOrReadOnly]
    filterset_class = MeetingFilter
    search_fields = ["title", "agenda"]
    ordering_fields = ["held_at"]
    lookup_value_regex = r"\d+"
    schema_model = Meeting
    input_serializers = {"create": MeetingCreateInputSerializer, "partial_update": MeetingUpdateInputSerializer}

    def select(self) -> QuerySet[Meeting]:
        if self.action == "list":
            return selectors.meeting_list(user=self.request.user)
        return selectors.meeting_detail_queryset(user=self.request.user)

    def get_serializer_class(self) -> Any:
        return MeetingSerializer if self.action == "list" else MeetingDetailSerializer

    def perform_create(self, data: Any) -> Meeting:
        return services.meeting_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.meeting_update(meeting=serializer.instance, actor=self.request.user, **serializer.validated_data)


@extend_schema_view(
    list=extend_schema(
        operation_id="resolutions_list",
        summary="결의 목록 (Resolutions)",
        description=(
            "회의가 결정한 일, 누가 언제까지, 어떤 상태인지 (what meetings decided, who owns it, until when, in what "
            "state). Filters: `status`, `meeting`, `responsible` (organisation id), `responsible_body`, `tag`, "
            "`parent`, `top_level`, `year`; accountability: `overdue=true` (open and past due), `stale_days=N` (open "
            "and no written update for N days); reverse lookups of the work carrying decisions out: `event`, "
            "`budget_item`, `post`, `collaboration` (ids of that kind's targets). Public."
        ),
        tags=[TAG],
        responses=answers(200, ResolutionSerializer(many=True), ex.RESOLUTION_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="resolutions_retrieve",
        summary="결의 상세 (Resolution)",
        description=(
            "결의, 하위 결의와 진행률, 이어온 결의의 사슬과 길이, 연결된 행사·예산·게시물 (the resolution, its "
            "sub-resolutions and rolled-up progress, its carried-over chain and length, and its links to events, "
            "budget items, posts and collaborations)."
        ),
        tags=[TAG],
        responses=answers(200, ResolutionDetailSerializer, ex.RESOLUTION_OUT),
    ),
    create=extend_schema(
        operation_id="resolutions_create",
        summary="결의 기록 (Record a resolution)",
        description=(
            "코디네이터만. 책임 주체(조직 또는 시 부서 같은 기관)가 필요하고, 기한은 회의 날짜보다 앞설 수 없으며, "
            "이어온 결의와 상위 결의의 사슬은 돌아올 수 없습니다 (coordinators only. It needs an owner, organisations "
            "or a named body: 400 `responsible_required`; a due date before the meeting is 400 "
            "`due_before_meeting`; a `carried_over_from_id` or `parent_id` leading back to it is 400 "
            "`carry_over_loop`/`parent_loop`). Starts `proposed`."
        ),
        tags=[TAG],
        request=ResolutionCreateInputSerializer,
        responses=answers(201, ResolutionDetailSerializer, ex.RESOLUTION_OUT),
        examples=[ex.RESOLUTION_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="resolutions_update",
        summary="결의 수정 (Edit a resolution)",
        description=(
            "코디네이터만: 내용, 책임 주체, 기한, 태그, 사슬 (coordinators only: what it says, owners, due date, tags, "
            "chains; same rules as creating). The status moves only through written updates. Recorded in the public "
            "audit log. Honours If-Match."
        ),
        tags=[TAG],
        request=ResolutionUpdateInputSerializer,
        responses=answers(200, ResolutionDetailSerializer, ex.RESOLUTION_OUT),
        examples=[ex.RESOLUTION_PATCH],
    ),
)
class ResolutionViewSet(CreateUpdateDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve", "stats", "promises_kept", "link_kinds"})
    permission_classes = [IsCoordinatorOrReadOnly]
    filterset_class = ResolutionFilter
    search_fields = ["title", "description", "responsible_body"]
    ordering_fields = ["due_date", "created_at", "last_update_at"]
    lookup_value_regex = r"\d+"
    schema_model = Resolution
    input_serializers = {"create": ResolutionCreateInputSerializer, "partial_update": ResolutionUpdateInputSerializer}

    def select(self) -> QuerySet[Resolution]:
        if self.action == "list":
            return selectors.resolution_list(user=self.request.user)
        return selectors.resolution_detail_queryset(user=self.request.user)

    def get_serializer_class(self) -> Any:
        return ResolutionSerializer if self.action == "list" else ResolutionDetailSerializer

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], Resolution):  # one resolution: owners and tags from its annotations
            selectors.resolution_detail_load(args[0])
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, data: Any) -> Resolution:
        return services.resolution_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.resolution_edit(resolution=serializer.instance, actor=self.request.user, **serializer.validated_data)

    @extend_schema(
        operation_id="resolutions_from_collaboration",
        summary="협업을 결의로 (Turn a matched collaboration into a resolution)",
        description=(
            "코디네이터만: 게시판에서 성사된 협업을 결의로 만들고 협업 파트너를 책임 조직으로 둡니다 (coordinators "
            "only: the collaboration's partner organisations become the owners, and the resolution links to it). "
            "400 `unknown_link_kind` when the board is not installed, `unknown_link_target` for an unknown id."
        ),
        tags=[TAG],
        request=FromCollaborationInputSerializer,
        responses=answers(201, ResolutionDetailSerializer, ex.RESOLUTION_OUT),
        examples=[ex.FROM_COLLABORATION],
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="from-collaboration",
        permission_classes=[IsCoordinator],
        filterset_class=None,
    )
    def from_collaboration(self, request: Request) -> Response:
        data = FromCollaborationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        resolution = services.resolution_from_collaboration(actor=request.user, **data.validated_data)
        location = self.location_of(resolution)
        return self.output(
            resolution, code=status.HTTP_201_CREATED, headers={"Location": location} if location else None
        )

    @extend_schema(
        operation_id="resolutions_stats",
        summary="결의 집계 (Accountability counts)",
        description=(
            "상태별 수, 기한 지난 수, 책임 주체별 수와 기한 안에 완료한 비율 (counts by status and overdue; per "
            "responsible party, totals and the share of its resolutions done on time, computed in the database). "
            "Public."
        ),
        tags=[TAG],
        responses=answers(200, ResolutionStatsSerializer, ex.STATS),
    )
    @action(
        detail=False,
        methods=["get"],
        permission_classes=[permissions.AllowAny],
        filterset_class=None,
        pagination_class=None,
    )
    def stats(self, request: Request) -> Response:
        data = {"by_status": selectors.status_counts(), "by_party": selectors.party_counts()}
        return Response(ResolutionStatsSerializer(data).data)

    @extend_schema(
        operation_id="resolutions_promises_kept",
        summary="약속 이행 (Promises kept)",
        description=(
            "회의별, 연도별로 결의가 얼마나 지켜졌는지 (per meeting and per year: resolutions taken, done, done on time, "
            "dropped, overdue and the share kept). Public."
        ),
        tags=[TAG],
        responses=answers(200, PromisesKeptSerializer, ex.PROMISES),
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="promises-kept",
        permission_classes=[permissions.AllowAny],
        filterset_class=None,
        pagination_class=None,
    )
    def promises_kept(self, request: Request) -> Response:
        data = {
            "by_meeting": list(selectors.promises_kept_by_meeting()),
            "by_year": list(selectors.promises_kept_by_year()),
        }
        return Response(PromisesKeptSerializer(data).data)

    @extend_schema(
        operation_id="resolutions_link_kinds",
        summary="연결 종류 (Link kinds)",
        description=(
            "결의를 연결할 수 있는 대상의 종류: 설치된 도메인이 등록한 것 (the kinds of work a resolution can link to, "
            "as registered by the installed domains: `event`, `budget_item`, `post`, `collaboration`)."
        ),
        tags=[TAG],
        responses=answers(200, LinkKindSerializer(many=True), ex.LINK_KINDS),
    )
    @action(
        detail=False,
        methods=["get"],
        url_path="link-kinds",
        permission_classes=[permissions.AllowAny],
        filterset_class=None,
        pagination_class=None,
    )
    def link_kinds(self, request: Request) -> Response:
        return Response(LinkKindSerializer(selectors.link_kind_list(), many=True).data)


class MeetingActionViewSet(ActionViewSet):
    """Following a meeting (no destroy here: meetings are never deleted; DELETE unfollows)."""

    permission_classes = [permissions.IsAuthenticated]
    filterset_class = None
    lookup_value_regex = r"\d+"
    schema_model = Meeting

    def select(self) -> QuerySet[Meeting]:
        return Meeting.objects.all()

    @extend_schema(
        operation_id="meetings_follow",
        summary="회의 팔로우 (Follow a meeting)",
        description=(
            "이 회의의 모든 결의(나중에 더해지는 것도)의 서면 경과를 알림으로 받습니다 (follow every resolution of this "
            "meeting, later ones included: their written updates reach you in-app and by e-mail). Idempotent."
        ),
        tags=[MEETING_TAG],
        request=None,
        responses=_FOLLOW_RESPONSES,
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def follow(self, request: Request, pk: str | None = None) -> Response:
        services.meeting_follow(meeting=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="meetings_unfollow",
        summary="회의 팔로우 해제 (Unfollow a meeting)",
        description="Idempotent (nothing to undo is fine).",
        tags=[MEETING_TAG],
        responses=_UNFOLLOW_RESPONSES,
    )
    @follow.mapping.delete
    def unfollow(self, request: Request, pk: str | None = None) -> Response:
        services.meeting_unfollow(meeting=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResolutionActionViewSet(ActionViewSet):
    """Following a resolution and linking it to the work carrying it out (DELETE unfollows and
    removes links; resolutions themselves are never deleted)."""

    permission_classes = [permissions.IsAuthenticated]
    filterset_class = None
    lookup_value_regex = r"\d+"
    schema_model = Resolution

    def select(self) -> QuerySet[Resolution]:
        return Resolution.objects.all()

    @extend_schema(
        operation_id="resolutions_follow",
        summary="결의 팔로우 (Follow a resolution)",
        description=(
            "서면 경과가 올라올 때마다 앱과 이메일로 알림을 받습니다 (every written update reaches you in-app and by "
            "e-mail, unless you turn e-mail off for `resolution_updated`). Idempotent."
        ),
        tags=[TAG],
        request=None,
        responses=_FOLLOW_RESPONSES,
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def follow(self, request: Request, pk: str | None = None) -> Response:
        services.resolution_follow(resolution=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="resolutions_unfollow",
        summary="결의 팔로우 해제 (Unfollow a resolution)",
        description="Idempotent. Following its meeting still follows it.",
        tags=[TAG],
        responses=_UNFOLLOW_RESPONSES,
    )
    @follow.mapping.delete
    def unfollow(self, request: Request, pk: str | None = None) -> Response:
        services.resolution_unfollow(resolution=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="resolutions_links_create",
        summary="실행 연결 추가 (Link the work carrying it out)",
        description=(
            "책임 주체나 코디네이터가 행사, 예산 항목, 게시물, 협업을 연결합니다 (the responsible party or a coordinator "
            "links an event, budget item, post or collaboration; `kind` is one of `GET /resolutions/link-kinds/`). "
            "400 `unknown_link_kind` / `unknown_link_target` naming what is unknown; 409 `link_exists`; 403 "
            "`not_responsible`."
        ),
        tags=[TAG],
        request=LinkCreateInputSerializer,
        responses=answers(201, LinkSerializer, ex.LINK_OUT, errors=(403,)),
        examples=[ex.LINK_CREATE],
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def links(self, request: Request, pk: str | None = None) -> Response:
        resolution = self.get_object()
        data = LinkCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        link = services.resolution_link_add(resolution=resolution, actor=request.user, **data.validated_data)
        context = {"link_targets": selectors.link_targets(links=[link])}
        return created_response(LinkSerializer(link, context=context).data, location=f"{request.path}{link.pk}/")

    @extend_schema(
        operation_id="resolutions_links_delete",
        summary="실행 연결 삭제 (Remove a link)",
        description=(
            "책임 주체나 코디네이터; 감사 기록에 남습니다 (the responsible party or a coordinator; audited). 403 "
            "`not_responsible`."
        ),
        tags=[TAG],
        responses=answers(204, description="삭제됨 (Removed)", errors=(403,)),
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"links/(?P<link_id>\d+)",
    )
    def link_remove(self, request: Request, pk: str | None = None, link_id: str | None = None) -> Response:
        services.resolution_link_remove(resolution=self.get_object(), actor=request.user, link_id=int(link_id or 0))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResolutionUpdateListView(SelectorMixin, generics.ListAPIView):
    """``/resolutions/{id}/updates/``: the timeline (anyone) and posting to it (the responsible party)."""

    response_cache = True  # anonymous reads of the timeline served from the response cache
    permission_classes = [PublicReadLoginWrite]
    serializer_class = ResolutionUpdateSerializer
    filter_backends: list[Any] = []
    schema_model = ResolutionUpdate

    def get_resolution(self) -> Resolution:
        resolution = getattr(self, "_resolution", None)
        if resolution is None:
            resolution = get_object_or_404(Resolution.objects.all(), pk=self.kwargs["pk"])
            self._resolution = resolution
        return resolution

    def select(self) -> QuerySet[ResolutionUpdate]:
        return selectors.update_list(resolution=self.get_resolution())

    @extend_schema(
        operation_id="resolutions_updates_list",
        summary="서면 경과 (Written updates)",
        description="결의의 서면 경과, 최근 순 (the resolution's written updates, newest first). Public.",
        tags=[TAG],
        responses=answers(200, ResolutionUpdateSerializer(many=True), ex.UPDATE_PAGE),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="resolutions_updates_create",
        summary="서면 경과 올리기 (Post a written update)",
        description=(
            "책임 주체(담당자, 책임 조직의 회원)나 코디네이터가 날짜와 서명이 있는 글을 올리고, 필요하면 상태를 한 단계 "
            "옮깁니다: 제안 → 채택(코디네이터만) → 진행 중 → 완료, 또는 열린 상태에서 중단(글이 사유) (the responsible "
            "party or a coordinator appends a dated, signed text, optionally moving the status one step: proposed → "
            "accepted (coordinators only, else 403 `accept_needs_coordinator`) → in_progress → done, or dropped from "
            "any open state with the text as its reason). Append-only: corrections are new updates. Followers of the "
            "resolution and of its meeting are notified in-app and by e-mail. 403 `not_responsible`; 409 "
            "`transition_not_allowed`; 400 `written_in_future`."
        ),
        tags=[TAG],
        request=WrittenUpdateCreateInputSerializer,
        responses=answers(201, ResolutionUpdateSerializer, ex.UPDATE_OUT),
        examples=[ex.UPDATE_CREATE, ex.UPDATE_DROP],
    )
    def post(self, request: Request, pk: int) -> Response:
        resolution = self.get_resolution()
        data = WrittenUpdateCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        update = services.resolution_update_post(resolution=resolution, actor=request.user, **data.validated_data)
        update = selectors.update_list(resolution=resolution).get(pk=update.pk)
        return created_response(ResolutionUpdateSerializer(update).data, location=request.path)
