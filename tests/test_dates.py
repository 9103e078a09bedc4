import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from events.dates import format_day_range, format_month_range, format_timed, format_year_range

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
