from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "api.notifications"
    label = "notifications"
    verbose_name = "Notifications"
