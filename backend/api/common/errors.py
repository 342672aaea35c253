"""One error format for the whole API: RFC 9457 problem details.

Every error body is ``application/problem+json`` with ``type``, ``title``, ``status``, ``detail``,
``instance`` and a stable snake_case ``code``; validation errors add ``errors``, a flat list of
``{field, code, message}``. Services raise the domain errors defined here; the exception handler
turns them, DRF's and Django's own exceptions into that one body.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:sehub:problem:"


class ErrorCode:
    """Stable codes clients can switch on. Never rename one; add new ones."""

    VALIDATION_ERROR = "validation_error"
    MALFORMED_REQUEST = "malformed_request"
    NOT_AUTHENTICATED = "not_authenticated"
    AUTHENTICATION_FAILED = "authentication_failed"
    TOKEN_NOT_VALID = "token_not_valid"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    INVALID_PAGE = "invalid_page"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    CONFLICT = "conflict"
    PRECONDITION_FAILED = "precondition_failed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid"
    THROTTLED = "throttled"
    SERVER_ERROR = "server_error"
    SERVICE_UNAVAILABLE = "service_unavailable"


TITLES: dict[int, Any] = {
    400: _("Bad request"),
    401: _("Authentication required"),
    403: _("Permission denied"),
    404: _("Not found"),
    405: _("Method not allowed"),
    406: _("Not acceptable"),
    409: _("Conflict"),
    412: _("Precondition failed"),
    413: _("Payload too large"),
    415: _("Unsupported media type"),
    422: _("Unprocessable content"),
    429: _("Too many requests"),
    500: _("Internal server error"),
    503: _("Service unavailable"),
}


# --- Domain errors raised by services -----------------------------------------------------------


class ApiError(exceptions.APIException):
    """Base of the errors services raise. ``code`` is the stable snake_case error code."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("The request could not be processed.")
    default_code = ErrorCode.VALIDATION_ERROR

    def __init__(self, detail: Any = None, code: str | None = None, *, field: str | None = None) -> None:
        super().__init__(detail=detail, code=code)
        self.field = field


