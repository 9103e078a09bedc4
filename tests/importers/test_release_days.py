"""Days said by their relation to others (events/importers/release_days.py): the next day after the one last named,
days counted from the publication or from an event's first day, an event's day and length."""

import datetime as dt

import pytest

from events.importers.release import ReleaseReader, propose
from events.importers.release_words import split_paragraphs

pytestmark = pytest.mark.django_db

PUBLISHED = dt.date(2026, 2, 19)  # a Thursday


def proposals(text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(p.iso, p.event_type.slug, str(p.reason)) for p in propose(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 10 February, the forum was held in Hanoi. The next day, the council held its session.", "2026-02-11"),
        ("10 февраля в Ханое прошёл форум. На следующий день состоялось заседание совета.", "2026-02-11"),
    ],
)
def test_the_next_day_is_the_day_after_the_one_last_named(seed, text, expected):
    assert [iso for iso, _slug, _reason in proposals(text)][-1] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("An exhibition of Kazakh painting opened a week ago at the Palais des Nations.", "2026-03-05", "2026-02-26"),
        ("Выставка вьетнамской живописи открылась две недели назад в Музее Востока.", "2026-02-11", "2026-01-28"),
        ("Через неделю в департаменте откроется выставка архивных документов.", "2026-07-17", "2026-07-24"),
        ("In two weeks the exhibition of archival documents will open in Minsk.", "2026-07-17", "2026-07-31"),
    ],
)
def test_days_and_weeks_counted_from_the_publication_name_a_day(seed, text, published, expected):
    assert proposals(text, dt.date.fromisoformat(published)) == [(expected, "exhibition", "")]


def test_a_count_of_days_without_ago_or_in_names_no_day(seed):
    assert proposals("The exhibition will be open for two weeks in Minsk.", dt.date(2026, 7, 17)) == []


@pytest.mark.parametrize(
    "last",
    [
        "On the last day of their visit, they will attend the opening of the exhibition at the National Gallery. "
        "The exhibition will remain open until 26 April.",
        "В последний день визита делегация посетит открытие выставки в Национальной галерее. Выставка продлится до "
        "26 апреля.",
    ],
)
def test_the_last_day_of_a_visit_is_its_last_day_and_an_exhibition_opened_then_is_its_own(seed, last):
    first = (
        "The delegation will pay an official visit to Slovenia on 2–6 February.\n\n"
        if last.startswith("On")
        else "Делегация посетит Словению с официальным визитом 2–6 февраля.\n\n"
    )

    assert proposals(first + last, dt.date(2026, 1, 20)) == [
        ("2026-02-02..2026-02-06", "visit", ""),
        ("2026-02-06..2026-04-26", "exhibition", ""),
    ]


def test_a_day_counted_from_an_events_first_day_past_a_single_day_named_between(seed):
    text = (
        "The Seimas will host the 45th Session of the Baltic Assembly in Vilnius on 22–23 October.\n\n"
        "The programme was approved by the Presidium at its meeting in Riga on Tuesday.\n\n"
        "On the evening of the first day, the winners of the Prizes will be presented with their awards at a ceremony."
    )

    assert proposals(text, dt.date(2026, 10, 2)) == [
        ("2026-10-22..2026-10-23", "meeting", ""),
        ("2026-09-29", "meeting", ""),
        ("2026-10-22", "other", ""),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The Minister's schedule for the coming week\n\n"
            "Mon 13.10\n\n"
            "11:00 — Talks with the Foreign Minister of Indonesia.\n\n"
            "15:00 — Address at the opening of the international conference. The conference runs through Tuesday.\n\n"
            "Wed 15.10 – Thu 16.10\n\n"
            "Working visit to the Republic of Azerbaijan (Baku).",
            "2025-10-10",
            [
                ("2025-10-13", "meeting", ""),
                ("2025-10-13..2025-10-14", "forum", ""),
                ("2025-10-15..2025-10-16", "visit", ""),
            ],
        ),
        (
            "График Министра на предстоящую неделю\n\n"
            "Пн 16.02\n\n"
            "11:00 — переговоры с Министром иностранных дел Таиланда.\n\n"
            "Ср 18.02 – Чт 19.02\n\n"
            "Рабочий визит в Государство Катар.",
            "2026-02-13",
            [("2026-02-16", "meeting", ""), ("2026-02-18..2026-02-19", "visit", "")],
        ),
    ],
)
def test_a_schedules_abbreviated_weekdays_and_timed_lines_are_its_programme(seed, text, published, expected):
    assert proposals(text, dt.date.fromisoformat(published)) == expected


