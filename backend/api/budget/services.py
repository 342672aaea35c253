"""Writes of the open budget. Every service runs in one transaction and, in it:

1. locks the rows it checks (the item first, with ``select_for_update``; then the execution it
   reverses; then the totals rows, in key order; the ledger head last — one lock order for all,
   so concurrent writes queue instead of deadlocking);
2. checks the rules (never more executed than allocated, corrections as new entries, nothing on a
   cancelled item) and raises a domain error naming the problem, having written nothing;
3. writes the rows, adjusts the maintained totals (``BudgetTotal``), appends the ledger entry
   (``api.budget.ledger``) and the audit entry.

Nothing is ever updated in place but the item's own maintained fields, and nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from api.audit.services import AuditAction, audit_record, audit_snapshot
from api.budget import errors
from api.budget.documents import document_check
from api.budget.ledger import LedgerKind, ledger_append
from api.budget.models import (
    BudgetAmendment,
    BudgetEvidence,
    BudgetExecution,
    BudgetItem,
    BudgetItemStatus,
    BudgetProgramme,
    BudgetTotal,
    ExecutionKind,
)
from api.common.errors import ConflictError, validation_error
from api.enterprises import selectors as directory
from api.events import selectors as events

AUDIT_ITEM_FIELDS = (
    "fiscal_year",
    "programme",
    "category",
    "funding_source",
    "title",
    "description",
    "allocated_amount",
    "recipient",
    "status",
    "status_reason",
    "events",
)
AUDIT_PROGRAMME_FIELDS = ("code", "name", "name_en", "position", "is_active")
# Fields whose change moves an item from one group of the totals to another.
GROUP_FIELDS = ("fiscal_year", "programme_id", "category", "funding_source", "recipient_kind", "district")

# Which status may follow which (cancelled is final; a completed item may be reopened).
TRANSITIONS: dict[str, frozenset[str]] = {
    BudgetItemStatus.PLANNED: frozenset({BudgetItemStatus.APPROVED, BudgetItemStatus.CANCELLED}),
    BudgetItemStatus.APPROVED: frozenset(
        {BudgetItemStatus.PLANNED, BudgetItemStatus.IN_PROGRESS, BudgetItemStatus.COMPLETED, BudgetItemStatus.CANCELLED}
    ),
    BudgetItemStatus.IN_PROGRESS: frozenset({BudgetItemStatus.COMPLETED, BudgetItemStatus.CANCELLED}),
    BudgetItemStatus.COMPLETED: frozenset({BudgetItemStatus.IN_PROGRESS}),
    BudgetItemStatus.CANCELLED: frozenset(),
}
# Money is paid out only while the item is approved or in progress.
EXECUTABLE = frozenset({BudgetItemStatus.APPROVED, BudgetItemStatus.IN_PROGRESS})


class EvidenceInput(TypedDict, total=False):
    kind: str
    title: str
    url: str


class BudgetItemChanges(TypedDict, total=False):
    title: str
    description: str
    programme_id: int
    category: str
    funding_source: str
    recipient_id: int | None
    event_ids: Sequence[int]


class ProgrammeChanges(TypedDict, total=False):
    name: str
    name_en: str
    position: int
    is_active: bool


def won(amount: int) -> str:
    """``1,200,000원`` (messages name amounts the way people read them)."""
    return _("%(amount)s won") % {"amount": f"{amount:,}"}


def _actor_name(actor: Any) -> str:
    return (getattr(actor, "display_name", "") or "") if actor is not None else ""


# --- Lookups through the owning domains ----------------------------------------------------------


def _programme(programme_id: int, *, allow_inactive: bool = False) -> BudgetProgramme:
    programme = BudgetProgramme.objects.filter(pk=programme_id).first()
    if programme is None:
        raise validation_error("programme_id", _("No such programme."), code=errors.PROGRAMME_NOT_FOUND)
    if not programme.is_active and not allow_inactive:
        raise validation_error("programme_id", _("This programme is no longer in use."), code=errors.PROGRAMME_INACTIVE)
    return programme


def _recipient(actor: Any, recipient_id: int | None) -> tuple[Any, str, str]:
    """The recipient organisation (through the directory's selectors), its kind and its district."""
    if recipient_id is None:
        return None, "", ""
    enterprise = directory.enterprises_visible_by_ids(user=actor, ids=[recipient_id]).get(recipient_id)
    if enterprise is None:
        raise validation_error("recipient_id", _("No such organisation."), code=errors.RECIPIENT_NOT_FOUND)
    return enterprise, str(enterprise.kind), str(enterprise.district)


def _events(event_ids: Sequence[int]) -> list[Any]:
    """The events an item funds, through the events domain's selectors; unknown ids are a 400."""
    wanted = sorted(set(event_ids))
    found = list(events.event_list().filter(pk__in=wanted).only("id", "title"))
    missing = sorted(set(wanted) - {event.pk for event in found})
    if missing:
        raise validation_error(
            "event_ids",
            _("No such event: %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            code=errors.EVENT_NOT_FOUND,
        )
    return found


def _check_reason(reason: str, field: str = "reason") -> str:
    reason = (reason or "").strip()
    if not reason:
        raise validation_error(field, _("Give a reason."), code=errors.REASON_REQUIRED)
    return reason


# --- The maintained totals -------------------------------------------------------------------------


def _group(item: BudgetItem) -> dict[str, Any]:
    return {field: getattr(item, field) for field in GROUP_FIELDS}


def _totals_add(group: Mapping[str, Any], *, allocated: int = 0, executed: int = 0, items: int = 0) -> None:
    """Add to the totals row of ``group`` (made on first use). Caller holds the item lock; the row
    is locked by the UPDATE until the transaction ends. The database refuses totals that would go
    negative or execute more than allocated."""
    row, _created = BudgetTotal.objects.get_or_create(**group)
    BudgetTotal.objects.filter(pk=row.pk).update(
        allocated=F("allocated") + allocated, executed=F("executed") + executed, item_count=F("item_count") + items
    )


def _totals_move(old: Mapping[str, Any], new: Mapping[str, Any], *, allocated: int, executed: int) -> None:
    if dict(old) == dict(new):
        return
    # Take from the old group first (never a moment with more executed than allocated anywhere).
    _totals_add(old, allocated=-allocated, executed=-executed, items=-1)
    _totals_add(new, allocated=allocated, executed=executed, items=1)


def _lock_item(item_id: int) -> BudgetItem:
    return BudgetItem.objects.select_for_update().get(pk=item_id)


def _refuse_cancelled(item: BudgetItem) -> None:
    if item.status == BudgetItemStatus.CANCELLED:
        raise ConflictError(
            _("The item is cancelled (%(reason)s): it can't be changed.") % {"reason": item.status_reason},
            code=errors.ITEM_CANCELLED,
        )


def _item_data(item: BudgetItem, event_ids: Sequence[int]) -> dict[str, Any]:
    recipient = item.recipient
    return {
        "fiscal_year": item.fiscal_year,
        "programme": item.programme_id,
        "programme_name": item.programme.name,
        "category": item.category,
        "funding_source": item.funding_source,
        "title": item.title,
        "description": item.description,
        "allocated_amount": item.allocated_amount,
        "recipient": item.recipient_id,
        "recipient_name": recipient.name if recipient is not None else "",
        "recipient_kind": item.recipient_kind,
        "district": item.district,
        "status": item.status,
        "event_ids": sorted(event_ids),
    }


def _add_evidence(
    *, item: BudgetItem, actor: Any, evidence: Sequence[Mapping[str, Any]], execution: BudgetExecution | None = None
) -> list[BudgetEvidence]:
    return [
        BudgetEvidence.objects.create(
            item=item,
            execution=execution,
            kind=document["kind"],
            title=document["title"],
            url=document["url"],
            created_by=actor,
        )
        for document in evidence
    ]


def _evidence_data(documents: Sequence[BudgetEvidence]) -> list[dict[str, Any]]:
    """What the ledger records of each document: a link's address, or a file's stored name, its name
    as uploaded, SHA-256, size and type (so the chain covers the document's bytes)."""
    return [
        {
            "id": d.pk,
            "kind": d.kind,
            "title": d.title,
            "file": d.file.name,
            "name": d.filename,
            "sha256": d.sha256,
            "size": d.size,
            "content_type": d.content_type,
        }
        if d.file
        else {"id": d.pk, "kind": d.kind, "title": d.title, "url": d.url}
        for d in documents
    ]


# --- Programmes ------------------------------------------------------------------------------------


@transaction.atomic
def programme_create(*, actor: Any, code: str, name: str, name_en: str = "", position: int = 0) -> BudgetProgramme:
    """Add a programme to the list coordinators keep (the code is unique: 400 ``duplicate``)."""
    if BudgetProgramme.objects.filter(code=code).exists():
        raise validation_error("code", _("A programme with this code exists."), code=errors.DUPLICATE_PROGRAMME)
    programme = BudgetProgramme.objects.create(code=code, name=name, name_en=name_en, position=position)
    audit_record(actor=actor, action=AuditAction.CREATE, target=programme, before=dict.fromkeys(AUDIT_PROGRAMME_FIELDS))
    return programme


@transaction.atomic
def programme_update(*, programme: BudgetProgramme, actor: Any, **changes: Unpack[ProgrammeChanges]) -> BudgetProgramme:
    """Rename, reorder or retire a programme (its items keep it; a retired one takes no new items)."""
    locked = BudgetProgramme.objects.select_for_update().get(pk=programme.pk)
    before = audit_snapshot(locked, AUDIT_PROGRAMME_FIELDS)
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


# --- Items -----------------------------------------------------------------------------------------


@transaction.atomic
def budget_item_create(
    *,
    actor: Any,
    fiscal_year: int,
    programme_id: int,
    category: str,
    funding_source: str,
    title: str,
    allocated_amount: int,
    description: str = "",
    recipient_id: int | None = None,
    event_ids: Sequence[int] = (),
    status: str = BudgetItemStatus.PLANNED,
    evidence: Sequence[EvidenceInput] = (),
) -> BudgetItem:
    """Put a line in the budget. Starts ``planned`` (or ``approved``/``in_progress`` when entered
    after the fact); never ``completed`` or ``cancelled`` on creation."""
    if status not in (BudgetItemStatus.PLANNED, BudgetItemStatus.APPROVED, BudgetItemStatus.IN_PROGRESS):
        raise validation_error("status", _("A new item is planned, approved or in progress."), code="invalid_choice")
    programme = _programme(programme_id)
    recipient, recipient_kind, district = _recipient(actor, recipient_id)
    funded = _events(event_ids)
    item = BudgetItem.objects.create(
        fiscal_year=fiscal_year,
        programme=programme,
        category=category,
        funding_source=funding_source,
        title=title,
        description=description,
        allocated_amount=allocated_amount,
        recipient=recipient,
        recipient_kind=recipient_kind,
        district=district,
        status=status,
        created_by=actor,
    )
    item.events.set(funded)
    documents = _add_evidence(item=item, actor=actor, evidence=[dict(d) for d in evidence])
    _totals_add(_group(item), allocated=allocated_amount, items=1)
    ledger_append(
        item=item,
        kind=LedgerKind.CREATE,
        data={
            **_item_data(item, [e.pk for e in funded]),
            "evidence": _evidence_data(documents),
            "actor": _actor_name(actor),
        },
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=item, before=dict.fromkeys(AUDIT_ITEM_FIELDS))
    return item


@transaction.atomic
def budget_item_update(*, item: BudgetItem, actor: Any, **changes: Unpack[BudgetItemChanges]) -> BudgetItem:
    """Change what an item says (title, description, classification, recipient, events funded).
    The allocation changes only by amendment, the status only by its own action. A change of
    classification moves the item's amounts between groups of the totals."""
    locked = _lock_item(item.pk)
    _refuse_cancelled(locked)
    before = audit_snapshot(locked, AUDIT_ITEM_FIELDS)
    old_group = _group(locked)
    old_data = _item_data(locked, list(locked.events.values_list("pk", flat=True)))
    if "programme_id" in changes and changes["programme_id"] != locked.programme_id:
        locked.programme = _programme(changes["programme_id"])
    if "recipient_id" in changes and changes["recipient_id"] != locked.recipient_id:
        locked.recipient, locked.recipient_kind, locked.district = _recipient(actor, changes["recipient_id"])
    for field in ("title", "description", "category", "funding_source"):
        if field in changes:
            setattr(locked, field, changes[field])
    event_ids = old_data["event_ids"]
    if "event_ids" in changes:
        funded = _events(changes["event_ids"])
        locked.events.set(funded)
        event_ids = sorted(e.pk for e in funded)
    locked.save()
    new_data = _item_data(locked, event_ids)
    diff = {key: [old_data[key], new_data[key]] for key in new_data if old_data[key] != new_data[key]}
    if not diff:
        return locked
    _totals_move(old_group, _group(locked), allocated=locked.allocated_amount, executed=locked.executed_amount)
    ledger_append(item=locked, kind=LedgerKind.UPDATE, data={"changes": diff, "actor": _actor_name(actor)})
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def budget_item_set_status(*, item: BudgetItem, actor: Any, status: str, reason: str = "") -> BudgetItem:
    """Move an item along planned → approved → in progress → completed, or cancel it with a reason.
    A cancelled item is final and leaves the totals; it must have nothing executed (reverse the
    executions first)."""
    locked = _lock_item(item.pk)
    _refuse_cancelled(locked)
    if status not in TRANSITIONS[locked.status]:
        raise ConflictError(
            _("An item that is %(old)s can't become %(new)s.")
            % {"old": locked.get_status_display(), "new": BudgetItemStatus(status).label},
            code=errors.STATUS_TRANSITION,
        )
    reason = (reason or "").strip()
    if status == BudgetItemStatus.CANCELLED:
        reason = _check_reason(reason)
        if locked.executed_amount:
            raise ConflictError(
                _("%(amount)s is executed on this item: reverse those executions before cancelling it.")
                % {"amount": won(locked.executed_amount)},
                code=errors.ITEM_HAS_EXECUTIONS,
            )
    before = audit_snapshot(locked, ("status", "status_reason"))
    old = locked.status
    locked.status, locked.status_reason = status, reason
    locked.save(update_fields=["status", "status_reason", "updated_at"])
    if status == BudgetItemStatus.CANCELLED:
        _totals_add(_group(locked), allocated=-locked.allocated_amount, items=-1)
    ledger_append(
        item=locked,
        kind=LedgerKind.STATUS,
        data={"old": old, "new": status, "reason": reason, "actor": _actor_name(actor)},
    )
    action = AuditAction.CANCEL if status == BudgetItemStatus.CANCELLED else AuditAction.UPDATE
    audit_record(actor=actor, action=action, target=locked, before=before, reason=reason)
    return locked


@transaction.atomic
def budget_amendment_create(*, item: BudgetItem, actor: Any, new_amount: int, reason: str) -> BudgetAmendment:
    """Change an item's allocation, with a reason. Never below what is already executed."""
    reason = _check_reason(reason)
    locked = _lock_item(item.pk)
    _refuse_cancelled(locked)
    if new_amount == locked.allocated_amount:
        raise validation_error(
            "new_amount",
            _("The allocation is already %(amount)s.") % {"amount": won(new_amount)},
            code=errors.AMENDMENT_UNCHANGED,
        )
    if new_amount < locked.executed_amount:
        raise validation_error(
            "new_amount",
            _("%(executed)s is already executed: the allocation can't be less.")
            % {"executed": won(locked.executed_amount)},
            code=errors.AMENDMENT_BELOW_EXECUTED,
        )
    old = locked.allocated_amount
    amendment = BudgetAmendment.objects.create(
        item=locked, old_amount=old, new_amount=new_amount, reason=reason, created_by=actor
    )
    before = audit_snapshot(locked, ("allocated_amount",))
    locked.allocated_amount = new_amount
    locked.save(update_fields=["allocated_amount", "updated_at"])
    _totals_add(_group(locked), allocated=new_amount - old)
    ledger_append(
        item=locked,
        kind=LedgerKind.AMEND,
        data={
            "amendment": amendment.pk,
            "old_amount": old,
            "new_amount": new_amount,
            "reason": reason,
            "actor": _actor_name(actor),
        },
    )
    audit_record(actor=actor, action="amend", target=locked, before=before, reason=reason)
    return amendment


# --- Executions ------------------------------------------------------------------------------------


@transaction.atomic
def budget_execution_create(
    *,
    item_id: int,
    actor: Any,
    executed_on: date,
    amount: int,
    payee: str = "",
    description: str = "",
    evidence: Sequence[EvidenceInput] = (),
) -> BudgetExecution:
    """Pay ``amount`` won out of an item. The item's row is locked first, so concurrent executions
    queue: the executed total never exceeds the allocation (409 naming what remains; the database
    checks it once more)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise validation_error(
            "amount", _("An amount is a whole number of won above 0."), code=errors.AMOUNT_NOT_INTEGER
        )
    locked = _lock_item(item_id)
    _refuse_cancelled(locked)
    if locked.status == BudgetItemStatus.COMPLETED:
        raise ConflictError(_("The item is completed: reopen it to execute more."), code=errors.ITEM_COMPLETED)
    if locked.status not in EXECUTABLE:
        raise ConflictError(_("The item is not approved yet: nothing can be executed."), code=errors.ITEM_NOT_APPROVED)
    remaining = locked.allocated_amount - locked.executed_amount
    if amount > remaining:
        raise ConflictError(
            _("Only %(remaining)s remains on this item (allocated %(allocated)s, executed %(executed)s).")
            % {
                "remaining": won(remaining),
                "allocated": won(locked.allocated_amount),
                "executed": won(locked.executed_amount),
            },
            code=errors.OVER_ALLOCATION,
        )
    execution = BudgetExecution.objects.create(
        item=locked,
        kind=ExecutionKind.EXECUTION,
        executed_on=executed_on,
        amount=amount,
        payee=payee,
        description=description,
        created_by=actor,
    )
    documents = _add_evidence(item=locked, actor=actor, evidence=[dict(d) for d in evidence], execution=execution)
    locked.executed_amount += amount
    locked.save(update_fields=["executed_amount", "updated_at"])
    _totals_add(_group(locked), executed=amount)
    ledger_append(
        item=locked,
        kind=LedgerKind.EXECUTE,
        data={
            "execution": execution.pk,
            "executed_on": executed_on.isoformat(),
            "amount": amount,
            "payee": payee,
            "description": description,
            "evidence": _evidence_data(documents),
            "executed_total": locked.executed_amount,
            "remaining": locked.remaining_amount,
            "actor": _actor_name(actor),
        },
    )
    audit_record(
        actor=actor,
        action="execute",
        target=execution,
        label=locked.title,
        changes={"amount": [None, amount], "executed_on": [None, executed_on.isoformat()], "payee": [None, payee]},
    )
    return execution


@transaction.atomic
def budget_execution_reverse(*, execution: BudgetExecution, actor: Any, reason: str) -> BudgetExecution:
    """Correct a wrong execution with a new, reversing entry pointing to it (the original stays).
    A payment is reversed once; a reversal is never reversed (record a new execution instead)."""
    reason = _check_reason(reason)
    locked_item = _lock_item(execution.item_id)
    _refuse_cancelled(locked_item)
    original = BudgetExecution.objects.select_for_update().get(pk=execution.pk)
    if original.kind == ExecutionKind.REVERSAL:
        raise ConflictError(
            _("A reversal can't be reversed: record a new execution instead."), code=errors.REVERSAL_OF_REVERSAL
        )
    if BudgetExecution.objects.filter(reverses=original).exists():
        raise ConflictError(_("This execution is already reversed."), code=errors.ALREADY_REVERSED)
    reversal = BudgetExecution.objects.create(
        item=locked_item,
        kind=ExecutionKind.REVERSAL,
        reverses=original,
        executed_on=timezone.localdate(),
        amount=-original.amount,
        payee=original.payee,
        description=original.description,
        reason=reason,
        created_by=actor,
    )
    locked_item.executed_amount -= original.amount
    locked_item.save(update_fields=["executed_amount", "updated_at"])
    _totals_add(_group(locked_item), executed=-original.amount)
    ledger_append(
        item=locked_item,
        kind=LedgerKind.REVERSE,
        data={
            "execution": reversal.pk,
            "reverses": original.pk,
            "amount": reversal.amount,
            "reason": reason,
            "executed_total": locked_item.executed_amount,
            "remaining": locked_item.remaining_amount,
            "actor": _actor_name(actor),
        },
    )
    audit_record(
        actor=actor,
        action="reverse",
        target=reversal,
        label=locked_item.title,
        changes={"amount": [None, reversal.amount], "reverses": [None, original.pk]},
        reason=reason,
    )
    return reversal


def _execution_of(item: BudgetItem, execution_id: int | None) -> BudgetExecution | None:
    if execution_id is None:
        return None
    execution = BudgetExecution.objects.filter(pk=execution_id, item=item).first()
    if execution is None:
        raise validation_error("execution_id", _("No such execution on this item."), code=errors.EXECUTION_NOT_OF_ITEM)
    return execution


@transaction.atomic
def budget_evidence_upload(
    *, item: BudgetItem, actor: Any, kind: str, title: str, upload: Any, execution_id: int | None = None
) -> BudgetEvidence:
    """Attach a document itself (a file) to an item or to one of its executions.

    The file is checked by its content first (``api.budget.documents``: 400 naming ``file``), then
    stored under a random name; the ledger records its SHA-256, size and name. Never removed."""
    checked = document_check(upload, field="file")
    locked = _lock_item(item.pk)
    _refuse_cancelled(locked)
    execution = _execution_of(locked, execution_id)
    document = BudgetEvidence.objects.create(
        item=locked,
        execution=execution,
        kind=kind,
        title=title,
        file=upload,
        filename=checked.filename,
        sha256=checked.sha256,
        size=checked.size,
        content_type=checked.content_type,
        created_by=actor,
    )
    _evidence_recorded(
        locked,
        document,
        actor=actor,
        execution_id=execution_id,
        shown=f"{document.title} [{document.filename}, sha256 {document.sha256}]",
    )
    return document


@transaction.atomic
def budget_evidence_add(
    *, item: BudgetItem, actor: Any, kind: str, title: str, url: str, execution_id: int | None = None
) -> BudgetEvidence:
    """Attach a document (by link) to an item or to one of its executions."""
    locked = _lock_item(item.pk)
    _refuse_cancelled(locked)
    execution = _execution_of(locked, execution_id)
    (document,) = _add_evidence(
        item=locked, actor=actor, evidence=[{"kind": kind, "title": title, "url": url}], execution=execution
    )
    _evidence_recorded(
        locked, document, actor=actor, execution_id=execution_id, shown=f"{document.title} <{document.url}>"
    )
    return document


def _evidence_recorded(
    item: BudgetItem, document: BudgetEvidence, *, actor: Any, execution_id: int | None, shown: str
) -> None:
    """The ledger entry and the audit entry of a document just attached (``shown`` in the audit log)."""
    ledger_append(
        item=item,
        kind=LedgerKind.EVIDENCE,
        data={**_evidence_data([document])[0], "execution": execution_id, "actor": _actor_name(actor)},
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, target=item, changes={"evidence": [None, shown]})
