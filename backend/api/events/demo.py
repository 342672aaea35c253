"""Demo events: the 2015 workshop of the source report, a quarterly fair series and monthly
members' days around today's date, and a few events that are full or have one seat left.

Idempotent: every demo event and series is found by its title before anything is created, so a
second run adds nothing. Dates are computed from the day of the first run. Host organisations are
looked up by slug and used only if the directory's demo data created them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from api.accounts import selectors as accounts
from api.accounts import services as account_services
from api.enterprises import selectors as directory
from api.events import services
from api.events.models import (
    BoothApplication,
    BoothApplicationStatus,
    BoothCategory,
    Event,
    EventKind,
    EventSeries,
    EventStatus,
    Registration,
    RegistrationStatus,
)

ORDER = 30
SEOUL = ZoneInfo(settings.TIME_ZONE)
ATTENDEES = 24

WORKSHOP_TITLE = "고양시 사회적경제 통합을 위한 2015년 사회적경제 기업 워크숍"
WORKSHOP_DESCRIPTION = """고양시 일자리창출과가 마련한 사회적경제 기업 워크숍입니다.

프로그램
1. 고양시 사회적경제 기업 현황 및 지원 사업 (발표: 고양시 일자리창출과)
   - 155개 조직: 마을기업 13, 사회적기업 11, 예비사회적기업 20, 육성기업 13, 협동조합 98
   - 목표: 200개 조직, 일자리 1,000개
