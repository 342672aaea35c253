"""Organisations over HTTP: rules, bad input, visibility, members, query bounds, conditional requests."""

import pytest
from django.db import IntegrityError, transaction

from api.enterprises.models import Enterprise, Membership, MembershipRole, VerificationStatus
from tests.enterprises.factories import EnterpriseFactory, ProductFactory
from tests.world import client_for

pytestmark = pytest.mark.django_db
URL = "/api/v1/enterprises/"


def fields_of(response):
    return [e["field"] for e in response.json().get("errors", [])]


NEW = {"name": "햇살마을협동조합", "kind": "cooperative", "district": "deogyang"}


def test_citizen_submission_is_pending_and_submitter_owns_it(world):
    citizen = world.client("citizen")
    response = citizen.post(URL, {**NEW, "tags": ["로컬푸드"]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["verification_status"] == "pending" and body["is_verified"] is False
    assert body["slug"] == "햇살마을협동조합" and body["tags"] == ["로컬푸드"]
    enterprise = Enterprise.objects.get(slug=body["slug"])
    assert Membership.objects.get(enterprise=enterprise).role == MembershipRole.OWNER
    url = f"{URL}{body['slug']}/"
    assert citizen.get(url).status_code == 200
    assert world.client("anonymous").get(url).status_code == 404
    assert world.client("member_b").get(url).status_code == 404
    assert body["name"] not in [e["name"] for e in world.client("anonymous").get(URL).json()["results"]]
    # A coordinator verifies it: public, with the badge.
    assert world.client("coordinator").post(url + "verify/").status_code == 200
    public = world.client("anonymous").get(url).json()
    assert public["is_verified"] is True and public["verification_status_label"]


def test_coordinator_entries_are_verified_at_once(world):
    response = world.client("coordinator").post(URL, NEW, format="json")
    assert response.status_code == 201
    assert response.json()["is_verified"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW, "kind": "bakery"}, "kind"),
        ({**NEW, "district": "gangnam"}, "district"),
        ({**NEW, "employees_total": -1}, "employees_total"),
        ({**NEW, "employees_total": 3, "employees_vulnerable": 4}, "employees_vulnerable"),
        ({**NEW, "name": "   "}, "name"),
        ({**NEW, "certification_number": "2015-1"}, "certification_number"),  # a cooperative has none
        (
            {**NEW, "kind": "social", "certified_on": "2015-05-01", "certification_expires_on": "2014-01-01"},
            "certification_expires_on",
        ),
        ({**NEW, "latitude": 123}, "latitude"),
        ({**NEW, "website": "javascript:alert(1)"}, "website"),
        ({**NEW, "social_links": [{"kind": "myspace", "url": "https://x.example"}]}, "social_links.0.kind"),
        ({**NEW, "vulnerable_groups": ["nobody"]}, "vulnerable_groups.0"),
    ],
)
def test_bad_input_is_400_naming_the_field(world, body, field):
    response = world.client("coordinator").post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert field in fields_of(response)
    assert not Enterprise.objects.filter(name=body["name"].strip() or "-").exists()


def test_vulnerable_over_total_on_patch_is_400(world):
    response = world.client("member_a").patch(f"{URL}wecan-cookie/", {"employees_total": 10}, format="json")
    assert response.status_code == 400
    assert fields_of(response) == ["employees_vulnerable"]


