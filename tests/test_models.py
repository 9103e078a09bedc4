import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import translation

from events.models import EditConflict, Event

from .factories import AllDayEventFactory, EventFactory, EventTypeFactory, SeriesFactory, VenueFactory

pytestmark = pytest.mark.django_db


def validation_messages(event: Event) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


# Visibility


def test_public_includes_published_event_without_embargo(now):
    event = EventFactory(is_published=True, publish_at=None)

    assert list(Event.objects.public(now)) == [event]


def test_public_excludes_draft(now):
    EventFactory(is_published=False)

    assert list(Event.objects.public(now)) == []


def test_public_excludes_embargoed_event_until_its_embargo_time(now):
    event = EventFactory(is_published=True, publish_at=now + dt.timedelta(hours=1))

    assert list(Event.objects.public(now)) == []
    assert list(Event.objects.public(now + dt.timedelta(minutes=59, seconds=59))) == []
    assert list(Event.objects.public(now + dt.timedelta(hours=1))) == [event]


def test_unpublished_is_the_complement_of_public(now):
    public = EventFactory()
    draft = EventFactory(is_published=False)
    embargoed = EventFactory(publish_at=now + dt.timedelta(days=1))

    assert set(Event.objects.unpublished(now)) == {draft, embargoed}
    assert set(Event.objects.public(now)) == {public}


# Upcoming, past, ranges


def test_upcoming_includes_event_in_progress_and_excludes_ended_and_undated(now):
    ended = EventFactory(start=now - dt.timedelta(hours=2), end=now - dt.timedelta(hours=1))
    in_progress = EventFactory(start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=1))
    future = EventFactory(start=now + dt.timedelta(days=1), end=now + dt.timedelta(days=1, hours=1))
    all_day_today = AllDayEventFactory(start_date=dt.date(2017, 11, 12), end_date=dt.date(2017, 11, 13))
    AllDayEventFactory(start_date=dt.date(2017, 11, 11), end_date=dt.date(2017, 11, 12))
    AllDayEventFactory(date_precision="none", start_date=None, end_date=None)

    assert set(Event.objects.upcoming(now)) == {in_progress, future, all_day_today}
    assert ended not in Event.objects.upcoming(now)


def test_past_is_dated_events_that_ended(now):
    ended = EventFactory(start=now - dt.timedelta(hours=2), end=now - dt.timedelta(hours=1))
    EventFactory(start=now + dt.timedelta(days=1), end=now + dt.timedelta(days=1, hours=1))
    AllDayEventFactory(date_precision="none", start_date=None, end_date=None)

    assert list(Event.objects.past(now)) == [ended]


def test_between_keeps_events_overlapping_the_days():
    june_visit = AllDayEventFactory(start_date=dt.date(2017, 6, 4), end_date=dt.date(2017, 6, 5))
    month = AllDayEventFactory(date_precision="month", start_date=dt.date(2017, 10, 1), end_date=None)
    AllDayEventFactory(start_date=dt.date(2017, 6, 29), end_date=dt.date(2017, 6, 30))
    AllDayEventFactory(date_precision="none", start_date=None, end_date=None)

    assert list(Event.objects.between(dt.date(2017, 6, 5), dt.date(2017, 6, 28))) == [june_visit]
    assert list(Event.objects.between(dt.date(2017, 10, 31), None)) == [month]


def test_chronological_orders_by_day_then_time_and_puts_undated_last():
    undated = AllDayEventFactory(date_precision="none", start_date=None, end_date=None)
    late = EventFactory(start=dt.datetime(2017, 11, 14, 12, 0, tzinfo=dt.UTC))
    early = EventFactory(start=dt.datetime(2017, 11, 14, 6, 0, tzinfo=dt.UTC))
    earlier_day = AllDayEventFactory(start_date=dt.date(2017, 6, 4), end_date=dt.date(2017, 6, 5))

    assert list(Event.objects.chronological()) == [earlier_day, early, late, undated]


def test_in_country_and_of_type_filter_by_codes_and_slugs():
    minsk = VenueFactory(city_en="Minsk", country="BY", timezone="Europe/Minsk")
    in_belarus = EventFactory(venue=minsk, timezone="Europe/Minsk", event_type=EventTypeFactory(slug="visit"))
    EventFactory()

    assert list(Event.objects.in_country("by")) == [in_belarus]
    assert list(Event.objects.of_type("visit")) == [in_belarus]


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


def test_sequence_starts_at_zero_and_goes_up_by_one_on_a_time_change():
    event = EventFactory()
    assert event.sequence == 0

    event = Event.objects.get(pk=event.pk)
    event.start += dt.timedelta(hours=1)
    event.end += dt.timedelta(hours=1)
    event.save()

    assert event.sequence == 1
    assert Event.objects.get(pk=event.pk).sequence == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title_en", "New title"),
        ("title_ru", "Новое название"),
        ("status", "cancelled"),
        ("timezone", "Europe/Minsk"),
    ],
)
def test_sequence_goes_up_on_a_change_subscribers_must_see(field, value):
    event = Event.objects.get(pk=EventFactory().pk)

    setattr(event, field, value)
    event.save()

    assert event.sequence == 1


