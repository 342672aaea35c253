"""Delete Idempotency-Key records past their TTL (run daily from cron; requests also purge now and then)."""

from typing import Any

from django.core.management.base import BaseCommand

from api.common.idempotency import purge_expired


class Command(BaseCommand):
    help = "Delete expired Idempotency-Key records."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{purge_expired()} expired idempotency records deleted")
