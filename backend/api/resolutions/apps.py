from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "api.resolutions"
    label = "resolutions"
    verbose_name = "Resolutions"

    def ready(self) -> None:
        from api.audit.services import audit_register_public_type
        from api.resolutions import notifications

        notifications.register()
        # Decisions and their history are public by promise (MISSION.md point 6).
        for model in ("meeting", "resolution", "resolutionupdate", "resolutionlink"):
            audit_register_public_type(f"resolutions.{model}")
