"""The ledger nobody can rewrite: the database refuses changes, and a change made behind its back
(trigger dropped) is found by the verification."""

import pytest
from django.db import DatabaseError, connection, transaction

from api.budget.ledger import ledger_verify
from api.budget.models import BudgetLedgerEntry
from api.budget.triggers import LEDGER_GUARD, TABLE
from tests.budget import factories


@pytest.fixture
def entries(coordinator):
    item = factories.item(actor=coordinator, allocated_amount=1_000_000)
    for amount in (100, 200, 300):
        factories.execute(actor=coordinator, item=item, amount=amount)
    return list(BudgetLedgerEntry.objects.order_by("id"))


@pytest.mark.parametrize(
    "sql",
    [
        f"UPDATE {TABLE} SET kind = 'execute' WHERE id = %s",
        f"UPDATE {TABLE} SET data = '{{}}' WHERE id = %s",
        f"DELETE FROM {TABLE} WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_or_remove_an_entry(entries, sql):
    target = entries[1]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [target.pk])
    fresh = BudgetLedgerEntry.objects.get(pk=target.pk)
    assert (fresh.kind, fresh.data, fresh.hash) == (target.kind, target.data, target.hash)


def test_the_verification_reports_an_intact_chain(entries, anon_client):
    body = anon_client.get("/api/v1/budget/ledger/verify/").json()
    assert body == {"intact": True, "entries": len(entries), "head": entries[-1].hash, "first_break": None}


def test_a_row_tampered_with_behind_the_triggers_back_breaks_the_chain_there(entries, anon_client):
    target = entries[2]
    LEDGER_GUARD.uninstall(connection)
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"UPDATE {TABLE} SET data = jsonb_set(data::jsonb, '{{amount}}', '1')::jsonb WHERE id = %s",
                    [target.pk],
                )
            else:
                cursor.execute(f"UPDATE {TABLE} SET data = json_set(data, '$.amount', 1) WHERE id = %s", [target.pk])
    finally:
        LEDGER_GUARD.install(connection)
    assert BudgetLedgerEntry.objects.get(pk=target.pk).data["amount"] == 1
    body = anon_client.get("/api/v1/budget/ledger/verify/").json()
    assert body["intact"] is False
    assert body["first_break"] == target.pk
    assert body["entries"] == target.pk - 1


def test_a_removed_entry_or_tail_is_found(entries):
    LEDGER_GUARD.uninstall(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [entries[-1].pk])
    finally:
        LEDGER_GUARD.install(connection)
    result = ledger_verify()
    assert not result.intact and result.first_break == entries[-1].pk

    LEDGER_GUARD.uninstall(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [entries[1].pk])
    finally:
        LEDGER_GUARD.install(connection)
    result = ledger_verify()
    assert not result.intact and result.first_break == entries[2].pk


def test_history_and_ledger_are_public_cursor_pages_oldest_first(entries, anon_client):
    item_id = entries[0].item_id
    history = anon_client.get(f"/api/v1/budget-items/{item_id}/history/?page_size=2").json()
    assert [e["kind"] for e in history["results"]] == ["create", "execute"]
    assert history["next"]
    rest = anon_client.get(history["next"]).json()
    assert [e["kind"] for e in rest["results"]] == ["execute", "execute"]
    ledger = anon_client.get("/api/v1/budget/ledger/").json()
    assert [e["id"] for e in ledger["results"]] == [e.pk for e in entries]
    assert ledger["results"][1]["prev_hash"] == ledger["results"][0]["hash"]
