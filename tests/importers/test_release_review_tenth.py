"""Faults a review of the tenth session's readings found in texts of its own, each answered here: trips for an event
named after a date, habits told with "annual", a guest expected, the day a guest leaves, fronted years."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def drafted(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The Minister will travel to Tokyo on 25 June to address the Forum on Energy Security.",
            dt.date(2024, 6, 1),
            [("2024-06-25", "forum")],
        ),
        (
            "The President flies to Beijing today to attend the SCO summit.",
            dt.date(2024, 6, 20),
            [("2024-06-20", "meeting")],
        ),
        (
            "Министр отправится в Минск 12 июля для участия в Форуме регионов.",
            dt.date(2024, 6, 20),
            [("2024-07-12", "forum")],
        ),
        ("The Minister was in the UK in May for talks on trade.", dt.date(2024, 6, 25), [("2024-05", "meeting")]),
        (
            "The Minister leaves for Geneva tonight and will be there from 19 to 21 June for the Council's session.",
            dt.date(2024, 6, 18),
            [("2024-06-19..2024-06-21", "meeting")],
        ),
        # the event after the verb is another clause's: the trip is the visit
        (
            "On 13-14 March our delegation was in Tbilisi, and on the 14th we signed an agreement.",
            dt.date(2024, 3, 25),
            [("2024-03-13..2024-03-14", "visit"), ("2024-03-14", "signing")],
        ),
        # a date between the guest and the verb
        ("Министр сегодня отправится в Женеву.", dt.date(2024, 6, 18), [("2024-06-18", "visit")]),
    ],
)
def test_a_trip_for_an_event_named_past_its_date_is_that_event(seed, text, published, expected):
    assert drafted(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The annual forum usually takes place in May.", []),
        ("The annual festival is traditionally held in September.", []),
        ("Ежегодный фестиваль традиционно проходит в августе.", []),
        # a habit told of the future is one event
        ("Фестиваль, который традиционно пройдёт в середине сентября, откроет сезон.", [("2024-09", "festival")]),
    ],
)
def test_a_habit_told_in_the_present_recurs_and_told_of_the_future_is_one_event(seed, text, expected):
    assert drafted(text, dt.date(2024, 3, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not a guest expected: the participle's day stays past
        ("We expect the agreement signed on 3 June to enter into force next year.", [("2024-06-03", "signing")]),
        ("In May we expect a delegation from China.", [("2025-05", "visit")]),
        # awaited in the past, and it did not come
        ("В мае мы ждали делегацию из Узбекистана, но визит не состоялся.", []),
    ],
)
def test_only_a_guest_expected_is_to_come(seed, text, expected):
    assert drafted(text, dt.date(2024, 6, 25)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2025, in May, the Minister will visit Seoul.", [("2025-05", "visit")]),
        ("Last year, in May, the Minister visited Seoul.", [("2023-05", "visit")]),
        ("В прошлом году, в мае, наша делегация была в Сеуле.", [("2023-05", "visit")]),
    ],
)
def test_a_year_before_a_fronted_month_leaves_the_event_to_the_main_clause(seed, text, expected):
    assert drafted(text, dt.date(2024, 6, 25)) == expected
