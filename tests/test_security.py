"""Secure by default: headers on every answer, brute-force protection, tokens kept out of logs, text escaped."""

import base64
import hashlib
import logging
import re

import pytest
from django.contrib.auth.models import Permission

from events.models import FeedToken

from .factories import AllDayEventFactory

DETAIL = "/events/makei-working-visit-to-russia-2017/"


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


@pytest.mark.parametrize(
    "path",
    ["/events/", "/ru/events/2017/11/", DETAIL, "/feeds/events.ics", "/api/events/", "/admin/login/", "/no-such-page/"],
)
def test_every_answer_carries_the_security_headers(client, seed, path):
    response = client.get(path)

    rules = policy(response)
    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"][0] == "'self'"
    assert rules["style-src"] == ["'self'"]
    assert rules["object-src"] == rules["base-uri"] == rules["frame-ancestors"] == ["'none'"]
    assert rules["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_policy_allows_the_json_ld_block_by_its_hash_and_the_page_stays_the_same(client, seed):
    first, again = client.get(DETAIL), client.get(DETAIL)

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', first.content.decode(), re.S)
    digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
    assert policy(first)["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert policy(client.get("/events/"))["script-src"] == ["'self'"]
    assert first.content == again.content
    assert first["Content-Security-Policy"] == again["Content-Security-Policy"]


def test_the_api_documentation_has_no_inline_script(client):
    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    html = page.content.decode()
    assert re.findall(r"<script>", html) == []
    assert 'src="/api/docs/?script="' in html
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert policy(page)["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy(page)["script-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("prefix", "message"), [("", "Too many failed logins"), ("/ru", "Слишком много неудачных попыток входа")]
)
def test_the_admin_login_locks_a_user_name_out_after_five_failures(client, django_user_model, prefix, message):
    django_user_model.objects.create_user("officer", password="right-password", is_staff=True)
    url = f"{prefix}/admin/login/?next={prefix}/admin/"

    failures = [client.post(url, {"username": "officer", "password": f"wrong-{n}"}) for n in range(5)]
    locked = client.post(url, {"username": "officer", "password": "right-password"})

    assert [response.status_code for response in failures] == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert message in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_login_before_the_limit_clears_the_failures(client, django_user_model):
    django_user_model.objects.create_user("officer", password="right-password", is_staff=True)

    for number in range(4):
        client.post("/admin/login/", {"username": "officer", "password": f"wrong-{number}"})
    good = client.post("/admin/login/?next=/admin/", {"username": "officer", "password": "right-password"})
    client.logout()
    again = [client.post("/admin/login/", {"username": "officer", "password": "wrong"}) for _ in range(4)]

    assert good.status_code == 302
    assert [response.status_code for response in again] == [200, 200, 200, 200]


def test_private_feed_tokens_are_not_written_to_the_log(client, django_user_model, caplog):
    officer = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    officer.user_permissions.add(Permission.objects.get(codename="view_event"))
    _token, key = FeedToken.issue(officer)
    wrong = "W" * 43

    with caplog.at_level(logging.INFO):
        assert client.get(f"/feeds/private/{wrong}.ics").status_code == 404
        assert client.get(f"/feeds/private/{key}.ics?from=never").status_code == 400

    assert [record.getMessage() for record in caplog.records if record.name == "django.request"] == [
        "Not Found: /feeds/private/WWWW….ics",
        f"Bad Request: /feeds/private/{key[:4]}….ics",
    ]
    assert key not in caplog.text
    assert wrong not in caplog.text


def test_markup_in_an_events_texts_reaches_pages_and_feeds_as_text(client, db):
    AllDayEventFactory(
        slug="talks",
        title_en="Talks <script>alert(1)</script>",
        description_en='<img src=x onerror="alert(2)"> & more',
        start_date="2030-05-01",
        end_date="2030-05-01",
    )

    page = client.get("/events/talks/").content.decode()
    feed = client.get("/feeds/events.ics").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "Talks &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; more" in page
    assert "\\u003cscript\\u003e" in page  # the JSON-LD block
    assert "SUMMARY:Talks <script>alert(1)</script>\r\n" in feed
