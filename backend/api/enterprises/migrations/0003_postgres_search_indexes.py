"""PostgreSQL only: indexes that serve ``?search=`` for every query length.

- 3+ characters: pg_trgm's GIN index on ``upper(search_document)`` (the expression Django's
  ``icontains`` compiles to, ``UPPER(col) LIKE UPPER(%s)``; an index on the plain column is never used).
- 1–2 characters: a 2-character pattern has no trigram, so pg_trgm degenerates to a full index scan.
  ``sehub_grams(text)`` is an immutable SQL function returning the distinct characters and character
  bigrams of ``upper(text)``; a GIN index over it answers ``sehub_grams(col) @> sehub_query_grams(q)``,
  and ``LIKE`` rechecks the candidates.
- 초성 (initial consonant) queries use the same gram index on ``name_initials``.

``COST 1000`` tells the planner what the function costs per row (an array built from every
character): with the default cost it chose, for a common 1-character query on 20,000 rows, a
sequential scan that computed the grams of every row (3.2 s) instead of the index (≈ 100 ms).

On SQLite nothing is created: search falls back to a case-insensitive substring scan.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION sehub_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
        SELECT substr(u, i, 1) AS g FROM (SELECT upper(t) AS u) s, generate_series(1, char_length(u)) AS i
        UNION
        SELECT substr(u, i, 2) FROM (SELECT upper(t) AS u) s, generate_series(1, char_length(u) - 1) AS i
    ) grams
$$;

-- The grams a query needs: its bigrams (the index holds them), or the one character of a
-- 1-character query. Leaving out a longer query's single characters spares GIN their long lists.
CREATE OR REPLACE FUNCTION sehub_query_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN char_length(t) < 2 THEN ARRAY[upper(t)] ELSE (
        SELECT array_agg(DISTINCT substr(upper(t), i, 2)) FROM generate_series(1, char_length(t) - 1) AS i
    ) END
$$;
"""

INDEXES = [
    ("enterprise_search_trgm", "enterprises_enterprise", "upper(search_document) gin_trgm_ops"),
    ("enterprise_search_grams", "enterprises_enterprise", "sehub_grams(search_document)"),
    ("enterprise_initials_grams", "enterprises_enterprise", "sehub_grams(name_initials)"),
    ("product_search_trgm", "enterprises_product", "upper(search_document) gin_trgm_ops"),
    ("product_search_grams", "enterprises_product", "sehub_grams(search_document)"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(FUNCTION)
    for name, table, expression in INDEXES:
        # fastupdate off: the directory is read far more than written, and GIN's pending list (rows
        # inserted since the last vacuum, scanned linearly by every search) made searches after a
        # bulk import 1–2 ms instead of 0.03 ms.
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression}) WITH (fastupdate = off)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("DROP FUNCTION IF EXISTS sehub_query_grams(text)")
    schema_editor.execute("DROP FUNCTION IF EXISTS sehub_grams(text)")


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0002_search_and_targets")]

    operations = [migrations.RunPython(forwards, backwards)]
