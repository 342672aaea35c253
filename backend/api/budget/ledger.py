"""The budget ledger: an append-only hash chain of every change.

Each entry's **canonical content** is the UTF-8 JSON text of exactly these members, keys sorted,
no spaces, non-ASCII characters as they are::

    {"created_at": "2015-03-02T01:00:00.000000+00:00", "data": {...}, "id": 7, "item": 3,
     "kind": "execute", "prev_hash": "<hash of entry 6>"}

(``created_at`` in UTC with microseconds, as the API serves it), and its ``hash`` is the SHA-256
of that text, in lower-case hex. The first entry's ``prev_hash`` is 64 zeros. So changing,
removing or inserting any entry changes every hash after it; the head (last position and hash) is
also kept in its own row, so a removed tail is noticed too.

The database refuses UPDATE and DELETE on the ledger table (``LEDGER_GUARD``, installed by
migration 0001, on PostgreSQL and SQLite).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from api.budget.models import GENESIS_HASH, BudgetItem, BudgetLedgerEntry, BudgetLedgerHead
from api.budget.triggers import LEDGER_GUARD

__all__ = ["LEDGER_GUARD", "LedgerKind", "ledger_append", "ledger_verify"]


class LedgerKind:
    CREATE = "create"  # an item was made
    UPDATE = "update"  # its description, classification, recipient or events changed
    AMEND = "amend"  # its allocation changed
    EXECUTE = "execute"  # money paid out
    REVERSE = "reverse"  # a payment reversed
    STATUS = "status"  # its status changed
    EVIDENCE = "evidence"  # a document was attached

    ALL = (CREATE, UPDATE, AMEND, EXECUTE, REVERSE, STATUS, EVIDENCE)


def timestamp(moment: datetime) -> str:
    """The one text form of an entry's time: UTC, microseconds, ``+00:00``."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def canonical(*, id: int, created_at: str, item: int, kind: str, data: Mapping[str, Any], prev_hash: str) -> bytes:
    content = {"created_at": created_at, "data": data, "id": id, "item": item, "kind": kind, "prev_hash": prev_hash}
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def entry_hash(entry: BudgetLedgerEntry) -> str:
    text = canonical(
        id=entry.id,
        created_at=timestamp(entry.created_at),
        item=entry.item_id,
        kind=entry.kind,
        data=entry.data,
        prev_hash=entry.prev_hash,
    )
    return hashlib.sha256(text).hexdigest()


def _jsonable(data: Mapping[str, Any]) -> dict[str, Any]:
    # Only JSON types (no floats: amounts are whole won), exactly as the database gives them back.
    return dict(json.loads(json.dumps(data, ensure_ascii=False, default=str)))


def _head_locked() -> BudgetLedgerHead:
    head = BudgetLedgerHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        # First entry ever (or a fresh test database): start the chain.
        head, _created = BudgetLedgerHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS_HASH}
        )
    return head


def ledger_append(*, item: BudgetItem, kind: str, data: Mapping[str, Any]) -> BudgetLedgerEntry:
    """Append one entry to the chain. Must run inside the writing service's transaction, after the
    rows it records were locked (lock order: item rows, totals rows, then the head: always last)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger_append must run inside the transaction of the write it records")
    head = _head_locked()
    entry = BudgetLedgerEntry(
        id=head.seq + 1,
        created_at=timezone.now(),
        item_id=item.pk,
        kind=kind,
        data=_jsonable(data),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(entry)
    entry.save(force_insert=True)
    head.seq, head.hash = entry.id, entry.hash
    head.save(update_fields=["seq", "hash"])
    return entry


def ledger_bulk_entries(rows: Iterable[tuple[int, str, Mapping[str, Any]]], *, start: int, prev: str) -> list[Any]:
    """Chained entries for a bulk load (the bench): ``rows`` of ``(item_id, kind, data)``."""
    out = []
    now = timezone.now()
    for offset, (item_id, kind, data) in enumerate(rows):
        entry = BudgetLedgerEntry(
            id=start + offset, created_at=now, item_id=item_id, kind=kind, data=_jsonable(data), prev_hash=prev
        )
        entry.hash = entry_hash(entry)
        prev = entry.hash
        out.append(entry)
    return out


@dataclass(frozen=True)
class Verification:
    intact: bool
    entries: int
    head: str | None
    first_break: int | None


def ledger_verify() -> Verification:
    """Recompute the whole chain, in order: each entry's position, its link to the one before and
    its own hash; then the head row. ``first_break`` is the id of the first entry that fails (for a
    removed tail: the position after the last entry still there)."""
    previous_hash, expected_id, count = GENESIS_HASH, 1, 0
    rows = BudgetLedgerEntry.objects.order_by("id").only(
        "id", "created_at", "item_id", "kind", "data", "prev_hash", "hash"
    )
    for entry in rows.iterator(chunk_size=2000):
        if entry.id != expected_id or entry.prev_hash != previous_hash or entry_hash(entry) != entry.hash:
            return Verification(
                intact=False, entries=count, head=previous_hash if count else None, first_break=entry.id
            )
        previous_hash, expected_id, count = entry.hash, expected_id + 1, count + 1
    head = BudgetLedgerHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != count or head.hash != (previous_hash if count else GENESIS_HASH)):
        return Verification(intact=False, entries=count, head=previous_hash if count else None, first_break=count + 1)
    return Verification(intact=True, entries=count, head=previous_hash if count else None, first_break=None)
