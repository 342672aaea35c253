"""Every account flow through the API: register, log in, refresh, log out, me, passwords."""

import re

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.test import override_settings
from rest_framework.test import APIClient

from api.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client: APIClient, email: str, password: str = PASSWORD) -> dict:
    response = client.post("/api/v1/auth/token/", {"email": email, "password": password}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


class TestRegister:
    def test_register_then_log_in(self, anon_client):
        response = anon_client.post(
            "/api/v1/auth/register/",
            {"email": "New.Person@Example.com", "password": "a-long-enough-passphrase", "display_name": "새 사람"},
            format="json",
        )
        assert response.status_code == 202
        assert set(response.json()) == {"detail"}
        tokens = login(anon_client, "NEW.person@example.com", "a-long-enough-passphrase")
        me = bearer(tokens["access"]).get("/api/v1/auth/me/").json()
        assert me["email"] == "new.person@example.com"
        assert me["role"] == "citizen" and me["is_coordinator"] is False
        assert me["preferred_language"] == "ko"

    def test_an_existing_address_gets_the_same_answer_and_its_owner_a_mail(
        self, anon_client, user, mailoutbox, django_capture_on_commit_callbacks
    ):
        """Registration does not reveal who has an account: same status, same body; the owner is told."""
        new = anon_client.post(
            "/api/v1/auth/register/",
            {"email": "nobody-yet@example.com", "password": "a-long-enough-passphrase", "display_name": "x"},
            format="json",
        )
        with django_capture_on_commit_callbacks(execute=True):
            taken = anon_client.post(
                "/api/v1/auth/register/",
                {"email": user.email.upper(), "password": "another-long-passphrase", "display_name": "x"},
                format="json",
            )
        assert taken.status_code == new.status_code == 202
        assert taken.json() == new.json()
        assert User.objects.filter(email__iexact=user.email).count() == 1
        user.refresh_from_db()
        assert not user.check_password("another-long-passphrase")
        assert [m.to for m in mailoutbox] == [[user.email]]
        assert "이미 계정이 있습니다" in mailoutbox[0].subject

    @pytest.mark.parametrize("password", ["short", "1234567890123", "password123"])
    def test_weak_passwords_are_refused(self, anon_client, password):
        response = anon_client.post(
            "/api/v1/auth/register/",
            {"email": "weak@example.com", "password": password, "display_name": "약한"},
            format="json",
        )
        assert response.status_code == 400
        assert {e["field"] for e in response.json()["errors"]} == {"password"}
        assert not User.objects.filter(email="weak@example.com").exists()

    @override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
    def test_passwords_are_hashed_with_argon2(self, anon_client):
        anon_client.post(
            "/api/v1/auth/register/",
            {"email": "argon@example.com", "password": "a-long-enough-passphrase", "display_name": "아르곤"},
            format="json",
        )
        assert identify_hasher(User.objects.get(email="argon@example.com").password).algorithm == "argon2"


class TestTokens:
    def test_refresh_rotates_and_revokes_the_old_token(self, anon_client, user):
        tokens = login(anon_client, user.email)
        rotated = anon_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
        assert rotated.status_code == 200
        assert set(rotated.json()) == {"access", "refresh"}
        reused = anon_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
        assert reused.status_code == 401
        assert reused.json()["code"] == "token_not_valid"

    def test_logout_revokes_the_refresh_token(self, anon_client, user):
        tokens = login(anon_client, user.email)
        assert (
            anon_client.post("/api/v1/auth/logout/", {"refresh": tokens["refresh"]}, format="json").status_code == 204
        )
        again = anon_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json")
        assert again.status_code == 401
        twice = anon_client.post("/api/v1/auth/logout/", {"refresh": tokens["refresh"]}, format="json")
        assert twice.status_code == 400
        assert twice.json()["errors"][0]["field"] == "refresh"

    def test_logout_with_garbage(self, anon_client):
        response = anon_client.post("/api/v1/auth/logout/", {"refresh": "garbage"}, format="json")
        assert response.status_code == 400

    def test_inactive_users_cannot_log_in(self, anon_client):
        inactive = UserFactory(is_active=False)
        response = anon_client.post(
            "/api/v1/auth/token/", {"email": inactive.email, "password": PASSWORD}, format="json"
        )
        assert response.status_code == 401


class TestMe:
    def test_read_and_update(self, user, user_client):
        assert user_client.get("/api/v1/auth/me/").json()["email"] == user.email
        response = user_client.patch(
            "/api/v1/auth/me/", {"display_name": "바뀐 이름", "preferred_language": "en"}, format="json"
        )
        assert response.status_code == 200
        user.refresh_from_db()
        assert (user.display_name, user.preferred_language) == ("바뀐 이름", "en")

    def test_read_only_fields_are_ignored_and_bad_values_refused(self, user, user_client):
        user_client.patch("/api/v1/auth/me/", {"is_coordinator": True, "email": "x@y.z"}, format="json")
        user.refresh_from_db()
        assert not user.is_coordinator and user.email != "x@y.z"
        response = user_client.patch(
            "/api/v1/auth/me/", {"preferred_language": "ja", "display_name": ""}, format="json"
        )
        assert response.status_code == 400
        assert {e["field"] for e in response.json()["errors"]} == {"preferred_language", "display_name"}

    def test_put_is_not_offered(self, user_client):
        assert user_client.put("/api/v1/auth/me/", {}, format="json").status_code == 405


class TestPasswords:
    def test_change_password_revokes_every_refresh_token(self, anon_client, user, user_client):
        tokens = login(anon_client, user.email)
        response = user_client.post(
            "/api/v1/auth/password/change/",
            {"old_password": PASSWORD, "new_password": "another-long-passphrase"},
            format="json",
        )
        assert response.status_code == 204
        assert (
            anon_client.post("/api/v1/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json").status_code
            == 401
        )
        login(anon_client, user.email, "another-long-passphrase")

    def test_wrong_old_password(self, user_client):
        response = user_client.post(
            "/api/v1/auth/password/change/",
            {"old_password": "nope", "new_password": "another-long-passphrase"},
            format="json",
        )
        assert response.status_code == 400
        assert response.json()["errors"][0]["code"] == "password_incorrect"

    def test_reset_by_email(self, anon_client, user, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            response = anon_client.post("/api/v1/auth/password/reset/", {"email": user.email.upper()}, format="json")
        assert response.status_code == 202
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [user.email]
        assert "비밀번호" in message.subject
        uid, token = re.search(r"uid=(\S+)&token=(\S+)", message.body).groups()
        confirm = {"uid": uid, "token": token, "new_password": "a-brand-new-passphrase"}
        assert anon_client.post("/api/v1/auth/password/reset/confirm/", confirm, format="json").status_code == 204
        login(anon_client, user.email, "a-brand-new-passphrase")
        # A reset link works once.
        again = anon_client.post("/api/v1/auth/password/reset/confirm/", confirm, format="json")
        assert again.status_code == 400
        assert again.json()["errors"][0]["field"] == "token"

    def test_reset_mail_speaks_the_users_language(self, anon_client, django_capture_on_commit_callbacks):
        english = UserFactory(preferred_language="en")
        with django_capture_on_commit_callbacks(execute=True):
            anon_client.post("/api/v1/auth/password/reset/", {"email": english.email}, format="json")
        assert mail.outbox[0].subject == "[Social Economy Hub] Reset your password"

    def test_reset_for_unknown_address_says_the_same_and_sends_nothing(
        self, anon_client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = anon_client.post("/api/v1/auth/password/reset/", {"email": "nobody@example.com"}, format="json")
        assert callbacks == []
        assert response.status_code == 202
        assert mail.outbox == []

    @pytest.mark.parametrize("uid", ["", "!!!", "MTIzNDU2Nzg5"])
    def test_reset_confirm_with_bad_uid_or_token(self, anon_client, user, uid):
        response = anon_client.post(
            "/api/v1/auth/password/reset/confirm/",
            {"uid": uid or "x", "token": "bad-token", "new_password": "a-brand-new-passphrase"},
            format="json",
        )
        assert response.status_code == 400
