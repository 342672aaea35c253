"""Bench plugin of the open budget (see ``domain_plugins()`` in scripts/bench.py).

``load()`` writes, in bulk, ``BENCH_BUDGET_ROWS`` (300,000) rows: a third budget items of 2013–2017
and two thirds executions, with the items' executed amounts, the maintained totals and the hash-
chained ledger (one entry per item and per execution, continuing the demo's chain) kept exactly as
the services keep them, so ``/budget/ledger/verify/`` stays intact. ``endpoints()`` are the public
reads held to the bench ratio: the summary of a year and a page of items.
"""

from __future__ import annotations

import os
import random
from datetime import date
from typing import Any

BATCH = 5_000


def load(rows: int | None = None) -> None:
    from django.db import transaction
    from django.db.models import Count, Sum

    from api.budget.ledger import ledger_bulk_entries
    from api.budget.models import (
        GENESIS_HASH,
        BudgetExecution,
        BudgetItem,
        BudgetLedgerEntry,
        BudgetLedgerHead,
        BudgetProgramme,
        BudgetTotal,
    )
    from api.enterprises import selectors as directory

    total_rows = rows if rows is not None else int(os.environ.get("BENCH_BUDGET_ROWS", "300000"))
    n_items = max(1, total_rows // 3)
    rng = random.Random(11)  # noqa: S311 - reproducible bench data, not security
    programmes = list(BudgetProgramme.objects.values_list("pk", flat=True))
    if not programmes:
        programmes = [BudgetProgramme.objects.create(code="bench", name="벤치 사업").pk]
    recipients = list(directory.enterprise_summaries().values_list("pk", "kind", "district")[:2000])
    categories = ["personnel", "operations", "project", "grant", "event"]
    sources = ["national", "provincial", "city", "own", "private"]

    with transaction.atomic():
        head, _created = BudgetLedgerHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS_HASH}
        )
        seq, prev = head.seq, head.hash
        made = 0
        while made < n_items:
            size = min(BATCH, n_items - made)
            items = []
            plans: list[list[int]] = []
            for _ in range(size):
                allocated = rng.randrange(1_000, 50_000) * 1_000
                first = rng.randrange(0, allocated // 2 + 1)
                second = rng.randrange(0, allocated - first + 1)
                plans.append([amount for amount in (first, second) if amount > 0] or [1_000])
                recipient = rng.choice(recipients) if recipients and rng.random() < 0.6 else None
                items.append(
                    BudgetItem(
                        fiscal_year=rng.randrange(2013, 2018),
                        programme_id=rng.choice(programmes),
                        category=rng.choice(categories),
                        funding_source=rng.choice(sources),
                        title=f"벤치 예산 항목 {made + len(items) + 1}",
                        allocated_amount=allocated,
                        executed_amount=sum(plans[-1]),
                        recipient_id=recipient[0] if recipient else None,
                        recipient_kind=recipient[1] if recipient else "",
                        district=recipient[2] if recipient else "",
                        status="in_progress",
                    )
                )
            created = BudgetItem.objects.bulk_create(items, batch_size=BATCH)
            executions = [
                BudgetExecution(
                    item_id=item.pk,
                    kind="execution",
                    executed_on=date(item.fiscal_year, rng.randrange(1, 13), rng.randrange(1, 29)),
                    amount=amount,
                    payee="벤치 지급처",
                )
                for item, plan in zip(created, plans, strict=True)
                for amount in plan
            ]
            executions = BudgetExecution.objects.bulk_create(executions, batch_size=BATCH)
            ledger_rows: list[tuple[int, str, dict[str, Any]]] = []
            by_item: dict[int, list[BudgetExecution]] = {}
            for execution in executions:
                by_item.setdefault(execution.item_id, []).append(execution)
            for item in created:
                ledger_rows.append(
                    (
                        item.pk,
                        "create",
                        {
                            "fiscal_year": item.fiscal_year,
                            "programme": item.programme_id,
                            "category": item.category,
                            "funding_source": item.funding_source,
                            "title": item.title,
                            "allocated_amount": item.allocated_amount,
                            "recipient": item.recipient_id,
                            "recipient_kind": item.recipient_kind,
                            "district": item.district,
                            "status": item.status,
                            "event_ids": [],
                        },
                    )
                )
                total = 0
                for execution in by_item.get(item.pk, []):
                    total += execution.amount
                    ledger_rows.append(
                        (
                            item.pk,
                            "execute",
                            {
                                "execution": execution.pk,
                                "executed_on": execution.executed_on.isoformat(),
                                "amount": execution.amount,
                                "payee": execution.payee,
                                "executed_total": total,
                            },
                        )
                    )
            entries = ledger_bulk_entries(ledger_rows, start=seq + 1, prev=prev)
            BudgetLedgerEntry.objects.bulk_create(entries, batch_size=BATCH)
            seq, prev = entries[-1].id, entries[-1].hash
            made += size
        head.seq, head.hash = seq, prev
        head.save(update_fields=["seq", "hash"])

        # The maintained totals, recomputed once from the items (as the services would have kept them).
        BudgetTotal.objects.all().delete()
        groups = (
            BudgetItem.objects.exclude(status="cancelled")
            .values("fiscal_year", "programme_id", "category", "funding_source", "recipient_kind", "district")
            .annotate(a=Sum("allocated_amount"), e=Sum("executed_amount"), n=Count("id"))
            .order_by()
        )
        BudgetTotal.objects.bulk_create(
            [
                BudgetTotal(
                    fiscal_year=g["fiscal_year"],
                    programme_id=g["programme_id"],
                    category=g["category"],
                    funding_source=g["funding_source"],
                    recipient_kind=g["recipient_kind"],
                    district=g["district"],
                    allocated=g["a"],
                    executed=g["e"],
                    item_count=g["n"],
                )
                for g in groups
            ],
            batch_size=BATCH,
        )


def endpoints() -> list[tuple[str, str]]:
    return [
        ("예산 요약 (budget summary 2015)", "/api/v1/budget/summary/?year=2015"),
        ("예산 항목 (budget items 2015, page 20)", "/api/v1/budget-items/?fiscal_year=2015&page_size=20"),
    ]


# A worker streaming the whole ledger may grow by at most this much, whatever the export's length.
EXPORT_GROWTH_MB = 40


def checks(server: Any) -> list[dict[str, Any]]:
    """The open-data exports stream in flat memory: the whole ledger as CSV (every entry: about
    ``BENCH_BUDGET_ROWS`` lines) and every item as XLSX, each downloaded while the workers' memory
    is sampled; a warm-up export of one year first, so imports and caches are not counted."""
    from api.budget.models import BudgetLedgerEntry

    entries = BudgetLedgerEntry.objects.count()
    server.stream("/api/v1/budget/exports/ledger.csv?item=1")
    server.stream("/api/v1/budget/exports/items.xlsx?fiscal_year=2015")
    results = []
    for label, path, min_lines in (
        ("원장 CSV 전체 (whole ledger as CSV)", "/api/v1/budget/exports/ledger.csv", entries),
        ("항목 XLSX 전체 (every item as XLSX)", "/api/v1/budget/exports/items.xlsx", 0),
    ):
        run = server.stream(path)
        ok = run["status"] == 200 and run["lines"] >= min_lines and run["rss_growth_mb"] <= EXPORT_GROWTH_MB
        detail = (
            f"{run['bytes'] / 1e6:.1f} MB"
            + (f", {run['lines']:,} lines for {min_lines:,} entries" if min_lines else "")
            + f" in {run['seconds']} s; worker memory +{run['rss_growth_mb']} MB (budget {EXPORT_GROWTH_MB} MB)"
        )
        results.append({"label": label, "ok": ok, "detail": detail, **run})
    return results
