"""OpenAPI generation: every operation documents its error responses, headers and security.

The AutoSchema adds, unless a view already documents the code itself:
401 and 429 everywhere; 400 where there is input (body or query parameters); 403 where the
permission classes can refuse a logged-in user; 404 where the path names an object or the list is
paginated; 409/422 and the Idempotency-Key header on POST/PATCH; 412 and If-Match on writes to
conditional views; 304, ETag and If-None-Match on their reads; 413/415 where there is a body.
"""

from __future__ import annotations

import ast
import functools
import importlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import permissions, serializers

from api.common import idempotency
from api.common.errors import PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_PREFIX, ErrorCode
from api.common.pagination import MAX_PAGE_SIZE
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
    405: (ErrorCode.METHOD_NOT_ALLOWED, "허용되지 않는 메서드", '메서드(Method) "PUT"은 허용되지 않습니다.'),
    500: (
        ErrorCode.SERVER_ERROR,
        "서버 내부 오류",
        "예기치 않은 오류가 발생했습니다. 기록되었으니 다시 시도해 주십시오.",
    ),
    503: (
        ErrorCode.SERVICE_UNAVAILABLE,
        "서비스를 사용할 수 없음",
        "데이터베이스가 응답하지 않습니다. 몇 초 뒤에 다시 시도해 주십시오.",
    ),
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
    405: "허용되지 않는 메서드 (Method not allowed on this path; see the Allow header).",
    500: "서버 내부 오류 (Unexpected server error; it is logged. Never expected: report it).",
    503: "서비스 불가 (Service unavailable: the database is not answering; retry after Retry-After seconds).",
}


def problem_example(status_code: int) -> OpenApiExample:
    code, title, detail = _EXAMPLES[status_code]
    value: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + code,
        "title": title,
        "status": status_code,
        "detail": detail,
        "code": code,
        "instance": "/api/v1/enterprises/",
    }
    if status_code == 400:
        value["errors"] = [{"field": "email", "code": "invalid", "message": "유효한 이메일 주소를 입력하십시오."}]
    if status_code == 429:
        value["retry_after"] = 30
    if status_code == 503:
        value["retry_after"] = 5
    return OpenApiExample(code, value=value, status_codes=[str(status_code)], response_only=True)


def problem_response(status_code: int, description: str | None = None) -> OpenApiResponse:
    """An error response for ``@extend_schema(responses=...)`` in the one problem format."""
    return OpenApiResponse(
        ProblemSerializer,
        description=description or _DESCRIPTIONS.get(status_code, "Error"),
        examples=[problem_example(status_code)] if status_code in _EXAMPLES else [],
    )


def _in_query(parameter: Any) -> bool:
    """An ``@extend_schema(parameters=...)`` entry the client sends in the query string."""
    return isinstance(parameter, OpenApiParameter) and parameter.location == OpenApiParameter.QUERY


