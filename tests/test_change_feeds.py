"""The change feeds (/changes/, /changes.atom, /changes.json): valid Atom and JSON Feed, both languages, the shared
filters, the data version's ETag and the cache, and the "Follow changes" links of every subscribe block."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event

from .factories import AllDayEventFactory, EventTypeFactory, VenueFactory
from .writes import at

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
TAG_URI = re.compile(r"tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:change/[-0-9a-f]{36}/\d{8}T\d{6}\.\d{6}Z")
# JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a schema: what the specification requires, and the types of
# what this feed writes.
JSON_FEED = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "language": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "object", "required": ["name"]}},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "title": {"type": "string"},
                    "content_text": {"type": "string"},
                    "date_published": {"type": "string"},
                    "date_modified": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "attachments": {
                        "type": "array",
                        "items": {"type": "object", "required": ["url", "mime_type"]},
                    },
                },
            },
        },
    },
}


@pytest.fixture
def rescheduled():
    """A visit to Minsk announced on Monday, moved by two days on Tuesday, cancelled on Wednesday."""
    with at(MONDAY):
        event = AllDayEventFactory(
            event_type=EventTypeFactory(slug="visit", is_visit=True),
            title_en="Visit to Minsk",
            title_ru="Визит в Минск",
            venue=VenueFactory(city_en="Minsk", city_ru="Минск", country="BY"),
            start_date=dt.date(2030, 5, 14),
            end_date=dt.date(2030, 5, 15),
        )
    for days, changes in ((1, {"start_date": dt.date(2030, 5, 16), "end_date": dt.date(2030, 5, 17)}),
                          (2, {"status": Event.Status.CANCELLED})):  # fmt: skip
        with at(MONDAY + dt.timedelta(days=days)):
            event = Event.objects.get(pk=event.pk)
            for name, value in changes.items():
                setattr(event, name, value)
            event.save()
    return event


def atom_entries(body: bytes) -> list[dict]:
    """Check the structure RFC 4287 requires of a feed and its entries, and give each entry's texts and links."""
    feed = ET.fromstring(body)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert feed.find(ATOM + required) is not None, required
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")] == ["alternate", "self"]
    entries = []
    for entry in feed.findall(f"{ATOM}entry"):
        assert [len(entry.findall(ATOM + name)) for name in ("id", "title", "updated", "published", "summary")] == [
            1,
            1,
            1,
            1,
            1,
        ]
        dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        entries.append(
            {
                "id": entry.findtext(f"{ATOM}id"),
                "title": entry.findtext(f"{ATOM}title"),
                "summary": entry.findtext(f"{ATOM}summary"),
                "links": {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")},
            }
        )
    return entries


def test_the_atom_feed_is_valid_and_says_each_change_newest_first(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        response = client.get("/changes.atom")
        same = client.get("/changes/")

    entries = atom_entries(response.content)
    assert (response.status_code, response["Content-Type"], same.content) == (
        200,
        "application/atom+xml; charset=utf-8",
        response.content,
    )
    assert [(entry["title"], entry["summary"]) for entry in entries] == [
        ("Cancelled: Visit to Minsk", "Status: confirmed → cancelled"),
        ("Rescheduled: Visit to Minsk", "Dates: 14–15 May 2030 → 16–17 May 2030"),
        ("Announced: Visit to Minsk", "14–15 May 2030<br>Minsk, Belarus<br>confirmed"),
    ]
    assert entries[0]["links"] == {
        "alternate": f"http://testserver/events/{rescheduled.slug}/",
        "related": f"http://testserver/events/{rescheduled.slug}.ics",
    }
    assert [bool(TAG_URI.fullmatch(entry["id"])) for entry in entries] == [True, True, True]


def test_the_json_feed_is_valid_json_feed_1_1(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        response = client.get("/changes.json?country=by")

    feed = json.loads(response.content)
    jsonschema.validate(feed, JSON_FEED)
    first = feed["items"][0]
    assert (response["Content-Type"], feed["feed_url"], feed["title"]) == (
        "application/feed+json; charset=utf-8",
        "http://testserver/changes.json?country=BY",
        "Changes: Diplomatic events · Belarus",
    )
    assert (first["title"], first["_change"]["old"]["status"], first["attachments"][0]["mime_type"]) == (
        "Cancelled: Visit to Minsk",
        "confirmed",
        "text/calendar",
    )
    assert [dt.datetime.fromisoformat(item["date_modified"]) for item in feed["items"]] == [
        MONDAY + dt.timedelta(days=2),
        MONDAY + dt.timedelta(days=1),
        MONDAY,
    ]


def test_the_russian_feed_is_in_russian_with_the_same_entry_ids(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        english = atom_entries(client.get("/changes.atom").content)
        response = client.get("/ru/changes.atom")
        russian = json.loads(client.get("/ru/changes.json").content)

    entries = atom_entries(response.content)
    assert ET.fromstring(response.content).get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert (entries[0]["title"], entries[0]["links"]["alternate"]) == (
        "Отменено: Визит в Минск",
        f"http://testserver/ru/events/{rescheduled.slug}/",
    )
    assert entries[1]["summary"].endswith("14–15 мая 2030 г. → 16–17 мая 2030 г.")
    assert russian["items"][2]["content_text"] == "14–15 мая 2030 г.\nМинск, Белоруссия\nподтверждено"
    assert [entry["id"] for entry in entries] == [entry["id"] for entry in english]


def test_a_filter_selects_the_changes_and_a_bad_one_is_a_400_naming_it(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        forums = client.get("/changes.atom?type=forum")
        bad = client.get("/changes.json?from=2030-02-30")

    assert (atom_entries(forums.content), bad.status_code, bad.content.decode().startswith("from: ")) == (
        [],
        400,
        True,
    )


def test_an_unchanged_feed_answers_304_and_is_served_from_the_cache(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        first = client.get("/changes.json")
        unchanged = client.get("/changes.json", HTTP_IF_NONE_MATCH=first["ETag"])
        with CaptureQueriesContext(connection) as queries:
            again = client.get("/changes.json")
        # The data version and the latest embargo to end: no event or history read.
        read = len(queries)
        event = Event.objects.get(pk=rescheduled.pk)
        event.title_en = "Visit to Minsk and Brest"
        event.save()
        changed = client.get("/changes.json", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (unchanged.status_code, read, again.content, changed.status_code) == (
        304,
        1,
        first.content,
        200,
    )
    assert json.loads(changed.content)["items"][0]["title"] == "Renamed: Visit to Minsk and Brest"


def test_an_embargoed_announcement_enters_the_feed_when_its_embargo_ends(client):
    embargo = MONDAY + dt.timedelta(hours=5)
    with at(MONDAY):
        AllDayEventFactory(title_en="Forum under embargo", publish_at=embargo)

    with at(embargo - dt.timedelta(minutes=1)):
        before = client.get("/changes.json").content.decode()
    with at(embargo + dt.timedelta(minutes=1)):
        after = json.loads(client.get("/changes.json").content)["items"]

    assert ("Forum under embargo" in before, [(item["title"], item["date_modified"]) for item in after]) == (
        False,
        [("Announced: Forum under embargo", "2030-03-04T14:00:00+00:00")],
    )


def test_every_subscribe_block_links_the_changes_of_its_selection(client, rescheduled):
    with at(MONDAY + dt.timedelta(days=3)):
        listing = client.get("/events/?type=visit").content.decode()
        month = client.get("/ru/events/2030/05/").content.decode()

    assert re.findall(r'href="(http://testserver/[^"]*changes[^"]*)"', listing) == [
        "http://testserver/changes.atom?type=visit",
        "http://testserver/changes.json?type=visit",
    ]
    assert re.findall(r'href="(http://testserver/[^"]*changes[^"]*)"', month) == [
        "http://testserver/ru/changes.atom?from=2030-05-01&amp;to=2030-05-31",
        "http://testserver/ru/changes.json?from=2030-05-01&amp;to=2030-05-31",
    ]
