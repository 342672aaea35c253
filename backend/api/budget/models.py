"""The open budget: items of public support, their executions (and reversals), amendments of the
allocation, evidence, and the append-only ledger that records every change in a hash chain.

Money is in won, whole numbers (``BigIntegerField``). Nothing here is ever deleted: a wrong
execution is reversed by a new entry, an allocation is amended with a reason, an item is cancelled
with a reason. The rules are checked by the services under row locks and again by the database
(check constraints on the maintained totals; triggers that make the ledger append-only).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

# Organisations ("enterprises.Enterprise") and events ("events.Event") belong to other domains:
# referenced by name, never imported.

GENESIS_HASH = "0" * 64  # the "previous hash" of the first ledger entry


class BudgetCategory(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel costs")  # 인건비
    OPERATIONS = "operations", _("Operating costs")  # 운영비
    PROJECT = "project", _("Project costs")  # 사업비
    GRANT = "grant", _("Grants")  # 보조금
    EVENT = "event", _("Event costs")  # 행사비
    OTHER = "other", _("Other")  # 기타


class FundingSource(models.TextChoices):
    NATIONAL = "national", _("National")  # 국비
    PROVINCIAL = "provincial", _("Provincial")  # 도비
    CITY = "city", _("City")  # 시비
    OWN = "own", _("Own contribution")  # 자부담
    PRIVATE = "private", _("Private")  # 민간


class BudgetItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    APPROVED = "approved", _("Approved")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class EvidenceKind(models.TextChoices):
    DECISION = "decision", _("Decision")  # 결정문
    CONTRACT = "contract", _("Contract")  # 계약서
    REPORT = "report", _("Report")  # 보고서
    RECEIPT = "receipt", _("Receipt")  # 영수증
    OTHER = "other", _("Other document")


class ExecutionKind(models.TextChoices):
    EXECUTION = "execution", _("Execution")  # 집행
    REVERSAL = "reversal", _("Reversal")  # 집행 취소(역분개)


class BudgetProgramme(models.Model):
    """A city programme budget items belong to (labour-cost support, market development…): a list
    coordinators keep. Never deleted; an old one is marked inactive."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("budget programme")
        verbose_name_plural = _("budget programmes")
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="budget_programme_name_not_empty")]

    def __str__(self) -> str:
        return self.name