def test_database_enforces_vulnerable_le_total(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enterprise.objects.filter(pk=world.enterprise_a.pk).update(employees_vulnerable=100)


def test_duplicate_certification_number_is_409(world):
    coordinator = world.client("coordinator")
    Enterprise.objects.filter(pk=world.enterprise_a.pk).update(certification_number="2010-112")
    response = coordinator.post(URL, {**NEW, "kind": "social", "certification_number": "2010-112"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_certification_number"
    assert fields_of(response) == ["certification_number"]


def test_duplicate_slug_is_409_and_slugs_are_unique(world):
    coordinator = world.client("coordinator")
    assert coordinator.post(URL, {**NEW, "slug": "wecan-cookie"}, format="json").status_code == 409
    first = coordinator.post(URL, NEW, format="json").json()["slug"]
    second = coordinator.post(URL, NEW, format="json").json()["slug"]
    assert first != second


def test_slug_cannot_change(world):
    response = world.client("member_a").patch(f"{URL}wecan-cookie/", {"slug": "other"}, format="json")
    assert response.status_code == 400 and fields_of(response) == ["slug"]


def test_update_replaces_tags_and_links_and_search_follows(world):
    member = world.client("member_a")
    response = member.patch(
        f"{URL}wecan-cookie/",
        {
            "tags": ["바리스타", "제빵"],
            "social_links": [{"kind": "instagram", "url": "https://instagram.com/wecan.example"}],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["tags"] == ["바리스타", "제빵"]
    assert response.json()["social_links"][0]["kind_label"]
    found = world.client("anonymous").get(URL, {"search": "바리스타"}).json()["results"]
    assert [e["slug"] for e in found] == ["wecan-cookie"]


def test_labels_follow_accept_language(world, anon_client):
    ko = anon_client.get(f"{URL}wecan-cookie/").json()
    en = anon_client.get(f"{URL}wecan-cookie/", headers={"Accept-Language": "en"}).json()
    assert ko["kind_label"] == "사회적기업" and en["kind_label"] == "Certified social enterprise"
    assert ko["district_label"] == "일산동구" and en["district_label"] == "Ilsandong-gu"


def test_etag_and_if_match(world):
    member = world.client("member_a")
    first = member.get(f"{URL}wecan-cookie/")
    etag = first["ETag"]
    assert member.get(f"{URL}wecan-cookie/", headers={"If-None-Match": etag}).status_code == 304
    assert (
        member.patch(f"{URL}wecan-cookie/", {"phone": "031-1"}, format="json", headers={"If-Match": etag}).status_code
        == 200
    )
    stale = member.patch(f"{URL}wecan-cookie/", {"phone": "031-2"}, format="json", headers={"If-Match": etag})
    assert stale.status_code == 412


def test_filters(world, anon_client):
    EnterpriseFactory(name="일자리기업", kind="village", district="ilsanseo", employees_vulnerable=0)

    def slugs(**params):
        response = anon_client.get(URL, params)
        assert response.status_code == 200, response.content
        return sorted(e["slug"] for e in response.json()["results"])

    assert slugs(kind="social") == ["wecan-cookie"]
    assert slugs(district="deogyang") == ["haengbok-coop"]
    assert len(slugs(employs_vulnerable="false")) == 1
    assert slugs(has_products="true") == ["haengbok-coop", "wecan-cookie"]
    world.enterprise_a.tags.create(name="쿠키")
    assert slugs(tag="쿠키") == ["wecan-cookie"]
    assert slugs(sector="food", kind="cooperative", district="deogyang") == ["haengbok-coop"]
    assert anon_client.get(URL, {"kind": "bakery"}).status_code == 400
    assert anon_client.get(URL, {"ordering": "secret"}).status_code == 400
    ordered = anon_client.get(URL, {"ordering": "-employees_total"}).json()["results"]
    assert ordered[0]["slug"] == "wecan-cookie"


def test_expiring_certifications_for_coordinators(world):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    EnterpriseFactory(
        name="곧만료",
        kind="pre_social",
        certified_on=today - timedelta(days=1000),
        certification_expires_on=today + timedelta(days=20),
    )
    EnterpriseFactory(
        name="나중만료",
        kind="pre_social",
        certified_on=today - timedelta(days=100),
        certification_expires_on=today + timedelta(days=900),
    )
    response = world.client("coordinator").get(URL, {"certification_expiring_within": 30})
    assert [e["name"] for e in response.json()["results"]] == ["곧만료"]
    refused = world.client("member_a").get(URL, {"certification_expiring_within": 30})
    assert refused.status_code == 400 and fields_of(refused) == ["certification_expiring_within"]


def test_members_owner_invites_and_removes(world):
    owner = world.client("member_a")
    url = f"{URL}wecan-cookie/members/"
    added = owner.post(url, {"email": "member-b@example.com", "role": "editor"}, format="json")
    assert added.status_code == 201
    # The new editor edits the organisation but cannot manage members.
    editor = world.client("member_b")
    assert editor.patch(f"{URL}wecan-cookie/", {"phone": "031-9"}, format="json").status_code == 200
    assert editor.get(url).status_code == 200
    assert editor.post(url, {"email": "citizen@example.com"}, format="json").status_code == 403
    unknown = owner.post(url, {"email": "nobody@example.com"}, format="json")
    assert unknown.status_code == 400 and fields_of(unknown) == ["email"]
    assert owner.delete(f"{url}{added.json()['id']}/").status_code == 204
    assert editor.patch(f"{URL}wecan-cookie/", {"phone": "031-8"}, format="json").status_code == 403


def test_last_owner_cannot_leave(world):
    owner_membership = Membership.objects.get(enterprise=world.enterprise_a, user=world.user("member_a"))
    url = f"{URL}wecan-cookie/members/{owner_membership.pk}/"
    response = world.client("coordinator").delete(url)
    assert response.status_code == 409 and response.json()["code"] == "last_owner"
    demote = world.client("member_a").post(
        f"{URL}wecan-cookie/members/", {"email": "member-a@example.com", "role": "editor"}, format="json"
    )
    assert demote.status_code == 409


def test_member_of_another_organisation_cannot_remove(world):
    url = f"{URL}wecan-cookie/members/{world.membership_editor_a.pk}/"
    assert world.client("member_b").delete(url).status_code == 403
    other = Membership.objects.get(enterprise=world.enterprise_b)
    assert world.client("member_a").delete(f"{URL}wecan-cookie/members/{other.pk}/").status_code == 404


def test_reject_hides_again(world, anon_client):
    assert world.client("coordinator").post(f"{URL}haengbok-coop/reject/").status_code == 200
    assert anon_client.get(f"{URL}haengbok-coop/").status_code == 404
    assert world.client("member_b").get(f"{URL}haengbok-coop/").status_code == 200
    assert Enterprise.objects.get(slug="haengbok-coop").verification_status == VerificationStatus.REJECTED


@pytest.mark.parametrize("page_size", [5, 50])
def test_list_query_count_does_not_grow_with_page_size(world, anon_client, django_assert_max_num_queries, page_size):
    for i in range(60):
        enterprise = EnterpriseFactory(name=f"조직{i}")
        enterprise.tags.create(name=f"태그{i}")
        enterprise.social_links.create(kind="blog", url="https://blog.example/x")
        ProductFactory(enterprise=enterprise)
    client = client_for(world.user("member_a"))
    # The caller and their memberships (which decide what they may see), the count, the page (tags
    # and social links in each row).
    with django_assert_max_num_queries(4):
        response = client.get(URL, {"page_size": page_size, "search": "조직"})
    assert response.status_code == 200 and len(response.json()["results"]) == page_size
    first = response.json()["results"][0]
    assert first["tags"] and first["social_links"][0]["url"] == "https://blog.example/x"
    with django_assert_max_num_queries(2):  # anonymous: the count and the page
        assert anon_client.get(URL, {"page_size": page_size, "search": "조직"}).status_code == 200


@pytest.mark.parametrize(("role", "queries"), [("anonymous", 1), ("citizen", 3), ("member_a", 3), ("coordinator", 2)])
def test_detail_query_count(world, django_assert_max_num_queries, role, queries):
    """The organisation with its product count, tags and social links in one row; a logged-in
    request first reads the caller and (not for coordinators) their memberships, which decide
    what they may see."""
    enterprise = world.enterprise_a
    for name in ("협동", "돌봄"):
        enterprise.tags.create(name=name)
    enterprise.social_links.create(kind="blog", url="https://blog.example/b", position=2)
    enterprise.social_links.create(kind="instagram", url="https://instagram.example/a", label="인스타", position=1)
    client = world.client(role)
    with django_assert_max_num_queries(queries):
        response = client.get(f"{URL}wecan-cookie/")
    assert response.status_code == 200
    data = response.json()
    assert data["tags"] == ["돌봄", "협동"]
    assert [(link["kind"], link["url"], link["label"]) for link in data["social_links"]] == [
        ("instagram", "https://instagram.example/a", "인스타"),
        ("blog", "https://blog.example/b", ""),
    ]
    assert data["social_links"][0]["kind_label"] and data["product_count"] == 1
