"""Event endpoints. Each validates input, calls one service or selector and serializes the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.common.archiving import (
    ARCHIVE_REASON_PARAMETER,
    ArchiveReasonInputSerializer,
    archive_reason_of,
    archive_responses,
)
from api.common.filters import StrictOrderingFilter
from api.common.images import image_check
from api.common.parsers import MultiPartParser
from api.common.permissions import IsCoordinator, IsEnterpriseEditorOrReadOnly, is_coordinator
from api.common.renderers import CSV_ENDPOINT, ICS_ENDPOINT, csv_response, ics_response
from api.common.schema import answers, problem_response
from api.common.serializers import Serializer
from api.common.viewsets import (
    ActionViewSet,
    CreateUpdateDomainViewSet,
    CrudDomainViewSet,
    SelectorMixin,
    created_response,
    schema_generation,
)
from api.events import examples as ex
from api.events import selectors, services
from api.events.calendar import build_calendar
from api.events.filters import AttendeeFilter, BoothApplicationFilter, EventFilter
from api.events.models import BoothApplication, Event, EventKind, EventSeries, EventStatus, Registration
from api.events.permissions import IsEventManager, IsEventManagerOrReadOnly
from api.events.serializers import (
    AttendeeSerializer,
    BoothApplicationCreateInputSerializer,
    BoothApplicationSerializer,
    BoothCategoryCreateInputSerializer,
    BoothCategorySerializer,
    BoothCategoryUpdateInputSerializer,
    BoothDecisionInputSerializer,
    CalendarTokenSerializer,
    CoverImageInputSerializer,
    EventCancelInputSerializer,
    EventCreateInputSerializer,
    EventDetailSerializer,
    EventRescheduleInputSerializer,
    EventSerializer,
    EventSeriesCreateInputSerializer,
    EventSeriesSerializer,
    EventSeriesUpdateInputSerializer,
    EventUpdateInputSerializer,
    RegistrationSerializer,
)

TAG = "events"
CALENDAR_TAG = "calendars"
BOOTH_TAG = "booths"
_ICS_RESPONSE = {
    (200, "text/calendar"): OpenApiResponse(
        OpenApiTypes.STR,
        description="iCalendar (RFC 5545), UTF-8",
        examples=[ex.ICS_EXAMPLE],
    )
}


_FEED_PARAMETERS = [
    OpenApiParameter("date_from", OpenApiTypes.DATE, description="이 날짜부터 (starts on or after, Asia/Seoul)."),
    OpenApiParameter("date_to", OpenApiTypes.DATE, description="이 날짜까지 (starts on or before, Asia/Seoul)."),
    OpenApiParameter("upcoming", OpenApiTypes.BOOL, description="true: 끝나지 않은 행사 (not over); false: 지난 행사."),
    OpenApiParameter("kind", {"type": "array", "items": {"type": "string", "enum": EventKind.values}}, explode=True),
    OpenApiParameter(
        "status", {"type": "array", "items": {"type": "string", "enum": EventStatus.values}}, explode=True
    ),
    OpenApiParameter("host", OpenApiTypes.STR, description="주최 조직 slug (host organisation slug)."),
    OpenApiParameter("has_seats", OpenApiTypes.BOOL, description="true: 자리 있음 (seats left)."),
    OpenApiParameter("series", OpenApiTypes.INT, description="반복 행사 id (occurrences of a series)."),
]


def _ics_response(events: Any, *, name: str, filename: str) -> HttpResponse:
    return ics_response(build_calendar(events, name=name), filename=filename)


class _CalendarView(APIView):
    # One renderer: it writes problem documents as JSON too (their Content-Type says so).
    renderer_classes = ICS_ENDPOINT["renderer_classes"]
    content_negotiation_class = ICS_ENDPOINT["content_negotiation_class"]
    permission_classes = [permissions.AllowAny]


@extend_schema_view(
    list=extend_schema(
        operation_id="events_list",
        summary="행사 목록 (List events)",
        description=(
            "한마당, 워크숍, 교육, 조합원의 날… 시작 순 (fairs, workshops, education, members' days…, by start). "
            "Filters: `date_from`/`date_to` (dates in Asia/Seoul), `upcoming`, `kind`, `status`, `host` "
            "(organisation slug), `has_seats`, `series`; `ordering=starts_at|-starts_at`. Counts "
            "(`confirmed_count`, `waitlisted_count`, `seats_left`) are public; names of attendees are not."
        ),
        tags=[TAG],
        responses=answers(200, EventSerializer(many=True), ex.EVENT_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="events_retrieve",
        summary="행사 상세 (Event detail)",
        description=(
            "행사, 부스 구역, 확정된 참가 조직과 전시 상품, 내 신청 상태 (the event, its booth categories, accepted "
            "exhibitors with their products and, when logged in, your own registration)."
        ),
        tags=[TAG],
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
    ),
    create=extend_schema(
        operation_id="events_create",
        summary="행사 만들기 (Create an event)",
        description=(
            "코디네이터는 어떤 행사든, 조직 회원은 자기 조직이 주최하는 행사를 만듭니다 (coordinators create any event; "
            "organisation members create events hosted by their organisation: `host_ids` must include one). "
            "Times without an offset are Asia/Seoul. `capacity` empty = unlimited."
        ),
        tags=[TAG],
        request=EventCreateInputSerializer,
        responses=answers(201, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.EVENT_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="events_update",
        summary="이 행사만 수정 (Edit this event)",
        description=(
            "보낸 필드만 바꿉니다; 반복 행사의 한 회차면 그 회차만 바뀌고 시리즈에서 분리됩니다 (changes the fields sent; "
            "for an occurrence of a series, only this occurrence, which is then detached from whole-series edits). "
            "Capacity cannot drop below the confirmed count (400 `capacity`); raising it confirms people from the "
            "waiting list. Registrants are notified of a new time or place. Honours If-Match."
        ),
        tags=[TAG],
        request=EventUpdateInputSerializer,
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.EVENT_PATCH],
    ),
    destroy=extend_schema(
        operation_id="events_destroy",
        summary="행사 보관 (Archive an event)",
        description=(
            "지우지 않고 보관합니다: 목록·상세·캘린더에서 사라지고(코디네이터 외 404) 코디네이터가 `POST …/restore/`로 "
            "복원합니다. 이미 시작했거나 지난 행사는 기록이므로 회원은 보관할 수 없고(409 `event_past`), 신청자나 부스 "
            "신청이 있으면 409 `event_has_registrations` — 취소하세요. 코디네이터는 사유(`?reason=`)를 적어 보관할 수 "
            "있습니다 (nothing is deleted: the event is archived, gone from lists, details and calendars, 404 for "
            "everyone but coordinators, who restore it with `POST …/restore/`. A started or past event is history: "
            "managers get 409 `event_past`; with registrations or booth applications 409 "
            "`event_has_registrations` (cancel it instead). Coordinators may archive those with a `reason` (400 "
            "without one); people registered for an event that has not started are told it was withdrawn). "
            "409 `already_archived`. Honours If-Match."
        ),
        tags=[TAG],
        parameters=[ARCHIVE_REASON_PARAMETER],
        responses=archive_responses(),
    ),
)
class EventViewSet(CrudDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})  # anonymous reads served from the response cache
    permission_classes = [IsEventManagerOrReadOnly]
    filterset_class = EventFilter
    search_fields = ["title", "description", "venue_name"]
    ordering_fields = ["starts_at", "ends_at", "created_at"]
    lookup_value_regex = r"\d+"
    schema_model = Event
    input_serializers = {"create": EventCreateInputSerializer, "partial_update": EventUpdateInputSerializer}

    def select(self) -> QuerySet[Event]:
        archived = self._include_archived()
        if self.action in ("retrieve", "partial_update", "create", "restore"):
            return selectors.event_detail_queryset(include_archived=archived, user=self.request.user)
        if self.action == "list":
            return selectors.event_list_rows(include_archived=archived)
        return selectors.event_list(include_archived=archived)

    def get_serializer_class(self) -> Any:
        return EventSerializer if self.action == "list" else EventDetailSerializer

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], Event):  # one event's detail: its relations from its annotations
            selectors.event_detail_load(args[0], user=self.request.user)
        elif args and isinstance(args[0], list) and kwargs.get("many"):  # a page of the list: the same
            selectors.event_list_load(args[0])
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, data: Any) -> Event:
        return services.event_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.event_update(event=serializer.instance, actor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance: Event) -> None:
        reason = archive_reason_of(self.request, from_query=True)
        services.event_archive(event=instance, actor=self.request.user, reason=reason)

    # --- Archive: restore (DELETE archives, see ``destroy``) --------------------------------------------------

    def _include_archived(self) -> bool:
        """Coordinators see archived events on details and actions, and in the list with ``?archived=``."""
        if not is_coordinator(self.request.user):
            return False
        return self.action != "list" or "archived" in self.request.query_params

    @extend_schema(
        operation_id="events_restore",
        summary="보관된 행사 복원 (Restore an archived event)",
        description=(
            "코디네이터만: 보관된 행사를 그대로 되살립니다 (coordinators only: the event comes back as it was, with its "
            "registrations and booths). Optional `reason` goes into the audit log. 409 `not_archived`."
        ),
        tags=[TAG],
        request=ArchiveReasonInputSerializer,
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.RESTORE_EXAMPLE],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsCoordinator], filterset_class=None)
    def restore(self, request: Request, pk: str | None = None) -> Response:
        reason = archive_reason_of(request, from_query=False)
        event = services.event_restore(event=self.get_object(), actor=request.user, reason=reason)
        return self.output(event)


class EventActionViewSet(ActionViewSet):
    """State changes and sub-resources of one event (not conditional: no ETag/If-Match)."""

    permission_classes = [IsEventManagerOrReadOnly]
    filterset_class = None
    ordering_fields: list[str] = []
    lookup_value_regex = r"\d+"
    serializer_class = EventDetailSerializer
    schema_model = Event

    def select(self) -> QuerySet[Event]:
        return selectors.event_list()

    def _detail(self, event: Event, code: int = status.HTTP_200_OK) -> Response:
        event = selectors.event_detail_load(
            selectors.event_detail_queryset(user=self.request.user).get(pk=event.pk), user=self.request.user
        )
        return Response(EventDetailSerializer(event, context=self.get_serializer_context()).data, status=code)

    def _transition(self, service: Callable[..., Event], input_serializer: type[Serializer]) -> Response:
        """Cancel, postpone, reschedule: the event (404/403 first), the validated input, the one
        service that moves the event, and its detail."""
        event = self.get_object()
        data = input_serializer(data=self.request.data)
        data.is_valid(raise_exception=True)
        return self._detail(service(event=event, actor=self.request.user, **data.validated_data))

    @extend_schema(
        operation_id="events_cancel",
        summary="행사 취소 (Cancel an event)",
        description=(
            "사유와 함께 취소합니다; 신청자와 대기자에게 알림이 갑니다. 캘린더 피드에는 STATUS:CANCELLED로 남습니다 "
            "(cancels with a reason; everyone registered or waiting is notified; feeds mark it cancelled)."
        ),
        tags=[TAG],
        request=EventCancelInputSerializer,
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.CANCEL_EXAMPLE],
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(services.event_cancel, EventCancelInputSerializer)

    @extend_schema(
        operation_id="events_postpone",
        summary="행사 연기 (Postpone an event)",
        description=(
            "새 날짜가 정해질 때까지 연기합니다; 신청이 멈추고 신청자에게 알림이 갑니다 (postponed until a new date; "
            "registration pauses, registrants are notified). Give it a new date with `reschedule`."
        ),
        tags=[TAG],
        request=EventCancelInputSerializer,
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.POSTPONE_EXAMPLE],
    )
    @action(detail=True, methods=["post"])
    def postpone(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(services.event_postpone, EventCancelInputSerializer)

    @extend_schema(
        operation_id="events_reschedule",
        summary="새 일정 지정 (Reschedule an event)",
        description=(
            "연기된(또는 예정된) 행사에 새 시간을 주고 다시 예정 상태로 (gives a postponed or scheduled event its new "
            "time and puts it back on schedule; registrants are notified)."
        ),
        tags=[TAG],
        request=EventRescheduleInputSerializer,
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
        examples=[ex.RESCHEDULE_EXAMPLE],
    )
    @action(detail=True, methods=["post"])
    def reschedule(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(services.event_reschedule, EventRescheduleInputSerializer)

    @extend_schema(
        operation_id="events_cover_image_upload",
        summary="표지 이미지 올리기 (Upload the cover image)",
        description="multipart/form-data의 `image`: PNG, JPEG, WebP, 5 MB 이하 (checked by content).",
        tags=[TAG],
        request={"multipart/form-data": CoverImageInputSerializer},
        responses=answers(200, EventDetailSerializer, ex.EVENT_DETAIL),
    )
    @action(detail=True, methods=["post"], url_path="cover-image", parser_classes=[MultiPartParser])
    def cover_image(self, request: Request, pk: str | None = None) -> Response:
        event = self.get_object()
        data = CoverImageInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        image = data.validated_data["image"]
        image_format = image_check(image, field="image")
        return self._detail(
            services.event_cover_set(event=event, image=image, image_format=image_format, actor=request.user)
        )

    @extend_schema(
        operation_id="events_cover_image_destroy",
        summary="표지 이미지 삭제 (Remove the cover image)",
        description="표지 이미지를 지웁니다 (removes the cover image; no image is fine).",
        tags=[TAG],
        responses=answers(204, description="삭제됨 (Removed)"),
    )
    @cover_image.mapping.delete
    def cover_image_destroy(self, request: Request, pk: str | None = None) -> Response:
        services.event_cover_delete(event=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # --- registration -------------------------------------------------------------------------------------

    @extend_schema(
        operation_id="events_register",
        summary="참가 신청 (Register)",
        description=(
            "자리가 있으면 확정, 없으면 대기자 명단 (confirmed while seats are left, otherwise waitlisted with your "
            "position). 201 for a new registration, 200 if you were already registered (nothing changes). "
            "409 with a code saying why: `event_cancelled`, `event_postponed`, `event_past`, "
            "`registration_not_open`, `registration_closed`. Capacity is never exceeded, even under concurrent "
            "requests."
        ),
        tags=[TAG],
        request=None,
        responses={
            201: OpenApiResponse(
                RegistrationSerializer, examples=[ex.REGISTRATION_CONFIRMED, ex.REGISTRATION_WAITLISTED]
            ),
            200: OpenApiResponse(
                RegistrationSerializer,
                description="이미 신청함 (Already registered)",
                examples=[ex.REGISTRATION_CONFIRMED],
            ),
            409: problem_response(409, "신청할 수 없음 (Registration not possible now: see `code`)."),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def registration(self, request: Request, pk: str | None = None) -> Response:
        event = self.get_object()
        registration, created = services.registration_create(event_id=event.pk, user=request.user)
        if created:
            return created_response(RegistrationSerializer(registration).data, location=request.path)
        return Response(RegistrationSerializer(registration).data)

    @extend_schema(
        operation_id="events_unregister",
        summary="참가 취소 (Cancel my registration)",
        description=(
            "내 신청(확정 또는 대기)을 취소합니다; 빈 자리는 대기 1번에게 가고 그 사람에게 알림이 갑니다 (cancels your "
            "registration; a freed seat goes to the first on the waiting list, who is notified). 404 if not registered."
        ),
        tags=[TAG],
        responses=answers(204, description="취소됨 (Cancelled)", errors=(409,)),
    )
    @registration.mapping.delete
    def unregister(self, request: Request, pk: str | None = None) -> Response:
        event = self.get_object()
        services.registration_cancel(event_id=event.pk, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="events_check_in",
        summary="입장 확인 (Check an attendee in)",
        description="행사 담당자만; 확정된 참가자만 (event managers; confirmed attendees only, else 409).",
        tags=[TAG],
        request=None,
        responses=answers(200, AttendeeSerializer, ex.ATTENDEE),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"attendees/(?P<registration_id>\d+)/check-in",
        permission_classes=[IsEventManager],
    )
    def check_in(self, request: Request, pk: str | None = None, registration_id: str | None = None) -> Response:
        event = self.get_object()
        registration = services.registration_check_in(
            event=event, registration_id=int(registration_id or 0), checked_in=True
        )
        return Response(AttendeeSerializer(registration).data)

    @extend_schema(
        operation_id="events_check_in_undo",
        summary="입장 확인 취소 (Undo a check-in)",
        description="행사 담당자만 (event managers only).",
        tags=[TAG],
        responses=answers(200, AttendeeSerializer, ex.ATTENDEE, errors=(409,)),
    )
    @check_in.mapping.delete
    def check_in_undo(self, request: Request, pk: str | None = None, registration_id: str | None = None) -> Response:
        event = self.get_object()
        registration = services.registration_check_in(
            event=event, registration_id=int(registration_id or 0), checked_in=False
        )
        return Response(AttendeeSerializer(registration).data)

    # --- booths ------------------------------------------------------------------------------------------------

    @extend_schema(
        operation_id="events_booth_categories_list",
        summary="부스 구역 목록 (Booth categories)",
        description="행사의 부스 구역과 남은 부스 수 (the event's booth categories and booths left). Public.",
        tags=[BOOTH_TAG],
        responses=answers(200, BoothCategorySerializer(many=True), ex.BOOTH_CATEGORIES),
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="booth-categories",
        filterset_class=None,
        pagination_class=None,
        permission_classes=[IsEventManagerOrReadOnly],
    )
    def booth_categories(self, request: Request, pk: str | None = None) -> Response:
        event = self.get_object()
        return Response(BoothCategorySerializer(selectors.booth_category_list(event=event), many=True).data)

    @extend_schema(
        operation_id="events_booth_categories_create",
        summary="부스 구역 만들기 (Add a booth category)",
        description="행사 담당자만: 음식, 공예, 서비스… 구역과 부스 수 (event managers: a category and how many booths).",
        tags=[BOOTH_TAG],
        request=BoothCategoryCreateInputSerializer,
        responses=answers(201, BoothCategorySerializer, ex.BOOTH_CATEGORY),
        examples=[ex.FOOD_EXAMPLE],
    )
    @booth_categories.mapping.post
    def booth_categories_create(self, request: Request, pk: str | None = None) -> Response:
        event = self.get_object()
        data = BoothCategoryCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        category = services.booth_category_create(event=event, **data.validated_data)
        category = selectors.booth_category_list(event=event).get(pk=category.pk)
        location = reverse("event-booth-category", kwargs={"pk": event.pk, "category_id": category.pk})
        return created_response(BoothCategorySerializer(category).data, location=location)


class _EventSubListView(SelectorMixin, generics.ListAPIView):
    """Lists under ``/events/{id}/``: the event is looked up (404) before anything else."""

    def get_event(self) -> Event:
        event = getattr(self, "_event", None)
        if event is None:
            event = get_object_or_404(selectors.event_list(), pk=self.kwargs["pk"])
            self.check_object_permissions(self.request, event)
            self._event = event
        return event


class EventAttendeeListView(_EventSubListView):
    permission_classes = [IsEventManager]
    serializer_class = AttendeeSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = AttendeeFilter

    schema_model = Registration

    def select(self) -> QuerySet[Any]:
        return selectors.attendee_list(event=self.get_event())

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if not schema_generation(self):
            context["positions"] = selectors.waitlist_positions(event=self.get_event())
        return context

    @extend_schema(
        operation_id="events_attendees_list",
        summary="참가자 명단 (Attendee list)",
        description=(
            "행사 담당자(코디네이터, 주최 조직 회원, 지정된 담당자)만: 확정자와 대기자 (event managers only: confirmed "
            "and waitlisted people with waiting-list positions and check-ins). Filters: `status`, `checked_in`."
        ),
        tags=[TAG],
        responses=answers(200, AttendeeSerializer(many=True), ex.ATTENDEE_PAGE),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class EventBoothApplicationsView(_EventSubListView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = BoothApplicationSerializer
    filter_backends: list[Any] = []

    schema_model = BoothApplication

    def select(self) -> QuerySet[Any]:
        return selectors.booth_application_list(user=self.request.user, event=self.get_event())

    @extend_schema(
        operation_id="events_booth_applications_list",
        summary="부스 신청 목록 (Booth applications of an event)",
        description=(
            "코디네이터와 행사 담당자는 전부, 조직 회원은 자기 조직의 신청만 (coordinators and event managers see all; "
            "members see their organisations' own)."
        ),
        tags=[BOOTH_TAG],
        responses=answers(200, BoothApplicationSerializer(many=True), ex.BOOTH_APPLICATION_PAGE),
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="events_booth_applications_create",
        summary="부스 신청 (Apply for a booth)",
        description=(
            "조직 회원이 자기 조직을 대신해 신청하고 전시할 상품을 고릅니다 (a member applies on behalf of their "
            "organisation, with the products to show). A coordinator then accepts (a booth, or the category's waiting "
            "list when full) or declines with a reason. One application per organisation and event (409)."
        ),
        tags=[BOOTH_TAG],
        request=BoothApplicationCreateInputSerializer,
        responses={
            201: OpenApiResponse(BoothApplicationSerializer, examples=[ex.BOOTH_APPLICATION]),
            403: problem_response(403, "조직 회원이 아님 (You are not a member of that organisation)."),
            409: problem_response(409),
        },
        examples=[ex.APPLY_EXAMPLE],
    )
    def post(self, request: Request, pk: int) -> Response:
        event = self.get_event()
        data = BoothApplicationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = services.booth_application_create(actor=request.user, event=event, **data.validated_data)
        location = reverse("booth-application-detail", kwargs={"pk": application.pk})
        return created_response(BoothApplicationSerializer(application).data, location=location)


class EventBoothCategoryView(generics.GenericAPIView):
    permission_classes = [IsEventManager]
    serializer_class = BoothCategorySerializer

    @extend_schema(
        operation_id="events_booth_categories_update",
        summary="부스 구역 수정 (Change a booth category)",
        description=(
            "행사 담당자만; 부스 수는 이미 승인된 수보다 적을 수 없고, 늘리면 대기 중인 신청이 차례로 승인됩니다 "
            "(never below the accepted count; more booths accept waitlisted applications in order)."
        ),
        tags=[BOOTH_TAG],
        request=BoothCategoryUpdateInputSerializer,
        responses=answers(200, BoothCategorySerializer, ex.BOOTH_CATEGORY),
        examples=[ex.MORE_BOOTHS_EXAMPLE],
    )
    def patch(self, request: Request, pk: int, category_id: int) -> Response:
        event = get_object_or_404(selectors.event_list(), pk=pk)
        self.check_object_permissions(request, event)
        category = get_object_or_404(selectors.booth_category_list(event=event), pk=category_id)
        data = BoothCategoryUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.booth_category_update(booth_category=category, **data.validated_data)
        return Response(BoothCategorySerializer(selectors.booth_category_list(event=event).get(pk=category.pk)).data)


@extend_schema_view(
    get=extend_schema(
        operation_id="booth_applications_list",
        summary="내 부스 신청 (Booth applications I can see)",
        description=(
            "코디네이터는 전부, 조직 회원은 자기 조직의 신청 (coordinators: every application; members: their "
            "organisations'). Filters: `status`, `event`."
        ),
        tags=[BOOTH_TAG],
        responses=answers(200, BoothApplicationSerializer(many=True), ex.BOOTH_APPLICATION_PAGE),
    )
)
class BoothApplicationListView(SelectorMixin, generics.ListAPIView):
    serializer_class = BoothApplicationSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends = [DjangoFilterBackend]
    filterset_class = BoothApplicationFilter
    schema_model = BoothApplication

    def select(self) -> QuerySet[Any]:
        return selectors.booth_application_list(user=self.request.user)


class BoothApplicationDetailView(generics.GenericAPIView):
    serializer_class = BoothApplicationSerializer
    permission_classes = [permissions.IsAuthenticated]
    queryset = BoothApplication.objects.none()  # schema only: the selector looks the row up

    @extend_schema(
        operation_id="booth_applications_retrieve",
        summary="부스 신청 보기 (A booth application)",
        description=(
            "코디네이터, 신청한 조직의 회원, 행사 담당자; 다른 사람에게는 404 (coordinators, members of the applying "
            "organisation and the event's managers; 404 for everyone else). The address a new application's "
            "`Location` names."
        ),
        tags=[BOOTH_TAG],
        responses=answers(200, BoothApplicationSerializer, ex.BOOTH_APPLICATION),
    )
    def get(self, request: Request, pk: int) -> Response:
        application = selectors.booth_application_get(user=request.user, application_id=pk)
        if application is None:
            raise NotFound()
        return Response(BoothApplicationSerializer(application).data)


class _BoothDecisionView(SelectorMixin, generics.GenericAPIView):
    serializer_class = BoothApplicationSerializer
    schema_model = BoothApplication

    def select(self) -> QuerySet[Any]:
        return selectors.booth_application_list(user=self.request.user)


class BoothApplicationAcceptView(_BoothDecisionView):
    permission_classes = [IsCoordinator]

    @extend_schema(
        operation_id="booth_applications_accept",
        summary="부스 신청 승인 (Accept a booth application)",
        description=(
            "코디네이터만; 남은 부스가 있으면 승인, 없으면 그 구역의 대기자 명단 (coordinators only: accepted while "
            "booths are left, else waitlisted; never overbooked). The applicant is notified. Not pending → 409."
        ),
        tags=[BOOTH_TAG],
        request=None,
        responses=answers(200, BoothApplicationSerializer, ex.BOOTH_APPLICATION),
    )
    def post(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        application = services.booth_application_accept(application_id=application.pk, actor=request.user)
        return Response(BoothApplicationSerializer(application).data)


class BoothApplicationDeclineView(_BoothDecisionView):
    permission_classes = [IsCoordinator]

    @extend_schema(
        operation_id="booth_applications_decline",
        summary="부스 신청 거절 (Decline a booth application)",
        description=(
            "코디네이터만, 사유 필수; 승인된 신청을 거절하면 대기 1번이 승인됩니다 (coordinators only, with a reason; "
            "declining an accepted one accepts the first waitlisted)."
        ),
        tags=[BOOTH_TAG],
        request=BoothDecisionInputSerializer,
        responses=answers(200, BoothApplicationSerializer, ex.BOOTH_APPLICATION),
        examples=[ex.DECLINE_EXAMPLE],
    )
    def post(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        data = BoothDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = services.booth_application_decline(
            application_id=application.pk, actor=request.user, **data.validated_data
        )
        return Response(BoothApplicationSerializer(application).data)


class BoothApplicationWithdrawView(_BoothDecisionView):
    permission_classes = [IsEnterpriseEditorOrReadOnly]

    @extend_schema(
        operation_id="booth_applications_withdraw",
        summary="부스 신청 철회 (Withdraw a booth application)",
        description="신청한 조직의 회원이나 코디네이터 (a member of the applying organisation, or a coordinator).",
        tags=[BOOTH_TAG],
        request=None,
        responses=answers(200, BoothApplicationSerializer, ex.BOOTH_APPLICATION),
    )
    def post(self, request: Request, pk: int) -> Response:
        application = self.get_object()
        application = services.booth_application_withdraw(application_id=application.pk, actor=request.user)
        return Response(BoothApplicationSerializer(application).data)


# --- Series --------------------------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        operation_id="event_series_list",
        summary="반복 행사 목록 (List event series)",
        description="분기별 한마당, 매월 조합원의 날 같은 반복 행사 (recurring events; their occurrences are events).",
        tags=[TAG],
        responses=answers(200, EventSeriesSerializer(many=True), ex.SERIES_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="event_series_retrieve",
        summary="반복 행사 상세 (Event series detail)",
        description="반복 규칙과 회차 수 (the rule and the number of occurrences). List them: `/events/?series=<id>`.",
        tags=[TAG],
        responses=answers(200, EventSeriesSerializer, ex.SERIES),
    ),
    create=extend_schema(
        operation_id="event_series_create",
        summary="반복 행사 만들기 (Create an event series)",
        description=(
            "RFC 5545 RRULE(주·월·년 단위)로 정의; 앞으로 약 1년치(최대 60회) 회차가 실제 행사로 만들어져 하나씩 신청할 수 "
            "있습니다 (an RFC 5545 rule, weekly or less often; occurrences for about a year ahead, at most 60, are "
            "created as real events). A rule without COUNT or UNTIL repeats for ever: never more than 60 upcoming "
            "occurrences exist at once (a weekly rule on every weekday stops at 60); the daily extension only "
            "refills what has passed. A malformed rule is a 400 naming `recurrence_rule`."
        ),
        tags=[TAG],
        request=EventSeriesCreateInputSerializer,
        responses=answers(201, EventSeriesSerializer, ex.SERIES),
        examples=[ex.SERIES_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="event_series_update",
        summary="시리즈 전체 수정 (Edit the whole series)",
        description=(
            "보낸 필드를 시리즈와, 따로 수정하지 않은 앞으로의 모든 회차에 적용합니다 (applies the fields sent to the "
            "series and to every future occurrence not edited on its own; past and detached ones keep theirs). "
            "To change the rhythm or the time of day, create a new series. Honours If-Match."
        ),
        tags=[TAG],
        request=EventSeriesUpdateInputSerializer,
        responses=answers(200, EventSeriesSerializer, ex.SERIES),
        examples=[ex.VENUE_EXAMPLE],
    ),
)
class EventSeriesViewSet(CreateUpdateDomainViewSet):
    permission_classes = [IsEventManagerOrReadOnly]
    serializer_class = EventSeriesSerializer
    filter_backends = [StrictOrderingFilter]
    ordering_fields = ["starts_at", "created_at"]
    lookup_value_regex = r"\d+"
    schema_model = EventSeries
    input_serializers = {
        "create": EventSeriesCreateInputSerializer,
        "partial_update": EventSeriesUpdateInputSerializer,
    }

    def select(self) -> QuerySet[EventSeries]:
        return selectors.series_list()

    def perform_create(self, data: Any) -> EventSeries:
        return services.event_series_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.event_series_update(series=serializer.instance, actor=self.request.user, **serializer.validated_data)


# --- Calendar feeds -------------------------------------------------------------------------------------------------


class EventFeedView(SelectorMixin, _CalendarView, generics.GenericAPIView):
    response_cache = True  # anonymous reads served from the response cache
    filter_backends = [DjangoFilterBackend]
    filterset_class = EventFilter
    pagination_class = None
    schema_model = Event

    def select(self) -> QuerySet[Event]:
        return selectors.event_list()

    @extend_schema(
        operation_id="events_calendar_feed",
        summary="행사 캘린더 구독 (Public calendar feed)",
        description=(
            "다가오는 행사의 iCalendar 피드; 목록과 같은 필터 (upcoming events as an iCalendar feed to subscribe to, "
            "with the list's filters; without a date filter or `upcoming`, only events not over yet). At most 500. "
            "Cancelled events stay in the feed as STATUS:CANCELLED so calendars strike them through."
        ),
        tags=[CALENDAR_TAG],
        parameters=_FEED_PARAMETERS,
        responses={**_ICS_RESPONSE, 400: problem_response(400)},
    )
    def get(self, request: Request) -> HttpResponse:
        events = selectors.event_feed(queryset=self.filter_queryset(self.get_queryset()), params=request.query_params)
        return _ics_response(events, name="사회적경제 허브 행사", filename="events.ics")


class EventCalendarView(_CalendarView):
    response_cache = True  # anonymous reads served from the response cache

    @extend_schema(
        operation_id="events_calendar",
        summary="행사 캘린더 파일 (Event as iCalendar)",
        description="이 행사 하나의 .ics (this one event as an iCalendar file; UID `event-<id>@sehub`).",
        tags=[CALENDAR_TAG],
        responses={**_ICS_RESPONSE, 404: problem_response(404)},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        event = get_object_or_404(selectors.event_list(), pk=pk)
        return _ics_response([event], name=event.title, filename=f"event-{event.pk}.ics")


class EventAttendeesCSVView(APIView):
    permission_classes = [IsEventManager]
    renderer_classes = CSV_ENDPOINT["renderer_classes"]
    content_negotiation_class = CSV_ENDPOINT["content_negotiation_class"]

    @extend_schema(
        operation_id="events_attendees_csv",
        summary="참가자 명단 CSV (Attendee list as CSV)",
        description="행사 담당자만; UTF-8 BOM이 붙어 엑셀에서 한글이 깨지지 않습니다 (event managers; UTF-8 with BOM).",
        tags=[TAG],
        responses=answers((200, "text/csv"), OpenApiTypes.STR, ex.CSV_EXAMPLE, description="CSV"),
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        event = get_object_or_404(selectors.event_list(), pk=pk)
        self.check_object_permissions(request, event)
        return csv_response(selectors.attendee_csv(event=event), filename=f"event-{event.pk}-attendees.csv")


class EnterpriseFeedView(_CalendarView):
    response_cache = True  # anonymous reads served from the response cache

    @extend_schema(
        operation_id="enterprises_calendar_feed",
        summary="조직 행사 캘린더 (Organisation's calendar feed)",
        description="검증된 조직이 주최하는 행사의 iCalendar 피드 (events a verified organisation hosts; others 404).",
        tags=[CALENDAR_TAG],
        responses=_ICS_RESPONSE,
    )
    def get(self, request: Request, slug: str) -> HttpResponse:
        found = selectors.enterprise_feed(slug=slug)
        if found is None:
            raise NotFound()
        enterprise, hosted = found
        events = selectors.event_feed(queryset=hosted)
        return _ics_response(events, name=f"{enterprise.name} 행사", filename=f"{enterprise.slug}.ics")


class PersonalFeedView(_CalendarView):
    authentication_classes: list[Any] = []

    @extend_schema(
        operation_id="calendar_personal_feed",
        summary="내 신청 캘린더 (My registrations feed)",
        description=(
            "비밀 토큰 URL로 구독하는 내 신청 행사 (the events you registered or wait for, behind a private token URL "
            "since calendar apps cannot send a login; get or rotate the URL at `/calendar/token/`). Unknown or "
            "revoked token → 404."
        ),
        tags=[CALENDAR_TAG],
        auth=[],
        responses=_ICS_RESPONSE,
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        found = selectors.events_of_calendar_token(token=token)
        if found is None:
            raise NotFound()
        _user, events = found
        return _ics_response(
            selectors.event_feed(queryset=events), name="내 행사 (사회적경제 허브)", filename="my-events.ics"
        )


class CalendarTokenView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="calendar_token_retrieve",
        summary="내 캘린더 피드 주소 (My feed URL)",
        description="개인 피드의 비밀 URL (your private feed URL); 404 until you create one with POST.",
        tags=[CALENDAR_TAG],
        responses=answers(200, CalendarTokenSerializer, ex.CALENDAR_TOKEN, errors=(404,)),
    )
    def get(self, request: Request) -> Response:
        token = selectors.calendar_token_of(user=request.user)
        if token is None:
            raise NotFound(_("You have no calendar feed yet: create one with POST."))
        return Response(CalendarTokenSerializer(token, context={"request": request}).data)

    @extend_schema(
        operation_id="calendar_token_rotate",
        summary="피드 주소 발급·교체 (Create or rotate my feed URL)",
        description="새 비밀 URL을 만들고 이전 URL은 즉시 폐기합니다 (issues a new URL; the old one stops working).",
        tags=[CALENDAR_TAG],
        request=None,
        responses=answers(201, CalendarTokenSerializer, ex.CALENDAR_TOKEN),
    )
    def post(self, request: Request) -> Response:
        token = services.calendar_token_rotate(user=request.user)
        return created_response(
            CalendarTokenSerializer(token, context={"request": request}).data, location=reverse("calendar-token")
        )

    @extend_schema(
        operation_id="calendar_token_revoke",
        summary="피드 주소 폐기 (Revoke my feed URL)",
        description="개인 피드 URL을 폐기합니다 (the URL stops working; 404 if there is none).",
        tags=[CALENDAR_TAG],
        responses=answers(204, description="폐기됨 (Revoked)", errors=(404,)),
    )
    def delete(self, request: Request) -> Response:
        services.calendar_token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
