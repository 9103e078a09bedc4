"""The named selections of events (events/models/queries.py)."""

import datetime as dt

import pytest
from django.db.models import Count

from events.models import Event

from ..factories import AllDayEventFactory, EventFactory, EventTypeFactory, VenueFactory

pytestmark = pytest.mark.django_db


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


def test_counts_by_status_group_by_status_only():
    EventFactory(status="confirmed")
    EventFactory(status="confirmed")
    EventFactory(status="cancelled")

    counts = list(Event.objects.values("status").annotate(count=Count("pk")).order_by("status"))

    assert counts == [{"status": "cancelled", "count": 1}, {"status": "confirmed", "count": 2}]
