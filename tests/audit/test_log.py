"""The audit log itself: append-only in the database, written inside the write's transaction,
read by coordinators with filters and a bounded number of queries."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from api.audit.models import AuditEntry
from api.audit.selectors import audit_public_list
from api.audit.services import audit_record, audit_register_public_type
from api.enterprises import services as directory
from api.enterprises.models import Product
from tests.accounts.factories import CoordinatorFactory, UserFactory
from tests.enterprises.factories import EnterpriseFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _entry() -> AuditEntry:
    enterprise = EnterpriseFactory()
    return audit_record(actor=CoordinatorFactory(), action="update", target=enterprise, changes={"name": ["a", "b"]})


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET reason = 'rewritten'",
        "UPDATE audit_auditentry SET changes = '{}' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
        "DELETE FROM audit_auditentry",
    ],
)
def test_the_database_refuses_to_change_or_remove_an_entry(sql):
    entry = _entry()
    params = [entry.pk] if "%s" in sql else []
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
    entry.refresh_from_db()
    assert entry.reason == "" and entry.changes == {"name": ["a", "b"]}
    assert AuditEntry.objects.count() == 1


def test_the_orm_cannot_change_or_remove_an_entry_either():
    entry = _entry()
    for attempt in (
        lambda: AuditEntry.objects.filter(pk=entry.pk).update(action="create"),
        lambda: AuditEntry.objects.filter(pk=entry.pk).delete(),
        lambda: entry.delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert AuditEntry.objects.get(pk=entry.pk).action == "update"


def test_a_rolled_back_write_leaves_no_entry(monkeypatch):
    product = ProductFactory()

    def fail(**kwargs):
        raise RuntimeError("booth service down")

    # The archive writes its entry, then calls the events domain, which fails: nothing stays.
    monkeypatch.setattr("api.events.services.booth_showcases_remove_product", fail)
    with pytest.raises(RuntimeError):
        directory.product_archive(product=product, actor=CoordinatorFactory(), reason="단종")
    assert not AuditEntry.objects.exists()
    assert Product.objects.get(pk=product.pk).archived_at is None

    with pytest.raises(ZeroDivisionError), transaction.atomic():
        directory.product_update(product=product, data={"price": 1}, actor=None)
        assert AuditEntry.objects.count() == 1
        _ = 1 / 0
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit_record(actor=None, action="update", target=EnterpriseFactory())


def test_public_types_and_the_public_selector():
    enterprise = EnterpriseFactory()
    private = audit_record(actor=None, action="update", target=enterprise)
    explicit = audit_record(actor=None, action="update", target=enterprise, public=True)
    audit_register_public_type("enterprises.product")
    try:
        product_entry = audit_record(actor=None, action="create", target=ProductFactory())
    finally:
        from api.audit import services

        services._PUBLIC_TYPES.discard("enterprises.product")
    assert not private.public and explicit.public and product_entry.public
    assert list(audit_public_list()) == [product_entry, explicit]
    assert list(audit_public_list(object_type="enterprises.enterprise", object_id=enterprise.pk)) == [explicit]


def test_the_actor_is_named_by_display_name_only():
    user = UserFactory(display_name="", email="someone@example.com")
    entry = audit_record(actor=user, action="update", target=EnterpriseFactory())
    assert entry.actor_id == user.pk and entry.actor_label == f"#{user.pk}"
    assert "example.com" not in entry.actor_label


def test_coordinators_read_and_filter_the_log(world):
    coordinator = world.client("coordinator")
    patched = coordinator.patch(
        f"/api/v1/enterprises/{world.enterprise_a_slug}/", {"employees_total": 60}, format="json"
    )
    assert patched.status_code == 200
    archived = world.client("member_a").delete(f"/api/v1/products/{world.product_a_id}/?reason=단종")
    assert archived.status_code == 204

    page = coordinator.get("/api/v1/audit-log/").data
    assert [(e["action"], e["object_type"]) for e in page["results"]] == [
        ("archive", "enterprises.product"),
        ("update", "enterprises.enterprise"),
    ]
    archive, update = page["results"]
    assert archive["reason"] == "단종" and archive["actor"] == world.user("member_a").pk
    assert archive["object_label"] == "수제 쿠키 세트" and archive["changes"]["archived_at"][0] is None
    assert update["changes"] == {"employees_total": [58, 60]}
    assert update["actor_label"] == "조정자" and update["public"] is False

    def ids(query):
        response = coordinator.get(f"/api/v1/audit-log/?{query}")
        assert response.status_code == 200, response.data
        return [e["id"] for e in response.data["results"]]

    assert ids("action=archive") == [archive["id"]]
    assert ids("object_type=enterprises.enterprise") == [update["id"]]
    assert ids(f"object_type=enterprises.product&object_id={world.product_a_id}") == [archive["id"]]
    assert ids(f"actor={world.user('coordinator').pk}") == [update["id"]]
    today = timezone.localdate()
    assert len(ids(f"date_from={today}&date_to={today}")) == 2
    assert ids(f"date_to={today - timedelta(days=1)}") == []
    assert coordinator.get("/api/v1/audit-log/?actor=abc").status_code == 400

    history = coordinator.get(f"/api/v1/audit-log/enterprises.product/{world.product_a_id}/").data
    assert [e["id"] for e in history["results"]] == [archive["id"]]
    assert coordinator.get("/api/v1/audit-log/enterprises.product/999999/").data["results"] == []


def test_the_log_pages_with_a_cursor_and_bounded_queries(world, django_assert_max_num_queries):
    coordinator = world.client("coordinator")
    enterprise = world.enterprise_a
    with transaction.atomic():
        for n in range(45):
            audit_record(actor=UserFactory(display_name=f"사용자{n}"), action="update", target=enterprise)
    seen = []
    url = "/api/v1/audit-log/?page_size=20"
    while url:
        # The user behind the token, then one query for the page with its actors joined.
        with django_assert_max_num_queries(3):
            response = coordinator.get(url)
        assert response.status_code == 200
        seen += [e["id"] for e in response.data["results"]]
        url = response.data["next"]
    assert len(seen) == 45 and seen == sorted(seen, reverse=True)
