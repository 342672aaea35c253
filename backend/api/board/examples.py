"""OpenAPI examples of the board endpoints (Korean demo-like values)."""

from drf_spectacular.utils import OpenApiExample

_ORG = {"id": 1, "slug": "wecan-cookie", "name": "위캔쿠키", "name_en": "WeCan Cookie"}
_ORG_B = {"id": 2, "slug": "jihye-gongyu-coop", "name": "지혜공유협동조합", "name_en": "Wisdom Sharing Cooperative"}
_AUTHOR = {"id": 3, "display_name": "쿠키공방 대표"}
_POST = {
    "id": 41,
    "kind": "request",
    "kind_label": "협업 요청",
    "title": "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
    "excerpt": "겨울 한마당에서 쿠키와 음료를 함께 파는 공동 부스를 준비합니다. 바리스타 교육을 하는 조직이면 좋겠습니다.",
    "tags": ["공동판매", "한마당"],
    "author": _AUTHOR,
    "enterprise": _ORG,
    "status": "open",
    "status_label": "진행 중",
    "deadline": "2026-12-01",
    "resource": "skills",
    "sector": "food",
    "pinned": False,
    "campaign": None,
    "images": [],
    "comment_count": 2,
    "interest_count": 1,
    "edited": False,
    "hidden": False,
    "url": "/board/41",
    "created_at": "2026-11-20T10:00:00+09:00",
    "updated_at": "2026-11-20T10:00:00+09:00",
}
_COMMENT = {
    "id": 7,
    "post": 41,
    "parent": None,
    "author": {"id": 5, "display_name": "배움협동조합 대표"},
    "body": "저희가 바리스타 교육을 합니다. 함께해요!",
    "body_html": "<p>저희가 바리스타 교육을 합니다. 함께해요!</p>\n",
    "removed": False,
    "removed_reason": "",
    "edited": False,
    "can_edit": False,
    "created_at": "2026-11-20T11:00:00+09:00",
}
_INTEREST = {
    "id": 3,
    "enterprise": _ORG_B,
    "user": {"id": 5, "display_name": "배움협동조합 대표"},
    "message": "바리스타 교육생들과 함께 참여하고 싶습니다.",
    "created_at": "2026-11-20T11:05:00+09:00",
}
_COLLABORATION = {
    "id": 9,
    "title": "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
    "note": "12월 한마당에서 공동 부스 운영",
    "post": {"id": 41, "kind": "request", "title": "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다"},
    "campaign": None,
    "partners": [_ORG, _ORG_B],
    "matched_at": "2026-11-22T15:00:00+09:00",
}
_DETAIL = {
    **_POST,
    "body": "겨울 한마당에서 **쿠키와 음료**를 함께 파는 공동 부스를 준비합니다.",
    "body_html": "<p>겨울 한마당에서 <strong>쿠키와 음료</strong>를 함께 파는 공동 부스를 준비합니다.</p>\n",
    "hidden_reason": "",
    "can_edit": False,
    "interests": [_INTEREST],
    "collaboration": _COLLABORATION,
    "comments": [{**_COMMENT, "replies": [{**_COMMENT, "id": 8, "parent": 7, "author": _AUTHOR, "body": "좋습니다!"}]}],
}
_CAMPAIGN = {
    "id": 2,
    "title": "고양 사회적경제 겨울 선물 꾸러미",
    "story": "연말 선물은 이웃이 만든 물건으로.",
    "story_html": "<p>연말 선물은 이웃이 만든 물건으로.</p>\n",
    "starts_on": "2026-12-01",
    "ends_on": "2026-12-31",
    "status": "published",
    "status_label": "공개",
    "enterprise": _ORG,
    "proposed_by": _AUTHOR,
    "participants": [
        {"enterprise": _ORG, "joined_at": "2026-11-01T09:00:00+09:00"},
        {"enterprise": _ORG_B, "joined_at": "2026-11-03T09:00:00+09:00"},
    ],
    "products": [
        {
            "id": 11,
            "enterprise": 1,
            "name": "우리밀 쿠키 선물세트",
            "price": 15000,
            "category": "food",
            "category_label": "식품",
        }
    ],
    "can_edit": False,
    "published_at": "2026-11-25T09:00:00+09:00",
    "created_at": "2026-11-01T09:00:00+09:00",
    "updated_at": "2026-11-25T09:00:00+09:00",
}
_REPORT = {
    "id": 4,
    "target": "comment",
    "target_post": {"id": 41, "kind": "request", "title": "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다"},
    "comment": 7,
    "excerpt": "광고 링크…",
    "target_hidden": False,
    "reason": "관계없는 광고입니다.",
    "reporter": {"id": 8, "display_name": "고양 시민"},
    "status": "resolved",
    "status_label": "처리됨",
    "resolution": "광고라서 가렸습니다.",
    "resolved_by": {"id": 1, "display_name": "지원센터 코디네이터"},
    "created_at": "2026-11-21T09:00:00+09:00",
    "resolved_at": "2026-11-21T10:00:00+09:00",
}

