"""``manage.py import_enterprises FILE.csv [--dry-run]``: the CSV import of the coordinator endpoint.

Same columns, rules and all-or-nothing upsert (see ``api.enterprises.csv_io``). Errors are printed
one per line as ``rows[N].<column>: message`` and the command exits with status 1.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.exceptions import ValidationError

from api.common.errors import flatten_validation_errors
from api.enterprises import services


class Command(BaseCommand):
    help = "Import organisations from a CSV file (Korean headers; UTF-8 or CP949). All rows or none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Validate and count; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        try:
            result = services.enterprise_import_csv(content=raw, user=None, dry_run=options["dry_run"])
        except ValidationError as exc:
            for item in flatten_validation_errors(exc.detail):
                field = path if item["field"] == "file" else item["field"]
                self.stderr.write(f"{field}: {item['message']}")
            raise CommandError("Nothing was imported: fix the rows above and run again.") from exc
        prefix = "[dry run] " if options["dry_run"] else ""
        self.stdout.write(
            f"{prefix}{result['rows']} row(s) read ({result['encoding']}): "
            f"{result['created']} created, {result['updated']} updated."
        )
