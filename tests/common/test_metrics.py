"""Prometheus metrics (api/common/metrics.py): counted by route pattern, method and status, a
latency histogram, served at /metrics only to the token, kept out of the public spec."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from api.common import metrics

REPO = Path(__file__).resolve().parents[2]
TOKEN = "metrics-token-for-tests-0123456789"


@pytest.fixture(autouse=True)
def _fresh_metrics(settings) -> Iterator[None]:
    settings.METRICS_TOKEN = TOKEN
    metrics.reset_store()
    metrics.store().clear()
    yield
    metrics.store().clear()
    metrics.reset_store()


def _scrape(client: Client) -> str:
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return response.content.decode()


def _value(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.mark.django_db
def test_requests_are_counted_by_route_pattern_method_and_status() -> None:
    client = Client()
    for _ in range(3):
        assert client.get("/api/v1/health/").status_code == 200
    client.get("/api/v1/events/999999999/")
    client.post("/api/v1/events/", data={}, content_type="application/json")
    text = _scrape(client)
    assert _value(text, "sehub_http_requests_total", route="api/v1/health/", method="GET", status="200") == 3
    # The pattern, never the concrete path: the label set stays bounded.
    assert _value(text, "sehub_http_requests_total", route=r"api/v1/events/(?P<pk>\\d+)/", status="404") == 1
    assert "999999999" not in text
    assert _value(text, "sehub_http_requests_total", route="api/v1/events/", method="POST", status="401") == 1


@pytest.mark.django_db
def test_latency_histogram_is_cumulative_and_consistent() -> None:
    client = Client()
    for _ in range(4):
        client.get("/api/v1/health/")
    text = _scrape(client)
    labels = 'method="GET",route="api/v1/health/",status="200"'
    buckets = [
        (m.group(1), float(m.group(2)))
        for m in re.finditer(
            rf'sehub_http_request_duration_seconds_bucket\{{{re.escape(labels)},le="([^"]+)"\}} (\S+)', text
        )
    ]
    assert [b for b, _ in buckets] == [*(repr(b) for b in metrics.BUCKETS), "+Inf"]
    counts = [c for _, c in buckets]
    assert counts == sorted(counts) and counts[-1] == 4
    assert _value(text, "sehub_http_request_duration_seconds_count", route="api/v1/health/") == 4
    assert 0 < _value(text, "sehub_http_request_duration_seconds_sum", route="api/v1/health/") < 60
    assert "# TYPE sehub_http_request_duration_seconds histogram" in text


@pytest.mark.django_db
def test_metrics_need_the_token(settings) -> None:
    client = Client()
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_label_values_are_escaped() -> None:
    fields = {f'c{metrics._SEP}a"b\\c\nd{metrics._SEP}GET{metrics._SEP}200': 1.0}
    assert 'route="a\\"b\\\\c\\nd"' in metrics.exposition(fields)


@pytest.mark.django_db
def test_a_failing_store_never_fails_the_request(monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(metrics.store(), "record", broken)
    assert Client().get("/api/v1/health/").status_code == 200


def test_metrics_are_not_in_the_public_spec() -> None:
    spec = (REPO / "docs" / "openapi.yaml").read_text(encoding="utf-8")
    assert "/metrics" not in spec
