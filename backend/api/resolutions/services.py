"""Writing meetings and resolutions: every rule of the domain.

Lock order: a resolution row before anything else of it; several resolutions in pk order.
Notifications go through ``notify`` (its mail leaves after the commit)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TypedDict, Unpack

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, PermissionDenied

from api.accounts import selectors as accounts
from api.audit.services import AuditAction, audit_diff, audit_record, audit_snapshot
from api.common.errors import ConflictError, validation_error
from api.common.linking import LinkTarget, link_kind
from api.common.permissions import EDIT_ROLES, is_coordinator, membership_roles
from api.common.richtext import render_markdown
from api.enterprises import selectors as directory
from api.notifications.services import notify
from api.resolutions import errors
from api.resolutions import notifications as kinds
from api.resolutions.models import (
    OPEN_STATUSES,
    TRANSITIONS,
    AgendaItem,
    Meeting,
    MeetingFollow,
    ReminderKind,
    Resolution,
    ResolutionFollow,
    ResolutionLink,
    ResolutionReminder,
    ResolutionStatus,
    ResolutionTag,
    ResolutionUpdate,
)
from api.resolutions.selectors import MAX_CHAIN, follower_ids, next_meeting, overdue_q, responsible_user_ids, today

AUDIT_MEETING_FIELDS = ("title", "held_at", "event", "agenda", "minutes", "attendance_count", "participants")
AUDIT_RESOLUTION_FIELDS = (
    "meeting",
    "title",
    "description",
    "proposer",
    "responsible_enterprises",
    "responsible_body",
    "responsible_person",
    "due_date",
    "tags",
    "status",
    "status_reason",
    "done_on",
    "carried_over_from",
    "parent",
)
MAX_TAGS = 10
MAX_OWNERS = 20


def resolution_url(resolution: Resolution | int) -> str:
    return f"/resolutions/{resolution if isinstance(resolution, int) else resolution.pk}"


# --- Meetings ---------------------------------------------------------------------------------------------


def _event_or_400(event_id: int | None) -> int | None:
    if event_id is None:
        return None
    kind = link_kind("event")
    if kind is None or event_id not in kind.resolve([event_id]):
        raise validation_error("event_id", _("No such event: %(id)s.") % {"id": event_id}, code=errors.NO_SUCH_EVENT)
    return event_id


def _enterprises_or_400(*, actor: Any, field: str, ids: Iterable[int]) -> list[Any]:
    wanted = list(dict.fromkeys(ids))
    found = directory.enterprises_visible_by_ids(user=actor, ids=wanted)
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        raise validation_error(
            field,
            _("No such organisations: %(ids)s.") % {"ids": ", ".join(map(str, missing))},
            code=errors.NO_SUCH_ORGANISATION,
        )
    return [found[pk] for pk in wanted]


class MeetingChanges(TypedDict, total=False):
    title: str
    held_at: datetime
    event_id: int | None
    agenda: str
    minutes: str
    attendance_count: int | None
    participant_ids: list[int]


@transaction.atomic
def meeting_create(
    *,
    actor: Any,
    title: str,
    held_at: datetime,
    event_id: int | None = None,
    agenda: str = "",
    minutes: str = "",
    attendance_count: int | None = None,
    participant_ids: list[int] | None = None,
) -> Meeting:
    """Record a meeting. A meeting still to come gets every overdue resolution on its agenda."""
    participants = _enterprises_or_400(actor=actor, field="participant_ids", ids=participant_ids or [])
    meeting = Meeting.objects.create(
        title=title,
        held_at=held_at,
        event_id=_event_or_400(event_id),
        agenda=agenda,
        minutes=minutes,
        minutes_html=render_markdown(minutes),
        attendance_count=attendance_count,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    meeting.participants.set(participants)
    audit_record(actor=actor, action=AuditAction.CREATE, target=meeting, before=dict.fromkeys(AUDIT_MEETING_FIELDS))
    if held_at > timezone.now():
        agenda_carry_overdue(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: Any, **changes: Unpack[MeetingChanges]) -> Meeting:
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = audit_snapshot(locked, AUDIT_MEETING_FIELDS)
    if "participant_ids" in changes:
        participants = _enterprises_or_400(actor=actor, field="participant_ids", ids=changes["participant_ids"])
        locked.participants.set(participants)
    if "event_id" in changes:
        locked.event_id = _event_or_400(changes["event_id"])
    for field in ("title", "held_at", "agenda", "attendance_count"):
        if field in changes:
            setattr(locked, field, changes[field])
    if "minutes" in changes:
        locked.minutes = changes["minutes"]
        locked.minutes_html = render_markdown(locked.minutes)
    if "held_at" in changes:
        # Due dates of its resolutions may not fall before the meeting that took them.
        held_on = timezone.localdate(locked.held_at)
        if locked.resolutions.filter(due_date__lt=held_on).exists():
            raise validation_error(
                "held_at",
                _("Some resolutions of this meeting are due before %(date)s.") % {"date": held_on.isoformat()},
                code=errors.DUE_BEFORE_MEETING,
            )
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def agenda_carry_overdue(*, meeting: Meeting | None = None, on: date | None = None) -> int:
    """Put every overdue resolution on the agenda of ``meeting`` (default: the next meeting), once.
    Returns how many items were added (0 when there is no meeting to come)."""
    meeting = meeting or next_meeting()
    if meeting is None:
        return 0
    overdue = Resolution.objects.filter(overdue_q(on=on)).exclude(meeting=meeting)
    already = set(AgendaItem.objects.filter(meeting=meeting).values_list("resolution_id", flat=True))
    new = [
        AgendaItem(meeting=meeting, resolution_id=pk)
        for pk in overdue.values_list("pk", flat=True)
        if pk not in already
    ]
    # The unique constraint settles a race with another run: a duplicate is skipped, not an error.
    AgendaItem.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


# --- Resolutions ------------------------------------------------------------------------------------------


def _meeting_or_400(meeting_id: int) -> Meeting:
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None:
        raise validation_error(
            "meeting_id", _("No such meeting: %(id)s.") % {"id": meeting_id}, code=errors.NO_SUCH_MEETING
        )
    return meeting


def _person_or_400(person_id: int | None) -> Any:
    if person_id is None:
        return None
    person = accounts.users_active_by_ids(ids=[person_id]).get(person_id)
    if person is None:
        raise validation_error(
            "responsible_person_id", _("No such person: %(id)s.") % {"id": person_id}, code=errors.NO_SUCH_PERSON
        )
    return person


def _check_due(*, meeting: Meeting, due_date: date | None) -> None:
    if due_date is None:
        return
    held_on = timezone.localdate(meeting.held_at)
    if due_date < held_on:
        raise validation_error(
            "due_date",
            _("The due date %(due)s is before the meeting that took the decision (%(held)s).")
            % {"due": due_date.isoformat(), "held": held_on.isoformat()},
            code=errors.DUE_BEFORE_MEETING,
        )


def _check_chain(*, resolution_id: int | None, start_id: int | None, field: str, attribute: str, code: str) -> None:
    """Refuse ``start_id`` as the resolution's ``attribute`` (``carried_over_from`` or ``parent``)
    when following that attribute from it comes back to the resolution (a loop)."""
    if start_id is None:
        return
    if Resolution.objects.filter(pk=start_id).first() is None:
        raise validation_error(
            field, _("No such resolution: %(id)s.") % {"id": start_id}, code=errors.NO_SUCH_RESOLUTION
        )
    seen: set[int] = set()
    current: int | None = start_id
    while current is not None and len(seen) <= MAX_CHAIN * 4:
        if current == resolution_id:
            raise validation_error(
                field,
                _("Resolution %(id)s would lead back to this one: a chain may not loop.") % {"id": start_id},
                code=code,
            )
        if current in seen:
            break
        seen.add(current)
        current = Resolution.objects.filter(pk=current).values_list(f"{attribute}_id", flat=True).first()


def _clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned = list(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
    if len(cleaned) > MAX_TAGS:
        raise validation_error("tags", _("At most %(n)d tags.") % {"n": MAX_TAGS}, code="max_length")
    return cleaned


def _set_tags(resolution: Resolution, tags: list[str]) -> None:
    resolution.tags.all().delete()
    ResolutionTag.objects.bulk_create([ResolutionTag(resolution=resolution, name=name) for name in tags])


class ResolutionChanges(TypedDict, total=False):
    title: str
    description: str
    proposer: str
    responsible_enterprise_ids: list[int]
    responsible_body: str
    responsible_person_id: int | None
    due_date: date | None
    tags: list[str]
    carried_over_from_id: int | None
    parent_id: int | None


@transaction.atomic
def resolution_create(
    *,
    actor: Any,
    meeting_id: int,
    title: str,
    description: str = "",
    proposer: str = "",
    responsible_enterprise_ids: list[int] | None = None,
    responsible_body: str = "",
    responsible_person_id: int | None = None,
    due_date: date | None = None,
    tags: list[str] | None = None,
    carried_over_from_id: int | None = None,
    parent_id: int | None = None,
) -> Resolution:
    """Record a decision of a meeting. It needs an owner (organisations or a named body), a due
    date not before the meeting, and chains that do not loop. Starts ``proposed``."""
    meeting = _meeting_or_400(meeting_id)
    owners = _enterprises_or_400(actor=actor, field="responsible_enterprise_ids", ids=responsible_enterprise_ids or [])
    if not owners and not responsible_body.strip():
        raise validation_error(
            "responsible_enterprise_ids",
            _("Name who is responsible: organisations or a named body (a city department)."),
            code=errors.RESPONSIBLE_REQUIRED,
        )
    _check_due(meeting=meeting, due_date=due_date)
    person = _person_or_400(responsible_person_id)
    _check_chain(
        resolution_id=None,
        start_id=carried_over_from_id,
        field="carried_over_from_id",
        attribute="carried_over_from",
        code=errors.CARRY_OVER_LOOP,
    )
    _check_chain(resolution_id=None, start_id=parent_id, field="parent_id", attribute="parent", code=errors.PARENT_LOOP)
    clean_tags = _clean_tags(tags or [])
    resolution = Resolution.objects.create(
        meeting=meeting,
        title=title,
        description=description,
        proposer=proposer,
        responsible_body=responsible_body.strip(),
        responsible_person=person,
        due_date=due_date,
        carried_over_from_id=carried_over_from_id,
        parent_id=parent_id,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    resolution.responsible_enterprises.set(owners)
    _set_tags(resolution, clean_tags)
    audit_record(
        actor=actor, action=AuditAction.CREATE, target=resolution, before=dict.fromkeys(AUDIT_RESOLUTION_FIELDS)
    )
    return resolution


@transaction.atomic
def resolution_edit(*, resolution: Resolution, actor: Any, **changes: Unpack[ResolutionChanges]) -> Resolution:
    """Change what a resolution says (coordinators). Its status changes only through written updates."""
    locked = Resolution.objects.select_for_update().select_related("meeting").get(pk=resolution.pk)
    before = audit_snapshot(locked, AUDIT_RESOLUTION_FIELDS)
    if "responsible_enterprise_ids" in changes:
        owners = _enterprises_or_400(
            actor=actor, field="responsible_enterprise_ids", ids=changes["responsible_enterprise_ids"]
        )
        locked.responsible_enterprises.set(owners)
    else:
        owners = list(locked.responsible_enterprises.all())
    if "responsible_body" in changes:
        locked.responsible_body = changes["responsible_body"].strip()
    if not owners and not locked.responsible_body:
        raise validation_error(
            "responsible_enterprise_ids",
            _("Name who is responsible: organisations or a named body (a city department)."),
            code=errors.RESPONSIBLE_REQUIRED,
        )
    if "responsible_person_id" in changes:
        locked.responsible_person = _person_or_400(changes["responsible_person_id"])
    if "due_date" in changes:
        _check_due(meeting=locked.meeting, due_date=changes["due_date"])
        locked.due_date = changes["due_date"]
    if "carried_over_from_id" in changes:
        _check_chain(
            resolution_id=locked.pk,
            start_id=changes["carried_over_from_id"],
            field="carried_over_from_id",
            attribute="carried_over_from",
            code=errors.CARRY_OVER_LOOP,
        )
        locked.carried_over_from_id = changes["carried_over_from_id"]
    if "parent_id" in changes:
        _check_chain(
            resolution_id=locked.pk,
            start_id=changes["parent_id"],
            field="parent_id",
            attribute="parent",
            code=errors.PARENT_LOOP,
        )
        locked.parent_id = changes["parent_id"]
    if "tags" in changes:
        _set_tags(locked, _clean_tags(changes["tags"]))
    for field in ("title", "description", "proposer"):
        if field in changes:
            setattr(locked, field, changes[field])
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


def can_write_update(user: Any, resolution: Resolution) -> bool:
    """Coordinators; the responsible person; owners and editors of a responsible organisation."""
    if not (user and user.is_authenticated):
        return False
    if is_coordinator(user) or resolution.responsible_person_id == user.pk:
        return True
    held = membership_roles(user)
    return any(held.get(pk) in EDIT_ROLES for pk in resolution.responsible_enterprises.values_list("pk", flat=True))


def _signature(actor: Any, resolution: Resolution) -> str:
    name = getattr(actor, "display_name", "") or f"#{actor.pk}"
    if is_coordinator(actor):
        role = _("coordinator")
        return f"{name} ({role})"
    held = membership_roles(actor)
    parties = [e.name for e in resolution.responsible_enterprises.all() if held.get(e.pk) in EDIT_ROLES]
    if not parties and resolution.responsible_body:
        parties = [resolution.responsible_body]
    return f"{name} ({', '.join(parties)})" if parties else name


@transaction.atomic
def resolution_update_post(
    *,
    resolution: Resolution,
    actor: Any,
    body: str,
    written_on: date | None = None,
    status: str | None = None,
) -> ResolutionUpdate:
    """Append a dated, signed written update, optionally moving the resolution one step along its
    workflow (dropping it from any open state; the update's text is the reason).

    Only the responsible party or a coordinator writes (403 ``not_responsible``); accepting a
    proposal is for coordinators (403 ``accept_needs_coordinator``); a transition the workflow does
    not allow is 409 ``transition_not_allowed``. Followers of the resolution and of its meeting are
    notified (in-app, and by e-mail unless they opted out), the author excepted."""
    locked = Resolution.objects.select_for_update().get(pk=resolution.pk)
    if not can_write_update(actor, locked):
        raise PermissionDenied(
            _("Only the responsible party or a coordinator may write updates on this resolution."),
            code=errors.NOT_RESPONSIBLE,
        )
    written_on = written_on or today()
    if written_on > today():
        raise validation_error(
            "written_on", _("An update cannot be dated in the future."), code=errors.WRITTEN_IN_FUTURE
        )
    before = audit_snapshot(locked, ("status", "status_reason", "done_on"))
    status_from = ""
    if status is not None:
        # Restating the current status is no transition either: 409 like any other (a stale form,
        # or two people closing the same resolution at once, is told so).
        if status not in TRANSITIONS[locked.status]:
            raise ConflictError(
                _("A resolution that is %(current)s cannot become %(wanted)s.")
                % {"current": locked.get_status_display(), "wanted": ResolutionStatus(status).label},
                code=errors.TRANSITION_NOT_ALLOWED,
            )
        if status == ResolutionStatus.ACCEPTED and not is_coordinator(actor):
            raise PermissionDenied(
                _("Only a coordinator records that a proposal was accepted."), code=errors.ACCEPT_NEEDS_COORDINATOR
            )
        status_from = locked.status
        locked.status = status
        locked.status_changed_at = timezone.now()
        if status == ResolutionStatus.DROPPED:
            locked.status_reason = body[:2000]
        if status == ResolutionStatus.DONE:
            locked.done_on = written_on
    update = ResolutionUpdate.objects.create(
        resolution=locked,
        author=actor,
        signature=_signature(actor, locked)[:300],
        written_on=written_on,
        body=body,
        body_html=render_markdown(body),
        status_from=status_from,
        status_to=status or "",
    )
    locked.last_update_at = update.created_at
    locked.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=update,
        changes={"body": [None, body], "status": [status_from or None, status or None]},
        label=locked.title,
    )
    if status_from:
        audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before, reason=body)
    _notify_followers(resolution=locked, update=update, actor=actor)
    return update


def _notify_followers(*, resolution: Resolution, update: ResolutionUpdate, actor: Any) -> None:
    ids = sorted(follower_ids(resolution=resolution) - {actor.pk})
    users = accounts.users_active_by_ids(ids=ids)
    for user_id in ids:
        user = users.get(user_id)
        if user is None:
            continue
        notify(
            user=user,
            kind=kinds.RESOLUTION_UPDATED,
            title=gettext_lazy("Written update: %(title)s"),
            body=gettext_lazy("%(signature)s wrote on %(date)s:\n\n%(body)s"),
            params={
                "title": resolution.title,
                "signature": update.signature,
                "date": update.written_on.isoformat(),
                "body": update.body,
            },
            url=resolution_url(resolution),
            data={"resolution_id": resolution.pk, "update_id": update.pk},
        )


# --- Links ------------------------------------------------------------------------------------------------


def link_target_or_400(*, kind: str, target_id: int, field: str = "target_id") -> LinkTarget:
    """The registered target ``kind:target_id``; 400 naming the unknown kind or id."""
    registered = link_kind(kind)
    if registered is None:
        raise validation_error(
            "kind", _("Unknown link kind: %(kind)s.") % {"kind": kind}, code=errors.UNKNOWN_LINK_KIND
        )
    target = registered.resolve([target_id]).get(target_id)
    if target is None:
        raise validation_error(
            field,
            _("No %(kind)s with id %(id)s.") % {"kind": str(registered.label), "id": target_id},
            code=errors.UNKNOWN_LINK_TARGET,
        )
    return target


def _require_writer(actor: Any, resolution: Resolution) -> None:
    if not can_write_update(actor, resolution):
        raise PermissionDenied(
            _("Only the responsible party or a coordinator may change this resolution's links."),
            code=errors.NOT_RESPONSIBLE,
        )


@transaction.atomic
def resolution_link_add(*, resolution: Resolution, actor: Any, kind: str, target_id: int) -> ResolutionLink:
    """Link the resolution to the event, budget item, post or collaboration carrying it out."""
    locked = Resolution.objects.select_for_update().get(pk=resolution.pk)
    _require_writer(actor, locked)
    target = link_target_or_400(kind=kind, target_id=target_id)
    if ResolutionLink.objects.filter(resolution=locked, kind=kind, target_id=target_id).exists():
        raise ConflictError(
            _("The resolution already links to %(title)s.") % {"title": target.title}, code=errors.LINK_EXISTS
        )
    link = ResolutionLink.objects.create(
        resolution=locked, kind=kind, target_id=target_id, created_by=actor if actor.is_authenticated else None
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=link,
        changes={"link": [None, f"{kind}:{target_id} {target.title}"]},
        label=locked.title,
    )
    return link


@transaction.atomic
def resolution_link_remove(*, resolution: Resolution, actor: Any, link_id: int) -> None:
    locked = Resolution.objects.select_for_update().get(pk=resolution.pk)
    _require_writer(actor, locked)
    link = ResolutionLink.objects.filter(resolution=locked, pk=link_id).first()
    if link is None:
        raise NotFound(_("No such link on this resolution."))
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=link,
        changes=audit_diff({"link": f"{link.kind}:{link.target_id}"}, {}),
        label=locked.title,
    )
    link.delete()


@transaction.atomic
def resolution_from_collaboration(
    *,
    actor: Any,
    collaboration_id: int,
    meeting_id: int,
    title: str = "",
    description: str = "",
    due_date: date | None = None,
) -> Resolution:
    """Turn a collaboration matched on the board into a resolution owned by its partners and linked
    to it (the ``collaboration`` link kind, registered by the board)."""
    target = link_target_or_400(kind="collaboration", target_id=collaboration_id, field="collaboration_id")
    if not target.organisation_ids:
        raise validation_error(
            "collaboration_id",
            _("The collaboration has no partner organisations to own the resolution."),
            code=errors.RESPONSIBLE_REQUIRED,
        )
    resolution = resolution_create(
        actor=actor,
        meeting_id=meeting_id,
        title=title or target.title,
        description=description,
        responsible_enterprise_ids=list(target.organisation_ids),
        due_date=due_date,
    )
    ResolutionLink.objects.create(
        resolution=resolution, kind="collaboration", target_id=collaboration_id, created_by=actor
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=resolution,
        changes={"links": [None, f"collaboration:{collaboration_id} {target.title}"]},
    )
    return resolution


# --- Following ---------------------------------------------------------------------------------------------


def resolution_follow(*, resolution: Resolution, user: Any) -> bool:
    """Follow; True if newly followed (following twice is no error)."""
    try:
        with transaction.atomic():
            _, created = ResolutionFollow.objects.get_or_create(resolution=resolution, user=user)
    except IntegrityError:  # a concurrent follow won the race: followed either way
        return False
    return created


@transaction.atomic
def resolution_unfollow(*, resolution: Resolution, user: Any) -> None:
    ResolutionFollow.objects.filter(resolution=resolution, user=user).delete()


def meeting_follow(*, meeting: Meeting, user: Any) -> bool:
    try:
        with transaction.atomic():
            _, created = MeetingFollow.objects.get_or_create(meeting=meeting, user=user)
    except IntegrityError:
        return False
    return created


@transaction.atomic
def meeting_unfollow(*, meeting: Meeting, user: Any) -> None:
    MeetingFollow.objects.filter(meeting=meeting, user=user).delete()


# --- Reminders ---------------------------------------------------------------------------------------------


def reminders_send(*, days_before: int = 7, on: date | None = None) -> dict[str, int]:
    """Remind the responsible people of resolutions due within ``days_before`` days and of those
    past due, once per resolution, kind and due date (the ``ResolutionReminder`` unique constraint:
    a second run, even a concurrent one, sends nothing twice); then put overdue resolutions on the
    next meeting's agenda. Each reminder commits on its own, so an interrupted run resumes."""
    on = on or today()
    horizon = date.fromordinal(on.toordinal() + days_before)
    due_soon = Resolution.objects.filter(status__in=OPEN_STATUSES, due_date__gte=on, due_date__lte=horizon)
    overdue = Resolution.objects.filter(overdue_q(on=on))
    sent = {"due_soon": 0, "overdue": 0}
    for kind, queryset in ((ReminderKind.DUE_SOON, due_soon), (ReminderKind.OVERDUE, overdue)):
        reminded = ResolutionReminder.objects.filter(
            resolution=OuterRef("pk"), kind=kind, due_date=OuterRef("due_date")
        )
        for resolution in queryset.exclude(Exists(reminded)).order_by("pk"):
            if _remind(resolution=resolution, kind=kind, on=on):
                sent[kind.value] += 1
    sent["agenda_items"] = agenda_carry_overdue(on=on)
    return sent


@transaction.atomic
def _remind(*, resolution: Resolution, kind: str, on: date) -> bool:
    locked = Resolution.objects.select_for_update().get(pk=resolution.pk)
    if locked.due_date is None or locked.status not in OPEN_STATUSES:
        return False
    reminder, created = ResolutionReminder.objects.get_or_create(resolution=locked, kind=kind, due_date=locked.due_date)
    if not created:
        return False
    recipients = accounts.users_active_by_ids(ids=sorted(responsible_user_ids(resolution=locked)))
    params = {"title": locked.title, "due": locked.due_date.isoformat()}
    for user in recipients.values():
        if kind == ReminderKind.DUE_SOON:
            notify(
                user=user,
                kind=kinds.RESOLUTION_DUE_SOON,
                title=gettext_lazy("Due on %(due)s: %(title)s"),
                body=gettext_lazy("The resolution “%(title)s” is due on %(due)s. Please post a written update."),
                params=params,
                url=resolution_url(locked),
                data={"resolution_id": locked.pk},
            )
        else:
            notify(
                user=user,
                kind=kinds.RESOLUTION_OVERDUE,
                title=gettext_lazy("Overdue since %(due)s: %(title)s"),
                body=gettext_lazy(
                    "The resolution “%(title)s” was due on %(due)s and is not done. It goes on the next "
                    "meeting's agenda; please post a written update."
                ),
                params=params,
                url=resolution_url(locked),
                data={"resolution_id": locked.pk},
            )
    reminder.recipients = len(recipients)
    reminder.save(update_fields=["recipients"])
    return True
