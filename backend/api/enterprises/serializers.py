"""Representations of the directory. Output (``<Entity>Serializer``) carries each code and its label
in the request's language (``kind`` + ``kind_label``); input (``<Entity><Verb>InputSerializer``) is
validated here and handed to the services as keyword arguments.

An input serializer of a model extends its output serializer and keeps the component name of the
spec (``EnterpriseRequest``, ``PatchedEnterpriseRequest``): only the writable fields reach
``validated_data``, the read-only ones are output only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_unicode_slug
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api.common.serializers import ModelSerializer, Serializer
from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    EnterpriseStatus,
    Membership,
    MembershipRole,
    Product,
    ProductCategory,
    ProgressTarget,
    Sector,
    SocialLink,
    SocialLinkKind,
    VulnerableGroup,
)


def district_choices() -> list[tuple[str, str]]:
    return [(code, ko) for code, ko, _en in settings.SEHUB_DISTRICTS]


def district_label(code: str) -> str:
    english = (get_language() or "ko").startswith("en")
    for item_code, ko, en in settings.SEHUB_DISTRICTS:
        if item_code == code:
            return en if english else ko
    return code


class TagListField(serializers.ListField):
    """Tag names: written as a list of strings, read from the ``tags`` relation."""

    child = serializers.CharField(max_length=50, allow_blank=False)

    def to_representation(self, data: Any) -> list[str]:
        items = data.all() if hasattr(data, "all") else data
        return [getattr(item, "name", item) for item in items]


class SocialLinkSerializer(ModelSerializer):
    kind = serializers.ChoiceField(choices=SocialLinkKind.choices)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    url = serializers.URLField(max_length=200)
    followers = serializers.IntegerField(min_value=0, max_value=100_000_000, allow_null=True, required=False)

    class Meta:
        model = SocialLink
        fields = ["kind", "kind_label", "url", "label", "followers"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # The list replaces all links, so each link is whole even inside a PATCH of its organisation
        # (where DRF skips missing fields).
        missing = [name for name in ("kind", "url") if name not in attrs]
        if missing:
            raise serializers.ValidationError(
                {
                    name: [serializers.ErrorDetail(str(_("This field is required.")), code="required")]
                    for name in missing
                }
            )
        return attrs


class EnterpriseSerializer(ModelSerializer):
    """An organisation. ``is_verified`` is the badge; pending ones are seen only by their own people."""

    # A CharField checked in validate_slug: OpenAPI's regex dialect has no Unicode \w for Korean slugs.
    slug = serializers.CharField(
        max_length=80,
        required=False,
        help_text=_("Address in the URL; made from the name when not given. Cannot change later."),
    )
    kind = serializers.ChoiceField(choices=EnterpriseKind.choices)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    sector = serializers.ChoiceField(choices=Sector.choices, required=False)
    sector_label = serializers.CharField(source="get_sector_display", read_only=True)
    district = serializers.ChoiceField(choices=district_choices())
    district_label = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=EnterpriseStatus.choices, required=False)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    verification_status_label = serializers.CharField(source="get_verification_status_display", read_only=True)
    is_verified = serializers.BooleanField(read_only=True, help_text=_("Verified by a coordinator (the badge)."))
    certification_number = serializers.CharField(max_length=40, required=False, allow_blank=True, allow_null=True)
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-90, max_value=90, required=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-180, max_value=180, required=False, allow_null=True
    )
    employees_total = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)
    employees_vulnerable = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)
    vulnerable_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=VulnerableGroup.choices), required=False, max_length=20
    )
    tags = TagListField(required=False, max_length=20)
    social_links = SocialLinkSerializer(many=True, required=False, max_length=20)  # type: ignore[call-arg]  # ListSerializer takes max_length; the stubs do not know
    logo = serializers.ImageField(read_only=True, allow_null=True, use_url=True)
    product_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "slug",
            "name",
            "name_en",
            "kind",
            "kind_label",
            "certification_number",
            "certified_on",
            "certification_expires_on",
            "sector",
            "sector_label",
            "social_mission",
            "description",
            "district",
            "district_label",
            "address",
            "latitude",
            "longitude",
            "phone",
            "email",
            "website",
            "social_links",
            "founded_on",
            "employees_total",
            "employees_vulnerable",
            "vulnerable_groups",
            "logo",
            "tags",
            "status",
            "status_label",
            "verification_status",
            "verification_status_label",
            "is_verified",
            "verified_at",
            "product_count",
            "created_at",
            "updated_at",
            "archived_at",
            "archive_reason",
        ]
        read_only_fields = [
            "id",
            "verification_status",
            "verified_at",
            "created_at",
            "updated_at",
            "archived_at",
            "archive_reason",
        ]
        create_only_fields = ["slug"]  # left out of the PATCH schema (validate_slug refuses a change)
        extra_kwargs = {
            "name": {"min_length": 1, "max_length": 120},
            "website": {"max_length": 200},
            "social_mission": {"max_length": 5000},
            "description": {"max_length": 20000},
        }

    def get_district_label(self, obj: Enterprise) -> str:
        return district_label(obj.district)


@extend_schema_serializer(component_name="Enterprise")
class EnterpriseInputSerializer(EnterpriseSerializer):
    # Create (``EnterpriseRequest``) or change (partial: ``PatchedEnterpriseRequest``) an organisation.
    # No docstring: the spec keeps the description of the organisation itself.

    def validate_slug(self, value: str) -> str:
        try:
            validate_unicode_slug(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None
        if self.instance is not None and value != self.instance.slug:
            raise serializers.ValidationError(_("The address of an organisation cannot change."))
        return value

    def validate_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError(_("This field may not be blank."))
        return value


class EnterpriseVerifyResultSerializer(Serializer):
    slug = serializers.CharField()
    verification_status = serializers.CharField()
    is_verified = serializers.BooleanField()
    verified_at = serializers.DateTimeField(allow_null=True)


class ImageUploadInputSerializer(Serializer):
    file = serializers.FileField(help_text=_("PNG, JPEG or WebP, at most 5 MB."))


class MembershipSerializer(ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    display_name = serializers.CharField(source="user.display_name", read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user_id", "email", "display_name", "role", "role_label", "created_at"]
        read_only_fields = fields


class MembershipAddInputSerializer(Serializer):
    email = serializers.EmailField(max_length=254, help_text=_("E-mail of a registered user."))
    role = serializers.ChoiceField(choices=MembershipRole.choices, default=MembershipRole.EDITOR)


class ProductSerializer(ModelSerializer):
    """A product or service. ``price`` null means "price on request"."""

    enterprise = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Enterprise.objects.all(),
        required=False,
        help_text=_("Slug of the organisation offering it (set on creation, cannot change)."),
    )
    enterprise_name = serializers.CharField(source="enterprise.name", read_only=True)
    price = serializers.IntegerField(min_value=0, max_value=1_000_000_000, allow_null=True, required=False)
    price_on_request = serializers.SerializerMethodField()
    category = serializers.ChoiceField(choices=ProductCategory.choices, required=False)
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    image = serializers.ImageField(read_only=True, allow_null=True, use_url=True)

    class Meta:
        model = Product
        fields = [
            "id",
            "enterprise",
            "enterprise_name",
            "name",
            "description",
            "price",
            "price_on_request",
            "category",
            "category_label",
            "image",
            "order_url",
            "order_contact",
            "is_available",
            "created_at",
            "updated_at",
            "archived_at",
            "archive_reason",
        ]
        read_only_fields = ["id", "created_at", "updated_at", "archived_at", "archive_reason"]
        create_only_fields = ["enterprise"]  # left out of the PATCH schema (the server ignores it there)
        extra_kwargs = {
            "name": {"min_length": 1, "max_length": 120},
            "description": {"max_length": 10000},
            "order_url": {"max_length": 200},
        }

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_price_on_request(self, obj: Product) -> bool:
        return obj.price is None


@extend_schema_serializer(component_name="Product")
class ProductInputSerializer(ProductSerializer):
    # Change a product (``PatchedProductRequest``; ``enterprise`` cannot change).

    def validate_enterprise(self, value: Enterprise) -> Enterprise:
        if self.instance is not None and value.pk != self.instance.enterprise_id:
            raise serializers.ValidationError(_("A product cannot move to another organisation."))
        return value

    def validate_name(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError(_("This field may not be blank."))
        return value


@extend_schema_serializer(component_name="ProductCreateInput")
class ProductCreateInputSerializer(ProductInputSerializer):
    """Add a product through ``/products/``: ``enterprise`` (its slug) is required."""

    enterprise = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Enterprise.objects.all(),
        help_text=_("Slug of the organisation offering it (set on creation, cannot change)."),
    )


@extend_schema_serializer(component_name="ProductAddInput")
class ProductAddInputSerializer(ProductInputSerializer):
    """Add a product to the organisation of the path (``/enterprises/{slug}/products/``): the path
    names the organisation, so the body has no ``enterprise``."""

    enterprise = None  # type: ignore[assignment]  # removes the inherited declared field (DRF's way)

    class Meta(ProductInputSerializer.Meta):
        fields = [name for name in ProductInputSerializer.Meta.fields if name != "enterprise"]


class ProgressTargetSerializer(ModelSerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    organisations = serializers.IntegerField(min_value=0, max_value=1_000_000)
    jobs = serializers.IntegerField(min_value=0, max_value=100_000_000)

    class Meta:
        model = ProgressTarget
        fields = ["year", "organisations", "jobs", "note", "updated_at"]
        read_only_fields = ["updated_at"]


@extend_schema_serializer(component_name="ProgressTarget")
class ProgressTargetInputSerializer(ProgressTargetSerializer):
    # Add (``ProgressTargetRequest``) or change (``PatchedProgressTargetRequest``) a year's target.
    pass


# --- Statistics -------------------------------------------------------------------------------------


class StatsBucketSerializer(Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # the bucket's "label" shadows Field.label on purpose
    organisations = serializers.IntegerField()
    employees_total = serializers.IntegerField()
    employees_vulnerable = serializers.IntegerField()


class StatsProgressSerializer(Serializer):
    year = serializers.IntegerField()
    organisations_target = serializers.IntegerField()
    organisations = serializers.IntegerField(
        help_text=_("Active verified organisations founded by the end of the year.")
    )
    organisations_percent = serializers.FloatField()
    jobs_target = serializers.IntegerField()
    jobs = serializers.IntegerField(help_text=_("Their employees."))
    jobs_percent = serializers.FloatField()
    note = serializers.CharField()


class StatsSerializer(Serializer):
    organisations = serializers.IntegerField(help_text=_("Active verified organisations."))
    employees_total = serializers.IntegerField()
    employees_vulnerable = serializers.IntegerField()
    organisations_with_products = serializers.IntegerField()
    products = serializers.IntegerField()
    by_kind = StatsBucketSerializer(many=True)
    by_district = StatsBucketSerializer(many=True)
    by_sector = StatsBucketSerializer(many=True)
    progress = StatsProgressSerializer(many=True)


# --- CSV import -----------------------------------------------------------------------------------------


class EnterpriseImportInputSerializer(Serializer):
    file = serializers.FileField(help_text=_("CSV file (UTF-8, UTF-8 with BOM or CP949) with the documented columns."))
    dry_run = serializers.BooleanField(default=False, help_text=_("Validate and count, write nothing."))


class EnterpriseImportResultSerializer(Serializer):
    dry_run = serializers.BooleanField()
    encoding = serializers.CharField()
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
