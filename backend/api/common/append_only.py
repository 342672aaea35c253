"""Append-only tables, guarded by the database itself: triggers that refuse UPDATE and DELETE.

Used by the audit log (``audit_auditentry``) and the budget ledger (``budget_budgetledgerentry``).
A domain declares its guard once, at module level, and installs it from a migration::

    LEDGER = AppendOnlyTable("budget_budgetledgerentry", name="budget_ledger_entry")
    migrations.RunPython(LEDGER.forwards, LEDGER.backwards)

Whatever the code does (a bug, a raw SQL statement, an admin action), a row of such a table can't
be changed or removed without first dropping the trigger, which needs the table owner's rights and
is itself visible. PostgreSQL's ``TRUNCATE`` is a table-level privilege, not a row change: the
production role should not hold it (Django's test runner uses it to empty tables between tests).
On another database vendor nothing is installed: the services alone keep the table append-only.
"""

from __future__ import annotations

from typing import Any

_GUARDS: dict[str, AppendOnlyTable] = {}


class AppendOnlyTable:
    """The trigger set of one table. ``name`` prefixes the trigger (and PostgreSQL function) names."""

    def __init__(self, table: str, *, name: str) -> None:
        self.table = table
        self.name = name
        self.message = f"{table} is append-only"
        _GUARDS[table] = self

    def statements(self, vendor: str, *, install: bool) -> list[str]:
        if vendor == "postgresql":
            if install:
                return [
                    f"""
                    CREATE OR REPLACE FUNCTION {self.name}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION '{self.message}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                    END
                    $$
                    """,
                    f"""
                    CREATE TRIGGER {self.name}_append_only BEFORE UPDATE OR DELETE ON {self.table}
                    FOR EACH ROW EXECUTE FUNCTION {self.name}_append_only()
                    """,
                ]
            return [
                f"DROP TRIGGER IF EXISTS {self.name}_append_only ON {self.table}",
                f"DROP FUNCTION IF EXISTS {self.name}_append_only()",
            ]
        if vendor == "sqlite":
            if install:
                return [
                    f"CREATE TRIGGER {self.name}_no_update BEFORE UPDATE ON {self.table} "
                    f"BEGIN SELECT RAISE(ABORT, '{self.message}'); END",
                    f"CREATE TRIGGER {self.name}_no_delete BEFORE DELETE ON {self.table} "
                    f"BEGIN SELECT RAISE(ABORT, '{self.message}'); END",
                ]
            return [f"DROP TRIGGER IF EXISTS {self.name}_no_update", f"DROP TRIGGER IF EXISTS {self.name}_no_delete"]
        return []

    def install(self, connection: Any) -> None:
        with connection.cursor() as cursor:
            for sql in self.statements(connection.vendor, install=True):
                cursor.execute(sql)

    def uninstall(self, connection: Any) -> None:
        with connection.cursor() as cursor:
            for sql in self.statements(connection.vendor, install=False):
                cursor.execute(sql)

    # Migration operations: ``migrations.RunPython(guard.forwards, guard.backwards)``.
    def forwards(self, apps: Any, schema_editor: Any) -> None:
        self.install(schema_editor.connection)

    def backwards(self, apps: Any, schema_editor: Any) -> None:
        self.uninstall(schema_editor.connection)


def append_only_tables() -> list[AppendOnlyTable]:
    """Every guarded table declared so far (the test suite empties them between transactional tests)."""
    return list(_GUARDS.values())
