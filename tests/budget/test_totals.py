"""The maintained totals always equal the sums recomputed from scratch: from the items and
executions, and by replaying the public ledger alone."""

import random
from collections import defaultdict
from datetime import date

from django.db.models import Sum

from api.budget import services
from api.budget.models import BudgetExecution, BudgetItem, BudgetItemStatus, BudgetLedgerEntry, BudgetTotal
from api.common.errors import ConflictError
from tests.budget import factories

KEY = ("fiscal_year", "programme", "category", "funding_source", "recipient_kind", "district")


def _maintained() -> dict[tuple, tuple[int, int, int]]:
    return {
        tuple(getattr(row, "programme_id" if f == "programme" else f) for f in KEY): (
            row.allocated,
            row.executed,
            row.item_count,
        )
        for row in BudgetTotal.objects.all()
        if row.item_count or row.allocated or row.executed
    }


def _from_rows() -> dict[tuple, tuple[int, int, int]]:
    out: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item in BudgetItem.objects.exclude(status=BudgetItemStatus.CANCELLED):
        key = (
            item.fiscal_year,
            item.programme_id,
            item.category,
            item.funding_source,
            item.recipient_kind,
            item.district,
        )
        executed = BudgetExecution.objects.filter(item=item).aggregate(s=Sum("amount"))["s"] or 0
        assert executed == item.executed_amount
        out[key][0] += item.allocated_amount
        out[key][1] += executed
        out[key][2] += 1
    return {key: tuple(values) for key, values in out.items() if any(values)}


def _from_ledger() -> dict[tuple, tuple[int, int, int]]:
    """Replay the public ledger, entry by entry, as anyone holding an export could."""
    items: dict[int, dict] = {}
    for entry in BudgetLedgerEntry.objects.order_by("id"):
        data = entry.data
        if entry.kind == "create":
            items[entry.item_id] = {
                "key": {f: data[f] for f in KEY},
                "allocated": data["allocated_amount"],
                "executed": 0,
                "live": True,
            }
            continue
        state = items[entry.item_id]
        if entry.kind == "update":
            for field, (_old, new) in data["changes"].items():
                if field in KEY:
                    state["key"][field] = new
        elif entry.kind == "amend":
            state["allocated"] = data["new_amount"]
        elif entry.kind in ("execute", "reverse"):
            state["executed"] += data["amount"]
            assert state["executed"] == data["executed_total"]
        elif entry.kind == "status" and data["new"] == "cancelled":
            state["live"] = False
    out: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for state in items.values():
        if state["live"]:
            key = tuple(state["key"][f] for f in KEY)
            out[key][0] += state["allocated"]
            out[key][1] += state["executed"]
            out[key][2] += 1
    return {key: tuple(values) for key, values in out.items() if any(values)}


def test_totals_equal_the_sums_from_the_rows_and_from_the_ledger_after_every_step(coordinator, world):
    rng = random.Random(2015)
    programmes = [world.budget_programme_id, factories.programme().pk]
    recipients = [None, world.enterprise_a.pk, world.enterprise_b.pk]
    items = [world.budget_item]
    for step in range(120):
        action = rng.choice(["create", "execute", "execute", "reverse", "amend", "update", "status"])
        item = rng.choice(items)
        try:
            if action == "create":
                items.append(
                    services.budget_item_create(
                        actor=coordinator,
                        fiscal_year=rng.choice([2014, 2015, 2016]),
                        programme_id=rng.choice(programmes),
                        category=rng.choice(["grant", "project"]),
                        funding_source=rng.choice(["city", "national"]),
                        title=f"항목 {step}",
                        allocated_amount=rng.randrange(0, 5_000_000),
                        recipient_id=rng.choice(recipients),
                        status="approved",
                    )
                )
            elif action == "execute":
                services.budget_execution_create(
                    item_id=item.pk, actor=coordinator, executed_on=date(2015, 5, 1), amount=rng.randrange(1, 2_000_000)
                )
            elif action == "reverse":
                paid = BudgetExecution.objects.filter(item=item, kind="execution", reversal__isnull=True).first()
                if paid is not None:
                    services.budget_execution_reverse(execution=paid, actor=coordinator, reason="정정")
            elif action == "amend":
                services.budget_amendment_create(
                    item=item, actor=coordinator, new_amount=rng.randrange(0, 8_000_000), reason="변경"
                )
            elif action == "update":
                services.budget_item_update(
                    item=item,
                    actor=coordinator,
                    programme_id=rng.choice(programmes),
                    recipient_id=rng.choice(recipients),
                    category=rng.choice(["grant", "project"]),
                )
            else:
                services.budget_item_set_status(
                    item=item, actor=coordinator, status=rng.choice(["in_progress", "cancelled"]), reason="변경"
                )
        except (ConflictError, Exception) as error:  # refused steps write nothing; the totals must still agree
            assert getattr(error, "status_code", None) in (400, 409), error
        assert _maintained() == _from_rows() == _from_ledger(), f"after step {step} ({action})"
    kinds = set(BudgetLedgerEntry.objects.values_list("kind", flat=True))
    assert {"create", "execute", "reverse", "amend", "update", "status"} <= kinds
    assert BudgetLedgerEntry.objects.count() > 60
