"""Who reads the audit log: coordinators read every entry. Public entries are served by the
domains that own them (budget, resolutions), with their own permissions."""

from api.common.permissions import IsCoordinator

__all__ = ["CanReadAuditLog"]


class CanReadAuditLog(IsCoordinator):
    """Coordinators only (support-centre and city staff)."""
