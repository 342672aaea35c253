"""OPTIONS on every routed path of the API answers without a server error, whoever asks.

DRF's metadata describes the serializer of a POST/PUT a caller may send; a viewset without one
(actions that take no body) must not turn that into a 500. The paths come from the URL resolver,
so a new domain's routes are checked without a line here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.world import World

pytestmark = pytest.mark.django_db

API_PREFIX = "api/v1/"


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def _view_class(callback: Any) -> Any:
    return getattr(callback, "cls", None) or getattr(callback, "view_class", None)


API_ROUTES = sorted(
    (route, _view_class(callback)) for route, callback in _routes(get_resolver().url_patterns) if API_PREFIX in route
)


def _sample_id(view_class: Any) -> int:
    """The first existing row of the view's model (the world has one of nearly everything), else 1."""
    model = getattr(view_class, "schema_model", None)
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first() if model else None
    return first or 1


def _url(route: str, view_class: Any, world: World) -> str:
    """A concrete path for a route written as a regex (``^posts/(?P<pk>\\d+)/$``) or with converters."""
    values = {
        "slug": world.enterprise_a.slug,
        "token": "not-a-token",
        "dataset": "items",
        "year": "2015",
        "object_type": "enterprises.enterprise",
    }

    def value(name: str) -> str:
        if name == "pk":
            return str(_sample_id(view_class))
        return values.get(name, "1")

    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: value(m.group(1)), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: value(m.group(1)), path)
    return "/" + path.replace("^", "").replace("$", "")


def test_the_api_has_routes() -> None:
    assert len(API_ROUTES) > 50
    assert any("resolutions" in route for route, _ in API_ROUTES)


@pytest.mark.parametrize("role", ["anonymous", "citizen", "coordinator"])
def test_options_never_answers_a_server_error(world: World, role: str) -> None:
    client = world.client(role)
    client.raise_request_exception = False  # collect every failing path, not only the first
    failures = []
    for route, view_class in API_ROUTES:
        url = _url(route, view_class, world)
        response = client.options(url)
        if response.status_code >= 500:
            failures.append(f"{url} ({view_class.__name__ if view_class else route}): {response.status_code}")
    assert not failures, "OPTIONS answered a server error:\n" + "\n".join(failures)
