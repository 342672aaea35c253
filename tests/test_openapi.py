"""The committed spec is what the code generates, and every operation is fully documented."""

import io
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from api.common import idempotency
from api.common.errors import ErrorCode
from api.common.schema import all_problem_codes

SPEC_PATH = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = [
    (path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items() if method in METHODS
]
IDS = [f"{method.upper()} {path}" for path, method, _ in OPERATIONS]


def test_committed_spec_matches_the_code():
    out = io.StringIO()
    # The spec is generated in the default language (Korean, English beside it), whatever an
    # earlier test in this process activated.
    with translation.override(settings.LANGUAGE_CODE):
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


# --- The spec tells the whole truth (limits, security, required fields, examples, names) ----------

SCHEMAS = SPEC["components"]["schemas"]
HANGUL = re.compile("[\uac00-\ud7a3]")
LATIN = re.compile("[A-Za-z]{3}")


def _params(op):
    return {p["name"]: p for p in op.get("parameters", [])}


def test_public_reads_allow_anonymous_and_writes_need_a_token():
    paths = SPEC["paths"]
    for path in ("/api/v1/enterprises/", "/api/v1/events/", "/api/v1/products/", "/api/v1/stats/"):
        assert paths[path]["get"]["security"] == [{"jwtAuth": []}, {}], path
    for path, method in (("/api/v1/enterprises/", "post"), ("/api/v1/events/", "post"), ("/api/v1/auth/me/", "get")):
        assert paths[path][method]["security"] == [{"jwtAuth": []}], (method, path)
    assert paths["/api/v1/auth/register/"]["post"]["security"] == [{"jwtAuth": []}, {}]


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=IDS)
def test_operation_documents_every_shared_answer(path, method, op):
    responses = op["responses"]
    assert "405" in responses and "500" in responses
    assert not op["operationId"].endswith("_destroy"), "one convention: <resource>_delete"
    for code, response in responses.items():
        if code == "201":
            assert "Location" in response.get("headers", {}), "Location on 201"
        if code.startswith("2") and method in ("post", "patch"):
            assert "Idempotent-Replayed" in response.get("headers", {})
    if "429" in responses:
        assert "Retry-After" in responses["429"]["headers"]
    params = _params(op)
    if "Idempotency-Key" in params:
        schema = params["Idempotency-Key"]["schema"]
        assert (schema["minLength"], schema["maxLength"]) == (idempotency.KEY_MIN_LENGTH, idempotency.KEY_MAX_LENGTH)
        assert schema["pattern"] == idempotency.KEY_PATTERN
    if any(param["in"] == "query" for param in params.values()):
        assert "400" in responses, "a query parameter can be refused: 400"
    # An answer the description promises (e.g. "403 `not_responsible`", raised by a service behind a
    # permission that only asks for a login) is documented as a response too.
    for code in ("400", "403", "404", "409", "412", "422", "503"):
        if re.search(rf"\b{code} `", op.get("description", "")):
            assert code in responses, f"the description names a {code}: document it (answers(..., errors=))"
    if any(param["in"] == "path" for param in params.values()):
        assert "404" in responses, "a path that names an object: 404"
    if "page_size" in params:
        schema = params["page_size"]["schema"]
        assert (schema["type"], schema["minimum"], schema["maximum"]) == ("integer", 1, 100)
    if "page" in params:
        assert params["page"]["schema"]["minimum"] == 1
    for name, param in params.items():
        if param["in"] == "path" and (name == "id" or name.endswith("_id")):
            assert param["schema"]["type"] == "integer", name
        schema = param["schema"]
        items = schema.get("items", schema)
        assert "enum" not in items or "title" not in items, f"{name}: an inline enum titled {items.get('title')}"


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        ("5f0c7c1e-8f0e-4b0a-9d7e-2c1a3b4c5d6e", True),
        ("AbC_123-xyz", True),
        ("x" * 255, True),
        ("short", False),
        ("", False),
        ("a" * 256, False),
        ("has space in it", False),
        ("키" * 8, False),
        ("~" * 10, False),
        ("tab\tcharacter", False),
    ],
)
def test_idempotency_key_pattern_agrees_with_the_server(key, valid):
    params = _params(SPEC["paths"]["/api/v1/events/"]["post"])
    spec_re = re.compile(params["Idempotency-Key"]["schema"]["pattern"])
    assert bool(spec_re.search(key)) is valid
    assert bool(idempotency._KEY_RE.fullmatch(key)) is valid


def test_ordering_is_an_enum_of_the_whitelist():
    ordering = _params(SPEC["paths"]["/api/v1/enterprises/"]["get"])["ordering"]["schema"]
    assert {"name", "-name"} <= set(ordering["enum"])


def test_boolean_filters_are_booleans():
    for path, names in (
        ("/api/v1/enterprises/", ("verified", "employs_vulnerable", "has_products")),
        ("/api/v1/events/", ("upcoming", "has_seats")),
    ):
        params = _params(SPEC["paths"][path]["get"])
        for name in names:
            assert params[name]["schema"] == {"type": "boolean"}, name


