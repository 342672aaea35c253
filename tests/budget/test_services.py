"""The budget's rules, each proven with nothing written when refused."""

from datetime import date

import pytest
from rest_framework.exceptions import ValidationError

from api.budget import services
from api.budget.ledger import ledger_verify
from api.budget.models import BudgetExecution, BudgetItem, BudgetLedgerEntry, BudgetTotal
from api.common.errors import ConflictError
from tests.budget import factories


def _counts():
    return (
        BudgetExecution.objects.count(),
        BudgetLedgerEntry.objects.count(),
        list(BudgetTotal.objects.values_list("allocated", "executed", "item_count")),
        list(BudgetItem.objects.values_list("allocated_amount", "executed_amount", "status")),
    )


@pytest.fixture
def item(coordinator):
    return factories.item(actor=coordinator, allocated_amount=1_000_000)


def test_an_execution_above_what_remains_is_409_naming_the_remaining_amount(coordinator, item):
    factories.execute(actor=coordinator, item=item, amount=700_000)
    before = _counts()
    with pytest.raises(ConflictError) as caught:
        factories.execute(actor=coordinator, item=item, amount=300_001)
    assert caught.value.get_codes() == "budget_over_allocation"
    assert "300,000" in str(caught.value.detail)
    assert _counts() == before
    factories.execute(actor=coordinator, item=item, amount=300_000)
    item.refresh_from_db()
    assert item.executed_amount == item.allocated_amount


@pytest.mark.parametrize("amount", [0, -5, 1.5, "100", True])
def test_amounts_are_whole_won_above_zero(coordinator, item, amount):
    before = _counts()
    with pytest.raises(ValidationError):
        services.budget_execution_create(
            item_id=item.pk, actor=coordinator, executed_on=date(2015, 1, 1), amount=amount
        )
    assert _counts() == before


def test_a_reversal_points_to_the_execution_gives_the_money_back_and_is_final(coordinator, item):
    paid = factories.execute(actor=coordinator, item=item, amount=400_000)
    reversal = services.budget_execution_reverse(execution=paid, actor=coordinator, reason="중복 입력")
    assert reversal.reverses_id == paid.pk and reversal.amount == -400_000
    item.refresh_from_db()
    assert item.executed_amount == 0
    before = _counts()
    with pytest.raises(ConflictError) as twice:
        services.budget_execution_reverse(execution=paid, actor=coordinator, reason="또")
    assert twice.value.get_codes() == "budget_execution_already_reversed"
    with pytest.raises(ConflictError) as of_reversal:
        services.budget_execution_reverse(execution=reversal, actor=coordinator, reason="되돌리기")
    assert of_reversal.value.get_codes() == "budget_reversal_not_reversible"
    with pytest.raises(ValidationError):
        services.budget_execution_reverse(execution=paid, actor=coordinator, reason="  ")
    assert _counts() == before


def test_an_amendment_needs_a_reason_and_never_drops_below_what_is_executed(coordinator, item):
    factories.execute(actor=coordinator, item=item, amount=600_000)
    before = _counts()
    with pytest.raises(ValidationError) as below:
        services.budget_amendment_create(item=item, actor=coordinator, new_amount=599_999, reason="감액")
    assert "600,000" in str(below.value.detail)
    with pytest.raises(ValidationError):
        services.budget_amendment_create(item=item, actor=coordinator, new_amount=900_000, reason="")
    assert _counts() == before
    amendment = services.budget_amendment_create(item=item, actor=coordinator, new_amount=600_000, reason="감액")
    assert (amendment.old_amount, amendment.new_amount) == (1_000_000, 600_000)
    item.refresh_from_db()
    assert item.remaining_amount == 0


