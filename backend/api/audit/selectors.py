"""Reading the audit log: every entry for coordinators, public entries for everyone."""

from __future__ import annotations

from django.db.models import QuerySet

from api.audit.models import AuditEntry


def audit_entry_list() -> QuerySet[AuditEntry]:
    """Every entry, newest first, with the actor joined (one query per page)."""
    return AuditEntry.objects.select_related("actor").order_by("-id")


def audit_object_history(*, object_type: str, object_id: str) -> QuerySet[AuditEntry]:
    return audit_entry_list().filter(object_type=object_type, object_id=str(object_id))


def audit_public_list(*, object_type: str | None = None, object_id: str | None = None) -> QuerySet[AuditEntry]:
    """Public entries (see the package docstring), optionally of one type or one object."""
    queryset = AuditEntry.objects.filter(public=True).order_by("-id")
    if object_type is not None:
        queryset = queryset.filter(object_type=object_type)
    if object_id is not None:
        queryset = queryset.filter(object_id=str(object_id))
    return queryset
