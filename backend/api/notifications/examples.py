"""Examples of the notifications' spec (``docs/openapi.yaml``)."""

from drf_spectacular.utils import OpenApiExample

NOTIFICATION = {
    "id": 41,
    "kind": "registration_promoted",
    "kind_label": "대기자 명단에서 확정",
    "title": "참가가 확정되었습니다: 2026 겨울 사회적경제 한마당",
    "body": "대기자 명단에 있던 신청이 확정되었습니다. 12월 12일 10:00에 뵙겠습니다.",
    "url": "/events/12",
    "data": {"event_id": 12},
    "is_read": False,
    "read_at": None,
    "created_at": "2026-11-25T10:00:00+09:00",
}
PREFERENCES = [
    {"kind": "registration_promoted", "kind_label": "대기자 명단에서 확정", "email": True, "in_app": True},
    {"kind": "registration_confirmed", "kind_label": "참가 확정", "email": False, "in_app": True},
]

EMAIL_ON_PROMOTION_EXAMPLE = OpenApiExample(
    "email on promotion",
    value={"preferences": [{"kind": "registration_promoted", "email": True}]},
    request_only=True,
)

COUNT_EXAMPLE = OpenApiExample("count", value={"unread": 3})

READ_EXAMPLE = OpenApiExample("read", value=NOTIFICATION)

MARKED_EXAMPLE = OpenApiExample("marked", value={"marked": 3})

PREFS_EXAMPLE = OpenApiExample("prefs", value=PREFERENCES)

PAGE_EXAMPLE = OpenApiExample(
    "page", value={"next": None, "previous": None, "results": [NOTIFICATION]}, response_only=True
)
