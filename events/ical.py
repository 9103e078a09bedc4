"""Write iCalendar files from event facts: the only module that writes iCalendar.

Pure: the functions take event facts (facts.py), never query the database,
never touch a request, and write texts in the language active when they are
called.

Representation choices, which the README repeats for subscribers:
- all-day events are VALUE=DATE with the exclusive DTEND RFC 5545 wants
  (14-15 November ends 20171116);
- timed events carry TZID and a VTIMEZONE for every zone used;
- events known only to the month or the year span that whole month or year
  as an all-day, transparent event whose SUMMARY says the days are not
  announced, so no calendar shows a day that no source states;
- undated events cannot be placed in a calendar and are left out;
- a calendar with no event holds the VTIMEZONE of its own zone instead, as
  RFC 5545 wants one component at least (assemble());
- DTSTAMP and LAST-MODIFIED are the event's last change, so an unchanged
  feed is byte-identical between requests;
- X-DIPCAL-* properties carry the event's own title, texts, type, precision
  and "postponed", which SUMMARY and DESCRIPTION mix with other facts, so
  that an export imports back (importing.py) unchanged.

Content lines are written directly (escaped, folded), in the bytes icalendar
wrote for the same calendar (tests/ical_oracle.py builds them the old way),
at a fraction of the cost of a Component per event. write_calendar() gives
the file in parts, reusing each event's VEVENT from a fragment store (the
cache) under its facts' digest, and each zone's VTIMEZONE (vtimezone.py)
from memory: after one edit, only the edited event is written again.
"""

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .dates import format_day, format_event_dates, format_month, format_year_range
from .facts import EventFacts, of_events
from .models import Event
from .text import clean_line, clean_text
from .vtimezone import vtimezone_bytes

# What a caller must fetch with events so that making their facts (facts.EventFacts.of_event) runs no query.
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
    """The PRODID naming the software that wrote the calendar (EVENTS_ICAL_PRODID)."""
    return getattr(settings, "EVENTS_ICAL_PRODID", "-//Diplomatic event calendar//EN")


def calendar_zone() -> str:
    """The calendar's own zone (EVENTS_ICAL_TIMEZONE): the ministry's, not the database's UTC."""
    return getattr(settings, "EVENTS_ICAL_TIMEZONE", "Europe/Moscow")


def refresh_interval() -> dt.timedelta:
    """How often subscribers are asked to fetch the feed again (EVENTS_FEED_REFRESH_MINUTES)."""
    return dt.timedelta(minutes=getattr(settings, "EVENTS_FEED_REFRESH_MINUTES", 60))


def event_summary(event: EventFacts, *, private: bool = False) -> str:
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
    summary = status_title(summary, event.status)
    if private:
        if not event.is_published:
            summary = _("[Draft] %(title)s") % {"title": summary}
        elif event.embargoed_until is not None:
            summary = _("[Embargoed until %(time)s UTC] %(title)s") % {
                "time": event.embargoed_until.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"),
                "title": summary,
            }
    return summary


def status_title(title: str, status: str) -> str:
    """Put a cancellation or postponement before a title, in the one wording every feed and page uses.

    SUMMARY, the Atom feed, the "Add to Google Calendar" link, the listings
    and the month grid all show it, so a reader never meets a cancelled event
    announced as normal. Tentative events keep their title: RFC 5545 says it
    in STATUS, and pages say it in a badge.
    """
    if status == Event.Status.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": title}
    if status == Event.Status.POSTPONED:
        return _("Postponed: %(title)s") % {"title": title}
    return title


def event_description(event: EventFacts, *, url: str | None, private: bool = False) -> str:
    """Write the plain-text DESCRIPTION: summary, text, dates, participants, agenda, parent, source and link."""
    paragraphs = [part for part in (event.summary, event.description) if part]
    paragraphs.append(_("When: %(dates)s") % {"dates": format_event_dates(event)})
    if event.participants:
        lines = [_("Participants:")]
        for participant in event.participants:
            line = f"- {participant.name}"
            if participant.position:
                line += f", {participant.position}"
            lines.append(f"{line} ({participant.role})")
        paragraphs.append("\n".join(lines))
    agenda = [line.strip() for line in event.agenda.splitlines() if line.strip()]
    if agenda:
        paragraphs.append("\n".join([_("Agenda:"), *(f"- {item}" for item in agenda)]))
    if event.parent is not None and (private or event.parent.visible):
        paragraphs.append(_("Part of: %(title)s") % {"title": event.parent.title})
    if event.source is not None:
        source = event.source
        line = _("Source: %(title)s, %(date)s") % {"title": source.title, "date": format_day(source.day)}
        paragraphs.append(f"{line}\n{source.url}" if source.url else line)
    if url is not None:
        paragraphs.append(url)
    return "\n\n".join(paragraphs)


