"""The audit log: an append-only record of who changed what, when and why.

Every domain writes its history here through one call, ``audit_record(...)`` (``services.py``),
made INSIDE the writing service's ``transaction.atomic()`` block, after the change: a rolled-back
write leaves no entry, a committed one always has its entry. Nothing in the API updates or deletes
an entry, and the database refuses to (a trigger on ``audit_auditentry`` rejects every UPDATE and
DELETE, on PostgreSQL and on SQLite; see ``triggers.py``).

What an entry says
    ``created_at`` (when), ``actor`` (who; null for the system) with ``actor_label`` (their display
    name at that moment, so the entry stays readable if the account changes), ``action`` (a short
    verb: ``create``, ``update``, ``archive``, ``restore``, ``verify``, ``reject``, ``delete``,
    ``cancel``…; see ``AuditAction``; a domain may add its own, e.g. ``execute``, ``reverse``),
    ``object_type`` (``<app_label>.<model_name>``, e.g. ``enterprises.enterprise``), ``object_id``
    (the primary key as text) and ``object_label`` (its name at that moment), ``changes``
    (``{field: [old, new]}``; on create ``old`` is null, on delete ``new`` is null), ``reason``
    (the free text the operation carried, if any), ``request_id`` (optional correlation id; never
    an IP address) and ``public``.

Reading
    Coordinators read every entry: ``GET /api/v1/audit-log/`` (cursor-paginated, newest first,
    filters ``object_type``, ``object_id``, ``actor``, ``action``, ``date_from``, ``date_to``) and
    ``GET /api/v1/audit-log/{object_type}/{object_id}/`` (one object's history).

Contract for public histories (the budget and resolutions domains)
    An entry is public when ``public`` is true. It is decided when the entry is written and never
    changes afterwards: ``audit_record(public=True)`` marks one entry, and a domain whose whole
    history is public registers its object types once, in its ``AppConfig.ready()``::

        from api.audit.services import audit_register_public_type
        audit_register_public_type("budget.budgetitem")

    after which every entry of that type is written with ``public=True``. Public entries must not
    carry personal data beyond the actor's display name (their ``changes`` hold only fields that
    are public on the object itself). A domain serves its public history with the selector
    ``audit_public_list(object_type=..., object_id=...)`` and the serializer
    ``AuditEntryPublicSerializer`` (no ``actor`` id, no ``request_id``) at its own URL (e.g.
    ``/budget-items/{id}/history/``), paginated with ``AuditCursorPagination``. The directory's and
    events' entries are not public (coordinators only).
"""
