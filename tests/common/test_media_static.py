"""Uploaded media under /media/ (safe: no listing, no traversal, right types, nosniff) and static
files with hashed names served by WhiteNoise, as `make run` serves them with DEBUG off."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from tests.enterprises.images import image_bytes, png_upload

PNG = image_bytes("PNG")


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "enterprises" / "logos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "enterprises" / "logos" / "a1b2c3.png").write_bytes(PNG)
    (tmp_path / "secret_key").write_text("not for the web")
    return settings.MEDIA_ROOT


def test_an_image_is_served_with_its_type_and_safe_headers(media):
    response = Client().get("/media/enterprises/logos/a1b2c3.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "Content-Disposition" not in response or "attachment" not in response["Content-Disposition"]
    assert response["Cache-Control"].startswith("public")
    last_modified = response["Last-Modified"]
    assert (
        Client().get("/media/enterprises/logos/a1b2c3.png", headers={"If-Modified-Since": last_modified}).status_code
        == 304
    )
    assert Client().head("/media/enterprises/logos/a1b2c3.png").status_code == 200


def test_anything_else_is_a_download_never_rendered(media):
    (media / "enterprises" / "page.html").write_text("<script>alert(1)</script>")
    (media / "enterprises" / "drawing.svg").write_text("<svg onload='alert(1)'/>")
    for name in ("page.html", "drawing.svg"):
        response = Client().get(f"/media/enterprises/{name}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/enterprises/",
        "/media/enterprises/logos/",
        "/media/enterprises/logos/missing.png",
        "/media/../secret_key",
        "/media/enterprises/../../secret_key",
        "/media/%2e%2e/secret_key",
        "/media/enterprises/%2e%2e/%2e%2e/secret_key",
        "/media//etc/passwd",
        "/media/enterprises/logos/.hidden.png",
        "/media/enterprises\\..\\..\\secret_key",
        "/media/enterprises/logos/a1b2c3.png%00.html",
    ],
)
def test_no_listing_no_traversal_no_hidden_files(media, path):
    (media / "enterprises" / "logos" / ".hidden.png").write_bytes(PNG)
    response = Client().get(path)
    assert response.status_code == 404
    assert b"not for the web" not in response.content


def test_a_symlink_out_of_media_root_is_not_followed(media, tmp_path):
    os.symlink(tmp_path / "secret_key", media / "enterprises" / "logos" / "link.png")
    assert Client().get("/media/enterprises/logos/link.png").status_code == 404


def test_only_reads(media):
    response = Client().post("/media/enterprises/logos/a1b2c3.png")
    assert response.status_code == 405


@pytest.mark.django_db
def test_an_uploaded_logo_is_served_at_the_url_the_api_gives(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    response = world.client("member_a").post(
        "/api/v1/enterprises/wecan-cookie/logo/", {"file": png_upload()}, format="multipart"
    )
    assert response.status_code == 200, response.content
    url = response.json()["logo"].removeprefix("http://testserver")
    served = Client().get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"


def test_static_files_get_hashed_names_and_a_long_cache(settings, tmp_path):
    """What `make run` does: collectstatic with the production storage, then WhiteNoise serves."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path / "static"
    from config import settings as production

    assert production.STORAGES["staticfiles"] == settings.STORAGES["staticfiles"]
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "drf_spectacular_sidecar"])
    url = static("rest_framework/css/bootstrap.min.css")
    assert url != "/static/rest_framework/css/bootstrap.min.css"
    assert url.startswith("/static/rest_framework/css/bootstrap.min.") and url.endswith(".css")
    response = Client().get(url)  # a new client loads WhiteNoise, which indexes STATIC_ROOT
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Client().get("/static/").status_code == 404
