import hashlib

import pytest

from api.accounts import demo as accounts_demo
from api.budget import demo
from api.budget.ledger import ledger_verify
from api.budget.models import BudgetAmendment, BudgetExecution, BudgetItem, BudgetLedgerEntry
from api.enterprises import demo as directory_demo
from api.events import demo as events_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_2014_to_2016_idempotently_with_an_intact_ledger(anon_client):
    accounts_demo.load()
    directory_demo.load()
    events_demo.load()
    demo.load()
    count = BudgetItem.objects.count()
    assert demo.load() == "already there"
    assert BudgetItem.objects.count() == count

    assert set(BudgetItem.objects.values_list("fiscal_year", flat=True)) == {2014, 2015, 2016}
    assert BudgetItem.objects.filter(fiscal_year=2015, programme__code="labour-cost").count() == 8
    assert BudgetItem.objects.filter(recipient__isnull=False).exists()
    assert BudgetAmendment.objects.exclude(reason="").exists()
    assert BudgetExecution.objects.filter(kind="reversal").count() == 1
    assert BudgetItem.objects.filter(status="cancelled").exclude(status_reason="").count() == 1
    statuses = set(BudgetItem.objects.values_list("status", flat=True))
    assert {"completed", "in_progress", "approved", "cancelled"} <= statuses
    fair = BudgetItem.objects.get(title="분기별 사회적경제 한마당 운영")
    assert fair.events.count() >= 1
    # One document uploaded as a file, a real PDF, whose stored bytes match its ledger entry.
    (document,) = fair.evidence.exclude(file="")
    data = document.file.read()
    assert data.startswith(b"%PDF-1.4") and data.endswith(b"%%EOF\n")
    entry = BudgetLedgerEntry.objects.get(item=fair, kind="evidence", data__id=document.pk)
    assert entry.data["sha256"] == hashlib.sha256(data).hexdigest() == document.sha256
    assert entry.data["size"] == len(data)

    summary = anon_client.get("/api/v1/budget/summary/?year=2015").json()
    assert len(summary["by_programme"]) == 8
    assert 0 < summary["total"]["execution_rate"] < 1
    assert ledger_verify().intact
