"""Board routes: posts, comments, the moderation queue, collaborations and campaigns."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api.board import views

router = SimpleRouter()
router.register("posts", views.PostViewSet, basename="post")
router.register("posts", views.PostActionViewSet, basename="post-action")
router.register("comments", views.CommentViewSet, basename="comment")
router.register("comments", views.CommentActionViewSet, basename="comment-action")
router.register("reports", views.ReportViewSet, basename="report")
router.register("collaborations", views.CollaborationViewSet, basename="collaboration")
router.register("campaigns", views.CampaignViewSet, basename="campaign")

urlpatterns = [
    path("posts/feed.rss", views.PostRSSView.as_view(), name="posts-feed-rss"),
    path("posts/feed.atom", views.PostAtomView.as_view(), name="posts-feed-atom"),
    path("posts/preview/", views.MarkdownPreviewView.as_view(), name="posts-preview"),
    *router.urls,
]
