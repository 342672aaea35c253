from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "api.events"
    label = "events"
    verbose_name = "Events"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from api.common.linking import register_link_kind
        from api.events import notifications, selectors

        notifications.register()
        # Resolutions link to the events that carry them out (api.common.linking).
        register_link_kind(
            "event", label=_("Event"), resolve=selectors.event_link_targets, find=selectors.event_link_find
        )
