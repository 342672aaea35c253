"""Archive (soft delete) shared by every domain whose rows carry ``archived_at``, ``archived_by``
and ``archive_reason``: organisations, products, events.

An archived row is hidden from everyone but coordinators (the domains' selectors), kept whole, and
restorable by a coordinator. Domains archive and restore through ``api.audit.services.audit_archive``/
``audit_restore`` (lock, mark, audit entry), which call ``archive_mark``/``archive_unmark`` here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from api.common.errors import ConflictError
from api.common.serializers import Serializer

# 409 codes of archiving (listed with the audit log's, ``api.audit.errors``).
ALREADY_ARCHIVED = "already_archived"
NOT_ARCHIVED = "not_archived"

ARCHIVE_FIELDS = ["archived_at", "archived_by", "archive_reason", "updated_at"]


def archive_mark(row: Any, *, actor: Any, reason: str) -> None:
    """Archive a locked row now; 409 ``already_archived`` if it is."""
    if row.archived_at is not None:
        raise ConflictError(_("This is archived already."), code=ALREADY_ARCHIVED)
    row.archived_at = timezone.now()
    row.archived_by = actor if actor is not None and actor.is_authenticated else None
    row.archive_reason = reason
    row.save(update_fields=ARCHIVE_FIELDS)


def archive_unmark(row: Any) -> datetime:
    """Restore a locked archived row; returns when it had been archived. 409 ``not_archived``."""
    if row.archived_at is None:
        raise ConflictError(_("This is not archived."), code=NOT_ARCHIVED)
    archived_at = row.archived_at
    row.archived_at, row.archived_by, row.archive_reason = None, None, ""
    row.save(update_fields=ARCHIVE_FIELDS)
    return archived_at


# --- API: the reason of an archive (DELETE ?reason=) or a restore (POST body) -----------------------

MAX_REASON_LENGTH = 500


class ArchiveReasonInputSerializer(Serializer):
    reason = serializers.CharField(
        max_length=MAX_REASON_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="사유 (reason, kept in the audit log).",
    )


def archive_reason_of(request: Any, *, from_query: bool) -> str:
    """The optional reason: ``?reason=`` on DELETE (bodies on DELETE are unreliable), the JSON body
    on ``…/restore/``. 400 when longer than 500 characters."""
    data = ArchiveReasonInputSerializer(data=request.query_params if from_query else request.data)
    data.is_valid(raise_exception=True)
    return data.validated_data["reason"].strip()


ARCHIVE_REASON_PARAMETER = OpenApiParameter(
    "reason",
    {"type": "string", "maxLength": MAX_REASON_LENGTH},
    OpenApiParameter.QUERY,
    required=False,
    description="보관 사유 (reason for archiving; at most 500 characters; kept in the audit log).",
)


def filter_archived(queryset: Any, name: str, value: bool) -> Any:
    """The ``archived`` list filter: true = only archived rows, false = only current ones. The
    selectors include archived rows for coordinators only, so for anyone else ``true`` is empty."""
    if value is None:
        return queryset
    return queryset.filter(archived_at__isnull=not value)


ARCHIVED_FILTER_HELP = (
    "true: 보관된 것만, false: 현재 것만 (coordinators: true lists only archived rows; others never see any)."
)


def archive_responses() -> dict[Any, Any]:
    """The documented answers of a DELETE that archives: 204 and 409 (already archived, or the
    domain's own state rules). The AutoSchema adds the 400 of its ``reason`` query parameter (too
    long, a NUL character, or missing where it is required)."""
    from api.common.schema import answers

    return answers(204, description="보관됨 (Archived)", errors=(409,))
