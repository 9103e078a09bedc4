"""A broken event does not sink a feed: unreadable events are skipped with the reason, broken properties that are not
essential are dropped with a note, --strict refuses the whole file; producers' habits are read as they mean them."""

import datetime as dt

import pytest

from events.importers.ics import ImportFileError, import_calendar
from events.models import Event

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db

TIMED = {"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None, "DTSTART": "20271114T100000Z"}


@pytest.mark.parametrize(
    ("properties", "why"),
    [
        ({"DTSTART;VALUE=DATE": None}, "it has no DTSTART (start)"),
        ({"DTSTART;VALUE=DATE": "2027111"}, "DTSTART cannot be read (Expected time, got: 2027111), line 16"),
        ({"RRULE": "FREQ=WEKLY"}, "RRULE cannot be read (Expected frequency, got: WEKLY), line 19"),
        (
            {"RRULE": "FREQ=SECONDLY;COUNT=9"},
            "it repeats more often than daily (RRULE FREQ=SECONDLY); such series are not imported",
        ),
        ({"SUMMARY": "One\r\nSUMMARY:Two"}, None),
        ({"DTSTART;VALUE=DATE": "20271114\r\nDTSTART;VALUE=DATE:20271115"}, "DTSTART is given more than once, line 16"),
        ({**TIMED, "DURATION": "P99999999W"}, "DURATION P699999993D gives a date outside the years 1 to 9999, line 18"),
        (
            {"DTSTART;VALUE=DATE": "17000101", "DTEND;VALUE=DATE": "17000102"},
            "start_date: Give a year between 1800 and 2200.; end_date: Give a year between 1800 and 2200.",
        ),
    ],
    ids=[
        "no-start",
        "bad-start",
        "bad-rule",
        "secondly",
        "two-summaries",
        "two-starts",
        "overflowing-duration",
        "before-1800",
    ],
)
def test_an_unreadable_event_is_skipped_with_its_reason_and_the_rest_imports(properties, why):
    bad = event_lines(uid="bad", **properties)

    report = import_calendar(ics(event_lines(uid="good"), bad))

    skipped = report.skipped[0][1] if report.skipped else None
    assert skipped == why or (why is None and skipped is None)
    expected = {"good", "bad"} if why is None else {"good"}
    assert set(Event.objects.values_list("uid", flat=True)) == expected


def test_strict_refuses_the_whole_file_naming_the_event_property_and_line():
    bad = event_lines(uid="bad", RRULE="FREQ=WEKLY")

    with pytest.raises(ImportFileError) as refused:
        import_calendar(ics(event_lines(uid="good"), bad), strict=True)

    assert str(refused.value) == (
        "Refused as a whole (strict): Consultations (bad): RRULE cannot be read (Expected frequency, got: WEKLY), "
        "line 19"
    )
    assert Event.objects.count() == 0


def test_a_broken_property_that_is_not_essential_is_dropped_with_a_note():
    google = event_lines(CREATED="00001231T000000Z", GEO="abc", SEQUENCE="x", LOCATION="Moscow\\, Russia")

    report = import_calendar(ics(google))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        ("Consultations (partner-1)", "SEQUENCE left out: Expected int, got: x, line 6"),
        ("Consultations (partner-1)", "CREATED left out: Wrong datetime format: 00001231T000000Z, line 11"),
        ("Consultations (partner-1)", "GEO left out: Expected 'float;float' , got: abc, line 12"),
    ]
    assert (event.sequence, event.venue.latitude) == (0, None)


def test_coordinates_too_large_for_a_place_are_left_out_with_a_note():
    report = import_calendar(ics(event_lines(LOCATION="Moscow\\, Russia", GEO="1e30;1e30")))

    assert report.notes == [("Consultations (partner-1)", "GEO 1e+30;1e+30 is not a latitude and longitude: left out")]
    assert Event.objects.get(uid="partner-1").venue.latitude is None


def test_a_last_modified_beyond_what_python_holds_is_dropped_not_the_event():
    lines = event_lines(**{"LAST-MODIFIED;TZID=America/New_York": "99991231T230000"})

    report = import_calendar(ics(lines))

    assert report.created == ["Consultations (partner-1)"]
    assert report.notes == [
        (
            "Consultations (partner-1)",
            "LAST-MODIFIED left out: LAST-MODIFIED 99991231T230000 gives a date outside the years 1 to 9999, line 11",
        )
    ]


def test_an_event_without_uid_gets_one_from_its_content_and_a_second_import_changes_nothing():
    data = ics(event_lines(uid=None, DTSTAMP="20270101T000000Z"))
    again = ics(event_lines(uid=None, DTSTAMP="20270601T000000Z"))  # DTSTAMP is renewed by each export

    first = import_calendar(data, source="Partner")
    second = import_calendar(again, source="Partner")

    [event] = Event.objects.all()
    assert event.uid.startswith("derived-")
    assert len(event.uid) == len("derived-") + 32
    assert (first.created, second.unchanged) == ([f"Consultations ({event.uid})"], [f"Consultations ({event.uid})"])


def test_an_empty_rrule_is_no_rule_with_a_note():
    report = import_calendar(ics(event_lines(RRULE="")))

    assert report.created == ["Consultations (partner-1)"]
    assert report.notes == [("Consultations (partner-1)", "an empty RRULE: read as no rule, line 11")]


def test_a_utc_rdate_under_an_all_day_start_is_that_date(now):
    birthday = event_lines(RRULE="FREQ=DAILY;COUNT=1", RDATE="20171210Z", **{"DTSTART;VALUE=DATE": "20161210"})

    report = import_calendar(ics(birthday.replace("DTEND;VALUE=DATE:20271116", "DTEND;VALUE=DATE:20161211")), now=now)

    assert report.skipped == []
    assert sorted(Event.objects.values_list("start_date", flat=True)) == [
        dt.date(2016, 12, 10),
        dt.date(2017, 12, 10),
    ]
