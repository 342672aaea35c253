"""OpenAPI examples of the event endpoints (Korean demo-like values)."""

from drf_spectacular.utils import OpenApiExample

_HOST = {"id": 1, "slug": "wecan-cookie", "name": "위캔쿠키", "name_en": "WeCAN Cookie"}
_EVENT = {
    "id": 12,
    "title": "2026 겨울 사회적경제 한마당",
    "description": "분기마다 열리는 고양시 사회적경제 박람회: 판매 부스, 체험, 공연.",
    "kind": "fair",
    "kind_label": "사회적경제 한마당",
    "starts_at": "2026-12-12T10:00:00+09:00",
    "ends_at": "2026-12-12T17:00:00+09:00",
    "time_zone": "Asia/Seoul",
    "venue_name": "고양시청 광장",
    "venue_address": "경기도 고양시 덕양구 고양시청로 10",
    "online_url": "",
    "hosts": [_HOST],
    "organisers": [{"id": 1, "display_name": "지원센터 코디네이터"}],
    "capacity": 300,
    "registration_opens_at": "2026-11-01T09:00:00+09:00",
    "registration_closes_at": "2026-12-11T18:00:00+09:00",
    "status": "scheduled",
    "status_label": "예정",
    "status_reason": "",
    "cover_image": None,
    "series": 2,
    "is_detached": False,
    "confirmed_count": 298,
    "waitlisted_count": 0,
    "seats_left": 2,
    "sequence": 0,
    "calendar_url": "/api/v1/events/12/calendar.ics",
    "created_at": "2026-10-01T09:00:00+09:00",
    "updated_at": "2026-10-01T09:00:00+09:00",
    "archived_at": None,
    "archive_reason": "",
}
_CATEGORY = {
    "id": 3,
    "category": "food",
    "category_label": "식품",
    "name": "먹거리",
    "booths": 8,
    "accepted_count": 7,
    "waitlisted_count": 0,
    "booths_left": 1,
}
_PRODUCT = {"id": 7, "name": "수제 쿠키 세트", "price": 12000, "category": "food", "category_label": "식품"}
_REGISTRATION = {
    "id": 501,
    "event": 12,
    "status": "confirmed",
    "status_label": "확정",
    "waitlist_position": None,
    "queued_at": "2026-11-25T10:00:00+09:00",
    "confirmed_at": "2026-11-25T10:00:00+09:00",
}
_ATTENDEE = {
    "id": 501,
    "user": {"id": 3, "display_name": "고양 시민", "email": "citizen@example.com"},
    "status": "confirmed",
    "status_label": "확정",
    "waitlist_position": None,
    "queued_at": "2026-11-25T10:00:00+09:00",
    "confirmed_at": "2026-11-25T10:00:00+09:00",
    "checked_in_at": None,
}
_APPLICATION = {
    "id": 9,
    "event": 12,
    "category_id": 3,
    "category": "food",
    "enterprise": _HOST,
    "products": [_PRODUCT],
    "note": "시식 코너 포함",
    "status": "accepted",
    "status_label": "승인",
    "decision_reason": "",
    "decided_at": "2026-11-26T14:00:00+09:00",
    "created_at": "2026-11-25T10:00:00+09:00",
}
_SERIES = {
    "id": 2,
    "title": "사회적경제 한마당",
    "description": "분기마다 열리는 고양시 사회적경제 박람회",
    "kind": "fair",
    "kind_label": "사회적경제 한마당",
    "recurrence_rule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA",
    "starts_at": "2026-12-12T10:00:00+09:00",
    "ends_at": "2026-12-12T17:00:00+09:00",
    "venue_name": "고양시청 광장",
    "venue_address": "경기도 고양시 덕양구 고양시청로 10",
    "online_url": "",
    "capacity": 300,
    "hosts": [_HOST],
    "organisers": [{"id": 1, "display_name": "지원센터 코디네이터"}],
    "occurrence_count": 5,
    "created_at": "2026-10-01T09:00:00+09:00",
    "updated_at": "2026-10-01T09:00:00+09:00",
}