def test_sequence_goes_up_when_the_venue_changes():
    event = Event.objects.get(pk=EventFactory().pk)

    event.venue = VenueFactory(city_en="Sochi")
    event.save()

    assert event.sequence == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description_en", "Longer text"),
        ("summary_ru", "Кратко"),
        ("agenda_en", "Talks"),
        ("is_published", False),
        ("slug", "another-slug"),
    ],
)
def test_sequence_stays_on_other_edits(field, value):
    event = Event.objects.get(pk=EventFactory().pk)

    setattr(event, field, value)
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_a_stale_copy_cannot_overwrite_a_newer_save_and_sequence_counts_each_accepted_change():
    created = EventFactory()
    first, second = Event.objects.get(pk=created.pk), Event.objects.get(pk=created.pk)

    first.title_en = "First officer's title"
    first.save()
    second.status = Event.Status.POSTPONED
    with pytest.raises(EditConflict), transaction.atomic():
        second.save()

    stored = Event.objects.get(pk=created.pk)
    assert (stored.title_en, stored.status, stored.sequence, stored.lock_version) == (
        "First officer's title",
        Event.Status.CONFIRMED,
        1,
        1,
    )
    stored.status = Event.Status.POSTPONED
    stored.save()
    assert Event.objects.values_list("sequence", "lock_version").get(pk=created.pk) == (2, 2)


def test_saving_an_event_deleted_meanwhile_is_refused_not_inserted_again():
    event = Event.objects.get(pk=EventFactory().pk)
    Event.objects.filter(pk=event.pk).delete()

    with pytest.raises(EditConflict), transaction.atomic():
        event.save()

    assert not Event.objects.filter(pk=event.pk).exists()


def test_saving_twice_without_changes_keeps_sequence():
    event = Event.objects.get(pk=EventFactory().pk)

    event.save()
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_status_change_records_its_time_and_creation_counts_as_one():
    event = Event.objects.get(pk=EventFactory().pk)
    created = event.status_changed_at
    assert abs(created - event.created_at) < dt.timedelta(seconds=1)

    event.status = Event.Status.CANCELLED
    event.save()

    assert event.status_changed_at > created


def test_updated_at_moves_on_every_save_and_created_at_does_not():
    event = Event.objects.get(pk=EventFactory().pk)
    created_at, updated_at = event.created_at, event.updated_at

    event.description_en = "More"
    event.save()

    assert (event.created_at, event.updated_at > updated_at) == (created_at, True)


# Slugs and translations


def test_slug_comes_from_the_english_title_and_year_and_stays_unique():
    first = AllDayEventFactory(title_en="Minsk Days in Moscow", start_date=dt.date(2017, 10, 1))
    second = AllDayEventFactory(title_en="Minsk Days in Moscow", start_date=dt.date(2017, 10, 1))

    assert (first.slug, second.slug) == ("minsk-days-in-moscow-2017", "minsk-days-in-moscow-2017-2")


def test_missing_russian_text_falls_back_to_english_and_is_reported():
    event = EventFactory(title_en="Talks", title_ru="", summary_en="Summary", summary_ru="Кратко")

    with translation.override("ru"):
        title = event.title

    assert (title, event.missing_translations) == ("Talks", ["title"])


def test_get_absolute_url_uses_the_slug():
    event = EventFactory(slug="minsk-days")

    assert event.get_absolute_url() == "/events/minsk-days/"


def test_sequence_stays_when_a_value_is_set_again_unchanged():
    event = Event.objects.get(pk=EventFactory(timezone="Europe/Moscow").pk)

    event.timezone = "Europe/Moscow"
    event.start = event.start.astimezone(dt.timezone(dt.timedelta(hours=3)))
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_sequence_goes_up_when_saving_only_the_changed_field():
    event = Event.objects.get(pk=EventFactory().pk)

    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status"])

    stored = Event.objects.get(pk=event.pk)
    assert (stored.sequence, stored.status_changed_at is not None) == (1, True)


def test_sequence_ignores_changes_left_out_of_update_fields():
    event = Event.objects.get(pk=EventFactory().pk)

    event.title_en = "Not saved"
    event.save(update_fields=["description_en"])

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_refresh_from_db_forgets_older_values():
    event = Event.objects.get(pk=EventFactory(title_en="Old").pk)
    Event.objects.filter(pk=event.pk).update(title_en="New")
    event.refresh_from_db()

    event.description_en = "Only the text"
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


def test_empty_and_missing_russian_title_are_the_same():
    event = Event.objects.get(pk=EventFactory(title_ru=None).pk)

    event.title_ru = ""
    event.save()

    assert Event.objects.get(pk=event.pk).sequence == 0


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


def test_counts_by_status_group_by_status_only():
    EventFactory(status="confirmed")
    EventFactory(status="confirmed")
    EventFactory(status="cancelled")

    counts = list(Event.objects.values("status").annotate(count=Count("pk")).order_by("status"))

    assert counts == [{"status": "cancelled", "count": 1}, {"status": "confirmed", "count": 2}]
