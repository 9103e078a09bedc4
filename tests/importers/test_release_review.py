"""A review of the drafting rules of 2026-12-04's second session found them firing on ordinary text (or crashing);
each case is a test here, next to the case the rule was made for."""

import datetime as dt
from collections import Counter

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 5, 12)


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


def ticked(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str]]:
    return [(iso, slug) for iso, slug, reason in proposals(text, published) if not reason]


def test_a_film_week_said_as_the_week_three_times_is_read_without_end(seed):
    text = (
        "The Ministry will hold the Armenian Film Week in Buenos Aires this month.\n\n"
        "The Week opens in Buenos Aires on Tuesday 24 February and runs there until 2 March.\n\n"
        "The Week then moves to Córdoba, where it runs from 5 to 8 March."
    )

    assert ticked(text, dt.date(2026, 2, 3)) == [
        ("2026-02-24..2026-03-02", "festival"),
        ("2026-03-05..2026-03-08", "festival"),
    ]


def test_days_of_culture_after_a_film_week_stay_culture_days(seed):
    text = (
        "The Armenian Film Week will run in Buenos Aires from 24 February to 2 March.\n\n"
        "The Days of Armenian Culture will also take place in Córdoba in March. The Days open on 10 March."
    )

    assert ticked(text, dt.date(2026, 2, 3))[-1] == ("2026-03-10", "culture-days")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Building on last year's success, the Business Forum will be held again in Tashkent on 10–11 June.",
            [("2026-06-10..2026-06-11", "forum")],
        ),
        (
            "Прошлогодний фестиваль собрал пять тысяч зрителей, а в этот раз он пройдёт 10–12 июня.",
            [("2026-06-10..2026-06-12", "festival")],
        ),
    ],
)
def test_an_event_to_come_after_last_years_stays_this_year(seed, text, expected):
    assert ticked(text) == expected


def test_another_event_of_the_type_starting_in_a_months_event_does_not_replace_it(seed):
    text = (
        "The Days of Belarusian Culture will be held in Kazan in June.\n\n"
        "The Days of Tatarstan Culture will be held in Minsk from 28 June to 3 July."
    )

    assert ticked(text) == [("2026-06", "culture-days"), ("2026-06-28..2026-07-03", "culture-days")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kazakh-Belarusian Business Forum will take place in Minsk on 10–11 June. On 11 June, the Prime "
            "Ministers will hold talks, followed by the opening ceremony of a joint venture.",
            [("2026-06-10..2026-06-11", "forum"), ("2026-06-11", "meeting")],
        ),
        (
            "The photo exhibition will run at the National Museum from 1 June to 30 July. On 15 June, the plenary "
            "session of the Intergovernmental Commission will take place in Tashkent.",
            [("2026-06-01..2026-07-30", "exhibition"), ("2026-06-15", "meeting")],
        ),
    ],
)
def test_talks_near_a_ceremony_and_a_session_in_an_exhibitions_days_stay_events(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministers held talks on 10 May, when they agreed on the dates of the upcoming official visit.",
        "10 мая состоялась встреча министров, в ходе которой обсуждалась подготовка к предстоящему визиту.",
    ],
)
def test_talks_about_a_visit_to_come_are_talks(seed, text):
    assert ticked(text) == [("2026-05-10", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В ходе переговоров 10 мая стороны выступили за отмену односторонних санкций.", [("2026-05-10", "meeting")]),
        ("At the summit on 10 May, the leaders called for debt cancellation.", [("2026-05-10", "meeting")]),
        ("The concert on 8 July will go ahead; it has not been cancelled.", [("2026-07-08", "other")]),
    ],
)
def test_a_cancellation_as_a_topic_or_denied_cancels_nothing(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    "text", ["The concert planned for 8 July was not held.", "The forum scheduled for 8 July has not taken place."]
)
def test_an_event_that_was_not_held_is_unticked(seed, text):
    assert [reason for _iso, _slug, reason in proposals(text, dt.date(2026, 7, 20))] == ["The event was cancelled."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Eurasian Media Forum will be held in Almaty on 10–11 June.", [("2026-06-10..2026-06-11", "forum")]),
        ("Праздничные мероприятия, посвящённые Дню Победы, прошли в посольстве 9 мая.", [("2026-05-09", "other")]),
    ],
)
def test_a_media_forum_and_festive_events_are_events(seed, text, expected):
    assert ticked(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Kazakhstan's mission to the European Union hosted a reception on 8 July.",
            dt.date(2026, 7, 10),
            [("2026-07-08", "other")],
        ),
        ("On 8 July the IMF mission to Kyrgyzstan will conclude its review.", dt.date(2026, 7, 1), []),
    ],
)
def test_a_mission_that_is_an_office_is_no_visit(seed, text, published, expected):
    assert ticked(text, published) == expected


