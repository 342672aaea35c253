"""OpenAPI examples of the audit log."""

from drf_spectacular.utils import OpenApiExample

ENTRY = {
    "id": 1042,
    "created_at": "2026-11-25T10:00:00+09:00",
    "actor_label": "조정자",
    "action": "archive",
    "object_type": "enterprises.enterprise",
    "object_id": "12",
    "object_label": "햇살마을협동조합",
    "changes": {"archived_at": [None, "2026-11-25T10:00:00+09:00"]},
    "reason": "2026년 해산 총회 의결",
    "actor": 3,
    "request_id": "",
    "public": False,
}
UPDATE = {
    **ENTRY,
    "id": 1041,
    "action": "update",
    "changes": {"employees_total": [58, 60], "tags": [["쿠키"], ["쿠키", "장애인고용"]]},
    "reason": "",
}
PAGE = OpenApiExample(
    "page",
    value={
        "next": "https://sehub.example/api/v1/audit-log/?cursor=cD0xMDQx",
        "previous": None,
        "results": [ENTRY, UPDATE],
    },
    response_only=True,
)
