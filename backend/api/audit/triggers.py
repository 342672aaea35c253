"""The database's own guard of the audit log: triggers that refuse UPDATE and DELETE.

Installed by migration 0001 on PostgreSQL and SQLite (``api.common.append_only`` holds the
machinery, shared with the budget ledger). Whatever the code does (a bug, a raw SQL statement, an
admin action), a row of ``audit_auditentry`` can't be changed or removed without first dropping
the trigger, which needs the table owner's rights and is itself visible.
"""

from __future__ import annotations

from typing import Any

from api.common.append_only import AppendOnlyTable

TABLE = "audit_auditentry"
GUARD = AppendOnlyTable(TABLE, name="audit_entry")
MESSAGE = GUARD.message


def install(connection: Any) -> None:
    GUARD.install(connection)


def uninstall(connection: Any) -> None:
    GUARD.uninstall(connection)


def forwards(apps: Any, schema_editor: Any) -> None:
    GUARD.forwards(apps, schema_editor)


def backwards(apps: Any, schema_editor: Any) -> None:
    GUARD.backwards(apps, schema_editor)
