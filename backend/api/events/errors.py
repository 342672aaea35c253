"""Stable error codes of the events domain (the ``code`` of a problem document; see
``api.common.errors`` for the generic ones). Never rename one; add new ones. ``CONFLICTS`` are 409s,
``VALIDATION`` codes appear in the ``errors`` list of a 400."""

# 409: the event's or application's state forbids the request.
EVENT_CANCELLED = "event_cancelled"
EVENT_POSTPONED = "event_postponed"
EVENT_PAST = "event_past"
EVENT_ALREADY_CANCELLED = "event_already_cancelled"
EVENT_NOT_SCHEDULED = "event_not_scheduled"
EVENT_HAS_REGISTRATIONS = "event_has_registrations"
REGISTRATION_NOT_OPEN = "registration_not_open"
REGISTRATION_CLOSED = "registration_closed"
REGISTRATION_NOT_CONFIRMED = "registration_not_confirmed"
BOOTH_ALREADY_APPLIED = "booth_already_applied"
BOOTH_APPLICATION_NOT_PENDING = "booth_application_not_pending"
BOOTH_APPLICATION_CLOSED = "booth_application_closed"
ENTERPRISE_NOT_VERIFIED = "enterprise_not_verified"  # also a 400 on enterprise_id when applying

# 400: input that breaks a rule (field errors).
ENDS_BEFORE_START = "ends_before_start"
REGISTRATION_WINDOW_INVALID = "registration_window_invalid"
IN_PAST = "in_past"
CAPACITY_BELOW_CONFIRMED = "capacity_below_confirmed"
HOST_NOT_YOURS = "host_not_yours"
HOST_REQUIRED = "host_required"
HOST_NOT_VERIFIED = "host_not_verified"
HOST_ARCHIVED = "host_archived"
ORGANISER_NOT_MEMBER = "organiser_not_member"
PRODUCT_NOT_YOURS = "product_not_yours"
RECURRENCE_RULE_INVALID = "recurrence_rule_invalid"
RECURRENCE_RULE_EMPTY = "recurrence_rule_empty"
BOOTHS_BELOW_ACCEPTED = "booths_below_accepted"
DUPLICATE_BOOTH_CATEGORY = "duplicate"

CONFLICTS = (
    EVENT_CANCELLED,
    EVENT_POSTPONED,
    EVENT_PAST,
    EVENT_ALREADY_CANCELLED,
    EVENT_NOT_SCHEDULED,
    EVENT_HAS_REGISTRATIONS,
    REGISTRATION_NOT_OPEN,
    REGISTRATION_CLOSED,
    REGISTRATION_NOT_CONFIRMED,
    BOOTH_ALREADY_APPLIED,
    BOOTH_APPLICATION_NOT_PENDING,
    BOOTH_APPLICATION_CLOSED,
    ENTERPRISE_NOT_VERIFIED,
)
VALIDATION = (
    ENDS_BEFORE_START,
    REGISTRATION_WINDOW_INVALID,
    IN_PAST,
    CAPACITY_BELOW_CONFIRMED,
    HOST_NOT_YOURS,
    HOST_REQUIRED,
    HOST_NOT_VERIFIED,
    HOST_ARCHIVED,
    ORGANISER_NOT_MEMBER,
    PRODUCT_NOT_YOURS,
    RECURRENCE_RULE_INVALID,
    RECURRENCE_RULE_EMPTY,
    BOOTHS_BELOW_ACCEPTED,
    DUPLICATE_BOOTH_CATEGORY,
)
