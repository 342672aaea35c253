"""Open-data exports: CSV (BOM, formula-safe, licence) and XLSX, filters, and the documented
20-line verifier run against an exported ledger."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from openpyxl import load_workbook

from api.budget.triggers import LEDGER_GUARD, TABLE
from tests.budget import factories

DOC = Path(__file__).resolve().parents[2] / "docs" / "budget-ledger.md"


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _script(tmp_path: Path) -> Path:
    text = DOC.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    assert len(code.strip().splitlines()) <= 20
    path = tmp_path / "verify_ledger.py"
    path.write_text(code, encoding="utf-8")
    return path


def test_items_csv_has_a_bom_korean_headers_safe_cells_and_the_licence(coordinator, anon_client):
    factories.item(actor=coordinator, title='=HYPERLINK("http://evil")', fiscal_year=2016)
    factories.item(actor=coordinator, title="다른 해", fiscal_year=2014)
    response = anon_client.get("/api/v1/budget/exports/items.csv?fiscal_year=2016")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    body = _content(response).decode("utf-8")
    assert body.startswith("\ufeff번호,회계연도,사업")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 3  # header, one item of 2016, licence
    assert rows[1][5] == '\'=HYPERLINK("http://evil")'
    assert rows[-1][0].startswith("# 공공누리")
    english = _content(anon_client.get("/api/v1/budget/exports/executions.csv?lang=en")).decode("utf-8")
    assert english.startswith("\ufeffid,item,item_title")


def test_xlsx_has_a_data_sheet_and_a_licence_sheet(coordinator, anon_client):
    item = factories.item(actor=coordinator)
    factories.execute(actor=coordinator, item=item, amount=1234)
    response = anon_client.get("/api/v1/budget/exports/executions.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(_content(response)))
    rows = list(workbook["executions"].values)
    assert rows[0][0] == "번호" and rows[1][6] == 1234
    assert "공공누리" in workbook.worksheets[1]["A1"].value


def test_bad_export_parameters_are_4xx(anon_client):
    assert anon_client.get("/api/v1/budget/exports/users.csv").status_code == 404
    assert anon_client.get("/api/v1/budget/exports/items.csv?lang=fr").status_code == 400
    assert anon_client.get("/api/v1/budget/exports/items.csv?fiscal_year=abc").status_code == 400


def test_the_documented_script_verifies_an_exported_ledger(coordinator, anon_client, tmp_path):
    item = factories.item(actor=coordinator, title='한마당 "운영", 2015')
    paid = factories.execute(actor=coordinator, item=item, amount=500, payee="-운영사무국")
    from api.budget.services import budget_execution_reverse

    budget_execution_reverse(execution=paid, actor=coordinator, reason="중복")
    script = _script(tmp_path)
    export = tmp_path / "ledger.csv"
    export.write_bytes(_content(anon_client.get("/api/v1/budget/exports/ledger.csv")))
    run = subprocess.run([sys.executable, str(script), str(export)], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == anon_client.get("/api/v1/budget/ledger/verify/").json()
    assert json.loads(run.stdout)["intact"] is True

    # Tamper with entry 2 behind the trigger's back: the script finds it, as the server does.
    LEDGER_GUARD.uninstall(connection)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET kind = 'amend' WHERE id = 2")
    finally:
        LEDGER_GUARD.install(connection)
    export.write_bytes(_content(anon_client.get("/api/v1/budget/exports/ledger.csv")))
    run = subprocess.run([sys.executable, str(script), str(export)], capture_output=True, text=True, check=True)
    mine = json.loads(run.stdout)
    assert mine["intact"] is False and mine["first_break"] == 2
    assert mine == anon_client.get("/api/v1/budget/ledger/verify/").json()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_read_rows_in_a_bounded_number_of_queries(coordinator, anon_client, django_assert_max_num_queries, fmt):
    item = factories.item(actor=coordinator)
    for amount in range(1, 30):
        factories.execute(actor=coordinator, item=item, amount=amount)
    with django_assert_max_num_queries(8):
        _content(anon_client.get(f"/api/v1/budget/exports/executions.{fmt}"))
