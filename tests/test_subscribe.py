"""Every page's "Subscribe to this selection" gives exactly the dated events the page lists (views.filter_context)."""

import csv
import datetime as dt
import html
import io
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import timezone

from events.models import Event, EventType

from .factories import AllDayEventFactory
from .icaljs import parse_with_icaljs
from .pages import load_demo

pytestmark = pytest.mark.django_db

# An entry of the page, and a part nested under its visit (listing.py): both are the page's events.
LISTED = re.compile(r'<h3 class="event-title"><a href="([^"]+)">|<a class="part-title" href="([^"]+)">')
UNDATED = re.compile(r'<section class="undated".*?</section>', re.DOTALL)
FEED_URL = re.compile(r'<input id="feed-url" type="text" readonly value="([^"]+)">')
WEBCAL = re.compile(r'<a href="(webcal://[^"]+)">')
NEXT_PAGE = re.compile(r'<a rel="next" href="\?([^"]+)">')
FILTERS = ["", "type=forum", "type=visit", "country=RU", "type=culture-days&q=DAYS"]


def page_events(content: str) -> set[str]:
    """The paths of the dated events a page lists for its selection, parts under their visit included; none when
    it says it has none (its suggestions of recent events are not the selection). Events whose dates are to be
    announced are listed apart, and no feed can hold them."""
    primary = UNDATED.sub("", content.split('<aside class="subscribe"', 1)[0])
    return set() if 'class="empty"' in primary else {entry or part for entry, part in LISTED.findall(primary)}


