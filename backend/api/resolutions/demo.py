"""Demo resolutions: the decisions of the 2015 workshop's breakout session (source report,
"분과별 회의: 사회적경제기업 협업 방안 모색"), followed up at later meetings.

Owners are demo organisations and the city department that ran the workshop (고양시 일자리창출과);
every person is a demo account (README), never someone from the report. Some decisions are done,
some carried over from meeting to meeting, some overdue; the next meeting, still to come, carries
the overdue ones on its agenda. Links go to the demo fair series and events now, and to budget lines
and board posts when those domains are installed (``link_kind(...).find(title)``; skipped
silently otherwise).

Idempotent: nothing is created when the breakout session is already there. Goes through the
services, so the audit log and the notices are those of real use.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from api.accounts import selectors as accounts
from api.common.linking import link_kind
from api.enterprises import selectors as directory
from api.resolutions import services
from api.resolutions.models import Meeting, Resolution, ResolutionLink, ResolutionStatus

ORDER = 80  # after accounts (10), the directory (20), events (30), budget (50) and the board
SEOUL = ZoneInfo(settings.TIME_ZONE)
CITY = "고양시 일자리창출과"
CENTRE = "고양시 사회적경제지원센터"
BREAKOUT_TITLE = "2015 사회적경제 기업 워크숍 분과별 회의: 사회적경제기업 협업 방안 모색"
WORKSHOP_TITLE = "고양시 사회적경제 통합을 위한 2015년 사회적경제 기업 워크숍"  # the events demo
FAIR_TITLE = "고양 사회적경제 한마당"
RETREAT_TITLE = "사회적경제 조직 네트워킹 MT"
MINUTES = """## 분과별 회의: 사회적경제기업 협업 방안 모색

- 사람들을 알려면 MT를 한번 가보는 것도 좋다.
- 1년에 한 번 나오는 책자로는 어렵다. 조직을 한곳에 모은 **홈페이지**가 있으면 서로 찾기 쉽다.
- 서로 소식을 알 수 있는 **온라인·오프라인 플랫폼**을 만들자.
- **사회적경제 한마당**을 상설화하고 분기마다 열어 폭넓고 다양한 행사가 되게 하자.
- 자율성을 높이기 위해 **사회적경제 지원센터를 공동 운영**하자.
- 고양시의 사회적경제를 알릴 **공동 홍보**를 하자.
- **예산이 투명하게 공개**되어야 한다.
- 논의한 일이 정확하게 **서면으로 통보**되는지 알 수 있어야 한다. 그렇지 않으면 해마다 같은 이야기를 재탕한다.
- **정부 의존도를 낮추어야** 한다. (소비자에게 열린 온라인 장터처럼)
"""


def _at(day: date, at: time = time(14, 0)) -> datetime:
    return datetime.combine(day, at, tzinfo=SEOUL)


def _find(kind: str, title: str) -> int | None:
    registered = link_kind(kind)
    if registered is None or registered.find is None:
        return None
    return registered.find(title)


def _link(resolution: Resolution, actor: Any, kind: str, title: str) -> None:
    target_id = _find(kind, title)
    if target_id is None and link_kind(kind) is not None:
        raise LookupError(f"demo data: no {kind} titled {title!r} to link to")
    if (
        target_id is not None
        and not ResolutionLink.objects.filter(resolution=resolution, kind=kind, target_id=target_id).exists()
    ):
        services.resolution_link_add(resolution=resolution, actor=actor, kind=kind, target_id=target_id)


def _write(resolution: Resolution, actor: Any, written_on: date, body: str, status: str | None = None) -> None:
    services.resolution_update_post(resolution=resolution, actor=actor, body=body, written_on=written_on, status=status)


def _backdate(resolution: Resolution) -> None:
    """Demo only: the latest update's date stands for when it was written (the services stamp now)."""
    latest = resolution.updates.order_by("-written_on", "-id").first()
    if latest is not None:
        Resolution.objects.filter(pk=resolution.pk).update(last_update_at=_at(latest.written_on, time(10, 0)))


