"""The workflow of a resolution and the rules of its written updates: every transition legal and
illegal, who may write, append-only updates, notices to followers, bad input refused whole."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import DatabaseError, transaction
from django.utils import timezone

from api.audit.models import AuditEntry
from api.notifications.models import Notification
from api.resolutions.models import TRANSITIONS, Resolution, ResolutionStatus, ResolutionUpdate
from tests.accounts.factories import UserFactory
from tests.resolutions import factories
from tests.world import client_for

pytestmark = pytest.mark.django_db

STATUSES = list(ResolutionStatus.values)
PAIRS = [(a, b) for a in STATUSES for b in STATUSES]  # a → a too: restating is no transition


def _post(client, resolution, **body):
    return client.post(
        f"/api/v1/resolutions/{resolution.pk}/updates/", {"body": "경과를 알립니다.", **body}, format="json"
    )


@pytest.mark.parametrize(("current", "wanted"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_transition_legal_and_illegal(world, current, wanted):
    resolution = factories.resolution(meeting=world.meeting_2015, owners=[world.enterprise_a], status=current)
    response = _post(world.client("coordinator"), resolution, status=wanted)
    resolution.refresh_from_db()
    if wanted in TRANSITIONS[current]:
        assert response.status_code == 201, response.json()
        assert resolution.status == wanted
        assert response.json()["status_from"] == current and response.json()["status_to"] == wanted
    else:
        assert response.status_code == 409
        assert response.json()["code"] == "transition_not_allowed"
        assert resolution.status == current
        assert not ResolutionUpdate.objects.filter(resolution=resolution).exists()  # nothing half-written


def test_the_happy_path_records_dates_and_reasons(world):
    resolution = factories.resolution(meeting=world.meeting_2015, owners=[world.enterprise_a])
    coordinator, member = world.client("coordinator"), world.client("member_a")
    assert _post(coordinator, resolution, status="accepted").status_code == 201
    assert _post(member, resolution, status="in_progress").status_code == 201
    assert _post(member, resolution, status="done").status_code == 201
    resolution.refresh_from_db()
    assert resolution.status == "done" and resolution.done_on == timezone.localdate()
    assert resolution.last_update_at is not None

    dropped = factories.resolution(meeting=world.meeting_2015, owners=[world.enterprise_a])
    response = _post(member, dropped, status="dropped", body="시 예산이 없어 중단합니다.")
    assert response.status_code == 201
    dropped.refresh_from_db()
    assert dropped.status == "dropped" and dropped.status_reason == "시 예산이 없어 중단합니다."


def test_accepting_is_for_coordinators(world):
    resolution = factories.resolution(meeting=world.meeting_2015, owners=[world.enterprise_a])
    response = _post(world.client("member_a"), resolution, status="accepted")
    assert response.status_code == 403
    assert response.json()["code"] == "accept_needs_coordinator"
    assert not resolution.updates.exists()


@pytest.mark.parametrize(("role", "expected"), [("citizen", 403), ("member_b", 403), ("member_a", 201)])
def test_only_the_responsible_party_or_a_coordinator_writes(world, role, expected):
    response = _post(world.client(role), world.resolution_a)
    assert response.status_code == expected
    if expected == 403:
        assert response.json()["code"] == "not_responsible"
        assert "responsible" in response.json()["detail"] or "책임" in response.json()["detail"]


def test_the_responsible_person_writes_and_signs(world):
    person = UserFactory(display_name="담당 주무관")
    resolution = factories.resolution(meeting=world.meeting_2015, responsible_person=person)
    response = _post(client_for(person), resolution)
    assert response.status_code == 201
    assert response.json()["signature"].startswith("담당 주무관")


def test_a_members_signature_names_the_organisation(world):
    response = _post(world.client("member_a"), world.resolution_a)
    assert response.json()["signature"] == f"{world.user('member_a').display_name} ({world.enterprise_a.name})"


def test_updates_are_append_only_in_the_database(world):
    _post(world.client("member_a"), world.resolution_a)
    update = ResolutionUpdate.objects.get(resolution=world.resolution_a)
    with pytest.raises(DatabaseError), transaction.atomic():
        ResolutionUpdate.objects.filter(pk=update.pk).update(body="고쳐 쓴 글")
    update.refresh_from_db()
    assert update.body == "경과를 알립니다."


def test_no_endpoint_changes_or_deletes_an_update(world):
    _post(world.client("member_a"), world.resolution_a)
    client = world.client("coordinator")
    url = f"/api/v1/resolutions/{world.resolution_a_id}/updates/"
    assert client.patch(url, {"body": "x"}, format="json").status_code == 405
    assert client.delete(url).status_code == 405


def test_an_update_is_in_the_public_audit_log(world):
    _post(world.client("member_a"), world.resolution_a, status="done")
    entries = AuditEntry.objects.filter(object_type__startswith="resolutions.")
    assert {e.object_type for e in entries} >= {"resolutions.resolutionupdate", "resolutions.resolution"}
    assert all(e.public for e in entries)


def test_an_update_in_the_future_is_refused(world):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _post(world.client("member_a"), world.resolution_a, written_on=tomorrow)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "written_in_future"


def test_followers_of_the_resolution_and_of_its_meeting_are_told(world, django_capture_on_commit_callbacks):
    citizen = world.user("citizen")
    meeting_follower = UserFactory(email="meeting-follower@example.com")
    assert world.client("citizen").post(f"/api/v1/resolutions/{world.resolution_a_id}/follow/").status_code == 204
    assert client_for(meeting_follower).post(f"/api/v1/meetings/{world.meeting_2015_id}/follow/").status_code == 204
    world.client("member_a").post(f"/api/v1/resolutions/{world.resolution_a_id}/follow/")  # the author
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(world.client("member_a"), world.resolution_a, body="1분기 한마당 장소 확정")
    assert response.status_code == 201

    told = Notification.objects.filter(kind="resolution_updated")
    assert sorted(n.user_id for n in told) == sorted([citizen.pk, meeting_follower.pk])
    assert all(world.resolution_a.title in n.title and n.url == f"/resolutions/{world.resolution_a_id}" for n in told)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizen.email, meeting_follower.email])
    assert "1분기 한마당 장소 확정" in mail.outbox[0].body


def test_unfollowing_stops_the_notices(world):
    client = world.client("citizen")
    client.post(f"/api/v1/resolutions/{world.resolution_a_id}/follow/")
    client.post(f"/api/v1/resolutions/{world.resolution_a_id}/follow/")  # twice is fine
    assert client.get(f"/api/v1/resolutions/{world.resolution_a_id}/").json()["is_following"] is True
    assert client.delete(f"/api/v1/resolutions/{world.resolution_a_id}/follow/").status_code == 204
    _post(world.client("member_a"), world.resolution_a)
    assert not Notification.objects.filter(user=world.user("citizen"), kind="resolution_updated").exists()


# --- bad input when recording a resolution ---------------------------------------------------------------


def _create(world, **extra):
    body = {
        "meeting_id": world.meeting_2015_id,
        "title": "공동 홍보",
        "responsible_body": "고양시 일자리창출과",
        **extra,
    }
    return world.client("coordinator").post("/api/v1/resolutions/", body, format="json")


def test_a_due_date_before_the_meeting_is_refused(world):
    count = Resolution.objects.count()
    response = _create(world, due_date="2015-05-01")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "due_date" and error["code"] == "due_before_meeting"
    assert "2015-05-27" in error["message"]
    assert Resolution.objects.count() == count


def test_a_resolution_needs_an_owner(world):
    response = _create(world, responsible_body="")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "responsible_required"


def test_unknown_ids_are_named(world):
    response = _create(world, responsible_enterprise_ids=[world.enterprise_a_id, 987654])
    assert response.status_code == 400
    assert "987654" in response.json()["errors"][0]["message"]
    assert _create(world, meeting_id=987654).json()["errors"][0]["code"] == "no_such_meeting"
    assert _create(world, carried_over_from_id=987654).json()["errors"][0]["code"] == "no_such_resolution"


def test_a_carried_over_chain_has_a_length_and_never_loops(world):
    first = world.resolution_b
    second = _create(world, title="공동 홍보 (2016)", carried_over_from_id=first.pk).json()
    third = _create(world, title="공동 홍보 (2017)", carried_over_from_id=second["id"]).json()
    detail = world.client("anonymous").get(f"/api/v1/resolutions/{third['id']}/").json()
    assert detail["chain_length"] == 3
    assert [item["id"] for item in detail["carried_over_chain"]] == [second["id"], first.pk]
    assert (
        world.client("anonymous").get(f"/api/v1/resolutions/{first.pk}/").json()["carried_over_to"][0]["id"]
        == second["id"]
    )

    # first ← second ← third; making first carry over third would close a loop.
    response = world.client("coordinator").patch(
        f"/api/v1/resolutions/{first.pk}/", {"carried_over_from_id": third["id"]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "carry_over_loop"
    assert "loop" in response.json()["errors"][0]["message"] or "돌아" in response.json()["errors"][0]["message"]
    first.refresh_from_db()
    assert first.carried_over_from_id is None
    itself = world.client("coordinator").patch(
        f"/api/v1/resolutions/{first.pk}/", {"carried_over_from_id": first.pk}, format="json"
    )
    assert itself.json()["errors"][0]["code"] == "carry_over_loop"


def test_sub_resolutions_roll_up_progress_and_refuse_loops(world):
    parent = world.resolution_a
    for status in ("done", "done", "in_progress", "dropped"):
        factories.resolution(meeting=world.meeting_2015, owners=[world.enterprise_a], status=status, parent=parent)
    detail = world.client("anonymous").get(f"/api/v1/resolutions/{parent.pk}/").json()
    assert detail["children_count"] == 3 and detail["children_done"] == 2 and detail["progress"] == 67
    assert len(detail["children"]) == 4
    child = parent.children.first()
    response = world.client("coordinator").patch(
        f"/api/v1/resolutions/{parent.pk}/", {"parent_id": child.pk}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parent_loop"


def test_moving_a_meeting_after_its_due_dates_is_refused(world):
    response = world.client("coordinator").patch(
        f"/api/v1/meetings/{world.meeting_2015_id}/",
        {"held_at": (timezone.now() + timedelta(days=400)).isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "due_before_meeting"


def test_minutes_are_stored_as_markdown_and_safe_html(world):
    response = world.client("coordinator").patch(
        f"/api/v1/meetings/{world.meeting_2015_id}/",
        {"minutes": "## 결정\n<script>alert(1)</script>\n[x](javascript:alert(1))"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["minutes"].startswith("## 결정")
    assert "<h2>결정</h2>" in body["minutes_html"]
    assert "<script" not in body["minutes_html"] and 'href="javascript' not in body["minutes_html"]
