from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "api.audit"
    label = "audit"
    verbose_name = "Audit log"
