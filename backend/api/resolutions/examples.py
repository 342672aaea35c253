from drf_spectacular.utils import OpenApiExample

ORGANISATION = {"id": 1, "slug": "wecan-cookie", "name": "위캔센터", "name_en": "WeCAN Center"}
MEETING_SUMMARY = {"id": 1, "title": "2015 사회적경제 기업 워크숍 분과별 회의", "held_at": "2015-05-27T16:00:00+09:00"}
MEETING = {
    **MEETING_SUMMARY,
    "event": {"id": 3, "title": "고양시 사회적경제 통합을 위한 2015년 사회적경제 기업 워크숍"},
    "agenda": "사회적경제기업 협업 방안 모색",
    "attendance_count": 62,
    "participants": [ORGANISATION],
    "resolution_count": 9,
    "done_count": 3,
    "is_following": False,
    "created_at": "2015-05-28T09:00:00+09:00",
    "updated_at": "2015-05-28T09:00:00+09:00",
}
RESOLUTION = {
    "id": 7,
    "meeting": MEETING_SUMMARY,
    "title": "사회적경제 한마당 상설화와 분기별 개최",
    "description": "1년에 한 번이 아니라 분기마다 한마당을 열어 판로를 넓힌다.",
    "proposer": "분과 2",
    "responsible_enterprises": [ORGANISATION],
    "responsible_body": "고양시 일자리창출과",
    "responsible_person": {"id": 2, "display_name": "쿠키공방 대표"},
    "due_date": "2016-03-31",
    "tags": ["한마당", "판로"],
    "status": "in_progress",
    "status_label": "진행 중",
    "status_reason": "",
    "status_changed_at": "2015-09-01T10:00:00+09:00",
    "done_on": None,
    "is_overdue": False,
    "carried_over_from": None,
    "parent": None,
    "children_count": 2,
    "children_done": 1,
    "progress": 50,
    "update_count": 3,
    "last_update_at": "2016-01-15T10:00:00+09:00",
    "is_following": False,
    "created_at": "2015-05-28T09:00:00+09:00",
    "updated_at": "2016-01-15T10:00:00+09:00",
}
CHAIN_ITEM = {
    "id": 2,
    "title": "한마당 정례화 검토",
    "status": "dropped",
    "status_label": "중단",
    "due_date": "2014-12-31",
    "meeting": {"id": 0, "title": "2014 사회적경제 간담회", "held_at": "2014-06-10T14:00:00+09:00"},
}
LINK = {
    "id": 1,
    "kind": "event",
    "kind_label": "행사",
    "target_id": 12,
    "title": "고양 사회적경제 한마당",
    "path": "/events/12",
}
RESOLUTION_DETAIL = {
    **RESOLUTION,
    "children": [
        {"id": 8, "title": "한마당 예산 편성", "status": "done", "status_label": "완료", "due_date": "2015-12-31"}
    ],
    "links": [LINK],
    "carried_over_chain": [CHAIN_ITEM],
    "chain_length": 2,
    "carried_over_to": [],
    "can_write": False,
}
UPDATE = {
    "id": 4,
    "resolution": 7,
    "author": {"id": 2, "display_name": "쿠키공방 대표"},
    "signature": "쿠키공방 대표 (위캔센터)",
    "written_on": "2016-01-15",
    "body": "1분기 한마당 장소를 **고양시청 광장**으로 확정했습니다.",
    "body_html": "<p>1분기 한마당 장소를 <strong>고양시청 광장</strong>으로 확정했습니다.</p>\n",
    "status_from": "accepted",
    "status_from_label": "채택",
    "status_to": "in_progress",
    "status_to_label": "진행 중",
    "created_at": "2016-01-15T10:00:00+09:00",
}


def _page(item: dict) -> dict:
    return {"count": 1, "next": None, "previous": None, "results": [item]}


