"""Links that put one event into a reader's calendar: Google Calendar, Outlook on the web, a webcal:// address.

Pure: the functions read an event's fields (fetched with its venue), never
query the database or touch a request, and write texts in the language
active when they are called.

The links say what the event's .ics file says (ical.py), so that a reader
meets the same entry whichever way it was added:
- the title is the iCal SUMMARY (ical.event_summary): "Cancelled: …" and
  "Postponed: …" before it, "(June 2015, days not announced)" after an
  event known only to the month or the year;
- an all-day event, and an event known only to the month or the year, spans
  its days with an exclusive end (14-15 November ends on 16 November), as
  both Google and Outlook read all-day ranges; a month-only event so spans
  the whole month, as it does in the feeds;
- a timed event is written in UTC ("Z"), which both services read without
  guessing a zone; Google also gets the event's zone (ctz) to show it in;
  without an end it ends when it starts, as a VEVENT without DTEND does;
- an undated event has no links: no calendar can place it.
"""

import datetime as dt
from typing import NamedTuple
from urllib.parse import quote, urlencode

from .ical import event_summary
from .models import Event

GOOGLE = "https://calendar.google.com/calendar/render"
# Outlook's own "new event" form, for personal accounts (Outlook.com) and for work or school ones (Microsoft 365).
OUTLOOK_LIVE = "https://outlook.live.com/calendar/0/action/compose"
OUTLOOK_OFFICE = "https://outlook.office.com/calendar/0/action/compose"


class CalendarLinks(NamedTuple):
    """Every way the event page offers to add an event to a calendar."""

    ics: str
    webcal: str
    google: str
    outlook_live: str
    outlook_office: str


def calendar_links(event: Event, *, page_url: str, ics_url: str) -> CalendarLinks | None:
    """Every "add to calendar" link of an event with its page's and its .ics file's absolute addresses; None for
    an undated event."""
    if not is_placeable(event):
        return None
    return CalendarLinks(
        ics=ics_url,
        webcal=webcal_link(ics_url),
        google=google_calendar_link(event, page_url),
        outlook_live=outlook_link(event, page_url, base=OUTLOOK_LIVE),
        outlook_office=outlook_link(event, page_url, base=OUTLOOK_OFFICE),
    )


def is_placeable(event: Event) -> bool:
    """Whether a calendar can show the event: it has at least a known year."""
    return event.date_precision != Event.Precision.NONE and event.start_date is not None


def webcal_link(url: str) -> str:
    """The webcal:// form of an http(s) address: calendar apps open it as a subscription that follows changes."""
    return "webcal://" + url.split("://", 1)[1]


def link_title(event: Event) -> str:
    """The title a calendar entry gets: the iCal SUMMARY, status and vague dates included."""
    # event_summary reads only the title, status, precision and days, which an Event has as its facts do.
    return event_summary(event)


def link_details(event: Event, page_url: str) -> str:
    """The entry's text: the event's summary, if any, then its page."""
    return f"{event.summary}\n\n{page_url}" if event.summary else page_url


def all_day_range(event: Event) -> tuple[dt.date, dt.date]:
    """The first day and the day after the last: the exclusive end all-day ranges are read with."""
    last = event.end_date or event.start_date
    return event.start_date, last + dt.timedelta(days=1)


def utc_range(event: Event) -> tuple[dt.datetime, dt.datetime]:
    """A timed event's start and end in UTC; without an end, it ends when it starts."""
    return event.start.astimezone(dt.UTC), (event.end or event.start).astimezone(dt.UTC)


def google_calendar_link(event: Event, page_url: str) -> str:
    """Google Calendar's "add event" link, with the event's days or UTC times; "" for an undated event."""
    if not is_placeable(event):
        return ""
    if event.all_day:
        first, after = all_day_range(event)
        dates = f"{first:%Y%m%d}/{after:%Y%m%d}"
    else:
        start, end = utc_range(event)
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    params = {"action": "TEMPLATE", "text": link_title(event), "dates": dates, "details": link_details(event, page_url)}
    if event.venue_id:
        params["location"] = str(event.venue)
    if not event.all_day:
        params["ctz"] = str(event.timezone)
    return f"{GOOGLE}?{encode(params)}"


def outlook_link(event: Event, page_url: str, *, base: str = OUTLOOK_LIVE) -> str:
    """Outlook on the web's "new event" form filled in with the event (OUTLOOK_LIVE or OUTLOOK_OFFICE); "" for an
    undated event.

    An all-day event gives its days as dates with allday=true, and the day after the last as enddt: Outlook, like
    RFC 5545 and Microsoft Graph, ends an all-day range at the midnight that follows it. Timed events give UTC
    times ("Z"), which Outlook shows in the reader's own zone.
    """
    if not is_placeable(event):
        return ""
    if event.all_day:
        first, after = all_day_range(event)
        start, end = first.isoformat(), after.isoformat()
    else:
        start, end = (moment.strftime("%Y-%m-%dT%H:%M:%SZ") for moment in utc_range(event))
    params = {
        # The form's path and action, which the known writers of these links send too (no official reference
        # exists: see InteractionDesignFoundation/add-event-to-calendar-docs, services/outlook-web.md).
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": link_title(event),
        "startdt": start,
        "enddt": end,
        "allday": "true" if event.all_day else "false",
        "body": link_details(event, page_url),
    }
    if event.venue_id:
        params["location"] = str(event.venue)
    return f"{base}?{encode(params)}"


def encode(params: dict[str, str]) -> str:
    # Spaces as %20 (RFC 3986), not the "+" of HTML forms, which not every reader of such links decodes.
    return urlencode(params, quote_via=quote)