def answers(
    status_code: int | tuple[int, str],
    response: Any = None,
    *examples: OpenApiExample,
    description: str = "",
    errors: Iterable[int] = (),
) -> dict[int | tuple[int, str], OpenApiResponse]:
    """``@extend_schema(responses=...)`` of an operation: its success answer (a serializer or type with
    its examples; none for a 204; ``(200, "text/csv")`` for another media type) and the problem
    responses ``errors`` that the AutoSchema cannot tell from the view. It adds by itself 401, 405, 429,
    500 and 503 everywhere, 400 where there is a body or query parameters, 403 where a permission can
    refuse, 404 on paths with a parameter and on pages, 409 and 422 on POST and PATCH."""
    documented: dict[int | tuple[int, str], OpenApiResponse] = {
        status_code: OpenApiResponse(response, description=description, examples=list(examples))
    }
    documented.update({code: problem_response(code) for code in errors})
    return documented


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        if "security" not in operation:
            # Endpoints that take credentials in the body (log in, refresh): say so explicitly.
            operation["security"] = []
        # One operationId convention: deleting is ``<resource>_delete`` (never ``_destroy``).
        op_id = operation.get("operationId", "")
        if op_id.endswith("_destroy"):
            operation["operationId"] = op_id[: -len("_destroy")] + "_delete"
        self._describe_domain_codes(operation)
        return operation

    def get_auth(self) -> list[dict[str, list[Any]]]:
        """``[{jwtAuth: []}, {}]`` where an anonymous caller is let through, ``[{jwtAuth: []}]`` where
        a login is required: generated clients then allow anonymous calls exactly where they work."""
        auths = [auth for auth in super().get_auth() if auth]
        if auths and self._allows_anonymous():
            auths.append({})
        return auths

    def _allows_anonymous(self) -> bool:
        safe = self.method in permissions.SAFE_METHODS
        for permission in self.view.get_permissions():
            if isinstance(permission, permissions.AllowAny):
                continue
            if safe and (
                isinstance(permission, permissions.IsAuthenticatedOrReadOnly)
                or getattr(permission, "public_read", False)
            ):
                continue
            return False
        return True

    def _describe_domain_codes(self, operation: dict[str, Any]) -> None:
        """List the stable codes this operation's domain can answer in its 400/409/412/422 responses."""
        codes = domain_error_codes(type(self.view).__module__)
        for status_code, response in operation.get("responses", {}).items():
            if status_code == "400":
                listed = codes.field_codes
                label = "`errors[].code` 값 (values)"
            else:
                listed = codes.problem_codes.get(int(status_code), set()) if status_code.isdigit() else set()
                label = "`code` 값 (values)"
            if not listed or "$ref" in response:
                continue
            text = ", ".join(f"`{code}`" for code in sorted(listed))
            response["description"] = f"{response.get('description', '')}\n\n{label}: {text}".strip()

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        """Responses: every field the serializer always writes is ``required`` (a model field with a
        default is optional on input but always present on output). A field declared with
        ``required=False`` on the serializer itself stays optional (it may be left out).
        PATCH bodies leave out the fields a serializer lists in ``Meta.create_only_fields``
        (immutable after creation)."""
        schema = super()._map_basic_serializer(serializer, direction)
        instance = serializer if not isinstance(serializer, type) else serializer()
        # A nested list (``Child(many=True, max_length=20)``) carries its bounds too; spectacular
        # documents them only for ListField.
        for name, field in instance.fields.items():
            prop = schema.get("properties", {}).get(name)
            if isinstance(field, serializers.ListSerializer) and isinstance(prop, dict) and prop.get("type") == "array":
                if field.max_length is not None:
                    prop["maxItems"] = field.max_length
                if field.min_length is not None:
                    prop["minItems"] = field.min_length
        if direction == "response":
            # A model serializer writes every field it has; a plain serializer (the problem document)
            # may leave out the fields it declares with required=False.
            is_model = isinstance(instance, serializers.ModelSerializer)
            always = [
                name
                for name, field in instance.fields.items()
                if name in schema.get("properties", {})
                and (is_model or getattr(field, "_kwargs", {}).get("required") is not False)
            ]
            if always:
                schema["required"] = sorted(set(schema.get("required", [])) | set(always))
        elif self.method == "PATCH":
            immutable = set(getattr(getattr(instance, "Meta", None), "create_only_fields", ()))
            for name in immutable:
                schema.get("properties", {}).pop(name, None)
            if "required" in schema:
                schema["required"] = [name for name in schema["required"] if name not in immutable]
                if not schema["required"]:
                    del schema["required"]
        return schema

    def _get_filter_parameters(self) -> list[dict[str, Any]]:
        """django-filter parameters as the server parses them: booleans are booleans, numbers carry
        the filter's bounds (a filter with a ``method`` loses both in spectacular's inference)."""
        import django_filters

        parameters = super()._get_filter_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        filters = getattr(filterset_class, "base_filters", {}) if filterset_class else {}
        for parameter in parameters:
            flt = filters.get(parameter.get("name"))
            if isinstance(flt, django_filters.BooleanFilter):
                parameter["schema"] = {"type": "boolean"}
            elif isinstance(flt, django_filters.NumberFilter):
                # Ids (``event``, ``series`` → ``*_id``) are integers; other numbers may have decimals.
                is_id = flt.field_name == "id" or flt.field_name.endswith("_id")
                schema: dict[str, Any] = {"type": "integer", "format": "int64"} if is_id else {"type": "number"}
                if flt.extra.get("min_value") is not None:
                    schema["minimum"] = flt.extra["min_value"]
                if flt.extra.get("max_value") is not None:
                    schema["maximum"] = flt.extra["max_value"]
                parameter["schema"] = schema
            elif isinstance(flt, django_filters.CharFilter) and flt.extra.get("max_length"):
                parameter["schema"] = {**parameter.get("schema", {}), "maxLength": flt.extra["max_length"]}
        return parameters

    def _get_examples(
        self, serializer: Any, direction: str, media_type: Any, status_code: Any = None, extras: Any = None
    ) -> Any:
        """A list example that is already a page (``{count, next, previous, results}``) or a list is
        used as it is, not wrapped once more into ``results[0]`` or a list of lists."""
        examples = super()._get_examples(serializer, direction, media_type, status_code, extras)
        if not self._is_list_view(serializer):
            return examples
        for example in examples.values():
            value = example.get("value")
            if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
                example["value"] = value[0]
            elif isinstance(value, dict) and isinstance(value.get("results"), list) and len(value["results"]) == 1:
                inner = value["results"][0]
                if isinstance(inner, dict) and "results" in inner:
                    example["value"] = inner
                elif isinstance(inner, list):
                    example["value"] = {**value, "results": inner}
        return examples

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
        if code == "201":
            headers["Location"] = {
                "schema": {"type": "string", "format": "uri-reference", "maxLength": 2048},
                "required": True,
                "description": "만든 리소스의 주소 (address of the created resource).",
            }
        if code.startswith("2") and self.method in ("POST", "PATCH"):
            headers["Idempotent-Replayed"] = {
                "schema": {"type": "string", "enum": ["true"]},
                "description": (
                    "같은 Idempotency-Key의 저장된 응답을 다시 보냄 (present on a replayed response: the stored "
                    "response of an earlier request with the same Idempotency-Key)."
                ),
            }
        if code in ("429", "503"):
            headers["Retry-After"] = {
                "schema": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 86400},
                "description": "다시 시도하기 전 기다릴 초 (seconds to wait).",
            }
        return headers

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        wanted = {401, 405, 429, 500, 503}
        has_query = (
            bool(self._get_filter_parameters())
            or bool(self._get_pagination_parameters())
            or any(_in_query(parameter) for parameter in self.get_override_parameters())
        )
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


