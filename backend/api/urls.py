"""Routes of API v1. Each domain owns its own ``urls.py``."""

from django.urls import include, path

urlpatterns = [
    path("", include("api.common.urls")),
    path("auth/", include("api.accounts.urls")),
    path("notifications/", include("api.notifications.urls")),
    # Before the directory's include: answers enterprises/<slug>/calendar.ics.
    path("", include("api.events.urls")),
    path("", include("api.enterprises.urls")),
    path("", include("api.audit.urls")),
]
