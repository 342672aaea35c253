from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from api.accounts.models import Language, User


class UserSerializer(serializers.ModelSerializer):
    """The logged-in user's own account (``/auth/me/``)."""

    role = serializers.CharField(read_only=True, help_text=_("citizen or coordinator (platform staff)."))

    class Meta:
        model = User
        fields = ["id", "email", "display_name", "preferred_language", "role", "is_coordinator", "date_joined"]
        read_only_fields = ["id", "email", "role", "is_coordinator", "date_joined"]
        extra_kwargs = {"display_name": {"min_length": 1, "max_length": 100}}


@extend_schema_serializer(component_name="User")
class UserUpdateInputSerializer(UserSerializer):
    # PATCH /auth/me/: only the writable fields (display name, language) reach validated_data.
    pass


class UserRegisterInputSerializer(serializers.Serializer):
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


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text=_("Bearer token for the Authorization header (15 minutes)."))
    refresh = serializers.CharField(help_text=_("Token to get a new pair (14 days, single use)."))


class RefreshInputSerializer(serializers.Serializer):
    refresh = serializers.CharField(max_length=2048)


class PasswordChangeInputSerializer(serializers.Serializer):
    old_password = serializers.CharField(max_length=128, style={"input_type": "password"})
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})


class PasswordResetInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmInputSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    new_password = serializers.CharField(max_length=128, style={"input_type": "password"})


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()
