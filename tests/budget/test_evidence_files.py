"""Documents attached to the budget as evidence, as files: checked by content (never by name), at
most BUDGET_EVIDENCE_MAX_BYTES, stored under a random name, served as a download, recorded in the
ledger with their SHA-256 so that a downloaded copy checks against the chain."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import override_settings
from PIL import Image

from api.budget.documents import safe_filename
from api.budget.ledger import LedgerKind
from api.budget.models import BudgetEvidence, BudgetItem, BudgetLedgerEntry
from tests.budget import factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload_url(world) -> str:
    return f"/api/v1/budget-items/{world.budget_item_id}/evidence/file/"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


HWP = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b"HWP Document File" + b"\0" * 239
HWPX = _zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<hs:sec/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"})


def _written():
    return (BudgetEvidence.objects.count(), BudgetLedgerEntry.objects.count())


def _post(world, data, role="coordinator"):
    return world.client(role).post(upload_url(world), data, format="multipart")


@pytest.mark.parametrize(
    ("content", "name", "content_type", "extension"),
    [
        (PDF, "결과 보고서.pdf", "application/pdf", "pdf"),
        (HWP, "의결서.hwp", "application/x-hwp", "hwp"),
        (HWPX, "의결서.hwpx", "application/hwp+zip", "hwpx"),
        (XLSX, "정산.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        (DOCX, "계약서.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        (_png(), "영수증.png", "image/png", "png"),
    ],
)
def test_a_coordinator_uploads_a_document_recorded_with_its_hash(world, content, name, content_type, extension):
    response = _post(world, {"kind": "report", "title": "2분기 결과", "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["is_file"] is True
    assert body["content_type"] == content_type
    assert body["filename"] == name
    document = BudgetEvidence.objects.get(pk=body["id"])
    stored = document.file.read()
    assert body["size"] == len(stored) == document.size
    assert body["sha256"] == hashlib.sha256(stored).hexdigest() == document.sha256
    if extension != "png":  # images are re-encoded without metadata; the rest is kept byte for byte
        assert stored == content
    assert body["url"].startswith("http://testserver/media/budget/evidence/")
    stored_name = document.file.name.rsplit("/", 1)[-1]
    assert stored_name.endswith(f".{extension}") and name.split(".")[0] not in stored_name  # a random name
    entry = BudgetLedgerEntry.objects.filter(item_id=world.budget_item_id).order_by("-id").first()
    assert entry.kind == LedgerKind.EVIDENCE
    assert entry.data["sha256"] == body["sha256"]
    assert entry.data["size"] == body["size"]
    assert entry.data["name"] == name
    # The item's page lists it, with the same hash.
    detail = world.client("anonymous").get(f"/api/v1/budget-items/{world.budget_item_id}/").json()
    listed = next(e for e in detail["evidence"] if e["id"] == body["id"])
    assert listed["sha256"] == body["sha256"] and listed["url"] == body["url"]


def test_the_downloaded_file_is_an_attachment_matching_the_ledger(world):
    body = _post(world, {"kind": "decision", "title": "의결서", "file": SimpleUploadedFile("a.pdf", PDF)}).json()
    path = body["url"].removeprefix("http://testserver")
    response = world.client("anonymous").get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    downloaded = b"".join(response.streaming_content)
    assert hashlib.sha256(downloaded).hexdigest() == body["sha256"]


def test_a_document_of_an_execution(world):
    execution_id = world.execution_a_id
    response = _post(
        world,
        {"kind": "receipt", "title": "영수증", "file": SimpleUploadedFile("r.pdf", PDF), "execution_id": execution_id},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["execution"] == execution_id


HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"file": ("report.pdf", HTML)}, "file", "invalid_document"),  # a "PDF" that is HTML
        ({"file": ("report.pdf", b"")}, "file", "empty"),
        ({"file": ("x.docx", _zip({"word/document.xml": b"<d/>"}))}, "file", "invalid_document"),
        (
            {
                "file": (
                    "x.xlsm",
                    _zip({"[Content_Types].xml": b"<T/>", "xl/workbook.xml": b"<w/>", "xl/vbaProject.bin": b"\0"}),
                )
            },
            "file",
            "invalid_document",
        ),
        ({"file": ("x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)}, "file", "invalid_document"),
        ({"file": ("x.zip", b"PK\x03\x04broken")}, "file", "invalid_document"),
        ({"file": ("x.png", b"\x89PNG\r\n\x1a\nnot really")}, "file", "invalid_image"),
        ({}, "file", "required"),
        ({"file": ("a.pdf", PDF), "url": "https://example.org/a.pdf"}, "url", "url_and_file"),
        ({"file": ("a.pdf", PDF), "kind": "memo"}, "kind", "invalid_choice"),
        ({"file": ("a.pdf", PDF), "execution_id": 999999}, "execution_id", "execution_not_of_item"),
    ],
)
def test_bad_uploads_are_400_naming_the_field_and_write_nothing(world, data, field, code):
    payload = {"kind": "report", "title": "보고서"}
    for key, value in data.items():
        payload[key] = SimpleUploadedFile(*value) if key == "file" else value
    before = _written()
    response = _post(world, payload)
    assert response.status_code == 400, response.json()
    errors = response.json()["errors"]
    assert errors[0]["field"] == field, errors
    assert errors[0]["code"] == code, errors
    assert _written() == before


@override_settings(BUDGET_EVIDENCE_MAX_BYTES=100)
def test_a_document_over_the_limit_is_400_file_too_large(world):
    before = _written()
    response = _post(world, {"kind": "report", "title": "큰 파일", "file": SimpleUploadedFile("a.pdf", PDF * 5)})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {**response.json()["errors"][0], "field": "file", "code": "file_too_large"}
    assert _written() == before


def test_the_upload_path_takes_bodies_larger_than_other_uploads(world, settings):
    settings.API_MAX_UPLOAD_BYTES = 1000
    big = PDF + b"0" * 5000
    response = _post(world, {"kind": "report", "title": "보고서", "file": SimpleUploadedFile("a.pdf", big)})
    assert response.status_code == 201, response.json()
    other = world.client("coordinator").post(
        f"/api/v1/budget-items/{world.budget_item_id}/evidence/",
        {"kind": "report", "title": "x" * 10, "url": "https://example.org/" + "a" * 2000},
        format="multipart",
    )
    assert other.status_code == 413


def test_only_coordinators_upload(world):
    before = _written()
    for role, status in (("anonymous", 401), ("citizen", 403), ("member_a", 403)):
        response = _post(world, {"kind": "report", "title": "t", "file": SimpleUploadedFile("a.pdf", PDF)}, role)
        assert response.status_code == status
    assert _written() == before


def test_no_document_on_a_cancelled_item(world):
    cancelled = factories.item(actor=world.users["coordinator"], status="planned")
    BudgetItem.objects.filter(pk=cancelled.pk).update(status="cancelled", status_reason="사업 취소")
    before = _written()
    response = world.client("coordinator").post(
        f"/api/v1/budget-items/{cancelled.pk}/evidence/file/",
        {"kind": "report", "title": "t", "file": SimpleUploadedFile("a.pdf", PDF)},
        format="multipart",
    )
    assert response.status_code == 409
    assert _written() == before


def test_the_database_wants_exactly_one_of_link_and_file(world):
    item = BudgetItem.objects.get(pk=world.budget_item_id)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetEvidence.objects.create(item=item, kind="report", title="neither")
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetEvidence.objects.create(
            item=item,
            kind="report",
            title="both",
            url="https://example.org/a.pdf",
            file="budget/evidence/a.pdf",
            sha256="0" * 64,
            size=1,
            content_type="application/pdf",
        )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\me\\보고서.PDF", "보고서.pdf"),
        ("<script>.html", "script.pdf"),
        ("\u202eevil\u0000.pdf", "evil.pdf"),
        ("", "document.pdf"),
        ("...", "document.pdf"),
        ("a" * 300 + ".pdf", "a" * 140 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(name, expected):
    assert safe_filename(name, "pdf") == expected


def test_a_retried_upload_with_the_same_idempotency_key_attaches_once(world):
    client = world.client("coordinator")
    before = _written()
    answers = [
        client.post(
            upload_url(world),
            {"kind": "report", "title": "보고서", "file": SimpleUploadedFile("a.pdf", PDF)},
            format="multipart",
            HTTP_IDEMPOTENCY_KEY="evidence-upload-0001",
        )
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json() == answers[1].json()
    assert _written() == (before[0] + 1, before[1] + 1)
