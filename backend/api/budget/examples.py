"""OpenAPI examples of the budget endpoints (figures in the spirit of the 2015 report)."""

from drf_spectacular.utils import OpenApiExample

PROGRAMME = {
    "id": 3,
    "code": "market-development",
    "name": "판로 개척 지원",
    "name_en": "Market development",
    "position": 4,
    "is_active": True,
}
_EVIDENCE = {
    "id": 5,
    "kind": "contract",
    "kind_label": "계약서",
    "title": "2015 한마당 운영 계약서",
    "url": "https://www.goyang.go.kr/open/budget/2015/fair-contract.pdf",
    "is_file": False,
    "filename": None,
    "sha256": None,
    "size": None,
    "content_type": None,
    "execution": None,
    "created_at": "2015-03-02T10:00:00+09:00",
}
_EVIDENCE_FILE = {
    "id": 6,
    "kind": "report",
    "kind_label": "보고서",
    "title": "2분기 한마당 결과 보고서",
    "url": "https://sehub.example.org/media/budget/evidence/3f2a9c1e0b7d4c5a8e6f1a2b3c4d5e6f.pdf",
    "is_file": True,
    "filename": "2분기 한마당 결과 보고서.pdf",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "size": 482133,
    "content_type": "application/pdf",
    "execution": 21,
    "created_at": "2015-06-15T11:05:00+09:00",
}
_EXECUTION = {
    "id": 21,
    "item": 8,
    "kind": "execution",
    "kind_label": "집행",
    "executed_on": "2015-06-13",
    "amount": 4500000,
    "payee": "고양시 사회적경제 한마당 운영사무국",
    "description": "2분기 한마당 부스 설치",
    "reason": "",
    "reverses": None,
    "reversed_by": None,
    "evidence": [],
    "created_at": "2015-06-15T11:00:00+09:00",
}
_AMENDMENT = {
    "id": 2,
    "item": 8,
    "old_amount": 20000000,
    "new_amount": 24000000,
    "reason": "4분기 한마당 추가 개최 (시의회 추경 의결)",
    "created_by_name": "조정자",
    "created_at": "2015-07-20T09:30:00+09:00",
}
ITEM = {
    "id": 8,
    "fiscal_year": 2015,
    "programme": PROGRAMME,
    "category": "event",
    "category_label": "행사비",
    "funding_source": "city",
    "funding_source_label": "시비",
    "title": "분기별 사회적경제 한마당 운영",
    "description": "분기마다 여는 사회적경제 한마당(장터·체험·공연) 운영비.",
    "allocated_amount": 24000000,
    "executed_amount": 4500000,
    "remaining_amount": 19500000,
    "execution_rate": 0.1875,
    "recipient": {"id": 1, "slug": "wecan-cookie", "name": "위캔쿠키"},
    "recipient_kind": "social",
    "district": "ilsandong",
    "status": "in_progress",
    "status_label": "진행 중",
    "status_reason": "",
    "events": [{"id": 12, "title": "2015 여름 사회적경제 한마당"}],
    "created_at": "2015-03-02T10:00:00+09:00",
    "updated_at": "2015-07-20T09:30:00+09:00",
}
ITEM_DETAIL = {**ITEM, "executions": [_EXECUTION], "amendments": [_AMENDMENT], "evidence": [_EVIDENCE]}

