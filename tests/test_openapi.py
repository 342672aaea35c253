"""The committed spec is what the code generates, and every operation is fully documented."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

SPEC_PATH = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = [
    (path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items() if method in METHODS
]
IDS = [f"{method.upper()} {path}" for path, method, _ in OPERATIONS]


def test_committed_spec_matches_the_code():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert out.getvalue() == SPEC_PATH.read_text(encoding="utf-8"), "docs/openapi.yaml is stale: run `make openapi`"


def test_bearer_scheme_is_declared():
    scheme = SPEC["components"]["securitySchemes"]["jwtAuth"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_operation_is_documented(path, method, op):
    assert op.get("summary"), "summary"
    assert " (" in op["summary"], "summary in Korean and English: '한국어 (English)'"
    assert op.get("description"), "description"
    assert op.get("tags"), "tags"
    assert "security" in op, "security"
    responses = op["responses"]
    for code in ("401", "429"):
        assert code in responses, f"{code} response"
    for code, response in responses.items():
        if int(code) >= 400:
            content = response["content"]
            assert list(content) == ["application/problem+json"], code
            assert content["application/problem+json"]["schema"]["$ref"] == "#/components/schemas/Problem"
            assert content["application/problem+json"].get("examples"), f"example for {code}"
    if "requestBody" in op:
        assert "400" in responses and "415" in responses and "413" in responses
        json_body = op["requestBody"]["content"].get("application/json")
        if json_body:  # file uploads (multipart) carry binary data, not examples
            assert json_body.get("examples") or json_body.get("example"), "request example"
    success = [c for c in responses if c.startswith("2")]
    assert success, "a success response"
    for code in success:
        for media in responses[code].get("content", {}).values():
            assert media.get("examples") or media.get("example") or media["schema"].get("type") == "string", (
                f"response example for {code}"
            )
    if "{" in path:
        assert "404" in responses
    if method in ("post", "patch"):
        names = {p["name"] for p in op.get("parameters", [])}
        assert "Idempotency-Key" in names
        assert "409" in responses and "422" in responses