def test_abbreviations_in_lower_case_are_words_not_weekdays(seed):
    assert proposals("The ministers sat on 13.10 in the sun at the forum.", dt.date(2025, 10, 10)) == [
        ("2025-10-13", "forum", "")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last week the Minister took part in the meeting of the Council in Dushanbe on Thursday, 9 October.",
            [("2025-10-09", "meeting", "")],
        ),
        (
            "Выставка-ярмарка проходила в Уральске на прошлой неделе, со вторника по пятницу.",
            [("2025-09-30..2025-10-03", "exhibition", "")],
        ),
    ],
)
def test_a_week_said_loosely_gives_way_to_the_days_named_after_it(seed, text, expected):
    assert proposals(text, dt.date(2025, 10, 10)) == expected


def test_a_delegation_that_was_in_a_country_for_days_of_last_week_made_a_visit(seed):
    text = "A delegation headed by the Head of the Republic was in Turkey from Wednesday to Saturday last week."

    assert proposals(text, dt.date(2027, 1, 19)) == [("2027-01-13..2027-01-16", "visit", "")]


def test_an_event_that_was_in_a_city_stays_its_own_kind(seed):
    assert proposals("The business forum was in Minsk on 14 January.", dt.date(2027, 1, 19)) == [
        ("2027-01-14", "forum", "")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Board of the Commission met on 10 February, the day before the Council.\n\n"
            "The Council of the Commission met in Moscow on 11 February; the next Board meeting is due on 24 March.\n\n"
            'On the day of the Council meeting, the Commission opened the exhibition "Digital Union". '
            "It will run until 6 March.",
            [
                ("2026-02-10", "meeting"),
                ("2026-02-11", "meeting"),
                ("2026-03-24", "meeting"),
                ("2026-02-11..2026-03-06", "exhibition"),
            ],
        ),
        (
            "Встреча заместителей министров пройдёт в Ашхабаде 24 февраля. 25 и 26 февраля состоятся консультации "
            "экспертов.\n\nВ день встречи замминистров в холле Центра откроется фотовыставка «Вода». "
            "Выставка продлится до 13 марта.",
            [
                ("2026-02-24", "meeting"),
                ("2026-02-25..2026-02-26", "meeting"),
                ("2026-02-24..2026-03-13", "exhibition"),
            ],
        ),
        (
            "The forum will be held in Minsk from 24 to 26 February. On the closing day of the forum, a photo "
            "exhibition opens.",
            [("2026-02-24..2026-02-26", "forum"), ("2026-02-26", "exhibition")],
        ),
    ],
)
def test_the_day_of_an_event_named_before_is_that_events_day(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks were held on 10 February.\n\nThe Sous-Sherpas opened the week with a full day of negotiations "
            "on 16 February.",
            [("2026-02-10", "meeting"), ("2026-02-16", "meeting")],
        ),
        (
            "The forum was held on 10 February.\n\nOn the Day of the Forum's founders, the Embassy held a reception "
            "on 16 February.",
            [("2026-02-10", "forum"), ("2026-02-16", "other")],  # the reception: the founders are the Forum's
        ),
        (
            "Концерт прошёл 10 февраля.\n\nВ День концерта памяти, 16 февраля, в посольстве прошёл приём.",
            [("2026-02-10", "other"), ("2026-02-16", "other")],
        ),
    ],
)
def test_a_day_of_that_is_a_length_or_a_name_is_no_earlier_events_day(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Напомним, что 4–5 февраля, то есть на прошлой неделе, мэр находился с рабочим визитом в Смоленске.",
        "The mayor was in Smolensk on 4 and 5 February, i.e. last week, on a working visit.",
    ],
)
def test_days_restated_as_last_week_are_those_days_of_last_weeks_year(seed, text):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 2, 12))] == [
        ("2026-02-04..2026-02-05", "visit")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day said again takes the year of the relative day, whatever the tense of a later clause.
        ("Вчера, 18 февраля, состоялась видеоконференция, на которой обсуждены организации, которые посетят эксперты.",
         [("2025-02-18", "meeting")]),
        ("Yesterday, 18 February, a videoconference was held on the sites the experts will visit.",
         [("2025-02-18", "meeting")]),
        ("Завтра, 20 февраля, пройдёт форум.", [("2025-02-20", "forum")]),
    ],
)  # fmt: skip
def test_a_day_said_again_after_yesterday_or_tomorrow_is_that_day_of_its_year(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2025, 2, 19))] == expected