def feed_of(client, content: str) -> tuple[bytes, str]:
    """The subscribed feed's body and address, after checking that every link of the block names the same feed."""
    feed_url = html.unescape(FEED_URL.search(content).group(1))
    assert html.unescape(WEBCAL.search(content).group(1)) == "webcal://" + feed_url.split("://", 1)[1]
    parts = urlsplit(feed_url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert (response.status_code, response["Content-Type"]) == (200, "text/calendar; charset=utf-8")
    return response.content, feed_url


def feed_events(body: bytes) -> set[str]:
    return {urlsplit(str(vevent["URL"])).path for vevent in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def walk(client, path: str, query: str) -> tuple[set[str], list[str]]:
    """The events of every page of a listing, and the subscribe block's content of each page."""
    events, blocks = set(), []
    while True:
        content = client.get(f"{path}?{query}").content.decode()
        events |= page_events(content)
        blocks.append(content)
        following = NEXT_PAGE.search(content)
        if not following:
            return events, blocks
        query = html.unescape(following.group(1))


def month_paths(language: str) -> list[str]:
    """Every month page that shows events: the months any dated event starts or ends in."""
    months = set()
    for first, last in Event.objects.public().dated().values_list("start_date", "end_date"):
        months |= {(first.year, first.month), (last.year, last.month)}
    return [f"{language}/events/{year}/{month:02d}/" for year, month in sorted(months)]


def listings(language: str) -> list[str]:
    return [f"{language}/events/", f"{language}/events/past/", *month_paths(language)]


def assert_subscriptions_hold_their_pages(client, paths, filters):
    checked = 0
    for path in paths:
        for query in filters:
            listed, pages = walk(client, path, query)
            for content in pages:
                body, feed_url = feed_of(client, content)
                assert (path, query, feed_events(body)) == (path, query, listed), feed_url
                checked += 1
    return checked


@pytest.mark.parametrize("language", ["", "/ru"])
def test_every_demo_page_subscribes_to_exactly_its_events(client, language):
    load_demo()

    checked = assert_subscriptions_hold_their_pages(client, listings(language), FILTERS)

    assert checked == len(listings(language)) * len(FILTERS)


def test_every_page_of_a_long_archive_subscribes_to_all_its_pages(client):
    load_demo()
    forum = EventType.objects.get(slug="forum")
    for day in range(30):
        first = dt.date(2016, 3, 1) + dt.timedelta(days=day)
        AllDayEventFactory(event_type=forum, start_date=first, end_date=first)

    checked = assert_subscriptions_hold_their_pages(client, ["/events/past/", "/ru/events/past/"], ["type=forum"])

    assert checked == 2 + 2  # two pages in each language


def test_a_crowded_month_subscribes_to_every_event_its_more_link_lists(client):
    load_demo()
    forum = EventType.objects.get(slug="forum")
    for day in range(30):
        first = dt.date(2016, 3, 1) + dt.timedelta(days=day)
        AllDayEventFactory(event_type=forum, start_date=first, end_date=first)

    month = client.get("/events/2016/03/?type=forum").content.decode()
    body, _feed_url = feed_of(client, month)
    more, _pages = walk(client, "/events/past/", "type=forum&from=2016-03-01&to=2016-03-31")

    assert (len(page_events(month)), len(more)) == (20, 30)
    assert feed_events(body) == more


def test_the_archive_subscribes_to_its_days_up_to_today_with_words(client):
    load_demo()
    today = timezone.now().astimezone(dt.UTC).date()

    response = client.get("/events/past/", {"type": "forum"})

    assert response.context["feed_url"] == f"http://testserver/feeds/events.ics?type=forum&to={today.isoformat()}"
    assert response.context["atom_subscribed"] is False
    assert response.context["feed_name"] == f"Forums · until {today.day} {today:%B} {today.year}"
    assert f'<p class="feed-holds"><strong>Forums · until {today.day} {today:%B} {today.year}</strong><br>' in (
        response.content.decode()
    )
    assert response.context["feed_window"] == (
        "Every event within these days; cancelled ones stay, marked as cancelled."
    )


def test_a_month_page_subscribes_to_its_days_and_names_its_month(client):
    load_demo()

    english = client.get("/events/2017/06/", {"type": "visit", "country": "ru"}).context
    russian = client.get("/ru/events/2017/06/", {"type": "visit"}).context

    assert english["feed_url"] == (
        "http://testserver/feeds/events.ics?type=visit&country=RU&from=2017-06-01&to=2017-06-30"
    )
    assert english["feed_name"] == "Visits · Russia · June 2017"
    assert russian["feed_url"] == "http://testserver/ru/feeds/events.ics?type=visit&from=2017-06-01&to=2017-06-30"
    assert russian["feed_name"] == "Визиты · июнь 2017 г."


def test_a_month_page_keeps_its_filters_days_within_the_month(client):
    load_demo()

    context = client.get("/events/2017/06/", {"from": "2017-06-10", "to": "2017-08-01"}).context

    assert context["feed_url"] == "http://testserver/feeds/events.ics?from=2017-06-10&to=2017-06-30"
    assert context["feed_name"] == "Diplomatic events · from 10 June 2017 · until 30 June 2017"


def test_the_upcoming_listing_subscribes_to_the_feeds_default_window_and_says_so(client, settings):
    settings.EVENTS_FEED_PAST_DAYS, settings.EVENTS_FEED_CANCELLED_DAYS = 365, 30
    load_demo()

    response = client.get("/events/", {"type": "visit"})

    assert response.context["feed_url"] == "http://testserver/feeds/events.ics?type=visit"
    assert response.context["atom_subscribed"] is True
    assert 'href="http://testserver/feeds/upcoming.atom?type=visit"' in response.content.decode()
    assert response.context["feed_window"] == (
        "Every coming event and those that ended in the last 365 days. "
        "Cancelled events stay, marked as cancelled, for 30 days after their cancellation."
    )


def test_a_fixed_window_keeps_an_event_cancelled_long_ago(client, settings):
    settings.EVENTS_FEED_CANCELLED_DAYS = 30
    cancelled = AllDayEventFactory(
        title_en="Cancelled talks",
        status=Event.Status.CANCELLED,
        start_date=dt.date(2017, 6, 5),
        end_date=dt.date(2017, 6, 5),
    )
    Event.objects.filter(pk=cancelled.pk).update(status_changed_at=dt.datetime(2017, 5, 1, tzinfo=dt.UTC))

    month = client.get("/events/2017/06/").content.decode()
    body, _feed_url = feed_of(client, month)

    assert (page_events(month), feed_events(body)) == ({cancelled.get_absolute_url()},) * 2
    assert [str(vevent["STATUS"]) for vevent in icalendar.Calendar.from_ical(body).walk("VEVENT")] == ["CANCELLED"]


def test_a_month_page_feed_reads_the_same_in_icaljs(client):
    load_demo()

    content = client.get("/ru/events/2017/06/").content.decode()
    body, _feed_url = feed_of(client, content)
    parsed = parse_with_icaljs(body)

    assert {urlsplit(event["url"]).path for event in parsed["events"]} == page_events(content)
    assert len(page_events(content)) == 6


CSV_LINK = re.compile(r'<a href="([^"]+)" download>')


@pytest.mark.parametrize("path", ["/events/2017/06/", "/ru/events/2017/06/?type=visit", "/events/past/?type=forum"])
def test_the_spreadsheet_link_holds_exactly_the_events_the_page_lists(client, path):
    load_demo()
    content = client.get(path).content.decode()
    response = client.get(html.unescape(CSV_LINK.search(content).group(1)))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    listed = page_events(content)

    assert ({urlsplit(row[13]).path for row in rows[1:]}, bool(listed)) == (listed, True)