PROGRAMME_OUT = OpenApiExample("programme", value=PROGRAMME, response_only=True)
PROGRAMME_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [PROGRAMME]}, response_only=True
)
PROGRAMME_CREATE = OpenApiExample(
    "programme",
    value={"code": "market-development", "name": "판로 개척 지원", "name_en": "Market development"},
    request_only=True,
)
PROGRAMME_PATCH = OpenApiExample("retire", value={"is_active": False}, request_only=True)
ITEM_OUT = OpenApiExample("item", value=ITEM_DETAIL, response_only=True)
ITEM_PAGE = OpenApiExample(
    "page", value={"count": 1, "next": None, "previous": None, "results": [ITEM]}, response_only=True
)
ITEM_CREATE = OpenApiExample(
    "item",
    value={
        "fiscal_year": 2015,
        "programme_id": 3,
        "category": "event",
        "funding_source": "city",
        "title": "분기별 사회적경제 한마당 운영",
        "allocated_amount": 20000000,
        "event_ids": [12],
        "status": "approved",
        "evidence": [
            {
                "kind": "decision",
                "title": "2015 예산 의결서",
                "url": "https://www.goyang.go.kr/open/budget/2015/decision.pdf",
            }
        ],
    },
    request_only=True,
)
ITEM_PATCH = OpenApiExample("describe", value={"description": "장터·체험·공연 운영비."}, request_only=True)
STATUS_CANCEL = OpenApiExample(
    "cancel", value={"status": "cancelled", "reason": "사업 통합으로 다른 항목에 편성"}, request_only=True
)
EXECUTION_OUT = OpenApiExample("execution", value=_EXECUTION, response_only=True)
EXECUTION_LIST = OpenApiExample("executions", value=[_EXECUTION], response_only=True)
EXECUTION_CREATE = OpenApiExample(
    "execution",
    value={
        "executed_on": "2015-06-13",
        "amount": 4500000,
        "payee": "고양시 사회적경제 한마당 운영사무국",
        "description": "2분기 한마당 부스 설치",
    },
    request_only=True,
)
REVERSAL_OUT = OpenApiExample(
    "reversal",
    value={
        **_EXECUTION,
        "id": 22,
        "kind": "reversal",
        "kind_label": "집행 취소",
        "amount": -4500000,
        "reason": "중복 입력된 집행",
        "reverses": 21,
    },
    response_only=True,
)
REVERSE_IN = OpenApiExample("reason", value={"reason": "중복 입력된 집행"}, request_only=True)
AMENDMENT_OUT = OpenApiExample("amendment", value=_AMENDMENT, response_only=True)
AMENDMENT_LIST = OpenApiExample("amendments", value=[_AMENDMENT], response_only=True)
AMENDMENT_CREATE = OpenApiExample(
    "amendment",
    value={"new_amount": 24000000, "reason": "4분기 한마당 추가 개최 (시의회 추경 의결)"},
    request_only=True,
)
EVIDENCE_OUT = OpenApiExample("evidence", value=_EVIDENCE, response_only=True)
EVIDENCE_FILE_OUT = OpenApiExample("document", value=_EVIDENCE_FILE, response_only=True)
EVIDENCE_IN = OpenApiExample(
    "evidence",
    value={
        "kind": "report",
        "title": "2분기 한마당 결과 보고서",
        "url": "https://www.goyang.go.kr/open/budget/2015/fair-q2-report.pdf",
    },
    request_only=True,
)
_ENTRY = {
    "id": 42,
    "created_at": "2015-06-15T02:00:00.000000+00:00",
    "item": 8,
    "kind": "execute",
    "data": {
        "execution": 21,
        "executed_on": "2015-06-13",
        "amount": 4500000,
        "payee": "고양시 사회적경제 한마당 운영사무국",
        "description": "2분기 한마당 부스 설치",
        "evidence": [],
        "executed_total": 4500000,
        "remaining": 19500000,
        "actor": "조정자",
    },
    "prev_hash": "9f2c4e0d5b1a7c3e8f6d2b4a1c9e7f5d3b1a0c8e6f4d2b0a9c7e5f3d1b9a7c5e",
    "hash": "3b7d9f1e5c2a8b4d6f0e2c4a6b8d0f2e4c6a8b0d2f4e6c8a0b2d4f6e8c0a2b4d",
}
LEDGER_PAGE = OpenApiExample(
    "page",
    value={
        "next": "https://sehub.example/api/v1/budget/ledger/?cursor=cD00Mg%3D%3D",
        "previous": None,
        "results": [_ENTRY],
    },
    response_only=True,
)
VERIFY_OK = OpenApiExample(
    "intact", value={"intact": True, "entries": 42, "head": _ENTRY["hash"], "first_break": None}, response_only=True
)
VERIFY_BROKEN = OpenApiExample(
    "broken", value={"intact": False, "entries": 16, "head": _ENTRY["prev_hash"], "first_break": 17}, response_only=True
)
_LINE = {
    "key": 3,
    "label": "판로 개척 지원",
    "allocated": 24000000,
    "executed": 4500000,
    "remaining": 19500000,
    "execution_rate": 0.1875,
    "item_count": 1,
}
SUMMARY = OpenApiExample(
    "2015",
    value={
        "year": 2015,
        "years": [2014, 2015, 2016],
        "total": {**_LINE, "key": "total", "label": "합계"},
        "by_programme": [{**_LINE, "code": "market-development"}],
        "by_category": [{**_LINE, "key": "event", "label": "행사비"}],
        "by_funding_source": [{**_LINE, "key": "city", "label": "시비"}],
        "by_recipient_kind": [{**_LINE, "key": "", "label": "지원 대상 없음"}],
        "by_district": [{**_LINE, "key": "", "label": "지원 대상 없음"}],
        "by_year": [{**_LINE, "key": 2015, "label": "2015"}],
    },
    response_only=True,
)
CSV_EXAMPLE = OpenApiExample(
    "csv",
    value=(
        "\ufeff번호,회계연도,사업,비목,재원,항목,예산액(원),집행액(원),잔액(원),상태,상태 사유,지원 대상,지원 대상 유형,지역,설명\r\n"
        "8,2015,판로 개척 지원,행사비,시비,분기별 사회적경제 한마당 운영,24000000,4500000,19500000,진행 중,,,,,\r\n"
        '"# 공공누리 제1유형(출처표시) ..."\r\n'
    ),
    response_only=True,
)
