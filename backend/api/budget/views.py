"""Budget endpoints. Each validates input, calls one service or selector and serializes the result.

Budget data is never deleted: no path of this domain accepts DELETE (405 with ``Allow``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.budget import examples as ex
from api.budget import exports, selectors, services
from api.budget.filters import BudgetItemFilter, LedgerFilter
from api.budget.models import BudgetExecution, BudgetItem, BudgetLedgerEntry, BudgetProgramme
from api.budget.permissions import IsCoordinator, IsCoordinatorOrReadOnly
from api.budget.serializers import (
    AmendmentCreateInputSerializer,
    AmendmentSerializer,
    BudgetItemCreateInputSerializer,
    BudgetItemDetailSerializer,
    BudgetItemSerializer,
    BudgetItemUpdateInputSerializer,
    BudgetSummarySerializer,
    EvidenceAddInputSerializer,
    EvidenceSerializer,
    EvidenceUploadInputSerializer,
    ExecutionCreateInputSerializer,
    ExecutionSerializer,
    LedgerEntrySerializer,
    LedgerVerifySerializer,
    ProgrammeCreateInputSerializer,
    ProgrammeSerializer,
    ProgrammeUpdateInputSerializer,
    ReasonInputSerializer,
    StatusInputSerializer,
)
from api.common.errors import validation_error
from api.common.pagination import CursorPagination
from api.common.parsers import MultiPartParser
from api.common.renderers import CSV_ENDPOINT, csv_stream_response
from api.common.schema import answers
from api.common.serializers import Serializer
from api.common.viewsets import ActionViewSet, CreateUpdateDomainViewSet, created_response, schema_generation

TAG = "budget"
NEVER_DELETED = (
    " 예산 자료는 지우지 않습니다: DELETE는 405입니다 (budget data is never deleted: DELETE answers 405 "
    "`method_not_allowed`; corrections are new entries — amendments, reversals, cancellation with a reason)."
)


class LedgerCursorPagination(CursorPagination):
    """Oldest first by position: the order the chain is verified in."""

    ordering = "id"


class HistoryCursorPagination(CursorPagination):
    ordering = "id"


class HistoryPageSerializer(Serializer):
    """A cursor page of ledger entries (the history action is not a list view to the schema)."""

    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = LedgerEntrySerializer(many=True)


@extend_schema_view(
    list=extend_schema(
        operation_id="budget_programmes_list",
        summary="예산 사업 목록 (Budget programmes)",
        description="코디네이터가 관리하는 사업 목록 (the programmes coordinators keep), by position." + NEVER_DELETED,
        tags=[TAG],
        responses=answers(200, ProgrammeSerializer(many=True), ex.PROGRAMME_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="budget_programmes_retrieve",
        summary="예산 사업 (Budget programme)",
        description="사업 하나 (one programme)." + NEVER_DELETED,
        tags=[TAG],
        responses=answers(200, ProgrammeSerializer, ex.PROGRAMME_OUT),
    ),
    create=extend_schema(
        operation_id="budget_programmes_create",
        summary="예산 사업 추가 (Add a programme)",
        description="코디네이터만 (coordinators only). `code` is unique (400 `duplicate`).",
        tags=[TAG],
        request=ProgrammeCreateInputSerializer,
        responses=answers(201, ProgrammeSerializer, ex.PROGRAMME_OUT),
        examples=[ex.PROGRAMME_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="budget_programmes_update",
        summary="예산 사업 수정 (Edit a programme)",
        description=(
            "코디네이터만: 이름, 순서, 사용 여부 (coordinators only: name, position; `is_active: false` retires it: "
            "its items keep it, new items can't use it). Honours If-Match." + NEVER_DELETED
        ),
        tags=[TAG],
        request=ProgrammeUpdateInputSerializer,
        responses=answers(200, ProgrammeSerializer, ex.PROGRAMME_OUT),
        examples=[ex.PROGRAMME_PATCH],
    ),
)
class ProgrammeViewSet(CreateUpdateDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})
    serializer_class = ProgrammeSerializer
    input_serializers = {"create": ProgrammeCreateInputSerializer, "partial_update": ProgrammeUpdateInputSerializer}
    permission_classes = [IsCoordinatorOrReadOnly]
    schema_model = BudgetProgramme
    filterset_class = None
    ordering_fields: list[str] = []
    lookup_value_regex = r"\d+"

    def select(self) -> QuerySet[BudgetProgramme]:
        return selectors.programme_list()

    def perform_create(self, data: Any) -> BudgetProgramme:
        return services.programme_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.programme_update(programme=serializer.instance, actor=self.request.user, **serializer.validated_data)


@extend_schema_view(
    list=extend_schema(
        operation_id="budget_items_list",
        summary="예산 항목 목록 (Budget items)",
        description=(
            "누구나 읽는 예산 항목, 최근 연도부터 (every budget line, newest year first; anyone reads). Filters: "
            "`fiscal_year`, `programme`, `category`, `funding_source`, `status`, `recipient` (an organisation's id "
            "or slug: the support it received), `event` (items funding that event)." + NEVER_DELETED
        ),
        tags=[TAG],
        responses=answers(200, BudgetItemSerializer(many=True), ex.ITEM_PAGE),
    ),
    retrieve=extend_schema(
        operation_id="budget_items_retrieve",
        summary="예산 항목 상세 (Budget item)",
        description=(
            "항목과 집행(취소 포함), 예산 변경, 증빙 (the item with its executions and reversals, amendments and "
            "evidence). Its full public history: `GET …/history/`." + NEVER_DELETED
        ),
        tags=[TAG],
        responses=answers(200, BudgetItemDetailSerializer, ex.ITEM_OUT),
    ),
    create=extend_schema(
        operation_id="budget_items_create",
        summary="예산 항목 만들기 (Create a budget item)",
        description=(
            '코디네이터만 (coordinators only). Amounts are whole won (JSON integers; `1.5`, `"100"` and negatives '
            "are 400). `recipient_id` names an organisation of the directory, `event_ids` the events it funds (400 "
            "`recipient_not_found`/`event_not_found`). Starts `planned` unless `status` says `approved` or "
            "`in_progress`. Recorded in the ledger."
        ),
        tags=[TAG],
        request=BudgetItemCreateInputSerializer,
        responses=answers(201, BudgetItemDetailSerializer, ex.ITEM_OUT),
        examples=[ex.ITEM_CREATE],
    ),
    partial_update=extend_schema(
        operation_id="budget_items_update",
        summary="예산 항목 수정 (Edit a budget item)",
        description=(
            "코디네이터만: 설명과 분류, 지원 대상, 지원 행사 (coordinators only: title, description, programme, "
            "category, funding source, recipient, events funded). The allocation changes only by amendment "
            "(`POST …/amendments/`), the status by `POST …/status/`. 409 `budget_item_cancelled` on a cancelled "
            "item. Every change is a ledger entry with old and new values. Honours If-Match." + NEVER_DELETED
        ),
        tags=[TAG],
        request=BudgetItemUpdateInputSerializer,
        responses=answers(200, BudgetItemDetailSerializer, ex.ITEM_OUT),
        examples=[ex.ITEM_PATCH],
    ),
)
class BudgetItemViewSet(CreateUpdateDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})
    permission_classes = [IsCoordinatorOrReadOnly]
    filterset_class = BudgetItemFilter
    search_fields = ["title", "description"]
    ordering_fields = ["fiscal_year", "allocated_amount", "executed_amount", "created_at"]
    lookup_value_regex = r"\d+"
    schema_model = BudgetItem
    input_serializers = {"create": BudgetItemCreateInputSerializer, "partial_update": BudgetItemUpdateInputSerializer}

    def select(self) -> QuerySet[BudgetItem]:
        if self.action == "list":
            return selectors.budget_item_list()
        return selectors.budget_item_detail_queryset()

    def get_serializer_class(self) -> Any:
        return BudgetItemSerializer if self.action == "list" else BudgetItemDetailSerializer

    def perform_create(self, data: Any) -> BudgetItem:
        return services.budget_item_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        services.budget_item_update(item=serializer.instance, actor=self.request.user, **serializer.validated_data)


class BudgetItemActionViewSet(ActionViewSet):
    """State changes and sub-resources of one item (not conditional: no ETag/If-Match)."""

    response_cache_actions = frozenset({"executions", "amendments", "history"})
    permission_classes = [IsCoordinatorOrReadOnly]
    filterset_class = None
    ordering_fields: list[str] = []
    lookup_value_regex = r"\d+"
    serializer_class = BudgetItemDetailSerializer
    schema_model = BudgetItem
    pagination_class = None

    def select(self) -> QuerySet[BudgetItem]:
        return selectors.budget_item_list()

    def _detail(self, item: BudgetItem, code: int = status.HTTP_200_OK) -> Response:
        fresh = selectors.budget_item_detail_queryset().get(pk=item.pk)
        return Response(BudgetItemDetailSerializer(fresh, context=self.get_serializer_context()).data, status=code)

    @extend_schema(
        operation_id="budget_items_status",
        summary="예산 항목 상태 변경 (Change an item's status)",
        description=(
            "코디네이터만: 계획 → 승인 → 진행 중 → 완료, 또는 사유와 함께 취소 (coordinators only: planned → approved → "
            "in progress → completed; a completed item may go back to in progress; cancelled, with a `reason` "
            "(400 `reason_required`), is final and needs nothing executed (409 `budget_item_has_executions`: "
            "reverse the executions first). Other moves: 409 `budget_status_transition_invalid`; on a cancelled "
            "item 409 `budget_item_cancelled`. Recorded in the ledger."
        ),
        tags=[TAG],
        request=StatusInputSerializer,
        responses=answers(200, BudgetItemDetailSerializer, ex.ITEM_OUT),
        examples=[ex.STATUS_CANCEL],
    )
    @action(detail=True, methods=["post"])
    def status(self, request: Request, pk: str | None = None) -> Response:
        data = StatusInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.budget_item_set_status(item=self.get_object(), actor=request.user, **data.validated_data)
        return self._detail(item)

    @extend_schema(
        methods=["GET"],
        operation_id="budget_items_executions_list",
        summary="집행 내역 (Executions of an item)",
        description=(
            "집행과 집행 취소(역분개), 날짜 순 (payments and reversals, by date). A reversal has a negative `amount` "
            "and `reverses` the payment it corrects; a reversed payment shows `reversed_by`." + NEVER_DELETED
        ),
        tags=[TAG],
        responses=answers(200, ExecutionSerializer(many=True), ex.EXECUTION_LIST),
    )
    @extend_schema(
        methods=["POST"],
        operation_id="budget_items_executions_create",
        summary="집행 기록 (Record an execution)",
        description=(
            "코디네이터만: 예산에서 지급한 돈 (coordinators only: money paid out of the item). `amount` is a whole "
            "number of won above 0. The item is locked while it is checked: the executed total never exceeds the "
            "allocation (409 `budget_over_allocation`, whose message names the remaining amount). Only on an "
            "approved or in-progress item (409 `budget_item_not_approved`, `budget_item_completed`, "
            "`budget_item_cancelled`). Recorded in the ledger."
        ),
        tags=[TAG],
        request=ExecutionCreateInputSerializer,
        responses=answers(201, ExecutionSerializer, ex.EXECUTION_OUT),
        examples=[ex.EXECUTION_CREATE],
    )
    @action(detail=True, methods=["get", "post"])
    def executions(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        if request.method == "GET":
            rows = selectors.execution_list(item=item)
            return Response(ExecutionSerializer(rows, many=True, context=self.get_serializer_context()).data)
        data = ExecutionCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        execution = services.budget_execution_create(item_id=item.pk, actor=request.user, **data.validated_data)
        fresh = selectors.execution_list().get(pk=execution.pk)
        return created_response(ExecutionSerializer(fresh).data, location=request.path)

    @extend_schema(
        methods=["GET"],
        operation_id="budget_items_amendments_list",
        summary="예산 변경 내역 (Amendments of an item)",
        description="배정액 변경: 이전, 이후, 사유, 누가, 언제 (allocation changes: old, new, reason, who, when).",
        tags=[TAG],
        responses=answers(200, AmendmentSerializer(many=True), ex.AMENDMENT_LIST),
    )
    @extend_schema(
        methods=["POST"],
        operation_id="budget_items_amendments_create",
        summary="예산 변경 (Amend the allocation)",
        description=(
            "코디네이터만: 새 배정액과 사유 (coordinators only: the new allocation and a `reason`). Never below what "
            "is executed (400 `amendment_below_executed`, naming the executed amount); the same amount is 400 "
            "`amendment_unchanged`; on a cancelled item 409 `budget_item_cancelled`. Recorded in the ledger."
        ),
        tags=[TAG],
        request=AmendmentCreateInputSerializer,
        responses=answers(201, AmendmentSerializer, ex.AMENDMENT_OUT),
        examples=[ex.AMENDMENT_CREATE],
    )
    @action(detail=True, methods=["get", "post"])
    def amendments(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        if request.method == "GET":
            rows = selectors.amendment_list(item=item)
            return Response(AmendmentSerializer(rows, many=True).data)
        data = AmendmentCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        amendment = services.budget_amendment_create(item=item, actor=request.user, **data.validated_data)
        fresh = selectors.amendment_list(item=item).get(pk=amendment.pk)
        return created_response(AmendmentSerializer(fresh).data, location=request.path)

    @extend_schema(
        operation_id="budget_items_evidence_add",
        summary="증빙 추가 (Attach a document)",
        description=(
            "코디네이터만: 결정문, 계약서, 보고서, 영수증의 링크 (coordinators only: a link to a decision, contract, "
            "report or receipt), optionally of one of the item's executions (`execution_id`, 400 "
            "`execution_not_of_item`). Recorded in the ledger; documents are never removed."
        ),
        tags=[TAG],
        request=EvidenceAddInputSerializer,
        responses=answers(201, EvidenceSerializer, ex.EVIDENCE_OUT),
        examples=[ex.EVIDENCE_IN],
    )
    @action(detail=True, methods=["post"])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        data = EvidenceAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        document = services.budget_evidence_add(item=self.get_object(), actor=request.user, **data.validated_data)
        return created_response(EvidenceSerializer(document).data, location=f"/api/v1/budget-items/{document.item_id}/")

    @extend_schema(
        operation_id="budget_items_evidence_upload",
        summary="증빙 문서 올리기 (Upload a document)",
        description=(
            "코디네이터만: 링크 대신 문서 파일 자체 (coordinators only: the document itself instead of a link), "
            "multipart/form-data with `kind`, `title`, `file` and optionally `execution_id`. Allowed, judged by the "
            "content and not the name: PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG (images at most 5 MB, re-encoded "
            "without metadata); at most `BUDGET_EVIDENCE_MAX_BYTES` (20 MB by default). 400 naming `file` for an empty "
            "file (`empty`), a larger one (`file_too_large`) or another type (`invalid_document`); 400 naming `url` "
            "if a link is sent too (links go to `…/evidence/`). Stored under a random name and served as a "
            "download; the ledger records its SHA-256, size and name, so anyone checks a downloaded copy with "
            "`sha256sum`. Documents are never removed."
        ),
        tags=[TAG],
        request={"multipart/form-data": EvidenceUploadInputSerializer},
        responses=answers(201, EvidenceSerializer, ex.EVIDENCE_FILE_OUT),
    )
    @action(detail=True, methods=["post"], url_path="evidence/file", parser_classes=[MultiPartParser])
    def evidence_upload(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        data = EvidenceUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        document = services.budget_evidence_upload(item=item, actor=request.user, upload=values.pop("file"), **values)
        return created_response(
            EvidenceSerializer(document, context=self.get_serializer_context()).data,
            location=f"/api/v1/budget-items/{document.item_id}/",
        )

    @extend_schema(
        operation_id="budget_items_history",
        summary="예산 항목의 공개 이력 (Public history of an item)",
        description=(
            "이 항목의 원장 기록 전부, 오래된 순 (every ledger entry of this item, oldest first, cursor-paginated): "
            "creation, edits with old and new values, amendments, executions, reversals, status changes and "
            "documents, each with its place in the hash chain (see `/budget/ledger/verify/`)."
        ),
        tags=[TAG],
        parameters=[
            OpenApiParameter("cursor", OpenApiTypes.STR, description="다음 쪽 커서 (the `next` link's cursor)."),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "format": "int32", "minimum": 1, "maximum": 100},
                description="쪽당 기록 수 (entries per page, 1–100, default 20).",
            ),
        ],
        responses=answers(200, HistoryPageSerializer, ex.LEDGER_PAGE),
    )
    @action(detail=True, methods=["get"], pagination_class=HistoryCursorPagination)
    def history(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        page = self.paginate_queryset(selectors.ledger_list(item=item))
        return self.get_paginated_response(LedgerEntrySerializer(page, many=True).data)


class ExecutionReverseView(generics.GenericAPIView):
    permission_classes = [IsCoordinator]
    serializer_class = ExecutionSerializer

    def get_queryset(self) -> QuerySet[BudgetExecution]:
        if schema_generation(self):
            return BudgetExecution.objects.none()
        return selectors.execution_list()

    @extend_schema(
        operation_id="budget_executions_reverse",
        summary="집행 취소 (Reverse an execution)",
        description=(
            "코디네이터만: 잘못된 집행을 고치지 않고, 그것을 가리키는 취소 기록을 새로 남깁니다 (coordinators only: a wrong "
            "execution is never edited; a new reversing entry pointing to it, with a `reason` (400 "
            "`reason_required`), gives the amount back to the item). A payment is reversed once (409 "
            "`budget_execution_already_reversed`); a reversal is never reversed (409 "
            "`budget_reversal_not_reversible`: record a new execution instead); 409 `budget_item_cancelled`. "
            "Recorded in the ledger."
        ),
        tags=[TAG],
        request=ReasonInputSerializer,
        responses=answers(201, ExecutionSerializer, ex.REVERSAL_OUT),
        examples=[ex.REVERSE_IN],
    )
    def post(self, request: Request, pk: int) -> Response:
        execution = get_object_or_404(self.get_queryset(), pk=pk)
        data = ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reversal = services.budget_execution_reverse(execution=execution, actor=request.user, **data.validated_data)
        return created_response(
            ExecutionSerializer(selectors.execution_list().get(pk=reversal.pk)).data,
            location=f"/api/v1/budget-items/{reversal.item_id}/executions/",
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="budget_ledger_list",
        summary="예산 원장 (The budget ledger)",
        description=(
            "모든 예산 변경의 공개 원장, 오래된 순 (the public, append-only ledger of every budget change, oldest "
            "first, cursor-paginated). Each entry carries `hash`, the SHA-256 of its canonical content "
            "(JSON of `created_at`, `data`, `id`, `item`, `kind`, `prev_hash` with sorted keys and no spaces), and "
            "`prev_hash`, the hash of the entry before: a hash chain anyone can recompute (docs/budget-ledger.md). "
            "The database refuses to change or delete an entry. Filters: `item`, `kind`, `fiscal_year`."
        ),
        tags=[TAG],
        responses=answers(200, LedgerEntrySerializer(many=True), ex.LEDGER_PAGE),
    )
)
class LedgerView(generics.ListAPIView):
    response_cache = True
    permission_classes = [permissions.AllowAny]
    serializer_class = LedgerEntrySerializer
    pagination_class = LedgerCursorPagination
    filterset_class = LedgerFilter
    ordering_fields: list[str] = []
    search_fields: list[str] = []

    def get_queryset(self) -> QuerySet[BudgetLedgerEntry]:
        return selectors.ledger_list()


class LedgerVerifyView(APIView):
    # Never from the response cache: a row changed behind the application's back (raw SQL, trigger
    # dropped) bumps no cache generation, and this check must look at the database itself.
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="budget_ledger_verify",
        summary="원장 검증 (Verify the ledger)",
        description=(
            "서버가 해시 사슬 전체를 다시 계산합니다 (the server recomputes the whole chain: each entry's position, "
            "its link to the entry before and its own hash, then the head). `intact: true` with the number of "
            "entries and the last hash; otherwise `intact: false` and `first_break`, the id of the first entry that "
            "fails. Don't trust the server alone: export the ledger and check it yourself (docs/budget-ledger.md)."
        ),
        tags=[TAG],
        responses=answers(200, LedgerVerifySerializer, ex.VERIFY_OK, ex.VERIFY_BROKEN),
    )
    def get(self, request: Request) -> Response:
        result = selectors.ledger_verification()
        return Response(
            {"intact": result.intact, "entries": result.entries, "head": result.head, "first_break": result.first_break}
        )


_YEAR = OpenApiParameter(
    "year",
    {"type": "integer", "format": "int32", "minimum": 2000, "maximum": 2100},
    description="회계연도; 없으면 전체 (fiscal year; all years when absent).",
)


class SummaryView(APIView):
    response_cache = True
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="budget_summary",
        summary="예산 요약 (Budget summary)",
        description=(
            "배정액, 집행액, 잔액, 집행률을 사업, 비목, 재원, 지원 대상 유형, 지역별로, 그리고 연도별로 (allocated, "
            "executed, remaining and execution rate by programme, category, funding source, recipient kind and "
            "district, and year over year). Cancelled items are left out. Read from totals maintained in the "
            "transaction of every write."
        ),
        tags=[TAG],
        parameters=[_YEAR],
        responses=answers(200, BudgetSummarySerializer, ex.SUMMARY),
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("year")
        year = None
        if raw is not None:
            if not (raw.isascii() and raw.isdigit() and 2000 <= int(raw) <= 2100):
                raise validation_error("year", _("Give a year from 2000 to 2100."), code="invalid")
            year = int(raw)
        return Response(selectors.budget_summary(year=year))


class XLSXRenderer(BaseRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    charset = None

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        import json

        return data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode("utf-8")


_EXPORT_PARAMETERS = [
    OpenApiParameter(
        "dataset",
        {"type": "string", "enum": list(exports.DATASETS)},
        OpenApiParameter.PATH,
        description="items (예산 항목), executions (집행), ledger (원장).",
    ),
    OpenApiParameter(
        "lang",
        {"type": "string", "enum": ["ko", "en"]},
        description="머리글 언어 (header language; default ko). The ledger's columns are the same in both.",
    ),
    OpenApiParameter("fiscal_year", {"type": "integer", "format": "int32", "minimum": 2000, "maximum": 2100}),
    OpenApiParameter(
        "programme", {"type": "integer", "format": "int64", "minimum": 1}, description="사업 id (programme id)."
    ),
    OpenApiParameter(
        "recipient", {"type": "string", "maxLength": 80}, description="지원 대상 id 또는 slug (recipient id or slug)."
    ),
    OpenApiParameter(
        "item",
        {"type": "integer", "format": "int64", "minimum": 1},
        description="이 항목만 (this item only: its row, its executions or its ledger entries).",
    ),
]


class _ExportView(APIView):
    permission_classes = [permissions.AllowAny]

    def _data(self, request: Request, dataset: str) -> tuple[list[str], Any]:
        if dataset not in exports.DATASETS:
            from django.http import Http404

            raise Http404
        lang = request.query_params.get("lang", "ko")
        if lang not in ("ko", "en"):
            raise validation_error("lang", _("Give ko or en."), code="invalid_choice")
        params = request.query_params
        if dataset == "ledger":
            ledger = LedgerFilter(params, queryset=selectors.ledger_list())
            if not ledger.is_valid():
                raise ValidationError(ledger.errors)
            queryset: Any = ledger.qs
        else:
            # The ledger's `item` filter, checked the same way (a 64-bit id) for items and executions.
            only = LedgerFilter({"item": params["item"]} if "item" in params else {}, queryset=selectors.ledger_list())
            if not only.is_valid():
                raise ValidationError(only.errors)
            items = BudgetItemFilter(params, queryset=BudgetItem.objects.select_related("programme", "recipient"))
            if not items.is_valid():
                raise ValidationError(items.errors)
            item_id = only.form.cleaned_data.get("item")
            if item_id is not None:
                items = BudgetItemFilter(params, queryset=items.qs.filter(pk=item_id))
                items.is_valid()
            if dataset == "items":
                queryset = items.qs.order_by("fiscal_year", "id")
            else:
                queryset = (
                    BudgetExecution.objects.select_related("item")
                    .filter(item__in=items.qs.values("pk"))
                    .order_by("item__fiscal_year", "executed_on", "id")
                )
        return exports.header(dataset, lang), exports.rows(dataset, queryset, lang)


class ExportCSVView(_ExportView):
    renderer_classes = CSV_ENDPOINT["renderer_classes"]
    content_negotiation_class = CSV_ENDPOINT["content_negotiation_class"]

    @extend_schema(
        operation_id="budget_export_csv",
        summary="예산 공개 자료 CSV (Budget open data as CSV)",
        description=(
            "예산 항목, 집행, 원장을 CSV로 (items, executions or the ledger as CSV: UTF-8 with BOM, Korean or English "
            "headers, formula-safe cells, the licence on the last line starting with `#`), streamed; with the "
            "list's filters. Anyone may download it."
        ),
        tags=[TAG],
        parameters=_EXPORT_PARAMETERS,
        responses=answers((200, "text/csv"), OpenApiTypes.STR, ex.CSV_EXAMPLE, description="CSV"),
    )
    def get(self, request: Request, dataset: str) -> HttpResponseBase:
        head, data = self._data(request, dataset)
        response = csv_stream_response(exports.csv_chunks(head, data), filename=f"budget-{dataset}.csv")
        response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
        return response


class ExportXLSXView(_ExportView):
    renderer_classes = [XLSXRenderer]
    content_negotiation_class = CSV_ENDPOINT["content_negotiation_class"]

    @extend_schema(
        operation_id="budget_export_xlsx",
        summary="예산 공개 자료 XLSX (Budget open data as XLSX)",
        description=(
            "CSV와 같은 자료를 엑셀 통합 문서로 (the same data as an Excel workbook: a data sheet and a licence "
            "sheet), written row by row to a temporary file and streamed."
        ),
        tags=[TAG],
        parameters=_EXPORT_PARAMETERS,
        responses=answers((200, XLSXRenderer.media_type), OpenApiTypes.BINARY, description="XLSX"),
    )
    def get(self, request: Request, dataset: str) -> HttpResponseBase:
        head, data = self._data(request, dataset)
        handle = exports.xlsx_file(head, data, title=dataset)
        response = FileResponse(
            handle, as_attachment=True, filename=f"budget-{dataset}.xlsx", content_type=XLSXRenderer.media_type
        )
        response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
        return response
