"""Products: catalogue, nested list, rules, images checked by content, query bounds."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from api.common.images import MAX_IMAGE_BYTES
from api.enterprises.models import Enterprise, Product
from tests.enterprises.factories import EnterpriseFactory, ProductFactory
from tests.enterprises.images import fake_png_upload, image_bytes, png_upload
from tests.world import client_for

pytestmark = pytest.mark.django_db


def test_price_on_request_and_labels(world, anon_client):
    member = world.client("member_a")
    created = member.post(
        "/api/v1/enterprises/wecan-cookie/products/",
        {"name": "단체 주문", "price": None, "category": "food"},
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (
        body["price_on_request"] is True and body["enterprise"] == "wecan-cookie" and body["category_label"] == "식품"
    )
    listed = anon_client.get("/api/v1/enterprises/wecan-cookie/products/").json()
    assert sorted(p["name"] for p in listed["results"]) == ["단체 주문", "수제 쿠키 세트"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "", "enterprise": "wecan-cookie"}, "name"),
        ({"name": "x", "enterprise": "wecan-cookie", "price": -5}, "price"),
        ({"name": "x", "enterprise": "wecan-cookie", "category": "weapons"}, "category"),
        ({"name": "x", "enterprise": "no-such-org"}, "enterprise"),
        ({"name": "x"}, "enterprise"),
        ({"name": "x", "enterprise": "wecan-cookie", "order_url": "ftp://x"}, "order_url"),
    ],
)
def test_bad_product_input(world, body, field):
    response = world.client("coordinator").post("/api/v1/products/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_product_cannot_move(world):
    response = world.client("coordinator").patch(
        f"/api/v1/products/{world.product_a.pk}/", {"enterprise": "haengbok-coop"}, format="json"
    )
    assert response.status_code == 400


def test_products_of_pending_organisations_are_hidden(world, anon_client):
    ProductFactory(enterprise=world.enterprise_pending, name="새싹 상품")
    names = [p["name"] for p in anon_client.get("/api/v1/products/").json()["results"]]
    assert "새싹 상품" not in names
    hidden = Product.objects.get(name="새싹 상품")
    assert anon_client.get(f"/api/v1/products/{hidden.pk}/").status_code == 404
    assert world.client("coordinator").get(f"/api/v1/products/{hidden.pk}/").status_code == 200


def test_product_filters(world, anon_client):
    ProductFactory(enterprise=world.enterprise_a, name="비싼 세트", price=90000, is_available=False)

    def names(**params):
        return sorted(p["name"] for p in anon_client.get("/api/v1/products/", params).json()["results"])

    assert names(enterprise="haengbok-coop") == ["친환경 비누"]
    assert names(price_max=10000) == ["친환경 비누"]
    assert names(is_available="false") == ["비싼 세트"]


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_logo_upload_accepts_real_images(world, fmt):
    upload = SimpleUploadedFile("logo.bin", image_bytes(fmt), content_type="application/octet-stream")
    response = world.client("member_a").post(
        "/api/v1/enterprises/wecan-cookie/logo/", {"file": upload}, format="multipart"
    )
    assert response.status_code == 200, response.content
    assert response.json()["logo"].startswith("http://testserver/media/enterprises/logos/")
    enterprise = Enterprise.objects.get(slug="wecan-cookie")
    assert enterprise.logo.storage.exists(enterprise.logo.name)
    assert world.client("member_a").delete("/api/v1/enterprises/wecan-cookie/logo/").status_code == 204
    assert Enterprise.objects.get(slug="wecan-cookie").logo.name == ""


def test_fake_and_wrong_images_are_refused(world):
    client = world.client("member_a")
    url = "/api/v1/enterprises/wecan-cookie/logo/"
    fake = client.post(url, {"file": fake_png_upload()}, format="multipart")
    assert fake.status_code == 400 and fake.json()["errors"][0] == {
        "field": "file",
        "code": "invalid_image",
        "message": fake.json()["errors"][0]["message"],
    }
    gif = SimpleUploadedFile("x.gif", image_bytes("GIF"), content_type="image/gif")
    refused = client.post(url, {"file": gif}, format="multipart")
    assert refused.status_code == 400 and refused.json()["errors"][0]["code"] == "invalid_image_format"
    assert client.post(url, {}, format="multipart").status_code == 400
    assert client.post(url, {"file": "text"}, format="json").status_code == 415


def test_image_over_5_mb_is_refused(world):
    big = SimpleUploadedFile("big.png", image_bytes("PNG") + b"\0" * (MAX_IMAGE_BYTES + 1), content_type="image/png")
    response = world.client("member_a").post(
        f"/api/v1/products/{world.product_a.pk}/image/", {"file": big}, format="multipart"
    )
    assert response.status_code == 400 and response.json()["errors"][0]["code"] == "file_too_large"


def test_product_image_upload(world):
    response = world.client("member_a").post(
        f"/api/v1/products/{world.product_a.pk}/image/", {"file": png_upload()}, format="multipart"
    )
    assert response.status_code == 200 and response.json()["image"].endswith(".png")


@pytest.mark.parametrize("page_size", [5, 50])
def test_catalogue_query_count(world, django_assert_max_num_queries, page_size):
    for i in range(12):
        enterprise = EnterpriseFactory(name=f"조직{i}")
        for j in range(5):
            ProductFactory(enterprise=enterprise, name=f"상품{i}-{j}")
    client = client_for(world.user("member_a"))
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/products/", {"page_size": page_size})
    assert len(response.json()["results"]) == page_size
    with django_assert_max_num_queries(5):
        assert client.get(f"/api/v1/products/{world.product_a.pk}/").status_code == 200
    # user, memberships, the organisation (+ its tags and links), count, page
    with django_assert_max_num_queries(7):
        assert client.get("/api/v1/enterprises/wecan-cookie/products/", {"page_size": page_size}).status_code == 200
