"""Settings for the test suite: the production settings with test-friendly environment defaults.

DATABASE_URL and CACHE_URL still come from the environment, so the same suite runs on SQLite and
locmem by default and on PostgreSQL and Redis in CI.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghijklmnop")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("THROTTLE_ANON", "100000/minute")
os.environ.setdefault("THROTTLE_USER", "100000/minute")
os.environ.setdefault("THROTTLE_LOGIN", "100000/minute")
# One test process is one server process: the response cache's generation can live in the cache
# (no extra query in the query-count tests). tests/common/test_response_cache.py covers the
# database-held generation and several processes.
os.environ.setdefault("RESPONSE_CACHE_GENERATION", "cache")

from config.settings import *  # noqa: F403
from config.settings import BASE_DIR, CACHES

# Fast hashing in tests; a dedicated test checks that real settings use Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR.parent / "var" / "test-media"
# No collectstatic before tests: plain names instead of the manifest's hashed ones.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Each test run gets its own cache namespace so parallel runs on one Redis never share keys.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("SEHUB_TEST_CACHE_PREFIX") or f"sehub-test-{os.getpid()}"

# Threads in concurrency tests need a real file: SQLite's shared-cache in-memory database answers
# "table is locked" instead of waiting for the lock. pytest-xdist adds a suffix per worker.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR.parent / "var" / "test-sehub.sqlite3")}  # noqa: F405
