"""The directory: social economy organisations, their members, links and products."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class EnterpriseKind(models.TextChoices):
    VILLAGE = "village", _("Village enterprise")  # 마을기업
    SOCIAL = "social", _("Certified social enterprise")  # 사회적기업
    PRE_SOCIAL = "pre_social", _("Pre-certified social enterprise")  # 예비사회적기업
    INCUBATED = "incubated", _("Incubated enterprise")  # 육성기업
    COOPERATIVE = "cooperative", _("Cooperative")  # 협동조합
    SOCIAL_COOPERATIVE = "social_cooperative", _("Social cooperative")  # 사회적협동조합
    SELF_SUFFICIENCY = "self_sufficiency", _("Self-sufficiency enterprise")  # 자활기업


# Kinds that carry a certification or designation number (and its dates).
CERTIFIED_KINDS = frozenset({EnterpriseKind.VILLAGE, EnterpriseKind.SOCIAL, EnterpriseKind.PRE_SOCIAL})


class Sector(models.TextChoices):
    FOOD = "food", _("Food and catering")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    EDUCATION = "education", _("Education")
    CARE = "care", _("Care and welfare")
    HEALTH = "health", _("Health")
    ENVIRONMENT = "environment", _("Environment and recycling")
    CULTURE = "culture", _("Culture and arts")
    TOURISM = "tourism", _("Tourism and leisure")
    AGRICULTURE = "agriculture", _("Agriculture and local food")
    HOUSING = "housing", _("Housing and repair")
    CLEANING = "cleaning", _("Cleaning and facility management")
    IT = "it", _("IT and media")
    RETAIL = "retail", _("Distribution and retail")
    FINANCE = "finance", _("Mutual finance")
    OTHER = "other", _("Other")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class VulnerableGroup(models.TextChoices):
    DISABLED = "disabled", _("People with disabilities")
    ELDERLY = "elderly", _("Older people")
    LOW_INCOME = "low_income", _("Low-income households")
    CAREER_BREAK_WOMEN = "career_break_women", _("Women with career breaks")
    MIGRANTS = "migrants", _("Marriage migrants and refugees")
    YOUTH = "youth", _("Young people at risk")
    NORTH_KOREAN_DEFECTORS = "north_korean_defectors", _("North Korean defectors")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed")
    OTHER = "other", _("Other vulnerable groups")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Enterprise(models.Model):
    """One social economy organisation.

    Submitted by a registered user it starts ``pending`` (visible to its submitter, its members and
    coordinators) until a coordinator verifies it. ``district`` is one of ``settings.SEHUB_DISTRICTS``.
    Employee counts are protected by database constraints (non-negative, vulnerable ≤ total).
    """

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    name = models.CharField(_("name (Korean)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=160, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=EnterpriseKind.choices)
    # NULL, not "", when absent: the partial unique constraint must ignore organisations without one.
    certification_number = models.CharField(_("certification number"), max_length=40, null=True, blank=True)  # noqa: DJ001
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    certification_expires_on = models.DateField(_("certification valid until"), null=True, blank=True)
    sector = models.CharField(_("sector"), max_length=24, choices=Sector.choices, default=Sector.OTHER)
    social_mission = models.TextField(_("social mission"), blank=True)
    description = models.TextField(_("description"), blank=True)
    district = models.CharField(_("district"), max_length=20)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    employees_total = models.PositiveIntegerField(_("employees"), default=0)
    employees_vulnerable = models.PositiveIntegerField(_("employees from vulnerable groups"), default=0)
    vulnerable_groups = models.JSONField(_("vulnerable groups employed"), default=list, blank=True)
    logo = models.ImageField(_("logo"), upload_to="enterprises/logos/", blank=True)
    tags = models.ManyToManyField(Tag, related_name="enterprises", blank=True, verbose_name=_("tags"))
    status = models.CharField(
        _("status"), max_length=10, choices=EnterpriseStatus.choices, default=EnterpriseStatus.ACTIVE
    )
    verification_status = models.CharField(
        _("verification"), max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    # Maintained by the services (api.enterprises.search): the text ``?search=`` matches (names,
    # mission, description, tags, product names) and the initial consonants of the name (초성).
    search_document = models.TextField(_("search text"), blank=True, default="", editable=False)
    name_initials = models.CharField(_("initial consonants of the name"), max_length=120, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="submitted_enterprises"
    )
    # Archived (soft-deleted) rows are hidden from everyone but coordinators; a coordinator restores them.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archive_reason = models.TextField(_("reason for archiving"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = [
            models.CheckConstraint(
                condition=Q(employees_vulnerable__lte=F("employees_total")),
                name="enterprise_vulnerable_lte_total",
                violation_error_message=_("Employees from vulnerable groups cannot exceed total employees."),
            ),
            models.UniqueConstraint(
                fields=["certification_number"],
                condition=Q(certification_number__isnull=False),
                name="enterprise_certification_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(certification_expires_on__isnull=True)
                | Q(certified_on__isnull=True)
                | Q(certification_expires_on__gte=F("certified_on")),
                name="enterprise_certification_dates_ordered",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="enterprise_name_not_empty"),
        ]
        indexes = [
            models.Index(fields=["kind"]),
            models.Index(fields=["district"]),
            models.Index(fields=["sector"]),
            models.Index(fields=["verification_status", "status"]),
        ]

    def __str__(self) -> str:
        return self.name

    def permission_enterprise_ids(self) -> list[int]:
        return [self.pk]

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")


class Membership(models.Model):
    """A user's role in one organisation. Owners invite and remove members; editors edit."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["enterprise_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "user"], name="membership_one_per_user_and_enterprise"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.enterprise_id}:{self.role}"


