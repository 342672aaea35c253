"""The database's own guard of written updates: they are append-only.

Installed by a migration on PostgreSQL and SQLite (the same idea as ``api.audit.triggers``). UPDATE
is refused on both; DELETE is refused on PostgreSQL (whose test runner empties tables with TRUNCATE,
which row triggers do not see). On SQLite, whose flush is a ``DELETE FROM``, deleting is left to the
code, which has no path to it: no endpoint deletes an update and a resolution is never deleted
(``on_delete=PROTECT``).
"""

from __future__ import annotations

from typing import Any

TABLE = "resolutions_resolutionupdate"
MESSAGE = "resolutions_resolutionupdate is append-only"

_POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION resolution_update_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$
    """,
    f"""
    CREATE TRIGGER resolution_update_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION resolution_update_append_only()
    """,
]
_POSTGRES_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS resolution_update_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS resolution_update_append_only()",
]
_SQLITE_INSTALL = [
    f"CREATE TRIGGER resolution_update_no_update BEFORE UPDATE ON {TABLE} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
_SQLITE_UNINSTALL = ["DROP TRIGGER IF EXISTS resolution_update_no_update"]


def _statements(vendor: str, *, install: bool) -> list[str]:
    if vendor == "postgresql":
        return _POSTGRES_INSTALL if install else _POSTGRES_UNINSTALL
    if vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_UNINSTALL
    return []


def forwards(apps: Any, schema_editor: Any) -> None:
    with schema_editor.connection.cursor() as cursor:
        for sql in _statements(schema_editor.connection.vendor, install=True):
            cursor.execute(sql)


def backwards(apps: Any, schema_editor: Any) -> None:
    with schema_editor.connection.cursor() as cursor:
        for sql in _statements(schema_editor.connection.vendor, install=False):
            cursor.execute(sql)