# --- Stable error codes, found in the code that raises them ---------------------------------------


# Codes raised by the libraries under the API (DRF, simplejwt) that reach clients unchanged.
LIBRARY_CODES = frozenset(
    {
        "bad_authorization_header",
        "no_active_account",
        "password_changed",
        "user_inactive",
        "user_not_found",
    }
)
# Calls whose ``code`` lands in ``errors[].code`` of a 400 (the problem's own code is validation_error).
_FIELD_ERROR_CALLS = frozenset({"validation_error", "ValidationError", "ErrorDetail"})


class DomainCodes:
    def __init__(self) -> None:
        self.problem_codes: dict[int, set[str]] = {}
        self.field_codes: set[str] = set()


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _code_value(node: ast.AST | None, domain_codes: dict[str, str] | None = None) -> str | None:
    """A code written as a literal, as ``ErrorCode.X``, or as a constant of the domain's
    ``errors`` module (``errors.X`` or an imported ``X``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "ErrorCode":
            value = getattr(ErrorCode, node.attr, None)
            return value if isinstance(value, str) else None
        return (domain_codes or {}).get(node.attr)
    if isinstance(node, ast.Name):
        return (domain_codes or {}).get(node.id)
    return None


def _domain_code_constants(package: str) -> dict[str, str]:
    """``NAME → code`` of a domain's ``errors`` module (docs/adding-a-domain.md), if it has one."""
    try:
        module = importlib.import_module(f"{package}.errors")
    except ModuleNotFoundError:
        return {}
    return {name: value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}


