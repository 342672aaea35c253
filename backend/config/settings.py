"""Settings for the Social Economy Hub.

Every value that differs between a laptop and production comes from the environment; the defaults
run the whole product on one machine with an embedded SQLite database. README lists each variable.
"""

import hashlib
import hmac
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_networks, env_str, installation_secret

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent
VAR_DIR = Path(env_str("SEHUB_VAR_DIR", str(REPO_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

# The environment wins; otherwise each installation generates its own key once and keeps it in
# var/secret_key (mode 0600), shared by all its processes. There is no built-in key, not even for
# DEBUG: a key written here would sign sessions and tokens of every copy of the code. Several
# machines serving one site must share SECRET_KEY (or the file).
SECRET_KEY = env_str("SECRET_KEY") or installation_secret(Path(env_str("SECRET_KEY_FILE", str(VAR_DIR / "secret_key"))))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "api.common",
    "api.accounts",
    "api.enterprises",
    "api.notifications",
    "api.events",
    "api.audit",
    "api.budget",
    "api.resolutions",
    "api.board",
]

MIDDLEWARE = [
    # Before anything reads them: forwarded headers only from TRUSTED_PROXIES.
    "api.common.middleware.ForwardedHeadersMiddleware",
    # Then: times everything below it (api/common/metrics.py).
    "api.common.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "api.common.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "api.common.idempotency.IdempotencyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last: stores what the views answer (see api/common/response_cache.py).
    "api.common.response_cache.ResponseCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default. WAL lets readers run beside the one writer, IMMEDIATE transactions take the
# write lock at BEGIN so concurrent writers queue on busy_timeout instead of failing with
# "database is locked" half-way through a transaction.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sehub.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;PRAGMA foreign_keys=ON;"
        ),
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# PostgreSQL cancels a statement that runs longer than this (milliseconds; 0: never). A runaway
# query then costs one request a 503 `service_unavailable` instead of holding a gunicorn thread and
# a connection until nginx gives up. Maintenance that may take longer sets its own (migrate_locked: 0).
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 20_000)


def _with_statement_timeout(database: Any) -> Any:
    if "postgresql" in database["ENGINE"] and DATABASE_STATEMENT_TIMEOUT_MS > 0:
        options = database.setdefault("OPTIONS", {})
        setting = f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
        options["options"] = f"{options['options']} {setting}" if options.get("options") else setting
    return database


_with_statement_timeout(DATABASES["default"])

# A PostgreSQL read replica for anonymous public reads (config/db_router.py); writes, signed-in
# users and everything inside a transaction stay on the primary. Tests mirror it onto default.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    _with_statement_timeout(DATABASES["replica"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.db_router.ReplicaRouter"]
    MIDDLEWARE.insert(1, "config.db_router.PublicReadMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache (throttles, idempotency keys) ----------------------------------------------------
CACHE_URL = env_str("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "sehub"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Seconds: a Redis that does not answer costs a request at most this, not a hang.
                "SOCKET_CONNECT_TIMEOUT": float(env_str("CACHE_CONNECT_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(env_str("CACHE_SOCKET_TIMEOUT", "1")),
            },
        }
    }
    # Nothing in the cache must survive (docs/deploy.md), so the site keeps serving while Redis is
    # away: a failed cache call is logged and reads as a miss. Throttles then let requests through,
    # the response cache stores nothing, the scheduler skips its claims, and /api/v1/health/ says
    # "degraded" so monitoring sees it.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "sehub.cache"
elif CACHE_URL.startswith("locmem://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": CACHE_URL.removeprefix("locmem://") or "sehub",
        }
    }
else:
    raise ImproperlyConfigured("CACHE_URL must start with redis://, rediss:// or locmem://")

# --- Passwords --------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 3)

# --- Language and time --------------------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Seoul")
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (`app.3f2a9c.css`), served by WhiteNoise with a year's cache; `collectstatic`
    # (run by `make run`/`make serve`) writes them and the manifest.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded files (logos, product images, covers) under /media/ by the app itself (config/media.py);
# turn off where a web server in front serves MEDIA_ROOT.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# The built web app (`make frontend`): WhiteNoise serves its files at the site root; names under
# /assets/ carry a content hash, so browsers cache them for good. api.web serves its index.
FRONTEND_DIST = Path(env_str("FRONTEND_DIST", str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = str(FRONTEND_DIST) if FRONTEND_DIST.is_dir() else None
# Immutable: the web app's hashed assets (`/assets/name-<hash8>.js`) and the hashed copies
# collectstatic writes (`/static/name.<hash12>.css`).
_IMMUTABLE_URL = re.compile(r"^/assets/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$|^/static/.+\.[0-9a-f]{12}\.[A-Za-z0-9]+$")


def WHITENOISE_IMMUTABLE_FILE_TEST(path: str, url: str) -> bool:
    return bool(_IMMUTABLE_URL.match(url))


# --- E-mail -------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Where django.core.mail.backends.filebased.EmailBackend writes (one file per message).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "사회적경제 허브 <no-reply@sehub.local>")
# Where links in e-mails point (the SPA).
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Security -------------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Probes from inside the deployment (the container health check, Prometheus) speak plain HTTP to the
# backend directly; everything else is redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health/$", r"^metrics$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "api.common.errors.csrf_failure"
# --- Map of organisations ------------------------------------------------------------------------
# Tiles of the directory's map (Leaflet URL template; `{s}` for subdomains). Empty: no map, the app
# shows its list of organisations instead. Their origin is allowed in the CSP's img-src (only there),
# so a site that serves its own tiles or uses another provider changes this one setting.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png").strip()
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")


def _tile_origin(template: str) -> list[str]:
    """The CSP source of a tile URL template: scheme and host, `{s}.` turned into `*.`."""
    if not template:
        return []
    m = re.match(r"^(https?)://([^/?#]+)", template)
    if m is None or not re.fullmatch(r"(\{s\}\.)?[A-Za-z0-9.-]+(:\d+)?", m[2]):
        raise ImproperlyConfigured(f"MAP_TILE_URL must be an http(s) URL template, got {template!r}")
    return [f"{m[1]}://{m[2].replace('{s}.', '*.')}"]


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *_tile_origin(MAP_TILE_URL)],
        "style-src": ["'self'", "'unsafe-inline'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- CORS -------------------------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-match",
    "if-none-match",
    "idempotency-key",
]
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "Content-Language"]

# --- Request size -------------------------------------------------------------------------------------
# JSON bodies and multipart uploads have separate ceilings; over them the API answers 413.
API_MAX_JSON_BYTES = env_int("API_MAX_JSON_BYTES", 1024 * 1024)
API_MAX_UPLOAD_BYTES = env_int("API_MAX_UPLOAD_BYTES", 6 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_UPLOAD_BYTES
# A document attached to the budget as evidence (PDF, HWP/HWPX, XLSX/DOCX, PNG/JPEG) may be larger
# than other uploads: its own limit (400 above it), and a body ceiling on its one path raised to match.
BUDGET_EVIDENCE_MAX_BYTES = env_int("BUDGET_EVIDENCE_MAX_BYTES", 20 * 1024 * 1024)
# Multipart body ceilings above API_MAX_UPLOAD_BYTES, by path (a regular expression matched from the start).
API_UPLOAD_BYTES_BY_PATH = {
    r"/api/v1/budget-items/\d+/evidence/file/$": BUDGET_EVIDENCE_MAX_BYTES + 64 * 1024,
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- REST framework -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["api.common.json_renderer.JSONRenderer"],
    # JSON only (depth-bounded, NFC, no lone surrogates); views that take uploads add
    # api.common.parsers.MultiPartParser themselves.
    "DEFAULT_PARSER_CLASSES": ["api.common.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "api.common.filters.SearchFilter",
        "api.common.filters.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.common.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "api.common.throttles.AnonThrottle",
        "api.common.throttles.UserThrottle",
        # Not a rate: the Idempotency-Key check, here because throttles run after authentication
        # and permissions (see api/common/idempotency.py).
        "api.common.idempotency.IdempotencyGate",
    ],
    "DEFAULT_SCHEMA_CLASS": "api.common.schema.AutoSchema",
    # OPTIONS: views without a serializer (actions that take no body) are described, not a 500.
    "DEFAULT_METADATA_CLASS": "api.common.metadata.Metadata",
    "EXCEPTION_HANDLER": "api.common.errors.problem_exception_handler",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

# Throttle rates ("<n>/<second|minute|hour|day>"), counted in the default cache so every process
# shares them.
THROTTLE_RATES = {
    "anon": env_str("THROTTLE_ANON", "120/minute"),
    "user": env_str("THROTTLE_USER", "600/minute"),
    "login": env_str("THROTTLE_LOGIN", "10/minute"),
    # Per account, whatever the client address: log-in attempts per e-mail, reset mails per
    # e-mail, and new accounts per client address.
    "login_account": env_str("THROTTLE_LOGIN_ACCOUNT", "20/hour"),
    "password_reset": env_str("THROTTLE_PASSWORD_RESET", "3/hour"),
    "register": env_str("THROTTLE_REGISTER", "20/hour"),
    # Board writes per account: posts and comments.
    "board_post": env_str("THROTTLE_BOARD_POST", "30/hour"),
    "board_comment": env_str("THROTTLE_BOARD_COMMENT", "120/hour"),
}
# How many proxies in front of the server append to X-Forwarded-For and are trusted to (0: none;
# the client address is the socket's and the header is ignored). One nginx in front: 1.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
# The addresses those proxies connect from. X-Forwarded-For and X-Forwarded-Proto are believed only
# on a connection from one of them (api/common/middleware.py drops both from any other peer), so a
# client that reaches the backend directly cannot pick its throttling address or claim HTTPS. The
# default is loopback and the private ranges (a proxy on the same host, a container network).
TRUSTED_PROXIES = env_networks(
    "TRUSTED_PROXIES",
    ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
# Prometheus scrapes /metrics with "Authorization: Bearer <METRICS_TOKEN>"; unset, /metrics is 404.
METRICS_TOKEN = env_str("METRICS_TOKEN")
IDEMPOTENCY_TTL_SECONDS = env_int("IDEMPOTENCY_TTL_SECONDS", 24 * 60 * 60)
IDEMPOTENCY_LOCK_SECONDS = env_int("IDEMPOTENCY_LOCK_SECONDS", 60)

# --- Response cache of anonymous public reads (api/common/response_cache.py) ---------------------------
# Only views that opt in (response_cache_actions / response_cache) are cached, only for anonymous callers.
RESPONSE_CACHE_ENABLED = env_bool("RESPONSE_CACHE_ENABLED", True)
RESPONSE_CACHE_TTL = env_int("RESPONSE_CACHE_TTL", 30)  # seconds: "upcoming" lists follow the clock
RESPONSE_CACHE_GENERATION = env_str("RESPONSE_CACHE_GENERATION", "auto")  # auto, cache or database

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    # Derived from SECRET_KEY (so the installation's one secret covers it) but never equal to it.
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY")
    or hmac.new(SECRET_KEY.encode(), b"sehub-jwt-signing-key", hashlib.sha256).hexdigest(),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}

SPECTACULAR_SETTINGS = {
    # ASCII first: client generators derive package and class names from the title.
    "TITLE": "Social Economy Hub API (사회적경제 허브 API)",
    "DESCRIPTION": (REPO_DIR / "docs" / "api-description.md").read_text(encoding="utf-8")
    if (REPO_DIR / "docs" / "api-description.md").exists()
    else "",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "api.events.models.EventKind",
        "EventStatusEnum": "api.events.models.EventStatus",
        "RegistrationStatusEnum": "api.events.models.RegistrationStatus",
        "BoothApplicationStatusEnum": "api.events.models.BoothApplicationStatus",
        "ProductCategoryEnum": "api.enterprises.models.ProductCategory",
        "NotificationKindEnum": "api.notifications.kinds.KIND_CHOICES",
        "BudgetItemStatusEnum": "api.budget.models.BudgetItemStatus",
        "BudgetNewItemStatusEnum": "api.budget.serializers.NEW_ITEM_STATUS_CHOICES",
        "BudgetCategoryEnum": "api.budget.models.BudgetCategory",
        "FundingSourceEnum": "api.budget.models.FundingSource",
        "EvidenceKindEnum": "api.budget.models.EvidenceKind",
        "ExecutionKindEnum": "api.budget.models.ExecutionKind",
        "ResolutionStatusEnum": "api.resolutions.models.ResolutionStatus",
        "PostKindEnum": "api.board.models.PostKind",
        "PostStatusEnum": "api.board.models.PostStatus",
        "ReportStatusEnum": "api.board.models.ReportStatus",
        "CampaignStatusEnum": "api.board.models.CampaignStatus",
        "OfferResourceEnum": "api.board.models.OfferResource",
    },
    "CONTACT": {
        "name": "고양시 사회적경제 지원센터 (Goyang Social Economy Support Centre)",
        "email": "api@sehub.example",
    },
    "LICENSE": {"name": "Proprietary (문의 후 사용 / ask before use)", "url": "https://sehub.example/license"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.common.schema.postprocess_schema",
    ],
    "SERVERS": [
        {
            "url": "/",
            "description": "이 서버: 운영·로컬 모두 같은 주소 체계 (this server: production and local alike)",
            "x-internal": False,
        }
    ],
    "TAGS": [
        {"name": "audit", "description": "감사 기록 (Audit log): who changed what, when and why; append-only."},
        {"name": "auth", "description": "계정과 인증 (Accounts and authentication): register, tokens, my profile."},
        {
            "name": "budget",
            "description": (
                "열린 예산 (Open budget): items, executions, amendments, reversals and the public, append-only, "
                "hash-chained ledger anyone can verify. Never deleted: DELETE answers 405."
            ),
        },
        {"name": "board", "description": "협업 게시판 (Collaboration board): news, requests, offers, comments."},
        {"name": "booths", "description": "행사 부스 신청 (Booth applications at events)."},
        {"name": "calendars", "description": "달력 구독 (Calendar feeds, .ics)."},
        {"name": "campaigns", "description": "공동 홍보 캠페인 (Joint-promotion campaigns with products)."},
        {"name": "collaborations", "description": "협업 기록과 네트워크 (Collaborations: who worked with whom)."},
        {"name": "enterprises", "description": "조직 디렉터리 (Directory of social economy organisations)."},
        {"name": "events", "description": "행사와 참가 신청 (Events and registrations)."},
        {
            "name": "meetings",
            "description": "결의를 한 회의와 회의록 (Meetings that take decisions, and their minutes).",
        },
        {"name": "moderation", "description": "신고와 검토 (Reports and moderation of board content)."},
        {"name": "notifications", "description": "알림 (Notifications and their preferences)."},
        {"name": "products", "description": "상품·서비스 (Products and services of the organisations)."},
        {
            "name": "resolutions",
            "description": "결의 사항: 책임 주체, 기한, 상태, 서면 경과, 실행 연결 (Resolutions: owners, due dates, "
            "status, written updates, links to the work carrying them out).",
        },
        {"name": "stats", "description": "통계와 목표 (Statistics and yearly targets)."},
        {"name": "system", "description": "시스템 상태 (System health)."},
    ],
}

# --- The city --------------------------------------------------------------------------------------
# Districts an organisation can be in: (code, Korean name, English name). Another city sets its own
# with SEHUB_DISTRICTS="code:한글:English,...".
SEHUB_DISTRICTS = [
    tuple(item.split(":", 2))
    for item in env_list(
        "SEHUB_DISTRICTS",
        ["deogyang:덕양구:Deogyang-gu", "ilsandong:일산동구:Ilsandong-gu", "ilsanseo:일산서구:Ilsanseo-gu"],
    )
]

# --- Background tasks -------------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Periodic commands (manage.py run_scheduler: docker-compose's scheduler service) ---------------------
# "<command> [arguments]@<seconds>", or "…@<seconds>?<app>" for a command a domain provides (waits
# while that app is not installed). One line per job; SCHEDULED_COMMANDS (comma-separated) replaces
# the list.
_SCHEDULE = [
    "extend_event_series@86400",
    "purge_idempotency_records@86400",
    "send_resolution_reminders@3600?api.resolutions",
]
if TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
    _SCHEDULE.append("prune_db_task_results@86400")
SCHEDULED_COMMANDS = env_list("SCHEDULED_COMMANDS", _SCHEDULE)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
