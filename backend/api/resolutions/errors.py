"""Stable error codes of the resolutions domain (the ``code`` of a problem document). Never rename
one; add new ones. ``CONFLICTS`` are 409s, ``VALIDATION`` codes appear in the ``errors`` list of a
400, ``FORBIDDEN`` are 403s."""

# 409: the resolution's state forbids the request.
TRANSITION_NOT_ALLOWED = "transition_not_allowed"
LINK_EXISTS = "link_exists"

# 403: who may do what.
NOT_RESPONSIBLE = "not_responsible"
ACCEPT_NEEDS_COORDINATOR = "accept_needs_coordinator"

# 400: input that breaks a rule (field errors).
DUE_BEFORE_MEETING = "due_before_meeting"
CARRY_OVER_LOOP = "carry_over_loop"
CARRY_OVER_NOT_EARLIER = "carry_over_not_earlier"
PARENT_LOOP = "parent_loop"
UNKNOWN_LINK_KIND = "unknown_link_kind"
UNKNOWN_LINK_TARGET = "unknown_link_target"
NO_SUCH_MEETING = "no_such_meeting"
NO_SUCH_RESOLUTION = "no_such_resolution"
NO_SUCH_EVENT = "no_such_event"
NO_SUCH_ORGANISATION = "no_such_organisation"
NO_SUCH_PERSON = "no_such_person"
RESPONSIBLE_REQUIRED = "responsible_required"
WRITTEN_IN_FUTURE = "written_in_future"

CONFLICTS = (TRANSITION_NOT_ALLOWED, LINK_EXISTS)
FORBIDDEN = (NOT_RESPONSIBLE, ACCEPT_NEEDS_COORDINATOR)
VALIDATION = (
    DUE_BEFORE_MEETING,
    CARRY_OVER_LOOP,
    CARRY_OVER_NOT_EARLIER,
    PARENT_LOOP,
    UNKNOWN_LINK_KIND,
    UNKNOWN_LINK_TARGET,
    NO_SUCH_MEETING,
    NO_SUCH_RESOLUTION,
    NO_SUCH_EVENT,
    NO_SUCH_ORGANISATION,
    NO_SUCH_PERSON,
    RESPONSIBLE_REQUIRED,
    WRITTEN_IN_FUTURE,
)
