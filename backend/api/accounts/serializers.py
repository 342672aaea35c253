from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from api.accounts.models import Language, User
from api.common.serializers import ModelSerializer, Serializer, strict_to_internal_value
from api.enterprises import selectors as enterprise_selectors


class MyOrganisationSerializer(Serializer):
    """One organisation the user is a member of, and their role there."""

    slug = serializers.CharField(source="enterprise.slug", read_only=True)
    name = serializers.CharField(source="enterprise.name", read_only=True)
    role = serializers.ChoiceField(
        choices=enterprise_selectors.MEMBERSHIP_ROLE_CHOICES, read_only=True, help_text=_("owner or editor.")
    )


class UserSerializer(ModelSerializer):
    """The logged-in user's own account (``/auth/me/``)."""

    role = serializers.CharField(read_only=True, help_text=_("citizen or coordinator (platform staff)."))
    organisations = serializers.SerializerMethodField(
        help_text=_("The organisations you are a member of, with your role in each.")
    )

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "display_name",
            "preferred_language",
            "role",
            "is_coordinator",
            "date_joined",
            "organisations",
        ]
        read_only_fields = ["id", "email", "role", "is_coordinator", "date_joined"]
        extra_kwargs = {"display_name": {"min_length": 1, "max_length": 100}}

    @extend_schema_field(MyOrganisationSerializer(many=True))
    def get_organisations(self, user: User) -> Any:
        return MyOrganisationSerializer(enterprise_selectors.memberships_of_user(user=user), many=True).data


@extend_schema_serializer(component_name="User")
class UserUpdateInputSerializer(UserSerializer):
    # PATCH /auth/me/: only the writable fields (display name, language) reach validated_data.
    pass


class UserRegisterInputSerializer(Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    display_name = serializers.CharField(min_length=1, max_length=100)
    preferred_language = serializers.ChoiceField(choices=Language.choices, default=Language.KOREAN)


class TokenObtainInputSerializer(TokenObtainPairSerializer):
    """E-mail and password in exchange for an access and a refresh token."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Bounded like registration's, so a 50,000-character "e-mail" never reaches a LIKE query.
        self.fields[self.username_field] = serializers.CharField(write_only=True, max_length=254)
        self.fields["password"] = serializers.CharField(
            write_only=True, max_length=128, trim_whitespace=False, style={"input_type": "password"}
        )

    strict_json_types = True

    def to_internal_value(self, data: Any) -> Any:
        return strict_to_internal_value(self, data, super().to_internal_value)


class TokenPairSerializer(Serializer):
    access = serializers.CharField(help_text=_("Bearer token for the Authorization header (15 minutes)."))
    refresh = serializers.CharField(help_text=_("Token to get a new pair (14 days, single use)."))


class RefreshInputSerializer(Serializer):
    refresh = serializers.CharField(max_length=2048)


class PasswordChangeInputSerializer(Serializer):
    old_password = serializers.CharField(max_length=128, style={"input_type": "password"})
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})


class PasswordResetInputSerializer(Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmInputSerializer(Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})


class DetailSerializer(Serializer):
    detail = serializers.CharField()
