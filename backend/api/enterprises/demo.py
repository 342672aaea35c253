"""Demo directory: Goyang's social economy as the 2015 workshop report describes it.

155 organisations in the report's mix (13 village enterprises, 11 certified social enterprises,
20 pre-certified, 13 incubated, 98 cooperatives) across the three districts, many with products,
and the city's 2015 targets (200 organisations, 1,000 jobs). Two are the report's own cases: the
cookie bakery employing people with developmental disabilities (58 staff, 40 disabled) and the
learning cooperative that reaches its members on Naver Band, KakaoStory and Facebook. Every other
organisation, and every person, phone number and address, is fictional. Idempotent: organisations
are keyed by slug and updated in place.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from api.accounts import selectors as accounts
from api.enterprises import services
from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    Membership,
    MembershipRole,
    Product,
    ProductCategory,
    ProgressTarget,
    Sector,
    SocialLinkKind,
    VulnerableGroup,
)

ORDER = 20
MIX = [
    (EnterpriseKind.VILLAGE, 13),
    (EnterpriseKind.SOCIAL, 11),
    (EnterpriseKind.PRE_SOCIAL, 20),
    (EnterpriseKind.INCUBATED, 13),
    (EnterpriseKind.COOPERATIVE, 98),
]
DISTRICTS = [("deogyang", "덕양구"), ("ilsandong", "일산동구"), ("ilsanseo", "일산서구")]
# Where each district's organisations are put on the map: a centre (latitude, longitude) in its built-up
# area and a spread in degrees, so the fictional addresses fall inside Goyang and off the Han river.
MAP_AREAS = {
    "deogyang": ((37.6380, 126.8350), 0.022),
    "ilsandong": ((37.6585, 126.7760), 0.014),
    "ilsanseo": ((37.6770, 126.7520), 0.014),
}


def _coordinates(slug: str, district: str) -> dict[str, Decimal]:
    """Plausible, fictional map coordinates for a demo organisation: the same on every run.

    Seeded by the slug, apart from the random sequence of `_fictional`, so names and numbers stay as
    they were before organisations had coordinates.
    """
    (lat, lng), spread = MAP_AREAS[district]
    rng = random.Random(f"map:{slug}")  # noqa: S311 - reproducible demo data, not security
    q = Decimal("0.000001")
    return {
        "latitude": Decimal(lat + rng.uniform(-spread, spread)).quantize(q),
        "longitude": Decimal(lng + rng.uniform(-spread, spread) * 1.25).quantize(q),
    }


WECAN: dict[str, Any] = {
    "slug": "wecan-cookie",
    "name": "위캔쿠키",
    "name_en": "WeCan Cookie",
    "kind": EnterpriseKind.SOCIAL,
    "certification_number": "2010-112",
    "certified_on": date(2010, 11, 1),
    "sector": Sector.FOOD,
    "social_mission": (
        "취업이 가장 어려운 발달장애인에게 직업재활서비스를 제공하여 장애인의 삶의 가치를 높이고 "
        "사회구성원으로서 역할을 할 수 있도록 돕습니다."
    ),
    "description": (
        "발달장애인이 우리밀 쿠키를 굽는 사회적기업입니다. 경영 이념은 고객만족 추구, 장애인의 경제적 자립, "
        "장애인 고용 기반 확립, 최고의 생산품, 끊임없는 도전. 제빵 훈련과 바리스타 훈련 등 직업기능향상 "
        "훈련, 치료공동체·모닝미팅·역할수행·쿠키나들이 같은 자기주도 훈련을 합니다."
    ),
    "district": "ilsandong",
    "address": "경기도 고양시 일산동구 (예시 주소) 12",
    "latitude": Decimal("37.658412"),
    "longitude": Decimal("126.773560"),
    "phone": "031-000-0101",
    "email": "hello@wecan-cookie.example",
    "website": "https://wecan-cookie.example",
    "founded_on": date(2001, 3, 1),
    "employees_total": 58,
    "employees_vulnerable": 40,
    "vulnerable_groups": [VulnerableGroup.DISABLED],
    "tags": ["쿠키", "제빵", "바리스타", "장애인고용", "직업재활"],
    "social_links": [{"kind": SocialLinkKind.BLOG, "url": "https://blog.example/wecan-cookie"}],
    "products": [
        ("우리밀 수제 쿠키 선물세트", "발달장애인 제빵사가 구운 쿠키 12개입.", 15000, ProductCategory.FOOD),
        ("위캔쿠키 오트밀 쿠키", "귀리와 우리밀로 만든 쿠키 한 봉.", 4500, ProductCategory.FOOD),
        ("단체 간식·행사 답례품 주문", "행사 규모에 맞춰 포장해 드립니다.", None, ProductCategory.FOOD),
        (
            "바리스타 커피 케이터링",
            "직업훈련을 마친 바리스타가 행사장에서 커피를 내립니다.",
            None,
            ProductCategory.SERVICES,
        ),
    ],
}
JIHYE: dict[str, Any] = {
    "slug": "jihye-gongyu-coop",
    "name": "지혜공유협동조합",
    "name_en": "Wisdom Sharing Cooperative",
    "kind": EnterpriseKind.COOPERATIVE,
    "sector": Sector.EDUCATION,
    "social_mission": "학습을 매개로 서로를 더 알게 하고, 지역에 대한 애정과 공동체적 관계를 만듭니다.",
    "description": (
        "온라인에서는 네이버 밴드(800여 명, 조합원 밴드 약 260명), 카카오스토리, 페이스북, 카페와 블로그로, "
        "오프라인에서는 총회와 매월 조합원의 날로 소통합니다. 교육은 재미있게, 목표는 꾸준히 이어 가는 것."
    ),
    "district": "ilsanseo",
    "address": "경기도 고양시 일산서구 (예시 주소) 7",
    "latitude": Decimal("37.676930"),
    "longitude": Decimal("126.749870"),
    "phone": "031-000-0202",
    "email": "hello@jihye-coop.example",
    "founded_on": date(2013, 9, 1),
    "employees_total": 3,
    "employees_vulnerable": 0,
    "tags": ["평생학습", "공동체", "조합원의 날"],
    "social_links": [
        {
            "kind": SocialLinkKind.NAVER_BAND,
            "url": "https://band.us/band/00000001",
            "label": "공개 밴드",
            "followers": 800,
        },
        {
            "kind": SocialLinkKind.NAVER_BAND,
            "url": "https://band.us/band/00000002",
            "label": "조합원 밴드",
            "followers": 260,
        },
        {"kind": SocialLinkKind.KAKAO_STORY, "url": "https://story.kakao.com/ch/jihye-example", "followers": 188},
        {"kind": SocialLinkKind.FACEBOOK, "url": "https://www.facebook.com/jihye.coop.example", "followers": 1461},
        {"kind": SocialLinkKind.NAVER_CAFE, "url": "https://cafe.naver.com/jihyecoopexample"},
        {"kind": SocialLinkKind.BLOG, "url": "https://blog.naver.com/jihyecoopexample"},
    ],
    "products": [
        ("시민 인문학 강좌", "한 달 네 번, 동네에서 함께 읽고 이야기합니다.", 40000, ProductCategory.EDUCATION),
        ("조합원의 날 체험 프로그램", "매월 조합원의 날에 열리는 체험 프로그램.", None, ProductCategory.EDUCATION),
    ],
}

# Fictional names, built from everyday words; (sector, name stems, product ideas).
SECTORS: list[tuple[str, list[str], list[tuple[str, str, ProductCategory]]]] = [
    (
        Sector.FOOD,
        ["밥상", "반찬가게", "베이커리", "두부공방", "도시락", "카페"],
        [
            ("수제 반찬 정기배송", "제철 재료로 만든 반찬 세 가지", ProductCategory.FOOD),
            ("우리밀 식빵", "매일 아침 굽는 식빵", ProductCategory.FOOD),
            ("손두부", "국산 콩 손두부 한 모", ProductCategory.FOOD),
            ("행사 도시락", "단체 주문 도시락", ProductCategory.FOOD),
        ],
    ),
    (
        Sector.AGRICULTURE,
        ["농장", "텃밭", "꾸러미", "로컬푸드"],
        [
            ("제철 채소 꾸러미", "고양 농가의 채소 한 상자", ProductCategory.AGRICULTURE),
            ("가와지 쌀", "고양에서 기른 쌀 10kg", ProductCategory.AGRICULTURE),
            ("텃밭 분양", "도시농업 텃밭 한 구획", ProductCategory.SERVICES),
        ],
    ),
    (
        Sector.EDUCATION,
        ["배움터", "공부방", "책방", "학교"],
        [
            ("방과후 교실", "초등학생 방과후 프로그램", ProductCategory.EDUCATION),
            ("마을 책 읽기 모임", "동네 책방 독서 모임", ProductCategory.EDUCATION),
        ],
    ),
    (
        Sector.CARE,
        ["돌봄", "방문요양", "건강돌봄"],
        [
            ("어르신 방문 돌봄", "주 2회 방문 돌봄 서비스", ProductCategory.CARE),
            ("아이 돌봄", "맞벌이 가정 아이 돌봄", ProductCategory.CARE),
        ],
    ),
    (
        Sector.MANUFACTURING,
        ["공방", "봉제", "목공소", "비누공방"],
        [
            ("천연 비누 세트", "올리브유로 만든 비누 세 개", ProductCategory.HOUSEHOLD),
            ("원목 도마", "원목 도마 중형", ProductCategory.CRAFTS),
            ("에코백", "면 에코백", ProductCategory.CLOTHING),
        ],
    ),
    (
        Sector.ENVIRONMENT,
        ["되살림", "자원순환", "녹색가게"],
        [
            ("중고 가구 수리", "버려진 가구를 고쳐 다시 씁니다", ProductCategory.SERVICES),
            ("업사이클 가방", "현수막으로 만든 가방", ProductCategory.CRAFTS),
        ],
    ),
    (
        Sector.CULTURE,
        ["극단", "예술공방", "문화놀이터"],
        [
            ("찾아가는 마을 공연", "학교·복지관 공연", ProductCategory.CULTURE),
            ("도자기 체험", "가족 도자기 만들기", ProductCategory.EDUCATION),
        ],
    ),
    (
        Sector.CLEANING,
        ["클린", "집수리", "방역"],
        [
            ("사무실 청소", "정기 사무실 청소 서비스", ProductCategory.SERVICES),
            ("집수리", "저소득 가구 집수리", ProductCategory.SERVICES),
        ],
    ),
    (
        Sector.IT,
        ["미디어", "마을방송", "디자인"],
        [
            ("홈페이지 제작", "작은 단체 홈페이지 제작", ProductCategory.SERVICES),
            ("영상 기록", "행사 영상 촬영과 편집", ProductCategory.SERVICES),
        ],
    ),
    (
        Sector.TOURISM,
        ["여행", "생태탐방"],
        [("한강하구 생태 탐방", "장항습지 생태 해설 탐방", ProductCategory.EDUCATION)],
    ),
    (Sector.HOUSING, ["주택", "공유주택"], [("집수리 상담", "주거 개선 상담", ProductCategory.SERVICES)]),
    (Sector.RETAIL, ["상점", "나눔가게"], [("공정무역 커피", "공정무역 원두 200g", ProductCategory.FOOD)]),
]
PREFIXES = [
    "햇살",
    "푸른",
    "다온",
    "한울",
    "행복",
    "초록",
    "가온",
    "누리",
    "새봄",
    "들꽃",
    "솔빛",
    "미소",
    "나눔",
    "함께",
    "꿈틀",
    "어울림",
    "소풍",
    "호수",
    "정발산",
    "능곡",
    "풍동",
    "백석",
    "행신",
    "화정",
    "주엽",
    "탄현",
    "대화",
    "원당",
    "고봉",
    "마두",
    "장항",
    "식사",
    "덕이",
    "벽제",
    "관산",
    "지축",
    "호수공원",
    "무지개",
    "두레",
]
KIND_SUFFIX = {
    EnterpriseKind.VILLAGE: "마을기업",
    EnterpriseKind.COOPERATIVE: "협동조합",
}
EMPLOYEES = {
    EnterpriseKind.VILLAGE: (3, 9),
    EnterpriseKind.SOCIAL: (10, 30),
    EnterpriseKind.PRE_SOCIAL: (4, 14),
    EnterpriseKind.INCUBATED: (2, 7),
    EnterpriseKind.COOPERATIVE: (1, 5),
}
SLUG_PREFIX = {
    EnterpriseKind.VILLAGE: "village",
    EnterpriseKind.SOCIAL: "social",
    EnterpriseKind.PRE_SOCIAL: "pre-social",
    EnterpriseKind.INCUBATED: "incubated",
    EnterpriseKind.COOPERATIVE: "coop",
}


def _fictional(today: date) -> list[dict[str, Any]]:
    """The 153 fictional organisations, the same on every run (seeded)."""
    rng = random.Random(2015)  # noqa: S311 - reproducible demo data, not security
    used = {WECAN["name"], JIHYE["name"]}
    specs: list[dict[str, Any]] = []
    for kind, count in MIX:
        # The two real cases are one social enterprise and one cooperative of the mix.
        count -= {EnterpriseKind.SOCIAL: 1, EnterpriseKind.COOPERATIVE: 1}.get(kind, 0)
        for n in range(1, count + 1):
            sector, stems, products = rng.choice(SECTORS)
            while True:
                name = f"{rng.choice(PREFIXES)}{rng.choice(stems)}"
                name = f"{name} {KIND_SUFFIX[kind]}" if kind in KIND_SUFFIX else name
                if name not in used:
                    used.add(name)
                    break
            district, district_ko = rng.choice(DISTRICTS)
            low, high = EMPLOYEES[kind]
            total = rng.randint(low, high)
            vulnerable = rng.randint(0, total) if kind != EnterpriseKind.COOPERATIVE else rng.randint(0, total // 2)
            groups = (
                rng.sample(
                    [
                        VulnerableGroup.ELDERLY,
                        VulnerableGroup.LOW_INCOME,
                        VulnerableGroup.DISABLED,
                        VulnerableGroup.CAREER_BREAK_WOMEN,
                        VulnerableGroup.MIGRANTS,
                    ],
                    k=min(2, vulnerable),
                )
                if vulnerable
                else []
            )
            founded = date(
                rng.randint(2008 if kind != EnterpriseKind.COOPERATIVE else 2013, 2015), rng.randint(1, 12), 1
            )
            founded = min(founded, date(2015, 5, 1))
            spec: dict[str, Any] = {
                "slug": f"{SLUG_PREFIX[kind]}-{n:03d}",
                "name": name,
                "kind": kind,
                "sector": sector,
                "social_mission": f"{district_ko}의 이웃과 함께 일자리를 만들고 지역의 필요를 채웁니다.",
                "description": f"고양시 {district_ko}에서 활동하는 {name}입니다.",
                "district": district,
                "address": f"경기도 고양시 {district_ko} (예시 주소) {rng.randint(1, 300)}",
                "phone": f"031-000-{rng.randint(1000, 9999)}",
                "founded_on": founded,
                "employees_total": total,
                "employees_vulnerable": vulnerable,
                "vulnerable_groups": groups,
                "tags": [],
                "social_links": [],
                **_coordinates(f"{SLUG_PREFIX[kind]}-{n:03d}", district),
            }
            if kind in (EnterpriseKind.SOCIAL, EnterpriseKind.VILLAGE):
                certified = founded + timedelta(days=rng.randint(90, 400))
                spec["certified_on"] = min(certified, date(2015, 5, 1))
                spec["certification_number"] = f"{spec['certified_on'].year}-{kind[:1].upper()}{n:03d}"
            if kind == EnterpriseKind.PRE_SOCIAL:
                # A designation lasts three years; some of these lapse soon, as coordinators must see.
                certified = today - timedelta(days=rng.randint(700, 1090))
                spec["certified_on"] = certified
                spec["certification_expires_on"] = certified + timedelta(days=3 * 365)
                spec["certification_number"] = f"예비-{certified.year}-{n:03d}"
            if rng.random() < 0.6:
                picks = rng.sample(products, k=min(len(products), rng.randint(1, 3)))
                spec["products"] = [
                    (p_name, p_desc, rng.choice([None, 5000, 8000, 12000, 20000, 35000]), cat)
                    for p_name, p_desc, cat in picks
                ]
                spec["tags"] = [stems[0]]
            if rng.random() < 0.3:
                spec["social_links"].append(
                    {"kind": SocialLinkKind.NAVER_BAND, "url": f"https://band.us/band/{rng.randint(10**7, 10**8 - 1)}"}
                )
            specs.append(spec)
    return specs


def _differs(enterprise: Enterprise, spec: dict[str, Any], tags: list[str], links: list[dict[str, Any]]) -> bool:
    """Whether the stored organisation differs from its demo definition (a re-run changes nothing)."""
    if any(getattr(enterprise, field) != value for field, value in spec.items()):
        return True
    if sorted(enterprise.tags.values_list("name", flat=True)) != sorted(tags):
        return True
    stored = list(enterprise.social_links.order_by("position").values_list("kind", "url", "label", "followers"))
    wanted = [(link["kind"], link["url"], link.get("label", ""), link.get("followers")) for link in links]
    return stored != wanted


def _upsert(spec: dict[str, Any], coordinator: Any) -> bool:
    spec = dict(spec)
    slug, tags, links = spec.pop("slug"), spec.pop("tags", []), spec.pop("social_links", [])
    products = spec.pop("products", [])
    existing = Enterprise.objects.filter(slug=slug).first()
    if existing is None:
        enterprise = services.enterprise_create(
            user=coordinator, tags=tags, social_links=links, slug=slug, verified=True, add_owner=False, **spec
        )
        created = True
    else:
        enterprise, created = existing, False
        if _differs(existing, spec, tags, links):
            enterprise = services.enterprise_update(enterprise=existing, tags=tags, social_links=links, **spec)
    have = set(Product.objects.filter(enterprise=enterprise).values_list("name", flat=True))
    for name, description, price, category in products:
        if name not in have:
            services.product_create(
                actor=coordinator,
                enterprise=enterprise,
                name=name,
                description=description,
                price=price,
                category=category,
                order_contact=spec.get("phone", ""),
            )
    return created


def load() -> str:
    coordinator = accounts.user_active_by_email(email="coordinator@example.com")
    specs = [WECAN, JIHYE, *_fictional(timezone.localdate())]
    created = sum(_upsert(spec, coordinator) for spec in specs)
    member = accounts.user_active_by_email(email="member@example.com")
    if member is not None:
        wecan = Enterprise.objects.get(slug=WECAN["slug"])
        Membership.objects.update_or_create(enterprise=wecan, user=member, defaults={"role": MembershipRole.OWNER})
    ProgressTarget.objects.get_or_create(
        year=2015, defaults={"organisations": 200, "jobs": 1000, "note": "2015년 고양시 사회적경제 육성 목표"}
    )
    return f"{created} organisation(s) created, {len(specs) - created} already there; 2015 targets"
