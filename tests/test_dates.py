import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from events.dates import format_day_range, format_month_range, format_timed, format_year_range, local_days

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.mark.parametrize(
    ("first", "last", "english", "russian"),
    [
        (dt.date(2017, 11, 14), dt.date(2017, 11, 14), "14 November 2017", "14 ноября 2017 г."),
        (dt.date(2017, 11, 14), dt.date(2017, 11, 15), "14–15 November 2017", "14–15 ноября 2017 г."),
        (dt.date(2017, 6, 30), dt.date(2017, 7, 2), "30 June – 2 July 2017", "30 июня – 2 июля 2017 г."),
        (dt.date(2017, 12, 30), dt.date(2018, 1, 2), "30 December 2017 – 2 January 2018",
         "30 декабря 2017 г. – 2 января 2018 г."),
    ],
)  # fmt: skip
def test_format_day_range_in_both_languages(first, last, english, russian):
    with translation.override("en"):
        written_en = format_day_range(first, last)
    with translation.override("ru"):
        written_ru = format_day_range(first, last)

    assert (written_en, written_ru) == (english, russian)


def test_format_month_and_year_ranges():
    with translation.override("en"):
        assert format_month_range(dt.date(2015, 6, 1), dt.date(2015, 7, 31)) == "June 2015 – July 2015"
        assert format_year_range(dt.date(2016, 1, 1), dt.date(2017, 12, 31)) == "2016–2017"
    with translation.override("ru"):
        assert format_month_range(dt.date(2015, 6, 1), dt.date(2015, 6, 30)) == "июнь 2015 г."


def test_format_timed_shows_local_time_of_the_zone():
    start = dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC)

    with translation.override("en"):
        written = format_timed(start, start + dt.timedelta(hours=2), MOSCOW)

    assert written == "14 November 2017, 10:00–12:00 Moscow time (07:00–09:00 UTC)"


def test_format_timed_in_russian():
    start = dt.datetime(2017, 11, 14, 7, 0, tzinfo=dt.UTC)

    with translation.override("ru"):
        written = format_timed(start, start + dt.timedelta(hours=2), MOSCOW)

    assert written == "14 ноября 2017 г., 10:00–12:00 по московскому времени (07:00–09:00 UTC)"


def test_format_timed_across_midnight_names_both_days():
    start = dt.datetime(2017, 11, 14, 19, 0, tzinfo=dt.UTC)

    with translation.override("en"):
        written = format_timed(start, start + dt.timedelta(hours=3), MOSCOW)

    assert written == (
        "14 November 2017, 22:00 – 15 November 2017, 01:00 Moscow time (2017-11-14 19:00 – 2017-11-14 22:00 UTC)"
    )


MIDNIGHTS = [
    # (start, end) in Moscow time (UTC+3); the first and last local day.
    ((14, 22, 0), (15, 0, 0), (14, 14)),  # an evening until midnight: one day
    ((14, 0, 0), (15, 0, 0), (14, 14)),  # a whole day, 00:00 to 00:00 (Google's holidays): one day
    ((14, 0, 0), (16, 0, 0), (14, 15)),  # two whole days
    ((14, 22, 0), (15, 0, 1), (14, 15)),  # a minute past midnight: the next day too
    ((15, 0, 0), (15, 0, 0), (15, 15)),  # no length, at midnight: that day
    ((14, 22, 0), None, (14, 14)),  # no end
]


@pytest.mark.parametrize(("start", "end", "days"), MIDNIGHTS, ids=[str(case) for case in MIDNIGHTS])
def test_an_end_at_midnight_ends_the_day_before_not_the_day_it_begins(start, end, days):
    def moscow(day, hour, minute):
        return dt.datetime(2030, 5, day, hour, minute, tzinfo=MOSCOW).astimezone(dt.UTC)

    first, last = local_days(moscow(*start), moscow(*end) if end else None, MOSCOW)

    assert (first.day, last.day) == days


def test_format_timed_until_midnight_is_one_day_until_24_00():
    start = dt.datetime(2017, 11, 14, 19, 0, tzinfo=dt.UTC)

    with translation.override("en"):
        evening = format_timed(start, start + dt.timedelta(hours=2), MOSCOW)
        whole_day = format_timed(start - dt.timedelta(hours=22), start + dt.timedelta(hours=2), MOSCOW)
    with translation.override("ru"):
        russian = format_timed(start, start + dt.timedelta(hours=2), MOSCOW)

    assert (evening, whole_day, russian) == (
        "14 November 2017, 22:00–24:00 Moscow time (19:00–21:00 UTC)",
        "14 November 2017, 00:00–24:00 Moscow time (2017-11-13 21:00 – 2017-11-14 21:00 UTC)",
        "14 ноября 2017 г., 22:00–24:00 по московскому времени (19:00–21:00 UTC)",
    )
