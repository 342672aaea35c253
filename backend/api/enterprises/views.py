"""Endpoints of the directory. Each validates input, calls one selector or service and serializes."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
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
from api.common.parsers import FormParser, JSONParser, MultiPartParser
from api.common.renderers import CSV_ENDPOINT, csv_stream_response
from api.common.schema import answers
from api.common.stats import stats_example, stats_sections, stats_serializer
from api.common.viewsets import CrudDomainViewSet, created_response
from api.enterprises import examples as ex
from api.enterprises import selectors, services
from api.enterprises.csv_io import export_rows
from api.enterprises.filters import EnterpriseFilter, KoreanSearchFilter, ProductFilter
from api.enterprises.models import Enterprise, Product, ProgressTarget
from api.enterprises.permissions import (
    IsCoordinator,
    IsEnterpriseEditor,
    IsEnterpriseEditorOrReadOnly,
    IsEnterpriseOwner,
)
from api.enterprises.serializers import (
    EnterpriseImportInputSerializer,
    EnterpriseImportResultSerializer,
    EnterpriseInputSerializer,
    EnterpriseSerializer,
    EnterpriseVerifyResultSerializer,
    ImageUploadInputSerializer,
    MembershipAddInputSerializer,
    MembershipSerializer,
    ProductAddInputSerializer,
    ProductCreateInputSerializer,
    ProductInputSerializer,
    ProductSerializer,
    ProgressTargetInputSerializer,
    ProgressTargetSerializer,
    StatsSerializer,
)
from api.enterprises.stats import directory_stats

_UPLOAD_DOC = "multipart/form-data, field `file`: PNG, JPEG or WebP, at most 5 MB (checked by content)."


def _image_upload(request: Request) -> tuple[Any, str]:
    data = ImageUploadInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    upload = data.validated_data["file"]
    return upload, image_check(upload, field="file")


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
        responses=answers(200, EnterpriseSerializer(many=True), ex.ENTERPRISE_PAGE),
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
        request=EnterpriseInputSerializer,
        responses=answers(201, EnterpriseSerializer, ex.ENTERPRISE_OUT),
        examples=[ex.ENTERPRISE_IN],
    ),
    retrieve=extend_schema(
        operation_id="enterprises_retrieve",
        summary="조직 상세 (Organisation)",
        description="slug로 조회; 볼 수 없는 대기 조직은 404 (by slug; a pending organisation you may not see is 404).",
        tags=_ENTERPRISE_TAG,
        responses=answers(200, EnterpriseSerializer, ex.ENTERPRISE_OUT),
    ),
    partial_update=extend_schema(
        operation_id="enterprises_update",
        summary="조직 수정 (Update an organisation)",
        description=(
            "소유자·편집자·코디네이터 (owners, editors, coordinators). `tags` and `social_links` replace the lists "
            "when sent. Honours If-Match."
        ),
        tags=_ENTERPRISE_TAG,
        request=EnterpriseInputSerializer,
        responses=answers(200, EnterpriseSerializer, ex.ENTERPRISE_OUT),
        examples=[ex.UPDATE_EXAMPLE],
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
        responses=archive_responses(),
    ),
)
class EnterpriseViewSet(CrudDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})  # anonymous reads served from the response cache
    serializer_class = EnterpriseSerializer
    input_serializers = {"create": EnterpriseInputSerializer, "partial_update": EnterpriseInputSerializer}
    schema_model = Enterprise
    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"
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

    def select(self) -> QuerySet[Enterprise]:
        if self.action in ("retrieve", "list"):
            # Tags and social links in each organisation's own row: a page is one query and its count.
            return selectors.enterprise_detail_queryset(
                user=self.request.user, include_archived=_include_archived(self)
            )
        return selectors.enterprise_list(user=self.request.user, include_archived=_include_archived(self))

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], Enterprise):  # one organisation: its relations from its annotations
            selectors.enterprise_detail_load(args[0])
        elif args and isinstance(args[0], list) and kwargs.get("many"):  # a page: the same for each
            for enterprise in args[0]:
                selectors.enterprise_detail_load(enterprise)
        return super().get_serializer(*args, **kwargs)

    def perform_create(self, data: Any) -> Enterprise:
        return services.enterprise_create(user=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        changes = dict(serializer.validated_data)
        changes.pop("slug", None)  # the address never changes (checked by the input serializer)
        services.enterprise_update(enterprise=serializer.instance, actor=self.request.user, **changes)

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
        responses=answers(200, EnterpriseVerifyResultSerializer, ex.VERIFIED_EXAMPLE),
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
        responses=answers(200, EnterpriseVerifyResultSerializer, ex.REJECTED_EXAMPLE),
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
        responses=answers(200, EnterpriseSerializer, ex.ENTERPRISE_OUT),
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def logo(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        upload, fmt = _image_upload(request)
        services.enterprise_set_logo(enterprise=enterprise, upload=upload, fmt=fmt, actor=request.user)
        return self.output(enterprise)

    @extend_schema(
        operation_id="enterprises_logo_delete",
        summary="로고 삭제 (Remove the logo)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses=answers(204, description="삭제됨 (Removed)"),
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
        responses=answers(200, MembershipSerializer(many=True), ex.MEMBERS_EXAMPLE),
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
        responses=answers(201, MembershipSerializer, ex.MEMBER_EXAMPLE),
        examples=[ex.INVITE_EXAMPLE],
    )
    @members.mapping.post
    def members_add(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        data = MembershipAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership = services.membership_add(enterprise=enterprise, **data.validated_data, actor=request.user)
        location = reverse(
            "enterprise-members-remove", kwargs={"slug": enterprise.slug, "membership_id": membership.pk}
        )
        return created_response(MembershipSerializer(membership).data, location=location)

    @extend_schema(
        operation_id="enterprises_members_remove",
        summary="구성원 내보내기 (Remove a member)",
        description="소유자·코디네이터; 마지막 소유자는 409 (owners and coordinators; the last owner stays: 409 `last_owner`).",
        tags=_ENTERPRISE_TAG,
        request=None,
        responses=answers(204, description="삭제됨 (Removed)", errors=(409,)),
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
        responses=answers(200, ProductSerializer(many=True), ex.PRODUCT_PAGE),
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
        request=ProductAddInputSerializer,
        responses=answers(201, ProductSerializer, ex.PRODUCT_OUT),
        examples=[ex.NEW_PRODUCT_EXAMPLE],
    )
    @products.mapping.post
    def products_create(self, request: Request, slug: str | None = None) -> Response:
        enterprise = self.get_object()
        serializer = ProductAddInputSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        product = services.product_create(actor=request.user, enterprise=enterprise, **serializer.validated_data)
        return created_response(
            ProductSerializer(product, context=self.get_serializer_context()).data,
            location=reverse("product-detail", kwargs={"pk": product.pk}),
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
        responses=answers((200, "text/csv"), OpenApiTypes.STR, ex.CSV_EXAMPLE, description="CSV"),
    )
    @action(detail=False, methods=["get"], pagination_class=None, **CSV_ENDPOINT)
    def export(self, request: Request) -> HttpResponseBase:
        queryset = self.filter_queryset(self.get_queryset())
        return csv_stream_response(export_rows(queryset.iterator(chunk_size=500)), filename="enterprises.csv")

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
        responses=answers(200, EnterpriseImportResultSerializer, ex.IMPORTED_EXAMPLE),
    )
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser, FormParser])
    def import_csv(self, request: Request) -> Response:
        data = EnterpriseImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.enterprise_import_csv(
            content=data.validated_data["file"].read(), user=request.user, dry_run=data.validated_data["dry_run"]
        )
        return Response(EnterpriseImportResultSerializer(result).data)

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
        responses=answers(200, EnterpriseSerializer, ex.ENTERPRISE_OUT),
        examples=[ex.RESTORE_ENTERPRISE_EXAMPLE],
    )
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, slug: str | None = None) -> Response:
        reason = archive_reason_of(request, from_query=False)
        enterprise = services.enterprise_restore(enterprise=self.get_object(), actor=request.user, reason=reason)
        return self.output(enterprise)


@extend_schema_view(
    list=extend_schema(
        operation_id="products_list",
        summary="상품·서비스 카탈로그 (Product and service catalogue)",
        description=(
            "모든 조직의 상품을 한국어로 검색 (search every organisation's products; substrings inside compound "
            "words, exact and prefix name matches first)."
        ),
        tags=_PRODUCT_TAG,
        responses=answers(200, ProductSerializer(many=True), ex.PRODUCT_PAGE),
    ),
    create=extend_schema(
        operation_id="products_create",
        summary="상품 등록 (Add a product)",
        description="`enterprise`의 소유자·편집자·코디네이터 (owners and editors of `enterprise`, coordinators).",
        tags=_PRODUCT_TAG,
        request=ProductCreateInputSerializer,
        responses=answers(201, ProductSerializer, ex.PRODUCT_OUT),
        examples=[ex.PRODUCT_IN],
    ),
    retrieve=extend_schema(
        operation_id="products_retrieve",
        summary="상품 상세 (Product)",
        description="누구나 (anyone who may see its organisation).",
        tags=_PRODUCT_TAG,
        responses=answers(200, ProductSerializer, ex.PRODUCT_OUT),
    ),
    partial_update=extend_schema(
        operation_id="products_update",
        summary="상품 수정 (Update a product)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators). `price: null` = 가격 문의 (on request). Honours If-Match.",
        tags=_PRODUCT_TAG,
        request=ProductInputSerializer,
        responses=answers(200, ProductSerializer, ex.PRODUCT_OUT),
        examples=[ex.UPDATE_EXAMPLE_2],
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
        responses=archive_responses(),
    ),
)
class ProductViewSet(CrudDomainViewSet):
    response_cache_actions = frozenset({"list", "retrieve"})  # anonymous reads served from the response cache
    serializer_class = ProductSerializer
    input_serializers = {"create": ProductCreateInputSerializer, "partial_update": ProductInputSerializer}
    schema_model = Product
    permission_classes = [IsEnterpriseEditorOrReadOnly]
    filter_backends = [DjangoFilterBackend, KoreanSearchFilter, StrictOrderingFilter]
    filterset_class = ProductFilter
    korean_search = "products"
    ordering_fields = ["name", "price", "created_at"]
    ordering = None

    def select(self) -> QuerySet[Product]:
        return selectors.product_list(user=self.request.user, include_archived=_include_archived(self))

    def perform_create(self, data: Any) -> Product:
        return services.product_create(actor=self.request.user, **data)

    def perform_update(self, serializer: Any) -> None:
        changes = {k: v for k, v in serializer.validated_data.items() if k != "enterprise"}
        services.product_update(product=serializer.instance, actor=self.request.user, **changes)

    def perform_destroy(self, instance: Product) -> None:
        reason = archive_reason_of(self.request, from_query=True)
        services.product_archive(product=instance, actor=self.request.user, reason=reason)

    @extend_schema(
        operation_id="products_image_upload",
        summary="상품 이미지 올리기 (Upload the product image)",
        description=f"소유자·편집자·코디네이터 (owners, editors, coordinators). {_UPLOAD_DOC}",
        tags=_PRODUCT_TAG,
        request={"multipart/form-data": ImageUploadInputSerializer},
        responses=answers(200, ProductSerializer, ex.PRODUCT_OUT),
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser], filter_backends=[])
    def image(self, request: Request, pk: str | None = None) -> Response:
        product = self.get_object()
        upload, fmt = _image_upload(request)
        product = services.product_set_image(product=product, upload=upload, fmt=fmt, actor=request.user)
        return self.output(product)

    @extend_schema(
        operation_id="products_image_delete",
        summary="상품 이미지 삭제 (Remove the product image)",
        description="소유자·편집자·코디네이터 (owners, editors, coordinators).",
        tags=_PRODUCT_TAG,
        request=None,
        responses=answers(204, description="삭제됨 (Removed)"),
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
        responses=answers(200, ProductSerializer, ex.PRODUCT_OUT),
        examples=[ex.RESTORE_PRODUCT_EXAMPLE],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsCoordinator], filter_backends=[])
    def restore(self, request: Request, pk: str | None = None) -> Response:
        reason = archive_reason_of(request, from_query=False)
        product = services.product_restore(product=self.get_object(), actor=request.user, reason=reason)
        return self.output(product)


class StatsView(APIView):
    response_cache = True  # anonymous reads served from the response cache
    permission_classes = [IsEnterpriseEditorOrReadOnly]

    @extend_schema(
        operation_id="stats_retrieve",
        summary="사회적경제 현황과 목표 달성률 (Directory statistics and progress against targets)",
        description=(
            "운영 중인 인증 조직의 유형·구·업종별 수, 고용 인원과 취약계층 고용, 연도별 목표 대비 달성 (active "
            "verified organisations by kind, district and sector; employees; per target year, organisations and "
            "jobs against the city's targets as numbers and percentages). Other domains add sections "
            "(`board`: collaborations; see `api/common/stats.py`)."
        ),
        tags=_STATS_TAG,
        responses=answers(
            200, stats_serializer(StatsSerializer), OpenApiExample("stats", value=stats_example(ex.STATS_EXAMPLE.value))
        ),
    )
    def get(self, request: Request) -> Response:
        return Response({**directory_stats(), **stats_sections()})


@extend_schema_view(
    list=extend_schema(
        operation_id="stats_targets_list",
        summary="연도별 목표 (Targets by year)",
        description="누구나 (anyone).",
        tags=_STATS_TAG,
        responses=answers(200, ProgressTargetSerializer(many=True), ex.TARGETS_EXAMPLE),
    ),
    create=extend_schema(
        operation_id="stats_targets_create",
        summary="목표 추가 (Add a year's target)",
        description="코디네이터만; 같은 연도는 409 (coordinators only; an existing year is 409 `duplicate_year`).",
        tags=_STATS_TAG,
        responses=answers(201, ProgressTargetSerializer, ex.TARGET_EXAMPLE),
        examples=[ex.Y2016_EXAMPLE],
    ),
    retrieve=extend_schema(
        operation_id="stats_targets_retrieve",
        summary="한 해의 목표 (A year's target)",
        description="누구나 (anyone).",
        tags=_STATS_TAG,
        responses=answers(200, ProgressTargetSerializer, ex.TARGET_EXAMPLE),
    ),
    partial_update=extend_schema(
        operation_id="stats_targets_update",
        summary="목표 수정 (Change a year's target)",
        description="코디네이터만 (coordinators only). Honours If-Match.",
        tags=_STATS_TAG,
        responses=answers(200, ProgressTargetSerializer, ex.TARGET_EXAMPLE),
        examples=[ex.RAISE_EXAMPLE],
    ),
    destroy=extend_schema(
        operation_id="stats_targets_delete",
        summary="목표 삭제 (Delete a year's target)",
        description="코디네이터만 (coordinators only).",
        tags=_STATS_TAG,
        responses=answers(204, description="삭제됨 (Deleted)"),
    ),
)
class ProgressTargetViewSet(CrudDomainViewSet):
    serializer_class = ProgressTargetSerializer
    input_serializers = {"create": ProgressTargetInputSerializer, "partial_update": ProgressTargetInputSerializer}
    schema_model = ProgressTarget
    lookup_field = "year"
    lookup_value_regex = r"[0-9]{4}"
    pagination_class = None
    filter_backends: list[Any] = []

    def get_permissions(self) -> list[Any]:
        if self.action in ("list", "retrieve"):
            return [IsEnterpriseEditorOrReadOnly()]
        return [IsCoordinator()]

    def select(self) -> QuerySet[Any]:
        return selectors.progress_target_list()

    def perform_create(self, data: Any) -> ProgressTarget:
        return services.progress_target_create(**data)

    def perform_update(self, serializer: Any) -> None:
        services.progress_target_update(target=serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance: Any) -> None:
        services.progress_target_delete(target=instance)
