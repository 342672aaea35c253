"""Uploaded files (organisation logos, product images, event covers) served under ``MEDIA_URL``.

Small on purpose: a file under MEDIA_ROOT or 404. No directory listings, no path outside
MEDIA_ROOT (``..``, absolute paths, symlinks pointing out), no hidden files. Uploads are checked
images stored under random names, so only image types are served inline; anything else found
there is sent as an attachment. ``nosniff`` and a sandboxing CSP keep a browser from running what
it finds here. Where a web server serves MEDIA_ROOT itself, set ``SERVE_MEDIA=0``.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp", "image/gif"})
MAX_AGE_SECONDS = 24 * 60 * 60


def _resolve(path: str) -> Path:
    root = Path(settings.MEDIA_ROOT).resolve()
    parts = path.split("/")
    if (
        not path
        or "\\" in path
        or "\0" in path
        or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
    ):
        raise Http404
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    return candidate


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    file_path = _resolve(path)
    stat = file_path.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponseNotModified()
    content_type, _ = mimetypes.guess_type(file_path.name)
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        file_path.open("rb"),
        content_type=content_type if inline else "application/octet-stream",
        as_attachment=not inline,
        filename=os.path.basename(file_path),
    )
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
