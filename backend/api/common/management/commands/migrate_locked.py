"""`migrate`, one process at a time: every backend replica runs it on start (docker-compose's
backend service), and on PostgreSQL a session advisory lock makes the others wait for the first
and then find nothing left to apply, instead of racing it to create the same tables."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any fixed 64-bit number, the same for every process of the installation.
LOCK_ID = 0x5E4B_0B16_0001


class Command(BaseCommand):
    help = "Apply migrations under a PostgreSQL advisory lock, so replicas starting together migrate once."

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity = options.get("verbosity", 1)
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=verbosity)
            return
        with connection.cursor() as cursor:
            # Migrations on big tables, and the wait for another replica's, may outlast the web's
            # statement timeout (DATABASE_STATEMENT_TIMEOUT_MS): none for this session.
            cursor.execute("SET statement_timeout = 0")
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_ID])
        try:
            call_command("migrate", interactive=False, verbosity=verbosity)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_ID])
