"""Audit log endpoints: coordinators read the whole log and one object's history."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import NotFound

from api.audit import examples as ex
from api.audit import selectors
from api.audit.filters import AuditEntryFilter
from api.audit.models import AuditEntry
from api.audit.permissions import CanReadAuditLog
from api.audit.serializers import AuditEntrySerializer
from api.common.pagination import CursorPagination
from api.common.schema import answers
from api.common.serializers import MAX_ID

TAG = "audit"


class AuditCursorPagination(CursorPagination):
    """Newest first by id: ids only grow, so the cursor is stable even for entries of the same instant."""

    ordering = "-id"


@extend_schema_view(
    get=extend_schema(
        operation_id="audit_log_list",
        summary="감사 기록 (Audit log)",
        description=(
            "코디네이터만: 조직·행사·상품·구성원의 생성, 변경, 보관, 복원, 확인·반려를 누가, 언제, 무엇을(이전·새 값), 왜 "
            "바꿨는지 최신순으로 (coordinators only: every create, change, archive, restore and verification of "
            "organisations, events, products and memberships, newest first, cursor-paginated). Entries are never "
            "changed or removed: the database refuses it. Filters: `object_type`, `object_id`, `actor` (user id), "
            "`action`, `date_from`/`date_to` (dates in Asia/Seoul)."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter("actor", OpenApiTypes.INT, description="작업한 사용자의 id (user id of who acted)."),
            OpenApiParameter("date_from", OpenApiTypes.DATE, description="이 날짜 이후 (on or after, Asia/Seoul)."),
            OpenApiParameter("date_to", OpenApiTypes.DATE, description="이 날짜 이전 (on or before, Asia/Seoul)."),
        ],
        responses=answers(200, AuditEntrySerializer(many=True), ex.PAGE),
    )
)
class AuditLogView(generics.ListAPIView):
    permission_classes = [CanReadAuditLog]
    serializer_class = AuditEntrySerializer
    pagination_class = AuditCursorPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = AuditEntryFilter

    def get_queryset(self) -> QuerySet[AuditEntry]:
        return selectors.audit_entry_list()


@extend_schema_view(
    get=extend_schema(
        operation_id="audit_log_object_history",
        summary="한 대상의 변경 이력 (History of one object)",
        description=(
            "코디네이터만: 한 대상의 모든 기록, 최신순 (coordinators only: every entry of one object, newest first), "
            "e.g. `/audit-log/enterprises.enterprise/12/`. An object without entries gives an empty page."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter(
                "object_type",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="대상 유형 (`<app>.<model>`, e.g. `enterprises.enterprise`, `events.event`, `enterprises.product`).",
                pattern=r"^[a-z_]+\.[a-z_]+$",
            ),
            OpenApiParameter("object_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="대상 id (object id)."),
        ],
        responses=answers(200, AuditEntrySerializer(many=True), ex.PAGE),
    )
)
class AuditObjectHistoryView(generics.ListAPIView):
    permission_classes = [CanReadAuditLog]
    serializer_class = AuditEntrySerializer
    pagination_class = AuditCursorPagination
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[AuditEntry]:
        if getattr(self, "swagger_fake_view", False):
            return AuditEntry.objects.none()
        if int(self.kwargs["object_id"]) > MAX_ID:  # no row has such an id (the spec's maximum)
            raise NotFound()
        return selectors.audit_object_history(
            object_type=self.kwargs["object_type"], object_id=self.kwargs["object_id"]
        )
