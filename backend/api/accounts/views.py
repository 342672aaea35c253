"""Account endpoints. Each validates input, calls one service and serializes the result."""

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt import views as jwt_views

from api.accounts import examples as ex
from api.accounts import selectors, services
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
    UserUpdateInputSerializer,
)
from api.common.conditional import ConditionalMixin
from api.common.idempotency import IdempotencyGate
from api.common.schema import answers
from api.common.throttles import (
    AnonThrottle,
    LoginAccountThrottle,
    LoginThrottle,
    PasswordResetThrottle,
    RegisterThrottle,
    UserThrottle,
)

TAG = "auth"
_CREDENTIAL_THROTTLES = [AnonThrottle, UserThrottle, LoginThrottle]


class RegisterView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [*_CREDENTIAL_THROTTLES, RegisterThrottle, IdempotencyGate]

    @extend_schema(
        operation_id="auth_register",
        summary="회원 가입 (Register an account)",
        description=(
            "시민 계정을 만듭니다; 이미 계정이 있는 주소면 아무것도 만들지 않고 그 주소로 안내 메일을 보냅니다. "
            "응답은 언제나 같습니다 (creates a citizen account; for an address that already has one, creates "
            "nothing and mails its owner instead. The answer is always the same, so it does not reveal who has "
            "an account). Log in afterwards with `/auth/token/`."
        ),
        tags=[TAG],
        request=UserRegisterInputSerializer,
        responses=answers(202, DetailSerializer, ex.REGISTER_RECEIVED_EXAMPLE),
        examples=[ex.REGISTER_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        data = UserRegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_register(**data.validated_data)
        return Response(
            {
                "detail": _(
                    "Registration received. Log in with this address and your password; if the address "
                    "already had an account, its owner has been sent an e-mail instead."
                )
            },
            status=status.HTTP_202_ACCEPTED,
        )


@extend_schema_view(
    post=extend_schema(
        operation_id="auth_token_obtain",
        summary="로그인: 토큰 발급 (Log in: obtain tokens)",
        description="이메일과 비밀번호로 access/refresh 토큰을 받습니다 (e-mail and password → access and refresh tokens).",
        tags=[TAG],
        request=TokenObtainInputSerializer,
        responses=answers(200, TokenPairSerializer, ex.TOKENS_EXAMPLE),
        examples=[ex.LOGIN_EXAMPLE],
    )
)
class TokenObtainView(jwt_views.TokenObtainPairView):
    serializer_class = TokenObtainInputSerializer
    throttle_classes = [*_CREDENTIAL_THROTTLES, LoginAccountThrottle, IdempotencyGate]


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
        responses=answers(200, TokenPairSerializer, ex.TOKENS_EXAMPLE),
        examples=[ex.REFRESH_EXAMPLE],
    )
)
class TokenRefreshView(jwt_views.TokenRefreshView):
    throttle_classes = [*_CREDENTIAL_THROTTLES, IdempotencyGate]


class LogoutView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="auth_logout",
        summary="로그아웃 (Log out)",
        description="refresh 토큰을 폐기합니다 (revokes the refresh token; the access token expires on its own).",
        tags=[TAG],
        request=RefreshInputSerializer,
        responses=answers(204, description="로그아웃됨 (Logged out)"),
        examples=[ex.LOGOUT_EXAMPLE],
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
        responses=answers(200, UserSerializer, ex.USER_EXAMPLE),
    ),
    patch=extend_schema(
        operation_id="auth_me_update",
        summary="내 계정 수정 (Update my account)",
        description="표시 이름과 언어를 바꿉니다 (change display name and language). Honours If-Match.",
        tags=[TAG],
        request=UserUpdateInputSerializer,
        responses=answers(200, UserSerializer, ex.USER_EXAMPLE),
        examples=[ex.RENAME_EXAMPLE],
    ),
)
class MeView(ConditionalMixin, generics.RetrieveUpdateAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Any:
        return self.get_queryset().get()

    def get_queryset(self) -> Any:
        return selectors.user_me(user=self.request.user)

    def get_input_serializer(self, *args: Any, **kwargs: Any) -> Any:
        return UserUpdateInputSerializer(*args, context=self.get_serializer_context(), **kwargs)

    def perform_update(self, serializer: Any) -> None:
        services.user_update(user=serializer.instance, **serializer.validated_data)


class PasswordChangeView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        operation_id="auth_password_change",
        summary="비밀번호 변경 (Change password)",
        description="현재 비밀번호 확인 후 변경하고 모든 refresh 토큰을 폐기합니다 (logs out every device).",
        tags=[TAG],
        request=PasswordChangeInputSerializer,
        responses=answers(204, description="변경됨 (Changed)"),
        examples=[ex.CHANGE_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        data = PasswordChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_change_password(user=request.user, **data.validated_data)  # type: ignore[arg-type]  # IsAuthenticated: never anonymous here
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_classes = [*_CREDENTIAL_THROTTLES, PasswordResetThrottle, IdempotencyGate]

    @extend_schema(
        operation_id="auth_password_reset",
        summary="비밀번호 재설정 메일 요청 (Request a password reset e-mail)",
        description=(
            "계정이 있으면 재설정 링크를 메일로 보냅니다; 응답은 언제나 같습니다 "
            "(mails a reset link if the account exists; the answer is always the same)."
        ),
        tags=[TAG],
        request=PasswordResetInputSerializer,
        responses=answers(202, DetailSerializer, ex.SENT_EXAMPLE),
        examples=[ex.RESET_EXAMPLE],
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
    throttle_classes = [*_CREDENTIAL_THROTTLES, IdempotencyGate]

    @extend_schema(
        operation_id="auth_password_reset_confirm",
        summary="비밀번호 재설정 (Set a new password from a reset e-mail)",
        description="메일의 uid와 token으로 새 비밀번호를 정합니다 (uid and token from the e-mail + new password).",
        tags=[TAG],
        request=PasswordResetConfirmInputSerializer,
        responses=answers(204, description="재설정됨 (Password set)"),
        examples=[ex.CONFIRM_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        data = PasswordResetConfirmInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_confirm(**data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
