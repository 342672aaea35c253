"""The read-replica router (config/db_router.py): anonymous public reads go to the replica, anything
signed in, unsafe or inside a transaction stays on the primary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from api.enterprises.models import Enterprise
from config.db_router import PublicReadMiddleware, ReplicaRouter

REPO = Path(__file__).resolve().parents[2]
router = ReplicaRouter()


def _routed(request) -> str:
    seen: list[str] = []

    def view(_request) -> HttpResponse:
        seen.append(router.db_for_read(Enterprise))
        return HttpResponse()

    PublicReadMiddleware(view)(request)
    return seen[0]


def test_anonymous_reads_go_to_the_replica() -> None:
    assert _routed(RequestFactory().get("/api/v1/enterprises/")) == "replica"
    assert _routed(RequestFactory().head("/api/v1/enterprises/")) == "replica"


def test_signed_in_and_unsafe_requests_stay_on_the_primary() -> None:
    factory = RequestFactory()
    assert _routed(factory.get("/api/v1/enterprises/", HTTP_AUTHORIZATION="Bearer x")) == "default"
    factory.cookies["sessionid"] = "abc"
    assert _routed(factory.get("/admin/")) == "default"
    assert _routed(RequestFactory().post("/api/v1/enterprises/")) == "default"
    # Outside a request (management commands, tasks, the scheduler): the primary.
    assert router.db_for_read(Enterprise) == "default"


@pytest.mark.django_db
def test_reads_inside_a_transaction_stay_on_the_primary() -> None:
    seen: list[str] = []

    def view(_request) -> HttpResponse:
        with transaction.atomic():
            seen.append(router.db_for_read(Enterprise))
        return HttpResponse()

    PublicReadMiddleware(view)(RequestFactory().get("/"))
    assert seen == ["default"]


def test_writes_and_migrations_only_on_the_primary() -> None:
    assert router.db_for_write(Enterprise) == "default"
    assert router.allow_migrate("default", "enterprises") is True
    assert router.allow_migrate("replica", "enterprises") is False


def test_settings_install_the_router_only_with_a_replica_url() -> None:
    code = (
        "from django.conf import settings as s; "
        "print(sorted(s.DATABASES), s.DATABASE_ROUTERS, 'config.db_router.PublicReadMiddleware' in s.MIDDLEWARE, "
        "s.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_REPLICA_URL",)}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="x" * 60, DATABASE_URL="sqlite:////tmp/x.sqlite3")
    run = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    plain = subprocess.run(run, cwd=REPO / "backend", env=env, capture_output=True, text=True, check=True).stdout
    assert plain.strip() == "['default'] [] False None"
    env["DATABASE_REPLICA_URL"] = "postgres://reader@replica.internal:5432/sehub"
    replica = subprocess.run(run, cwd=REPO / "backend", env=env, capture_output=True, text=True, check=True).stdout
    assert replica.strip() == "['default', 'replica'] ['config.db_router.ReplicaRouter'] True default"
