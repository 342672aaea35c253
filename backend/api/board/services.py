"""Board rules: posting, editing and deleting posts and comments, interest and matching, campaigns,
reports and moderation.

Every service runs in one transaction and locks the row it changes (``select_for_update()``)
before checking its state; matching locks the post, so two people marking it matched at once
make one collaboration. Markdown is rendered to safe HTML on every write
(``api.common.richtext``). Every change leaves an audit entry; notifications go through
``api.notifications.services.notify`` (their e-mail leaves after commit).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, PermissionDenied

from api.audit.services import AuditAction, audit_record, audit_snapshot
from api.board import errors
from api.board import notifications as kinds
from api.board.models import (
    MATCHABLE_KINDS,
    Campaign,
    CampaignParticipant,
    CampaignStatus,
    Collaboration,
    CollaborationPartner,
    Comment,
    Interest,
    Post,
    PostImage,
    PostKind,
    PostStatus,
    Report,
    ReportStatus,
    Tag,
)
from api.board.selectors import post_get, suggested_posts
from api.common.archiving import archive_mark
from api.common.errors import ConflictError, validation_error
from api.common.images import stored_name
from api.common.permissions import EDIT_ROLES, is_coordinator, membership_roles
from api.common.richtext import render_markdown
from api.enterprises import selectors as directory
from api.notifications.services import notify

MAX_TAGS = 10
MAX_TAG_LENGTH = 40
MAX_PARTNERS = 20
MAX_CAMPAIGN_PRODUCTS = 50
SUGGESTION_NOTICES = 3  # authors of the best-fitting counterparts told about a new request or offer

AUDIT_POST_FIELDS = (
    "kind",
    "title",
    "body",
    "tags",
    "enterprise",
    "status",
    "deadline",
    "resource",
    "sector",
    "pinned",
)
AUDIT_COMMENT_FIELDS = ("body",)
AUDIT_CAMPAIGN_FIELDS = ("title", "story", "starts_on", "ends_on", "status", "products")


class PostChanges(TypedDict, total=False):
    title: str
    body: str
    tags: list[str]
    deadline: date | None
    resource: str
    sector: str
    pinned: bool


class CampaignChanges(TypedDict, total=False):
    title: str
    story: str
    starts_on: date
    ends_on: date


def _post_url(post: Post) -> str:
    return f"/board/{post.pk}"


def _is_author(actor: Any, row: Any) -> bool:
    return bool(actor and actor.is_authenticated and getattr(row, "author_id", None) == actor.pk)


def _check_member(*, actor: Any, enterprise_id: int, field: str = "enterprise_id") -> Any:
    """The organisation ``enterprise_id`` if the actor may act for it: a member (owner or editor)
    or a coordinator (403 ``not_your_organisation``), and it is public (400)."""
    found = directory.enterprises_visible_by_ids(user=actor, ids=[enterprise_id]).get(enterprise_id)
    if found is None:
        raise validation_error(field, _("No such organisation."), code="does_not_exist")
    if not is_coordinator(actor) and membership_roles(actor).get(enterprise_id) not in EDIT_ROLES:
        raise PermissionDenied(
            _("You can only act for an organisation you are a member of."), code=errors.NOT_YOUR_ORGANISATION
        )
    if directory.enterprise_ids_not_public(ids=[enterprise_id]):
        raise validation_error(
            field,
            _("Only organisations verified by a coordinator can do this."),
            code=errors.ORGANISATION_NOT_PUBLIC,
        )
    return found


def _clean_tags(names: Sequence[str]) -> list[str]:
    cleaned = list(dict.fromkeys(" ".join(name.split()) for name in names if name and name.strip()))
    if len(cleaned) > MAX_TAGS:
        raise validation_error("tags", _("At most 10 tags."), code=errors.TOO_MANY_TAGS)
    return cleaned


def _set_tags(post: Post, names: Sequence[str]) -> None:
    wanted = _clean_tags(names)
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=wanted)}
    missing = [Tag(name=name) for name in wanted if name not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=wanted)}
    post.tags.set([existing[name] for name in wanted])


def _refresh_search(post: Post, tags: Sequence[str]) -> None:
    post.search_document = directory.search_document_of([post.title, post.body, *tags])
    post.title_initials = directory.initials_of(post.title)[:200]


def _check_kind_fields(*, kind: str, actor: Any, pinned: bool, deadline: date | None, resource: str) -> None:
    if kind == PostKind.NOTICE and not is_coordinator(actor):
        raise validation_error("kind", _("Only coordinators post notices."), code=errors.NOTICE_COORDINATORS_ONLY)
    if pinned and kind != PostKind.NOTICE:
        raise validation_error("pinned", _("Only notices can be pinned."), code=errors.PIN_NOTICES_ONLY)
    if pinned and not is_coordinator(actor):
        raise validation_error("pinned", _("Only coordinators pin notices."), code=errors.NOTICE_COORDINATORS_ONLY)
    if kind not in MATCHABLE_KINDS:
        if deadline is not None:
            raise validation_error(
                "deadline",
                _("Only requests and offers have a deadline."),
                code=errors.STATUS_FIELDS_ONLY_FOR_REQUESTS,
            )
        if resource:
            raise validation_error(
                "resource",
                _("Only requests and offers name what is offered or needed."),
                code=errors.STATUS_FIELDS_ONLY_FOR_REQUESTS,
            )


# --- Posts -----------------------------------------------------------------------------------------------


@transaction.atomic
def post_create(
    *,
    actor: Any,
    kind: str,
    title: str,
    body: str,
    tags: Sequence[str] = (),
    enterprise_id: int | None = None,
    deadline: date | None = None,
    resource: str = "",
    sector: str = "",
    pinned: bool = False,
) -> Post:
    """Publish a post, optionally on behalf of an organisation the actor belongs to (403 otherwise).
    A new request or offer tells the authors of the best-fitting open counterparts (suggested match)."""
    _check_kind_fields(kind=kind, actor=actor, pinned=pinned, deadline=deadline, resource=resource)
    enterprise = _check_member(actor=actor, enterprise_id=enterprise_id) if enterprise_id is not None else None
    cleaned = _clean_tags(tags)
    post = Post(
        kind=kind,
        title=title,
        body=body,
        body_html=render_markdown(body),
        author=actor,
        enterprise=enterprise,
        status=PostStatus.OPEN if kind in MATCHABLE_KINDS else "",
        deadline=deadline,
        resource=resource,
        sector=sector,
        pinned=pinned,
    )
    _refresh_search(post, cleaned)
    post.save()
    _set_tags(post, cleaned)
    audit_record(actor=actor, action=AuditAction.CREATE, target=post, before=dict.fromkeys(AUDIT_POST_FIELDS))
    if post.kind in MATCHABLE_KINDS:
        _notify_suggestions(post)
    return post


def _notify_suggestions(post: Post) -> None:
    for match in suggested_posts(post=post, limit=SUGGESTION_NOTICES):
        notify(
            user=match.author,
            kind=kinds.MATCH_SUGGESTED,
            title=gettext_lazy("A possible match for “%(mine)s”"),
            body=gettext_lazy("“%(title)s” may fit what you posted."),
            params={"mine": match.title, "title": post.title},
            url=_post_url(post),
            data={"post_id": post.pk, "for_post_id": match.pk},
        )


def _lock_post(post: Post) -> Post:
    return Post.objects.select_for_update().get(pk=post.pk)


@transaction.atomic
def post_update(*, post: Post, actor: Any, **changes: Unpack[PostChanges]) -> Post:
    """Change a post; the post is marked edited."""
    locked = _lock_post(post)
    before = audit_snapshot(locked, AUDIT_POST_FIELDS)
    tags = changes.pop("tags", None)
    _check_kind_fields(
        kind=locked.kind,
        actor=actor,
        pinned=changes.get("pinned", locked.pinned),
        deadline=changes.get("deadline", locked.deadline),
        resource=changes.get("resource", locked.resource),
    )
    for field, value in changes.items():
        setattr(locked, field, value)
    if "body" in changes:
        locked.body_html = render_markdown(locked.body)
    if tags is not None:
        _set_tags(locked, tags)
    _refresh_search(locked, [tag.name for tag in locked.tags.all()])
    locked.edited_at = timezone.now()
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def post_delete(*, post: Post, actor: Any, reason: str = "") -> Post:
    """Delete a post: it is archived (kept, gone for everyone but coordinators), with its comments
    and its collaboration record."""
    locked = _lock_post(post)
    if locked.archived_at is not None:
        raise ConflictError(_("This post is deleted already."), code=errors.POST_ALREADY_ARCHIVED)
    archive_mark(locked, actor=actor, reason=reason)
    archived = locked.archived_at
    audit_record(
        actor=actor,
        action=AuditAction.ARCHIVE,
        target=locked,
        changes={"archived_at": [None, archived.isoformat() if archived else None]},
        reason=reason,
    )
    return locked


@transaction.atomic
def post_close(*, post: Post, actor: Any) -> Post:
    """Close an open request or offer without a match."""
    locked = _lock_post(post)
    if locked.kind not in MATCHABLE_KINDS:
        raise ConflictError(_("Only requests and offers can be closed."), code=errors.POST_NOT_MATCHABLE)
    if locked.status != PostStatus.OPEN:
        raise ConflictError(_("This request or offer is not open."), code=errors.POST_NOT_OPEN)
    before = audit_snapshot(locked, ("status",))
    locked.status = PostStatus.CLOSED
    locked.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action="close", target=locked, before=before)
    return locked


@transaction.atomic
def post_image_add(*, post: Post, actor: Any, image: Any, image_format: str, alt: str = "") -> PostImage:
    locked = _lock_post(post)
    image.name = stored_name(image_format)
    added = PostImage.objects.create(post=locked, image=image, alt=alt)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, changes={"images": [None, added.image.name]})
    return added


@transaction.atomic
def post_image_delete(*, post: Post, actor: Any, image_id: int) -> None:
    locked = _lock_post(post)
    image = PostImage.objects.filter(post=locked, pk=image_id).first()
    if image is None:
        raise NotFound(_("No such image."))
    name = image.image.name
    image.image.delete(save=False)
    image.delete()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, changes={"images": [name, None]})


# --- Interest and matching -------------------------------------------------------------------------------


@transaction.atomic
def interest_create(*, post: Post, actor: Any, enterprise_id: int, message: str = "") -> Interest:
    """An organisation says "we're interested" in an open request or offer; its author is told.

    409 ``own_post`` for the author's own post (or its organisation's), ``post_not_open`` unless
    open, ``already_interested`` for a second time; 403 for an organisation the actor is not in."""
    locked = _lock_post(post)
    if locked.kind not in MATCHABLE_KINDS:
        raise ConflictError(_("Only requests and offers take interest."), code=errors.POST_NOT_MATCHABLE)
    if locked.author_id == actor.pk or locked.enterprise_id == enterprise_id:
        raise ConflictError(_("This is your own request or offer."), code=errors.OWN_POST)
    if locked.status != PostStatus.OPEN:
        raise ConflictError(_("This request or offer is not open any more."), code=errors.POST_NOT_OPEN)
    enterprise = _check_member(actor=actor, enterprise_id=enterprise_id)
    if Interest.objects.filter(post=locked, enterprise=enterprise).exists():
        raise ConflictError(_("This organisation is already interested."), code=errors.ALREADY_INTERESTED)
    interest = Interest.objects.create(post=locked, enterprise=enterprise, user=actor, message=message)
    Post.objects.filter(pk=locked.pk).update(interest_count=F("interest_count") + 1)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=interest,
        changes={"post": [None, locked.title], "enterprise": [None, enterprise.name], "message": [None, message]},
    )
    notify(
        user=locked.author,
        kind=kinds.INTEREST_RECEIVED,
        title=gettext_lazy("%(organisation)s is interested in “%(title)s”"),
        body=gettext_lazy("Their message: %(message)s") if message else "",
        params={"organisation": enterprise.name, "title": locked.title, "message": message},
        url=_post_url(locked),
        data={"post_id": locked.pk, "enterprise_id": enterprise.pk},
    )
    return interest


@transaction.atomic
def post_match(*, post: Post, actor: Any, enterprise_ids: Sequence[int], note: str = "") -> Collaboration:
    """Mark an open request or offer matched with organisations that expressed interest (400
    ``not_interested`` naming the others), recording the collaboration (the post's own organisation
    among the partners). The people who expressed interest for them are told."""
    locked = _lock_post(post)
    if locked.kind not in MATCHABLE_KINDS:
        raise ConflictError(_("Only requests and offers can be matched."), code=errors.POST_NOT_MATCHABLE)
    if locked.status != PostStatus.OPEN:
        raise ConflictError(_("This request or offer is not open."), code=errors.POST_NOT_OPEN)
    wanted = list(dict.fromkeys(enterprise_ids))
    if not wanted:
        raise validation_error("enterprise_ids", _("Name at least one partner organisation."), code=errors.NO_PARTNER)
    if len(wanted) > MAX_PARTNERS:
        raise validation_error("enterprise_ids", _("At most 20 partners."), code="max_length")
    interests = {i.enterprise_id: i for i in Interest.objects.filter(post=locked).select_related("user", "enterprise")}
    strangers = [pk for pk in wanted if pk not in interests]
    if strangers:
        raise validation_error(
            "enterprise_ids",
            _("These organisations did not express interest: %(ids)s.") % {"ids": ", ".join(map(str, strangers))},
            code=errors.NOT_INTERESTED,
        )
    before = audit_snapshot(locked, ("status",))
    locked.status = PostStatus.MATCHED
    locked.save(update_fields=["status", "updated_at"])
    collaboration = Collaboration.objects.create(post=locked, title=locked.title, note=note, matched_by=actor)
    partner_ids = sorted({*wanted, *([locked.enterprise_id] if locked.enterprise_id else [])})
    CollaborationPartner.objects.bulk_create(
        [CollaborationPartner(collaboration=collaboration, enterprise_id=pk) for pk in partner_ids]
    )
    audit_record(actor=actor, action="match", target=locked, before=before, reason=note)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        target=collaboration,
        changes={"partners": [None, sorted(interests[pk].enterprise.name for pk in wanted)]},
    )
    told = {actor.pk}
    for pk in wanted:
        interest = interests[pk]
        if interest.user_id in told:
            continue
        told.add(interest.user_id)
        notify(
            user=interest.user,
            kind=kinds.POST_MATCHED,
            title=gettext_lazy("Matched: “%(title)s”"),
            body=gettext_lazy("%(organisation)s was chosen as a partner."),
            params={"title": locked.title, "organisation": interest.enterprise.name},
            url=_post_url(locked),
            data={"post_id": locked.pk, "collaboration_id": collaboration.pk},
        )
    if locked.author_id not in told:
        notify(
            user=locked.author,
            kind=kinds.POST_MATCHED,
            title=gettext_lazy("Matched: “%(title)s”"),
            body=gettext_lazy("Your request or offer was marked matched."),
            params={"title": locked.title},
            url=_post_url(locked),
            data={"post_id": locked.pk, "collaboration_id": collaboration.pk},
        )
    return collaboration


# --- Comments --------------------------------------------------------------------------------------------


@transaction.atomic
def comment_create(*, actor: Any, post_id: int, body: str, parent_id: int | None = None) -> Comment:
    """Comment on a post the actor may see (400 ``does_not_exist`` otherwise) or reply to a
    top-level comment (400 ``reply_to_reply`` for a reply to a reply). The post's author hears of a
    comment, a comment's author of a reply."""
    post = post_get(user=actor, pk=post_id)
    if post is None:
        raise validation_error("post_id", _("No such post."), code="does_not_exist")
    locked = _lock_post(post)
    parent = None
    if parent_id is not None:
        parent = Comment.objects.filter(post=locked, pk=parent_id).select_related("author").first()
        if parent is None:
            raise validation_error("parent_id", _("No such comment on this post."), code="does_not_exist")
        if parent.parent_id is not None:
            raise validation_error(
                "parent_id", _("Reply to the first comment of the thread."), code=errors.REPLY_TO_REPLY
            )
        if parent.deleted_at is not None or parent.hidden_at is not None:
            raise ConflictError(_("That comment was removed."), code=errors.COMMENT_DELETED)
    comment = Comment.objects.create(
        post=locked, parent=parent, author=actor, body=body, body_html=render_markdown(body)
    )
    Post.objects.filter(pk=locked.pk).update(comment_count=F("comment_count") + 1)
    audit_record(actor=actor, action=AuditAction.CREATE, target=comment, before=dict.fromkeys(AUDIT_COMMENT_FIELDS))
    if parent is not None and parent.author_id != actor.pk:
        notify(
            user=parent.author,
            kind=kinds.COMMENT_REPLIED,
            title=gettext_lazy("%(name)s replied to your comment"),
            body=gettext_lazy("On “%(title)s”"),
            params={"name": actor.display_name, "title": locked.title},
            url=f"{_post_url(locked)}#comment-{comment.pk}",
            data={"post_id": locked.pk, "comment_id": comment.pk},
        )
    if locked.author_id != actor.pk and (parent is None or parent.author_id != locked.author_id):
        notify(
            user=locked.author,
            kind=kinds.POST_COMMENTED,
            title=gettext_lazy("%(name)s commented on “%(title)s”"),
            params={"name": actor.display_name, "title": locked.title},
            url=f"{_post_url(locked)}#comment-{comment.pk}",
            data={"post_id": locked.pk, "comment_id": comment.pk},
        )
    return comment


