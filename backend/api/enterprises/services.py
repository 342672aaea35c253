"""Write-side rules of the directory. Views and the CSV importer call these; nothing else writes.

Each service runs in ``transaction.atomic()`` and re-reads the rows it changes with
``select_for_update()``. Search columns (``search_document``, ``name_initials``) are recomputed by
``enterprise_search_refresh`` / ``product_search_refresh`` after every change that affects them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from rest_framework.exceptions import ErrorDetail, PermissionDenied, ValidationError

from api.accounts import selectors as accounts
from api.audit.services import AuditAction, audit_archive, audit_diff, audit_record, audit_restore, audit_snapshot
from api.common.errors import ApiError, ConflictError, flatten_validation_errors, validation_error
from api.common.images import stored_name
from api.common.permissions import has_enterprise_role, is_coordinator
from api.enterprises import errors, selectors
from api.enterprises.csv_io import HEADER_OF, CsvFileError, ParsedRow, parse
from api.enterprises.models import (
    CERTIFIED_KINDS,
    Enterprise,
    Membership,
    MembershipRole,
    Product,
    ProgressTarget,
    SocialLink,
    Tag,
    VerificationStatus,
)
from api.enterprises.search import build_document, hangul_initials

# Fields a client may set on an organisation (the rest are kept by the services).
ENTERPRISE_FIELDS = (
    "name",
    "name_en",
    "kind",
    "certification_number",
    "certified_on",
    "certification_expires_on",
    "sector",
    "social_mission",
    "description",
    "district",
    "address",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "founded_on",
    "employees_total",
    "employees_vulnerable",
    "vulnerable_groups",
    "status",
)
PRODUCT_FIELDS = ("name", "description", "price", "category", "order_url", "order_contact", "is_available")
# What the audit log records of each change (``{field: [old, new]}``).
AUDIT_ENTERPRISE_FIELDS = (*ENTERPRISE_FIELDS, "tags", "social_links", "verification_status")
AUDIT_PRODUCT_FIELDS = (*PRODUCT_FIELDS, "enterprise")


class EnterpriseFields(TypedDict, total=False):
    """The fields of an organisation a client (or the CSV import) sets: ``ENTERPRISE_FIELDS``."""

    name: str
    name_en: str
    kind: str
    certification_number: str | None
    certified_on: date | None
    certification_expires_on: date | None
    sector: str
    social_mission: str
    description: str
    district: str
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    phone: str
    email: str
    website: str
    founded_on: date | None
    employees_total: int
    employees_vulnerable: int
    vulnerable_groups: list[str]
    status: str


class ProductFields(TypedDict, total=False):
    """The fields of a product a client sets: ``PRODUCT_FIELDS``."""

    name: str
    description: str
    price: int | None
    category: str
    order_url: str
    order_contact: str
    is_available: bool


class ImportResult(TypedDict):
    dry_run: bool
    encoding: str
    rows: int
    created: int
    updated: int


# --- Search columns ----------------------------------------------------------------------------------


def enterprise_search_columns(enterprise: Enterprise, *, tags: list[str], product_names: list[str]) -> dict[str, str]:
    """The search columns of an organisation from its fields, tag names and product names (sorted)."""
    document = build_document(
        [enterprise.name, enterprise.name_en, enterprise.social_mission, enterprise.description, *tags, *product_names]
    )
    return {"search_document": document, "name_initials": hangul_initials(enterprise.name)[:120]}


def product_search_columns(product: Product) -> dict[str, str]:
    return {"search_document": build_document([product.name, product.description])}


def enterprise_search_refresh(*, enterprise_id: int) -> None:
    """Recompute the organisation's search text (names, mission, description, tags, product names)."""
    enterprise = Enterprise.objects.filter(pk=enterprise_id).first()
    if enterprise is None:
        return
    tags = list(enterprise.tags.order_by("name").values_list("name", flat=True))
    products = list(
        enterprise.products.filter(archived_at__isnull=True).order_by("name").values_list("name", flat=True)
    )
    Enterprise.objects.filter(pk=enterprise_id).update(
        **enterprise_search_columns(enterprise, tags=tags, product_names=products)
    )


