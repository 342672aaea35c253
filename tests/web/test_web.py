"""The web app's server side: index for client-side routes with link-preview tags, robots, sitemap."""

import re

import pytest
from django.test import Client

INDEX = """<!doctype html>
<html lang="ko">
  <head>
    <title>사회적경제 허브</title>
    <meta name="description" content="default" />
    <!--og-->
    <script type="module" src="/assets/index-AbCd1234.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
"""


@pytest.fixture
def dist(tmp_path, settings):
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    settings.FRONTEND_DIST = tmp_path
    return tmp_path


def meta(html: str, key: str) -> str | None:
    m = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return m.group(1) if m else None


def get(path: str) -> tuple[int, str, dict]:
    response = Client().get(path)
    return response.status_code, response.content.decode(), response


def test_organisation_route_has_its_own_open_graph_tags(dist, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        status, html, response = get(f"/enterprises/{world.enterprise_a.slug}")
    assert status == 200
    assert response["Cache-Control"] == "no-cache"
    assert "<title>위캔쿠키 · 사회적경제 허브</title>" in html
    assert meta(html, "og:title") == "위캔쿠키"
    assert meta(html, "og:type") == "profile"
    assert meta(html, "og:url") == f"http://testserver/enterprises/{world.enterprise_a.slug}"
    assert meta(html, "twitter:title") == "위캔쿠키"
    assert meta(html, "description") == meta(html, "og:description") != "default"
    assert '<div id="root">' in html and "/assets/index-AbCd1234.js" in html


def test_product_and_event_routes_have_their_tags(dist, world):
    _, html, _ = get(f"/products/{world.product_a.pk}")
    assert meta(html, "og:title") == "수제 쿠키 세트 · 위캔쿠키"
    assert meta(html, "og:type") == "product"
    _, html, _ = get(f"/events/{world.fair.pk}")
    assert meta(html, "og:title") == "사회적경제 한마당"
    assert meta(html, "og:type") == "article"


def test_pending_organisation_is_not_previewed(dist, world):
    status, html, _ = get(f"/enterprises/{world.enterprise_pending.slug}")
    assert status == 200  # the SPA answers; the API says 404 to anonymous readers
    assert meta(html, "og:title") == "사회적경제 허브"
    assert "새싹협동조합" not in html


def test_markup_in_data_is_escaped(dist, world):
    world.enterprise_a.social_mission = '"><script>alert(1)</script>'
    world.enterprise_a.save()
    _, html, _ = get(f"/enterprises/{world.enterprise_a.slug}")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("path", ["/", "/enterprises", "/events?page=2", "/my/enterprises/x", "/login"])
def test_client_side_routes_get_the_index(dist, db, path):
    status, html, _ = get(path)
    assert status == 200
    assert '<div id="root">' in html
    assert meta(html, "og:site_name") == "사회적경제 허브"


def test_api_and_media_paths_are_not_the_index(dist, db):
    status, html, response = get("/api/v1/no-such-thing/")
    assert status == 404 and response["Content-Type"].startswith("application/problem+json")
    status, html, _ = get("/media/nothing.png")
    assert status == 404 and '<div id="root">' not in html


def test_index_only_answers_safe_methods(dist, db):
    assert Client().post("/enterprises").status_code == 405


def test_without_a_build_the_index_says_how_to_build_it(tmp_path, settings, db):
    settings.FRONTEND_DIST = tmp_path / "missing"
    status, html, _ = get("/")
    assert status == 503 and "make frontend" in html


def test_robots_txt_points_to_the_sitemap(db):
    status, text, response = get("/robots.txt")
    assert status == 200 and response["Content-Type"].startswith("text/plain")
    assert "Disallow: /api/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_public_pages_only(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        status, xml, response = get("/sitemap.xml")
    assert status == 200 and response["Content-Type"].startswith("application/xml")
    assert "<loc>http://testserver/</loc>" in xml
    assert f"<loc>http://testserver/enterprises/{world.enterprise_a.slug}</loc>" in xml
    assert f"<loc>http://testserver/products/{world.product_a.pk}</loc>" in xml
    assert f"<loc>http://testserver/events/{world.fair.pk}</loc>" in xml
    assert world.enterprise_pending.slug not in xml


def test_map_tiles_are_configured_in_the_index_and_allowed_by_the_csp(dist, db, settings):
    _, html, response = get("/enterprises")
    assert meta(html, "sehub:map-tiles") == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert meta(html, "sehub:map-attribution") == "© OpenStreetMap contributors"
    csp = response["Content-Security-Policy"]
    img = next(d for d in csp.split(";") if d.strip().startswith("img-src")).split()
    assert "https://tile.openstreetmap.org" in img
    # Only images may come from the tile host: scripts, styles and connections stay on 'self'.
    assert all("openstreetmap" not in d for d in csp.split(";") if not d.strip().startswith("img-src"))


def test_an_empty_tile_url_turns_the_map_off(dist, db, settings):
    settings.MAP_TILE_URL = ""
    _, html, _ = get("/enterprises")
    assert meta(html, "sehub:map-tiles") == ""


@pytest.mark.parametrize(
    ("template", "origin"),
    [
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", ["https://*.tile.example.org"]),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", ["http://127.0.0.1:8080"]),
        ("", []),
    ],
)
def test_the_csp_source_of_a_tile_template(template, origin):
    from config.settings import _tile_origin

    assert _tile_origin(template) == origin


@pytest.mark.parametrize("template", ["javascript:alert(1)", "https://a b/{z}", "//tiles.example/{z}", "https://x'/"])
def test_a_bad_tile_template_is_refused(template):
    from django.core.exceptions import ImproperlyConfigured

    from config.settings import _tile_origin

    with pytest.raises(ImproperlyConfigured):
        _tile_origin(template)


HERO = '<div class="page home"><section class="hero"><h1>고양시 사회적경제, 한곳에서</h1></section></div>'


@pytest.fixture
def dist_with_first_screen(dist):
    """An index as the build writes it: the home's first screen in <main>, between markers."""
    html = INDEX.replace(
        '<div id="root"></div>',
        f'<div id="root"><main id="main"><!--first-screen-->{HERO}<!--/first-screen--></main></div>',
    )
    (dist / "index.html").write_text(html, encoding="utf-8")
    return dist


def main_of(html: str) -> str:
    m = re.search(r'<main id="main">(.*?)</main>', html, re.S)
    assert m, html
    return m.group(1)


def test_the_home_keeps_the_first_screen_of_the_build(dist_with_first_screen, db):
    _, html, _ = get("/")
    assert main_of(html) == f"<!--first-screen-->{HERO}<!--/first-screen-->"


def test_organisation_and_event_pages_start_with_their_heading(dist_with_first_screen, world):
    _, html, _ = get(f"/enterprises/{world.enterprise_a.slug}")
    assert main_of(html) == (
        '<article class="page enterprise"><header class="enterprise-head">'
        '<span class="logo-fallback big" aria-hidden="true">위</span>'
        "<div><h1>위캔쿠키</h1></div></header></article>"
    )
    _, html, _ = get(f"/events/{world.fair.pk}")
    assert main_of(html) == '<article class="page event-page"><h1>사회적경제 한마당</h1></article>'


@pytest.mark.parametrize("path", ["/enterprises", "/events", "/enterprises/no-such-slug", "/events/999999", "/login"])
def test_other_routes_start_with_an_empty_main(dist_with_first_screen, db, path):
    _, html, _ = get(path)
    assert main_of(html) == ""


def test_the_first_screen_escapes_names(dist_with_first_screen, world):
    world.enterprise_a.name = "<script>alert(1)</script>"
    world.enterprise_a.save()
    world.fair.title = '"><script>alert(2)</script>'
    world.fair.save()
    _, html, _ = get(f"/enterprises/{world.enterprise_a.slug}")
    assert "<script>alert" not in html
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in main_of(html)
    assert '<span class="logo-fallback big" aria-hidden="true">&lt;</span>' in main_of(html)
    _, html, _ = get(f"/events/{world.fair.pk}")
    assert "<script>alert" not in html
    assert "<h1>&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>" in main_of(html)


def test_the_index_is_compressed_for_browsers_that_accept_it(dist_with_first_screen, db):
    response = Client().get("/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