def _lock_comment(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment.pk)


@transaction.atomic
def comment_update(*, comment: Comment, actor: Any, body: str) -> Comment:
    locked = _lock_comment(comment)
    if locked.deleted_at is not None:
        raise ConflictError(_("That comment was removed."), code=errors.COMMENT_DELETED)
    before = audit_snapshot(locked, AUDIT_COMMENT_FIELDS)
    locked.body, locked.body_html, locked.edited_at = body, render_markdown(body), timezone.now()
    locked.save(update_fields=["body", "body_html", "edited_at", "updated_at"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def comment_delete(*, comment: Comment, actor: Any) -> Comment:
    """Delete a comment: the row stays as a placeholder (replies stay readable); coordinators
    still see the text."""
    locked = _lock_comment(comment)
    if locked.deleted_at is not None:
        raise ConflictError(_("That comment was removed."), code=errors.COMMENT_DELETED)
    locked.deleted_at = timezone.now()
    locked.save(update_fields=["deleted_at", "updated_at"])
    if locked.hidden_at is None:
        Post.objects.filter(pk=locked.post_id).update(comment_count=F("comment_count") - 1)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        changes={"deleted_at": [None, locked.deleted_at.isoformat()]},
    )
    return locked


# --- Reports and moderation --------------------------------------------------------------------------------


@transaction.atomic
def report_create(*, actor: Any, reason: str, post: Post | None = None, comment: Comment | None = None) -> Report:
    """Anyone logged in reports a post or a comment; it waits in the coordinators' queue."""
    report = Report.objects.create(post=post, comment=comment, reporter=actor, reason=reason)
    audit_record(actor=actor, action="report", target=report, changes={"reason": [None, reason]})
    return report


def _resolve_reports(*, actor: Any, post: Post | None = None, comment: Comment | None = None, resolution: str) -> None:
    Report.objects.filter(post=post, comment=comment, status=ReportStatus.OPEN).update(
        status=ReportStatus.RESOLVED, resolved_by=actor, resolved_at=timezone.now(), resolution=resolution
    )


@transaction.atomic
def post_hide(*, post: Post, actor: Any, reason: str) -> Post:
    """A coordinator hides a post with a reason: gone from lists, feeds and its page for everyone
    but coordinators and its author. Open reports of it are resolved."""
    locked = _lock_post(post)
    if locked.hidden_at is not None:
        raise ConflictError(_("This is hidden already."), code=errors.ALREADY_HIDDEN)
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), actor, reason
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
    _resolve_reports(actor=actor, post=locked, resolution=reason)
    audit_record(actor=actor, action="hide", target=locked, changes={"hidden": [False, True]}, reason=reason)
    return locked


