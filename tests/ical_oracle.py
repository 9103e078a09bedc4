"""The old way of writing a calendar, kept as the oracle of events/ical.py: icalendar builds a Component per event
from the same facts and serialises it. The writer must give the same bytes (tests/test_ical.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from events.facts import EventFacts
from events.ical import (
    STATUS_MAP,
    calendar_zone,
    event_description,
    event_summary,
    event_url,
    local_or_utc,
    note_zones,
    prodid,
    refresh_interval,
)
from events.models import Event
from events.text import clean_line, clean_text
from events.vtimezone import build_vtimezone


def oracle_vevent(event: EventFacts, *, base_url: str | None, private: bool = False) -> icalendar.Event:
    """The VEVENT as icalendar.Event, built property by property (what ical.event_to_vevent did until 2026-12)."""
    url = event_url(event, base_url)
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.sequence)
    vevent.add("summary", clean_line(event_summary(event, private=private)))
    if event.all_day:
        vevent.add("dtstart", event.start_date)
        vevent.add("dtend", event.end_date + dt.timedelta(days=1))
    else:
        zone = ZoneInfo(event.timezone)
        vevent.add("dtstart", local_or_utc(event.start, zone))
        if event.end:
            vevent.add("dtend", local_or_utc(event.end, zone))
    vevent.add("status", STATUS_MAP[event.status])
    vevent.add("transp", "TRANSPARENT")
    vevent.add("class", "CONFIDENTIAL" if event.hidden else "PUBLIC")
    if event.place is not None:
        vevent.add("location", clean_line(event.place))
        if event.geo is not None:
            vevent.add("geo", event.geo)
    if url is not None:
        vevent.add("url", url)
    vevent.add("description", clean_text(event_description(event, url=url, private=private)))
    own = {
        "x-dipcal-title": event.title,
        "x-dipcal-summary": event.summary,
        "x-dipcal-description": event.description,
        "x-dipcal-precision": event.date_precision if event.date_precision != Event.Precision.DAY else "",
        "x-dipcal-status": event.status if event.status == Event.Status.POSTPONED else "",
        "x-dipcal-type": event.type_slug,
        "x-dipcal-agenda": event.agenda,
        "x-dipcal-timezone": event.timezone if not event.all_day else "",
    }
    for name, value in own.items():
        if value:
            vevent.add(name, icalendar.vText(clean_text(value)))
    vevent.add("categories", [clean_line(name) for name in (event.type_name, *event.tags)])
    if event.parent is not None and (private or event.parent.visible):
        vevent.add("related-to", event.parent.uid, parameters={"RELTYPE": "PARENT"})
    return vevent


def oracle_head(*, name: str, description: str) -> icalendar.Calendar:
    name, description = clean_line(name), clean_text(description)
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("description", description)
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("x-wr-caldesc", icalendar.vText(description))
    calendar.add("refresh-interval", refresh_interval(), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(refresh_interval()))
    return calendar


def oracle_calendar(
    events: list[EventFacts],
    *,
    name: str,
    description: str,
    base_url: str | None,
    private: bool = False,
    today: dt.date | None = None,
) -> bytes:
    """The whole file as icalendar serialises it; with no dated event, the calendar's own zone for today's year."""
    calendar = oracle_head(name=name, description=description)
    zone_years: dict[str, tuple[int, int]] = {}
    dated = [event for event in events if event.date_precision != Event.Precision.NONE]
    for event in dated:
        note_zones(event, zone_years)
    if not dated:
        year = (today or dt.datetime.now(dt.UTC).date()).year
        zone_years = {calendar_zone(): (year, year)}
    for zone, (first_year, last_year) in sorted(zone_years.items()):
        calendar.add_component(build_vtimezone(zone, first_year, last_year))
    for event in dated:
        calendar.add_component(oracle_vevent(event, base_url=base_url, private=private))
    return calendar.to_ical()
