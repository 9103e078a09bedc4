"""Turn events into an iCalendar object: the only module that writes iCalendar.

Pure: the functions take events whose related rows the caller has already
fetched (see FEED_RELATED), never query the database, never touch a request,
and write texts in the language active when they are called.

Representation choices, which the README repeats for subscribers:
- all-day events are VALUE=DATE with the exclusive DTEND RFC 5545 wants
  (14-15 November ends 20171116);
- timed events carry TZID and a VTIMEZONE for every zone used;
- events known only to the month or the year span that whole month or year
  as an all-day, transparent event whose SUMMARY says the days are not
  announced, so no calendar shows a day that no source states;
- undated events cannot be placed in a calendar and are left out;
- DTSTAMP and LAST-MODIFIED are the event's last change, so an unchanged
  feed is byte-identical between requests;
- X-DIPCAL-* properties carry the event's own title, texts, type, precision
  and "postponed", which SUMMARY and DESCRIPTION mix with other facts, so
  that an export imports back (importing.py) unchanged.

Two ways out, the same bytes: build_calendar() gives an icalendar.Calendar,
and write_calendar() the serialised file in parts, reusing each event's VEVENT
from a fragment store (the cache) while nothing it is made of has changed, and
each zone's VTIMEZONE from memory. Feeds are written the second way: after one
edit, only the edited event is serialised again.
"""

import datetime as dt
import functools
import hashlib
import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

import django
import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import gettext as _

from .dates import format_day, format_event_dates, format_month, format_year_range
from .models import Event
from .text import clean_line, clean_text

# What a caller must prefetch so that building a calendar runs no query.
FEED_RELATED = ("event_type", "venue", "source", "parent", "series")
FEED_PREFETCH = ("participations__person", "tags")

STATUS_MAP = {
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.TENTATIVE: "TENTATIVE",
    # RFC 5545 has no "postponed": tentative, with the word in the SUMMARY.
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def prodid() -> str:
    return getattr(settings, "EVENTS_ICAL_PRODID", "-//Diplomatic event calendar//EN")


def refresh_interval() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "EVENTS_FEED_REFRESH_MINUTES", 60))


def event_summary(event: Event, *, private: bool = False, now: dt.datetime | None = None) -> str:
    """Write the SUMMARY: the title, with what a subscriber must notice first put before it."""
    summary = event.title
    if event.date_precision == Event.Precision.MONTH:
        summary = _("%(title)s (%(period)s, days not announced)") % {
            "title": summary,
            "period": format_month(event.start_date),
        }
    elif event.date_precision == Event.Precision.YEAR:
        summary = _("%(title)s (%(period)s, dates not announced)") % {
            "title": summary,
            "period": format_year_range(event.start_date, event.end_date or event.start_date),
        }
    if event.status == Event.Status.CANCELLED:
        summary = _("Cancelled: %(title)s") % {"title": summary}
    elif event.status == Event.Status.POSTPONED:
        summary = _("Postponed: %(title)s") % {"title": summary}
    if private:
        if not event.is_published:
            summary = _("[Draft] %(title)s") % {"title": summary}
        elif event.publish_at and event.publish_at > (now or dt.datetime.now(dt.UTC)):
            summary = _("[Embargoed until %(time)s UTC] %(title)s") % {
                "time": event.publish_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"),
                "title": summary,
            }
    return summary


def event_description(event: Event, *, base_url: str | None, private: bool = False) -> str:
    """Write the plain-text DESCRIPTION: summary, text, dates, participants, agenda, parent and source."""
    paragraphs = [part for part in (event.summary, event.description) if part]
    paragraphs.append(_("When: %(dates)s") % {"dates": format_event_dates(event)})
    participations = list(event.participations.all())
    if participations:
        lines = [_("Participants:")]
        for participation in participations:
            line = f"- {participation.person.name}"
            if participation.position:
                line += f", {participation.position}"
            lines.append(f"{line} ({participation.get_role_display()})")
        paragraphs.append("\n".join(lines))
    agenda = [line.strip() for line in (event.agenda or "").splitlines() if line.strip()]
    if agenda:
        paragraphs.append("\n".join([_("Agenda:"), *(f"- {item}" for item in agenda)]))
    if event.parent_id and event.parent and (private or event.parent.is_public):
        paragraphs.append(_("Part of: %(title)s") % {"title": event.parent.title})
    if event.source_id and event.source:
        source = event.source
        line = _("Source: %(title)s, %(date)s") % {
            "title": source.title,
            "date": format_day(source.published_at.astimezone(dt.UTC).date()),
        }
        paragraphs.append(f"{line}\n{source.url}" if source.url else line)
    if base_url is not None:
        paragraphs.append(f"{base_url}{event.get_absolute_url()}")
    return "\n\n".join(paragraphs)