def test_days_and_a_week_with_an_event_between_stay_apart(seed):
    text = "The forum was held on 4 and 5 February, and last week the ministers held talks."

    assert [(iso, slug) for iso, slug, _reason in proposals(text, dt.date(2026, 2, 12))] == [
        ("2026-02-04..2026-02-05", "forum"),
        ("2026-02-02..2026-02-08", "meeting"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "В следующий понедельник в Астане откроется Национальная выставка. Экспозиция продлится три дня.",
        "The National Exhibition opens in Astana next Monday. It will run for three days.",
    ],
)
def test_a_length_told_in_the_next_sentence_lasts_the_event_just_named(seed, text):
    assert proposals(text, dt.date(2026, 10, 12)) == [("2026-10-19..2026-10-21", "exhibition", "")]


def test_a_length_of_another_kind_of_event_lengthens_nothing(seed):
    text = "The National Exhibition opens in Astana next Monday. The festival will run for three days."

    assert proposals(text, dt.date(2026, 10, 12)) == [("2026-10-19", "exhibition", "")]


@pytest.mark.parametrize(
    "text",
    [
        "11 ноября откроется выставка произведений. Экспозиция будет доступна для посетителей до 06.12.2026.",
        "On 11 November an exhibition of paintings opens; it will be available to visitors until 6 December.",
    ],
)
def test_an_exhibition_available_until_a_day_runs_until_it(seed, text):
    assert proposals(text, dt.date(2026, 10, 12)) == [("2026-11-11..2026-12-06", "exhibition", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our ministers will meet on Saturday, 7 November, two days before the opening.", "2026-11-07"),
        ("Министры встретятся 7 ноября, за два дня до открытия конференции.", "2026-11-07"),
        # A length still lengthens: "lasts two days".
        ("The ministers will meet on 7 November for two days of talks.", "2026-11-07..2026-11-08"),
    ],
)
def test_days_before_another_day_are_a_distance_not_a_length(seed, text, expected):
    assert [p.iso for p in propose(text, published=dt.date(2026, 11, 2))] == [expected]


FEED = """Рыболовство | Telegram-канал

27 октября 2025, 17:40
Послезавтра в Циндао открывается выставка China Fisheries & Seafood Expo. Работать она будет до пятницы.
В прошлую пятницу во Владивостоке провели совещание с экспортерами по подготовке к выставке.

29 октября 2025, 12:15
Сегодня на полях выставки глава делегации провел переговоры с заместителем министра."""

POSTS = """@AkkuyuNPP · 13 Jul 2021
Today the Deputy Minister visited the construction site.

@AkkuyuNPP · 9 Jul 2021
Yesterday the commission met at the site to review the schedule."""


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            FEED,
            dt.date(2025, 11, 3),
            [
                ("2025-10-29..2025-10-31", "exhibition", ""),
                ("2025-10-24", "meeting", ""),
                ("2025-10-29", "meeting", ""),
            ],
        ),
        (POSTS, dt.date(2021, 7, 14), [("2021-07-13", "visit", ""), ("2021-07-08", "meeting", "")]),
    ],
)
def test_relative_days_in_a_feeds_posts_count_from_each_posts_own_date(seed, text, published, expected):
    assert proposals(text, published) == expected


def test_a_programmes_day_heading_without_a_time_is_no_posts_date(seed):
    # "Tomorrow" counts from the release's day, not the heading's (a post says its time: "16 February, 10:05").
    text = "Monday, 16 February\n\nTomorrow the delegation will hold talks in Minsk."
    assert proposals(text, dt.date(2026, 2, 10)) == [("2026-02-11", "meeting", "")]


BARE_FEED = """Election commission — official account
Posts, 10 June – 2 July 2024

2 Jul 2024
On Thursday the commission hosts a round table with international partners.

26 Jun 2024
Signed! Today the Chair and the Ambassador signed a Memorandum of Understanding.

14 Jun 2024
Today the Chair met the Head of the OSCE Programme Office in Bishkek."""


def test_dates_alone_on_their_lines_going_back_in_time_date_a_feeds_posts(seed):
    assert proposals(BARE_FEED, dt.date(2024, 7, 2)) == [
        ("2024-07-04", "forum", ""),
        ("2024-06-26", "signing", ""),
        ("2024-06-14", "meeting", ""),
    ]


