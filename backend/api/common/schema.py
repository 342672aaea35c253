"""OpenAPI generation: every operation documents its error responses, headers and security.

The AutoSchema adds, unless a view already documents the code itself:
401 and 429 everywhere; 400 where there is input (body or query parameters); 403 where the
permission classes can refuse a logged-in user; 404 where the path names an object or the list is
paginated; 409/422 and the Idempotency-Key header on POST/PATCH; 412 and If-Match on writes to
conditional views; 304, ETag and If-None-Match on their reads; 413/415 where there is a body.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import permissions

from api.common import idempotency
from api.common.errors import PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_PREFIX, ErrorCode
from api.common.serializers import ProblemSerializer

# Permission classes that never refuse a logged-in user (they answer 401 or let through).
_NEVER_FORBID = (
    permissions.AllowAny,
    permissions.IsAuthenticated,
    permissions.IsAuthenticatedOrReadOnly,
)

_EXAMPLES: dict[int, tuple[str, str, str]] = {
    400: (ErrorCode.VALIDATION_ERROR, "잘못된 요청", "email: 유효한 이메일 주소를 입력하십시오."),
    401: (
        ErrorCode.NOT_AUTHENTICATED,
        "인증 필요",
        "자격 인증데이터(authentication credentials)가 제공되지 않았습니다.",
    ),
    403: (ErrorCode.PERMISSION_DENIED, "권한 없음", "이 작업을 수행할 권한(permission)이 없습니다."),
    404: (ErrorCode.NOT_FOUND, "찾을 수 없음", "찾을 수 없습니다."),
    409: (ErrorCode.CONFLICT, "충돌", "요청이 리소스의 현재 상태와 충돌합니다."),
    412: (ErrorCode.PRECONDITION_FAILED, "전제 조건 실패", "마지막으로 읽은 뒤 리소스가 바뀌었습니다."),
    413: (ErrorCode.PAYLOAD_TOO_LARGE, "요청 본문이 너무 큼", "요청 본문은 최대 1048576바이트입니다."),
    415: (
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "지원하지 않는 미디어 유형",
        '요청의 미디어 타입 "text/plain"을 지원하지 않습니다.',
    ),
    422: (
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        "처리할 수 없는 요청",
        "이 Idempotency-Key는 다른 요청에 이미 사용되었습니다.",
    ),
    429: (ErrorCode.THROTTLED, "요청이 너무 많음", "요청이 너무 많습니다. 30초 후에 다시 시도하십시오."),
    503: (ErrorCode.SERVICE_UNAVAILABLE, "서비스를 사용할 수 없음", "데이터베이스에 연결할 수 없습니다."),
}

_DESCRIPTIONS: dict[int, str] = {
    400: "잘못된 입력 (Invalid input): `errors` lists each field.",
    401: "인증 필요 또는 토큰 무효 (Missing or invalid credentials).",
    403: "권한 없음 (Not allowed for your role).",
    404: "없음 (Not found, not visible to you, or an invalid page).",
    409: "상태 충돌 (Conflict with the current state, or the same Idempotency-Key still in progress).",
    412: "전제 조건 실패 (Stale If-Match: the resource changed since you read it).",
    413: "본문이 너무 큼 (Body over the size limit).",
    415: "지원하지 않는 Content-Type (Unsupported media type).",
    422: "Idempotency-Key 재사용 (Key already used for a different request).",
    429: "요청 한도 초과 (Throttled; see Retry-After).",
    503: "서비스 불가 (Service unavailable).",
}


def problem_example(status_code: int) -> OpenApiExample:
    code, title, detail = _EXAMPLES[status_code]
    value: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + code,
        "title": title,
        "status": status_code,
        "detail": detail,
        "code": code,
        "instance": "/api/v1/...",
    }
    if status_code == 400:
        value["errors"] = [{"field": "email", "code": "invalid", "message": "유효한 이메일 주소를 입력하십시오."}]
    if status_code == 429:
        value["retry_after"] = 30
    return OpenApiExample(code, value=value, status_codes=[str(status_code)], response_only=True)


def problem_response(status_code: int, description: str | None = None) -> OpenApiResponse:
    """An error response for ``@extend_schema(responses=...)`` in the one problem format."""
    return OpenApiResponse(
        ProblemSerializer,
        description=description or _DESCRIPTIONS.get(status_code, "Error"),
        examples=[problem_example(status_code)] if status_code in _EXAMPLES else [],
    )


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and "security" not in operation:
            # Endpoints that take credentials in the body (log in, refresh): say so explicitly.
            operation["security"] = []
        return operation

    def _is_conditional(self) -> bool:
        from api.common.conditional import ConditionalMixin

        return isinstance(self.view, ConditionalMixin)

    def _is_detail(self) -> bool:
        return "{" in self.path

    def _is_conditional_detail(self) -> bool:
        # The mixin's retrieve/update/destroy (viewsets) or a plain generic detail view (/auth/me/);
        # custom actions on a conditional viewset are not conditional.
        action = getattr(self.view, "action", None)
        if action is None:
            return self._is_conditional() and not self._is_list_view()
        return self._is_conditional() and action in ("retrieve", "update", "partial_update", "destroy")

    def _has_body(self) -> bool:
        return self.method in ("POST", "PUT", "PATCH") and self.get_request_serializer() is not None

    def _may_forbid(self) -> bool:
        safe = self.method in permissions.SAFE_METHODS
        return not all(
            isinstance(p, _NEVER_FORBID) or (safe and getattr(p, "public_read", False))
            for p in self.view.get_permissions()
        )

    def get_override_parameters(self) -> list[Any]:
        params = list(super().get_override_parameters())
        if self.method in ("POST", "PATCH"):
            params.append(
                OpenApiParameter(
                    idempotency.HEADER,
                    {
                        "type": "string",
                        "pattern": idempotency.KEY_PATTERN,
                        "minLength": idempotency.KEY_MIN_LENGTH,
                        "maxLength": idempotency.KEY_MAX_LENGTH,
                    },
                    OpenApiParameter.HEADER,
                    required=False,
                    description=(
                        "작업마다 새로 만든 고유 키(예: 새 UUID). 같은 키로 재시도하면 한 번만 처리되고 처음 응답이 "
                        "다시 옵니다; 다른 요청에 같은 키를 쓰면 422 (a key you generate anew for each operation, "
                        "e.g. a fresh UUID v4; a retry with the same key takes effect once and replays the first "
                        "response, the same key on another request is 422; kept 24 hours per caller)."
                    ),
                    examples=[
                        OpenApiExample(
                            "generate-per-operation",
                            summary="작업마다 새 UUID (a new UUID for every operation, never this literal)",
                            value="replace-with-a-new-uuid-for-each-operation",
                        )
                    ],
                )
            )
        if self._is_conditional_detail():
            if self.method == "GET":
                params.append(
                    OpenApiParameter(
                        "If-None-Match",
                        OpenApiTypes.STR,
                        OpenApiParameter.HEADER,
                        description="이전에 받은 ETag; 같으면 304 (an ETag you hold; unchanged → 304).",
                    )
                )
            elif self.method in ("PUT", "PATCH", "DELETE"):
                params.append(
                    OpenApiParameter(
                        "If-Match",
                        OpenApiTypes.STR,
                        OpenApiParameter.HEADER,
                        description="마지막으로 읽은 ETag; 다르면 412 (the ETag you last read; stale → 412).",
                    )
                )
        return params

    def _get_response_headers_for_code(self, status_code: Any, direction: str = "response") -> dict[str, Any]:
        headers = super()._get_response_headers_for_code(status_code, direction)
        code = str(status_code)
        if self._is_conditional_detail() and code in ("200", "304") and self.method in ("GET", "PUT", "PATCH"):
            headers["ETag"] = {
                "schema": {"type": "string"},
                "description": "표현의 버전 (version of this representation).",
            }
        if code == "429":
            headers["Retry-After"] = {
                "schema": {"type": "integer"},
                "description": "다시 시도하기 전 기다릴 초 (seconds to wait).",
            }
        return headers

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        wanted = {401, 429}
        has_query = bool(self._get_filter_parameters()) or bool(self._get_pagination_parameters())
        if self._has_body() or has_query or self.method in ("POST", "PATCH"):
            wanted.add(400)
        if self._may_forbid():
            wanted.add(403)
        if self._is_detail() or self._get_pagination_parameters():
            wanted.add(404)
        if self.method in ("POST", "PATCH"):
            wanted.update({409, 422})
        if self._has_body():
            wanted.update({413, 415})
        if self._is_conditional_detail():
            if self.method in ("PUT", "PATCH", "DELETE"):
                wanted.add(412)
            if self.method == "GET":
                responses.setdefault(
                    "304",
                    {
                        "description": "바뀌지 않음 (Not modified: your ETag is current).",
                        "headers": self._get_response_headers_for_code("304"),
                    },
                )
        for status_code in sorted(wanted):
            key = str(status_code)
            if key in responses:
                continue
            responses[key] = self._get_response_for_code(problem_response(status_code), key, direction=direction)
        return dict(sorted(responses.items()))

    def _get_response_for_code(
        self, serializer: Any, status_code: Any, media_types: Any = None, direction: str = "response"
    ) -> dict[str, Any]:
        if int(status_code) >= 400 and media_types is None:
            media_types = [PROBLEM_CONTENT_TYPE]
        return super()._get_response_for_code(serializer, status_code, media_types, direction)