class BudgetItem(models.Model):
    """One line of the budget: a fiscal year's allocation for a programme, category and funding
    source, optionally to one recipient organisation.

    ``executed_amount`` is maintained by the services in the transaction of every execution and
    reversal (the net sum of the item's executions); the database refuses it above the allocation.
    ``recipient_kind`` and ``district`` are the recipient's kind and district when the item was
    made (or its recipient changed): the summaries group by them without reaching the directory.
    """

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    programme = models.ForeignKey(
        BudgetProgramme, on_delete=models.PROTECT, related_name="items", verbose_name=_("programme")
    )
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    funding_source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    allocated_amount = models.BigIntegerField(_("allocated amount (won)"))
    executed_amount = models.BigIntegerField(_("executed amount (won)"), default=0)
    recipient = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_items",
        verbose_name=_("recipient"),
    )
    recipient_kind = models.CharField(_("recipient kind"), max_length=24, blank=True)
    district = models.CharField(_("district"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=BudgetItemStatus.choices, default=BudgetItemStatus.PLANNED
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    events = models.ManyToManyField(
        "events.Event", related_name="budget_items", blank=True, verbose_name=_("events funded")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-fiscal_year", "programme__position", "id"]
        verbose_name = _("budget item")
        verbose_name_plural = _("budget items")
        indexes = [
            models.Index(fields=["fiscal_year", "programme"], name="budget_item_year_programme"),
            models.Index(fields=["recipient", "fiscal_year"], name="budget_item_recipient"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="budget_item_title_not_empty"),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=2000, fiscal_year__lte=2100), name="budget_item_fiscal_year_range"
            ),
            models.CheckConstraint(condition=Q(allocated_amount__gte=0), name="budget_item_allocated_not_negative"),
            models.CheckConstraint(condition=Q(executed_amount__gte=0), name="budget_item_executed_not_negative"),
            # The rule of the whole domain, kept by the database too: never more spent than allocated.
            models.CheckConstraint(
                condition=Q(executed_amount__lte=F("allocated_amount")), name="budget_item_executed_within_allocation"
            ),
            models.CheckConstraint(
                condition=~Q(status=BudgetItemStatus.CANCELLED) | ~Q(status_reason=""),
                name="budget_item_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=BudgetItemStatus.CANCELLED) | Q(executed_amount=0),
                name="budget_item_cancelled_nothing_executed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def remaining_amount(self) -> int:
        return self.allocated_amount - self.executed_amount


class BudgetExecution(models.Model):
    """Money paid out of an item (``amount`` > 0), or the reversal of such a payment (``amount`` < 0,
    ``reverses`` the execution, with a reason). A payment is reversed at most once (unique
    ``reverses``) and a reversal is never reversed. Rows are never changed."""

    item = models.ForeignKey(BudgetItem, on_delete=models.PROTECT, related_name="executions")
    kind = models.CharField(_("kind"), max_length=10, choices=ExecutionKind.choices, default=ExecutionKind.EXECUTION)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversal", verbose_name=_("reverses")
    )
    executed_on = models.DateField(_("date"))
    amount = models.BigIntegerField(_("amount (won)"))
    payee = models.CharField(_("payee"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["executed_on", "id"]
        verbose_name = _("budget execution")
        verbose_name_plural = _("budget executions")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=ExecutionKind.EXECUTION, amount__gt=0, reverses__isnull=True))
                | (Q(kind=ExecutionKind.REVERSAL, amount__lt=0, reverses__isnull=False) & ~Q(reason="")),
                name="budget_execution_kind_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"


class BudgetAmendment(models.Model):
    """A change of an item's allocation: old and new amounts, why, who and when."""

    item = models.ForeignKey(BudgetItem, on_delete=models.PROTECT, related_name="amendments")
    old_amount = models.BigIntegerField(_("old allocation (won)"))
    new_amount = models.BigIntegerField(_("new allocation (won)"))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("budget amendment")
        verbose_name_plural = _("budget amendments")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="budget_amendment_has_reason"),
            models.CheckConstraint(condition=Q(new_amount__gte=0), name="budget_amendment_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.old_amount} → {self.new_amount}"


class BudgetEvidence(models.Model):
    """A document backing an item or one of its executions (decision, contract, report, receipt): a
    link, or the file itself (checked by its content, stored under a random name, with its SHA-256
    and size, which the ledger records too). Exactly one of the two (a check constraint)."""

    item = models.ForeignKey(BudgetItem, on_delete=models.PROTECT, related_name="evidence")
    execution = models.ForeignKey(
        BudgetExecution, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500, blank=True, default="")
    file = models.FileField(_("file"), upload_to="budget/evidence/", max_length=200, blank=True, default="")
    filename = models.CharField(_("file name"), max_length=200, blank=True, default="")  # as uploaded, sanitised
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, default="")  # of the stored bytes, hex
    size = models.PositiveBigIntegerField(_("size"), null=True, blank=True)  # bytes
    content_type = models.CharField(_("content type"), max_length=100, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=(Q(url="") & ~Q(file="")) | (~Q(url="") & Q(file="")),
                name="budget_evidence_url_or_file",
            ),
            models.CheckConstraint(
                condition=Q(file="") | (Q(size__isnull=False) & ~Q(sha256="") & ~Q(content_type="")),
                name="budget_evidence_file_described",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_file(self) -> bool:
        return bool(self.file)


class BudgetTotal(models.Model):
    """Totals of one group of items (year × programme × category × source × recipient kind ×
    district), maintained in the transaction of every write, so that a summary reads a few rows.
    Cancelled items are not counted. Invariant (tested): equal to the sums replayed from the ledger."""

    fiscal_year = models.PositiveSmallIntegerField()
    programme = models.ForeignKey(BudgetProgramme, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20)
    funding_source = models.CharField(max_length=20)
    recipient_kind = models.CharField(max_length=24, blank=True)
    district = models.CharField(max_length=20, blank=True)
    allocated = models.BigIntegerField(default=0)
    executed = models.BigIntegerField(default=0)
    item_count = models.IntegerField(default=0)

    class Meta:
        ordering = ["fiscal_year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "programme", "category", "funding_source", "recipient_kind", "district"],
                name="budget_total_one_row_per_group",
            ),
            models.CheckConstraint(condition=Q(allocated__gte=0), name="budget_total_allocated_not_negative"),
            models.CheckConstraint(condition=Q(executed__gte=0), name="budget_total_executed_not_negative"),
            models.CheckConstraint(
                condition=Q(executed__lte=F("allocated")), name="budget_total_executed_within_allocation"
            ),
            models.CheckConstraint(condition=Q(item_count__gte=0), name="budget_total_item_count_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.programme_id} {self.category} {self.funding_source}"


class BudgetLedgerEntry(models.Model):
    """One change of the budget, in the public, append-only ledger (a hash chain).

    ``id`` is the entry's position (1, 2, 3… without gaps, assigned under the lock of the
    ``BudgetLedgerHead`` row). ``hash`` is the SHA-256 of the entry's canonical content, which
    includes ``prev_hash`` (the hash of the entry before): see ``api.budget.ledger``. The database
    refuses UPDATE and DELETE on this table (migration 0001).
    """

    id = models.BigIntegerField(primary_key=True)
    created_at = models.DateTimeField(_("when"))
    item = models.ForeignKey(BudgetItem, on_delete=models.PROTECT, related_name="ledger_entries")
    kind = models.CharField(_("kind"), max_length=20)
    data = models.JSONField(_("data"), default=dict)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["item", "id"], name="budget_ledger_item")]

    def __str__(self) -> str:
        return f"#{self.id} {self.kind} {self.item_id}"


class BudgetLedgerHead(models.Model):
    """The ledger's head, one row (pk 1): the last entry's position and hash. Every append locks it,
    so entries get consecutive positions and each links to the one truly before it."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"head #{self.seq}"
