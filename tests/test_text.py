"""Text in and out (events/text.py): no control character is stored, and whatever text reaches a stored field or
a filter, every output format still parses, with real parsers, and gains no line, event or element of its own."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import icalendar
import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from events.models import Event, Organisation, Participation
from events.text import clean_line, clean_text, for_log

from .factories import AllDayEventFactory, PersonFactory, SeriesFactory, SourceFactory, TagFactory, VenueFactory
from .icaljs import parse_with_icaljs

HOSTILE = [
    "a\nb",
    "a\rb",
    "a\r\nBEGIN:VEVENT\r\nUID:forged\r\nEND:VEVENT\r\nb",
    "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f",
    "\x80\x85\x9f",
    "\x1b[2J\x1b]0;title\x07",
    "\ud800 lone \udfff",
    "\u202e\u2066RTL\u2069\u200f",
    "\u2028\u2029",
    "\ufffe\uffff",
    "]]></title><entry>",
    "</script><script>alert(1)</script>",
    '"quotes", commas; semicolons\\',
]

# Every code point, surrogates and controls included, and the hostile pieces above.
hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=1, max_size=30),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map("".join),
)

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cleaned_line_has_no_control_character_no_line_break_and_no_surrogate(text):
    line = clean_line(text)
    assert (FORBIDDEN.search(line), re.search("[\r\n\u2028\u2029\x85]", line)) == (None, None)
    line.encode("utf-8")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cleaned_text_keeps_line_feeds_only(text):
    cleaned = clean_text(text)
    assert (FORBIDDEN.search(cleaned), "\r" in cleaned) == (None, False)


def test_cleaning_keeps_ordinary_text_as_it_is():
    text = "Рабочий визит Министра\tиностранных дел — «Минск», 14–15 ноября; عربي \u200f"
    assert (clean_line(text), clean_text("one\ntwo")) == (text.replace("\t", " "), "one\ntwo")


def test_a_log_value_is_one_line_with_its_controls_shown():
    assert for_log("x\nFORGED \x1b[2J\x00 Минск") == "x\\nFORGED \\x1b[2J\\x00 Минск"


def test_every_text_column_of_every_model_is_cleaned_on_save(db):
    dirty = "Line\none\x00\x1b[2J"
    # A building's name, not the city's again (a name repeating the city is left out: Venue.normalise).
    venue = VenueFactory(name_en=f"Hall {dirty}", city_en=dirty)
    person = PersonFactory(name_en=dirty)
    tag = TagFactory(name_en=dirty)
    series = SeriesFactory(name_en=dirty, description_en=dirty)
    source = SourceFactory(title_en=dirty, text=dirty)
    organisation = Organisation.objects.create(slug="body", name_en=dirty)
    event = AllDayEventFactory(venue=venue, title_en=dirty, description_en=dirty, series=series, source=source)
    participation = Participation.objects.create(event=event, person=person, position_en=dirty)
    stored = [
        type(row).objects.filter(pk=row.pk).values_list(*fields).get()
        for row, fields in (
            (venue, ("name_en", "city_en")),
            (person, ("name_en",)),
            (tag, ("name_en",)),
            (series, ("name_en", "description_en")),
            (source, ("title_en", "text")),
            (organisation, ("name_en",)),
            (event, ("title_en", "description_en")),
            (participation, ("position_en",)),
        )
    ]
    line, text = "Line one[2J", "Line\none[2J"
    assert stored == [
        (f"Hall {line}", line),
        (line,),
        (line,),
        (line, text),
        (line, text),
        (line,),
        (line, text),
        (line,),
    ]


def test_the_api_refuses_nul_and_lone_surrogates_with_a_message(db, django_user_model):
    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_superuser("root", password="x"))
    body = {"title_en": "a\x00b", "summary_en": "\ud800"}
    response = client.post("/api/events/", json.dumps(body), content_type="application/json")
    errors = response.json()
    assert (response.status_code, errors["title_en"], errors["summary_en"]) == (
        400,
        ["Null characters are not allowed."],
        ["Surrogate characters are not allowed: U+D800."],
    )


def test_cleaning_with_russian_active_never_copies_english_into_the_russian_columns(db):
    from django.utils import translation

    with translation.override("ru"):
        venue = VenueFactory(city_en="Minsk\x01", city_ru="")
        event = AllDayEventFactory(
            venue=venue,
            title_en="Visit\x01 to Minsk",
            title_ru="",
            description_en="First.\r\nSecond.",
            description_ru="",
        )
    stored = Event.objects.filter(pk=event.pk).values_list("title_en", "title_ru", "description_en", "description_ru")
    assert (stored.get(), type(venue).objects.filter(pk=venue.pk).values_list("city_en", "city_ru").get()) == (
        ("Visit to Minsk", "", "First.\nSecond.", ""),
        ("Minsk", ""),
    )


def test_text_sent_to_the_api_is_stored_clean(db, django_user_model):
    from .factories import EventTypeFactory

    EventTypeFactory(slug="visit")
    client = APIClient()
    client.force_authenticate(django_user_model.objects.create_superuser("root", password="x"))
    body = {
        "type": "visit",
        "title_en": "Talks\r\nBEGIN:VEVENT\x01",
        "summary_en": "\x9bSummary\x1b",
        "all_day": True,
        "start": "2030-05-14",
        "country": "RU",
        "city": "Minsk\n",
        "venue": "Hall\x07",
        "participants": [{"name": "Name\x85Forged", "position": "Minister\u2028", "role": "guest"}],
    }
    response = client.post("/api/events/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.json()
    event = Event.objects.select_related("venue").get(slug=response.json()["slug"])
    person = event.participations.get().person
    assert (event.title_en, event.summary_en, event.venue.city_en, event.venue.name_en, person.name_en) == (
        "Talks BEGIN:VEVENT",
        "Summary",
        "Minsk",
        "Hall",
        "Name Forged",
    )


def test_a_stored_title_with_a_line_break_gives_a_valid_single_event_file(client, db):
    event = AllDayEventFactory(title_en="Visit")
    # As rows written before cleaning (the migration cleans them; this is what it leaves if it did not run).
    Event.objects.filter(pk=event.pk).update(title_en="Visit\r\nEND:VCALENDAR\rBEGIN:VEVENT\x01")
    response = client.get(f"/events/{event.slug}.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert (response.status_code, [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]) == (
        200,
        ["Visit END:VCALENDAR BEGIN:VEVENT"],
    )


def answer(response) -> tuple[int, bytes]:
    return response.status_code, response.content


def outputs(client, event: Event, hostile: str) -> dict[str, tuple[int, bytes]]:
    """What the service writes about the event, and what it writes for a selection typed as hostile text."""
    # Typed into a URL as UTF-8 bytes; a lone surrogate arrives as the bytes a client would send for it.
    typed = quote(hostile[:50].encode("utf-8", "surrogatepass"), safe="")
    window = "from=2000-01-01"
    return {
        "feed": answer(client.get(f"/feeds/events.ics?{window}")),
        "ru feed": answer(client.get(f"/ru/feeds/events.ics?{window}")),
        "feed searched": answer(client.get(f"/feeds/events.ics?{window}&q={typed}")),
        "feed of a city": answer(client.get(f"/feeds/events.ics?{window}&city={typed}")),
        "event file": answer(client.get(f"/events/{event.slug}.ics")),
        "atom": answer(client.get("/feeds/upcoming.atom")),
        "atom of a city": answer(client.get(f"/feeds/upcoming.atom?city={typed}")),
        "changes": answer(client.get("/changes.atom")),
        "changes of a city": answer(client.get(f"/changes.json?city={typed}")),
        "sitemap": answer(client.get("/sitemap-events.xml")),
        "page": answer(client.get(f"/events/{event.slug}/")),
        "api": answer(client.get(f"/api/events/{event.slug}/")),
        "api list": answer(client.get(f"/api/events/?q={typed}")),
    }


# Every property name this service writes in a feed: a forged line would bring one of its own.
KNOWN = {
    *b"BEGIN END PRODID VERSION CALSCALE METHOD NAME DESCRIPTION REFRESH-INTERVAL X-PUBLISHED-TTL".split(),
    *b"X-WR-CALNAME X-WR-CALDESC UID DTSTAMP DTSTART DTEND SUMMARY STATUS SEQUENCE LAST-MODIFIED CREATED".split(),
    *b"LOCATION GEO CATEGORIES URL TRANSP CLASS RELATED-TO TZID TZOFFSETFROM TZOFFSETTO TZNAME RDATE RRULE".split(),
    b"COMMENT",  # icalendar's note of the years a VTIMEZONE covers (an empty calendar holds one)
    *b"X-DIPCAL-TITLE X-DIPCAL-SUMMARY X-DIPCAL-DESCRIPTION X-DIPCAL-PRECISION X-DIPCAL-STATUS".split(),
    *b"X-DIPCAL-TYPE X-DIPCAL-AGENDA X-DIPCAL-TIMEZONE".split(),
}


def check_calendar(content: bytes, expected_uids: set[str], *, with_icaljs: bool = False) -> None:
    calendar = icalendar.Calendar.from_ical(content)
    uids = {str(vevent["UID"]) for vevent in calendar.walk("VEVENT")}
    assert uids <= expected_uids
    names = {line.split(b":", 1)[0].split(b";", 1)[0] for line in content.split(b"\r\n") if line and line[:1] != b" "}
    assert sorted(names - KNOWN) == []
    if with_icaljs:
        parse_with_icaljs(content)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile=hostile_text)
def test_any_text_in_any_field_or_filter_leaves_every_format_parseable(db, hostile):
    hostile = hostile[:100]  # the shortest field (a city, a topic) holds 100 characters
    venue = VenueFactory(name_en=hostile, name_ru=hostile, city_en=hostile)
    event = AllDayEventFactory(
        venue=venue,
        title_en=hostile,
        title_ru=hostile,
        summary_en=hostile,
        description_en=hostile,
        agenda_en=hostile,
        start_date=dt.date(2031, 1, 2),
        end_date=dt.date(2031, 1, 3),
        series=SeriesFactory(name_en=hostile),
        source=SourceFactory(title_en=hostile),
    )
    event.tags.add(TagFactory(name_en=hostile))
    event.organisers.add(Organisation.objects.create(slug=f"body-{event.pk}", name_en=hostile))
    Participation.objects.create(event=event, person=PersonFactory(name_en=hostile), position_en=hostile)
    uids = set(Event.objects.values_list("uid", flat=True))
    client = Client()
    produced = outputs(client, event, hostile)
    typed = {"feed searched", "feed of a city", "atom of a city", "api list", "changes of a city"}
    # A typed filter may be refused (more than ten words, a NUL): a 400, never a 5xx; everything else answers.
    assert {name: status for name, (status, _content) in produced.items() if status != 200} == {
        name: 400 for name, (status, _content) in produced.items() if name in typed and status == 400
    }
    content = {name: body for name, (status, body) in produced.items() if status == 200}
    for name in {"feed", "ru feed", "feed searched", "feed of a city", "event file"} & set(content):
        # Mozilla's ical.js (Thunderbird) too, on the feeds the event's own texts and the typed filters reach.
        check_calendar(content[name], uids, with_icaljs=name in ("feed", "feed searched"))
    for name in {"atom", "atom of a city", "changes", "sitemap"} & set(content):
        assert ET.fromstring(content[name]).tag.endswith(("feed", "urlset"))
    ld = re.search(rb'<script type="application/ld\+json">(.*?)</script>', content["page"], re.DOTALL)
    assert json.loads(ld.group(1))["name"] == clean_line(hostile)
    assert json.loads(content["api"])["title_en"] == clean_line(hostile)
    for name in {"api list", "changes of a city"} & set(content):
        json.loads(content[name])
