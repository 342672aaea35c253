import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.matrix import Row, everyone, logged_in

MANAGERS = {"anonymous": 401, "citizen": 403, "member_a": 200, "member_b": 403, "coordinator": 200}


def managers(status: int) -> dict[str, int]:
    return {**MANAGERS, "member_a": status, "coordinator": status}


def _own_hosts(world, role):
    enterprise = {"member_a": world.enterprise_a, "member_b": world.enterprise_b}.get(role)
    return [enterprise.pk] if enterprise else []


def _times(days: int = 20) -> dict[str, str]:
    start = timezone.now() + timedelta(days=days)
    return {"starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=3)).isoformat()}


def _event_body(world, role):
    return {"title": "새 행사", "kind": "workshop", **_times(), "capacity": 20, "host_ids": _own_hosts(world, role)}


def _png(world, role):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "orange").save(buffer, format="PNG")
    return {"image": SimpleUploadedFile("cover.png", buffer.getvalue(), content_type="image/png")}


def _booth_application(world, role):
    enterprise = world.enterprise_b if role == "member_b" else world.enterprise_a
    product = world.product_b if role == "member_b" else world.product_a
    return {"category_id": world.fair_food_id, "enterprise_id": enterprise.pk, "product_ids": [product.pk]}


def _series_body(world, role):
    return {
        "title": "매월 조합원의 날",
        "kind": "members_day",
        "recurrence_rule": "FREQ=MONTHLY;BYDAY=2SA",
        **_times(5),
        "host_ids": _own_hosts(world, role),
    }


