"""Statistics and progress against the city's targets."""

from datetime import date

import pytest

from api.enterprises.models import VerificationStatus
from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


# The board's section of the answer (api/common/stats.py registry): three aggregate queries.
BOARD_QUERIES = 3


def test_stats_counts_and_progress(world, anon_client, django_assert_max_num_queries):
    EnterpriseFactory(
        name="2016년 설립",
        kind="village",
        district="ilsanseo",
        founded_on=date(2016, 3, 1),
        employees_total=10,
        employees_vulnerable=0,
    )
    EnterpriseFactory(name="폐업", status="closed", employees_total=9, employees_vulnerable=0)
    # A cold read (no cached response): targets, one grouped aggregate, product totals (≤ 4), and the
    # sections other domains add (the board's).
    with django_assert_max_num_queries(4 + BOARD_QUERIES):
        response = anon_client.get("/api/v1/stats/")
    assert response.status_code == 200
    body = response.json()
    # A (58/40), B (5/2), the 2016 one (10/0); pending and closed ones are not counted.
    assert body["organisations"] == 3
    assert body["employees_total"] == 73 and body["employees_vulnerable"] == 42
    by_kind = {b["code"]: b["organisations"] for b in body["by_kind"]}
    assert by_kind == {
        "village": 1,
        "social": 1,
        "pre_social": 0,
        "incubated": 0,
        "cooperative": 1,
        "social_cooperative": 0,
        "self_sufficiency": 0,
    }
    assert {b["code"]: b["organisations"] for b in body["by_district"]} == {
        "deogyang": 1,
        "ilsandong": 1,
        "ilsanseo": 1,
    }
    assert body["by_kind"][0]["label"] == "마을기업"
    assert body["products"] == 2 and body["organisations_with_products"] == 2
    (progress,) = body["progress"]
    # In 2015 the 2016 organisation did not exist yet.
    assert progress == {
        "year": 2015,
        "organisations_target": 200,
        "organisations": 2,
        "organisations_percent": 1.0,
        "jobs_target": 1000,
        "jobs": 63,
        "jobs_percent": 6.3,
        "note": "",
    }


def test_query_count_does_not_grow_with_targets(world, anon_client, django_assert_max_num_queries):
    for year in range(2016, 2026):
        world.client("coordinator").post(
            "/api/v1/stats/targets/", {"year": year, "organisations": 200, "jobs": 1000}, format="json"
        )
    with django_assert_max_num_queries(6 + BOARD_QUERIES):
        body = anon_client.get("/api/v1/stats/").json()
    assert len(body["progress"]) == 11


def test_verification_changes_the_count(world, anon_client):
    before = anon_client.get("/api/v1/stats/").json()["organisations"]
    world.client("coordinator").post(f"/api/v1/enterprises/{world.enterprise_pending.slug}/verify/")
    assert anon_client.get("/api/v1/stats/").json()["organisations"] == before + 1
    world.enterprise_pending.refresh_from_db()
    assert world.enterprise_pending.verification_status == VerificationStatus.VERIFIED


def test_targets_rules(world):
    coordinator = world.client("coordinator")
    duplicate = coordinator.post("/api/v1/stats/targets/", {"year": 2015, "organisations": 1, "jobs": 1}, format="json")
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "duplicate_year"
    bad = coordinator.post("/api/v1/stats/targets/", {"year": 1800, "organisations": -1, "jobs": 1}, format="json")
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"year", "organisations"}
    changed = coordinator.patch("/api/v1/stats/targets/2015/", {"jobs": 1200}, format="json")
    assert changed.status_code == 200 and changed.json()["jobs"] == 1200
