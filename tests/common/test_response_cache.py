"""The response cache of anonymous public reads (api/common/response_cache.py).

Proven here: a write is visible in the very next read (through the API, through a service, after a
real commit, on SQLite and PostgreSQL, with the generation in the cache or in the database); two
server processes never serve each other's stale answers; authenticated and member-specific answers
are never served from or stored in the cache; ETag/304, languages and throttles still hold.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer as DRFJSONRenderer
from rest_framework.test import APIClient

from api.common import response_cache
from api.common.json_renderer import JSONRenderer
from api.enterprises.models import Enterprise
from api.enterprises.services import enterprise_search_refresh
from tests.accounts.factories import UserFactory
from tests.enterprises.factories import EnterpriseFactory

REPO_DIR = Path(__file__).resolve().parents[2]
DETAIL = "/api/v1/enterprises/wecan-cookie/"
LIST = "/api/v1/enterprises/"


@pytest.fixture(params=["cache", "database"])
def store(request, settings):
    """Each test runs with the generation in the cache and in the database."""
    settings.RESPONSE_CACHE_GENERATION = request.param
    return request.param


def _queries(client: APIClient, url: str, **extra) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return len(captured), response


@pytest.mark.django_db
def test_second_anonymous_read_is_served_from_the_cache(world, store):
    client = APIClient()
    misses, first = _queries(client, DETAIL)
    hits, second = _queries(client, DETAIL)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Content-Type"] == first["Content-Type"]
    # A hit costs the generation read alone (nothing when the generation is in the cache).
    assert hits == (1 if store == "database" else 0)
    assert misses > hits


@pytest.mark.django_db
def test_the_generation_is_read_before_the_data(world, settings):
    settings.RESPONSE_CACHE_GENERATION = "database"
    response_cache.bump_generation()  # the row exists
    with CaptureQueriesContext(connection) as captured:
        assert APIClient().get(LIST).status_code == 200
    assert response_cache.TABLE in captured[0]["sql"]
    assert all(response_cache.TABLE not in query["sql"] for query in captured[1:])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("url", "before", "after"),
    [
        (DETAIL, "위캔쿠키", "위캔쿠키 협동조합"),
        (LIST, "위캔쿠키", "위캔쿠키 협동조합"),
        (f"{LIST}?search=위캔", "위캔쿠키", "위캔쿠키 협동조합"),
        ("/api/v1/stats/", '"employees_total":63', '"employees_total":75'),
    ],
)
def test_a_write_through_the_api_is_visible_in_the_very_next_read(world, store, url, before, after):
    anonymous = APIClient()
    assert before in anonymous.get(url).content.decode()
    assert _queries(anonymous, url)[0] <= 1  # cached now
    change = {"name": "위캔쿠키 협동조합", "employees_total": 70}
    response = world.client("member_a").patch(DETAIL, change, format="json")
    assert response.status_code == 200, response.content
    assert after in anonymous.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_http_is_visible_in_the_very_next_read(world, store):
    """A service or a management command writes without the middleware: the model signals bump."""
    anonymous = APIClient()
    assert anonymous.get(DETAIL).json()["employees_total"] == 58
    with transaction.atomic():
        Enterprise.objects.filter(slug="wecan-cookie").update(employees_total=45)  # no signal
        enterprise = Enterprise.objects.get(slug="wecan-cookie")
        enterprise.description = "새 소개"
        enterprise.save()
        # Not committed yet: the bump waits for the commit.
        assert any(entry[1] is response_cache._bump_now for entry in connection.run_on_commit)
    assert anonymous.get(DETAIL).json()["employees_total"] == 45
    enterprise_search_refresh(enterprise_id=enterprise.pk)
    EnterpriseFactory(name="새로 생긴 조합")
    assert "새로 생긴 조합" in anonymous.get(LIST, {"page_size": 100}).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_cache_alone_and_a_committed_one_bumps_after_commit(world, store):
    before = response_cache._lookup("none")[0]
    with pytest.raises(RuntimeError), transaction.atomic():
        enterprise = Enterprise.objects.get(slug="wecan-cookie")
        enterprise.save()
        raise RuntimeError
    assert response_cache._lookup("none")[0] == before
    with transaction.atomic():
        enterprise.save()
        enterprise.save()
        assert response_cache._lookup("none")[0] == before  # nothing seen before the commit
    assert response_cache._lookup("none")[0] == before + 1  # one bump per transaction


@pytest.mark.django_db
def test_a_failed_write_does_not_bump(world, store):
    before = response_cache._lookup("none")[0]
    assert APIClient().patch(DETAIL, {"name": "x"}, format="json").status_code == 401
    assert response_cache._lookup("none")[0] == before


@pytest.mark.django_db
def test_member_specific_answers_never_come_from_the_cache(world, store):
    anonymous = APIClient()
    event_url = f"/api/v1/events/{world.event_a_id}/"
    assert anonymous.get(event_url).json()["my_registration"] is None
    assert anonymous.get(event_url).json()["my_registration"] is None  # now cached
    citizen = world.client("citizen")  # registered for event_a
    assert citizen.get(event_url).json()["my_registration"] is not None
    # A pending organisation: its submitter sees it, in the list and in detail; nobody else does.
    pending = f"{LIST}pending-coop/"
    assert anonymous.get(pending).status_code == 404
    assert citizen.get(pending).status_code == 200
    assert anonymous.get(pending).status_code == 404
    anonymous_list = anonymous.get(LIST, {"page_size": 100}).json()
    assert "pending-coop" not in {row["slug"] for row in anonymous_list["results"]}
    mine = citizen.get(LIST, {"page_size": 100}).json()
    assert "pending-coop" in {row["slug"] for row in mine["results"]}
    # …and what the submitter was answered was not stored for anonymous callers either.
    assert "pending-coop" not in {row["slug"] for row in anonymous.get(LIST, {"page_size": 100}).json()["results"]}


@pytest.mark.django_db
def test_a_session_cookie_or_authorization_header_bypasses_the_cache(world, settings):
    settings.RESPONSE_CACHE_GENERATION = "cache"
    anonymous = APIClient()
    anonymous.get(DETAIL)
    assert _queries(anonymous, DETAIL)[0] == 0
    with_cookie = APIClient()
    with_cookie.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert _queries(with_cookie, DETAIL)[0] > 0
    bad_token = APIClient(HTTP_AUTHORIZATION="Bearer not-a-token")
    _count, response = _queries(bad_token, DETAIL)
    assert response.status_code == 401


@pytest.mark.django_db
def test_if_none_match_answers_304_from_the_cache(world, store):
    client = APIClient()
    etag = client.get(DETAIL)["ETag"]
    count, response = _queries(client, DETAIL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["ETag"] == etag and response.content == b""
    assert count == (1 if store == "database" else 0)
    assert client.get(DETAIL, HTTP_IF_NONE_MATCH='"other"').status_code == 200


@pytest.mark.django_db
def test_languages_and_formats_are_cached_apart(world, settings):
    settings.RESPONSE_CACHE_GENERATION = "cache"
    client = APIClient()
    korean = client.get(DETAIL, HTTP_ACCEPT_LANGUAGE="ko").json()
    english = client.get(DETAIL, HTTP_ACCEPT_LANGUAGE="en").json()
    assert korean["kind_label"] != english["kind_label"]
    assert client.get(DETAIL, HTTP_ACCEPT_LANGUAGE="ko").json() == korean
    assert client.get(DETAIL, HTTP_ACCEPT_LANGUAGE="en").json() == english
    feed = client.get("/api/v1/events/calendar.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    again = client.get("/api/v1/events/calendar.ics")
    assert again.content == feed.content and again["Content-Type"] == feed["Content-Type"]


@pytest.mark.django_db
def test_throttles_still_count_cached_answers(world, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "anon": "3/minute"}
    client = APIClient()
    assert [client.get(DETAIL).status_code for _ in range(4)] == [200, 200, 200, 429]


@pytest.mark.django_db
def test_switched_off_it_stores_nothing(world, settings):
    settings.RESPONSE_CACHE_ENABLED = False
    client = APIClient()
    client.get(DETAIL)
    assert _queries(client, DETAIL)[0] > 0


def test_the_json_renderer_writes_what_drfs_writes():
    data = {
        "when": datetime(2026, 5, 1, 9, 30, 12, 345678, tzinfo=UTC),
        "price": Decimal("12000.50"),
        "label": gettext_lazy("Korean"),
        "names": ["위캔쿠키", "행복"],
        3: None,
        "nested": [{"ok": True, "n": 1.5}],
    }
    ours = JSONRenderer().render(data)
    theirs = DRFJSONRenderer().render(data)
    assert json.loads(ours) == json.loads(theirs)
    assert "위캔쿠키".encode() in ours  # UTF-8, not \\u escapes
    assert JSONRenderer().render(None) == b""
    indented = JSONRenderer().render({"a": 1}, "application/json; indent=2")
    assert indented == DRFJSONRenderer().render({"a": 1}, "application/json; indent=2")


# --- Two server processes ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(port: int, env: dict[str, str]) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(REPO_DIR / "backend" / "config" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _get(port: int, path: str, token: str | None = None, method: str = "GET", body: dict | None = None):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read() or b"null")


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(server.stderr.read().decode()[-2000:])
        try:
            _get(port, "/api/v1/health/")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not start")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("shared", [False, True], ids=["local-memory+database", "redis"])
def test_a_write_through_one_server_process_is_visible_through_another_at_once(settings, shared):
    """Two gunicorn processes against the test database, each with its own local-memory cache (so the
    generation lives in the database), or sharing Redis (generation in Redis) when the suite has it."""
    cache_url = os.environ.get("CACHE_URL", "") if shared else "locmem://"
    if shared and not cache_url.startswith("redis"):
        pytest.skip("needs the shared Redis cache (CACHE_URL=redis://…)")
    owner = UserFactory()
    enterprise = EnterpriseFactory(slug="two-process-coop", name="두프로세스조합")
    enterprise.memberships.create(user=owner, role="owner")
    from rest_framework_simplejwt.tokens import RefreshToken

    token = str(RefreshToken.for_user(owner).access_token)
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{database['NAME']}"
    else:
        database_url = (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": f"two-process-{os.getpid()}",
        "RESPONSE_CACHE_GENERATION": "auto",
        "SECRET_KEY": settings.SECRET_KEY,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "THROTTLE_ANON": "100000/minute",
        "THROTTLE_USER": "100000/minute",
        "LOG_LEVEL": "WARNING",
    }
    ports = [_free_port(), _free_port()]
    servers = [_start_server(port, env) for port in ports]
    try:
        for port, server in zip(ports, servers, strict=True):
            _wait_until_up(port, server)
        path = "/api/v1/enterprises/two-process-coop/"
        for _ in range(2):  # both processes have it cached
            assert [_get(port, path)["employees_total"] for port in ports] == [enterprise.employees_total] * 2
        _get(ports[0], path, token=token, method="PATCH", body={"employees_total": 77})
        assert _get(ports[1], path)["employees_total"] == 77
        _get(ports[1], path, token=token, method="PATCH", body={"employees_total": 78})
        assert _get(ports[0], path)["employees_total"] == 78
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


@pytest.mark.django_db
def test_every_public_read_of_the_bench_is_cached(world, settings):
    settings.RESPONSE_CACHE_GENERATION = "cache"
    client = APIClient()
    paths = [
        "/api/v1/enterprises/?page_size=20",
        "/api/v1/enterprises/?page_size=100",
        "/api/v1/enterprises/?search=쿠키",
        "/api/v1/enterprises/?search=ㅎㄷㅈㅎ",
        DETAIL,
        "/api/v1/products/?search=쿠키",
        f"/api/v1/products/{world.product_a_id}/",
        "/api/v1/events/",
        f"/api/v1/events/{world.event_a_id}/",
        "/api/v1/stats/",
        "/api/v1/events/calendar.ics",
        f"/api/v1/events/{world.event_a_id}/calendar.ics",
        "/api/v1/enterprises/wecan-cookie/calendar.ics",
    ]
    for path in paths:
        first = client.get(path)
        count, second = _queries(client, path)
        assert first.status_code == 200, path
        assert (count, second.status_code, second.content) == (0, 200, first.content), path


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", [5, 50])
def test_public_reads_stay_within_their_query_bounds_on_a_miss(
    world, settings, page_size, django_assert_max_num_queries
):
    """Lists ≤ 4 queries whatever the page size, details ≤ 3, when the answer is built (a miss)."""
    settings.RESPONSE_CACHE_GENERATION = "cache"
    for i in range(60):
        enterprise = EnterpriseFactory(name=f"조직{i}")
        enterprise.tags.create(name=f"태그{i}")
        enterprise.social_links.create(kind="blog", url="https://blog.example/x")
    client = APIClient()
    lists = [
        f"/api/v1/enterprises/?page_size={page_size}",
        f"/api/v1/enterprises/?page_size={page_size}&search=조직",
        f"/api/v1/products/?page_size={page_size}&search=쿠키",
        f"/api/v1/events/?page_size={page_size}",
        "/api/v1/events/calendar.ics",
    ]
    for path in lists:
        with django_assert_max_num_queries(4):
            assert client.get(path).status_code == 200, path
    for path in [DETAIL, f"/api/v1/products/{world.product_a_id}/"]:
        with django_assert_max_num_queries(3):
            assert client.get(path).status_code == 200, path
