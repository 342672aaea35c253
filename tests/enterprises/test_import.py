"""CSV import (endpoint and command) and export."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from api.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/enterprises/import/"
HEADER = "기업명,기업유형,인증번호,업종,구,소재지,대표전화,홈페이지,총고용인원,취약계층고용인원,태그\n"
GOOD = (
    HEADER
    + "햇살도시락,사회적기업,2014-77,식품·외식,,경기도 고양시 덕양구 어딘가 1,031-000-1111,https://sun.example,12,5,도시락;반찬\n"
    + "들꽃협동조합,협동조합,,돌봄,일산서구,,,,3,0,\n"
)


def upload(text: str, encoding: str = "utf-8", name: str = "list.csv"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def post(client, text, encoding="utf-8", dry_run=False):
    return client.post(IMPORT, {"file": upload(text, encoding), "dry_run": dry_run}, format="multipart")


def test_import_creates_then_updates_idempotently(world):
    client = world.client("coordinator")
    first = post(client, GOOD)
    assert first.status_code == 200, first.content
    assert first.json() == {"dry_run": False, "encoding": "utf-8", "rows": 2, "created": 2, "updated": 0}
    sun = Enterprise.objects.get(certification_number="2014-77")
    assert sun.district == "deogyang" and sun.kind == "social" and sun.sector == "food" and sun.is_verified
    assert sorted(sun.tags.values_list("name", flat=True)) == ["도시락", "반찬"]
    assert Enterprise.objects.get(name="들꽃협동조합").sector == "care"
    again = post(client, GOOD.replace("12,5", "14,6"))
    assert again.json()["created"] == 0 and again.json()["updated"] == 2
    assert Enterprise.objects.filter(name__in=["햇살도시락", "들꽃협동조합"]).count() == 2
    assert Enterprise.objects.get(certification_number="2014-77").employees_total == 14
    # Searchable right away.
    assert world.client("anonymous").get("/api/v1/enterprises/", {"search": "반찬"}).json()["count"] == 1


def test_cp949_file_is_detected(world):
    response = post(world.client("coordinator"), GOOD, encoding="cp949")
    assert response.status_code == 200, response.content
    assert response.json()["encoding"] == "cp949"
    assert Enterprise.objects.filter(name="햇살도시락").exists()


def test_bom_and_english_headers(world):
    text = "\ufeffname,kind,district,employees_total\nGreen Shop,cooperative,ilsandong,2\n"
    response = post(world.client("coordinator"), text)
    assert response.status_code == 200 and response.json()["encoding"] == "utf-8-sig"


def test_undecodable_file_is_400(world):
    response = world.client("coordinator").post(
        IMPORT,
        {"file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00\xd8\x00\xdc\xff", content_type="text/csv")},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "file"
    assert response.json()["errors"][0]["code"] == "invalid_encoding"


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(world):
    text = (
        HEADER
        + "좋은기업,협동조합,,,덕양구,,,,3,1,\n"
        + "나쁜기업,빵집,,,덕양구,,,,3,1,\n"
        + "음수기업,협동조합,,,강남구,,,,-1,0,\n"
        + "초과기업,협동조합,,,일산동구,,,,2,5,\n"
    )
    response = post(world.client("coordinator"), text)
    assert response.status_code == 400
    fields = [e["field"] for e in response.json()["errors"]]
    assert fields == ["rows[3].기업유형", "rows[4].구", "rows[4].총고용인원", "rows[5].취약계층고용인원"]
    assert not Enterprise.objects.filter(name="좋은기업").exists()


def test_duplicate_certification_numbers(world):
    client = world.client("coordinator")
    text = HEADER + "가기업,사회적기업,2015-1,,덕양구,,,,1,0,\n" + "나기업,사회적기업,2015-1,,덕양구,,,,1,0,\n"
    response = post(client, text)
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["rows[3].인증번호"]


def test_missing_columns_and_empty_file(world):
    client = world.client("coordinator")
    response = post(client, "이름,주소\n가,나\n")
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "missing_columns"
    assert post(client, "").status_code == 400


def test_dry_run_writes_nothing(world):
    response = post(world.client("coordinator"), GOOD, dry_run=True)
    assert response.status_code == 200 and response.json()["created"] == 2 and response.json()["dry_run"] is True
    assert not Enterprise.objects.filter(name="햇살도시락").exists()


def test_command(world, tmp_path, capsys):
    path = tmp_path / "list.csv"
    path.write_bytes(GOOD.encode("cp949"))
    call_command("import_enterprises", str(path), "--dry-run")
    assert not Enterprise.objects.filter(name="햇살도시락").exists()
    call_command("import_enterprises", str(path))
    assert "2 created" in capsys.readouterr().out
    assert Enterprise.objects.filter(name="햇살도시락").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "나쁜기업,빵집,,,덕양구,,,,3,1,\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_enterprises", str(bad))
    assert "rows[2].기업유형" in capsys.readouterr().err


def test_export_is_utf8_with_bom_and_filtered(world, anon_client):
    response = anon_client.get("/api/v1/enterprises/export/", {"kind": "social"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["기업명", "영문명", "기업유형"]
    assert [r[0] for r in rows[1:]] == ["위캔쿠키"]
    assert rows[1][2] == "사회적기업"
    # Pending organisations stay hidden; the export re-imports cleanly.
    assert "새싹협동조합" not in raw.decode("utf-8-sig")
    again = world.client("coordinator").post(
        IMPORT, {"file": SimpleUploadedFile("e.csv", raw, content_type="text/csv")}, format="multipart"
    )
    assert again.status_code == 200, again.content
    assert again.json()["updated"] == 1


def test_export_neutralises_formulas(world, anon_client):
    Enterprise.objects.filter(pk=world.enterprise_a.pk).update(description='=HYPERLINK("http://evil")')
    raw = b"".join(anon_client.get("/api/v1/enterprises/export/").streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in raw


def test_export_bad_filter_is_a_problem_document(world, anon_client):
    response = anon_client.get("/api/v1/enterprises/export/", {"kind": "bakery"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"] == "kind"


def test_an_archived_organisation_is_not_updated_by_an_import(world):
    """The row names it (rows[N].기업명, code enterprise_archived); nothing of the file is written."""
    client = world.client("coordinator")
    assert post(client, GOOD).status_code == 200
    sun = Enterprise.objects.get(certification_number="2014-77")
    assert client.delete(f"/api/v1/enterprises/{sun.slug}/?reason=폐업").status_code == 204
    response = post(client, GOOD.replace("12,5", "14,6").replace(",3,0,", ",4,0,"))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("rows[2].기업명", "enterprise_archived")]
    assert "햇살도시락" in errors[0]["message"]
    assert Enterprise.objects.get(pk=sun.pk).employees_total == 12
    assert Enterprise.objects.get(name="들꽃협동조합").employees_total == 3  # all or nothing
