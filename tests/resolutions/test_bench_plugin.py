"""The bench module loads resolutions in bulk and its endpoints answer (at a small size)."""

import importlib.util
from pathlib import Path

import pytest

from api.resolutions.models import Resolution, ResolutionUpdate

pytestmark = pytest.mark.django_db


def _plugin():
    path = Path(__file__).resolve().parents[2] / "scripts" / "bench_resolutions.py"
    spec = importlib.util.spec_from_file_location("bench_resolutions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_plugin_loads_and_its_endpoints_answer(world, django_assert_max_num_queries):
    plugin = _plugin()
    before = Resolution.objects.count()
    plugin.load(n_resolutions=400)
    assert Resolution.objects.count() == before + 400
    assert ResolutionUpdate.objects.count() >= 400 * plugin.UPDATES_PER_RESOLUTION
    client = world.client("anonymous")
    for _, path in plugin.endpoints():
        response = client.get(path)
        assert response.status_code == 200, path
    assert client.get("/api/v1/resolutions/?overdue=true").json()["count"] > 0
