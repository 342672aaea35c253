"""Stable error codes of the directory (the ``code`` of a problem document; see
``api.common.errors`` for the generic ones). Never rename one; add new ones."""

# 409: the request conflicts with stored data.
DUPLICATE_CERTIFICATION_NUMBER = "duplicate_certification_number"
DUPLICATE_SLUG = "duplicate_slug"
DUPLICATE_YEAR = "duplicate_year"
LAST_OWNER = "last_owner"

# 400: input that breaks a rule (field errors).
ENTERPRISE_ARCHIVED = "enterprise_archived"
EXCEEDS_TOTAL = "exceeds_total"
NOT_CERTIFIABLE = "not_certifiable"
UNKNOWN_USER = "unknown_user"

CONFLICTS = (DUPLICATE_CERTIFICATION_NUMBER, DUPLICATE_SLUG, DUPLICATE_YEAR, LAST_OWNER)
VALIDATION = (ENTERPRISE_ARCHIVED, EXCEEDS_TOTAL, NOT_CERTIFIABLE, UNKNOWN_USER)
