"""Stable error codes of the board (the ``code`` of a problem document; see ``api.common.errors`` for
the generic ones). Never rename one; add new ones. ``CONFLICTS`` are 409s, ``VALIDATION`` codes
appear in the ``errors`` list of a 400."""

# 409: the post's, comment's or campaign's state forbids the request.
OWN_POST = "own_post"
POST_NOT_OPEN = "post_not_open"
POST_NOT_MATCHABLE = "post_not_matchable"
ALREADY_INTERESTED = "already_interested"
COMMENT_DELETED = "comment_deleted"
ALREADY_HIDDEN = "already_hidden"
NOT_HIDDEN = "not_hidden"
REPORT_NOT_OPEN = "report_not_open"
CAMPAIGN_PUBLISHED = "campaign_published"
CAMPAIGN_ALREADY_JOINED = "campaign_already_joined"
POST_ALREADY_ARCHIVED = "post_archived"

# 403: acting for an organisation the caller does not belong to.
NOT_YOUR_ORGANISATION = "not_your_organisation"

# 400: input that breaks a rule (field errors).
ORGANISATION_NOT_PUBLIC = "organisation_not_public"
NOT_INTERESTED = "not_interested"
NO_PARTNER = "no_partner"
NOTICE_COORDINATORS_ONLY = "notice_coordinators_only"
PIN_NOTICES_ONLY = "pin_notices_only"
REPLY_TO_REPLY = "reply_to_reply"
STATUS_FIELDS_ONLY_FOR_REQUESTS = "only_for_requests_and_offers"
PRODUCT_NOT_YOURS = "product_not_yours"
ENDS_BEFORE_START = "ends_before_start"
TOO_MANY_TAGS = "too_many_tags"

CONFLICTS = (
    OWN_POST,
    POST_NOT_OPEN,
    POST_NOT_MATCHABLE,
    ALREADY_INTERESTED,
    COMMENT_DELETED,
    ALREADY_HIDDEN,
    NOT_HIDDEN,
    REPORT_NOT_OPEN,
    CAMPAIGN_PUBLISHED,
    CAMPAIGN_ALREADY_JOINED,
    POST_ALREADY_ARCHIVED,
)
FORBIDDEN = (NOT_YOUR_ORGANISATION,)
VALIDATION = (
    ORGANISATION_NOT_PUBLIC,
    NOT_INTERESTED,
    NO_PARTNER,
    NOTICE_COORDINATORS_ONLY,
    PIN_NOTICES_ONLY,
    REPLY_TO_REPLY,
    STATUS_FIELDS_ONLY_FOR_REQUESTS,
    PRODUCT_NOT_YOURS,
    ENDS_BEFORE_START,
    TOO_MANY_TAGS,
)
