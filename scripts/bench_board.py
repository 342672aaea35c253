"""Bench plugin of the collaboration board (see ``domain_plugins()`` in ``scripts/bench.py``).

``load()`` writes ``BENCH_BOARD_POSTS`` posts (200,000) and ``BENCH_BOARD_COMMENTS`` comments
(600,000) with ``bulk_create``: one post carries 200 comments (100 threads with a reply each), the
rest are spread over the other posts. Posts' search indexes (board migration 0002) are dropped for
the load and built once afterwards. ``endpoints()`` names the public reads held to the ratio: the
feed's first page, a deep cursor page (half way down the feed) and the post with 200 comments.
"""

from __future__ import annotations

import base64
import importlib
import os
import random
from typing import Any
from urllib.parse import urlencode

POSTS = int(os.environ.get("BENCH_BOARD_POSTS", "200000"))
COMMENTS = int(os.environ.get("BENCH_BOARD_COMMENTS", "600000"))
BATCH = 10_000
MARKER = "벤치: 댓글 200개가 달린 글"
WORDS = [
    "공동판매",
    "한마당",
    "협업",
    "교육",
    "나눔",
    "공간",
    "홍보",
    "쿠키",
    "협동조합",
    "마을기업",
    "자원봉사",
    "포장재",
]


def _author_and_organisations() -> tuple[Any, list[int]]:
    from api.accounts import selectors as accounts
    from api.enterprises import selectors as directory

    author = accounts.user_active_by_email(email="member@example.com") or accounts.user_summaries().first()
    organisations = list(
        directory.enterprise_summaries().filter(directory.public_q()).values_list("pk", flat=True)[:500]
    )
    return author, organisations


def load(posts: int = POSTS, comments: int = COMMENTS) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from api.board.models import MATCHABLE_KINDS, Comment, Post, PostKind, PostStatus
    from api.enterprises import selectors as directory

    rng = random.Random(2015)  # noqa: S311 - reproducible test data, not secrets
    author, organisations = _author_and_organisations()
    migration = importlib.import_module("api.board.migrations.0002_postgres_search_indexes")
    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            for name, _table, _expression in migration.INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
    now = timezone.now()
    kinds = [PostKind.NEWS, PostKind.REQUEST, PostKind.OFFER, PostKind.QUESTION, PostKind.PROMOTION]
    post_ids: list[int] = []
    with transaction.atomic():
        for start in range(0, posts, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, posts)):
                kind = kinds[n % len(kinds)]
                words = rng.sample(WORDS, 3)
                title = MARKER if n == 0 else f"{words[0]} {words[1]} 함께해요 {n}"
                body = f"{words[2]} 관련 글입니다. **{words[0]}**에 관심 있는 조직을 찾습니다."
                rows.append(
                    Post(
                        kind=kind,
                        title=title,
                        body=body,
                        body_html=f"<p>{words[2]} 관련 글입니다. <strong>{words[0]}</strong>에 관심 있는 조직을 찾습니다.</p>",
                        author=author,
                        enterprise_id=rng.choice(organisations) if organisations and n % 3 else None,
                        status=PostStatus.OPEN if kind in MATCHABLE_KINDS else "",
                        search_document=directory.search_document_of([title, body]),
                        title_initials=directory.initials_of(title)[:200],
                    )
                )
            created = Post.objects.bulk_create(rows, batch_size=BATCH)
            post_ids += [p.pk for p in created]
        # created_at is auto_now_add: spread the posts over the past, one minute apart (PostgreSQL;
        # the bench runs there), the marker post being the oldest.
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE board_post SET created_at = %s - ((%s - (id - %s)) * interval '1 minute') WHERE id >= %s",
                    [now, len(post_ids), min(post_ids), min(post_ids)],
                )
        marker = post_ids[0]
        threads = Comment.objects.bulk_create(
            Comment(post_id=marker, author=author, body=f"댓글 {i}", body_html=f"<p>댓글 {i}</p>") for i in range(100)
        )
        Comment.objects.bulk_create(
            Comment(post_id=marker, parent=t, author=author, body="답글", body_html="<p>답글</p>") for t in threads
        )
        others = post_ids[1:] or post_ids
        remaining = max(comments - 200, 0)
        for start in range(0, remaining, BATCH):
            rows = []
            for _ in range(start, min(start + BATCH, remaining)):
                target = rng.choice(others)
                rows.append(Comment(post_id=target, author=author, body="좋아요", body_html="<p>좋아요</p>"))
            Comment.objects.bulk_create(rows, batch_size=BATCH)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE board_post SET comment_count = c.n FROM (SELECT post_id, COUNT(*) AS n FROM board_comment "
                "GROUP BY post_id) AS c WHERE c.post_id = board_post.id"
            )

    if postgres:  # after the commit: the new rows' deferred constraint checks are done
        with connection.schema_editor() as editor:
            editor.execute("SET maintenance_work_mem = '256MB'")
            migration.forwards(None, editor)


def _cursor_at(created_at: Any) -> str:
    """DRF's opaque cursor (``p=<position>``) for the page after a post created at ``created_at``."""
    return base64.b64encode(urlencode({"p": str(created_at)}).encode("ascii")).decode("ascii")


def endpoints() -> list[tuple[str, str]]:
    from api.board.models import Post

    feed = Post.objects.filter(hidden_at__isnull=True, archived_at__isnull=True, pinned=False).order_by(
        "-created_at", "-id"
    )
    total = feed.count()
    middle = feed.values_list("created_at", flat=True)[max(total // 2, 0) : max(total // 2, 0) + 1]
    marker = Post.objects.filter(title=MARKER).values_list("pk", flat=True).first()
    out = [("board feed, first page", "/api/v1/posts/")]
    if middle:
        out.append(("board feed, deep cursor page", f"/api/v1/posts/?cursor={_cursor_at(middle[0])}"))
    if marker:
        out.append(("board post with 200 comments", f"/api/v1/posts/{marker}/"))
    return out
