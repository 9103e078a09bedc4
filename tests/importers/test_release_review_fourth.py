"""A review of the drafting rules of 2026-12-04's fourth session (12 findings on ordinary text); each case is a test
here: the plan's verb, the day of a statement, milestones, distances in days, venues, counted events, datelines, "the
event", talks during a visit, exercises, weekday headings and a month after a compared year."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 3, 8)


def ticked(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sides agreed to co-host the Belarus-Uzbekistan Business Forum in Tashkent on 20 May.",
         [("2026-05-20", "forum")]),
        ("The parties agreed to jointly organise a Belarusian Culture Week in Hanoi in October.",
         [("2026-10", "culture-days")]),
        ("The sides agreed to exchange visits at the level of foreign ministers in May.", [("2026-05", "visit")]),
    ],
)  # fmt: skip
def test_a_plan_agreed_is_of_the_future_whatever_its_verb(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minister stated on 5 March, at the opening of the Uzbek-Belarusian business forum in Tashkent, that "
         "trade had grown by 20% in 2025.", [("2026-03-05", "forum")]),
        ("The Ambassador told students on 5 March, at a lecture at the University of World Economy and Diplomacy, that "
         "bilateral trade had grown by 20 percent in 2025.", [("2026-03-05", "other")]),
    ],
)  # fmt: skip
def test_a_day_said_with_the_event_after_it_stays_that_events(seed, text, expected):
    assert ticked(text) == expected


def test_an_events_year_two_years_ahead_is_the_year_of_its_days(seed):
    text = "The Olympic Games will take place in Los Angeles in 2028. The opening ceremony is set for 14 July."

    assert ticked(text)[-1] == ("2028-07-14", "other")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The delegation will stay in Tashkent on 7 November for two days before travelling on to Samarkand.",
         "2026-11-07..2026-11-08"),
        ("Форум пройдёт 7 ноября и за два дня соберёт более 500 участников.", "2026-11-07..2026-11-08"),
    ],
)  # fmt: skip
def test_days_for_which_an_event_lasts_stay_its_length(seed, text, expected):
    assert [iso for iso, _slug in ticked(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 марта состоится конференция Центра стратегических исследований.", [("2026-03-20", "forum")]),
        ("5 марта в Минске открылась выставка Центра современного искусства.", [("2026-03-05", "exhibition")]),
        ("The Armenian Chamber Orchestra will give 12 concerts in Belarusian cities from 18 to 30 April.",
         [("2026-04-18..2026-04-30", "other")]),
        ("Over 20 exhibitions will open in Minsk museums on 16 May.", [("2026-05-16", "exhibition")]),
    ],
)  # fmt: skip
def test_a_centre_an_event_belongs_to_and_events_of_a_programme_counted_are_events(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA, 12-13 June (Palace of Independence) - Astana International Forum.",
        "АСТАНА, 12–13 июня (Дворец Независимости) – Астанинский международный форум.",
    ],
)
def test_a_venue_in_brackets_after_days_makes_no_dateline(seed, text):
    assert ticked(text) == [("2026-06-12..2026-06-13", "forum")]


def test_an_event_told_with_its_own_purpose_is_not_the_visit_named_before(seed):
    text = "В марте состоится визит министра в Ереван. 20 марта в посольстве пройдёт мероприятие, посвящённое Наврузу."

    assert ticked(text) == [("2026-03", "visit"), ("2026-03-20", "other")]


def test_talks_with_the_host_of_a_visit_are_the_visits(seed):
    text = (
        "The Prime Minister of Kazakhstan will pay an official visit to Minsk on 10-11 March. On 10 March, he will "
        "hold talks with the Prime Minister of Belarus."
    )

    assert ticked(text) == [("2026-03-10..2026-03-11", "visit")]


@pytest.mark.parametrize(
    "text",
    [
        "From 1 April, the consulate will resume the exercise of its consular functions in full.",
        "The Embassy urges citizens to exercise caution during the public holidays on 21-23 March.",
        "Запуск производства на новом заводе намечен на декабрь.",
        "5 марта в Посольстве прошёл литературный салон, посвящённый творчеству Пушкина.",
    ],
)
def test_exercising_a_function_and_launching_production_are_no_events(seed, text):
    assert ticked(text) == []


def test_days_an_embassy_is_closed_under_two_weekdays_are_no_culture_days(seed):
    text = (
        "Monday and Tuesday\n\nThe Embassy will be closed on these days due to public holidays. On Wednesday, the "
        "consular section will hold a reception for compatriots."
    )

    assert ticked(text) == [("2026-03-11", "other")]


def test_a_month_after_a_year_compared_with_is_not_of_that_year(seed):
    assert ticked("Как и в 2025 году в июне форум пройдёт в Минске.") == [("2026-06", "forum")]
