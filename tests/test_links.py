"""The event page's calendar links (events/links.py): exact addresses for every kind of date and status.

The events are unsaved instances (with a venue that has a primary key): the links read fields only.
"""

import datetime as dt

import pytest
from django.utils import translation

from events.links import (
    OUTLOOK_OFFICE,
    CalendarLinks,
    calendar_links,
    google_calendar_link,
    outlook_link,
    webcal_link,
)
from events.models import Event, EventType, Venue

PAGE = "https://calendar.example.org/events/talks/"
ICS = "https://calendar.example.org/events/talks.ics"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def event(**fields) -> Event:
    fields.setdefault("title_en", "Talks")
    fields.setdefault("title_ru", "Переговоры")
    fields.setdefault("venue", Venue(pk=1, name_en="Foreign Ministry", city_en="Moscow", country="RU"))
    return Event(event_type=EventType(pk=1, slug="visit", name_en="Visit"), slug="talks", **fields)


def all_day(first: dt.date, last: dt.date, **fields) -> Event:
    return event(all_day=True, start_date=first, end_date=last, **fields)


def timed(start: dt.datetime, end: dt.datetime | None, **fields) -> Event:
    fields.setdefault("timezone", "Europe/Moscow")
    return event(all_day=False, start=start, end=end, start_date=start.date(), end_date=(end or start).date(), **fields)


PLACE = "location=Foreign%20Ministry%2C%20Moscow%2C%20Russia"
DETAILS = "https%3A%2F%2Fcalendar.example.org%2Fevents%2Ftalks%2F"
OUTLOOK_START = "https://outlook.live.com/calendar/0/action/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"


# All-day events: the days, with the day after the last as the end


def test_one_day_event_spans_that_day():
    talks = all_day(dt.date(2017, 11, 14), dt.date(2017, 11, 14))

    assert google_calendar_link(talks, PAGE) == (
        f"https://calendar.google.com/calendar/render?action=TEMPLATE&text=Talks&dates=20171114%2F20171115"
        f"&details={DETAILS}&{PLACE}"
    )
    assert outlook_link(talks, PAGE) == (
        f"{OUTLOOK_START}&subject=Talks&startdt=2017-11-14&enddt=2017-11-15&allday=true&body={DETAILS}&{PLACE}"
    )


def test_multi_day_event_spans_its_days_across_a_month_end():
    forum = all_day(dt.date(2017, 6, 29), dt.date(2017, 7, 1), title_en="Forum of Regions")

    assert google_calendar_link(forum, PAGE) == (
        f"https://calendar.google.com/calendar/render?action=TEMPLATE&text=Forum%20of%20Regions"
        f"&dates=20170629%2F20170702&details={DETAILS}&{PLACE}"
    )
    assert outlook_link(forum, PAGE) == (
        f"{OUTLOOK_START}&subject=Forum%20of%20Regions&startdt=2017-06-29&enddt=2017-07-02&allday=true"
        f"&body={DETAILS}&{PLACE}"
    )


def test_event_known_to_the_month_spans_the_month_and_says_the_days_are_not_announced():
    days = all_day(dt.date(2015, 6, 1), dt.date(2015, 6, 30), date_precision=Event.Precision.MONTH, venue=None)

    assert google_calendar_link(days, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        "&text=Talks%20%28June%202015%2C%20days%20not%20announced%29&dates=20150601%2F20150701"
        f"&details={DETAILS}"
    )
    assert outlook_link(days, PAGE) == (
        f"{OUTLOOK_START}&subject=Talks%20%28June%202015%2C%20days%20not%20announced%29"
        f"&startdt=2015-06-01&enddt=2015-07-01&allday=true&body={DETAILS}"
    )


def test_event_known_to_the_year_spans_the_year():
    days = all_day(dt.date(2016, 1, 1), dt.date(2016, 12, 31), date_precision=Event.Precision.YEAR, venue=None)

    assert google_calendar_link(days, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        "&text=Talks%20%282016%2C%20dates%20not%20announced%29&dates=20160101%2F20170101"
        f"&details={DETAILS}"
    )
    assert outlook_link(days, PAGE) == (
        f"{OUTLOOK_START}&subject=Talks%20%282016%2C%20dates%20not%20announced%29"
        f"&startdt=2016-01-01&enddt=2017-01-01&allday=true&body={DETAILS}"
    )


# Timed events: UTC, the zone for Google to show


def test_timed_event_is_given_in_utc_with_its_zone_for_google():
    talks = timed(dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC), dt.datetime(2017, 11, 14, 9, 30, tzinfo=dt.UTC))

    assert google_calendar_link(talks, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Talks"
        f"&dates=20171114T070000Z%2F20171114T093000Z&details={DETAILS}&{PLACE}&ctz=Europe%2FMoscow"
    )
    assert outlook_link(talks, PAGE) == (
        f"{OUTLOOK_START}&subject=Talks&startdt=2017-11-14T07%3A00%3A00Z&enddt=2017-11-14T09%3A30%3A00Z"
        f"&allday=false&body={DETAILS}&{PLACE}"
    )