@transaction.atomic
def post_unhide(*, post: Post, actor: Any, reason: str) -> Post:
    locked = _lock_post(post)
    if locked.hidden_at is None:
        raise ConflictError(_("This is not hidden."), code=errors.NOT_HIDDEN)
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
    audit_record(actor=actor, action="unhide", target=locked, changes={"hidden": [True, False]}, reason=reason)
    return locked


@transaction.atomic
def comment_hide(*, comment: Comment, actor: Any, reason: str) -> Comment:
    locked = _lock_comment(comment)
    if locked.hidden_at is not None:
        raise ConflictError(_("This is hidden already."), code=errors.ALREADY_HIDDEN)
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), actor, reason
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
    if locked.deleted_at is None:
        Post.objects.filter(pk=locked.post_id).update(comment_count=F("comment_count") - 1)
    _resolve_reports(actor=actor, comment=locked, resolution=reason)
    audit_record(actor=actor, action="hide", target=locked, changes={"hidden": [False, True]}, reason=reason)
    return locked


@transaction.atomic
def comment_unhide(*, comment: Comment, actor: Any, reason: str) -> Comment:
    locked = _lock_comment(comment)
    if locked.hidden_at is None:
        raise ConflictError(_("This is not hidden."), code=errors.NOT_HIDDEN)
    locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
    locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
    if locked.deleted_at is None:
        Post.objects.filter(pk=locked.post_id).update(comment_count=F("comment_count") + 1)
    audit_record(actor=actor, action="unhide", target=locked, changes={"hidden": [True, False]}, reason=reason)
    return locked