def product_search_refresh(*, product_id: int) -> None:
    product = Product.objects.filter(pk=product_id).only("name", "description").first()
    if product is not None:
        Product.objects.filter(pk=product_id).update(**product_search_columns(product))


# --- Organisations ----------------------------------------------------------------------------------


def _others(exclude_pk: int | None) -> QuerySet[Enterprise]:
    """Every organisation but the one being changed (all of them for a new one)."""
    return Enterprise.objects.exclude(pk=exclude_pk) if exclude_pk is not None else Enterprise.objects.all()


def _unique_slug(base: str, *, exclude_pk: int | None = None) -> str:
    root = slugify(base, allow_unicode=True)[:70].strip("-") or "enterprise"
    candidate, n = root, 1
    while _others(exclude_pk).filter(slug=candidate).exists():
        n += 1
        candidate = f"{root}-{n}"
    return candidate


def _check_rules(values: dict[str, Any], *, exclude_pk: int | None = None) -> None:
    """Rules across fields; ``values`` is the organisation's state after the change."""
    total = values.get("employees_total") or 0
    vulnerable = values.get("employees_vulnerable") or 0
    if vulnerable > total:
        raise validation_error(
            "employees_vulnerable",
            _("Employees from vulnerable groups (%(vulnerable)d) cannot exceed total employees (%(total)d).")
            % {"vulnerable": vulnerable, "total": total},
            code=errors.EXCEEDS_TOTAL,
        )
    number = values.get("certification_number")
    if values.get("kind") not in CERTIFIED_KINDS:
        for field in ("certification_number", "certified_on", "certification_expires_on"):
            if values.get(field):
                raise validation_error(
                    field, _("This kind of organisation has no certification."), code=errors.NOT_CERTIFIABLE
                )
    certified_on, expires_on = values.get("certified_on"), values.get("certification_expires_on")
    if certified_on and expires_on and expires_on < certified_on:
        raise validation_error(
            "certification_expires_on", _("The end of validity is before the certification date."), code="invalid"
        )
    if number and _others(exclude_pk).filter(certification_number=number).exists():
        raise ConflictError(
            _("Another organisation already has certification number %(number)s.") % {"number": number},
            code=errors.DUPLICATE_CERTIFICATION_NUMBER,
            field="certification_number",
        )


def _set_tags(enterprise: Enterprise, names: list[str]) -> None:
    wanted = sorted({n.strip() for n in names if n and n.strip()})
    tags = []
    for name in wanted:
        tag, _created = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    enterprise.tags.set(tags)


def _set_links(enterprise: Enterprise, links: list[dict[str, Any]]) -> None:
    enterprise.social_links.all().delete()
    SocialLink.objects.bulk_create(
        SocialLink(
            enterprise=enterprise,
            kind=link["kind"],
            url=link["url"],
            label=link.get("label", ""),
            followers=link.get("followers"),
            position=index,
        )
        for index, link in enumerate(links)
    )


