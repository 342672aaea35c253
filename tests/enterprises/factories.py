import factory

from api.enterprises import services
from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    Membership,
    MembershipRole,
    Product,
    ProgressTarget,
    Sector,
    VerificationStatus,
)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"enterprise-{n}")
    name = factory.Sequence(lambda n: f"사회적기업{n}")
    kind = EnterpriseKind.COOPERATIVE
    sector = Sector.FOOD
    district = "ilsandong"
    employees_total = 5
    employees_vulnerable = 2
    verification_status = VerificationStatus.VERIFIED

    @factory.post_generation
    def _search(obj, create, extracted, **kwargs):
        # Rows made here bypass the services; keep their search columns as the services would.
        if create:
            services.enterprise_search_refresh(enterprise_id=obj.pk)
            obj.refresh_from_db(fields=["search_document", "name_initials"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    enterprise = factory.SubFactory(EnterpriseFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    role = MembershipRole.OWNER


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"상품{n}")
    price = 5000

    @factory.post_generation
    def _search(obj, create, extracted, **kwargs):
        if create:
            services.product_search_refresh(product_id=obj.pk)
            services.enterprise_search_refresh(enterprise_id=obj.enterprise_id)


class ProgressTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressTarget

    year = 2015
    organisations = 200
    jobs = 1000
