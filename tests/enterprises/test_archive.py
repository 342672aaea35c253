"""Archive (soft delete) of organisations and products: nothing is lost, everything is recorded."""

import pytest

from api.audit.models import AuditEntry
from api.enterprises import services
from api.enterprises.models import Enterprise, Membership, Product
from tests.enterprises.factories import EnterpriseFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _entries(target):
    return list(
        AuditEntry.objects.filter(object_type=target._meta.label_lower, object_id=str(target.pk)).order_by("id")
    )


def test_archiving_an_organisation_keeps_everything_and_hides_it(world):
    a = world.enterprise_a
    response = world.client("coordinator").delete(f"/api/v1/enterprises/{a.slug}/?reason=해산 총회 의결")
    assert response.status_code == 204
    a.refresh_from_db()
    assert (
        a.archived_at is not None
        and a.archived_by == world.user("coordinator")
        and a.archive_reason == "해산 총회 의결"
    )
    # Nothing deleted: products, members, booth applications and links are all still there.
    assert Product.objects.filter(enterprise=a).count() == 2
    assert Membership.objects.filter(enterprise=a).count() == 2

    for role in ("anonymous", "citizen", "member_a"):
        client = world.client(role)
        assert client.get(f"/api/v1/enterprises/{a.slug}/").status_code == 404, role
        assert a.slug not in [e["slug"] for e in client.get("/api/v1/enterprises/?page_size=100").data["results"]]
        assert client.get("/api/v1/enterprises/?search=위캔").data["count"] == 0
        assert client.get(f"/api/v1/products/{world.product_a_id}/").status_code == 404
        assert client.get("/api/v1/products/?search=쿠키").data["count"] == 0
        assert client.get(f"/api/v1/enterprises/{a.slug}/calendar.ics").status_code == 404
        assert "위캔쿠키" not in client.get("/api/v1/enterprises/export/").getvalue().decode()
    # Its owner lost the rights their role gave.
    assert world.client("member_a").patch(f"/api/v1/products/{world.product_a_id}/", {"price": 1}).status_code == 404

    stats = world.client("anonymous").get("/api/v1/stats/").data
    assert stats["organisations"] == 1 and stats["products"] == 1  # only B and its product are counted

    coordinator = world.client("coordinator")
    assert coordinator.get(f"/api/v1/enterprises/{a.slug}/").data["archive_reason"] == "해산 총회 의결"
    assert a.slug not in [e["slug"] for e in coordinator.get("/api/v1/enterprises/?page_size=100").data["results"]]
    archived = coordinator.get("/api/v1/enterprises/?archived=true&page_size=100").data["results"]
    assert sorted(e["slug"] for e in archived) == ["closed-coop", "wecan-cookie"]
    assert coordinator.delete(f"/api/v1/enterprises/{a.slug}/").data["code"] == "already_archived"

    restored = coordinator.post(f"/api/v1/enterprises/{a.slug}/restore/", {"reason": "의결 취소"}, format="json")
    assert restored.status_code == 200 and restored.data["archived_at"] is None
    assert world.client("anonymous").get(f"/api/v1/enterprises/{a.slug}/").data["product_count"] == 1
    assert coordinator.post(f"/api/v1/enterprises/{a.slug}/restore/").data["code"] == "not_archived"

    archive, restore = [e for e in _entries(a) if e.action in ("archive", "restore")]
    assert archive.reason == "해산 총회 의결" and archive.actor == world.user("coordinator")
    assert archive.changes["archived_at"][0] is None and archive.changes["archived_at"][1]
    assert restore.reason == "의결 취소" and restore.changes["archived_at"][1] is None


def test_a_too_long_reason_is_refused_and_nothing_archived(world):
    response = world.client("coordinator").delete(f"/api/v1/enterprises/{world.enterprise_a_slug}/?reason={'가' * 501}")
    assert response.status_code == 400 and response.data["errors"][0]["field"] == "reason"
    assert Enterprise.objects.get(pk=world.enterprise_a.pk).archived_at is None
    assert not AuditEntry.objects.exists()