@transaction.atomic
def enterprise_create(
    *,
    user: Any,
    tags: list[str] | None = None,
    social_links: list[dict[str, Any]] | None = None,
    slug: str | None = None,
    verified: bool = False,
    add_owner: bool = True,
    **fields: Unpack[EnterpriseFields],
) -> Enterprise:
    """Create an organisation. The submitter becomes its owner (unless ``add_owner`` is off).

    It starts pending unless a coordinator submits it (their entries are verified at once) or
    ``verified`` (imports, demo data): a pending organisation is visible only to its submitter, its
    members and coordinators.
    """
    verified = verified or is_coordinator(user)
    values: dict[str, Any] = {k: v for k, v in fields.items() if k in ENTERPRISE_FIELDS}
    values["certification_number"] = values.get("certification_number") or None
    _check_rules(values)
    if slug and Enterprise.objects.filter(slug=slug).exists():
        raise ConflictError(
            _("The address %(slug)s is taken.") % {"slug": slug}, code=errors.DUPLICATE_SLUG, field="slug"
        )
    enterprise = Enterprise(**values, slug=slug or _unique_slug(values.get("name_en") or values["name"]))
    enterprise.submitted_by = user if user is not None and user.is_authenticated else None
    if verified:
        enterprise.verification_status = VerificationStatus.VERIFIED
        enterprise.verified_at = timezone.now()
        enterprise.verified_by = enterprise.submitted_by
    enterprise.full_clean(exclude=["slug", "logo", "district"], validate_unique=False)
    enterprise.save()
    if tags:
        _set_tags(enterprise, tags)
    if social_links:
        _set_links(enterprise, social_links)
    if add_owner and enterprise.submitted_by is not None:
        owner = Membership.objects.create(
            enterprise=enterprise, user=enterprise.submitted_by, role=MembershipRole.OWNER
        )
        audit_record(
            actor=user,
            action=AuditAction.CREATE,
            target=owner,
            before=dict.fromkeys(("user", "enterprise", "role")),
            label=_membership_label(owner),
        )
    enterprise_search_refresh(enterprise_id=enterprise.pk)
    audit_record(
        actor=user, action=AuditAction.CREATE, target=enterprise, before=dict.fromkeys(AUDIT_ENTERPRISE_FIELDS)
    )
    return enterprise


@transaction.atomic
def enterprise_update(
    *,
    enterprise: Enterprise,
    tags: list[str] | None = None,
    social_links: list[dict[str, Any]] | None = None,
    actor: Any = None,
    **changes: Unpack[EnterpriseFields],
) -> Enterprise:
    """Change an organisation's fields; ``tags`` / ``social_links`` replace the lists when given."""
    locked = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    before = audit_snapshot(locked, AUDIT_ENTERPRISE_FIELDS)
    values: dict[str, Any] = {k: v for k, v in changes.items() if k in ENTERPRISE_FIELDS}
    if "certification_number" in values:
        values["certification_number"] = values["certification_number"] or None
    state = {field: getattr(locked, field) for field in ENTERPRISE_FIELDS} | values
    _check_rules(state, exclude_pk=locked.pk)
    for field, value in values.items():
        setattr(locked, field, value)
    locked.full_clean(exclude=["slug", "logo", "district"], validate_unique=False)
    locked.save()
    if tags is not None:
        _set_tags(locked, tags)
    if social_links is not None:
        _set_links(locked, social_links)
    enterprise_search_refresh(enterprise_id=locked.pk)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def enterprise_set_verification(*, enterprise: Enterprise, user: Any, verified: bool) -> Enterprise:
    """A coordinator verifies (badge, public) or rejects (hidden again) an organisation."""
    locked = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    before = audit_snapshot(locked, ("verification_status", "verified_at"))
    if verified:
        locked.verification_status = VerificationStatus.VERIFIED
        locked.verified_at = timezone.now()
        locked.verified_by = user
    else:
        locked.verification_status = VerificationStatus.REJECTED
        locked.verified_at = None
        locked.verified_by = None
    locked.save(update_fields=["verification_status", "verified_at", "verified_by", "updated_at"])
    audit_record(
        actor=user, action=AuditAction.VERIFY if verified else AuditAction.REJECT, target=locked, before=before
    )
    return locked


def _replace_file(instance: Any, field: str, upload: UploadedFile | None, fmt: str | None) -> None:
    file_field = getattr(instance, field)
    old = file_field.name if file_field else ""
    if upload is not None and fmt is not None:
        file_field.save(stored_name(fmt), upload, save=False)
    else:
        setattr(instance, field, "")
    instance.save(update_fields=[field, "updated_at"])
    if old:
        storage = file_field.storage
        # Only once the new state is committed may the old file go.
        transaction.on_commit(lambda: storage.delete(old))


@transaction.atomic
def enterprise_set_logo(
    *, enterprise: Enterprise, upload: UploadedFile | None, fmt: str | None = None, actor: Any = None
) -> Enterprise:
    """Store a checked image (see ``images.image_check``) as the logo, or remove it (``upload=None``)."""
    locked = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    before = audit_snapshot(locked, ("logo",))
    _replace_file(locked, "logo", upload, fmt)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


