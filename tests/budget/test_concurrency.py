"""Never more executed than allocated, under concurrent executions: 50 threads (each with its own
database connection) each try to pay 1/10 of the allocation; exactly 10 succeed, every time, on
PostgreSQL and on the SQLite default (a file database, as the product runs on)."""

import contextlib
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from api.budget.ledger import ledger_verify
from api.budget.models import BudgetExecution, BudgetItem, BudgetTotal
from api.budget.services import budget_execution_create
from api.common.errors import ConflictError
from tests.accounts.factories import CoordinatorFactory
from tests.budget import factories

ALLOCATION = 10_000_000
ATTEMPTS = 50


def _fire(item_id: int, actor, attempts: int) -> list[str]:
    barrier = threading.Barrier(attempts)

    def pay(_index: int) -> str:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=30)
            budget_execution_create(
                item_id=item_id, actor=actor, executed_on=date(2015, 6, 1), amount=ALLOCATION // 10, payee="동시 집행"
            )
            return "ok"
        except ConflictError as error:
            return str(error.get_codes())
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        return list(pool.map(pay, range(attempts), timeout=180))


def _round(actor) -> None:
    item = factories.item(actor=actor, allocated_amount=ALLOCATION)
    outcomes = _fire(item.pk, actor, ATTEMPTS)
    assert outcomes.count("ok") == 10, outcomes
    assert outcomes.count("budget_over_allocation") == ATTEMPTS - 10, outcomes
    item = BudgetItem.objects.get(pk=item.pk)
    assert item.executed_amount == ALLOCATION
    assert BudgetExecution.objects.filter(item=item).count() == 10
    total = BudgetTotal.objects.get(programme_id=item.programme_id)
    assert (total.allocated, total.executed) == (ALLOCATION, ALLOCATION)


@pytest.mark.concurrency
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_executions_of_a_tenth_give_exactly_ten_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("this run needs PostgreSQL")
    actor = CoordinatorFactory()
    for _ in range(5):  # repeated: it must hold every time, not once by luck
        _round(actor)
    result = ledger_verify()
    assert result.intact and result.entries == 5 * 11  # each round: 1 creation + 10 executions


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_executions_of_a_tenth_give_exactly_ten(tmp_path):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # A shared in-memory SQLite database answers "table is locked" instead of waiting, unlike
        # the file database the product runs on: run this test again on a file database.
        env = {**os.environ, "SQLITE_TEST_NAME": str(tmp_path / "budget-concurrency.sqlite3")}
        node = f"{Path(__file__).resolve()}::test_fifty_concurrent_executions_of_a_tenth_give_exactly_ten"
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", node],
            env=env,
            capture_output=True,
            text=True,
            timeout=400,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert "1 passed" in result.stdout
        return
    actor = CoordinatorFactory()
    for _ in range(3):
        _round(actor)
    result = ledger_verify()
    assert result.intact and result.entries == 3 * 11
