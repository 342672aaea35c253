"""Budget rows the permission rows act on: a programme, an approved 2015 item granted to
organisation A that funds the fair, with one execution (``execution_a``) and one amendment."""

from datetime import date
from unittest import mock

from api.budget import services
from tests.budget import factories

ORDER = 40


def build(world) -> None:
    # Made through the services (so the totals and the ledger are real) but without audit entries:
    # other domains' tests count the audit log of the shared world.
    with mock.patch("api.budget.services.audit_record"):
        _build(world)


def _build(world) -> None:
    coordinator = world.user("coordinator")
    world.budget_programme = factories.programme(
        code="market-development", name="판로 개척 지원", name_en="Market development"
    )
    world.budget_item = factories.item(
        actor=coordinator,
        programme_id=world.budget_programme.pk,
        title="2015 한마당 운영",
        category="event",
        recipient_id=world.enterprise_a.pk,
        event_ids=[world.fair.pk],
    )
    world.execution_a = services.budget_execution_create(
        item_id=world.budget_item.pk,
        actor=coordinator,
        executed_on=date(2015, 6, 13),
        amount=1_000_000,
        payee="운영사무국",
    )
    services.budget_amendment_create(item=world.budget_item, actor=coordinator, new_amount=12_000_000, reason="추경")
    world.budget_programme_id = world.budget_programme.pk
    world.budget_item_id = world.budget_item.pk
    world.execution_a_id = world.execution_a.pk