def test_nothing_changes_on_a_cancelled_item(coordinator, item):
    paid = factories.execute(actor=coordinator, item=item, amount=100_000)
    with pytest.raises(ConflictError) as executed:
        services.budget_item_set_status(item=item, actor=coordinator, status="cancelled", reason="통합")
    assert executed.value.get_codes() == "budget_item_has_executions"
    services.budget_execution_reverse(execution=paid, actor=coordinator, reason="잘못 집행")
    with pytest.raises(ValidationError):
        services.budget_item_set_status(item=item, actor=coordinator, status="cancelled", reason="")
    services.budget_item_set_status(item=item, actor=coordinator, status="cancelled", reason="사업 통합")
    before = _counts()
    attempts = [
        lambda: factories.execute(actor=coordinator, item=item, amount=1),
        lambda: services.budget_amendment_create(item=item, actor=coordinator, new_amount=5, reason="x"),
        lambda: services.budget_item_update(item=item, actor=coordinator, title="새 이름"),
        lambda: services.budget_item_set_status(item=item, actor=coordinator, status="approved"),
        lambda: services.budget_evidence_add(item=item, actor=coordinator, kind="report", title="t", url="https://a.b"),
    ]
    for attempt in attempts:
        with pytest.raises(ConflictError) as caught:
            attempt()
        assert caught.value.get_codes() == "budget_item_cancelled"
    assert _counts() == before
    # A cancelled item leaves the totals.
    assert sum(BudgetTotal.objects.values_list("allocated", flat=True)) == 0


def test_status_transitions(coordinator):
    item = factories.item(actor=coordinator, status="planned")
    with pytest.raises(ConflictError) as not_approved:
        factories.execute(actor=coordinator, item=item, amount=1)
    assert not_approved.value.get_codes() == "budget_item_not_approved"
    with pytest.raises(ConflictError) as jump:
        services.budget_item_set_status(item=item, actor=coordinator, status="completed")
    assert jump.value.get_codes() == "budget_status_transition_invalid"
    for status in ("approved", "in_progress", "completed"):
        services.budget_item_set_status(item=item, actor=coordinator, status=status)
    with pytest.raises(ConflictError) as completed:
        factories.execute(actor=coordinator, item=item, amount=1)
    assert completed.value.get_codes() == "budget_item_completed"


def test_every_kind_of_change_is_a_ledger_entry_and_the_chain_is_intact(coordinator, world):
    item = factories.item(actor=coordinator, programme_id=world.budget_programme_id, recipient_id=world.enterprise_b.pk)
    paid = factories.execute(actor=coordinator, item=item, amount=10)
    services.budget_execution_reverse(execution=paid, actor=coordinator, reason="오류")
    services.budget_amendment_create(item=item, actor=coordinator, new_amount=20_000_000, reason="추경")
    services.budget_item_update(item=item, actor=coordinator, title="새 이름", event_ids=[world.fair.pk])
    services.budget_evidence_add(item=item, actor=coordinator, kind="contract", title="계약서", url="https://a.b/c")
    services.budget_item_set_status(item=item, actor=coordinator, status="in_progress")
    kinds = list(BudgetLedgerEntry.objects.filter(item=item).values_list("kind", flat=True))
    assert kinds == ["create", "execute", "reverse", "amend", "update", "evidence", "status"]
    update = BudgetLedgerEntry.objects.get(item=item, kind="update")
    assert update.data["changes"]["title"] == ["판로 개척 지원 사업", "새 이름"]
    assert update.data["changes"]["event_ids"] == [[], [world.fair.pk]]
    result = ledger_verify()
    assert result.intact and result.first_break is None
    assert result.entries == BudgetLedgerEntry.objects.count()
    assert result.head == BudgetLedgerEntry.objects.order_by("-id").first().hash


def test_unknown_recipient_event_or_programme_are_400_naming_the_field(coordinator, world):
    cases = [
        ({"recipient_id": 999_999}, "recipient_id"),
        ({"event_ids": [world.fair.pk, 999_999]}, "event_ids"),
        ({"programme_id": 999_999}, "programme_id"),
    ]
    for extra, field in cases:
        with pytest.raises(ValidationError) as caught:
            factories.item(actor=coordinator, **extra)
        assert field in caught.value.detail
    assert not BudgetItem.objects.filter(title="판로 개척 지원 사업").exists()


def test_a_reclassified_item_moves_its_amounts_between_groups(coordinator, world):
    item = factories.item(actor=coordinator, allocated_amount=500)
    factories.execute(actor=coordinator, item=item, amount=200)
    services.budget_item_update(item=item, actor=coordinator, category="grant", recipient_id=world.enterprise_b.pk)
    rows = {
        (row.category, row.district): (row.allocated, row.executed, row.item_count)
        for row in BudgetTotal.objects.filter(programme_id=item.programme_id)
    }
    assert rows[("project", "")] == (0, 0, 0)
    assert rows[("grant", world.enterprise_b.district)] == (500, 200, 1)
