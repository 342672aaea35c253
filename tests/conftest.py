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
