"""events/shared.py: one rule each for finding venues, people and sources, whoever writes."""

import datetime as dt
from decimal import Decimal

import pytest

from events import services, shared
from events.importers.ics import import_calendar
from events.models import Event, Person, Source, Venue

from .factories import EventFactory, PersonFactory, SourceFactory, VenueFactory
from .writes import PUBLISHED, draft, ics_event, release

pytestmark = pytest.mark.django_db


# Venues ------------------------------------------------------------------------------------------------------------


def test_a_venue_is_found_by_its_city_in_either_language_in_any_case():
    moscow = VenueFactory(city_en="Moscow", city_ru="Москва")

    found = shared.find_venues(
        [
            shared.Place("RU", city_en="moscow"),
            shared.Place("RU", city_ru="МОСКВА"),
            shared.Place("RU", city_ru="Moscow"),
        ]
    )

    assert found == {
        shared.Place("RU", city_en="moscow"): moscow,
        shared.Place("RU", city_ru="МОСКВА"): moscow,
        shared.Place("RU", city_ru="Moscow"): moscow,
    }


def test_a_venue_is_not_found_in_another_country_or_city_or_by_a_building_for_the_whole_city():
    VenueFactory(city_en="Moscow", city_ru="Москва", country="RU")
    VenueFactory(city_en="Moscow", city_ru="", country="RU", name_en="Osobnyak")
    minsk = shared.Place("BY", city_en="Moscow")
    kazan = shared.Place("RU", city_en="Kazan")
    building = shared.Place("RU", city_en="Moscow", name_en="Spiridonovka 17")

    assert shared.find_venues([minsk, kazan, building]) == {}


def test_a_whole_country_matches_only_a_venue_without_a_city_and_the_first_of_equal_venues_wins():
    VenueFactory(city_en="Moscow", city_ru="")
    first, _second = VenueFactory(city_en="", city_ru=""), VenueFactory(city_en="", city_ru="")

    assert shared.find_venues([shared.Place("RU")]) == {shared.Place("RU"): first}


def test_find_or_create_venue_creates_a_venue_with_the_zone_and_rounded_coordinates_once():
    place = shared.Place("RU", city_en="Kazan")

    venue = shared.find_or_create_venue(place, timezone="Europe/Moscow", coordinates=(55.7963001, 49.1088))
    again = shared.find_or_create_venue(shared.Place("RU", city_ru="kazan"))

    assert again == venue
    assert (venue.city_en, str(venue.timezone), venue.latitude, venue.longitude) == (
        "Kazan",
        "Europe/Moscow",
        Decimal("55.796300"),
        Decimal("49.108800"),
    )
    assert Venue.objects.count() == 1


def test_the_api_the_importer_and_drafting_find_the_same_existing_venue():
    moscow = VenueFactory(city_en="Moscow", city_ru="Москва", country="RU")
    VenueFactory(city_en="Moscow", city_ru="Москва", country="RU")  # a later twin: never chosen

    by_api = services.save_event(EventFactory.build(venue=None), {"venue_spec": {"city": "MOSCOW", "country": "RU"}})
    import_calendar(ics_event(LOCATION="Moscow\\, Russia"))
    [drafted] = services.save_drafts(release(), [draft(city_en="Moscow", city_ru="Москва", country="RU")])

    assert (by_api.venue, Event.objects.get(uid="partner-1").venue, drafted.venue) == (moscow, moscow, moscow)
    assert Venue.objects.count() == 2


# People ------------------------------------------------------------------------------------------------------------


def test_a_person_is_found_by_either_name_in_any_case_or_by_the_slug_of_the_name():
    makei = PersonFactory(name_en="Vladimir Makei", name_ru="Владимир Макей", slug="makei")
    lavrov = PersonFactory(name_en="S. Lavrov", slug="sergey-lavrov")

    found = [shared.find_person(name) for name in ("vladimir  makei", "ВЛАДИМИР МАКЕЙ", "Sergey Lavrov", "Nobody")]

    assert found == [makei, makei, lavrov, None]


def test_a_name_without_a_latin_slug_does_not_find_whoever_has_the_fallback_slug():
    PersonFactory(name_en="Somebody", slug="person")

    person = shared.find_or_create_person("Сергей Лавров", "RU")

    assert (person.name_en, person.slug, person.country) == ("Сергей Лавров", "person-2", "RU")


def test_the_api_finds_the_existing_person_by_the_rule():
    lavrov = PersonFactory(name_en="Sergey Lavrov", slug="lavrov")
    participants = [{"name": "sergey lavrov", "role": "host"}]

    event = services.save_event(EventFactory.build(), {"participants": participants})

    assert [participation.person for participation in event.participations.all()] == [lavrov]
    assert Person.objects.count() == 1


# Sources -----------------------------------------------------------------------------------------------------------


def test_a_source_is_found_by_its_address_else_by_its_title_and_time():
    at_address = SourceFactory(title_en="Old title", url="https://mid.example.org/1")
    titled = SourceFactory(title_en="Press release", url="")

    found = [
        shared.find_source(title="New title", url="https://mid.example.org/1", published_at=PUBLISHED),
        shared.find_source(title="press release", url="", published_at=PUBLISHED),
        shared.find_source(title="Press release", url="", published_at=PUBLISHED + dt.timedelta(hours=1)),
    ]

    assert found == [at_address, titled, None]


def test_the_api_the_importer_and_drafting_find_the_same_existing_source():
    source = SourceFactory(url="https://partner.example.org/events/1")
    spec = {"title": "Another title", "url": source.url, "published_at": PUBLISHED}

    by_api = services.save_event(EventFactory.build(), {"source": spec})
    import_calendar(ics_event(URL=source.url))
    [drafted] = services.save_drafts(release(url=source.url), [draft()])

    assert (by_api.source, Event.objects.get(uid="partner-1").source, drafted.source) == (source, source, source)
    assert Source.objects.count() == 1
