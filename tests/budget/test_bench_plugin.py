"""The bench plugin's bulk load keeps what the services keep: a verifiable chain and totals equal
to the sums (run here at a small size; `make bench` runs it at 300,000 rows)."""

import importlib.util
from pathlib import Path

from django.db.models import Sum

from api.budget.ledger import ledger_verify
from api.budget.models import BudgetExecution, BudgetItem, BudgetLedgerEntry, BudgetTotal
from tests.budget import factories


def _plugin():
    path = Path(__file__).resolve().parents[2] / "scripts" / "bench_budget.py"
    spec = importlib.util.spec_from_file_location("bench_budget", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bulk_load_continues_the_chain_and_keeps_the_totals(coordinator, world):
    factories.execute(actor=coordinator, item=factories.item(actor=coordinator), amount=5)
    before = BudgetLedgerEntry.objects.count()
    plugin = _plugin()
    plugin.load(rows=300)
    assert BudgetItem.objects.count() >= 100
    assert (
        BudgetLedgerEntry.objects.count()
        == before + BudgetItem.objects.count() - 2 + BudgetExecution.objects.count() - 2
    )
    result = ledger_verify()
    assert result.intact, result
    totals = BudgetTotal.objects.aggregate(a=Sum("allocated"), e=Sum("executed"))
    items = BudgetItem.objects.exclude(status="cancelled").aggregate(
        a=Sum("allocated_amount"), e=Sum("executed_amount")
    )
    assert (totals["a"], totals["e"]) == (items["a"], items["e"])
    assert [path for _label, path in plugin.endpoints()]
