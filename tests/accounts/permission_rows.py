from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework_simplejwt.tokens import RefreshToken

from tests.matrix import Row, everyone, logged_in


def _acting_user(world, role):
    """Endpoints that take credentials in the body: anonymous acts with the citizen's."""
    return world.user(role) or world.user("citizen")


def _refresh(world, role):
    return {"refresh": str(RefreshToken.for_user(_acting_user(world, role)))}


def _reset_confirm(world, role):
    user = _acting_user(world, role)
    return {
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "new_password": "a-fresh-passphrase-for-tests",
    }


ROWS = [
    Row(
        "auth_register",
        "POST",
        "/api/v1/auth/register/",
        everyone(202),
        body=lambda w, role: {
            "email": f"new-{role}@example.com",
            "password": "a-long-enough-passphrase",
            "display_name": "새 사용자",
        },
    ),
    Row(
        "auth_token_obtain",
        "POST",
        "/api/v1/auth/token/",
        everyone(200),
        body=lambda w, role: {"email": _acting_user(w, role).email, "password": w.password},
    ),
    Row("auth_token_refresh", "POST", "/api/v1/auth/token/refresh/", everyone(200), body=_refresh),
    Row("auth_logout", "POST", "/api/v1/auth/logout/", everyone(204), body=_refresh),
    Row("auth_me_retrieve", "GET", "/api/v1/auth/me/", logged_in(200)),
    Row("auth_me_update", "PATCH", "/api/v1/auth/me/", logged_in(200), body={"display_name": "바뀐 이름"}),
    Row(
        "auth_password_change",
        "POST",
        "/api/v1/auth/password/change/",
        logged_in(204),
        body=lambda w, role: {"old_password": w.password, "new_password": "a-fresh-passphrase-for-tests"},
    ),
    Row(
        "auth_password_reset",
        "POST",
        "/api/v1/auth/password/reset/",
        everyone(202),
        body=lambda w, role: {"email": _acting_user(w, role).email},
    ),
    Row(
        "auth_password_reset_confirm",
        "POST",
        "/api/v1/auth/password/reset/confirm/",
        everyone(204),
        body=_reset_confirm,
    ),
]
