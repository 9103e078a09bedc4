"""Every public URL of the project, walked from the URL resolver: drafts and embargoed events never show.

The walk takes each route from the resolver, so a route added later is walked too; it fills the
route's parameters with each event's slug, the events' month, the sitemap's sections and so on,
in English and Russian. A draft, an embargoed event and a published event share a type, a place,
a topic, a person, a series, a month and a parent/part link, so each would be listed wherever the
others are. The clock is set with time-machine, so that the embargo can pass within the test.
"""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from events.models import Event
from events.sitemaps import SITEMAPS

from .factories import (
    AllDayEventFactory,
    EventTypeFactory,
    ParticipationFactory,
    PersonFactory,
    SeriesFactory,
    TagFactory,
    VenueFactory,
)

NOW = dt.datetime(2030, 3, 10, 9, 0, tzinfo=dt.UTC)
EMBARGO = NOW + dt.timedelta(hours=2)


def routes(resolver=None, prefix=""):
    """Every (route regex, converters) of the project, with the regexes of the resolvers it sits under."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = str(entry.pattern.regex.pattern).lstrip("^").removesuffix("\\Z").removesuffix("$")
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + pattern)
        elif isinstance(entry, URLPattern):
            yield prefix + pattern


def fill(route: str, values: dict[str, list[str]]) -> list[str]:
    """Every path a route's regex gives with the named groups filled from values (none if a group has no value)."""
    paths = [route]
    for name in re.findall(r"\(\?P<(\w+)>", route):
        if name not in values:
            return []
        paths = [re.sub(rf"\(\?P<{name}>[^)]*\)", value, path, count=1) for path in paths for value in values[name]]
    cleaned = []
    for path in paths:
        # Language prefixes and optional pieces of the regexes.
        path = path.replace("\\.", ".").replace("\\", "").replace("/?", "/")
        path = re.sub(r"\(\?:[^)]*\)\??", "", path)
        if re.search(r"[()\[\]*+?^$|]", path):
            continue
        cleaned.append("/" + path)
    return cleaned


@pytest.fixture
def calendar(db):
    with time_machine.travel(NOW, tick=False):
        kind = EventTypeFactory(slug="visit", name_en="Visit", is_visit=True)
        place = VenueFactory(city_en="Minsk", country="BY", timezone="Europe/Minsk")
        topic = TagFactory(slug="union-state", name_en="Union State")
        person = PersonFactory(slug="vladimir-makei", name_en="Vladimir Makei")
        series = SeriesFactory(slug="forum-of-regions", name_en="Forum of Regions")
        common = {
            "event_type": kind,
            "venue": place,
            "start_date": dt.date(2030, 4, 14),
            "end_date": dt.date(2030, 4, 15),
            "series": series,
        }
        published = AllDayEventFactory(
            title_en="Published talks", title_ru="Открытые переговоры", slug="published-talks", edition=1, **common
        )
        draft = AllDayEventFactory(
            title_en="Secret draft", title_ru="Тайный черновик", slug="secret-draft", edition=2, is_published=False,
            parent=published, **common,
        )  # fmt: skip
        embargoed = AllDayEventFactory(
            title_en="Embargoed visit", title_ru="Визит под эмбарго", slug="embargoed-visit", edition=3,
            publish_at=EMBARGO, parent=published, **common,
        )  # fmt: skip
        for event in (published, draft, embargoed):
            event.tags.add(topic)
            ParticipationFactory(event=event, person=person)
    return published, draft, embargoed