POST_PAGE = OpenApiExample(
    "page",
    value={"next": "https://sehub.example/api/v1/posts/?cursor=cD0yMDI2LTExLTIw", "previous": None, "results": [_POST]},
    response_only=True,
)
POST_DETAIL = OpenApiExample("post", value=_DETAIL, response_only=True)
POST_CREATE = OpenApiExample(
    "request",
    value={
        "kind": "request",
        "title": "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
        "body": "겨울 한마당에서 **쿠키와 음료**를 함께 파는 공동 부스를 준비합니다.",
        "tags": ["공동판매", "한마당"],
        "enterprise_id": 1,
        "deadline": "2026-12-01",
        "resource": "skills",
        "sector": "food",
    },
    request_only=True,
)
POST_PATCH = OpenApiExample("edit", value={"title": "한마당 공동 부스 파트너 찾습니다 (12월)"}, request_only=True)
PREVIEW_IN = OpenApiExample("markdown", value={"body": "**굵게** <script>alert(1)</script>"}, request_only=True)
PREVIEW_OUT = OpenApiExample(
    "html",
    value={"body_html": "<p><strong>굵게</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
    response_only=True,
)
IMAGE_OUT = OpenApiExample(
    "image",
    value={"id": 1, "image": "https://sehub.example/media/board/2f1c.png", "alt": "공동 부스 모습"},
    response_only=True,
)
COMMENT_OUT = OpenApiExample("comment", value=_COMMENT, response_only=True)
COMMENT_CREATE = OpenApiExample(
    "comment", value={"post_id": 41, "body": "저희가 바리스타 교육을 합니다. 함께해요!"}, request_only=True
)
COMMENT_PATCH = OpenApiExample("edit", value={"body": "저희가 바리스타 교육을 합니다."}, request_only=True)
INTEREST_CREATE = OpenApiExample(
    "interest", value={"enterprise_id": 2, "message": "바리스타 교육생들과 함께 참여하고 싶습니다."}, request_only=True
)
INTEREST_OUT = OpenApiExample("interest", value=_INTEREST, response_only=True)
MATCH_IN = OpenApiExample(
    "match", value={"enterprise_ids": [2], "note": "12월 한마당에서 공동 부스 운영"}, request_only=True
)
COLLABORATION_OUT = OpenApiExample("collaboration", value=_COLLABORATION, response_only=True)
COLLABORATION_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_COLLABORATION]}, response_only=True
)
NETWORK_OUT = OpenApiExample(
    "network",
    value={
        "nodes": [{**_ORG, "collaborations": 1}, {**_ORG_B, "collaborations": 1}],
        "edges": [{"source": 1, "target": 2, "weight": 1}],
    },
    response_only=True,
)
SUGGESTIONS_OUT = OpenApiExample(
    "suggestions",
    value={
        "posts": [
            {
                **_POST,
                "id": 52,
                "kind": "offer",
                "kind_label": "나눔·제공",
                "title": "바리스타 교육장 빌려드립니다",
                "score": 4,
            }
        ],
        "organisations": [{**_ORG_B, "score": 3}],
    },
    response_only=True,
)
REASON_IN = OpenApiExample("reason", value={"reason": "개인정보가 들어 있어 가립니다."}, request_only=True)
REPORT_IN = OpenApiExample("report", value={"reason": "관계없는 광고입니다."}, request_only=True)
REPORT_OUT = OpenApiExample("report", value=_REPORT, response_only=True)
REPORT_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_REPORT]}, response_only=True
)
CAMPAIGN_OUT = OpenApiExample("campaign", value=_CAMPAIGN, response_only=True)
CAMPAIGN_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [_CAMPAIGN]}, response_only=True
)
CAMPAIGN_CREATE = OpenApiExample(
    "campaign",
    value={
        "title": "고양 사회적경제 겨울 선물 꾸러미",
        "story": "연말 선물은 이웃이 만든 물건으로.",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
        "enterprise_id": 1,
        "product_ids": [11],
    },
    request_only=True,
)
CAMPAIGN_PATCH = OpenApiExample("edit", value={"ends_on": "2027-01-15"}, request_only=True)
CAMPAIGN_JOIN = OpenApiExample("join", value={"enterprise_id": 2, "product_ids": [21]}, request_only=True)
BOARD_STATS = {
    "collaborations": 4,
    "organisations_collaborated": 7,
    "organisations_collaborated_percent": 4.5,
    "open_requests": 3,
    "open_offers": 2,
}
RSS_EXAMPLE = OpenApiExample(
    "rss",
    value=(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>사회적경제 허브 게시판</title>'
        "<item><title>한마당 공동 부스를 함께 꾸릴 조직을 찾습니다</title></item></channel></rss>"
    ),
    response_only=True,
)
ATOM_EXAMPLE = OpenApiExample(
    "atom",
    value=(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>사회적경제 허브 게시판'
        "</title><entry><title>한마당 공동 부스를 함께 꾸릴 조직을 찾습니다</title></entry></feed>"
    ),
    response_only=True,
)
