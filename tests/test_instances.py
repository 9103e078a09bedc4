"""Two app instances behind one load balancer share PostgreSQL and Redis: no instance serves a stale feed.

Runs where the suite itself runs on PostgreSQL with Redis (CI's second suite); skipped on SQLite,
where a second process would not share the test's database and cache.
"""

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import connection
from rest_framework.authtoken.models import Token

from .factories import AllDayEventFactory

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
    reason="needs the suite on PostgreSQL (DATABASE_URL) with Redis (REDIS_URL)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def instances(transactional_db):
    """Two gunicorn instances on their own ports, on the test database and the same Redis."""
    database = connection.settings_dict
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        DJANGO_SECRET_KEY="two-instances-" + "x" * 40,
        DJANGO_SECURE="0",
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    servers, addresses = [], []
    try:
        for _ in range(2):
            port = free_port()
            server = subprocess.Popen(
                [str(GUNICORN), "calendar_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                cwd=ROOT,
                env=env,
                stderr=subprocess.PIPE,
                text=True,
            )
            servers.append(server)
            # gunicorn says when its worker is up; reading its log waits for that without sleeping.
            for line in server.stderr:
                if "Booting worker" in line:
                    break
            addresses.append(f"http://127.0.0.1:{port}")
        yield addresses
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
            server.stderr.close()


def fetch(url: str, *, method: str = "GET", body: dict | None = None, token: str | None = None):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None)
    if body:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.headers, response.read()


def test_an_edit_through_one_instance_is_served_at_once_by_the_other(instances, django_user_model):
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    first, second = instances
    event = AllDayEventFactory(title_en="Minsk Days in Moscow", slug="minsk-days", start_date="2030-10-01",
                               end_date="2030-10-03")  # fmt: skip
    officer = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    codenames = ["view_event", "change_event", "publish_event"]
    officer.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    token = Token.objects.create(user=officer).key

    _, before_headers, before = fetch(f"{second}/feeds/events.ics")
    assert b"SUMMARY:Minsk Days in Moscow\r\n" in before
    status, _, _ = fetch(
        f"{first}/api/events/{event.slug}/", method="PATCH", body={"title_en": "Days of Minsk in Moscow"}, token=token
    )
    assert status == 200
    _, after_headers, after = fetch(f"{second}/feeds/events.ics")

    assert b"SUMMARY:Days of Minsk in Moscow\r\n" in after
    assert b"SUMMARY:Minsk Days in Moscow\r\n" not in after
    assert after_headers["ETag"] != before_headers["ETag"]