def test_archiving_a_product_hides_it_and_a_coordinator_restores_it(world):
    response = world.client("member_a").delete(f"/api/v1/products/{world.product_a_id}/")
    assert response.status_code == 204
    anonymous = world.client("anonymous")
    assert anonymous.get(f"/api/v1/products/{world.product_a_id}/").status_code == 404
    assert anonymous.get(f"/api/v1/enterprises/{world.enterprise_a_slug}/").data["product_count"] == 0
    assert anonymous.get(f"/api/v1/enterprises/{world.enterprise_a_slug}/products/").data["count"] == 0
    assert anonymous.get("/api/v1/enterprises/?has_products=true").data["count"] == 1  # only B
    assert world.client("member_a").post(f"/api/v1/products/{world.product_a_id}/restore/").status_code == 403
    restored = world.client("coordinator").post(f"/api/v1/products/{world.product_a_id}/restore/")
    assert restored.status_code == 200 and restored.data["archived_at"] is None
    assert anonymous.get(f"/api/v1/products/{world.product_a_id}/").status_code == 200


def test_every_change_of_an_organisation_is_recorded_with_old_and_new_values(world):
    owner, coordinator = world.user("member_a"), world.user("coordinator")
    created = services.enterprise_create(
        user=owner, name="햇살마을", kind="cooperative", district="deogyang", tags=["로컬푸드"]
    )
    services.enterprise_update(
        enterprise=created, employees_total=6, name="햇살마을", tags=["로컬푸드", "밥상"], actor=owner
    )
    services.enterprise_set_verification(enterprise=created, user=coordinator, verified=True)
    services.enterprise_set_verification(enterprise=created, user=coordinator, verified=False)
    create, update, verify, reject = _entries(created)

    assert (create.action, create.actor, create.object_label) == ("create", owner, "햇살마을")
    assert create.changes["name"] == [None, "햇살마을"] and create.changes["tags"] == [None, ["로컬푸드"]]
    assert create.changes["verification_status"] == [None, "pending"]
    assert "name_en" not in create.changes  # empty fields are not news
    assert update.changes == {"employees_total": [0, 6], "tags": [["로컬푸드"], ["로컬푸드", "밥상"]]}
    assert verify.action == "verify" and verify.changes["verification_status"] == ["pending", "verified"]
    assert reject.action == "reject" and reject.changes["verification_status"] == ["verified", "rejected"]
    assert reject.actor_label == "조정자"
    owner_entry = AuditEntry.objects.get(object_type="enterprises.membership", object_label="가나다 회원 @ 햇살마을")
    assert owner_entry.action == "create" and owner_entry.changes["role"] == [None, "owner"]

    # The owner's membership made at creation is the organisation's; adding, changing and removing
    # members are each recorded.
    client = world.client("member_a")
    slug = world.enterprise_a_slug
    added = client.post(
        f"/api/v1/enterprises/{slug}/members/", {"email": "citizen@example.com", "role": "editor"}, format="json"
    )
    client.post(
        f"/api/v1/enterprises/{slug}/members/", {"email": "citizen@example.com", "role": "owner"}, format="json"
    )
    client.delete(f"/api/v1/enterprises/{slug}/members/{added.data['id']}/")
    entries = AuditEntry.objects.filter(object_type="enterprises.membership", object_id=str(added.data["id"]))
    assert [(e.action, e.changes) for e in entries.order_by("id")] == [
        ("create", {"user": [None, "김시민"], "enterprise": [None, "위캔쿠키"], "role": [None, "editor"]}),
        ("update", {"role": ["editor", "owner"]}),
        ("delete", {"user": ["김시민", None], "enterprise": ["위캔쿠키", None], "role": ["owner", None]}),
    ]
    assert entries.first().object_label == "김시민 @ 위캔쿠키" and entries.first().actor == owner


def test_product_changes_are_recorded(world):
    enterprise = EnterpriseFactory(name="위캔")
    coordinator = world.user("coordinator")
    product = services.product_create(actor=coordinator, enterprise=enterprise, name="쿠키", price=1000)
    services.product_update(product=product, price=1200, is_available=False, actor=None)
    services.product_update(product=product, price=1200, actor=None)  # no change, still an entry
    create, update, unchanged = _entries(product)
    assert create.changes["price"] == [None, 1000] and create.changes["enterprise"] == [None, "위캔"]
    assert update.changes == {"price": [1000, 1200], "is_available": [True, False]}
    assert create.actor == coordinator and create.actor_label == "조정자"
    assert unchanged.changes == {} and unchanged.actor is None and unchanged.actor_label == ""  # a system change


def test_archived_products_of_an_archived_organisation_stay_hidden_after_a_product_restore():
    enterprise = EnterpriseFactory()
    product = ProductFactory(enterprise=enterprise)
    services.enterprise_archive(enterprise=enterprise, actor=None)
    services.product_archive(product=product, actor=None)
    services.product_restore(product=product, actor=None)
    from api.enterprises.selectors import product_list

    assert not product_list(user=None).filter(pk=product.pk).exists()
