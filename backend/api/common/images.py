"""Image uploads, checked by content (not by name or declared type) with Pillow."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from api.common.errors import validation_error

ALLOWED_IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000


def validate_image(upload: Any, *, field: str = "image", max_bytes: int = MAX_IMAGE_BYTES) -> str:
    """Check that ``upload`` is a PNG, JPEG or WebP image of at most ``max_bytes``; return its
    file extension. Anything else is a 400 naming ``field``."""
    if upload.size > max_bytes:
        raise validation_error(
            field,
            _("The image is %(size)d bytes; at most %(limit)d are allowed.")
            % {"size": upload.size, "limit": max_bytes},
            code="image_too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise validation_error(field, _("The image has too many pixels."), code="image_too_large")
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise validation_error(field, _("The file is not a readable image."), code="image_invalid") from exc
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise validation_error(field, _("Use a PNG, JPEG or WebP image."), code="image_format")
    return ALLOWED_IMAGE_FORMATS[image_format]
