"""Query counts of the feed (first page and deep cursor pages) and of a post with 200 comments do
not grow with the number of rows; matching is safe under concurrent requests."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from api.board import services
from api.board.models import Collaboration, Comment, Post, PostKind, Tag
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

FEED_QUERIES = 8
DETAIL_QUERIES = 5


@pytest.fixture
def many_posts(world):
    author = world.user("member_a")
    tag = Tag.objects.create(name="묶음")
    now = timezone.now()
    posts = Post.objects.bulk_create(
        Post(
            kind=PostKind.NEWS,
            title=f"소식 {i}",
            body="본문",
            body_html="<p>본문</p>",
            author=author,
            enterprise=world.enterprise_a,
            created_at=now - timedelta(minutes=i),
        )
        for i in range(120)
    )
    Post.tags.through.objects.bulk_create(Post.tags.through(post_id=p.pk, tag_id=tag.pk) for p in posts)
    return world


@pytest.mark.parametrize("page_size", [5, 50])
def test_feed_first_and_deep_pages_are_bounded(many_posts, page_size, django_assert_max_num_queries):
    client = many_posts.client("citizen")
    with django_assert_max_num_queries(FEED_QUERIES):
        response = client.get(f"/api/v1/posts/?page_size={page_size}")
    assert len(response.json()["results"]) >= page_size
    url = response.json()["next"]
    if page_size < 50:  # a few pages further down
        for _ in range(5):
            url = client.get(url).json()["next"]
    with django_assert_max_num_queries(FEED_QUERIES):
        deep = client.get(url)
    assert deep.status_code == 200 and deep.json()["results"]


def test_filtered_and_searched_feed_is_bounded(many_posts, django_assert_max_num_queries):
    client = many_posts.client("anonymous")
    with django_assert_max_num_queries(FEED_QUERIES):
        assert client.get("/api/v1/posts/?page_size=50&tag=묶음&kind=news&search=소식").status_code == 200


def test_post_with_200_comments_is_bounded(world, django_assert_max_num_queries):
    post = world.post_a
    people = [UserFactory() for _ in range(5)]
    tops = Comment.objects.bulk_create(
        Comment(post=post, author=people[i % 5], body=f"댓글 {i}", body_html=f"<p>댓글 {i}</p>") for i in range(100)
    )
    Comment.objects.bulk_create(
        Comment(post=post, parent=tops[i], author=people[(i + 1) % 5], body="답글", body_html="<p>답글</p>")
        for i in range(100)
    )
    client = world.client("coordinator")
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(f"/api/v1/posts/{post.pk}/")
    body = response.json()
    assert sum(1 + len(c["replies"]) for c in body["comments"]) >= 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under concurrency: PostgreSQL")
def test_concurrent_matches_make_one_collaboration(world):
    post, partner = world.post_a, world.enterprise_b.pk
    results: list[str] = []

    def attempt() -> None:
        try:
            services.post_match(post=post, actor=world.user("member_a"), enterprise_ids=[partner])
            results.append("ok")
        except Exception as exc:
            results.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("ok") == 1
    assert Collaboration.objects.filter(post=post).count() == 1


@pytest.mark.parametrize(("role", "queries"), [("anonymous", 3), ("citizen", 5), ("member_a", 4), ("coordinator", 4)])
def test_every_role_reads_a_post_in_few_queries(world, role, queries, django_assert_max_num_queries):
    """The post with its author, organisation, tags and images in one row; its comments (authors
    joined); its interests (organisations joined). A logged-in request first reads the caller and,
    unless they wrote the post or coordinate, their memberships (``can_edit`` of an organisation's post)."""
    post = world.post_a
    post.tags.set([Tag.objects.create(name="나눔"), Tag.objects.create(name="공유")])
    client = world.client(role)
    with django_assert_max_num_queries(queries):
        response = client.get(f"/api/v1/posts/{post.pk}/")
    assert response.status_code == 200
    assert response.json()["tags"] == ["공유", "나눔"]
