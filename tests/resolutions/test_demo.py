import pytest

from api.accounts import demo as accounts_demo
from api.board import demo as board_demo
from api.budget import demo as budget_demo
from api.enterprises import demo as directory_demo
from api.events import demo as events_demo
from api.resolutions import demo
from api.resolutions.models import AgendaItem, Meeting, Resolution, ResolutionLink, ResolutionStatus
from api.resolutions.selectors import overdue_q

pytestmark = pytest.mark.django_db


def test_demo_loads_the_2015_decisions_idempotently():
    accounts_demo.load()
    directory_demo.load()
    events_demo.load()
    board_demo.load()
    budget_demo.load()
    demo.load()
    counts = (Meeting.objects.count(), Resolution.objects.count())
    assert demo.load() == "already there"
    assert (Meeting.objects.count(), Resolution.objects.count()) == counts

    breakout = Meeting.objects.get(title=demo.BREAKOUT_TITLE)
    assert breakout.event is not None and breakout.event.title == demo.WORKSHOP_TITLE
    assert breakout.resolutions.filter(parent__isnull=True).count() == 9
    statuses = set(Resolution.objects.values_list("status", flat=True))
    assert {ResolutionStatus.DONE, ResolutionStatus.IN_PROGRESS, ResolutionStatus.DROPPED} <= statuses
    assert Resolution.objects.filter(overdue_q()).count() >= 2
    assert Resolution.objects.filter(carried_over_from__carried_over_from__isnull=False).exists()  # a chain of 3
    fair = Resolution.objects.get(title="사회적경제 한마당 상설화와 분기별 개최")
    assert fair.children.count() == 3
    assert ResolutionLink.objects.filter(resolution=fair, kind="event").exists()
    # ... and to the money and the board's proposal that carry it out.
    assert ResolutionLink.objects.filter(resolution=fair, kind="budget_item").exists()
    assert ResolutionLink.objects.filter(resolution=fair, kind="post").exists()
    next_meeting = Meeting.objects.get(title="다음 사회적경제 협의회")
    assert set(AgendaItem.objects.filter(meeting=next_meeting).values_list("resolution_id", flat=True)) == set(
        Resolution.objects.filter(overdue_q()).values_list("pk", flat=True)
    )
