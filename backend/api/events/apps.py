from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "api.events"
    label = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from api.events import notifications

        notifications.register()
