"""Two reminder runs at once send each reminder once, and concurrent written updates that move the
status cannot both pass the workflow (each thread has its own connection; PostgreSQL)."""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from api.enterprises.models import MembershipRole
from api.notifications.models import Notification
from api.resolutions import services
from api.resolutions.models import ResolutionReminder, ResolutionUpdate
from tests.accounts.factories import CoordinatorFactory, UserFactory
from tests.enterprises.factories import EnterpriseFactory, MembershipFactory
from tests.resolutions import factories


def _together(calls):
    barrier = threading.Barrier(len(calls))

    def run(call):
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=30)
            try:
                return call()
            except Exception as exc:
                return exc
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls, timeout=120))


@pytest.mark.concurrency
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_reminder_runs_send_each_reminder_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    person = UserFactory()
    meeting = factories.meeting(held_at=timezone.make_aware(datetime(2015, 5, 27, 14, 0)))
    late = [
        factories.resolution(
            meeting=meeting,
            status="accepted",
            due_date=timezone.localdate() - timedelta(days=i + 1),
            responsible_person=person,
        )
        for i in range(8)
    ]
    _together([lambda: services.reminders_send(days_before=7) for _ in range(4)])
    assert ResolutionReminder.objects.filter(kind="overdue").count() == len(late)
    assert Notification.objects.filter(user=person, kind="resolution_overdue").count() == len(late)


@pytest.mark.concurrency
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_transitions_pass_the_workflow_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    coordinator = CoordinatorFactory()
    enterprise = EnterpriseFactory()
    member = UserFactory()
    MembershipFactory(enterprise=enterprise, user=member, role=MembershipRole.OWNER)
    meeting = factories.meeting()
    resolution = factories.resolution(meeting=meeting, owners=[enterprise], status="in_progress")
    outcomes = _together(
        [
            lambda: services.resolution_update_post(
                resolution=resolution, actor=coordinator, body="완료", status="done"
            ),
            lambda: services.resolution_update_post(
                resolution=resolution, actor=coordinator, body="완료", status="done"
            ),
            lambda: services.resolution_update_post(resolution=resolution, actor=member, body="중단", status="dropped"),
        ]
    )
    passed = [o for o in outcomes if isinstance(o, ResolutionUpdate)]
    assert len(passed) == 1
    assert ResolutionUpdate.objects.filter(resolution=resolution).exclude(status_to="").count() == 1