ROWS = [
    Row("events_list", "GET", "/api/v1/events/", everyone(200)),
    Row("events_retrieve", "GET", "/api/v1/events/{event_a_id}/", everyone(200)),
    Row(
        "events_create",
        "POST",
        "/api/v1/events/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 201, "coordinator": 201},
        body=_event_body,
    ),
    Row(
        "events_create",
        "POST",
        "/api/v1/events/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 400, "coordinator": 201},
        body=lambda w, role: {**_event_body(w, role), "host_ids": [w.enterprise_a.pk]},
        note="hosted by A",
    ),
    Row("events_update", "PATCH", "/api/v1/events/{event_a_id}/", managers(200), body={"capacity": 12}),
    Row(
        "events_delete",
        "DELETE",
        "/api/v1/events/{event_b_id}/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 204, "coordinator": 204},
    ),
    Row(
        "events_delete",
        "DELETE",
        "/api/v1/events/{event_a_id}/",
        {"anonymous": 401, "citizen": 403, "member_a": 409, "member_b": 403, "coordinator": 400},
        note="has registrations: coordinators need a reason",
    ),
    Row(
        "events_delete",
        "DELETE",
        "/api/v1/events/{event_a_id}/?reason=중복",
        {"anonymous": 401, "citizen": 403, "member_a": 409, "member_b": 403, "coordinator": 204},
        note="has registrations, with a reason",
    ),
    Row(
        "events_delete",
        "DELETE",
        "/api/v1/events/{workshop_2015_id}/?reason=기록 정리",
        {"anonymous": 401, "citizen": 403, "member_a": 409, "member_b": 403, "coordinator": 204},
        note="past event is history",
    ),
    Row(
        "events_delete",
        "DELETE",
        "/api/v1/events/{event_archived_id}/",
        {"anonymous": 401, "citizen": 404, "member_a": 404, "member_b": 404, "coordinator": 409},
        note="archived already",
    ),
    Row(
        "events_retrieve",
        "GET",
        "/api/v1/events/{event_archived_id}/",
        {**everyone(404), "coordinator": 200},
        note="archived",
    ),
    Row(
        "events_restore",
        "POST",
        "/api/v1/events/{event_archived_id}/restore/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 200},
        body={"reason": "실수"},
    ),
    Row(
        "events_restore",
        "POST",
        "/api/v1/events/{event_a_id}/restore/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 409},
        note="not archived",
    ),
    Row("events_cancel", "POST", "/api/v1/events/{event_a_id}/cancel/", managers(200), body={"reason": "태풍"}),
    Row("events_postpone", "POST", "/api/v1/events/{event_a_id}/postpone/", managers(200), body={"reason": "공사"}),
    Row(
        "events_reschedule",
        "POST",
        "/api/v1/events/{event_a_id}/reschedule/",
        managers(200),
        body=lambda w, role: _times(30),
    ),
    Row(
        "events_cover_image_upload",
        "POST",
        "/api/v1/events/{event_a_id}/cover-image/",
        managers(200),
        body=_png,
        format="multipart",
    ),
    Row(
        "events_cover_image_delete",
        "DELETE",
        "/api/v1/events/{event_a_id}/cover-image/",
        managers(204),
    ),
    Row(
        "events_register",
        "POST",
        "/api/v1/events/{event_a_id}/registration/",
        {"anonymous": 401, "citizen": 200, "member_a": 201, "member_b": 201, "coordinator": 201},
    ),
    Row(
        "events_unregister",
        "DELETE",
        "/api/v1/events/{event_a_id}/registration/",
        {"anonymous": 401, "citizen": 204, "member_a": 404, "member_b": 404, "coordinator": 404},
    ),
    Row("events_attendees_list", "GET", "/api/v1/events/{event_a_id}/attendees/", managers(200)),
    Row("events_attendees_csv", "GET", "/api/v1/events/{event_a_id}/attendees.csv", managers(200)),
    Row(
        "events_check_in",
        "POST",
        "/api/v1/events/{event_a_id}/attendees/{registration_a_id}/check-in/",
        managers(200),
    ),
    Row(
        "events_check_in_undo",
        "DELETE",
        "/api/v1/events/{event_a_id}/attendees/{registration_a_id}/check-in/",
        managers(200),
    ),
    Row("events_booth_categories_list", "GET", "/api/v1/events/{event_a_id}/booth-categories/", everyone(200)),
    Row(
        "events_booth_categories_create",
        "POST",
        "/api/v1/events/{event_a_id}/booth-categories/",
        managers(201),
        body={"category": "crafts", "name": "공예", "booths": 3},
    ),
    Row(
        "events_booth_categories_update",
        "PATCH",
        "/api/v1/events/{event_a_id}/booth-categories/{booth_category_a_id}/",
        managers(200),
        body={"booths": 6},
    ),
    Row("events_booth_applications_list", "GET", "/api/v1/events/{event_a_id}/booth-applications/", logged_in(200)),
    Row(
        "events_booth_applications_create",
        "POST",
        "/api/v1/events/{fair_id}/booth-applications/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 201, "coordinator": 201},
        body=_booth_application,
    ),
    Row("booth_applications_list", "GET", "/api/v1/booth-applications/", logged_in(200)),
    Row(
        "booth_applications_retrieve",
        "GET",
        "/api/v1/booth-applications/{booth_application_b_id}/",
        # B applied; A hosts the event; the citizen is neither.
        {"anonymous": 401, "citizen": 404, "member_a": 200, "member_b": 200, "coordinator": 200},
    ),
    Row(
        "booth_applications_accept",
        "POST",
        "/api/v1/booth-applications/{booth_application_b_id}/accept/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 200},
    ),
    Row(
        "booth_applications_decline",
        "POST",
        "/api/v1/booth-applications/{booth_application_b_id}/decline/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403, "coordinator": 200},
        body={"reason": "구역이 찼습니다"},
    ),
    Row(
        "booth_applications_withdraw",
        "POST",
        "/api/v1/booth-applications/{booth_application_b_id}/withdraw/",
        {"anonymous": 401, "citizen": 404, "member_a": 404, "member_b": 200, "coordinator": 200},
    ),
    Row("event_series_list", "GET", "/api/v1/event-series/", everyone(200)),
    Row("event_series_retrieve", "GET", "/api/v1/event-series/{series_a_id}/", everyone(200)),
    Row(
        "event_series_create",
        "POST",
        "/api/v1/event-series/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 201, "coordinator": 201},
        body=_series_body,
    ),
    Row(
        "event_series_update",
        "PATCH",
        "/api/v1/event-series/{series_a_id}/",
        managers(200),
        body={"venue_name": "고양시청 대회의실"},
    ),
    Row("events_calendar_feed", "GET", "/api/v1/events/calendar.ics", everyone(200)),
    Row("events_calendar", "GET", "/api/v1/events/{event_a_id}/calendar.ics", everyone(200)),
    Row("enterprises_calendar_feed", "GET", "/api/v1/enterprises/{enterprise_a_slug}/calendar.ics", everyone(200)),
    Row(
        "enterprises_calendar_feed",
        "GET",
        "/api/v1/enterprises/pending-coop/calendar.ics",
        everyone(404),
        note="pending organisation",
    ),
    Row("calendar_personal_feed", "GET", "/api/v1/calendar/{citizen_calendar_token}.ics", everyone(200)),
    Row("calendar_personal_feed", "GET", "/api/v1/calendar/not-a-token.ics", everyone(404), note="unknown token"),
    Row(
        "calendar_token_retrieve",
        "GET",
        "/api/v1/calendar/token/",
        {"anonymous": 401, "citizen": 200, "member_a": 404, "member_b": 404, "coordinator": 404},
    ),
    Row("calendar_token_rotate", "POST", "/api/v1/calendar/token/", logged_in(201)),
    Row(
        "calendar_token_revoke",
        "DELETE",
        "/api/v1/calendar/token/",
        {"anonymous": 401, "citizen": 204, "member_a": 404, "member_b": 404, "coordinator": 404},
    ),
]
