"""Meetings and resolutions the permission rows act on: the 2015 breakout session (past) with a
resolution owned by organisation A (in progress, linked to A's workshop) and one owned by B, and a
meeting still to come."""

from datetime import datetime, timedelta

from django.utils import timezone

from api.resolutions.models import ResolutionLink, ResolutionStatus
from tests.resolutions import factories

ORDER = 60


def build(world) -> None:
    world.meeting_2015 = factories.meeting(
        title="2015 분과별 회의", held_at=timezone.make_aware(datetime(2015, 5, 27, 16, 0))
    )
    world.meeting_next = factories.meeting(title="다음 협의회", held_at=timezone.now() + timedelta(days=20))
    world.resolution_a = factories.resolution(
        meeting=world.meeting_2015,
        title="사회적경제 한마당 상설화",
        owners=[world.enterprise_a],
        status=ResolutionStatus.IN_PROGRESS,
        due_date=timezone.localdate() + timedelta(days=30),
    )
    world.resolution_b = factories.resolution(
        meeting=world.meeting_2015, title="공동 홍보", owners=[world.enterprise_b], status=ResolutionStatus.ACCEPTED
    )
    world.link_a = ResolutionLink.objects.create(
        resolution=world.resolution_a, kind="event", target_id=world.event_a_id
    )
    world.meeting_2015_id = world.meeting_2015.pk
    world.meeting_next_id = world.meeting_next.pk
    world.resolution_a_id = world.resolution_a.pk
    world.resolution_b_id = world.resolution_b.pk
    world.link_a_id = world.link_a.pk
