"""The budget over HTTP: bad input is a 4xx naming the problem with nothing written, DELETE is 405,
lists are bounded in queries, filters and the summary."""

import pytest

from api.audit.services import audit_public_types
from api.budget.models import BudgetExecution, BudgetItem, BudgetLedgerEntry
from api.common.linking import link_kind
from tests.budget import factories


def _written():
    return (BudgetItem.objects.count(), BudgetExecution.objects.count(), BudgetLedgerEntry.objects.count())


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/budget-items/{item}/",
        "/api/v1/budget/programmes/{programme}/",
        "/api/v1/budget-items/{item}/executions/",
    ],
)
def test_budget_data_is_never_deleted_405(world, path):
    url = path.format(item=world.budget_item_id, programme=world.budget_programme_id)
    response = world.client("coordinator").delete(url)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert "DELETE" not in response["Allow"]
    assert BudgetItem.objects.filter(pk=world.budget_item_id).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": 1.5}, "amount"),
        ({"amount": "1000"}, "amount"),
        ({"amount": -1000}, "amount"),
        ({"amount": 0}, "amount"),
        ({"amount": 1e3}, "amount"),
        ({"amount": 10**20}, "amount"),
        ({"amount": 100, "executed_on": "2015-13-01"}, "executed_on"),
    ],
)
def test_bad_execution_amounts_are_400_naming_the_field(world, body, field):
    before = _written()
    payload = {"executed_on": "2015-07-01", **body}
    response = world.client("coordinator").post(
        f"/api/v1/budget-items/{world.budget_item_id}/executions/", payload, format="json"
    )
    assert response.status_code == 400, response.json()
    assert response.json()["errors"][0]["field"] == field
    assert _written() == before