def test_the_day_of_an_event_just_named_with_its_own_days_is_not_an_earlier_ones(seed):
    text = (
        "The Forum of Regions was held on 10 March. The next forum will take place in Kazan on 5–6 October, and on "
        "the day of the forum an exhibition of regional producers will open."
    )

    assert ticked(text) == [("2026-03-10", "forum"), ("2026-10-05..2026-10-06", "forum")]


def test_the_day_of_an_event_known_only_by_its_season_is_no_day(seed):
    text = (
        "Встреча министров прошла 10 марта в Минске. Следующая встреча пройдёт в Москве осенью. "
        "В день встречи будет подписан меморандум."
    )

    assert ticked(text) == [("2026-03-10", "meeting"), ("2026-09..2026-11", "meeting")]


def test_meetings_of_working_groups_over_days_stay_with_talks_on_one_of_them(seed):
    text = "Meetings of the bilateral working groups will be held in Minsk on 18–20 June. On 19 June, the foreign "
    text += "ministers will hold talks."

    assert ticked(text) == [("2026-06-18..2026-06-20", "meeting"), ("2026-06-19", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit, initially planned for 20 November, has been moved to 5 December.", "2026-11-20"),
        ("The 2027 summit, initially scheduled for 15 April, has been moved to 20 May 2027.", "2027-04-15"),
    ],
)
def test_a_date_moved_from_is_the_one_within_a_year_before_the_new_date(seed, text, expected):
    assert proposals(text)[0][0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 May, after a two-day break, the talks resumed in Geneva.", [("2026-05-05", "meeting")]),
        ("The President arrived in Minsk on 5 May after a two-day stay in Moscow.", [("2026-05-05", "visit")]),
    ],
)
def test_days_before_a_date_that_are_not_its_events_do_not_lengthen_it(seed, text, expected):
    assert ticked(text, dt.date(2026, 5, 7)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in Minsk on 10 May. After the talks, the ministers agreed to prepare an agreement for "
        "signing at the next meeting of the Commission.",
        "Переговоры прошли в Минске 10 мая. По итогам переговоров стороны договорились ускорить подготовку "
        "соглашения к подписанию.",
    ],
)
def test_a_signing_only_prepared_after_talks_is_no_signing(seed, text):
    assert [slug for _iso, slug, _reason in proposals(text)] == ["meeting"]


@pytest.mark.parametrize("times", [30, 300])
def test_each_sentence_is_read_for_its_words_once_however_often_the_day_of_an_event_is_named(seed, times):
    """Work, not time: "on the day of the meeting" compares its words with the sentences of the meetings before it;
    each sentence's words are read once, so the reading stays linear in the text's length."""
    dates = ", ".join(f"the meeting of group {n} on {n % 28 + 1} June" for n in range(50))
    text = f"The week's programme includes {dates}.\n\n" + "On the day of the meeting the ministers opened an "
    text += "exhibition in town. " * times
    work = Counter()

    propose(text, published=PUBLISHED, work=work)

    assert work["sentence words read"] == 1
