"""Examples of the directory's spec (``docs/openapi.yaml``): one realistic value per shape."""

from drf_spectacular.utils import OpenApiExample

ENTERPRISE = {
    "id": 1,
    "slug": "wecan-cookie",
    "name": "위캔쿠키",
    "name_en": "WeCan Cookie",
    "kind": "social",
    "kind_label": "사회적기업",
    "certification_number": "2012-045",
    "certified_on": "2012-06-01",
    "certification_expires_on": None,
    "sector": "food",
    "sector_label": "식품·외식",
    "social_mission": "발달장애인에게 제빵·바리스타 직업훈련과 일자리를 제공합니다.",
    "description": "발달장애인이 우리밀 쿠키를 굽는 사회적기업입니다.",
    "district": "ilsandong",
    "district_label": "일산동구",
    "address": "경기도 고양시 일산동구 ○○로 12",
    "latitude": 37.658,
    "longitude": 126.775,
    "phone": "031-000-0000",
    "email": "hello@wecan.example",
    "website": "https://wecan.example",
    "social_links": [
        {"kind": "blog", "kind_label": "블로그", "url": "https://blog.example/wecan", "label": "", "followers": None}
    ],
    "founded_on": "2001-03-01",
    "employees_total": 58,
    "employees_vulnerable": 40,
    "vulnerable_groups": ["disabled"],
    "logo": None,
    "tags": ["쿠키", "장애인고용"],
    "status": "active",
    "status_label": "운영 중",
    "verification_status": "verified",
    "verification_status_label": "인증됨",
    "is_verified": True,
    "verified_at": "2026-11-25T10:00:00+09:00",
    "product_count": 3,
    "created_at": "2026-11-25T10:00:00+09:00",
    "updated_at": "2026-11-25T10:00:00+09:00",
    "archived_at": None,
    "archive_reason": "",
}
ENTERPRISE_OUT = OpenApiExample("enterprise", value=ENTERPRISE, response_only=True)
ENTERPRISE_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [ENTERPRISE]}, response_only=True
)
ENTERPRISE_IN = OpenApiExample(
    "new organisation",
    value={
        "name": "햇살마을협동조합",
        "kind": "cooperative",
        "sector": "agriculture",
        "district": "deogyang",
        "address": "경기도 고양시 덕양구 ○○길 3",
        "social_mission": "지역 농산물로 마을 밥상을 차립니다.",
        "employees_total": 6,
        "employees_vulnerable": 2,
        "tags": ["로컬푸드"],
        "social_links": [{"kind": "naver_band", "url": "https://band.us/band/00000000"}],
    },
    request_only=True,
)
PRODUCT = {
    "id": 7,
    "enterprise": "wecan-cookie",
    "enterprise_name": "위캔쿠키",
    "name": "우리밀 수제 쿠키 선물세트",
    "description": "발달장애인 제빵사가 구운 쿠키 12개입.",
    "price": 15000,
    "price_on_request": False,
    "category": "food",
    "category_label": "식품",
    "image": None,
    "order_url": "https://wecan.example/shop",
    "order_contact": "031-000-0000",
    "is_available": True,
    "created_at": "2026-11-25T10:00:00+09:00",
    "updated_at": "2026-11-25T10:00:00+09:00",
    "archived_at": None,
    "archive_reason": "",
}
PRODUCT_OUT = OpenApiExample("product", value=PRODUCT, response_only=True)
PRODUCT_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [PRODUCT]}, response_only=True
)
PRODUCT_IN = OpenApiExample(
    "new product",
    value={"enterprise": "wecan-cookie", "name": "쿠키 선물세트", "price": 15000, "category": "food"},
    request_only=True,
)
MEMBER = {
    "id": 3,
    "user_id": 12,
    "email": "editor@example.com",
    "display_name": "홍보 담당",
    "role": "editor",
    "role_label": "편집자",
    "created_at": "2026-11-25T10:00:00+09:00",
}
TARGET = {
    "year": 2015,
    "organisations": 200,
    "jobs": 1000,
    "note": "2015년 고양시 사회적경제 육성 목표",
    "updated_at": "2026-11-25T10:00:00+09:00",
}