def test_an_overspend_is_409_with_the_remaining_amount(world):
    client = world.client("coordinator")
    # 12,000,000 allocated (amended), 1,000,000 executed.
    before = _written()
    response = client.post(
        f"/api/v1/budget-items/{world.budget_item_id}/executions/",
        {"executed_on": "2015-07-01", "amount": 11_000_001},
        format="json",
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "budget_over_allocation"
    assert "11,000,000" in body["detail"]
    assert _written() == before


def test_amendments_and_reversals_need_a_reason_and_reversals_are_final(world):
    client = world.client("coordinator")
    item = f"/api/v1/budget-items/{world.budget_item_id}/"
    before = _written()
    assert client.post(item + "amendments/", {"new_amount": 20_000_000}, format="json").status_code == 400
    assert (
        client.post(item + "amendments/", {"new_amount": 999_999, "reason": "감액"}, format="json").json()["errors"][0][
            "code"
        ]
        == "amendment_below_executed"
    )
    reverse = f"/api/v1/budget-executions/{world.execution_a_id}/reverse/"
    assert client.post(reverse, {}, format="json").status_code == 400
    assert client.post(reverse, {"reason": ""}, format="json").status_code == 400
    assert _written() == before
    reversal = client.post(reverse, {"reason": "중복 입력"}, format="json").json()
    assert reversal["amount"] == -1_000_000 and reversal["reverses"] == world.execution_a_id
    again = client.post(f"/api/v1/budget-executions/{reversal['id']}/reverse/", {"reason": "x"}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "budget_reversal_not_reversible"
    detail = client.get(item).json()
    assert detail["executed_amount"] == 0
    assert [e["reversed_by"] for e in detail["executions"]] == [reversal["id"], None]


def test_bad_item_input_is_400(world):
    client = world.client("coordinator")
    base = {
        "fiscal_year": 2015,
        "programme_id": world.budget_programme_id,
        "category": "grant",
        "funding_source": "city",
        "title": "항목",
        "allocated_amount": 100,
    }
    before = _written()
    for change, field in [
        ({"allocated_amount": 10.5}, "allocated_amount"),
        ({"allocated_amount": -1}, "allocated_amount"),
        ({"funding_source": "lottery"}, "funding_source"),
        ({"fiscal_year": 1999}, "fiscal_year"),
        ({"recipient_id": 10**6}, "recipient_id"),
        ({"status": "completed"}, "status"),
    ]:
        response = client.post("/api/v1/budget-items/", {**base, **change}, format="json")
        assert response.status_code == 400, (change, response.json())
        assert response.json()["errors"][0]["field"] == field
    assert _written() == before


def test_the_list_filters_by_year_and_recipient_id_or_slug(world, anon_client):
    factories.item(actor=world.user("coordinator"), fiscal_year=2016, recipient_id=world.enterprise_b.pk)

    def ids(query):
        return [row["id"] for row in anon_client.get(f"/api/v1/budget-items/?{query}").json()["results"]]

    assert ids(f"recipient={world.enterprise_a.slug}") == [world.budget_item_id]
    assert ids(f"recipient={world.enterprise_a.pk}") == [world.budget_item_id]
    assert ids("fiscal_year=2015") == [world.budget_item_id]
    assert ids(f"event={world.fair.pk}") == [world.budget_item_id]
    assert anon_client.get("/api/v1/budget-items/?fiscal_year=15.5").status_code == 400


def test_list_and_ledger_queries_do_not_grow_with_the_page(world, anon_client, django_assert_max_num_queries):
    coordinator = world.user("coordinator")
    for n in range(25):
        item = factories.item(actor=coordinator, recipient_id=world.enterprise_b.pk, event_ids=[world.fair.pk])
        factories.execute(actor=coordinator, item=item, amount=n + 1)
    with django_assert_max_num_queries(8):
        assert len(anon_client.get("/api/v1/budget-items/?page_size=100").json()["results"]) == 26
    with django_assert_max_num_queries(6):
        assert len(anon_client.get("/api/v1/budget/ledger/?page_size=100").json()["results"]) > 50
    with django_assert_max_num_queries(8):
        anon_client.get("/api/v1/budget/summary/")
    with django_assert_max_num_queries(12):
        anon_client.get(f"/api/v1/budget-items/{item.pk}/")


def test_summary_by_programme_source_kind_district_and_year(world, anon_client):
    coordinator = world.user("coordinator")
    other = factories.item(actor=coordinator, fiscal_year=2015, funding_source="national", allocated_amount=8_000_000)
    factories.execute(actor=coordinator, item=other, amount=2_000_000)
    factories.item(actor=coordinator, fiscal_year=2014, allocated_amount=5_000_000)
    body = anon_client.get("/api/v1/budget/summary/?year=2015").json()
    assert body["total"]["allocated"] == 20_000_000
    assert body["total"]["executed"] == 3_000_000
    assert body["total"]["remaining"] == 17_000_000
    assert body["total"]["execution_rate"] == 0.15
    sources = {line["key"]: line["allocated"] for line in body["by_funding_source"]}
    assert sources == {"city": 12_000_000, "national": 8_000_000}
    kinds = {line["key"]: line["executed"] for line in body["by_recipient_kind"]}
    assert kinds == {"": 2_000_000, world.enterprise_a.kind: 1_000_000}
    districts = {line["key"] for line in body["by_district"]}
    assert districts == {"", world.enterprise_a.district}
    assert [line["key"] for line in body["by_year"]] == [2014, 2015]
    assert body["years"] == [2014, 2015]
    assert anon_client.get("/api/v1/budget/summary/?year=20x5").status_code == 400


def test_a_change_through_the_api_appears_in_the_public_history(world, anon_client):
    client = world.client("coordinator")
    client.patch(f"/api/v1/budget-items/{world.budget_item_id}/", {"title": "한마당 운영비"}, format="json")
    history = anon_client.get(f"/api/v1/budget-items/{world.budget_item_id}/history/").json()["results"]
    assert [entry["kind"] for entry in history] == ["create", "execute", "amend", "update"]
    assert history[-1]["data"]["changes"]["title"] == ["2015 한마당 운영", "한마당 운영비"]
    assert history[-1]["data"]["actor"] == "조정자"
    assert "email" not in str(history)


def test_registered_as_public_audit_types_and_as_a_link_kind(world):
    assert {"budget.budgetitem", "budget.budgetexecution", "budget.budgetamendment"} <= audit_public_types()
    kind = link_kind("budget_item")
    assert kind is not None
    targets = kind.resolve([world.budget_item_id, 10**9])
    assert list(targets) == [world.budget_item_id]
    target = targets[world.budget_item_id]
    assert target.path == f"/budget/items/{world.budget_item_id}"
    assert target.organisation_ids == (world.enterprise_a.pk,)
    assert kind.find is not None and kind.find("2015 한마당 운영") == world.budget_item_id
