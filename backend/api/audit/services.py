"""Writing the audit log. ``audit_record`` is the only writer; nothing updates or deletes entries.

Call it INSIDE the writing service's transaction, after the change, so the entry commits or rolls
back with the write it describes::

    before = audit_snapshot(locked, ENTERPRISE_FIELDS)
    ...  # change and save
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from api.audit.models import AuditAction, AuditEntry
from api.common.archiving import archive_mark, archive_unmark

__all__ = [
    "AuditAction",  # re-exported: other domains name the action through this module
    "audit_archive",
    "audit_diff",
    "audit_object_type",
    "audit_public_types",
    "audit_record",
    "audit_register_public_type",
    "audit_restore",
    "audit_snapshot",
]

_PUBLIC_TYPES: set[str] = set()
_MAX_TEXT = 2000  # longer texts are cut in the log (the object keeps them whole)


def audit_register_public_type(object_type: str) -> None:
    """Make every entry written from now on for ``object_type`` (``app_label.model_name``) public.

    Domains whose history is public by law or by promise (budget, resolutions) call this in their
    ``AppConfig.ready()``. Entries already written keep their flag: the log is never rewritten.
    """
    _PUBLIC_TYPES.add(object_type)


def audit_public_types() -> frozenset[str]:
    return frozenset(_PUBLIC_TYPES)


def audit_object_type(target: Any) -> str:
    """``<app_label>.<model_name>`` of a model instance or class (``enterprises.enterprise``)."""
    return str(target._meta.label_lower)


def _item_label(item: Any) -> str:
    for attribute in ("display_name", "name", "title"):
        value = getattr(item, attribute, None)
        if value:
            return str(value)
    return str(item)


def _actor_label(user: Any) -> str:
    """Display name only (public entries must not carry an e-mail address)."""
    if user is None:
        return ""
    return (getattr(user, "display_name", "") or f"#{user.pk}")[:200]


def _jsonable(value: Any) -> Any:
    """A value as it goes into ``changes``: JSON types only; files by name, rows by label."""
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return _item_label(value)
    if isinstance(value, str) and len(value) > _MAX_TEXT:
        return value[:_MAX_TEXT] + "…"
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def audit_snapshot(target: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields`` on ``target``, ready for ``changes``.

    A many-to-many or reverse relation gives the sorted labels of its rows (tags, hosts, links).
    """
    out: dict[str, Any] = {}
    for field in fields:
        value = getattr(target, field, None)
        if isinstance(value, models.Manager):
            out[field] = sorted(_item_label(item) for item in value.all())
        else:
            out[field] = _jsonable(value)
    return out


def audit_diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value differs (a field missing on one side is null)."""
    return {
        field: [before.get(field), after.get(field)]
        for field in sorted(set(before) | set(after))
        if before.get(field) != after.get(field) and not (_empty(before.get(field)) and _empty(after.get(field)))
    }


def _empty(value: Any) -> bool:
    # None, "" and [] all mean "nothing there": a change between them is no change worth a line.
    return value is None or value == "" or value == [] or value == {}


def audit_record(
    *,
    actor: Any,
    action: str,
    target: Any,
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
    before: Mapping[str, Any] | None = None,
    label: str | None = None,
    request_id: str = "",
    public: bool | None = None,
) -> AuditEntry:
    """Append one entry describing ``action`` on ``target`` by ``actor`` (a user, or None for the system).

    ``changes`` is ``{field: [old, new]}``; or give ``before`` (an ``audit_snapshot``) and the
    changes are computed against ``target``'s current values of the same fields. Must run inside
    the transaction of the write it records (it raises otherwise: an entry outside it could
    survive a rolled-back write). ``public`` defaults to whether ``target``'s type is registered
    public (``audit_register_public_type``).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must run inside the transaction of the write it records")
    if before is not None:
        changes = audit_diff(before, audit_snapshot(target, before.keys()))
    object_type = audit_object_type(target)
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_label=_actor_label(user),
        action=str(action),
        object_type=object_type,
        object_id=str(target.pk),
        object_label=(label if label is not None else _item_label(target))[:200],
        changes={field: [_jsonable(v) for v in pair] for field, pair in (changes or {}).items()},
        reason=(reason or "")[:_MAX_TEXT],
        request_id=(request_id or "")[:64],
        public=object_type in _PUBLIC_TYPES if public is None else public,
    )


# --- Archive and restore: the one way every domain soft-deletes a row and brings it back -----------

_ModelT = TypeVar("_ModelT", bound=models.Model)


def _lock(row: _ModelT) -> _ModelT:
    return type(row)._default_manager.select_for_update().get(pk=row.pk)


@transaction.atomic
def audit_archive(*, row: _ModelT, actor: Any, reason: str = "") -> _ModelT:
    """Archive ``row`` (a model with ``archived_at``/``archived_by``/``archive_reason``) and record it.

    Locks the row (``select_for_update``; a caller that already holds the lock keeps it), marks it
    archived (409 ``already_archived`` when it is) and appends the ``archive`` entry with the
    ``archived_at`` change and the reason. Returns the locked, archived row. The domain's own
    consequences (withdrawn booths, notified people, search columns) stay in the domain's service,
    in the same transaction.
    """
    locked = _lock(row)
    archive_mark(locked, actor=actor, reason=reason)
    audit_record(
        actor=actor,
        action=AuditAction.ARCHIVE,
        target=locked,
        changes={"archived_at": [None, locked.archived_at]},  # type: ignore[attr-defined]  # archivable models only
        reason=reason,
    )
    return locked


@transaction.atomic
def audit_restore(*, row: _ModelT, actor: Any, reason: str = "") -> _ModelT:
    """Bring an archived ``row`` back as it was and record it (409 ``not_archived``); locks it as
    ``audit_archive`` does and returns the locked, restored row."""
    locked = _lock(row)
    archived_at = archive_unmark(locked)
    audit_record(
        actor=actor,
        action=AuditAction.RESTORE,
        target=locked,
        changes={"archived_at": [archived_at, None]},
        reason=reason,
    )
    return locked
