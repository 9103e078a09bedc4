"""Secure by default: headers on every answer, brute-force protection, tokens kept out of logs, text escaped."""

import base64
import datetime as dt
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


# Trust at the edges: each finding of the attack walk, as it was reproduced.


def cache_size() -> int:
    """Bytes held by this process's cache, or the number of keys in Redis."""
    from django.conf import settings
    from django.core.cache import cache

    if hasattr(cache, "size_in_bytes"):
        return cache.size_in_bytes
    import redis

    return redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).dbsize()


def test_junk_parameters_do_not_multiply_a_cached_feed(client, seed, django_assert_num_queries):
    client.get("/feeds/events.ics", {"type": "visit"})
    size = cache_size()
    etag = client.get("/feeds/events.ics", {"type": "visit"})["ETag"]
    # Only the data version is read for each: no feed is built again, and nothing new is kept.
    with django_assert_num_queries(500):
        answers = {
            client.get("/feeds/events.ics", {"type": "visit", "cb": str(number)})["ETag"] for number in range(500)
        }
    assert (answers, cache_size()) == ({etag}, size)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("city=Moscow", "city=moscow"),
        ("q=Makei%20visit", "q=%20makei%20%20VISIT"),
        ("country=ru", "country=RU"),
        ("type=visit&country=RU", "country=RU&type=visit"),
        ("type=visit", "type=visit&utm_source=mail&page=3"),
    ],
)
def test_one_selection_written_two_ways_is_one_feed(client, seed, first, second):
    one, other = client.get(f"/feeds/events.ics?{first}"), client.get(f"/feeds/events.ics?{second}")
    assert (one.status_code, one["ETag"], one.content) == (200, other["ETag"], other.content)


@pytest.mark.parametrize(
    "value", ["zzqx%0Azzqy", "zzqx%0D", "zzqx%0D%0AEND:VCALENDAR%0D%0ABEGIN:VEVENT%0D%0AUID:forged%0D%0AEND:VEVENT"]
)
def test_a_line_break_in_a_filter_neither_breaks_nor_forges_the_feed(client, seed, value):
    import icalendar

    response = client.get(f"/feeds/events.ics?from=2014-01-01&q={value}")
    calendar = icalendar.Calendar.from_ical(response.content)
    lines = response.content.split(b"\r\n")
    starts = [line for line in lines if line.startswith((b"NAME:", b"BEGIN:VEVENT", b"UID:", b"END:VCALENDAR"))]
    assert (response.status_code, len(calendar.walk("VEVENT")), len(starts)) == (200, 0, 2)
    assert b"\r" not in b"".join(lines)


def test_a_control_character_in_a_place_or_a_name_leaves_the_atom_feed_valid(client, db):
    import xml.etree.ElementTree as ET

    from .factories import ParticipationFactory, VenueFactory

    day = dt.date(2031, 5, 4)
    event = AllDayEventFactory(venue=VenueFactory(name_en="Hall\x0b\x1b"), start_date=day, end_date=day)
    ParticipationFactory(event=event, person__name_en="Name\x01")
    response = client.get("/feeds/upcoming.atom")
    entries = ET.fromstring(response.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert (
        response.status_code,
        len(entries),
        "Hall" in entries[0].findtext("{http://www.w3.org/2005/Atom}summary"),
    ) == (
        200,
        1,
        True,
    )


def test_an_unknown_host_gets_the_400_page_with_no_address_built_from_it(client, settings):
    settings.ALLOWED_HOSTS = ["calendar.example.org"]
    response = client.get("/ru/events/", HTTP_HOST="evil.example")
    text = response.content.decode()
    assert (response.status_code, "evil.example" in text, "<h1>Неверный запрос</h1>" in text) == (400, False, True)


def test_a_path_that_starts_with_two_slashes_gets_links_on_this_site(client, db):
    response = client.request(PATH_INFO="//evil.example/", REQUEST_METHOD="GET", QUERY_STRING="")
    links = re.findall(r'(?:href|hreflang="\w+" href)="([^"]*)"', response.content.decode())
    assert response.status_code == 404
    # Paths on this site, or addresses of this site: never "//evil.example/..." (another host to a browser).
    assert [link for link in links if link.startswith("//") or "://evil.example" in link] == []


def test_the_development_server_answers_a_path_out_of_static_with_404(db, settings):
    from django.core.management import get_commands, load_command_class
    from django.test import RequestFactory

    settings.DEBUG = True
    runserver = load_command_class(get_commands()["runserver"], "runserver")
    # As `make run` starts it: runserver's own defaults.
    options = vars(runserver.create_parser("manage.py", "runserver").parse_args([]))
    handler = runserver.get_handler(**options)
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO="/static/../../manage.py")
    handler(environ, lambda status, headers, *args: statuses.append(status))
    assert statuses[0].startswith("404")


def test_a_private_feed_address_is_not_put_in_a_cookie(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post("/admin/events/feedtoken/add/", {"user": user.pk}, follow=True)
    key = re.search(r"/feeds/private/([^.]+)\.ics", response.content.decode()).group(1)
    assert [name for name, cookie in client.cookies.items() if key in cookie.value] == []


def test_editing_a_draft_or_an_embargoed_event_changes_no_public_etag_or_date(client, db):
    import datetime as dt

    from django.utils import timezone

    AllDayEventFactory(start_date=dt.date(2031, 1, 1), end_date=dt.date(2031, 1, 1))
    draft = AllDayEventFactory(is_published=False, start_date=dt.date(2031, 1, 2), end_date=dt.date(2031, 1, 2))
    embargoed = AllDayEventFactory(publish_at=timezone.now() + dt.timedelta(days=3))
    pages = ["/feeds/events.ics", "/api/events/", "/events/"]
    before = [(client.get(page).get("ETag"), client.get(page).get("Last-Modified")) for page in pages]
    for event in (draft, embargoed):
        event.title_en = "Renamed while hidden"
        event.save()
    after = [(client.get(page).get("ETag"), client.get(page).get("Last-Modified")) for page in pages]
    assert after == before


def test_a_single_events_file_and_api_entry_change_their_etag_when_the_parent_is_unpublished(client, db):
    parent = AllDayEventFactory(title_en="Visit")
    part = AllDayEventFactory(title_en="Talks", parent=parent)
    before = [client.get(f"/events/{part.slug}.ics")["ETag"], client.get(f"/api/events/{part.slug}/")["ETag"]]
    parent.is_published = False
    parent.save()
    after = [client.get(f"/events/{part.slug}.ics")["ETag"], client.get(f"/api/events/{part.slug}/")["ETag"]]
    assert [one != other for one, other in zip(before, after, strict=True)] == [True, True]


def test_sqlite_writers_wait_for_the_lock_instead_of_failing(settings):
    from .test_settings import setting

    options = setting("settings.DATABASES['default']['OPTIONS']", DJANGO_DEBUG="1")
    assert options == "{'timeout': 30, 'transaction_mode': 'IMMEDIATE', 'init_command': 'PRAGMA journal_mode=WAL;'}"
