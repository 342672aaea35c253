import pytest
from django.utils import timezone

from api.accounts import demo as accounts_demo
from api.events import demo
from api.events.models import Event, EventKind, EventSeries, Registration, RegistrationStatus
from api.events.selectors import event_list
from tests.world import client_for

pytestmark = pytest.mark.django_db


def test_demo_loads_idempotently_with_upcoming_fairs_and_full_events():
    accounts_demo.load()
    demo.load()
    counts = (Event.objects.count(), EventSeries.objects.count(), Registration.objects.count())
    assert demo.load() == "already there"
    assert (Event.objects.count(), EventSeries.objects.count(), Registration.objects.count()) == counts

    workshop = Event.objects.get(title=demo.WORKSHOP_TITLE)
    local = timezone.localtime(workshop.starts_at)
    assert (local.date().isoformat(), local.hour, timezone.localtime(workshop.ends_at).hour) == ("2015-05-27", 10, 15)
    assert workshop.venue_name == "고양시정연수원"

    upcoming_fairs = Event.objects.filter(kind=EventKind.FAIR, starts_at__gte=timezone.now())
    assert upcoming_fairs.count() >= 4
    full = [e for e in event_list() if e.capacity and e.confirmed_count >= e.capacity and e.waitlisted_count]
    assert len(full) >= 2


def test_two_accounts_for_the_demo_event_with_one_seat_left():
    accounts_demo.load()
    demo.load()
    event = Event.objects.get(title=demo.STANDALONE[0]["title"])
    citizen = client_for(accounts_demo.User.objects.get(email="citizen@example.com"))
    member = client_for(accounts_demo.User.objects.get(email="member@example.com"))
    assert citizen.post(f"/api/v1/events/{event.pk}/registration/").data["status"] == RegistrationStatus.CONFIRMED
    second = member.post(f"/api/v1/events/{event.pk}/registration/").data
    assert (second["status"], second["waitlist_position"]) == (RegistrationStatus.WAITLISTED, 1)
