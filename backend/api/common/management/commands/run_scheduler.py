"""Run the periodic management commands of ``settings.SCHEDULED_COMMANDS`` (docker-compose's
scheduler service; cron with ``--once`` works too).

Each entry is ``"<command> [arguments]@<seconds>"``, or ``"…@<seconds>?<app>"`` for a command that
a domain provides: adding a job is one line in settings.py (or the ``SCHEDULED_COMMANDS``
environment variable, comma-separated). A job runs once per period, at the start of each period of
the clock (``time // seconds``) and when the scheduler starts in a period nobody ran it in; the
claim for a period is taken in the shared cache (``cache.add``), so two schedulers sharing Redis
never run one job twice in a period. The commands are idempotent anyway.

Failures are never hidden: a command that does not exist stops the scheduler at start (exit 1),
unless its entry names an app that is not installed (``?api.resolutions``: the job waits for its
domain; once the app is installed, a missing command is an error again). A command that fails is
logged with its traceback at ERROR level and the other jobs go on; ``--once`` exits 1 when any
failed.
"""

from __future__ import annotations

import io
import logging
import shlex
import signal
import time
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

logger = logging.getLogger("sehub.scheduler")


@dataclass(frozen=True)
class Job:
    command: str
    arguments: tuple[str, ...]
    every: int
    app: str | None = None

    @property
    def label(self) -> str:
        return " ".join((self.command, *self.arguments))


def parse_job(entry: str) -> Job:
    """``"extend_event_series@86400"``, ``"cmd --flag 1@3600?api.resolutions"`` → a Job."""
    text, _, app = entry.strip().partition("?")
    command_line, sep, every = text.rpartition("@")
    words = shlex.split(command_line)
    if not sep or not words or not every.strip().isdigit() or int(every) < 1:
        raise ImproperlyConfigured(
            f"SCHEDULED_COMMANDS: {entry!r} is not '<command> [arguments]@<seconds>[?<app>]' with seconds >= 1"
        )
    return Job(command=words[0], arguments=tuple(words[1:]), every=int(every), app=app.strip() or None)


def resolve_jobs(entries: list[str]) -> tuple[list[Job], list[Job]]:
    """(jobs to run, jobs waiting for an app that is not installed); CommandError for a missing command."""
    known = get_commands()
    runnable, waiting = [], []
    for job in (parse_job(entry) for entry in entries):
        if job.command in known:
            runnable.append(job)
        elif job.app and not apps.is_installed(job.app):
            waiting.append(job)
        else:
            raise CommandError(
                f"scheduled command {job.command!r} does not exist"
                + (f" although {job.app} is installed" if job.app else "")
            )
    return runnable, waiting


class Command(BaseCommand):
    help = "Run the periodic commands of SCHEDULED_COMMANDS (each once per period; --once: all now, then exit)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run every job now, once, then exit (1 if any failed).")
        parser.add_argument("--tick", type=float, default=30.0, help="Seconds between looks at the clock (30).")

    def handle(self, *args: Any, **options: Any) -> None:
        jobs, waiting = resolve_jobs(list(settings.SCHEDULED_COMMANDS))
        for job in waiting:
            logger.warning("scheduler: %s waits for %s (not installed)", job.label, job.app)
        logger.info("scheduler: %s", ", ".join(f"{job.label} every {job.every}s" for job in jobs) or "no jobs")
        if options["once"]:
            failed = [job.label for job in jobs if not self.run_job(job)]
            if failed:
                raise CommandError(f"failed: {', '.join(failed)}")
            return

        stopping = False

        def stop(signum: int, frame: Any) -> None:
            nonlocal stopping
            stopping = True
            logger.info("scheduler: %s received, stopping after the running job", signal.Signals(signum).name)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        last: dict[Job, int] = {}
        while not stopping:
            now = time.time()
            for job in jobs:
                period = int(now // job.every)
                if stopping or last.get(job) == period:
                    continue
                last[job] = period
                # One run per period among all schedulers sharing the cache.
                if cache.add(f"scheduler:{job.label}:{job.every}:{period}", 1, timeout=job.every + 60):
                    # A long-lived process: drop connections the database closed meanwhile.
                    close_old_connections()
                    self.run_job(job)
            deadline = time.monotonic() + options["tick"]
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(1.0, options["tick"]))

    def run_job(self, job: Job) -> bool:
        started = time.monotonic()
        out = io.StringIO()
        try:
            call_command(job.command, *job.arguments, stdout=out, stderr=out)
        except Exception:
            logger.exception(
                "scheduler: %s failed after %.1fs: %s", job.label, time.monotonic() - started, out.getvalue()
            )
            return False
        logger.info("scheduler: %s done in %.1fs: %s", job.label, time.monotonic() - started, out.getvalue().strip())
        return True
