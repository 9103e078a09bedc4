"""The embeddable calendar: what /embed/ and /embed/month/ show, who may frame them, and that they set no cookie."""

import datetime as dt
import re

import pytest
import time_machine

from events.embed import EMBED_LIST
from events.models import Event

from .factories import AllDayEventFactory, EventTypeFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 3, 10, 9, 0, tzinfo=dt.UTC)
TITLES = re.compile(r'<p class="embed-event-title"><a href="([^"]+)">([^<]+)</a>')
RUSSIAN_TITLE = "Календарь дипломатических событий"
ALL_BUT_FRAMES = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
)


def policy(response) -> dict[str, str]:
    """The Content-Security-Policy's directives by name."""
    directives = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def coming(clock):
    """Two coming visits, a coming forum, a past visit and a draft visit."""
    visit = EventTypeFactory(slug="visit")
    for day, title in ((20, "Second visit"), (14, "First visit")):
        AllDayEventFactory(event_type=visit, title_en=title, start_date=dt.date(2030, 3, day), end_date=None)
    AllDayEventFactory(title_en="Coming forum", start_date=dt.date(2030, 3, 15), end_date=None)
    AllDayEventFactory(event_type=visit, title_en="Past visit", start_date=dt.date(2030, 2, 1), end_date=None)
    AllDayEventFactory(
        event_type=visit, title_en="Draft visit", start_date=dt.date(2030, 3, 16), end_date=None, is_published=False
    )


def test_the_embedded_listing_shows_the_coming_public_events_of_its_filters_in_order(client, coming):
    response = client.get("/embed/?type=visit")

    content = response.content.decode()
    assert (response.status_code, TITLES.findall(content)) == (
        200,
        [("/events/first-visit-2030/", "First visit"), ("/events/second-visit-2030/", "Second visit")],
    )
    assert ('<base target="_top">' in content, '<h1 class="embed-title">Visits</h1>' in content) == (True, True)


def test_the_russian_embedded_listing_is_in_russian(client, coming):
    content = client.get("/ru/embed/?type=visit").content.decode()

    assert (re.search(r"<html lang=\"(\w+)\"", content).group(1), TITLES.findall(content)[0][0]) == (
        "ru",
        "/ru/events/first-visit-2030/",
    )


def test_the_embedded_listing_links_to_the_rest_on_the_main_site(client, clock):
    for day in range(EMBED_LIST + 1):
        AllDayEventFactory(start_date=dt.date(2030, 4, 1 + day), end_date=None)

    content = client.get("/embed/?type=forum").content.decode()

    assert (len(TITLES.findall(content)), re.search(r'<p class="more-events"><a href="([^"]+)">', content)[1]) == (
        EMBED_LIST,
        "/events/?type=forum",
    )


def test_without_configured_origins_only_the_site_itself_may_frame_the_embed_pages(client, coming, settings):
    settings.EVENTS_EMBED_ORIGINS = []

    answers = [client.get(path) for path in ("/embed/", "/embed/month/2030/03/", "/events/")]

    assert [(policy(answer)["frame-ancestors"], answer["X-Frame-Options"]) for answer in answers] == [
        ("'self'", "SAMEORIGIN"),
        ("'self'", "SAMEORIGIN"),
        ("'none'", "DENY"),
    ]


def test_the_configured_origins_may_frame_the_embed_pages_and_nothing_else_changes(client, coming, settings):
    settings.EVENTS_EMBED_ORIGINS = ["https://mfa.example.org", "https://*.embassy.example"]

    embedded = client.get("/ru/embed/month/")
    again = client.get("/ru/embed/month/")  # kept whole (freshness.py): the header is set on the kept copy too
    listing = client.get("/ru/events/")

    directives = policy(embedded)
    assert (directives.pop("frame-ancestors"), "X-Frame-Options" in embedded, policy(again)["frame-ancestors"]) == (
        "https://mfa.example.org https://*.embassy.example",
        False,
        "https://mfa.example.org https://*.embassy.example",
    )
    assert "; ".join(f"{name} {value}" for name, value in sorted(directives.items())) == "; ".join(
        sorted(ALL_BUT_FRAMES.split("; "))
    )
    assert (policy(listing)["frame-ancestors"], listing["X-Frame-Options"]) == ("'none'", "DENY")


def test_the_embed_pages_set_no_cookie_and_load_no_script(client, coming):
    answers = [client.get(path) for path in ("/embed/", "/ru/embed/", "/embed/month/", "/ru/embed/month/2030/03/")]

    assert [(answer.status_code, dict(answer.cookies), b"<script" in answer.content) for answer in answers] == [
        (200, {}, False)
    ] * 4


def test_the_embedded_month_is_this_month_by_default_and_steps_within_the_frame(client, coming):
    current = client.get("/embed/month/?type=visit").content.decode()
    march = client.get("/embed/month/2030/03/?type=visit").content.decode()

    assert current == march
    assert re.findall(r'<a rel="(prev|next)" target="_self" href="([^"]+)">', march) == [
        ("prev", "/embed/month/2030/02/?type=visit"),
        ("next", "/embed/month/2030/04/?type=visit"),
    ]
    assert re.findall(r'<td colspan="1" class="segment[^"]*"><a href="([^"]+)"', march) == [
        "/events/first-visit-2030/",
        "/events/second-visit-2030/",
    ]


def test_the_embedded_month_lists_events_known_only_to_the_month(client, clock):
    AllDayEventFactory(
        title_en="Culture days in March", slug="culture-days-2030", date_precision=Event.Precision.MONTH,
        start_date=dt.date(2030, 3, 1), end_date=dt.date(2030, 3, 31),
    )  # fmt: skip

    content = client.get("/embed/month/2030/03/").content.decode()

    assert re.findall(r'<li class="status-confirmed"><a href="([^"]+)">([^<]+)</a></li>', content) == [
        ("/events/culture-days-2030/", "Culture days in March")
    ]


def test_an_unchanged_embed_page_is_served_whole_with_one_query_and_answers_304(
    client, coming, django_assert_num_queries
):
    first = client.get("/embed/?type=visit")

    with django_assert_num_queries(1):
        again = client.get("/embed/?type=visit")
    conditional = client.get("/embed/?type=visit", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (again.content, conditional.status_code) == (first.content, 304)


def test_a_bad_filter_of_an_embed_page_answers_400(client, clock):
    assert client.get("/embed/?from=2030-02-30").status_code == 400


@pytest.mark.parametrize(
    ("page", "embedded", "title"),
    [
        ("/events/?type=visit", "http://testserver/embed/?type=visit", "Diplomatic events calendar"),
        ("/events/past/?country=ru&tag=", "http://testserver/embed/?country=RU", "Diplomatic events calendar"),
        ("/ru/events/2030/03/?type=visit", "http://testserver/ru/embed/month/?type=visit", RUSSIAN_TITLE),
    ],
)
def test_the_subscribe_block_offers_the_frame_of_its_selection_to_copy(client, coming, page, embedded, title):
    content = client.get(page).content.decode()

    code = re.search(
        r'<textarea id="embed-code" class="embed-code" readonly rows="4" cols="40">([^<]+)</textarea>', content
    )
    assert code[1] == (
        f'&lt;iframe src="{embedded}" title="{title}" width="100%" height="500" style="border: 0" loading="lazy"&gt;'
        "&lt;/iframe&gt;"
    )
