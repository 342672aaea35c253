"""`make bench` keeps working: its data generator and loader on a handful of rows, and one pass of
its measurements (no timing assertions: budgets live in scripts/bench.py and run with `make bench`)."""

import importlib.util
from pathlib import Path

import pytest
from django.db import connection
from rest_framework.test import APIClient

from api.enterprises.models import Enterprise, Product
from api.enterprises.services import enterprise_search_refresh, product_search_refresh

BENCH_PATH = Path(__file__).resolve().parent.parent / "scripts" / "bench.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("sehub_bench", BENCH_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench_module()


def test_generator_is_deterministic_and_korean():
    first = bench.generate(40, 120, seed=7)
    assert first == bench.generate(40, 120, seed=7)
    organisations, products = first
    assert len(organisations) == 40 and len(products) == 120
    assert all(any("가" <= c <= "힣" for c in org["name"]) for org in organisations)
    assert all(0 <= org["employees_vulnerable"] <= org["employees_total"] for org in organisations)
    assert all(0 <= p["enterprise"] < 40 for p in products)


def test_database_url_guard():
    assert "PostgreSQL" in bench.database_url_problem("sqlite:///var/sehub.sqlite3")
    assert "bench" in bench.database_url_problem("postgres://postgres@127.0.0.1:5432/sehub")
    assert bench.database_url_problem(bench.DEFAULT_DATABASE_URL) is None


@pytest.mark.django_db
def test_loaded_rows_carry_the_services_search_columns():
    organisations, products = bench.generate(20, 60, seed=3)
    bench.load(organisations, products, batch_size=7)
    assert Enterprise.objects.count() == 20 and Product.objects.count() == 60
    loaded = {e.pk: (e.search_document, e.name_initials) for e in Enterprise.objects.all()}
    loaded_products = dict(Product.objects.values_list("pk", "search_document"))
    for pk in loaded:
        enterprise_search_refresh(enterprise_id=pk)
    for pk in loaded_products:
        product_search_refresh(product_id=pk)
    assert {e.pk: (e.search_document, e.name_initials) for e in Enterprise.objects.all()} == loaded
    assert dict(Product.objects.values_list("pk", "search_document")) == loaded_products


@pytest.mark.django_db(transaction=True)
def test_one_pass_of_every_measurement():
    organisations, products = bench.generate(20, 60, seed=5)
    with bench.SearchIndexesBuiltAfter():
        bench.load(organisations, products)
    client = APIClient()
    searches = bench.run_searches(client, repetitions=1, warmup=0)
    assert len(searches) == len(bench.SEARCHES)
    assert all(row["count"] == row["expected_count"] for row in searches)
    lists = bench.run_lists(client, repetitions=1, warmup=0)
    assert all(row["queries"] <= bench.BUDGETS["list_queries"] for row in lists if "enterprises" in row["path"])
    burst = bench.run_registration_burst(seats=3, attempts=8, threads=4 if connection.vendor == "postgresql" else 2)
    assert (burst["confirmed"], burst["waitlisted"], burst["answers_ok"]) == (3, 5, 8)
    report = {"searches": searches, "lists": lists, "registration": burst, "peak_rss_mb": bench.peak_rss_mb()}
    assert isinstance(bench.check(report), list)
    if connection.vendor == "postgresql":
        assert all(row["db_ms"] is not None for row in searches)
    else:
        assert all(row["indexes"] == [] for row in searches)