def test_timed_event_whose_local_day_is_not_its_utc_day_keeps_its_instants():
    # 08:30 on 15 November in Vladivostok (UTC+10) is 22:30 on 14 November in UTC.
    start = dt.datetime(2017, 11, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=10)))
    talks = timed(start, start + dt.timedelta(hours=2), timezone="Asia/Vladivostok", venue=None)

    assert google_calendar_link(talks, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Talks"
        f"&dates=20171114T223000Z%2F20171115T003000Z&details={DETAILS}&ctz=Asia%2FVladivostok"
    )
    assert outlook_link(talks, PAGE) == (
        f"{OUTLOOK_START}&subject=Talks&startdt=2017-11-14T22%3A30%3A00Z&enddt=2017-11-15T00%3A30%3A00Z"
        f"&allday=false&body={DETAILS}"
    )


def test_timed_event_without_an_end_ends_when_it_starts():
    talks = timed(dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC), None, venue=None)

    assert google_calendar_link(talks, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Talks"
        f"&dates=20171114T070000Z%2F20171114T070000Z&details={DETAILS}&ctz=Europe%2FMoscow"
    )
    assert outlook_link(talks, PAGE, base=OUTLOOK_OFFICE) == (
        "https://outlook.office.com/calendar/0/action/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
        f"&subject=Talks&startdt=2017-11-14T07%3A00%3A00Z&enddt=2017-11-14T07%3A00%3A00Z&allday=false&body={DETAILS}"
    )


# Status, texts and language


def test_cancelled_and_postponed_events_say_so_before_the_title_in_the_pages_language():
    cancelled = all_day(dt.date(2017, 11, 14), dt.date(2017, 11, 14), status=Event.Status.CANCELLED, venue=None)
    postponed = all_day(dt.date(2017, 11, 14), dt.date(2017, 11, 14), status=Event.Status.POSTPONED, venue=None)

    english = (google_calendar_link(cancelled, PAGE), outlook_link(postponed, PAGE))
    with translation.override("ru"):
        russian = outlook_link(cancelled, PAGE)

    assert english == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Cancelled%3A%20Talks"
        f"&dates=20171114%2F20171115&details={DETAILS}",
        f"{OUTLOOK_START}&subject=Postponed%3A%20Talks&startdt=2017-11-14&enddt=2017-11-15&allday=true&body={DETAILS}",
    )
    assert russian == (
        f"{OUTLOOK_START}&subject=%D0%9E%D1%82%D0%BC%D0%B5%D0%BD%D0%B5%D0%BD%D0%BE%3A%20"
        "%D0%9F%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B"
        f"&startdt=2017-11-14&enddt=2017-11-15&allday=true&body={DETAILS}"
    )


def test_the_summary_comes_before_the_page_address_in_the_entrys_text():
    talks = all_day(dt.date(2017, 11, 14), dt.date(2017, 11, 14), summary_en="On security & trade.", venue=None)

    assert google_calendar_link(talks, PAGE) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Talks&dates=20171114%2F20171115"
        f"&details=On%20security%20%26%20trade.%0A%0A{DETAILS}"
    )


# All links, and none for an undated event


def test_calendar_links_of_a_dated_event_are_its_ics_file_webcal_google_and_outlook():
    talks = all_day(dt.date(2017, 11, 14), dt.date(2017, 11, 14), venue=None)

    links = calendar_links(talks, page_url=PAGE, ics_url=ICS)

    assert links == CalendarLinks(
        ics="https://calendar.example.org/events/talks.ics",
        webcal="webcal://calendar.example.org/events/talks.ics",
        google=google_calendar_link(talks, PAGE),
        outlook_live=f"{OUTLOOK_START}&subject=Talks&startdt=2017-11-14&enddt=2017-11-15&allday=true&body={DETAILS}",
        outlook_office="https://outlook.office.com/calendar/0/action/compose?path=%2Fcalendar%2Faction%2Fcompose"
        f"&rru=addevent&subject=Talks&startdt=2017-11-14&enddt=2017-11-15&allday=true&body={DETAILS}",
    )


def test_an_undated_event_has_no_calendar_links():
    bazaar = event(date_precision=Event.Precision.NONE, all_day=True)

    assert (calendar_links(bazaar, page_url=PAGE, ics_url=ICS), google_calendar_link(bazaar, PAGE)) == (None, "")
    assert outlook_link(bazaar, PAGE) == ""


@pytest.mark.parametrize(
    ("url", "webcal"),
    [
        ("https://calendar.example.org/events/talks.ics", "webcal://calendar.example.org/events/talks.ics"),
        ("http://127.0.0.1:8000/ru/events/talks.ics", "webcal://127.0.0.1:8000/ru/events/talks.ics"),
    ],
)
def test_webcal_link_replaces_the_scheme_only(url, webcal):
    assert webcal_link(url) == webcal
