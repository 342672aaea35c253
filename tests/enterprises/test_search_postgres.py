"""PostgreSQL: every query length uses an index (EXPLAIN), and Hangul is indexed (UTF-8 locale)."""

import pytest
from django.db import connection

from api.enterprises.models import Enterprise, Product
from api.enterprises.search import search_enterprises, search_products
from tests.enterprises.factories import EnterpriseFactory, ProductFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Few rows in a test database: make the planner show whether an index can serve the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def rows():
    for i in range(30):
        enterprise = EnterpriseFactory(name=f"마을기업{i}", description="도시락과 반찬")
        ProductFactory(enterprise=enterprise, name=f"반찬{i}")
    EnterpriseFactory(name="위캔쿠키")


def test_database_is_utf8_and_pg_trgm_reads_hangul():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()"
        )
        encoding, ctype = cursor.fetchone()
        cursor.execute("SELECT show_trgm('위캔쿠키')")
        trigrams = cursor.fetchone()[0]
    assert encoding == "UTF8"
    assert "utf" in ctype.lower().replace("-", ""), ctype
    # Under the C locale pg_trgm sees no word characters in Hangul and extracts nothing.
    assert len(trigrams) >= 3, trigrams


def test_gram_function():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sehub_grams('위캔쿠키'), sehub_grams('빵'), sehub_query_grams('위캔쿠키'), sehub_query_grams('a')"
        )
        grams, single, query_grams, query_single = cursor.fetchone()
    assert set(grams) == {"위", "캔", "쿠", "키", "위캔", "캔쿠", "쿠키"}
    assert single == ["빵"]
    assert set(query_grams) == {"위캔", "캔쿠", "쿠키"} and query_single == ["A"]


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("빵", "enterprise_search_grams"),
        ("쿠키", "enterprise_search_grams"),
        ("위캔쿠", "enterprise_search_trgm"),
        ("마을기업1", "enterprise_search_trgm"),
        ("ㅇㅋ", "enterprise_initials_grams"),
        ("ㅇㅋㅋㅋ", "enterprise_initials_grams"),
    ],
)
def test_each_query_length_uses_its_index(rows, query, index):
    plan = explain(search_enterprises(Enterprise.objects.all(), query))
    assert index in plan, plan
    if len(query) < 3:
        # A pattern without trigrams must never reach the trigram index (it would scan all of it).
        assert "_trgm" not in plan, plan


@pytest.mark.parametrize(
    ("query", "index"),
    [("찬", "product_search_grams"), ("반찬", "product_search_grams"), ("반찬1", "product_search_trgm")],
)
def test_product_search_uses_its_index(rows, query, index):
    plan = explain(search_products(Product.objects.all(), query))
    assert index in plan, plan
    if len(query) < 3:
        assert "_trgm" not in plan, plan


def test_results_match_sqlite_semantics(rows):
    assert list(search_enterprises(Enterprise.objects.all(), "쿠키").values_list("name", flat=True)) == ["위캔쿠키"]
    assert search_enterprises(Enterprise.objects.all(), "찬").count() == 30
    assert search_enterprises(Enterprise.objects.all(), "기업1").count() == 11
