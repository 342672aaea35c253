"""The XSS corpus through posts and comments: whatever a payload becomes, nothing executable
survives in the HTML the API returns (no script/style/iframe or other active element, no event
handler or style attribute, no javascript:/data:/vbscript: URL), and links carry
rel="noopener nofollow ugc". Bad input is a 4xx, never a 5xx."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from api.common.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown
from tests.accounts.factories import UserFactory
from tests.board.xss_payloads import PAYLOADS
from tests.world import client_for

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\u200b-\u200f\u2028\u2029\ufeff]+")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            if name.startswith("on") or name == "style" or name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and value is not None:
                # The parser has already decoded character references once, as a browser does.
                url = _INVISIBLE.sub("", value).lower()
                scheme = _SCHEME.match(url)
                if scheme and scheme.group(1) not in ("http", "https", "mailto"):
                    self.problems.append(f"{name}={value!r}")
        if tag == "a" and dict(attrs).get("rel") != "noopener nofollow ugc":
            self.problems.append("link without rel=noopener nofollow ugc")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def executable_parts(fragment: str) -> list[str]:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return checker.problems


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 100
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def test_the_checker_catches_what_it_should():
    assert executable_parts("<script>alert(1)</script>")
    assert executable_parts('<img src=x onerror="alert(1)">')
    assert executable_parts('<a href="java&#x09;script:alert(1)" rel="noopener nofollow ugc">x</a>')
    assert not executable_parts('<p><a href="https://example.org" rel="noopener nofollow ugc">x</a></p>')


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rendering_leaves_nothing_executable(payload):
    assert executable_parts(render_markdown(payload)) == []


@pytest.mark.django_db
def test_corpus_through_posts_and_comments(settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "board_post": None, "board_comment": None}
    client = client_for(UserFactory())
    anonymous = client_for(None)
    failures = []
    for index, payload in enumerate(PAYLOADS):
        response = client.post(
            "/api/v1/posts/", {"kind": "news", "title": f"XSS {index}", "body": payload}, format="json"
        )
        assert response.status_code < 500, payload
        if response.status_code != 201:
            assert "\x00" in payload and response.status_code == 400, (payload, response.status_code)
            continue
        post_id = response.json()["id"]
        comment = client.post("/api/v1/comments/", {"post_id": post_id, "body": payload}, format="json")
        assert comment.status_code == 201, payload
        detail = anonymous.get(f"/api/v1/posts/{post_id}/").json()
        for where, fragment in (
            ("post", detail["body_html"]),
            ("comment", detail["comments"][0]["body_html"]),
            ("preview", client.post("/api/v1/posts/preview/", {"body": payload}, format="json").json()["body_html"]),
        ):
            problems = executable_parts(fragment)
            if problems:
                failures.append((where, payload, problems))
        assert detail["body"] == payload  # the source is kept as written
    assert not failures, failures[:5]
