import datetime as dt

import pytest
from django.utils import translation


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as the database starts empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Start each test in English: a request to /ru/ leaves Russian active in the test's thread."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def now():
    """A fixed instant to pass as `now`, so tests never depend on the clock."""
    return dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)


@pytest.fixture
def still_clock():
    """The clock stopped for the test: pages are kept per minute (freshness.py), so a test that counts the queries
    of a page served again must not see the minute turn between its two requests."""
    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def seed(db):
    from django.core.management import call_command

    call_command("loaddata", "seed", verbosity=0)
