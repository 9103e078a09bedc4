"""VTIMEZONE components: built once per zone and years, in a form every client reads the same way.

The only part of writing a calendar left to icalendar: a zone's changes of
offset come from the zone data (Timezone.from_tzinfo), and the result depends
on nothing else, so it is built once per process and its bytes reused.
"""

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import icalendar


class EndingZone(dt.tzinfo):
    """A zone that ends the day after `last`: what makes icalendar's VTIMEZONE search stop there.

    Timezone.from_tzinfo() searches for the next change of offset until the
    zone raises OverflowError, so for a zone without daylight saving time it
    steps on to the year 9999 (30-40 ms a zone). Ending the zone after the
    calendar's last date gives the same VTIMEZONE, fifty times faster.
    """

    def __init__(self, zone: ZoneInfo, last: dt.date):
        self.zone = zone
        self.end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())

    def _within(self, moment: dt.datetime | None) -> dt.datetime | None:
        if moment is not None and moment.replace(tzinfo=None) > self.end:
            raise OverflowError("after the calendar's last date")
        return moment

    def utcoffset(self, moment):
        return self.zone.utcoffset(self._within(moment))

    def dst(self, moment):
        return self.zone.dst(self._within(moment))

    def tzname(self, moment):
        return self.zone.tzname(self._within(moment))


@functools.cache
def vtimezone_bytes(zone_name: str, first_year: int, last_year: int) -> bytes:
    """The serialised VTIMEZONE of a zone and years: built once per process, as it depends only on the zone data."""
    return build_vtimezone(zone_name, first_year, last_year).to_ical()


@functools.lru_cache(maxsize=256)
def build_vtimezone(zone_name: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """Build the VTIMEZONE of zone_name for the years first_year..last_year in a form ical.js reads right.

    icalendar writes several dates in one RDATE, and relies on DTSTART being
    the first onset of an observance that also has RDATEs. Both are valid RFC
    5545, but Mozilla's ical.js 2.2 (Thunderbird) misreads the first and
    ignores the DTSTART onset when RDATEs are present, shifting events by an
    hour. So every onset, DTSTART's included, is written as an RDATE of its own.
    """
    last_date = dt.date(last_year + 1, 1, 1)
    timezone = icalendar.Timezone.from_tzinfo(
        EndingZone(ZoneInfo(zone_name), last_date),
        tzid=zone_name,
        first_date=dt.date(first_year, 1, 1),
        last_date=last_date,
    )
    for observance in timezone.subcomponents:
        rdates = observance.pop("RDATE", None)
        if rdates is None:
            continue
        onsets = [observance.decoded("DTSTART")]
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            onsets.extend(period.dt for period in rdate.dts)
        for onset in onsets:
            observance.add("rdate", onset)
    return timezone
