"""VTIMEZONEs: built once per zone and years, as icalendar builds them, with one RDATE per onset for ical.js."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from events.vtimezone import EndingZone, build_vtimezone, vtimezone_bytes


def test_vtimezone_writes_one_rdate_per_line():
    timezone = build_vtimezone("Europe/Berlin", 2016, 2018)

    lines = timezone.to_ical().decode().split("\r\n")

    rdates = [line for line in lines if line.startswith("RDATE")]
    assert rdates == [
        "RDATE:20160327T030000",
        "RDATE:20170326T030000",
        "RDATE:20180325T030000",
        "RDATE:20161030T030000",
        "RDATE:20171029T030000",
        "RDATE:20181028T030000",
    ]


def test_vtimezone_bytes_are_the_built_vtimezone_serialised():
    assert vtimezone_bytes("Europe/Moscow", 2017, 2018) == build_vtimezone("Europe/Moscow", 2017, 2018).to_ical()


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Asia/Kolkata", "Europe/Vienna", "America/Havana", "Africa/Cairo"])
@pytest.mark.parametrize(("first", "last"), [(2017, 2017), (2010, 2030)])
def test_a_zone_ended_after_the_last_year_gives_icalendars_own_vtimezone(zone, first, last):
    own = icalendar.Timezone.from_tzinfo(
        ZoneInfo(zone), first_date=dt.date(first, 1, 1), last_date=dt.date(last + 1, 1, 1)
    ).to_ical()
    ended = icalendar.Timezone.from_tzinfo(
        EndingZone(ZoneInfo(zone), dt.date(last + 1, 1, 1)),
        tzid=zone,
        first_date=dt.date(first, 1, 1),
        last_date=dt.date(last + 1, 1, 1),
    ).to_ical()
    assert ended == own
