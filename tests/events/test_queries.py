"""Query counts of the list and detail endpoints do not grow with the number of rows."""

import pytest

from api.events.models import BoothApplicationStatus, RegistrationStatus
from tests.events.factories import BoothCategoryFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

# A page of the list: its count and its rows (hosts and organisers in each row), and the caller.
LIST_QUERIES = 3
# The other lists (series, attendees, booth applications): still their own prefetches.
OTHER_LIST_QUERIES = 6
# An event's detail, whoever reads it: the event with its counts, hosts, organisers, booth
# categories and the caller's own registration in one row; the exhibitors with their products (only
# when the event has booth categories); the caller (a logged-in request authenticates first).
DETAIL_QUERIES = 3
COLD_DETAIL_QUERIES = 1  # an anonymous read of an event without booths, nothing cached


@pytest.fixture
def many_events(world):
    for index in range(60):
        event = EventFactory(title=f"행사 {index}", hosts=[world.enterprise_a, world.enterprise_b])
        event.organisers.set([world.user("member_a")])
        RegistrationFactory(event=event)
    return world


@pytest.mark.parametrize("page_size", [5, 50])
def test_event_list_query_count_is_bounded(many_events, page_size, django_assert_max_num_queries):
    client = many_events.client("citizen")
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(f"/api/v1/events/?page_size={page_size}")
    assert len(response.data["results"]) == page_size
    first = next((e for e in response.data["results"] if e["title"].startswith("행사 ")), None)
    assert first is not None
    assert {h["slug"] for h in first["hosts"]} == {many_events.enterprise_a.slug, many_events.enterprise_b.slug}
    assert [o["display_name"] for o in first["organisers"]] == [many_events.user("member_a").display_name]
    assert first["confirmed_count"] + first["waitlisted_count"] >= 1


@pytest.mark.parametrize("page_size", [5, 50])
def test_series_and_attendee_lists_are_bounded(many_events, page_size, django_assert_max_num_queries):
    for _ in range(60):
        RegistrationFactory(event=many_events.event_a)
    client = many_events.client("coordinator")
    with django_assert_max_num_queries(OTHER_LIST_QUERIES + 2):
        response = client.get(f"/api/v1/events/{many_events.event_a_id}/attendees/?page_size={page_size}")
    assert len(response.data["results"]) == page_size
    with django_assert_max_num_queries(OTHER_LIST_QUERIES):
        client.get(f"/api/v1/event-series/?page_size={page_size}")
    with django_assert_max_num_queries(OTHER_LIST_QUERIES):
        client.get(f"/api/v1/booth-applications/?page_size={page_size}")


def test_event_detail_query_count_is_bounded(world, django_assert_max_num_queries):
    for _ in range(20):
        RegistrationFactory(event=world.fair)
    BoothCategoryFactory(event=world.fair, category="crafts")
    client = world.client("citizen")
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(f"/api/v1/events/{world.fair_id}/")
    assert response.status_code == 200


def test_a_cold_anonymous_event_detail_takes_three_queries(world, django_assert_max_num_queries):
    """The event with its counts, hosts and organisers in one row; the exhibitors' query only for
    an event with booth categories."""
    for _ in range(20):
        RegistrationFactory(event=world.event_a)
    world.event_a.booth_categories.all().delete()
    world.event_a.organisers.set([world.user("member_a")])
    with django_assert_max_num_queries(COLD_DETAIL_QUERIES):
        response = world.client("anonymous").get(f"/api/v1/events/{world.event_a_id}/")
    assert response.status_code == 200
    assert response.data["booth_categories"] == [] and response.data["exhibitors"] == []
    assert response.data["organisers"] and response.data["hosts"]


@pytest.mark.parametrize("role", ["anonymous", "citizen", "member_a", "member_b", "coordinator"])
@pytest.mark.parametrize("booths", [True, False], ids=["with-booths", "without-booths"])
def test_every_role_reads_an_event_detail_in_three_queries(world, role, booths, django_assert_max_num_queries):
    """member_a organises the event and owns a host; member_b's organisation exhibits (with a
    product); the citizen is on the waiting list. Anonymous: one query, two with exhibitors."""
    event = world.event_a
    event.capacity = 1
    event.save()
    for _ in range(3):
        RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    event.registrations.filter(user=world.user("citizen")).update(status=RegistrationStatus.WAITLISTED)
    if booths:
        BoothCategoryFactory(event=event, category="crafts", booths=3)
        world.booth_application_b.status = BoothApplicationStatus.ACCEPTED
        world.booth_application_b.save()
    else:
        event.booth_categories.all().delete()
    client = world.client(role)
    with django_assert_max_num_queries(DETAIL_QUERIES if role != "anonymous" else 2 if booths else 1):
        response = client.get(f"/api/v1/events/{event.pk}/")
    assert response.status_code == 200
    data = response.data
    assert [host["id"] for host in data["hosts"]] == [world.enterprise_a.pk]
    assert [organiser["id"] for organiser in data["organisers"]] == [world.user("member_a").pk]
    assert data["confirmed_count"] == 3 and data["waitlisted_count"] == 1
    if booths:
        assert [(c["category"], c["accepted_count"]) for c in data["booth_categories"]] == [("crafts", 0), ("food", 1)]
        [exhibitor] = data["exhibitors"]
        assert exhibitor["enterprise"]["id"] == world.enterprise_b.pk
        assert [p["id"] for p in exhibitor["products"]] == [world.product_b.pk]
        assert exhibitor["products"][0]["category_label"] and exhibitor["products"][0]["price"]
    else:
        assert data["booth_categories"] == [] and data["exhibitors"] == []
    mine = data["my_registration"]
    if role == "citizen":
        assert (mine["status"], mine["waitlist_position"]) == ("waitlisted", 1)
    else:
        assert mine is None


def test_calendar_feed_query_count_is_bounded(many_events, django_assert_max_num_queries):
    with django_assert_max_num_queries(LIST_QUERIES):
        response = many_events.client("anonymous").get("/api/v1/events/calendar.ics")
    assert response.status_code == 200
