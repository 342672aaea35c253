from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "api.common"
    label = "common"
    verbose_name = "Common API machinery"

    def ready(self) -> None:
        from api.common.response_cache import connect_signals

        connect_signals()