class SocialLinkKind(models.TextChoices):
    NAVER_BAND = "naver_band", _("Naver Band")
    KAKAO_CHANNEL = "kakao_channel", _("KakaoTalk channel")
    KAKAO_STORY = "kakao_story", _("KakaoStory")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    BLOG = "blog", _("Blog")
    NAVER_CAFE = "naver_cafe", _("Naver Café")
    YOUTUBE = "youtube", _("YouTube")
    OTHER = "other", _("Other")


class SocialLink(models.Model):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="social_links")
    kind = models.CharField(_("kind"), max_length=20, choices=SocialLinkKind.choices)
    url = models.URLField(_("address"))
    label = models.CharField(_("label"), max_length=80, blank=True)
    followers = models.PositiveIntegerField(_("followers"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["enterprise_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.url}"


class ProductCategory(models.TextChoices):
    FOOD = "food", _("Food")
    CRAFTS = "crafts", _("Crafts")
    HOUSEHOLD = "household", _("Household goods")
    CLOTHING = "clothing", _("Clothing")
    AGRICULTURE = "agriculture", _("Farm produce")
    SERVICES = "services", _("Services")
    EDUCATION = "education", _("Education and experiences")
    CULTURE = "culture", _("Culture and performances")
    CARE = "care", _("Care")
    OTHER = "other", _("Other")


class Product(models.Model):
    """A product or service an organisation offers. ``price`` is in won; null means "on request"."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    price = models.PositiveIntegerField(_("price (won)"), null=True, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=ProductCategory.choices, default=ProductCategory.OTHER
    )
    image = models.ImageField(_("image"), upload_to="products/", blank=True)
    order_url = models.URLField(_("where to order (link)"), blank=True)
    order_contact = models.CharField(_("where to order (contact)"), max_length=120, blank=True)
    is_available = models.BooleanField(_("available"), default=True)
    # Name and description, maintained by the services for ``?search=``.
    search_document = models.TextField(_("search text"), blank=True, default="", editable=False)
    # Archived (soft-deleted) rows are hidden from everyone but coordinators; a coordinator restores them.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archive_reason = models.TextField(_("reason for archiving"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["enterprise_id", "name", "id"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="product_name_not_empty")]
        indexes = [models.Index(fields=["category"]), models.Index(fields=["is_available"])]

    def __str__(self) -> str:
        return self.name


class ProgressTarget(models.Model):
    """The city's goal for a year: how many organisations and jobs (2015 plan: 200 and 1,000).

    Coordinators edit them; ``/api/v1/stats/`` reports progress against each.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    organisations = models.PositiveIntegerField(_("target number of organisations"))
    jobs = models.PositiveIntegerField(_("target number of jobs"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("progress target")
        verbose_name_plural = _("progress targets")
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="progress_target_year_range"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.organisations} / {self.jobs}"