def test_problem_code_is_the_enum_of_every_stable_code():
    enum = set(SCHEMAS["Problem"]["properties"]["code"]["enum"])
    assert enum == set(all_problem_codes())
    assert {v for k, v in vars(ErrorCode).items() if k.isupper()} <= enum
    assert {"event_cancelled", "duplicate_slug", "last_owner", "integrity_conflict"} <= enum
    conflict = SPEC["paths"]["/api/v1/events/{id}/registration/"]["post"]["responses"]["409"]["description"]
    assert "`event_cancelled`" in conflict


def test_always_present_output_fields_are_required():
    for name in ("Enterprise", "Product", "Event", "EventDetail", "User"):
        schema = SCHEMAS[name]
        assert set(schema["required"]) == set(schema["properties"]), name
    assert "slug" in SCHEMAS["Enterprise"]["required"]
    # The problem document leaves out what does not apply.
    assert "errors" not in SCHEMAS["Problem"]["required"]


def test_immutable_fields_are_absent_from_patch_bodies():
    # POST /products/ names the organisation; the nested create takes it from the path.
    assert "enterprise" in SCHEMAS["ProductCreateInputRequest"]["required"]
    assert "enterprise" not in SCHEMAS["ProductAddInputRequest"]["properties"]
    assert "enterprise" not in SCHEMAS["PatchedProductRequest"]["properties"]
    assert "slug" in SCHEMAS["EnterpriseRequest"]["properties"]
    assert "slug" not in SCHEMAS["PatchedEnterpriseRequest"]["properties"]


def test_my_account_lists_my_organisations():
    organisations = SCHEMAS["User"]["properties"]["organisations"]
    assert organisations["items"]["$ref"] == "#/components/schemas/MyOrganisation"
    assert set(SCHEMAS["MyOrganisation"]["required"]) == {"slug", "name", "role"}


def _examples(node, found):
    if isinstance(node, dict):
        if "examples" in node and isinstance(node["examples"], dict):
            found.extend(example.get("value") for example in node["examples"].values())
        for value in node.values():
            _examples(value, found)
    elif isinstance(node, list):
        for value in node:
            _examples(value, found)
    return found


def test_examples_are_pages_and_lists_as_the_server_sends_them():
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert "api.example.org" not in text
    for value in _examples(SPEC["paths"], []):
        if isinstance(value, list):
            assert not any(isinstance(item, list) for item in value), "a list of lists"
        if isinstance(value, dict) and isinstance(value.get("results"), list):
            assert not any(isinstance(item, dict) and "results" in item for item in value["results"]), "nested page"
    my_registration = SCHEMAS["EventDetail"]["properties"]["my_registration"]
    assert my_registration.get("nullable") is True and my_registration.get("type") == "object"


def test_names_for_generated_clients_and_info():
    info = SPEC["info"]
    assert info["title"].split(" (")[0].isascii()
    assert info["license"]["name"] and info["contact"]["email"]
    assert set(info) <= {"title", "version", "description", "license", "contact"}
    used = {tag for item in SPEC["paths"].values() for op in item.values() for tag in op.get("tags", [])}
    assert {tag["name"] for tag in SPEC["tags"]} == used
    for tag in SPEC["tags"]:
        assert HANGUL.search(tag["description"]) and LATIN.search(tag["description"]), tag["name"]
    ids = [op["operationId"] for _, _, op in OPERATIONS]
    assert len(ids) == len(set(ids))


def _descriptions(node, path, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str) and ("/properties/" in path or "/parameters" in path):
                out.append((path, value))
            _descriptions(value, f"{path}/{key}", out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _descriptions(value, f"{path}/{index}", out)
    return out


def test_every_parameter_and_property_description_is_korean_and_english():
    missing = [
        (path, text[:60])
        for path, text in _descriptions(SPEC, "", [])
        if not (HANGUL.search(text) and LATIN.search(text.partition("\n\n")[0] if HANGUL.search(text) else text))
    ]
    assert not missing, missing


def _request_arrays(node, path, out):
    if isinstance(node, dict):
        if node.get("type") == "array" and not node.get("readOnly"):
            out.append((path, node))
        for key, value in node.items():
            _request_arrays(value, f"{path}.{key}", out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _request_arrays(value, f"{path}[{index}]", out)


def test_every_array_a_client_sends_is_bounded():
    """maxItems on every array of a request body (the server refuses longer lists: 400)."""
    arrays = []
    for name, schema in SPEC["components"]["schemas"].items():
        if name.endswith("Request"):
            _request_arrays(schema, name, arrays)
    assert arrays
    unbounded = [path for path, node in arrays if "maxItems" not in node]
    assert not unbounded, unbounded


def test_every_201_names_the_new_resource_in_location():
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            created = op.get("responses", {}).get("201") if isinstance(op, dict) else None
            if created:
                header = created.get("headers", {}).get("Location")
                assert header and header.get("required") is True, f"{method.upper()} {path}"
