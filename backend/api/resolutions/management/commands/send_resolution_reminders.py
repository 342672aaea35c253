"""Remind responsible people of resolutions coming due and past due, and put overdue resolutions on
the next meeting's agenda.

Run daily (cron, or a scheduler next to ``db_worker``). Idempotent: a reminder is sent once per
resolution, kind and due date (a unique constraint in the database), so running it twice, or two
runs at once, sends nothing twice; an agenda carries a resolution once.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from api.resolutions.services import reminders_send


class Command(BaseCommand):
    help = "Send due-soon and overdue reminders of resolutions and fill the next meeting's agenda (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7, help="Remind this many days before the due date (7).")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send(days_before=max(0, options["days"]))
        self.stdout.write(
            f"{sent['due_soon']} due-soon and {sent['overdue']} overdue reminder(s) sent, "
            f"{sent['agenda_items']} resolution(s) put on the next meeting's agenda"
        )
