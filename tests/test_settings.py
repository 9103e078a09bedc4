"""Settings come from the environment and are secure whenever DEBUG is off."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def setting(expression, **env):
    """Evaluate an expression over django.conf.settings in a fresh process with exactly this environment."""
    result = manage("shell", "-c", f"from django.conf import settings; print(repr({expression}))", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "calendar.example.org",
}


def test_deploy_check_passes_with_only_the_three_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_secure_off_is_refused_by_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, DJANGO_SECURE="0")

    assert result.returncode != 0
    assert "security.W008" in result.stderr


@pytest.mark.parametrize(
    ("name", "secure", "plain_http"),
    [
        ("SECURE_SSL_REDIRECT", "True", "False"),
        ("SESSION_COOKIE_SECURE", "True", "False"),
        ("CSRF_COOKIE_SECURE", "True", "False"),
        ("SECURE_HSTS_SECONDS", "31536000", "0"),
    ],
)
def test_https_settings_follow_debug_and_django_secure(name, secure, plain_http):
    assert setting(f"settings.{name}", **PRODUCTION) == secure
    assert setting(f"settings.{name}", **PRODUCTION, DJANGO_SECURE="0") == plain_http
    assert setting(f"settings.{name}", DJANGO_DEBUG="1") == plain_http


def test_missing_secret_key_stops_a_production_start():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="calendar.example.org")

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development)." in result.stderr


def test_malformed_boolean_is_refused_with_its_name():
    result = manage("check", DJANGO_DEBUG="maybe")

    assert "DJANGO_DEBUG must be 1 or 0, not 'maybe'." in result.stderr


def test_an_unknown_calendar_zone_is_refused_with_its_name():
    result = manage("check", DJANGO_DEBUG="1", EVENTS_ICAL_TIMEZONE="Mars/Olympus")

    assert "EVENTS_ICAL_TIMEZONE must be an IANA time zone, not 'Mars/Olympus'." in result.stderr


def test_embed_origins_are_read_separated_by_spaces_or_commas():
    origins = setting(
        "settings.EVENTS_EMBED_ORIGINS",
        DJANGO_DEBUG="1",
        EVENTS_EMBED_ORIGINS="https://MFA.example.org/, https://*.embassy.example http://127.0.0.1:8080",
    )

    assert origins == "['https://mfa.example.org', 'https://*.embassy.example', 'http://127.0.0.1:8080']"


def test_an_embed_origin_that_is_not_an_origin_is_refused_with_its_name():
    result = manage("check", DJANGO_DEBUG="1", EVENTS_EMBED_ORIGINS="https://mfa.example.org/calendar/")

    assert (
        "EVENTS_EMBED_ORIGINS takes origins such as https://mfa.example.org, not 'https://mfa.example.org/calendar'."
    ) in result.stderr


def test_database_url_selects_postgresql_and_redis_url_the_cache():
    env = {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/calendar"}

    assert setting("settings.DATABASES['default']['ENGINE']", **env) == "'django.db.backends.postgresql'"
    assert setting("settings.DATABASES['default']['NAME']", **env) == "'calendar'"
    assert setting("settings.CACHES['default']['BACKEND']", DJANGO_DEBUG="1", REDIS_URL="redis://127.0.0.1:6379/1") == (
        "'django.core.cache.backends.redis.RedisCache'"
    )


def test_defaults_are_sqlite_under_var_and_a_memory_cache_bounded_in_bytes():
    assert setting("settings.DATABASES['default']['NAME']", DJANGO_DEBUG="1") == repr(str(ROOT / "var" / "db.sqlite3"))
    assert setting("settings.CACHES['default']['BACKEND']", DJANGO_DEBUG="1") == ("'events.cache.BoundedMemoryCache'")


def test_time_and_languages():
    assert setting("settings.USE_TZ", DJANGO_DEBUG="1") == "True"
    assert setting("settings.TIME_ZONE", DJANGO_DEBUG="1") == "'UTC'"
    assert setting("[code for code, _ in settings.LANGUAGES]", DJANGO_DEBUG="1") == "['en', 'ru']"