def public_paths(events) -> list[str]:
    values = {
        "slug": [event.slug for event in events],
        "year": ["2030"],
        "month": ["04"],
        "token": ["0" * 43],
        "section": list(SITEMAPS),
        "format": ["json"],
        "pk": [str(event.pk) for event in events],
    }
    paths = set()
    for route in routes():
        if route.startswith(("admin/", "ru/admin/")):
            continue
        for path in fill(route, values):
            paths.add(path)
            if not path.startswith(("/api/", "/sitemap", "/robots", "/ru/")):
                paths.add("/ru" + path)
    # The pages again with each filter a reader can set, and later pages of the API.
    for path in (
        "/events/",
        "/feeds/events.ics",
        "/api/events/",
        "/feeds/upcoming.atom",
        "/changes/",
        "/changes.json",
        "/events.csv",
        "/embed/",
        "/alerts/",
    ):
        for query in (
            "type=visit",
            "country=BY",
            "tag=union-state",
            "person=vladimir-makei",
            "q=visit",
            "from=2030-01-01",
        ):
            paths.add(f"{path}?{query}")
    return sorted(paths)


def mentions(event: Event) -> list[str]:
    return [event.title_en, event.title_ru, event.slug, event.uid]


def text_of(response) -> str:
    """The body as text, a streamed one (the CSV export) read to its end."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def leaks(client, paths, hidden) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        body = text_of(response)
        seen = body + " ".join(f"{name}: {value}" for name, value in response.items())
        for event in hidden:
            # A page for a slug it was asked about may repeat the slug (a 404 says what was not found).
            asked = event.slug in path
            found.extend(
                (path, response.status_code, text)
                for text in mentions(event)
                if text and text in seen and not (asked and text == event.slug and response.status_code == 404)
            )
    return found


def test_the_walk_reaches_every_kind_of_public_page(calendar):
    paths = public_paths(calendar)
    for expected in (
        "/events/",
        "/events/past/",
        "/events/2030/04/",
        "/events/published-talks/",
        "/events/secret-draft.ics",
        "/feeds/events.ics",
        "/feeds/upcoming.atom",
        "/events.csv?type=visit",
        "/ru/events.csv",
        "/embed/?person=vladimir-makei",
        "/ru/embed/",
        "/embed/month/2030/04/",
        "/ru/embed/month/",
        "/feeds/private/" + "0" * 43 + ".ics",
        "/sitemap-events.xml",
        "/api/events/embargoed-visit/",
        "/api/tags/",
        "/ru/events/2030/04/",
        "/changes.atom",
        "/ru/changes.json",
        "/alerts/?person=vladimir-makei",
        "/ru/alerts/" + "0" * 43 + "/unsubscribe/",
    ):
        assert expected in paths


def test_drafts_and_embargoed_events_are_never_reachable_or_mentioned(calendar):
    published, draft, embargoed = calendar
    client = Client()
    with time_machine.travel(NOW + dt.timedelta(minutes=5), tick=False):
        paths = public_paths(calendar)
        assert leaks(client, paths, [draft, embargoed]) == []
        for event in (draft, embargoed):
            for path in (f"/events/{event.slug}/", f"/events/{event.slug}.ics", f"/api/events/{event.slug}/"):
                assert client.get(path).status_code == 404, path
        assert client.get(f"/events/{published.slug}/").status_code == 200


def test_an_embargoed_event_appears_everywhere_once_its_time_passes(calendar):
    published, draft, embargoed = calendar
    client = Client()
    with time_machine.travel(NOW + dt.timedelta(minutes=5), tick=False):
        paths = public_paths(calendar)
        listed_before = {path for path in paths if published.title_en in text_of(client.get(path))}
    with time_machine.travel(EMBARGO + dt.timedelta(minutes=1), tick=False):
        assert leaks(client, paths, [draft]) == []
        missing = [
            path
            for path in sorted(listed_before)
            if embargoed.title_en not in text_of(client.get(path))
            # Pages of the published event alone (its file, its API record) list no other event.
            and published.slug not in path
            # The compact month grid of the embed pages counts a visit's parts ("+2 parts") without naming them.
            and not path.startswith(("/embed/month/", "/ru/embed/month/"))
        ]
        assert missing == []
        assert client.get(f"/events/{embargoed.slug}/").status_code == 200
