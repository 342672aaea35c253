import pytest

from api.events import notifications as NotificationKind
from api.events.models import BoothApplication, BoothApplicationStatus
from api.notifications.models import Notification
from tests.enterprises.factories import EnterpriseFactory, MembershipFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _apply(world, client, enterprise, products=()):
    return client.post(
        f"/api/v1/events/{world.fair_id}/booth-applications/",
        {"category_id": world.fair_food_id, "enterprise_id": enterprise.pk, "product_ids": [p.pk for p in products]},
        format="json",
    )


def test_accept_until_full_then_waitlist_and_promote_on_withdrawal(world):
    coordinator = world.client("coordinator")
    extra = EnterpriseFactory(slug="third-coop", name="세번째협동조합")
    MembershipFactory(enterprise=extra, user=world.user("member_b"))
    ids = [
        _apply(world, world.client("member_a"), world.enterprise_a, [world.product_a]).data["id"],
        _apply(world, world.client("member_b"), world.enterprise_b, [world.product_b]).data["id"],
        _apply(world, world.client("member_b"), extra).data["id"],
    ]
    statuses = [coordinator.post(f"/api/v1/booth-applications/{i}/accept/").data["status"] for i in ids]
    assert statuses == ["accepted", "accepted", "waitlisted"]
    again = coordinator.post(f"/api/v1/booth-applications/{ids[0]}/accept/")
    assert again.status_code == 409 and again.data["code"] == "booth_application_not_pending"

    withdrawn = world.client("member_b").post(f"/api/v1/booth-applications/{ids[1]}/withdraw/")
    assert withdrawn.status_code == 200 and withdrawn.data["status"] == "withdrawn"
    assert BoothApplication.objects.get(pk=ids[2]).status == BoothApplicationStatus.ACCEPTED
    assert Notification.objects.filter(
        user=world.user("member_b"), kind=NotificationKind.BOOTH_APPLICATION_DECIDED
    ).exists()

    detail = world.client("anonymous").get(f"/api/v1/events/{world.fair_id}/").data
    assert [(x["enterprise"]["slug"], [p["name"] for p in x["products"]]) for x in detail["exhibitors"]] == [
        ("third-coop", []),
        ("wecan-cookie", ["수제 쿠키 세트"]),
    ] or sorted(x["enterprise"]["slug"] for x in detail["exhibitors"]) == ["third-coop", "wecan-cookie"]
    category = detail["booth_categories"][0]
    assert (category["booths"], category["accepted_count"], category["booths_left"]) == (2, 2, 0)


def test_public_page_lists_accepted_exhibitors_with_products(world):
    application = _apply(world, world.client("member_a"), world.enterprise_a, [world.product_a]).data
    before = world.client("anonymous").get(f"/api/v1/events/{world.fair_id}/").data
    assert before["exhibitors"] == []
    world.client("coordinator").post(f"/api/v1/booth-applications/{application['id']}/accept/")
    after = world.client("anonymous").get(f"/api/v1/events/{world.fair_id}/").data
    assert after["exhibitors"][0]["enterprise"]["name"] == "위캔쿠키"
    assert after["exhibitors"][0]["products"][0]["name"] == "수제 쿠키 세트"
    assert after["exhibitors"][0]["category"] == "food"


def test_decline_needs_a_reason_and_is_told_to_the_applicant(world, django_capture_on_commit_callbacks):
    coordinator = world.client("coordinator")
    url = f"/api/v1/booth-applications/{world.booth_application_b_id}/decline/"
    missing = coordinator.post(url, {}, format="json")
    assert missing.status_code == 400 and missing.data["errors"][0]["field"] == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, {"reason": "구역이 찼습니다"}, format="json")
    assert response.status_code == 200
    assert response.data["status"] == "declined" and response.data["decision_reason"] == "구역이 찼습니다"
    note = Notification.objects.get(user=world.user("member_b"), kind=NotificationKind.BOOTH_APPLICATION_DECIDED)
    assert "구역이 찼습니다" in note.body


def test_products_must_be_the_organisations_own(world):
    response = _apply(world, world.client("member_a"), world.enterprise_a, [world.product_b])
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "product_ids"


def test_one_application_per_organisation_and_event(world):
    assert _apply(world, world.client("member_a"), world.enterprise_a).status_code == 201
    again = _apply(world, world.client("member_a"), world.enterprise_a)
    assert again.status_code == 409 and again.data["code"] == "booth_already_applied"


def test_member_cannot_apply_for_another_organisation(world):
    response = _apply(world, world.client("member_b"), world.enterprise_a)
    assert response.status_code == 403


def test_booths_cannot_drop_below_accepted(world):
    application = _apply(world, world.client("member_a"), world.enterprise_a).data
    world.client("coordinator").post(f"/api/v1/booth-applications/{application['id']}/accept/")
    response = world.client("member_a").patch(
        f"/api/v1/events/{world.fair_id}/booth-categories/{world.fair_food_id}/", {"booths": 0}, format="json"
    )
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "booths"


def test_members_see_only_their_applications(world):
    _apply(world, world.client("member_a"), world.enterprise_a)
    mine = world.client("member_b").get("/api/v1/booth-applications/").data["results"]
    assert {a["enterprise"]["slug"] for a in mine} == {"haengbok-coop"}
    everything = world.client("coordinator").get("/api/v1/booth-applications/").data["results"]
    assert len(everything) == 2
    citizen = world.client("citizen").get(f"/api/v1/events/{world.event_a_id}/booth-applications/").data
    assert citizen["count"] == 0
    product = ProductFactory(enterprise=world.enterprise_a)
    assert product.pk
