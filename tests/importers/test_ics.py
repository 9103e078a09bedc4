"""iCalendar import as a whole: upsert by UID, a newer version updates, the preview reports what the import does,
the data version moves, and this service's own feed comes back the same (round trip)."""

import dataclasses
import datetime as dt

import icalendar
import pytest
from django.http import QueryDict

from events import freshness
from events.feeds import select_feed_events, selection_description, selection_name
from events.ical import FEED_PREFETCH, FEED_RELATED, build_calendar
from events.importers.ics import import_calendar
from events.models import Event, EventType, Organisation, Person, Series, Source, Tag, Venue

from ..factories import EventFactory
from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db


def test_an_all_day_event_is_created_with_its_inclusive_last_day_as_a_draft():
    report = import_calendar(ics(event_lines()))

    event = Event.objects.get(uid="partner-1")
    assert report.created == ["Consultations (partner-1)"]
    assert (event.title, event.start_date, event.end_date) == (
        "Consultations",
        dt.date(2027, 11, 14),
        dt.date(2027, 11, 15),
    )
    assert (event.all_day, event.event_type.slug, event.is_published) == (True, "visit", False)


def test_importing_the_same_file_twice_changes_nothing():
    data = ics(event_lines(), event_lines(uid="partner-2", summary="Forum", CATEGORIES="Forum,Energy"))
    import_calendar(data, publish=True)
    before = list(Event.objects.order_by("uid").values_list("uid", "sequence", "updated_at"))
    version = freshness.current()

    report = import_calendar(data, publish=True)

    assert (report.created, report.updated, report.skipped) == ([], [], [])
    assert report.unchanged == ["Consultations (partner-1)", "Forum (partner-2)"]
    assert list(Event.objects.order_by("uid").values_list("uid", "sequence", "updated_at")) == before
    assert freshness.current() == version
    assert list(Tag.objects.values_list("name_en", flat=True)) == ["Energy"]


def test_an_import_that_creates_events_moves_the_data_version():
    before = freshness.current()

    import_calendar(ics(event_lines(), event_lines(uid="partner-2", summary="Forum")), publish=True)

    assert freshness.current().number > before.number
    assert Event.objects.count() == 2


def test_an_import_of_drafts_leaves_the_public_data_version_alone():
    before = freshness.current()

    import_calendar(ics(event_lines(LOCATION="Moscow, Russia", CATEGORIES="Visit,Energy")))

    after = freshness.current()
    # The public key stays; the count of every edit (staff's caches) moves.
    assert (after.key, after.edits > before.edits) == (before.key, True)
    assert (Event.objects.count(), Venue.objects.count(), Tag.objects.count()) == (1, 1, 1)


def test_a_newer_sequence_updates_the_event_and_an_older_one_is_skipped():
    import_calendar(ics(event_lines(sequence=1)))
    event = Event.objects.get(uid="partner-1")

    newer = import_calendar(
        ics(event_lines(sequence=2, summary="Consultations, moved", **{"DTSTART;VALUE=DATE": "20271115"}))
    )
    older = import_calendar(ics(event_lines(sequence=0, summary="Old title")))

    event.refresh_from_db()
    assert newer.updated == ["Consultations, moved (partner-1)"]
    assert older.skipped == [("Old title (partner-1)", "older than the stored version (SEQUENCE 0, stored 2)")]
    assert (event.title, event.start_date, event.end_date) == (
        "Consultations, moved",
        dt.date(2027, 11, 15),
        dt.date(2027, 11, 15),
    )
    assert event.sequence == 1  # our own SEQUENCE moved once, for the one material change
    assert event.origin_sequence == 2


def test_the_same_sequence_with_a_later_last_modified_updates_the_event():
    import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))

    report = import_calendar(ics(event_lines(summary="Renamed", **{"LAST-MODIFIED": "20271002T080000Z"})))

    assert report.updated == ["Renamed (partner-1)"]
    assert Event.objects.get(uid="partner-1").origin_modified == dt.datetime(2027, 10, 2, 8, tzinfo=dt.UTC)


def test_status_cancelled_cancels_a_known_event():
    import_calendar(ics(event_lines(sequence=0)), publish=True)

    report = import_calendar(ics(event_lines(sequence=1, STATUS="CANCELLED")))

    event = Event.objects.get(uid="partner-1")
    assert report.updated == ["Consultations (partner-1)"]
    assert (event.status, event.is_published) == (Event.Status.CANCELLED, True)