def load() -> str:
    coordinator = accounts.user_active_by_email(email="coordinator@example.com")
    member = accounts.user_active_by_email(email="member@example.com")
    if coordinator is None or member is None:
        return "skipped: the demo accounts are missing"
    if Meeting.objects.filter(title=BREAKOUT_TITLE).exists():
        return "already there"
    slugs = {
        e.slug: e.pk for e in directory.enterprise_summaries().filter(slug__in=["wecan-cookie", "jihye-gongyu-coop"])
    }
    wecan, jihye = slugs.get("wecan-cookie"), slugs.get("jihye-gongyu-coop")
    both = [pk for pk in (wecan, jihye) if pk]
    today = timezone.localdate()

    breakout = services.meeting_create(
        actor=coordinator,
        title=BREAKOUT_TITLE,
        held_at=_at(date(2015, 5, 27), time(14, 0)),
        event_id=_find("event", WORKSHOP_TITLE),
        agenda="사회적경제기업 협업 방안 모색",
        minutes=MINUTES,
        participant_ids=both,
    )
    follow_up = services.meeting_create(
        actor=coordinator,
        title="2016 상반기 사회적경제 협의회",
        held_at=_at(date(2016, 3, 15)),
        agenda="2015 워크숍 결의 점검, 한마당 1분기 결과, 지원센터 운영 방식",
        minutes="## 2015 워크숍 결의 점검\n\n- 한마당 1분기 개최 결과 보고\n- 지원센터 공동 운영안은 다음 회의로 넘김",
        participant_ids=both,
    )
    recent_day = today - timedelta(days=75)
    recent = services.meeting_create(
        actor=coordinator,
        title=f"{recent_day.year} 사회적경제 협의회 ({recent_day.month}월)",
        held_at=_at(recent_day),
        agenda="이어온 결의 점검, 공동 홍보 계획",
        participant_ids=both,
    )

    def decide(meeting: Meeting, title: str, **extra: Any) -> Resolution:
        return services.resolution_create(actor=coordinator, meeting_id=meeting.pk, title=title, **extra)

    def accept(resolution: Resolution, on: date) -> None:
        _write(resolution, coordinator, on, "협의회에서 채택했습니다.", ResolutionStatus.ACCEPTED)

    # 1. A homepage gathering every organisation: this platform. Done, a little late.
    homepage = decide(
        breakout,
        "조직을 한곳에 모은 홈페이지",
        description="1년에 한 번 나오는 책자 대신, 협동조합과 기업을 한곳에 모아 서로 찾을 수 있는 홈페이지.",
        proposer="분과 1",
        responsible_body=CENTRE,
        responsible_person_id=coordinator.pk,
        due_date=date(2015, 12, 31),
        tags=["플랫폼", "조직 목록"],
    )
    accept(homepage, date(2015, 6, 10))
    _write(homepage, coordinator, date(2015, 9, 1), "조직 목록 자료를 모으고 있습니다.", ResolutionStatus.IN_PROGRESS)
    _write(
        homepage,
        coordinator,
        date(2016, 2, 20),
        "사회적경제 허브에 155개 조직이 모두 올라갔습니다.",
        ResolutionStatus.DONE,
    )

    # 2. The news platform: carried over twice, still in progress.
    news = decide(
        breakout,
        "온·오프라인 소식 공유 플랫폼",
        description="서로 소식을 알 수 있는 온라인·오프라인 플랫폼을 만든다.",
        proposer="분과 1",
        responsible_enterprise_ids=[jihye] if jihye else [],
        responsible_body="" if jihye else CENTRE,
        due_date=date(2015, 12, 31),
        tags=["플랫폼", "소식"],
    )
    accept(news, date(2015, 6, 10))
    _write(
        news,
        coordinator,
        date(2015, 12, 28),
        "온라인 게시판 설계가 끝나지 않아 2016 협의회로 넘깁니다.",
        ResolutionStatus.DROPPED,
    )
    news_2016 = decide(
        follow_up,
        "온·오프라인 소식 공유 플랫폼 (2016)",
        description="2015 결의를 이어받아 게시판과 월례 소식지를 연다.",
        responsible_enterprise_ids=both,
        due_date=date(2016, 12, 31),
        carried_over_from_id=news.pk,
        tags=["플랫폼", "소식"],
    )
    accept(news_2016, date(2016, 3, 15))
    _write(
        news_2016,
        member,
        date(2016, 11, 30),
        "월례 소식지는 시작했고, 게시판은 내년으로 넘깁니다.",
        ResolutionStatus.IN_PROGRESS,
    )
    news_now = decide(
        recent,
        "협업 게시판 운영",
        description="소식 공유와 협업 제안을 한 게시판에서.",
        responsible_enterprise_ids=both,
        responsible_person_id=member.pk,
        due_date=today + timedelta(days=20),
        carried_over_from_id=news_2016.pk,
        tags=["플랫폼", "소식"],
    )
    accept(news_now, recent_day)
    _write(
        news_now,
        member,
        today - timedelta(days=10),
        "허브의 게시판에 첫 협업 제안이 올라왔습니다.",
        ResolutionStatus.IN_PROGRESS,
    )

    # 3. The permanent quarterly fair, with sub-resolutions and links to the fair and its budget line.
    fair = decide(
        breakout,
        "사회적경제 한마당 상설화와 분기별 개최",
        description="한마당을 상설화하고 분기마다 열어 폭넓고 다양한 행사가 되게 한다.",
        proposer="분과 2",
        responsible_enterprise_ids=[wecan] if wecan else [],
        responsible_body=CITY,
        responsible_person_id=member.pk,
        due_date=date(2016, 12, 31),
        tags=["한마당", "판로"],
    )
    accept(fair, date(2015, 6, 10))
    _write(fair, member, date(2015, 10, 5), "시와 분기별 일정을 협의하고 있습니다.", ResolutionStatus.IN_PROGRESS)
    _write(fair, member, date(2016, 3, 14), "1분기 한마당을 고양시청 광장에서 열었습니다. 부스 13개가 찼습니다.")
    _link(fair, coordinator, "event", FAIR_TITLE)
    _link(fair, coordinator, "budget_item", "분기별 사회적경제 한마당 운영")
    _link(fair, coordinator, "post", "사회적경제 한마당을 상설화하고 분기마다 엽시다")
    for title, due, status, note in (
        (
            "한마당 예산 편성",
            date(2015, 12, 31),
            ResolutionStatus.DONE,
            "2016 예산에 한마당 운영 항목이 편성되었습니다.",
        ),
        ("분기별 일정 확정", date(2016, 2, 28), ResolutionStatus.DONE, "매 분기 둘째 토요일로 확정했습니다."),
        (
            "참가 조직 부스 모집",
            date(2016, 12, 31),
            ResolutionStatus.IN_PROGRESS,
            "먹거리, 공예, 서비스 구역으로 모집합니다.",
        ),
    ):
        child = decide(
            breakout,
            title,
            responsible_enterprise_ids=[wecan] if wecan else [],
            responsible_body=CITY,
            due_date=due,
            parent_id=fair.pk,
            tags=["한마당"],
        )
        accept(child, date(2015, 6, 10))
        _write(child, coordinator, min(due, date(2016, 2, 1)), "진행을 시작합니다.", ResolutionStatus.IN_PROGRESS)
        if status == ResolutionStatus.DONE:
            _write(child, coordinator, min(due, date(2016, 2, 20)), note, ResolutionStatus.DONE)
        else:
            _write(child, coordinator, date(2016, 3, 1), note)
        _backdate(child)

    # 4. A jointly run support centre: carried over, now overdue (goes on the next agenda).
    centre = decide(
        breakout,
        "사회적경제 지원센터 공동 운영",
        description="자율성을 높이기 위해 지원센터를 조직들과 시가 공동으로 운영한다.",
        proposer="분과 3",
        responsible_body=CITY,
        due_date=date(2016, 3, 1),
        tags=["지원센터"],
    )
    accept(centre, date(2015, 6, 10))
    _write(
        centre,
        coordinator,
        date(2016, 3, 1),
        "운영 방식 합의가 늦어져 2016 협의회에서 다시 다룹니다.",
        ResolutionStatus.DROPPED,
    )
    centre_2016 = decide(
        follow_up,
        "지원센터 공동 운영위원회 구성",
        description="조직 대표와 시가 함께하는 운영위원회를 꾸린다.",
        responsible_body=CITY,
        due_date=today - timedelta(days=30),
        carried_over_from_id=centre.pk,
        tags=["지원센터"],
    )
    accept(centre_2016, date(2016, 3, 15))
    _write(
        centre_2016, coordinator, date(2016, 6, 1), "운영위원 후보를 추천받고 있습니다.", ResolutionStatus.IN_PROGRESS
    )
    _link(centre_2016, coordinator, "budget_item", "2016 사회적경제 지원센터 운영")
    _link(centre_2016, coordinator, "post", "사회적경제 지원센터를 공동 운영하면 어떨까요?")

    # 5. Joint promotion: accepted, overdue, no written update for a long time.
    promotion = decide(
        breakout,
        "고양시 사회적경제 공동 홍보",
        description="고양시의 사회적경제를 시민에게 알리는 공동 홍보.",
        proposer="분과 2",
        responsible_enterprise_ids=both,
        due_date=date(2016, 6, 30),
        tags=["홍보"],
    )
    accept(promotion, date(2015, 6, 10))
    _link(promotion, coordinator, "budget_item", "2016 시민 인식 확산 홍보")
    _link(promotion, coordinator, "post", "고양시 사회적경제를 알리는 공동 홍보를 합시다")

    # 6. Transparent budget disclosure: done on time.
    budget = decide(
        breakout,
        "예산의 투명한 공개",
        description="지원 예산이 어디에 쓰이는지 항목별로 공개한다.",
        proposer="분과 3",
        responsible_body=CITY,
        due_date=date(2016, 3, 31),
        tags=["예산", "투명성"],
    )
    accept(budget, date(2015, 6, 10))
    _write(budget, coordinator, date(2015, 11, 2), "항목별 공개 양식을 만들고 있습니다.", ResolutionStatus.IN_PROGRESS)
    _write(budget, coordinator, date(2016, 3, 2), "2016 예산과 집행 내역을 허브에 공개했습니다.", ResolutionStatus.DONE)
    _link(budget, coordinator, "budget_item", "분기별 사회적경제 한마당 운영")

    # 7. Written follow-up of discussions: this page. In progress.
    follow = decide(
        breakout,
        "논의 결과의 서면 통보",
        description="논의한 일이 정확하게 서면으로 통보되는지 알 수 있게 한다. 그렇지 않으면 해마다 같은 이야기를 재탕한다.",
        proposer="분과 3",
        responsible_body=CENTRE,
        responsible_person_id=coordinator.pk,
        due_date=today + timedelta(days=45),
        tags=["서면 통보", "투명성"],
    )
    accept(follow, date(2015, 6, 10))
    _write(
        follow,
        coordinator,
        today - timedelta(days=3),
        "결의마다 담당과 기한, 서면 경과를 허브에 공개합니다.",
        ResolutionStatus.IN_PROGRESS,
    )

    # 8. Lower dependence on government funding: proposed, then an open marketplace carried over.
    independence = decide(
        breakout,
        "정부 의존도 낮추기",
        description="한 참석자의 제안: 소비자에게 열린 온라인 장터처럼 조직의 상품을 소비자와 잇는다.",
        proposer="분과 1 참석자",
        responsible_enterprise_ids=both,
        due_date=date(2016, 12, 31),
        tags=["자립", "판로"],
    )
    market = decide(
        recent,
        "소비자에게 열린 온라인 장터",
        description="허브의 상품 목록을 시민이 찾고 살 수 있게 넓힌다.",
        responsible_enterprise_ids=both,
        responsible_person_id=member.pk,
        due_date=today - timedelta(days=5),
        carried_over_from_id=independence.pk,
        tags=["자립", "판로"],
    )
    accept(market, recent_day)

    # 9. A retreat to get to know each other: done, linked to the networking event.
    retreat = decide(
        breakout,
        "사회적경제 조직 네트워킹 MT",
        description="사람들을 알려면 MT를 한번 가보자.",
        proposer="분과 1",
        responsible_enterprise_ids=[wecan] if wecan else [],
        responsible_body="" if wecan else CENTRE,
        responsible_person_id=member.pk,
        due_date=today + timedelta(days=40),
        tags=["네트워크"],
    )
    accept(retreat, date(2015, 6, 10))
    _write(
        retreat,
        member,
        today - timedelta(days=20),
        "장소를 정하고 참가 신청을 받고 있습니다.",
        ResolutionStatus.IN_PROGRESS,
    )
    _link(retreat, member, "event", RETREAT_TITLE)
    _link(retreat, coordinator, "post", "서로 알아가는 1박 2일 MT를 함께 준비할 조직을 찾습니다")

    for resolution in Resolution.objects.filter(meeting__in=[breakout, follow_up, recent]):
        _backdate(resolution)

    # The next meeting, still to come: the overdue resolutions are put on its agenda.
    services.meeting_create(
        actor=coordinator,
        title="다음 사회적경제 협의회",
        held_at=_at(today + timedelta(days=14)),
        agenda="기한이 지난 결의 점검",
    )
    return f"{Meeting.objects.count()} meetings, {Resolution.objects.count()} resolutions"
