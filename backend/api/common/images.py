"""Uploaded images are checked by their content, not their name, and re-encoded.

A logo or product image must be a real PNG, JPEG or WebP file (Pillow parses it), at most
``MAX_IMAGE_BYTES`` (5 MB) and at most ``MAX_IMAGE_PIXELS``. It is then decoded and encoded again
in its own format, which keeps the pixels (turned upright by the EXIF orientation) and the colour
profile and drops everything else: EXIF with GPS position, camera serial numbers and timestamps,
text chunks, and any bytes hidden after the image's end. Stored through Django's storage API under
a random name, so a client never chooses a path.
"""

from __future__ import annotations

import io
import uuid
import warnings

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from api.common.errors import validation_error

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def image_check(upload: UploadedFile, *, field: str) -> str:
    """Return the image's format (``PNG``/``JPEG``/``WEBP``) or raise a 400 naming ``field``.

    A valid image is re-encoded in place (``upload`` then holds the clean bytes; see the module
    docstring), so whatever stores ``upload`` afterwards stores no metadata."""
    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:
        raise validation_error(
            field,
            _("The image is %(size)d bytes; the limit is %(limit)d bytes (5 MB).")
            % {"size": upload.size, "limit": MAX_IMAGE_BYTES},
            code="file_too_large",
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                fmt = image.format
                width, height = image.size
                image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ):
        raise validation_error(
            field, _("The file is not a readable PNG, JPEG or WebP image."), code="invalid_image"
        ) from None
    finally:
        upload.seek(0)
    if fmt not in FORMATS:
        raise validation_error(
            field,
            _("Images must be PNG, JPEG or WebP (this file is %(format)s).") % {"format": fmt or "?"},
            code="invalid_image_format",
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise validation_error(field, _("The image has too many pixels."), code="image_too_large")
    _reencode(upload, fmt, field=field)
    return fmt


def _reencode(upload: UploadedFile, fmt: str, *, field: str) -> None:
    try:
        upload.seek(0)
        with Image.open(upload) as original:
            original.load()
            image = ImageOps.exif_transpose(original) if fmt == "JPEG" else original.copy()
        icc_profile = image.info.get("icc_profile")
        image.info = {}
        options: dict[str, object] = {"icc_profile": icc_profile} if icc_profile else {}
        if fmt == "JPEG":
            options.update(quality=90)
        elif fmt == "WEBP":
            options.update(quality=90, lossless=False)
        buffer = io.BytesIO()
        image.save(buffer, format=fmt, **options)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise validation_error(
            field, _("The file is not a readable PNG, JPEG or WebP image."), code="invalid_image"
        ) from None
    data = buffer.getvalue()
    # Written back into the upload's own file (memory or temporary file), so storage moves it as usual.
    upload.seek(0)
    assert upload.file is not None  # an UploadedFile always has its file
    upload.file.truncate()
    upload.file.write(data)
    upload.file.seek(0)
    upload.size = len(data)


def stored_name(fmt: str) -> str:
    return f"{uuid.uuid4().hex}.{FORMATS[fmt]}"
