from collections.abc import Iterator

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.accounts.factories import CoordinatorFactory, UserFactory
from tests.world import World, build_world, client_for


def clear_cache() -> None:
    if hasattr(cache, "delete_pattern"):  # django-redis: only this run's prefixed keys
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


@pytest.fixture(autouse=True)
def _audit_log_flushable(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests end with a flush (``DELETE FROM`` every table on SQLite), which the
    append-only triggers refuse: empty those tables first, with their triggers lifted.
    (PostgreSQL flushes with TRUNCATE, which the row trigger does not see.)"""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
    if not transactional:
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so it is torn down (flushed) after this
    yield
    from django.db import connection

    from api.common.append_only import append_only_tables

    if connection.vendor == "sqlite":
        # Every append-only table (the audit log, the budget ledger), children before parents.
        for guard in reversed(append_only_tables()):
            guard.uninstall(connection)
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {guard.table}")
            guard.install(connection)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def anon_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db: None):
    return UserFactory()


@pytest.fixture
def coordinator(db: None):
    return CoordinatorFactory()


@pytest.fixture
def user_client(user) -> APIClient:
    return client_for(user)


@pytest.fixture
def coordinator_client(coordinator) -> APIClient:
    return client_for(coordinator)
