from django.urls import path
from rest_framework.routers import SimpleRouter

from api.resolutions import views

URL_PREFIX = ""  # routes are at /api/v1/meetings/… and /api/v1/resolutions/…

router = SimpleRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("meetings", views.MeetingActionViewSet, basename="meeting-action")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("resolutions", views.ResolutionActionViewSet, basename="resolution-action")
urlpatterns = [
    path("resolutions/<int:pk>/updates/", views.ResolutionUpdateListView.as_view(), name="resolution-updates"),
    *router.urls,
]
