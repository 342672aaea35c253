"""PostgreSQL indexes for Korean search on posts (the directory's functions: enterprises 0003).

Trigram GIN on ``upper(search_document)`` for 3+ characters; the gram GIN (``sehub_grams``) for
1–2 characters and for 초성 queries on ``title_initials``. SQLite needs none (substring scan)."""

from django.db import migrations

INDEXES = [
    ("board_post_search_trgm", "board_post", "upper(search_document) gin_trgm_ops"),
    ("board_post_search_grams", "board_post", "sehub_grams(search_document)"),
    ("board_post_initials_grams", "board_post", "sehub_grams(title_initials)"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, expression in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("board", "0001_initial"), ("enterprises", "0003_postgres_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
