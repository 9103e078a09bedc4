"""What the write-path tests send: an .ics file of one event, a drafted event, a press release; saves at a moment."""

import datetime as dt

import time_machine

from events.models import Event

from .factories import EventTypeFactory

PUBLISHED = dt.datetime(2017, 11, 13, 8, 32, tzinfo=dt.UTC)


def ics_event(**properties) -> bytes:
    lines = {
        "UID": "partner-1",
        "SUMMARY": "Consultations",
        "DTSTART;VALUE=DATE": "20271114",
        "CATEGORIES": "Visit",
        **properties,
    }
    body = "\r\n".join(f"{name}:{value}" for name, value in lines.items())
    calendar = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\nBEGIN:VEVENT\r\n{body}\r\nEND:VEVENT\r\n"
    return (calendar + "END:VCALENDAR\r\n").encode()


def draft(**values) -> dict:
    return {
        "title": "Consultations",
        "event_type": EventTypeFactory(slug="visit"),
        "visit_level": "",
        "dates": (dt.date(2027, 11, 14), dt.date(2027, 11, 14), Event.Precision.DAY),
        "city_en": "",
        "city_ru": "",
        "country": "",
        "timezone": "",
        "people": [],
        "sentence": "Consultations will be held.",
        **values,
    }


def release(**values) -> dict:
    return {"title": "Release", "url": "", "published": PUBLISHED.date(), "language": "en", "text": "…", **values}


def at(moment: dt.datetime):
    """The clock stopped at that moment."""
    return time_machine.travel(moment, tick=False)


def save_at(moment: dt.datetime, event: Event, **changes) -> Event:
    """Save the event with these changes at that moment, as an officer would (a new version in the history)."""
    with at(moment):
        event = Event.objects.get(pk=event.pk)
        for name, value in changes.items():
            setattr(event, name, value)
        event.save()
    return event
