from django.urls import path

from api.notifications import views

URL_PREFIX = "notifications/"

urlpatterns = [
    path("", views.NotificationListView.as_view(), name="notification-list"),
    path("unread-count/", views.NotificationUnreadCountView.as_view(), name="notification-unread-count"),
    path("read-all/", views.NotificationReadAllView.as_view(), name="notification-read-all"),
    path("preferences/", views.NotificationPreferencesView.as_view(), name="notification-preferences"),
    path("<int:pk>/read/", views.NotificationReadView.as_view(), name="notification-read"),
]
