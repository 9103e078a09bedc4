"""Events: their dates and precision, validation, calendar UID, slugs and translations (events/models/event.py)."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event, Venue, names_only_the_place

from ..factories import AllDayEventFactory, EventFactory, EventTypeFactory, SeriesFactory, VenueFactory

pytestmark = pytest.mark.django_db


def validation_messages(event: Event) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


# Dates and precision


def test_timed_event_derives_local_days_in_its_zone():
    event = EventFactory(
        timezone="Asia/Vladivostok",
        start=dt.datetime(2017, 11, 14, 14, 30, tzinfo=dt.UTC),
        end=dt.datetime(2017, 11, 14, 15, 30, tzinfo=dt.UTC),
    )

    assert (event.start_date, event.end_date) == (dt.date(2017, 11, 15), dt.date(2017, 11, 15))


def test_timed_event_takes_the_venue_zone_when_none_given():
    event = EventFactory(timezone="", venue=VenueFactory(timezone="Europe/Minsk"))

    event.full_clean()

    assert str(event.timezone) == "Europe/Minsk"


def test_all_day_event_without_last_day_lasts_one_day():
    event = AllDayEventFactory(start_date=dt.date(2017, 11, 14), end_date=None)

    assert event.end_date == dt.date(2017, 11, 14)


def test_month_precision_covers_the_whole_month_without_inventing_a_day():
    event = AllDayEventFactory(date_precision="month", start_date=dt.date(2016, 2, 1), end_date=None)

    event.full_clean()

    assert (event.start_date, event.end_date, event.all_day) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29), True)


def test_year_precision_covers_the_whole_year():
    event = AllDayEventFactory(date_precision="year", start_date=dt.date(2014, 1, 1), end_date=None)

    assert (event.start_date, event.end_date) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))


def test_month_precision_rejects_a_specific_day():
    event = AllDayEventFactory.build(date_precision="month", start_date=dt.date(2015, 6, 14), end_date=None)

    assert validation_messages(event)["start_date"] == [
        "Only the month is known: give the first day of the month (2015-06-01), not a day the sources do not state."
    ]


def test_year_precision_rejects_a_specific_day():
    event = AllDayEventFactory.build(date_precision="year", start_date=dt.date(2016, 3, 1), end_date=None)

    assert validation_messages(event)["start_date"] == [
        "Only the year is known: give 1 January (2016-01-01), not a day the sources do not state."
    ]


def test_undated_event_rejects_dates():
    event = AllDayEventFactory.build(date_precision="none")

    assert validation_messages(event)["date_precision"] == [
        "The dates are set but the precision says there is no date yet: choose a precision or clear the dates."
    ]


def test_undated_event_without_dates_is_valid():
    event = AllDayEventFactory.build(date_precision="none", start_date=None, end_date=None, slug="tba")

    event.full_clean()

    assert event.start_date is None


def test_all_day_event_needs_a_first_day():
    event = AllDayEventFactory.build(start_date=None, end_date=None)

    assert validation_messages(event)["start_date"] == ["Give the first day, or choose “no date yet” as the precision."]


def test_all_day_event_rejects_last_day_before_first():
    event = AllDayEventFactory.build(start_date=dt.date(2017, 11, 15), end_date=dt.date(2017, 11, 14))

    assert validation_messages(event)["end_date"] == ["The last day is before the first day."]


def test_timed_event_rejects_end_before_start():
    event = EventFactory.build(
        start=dt.datetime(2017, 11, 14, 10, tzinfo=dt.UTC), end=dt.datetime(2017, 11, 14, 9, tzinfo=dt.UTC)
    )

    assert validation_messages(event)["end"] == ["The event ends before it starts."]


def test_timed_event_without_time_zone_is_rejected():
    event = EventFactory.build(timezone="", venue=None)

    assert validation_messages(event)["timezone"] == ["A timed event needs the time zone of its venue."]


def test_timed_event_without_start_is_rejected():
    event = EventFactory.build(start=None, end=None)

    assert validation_messages(event)["start"] == ["A timed event needs its start time (or tick “all day”)."]


def test_month_precision_forces_all_day():
    event = EventFactory.build(date_precision="month", start_date=dt.date(2017, 10, 1))

    assert validation_messages(event)["start"] == [
        "An all-day event has days, not times: clear the times or untick “all day”."
    ]


def test_database_refuses_end_before_start_even_without_validation():
    event = AllDayEventFactory.build(start_date=dt.date(2017, 11, 15), end_date=dt.date(2017, 11, 14))

    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


# Has it ended? The rule of EventQuerySet.past() for one event in hand


NOW = dt.datetime(2017, 11, 14, 12, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("fields", "ended"),
    [
        ({"start": NOW - 2 * HOUR, "end": NOW - HOUR}, True),
        ({"start": NOW - 2 * HOUR, "end": NOW}, False),  # ending this very instant: still upcoming()
        ({"start": NOW - HOUR, "end": NOW + HOUR}, False),
        ({"start": NOW - HOUR, "end": None}, True),
        ({"start": NOW + HOUR, "end": None}, False),
        ({"all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2017, 11, 13), "end_date": dt.date(2017, 11, 13)}, True),
        ({"all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2017, 11, 13), "end_date": dt.date(2017, 11, 14)}, False),
        ({"date_precision": "month", "all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2017, 10, 1), "end_date": dt.date(2017, 10, 31)}, True),
        ({"date_precision": "month", "all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2017, 11, 1), "end_date": dt.date(2017, 11, 30)}, False),
        ({"date_precision": "year", "all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2016, 1, 1), "end_date": dt.date(2016, 12, 31)}, True),
        ({"date_precision": "year", "all_day": True, "start": None, "end": None, "timezone": "",
          "start_date": dt.date(2017, 1, 1), "end_date": dt.date(2017, 12, 31)}, False),
        ({"date_precision": "none", "all_day": True, "start": None, "end": None, "timezone": ""}, False),
    ],
)  # fmt: skip
def test_has_ended_agrees_with_the_past_and_upcoming_selections(fields, ended):
    event = EventFactory(**fields)

    found = (event.has_ended(NOW), Event.objects.past(NOW).filter(pk=event.pk).exists())

    assert found == (ended, ended)
    assert Event.objects.upcoming(NOW).filter(pk=event.pk).exists() is (
        not ended and fields.get("date_precision") != "none"
    )


def test_an_all_day_event_ends_at_midnight_utc_after_its_last_day():
    event = AllDayEventFactory(start_date=dt.date(2017, 11, 14), end_date=dt.date(2017, 11, 14))
    midnight = dt.datetime(2017, 11, 15, tzinfo=dt.UTC)

    assert (event.has_ended(midnight - dt.timedelta(seconds=1)), event.has_ended(midnight)) == (False, True)
    # The same instant written in Moscow time is the same instant.
    assert event.has_ended(midnight.astimezone(dt.timezone(dt.timedelta(hours=3)))) is True


# Other rules


def test_embargo_on_a_draft_is_rejected(now):
    event = EventFactory.build(is_published=False, publish_at=now)

    assert validation_messages(event)["publish_at"] == [
        "An embargo applies to a published event: tick “published”, or clear the embargo time."
    ]


def test_visit_level_on_a_type_that_is_not_a_visit_is_rejected():
    event = EventFactory.build(event_type=EventTypeFactory(slug="forum"), visit_level="working")

    assert validation_messages(event)["visit_level"] == ["Only visits have a visit level; “Forum” is not a visit type."]


def test_visit_level_on_a_visit_is_valid():
    event = EventFactory(event_type=EventTypeFactory(slug="visit"), visit_level="working")

    event.full_clean()

    assert event.get_visit_level_display() == "working visit"


def test_edition_without_series_is_rejected():
    event = EventFactory.build(edition=4)

    assert validation_messages(event)["edition"] == [
        "An edition number needs a series; choose the series or clear the number."
    ]


def test_two_events_cannot_be_the_same_edition_of_a_series():
    series = SeriesFactory()
    EventFactory(series=series, edition=4)
    duplicate = EventFactory.build(series=series, edition=4)

    assert validation_messages(duplicate)["__all__"] == ["Event with this Series and Edition number already exists."]


def test_event_cannot_be_part_of_its_own_part():
    visit = AllDayEventFactory()
    part = AllDayEventFactory(parent=visit)
    visit.parent = part

    assert validation_messages(visit)["parent"] == ["An event cannot be a part of itself or of one of its own parts."]


def test_part_outside_the_parent_dates_is_rejected():
    visit = AllDayEventFactory(start_date=dt.date(2017, 6, 4), end_date=dt.date(2017, 6, 5))
    part = AllDayEventFactory.build(parent=visit, start_date=dt.date(2017, 6, 6), end_date=dt.date(2017, 6, 6))

    assert validation_messages(part)["start_date"] == [
        "A part must take place within the dates of the event it belongs to (2017-06-04..2017-06-05)."
    ]


def test_validation_messages_exist_in_russian():
    event = AllDayEventFactory.build(start_date=dt.date(2017, 11, 15), end_date=dt.date(2017, 11, 14))

    with translation.override("ru"):
        messages = validation_messages(event)

    assert messages["end_date"] == ["Последний день раньше первого."]


# Calendar bookkeeping


def test_uid_is_a_uuid_independent_of_the_database_id():
    event = EventFactory()

    assert str(uuid.UUID(event.uid)) == event.uid
    assert str(event.pk) not in event.uid.split("-")


def test_uid_survives_every_kind_of_edit():
    event = EventFactory()
    uid = event.uid

    event.title_en = "Renamed"
    event.start = event.start + dt.timedelta(days=1)
    event.end = event.end + dt.timedelta(days=1)
    event.status = Event.Status.CANCELLED
    event.save()
    event.refresh_from_db()

    assert event.uid == uid


# Slugs and translations


def test_slug_comes_from_the_english_title_and_year_and_stays_unique():
    first = AllDayEventFactory(title_en="Minsk Days in Moscow", start_date=dt.date(2017, 10, 1))
    second = AllDayEventFactory(title_en="Minsk Days in Moscow", start_date=dt.date(2017, 10, 1))

    assert (first.slug, second.slug) == ("minsk-days-moscow-2017", "minsk-days-moscow-2017-2")


def test_missing_russian_text_falls_back_to_english_and_is_reported():
    event = EventFactory(title_en="Talks", title_ru="", summary_en="Summary", summary_ru="Кратко")

    with translation.override("ru"):
        title = event.title

    assert (title, event.missing_translations) == ("Talks", ["title"])


def test_get_absolute_url_uses_the_slug():
    event = EventFactory(slug="minsk-days")

    assert event.get_absolute_url() == "/events/minsk-days/"


@pytest.mark.parametrize("year", [1799, 2201, 9999])
def test_years_out_of_range_are_refused_with_a_message(year):
    event = AllDayEventFactory.build(start_date=dt.date(year, 1, 1), end_date=dt.date(year, 1, 1))

    assert validation_messages(event)["start_date"] == ["Give a year between 1800 and 2200."]


def test_timed_event_near_the_end_of_time_is_refused_not_crashed():
    event = EventFactory.build(
        timezone="America/New_York",
        start=dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC),
        end=dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC),
    )

    assert validation_messages(event)["start"] == ["Give a year between 1800 and 2200."]


def test_part_of_an_unsaved_parent_is_checked_against_its_dates():
    parent = AllDayEventFactory.build(start_date=dt.date(2020, 5, 1), end_date=dt.date(2020, 5, 2))
    part = AllDayEventFactory.build(parent=parent, start_date=dt.date(2021, 1, 1), end_date=dt.date(2021, 1, 1))

    assert validation_messages(part)["start_date"] == [
        "A part must take place within the dates of the event it belongs to (2020-05-01..2020-05-02)."
    ]


# Venues whose name only repeats their place


@pytest.mark.parametrize(
    ("name", "cities", "country", "repeats"),
    [
        ("Minsk", ("Minsk", "Минск"), "BY", True),
        ("МИНСК", ("Minsk", "Минск"), "BY", True),
        ("Минск", ("Minsk", ""), "BY", True),
        ("Minsk, Belarus", ("Minsk", ""), "BY", True),
        ("Минск, Республика Беларусь", ("", "Минск"), "BY", True),
        ("City of Minsk", ("Minsk", ""), "BY", True),
        ("г. Минск", ("", "Минск"), "BY", True),
        ("Belarus", ("Minsk", ""), "BY", True),
        ("Belarus", ("", ""), "BY", True),
        ("Nur-Sultan", ("Nur Sultan", ""), "KZ", True),
        ("Minsk Arena", ("Minsk", "Минск"), "BY", False),
        ("Ministry of Foreign Affairs", ("Minsk", "Минск"), "BY", False),
        ("Moscow", ("Minsk", "Минск"), "BY", False),
        ("Minsk", ("", ""), "BY", False),
        ("The City", ("Minsk", ""), "BY", False),
    ],
)
def test_a_name_only_naming_the_city_or_country_is_told_from_a_building(name, cities, country, repeats):
    assert names_only_the_place(name, cities, country) is repeats


def test_a_venue_named_after_its_city_is_saved_as_the_city_itself():
    venue = VenueFactory(name_en="Minsk", name_ru="Минск", city_en="Minsk", city_ru="Минск", country="BY")

    assert (Venue.objects.filter(pk=venue.pk).values_list("name", "name_en", "name_ru").get(), str(venue)) == (
        ("", "", ""),
        "Minsk, Belarus",
    )


def test_a_venue_clean_leaves_out_a_name_repeating_its_city():
    venue = Venue(name_en="Moscow, Russia", city_en="Moscow", country="RU")

    venue.full_clean()

    assert (venue.name_en, str(venue)) == ("", "Moscow, Russia")
