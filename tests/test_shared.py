"""events/shared.py: one rule each for finding venues, people and sources, whoever writes."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events import services, shared
from events.importers.ics import import_calendar
from events.models import Event, Person, Source, Venue

from .factories import EventFactory, PersonFactory, SourceFactory, VenueFactory
from .formdata import form_data
from .writes import PUBLISHED, draft, ics_event, release

pytestmark = pytest.mark.django_db

API_DRAFT = {"type": "visit", "title_en": "Consultations", "all_day": True, "start": "2027-05-14", "published": False}


@pytest.fixture
def staff_client(django_user_model):
    officer = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    officer.user_permissions.add(*Permission.objects.filter(codename__in=["view_event", "add_event", "change_event"]))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=officer).key}")
    return client


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


# A venue's name that only repeats its city -------------------------------------------------------------------------


def minsk(**values) -> Venue:
    return VenueFactory(city_en="Minsk", city_ru="Минск", country="BY", timezone="Europe/Minsk", **values)


def venue_form(client, **values) -> dict:
    """The admin's add form for a venue as a browser sends it, filled in with values."""
    data = form_data(client.get("/admin/events/venue/add/").content.decode(), "venue_form")
    data.update({name: [value] for name, value in values.items()})
    return data


def test_a_place_whose_name_only_repeats_its_city_or_country_is_the_city_itself():
    places = [
        shared.Place("BY", city_en="Minsk", name_en="Minsk"),
        shared.Place("BY", city_ru="Минск", name_ru="МИНСК, Беларусь"),
        shared.Place("BY", city_en="Minsk", name_en="City of Minsk, Belarus"),
        shared.Place("BY", city_en="Minsk", name_en="Minsk Arena"),
    ]

    assert [(place.name_en, place.name_ru) for place in places] == [("", ""), ("", ""), ("", ""), ("Minsk Arena", "")]


def test_the_api_uses_the_city_for_a_venue_named_after_it():
    city = minsk()

    by_api = services.save_event(
        EventFactory.build(venue=None), {"venue_spec": {"venue": "Minsk", "city": "Minsk", "country": "BY"}}
    )

    assert (by_api.venue, str(by_api.venue), Venue.objects.count()) == (city, "Minsk, Belarus", 1)


def test_an_api_client_naming_a_venue_after_its_city_reads_the_city_back(staff_client):
    response = staff_client.post(
        "/api/events/",
        json.dumps({**API_DRAFT, "venue": "Минск", "city": "Minsk", "country": "BY"}),
        content_type="application/json",
    )

    data = response.json()
    assert (response.status_code, data["venue"], data["city"], data["country"]) == (201, "", "Minsk", "BY")
    assert list(Venue.objects.values_list("name_en", "city_en", "country")) == [("", "Minsk", "BY")]


def test_the_importer_reads_a_location_repeating_its_city_as_the_city():
    city = minsk()

    import_calendar(ics_event(UID="one", LOCATION="Minsk\\, Minsk\\, Belarus"))
    import_calendar(ics_event(UID="two", LOCATION="Минск\\, Минск\\, Белоруссия"))

    assert list(Event.objects.order_by("uid").values_list("uid", "venue")) == [("one", city.pk), ("two", city.pk)]
    assert Venue.objects.count() == 1


def test_the_importer_creates_the_city_for_a_location_repeating_it():
    import_calendar(ics_event(LOCATION="Minsk\\, Minsk\\, Belarus"))

    assert str(Event.objects.get(uid="partner-1").venue) == "Minsk, Belarus"
    assert list(Venue.objects.values_list("name_en", "city_en", "country")) == [("", "Minsk", "BY")]


def test_the_admin_keeps_a_venue_named_after_its_city_as_the_city_and_says_so(admin_client):
    data = venue_form(admin_client, name_en="Minsk", name_ru="Минск", city_en="Minsk", city_ru="Минск", country="BY")

    response = admin_client.post("/admin/events/venue/add/", data, follow=True)

    venue = Venue.objects.get()
    assert (venue.name_en, venue.name_ru, str(venue)) == ("", "", "Minsk, Belarus")
    assert [str(message) for message in response.context["messages"]][:2] == [
        "The name “Minsk” only repeated the city or country, so it was left out: this venue is Minsk, Belarus itself. "
        "A venue's name is the building or place, for example “Ministry of Foreign Affairs”.",
        "The name “Минск” only repeated the city or country, so it was left out: this venue is Minsk, Belarus itself. "
        "A venue's name is the building or place, for example “Ministry of Foreign Affairs”.",
    ]


def test_the_admin_chooses_the_city_that_is_a_venue_already_rather_than_adding_it_again(admin_client):
    city = minsk()
    data = venue_form(admin_client, name_en="MINSK", city_en="Minsk", country="BY")

    response = admin_client.post("/admin/events/venue/add/", data, follow=True)

    assert (response.redirect_chain, Venue.objects.count()) == ([(f"/admin/events/venue/{city.pk}/change/", 302)], 1)
    assert [str(message) for message in response.context["messages"]][1:] == [
        "Minsk, Belarus is a venue already: it is used, not added again."
    ]
    assert LogEntry.objects.count() == 0


def test_the_event_forms_plus_popup_gets_the_city_that_is_a_venue_already(admin_client):
    city = minsk()
    data = venue_form(admin_client, name_en="Minsk", city_en="Minsk", country="BY")
    data.update({"_popup": ["1"], "_to_field": ["id"]})

    response = admin_client.post("/admin/events/venue/add/?_to_field=id&_popup=1", data)

    assert (response.status_code, json.loads(response.context["popup_response_data"])) == (
        200,
        {"value": str(city.pk), "obj": "Minsk, Belarus"},
    )
    assert Venue.objects.count() == 1


def test_the_admin_keeps_a_building_in_the_city():
    venue = minsk(name_en="Ministry of Foreign Affairs", name_ru="Минск")

    assert (venue.name_en, venue.name_ru, str(venue)) == (
        "Ministry of Foreign Affairs",
        "",
        "Ministry of Foreign Affairs, Minsk, Belarus",
    )


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
