#!/usr/bin/env python3
# ruff: noqa: S603, S607 — runs pg_dump/pg_restore with arguments it builds itself
"""Backups that restore: the database and the uploaded media, side by side in one directory.

    python scripts/backup.py backup [--into DIR]    # make backup (DIR: var/backups/<UTC timestamp>/)
    python scripts/backup.py restore DIR            # make restore BACKUP=DIR: into an EMPTY database
    python scripts/backup.py verify                 # the post-restore verifications, on DATABASE_URL

The database is the one the settings name (DATABASE_URL):
- PostgreSQL: ``pg_dump -Fc`` (one consistent snapshot, taken while the site runs) into
  ``database.dump``; restored with ``pg_restore --single-transaction --exit-on-error`` (no owners, no
  grants: the restoring role owns everything), sequences included.
- SQLite: a consistent copy with Python's online backup API (``sqlite3.Connection.backup``: pages
  copied under the database's own locking, correct while the server writes) into
  ``database.sqlite3``; restored the same way.
Media (MEDIA_ROOT) goes into ``media.tar.gz`` beside it; ``manifest.json`` lists the files with
their SHA-256, checked before anything is restored. A restore refuses a database that has tables
or a MEDIA_ROOT that has files, then runs POST_RESTORE_VERIFICATIONS on the restored database.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MANIFEST = "manifest.json"
MEDIA_TARBALL = "media.tar.gz"
FORMAT_VERSION = 1


def setup_django() -> None:
    sys.path.insert(0, str(REPO / "backend"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


# --- Databases ----------------------------------------------------------------------------------------


def _pg_args(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _sqlite_connect(name: str) -> sqlite3.Connection:
    return sqlite3.connect(name, uri=name.startswith("file:"))


def _vendor(db: dict[str, Any]) -> str:
    engine = db["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise SystemExit(f"backups support PostgreSQL and SQLite, not {engine}")


def dump_database(db: dict[str, Any], into: Path) -> Path:
    if _vendor(db) == "postgresql":
        target = into / "database.dump"
        args, env = _pg_args(db)
        subprocess.run(
            ["pg_dump", "-Fc", "--no-owner", "--no-privileges", "--file", str(target), *args], env=env, check=True
        )
        return target
    target = into / "database.sqlite3"
    source, copy = _sqlite_connect(str(db["NAME"])), sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target


def database_tables(db: dict[str, Any]) -> list[str]:
    """The tables of ``db`` (to refuse restoring over data)."""
    if _vendor(db) == "postgresql":
        args, env = _pg_args(db)
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        out = subprocess.run(["psql", *args, "-tA", "-c", sql], env=env, check=True, capture_output=True, text=True)
        return out.stdout.split()
    name = str(db["NAME"])
    if not name.startswith("file:") and not Path(name).exists():
        return []
    conn = _sqlite_connect(name)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def restore_database(db: dict[str, Any], source: Path) -> None:
    if tables := database_tables(db):
        raise SystemExit(f"the database {db['NAME']} is not empty ({len(tables)} tables): restore into an empty one")
    if _vendor(db) == "postgresql":
        if source.name != "database.dump":
            raise SystemExit(f"{source} is not a PostgreSQL dump")
        args, env = _pg_args(db)
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(source),
            ],
            env=env,
            check=True,
        )
        return
    if source.name != "database.sqlite3":
        raise SystemExit(f"{source} is not a SQLite backup")
    name = str(db["NAME"])
    if not name.startswith("file:"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
    backup, target = sqlite3.connect(f"file:{source}?mode=ro", uri=True), _sqlite_connect(name)
    try:
        with target:
            backup.backup(target)
    finally:
        target.close()
        backup.close()


# --- Media ---------------------------------------------------------------------------------------------


def archive_media(media_root: Path, into: Path) -> Path:
    target = into / MEDIA_TARBALL
    with tarfile.open(target, "w:gz") as tar:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
    return target


def refuse_non_empty_media(media_root: Path) -> None:
    if media_root.is_dir() and any(p.is_file() for p in media_root.rglob("*")):
        raise SystemExit(f"MEDIA_ROOT {media_root} is not empty: restore into an empty one")


def extract_media(tarball: Path, media_root: Path) -> int:
    """Regular files only, each under ``media_root`` (no absolute paths, no "..", no links)."""
    refuse_non_empty_media(media_root)
    count = 0
    root = media_root.resolve()
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            target = (root / member.name).resolve()
            if member.name.startswith("/") or ".." in Path(member.name).parts or not target.is_relative_to(root):
                raise SystemExit(f"{tarball}: refusing {member.name!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = tar.extractfile(member)
            assert handle is not None
            with handle, target.open("wb") as out:
                shutil.copyfileobj(handle, out)
            count += 1
    return count


# --- Manifest ------------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(*, db: dict[str, Any], media_root: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=False)
    os.chmod(into, 0o700)  # a backup holds everything, password hashes included
    files = [dump_database(db, into), archive_media(media_root, into)]
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": {"vendor": _vendor(db), "name": Path(str(db["NAME"])).name},
        "files": {f.name: {"bytes": f.stat().st_size, "sha256": _sha256(f)} for f in files},
    }
    (into / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for path in into.iterdir():
        os.chmod(path, 0o600)
    return into


def restore(*, db: dict[str, Any], media_root: Path, source: Path) -> int:
    """Check the files against the manifest, restore the database, then the media; returns media files."""
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise SystemExit(f"{source}: unknown backup format {manifest.get('format')!r}")
    for name, meta in manifest["files"].items():
        if _sha256(source / name) != meta["sha256"]:
            raise SystemExit(f"{source / name} does not match its checksum in {MANIFEST}")
    if manifest["database"]["vendor"] != _vendor(db):
        raise SystemExit(f"a {manifest['database']['vendor']} backup cannot be restored into {_vendor(db)}")
    dump = next(source / name for name in manifest["files"] if name.startswith("database."))
    refuse_non_empty_media(media_root)  # before the database: nothing half-restored
    restore_database(db, dump)
    return extract_media(source / MEDIA_TARBALL, media_root)


# --- Post-restore verifications -----------------------------------------------------------------------
# Each takes the Django database alias of the restored database and raises on a problem. `make
# restore` runs them after restoring; tests/test_backup.py runs them on its restored copy. A domain
# whose data carries its own proof of integrity adds its check here (the budget ledger's hash chain).


def verify_audit_log_append_only(alias: str) -> None:
    """The audit log's append-only triggers came back with the data."""
    from django.db import connections

    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_entry_append_only'")
            expected = 1
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_entry_no_%'")
            expected = 2
        found = cursor.fetchone()[0]
    if found != expected:
        raise AssertionError(f"the audit log's append-only triggers are missing after restore ({found}/{expected})")


