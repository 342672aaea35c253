"""Anyone reads the budget; only coordinators write it (a member of the recipient organisation
is no different from anyone else)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.matrix import Row, everyone

COORDINATOR_ONLY = {"anonymous": 401, "citizen": 403, "member_a": 403, "member_b": 403}


def coordinator(status: int) -> dict[str, int]:
    return {**COORDINATOR_ONLY, "coordinator": status}


def _item_body(world, role):
    return {
        "fiscal_year": 2016,
        "programme_id": world.budget_programme_id,
        "category": "grant",
        "funding_source": "national",
        "title": "예비사회적기업 재정 지원",
        "allocated_amount": 30_000_000,
        "recipient_id": world.enterprise_b.pk,
    }


ITEM = "/api/v1/budget-items/{budget_item_id}/"

ROWS = [
    Row("budget_programmes_list", "GET", "/api/v1/budget/programmes/", everyone(200)),
    Row("budget_programmes_retrieve", "GET", "/api/v1/budget/programmes/{budget_programme_id}/", everyone(200)),
    Row(
        "budget_programmes_create",
        "POST",
        "/api/v1/budget/programmes/",
        coordinator(201),
        body={"code": "education", "name": "교육"},
    ),
    Row(
        "budget_programmes_update",
        "PATCH",
        "/api/v1/budget/programmes/{budget_programme_id}/",
        coordinator(200),
        body={"name_en": "Market development (sales)"},
    ),
    Row("budget_items_list", "GET", "/api/v1/budget-items/", everyone(200)),
    Row("budget_items_retrieve", "GET", ITEM, everyone(200)),
    Row("budget_items_create", "POST", "/api/v1/budget-items/", coordinator(201), body=_item_body),
    Row("budget_items_update", "PATCH", ITEM, coordinator(200), body={"description": "장터·체험·공연"}),
    Row("budget_items_status", "POST", ITEM + "status/", coordinator(200), body={"status": "in_progress"}),
    Row("budget_items_executions_list", "GET", ITEM + "executions/", everyone(200)),
    Row(
        "budget_items_executions_create",
        "POST",
        ITEM + "executions/",
        coordinator(201),
        body={"executed_on": "2015-09-01", "amount": 500_000, "payee": "부스 설치 업체"},
    ),
    Row("budget_items_amendments_list", "GET", ITEM + "amendments/", everyone(200)),
    Row(
        "budget_items_amendments_create",
        "POST",
        ITEM + "amendments/",
        coordinator(201),
        body={"new_amount": 15_000_000, "reason": "4분기 한마당 추가"},
    ),
    Row(
        "budget_items_evidence_add",
        "POST",
        ITEM + "evidence/",
        coordinator(201),
        body={"kind": "report", "title": "결과 보고서", "url": "https://example.org/report.pdf"},
    ),
    Row(
        "budget_items_evidence_upload",
        "POST",
        ITEM + "evidence/file/",
        coordinator(201),
        body=lambda world, role: {
            "kind": "report",
            "title": "결과 보고서",
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
        format="multipart",
    ),
    Row("budget_items_history", "GET", ITEM + "history/", everyone(200)),
    Row(
        "budget_executions_reverse",
        "POST",
        "/api/v1/budget-executions/{execution_a_id}/reverse/",
        coordinator(201),
        body={"reason": "중복 입력"},
    ),
    Row("budget_ledger_list", "GET", "/api/v1/budget/ledger/", everyone(200)),
    Row("budget_ledger_verify", "GET", "/api/v1/budget/ledger/verify/", everyone(200)),
    Row("budget_summary", "GET", "/api/v1/budget/summary/?year=2015", everyone(200)),
    Row("budget_export_csv", "GET", "/api/v1/budget/exports/items.csv", everyone(200)),
    Row("budget_export_xlsx", "GET", "/api/v1/budget/exports/ledger.xlsx", everyone(200)),
]
