"""Events and alerts as the alert tests need them, at moments the tests choose."""

import datetime as dt

from events.models import Alert, Event

from ..factories import AllDayEventFactory, EventTypeFactory, VenueFactory
from ..writes import at, save_at

__all__ = ["MONDAY", "SITE", "at", "confirmed_alert", "save_at", "visit"]

# A Monday, 12:00 in Moscow (the calendar's zone: EVENTS_ICAL_TIMEZONE).
MONDAY = dt.datetime(2030, 3, 4, 9, 0, tzinfo=dt.UTC)
SITE = "https://calendar.example"


def visit(title: str = "Visit to Minsk", *, moment: dt.datetime = MONDAY - dt.timedelta(days=1), **fields) -> Event:
    """A published visit of 14-15 May 2030 in Minsk, announced the day before Monday."""
    minsk = VenueFactory(city_en="Minsk", city_ru="Минск", country="BY", timezone="Europe/Minsk")
    defaults = {
        "event_type": EventTypeFactory(slug="visit", name_ru="Визит", name_plural_ru="Визиты"),
        "title_en": title,
        "title_ru": "Визит в Минск",
        "venue": minsk,
        "start_date": dt.date(2030, 5, 14),
        "end_date": dt.date(2030, 5, 15),
    }
    with at(moment):
        return AllDayEventFactory(**(defaults | fields))


def confirmed_alert(
    selection: str = "type=visit",
    *,
    frequency: str = Alert.Frequency.IMMEDIATE,
    language: str = "en",
    email: str = "reporter@example.org",
    moment: dt.datetime = MONDAY,
) -> Alert:
    """An alert its owner confirmed at that moment."""
    return Alert.objects.create(
        email=email,
        selection=selection,
        frequency=frequency,
        language=language,
        site_url=SITE,
        confirmed_at=moment,
        sent_until=moment,
    )