def _error_status(name: str) -> int:
    from rest_framework import exceptions

    from api.common import errors

    cls = getattr(errors, name, None) or getattr(exceptions, name, None)
    return int(getattr(cls, "status_code", 400)) if isinstance(cls, type) else 400


@functools.cache
def _package_codes(package: str) -> DomainCodes:
    """The codes the modules of one package raise: ``ConflictError(..., code="x")`` → 409 ``x``;
    ``validation_error(field, ..., code="y")`` → ``y`` in a 400's ``errors``; ``json_problem(request,
    403, "z", ...)`` → 403 ``z``; ``default_code = "w"`` of an error class."""
    found = DomainCodes()
    constants = _domain_code_constants(package)
    module = importlib.import_module(package)
    folder = Path(module.__file__ or "").parent
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                status_code = 400
                for base in node.bases:
                    if isinstance(base, ast.Name):
                        status_code = _error_status(base.id)
                for item in node.body:
                    if isinstance(item, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "default_code" for t in item.targets
                    ):
                        code = _code_value(item.value, constants)
                        if code:
                            found.problem_codes.setdefault(status_code, set()).add(code)
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name == "json_problem" and len(node.args) >= 3:
                code = _code_value(node.args[2], constants)
                if code and isinstance(node.args[1], ast.Constant):
                    found.problem_codes.setdefault(int(node.args[1].value), set()).add(code)
                continue
            code = next((_code_value(kw.value, constants) for kw in node.keywords if kw.arg == "code"), None)
            if not code:
                continue
            if name in _FIELD_ERROR_CALLS:
                found.field_codes.add(code)
            elif name.endswith(("Error", "Page", "Failed", "Found", "Denied")):
                found.problem_codes.setdefault(_error_status(name), set()).add(code)
    return found


def domain_error_codes(view_module: str) -> DomainCodes:
    """Codes of the domain a view belongs to (``api.events.views`` → the ``api.events`` package)."""
    parts = view_module.split(".")
    package = ".".join(parts[:2]) if parts[0] == "api" and len(parts) > 2 else view_module
    try:
        return _package_codes(package)
    except (ImportError, OSError, SyntaxError):
        return DomainCodes()


def all_problem_codes() -> list[str]:
    """Every value a problem document's ``code`` can take."""
    import api

    codes = {value for name, value in vars(ErrorCode).items() if name.isupper() and isinstance(value, str)}
    codes |= LIBRARY_CODES
    folder = Path(api.__file__ or "").parent
    for package in sorted(p.name for p in folder.iterdir() if (p / "__init__.py").exists()):
        for status_codes in domain_error_codes(f"api.{package}.x").problem_codes.values():
            codes |= status_codes
        # Every code a domain declares (docs/adding-a-domain.md: `<domain>/errors.py`), also those
        # its services pass through a variable, which the source scan cannot follow.
        codes |= set(_domain_code_constants(f"api.{package}").values())
    from api.common import archiving

    codes |= {archiving.ALREADY_ARCHIVED, archiving.NOT_ARCHIVED}
    return sorted(codes)


# --- Post-processing of the whole document ------------------------------------------------------

_HANGUL = re.compile("[\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z]{3}")
_INT64_MAX = 2**63 - 1
EXAMPLE_ORIGIN = "https://sehub.example"
NO_NUL_PATTERN = "^[^\\x00]*$"