def event_to_vevent(
    event: Event, *, base_url: str | None, private: bool = False, now: dt.datetime | None = None
) -> icalendar.Event:
    """Map one event to a VEVENT; the one place where model fields meet iCalendar properties."""
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.sequence)
    # Text leaves through clean_line / clean_text (events/text.py): stored text is clean already, this keeps a row
    # written some other way from breaking the file (a lone CR is not escaped by icalendar).
    vevent.add("summary", clean_line(event_summary(event, private=private, now=now)))
    if event.all_day:
        vevent.add("dtstart", event.start_date)
        # RFC 5545: the DTEND of an all-day event is the day after the last one.
        vevent.add("dtend", event.end_date + dt.timedelta(days=1))
    else:
        zone = ZoneInfo(str(event.timezone))
        vevent.add("dtstart", local_or_utc(event.start, zone))
        if event.end:
            vevent.add("dtend", local_or_utc(event.end, zone))
    vevent.add("status", STATUS_MAP[event.status])
    vevent.add("transp", "TRANSPARENT")
    now = now or dt.datetime.now(dt.UTC)
    hidden = not event.is_published or (event.publish_at is not None and event.publish_at > now)
    vevent.add("class", "CONFIDENTIAL" if hidden else "PUBLIC")
    if event.venue_id:
        vevent.add("location", clean_line(str(event.venue)))
        if event.venue.latitude is not None and event.venue.longitude is not None:
            vevent.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
    if base_url is not None:
        vevent.add("url", f"{base_url}{event.get_absolute_url()}")
    vevent.add("description", clean_text(event_description(event, base_url=base_url, private=private)))
    # The event's own fields, which SUMMARY and DESCRIPTION compose with other facts, for importers
    # (this service's own import_ics reads them back; other calendars ignore X- properties).
    own = {
        "x-dipcal-title": event.title,
        "x-dipcal-summary": event.summary,
        "x-dipcal-description": event.description,
        "x-dipcal-precision": event.date_precision if event.date_precision != Event.Precision.DAY else "",
        "x-dipcal-status": event.status if event.status == Event.Status.POSTPONED else "",
        "x-dipcal-type": event.event_type.slug,
        "x-dipcal-agenda": event.agenda,
        # The zone, where DTSTART had to be written in UTC (the hour when clocks go back).
        "x-dipcal-timezone": str(event.timezone) if not event.all_day and event.timezone else "",
    }
    for name, value in own.items():
        if value:
            vevent.add(name, icalendar.vText(clean_text(value)))
    categories = [
        clean_line(name)
        for name in (event.event_type.name, *sorted((tag.name for tag in event.tags.all()), key=str.casefold))
    ]
    vevent.add("categories", categories)
    if event.parent_id and (private or event.parent.is_public):
        vevent.add("related-to", event.parent.uid, parameters={"RELTYPE": "PARENT"})
    return vevent


