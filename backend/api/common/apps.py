from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "api.common"
    label = "common"
    verbose_name = "Common API machinery"
