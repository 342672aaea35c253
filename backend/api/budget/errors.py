"""Stable error codes of the budget domain (the ``code`` of a problem document; see
``api.common.errors`` for the generic ones). Never rename one; add new ones. ``CONFLICTS`` are 409s,
``VALIDATION`` codes appear in the ``errors`` list of a 400."""

# 409: the item's or execution's state forbids the request.
ITEM_CANCELLED = "budget_item_cancelled"
ITEM_NOT_APPROVED = "budget_item_not_approved"
ITEM_COMPLETED = "budget_item_completed"
OVER_ALLOCATION = "budget_over_allocation"
ALREADY_REVERSED = "budget_execution_already_reversed"
REVERSAL_OF_REVERSAL = "budget_reversal_not_reversible"
STATUS_TRANSITION = "budget_status_transition_invalid"
ITEM_HAS_EXECUTIONS = "budget_item_has_executions"

# 400: input that breaks a rule (field errors).
AMOUNT_NOT_INTEGER = "amount_not_integer"
AMENDMENT_BELOW_EXECUTED = "amendment_below_executed"
AMENDMENT_UNCHANGED = "amendment_unchanged"
REASON_REQUIRED = "reason_required"
RECIPIENT_NOT_FOUND = "recipient_not_found"
EVENT_NOT_FOUND = "event_not_found"
PROGRAMME_NOT_FOUND = "programme_not_found"
PROGRAMME_INACTIVE = "programme_inactive"
DUPLICATE_PROGRAMME = "duplicate"
EXECUTION_NOT_OF_ITEM = "execution_not_of_item"
EMPTY_FILE = "empty"
FILE_TOO_LARGE = "file_too_large"
INVALID_DOCUMENT = "invalid_document"
URL_AND_FILE = "url_and_file"

CONFLICTS = (
    ITEM_CANCELLED,
    ITEM_NOT_APPROVED,
    ITEM_COMPLETED,
    OVER_ALLOCATION,
    ALREADY_REVERSED,
    REVERSAL_OF_REVERSAL,
    STATUS_TRANSITION,
    ITEM_HAS_EXECUTIONS,
)
VALIDATION = (
    AMOUNT_NOT_INTEGER,
    AMENDMENT_BELOW_EXECUTED,
    AMENDMENT_UNCHANGED,
    REASON_REQUIRED,
    RECIPIENT_NOT_FOUND,
    EVENT_NOT_FOUND,
    PROGRAMME_NOT_FOUND,
    PROGRAMME_INACTIVE,
    DUPLICATE_PROGRAMME,
    EXECUTION_NOT_OF_ITEM,
    EMPTY_FILE,
    FILE_TOO_LARGE,
    INVALID_DOCUMENT,
    URL_AND_FILE,
)
