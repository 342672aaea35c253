"""Link-preview metadata of the SPA's public routes, read through the domains' selectors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format

from api.enterprises import selectors as enterprise_selectors
from api.events import selectors as event_selectors

SITE_NAME = "사회적경제 허브"
SITE_DESCRIPTION = "고양시 사회적경제 조직, 제품과 행사를 한곳에서 찾습니다. The social economy of Goyang in one place."
_ENTERPRISE = re.compile(r"^/enterprises/(?P<slug>[-\w]+)/?$")
_PRODUCT = re.compile(r"^/products/(?P<id>\d{1,18})/?$")
_EVENT = re.compile(r"^/events/(?P<id>\d{1,18})/?$")


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    type: str = "website"
    image: str = ""


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _image(request: HttpRequest, field: Any) -> str:
    return request.build_absolute_uri(field.url) if field else ""


def page_meta(request: HttpRequest, path: str) -> PageMeta:
    """The title, description and image of ``path`` as an anonymous visitor sees it."""
    anonymous = AnonymousUser()
    if m := _ENTERPRISE.match(path):
        enterprise = enterprise_selectors.enterprise_get(user=anonymous, slug=m["slug"])
        if enterprise is not None:
            return PageMeta(
                title=enterprise.name,
                description=_clip(enterprise.social_mission or enterprise.description or SITE_DESCRIPTION),
                type="profile",
                image=_image(request, enterprise.logo),
            )
    elif m := _PRODUCT.match(path):
        product = enterprise_selectors.product_list(user=anonymous).filter(pk=int(m["id"])).first()
        if product is not None:
            return PageMeta(
                title=f"{product.name} · {product.enterprise.name}",
                description=_clip(product.description or product.enterprise.name),
                type="product",
                image=_image(request, product.image),
            )
    elif m := _EVENT.match(path):
        event = event_selectors.event_list().filter(pk=int(m["id"])).first()
        if event is not None:
            when = date_format(timezone.localtime(event.starts_at), "Y년 n월 j일 H:i")
            where = f" · {event.venue_name}" if event.venue_name else ""
            return PageMeta(
                title=event.title,
                description=_clip(f"{when}{where}. {event.description}"),
                type="article",
                image=_image(request, event.cover_image),
            )
    return PageMeta(title=SITE_NAME, description=SITE_DESCRIPTION)


def head_tags(request: HttpRequest, meta: PageMeta) -> str:
    """``<meta>`` tags for Open Graph (KakaoTalk, Band, Facebook) and Twitter cards."""
    url = request.build_absolute_uri(request.path)
    tags = [
        ("property", "og:site_name", SITE_NAME),
        ("property", "og:type", meta.type),
        ("property", "og:title", meta.title),
        ("property", "og:description", meta.description),
        ("property", "og:url", url),
        ("property", "og:locale", "ko_KR"),
        ("name", "twitter:card", "summary_large_image" if meta.image else "summary"),
        ("name", "twitter:title", meta.title),
        ("name", "twitter:description", meta.description),
    ]
    if meta.image:
        tags += [("property", "og:image", meta.image), ("name", "twitter:image", meta.image)]
    lines = [f'<meta {attr}="{key}" content="{escape(value)}" />' for attr, key, value in tags]
    lines.append(f'<link rel="canonical" href="{escape(url)}" />')
    return "\n    ".join(lines)
