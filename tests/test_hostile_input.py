"""Hostile input against every operation of ``docs/openapi.yaml``: no 5xx, the problem format on
every error, and no row written by a request that was refused.

Generated from the spec, so a new endpoint is covered without new code: every write operation
(POST/PUT/PATCH) gets each hostile category in each body field (on top of the operation's own
example, so the rest of the body is valid) and as a whole body; every operation with query
parameters gets each category in each parameter; every path parameter is replaced by hostile ids.
Path parameters are resolved to existing objects of the test world through the operation's
permission-matrix row (``tests/<domain>/permission_rows.py``). Each operation runs anonymously
and as a coordinator.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from django.apps import apps
from django.db import connection, transaction

from tests.matrix import all_rows
from tests.world import World

SPEC = yaml.safe_load((Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
ROLES = ("anonymous", "coordinator")
WRITE_METHODS = ("post", "put", "patch")
LONG = "a" * 50_001  # SQLite refuses LIKE patterns over 50,000 characters
NFD = unicodedata.normalize("NFD", "쿠키 협동조합")
HUGE = 99_999_999_999_999_999_999
DEEP_1K = "[" * 1000 + "]" * 1000
DEEP_100K = '{"a":' * 100_000 + "1" + "}" * 100_000

# Body values per category. Scalars replace one field; "wrong type" tries an object and a list.
BODY_VALUES: dict[str, list[Any]] = {
    "huge_int": [HUGE, [HUGE], -HUGE],
    "1e20": [1e20, [1e20]],
    "float_id": [1.5, [1.5]],
    "long_string": [LONG, [LONG]],
    "lone_surrogate": ["\ud800", ["\ud800"], "a\udfffb"],
    "nul": ["a\x00b", ["a\x00b"]],
    "wrong_type": [{"a": 1}, [[1]], True, None],
    "nfd": [NFD],
}
# Raw query-string values (already percent-encoded where needed).
QUERY_VALUES: dict[str, list[str]] = {
    "huge_int": [str(HUGE), "9223372036854775808"],
    "1e20": ["1e20", "nan"],
    "float_id": ["1.5"],
    "long_string": [LONG],
    "lone_surrogate": ["%ED%A0%80", "%FF"],
    "nul": ["a%00b"],
    "wrong_type": ["%5B%5D", "-1"],
    "nfd": [quote(NFD)],
}
PATH_VALUES = ["99999999999999999999", "9223372036854775808", "-1", "0", "1e20", "1.5", quote(LONG[:2000]), "%00"]


def _operations() -> list[tuple[str, str, str, dict[str, Any]]]:
    ops = []
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                ops.append((op["operationId"], method, path, op))
    return ops


def _has_hostile_input(op: dict[str, Any], method: str) -> bool:
    return method in WRITE_METHODS or any(p["in"] in ("query", "path") for p in op.get("parameters", []))


# Operations without query, path or body input (GET /health/) have nothing to attack.
OPERATIONS = [o for o in _operations() if _has_hostile_input(o[3], o[1])]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(schema["allOf"][0])
    return schema


def _leaves(schema: dict[str, Any], prefix: tuple[Any, ...] = (), depth: int = 0) -> Iterator[tuple[Any, ...]]:
    """Paths to every field of a request body, one level into nested objects and lists."""
    schema = _resolve(schema)
    for name, prop in (schema.get("properties") or {}).items():
        prop = _resolve(prop)
        if prop.get("readOnly"):
            continue
        path = (*prefix, name)
        yield path
        if depth < 2 and prop.get("type") == "object" and prop.get("properties"):
            yield from _leaves(prop, path, depth + 1)
        if depth < 2 and prop.get("type") == "array":
            items = _resolve(prop.get("items") or {})
            if items.get("properties"):
                yield from _leaves(items, (*path, 0), depth + 1)


def _placeholder(schema: dict[str, Any]) -> Any:
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return 1
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return {}
    return "x"


def _with(body: dict[str, Any], path: tuple[Any, ...], value: Any, schema: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(body)
    node: Any = out
    current = _resolve(schema)
    for index, key in enumerate(path[:-1]):
        nxt = path[index + 1]
        if isinstance(key, int):
            current = _resolve(current.get("items") or {})
        else:
            current = _resolve((current.get("properties") or {}).get(key, {}))
        if isinstance(node, list):
            while len(node) <= key:
                node.append({})
            if not isinstance(node[key], dict):
                node[key] = {}
            node = node[key]
        else:
            if not isinstance(node.get(key), dict | list):
                node[key] = [] if isinstance(nxt, int) else {}
            node = node[key]
    last = path[-1]
    if isinstance(node, list):
        while len(node) <= last:
            node.append({})
        node[last] = value
    else:
        node[last] = value
    return out


def _body_schema(op: dict[str, Any]) -> tuple[str | None, dict[str, Any], dict[str, Any]]:
    content = (op.get("requestBody") or {}).get("content") or {}
    for media in ("application/json", "multipart/form-data"):
        if media in content:
            entry = content[media]
            schema = entry.get("schema") or {}
            examples = entry.get("examples") or {}
            example = next(iter(examples.values()), {}).get("value") if examples else None
            if not isinstance(example, dict):
                resolved = _resolve(schema)
                example = {
                    n: _placeholder(p)
                    for n, p in (resolved.get("properties") or {}).items()
                    if n in resolved.get("required", [])
                }
            return media, schema, example
    return None, {}, {}


def _path_regex(template: str) -> tuple[re.Pattern[str], list[str]]:
    names = re.findall(r"{(\w+)}", template)
    pattern = re.escape(template)
    for name in names:
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^/]+?)")
    return re.compile("^" + pattern + r"(\?.*)?$"), names


ROWS_BY_OP: dict[str, list[Any]] = {}
for _row in all_rows():
    ROWS_BY_OP.setdefault(_row.operation_id, []).append(_row)


def _real_path(world: World, operation_id: str, template: str) -> tuple[str, dict[str, str]]:
    """The operation's path with its parameters set to objects of the world (from its matrix row)."""
    regex, names = _path_regex(template)
    if not names:
        return template, {}
    for row in ROWS_BY_OP.get(operation_id, []):
        match = regex.match(row.url(world, "coordinator"))
        if match:
            values = {name: match.group(name) for name in names}
            return template.format(**values), values
    raise AssertionError(f"{operation_id}: no permission-matrix row resolves {template}")


