"""Notification endpoints: the logged-in user's own notifications only."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.common.pagination import CursorPagination
from api.common.schema import answers
from api.common.viewsets import SelectorMixin
from api.notifications import examples as ex
from api.notifications import selectors, services
from api.notifications.filters import NotificationFilter
from api.notifications.models import Notification
from api.notifications.serializers import (
    MarkedCountSerializer,
    NotificationPreferenceSerializer,
    NotificationPreferencesInputSerializer,
    NotificationSerializer,
    UnreadCountSerializer,
)

TAG = "notifications"


class NotificationPagination(CursorPagination):
    ordering = ("-created_at", "-id")  # type: ignore[assignment]  # DRF takes a tuple of fields; the stubs say str


@extend_schema_view(
    get=extend_schema(
        operation_id="notifications_list",
        summary="내 알림 목록 (My notifications)",
        description=(
            "로그인한 사용자의 알림, 최신순, 커서 페이지 (the logged-in user's notifications, newest first, "
            "cursor-paginated). Filter with `unread=true` or `kind`."
        ),
        tags=[TAG],
        responses=answers(200, NotificationSerializer(many=True), ex.PAGE_EXAMPLE),
    )
)
class NotificationListView(SelectorMixin, generics.ListAPIView):
    serializer_class = NotificationSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = NotificationPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = NotificationFilter
    schema_model = Notification

    def select(self) -> QuerySet[Notification]:
        return selectors.notification_list(user=self.request.user)


class NotificationUnreadCountView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="notifications_unread_count",
        summary="읽지 않은 알림 수 (Unread count)",
        description="읽지 않은 알림의 수 (number of unread notifications, for a badge).",
        tags=[TAG],
        responses=answers(200, UnreadCountSerializer, ex.COUNT_EXAMPLE),
    )
    def get(self, request: Request) -> Response:
        return Response({"unread": selectors.notification_unread_count(user=request.user)})


class NotificationReadView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="notifications_mark_read",
        summary="알림 읽음 표시 (Mark a notification read)",
        description="알림 하나를 읽음으로 표시합니다; 이미 읽었으면 그대로 (idempotent). Another user's → 404.",
        tags=[TAG],
        request=None,
        responses=answers(200, NotificationSerializer, ex.READ_EXAMPLE),
    )
    def post(self, request: Request, pk: int) -> Response:
        get_object_or_404(selectors.notification_list(user=request.user), pk=pk)
        notification = services.notification_mark_read(user=request.user, notification_id=pk)
        return Response(NotificationSerializer(notification).data)


class NotificationReadAllView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="notifications_mark_all_read",
        summary="모두 읽음 표시 (Mark all read)",
        description="읽지 않은 알림을 모두 읽음으로 표시하고 그 수를 돌려줍니다 (marks every unread notification read).",
        tags=[TAG],
        request=None,
        responses=answers(200, MarkedCountSerializer, ex.MARKED_EXAMPLE),
    )
    def post(self, request: Request) -> Response:
        return Response({"marked": services.notification_mark_all_read(user=request.user)})


class NotificationPreferencesView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="notifications_preferences_retrieve",
        summary="알림 메일 설정 (E-mail preferences)",
        description="알림 종류마다 메일도 받을지 (for each kind of notification, whether it also comes by e-mail).",
        tags=[TAG],
        responses=answers(200, NotificationPreferenceSerializer(many=True), ex.PREFS_EXAMPLE),
    )
    def get(self, request: Request) -> Response:
        return Response(
            NotificationPreferenceSerializer(selectors.notification_preferences(user=request.user), many=True).data
        )

    @extend_schema(
        operation_id="notifications_preferences_update",
        summary="알림 메일 설정 변경 (Update e-mail preferences)",
        description=(
            "주어진 종류의 메일 수신 여부를 바꿉니다; 빠진 종류는 그대로 (sets the e-mail choice of the kinds "
            "given; other kinds keep theirs). Returns every kind."
        ),
        tags=[TAG],
        request=NotificationPreferencesInputSerializer,
        responses=answers(200, NotificationPreferenceSerializer(many=True), ex.PREFS_EXAMPLE),
        examples=[ex.EMAIL_ON_PROMOTION_EXAMPLE],
    )
    def put(self, request: Request) -> Response:
        data = NotificationPreferencesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.notification_preferences_update(
            user=request.user, preferences={p["kind"]: p["email"] for p in data.validated_data["preferences"]}
        )
        return self.get(request)