VERIFIED = {
    "slug": "wecan-cookie",
    "verification_status": "verified",
    "is_verified": True,
    "verified_at": "2026-11-25T10:00:00+09:00",
}

REJECTED = {
    "slug": "haengbok-coop",
    "verification_status": "rejected",
    "is_verified": False,
    "verified_at": None,
}

STATS = {
    "organisations": 155,
    "employees_total": 812,
    "employees_vulnerable": 301,
    "organisations_with_products": 90,
    "products": 180,
    "by_kind": [
        {
            "code": "village",
            "label": "마을기업",
            "organisations": 13,
            "employees_total": 70,
            "employees_vulnerable": 20,
        }
    ],
    "by_district": [
        {
            "code": "ilsandong",
            "label": "일산동구",
            "organisations": 52,
            "employees_total": 300,
            "employees_vulnerable": 120,
        }
    ],
    "by_sector": [
        {
            "code": "food",
            "label": "식품·외식",
            "organisations": 30,
            "employees_total": 200,
            "employees_vulnerable": 90,
        }
    ],
    "progress": [
        {
            "year": 2015,
            "organisations_target": 200,
            "organisations": 155,
            "organisations_percent": 77.5,
            "jobs_target": 1000,
            "jobs": 812,
            "jobs_percent": 81.2,
            "note": "2015년 고양시 사회적경제 육성 목표",
        }
    ],
}

CSV = "\ufeff기업명,영문명,기업유형,...\r\n위캔쿠키,WeCan Cookie,사회적기업,...\r\n"

IMPORTED = {"dry_run": False, "encoding": "cp949", "rows": 3, "created": 2, "updated": 1}

INVITE_EXAMPLE = OpenApiExample("invite", value={"email": "editor@example.com", "role": "editor"}, request_only=True)

NEW_PRODUCT_EXAMPLE = OpenApiExample(
    "new product", value={"name": "쿠키 선물세트", "price": 15000, "category": "food"}, request_only=True
)

UPDATE_EXAMPLE = OpenApiExample("update", value={"employees_total": 60, "employees_vulnerable": 41}, request_only=True)

UPDATE_EXAMPLE_2 = OpenApiExample("update", value={"price": None, "is_available": False}, request_only=True)

Y2016_EXAMPLE = OpenApiExample("2016", value={"year": 2016, "organisations": 220, "jobs": 1100}, request_only=True)

RAISE_EXAMPLE = OpenApiExample("raise", value={"organisations": 210}, request_only=True)

VERIFIED_EXAMPLE = OpenApiExample(
    "verified",
    value=VERIFIED,
)

REJECTED_EXAMPLE = OpenApiExample(
    "rejected",
    value=REJECTED,
)

MEMBERS_EXAMPLE = OpenApiExample("members", value=[MEMBER])

MEMBER_EXAMPLE = OpenApiExample("member", value=MEMBER)

CSV_EXAMPLE = OpenApiExample("csv", value=CSV)

IMPORTED_EXAMPLE = OpenApiExample(
    "imported",
    value=IMPORTED,
)

STATS_EXAMPLE = OpenApiExample(
    "stats",
    value=STATS,
)

TARGETS_EXAMPLE = OpenApiExample("targets", value=[TARGET])

TARGET_EXAMPLE = OpenApiExample("target", value=TARGET)

RESTORE_ENTERPRISE_EXAMPLE = OpenApiExample("restore", value={"reason": "보관 요청 철회"}, request_only=True)

RESTORE_PRODUCT_EXAMPLE = OpenApiExample("restore", value={"reason": "다시 판매합니다."}, request_only=True)