def event_url(event: EventFacts, base_url: str | None) -> str | None:
    """The event's page, or None where the calendar has no address (a static export)."""
    if base_url is None:
        return None
    return base_url + reverse("events:event-detail", kwargs={"slug": event.slug})


def write_vevent(event: EventFacts, *, base_url: str | None, private: bool = False) -> bytes:
    """Write one VEVENT: the one place where an event's facts meet iCalendar properties.

    The properties come in icalendar's order (its canonical order for VEVENT,
    then by name), so that the bytes are those icalendar wrote before.
    Text leaves through clean_line / clean_text (events/text.py): stored text
    is clean already, this keeps a row written some other way from breaking
    the file.
    """
    url = event_url(event, base_url)
    lines = ["BEGIN:VEVENT", "SUMMARY:" + escape_text(clean_line(event_summary(event, private=private)))]
    if event.all_day:
        lines.append("DTSTART;VALUE=DATE:" + ical_date(event.start_date))
        # RFC 5545: the DTEND of an all-day event is the day after the last one.
        lines.append("DTEND;VALUE=DATE:" + ical_date(event.end_date + dt.timedelta(days=1)))
    else:
        zone = ZoneInfo(event.timezone)
        lines.append("DTSTART" + ical_time(local_or_utc(event.start, zone)))
        if event.end:
            lines.append("DTEND" + ical_time(local_or_utc(event.end, zone)))
    lines += [
        "DTSTAMP:" + utc_time(event.updated_at),
        "UID:" + escape_text(event.uid),
        f"SEQUENCE:{event.sequence}",
        "CATEGORIES:" + ",".join(escape_text(clean_line(name)) for name in (event.type_name, *event.tags)),
        "CLASS:" + ("CONFIDENTIAL" if event.hidden else "PUBLIC"),
        "CREATED:" + utc_time(event.created_at),
        "DESCRIPTION:" + escape_text(clean_text(event_description(event, url=url, private=private))),
    ]
    if event.geo is not None:
        lines.append(f"GEO:{event.geo[0]};{event.geo[1]}")
    lines.append("LAST-MODIFIED:" + utc_time(event.updated_at))
    if event.place is not None:
        lines.append("LOCATION:" + escape_text(clean_line(event.place)))
    if event.parent is not None and (private or event.parent.visible):
        lines.append("RELATED-TO;RELTYPE=PARENT:" + escape_text(event.parent.uid))
    lines += ["STATUS:" + STATUS_MAP[event.status], "TRANSP:TRANSPARENT"]
    if url is not None:
        lines.append("URL:" + url)
    # The event's own fields, which SUMMARY and DESCRIPTION compose with other facts, for importers
    # (this service's own import_ics reads them back; other calendars ignore X- properties). By name.
    own = (
        ("AGENDA", event.agenda),
        ("DESCRIPTION", event.description),
        ("PRECISION", event.date_precision if event.date_precision != Event.Precision.DAY else ""),
        ("STATUS", event.status if event.status == Event.Status.POSTPONED else ""),
        ("SUMMARY", event.summary),
        # The zone, where DTSTART had to be written in UTC (the hour when clocks go back).
        ("TIMEZONE", event.timezone if not event.all_day else ""),
        ("TITLE", event.title),
        ("TYPE", event.type_slug),
    )
    lines += [f"X-DIPCAL-{name}:" + escape_text(clean_text(value)) for name, value in own if value]
    lines.append("END:VEVENT")
    return b"".join(map(fold, lines))


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma; every line break as \\n.

    CRLF, LF and a lone CR each become one \\n, as icalendar writes them. A
    backslash before N stays a backslash (icalendar 7.3 reads "\\N" in a text
    as a line break first, which RFC 5545 only means in an escaped value).
    """
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


FOLD_OCTETS = 74


def fold(line: str) -> bytes:
    """A content line in UTF-8, folded (RFC 5545 3.1) and ended with CRLF, as icalendar folds it.

    Each piece holds at most 74 octets (with the space that begins the next
    ones, lines stay within 75), is never cut within a character, and never
    ends in a backslash or a caret, so that no escape (\\n, RFC 6868's ^n) is
    cut in two: such a last character begins the next piece instead.
    """
    data = line.encode()
    if len(data) <= FOLD_OCTETS:
        return data + b"\r\n"
    pieces = []
    start = 0
    while len(data) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        # A continuation byte (10xxxxxx): the character began before; cut before it.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        # A piece holds at least 71 octets here, so more than one character, as icalendar's rule asks.
        if data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


RFC6868 = re.compile(r'\^|\r\n|\r|\n|"')
QUOTABLE = re.compile("[,;:\u2019]")


def param_value(value: str) -> str:
    """A property parameter's value as icalendar writes it: RFC 6868 escapes, quoted when it holds , ; : or ’."""
    value = RFC6868.sub(lambda match: {"^": "^^", '"': "^'"}.get(match.group(), "^n"), value)
    return f'"{value}"' if QUOTABLE.search(value) else value


def ical_date(day: dt.date) -> str:
    """A DATE value (20171114)."""
    return f"{day.year:04}{day.month:02}{day.day:02}"


def ical_time(moment: dt.datetime) -> str:
    """A DATE-TIME with what precedes its value: ":...Z" in UTC, ";TZID=zone:..." in local time."""
    text = f"{ical_date(moment)}T{moment.hour:02}{moment.minute:02}{moment.second:02}"
    if moment.tzinfo is dt.UTC:
        return f":{text}Z"
    return f";TZID={param_value(moment.tzinfo.key)}:{text}"


def utc_time(moment: dt.datetime) -> str:
    """A DATE-TIME in UTC, as RFC 5545 wants DTSTAMP, CREATED and LAST-MODIFIED (a naive time is taken as UTC)."""
    moment = moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment
    return f"{ical_date(moment)}T{moment.hour:02}{moment.minute:02}{moment.second:02}Z"


def ical_duration(span: dt.timedelta) -> str:
    """A DURATION as icalendar writes one (PT1H, P1D, PT1H30M)."""
    sign = ""
    if span.days < 0:
        sign, span = "-", -span
    time = ""
    if span.seconds:
        hours, minutes, seconds = span.seconds // 3600, span.seconds % 3600 // 60, span.seconds % 60
        time = "T" + (f"{hours}H" if hours else "")
        time += f"{minutes}M" if minutes or (hours and seconds) else ""
        time += f"{seconds}S" if seconds else ""
    if span.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{span.days}D{time}"


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


def zones_needed(event: EventFacts) -> set[str]:
    """The zones the event's times are written in, so the calendar carries their VTIMEZONEs."""
    zone = ZoneInfo(event.timezone)
    return {
        zone.key
        for instant in (event.start, event.end)
        if instant is not None and local_or_utc(instant, zone).tzinfo is not dt.UTC
    }


def note_zones(event: EventFacts, zone_years: dict[str, tuple[int, int]]) -> None:
    """Widen zone_years to the zones and local years an event's times are written in."""
    if event.all_day:
        return
    first, last = event.start_date.year, (event.end_date or event.start_date).year
    for zone in zones_needed(event):
        known = zone_years.get(zone, (first, last))
        zone_years[zone] = (min(known[0], first), max(known[1], last))


class FragmentStore(Protocol):
    """Where written VEVENTs are kept between feeds: Django's cache fits."""

    def get_many(self, keys: list[str]) -> Mapping[str, bytes]: ...

    def set_many(self, data: Mapping[str, bytes], timeout: int | None = ...) -> object: ...


# Events written together: one part of the file, and one round trip to the fragment store.
CHUNK_SIZE = 500
CALENDAR_END = b"END:VCALENDAR\r\n"


def write_calendar(
    events: Iterable[EventFacts],
    *,
    name: str,
    description: str,
    base_url: str | None,
    private: bool = False,
    fragments: FragmentStore | None = None,
    fragment_timeout: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    today: dt.date | None = None,
) -> list[bytes]:
    """Write a VCALENDAR of events (undated ones left out) with a VTIMEZONE for each zone used, in parts.

    base_url is the site's address for each event's URL; None (a static
    export with no address) leaves links out. With a fragment store (public
    calendars only), each VEVENT is taken from it under its facts' digest
    when there, and otherwise written and stored. Events are consumed
    chunk_size at a time, so with an iterator only one chunk is held besides
    the parts written so far. today (by default the current UTC date) dates
    the VTIMEZONE of a calendar with no event (assemble()).
    """
    if private and fragments is not None:
        raise ValueError("A private calendar's VEVENTs are not stored.")
    zone_years: dict[str, tuple[int, int]] = {}
    body = []
    dated = (event for event in events if event.date_precision != Event.Precision.NONE)
    for chunk in chunks(dated, chunk_size):
        for event in chunk:
            note_zones(event, zone_years)
        if fragments is None:
            body.append(b"".join(write_vevent(event, base_url=base_url, private=private) for event in chunk))
            continue
        keys = [event.digest(base_url=base_url) for event in chunk]
        found = dict(fragments.get_many(keys))
        made = {}
        for event, key in zip(chunk, keys, strict=True):
            if key not in found and key not in made:
                made[key] = write_vevent(event, base_url=base_url)
        if made:
            fragments.set_many(made, fragment_timeout)
            found.update(made)
        body.append(b"".join(found[key] for key in keys))
    return assemble(name=name, description=description, zone_years=zone_years, body=body, today=today)


def chunks(items: Iterable, size: int = CHUNK_SIZE) -> Iterator[list]:
    """The items as lists of `size` (the last one shorter), consuming an iterator only as far as needed."""
    items = iter(items)
    return iter(lambda: list(itertools.islice(items, size)), [])


def calendar_head(*, name: str, description: str) -> bytes:
    """The VCALENDAR's first lines: its own properties, in icalendar's order.

    The name and description may hold what a request typed (a city, words to find): NAME is one line, and neither
    may carry a control character into the file.
    """
    name, description = escape_text(clean_line(name)), escape_text(clean_text(description))
    every = ical_duration(refresh_interval())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:" + escape_text(prodid()),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "DESCRIPTION:" + description,
        # The X-WR names are what Google, Apple and Outlook read; they are text too.
        "X-WR-CALDESC:" + description,
        "NAME:" + name,
        "X-WR-CALNAME:" + name,
        "REFRESH-INTERVAL;VALUE=DURATION:" + every,
        "X-PUBLISHED-TTL:" + every,
    ]
    return b"".join(map(fold, lines))


