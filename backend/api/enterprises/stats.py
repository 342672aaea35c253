"""Progress of the city's social economy against its targets, computed by aggregate queries.

Counted: active, verified organisations. For a target year, an organisation counts when it was
founded by the end of that year (or its founding date is unknown) and its employees count as jobs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    EnterpriseStatus,
    Product,
    ProgressTarget,
    Sector,
)
from api.enterprises.selectors import public_q
from api.enterprises.serializers import district_label


def _counted() -> Any:
    return Enterprise.objects.filter(public_q(), status=EnterpriseStatus.ACTIVE)


_NUMBERS = ("n_organisations", "n_employees", "n_vulnerable")


def _sum_by(groups: list[dict[str, Any]], field: str, keys: Sequence[str]) -> dict[Any, dict[str, int]]:
    """``{value of field: {key: sum over the groups with that value}}``."""
    out: dict[Any, dict[str, int]] = {}
    for group in groups:
        row = out.setdefault(group[field], dict.fromkeys(keys, 0))
        for key in keys:
            row[key] += group[key]
    return out


def _buckets(rows: dict[Any, dict[str, int]], choices: Sequence[tuple[str, Any]]) -> list[dict[str, Any]]:
    rows = dict(rows)
    out = []
    for code, label in choices:
        row = rows.pop(code, None) or dict.fromkeys(_NUMBERS, 0)
        out.append(
            {
                "code": code,
                "label": str(label),
                **_bucket_numbers(row),
            }
        )
    for code, row in sorted(rows.items()):  # values no longer configured (e.g. a district renamed)
        out.append(
            {
                "code": code,
                "label": code,
                **_bucket_numbers(row),
            }
        )
    return out


def _bucket_numbers(row: dict[str, Any]) -> dict[str, int]:
    return {
        "organisations": row["n_organisations"],
        "employees_total": row["n_employees"],
        "employees_vulnerable": row["n_vulnerable"],
    }


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def directory_stats() -> dict[str, Any]:
    """Totals, counts by kind, district and sector, and progress against each year's target, in
    three queries (targets, one grouped aggregate of the organisations, product totals)."""
    targets = list(ProgressTarget.objects.order_by("year"))
    aggregates: dict[str, Any] = {
        "n_organisations": Count("id"),
        "n_employees": Coalesce(Sum("employees_total"), 0),
        "n_vulnerable": Coalesce(Sum("employees_vulnerable"), 0),
    }
    # One query for every target year: conditional aggregates, one pair per year.
    for target in targets:
        by_year_end = Q(founded_on__isnull=True) | Q(founded_on__lte=date(target.year, 12, 31))
        aggregates[f"orgs_{target.year}"] = Count("id", filter=by_year_end)
        aggregates[f"jobs_{target.year}"] = Coalesce(Sum("employees_total", filter=by_year_end), 0)
    # One grouped query gives every figure: the groups (kind × district × sector, a few hundred rows
    # at most) are summed into the totals and the three breakdowns here.
    groups = list(_counted().order_by().values("kind", "district", "sector").annotate(**aggregates))
    keys = list(aggregates)
    totals = dict.fromkeys(keys, 0)
    for group in groups:
        for key in keys:
            totals[key] += group[key]
    product_totals = Product.objects.filter(
        public_q("enterprise__"), enterprise__status=EnterpriseStatus.ACTIVE, archived_at__isnull=True
    ).aggregate(products=Count("id"), organisations_with_products=Count("enterprise_id", distinct=True))
    progress = [
        {
            "year": t.year,
            "organisations_target": t.organisations,
            "organisations": totals[f"orgs_{t.year}"],
            "organisations_percent": _percent(totals[f"orgs_{t.year}"], t.organisations),
            "jobs_target": t.jobs,
            "jobs": totals[f"jobs_{t.year}"],
            "jobs_percent": _percent(totals[f"jobs_{t.year}"], t.jobs),
            "note": t.note,
        }
        for t in targets
    ]
    districts = [(code, district_label(code)) for code, _ko, _en in settings.SEHUB_DISTRICTS]
    return {
        "organisations": totals["n_organisations"],
        "employees_total": totals["n_employees"],
        "employees_vulnerable": totals["n_vulnerable"],
        "organisations_with_products": product_totals["organisations_with_products"],
        "products": product_totals["products"],
        "by_kind": _buckets(_sum_by(groups, "kind", _NUMBERS), EnterpriseKind.choices),
        "by_district": _buckets(_sum_by(groups, "district", _NUMBERS), districts),
        "by_sector": _buckets(_sum_by(groups, "sector", _NUMBERS), Sector.choices),
        "progress": progress,
    }
