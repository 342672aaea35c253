"""Services: search columns stay current, rules hold under concurrency (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from api.common.errors import ConflictError
from api.enterprises import services
from api.enterprises.models import Enterprise, Membership, MembershipRole
from tests.accounts.factories import UserFactory
from tests.enterprises.factories import EnterpriseFactory, MembershipFactory

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


@pytest.mark.django_db
def test_search_columns_follow_every_change():
    owner = UserFactory()
    enterprise = services.enterprise_create(
        user=owner, name="위캔 쿠키", kind="cooperative", district="deogyang", tags=["제빵"]
    )
    enterprise.refresh_from_db()
    assert enterprise.name_initials == "ㅇㅋㅋㅋ"
    assert "제빵" in enterprise.search_document
    product = services.product_create(actor=owner, enterprise=enterprise, name="오트밀 과자")
    enterprise.refresh_from_db()
    assert "오트밀 과자" in enterprise.search_document
    services.product_update(product=product, name="보리 과자")
    enterprise.refresh_from_db()
    assert "보리 과자" in enterprise.search_document and "오트밀" not in enterprise.search_document
    services.product_archive(product=product, actor=None)  # an archived product leaves the search text
    services.enterprise_update(enterprise=enterprise, name="햇살", tags=[])
    enterprise.refresh_from_db()
    assert enterprise.search_document == "햇살" and enterprise.name_initials == "ㅎㅅ"


@pytest.mark.django_db
def test_submitter_owns_and_import_does_not():
    user = UserFactory()
    mine = services.enterprise_create(user=user, name="가", kind="cooperative", district="deogyang")
    assert Membership.objects.get(enterprise=mine).user == user
    imported = services.enterprise_create(
        user=user, name="나", kind="cooperative", district="deogyang", add_owner=False
    )
    assert not Membership.objects.filter(enterprise=imported).exists()


def _race(functions):
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(functions))

    def run(fn):
        try:
            barrier.wait()
            fn()
        except BaseException as exc:  # collected for the assertion
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(fn,)) for fn in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@postgres_only
@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_two_owners_removing_each_other_leave_one_owner():
    enterprise = EnterpriseFactory()
    first = MembershipFactory(enterprise=enterprise, role=MembershipRole.OWNER)
    second = MembershipFactory(enterprise=enterprise, role=MembershipRole.OWNER)
    errors = _race(
        [lambda: services.membership_remove(membership=first), lambda: services.membership_remove(membership=second)]
    )
    assert len(errors) == 1 and isinstance(errors[0], ConflictError)
    assert Membership.objects.filter(enterprise=enterprise, role=MembershipRole.OWNER).count() == 1


@postgres_only
@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicate_certification_numbers_one_wins():
    data = {"kind": "social", "district": "deogyang", "certification_number": "2015-007"}
    errors = _race(
        [
            lambda: services.enterprise_create(user=None, **data, name="가"),
            lambda: services.enterprise_create(user=None, **data, name="나"),
        ]
    )
    assert Enterprise.objects.filter(certification_number="2015-007").count() == 1
    assert len(errors) == 1  # a ConflictError, or the unique constraint's IntegrityError (answered as 409)