@pytest.mark.parametrize(
    ("order", "published", "expected"),
    [
        ([0, 1, 2, 3], dt.date(2024, 7, 2), {2, 4, 6}),  # newest first: a feed, whose date lines are paragraphs 2, 4, 6
        ([0, 3, 2, 1], dt.date(2024, 7, 2), {2, 4, 6}),  # oldest first up to the publication's day: a feed too
        ([0, 3, 2, 1], dt.date(2024, 7, 5), set()),  # going forward to another day: a chronicle's or a programme's
        ([0, 1, 2], dt.date(2024, 7, 2), set()),  # two dates alone: too few to tell
    ],
)
def test_dates_alone_on_their_lines_are_a_feeds_going_back_in_time_or_up_to_its_day(seed, order, published, expected):
    sections = BARE_FEED.split("\n\n")
    paragraphs = split_paragraphs("\n\n".join(sections[k] for k in order))
    reader = ReleaseReader(published=published, language="en")
    assert set(reader.find_feed_lines(paragraphs)) == expected


def test_a_feeds_posts_oldest_first_count_tomorrow_from_their_own_day(seed):
    text = (
        "@GasCompany — official account\n\nSep 3\nThe forum opens today in Vladivostok.\n\nSep 7\nTomorrow our "
        "delegation heads to Astana for the 2nd session of the working group.\n\nSep 10\nSave the date: Energy "
        "Week, 13–15 October, Moscow."
    )

    assert proposals(text, dt.date(2021, 9, 10)) == [
        ("2021-09-03", "forum", ""),
        ("2021-09-08", "meeting", ""),
        ("2021-10-13..2021-10-15", "forum", ""),
    ]


def test_numeric_post_lines_with_a_time_date_a_feeds_posts(seed):
    text = (
        "Telegram-канал агентства — посты за неделю\n\n17.11.2025, 09:14\nДелегация агентства прибыла в Минск.\n\n"
        "19.11.2025, 20:05\nЗавтра в Могилёве пройдёт форум региональных СМИ.\n\n20.11.2025, 12:30\nСегодня "
        "открылась фотовыставка «Союзное государство». Выставка продлится до 15 декабря."
    )

    assert proposals(text, dt.date(2025, 11, 21)) == [
        ("2025-11-17", "visit", ""),
        ("2025-11-20", "forum", ""),
        ("2025-11-20..2025-12-15", "exhibition", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The visit is over. Tomorrow, 20 November, the Forum of Regional Media will open in Mogilev.",
        "Визит завершён, едем в Могилёв. Завтра, 20 ноября, там пройдёт Форум региональных СМИ.",
    ],
)
def test_a_day_said_again_after_a_comma_is_one_day_of_the_event_after_it(seed, text):
    assert proposals(text, dt.date(2025, 11, 19)) == [("2025-11-20", "forum", "")]


@pytest.mark.parametrize(
    "text",
    [
        "Во вторник, 12 ноября, в Москве откроется рабочая встреча руководителей бюро Интерпола. В течение трех дней "
        "участники обсудят розыск лиц.",
        "On Tuesday, 12 November, the Bureau heads will open their working meeting in Moscow. Over three days, the "
        "participants will discuss the search for fugitives.",
    ],
)
def test_a_sentence_opened_by_over_three_days_gives_the_event_before_it_its_length(seed, text):
    assert proposals(text, dt.date(2019, 11, 8)) == [("2019-11-12..2019-11-14", "meeting", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The three-day forum opens on 5 May.", [("2026-05-05..2026-05-07", "forum")]),
        ("Трёхдневный форум откроется 5 мая.", [("2026-05-05..2026-05-07", "forum")]),
        (
            "A delegation completed a two-day working visit to Moldova on Wednesday.",
            [("2026-02-17..2026-02-18", "visit")],
        ),
        ("Трёхдневный визит делегации завершился в среду.", [("2026-02-16..2026-02-18", "visit")]),
        # the length is another event's, or the sentence tells both ends
        (
            "After a three-day visit to Minsk, the Minister opened the exhibition on 5 May.",
            [("2025-05-05", "exhibition")],
        ),
        (
            "The three-day forum opened on 3 May and closed on 5 May.",
            [("2025-05-03..2025-05-05", "forum")],
        ),
    ],
)
def test_a_day_an_event_of_a_told_length_opens_or_closes_on_gives_all_its_days(seed, text, expected):
    assert [(iso, slug) for iso, slug, _reason in proposals(text)] == expected
