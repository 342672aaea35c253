"""Organisation A (owned by member_a) and organisation B (owned by member_b), each with a product.

Archived (soft-deleted) ones, seen only by coordinators: ``enterprise_archived`` (owned by
member_b) and ``product_archived`` (of A).

Also: an editor of A who is nobody else (``editor_a``, for member removal), a pending organisation
submitted by the citizen (``enterprise_pending``, invisible to everyone else but coordinators) and
the city's 2015 target.
"""

from django.utils import timezone

from api.enterprises.models import EnterpriseKind, MembershipRole, VerificationStatus
from tests.accounts.factories import UserFactory
from tests.enterprises.factories import EnterpriseFactory, MembershipFactory, ProductFactory, ProgressTargetFactory

ORDER = 20


def build(world) -> None:
    world.enterprise_a = EnterpriseFactory(
        slug="wecan-cookie",
        name="위캔쿠키",
        kind=EnterpriseKind.SOCIAL,
        district="ilsandong",
        employees_total=58,
        employees_vulnerable=40,
    )
    world.enterprise_b = EnterpriseFactory(slug="haengbok-coop", name="행복협동조합", district="deogyang")
    MembershipFactory(enterprise=world.enterprise_a, user=world.user("member_a"), role=MembershipRole.OWNER)
    MembershipFactory(enterprise=world.enterprise_b, user=world.user("member_b"), role=MembershipRole.OWNER)
    world.product_a = ProductFactory(enterprise=world.enterprise_a, name="수제 쿠키 세트", price=12000)
    world.product_b = ProductFactory(enterprise=world.enterprise_b, name="친환경 비누", price=6000)
    world.editor_a = UserFactory(email="editor-a@example.com", display_name="편집 담당")
    world.membership_editor_a = MembershipFactory(
        enterprise=world.enterprise_a, user=world.editor_a, role=MembershipRole.EDITOR
    )
    world.enterprise_pending = EnterpriseFactory(
        slug="pending-coop",
        name="새싹협동조합",
        district="ilsanseo",
        verification_status=VerificationStatus.PENDING,
        submitted_by=world.user("citizen"),
    )
    world.target_2015 = ProgressTargetFactory(year=2015, organisations=200, jobs=1000)
    world.enterprise_archived = EnterpriseFactory(
        slug="closed-coop", name="해산협동조합", district="deogyang", archived_at=timezone.now(), archive_reason="해산"
    )
    MembershipFactory(enterprise=world.enterprise_archived, user=world.user("member_b"), role=MembershipRole.OWNER)
    world.product_archived = ProductFactory(
        enterprise=world.enterprise_a, name="단종 쿠키", price=3000, archived_at=timezone.now()
    )
    # Plain values for path templates in permission rows: "{enterprise_a_slug}", "{product_a_id}".
    world.enterprise_a_slug = world.enterprise_a.slug
    world.enterprise_a_id = world.enterprise_a.pk
    world.enterprise_b_slug = world.enterprise_b.slug
    world.enterprise_pending_slug = world.enterprise_pending.slug
    world.product_a_id = world.product_a.pk
    world.product_b_id = world.product_b.pk
    world.membership_editor_a_id = world.membership_editor_a.pk
    world.enterprise_archived_slug = world.enterprise_archived.slug
    world.product_archived_id = world.product_archived.pk
