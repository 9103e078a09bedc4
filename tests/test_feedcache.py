"""The feed caches: whole feeds by ETag, each event's VEVENT by its facts' digest, VTIMEZONEs per zone."""

import datetime as dt

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.utils import timezone, translation

from events import freshness
from events.facts import of_events
from events.feedcache import write_public_feed
from events.feeds import select_feed_events
from events.ical import FEED_PREFETCH, FEED_RELATED, CalendarResponse, write_calendar
from events.models import Event, FeedToken

from .caches import Store
from .factories import (
    AllDayEventFactory,
    EventFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TagFactory,
    VenueFactory,
)
from .ical_oracle import oracle_calendar

BASE = "https://calendar.example.org"
FEED = "/feeds/events.ics"


@pytest.fixture
def serialised(settings):
    """The UIDs of the VEVENTs that feeds write into the cache, in order."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "BACKEND": "tests.caches.CountingCache"}}
    cache.clear()
    return cache.vevent_uids


@pytest.fixture
def mixed(db):
    """Coming events of every kind: zones with and without daylight saving time, all-day, by month, with people."""
    soon = timezone.now() + dt.timedelta(days=10)
    moscow = VenueFactory(city_en="Moscow", country="RU", timezone="Europe/Moscow")
    vienna = VenueFactory(city_en="Vienna", country="AT", timezone="Europe/Vienna")
    talks = EventFactory(title_en="Talks", start=soon, end=soon + dt.timedelta(hours=2), venue=moscow)
    EventFactory(title_en="Forum", start=soon + dt.timedelta(days=200), end=None, venue=vienna)
    AllDayEventFactory(title_en="Culture days", start_date=soon.date(), end_date=soon.date() + dt.timedelta(days=3))
    first = soon.date().replace(day=1)
    AllDayEventFactory(title_en="Festival", date_precision=Event.Precision.MONTH, start_date=first, end_date=first)
    minister = PersonFactory(name_en="Vladimir Makei")
    ParticipationFactory(event=talks, person=minister, position_en="Foreign Minister")
    talks.tags.add(TagFactory(name_en="Union State"))
    return talks, minister


def selection(now):
    _, events = select_feed_events(QueryDict(), now=now)
    return events


def fetched_facts(now) -> list:
    """The facts of the selection's events, made from instances."""
    events = selection(now).select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH).chronological()
    return list(of_events(events, now=now))


def built(now) -> bytes:
    """The calendar of the selection as icalendar builds it from the instances' facts."""
    return oracle_calendar(fetched_facts(now), name="Events", description="All", base_url=BASE)


def test_written_parts_join_to_the_bytes_of_the_built_calendar(mixed):
    now = timezone.now()
    facts = fetched_facts(now)
    store = Store()

    first = write_calendar(facts, name="Events", description="All", base_url=BASE, fragments=store)
    again = write_calendar(facts, name="Events", description="All", base_url=BASE, fragments=store)
    plain = write_calendar(facts, name="Events", description="All", base_url=BASE)

    assert b"".join(first) == b"".join(again) == b"".join(plain) == built(now)
    assert (len(store), len(store.vevent_uids)) == (4, 4)


def test_the_public_feed_writer_gives_the_bytes_of_the_built_calendar_and_reuses_every_vevent(mixed):
    now = timezone.now()
    store = Store()

    first = write_public_feed(
        selection(now), name="Events", description="All", base_url=BASE, now=now, timeout=60, fragments=store
    )
    assert len(store.vevent_uids) == 4
    again = write_public_feed(
        selection(now), name="Events", description="All", base_url=BASE, now=now, timeout=60, fragments=store
    )

    assert len(store.vevent_uids) == 4
    assert b"".join(first) == b"".join(again) == built(now)


def test_the_public_feed_writer_reads_and_stores_a_chunk_at_a_time(mixed):
    now = timezone.now()
    store = Store()
    chunks = []

    parts = write_public_feed(
        selection(now),
        name="Events",
        description="All",
        base_url=BASE,
        now=now,
        timeout=60,
        fragments=store,
        chunk_size=3,
        on_chunk=chunks.append,
    )

    assert [len(chunk) for chunk in chunks] == [3, 1]
    assert [part.count(b"BEGIN:VEVENT\r\n") for part in parts if b"BEGIN:VEVENT" in part] == [3, 1]
    assert b"".join(parts) == built(now)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_vevents_written_from_rows_of_values_equal_those_of_fetched_events(mixed, django_assert_num_queries, language):
    _talks, minister = mixed
    soon = timezone.now() + dt.timedelta(days=20)
    summit = EventFactory(title_en="Summit", start=soon, source=SourceFactory(url="https://mfa.example/1"))
    summit.venue.latitude, summit.venue.longitude = 55.75, 37.62
    summit.venue.save()
    embargoed = EventFactory(title_en="Secret summit", start=soon, publish_at=soon)
    EventFactory(title_en="Side event", start=soon, parent=summit)
    EventFactory(title_en="Side of the secret", start=soon, parent=embargoed)
    # Listed by their place in the list, not by who was added first.
    ParticipationFactory(event=summit, person=PersonFactory(name_en="Second", name_ru="Второй"), order=2)
    minister.name_ru = "Владимир Макей"
    minister.save()
    ParticipationFactory(
        event=summit, person=minister, order=1, position_en="Foreign Minister", position_ru="Министр иностранных дел"
    )
    summit.tags.add(TagFactory(name_en="Energy", name_ru="Энергетика"), TagFactory(name_en="agriculture"))
    now = timezone.now()
    store = Store()
    with translation.override(language):
        events = selection(now)
        # The selection's ids, then the events' rows, tags and people: no query for the events being written.
        with django_assert_num_queries(4):
            written = write_public_feed(
                events, name="Events", description="All", base_url=BASE, now=now, timeout=60, fragments=store
            )
        assert len(store.vevent_uids) == 7
        expected = built(now)

    assert b"".join(written) == expected
    assert b"RELATED-TO;RELTYPE=PARENT:" + summit.uid.encode() in expected
    (vevent,) = [
        vevent for vevent in icalendar.Calendar.from_ical(expected).walk("VEVENT") if vevent["UID"] == summit.uid
    ]
    description = str(vevent["DESCRIPTION"])
    first, second = {"en": ("Vladimir Makei", "Second"), "ru": ("Владимир Макей", "Второй")}[language]
    assert description.index(f"- {first}, ") < description.index(f"- {second}")


