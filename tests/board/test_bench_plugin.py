"""The board's bench plugin on a few rows: it loads, and every endpoint it names answers 200."""

import importlib.util
from pathlib import Path

import pytest

from api.board.models import Comment, Post
from tests.world import client_for

pytestmark = pytest.mark.django_db(transaction=True)


def _plugin():
    path = Path(__file__).resolve().parents[2] / "scripts" / "bench_board.py"
    spec = importlib.util.spec_from_file_location("bench_board", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plugin_loads_posts_and_comments_and_names_answering_endpoints(world):
    plugin = _plugin()
    before = Post.objects.count()
    plugin.load(posts=60, comments=400)
    assert Post.objects.count() == before + 60
    marker = Post.objects.get(title=plugin.MARKER)
    assert marker.comment_count == Comment.objects.filter(post=marker).count() == 200
    endpoints = plugin.endpoints()
    assert endpoints[0][0] == "board feed, first page"
    assert len(endpoints) == 3
    client = client_for(None)
    for _label, path in endpoints:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:200])
