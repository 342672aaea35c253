"""The database's own guard of the budget ledger: triggers that refuse UPDATE and DELETE on
``budget_budgetledgerentry`` (the machinery is shared with the audit log: ``api.common.append_only``).
Installed by migration 0001 on PostgreSQL and SQLite."""

from api.common.append_only import AppendOnlyTable

TABLE = "budget_budgetledgerentry"
LEDGER_GUARD = AppendOnlyTable(TABLE, name="budget_ledger_entry")
