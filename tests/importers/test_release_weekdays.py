"""Weekdays and weekends (events/importers/release_weekdays.py): weekdays joined as a run, the weekday of a run of days
named before it, weekdays of a week said, a weekday that names again the day just named."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 2, 19)  # a Thursday


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


def test_a_weekday_of_a_past_run_of_days_is_that_runs_day_not_this_weeks(seed):
    text = (
        "The trade mission to Hanoi took place from 9 to 13 February.\n\n"
        "On Tuesday, the Belarusian–Vietnamese Business Forum was held in Hanoi.\n\n"
        "The next day, the Business Council held its ninth session in Hanoi."
    )

    assert proposals(text) == [
        ("2026-02-09..2026-02-13", "visit", ""),
        ("2026-02-10", "forum", ""),
        ("2026-02-11", "meeting", "Talks on a day of a visit proposed here: likely part of that visit."),
    ]


def test_a_weekday_without_a_run_before_it_is_this_weeks(seed):
    assert proposals("On Tuesday, the Business Forum was held in Hanoi.") == [("2026-02-17", "forum", "")]


def test_weekdays_before_both_days_of_a_run_change_nothing(seed):
    text = "The seventh Czech Film Week, our festival of new Czech cinema, runs from Monday 6 to Sunday 12 October."

    assert proposals(text, dt.date(2025, 8, 28)) == [("2025-10-06..2025-10-12", "festival", "")]


def test_a_weekday_an_event_to_come_opens_on_is_the_first_such_day_of_its_run(seed):
    text = (
        "On Friday the Embassy will host a reception on the occasion of Russia Day.\n\n"
        "From 15 to 21 June, India will host the Days of Russian Culture.\n\n"
        "The Days will open on Monday evening with a gala concert. On Tuesday the Embassy will host a reception."
    )

    # Not the Monday after the run's last day (a programme's next day): the Days' own Monday. Tuesday's reception is
    # another event's, the day after the Monday named (a programme's next day).
    assert proposals(text, dt.date(2026, 6, 10)) == [
        ("2026-06-12", "other", ""),
        ("2026-06-15..2026-06-21", "culture-days", ""),
        ("2026-06-16", "other", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Weekdays joined as a run, then their dates: the dates (the weekdays do not make a year of their own).
        ("The exhibition will be held in Ulaanbaatar from Wednesday to Friday, 24–26 June.", "2026-06-24..2026-06-26"),
        # A run of weekdays alone: the nearest such days, from the first to the second.
        ("The festival of Belarusian cuisine will be held on Saturday and Sunday.", "2026-06-13..2026-06-14"),
        ("В субботу и воскресенье на набережной пройдет фестиваль национальной кухни.", "2026-06-13..2026-06-14"),
        ("С понедельника по среду в Минске пройдут консультации министерств.", "2026-06-15..2026-06-17"),
        # Two weekdays apart joined by "and" are no run: the first day only, as before.
        ("Consultations will be held on Monday and Friday in Minsk.", "2026-06-15"),
    ],
)
def test_weekdays_joined_as_a_run_give_its_days(seed, text, expected):
    published = dt.date(2026, 6, 10)  # a Wednesday
    assert [p.iso for p in propose(text, published=published)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Послезавтра, в пятницу, в Минске пройдут межмидовские консультации Беларуси и Китая.",
        "The day after tomorrow, on Friday, consultations of the two ministries will be held in Minsk.",
    ],
)
def test_a_weekday_that_names_again_the_day_just_named_is_that_day(seed, text):
    assert proposals(text, dt.date(2026, 5, 20)) == [("2026-05-22", "meeting", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Со вторника по четверг на следующей неделе Министр совершит официальный визит во Вьетнам.",
        "From Tuesday to Thursday next week the Minister will pay an official visit to Vietnam.",
    ],
)
def test_weekdays_joined_as_a_run_before_the_week_they_are_of_are_its_days(seed, text):
    assert proposals(text, dt.date(2026, 5, 20)) == [("2026-05-26..2026-05-28", "visit", "")]


def test_a_weekday_of_a_visits_days_joined_across_words_is_that_visits(seed):
    text = (
        "The parliamentarians are on an official visit to Slovenia, which began on Monday and will last until "
        "Friday, 6 February.\n\nOn Thursday they will travel to Koper, where they will open a photo exhibition."
    )

    assert proposals(text, dt.date(2026, 2, 4)) == [
        ("2026-02-02..2026-02-06", "visit", ""),
        ("2026-02-05", "exhibition", ""),
    ]


def test_a_weekday_after_an_exhibitions_last_day_months_away_is_this_weeks_and_a_creation_year_unticked(seed):
    text = (
        "Стоит отметить и открывшуюся во вторник в Музее Востока выставку «Индия: цвета и смыслы». Экспозиция "
        "продлится до 15 февраля.\n\n"
        "В понедельник в Москве пройдут консультации по Афганистану в «московском формате» — в седьмой раз с момента "
        "его создания в 2017 году."
    )

    drafted = proposals(text, dt.date(2025, 12, 7))

    assert [(iso, slug) for iso, slug, reason in drafted if not reason] == [
        ("2025-12-02..2026-02-15", "exhibition"),
        ("2025-12-08", "meeting"),
    ]
    assert [(iso, bool(reason)) for iso, _slug, reason in drafted if iso == "2017"] == [("2017", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Next week, on Tuesday and Wednesday, 24–25 February, consultations will be held in Hanoi.",
        "На следующей неделе, во вторник и среду, 24–25 февраля, в Ханое пройдут консультации.",
    ],
)
def test_next_weeks_pair_of_weekdays_before_their_dates_leaves_both_to_the_dates(seed, text):
    # Not "next week, on Tuesday" and then "Wednesday, 24–25 February", a Wednesday in 2027.
    assert [(iso, slug) for iso, slug, _title in proposals(text)] == [("2026-02-24..2026-02-25", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minster reopens this Saturday with a celebration for the whole town.", [("2026-02-21", "other", "")]),
        ("The talks were held this Monday.", [("2026-02-16", "meeting", "")]),
        ("The forum will open this Monday.", [("2026-02-23", "forum", "")]),
    ],
)
def test_this_weekday_is_the_such_day_of_the_releases_week_unless_it_is_past_and_to_come(seed, text, expected):
    assert proposals(text) == expected


def test_a_weekday_after_since_is_the_last_such_day_whatever_run_was_named_before(seed):
    text = (
        "The Chief will lead the delegation to the Conference in Kuala Lumpur from June 16 to 19.\n\n"
        "The Commissioner of the Federal Police has been in Manila since Monday on a three-day visit, which wraps up "
        "today."
    )

    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2025, 6, 11))] == [
        ("2025-06-16..2025-06-19", "forum"),
        ("2025-06-09..2025-06-11", "visit"),
    ]
