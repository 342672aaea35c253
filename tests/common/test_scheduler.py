"""The scheduler of periodic commands (manage.py run_scheduler, docker-compose's scheduler service)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from api.common.management.commands.run_scheduler import Job, parse_job, resolve_jobs


def test_entries_parse() -> None:
    assert parse_job("extend_event_series@86400") == Job("extend_event_series", (), 86400)
    assert parse_job(" prune_db_task_results --min-age-days 7@3600 ") == Job(
        "prune_db_task_results", ("--min-age-days", "7"), 3600
    )
    assert parse_job("send_resolution_reminders@3600?api.resolutions") == Job(
        "send_resolution_reminders", (), 3600, "api.resolutions"
    )


@pytest.mark.parametrize("entry", ["extend_event_series", "@60", "extend_event_series@0", "x@soon", "x@-5"])
def test_malformed_entries_are_refused(entry: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="SCHEDULED_COMMANDS"):
        parse_job(entry)


def test_every_default_job_exists_or_waits_for_its_app() -> None:
    jobs, waiting = resolve_jobs(list(settings.SCHEDULED_COMMANDS))
    assert "extend_event_series" in {job.command for job in jobs}
    assert all(job.app for job in waiting)


def test_a_missing_command_is_an_error_not_a_skip() -> None:
    with pytest.raises(CommandError, match="does not exist"):
        resolve_jobs(["extend_event_serie@86400"])
    # Waiting for a domain only while its app is not installed; once installed, missing is an error.
    assert resolve_jobs(["not_yet_a_command@60?api.not_installed"])[1][0].command == "not_yet_a_command"
    with pytest.raises(CommandError, match=r"although api\.events is installed"):
        resolve_jobs(["not_yet_a_command@60?api.events"])


@pytest.mark.django_db
def test_once_runs_every_job(settings, caplog) -> None:
    settings.SCHEDULED_COMMANDS = ["extend_event_series@86400", "purge_idempotency_records@86400", "later@60?api.nope"]
    with caplog.at_level("INFO", logger="sehub.scheduler"):
        call_command("run_scheduler", "--once")
    text = caplog.text
    assert "extend_event_series done" in text and "purge_idempotency_records done" in text
    assert "later waits for api.nope" in text


@pytest.mark.django_db
def test_once_fails_loudly_when_a_job_fails(settings, caplog) -> None:
    settings.SCHEDULED_COMMANDS = ["purge_idempotency_records@86400", "check --tag no-such-tag@60"]
    with caplog.at_level("INFO", logger="sehub.scheduler"), pytest.raises(CommandError, match="failed: check"):
        call_command("run_scheduler", "--once")
    assert "purge_idempotency_records done" in caplog.text  # the others still ran
    assert "check --tag no-such-tag failed" in caplog.text


@pytest.mark.django_db
def test_migrate_locked_is_a_no_op_on_a_migrated_database() -> None:
    call_command("migrate_locked", verbosity=0)
