"""Korean search: substrings in compound words, 1–2 character words, 초성, ranking, literal % and _."""

import pytest

from api.enterprises.search import hangul_initials, is_initials_query
from tests.enterprises.factories import EnterpriseFactory, ProductFactory
from tests.world import client_for

pytestmark = pytest.mark.django_db


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["results"]]


def search(client, query, path="/api/v1/enterprises/"):
    return names(client.get(path, {"search": query}))


def test_hangul_initials():
    assert hangul_initials("위캔 쿠키") == "ㅇㅋㅋㅋ"
    assert hangul_initials("행복협동조합") == "ㅎㅂㅎㄷㅈㅎ"
    assert hangul_initials("Café 24") == "Café24"
    assert is_initials_query("ㅇㅋ") and is_initials_query("ㅎㄷ ㅈㅎ")
    assert not is_initials_query("위캔") and not is_initials_query("ㅇa")


def test_substring_inside_compound_word(world, anon_client):
    assert search(anon_client, "쿠키") == ["위캔쿠키"]
    assert search(anon_client, "캔쿠") == ["위캔쿠키"]


def test_finds_by_product_name_tag_mission_and_description(anon_client):
    bakery = EnterpriseFactory(name="햇살공방", social_mission="경력단절 여성의 일자리", description="마을 목공 교실")
    ProductFactory(enterprise=bakery, name="위캔쿠키 선물세트")
    bakery.tags.create(name="업사이클")
    from api.enterprises.services import enterprise_search_refresh

    enterprise_search_refresh(enterprise_id=bakery.pk)
    for query in ("쿠키", "경력단절", "목공", "업사이클", "선물"):
        assert search(anon_client, query) == ["햇살공방"], query


def test_one_and_two_syllable_queries(anon_client):
    EnterpriseFactory(name="우리밀빵집")
    EnterpriseFactory(name="두부마을")
    assert search(anon_client, "빵") == ["우리밀빵집"]
    assert search(anon_client, "두부") == ["두부마을"]
    assert search(anon_client, "밀빵집") == ["우리밀빵집"]


def test_initial_consonant_queries(world, anon_client):
    assert "위캔쿠키" in search(anon_client, "ㅇㅋ")
    assert search(anon_client, "ㅎㄷㅈㅎ") == ["행복협동조합"]


def test_exact_then_prefix_then_rest(anon_client):
    EnterpriseFactory(name="두레 생협")  # contains
    EnterpriseFactory(name="두레")  # exact
    EnterpriseFactory(name="가나두레")  # contains
    EnterpriseFactory(name="두레박공방")  # prefix
    EnterpriseFactory(name="마을공방", description="두레 정신")  # description only
    assert search(anon_client, "두레") == ["두레", "두레 생협", "두레박공방", "가나두레", "마을공방"]


def test_explicit_ordering_wins_over_relevance(anon_client):
    EnterpriseFactory(name="두레", employees_total=1, employees_vulnerable=0)
    EnterpriseFactory(name="가두레", employees_total=9, employees_vulnerable=0)
    response = anon_client.get("/api/v1/enterprises/", {"search": "두레", "ordering": "-employees_total"})
    assert names(response) == ["가두레", "두레"]


def test_percent_and_underscore_are_literal(anon_client):
    EnterpriseFactory(name="100% 우리밀")
    EnterpriseFactory(name="1000 우리밀")
    EnterpriseFactory(name="a_b 공방")
    EnterpriseFactory(name="axb 공방")
    assert search(anon_client, "100%") == ["100% 우리밀"]
    assert search(anon_client, "a_b") == ["a_b 공방"]
    assert search(anon_client, "%") == ["100% 우리밀"]


def test_latin_case_insensitive(anon_client):
    EnterpriseFactory(name="위캔", name_en="WeCan Cookie")
    assert search(anon_client, "wecan") == ["위캔"]
    assert search(anon_client, "COOKIE") == ["위캔"]


def test_pending_organisations_are_not_found_by_others(world, anon_client):
    assert search(anon_client, "새싹") == []
    assert search(world.client("member_b"), "새싹") == []
    assert search(world.client("citizen"), "새싹") == ["새싹협동조합"]
    assert search(world.client("coordinator"), "새싹") == ["새싹협동조합"]


def test_product_catalogue_search(world, anon_client):
    ProductFactory(name="통밀빵", enterprise=world.enterprise_b)
    assert names(anon_client.get("/api/v1/products/", {"search": "쿠키"})) == ["수제 쿠키 세트"]
    assert names(anon_client.get("/api/v1/products/", {"search": "빵"})) == ["통밀빵"]


def test_blank_and_long_queries(world, anon_client):
    assert len(search(anon_client, "   ")) == 2
    assert search(anon_client, "쿠" * 500) == []


def test_nul_in_query_is_400(anon_client):
    response = anon_client.get("/api/v1/enterprises/", {"search": "a\x00b"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "search"


def test_search_as_member_sees_own_pending(world):
    client = client_for(world.user("member_a"))
    assert search(client, "쿠키") == ["위캔쿠키"]