class ConflictError(ApiError):
    """The request is valid but the resource's current state forbids it (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the current state of the resource.")
    default_code = ErrorCode.CONFLICT


class PreconditionFailedError(ApiError):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The resource has changed since you last read it (stale If-Match).")
    default_code = ErrorCode.PRECONDITION_FAILED


class PayloadTooLargeError(ApiError):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = ErrorCode.PAYLOAD_TOO_LARGE


class UnprocessableError(ApiError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("The request cannot be processed.")
    default_code = "unprocessable"


# Seconds a 503 tells the client to wait (Retry-After, retry_after): what it reports passes (a restart
# or a failover of the database, SQLite's write lock held too long, the cache away).
RETRY_AFTER_SECONDS = 5


class ServiceUnavailableError(ApiError):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The service is temporarily unavailable.")
    default_code = ErrorCode.SERVICE_UNAVAILABLE
    wait = RETRY_AFTER_SECONDS  # read as Throttled.wait is: every 503 says when to come back


def database_unavailable(exc: BaseException | None) -> bool:
    """The database could not be reached or gave up on the statement (connection refused or lost,
    timeout, lock): a transient state the client may retry, not a bug in the request or the code."""
    return isinstance(exc, OperationalError | InterfaceError)


def _database_unavailable_error(exc: BaseException) -> ServiceUnavailableError:
    logger.error("Database unavailable, answered as 503: %s", exc, exc_info=exc)
    return ServiceUnavailableError(_("The database is not answering. Please try again in a few seconds."))


def validation_error(field: str | None, message: Any, code: str = "invalid") -> exceptions.ValidationError:
    """A 400 naming one field, for rules services check outside a serializer."""
    key = field or api_settings.NON_FIELD_ERRORS_KEY
    return exceptions.ValidationError({key: [exceptions.ErrorDetail(force_str(message), code=code)]})


# --- Building problem documents ----------------------------------------------------------------------


def safe_text(value: Any) -> str:
    """``value`` as text that can always be encoded as UTF-8: a lone surrogate echoed from the
    input (``"\\ud800" is not a valid choice``) becomes ``\\ud800`` instead of breaking the response."""
    text = force_str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def problem(
    *,
    status_code: int,
    code: str,
    detail: Any,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    title: Any = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + code,
        "title": force_str(title or TITLES.get(status_code, _("Error"))),
        "status": status_code,
        "detail": safe_text(detail),
        "code": code,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    return body


def flatten_validation_errors(detail: Any, prefix: str = "") -> list[dict[str, Any]]:
    """Turn DRF's nested error structure into ``[{field, code, message}]``.

    Nested fields are joined with dots, list items with ``[i]``; errors that belong to no field get
    ``field: null``.
    """
    out: list[dict[str, Any]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            key = safe_text(key)
            path = prefix if key == api_settings.NON_FIELD_ERRORS_KEY else f"{prefix}.{key}" if prefix else key
            out.extend(flatten_validation_errors(value, path))
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                out.extend(flatten_validation_errors(item, f"{prefix}[{index}]"))
            else:
                out.extend(flatten_validation_errors(item, prefix))
    else:
        out.append(
            {
                "field": prefix or None,
                "code": getattr(detail, "code", None) or "invalid",
                "message": safe_text(detail),
            }
        )
    return out


def _summary(errors: list[dict[str, Any]]) -> str:
    first = errors[0] if errors else None
    if not first:
        return force_str(_("The request is invalid."))
    text = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
    if len(errors) > 1:
        text += force_str(_(" (and %(count)d more)")) % {"count": len(errors) - 1}
    return text


# DRF's own default codes, renamed where ours differ; any other code (a domain's) is kept as is.
_DRF_CODES: dict[str, str] = {
    "parse_error": ErrorCode.MALFORMED_REQUEST,
    "unsupported_media_type": ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    "error": ErrorCode.SERVER_ERROR,
}


def _drf_code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, dict):  # simplejwt's InvalidToken: {"detail": ..., "code": ...}
        codes = codes.get("code") or exc.default_code
    if isinstance(codes, list):
        codes = codes[0] if codes else exc.default_code
    code = force_str(codes)
    return _DRF_CODES.get(code, code)


def _drf_detail(exc: exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, dict):
        detail = detail.get("detail", exc.default_detail)
    elif isinstance(detail, list):
        detail = detail[0] if detail else exc.default_detail
    return force_str(detail)


def problem_response(body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    return Response(body, status=body["status"], headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: every exception raised in a view becomes a problem document."""
    request = context.get("request")
    instance = request.path if request is not None else None

    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLargeError()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
        )
    elif isinstance(exc, IntegrityError):
        # A database constraint caught what no service check did (usually a race): the request
        # conflicts with data that exists. The transaction is rolled back; nothing was written.
        logger.warning("Integrity error answered as 409: %s", exc)
        exc = ConflictError(_("The request conflicts with existing data."), code="integrity_conflict")
    elif database_unavailable(exc):
        exc = _database_unavailable_error(exc)
    elif isinstance(exc, OverflowError | DataError):
        # A number or text the database cannot hold (SQLite: integers beyond 64 bits; PostgreSQL:
        # "out of range", "value too long") that no field check caught. Inputs are bounded where
        # they are read; this keeps any one that is not from becoming a 500.
        logger.warning("Out-of-range value answered as 400: %s", exc)
        exc = exceptions.ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [exceptions.ErrorDetail(_("A value is out of range."), "out_of_range")]}
        )

    if not isinstance(exc, exceptions.APIException):
        return None

    headers: dict[str, str] = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        errors = flatten_validation_errors(exc.detail)
        body = problem(
            status_code=exc.status_code,
            code=ErrorCode.VALIDATION_ERROR,
            detail=_summary(errors),
            instance=instance,
            errors=errors,
        )
    else:
        body = problem(
            status_code=exc.status_code,
            code=_drf_code(exc),
            detail=_drf_detail(exc),
            instance=instance,
        )
        field = getattr(exc, "field", None)
        if field:
            body["errors"] = [{"field": field, "code": body["code"], "message": body["detail"]}]
        if getattr(exc, "wait", None) is not None:  # throttled (429), unavailable for now (503)
            body["retry_after"] = int(exc.wait)

    set_rollback()
    return problem_response(body, headers)


# --- Django-level handlers (errors raised outside DRF views) --------------------------------------


def json_problem(
    request: HttpRequest, status_code: int, code: str, detail: Any, *, retry_after: int | None = None
) -> JsonResponse:
    body = problem(status_code=status_code, code=code, detail=detail, instance=request.path)
    headers = {}
    if retry_after is not None:
        body["retry_after"] = retry_after
        headers["Retry-After"] = str(retry_after)
    return JsonResponse(
        body,
        status=status_code,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def handler400(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    if isinstance(exception, RequestDataTooBig):
        return json_problem(request, 413, ErrorCode.PAYLOAD_TOO_LARGE, PayloadTooLargeError.default_detail)
    return json_problem(request, 400, ErrorCode.MALFORMED_REQUEST, _("The request is malformed."))


def handler403(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return json_problem(request, 403, ErrorCode.PERMISSION_DENIED, _("You do not have permission to do this."))


def handler404(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return json_problem(request, 404, ErrorCode.NOT_FOUND, _("No resource exists at this address."))


def handler500(request: HttpRequest) -> JsonResponse:
    # Django calls this while handling the exception (outside a DRF view: a middleware, the request's
    # transaction), so it is still the current one.
    exc = sys.exc_info()[1]
    if database_unavailable(exc):
        assert exc is not None
        error = _database_unavailable_error(exc)
        return json_problem(request, 503, ErrorCode.SERVICE_UNAVAILABLE, error.detail, retry_after=error.wait)
    return json_problem(
        request, 500, ErrorCode.SERVER_ERROR, _("An unexpected error occurred. It has been logged; please try again.")
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    """CSRF_FAILURE_VIEW: only session-authenticated pages (the admin) use CSRF; answer in the
    problem format instead of Django's HTML page."""
    return json_problem(request, 403, "csrf_failed", _("The CSRF check failed: %(reason)s") % {"reason": reason})
