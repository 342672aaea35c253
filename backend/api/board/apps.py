from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "api.board"
    label = "board"
    verbose_name = "Collaboration board"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from api.board import examples, notifications, selectors
        from api.common.linking import register_link_kind
        from api.common.stats import register_stats_section

        notifications.register()
        register_link_kind(
            "post", label=_("Board post"), resolve=selectors.post_link_targets, find=selectors.post_link_find
        )
        register_link_kind(
            "collaboration",
            label=_("Collaboration"),
            resolve=selectors.collaboration_link_targets,
            find=selectors.collaboration_link_find,
        )
        register_stats_section(
            "board",
            selectors.board_stats,
            serializer="api.board.serializers.BoardStatsSerializer",
            example=examples.BOARD_STATS,
        )
