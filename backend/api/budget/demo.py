"""Demo budget: 2014–2016 lines of the city programmes named in the 2015 workshop report
(labour-cost support for social enterprises — eight of them in 2015 —, financial support for
pre-certified enterprises, village-enterprise support, social-economy education, networking,
market development, promotion) and the support centre's operation, with recipients drawn from the
demo organisations, executions at every stage (2014 completed, 2015 under way, 2016 just begun),
an amendment with its reason, a reversal, a cancelled line and the quarterly fair's budget line
linked to the demo fair events. The report gives no amounts: the figures are illustrative.

Everything goes through the services, so the totals and the public ledger are those of real use.
Idempotent: nothing is added when budget items exist.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from api.accounts import selectors as accounts
from api.budget import services
from api.budget.models import BudgetItem, BudgetItemStatus, BudgetProgramme
from api.enterprises import selectors as directory
from api.events import selectors as events

ORDER = 50  # after accounts (10), the directory (20) and events (30)
FAIR_TITLE = "고양 사회적경제 한마당"  # the demo fair series of the events domain
YEARS = (2014, 2015, 2016)

# (code, Korean name, English name)
PROGRAMMES = [
    ("labour-cost", "사회적기업 인건비 지원", "Labour-cost support for social enterprises"),
    ("pre-social-support", "예비사회적기업 재정 지원", "Financial support for pre-certified social enterprises"),
    ("village-enterprise", "마을기업 육성 지원", "Village-enterprise support"),
    ("market-development", "사회적경제 판로 개척", "Market development"),
    ("education", "사회적경제 교육", "Social-economy education"),
    ("networking", "네트워크 구축", "Networking"),
    ("promotion", "시민 인식 확산 홍보", "Promotion"),
    ("support-centre", "사회적경제 지원센터 운영", "Support-centre operation"),
]
# How far each year's lines are executed when the demo is loaded.
STAGE = {2014: (BudgetItemStatus.COMPLETED, 0.97), 2015: (BudgetItemStatus.IN_PROGRESS, 0.6), 2016: (None, 0.15)}


def _recipients(coordinator: Any, kind: str, count: int) -> list[int]:
    ids = directory.enterprise_list(user=coordinator).filter(kind=kind).values_list("pk", flat=True)[:count]
    return list(ids)


def _programmes(coordinator: Any) -> dict[str, BudgetProgramme]:
    out = {}
    for position, (code, name, name_en) in enumerate(PROGRAMMES, start=1):
        programme = BudgetProgramme.objects.filter(code=code).first()
        if programme is None:
            programme = services.programme_create(
                actor=coordinator, code=code, name=name, name_en=name_en, position=position
            )
        out[code] = programme
    return out


def _spend(coordinator: Any, item: BudgetItem, year: int, share: float, rng: random.Random, payee: str) -> None:
    """Executions in a few instalments over the year, up to ``share`` of the allocation."""
    target = int(item.allocated_amount * share) // 10_000 * 10_000
    instalments = rng.randint(2, 4)
    for index in range(instalments):
        amount = target // instalments if index < instalments - 1 else target - (target // instalments) * index
        if amount <= 0:
            continue
        month = min(12, 2 + index * (10 // instalments) + rng.randint(0, 1))
        services.budget_execution_create(
            item_id=item.pk,
            actor=coordinator,
            executed_on=date(year, month, rng.randint(1, 28)),
            amount=amount,
            payee=payee,
            description=f"{year}년 {month}월 집행",
        )


def demo_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF of ASCII text lines (the demo's uploaded evidence document)."""
    text = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines
    )
    stream = text + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def _line(coordinator: Any, **fields: Any) -> BudgetItem:
    fields.setdefault("status", BudgetItemStatus.APPROVED)
    return services.budget_item_create(actor=coordinator, **fields)


