"""Settings for the diplomatic event calendar.

Every value that differs between environments comes from an environment variable;
the README lists them. Without any, the service runs as a secure production
deployment would, and refuses to start without a secret key.
"""

import datetime as dt
import os
import re
import zoneinfo
from pathlib import Path

import csp.constants
import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean environment variable written as 1/0, true/false, yes/no or on/off."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Core

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # The development server leaves static files to WhiteNoise, as production does (its own handler answered
    # /static/..%2f..%2fmanage.py with a 500).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "calendar_site.apps.LoginAttemptsConfig",  # django-axes
    "simple_history",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # A database still locked after its timeout (SQLite) answers 503 with Retry-After.
    "events.middleware.BusyDatabase",
    # Notes who made each change for the change history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it counts failed logins and refuses them once locked out.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "calendar_site.urls"
WSGI_APPLICATION = "calendar_site.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Data: DATABASE_URL in the usual URL form, a SQLite file under var/ by default.

VAR_DIR.mkdir(exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue instead of failing: a transaction takes the write lock when it begins (so a read-then-write
    # cannot lose the race to another writer with "database is locked"), waits up to 30 s for it, and readers
    # never wait for writers (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;",
    }

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "calendar",
        }
    }
else:
    # Per process, bounded in bytes (events/cache.py): room for the feeds' VEVENTs (events/feedcache.py) and pages,
    # and no more, whatever the requests ask for. With Redis, bound it there (maxmemory, allkeys-lru; see README).
    CACHES = {
        "default": {
            "BACKEND": "events.cache.BoundedMemoryCache",
            "OPTIONS": {"MAX_BYTES": int(float(os.environ.get("DJANGO_CACHE_MAX_MB", "256")) * 1024 * 1024)},
        }
    }

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Time: aware datetimes everywhere, UTC in the database. Events carry their own
# IANA zone; pages render in it.

USE_TZ = True
TIME_ZONE = "UTC"

# Languages: English unprefixed, Russian under /ru/. Missing Russian texts fall
# back to English.

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The ministry's own Russian usage ("Белоруссия"), as in its press releases.
COUNTRIES_OVERRIDE = {"BY": _("Belarus")}

# Authentication

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Static files, served by WhiteNoise in production (after collectstatic).

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. HTTPS-only settings are on whenever DEBUG is off; DJANGO_SECURE=0
# turns them off for a plain-HTTP run on 127.0.0.1, never for a public host.

SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_HTTPONLY = True
# Messages are kept in the session (on the server), not in a cookie: the cookie is signed, not encrypted, and a
# message may carry a secret (a private feed's address, shown once).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp) on every response: scripts only from this site (an event page adds
# the hash of its JSON-LD block), no plugins, no framing, forms only to this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.constants.SELF],
        "script-src": [csp.constants.SELF],
        "style-src": [csp.constants.SELF],
        "img-src": [csp.constants.SELF, "data:"],
        "font-src": [csp.constants.SELF],
        "connect-src": [csp.constants.SELF],
        "object-src": [csp.constants.NONE],
        "base-uri": [csp.constants.NONE],
        "frame-ancestors": [csp.constants.NONE],
        "form-action": [csp.constants.SELF],
    }
}

# The embeddable calendar (events/embed.py): the sites whose pages may show /embed/ in an <iframe>, as origins
# separated by spaces or commas ("https://mfa.gov.by https://*.embassy.example"); none: only this site itself.
# The rest of the site keeps refusing every frame (X-Frame-Options DENY, frame-ancestors 'none').
EMBED_ORIGIN = re.compile(r"https?://(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?|https?://\[[0-9a-f:.]+\](:\d{1,5})?")


def env_origins(name: str) -> list[str]:
    origins = [origin.rstrip("/").lower() for origin in os.environ.get(name, "").replace(",", " ").split()]
    wrong = [origin for origin in origins if not EMBED_ORIGIN.fullmatch(origin)]
    if wrong:
        raise ImproperlyConfigured(f"{name} takes origins such as https://mfa.example.org, not {wrong[0]!r}.")
    return origins


