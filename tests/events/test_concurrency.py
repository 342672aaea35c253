"""Capacity is never exceeded under concurrent registrations (each thread has its own connection)."""

import contextlib
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from api.events.models import Registration, RegistrationStatus
from api.events.services import registration_create
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory


def _fire(event_id: int, users: list, workers: int) -> list[str]:
    barrier = threading.Barrier(min(workers, len(users)))

    def register(user) -> str:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=30)
            registration, _created = registration_create(event_id=event_id, user=user)
            return registration.status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(register, users, timeout=120))


def _check(event, users, statuses, capacity):
    assert statuses.count(RegistrationStatus.CONFIRMED) == capacity
    assert statuses.count(RegistrationStatus.WAITLISTED) == len(users) - capacity
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status=RegistrationStatus.CONFIRMED).count() == capacity
    # The waiting list is in the order the registrations were taken: all confirmed ones queued
    # before any waitlisted one.
    ordered = list(rows.order_by("queued_at", "id").values_list("status", flat=True))
    assert ordered == [RegistrationStatus.CONFIRMED] * capacity + [RegistrationStatus.WAITLISTED] * (
        len(users) - capacity
    )


@pytest.mark.concurrency
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_ten_seats_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the 50-thread run needs PostgreSQL")
    event = EventFactory(capacity=10)
    users = [UserFactory() for _ in range(50)]
    statuses = _fire(event.pk, users, workers=50)
    _check(event, users, statuses, capacity=10)


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(tmp_path):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # A shared in-memory SQLite database answers "table is locked" instead of waiting, unlike
        # the file database the product runs on: run this test again on a file database.
        env = {**os.environ, "SQLITE_TEST_NAME": str(tmp_path / "concurrency.sqlite3")}
        node = f"{Path(__file__).resolve()}::test_concurrent_registrations_never_overbook"
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", node],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert "1 passed" in result.stdout
        return
    event = EventFactory(capacity=3)
    users = [UserFactory() for _ in range(8)]
    statuses = _fire(event.pk, users, workers=8)
    _check(event, users, statuses, capacity=3)


@pytest.mark.concurrency
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_booth_acceptances_never_overbook_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    from api.events.models import BoothApplication, BoothApplicationStatus
    from api.events.services import booth_application_accept
    from tests.accounts.factories import CoordinatorFactory
    from tests.enterprises.factories import EnterpriseFactory
    from tests.events.factories import BoothCategoryFactory

    coordinator = CoordinatorFactory()
    category = BoothCategoryFactory(booths=3)
    ids = [
        BoothApplication.objects.create(event=category.event, category=category, enterprise=EnterpriseFactory()).pk
        for _ in range(12)
    ]
    barrier = threading.Barrier(len(ids))

    def accept(application_id: int) -> str:
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=30)
            return booth_application_accept(application_id=application_id, actor=coordinator).status
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(ids)) as pool:
        statuses = list(pool.map(accept, ids, timeout=120))
    assert statuses.count(BoothApplicationStatus.ACCEPTED) == 3
    assert statuses.count(BoothApplicationStatus.WAITLISTED) == 9
    assert BoothApplication.objects.filter(category=category, status=BoothApplicationStatus.ACCEPTED).count() == 3
