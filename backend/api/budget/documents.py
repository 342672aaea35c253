"""Documents attached to the budget as evidence: checked by their content, never by their name.

Allowed: PDF, PNG/JPEG (checked and re-encoded by ``api.common.images``, which drops metadata such
as a photo's GPS position), HWP (한글: an OLE compound file whose ``FileHeader`` stream starts with
``HWP Document File``), HWPX (a zip whose first entry ``mimetype`` reads ``application/hwp+zip``),
XLSX and DOCX (a zip with ``[Content_Types].xml`` and the workbook or document part; none with
macros). At most ``settings.BUDGET_EVIDENCE_MAX_BYTES``. A file is stored under a random name with
the extension of what it is; its original name is kept, sanitised, for people to read. Its SHA-256
is taken over the stored bytes, so a downloaded copy checks against the ledger with ``sha256sum``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from api.budget import errors
from api.common.errors import validation_error
from api.common.images import image_check

# kind -> (content type, extension)
TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "jpeg": ("image/jpeg", "jpg"),
    "hwp": ("application/x-hwp", "hwp"),
    "hwpx": ("application/hwp+zip", "hwpx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
HWP_SIGNATURE = b"HWP Document File"
HWP_SIGNATURE_SCAN_BYTES = 1024 * 1024  # the FileHeader stream sits near the start of the file
ALLOWED_TEXT = "PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG"


@dataclass(frozen=True)
class CheckedDocument:
    content_type: str
    extension: str
    filename: str  # the uploaded name, sanitised, with the extension of what the file is
    sha256: str
    size: int


def _refuse(field: str) -> Exception:
    return validation_error(
        field,
        _("The file is not an allowed document (%(types)s), judged by its content.") % {"types": ALLOWED_TEXT},
        code=errors.INVALID_DOCUMENT,
    )


def _zip_kind(upload: UploadedFile, field: str) -> str:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if (
                infos
                and infos[0].filename == "mimetype"
                and infos[0].file_size <= 100
                and archive.read("mimetype").strip() == b"application/hwp+zip"
            ):
                return "hwpx"
            if "[Content_Types].xml" in names and not any(n.lower().endswith("vbaproject.bin") for n in names):
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "word/document.xml" in names:
                    return "docx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError):
        pass
    finally:
        upload.seek(0)
    raise _refuse(field)


def _kind(upload: UploadedFile, head: bytes, field: str) -> str:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        fmt = image_check(upload, field=field)  # re-encoded in place, without metadata
        if fmt in ("PNG", "JPEG"):
            return fmt.lower()
        raise _refuse(field)
    if head.startswith(OLE_MAGIC):
        upload.seek(0)
        scanned = upload.read(HWP_SIGNATURE_SCAN_BYTES)
        upload.seek(0)
        if HWP_SIGNATURE in scanned:
            return "hwp"
        raise _refuse(field)
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(upload, field)
    raise _refuse(field)


def safe_filename(name: str, extension: str) -> str:
    """The uploaded name for people to read: no path, no control or reserved characters, at most
    150 characters, ending in the extension of what the file really is."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r'[<>:"|?*\x00-\x1f]', "", base)
    base = re.sub(r"\s+", " ", base).strip(" .")
    stem = base.rsplit(".", 1)[0].strip(" .") if "." in base else base
    stem = stem[:140] or "document"
    return f"{stem}.{extension}"


def document_check(upload: UploadedFile, *, field: str = "file") -> CheckedDocument:
    """Check ``upload`` (400 naming ``field`` if empty, too large or not an allowed document) and
    describe it. Renames ``upload`` to a random name under which storage keeps it."""
    limit = settings.BUDGET_EVIDENCE_MAX_BYTES
    if not upload.size:
        raise validation_error(field, _("The file is empty."), code=errors.EMPTY_FILE)
    if upload.size > limit:
        raise validation_error(
            field,
            _("The file is %(size)d bytes; the limit is %(limit)d bytes.") % {"size": upload.size, "limit": limit},
            code=errors.FILE_TOO_LARGE,
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = _kind(upload, head, field)
    content_type, extension = TYPES[kind]
    digest = hashlib.sha256()
    size = 0
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    upload.seek(0)
    filename = safe_filename(upload.name or "", extension)
    upload.name = f"{uuid.uuid4().hex}.{extension}"
    return CheckedDocument(
        content_type=content_type, extension=extension, filename=filename, sha256=digest.hexdigest(), size=size
    )
