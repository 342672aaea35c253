import re
from pathlib import Path

import pytest
import yaml

from tests.matrix import all_rows
from tests.world import ROLES, World

SPEC = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
ROWS = all_rows()


def spec_operations() -> dict[str, tuple[str, str]]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    ops = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                ops[op["operationId"]] = (method.upper(), path)
    return ops


def _spec_paths() -> dict[str, list[str]]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return {path: [m for m in item if m in ("get", "post", "patch", "delete")] for path, item in spec["paths"].items()}


PATHS = _spec_paths()


def _spec_path_of(url: str) -> str | None:
    for template in PATHS:
        pattern = "^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, url):
            return template
    return None


def check_location(client, response, operation_id: str) -> None:
    """A 201 names the created resource in ``Location``: a path of the spec, readable where the
    spec has a GET on it."""
    location = response.get("Location")
    assert location, f"{operation_id}: 201 without Location"
    template = _spec_path_of(location)
    assert template, f"{operation_id}: Location {location} is no path of the spec"
    if "get" in PATHS[template]:
        assert client.get(location).status_code == 200, f"{operation_id}: GET {location} is not 200"


def test_every_operation_has_a_row_for_every_role() -> None:
    operations = spec_operations()
    covered = {row.operation_id for row in ROWS}
    missing = sorted(set(operations) - covered)
    assert not missing, f"operations without a permission-matrix row: {missing}"
    unknown = sorted(covered - set(operations))
    assert not unknown, f"rows for operations the spec does not have: {unknown}"
    for row in ROWS:
        assert row.method == operations[row.operation_id][0], row.operation_id


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.operation_id + (f"[{r.note}]" if r.note else ""))
def test_permission_matrix(row, role: str, world: World) -> None:
    client = world.client(role)
    url = row.url(world, role)
    body = row.resolve(row.body, world, role)
    headers = row.resolve(row.headers, world, role) or {}
    kwargs = {"format": row.format} if body is not None else {}
    response = getattr(client, row.method.lower())(url, body, **kwargs, headers=headers)
    expected = row.expected[role]
    assert response.status_code == expected, (
        f"{row.operation_id} as {role}: expected {expected}, got {response.status_code}: "
        f"{getattr(response, 'data', response.content)!r}"
    )
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/problem+json")
    if response.status_code == 201:
        check_location(client, response, row.operation_id)
    if row.check is not None:
        row.check(world, role, response)
