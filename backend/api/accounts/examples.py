"""Examples of the accounts' spec (``docs/openapi.yaml``)."""

from drf_spectacular.utils import OpenApiExample

PASSWORD = "sehub-demo-2015"
USER_EXAMPLE = OpenApiExample(
    "user",
    value={
        "id": 3,
        "email": "citizen@example.com",
        "display_name": "김시민",
        "preferred_language": "ko",
        "role": "citizen",
        "is_coordinator": False,
        "date_joined": "2026-11-25T10:00:00+09:00",
    },
    response_only=True,
)
TOKENS_EXAMPLE = OpenApiExample(
    "tokens", value={"access": "eyJhbGciOiJIUzI1NiIs...", "refresh": "eyJhbGciOiJIUzI1NiIs..."}, response_only=True
)

REGISTER_EXAMPLE = OpenApiExample(
    "register",
    value={
        "email": "new.citizen@example.com",
        "password": "correct-horse-battery",
        "display_name": "새시민",
        "preferred_language": "ko",
    },
    request_only=True,
)

REGISTER_RECEIVED_EXAMPLE = OpenApiExample(
    "received",
    value={"detail": "가입 요청을 받았습니다. 이 주소와 비밀번호로 로그인하세요."},
    response_only=True,
)

LOGOUT_EXAMPLE = OpenApiExample("logout", value={"refresh": "eyJhbGciOiJIUzI1NiIs..."}, request_only=True)

CHANGE_EXAMPLE = OpenApiExample(
    "change",
    value={"old_password": PASSWORD, "new_password": "a-much-longer-passphrase"},
    request_only=True,
)

RESET_EXAMPLE = OpenApiExample("reset", value={"email": "citizen@example.com"}, request_only=True)

CONFIRM_EXAMPLE = OpenApiExample(
    "confirm",
    value={"uid": "Mw", "token": "c2v3kq-0123456789abcdef", "new_password": "a-much-longer-passphrase"},
    request_only=True,
)

LOGIN_EXAMPLE = OpenApiExample("login", value={"email": "citizen@example.com", "password": PASSWORD}, request_only=True)

REFRESH_EXAMPLE = OpenApiExample("refresh", value={"refresh": "eyJhbGciOiJIUzI1NiIs..."}, request_only=True)

RENAME_EXAMPLE = OpenApiExample(
    "rename", value={"display_name": "김시민", "preferred_language": "en"}, request_only=True
)

SENT_EXAMPLE = OpenApiExample("sent", value={"detail": "계정이 있으면 재설정 메일을 보냈습니다."})
