"""Bench module of the resolutions domain (found by ``scripts/bench.py`` ``domain_plugins()``).

``load()`` writes 10,000 resolutions over 200 meetings with about four written updates each, some
owners, tags, links to the generated events and carried-over chains, all with ``bulk_create``
(inserts only: the append-only trigger on written updates refuses UPDATE and DELETE, not INSERT).
``endpoints()`` names the public reads held to the ratio: the overdue view, the board list, a
resolution page with its timeline and the accountability counts.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

N_RESOLUTIONS = 10_000
N_MEETINGS = 200
UPDATES_PER_RESOLUTION = 4
SEED = 2015
SEOUL = ZoneInfo("Asia/Seoul")
STATUSES = ["proposed", "accepted", "in_progress", "done", "dropped"]
WEIGHTS = [1, 2, 4, 4, 1]
TOPICS = [
    "한마당 상설화",
    "공동 홍보",
    "소식 공유 플랫폼",
    "예산 공개",
    "지원센터 공동 운영",
    "네트워킹 MT",
    "온라인 장터",
]
BODIES = ["고양시 일자리창출과", "고양시 사회적경제지원센터", "덕양구청 지역경제과"]


def load(*, n_resolutions: int = N_RESOLUTIONS, batch_size: int = 2_000) -> None:
    from django.db import transaction
    from django.utils import timezone

    from api.accounts.models import User
    from api.common.richtext import render_markdown
    from api.enterprises.models import Enterprise
    from api.events.models import Event
    from api.resolutions.models import (
        Meeting,
        Resolution,
        ResolutionLink,
        ResolutionTag,
        ResolutionUpdate,
    )

    rng = random.Random(SEED)  # noqa: S311 - test data, not secrets
    today = timezone.localdate()
    author = User.objects.filter(is_active=True).order_by("id").first()
    if author is None:
        author = User.objects.create_user(email="bench-coordinator@example.com", password=None, display_name="벤치")
    enterprise_ids = list(Enterprise.objects.order_by("id").values_list("pk", flat=True)[:2_000])
    event_ids = list(Event.objects.order_by("id").values_list("pk", flat=True)[:2_000])
    first = date(2015, 5, 27)
    span = max((today - first).days, 1)

    with transaction.atomic():
        meetings = Meeting.objects.bulk_create(
            [
                Meeting(
                    title=f"사회적경제 협의회 {index + 1}회",
                    held_at=datetime.combine(
                        first + timedelta(days=span * index // N_MEETINGS), time(14, 0), tzinfo=SEOUL
                    ),
                    agenda="결의 점검",
                )
                for index in range(N_MEETINGS)
            ],
            batch_size=batch_size,
        )
        rows: list[Resolution] = []
        for index in range(n_resolutions):
            meeting = meetings[index % N_MEETINGS]
            held = meeting.held_at.date()
            status = rng.choices(STATUSES, WEIGHTS)[0]
            due = held + timedelta(days=rng.randint(30, 720))
            rows.append(
                Resolution(
                    meeting=meeting,
                    title=f"{rng.choice(TOPICS)} {index + 1}",
                    description="분과별 회의에서 나온 결의",
                    responsible_body=rng.choice(BODIES) if not enterprise_ids or index % 3 == 0 else "",
                    due_date=due,
                    status=status,
                    status_reason="예산 미편성" if status == "dropped" else "",
                    done_on=min(due + timedelta(days=rng.randint(-60, 60)), today) if status == "done" else None,
                    created_by=author,
                )
            )
        resolutions = Resolution.objects.bulk_create(rows, batch_size=batch_size)
        # Each meeting's later resolution carries over one of an earlier meeting: chains of a few links.
        owners = Resolution.responsible_enterprises.through
        owner_rows, tag_rows, link_rows, update_rows = [], [], [], []
        for index, resolution in enumerate(resolutions):
            if enterprise_ids and resolution.responsible_body == "":
                owner_rows.append(owners(resolution_id=resolution.pk, enterprise_id=rng.choice(enterprise_ids)))
            tag_rows.append(ResolutionTag(resolution_id=resolution.pk, name=rng.choice(["한마당", "홍보", "예산"])))
            if event_ids and index % 4 == 0:
                link_rows.append(
                    ResolutionLink(resolution_id=resolution.pk, kind="event", target_id=rng.choice(event_ids))
                )
            for step in range(UPDATES_PER_RESOLUTION):
                body = f"{step + 1}차 서면 경과: 진행 상황을 알립니다."
                update_rows.append(
                    ResolutionUpdate(
                        resolution_id=resolution.pk,
                        author=author,
                        signature="벤치 (코디네이터)",
                        written_on=resolution.meeting.held_at.date() + timedelta(days=30 * (step + 1)),
                        body=body,
                        body_html=render_markdown(body),
                    )
                )
        owners.objects.bulk_create(owner_rows, batch_size=batch_size)
        ResolutionTag.objects.bulk_create(tag_rows, batch_size=batch_size)
        ResolutionLink.objects.bulk_create(link_rows, batch_size=batch_size)
        ResolutionUpdate.objects.bulk_create(update_rows, batch_size=batch_size)
        chained = [
            Resolution(pk=resolutions[i].pk, carried_over_from_id=resolutions[i - N_MEETINGS].pk)
            for i in range(N_MEETINGS, len(resolutions), 7)
        ]
        Resolution.objects.bulk_update(chained, ["carried_over_from"], batch_size=batch_size)
        Resolution.objects.filter(pk__in=[r.pk for r in resolutions]).update(last_update_at=timezone.now())


def endpoints() -> list[tuple[str, str]]:
    from api.resolutions.models import Resolution

    sample = (
        Resolution.objects.filter(carried_over_from__isnull=False).order_by("id").values_list("pk", flat=True).first()
    )
    sample = sample or Resolution.objects.order_by("id").values_list("pk", flat=True).first()
    return [
        ("결의 기한 지남 (overdue resolutions)", "/api/v1/resolutions/?overdue=true"),
        ("결의 목록 (resolutions)", "/api/v1/resolutions/"),
        ("결의 상세 (resolution)", f"/api/v1/resolutions/{sample}/"),
        ("결의 서면 경과 (written updates)", f"/api/v1/resolutions/{sample}/updates/"),
        ("결의 집계 (accountability)", "/api/v1/resolutions/stats/"),
    ]
