"""Events the permission rows act on: a workshop hosted by organisation A (organised by member_a,
the citizen registered), an empty event hosted by B, a fair with booths where B applied, a monthly
series hosted by A, the citizen's personal calendar token, the 2015 workshop (past, organised by
member_a, nobody registered) and an archived event hosted by A."""

from datetime import datetime, timedelta

from django.utils import timezone

from api.events.models import BoothApplication, CalendarToken, EventKind, EventSeries
from tests.events.factories import BoothCategoryFactory, EventFactory, RegistrationFactory

ORDER = 30


def build(world) -> None:
    soon = timezone.now() + timedelta(days=10)
    world.event_a = EventFactory(
        title="사회적경제 기업 워크숍",
        hosts=[world.enterprise_a],
        organisers=[world.user("member_a")],
        created_by=world.user("member_a"),
        starts_at=soon,
        ends_at=soon + timedelta(hours=5),
    )
    world.event_b = EventFactory(
        title="행복협동조합 조합원의 날", kind=EventKind.MEMBERS_DAY, hosts=[world.enterprise_b]
    )
    world.registration_a = RegistrationFactory(event=world.event_a, user=world.user("citizen"))
    world.booth_category_a = BoothCategoryFactory(event=world.event_a, category="food", booths=5)

    world.fair = EventFactory(title="사회적경제 한마당", kind=EventKind.FAIR, hosts=[world.enterprise_a], capacity=None)
    world.fair_food = BoothCategoryFactory(event=world.fair, category="food", booths=2)
    world.booth_application_b = BoothApplication.objects.create(
        event=world.event_a,
        category=world.booth_category_a,
        enterprise=world.enterprise_b,
        applied_by=world.user("member_b"),
    )
    world.booth_application_b.products.set([world.product_b])

    world.series_a = EventSeries.objects.create(
        title="위캔 조합원의 날",
        kind=EventKind.MEMBERS_DAY,
        recurrence_rule="FREQ=MONTHLY;BYDAY=2SA",
        starts_at=soon,
        ends_at=soon + timedelta(hours=2),
        created_by=world.user("member_a"),
    )
    world.series_a.hosts.set([world.enterprise_a])
    # The directory's world already has a pending organisation (``pending-coop``).
    world.pending_enterprise = world.enterprise_pending
    world.citizen_calendar = CalendarToken.objects.create(user=world.user("citizen"))
    workshop_2015 = timezone.make_aware(datetime(2015, 5, 27, 14, 0))
    world.workshop_2015 = EventFactory(
        title="2015 고양시 사회적경제 워크숍",
        hosts=[world.enterprise_a],
        organisers=[world.user("member_a")],
        starts_at=workshop_2015,
        ends_at=workshop_2015 + timedelta(hours=4),
    )
    world.event_archived = EventFactory(
        title="보관된 행사", hosts=[world.enterprise_a], archived_at=timezone.now(), archive_reason="중복 등록"
    )

    world.event_a_id = world.event_a.pk
    world.event_b_id = world.event_b.pk
    world.fair_id = world.fair.pk
    world.registration_a_id = world.registration_a.pk
    world.booth_category_a_id = world.booth_category_a.pk
    world.fair_food_id = world.fair_food.pk
    world.booth_application_b_id = world.booth_application_b.pk
    world.series_a_id = world.series_a.pk
    world.citizen_calendar_token = world.citizen_calendar.token
    world.workshop_2015_id = world.workshop_2015.pk
    world.event_archived_id = world.event_archived.pk