# --- Members ----------------------------------------------------------------------------------------


@transaction.atomic
def membership_add(*, enterprise: Enterprise, email: str, role: str, actor: Any = None) -> Membership:
    """Give a registered user (found by e-mail) a role in the organisation, or change their role."""
    Enterprise.objects.select_for_update().filter(pk=enterprise.pk).first()
    user = accounts.user_active_by_email(email=email)
    if user is None:
        raise validation_error("email", _("No registered user has this e-mail address."), code=errors.UNKNOWN_USER)
    membership = Membership.objects.filter(enterprise=enterprise, user=user).first()
    if membership is None:
        membership = Membership.objects.create(enterprise=enterprise, user=user, role=role)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            target=membership,
            before=dict.fromkeys(("user", "enterprise", "role")),
            label=_membership_label(membership),
        )
        return membership
    if membership.role == MembershipRole.OWNER and role != MembershipRole.OWNER:
        _check_not_last_owner(enterprise=enterprise, membership=membership)
    before = audit_snapshot(membership, ("role",))
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=membership, before=before, label=_membership_label(membership)
    )
    return membership


def _check_not_last_owner(*, enterprise: Enterprise, membership: Membership) -> None:
    owners = Membership.objects.filter(enterprise=enterprise, role=MembershipRole.OWNER).exclude(pk=membership.pk)
    if not owners.exists():
        raise ConflictError(
            _("An organisation keeps at least one owner: name another owner first."), code=errors.LAST_OWNER
        )


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Any = None) -> None:
    """Remove a member. The last owner cannot be removed (409 ``last_owner``)."""
    # Lock the organisation: two owners removing each other at once must not leave it ownerless.
    Enterprise.objects.select_for_update().filter(pk=membership.enterprise_id).first()
    locked = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if locked is None:
        return
    if locked.role == MembershipRole.OWNER:
        _check_not_last_owner(enterprise=locked.enterprise, membership=locked)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        target=locked,
        changes=audit_diff(audit_snapshot(locked, ("user", "enterprise", "role")), {}),
        label=_membership_label(locked),
    )
    locked.delete()


# --- Products ---------------------------------------------------------------------------------------


@transaction.atomic
def product_create(*, actor: Any, enterprise: Enterprise, **fields: Unpack[ProductFields]) -> Product:
    """Add a product to an organisation the actor may see (else 400 ``does_not_exist`` on
    ``enterprise``) and edit (owner, editor or coordinator; else 403)."""
    if not selectors.enterprise_list(user=actor).filter(pk=enterprise.pk).exists():
        raise validation_error("enterprise", _("No such organisation."), code="does_not_exist")
    if not (is_coordinator(actor) or has_enterprise_role(actor, enterprise)):
        raise PermissionDenied()
    product = Product(enterprise=enterprise, **{k: v for k, v in fields.items() if k in PRODUCT_FIELDS})
    product.full_clean(exclude=["image", "enterprise"])
    product.save()
    product_search_refresh(product_id=product.pk)
    enterprise_search_refresh(enterprise_id=enterprise.pk)
    audit_record(actor=actor, action=AuditAction.CREATE, target=product, before=dict.fromkeys(AUDIT_PRODUCT_FIELDS))
    return product


@transaction.atomic
def product_update(*, product: Product, actor: Any = None, **changes: Unpack[ProductFields]) -> Product:
    locked = Product.objects.select_for_update().get(pk=product.pk)
    before = audit_snapshot(locked, AUDIT_PRODUCT_FIELDS)
    for field, value in changes.items():
        if field in PRODUCT_FIELDS:
            setattr(locked, field, value)
    locked.full_clean(exclude=["image", "enterprise"])
    locked.save()
    product_search_refresh(product_id=locked.pk)
    enterprise_search_refresh(enterprise_id=locked.enterprise_id)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