def verify_no_unapplied_migrations_ahead(alias: str) -> None:
    """The backup is not from newer code than this (its migrations are all known here)."""
    from django.db import connections
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connections[alias], ignore_no_migrations=True)
    unknown = sorted(set(loader.applied_migrations) - set(loader.disk_migrations))
    if unknown:
        raise AssertionError(
            f"the backup has migrations this code does not know (restore with newer code): {unknown[:5]}"
        )


def verify_budget_ledger_chain(alias: str) -> None:
    """The budget ledger's hash chain recomputes from the restored rows to the restored head."""
    if alias != "default":
        raise AssertionError("the ledger is verified on the default database (point DATABASE_URL at the restore)")
    from api.budget.selectors import ledger_verification

    result = ledger_verification()
    if not result.intact:
        raise AssertionError(f"the budget ledger's hash chain breaks at entry {result.first_break} after restore")


POST_RESTORE_VERIFICATIONS: list[tuple[str, Callable[[str], None]]] = [
    ("audit log still append-only", verify_audit_log_append_only),
    ("budget ledger hash chain intact", verify_budget_ledger_chain),
    ("no migrations from newer code", verify_no_unapplied_migrations_ahead),
]


def run_verifications(alias: str = "default") -> list[str]:
    done = []
    for name, verify in POST_RESTORE_VERIFICATIONS:
        verify(alias)
        done.append(name)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    make = sub.add_parser("backup", help="back up the database and media")
    make.add_argument("--into", type=Path, help="a new directory (default var/backups/<UTC timestamp>)")
    back = sub.add_parser("restore", help="restore a backup into an empty database and MEDIA_ROOT")
    back.add_argument("source", type=Path)
    sub.add_parser("verify", help="run the post-restore verifications on the configured database")
    args = parser.parse_args(argv)

    setup_django()
    from django.conf import settings
    from django.db import connections

    db = connections["default"].settings_dict
    media_root = Path(settings.MEDIA_ROOT)
    if args.action == "backup":
        into = args.into or Path(settings.VAR_DIR) / "backups" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup(db=db, media_root=media_root, into=into)
        print(f"backup written to {into}")
    elif args.action == "restore":
        files = restore(db=db, media_root=media_root, source=args.source)
        print(f"database {db['NAME']} restored, {files} media file(s) into {media_root}")
        for name in run_verifications():
            print(f"verified: {name}")
    else:
        for name in run_verifications():
            print(f"verified: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
