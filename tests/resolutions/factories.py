"""Building meetings and resolutions for tests, straight through the models (the rules are tested
through the services)."""

from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from api.resolutions.models import Meeting, Resolution, ResolutionStatus


def meeting(*, title: str = "분과별 회의", held_at: datetime | None = None, **extra: Any) -> Meeting:
    return Meeting.objects.create(title=title, held_at=held_at or timezone.now() - timedelta(days=60), **extra)


def resolution(
    *,
    meeting: Meeting,
    title: str = "결의",
    owners: list[Any] | None = None,
    responsible_body: str = "",
    status: str = ResolutionStatus.PROPOSED,
    due_date: date | None = None,
    **extra: Any,
) -> Resolution:
    if status == ResolutionStatus.DONE:
        extra.setdefault("done_on", timezone.localdate())
    if status == ResolutionStatus.DROPPED:
        extra.setdefault("status_reason", "중단")
    made = Resolution.objects.create(
        meeting=meeting,
        title=title,
        responsible_body=responsible_body or ("" if owners else "고양시 일자리창출과"),
        status=status,
        due_date=due_date,
        **extra,
    )
    if owners:
        made.responsible_enterprises.set(owners)
    return made