def test_the_writer_leaves_out_an_event_that_is_not_public_when_its_row_is_read(mixed):
    now = timezone.now()
    draft = EventFactory(title_en="Draft talks", start=now + dt.timedelta(days=3), is_published=False)
    # As if the event had been made a draft after the selection's ids were read.
    everything = Event.objects.filter(pk__in=[*selection(now).values_list("pk", flat=True), draft.pk])

    written = b"".join(
        write_public_feed(everything, name="Events", description="All", base_url=BASE, now=now, timeout=60)
    )

    assert written == built(now)
    assert b"Draft talks" not in written


def test_after_one_edit_only_that_event_is_serialised_again(client, mixed, serialised):
    talks, _ = mixed
    client.get(FEED)
    assert len(serialised) == 4
    talks.title_en = "Talks on the Union State"
    talks.save()
    body = client.get(FEED).content
    assert serialised[4:] == [talks.uid]
    assert b"SUMMARY:Talks on the Union State\r\n" in body


def test_renaming_a_person_reaches_the_feed_of_their_events(client, mixed, serialised):
    talks, minister = mixed
    assert b"Vladimir Makei" in client.get(FEED).content
    minister.name_en = "Vladimir V. Makei"
    minister.save()
    calendar = icalendar.Calendar.from_ical(client.get(FEED).content)
    (vevent,) = [vevent for vevent in calendar.walk("VEVENT") if vevent["UID"] == talks.uid]
    assert "- Vladimir V. Makei, Foreign Minister (" in vevent["DESCRIPTION"]
    assert serialised[4:] == [talks.uid]


def test_a_vevent_is_not_reused_in_another_language(client, mixed, serialised):
    client.get(FEED)
    client.get("/ru" + FEED)
    assert len(serialised) == 8


def test_an_unchanged_feed_reads_one_row_and_serialises_nothing(client, mixed, serialised, django_assert_num_queries):
    client.get(FEED)
    with django_assert_num_queries(1):
        response = client.get(FEED)
    assert response.status_code == 200
    assert len(serialised) == 4


def test_a_feed_with_a_lost_part_is_written_again_whole(client, mixed):
    first = client.get(FEED)
    key = freshness.key("feed", first["ETag"])
    cache.delete(f"{key}:0")
    again = client.get(FEED)
    assert again.content == first.content
    assert cache.get(key) == 1


def test_a_calendar_response_sends_its_parts_one_by_one_with_their_length():
    response = CalendarResponse([b"BEGIN:VCALENDAR\r\n", b"", b"END:VCALENDAR\r\n"], filename="events.ics")

    assert [part for part in response if part] == [b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"]
    assert (response["Content-Length"], response.content) == ("32", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'


def test_the_feed_is_sent_with_its_length(client, mixed):
    response = client.get(FEED)

    assert int(response["Content-Length"]) == sum(map(len, response)) == len(response.content)
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 4


def test_invalid_filters_are_refused_when_a_valid_feed_is_cached(client, mixed):
    client.get(FEED)
    response = client.get(FEED, {"from": "2026-13-01"})
    assert response.status_code == 400


def test_a_feed_snapshot_on_sqlite_takes_no_write_lock(db, tmp_path):
    """A feed's build reads in one transaction; on SQLite, where writers begin IMMEDIATE, it must not hold the write
    lock (anyone could then make the officers' saves wait by asking for feeds)."""
    import sqlite3

    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from events.feedcache import snapshot

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking")
    path = tmp_path / "calendar.sqlite3"
    options = {"timeout": 30, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    connections["snapshot_test"] = DatabaseWrapper({**connection.settings_dict, "NAME": str(path), "OPTIONS": options})
    try:
        with snapshot("snapshot_test"), connections["snapshot_test"].cursor() as cursor:
            cursor.execute("SELECT 1")
            writer = sqlite3.connect(path, timeout=0)
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("CREATE TABLE saved (x)")
            writer.commit()
            writer.close()
    finally:
        connections["snapshot_test"].close()
        del connections["snapshot_test"]
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [("saved",)]


def test_a_private_feed_stores_none_of_its_vevents(client, mixed, serialised, django_user_model):
    _token, key = FeedToken.issue(django_user_model.objects.create_superuser("officer", "officer@example.org", "x"))
    EventFactory(title_en="Secret talks", is_published=False, start=timezone.now() + dt.timedelta(days=2))

    response = client.get(f"/feeds/private/{key}.ics")

    assert response.status_code == 200
    assert b"SUMMARY:[Draft] Secret talks\r\n" in response.content
    assert serialised == []


def test_a_private_calendar_refuses_a_fragment_store():
    with pytest.raises(ValueError, match="not stored"):
        write_calendar([], name="Staff", description="All", base_url=BASE, private=True, fragments=Store())
