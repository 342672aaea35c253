"""Every kind of error answers in the one problem format (RFC 9457) with a stable code."""

import pytest
from django.db import connection
from django.test import override_settings
from rest_framework.test import APIClient

from api.accounts.models import User

PROBLEM = "application/problem+json"


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:sehub:problem:{code}"
    assert body["title"] and body["detail"]
    return body


@pytest.mark.django_db
class TestValidation:
    def test_field_errors_are_listed_with_field_code_and_message(self, anon_client):
        response = anon_client.post("/api/v1/auth/register/", {"email": "not-an-email", "password": "x"}, format="json")
        body = assert_problem(response, 400, "validation_error")
        fields = {e["field"]: e for e in body["errors"]}
        assert set(fields) == {"email", "password", "display_name"} - {"password"} | {"email", "display_name"}
        assert fields["email"]["code"] == "invalid"
        assert fields["display_name"]["code"] == "required"
        assert "email" in body["detail"]
        assert body["instance"] == "/api/v1/auth/register/"

    def test_wrong_types_and_unknown_enum_values(self, anon_client):
        response = anon_client.post(
            "/api/v1/auth/register/",
            {"email": ["a@b.c"], "password": 12, "display_name": {"x": 1}, "preferred_language": "fr"},
            format="json",
        )
        body = assert_problem(response, 400, "validation_error")
        codes = {e["field"]: e["code"] for e in body["errors"]}
        assert codes["preferred_language"] == "invalid_choice"
        # A JSON value of another type is refused as such, never converted ("display_name": 0 → "0").
        assert codes["email"] == codes["password"] == codes["display_name"] == "invalid_type"
        assert User.objects.count() == 0

    def test_malformed_json(self, anon_client):
        response = anon_client.generic(
            "POST", "/api/v1/auth/register/", '{"email": "a@b.c",', content_type="application/json"
        )
        body = assert_problem(response, 400, "malformed_request")
        assert "JSON" in body["detail"]

    def test_body_that_is_not_an_object(self, anon_client):
        response = anon_client.generic("POST", "/api/v1/auth/register/", "[1, 2]", content_type="application/json")
        assert_problem(response, 400, "validation_error")

    def test_english_on_request(self, anon_client):
        response = anon_client.post("/api/v1/auth/register/", {}, format="json", headers={"Accept-Language": "en"})
        body = assert_problem(response, 400, "validation_error")
        assert body["title"] == "Bad request"
        assert "This field is required." in body["detail"]

    def test_korean_by_default(self, anon_client):
        response = anon_client.post("/api/v1/auth/register/", {}, format="json")
        body = assert_problem(response, 400, "validation_error")
        assert body["title"] == "잘못된 요청"
        assert response["Content-Language"] == "ko"


