"""Endpoints of the directory. Each validates input, calls one selector or service and serializes."""

from __future__ import annotations

import json
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.common.archiving import ARCHIVE_REASON_PARAMETER, ArchiveReasonInputSerializer, archive_reason_of
from api.common.conditional import ConditionalMixin
from api.common.errors import validation_error
from api.common.filters import StrictOrderingFilter
from api.common.images import image_check
from api.common.permissions import is_coordinator
from api.common.schema import problem_response
from api.enterprises import selectors, services
from api.enterprises.csv_io import CsvFileError, export_rows, parse
from api.enterprises.filters import EnterpriseFilter, KoreanSearchFilter, ProductFilter
from api.enterprises.models import Enterprise, Product
from api.enterprises.permissions import (
    IsCoordinator,
    IsEnterpriseEditor,
    IsEnterpriseEditorOrReadOnly,
    IsEnterpriseOwner,
)
from api.enterprises.serializers import (
    EnterpriseImportInputSerializer,
    EnterpriseImportResultSerializer,
    EnterpriseSerializer,
    EnterpriseVerifyResultSerializer,
    ImageUploadInputSerializer,
    MembershipAddInputSerializer,
    MembershipSerializer,
    ProductSerializer,
    ProgressTargetSerializer,
    StatsSerializer,
)
from api.enterprises.stats import directory_stats

# --- Examples ---------------------------------------------------------------------------------------

_ENTERPRISE = {
    "id": 1,
    "slug": "wecan-cookie",
    "name": "위캔쿠키",
    "name_en": "WeCan Cookie",
    "kind": "social",
    "kind_label": "사회적기업",
    "certification_number": "2012-045",
    "certified_on": "2012-06-01",
    "certification_expires_on": None,
    "sector": "food",
    "sector_label": "식품·외식",
    "social_mission": "발달장애인에게 제빵·바리스타 직업훈련과 일자리를 제공합니다.",
    "description": "발달장애인이 우리밀 쿠키를 굽는 사회적기업입니다.",
    "district": "ilsandong",
    "district_label": "일산동구",
    "address": "경기도 고양시 일산동구 ○○로 12",
    "latitude": 37.658,
    "longitude": 126.775,
    "phone": "031-000-0000",
    "email": "hello@wecan.example",
    "website": "https://wecan.example",
    "social_links": [
        {"kind": "blog", "kind_label": "블로그", "url": "https://blog.example/wecan", "label": "", "followers": None}
    ],
    "founded_on": "2001-03-01",
    "employees_total": 58,
    "employees_vulnerable": 40,
    "vulnerable_groups": ["disabled"],
    "logo": None,
    "tags": ["쿠키", "장애인고용"],
    "status": "active",
    "status_label": "운영 중",
    "verification_status": "verified",
    "verification_status_label": "인증됨",
    "is_verified": True,
    "verified_at": "2026-11-25T10:00:00+09:00",
    "product_count": 3,
    "created_at": "2026-11-25T10:00:00+09:00",
    "updated_at": "2026-11-25T10:00:00+09:00",
}
_ENTERPRISE_OUT = OpenApiExample("enterprise", value=_ENTERPRISE, response_only=True)
_ENTERPRISE_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_ENTERPRISE]}, response_only=True
)
_ENTERPRISE_IN = OpenApiExample(
    "new organisation",
    value={
        "name": "햇살마을협동조합",
        "kind": "cooperative",
        "sector": "agriculture",
        "district": "deogyang",
        "address": "경기도 고양시 덕양구 ○○길 3",
        "social_mission": "지역 농산물로 마을 밥상을 차립니다.",
        "employees_total": 6,
        "employees_vulnerable": 2,
        "tags": ["로컬푸드"],
        "social_links": [{"kind": "naver_band", "url": "https://band.us/band/00000000"}],
    },
    request_only=True,
)
_PRODUCT = {
    "id": 7,
    "enterprise": "wecan-cookie",
    "enterprise_name": "위캔쿠키",
    "name": "우리밀 수제 쿠키 선물세트",
    "description": "발달장애인 제빵사가 구운 쿠키 12개입.",
    "price": 15000,
    "price_on_request": False,
    "category": "food",
    "category_label": "식품",
    "image": None,
    "order_url": "https://wecan.example/shop",
    "order_contact": "031-000-0000",
    "is_available": True,
    "created_at": "2026-11-25T10:00:00+09:00",
    "updated_at": "2026-11-25T10:00:00+09:00",
}
_PRODUCT_OUT = OpenApiExample("product", value=_PRODUCT, response_only=True)
_PRODUCT_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_PRODUCT]}, response_only=True
)
_PRODUCT_IN = OpenApiExample(
    "new product",
    value={"enterprise": "wecan-cookie", "name": "쿠키 선물세트", "price": 15000, "category": "food"},
    request_only=True,
)
_MEMBER = {
    "id": 3,
    "user_id": 12,
    "email": "editor@example.com",
    "display_name": "홍보 담당",
    "role": "editor",
    "role_label": "편집자",
    "created_at": "2026-11-25T10:00:00+09:00",
}
_TARGET = {
    "year": 2015,
    "organisations": 200,
    "jobs": 1000,
    "note": "2015년 고양시 사회적경제 육성 목표",
    "updated_at": "2026-11-25T10:00:00+09:00",
}
_UPLOAD_DOC = "multipart/form-data, field `file`: PNG, JPEG or WebP, at most 5 MB (checked by content)."