def assemble(
    *,
    name: str,
    description: str,
    zone_years: dict[str, tuple[int, int]],
    body: list[bytes],
    today: dt.date | None = None,
) -> list[bytes]:
    """The parts of a calendar file: its head, the VTIMEZONEs of zone_years, the VEVENTs in body, its end.

    RFC 5545 (3.4, 3.6) wants at least one component in a VCALENDAR, and strict readers refuse one without. With
    no event, the calendar holds the VTIMEZONE of its own zone for today's year, as Google Calendar writes its
    calendars (a VTIMEZONE of the calendar's zone): every client reads it and shows nothing, where an invented
    event would show in the subscriber's calendar. (RFC 5546 still asks PUBLISH for one VEVENT; Outlook too
    publishes empty calendars, MS-OXCICAL 2.1.13.)
    """
    if not body:
        year = (today or dt.datetime.now(dt.UTC).date()).year
        zone_years = {calendar_zone(): (year, year)}
    zones = [vtimezone_bytes(zone, *years) for zone, years in sorted(zone_years.items())]
    return [calendar_head(name=name, description=description), *zones, *body, CALENDAR_END]


def build_calendar(
    events: Iterable[Event],
    *,
    name: str,
    description: str,
    base_url: str | None,
    private: bool = False,
    now: dt.datetime | None = None,
) -> icalendar.Calendar:
    """Read back, as an icalendar.Calendar, the file write_calendar() writes of events fetched with FEED_RELATED and
    FEED_PREFETCH: for code that inspects a calendar's properties (tests, import round trips)."""
    facts = of_events(events, now=now or dt.datetime.now(dt.UTC))
    parts = write_calendar(facts, name=name, description=description, base_url=base_url, private=private)
    return icalendar.Calendar.from_ical(b"".join(parts))


class CalendarResponse(HttpResponse):
    """An iCalendar file: inline for feeds a client subscribes to, attachment for a download.

    Given the parts of write_calendar(), the response is written part by part
    (HttpResponse.write), which a server sends one after another: a large feed
    is never joined, so never held twice. Reading .content joins them.
    """

    def __init__(self, parts: list[bytes], *, filename: str, attachment: bool = False, **kwargs):
        kwargs.setdefault("content_type", "text/calendar; charset=utf-8")
        super().__init__(**kwargs)
        for part in parts:
            self.write(part)
        self["Content-Length"] = str(sum(map(len, parts)))
        disposition = "attachment" if attachment else "inline"
        self["Content-Disposition"] = f'{disposition}; filename="{filename}"'