def _row_counts() -> dict[str, int]:
    tables = sorted({m._meta.db_table for m in apps.get_models() if m._meta.managed and not m._meta.proxy})
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


class Probe:
    def __init__(self, world: World, operation_id: str) -> None:
        self.world = world
        self.operation_id = operation_id
        self.clients = {role: world.client(role) for role in ROLES}
        for client in self.clients.values():
            client.raise_request_exception = False  # a server error is a 500 to report, not a crash
        self.counts = _row_counts()
        self.failures: list[str] = []
        self.sent = 0
        self.last_status = 0
        self.last_body: dict[str, Any] = {}

    def send(self, role: str, method: str, url: str, *, label: str, **kwargs: Any) -> None:
        self.sent += 1
        response = getattr(self.clients[role], method)(url, **kwargs)
        status = response.status_code
        self.last_status = status
        is_json = response.get("Content-Type", "").startswith(("application/json", "application/problem+json"))
        self.last_body = json.loads(response.content) if is_json and response.content else {}
        where = f"{self.operation_id} {method.upper()} as {role} [{label}] → {status}"
        after = _row_counts()
        if status >= 500:
            self.failures.append(f"{where}: {response.content[:300]!r}")
        elif status >= 400:
            if not response["Content-Type"].startswith("application/problem+json"):
                self.failures.append(f"{where}: Content-Type {response['Content-Type']}")
            else:
                body = json.loads(response.content)
                if not body.get("code"):
                    self.failures.append(f"{where}: no code in {body!r}")
            changed = {t: (self.counts[t], after[t]) for t in after if after[t] != self.counts.get(t)}
            if changed:
                self.failures.append(f"{where}: rows written {changed}")
        self.counts = after