EVENTS_EMBED_ORIGINS = env_origins("EVENTS_EMBED_ORIGINS")

# Brute-force protection of the admin login (django-axes): after AXES_FAILURE_LIMIT failed logins for
# one user name from one address, that pair is locked out for AXES_COOLOFF_HOURS (429, in the page's language).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(hours=float(os.environ.get("AXES_COOLOFF_HOURS", "1")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
if env_bool("DJANGO_BEHIND_PROXY", default=False):
    # The client's address as the proxy passes it on, not the proxy's own.
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# REST framework: public reads, staff writes by token or session (with CSRF).

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["events.api.parsers.SafeJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_RATE", "3600/hour"),
        "writes": os.environ.get("API_WRITE_RATE", "1200/hour"),
        "user": None,
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Throttling identifies clients by address: trust X-Forwarded-For only from our own proxy.
    "NUM_PROXIES": 1 if env_bool("DJANGO_BEHIND_PROXY", default=False) else 0,
}
API_MAX_BODY_BYTES = int(os.environ.get("API_MAX_BODY_BYTES", str(1024 * 1024)))
SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic event calendar API",
    "DESCRIPTION": (
        "Public events for everyone; drafts, embargoed events and writes for press officers "
        "(`Authorization: Token <key>`). Filters: type, country, city, tag, person, status, from, to, q."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "events.api.schema.add_error_responses",
    ],
}

# Logging: everything to stderr, where the process manager collects it.

