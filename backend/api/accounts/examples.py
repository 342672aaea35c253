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