@functools.cache
def _english_of_korean() -> dict[str, str]:
    """Korean catalogue text → its English msgid (the project's catalogues and Django's/DRF's)."""
    from django.utils.translation import trans_real

    catalog = trans_real.translation("ko")._catalog  # type: ignore[attr-defined]  # Django's private catalogue
    out: dict[str, str] = {}
    for msgid, msgstr in catalog.items():
        if isinstance(msgid, str) and isinstance(msgstr, str) and msgid and msgstr and msgid != msgstr:
            out.setdefault(msgstr, msgid)
    return out


def _bilingual(text: str) -> str:
    """``한국어 (English)`` for a description rendered in Korean only, from the message catalogues."""
    text = str(text)
    head, sep, rest = text.partition("\n\n")
    if text and not _HANGUL.search(head):
        # English only (a docstring or a plain help text): the Korean comes from the catalogue.
        from django.utils.translation import trans_real

        korean = trans_real.translation("ko").gettext(head)
        return f"{korean.rstrip('.')} ({head.rstrip('.')}){sep}{rest}" if korean != head else text
    if not text or not _HANGUL.search(text):
        return text
    english = _english_of_korean()
    found = english.get(head) or english.get(head.rstrip("."))
    if not found or found.rstrip(".") in text:
        return text
    return f"{head.rstrip('.')} ({found.rstrip('.')}){sep}{rest}"


def _walk(node: Any, visit: Any) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _integer_format(schema: dict[str, Any]) -> None:
    if schema.get("type") == "integer":
        schema.setdefault("format", "int64")


def _integer_bounds(schema: dict[str, Any]) -> None:
    """Output integers: the 64-bit range the database holds (inputs keep the bounds the server checks)."""
    if schema.get("type") == "integer":
        _integer_format(schema)
        schema.setdefault("maximum", _INT64_MAX)
        schema.setdefault("minimum", -_INT64_MAX - 1)


def _add_links(result: dict[str, Any]) -> None:
    """OpenAPI links from each create to the created object's read, update and delete.

    A 201 whose body is component ``C`` with a property ``k`` links to the detail path
    ``/…/{k}/`` (one path parameter) whose read answers ``C`` too (``id``, ``slug``, ``year``…), so
    clients and stateful tests can follow create → read → update → delete."""
    paths = result.get("paths", {})
    components = result.get("components", {}).get("schemas", {})

    def body_ref(operation: dict[str, Any], code: str) -> str:
        content = operation.get("responses", {}).get(code, {}).get("content", {})
        return str(content.get("application/json", {}).get("schema", {}).get("$ref", ""))

    for item in paths.values():
        created = item.get("post", {}).get("responses", {}).get("201")
        ref = body_ref(item.get("post", {}), "201")
        if not created or not ref:
            continue
        properties = components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
        for detail_path, detail in paths.items():
            match = re.fullmatch(r"[^{}]*\{(\w+)\}/", detail_path)
            if not match or match.group(1) not in properties or body_ref(detail.get("get", {}), "200") != ref:
                continue
            name = match.group(1)
            links = {}
            for method, verb in (("get", "Read"), ("patch", "Update"), ("put", "Replace"), ("delete", "Delete")):
                if method in detail:
                    links[f"{verb}Created"] = {
                        "operationId": detail[method]["operationId"],
                        "parameters": {name: f"$response.body#/{name}"},
                        "description": f"만든 것을 {verb.lower()} (the object just created: {verb.lower()} it).",
                    }
            if links:
                created["links"] = links


