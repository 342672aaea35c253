from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "api.enterprises"
    label = "enterprises"
    verbose_name = "Enterprise directory"

    def ready(self) -> None:
        from api.common.permissions import register_membership_provider
        from api.enterprises.selectors import membership_roles_for_user

        register_membership_provider(membership_roles_for_user)