2. 사회적경제 우수 사례: 발달장애인이 쿠키를 만드는 사회적기업 위캔센터 (직원 58명 중 장애인 40명)
3. 지혜공유 협동조합: 네이버 밴드, 카카오스토리, 페이스북, 카페·블로그와 총회, 매월 조합원의 날
4. 사회적경제의 성장을 위한 소셜비즈니스의 이해 (발표: 대학 교수)
5. 분과별 회의: 사회적경제기업 협업 방안 모색
   - 조직을 한곳에 모은 홈페이지, 온·오프라인 소식 공유 플랫폼
   - 사회적경제 한마당의 상설화와 분기별 개최
   - 공동 홍보, 투명한 예산 공개, 논의 결과의 서면 통보"""

FAIR_TITLE = "고양 사회적경제 한마당"
FAIR_DESCRIPTION = (
    "분기마다 열리는 고양시 사회적경제 박람회. 마을기업, 사회적기업, 협동조합이 상품을 전시하고 판매하며, "
    "체험 프로그램과 공연이 함께합니다. 누구나 무료로 참여할 수 있습니다."
)
MEMBERS_DAY_TITLE = "지혜공유 협동조합 조합원의 날"
MEMBERS_DAY_DESCRIPTION = "매월 마지막 목요일 저녁, 조합원이 함께 배우고 이야기하는 날. 교육보다 재미를 앞세웁니다."

STANDALONE: list[dict[str, Any]] = [
    {
        "title": "사회적경제 창업 아카데미: 사업계획서 쓰기",
        "kind": EventKind.EDUCATION,
        "days": 9,
        "start": time(14, 0),
        "hours": 3,
        "venue_name": "고양시 사회적경제지원센터 교육장",
        "venue_address": "경기도 고양시 덕양구 고양시청로 10",
        "capacity": 20,
        "registered": 19,  # one seat left: two accounts registering → one confirmed, one waitlisted
        "description": "예비 창업자를 위한 사업계획서 작성 실습. 사회적 결핍에서 출발하는 소셜 아이템 찾기.",
    },
    {
        "title": "사회적경제 조직 네트워킹 MT",
        "kind": EventKind.NETWORKING,
        "days": 33,
        "start": time(10, 0),
        "hours": 30,
        "venue_name": "고양시 청소년수련관",
        "venue_address": "경기도 고양시",
        "capacity": 8,
        "registered": 11,  # full, three on the waiting list
        "description": "서로를 알기 위한 1박 2일 MT. 2015년 워크숍 분과 회의에서 나온 제안입니다.",
    },
    {
        "title": "판로 개척 설명회: 공공구매와 온라인 판매",
        "kind": EventKind.MEETING,
        "days": 16,
        "start": time(15, 0),
        "hours": 2,
        "venue_name": "고양시청 회의실",
        "venue_address": "경기도 고양시 덕양구 고양시청로 10",
        "capacity": 40,
        "registered": 6,
        "cancel": "강사 사정으로 취소되었습니다. 다음 분기에 다시 열겠습니다.",
        "description": "공공기관 우선구매 제도와 온라인 장터 입점 방법을 안내합니다.",
    },
    {
        "title": "사회적경제 나눔 장터",
        "kind": EventKind.MARKET,
        "days": 23,
        "start": time(11, 0),
        "hours": 5,
        "venue_name": "일산 문화공원",
        "venue_address": "경기도 고양시 일산동구",
        "capacity": None,
        "registered": 4,
        "description": "지역 사회적경제 조직의 먹거리와 생활용품을 만나는 장터.",
    },
]


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=SEOUL)


def _second_saturday_on_or_after(day: date) -> date:
    """The first date ≥ ``day`` that is the second Saturday of its month."""
    probe = day
    while True:
        first = probe.replace(day=1)
        saturday = first + timedelta(days=(5 - first.weekday()) % 7 + 7)
        if saturday >= day:
            return saturday
        probe = (first + timedelta(days=32)).replace(day=1)


def _attendees() -> list[Any]:
    return [
        account_services.user_get_or_create_without_password(
            email=f"demo-attendee-{number:02d}@example.com", display_name=f"데모 참가자 {number:02d}"
        )
        for number in range(1, ATTENDEES + 1)
    ]


def _register(event: Event, users: list[Any]) -> None:
    """Demo registrations written directly (no notifications), in order, never over capacity."""
    now = timezone.now()
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    for index, user in enumerate(users):
        if Registration.objects.filter(event=event, user=user).exists():
            continue
        full = event.capacity is not None and confirmed >= event.capacity
        Registration.objects.create(
            event=event,
            user=user,
            status=RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED,
            queued_at=now - timedelta(minutes=len(users) - index),
            confirmed_at=None if full else now,
        )
        confirmed += 0 if full else 1


def _hosts(*slugs: str) -> list[int]:
    return list(directory.enterprise_summaries().filter(slug__in=slugs).values_list("pk", flat=True))


def load() -> str:
    coordinator = accounts.user_active_by_email(email="coordinator@example.com")
    if coordinator is None:
        return "skipped: the demo accounts are missing"
    attendees = _attendees()
    wecan = _hosts("wecan-cookie")
    today = timezone.localdate()
    created: list[str] = []

    if not Event.objects.filter(title=WORKSHOP_TITLE).exists():
        workshop = Event.objects.create(
            title=WORKSHOP_TITLE,
            description=WORKSHOP_DESCRIPTION,
            kind=EventKind.WORKSHOP,
            starts_at=_at(date(2015, 5, 27), time(10, 0)),
            ends_at=_at(date(2015, 5, 27), time(15, 0)),
            venue_name="고양시정연수원",
            venue_address="경기도 고양시",
            created_by=coordinator,
        )
        workshop.organisers.set([coordinator])
        created.append("2015 workshop")

    if not EventSeries.objects.filter(title=FAIR_TITLE).exists():
        first_fair = _second_saturday_on_or_after(today + timedelta(days=10))
        series = services.event_series_create(
            actor=coordinator,
            title=FAIR_TITLE,
            description=FAIR_DESCRIPTION,
            kind=EventKind.FAIR,
            recurrence_rule="FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA",
            starts_at=_at(first_fair, time(10, 0)),
            ends_at=_at(first_fair, time(17, 0)),
            venue_name="고양시청 광장",
            venue_address="경기도 고양시 덕양구 고양시청로 10",
            capacity=300,
            host_ids=wecan,
        )
        fair = series.occurrences.order_by("starts_at").first()
        assert fair is not None  # the rule yields occurrences: the service refuses one that does not
        Event.objects.filter(pk=fair.pk).update(registration_opens_at=timezone.now() - timedelta(days=7))
        _register(fair, attendees[:12])
        food = BoothCategory.objects.create(event=fair, category="food", name="먹거리", booths=6)
        BoothCategory.objects.create(event=fair, category="crafts", name="공예·생활용품", booths=4)
        BoothCategory.objects.create(event=fair, category="services", name="돌봄·교육 서비스", booths=3)
        for enterprise_id in wecan:
            application = BoothApplication.objects.create(
                event=fair,
                category=food,
                enterprise_id=enterprise_id,
                status=BoothApplicationStatus.ACCEPTED,
                note="쿠키 시식과 바리스타 체험",
                decided_at=timezone.now(),
                decided_by=coordinator,
                queued_at=timezone.now(),
            )
            application.products.set(
                directory.product_summaries().filter(enterprise_id=enterprise_id, is_available=True)[:3]
            )
        created.append(f"quarterly fair ({series.occurrences.count()} occurrences)")

    if not EventSeries.objects.filter(title=MEMBERS_DAY_TITLE).exists():
        start = today + timedelta(days=3)
        series = services.event_series_create(
            actor=coordinator,
            title=MEMBERS_DAY_TITLE,
            description=MEMBERS_DAY_DESCRIPTION,
            kind=EventKind.MEMBERS_DAY,
            recurrence_rule="FREQ=MONTHLY;BYDAY=-1TH",
            starts_at=_at(start, time(19, 0)),
            ends_at=_at(start, time(21, 0)),
            venue_name="지혜공유 협동조합 배움터",
            venue_address="경기도 고양시 일산서구",
            capacity=12,
            host_ids=_hosts("jihye-share-coop", "wisdom-sharing-coop"),
        )
        upcoming = list(series.occurrences.order_by("starts_at")[:2])
        if upcoming:
            _register(upcoming[0], attendees[:15])  # full: 12 confirmed, 3 waiting
        if len(upcoming) > 1:
            _register(upcoming[1], attendees[:5])
        created.append(f"monthly members' day ({series.occurrences.count()} occurrences)")

    for spec in STANDALONE:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        day = today + timedelta(days=spec["days"])
        starts_at = _at(day, spec["start"])
        event = services.event_create(
            actor=coordinator,
            title=spec["title"],
            kind=spec["kind"],
            description=spec["description"],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=spec["hours"]),
            venue_name=spec["venue_name"],
            venue_address=spec["venue_address"],
            capacity=spec["capacity"],
            registration_closes_at=starts_at - timedelta(hours=1),
            host_ids=wecan if spec["kind"] == EventKind.EDUCATION else [],
        )
        _register(event, attendees[: spec["registered"]])
        if spec.get("cancel"):
            Event.objects.filter(pk=event.pk).update(
                status=EventStatus.CANCELLED, status_reason=spec["cancel"], sequence=1
            )
        created.append(event.title)

    return f"created: {', '.join(created)}" if created else "already there"
