import factory

from api.enterprises.models import (
    Enterprise,
    EnterpriseKind,
    Membership,
    MembershipRole,
    Product,
    Sector,
    VerificationStatus,
)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    slug = factory.Sequence(lambda n: f"enterprise-{n}")
    name = factory.Sequence(lambda n: f"사회적기업{n}")
    kind = EnterpriseKind.COOPERATIVE
    sector = Sector.FOOD
    district = "ilsandong"
    employees_total = 5
    employees_vulnerable = 2
    verification_status = VerificationStatus.VERIFIED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    enterprise = factory.SubFactory(EnterpriseFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    role = MembershipRole.OWNER


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"상품{n}")
    price = 5000
