"""The demo data set: the report's mix, the two real cases, idempotent, searchable."""

import pytest
from django.core.management import call_command

from api.enterprises.models import Enterprise, Membership, MembershipRole, Product, SocialLink

pytestmark = pytest.mark.django_db


def test_load_demo_is_idempotent_and_true_to_the_report(anon_client):
    call_command("load_demo", "--not-production")
    counts = (Enterprise.objects.count(), Product.objects.count(), SocialLink.objects.count())
    last_change = Enterprise.objects.latest("updated_at").updated_at
    call_command("load_demo", "--not-production")
    assert (Enterprise.objects.count(), Product.objects.count(), SocialLink.objects.count()) == counts
    assert Enterprise.objects.latest("updated_at").updated_at == last_change  # a re-run changes nothing
    assert counts[0] == 155
    mix = {
        k: Enterprise.objects.filter(kind=k).count()
        for k in ("village", "social", "pre_social", "incubated", "cooperative")
    }
    assert mix == {"village": 13, "social": 11, "pre_social": 20, "incubated": 13, "cooperative": 98}
    wecan = Enterprise.objects.get(slug="wecan-cookie")
    assert (wecan.employees_total, wecan.employees_vulnerable) == (58, 40)
    assert Membership.objects.get(enterprise=wecan, user__email="member@example.com").role == MembershipRole.OWNER
    jihye = Enterprise.objects.get(slug="jihye-gongyu-coop")
    assert {link.kind for link in jihye.social_links.all()} >= {"naver_band", "kakao_story", "facebook"}
    assert set(Enterprise.objects.values_list("district", flat=True)) == {"deogyang", "ilsandong", "ilsanseo"}
    # Every organisation is on the map, inside Goyang (roughly 37.60–37.72 N, 126.69–126.92 E).
    assert not Enterprise.objects.filter(latitude__isnull=True).exists()
    assert not Enterprise.objects.exclude(latitude__range=(37.60, 37.72), longitude__range=(126.69, 126.92)).exists()
    found = anon_client.get("/api/v1/enterprises/", {"search": "쿠키"}).json()["results"]
    assert found[0]["slug"] == "wecan-cookie"
    stats = anon_client.get("/api/v1/stats/").json()
    assert stats["organisations"] == 155
    assert stats["progress"][0]["organisations_target"] == 200 and stats["progress"][0]["jobs_target"] == 1000
    assert 0 < stats["progress"][0]["jobs"] < 1000
    expiring = Enterprise.objects.filter(kind="pre_social", certification_expires_on__isnull=False).count()
    assert expiring == 20
