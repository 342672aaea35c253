"""Budget rows for tests, made through the services (so totals and the ledger stay consistent)."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from api.budget import services
from api.budget.models import BudgetItem, BudgetProgramme

_codes = itertools.count(1)


def programme(**kwargs: Any) -> BudgetProgramme:
    number = next(_codes)
    return BudgetProgramme.objects.create(
        code=kwargs.pop("code", f"programme-{number}"), name=kwargs.pop("name", f"사업{number}"), **kwargs
    )


def item(*, actor: Any, allocated_amount: int = 10_000_000, status: str = "approved", **kwargs: Any) -> BudgetItem:
    kwargs.setdefault("fiscal_year", 2015)
    kwargs.setdefault("category", "project")
    kwargs.setdefault("funding_source", "city")
    kwargs.setdefault("title", "판로 개척 지원 사업")
    if "programme_id" not in kwargs:
        kwargs["programme_id"] = programme().pk
    return services.budget_item_create(actor=actor, allocated_amount=allocated_amount, status=status, **kwargs)


def execute(*, actor: Any, item: BudgetItem, amount: int, **kwargs: Any):
    kwargs.setdefault("executed_on", date(2015, 6, 1))
    return services.budget_execution_create(item_id=item.pk, actor=actor, amount=amount, **kwargs)