@transaction.atomic
def product_set_image(
    *, product: Product, upload: UploadedFile | None, fmt: str | None = None, actor: Any = None
) -> Product:
    locked = Product.objects.select_for_update().get(pk=product.pk)
    before = audit_snapshot(locked, ("image",))
    _replace_file(locked, "image", upload, fmt)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, before=before)
    return locked


# --- Targets ----------------------------------------------------------------------------------------


@transaction.atomic
def progress_target_create(*, year: int, organisations: int, jobs: int, note: str = "") -> ProgressTarget:
    if ProgressTarget.objects.filter(year=year).exists():
        raise ConflictError(
            _("A target for %(year)d exists already: change it instead.") % {"year": year},
            code=errors.DUPLICATE_YEAR,
            field="year",
        )
    return ProgressTarget.objects.create(year=year, organisations=organisations, jobs=jobs, note=note)


@transaction.atomic
def progress_target_update(
    *,
    target: ProgressTarget,
    year: int | None = None,
    organisations: int | None = None,
    jobs: int | None = None,
    note: str | None = None,
) -> ProgressTarget:
    """Change the fields given (``None``: unchanged). Another year's target is 409 ``duplicate_year``."""
    locked = ProgressTarget.objects.select_for_update().get(pk=target.pk)
    if year is not None and year != locked.year and ProgressTarget.objects.filter(year=year).exists():
        raise ConflictError(
            _("A target for %(year)d exists already: change it instead.") % {"year": year},
            code=errors.DUPLICATE_YEAR,
            field="year",
        )
    if year is not None:
        locked.year = year
    if organisations is not None:
        locked.organisations = organisations
    if jobs is not None:
        locked.jobs = jobs
    if note is not None:
        locked.note = note
    locked.save()
    return locked


@transaction.atomic
def progress_target_delete(*, target: ProgressTarget) -> None:
    ProgressTarget.objects.select_for_update().filter(pk=target.pk).delete()


# --- CSV import -------------------------------------------------------------------------------------


def rows_error(errors: list[dict[str, Any]]) -> ValidationError:
    """One 400 whose ``errors`` list names each row and column (``rows[3].기업유형``)."""
    detail: dict[str, list[ErrorDetail]] = {}
    for item in errors:
        detail.setdefault(item["field"], []).append(ErrorDetail(item["message"], code=item["code"]))
    return ValidationError(detail)


def _find_existing(values: dict[str, Any]) -> Enterprise | None:
    number = values.get("certification_number")
    if number:
        found = Enterprise.objects.filter(certification_number=number).first()
        if found is not None:
            return found
    return Enterprise.objects.filter(name=values["name"], district=values["district"]).order_by("id").first()


@transaction.atomic
def enterprise_import(*, rows: list[ParsedRow], user: Any, dry_run: bool = False) -> dict[str, int]:
    """Upsert parsed CSV rows, all or nothing.

    A row updates the organisation with its certification number, else the one with its name in
    its district, else creates a verified one; a row matching an archived organisation is an error
    (``enterprise_archived``: a coordinator restores it first). Any row error raises a 400 listing every error as
    ``rows[N].<header>``; nothing is written then, nor with ``dry_run`` (which still runs every rule).
    """
    created = updated = 0
    row_errors: list[dict[str, Any]] = []
    for row in rows:
        try:
            with transaction.atomic():
                existing = _find_existing(row.values)
                if existing is not None and existing.archived_at is not None:
                    # An archived organisation changes only after a coordinator restores it.
                    raise validation_error(
                        "name",
                        _("%(name)s is archived: restore it before importing changes to it.") % {"name": existing.name},
                        code=errors.ENTERPRISE_ARCHIVED,
                    )
                if existing is None:
                    enterprise_create(user=user, tags=row.tags, verified=True, add_owner=False, **row.values)
                    created += 1
                else:
                    enterprise_update(enterprise=existing, tags=row.tags, actor=user, **row.values)
                    updated += 1
        except (ApiError, ValidationError) as exc:
            detail = (
                exc.detail if isinstance(exc, ValidationError) else {getattr(exc, "field", None) or "": [exc.detail]}
            )
            for item in flatten_validation_errors(detail):
                column = HEADER_OF.get(item["field"] or "", item["field"] or "")
                row_errors.append({**item, "field": f"rows[{row.line}].{column}" if column else f"rows[{row.line}]"})
        except DjangoValidationError as exc:
            for fld, messages in exc.message_dict.items():
                column = HEADER_OF.get(fld, "" if fld == "__all__" else fld)
                for message in messages:
                    row_errors.append(
                        {
                            "field": f"rows[{row.line}].{column}" if column else f"rows[{row.line}]",
                            "code": "invalid",
                            "message": message,
                        }
                    )
    if row_errors:
        raise rows_error(row_errors)
    if dry_run:
        transaction.set_rollback(True)
    return {"created": created, "updated": updated}


