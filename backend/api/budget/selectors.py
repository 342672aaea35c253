"""Reads of the open budget. Everything here is public (the budget is open data); coordinators
see the same rows as anyone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _

from api.budget.ledger import Verification, ledger_verify
from api.budget.models import (
    BudgetAmendment,
    BudgetCategory,
    BudgetEvidence,
    BudgetExecution,
    BudgetItem,
    BudgetLedgerEntry,
    BudgetProgramme,
    BudgetTotal,
    FundingSource,
)
from api.common.linking import LinkTarget
from api.enterprises import selectors as directory
from api.events import selectors as events


def programme_list() -> QuerySet[BudgetProgramme]:
    return BudgetProgramme.objects.order_by("position", "id")


def _funded_events() -> Prefetch[Any]:
    return Prefetch("events", queryset=events.event_list(include_archived=True).only("id", "title").order_by("id"))


def budget_item_list() -> QuerySet[BudgetItem]:
    """Every item, newest year first, with what a list shows (programme, recipient, events funded)."""
    return (
        BudgetItem.objects.select_related("programme", "recipient")
        .prefetch_related(_funded_events())
        .order_by("-fiscal_year", "programme__position", "programme_id", "id")
    )


def budget_item_detail_queryset() -> QuerySet[BudgetItem]:
    """Items with their executions, amendments and evidence."""
    return budget_item_list().prefetch_related(
        Prefetch(
            "executions",
            queryset=BudgetExecution.objects.select_related("reversal")
            .prefetch_related("evidence")
            .order_by("executed_on", "id"),
        ),
        Prefetch(
            "amendments", queryset=BudgetAmendment.objects.select_related("created_by").order_by("created_at", "id")
        ),
        Prefetch("evidence", queryset=BudgetEvidence.objects.order_by("created_at", "id")),
    )


def execution_list(*, item: BudgetItem | None = None) -> QuerySet[BudgetExecution]:
    queryset = BudgetExecution.objects.select_related("item", "reversal").prefetch_related(
        Prefetch("evidence", queryset=BudgetEvidence.objects.order_by("id"))
    )
    if item is not None:
        queryset = queryset.filter(item=item)
    return queryset.order_by("executed_on", "id")


def amendment_list(*, item: BudgetItem) -> QuerySet[BudgetAmendment]:
    return BudgetAmendment.objects.filter(item=item).select_related("created_by").order_by("created_at", "id")


def ledger_list(*, item: BudgetItem | None = None) -> QuerySet[BudgetLedgerEntry]:
    queryset = BudgetLedgerEntry.objects.all()
    if item is not None:
        queryset = queryset.filter(item=item)
    return queryset.order_by("id")


def ledger_verification() -> Verification:
    return ledger_verify()


# --- Summaries (from the maintained totals: a few rows, never a scan of the items) -----------------


def _rate(executed: int, allocated: int) -> float | None:
    return round(executed / allocated, 4) if allocated else None


def _line(key: Any, label: str, allocated: int, executed: int, items: int) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "allocated": allocated,
        "executed": executed,
        "remaining": allocated - executed,
        "execution_rate": _rate(executed, allocated),
        "item_count": items,
    }


def _grouped(rows: QuerySet[BudgetTotal], field: str) -> list[tuple[Any, int, int, int]]:
    grouped = rows.values(field).annotate(a=Sum("allocated"), e=Sum("executed"), n=Sum("item_count")).order_by(field)
    return [(row[field], int(row["a"] or 0), int(row["e"] or 0), int(row["n"] or 0)) for row in grouped]


def budget_summary(*, year: int | None) -> dict[str, Any]:
    """Allocated, executed, remaining and execution rate of ``year`` (or of every year) by programme,
    category, funding source, recipient kind and district, and year over year."""
    rows = BudgetTotal.objects.all()
    if year is not None:
        rows = rows.filter(fiscal_year=year)
    programmes = {p.pk: p for p in programme_list()}
    categories = dict(BudgetCategory.choices)
    sources = dict(FundingSource.choices)
    kinds = dict(directory.ENTERPRISE_KIND_CHOICES)
    districts = {code: ko if _is_korean() else en for code, ko, en in settings.SEHUB_DISTRICTS}
    none_label = _("No recipient")

    def programme_label(pk: int) -> str:
        programme = programmes.get(pk)
        if programme is None:
            return str(pk)
        return programme.name if _is_korean() or not programme.name_en else programme.name_en

    by_programme = [
        {**_line(pk, programme_label(pk), a, e, n), "code": programmes[pk].code if pk in programmes else ""}
        for pk, a, e, n in _grouped(rows, "programme")
    ]
    by_programme.sort(
        key=lambda line: (programmes[line["key"]].position if line["key"] in programmes else 0, line["key"])
    )
    totals = rows.aggregate(a=Sum("allocated"), e=Sum("executed"), n=Sum("item_count"))
    years = _grouped(BudgetTotal.objects.all(), "fiscal_year")
    return {
        "year": year,
        "years": [y for y, *_rest in years],
        "total": _line("total", _("Total"), int(totals["a"] or 0), int(totals["e"] or 0), int(totals["n"] or 0)),
        "by_programme": by_programme,
        "by_category": [_line(k, str(categories.get(k, k)), a, e, n) for k, a, e, n in _grouped(rows, "category")],
        "by_funding_source": [
            _line(k, str(sources.get(k, k)), a, e, n) for k, a, e, n in _grouped(rows, "funding_source")
        ],
        "by_recipient_kind": [
            _line(k, str(kinds.get(k, k)) if k else str(none_label), a, e, n)
            for k, a, e, n in _grouped(rows, "recipient_kind")
        ],
        "by_district": [
            _line(k, districts.get(k, k) if k else str(none_label), a, e, n)
            for k, a, e, n in _grouped(rows, "district")
        ],
        "by_year": [_line(y, str(y), a, e, n) for y, a, e, n in years],
    }


def _is_korean() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "ko").startswith("ko")


# --- For other domains -----------------------------------------------------------------------------


def budget_item_link_targets(ids: Iterable[int]) -> dict[int, LinkTarget]:
    """``{id: LinkTarget}`` of the budget items that exist (all are public), for the link registry."""
    return {
        item.pk: LinkTarget(
            id=item.pk,
            title=f"{item.fiscal_year} {item.title}",
            path=f"/budget/items/{item.pk}",
            organisation_ids=(item.recipient_id,) if item.recipient_id else (),
        )
        for item in BudgetItem.objects.filter(pk__in=list(ids)).only("id", "title", "fiscal_year", "recipient_id")
    }


def budget_item_link_find(title: str) -> int | None:
    """The id of the (newest) item titled exactly ``title``, or None."""
    return BudgetItem.objects.filter(title=title).order_by("-fiscal_year", "-id").values_list("pk", flat=True).first()
