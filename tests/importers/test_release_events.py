"""Which event a date names (release_events.py): past a clause that only tells the time, after "followed by", past an
event only prepared."""

import datetime as dt

import pytest

from events.importers.release import propose

pytestmark = pytest.mark.django_db


def proposals(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 2 April, the day after the fair closes, the Ministry will host the annual bilateral consultations.",
            ("2027-04-02", "meeting"),
        ),
        (
            "14 декабря, в день 20-летия подписания соглашения, в городской ратуше пройдет торжественный прием.",
            ("2026-12-14", "other"),
        ),
    ],
)
def test_an_event_that_only_tells_the_time_gives_way_to_the_one_past_its_clause(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 12, 1))][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The forum will be followed in October by the Festival of Muslim Culture.", ("2026-10", "festival")),
        ("The talks were preceded on 3 May by a concert of sacred music.", ("2026-05-03", "other")),
    ],
)
def test_the_event_after_followed_or_preceded_by_is_the_dates(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 8, 20))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Preparations for the forum were discussed on Tuesday at a meeting between the Mufti and the Governor.",
        "Подготовка к форуму обсуждалась во вторник на встрече муфтия с губернатором.",
    ],
)
def test_an_event_being_prepared_gives_way_to_the_meeting_it_was_prepared_at(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 8, 20))] == [("2026-08-18", "meeting")]


def test_a_meeting_being_prepared_for_a_date_in_a_city_stays_the_dates_event(seed):
    text = (
        "Стороны рассмотрели ход подготовки к заседанию Межправкомиссии, которое намечено провести 23–24 апреля в Баку."
    )

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2027, 3, 1))] == [
        ("2027-04-23..2027-04-24", "meeting")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The president's office confirmed on Friday that the state visit to India is now planned for the autumn.",
            [("2026-09..2026-11", "visit")],
        ),
        ("The ministry said on Friday that talks will be held in Minsk on 20 March.", [("2026-03-20", "meeting")]),
        (
            "В пятницу пресс-служба президента подтвердила, что государственный визит в Индию планируется осенью.",
            [("2026-09..2026-11", "visit")],
        ),
    ],
)
def test_the_day_a_statement_was_made_is_not_the_event_it_announces_for_a_later_date(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 3, 8))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No later date: the day said is the event's own.
        ("The minister said on Friday, at the forum, that the talks had been useful.", [("2026-03-06", "forum")]),
        ("В пятницу министр выступил на форуме и сообщил, что переговоры прошли успешно.", [("2026-03-06", "forum")]),
    ],
)
def test_a_day_said_with_no_later_date_stays_the_events(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 3, 8))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "In mid-March, Astrakhan will host the fourth meeting of heads of agencies.",
        "At the end of March, Astrakhan will host the fourth meeting of heads of agencies.",
        # after the sentence's linking word
        "Then, in March, Astrakhan will host the fourth meeting of heads of agencies.",
        "Затем, в марте, в Астрахани пройдёт четвёртое совещание руководителей ведомств.",
    ],
)
def test_a_fronted_part_of_a_month_leaves_the_event_to_the_main_clause(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 2, 18))] == [("2026-03", "meeting")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The training course on statistics, announced in January, is not affected by this change.", []),
        ("Учебный курс, анонсированный в январе, пройдёт 5 мая.", [("2025-05-05", "forum")]),
    ],
)
def test_the_day_an_event_was_announced_set_off_by_commas_is_no_day_of_it(seed, text, expected):
    assert [(p.iso, p.event_type.slug) for p in propose(text, published=dt.date(2025, 2, 20))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The visit of the delegation to Namangan, which was to take place on 8–10 September, has been postponed, the "
         "Agency told our newspaper on Friday.",
         [("2026-09-08..2026-09-10", "visit", "The date the event was moved from, not its new one.")]),
        ("The visit of the delegation has been postponed, the Agency said on Friday.", []),
        ("Визит делегации, который должен был состояться 8–10 сентября, отложен, сообщили в агентстве в пятницу.",
         [("2026-09-08..2026-09-10", "visit", "The date the event was moved from, not its new one.")]),
        # The clause's own event: the day is its
        ("The delegation arrived in Minsk, the Agency reported, and held talks on Friday.",
         [("2026-08-28", "meeting", "")]),
    ],
)  # fmt: skip
def test_the_day_a_statement_is_told_in_the_sentences_last_clause_is_no_events(seed, text, expected):
    assert proposals(text, dt.date(2026, 8, 29)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "And in the autumn, at the invitation of the Korean Ministry of Family, we will take part in the "
            "International Forum on Low Fertility in Seoul.",
            [("2024-09..2024-11", "forum")],
        ),
        ("В мае, по приглашению Министерства культуры, в Минске пройдёт фестиваль.", [("2025-05", "festival")]),
    ],
)
def test_a_fronted_date_names_the_event_of_the_main_clause_past_an_aside(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2024, 5, 16))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event of the sentence before is the next sentence's when it tells that event's days.
        ("The exhibition was opened by the Minister. It will run until 20 June.", [("2026-06-20", "exhibition", "")]),
        ("Заседание комиссии — главное событие года. Оно пройдёт 1 июня.", [("2026-06-01", "meeting", "")]),
        ("The exhibition is the main event of the season. \u201cCosmos\u201d will open next Tuesday.",
         [("2026-05-12", "exhibition", "")]),
        # Not a dateline's day, a day something starts from or takes force on, nor one told inside a quote.
        ("The exhibition is the main event of the season.\n\nAstana, 27 May 2026", []),
        ("The conference is the main event of the season. Working documents will be circulated from 30 May.", []),
        ("Заседание комиссии — главное событие года. Новые правила вступят в силу 1 июня.", []),
        ("The Commission is the region's main body. \u201cOur task today is to keep the grid together,\u201d he said.",
         []),
    ],
)  # fmt: skip
def test_a_sentence_naming_no_event_takes_the_last_ones_only_for_its_days(seed, text, expected):
    assert proposals(text, dt.date(2026, 5, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The event framing another, with a participle of its happening before the date, is the date's own.
        ("The MoU was signed in Madrid on the sidelines of the meeting of the Emerging Markets (GEM) Committee held "
         "on 15 and 16 May.", [("2023-05-15..2023-05-16", "meeting", "")]),
        ("Меморандум подписан в рамках форума, прошедшего в Мадриде 15 и 16 мая.",
         [("2023-05-15..2023-05-16", "forum", "")]),
        # without it, the event framed is the date's
        ("On the sidelines of the forum, the ministers held talks on 15 May.", [("2023-05-15", "meeting", "")]),
    ],
)  # fmt: skip
def test_an_event_framing_another_held_on_a_date_is_that_dates_event(seed, text, expected):
    assert proposals(text, dt.date(2023, 5, 17)) == expected