def test_the_same_version_again_keeps_what_an_officer_edited_since():
    import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))
    event = Event.objects.get(uid="partner-1")
    event.title_en, event.status = "Consultations (edited)", Event.Status.POSTPONED
    event.save()

    report = import_calendar(ics(event_lines(**{"LAST-MODIFIED": "20271001T080000Z"})))

    event.refresh_from_db()
    assert report.unchanged == ["Consultations (partner-1)"]
    assert (event.title, event.status) == ("Consultations (edited)", Event.Status.POSTPONED)


def test_a_dry_run_reports_and_writes_nothing():
    report = import_calendar(ics(event_lines(LOCATION="Moscow, Russia", CATEGORIES="Visit,Energy")), dry_run=True)

    assert (report.created, report.dry_run) == (["Consultations (partner-1)"], True)
    assert (Event.objects.count(), Venue.objects.count(), Tag.objects.count()) == (0, 0, 0)


def test_a_preview_reports_exactly_what_the_import_then_does():
    import_calendar(ics(event_lines(uid="kept"), event_lines(uid="moved", summary="Talks")))
    again = ics(
        event_lines(uid="kept"),
        event_lines(uid="moved", sequence=1, summary="Talks", **{"DTSTART;VALUE=DATE": "20271115"}),
        event_lines(uid="new", summary="Forum", CATEGORIES="Conference", LOCATION="Minsk, Belarus"),
        event_lines(uid="broken", summary="Seminar", **{"DTSTART;VALUE=DATE": "2027-99-99"}),
    )

    preview = import_calendar(again, dry_run=True)
    written = Event.objects.count()
    done = import_calendar(again)

    assert dataclasses.replace(preview, dry_run=False) == done
    assert (written, Event.objects.count(), len(done.created), len(done.updated), len(done.skipped)) == (2, 3, 1, 1, 1)


def export(params: str, now) -> bytes:
    filterset, events = select_feed_events(QueryDict(params), now=now)
    return build_calendar(
        events.select_related(*FEED_RELATED).prefetch_related(*FEED_PREFETCH).chronological(),
        name=selection_name(filterset),
        description=selection_description(filterset, None),
        base_url="https://calendar.example.org",
        now=now,
    ).to_ical()


ROUND_TRIP = ("DTSTART", "DTEND", "STATUS", "SUMMARY", "LOCATION", "CATEGORIES", "URL", "RELATED-TO", "TRANSP")


def comparable(content: bytes) -> dict:
    events = {}
    for vevent in icalendar.Calendar.from_ical(content).walk("VEVENT"):
        fields = {name: vevent[name].to_ical() for name in ROUND_TRIP if name in vevent}
        fields.update({name: str(value) for name, value in vevent.items() if name.startswith("X-DIPCAL-")})
        events[str(vevent["UID"])] = fields
    return events


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_seed_feed_exported_imported_into_an_empty_database_and_exported_again_is_the_same(seed, now, language):
    from django.utils import translation

    hostile = EventFactory(
        title_en="Talks, round 2; agenda\\items\nline two", uid="hostile@example.org", status="postponed"
    )
    EventFactory(  # written in UTC: 02:30 happens twice in Berlin that night
        uid="overlap@example.org",
        timezone="Europe/Berlin",
        start=dt.datetime(2017, 10, 29, 0, 30, tzinfo=dt.UTC),
        end=dt.datetime(2017, 10, 29, 1, 30, tzinfo=dt.UTC),
        agenda_en="Opening\nTalks",
        agenda_ru="Открытие\nПереговоры",
    )
    with translation.override(language):
        first = export("from=2014-01-01", now)
    for model in (Event, Venue, Tag, Series, Source, Person, Organisation):
        model.objects.all().delete()
    EventType.objects.exclude(slug__in=["visit", "forum", "festival", "culture-days"]).delete()

    with translation.override(language):
        report = import_calendar(first, publish=True, language=language, now=now)
        second = export("from=2014-01-01", now)

    assert len(report.created) == 16  # the seed's 14 dated events, the hostile one and the one in the overlap
    overlap = Event.objects.get(uid="overlap@example.org")
    assert (str(overlap.timezone), overlap.agenda_en if language == "en" else overlap.agenda_ru) == (
        "Europe/Berlin", "Opening\nTalks" if language == "en" else "Открытие\nПереговоры"
    )  # fmt: skip
    assert comparable(second) == comparable(first)
    imported = Event.objects.get(uid="hostile@example.org")
    assert getattr(imported, f"title_{language}") == getattr(hostile, f"title_{language}")
    assert imported.status == Event.Status.POSTPONED
