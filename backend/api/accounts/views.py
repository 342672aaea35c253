"""Account endpoints. Each validates input, calls one service and serializes the result."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views

from api.accounts import services
from api.accounts.serializers import (
    DetailSerializer,
    PasswordChangeInputSerializer,
    PasswordResetConfirmInputSerializer,
    PasswordResetInputSerializer,
    RefreshInputSerializer,
    TokenObtainInputSerializer,
    TokenPairSerializer,
    UserRegisterInputSerializer,
    UserSerializer,
)
from api.common.conditional import ConditionalMixin
from api.common.throttles import AnonThrottle, LoginThrottle, UserThrottle

TAG = "auth"
_PASSWORD = "sehub-demo-2015"
_USER_EXAMPLE = OpenApiExample(
    "user",
    value={
        "id": 3,
        "email": "citizen@example.com",
        "display_name": "김시민",
        "preferred_language": "ko",
        "role": "citizen",
        "is_coordinator": False,
        "date_joined": "2026-11-25T10:00:00+09:00",
        "organisations": [{"slug": "wecan-cookie", "name": "위캔쿠키", "role": "owner"}],
    },
    response_only=True,
)
_TOKENS_EXAMPLE = OpenApiExample(
    "tokens", value={"access": "eyJhbGciOiJIUzI1NiIs...", "refresh": "eyJhbGciOiJIUzI1NiIs..."}, response_only=True
)
_CREDENTIAL_THROTTLES = [AnonThrottle, UserThrottle, LoginThrottle]


class RegisterView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = _CREDENTIAL_THROTTLES

    @extend_schema(
        operation_id="auth_register",
        summary="회원 가입 (Register an account)",
        description="시민 계정을 만듭니다 (creates a citizen account). Log in afterwards with `/auth/token/`.",
        tags=[TAG],
        request=UserRegisterInputSerializer,
        responses={201: OpenApiResponse(UserSerializer, examples=[_USER_EXAMPLE])},
        examples=[
            OpenApiExample(
                "register",
                value={
                    "email": "new.citizen@example.com",
                    "password": "correct-horse-battery",
                    "display_name": "새시민",
                    "preferred_language": "ko",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = UserRegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_register(**data.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_obtain",
        summary="로그인: 토큰 발급 (Log in: obtain tokens)",
        description="이메일과 비밀번호로 access/refresh 토큰을 받습니다 (e-mail and password → access and refresh tokens).",
        tags=[TAG],
        request=TokenObtainInputSerializer,
        responses={200: OpenApiResponse(TokenPairSerializer, examples=[_TOKENS_EXAMPLE])},
        examples=[
            OpenApiExample("login", value={"email": "citizen@example.com", "password": _PASSWORD}, request_only=True)
        ],
    )
)
class TokenObtainView(jwt_views.TokenObtainPairView):
    serializer_class = TokenObtainInputSerializer
    throttle_classes = _CREDENTIAL_THROTTLES


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_refresh",
        summary="토큰 갱신 (Refresh tokens)",
        description=(
            "refresh 토큰으로 새 토큰 쌍을 받습니다; 쓴 refresh 토큰은 폐기됩니다 "
            "(a refresh token buys a new pair; the used one is revoked)."
        ),
        tags=[TAG],
        request=RefreshInputSerializer,
        responses={200: OpenApiResponse(TokenPairSerializer, examples=[_TOKENS_EXAMPLE])},
        examples=[OpenApiExample("refresh", value={"refresh": "eyJhbGciOiJIUzI1NiIs..."}, request_only=True)],
    )
)
class TokenRefreshView(jwt_views.TokenRefreshView):
    throttle_classes = _CREDENTIAL_THROTTLES


class LogoutView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="auth_logout",
        summary="로그아웃 (Log out)",
        description="refresh 토큰을 폐기합니다 (revokes the refresh token; the access token expires on its own).",
        tags=[TAG],
        request=RefreshInputSerializer,
        responses={204: OpenApiResponse(description="로그아웃됨 (Logged out)")},
        examples=[OpenApiExample("logout", value={"refresh": "eyJhbGciOiJIUzI1NiIs..."}, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        data = RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_logout(refresh=data.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        operation_id="auth_me_retrieve",
        summary="내 계정 (My account)",
        description="로그인한 사용자의 계정 (the logged-in user's account). Sends an ETag.",
        tags=[TAG],
        responses={200: OpenApiResponse(UserSerializer, examples=[_USER_EXAMPLE])},
    ),
    patch=extend_schema(
        operation_id="auth_me_update",
        summary="내 계정 수정 (Update my account)",
        description="표시 이름과 언어를 바꿉니다 (change display name and language). Honours If-Match.",
        tags=[TAG],
        responses={200: OpenApiResponse(UserSerializer, examples=[_USER_EXAMPLE])},
        examples=[
            OpenApiExample("rename", value={"display_name": "김시민", "preferred_language": "en"}, request_only=True)
        ],
    ),
)
class MeView(ConditionalMixin, generics.RetrieveUpdateAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Any:
        return type(self.request.user)._default_manager.get(pk=self.request.user.pk)

    def get_queryset(self) -> Any:
        return type(self.request.user)._default_manager.filter(pk=self.request.user.pk)

    def perform_update(self, serializer: UserSerializer) -> None:
        services.user_update(user=serializer.instance, **serializer.validated_data)


class PasswordChangeView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="auth_password_change",
        summary="비밀번호 변경 (Change password)",
        description="현재 비밀번호 확인 후 변경하고 모든 refresh 토큰을 폐기합니다 (logs out every device).",
        tags=[TAG],
        request=PasswordChangeInputSerializer,
        responses={204: OpenApiResponse(description="변경됨 (Changed)")},
        examples=[
            OpenApiExample(
                "change",
                value={"old_password": _PASSWORD, "new_password": "a-much-longer-passphrase"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = PasswordChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_change_password(user=request.user, **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = _CREDENTIAL_THROTTLES

    @extend_schema(
        operation_id="auth_password_reset",
        summary="비밀번호 재설정 메일 요청 (Request a password reset e-mail)",
        description=(
            "계정이 있으면 재설정 링크를 메일로 보냅니다; 응답은 언제나 같습니다 "
            "(mails a reset link if the account exists; the answer is always the same)."
        ),
        tags=[TAG],
        request=PasswordResetInputSerializer,
        responses={
            202: OpenApiResponse(
                DetailSerializer,
                examples=[OpenApiExample("sent", value={"detail": "계정이 있으면 재설정 메일을 보냈습니다."})],
            )
        },
        examples=[OpenApiExample("reset", value={"email": "citizen@example.com"}, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        data = PasswordResetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_request(email=data.validated_data["email"])
        return Response(
            {"detail": _("If an account exists for this address, a reset e-mail has been sent.")},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = _CREDENTIAL_THROTTLES

    @extend_schema(
        operation_id="auth_password_reset_confirm",
        summary="비밀번호 재설정 (Set a new password from a reset e-mail)",
        description="메일의 uid와 token으로 새 비밀번호를 정합니다 (uid and token from the e-mail + new password).",
        tags=[TAG],
        request=PasswordResetConfirmInputSerializer,
        responses={204: OpenApiResponse(description="재설정됨 (Password set)")},
        examples=[
            OpenApiExample(
                "confirm",
                value={"uid": "Mw", "token": "c2v3kq-0123456789abcdef", "new_password": "a-much-longer-passphrase"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = PasswordResetConfirmInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_confirm(**data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
