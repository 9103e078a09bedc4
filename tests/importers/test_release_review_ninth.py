"""Faults a review of the ninth session's drafting rules found on texts of its own, each fixed: a programme's or a
week's days read as a feed's posts, runs going on now moved to next year, different seminars merged, quoted speech's
days and possessed events dropped, the only day of talks taken as a statement's, "arrived at a consensus", a day's
talks swallowed by another meeting, a photo shoot, a programme of tours, a forum's campus and a month from another
sentence."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def drafted(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(p.iso, p.event_type.slug) for p in propose(text, published=published) if not p.reason]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Days going forward to the publication's own day, with no post speaking from its day: a programme's days.
        (
            "Программа Дней культуры Татарстана в Ташкенте\n\n10 июня\nОткрытие выставки татарского прикладного "
            "искусства.\n\n11 июня\nКонцерт мастеров искусств Татарстана.\n\n12 июня\nЗакрытие Дней культуры.",
            dt.date(2025, 6, 12),
            # (a culture days' concert of a day is an event of its own)
            [("2025-06-10..2025-06-12", "culture-days"), ("2025-06-10", "exhibition"), ("2025-06-11", "other")],
        ),
        (
            'Embassy news\n\nJun 5\nThe Ambassador opened the photo exhibition "Russian North" at the National '
            "Library.\n\nJun 9\nThe Ambassador held talks with the Minister of Education of Laos.\n\nJun 11\nThe "
            'Ambassador opened the photo exhibition "Siberia" at the Russian Centre.',
            dt.date(2025, 6, 11),
            [("2025-06-05", "exhibition"), ("2025-06-09", "meeting"), ("2025-06-11", "exhibition")],
        ),
    ],
)
def test_days_going_forward_to_the_publication_without_a_post_speaking_from_its_day_are_no_feed(
    seed, text, published, expected
):
    assert drafted(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            'The exhibition "Treasures of the Steppe" runs from 12 March to 30 September at the National Museum.',
            dt.date(2025, 7, 1),
            [("2025-03-12..2025-09-30", "exhibition")],
        ),
        (
            "Фестиваль «Белые ночи» проходит с 25 мая по 20 июля в Санкт-Петербурге.",
            dt.date(2025, 8, 1),
            [("2025-05-25..2025-07-20", "festival")],
        ),
        ("С 15 марта в Музее Востока проходит выставка «Сокровища Бухары».", dt.date(2025, 6, 1),
         [("2025-03-15", "exhibition")]),
    ],
)  # fmt: skip
def test_a_run_going_on_now_told_in_the_present_is_this_years(seed, text, published, expected):
    assert drafted(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June, a seminar for customs officers of the CIS countries opened in Almaty. On 16 June, a seminar for "
        "border guards concluded in Almaty.",
        "2 июня в Москве открылся круглый стол по вопросам миграции. 17 июня в Москве завершился круглый стол по "
        "вопросам образования.",
    ],
)
def test_an_opening_and_a_close_of_seminars_without_a_length_told_stay_two_events(seed, text):
    assert len(drafted(text, dt.date(2025, 6, 20))) == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day in quoted speech after "to" is a day; only a year a name looks to is the name's.
        ('"We look forward to 5 June, when the summit opens in Astana," the Ambassador said.', dt.date(2025, 5, 20),
         [("2025-06-05", "meeting")]),
        ("«Выставка «Победа» откроется к 9 мая», – сообщил директор музея.", dt.date(2025, 4, 10),
         [("2025-05-09", "exhibition")]),
        # "Yesterday's" owning an event a few words on
        ("Yesterday's bilateral talks between the foreign ministers of Armenia and Greece covered trade.",
         dt.date(2025, 6, 11), [("2025-06-10", "meeting")]),
        ("Today's high-level meeting of the Council on Water Resources in Dushanbe adopted a plan.",
         dt.date(2025, 6, 11), [("2025-06-11", "meeting")]),
        # The statement's day is the only day of talks told in the past: theirs
        ("The two ministers held talks in Geneva, the Foreign Ministry said on Friday.", dt.date(2025, 6, 14),
         [("2025-06-13", "meeting")]),
        ("Переговоры министров прошли в Женеве, сообщили в МИД в пятницу.", dt.date(2025, 6, 14),
         [("2025-06-13", "meeting")]),
    ],
)  # fmt: skip
def test_days_the_sessions_rules_had_dropped_are_proposed(seed, text, published, expected):
    assert drafted(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The experts arrived at a consensus on the draft agenda of the summit.", dt.date(2025, 6, 11), []),
        ("10 июня в посольстве прошла фотосессия для сотрудников.", dt.date(2025, 6, 11), []),
        (
            "Programme of visits to the Kremlin museums for participants of the forum\n\nMonday, 16 June\nThe Armoury "
            "Chamber.\n\nTuesday, 17 June\nThe Assumption Cathedral.\n\nWednesday, 18 June\nClosing ceremony of the "
            "forum.",
            dt.date(2025, 6, 1),
            [("2025-06-18", "forum")],
        ),
        ("Заявки на участие принимаются до конца мая. Выставка пройдет с 28 по 30-е.", dt.date(2025, 4, 15), []),
    ],
)
def test_events_the_sessions_rules_had_made_up_are_not_proposed(seed, text, published, expected):
    assert drafted(text, published) == expected


def test_talks_of_the_day_stay_beside_a_meeting_that_starts_that_day(seed):
    text = (
        "Deputy Minister Ivanov held talks with the Ambassador of Italy. The parties discussed the session of the "
        "Russian-Italian Council on Economic Cooperation, which will take place in Rome on 11–12 June."
    )
    assert drafted(text, dt.date(2025, 6, 11)) == [("2025-06-11", "meeting"), ("2025-06-11..2025-06-12", "meeting")]


def test_a_forums_campus_in_lower_case_is_the_forum_not_a_venue(seed):
    text = "On 10 July, the Forum campus in Tyumen will open its doors to 2,000 young participants from 40 countries."
    assert drafted(text, dt.date(2025, 7, 1)) == [("2025-07-10", "forum")]
