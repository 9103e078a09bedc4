"""Zones as producers write them: timed events keep their IANA zone (UTC stays UTC), Windows IDs and Outlook display
names, vendor prefixes, a VTIMEZONE of the file matched to the IANA zone with the same offsets, Google's
X-WR-TIMEZONE, floating times read in the given zone, and the unknown or empty TZIDs that stay floating, noted."""

import datetime as dt

import pytest

from events.importers.ics import import_calendar
from events.importers.ics_zones import iana_name
from events.models import Event

from .ics_files import event_lines, ics

pytestmark = pytest.mark.django_db

SYDNEY_OUTLOOK = """BEGIN:VTIMEZONE\r
TZID:Canberra, Melbourne, Sydney\r
BEGIN:STANDARD\r
DTSTART:16010401T030000\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r
TZOFFSETFROM:+1100\r
TZOFFSETTO:+1000\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16011007T020000\r
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\r
TZOFFSETFROM:+1000\r
TZOFFSETTO:+1100\r
END:DAYLIGHT\r
END:VTIMEZONE\r
"""


def timed(tzid: str, start: str = "20270601T093000", **properties) -> str:
    return event_lines(
        **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None, f"DTSTART;TZID={tzid}": start}, **properties
    )


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("AUS Eastern Standard Time", "Australia/Sydney"),
        ("Canberra, Melbourne, Sydney", "Australia/Sydney"),
        ("(UTC+10:00) Canberra, Melbourne, Sydney", "Australia/Sydney"),
        ("Pacific Time (US & Canada), Tijuana", "America/Los_Angeles"),
        ("(GMT-08.00) Pacific Time (US & Canada); Tijuana", "America/Los_Angeles"),
        ("(UTC-03:00) Brasília", "America/Sao_Paulo"),
        ("/mozilla.org/20050126_1/America/Boise", "America/Boise"),
        ("Europe/lisbon", "Europe/Lisbon"),
        ("Mars/Olympus_Mons", None),
    ],
)
def test_tzids_name_iana_zones_by_windows_ids_display_names_and_vendor_prefixes(tzid, zone):
    assert iana_name(tzid) == zone


def test_a_sydney_meeting_in_an_outlook_display_name_zone_keeps_its_day_and_zone():
    report = import_calendar(ics(timed('"Canberra, Melbourne, Sydney"'), extra=SYDNEY_OUTLOOK))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == []
    assert (str(event.timezone), event.start) == ("Australia/Sydney", dt.datetime(2027, 5, 31, 23, 30, tzinfo=dt.UTC))


def test_an_unquoted_display_name_without_its_vtimezone_is_read_too():
    report = import_calendar(ics(timed("Canberra, Melbourne, Sydney")))

    event = Event.objects.get(uid="partner-1")
    assert report.skipped == []
    assert (str(event.timezone), event.start) == ("Australia/Sydney", dt.datetime(2027, 5, 31, 23, 30, tzinfo=dt.UTC))


def test_an_unknown_tzid_with_a_vtimezone_gets_the_iana_zone_with_the_same_offsets():
    zone = SYDNEY_OUTLOOK.replace("Canberra, Melbourne, Sydney", "Head office")

    report = import_calendar(ics(timed('"Head office"'), extra=zone))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        ("Consultations (partner-1)", "time zone “Head office” read as Australia/Sydney (the same offsets)")
    ]
    assert (str(event.timezone), event.start) == ("Australia/Sydney", dt.datetime(2027, 5, 31, 23, 30, tzinfo=dt.UTC))


def test_an_unknown_tzid_whose_vtimezone_is_like_no_iana_zone_keeps_its_rules_in_utc():
    zone = SYDNEY_OUTLOOK.replace("Canberra, Melbourne, Sydney", "Odd").replace("BYMONTH=10", "BYMONTH=9")

    report = import_calendar(ics(timed("Odd"), extra=zone))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        (
            "Consultations (partner-1)",
            "time zone “Odd” is like no IANA zone: times converted by the file's definition, kept in UTC",
        ),
        ("Consultations (partner-1)", "time zone not recognised; the times are kept in UTC"),
    ]
    assert (str(event.timezone), event.start) == ("UTC", dt.datetime(2027, 5, 31, 23, 30, tzinfo=dt.UTC))