MEETING_OUT = OpenApiExample("meeting", value=MEETING, response_only=True)
MEETING_DETAIL_OUT = OpenApiExample(
    "meeting",
    value={
        **MEETING,
        "minutes": "## 분과별 회의\n- 조직을 한곳에 모은 홈페이지",
        "minutes_html": "<h2>분과별 회의</h2>\n<ul>\n<li>조직을 한곳에 모은 홈페이지</li>\n</ul>\n",
        "resolutions": [RESOLUTION],
        "agenda_items": [{"id": 1, "automatic": True, "resolution": CHAIN_ITEM}],
    },
    response_only=True,
)
MEETING_PAGE = OpenApiExample("page", value=_page(MEETING), response_only=True)
MEETING_CREATE = OpenApiExample(
    "meeting",
    value={
        "title": "2016 1분기 사회적경제 협의회",
        "held_at": "2016-03-10T14:00:00+09:00",
        "agenda": "한마당 준비 상황, 예산 공개",
        "minutes": "",
        "attendance_count": 40,
        "participant_ids": [1, 2],
    },
    request_only=True,
)
MEETING_PATCH = OpenApiExample("minutes", value={"minutes": "## 결정\n- 한마당을 분기마다 연다"}, request_only=True)
RESOLUTION_OUT = OpenApiExample("resolution", value=RESOLUTION_DETAIL, response_only=True)
RESOLUTION_PAGE = OpenApiExample("page", value=_page(RESOLUTION), response_only=True)
RESOLUTION_CREATE = OpenApiExample(
    "resolution",
    value={
        "meeting_id": 1,
        "title": "사회적경제 한마당 상설화와 분기별 개최",
        "description": "분기마다 한마당을 연다.",
        "proposer": "분과 2",
        "responsible_enterprise_ids": [1],
        "responsible_body": "고양시 일자리창출과",
        "due_date": "2016-03-31",
        "tags": ["한마당"],
    },
    request_only=True,
)
RESOLUTION_PATCH = OpenApiExample("due date", value={"due_date": "2016-06-30"}, request_only=True)
UPDATE_OUT = OpenApiExample("update", value=UPDATE, response_only=True)
UPDATE_PAGE = OpenApiExample("page", value=_page(UPDATE), response_only=True)
UPDATE_CREATE = OpenApiExample(
    "update",
    value={"body": "1분기 한마당 장소를 **고양시청 광장**으로 확정했습니다.", "status": "in_progress"},
    request_only=True,
)
UPDATE_DROP = OpenApiExample(
    "drop", value={"body": "시 예산이 편성되지 않아 중단합니다.", "status": "dropped"}, request_only=True
)
LINK_CREATE = OpenApiExample("event", value={"kind": "event", "target_id": 12}, request_only=True)
LINK_OUT = OpenApiExample("link", value=LINK, response_only=True)
FROM_COLLABORATION = OpenApiExample(
    "collaboration",
    value={"collaboration_id": 5, "meeting_id": 1, "due_date": "2016-06-30"},
    request_only=True,
)
STATS = OpenApiExample(
    "stats",
    value={
        "by_status": {"proposed": 1, "accepted": 2, "in_progress": 3, "done": 2, "dropped": 1, "overdue": 2},
        "by_party": [
            {
                "party": "고양시 일자리창출과",
                "enterprise_id": None,
                "enterprise_slug": None,
                "total": 4,
                "open": 2,
                "done": 2,
                "done_on_time": 1,
                "overdue": 1,
                "dropped": 0,
                "on_time_share": 0.25,
            },
            {
                "party": "위캔센터",
                "enterprise_id": 1,
                "enterprise_slug": "wecan-cookie",
                "total": 2,
                "open": 1,
                "done": 1,
                "done_on_time": 1,
                "overdue": 0,
                "dropped": 0,
                "on_time_share": 0.5,
            },
        ],
    },
    response_only=True,
)
PROMISES = OpenApiExample(
    "promises kept",
    value={
        "by_meeting": [
            {
                **MEETING_SUMMARY,
                "total": 9,
                "done": 3,
                "done_on_time": 2,
                "dropped": 1,
                "overdue": 2,
                "kept_share": 0.333,
            }
        ],
        "by_year": [
            {"year": 2015, "total": 9, "done": 3, "done_on_time": 2, "dropped": 1, "overdue": 2, "kept_share": 0.333}
        ],
    },
    response_only=True,
)
LINK_KINDS = OpenApiExample(
    "kinds",
    value=[{"key": "event", "label": "행사"}, {"key": "budget_item", "label": "예산 항목"}],
    response_only=True,
)
