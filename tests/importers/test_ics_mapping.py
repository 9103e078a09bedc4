"""What a VEVENT's properties give an event: a venue from LOCATION and GEO, a source from URL, the type and tags
from CATEGORIES."""

import datetime as dt
from decimal import Decimal

import pytest

from events.importers.ics import import_calendar
from events.models import Event, EventType

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_location_and_geo_make_a_venue_and_url_a_source():
    lines = event_lines(
        LOCATION="Osobnyak\\, Spiridonovka 17, Moscow, Russia",
        GEO="55.757;37.593",
        URL="https://partner.example.org/events/1",
        DESCRIPTION="Talks\\non the agenda",
        CREATED="20271001T080000Z",
    )

    import_calendar(ics(lines))

    event = Event.objects.select_related("venue", "source").get(uid="partner-1")
    venue = event.venue
    assert (venue.name, venue.city, venue.country.code) == ("Osobnyak, Spiridonovka 17", "Moscow", "RU")
    assert (venue.latitude, venue.longitude) == (Decimal("55.757000"), Decimal("37.593000"))
    assert (event.source.url, event.source.title) == ("https://partner.example.org/events/1", "Consultations")
    assert event.source.published_at == dt.datetime(2027, 10, 1, 8, tzinfo=dt.UTC)
    assert event.description == "Talks\non the agenda"


def test_a_russian_location_finds_the_country_by_its_russian_name():
    import_calendar(ics(event_lines(LOCATION="Минск, Белоруссия")), language="ru")

    event = Event.objects.select_related("venue").get(uid="partner-1")
    assert (event.venue.city_ru, event.venue.country.code, event.title_ru) == ("Минск", "BY", "Consultations")


def test_an_unknown_place_is_reported_and_left_empty():
    report = import_calendar(ics(event_lines(LOCATION="Somewhere nice")))

    assert report.notes == [("Consultations (partner-1)", "place “Somewhere nice” not recognised: no venue set")]
    assert Event.objects.get(uid="partner-1").venue is None


def test_categories_give_the_type_and_tags_with_a_mapping_and_a_default():
    lines = [
        event_lines(uid="a", CATEGORIES="Kulturtage,Culture"),
        event_lines(uid="b", CATEGORIES="Economy"),
    ]

    import_calendar(
        ics(*lines), category_map={"Kulturtage": "culture-days"}, default_type=EventType.objects.get(slug="forum")
    )

    first, second = Event.objects.get(uid="a"), Event.objects.get(uid="b")
    assert (first.event_type.slug, [tag.name for tag in first.tags.all()]) == ("culture-days", ["Culture"])
    assert (second.event_type.slug, [tag.name for tag in second.tags.all()]) == ("forum", ["Economy"])


def test_a_url_that_is_not_a_web_address_is_not_kept():
    report = import_calendar(ics(event_lines(URL="javascript:alert(document.cookie)")), publish=True)

    assert report.notes == [("Consultations (partner-1)", "the URL is not a web address (http or https): not kept")]
    assert Event.objects.get(uid="partner-1").source is None
