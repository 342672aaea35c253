import pytest

from api.accounts import demo as accounts_demo
from api.board import demo
from api.board.models import Campaign, CampaignStatus, Collaboration, Post, PostKind
from api.enterprises import demo as enterprises_demo
from tests.world import client_for

pytestmark = pytest.mark.django_db


def test_demo_board_has_the_proposals_matches_and_a_campaign():
    accounts_demo.load()
    enterprises_demo.load()
    assert demo.load().endswith("1 campaign")
    counts = (Post.objects.count(), Collaboration.objects.count())
    assert demo.load() == "already there"
    assert (Post.objects.count(), Collaboration.objects.count()) == counts

    titles = set(Post.objects.values_list("title", flat=True))
    for words in ("플랫폼", "공동 홍보", "MT", "지원센터를 공동 운영"):
        assert any(words in title for title in titles), words
    assert Post.objects.filter(kind=PostKind.NOTICE, pinned=True).count() == 1
    assert Collaboration.objects.count() >= 3
    assert Campaign.objects.filter(status=CampaignStatus.PUBLISHED, products__isnull=False).exists()

    anonymous = client_for(None)
    feed = anonymous.get("/api/v1/posts/").json()["results"]
    assert feed[0]["title"] == demo.NOTICE_TITLE
    assert len(anonymous.get("/api/v1/collaborations/network/").json()["edges"]) >= 3
    member2 = accounts_demo.User.objects.get(email="member2@example.com")
    me = client_for(member2).get("/api/v1/auth/me/").json()
    assert [o["slug"] for o in me["organisations"]] == ["jihye-gongyu-coop"]