def postprocess_schema(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Facts every operation shares, applied once to the whole document:

    - query-parameter enums point to the shared enum components (no per-operation enum titled in
      Korean), boolean filters are booleans, numeric path ids are integers;
    - ``Problem.code`` is the enum of every stable code;
    - Korean-only descriptions get their English text from the catalogues;
    - top-level ``tags`` (Korean and English) list every tag the operations use.
    """
    from django.conf import settings

    components = result.setdefault("components", {}).setdefault("schemas", {})
    enums = {
        tuple(schema["enum"]): name
        for name, schema in components.items()
        if "enum" in schema and schema.get("type") == "string"
    }

    def shared_enum(schema: dict[str, Any]) -> dict[str, Any]:
        if "enum" not in schema:
            return schema
        values = tuple(v for v in schema["enum"] if v not in ("", None))
        for enum_values, name in enums.items():
            if set(enum_values) == set(values):
                return {"$ref": f"#/components/schemas/{name}"}
        schema.pop("title", None)
        return schema

    for item in result.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "array" and "items" in schema:
                    schema["items"] = shared_enum(schema["items"])
                elif "enum" in schema:
                    parameter["schema"] = shared_enum(schema)
                if parameter["in"] == "path" and re.fullmatch(r"\^?(\[0-9\]|\\d)\+\$?", schema.get("pattern", "")):
                    parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": _INT64_MAX, "format": "int64"}
                if (
                    parameter["in"] == "query"
                    and schema.get("type") == "string"
                    and not {"enum", "format", "pattern"} & set(schema)
                ):
                    # Django's form and serializer fields refuse NUL in any text (400).
                    schema["pattern"] = NO_NUL_PATTERN
                if "description" in parameter:
                    parameter["description"] = _bilingual(parameter["description"])

    _add_links(result)

    problem = components.get("Problem")
    if problem:
        problem["properties"]["code"]["enum"] = all_problem_codes()

    # Pages: ``results`` holds at most MAX_PAGE_SIZE items; example links are on this API's own paths.
    for path, item in result.get("paths", {}).items():
        for operation in item.values():
            content = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            ref = content.get("schema", {}).get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if not name.startswith("Paginated") or name not in components:
                continue
            properties = components[name]["properties"]
            properties["results"].setdefault("maxItems", MAX_PAGE_SIZE)
            for link, page in (("next", "page=3"), ("previous", "page=1")):
                if link in properties and str(properties[link].get("example", "")).startswith("http://api.example.org"):
                    cursor = "cursor=cD0yMDI2" if "cursor" in properties[link]["example"] else page
                    concrete = re.sub(r"\{[^}]+\}", "12", path)
                    properties[link]["example"] = f"{EXAMPLE_ORIGIN}{concrete}?{cursor}"

    def fix(node: dict[str, Any]) -> None:
        # OpenAPI 3.0: ``nullable`` needs a sibling ``type`` (a nullable nested object).
        if node.get("nullable") and "type" not in node and ("allOf" in node or "oneOf" in node):
            node["type"] = "object"
        # A blank default is not a URI; blank is allowed by the other branch of the oneOf.
        if node.get("format") == "uri" and node.get("default") == "":
            del node["default"]

    _walk(result, fix)
    jwt = result["components"].get("securitySchemes", {}).get("jwtAuth")
    if jwt is not None:
        jwt["description"] = (
            "JWT 접근 토큰 (access token from POST /api/v1/auth/token/), 15분 유효. Follows RFC8725 "
            "(JSON Web Token Best Current Practices): HS256 only, short-lived access tokens, single-use "
            "refresh tokens."
        )

    def describe(node: dict[str, Any]) -> None:
        if isinstance(node.get("description"), str | Promise):
            node["description"] = _bilingual(node["description"])

    _walk(components, describe)
    for name, schema in components.items():
        _walk(schema, _integer_format if name.endswith("Request") else _integer_bounds)
    _walk(result.get("paths", {}), _integer_format)

    used = sorted(
        {tag for item in result.get("paths", {}).values() for op in item.values() for tag in op.get("tags", [])}
    )
    described = {tag["name"]: tag for tag in settings.SPECTACULAR_SETTINGS.get("TAGS", [])}
    result["tags"] = [described.get(name, {"name": name}) for name in used]
    return result