# Private feed addresses are passwords: Django logs the path of every 4xx and 5xx, and the development
# server every request, so both loggers (and the handler, for anything else) keep only a token's start.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "feed_tokens": {"()": "events.logs.MaskFeedTokens"},
        "one_line": {"()": "events.logs.EscapeControls"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["feed_tokens", "one_line"]}},
    "loggers": {
        "django.request": {"filters": ["feed_tokens"]},
        "django.server": {"filters": ["feed_tokens"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# The calendar's feeds (see events/ical.py and the README)

EVENTS_ICAL_PRODID = "-//Diplomatic event calendar//EN"
# The calendar's own zone: the VTIMEZONE a calendar with no event holds (RFC 5545 wants a component).
EVENTS_ICAL_TIMEZONE = os.environ.get("EVENTS_ICAL_TIMEZONE", "Europe/Moscow")
try:
    zoneinfo.ZoneInfo(EVENTS_ICAL_TIMEZONE)
except (ValueError, zoneinfo.ZoneInfoNotFoundError) as error:
    message = f"EVENTS_ICAL_TIMEZONE must be an IANA time zone, not {EVENTS_ICAL_TIMEZONE!r}."
    raise ImproperlyConfigured(message) from error
# Feeds without `from` hold every coming event and those that ended this many days ago.
EVENTS_FEED_PAST_DAYS = int(os.environ.get("EVENTS_FEED_PAST_DAYS", "365"))
# A cancelled event stays in feeds, marked cancelled, this many days after its cancellation.
EVENTS_FEED_CANCELLED_DAYS = int(os.environ.get("EVENTS_FEED_CANCELLED_DAYS", "30"))
# How often calendar clients are asked to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).
EVENTS_FEED_REFRESH_MINUTES = 60
# How long a built feed is kept in the cache (its key changes with every change anyway).
EVENTS_FEED_CACHE_SECONDS = int(os.environ.get("EVENTS_FEED_CACHE_SECONDS", str(24 * 3600)))
# Cache-Control max-age of public feeds, in seconds.
EVENTS_FEED_MAX_AGE = int(os.environ.get("EVENTS_FEED_MAX_AGE", "300"))
# Anonymous pages and API answers are kept whole for at most this long (events/freshness.py: they are keyed by the
# data version and the minute, so a change shows at once); 0 renders every request.
EVENTS_PAGE_CACHE_SECONDS = int(os.environ.get("EVENTS_PAGE_CACHE_SECONDS", "120"))
# The change feed (events/changes.py): the days it looks back, the most entries it holds, and how long after a
# change further saves of the same event still count as the same change (a mistake put right is no change).
EVENTS_CHANGES_DAYS = int(os.environ.get("EVENTS_CHANGES_DAYS", "90"))
EVENTS_CHANGES_LIMIT = int(os.environ.get("EVENTS_CHANGES_LIMIT", "100"))
EVENTS_CHANGES_SETTLE_MINUTES = int(os.environ.get("EVENTS_CHANGES_SETTLE_MINUTES", "30"))

# iCalendar import (see events/importers/ics.py): caps that make a hostile file a clear error, not a hang.
EVENTS_IMPORT_MAX_BYTES = int(os.environ.get("EVENTS_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
EVENTS_IMPORT_MAX_EVENTS = int(os.environ.get("EVENTS_IMPORT_MAX_EVENTS", "5000"))
# Occurrences of each series (those nearest the day of the import), and events of a file with its series' ones.
EVENTS_IMPORT_MAX_OCCURRENCES = int(os.environ.get("EVENTS_IMPORT_MAX_OCCURRENCES", "1000"))
EVENTS_IMPORT_MAX_WRITTEN = int(os.environ.get("EVENTS_IMPORT_MAX_WRITTEN", "20000"))
# Recurring events are expanded into single events within this window around the day of the import.
EVENTS_IMPORT_PAST_DAYS = int(os.environ.get("EVENTS_IMPORT_PAST_DAYS", "365"))
EVENTS_IMPORT_FUTURE_DAYS = int(os.environ.get("EVENTS_IMPORT_FUTURE_DAYS", "730"))

# E-mail: SMTP at EMAIL_HOST:EMAIL_PORT when EMAIL_HOST is set, else each message is written to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = f"django.core.mail.backends.{'smtp' if EMAIL_HOST else 'console'}.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Diplomatic events calendar <alerts@localhost>")

# E-mail alerts (events/alerts.py, events/alert_runs.py; `manage.py send_alerts` sends them).
# The site's address for the links of messages sent outside a request; by default the address the alert was asked at.
EVENTS_SITE_URL = os.environ.get("EVENTS_SITE_URL", "").rstrip("/")
# An alert not confirmed within this many hours is deleted, address and all.
EVENTS_ALERTS_CONFIRM_HOURS = int(os.environ.get("EVENTS_ALERTS_CONFIRM_HOURS", "48"))
# Daily digests tell of the day up to this hour in the calendar's zone (EVENTS_ICAL_TIMEZONE).
EVENTS_ALERTS_DIGEST_HOUR = int(os.environ.get("EVENTS_ALERTS_DIGEST_HOUR", "7"))
# Sign-ups: per network address, and confirmation messages per e-mail address (django-ratelimit's "count/period").
EVENTS_ALERTS_SIGNUP_RATE = os.environ.get("EVENTS_ALERTS_SIGNUP_RATE", "10/h")
EVENTS_ALERTS_ADDRESS_RATE = os.environ.get("EVENTS_ALERTS_ADDRESS_RATE", "3/d")
EVENTS_ALERTS_PER_ADDRESS = int(os.environ.get("EVENTS_ALERTS_PER_ADDRESS", "20"))
# A message taken by a run and not sent within this time (the run stopped) is taken by the next; one that failed this
# many times is given up; sent messages are deleted after this many days.
EVENTS_ALERTS_LEASE_SECONDS = 600
EVENTS_ALERTS_MAX_ATTEMPTS = int(os.environ.get("EVENTS_ALERTS_MAX_ATTEMPTS", "20"))
EVENTS_ALERTS_KEEP_DAYS = int(os.environ.get("EVENTS_ALERTS_KEEP_DAYS", "30"))
# django-ratelimit's counters live in the default cache (set REDIS_URL for several processes).
RATELIMIT_USE_CACHE = "default"
