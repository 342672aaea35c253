"""Load the demo data set: each domain's ``api.<domain>.demo`` module, in ``ORDER``.

Idempotent: running it again updates what exists and adds nothing twice. Demo accounts have a
published password, so this refuses to run with DEBUG off unless told that it is not production.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

import api
from api.common.discovery import domain_modules


def demo_modules() -> list[Any]:
    return domain_modules(api, "demo")


class Command(BaseCommand):
    help = "Load the demo data set (idempotent). Never run this in production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--not-production",
            action="store_true",
            help="Allow running with DEBUG off: a local or throwaway database (make run, tests, contract).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["not_production"]:
            raise CommandError(
                "load_demo creates accounts with a published password: run it with DEBUG=1, or pass "
                "--not-production for a local or throwaway database (as `make run` does)."
            )
        for module in demo_modules():
            with transaction.atomic():
                summary = module.load()
            self.stdout.write(f"{module.__name__}: {summary}")
