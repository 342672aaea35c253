"""The board's rules through the API: bad input, interest and matching, comments and placeholders,
moderation, notifications, campaigns, stats and the collaboration network."""

from __future__ import annotations

import pytest

from api.board import services
from api.board.models import Collaboration, Post, PostKind, PostStatus
from api.common.richtext import MAX_MARKDOWN_LENGTH
from api.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _codes(response) -> set[str]:
    body = response.json()
    return {body.get("code")} | {e.get("code") for e in body.get("errors", [])}


# --- Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "news", "title": "", "body": "x"}, "title"),
        ({"kind": "news", "title": "   ", "body": "x"}, "title"),
        ({"kind": "news", "title": "t", "body": ""}, "body"),
        ({"kind": "news", "title": "t", "body": "x" * (MAX_MARKDOWN_LENGTH + 1)}, "body"),
        ({"kind": "news", "title": "t" * 201, "body": "x"}, "title"),
        ({"kind": "gossip", "title": "t", "body": "x"}, "kind"),
        ({"kind": "news", "title": "t", "body": "x", "tags": [str(i) for i in range(11)]}, "tags"),
        ({"kind": "news", "title": "t", "body": "x", "deadline": "2026-12-01"}, "deadline"),
        ({"kind": "news", "title": "t", "body": "x", "pinned": True}, "pinned"),
        ({"kind": "notice", "title": "t", "body": "x"}, "kind"),
    ],
)
def test_bad_posts_are_400_naming_the_field(world, body, field):
    before = Post.objects.count()
    response = world.client("member_a").post("/api/v1/posts/", body, format="json")
    assert response.status_code == 400, response.json()
    assert field in {e["field"] for e in response.json()["errors"]}
    assert Post.objects.count() == before


