"""Board objects the permission rows act on.

- ``post_a``: member_a's request for organisation A (tag 공동판매), organisation B interested,
  a comment by the citizen with member_a's reply, an image;
- ``post_b``: member_b's offer for organisation B (open);
- ``post_news``: the citizen's news, reported by member_b (``report_open``);
- ``post_hidden``: the citizen's question hidden by the coordinator; ``comment_hidden`` on post_a;
- ``notice``: a pinned notice; ``post_matched``: member_a's request matched with B (``collaboration``);
- ``campaign_a``: proposed by member_a for A; ``campaign_published``: A and B, published.
"""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from api.board import services
from api.board.models import PostKind

ORDER = 50


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def build(world) -> None:
    citizen, member_a, member_b, coordinator = (
        world.user("citizen"),
        world.user("member_a"),
        world.user("member_b"),
        world.user("coordinator"),
    )
    a, b = world.enterprise_a, world.enterprise_b
    world.post_a = services.post_create(
        actor=member_a,
        kind=PostKind.REQUEST,
        title="한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
        body="겨울 한마당에서 **쿠키와 음료**를 함께 팝니다.",
        tags=["공동판매", "한마당"],
        enterprise_id=a.pk,
        resource="skills",
    )
    world.post_b = services.post_create(
        actor=member_b,
        kind=PostKind.OFFER,
        title="친환경 포장재 남는 재고 나눕니다",
        body="비누 포장에 쓰던 종이 상자가 남았습니다.",
        tags=["공동판매"],
        enterprise_id=b.pk,
        resource="surplus_stock",
    )
    world.post_news = services.post_create(
        actor=citizen, kind=PostKind.NEWS, title="동네 장터 소식", body="토요일 장터에 다녀왔습니다."
    )
    world.post_hidden = services.post_create(
        actor=citizen, kind=PostKind.QUESTION, title="가려질 질문", body="광고 링크"
    )
    services.post_hide(post=world.post_hidden, actor=coordinator, reason="광고")
    world.notice = services.post_create(
        actor=coordinator, kind=PostKind.NOTICE, title="게시판 이용 안내", body="서로 존중해 주세요.", pinned=True
    )
    world.interest_b = services.interest_create(
        post=world.post_a, actor=member_b, enterprise_id=b.pk, message="함께해요"
    )
    world.comment_citizen = services.comment_create(actor=citizen, post_id=world.post_a.pk, body="좋은 생각이에요!")
    world.reply_a = services.comment_create(
        actor=member_a, post_id=world.post_a.pk, body="고맙습니다.", parent_id=world.comment_citizen.pk
    )
    world.comment_hidden = services.comment_create(actor=citizen, post_id=world.post_a.pk, body="가려질 댓글")
    services.comment_hide(comment=world.comment_hidden, actor=coordinator, reason="욕설")
    world.image_a = services.post_image_add(post=world.post_a, actor=member_a, image=png(), image_format="PNG")
    world.report_open = services.report_create(actor=member_b, post=world.post_news, reason="중복 글입니다.")

    world.post_matched = services.post_create(
        actor=member_a,
        kind=PostKind.REQUEST,
        title="바리스타 교육 강사를 찾습니다",
        body="다음 달 교육입니다.",
        enterprise_id=a.pk,
    )
    services.interest_create(post=world.post_matched, actor=member_b, enterprise_id=b.pk)
    world.collaboration = services.post_match(post=world.post_matched, actor=member_a, enterprise_ids=[b.pk])

    world.campaign_a = services.campaign_create(
        actor=member_a,
        title="겨울 선물 꾸러미",
        story="이웃이 만든 선물.",
        starts_on=date(2026, 12, 1),
        ends_on=date(2026, 12, 31),
        enterprise_id=a.pk,
        product_ids=[world.product_a.pk],
    )
    world.campaign_published = services.campaign_create(
        actor=member_a,
        title="봄맞이 공동 홍보",
        story="봄 장터.",
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 31),
        enterprise_id=a.pk,
    )
    services.campaign_join(
        campaign=world.campaign_published, actor=member_b, enterprise_id=b.pk, product_ids=[world.product_b.pk]
    )
    services.campaign_publish(campaign=world.campaign_published, actor=member_a)

    for name in (
        "post_a",
        "post_b",
        "post_news",
        "post_hidden",
        "notice",
        "comment_citizen",
        "reply_a",
        "comment_hidden",
        "image_a",
        "report_open",
        "post_matched",
        "collaboration",
        "campaign_a",
        "campaign_published",
    ):
        setattr(world, f"{name}_id", getattr(world, name).pk)