EVENT_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_EVENT]}, response_only=True
)
EVENT_DETAIL = OpenApiExample(
    "event",
    value={
        **_EVENT,
        "booth_categories": [_CATEGORY],
        "exhibitors": [{"enterprise": _HOST, "category": "food", "category_label": "식품", "products": [_PRODUCT]}],
        "my_registration": _REGISTRATION,
    },
    response_only=True,
)
EVENT_CREATE = OpenApiExample(
    "create",
    value={
        "title": "사회적경제 기업 워크숍",
        "kind": "workshop",
        "starts_at": "2026-12-02T10:00:00+09:00",
        "ends_at": "2026-12-02T15:00:00+09:00",
        "venue_name": "고양시정연수원",
        "capacity": 60,
        "host_ids": [1],
    },
    request_only=True,
)
EVENT_PATCH = OpenApiExample("capacity", value={"capacity": 80}, request_only=True)
REGISTRATION_CONFIRMED = OpenApiExample("confirmed", value=_REGISTRATION, response_only=True)
REGISTRATION_WAITLISTED = OpenApiExample(
    "waitlisted",
    value={
        **_REGISTRATION,
        "status": "waitlisted",
        "status_label": "대기",
        "waitlist_position": 3,
        "confirmed_at": None,
    },
    response_only=True,
)
ATTENDEE = OpenApiExample("attendee", value=_ATTENDEE, response_only=True)
ATTENDEE_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_ATTENDEE]}, response_only=True
)
BOOTH_CATEGORY = OpenApiExample("category", value=_CATEGORY, response_only=True)
BOOTH_CATEGORIES = OpenApiExample("categories", value=[_CATEGORY], response_only=True)
BOOTH_APPLICATION = OpenApiExample("application", value=_APPLICATION, response_only=True)
BOOTH_APPLICATION_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_APPLICATION]}, response_only=True
)
SERIES = OpenApiExample("series", value=_SERIES, response_only=True)
SERIES_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_SERIES]}, response_only=True
)
SERIES_CREATE = OpenApiExample(
    "quarterly fair",
    value={
        "title": "사회적경제 한마당",
        "kind": "fair",
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA",
        "starts_at": "2026-12-12T10:00:00+09:00",
        "ends_at": "2026-12-12T17:00:00+09:00",
        "venue_name": "고양시청 광장",
        "capacity": 300,
    },
    request_only=True,
)
CALENDAR_TOKEN = OpenApiExample(
    "token",
    value={
        "url": "https://sehub.example/api/v1/calendar/3q2-Xk9vB0c7yQ1mN4pL8sT6wZ0aE5fH2jK7uR9dC1g.ics",
        "created_at": "2026-11-25T10:00:00+09:00",
    },
    response_only=True,
)
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Social Economy Hub//Events//KO\r\n"
    "BEGIN:VEVENT\r\nUID:event-12@sehub\r\nDTSTART;TZID=Asia/Seoul:20261212T100000\r\n"
    "SUMMARY:2026 겨울 사회적경제 한마당\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
CSV = "\ufeff번호,이름,이메일,상태,대기 순번,신청 시각,입장 확인\r\n1,고양 시민,citizen@example.com,확정,,2026-11-25 10:00,\r\n"

ICS_EXAMPLE = OpenApiExample("ics", value=ICS)

CANCEL_EXAMPLE = OpenApiExample("cancel", value={"reason": "태풍 예보로 취소합니다."}, request_only=True)

POSTPONE_EXAMPLE = OpenApiExample("postpone", value={"reason": "장소 공사로 연기합니다."}, request_only=True)

RESCHEDULE_EXAMPLE = OpenApiExample(
    "reschedule",
    value={"starts_at": "2026-12-19T10:00:00+09:00", "ends_at": "2026-12-19T17:00:00+09:00"},
    request_only=True,
)

FOOD_EXAMPLE = OpenApiExample("food", value={"category": "food", "name": "먹거리", "booths": 8}, request_only=True)

APPLY_EXAMPLE = OpenApiExample(
    "apply",
    value={"category_id": 3, "enterprise_id": 1, "product_ids": [7, 8], "note": "시식 코너 포함"},
    request_only=True,
)

MORE_BOOTHS_EXAMPLE = OpenApiExample("more booths", value={"booths": 10}, request_only=True)

DECLINE_EXAMPLE = OpenApiExample("decline", value={"reason": "먹거리 구역이 이미 찼습니다."}, request_only=True)

VENUE_EXAMPLE = OpenApiExample("venue", value={"venue_name": "고양시청 대회의실"}, request_only=True)

CSV_EXAMPLE = OpenApiExample("csv", value=CSV)

RESTORE_EXAMPLE = OpenApiExample("restore", value={"reason": "실수로 보관함"}, request_only=True)
