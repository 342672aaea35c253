"""Markdown written by users (board posts and comments, meeting minutes) rendered to safe HTML.

One place, shared by every domain that stores user Markdown: the source is kept as written and the
HTML is rendered on the server, so every client shows the same thing and none has to sanitise.

Two layers, each enough on its own for the common payloads:

1. markdown-it-py in CommonMark mode with raw HTML **off**: ``<script>`` in the source is text.
2. nh3 (ammonia) on the rendered HTML with an allow-list of tags and attributes and of URL schemes
   (``http``, ``https``, ``mailto``; relative links pass), so no ``script``/``style``/``iframe``,
   no ``on*`` attribute and no ``javascript:``/``data:`` URL survives whatever the first layer let
   through. Every link gets ``rel="noopener nofollow ugc"``.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

MAX_MARKDOWN_LENGTH = 20_000  # characters of source; serializers refuse longer texts

ALLOWED_TAGS = frozenset(
    {
        "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow ugc"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


def sanitize_html(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes of ``html``."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """Safe HTML for Markdown ``source`` (an empty string for an empty source)."""
    if not source:
        return ""
    return sanitize_html(_markdown.render(source))
