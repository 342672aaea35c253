from tests.board.world import png
from tests.matrix import Row, everyone, logged_in

COORDINATOR_ONLY = {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403}
MANAGER_A = {"anonymous": 401, "citizen": 403, "member_b": 403}  # + member_a and coordinator


def _own(world, role):
    return {"member_a": world.enterprise_a.pk, "member_b": world.enterprise_b.pk}.get(role, world.enterprise_a.pk)


REASON = {"reason": "검토 결과"}

ROWS = [
    Row("posts_list", "GET", "/api/v1/posts/", everyone(200)),
    Row("posts_retrieve", "GET", "/api/v1/posts/{post_a_id}/", everyone(200)),
    Row(
        "posts_retrieve",
        "GET",
        "/api/v1/posts/{post_hidden_id}/",
        {"anonymous": 404, "citizen": 200, "member_a": 404, "member_b": 404, "coordinator": 200},
        note="hidden: its author and coordinators",
    ),
    Row(
        "posts_create",
        "POST",
        "/api/v1/posts/",
        logged_in(201),
        body={"kind": "news", "title": "새 소식", "body": "본문", "tags": ["소식"]},
    ),
    Row(
        "posts_create",
        "POST",
        "/api/v1/posts/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 403, "coordinator": 201},
        body=lambda w, role: {
            "kind": "request",
            "title": "협업 요청",
            "body": "본문",
            "enterprise_id": w.enterprise_a.pk,
        },
        note="on behalf of A",
    ),
    Row(
        "posts_update",
        "PATCH",
        "/api/v1/posts/{post_a_id}/",
        {**MANAGER_A, "member_a": 200, "coordinator": 200},
        body={"title": "고친 제목"},
    ),
    Row(
        "posts_delete",
        "DELETE",
        "/api/v1/posts/{post_news_id}/",
        {"anonymous": 401, "citizen": 204, "member_a": 403, "member_b": 403, "coordinator": 204},
    ),
    Row(
        "posts_interest_create",
        "POST",
        "/api/v1/posts/{post_b_id}/interest/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 409, "coordinator": 201},
        body=lambda w, role: {"enterprise_id": _own(w, role), "message": "관심 있어요"},
    ),
    Row(
        "posts_match",
        "POST",
        "/api/v1/posts/{post_a_id}/match/",
        {**MANAGER_A, "member_a": 200, "coordinator": 200},
        body=lambda w, role: {"enterprise_ids": [w.enterprise_b.pk]},
    ),
    Row(
        "posts_close",
        "POST",
        "/api/v1/posts/{post_b_id}/close/",
        {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 200, "coordinator": 200},
    ),
    Row("posts_suggestions", "GET", "/api/v1/posts/{post_a_id}/suggestions/", everyone(200)),
    Row("posts_report", "POST", "/api/v1/posts/{post_news_id}/report/", logged_in(201), body={"reason": "광고"}),
    Row(
        "posts_hide",
        "POST",
        "/api/v1/posts/{post_news_id}/hide/",
        {**COORDINATOR_ONLY, "coordinator": 200},
        body=REASON,
    ),
    Row(
        "posts_unhide",
        "POST",
        "/api/v1/posts/{post_hidden_id}/unhide/",
        {**COORDINATOR_ONLY, "coordinator": 200},
        body=REASON,
    ),
    Row(
        "posts_images_create",
        "POST",
        "/api/v1/posts/{post_a_id}/images/",
        {**MANAGER_A, "member_a": 201, "coordinator": 201},
        body=lambda w, role: {"image": png(), "alt": "사진"},
        format="multipart",
    ),
    Row(
        "posts_images_delete",
        "DELETE",
        "/api/v1/posts/{post_a_id}/images/{image_a_id}/",
        {**MANAGER_A, "member_a": 204, "coordinator": 204},
    ),
    Row("posts_preview", "POST", "/api/v1/posts/preview/", logged_in(200), body={"body": "**굵게**"}),
    Row("posts_feed_rss", "GET", "/api/v1/posts/feed.rss", everyone(200)),
    Row("posts_feed_atom", "GET", "/api/v1/posts/feed.atom?kind=request", everyone(200)),
    Row(
        "comments_create",
        "POST",
        "/api/v1/comments/",
        logged_in(201),
        body=lambda w, role: {"post_id": w.post_a.pk, "body": "댓글", "parent_id": w.comment_citizen.pk},
    ),
    Row("comments_retrieve", "GET", "/api/v1/comments/{comment_citizen_id}/", everyone(200)),
    Row(
        "comments_update",
        "PATCH",
        "/api/v1/comments/{comment_citizen_id}/",
        {"anonymous": 401, "citizen": 200, "member_a": 403, "member_b": 403, "coordinator": 200},
        body={"body": "고친 댓글"},
    ),
    Row(
        "comments_delete",
        "DELETE",
        "/api/v1/comments/{comment_citizen_id}/",
        {"anonymous": 401, "citizen": 204, "member_a": 403, "member_b": 403, "coordinator": 204},
    ),
    Row(
        "comments_report",
        "POST",
        "/api/v1/comments/{comment_citizen_id}/report/",
        logged_in(201),
        body={"reason": "욕설"},
    ),
    Row(
        "comments_hide",
        "POST",
        "/api/v1/comments/{comment_citizen_id}/hide/",
        {**COORDINATOR_ONLY, "coordinator": 200},
        body=REASON,
    ),
    Row(
        "comments_unhide",
        "POST",
        "/api/v1/comments/{comment_hidden_id}/unhide/",
        {**COORDINATOR_ONLY, "coordinator": 200},
        body=REASON,
    ),
    Row("reports_list", "GET", "/api/v1/reports/", {**COORDINATOR_ONLY, "coordinator": 200}),
    Row(
        "reports_dismiss",
        "POST",
        "/api/v1/reports/{report_open_id}/dismiss/",
        {**COORDINATOR_ONLY, "coordinator": 200},
        body=REASON,
    ),
    Row("collaborations_list", "GET", "/api/v1/collaborations/", everyone(200)),
    Row("collaborations_retrieve", "GET", "/api/v1/collaborations/{collaboration_id}/", everyone(200)),
    Row("collaborations_network", "GET", "/api/v1/collaborations/network/", everyone(200)),
    Row("campaigns_list", "GET", "/api/v1/campaigns/", everyone(200)),
    Row("campaigns_retrieve", "GET", "/api/v1/campaigns/{campaign_published_id}/", everyone(200)),
    Row(
        "campaigns_retrieve",
        "GET",
        "/api/v1/campaigns/{campaign_a_id}/",
        {**everyone(200), "anonymous": 404},
        note="proposed: logged-in users",
    ),
    Row(
        "campaigns_create",
        "POST",
        "/api/v1/campaigns/",
        {"anonymous": 401, "citizen": 403, "member_a": 201, "member_b": 201, "coordinator": 201},
        body=lambda w, role: {
            "title": "공동 홍보",
            "story": "이야기",
            "starts_on": "2027-01-01",
            "ends_on": "2027-01-31",
            "enterprise_id": _own(w, role),
        },
    ),
    Row(
        "campaigns_update",
        "PATCH",
        "/api/v1/campaigns/{campaign_a_id}/",
        {**MANAGER_A, "member_a": 200, "coordinator": 200},
        body={"ends_on": "2027-01-15"},
    ),
    Row(
        "campaigns_join",
        "POST",
        "/api/v1/campaigns/{campaign_a_id}/join/",
        {"anonymous": 401, "citizen": 403, "member_a": 409, "member_b": 200, "coordinator": 200},
        body=lambda w, role: {"enterprise_id": w.enterprise_a.pk if role == "member_a" else w.enterprise_b.pk},
    ),
    Row(
        "campaigns_publish",
        "POST",
        "/api/v1/campaigns/{campaign_a_id}/publish/",
        {**MANAGER_A, "member_a": 200, "coordinator": 200},
    ),
]