# The categories worth trying in one field, by the field's type (every category goes in every
# field at once anyway).
_FOR_TYPE = {
    "string": ("long_string", "lone_surrogate", "nul", "nfd", "wrong_type"),
    "integer": ("huge_int", "1e20", "float_id", "wrong_type"),
    "number": ("huge_int", "1e20", "wrong_type"),
    "array": ("huge_int", "1e20", "float_id", "long_string", "lone_surrogate", "wrong_type"),
    "boolean": ("wrong_type",),
    "object": ("wrong_type", "lone_surrogate"),
}


def _field_schema(schema: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    current = _resolve(schema)
    for key in path:
        current = (
            _resolve(current.get("items") or {})
            if isinstance(key, int)
            else _resolve((current.get("properties") or {}).get(key, {}))
        )
    return current


def _hostile_json_bodies(
    schema: dict[str, Any], example: dict[str, Any], *, per_field: bool
) -> Iterator[tuple[str, Any]]:
    leaves = list(_leaves(schema)) if schema else []
    for category, values in BODY_VALUES.items():
        if not leaves:
            yield category, {"x": values[0]}
            continue
        # Every value of the category in every field at once (validation looks at all fields).
        for value in values:
            every = copy.deepcopy(example)
            for path in leaves:
                if len(path) == 1:
                    every = _with(every, path, value, schema)
            yield f"{category}:all", every
    if not per_field:
        return
    # Then the categories that fit each field, one field at a time on top of the valid example, so
    # the request gets past validation of the other fields into the service.
    for path in leaves:
        field = _field_schema(schema, path)
        kind = "string" if "enum" in field else field.get("type", "string")
        for category in _FOR_TYPE.get(kind, _FOR_TYPE["string"]):
            yield f"{category}:{'.'.join(map(str, path))}", _with(example, path, BODY_VALUES[category][0], schema)


@pytest.fixture
def hostile_world(world: World, settings: Any) -> World:
    # Throttles would answer 429 long before the hostile bodies reach the code under test.
    settings.THROTTLE_RATES = dict.fromkeys(settings.THROTTLE_RATES, "100000/minute")
    return world


@pytest.mark.parametrize(("operation_id", "method", "template", "op"), OPERATIONS, ids=[o[0] for o in OPERATIONS])
def test_hostile_input(operation_id: str, method: str, template: str, op: dict[str, Any], hostile_world: World):
    world = hostile_world
    path, values = _real_path(world, operation_id, template)  # may create the object (a notification)
    probe = Probe(world, operation_id)
    query_params = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
    path_params = [p["name"] for p in op.get("parameters", []) if p["in"] == "path"]
    media, schema, example = _body_schema(op)

    for role in ROLES:
        # Query parameters: each category in each parameter.
        for name in query_params:
            for category, raws in QUERY_VALUES.items():
                for raw in raws:
                    # One row per page is enough to run the filter and cheaper to render.
                    small = "&page_size=1" if "page_size" in query_params and name != "page_size" else ""
                    probe.send(role, method, f"{path}?{name}={raw}{small}", label=f"query {name}={category}")
        # Path parameters: hostile ids instead of the real object's.
        for name in path_params:
            for raw in PATH_VALUES:
                hostile = template.format(**{**values, name: raw})
                probe.send(role, method, hostile, label=f"path {name}={raw[:25]}")
        if method not in WRITE_METHODS:
            continue
        # Deeply nested JSON, whatever the endpoint expects.
        for label, raw in (("deep 1k", DEEP_1K), ("deep 100k", DEEP_100K)):
            probe.send(role, method, path, label=label, data=raw, content_type="application/json")
        if media == "multipart/form-data":
            for category in ("long_string", "nul", "nfd"):
                fields = {name[0]: BODY_VALUES[category][0] for name in _leaves(schema)}
                probe.send(role, method, path, label=f"multipart {category}", data=fields, format="multipart")
            continue
        # Per-field bodies only for a role the operation lets through with its valid example.
        with transaction.atomic():  # a look, not a change: rolled back
            look = getattr(probe.clients[role], method)(path, data=json.dumps(example), content_type="application/json")
            transaction.set_rollback(True)
        per_field = look.status_code not in (401, 403, 404, 405)
        for label, body in _hostile_json_bodies(schema, example, per_field=per_field):
            # json.dumps keeps lone surrogates as \ud800 escapes, the way a hostile client sends them.
            probe.send(role, method, path, label=label, data=json.dumps(body), content_type="application/json")

    assert probe.sent > 0
    assert not probe.failures, f"{len(probe.failures)} of {probe.sent} requests failed:\n" + "\n".join(
        probe.failures[:40]
    )


# A JSON value of another type than the spec's, per declared type: refused (400 naming the field),
# never converted (DRF alone reads "display_name": 0 as "0" and "capacity": "5" as 5).
WRONG_TYPES: dict[str, list[Any]] = {
    "string": [0, True],
    "integer": ["1", True],
    "number": ["1", True],
    "boolean": ["true", 1],
    "array": [5, "x", {"a": 1}],
    "object": ["x", 5, [1]],
}
JSON_WRITES = [o for o in OPERATIONS if o[1] in WRITE_METHODS and _body_schema(o[3])[0] == "application/json"]


def _declared_type(schema: dict[str, Any]) -> str | None:
    schema = _resolve(schema)
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        return "string" if values and all(isinstance(v, str) for v in values) else None
    if "oneOf" in schema or "anyOf" in schema:
        return None
    return schema.get("type")


@pytest.mark.parametrize(("operation_id", "method", "template", "op"), JSON_WRITES, ids=[o[0] for o in JSON_WRITES])
def test_json_values_of_another_type_are_refused(
    operation_id: str, method: str, template: str, op: dict[str, Any], hostile_world: World
):
    world = hostile_world
    path, _values = _real_path(world, operation_id, template)
    probe = Probe(world, operation_id)
    _media, schema, example = _body_schema(op)
    client = probe.clients["coordinator"]
    with transaction.atomic():  # a look, not a change: rolled back
        look = getattr(client, method)(path, data=json.dumps(example), content_type="application/json")
        transaction.set_rollback(True)
    if look.status_code in (401, 403, 404, 405):
        pytest.skip(f"the coordinator gets {look.status_code} with the operation's example")
    properties = _resolve(schema).get("properties") or {}
    wrong = []
    for name, prop in properties.items():
        if _resolve(prop).get("readOnly"):
            continue
        declared = _declared_type(prop)
        for value in WRONG_TYPES.get(declared or "", []):
            body = {**example, name: value}
            probe.send(
                "coordinator",
                method,
                path,
                label=f"{name}={value!r}",
                data=json.dumps(body),
                content_type="application/json",
            )
            if probe.last_status != 400:
                wrong.append(f"{name}: {declared} given {value!r} → {probe.last_status}")
                continue
            response_fields = [e.get("field") or "" for e in probe.last_body.get("errors", [])]
            if not any(f == name or f.startswith((f"{name}.", f"{name}[")) for f in response_fields):
                wrong.append(f"{name}: {declared} given {value!r} → 400 naming {response_fields}")
    assert not probe.failures, "\n".join(probe.failures[:40])
    assert not wrong, f"{operation_id}: values of another JSON type accepted or not named:\n" + "\n".join(wrong)