@pytest.mark.django_db
class TestAuthErrors:
    def test_missing_credentials(self, anon_client):
        response = anon_client.get("/api/v1/auth/me/")
        assert_problem(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_invalid_token(self, anon_client):
        anon_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")
        assert_problem(anon_client.get("/api/v1/auth/me/"), 401, "token_not_valid")

    def test_invalid_token_on_public_endpoint_is_401_too(self, anon_client):
        anon_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.token")
        assert_problem(
            anon_client.post("/api/v1/auth/password/reset/", {"email": "a@b.co"}, format="json"), 401, "token_not_valid"
        )

    def test_wrong_password(self, anon_client, user):
        response = anon_client.post("/api/v1/auth/token/", {"email": user.email, "password": "wrong"}, format="json")
        assert_problem(response, 401, "no_active_account")


@pytest.mark.urls("tests.common.urls")
@pytest.mark.django_db
class TestOtherErrors:
    def test_permission_denied(self, user_client):
        assert_problem(user_client.get("/api/test/coordinator-only/"), 403, "permission_denied")

    def test_coordinator_passes(self, coordinator_client):
        assert coordinator_client.get("/api/test/coordinator-only/").status_code == 200

    def test_unknown_api_path(self, anon_client):
        assert_problem(anon_client.get("/api/v1/no-such-thing/"), 404, "not_found")

    def test_method_not_allowed(self, user_client):
        response = user_client.delete("/api/v1/auth/me/")
        assert_problem(response, 405, "method_not_allowed")
        assert "PATCH" in response["Allow"]

    def test_not_acceptable(self, anon_client):
        assert_problem(anon_client.get("/api/v1/health/", headers={"Accept": "application/xml"}), 406, "not_acceptable")

    def test_conflict_carries_the_domain_code(self, anon_client):
        body = assert_problem(anon_client.post("/api/test/conflict/", {}, format="json"), 409, "registration_closed")
        assert body["detail"] == "이미 마감된 행사입니다."

    def test_precondition_failed(self, anon_client):
        assert_problem(anon_client.get("/api/test/precondition/"), 412, "precondition_failed")

    def test_integrity_error_is_a_conflict_not_a_crash(self, anon_client):
        assert_problem(anon_client.get("/api/test/integrity/"), 409, "integrity_conflict")

    def test_unsupported_media_type(self, anon_client):
        response = anon_client.generic("POST", "/api/v1/auth/register/", "email=a@b.c", content_type="text/plain")
        assert_problem(response, 415, "unsupported_media_type")
        response = anon_client.post("/api/v1/auth/register/", {"email": "a@b.c"})  # multipart form
        assert_problem(response, 415, "unsupported_media_type")

    @override_settings(API_MAX_JSON_BYTES=1000)
    def test_payload_too_large(self, anon_client):
        big = '{"email": "' + "a" * 2000 + '@example.com"}'
        response = anon_client.generic("POST", "/api/v1/auth/register/", big, content_type="application/json")
        body = assert_problem(response, 413, "payload_too_large")
        assert "1000" in body["detail"]
        assert User.objects.count() == 0

    def test_server_error_is_a_problem_document(self):
        client = APIClient(raise_request_exception=False)
        body = assert_problem(client.get("/api/test/crash/"), 500, "server_error")
        assert "boom" not in body["detail"]

    @pytest.mark.parametrize(
        ("exc", "path"),
        [
            ("connection refused", "/api/v1/enterprises/"),  # in a DRF view
            ("server closed the connection unexpectedly", "/api/v1/events/1/"),
        ],
    )
    def test_a_database_that_does_not_answer_is_a_503_to_retry(self, exc, path, caplog):
        from unittest import mock

        from django.db import OperationalError
        from django.db.backends.base.base import BaseDatabaseWrapper

        client = APIClient(raise_request_exception=False)
        with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError(exc)):
            response = client.get(path)
        body = assert_problem(response, 503, "service_unavailable")
        assert response["Retry-After"] == "5" and body["retry_after"] == 5
        assert body["detail"] == "데이터베이스가 응답하지 않습니다. 몇 초 뒤에 다시 시도해 주십시오."
        assert exc not in body["detail"]
        assert any("Database unavailable" in r.getMessage() and r.exc_info for r in caplog.records), "logged"

    def test_absurd_page_numbers(self, anon_client):
        assert_problem(anon_client.get("/api/test/users/?page=999999999999"), 404, "invalid_page")
        assert_problem(anon_client.get("/api/test/users/?page=abc"), 404, "invalid_page")
        assert_problem(anon_client.get("/api/test/users/?page=-1"), 404, "invalid_page")


@pytest.mark.django_db
def test_nothing_is_written_when_validation_fails(anon_client):
    before = connection.queries_log.maxlen  # touch the connection so the test hits the database
    assert before is not None
    anon_client.post(
        "/api/v1/auth/register/",
        {"email": "ok@example.com", "password": "123", "display_name": "x"},
        format="json",
    )
    assert not User.objects.filter(email="ok@example.com").exists()


def test_csrf_failure_is_a_problem_document(client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/admin/login/", {"username": "x", "password": "y"})
    body = assert_problem(response, 403, "csrf_failed")
    assert "CSRF" in body["detail"]


@pytest.mark.django_db
def test_a_database_that_does_not_answer_outside_the_api_is_a_503_too(caplog):
    """Django's own handler (a plain view, a middleware) gives the same 503 as DRF's."""
    from unittest import mock

    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    client = APIClient(raise_request_exception=False)
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError("refused")):
        response = client.get("/sitemap.xml")
    body = assert_problem(response, 503, "service_unavailable")
    assert response["Retry-After"] == "5" and body["retry_after"] == 5
    assert any("Database unavailable" in r.getMessage() for r in caplog.records)


@pytest.mark.urls("tests.common.urls")
@pytest.mark.django_db
def test_a_statement_over_the_timeout_is_cancelled_and_answered_503(caplog):
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    response = APIClient(raise_request_exception=False).get("/api/test/slow/")
    assert_problem(response, 503, "service_unavailable")
    assert response["Retry-After"] == "5"
    assert any("statement timeout" in r.getMessage() for r in caplog.records), "PostgreSQL's reason is logged"
