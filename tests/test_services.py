"""The write path: one rule each for venues, people, sources and slugs, shared by the API, the importer and drafting;
the admin's and the bulk writes' services."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from events import freshness, services, shared, slugs
from events.importers.ics import import_calendar
from events.models import Event, EventType, Person, Source, Tag, Venue

from .factories import EventFactory, EventTypeFactory, PersonFactory, SourceFactory, VenueFactory

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)


def ics_event(**properties) -> bytes:
    lines = {
        "UID": "partner-1",
        "SUMMARY": "Consultations",
        "DTSTART;VALUE=DATE": "20271114",
        "CATEGORIES": "Visit",
        **properties,
    }
    body = "\r\n".join(f"{name}:{value}" for name, value in lines.items())
    calendar = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\nBEGIN:VEVENT\r\n{body}\r\nEND:VEVENT\r\n"
    return (calendar + "END:VCALENDAR\r\n").encode()


def draft(**values) -> dict:
    return {
        "title": "Consultations",
        "event_type": EventTypeFactory(slug="visit"),
        "visit_level": "",
        "dates": (dt.date(2027, 11, 14), dt.date(2027, 11, 14), Event.Precision.DAY),
        "city_en": "",
        "city_ru": "",
        "country": "",
        "timezone": "",
        "people": [],
        "sentence": "Consultations will be held.",
        **values,
    }


def release(**values) -> dict:
    return {"title": "Release", "url": "", "published": PUBLISHED.date(), "language": "en", "text": "…", **values}


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


# Slugs -------------------------------------------------------------------------------------------------------------


def test_a_unique_slug_is_numbered_and_fits_the_slug_column():
    base = "a" * 60
    PersonFactory(slug="a" * 45)
    PersonFactory(slug="a" * 40 + "-2")

    assert slugs.unique_slug(Person, base) == "a" * 40 + "-3"
    assert slugs.unique_slug(Person, "lavrov") == "lavrov"


def test_a_unique_slug_leaves_out_the_row_being_saved():
    event = EventFactory(title_en="Forum", start=dt.datetime(2017, 6, 1, 9, tzinfo=dt.UTC))

    assert slugs.unique_slug(Event, "forum-2017", exclude_pk=event.pk) == "forum-2017"
    assert slugs.unique_slug(Event, "forum-2017") == "forum-2017-2"


def test_free_slugs_gives_each_request_its_first_free_choice_and_no_slug_twice():
    Tag.objects.create(name_en="Energy", slug="energy")
    Tag.objects.create(name_en="Energy 3", slug="energy-3")

    given = slugs.free_slugs(Tag, [([], "energy"), (["power"], "energy"), (["energy-2"], "energy"), ([], "trade")])

    assert given == ["energy-4", "power", "energy-2", "trade"]


# The admin's writes and the bulk ones ------------------------------------------------------------------------------


def test_an_editor_may_not_save_a_published_event_and_nothing_is_saved(django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    event = EventFactory(is_published=True)
    event.title_en = "Changed"

    with pytest.raises(PermissionDenied):
        services.save_checked(editor, event)

    assert Event.objects.get(pk=event.pk).title_en != "Changed"


def test_run_on_each_counts_the_changed_events_and_says_why_each_refused_one_was_refused(django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    draft_event = EventFactory(is_published=False, title_en="Draft")
    published = EventFactory(is_published=True, title_en="Public")
    cancelled = EventFactory(is_published=False, title_en="Called off", status=Event.Status.CANCELLED)

    done, refusals = services.run_on_each(editor, Event.objects.order_by("pk"), services.cancel_event, check=True)

    assert done == 1
    assert refusals == ["Public: Only a publisher may publish events or change published ones; save it as a draft."]
    assert [event.status for event in Event.objects.filter(pk__in=[draft_event.pk, cancelled.pk])] == [
        Event.Status.CANCELLED,
        Event.Status.CANCELLED,
    ]
    assert Event.objects.get(pk=published.pk).status == Event.Status.CONFIRMED


@pytest.mark.parametrize(("published", "public_change"), [(True, True), (False, False)])
def test_announcing_a_venue_change_counts_it_as_public_only_when_a_public_event_is_there(published, public_change):
    venue = VenueFactory()
    event = EventFactory(venue=venue, is_published=published)
    before = freshness.current()

    count = services.announce_venue_change(venue)

    after = freshness.current()
    assert count == 1
    assert (after.number > before.number, after.edits > before.edits) == (public_change, True)
    assert Event.objects.get(pk=event.pk).sequence == event.sequence + 1


def test_save_venue_announces_only_a_change_subscribers_see():
    venue = VenueFactory()
    EventFactory(venue=venue)

    venue.address_en = "Spiridonovka 17"
    address = services.save_venue(venue, ["address_en"])
    venue.city_en = "Moskva"
    city = services.save_venue(venue, ["city_en"])

    assert (address, city) == (None, 1)


def test_an_import_of_drafts_only_touches_the_data_version_and_a_published_one_bumps_it():
    EventTypeFactory(slug="visit")
    before = freshness.current()

    import_calendar(ics_event())
    drafts = freshness.current()
    import_calendar(ics_event(UID="partner-2"), publish=True)
    published = freshness.current()

    assert (drafts.number, drafts.edits > before.edits) == (before.number, True)
    assert published.number > drafts.number


def test_drafts_the_model_refuses_save_nothing_and_say_which_draft_was_refused():
    good = draft()
    bad = draft(dates=(dt.date(2027, 11, 14), dt.date(2027, 11, 14), Event.Precision.DAY), title="x" * 301)

    with pytest.raises(services.DraftsRefused) as refused:
        services.save_drafts(release(), [good, bad])

    assert list(refused.value.errors) == [1]
    assert (Event.objects.count(), Source.objects.count()) == (0, 0)


def test_drafts_are_saved_unpublished_with_the_release_as_their_source_in_its_language():
    EventType.objects.filter(slug="visit").delete()
    visit = EventTypeFactory(slug="visit")

    [saved] = services.save_drafts(release(language="ru", title="Комментарий"), [draft(event_type=visit)])

    assert (saved.is_published, saved.source.title_en, saved.source.title_ru, saved.title_ru) == (
        False,
        "Комментарий",
        "Комментарий",
        "Consultations",
    )
