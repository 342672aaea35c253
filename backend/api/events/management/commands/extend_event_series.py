"""Create the occurrences of every event series that have come within the horizon.

Series are materialised about a year ahead when created or edited; run this daily (cron, or a
scheduler next to ``db_worker``) so that a long-running series never runs out of occurrences.
Idempotent: existing occurrences are never touched.
"""

from typing import Any

from django.core.management.base import BaseCommand

from api.events.services import event_series_extend


class Command(BaseCommand):
    help = "Create the upcoming occurrences of every event series (idempotent; run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = event_series_extend()
        self.stdout.write(f"{created} occurrence(s) created")
