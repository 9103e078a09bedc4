"""Faults a review of the sixth session's drafting rules found on ordinary text it was not written for: each case is
what a press officer would expect (the rules: a title over the line of its days, a titled event's programme, ordinal
days, "-ed" verbs as the past, days planned and replaced, a chronicle's days and months, a season before its noun)."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2025, 3, 10)


def drafted(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, bool]]:
    return [(p.iso, p.event_type.slug, bool(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    "text",
    [
        "The year in review\n\nFebruary 26-29. A delegation of the Bureau made a study visit to Statistics Finland.",
        "Итоги года\n\n26–29 февраля. Делегация Белстата посетила Хельсинки с учебным визитом.",
    ],
)
def test_a_chronicles_days_ending_on_the_29th_of_february_are_read_without_an_error(seed, text):
    assert drafted(text, dt.date(2024, 1, 15)) == [("2024-02-26..2024-02-29", "visit", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal set off by commas after the event's name counts it: the days are 12-13 June.
        ("The forum, the 5th, will take place in Astana on 12–13 June.", [("2025-06-12..2025-06-13", "forum", False)]),
        # "the 11th we will hold": an ordinal of the forum, not a day.
        ("We held the 10th forum in 2024 and the 11th we will hold in Minsk in October.", [("2024", "forum", False)]),
    ],
)  # fmt: skip
def test_an_ordinal_of_an_events_name_is_no_day(seed, text, expected):
    assert drafted(text) == expected


def test_a_titled_forums_programme_keeps_another_bodys_session_a_visit_and_an_exhibition(seed):
    text = (
        "Tashkent International Investment Forum\nTashkent, Uzbekistan, 10-12 June 2025\n\nTuesday, 10 June\n15:00 "
        "Session of the Uzbek–Turkmen Intergovernmental Commission on Trade and Economic Cooperation\n\nWednesday, "
        "11 June\n10:00 Official visit of the President of Turkmenistan to Uzbekistan begins\n14:00 Opening of the "
        "Turkmen trade exhibition"
    )

    assert drafted(text) == [
        ("2025-06-10..2025-06-12", "forum", False),
        ("2025-06-10", "meeting", False),
        ("2025-06-11", "visit", False),
        ("2025-06-11", "exhibition", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The past of a verb that tells of an event to come is the telling's: the events are this year's.
        ("The Minister accepted the invitation to attend the Astana International Forum on 29–30 May.",
         [("2025-05-29..2025-05-30", "forum", False)]),
        ('The Ministry invited the public to the opening of the exhibition "Silk Road Textiles" on 20 March.',
         [("2025-03-20", "exhibition", False)]),
        ("The Embassy confirmed the dates of the Days of Armenian Culture in Minsk: 24 to 27 April.",
         [("2025-04-24..2025-04-27", "culture-days", False)]),
    ],
)  # fmt: skip
def test_a_verb_that_announces_an_event_to_come_does_not_put_it_in_the_past(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day planned, then another event's day: both are events, neither moved.
        ("The visit was planned for 3 April, and the signing of the agreement will follow on 4 April.",
         [("2025-04-03", "visit", False), ("2025-04-04", "signing", False)]),
        ("Визит делегации был запланирован на 12 марта, а переговоры состоятся 13 марта.",
         [("2025-03-12", "visit", False), ("2025-03-13", "meeting", False)]),
    ],
)  # fmt: skip
def test_a_planned_day_followed_by_another_events_day_is_not_moved(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A registration window under a title is no event's days.
        ("International Conference on Water Security in Central Asia\nRegistration: 1–30 April 2025\n\nThe conference "
         "will be held in Dushanbe on 10–12 June 2025.", [("2025-06-10..2025-06-12", "forum", False)]),
        # A signing's headline over a dateline of two days: the signing is on its own day.
        ("Kazakhstan and Uzbekistan sign agreement on the Dostyk canal\nTashkent, 6-7 March 2025\n\nThe agreement was "
         "signed on 7 March during the official visit of the President.", [("2025-03-07", "signing", False)]),
        # A remark in brackets that names the day's event is its event.
        ("Thursday, 26 June (Youth Forum)\n10:00 Registration of participants", [("2025-06-26", "forum", False)]),
    ],
)  # fmt: skip
def test_a_title_or_a_heading_gives_no_days_that_are_not_its_events(seed, text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A season before an event's noun is its time.
        ("The spring session of the Intergovernmental Commission will be held in Tashkent.",
         [("2025-03..2025-05", "meeting", False)]),
        ("The autumn fair of Belarusian producers will open in Kazan.", [("2025-09..2025-11", "exhibition", False)]),
        # A visit to come to a city named before it ("его посетит") is a visit, not an audience.
        ("Ташкент — город-побратим Москвы. 15 апреля его посетит делегация правительства Москвы во главе с мэром.",
         [("2025-04-15", "visit", False)]),
        # A month over sentences of which one is still to come is no chronicle's month.
        ("Планы на весну\n\nАпрель\nМинистерство завершило подготовку к форуму. Форум регионов откроется 15 апреля в "
         "Казани.", [("2025-04-15", "forum", False)]),
        # "brought forward to" is no "looking forward to": the meeting was a week ago, not next year.
        ("The meeting of the ministers was brought forward to 3 March.", [("2025-03-03", "meeting", False)]),
    ],
)  # fmt: skip
def test_a_seasons_event_a_visit_to_come_and_a_plan_are_read_as_before_the_new_rules(seed, text, expected):
    assert drafted(text) == expected
