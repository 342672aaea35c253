"""Settings: production values pass `check --deploy`; the installation's own secret; SQLite runs WAL +
IMMEDIATE; Argon2."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.env import installation_secret

REPO = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3-Zp9!qV7#mL2@xR8$wT4%nB6^yH1&cJ5*dF0(gS)uE+aQ_iO=lK~vM;zX.",
    "ALLOWED_HOSTS": "sehub.goyang.example",
    "DATABASE_URL": "sqlite:////tmp/sehub-deploy-check.sqlite3",
    "CACHE_URL": "redis://127.0.0.1:6379/9",
}


def test_check_deploy_prints_no_warning():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE")}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO / "backend",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def _settings_in_a_fresh_process(var_dir: Path, **extra: str) -> dict[str, str]:
    drop = ("SECRET_KEY", "JWT_SIGNING_KEY", "DJANGO_SETTINGS_MODULE", "DEBUG")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(DEBUG="0", DJANGO_SETTINGS_MODULE="config.settings", SEHUB_VAR_DIR=str(var_dir), **extra)
    script = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'secret': settings.SECRET_KEY, 'jwt': settings.SIMPLE_JWT['SIGNING_KEY']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=REPO / "backend",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_secret_key_an_installation_generates_its_own_once(tmp_path):
    """DEBUG off and no SECRET_KEY: no built-in constant, but var/secret_key made once (0600)."""
    first = _settings_in_a_fresh_process(tmp_path / "var")
    key_file = tmp_path / "var" / "secret_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert first["secret"] == key_file.read_text().strip() and len(first["secret"]) >= 80
    assert first["jwt"] != first["secret"] and len(first["jwt"]) == 64
    assert _settings_in_a_fresh_process(tmp_path / "var") == first  # kept: sessions and tokens survive restarts
    other = installation_secret(tmp_path / "other" / "secret_key")
    assert other != first["secret"]  # no two installations share a key


def test_the_environment_wins_over_the_file(tmp_path):
    seen = _settings_in_a_fresh_process(tmp_path, SECRET_KEY="e" * 60, JWT_SIGNING_KEY="j" * 60)
    assert seen == {"secret": "e" * 60, "jwt": "j" * 60}
    assert not (tmp_path / "secret_key").exists()


def test_no_constant_key_is_left_in_the_settings():
    source = (REPO / "backend" / "config" / "settings.py").read_text()
    assert "insecure" not in source
    assert 'SECRET_KEY = "' not in source and 'SIGNING_KEY": "' not in source


def test_a_key_file_others_can_read_is_refused(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("s" * 80)
    path.chmod(0o644)
    with pytest.raises(ImproperlyConfigured, match="chmod 600"):
        installation_secret(path)
    path.chmod(0o600)
    assert installation_secret(path) == "s" * 80


def test_processes_starting_together_agree_on_one_key(tmp_path):
    path = tmp_path / "var" / "secret_key"
    seen: list[str] = []
    threads = [threading.Thread(target=lambda: seen.append(installation_secret(path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8 and len(set(seen)) == 1


def test_argon2_is_the_production_hasher():
    from config import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_time_zone_and_languages():
    assert settings.TIME_ZONE == "Asia/Seoul"
    assert settings.LANGUAGE_CODE == "ko"
    assert [code for code, _ in settings.LANGUAGES] == ["ko", "en"]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_uses_wal_and_immediate_transactions():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_var_is_kept_out_of_git():
    """var/ holds the database, the secret key and uploads."""
    for path in ("var/secret_key", "var/sehub.sqlite3", "var/media/enterprises/logos/x.png"):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO).returncode == 0, path


@pytest.mark.django_db
def test_postgresql_cancels_statements_over_the_timeout_except_for_migrations():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{settings.DATABASE_STATEMENT_TIMEOUT_MS // 1000}s"
    from django.core.management import call_command

    call_command("migrate_locked", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SET statement_timeout = %s", [settings.DATABASE_STATEMENT_TIMEOUT_MS])


def test_the_statement_timeout_joins_options_given_in_the_url():
    from config.settings import _with_statement_timeout

    database = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c search_path=sehub"}}
    _with_statement_timeout(database)
    assert database["OPTIONS"]["options"] == (
        f"-c search_path=sehub -c statement_timeout={settings.DATABASE_STATEMENT_TIMEOUT_MS}"
    )
    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert _with_statement_timeout(sqlite) == {"ENGINE": "django.db.backends.sqlite3"}
