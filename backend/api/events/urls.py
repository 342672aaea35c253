"""Event routes. Included at the API root (before the directory's routes, so that
``enterprises/<slug>/calendar.ics`` is answered here)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api.events import views

URL_ORDER = 40  # before the directory: answers enterprises/<slug>/calendar.ics

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("events", views.EventActionViewSet, basename="event-action")
router.register("event-series", views.EventSeriesViewSet, basename="event-series")

urlpatterns = [
    path("events/calendar.ics", views.EventFeedView.as_view(), name="events-calendar-feed"),
    path("events/<int:pk>/calendar.ics", views.EventCalendarView.as_view(), name="event-calendar"),
    path("events/<int:pk>/attendees.csv", views.EventAttendeesCSVView.as_view(), name="event-attendees-csv"),
    path("events/<int:pk>/attendees/", views.EventAttendeeListView.as_view(), name="event-attendees"),
    path(
        "events/<int:pk>/booth-applications/",
        views.EventBoothApplicationsView.as_view(),
        name="event-booth-applications",
    ),
    path(
        "events/<int:pk>/booth-categories/<int:category_id>/",
        views.EventBoothCategoryView.as_view(),
        name="event-booth-category",
    ),
    path("booth-applications/", views.BoothApplicationListView.as_view(), name="booth-application-list"),
    path(
        "booth-applications/<int:pk>/",
        views.BoothApplicationDetailView.as_view(),
        name="booth-application-detail",
    ),
    path(
        "booth-applications/<int:pk>/accept/",
        views.BoothApplicationAcceptView.as_view(),
        name="booth-application-accept",
    ),
    path(
        "booth-applications/<int:pk>/decline/",
        views.BoothApplicationDeclineView.as_view(),
        name="booth-application-decline",
    ),
    path(
        "booth-applications/<int:pk>/withdraw/",
        views.BoothApplicationWithdrawView.as_view(),
        name="booth-application-withdraw",
    ),
    path("calendar/token/", views.CalendarTokenView.as_view(), name="calendar-token"),
    path("calendar/<str:token>.ics", views.PersonalFeedView.as_view(), name="calendar-personal"),
    path("enterprises/<str:slug>/calendar.ics", views.EnterpriseFeedView.as_view(), name="enterprise-calendar"),
    *router.urls,
]
