"""Links through the link-kind registry (the real ``event`` kind and fake kinds registered here),
reverse lookups, a collaboration turned into a resolution, reminders, the agenda of the next
meeting, and the accountability reads."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from api.common import linking
from api.common.linking import LinkTarget, register_link_kind
from api.notifications.models import Notification
from api.resolutions import services
from api.resolutions.models import AgendaItem, ResolutionLink, ResolutionReminder
from tests.resolutions import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_kinds(world):
    """A fake ``collaboration`` kind (partners A and B) and a fake ``budget_item`` kind, removed after."""
    saved = dict(linking._KINDS)
    partners = (world.enterprise_a_id, world.enterprise_b.pk)
    collaborations = {
        501: LinkTarget(id=501, title="쿠키와 비누 공동 선물세트", path="/board/posts/501", organisation_ids=partners)
    }
    budget = {77: LinkTarget(id=77, title="사회적경제 한마당 개최 지원", path="/budget/items/77")}
    register_link_kind(
        "collaboration", label="협업", resolve=lambda ids: {i: collaborations[i] for i in ids if i in collaborations}
    )
    register_link_kind(
        "budget_item",
        label="예산 항목",
        resolve=lambda ids: {i: budget[i] for i in ids if i in budget},
        find=lambda title: next((i for i, t in budget.items() if t.title == title), None),
    )
    yield
    linking._KINDS.clear()
    linking._KINDS.update(saved)


def _link(world, role, **body):
    return world.client(role).post(f"/api/v1/resolutions/{world.resolution_a_id}/links/", body, format="json")


def test_events_are_linked_and_shown_with_their_title(world):
    response = _link(world, "member_a", kind="event", target_id=world.event_b_id)
    assert response.status_code == 201
    assert response.json()["title"] == world.event_b.title and response.json()["path"] == f"/events/{world.event_b_id}"
    detail = world.client("anonymous").get(f"/api/v1/resolutions/{world.resolution_a_id}/").json()
    assert {(link["kind"], link["target_id"]) for link in detail["links"]} == {
        ("event", world.event_a_id),
        ("event", world.event_b_id),
    }
    assert _link(world, "member_a", kind="event", target_id=world.event_b_id).json()["code"] == "link_exists"


def test_unknown_kinds_and_ids_are_named(world):
    response = _link(world, "coordinator", kind="spaceship", target_id=1)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["code"] == "unknown_link_kind" and "spaceship" in error["message"]
    response = _link(world, "coordinator", kind="event", target_id=987654)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["code"] == "unknown_link_target" and "987654" in error["message"]
    archived = _link(world, "coordinator", kind="event", target_id=world.event_archived_id)
    assert archived.json()["errors"][0]["code"] == "unknown_link_target"
    assert ResolutionLink.objects.filter(resolution=world.resolution_a).count() == 1


def test_reverse_lookups_per_kind(world, fake_kinds):
    assert _link(world, "coordinator", kind="budget_item", target_id=77).status_code == 201
    client = world.client("anonymous")
    by_event = client.get(f"/api/v1/resolutions/?event={world.event_a_id}").json()
    assert [r["id"] for r in by_event["results"]] == [world.resolution_a_id]
    assert [r["id"] for r in client.get("/api/v1/resolutions/?budget_item=77").json()["results"]] == [
        world.resolution_a_id
    ]
    assert client.get("/api/v1/resolutions/?budget_item=78").json()["count"] == 0
    assert client.get("/api/v1/resolutions/?post=1").json()["count"] == 0
    assert client.get("/api/v1/resolutions/?event=1.5").status_code == 400
    kinds = {k["key"] for k in client.get("/api/v1/resolutions/link-kinds/").json()}
    assert kinds >= {"event", "budget_item", "collaboration"}


def test_removing_a_link_is_audited(world):
    response = world.client("member_a").delete(f"/api/v1/resolutions/{world.resolution_a_id}/links/{world.link_a_id}/")
    assert response.status_code == 204
    assert not ResolutionLink.objects.filter(pk=world.link_a_id).exists()
    from api.audit.models import AuditEntry

    assert AuditEntry.objects.filter(object_type="resolutions.resolutionlink", action="delete", public=True).exists()


def test_a_matched_collaboration_becomes_a_resolution_owned_by_its_partners(world, fake_kinds):
    response = world.client("coordinator").post(
        "/api/v1/resolutions/from-collaboration/",
        {"collaboration_id": 501, "meeting_id": world.meeting_next_id},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "쿠키와 비누 공동 선물세트"
    assert {e["id"] for e in body["responsible_enterprises"]} == {world.enterprise_a_id, world.enterprise_b.pk}
    assert [(link["kind"], link["target_id"]) for link in body["links"]] == [("collaboration", 501)]
    # Both partners now write updates on it.
    url = f"/api/v1/resolutions/{body['id']}/updates/"
    assert world.client("member_b").post(url, {"body": "시작합니다."}, format="json").status_code == 201
    unknown = world.client("coordinator").post(
        "/api/v1/resolutions/from-collaboration/",
        {"collaboration_id": 502, "meeting_id": world.meeting_next_id},
        format="json",
    )
    assert unknown.status_code == 400 and "502" in unknown.json()["errors"][0]["message"]


def test_without_the_board_there_is_no_collaboration_kind(world):
    saved = linking._KINDS.pop("collaboration", None)
    try:
        response = world.client("coordinator").post(
            "/api/v1/resolutions/from-collaboration/",
            {"collaboration_id": 1, "meeting_id": world.meeting_next_id},
            format="json",
        )
    finally:
        if saved is not None:
            linking._KINDS["collaboration"] = saved
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "unknown_link_kind"


# --- Nothing falls through ------------------------------------------------------------------------------


def _person_resolutions(world):
    today = timezone.localdate()
    soon = factories.resolution(
        meeting=world.meeting_2015,
        title="곧 기한",
        owners=[world.enterprise_a],
        status="accepted",
        due_date=today + timedelta(days=3),
    )
    late = factories.resolution(
        meeting=world.meeting_2015,
        title="기한 지남",
        owners=[world.enterprise_a],
        status="in_progress",
        due_date=world.meeting_2015.held_at.date() + timedelta(days=30),
        responsible_person=world.user("member_a"),
    )
    done_late = factories.resolution(
        meeting=world.meeting_2015,
        title="끝남",
        owners=[world.enterprise_a],
        status="done",
        due_date=today - timedelta(days=3),
    )
    return soon, late, done_late


def test_reminders_go_once_and_overdue_lands_on_the_next_agenda(world):
    soon, late, done_late = _person_resolutions(world)
    call_command("send_resolution_reminders", "--days", "7")
    member = world.user("member_a")
    assert (
        Notification.objects.filter(user=member, kind="resolution_due_soon", data__resolution_id=soon.pk).count() == 1
    )
    assert Notification.objects.filter(user=member, kind="resolution_overdue", data__resolution_id=late.pk).count() == 1
    assert not Notification.objects.filter(data__resolution_id=done_late.pk).exists()
    on_agenda = set(AgendaItem.objects.filter(meeting=world.meeting_next).values_list("resolution_id", flat=True))
    assert late.pk in on_agenda and soon.pk not in on_agenda and done_late.pk not in on_agenda
    count, items = Notification.objects.count(), AgendaItem.objects.count()

    call_command("send_resolution_reminders", "--days", "7")  # twice: nothing twice
    assert Notification.objects.count() == count and AgendaItem.objects.count() == items
    assert ResolutionReminder.objects.filter(resolution=late).count() == 1

    # A new due date earns a new reminder.
    late.due_date = timezone.localdate() + timedelta(days=2)
    late.save()
    assert services.reminders_send(days_before=7)["due_soon"] == 1

    agenda = world.client("anonymous").get(f"/api/v1/meetings/{world.meeting_next_id}/").json()["agenda_items"]
    assert any(item["resolution"]["id"] == late.pk and item["automatic"] for item in agenda)


def test_a_new_meeting_to_come_carries_the_overdue(world):
    _, late, _ = _person_resolutions(world)
    response = world.client("coordinator").post(
        "/api/v1/meetings/",
        {"title": "임시 협의회", "held_at": (timezone.now() + timedelta(days=3)).isoformat()},
        format="json",
    )
    assert response.status_code == 201
    assert [item["resolution"]["id"] for item in response.json()["agenda_items"]] == [late.pk]


def test_overdue_and_stale_lists(world):
    _, late, _ = _person_resolutions(world)
    client = world.client("anonymous")
    overdue = client.get("/api/v1/resolutions/?overdue=true").json()
    assert [r["id"] for r in overdue["results"]] == [late.pk]
    assert overdue["results"][0]["is_overdue"] is True
    # Nothing was written on any of them: all open ones are stale after 0+ days; none after a year.
    stale = {r["id"] for r in client.get("/api/v1/resolutions/?stale_days=1").json()["results"]}
    assert stale == set()  # created just now
    from api.resolutions.models import Resolution

    Resolution.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=40))
    stale = {r["id"] for r in client.get("/api/v1/resolutions/?stale_days=30").json()["results"]}
    assert stale == {late.pk}
    world.client("member_a").post(f"/api/v1/resolutions/{late.pk}/updates/", {"body": "진행 중"}, format="json")
    assert client.get("/api/v1/resolutions/?stale_days=30").json()["count"] == 0


def test_accountability_counts_are_computed_in_the_database(world):
    _person_resolutions(world)
    factories.resolution(
        meeting=world.meeting_2015,
        title="제때 끝남",
        owners=[world.enterprise_a],
        status="done",
        due_date=timezone.localdate() + timedelta(days=10),
    )
    stats = world.client("anonymous").get("/api/v1/resolutions/stats/").json()
    assert stats["by_status"] == {
        "proposed": 0,
        "accepted": 2,
        "in_progress": 2,
        "done": 2,
        "dropped": 0,
        "overdue": 1,
    }
    party_a = next(p for p in stats["by_party"] if p["enterprise_id"] == world.enterprise_a_id)
    assert party_a["total"] == 5 and party_a["done"] == 2 and party_a["done_on_time"] == 1
    assert party_a["on_time_share"] == 0.2 and party_a["overdue"] == 1

    promises = world.client("anonymous").get("/api/v1/resolutions/promises-kept/").json()
    meeting = next(m for m in promises["by_meeting"] if m["id"] == world.meeting_2015_id)
    assert meeting["total"] == 6 and meeting["done"] == 2 and meeting["kept_share"] == 0.333
    year = next(y for y in promises["by_year"] if y["year"] == 2015)
    assert year["total"] == 6 and year["done_on_time"] == 1


@pytest.mark.parametrize("page_size", [5, 50])
def test_lists_are_bounded(world, page_size, django_assert_max_num_queries):
    for index in range(60):
        resolution = factories.resolution(
            meeting=world.meeting_2015, title=f"결의 {index}", owners=[world.enterprise_a, world.enterprise_b]
        )
        resolution.tags.create(name="홍보")
        factories.resolution(
            meeting=world.meeting_2015, title=f"하위 {index}", owners=[world.enterprise_a], parent=resolution
        )
    client = world.client("citizen")
    with django_assert_max_num_queries(7):
        response = client.get(f"/api/v1/resolutions/?page_size={page_size}&overdue=false")
    assert len(response.json()["results"]) == page_size
    with django_assert_max_num_queries(7):
        client.get(f"/api/v1/meetings/?page_size={page_size}")
    with django_assert_max_num_queries(12):
        client.get(f"/api/v1/meetings/{world.meeting_2015_id}/")
    with django_assert_max_num_queries(12):
        client.get("/api/v1/resolutions/stats/")


@pytest.mark.parametrize(("role", "queries"), [("anonymous", 5), ("citizen", 8), ("member_a", 8), ("coordinator", 6)])
def test_a_resolution_detail_is_bounded(world, role, queries, django_assert_max_num_queries):
    """The resolution with its counts, owners and tags in one row; its sub-resolutions; its links;
    the linked events (hosts' ids in the same query); the resolutions carrying it over. Logged in:
    the caller, their memberships and the owners' ids of the edit check (not for coordinators)."""
    resolution = world.resolution_a
    resolution.responsible_enterprises.add(world.enterprise_b)
    for name in ("홍보", "예산"):
        resolution.tags.create(name=name)
    ResolutionLink.objects.get_or_create(resolution=resolution, kind="event", target_id=world.event_a_id)
    client = world.client(role)
    with django_assert_max_num_queries(queries):
        response = client.get(f"/api/v1/resolutions/{resolution.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["tags"] == ["예산", "홍보"]
    assert sorted(owner["id"] for owner in data["responsible_enterprises"]) == sorted(
        [world.enterprise_a.pk, world.enterprise_b.pk]
    )
