from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "api.budget"
    label = "budget"
    verbose_name = "Budget"

    def ready(self) -> None:
        from api.audit.services import audit_register_public_type
        from api.budget import selectors, triggers
        from api.common.linking import register_link_kind

        # The budget's whole history is public (the organisations asked for it, MISSION.md point 5).
        for model in ("budgetitem", "budgetexecution", "budgetamendment", "budgetprogramme"):
            audit_register_public_type(f"budget.{model}")
        # Declared on import; the test suite lifts it to empty the table between transactional tests.
        del triggers
        register_link_kind(
            "budget_item",
            label=_("Budget item"),
            resolve=selectors.budget_item_link_targets,
            find=selectors.budget_item_link_find,
        )