def _image_upload(request: Request) -> tuple[Any, str]:
    data = ImageUploadInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    upload = data.validated_data["file"]
    return upload, image_check(upload, field="file")


class CSVRenderer(BaseRenderer):
    """Lets clients ask for ``text/csv``; error bodies are still problem+json documents."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        if isinstance(data, bytes | str):
            return data.encode() if isinstance(data, str) else data
        return json.dumps(data, ensure_ascii=False).encode()


class CSVOnlyNegotiation(BaseContentNegotiation):
    """The export always answers CSV (errors: problem+json), whatever ``Accept`` or ``?format=`` say."""

    def select_parser(self, request: Request, parsers: list[Any]) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: list[Any], format_suffix: str | None = None) -> Any:
        return renderers[0], renderers[0].media_type


def _include_archived(view: Any) -> bool:
    """Coordinators see archived rows on details and actions (to read and restore them) and in
    lists when they ask with ``?archived=``; the selectors ignore this for anyone else."""
    if view.action in ("list", "export"):
        return "archived" in view.request.query_params
    return True


_ENTERPRISE_TAG = ["enterprises"]
_PRODUCT_TAG = ["products"]
_STATS_TAG = ["stats"]


@extend_schema_view(
    list=extend_schema(
        operation_id="enterprises_list",
        summary="조직 목록·검색 (List and search organisations)",
        description=(
            "인증된 조직과, 로그인했다면 내가 등록했거나 속한 조직 (verified organisations, plus pending ones "
            "you submitted or belong to; coordinators see all). `search` finds substrings inside Korean compound "
            "words in names, mission, description, tags and product names, and 초성 queries (ㅇㅋ); exact name "
            "matches come first, then prefixes. `certification_expiring_within` is for coordinators."
        ),
        tags=_ENTERPRISE_TAG,
        responses={200: OpenApiResponse(EnterpriseSerializer(many=True), examples=[_ENTERPRISE_PAGE])},
    ),
    create=extend_schema(
        operation_id="enterprises_create",
        summary="조직 등록 (Submit an organisation)",
        description=(
            "로그인한 사용자가 조직을 등록하면 코디네이터가 확인할 때까지 대기 상태이고 등록자가 소유자가 됩니다 "
            "(a registered user's submission stays pending until a coordinator verifies it; the submitter becomes "
            "its owner; coordinators' entries are verified at once). 409 `duplicate_certification_number`."
        ),
        tags=_ENTERPRISE_TAG,
        request=EnterpriseSerializer,
        responses={201: OpenApiResponse(EnterpriseSerializer, examples=[_ENTERPRISE_OUT]), 409: problem_response(409)},
        examples=[_ENTERPRISE_IN],
    ),
    retrieve=extend_schema(
        operation_id="enterprises_retrieve",
        summary="조직 상세 (Organisation)",
        description="slug로 조회; 볼 수 없는 대기 조직은 404 (by slug; a pending organisation you may not see is 404).",
        tags=_ENTERPRISE_TAG,
        responses={200: OpenApiResponse(EnterpriseSerializer, examples=[_ENTERPRISE_OUT])},
    ),
    partial_update=extend_schema(
        operation_id="enterprises_update",
        summary="조직 수정 (Update an organisation)",
        description=(
            "소유자·편집자·코디네이터 (owners, editors, coordinators). `tags` and `social_links` replace the lists "
            "when sent. Honours If-Match."
        ),
        tags=_ENTERPRISE_TAG,
        request=EnterpriseSerializer,
        responses={200: OpenApiResponse(EnterpriseSerializer, examples=[_ENTERPRISE_OUT]), 409: problem_response(409)},
        examples=[
            OpenApiExample("update", value={"employees_total": 60, "employees_vulnerable": 41}, request_only=True)
        ],
    ),
    destroy=extend_schema(
        operation_id="enterprises_delete",
        summary="조직 보관 (Archive an organisation)",
        description=(
            "코디네이터만. 지우지 않고 보관합니다: 코디네이터 외에는 404가 되고, 상품·구성원·부스 신청은 함께 숨겨진 채 "
            "남으며 `POST …/restore/`로 복원됩니다 (coordinators only. Nothing is deleted: the organisation is "
            "archived, 404 for everyone else, its products, members and booth applications kept and hidden with "
            "it; restore it with `POST …/restore/`). Its open booth applications for events that have not started "
            "are withdrawn and each freed booth goes to the next on that category's waiting list. Optional "
            "`?reason=` goes into the audit log. 409 `already_archived`. 폐업은 `status: closed`로 (owners mark a "
            "closed one `closed`)."
        ),
        tags=_ENTERPRISE_TAG,
        parameters=[ARCHIVE_REASON_PARAMETER],
        responses={204: OpenApiResponse(description="보관됨 (Archived)"), 409: problem_response(409)},
    ),
)
class EnterpriseViewSet(
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = EnterpriseSerializer
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser]
    filter_backends = [DjangoFilterBackend, KoreanSearchFilter, StrictOrderingFilter]
    filterset_class = EnterpriseFilter
    korean_search = "enterprises"
    ordering_fields = ["name", "founded_on", "employees_total", "employees_vulnerable", "created_at"]
    ordering = None  # the selector orders by name; a search orders by relevance

    def get_permissions(self) -> list[Any]:
        action_name = self.action
        if action_name in ("destroy", "verify", "reject", "import_csv", "restore"):
            return [IsCoordinator()]
        if action_name in ("members", "logo", "logo_delete", "products_create"):
            return [IsEnterpriseEditor()]
        if action_name in ("members_add", "members_remove"):
            return [IsEnterpriseOwner()]
        if action_name == "create":
            return [IsAuthenticated()]
        return [IsEnterpriseEditorOrReadOnly()]

    def get_queryset(self) -> QuerySet[Enterprise]:
        return selectors.enterprise_list(user=self.request.user, include_archived=_include_archived(self))

    def _representation(self, enterprise: Enterprise) -> dict[str, Any]:
        fresh = selectors.enterprise_list(user=self.request.user, include_archived=True).get(pk=enterprise.pk)
        return EnterpriseSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        tags, links, slug = data.pop("tags", None), data.pop("social_links", None), data.pop("slug", None)
        enterprise = services.enterprise_create(
            user=request.user,
            data=data,
            tags=tags,
            social_links=links,
            slug=slug,
            verified=is_coordinator(request.user),
        )
        return Response(self._representation(enterprise), status=status.HTTP_201_CREATED)

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        tags, links = data.pop("tags", None), data.pop("social_links", None)
        data.pop("slug", None)
        services.enterprise_update(
            enterprise=serializer.instance, data=data, tags=tags, social_links=links, actor=self.request.user
        )

    def perform_destroy(self, instance: Enterprise) -> None:
        reason = archive_reason_of(self.request, from_query=True)
        services.enterprise_archive(enterprise=instance, actor=self.request.user, reason=reason)

    # --- Verification ----------------------------------------------------------------------------

    @extend_schema(
        operation_id="enterprises_verify",
        summary="조직 확인 (Verify an organisation)",
        description="코디네이터가 확인하면 공개되고 배지가 붙습니다 (coordinators: public, with the verified badge).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses={
            200: OpenApiResponse(
                EnterpriseVerifyResultSerializer,
                examples=[
                    OpenApiExample(
                        "verified",
                        value={
                            "slug": "wecan-cookie",
                            "verification_status": "verified",
                            "is_verified": True,
                            "verified_at": "2026-11-25T10:00:00+09:00",
                        },
                    )
                ],
            )
        },
    )
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, slug: str | None = None) -> Response:
        enterprise = services.enterprise_set_verification(
            enterprise=self.get_object(), user=request.user, verified=True
        )
        return Response(EnterpriseVerifyResultSerializer(enterprise).data)

    @extend_schema(
        operation_id="enterprises_reject",
        summary="조직 반려 (Reject an organisation)",
        description="코디네이터: 공개 목록에서 숨깁니다 (coordinators: hidden again from the public directory).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses={
            200: OpenApiResponse(
                EnterpriseVerifyResultSerializer,
                examples=[
                    OpenApiExample(
                        "rejected",
                        value={
                            "slug": "haengbok-coop",
                            "verification_status": "rejected",
                            "is_verified": False,
                            "verified_at": None,
                        },
                    )
                ],
            )
        },
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, slug: str | None = None) -> Response:
        enterprise = services.enterprise_set_verification(
            enterprise=self.get_object(), user=request.user, verified=False
        )
        return Response(EnterpriseVerifyResultSerializer(enterprise).data)

    # --- Logo ---------------------------------------------------------------------------------------

    @extend_schema(
        operation_id="enterprises_logo_upload",
        summary="로고 올리기 (Upload the logo)",
        description=f"소유자·편집자·코디네이터 (owners, editors, coordinators). {_UPLOAD_DOC}",
        tags=_ENTERPRISE_TAG,
        request={"multipart/form-data": ImageUploadInputSerializer},
        responses={200: OpenApiResponse(EnterpriseSerializer, examples=[_ENTERPRISE_OUT])},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def logo(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        upload, fmt = _image_upload(request)
        services.enterprise_set_logo(enterprise=enterprise, upload=upload, fmt=fmt, actor=request.user)
        return Response(self._representation(enterprise))

    @extend_schema(
        operation_id="enterprises_logo_delete",
        summary="로고 삭제 (Remove the logo)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses={204: OpenApiResponse(description="삭제됨 (Removed)")},
    )
    @logo.mapping.delete
    def logo_delete(self, request: Request, slug: str | None = None) -> Response:
        services.enterprise_set_logo(enterprise=self.get_object(), upload=None, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # --- Members ----------------------------------------------------------------------------------

    @extend_schema(
        operation_id="enterprises_members_list",
        summary="구성원 목록 (Members)",
        description="조직의 소유자·편집자·코디네이터만 (only the organisation's owners and editors, and coordinators).",
        tags=_ENTERPRISE_TAG,
        responses={
            200: OpenApiResponse(MembershipSerializer(many=True), examples=[OpenApiExample("members", value=[_MEMBER])])
        },
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def members(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        return Response(MembershipSerializer(selectors.membership_list(enterprise=enterprise), many=True).data)

    @extend_schema(
        operation_id="enterprises_members_add",
        summary="구성원 초대 (Add a member)",
        description=(
            "소유자·코디네이터: 가입한 사용자를 이메일로 소유자나 편집자로 추가하거나 역할을 바꿉니다 (owners and "
            "coordinators add a registered user by e-mail, or change their role). 409 `last_owner`."
        ),
        tags=_ENTERPRISE_TAG,
        request=MembershipAddInputSerializer,
        responses={
            201: OpenApiResponse(MembershipSerializer, examples=[OpenApiExample("member", value=_MEMBER)]),
            409: problem_response(409),
        },
        examples=[OpenApiExample("invite", value={"email": "editor@example.com", "role": "editor"}, request_only=True)],
    )
    @members.mapping.post
    def members_add(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        data = MembershipAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership = services.membership_add(enterprise=enterprise, **data.validated_data, actor=request.user)
        return Response(MembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="enterprises_members_remove",
        summary="구성원 내보내기 (Remove a member)",
        description="소유자·코디네이터; 마지막 소유자는 409 (owners and coordinators; the last owner stays: 409 `last_owner`).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses={204: OpenApiResponse(description="삭제됨 (Removed)"), 409: problem_response(409)},
        parameters=[OpenApiParameter("membership_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
    )
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<membership_id>[0-9]+)")
    def members_remove(self, request: Request, slug: str | None = None, membership_id: str | None = None) -> Response:
        enterprise = self.get_object()
        membership = get_object_or_404(selectors.membership_list(enterprise=enterprise), pk=membership_id)
        services.membership_remove(membership=membership, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # --- Products of one organisation --------------------------------------------------------------

    @extend_schema(
        operation_id="enterprises_products_list",
        summary="조직의 상품·서비스 (The organisation's products and services)",
        description="누구나 (anyone who may see the organisation).",
        tags=_ENTERPRISE_TAG,
        responses={200: OpenApiResponse(ProductSerializer(many=True), examples=[_PRODUCT_PAGE])},
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def products(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        qs = selectors.product_list(user=request.user, enterprise=enterprise)
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(
            ProductSerializer(page, many=True, context=self.get_serializer_context()).data
        )

    @extend_schema(
        operation_id="enterprises_products_create",
        summary="조직의 상품 등록 (Add a product to the organisation)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators).",
        tags=_ENTERPRISE_TAG,
        request=ProductSerializer,
        responses={201: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT])},
        examples=[
            OpenApiExample(
                "new product", value={"name": "쿠키 선물세트", "price": 15000, "category": "food"}, request_only=True
            )
        ],
    )
    @products.mapping.post
    def products_create(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        serializer = ProductSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "enterprise"}
        product = services.product_create(enterprise=enterprise, data=data, actor=request.user)
        return Response(
            ProductSerializer(product, context=self.get_serializer_context()).data, status=status.HTTP_201_CREATED
        )

    # --- CSV ---------------------------------------------------------------------------------------

    @extend_schema(
        operation_id="enterprises_export",
        filters=True,
        summary="CSV 내보내기 (Export the directory as CSV)",
        description=(
            "목록과 같은 필터의 CSV, UTF-8 BOM (the filtered directory as CSV with a UTF-8 BOM so Excel reads Korean; "
            "same columns as the import)."
        ),
        tags=_ENTERPRISE_TAG,
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="CSV",
                examples=[
                    OpenApiExample(
                        "csv", value="\ufeff기업명,영문명,기업유형,...\r\n위캔쿠키,WeCan Cookie,사회적기업,...\r\n"
                    )
                ],
            )
        },
    )
    @action(
        detail=False,
        methods=["get"],
        renderer_classes=[CSVRenderer],
        content_negotiation_class=CSVOnlyNegotiation,
        pagination_class=None,
    )
    def export(self, request: Request) -> HttpResponse:
        queryset = self.filter_queryset(self.get_queryset())
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in export_rows(queryset.iterator(chunk_size=500))),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="enterprises.csv"'
        return response

    @extend_schema(
        operation_id="enterprises_import",
        summary="CSV 가져오기 (Import organisations from CSV)",
        description=(
            "코디네이터만. 모든 행을 검사하고 오류를 `rows[행번호].열이름`으로 알려 주며, 전부 쓰거나 아무것도 "
            "쓰지 않습니다 (coordinators only: every row is validated, errors name row and column, all or nothing). "
            "Upserts by certification number, else name + district. UTF-8 or CP949. `dry_run` writes nothing."
        ),
        tags=_ENTERPRISE_TAG,
        request={"multipart/form-data": EnterpriseImportInputSerializer},
        responses={
            200: OpenApiResponse(
                EnterpriseImportResultSerializer,
                examples=[
                    OpenApiExample(
                        "imported",
                        value={"dry_run": False, "encoding": "cp949", "rows": 3, "created": 2, "updated": 1},
                    )
                ],
            )
        },
    )
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser, FormParser])
    def import_csv(self, request: Request) -> Response:
        data = EnterpriseImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        try:
            parsed = parse(upload.read())
        except CsvFileError as exc:
            raise validation_error("file", exc.message, code=exc.code) from None
        if parsed.errors:
            raise services.rows_error(parsed.errors)
        result = services.enterprise_import(rows=parsed.rows, user=request.user, dry_run=data.validated_data["dry_run"])
        return Response(
            {"dry_run": data.validated_data["dry_run"], "encoding": parsed.encoding, "rows": len(parsed.rows), **result}
        )

    # --- Archive: restore (DELETE archives, see ``destroy``) ----------------------------------------

    @extend_schema(
        operation_id="enterprises_restore",
        summary="보관된 조직 복원 (Restore an archived organisation)",
        description=(
            "코디네이터만: 보관된 조직을 그대로 되살립니다; 철회된 부스 신청은 그대로입니다 (coordinators only: the "
            "organisation comes back as it was, with its products and members; withdrawn booth applications stay "
            "withdrawn). Optional `reason` goes into the audit log. 409 `not_archived`."
        ),
        tags=_ENTERPRISE_TAG,
        request=ArchiveReasonInputSerializer,
        responses={200: OpenApiResponse(EnterpriseSerializer, examples=[_ENTERPRISE_OUT]), 409: problem_response(409)},
        examples=[OpenApiExample("restore", value={"reason": "보관 요청 철회"}, request_only=True)],
    )
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, slug: str | None = None) -> Response:
        reason = archive_reason_of(request, from_query=False)
        enterprise = services.enterprise_restore(enterprise=self.get_object(), actor=request.user, reason=reason)
        return Response(self._representation(enterprise))


@extend_schema_view(
    list=extend_schema(
        operation_id="products_list",
        summary="상품·서비스 카탈로그 (Product and service catalogue)",
        description=(
            "모든 조직의 상품을 한국어로 검색 (search every organisation's products; substrings inside compound "
            "words, exact and prefix name matches first)."
        ),
        tags=_PRODUCT_TAG,
        responses={200: OpenApiResponse(ProductSerializer(many=True), examples=[_PRODUCT_PAGE])},
    ),
    create=extend_schema(
        operation_id="products_create",
        summary="상품 등록 (Add a product)",
        description="`enterprise`의 소유자·편집자·코디네이터 (owners and editors of `enterprise`, coordinators).",
        tags=_PRODUCT_TAG,
        request=ProductSerializer,
        responses={201: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT])},
        examples=[_PRODUCT_IN],
    ),
    retrieve=extend_schema(
        operation_id="products_retrieve",
        summary="상품 상세 (Product)",
        description="누구나 (anyone who may see its organisation).",
        tags=_PRODUCT_TAG,
        responses={200: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT])},
    ),
    partial_update=extend_schema(
        operation_id="products_update",
        summary="상품 수정 (Update a product)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators). `price: null` = 가격 문의 (on request). Honours If-Match.",
        tags=_PRODUCT_TAG,
        request=ProductSerializer,
        responses={200: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT])},
        examples=[OpenApiExample("update", value={"price": None, "is_available": False}, request_only=True)],
    ),
    destroy=extend_schema(
        operation_id="products_delete",
        summary="상품 보관 (Archive a product)",
        description=(
            "소유자·편집자·코디네이터. 지우지 않고 보관합니다: 목록·검색·조직 페이지에서 사라지고 코디네이터가 복원합니다 "
            "(owners, editors, coordinators. Nothing is deleted: the product is archived, hidden from the catalogue, "
            "search and its organisation's page, and a coordinator can restore it). It leaves the booth showcases "
            "of events that have not started; the organisers of an event where it was on an accepted exhibitor's "
            "showcase are notified. Optional `?reason=` goes into the audit log. 409 `already_archived`."
        ),
        tags=_PRODUCT_TAG,
        parameters=[ARCHIVE_REASON_PARAMETER],
        responses={204: OpenApiResponse(description="보관됨 (Archived)"), 409: problem_response(409)},
    ),
)
class ProductViewSet(
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ProductSerializer
    permission_classes = [IsEnterpriseEditorOrReadOnly]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filter_backends = [DjangoFilterBackend, KoreanSearchFilter, StrictOrderingFilter]
    filterset_class = ProductFilter
    korean_search = "products"
    ordering_fields = ["name", "price", "created_at"]
    ordering = None

    def get_queryset(self) -> QuerySet[Product]:
        return selectors.product_list(user=self.request.user, include_archived=_include_archived(self))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        enterprise = data.pop("enterprise", None)
        if enterprise is None:
            raise validation_error("enterprise", _("This field is required."), code="required")
        visible = selectors.enterprise_list(user=request.user).filter(pk=enterprise.pk).exists()
        if not visible:
            raise validation_error("enterprise", _("No such organisation."), code="does_not_exist")
        self.check_object_permissions(request, enterprise)
        product = services.product_create(enterprise=enterprise, data=data, actor=request.user)
        return Response(self.get_serializer(product).data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer: Any) -> None:
        data = {k: v for k, v in serializer.validated_data.items() if k != "enterprise"}
        services.product_update(product=serializer.instance, data=data, actor=self.request.user)

    def perform_destroy(self, instance: Product) -> None:
        reason = archive_reason_of(self.request, from_query=True)
        services.product_archive(product=instance, actor=self.request.user, reason=reason)

    @extend_schema(
        operation_id="products_image_upload",
        summary="상품 이미지 올리기 (Upload the product image)",
        description=f"소유자·편집자·코디네이터 (owners, editors, coordinators). {_UPLOAD_DOC}",
        tags=_PRODUCT_TAG,
        request={"multipart/form-data": ImageUploadInputSerializer},
        responses={200: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT])},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser], filter_backends=[])
    def image(self, request: Request, pk: str | None = None) -> Response:
        product = self.get_object()
        upload, fmt = _image_upload(request)
        product = services.product_set_image(product=product, upload=upload, fmt=fmt, actor=request.user)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(
        operation_id="products_image_delete",
        summary="상품 이미지 삭제 (Remove the product image)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators).",
        tags=_PRODUCT_TAG,
        request=None,
        responses={204: OpenApiResponse(description="삭제됨 (Removed)")},
    )
    @image.mapping.delete
    def image_delete(self, request: Request, pk: str | None = None) -> Response:
        services.product_set_image(product=self.get_object(), upload=None, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # --- Archive: restore (DELETE archives, see ``destroy``) ----------------------------------------

    @extend_schema(
        operation_id="products_restore",
        summary="보관된 상품 복원 (Restore an archived product)",
        description=(
            "코디네이터만 (coordinators only): the product comes back to the catalogue; booth showcases it left are "
            "not refilled. Optional `reason` goes into the audit log. 409 `not_archived`."
        ),
        tags=_PRODUCT_TAG,
        request=ArchiveReasonInputSerializer,
        responses={200: OpenApiResponse(ProductSerializer, examples=[_PRODUCT_OUT]), 409: problem_response(409)},
        examples=[OpenApiExample("restore", value={"reason": "다시 판매합니다."}, request_only=True)],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsCoordinator], filter_backends=[])
    def restore(self, request: Request, pk: str | None = None) -> Response:
        reason = archive_reason_of(request, from_query=False)
        product = services.product_restore(product=self.get_object(), actor=request.user, reason=reason)
        return Response(self.get_serializer(product).data)


class StatsView(APIView):
    permission_classes = [IsEnterpriseEditorOrReadOnly]

    @extend_schema(
        operation_id="stats_retrieve",
        summary="사회적경제 현황과 목표 달성률 (Directory statistics and progress against targets)",
        description=(
            "운영 중인 인증 조직의 유형·구·업종별 수, 고용 인원과 취약계층 고용, 연도별 목표 대비 달성 (active "
            "verified organisations by kind, district and sector; employees; per target year, organisations and "
            "jobs against the city's targets as numbers and percentages)."
        ),
        tags=_STATS_TAG,
        responses={
            200: OpenApiResponse(
                StatsSerializer,
                examples=[
                    OpenApiExample(
                        "stats",
                        value={
                            "organisations": 155,
                            "employees_total": 812,
                            "employees_vulnerable": 301,
                            "organisations_with_products": 90,
                            "products": 180,
                            "by_kind": [
                                {
                                    "code": "village",
                                    "label": "마을기업",
                                    "organisations": 13,
                                    "employees_total": 70,
                                    "employees_vulnerable": 20,
                                }
                            ],
                            "by_district": [
                                {
                                    "code": "ilsandong",
                                    "label": "일산동구",
                                    "organisations": 52,
                                    "employees_total": 300,
                                    "employees_vulnerable": 120,
                                }
                            ],
                            "by_sector": [
                                {
                                    "code": "food",
                                    "label": "식품·외식",
                                    "organisations": 30,
                                    "employees_total": 200,
                                    "employees_vulnerable": 90,
                                }
                            ],
                            "progress": [
                                {
                                    "year": 2015,
                                    "organisations_target": 200,
                                    "organisations": 155,
                                    "organisations_percent": 77.5,
                                    "jobs_target": 1000,
                                    "jobs": 812,
                                    "jobs_percent": 81.2,
                                    "note": "2015년 고양시 사회적경제 육성 목표",
                                }
                            ],
                        },
                    )
                ],
            )
        },
    )
    def get(self, request: Request) -> Response:
        return Response(directory_stats())


@extend_schema_view(
    list=extend_schema(
        operation_id="stats_targets_list",
        summary="연도별 목표 (Targets by year)",
        description="누구나 (anyone).",
        tags=_STATS_TAG,
        responses={
            200: OpenApiResponse(
                ProgressTargetSerializer(many=True), examples=[OpenApiExample("targets", value=[_TARGET])]
            )
        },
    ),
    create=extend_schema(
        operation_id="stats_targets_create",
        summary="목표 추가 (Add a year's target)",
        description="코디네이터만; 같은 연도는 409 (coordinators only; an existing year is 409 `duplicate_year`).",
        tags=_STATS_TAG,
        responses={
            201: OpenApiResponse(ProgressTargetSerializer, examples=[OpenApiExample("target", value=_TARGET)]),
            409: problem_response(409),
        },
        examples=[OpenApiExample("2016", value={"year": 2016, "organisations": 220, "jobs": 1100}, request_only=True)],
    ),
    retrieve=extend_schema(
        operation_id="stats_targets_retrieve",
        summary="한 해의 목표 (A year's target)",
        description="누구나 (anyone).",
        tags=_STATS_TAG,
        responses={200: OpenApiResponse(ProgressTargetSerializer, examples=[OpenApiExample("target", value=_TARGET)])},
    ),
    partial_update=extend_schema(
        operation_id="stats_targets_update",
        summary="목표 수정 (Change a year's target)",
        description="코디네이터만 (coordinators only). Honours If-Match.",
        tags=_STATS_TAG,
        responses={
            200: OpenApiResponse(ProgressTargetSerializer, examples=[OpenApiExample("target", value=_TARGET)]),
            409: problem_response(409),
        },
        examples=[OpenApiExample("raise", value={"organisations": 210}, request_only=True)],
    ),
    destroy=extend_schema(
        operation_id="stats_targets_delete",
        summary="목표 삭제 (Delete a year's target)",
        description="코디네이터만 (coordinators only).",
        tags=_STATS_TAG,
        responses={204: OpenApiResponse(description="삭제됨 (Deleted)")},
    ),
)
class ProgressTargetViewSet(
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ProgressTargetSerializer
    lookup_field = "year"
    lookup_value_regex = r"[0-9]{4}"
    pagination_class = None
    filter_backends: list[Any] = []
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_permissions(self) -> list[Any]:
        if self.action in ("list", "retrieve"):
            return [IsEnterpriseEditorOrReadOnly()]
        return [IsCoordinator()]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.progress_target_list()

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        target = services.progress_target_create(**serializer.validated_data)
        return Response(self.get_serializer(target).data, status=status.HTTP_201_CREATED)

    def perform_update(self, serializer: Any) -> None:
        services.progress_target_update(target=serializer.instance, data=dict(serializer.validated_data))

    def perform_destroy(self, instance: Any) -> None:
        services.progress_target_delete(target=instance)