# --- Archive (soft delete) and restore -------------------------------------------------------------


def _membership_label(membership: Membership) -> str:
    user = membership.user
    return f"{getattr(user, 'display_name', '') or f'#{user.pk}'} @ {membership.enterprise.name}"


@transaction.atomic
def enterprise_archive(*, enterprise: Enterprise, actor: Any, reason: str = "") -> Enterprise:
    """Archive (soft-delete) an organisation: from now on only coordinators see it (404 for others).

    Nothing is removed: its products, members, links and booth applications stay, hidden with it,
    and its members lose their roles' rights until it is restored. Its pending, waitlisted and
    accepted booth applications for events that have not started are withdrawn, and each booth so
    freed goes to the next organisation on the category's waiting list, who is notified (the
    events domain's own rule). 409 ``already_archived``.
    """
    from api.events.services import booth_applications_withdraw_for_enterprise

    locked = audit_archive(row=enterprise, actor=actor, reason=reason)
    booth_applications_withdraw_for_enterprise(enterprise=locked, actor=actor, reason=reason)
    return locked


@transaction.atomic
def enterprise_restore(*, enterprise: Enterprise, actor: Any, reason: str = "") -> Enterprise:
    """A coordinator brings an archived organisation back as it was (withdrawn booth applications
    stay withdrawn: the organisation applies again). 409 ``not_archived``."""
    return audit_restore(row=enterprise, actor=actor, reason=reason)


@transaction.atomic
def product_archive(*, product: Product, actor: Any, reason: str = "") -> Product:
    """Archive a product: hidden from the catalogue, its organisation's page and search.

    It leaves the booth showcases of events that have not started (the event's organisers are told
    when an accepted exhibitor's showcase shrinks); past events keep it in their history, hidden
    from the public. 409 ``already_archived``.
    """
    from api.events.services import booth_showcases_remove_product

    locked = audit_archive(row=product, actor=actor, reason=reason)
    enterprise_search_refresh(enterprise_id=locked.enterprise_id)
    booth_showcases_remove_product(product=locked, actor=actor)
    return locked


@transaction.atomic
def product_restore(*, product: Product, actor: Any, reason: str = "") -> Product:
    """A coordinator brings an archived product back (showcases it left are not refilled). 409 ``not_archived``."""
    locked = audit_restore(row=product, actor=actor, reason=reason)
    enterprise_search_refresh(enterprise_id=locked.enterprise_id)
    return locked


def enterprise_import_csv(*, content: bytes, user: Any, dry_run: bool = False) -> ImportResult:
    """The whole CSV import, for the endpoint and ``manage.py import_enterprises`` alike: detect the
    encoding and parse (a file that is no CSV of ours: 400 on ``file``), refuse any row error (400
    naming ``rows[N].<column>``), then upsert all rows or none (``enterprise_import``)."""
    try:
        parsed = parse(content)
    except CsvFileError as exc:
        raise validation_error("file", exc.message, code=exc.code) from None
    if parsed.errors:
        raise rows_error(parsed.errors)
    counts = enterprise_import(rows=parsed.rows, user=user, dry_run=dry_run)
    return {
        "dry_run": dry_run,
        "encoding": parsed.encoding,
        "rows": len(parsed.rows),
        "created": counts["created"],
        "updated": counts["updated"],
    }
