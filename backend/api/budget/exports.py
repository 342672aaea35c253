"""Open-data exports of the budget: items, executions and the ledger, as CSV (UTF-8 with BOM, for
Korean Excel) or XLSX, with Korean or English headers and the licence.

Both are produced row by row from database iterators: a CSV is streamed chunk by chunk, an XLSX is
written by openpyxl's write-only workbook to a temporary file (not to memory) and streamed from
there, so a 300,000-line export does not grow the worker's memory.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db.models import QuerySet

from api.budget.ledger import timestamp
from api.budget.models import BudgetCategory, BudgetExecution, BudgetItem, BudgetItemStatus, FundingSource
from api.common.spreadsheets import UTF8_BOM, spreadsheet_safe

DATASETS = ("items", "executions", "ledger")
LICENCE_URL = "https://www.kogl.or.kr/info/licenseType1.do"
LICENCE = (
    "공공누리 제1유형(출처표시): 출처 '고양시 사회적경제 허브'를 밝히면 누구나 자유롭게 이용할 수 있습니다. "
    "/ Korea Open Government Licence Type 1 (attribution): anyone may use this data, citing "
    f"'Goyang Social Economy Hub' as the source. {LICENCE_URL}"
)
_CHUNK = 500

# (Korean header, English header) of each column.
_HEADERS: dict[str, list[tuple[str, str]]] = {
    "items": [
        ("번호", "id"),
        ("회계연도", "fiscal_year"),
        ("사업", "programme"),
        ("비목", "category"),
        ("재원", "funding_source"),
        ("항목", "title"),
        ("예산액(원)", "allocated_amount"),
        ("집행액(원)", "executed_amount"),
        ("잔액(원)", "remaining_amount"),
        ("상태", "status"),
        ("상태 사유", "status_reason"),
        ("지원 대상", "recipient"),
        ("지원 대상 유형", "recipient_kind"),
        ("지역", "district"),
        ("설명", "description"),
    ],
    "executions": [
        ("번호", "id"),
        ("예산 항목 번호", "item"),
        ("예산 항목", "item_title"),
        ("회계연도", "fiscal_year"),
        ("구분", "kind"),
        ("집행일", "executed_on"),
        ("금액(원)", "amount"),
        ("지급 대상", "payee"),
        ("내용", "description"),
        ("취소 대상 집행 번호", "reverses"),
        ("사유", "reason"),
    ],
    # The ledger keeps its own column names in both languages: a verifier reads them by name.
    "ledger": [
        ("id", "id"),
        ("created_at", "created_at"),
        ("item", "item"),
        ("kind", "kind"),
        ("data", "data"),
        ("prev_hash", "prev_hash"),
        ("hash", "hash"),
    ],
}


def header(dataset: str, lang: str) -> list[str]:
    return [ko if lang == "ko" else en for ko, en in _HEADERS[dataset]]


def _labels(lang: str) -> dict[str, dict[str, str]]:
    def of(choices: Any) -> dict[str, str]:
        return {value: str(label) for value, label in choices.choices}

    if lang == "en":
        return {"category": {}, "funding_source": {}, "status": {}}
    return {"category": of(BudgetCategory), "funding_source": of(FundingSource), "status": of(BudgetItemStatus)}


def rows(dataset: str, queryset: QuerySet[Any], lang: str) -> Iterator[list[Any]]:
    """The data rows of ``dataset`` (one query, read in chunks)."""
    labels = _labels(lang)
    if dataset == "items":
        for item in queryset.iterator(chunk_size=2000):
            assert isinstance(item, BudgetItem)
            programme = item.programme.name if lang == "ko" or not item.programme.name_en else item.programme.name_en
            yield [
                item.pk,
                item.fiscal_year,
                programme,
                labels["category"].get(item.category, item.category),
                labels["funding_source"].get(item.funding_source, item.funding_source),
                item.title,
                item.allocated_amount,
                item.executed_amount,
                item.allocated_amount - item.executed_amount,
                labels["status"].get(item.status, item.status),
                item.status_reason,
                item.recipient.name if item.recipient is not None else "",
                item.recipient_kind,
                item.district,
                item.description,
            ]
    elif dataset == "executions":
        for execution in queryset.iterator(chunk_size=2000):
            assert isinstance(execution, BudgetExecution)
            yield [
                execution.pk,
                execution.item_id,
                execution.item.title,
                execution.item.fiscal_year,
                execution.kind,
                execution.executed_on.isoformat(),
                execution.amount,
                execution.payee,
                execution.description,
                execution.reverses_id or "",
                execution.reason,
            ]
    else:
        for entry in queryset.iterator(chunk_size=2000):
            yield [
                entry.pk,
                timestamp(entry.created_at),
                entry.item_id,
                entry.kind,
                json.dumps(entry.data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                entry.prev_hash,
                entry.hash,
            ]


def csv_chunks(head: Sequence[str], data: Iterable[Sequence[Any]]) -> Iterator[str]:
    """A CSV file in chunks: BOM, header, rows (text cells formula-safe), then the licence line
    (one cell starting with ``#``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(UTF8_BOM)
    writer.writerow(head)
    for count, row in enumerate(data, start=1):
        writer.writerow([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])
        if count % _CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerow([f"# {LICENCE}"])
    yield buffer.getvalue()


def xlsx_file(head: Sequence[str], data: Iterable[Sequence[Any]], *, title: str) -> Any:
    """An XLSX workbook in a temporary file (rewound): one data sheet and a licence sheet."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(head))
    for row in data:
        sheet.append([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])
    licence = workbook.create_sheet(title="이용허락 (licence)")
    licence.append([LICENCE])
    licence.append([LICENCE_URL])
    # Handed to the streaming response, which closes it when the download ends.
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this function on purpose
    workbook.save(handle)
    handle.seek(0)
    return handle
