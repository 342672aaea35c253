"""The permission matrix: operation (as the spec names it) × role → expected status.

Each domain lists its rows in ``tests/<domain>/permission_rows.py`` as ``ROWS: list[Row]``.
``tests/test_permission_matrix.py`` runs every row for every role against a fresh world and fails
when an operation of ``docs/openapi.yaml`` has no row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import tests
from api.common.discovery import domain_modules
from tests.world import ROLES, World

Value = Any | Callable[[World, str], Any]


@dataclass(frozen=True)
class Row:
    operation_id: str
    method: str
    path: Value  # "/api/v1/x/{slug}/" formatted with ``world.extra``, or a callable(world, role)
    expected: dict[str, int]
    body: Value = None  # dict or callable(world, role) -> dict
    headers: Value = None
    format: str = "json"
    note: str = ""
    check: Callable[[World, str, Any], None] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        missing = set(ROLES) - set(self.expected)
        assert not missing, f"{self.operation_id}: no expected status for {sorted(missing)}"

    def resolve(self, value: Value, world: World, role: str) -> Any:
        return value(world, role) if callable(value) else value

    def url(self, world: World, role: str) -> str:
        path = self.resolve(self.path, world, role)
        return path.format(**world.extra)


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def logged_in(status: int, anonymous: int = 401) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, status), "anonymous": anonymous}


def all_rows() -> list[Row]:
    rows: list[Row] = []
    for module in domain_modules(tests, "permission_rows"):
        rows.extend(module.ROWS)
    return rows
