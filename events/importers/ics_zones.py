"""The IANA zone of a TZID as producers write them, and the event's times put in that zone.

A TZID is read as an IANA name (in any letter case, after a vendor prefix such as "/mozilla.org/20050126_1/"), a
Windows zone ID ("AUS Eastern Standard Time", CLDR's windowsZones data as icalendar ships it), or a Windows
display name as Outlook and Exchange write it ("Canberra, Melbourne, Sydney", "(UTC+10:00) Canberra, Melbourne,
Sydney", the older "Pacific Time (US & Canada), Tijuana"; the names from win2utc's copy of Windows' list). An
unknown TZID defined by a VTIMEZONE of the file keeps that definition's rules, and the IANA zone with the same
offsets and transitions over the event's years when there is one. An unknown TZID without a definition, and an
empty one, leave the time floating, with a note.
"""

import datetime as dt
import functools
import re
import unicodedata
import zoneinfo

import icalendar
from django.utils.translation import gettext as _
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from win2utc.converter import WinTimeZoneConverter

ZONED = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")
OFFSET_PREFIX = re.compile(r"^\(\s*(?:UTC|GMT)\s*(?:[+-]\s*\d{1,2}(?:[:.]\d{2})?)?\s*\)\s*", re.IGNORECASE)


def spelling(name: str) -> str:
    """A zone's name as compared: without accents, letter case, backslashes, and with "; " read as ", "."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.replace("\\", "").replace(";", ",").casefold().split())


@functools.cache
def iana_names() -> dict[str, str]:
    """Every IANA zone name, by its spelling (tzdata's backward links included: "US/Eastern")."""
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


@functools.cache
def display_names() -> dict[str, str]:
    """The IANA zone of each Windows display name, by its spelling without the "(UTC+10:00) " prefix."""
    windows = WinTimeZoneConverter()
    found = {}
    for zone_id, zone in windows.timezones.items():
        iana = WINDOWS_TO_OLSON.get(zone_id) or windows.dotnet_to_iana.get(zone_id)
        if iana and zone.get("DisplayName"):
            found.setdefault(spelling(OFFSET_PREFIX.sub("", zone["DisplayName"])), iana)
    return found


@functools.cache
def iana_name(tzid: str) -> str | None:
    """The IANA zone a TZID names, or None (see the module's docstring)."""
    tzid = tzid.strip().strip('"')
    names = iana_names()
    parts = tzid.strip("/").split("/")
    for start in range(len(parts)):  # a vendor prefix: the longest IANA name at the end
        if found := names.get("/".join(parts[start:]).casefold()):
            return found
    if found := WINDOWS_TO_OLSON.get(tzid):
        return found
    if found := names.get(tzid.replace("-", "/").casefold()):
        return found
    words = spelling(OFFSET_PREFIX.sub("", tzid))
    while words:
        if found := display_names().get(words):
            return found
        # "Pacific Time (US & Canada), Tijuana": Windows has dropped the city since; try without it.
        words = words.rpartition(",")[0].strip()
    return None


def years_of(vevent: icalendar.Event, window: tuple[dt.datetime, dt.datetime]) -> range:
    """The years whose offsets matter: the event's own, and the window's for a series."""
    start = getattr(vevent.get("DTSTART"), "dt", None)
    first = start.year if isinstance(start, dt.date) else window[0].year
    if "RRULE" in vevent or "RDATE" in vevent:
        return range(max(first, window[0].year), window[1].year + 1)
    return range(first, first + 1)


def same_zone(tzinfo: dt.tzinfo, years: range) -> str | None:
    """The IANA zone with the same offsets as tzinfo at every hour of these years (the preferred zones of
    Windows' map first), or None."""
    if not years or len(years) > 5:
        return None
    days = [
        dt.datetime(year, 1, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=day)
        for year in years
        for day in range(366 if year % 4 == 0 else 365)
    ]
    try:
        offsets = [day.astimezone(tzinfo).utcoffset() for day in days]
    except (ArithmeticError, ValueError, TypeError):
        return None
    # Around each change of offset, every hour: a zone that changes on the same day, at another hour, differs.
    instants = list(days)
    for index in range(1, len(days)):
        if offsets[index] != offsets[index - 1]:
            instants += [days[index - 1] + dt.timedelta(hours=hour) for hour in range(1, 24)]
    wanted = [instant.astimezone(tzinfo).utcoffset() for instant in instants]
    probes = [0, len(days) // 4, len(days) // 2, 3 * len(days) // 4]
    for name in candidates():
        zone = zoneinfo.ZoneInfo(name)
        if any(days[probe].astimezone(zone).utcoffset() != offsets[probe] for probe in probes):
            continue
        if all(
            instant.astimezone(zone).utcoffset() == offset for instant, offset in zip(instants, wanted, strict=True)
        ):
            return name
    return None


@functools.cache
def candidates() -> list[str]:
    """The zones same_zone() offers: Windows' preferred ones, then every other Area/City zone, by name."""
    preferred = list(dict.fromkeys(WINDOWS_TO_OLSON.values()))
    others = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and name.split("/")[0] not in ("Etc", "SystemV", "US", "posix", "right")
    )
    return [*preferred, *(name for name in others if name not in preferred)]


class ZoneReader:
    """Put the times of each VEVENT in the IANA zone its TZID names; notes for those it cannot."""

    def __init__(self, calendar: icalendar.Calendar, window: tuple[dt.datetime, dt.datetime]):
        self.window = window
        self.defined = {str(zone.get("TZID", "")).strip('"') for zone in calendar.walk("VTIMEZONE")}
        self.matches: dict[tuple[str, range], str | None] = {}

    def repair(self, vevent: icalendar.Event) -> set[str]:
        """Read again the zoned times the parser could not (an unquoted TZID with commas); their names."""
        repaired = set()
        for name in ZONED:
            props = as_list(vevent.get(name))
            for position, prop in enumerate(props):
                if not isinstance(prop, icalendar.prop.vBroken) or "TZID" not in prop.params:
                    continue
                try:
                    value = (icalendar.vDDDLists if name in ("EXDATE", "RDATE") else icalendar.vDDDTypes).from_ical(
                        str(prop)
                    )
                except ValueError:
                    continue
                fixed = icalendar.vDDDLists(value) if isinstance(value, list) else icalendar.vDDDTypes(value)
                fixed.params = prop.params
                props[position] = fixed
                repaired.add(name)
            if name in repaired:
                vevent.pop(name)
                for prop in props:
                    vevent.add(name, prop)
        return repaired

    def read(self, vevent: icalendar.Event) -> list[str]:
        """Put the event's zoned times in their IANA zones; the notes for the officer (one per TZID)."""
        notes: dict[str, str] = {}
        for name in ZONED:
            for prop in as_list(vevent.get(name)):
                if "TZID" not in getattr(prop, "params", {}) or isinstance(prop, icalendar.prop.vBroken):
                    continue
                tzid = self.tzid(prop)
                zone, note = self.zone(tzid, prop, vevent)
                if note:
                    notes.setdefault(tzid, note)
                if zone is not None:
                    self.put(prop, zone)
        return list(notes.values())

    @staticmethod
    def tzid(prop) -> str:
        """The TZID as written: an unquoted one with commas ("Canberra, Melbourne, Sydney") is one name."""
        value = prop.params.get("TZID")
        return ",".join(value) if isinstance(value, list) else str(value)

    def zone(self, tzid: str, prop, vevent) -> tuple[dt.tzinfo | None, str]:
        """The zone to put the property's times in (None: leave them), and a note."""
        values = self.values(prop)
        if not tzid.strip():
            return None, _("an empty TZID: the time is floating")
        if name := iana_name(tzid):
            return zoneinfo.ZoneInfo(name), ""
        aware = [value for value in values if isinstance(value, dt.datetime) and value.tzinfo is not None]
        if tzid.strip('"') in self.defined and aware:
            years = years_of(vevent, self.window)
            key = (tzid, years)
            if key not in self.matches:
                self.matches[key] = same_zone(aware[0].tzinfo, years)
            if found := self.matches[key]:
                return zoneinfo.ZoneInfo(found), _("time zone “%(tzid)s” read as %(zone)s (the same offsets)") % {
                    "tzid": tzid[:60], "zone": found}  # fmt: skip
            note = _("time zone “%(tzid)s” is like no IANA zone: times converted by the file's definition, kept in UTC")
            return None, note % {"tzid": tzid[:60]}
        return None, _("unknown time zone “%(tzid)s” without a definition: the time is floating") % {"tzid": tzid[:60]}

    @staticmethod
    def values(prop) -> list:
        if hasattr(prop, "dts"):
            return [getattr(value, "dt", None) for value in prop.dts]
        return [getattr(prop, "dt", None)]

    @staticmethod
    def put(prop, zone: dt.tzinfo) -> None:
        """The same instant in the zone (a time the parser left floating: that wall-clock time in the zone)."""
        for holder in prop.dts if hasattr(prop, "dts") else [prop]:
            value = getattr(holder, "dt", None)
            if isinstance(value, tuple):  # a PERIOD of an RDATE: its start and end or duration
                holder.dt = tuple(in_zone(part, zone) for part in value)
            elif isinstance(value, dt.datetime):
                holder.dt = in_zone(value, zone)


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def in_zone(value, zone: dt.tzinfo):
    if not isinstance(value, dt.datetime):
        return value
    return value.astimezone(zone) if value.tzinfo is not None else value.replace(tzinfo=zone)