def test_an_empty_tzid_is_floating_with_a_note():
    report = import_calendar(ics(timed("")), zone="Europe/Minsk")

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        ("Consultations (partner-1)", "an empty TZID: the time is floating"),
        ("Consultations (partner-1)", "floating time, read as Europe/Minsk time; check it (kept as a draft)"),
    ]
    assert (str(event.timezone), event.start) == ("Europe/Minsk", dt.datetime(2027, 6, 1, 6, 30, tzinfo=dt.UTC))


def test_timed_events_keep_their_zone_and_utc_ones_stay_utc():
    moscow = event_lines(
        uid="timed-moscow", **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        **{"DTSTART;TZID=Europe/Moscow": "20271114T100000", "DTEND;TZID=Europe/Moscow": "20271114T120000"},
    )  # fmt: skip
    utc = event_lines(
        uid="timed-utc", **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        DTSTART="20271114T230000Z", DURATION="PT2H",
    )  # fmt: skip

    import_calendar(ics(moscow, utc))

    first, second = Event.objects.get(uid="timed-moscow"), Event.objects.get(uid="timed-utc")
    assert (first.all_day, str(first.timezone)) == (False, "Europe/Moscow")
    assert (first.start, first.end) == (
        dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC),
        dt.datetime(2027, 11, 14, 9, tzinfo=dt.UTC),
    )
    assert (first.start_date, first.end_date) == (dt.date(2027, 11, 14), dt.date(2027, 11, 14))
    assert (str(second.timezone), second.start_date, second.end_date) == (
        "UTC",
        dt.date(2027, 11, 14),
        dt.date(2027, 11, 15),
    )
    assert second.end == dt.datetime(2027, 11, 15, 1, tzinfo=dt.UTC)


def test_a_floating_time_is_read_in_the_given_zone_flagged_and_kept_as_a_draft():
    floating = event_lines(**{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None}, DTSTART="20271114T100000")

    report = import_calendar(ics(floating), publish=True, zone="Europe/Minsk")

    event = Event.objects.get(uid="partner-1")
    assert report.notes == [
        ("Consultations (partner-1)", "floating time, read as Europe/Minsk time; check it (kept as a draft)")
    ]
    assert (event.start, event.is_published) == (dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC), False)


OUTLOOK_ZONE = """BEGIN:VTIMEZONE
TZID:Russian Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
END:STANDARD
END:VTIMEZONE
"""


def test_outlook_windows_zone_names_become_iana_zones():
    outlook = event_lines(
        **{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None},
        **{'DTSTART;TZID="Russian Standard Time"': "20270312T010000"},
        **{'DTEND;TZID="Russian Standard Time"': "20270312T020000"},
    )  # fmt: skip

    report = import_calendar(ics(outlook, extra=OUTLOOK_ZONE.replace("\n", "\r\n")))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == []
    assert (str(event.timezone), event.start, event.start_date) == (
        "Europe/Moscow", dt.datetime(2027, 3, 11, 22, tzinfo=dt.UTC), dt.date(2027, 3, 12)
    )  # fmt: skip


def test_google_x_wr_timezone_gives_floating_times_their_zone():
    floating = event_lines(**{"DTSTART;VALUE=DATE": None, "DTEND;VALUE=DATE": None}, DTSTART="20271114T100000")

    report = import_calendar(ics(floating, extra="X-WR-TIMEZONE:Europe/Minsk\r\n"))

    event = Event.objects.get(uid="partner-1")
    assert report.notes == []
    assert (str(event.timezone), event.start) == ("Europe/Minsk", dt.datetime(2027, 11, 14, 7, tzinfo=dt.UTC))