def local_or_utc(instant: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The time as written in the file: local with TZID, or in UTC where local time cannot say it.

    A local time in the hour when clocks go back happens twice, and parsers
    pick different occurrences (icalendar the first, ical.js the second); UTC
    is unambiguous. UTC events need no VTIMEZONE either.
    """
    local = instant.astimezone(zone)
    if zone.key in ("UTC", "Etc/UTC") or local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return instant.astimezone(dt.UTC)
    return local


def zones_needed(event) -> set[str]:
    """The zones the event's times are written in, so the calendar carries their VTIMEZONEs."""
    zone = ZoneInfo(str(event.timezone))
    return {
        zone.key
        for instant in (event.start, event.end)
        if instant is not None and local_or_utc(instant, zone).tzinfo is not dt.UTC
    }


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


def build_calendar(
    events: Iterable[Event],
    *,
    name: str,
    description: str,
    base_url: str | None,
    private: bool = False,
    now: dt.datetime | None = None,
) -> icalendar.Calendar:
    """Build a VCALENDAR of events (undated ones left out) with a VTIMEZONE for each zone used.

    base_url is the site's address for each event's URL; None (a static export with no address) leaves links out.
    """
    calendar = calendar_head(name=name, description=description)
    zone_years: dict[str, tuple[int, int]] = {}
    vevents = []
    for event in events:
        if event.date_precision == Event.Precision.NONE:
            continue
        note_zones(event, zone_years)
        vevents.append(event_to_vevent(event, base_url=base_url, private=private, now=now))
    for zone, (first_year, last_year) in sorted(zone_years.items()):
        calendar.add_component(build_vtimezone(zone, first_year, last_year))
    for vevent in vevents:
        calendar.add_component(vevent)
    return calendar


def calendar_head(*, name: str, description: str) -> icalendar.Calendar:
    """A VCALENDAR with the calendar's own properties and no components yet.

    The name and description may hold what a request typed (a city, words to find): NAME is one line, and neither
    may carry a control character into the file.
    """
    name, description = clean_line(name), clean_text(description)
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("description", description)
    # The X-WR names are what Google, Apple and Outlook read; they are text too.
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("x-wr-caldesc", icalendar.vText(description))
    calendar.add("refresh-interval", refresh_interval(), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(refresh_interval()))
    return calendar


def note_zones(event, zone_years: dict[str, tuple[int, int]]) -> None:
    """Widen zone_years to the zones and local years an event's times are written in.

    event is an Event or any object with its all_day, timezone, start, end,
    start_date and end_date (the feed cache passes rows of values).
    """
    if event.all_day:
        return
    first, last = event.start_date.year, (event.end_date or event.start_date).year
    for zone in zones_needed(event):
        known = zone_years.get(zone, (first, last))
        zone_years[zone] = (min(known[0], first), max(known[1], last))


class FragmentStore(Protocol):
    """Where serialised VEVENTs are kept between feeds: Django's cache fits."""

    def get_many(self, keys: list[str]) -> Mapping[str, bytes]: ...

    def set_many(self, data: Mapping[str, bytes], timeout: int | None = ...) -> object: ...


# Events serialised together: one part of the written file, and one round trip to the fragment store.
CHUNK_SIZE = 500
CALENDAR_END = b"END:VCALENDAR\r\n"


def write_calendar(
    events: Iterable[Event],
    *,
    name: str,
    description: str,
    base_url: str | None,
    private: bool = False,
    now: dt.datetime | None = None,
    fragments: FragmentStore | None = None,
    fragment_timeout: int | None = None,
) -> list[bytes]:
    """Serialise the same file as build_calendar(events).to_ical(), in parts whose concatenation is the file.

    With a fragment store (public calendars only), each event's VEVENT is
    taken from it when one made of the same inputs is there (see vevent_key)
    and is otherwise serialised and stored. Events are consumed CHUNK_SIZE at
    a time, so with an iterator of events only one chunk of rows is held
    besides the parts written so far.
    """
    if private and fragments is not None:
        raise ValueError("A private calendar's VEVENTs are not stored.")
    now = now or dt.datetime.now(dt.UTC)
    zone_years: dict[str, tuple[int, int]] = {}
    body = []
    for chunk in chunks(event for event in events if event.date_precision != Event.Precision.NONE):
        for event in chunk:
            note_zones(event, zone_years)
        if fragments is None:
            pieces = [event_to_vevent(event, base_url=base_url, private=private, now=now).to_ical() for event in chunk]
        else:
            keys = [vevent_key(made_of(event, now), base_url=base_url) for event in chunk]
            found = fragments.get_many(keys)
            made = {
                key: event_to_vevent(event, base_url=base_url, now=now).to_ical()
                for event, key in zip(chunk, keys, strict=True)
                if key not in found
            }
            if made:
                fragments.set_many(made, fragment_timeout)
            pieces = [found.get(key) or made[key] for key in keys]
        body.append(b"".join(pieces))
    return assemble(name=name, description=description, zone_years=zone_years, body=body)


def chunks(items: Iterable, size: int = CHUNK_SIZE) -> Iterator[list]:
    """The items as lists of `size` (the last one shorter), consuming an iterator only as far as needed."""
    items = iter(items)
    return iter(lambda: list(itertools.islice(items, size)), [])


def assemble(*, name: str, description: str, zone_years: dict[str, tuple[int, int]], body: list[bytes]) -> list[bytes]:
    """The parts of a calendar file: its head, the VTIMEZONEs of zone_years, the VEVENTs in body, its end."""
    head = calendar_head(name=name, description=description).to_ical().removesuffix(CALENDAR_END)
    zones = [vtimezone_bytes(zone, *years) for zone, years in sorted(zone_years.items())]
    return [head, *zones, *body, CALENDAR_END]


def made_of(event: Event, now: dt.datetime) -> tuple:
    """Everything a public VEVENT of the event shows, as stored values (what vevent_key names).

    The rows of the event (every language, SEQUENCE and last change
    included), of its type, place, source and parent, of its tags and
    participants with their people, and whether the parent is public now.
    The feed cache (feedcache.py) builds the same tuple from rows of values.
    """
    parent = event.parent if event.parent_id else None
    return (
        row(event),
        row(event.event_type),
        row(event.venue) if event.venue_id else None,
        row(event.source) if event.source_id else None,
        row(parent) if parent else None,
        parent is not None and visible(parent.is_published, parent.publish_at, now),
        sorted((row(tag) for tag in event.tags.all()), key=repr),
        sorted((row(person) + row(person.person) for person in event.participations.all()), key=repr),
    )


def visible(is_published: bool, publish_at: dt.datetime | None, now: dt.datetime) -> bool:
    return is_published and (publish_at is None or publish_at <= now)


def vevent_key(made_of: tuple, *, base_url: str | None) -> str:
    """Name a public VEVENT by all it is made of, so that no changed input can ever find an old VEVENT.

    Besides the stored values: the language, the site's address and path, and
    the version of the code and translations that write VEVENTs.
    """
    inputs = (made_of, translation.get_language(), base_url, get_script_prefix())
    digest = hashlib.blake2b(repr(inputs).encode(), digest_size=20).hexdigest()
    return f"vevent:{render_version()}:{digest}"


def row(instance) -> tuple:
    """The stored values of a model instance, in field order."""
    values = instance.__dict__
    return tuple(values.get(field.attname) for field in instance._meta.concrete_fields)


@functools.cache
def render_version() -> str:
    """A digest of the code and the translations that write VEVENTs: a new release never reuses old fragments."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(f"{icalendar.__version__}|{django.get_version()}".encode())
    here = Path(__file__).parent
    for path in (here / "ical.py", here / "dates.py", *sorted(settings.BASE_DIR.glob("locale/*/LC_MESSAGES/*.mo"))):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class CalendarResponse(HttpResponse):
    """An iCalendar file: inline for feeds a client subscribes to, attachment for a download.

    Given the parts of write_calendar(), the response sends them one after
    another and never joins them: a large feed is never held twice.
    """

    def __init__(self, calendar: list[bytes], *, filename: str, attachment: bool = False, **kwargs):
        kwargs.setdefault("content_type", "text/calendar; charset=utf-8")
        super().__init__(**kwargs)
        # HttpResponse sends the items of its container in turn; assigning content would join them.
        self._container = list(calendar)
        self["Content-Length"] = str(sum(map(len, self._container)))
        disposition = "attachment" if attachment else "inline"
        self["Content-Disposition"] = f'{disposition}; filename="{filename}"'
