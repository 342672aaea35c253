"""Backups restore (scripts/backup.py, `make backup` / `make restore`): the demo data, an audit log
and uploaded media are backed up, restored into an empty database and an empty MEDIA_ROOT, and
every row of every table (compared generically, ordered by primary key, through plain DB-API
connections on both sides), every sequence and every media file is identical; then the
post-restore verifications pass on the restored database. Runs on SQLite and on PostgreSQL
(whichever the suite runs on)."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction

REPO = Path(__file__).resolve().parents[1]


def _load_backup_module() -> Any:
    spec = importlib.util.spec_from_file_location("sehub_backup", REPO / "scripts" / "backup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


backup_script = _load_backup_module()


def _connect(db: dict[str, Any]) -> Any:
    if connection.vendor == "postgresql":
        import psycopg

        return psycopg.connect(
            dbname=db["NAME"],
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
        )
    return sqlite3.connect(db["NAME"])


def _snapshot(db: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered by primary key (or by every column where there is none)."""
    conn = _connect(db)
    try:
        cursor = conn.cursor()
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tables = sorted(row[0] for row in cursor.fetchall())
        snapshot: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            order = "id" if "id" in columns else ", ".join(f'"{c}"' for c in columns)
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            snapshot[table] = [tuple(row) for row in cursor.fetchall()]
        if connection.vendor == "postgresql":
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")
            snapshot["(sequences)"] = sorted(cursor.fetchall())
        return snapshot
    finally:
        conn.close()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def restored_db(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Settings of an empty database beside the test database (dropped afterwards)."""
    source = connection.settings_dict
    if connection.vendor == "postgresql":
        name = f"{source['NAME']}_restored"[:63]
        target = {**source, "NAME": name}
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        yield target
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3")}


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_row_and_file(tmp_path: Path, settings: Any, restored_db: dict[str, Any]) -> None:
    from api.audit.models import AuditAction
    from api.audit.services import audit_record
    from api.enterprises.models import Enterprise

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", "--not-production", stdout=open(os.devnull, "w"))  # noqa: SIM115
    enterprise = Enterprise.objects.order_by("pk").first()
    assert enterprise is not None
    with transaction.atomic():
        audit_record(actor=None, action=AuditAction.UPDATE, target=enterprise, changes={"name": ["before", "after"]})
    (tmp_path / "media" / "logos").mkdir(parents=True, exist_ok=True)
    (tmp_path / "media" / "logos" / "로고.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    before = _snapshot(connection.settings_dict)
    media_before = _files(tmp_path / "media")
    assert before["audit_auditentry"], "the audit log is part of what is compared"
    assert sum(len(rows) for rows in before.values()) > 500

    out = backup_script.backup(db=connection.settings_dict, media_root=tmp_path / "media", into=tmp_path / "backup")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["manifest.json", "media.tar.gz", "database.dump" if connection.vendor == "postgresql" else "database.sqlite3"]
    )

    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}  # password hashes inside

    restored_media = tmp_path / "media-restored"
    files = backup_script.restore(db=restored_db, media_root=restored_media, source=out)

    after = _snapshot(restored_db)
    assert before["budget_budgetledgerentry"], "the demo data has a budget ledger to carry over"
    assert before["audit_auditentry"], "the demo data has an audit log to carry over"
    assert sorted(after) == sorted(before)
    for table in before:
        assert after[table] == before[table], f"{table} differs after restore"
    assert files == len(media_before)
    assert _files(restored_media) == media_before

    # A second restore over the restored data is refused, for the database and for the media.
    with pytest.raises(SystemExit, match=r"database .* is not empty"):
        backup_script.restore(db=restored_db, media_root=tmp_path / "elsewhere", source=out)
    with pytest.raises(SystemExit, match=r"MEDIA_ROOT .* is not empty"):
        backup_script.restore(db=restored_db, media_root=restored_media, source=out)

    # The post-restore verifications (the audit log's triggers, the budget ledger's hash chain),
    # on the restored database as `make restore` runs them.
    url = (
        "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**{k: restored_db.get(k) or "" for k in restored_db})
        if connection.vendor == "postgresql"
        else f"sqlite:///{restored_db['NAME']}"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=url, CACHE_URL="locmem://", DEBUG="1")
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "backup.py"), "verify"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for name, _ in backup_script.POST_RESTORE_VERIFICATIONS:
        assert f"verified: {name}" in done.stdout


def test_restore_checks_the_manifest(tmp_path: Path) -> None:
    source = tmp_path / "backup"
    source.mkdir()
    (source / "database.sqlite3").write_bytes(b"not what was backed up")
    (source / "media.tar.gz").write_bytes(b"")
    (source / "manifest.json").write_text(
        '{"format": 1, "database": {"vendor": "sqlite", "name": "x"}, "files": {"database.sqlite3": '
        '{"bytes": 1, "sha256": "00"}, "media.tar.gz": {"bytes": 0, "sha256": "00"}}}'
    )
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "target.sqlite3")}
    with pytest.raises(SystemExit, match="checksum"):
        backup_script.restore(db=db, media_root=tmp_path / "media", source=source)


def test_media_extraction_refuses_paths_outside_media_root(tmp_path: Path) -> None:
    import io
    import tarfile

    tarball = tmp_path / "media.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        data = b"x"
        info = tarfile.TarInfo("../outside.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises(SystemExit, match="refusing"):
        backup_script.extract_media(tarball, tmp_path / "media")
    assert not (tmp_path / "outside.txt").exists()
