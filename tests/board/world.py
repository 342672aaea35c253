"""Board objects the permission rows act on, written directly (no services: the world leaves no
audit entries or notifications behind, which other domains' tests count).

- ``post_a``: member_a's request for organisation A (tags 공동판매, 한마당), organisation B
  interested, a comment by the citizen with member_a's reply, a hidden comment, an image;
- ``post_b``: member_b's offer for organisation B (open, tag 공동판매);
- ``post_news``: the citizen's news, reported by member_b (``report_open``);
- ``post_hidden``: the citizen's question hidden by the coordinator;
- ``notice``: a pinned notice; ``post_matched``: member_a's request matched with B (``collaboration``);
- ``campaign_a``: proposed by member_a for A; ``campaign_published``: A and B, published.
"""

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from api.board.models import (
    Campaign,
    CampaignParticipant,
    CampaignStatus,
    Collaboration,
    CollaborationPartner,
    Comment,
    Interest,
    Post,
    PostImage,
    PostKind,
    PostStatus,
    Report,
    Tag,
)
from api.common.richtext import render_markdown
from api.enterprises import selectors as directory

ORDER = 50


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def _post(author, kind, title, body, *, tags=(), minutes_ago=0, **extra) -> Post:
    post = Post.objects.create(
        kind=kind,
        title=title,
        body=body,
        body_html=render_markdown(body),
        author=author,
        status=PostStatus.OPEN if kind in (PostKind.REQUEST, PostKind.OFFER) else "",
        search_document=directory.search_document_of([title, body, *tags]),
        title_initials=directory.initials_of(title),
        **extra,
    )
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    post.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])
    post.refresh_from_db()
    return post


def _comment(post, author, body, parent=None, **extra) -> Comment:
    comment = Comment.objects.create(
        post=post, author=author, body=body, body_html=render_markdown(body), parent=parent, **extra
    )
    if not (extra.get("hidden_at") or extra.get("deleted_at")):
        Post.objects.filter(pk=post.pk).update(comment_count=post.comments.filter(hidden_at__isnull=True).count())
    return comment


def build(world) -> None:
    citizen, member_a, member_b, coordinator = (
        world.user("citizen"),
        world.user("member_a"),
        world.user("member_b"),
        world.user("coordinator"),
    )
    a, b = world.enterprise_a, world.enterprise_b
    now = timezone.now()
    world.post_a = _post(
        member_a,
        PostKind.REQUEST,
        "한마당 공동 부스를 함께 꾸릴 조직을 찾습니다",
        "겨울 한마당에서 **쿠키와 음료**를 함께 팝니다.",
        tags=["공동판매", "한마당"],
        enterprise=a,
        resource="skills",
        minutes_ago=50,
        interest_count=1,
    )
    world.post_b = _post(
        member_b,
        PostKind.OFFER,
        "친환경 포장재 남는 재고 나눕니다",
        "비누 포장에 쓰던 종이 상자가 남았습니다.",
        tags=["공동판매"],
        enterprise=b,
        resource="surplus_stock",
        minutes_ago=40,
    )
    world.post_news = _post(citizen, PostKind.NEWS, "동네 장터 소식", "토요일 장터에 다녀왔습니다.", minutes_ago=30)
    world.post_hidden = _post(
        citizen,
        PostKind.QUESTION,
        "가려질 질문",
        "광고 링크",
        minutes_ago=20,
        hidden_at=now,
        hidden_by=coordinator,
        hidden_reason="광고",
    )
    world.notice = _post(
        coordinator, PostKind.NOTICE, "게시판 이용 안내", "서로 존중해 주세요.", pinned=True, minutes_ago=60
    )
    world.interest_b = Interest.objects.create(post=world.post_a, enterprise=b, user=member_b, message="함께해요")
    world.comment_citizen = _comment(world.post_a, citizen, "좋은 생각이에요!")
    world.reply_a = _comment(world.post_a, member_a, "고맙습니다.", parent=world.comment_citizen)
    world.comment_hidden = _comment(
        world.post_a, citizen, "가려질 댓글", hidden_at=now, hidden_by=coordinator, hidden_reason="욕설"
    )
    world.image_a = PostImage.objects.create(post=world.post_a, image=png(), alt="사진")
    world.report_open = Report.objects.create(post=world.post_news, reporter=member_b, reason="중복 글입니다.")

    world.post_matched = _post(
        member_a,
        PostKind.REQUEST,
        "바리스타 교육 강사를 찾습니다",
        "다음 달 교육입니다.",
        enterprise=a,
        minutes_ago=10,
        interest_count=1,
    )
    Post.objects.filter(pk=world.post_matched.pk).update(status=PostStatus.MATCHED)
    Interest.objects.create(post=world.post_matched, enterprise=b, user=member_b)
    world.collaboration = Collaboration.objects.create(
        post=world.post_matched, title=world.post_matched.title, matched_by=member_a
    )
    CollaborationPartner.objects.bulk_create(
        [CollaborationPartner(collaboration=world.collaboration, enterprise=e) for e in (a, b)]
    )

    def campaign(title, starts_on, **extra):
        found = Campaign.objects.create(
            title=title,
            story="이웃이 만든 선물.",
            story_html=render_markdown("이웃이 만든 선물."),
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=30),
            enterprise=a,
            proposed_by=member_a,
            **extra,
        )
        CampaignParticipant.objects.create(campaign=found, enterprise=a, joined_by=member_a)
        return found

    world.campaign_a = campaign("겨울 선물 꾸러미", date(2026, 12, 1))
    world.campaign_a.products.set([world.product_a])
    world.campaign_published = campaign(
        "봄맞이 공동 홍보", date(2027, 3, 1), status=CampaignStatus.PUBLISHED, published_at=now
    )
    CampaignParticipant.objects.create(campaign=world.campaign_published, enterprise=b, joined_by=member_b)
    world.campaign_published.products.set([world.product_b])
    published = Collaboration.objects.create(
        campaign=world.campaign_published, title=world.campaign_published.title, matched_by=member_a
    )
    CollaborationPartner.objects.bulk_create(
        [CollaborationPartner(collaboration=published, enterprise=e) for e in (a, b)]
    )
    _post(
        member_a,
        PostKind.PROMOTION,
        world.campaign_published.title,
        "봄 장터.",
        enterprise=a,
        campaign=world.campaign_published,
        minutes_ago=5,
    )

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