def test_posting_for_another_organisation_is_403(world):
    response = world.client("member_b").post(
        "/api/v1/posts/",
        {"kind": "request", "title": "t", "body": "x", "enterprise_id": world.enterprise_a.pk},
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "not_your_organisation"


def test_posting_for_a_pending_organisation_is_400(world):
    response = world.client("citizen").post(
        "/api/v1/posts/",
        {"kind": "request", "title": "t", "body": "x", "enterprise_id": world.enterprise_pending.pk},
        format="json",
    )
    assert response.status_code in (400, 403)


def test_html_is_stored_as_source_and_rendered_inert(world):
    response = world.client("member_a").post(
        "/api/v1/posts/",
        {"kind": "news", "title": "<b>t</b>", "body": "<script>alert(1)</script>**굵게**"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "<b>t</b>"
    assert "<script>" not in body["body_html"] and "<strong>굵게</strong>" in body["body_html"]


# --- Interest and matching -----------------------------------------------------------------------


def test_interest_in_own_request_is_409(world):
    response = world.client("member_a").post(
        f"/api/v1/posts/{world.post_a.pk}/interest/", {"enterprise_id": world.enterprise_a.pk}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "own_post"


def test_interest_in_a_closed_request_is_409(world):
    services.post_close(post=world.post_b, actor=world.user("member_b"))
    response = world.client("member_a").post(
        f"/api/v1/posts/{world.post_b.pk}/interest/", {"enterprise_id": world.enterprise_a.pk}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "post_not_open"


def test_interest_twice_is_409(world):
    response = world.client("member_b").post(
        f"/api/v1/posts/{world.post_a.pk}/interest/", {"enterprise_id": world.enterprise_b.pk}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "already_interested"


def test_interest_notifies_the_author(world):
    Notification.objects.all().delete()
    response = world.client("member_a").post(
        f"/api/v1/posts/{world.post_b.pk}/interest/",
        {"enterprise_id": world.enterprise_a.pk, "message": "저희요"},
        format="json",
    )
    assert response.status_code == 201
    note = Notification.objects.get(user=world.user("member_b"), kind="board_interest_received")
    assert world.enterprise_a.name in note.title and note.url == f"/board/{world.post_b.pk}"


def test_matching_with_an_organisation_that_never_expressed_interest_is_400(world):
    pending = world.enterprise_pending.pk
    response = world.client("member_a").post(
        f"/api/v1/posts/{world.post_a.pk}/match/", {"enterprise_ids": [pending]}, format="json"
    )
    assert response.status_code == 400 and "not_interested" in _codes(response)
    assert Post.objects.get(pk=world.post_a.pk).status == PostStatus.OPEN


def test_matching_records_the_collaboration_and_it_shows_everywhere(world):
    Notification.objects.all().delete()
    response = world.client("member_a").post(
        f"/api/v1/posts/{world.post_a.pk}/match/",
        {"enterprise_ids": [world.enterprise_b.pk], "note": "12월"},
        format="json",
    )
    assert response.status_code == 200
    partners = {p["slug"] for p in response.json()["partners"]}
    assert partners == {world.enterprise_a.slug, world.enterprise_b.slug}
    assert Post.objects.get(pk=world.post_a.pk).status == PostStatus.MATCHED
    assert Notification.objects.filter(user=world.user("member_b"), kind="board_post_matched").exists()

    anonymous = world.client("anonymous")
    listed = anonymous.get("/api/v1/collaborations/").json()["results"]
    assert any(c["post"] and c["post"]["id"] == world.post_a.pk for c in listed)
    network = anonymous.get("/api/v1/collaborations/network/").json()
    a, b = sorted([world.enterprise_a.pk, world.enterprise_b.pk])
    edge = next(e for e in network["edges"] if (e["source"], e["target"]) == (a, b))
    assert edge["weight"] >= 2  # the world's matched request and campaign, and this one
    stats = anonymous.get("/api/v1/stats/").json()["board"]
    assert stats["collaborations"] == Collaboration.objects.count()
    assert stats["organisations_collaborated"] == 2
    assert 0 < stats["organisations_collaborated_percent"] <= 100

    again = world.client("member_a").post(
        f"/api/v1/posts/{world.post_a.pk}/match/", {"enterprise_ids": [world.enterprise_b.pk]}, format="json"
    )
    assert again.status_code == 409 and again.json()["code"] == "post_not_open"


def test_suggestions_rank_offers_with_shared_tags(world):
    response = world.client("anonymous").get(f"/api/v1/posts/{world.post_a.pk}/suggestions/")
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["posts"]] == [world.post_b.pk]
    assert response.json()["posts"][0]["score"] >= 2


def test_a_new_fitting_offer_notifies_the_request_author(world):
    Notification.objects.all().delete()
    services.post_create(
        actor=world.user("member_b"),
        kind=PostKind.OFFER,
        title="공동판매 부스 장비 빌려드립니다",
        body="천막과 탁자",
        tags=["공동판매"],
        enterprise_id=world.enterprise_b.pk,
    )
    assert Notification.objects.filter(user=world.user("member_a"), kind="board_match_suggested").exists()


# --- Comments ----------------------------------------------------------------------------------------


def test_reply_to_a_reply_is_400(world):
    response = world.client("citizen").post(
        "/api/v1/comments/", {"post_id": world.post_a.pk, "body": "x", "parent_id": world.reply_a.pk}, format="json"
    )
    assert response.status_code == 400 and "reply_to_reply" in _codes(response)


def test_comment_on_an_invisible_post_is_400(world):
    response = world.client("member_a").post(
        "/api/v1/comments/", {"post_id": world.post_hidden.pk, "body": "x"}, format="json"
    )
    assert response.status_code == 400


def test_reply_notifies_the_comment_author_and_the_post_author(world):
    Notification.objects.all().delete()
    world.client("member_b").post(
        "/api/v1/comments/",
        {"post_id": world.post_a.pk, "body": "저도요", "parent_id": world.comment_citizen.pk},
        format="json",
    )
    assert Notification.objects.filter(user=world.user("citizen"), kind="board_comment_replied").exists()
    assert Notification.objects.filter(user=world.user("member_a"), kind="board_post_commented").exists()


def test_an_empty_patch_of_a_comment_is_a_400_naming_body(world):
    url = f"/api/v1/comments/{world.comment_citizen.pk}/"
    response = world.client("citizen").patch(url, {}, format="json")
    assert response.status_code == 400
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("body", "invalid")]
    assert world.client("anonymous").get(url).json()["body"] == "좋은 생각이에요!"  # nothing changed


def test_deleted_comment_leaves_a_placeholder_coordinators_still_read(world):
    assert world.client("citizen").delete(f"/api/v1/comments/{world.comment_citizen.pk}/").status_code == 204
    public = world.client("anonymous").get(f"/api/v1/posts/{world.post_a.pk}/").json()
    thread = next(c for c in public["comments"] if c["id"] == world.comment_citizen.pk)
    assert thread["removed"] and thread["body"] == "" and thread["author"] is None
    assert [r["id"] for r in thread["replies"]] == [world.reply_a.pk]  # the reply stays readable
    staff = world.client("coordinator").get(f"/api/v1/posts/{world.post_a.pk}/").json()
    thread = next(c for c in staff["comments"] if c["id"] == world.comment_citizen.pk)
    assert thread["removed"] and thread["body"] == "좋은 생각이에요!"


# --- Moderation -------------------------------------------------------------------------------------------


def test_hidden_post_is_gone_from_lists_and_feeds(world):
    client = world.client("coordinator")
    assert (
        client.post(f"/api/v1/posts/{world.post_news.pk}/hide/", {"reason": "광고"}, format="json").status_code == 200
    )
    for role in ("anonymous", "member_a"):
        ids = [p["id"] for p in world.client(role).get("/api/v1/posts/").json()["results"]]
        assert world.post_news.pk not in ids
        assert world.client(role).get(f"/api/v1/posts/{world.post_news.pk}/").status_code == 404
    rss = world.client("anonymous").get("/api/v1/posts/feed.rss").content.decode()
    assert "동네 장터 소식" not in rss
    # the author still sees it, marked, with the reason
    mine = world.client("citizen").get(f"/api/v1/posts/{world.post_news.pk}/").json()
    assert mine["hidden"] and mine["hidden_reason"] == "광고"
    queue = client.get("/api/v1/reports/?status=resolved").json()["results"]
    assert any(r["id"] == world.report_open.pk for r in queue)
    from api.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="hide", object_id=world.post_news.pk, reason="광고").exists()


def test_hide_twice_is_409(world):
    response = world.client("coordinator").post(
        f"/api/v1/posts/{world.post_hidden.pk}/hide/", {"reason": "x"}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "already_hidden"


def test_posting_is_throttled_per_account(world, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "board_post": "2/hour"}
    client = world.client("citizen")
    statuses = [
        client.post("/api/v1/posts/", {"kind": "news", "title": f"t{i}", "body": "x"}, format="json").status_code
        for i in range(3)
    ]
    assert statuses == [201, 201, 429]


# --- Feed ---------------------------------------------------------------------------------------------------


def test_pinned_notice_first_then_newest(world):
    results = world.client("anonymous").get("/api/v1/posts/").json()["results"]
    assert results[0]["id"] == world.notice.pk and results[0]["pinned"]
    created = [r["created_at"] for r in results[1:]]
    assert created == sorted(created, reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=offer", "post_b"),
        ("status=matched", "post_matched"),
        ("tag=한마당", "post_a"),
        ("organisation=haengbok-coop&kind=offer", "post_b"),
        ("search=공동", "post_a"),
        ("search=부스", "post_a"),
        ("search=장", "post_news"),
        ("search=ㄷㄴㅈㅌ", "post_news"),
    ],
)
def test_feed_filters_and_korean_search(world, query, expected):
    ids = [p["id"] for p in world.client("anonymous").get(f"/api/v1/posts/?{query}").json()["results"]]
    assert getattr(world, expected).pk in ids, (query, ids)


def test_cursor_walks_the_whole_feed_once(world):
    client = world.client("anonymous")
    seen, url = [], "/api/v1/posts/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [p["id"] for p in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == Post.objects.filter(hidden_at__isnull=True, archived_at__isnull=True).count()


def test_rss_and_atom_are_feeds_filterable_by_kind(world):
    client = world.client("anonymous")
    rss = client.get("/api/v1/posts/feed.rss?kind=offer")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    text = rss.content.decode()
    assert "친환경 포장재" in text and "한마당 공동 부스" not in text
    atom = client.get("/api/v1/posts/feed.atom")
    assert atom["Content-Type"].startswith("application/atom+xml") and "<feed" in atom.content.decode()
    assert client.get("/api/v1/posts/feed.rss?kind=nope").status_code == 400


# --- Campaigns ------------------------------------------------------------------------------------------------


def test_publishing_a_campaign_makes_a_feed_item_and_tells_participants(world):
    Notification.objects.all().delete()
    services.campaign_join(campaign=world.campaign_a, actor=world.user("member_b"), enterprise_id=world.enterprise_b.pk)
    response = world.client("member_a").post(f"/api/v1/campaigns/{world.campaign_a.pk}/publish/")
    assert response.status_code == 200 and response.json()["status"] == "published"
    assert Post.objects.filter(campaign=world.campaign_a, kind=PostKind.PROMOTION).exists()
    assert Notification.objects.filter(user=world.user("member_b"), kind="board_campaign_published").exists()
    assert world.client("anonymous").get(f"/api/v1/campaigns/{world.campaign_a.pk}/").status_code == 200


def test_campaign_with_another_organisations_product_is_400(world):
    response = world.client("member_a").post(
        "/api/v1/campaigns/",
        {
            "title": "t",
            "story": "s",
            "starts_on": "2027-01-01",
            "ends_on": "2027-01-02",
            "enterprise_id": world.enterprise_a.pk,
            "product_ids": [world.product_b.pk],
        },
        format="json",
    )
    assert response.status_code == 400 and "product_not_yours" in _codes(response)


def test_link_kinds_resolve_public_posts_and_collaborations(world):
    from api.common.linking import link_kind

    post_kind, collaboration_kind = link_kind("post"), link_kind("collaboration")
    assert post_kind is not None and collaboration_kind is not None
    found = post_kind.resolve([world.post_a.pk, world.post_hidden.pk])
    assert set(found) == {world.post_a.pk}
    assert found[world.post_a.pk].organisation_ids == (world.enterprise_a.pk,)
    target = collaboration_kind.resolve([world.collaboration.pk])[world.collaboration.pk]
    assert set(target.organisation_ids) == {world.enterprise_a.pk, world.enterprise_b.pk}
    assert post_kind.find is not None and post_kind.find(world.post_a.title) == world.post_a.pk


def test_collaborations_are_searched_by_title_or_partner_and_filtered_by_public_partner(world):
    anonymous = world.client("anonymous")

    def ids(query: str) -> set[int]:
        response = anonymous.get(f"/api/v1/collaborations/?{query}")
        assert response.status_code == 200
        return {c["id"] for c in response.json()["results"]}

    assert world.collaboration.pk in ids("search=바리스타")
    assert world.collaboration.pk not in ids("search=없는말")
    assert world.collaboration.pk in ids(f"search={world.enterprise_b.name[1:4]}")
    assert world.collaboration.pk in ids(f"organisation={world.enterprise_b.slug}")
    # A partner that is not public is never found by name or slug.
    Collaboration.partners.through.objects.create(
        collaboration=world.collaboration, enterprise=world.enterprise_pending
    )
    assert world.collaboration.pk not in ids(f"search={world.enterprise_pending.name}")
    assert ids(f"organisation={world.enterprise_pending.slug}") == set()
    assert anonymous.get("/api/v1/collaborations/?search=" + "x" * 101).status_code == 400
