from datetime import timedelta

import factory
from django.utils import timezone

from api.events.models import BoothCategory, Event, EventKind, Registration, RegistrationStatus


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"행사{n}")
    kind = EventKind.WORKSHOP
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    venue_name = "고양시정연수원"
    capacity = 10

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.hosts.set(extracted)

    @factory.post_generation
    def organisers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisers.set(extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    status = RegistrationStatus.CONFIRMED
    queued_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


class BoothCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoothCategory

    event = factory.SubFactory(EventFactory)
    category = "food"
    name = "먹거리"
    booths = 5
