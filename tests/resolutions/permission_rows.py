from datetime import timedelta

from django.utils import timezone

from tests.matrix import Row, everyone, logged_in

COORDINATOR = {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403}
# The responsible party of resolution A (member_a, owner of organisation A) and coordinators.
RESPONSIBLE_A = {"anonymous": 401, "citizen": 403, "member_b": 403}


def coordinator(status: int) -> dict[str, int]:
    return {**COORDINATOR, "coordinator": status}


def responsible_a(status: int) -> dict[str, int]:
    return {**RESPONSIBLE_A, "member_a": status, "coordinator": status}


def _resolution_body(world, role):
    return {
        "meeting_id": world.meeting_2015_id,
        "title": "온·오프라인 소식 공유 플랫폼",
        "responsible_enterprise_ids": [world.enterprise_a_id],
        "due_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
    }


ROWS = [
    Row("meetings_list", "GET", "/api/v1/meetings/", everyone(200)),
    Row("meetings_retrieve", "GET", "/api/v1/meetings/{meeting_2015_id}/", everyone(200)),
    Row(
        "meetings_create",
        "POST",
        "/api/v1/meetings/",
        coordinator(201),
        body={"title": "2016 1분기 협의회", "held_at": "2016-03-10T14:00:00+09:00"},
    ),
    Row(
        "meetings_update", "PATCH", "/api/v1/meetings/{meeting_2015_id}/", coordinator(200), body={"minutes": "## 결정"}
    ),
    Row("meetings_follow", "POST", "/api/v1/meetings/{meeting_2015_id}/follow/", logged_in(204)),
    Row("meetings_unfollow", "DELETE", "/api/v1/meetings/{meeting_2015_id}/follow/", logged_in(204)),
    Row("resolutions_list", "GET", "/api/v1/resolutions/", everyone(200)),
    Row("resolutions_retrieve", "GET", "/api/v1/resolutions/{resolution_a_id}/", everyone(200)),
    Row("resolutions_create", "POST", "/api/v1/resolutions/", coordinator(201), body=_resolution_body),
    Row(
        "resolutions_update",
        "PATCH",
        "/api/v1/resolutions/{resolution_a_id}/",
        coordinator(200),
        body={"tags": ["한마당"]},
    ),
    Row("resolutions_follow", "POST", "/api/v1/resolutions/{resolution_a_id}/follow/", logged_in(204)),
    Row("resolutions_unfollow", "DELETE", "/api/v1/resolutions/{resolution_a_id}/follow/", logged_in(204)),
    Row("resolutions_updates_list", "GET", "/api/v1/resolutions/{resolution_a_id}/updates/", everyone(200)),
    Row(
        "resolutions_updates_create",
        "POST",
        "/api/v1/resolutions/{resolution_a_id}/updates/",
        responsible_a(201),
        body={"body": "장소를 확정했습니다."},
    ),
    Row(
        "resolutions_updates_create",
        "POST",
        "/api/v1/resolutions/{resolution_b_id}/updates/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 201, "coordinator": 201},
        body={"body": "진행합니다.", "status": "in_progress"},
        note="B's owner starts B's resolution",
    ),
    Row(
        "resolutions_links_create",
        "POST",
        "/api/v1/resolutions/{resolution_a_id}/links/",
        responsible_a(201),
        body=lambda w, role: {"kind": "event", "target_id": w.event_b_id},
    ),
    Row(
        "resolutions_links_delete",
        "DELETE",
        "/api/v1/resolutions/{resolution_a_id}/links/{link_a_id}/",
        responsible_a(204),
    ),
    Row(
        "resolutions_from_collaboration",
        "POST",
        "/api/v1/resolutions/from-collaboration/",
        coordinator(400),
        body=lambda w, role: {"collaboration_id": 987654321, "meeting_id": w.meeting_2015_id},
        note="no such collaboration (400 naming it); the 201 path is tested with a registered kind",
    ),
    Row("resolutions_stats", "GET", "/api/v1/resolutions/stats/", everyone(200)),
    Row("resolutions_promises_kept", "GET", "/api/v1/resolutions/promises-kept/", everyone(200)),
    Row("resolutions_link_kinds", "GET", "/api/v1/resolutions/link-kinds/", everyone(200)),
]