def load() -> str:
    coordinator = accounts.user_active_by_email(email="coordinator@example.com")
    if coordinator is None:
        return "skipped: the demo accounts are missing"
    if BudgetItem.objects.exists():
        return "already there"
    rng = random.Random(2015)  # noqa: S311 - reproducible demo data, not security
    programmes = _programmes(coordinator)
    social = _recipients(coordinator, "social", 8)
    pre_social = _recipients(coordinator, "pre_social", 4)
    village = _recipients(coordinator, "village", 3)
    names = {e.pk: e.name for e in directory.enterprise_summaries().filter(pk__in=social + pre_social + village)}
    made: list[BudgetItem] = []

    for year in YEARS:
        status, share = STAGE[year]
        lines: list[tuple[BudgetItem, str]] = []
        # Labour-cost support: eight social enterprises in 2015 (the report), fewer before.
        for recipient in social[: {2014: 6, 2015: 8, 2016: 8}[year]]:
            item = _line(
                coordinator,
                fiscal_year=year,
                programme_id=programmes["labour-cost"].pk,
                category="personnel",
                funding_source="national",
                title=f"{year} 사회적기업 인건비 지원: {names.get(recipient, recipient)}",
                description="취약계층 고용 인건비 지원 (국비·시비 매칭 중 국비분).",
                allocated_amount=rng.choice([36, 42, 48]) * 1_000_000,
                recipient_id=recipient,
            )
            lines.append((item, names.get(recipient, "")))
        for recipient in pre_social[: 3 if year == 2014 else 4]:
            item = _line(
                coordinator,
                fiscal_year=year,
                programme_id=programmes["pre-social-support"].pk,
                category="grant",
                funding_source="provincial",
                title=f"{year} 예비사회적기업 재정 지원: {names.get(recipient, recipient)}",
                description="사업개발비·전문인력 지원.",
                allocated_amount=rng.choice([15, 20, 25]) * 1_000_000,
                recipient_id=recipient,
            )
            lines.append((item, names.get(recipient, "")))
        for recipient in village[: 2 if year == 2014 else 3]:
            item = _line(
                coordinator,
                fiscal_year=year,
                programme_id=programmes["village-enterprise"].pk,
                category="grant",
                funding_source="city",
                title=f"{year} 마을기업 육성 지원: {names.get(recipient, recipient)}",
                description="마을기업 시설·운영비 지원.",
                allocated_amount=50_000_000 if year > 2014 else 30_000_000,
                recipient_id=recipient,
            )
            lines.append((item, names.get(recipient, "")))
        for code, category, amount, payee in [
            ("market-development", "project", 30_000_000, "판로 개척 위탁기관"),
            ("education", "project", 15_000_000, "사회적경제 아카데미"),
            ("networking", "event", 10_000_000, "네트워크 워크숍 운영"),
            ("promotion", "project", 12_000_000, "홍보물 제작 업체"),
            ("support-centre", "operations", 150_000_000, "고양시 사회적경제 지원센터"),
        ]:
            programme = programmes[code]
            item = _line(
                coordinator,
                fiscal_year=year,
                programme_id=programme.pk,
                category=category,
                funding_source="city",
                title=f"{year} {programme.name}",
                allocated_amount=amount + (year - 2014) * amount // 10,
            )
            lines.append((item, payee))
        for item, payee in lines:
            _spend(coordinator, item, year, share * rng.uniform(0.85, 1.0), rng, payee or item.title)
            if status is not None:
                services.budget_item_set_status(item=item, actor=coordinator, status=status)
            made.append(item)

    # 2015: market development amended (the workshop asked for a quarterly fair), one execution
    # entered twice and reversed.
    market_2015 = BudgetItem.objects.get(fiscal_year=2015, programme=programmes["market-development"])
    services.budget_amendment_create(
        item=market_2015,
        actor=coordinator,
        new_amount=market_2015.allocated_amount + 8_000_000,
        reason="2015 워크숍 건의(한마당 상설화)에 따른 추가경정예산 반영",
    )
    duplicate = services.budget_execution_create(
        item_id=market_2015.pk,
        actor=coordinator,
        executed_on=date(2015, 9, 14),
        amount=2_500_000,
        payee="판로 개척 위탁기관",
        description="9월 집행 (중복 입력)",
    )
    services.budget_execution_reverse(execution=duplicate, actor=coordinator, reason="같은 지출을 두 번 입력함")

    # 2016: the quarterly fair's own line, funding the fair events; one line cancelled.
    fair_ids = list(events.event_list().filter(title=FAIR_TITLE).order_by("starts_at").values_list("pk", flat=True)[:4])
    fair = _line(
        coordinator,
        fiscal_year=2016,
        programme_id=programmes["market-development"].pk,
        category="event",
        funding_source="city",
        title="분기별 사회적경제 한마당 운영",
        description="2015 워크숍에서 조직들이 요청한 사회적경제 한마당의 상설화: 분기마다 장터·체험·공연.",
        allocated_amount=24_000_000,
        event_ids=fair_ids,
        evidence=[
            {
                "kind": "decision",
                "title": "한마당 상설화 결정 (2016 예산)",
                "url": "https://www.goyang.go.kr/open/budget/2016/fair-decision.pdf",
            }
        ],
    )
    services.budget_execution_create(
        item_id=fair.pk,
        actor=coordinator,
        executed_on=date(2016, 3, 12),
        amount=5_600_000,
        payee="한마당 운영사무국",
        description="1분기 한마당 부스·무대 설치",
    )
    services.budget_evidence_upload(
        item=fair,
        actor=coordinator,
        kind="report",
        title="1분기 한마당 결과 보고서",
        upload=SimpleUploadedFile(
            "1분기 한마당 결과 보고서.pdf",
            demo_pdf(
                [
                    "Goyang Social Economy Fair - Q1 2016 report (demo document)",
                    "Booths and stage: 5,600,000 won, paid 2016-03-12.",
                ]
            ),
        ),
    )
    services.budget_item_set_status(item=fair, actor=coordinator, status=BudgetItemStatus.IN_PROGRESS)
    promotion_2016 = BudgetItem.objects.get(fiscal_year=2016, programme=programmes["promotion"])
    cancelled = _line(
        coordinator,
        fiscal_year=2016,
        programme_id=programmes["promotion"].pk,
        category="project",
        funding_source="city",
        title="2016 사회적경제 홍보 영상 제작",
        allocated_amount=6_000_000,
        status=BudgetItemStatus.PLANNED,
    )
    services.budget_item_set_status(
        item=cancelled,
        actor=coordinator,
        status=BudgetItemStatus.CANCELLED,
        reason=f"'{promotion_2016.title}' 항목에 통합",
    )
    return f"{len(made) + 2} budget items, fair line funds {len(fair_ids)} fair event(s)"
