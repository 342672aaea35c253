"""Demo board: the proposals of the 2015 workshop's breakout session (a shared news platform,
joint promotion, a retreat to get to know each other, a jointly run support centre, a quarterly
fair, one place listing every organisation) as posts, news of the demo organisations, open
requests and offers with interest, a few matched ones (the collaboration network) and one
published joint-promotion campaign with products.

Authors are the demo accounts (and fictional demo members of fictional organisations), never the
people of the report. Idempotent: nothing is added when the pinned notice exists.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from api.accounts import selectors as accounts
from api.accounts import services as account_services
from api.board import services
from api.board.models import Post, PostKind
from api.enterprises import selectors as directory
from api.enterprises import services as directory_services

ORDER = 40  # after accounts (10), the directory (20) and events (30)
NOTICE_TITLE = "2015 워크숍 분과 회의 제안을 게시판으로 옮겼습니다"


def _enterprise(slug: str) -> Any:
    return directory.enterprise_summaries().filter(slug=slug).first()


def _products(enterprise: Any, count: int = 1) -> list[int]:
    return list(directory.product_summaries().filter(enterprise_id=enterprise.pk).values_list("pk", flat=True)[:count])


def _fictional_members(coordinator: Any, wecan: Any, jihye: Any) -> list[tuple[Any, Any]]:
    """Three fictional organisations with a demo member each (no password: nobody logs in)."""
    others = list(
        directory.enterprise_summaries()
        .filter(directory.public_q())
        .exclude(pk__in=[wecan.pk, jihye.pk])
        .order_by("id")[:3]
    )
    pairs = []
    for number, enterprise in enumerate(others, start=1):
        email = f"demo-member-{number:02d}@example.com"
        user = account_services.user_get_or_create_without_password(
            email=email, display_name=f"{enterprise.name} 담당자"
        )
        full = directory.enterprise_list(user=coordinator).get(pk=enterprise.pk)
        directory_services.membership_add(enterprise=full, email=email, role="editor", actor=coordinator)
        pairs.append((user, enterprise))
    return pairs


def load() -> str:
    coordinator = accounts.user_active_by_email(email="coordinator@example.com")
    member = accounts.user_active_by_email(email="member@example.com")
    member2 = accounts.user_active_by_email(email="member2@example.com")
    wecan, jihye = _enterprise("wecan-cookie"), _enterprise("jihye-gongyu-coop")
    if None in (coordinator, member, member2, wecan, jihye):
        return "skipped: the demo accounts or organisations are missing"
    if Post.objects.filter(title=NOTICE_TITLE).exists():
        return "already there"
    full_jihye = directory.enterprise_list(user=coordinator).get(pk=jihye.pk)
    directory_services.membership_add(
        enterprise=full_jihye, email="member2@example.com", role="owner", actor=coordinator
    )
    others = _fictional_members(coordinator, wecan, jihye)
    posts: list[Post] = []

    def post(actor: Any, kind: str, title: str, body: str, **extra: Any) -> Post:
        created = services.post_create(actor=actor, kind=kind, title=title, body=body, **extra)
        posts.append(created)
        return created

    # The breakout session's proposals ("사회적경제기업 협업 방안 모색").
    post(
        coordinator,
        PostKind.NEWS,
        "1년에 한 번 책자로는 부족합니다: 모든 조직을 한곳에서",
        "2015년 워크숍 분과 회의에서 나온 첫 제안입니다. 여러 협동조합과 기업을 한곳에 모아 놓은 홈페이지가 있다면 "
        "서로 찾기가 훨씬 쉬울 것입니다.\n\n→ [조직 디렉터리](/enterprises)에서 고양시 사회적경제 조직을 찾아보세요.",
        tags=["워크숍 제안", "디렉터리"],
    )
    platform = post(
        coordinator,
        PostKind.REQUEST,
        "서로 소식을 알 수 있는 온라인·오프라인 플랫폼을 함께 만들어요",
        "분과 회의 제안: **서로 소식을 알 수 있는 온라인 및 오프라인 플랫폼**을 구축하자.\n\n"
        "- 온라인: 이 게시판에 소식, 협업 요청, 나눔을 올립니다.\n- 오프라인: 분기마다 한마당과 조합원의 날.\n\n"
        "운영을 함께할 조직을 찾습니다.",
        tags=["워크숍 제안", "플랫폼", "협업"],
        resource="skills",
    )
    post(
        coordinator,
        PostKind.NEWS,
        "사회적경제 한마당을 상설화하고 분기마다 엽시다",
        "분과 회의 제안: 사회적경제 한마당을 상설화하며, 분기마다 열어 폭넓고 다양한 행사가 되게 하자.\n\n"
        "→ [행사](/events)에서 다음 한마당을 확인하세요.",
        tags=["워크숍 제안", "한마당"],
    )
    post(
        member2,
        PostKind.QUESTION,
        "사회적경제 지원센터를 공동 운영하면 어떨까요?",
        "분과 회의에서 '자율성을 높이기 위하여 지원센터를 공동 운영하는 것이 옳다'는 의견이 나왔습니다. "
        "운영 위원회를 어떻게 꾸리면 좋을지 의견을 모읍니다.",
        tags=["워크숍 제안", "지원센터"],
        enterprise_id=jihye.pk,
    )
    retreat = post(
        member2,
        PostKind.REQUEST,
        "서로 알아가는 1박 2일 MT를 함께 준비할 조직을 찾습니다",
        "분과 회의 제안: 사람들에 대해서 알려면 MT를 한번 가 보는 것도 나쁘지 않다.\n\n"
        "봄에 1박 2일로 서로의 일터를 방문하고 저녁에는 이야기를 나누려고 합니다. 숙소와 프로그램을 함께 준비해요.",
        tags=["워크숍 제안", "MT", "네트워킹"],
        enterprise_id=jihye.pk,
        deadline=timezone.localdate() + timedelta(days=45),
    )
    promotion = post(
        member,
        PostKind.PROMOTION,
        "고양시 사회적경제를 알리는 공동 홍보를 합시다",
        "분과 회의 제안: 고양시의 사회적 경제를 알릴 수 있는 **공동 홍보**를 하자.\n\n"
        "각자 밴드, 카카오스토리, 페이스북으로 홍보하지만 아직 아는 사람만 압니다. 연말 선물 꾸러미 캠페인을 제안합니다.",
        tags=["워크숍 제안", "공동 홍보"],
        enterprise_id=wecan.pk,
    )

    # News of the demo organisations.
    post(
        member,
        PostKind.NEWS,
        "우리밀 쿠키 겨울 선물세트가 나왔습니다",
        "발달장애인 직원들이 구운 우리밀 쿠키 선물세트를 12월 한 달 동안 주문받습니다.",
        tags=["신제품", "식품"],
        enterprise_id=wecan.pk,
    )
    post(
        member2,
        PostKind.NEWS,
        "이번 달 조합원의 날: 지역 공부 모임",
        "매월 조합원의 날에 지역의 역사를 함께 공부합니다. 조합원이 아니어도 오세요.",
        tags=["조합원의 날", "교육"],
        enterprise_id=jihye.pk,
    )

    # Open requests and offers, with interest.
    space = post(
        member,
        PostKind.OFFER,
        "주말에 제빵 교육장을 빌려드립니다",
        "토요일과 일요일에 제빵 교육장(오븐 4대)이 비어 있습니다. 교육이나 체험 행사에 쓰세요.",
        tags=["공간 나눔", "교육"],
        enterprise_id=wecan.pk,
        resource="space",
        sector="food",
    )
    barista = post(
        member2,
        PostKind.REQUEST,
        "바리스타 교육 강사를 찾습니다",
        "조합원 대상 바리스타 입문 교육(4회)을 열려고 합니다. 강의해 주실 조직을 찾습니다.",
        tags=["교육", "바리스타"],
        enterprise_id=jihye.pk,
        resource="skills",
        sector="education",
    )
    services.interest_create(
        post=space, actor=member2, enterprise_id=jihye.pk, message="조합원 제빵 체험에 쓰고 싶습니다."
    )
    services.interest_create(
        post=barista, actor=member, enterprise_id=wecan.pk, message="바리스타 훈련 강사가 있습니다."
    )
    services.interest_create(post=platform, actor=member, enterprise_id=wecan.pk, message="쿠키공방이 함께합니다.")
    services.comment_create(actor=member, post_id=retreat.pk, body="좋아요! 쿠키 나들이 프로그램을 준비해 갈게요.")
    reply_to = services.comment_create(actor=coordinator, post_id=platform.pk, body="지원센터도 돕겠습니다.")
    services.comment_create(
        actor=member2, post_id=platform.pk, body="소식 올리는 법을 조합원 교육에 넣겠습니다.", parent_id=reply_to.pk
    )

    # A few matched ones: the collaboration network.
    booth = post(
        member,
        PostKind.REQUEST,
        "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
        "쿠키와 음료를 함께 파는 공동 부스를 준비합니다.",
        tags=["한마당", "공동판매"],
        enterprise_id=wecan.pk,
        resource="volunteers",
    )
    services.interest_create(post=booth, actor=member2, enterprise_id=jihye.pk, message="음료는 저희가 맡을게요.")
    services.post_match(post=booth, actor=member, enterprise_ids=[jihye.pk], note="겨울 한마당 공동 부스")
    for index, (user, enterprise) in enumerate(others):
        offer = post(
            user,
            PostKind.OFFER,
            f"{enterprise.name}: 남는 포장 상자 나눕니다"
            if index == 0
            else f"{enterprise.name}: 행사 천막을 빌려드립니다",
            "필요한 조직은 관심 표시를 눌러 주세요.",
            tags=["나눔"],
            enterprise_id=enterprise.pk,
            resource="surplus_stock" if index == 0 else "equipment",
        )
        taker = (member, wecan) if index % 2 == 0 else (member2, jihye)
        services.interest_create(post=offer, actor=taker[0], enterprise_id=taker[1].pk)
        services.post_match(post=offer, actor=user, enterprise_ids=[taker[1].pk])

    # One joint-promotion campaign with products, published (a feed item and a collaboration).
    campaign = services.campaign_create(
        actor=member,
        title="고양 사회적경제 겨울 선물 꾸러미",
        story="연말 선물은 이웃이 만든 물건으로. 고양시 사회적경제 조직들의 상품을 한 꾸러미로 소개합니다.\n\n"
        f"(공동 홍보 제안 글: [{promotion.title}](/board/{promotion.pk}))",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=40),
        enterprise_id=wecan.pk,
        product_ids=_products(wecan, 2),
    )
    services.campaign_join(campaign=campaign, actor=member2, enterprise_id=jihye.pk, product_ids=_products(jihye))
    for user, enterprise in others[:2]:
        services.campaign_join(
            campaign=campaign, actor=user, enterprise_id=enterprise.pk, product_ids=_products(enterprise)
        )
    services.campaign_publish(campaign=campaign, actor=member)

    # Last, so it is the newest: the pinned notice.
    services.post_create(
        actor=coordinator,
        kind=PostKind.NOTICE,
        title=NOTICE_TITLE,
        body="2015년 고양시 사회적경제 기업 워크숍의 분과 회의(사회적경제기업 협업 방안 모색)에서 나온 제안을 "
        "글로 옮겼습니다. 댓글로 의견을 보태고, 함께할 조직은 **관심 있어요**를 눌러 주세요.",
        tags=["워크숍 제안"],
        pinned=True,
    )
    return f"{len(posts) + 2} posts, 1 campaign"