@transaction.atomic
def report_dismiss(*, report: Report, actor: Any, reason: str) -> Report:
    """A coordinator closes a report without hiding anything."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.OPEN:
        raise ConflictError(_("This report is closed already."), code=errors.REPORT_NOT_OPEN)
    before = audit_snapshot(locked, ("status", "resolution"))
    locked.status, locked.resolved_by, locked.resolved_at, locked.resolution = (
        ReportStatus.DISMISSED,
        actor,
        timezone.now(),
        reason,
    )
    locked.save(update_fields=["status", "resolved_by", "resolved_at", "resolution"])
    audit_record(actor=actor, action="dismiss", target=locked, before=before, reason=reason)
    return locked


# --- Campaigns -------------------------------------------------------------------------------------------


def _check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise validation_error("ends_on", _("The end must not be before the start."), code=errors.ENDS_BEFORE_START)


def _campaign_products(*, actor: Any, product_ids: Sequence[int], enterprise_ids: Sequence[int]) -> list[Any]:
    wanted = list(dict.fromkeys(product_ids))
    if len(wanted) > MAX_CAMPAIGN_PRODUCTS:
        raise validation_error("product_ids", _("At most 50 products."), code="max_length")
    found = directory.products_visible_by_ids(user=actor, ids=wanted)
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        raise validation_error(
            "product_ids", _("No such product: %(ids)s.") % {"ids": ", ".join(map(str, missing))}, code="does_not_exist"
        )
    foreign = [pk for pk in wanted if found[pk].enterprise_id not in enterprise_ids]
    if foreign:
        raise validation_error(
            "product_ids",
            _("Only products of the organisation taking part: not %(ids)s.") % {"ids": ", ".join(map(str, foreign))},
            code=errors.PRODUCT_NOT_YOURS,
        )
    return [found[pk] for pk in wanted]


@transaction.atomic
def campaign_create(
    *,
    actor: Any,
    title: str,
    story: str,
    starts_on: date,
    ends_on: date,
    enterprise_id: int,
    product_ids: Sequence[int] = (),
) -> Campaign:
    """Propose a joint-promotion campaign for an organisation the actor belongs to (it takes part
    with the products chosen)."""
    _check_period(starts_on, ends_on)
    enterprise = _check_member(actor=actor, enterprise_id=enterprise_id)
    products = _campaign_products(actor=actor, product_ids=product_ids, enterprise_ids=[enterprise.pk])
    campaign = Campaign.objects.create(
        title=title,
        story=story,
        story_html=render_markdown(story),
        starts_on=starts_on,
        ends_on=ends_on,
        enterprise=enterprise,
        proposed_by=actor,
    )
    CampaignParticipant.objects.create(campaign=campaign, enterprise=enterprise, joined_by=actor)
    campaign.products.set(products)
    audit_record(actor=actor, action=AuditAction.CREATE, target=campaign, before=dict.fromkeys(AUDIT_CAMPAIGN_FIELDS))
    return campaign


def _lock_campaign(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


@transaction.atomic
def campaign_update(*, campaign: Campaign, actor: Any, **changes: Unpack[CampaignChanges]) -> Campaign:
    locked = _lock_campaign(campaign)
    before = audit_snapshot(locked, AUDIT_CAMPAIGN_FIELDS)
    for field, value in changes.items():
        setattr(locked, field, value)
    _check_period(locked.starts_on, locked.ends_on)
    if "story" in changes:
        locked.story_html = render_markdown(locked.story)
    locked.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def campaign_join(*, campaign: Campaign, actor: Any, enterprise_id: int, product_ids: Sequence[int] = ()) -> Campaign:
    """An organisation joins a proposed campaign with a selection of its products (409 once
    published or when it already takes part)."""
    locked = _lock_campaign(campaign)
    if locked.status == CampaignStatus.PUBLISHED:
        raise ConflictError(_("This campaign is published already."), code=errors.CAMPAIGN_PUBLISHED)
    enterprise = _check_member(actor=actor, enterprise_id=enterprise_id)
    if CampaignParticipant.objects.filter(campaign=locked, enterprise=enterprise).exists():
        raise ConflictError(_("This organisation takes part already."), code=errors.CAMPAIGN_ALREADY_JOINED)
    products = _campaign_products(actor=actor, product_ids=product_ids, enterprise_ids=[enterprise.pk])
    before = audit_snapshot(locked, ("participants", "products"))
    CampaignParticipant.objects.create(campaign=locked, enterprise=enterprise, joined_by=actor)
    locked.products.add(*products)
    audit_record(actor=actor, action="join", target=locked, before=before)
    return locked


@transaction.atomic
def campaign_publish(*, campaign: Campaign, actor: Any) -> Campaign:
    """Publish a campaign: its public page opens, a joint-promotion post goes to the feed, the
    participants are recorded as a collaboration (two or more), and those who joined are told."""
    locked = _lock_campaign(campaign)
    if locked.status == CampaignStatus.PUBLISHED:
        raise ConflictError(_("This campaign is published already."), code=errors.CAMPAIGN_PUBLISHED)
    before = audit_snapshot(locked, ("status",))
    locked.status, locked.published_at = CampaignStatus.PUBLISHED, timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(actor=actor, action="publish", target=locked, before=before)
    participations = list(locked.participations.select_related("enterprise", "joined_by"))
    names = ", ".join(p.enterprise.name for p in participations)
    post = Post(
        kind=PostKind.PROMOTION,
        title=locked.title,
        body=f"{locked.story}\n\n{_('Taking part')}: {names}\n\n[{_('Campaign page')}](/campaigns/{locked.pk})",
        author=actor,
        enterprise_id=locked.enterprise_id,
        campaign=locked,
    )
    post.body_html = render_markdown(post.body)
    _refresh_search(post, [])
    post.save()
    audit_record(actor=actor, action=AuditAction.CREATE, target=post, before=dict.fromkeys(AUDIT_POST_FIELDS))
    if len(participations) >= 2:
        collaboration = Collaboration.objects.create(campaign=locked, title=locked.title, matched_by=actor)
        CollaborationPartner.objects.bulk_create(
            [CollaborationPartner(collaboration=collaboration, enterprise_id=p.enterprise_id) for p in participations]
        )
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=collaboration,
            changes={"partners": [None, sorted(p.enterprise.name for p in participations)]},
        )
    for user in {p.joined_by_id: p.joined_by for p in participations if p.joined_by_id != actor.pk}.values():
        notify(
            user=user,
            kind=kinds.CAMPAIGN_PUBLISHED,
            title=gettext_lazy("Campaign published: %(title)s"),
            body=gettext_lazy("The joint promotion you joined is now public."),
            params={"title": locked.title},
            url=f"/campaigns/{locked.pk}",
            data={"campaign_id": locked.pk},
        )
    return locked
