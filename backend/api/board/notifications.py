"""The notification kinds the board sends, registered with ``api.notifications`` from
``BoardConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from api.notifications.kinds import register_kind

POST_COMMENTED = "board_post_commented"
COMMENT_REPLIED = "board_comment_replied"
INTEREST_RECEIVED = "board_interest_received"
POST_MATCHED = "board_post_matched"
MATCH_SUGGESTED = "board_match_suggested"
CAMPAIGN_PUBLISHED = "board_campaign_published"


def register() -> None:
    register_kind(POST_COMMENTED, _("A comment on my post"), email_by_default=False)
    register_kind(COMMENT_REPLIED, _("A reply to my comment"), email_by_default=False)
    register_kind(INTEREST_RECEIVED, _("Interest in my request or offer"))
    register_kind(POST_MATCHED, _("A request or offer matched with my organisation"))
    register_kind(MATCH_SUGGESTED, _("A suggested match"), email_by_default=False)
    register_kind(CAMPAIGN_PUBLISHED, _("A campaign I joined published"))
