"""Stable error codes of the audit log and of archiving (see ``api.common.errors`` for the generic
ones). Never rename one; add new ones. ``CONFLICTS`` are 409s.

The audit-log endpoints themselves only answer generic codes (400 on a bad filter, 403 for anyone
but a coordinator); archiving and restoring (``api.common.archiving``, used by every domain whose
rows can be archived) answer these."""

# 409: the row's archive state forbids the request (spelled once, in the shared archiving module).
from api.common.archiving import ALREADY_ARCHIVED, NOT_ARCHIVED

__all__ = ["ALREADY_ARCHIVED", "CONFLICTS", "NOT_ARCHIVED", "VALIDATION"]

CONFLICTS = (ALREADY_ARCHIVED, NOT_ARCHIVED)
VALIDATION: tuple[str, ...] = ()
