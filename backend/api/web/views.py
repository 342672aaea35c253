"""Views of the web app: the SPA index (any client-side route), robots.txt and sitemap.xml."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from api.enterprises import selectors as enterprise_selectors
from api.events import selectors as event_selectors
from api.web.meta import SITE_NAME, PageMeta, head_tags, page_meta

SITEMAP_LIMIT = 10_000
_TITLE = re.compile(r"<title>.*?</title>", re.S)
_DESCRIPTION = re.compile(r'<meta name="description" content="[^"]*"\s*/?>')
# The first screen the build writes into <main> (the home's hero, strings from the app's locales).
_FIRST_SCREEN = re.compile(r"<!--first-screen-->.*?<!--/first-screen-->", re.S)


@lru_cache(maxsize=4)
def _index_template(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8")


def _index_html() -> str | None:
    index = Path(settings.FRONTEND_DIST) / "index.html"
    try:
        return _index_template(str(index), index.stat().st_mtime)
    except FileNotFoundError:
        return None


def _map_tags() -> str:
    """Where the directory's map takes its tiles (settings.MAP_TILE_URL; empty: the list only)."""
    return (
        f'\n    <meta name="sehub:map-tiles" content="{escape(settings.MAP_TILE_URL)}" />'
        f'\n    <meta name="sehub:map-attribution" content="{escape(settings.MAP_TILE_ATTRIBUTION)}" />'
    )


def _first_screen(path: str, meta: PageMeta, home: str) -> str:
    """What <main> shows before the JavaScript runs: the same markup as the page's React component
    (the home's hero from the build; an organisation's or an event's heading), or nothing."""
    if path == "/":
        return home
    name = escape(meta.title)
    if meta.type == "profile":  # an organisation (EnterprisePage)
        logo = (
            f'<img src="{escape(meta.image)}" alt="" width="96" height="96" />'
            if meta.image
            else f'<span class="logo-fallback big" aria-hidden="true">{escape(meta.title[:1])}</span>'
        )
        return f'<article class="page enterprise"><header class="enterprise-head">{logo}<div><h1>{name}</h1></div></header></article>'
    if meta.type == "article":  # an event (EventPage)
        return f'<article class="page event-page"><h1>{name}</h1></article>'
    return ""


@require_safe
@gzip_page
def spa_index(request: HttpRequest, path: str = "") -> HttpResponse:
    """The built app's index.html with this route's title and link-preview tags."""
    html = _index_html()
    if html is None:
        return HttpResponse(
            "<!doctype html><title>사회적경제 허브</title><p>The web app is not built: run <code>make frontend</code>.",
            status=503,
            content_type="text/html; charset=utf-8",
        )
    meta = page_meta(request, request.path)
    title = meta.title if meta.title == SITE_NAME else f"{meta.title} · {SITE_NAME}"
    html = _TITLE.sub(lambda _: f"<title>{escape(title)}</title>", html, count=1)
    html = _DESCRIPTION.sub(
        lambda _: f'<meta name="description" content="{escape(meta.description)}" />', html, count=1
    )
    html = html.replace("<!--og-->", head_tags(request, meta) + _map_tags(), 1)
    html = _FIRST_SCREEN.sub(lambda m: _first_screen(request.path, meta, m.group(0)), html, count=1)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    # The index names the current hashed assets: always revalidate it.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /api/",
        "Disallow: /admin/",
        "Disallow: /my/",
        "Disallow: /coordinator/",
        "Disallow: /account",
        "Disallow: /notifications",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """Public pages: home, the lists, every visible organisation and product, upcoming events."""
    anonymous = AnonymousUser()
    paths = ["/", "/enterprises", "/products", "/events"]
    enterprises = enterprise_selectors.enterprise_list(user=anonymous).values_list("slug", flat=True)
    paths += [f"/enterprises/{slug}" for slug in enterprises[:SITEMAP_LIMIT]]
    products = enterprise_selectors.product_list(user=anonymous).values_list("pk", flat=True)
    paths += [f"/products/{pk}" for pk in products[:SITEMAP_LIMIT]]
    events = event_selectors.event_list().filter(ends_at__gte=timezone.now()).values_list("pk", flat=True)
    paths += [f"/events/{pk}" for pk in events[:SITEMAP_LIMIT]]
    body = "".join(f"<url><loc>{escape(request.build_absolute_uri(p))}</loc></url>" for p in paths)
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>\n'
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
