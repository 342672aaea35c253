"""Stable error codes of notifications (field errors of a 400; see ``api.common.errors`` for the
generic ones). Never rename one; add new ones."""

UNKNOWN_KIND = "unknown_kind"

VALIDATION = (UNKNOWN_KIND,)
