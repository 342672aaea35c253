"""Query counts of the list and detail endpoints do not grow with the number of rows."""

import pytest

from tests.events.factories import BoothCategoryFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LIST_QUERIES = 6
DETAIL_QUERIES = 7  # with booths (+ categories, exhibitors, their products) and logged in (+ my registration)
COLD_DETAIL_QUERIES = 3  # an anonymous read of an event without booths, nothing cached


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


@pytest.mark.parametrize("page_size", [5, 50])
def test_series_and_attendee_lists_are_bounded(many_events, page_size, django_assert_max_num_queries):
    for _ in range(60):
        RegistrationFactory(event=many_events.event_a)
    client = many_events.client("coordinator")
    with django_assert_max_num_queries(LIST_QUERIES + 2):
        response = client.get(f"/api/v1/events/{many_events.event_a_id}/attendees/?page_size={page_size}")
    assert len(response.data["results"]) == page_size
    with django_assert_max_num_queries(LIST_QUERIES):
        client.get(f"/api/v1/event-series/?page_size={page_size}")
    with django_assert_max_num_queries(LIST_QUERIES):
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
    """The event with its counts, its hosts, its organisers; booth queries only for an event with
    booth categories."""
    for _ in range(20):
        RegistrationFactory(event=world.event_a)
    world.event_a.booth_categories.all().delete()
    world.event_a.organisers.set([world.user("member_a")])
    with django_assert_max_num_queries(COLD_DETAIL_QUERIES):
        response = world.client("anonymous").get(f"/api/v1/events/{world.event_a_id}/")
    assert response.status_code == 200
    assert response.data["booth_categories"] == [] and response.data["exhibitors"] == []
    assert response.data["organisers"] and response.data["hosts"]


def test_calendar_feed_query_count_is_bounded(many_events, django_assert_max_num_queries):
    with django_assert_max_num_queries(LIST_QUERIES):
        response = many_events.client("anonymous").get("/api/v1/events/calendar.ics")
    assert response.status_code == 200
